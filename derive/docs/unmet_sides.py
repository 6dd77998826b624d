r"""Sides that never meet: an equation one side of which is a number the other side is shown, symbolically, to stay
above or below at every real value of its names (``-\log \sigma(r_w - r_l) = 0``: the left side is positive), so
that no value of them solves it."""

from __future__ import annotations

import sympy as sp

from derive.docs.values import scalarise

NEVER_MET = "stays above"  # said of the side above the other
LARGEST = 80  # the operations past which SymPy is not asked for a sign (its assumptions grow slow)
OPERATORS = (sp.Indexed, sp.Sum, sp.Product, sp.Integral, sp.Derivative, sp.Limit)


def side_above(values, positive=frozenset()) -> int | None:
    """The side (0 or 1) that is above the other at every real value of the names (a positive one for the symbols in
    ``positive``), for two sides one of which is a number and the other an expression of plain names alone (no
    vector's entry, no sum, no integral); else None."""
    if len(values) != 2:
        return None
    try:
        left, right = (sp.sympify(scalarise(value)) for value in values)
    except (sp.SympifyError, TypeError, AttributeError):
        return None
    if not all(isinstance(side, sp.Expr) for side in (left, right)):
        return None
    if bool(left.free_symbols) == bool(right.free_symbols) or any(side.has(*OPERATORS) for side in (left, right)):
        return None
    difference = left - right
    if sp.count_ops(difference) > LARGEST:
        return None
    real = {
        symbol: sp.Dummy(symbol.name, positive=True) if symbol in positive else sp.Dummy(symbol.name, real=True)
        for symbol in difference.free_symbols
    }
    difference = difference.xreplace(real)
    for form in (difference, sp.expand_log(difference), difference.rewrite(sp.exp)):
        if form.is_positive:
            return 0
        if form.is_negative:
            return 1
    return None
