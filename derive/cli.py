"""The command line: ``python -m derive NAME | path.py | all | appendix | graph | check PATH... | mutate NAME... | --list``.

Exit status:
  0  every requested result verified (and every requested file was written)
  1  some check failed: a step, a claim's oracle, or a result that could not be checked
  2  the request was wrong: unknown result name, unreadable result file, bad option,
     or output/ not writable
  3  the PDF was requested but no TeX engine is installed (the .tex is still written)
  4  the TeX engine rejected the document (the .tex is still written)
  130  interrupted (Ctrl-C); files already in the output folder are left as they were
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from derive import progress
from derive.errors import DeriveError
from derive.files import write_atomically

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class OneLineParser(argparse.ArgumentParser):
    """argparse whose usage errors are one-line :class:`DeriveError` messages, not a usage block."""

    def error(self, message):
        raise DeriveError(f"{message} (see '{self.prog} --help')")


def _parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="python -m derive",
        description="Derive and verify the mathematics behind LLMs, step by step.",
        epilog=__doc__.split("Exit status:", 1)[1].join(["Exit status:", ""]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("targets", nargs="*", metavar="TARGET",
                        help="a result name, a path to a result module (.py), 'all', 'appendix' or 'graph'")
    parser.add_argument("--list", action="store_true", help="list the catalog: name, title, status")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of text")
    parser.add_argument("--pdf", action="store_true", help="also compile a PDF (needs latexmk or pdflatex)")
    parser.add_argument("--output", default="output", metavar="DIR", help="folder for generated files (default: output)")
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                        help="verify on N processes (default: every core this process may use)")
    parser.add_argument("--no-cache", action="store_true",
                        help="verify again even if the result, the engine and the libraries are unchanged")
    return parser


def _verify_many(results, args, show_progress: bool):
    from derive.batch import verify_all

    if args.jobs is not None and args.jobs < 1:
        raise DeriveError(f"-j {args.jobs}: the number of jobs must be 1 or more")
    return verify_all(results, jobs=args.jobs, use_cache=not args.no_cache, show_progress=show_progress)


def _cmd_list(args) -> int:
    from derive.registry import load_all

    results = load_all()
    if args.json:
        print(json.dumps([{"name": r.name, "title": r.title} for r in results], indent=2, ensure_ascii=False))
        return EXIT_OK
    width = max(len(r.name) for r in results)
    for result, report in zip(results, _verify_many(results, args, show_progress=True)):
        status = report.symbolic_status if report.verified else "FAILED"
        print(f"{result.name:<{width}}  {result.title}  [{status}]")
    return EXIT_OK


def _load_targets(targets):
    from derive.registry import load, load_all, load_path

    results = []
    for target in targets:
        if target == "all":
            results.extend(load_all())
        elif target.endswith(".py") or "/" in target or "\\" in target:
            results.append(load_path(target))
        else:
            results.append(load(target))
    return results


def _cmd_results(args, output: Path) -> int:
    from derive.render_latex import fragment
    from derive.render_text import derivation, summary_line

    results = _load_targets(args.targets)
    many = len(results) > 1 or args.targets == ["all"]
    reports = _verify_many(results, args, show_progress=many and not args.json)
    for result, report in zip(results, reports):
        write_atomically(output / f"{result.name}.tex", fragment(result, report))
    status = EXIT_OK if all(r.verified for r in reports) else EXIT_FAILED
    if args.pdf:
        from derive.pdf import build_result_pdfs

        build_result_pdfs(results, output)
    if args.json:
        payload = [r.to_json() for r in reports]
        print(json.dumps(payload if many else payload[0], indent=2, ensure_ascii=False))
        return status
    if many:
        for report in reports:
            print(summary_line(report))
        verified = sum(r.verified for r in reports)
        print(f"{verified} of {len(reports)} results verified; LaTeX in {output}/")
    else:
        print(derivation(results[0], reports[0]))
        print(f"LaTeX written to {output / (results[0].name + '.tex')}")
    return status


def _cmd_appendix(args, output: Path) -> int:
    from derive.appendix import build_appendix

    reports = lambda results: _verify_many(results, args, show_progress=not args.json)  # noqa: E731
    return build_appendix(output, pdf=args.pdf, as_json=args.json, verify_all=reports)


def _cmd_graph(args, output: Path) -> int:
    from derive import graph
    from derive.registry import load_all

    results = load_all()
    dot_path = write_atomically(output / "graph.dot", graph.dot(results))
    svg_path = write_atomically(output / "graph.svg", graph.svg(results))
    if args.json:
        payload = {"edges": [{"result": user, "uses": used} for user, used in graph.edges(results)],
                   "dot": str(dot_path), "svg": str(svg_path)}
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print(graph.text(results))
        print(f"wrote {dot_path} and {svg_path}")
    return EXIT_OK


def run(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["check"]:  # documentation checks have their own options
        from derive.docs.cli import main_check

        return main_check(argv[1:])
    if argv[:1] == ["mutate"]:
        from derive.mutation import main as main_mutate

        return main_mutate(argv[1:])
    args = _parser().parse_args(argv)
    output = Path(args.output)
    if args.list:
        return _cmd_list(args)
    if not args.targets:
        raise DeriveError("nothing to do: give a result name, a .py path, 'all' or 'appendix' (or --list)")
    for command, action in (("appendix", _cmd_appendix), ("graph", _cmd_graph)):
        if args.targets == [command]:
            return action(args, output)
        if command in args.targets:
            raise DeriveError(f"'{command}' cannot be combined with other targets; run it on its own")
    return _cmd_results(args, output)


def main(argv=None) -> int:
    """Entry point: run, and turn a user's mistake into one line on stderr and an exit status."""
    try:
        return run(argv)
    except DeriveError as exc:
        progress.clear()
        print(f"derive: error: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        progress.clear()
        print("derive: interrupted", file=sys.stderr)
        return 130
