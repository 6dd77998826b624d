"""The symbolic checker's shortcuts give what the full computation gives, and proofs through them still reject a wrong step."""

import itertools

import pytest
import sympy as sp
from sympy.concrete.expr_with_limits import ExprWithLimits

from derive.notation import delta, j, k, n, p, z
from derive.symbolic import Assumptions, fubini_form, prove_zero

symbolic = __import__("derive.symbolic", fromlist=["_expanded_logs"])

a, b = sp.symbols("a b", positive=True)
x = sp.Symbol("x", real=True)
l, m, t = (sp.Symbol(name, integer=True, positive=True) for name in ("l", "m", "t"))
d = sp.Symbol("d", integer=True, positive=True)
K, Q = sp.IndexedBase("K", real=True), sp.IndexedBase("Q", real=True)
RANGES = Assumptions({j: (1, n)})


@pytest.mark.parametrize(
    "expr",
    [
        (a + x) * sp.exp(x) * (b + 1),  # no log: its own expansion
        sp.Sum(z[k] * (z[k] + a), (k, 1, n)),
        sp.log(a * b) * (x + 1),  # a log of positive factors: split
        sp.log(x * a) + sp.log(4) / sp.log(2),
        sp.Sum(sp.log(p[k] * a), (k, 1, n)),
    ],
)
def test_log_expansion_is_sympys_with_or_without_a_log(expr):
    assert symbolic._expanded_logs(expr) == sp.expand_log(expr, force=False)


def test_remembered_free_symbols_are_the_sums_own_and_a_fresh_set_each_time():
    inner = sp.Sum(K[k, l] * Q[j, l], (l, 1, d))
    total = sp.Sum(sp.exp(inner) * z[k], (k, 1, n))
    computed = ExprWithLimits.free_symbols.fget.computed  # SymPy's own, walking the summand
    first = total.free_symbols
    assert first == computed(total) and {j, d, n} <= first and not {k, l} & first
    first.add(x)  # a caller may change the set it is given
    assert total.free_symbols == computed(total) and x not in total.free_symbols
    assert inner.free_symbols == computed(inner)
    assert sp.Sum(z[k], (k, 1, 3)).is_number is False and sp.Sum(k, (k, 1, 3)).is_number


def _exhaustive_fubini(expr, monkeypatch):
    monkeypatch.setattr(symbolic, "_least_range_orders", lambda used, orders: list(orders))
    try:
        return fubini_form(expr)
    finally:
        monkeypatch.undo()


@pytest.mark.parametrize(
    "expr",
    [
        # ranges of two lengths: only the orders with the least ranges are written out
        sp.Sum(sp.Sum(sp.Sum(K[k, l] * Q[m, l] * z[m], (m, 1, n)), (l, 1, d)), (k, 1, n)),
        sp.Sum(z[k], (k, 1, n)) * sp.Sum(K[l, m], (l, 1, d), (m, 1, n)) * sp.Sum(Q[t, t], (t, 1, d)),
        sp.Sum(z[k] * z[l], (k, 1, n), (l, 1, n)) ** 2,  # equal ranges: every order ties on them
        sp.Sum(K[k, l] * z[k], (k, 0, n), (l, 1, n + 1)),
    ],
)
def test_the_order_of_summation_is_the_least_of_all_orders(expr, monkeypatch):
    assert fubini_form(expr) == _exhaustive_fubini(expr, monkeypatch)


def test_reordered_sums_prove_a_swap_and_reject_a_wrong_one():
    swapped = sp.Sum(sp.Sum(K[k, l] * z[l], (l, 1, d)), (k, 1, n)) - sp.Sum(
        sp.Sum(K[k, l] * z[l], (k, 1, n)), (l, 1, d)
    )
    assert prove_zero(swapped).proved
    wrong = sp.Sum(sp.Sum(K[k, l] * z[l], (l, 1, d)), (k, 1, n)) - sp.Sum(sp.Sum(K[l, k] * z[l], (k, 1, n)), (l, 1, d))
    assert not prove_zero(wrong).proved


def test_a_step_without_logs_or_deltas_is_still_proved_and_its_wrong_variant_not():
    assert prove_zero(
        sp.Sum(z[k] * (z[k] + a), (k, 1, n)) - sp.Sum(z[k] ** 2, (k, 1, n)) - a * sp.Sum(z[k], (k, 1, n))
    ).proved
    assert not prove_zero(sp.Sum(z[k] * (z[k] + a), (k, 1, n)) - sp.Sum(z[k] ** 2, (k, 1, n))).proved
    picked = sp.Sum(delta(j, k) ** 2 * sp.log(p[k] * a), (k, 1, n))
    assert prove_zero(picked - sp.log(p[j]) - sp.log(a), RANGES).proved
    assert not prove_zero(picked - sp.log(p[j]), RANGES).proved


def test_every_order_is_tried_for_equal_ranges():
    ranges = [(l, 1, n), (m, 1, n), (t, 1, n)]
    orders = symbolic._least_range_orders(ranges, itertools.permutations(range(3)))
    assert len(orders) == 6
    mixed = [(l, 1, n), (m, 1, d), (t, 1, n)]
    kept = symbolic._least_range_orders(mixed, itertools.permutations(range(3)))
    assert 0 < len(kept) < 6


y = sp.Symbol("y", real=True)
TRIGONOMETRIC_IDENTITIES = [
    sp.sin(2 * x) - 2 * sp.sin(x) * sp.cos(x),
    sp.cos(2 * x) - (sp.cos(x) ** 2 - sp.sin(x) ** 2),
    sp.tan(x) - sp.sin(x) / sp.cos(x),
    sp.sin(x + y) - (sp.sin(x) * sp.cos(y) + sp.cos(x) * sp.sin(y)),
    1 + sp.tan(x) ** 2 - sp.sec(x) ** 2,
    sp.cot(x) * sp.tan(x) - 1,
    sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1,
]


@pytest.mark.parametrize("identity", TRIGONOMETRIC_IDENTITIES)
def test_the_trigonometric_candidate_closes_what_simplify_closes_with_the_same_method(identity, monkeypatch):
    assert symbolic._trigonometric_numerator(identity) == 0
    assert sp.simplify(identity) == 0  # the candidate only comes first: simplify reaches 0 too
    assert prove_zero(identity).method == "algebraic simplification"
    monkeypatch.setattr(symbolic, "_trigonometric_numerator", lambda expr: expr)  # without it, simplify proves it
    assert prove_zero(identity).method == "algebraic simplification"


@pytest.mark.parametrize("identity", TRIGONOMETRIC_IDENTITIES)
def test_a_trigonometric_identity_is_proved_before_the_rational_rewrites_are_tried(identity, monkeypatch):
    cancelled, cancel = [], sp.cancel
    monkeypatch.setattr(
        symbolic.sp, "cancel", lambda *args, **kwargs: cancelled.append(args) or cancel(*args, **kwargs)
    )
    assert prove_zero(identity).method == "algebraic simplification"
    assert not cancelled


@pytest.mark.parametrize(
    "wrong",
    [
        sp.sin(2 * x) - sp.sin(x) * sp.cos(x),
        sp.cos(2 * x) - (2 * sp.cos(x) ** 2 + 1),
        sp.cos(x + y) - (sp.cos(x) * sp.cos(y) + sp.sin(x) * sp.sin(y)),
        1 + sp.tan(x) ** 2 - sp.csc(x) ** 2,
    ],
)
def test_a_wrong_trigonometric_identity_is_not_proved(wrong):
    assert symbolic._trigonometric_numerator(wrong) != 0
    assert not prove_zero(wrong).proved


s = sp.Symbol("s", positive=True)
q = sp.IndexedBase("q", positive=True)
LIMIT_IDENTITIES = [
    sp.Limit(s * sp.log(s), s, 0, "+") - sp.Limit(s * sp.log(s / q[n]), s, 0, "+"),  # 0 log 0 = 0 either way
    sp.Limit(sp.sin(s) / s, s, 0) - 1,
    sp.Limit((1 + 1 / s) ** s, s, sp.oo) - sp.E,
]


@pytest.mark.parametrize("identity", LIMIT_IDENTITIES)
def test_the_limits_candidate_closes_what_simplify_closes_with_the_same_method(identity, monkeypatch):
    assert symbolic._expand(symbolic._limits_taken(identity)) == 0
    assert sp.simplify(identity) == 0  # the candidate only comes first: simplify reaches 0 too
    assert prove_zero(identity).method == "algebraic simplification"
    monkeypatch.setattr(symbolic, "_limits_taken", lambda expr: expr)  # without it, simplify proves it
    assert prove_zero(identity).method == "algebraic simplification"


@pytest.mark.parametrize(
    "wrong",
    [
        sp.Limit(s * sp.log(s) + 1, s, 0, "+") - sp.Limit(s * sp.log(s / q[n]), s, 0, "+"),
        sp.Limit(sp.sin(2 * s) / s, s, 0) - 1,
        sp.Limit((1 + 2 / s) ** s, s, sp.oo) - sp.E,
    ],
)
def test_a_wrong_limit_identity_is_not_proved(wrong):
    assert symbolic._expand(symbolic._limits_taken(wrong)) != 0
    assert not prove_zero(wrong).proved


def test_the_cancelled_candidate_is_not_tried_twice_where_no_power_or_logarithm_changes_it(monkeypatch):
    cancelled = []
    cancel = sp.cancel
    monkeypatch.setattr(
        sp, "cancel", lambda expr, *args, **kwargs: cancelled.append(expr) or cancel(expr, *args, **kwargs)
    )
    identity = sp.Abs(x * y) - sp.Abs(x) * sp.Abs(y)  # proved by simplify, after the cancelled candidate
    proved = prove_zero(identity)
    assert proved.proved and proved.method == "algebraic simplification" and len(cancelled) == 1
    assert not prove_zero(sp.Abs(x * y) - sp.Abs(x) * sp.Abs(y) - sp.Abs(x + y)).proved
