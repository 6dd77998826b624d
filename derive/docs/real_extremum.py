"""The largest or smallest value of a function of one real variable over an interval, and where it is taken
(\\arg\\max_{D \\in (0, 1)} a \\log D + b \\log(1 - D)), found at each point from the zeros of its derivative.

Only a function whose derivative is a ratio of polynomials in the variable is read: every zero of the numerator
is then found, so no candidate is missed. A value that is approached at an open or infinite end and not taken,
a maximum taken at two points (for argmax), a pole inside the interval: no value, never a guess. A variable written
without an interval (\\arg\\max_p) runs over the one the tag's range gives it (0 \\le p \\le 1, p > 0), and over no
other: the real line may hold a larger value the page's range leaves out.
"""

from __future__ import annotations

import re

import mpmath
import sympy as sp

OPERATIONS = ("max", "min", "argmax", "argmin")
MOST_DEGREE = 12  # the zeros of a derivative's numerator of higher degree are not sought


class RealExtremumValue(sp.Function):
    """max, min, argmax or argmin of f over an interval, for args (Lambda(u, f), low, high, operation, ends, Lambda(u,
    (top, bottom))): ``operation`` the index of the operation in OPERATIONS, ``ends`` 1 if the interval holds its
    lower end plus 2 if it holds its upper end, top and bottom the square-free parts of the numerator and the
    denominator of f's derivative, found before any number is put in (a zero repeated there would split apart under
    rounding); worked out once f holds only numbers."""

    nargs = 6

    def _eval_evalf(self, prec):
        body, low, high, operation, ends, parts = self.args
        if body.expr.free_symbols - set(body.variables):
            return None
        digits = mpmath.libmp.prec_to_dps(prec)
        op = OPERATIONS[int(operation)]
        largest, one_place = op in ("max", "argmax"), op[:3] == "arg"
        top, bottom = (part.xreplace({parts.variables[0]: body.variables[0]}) for part in parts.expr)
        place, value = _extreme_point(body, low, high, largest, int(ends), digits + 20, one_place, (top, bottom))
        return sp.Float(place if op.startswith("arg") else value, digits)


def _extreme_point(body, low, high, largest, ends, digits, one_place, parts):
    """(place, value) of the largest (or smallest) value of ``body`` over the interval from ``low`` to ``high``,
    the derivative's zeros and poles those of ``parts``; with ``one_place``, a value taken at two points has no place
    to give."""
    from derive.numeric import NumericError

    u = body.variables[0]
    g = body.expr if largest else -body.expr
    slope = sp.together(sp.diff(g, u))
    top, bottom = parts
    if not (top.is_polynomial(u) and bottom.is_polynomial(u)):
        raise NumericError("a maximum over real values whose derivative is not a ratio of polynomials is not computed")
    low, high = (end if end.is_infinite else end.evalf(digits) for end in (low, high))
    if not all(end.is_infinite or end.is_Number for end in (low, high)) or not (high > low):
        raise NumericError("a maximum over an interval whose ends are not numbers in order")

    def inside(x):
        return (low.is_infinite or x > low) and (high.is_infinite or x < high)

    def at(x):
        number = g.xreplace({u: sp.Float(x, digits)}).evalf(digits)
        if not number.is_Number or not number.is_real:
            raise NumericError(f"the function maximised has no real value at {sp.Float(x, 6)}")
        return number

    if any(inside(x) for x in _real_zeros(bottom, u, digits)):
        raise NumericError("the function maximised has a pole inside the interval")
    zeros = sorted(x for x in _real_zeros(top, u, digits) if inside(x))
    candidates = [(x, at(x)) for x in zeros]
    for end, closed in ((low, ends & 1), (high, ends & 2)):
        if closed and not end.is_infinite:
            candidates.append((end, at(end)))
    # an open or infinite end beside which the function rises towards the end: its values there are not taken
    rising_to_low = _slope_sign(slope, u, _beside(low, zeros[0] if zeros else high, first=True)) < 0
    rising_to_high = _slope_sign(slope, u, _beside(high, zeros[-1] if zeros else low, first=False)) > 0
    if (rising_to_low and not ends & 1) or (rising_to_high and not ends & 2) or not candidates:
        raise NumericError("the maximum or minimum is approached at an end of the interval and not taken")
    candidates.sort(key=lambda pair: pair[1], reverse=True)
    place, best = candidates[0]
    tolerance = mpmath.mpf(10) ** (10 - digits) * max(1, abs(best))
    if one_place and any(abs(best - v) <= tolerance and abs(place - x) > tolerance for x, v in candidates[1:]):
        raise NumericError("the maximum or minimum is taken at more than one point")
    return place, best if largest else -best


def _real_zeros(polynomial, u, digits) -> list:
    """The real zeros of a polynomial in ``u`` with number coefficients (none for a nonzero constant), each found by
    exact isolation once the coefficients are written as the rationals their binary values are: a zero of odd
    multiplicity, where the derivative changes sign, is never lost to rounding."""
    from sympy.polys.polyerrors import PolynomialError

    from derive.numeric import NumericError

    written = sp.expand(polynomial).evalf(digits)
    exact = written.xreplace({f: sp.Rational(f) for f in written.atoms(sp.Float)})
    try:
        poly = sp.Poly(exact, u, domain=sp.QQ)
    except (PolynomialError, sp.CoercionFailed, ValueError, TypeError):
        raise NumericError("the derivative is not a ratio of polynomials with number coefficients") from None
    if poly.is_zero:
        raise NumericError("the function maximised is constant: every point gives its maximum")
    if poly.degree() < 1:
        return []
    if poly.degree() > MOST_DEGREE:
        raise NumericError(f"the derivative's numerator has degree {poly.degree()}: its zeros are not sought")
    return [root.evalf(digits) for root in sp.real_roots(poly)]


def _beside(end, nearest, first):
    """A point strictly between an end of the interval and the zero (or other end) nearest to it."""
    if end.is_infinite and nearest.is_infinite:
        return sp.Integer(0)
    if end.is_infinite:
        return nearest - 1 if first else nearest + 1
    if nearest.is_infinite:
        return end + 1 if first else end - 1
    return (end + nearest) / 2


def _slope_sign(slope, u, x) -> int:
    """The sign of the derivative at ``x``, 0 where it has no real number value."""
    number = slope.xreplace({u: x}).evalf(30)
    if not number.is_Number or not number.is_real:
        return 0
    return int(bool(number > 0)) - int(bool(number < 0))


def real_extremum(interp, node, interval=None):
    """\\max_{x \\in (a, b)} f(x), \\arg\\max_{x \\in \\mathbb{R}} f(x): the body in a real variable of its own,
    its extreme value or the point of it worked out at each point; over ``interval`` (low, high, ends), the one a
    tag's range gives the variable, when the formula writes none."""
    from derive.docs.bind import BindError
    from derive.docs.operations import scalar_body
    from derive.notation import unfold

    u = sp.Dummy(node.variable, real=True)
    if interval is not None:
        *bounds, ends = interval
    else:
        bounds = []
        for side, infinite in ((node.low, -sp.oo), (node.high, sp.oo)):
            bound = infinite if side is None else interp._scalar(interp.side(side))
            if u in getattr(bound, "free_symbols", ()):
                raise BindError(f"a {node.op} whose interval depends on its own variable")
            bounds.append(bound)
        ends = (1 if node.real_ends[0] else 0) + (2 if node.real_ends[1] else 0)
    body = scalar_body(interp, node.variable, u, node.body)
    function = unfold(body).doit()
    return RealExtremumValue(
        sp.Lambda(u, function),
        *bounds,
        sp.Integer(OPERATIONS.index(node.op)),
        sp.Integer(ends),
        sp.Lambda(u, sp.Tuple(*square_free_slope(function, u))),
    )


def square_free_slope(function, u) -> tuple:
    """The square-free parts of the numerator and the denominator of the derivative of ``function`` in ``u``, each
    zero once (u - a for -4 (u - a)^3); a part that is no polynomial in u is kept as it is."""
    from sympy.polys.polyerrors import PolynomialError

    parts = []
    for part in sp.fraction(sp.together(sp.diff(function, u))):
        try:
            parts.append(sp.sqf_part(part, u) if part.is_polynomial(u) and part.has(u) else part)
        except (PolynomialError, sp.CoercionFailed, NotImplementedError):
            parts.append(part)
    return tuple(parts)


def tag_intervals(binding) -> dict:
    """The intervals a tag's ranges with numbers at their ends give names (``0 \\le p \\le 1``, ``p > 0``; two
    clauses on one name, ``p \\ge 0; p \\le 1``, together): name -> (low, high, ends), an end not given infinite,
    ``ends`` 1 if the interval holds its lower end plus 2 if it holds its upper end, as :func:`real_extremum` takes
    them."""
    from derive.docs.tag_spelling import NUMBER
    from derive.docs.tags import RangeClause

    ranges = [clause for clause in binding.clauses if isinstance(clause, RangeClause)]
    # x \le b, x < y: an end the interval would not hold, so no interval for x at all
    unread = {c.name for c in ranges if not all(end is None or NUMBER.match(end) for end in (c.low, c.high))}
    unread |= {
        c.name
        for c in ranges
        for text in binding.conditions
        if re.search(rf"(?<![A-Za-z]){re.escape(c.name)}(?![A-Za-z])", text)
    }
    ends: dict = {}  # name -> [(low, held), (high, held)]
    for clause in ranges:
        if clause.name in unread:
            continue
        low, high = ends.setdefault(clause.name, [(-sp.oo, False), (sp.oo, False)])
        if clause.low is not None:
            new = (sp.Rational(clause.low), not clause.strict_low)
            low = new if new[0] > low[0] else (low[0], low[1] and new[1]) if new[0] == low[0] else low
        if clause.high is not None:
            new = (sp.Rational(clause.high), not clause.strict_high)
            high = new if new[0] < high[0] else (high[0], high[1] and new[1]) if new[0] == high[0] else high
        ends[clause.name] = [low, high]
    return {
        name: (low, high, sp.Integer(low_held + 2 * high_held))
        for name, ((low, low_held), (high, high_held)) in ends.items()
    }
