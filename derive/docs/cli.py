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
    """``python -m derive check`` with these arguments; its command line lives in :mod:`derive.cli`."""
    from derive.cli import main

    return main(["check", *argv])
