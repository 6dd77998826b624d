r"""A law written with its outcome left open, ``\pi_\theta(\cdot \mid x)``: the outcome given the letter the formula
means.

After ``\sim`` the open outcome is the variable drawn: ``y \sim \pi_\theta(\cdot \mid x)`` draws y from
``\pi_\theta(y \mid x)``. Elsewhere, in a divergence ``D_{KL}(\pi_\theta(\cdot \mid x) \| \pi_{ref}(\cdot \mid x))``
or an entropy, every open outcome of the formula is one outcome: the letter the formula's laws are applied to first
(y of ``\sum_y \pi_\theta(y \mid x) \dots``) when there is one such letter, else a letter the formula does not use.
"""

from __future__ import annotations

from derive.docs.sequence_laws import argument_positions, law_applications
from derive.docs.tokens import NotationError, Tok, latex_of, lex

FRESH = "yzwuv"


def name_open_outcomes(text: str) -> str:
    r"""The formula with each ``\cdot`` written as a law's whole argument replaced by the outcome it stands for (the
    text itself when it writes none)."""
    if "cdot" not in text:
        return text
    try:
        tokens = lex(text)
    except NotationError:
        return text
    open_at = _open_arguments(tokens)
    if not open_at:
        return text
    used = {t.text for t in _flat(tokens) if t.kind == "ch"}
    outcomes = _first_outcomes(tokens)
    fresh = next(iter(outcomes)) if len(outcomes) == 1 else next((c for c in FRESH if c not in used), None)
    for where, position in open_at:
        drawn = _drawn_before(where, position)
        letter = drawn or fresh
        if letter is None:
            return text
        where[position] = Tok("ch", letter, where[position].pos)
    return latex_of(tokens)


def _open_arguments(tokens):
    """(token list, position) of each ``\\cdot`` that is a whole argument of a law."""
    found = []
    for where, _, start, end in law_applications(tokens):
        items = [item for _, item in argument_positions(where, start, end)]
        found.extend((where, item[0]) for item in items if len(item) == 1 and where[item[0]].is_cs("cdot"))
    return found


def _first_outcomes(tokens) -> set:
    """The letters laws are applied to first, before any bar (y of \\pi_\\theta(y \\mid x)): the outcome an open
    argument of the same formula stands for, when there is one."""
    letters = set()
    for where, _, start, end in law_applications(tokens):
        first = [t for t in where[start:end] if not t.is_ch(" ")][:2]
        if (
            first
            and first[0].kind == "ch"
            and first[0].text.isalpha()
            and (len(first) == 1 or first[1].is_ch(",", "|") or first[1].is_cs("mid", "vert"))
        ):
            letters.add(first[0].text)
    return letters


def _drawn_before(where, position):
    """The letter drawn from the law at ``where[position]``: y of ``y \\sim \\pi(\\cdot \\mid x)``; None when no
    ``\\sim`` comes right before the law."""
    law = next(
        (head for w, head, start, end in law_applications(where) if w is where and start <= position < end), None
    )
    if law is None:
        return None
    k = law - 1
    while k >= 0 and where[k].is_ch(" "):
        k -= 1
    if k < 0 or not where[k].is_cs("sim"):
        return None
    k -= 1
    while k >= 0 and where[k].is_ch(" "):
        k -= 1
    return where[k].text if k >= 0 and where[k].kind == "ch" and where[k].text.isalpha() else None


def _flat(tokens):
    for t in tokens:
        if t.kind == "group":
            yield from _flat(t.items)
        else:
            yield t
