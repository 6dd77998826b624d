r"""Formulas in Markdown: ``.md``, ``.markdown``, ``.mdx`` (MDX), ``.qmd`` (Quarto), MyST, MkDocs.

Parsed by markdown-it-py (CommonMark) with mdit-py-plugins, so code fences, code
spans and escaped dollars are never mistaken for math:

* ``$...$``, ``$$...$$`` (also ``$$...$$ (label)``, MyST), ``\(...\)``, ``\[...\]``
  and top-level ``\begin{align}...`` (amsmath);
* MyST: the ``{math}`` role and directive (backtick or colon fence, with options);
  other directives (``{note}``, ``{admonition}``, ...) have their body read as
  Markdown, ``{eval-rst}`` as reStructuredText; ``% derive: ...`` comment lines;
* MkDocs: admonitions (``!!! note`` / ``??? note`` with an indented body) and
  content tabs (``=== "Tab"``);
* Quarto: ``$$ ... $$ {#eq-label}`` and ``::: {.callout-note}`` divs;
* ``\\( ... \\)`` and ``\\[ ... \\]`` (the Hugging Face docs' way: Markdown leaves
  ``\(`` for MathJax);
* MDX (``.mdx``): the comment ``{/* derive: ... */}``, and the Markdown body of a
  component (``<Tip>`` on its own line, the body on the next lines).

A tag is the comment ``<!-- derive: NAME; ... -->`` just before a formula. Macros
defined inside math (``$\newcommand{\R}{\mathbb{R}}$``, as MathJax allows) hold for
the rest of the page.
"""

from __future__ import annotations

import functools
import re

from derive.docs.formats.common import (
    add_formula,
    dropped_notes,
    formulas_of_block,
    strip_math_environment,
    tag_of_comment,
)
from derive.docs.formats.macros import MacroTable

MATH_BLOCKS = ("math_block", "math_block_label", "math_block_eqno", "amsmath", "math_block_double")
MATH_INLINE = ("math_inline", "math_inline_double", "math_single")
CODE_DIRECTIVES = {
    "code",
    "code-block",
    "code-cell",
    "sourcecode",
    "literalinclude",
    "jupyter-execute",
    "ipython",
    "raw",
    "csv-table",
    "list-table",
    "mermaid",
    "graphviz",
    "toctree",
    "include",
    "glue",
    "bibliography",
}
MARKDOWN_DIRECTIVES = {
    "note",
    "warning",
    "tip",
    "hint",
    "important",
    "caution",
    "attention",
    "danger",
    "error",
    "seealso",
    "admonition",
    "dropdown",
    "margin",
    "sidebar",
    "topic",
    "epigraph",
    "pull-quote",
    "tab-set",
    "tab-item",
    "card",
    "grid",
    "grid-item",
    "grid-item-card",
    "div",
    "container",
    "only",
    "versionadded",
    "versionchanged",
    "deprecated",
    "exercise",
    "solution",
    "figure",
    "glossary",
    "proof",
    "theorem",
    "lemma",
    "definition",
    "example",
    "remark",
}


@functools.lru_cache(maxsize=2)
def _parser(mdx: bool):
    from markdown_it import MarkdownIt
    from mdit_py_plugins.admon import admon_plugin
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.colon_fence import colon_fence_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
    from mdit_py_plugins.myst_blocks import myst_block_plugin
    from mdit_py_plugins.myst_role import myst_role_plugin

    from derive.docs.formats.markdown_rules import (
        content_tabs_plugin,
        escaped_brackets_plugin,
        mdx_plugin,
        quarto_math_plugin,
    )

    md = MarkdownIt("commonmark")
    md.use(front_matter_plugin)
    md.use(quarto_math_plugin)
    md.use(dollarmath_plugin, allow_space=True, double_inline=True, allow_labels=True)
    md.use(amsmath_plugin)
    _use_bracket_math(md)
    md.use(admon_plugin)
    md.use(content_tabs_plugin)
    md.use(colon_fence_plugin)
    md.use(myst_role_plugin)
    md.use(myst_block_plugin)
    md.use(escaped_brackets_plugin)
    if mdx:
        md.use(mdx_plugin)
    return md


def _use_bracket_math(md) -> None:
    """texmath's ``\\( ... \\)`` and ``\\[ ... \\]`` rules, the block ones recording their line range."""
    from mdit_py_plugins.texmath.index import make_block_func, make_inline_func, rules

    for rule in rules["brackets"]["inline"]:
        md.inline.ruler.before("escape", "texmath_" + rule["name"], make_inline_func(rule))
    for rule in rules["brackets"]["block"]:
        rule_function = make_block_func(rule)

        def located(state, start, end, silent, rule_function=rule_function):
            count = len(state.tokens)
            matched = rule_function(state, start, end, silent)
            if matched and not silent and len(state.tokens) > count:
                state.tokens[count].map = [start, state.line]
            return matched

        md.block.ruler.before(
            "fence", "texmath_" + rule["name"], located, {"alt": ["paragraph", "reference", "blockquote", "list"]}
        )


class MarkdownScan:
    """One page: the formulas found so far, the tag waiting for the next formula, the page's macros."""

    def __init__(self, file: str, mdx: bool = False, cell: int | None = None, table: MacroTable | None = None):
        self.file, self.mdx, self.cell = file, mdx, cell
        self.table = table if table is not None else MacroTable()
        self.found: list = []
        self.pending: list = [None, None]

    def take(self):
        tag, line = self.pending
        self.pending[0] = self.pending[1] = None
        return tag, line

    def add(self, line: int, latex: str, display: bool) -> None:
        tag, tag_line = self.take()
        self.add_tagged(line, latex, display, tag, tag_line)

    def add_tagged(self, line, latex, display, tag, tag_line, notes: str = "") -> None:
        add_formula(self.found, self.table, self.file, line, latex, tag, tag_line, display, self.cell, notes)

    def add_block(self, line: int, body: str) -> None:
        """A display block whose first line is ``line``: one formula per row."""
        tag, tag_line = self.take()
        offset, body = strip_math_environment(body)
        notes = dropped_notes(body)
        for row_offset, formula in formulas_of_block(body):
            self.add_tagged(line + offset + row_offset, formula, True, tag, tag_line, notes)

    def scan(self, text: str, first_line: int = 0) -> None:
        """Scan ``text``, whose first line is line ``first_line + 1`` of the page."""
        tokens = _parser(self.mdx).parse(text)
        for token in tokens:
            start = first_line + (token.map[0] if token.map else 0)
            if token.type == "html_block":
                self._html_block(token, start)
            elif token.type == "myst_line_comment":
                tag = tag_of_comment(token.content)
                if tag is not None:
                    self.pending[:] = [tag, start + 1]
            elif token.type in MATH_BLOCKS:
                self.add_block(start + 1, token.content)  # rows count their lines from the opening line
            elif token.type in ("fence", "colon_fence"):
                self._fence(token, start)
            elif token.type == "inline" and token.children:
                self._inline(token, start)

    def _html_block(self, token, start: int) -> None:
        first, _, rest = token.content.partition("\n")
        if self.mdx and _is_component_tag(first) and rest.strip():
            # an MDX component (<Tip>, <hfoption id="...">) whose body follows on the next lines is Markdown
            self.scan(rest, start + 1)
            return
        end = 0
        for comment in re.finditer(r"<!--.*?-->", token.content, re.S):
            tag = tag_of_comment(comment.group())
            end = comment.end()
            if tag is not None:
                self.pending[:] = [tag, start + 1 + token.content.count("\n", 0, comment.start())]
        rest = token.content[end:]
        if end and rest.strip():
            # CommonMark makes a line that opens with a comment raw HTML; the text after it is still prose
            self.scan(rest, start + token.content.count("\n", 0, end))

    def _fence(self, token, start: int) -> None:
        info = token.info.strip()
        if not info.startswith("{") and token.type == "fence":
            return  # a code block
        name = _directive_name(info)
        options, body = _directive_options(token.content)
        body_line = start + 2 + options  # the fence line, then the options
        if name in ("math", "prf:math"):
            self.add_block(body_line, body)
        elif name == "eval-rst":
            from derive.docs.formats.rst import scan_rst

            found = scan_rst(body, self.file, first_line=body_line - 1, table=self.table)
            self.found.extend(_in_cell(found, self.cell))
        elif name in CODE_DIRECTIVES:
            return
        elif token.type == "colon_fence" or name in MARKDOWN_DIRECTIVES or name.startswith(("prf:", "callout")):
            self.scan(body, body_line - 1)

    def _inline(self, token, start: int) -> None:
        cursor = 0
        for child in token.children:
            if child.type == "html_inline":
                tag = tag_of_comment(child.content)
                if tag is not None:
                    needle = (child.meta or {}).get("source", child.content)
                    position = token.content.find(needle, cursor)
                    self.pending[:] = [tag, start + 1 + token.content.count("\n", 0, max(position, 0))]
            elif child.type in MATH_INLINE or (child.type == "myst_role" and child.meta.get("name") == "math"):
                position = token.content.find(child.content, cursor)
                if position >= 0:
                    cursor = position + len(child.content)
                line = start + 1 + token.content.count("\n", 0, max(position, 0))
                self.add(line, child.content.strip(), child.type == "math_inline_double")
            elif child.type == "math_block":
                self.add_block(start + 1, child.content)


def _directive_name(info: str) -> str:
    """``math`` for ``{math}``, ``callout-note`` for Quarto's ``{.callout-note}``, ``note`` for ``note``."""
    if info.startswith("{") and "}" in info:
        info = info[1 : info.find("}")]
    words = info.strip().lstrip(".").split()
    return words[0] if words else ""


def _is_component_tag(line: str) -> bool:
    """Whether ``line`` is one opening MDX component tag such as ``<Tip>`` or ``<Tip warning={true}>``."""
    text = line.strip()
    return (
        len(text) > 2
        and text[0] == "<"
        and text[1].isupper()
        and text.endswith(">")
        and not text.endswith("/>")
        and text.count("<") == 1
    )


def _directive_options(content: str) -> tuple[int, str]:
    """(number of option lines, body) of a MyST directive: ``:key: value`` lines or a ``---`` YAML block."""
    lines = content.split("\n")
    count = 0
    if lines and lines[0].strip() == "---":
        for k in range(1, len(lines)):
            if lines[k].strip() == "---":
                count = k + 1
                break
    else:
        while count < len(lines) and re.match(r"^\s*:[\w-]+:", lines[count]):
            count += 1
    if count and count < len(lines) and not lines[count].strip():
        count += 1
    return count, "\n".join(lines[count:])


def _in_cell(found: list, cell: int | None) -> list:
    for f in found:
        f.cell = cell
    return found


def scan_markdown(
    text: str,
    file: str = "<text>",
    first_line: int = 0,
    pending_tag=(None, None),
    mdx: bool = False,
    cell: int | None = None,
    table: MacroTable | None = None,
) -> list:
    """Every formula of a Markdown page (``first_line`` lines before it; a tag may be pending from before)."""
    scan = MarkdownScan(file, mdx, cell, table)
    scan.pending[:] = list(pending_tag)
    scan.scan(text, first_line)
    return scan.found


def scan_mdx(text: str, file: str = "<text>") -> list:
    return scan_markdown(text, file, mdx=True)
