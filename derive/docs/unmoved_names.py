"""The formula's own variables a refutation does not depend on: at the refuted point, other values leave every side as it is.

A tagged formula with a name nothing binds (``\\frac{\\partial L}{\\partial L} = 0``, the rungs'
budget ``\\eta^{K-i} r \\eta^i = r`` with i unstated) is read with that name as one of its own
variables (:mod:`derive.docs.tagged_free`). Refuted there, it may still be an equation the author
solves for the name, so it is left undecided. But when the sides keep their values whatever value
the name takes, no value solves it: the refutation stands for every meaning of the name as a
number. A side whose expression does not hold the name does not depend on it; one that holds it
(an integral from μ) is evaluated again with the name moved to other values in its domain.
"""

from __future__ import annotations

import mpmath
import sympy as sp

from derive.docs.point_values import _evaluate_sides, _flat, _shape
from derive.docs.values import as_value, scalarise
from derive.docs.verdict import DIGITS
from derive.numeric import evaluate

# other values of a name sampled as v: inside (0, 1), the positive or the real line whenever v is
MOVES = (lambda v: v / 2, lambda v: (1 + v) / 2, lambda v: v / 3 + mpmath.mpf(1) / 7)
# and its opposite: -a r / std(-a r) keeps its value as a moves within a sign, not when a changes sign
SIGNED_MOVES = (*MOVES, lambda v: -v)


def unmoved_names(reading, values, evaluated, point, shown, moves=MOVES) -> frozenset:
    """The keys of the formula's own real variables that every side's value at ``point`` is independent of (untagged,
    the free names its scope reads), as far as the ``moves`` of each show."""
    free = reading.binding.free if reading.scope is None else reading.scope.free
    symbols = {
        symbol: key
        for key, symbol in reading.extra.items()
        if key in free and isinstance(symbol, sp.Symbol) and symbol in point
    }
    unmoved = set()
    for symbol, key in symbols.items():
        holding = [position for position, value in enumerate(values) if _holds(value, symbol)]
        if not holding:
            unmoved.add(key)
            continue
        if all(_same_sides(values, evaluated, point, shown, symbol, move, holding) for move in moves):
            unmoved.add(key)
    return frozenset(unmoved)


def _holds(value, symbol) -> bool:
    try:
        return symbol in value.free_symbols
    except AttributeError:  # a value the reader built without SymPy's free symbols (a list of entries)
        return True


def _same_sides(values, evaluated, point, shown, symbol, move, holding) -> bool:
    moved = type(point)(point)
    moved[symbol] = move(mpmath.mpf(point[symbol]))
    try:
        again, singular = _evaluate_sides(values, moved, shown, why_needed=False)
    except Exception:  # no value at the moved point: not shown to be independent
        return False
    if singular is not None:
        return False
    return all(_equal(evaluated[position], again[position]) for position in holding)


def _equal(first, second) -> bool:
    if _shape(first) != _shape(second):
        return False
    for a, b in zip(_flat(first), _flat(second)):
        try:
            a, b = mpmath.mpmathify(a), mpmath.mpmathify(b)
        except (TypeError, ValueError):
            return False
        if abs(a - b) > mpmath.mpf(10) ** -40 * max(1, abs(a), abs(b)):
            return False
    return True


PIECEWISE_PARTS = (sp.Abs, sp.Max, sp.Min, sp.Piecewise, sp.Heaviside, sp.sign, sp.floor, sp.ceiling)
ENOUGH_POINTS = 12  # the sampled points beside the refuted one at which every side must keep its value
COMPARED_DIGITS = 80  # the precision the sides' values are compared at (they are evaluated at 60 digits)


def unchanging_sides(values_at, evaluated, point, points, shown) -> bool:
    r"""Whether every side, read at a point's sizes by ``values_at``, keeps its value at the other sampled points (at
    least :data:`ENOUGH_POINTS` of them where the sides have a value), with no piecewise part in any side: every name
    moves, a vector's entries and its size too (\sum_{i=1}^n \operatorname{softmax}(\mathbf{x})_i = n is solved by
    n = 1).

    Untagged, an equation in free names (``\frac{2}{1 - \beta_2} - 1 - \frac{2\beta_2}{1 - \beta_2} = 2``) may be
    solved for them; but when its names drop out of every side, no value solves it. A side without max, min, |x| or a
    case split is analytic where it has a value, so a side that keeps one value at points drawn across the domain
    keeps it everywhere: the point-wise check stands for a symbolic one. (A side that changes by less than the
    working precision, e^{s - 10^{10}}, changes: it is compared relative to its own size.)
    """
    if _piecewise(values_at(point)) or any(_shape(number) != () for number in evaluated):
        return False
    seen = 0
    for other in points:
        if other is point:
            continue
        try:
            values = values_at(other)
            if _piecewise(values):
                return False
            again, singular = _evaluate_sides(values, other, shown, why_needed=False)
        except Exception:  # no value there: set aside, as the check sets aside such points
            continue
        if singular is not None:
            continue
        if not all(
            _same_value(first, second) or _zero(here, point, first) and _zero(there, other, second)
            for here, there, first, second in zip(values_at(point), values, evaluated, again)
        ):
            return False
        seen += 1
        if seen >= ENOUGH_POINTS:
            return True
    return False


def _piecewise(values) -> bool:
    """Whether a side holds max, min, |x| or a case split (or is no SymPy expression, a list of entries)."""
    try:
        return any(getattr(value, "has", None) is None or value.has(*PIECEWISE_PARTS) for value in values)
    except TypeError:  # a value the reader built without SymPy's structure (a list of entries)
        return True


def _zero(value, point, number) -> bool:
    """Whether a side whose value at ``point`` is the tiny ``number`` is 0 there: its value falls with the precision
    it is computed at, as rounding left by cancelling terms does (e^{-10^{10}} keeps its value)."""
    if abs(number) > mpmath.mpf(10) ** (-DIGITS // 2):
        return False
    try:
        finer = evaluate(scalarise(as_value(value)), point, 2 * DIGITS)
    except Exception:  # no value at the finer precision: not shown to be 0
        return False
    return abs(finer) <= abs(number) * mpmath.mpf(10) ** (-DIGITS // 2)


def _same_value(first, second) -> bool:
    """Whether two values of a side agree to 40 digits of their own size (not of 1: e^{-10^{10}} is not 0)."""
    with mpmath.workdps(COMPARED_DIGITS):
        try:
            a, b = mpmath.mpmathify(first), mpmath.mpmathify(second)
        except (TypeError, ValueError):
            return False
        return a == b or abs(a - b) <= mpmath.mpf(10) ** -40 * max(abs(a), abs(b))


def constant_gap(values_at, evaluated, point, points, shown):
    r"""Two sides (their positions) whose difference keeps one value other than 0 at the other sampled points (at least
    :data:`ENOUGH_POINTS` of them), neither with a piecewise part, else None.

    A chain ``a = b + b = 2b + 1`` claims that all its sides are equal: where two of them differ by 1 whatever the
    names are, no value of the names solves it. As in :func:`unchanging_sides`, analytic sides whose difference
    keeps one value at points drawn across the domain keep it everywhere.
    """
    sides = values_at(point)
    pairs = [
        (i, j)
        for i in range(len(evaluated))
        for j in range(i + 1, len(evaluated))
        if _shape(evaluated[i]) == _shape(evaluated[j]) == ()
        and not _piecewise([sides[i], sides[j]])
        and not _same_value(evaluated[i], evaluated[j])
        and not _same_difference(evaluated[i], evaluated[j], 0, 0)  # two sides of 0 at the precision compared
    ]
    seen = 0
    for other in points:
        if not pairs:
            return None
        if other is point:
            continue
        try:
            again, singular = _evaluate_sides(values_at(other), other, shown, why_needed=False)
        except Exception:  # no value there: set aside, as the check sets aside such points
            continue
        if singular is not None:
            continue
        pairs = [(i, j) for i, j in pairs if _same_difference(evaluated[i], evaluated[j], again[i], again[j])]
        seen += 1
        if seen >= ENOUGH_POINTS and pairs:
            return pairs[0]
    return None


def _same_difference(a, b, c, d) -> bool:
    """Whether a - b and c - d agree to 40 digits of the values' size."""
    with mpmath.workdps(COMPARED_DIGITS):
        try:
            a, b, c, d = (mpmath.mpmathify(x) for x in (a, b, c, d))
        except (TypeError, ValueError):
            return False
        return abs((a - b) - (c - d)) <= mpmath.mpf(10) ** -40 * max(abs(a), abs(b), abs(c), abs(d), 1)


def binds_a_variable(sides) -> bool:
    """Whether a side writes a limit, a derivative, an integral, a sum, an extremum or an evaluation: its names may
    depend on the variable it binds (N on N_{\\setminus E} in \\lim_{N_{\\setminus E} \\to \\infty} N / N_{\\setminus
    E}), so a name it drops is not shown to drop out of the formula (unreadable: as if it did)."""
    from derive.docs.free import child_sides
    from derive.docs.interpret import Deriv, EvaluatedAt, Extremum, Integral, Limit, SumNode
    from derive.docs.parse import parse_latex

    todo = list(sides)
    while todo:
        side = todo.pop()
        try:
            nodes = side.nodes(parse_latex(side.text))
        except Exception:  # unreadable: its names are not shown to drop out
            return True
        for node in nodes:
            if isinstance(node, (Deriv, EvaluatedAt, Extremum, Integral, Limit, SumNode)):
                return True
            todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))
    return False
