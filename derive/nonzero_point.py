"""Whether an expression's value at a point its symbols' assumptions allow shows that it is not 0.

A sound rewrite (``simplify``, ``cancel``, …) keeps an expression's value wherever that value is defined, so an
expression that has a finite nonzero value at one such point cannot be rewritten to 0. Trying a few points first
spares the symbolic attempts that cannot succeed: log(ab) − log a − log b is not 0 at a = −11/7, b = −5/7.
A value near 0, or one that cannot be computed, shows nothing; the symbolic attempts then run as before.
"""

from __future__ import annotations

import mpmath
import sympy as sp

from derive.mpmath_functions import MPMATH_FUNCTIONS

# the value at 30 digits and at 50 digits agree to this, relative to the latter: computed, not rounding noise
_AGREEMENT = mpmath.mpf("1e-15")
_PRECISIONS = (30, 50)
_NEGLIGIBLE = mpmath.mpf("1e-25")  # a value this small is taken for 0 without more digits: nothing is shown
# the size of each symbol's value, in turn: unlike fractions, so that no two symbols get the same value
_SIZES = tuple(sp.Rational(p, 7) for p in (11, 5, 13, 4, 17, 9, 19, 6, 23, 10, 25, 12))
# which symbols that may be negative are, at each point in turn (the k-th symbol where the function of k is true):
# log(ab) = log a + log b fails where both a and b are negative, log(a/b) = log a − log b where one is
_SIGNS = (lambda k: True, lambda k: k % 2 == 0, lambda k: k % 2 == 1)
# the direction of a complex symbol's value, in turn: unit numbers off the axes whose angles add to no multiple of π/2
_DIRECTIONS = tuple(
    sp.Rational(a, c) + sp.Rational(b, c) * sp.I for a, b, c in ((-3, 4, 5), (5, 12, 13), (-8, 15, 17), (7, 24, 25))
)


class _NoValue(Exception):
    """A node without a value here: the expression is not shown nonzero."""


def shown_nonzero(expr) -> bool:
    """Whether ``expr`` has a finite nonzero value at one of a few points allowed by its symbols' assumptions."""
    if not isinstance(expr, sp.Expr):
        return False
    symbols = sorted(expr.free_symbols, key=str)
    tried = []
    for signs in _SIGNS:
        point = {symbol: _allowed_value(symbol, k, signs) for k, symbol in enumerate(symbols)}
        if None in point.values():
            return False
        if point in tried:
            continue
        tried.append(point)
        try:
            if _nonzero_at(expr, point):
                return True
        except _NoValue:
            return False
    return False


def _nonzero_at(expr, point) -> bool:
    """Whether ``expr`` at ``point`` is a finite number that is not 0, the same at 30 digits and at 50."""
    values = []
    for digits in _PRECISIONS:
        with mpmath.workdps(digits):
            try:
                value = _value(expr, {symbol: _mp(number) for symbol, number in point.items()})
            except _NoValue:
                raise
            except Exception:  # a pole, a domain error, no convergence: this point shows nothing
                return False
            if not mpmath.isfinite(value) or abs(value) < _NEGLIGIBLE:  # 0 here, or too near it to tell
                return False
            values.append(value)
    coarse, fine = values
    with mpmath.workdps(_PRECISIONS[-1]):
        return abs(coarse - fine) <= _AGREEMENT * abs(fine)


def _value(expr, point):
    """``expr`` at ``point`` (symbol ↦ mpmath number) in mpmath at the working precision."""
    if isinstance(expr, sp.Symbol):
        return point[expr]
    if expr.is_Rational:
        return mpmath.mpf(int(expr.p)) / int(expr.q)
    if expr is sp.I:
        return mpmath.mpc(0, 1)
    if expr.is_NumberSymbol:
        return mpmath.mpf(expr._as_mpf_val(mpmath.mp.prec))
    if expr.is_Add:
        return mpmath.fsum(_value(term, point) for term in expr.args)
    if expr.is_Mul:
        return mpmath.fprod(_value(factor, point) for factor in expr.args)
    if expr.is_Pow:
        base = _value(expr.base, point)
        if expr.exp.is_Integer:
            return base ** int(expr.exp)
        return mpmath.power(base, _value(expr.exp, point))
    function = MPMATH_FUNCTIONS.get(expr.func)
    if function is None or len(expr.args) != 1:
        raise _NoValue(type(expr).__name__)
    return function(_value(expr.args[0], point))


def _mp(number):
    """An exact SymPy number (rational, or complex with rational parts) in mpmath at the working precision."""
    real, imaginary = number.as_real_imag()
    real = mpmath.mpf(int(real.p)) / int(real.q)
    return real if imaginary == 0 else mpmath.mpc(real, mpmath.mpf(int(imaginary.p)) / int(imaginary.q))


def _allowed_value(symbol, k, negative):
    """An exact number with every assumption ``symbol`` has, negative if it may be and ``negative(k)`` (None
    if that number lacks one of them)."""
    if isinstance(symbol, sp.Wild) or not symbol.is_commutative:
        return None
    size, flip = _SIZES[k % len(_SIZES)], negative(k) and not symbol.is_nonnegative
    if symbol.is_integer:
        value = -sp.Integer(k + 3) if symbol.is_negative or flip else sp.Integer(k + 3)
    elif symbol.is_real:
        value = -size if symbol.is_negative or flip else size
    elif symbol.is_complex is False or symbol.is_infinite:
        return None
    else:
        value = size * _DIRECTIONS[(k + negative(k)) % len(_DIRECTIONS)]
    for fact, holds in symbol.assumptions0.items():
        if getattr(value, f"is_{fact}", None) != holds:
            return None
    return value
