"""Worked examples: the digits a number is written to set the tolerance of the link it is in."""

from __future__ import annotations

import re

import mpmath
import sympy as sp

from derive.docs.interpret import Atom, Number, TupleNode
from derive.docs.parse import ParseError, parse_latex
from derive.docs.point_values import _describe_values, _flat
from derive.docs.rounding import PlacesBeforePower, approximate_places, is_rounding_of, is_truncation_of
from derive.docs.verdict import DIGITS


def _literal_tolerances(side):
    """Per-component tolerance from the digits written, if the side is a number or a tuple of numbers."""
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return None

    def number_of(e):
        if isinstance(e, sp.Mul) and len(e.args) == 2 and e.args[0] == -1:
            e = e.args[1]
        if isinstance(e, sp.Symbol):
            node = side.node(e)
            if isinstance(node, Number):
                mantissa, _, exponent = node.text.partition("e")  # 138e6 from 138 \times 10^{6}: written to 10^6
                decimals = (len(mantissa.split(".")[1]) if "." in mantissa else 0) - int(exponent or 0)
                return node, PlacesBeforePower(decimals) if "." in mantissa and exponent else decimals
        return None

    found = number_of(expr)
    if found:
        return [found[1]]
    if isinstance(expr, sp.Symbol):
        node = side.node(expr)
        if isinstance(node, TupleNode):
            out = []
            for item in node.items:
                try:
                    sub = parse_latex(item.text)
                except ParseError:
                    return None
                got = number_of(sub)
                if not got:
                    return None
                out.append(got[1])
            return out
    return None


def written_coefficient(first, later):
    """(the exact coefficient, the figure, its decimals) when the later side is a product with one figure written with
    decimals and the first side, as written, is that product times a constant: ``\\sqrt{128} BD`` beside ``11.3 BD``,
    whose exact coefficient is √128; None for sides in any other relation (n! beside 2.507 \\sqrt{n} (n/e)^n)."""
    try:
        exprs = [parse_latex(side.text) for side in (first, later)]
    except ParseError:
        return None
    figures = [s for s in exprs[1].free_symbols if isinstance(later.node(s), Number)]
    if len(figures) != 1 or len(exprs[1].free_symbols) < 2:
        return None
    figure, _, exponent = later.node(figures[0]).text.partition("e")  # 1.3e8: the figure 1.3 times 10^8
    if "." not in figure or sp.diff(exprs[1], figures[0], 2) != 0 or exprs[1].subs(figures[0], 0) != 0:
        return None  # the figure a factor of the whole later side
    names: dict = {}

    def written(side, expr):
        values = {}
        for symbol in expr.free_symbols:
            node = side.node(symbol)
            if isinstance(node, Number):
                mantissa, _, power = node.text.partition("e")
                values[symbol] = sp.Rational(mantissa) * sp.Integer(10) ** int(power or 0)
            elif isinstance(node, Atom) and node.args is None:
                values[symbol] = names.setdefault(repr(node), sp.Dummy())  # the same name on both sides
            else:
                values[symbol] = sp.Dummy()  # anything else: a quantity of its own
        return expr.subs(values, simultaneous=True)

    scale = sp.Integer(10) ** int(exponent or 0)
    ratio = sp.simplify(written(first, exprs[0]) / written(later, exprs[1].subs(figures[0], scale)))
    if ratio.free_symbols or not ratio.is_positive:
        return None
    return mpmath.mpf(sp.N(ratio, DIGITS)), mpmath.mpf(figure), len(figure.split(".")[1])


def _approx(a, b, decimals, approximate=False) -> tuple[bool, str]:
    """Whether each exact value of ``a`` is its written figure in ``b`` rounded; after ≈ (``approximate``) a whole
    number's trailing zeros are not significant and a long figure may be truncated (derive.docs.rounding)."""
    left = _flat(a)
    right = _flat(b)
    if len(left) != len(right):
        return False, f"{len(left)} values against {len(right)} written"
    with mpmath.workdps(DIGITS):
        for position, (u, v) in enumerate(zip(left, right)):
            places = decimals[position] if position < len(decimals) else decimals[-1]
            if approximate:
                places = approximate_places(v, places)
            elif _exact_component(decimals, places, v):
                if not is_rounding_of(u, v, DIGITS - 10):
                    exact, figure = _describe_values(u, v, 10)
                    return False, f"component {position + 1}: {exact} is not {figure}"
                continue
            if not is_rounding_of(u, v, places) and not (approximate and is_truncation_of(u, v, places)):
                written = f"{places} decimals" if places >= 0 else f"its last written digit (10^{-places})"
                exact, figure = _describe_values(u, v, 10)
                return False, f"component {position + 1}: {exact} is not {figure} rounded to {written}"
    return True, ""


def _exact_component(decimals, places, figure) -> bool:
    """A whole number of one or two digits written beside decimals in a vector or matrix, [[2.5, 1], [1, 3.5]], claims
    its value exactly, as = 1 alone does: it is no figure rounded to no decimals (a longer one may be, as 2602 beside a
    computation with decimals is)."""
    return len(decimals) > 1 and type(places) is int and places == 0 and abs(figure) < 100


def _written_digits(link, tolerances):
    return tolerances[link.number + 1] or tolerances[link.number]


class RoundedWhole(list):
    """The digits of a whole number set equal to a computation with written decimals: it is that value rounded."""


def _rounded_wholes(sides, tolerances) -> list:
    """``2600 + 16 (1 - 0.849) = 2602``: a whole number of three digits or more beside a computation whose inputs
    are written decimals (themselves rounded figures) is read as that computation rounded to a whole number."""
    marked = list(tolerances)
    for number, digits in enumerate(tolerances):
        if digits != [0] or len(re.sub(r"\D", "", sides[number].source)) < 3:  # Σ 0.9^t = 3: exact, not 2.71 rounded
            continue
        neighbours = [sides[k] for k in (number - 1, number + 1) if 0 <= k < len(sides) and tolerances[k] is None]
        if any(_uses_written_decimals(side) for side in neighbours):
            marked[number] = RoundedWhole(digits)
    return marked


def _uses_written_decimals(side) -> bool:
    return re.search(r"\d\s*\.\s*\d", side.source) is not None


def _is_approximation(link, tolerances) -> bool:
    """Whether the link compares a value with written digits: ≈, or = against a figure written with decimals (0.333,
    or a mantissa with decimals before a power of ten, 16.6 × 10^9 or 16.6e9) or a whole number rounded."""
    literal = _written_digits(link, tolerances)
    return link.relation == "~" or (
        link.relation == "="
        and bool(literal)
        and (
            max(literal) > 0
            or any(isinstance(places, PlacesBeforePower) for places in literal)
            or isinstance(literal, RoundedWhole)
        )
    )
