"""How far a gradient reaches: ``\\nabla_\\theta f(x) g(x)`` (or ``\\frac{\\partial}{\\partial \\theta} f(x) g(x)``,
``\\partial_\\theta f(x) g(x)``) is read both as the gradient of the product and as
the gradient of f times g, and a verdict stands only when the two readings agree.

Authors write ``\\nabla_\\theta \\pi_\\theta(a|s) Q(s, a)`` for ``(\\nabla_\\theta \\pi_\\theta(a|s)) Q(s, a)``
as often as for the gradient of the product; the two coincide when the later factors do not depend on the
variable, and differ otherwise. Each reader of such an operator (:mod:`derive.docs.calculus`) asks
:func:`first_factor_end` where the factor after the operator ends; when more follows in the same term it
notes the formula as one with two readings, and reads the first factor alone while
:func:`gradient_of_first_factor` is in force.
"""

from __future__ import annotations

from contextvars import ContextVar

from derive.docs.context_values import set_within
from derive.docs.tokens import closes, is_transpose, opens

# None: read the gradient of the whole term; a list: read the first factor alone, and note each such gradient
_FIRST_FACTOR: ContextVar = ContextVar("gradient_of_first_factor", default=None)
# a list while a reading is being made: each gradient whose term has several factors notes itself there
_NOTED: ContextVar = ContextVar("gradients_of_several_factors", default=None)

FUNCTION_WORDS = ("log", "ln", "exp")


def first_factor_end(rw, tokens, k, end) -> int | None:
    """Where the first factor of the term tokens[k:end] ends when it is a function applied to its arguments
    (\\pi_\\theta(a|s), Q^\\pi(s, a)), or \\log, \\ln, \\exp of one, or a bracket, and more follows; None when
    the term is one factor or starts with anything else (a variable, a transpose, a fraction, a sum)."""
    m = _skip_blanks(tokens, k, end)
    if m < end and tokens[m].kind == "cs" and tokens[m].text in FUNCTION_WORDS:
        m = _skip_blanks(tokens, m + 1, end)
    found = _applied_end(rw, tokens, m, end) if m < end else None
    # \nabla_x (\log g(x)) h(x), \frac{d}{dx}[2] x^2: a bracket, round or square, then more
    if found is None and m < end and tokens[m].is_ch("(", "["):
        found = _powered(tokens, _bracket_end(tokens, m, end), end)
    if found is None or _skip_blanks(tokens, found, end) >= end:
        return None
    return found


def _applied_end(rw, tokens, m, end) -> int | None:
    """The end of a name with its scripts and its bracket of arguments at tokens[m]; None for anything else."""
    named = rw._atom_name(tokens, m)
    if named is None:
        return None
    m = named[1]
    while m + 1 < end and tokens[m].is_ch("_", "^"):
        if tokens[m].is_ch("^") and is_transpose(_items(tokens[m + 1])):
            return None
        m += 2
    if m >= end or not tokens[m].is_ch("("):
        return None
    return _powered(tokens, _bracket_end(tokens, m, end), end)


def _powered(tokens, m, end) -> int | None:
    """The end of the powers written after a bracket closing before tokens[m] (f(x)^2 g(x))."""
    while m is not None and m + 1 < end and tokens[m].is_ch("^"):
        m += 2
    return m


def _items(t) -> list:
    return t.items if t.kind == "group" else [t]


def _bracket_end(tokens, m, end):
    depth = 0
    for n in range(m, end):
        depth += 1 if opens(tokens[n]) else -1 if closes(tokens[n]) else 0
        if depth == 0:
            return n + 1
    return None


def _skip_blanks(tokens, m, end) -> int:
    while m < end and tokens[m].is_ch(" "):
        m += 1
    return m


def reads_first_factor() -> bool:
    """Whether the gradient of the first factor alone is the reading in force."""
    return _FIRST_FACTOR.get() is not None


def note(operator_tokens, factor_tokens, term_tokens) -> None:
    """Record a gradient whose term has several factors (for the reason given when the readings disagree)."""
    note_again([(written(operator_tokens), written(factor_tokens), written(term_tokens))])


def note_again(entries) -> None:
    """Record again the gradients a reading noted (see :func:`noted_apart`), where notes are being kept."""
    noted = _FIRST_FACTOR.get() if _FIRST_FACTOR.get() is not None else _NOTED.get()
    if noted is not None:
        noted.extend(entry for entry in dict.fromkeys(entries) if entry not in noted)


def noting():
    """Within: the gradients of several factors read are listed in the list yielded."""
    return set_within(_NOTED, [])


def noted_apart():
    """Within: the gradients of several factors read are listed in the list yielded, and nowhere else, under the
    reading in force (a formula's reading kept for later calls, which note them again by :func:`note_again`)."""
    return set_within(_FIRST_FACTOR, []) if reads_first_factor() else set_within(_NOTED, [])


def gradient_of_first_factor():
    """Within: \\nabla_x f g is read as (\\nabla_x f) g."""
    return set_within(_FIRST_FACTOR, [])


def written(tokens) -> str:
    """LaTeX for tokens, as the reason quotes them (\\pi_{\\theta}(a|s))."""
    out = ""
    for t in tokens:
        if t.kind == "group":
            piece = "{" + written(t.items) + "}"
        elif t.kind == "cs":
            piece = "\\" + t.text
        else:
            piece = t.text
        if out and out[-1].isalpha() and piece[:1].isalpha() and "\\" in out.rsplit(" ", 1)[-1]:
            out += " "
        out += piece
    return " ".join(out.split())
