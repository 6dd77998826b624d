r"""Formulas in the docstrings of Python source (``.py``), as Sphinx's autodoc would show them.

The source is parsed with :mod:`ast`, never imported or run. Every docstring (of the
module, a class, a function, or a string placed after an assignment; a string
assigned to ``__doc__``; the strings given to a ``*docstr*`` call, as PyTorch's
``add_docstr(torch.abs, r"...")``) that holds
``:math:`` or ``.. math::`` is read as reStructuredText
(:mod:`~derive.docs.formats.rst`), with its lines counted in the file. A tag is the
comment ``.. derive: NAME; ...`` inside the docstring, just before the formula.
"""

from __future__ import annotations

import ast
import warnings

from derive.docs.formats.common import Found, ScanError
from derive.docs.formats.macros import MacroTable


def docstrings(text: str, file: str = "<text>") -> list[tuple[int, str]]:
    """(line of the string's first line, text with its indentation removed) for each docstring-like string."""
    try:
        with warnings.catch_warnings():  # "invalid escape sequence" in a docstring is the document's, not ours to print
            warnings.simplefilter("ignore")
            tree = ast.parse(text, filename=file)
    except SyntaxError as exc:
        raise ScanError(f"{file}: not valid Python (line {exc.lineno}: {exc.msg})") from None
    except ValueError as exc:  # NUL bytes
        raise ScanError(f"{file}: not valid Python ({exc})") from None
    out = []
    for node in ast.walk(tree):
        for string in _doc_strings(node):
            out.append((string.lineno, _dedent(string.value)))
    return sorted(out)


def _doc_strings(node) -> list:
    """The string constants that ``node`` gives as documentation."""
    if isinstance(node, ast.Expr):  # a docstring, or a string after an attribute
        candidates = [node.value]
    elif isinstance(node, ast.Assign) and any(_name(t) == "__doc__" for t in node.targets):
        candidates = [node.value]  # f.__doc__ = r"..."
    elif isinstance(node, ast.Call) and "docstr" in (_name(node.func) or ""):
        candidates = list(node.args)  # PyTorch's add_docstr(torch.abs, r"...")
    else:
        return []
    return [c for c in candidates if isinstance(c, ast.Constant) and isinstance(c.value, str)]


def _name(node) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _dedent(value: str) -> str:
    """The docstring with the common indentation of its later lines removed; no line is dropped."""
    lines = value.expandtabs().split("\n")
    indents = [len(line) - len(line.lstrip()) for line in lines[1:] if line.strip()]
    margin = min(indents) if indents else 0
    return "\n".join([lines[0].strip()] + [line[margin:] for line in lines[1:]])


def scan_python(
    text: str, file: str = "<text>", table: MacroTable | None = None, default_role: str | None = None
) -> list[Found]:
    """Every formula of the docstrings of a Python source file."""
    from derive.docs.formats.rst import scan_rst

    found: list[Found] = []
    table = table if table is not None else MacroTable()
    for line, doc in docstrings(text, file):
        if ":math:" in doc or ".. math::" in doc or (default_role == "math" and "`" in doc):
            found.extend(scan_rst(doc, file, first_line=line - 1, table=table, default_role=default_role))
    return found
