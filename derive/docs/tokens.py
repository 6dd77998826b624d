"""TeX tokens of a formula: lexing, the notation that only spaces or sizes (dropped), and small
helpers on token lists (bracket depth, rows and cells, plain words)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from derive.errors import DeriveError


class NotationError(DeriveError):
    """A formula whose notation cannot be read (unbalanced braces, a dangling operator, ...)."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__(message)
        self.position = position


class Unsupported(DeriveError):
    """A formula that is readable but uses an operation the checker cannot decide."""


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


# Unicode signs authors paste into TeX source (x_1 = y_1 − F(x_2)): read as the TeX they stand for
UNICODE_SIGNS = {"−": ("ch", "-"), "×": ("cs", "times"), "·": ("cs", "cdot"), "≤": ("cs", "le"), "≥": ("cs", "ge")}
UNICODE_SIGNS |= {"≠": ("cs", "neq"), "≈": ("cs", "approx")}


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
        elif c in UNICODE_SIGNS:
            stack[-1].append(Tok(*UNICODE_SIGNS[c], position))
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


def latex_of(tokens) -> str:
    """LaTeX that reads as the tokens (for showing a part of a formula): ``\\frac{20}{36 \\times 20}``."""
    out = []
    for k, t in enumerate(tokens):
        if t.kind == "group":
            out.append("{" + latex_of(t.items) + "}")
        elif t.kind == "cs":
            letter_next = k + 1 < len(tokens) and tokens[k + 1].kind == "ch" and tokens[k + 1].text.isalnum()
            out.append("\\" + t.text + (" " if letter_next and t.text[-1:].isalpha() else ""))
        else:
            out.append(t.text)
    return "".join(out).strip()


# --- cleaning -----------------------------------------------------------------------

# the commands that size a bracket, \left( ... \Biggr): dropped, the bracket kept
BRACKET_SIZES = (
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
    "Biggl",
    "Biggr",
)
SIZED_DELIMITERS = {*BRACKET_SIZES, "bigm", "Bigm", "biggm", "Biggm"}  # each sizes the delimiter after it
DELIMITER_WORDS = (
    *("{", "}", "|", "langle", "rangle", "lvert", "rvert", "lVert", "rVert", "vert", "Vert"),
    *("lfloor", "rfloor", "lceil", "rceil", "lbrace", "rbrace", "lbrack", "rbrack"),
)


def _one_delimiter(items) -> bool:
    """Whether a group holds one delimiter, spaces aside: the (, ] or \\langle of \\Big{(} or \\right{]}."""
    inner = [i for i in items if not i.is_ch(" ")]
    return len(inner) == 1 and (inner[0].is_ch(*"()[]|./") or inner[0].is_cs(*DELIMITER_WORDS))


# control words that take no argument: an empty group after one (\log{} x, \cdot{}) only spaces it
NO_ARGUMENT_WORDS = {
    *("log", "ln", "lg", "exp", "sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh"),
    *("arcsin", "arccos", "arctan", "det", "max", "min", "sup", "inf", "lim", "Pr", "arg", "dim", "cdot", "times"),
}
DROP = {
    ",",
    ";",
    "!",
    ":",
    ">",
    " ",
    "quad",
    "qquad",
    *BRACKET_SIZES,
    "bigm",
    "Bigm",
    "biggm",
    "Biggm",
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


# commands whose argument is a word
WORD_FONTS = {
    "text",
    "mbox",
    "textrm",
    "textnormal",
    "textit",
    "textbf",
    "textsf",
    "mathrm",
    "operatorname",
    "mathit",
    "mathsf",
}
# the commands for dots: amsmath's \dotsb, \dotsc, \dotsm, \dotsi and \dotso name them by what they stand between
DOTS = ("ldots", "cdots", "dots", "dotsb", "dotsc", "dotsm", "dotsi", "dotso")
TEXT_COMMANDS = {"text", "mbox", "textrm", "textnormal", "textit", "textbf", "textsf"}
ARROWS = ("rightarrow", "longrightarrow", "Rightarrow", "Longrightarrow", "implies", "iff", "Leftrightarrow", "to")
POINTS_PER_UNIT = {"pt": 1, "bp": 1, "px": 1, "em": 10, "ex": 4.3, "mm": 2.85, "cm": 28.5, "in": 72.3, "pc": 12}
QUAD_POINTS = 8  # a space this wide (in points) separates statements, as \quad (1em) does


def _wide(items) -> bool:
    """Whether an \\hspace's length is at least about a \\quad (``0.5in``, ``1em``), not a thin space (``2pt``)."""
    found = re.fullmatch(r"\s*\*?\s*(\d*\.?\d+)\s*([a-z]{2})\s*", detex(items))
    return bool(found) and float(found[1]) * POINTS_PER_UNIT.get(found[2], 0) >= QUAD_POINTS


def _brace_note(tokens, k) -> int | None:
    """Where ``\\underbrace{X}_{label}`` (or ``\\overbrace{X}^{label}``) at ``k`` ends, when X is one term (no sign
    outside its brackets), so that the brace only annotates it; else None. A sum under a brace beside a factor would
    read differently with and without the brace's grouping, so it is left as written (unsupported)."""
    mark = "_" if tokens[k].is_cs("underbrace") else "^" if tokens[k].is_cs("overbrace") else None
    if mark is None:
        return None
    rest = list(itertools.islice((m for m in range(k + 1, len(tokens)) if not tokens[m].is_ch(" ")), 4))
    if len(rest) < 3 or tokens[rest[0]].kind != "group" or not tokens[rest[1]].is_ch(mark):
        return None
    if any(item.is_ch("+", "-") or item.is_cs("pm", "mp") for item in tokens[rest[0]].items[1:]):
        return None
    label = rest[2]
    if tokens[label].kind == "cs" and tokens[label].text in WORD_FONTS and len(rest) > 3:
        label = rest[3]  # \underbrace{x}_\text{words}: the command and its argument
    return label + 1


def _restructure(tokens, words=False) -> list:
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
        if t.is_cs("underE") and len(nxt) >= 2 and tokens[nxt[0]].kind == "group" and tokens[nxt[1]].kind == "group":
            # Spinning Up's \underE{\tau \sim \pi}{f}: the expectation \mathbb{E}_{\tau \sim \pi}[f]
            pos = t.pos
            out.extend([Tok("cs", "mathbb", pos), Tok("group", "", pos, [Tok("ch", "E", pos)]), Tok("ch", "_", pos)])
            out.append(Tok("group", "", pos, _restructure(tokens[nxt[0]].items)))
            out.extend([Tok("ch", "[", pos), *_restructure(tokens[nxt[1]].items), Tok("ch", "]", pos)])
            k = nxt[1] + 1
            continue
        note = _brace_note(tokens, k)
        if note is not None:  # \underbrace{p(x)}_\text{prior}: the content; the brace and its label annotate it
            out.append(Tok("group", "", t.pos, _restructure(tokens[nxt[0]].items)))
            k = note
            continue
        if t.is_cs("mathop") and nxt and tokens[nxt[0]].kind == "group":
            # \mathop{\rm argmin}: the operator's name, in the font plain TeX's switch chooses
            out.extend(_restructure(_font_switch(tokens[nxt[0]]) or tokens[nxt[0]].items))
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
        opening = _opening_bar(out) if t.is_cs("right") else None
        if t.is_cs("right") and len(nxt) >= 2 and _bar(tokens[nxt[0]]) and opening is not None:
            if _evaluation_point(tokens, nxt[1]):  # \left| f \right|_{x = a}: refused with the reason when read
                out.extend([Tok("cs", "right", t.pos), tokens[nxt[0]], Tok("cs", "absoluteorbar", t.pos)])
                k = nxt[1]
                continue
        if (
            t.is_cs("right", "big", "Big", "bigg", "Bigg", "bigr", "Bigr", "biggr", "Biggr")
            and nxt
            and _bar(tokens[nxt[0]])
            and len(nxt) >= 2
            and tokens[nxt[1]].is_ch("_")
        ):
            out.append(Tok("cs", "evalclose", t.pos))
            k = nxt[0] + 1
            continue
        if (
            t.is_cs("right")
            and len(nxt) >= 2
            and _bar(tokens[nxt[0]])
            and tokens[nxt[1]].is_ch("^")
            and nxt[1] + 2 < len(tokens)
            and _evaluation_point(tokens, nxt[1] + 2)
            and opening is not None
        ):
            # \left| f \right|^{-1}_{z = a}: the power of the absolute value, evaluated at the point
            out.insert(opening, Tok("cs", "evalopen", t.pos))
            out.extend([Tok("cs", "right", t.pos), tokens[nxt[0]], tokens[nxt[1]], tokens[nxt[1] + 1]])
            out.append(Tok("cs", "evalclose", t.pos))
            k = nxt[1] + 2
            continue
        if _bar(t) and nxt and _evaluation_point(tokens, nxt[0]) and sum(_bar(x) for x in tokens[:k]) % 2 == 0:
            out.append(Tok("cs", "evalclose", t.pos))  # \frac{df}{dx}|_{x=0}: a bar closing no |...| evaluates
            k += 1
            continue
        inner = _angle_product(tokens, k) if t.is_cs("langle") else None
        after = next((x for x in tokens[inner[2] :] if not x.is_ch(" ")), None) if inner else None
        if inner is not None and inner[1] is None and not (after is not None and after.is_ch("_")):
            # \langle X^2 \rangle: the mean of what it holds, as physics writes \mathbb{E}[X^2]
            pos = t.pos
            out.extend([Tok("cs", "mathbb", pos), Tok("group", "", pos, [Tok("ch", "E", pos)]), Tok("ch", "[", pos)])
            out.extend([*_restructure(inner[0]), Tok("ch", "]", pos)])
            k = inner[2]
            continue
        if inner is not None and inner[1] is not None:  # \langle u, v \rangle: the inner product, (u \cdot v)
            left, right, k = inner
            opening, closing = Tok("ch", "(", t.pos), Tok("ch", ")", t.pos)
            out.extend([opening, opening, *_restructure(left), closing, Tok("cs", "cdot", t.pos)])
            out.extend([opening, *_restructure(right), closing, closing])
            continue
        if t.is_ch(".") and k + 2 < len(tokens) and tokens[k + 1].is_ch(".") and tokens[k + 2].is_ch("."):
            out.append(Tok("cs", "ldots", t.pos))  # dots typed as three periods: x_1, ..., x_n
            k += 3
            continue
        quoted = _quoted_word(tokens, k) if t.is_ch("`") else None
        if quoted is not None:  # ``p" or ``p'' or `p': TeX quotes around a word, the word as \\text{p} would be
            out.extend([Tok("cs", "text", t.pos), Tok("group", "", t.pos, quoted[0])])
            k = quoted[1]
            continue
        joined = None if words else _underscored_name(tokens, k)
        if joined is not None:  # step\_num, warmup\_steps: one name, as in code
            out.extend([Tok("cs", "mathrm", t.pos), Tok("group", "", t.pos, tokens[k:joined])])
            k = joined
            continue
        if (
            t.kind == "group"
            and nxt
            and tokens[nxt[0]].is_ch("_", "^")
            and _opens_a_term(tokens, k)
            and _one_name(t.items)
        ):
            out.extend(_restructure(t.items))  # {\mathbf{v}}_i, {v'_{w}}^\top: the braces only hold the name
            k += 1
            continue
        if t.is_ch("^", "_") and nxt and tokens[nxt[0]].is_cs(*SCRIPT_COMMANDS):
            taken = _command_with_arguments(tokens, nxt[0])
            if taken is not None:  # e^\frac{x}{2}: the script is the command with its arguments, as TeX reads it
                out.extend([t, Tok("group", "", tokens[nxt[0]].pos, _restructure(tokens[nxt[0] : taken]))])
                k = taken
                continue
        switched = _font_switch(t) if t.kind == "group" else None
        if switched is not None:  # {\\rm margin}, {\\bf x}: plain TeX's font switch, \\mathrm{margin}, \\mathbf{x}
            if out and out[-1].kind == "cs" and out[-1].text in TEXT_COMMANDS:
                out.pop()  # \\mbox{\\bf f}: the switch sets the font of the text box's one name
            out.extend(_restructure(switched))
            k += 1
            continue
        chosen = _choose(t) if t.kind == "group" else None
        if chosen is not None:  # {n \\choose k}, {a \\over b}: plain TeX's \\binom{n}{k} and \\frac{a}{b}
            before = next((x for x in reversed(tokens[:k]) if not x.is_ch(" ")), None)
            argument = before is not None and (before.is_ch("^", "_") or before.kind in ("cs", "group"))
            if argument or nxt and tokens[nxt[0]].is_ch("^", "_"):  # x^{1 \\over 2}, {a \\over b}^2: one group still
                out.append(Tok("group", "", t.pos, _restructure(chosen)))
            else:  # {d \\over dx} f: the fraction itself, as \\frac{d}{dx} f is read
                out.extend(_restructure(chosen))
            k += 1
            continue
        if t.kind == "group":
            word = bool(out) and out[-1].kind == "cs" and out[-1].text in WORD_FONTS  # \\text{a\\_b} is a word already
            out.append(Tok("group", "", t.pos, _restructure(t.items, word)))
        else:
            out.append(t)
        k += 1
    return out


FONT_SWITCHES = {"rm": "mathrm", "bf": "mathbf", "it": "mathit", "sf": "mathsf", "cal": "mathcal", "tt": "mathtt"}


def _font_switch(group):
    """``\\mathrm{A}`` for a group ``{\\rm A}`` that opens with a font switch of plain TeX, else None."""
    items = [x for x in group.items if not x.is_ch(" ")]
    if len(items) < 2 or items[0].kind != "cs" or items[0].text not in FONT_SWITCHES:
        return None
    rest = group.items[group.items.index(items[0]) + 1 :]
    while rest and rest[0].is_ch(" "):
        rest = rest[1:]
    return [Tok("cs", FONT_SWITCHES[items[0].text], group.pos), Tok("group", "", group.pos, rest)]


INFIX_FRACTIONS = {"choose": "binom", "over": "frac"}


def _choose(group):
    """``\\binom{A}{B}`` for a group ``{A \\choose B}``, ``\\frac{A}{B}`` for ``{A \\over B}``, with one such command
    at its top level; else None."""
    at = [m for m, x in enumerate(group.items) if x.kind == "cs" and x.text in INFIX_FRACTIONS]
    if len(at) != 1:
        return None
    top, bottom = group.items[: at[0]], group.items[at[0] + 1 :]
    if not [x for x in top if not x.is_ch(" ")] or not [x for x in bottom if not x.is_ch(" ")]:
        return None
    command = INFIX_FRACTIONS[group.items[at[0]].text]
    return [Tok("cs", command, group.pos), Tok("group", "", group.pos, top), Tok("group", "", group.pos, bottom)]


def _quoted_word(tokens, k):
    """(the word's tokens, the position after the closing quote) for a word in TeX quotes starting at tokens[k]:
    ``word", ``word'' or `word'; else None."""
    opening = 2 if k + 1 < len(tokens) and tokens[k + 1].is_ch("`") else 1
    m = k + opening
    while m < len(tokens) and tokens[m].kind == "ch" and (tokens[m].text.isalnum() or tokens[m].text == "#"):
        m += 1
    if m == k + opening or m >= len(tokens):
        return None
    if opening == 2 and tokens[m].is_ch('"'):
        return tokens[k + opening : m], m + 1
    closing = [x.is_ch("'") for x in tokens[m : m + opening]]
    if len(closing) == opening and all(closing):
        return tokens[k + opening : m], m + opening
    return None


def _underscored_name(tokens, k):
    """The end of a name written with escaped underscores (step\\_num, d\\_model) starting at tokens[k], or None."""

    def alnum(m):
        return m < len(tokens) and tokens[m].kind == "ch" and tokens[m].text.isalnum()

    if not (alnum(k) and tokens[k].text.isalpha()) or k and (alnum(k - 1) or tokens[k - 1].is_ch("_", "^")):
        return None
    m, joins = k, 0
    while alnum(m) or m < len(tokens) and tokens[m].is_cs("_") and alnum(m + 1):
        joins += tokens[m].is_cs("_")
        m += 1
    return m if joins else None


def _opening_bar(out):
    """The position in ``out`` of the last \\left before a bar (\\left|, \\left\\vert), or None."""
    for m in range(len(out) - 2, -1, -1):
        if out[m].is_cs("left") and (_bar(out[m + 1]) or out[m + 1].is_cs("lvert")):
            return m
    return None


def _bar(x) -> bool:
    """Whether a token is a vertical bar: |, \\vert, \\rvert."""
    return x.is_ch("|") or x.is_cs("vert", "rvert")


def _evaluation_point(tokens, k) -> bool:
    """Whether tokens[k] starts a subscript naming a point, _{x=0}."""
    if not tokens[k].is_ch("_") or k + 1 >= len(tokens) or tokens[k + 1].kind != "group":
        return False
    return any(x.is_ch("=") for x in tokens[k + 1].items)


ARGUMENTLESS = {"top", "intercal", "cdot", "times", "quad", "qquad", ",", ";", "!"}  # commands a term may follow


def _opens_a_term(tokens, k) -> bool:
    """Whether the group at tokens[k] stands as a term of its own, not as a script or a command's argument: after
    nothing, a character other than _ and ^, an argumentless command (u^\\top {\\mathbf{v}}_i) or a script's group."""
    from derive.docs.symbols import GREEK

    before = [m for m in range(k) if not tokens[m].is_ch(" ")]
    if not before:
        return True
    previous = tokens[before[-1]]
    if previous.kind == "ch":
        return not previous.is_ch("_", "^")
    if previous.kind == "cs":
        return previous.text in ARGUMENTLESS or previous.text in GREEK
    return previous.kind == "group" and len(before) > 1 and tokens[before[-2]].is_ch("_", "^")


def _one_name(items) -> bool:
    """Whether braced tokens hold one name: a letter, a Greek letter or a font command with its argument,
    with primes and at most one subscript after it (v'_{w_i}), and nothing else."""
    from derive.docs.symbols import FONT, GREEK

    items = [x for x in items if not x.is_ch(" ")]
    if not items:
        return False
    if items[0].kind == "ch" and items[0].text.isalpha() or items[0].is_cs(*GREEK):
        m = 1
    elif items[0].kind == "cs" and items[0].text in FONT and len(items) > 1 and items[1].kind == "group":
        m = 2
    else:
        return False
    while m < len(items) and items[m].is_ch("'"):
        m += 1
    if m + 1 < len(items) and items[m].is_ch("_"):
        m += 2
    return m == len(items)


# commands that may stand as a sub- or superscript with their arguments: command -> number of arguments
SCRIPT_COMMANDS = {"frac": 2, "dfrac": 2, "tfrac": 2, "cfrac": 2, "binom": 2, "sqrt": 1}


def _command_with_arguments(tokens, k):
    """The position after the command at tokens[k] and its arguments (each a group or one token), or None."""
    needed = SCRIPT_COMMANDS[tokens[k].text]
    m = k + 1
    if tokens[k].is_cs("sqrt") and m < len(tokens) and tokens[m].is_ch("["):
        close = next((n for n in range(m, len(tokens)) if tokens[n].is_ch("]")), None)
        if close is None:
            return None
        m = close + 1
    while needed:
        while m < len(tokens) and tokens[m].is_ch(" "):
            m += 1
        if m >= len(tokens) or tokens[m].kind == "ch" and not tokens[m].text.isalnum():
            return None
        needed -= 1
        m += 1
    return m


def _brace_cases(tokens, k):
    """(cases tokens, next k) for ``\\begin{array} ... \\end{array} \\right.`` starting at tokens[k], or None."""
    body = [m for m in range(k, len(tokens)) if not tokens[m].is_ch(" ")]
    if (
        len(body) < 2
        or not tokens[body[0]].is_cs("begin")
        or tokens[body[1]].kind != "group"
        or word_of(tokens[body[1]].items) not in ("array", "aligned", "matrix")
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


SPACING_OVER = ("overset", "underset", "stackrel")  # a mark set over or under the next group


def _clean(tokens, keep_spaces=False) -> list:
    out = []
    skip_arg = 0
    text_arg = False
    coloured = False  # the group just after a colour: its text, shown without braces
    skipping = ""  # the command whose argument is being dropped
    sized = False  # a bracket-sizing command just dropped: \Big{(} sizes the bracket in its braces
    under_space = False  # an \overset of spacing alone just dropped: the group it sets the space over stays bare
    for t in tokens:
        if sized and t.kind == "group" and _one_delimiter(t.items):
            sized = False
            out += _clean(t.items, keep_spaces)
            continue
        sized = sized and t.is_ch(" ")
        if skip_arg:
            if t.kind == "group":
                skip_arg -= 1
                if skipping == "hspace" and _wide(t.items):  # \hspace{0.5in} between two statements, as \quad
                    out.append(Tok("ch", ";;", t.pos))
                coloured = skipping in ("color", "textcolor")
                continue
            if t.is_ch(" "):
                continue
            skip_arg = 0
        if coloured and t.is_ch(" "):
            continue
        if coloured and t.kind == "group":
            # H[A | S, Z] \color{green}{- H(Z | S) + H(Z)} shows a - b + c: the colour marks its text, its braces
            # group nothing, so the text joins the expression around it (never a factor of what stands before it)
            out += _clean(t.items, keep_spaces)
            coloured = False
            continue
        coloured = False
        if t.kind == "group" and not t.items and out and out[-1].kind == "cs" and out[-1].text in NO_ARGUMENT_WORDS:
            continue
        if t.kind == "group" and not text_arg and _signed(t.items) and _ends_a_term(out):
            # x {- y + z}: braces after a term that open with a sign group nothing, as the page shows x - y + z
            out += _clean(t.items, keep_spaces)
            continue
        if t.kind == "group":
            # the words of \\text{for all } keep their spaces: conditions are read from them
            items = _clean(t.items, keep_spaces or text_arg)
            if under_space:  # \overset{\,}{y}: y itself
                under_space = False
                out += items
                continue
            if not items and t.items and out and (out[-1].is_ch("^", "_") or out[-1].is_cs(*SPACING_OVER)):
                # w_0^{\,}, \mathbf{x}_{\,}^T, \overset{\,}{y}: a script of spacing alone is layout, not a script
                under_space = out.pop().kind == "cs"
                text_arg = False
                continue
            factorial = text_arg and len(items) > 1 and items[-1].is_ch("!")
            if factorial and all(i.kind == "ch" and i.text.isalpha() for i in items[:-1]):
                # \text{target!}: the factorial of the word, as \text{target}! writes it
                out += [Tok("group", "", t.pos, items[:-1]), items[-1]]
            else:
                out.append(Tok("group", "", t.pos, items))
            text_arg = False
            continue
        text_arg = t.kind == "cs" and t.text in TEXT_COMMANDS
        if t.kind == "cs" and t.text in WITH_ARG_DROP:
            skip_arg = 1  # \textcolor{red}{x}: the colour only; its text stays
            skipping = t.text
        elif t.kind == "cs" and t.text in KEEP_QUAD:
            if out:  # \qquad at the start indents the formula: it separates nothing
                out.append(Tok("ch", ";;", t.pos))
        elif t.kind == "cs" and t.text in DROP:
            sized = t.text in SIZED_DELIMITERS
            continue
        elif t.is_ch(" "):
            if keep_spaces:
                out.append(t)
            continue
        elif t.kind == "cs" and t.text == "\\":
            out.append(t)
        elif t.is_ch("~"):  # a non-breaking space: \\text{if~} x
            if keep_spaces:
                out.append(Tok("ch", " ", t.pos))
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
    merged = _bars_as_norms(_degrees(out))
    merged = _subscript_first(merged)
    # a wide space around an arrow only sets it apart: f(x) = e^x \quad \rightarrow \quad f'(x) = e^x is one implication;
    # beside a relation it only indents a side (h = \quad a[x], a + b \quad = c): a relation has a side each way
    arrow = [t.is_cs(*ARROWS) for t in merged]
    return [
        t
        for k, t in enumerate(merged)
        if not (
            t.is_ch(";;")
            and (
                (k and (arrow[k - 1] or _relation_token(merged[k - 1])))
                or (k + 1 < len(merged) and (arrow[k + 1] or _relation_token(merged[k + 1])))
            )
        )
    ]


# the relations that stand between the two sides of an aligned row, written as control words (=, <, > are characters)
ROW_RELATIONS = (
    "le",
    "leq",
    "leqslant",
    "lt",
    "ge",
    "geq",
    "geqslant",
    "gt",
    "approx",
    "simeq",
    "approxeq",
    "equiv",
    "ne",
    "neq",
    "propto",
    "sim",
)


def _relation_token(t) -> bool:
    """Whether ``t`` is a relation on its own (=, <, >, \\le, \\approx, ...)."""
    return t.is_ch("=", "<", ">") or t.is_cs(*ROW_RELATIONS)


# commands that end a term once they have their arguments: the scripted ones, fonts and accents -> number of arguments
TERM_COMMANDS = {
    **SCRIPT_COMMANDS,
    **dict.fromkeys(("mathbf", "boldsymbol", "mathrm", "mathit", "bar", "hat", "tilde", "vec", "overline"), 1),
}


def _signed(items) -> bool:
    """Whether a group's first token (spaces aside) is a plus or minus sign."""
    first = next((i for i in items if not i.is_ch(" ")), None)
    return first is not None and (first.is_ch("+") or first.is_ch("-"))


def _ends_a_term(out) -> bool:
    """Whether the tokens read so far end with a letter, a digit or a closing bracket (spaces aside): what a sign
    after them subtracts from, or a script; never a command, a script mark or a group that takes the braces as its
    argument."""
    written = [t for t in out if not t.is_ch(" ")]
    groups = 0
    while groups < len(written) and written[-1 - groups].kind == "group":
        groups += 1
    before = written[-1 - groups] if 0 < groups < len(written) else None
    if before is not None and (before.is_ch("^") or before.is_ch("_")):
        return True  # e^{x}{-1}: the script ends the term
    if before is not None and before.is_cs(*TERM_COMMANDS):
        return groups >= TERM_COMMANDS[before.text]  # \sqrt{x}{-1}, \frac{a}{b}{-c}
    last = written[-1] if written else None
    return last is not None and last.kind == "ch" and (last.text.isalnum() or last.text in (")", "]", "|"))


def _degrees(tokens) -> list:
    """``45^{\\circ}`` (``45^\\circ``) is 45 degrees, 45 pi/180 in the radians the functions take: the ring is the degree
    sign, never a composition with nothing after it."""
    out = []
    for t in tokens:
        ring = t.is_cs("circ") or (t.kind == "group" and len(t.items) == 1 and t.items[0].is_cs("circ"))
        if ring and out and out[-1].is_ch("^"):
            out[-1:] = [
                Tok("cs", "cdot", t.pos),
                Tok("cs", "frac", t.pos),
                Tok("group", "", t.pos, [Tok("cs", "pi", t.pos)]),
                Tok("group", "", t.pos, [Tok("ch", c, t.pos) for c in "180"]),
            ]
            continue
        out.append(t)
    return out


def _bars_as_norms(tokens) -> list:
    """``||`` as the norm bar ``\\|``, unless its first bar closes an absolute value: ``|x||y|`` is |x| times |y|
    (spaces are gone by now), while ``||x||`` and ``D(p||q)`` are a norm and a divergence. Whether a bar opens or closes
    is counted per bracket depth, so the bar of a condition inside p(y|x) does not carry past its bracket."""
    merged = []
    opened = [False]  # per depth: whether a single bar is open there
    closed_last = False  # the last token is a bar that closed an absolute value
    for t in tokens:
        if t.is_ch("(", "["):
            opened.append(False)
        elif t.is_ch(")", "]") and len(opened) > 1:
            opened.pop()
        if not t.is_ch("|"):
            merged.append(t)
            closed_last = False
            continue
        if merged and merged[-1].is_ch("|") and not closed_last:
            merged[-1] = Tok("cs", "|", merged[-1].pos)  # || just after an opening bar: a norm's bar
            opened[-1] = False
            continue
        closed_last = opened[-1]
        opened[-1] = not opened[-1]
        merged.append(t)
    return merged


def _angle_product(tokens, k):
    """(u, v, position after) for ``\\langle u, v \\rangle`` at tokens[k], (u, None, position after) for
    ``\\langle u \\rangle``: at most one comma between brackets that close and no bar, else None."""
    depth, comma = 0, None
    for m in range(k + 1, len(tokens)):
        x = tokens[m]
        if x.is_cs("langle") or x.is_ch("(", "["):
            depth += 1
        elif x.is_ch(")", "]") or (x.is_cs("rangle") and depth):
            depth -= 1
        elif x.is_cs("rangle"):
            if comma is None:
                return (tokens[k + 1 : m], None, m + 1) if m > k + 1 else None
            if comma == k + 1 or comma == m - 1:
                return None
            return tokens[k + 1 : comma], tokens[comma + 1 : m], m + 1
        elif x.is_ch(",") and depth == 0:
            if comma is not None:
                return None  # \langle a, b, c \rangle is no inner product
            comma = m
        elif x.is_ch("|") or x.is_cs("mid", "vert", "|"):
            return None  # \langle a | b \rangle: a bra-ket, not read
        if depth < 0:
            return None
    return None


def _subscript_first(tokens) -> list:
    """A superscript written before the subscript of one base, \\beta^t_2 or x^{(i)}_j, in TeX's usual order
    \\beta_2^t: TeX sets both scripts on the base either way."""
    out = list(tokens)
    k = 1
    while k + 3 < len(out):
        if out[k].is_ch("^") and out[k + 2].is_ch("_") and not out[k - 1].is_ch("^", "_"):
            out[k : k + 4] = [out[k + 2], out[k + 3], out[k], out[k + 1]]
            k += 4
            continue
        k += 1
    return out


# --- helpers on token lists -----------------------------------------------------------


def runs_replaced(tokens, width_at, made) -> list:
    """The tokens, in every group too, with each run that ``width_at(tokens, m)`` says starts at m (its width; 0 for
    none) replaced by the one token ``made(first token of the run)``."""
    out, m = [], 0
    while m < len(tokens):
        x = tokens[m]
        if x.kind == "group":
            out.append(Tok("group", "", x.pos, runs_replaced(x.items, width_at, made)))
            m += 1
            continue
        width = width_at(tokens, m)
        out.append(made(x) if width else x)
        m += width or 1
    return out


def word_of(tokens) -> str:
    return "".join(t.text if t.kind != "group" else word_of(t.items) for t in tokens if not t.is_ch(" "))


def opens(x) -> bool:
    """Whether a token opens a bracket: ( [ \\{ \\lfloor \\lceil."""
    return x.is_ch("(", "[") or x.is_cs("{", "lfloor", "lceil")


def closes(x) -> bool:
    """Whether a token closes a bracket: ) ] \\} \\rfloor \\rceil."""
    return x.is_ch(")", "]") or x.is_cs("}", "rfloor", "rceil")


def depth_at(tokens, m) -> int:
    """Bracket depth just before tokens[m]."""
    depth = 0
    for x in tokens[:m]:
        depth += 1 if opens(x) or x.is_cs("evalopen") else -1 if closes(x) or x.is_cs("evalclose") else 0
    return depth


def top_level_at(tokens, predicate):
    """The first position at bracket depth 0 whose token satisfies ``predicate``, or None."""
    depth = 0
    for m, x in enumerate(tokens):
        if depth == 0 and predicate(x):
            return m
        depth += 1 if opens(x) else -1 if closes(x) else 0
    return None


def row_cells(row):
    cells, current = [], []
    for t in row:
        if t.is_ch("&"):
            cells.append(current)
            current = []
        else:
            current.append(t)
    cells.append(current)
    return cells


# the extra space a row break may ask for, \\[2mm] or \\[-0.5ex]: layout, not a bracket of the next row
ROW_SPACING = re.compile(r"\s*\[\s*-?\d*\.?\d+\s*(?:em|ex|pt|mm|cm|in|bp|pc|mu)\s*\]")


def display_rows(tokens):
    """The rows of an environment's body, split at each \\\\ (and the extra space written after it)."""
    rows, current, k = [], [], 0
    while k < len(tokens):
        if tokens[k].is_cs("\\"):
            rows.append(current)
            current = []
            k = _after_row_spacing(tokens, k + 1)
            continue
        current.append(tokens[k])
        k += 1
    rows.append(current)
    return [r for r in rows if r]


def _after_row_spacing(tokens, k):
    """Where the next row starts: after the spacing ``[2mm]`` a row break at ``k`` asks for, if it asks for one."""
    close = next((m for m in range(k, len(tokens)) if tokens[m].is_ch("]")), None)
    if close is None or any(t.kind != "ch" for t in tokens[k:close]):
        return k
    return close + 1 if ROW_SPACING.fullmatch("".join(t.text for t in tokens[k : close + 1])) else k


def flatten(tokens):
    out = []
    for t in tokens:
        out.extend(flatten(t.items) if t.kind == "group" else [t])
    return out


def is_power_of_number(rw, script) -> bool:
    """Whether a superscript T is the number T the tag declares (\\gamma^T): a power, not a transpose."""
    return len(script) == 1 and script[0].is_ch("T") and "T" in rw.numbers


def is_transpose(script) -> bool:
    """Whether a superscript marks a transpose: ^\\top, ^T, ^{\\mathsf{T}}."""
    if len(script) == 1:
        return script[0].is_cs("top", "intercal", "T", "mathsf") or script[0].is_ch("T")
    return (
        len(script) == 2
        and script[0].is_cs("mathsf", "mathrm", "text")
        and word_of(script[1].items if script[1].kind == "group" else [script[1]]) == "T"
    )


PAIRS = {"[": "]", "{": "}", "(": ")"}


def closing_bracket(text: str, opening: int) -> int | None:
    """The position in ``text`` of the bracket that closes the one at ``opening`` (``[``, ``{`` or ``(``), counting
    nested ones of its kind and skipping escaped ones (``\\{``); None when it never closes."""
    open_, close = text[opening], PAIRS[text[opening]]
    depth = 0
    for position in range(opening, len(text)):
        if position and text[position - 1] == "\\":
            continue
        if text[position] == open_:
            depth += 1
        elif text[position] == close:
            depth -= 1
            if depth == 0:
                return position
    return None


def balanced(text: str, pairs: str = "()[]{}") -> bool:
    """Whether every bracket of ``pairs`` (opening and closing characters in turn) that the text opens it also closes,
    none closing before it opens."""
    opening, closing = pairs[0::2], pairs[1::2]
    depth = 0
    for character in text:
        depth += (character in opening) - (character in closing)
        if depth < 0:
            return False
    return depth == 0
