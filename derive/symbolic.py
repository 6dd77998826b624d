"""Symbolic checks: does SymPy prove a step, under the result's assumptions?

SymPy alone does not close most identities over symbolic n: differentiating a sum
leaves ``Σ_k δ_jk e^{z_k}``, ``doit`` turns that into a ``Piecewise`` on 1 ≤ j ≤ n,
and ``simplify`` can stall on indexed sums. So the difference of the two sides is
first put in a normal form that uses what the result declares:

1. named functions are unfolded and derivatives evaluated (a derivative taken at a
   point, ``f|_{x=a}``, is evaluated once its sums are in normal form, when sound);
2. every Σ is split over sums (after splitting logarithms of products and quotients
   of factors known to be positive), constant factors are pulled out (e^{a} too, from
   e^{a + f(k)}), ``Σ_k δ_kj f(k)`` becomes ``f(j)`` when j is declared to lie in the
   summation range, and a Σ of a constant becomes a multiple of its length;
3. a product of positive factors becomes exp of a Σ of logarithms, pairs of sums
   that telescope (Σ_i f(i) − Σ_i f(i+s) over one range) are written out, and
   declared constraints (``Σ_k p_k = 1``) are substituted;
4. the remaining sums become opaque atoms (positive or nonnegative where their terms
   are), and targeted rewrites (expand, cancel, log expansion, powsimp) run before
   ``simplify``, all inside a time budget;
5. failing that, finite sums over fixed ranges are multiplied out into one multiple
   Σ per term with a canonical order of summation (:func:`fubini_form`), and sums
   over the same range are merged so that their summand is simplified as a whole.

A step is *proved* only if this reaches exactly 0 (or, for an inequality, SymPy
decides the sign). Otherwise the step is numeric-only; it is never assumed.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

import sympy as sp
from sympy.core.function import PoleError

from derive.budgets import OutOfSteps, OutOfTime, step_budget, time_budget
from derive.nonzero_point import shown_nonzero
from derive.notation import unfold

__all__ = [
    "PROOF_STRATEGIES",
    "Assumptions",
    "OutOfTime",
    "SymbolicVerdict",
    "canonical_dummies",
    "normal_form",
    "prove_nonnegative",
    "prove_zero",
    "time_budget",
]

DEFAULT_BUDGET_SECONDS = 20.0


def _copy_facts(facts):
    copy = type(facts).__new__(type(facts))
    dict.update(copy, facts)
    copy.rules, copy._generator = facts.rules, facts._generator
    return copy


def _deduce_indexed_assumptions_once() -> None:
    """Give every component z[k] of a base the facts deduced once per set of base assumptions.

    SymPy deduces the assumptions of each new ``Indexed`` anew from its base's (real ⇒
    complex, finite, …), a deduction that depends only on those assumptions and was the
    largest single cost of building expressions. The result is the same facts, copied.
    """
    from sympy.tensor.indexed import IndexedBase

    original = IndexedBase._set_assumptions
    if getattr(original, "deduced_once", False):
        return
    deduced = {}

    def set_assumptions(obj, assumptions):
        key = tuple(sorted(assumptions.items()))
        known = deduced.get(key)
        if known is None:
            original(obj, assumptions)
            deduced[key] = known = _copy_facts(obj._assumptions)
        obj._assumptions = _copy_facts(known)

    set_assumptions.deduced_once = True
    IndexedBase._set_assumptions = staticmethod(set_assumptions)


_deduce_indexed_assumptions_once()


_REMEMBERED_BOUND_EXPRESSIONS = 8192  # Σ and Π whose free symbols are kept, least recently used dropped first


def _remember_free_symbols_of_sums() -> None:
    """Compute the free symbols of each Σ (Π, ∫) once, not at every query.

    SymPy recomputes them on every access, walking the whole summand (and every Σ nested in it)
    each time, and asks for them whenever it decides a sign or whether an expression is a number:
    a sum nested k deep is walked k times per query. They depend on the expression alone, so each
    expression's set is remembered and a copy handed out (callers may change the set they get).
    """
    from sympy.concrete.expr_with_limits import ExprWithLimits

    original = ExprWithLimits.free_symbols
    if getattr(original.fget, "remembered", False):
        return

    @lru_cache(maxsize=_REMEMBERED_BOUND_EXPRESSIONS)
    def remembered(expr):
        return frozenset(original.fget(expr))

    def free_symbols(expr):
        return set(remembered(expr))

    free_symbols.remembered, free_symbols.computed = True, original.fget
    ExprWithLimits.free_symbols = property(free_symbols, doc=original.__doc__)


_remember_free_symbols_of_sums()


@dataclass(frozen=True)
class Assumptions:
    """What the symbolic checker may use: index ranges and substitution rules."""

    index_ranges: Mapping[sp.Symbol, tuple] = field(default_factory=dict)  # i ↦ (1, n)
    rules: tuple = ()  # Eq(lhs, rhs): lhs is replaced by rhs wherever it occurs

    def with_range(self, index, low, high) -> Assumptions:
        ranges = dict(self.index_ranges)
        ranges[index] = (low, high)
        return Assumptions(ranges, self.rules)


# --- normal form for indexed sums -------------------------------------------------


def evaluate_derivatives(expr):
    """Carry out every ∂ in ``expr`` without expanding symbolic sums into Piecewise."""
    if not expr.has(sp.Derivative):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Derivative), lambda e: e.doit(deep=False))


def _in_range(value, low, high, assumptions: Assumptions) -> bool:
    if assumptions.index_ranges.get(value) == (low, high):
        return True
    if value.is_Integer:
        return bool((value - low).is_nonnegative) and bool((high - value).is_nonnegative)
    return False


def _expand(expr):
    return sp.expand(expr, power_exp=False, power_base=False, log=False, mul=True, multinomial=True)


def _expanded_logs(expr):
    """log(ab) = log a + log b termwise, only where SymPy knows a, b > 0 (force=False).

    Without a log in it, ``expr`` is its own expansion: only a log expands under that hint.
    """
    return sp.expand_log(expr, force=False) if expr.has(sp.log) else expr


def _idempotent_deltas(expr):
    if not expr.has(sp.KroneckerDelta):
        return expr
    return expr.replace(
        lambda e: e.is_Pow and isinstance(e.base, sp.KroneckerDelta) and e.exp.is_Integer and e.exp > 0,
        lambda e: e.base,
    )


def _split_exponential(factor, index):
    """e^{a + f(k)} as the factors e^{a}, e^{f(k)}, where a does not depend on the index k."""
    if not (isinstance(factor, sp.exp) and factor.args[0].is_Add):
        return [factor]
    fixed = [a for a in factor.args[0].args if index not in a.free_symbols]
    if not fixed or len(fixed) == len(factor.args[0].args):
        return [factor]
    return [sp.exp(sp.Add(*fixed)), sp.exp(sp.Add(*(a for a in factor.args[0].args if index in a.free_symbols)))]


def _sum_of_term(term, index, low, high, assumptions):
    constant, varying = [], []
    for factor in (f for whole in sp.Mul.make_args(term) for f in _split_exponential(whole, index)):
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


_REMEMBERED_SUMS = 16384  # Σ whose normal form (by what it may assume) and renamed indices are kept
_NORMALIZED: dict = {}  # each node's normal form, by the node and what it may assume


def normalize_sums(expr, assumptions: Assumptions = Assumptions()):
    """Linear normal form of every Σ in ``expr`` (see the module docstring, step 2)."""
    if expr.is_Atom or isinstance(expr, (sp.Indexed, sp.IndexedBase)) or not expr.args:
        return expr
    # the same Σ, and the same terms around it, recur in a claim's neighbouring steps, and a node's form
    # depends on nothing else: each is rebuilt once, where SymPy's construction was most of the time
    key = (expr, frozenset(assumptions.index_ranges.items()), assumptions.rules)
    found = _NORMALIZED.get(key)
    if found is None:
        if isinstance(expr, sp.Sum):
            found = _normalized_sum(expr, assumptions)
        else:
            found = expr.func(*(normalize_sums(a, assumptions) for a in expr.args))
        if len(_NORMALIZED) >= _REMEMBERED_SUMS:
            _NORMALIZED.clear()
        _NORMALIZED[key] = found
    return found


def _normalized_sum(total: sp.Sum, assumptions: Assumptions):
    function, limits = total.function, total.limits
    if len(limits) > 1:  # the last limit is the outermost sum (SymPy merges Σ(Σ f) into one Sum)
        function = sp.Sum(function, *limits[:-1])
    index, low, high = limits[-1]
    inner_assumptions = assumptions.with_range(index, low, high)
    body = _idempotent_deltas(_expand(_expanded_logs(normalize_sums(function, inner_assumptions))))
    return sp.Add(*(_sum_of_term(t, index, low, high, inner_assumptions) for t in sp.Add.make_args(body)))


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
    """Replace each outermost Σ by a symbol (positive, or nonnegative, when its terms are), for simplification."""
    atoms = {}
    for counter, term in enumerate(sorted(expr.atoms(sp.Sum), key=sp.default_sort_key)):
        if term.function.is_positive:
            atoms[term] = sp.Symbol(f"Σ{counter}", positive=True)
        elif term.function.is_nonnegative:
            atoms[term] = sp.Symbol(f"Σ{counter}", nonnegative=True)
        else:
            atoms[term] = sp.Symbol(f"Σ{counter}", real=True)
    return expr.xreplace(atoms)


def canonical_dummies(expr, depth: int = 0):
    """Rename each Σ's index after its nesting depth, so equal sums compare equal."""
    if expr.is_Atom or isinstance(expr, (sp.Indexed, sp.IndexedBase)) or not expr.args:
        return expr
    return _canonical_node(expr, depth)


@lru_cache(maxsize=_REMEMBERED_SUMS)
def _canonical_node(expr, depth: int):
    """``expr`` (not an atom) with its Σ's indices renamed: once per process for each node and depth (the same
    terms recur in a claim's steps, at its points and in its proofs)."""
    if isinstance(expr, sp.Sum):
        return _canonical_sum(expr, depth)
    return expr.func(*(canonical_dummies(a, depth) for a in expr.args))


def _canonical_sum(total: sp.Sum, depth: int):
    """A Σ with its indices renamed."""
    *inner, (index, low, high) = total.limits  # a multiple sum is read as nested sums, the last limit outermost
    # the index is positive only where the sum starts at 1 or later: from 0, a condition k <= 0 on it holds once
    sign = {"positive": True} if (low - 1).is_nonnegative else {"nonnegative": True} if low.is_nonnegative else {}
    name = sp.Symbol(f"κ{depth}", integer=True, **sign)
    function = sp.Sum(total.function, *inner) if inner else total.function
    body = canonical_dummies(function.xreplace({index: name}), depth + 1)
    return sp.Sum(body, (name, low, high))


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

    if not expr.has(sp.Subs):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Subs), carry_out)


# a substitution left in the normal form must not reach atomize_sums: with its Σ
# replaced by a symbol, SymPy would drop the substitution as if it did nothing
_SUBSTITUTION_LEFT = "a substitution f|_{x=a} could not be carried out symbolically"


def products_as_sums(expr):
    """Π_k f_k as exp(Σ_k log f_k) where SymPy knows every factor f_k > 0 (so log Π = Σ log)."""

    def rewrite(product):
        if not product.function.is_positive:
            return product
        return sp.exp(sp.Sum(sp.log(product.function), *product.limits))

    if not expr.has(sp.Product):
        return expr
    return expr.replace(lambda e: isinstance(e, sp.Product), rewrite)


_TELESCOPING_SHIFTS = (1, -1, 2, -2, 3, -3)


def _coefficient_and_sum(term):
    factors = sp.Mul.make_args(term)
    sums = [f for f in factors if isinstance(f, sp.Sum) and len(f.limits) == 1]
    if len(sums) != 1:
        return None
    coefficient = sp.Mul(*(f for f in factors if f is not sums[0]))
    return None if sums[0].limits[0][0] in coefficient.free_symbols else (coefficient, sums[0])


class _Telescoping:
    """Telescoping pairs among the terms of one expression: each Σ's summand, shifted or not, is written
    out and expanded once, however many pairs it is compared in (expansion distributes over a difference,
    so f(i+s) − g expands to 0 exactly when the two expansions cancel)."""

    def __init__(self):
        self._expanded = {}

    def summand(self, total, shift: int):
        """The summand of the Σ ``total`` at its index + ``shift``, expanded."""
        key = (total, shift)
        if key not in self._expanded:
            index, f = total.limits[0][0], total.function
            self._expanded[key] = _expand(f.xreplace({index: index + shift}) if shift else f)
        return self._expanded[key]

    def telescoped(self, first, second):
        """Σ_{i=a}^{b} f(i) − Σ_{i=a}^{b} f(i+s) for a small integer shift s, written out; else None."""
        (index, low, high), f, g = first.limits[0], first.function, second.function
        for shift in _TELESCOPING_SHIFTS:
            if self.summand(first, shift) - self.summand(second, 0) != 0:
                continue
            if shift > 0:  # f(a), …, f(a+s−1) survive at the bottom, f(b+1), …, f(b+s) at the top
                return sp.Add(*(f.xreplace({index: low + m}) - f.xreplace({index: high + 1 + m}) for m in range(shift)))
            return -sp.Add(*(g.xreplace({index: low + m}) - g.xreplace({index: high + 1 + m}) for m in range(-shift)))
        return None


def telescope_sums(expr):
    """c Σ_{i=a}^{b} f(i) − c Σ_{i=a}^{b} f(i+s) → c (f(a) + … − f(b+s)): telescoping, in every sum of terms."""
    telescoping = _Telescoping()

    def collapse(total):
        terms = list(sp.Add.make_args(total))
        splits = [_coefficient_and_sum(term) for term in terms]  # each term split once, not once per pair
        for left in range(len(terms)):
            split = splits[left]
            for right in range(len(terms)):
                other = splits[right] if right != left and split else None
                if other is None or split[1].limits != other[1].limits or _expand(split[0] + other[0]) != 0:
                    continue
                collapsed = telescoping.telescoped(split[1], other[1])
                if collapsed is not None:
                    rest = [t for position, t in enumerate(terms) if position not in (left, right)]
                    return collapse(sp.Add(*rest, split[0] * collapsed))
        return total

    return expr.replace(lambda e: e.is_Add and e.has(sp.Sum), collapse)


def normal_form(expr, assumptions: Assumptions = Assumptions()):
    """Steps 1–3 of the module docstring: unfold, differentiate, normalise sums, apply rules.

    Products of positive factors become sums of logarithms, and telescoping pairs
    of sums over the same range are written out.
    """
    expr = products_as_sums(evaluate_derivatives(unfold(expr, remember=True)))
    expr = evaluate_substitutions(normalize_sums(expr, assumptions))
    expr = telescope_sums(canonical_dummies(expr))
    expr = apply_rules(expr, assumptions)
    return canonical_dummies(normalize_sums(expr, assumptions))


# --- order of summation ------------------------------------------------------------

_MAX_PERMUTED = 5  # up to this many summation variables in one term, every order is tried


def _sum_terms(total):
    """Σ over ``total``'s limits as (limits, body) pairs with fresh variables, or None if not rectangular."""
    fresh = {index: sp.Dummy(str(index), integer=True) for index, _, _ in total.limits}
    limits = [(fresh[index], low.xreplace(fresh), high.xreplace(fresh)) for index, low, high in total.limits]
    terms = []
    for inner_limits, inner_body in _flat_terms(total.function.xreplace(fresh)):
        merged = tuple(limits) + inner_limits
        variables = {v for v, _, _ in merged}
        if any((low.free_symbols | high.free_symbols) & variables for _, low, high in merged):
            return None
        terms.append((merged, inner_body))
    return terms


def _flat_terms(expr):
    """``expr`` as a list of (limits, body), meaning Σ_limits body, with every Σ factor multiplied in."""
    out = []
    for term in sp.Add.make_args(_expand(expr)):
        parts = [((), sp.Integer(1))]
        for factor in sp.Mul.make_args(term):
            copies, base = 1, factor
            if factor.is_Pow and isinstance(factor.base, sp.Sum) and factor.exp.is_Integer and factor.exp > 0:
                copies, base = int(factor.exp), factor.base
            first = _sum_terms(base) if isinstance(base, sp.Sum) else None
            # (Σ f)^c is c copies of Σ f, each with variables of its own
            choices = [[((), factor)]] if first is None else [first] + [_sum_terms(base) for _ in range(copies - 1)]
            for options in choices:
                parts = [(l1 + l2, b1 * b2) for l1, b1 in parts for l2, b2 in options]
        out.extend(parts)
    return out


def _inner(expr, depth, enclosing):
    """The Σ inside a factor (in an exp, a power, …) brought to the same form."""
    if expr.is_Atom or isinstance(expr, (sp.Indexed, sp.IndexedBase)) or not expr.args:
        return expr
    if isinstance(expr, sp.Sum):  # a Σ that holds no enclosing variable may reuse their names
        if _sum_terms(expr) is None:  # a range depends on another variable: kept as written
            return expr
        return fubini_form(expr, depth, enclosing) if expr.free_symbols & enclosing else fubini_form(expr)
    return expr.func(*(_inner(a, depth, enclosing) for a in expr.args))


def _least_range_orders(used, orders):
    """The orders of summation whose ranges, written out (``srepr``), come first.

    The canonical order is the least ``srepr((ranges, summand))``, which starts with the ranges'
    ``srepr``. Two ranges' texts are balanced brackets, so where they differ, one is not a prefix of
    the other and the ranges alone decide; only an order with the least ranges (or ranges written
    as a continuation of them) can win. The others are skipped before their summands are renamed
    and written out, in the order given, so ties are broken as before.
    """
    orders = list(orders)
    written = [sp.srepr(tuple((used[o][1], used[o][2]) for o in order)) for order in orders]
    least = min(written)
    return [order for order, text in zip(orders, written) if text.startswith(least)]


def _canonical(limits, body, depth, enclosing):
    """Σ_limits body with the variables named and ordered canonically (the least of all orders)."""
    used = [(v, low, high) for v, low, high in limits if v in body.free_symbols]
    for v, low, high in limits:
        if v not in body.free_symbols:
            body = body * (high - low + 1)
    variables = {v for v, _, _ in used}
    coefficient = sp.Mul(*(f for f in sp.Mul.make_args(body) if not f.free_symbols & variables))
    body = sp.Mul(*(f for f in sp.Mul.make_args(body) if f.free_symbols & variables))
    coefficient = _inner(coefficient, depth, enclosing)
    if not used:
        return coefficient
    orders = itertools.permutations(range(len(used))) if len(used) <= _MAX_PERMUTED else [tuple(range(len(used)))]
    best = None
    for order in _least_range_orders(used, orders):
        ranges = [(used[o][1], used[o][2]) for o in order]
        names = [
            sp.Symbol(f"ν{depth}_{t}", integer=True, positive=bool(low.is_positive) or None)
            for t, (low, _) in enumerate(ranges)
        ]
        renamed = _inner(
            body.xreplace({used[o][0]: names[t] for t, o in enumerate(order)}), depth + 1, enclosing | set(names)
        )
        key = sp.srepr((tuple(ranges), renamed))
        if best is None or key < best[0]:
            best = (key, sp.Sum(renamed, *((name, low, high) for name, (low, high) in zip(names, ranges))))
    return coefficient * best[1]


def fubini_form(expr, depth: int = 0, enclosing: frozenset = frozenset()):
    """Each term as one multiple Σ with its summation variables in a canonical order.

    Finite sums over ranges that do not depend on each other's variables may be
    multiplied out and reordered (Σ_a Σ_b = Σ_b Σ_a, (Σ_a f)(Σ_b g) = Σ_a Σ_b f g,
    (Σ_a f)² = Σ_a Σ_b f(a) f(b)), so two such forms are equal when their sums are
    equal up to order and names. A Σ whose range depends on another's variable is
    kept as a factor.
    """
    return sp.Add(
        *(_canonical(limits, body, depth, frozenset(enclosing)) for limits, body in _flat_terms(sp.sympify(expr)))
    )


def _merged_summands(form):
    """Σ_R f + c Σ_R g + … as one summand f + c g + … per range R (and the terms outside any Σ)."""
    rest, summands = [], {}
    for term in sp.Add.make_args(form):
        factors = sp.Mul.make_args(term)
        sums = [f for f in factors if isinstance(f, sp.Sum)]
        if len(sums) != 1:
            rest.append(term)
            continue
        coefficient = sp.Mul(*(f for f in factors if f is not sums[0]))
        summands[sums[0].limits] = summands.get(sums[0].limits, 0) + coefficient * sums[0].function
    return sp.Add(*rest), summands


def _reordered(form):
    """``fubini_form(form)``, or None without sums or where SymPy fails on it (the other attempts still run)."""
    if not form.has(sp.Sum):
        return None
    try:
        return fubini_form(form)
    except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError):
        return None


# --- further rules, tried only when the rules above leave a step open ------------------
#
# Each is an identity that holds for every value of its symbols, applied in one
# direction. They run only after the normal form and the candidates above fail, so
# a step proved without them is checked exactly as before.

_MAX_PEELED = 3  # Σ_{i=a}^{b±c} is compared with Σ_{i=a}^{b} for integer c up to this size


def peel_shifted_bounds(expr):
    """Σ_{i=a}^{b+c} f(i) = Σ_{i=a}^{b} f(i) + f(b+1) + … + f(b+c) for a small integer c.

    For c < 0 the terms f(b+c+1), …, f(b) are subtracted instead. (SymPy's Σ follows
    Karr's convention, Σ_a^b + Σ_{b+1}^c = Σ_a^c, so this holds for every b.)
    """

    def peel(total):
        if len(total.limits) != 1:
            return total
        (index, low, high), body = total.limits[0], total.function
        shift, base = sp.sympify(high).as_coeff_Add()
        if not shift.is_Integer or shift == 0 or not base.free_symbols or abs(shift) > _MAX_PEELED:
            return total
        main = sp.Sum(body, (index, low, base))
        if shift > 0:
            return main + sp.Add(*(body.xreplace({index: base + m}) for m in range(1, int(shift) + 1)))
        return main - sp.Add(*(body.xreplace({index: base - m}) for m in range(0, -int(shift))))

    return expr.replace(lambda e: isinstance(e, sp.Sum), peel)


def split_index_powers(expr):
    """Σ_i c^{a + e(i)} f(i) = c^a Σ_i c^{e(i)} f(i) when neither c nor a involves i."""

    def split(total):
        if len(total.limits) != 1:
            return total
        index = total.limits[0][0]
        outside, inside = [], []
        for factor in sp.Mul.make_args(total.function):
            if factor.is_Pow and index not in factor.base.free_symbols and factor.exp.is_Add:
                constant, varying = factor.exp.as_independent(index, as_Add=True)
                if constant != 0 and varying != 0:
                    outside.append(factor.base**constant)
                    inside.append(factor.base**varying)
                    continue
            inside.append(factor)
        if not outside:
            return total
        return sp.Mul(*outside) * sp.Sum(sp.Mul(*inside), *total.limits)

    return expr.replace(lambda e: isinstance(e, sp.Sum), split)


def closed_form_sums(expr):
    """Each Σ whose terms hold only its index, scalar symbols and elementary functions,
    replaced by SymPy's closed form where it finds a finite one (a geometric sum, Σ 1/i²)."""

    def close(total):
        body = total.function
        if body.has(sp.Indexed, sp.Sum, sp.Derivative, sp.Subs):
            return total
        if any(not type(f).__module__.startswith("sympy.functions.elementary") for f in body.atoms(sp.Function)):
            return total
        value = total.doit()
        if value.has(sp.Sum, sp.oo, -sp.oo, sp.zoo, sp.nan):
            return total
        return value

    return expr.replace(lambda e: isinstance(e, sp.Sum), close)


def pull_signed_factors(expr):
    """min(ca, cb) = c min(a, b) for c > 0 and c max(a, b) for c < 0; the same for max."""

    def pull(lattice):
        common = None
        for arg in lattice.args:
            factors = set(sp.Mul.make_args(arg))
            common = factors if common is None else common & factors
        signed = [f for f in common or () if f.is_positive or f.is_negative]
        if not signed:
            return lattice
        factor = sp.Mul(*signed)
        flipped = {sp.Min: sp.Max, sp.Max: sp.Min}[lattice.func] if factor.is_negative else lattice.func
        return factor * flipped(*(arg / factor for arg in lattice.args))

    return expr.replace(lambda e: isinstance(e, (sp.Min, sp.Max)), pull)


def _every_case_is_zero(value, is_zero) -> bool:
    """Whether a Piecewise is 0, by ``is_zero``, in every branch where the branch's condition holds.

    An equation x = c in a condition is solved for its one symbol and put in first
    (a geometric sum's branch for ratio 1); other branches must be 0 as they are.
    """
    if not isinstance(value, sp.Piecewise):
        return False
    for branch, condition in value.args:
        if condition == sp.false:
            continue
        if isinstance(condition, sp.Eq):
            unknowns = sorted(condition.free_symbols, key=sp.default_sort_key)
            solutions = sp.solve(condition, unknowns[0], dict=True) if len(unknowns) == 1 else []
            if not solutions or any(not is_zero(branch.subs(solution)) for solution in solutions):
                return False
        elif not is_zero(branch):
            return False
    return True


def _branches_vanish(value) -> bool:
    """Whether a Piecewise simplifies to 0 in every branch, where the branch's condition holds."""
    return _every_case_is_zero(value, lambda branch: sp.simplify(branch) == 0)


def _cases_cancel(expr) -> bool:
    """Whether ``expr``, its Piecewise factors folded into one Piecewise, is 0 in every case once each
    case is put over one denominator and cancelled: a closed-form sum's cases, shown 0 without ``simplify``."""
    return _every_case_is_zero(sp.piecewise_fold(expr), lambda branch: sp.cancel(sp.together(branch)) == 0)


def _further_candidates(atomic):
    yield from _zero_candidates(atomic)
    if atomic.has(sp.Piecewise):  # the numerator alone, as sp.cancel does: identities hold where denominators are not 0
        yield sp.simplify(sp.numer(sp.together(atomic)))


class _Difference:
    """The difference of a step's sides in normal form, with the forms the strategies share computed once."""

    def __init__(self, form, assumptions):
        self.form, self.assumptions = form, assumptions

    @cached_property
    def reordered(self):
        return _reordered(self.form)

    @cached_property
    def atomic(self):
        return atomize_sums(self.form)

    @cached_property
    def further(self):
        """The normal form after the further rules, its sums atomized (None where those rules cannot apply)."""
        if not self.form.has(sp.Sum, sp.Min, sp.Max, sp.Piecewise):
            return None
        rewritten = normal_form(peel_shifted_bounds(self.form), self.assumptions)
        return atomize_sums(pull_signed_factors(closed_form_sums(split_index_powers(rewritten))))


def _by_reordering(difference):
    return "sums multiplied out and reordered" if difference.reordered == 0 else ""


def _by_algebra(difference):
    if any(_is_zero(candidate) for candidate in _zero_candidates(difference.atomic)):
        return "algebraic simplification"
    return ""


def _by_reordering_then_algebra(difference):
    if difference.reordered is None:
        return ""
    expanded = _expand(atomize_sums(difference.reordered))
    # not 0 at an allowed point: cancelling cannot reach 0 (a closed-form sum the further rules prove, 10-20 ms)
    if _is_zero(expanded) or not shown_nonzero(expanded) and _is_zero(sp.cancel(sp.together(expanded))):
        return "sums reordered, then algebraic simplification"
    return ""


def _by_further_rules(difference):
    """The rules above (shifted bounds, closed-form sums, signs out of min and max), then the usual candidates."""
    atomic = difference.further
    if atomic is not None and atomic.has(sp.Piecewise):  # cheap before simplify; the numerator alone as below
        if _cases_cancel(atomic) or _cases_cancel(sp.numer(sp.together(atomic))):
            return "further rules (shifted bounds, closed-form sums, signs out of min/max)"
    if atomic is not None:
        for candidate in _further_candidates(atomic):
            if _is_zero(candidate) or _branches_vanish(candidate):
                return "further rules (shifted bounds, closed-form sums, signs out of min/max)"
    return ""


def _by_case_split(difference):
    atomic = difference.further
    if atomic is not None and atomic.has(sp.Min, sp.Max, sp.Piecewise):
        cases = sp.simplify(sp.piecewise_fold(atomic.rewrite(sp.Piecewise)))
        if _is_zero(cases) or _branches_vanish(cases):
            return "case split of min, max and Piecewise"
    return ""


def _by_merging(difference):
    if difference.reordered is None:
        return ""
    rest, summands = _merged_summands(difference.reordered)
    if summands and _vanishes(rest) and all(_vanishes(body) for body in summands.values()):
        return "sums over the same range merged, summand simplified"
    return ""


# The ladder prove_zero climbs once the normal form is not 0 itself, cheapest first: the first
# strategy that reaches 0 names the method. A step may name the one that proves it (Step(proof=…)):
# that strategy is tried first, and the ladder still runs when it does not prove the step.
_ZERO_LADDER = {
    "reordered": _by_reordering,
    "algebra": _by_algebra,
    "reordered algebra": _by_reordering_then_algebra,
    "further rules": _by_further_rules,
    "case split": _by_case_split,
    "merged sums": _by_merging,
}


def _lattice_lower_bounds(expr):
    """expr with one min (max) replaced by one of its arguments, where that cannot raise expr.

    If expr = R + c·min(a_1, …) with c ≤ 0, then expr ≥ R + c·a_k for each k, since
    min ≤ a_k; likewise for c ≥ 0 and a max. A lower bound ≥ 0 shows expr ≥ 0.
    """
    expanded = _expand(expr)
    for lattice in expanded.atoms(sp.Min, sp.Max):
        coefficient = expanded.coeff(lattice)
        rest = _expand(expanded - coefficient * lattice)
        if coefficient == 0 or rest.has(lattice) or coefficient.has(lattice):
            continue
        lowers = coefficient.is_nonpositive if isinstance(lattice, sp.Min) else coefficient.is_nonnegative
        if lowers:
            for arg in lattice.args:
                yield _expand(rest + coefficient * arg)


def _zero_candidates(expr):
    """Cheap rewrites first, ``simplify`` last: each yields an expression to test against 0."""
    yield expr
    expanded = _expand(expr)
    yield expanded
    if shown_nonzero(expr):  # a value that is not 0 at an allowed point: no rewrite of it reaches 0
        return
    if expr.has(*_TRIGONOMETRIC):  # before the rational rewrites, which leave sines and cosines of sums as they are
        try:  # a few ms where simplify takes 40 to 120 on the same identities
            yield _trigonometric_numerator(expr)
        except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError):
            pass  # not rewritten: simplify decides, as without this candidate
    yield sp.cancel(sp.together(expanded))
    logs = _expanded_logs(expanded)
    yield _expand(logs)
    powers = sp.powsimp(logs, force=False)
    if powers != expanded:  # else it is the cancelled one again (no logarithm to split, no powers to combine)
        yield sp.cancel(sp.together(powers))
    if expr.has(sp.Limit):
        try:  # SymPy's exact limits, a few ms, where simplify spends most of a second taking them itself
            yield _expand(_limits_taken(expr))
        except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError, PoleError):
            pass  # not taken: simplify decides, as without this candidate
    yield sp.simplify(expr)


def _limits_taken(expr):
    """``expr`` with each limit in it carried out by SymPy (innermost first)."""
    return expr.replace(lambda e: isinstance(e, sp.Limit), lambda limit: limit.doit())


_TRIGONOMETRIC = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)
_IN_SINES_AND_COSINES = {
    sp.tan: lambda u: sp.sin(u) / sp.cos(u),
    sp.cot: lambda u: sp.cos(u) / sp.sin(u),
    sp.sec: lambda u: 1 / sp.cos(u),
    sp.csc: lambda u: 1 / sp.sin(u),
}


def _trigonometric_numerator(expr):
    """The numerator of ``expr`` written in sines and cosines of single angles, expanded, with sin² = 1 − cos²:
    0 for the identities of the trigonometric tables (double angles, sums of angles, 1 + tan² = sec²)."""
    for function, quotient in _IN_SINES_AND_COSINES.items():
        if expr.has(function):
            expr = expr.replace(function, quotient)
    return _pythagoras(_expand(sp.numer(sp.together(_expand(sp.expand_trig(expr))))))


def _pythagoras(expr):
    """``expr`` with sin(x)² written 1 − cos(x)² for every x (an identity)."""
    squares = {sp.sin(x) ** 2: 1 - sp.cos(x) ** 2 for x in (f.args[0] for f in expr.atoms(sp.sin))}
    return _expand(expr.subs(squares)) if squares else expr


def _vanishes(expr) -> bool:
    """Whether ``expr`` is shown to be 0: expanded, with trigonometric functions of sums expanded and
    sin² + cos² = 1 (cheap, and enough for a rotation's entries), else by ``simplify``."""
    if _is_zero(_expand(expr)):
        return True
    if expr.has(sp.sin, sp.cos):
        expanded = _expand(sp.expand_trig(expr))
        if _is_zero(expanded) or _is_zero(_pythagoras(expanded)):
            return True
    return not shown_nonzero(expr) and _is_zero(sp.simplify(expr))


def _is_zero(value) -> bool:
    if isinstance(value, sp.MatrixBase):
        return all(entry == 0 for entry in value)
    return value == 0 or getattr(value, "is_ZeroMatrix", False)


@dataclass(frozen=True)
class SymbolicVerdict:
    proved: bool
    method: str  # how it was proved, or why it was not


def _guarded(budget: float, attempt, steps: int = 0) -> SymbolicVerdict:
    """Run a symbolic attempt under the time budget (and ``steps``, a step budget, if given); SymPy giving up is
    "not proved", never an error."""
    token = counted = None
    try:
        with time_budget(budget) as token, step_budget(steps) as counted:
            return attempt()
    except OutOfTime as exc:
        if exc.budget is not token:
            raise  # an enclosing budget ran out: not this check's to report
        return SymbolicVerdict(False, f"symbolic check timed out after {budget:g} s")
    except OutOfSteps as exc:
        if exc.budget is not counted:
            raise
        return SymbolicVerdict(False, f"symbolic check ran out of its {steps:,} steps")
    except (TypeError, ValueError, NotImplementedError, AttributeError, RecursionError) as exc:
        return SymbolicVerdict(False, f"SymPy failed ({type(exc).__name__})")


def prove_zero(
    expr,
    assumptions: Assumptions = Assumptions(),
    budget: float = DEFAULT_BUDGET_SECONDS,
    hint: str = "",
    steps: int = 0,
) -> SymbolicVerdict:
    """Whether SymPy shows ``expr == 0`` under ``assumptions`` within ``budget`` seconds (and ``steps`` objects
    kept, if given: see :func:`derive.budgets.step_budget`).

    ``hint`` names the strategy of the ladder expected to prove it (:data:`PROOF_STRATEGIES`): it is
    tried first, so the strategies before it in the ladder are skipped when it succeeds; when it does
    not, the whole ladder runs as without a hint. Either way the verdict and method are the ladder's
    when the hint names the first strategy that proves the step.
    """

    def attempt():
        if isinstance(expr, sp.MatrixExpr) or getattr(expr, "is_Matrix", False):
            explicit = sp.expand(expr).doit()
            entrywise = isinstance(explicit, sp.MatrixBase) and all(_vanishes(entry) for entry in explicit)
            proved = entrywise or _is_zero(sp.simplify(explicit))
            return SymbolicVerdict(proved, "matrix algebra" if proved else "SymPy left a nonzero matrix expression")
        form = normal_form(expr, assumptions)
        if form == 0:
            return SymbolicVerdict(True, "normal form of sums")
        if form.has(sp.Subs):
            return SymbolicVerdict(False, _SUBSTITUTION_LEFT)
        difference = _Difference(form, assumptions)
        tried = _ZERO_LADDER[hint](difference) if hint in _ZERO_LADDER else ""
        if tried:
            return SymbolicVerdict(True, tried)
        for name, strategy in _ZERO_LADDER.items():
            method = "" if name == hint else strategy(difference)  # a hint that failed fails again
            if method:
                return SymbolicVerdict(True, method)
        return SymbolicVerdict(False, "SymPy could not reduce the difference to 0")

    return _guarded(budget, attempt, steps)


def _by_lattice_bound(atomic, strict):
    for bound in _lattice_lower_bounds(atomic):
        if bound.is_positive if strict else bound.is_nonnegative:
            return "a min (max) bounded by one of its arguments"
    return ""


def prove_nonnegative(
    expr,
    assumptions: Assumptions = Assumptions(),
    budget: float = DEFAULT_BUDGET_SECONDS,
    strict: bool = False,
    hint: str = "",
) -> SymbolicVerdict:
    """Whether SymPy shows ``expr ≥ 0`` (``> 0`` if strict) under ``assumptions``.

    ``hint`` as for :func:`prove_zero`: ``"lattice bound"`` tries the bound by a min's (max's)
    arguments first.
    """

    def attempt():
        if hint == "lattice bound":
            form = normal_form(expr, assumptions)
            if not form.has(sp.Subs):
                method = _by_lattice_bound(atomize_sums(form), strict)
                if method:
                    return SymbolicVerdict(True, method)
        # before sums are expanded: a Σ of squares is ≥ 0 as written, not once multiplied out
        written = atomize_sums(products_as_sums(evaluate_derivatives(unfold(expr, remember=True))))
        if not written.has(sp.Subs) and (written.is_positive if strict else written.is_nonnegative):
            return SymbolicVerdict(True, "sign decided by SymPy (sums as written)")
        form = normal_form(expr, assumptions)
        if form.has(sp.Subs):
            return SymbolicVerdict(False, _SUBSTITUTION_LEFT)
        atomic = atomize_sums(form)
        for candidate in (atomic, sp.factor(sp.together(atomic)), sp.simplify(atomic)):
            if candidate.is_positive if strict else candidate.is_nonnegative:
                return SymbolicVerdict(True, "sign decided by SymPy")
        method = _by_lattice_bound(atomic, strict)
        if method:
            return SymbolicVerdict(True, method)
        return SymbolicVerdict(False, "SymPy could not decide the sign")

    return _guarded(budget, attempt)


#: the names a step may give as the strategy that proves it (``Step(proof=…)``)
PROOF_STRATEGIES = (*_ZERO_LADDER, "lattice bound")
