"""What a result module declares: claims, each proved by a chain of justified steps.

A :class:`Result` is pure data. The engine (:mod:`derive.verify`) checks it and the
printers render it; a result never prints, writes files or checks itself.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import sympy as sp

from derive.domain import Domain, Point
from derive.errors import DefinitionError
from derive.symbolic import PROOF_STRATEGIES

RELATIONS = ("=", "<=", ">=", "<", ">")
_SYMPY_RELATION = {sp.Eq: "=", sp.Le: "<=", sp.Ge: ">=", sp.Lt: "<", sp.Gt: ">"}


@dataclass(frozen=True)
class Step:
    """One link ``previous relation expr`` of a proof chain, with the reason it holds.

    ``by`` names what the step rests on: a claim of the same result (printed as its
    letter, "(b)") or another catalog result (printed as its theorem), or a tuple of
    them. ``because`` says where the references go with ``{by}`` (all of them) or
    ``{by1}``, ``{by2}``, … (one each); without a slot they lead: "by (b); because".
    """

    expr: Any
    because: str = ""
    relation: str = "="
    by: Any = ()
    proof: str = ""  # the strategy that proves it symbolically (a hint, tried first: derive.symbolic)

    def __post_init__(self):
        if self.relation not in RELATIONS:
            raise DefinitionError(f"step relation must be one of {RELATIONS}, got {self.relation!r}")
        if self.proof and self.proof not in PROOF_STRATEGIES:
            raise DefinitionError(f"step proof= names a strategy of {PROOF_STRATEGIES}, got {self.proof!r}")
        object.__setattr__(self, "by", _links(self.by, self.because, "step", slot_required=False))


_SLOT = re.compile(r"\{by([1-9]?)\}")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def claim_letter(position: int) -> str:
    """The letter a claim is cited by, in the terminal as in the appendix: ``(a)``."""
    return f"({LETTERS[position]})"


def _links(by, text: str, what: str, slot_required: bool) -> tuple:
    """``by`` as a tuple, checked against the ``{by}``/``{by1}``… slots of ``text``."""
    targets = tuple(by) if isinstance(by, (tuple, list)) else (by,)
    for target in targets:
        if not isinstance(target, (Claim, Result)):
            raise DefinitionError(
                f"{what} {text!r}: by= takes claims of the result or other results, got {type(target).__name__}"
            )
    slots = {int(n or 0) for n in _SLOT.findall(text)}
    if slots - set(range(len(targets) + 1)):
        raise DefinitionError(f"{what} {text!r} has a slot {{by{max(slots)}}} but only {len(targets)} by= references")
    if slots and 0 not in slots and slots != set(range(1, len(targets) + 1)):
        raise DefinitionError(f"{what} {text!r} does not place every by= reference ({{by1}} … {{by{len(targets)}}})")
    if slots and not targets:
        raise DefinitionError(f"{what} {text!r} has a {{by}} slot but no by= reference")
    if slot_required and targets and not slots:
        raise DefinitionError(f"{what} {text!r} cites by= but says nowhere where: write {{by}} in the text")
    return targets


def _joined(names: list) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class Statement:
    """``lhs relation rhs``; kept apart from SymPy relationals, which may evaluate to True."""

    lhs: Any
    relation: str
    rhs: Any

    @classmethod
    def of(cls, relational) -> Statement:
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
    oracle: Callable[[Point], Any] | None = None
    label: str = ""
    domain: Domain | None = None
    text: str = ""  # LaTeX words before the formula, e.g. "Each row sums to zero:"
    display: Any = None  # how the right-hand side is printed (or Eq for both sides); proved equal by derive.display
    text_by: Any = ()  # what ``text`` cites at its ``{by}`` slots (claims of the result, other results)

    def __post_init__(self):
        object.__setattr__(self, "statement", Statement.of(self.statement))
        object.__setattr__(self, "text_by", _links(self.text_by, self.text, "claim text", slot_required=True))
        object.__setattr__(self, "steps", tuple(self.steps))
        if not self.steps:
            raise DefinitionError(
                f"claim {self.label or self.statement.lhs} has no steps; give at least the start and one justified step"
            )
        for position, step in enumerate(self.steps[1:], start=1):
            if not step.because and not step.by:
                raise DefinitionError(
                    f"step {position} of claim {self.label or self.statement.lhs} has no justification (because=...)"
                )


@dataclass(frozen=True)
class Remark:
    """A computed observation: LaTeX prose ``text`` whose ``{value}`` is ``value`` evaluated at ``at``."""

    text: str
    value: Any
    at: Point
    by: Any = ()  # what ``text`` cites at its ``{by}`` slots

    def __post_init__(self):
        object.__setattr__(self, "by", _links(self.by, self.text, "remark", slot_required=True))


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
    figures: tuple = ()  # functions returning a derive.figures.Figure, drawn when the appendix is built
    name: str = ""
    summary: str = ""
    module_file: str = ""
    vocabulary: Any = None  # what documents may write for it (derive.vocabulary.Vocabulary)
    module: str = ""  # the module that declared it, as namedtuple records it; names it when cited by another result

    def __post_init__(self):
        object.__setattr__(self, "claims", tuple(self.claims))
        object.__setattr__(self, "references", tuple(self.references))
        object.__setattr__(self, "rules", tuple(self.rules))
        object.__setattr__(self, "remarks", tuple(self.remarks))
        object.__setattr__(self, "figures", tuple(self.figures))
        if not self.claims:
            raise DefinitionError(f"result {self.title!r} declares no claims")
        if not self.module:
            object.__setattr__(self, "module", _declaring_module())
        self._check_references()
        cited = [target.cited_name for target in self._targets() if isinstance(target, Result)]
        object.__setattr__(self, "uses", tuple(dict.fromkeys([*self.uses, *cited])))

    @property
    def cited_name(self) -> str:
        """The name other results cite this one by: its catalog name (the name of its module)."""
        return self.name or self.module.rpartition(".")[2]

    def _targets(self):
        for claim in self.claims:
            yield from claim.text_by
            for step in claim.steps:
                yield from step.by
        for remark in self.remarks:
            yield from remark.by

    def _check_references(self):
        cited = [(f"result {self.title!r}, remark {remark.text[:40]!r}", remark.by, None) for remark in self.remarks]
        for position, claim in enumerate(self.claims):
            cited.append((f"result {self.title!r}, claim {claim_letter(position)}, text", claim.text_by, claim))
            cited.extend(
                (
                    f"result {self.title!r}, claim {claim_letter(position)}, step {number} ({step.because!r})",
                    step.by,
                    claim,
                )
                for number, step in enumerate(claim.steps)
            )
        for where, targets, claim in cited:
            for target in targets:
                if isinstance(target, Claim) and not any(target is c for c in self.claims):
                    raise DefinitionError(
                        f"{where}: by= names a claim that is not one of this result's claims; "
                        "refer only to claims listed in this Result's claims=, or to another Result"
                    )
                if target is claim:
                    raise DefinitionError(f"{where}: by= names the claim it belongs to")
                if isinstance(target, Result) and not target.cited_name:
                    raise DefinitionError(f"{where}: by= names a result that has no catalog name")

    def reason(self, step: Step, cite=None) -> str:
        """The step's justification with its references printed: a claim as its letter "(b)", another
        result as ``cite(name)`` (LaTeX ``\\deriveref{name}`` by default)."""
        if step.by and not _SLOT.search(step.because):
            return f"by {self._cited(step.by, cite)}" + (f"; {step.because}" if step.because else "")
        return self._placed(step.because, step.by, cite)

    def claim_text(self, position: int, cite=None) -> str:
        """Claim ``position``'s words before its formula, with their references printed."""
        claim = self.claims[position]
        return self._placed(claim.text, claim.text_by, cite)

    def remark_text(self, remark: Remark, cite=None) -> str:
        """A remark's prose with its references printed (``{value}`` is left for the engine)."""
        return self._placed(remark.text, remark.by, cite)

    def _names(self, targets, cite) -> list:
        cite = cite or (lambda name: rf"\deriveref{{{name}}}")
        return [
            cite(target.cited_name)
            if isinstance(target, Result)
            else claim_letter(next(p for p, c in enumerate(self.claims) if c is target))
            for target in targets
        ]

    def _cited(self, targets, cite) -> str:
        return _joined(self._names(targets, cite))

    def _placed(self, text: str, targets, cite) -> str:
        if not targets:
            return text
        names = self._names(targets, cite)
        return _SLOT.sub(lambda m: names[int(m.group(1)) - 1] if m.group(1) else _joined(names), text)

    def named(self, name: str, summary: str, module_file: str = "") -> Result:
        return replace(self, name=name, summary=summary, module_file=module_file)

    def with_claim(self, position: int, **changes) -> Result:
        """A copy with claim ``position`` changed (used to build deliberately wrong variants)."""
        claims = list(self.claims)
        claims[position] = replace(claims[position], **changes)
        claims = _rebound(self.claims, claims)
        moved = {id(before): after for before, after in zip(self.claims, claims)}
        remarks = tuple(replace(r, by=tuple(moved.get(id(t), t) for t in r.by)) if r.by else r for r in self.remarks)
        return replace(self, claims=claims, remarks=remarks)

    def with_step(self, claim: int, step: int, expr) -> Result:
        """A copy whose step ``step`` of claim ``claim`` has a different expression."""
        steps = list(self.claims[claim].steps)
        steps[step] = replace(steps[step], expr=expr)
        return self.with_claim(claim, steps=tuple(steps))

    def with_statement(self, claim: int, rhs) -> Result:
        """A copy whose claim ``claim`` states a different right-hand side (proof unchanged)."""
        old = self.claims[claim].statement
        return self.with_claim(claim, statement=Statement(old.lhs, old.relation, rhs))


def _rebound(old: tuple, new: list) -> tuple:
    """``new`` with every by= link to a claim of ``old`` that was replaced pointing at its replacement,
    so a changed claim stays the one its citing steps refer to."""
    moved = {id(before): after for before, after in zip(old, new) if before is not after}
    alive = [*old, *new]  # ids stay unique while every claim they key is alive
    changed = True
    while changed:
        changed = False
        for position, claim in enumerate(new):
            steps = [
                replace(step, by=tuple(moved.get(id(t), t) for t in step.by))
                if any(id(t) in moved for t in step.by)
                else step
                for step in claim.steps
            ]
            text_by = tuple(moved.get(id(t), t) for t in claim.text_by)
            if any(a is not b for a, b in zip((*steps, *text_by), (*claim.steps, *claim.text_by))):
                alive.append(claim)
                new[position] = replace(claim, steps=tuple(steps), text_by=text_by)
                moved[id(old[position])] = new[position]
                moved[id(claim)] = new[position]
                changed = True
    return tuple(new)


def _declaring_module() -> str:
    """The module whose code is constructing a Result (the first caller outside this module and dataclasses)."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get("__name__") in (__name__, "dataclasses"):
        frame = frame.f_back
    return frame.f_globals.get("__name__", "") if frame is not None else ""
