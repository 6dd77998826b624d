"""``python -m derive check PATH... [--strict] [--json] [--no-cache]``: check the formulas in documents.

A verdict is cached under the formula, its tag, the checker's source and the bound
result's source, so re-checking unchanged documents is quick; --no-cache decides again.

Exit status: 0 when no formula FAILs (with --strict: and none is UNPARSEABLE or
UNKNOWN), 1 otherwise, 2 for a bad request (a missing path, an unknown option).
"""

from __future__ import annotations

import sys

from derive.errors import DeriveError


def _parser():
    from derive.cli import OneLineParser

    parser = OneLineParser(prog="python -m derive check", description="Check the formulas of Markdown and LaTeX documents against the catalog.")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a .md or .tex file, or a folder (searched recursively)")
    parser.add_argument("--strict", action="store_true", help="also fail on UNPARSEABLE and UNKNOWN formulas")
    parser.add_argument("--json", action="store_true", help="one JSON object per formula")
    parser.add_argument("--no-cache", action="store_true",
                        help="decide every formula again, even one already decided with the same checker and result")
    return parser


def main_check(argv: list[str]) -> int:
    from derive.docs.report import check_paths, exit_status, render_json, summary

    try:
        args = _parser().parse_args(argv)
        records = check_paths(args.paths, use_cache=not args.no_cache)
    except DeriveError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_status
    if args.json:
        print(render_json(records))
    else:
        for record in records:
            print(record.text())
        print(summary(records))
    return exit_status(records, args.strict)
