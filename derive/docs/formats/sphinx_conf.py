r"""The macros a Sphinx project declares in its ``conf.py``, read with :mod:`ast` (never imported or run).

Read from literal assignments only: ``mathjax3_config = {"tex": {"macros": {...}}}``
(a macro is ``"TEXT"``, ``["TEXT", N]`` or ``["TEXT", N, "DEFAULT"]``), MathJax 2's
``mathjax_config`` / ``mathjax2_config = {"TeX": {"Macros": {...}}}``, and the
``\newcommand`` lines of ``latex_elements["preamble"]`` and ``imgmath_latex_preamble``.
A page's project is the nearest folder above it holding a ``conf.py``; its
``default_role = "math"`` makes `` `a = b` `` math in its reST pages and docstrings.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from derive.docs.formats.macros import Macro, MacroTable, read_formula, tokens_of

SETTINGS = (
    "mathjax3_config",
    "mathjax_config",
    "mathjax2_config",
    "latex_elements",
    "imgmath_latex_preamble",
    "default_role",
)
MAX_LEVELS = 6


def project_macros(page: Path) -> MacroTable:
    """The macros of the Sphinx project holding ``page`` (an empty table outside one)."""
    conf = _conf_of(page)
    return _child(_conf_settings(*conf)[0]) if conf else MacroTable()


def project_default_role(page: Path) -> str | None:
    """The default role of the Sphinx project holding ``page`` (``math``, ``obj``, ...), or None."""
    conf = _conf_of(page)
    return _conf_settings(*conf)[1] if conf else None


def _conf_of(page: Path) -> tuple[str, tuple] | None:
    """(the nearest conf.py above ``page``, its modification time and size), or None."""
    folder = page.resolve().parent
    for _ in range(MAX_LEVELS):
        conf = folder / "conf.py"
        try:
            if conf.is_file():
                status = conf.stat()
                return str(conf), (status.st_mtime_ns, status.st_size)
        except OSError:  # a folder above the page that cannot be searched: no project known
            return None
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def _child(macros: tuple) -> MacroTable:
    table = MacroTable()
    for macro in macros:
        table.define(macro)
    return table.child()


@functools.lru_cache(maxsize=16)
def _conf_settings(conf: str, stamp: tuple) -> tuple[tuple, str | None]:
    """(the macros, the default role) a ``conf.py`` declares."""
    try:
        tree = ast.parse(Path(conf).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return (), None
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if node.targets[0].id in SETTINGS:
                try:
                    values[node.targets[0].id] = ast.literal_eval(node.value)
                except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
                    continue
    table = MacroTable()
    preamble = values.get("imgmath_latex_preamble", "")
    elements = values.get("latex_elements")
    if isinstance(elements, dict) and isinstance(elements.get("preamble"), str):
        preamble = f"{preamble}\n{elements['preamble']}"
    if isinstance(preamble, str) and preamble.strip():
        read_formula(preamble, table)
    for key, path in (
        ("mathjax_config", ("TeX", "Macros")),
        ("mathjax2_config", ("TeX", "Macros")),
        ("mathjax3_config", ("tex", "macros")),
    ):
        macros = values.get(key)
        for step in path:
            macros = macros.get(step) if isinstance(macros, dict) else None
        if isinstance(macros, dict):
            for name, meaning in macros.items():
                macro = _mathjax_macro(name, meaning)
                if macro is not None:
                    table.define(macro)
    default_role = values.get("default_role")
    return tuple(table.maps.maps[0].values()), default_role if isinstance(default_role, str) else None


def _mathjax_macro(name, meaning) -> Macro | None:
    if not isinstance(name, str) or not name.isalpha():
        return None
    if isinstance(meaning, str):
        meaning = [meaning]
    if not isinstance(meaning, (list, tuple)) or not meaning or not isinstance(meaning[0], str):
        return None
    nargs = meaning[1] if len(meaning) > 1 and isinstance(meaning[1], int) and 0 <= meaning[1] <= 9 else 0
    default = tuple(t for t, _ in tokens_of(meaning[2])) if len(meaning) > 2 and isinstance(meaning[2], str) else None
    return Macro("\\" + name, nargs, default, tuple(t for t, _ in tokens_of(meaning[0])))
