"""A limit or an integral that diverges where the side it is equated with is a number: the sides disagree there.

A point where a side has no real value is set aside as outside the formula's domain (ln x at x < 0).
A limit that SymPy finds to be ±∞ at the point is no such gap: the formula equates a number with
something that is not one, as in f'(x) = lim_{h→0} (f(x+h) - f(x))/h² (the quotient grows like 1/h). So is an
integral over an infinite range whose integrand tends to a limit other than 0 at an infinite end (∫ e^{-x + e^{-x}}
dx over the line: the integrand grows without bound as x → -∞), since its tail there has no finite value.
When that holds at every point set aside and too few points are left to decide the formula on, the
first such point is the counterexample.
"""

from __future__ import annotations

import sympy as sp

from derive.docs.bind import as_value, scalarise
from derive.docs.links import _link_text, _refuted
from derive.docs.operations import IntegralValue
from derive.docs.point_values import _at, _describe_value, _side_number
from derive.numeric import NumericError, symbolic_value

EXAMINED = 8  # points set aside that are looked at again: each costs one more limit
INFINITE = {sp.oo: "+∞", -sp.oo: "-∞", sp.zoo: "complex ∞ (no real limit)"}
INTEGRAND = "integrand"


def diverging_limit_refutation(reading, set_aside, shown, readers):
    """A FAIL at the first of the points ``set_aside`` ((point, sides' values, reader key) triples) when at each of
    them a link "=" equates a limit that diverges with a finite number; None otherwise."""
    if not set_aside:
        return None
    found = []
    for point, values, key in set_aside[:EXAMINED]:
        divergence = _diverging_link(reading, values, point)
        if divergence is None:
            return None
        found.append((point, key, divergence))
    point, key, (link, limit_side, infinite, number) = found[0]
    also = f" (so at each of the {len(found)} points where a side has no finite value)" if len(found) > 1 else ""
    integral = infinite.startswith(INTEGRAND)
    what = "an integral that diverges" if integral else "a limit that is none"
    why = infinite if integral else f"limit is {infinite}"
    detail = (
        f"{_link_text(reading.sides, link)} equates a number with {what}{_at(point, shown)}: side"
        f" {limit_side + 1}'s {why}, the other side is {_describe_value(number)}{also}"
    )
    return _refuted(detail, readers[key], reading.binding)


def _diverging_link(reading, values, point):
    """(link, the limit's side, how it diverges, the other side's number) for the first "=" link that equates a
    limit diverging at ``point`` with a finite number; None when there is none."""
    for link, relation in enumerate(reading.relations):
        if relation != "=":
            continue
        for limit_side, other_side in ((link, link + 1), (link + 1, link)):
            infinite = _diverging(values[limit_side], point)
            if not infinite:
                continue
            try:
                number = _side_number(values[other_side], point)
            except (NumericError, ZeroDivisionError, ValueError):
                continue
            if hasattr(number, "rows"):  # a vector or matrix: not the number a limit of numbers is
                continue
            return link, limit_side, infinite, number
    return None


def _diverging(value, point) -> str:
    """How the side, a limit, fails to be a number at ``point`` ("+∞", or that it does not exist); empty when the
    side is no limit or has a finite value there."""
    try:
        value = scalarise(as_value(value))
    except Exception:  # a vector or an unreadable side: not a limit
        return ""
    if isinstance(value, IntegralValue):
        return _diverging_integral(value, point)
    if not isinstance(value, sp.Limit):
        return ""
    try:
        exact = symbolic_value(value, point)
    except ValueError as exc:  # SymPy: "The limit does not exist since left hand limit = -1 and right hand limit = 1"
        why = str(exc)
        return f"not a number ({why[0].lower()}{why[1:]})" if why.startswith("The limit does not exist") else ""
    except (NumericError, ZeroDivisionError, TypeError, NotImplementedError):
        return ""
    return INFINITE.get(exact, "")


def _diverging_integral(value, point) -> str:
    """How an integral over an infinite range fails to be a number at ``point``: its integrand tends to a limit other
    than 0 at an infinite end, so the tail there has no finite value; empty otherwise."""
    try:
        exact = symbolic_value(value, point)
    except (NumericError, ZeroDivisionError, TypeError, ValueError, NotImplementedError):
        return ""
    if not isinstance(exact, IntegralValue):
        return ""
    body, low, high = exact.args
    (variable,), integrand = body.variables, body.expr
    if integrand.free_symbols - {variable}:
        return ""
    for end in (low, high):
        if end not in (sp.oo, -sp.oo):
            continue
        try:
            tail = sp.limit(integrand, variable, end)
        except (ValueError, TypeError, NotImplementedError, RecursionError):
            continue
        if tail.is_zero is False and (tail.is_extended_real or tail in INFINITE) and not tail.has(sp.AccumBounds):
            shown = INFINITE.get(tail, None) or str(tail)
            return f"{INTEGRAND} tends to {shown} as {variable.name} tends to {INFINITE[end]}"
    return ""
