"""The command line: ``python -m derive NAME | path.py | all | appendix | check PATH... | --list``.

Exit status:
  0  every requested result verified (and every requested file was written)
  1  some check failed: a step, a claim's oracle, or a result that could not be checked
  2  the request was wrong: unknown result name, unreadable result file, bad option,
     or output/ not writable
  3  the PDF was requested but no TeX engine is installed (the .tex is still written)
  4  the TeX engine rejected the document (the .tex is still written)
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


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not argparse's usage block
        raise DeriveError(f"{message} (see 'python -m derive --help')")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m derive",
        description="Derive and verify the mathematics behind LLMs, step by step.",
        epilog=__doc__.split("Exit status:", 1)[1].join(["Exit status:", ""]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("targets", nargs="*", metavar="TARGET",
                        help="a result name, a path to a result module (.py), 'all', or 'appendix'")
    parser.add_argument("--list", action="store_true", help="list the catalog: name, title, status")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of text")
    parser.add_argument("--pdf", action="store_true", help="also compile a PDF (needs latexmk or pdflatex)")
    parser.add_argument("--output", default="output", metavar="DIR", help="folder for generated files (default: output)")
    return parser


def _verify_many(results, output: Path, show_progress: bool):
    from derive.render_latex import fragment
    from derive.verify import verify

    reports = []
    for position, result in enumerate(results):
        if show_progress:
            progress.show(position, len(results), result.name)
        report = verify(result)
        write_atomically(output / f"{result.name}.tex", fragment(result, report))
        reports.append(report)
    if show_progress:
        progress.clear()
    return reports


def _cmd_list(args) -> int:
    from derive.registry import load_all

    results = load_all()
    if args.json:
        print(json.dumps([{"name": r.name, "title": r.title} for r in results], indent=2, ensure_ascii=False))
        return EXIT_OK
    from derive.verify import verify

    width = max(len(r.name) for r in results)
    for result in results:
        report = verify(result)
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
    from derive.render_text import derivation, summary_line

    results = _load_targets(args.targets)
    many = len(results) > 1 or args.targets == ["all"]
    reports = _verify_many(results, output, show_progress=many and not args.json)
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

    return build_appendix(output, pdf=args.pdf, as_json=args.json)


def run(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["check"]:  # documentation checks have their own options
        from derive.docs.cli import main_check

        return main_check(argv[1:])
    args = _parser().parse_args(argv)
    output = Path(args.output)
    if args.list:
        return _cmd_list(args)
    if not args.targets:
        raise DeriveError("nothing to do: give a result name, a .py path, 'all' or 'appendix' (or --list)")
    if args.targets == ["appendix"]:
        return _cmd_appendix(args, output)
    if "appendix" in args.targets:
        raise DeriveError("'appendix' cannot be combined with other targets; run it on its own")
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
