"""A local search for the least slack of an inequality, started from its tightest checked points, within the sampled box.

Sampled points miss a small region where an inequality fails: \\frac{1}{2}(\\mu^2 + \\sigma^2 - 1 - \\log\\sigma) \\ge 0
holds at random points of [-3, 3] x [0.05, 3] and fails only near mu = 0, sigma = 0.71. Moving the real numbers
of the tightest points one at a time, downhill in the slack, finds such a region; the point reached is a candidate
counterexample, checked as any other.

Its cost is bounded by counts, never by a clock, so a verdict is the same on any machine: the search evaluates at
most a fixed share of the points the sampling evaluated, and it is not run where a side is written out by SymPy at
each point (a probability by quadrature), which would multiply a check's cost a hundredfold.
"""

from __future__ import annotations

import mpmath

from derive import domain as dom
from derive.docs.verdict import DIGITS

STARTS = 2  # the tightest checked points the search starts from
EVALUATIONS = 160  # the most points evaluated from each start
SHARE = 4  # the most points the search evaluates for each point the sampling evaluated
FIRST_STEP = mpmath.mpf(1) / 4  # of a coordinate's box
LAST_STEP = mpmath.mpf(10) ** -6  # of a coordinate's box: the search ends when every step is below it
FOUND = mpmath.mpf(10) ** -6  # relative: a violation this clear ends the search


def slack(relations, evaluated):
    """The least relative slack of the inequality links (negative where one is violated), or None when none has numbers."""
    least = None
    for number, relation in enumerate(relations):
        a, b = evaluated[number], evaluated[number + 1]
        if relation not in ("<", ">", "<=", ">=") or not isinstance(a, mpmath.mpf) or not isinstance(b, mpmath.mpf):
            continue
        with mpmath.workdps(DIGITS):
            scale = max(abs(a), abs(b), mpmath.mpf(1))
            gap = (b - a if relation in ("<", "<=") else a - b) / scale
        least = gap if least is None else min(least, gap)
    return least


def _coordinates(domain, point, shown) -> list:
    """The real numbers of the point the search moves: (symbol, entry or None, low end, high end) for each number
    the formula shows that is drawn from an interval (a scalar, or an entry of a vector or matrix)."""
    coordinates = []
    for symbol in sorted(shown, key=str):
        sampler = domain.samplers.get(symbol)
        if symbol not in point or symbol in domain.fixed or sampler is None:
            continue
        entries = sampler.entries if isinstance(sampler, (dom.Vector, dom.Matrix)) else sampler
        if not isinstance(entries, dom.Interval):
            continue
        low, high = mpmath.mpf(str(entries.low)), mpmath.mpf(str(entries.high))
        if not low < high:  # a box of one value leaves nothing to move
            continue
        value = point[symbol]
        if isinstance(sampler, dom.Interval) and isinstance(value, mpmath.mpf):
            coordinates.append((symbol, None, low, high))
        elif isinstance(sampler, dom.Vector) and isinstance(value, list):
            coordinates += [(symbol, k, low, high) for k in range(len(value))]
        elif isinstance(sampler, dom.Matrix) and isinstance(value, mpmath.matrix):
            coordinates += [(symbol, (r, c), low, high) for r in range(value.rows) for c in range(value.cols)]
    return coordinates


def _get(point, coordinate):
    symbol, entry = coordinate[0], coordinate[1]
    return point[symbol] if entry is None else point[symbol][entry]


def _moved(point, coordinate, value):
    """A copy of the point with one number changed (vectors and matrices copied, never shared)."""
    symbol, entry = coordinate[0], coordinate[1]
    moved = dom.Point(point)
    if entry is None:
        moved[symbol] = value
    elif isinstance(entry, tuple):
        moved[symbol] = point[symbol].copy()
        moved[symbol][entry] = value
    else:
        moved[symbol] = list(point[symbol])
        moved[symbol][entry] = value
    return moved


def budget(sampled: int) -> int:
    """The points a search may evaluate from each start, when the sampling evaluated ``sampled``: a share of the
    sampling's own count, so the search at most multiplies the cost of a check by a fixed factor."""
    return min(EVALUATIONS, SHARE * sampled // STARTS)


def descend(domain, starts, shown, gap, evaluations_each=EVALUATIONS) -> list:
    """The points where a search from each start ended: coordinate steps downhill in ``gap(point)`` (None where the
    point has no value), each step doubled after a success and halved after a failure both ways, within the
    sampled box, until the slack is clearly negative, every step is small, or ``evaluations_each`` run out.

    Deterministic: the starts, the coordinates and the steps come in one fixed order, and the budget is a count.
    """
    ends = []
    with mpmath.workdps(DIGITS):
        for point, value in starts[:STARTS]:
            coordinates = _coordinates(domain, point, shown)
            if not coordinates:
                continue
            steps = [FIRST_STEP * (high - low) for _, _, low, high in coordinates]
            evaluations = 0
            while evaluations < evaluations_each and value > -FOUND:
                if all(step < LAST_STEP * (c[3] - c[2]) for step, c in zip(steps, coordinates)):
                    break
                for k, coordinate in enumerate(coordinates):
                    if evaluations >= evaluations_each or value <= -FOUND:
                        break
                    here, low, high = _get(point, coordinate), coordinate[2], coordinate[3]
                    for direction in (1, -1):
                        target = min(max(here + direction * steps[k], low), high)
                        if target == here:
                            continue
                        if evaluations >= evaluations_each:
                            break
                        candidate = _moved(point, coordinate, target)
                        evaluations += 1
                        tried = gap(candidate)
                        if tried is not None and tried < value:
                            point, value = candidate, tried
                            steps[k] = min(steps[k] * 2, high - low)
                            break
                    else:
                        steps[k] /= 2
            ends.append(point)
    return ends
