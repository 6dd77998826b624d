"""The command line: one parser whose subcommands are verify (the default), appendix, graph,
check, mutate and errata; ``python -m derive NAME | path.py | all | --list`` means ``verify``.

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
import atexit
import gc
import json
import os
import sys
from pathlib import Path

from derive import __version__, progress
from derive.errors import DeriveError
from derive.files import write_atomically

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_PIPE_CLOSED = 0, 1, 2, 141
# SymPy makes and drops millions of small objects: with the collector's default generations (700,
# 10, 10) a catalog run spends 5 % of its time collecting, most of it in full collections that walk
# every expression SymPy's caches hold; larger generations bring that under 2 %
COLLECTOR_THRESHOLDS = (2000, 20, 100)
# SymPy remembers the last 1,000 results of each of its cached functions by default; a catalog run
# builds the same subexpressions again far apart (one claim's points, the next claim's proof), and
# with 100,000 it rebuilds fewer of them: about 5 % of a cold catalog run, for about 40 MiB more
SYMPY_CACHE_ENTRIES = 100_000
NOT_VERIFIED = "not yet verified"  # --list: no stored report for the result as it is now


class OneLineParser(argparse.ArgumentParser):
    """argparse whose usage errors are one-line :class:`DeriveError` messages, not a usage block."""

    def error(self, message):
        raise DeriveError(f"{message} (see '{self.prog} --help')")


COMMANDS = {
    "verify": "verify results (catalog names, result modules NAME.py, or 'all'); the default command",
    "appendix": "verify the catalog (and your result files) and write the LaTeX appendix (and its PDF)",
    "graph": "which result uses which: a text list, output/graph.dot and output/graph.svg",
    "check": "check the formulas of documents (.md .mdx .qmd .rst .ipynb .py .tex) against the catalog",
    "mutate": "the mutation score: wrong variants of each statement must be rejected, rewritings accepted",
    "errata": "audit a claims page and write its errata (Markdown next to the page, LaTeX in output/)",
}
_TAKES_VALUE = {"-j", "--jobs", "--output", "--bib"}  # options whose value is the next word

USAGE = """python -m derive [options] NAME | FILE.py | all ...
       python -m derive --list [--json]
       python -m derive COMMAND [options] ...   (python -m derive COMMAND --help)"""


def _formatted(prog: str):
    return lambda **kw: argparse.RawDescriptionHelpFormatter(prog, max_help_position=30, **kw)


def _add_verify_options(parser, appendix: bool) -> None:
    """The options of verifying results, which 'verify' and 'appendix' share."""
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of text")
    parser.add_argument("--pdf", action="store_true", help="also compile a PDF (needs pdflatex)")
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
        help="leave the catalog out (except what the given result files use)" if appendix else argparse.SUPPRESS,
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


def _parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="python -m derive",
        usage=USAGE,
        description="Derive and verify the mathematics behind LLMs, step by step.",
        epilog=__doc__.split("Exit status:", 1)[1].join(["Exit status:", ""]),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"derive {__version__}")
    commands = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND", parser_class=OneLineParser)

    def command(name, description=None):
        return commands.add_parser(
            name,
            prog=f"python -m derive {name}",
            help=COMMANDS[name],
            description=description or COMMANDS[name].capitalize() + ".",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    verify = command("verify")
    verify.add_argument(
        "targets", nargs="*", metavar="TARGET", help="a result name, a path to a result module (.py), or 'all'"
    )
    verify.add_argument(
        "--list",
        action="store_true",
        help="list the catalog: name, title, status stored by the last verification (never verifies)",
    )
    _add_verify_options(verify, appendix=False)

    appendix = command("appendix")
    appendix.add_argument(
        "targets", nargs="*", metavar="FILE.py", help="results of your own, placed beside the catalog"
    )
    _add_verify_options(appendix, appendix=True)

    graph = command("graph")
    graph.add_argument("--json", action="store_true", help="print the edges as JSON")
    graph.add_argument(
        "--output", default=None, metavar="DIR", help="folder for graph.dot and graph.svg (default: output/)"
    )

    from derive.docs import cli as docs_cli

    check = command("check", description=docs_cli.__doc__)
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a .md, .mdx, .qmd, .rst, .ipynb, .py or .tex file, or a folder (searched recursively)",
    )
    check.add_argument("--strict", action="store_true", help="also fail on UNPARSEABLE and UNKNOWN formulas")
    check.add_argument("--json", action="store_true", help="one JSON object per formula")
    check.add_argument(
        "--no-cache",
        action="store_true",
        help="decide every formula again, even one already decided with the same checker and result",
    )

    mutate = command(
        "mutate",
        description=COMMANDS["mutate"].capitalize()
        + ".\n\nExit status 0 when every wrong variant is rejected and every rewriting accepted, 1 otherwise.",
    )
    mutate.add_argument("names", nargs="+", metavar="NAME", help="catalog result names, or 'all'")
    mutate.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="score on N processes")
    mutate.add_argument("-v", "--verbose", action="store_true", help="list every variant, not only the escapes")

    errata = command(
        "errata",
        description=COMMANDS["errata"].capitalize()
        + ".\n\nExit status 1 when a heading disagrees with its formulas (nothing is written then).",
    )
    errata.add_argument("page", metavar="PAGE", help="the claims page, e.g. docs/source-claims.md")
    errata.add_argument("--output", default="output", metavar="DIR", help="folder for errata.tex (default: output)")
    errata.add_argument("--no-cache", action="store_true", help="decide every formula again")
    return parser


def with_command(argv: list[str]) -> list[str]:
    """``argv`` with its command first: the first word that is not an option (or an option's value) when it
    names a command, else ``verify`` (so ``--json NAME`` is ``verify --json NAME``)."""
    position = 0
    while position < len(argv):
        word = argv[position]
        if word in _TAKES_VALUE:
            position += 2
        elif word == "--" or not word.startswith("-"):
            break
        else:
            position += 1
    if position < len(argv) and argv[position] in COMMANDS:
        return [argv[position], *argv[:position], *argv[position + 1 :]]
    if position >= len(argv) and any(word in ("-h", "--help", "--version") for word in argv):
        return argv  # help or version of the whole program
    return ["verify", *argv]


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line, parsed: ``args.command`` names the command."""
    return _parser().parse_args(with_command(list(argv)))


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

    _refuse_mixed_targets(args.targets, "appendix")
    own = _load_targets(args.targets)
    if args.only and not own:
        raise DeriveError("--only needs result files: python -m derive appendix mine/*.py --only")
    reports = lambda results: _verify_many(results, args, show_progress=not args.json)  # noqa: E731
    built = build_appendix(output, pdf=args.pdf, verify_all=reports, own=own, only=args.only)
    if args.json:
        payload = {
            "tex": str(built.tex),
            "pdf": str(built.pdf) if built.pdf else None,
            "results": [report.to_json() for _, report in built.pairs],
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        total = len(built.pairs)
        print(
            f"appendix: {total - len(built.failed)} of {total} results verified and included; wrote {built.tex}"
            + (f" and {built.pdf}" if built.pdf else "")
        )
        if built.failed:
            print(f"appendix: left out (not verified): {', '.join(built.failed)}", file=sys.stderr)
    return EXIT_FAILED if built.failed else EXIT_OK


def _refuse_mixed_targets(targets, command: str) -> None:
    """'appendix' and 'graph' run on their own; as a result name among others they are a mistake."""
    for other in ("appendix", "graph"):
        if other in targets:
            raise DeriveError(
                f"'{other}' cannot be combined with other targets; run it on its own"
                + (" (or as 'appendix FILE.py ...')" if other == "appendix" else "")
            )


def _output_folder(args) -> Path:
    """``--output``, else ./output; a user's result file never writes into the package's own output/."""
    output = Path(args.output or "output")
    own_files = [
        t for t in getattr(args, "targets", ()) if (t.endswith(".py") or "/" in t or "\\" in t) and Path(t).is_file()
    ]
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


def _cmd_check(args) -> int:
    from derive.docs.cli import check_documents
    from derive.docs.report import exit_status, render_json, summary

    records, problems, files = check_documents(args.paths, use_cache=not args.no_cache)
    if args.json:
        print(render_json(records))
    else:
        for record in records:
            print(record.text())
        print(summary(records))
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if not files and not problems:
        print(
            "warning: no documents found (.md, .mdx, .qmd, .rst, .ipynb, .py, .tex) under " + ", ".join(args.paths),
            file=sys.stderr,
        )
        if args.strict:
            return EXIT_FAILED
    if problems:
        return EXIT_USAGE
    return exit_status(records, args.strict)


def _cmd_mutate(args) -> int:
    from derive.mutation import report_lines, score_all

    scores = score_all(args.names, jobs=args.jobs)
    for line in report_lines(scores, verbose=args.verbose):
        print(line)
    return EXIT_OK if all(found.perfect for found in scores) else EXIT_FAILED


def _cmd_errata(args) -> int:
    from derive.errata import totals_markdown, write_errata

    errata = write_errata(args.page, args.output, use_cache=not args.no_cache)
    if errata.problems:
        for line in errata.problems:
            print(line, file=sys.stderr)
        print(f"derive errata: {len(errata.problems)} problem(s) in {args.page}; nothing written", file=sys.stderr)
        return EXIT_FAILED
    print(totals_markdown(errata.claims), end="")
    print(f"wrote {errata.markdown} and {errata.latex}")
    return EXIT_OK


def _cmd_verify(args) -> int:
    output = _output_folder(args)
    if args.bib:
        from derive.references import use_bibtex

        use_bibtex(args.bib)
    if args.list:
        return _cmd_list(args)
    if not args.targets:
        raise DeriveError("nothing to do: give a result name, a .py path, 'all' or 'appendix' (or --list)")
    _refuse_mixed_targets(args.targets, "verify")
    if args.only:
        raise DeriveError("--only goes with 'appendix': python -m derive appendix mine/*.py --only")
    return _cmd_results(args, output)


def _appendix_with_bib(args) -> int:
    output = _output_folder(args)
    if args.bib:
        from derive.references import use_bibtex

        use_bibtex(args.bib)
    return _cmd_appendix(args, output)


ACTIONS = {
    "verify": _cmd_verify,
    "appendix": _appendix_with_bib,
    "graph": lambda args: _cmd_graph(args, _output_folder(args)),
    "check": _cmd_check,
    "mutate": _cmd_mutate,
    "errata": _cmd_errata,
}


def run(argv=None) -> int:
    """Parse the command line and run its command; return the exit status."""
    args = parse(sys.argv[1:] if argv is None else list(argv))
    return ACTIONS[args.command](args)


def _show_cache_log() -> None:
    """With ``DERIVE_VERBOSE`` set, each cache entry ignored is one line on stderr."""
    if not os.environ.get("DERIVE_VERBOSE"):
        return
    import logging  # only when asked for: it costs a run about 15 ms

    logger = logging.getLogger("derive.cache")
    if not logger.handlers:
        handler = logging.StreamHandler()  # the current sys.stderr, looked up at each line
        handler.setFormatter(logging.Formatter("cache: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def _size_sympy_cache() -> None:
    """Give SymPy's cache :data:`SYMPY_CACHE_ENTRIES` entries, unless the environment names a size.

    SymPy reads its size once, when it is imported, so this takes effect only in a process that has
    not imported it yet (the command line's own; workers of -j N inherit it).
    """
    if "sympy" not in sys.modules:
        os.environ.setdefault("SYMPY_CACHE_SIZE", str(SYMPY_CACHE_ENTRIES))


def main(argv=None) -> int:
    """Entry point: run, and turn a user's mistake into one line on stderr and an exit status."""
    gc.set_threshold(*COLLECTOR_THRESHOLDS)  # this process is ours (workers of -j N inherit it)
    _size_sympy_cache()
    _show_cache_log()
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
        _silence_stdout()
        return EXIT_PIPE_CLOSED


def _silence_stdout() -> None:
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush raises nothing


def command() -> None:
    """``derive`` and ``python -m derive``: :func:`main`, then the process ends with its status at once.

    The exit handlers run and the output is flushed, as at any exit; what is skipped is the
    interpreter freeing its objects one by one (SymPy's caches hold hundreds of thousands): a
    tenth of a second of one result's run, which the operating system does at once. A run that
    leaves a thread behind (an interrupted pool's) or ends by an exception exits as usual.
    """
    status = main()
    threads = sys.modules.get("threading")  # not imported: no thread but this one
    if threads is not None and threads.active_count() > 1:
        sys.exit(status)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            if stream is sys.stdout:
                _silence_stdout()
                status = EXIT_PIPE_CLOSED
        except (OSError, ValueError):
            pass  # a stream already closed or gone: nothing left to write
    os._exit(status)
