"""Printed intermediate results: a figure of three or more significant digits inside an arithmetic side is a rounding.

A worked example carries its printed values forward (σ(2) = 1/(1 + e^{-2}) = 1/(1 + 0.1353), -log(0.659) =
-(-0.417)): each such figure is the exact value rounded to its last written place (derive.docs.rounding), so the
side stands for every value it takes as its figures range over half a unit either way. An equation between two
arithmetic sides holds when the earlier side's value is in that range. The side's values over the box of its
figures form an interval (a continuous function on a connected set), which contains every value between two
corners of the box: a value within the corners' hull is taken for some roundings. Shorter figures (0.1, 2.0, 0.45)
are taken as written, since inputs are written so: 0.1 + 0.2 = 0.35 still fails.
"""

from __future__ import annotations

import itertools

import mpmath
import sympy as sp

from derive.docs.interpret import Number, TupleNode
from derive.docs.parse import ParseError, parse_latex
from derive.docs.point_values import _evaluate

ROUNDED_DIGITS = 3  # the fewest significant digits of a figure inside an expression read as a printed rounding
MOST_FIGURES = 6  # corners of the box: 2^6 readings of a side at most


def _figures(side) -> dict:
    """The placeholders of the side's decimal figures of ROUNDED_DIGITS significant digits or more -> (value, half unit)."""
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return {}
    out = {}
    for symbol in expr.free_symbols:
        node = side.node(symbol)
        if not isinstance(node, Number) or "." not in node.text or "e" in node.text:
            continue
        places = len(node.text.split(".")[1])
        if len(node.text.replace(".", "").lstrip("0")) >= ROUNDED_DIGITS:
            out[symbol] = (sp.Rational(node.text), sp.Rational(1, 2 * 10**places))
    return out


def _corner_hull(side, reader, point):
    """(lowest, highest) value of the side at the corners of its figures' box, or None when it has no such figure."""
    figures = _figures(side)
    if not figures or len(figures) > MOST_FIGURES:
        return None
    expr = parse_latex(side.text)
    values = []
    for signs in itertools.product((-1, 1), repeat=len(figures)):
        corner = {s: value + sign * half for (s, (value, half)), sign in zip(figures.items(), signs)}
        number = _evaluate(reader.value(expr.xreplace(corner), side), point)
        if not isinstance(number, mpmath.mpf):
            return None
        values.append(number)
    return min(values), max(values)


def rounded_figures_meet(reading, link) -> bool:
    """Whether an equation between two arithmetic sides holds for some roundings of the figures its later side prints.

    A chain computes each side from the one before it, so the earlier side's figures are its inputs, taken as
    written, and only the later side's figures stand for roundings (-\\log(0.659) = -(-0.418) fails).
    """
    if link.relation != "=" or not all(isinstance(n, mpmath.mpf) for n in link.numbers):
        return False
    if not all(isinstance(v, sp.Expr) and not v.free_symbols for v in link.values):
        return False
    hull = _corner_hull(reading.sides[link.number + 1], link.reader, link.point)
    if hull is None:
        return False
    slack = mpmath.mpf(10) ** (5 - mpmath.mp.dps)
    return hull[0] - slack <= link.numbers[0] <= hull[1] + slack


def printed_entry_digits(side) -> int | None:
    """The fewest significant digits of a figure of ROUNDED_DIGITS or more that the side prints among the entries of a
    vector or matrix written out inside it (a printed inverse times a vector, [[15.56, 4.44], [14.79, 5.21]] [1, 0]),
    or None when it prints none: such figures are roundings, which the corner reading above does not reach."""
    digits, seen, sides = [], set(), [side]
    while sides:  # the entries' sides may share their tables with the side they are in
        for node in sides.pop().table.values():
            if not isinstance(node, TupleNode) or id(node) in seen:
                continue
            seen.add(id(node))
            for item in node.items:
                digits.extend(_significant_digits(figure) for figure in _figure_texts(item))
                sides.append(item)
    return min(digits) if digits else None


def _figure_texts(side) -> list[str]:
    texts = [node.text for node in side.table.values() if isinstance(node, Number)]
    return [t for t in texts if "." in t and "e" not in t and _significant_digits(t) >= ROUNDED_DIGITS]


def _significant_digits(text: str) -> int:
    return len(text.replace(".", "").replace("-", "").lstrip("0"))
