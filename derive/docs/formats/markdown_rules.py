r"""markdown-it rules for the Markdown dialects of documentation sites that no published plugin covers.

* :func:`content_tabs_plugin` — MkDocs Material content tabs (``=== "Tab"`` and an
  indented body, as pymdownx.tabbed writes them);
* :func:`quarto_math_plugin` — Quarto display math with a cross-reference label,
  ``$$ ... $$ {#eq-name}``;
* :func:`escaped_brackets_plugin` — ``\\( ... \\)`` and ``\\[ ... \\]``: a doubled
  backslash, since Markdown (and MDX) removes one, leaving ``\(`` for MathJax, as
  the Hugging Face docs and blog write math;
* :func:`mdx_plugin` — the MDX comment ``{/* ... */}``, used instead of ``<!-- -->``.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline


def content_tabs_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "fence", "content_tabs", _content_tab, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )


def _is_code_block(state: StateBlock, line: int) -> bool:
    return state.sCount[line] - state.blkIndent >= 4


def _content_tab(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    if _is_code_block(state, startLine):
        return False
    start = state.bMarks[startLine] + state.tShift[startLine]
    maximum = state.eMarks[startLine]
    line = state.src[start:maximum]
    if not line.startswith("==="):
        return False
    rest = line[3:].lstrip("!+")
    title = rest.strip()
    if not rest[:1].isspace() or len(title) < 2 or title[0] != '"' or title[-1] != '"':
        return False
    if silent:
        return True
    old_parent, old_line_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType = "content_tab"
    state.blkIndent = state.sCount[startLine] + 4
    next_line, was_empty = startLine, False
    while True:
        next_line += 1
        if next_line >= endLine:
            break
        position = state.bMarks[next_line] + state.tShift[next_line]
        is_empty = position >= state.eMarks[next_line]
        if is_empty and was_empty:
            break
        was_empty = is_empty
        if not is_empty and state.sCount[next_line] < state.blkIndent:
            break
    state.lineMax = next_line
    token = state.push("content_tab_open", "div", 1)
    token.block, token.info, token.map = True, title[1:-1], [startLine, next_line]
    state.md.block.tokenize(state, startLine + 1, next_line)
    token = state.push("content_tab_close", "div", -1)
    token.block = True
    state.parentType, state.lineMax, state.blkIndent = old_parent, old_line_max, old_indent
    state.line = next_line
    return True


def quarto_math_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "fence", "quarto_math", _quarto_math_block, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )


def _attributes_after_dollars(text: str) -> str | None:
    """``{#eq-x}`` when ``text`` is ``$$ {#eq-x}``, else None."""
    rest = text.strip()
    if not rest.endswith("}") or "$$" not in rest:
        return None
    head, _, attributes = rest.rpartition("$$")
    attributes = attributes.strip()
    if attributes.startswith("{") and attributes.endswith("}") and "{" not in attributes[1:]:
        return head
    return None


def _quarto_math_block(state: StateBlock, startLine: int, endLine: int, silent: bool) -> bool:
    if _is_code_block(state, startLine):
        return False
    start = state.bMarks[startLine] + state.tShift[startLine]
    first = state.src[start : state.eMarks[startLine]]
    if not first.startswith("$$"):
        return False
    head = _attributes_after_dollars(first[2:])
    if head is not None:  # $$ x = y $$ {#eq-x}
        content, last = head, startLine
    else:
        last, content = None, None
        for line in range(startLine + 1, endLine):
            text = state.src[state.bMarks[line] : state.eMarks[line]]
            if text.strip().startswith("$$"):
                if _attributes_after_dollars(text) is not None and not _attributes_after_dollars(text).strip():
                    last = line
                break
        if last is None:
            return False
        lines = [state.src[start + 2 : state.eMarks[startLine]]]
        lines += [state.src[state.bMarks[k] : state.eMarks[k]] for k in range(startLine + 1, last)]
        content = "\n".join(lines)
    if silent:
        return True
    token = state.push("math_block_label", "math", 0)
    token.block, token.content, token.markup, token.map = True, content, "$$", [startLine, last + 1]
    state.line = last + 1
    return True


def escaped_brackets_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("escape", "escaped_brackets", _escaped_brackets)


def mdx_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("escape", "mdx_comment", _mdx_comment)


def _escaped_brackets(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith("\\\\", pos) or pos + 2 >= len(src) or src[pos + 2] not in "([":
        return False
    close = "\\\\)" if src[pos + 2] == "(" else "\\\\]"
    end = src.find(close, pos + 3)
    if end < 0:
        return False
    if not silent:
        token = state.push("math_inline" if close.endswith(")") else "math_inline_double", "math", 0)
        token.content, token.markup = src[pos + 3 : end], src[pos : pos + 3]
    state.pos = end + 3
    return True


def _mdx_comment(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith("{/*", pos):
        return False
    end = src.find("*/}", pos + 3)
    if end < 0:
        return False
    if not silent:
        token = state.push("html_inline", "", 0)
        token.content = "<!--" + src[pos + 3 : end] + "-->"
        token.meta = {"source": src[pos : end + 3]}
    state.pos = end + 3
    return True
