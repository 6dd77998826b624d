"""The largest or smallest value of a function of one real variable over an interval, and where it is taken
(\\arg\\max_{D \\in (0, 1)} a \\log D + b \\log(1 - D)), found at each point from the zeros of its derivative.

Only a function whose derivative is a ratio of polynomials in the variable is read: every zero of the numerator
is then found, so no candidate is missed. A value that is approached at an open or infinite end and not taken,
a maximum taken at two points (for argmax), a pole inside the interval: no value, never a guess.
"""

from __future__ import annotations

import mpmath
import sympy as sp

OPERATIONS = ("max", "min", "argmax", "argmin")


class RealExtremumValue(sp.Function):
    """max, min, argmax or argmin of f over an interval, for args (Lambda(u, f), low, high, operation, ends):
    ``operation`` the index of the operation in OPERATIONS, ``ends`` 1 if the interval holds its lower end plus 2
    if it holds its upper end; worked out once f holds only numbers."""

    nargs = 5

    def _eval_evalf(self, prec):
        body, low, high, operation, ends = self.args
        if body.expr.free_symbols - set(body.variables):
            return None
        digits = mpmath.libmp.prec_to_dps(prec)
        op = OPERATIONS[int(operation)]
        place, value = _extreme_point(body, low, high, op in ("max", "argmax"), int(ends), digits + 20, op[:3] == "arg")
        return sp.Float(place if op.startswith("arg") else value, digits)


def _extreme_point(body, low, high, largest, ends, digits, one_place):
    """(place, value) of the largest (or smallest) value of ``body`` over the interval from ``low`` to ``high``;
    with ``one_place``, a value taken at two points has no place to give."""
    from derive.numeric import NumericError

    u = body.variables[0]
    g = body.expr if largest else -body.expr
    slope = sp.together(sp.diff(g, u))
    top, bottom = sp.fraction(slope)
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
    """The real zeros of a polynomial in ``u`` with number coefficients (none for a nonzero constant)."""
    from derive.numeric import NumericError

    poly = sp.Poly(polynomial, u)
    if poly.is_zero:
        raise NumericError("the function maximised is constant: every point gives its maximum")
    if poly.degree() < 1:
        return []
    try:
        roots = poly.nroots(n=digits, maxsteps=200)
    except (sp.polys.polyerrors.NoConvergence, sp.polys.polyerrors.DomainError) as exc:
        raise NumericError(f"the zeros of the derivative are not found ({exc})") from None
    tolerance = sp.Float(10) ** (5 - digits)
    return [sp.re(r) for r in roots if abs(sp.im(r)) <= tolerance * max(1, abs(r))]


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


def real_extremum(interp, node):
    """\\max_{x \\in (a, b)} f(x), \\arg\\max_{x \\in \\mathbb{R}} f(x): the body in a real variable of its own,
    its extreme value or the point of it worked out at each point."""
    from derive.docs.bind import BindError
    from derive.notation import unfold

    u = sp.Dummy(node.variable, real=True)
    bounds = []
    for side, infinite in ((node.low, -sp.oo), (node.high, sp.oo)):
        bound = infinite if side is None else interp._scalar(interp.side(side))
        if u in getattr(bound, "free_symbols", ()):
            raise BindError(f"a {node.op} whose interval depends on its own variable")
        bounds.append(bound)
    saved = dict(interp.bound)
    try:
        interp.bound[node.variable] = u
        body = interp._scalar(interp.side(node.body))
    finally:
        interp.bound = saved
    ends = (1 if node.real_ends[0] else 0) + (2 if node.real_ends[1] else 0)
    return RealExtremumValue(
        sp.Lambda(u, unfold(body).doit()), *bounds, sp.Integer(OPERATIONS.index(node.op)), sp.Integer(ends)
    )
