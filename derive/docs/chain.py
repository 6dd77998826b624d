"""A formula's chain of links (``a = b \\le c``): its top-level relations, its rows (aligned
displays), and the conditions written after it (``\\text{if } i \\ne j``, ``where \\beta = 0.9``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from derive.docs.nodes import Condition
from derive.docs.tokens import DOTS, TEXT_COMMANDS, Unsupported, closes, depth_at, detex, flatten, opens, word_of

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
    "approxeq": "~",
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
    "leftarrow": "<-",
    "gets": "<-",
    "longleftarrow": "<-",
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


def relation_at(tokens, k):
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
            found = relation_at(inner, 0)
            if found:
                return found[0], 3
    return None


@dataclass
class Chain:
    """Sides (token lists) and the relations between them, plus conditions on indices."""

    sides: list
    relations: list
    conditions: list
    arrows: list = field(default_factory=list)  # for each relation, the annotation of an arrow (n \\to \\infty)
    stated: list = field(default_factory=list)  # other stated conditions (token lists): comparisons, definitions
    worded: bool = False  # whether words (where, for, if) introduce the conditions


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
        rel = relation_at(flat, k) if k < len(flat) else None
        if rel and rel[0] in ("=", "!=") and 0 < k and k + rel[1] < len(flat):
            a, b = flat[k - 1], flat[k + rel[1]]
            if a.kind == "ch" and b.kind == "ch" and a.text.isalpha() and b.text.isalpha():
                found.append(Condition(a.text, rel[0], b.text))
    del letters
    return found


def is_condition_start(tokens, k) -> bool:
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
        if any(relation_at(rest, m) for m in range(len(rest))):
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


def unwrap_rows(tokens) -> list:
    """One chain from a display of rows: an aligned/split wrapper and its ``&`` and ``\\\\`` removed,
    continuation rows (``&= ...``, ``&+ ...``) joined; several equations in one block are refused."""
    while (
        tokens
        and tokens[0].is_cs("begin")
        and len(tokens) > 1
        and tokens[1].kind == "group"
        and word_of(tokens[1].items) in ALIGNED
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
    rows, current, cells, env_depth = [], [], [[]], 0
    for t in tokens:
        env_depth += 1 if t.is_cs("begin") else -1 if t.is_cs("end") else 0
        if env_depth == 0 and t.is_cs("\\"):
            _refuse_equations_side_by_side(cells)
            rows.append(current)
            current, cells = [], [[]]
        elif env_depth == 0 and t.is_ch("&"):
            cells.append([])
        else:
            current.append(t)
            cells[-1].append(t)
    _refuse_equations_side_by_side(cells)
    rows.append(current)
    rows = [r for r in rows if r]
    joined = rows[:1]
    for row in rows[1:]:
        while len(row) > 1 and row[0].is_ch(";;"):
            row = row[1:]  # &\quad + b^2: an indented continuation
        if relation_at(row, 0) or row[0].is_ch("+", "-") or row[0].is_cs("cdot", "times", "pm", "mp"):
            joined[-1] = joined[-1] + row
        else:
            joined.append(row)
    if len(joined) > 1:
        raise Unsupported(f"{len(joined)} separate equations in one display; each is checked on its own line")
    return joined[0] if joined else []


def _refuse_equations_side_by_side(cells) -> None:
    """A row ``a &= b & c &= d`` holds two equations in its column pairs: not one chain a = b c = d."""
    for j in range(2, len(cells) - 1, 2):
        left, right = cells[j], cells[j + 1]
        if left and not relation_at(left, 0) and right and relation_at(right, 0):
            raise Unsupported("several equations side by side in one row of an alignment; write one per row")


class Conditions(list):
    """The index conditions of a formula (Condition), with the other conditions it states:
    ``comparisons`` (Comparison, imposed on the sampled points), ``definitions`` (name -> Side,
    ``where \\beta = 0.9``) and ``remark``, filled in by :func:`rewrite_chain`."""

    comparisons: tuple = ()
    definitions: dict = {}
    functions: dict = {}  # name -> Definition, ``where L(\\theta) = (\\theta - 2)^2``: a function the formula defines
    remark: str | None = None  # the value a remark after an arrow states besides words (not read): see valued_remark
    clipped: bool = False  # the remark after an arrow read as the chain's value clipped (see clip_claim)


def trim_punctuation(tokens):
    while tokens and (tokens[-1].is_ch(".", ",", ";", ";;", ":") or tokens[-1].is_cs("\\")):
        tokens = tokens[:-1]
    return tokens


def _unbracketed(tail):
    """A condition tail set in one pair of parentheses, \\quad (n \\ge 1), without them: the comparisons inside."""
    start = 0
    while start < len(tail) and (_blank(tail[start]) or tail[start].is_ch(",")):
        start += 1
    inner = trim_punctuation(tail[start:])
    if len(inner) < 3 or not inner[0].is_ch("(") or not inner[-1].is_ch(")"):
        return tail
    inner = inner[1:-1]
    # (a) + (b): the first parenthesis closes before the last
    if any(depth_at(inner, m) < 0 for m in range(len(inner) + 1)) or not _top_relation(inner, 0, len(inner)):
        return tail
    return [*tail[:start], *inner]


def condition_pieces(tail) -> list:
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


def is_index_condition(piece) -> bool:
    rel = [m for m in range(len(piece)) if relation_at(piece, m)]
    return (
        len(piece) == 3
        and len(rel) == 1
        and rel[0] == 1
        and relation_at(piece, 1)[0] in ("=", "!=")
        and piece[0].kind == "ch"
        and piece[0].text.isalpha()
        and piece[2].kind == "ch"
        and piece[2].text.isalpha()
    )


def is_harmless_membership(piece) -> bool:
    """``i \\in [n]``, ``x \\in \\mathbb{R}^n``: a statement of type or range, which the domain already fixes."""
    at = next((m for m in range(len(piece)) if piece[m].is_cs("in")), None)
    if at is None or at == 0:
        return False
    right = piece[at + 1 :]
    return bool(right) and (
        right[0].is_cs("mathbb")
        or (len(right) == 3 and right[0].is_ch("[") and right[2].is_ch("]"))
        or (right[0].is_cs("{") and any(x.is_cs(*DOTS) for x in right))
    )


def arrow_target(tokens):
    """(variable, target tokens) of ``n \\to \\infty``, or None."""
    at = next((m for m in range(len(tokens)) if tokens[m].is_cs("to", "rightarrow", "longrightarrow")), None)
    if at is None or at == 0:
        return None
    return tokens[:at], tokens[at + 1 :]


def split_chain(tokens) -> Chain:
    """Split a cleaned formula at its top-level relations; set trailing conditions apart."""
    tokens = trim_punctuation(unwrap_rows(tokens))
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
        if env_depth == 0 and bracket_depth == 0 and is_condition_start(tokens, k):
            body, tail = trim_punctuation(tokens[:k]), tokens[k:]
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
        rel = relation_at(body, k) if depth == 0 else None
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
    tail = _unbracketed(tail)
    if "equality" in detex(tail).lower():
        tail = []  # "with equality if and only if ...": a remark on the bound, not a condition of it
    conditions = Conditions(parse_conditions(tail))
    stated = []
    ranges = any(t.is_cs(*DOTS) for t in flatten(tail))
    for piece in condition_pieces(tail):
        if (
            not any(relation_at(piece, m) for m in range(len(piece)))
            or is_index_condition(piece)
            or is_harmless_membership(piece)
        ):
            continue
        if "->" in relations and arrow_target(piece):
            arrows = [a if a is not None or r != "->" else piece for a, r in zip(arrows, relations)]
            continue
        if (
            relation_at(piece, 1)
            and relation_at(piece, 1)[0] == "="
            and piece[0].kind == "ch"
            and piece[0].text in "ijklmnt"
            and (ranges or len(piece) == 3)
        ):
            continue  # i = 1, \dots, n: the range of an index, which the domain fixes
        stated.append(piece)
    if any(t.is_cs("lor", "vee") for t in flatten(tail)) or "or" in detex(tail).lower().split():
        if len(conditions) + len(stated) > 1:
            raise Unsupported("conditions joined by 'or' cannot be imposed")
    worded = any(t.is_cs(*TEXT_COMMANDS, "mathrm", "forall") for t in tail)
    return Chain(sides, relations, conditions, arrows, stated, worded)


def term_end(tokens, k, stop_at_juxtaposition=False):
    """Where a term that starts at tokens[k] ends: the next top-level +, -, relation or separator."""
    m = k
    depth = 0
    while m < len(tokens):
        t = tokens[m]
        if opens(t) or t.is_cs("begin"):
            depth += 1
        elif closes(t) or t.is_cs("end"):
            depth -= 1
            if depth < 0:
                return m
        elif depth == 0 and (t.is_cs("|") or t.is_ch("|")):
            # a norm or absolute value is one factor: \partial_w \|y - Xw\|^2
            close = next(
                (n for n in range(m + 1, len(tokens)) if tokens[n].kind == t.kind and tokens[n].text == t.text), None
            )
            if close is not None:
                m = close + 1
                continue
        elif (
            depth == 0
            and m > k
            and (t.is_ch("+", "-", ";;", ",") or relation_at(tokens, m) or t.is_cs("\\", "pm", "mp"))
        ):
            return m
        m += 1
    return m


REMARK_ARROWS = ("to", "rightarrow", "longrightarrow", "Rightarrow", "Longrightarrow")
SPACES = ("space", "quad", "qquad")


def _text_word(tokens, m) -> bool:
    """Whether tokens[m] starts a word set in text type (\\text{Clip}, \\textrm{after})."""
    return m + 1 < len(tokens) and tokens[m].is_cs(*TEXT_COMMANDS) and tokens[m + 1].kind == "group"


def _blank(x) -> bool:
    return x.is_ch(" ", ";;") or x.is_cs(*SPACES)


def _top_relation(tokens, start, end) -> bool:
    """Whether a relation stands outside every bracket in tokens[start:end]."""
    return any(relation_at(tokens, m) and depth_at(tokens, m) == 0 for m in range(start, end))


def label_and_remark(tokens) -> tuple[list, list | None]:
    """(the formula, the remark after it) of ``\\text{Ratio}: a = b \\to \\text{Clip } 1.2``.

    Words set in text type before a top-level colon label the formula and are dropped; an arrow (→,
    ``\\to``, ``\\rightarrow``, ``\\Rightarrow``) after a relation, followed by words in text type and no
    relation outside brackets, starts a remark that ends the checked chain (returned; None when there is none).
    """
    tokens = list(tokens)
    m = 0
    while _text_word(tokens, m):
        m += 2
        while m < len(tokens) and _blank(tokens[m]):
            m += 1
    if m and m < len(tokens) and tokens[m].is_ch(":") and _top_relation(tokens, m + 1, len(tokens)):
        tokens = tokens[m + 1 :]
    for m, x in enumerate(tokens):
        if not (x.is_ch("→") or x.is_cs(*REMARK_ARROWS)) or depth_at(tokens, m) != 0:
            continue
        n = m + 1
        while n < len(tokens) and _blank(tokens[n]):
            n += 1
        if _text_word(tokens, n) and not _top_relation(tokens, n, len(tokens)) and _top_relation(tokens, 0, m):
            return tokens[:m], tokens[m + 1 :]
    return tokens, None


def valued_remark(remark) -> str | None:
    """The remark after an arrow (the second part of :func:`label_and_remark`) when it states a number or a formula
    besides its words (``\\to \\text{Clip } 1.2``), which the checker does not read; None for a remark of words only."""
    if remark is None:
        return None
    words = all(_blank(x) or _text_word(remark, k) or k and _text_word(remark, k - 1) for k, x in enumerate(remark))
    return None if words else " ".join("".join(" " if _blank(x) else detex([x]) for x in remark).split())


CLIP_WORDS = ("clip", "after clip", "clipped")  # the words of a remark that gives the ratio clipped (PPO, GRPO)


def clip_claim(remark) -> tuple | None:
    """(the value, ε or None) of a remark that states the chain's value clipped to [1 - ε, 1 + ε], as PPO and GRPO
    clip a probability ratio: ``\\to \\text{Clip}\\space 1.2`` (ε from the tag), ``\\to \\text{after Clip}
    \\space 1.2 \\space (\\epsilon = 0.2)``; None for any other remark, such as a clipping threshold (``clip to 5``).
    """
    if remark is None:
        return None
    items = [x for x in remark if not _blank(x)]
    if len(items) < 3 or not _text_word(items, 0) or " ".join(detex(items[1].items).lower().split()) not in CLIP_WORDS:
        return None
    rest = items[2:]
    n = 0
    while n < len(rest) and (rest[n].kind == "ch" and (rest[n].text.isdigit() or rest[n].text in ".-")):
        n += 1
    value, rest = rest[:n], rest[n:]
    if not value or not any(x.text.isdigit() for x in value):
        return None
    if not rest:
        return value, None
    stated = (
        len(rest) >= 5
        and rest[0].is_ch("(")
        and rest[-1].is_ch(")")
        and rest[1].is_cs("epsilon", "varepsilon")
        and rest[2].is_ch("=")
        and all(x.kind == "ch" and (x.text.isdigit() or x.text == ".") for x in rest[3:-1])
    )
    return (value, rest[3:-1]) if stated else None


def named_in_words(tokens) -> bool:
    """Whether a side starts with a name of several words set in text type (``\\text{Negative Predictive Value}``,
    ``\\text{Tikhonov Regularized } \\lambda_i``): a name for the value, not a quantity the checker knows."""
    m = 0
    while m < len(tokens) and _blank(tokens[m]):
        m += 1
    return _text_word(tokens, m) and len(detex(tokens[m + 1].items).split()) >= 2
