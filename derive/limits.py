"""Limits of exponentials, powers and logarithms of one variable by their dominant terms, exactly, or None.

A limit at a sample point holds only numbers besides its variable. Write the variable
so that a new variable h tends to +∞ (x = 1/h as x → 0⁺, x = ±h as x → ±∞); each
subexpression is then described by its leading term a·h^p·e^{c h}·(log h)^m, meaning
the subexpression is that term times (1 + o(1)), with p an exact rational, c an exact real number
(a rational, or r·log b from a power b^{r h}), a a real number SymPy knows is not 0 (a rational,
log 2, e^{1/3}) and m an integer:

* a product multiplies leading terms, an integer power raises them;
* a sum keeps the terms of the largest (c, p, m) (e^{ch} outgrows any power of h, a
  power any power of log h) and adds their coefficients; if those cancel, the leading
  term is unknown and the answer is None;
* e^{f} is 1 + o(1) where f → 0, and e^{d}·e^{c h} where f is exactly c·h + d; a power b^{f} of a
  positive constant b is e^{f log b} (0.96^{ψ t} decays at the rate ψ log 0.96);
* max(f, g) is f where the leading coefficient of f - g is positive, else g (min likewise);
* log f is c h, p log h or log a, whichever leads (where a is known to be positive;
  not where a = 1, since log(1 + o(1)) is decided by the o(1)).

The limit is 0 when the leading term tends to 0, ``a`` when it is the constant a, ±∞
(the sign of a) when it grows without bound, and None otherwise (an irrational value, or
anything outside these rules), when SymPy's ``limit`` takes over. Only rational values and
±∞ are returned: they are exactly what SymPy's limit gives, so the values evaluated from
them are the same to the last digit.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cmp_to_key
from typing import NamedTuple

import sympy as sp


class _Unknown(Exception):
    """Outside the rules: the limit goes to SymPy."""


class Leading(NamedTuple):
    """a·h^p·e^{c h}·(log h)^m, the leading term of a subexpression as h → +∞."""

    a: sp.Rational
    p: sp.Rational
    c: sp.Rational
    m: int

    def key(self) -> tuple:
        """(c, p, m), the order of growth: compared by :func:`_compare_keys`."""
        return (self.c, Fraction(int(self.p.p), int(self.p.q)), self.m)

    def vanishes(self) -> bool:
        return _compare_keys(self.key(), (sp.Integer(0), 0, 0)) < 0

    def times(self, other: Leading) -> Leading:
        return Leading(self.a * other.a, self.p + other.p, self.c + other.c, self.m + other.m)


_ONE = Leading(sp.Integer(1), sp.Integer(0), sp.Integer(0), 0)


def _compare_rates(x, y) -> int:
    """The sign of x - y for two exact real rates, decided to 40 digits; outside the rules when they agree that far
    without being equal (log 4 - 2 log 2)."""
    difference = x - y
    if difference == 0:
        return 0
    value = difference.evalf(40)
    if not value.is_Number or abs(value) < sp.Float(10) ** -30:
        raise _Unknown(f"rates {x} and {y} not told apart")
    return 1 if value > 0 else -1


def _compare_keys(x: tuple, y: tuple) -> int:
    return _compare_rates(x[0], y[0]) or (x[1:] > y[1:]) - (x[1:] < y[1:])


def _coefficient(value):
    """A real number SymPy knows is not 0 (a rational, log 2, e^{1/3}), else outside the rules."""
    if not (isinstance(value, sp.Basic) and value.is_number and value.is_real is True and value.is_zero is False):
        raise _Unknown(value)
    return value


def _leading(expr, h) -> Leading:
    if expr == h:
        return Leading(sp.Integer(1), sp.Integer(1), sp.Integer(0), 0)
    if h not in expr.free_symbols:
        return Leading(_coefficient(expr), sp.Integer(0), sp.Integer(0), 0)
    if expr.is_Mul:
        result = _ONE
        for factor in expr.args:
            result = result.times(_leading(factor, h))
        return result
    if expr.is_Add:
        terms = [_leading(term, h) for term in expr.args]
        top = max((term.key() for term in terms), key=cmp_to_key(_compare_keys))
        leaders = [term for term in terms if _compare_keys(term.key(), top) == 0]
        total = sp.Add(*(term.a for term in leaders))
        if total == 0:
            raise _Unknown("the leading terms cancel")
        return leaders[0]._replace(a=_coefficient(total))
    if expr.is_Pow:
        base, exponent = expr.args
        if h not in base.free_symbols and base.is_positive is True:
            return _exponential(exponent * sp.log(base), h)  # b^{f} = e^{f log b}
        if not exponent.is_Integer:
            raise _Unknown(expr)
        inner, k = _leading(base, h), int(exponent)
        return Leading(_coefficient(inner.a**k), inner.p * k, inner.c * k, inner.m * k)
    if isinstance(expr, (sp.Max, sp.Min)):
        return _leading(_eventual(expr, h), h)
    if isinstance(expr, sp.exp):
        return _exponential(expr.args[0], h)
    if isinstance(expr, sp.log):
        return _logarithm(expr.args[0], h)
    raise _Unknown(expr)


def _eventual(extremum, h):
    """The argument of max(f, g, ...) (or min) that is the largest (smallest) once h is large: f beats g where the
    leading coefficient of f - g has the sign that says so."""
    larger = isinstance(extremum, sp.Max)
    best = extremum.args[0]
    for other in extremum.args[1:]:
        difference = sp.expand(other - best)
        if difference == 0:
            continue
        sign = _leading(difference, h).a
        if sign.is_positive is None:
            raise _Unknown(f"the sign of {difference} as h grows")
        if bool(sign.is_positive) == larger:
            best = other
    return best


def _exponential(argument, h) -> Leading:
    if _leading(argument, h).vanishes():
        return _ONE  # e^{o(1)} = 1 + o(1)
    expanded = sp.expand(argument)
    rate = expanded.coeff(h, 1)
    constant = sp.expand(expanded - rate * h)
    if h in rate.free_symbols or h in constant.free_symbols or constant.is_real is not True:
        raise _Unknown(argument)
    return Leading(_coefficient(sp.exp(constant)), sp.Integer(0), _rate(rate), 0)


def _rate(value):
    """An exact real rate of growth (a rational, ψ log 0.96), else outside the rules."""
    if value.is_Rational:
        return value
    if not (value.is_number and value.is_real is True and value.is_finite is True):
        raise _Unknown(value)
    return value


def _logarithm(argument, h) -> Leading:
    inner = _leading(argument, h)
    if inner.a.is_positive is not True:
        raise _Unknown("the logarithm of a number not known to be positive")
    if inner.c != 0:
        return Leading(_coefficient(inner.c), sp.Integer(1), sp.Integer(0), 0)
    if inner.p != 0:
        return Leading(inner.p, sp.Integer(0), sp.Integer(0), 1)
    if inner.m != 0:
        raise _Unknown("log log h")
    return Leading(_coefficient(sp.log(inner.a)), sp.Integer(0), sp.Integer(0), 0)  # log a + o(1), a ≠ 1


def dominant_limit(limit: sp.Limit):
    """The value of ``limit`` (a SymPy ``Limit`` of numbers and its variable) as an exact rational or ±∞, or None."""
    body, variable, point, direction = limit.args
    h = sp.Dummy("h", positive=True)
    if point == 0 and str(direction) == "+":
        body = body.xreplace({variable: 1 / h})
    elif point == sp.oo:
        body = body.xreplace({variable: h})
    elif point == -sp.oo:
        body = body.xreplace({variable: -h})
    else:
        return None
    if body.free_symbols - {h}:
        return None
    if body == 0:
        return sp.Integer(0)
    try:
        leading = _leading(body, h)
    except _Unknown:
        return None
    if leading.vanishes():
        return sp.Integer(0)
    if leading.c == 0 and leading.p == 0 and leading.m == 0 and leading.a.is_Rational:
        return leading.a
    return _infinity(leading)


def _infinity(leading: Leading):
    """±∞ where the leading term grows without bound (its sign the coefficient's), else None."""
    try:
        grows = _compare_keys(leading.key(), (sp.Integer(0), 0, 0)) > 0
    except _Unknown:
        return None
    if not grows or leading.a.is_positive is None:
        return None
    return sp.oo if leading.a.is_positive else -sp.oo
