"""What a result module declares: claims, each proved by a chain of justified steps.

A :class:`Result` is pure data. The engine (:mod:`derive.verify`) checks it and the
printers render it; a result never prints, writes files or checks itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Optional

import sympy as sp

from derive.domain import Domain, Point
from derive.errors import DefinitionError

RELATIONS = ("=", "<=", ">=", "<", ">")
_SYMPY_RELATION = {sp.Eq: "=", sp.Le: "<=", sp.Ge: ">=", sp.Lt: "<", sp.Gt: ">"}


@dataclass(frozen=True)
class Step:
    """One link ``previous relation expr`` of a proof chain, with the reason it holds."""

    expr: Any
    because: str = ""
    relation: str = "="

    def __post_init__(self):
        if self.relation not in RELATIONS:
            raise DefinitionError(f"step relation must be one of {RELATIONS}, got {self.relation!r}")


@dataclass(frozen=True)
class Statement:
    """``lhs relation rhs``; kept apart from SymPy relationals, which may evaluate to True."""

    lhs: Any
    relation: str
    rhs: Any

    @classmethod
    def of(cls, relational) -> "Statement":
        if isinstance(relational, Statement):
            return relational
        for kind, symbol in _SYMPY_RELATION.items():
            if isinstance(relational, kind):
                return cls(relational.lhs, symbol, relational.rhs)
        raise DefinitionError(
            f"a claim's statement must be Eq, Le, Ge, Lt or Gt (use evaluate=False), got {type(relational).__name__}"
        )


def chain_relation(relations) -> str:
    """The relation a chain of steps proves: '=' unless some step is an inequality."""
    strict = any(r in ("<", ">") for r in relations)
    directions = {r.rstrip("=") for r in relations if r != "="}
    if not directions:
        return "="
    if len(directions) > 1:
        return "mixed"
    return directions.pop() + ("" if strict else "=")


def chain_proves(chain: str, wanted: str) -> bool:
    """Whether a chain relation is at least as strong as the statement's."""
    return chain == wanted or (chain == "=" and wanted in ("<=", ">=")) or chain == wanted.rstrip("=") and wanted != "="


@dataclass(frozen=True)
class Claim:
    """One statement of a result, its proof, and the oracle that checks it independently.

    ``oracle(point)`` computes the statement's left-hand side *from its definition*
    in plain mpmath (never from the SymPy expression); the engine compares it with
    the right-hand side. ``domain`` overrides the result's domain for this claim.
    """

    statement: Any
    steps: tuple = ()
    oracle: Optional[Callable[[Point], Any]] = None
    label: str = ""
    domain: Optional[Domain] = None
    text: str = ""  # LaTeX words before the formula, e.g. "Each row sums to zero:"
    display: Any = None  # how the right-hand side is printed (or Eq for both sides); proved equal by derive.display

    def __post_init__(self):
        object.__setattr__(self, "statement", Statement.of(self.statement))
        object.__setattr__(self, "steps", tuple(self.steps))
        if not self.steps:
            raise DefinitionError(f"claim {self.label or self.statement.lhs} has no steps; give at least the start and one justified step")
        for position, step in enumerate(self.steps[1:], start=1):
            if not step.because:
                raise DefinitionError(f"step {position} of claim {self.label or self.statement.lhs} has no justification (because=...)")


@dataclass(frozen=True)
class Remark:
    """A computed observation: LaTeX prose ``text`` whose ``{value}`` is ``value`` evaluated at ``at``."""

    text: str
    value: Any
    at: Point


@dataclass(frozen=True)
class Result:
    """A named result: its claims with proofs, the domain they hold on, and metadata.

    ``rules`` are equalities the symbolic checker may substitute (e.g. Σ_k y_k = 1);
    they must also hold on the domain, which the numeric checks confirm.
    ``vocabulary`` says what a document may write for the result (its names,
    functions and kinds), for the documentation checker.
    """

    title: str
    claims: tuple
    domain: Domain
    area: str
    references: tuple = ()
    uses: tuple = ()
    rules: tuple = ()
    remarks: tuple = ()
    name: str = ""
    summary: str = ""
    module_file: str = ""
    vocabulary: Any = None   # what documents may write for it (derive.vocabulary.Vocabulary)

    def __post_init__(self):
        object.__setattr__(self, "claims", tuple(self.claims))
        object.__setattr__(self, "references", tuple(self.references))
        object.__setattr__(self, "uses", tuple(self.uses))
        object.__setattr__(self, "rules", tuple(self.rules))
        object.__setattr__(self, "remarks", tuple(self.remarks))
        if not self.claims:
            raise DefinitionError(f"result {self.title!r} declares no claims")

    def named(self, name: str, summary: str, module_file: str = "") -> "Result":
        return replace(self, name=name, summary=summary, module_file=module_file)

    def with_claim(self, position: int, **changes) -> "Result":
        """A copy with claim ``position`` changed (used to build deliberately wrong variants)."""
        claims = list(self.claims)
        claims[position] = replace(claims[position], **changes)
        return replace(self, claims=tuple(claims))

    def with_step(self, claim: int, step: int, expr) -> "Result":
        """A copy whose step ``step`` of claim ``claim`` has a different expression."""
        steps = list(self.claims[claim].steps)
        steps[step] = replace(steps[step], expr=expr)
        return self.with_claim(claim, steps=tuple(steps))

    def with_statement(self, claim: int, rhs) -> "Result":
        """A copy whose claim ``claim`` states a different right-hand side (proof unchanged)."""
        old = self.claims[claim].statement
        return self.with_claim(claim, statement=Statement(old.lhs, old.relation, rhs))
