"""``python -m derive check PATH... [--strict] [--json] [--no-cache]``: check the formulas in documents.

Formats: Markdown (``.md``, ``.markdown``, ``.mdx``, ``.qmd``; MyST, MkDocs, Quarto),
reStructuredText (``.rst``), Jupyter notebooks (``.ipynb``), Python docstrings
(``.py``) and LaTeX (``.tex``); a folder is searched recursively (see
:mod:`derive.docs.scan`).

A verdict is cached under the formula, its tag, the checker's source and the bound
result's source, so re-checking unchanged documents is quick; --no-cache decides again.

A path that cannot be read (missing, not searchable, not UTF-8, not a document) is
reported on stderr as one line naming it; every other file is still checked.

Exit status: 0 when no formula FAILs (with --strict: and none is UNPARSEABLE or
UNKNOWN, and some document was found); 1 when one does; 2 for a bad request (an
unknown option) or when some path could not be read, after checking the rest.
"""

from __future__ import annotations

import sys

from derive.errors import DeriveError


def _parser():
    from derive.cli import OneLineParser

    parser = OneLineParser(
        prog="python -m derive check",
        description="Check the formulas of documents (.md .mdx .qmd .rst .ipynb .py .tex) against the catalog.",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a .md, .mdx, .qmd, .rst, .ipynb, .py or .tex file, or a folder (searched recursively)",
    )
    parser.add_argument("--strict", action="store_true", help="also fail on UNPARSEABLE and UNKNOWN formulas")
    parser.add_argument("--json", action="store_true", help="one JSON object per formula")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="decide every formula again, even one already decided with the same checker and result",
    )
    return parser


def check_documents(paths, use_cache: bool = False):
    """(records, problems, files): a verdict for every formula of every readable file, a ScanError for each
    path that is not readable, and the document files found."""
    from derive.docs.report import check_file
    from derive.docs.scan import ScanError, find_documents

    files, problems = find_documents(paths)
    records = []
    for path in files:
        try:
            records.extend(check_file(path, use_cache))
        except ScanError as exc:
            problems.append(exc)
    return records, problems, files


def main_check(argv: list[str]) -> int:
    from derive.docs.report import exit_status, render_json, summary

    try:
        args = _parser().parse_args(argv)
        records, problems, files = check_documents(args.paths, use_cache=not args.no_cache)
    except DeriveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_status
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
            return 1
    if problems:
        return 2
    return exit_status(records, args.strict)
