"""Symbolic checks: does SymPy prove a step, under the result's assumptions?

SymPy alone does not close most identities over symbolic n: differentiating a sum
leaves ``Σ_k δ_jk e^{z_k}``, ``doit`` turns that into a ``Piecewise`` on 1 ≤ j ≤ n,
and ``simplify`` can stall on indexed sums. So the difference of the two sides is
first put in a normal form that uses what the result declares:

1. named functions are unfolded and derivatives evaluated (a derivative taken at a
   point, ``f|_{x=a}``, is evaluated once its sums are in normal form, when sound);
2. every Σ is split over sums (after splitting logarithms of products and quotients
   of factors known to be positive), constant factors are pulled out, ``Σ_k δ_kj f(k)``
   becomes ``f(j)`` when j is declared to lie in the summation range, and a Σ of a
   constant becomes a multiple of its length;
3. declared constraints (``Σ_k p_k = 1``) are substituted;
4. the remaining sums become opaque atoms (positive where their terms are), and
   targeted rewrites (expand, cancel, log expansion, powsimp) run before ``simplify``,
   all inside a time budget.

A step is *proved* only if this reaches exactly 0 (or, for an inequality, SymPy
decides the sign). Otherwise the step is numeric-only; it is never assumed.
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Mapping

import sympy as sp

from derive.notation import unfold

DEFAULT_BUDGET_SECONDS = 20.0


class _OutOfTime(BaseException):
    """Raised inside SymPy when the time budget is spent (BaseException: SymPy cannot swallow it)."""


@contextmanager
def time_budget(seconds: float):
    """Interrupt the body after ``seconds`` (only in the main thread; elsewhere no limit)."""
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield
        return

    def _expire(signum, frame):
        raise _OutOfTime()

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Assumptions:
    """What the symbolic checker may use: index ranges and substitution rules."""

    index_ranges: Mapping[sp.Symbol, tuple] = field(default_factory=dict)  # i ↦ (1, n)
    rules: tuple = ()  # Eq(lhs, rhs): lhs is replaced by rhs wherever it occurs

    def with_range(self, index, low, high) -> "Assumptions":
        ranges = dict(self.index_ranges)
        ranges[index] = (low, high)
        return Assumptions(ranges, self.rules)


# --- normal form for indexed sums -------------------------------------------------

def evaluate_derivatives(expr):
    """Carry out every ∂ in ``expr`` without expanding symbolic sums into Piecewise."""
    return expr.replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit(deep=False))


def _in_range(value, low, high, assumptions: Assumptions) -> bool:
    if assumptions.index_ranges.get(value) == (low, high):
        return True
    if value.is_Integer:
        return bool((value - low).is_nonnegative) and bool((high - value).is_nonnegative)
    return False


def _expand(expr):
    return sp.expand(expr, power_exp=False, power_base=False, log=False, mul=True, multinomial=True)


def _idempotent_deltas(expr):
    return expr.replace(
        lambda e: e.is_Pow and isinstance(e.base, sp.KroneckerDelta) and e.exp.is_Integer and e.exp > 0,
        lambda e: e.base,
    )


def _sum_of_term(term, index, low, high, assumptions):
    constant, varying = [], []
    for factor in sp.Mul.make_args(term):
        (varying if index in factor.free_symbols else constant).append(factor)
    coefficient = sp.Mul(*constant)
    if not varying:
        return coefficient * (high - low + 1)
    body = sp.Mul(*varying)
    for factor in varying:
        if isinstance(factor, sp.KroneckerDelta) and index in factor.args:
            other = factor.args[1] if factor.args[0] == index else factor.args[0]
            if index not in other.free_symbols and _in_range(other, low, high, assumptions):
                picked = (body / factor).subs(index, other)
                return coefficient * normalize_sums(picked, assumptions)
    return coefficient * sp.Sum(body, (index, low, high))


def normalize_sums(expr, assumptions: Assumptions = Assumptions()):
    """Linear normal form of every Σ in ``expr`` (see the module docstring, step 2)."""
    if isinstance(expr, sp.Sum):
        function, limits = expr.function, expr.limits
        if len(limits) > 1:  # the last limit is the outermost sum (SymPy merges Σ(Σ f) into one Sum)
            function = sp.Sum(function, *limits[:-1])
        index, low, high = limits[-1]
        inner_assumptions = assumptions.with_range(index, low, high)
        # log(ab) = log a + log b termwise, only where SymPy knows a, b > 0 (force=False)
        body = _idempotent_deltas(_expand(sp.expand_log(normalize_sums(function, inner_assumptions), force=False)))
        return sp.Add(*(_sum_of_term(t, index, low, high, inner_assumptions) for t in sp.Add.make_args(body)))
    if expr.is_Atom or isinstance(expr, (sp.Indexed, sp.IndexedBase)) or not expr.args:
        return expr
    return expr.func(*(normalize_sums(a, assumptions) for a in expr.args))


def _alpha_equal(a: sp.Sum, b: sp.Sum) -> bool:
    if len(a.limits) != 1 or len(b.limits) != 1:
        return a == b
    (ia, la, ha), (ib, lb, hb) = a.limits[0], b.limits[0]
    if (la, ha) != (lb, hb):
        return False
    return a.function.xreplace({ia: ib}) == b.function if ib not in a.function.free_symbols or ia == ib else False


def apply_rules(expr, assumptions: Assumptions):
    """Replace every left-hand side of a declared rule (up to the name of Σ's index)."""
    for rule in assumptions.rules:
        pattern = normalize_sums(rule.lhs, assumptions)
        if isinstance(pattern, sp.Sum):
            expr = expr.replace(lambda e: isinstance(e, sp.Sum) and _alpha_equal(e, pattern), lambda e: rule.rhs)
        else:
            expr = expr.xreplace({pattern: rule.rhs})
    return expr


def atomize_sums(expr):
    """Replace each outermost Σ by a symbol (positive when its terms are), for simplification."""
    atoms = {}
    for counter, term in enumerate(sorted(expr.atoms(sp.Sum), key=sp.default_sort_key)):
        positive = bool(term.function.is_positive)
        atoms[term] = sp.Symbol(f"Σ{counter}", positive=True) if positive else sp.Symbol(f"Σ{counter}", real=True)
    return expr.xreplace(atoms)


def canonical_dummies(expr, depth: int = 0):
    """Rename each Σ's index after its nesting depth, so equal sums compare equal."""
    if isinstance(expr, sp.Sum):  # a multiple sum is read as nested sums, the last limit outermost
        *inner, (index, low, high) = expr.limits
        name = sp.Symbol(f"κ{depth}", integer=True, positive=True)
        function = sp.Sum(expr.function, *inner) if inner else expr.function
        body = canonical_dummies(function.xreplace({index: name}), depth + 1)
        return sp.Sum(body, (name, low, high))
    if expr.is_Atom or isinstance(expr, (sp.Indexed, sp.IndexedBase)) or not expr.args:
        return expr
    return expr.func(*(canonical_dummies(a, depth) for a in expr.args))


def evaluate_substitutions(expr):
    """Carry out each ``f|_{x=a}`` (SymPy ``Subs``) whose body is already in normal form.

    Replacing a vector component x_j is sound only if x_j is the sole component of x
    left in f: a Σ_k over x_k, or an x_i with i possibly equal to j, would hide
    occurrences. Otherwise the substitution is left as it is (and the step stays open).
    """
    def carry_out(subs):
        body = subs.expr
        if body.has(sp.Derivative):  # an unevaluated ∂ must see its variable, not the point
            return subs
        for variable in subs.variables:
            if isinstance(variable, sp.Indexed) and any(
                a.base == variable.base and a != variable for a in body.atoms(sp.Indexed)
            ):
                return subs
        return body.xreplace(dict(zip(subs.variables, subs.point)))

    return expr.replace(lambda e: isinstance(e, sp.Subs), carry_out)


# a substitution left in the normal form must not reach atomize_sums: with its Σ
# replaced by a symbol, SymPy would drop the substitution as if it did nothing
_SUBSTITUTION_LEFT = "a substitution f|_{x=a} could not be carried out symbolically"


def normal_form(expr, assumptions: Assumptions = Assumptions()):
    """Steps 1–3 of the module docstring: unfold, differentiate, normalise sums, apply rules."""
    expr = evaluate_derivatives(unfold(expr))
    expr = evaluate_substitutions(normalize_sums(expr, assumptions))
    expr = apply_rules(expr, assumptions)
    return canonical_dummies(normalize_sums(expr, assumptions))


def _zero_candidates(expr):
    """Cheap rewrites first, ``simplify`` last: each yields an expression to test against 0."""
    yield expr
    expanded = _expand(expr)
    yield expanded
    yield sp.cancel(sp.together(expanded))
    logs = sp.expand_log(expanded, force=False)
    yield _expand(logs)
    yield sp.cancel(sp.together(sp.powsimp(logs, force=False)))
    yield sp.simplify(expr)


def _is_zero(value) -> bool:
    if isinstance(value, sp.MatrixBase):
        return all(entry == 0 for entry in value)
    return value == 0 or getattr(value, "is_ZeroMatrix", False)


@dataclass(frozen=True)
class SymbolicVerdict:
    proved: bool
    method: str  # how it was proved, or why it was not


def _guarded(budget: float, attempt) -> SymbolicVerdict:
    """Run a symbolic attempt under the time budget; SymPy giving up is "not proved", never an error."""
    try:
        with time_budget(budget):
            return attempt()
    except _OutOfTime:
        return SymbolicVerdict(False, f"symbolic check timed out after {budget:g} s")
    except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError) as exc:
        return SymbolicVerdict(False, f"SymPy failed ({type(exc).__name__})")


def prove_zero(expr, assumptions: Assumptions = Assumptions(), budget: float = DEFAULT_BUDGET_SECONDS) -> SymbolicVerdict:
    """Whether SymPy shows ``expr == 0`` under ``assumptions`` within ``budget`` seconds."""

    def attempt():
        if isinstance(expr, sp.MatrixExpr) or getattr(expr, "is_Matrix", False):
            candidate = sp.simplify(sp.expand(expr).doit())
            return SymbolicVerdict(_is_zero(candidate), "matrix algebra" if _is_zero(candidate) else "SymPy left a nonzero matrix expression")
        form = normal_form(expr, assumptions)
        if form == 0:
            return SymbolicVerdict(True, "normal form of sums")
        if form.has(sp.Subs):
            return SymbolicVerdict(False, _SUBSTITUTION_LEFT)
        atomic = atomize_sums(form)
        for candidate in _zero_candidates(atomic):
            if _is_zero(candidate):
                return SymbolicVerdict(True, "algebraic simplification")
        return SymbolicVerdict(False, "SymPy could not reduce the difference to 0")

    return _guarded(budget, attempt)


def prove_nonnegative(expr, assumptions: Assumptions = Assumptions(), budget: float = DEFAULT_BUDGET_SECONDS, strict: bool = False) -> SymbolicVerdict:
    """Whether SymPy shows ``expr ≥ 0`` (``> 0`` if strict) under ``assumptions``."""

    def attempt():
        form = normal_form(expr, assumptions)
        if form.has(sp.Subs):
            return SymbolicVerdict(False, _SUBSTITUTION_LEFT)
        atomic = atomize_sums(form)
        for candidate in (atomic, sp.factor(sp.together(atomic)), sp.simplify(atomic)):
            if candidate.is_positive if strict else candidate.is_nonnegative:
                return SymbolicVerdict(True, "sign decided by SymPy")
        return SymbolicVerdict(False, "SymPy could not decide the sign")

    return _guarded(budget, attempt)
