"""The notation layer: what a formula written for people says, before any meaning is bound.

A formula is lexed into TeX tokens, split at its top-level relations into a chain of
links (``a = b \\le c``), trailing conditions (``\\text{if } i \\ne j``) are set
apart, and each side is rewritten for the LaTeX grammar (:mod:`derive.docs.parse`):
every identifier, function application, derivative, sum and tuple becomes an opaque
placeholder ``\\text{YN}`` whose structure is kept in a table of nodes. The grammar then
only sees arithmetic. What an identifier *means* (σ is the softmax or the logistic
function, ``\\pi_{ref}`` a policy) is decided later, by :mod:`derive.docs.bind`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from derive.errors import DeriveError


class NotationError(DeriveError):
    """A formula whose notation cannot be read (unbalanced braces, a dangling operator, ...)."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__(message)
        self.position = position


class Unsupported(DeriveError):
    """A formula that is readable but uses an operation the checker cannot decide."""


# --- tokens -------------------------------------------------------------------------


@dataclass
class Tok:
    kind: str  # "cs" (control sequence), "ch" (character), "group" ({...}), "made" (a placeholder already made)
    text: str = ""
    pos: int = 0
    items: list = field(default_factory=list)

    def is_cs(self, *names):
        return self.kind == "cs" and self.text in names

    def is_ch(self, *chars):
        return self.kind == "ch" and self.text in chars

    def __repr__(self):
        return f"{{{' '.join(map(repr, self.items))}}}" if self.kind == "group" else self.text


def lex(text: str) -> list:
    """TeX tokens of ``text`` with braces grouped; comments dropped."""
    stack: list[list] = [[]]
    starts = []
    position = 0
    while position < len(text):
        c = text[position]
        if c == "\\":
            end = position + 1
            if end < len(text) and text[end].isalpha():
                while end < len(text) and text[end].isalpha():
                    end += 1
                stack[-1].append(Tok("cs", text[position + 1 : end], position))
            else:
                stack[-1].append(Tok("cs", text[position + 1 : end + 1], position))
                end += 1
            position = end
            continue
        if c == "%":
            newline = text.find("\n", position)
            position = len(text) if newline < 0 else newline
            continue
        if c == "{":
            stack.append([])
            starts.append(position)
        elif c == "}":
            if len(stack) == 1:
                raise NotationError("unbalanced '}'", position)
            items = stack.pop()
            stack[-1].append(Tok("group", "", starts.pop(), items))
        elif not c.isspace():
            stack[-1].append(Tok("ch", c, position))
        elif c.isspace():
            stack[-1].append(Tok("ch", " ", position))
        position += 1
    if len(stack) != 1:
        raise NotationError("unbalanced '{'", starts[-1])
    return stack[0]


def detex(tokens) -> str:
    """Plain text of tokens (for names and conditions)."""
    out = []
    for t in tokens:
        if t.kind == "group":
            out.append(detex(t.items))
        elif t.kind == "cs":
            if t.text in (
                "text",
                "mathrm",
                "operatorname",
                "mathit",
                "textrm",
                "mbox",
                "rm",
                "mathsf",
                "textit",
                "mathbf",
                "boldsymbol",
                "bm",
            ):
                continue
            out.append(t.text if t.text.isalpha() else "")
        else:
            out.append(t.text)
    return "".join(out)


# --- cleaning -----------------------------------------------------------------------

DROP = {
    ",",
    ";",
    "!",
    ":",
    ">",
    " ",
    "quad",
    "qquad",
    "left",
    "right",
    "big",
    "Big",
    "bigg",
    "Bigg",
    "bigl",
    "bigr",
    "Bigl",
    "Bigr",
    "biggl",
    "biggr",
    "displaystyle",
    "textstyle",
    "limits",
    "nolimits",
    "nonumber",
    "notag",
    "middle",
    "thinspace",
    "medspace",
    "thickspace",
    "enspace",
    "mkern",
    "mathstrut",
    "strut",
    "phantom",
    "hphantom",
}
WITH_ARG_DROP = {"label", "tag", "hspace", "vspace", "phantom", "hphantom", "vphantom", "mspace", "color", "textcolor"}
KEEP_QUAD = {"quad", "qquad"}


TEXT_COMMANDS = {"text", "mbox", "textrm", "textnormal", "textit", "textbf", "textsf"}


def _restructure(tokens) -> list:
    """Notation that only moves its parts: \\underset{a}{B} is B_{a}, \\mathop{B} is B,
    \\operatorname*{B} is \\operatorname{B}; \\left. ... \\right|_{x=a} marks an evaluation bar."""
    out = []
    k = 0
    while k < len(tokens):
        t = tokens[k]
        nxt = [m for m in range(k + 1, min(k + 4, len(tokens))) if not tokens[m].is_ch(" ")]
        if t.is_cs("underset") and len(nxt) >= 2 and tokens[nxt[0]].kind == "group" and tokens[nxt[1]].kind == "group":
            out.extend(_restructure(tokens[nxt[1]].items))
            out.extend([Tok("ch", "_", t.pos), tokens[nxt[0]]])
            k = nxt[1] + 1
            continue
        if t.is_cs("mathop") and nxt and tokens[nxt[0]].kind == "group":
            out.extend(_restructure(tokens[nxt[0]].items))
            k = nxt[0] + 1
            continue
        if t.is_cs("operatorname") and nxt and tokens[nxt[0]].is_ch("*"):
            out.append(t)
            k = nxt[0] + 1
            continue
        if t.is_cs("left") and nxt and tokens[nxt[0]].is_cs("{", "lbrace"):
            cases = _brace_cases(tokens, nxt[0] + 1)
            if cases is not None:  # \left\{ \begin{array}{ll} ... \end{array} \right. is a cases block
                out.extend(cases[0])
                k = cases[1]
                continue
        if t.is_cs("right") and nxt and tokens[nxt[0]].is_ch("."):
            k = nxt[0] + 1  # the invisible closing delimiter of \\left\\{ ... \\right.
            continue
        if t.is_cs("left") and nxt and tokens[nxt[0]].is_ch("."):
            out.append(Tok("cs", "evalopen", t.pos))
            k = nxt[0] + 1
            continue
        if (
            t.is_cs("right", "big", "Big", "bigg", "Bigg", "bigr", "Bigr", "biggr", "Biggr")
            and nxt
            and tokens[nxt[0]].is_ch("|")
            and len(nxt) >= 2
            and tokens[nxt[1]].is_ch("_")
        ):
            out.append(Tok("cs", "evalclose", t.pos))
            k = nxt[0] + 1
            continue
        if t.kind == "group":
            out.append(Tok("group", "", t.pos, _restructure(t.items)))
        else:
            out.append(t)
        k += 1
    return out


def _brace_cases(tokens, k):
    """(cases tokens, next k) for ``\\begin{array} ... \\end{array} \\right.`` starting at tokens[k], or None."""
    body = [m for m in range(k, len(tokens)) if not tokens[m].is_ch(" ")]
    if (
        len(body) < 2
        or not tokens[body[0]].is_cs("begin")
        or tokens[body[1]].kind != "group"
        or _word(tokens[body[1]].items) not in ("array", "aligned", "matrix")
    ):
        return None
    depth = 0
    for m in range(body[0], len(tokens)):
        depth += 1 if tokens[m].is_cs("begin") else -1 if tokens[m].is_cs("end") else 0
        if depth == 0:
            break
    else:
        return None
    after = [n for n in range(m + 2, len(tokens)) if not tokens[n].is_ch(" ")]
    if len(after) < 2 or not tokens[after[0]].is_cs("right") or not tokens[after[1]].is_ch("."):
        return None
    inner = tokens[body[1] + 1 : m]
    while inner and (inner[0].is_ch(" ") or inner[0].kind == "group"):  # the column specification {ll}
        inner = inner[1:]
    name = Tok("group", "", tokens[k].pos, [Tok("ch", c, tokens[k].pos) for c in "cases"])
    return [
        Tok("cs", "begin", tokens[k].pos),
        name,
        *_restructure(inner),
        Tok("cs", "end", tokens[k].pos),
        name,
    ], after[1] + 1


def clean(tokens) -> list:
    """Tokens without spacing, sizing and labels; ``\\quad`` is kept as a separator."""
    return _clean(_restructure(tokens))


def _clean(tokens, keep_spaces=False) -> list:
    out = []
    skip_arg = 0
    text_arg = False
    for t in tokens:
        if skip_arg:
            if t.kind == "group":
                skip_arg -= 1
                continue
            if t.is_ch(" "):
                continue
            skip_arg = 0
        if t.kind == "group":
            # the words of \\text{for all } keep their spaces: conditions are read from them
            out.append(Tok("group", "", t.pos, _clean(t.items, keep_spaces or text_arg)))
            text_arg = False
            continue
        text_arg = t.kind == "cs" and t.text in TEXT_COMMANDS
        if t.kind == "cs" and t.text in WITH_ARG_DROP:
            skip_arg = 2 if t.text == "textcolor" else 1
        elif t.kind == "cs" and t.text in KEEP_QUAD:
            out.append(Tok("ch", ";;", t.pos))
        elif t.kind == "cs" and t.text in DROP:
            continue
        elif t.is_ch(" "):
            if keep_spaces:
                out.append(t)
            continue
        elif t.kind == "cs" and t.text == "\\":
            out.append(t)
        elif t.kind == "cs" and t.text == "lvert" or t.kind == "cs" and t.text == "rvert":
            out.append(Tok("ch", "|", t.pos))
        elif t.kind == "cs" and t.text in ("lVert", "rVert", "Vert", "parallel"):
            out.append(Tok("cs", "|", t.pos))
        elif t.kind == "cs" and t.text in ("lbrace", "rbrace"):
            out.append(Tok("cs", "{" if t.text == "lbrace" else "}", t.pos))
        elif t.kind == "cs" and t.text in ("lbrack", "rbrack"):
            out.append(Tok("ch", "[" if t.text == "lbrack" else "]", t.pos))
        elif t.kind == "cs" and t.text in ("mid", "vert"):
            out.append(Tok("ch", "|", t.pos))
        else:
            out.append(t)
    # ||  ->  \|
    merged = []
    for t in out:
        if t.is_ch("|") and merged and merged[-1].is_ch("|"):
            merged[-1] = Tok("cs", "|", merged[-1].pos)
        else:
            merged.append(t)
    return merged


# --- links, relations and conditions ---------------------------------------------------

RELATIONS = {
    "=": "=",
    "<": "<",
    ">": ">",
    "le": "<=",
    "leq": "<=",
    "leqslant": "<=",
    "ge": ">=",
    "geq": ">=",
    "geqslant": ">=",
    "lt": "<",
    "gt": ">",
    "approx": "~",
    "simeq": "~",
    "thickapprox": "~",
    "equiv": "=",
    "coloneqq": "=",
    "triangleq": "=",
    "doteq": "=",
    "eqqcolon": "=",
    "neq": "!=",
    "ne": "!=",
    "propto": "propto",
    "sim": "sim",
    "to": "->",
    "rightarrow": "->",
    "longrightarrow": "->",
    "mapsto": "mapsto",
    "in": "in",
    "iff": "implies",
    "Rightarrow": "implies",
    "implies": "implies",
    "Longrightarrow": "implies",
    "Leftrightarrow": "implies",
    "land": "and",
    "wedge": "and",
    "lor": "or",
    "vee": "or",
}
# relations that say something other than a comparison of values: never decided as one
UNDECIDED_RELATIONS = {
    "sim": "\\sim (distributed as, or of the same order) is not a comparison of values",
    "mapsto": "\\mapsto defines a map; it states nothing to check",
    "implies": "an implication between statements is not decided",
    "or": "a disjunction (\\lor) of statements is not decided",
}


def _relation(tokens, k):
    """(relation, tokens consumed) if a relation starts at tokens[k]."""
    t = tokens[k]
    if t.is_ch(":") and k + 1 < len(tokens) and tokens[k + 1].is_ch("="):
        return "=", 2
    if t.is_ch("<", ">") and k + 1 < len(tokens) and tokens[k + 1].is_ch("="):
        return t.text + "=", 2  # >= typed as two characters
    if t.is_ch("=", "<", ">"):
        return t.text, 1
    if t.kind == "cs" and t.text in RELATIONS:
        return RELATIONS[t.text], 1
    if t.is_cs("xrightarrow", "xlongrightarrow") and k + 1 < len(tokens) and tokens[k + 1].kind == "group":
        return "->", 2
    if t.is_cs("stackrel", "overset") and k + 2 < len(tokens) and tokens[k + 2].kind == "group":
        inner = tokens[k + 2].items
        if len(inner) == 1:
            found = _relation(inner, 0)
            if found:
                return found[0], 3
    return None


@dataclass
class Condition:
    left: str
    relation: str  # "=" or "!="
    right: str


@dataclass
class Chain:
    """Sides (token lists) and the relations between them, plus conditions on indices."""

    sides: list
    relations: list
    conditions: list
    arrows: list = field(default_factory=list)  # for each relation, the annotation of an arrow (n \\to \\infty)
    stated: list = field(default_factory=list)  # other stated conditions (token lists): comparisons, definitions


CONDITION_WORDS = (
    "if",
    "for",
    "when",
    "where",
    "with",
    "otherwise",
    "and",
    "all",
    "each",
    "every",
    "whenever",
    "since",
    "as",
)


def _condition_text(tokens) -> str:
    return detex(tokens)


def parse_conditions(tokens) -> list:
    """Index conditions like ``i = j``, ``i \\neq j`` from the tail of a formula."""
    found = []
    flat = []
    for t in tokens:
        if t.kind == "group":
            flat.extend(t.items)
        else:
            flat.append(t)
    letters = [t for t in flat if t.kind == "ch" and t.text.isalpha() and len(t.text) == 1]
    for k, _ in enumerate(flat):
        rel = _relation(flat, k) if k < len(flat) else None
        if rel and rel[0] in ("=", "!=") and 0 < k and k + rel[1] < len(flat):
            a, b = flat[k - 1], flat[k + rel[1]]
            if a.kind == "ch" and b.kind == "ch" and a.text.isalpha() and b.text.isalpha():
                found.append(Condition(a.text, rel[0], b.text))
    del letters
    return found


def _is_condition_start(tokens, k) -> bool:
    t = tokens[k]
    if t.is_ch(";;"):
        return True
    if (
        t.is_cs("text", "mbox", "textrm", "mathrm", "textnormal")
        and k + 1 < len(tokens)
        and tokens[k + 1].kind == "group"
    ):
        words = detex(tokens[k + 1].items).strip().lower().split()
        return bool(words) and words[0].strip(",.:") in CONDITION_WORDS
    if t.is_cs("forall", "text", "mbox", "textrm"):
        return True
    if t.is_ch(",") and k + 1 < len(tokens):
        rest = tokens[k + 1 :]
        if any(_relation(rest, m) for m in range(len(rest))):
            # ", i \ne j" : a comma whose tail is a short index relation
            letters = [x for x in rest if x.kind == "ch" and x.text.isalpha()]
            return len(rest) <= 6 and len(letters) <= 3
    return False


ALIGNED = {
    "aligned",
    "align",
    "align*",
    "split",
    "gathered",
    "eqnarray",
    "eqnarray*",
    "multline",
    "multline*",
    "alignedat",
    "alignat",
    "alignat*",
    "flalign",
    "flalign*",
    "equation",
    "equation*",
    "gather",
    "gather*",
}


def _unwrap_rows(tokens) -> list:
    """One chain from a display of rows: an aligned/split wrapper and its ``&`` and ``\\\\`` removed,
    continuation rows (``&= ...``, ``&+ ...``) joined; several equations in one block are refused."""
    while (
        tokens
        and tokens[0].is_cs("begin")
        and len(tokens) > 1
        and tokens[1].kind == "group"
        and _word(tokens[1].items) in ALIGNED
        and tokens[-2:-1]
        and tokens[-2].is_cs("end")
    ):
        tokens = tokens[2:-2]
        if (
            tokens
            and tokens[0].kind == "group"
            and all(x.is_ch("l", "r", "c") or x.kind == "ch" and x.text.isdigit() for x in tokens[0].items)
        ):
            tokens = tokens[1:]  # alignedat's column count
    rows, current, env_depth = [], [], 0
    for t in tokens:
        env_depth += 1 if t.is_cs("begin") else -1 if t.is_cs("end") else 0
        if env_depth == 0 and t.is_cs("\\"):
            rows.append(current)
            current = []
        elif not (env_depth == 0 and t.is_ch("&")):
            current.append(t)
    rows.append(current)
    rows = [r for r in rows if r]
    joined = rows[:1]
    for row in rows[1:]:
        while len(row) > 1 and row[0].is_ch(";;"):
            row = row[1:]  # &\quad + b^2: an indented continuation
        if _relation(row, 0) or row[0].is_ch("+", "-") or row[0].is_cs("cdot", "times", "pm", "mp"):
            joined[-1] = joined[-1] + row
        else:
            joined.append(row)
    if len(joined) > 1:
        raise Unsupported(f"{len(joined)} separate equations in one display; each is checked on its own line")
    return joined[0] if joined else []


class Conditions(list):
    """The index conditions of a formula (Condition), with the other conditions it states:
    ``comparisons`` (Comparison, imposed on the sampled points) and ``definitions`` (name -> Side,
    ``where \\beta = 0.9``), filled in by :func:`rewrite_chain`."""

    comparisons: tuple = ()
    definitions: dict = {}


def _trim(tokens):
    while tokens and (tokens[-1].is_ch(".", ",", ";", ";;", ":") or tokens[-1].is_cs("\\")):
        tokens = tokens[:-1]
    return tokens


def _pieces(tail) -> list:
    """The conjuncts of a condition tail, split at commas, \\land and "and"; words dropped."""
    pieces, current = [], []
    for t in tail:
        if t.is_ch(",", ";;", ";") or t.is_cs("land", "wedge"):
            pieces.append(current)
            current = []
        elif t.is_cs(*TEXT_COMMANDS, "mathrm") or t.is_cs("forall", "quad", "qquad"):
            continue
        elif (
            t.kind == "group"
            and all(x.kind == "ch" and (x.text.isalpha() or x.text in " ,.:") for x in t.items)
            and detex(t.items).strip().lower().strip(",.:").split()
            and all(
                w.strip(",.:") in CONDITION_WORDS + ("all", "any", "some", "in", "of", "the", "that", "each", "or")
                for w in detex(t.items).lower().split()
            )
        ):
            if {"and", "or"} & set(detex(t.items).lower().split()):
                pieces.append(current)
                current = []
            continue
        else:
            current.append(t)
    pieces.append(current)
    return [p for p in pieces if p]


def _is_index_condition(piece) -> bool:
    rel = [m for m in range(len(piece)) if _relation(piece, m)]
    return (
        len(piece) == 3
        and len(rel) == 1
        and rel[0] == 1
        and _relation(piece, 1)[0] in ("=", "!=")
        and piece[0].kind == "ch"
        and piece[0].text.isalpha()
        and piece[2].kind == "ch"
        and piece[2].text.isalpha()
    )


def _harmless_membership(piece) -> bool:
    """``i \\in [n]``, ``x \\in \\mathbb{R}^n``: a statement of type or range, which the domain already fixes."""
    at = next((m for m in range(len(piece)) if piece[m].is_cs("in")), None)
    if at is None or at == 0:
        return False
    right = piece[at + 1 :]
    return bool(right) and (
        right[0].is_cs("mathbb")
        or (len(right) == 3 and right[0].is_ch("[") and right[2].is_ch("]"))
        or (right[0].is_cs("{") and any(x.is_cs("dots", "ldots", "cdots") for x in right))
    )


def _arrow_target(tokens):
    """(variable, target tokens) of ``n \\to \\infty``, or None."""
    at = next((m for m in range(len(tokens)) if tokens[m].is_cs("to", "rightarrow", "longrightarrow")), None)
    if at is None or at == 0:
        return None
    return tokens[:at], tokens[at + 1 :]


def split_chain(tokens) -> Chain:
    """Split a cleaned formula at its top-level relations; set trailing conditions apart."""
    tokens = _trim(_unwrap_rows(tokens))
    body, tail = tokens, []
    env_depth = bracket_depth = 0
    for k in range(len(tokens)):
        env_depth += 1 if tokens[k].is_cs("begin") else -1 if tokens[k].is_cs("end") else 0
        # a comma inside brackets separates arguments, as in H(P, Q) = 1.9: never a condition
        bracket_depth += (
            1
            if tokens[k].is_ch("(", "[") or tokens[k].is_cs("{")
            else -1
            if tokens[k].is_ch(")", "]") or tokens[k].is_cs("}")
            else 0
        )
        if env_depth == 0 and bracket_depth == 0 and _is_condition_start(tokens, k):
            body, tail = _trim(tokens[:k]), tokens[k:]
            break
    sides, relations, arrows, current = [], [], [], []
    k = 0
    depth = 0
    while k < len(body):
        t = body[k]
        if t.is_ch("(", "[") or t.is_cs("{", "langle", "begin"):
            depth += 1
        elif t.is_ch(")", "]") or t.is_cs("}", "rangle", "end"):
            depth -= 1
        rel = _relation(body, k) if depth == 0 else None
        if rel:
            sides.append(current)
            relations.append(rel[0])
            arrows.append(body[k + 1].items if t.is_cs("xrightarrow", "xlongrightarrow") else None)
            current = []
            k += rel[1]
            continue
        current.append(t)
        k += 1
    sides.append(current)
    if "equality" in detex(tail).lower():
        tail = []  # "with equality if and only if ...": a remark on the bound, not a condition of it
    conditions = Conditions(parse_conditions(tail))
    stated = []
    ranges = any(t.is_cs("dots", "ldots", "cdots") for t in _flatten(tail))
    for piece in _pieces(tail):
        if (
            not any(_relation(piece, m) for m in range(len(piece)))
            or _is_index_condition(piece)
            or _harmless_membership(piece)
        ):
            continue
        if "->" in relations and _arrow_target(piece):
            arrows = [a if a is not None or r != "->" else piece for a, r in zip(arrows, relations)]
            continue
        if (
            _relation(piece, 1)
            and _relation(piece, 1)[0] == "="
            and piece[0].kind == "ch"
            and piece[0].text in "ijklmnt"
            and (ranges or len(piece) == 3)
        ):
            continue  # i = 1, \dots, n: the range of an index, which the domain fixes
        stated.append(piece)
    if any(t.is_cs("lor", "vee") for t in _flatten(tail)) or "or" in detex(tail).lower().split():
        if len(conditions) + len(stated) > 1:
            raise Unsupported("conditions joined by 'or' cannot be imposed")
    return Chain(sides, relations, conditions, arrows, stated)


# --- nodes ---------------------------------------------------------------------------


@dataclass
class Side:
    """One side of a link: grammar text with placeholders, and what each placeholder stands for."""

    text: str
    table: dict
    source: str = ""


@dataclass
class Atom:
    key: str  # normalised name: "z", "sigma", "hat_y", "softmax", "E", "one"
    sub: list  # subscript items: index letters / numbers as strings; [] if none
    sub_text: str  # the subscript as plain text ("ref", "KL", "ij")
    star: bool = False
    transpose: bool = False
    decoration: str = ""  # other superscript text kept as part of the name ("ref")
    args: list | None = None  # list of Side, for applications
    seps: list = field(default_factory=list)  # separators between args: ",", "|", "||", ";"
    post_sub: list = field(default_factory=list)  # f(z)_i
    brackets: str = "("

    def full_keys(self):
        keys = []
        if self.sub_text:
            keys.append(f"{self.key}_{self.sub_text}")
        if self.decoration:
            keys.append(f"{self.key}^{self.decoration}")
        return keys


@dataclass
class SumNode:
    op: str  # "sum" or "prod"
    variables: list  # letters
    low: Side | None
    high: Side | None
    body: Side
    excluded: list = field(default_factory=list)  # Σ_{j ≠ i}: letters the variable skips


@dataclass
class Deriv:
    num: Side
    den: Side
    order: int = 1


@dataclass
class TupleNode:
    items: list
    columns: int = 0  # > 0 for a matrix written out entry by entry: items row by row


@dataclass
class Cases:
    rows: list  # (Side, [Condition])


@dataclass
class Indicator:
    condition: Condition


@dataclass
class Number:
    text: str


@dataclass
class Apply:
    """max(a, b), \\min\\{a, b\\}, clip(x, a, b), sign(x), argmax(v): an operation on its arguments."""

    op: str
    args: list  # Side


@dataclass
class Extremum:
    """\\max_i z_i, \\operatorname{argmax}_i z_i: an operation over the values of an index."""

    op: str
    variable: str
    body: Side
    low: Side | None = None
    high: Side | None = None


@dataclass
class Norm:
    """\\|x\\| (Euclidean), \\|x\\|_1, \\|x\\|_\\infty, \\|A\\|_F."""

    body: Side
    order: str = ""


@dataclass
class Comparison:
    """A condition between values, ``A > 0`` or ``1 - \\epsilon \\le r \\le 1 + \\epsilon``."""

    sides: list  # Side
    relations: list


@dataclass
class Branches:
    """A piecewise definition: rows (value, [Condition | Comparison], otherwise)."""

    rows: list


@dataclass
class Prime:
    """f'(x), \\sigma''(z): the derivative of a one-argument function, taken at its argument."""

    target: Any  # the applied Atom, or the name of a native function ("tanh")
    order: int
    arg: Side
    variable: str  # the name bound to the differentiation variable
    variable_side: Side


@dataclass
class Series:
    """1 + \\gamma + \\gamma^2 + \\ldots: an endless sum whose pattern is read from its explicit terms."""

    terms: list  # Side, the terms written before the dots


@dataclass
class Integral:
    """\\int_a^b f(x)\\,dx: a definite integral; a bound is None when infinite (sign in ``infinite``)."""

    variable: str
    low: Side | None
    high: Side | None
    infinite: tuple  # (sign of the lower bound if infinite else 0, same for the upper)
    body: Side


@dataclass
class Inverse:
    """\\sigma^{-1}(x): the argument at which a one-argument function takes the value x."""

    target: Any  # the Atom of the function, applied to variable_side
    arg: Side
    variable: str  # the name bound to the function's argument
    variable_side: Side


@dataclass
class Product:
    """u \\odot v, u \\circ v (elementwise), u \\otimes v (outer)."""

    op: str
    factors: list  # Side


@dataclass
class Transposed:
    body: Side


@dataclass
class Component:
    """(W x)_j: a component of a bracketed vector or matrix."""

    body: Side
    indices: list  # index names


@dataclass
class Limit:
    variable: str
    target: Side | None  # None for an infinite limit
    infinite: int  # +1 / -1 for ±∞, 0 for a finite target
    direction: str  # "+", "-" or "+-"
    body: Side


@dataclass
class EvaluatedAt:
    """\\left. f \\right|_{x = a}: f with x put to a (after any derivative in f is taken)."""

    body: Side
    variable: Side
    value: Side


@dataclass
class Count:
    """\\#\\{i : z_i > 0\\}: how many indices satisfy the conditions."""

    variable: str
    conditions: list  # Comparison


GREEK = {
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "varepsilon",
    "zeta",
    "eta",
    "theta",
    "vartheta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "pi",
    "varpi",
    "rho",
    "varrho",
    "sigma",
    "varsigma",
    "tau",
    "upsilon",
    "phi",
    "varphi",
    "chi",
    "psi",
    "omega",
    "Gamma",
    "Delta",
    "Theta",
    "Lambda",
    "Xi",
    "Pi",
    "Sigma",
    "Upsilon",
    "Phi",
    "Psi",
    "Omega",
    "ell",
    "imath",
    "jmath",
    "hbar",
    "nabla",
}
GREEK_ALIASES = {
    "varepsilon": "epsilon",
    "vartheta": "theta",
    "varphi": "phi",
    "varsigma": "sigma",
    "varrho": "rho",
    "varpi": "pi",
}
FONT = {
    "mathbf": "",
    "boldsymbol": "",
    "bm": "",
    "vec": "",
    "mathit": "",
    "mathsf": "",
    "textbf": "",
    "mathbfit": "",
    "hat": "hat_",
    "widehat": "hat_",
    "bar": "bar_",
    "overline": "bar_",
    "tilde": "tilde_",
    "widetilde": "tilde_",
    "mathcal": "cal_",
    "mathscr": "cal_",
    "mathbb": "",
    "mathrm": "",
    "operatorname": "",
    "text": "",
    "textrm": "",
    "mbox": "",
    "textnormal": "",
    "mathnormal": "",
    "dot": "dot_",
    "check": "check_",
    "breve": "breve_",
}
WORD_FUNCTIONS = {
    "softmax",
    "sigmoid",
    "logistic",
    "diag",
    "tr",
    "trace",
    "Var",
    "var",
    "Cov",
    "KL",
    "CE",
    "E",
    "H",
    "D",
    "LayerNorm",
    "LN",
    "logsoftmax",
    "params",
    "rank",
    "Params",
    "std",
    "sgn",
    "sign",
    "Attention",
    "logit",
    "mean",
    "argmax",
    "max",
    "min",
}
NATIVE = {
    "exp": r"\exp",
    "ln": r"\ln",
    "log": r"\ln",
    "sqrt": r"\sqrt",
    "sin": r"\sin",
    "cos": r"\cos",
    "tanh": r"\tanh",
    "cdot": r"\cdot",
    "times": r"\times",
    "frac": r"\frac",
    "dfrac": r"\frac",
    "tfrac": r"\frac",
    "cfrac": r"\frac",
}
UNSUPPORTED = {
    "iint",
    "oint",
    "limsup",
    "liminf",
    "sup",
    "inf",
    "arg",
    "det",
    "oplus",
    "ast",
    "star",
    "succ",
    "prec",
    "infty",
    "cup",
    "cap",
    "subset",
    "forall",
    "exists",
    "overbrace",
    "underbrace",
    "choose",
    "pm",
    "mp",
}


# the same function under the names library documentation gives it
FUNCTION_ALIASES = {
    "Tr": "tr",
    "Trace": "tr",
    "Sigmoid": "sigmoid",
    "LogSoftmax": "logsoftmax",
    "log_softmax": "logsoftmax",
    "Softmax": "softmax",
    "SoftMax": "softmax",
}


def _word(tokens) -> str:
    return "".join(t.text if t.kind != "group" else _word(t.items) for t in tokens if not t.is_ch(" "))


MAX_PLACEHOLDERS = 250
_APPLIED = re.compile(r"(\\text\{Y\d+\})\s*\(")


class Rewriter:
    """Rewrites a cleaned token list into grammar text with placeholders."""

    def __init__(self, log_base: str = "e", functions=()):
        self.table = {}
        self.log_base = log_base
        self.functions = set(functions)  # names the document defines as functions: f(x + h) applies f

    def placeholder(self, node) -> str:
        if len(self.table) >= MAX_PLACEHOLDERS:
            raise Unsupported(f"more than {MAX_PLACEHOLDERS} symbols and numbers in one formula")
        # \text{Y7} is read by the grammar as the symbol Y7 some 40 times faster than Y_{7} (a subscript)
        number = len(self.table) + 1
        self.table[f"Y{number}"] = node
        return f" \\text{{Y{number}}} "

    def side(self, tokens) -> Side:
        text = self.emit(list(tokens))
        return Side(text, self.table, _plain(tokens))

    def sub_side(self, tokens) -> Side:
        """A nested side sharing this rewriter's table (placeholders stay unique)."""
        return Side(self.emit(list(tokens)), self.table, _plain(tokens))

    # -- helpers --
    @staticmethod
    def _script(tokens, k):
        """(script tokens, next k) for ``_x`` / ``_{...}`` starting at tokens[k] (the _ or ^)."""
        if k + 1 >= len(tokens):
            raise NotationError("a sub- or superscript has nothing after it", tokens[k].pos)
        t = tokens[k + 1]
        if t.kind == "group":
            return t.items, k + 2
        if t.kind == "cs" and t.text in FONT and k + 2 < len(tokens) and tokens[k + 2].kind == "group":
            return [t, tokens[k + 2]], k + 3
        return [t], k + 2

    def _atom_name(self, tokens, k):
        """(key, next k) for an identifier at tokens[k], or None."""
        t = tokens[k]
        if t.kind == "ch" and t.text.isalpha():
            # multi-letter words written bare (softmax, KL, Var, log)
            run = ""
            m = k
            while m < len(tokens) and tokens[m].kind == "ch" and tokens[m].text.isalpha():
                run += tokens[m].text
                m += 1
            for word in sorted(WORD_FUNCTIONS | {"log", "exp", "ln"}, key=len, reverse=True):
                if len(word) > 1 and run.startswith(word):
                    if word in ("log", "exp", "ln"):
                        return ("__native__" + word, k + len(word))
                    return (word, k + len(word))
            return (t.text, k + 1)
        if t.kind == "cs" and t.text in GREEK:
            return (GREEK_ALIASES.get(t.text, t.text), k + 1)
        if t.kind == "cs" and t.text in FONT and k + 1 < len(tokens) and not tokens[k + 1].is_ch(" "):
            inner = tokens[k + 1].items if tokens[k + 1].kind == "group" else [tokens[k + 1]]
            prefix = FONT[t.text]
            if (
                t.text in ("mathbb", "mathbf", "boldsymbol", "bm", "mathrm", "text")
                and _word(inner) in ("1", "I")
                and t.text != "mathrm"
            ):
                if _word(inner) == "1":
                    return ("one", k + 2)
            word = _word([x for x in inner if not x.is_ch(" ")])
            if len(inner) == 1 and inner[0].kind == "cs" and inner[0].text in GREEK:
                word = GREEK_ALIASES.get(inner[0].text, inner[0].text)
            elif len(inner) == 2 and inner[0].kind == "cs" and inner[0].text in FONT and inner[1].kind == "group":
                nested = self._atom_name(inner, 0)
                word = nested[0] if nested else word
            if not word:
                return None
            if word == "1":
                return ("one", k + 2)
            return (prefix + FUNCTION_ALIASES.get(word, word), k + 2)
        return None

    def _balanced(self, tokens, k, open_, close):
        """(inner tokens, next k) for a bracket pair starting at tokens[k]."""
        depth = 0
        for m in range(k, len(tokens)):
            if tokens[m].is_ch(open_) or tokens[m].is_cs(open_):
                depth += 1
            elif tokens[m].is_ch(close) or tokens[m].is_cs(close):
                depth -= 1
                if depth == 0:
                    return tokens[k + 1 : m], m + 1
        raise NotationError(f"'{open_}' is never closed", tokens[k].pos)

    @staticmethod
    def _split_args(tokens):
        args, seps, current, depth = [], [], [], 0
        for t in tokens:
            if t.is_ch("(", "[") or t.is_cs("{"):
                depth += 1
            elif t.is_ch(")", "]") or t.is_cs("}"):
                depth -= 1
            if depth == 0 and (t.is_ch(",", "|", ";") or t.is_cs("|")):
                args.append(current)
                seps.append("||" if t.is_cs("|") else t.text)
                current = []
                continue
            current.append(t)
        args.append(current)
        return args, seps

    @staticmethod
    def _simple(tokens) -> bool:
        """Whether bracket content reads as arguments (letters, names, numbers), not a product."""
        args, _ = Rewriter._split_args(tokens)
        for arg in args:
            if not arg:
                return False
            for t in arg:
                if t.is_ch("+", "-", "*", "/", "=") or t.is_cs(
                    "cdot", "times", "frac", "sqrt", "exp", "log", "ln", "sum"
                ):
                    return False
            letters = [t for t in arg if t.kind == "ch" and t.text.isalpha()]
            if len(letters) > 1 and not any(t.kind == "cs" for t in arg) and not any(t.is_ch("_", "^") for t in arg):
                if _word(arg) not in WORD_FUNCTIONS:
                    return False
        return True

    def _subscript_items(self, script) -> tuple[list, str]:
        text = detex(script).replace(" ", "")
        plain = text.replace("\\", "")
        if "," in plain:
            items = [s for s in plain.split(",") if s]
        elif plain.isalpha() and len(plain) <= 3 and plain.islower():
            items = list(plain)
        else:
            items = [plain]
        return items, plain

    # -- main loop --
    def emit(self, tokens, products=True) -> str:
        over = [m for m, x in enumerate(tokens) if x.is_cs("over")]
        if over:  # {a \\over b}
            if len(over) > 1 or over[0] in (0, len(tokens) - 1):
                raise NotationError("\\over needs one numerator and one denominator", tokens[over[0]].pos)
            return r"\frac{" + self.emit(tokens[: over[0]]) + "}{" + self.emit(tokens[over[0] + 1 :]) + "}"
        dots = next((m for m, x in enumerate(tokens) if x.is_cs(*DOTS)), None)
        if dots is not None:
            return self.emit(self._series(tokens, dots), products)
        if products:
            text = self._products(tokens)
            if text is not None:
                return text
        bar = _top_level(tokens, lambda x: x.is_cs("evalclose"))
        if bar is not None and _top_level(tokens[:bar], lambda x: x.is_cs("evalopen")) is None:
            tokens = [Tok("cs", "evalopen", tokens[0].pos)] + list(
                tokens
            )  # f(x) \Big|_{x=0}: the bar closes all before it
        out = []
        k = 0
        while k < len(tokens):
            t = tokens[k]
            if t.is_ch(" "):  # a space kept inside \text{...}
                k += 1
                continue
            if t.kind == "made":  # a placeholder made before this pass (an endless sum)
                out.append(t.text)
                k += 1
                continue
            if t.is_cs("evalopen"):
                k = self._evaluated_at(tokens, k, out)
                continue
            if t.is_cs("lim"):
                k = self._limit(tokens, k, out)
                continue
            if t.is_cs("binom", "dbinom", "tbinom"):
                top, k2 = self._arg(tokens, k + 1)
                bottom, k3 = self._arg(tokens, k2)
                out.append(self.placeholder(Apply("binom", [self.sub_side(top), self.sub_side(bottom)])))
                k = k3
                continue
            if t.is_cs("#"):
                k = self._count(tokens, k, out)
                continue
            if t.is_cs("int"):
                k = self._integral(tokens, k, out)
                continue
            alias = _native_alias(tokens, k)
            if alias:  # \operatorname{tanh}, \text{Tanh}: the function itself
                tokens = tokens[:k] + [Tok("cs", alias[0], t.pos)] + tokens[alias[1] :]
                continue
            operation = _operation_name(tokens, k)
            if operation:
                k = self._operation(tokens, operation[1], operation[0], out)
                continue
            if t.is_cs("|"):
                k = self._norm(tokens, k, out)
                continue
            # derivatives written as \frac{\partial A}{\partial B} or d/d
            if t.is_cs("frac", "dfrac", "tfrac", "cfrac"):
                num, k2 = self._arg(tokens, k + 1)
                den, k3 = self._arg(tokens, k2)
                kind = _derivative_kind(num, den)
                if kind:
                    order, num_rest, den_rest = kind
                    if not num_rest:  # operator form: \frac{\partial}{\partial x} f
                        end = _term_end(tokens, k3)
                        num_rest = tokens[k3:end]
                        k3 = end
                        if not num_rest:
                            raise NotationError("a derivative operator with nothing to differentiate", t.pos)
                    variables = _variables_of(den_rest, order)
                    applied = k3 < len(tokens) and tokens[k3].is_ch("(") and len({_word(v) for v in variables}) == 1
                    named = self._atom_name(num_rest, 0) if applied else None
                    if named and named[1] == len(num_rest):  # \frac{dg}{dx}(a): g is the function g(x)
                        num_rest = [*num_rest, Tok("ch", "(", t.pos), *variables[0], Tok("ch", ")", t.pos)]
                    inner = self.sub_side(num_rest)
                    for variable in reversed(variables):  # ∂²f/∂x∂y = ∂/∂x (∂f/∂y)
                        inner = Side(self.placeholder(Deriv(inner, self.sub_side(variable))), self.table)
                    if applied:
                        # \frac{dg}{dx}(x) is the derivative; \frac{dg}{dx}(1) its value at x = 1
                        argument, k3 = self._balanced(tokens, k3, "(", ")")
                        if _word(argument) != _word(variables[0]):
                            inner = Side(
                                self.placeholder(
                                    EvaluatedAt(inner, self.sub_side(variables[0]), self.sub_side(argument))
                                ),
                                self.table,
                            )
                    out.append(inner.text)
                    k = k3
                    continue
                out.append(r"\frac{" + self.emit(num) + "}{" + self.emit(den) + "}")
                k = k3
                continue
            if t.is_cs("partial") and k + 1 < len(tokens):
                # \partial A / \partial B
                slash = next((m for m in range(k + 1, len(tokens)) if tokens[m].is_ch("/")), None)
                if slash is not None and slash + 1 < len(tokens) and tokens[slash + 1].is_cs("partial"):
                    end = _term_end(tokens, slash + 2, stop_at_juxtaposition=True)
                    out.append(
                        self.placeholder(
                            Deriv(self.sub_side(tokens[k + 1 : slash]), self.sub_side(tokens[slash + 2 : end]))
                        )
                    )
                    k = end
                    continue
                if k + 1 < len(tokens) and tokens[k + 1].is_ch("_"):
                    script, k2 = self._script(tokens, k + 1)
                    end = _term_end(tokens, k2)
                    out.append(self.placeholder(Deriv(self.sub_side(tokens[k2:end]), self.sub_side(script))))
                    k = end
                    continue
                raise NotationError("a partial derivative that is not of the form \\partial f / \\partial x", t.pos)
            if t.is_cs("nabla"):
                # \nabla_z f: the gradient (or Jacobian) of the term that follows
                if k + 1 >= len(tokens) or not tokens[k + 1].is_ch("_"):
                    raise Unsupported("\\nabla without the variable it differentiates by")
                script, k2 = self._script(tokens, k + 1)
                end = _term_end(tokens, k2)
                if end == k2:  # "\nabla_x = ..." (Triton, PyTorch docs): the gradient of the loss
                    out.append(self.placeholder(Deriv(self.sub_side([Tok("ch", "L", t.pos)]), self.sub_side(script))))
                    k = end
                    continue
                out.append(self.placeholder(Deriv(self.sub_side(tokens[k2:end]), self.sub_side(script))))
                k = end
                continue
            if t.is_cs("sum", "prod"):
                k = self._sum(tokens, k, out)
                continue
            if t.is_cs("begin"):
                k = self._environment(tokens, k, out)
                continue
            if t.is_cs("sqrt"):
                if k + 1 < len(tokens) and tokens[k + 1].is_ch("["):
                    inner, k2 = self._balanced(tokens, k + 1, "[", "]")
                    arg, k3 = self._arg(tokens, k2)
                    out.append(r"\sqrt[" + self.emit(inner) + "]{" + self.emit(arg) + "}")
                    k = k3
                    continue
                arg, k2 = self._arg(tokens, k + 1)
                out.append(r"\sqrt{" + self.emit(arg) + "}")
                k = k2
                continue
            if t.is_cs("log", "ln", "exp", "sin", "cos", "tanh", "lg"):
                if t.text == "log" and k + 1 < len(tokens) and tokens[k + 1].is_ch("_"):
                    script, k2 = self._script(tokens, k + 1)
                    base = detex(script).strip()
                    if base not in ("e",):
                        out.append(r"\frac{1}{\ln " + self.emit(script) + "}")
                        out.append(r"\ln")
                    else:
                        out.append(r"\ln")
                    k = k2
                    continue
                if (
                    t.text in ("exp", "ln", "sin", "cos", "tanh", "log")
                    and k + 1 < len(tokens)
                    and tokens[k + 1].is_ch("'")
                ):
                    k = self._prime(tokens, k + 1, t.text, out)
                    continue
                if (
                    k + 2 < len(tokens)
                    and tokens[k + 1].is_ch("^")
                    and tokens[k + 2].kind == "ch"
                    and tokens[k + 2].text.isdigit()
                    and k + 3 < len(tokens)
                    and tokens[k + 3].is_ch("(")
                ):
                    # \tanh^2(x) is (\tanh(x))^2, as the grammar reads it
                    if t.text in ("log", "lg") and (self.log_base != "e" or t.text == "lg"):
                        raise Unsupported(f"a power of \\{t.text} written before its argument")
                    out.append("\\" + ("ln" if t.text == "log" else t.text) + "^{" + tokens[k + 2].text + "}")
                    k += 3
                    continue
                if t.text == "log":
                    out.append(r"\ln" if self.log_base == "e" else r"\frac{1}{\ln " + self.log_base + r"}\ln")
                elif t.text == "lg":
                    out.append(r"\frac{1}{\ln 10}\ln")
                else:
                    out.append("\\" + t.text)
                if k + 1 < len(tokens) and tokens[k + 1].is_ch("^"):
                    raise Unsupported(f"a power of \\{t.text} written before its argument")
                k += 1
                continue
            if t.kind == "cs" and t.text in NATIVE and t.text not in ("frac", "dfrac", "tfrac", "cfrac"):
                out.append(NATIVE[t.text] + " ")
                k += 1
                continue
            if t.is_cs("top", "intercal", "prime"):
                raise NotationError("a transpose with nothing before it", t.pos)
            if t.is_ch("(") or t.is_ch("["):
                close = ")" if t.text == "(" else "]"
                inner, k2 = self._balanced(tokens, k, t.text, close)
                parts, seps = self._split_args(inner)
                if len(parts) > 1 and all(s == "," for s in seps):
                    text = self.placeholder(TupleNode([self.sub_side(p) for p in parts]))
                elif t.text == "[" and _iverson(inner):
                    text = self.placeholder(Indicator(_iverson(inner)))
                elif any(_relation(inner, m) and _depth_at(inner, m) == 0 for m in range(len(inner))):
                    raise Unsupported(f"a bracket holding a relation ({detex(inner).strip()}) is not read")
                else:
                    text = "(" + self.emit(inner) + ")"
                k = k2
                if k < len(tokens) and tokens[k].is_ch("^") and _is_transpose(self._script(tokens, k)[0]):
                    text = self.placeholder(Transposed(Side(text, self.table)))  # (W x)^\top
                    k = self._script(tokens, k)[1]
                if k < len(tokens) and tokens[k].is_ch("_"):
                    script, k = self._script(tokens, k)
                    text = self.placeholder(
                        Component(Side(text, self.table), self._subscript_items(script)[0])
                    )  # (W x)_j
                out.append(text)
                continue
            if t.is_cs("{"):
                inner, k2 = self._balanced(tokens, k, "{", "}")
                if _iverson(inner):
                    out.append(self.placeholder(Indicator(_iverson(inner))))
                else:
                    out.append("(" + self.emit(inner) + ")")
                k = k2
                continue
            if t.is_ch("|"):
                inner_end = next((m for m in range(k + 1, len(tokens)) if tokens[m].is_ch("|")), None)
                if inner_end is None:
                    raise NotationError("'|' is never closed", t.pos)
                if inner_end == k + 1:
                    raise NotationError("an empty |...|", t.pos)
                # |a| of a number, the Euclidean length of a vector (the grammar has no \left|)
                out.append(self.placeholder(Norm(self.sub_side(tokens[k + 1 : inner_end]))))
                k = inner_end + 1
                continue
            if t.kind == "group":  # a bare group only groups (the grammar would read {a} as a set)
                out.append("(" + self.emit(t.items) + ")")
                k += 1
                continue
            if t.kind == "ch" and (t.text.isdigit() or t.text == "."):
                k = self._number(tokens, k, out)
                continue
            if t.is_ch("^"):
                script, k2 = self._script(tokens, k)
                if _is_transpose(script):
                    raise Unsupported("a transpose of a bracketed expression")
                out.append("^{" + self.emit(script) + "}")
                k = k2
                continue
            if t.is_ch("_"):
                raise NotationError("a subscript with nothing before it", t.pos)
            if t.is_ch("'"):
                raise Unsupported("a prime (derivative or second variable) is not supported")
            named = self._atom_name(tokens, k)
            if named:
                k = self._atom(tokens, k, named, out)
                continue
            if t.kind == "cs" and t.text in UNSUPPORTED:
                raise Unsupported(f"\\{t.text} is not supported")
            if t.is_ch("+", "-", "*", "/", "!"):
                out.append(t.text)
                k += 1
                continue
            if t.is_ch(";;", "&"):
                k += 1
                continue
            if t.is_cs("\\"):
                raise NotationError("a line break inside an expression", t.pos)
            if t.kind == "cs":
                raise Unsupported(f"\\{t.text} is not understood")
            raise NotationError(f"unexpected '{t.text}'", t.pos)
        # a placeholder before a bracket is a product: the grammar would read \text{Y1}(\text{Y2}) as a function call
        return _APPLIED.sub(r"\1 \\cdot (", "".join(out))

    def _arg(self, tokens, k):
        while k < len(tokens) and tokens[k].is_ch(" "):
            k += 1
        if k >= len(tokens):
            raise NotationError("a command is missing its argument", tokens[-1].pos if tokens else 0)
        t = tokens[k]
        if t.kind == "group":
            return t.items, k + 1
        if t.kind == "ch" and t.text.isdigit():
            return [t], k + 1
        return [t], k + 1

    def _number(self, tokens, k, out):
        digits = ""
        while k < len(tokens):
            t = tokens[k]
            if t.kind == "ch" and (t.text.isdigit() or t.text == "."):
                digits += t.text
                k += 1
            elif (
                t.kind == "group"
                and _word(t.items) == ","
                and k + 1 < len(tokens)
                and tokens[k + 1].kind == "ch"
                and tokens[k + 1].text.isdigit()
            ):
                k += 1  # 65{,}536
            elif t.is_ch(",") and digits and "." not in digits and _three_digits(tokens, k + 1):
                k += 1  # 65,536
            elif t.is_cs("!", ",") and _three_digits(tokens, k + 1):
                k += 1
            else:
                break
        if digits.count(".") > 1 or digits == ".":
            raise NotationError(f"a malformed number '{digits}'", tokens[k - 1].pos)
        if k < len(tokens) and tokens[k].is_cs("%"):
            digits, k = _percent(digits), k + 1  # 95.4\% is 0.954, written to three decimals
        elif (
            k + 4 < len(tokens)
            and tokens[k].is_cs("times", "cdot")
            and tokens[k + 1].is_ch("1")
            and tokens[k + 2].is_ch("0")
            and tokens[k + 3].is_ch("^")
            and "e" not in digits
        ):
            # 138 \times 10^{6}: one number, written to the millions (its last digit stands for 10^6)
            power = _word(tokens[k + 4].items if tokens[k + 4].kind == "group" else [tokens[k + 4]])
            if power.lstrip("-").isdigit() and not (k + 5 < len(tokens) and tokens[k + 5].is_ch("^", "_")):
                digits, k = f"{digits}e{int(power)}", k + 5
        out.append(" " + self.placeholder(Number(digits)) + " ")
        return k

    def _atom(self, tokens, k, named, out):
        key, k = named
        if key.startswith("__native__"):
            word = key[len("__native__") :]
            out.append(r"\ln " if word in ("log", "ln") else r"\exp ")
            return k
        atom = Atom(key, [], "")
        primes = 0
        # scripts directly after the name, in any order
        while k < len(tokens) and tokens[k].is_ch("_", "^", "'"):
            if tokens[k].is_ch("'"):
                primes += 1
                k += 1
                continue
            if (
                tokens[k].is_ch("^")
                and all(x.is_cs("prime") or x.is_ch("'") for x in self._script(tokens, k)[0])
                and self._script(tokens, k)[1] < len(tokens)
                and tokens[self._script(tokens, k)[1]].is_ch("(")
            ):
                script, k = self._script(tokens, k)  # \sigma^{\prime}(x): a derivative, not a transpose
                primes += len(script)
                continue
            if tokens[k].is_ch("_"):
                if atom.sub_text:
                    break
                script, k2 = self._script(tokens, k)
                if key == "one" and any(x.is_ch("=") or x.is_cs("neq", "ne") for x in _flatten(script)):
                    atom = None
                    out.append(
                        self.placeholder(Indicator(parse_conditions(script)[0])) if parse_conditions(script) else ""
                    )
                    return k2
                atom.sub, atom.sub_text = self._subscript_items(script)
                k = k2
            else:
                script, k2 = self._script(tokens, k)
                if len(script) == 1 and (script[0].is_cs("top", "intercal", "prime", "mathsf") or script[0].is_ch("T")):
                    atom.transpose = True
                    k = k2
                elif (
                    len(script) == 2
                    and script[0].is_cs("mathsf", "mathrm", "text")
                    and _word(script[1].items if script[1].kind == "group" else [script[1]]) == "T"
                ):
                    atom.transpose = True
                    k = k2
                elif len(script) == 1 and (script[0].is_ch("*") or script[0].is_cs("star", "ast")):
                    atom.star = True
                    k = k2
                elif _word(script) == "-1" and k2 < len(tokens) and tokens[k2].is_ch("("):
                    inner, k3 = self._balanced(tokens, k2, "(", ")")
                    if primes or len(self._split_args(inner)[0]) != 1:
                        raise Unsupported(f"the inverse function {key}^{{-1}} of other than one argument")
                    variable = f"inverse_variable_{len(self.table) + 1}"
                    variable_side = Side(self.placeholder(Atom(variable, [], "")), self.table)
                    target = replace(atom, args=[variable_side], seps=[], brackets="(")
                    out.append(self.placeholder(Inverse(target, self.sub_side(inner), variable, variable_side)))
                    return k3
                elif len(script) == 1 and script[0].is_ch("+", "-"):
                    atom.decoration = script[0].text  # r^+, r^-: names, never powers
                    k = k2
                elif detex(script).strip().isalpha() and len(detex(script).strip()) >= 2:
                    atom.decoration = detex(script).strip()
                    k = k2
                elif re.fullmatch(r"\([^()]+\)", "".join(detex(script).split())):
                    atom.decoration = "".join(detex(script).split())  # x^{(k)}, \mu^{(t)}: a label, never a power
                    k = k2
                else:
                    break  # a power: left to the grammar
        # applications: f(x), E[X], p(y|x), \sigma(z)_i
        if k < len(tokens) and (
            tokens[k].is_ch("(")
            or (
                tokens[k].is_ch("[")
                and key in ("E", "Var", "var", "Cov", "bb_E", "one", "cal_L", "D", "KL", "H", "P", "Pr", "bb_P")
            )
            or (tokens[k].is_cs("{") and key == "one")
        ):
            open_ = tokens[k].text
            close = {"(": ")", "[": "]", "{": "}"}[open_]
            inner, k2 = self._balanced(tokens, k, open_, close)
            if key == "one" and _is_index_condition(inner):
                out.append(self.placeholder(Indicator(parse_conditions(inner)[0])))
                return k2
            if key == "one" and any(_relation(inner, m) and _depth_at(inner, m) == 0 for m in range(len(inner))):
                # 1(z_1 \ge z_2): one where the comparison holds, zero elsewhere
                one, zero = (
                    self.sub_side([Tok("ch", "1", tokens[k].pos)]),
                    self.sub_side([Tok("ch", "0", tokens[k].pos)]),
                )
                out.append(
                    self.placeholder(
                        Branches(
                            [(one, [self._comparison(piece) for piece in _pieces(inner)], False), (zero, [], True)]
                        )
                    )
                )
                return k2
            if (
                key in WORD_FUNCTIONS
                or key in ("E", "H", "D", "KL")
                or open_ == "["
                or self._simple(inner)
                or key == "sigma"
                and not atom.sub
                or key == "pi"  # a policy π(s), π(a|s); \pi (d + p) is the number π times a sum
                and not atom.sub
                and _top_level(inner, lambda x: x.is_ch("+", "-", "*", "/") or x.is_cs("cdot", "times", "frac")) is None
                or primes
                or _top_level(inner, lambda x: x.is_ch("|")) is not None
                or key in self.functions
            ):
                parts, seps = self._split_args(inner)
                for part in parts:
                    if any(_relation(part, m) and _depth_at(part, m) == 0 for m in range(len(part))):
                        raise Unsupported(f"an argument written as an equation ({detex(part).strip()}) is not read")
                atom.args = [self.sub_side(p) for p in parts]
                atom.seps = seps
                atom.brackets = open_
                k = k2
                if k < len(tokens) and tokens[k].is_ch("_"):
                    script, k = self._script(tokens, k)
                    atom.post_sub, _ = self._subscript_items(script)
        if primes:
            if atom.args is None or len(atom.args) != 1 or atom.post_sub:
                raise Unsupported(
                    f"a primed name {key}' that is not a function of one argument (a derivative or a second variable?)"
                )
            variable = f"prime_variable_{len(self.table) + 1}"
            variable_side = Side(self.placeholder(Atom(variable, [], "")), self.table)
            out.append(self.placeholder(Prime(atom, primes, atom.args[0], variable, variable_side)))
            return k
        out.append(self.placeholder(atom))
        return k

    def _prime(self, tokens, k, function, out):
        """f'(x) for a native function name at tokens[k - 1]; tokens[k] is the first prime."""
        order = 0
        while k < len(tokens) and tokens[k].is_ch("'"):
            order += 1
            k += 1
        if k >= len(tokens) or not tokens[k].is_ch("("):
            raise Unsupported(f"\\{function}' without its argument in brackets")
        inner, k2 = self._balanced(tokens, k, "(", ")")
        variable = f"prime_variable_{len(self.table) + 1}"
        variable_side = Side(self.placeholder(Atom(variable, [], "")), self.table)
        out.append(self.placeholder(Prime(function, order, self.sub_side(inner), variable, variable_side)))
        return k2

    def _products(self, tokens):
        """Grammar text if ``tokens`` hold a top-level \\odot, \\circ or \\otimes, else None.

        These bind tighter than + and looser than juxtaposition: 2 u \\odot v + w is (2u)⊙v + w.
        A term that opens with Σ, max or a derivative keeps the product inside that operator."""
        ops = ("odot", "circ", "otimes", "oslash")
        if _top_level(tokens, lambda x: x.is_cs(*ops)) is None:
            return None
        terms, current, depth = [], [], 0
        for x in tokens:
            depth += 1 if x.is_ch("(", "[") or x.is_cs("{") else -1 if x.is_ch(")", "]") or x.is_cs("}") else 0
            if depth == 0 and x.is_ch("+", "-") and current and not current[-1].is_cs(*ops):
                terms.append(current)
                current = []
            current.append(x)
        terms.append(current)
        text = []
        for term in terms:
            sign = []
            if term and term[0].is_ch("+", "-"):
                sign, term = [term[0].text], term[1:]
            positions = [m for m in range(len(term)) if term[m].is_cs(*ops) and _depth_at(term, m) == 0]
            opener = (
                any(
                    x.is_cs("sum", "prod", "max", "min", "lim", "nabla", "frac", "partial")
                    for x in term[: positions[0]]
                )
                if positions
                else False
            )
            if not positions or opener:
                text.append("".join(sign) + self.emit(term, products=not opener))
                continue
            names = {term[m].text for m in positions}
            if len(names) > 1:
                raise Unsupported("\\odot, \\circ and \\otimes mixed in one term")
            bounds = [-1] + positions + [len(term)]
            factors = [term[bounds[m] + 1 : bounds[m + 1]] for m in range(len(bounds) - 1)]
            if any(not f for f in factors):
                raise NotationError(f"\\{names.pop()} with a missing factor", term[positions[0]].pos)
            text.append("".join(sign) + self.placeholder(Product(names.pop(), [self.sub_side(f) for f in factors])))
        return " ".join(text)

    def _evaluated_at(self, tokens, k, out):
        depth, m = 0, k
        while m < len(tokens):
            depth += 1 if tokens[m].is_cs("evalopen") else -1 if tokens[m].is_cs("evalclose") else 0
            if depth == 0:
                break
            m += 1
        if m >= len(tokens) or m + 1 >= len(tokens) or not tokens[m + 1].is_ch("_"):
            raise NotationError("an evaluation bar | without the point it evaluates at (|_{x=0})", tokens[k].pos)
        script, k2 = self._script(tokens, m + 1)
        if k2 < len(tokens) and tokens[k2].is_ch("^"):
            raise Unsupported("an evaluation bar with two limits (F|_a^b)")
        at = [n for n in range(len(script)) if script[n].is_ch("=")]
        if len(at) != 1 or at[0] == 0 or at[0] == len(script) - 1:
            raise Unsupported("an evaluation bar whose subscript is not of the form x = a")
        body = tokens[k + 1 : m]
        if not body:
            raise NotationError("an evaluation bar with nothing before it", tokens[k].pos)
        out.append(
            self.placeholder(
                EvaluatedAt(self.sub_side(body), self.sub_side(script[: at[0]]), self.sub_side(script[at[0] + 1 :]))
            )
        )
        return k2

    def _limit(self, tokens, k, out):
        if k + 1 >= len(tokens) or not tokens[k + 1].is_ch("_"):
            raise Unsupported("\\lim without the variable and the point it goes to")
        script, k2 = self._script(tokens, k + 1)
        found = _arrow_target(script)
        if not found:
            raise Unsupported("\\lim whose subscript is not of the form n \\to a")
        variable_tokens, target = found
        named = self._atom_name(variable_tokens, 0) if variable_tokens else None
        if not named or named[1] != len(variable_tokens):
            raise Unsupported(f"a limit in '{detex(variable_tokens)}', which is not one variable")
        direction = "+-"
        if (
            len(target) >= 2
            and target[-2].is_ch("^")
            and _word(target[-1].items if target[-1].kind == "group" else [target[-1]]) in ("+", "-")
        ):
            direction = _word(target[-1].items if target[-1].kind == "group" else [target[-1]])
            target = target[:-2]
        infinite = 0
        if target and target[-1].is_cs("infty") and len(target) <= 2:
            infinite = -1 if target[0].is_ch("-") else 1
        end = _term_end(tokens, k2)
        if end == k2:
            raise NotationError("\\lim with nothing to take the limit of", tokens[k].pos)
        target_side = None if infinite else self.sub_side(target)
        out.append(self.placeholder(Limit(named[0], target_side, infinite, direction, self.sub_side(tokens[k2:end]))))
        return end

    def _series(self, tokens, dots):
        """tokens with the sum around the dots at ``dots`` rewritten: x_1 + x_2 + \\cdots + x_n as
        \\sum_{j=1}^{n} x_j (terms alike but for one index counting up by one), an endless sum as a Series."""
        lo, hi = _enclosing(tokens, dots)
        run = tokens[lo:hi]
        while run and run[-1].is_ch(","):  # 1 + x + \ldots, = ...
            run = run[:-1]
        terms, current = [], []
        for m, x in enumerate(run):
            if x.is_ch("+") and _depth_at(run, m) == 0:
                terms.append(current)
                current = []
            else:
                current.append(x)
        terms.append(current)
        at = [n for n, term in enumerate(terms) if len(term) == 1 and term[0].is_cs(*DOTS)]
        if len(at) != 1 or any(not term for term in terms):
            raise Unsupported("\\ldots that is not one term of a sum (a + b + \\ldots + z) is not read")
        before, after = terms[: at[0]], terms[at[0] + 1 :]
        if len(after) > 1:
            raise Unsupported("a sum with \\ldots followed by more than its last term is not read")
        if after:
            rewritten = _index_pattern(before, after[0], _fresh_index(tokens))
            if rewritten is None:
                raise Unsupported(
                    "a sum a + b + \\ldots + z whose terms do not differ in one index counting up by one is not read"
                )
        else:
            if len(before) < 3:
                raise Unsupported("an endless sum with fewer than three terms before \\ldots: its pattern is ambiguous")
            node = Series([self.sub_side(term) for term in before])
            rewritten = [Tok("made", self.placeholder(node), run[0].pos)]
        return tokens[:lo] + [Tok("ch", "(", run[0].pos), *rewritten, Tok("ch", ")", run[0].pos)] + tokens[hi:]

    def _integral(self, tokens, k, out):
        """\\int_a^b body \\, dx: the bounds in either order, the differential at the end of the term."""
        scripts = {}
        k2 = k + 1
        while k2 < len(tokens) and tokens[k2].is_ch("_", "^") and tokens[k2].text not in scripts:
            scripts[tokens[k2].text], k2 = self._script(tokens, k2)
        if set(scripts) != {"_", "^"}:
            raise Unsupported("an integral without both bounds (an indefinite integral) is not computed")
        m, depth = k2, 0
        while m < len(tokens):
            if tokens[m].is_ch("(", "["):
                depth += 1
            elif tokens[m].is_ch(")", "]"):
                depth -= 1
                if depth < 0:
                    break
            elif depth == 0 and m > k2 and (tokens[m].is_ch("+", "-", ",") or _relation(tokens, m)):
                break
            m += 1
        end = m
        d = _differential(tokens, k2, end)
        if d is None:
            raise Unsupported("an integral whose differential (dx at the end of the integrand) is not found")
        start, d_at = d
        named = self._atom_name(tokens[start:end], 0)
        if not named or named[1] != end - start or start == k2:
            raise Unsupported(f"an integral over '{detex(tokens[start:end])}', which is not one variable")
        bounds, infinite = [], []
        for script in (scripts["_"], scripts["^"]):
            sign = _infinite(script)
            infinite.append(sign)
            bounds.append(None if sign else self.sub_side(script))
        body = self.sub_side(tokens[k2:d_at])
        out.append(self.placeholder(Integral(named[0], bounds[0], bounds[1], tuple(infinite), body)))
        return end

    def _count(self, tokens, k, out):
        if k + 1 >= len(tokens) or not tokens[k + 1].is_cs("{"):
            raise Unsupported("\\# of something other than a set \\{i : ...\\}")
        inner, k2 = self._balanced(tokens, k + 1, "{", "}")
        split = next((m for m in range(len(inner)) if inner[m].is_ch(":", "|")), None)
        if split is None:
            raise Unsupported("\\# of a set not written \\{i : condition\\}")
        head = inner[:split]
        if len(head) != 1 or head[0].kind != "ch" or not head[0].text.isalpha():
            raise Unsupported(f"a count over '{detex(head)}', which is not one index")
        conditions = [self._comparison(piece) for piece in _pieces(inner[split + 1 :])]
        if not conditions:
            raise NotationError("a count \\# with no condition", tokens[k].pos)
        out.append(self.placeholder(Count(head[0].text, conditions)))
        return k2

    def _comparison(self, piece):
        sides, relations, current = [], [], []
        m = 0
        while m < len(piece):
            rel = _relation(piece, m) if _depth_at(piece, m) == 0 else None
            if rel:
                sides.append(current)
                relations.append(rel[0])
                current = []
                m += rel[1]
                continue
            current.append(piece[m])
            m += 1
        sides.append(current)
        if not relations or any(not side for side in sides):
            raise Unsupported(f"the condition '{detex(piece).strip()}' is not a comparison the checker can read")
        if any(r not in ("=", "!=", "<", "<=", ">", ">=") for r in relations):
            raise Unsupported(f"the condition '{detex(piece).strip()}' uses a relation that is not a comparison")
        return Comparison([self.sub_side(side) for side in sides], relations)

    def _norm(self, tokens, k, out):
        close = next(
            (
                m
                for m in range(k + 1, len(tokens))
                if tokens[m].is_cs("|") and _depth_at(tokens[k + 1 : m], m - k - 1) == 0
            ),
            None,
        )
        if close is None:
            raise NotationError("a norm \\| that is never closed", tokens[k].pos)
        body = tokens[k + 1 : close]
        if not body:
            raise NotationError("an empty norm", tokens[k].pos)
        k = close + 1
        order = ""
        if k < len(tokens) and tokens[k].is_ch("_"):
            script, k = self._script(tokens, k)
            order = "infty" if any(x.is_cs("infty") for x in script) else detex(script).replace(" ", "")
            if order not in ("1", "2", "infty", "F"):
                raise Unsupported(f"the norm \\|·\\|_{order}")
        out.append(self.placeholder(Norm(self.sub_side(body), order)))
        return k

    def _operation(self, tokens, k, op, out):
        """max(a, b), \\min\\{a, b\\}, clip(x, a, b), sign(x): Apply; \\max_i z_i: Extremum."""
        script = None
        if k < len(tokens) and tokens[k].is_ch("_"):
            script, k = self._script(tokens, k)
        if k < len(tokens) and tokens[k].is_ch("^"):
            raise Unsupported(f"a power or superscript on {op}")
        if script is None:
            if k >= len(tokens) or not (tokens[k].is_ch("(", "[") or tokens[k].is_cs("{")):
                raise Unsupported(f"{op} without its arguments in brackets")
            open_ = tokens[k].text
            inner, k2 = self._balanced(tokens, k, open_, {"(": ")", "[": "]", "{": "}"}[open_])
            parts = _split_commas(inner)
            if any(not p for p in parts):
                raise Unsupported(f"the arguments of {op} are not a list separated by commas")
            wanted = {"clip": 3, "sign": 1, "sgn": 1, "erf": 1, "ReLU": 1, "relu": 1}.get(op)
            if wanted and len(parts) != wanted:
                raise Unsupported(f"{op} with {len(parts)} arguments (expected {wanted})")
            out.append(self.placeholder(Apply(op, [self.sub_side(p) for p in parts])))
            return k2
        if op not in ("max", "min", "argmax", "argmin"):
            raise Unsupported(f"{op} with a subscript")
        variable, low, high = _extremum_variable(script)
        end = _term_end(tokens, k)
        if end == k:
            raise NotationError(f"{op} with nothing after it", tokens[k - 1].pos)
        out.append(
            self.placeholder(
                Extremum(
                    op,
                    variable,
                    self.sub_side(tokens[k:end]),
                    self.sub_side(low) if low else None,
                    self.sub_side(high) if high else None,
                )
            )
        )
        return end

    def _sum(self, tokens, k, out):
        op = tokens[k].text
        k += 1
        low_tokens = high_tokens = None
        variables, excluded = [], []
        while k < len(tokens) and tokens[k].is_ch("_", "^"):
            script, k2 = self._script(tokens, k)
            if tokens[k].is_ch("_"):
                low_tokens = script
            else:
                high_tokens = script
            k = k2
        low = None
        if low_tokens is not None:
            rel_at = next((m for m, x in enumerate(low_tokens) if x.is_ch("=")), None)
            neq_at = next((m for m, x in enumerate(low_tokens) if x.is_cs("neq", "ne")), None)
            in_at = next((m for m, x in enumerate(low_tokens) if x.is_cs("in")), None)
            head = low_tokens[: min(x for x in (rel_at, neq_at, in_at, len(low_tokens)) if x is not None)]
            variables = [x for x in detex(head).replace(" ", "").split(",") if x]
            if (
                len(variables) == 1
                and len(variables[0]) > 1
                and variables[0].isalpha()
                and variables[0].islower()
                and len(variables[0]) <= 3
                and variables[0] not in GREEK
            ):  # \sum_{ij} runs over i and j; \sum_{\tau} over tau
                variables = list(variables[0])
            if rel_at is not None:
                low = self.sub_side(low_tokens[rel_at + 1 :])
            if neq_at is not None:
                excluded = [detex(low_tokens[neq_at + 1 :]).strip()]
        if (
            high_tokens is not None
            and len(high_tokens) in (1, 2)
            and high_tokens[-1].is_cs("infty")
            and not high_tokens[0].is_ch("-")
        ):
            high = Side(self.placeholder(Apply("infinity", [])), self.table)  # Σ_{t=1}^{∞}
        else:
            high = self.sub_side(high_tokens) if high_tokens is not None else None
        end = _term_end(tokens, k)
        # Σ_i a_i + b_i with i free in b_i: the sum runs over both terms, as authors mean
        while end < len(tokens) and tokens[end].is_ch("+", "-") and len(variables) == 1:
            following = _term_end(tokens, end + 1)
            term = tokens[end + 1 : following]
            if (
                following == end + 1
                or not _uses_index(term, variables[0])
                or any(
                    x.is_cs("sum", "prod", "max", "min", "argmax", "argmin") and _depth_at(term, m) == 0
                    for m, x in enumerate(term)
                )
            ):
                break
            end = following
        body_tokens = tokens[k:end]
        if not body_tokens:
            raise NotationError("a sum with nothing to sum", tokens[k - 1].pos if k else 0)
        body = self.sub_side(body_tokens)
        if not variables:
            variables = []
        for v in variables:
            if not (v.isalpha() and len(v) <= 2) and not v.replace("_", "").isalnum():
                raise Unsupported(f"a sum over '{v}'")
        out.append(self.placeholder(SumNode(op, variables, low, high, body, excluded)))
        return end

    def _environment(self, tokens, k, out):
        name = _word(tokens[k + 1].items) if k + 1 < len(tokens) and tokens[k + 1].kind == "group" else ""
        depth, m = 0, k
        while m < len(tokens):
            if tokens[m].is_cs("begin"):
                depth += 1
            elif tokens[m].is_cs("end"):
                depth -= 1
                if depth == 0:
                    break
            m += 1
        if m >= len(tokens):
            raise NotationError(f"\\begin{{{name}}} is never ended", tokens[k].pos)
        inner = tokens[k + 2 : m]
        after = m + 2
        rows = _rows(inner)
        if name in ("cases", "dcases", "rcases"):
            parsed = []
            for row in rows:
                cells = _cells(row)
                expr = cells[0]
                cond_tokens = [x for c in cells[1:] for x in c]
                if len(cells) == 1:  # x \text{ if } x > 0, written without &
                    start = next(
                        (m for m in range(len(expr)) if m and _is_condition_start(expr, m) and not expr[m].is_ch(",")),
                        None,
                    )
                    if start is not None:
                        expr, cond_tokens = expr[:start], expr[start:]
                expr = _trim(expr)
                words = [w.strip(",.:;") for w in detex(cond_tokens).lower().split()]
                otherwise = "otherwise" in words or "else" in words
                conditions = (
                    []
                    if otherwise
                    else [
                        Condition(p[0].text, _relation(p, 1)[0], p[2].text)
                        if _is_index_condition(p)
                        else self._comparison(p)
                        for p in _pieces(_trim(cond_tokens))
                    ]
                )
                if not otherwise and not conditions:
                    raise Unsupported("a case without its condition")
                parsed.append((self.sub_side(expr), conditions, otherwise))
            out.append(self.placeholder(Branches(parsed)))
            return after
        if name in ("pmatrix", "bmatrix", "matrix", "vmatrix", "array", "Bmatrix"):
            cells = [_cells(r) for r in rows if r]
            if all(len(c) == 1 for c in cells):
                out.append(self.placeholder(TupleNode([self.sub_side(c[0]) for c in cells])))
            elif len(cells) == 1:
                out.append(self.placeholder(TupleNode([self.sub_side(c) for c in cells[0]])))
            elif len({len(c) for c in cells}) == 1:
                out.append(
                    self.placeholder(TupleNode([self.sub_side(x) for c in cells for x in c], columns=len(cells[0])))
                )
            else:
                raise Unsupported("a matrix whose rows have different lengths")
            return after
        raise Unsupported(f"the {name} environment inside a formula")


OPERATIONS = ("argmax", "argmin", "max", "min", "clip", "sign", "sgn", "erf", "ReLU", "relu")
NATIVE_ALIASES = {
    "tanh": "tanh",
    "Tanh": "tanh",
    "sin": "sin",
    "cos": "cos",
    "exp": "exp",
    "log": "log",
    "ln": "ln",
    "Exp": "exp",
}


def _native_alias(tokens, k):
    """(function, next k) for a built-in function written as a word: \\operatorname{tanh}(x), \\text{Tanh}(x), tanh(x)."""
    t = tokens[k]
    if t.kind == "cs" and t.text in FONT and k + 1 < len(tokens) and tokens[k + 1].kind == "group":
        word = _word(tokens[k + 1].items)
        return (NATIVE_ALIASES[word], k + 2) if word in NATIVE_ALIASES else None
    if (
        t.kind == "ch"
        and t.text.isalpha()
        and (k == 0 or not (tokens[k - 1].kind == "ch" and tokens[k - 1].text.isalpha()))
    ):
        m = k
        while m < len(tokens) and tokens[m].kind == "ch" and tokens[m].text.isalpha():
            m += 1
        word = "".join(x.text for x in tokens[k:m])
        if word in ("tanh", "Tanh", "sin", "cos") and m < len(tokens) and tokens[m].is_ch("("):
            return NATIVE_ALIASES[word], m
    return None


def _operation_name(tokens, k):
    """(operation, next k) if an operation such as \\max or \\operatorname{clip} starts at tokens[k]."""
    t = tokens[k]
    if t.is_cs("max", "min", "argmax", "argmin", "sgn", "sign", "clip", "erf"):
        return t.text, k + 1
    if t.is_cs("arg") and k + 1 < len(tokens) and tokens[k + 1].is_cs("max", "min"):
        return "arg" + tokens[k + 1].text, k + 2
    if t.kind == "cs" and t.text in FONT and k + 1 < len(tokens) and tokens[k + 1].kind == "group":
        word = _word(tokens[k + 1].items)
        if word in OPERATIONS:
            return word, k + 2
        return None
    if (
        t.kind == "ch"
        and t.text.isalpha()
        and (k == 0 or not (tokens[k - 1].kind == "ch" and tokens[k - 1].text.isalpha()))
    ):
        run = ""
        m = k
        while m < len(tokens) and tokens[m].kind == "ch" and tokens[m].text.isalpha():
            run += tokens[m].text
            m += 1
        if run in OPERATIONS and m < len(tokens) and (tokens[m].is_ch("(", "_") or tokens[m].is_cs("{")):
            return run, m
    return None


def _extremum_variable(script):
    """(variable, low, high) of the subscript of \\max_i, \\max_{1 \\le i \\le n}, \\max_{i \\in [n]}."""
    if len(script) == 1 and script[0].kind == "ch" and script[0].text.isalpha():
        return script[0].text, None, None
    if (
        len(script) >= 3
        and script[0].kind == "ch"
        and script[0].text.isalpha()
        and _harmless_membership(script)
        and not script[2].is_cs("mathbb")
    ):
        return script[0].text, None, None
    relations = [m for m in range(len(script)) if _relation(script, m)]
    if (
        len(relations) == 2
        and all(_relation(script, m)[0] in ("<=", "<") for m in relations)
        and relations[1] == relations[0] + 2
    ):
        middle = script[relations[0] + 1]
        if middle.kind == "ch" and middle.text.isalpha():
            low, high = script[: relations[0]], script[relations[1] + 1 :]
            if _relation(script, relations[0])[0] == "<":
                low = low + [Tok("ch", "+", 0), Tok("ch", "1", 0)]
            if _relation(script, relations[1])[0] == "<":
                high = high + [Tok("ch", "-", 0), Tok("ch", "1", 0)]
            return middle.text, low, high
    raise Unsupported(
        f"a maximum or minimum over '{detex(script).strip()}' (only over an index: \\max_i, \\max_{{1 \\le i \\le n}})"
    )


def _uses_index(tokens, letter) -> bool:
    """Whether ``letter`` appears as (part of) a subscript in ``tokens``."""
    for m, x in enumerate(tokens):
        if x.is_ch("_") and m + 1 < len(tokens):
            script = tokens[m + 1]
            items = _flatten(script.items) if script.kind == "group" else [script]
            if any(t.kind == "ch" and t.text == letter for t in items):
                return True
        if x.kind == "group" and _uses_index(x.items, letter):
            return True
    return False


def _split_commas(tokens) -> list:
    """Arguments separated by top-level commas (a |b| inside an argument stays whole)."""
    parts, current = [], []
    for m, x in enumerate(tokens):
        if x.is_ch(",") and _depth_at(tokens, m) == 0:
            parts.append(current)
            current = []
        else:
            current.append(x)
    parts.append(current)
    return parts


def _is_transpose(script) -> bool:
    if len(script) == 1:
        return script[0].is_cs("top", "intercal", "T", "mathsf") or script[0].is_ch("T")
    return (
        len(script) == 2
        and script[0].is_cs("mathsf", "mathrm", "text")
        and _word(script[1].items if script[1].kind == "group" else [script[1]]) == "T"
    )


def _depth_at(tokens, m) -> int:
    """Bracket depth just before tokens[m]."""
    depth = 0
    for x in tokens[:m]:
        depth += (
            1
            if x.is_ch("(", "[") or x.is_cs("{", "evalopen")
            else -1
            if x.is_ch(")", "]") or x.is_cs("}", "evalclose")
            else 0
        )
    return depth


def _top_level(tokens, predicate):
    """The first position at bracket depth 0 whose token satisfies ``predicate``, or None."""
    depth = 0
    for m, x in enumerate(tokens):
        if depth == 0 and predicate(x):
            return m
        depth += 1 if x.is_ch("(", "[") or x.is_cs("{") else -1 if x.is_ch(")", "]") or x.is_cs("}") else 0
    return None


def _cells(row):
    cells, current = [], []
    for t in row:
        if t.is_ch("&"):
            cells.append(current)
            current = []
        else:
            current.append(t)
    cells.append(current)
    return cells


def _rows(tokens):
    rows, current = [], []
    for t in tokens:
        if t.is_cs("\\"):
            rows.append(current)
            current = []
        else:
            current.append(t)
    rows.append(current)
    return [r for r in rows if r]


def _flatten(tokens):
    out = []
    for t in tokens:
        out.extend(_flatten(t.items) if t.kind == "group" else [t])
    return out


def _percent(digits: str) -> str:
    """The decimal a percentage stands for, keeping every written digit: 95.4 -> 0.954, 100 -> 1.00."""
    whole, _, fraction = digits.partition(".")
    whole = whole.rjust(3, "0")
    return f"{int(whole[:-2])}.{whole[-2:]}{fraction}"


def _three_digits(tokens, k) -> bool:
    digits = 0
    while k < len(tokens) and tokens[k].kind == "ch" and tokens[k].text.isdigit():
        digits += 1
        k += 1
    return digits == 3


def _iverson(tokens):
    conditions = parse_conditions(tokens)
    if len(conditions) == 1 and len([t for t in tokens if not t.is_ch(" ")]) == 3:
        return conditions[0]
    return None


def _strip_d(tokens):
    """(order, rest) if tokens start with ∂ or d (or \\mathrm{d}), else None."""
    if not tokens:
        return None
    t = tokens[0]
    order = 1
    rest = tokens[1:]
    if (
        t.is_cs("partial")
        or t.is_ch("d")
        or (t.is_cs("mathrm") and len(tokens) > 1 and tokens[1].kind == "group" and _word(tokens[1].items) == "d")
    ):
        if t.is_cs("mathrm"):
            rest = tokens[2:]
        if rest and rest[0].is_ch("^"):
            power = rest[1] if len(rest) > 1 else None
            order = (
                int(_word(power.items if power.kind == "group" else [power]))
                if power is not None and _word(power.items if power.kind == "group" else [power]).isdigit()
                else 0
            )
            rest = rest[2:]
        return ("partial" if t.is_cs("partial") else "d", order, rest)
    return None


DOTS = ("ldots", "cdots", "dots", "dotsb")


def _enclosing(tokens, m):
    """(start, end) of the innermost bracket (or the whole list) around tokens[m], without the brackets."""
    lo = m
    depth = 0
    while lo > 0:
        x = tokens[lo - 1]
        if x.is_ch(")", "]"):
            depth += 1
        elif x.is_ch("(", "["):
            if depth == 0:
                break
            depth -= 1
        lo -= 1
    hi, depth = m, 0
    while hi < len(tokens):
        x = tokens[hi]
        if x.is_ch("(", "["):
            depth += 1
        elif x.is_ch(")", "]"):
            if depth == 0:
                break
            depth -= 1
        hi += 1
    return lo, hi


def _fresh_index(tokens) -> str:
    used = {x.text for x in _flatten(tokens) if x.kind == "ch"}
    return next(letter for letter in "jklmpqrsuvw" if letter not in used)


def _index_pattern(before, last, index):
    """\\sum_{index=a}^{z} term tokens when the terms before the dots and the last one are alike but
    for one place holding a, a + 1, ... (integers) and z (anything); None otherwise."""
    shapes = [_flatten_with_groups(term) for term in [*before, last]]
    if any(len(shape) != len(shapes[0]) for shape in shapes):
        return None
    differing = [m for m in range(len(shapes[0])) if len({_tok_key(shape[m]) for shape in shapes}) > 1]
    if len(differing) != 1:
        return None
    place = differing[0]
    values = [shape[place].text for shape in shapes[:-1]]
    if not all(v.isdigit() for v in values) or any(int(b) != int(a) + 1 for a, b in zip(values, values[1:])):
        return None
    top = shapes[-1][place]
    if top.kind != "ch" or not top.text.isalnum() or top.text.isdigit() and int(top.text) < int(values[-1]):
        return None
    pos = top.pos
    body = _replace_at(last, shapes[-1][place], Tok("ch", index, pos))
    return [
        Tok("cs", "sum", pos),
        Tok("ch", "_", pos),
        Tok("group", "", pos, [Tok("ch", index, pos), Tok("ch", "=", pos), *[Tok("ch", c, pos) for c in values[0]]]),
        Tok("ch", "^", pos),
        Tok("group", "", pos, [top]),
        *body,
    ]


def _flatten_with_groups(tokens) -> list:
    out = []
    for x in tokens:
        if x.kind == "group":
            out.append(Tok("ch", "{", x.pos))
            out.extend(_flatten_with_groups(x.items))
            out.append(Tok("ch", "}", x.pos))
        else:
            out.append(x)
    return out


def _tok_key(x):
    return (x.kind, x.text)


def _replace_at(tokens, target, new):
    out = []
    for x in tokens:
        if x is target:
            out.append(new)
        elif x.kind == "group":
            out.append(Tok("group", "", x.pos, _replace_at(x.items, target, new)))
        else:
            out.append(x)
    return out


def _differential(tokens, first, end):
    """(start of the variable, start of the d) of a differential d x, \\mathrm{d}x, \\,dx closing tokens[first:end]."""
    for m in range(end - 2, first - 1, -1):
        t = tokens[m]
        if t.is_ch("d") or (
            t.is_cs("mathrm", "operatorname")
            and m + 1 < end
            and tokens[m + 1].kind == "group"
            and _word(tokens[m + 1].items) == "d"
        ):
            start = m + 1 if t.is_ch("d") else m + 2
            if start < end:
                return start, m
    return None


def _infinite(script) -> int:
    """+1 for \\infty or +\\infty, -1 for -\\infty, 0 for anything else."""
    words = [x for x in script if not x.is_ch(" ")]
    if words and words[-1].is_cs("infty") and len(words) <= 2:
        return -1 if words[0].is_ch("-") else 1
    return 0


def _derivative_kind(num, den):
    a, b = _strip_d(num), _strip_d(den)
    if not a or not b or a[0] != b[0]:
        return None
    if a[0] == "d" and (not b[2] or (b[2] and b[2][0].is_ch("_"))):
        return None
    if not b[2]:
        return None
    if a[1] < 1:
        raise Unsupported("a derivative whose order is not a whole number")
    return (a[1], a[2], b[2])


def _variables_of(den_rest, order):
    """The variables of a denominator ``x^2`` or ``x \\partial y`` for a derivative of ``order``."""
    variables, current = [], []
    for t in den_rest:
        if t.is_cs("partial") or t.is_ch("d") and current:
            variables.append(current)
            current = []
        else:
            current.append(t)
    variables.append(current)
    variables = [v for v in variables if v]
    if len(variables) == 1 and order > 1:
        v = variables[0]
        if len(v) >= 3 and v[-2].is_ch("^") and _word(v[-1].items if v[-1].kind == "group" else [v[-1]]) == str(order):
            return [v[:-2]] * order
        raise Unsupported(f"a derivative of order {order} whose denominator does not say {order} times by what")
    if len(variables) != order:
        raise Unsupported(f"a derivative of order {order} with {len(variables)} variables below")
    return variables


def _term_end(tokens, k, stop_at_juxtaposition=False):
    """Where a term that starts at tokens[k] ends: the next top-level +, -, relation or separator."""
    m = k
    depth = 0
    while m < len(tokens):
        t = tokens[m]
        if t.is_ch("(", "[") or t.is_cs("{"):
            depth += 1
        elif t.is_ch(")", "]") or t.is_cs("}"):
            depth -= 1
            if depth < 0:
                return m
        elif (
            depth == 0 and m > k and (t.is_ch("+", "-", ";;", ",") or _relation(tokens, m) or t.is_cs("\\", "pm", "mp"))
        ):
            return m
        m += 1
    return m


def _plain(tokens) -> str:
    return " ".join(repr(t) for t in tokens)


def rewrite_chain(text: str, log_base: str = "e", functions=()) -> tuple:
    """(sides as Side, relations, conditions) for one formula; ``functions`` are names known to be functions."""
    tokens = clean(lex(text))
    tokens = [  # 1 + x + \ldots, = ...: the comma closes the dots, it starts no condition
        x
        for m, x in enumerate(tokens)
        if not (x.is_ch(",") and m > 0 and tokens[m - 1].is_cs(*DOTS) and _relation(tokens, m + 1))
    ]
    chain = split_chain(tokens)
    relations = list(chain.relations)
    side_tokens = list(chain.sides)
    for link, relation in enumerate(relations):
        if relation in UNDECIDED_RELATIONS:
            raise Unsupported(UNDECIDED_RELATIONS[relation])
        if relation == "->" and link > 0 and relations[link - 1] != "and":
            raise Unsupported("an arrow \\to after another relation in one chain")
        if relation == "->":
            # f \\xrightarrow{n \\to \\infty} L, or f \\to L as n \\to \\infty: the limit of the left side is L
            annotation = chain.arrows[link] if link < len(chain.arrows) else None
            if not annotation or not _arrow_target(annotation):
                raise Unsupported("an arrow \\to without the limit it takes (n \\to \\infty)")
            left = side_tokens[link]
            side_tokens[link] = [
                Tok("cs", "lim", 0),
                Tok("ch", "_", 0),
                Tok("group", "", 0, list(annotation)),
                Tok("ch", "(", 0),
                *left,
                Tok("ch", ")", 0),
            ]
            relations[link] = "="
    rewriter = Rewriter(log_base, functions)
    sides = []
    for tokens in side_tokens:
        if not tokens:
            raise NotationError("a relation with an empty side", 0)
        sides.append(rewriter.side(tokens))
    conditions = chain.conditions
    comparisons, definitions = [], {}
    for piece in chain.stated:
        comparison = rewriter._comparison(piece)
        at = next(m for m in range(len(piece)) if _relation(piece, m))
        key = _name_key(rewriter, piece[:at]) if comparison.relations == ["="] else None
        if key is not None:
            # where \beta = 0.9, where p = \operatorname{softmax}(z): the formula is read with that meaning
            definitions[key] = comparison.sides[1]
        elif all(r in ("<", "<=", ">", ">=", "!=") for r in comparison.relations):
            comparisons.append(comparison)
        else:
            raise Unsupported(f"the stated condition '{detex(piece).strip()}' cannot be imposed")
    conditions.comparisons = tuple(comparisons)
    conditions.definitions = definitions
    return sides, relations, conditions


def _name_key(rewriter, tokens):
    """The vocabulary key of ``tokens`` if they are one name (\\hat{y} -> hat_y, \\beta_1 -> beta_1), else None."""
    named = rewriter._atom_name(tokens, 0) if tokens else None
    if not named:
        return None
    before = set(rewriter.table)
    end = rewriter._atom(tokens, 0, named, [])
    atom = next((rewriter.table[k] for k in rewriter.table if k not in before), None)
    if end != len(tokens) or not isinstance(atom, Atom) or atom.args is not None:
        return None
    keys = atom.full_keys()
    return keys[0] if keys else atom.key
