"""Formulas in Jupyter notebooks (``.ipynb``): the Markdown cells, read with nbformat.

A formula's location is its cell (1-based, counting every cell, code cells too) and
its line within the cell: ``file.ipynb:cell 4:line 2``. Cells are read as Markdown
(:mod:`~derive.docs.formats.markdown`); a tag left at the end of a cell applies to
the first formula of the next Markdown cell, and macros defined in math hold for the
rest of the notebook, as in Jupyter's MathJax.
"""

from __future__ import annotations

import warnings

from derive.docs.formats.common import Found, ScanError
from derive.docs.formats.macros import MacroTable


def markdown_cells(text: str, file: str = "<text>") -> list[tuple[int, str]]:
    """(cell number, source) of each Markdown cell."""
    import nbformat

    try:
        with warnings.catch_warnings():  # nbformat's advice on the notebook (missing cell ids) is not a checker message
            warnings.simplefilter("ignore")
            notebook = nbformat.reads(text, as_version=4, capture_validation_error={})
    except Exception as exc:  # nbformat raises several kinds (bad JSON, unknown version, missing keys)
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ScanError(f"{file}: not a Jupyter notebook ({reason[:200]})") from None
    cells = notebook.get("cells", [])
    out = []
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") == "markdown":
            source = cell.get("source", "")
            out.append((number, "".join(source) if isinstance(source, list) else str(source)))
    return out


def scan_notebook(text: str, file: str = "<text>", table: MacroTable | None = None) -> list[Found]:
    """Every formula of the Markdown cells of a notebook, located by cell and line."""
    from derive.docs.formats.markdown import MarkdownScan

    table = table if table is not None else MacroTable()
    found: list[Found] = []
    pending = [None, None]
    for number, source in markdown_cells(text, file):
        scan = MarkdownScan(file, cell=number, table=table)
        scan.pending[:] = pending
        scan.scan(source)
        pending = list(scan.pending)
        found.extend(scan.found)
    return found
