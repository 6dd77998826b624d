r"""The macros a documentation site defines in its settings rather than in its pages, read without running anything.

A page is read with the macros of the site that holds it (the nearest settings file above it, one
search per system), a page's own definitions winning over the site's:

* Sphinx: ``conf.py`` (:mod:`~derive.docs.formats.sphinx_conf`);
* Jupyter Book: ``_config.yml``'s ``sphinx: config: mathjax3_config`` (or ``mathjax_config``,
  ``mathjax2_config``), as in ``conf.py``; MyST (Jupyter Book 2): ``myst.yml``'s ``project: math``;
* MkDocs: the local scripts of ``mkdocs.yml``'s ``extra_javascript`` (under its ``docs_dir``) and
  the theme's ``custom_dir``/``main.html``;
* Jekyll: the page's ``layout`` (its front matter), the layouts that layout sits in, and the files
  they ``{% include %}`` or load by a local ``<script src>``;
* Quarto: ``_quarto.yml``'s (and the page's) ``include-in-header`` files or text and ``header-includes``, and the
  files the page includes with the ``{{< include FILE >}}`` shortcode (a book's macro file, included by each chapter);
* Docusaurus: ``docusaurus.config.js`` (``.ts``, ``.mjs``), the ``macros`` of its KaTeX or MathJax plugin.

In a script or page of settings that names MathJax or KaTeX, every ``macros`` (MathJax 2: ``Macros``)
property whose value is an object literal is a table of macros (:mod:`~derive.docs.formats.object_literals`):
MathJax's ``name: "BODY"`` or ``name: ["BODY", N, "DEFAULT"]``, KaTeX's and MyST's ``"\\name": "BODY"``
(its arguments the ``#1``..``#9`` it writes); ``\newcommand`` definitions in a header are read too. A
setting that cannot be read is ignored, and a macro the site defines twice with different meanings is
not expanded (the formula is UNKNOWN with that reason).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from derive.docs.formats.macros import Macro, MacroTable, read_formula, tokens_of
from derive.docs.formats.object_literals import LiteralError, read_literal
from derive.docs.formats.sphinx_conf import _mathjax_macro, project_macros
from derive.docs.formats.yaml_subset import read_yaml

MAX_LEVELS = 8
MAX_BYTES = 2_000_000
MAX_INCLUDES = 40
MATH_ENGINE = re.compile(r"mathjax|katex", re.I)
MACROS_PROPERTY = re.compile(r"""(?:\b|["'])(?:macros|Macros)["']?\s*:\s*(?=\{)""")
INCLUDE = re.compile(r"\{%-?\s*include\s+([^\s%}]+)")
SCRIPT_SOURCE = re.compile(r"""<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["']""", re.I)
LIQUID = re.compile(r"\{\{.*?\}\}")
DEFINER = re.compile(r"\\(?:newcommand|renewcommand|providecommand|def|DeclareMathOperator)(?![A-Za-z])")
QUARTO_INCLUDE = re.compile(r"\{\{<\s*include\s+([^\s>]+)\s*>\}\}")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
CONFIG_KEYS = (
    ("mathjax_config", ("TeX", "Macros")),
    ("mathjax2_config", ("TeX", "Macros")),
    ("mathjax3_config", ("tex", "macros")),
)


def site_macros(page: Path, text: str = "") -> MacroTable:
    """The macros in force on ``page`` before its own definitions (``text``: the page, for its front matter)."""
    found: dict[str, Macro] = {}
    sphinx = project_macros(page)
    for macro in sphinx.maps.maps[-1].values() if sphinx.maps.maps else ():
        _add(found, macro)
    folder = page.resolve().parent
    front = _front_matter(text)
    for macros in (
        _jupyter_book(folder),
        _myst(folder),
        _mkdocs(folder),
        _jekyll(folder, front.get("layout") if isinstance(front, dict) else None),
        _quarto(folder, front if isinstance(front, dict) else {}, page.resolve().parent),
        _quarto_includes(text, page.resolve().parent),
        _docusaurus(folder),
    ):
        for macro in macros:
            _add(found, macro)
    table = MacroTable()
    for macro in found.values():
        table.define(macro)
    return table.child()


def _add(found: dict, macro: Macro) -> None:
    before = found.get(macro.name)
    if before is not None and before != macro and before.body is not None:
        macro = Macro(
            macro.name, body=None, why=f"the site's settings define {macro.name} twice, with different meanings"
        )
    found[macro.name] = macro


def _nearest(folder: Path, *names: str) -> Path | None:
    for _ in range(MAX_LEVELS):
        for name in names:
            candidate = folder / name
            try:
                if candidate.is_file():
                    return candidate
            except OSError:
                return None
        if folder.parent == folder:
            return None
        folder = folder.parent
    return None


def _stamp(path: Path) -> tuple:
    try:
        status = path.stat()
        return status.st_mtime_ns, status.st_size
    except OSError:
        return ()


def _read(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_BYTES:
            return ""
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


@functools.lru_cache(maxsize=64)
def _yaml_of(path: str, stamp: tuple) -> object:
    return read_yaml(_read(Path(path)))


def _settings(path: Path | None) -> dict:
    if path is None:
        return {}
    value = _yaml_of(str(path), _stamp(path))
    return value if isinstance(value, dict) else {}


def _get(value, *keys):
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _front_matter(text: str) -> object:
    match = FRONT_MATTER.match(text or "")
    return read_yaml(match.group(1)) if match else {}


def macros_of_table(table) -> list[Macro]:
    """The macros of one settings table: MathJax's bare names, KaTeX's and MyST's names with their backslash."""
    out = []
    if not isinstance(table, dict):
        return out
    for name, meaning in table.items():
        if not isinstance(name, str):
            continue
        if name.startswith("\\"):
            macro = _katex_macro(name, meaning)
        else:
            macro = _mathjax_macro(name, meaning)
        if macro is not None:
            out.append(macro)
    return out


def _katex_macro(name: str, meaning) -> Macro | None:
    if not name[1:].isalpha() or not isinstance(meaning, str):
        return None
    body = tuple(t for t, _ in tokens_of(meaning))
    nargs = max((int(t[1]) for t in body if len(t) == 2 and t[0] == "#" and t[1].isdigit()), default=0)
    return Macro(name, nargs, None, body)


def script_macros(text: str) -> list[Macro]:
    """The macros a script or an HTML page of settings defines: its MathJax/KaTeX tables and ``\\newcommand``s (and
    ``\\renewcommand``, ``\\providecommand``, ``\\def``, ``\\DeclareMathOperator``)."""
    out: list[Macro] = []
    if MATH_ENGINE.search(text):
        for match in MACROS_PROPERTY.finditer(text):
            try:
                table, _ = read_literal(text, match.end())
            except (LiteralError, RecursionError):
                continue
            out.extend(macros_of_table(table))
    if DEFINER.search(text):
        table = MacroTable()
        read_formula(text, table)
        out.extend(table.maps.maps[0].values() if table.maps.maps else ())
    return out


@functools.lru_cache(maxsize=128)
def _file_macros(path: str, stamp: tuple) -> tuple[Macro, ...]:
    return tuple(script_macros(_read(Path(path))))


def _macros_of_file(path: Path) -> tuple[Macro, ...]:
    return _file_macros(str(path), _stamp(path)) if path.is_file() else ()


def _jupyter_book(folder: Path) -> list[Macro]:
    config = _get(_settings(_nearest(folder, "_config.yml", "_config.yaml")), "sphinx", "config")
    out = []
    for key, path in CONFIG_KEYS:
        out.extend(macros_of_table(_get(config, key, *path)))
    return out


def _myst(folder: Path) -> list[Macro]:
    return macros_of_table(_get(_settings(_nearest(folder, "myst.yml")), "project", "math"))


def _mkdocs(folder: Path) -> list[Macro]:
    settings_file = _nearest(folder, "mkdocs.yml", "mkdocs.yaml")
    settings = _settings(settings_file)
    if not settings:
        return []
    root = settings_file.parent
    docs = settings.get("docs_dir") if isinstance(settings.get("docs_dir"), str) else "docs"
    out = []
    scripts = settings.get("extra_javascript")
    for item in scripts if isinstance(scripts, list) else []:
        where = item.get("path") if isinstance(item, dict) else item
        if isinstance(where, str) and not re.match(r"[a-z]+:|//", where):
            out.extend(_macros_of_file(root / docs / where))
    custom = _get(settings, "theme", "custom_dir")
    if isinstance(custom, str):
        out.extend(_macros_of_file(root / custom / "main.html"))
    return out


def _jekyll(folder: Path, layout) -> list[Macro]:
    settings_file = _nearest(folder, "_config.yml", "_config.yaml")
    if settings_file is None or not isinstance(layout, str):
        return []
    root = settings_file.parent
    if not ((root / "_layouts").is_dir() or (root / "_includes").is_dir()):
        return []
    return list(_layout_macros(str(root), layout))


@functools.lru_cache(maxsize=64)
def _layout_macros(root: str, layout: str) -> tuple[Macro, ...]:
    """The macros of a Jekyll layout, the layouts it sits in and the files they include."""
    site, out, seen = Path(root), [], set()
    for _ in range(MAX_LEVELS):
        if not layout or layout in seen or not re.fullmatch(r"[\w.-]+", layout):
            break
        seen.add(layout)
        files = sorted((site / "_layouts").glob(f"{layout}.*"))
        if not files:
            break
        text = _read(files[0])
        out.extend(_jekyll_text_macros(site, text, set()))
        front = _front_matter(text)
        layout = front.get("layout") if isinstance(front, dict) else None
    return tuple(out)


def _jekyll_text_macros(site: Path, text: str, included: set) -> list[Macro]:
    out = list(script_macros(text))
    for name in INCLUDE.findall(text):
        if len(included) >= MAX_INCLUDES or name in included or ".." in name:
            continue
        included.add(name)
        out.extend(_jekyll_text_macros(site, _read(site / "_includes" / name), included))
    for source in SCRIPT_SOURCE.findall(text):
        where = LIQUID.sub("", source)
        if re.match(r"[a-z]+:|//", where) or ".." in where or not where.endswith(".js"):
            continue
        out.extend(_macros_of_file(site / where.lstrip("/")))
    return out


def _quarto(folder: Path, front: dict, page_folder: Path) -> list[Macro]:
    settings_file = _nearest(folder, "_quarto.yml", "_quarto.yaml")
    out = []
    for settings, base in (
        (_settings(settings_file), settings_file.parent if settings_file else None),
        (front, page_folder),
    ):
        if not settings or base is None:
            continue
        for where in (settings, _get(settings, "format", "html")):
            for key in ("include-in-header", "header-includes"):
                out.extend(_quarto_headers(_get(where, key), base, key == "header-includes"))
    return out


def _quarto_includes(text: str, page_folder: Path) -> list[Macro]:
    """The macros of the files the page includes by Quarto's shortcode, ``{{< include _macros.tex >}}``, read as
    settings (their definitions only), at most MAX_INCLUDES of them."""
    out = []
    for name in QUARTO_INCLUDE.findall(text)[:MAX_INCLUDES]:
        if ".." not in Path(name).parts and not Path(name).is_absolute():
            out.extend(_macros_of_file(page_folder / name))
    return out


def _quarto_headers(value, base: Path, text_only: bool) -> list[Macro]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, dict):
            if isinstance(item.get("text"), str):
                out.extend(script_macros(item["text"]))
            elif isinstance(item.get("file"), str) and ".." not in item["file"]:
                out.extend(_macros_of_file(base / item["file"]))
        elif isinstance(item, str):
            if text_only or "\n" in item or "<" in item or "\\" in item:
                out.extend(script_macros(item))
            elif ".." not in item:
                out.extend(_macros_of_file(base / item))
    return out


def _docusaurus(folder: Path) -> list[Macro]:
    settings_file = _nearest(folder, "docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs")
    return list(_macros_of_file(settings_file)) if settings_file else []
