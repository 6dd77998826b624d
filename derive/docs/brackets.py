"""Reading brackets and environments: (a), tuples (a, b), Iverson brackets [i = j], |a|, norms \\|x\\|_p,
\\lfloor x \\rfloor, cases, and matrices. Each reader takes the rewriter, the tokens, the position of
the notation and the output list, and returns the position after it."""

from __future__ import annotations

from derive.docs import sums
from derive.docs.chain import (
    condition_pieces,
    is_condition_start,
    is_index_condition,
    parse_conditions,
    relation_at,
    trim_punctuation,
)
from derive.docs.nodes import (
    Apply,
    Branches,
    Component,
    Condition,
    Indicator,
    Norm,
    Sequence,
    Side,
    Transposed,
    TupleNode,
)
from derive.docs.symbols import GREEK
from derive.docs.tokens import (
    NotationError,
    Tok,
    Unsupported,
    depth_at,
    detex,
    display_rows,
    is_power_of_number,
    is_transpose,
    row_cells,
    top_level_at,
    word_of,
)


def bracket(rw, tokens, k, out):
    """(a), [a]; a tuple (a, b); an Iverson bracket [i = j]; (W x)^\\top; (W x)_j."""
    t = tokens[k]
    close = ")" if t.text == "(" else "]"
    inner, k = rw._balanced(tokens, k, t.text, close)
    if k < len(tokens) and tokens[k].is_ch("(") and top_level_at(inner, lambda x: x.is_ch("*") or x.is_cs("ast")):
        # (g * x)(4): * is a product or a convolution, and (g * x) before a bracket reads as the convolution taken at
        # a point as plausibly as a product (4gx); the two readings disagree, so neither is taken
        raise Unsupported(f"({detex(inner).strip()})(...) may be a convolution taken at a point; it is not read")
    parts, seps = rw._split_args(inner)
    listed = len(parts) > 1 and all(s == "," for s in seps)
    run = dotted_run(rw, parts, inner) if listed else None
    if run is not None:
        text = rw.placeholder(run)  # (x_1, \ldots, x_n): the vector of the x_j
    elif listed:
        text = rw.placeholder(TupleNode([rw.sub_side(p) for p in parts]))
    elif t.text == "[" and _iverson(inner):
        text = rw.placeholder(Indicator(_iverson(inner)))
    elif t.text == "[" and _one_comparison(inner):  # [x_i = x]: Iverson's bracket, 1 where it holds and 0 elsewhere
        one = [Tok("cs", "mathbb", t.pos), Tok("group", "", t.pos, [Tok("ch", "1", t.pos)])]
        text = rw.emit([*one, Tok("ch", "(", t.pos), *inner, Tok("ch", ")", t.pos)])
    elif any(relation_at(inner, m) and depth_at(inner, m) == 0 for m in range(len(inner))):
        raise Unsupported(f"a bracket holding a relation ({detex(inner).strip()}) is not read")
    else:
        text = "(" + rw.emit(inner) + ")"
    positive = _positive_part(rw, tokens, k, inner)
    if positive is not None and not listed:
        out.append(positive[0])
        return positive[1]
    if (
        k < len(tokens)
        and tokens[k].is_ch("^")
        and is_transpose(rw._script(tokens, k)[0])
        and not is_power_of_number(rw, rw._script(tokens, k)[0])
    ):
        if not listed:  # a list written in a row and transposed, [x, y]^\top, is the column vector it is read as
            text = rw.placeholder(Transposed(Side(text, rw.table)))  # (W x)^\top
        k = rw._script(tokens, k)[1]
    if k < len(tokens) and tokens[k].is_ch("_"):
        script, k = rw._script(tokens, k)
        text = rw.placeholder(Component(Side(text, rw.table), rw._subscript_items(script)[0]))  # (W x)_j
    out.append(text)
    return k


def _positive_part(rw, tokens, k, inner):
    """(text, next k) for the positive part (a)_+ = max(0, a), also raised, (a)^p_+ or (a)_+^p; else None."""

    def script_at(m, mark):
        return rw._script(tokens, m) if m < len(tokens) and tokens[m].is_ch(mark) else None

    def plus_at(m):
        found = script_at(m, "_")
        return found[1] if found and [x.text for x in found[0]] == ["+"] else None

    power = []
    end = plus_at(k)
    if end is not None:  # (a)_+ or (a)_+^p
        raised = script_at(end, "^")
        if raised:
            power, end = tokens[end : raised[1]], raised[1]
    else:  # (a)^p_+
        raised = script_at(k, "^")
        end = plus_at(raised[1]) if raised else None
        if end is None:
            return None
        power = tokens[k : raised[1]]
    pos = tokens[k].pos
    maximum = [Tok("cs", "max", pos), *(Tok("ch", c, pos) for c in "(0,"), *inner, Tok("ch", ")", pos)]
    return rw.emit([Tok("ch", "(", pos), *maximum, Tok("ch", ")", pos), *power]), end


def brace(rw, tokens, k, out):
    """\\{a\\}: a bracket, or an Iverson bracket \\{i = j\\}."""
    inner, k2 = rw._balanced(tokens, k, "{", "}")
    if _iverson(inner):
        out.append(rw.placeholder(Indicator(_iverson(inner))))
    else:
        out.append("(" + rw.emit(inner) + ")")
    return k2


def absolute(rw, tokens, k, out):
    """|a|: the absolute value of a number, the Euclidean length of a vector (the grammar has no \\left|)."""
    t = tokens[k]
    inner_end = next((m for m in range(k + 1, len(tokens)) if tokens[m].is_ch("|")), None)
    if inner_end is None:
        raise NotationError("'|' is never closed", t.pos)
    if inner_end == k + 1:
        raise NotationError("an empty |...|", t.pos)
    out.append(rw.placeholder(Norm(rw.sub_side(tokens[k + 1 : inner_end]))))
    return inner_end + 1


def group(rw, tokens, k, out):
    out.append("(" + rw.emit(tokens[k].items) + ")")  # a bare group only groups (never a set)
    return k + 1


FROBENIUS = ("Fro", "fro", "Frob", "frob", "Frobenius")  # spellings of the Frobenius norm's subscript


def norm(rw, tokens, k, out):
    close = next(
        (m for m in range(k + 1, len(tokens)) if tokens[m].is_cs("|") and depth_at(tokens[k + 1 : m], m - k - 1) == 0),
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
        script, k = rw._script(tokens, k)
        order = "infty" if any(x.is_cs("infty") for x in script) else detex(script).replace(" ", "")
        order = "F" if order in FROBENIUS else order  # \|X\|_{Fro}, \|X\|_{\mathrm{Frob}}: the Frobenius norm
        if order not in ("1", "2", "infty", "F"):
            if not _is_norm_exponent(script):
                raise Unsupported(f"the norm \\|·\\|_{order}")
            # \|x\|_p, \|x\|_3: the p-norm (sum of |x_i|^p)^(1/p)
            out.append(rw.placeholder(Norm(rw.sub_side(body), "p", rw.sub_side(script))))
            return k
    out.append(rw.placeholder(Norm(rw.sub_side(body), order)))
    return k


def rounding(rw, tokens, k, out):
    """\\lfloor x \\rfloor, \\lceil x \\rceil: x rounded down or up to a whole number."""
    opening = tokens[k].text
    inner, k2 = rw._balanced(tokens, k, opening, {"lfloor": "rfloor", "lceil": "rceil"}[opening])
    if not inner:
        raise NotationError(f"an empty \\{opening}", tokens[k].pos)
    out.append(rw.placeholder(Apply("floor" if opening == "lfloor" else "ceil", [rw.sub_side(inner)])))
    return k2


def unmatched_rounding(rw, tokens, k, out):
    raise NotationError(f"\\{tokens[k].text} without its opening bracket", tokens[k].pos)


def environment(rw, tokens, k, out):
    name = word_of(tokens[k + 1].items) if k + 1 < len(tokens) and tokens[k + 1].kind == "group" else ""
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
    rows = display_rows(inner)
    if name in ("cases", "dcases", "rcases"):
        parsed = []
        for row in rows:
            cells = row_cells(row)
            expr = cells[0]
            cond_tokens = [x for c in cells[1:] for x in c]
            if len(cells) == 1:  # x \text{ if } x > 0, written without &
                start = next(
                    (m for m in range(len(expr)) if m and is_condition_start(expr, m) and not expr[m].is_ch(",")),
                    None,
                )
                if start is not None:
                    expr, cond_tokens = expr[:start], expr[start:]
            expr = trim_punctuation(expr)
            words = [w.strip(",.:;") for w in detex(cond_tokens).lower().split()]
            otherwise = "otherwise" in words or "else" in words
            conditions = (
                []
                if otherwise
                else [
                    Condition(p[0].text, relation_at(p, 1)[0], p[2].text)
                    if is_index_condition(p)
                    else rw._comparison(p)
                    for p in condition_pieces(trim_punctuation(cond_tokens))
                ]
            )
            if not otherwise and not conditions:
                raise Unsupported("a case without its condition")
            parsed.append((rw.sub_side(expr), conditions, otherwise))
        out.append(rw.placeholder(Branches(parsed)))
        return after
    if name in ("pmatrix", "bmatrix", "matrix", "vmatrix", "array", "Bmatrix"):
        cells = [row_cells(r) for r in rows if r]
        if all(len(c) == 1 for c in cells):
            out.append(rw.placeholder(TupleNode([rw.sub_side(c[0]) for c in cells])))
        elif len(cells) == 1:
            out.append(rw.placeholder(TupleNode([rw.sub_side(c) for c in cells[0]], row=True)))
        elif len({len(c) for c in cells}) == 1:
            out.append(rw.placeholder(TupleNode([rw.sub_side(x) for c in cells for x in c], columns=len(cells[0]))))
        else:
            raise Unsupported("a matrix whose rows have different lengths")
        return after
    raise Unsupported(f"the {name} environment inside a formula")


def _is_norm_exponent(script) -> bool:
    """Whether the subscript of a norm is an exponent p: one letter, Greek letter or whole number."""
    items = [x for x in script if not x.is_ch(" ")]
    if len(items) == 1 and (items[0].is_cs(*GREEK) or items[0].kind == "ch" and items[0].text.isalpha()):
        return items[0].text not in ("F", "T")
    return bool(items) and all(x.kind == "ch" and x.text.isdigit() for x in items)


def _one_comparison(tokens) -> bool:
    """Whether the tokens are one comparison of two sides (x_i = x, z \\ge 0), with nothing else at their top level."""
    at = [m for m in range(len(tokens)) if depth_at(tokens, m) == 0 and relation_at(tokens, m)]
    if len(at) != 1 or any(x.is_ch(",", ";") and depth_at(tokens, m) == 0 for m, x in enumerate(tokens)):
        return False
    relation, size = relation_at(tokens, at[0])
    before, after = tokens[: at[0]], tokens[at[0] + size :]
    written = all(any(not x.is_ch(" ") for x in side) for side in (before, after))
    return written and relation in ("=", "!=", "<", ">", "<=", ">=")


def _iverson(tokens):
    conditions = parse_conditions(tokens)
    if len(conditions) == 1 and len([t for t in tokens if not t.is_ch(" ")]) == 3:
        return conditions[0]
    return None


def dotted_run(rw, parts, inner):
    """The vector a list written with dots stands for, x_1, x_2, \\ldots, x_n (items alike but for one index
    counting up by one, nothing before them), as a Sequence node; None for any other list."""
    index = sums._fresh_index(inner)
    found = sums.dotted_list(parts, index)
    if found is None or found[0]:
        return None
    low, top, body = found[1]
    first = rw.sub_side([Tok("ch", c, top.pos) for c in low])
    return Sequence(index, rw.sub_side(body), first, rw.sub_side([top]))
