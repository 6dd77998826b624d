"""The engine: check every step of every claim, then each statement against its oracle.

Why a numeric check does not accept a wrong identity by luck
-------------------------------------------------------------
Each claim is checked at 12 (documentation checks: 20) seeded points of its domain, at
60 significant digits, and two sides must agree to 50 (:func:`derive.numeric.holds`).

* Continuous values. Reals, logits and probability vectors are drawn from continuous
  distributions on open sets (:mod:`derive.domain`). If a step is wrong, the difference
  of its sides is a nonzero function that is analytic on each piece of the domain, so
  its zero set has measure zero; a point drawn at random lands within 10^-50 of it
  with negligible probability, and every point is an independent chance to see the
  error. Identities that agree on a measure-zero set (equal logits, p = q, x = 0)
  cannot pass this way.
* Away from singular and degenerate sets. Samplers keep a margin from the places where
  a formula is 0/0 or undefined: probabilities in (0.02, 0.98) or vectors with every
  entry positive, scales and temperatures at least 0.05, ε > 0. Piecewise results
  (ReLU, clipping, min/max) declare domains that avoid their breakpoints, and a claim
  about a degenerate case (one-hot p, all logits equal, q = p) gets a domain of its own.
* Every size and index pattern. Dimensions cycle through all declared values (n = 1 …
  6 typically), so a formula right only for n = 2 fails; indices are drawn from 1…n,
  so over the points both i = j and i ≠ j occur (n = 1 forces i = j).
* Inequalities get three times the points (36). A wrong identity fails almost
  everywhere, but a wrong inequality may hold on a large part of the domain and fail
  only on the rest; more points make missing that part unlikely.
* Evaluated, not assumed. Finite sums are written out at the point's sizes and every
  derivative taken before numbers go in; values that are not finite or not real fail.

What the numbers cannot give is a proof: a step SymPy does not close stays "numeric
only", visibly. How often a wrong variant slips through is measured, not argued:
``python -m derive mutate all`` (see :mod:`derive.mutation`).
"""

from __future__ import annotations

import dataclasses
import time

import mpmath
import sympy as sp

from derive.compile import Fallback, environment
from derive.domain import Index, Point
from derive.numeric import (
    INSTANTIATED,
    REQUIRED_DIGITS,
    WORKING_DIGITS,
    NumericError,
    evaluate,
    evaluate_with_path,
    holds,
    instantiated_value,
)
from derive.report import (
    FAILED,
    NUMERIC_ONLY,
    PROVED,
    ClaimReport,
    OracleReport,
    RemarkReport,
    ResultReport,
    StepReport,
)
from derive.result import Claim, Result, chain_proves, chain_relation
from derive.symbolic import Assumptions, prove_nonnegative, prove_zero

INEQUALITY_POINTS = 36  # a wrong inequality can hold on a set of positive measure: look harder
REFERENCE_GUARD_DIGITS = 40  # digits past the working precision of the value compared with the oracle
_RESOLUTION = mpmath.mpf(10) ** -WORKING_DIGITS

_EVALUATION_ERRORS = (NumericError, TypeError, ValueError, ZeroDivisionError, ArithmeticError, NotImplementedError)


def domain_assumptions(result: Result, domain) -> Assumptions:
    """What SymPy may assume in a result's proofs: each index's range in ``domain`` and the result's rules."""
    ranges = {s: (1, sampler.size) for s, sampler in domain.samplers.items() if isinstance(sampler, Index)}
    return Assumptions(ranges, result.rules)


def _symbolic(previous, current, relation, assumptions, hint=""):
    if relation == "=":
        return prove_zero(previous - current, assumptions, hint=hint)
    if relation in ("<=", "<"):
        return prove_nonnegative(current - previous, assumptions, strict=relation == "<", hint=hint)
    return prove_nonnegative(previous - current, assumptions, strict=relation == ">", hint=hint)


class PointValues:
    """Each expression evaluated once per point, shared by the two steps it belongs to.

    Also records the path each expression took (compiled plan, or instantiated at the
    point: :func:`derive.numeric.evaluate_with_path`), for the step reports.
    """

    def __init__(self, points, reference=None):
        self.points = points
        # the statement's right-hand side, which the oracle is compared with: evaluated so that the
        # oracle errors printed in output/ keep every digit (see _reference_value)
        self.reference = reference
        self.cache = {}
        self.paths = {}
        self.keys = {}  # id(expr) → (expr, srepr): the key is computed once per expression, not per point
        self.environments = {}
        self.count = 0

    def _key(self, expr):
        known = self.keys.get(id(expr))
        if known is None or known[0] is not expr:
            known = self.keys[id(expr)] = (expr, sp.srepr(expr))
        return known[1]

    def _environment(self, position):
        if position not in self.environments:
            try:
                self.environments[position] = environment(self.points[position])
            except Fallback:
                self.environments[position] = None
        return self.environments[position]

    def at(self, expr, position):
        key = (self._key(expr), position)
        if key not in self.cache:
            self.count += 1
            try:
                if self.reference is not None and key[0] == self._key(self.reference):
                    path, self.cache[key] = self._reference_value(expr, position)
                else:
                    path, self.cache[key] = evaluate_with_path(
                        expr, self.points[position], env=self._environment(position)
                    )
            except _EVALUATION_ERRORS as exc:
                path, self.cache[key] = INSTANTIATED, exc
            self.paths.setdefault(key[0], set()).add(path)
        return self.cache[key]

    def _reference_value(self, expr, position):
        """(path, value) of the statement's right-hand side: by its plan far past the working precision,
        so that rounded to the working digits it is the correctly rounded value the oracle is compared
        with; but written out when the plan's value is below the working precision's resolution,
        where what the plan leaves of an exact 0 is rounding noise that writing out cancels. A matrix
        statement is written out too: its entries at the working precision are the numbers the oracle's
        errors in output/ were measured against."""
        point = self.points[position]
        if isinstance(expr, (sp.MatrixExpr, sp.MatrixBase)):
            return INSTANTIATED, instantiated_value(expr, point)
        path, value = evaluate_with_path(expr, point, env=self._environment(position), guard=REFERENCE_GUARD_DIGITS)
        if path != INSTANTIATED and isinstance(value, mpmath.mpf) and abs(value) < _RESOLUTION:
            return INSTANTIATED, instantiated_value(expr, point)
        return path, value

    def path(self, *exprs) -> str:
        """How the expressions were evaluated over the points, e.g. ``compiled`` or ``compiled, instantiated``."""
        return ", ".join(sorted(set().union(*(self.paths.get(self._key(e), set()) for e in exprs))))


def check_step(previous, step, values: PointValues, assumptions) -> StepReport:
    """The report of one step: ``previous`` and the step's expression compared symbolically and at every point."""
    worst, counterexample = mpmath.mpf(0), ""
    for position, point in enumerate(values.points):
        left, right = values.at(previous, position), values.at(step.expr, position)
        if isinstance(left, Exception) or isinstance(right, Exception):
            bad = left if isinstance(left, Exception) else right
            counterexample = counterexample or f"cannot evaluate at {point.describe()}: {bad}"
            worst = mpmath.inf
            continue
        ok, error = holds(step.relation, left, right)
        worst = max(worst, error)
        if not ok and not counterexample:
            counterexample = f"at {point.describe()}: {mpmath.nstr(left, 12)} vs {mpmath.nstr(right, 12)}"
    if counterexample:
        status, method = FAILED, "numeric check failed"
    else:
        verdict = _symbolic(previous, step.expr, step.relation, assumptions, step.proof)
        status, method = (PROVED if verdict.proved else NUMERIC_ONLY), verdict.method
    return StepReport(
        step.because,
        step.relation,
        status,
        method,
        float(worst),
        len(values.points),
        counterexample,
        values.path(previous, step.expr),
    )


def check_oracle(claim: Claim, values: PointValues) -> OracleReport:
    """The report of a claim's statement compared with its independent oracle at every point."""
    if claim.oracle is None:
        return OracleReport(False, float("inf"), 0, REQUIRED_DIGITS, "no oracle declared")
    worst, counterexample = mpmath.mpf(0), ""
    for position, point in enumerate(values.points):
        with mpmath.workdps(WORKING_DIGITS):
            try:
                expected = claim.oracle(point)
            except (ArithmeticError, ValueError, ZeroDivisionError) as exc:
                return OracleReport(
                    False, float("inf"), position, REQUIRED_DIGITS, f"oracle failed at {point.describe()}: {exc}"
                )
        claimed = values.at(claim.statement.rhs, position)
        if isinstance(claimed, Exception):
            return OracleReport(
                False,
                float("inf"),
                position,
                REQUIRED_DIGITS,
                f"cannot evaluate the statement at {point.describe()}: {claimed}",
            )
        ok, error = holds(claim.statement.relation, expected, claimed)
        worst = max(worst, error)
        if not ok and not counterexample:
            counterexample = (
                f"at {point.describe()}: oracle {mpmath.nstr(expected, 12)} vs statement {mpmath.nstr(claimed, 12)}"
            )
    return OracleReport(not counterexample, float(worst), len(values.points), REQUIRED_DIGITS, counterexample)


def _chain_problem(claim: Claim) -> str:
    first, last = claim.steps[0].expr, claim.steps[-1].expr
    if first != claim.statement.lhs:
        return "the proof does not start at the statement's left-hand side"
    if last != claim.statement.rhs:
        return "the proof does not end at the statement's right-hand side"
    relation = chain_relation([s.relation for s in claim.steps[1:]])
    if not chain_proves(relation, claim.statement.relation):
        return f"the steps prove '{relation}', the statement says '{claim.statement.relation}'"
    return ""


def claim_points(result: Result, position: int) -> list[Point]:
    """The seeded points claim ``position`` is checked at (more for an inequality)."""
    claim = result.claims[position]
    domain = claim.domain or result.domain
    if claim.statement.relation != "=":
        domain = domain.with_(points=max(domain.points, INEQUALITY_POINTS))
    return domain.sample_points(f"{result.name}/{position}", WORKING_DIGITS)


def verify_claim(result: Result, position: int) -> ClaimReport:
    claim = result.claims[position]
    domain = claim.domain or result.domain
    points = claim_points(result, position)
    values = PointValues(points, reference=claim.statement.rhs)
    assumptions = domain_assumptions(result, domain)
    steps = [
        dataclasses.replace(check_step(previous.expr, step, values, assumptions), because=result.reason(step))
        for previous, step in zip(claim.steps, claim.steps[1:])
    ]
    oracle = check_oracle(claim, values)
    label = claim.label or f"claim {position + 1}"
    return ClaimReport(label, claim.statement.relation, _chain_problem(claim), steps, oracle, values.count)


def _remark(remark) -> RemarkReport:
    try:
        value = mpmath.nstr(evaluate(remark.value, remark.at), 6)
    except _EVALUATION_ERRORS as exc:
        value = f"(not computable: {exc})"
    return RemarkReport(remark.text.replace("{value}", value), value)


def verify(result: Result) -> ResultReport:
    """Check ``result``: every step symbolically and numerically, every claim against its oracle."""
    started = time.perf_counter()
    claims = [verify_claim(result, position) for position in range(len(result.claims))]
    remarks = [_remark(dataclasses.replace(r, text=result.remark_text(r), by=())) for r in result.remarks]
    return ResultReport(
        result.name, result.title, claims, remarks, time.perf_counter() - started, WORKING_DIGITS, REQUIRED_DIGITS
    )
