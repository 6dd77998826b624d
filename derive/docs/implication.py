"""Reading implications: ``A \\implies B`` claims B under A, where A is a comparison (y > x), the
value of a name (x = 2) or the definition of a function (f(x) = e^x, put into B wherever f is used)."""

from __future__ import annotations

from derive.docs.chain import relation_at, trim_punctuation
from derive.docs.functions import split_commas
from derive.docs.nodes import Atom
from derive.docs.symbols import ELEMENTARY, FONT, GREEK, WORD_FUNCTIONS
from derive.docs.tokens import NotationError, Tok, Unsupported, closes, depth_at, detex, opens

IMPLICATIONS = ("Rightarrow", "implies", "Longrightarrow")


LEADS_TO = ("to", "rightarrow", "longrightarrow")


def writes_an_arrow(text: str) -> bool:
    """Whether ``text`` writes a command :func:`split_implication` may split at: without one it splits nothing."""
    return any(f"\\{name}" in text for name in (*IMPLICATIONS, *LEADS_TO))


def split_implication(tokens):
    """(claim tokens, hypothesis tokens or None) of ``A \\implies B`` (also ``A \\Rightarrow B``, and
    ``A \\rightarrow B`` between two statements): B is claimed under A; a leading ``\\implies B`` claims B."""
    at, depth = [], 0
    for m, x in enumerate(tokens):
        if opens(x) or x.is_cs("begin"):
            depth += 1
        elif closes(x) or x.is_cs("end"):
            depth -= 1
        elif depth == 0 and (x.is_cs(*IMPLICATIONS) or x.is_cs(*LEADS_TO) and _statements_around(tokens, m)):
            at.append(m)
    if len(at) != 1:
        return tokens, None
    return tokens[at[0] + 1 :], tokens[: at[0]]


def join_conclusions(tokens):
    """The conclusion of an implication with its claims joined by \\land: ``\\frac{\\partial f}{\\partial q} = z,
    \\frac{\\partial f}{\\partial z} = q`` claims both. A part after a comma whose left side is one name (``x = 2``)
    or that compares (``x > 0``) stays a condition of the claims before it."""
    from derive.docs.interpret import Rewriter

    pieces, current, depth = [], [], 0
    for x in tokens:
        if opens(x) or x.is_cs("begin"):
            depth += 1
        elif closes(x) or x.is_cs("end"):
            depth -= 1
        if depth == 0 and x.is_ch(","):
            pieces.append(current)
            current = []
        else:
            current.append(x)
    pieces.append(current)
    if len(pieces) < 2:
        return tokens
    out = list(pieces[0])
    for piece in pieces[1:]:
        while piece and piece[0].is_ch(";;", ";"):  # the wide space after the comma (\\hspace, \\quad)
            piece = piece[1:]
        at = next((m for m in range(len(piece)) if relation_at(piece, m)), None)
        claim = (
            at is not None
            and at > 0
            and relation_at(piece, at)[0] == "="
            and name_key(Rewriter(), trim_punctuation(piece[:at])) is None
        )
        out.extend([Tok("cs", "land", piece[0].pos if piece else 0)] if claim else [Tok("ch", ",", 0)])
        out.extend(piece)
    return out


def _statements_around(tokens, m) -> bool:
    """Whether the arrow at tokens[m] stands between two statements, each with a relation of its own."""

    def has_relation(part):
        depth = 0
        for n, x in enumerate(part):
            depth += 1 if opens(x) else -1 if closes(x) else 0
            found = relation_at(part, n) if depth == 0 else None
            if found and found[0] not in ("->", "implies"):
                return True
        return False

    return has_relation(tokens[:m]) and has_relation(tokens[m + 1 :])


def function_definition(tokens):
    """(name token, parameter texts, body tokens) if ``tokens`` define a function, f(x) = e^x or
    \\sigma(a, b) = a b (a one-token name, distinct one-token parameters); None otherwise."""
    tokens = trim_punctuation(tokens)
    if len(tokens) < 5 or not (tokens[0].kind == "ch" and tokens[0].text.isalpha() or tokens[0].is_cs(*GREEK)):
        return None
    if not tokens[1].is_ch("("):
        return None
    close = next((m for m in range(2, len(tokens)) if tokens[m].is_ch(")")), None)
    if close is None or close + 1 >= len(tokens) or not tokens[close + 1].is_ch("="):
        return None
    params = split_commas(tokens[2:close])
    names = [
        p[0].text for p in params if len(p) == 1 and (p[0].kind == "ch" and p[0].text.isalpha() or p[0].is_cs(*GREEK))
    ]
    body = tokens[close + 2 :]
    if len(names) != len(params) or len(set(names)) != len(names) or not body:
        return None
    if any(relation_at(body, m) for m in range(len(body))):
        return None
    return tokens[0], names, body


def put_function(tokens, name, params, body):
    """``tokens`` with every use of the function ``name`` replaced by its definition: f(a) by (body at a),
    a bare f (df/dx) by (body); Unsupported for uses the definition does not give (f', f^{-1}, f_i)."""
    out = []
    k = 0
    while k < len(tokens):
        x = tokens[k]
        if x.kind == "group":
            words = k and tokens[k - 1].kind == "cs" and tokens[k - 1].text in FONT
            out.append(x if words else Tok("group", "", x.pos, put_function(x.items, name, params, body)))
            k += 1
            continue
        if x.kind != name.kind or x.text != name.text or not _stands_alone(tokens, k):
            out.append(x)
            k += 1
            continue
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        primes = 0
        while k + 1 + primes < len(tokens) and tokens[k + 1 + primes].is_ch("'"):
            primes += 1
        if primes and len(params) == 1 and k + 1 + primes < len(tokens) and tokens[k + 1 + primes].is_ch("("):
            k = _put_derivative(tokens, k, primes, params[0], body, out)  # f'(a): the derivative of f's body at a
            continue
        if after is not None and (after.is_ch("'", "^", "_") or after.is_cs("prime")):
            raise Unsupported(
                f"an implication from a definition of {detex([name]).strip()}, used here as {detex(tokens[k : k + 2]).strip()}"
            )
        if after is not None and after.is_ch("("):
            close = next(
                (
                    m
                    for m in range(k + 1, len(tokens))
                    if tokens[m].is_ch(")") and depth_at(tokens[k + 1 : m + 1], m - k) == 0
                ),
                None,
            )
            args = split_commas(tokens[k + 2 : close]) if close is not None else []
            if close is None or len(args) != len(params) or any(not a for a in args):
                raise Unsupported(
                    f"an implication from a definition of {detex([name]).strip()} with {len(params)} argument(s), used otherwise"
                )
            values = dict(zip(params, args))
            k = close + 1
        else:
            values = {}
            k += 1
        out.append(Tok("ch", "(", x.pos))
        out.extend(_with_values(body, values))
        out.append(Tok("ch", ")", x.pos))
    return out


def _put_derivative(tokens, k, primes, param, body, out):
    """Writes f'(a) (``primes`` primes) for f(param) = body as \\left. \\frac{d}{d param} (body) \\right|_{param = a};
    returns the position after the closing bracket."""
    opening = k + 1 + primes
    close = next(
        (
            m
            for m in range(opening, len(tokens))
            if tokens[m].is_ch(")") and depth_at(tokens[opening : m + 1], m + 1 - opening) == 0
        ),
        None,
    )
    if close is None:
        raise NotationError("'(' is never closed", tokens[opening].pos)
    pos = tokens[k].pos
    variable = Tok("cs", param, pos) if param in GREEK else Tok("ch", param, pos)
    order = [Tok("ch", "^", pos), Tok("ch", str(primes), pos)] if primes > 1 else []
    out.extend(
        [
            Tok("cs", "evalopen", pos),
            Tok("cs", "frac", pos),
            Tok("group", "", pos, [Tok("ch", "d", pos), *order]),
            Tok("group", "", pos, [Tok("ch", "d", pos), variable, *order]),
            Tok("ch", "(", pos),
            *body,
            Tok("ch", ")", pos),
            Tok("cs", "evalclose", pos),
            Tok("ch", "_", pos),
            Tok(
                "group",
                "",
                pos,
                [variable, Tok("ch", "=", pos), Tok("ch", "(", pos), *tokens[opening + 1 : close], Tok("ch", ")", pos)],
            ),
        ]
    )
    return close + 1


def _stands_alone(tokens, k) -> bool:
    """Whether the one-token name at tokens[k] is a name of its own: juxtaposed letters are factors (df, xy),
    but not the letters of a word the reader knows (softmax, exp)."""
    if tokens[k].kind == "cs":
        return True
    start = k
    while start > 0 and tokens[start - 1].kind == "ch" and tokens[start - 1].text.isalpha():
        start -= 1
    end = k
    while end < len(tokens) and tokens[end].kind == "ch" and tokens[end].text.isalpha():
        end += 1
    run = "".join(x.text for x in tokens[start:end])
    return not any(len(word) > 1 and word in run for word in WORD_FUNCTIONS | set(ELEMENTARY))


def _with_values(tokens, values):
    """``tokens`` with each parameter (a one-token name) replaced by its bracketed argument."""
    out = []
    for m, x in enumerate(tokens):
        if x.kind == "group":
            words = m and tokens[m - 1].kind == "cs" and tokens[m - 1].text in FONT
            out.append(x if words else Tok("group", "", x.pos, _with_values(x.items, values)))
        elif x.text in values and (x.is_cs(*GREEK) or x.kind == "ch" and _stands_alone(tokens, m)):
            out.extend([Tok("ch", "(", x.pos), *values[x.text], Tok("ch", ")", x.pos)])
        else:
            out.append(x)
    return out


def read_hypothesis(rewriter, tokens, comparisons, definitions):
    """Adds the hypothesis of an implication: a comparison (y > x) or the definition of a name (x = 2)."""
    tokens = trim_punctuation(tokens)
    if not tokens:
        return  # \implies B on a row of its own: B is claimed as it stands
    if not any(relation_at(tokens, m) for m in range(len(tokens))):
        raise Unsupported("an implication whose hypothesis is not a relation is not decided")
    comparison = rewriter._comparison(tokens)
    at = next(m for m in range(len(tokens)) if relation_at(tokens, m))
    key = name_key(rewriter, tokens[:at]) if comparison.relations == ["="] else None
    if key is not None:
        definitions[key] = comparison.sides[1]
    elif all(r in ("<", "<=", ">", ">=") for r in comparison.relations):
        comparisons.append(comparison)
    else:
        raise Unsupported(
            f"an implication from '{detex(tokens).strip()}' is not decided: only a comparison (y > x) "
            "or the definition of a name (x = 2) is read as a hypothesis"
        )


def name_key(rewriter, tokens):
    """The vocabulary key of ``tokens`` if they are one name (\\hat{y} -> hat_y, \\beta_1 -> beta_1), else None."""
    named = rewriter._atom_name(tokens, 0) if tokens else None
    if not named:
        return None
    before = set(rewriter.table)
    end = rewriter._atom(tokens, 0, named, [])
    made = [rewriter.table[k] for k in rewriter.table if k not in before]
    atom = made[-1] if made else None  # the name itself is made after its arguments
    if end != len(tokens) or not isinstance(atom, Atom) or atom.args is not None:
        return None
    keys = atom.full_keys()
    return keys[0] if keys else atom.key
