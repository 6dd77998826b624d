"""The command line: ``python -m derive NAME | path.py | all | appendix | graph | check PATH... | errata PAGE | mutate NAME... | --list``.

Exit status:
  0  every requested result verified (and every requested file was written)
  1  some check failed: a step, a claim's oracle, or a result that could not be checked
  2  the request was wrong: unknown result name, unreadable result file, bad option,
     or output/ not writable
  3  the PDF was requested but no TeX engine is installed (the .tex is still written)
  4  the TeX engine rejected the document (the .tex is still written)
  130  interrupted (Ctrl-C); files already in the output folder are left as they were
  141  the output was closed before everything was printed (e.g. piped into head)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from derive import __version__, progress
from derive.errors import DeriveError
from derive.files import write_atomically

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PIPE_CLOSED = 0, 1, 2, 141
NOT_VERIFIED = "not yet verified"  # --list: no stored report for the result as it is now


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
    parser.add_argument(
        "targets",
        nargs="*",
        metavar="TARGET",
        help="a result name, a path to a result module (.py), 'all', 'appendix' or 'graph'",
    )
    parser.add_argument(
        "--list",
        action="store_true",
        help="list the catalog: name, title, status stored by the last verification (never verifies)",
    )
    parser.add_argument("--version", action="version", version=f"derive {__version__}")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of text")
    parser.add_argument("--pdf", action="store_true", help="also compile a PDF (needs latexmk or pdflatex)")
    parser.add_argument(
        "--output",
        default=None,
        metavar="DIR",
        help="folder for generated files (default: output/ in the current folder)",
    )
    parser.add_argument(
        "--bib",
        action="append",
        default=[],
        metavar="FILE",
        help="a BibTeX file whose keys results of your own may cite (repeatable)",
    )
    parser.add_argument(
        "--only",
        action="store_true",
        help="with 'appendix' and result files: leave the catalog out (except what they use)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="verify on N processes (default: every core this process may use)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="verify again even if the result, the engine and the libraries are unchanged",
    )
    return parser


def _verify_many(results, args, show_progress: bool):
    from derive.batch import verify_all

    if args.jobs is not None and args.jobs < 1:
        raise DeriveError(f"-j {args.jobs}: the number of jobs must be 1 or more")
    return verify_all(results, jobs=args.jobs, use_cache=not args.no_cache, show_progress=show_progress)


def _cmd_list(args) -> int:
    """The catalog with each result's stored status; nothing is verified (run a result, or 'all', for that)."""
    from derive.cache import stored_status
    from derive.registry import catalog_names, declared_title, load

    entries = []
    for name in catalog_names():
        title = declared_title(name) or load(name).title
        status = None if args.no_cache else stored_status(name)
        entries.append((name, title, status or NOT_VERIFIED))
    if args.json:
        print(json.dumps([{"name": n, "title": t, "status": s} for n, t, s in entries], indent=2, ensure_ascii=False))
        return EXIT_OK
    width = max(len(name) for name, _, _ in entries)
    for name, title, status in entries:
        print(f"{name:<{width}}  {title}  [{status.upper() if status == 'failed' else status}]")
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
    from derive.references import reference

    for result in results:  # an unknown citation is an error now, not after minutes of verification
        for key in result.references:
            reference(key)
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

    own = _load_targets(args.targets[1:])
    if args.only and not own:
        raise DeriveError("--only needs result files: python -m derive appendix mine/*.py --only")
    reports = lambda results: _verify_many(results, args, show_progress=not args.json)  # noqa: E731
    return build_appendix(output, pdf=args.pdf, as_json=args.json, verify_all=reports, own=own, only=args.only)


def _output_folder(args) -> Path:
    """``--output``, else ./output; a user's result file never writes into the package's own output/."""
    output = Path(args.output or "output")
    own_files = [t for t in args.targets if (t.endswith(".py") or "/" in t or "\\" in t) and Path(t).is_file()]
    package_output = Path(__file__).resolve().parent.parent / "output"
    if own_files and args.output is None and output.resolve() == package_output:
        raise DeriveError(
            f"{own_files[0]} is not part of the catalog, so its output does not go into the package's "
            f"output/ ({package_output}); run it from your own folder, which gets ./output/, or pass --output DIR"
        )
    return output


def _cmd_graph(args, output: Path) -> int:
    from derive import graph
    from derive.registry import load_all

    results = load_all()
    dot_path = write_atomically(output / "graph.dot", graph.dot(results))
    svg_path = write_atomically(output / "graph.svg", graph.svg(results))
    if args.json:
        payload = {
            "edges": [{"result": user, "uses": used} for user, used in graph.edges(results)],
            "dot": str(dot_path),
            "svg": str(svg_path),
        }
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
    if argv[:1] == ["errata"]:  # the audit of a claims page and its errata
        from derive.errata import main as main_errata

        return main_errata(argv[1:])
    if argv[:1] == ["mutate"]:
        from derive.mutation import main as main_mutate

        return main_mutate(argv[1:])
    args = _parser().parse_args(argv)
    output = _output_folder(args)
    if args.bib:
        from derive.references import use_bibtex

        use_bibtex(args.bib)
    if args.list:
        return _cmd_list(args)
    if not args.targets:
        raise DeriveError("nothing to do: give a result name, a .py path, 'all' or 'appendix' (or --list)")
    if args.targets[0] == "appendix" and "appendix" not in args.targets[1:] and "graph" not in args.targets:
        return _cmd_appendix(args, output)  # the catalog, and any result files given after it
    for command, action in (("appendix", _cmd_appendix), ("graph", _cmd_graph)):
        if args.targets == [command]:
            return action(args, output)
        if command in args.targets:
            raise DeriveError(
                f"'{command}' cannot be combined with other targets; run it on its own"
                + (" (or as 'appendix FILE.py ...')" if command == "appendix" else "")
            )
    if args.only:
        raise DeriveError("--only goes with 'appendix': python -m derive appendix mine/*.py --only")
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
    except BrokenPipeError:  # the reader went away (``derive --list | head``): stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush raises nothing
        return EXIT_PIPE_CLOSED
