"""The record of one formula found in a document, tag comments, and the rows of a display block."""

from __future__ import annotations

import re
from dataclasses import dataclass

from derive.docs.tokens import ROW_RELATIONS, ROW_SPACING, closing_bracket
from derive.errors import DeriveError


class ScanError(DeriveError):
    """A path that cannot be read as a document; ``path`` names it when known."""

    def __init__(self, message: str, path=None):
        super().__init__(message)
        self.path = path


@dataclass
class Found:
    """One formula: where it is, its LaTeX (after the document's own macros), and the tag before it.

    ``line`` is 1-based; in a notebook it counts within the cell ``cell`` (1-based,
    counting every cell). ``unreadable`` says why the formula cannot be read with the
    meaning its document gives it (then ``latex`` is the formula as written).
    """

    file: str
    line: int
    latex: str
    tag: str | None  # the tag text after "derive:", or None
    tag_line: int | None = None
    display: bool = True
    cell: int | None = None
    unreadable: str | None = None
    usual: tuple = ()  # macros nothing defines, read by their usual meaning (derive.docs.formats.usual_macros)
    notes: str = ""  # the notes of its alignment's further columns, dropped from it (\text{since } f(x) = x^2)

    @property
    def location(self) -> str:
        if self.cell is not None:
            return f"{self.file}:cell {self.cell}:line {self.line}"
        return f"{self.file}:{self.line}"


MAX_FILE_BYTES = 64 << 20  # notebooks with their outputs reach tens of MB; documentation text far less


def read_document(path) -> str:
    """The text of a document file; a ScanError naming it when it cannot be read, is too large or is not UTF-8."""
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ScanError(f"{path}: cannot be read ({exc.strerror or exc})", path) from None
    if len(data) > MAX_FILE_BYTES:
        raise ScanError(f"{path}: larger than {MAX_FILE_BYTES >> 20} MB, more than a document the checker reads", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ScanError(f"{path}: not UTF-8 text (line {line}); save it as UTF-8", path) from None


TAG = re.compile(r"^\s*derive\s*:(.*)$", re.S)
RELATION = r"(?:=|<|>|:=|\\(?:" + "|".join(ROW_RELATIONS) + r")(?![A-Za-z]))"
RELATION_START = re.compile(r"^\s*" + RELATION)
MATH_ENVIRONMENTS = {
    "equation",
    "equation*",
    "align",
    "align*",
    "gather",
    "gather*",
    "multline",
    "multline*",
    "eqnarray",
    "eqnarray*",
    "flalign",
    "flalign*",
    "alignat",
    "alignat*",
    "displaymath",
    "math",
    "dmath",
    "dmath*",
}


def tag_of_comment(text: str) -> str | None:
    """The tag a comment states (``derive: ...``, with or without ``<!-- -->``), or None."""
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
                spacing = ROW_SPACING.match(body, k + 2)  # \\[0.4em]: the extra space after the row break
                start = k = spacing.end() if spacing else k + 2
                continue
            elif depth == 0 and env == 0 and (prose := INTERTEXT.match(body, k)):
                # \intertext{and so} between two rows is prose set between them, as a row break is
                rows.append((start, body[start:k]))
                closing = closing_bracket(body, prose.end())
                start = k = len(body) if closing is None else closing + 1
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


INTERTEXT = re.compile(r"\\(?:short)?intertext\s*(?=\{)")


def _unwrap(body: str) -> str:
    """The inside of an aligned/split/gathered block that fills a display."""
    stripped = body.strip()
    match = re.match(
        r"^\\begin\{(aligned|split|gathered|alignedat|array)\}(\{[^}]*\})?(.*)\\end\{\1\}$", stripped, re.S
    )
    if match:
        return body.replace(stripped, match.group(3))
    return body


# the first word of a note in a further column that states a condition of the row, not a reason for it
CONDITION_WORDS = {"if", "iff", "for", "when", "whenever", "where", "otherwise", "else", "unless", "provided", "assuming",
                   "with", "given", "only", "on", "at", "as"}  # fmt: skip
NOTE = re.compile(
    r"^(?:\\(?:quad|qquad|[,;:! ])|\s|\()*\\(?:text|textrm|textnormal|textit|textbf|textsf|mbox)\s*\{\s*([^{}]*)"
)


def dropped_notes(body: str) -> str:
    """The notes :func:`formulas_of_block` drops from a display block's rows, joined: what the steps' reasons say."""
    notes = []
    for _, row in split_rows(body):
        kept = _notes_dropped(row)
        if kept != row:
            notes.append(row[len(kept) :])
    return " ".join(notes)


def _notes_dropped(row: str) -> str:
    r"""The row without the notes authors set in an alignment's further columns, ``a &= b & \text{swap sum and
    gradient}``: a column after the row's second ``&`` that opens with text gives the step's reason and is no part of
    the equation. A note that opens with a condition (``& \text{if } x > 0``, ``for``, ``otherwise``) is kept: it
    limits the row, and what it limits is read as before."""
    cells = _top_level_cells(row)
    if len(cells) < 3 or not all(_is_note(cell) for cell in cells[2:] if cell.strip()):
        return row
    if RELATION_CELL.fullmatch(cells[1]):
        return row  # eqnarray's a &=& \mbox{f}[x]: the relation has a column of its own, the third is the right side
    return "&".join(cells[:2])


RELATION_CELL = re.compile(r"\s*" + RELATION + r"\s*")


def _is_note(cell: str) -> bool:
    match = NOTE.match(cell)
    words = match.group(1).lower().split() if match else []
    return bool(words) and words[0].strip("(,.:") not in CONDITION_WORDS


def _drop_alignment(row: str) -> str:
    """The row without its top-level alignment marks (those inside cases/matrix environments stay) and without the
    notes of its further columns (:func:`_notes_dropped`)."""
    row = _notes_dropped(row)
    out, env, k = [], 0, 0
    while k < len(row):
        if row.startswith("\\begin", k):
            env += 1
        elif row.startswith("\\end", k):
            env -= 1
        if row[k] == "\\" and k + 1 < len(row):
            out.append(row[k : k + 2])
            k += 2
            continue
        out.append(" " if row[k] == "&" and env == 0 else row[k])
        k += 1
    return "".join(out)


def formulas_of_block(body: str) -> list[tuple[int, str]]:
    """(line offset, formula) for a display block: rows, with continuation rows joined to their chain.

    A row continues the one before it when it starts with a relation (``&= c``), or when it has no
    relation of its own and starts with an operator (``&\\quad + c``, ``&&\\cdot c``) or follows a row
    that ends with one: a long side broken over lines.
    """
    out, sealed = [], False
    for line, row in split_rows(body):
        side_by_side = _equations_side_by_side(row)
        if side_by_side:  # x + x &= 2x & y + y &= 2y: each equation on its own, none continued by the next row
            out.extend((line, _drop_alignment(equation).strip()) for equation in side_by_side)
            sealed = True
            continue
        clean = _drop_alignment(row).strip()
        if out and not sealed and _continues(out[-1][1], clean):
            previous_line, previous = out[-1]
            if not RELATION_START.match(clean):  # one side goes on: no spacing may cut it at the join
                previous, clean = TRAILING_SPACING.sub("", NUMBERING.sub(" ", previous)), SPACING.sub("", clean)
            out[-1] = (previous_line, previous + " " + clean)
        else:
            out.append((line, clean))
        sealed = False
    return out


def _top_level_cells(row: str) -> list[str]:
    """The row cut at its top-level alignment marks (those inside braces or environments stay)."""
    cells, start, depth, env, k = [], 0, 0, 0, 0
    while k < len(row):
        if row.startswith("\\begin", k):
            env += 1
        elif row.startswith("\\end", k):
            env -= 1
        if row[k] == "\\":
            k += 2
            continue
        depth += 1 if row[k] == "{" else -1 if row[k] == "}" else 0
        if row[k] == "&" and depth == 0 and env == 0:
            cells.append(row[start:k])
            start = k + 1
        k += 1
    cells.append(row[start:])
    return cells


def _equations_side_by_side(row: str) -> list[str] | None:
    """The equations of a row ``a &= b & c &= d`` (column pairs each holding one), or None for one chain."""
    cells = _top_level_cells(row)
    starts = [0] + [
        j
        for j in range(2, len(cells) - 1, 2)
        if cells[j].strip()
        and not RELATION_START.match(cells[j].strip())
        and RELATION_START.match(cells[j + 1].strip())
    ]
    if len(starts) < 2:
        return None
    return ["&".join(cells[a:b]) for a, b in zip(starts, starts[1:] + [len(cells)])]


NUMBERING = re.compile(r"\\(?:nonumber|notag)\b")
SPACING = re.compile(r"^(?:\s|\\(?:quad|qquad|[,;:! ]|[hv]space\*?\s*\{[^{}]*\}))*")
TRAILING_SPACING = re.compile(r"(?:\s|\\(?:quad|qquad|[,;:! ]|[hv]space\*?\s*\{[^{}]*\}))*$")
OPERATOR_START = re.compile(r"^(?:[+\-]|\\(?:cdot|times|pm|mp|div)\b)")
OPERATOR_END = re.compile(r"(?:[+\-]|\\(?:cdot|times|pm|mp|div))(?:\s|\\(?:quad|qquad|[,;:! ]))*$")
RELATION_END = re.compile(RELATION + r"(?:\s|\\(?:quad|qquad|[,;:! ]))*$")  # a &=& \\ &&\hspace{-3cm} b


def _continues(previous: str, row: str) -> bool:
    """Whether ``row`` continues ``previous`` (see :func:`formulas_of_block`): it opens with a relation or an
    operator, or the row before ends with one (its right side is the next row)."""
    if RELATION_START.match(SPACING.sub("", row)):  # &&\hspace{-2.5cm}= c: spacing before the relation
        return True
    if _has_top_level_relation(row):
        return False
    previous = NUMBERING.sub(" ", previous)
    return bool(
        OPERATOR_START.match(SPACING.sub("", row)) or OPERATOR_END.search(previous) or RELATION_END.search(previous)
    )


def _has_top_level_relation(text: str) -> bool:
    """Whether ``text`` has a relation outside braces (the = of \\sum_{i=1} does not count)."""
    depth = 0
    for k, char in enumerate(text):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and (char in "=<>" or RELATION_START.match(text[k:]) and char == "\\"):
            return True
    return False


def strip_math_environment(body: str) -> tuple[int, str]:
    """(line offset, inside) of a display that is one whole ``\\begin{align}...\\end{align}`` (or equation, ...)."""
    match = re.match(r"\s*\\begin\{([^}]*)\}(.*)\\end\{\1\}\s*$", body, re.S)
    if not match or match.group(1) not in MATH_ENVIRONMENTS:
        return 0, body
    start = match.start(2)
    if match.group(1).startswith("alignat"):
        columns = re.match(r"\s*\{[^}]*\}", body[start:])
        start += columns.end() if columns else 0
    return body.count("\n", 0, start), body[start : match.end(2)]


def add_formula(
    out: list, table, file: str, line: int, latex: str, tag, tag_line, display: bool, cell=None, notes: str = ""
) -> None:
    """Append the formula, read with the macros in ``table``, to ``out`` (nothing if it only defines macros)."""
    from derive.docs.formats.macros import read_formula
    from derive.docs.formats.usual_macros import with_usual_meanings

    text, reason = read_formula(latex, table) if table is not None else (latex, None)
    if text is None:
        return
    if tag and table is not None:  # the tag speaks the document's notation too: p_\theta(\bx) with \bx = \mathbf{x}
        expanded, why = read_formula(tag, table.child())
        tag = expanded if expanded and not why else tag
    usual: tuple = ()
    if reason is None:
        text, usual = with_usual_meanings(text)
        if tag:
            tag, in_tag = with_usual_meanings(tag)
            usual = tuple(dict.fromkeys(usual + in_tag))
    out.append(Found(file, line, text, tag, tag_line, display, cell, reason, usual, notes))
