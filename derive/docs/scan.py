"""Finding the formulas and their tags in documents, with their locations: one entry for every format.

:func:`scan_path` reads one file, :func:`scan_text` a text in a named format, and
:func:`find_documents` the files under some paths (with the paths it could not
search). Each format has its own module in :mod:`derive.docs.formats`:

==================================  ==================================================
``.md`` ``.markdown`` ``.mdx``      :mod:`~derive.docs.formats.markdown` (also MyST,
``.qmd``                            MkDocs admonitions and tabs, Quarto, MDX)
``.rst``                            :mod:`~derive.docs.formats.rst` (docutils; Sphinx)
``.ipynb``                          :mod:`~derive.docs.formats.notebook` (Markdown cells)
``.py``                             :mod:`~derive.docs.formats.python` (docstrings)
``.tex``                            :mod:`~derive.docs.formats.latex`
==================================  ==================================================

A tag is the comment just before a formula (``<!-- derive: NAME; ... -->``,
``.. derive: NAME``, ``% derive: NAME``); it applies to the next math block or inline
formula (all rows of a block). Every formula is read with the macros its document
defines (:mod:`~derive.docs.formats.macros`), and with the macros its site's settings define
(:mod:`~derive.docs.formats.site_macros`: a Sphinx ``conf.py``, Jupyter Book, MyST, MkDocs,
Jekyll, Quarto or Docusaurus settings).

A folder is searched recursively, leaving out hidden folders (``.git``,
``.ipynb_checkpoints``), ``__pycache__``, ``node_modules``, ``site-packages`` and
``_build``; symbolic links to folders are not followed. A ``.tex`` file that another
``.tex`` file of the same search inputs is read as part of that file.
"""

from __future__ import annotations

import os
from pathlib import Path

from derive.docs.formats.common import Found, ScanError, formulas_of_block, read_document, split_rows, tag_of_comment
from derive.docs.formats.latex import scan_latex
from derive.docs.formats.markdown import scan_markdown

__all__ = [
    "Found",
    "ScanError",
    "SUFFIXES",
    "document_files",
    "find_documents",
    "formulas_of_block",
    "scan_file",
    "scan_latex",
    "scan_markdown",
    "scan_path",
    "scan_text",
    "split_rows",
    "tag_of_comment",
]

SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".qmd": "markdown",
    ".mdx": "mdx",
    ".rst": "rst",
    ".ipynb": "notebook",
    ".py": "python",
    ".tex": "latex",
}
SKIPPED_FOLDERS = {"__pycache__", "node_modules", "site-packages", "_build"}
FORMAT_NAMES = "Markdown (.md, .mdx, .qmd), reStructuredText (.rst), a notebook (.ipynb), Python (.py) or LaTeX (.tex)"


def scan_text(text: str, kind: str, file: str = "<text>", path: Path | None = None) -> list[Found]:
    """Every formula of ``text`` in the format ``kind`` (markdown, mdx, rst, notebook, python, latex).

    With ``path``, a LaTeX file's ``\\input`` files are followed, and a page inside a
    site is read with the macros its settings define.
    """
    if kind == "latex":
        return scan_latex(text, file, path)
    table, default_role = None, None
    if path is not None:
        from derive.docs.formats.site_macros import site_macros
        from derive.docs.formats.sphinx_conf import project_default_role

        table, default_role = site_macros(path, text), project_default_role(path)
    if kind in ("markdown", "mdx"):
        return scan_markdown(text, file, mdx=kind == "mdx", table=table)
    if kind == "rst":
        from derive.docs.formats.rst import scan_rst

        return scan_rst(text, file, table=table, default_role=default_role)
    if kind == "notebook":
        from derive.docs.formats.notebook import scan_notebook

        return scan_notebook(text, file, table=table)
    if kind == "python":
        from derive.docs.formats.python import scan_python

        return scan_python(text, file, table=table, default_role=default_role)
    raise ValueError(f"no document format {kind!r}")


def scan_path(path) -> list[Found]:
    """Every formula of one document file; a ScanError (one line, naming the file) when it cannot be read."""
    path = Path(path)
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ScanError(f"{path}: not a document the checker reads; expected {FORMAT_NAMES}", path)
    text = read_document(path)
    try:
        return scan_text(text, kind, str(path), path)
    except RecursionError:
        raise ScanError(f"{path}: nested too deeply to be read", path) from None


scan_file = scan_path


def find_documents(paths) -> tuple[list[Path], list[ScanError]]:
    """(the document files under ``paths``, in order, without repeats; the paths that could not be searched)."""
    files: list[Path] = []
    problems: list[ScanError] = []
    for path in paths:
        path = Path(path)
        try:
            if path.is_dir():
                files.extend(_walk(path, problems))
            elif path.is_file():
                if path.suffix.lower() not in SUFFIXES:
                    problems.append(
                        ScanError(f"{path}: not a document the checker reads; expected {FORMAT_NAMES}", path)
                    )
                else:
                    files.append(path)
            else:
                problems.append(ScanError(f"{path}: no such file or folder", path))
        except OSError as exc:
            problems.append(ScanError(f"{path}: cannot be searched ({exc.strerror or exc})", path))
    unique, seen = [], set()
    for file in files:
        key = os.path.normcase(os.path.abspath(file))
        if key not in seen:
            seen.add(key)
            unique.append(file)
    tex = [f for f in unique if f.suffix.lower() == ".tex"]
    if len(tex) > 1:
        from derive.docs.formats.latex import included_files

        inside = included_files(tex)
        unique = [f for f in unique if f.suffix.lower() != ".tex" or f.resolve() not in inside]
    return unique, problems


def _walk(folder: Path, problems: list) -> list[Path]:
    found = []

    def unsearchable(exc: OSError) -> None:
        where = exc.filename or folder
        problems.append(ScanError(f"{where}: cannot be searched ({exc.strerror or exc})", Path(where)))

    for root, dirs, names in os.walk(folder, onerror=unsearchable):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_FOLDERS)
        for name in sorted(names):
            if os.path.splitext(name)[1].lower() in SUFFIXES:
                found.append(Path(root) / name)
    return found


def document_files(paths) -> list[Path]:
    """The document files under ``paths``; a ScanError for the first path that cannot be searched."""
    files, problems = find_documents(paths)
    if problems:
        raise problems[0]
    return files
