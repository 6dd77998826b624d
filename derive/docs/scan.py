"""Finding formulas and their tags in Markdown and LaTeX files, with line numbers.

Markdown is parsed by markdown-it-py with the dollarmath, amsmath and texmath
(``\\[ ... \\]``) plugins, so code fences, code spans and escaped dollars are never
mistaken for math. LaTeX is parsed by pylatexenc's walker: ``$...$``, ``\\[...\\]``,
``$$...$$`` and the equation/align/gather/multline environments (starred or not).
A display block with several rows (``\\\\``) gives one formula per row, except that
a row starting with a relation (``&= ...``) continues the chain of the row before.

A tag is the comment just before a formula: ``<!-- derive: NAME; ... -->`` in
Markdown, ``% derive: NAME; ...`` in LaTeX. It applies to the next math block or
inline formula (all rows of a block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from derive.errors import DeriveError


class ScanError(DeriveError):
    """A path that cannot be read as a document."""


@dataclass
class Found:
    file: str
    line: int
    latex: str
    tag: str | None          # the tag text after "derive:", or None
    tag_line: int | None = None
    display: bool = True


TAG = re.compile(r"^\s*derive\s*:(.*)$", re.S)
RELATION_START = re.compile(r"^\s*(=|<|>|\\le\b|\\leq\b|\\ge\b|\\geq\b|\\approx\b|\\equiv\b|\\leqslant|\\geqslant|\\lt\b|\\gt\b|\\neq\b|:=)")
ENVIRONMENTS = {"equation", "equation*", "align", "align*", "gather", "gather*", "multline", "multline*", "eqnarray",
                "eqnarray*", "flalign", "flalign*", "alignat", "alignat*", "displaymath", "math", "dmath", "dmath*"}


def tag_of_comment(text: str) -> str | None:
    body = text.strip()
    if body.startswith("<!--"):
        body = body[4:]
    if body.endswith("-->"):
        body = body[:-3]
    match = TAG.match(body.strip())
    return match.group(1).strip() if match else None


def split_rows(body: str) -> list[tuple[int, str]]:
    """(line offset, text) of each top-level row of a display block; inner environments stay whole."""
    body = _unwrap(body)
    rows, start, depth, env, k = [], 0, 0, 0, 0
    while k < len(body):
        c = body[k]
        if c == "\\":
            if body.startswith("\\begin", k):
                env += 1
            elif body.startswith("\\end", k):
                env -= 1
            elif body.startswith("\\\\", k) and depth == 0 and env == 0:
                rows.append((start, body[start:k]))
                start = k + 2
                k += 2
                continue
            k += 2
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        k += 1
    rows.append((start, body[start:]))
    out = []
    for offset, text in rows:
        if not text.strip() or text.strip() in ("\\nonumber", "\\notag"):
            continue
        lead = len(text) - len(text.lstrip())
        line = body.count("\n", 0, offset + lead)
        out.append((line, text.strip()))
    return out


def _unwrap(body: str) -> str:
    """The inside of an aligned/split/gathered block that fills a display."""
    stripped = body.strip()
    match = re.match(r"^\\begin\{(aligned|split|gathered|alignedat|array)\}(\{[^}]*\})?(.*)\\end\{\1\}$", stripped, re.S)
    if match:
        return body.replace(stripped, match.group(3))
    return body


def _drop_alignment(row: str) -> str:
    """The row without its top-level alignment marks (those inside cases/matrix environments stay)."""
    out, env, k = [], 0, 0
    while k < len(row):
        if row.startswith("\\begin", k):
            env += 1
        elif row.startswith("\\end", k):
            env -= 1
        if row[k] == "\\" and k + 1 < len(row):
            out.append(row[k:k + 2])
            k += 2
            continue
        out.append(" " if row[k] == "&" and env == 0 else row[k])
        k += 1
    return "".join(out)


def formulas_of_block(body: str) -> list[tuple[int, str]]:
    """(line offset, formula) for a display block: rows, with continuation rows joined to their chain."""
    out = []
    for line, row in split_rows(body):
        clean = _drop_alignment(row).strip()
        if out and RELATION_START.match(clean):
            previous_line, previous = out[-1]
            out[-1] = (previous_line, previous + " " + clean)
        else:
            out.append((line, clean))
    return out


# --- Markdown ----------------------------------------------------------------------------

def _markdown_parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin
    from mdit_py_plugins.texmath import texmath_plugin

    md = MarkdownIt("commonmark")
    md.use(dollarmath_plugin, allow_space=True, double_inline=True)
    md.use(amsmath_plugin)
    md.use(texmath_plugin, delimiters="brackets")
    return md


def scan_markdown(text: str, file: str = "<text>", first_line: int = 0, pending_tag=(None, None)) -> list[Found]:
    tokens = _markdown_parser().parse(text)
    found: list[Found] = []
    pending: list = list(pending_tag)  # tag, its line
    lines = text.splitlines()

    def take():
        tag, line = pending
        pending[0] = pending[1] = None
        return tag, line

    for token in tokens:
        if token.type == "html_block":
            start = token.map[0] if token.map else 0
            end = 0
            for comment in re.finditer(r"<!--.*?-->", token.content, re.S):
                tag = tag_of_comment(comment.group())
                end = comment.end()
                if tag is not None:
                    pending[:] = [tag, first_line + start + 1 + token.content.count("\n", 0, comment.start())]
            rest = token.content[end:]
            if end and rest.strip():
                # CommonMark makes a line that opens with a comment raw HTML; the text after it is still prose
                found.extend(scan_markdown(rest, file, first_line + start + token.content.count("\n", 0, end), take()))
            continue
        if token.type in ("math_block", "math_block_label", "math_block_eqno", "amsmath"):
            start = token.map[0] if token.map else 0
            body = token.content
            first_line_offset = 0
            if token.type == "amsmath":
                match = re.match(r"\s*\\begin\{([^}]*)\}(.*)\\end\{\1\}\s*$", body, re.S)
                if match:
                    first_line_offset = body.count("\n", 0, match.start(2))
                    body = match.group(2)
            elif lines and start < len(lines) and lines[start].strip() in ("$$", "\\["):
                first_line_offset = 0
                body = body.lstrip("\n")
                first_line_offset = 1
            tag, tag_line = take()
            for offset, formula in formulas_of_block(body):
                found.append(Found(file, first_line + start + 1 + first_line_offset + offset, formula, tag, tag_line, True))
            continue
        if token.type == "inline" and token.children:
            base = first_line + (token.map[0] if token.map else 0)
            cursor = 0
            for child in token.children:
                if child.type == "html_inline":
                    tag = tag_of_comment(child.content)
                    if tag is not None:
                        position = token.content.find(child.content, cursor)
                        pending[:] = [tag, base + 1 + token.content.count("\n", 0, max(position, 0))]
                elif child.type in ("math_inline", "math_inline_double", "math_single"):
                    position = token.content.find(child.content, cursor)
                    if position >= 0:
                        cursor = position + len(child.content)
                    line = base + 1 + token.content.count("\n", 0, max(position, 0))
                    tag, tag_line = take()
                    found.append(Found(file, line, child.content.strip(), tag, tag_line, child.type == "math_inline_double"))
                elif child.type == "math_block":
                    tag, tag_line = take()
                    for offset, formula in formulas_of_block(child.content):
                        found.append(Found(file, base + 1 + offset, formula, tag, tag_line, True))
    return found


# --- LaTeX -------------------------------------------------------------------------------

def scan_latex(text: str, file: str = "<text>") -> list[Found]:
    from pylatexenc.latexwalker import (LatexCommentNode, LatexEnvironmentNode, LatexGroupNode, LatexMacroNode,
                                        LatexMathNode, LatexWalker)

    walker = LatexWalker(text, tolerant_parsing=True)
    try:
        nodes, _, _ = walker.get_latex_nodes()
    except Exception as exc:  # pylatexenc raises its own errors on badly broken input
        raise ScanError(f"{file}: the LaTeX could not be read ({exc})") from None
    found: list[Found] = []
    pending: list = [None, None]

    def line_of(position):
        return text.count("\n", 0, position) + 1

    def take():
        tag, line = pending
        pending[0] = pending[1] = None
        return tag, line

    def visit(nodelist):
        for node in nodelist or []:
            if node is None:
                continue
            if isinstance(node, LatexCommentNode):
                tag = tag_of_comment(node.comment)
                if tag is not None:
                    pending[:] = [tag, line_of(node.pos)]
            elif isinstance(node, LatexMathNode):
                verbatim = node.latex_verbatim()
                open_, close = node.delimiters
                inner = verbatim[len(open_):len(verbatim) - len(close)]
                start = line_of(node.pos)
                tag, tag_line = take()
                if node.displaytype == "display":
                    for offset, formula in formulas_of_block(inner):
                        found.append(Found(file, start + offset, formula, tag, tag_line, True))
                else:
                    found.append(Found(file, start, inner.strip(), tag, tag_line, False))
            elif isinstance(node, LatexEnvironmentNode):
                if node.environmentname in ENVIRONMENTS:
                    verbatim = node.latex_verbatim()
                    match = re.match(r"\\begin\{[^}]*\}(\{[^}]*\})?", verbatim)
                    head = match.end() if match else 0
                    tail = verbatim.rfind("\\end")
                    inner = verbatim[head:tail]
                    start = line_of(node.pos) + verbatim.count("\n", 0, head)
                    tag, tag_line = take()
                    for offset, formula in formulas_of_block(inner):
                        found.append(Found(file, start + offset, formula, tag, tag_line, True))
                else:
                    visit(node.nodelist)
            elif isinstance(node, (LatexGroupNode,)):
                visit(node.nodelist)
            elif isinstance(node, LatexMacroNode) and node.nodeargd is not None:
                visit([a for a in (node.nodeargd.argnlist or []) if a is not None])

    visit(nodes)
    return found


# --- files -------------------------------------------------------------------------------

SUFFIXES = {".md": scan_markdown, ".markdown": scan_markdown, ".tex": scan_latex}


def document_files(paths) -> list[Path]:
    files = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()))
        elif path.is_file():
            if path.suffix not in SUFFIXES:
                raise ScanError(f"{path}: not a Markdown (.md) or LaTeX (.tex) file")
            files.append(path)
        else:
            raise ScanError(f"{path}: no such file or folder")
    return files


def scan_file(path) -> list[Found]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ScanError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise ScanError(f"{path}: cannot be read ({exc.strerror})") from None
    return SUFFIXES[path.suffix](text, str(path))
