"""Claims as a whole number grows (the tag's ``n: large positive integer``, or ``n \\to \\infty``): a link written
with ≈ holds when its sides agree in the limit.

Its sides are evaluated with n = 10^6, 10^12 and 10^24 (at 60 digits, the other names at the sampled point). With
digits written on a side (≈ 0.37), the value at the largest n must round to them; between two expressions
(≈ e^{-1}), their relative gap must fall below 10^-9 at the largest n and shrink as n grows. A gap that stays above
10^-4 and has settled is a refutation; anything else is undecided. Links written with = are claimed for every n.
"""

from __future__ import annotations

import mpmath
import sympy as sp

from derive import domain as dom
from derive.docs.bind import as_value, scalarise
from derive.docs.verdict import DecideError

LARGE = (10**6, 10**12, 10**24)
CLOSE = mpmath.mpf("1e-9")  # the gap at the largest n below which the sides agree in the limit
APART = mpmath.mpf("1e-4")  # the gap that, settled, refutes


def _refuse_sums_over(values, symbols) -> None:
    for value in values:
        value = scalarise(as_value(value))
        if not isinstance(value, sp.Basic):
            raise DecideError("≈ between vectors as a number grows is not read")
        if any(
            limit.has(symbol) for node in value.atoms(sp.Sum, sp.Product) for limit in node.limits for symbol in symbols
        ):
            raise DecideError("a sum or product over the growing number is not evaluated in the limit")


def growing_symbols(reading, point) -> list:
    """The symbols of the point that the tag says grow (doc_n for n)."""
    names = {f"doc_{name}" for name in reading.binding.large} | set(reading.binding.large)
    return [symbol for symbol in point if dom._name(symbol) in names]


def limit_refutation(reading, link, symbols, literal, evaluate, approx) -> str | None:
    """None when the ≈ link holds as ``symbols`` grow; else why it fails there. Raises DecideError when undecided."""
    sizes = {s for s in symbols if isinstance(reading.domain.samplers.get(s), dom.Dimension)}
    dims = {s: v for s, v in link.point.items() if isinstance(reading.domain.samplers.get(s), dom.Dimension)}
    seen = []
    for size in LARGE:
        point = dom.Point(link.point)
        point.update({symbol: size for symbol in symbols})
        values = link.values
        if sizes:  # the dimension n itself grows: the sides are read again with n a symbol, given its value after
            try:
                reader = reading.reader({s: v for s, v in dims.items() if s not in sizes}, reading.dry.flags)
                values = [reader.side(reading.sides[link.number + k]) for k in (0, 1)]
            except Exception as exc:  # a vector of n entries: not read at a symbolic size
                raise DecideError(f"the sides are not read as the dimension grows ({exc})") from None
        _refuse_sums_over(values, symbols)
        left, right = (evaluate(value, point) for value in values)
        if isinstance(left, mpmath.matrix) or isinstance(right, mpmath.matrix):
            raise DecideError("≈ between vectors as a number grows is not read")
        seen.append((size, left, right, abs(left - right) / max(1, abs(right))))
    size, left, right, gap = seen[-1]
    names = ", ".join(dom._name(symbol).removeprefix("doc_") for symbol in symbols) or "n"
    where = f"as {names} grows (at {names} = 10^{len(str(size)) - 1})"
    if literal:
        ok, why = approx(left, right, literal, approximate=True)
        return None if ok else f"{why} {where}"
    if gap < CLOSE and gap <= seen[0][3]:
        return None
    if gap > APART and seen[-2][3] > APART and abs(gap - seen[-2][3]) < gap / 10:
        return f"the sides tend apart {where}: left = {mpmath.nstr(left, 12)}, right = {mpmath.nstr(right, 12)}"
    raise DecideError(f"the sides of ≈ do not settle {where}: gaps {', '.join(mpmath.nstr(s[3], 3) for s in seen)}")
