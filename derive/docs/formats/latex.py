r"""Formulas in LaTeX (``.tex``), read by pylatexenc's walker.

Math: ``$...$``, ``\(...\)``, ``\[...\]``, ``$$...$$`` and the equation, align,
gather, multline (and similar) environments, starred or not; a display with several
rows gives one formula per row (see :func:`~derive.docs.formats.common.formulas_of_block`).
A tag is the comment ``% derive: NAME; ...`` just before a formula.

The document's own macros (see :mod:`~derive.docs.formats.macros`) are in force
from their definition to the end of the group or environment that holds it, as in
TeX. ``\input``, ``\include`` and ``\subfile`` of a ``.tex`` file are followed: the
chapter's formulas are reported in the chapter's file, read under the macros of the
book that inputs it. The macros of a package that is a ``.sty`` file beside the
document (``\usepackage{mymacros}``) are read too. A chapter read on its own that
names its book (``% !TEX root = ../main.tex``) is read the same way. The content of
``comment`` and verbatim environments is not math.
"""

from __future__ import annotations

import re
from pathlib import Path

from derive.docs.formats.common import (
    MATH_ENVIRONMENTS,
    ScanError,
    add_formula,
    formulas_of_block,
    read_document,
    tag_of_comment,
)
from derive.docs.formats.macros import DEFINERS, MacroTable, read_definition

INCLUDERS = {"input", "include", "subfile"}
PACKAGE_LOADERS = {"usepackage", "RequirePackage"}
NOT_TEXT = {"comment", "verbatim", "verbatim*", "Verbatim", "lstlisting", "minted", "filecontents", "filecontents*"}
MAX_INCLUDE_DEPTH = 20


WALK_BUDGET_SECONDS = 20.0  # the walker's time grows with the square of a run of plain characters
# text accents of one letter (\b{o}, \v{s}) that documents redefine as math names (\renewcommand{\b}{\vec{b}}):
# read as taking an argument, \b in $\b$ took the closing dollar, and the rest of the file was read as math
ONE_LETTER_ACCENTS = ("b", "c", "d", "H", "k", "r", "u", "v")


def _context():
    """pylatexenc's macros, with the one-letter accents taking no argument (see :data:`ONE_LETTER_ACCENTS`)."""
    from pylatexenc.latexwalker import get_default_latex_context_db
    from pylatexenc.macrospec import MacroSpec

    context = get_default_latex_context_db()
    context.add_context_category(
        "one-letter-names", macros=[MacroSpec(name, "") for name in ONE_LETTER_ACCENTS], prepend=True
    )
    return context


def _walk(text: str, file: str):
    from pylatexenc.latexwalker import LatexWalker

    from derive.symbolic import OutOfTime, time_budget

    token = None
    try:
        with time_budget(WALK_BUDGET_SECONDS) as token:
            nodes, _, _ = LatexWalker(text, latex_context=_context(), tolerant_parsing=True).get_latex_nodes()
    except OutOfTime as exc:
        if exc.budget is not token:
            raise
        raise ScanError(
            f"{file}: the LaTeX could not be read within {WALK_BUDGET_SECONDS:g} s "
            f"({len(text)} characters); split very long formulas or lines"
        ) from None
    except Exception as exc:  # pylatexenc raises its own errors on badly broken input
        raise ScanError(f"{file}: the LaTeX could not be read ({exc})") from None
    return nodes


def _include_target(node) -> str | None:
    from pylatexenc.latexwalker import LatexGroupNode

    args = [a for a in (node.nodeargd.argnlist or []) if a is not None] if node.nodeargd is not None else []
    groups = [a for a in args if isinstance(a, LatexGroupNode)]
    if not groups:
        return None
    return groups[-1].latex_verbatim()[1:-1].strip() or None


def resolve_include(name: str, root_dir: Path, here: Path) -> Path | None:
    """The ``.tex`` file ``\\input{name}`` reads: relative to the book's folder, else to the including file's."""
    for base in (root_dir, here):
        for candidate in (base / name, base / f"{name}.tex"):
            if candidate.suffix == ".tex" and candidate.is_file():
                return candidate
    return None


class _Scan:
    def __init__(self, root_dir: Path | None):
        self.root_dir = root_dir
        self.found: list = []
        self.pending: list = [None, None]
        self.active: list[Path] = []
        self.definitions_only = 0  # inside a local package: its macros count, it states no formula

    def take(self):
        tag, line = self.pending
        self.pending[0] = self.pending[1] = None
        return tag, line

    def scan(self, text: str, file: str, table: MacroTable, path: Path | None = None) -> None:
        nodes = _walk(text, file)
        if path is not None:
            self.active.append(path.resolve())
        try:
            _FileVisit(self, text, file, path).visit(nodes, table)
        finally:
            if path is not None:
                self.active.pop()

    def include(self, name: str, here: Path | None, table: MacroTable) -> None:
        if self.root_dir is None or here is None or len(self.active) >= MAX_INCLUDE_DEPTH:
            return
        target = resolve_include(name, self.root_dir, here.parent)
        if target is None or target.resolve() in self.active:
            return
        self.scan(read_document(target), str(target), table, target)

    def load_packages(self, names: str, here: Path | None, table: MacroTable) -> None:
        """Read the macros of the packages among ``names`` that are ``.sty`` files beside the document."""
        if self.root_dir is None or here is None or len(self.active) >= MAX_INCLUDE_DEPTH:
            return
        for name in names.split(","):
            name = name.strip()
            for base in (self.root_dir, here.parent):
                target = base / f"{name}.sty"
                if name and target.is_file() and target.resolve() not in self.active:
                    self.definitions_only += 1
                    try:
                        self.scan(read_document(target), str(target), table, target)
                    finally:
                        self.definitions_only -= 1
                    break


class _FileVisit:
    def __init__(self, scan: _Scan, text: str, file: str, path: Path | None):
        self.scan, self.text, self.file, self.path = scan, text, file, path
        self.skip_until = 0
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line_of(self, position: int) -> int:
        import bisect

        return bisect.bisect_left(self.newlines, position) + 1

    def visit(self, nodelist, table: MacroTable) -> None:
        from pylatexenc.latexwalker import (
            LatexCommentNode,
            LatexEnvironmentNode,
            LatexGroupNode,
            LatexMacroNode,
            LatexMathNode,
        )

        for node in nodelist or []:
            if node is None or node.pos < self.skip_until:
                continue
            if isinstance(node, LatexCommentNode):
                tag = tag_of_comment(node.comment)
                if tag is not None:
                    self.scan.pending[:] = [tag, self.line_of(node.pos)]
            elif isinstance(node, LatexMathNode):
                verbatim = node.latex_verbatim()
                open_, close = node.delimiters
                inner = verbatim[len(open_) : len(verbatim) - len(close)]
                self.formulas(inner, self.line_of(node.pos), node.displaytype == "display", table)
            elif isinstance(node, LatexEnvironmentNode):
                name = node.environmentname
                if name in MATH_ENVIRONMENTS:
                    verbatim = node.latex_verbatim()
                    match = re.match(r"\\begin\{[^}]*\}(\{[^}]*\})?", verbatim)
                    head = match.end() if match else 0
                    inner = verbatim[head : verbatim.rfind("\\end")]
                    self.formulas(inner, self.line_of(node.pos) + verbatim.count("\n", 0, head), True, table)
                elif name not in NOT_TEXT:
                    self.visit(node.nodelist, table.child())
            elif isinstance(node, LatexGroupNode):
                self.visit(node.nodelist, table.child())
            elif isinstance(node, LatexMacroNode):
                if node.macroname in DEFINERS:
                    macro, end, global_ = read_definition(self.text, node.pos, table)
                    if macro is not None:
                        table.define(macro, global_)
                    self.skip_until = end
                elif node.macroname in INCLUDERS:
                    target = _include_target(node)
                    if target:
                        self.scan.include(target, self.path, table)
                elif node.macroname in PACKAGE_LOADERS:
                    names = _include_target(node)
                    if names:
                        self.scan.load_packages(names, self.path, table)
                elif node.nodeargd is not None:
                    self.visit([a for a in (node.nodeargd.argnlist or []) if a is not None], table)

    def formulas(self, inner: str, start: int, display: bool, table: MacroTable) -> None:
        if self.scan.definitions_only:
            return
        tag, tag_line = self.scan.take()
        scope = table.child()  # a definition inside math lasts to the end of that math
        if display:
            for offset, formula in formulas_of_block(inner):
                add_formula(self.scan.found, scope, self.file, start + offset, formula, tag, tag_line, True)
        else:
            add_formula(self.scan.found, scope, self.file, start, inner.strip(), tag, tag_line, False)


def tex_root(text: str, path: Path) -> Path | None:
    """The main file a chapter names in its first lines (``% !TEX root = ../main.tex``), if it exists."""
    for line in text.splitlines()[:5]:
        match = re.match(r"\s*%\s*!\s*TEX\s+root\s*=\s*(.+?)\s*$", line, re.I)
        if match:
            root = (path.parent / match.group(1)).resolve()
            return root if root.is_file() and root != path.resolve() else None
    return None


def scan_latex(text: str, file: str = "<text>", path: Path | None = None, table: MacroTable | None = None) -> list:
    """Every formula of a LaTeX document (and of the ``.tex`` files it inputs, when ``path`` is given).

    A chapter that names its main file (``% !TEX root = ../main.tex``) is read as the
    main file reads it, under the main file's macros.
    """
    root = tex_root(text, path) if path is not None and table is None else None
    if root is not None:
        whole = scan_latex(read_document(root), str(root), root)
        own = [f for f in whole if Path(f.file).resolve() == path.resolve()]
        if own or not whole:
            for f in own:
                f.file = file
            return own
    scan = _Scan(path.parent if path is not None else None)
    scan.scan(text, file, table if table is not None else MacroTable(), path)
    return scan.found


def included_files(paths) -> set[Path]:
    """The ``.tex`` files among those that another one of them inputs (they are read as part of it)."""
    from pylatexenc.latexwalker import LatexMacroNode

    wanted = {Path(p).resolve() for p in paths}
    included: set[Path] = set()
    for path in paths:
        path = Path(path)
        try:
            text = read_document(path)
        except ScanError:
            continue  # reported when the file itself is read
        if not any(f"\\{name}" in text for name in INCLUDERS):
            continue
        try:
            nodes = _walk(text, str(path))
        except ScanError:
            continue
        stack = list(nodes)
        while stack:
            node = stack.pop()
            if node is None:
                continue
            if isinstance(node, LatexMacroNode) and node.macroname in INCLUDERS:
                target = _include_target(node)
                resolved = resolve_include(target, path.parent, path.parent) if target else None
                if resolved is not None and resolved.resolve() in wanted and resolved.resolve() != path.resolve():
                    included.add(resolved.resolve())
            stack.extend(getattr(node, "nodelist", None) or [])
            if getattr(node, "nodeargd", None) is not None:
                stack.extend(node.nodeargd.argnlist or [])
    return included
