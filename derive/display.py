"""A claim's display form: the statement as authors write it, proved equal to the one verified.

A claim may declare ``display=``: an expression printed in place of its statement's
right-hand side (or ``Eq(lhs, rhs, evaluate=False)`` for both sides), e.g. the LayerNorm
gradient with its common factor in front. The printers show it only after this module
has proved each displayed side equal to the verified side, symbolically (SymPy, under
the result's index ranges and rules) and numerically (at the claim's seeded points), so
what is printed is verified too. A display that is not proved equal is an error in the
result module, never printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

import sympy as sp

from derive.domain import Index
from derive.errors import DefinitionError
from derive.numeric import NumericError, evaluate, holds
from derive.symbolic import Assumptions, prove_zero

_EVALUATION_ERRORS = (NumericError, TypeError, ValueError, ZeroDivisionError, ArithmeticError, NotImplementedError)


@dataclass(frozen=True)
class DisplayVerdict:
    proved: bool
    reason: str  # how it was proved, or what failed


def _sides(claim) -> list[tuple]:
    """(verified side, displayed side) pairs that differ."""
    display = claim.display
    if isinstance(display, sp.Equality):
        pairs = [(claim.statement.lhs, display.lhs), (claim.statement.rhs, display.rhs)]
    else:
        pairs = [(claim.statement.rhs, display)]
    return [(verified, shown) for verified, shown in pairs if verified != shown]


def prove_display(result, position: int) -> DisplayVerdict:
    """Whether claim ``position``'s display form equals its statement (numerically, then symbolically)."""
    from derive.verify import claim_points

    claim = result.claims[position]
    domain = claim.domain or result.domain
    points = claim_points(result, position)
    for verified, shown in _sides(claim):
        for point in points:
            try:
                ok, _ = holds("=", evaluate(verified, point), evaluate(shown, point))
            except _EVALUATION_ERRORS as exc:
                return DisplayVerdict(False, f"cannot evaluate it at {point.describe()}: {exc}")
            if not ok:
                return DisplayVerdict(False, f"it differs from the statement at {point.describe()}")
        ranges = {s: (1, sampler.size) for s, sampler in domain.samplers.items() if isinstance(sampler, Index)}
        verdict = prove_zero(verified - shown, Assumptions(ranges, result.rules))
        if not verdict.proved:
            return DisplayVerdict(False, f"SymPy could not prove it equal to the statement ({verdict.method})")
    return DisplayVerdict(True, "proved equal to the statement")


class Shown(NamedTuple):
    lhs: Any
    relation: str
    rhs: Any
    as_written: bool  # a display form: printed in the order its author wrote


_PROVED: dict = {}


def shown_statement(result, position: int) -> Shown:
    """What to print for claim ``position``: its display form once proved, else its statement."""
    claim = result.claims[position]
    statement = claim.statement
    if claim.display is None:
        return Shown(statement.lhs, statement.relation, statement.rhs, False)
    key = (result.name, position, sp.srepr(statement.lhs), sp.srepr(statement.rhs), sp.srepr(claim.display))
    if key not in _PROVED:
        _PROVED[key] = prove_display(result, position)
    verdict = _PROVED[key]
    if not verdict.proved:
        label = claim.label or f"claim {position + 1}"
        raise DefinitionError(
            f"{result.name}, claim {label!r}: display= is not shown, because {verdict.reason}; "
            "correct the display form or remove it"
        )
    if isinstance(claim.display, sp.Equality):
        return Shown(claim.display.lhs, statement.relation, claim.display.rhs, True)
    return Shown(statement.lhs, statement.relation, claim.display, True)
