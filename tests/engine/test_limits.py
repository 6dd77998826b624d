"""Limits by their dominant terms: the values SymPy's limit gives, or no answer (SymPy then takes it)."""

import mpmath
import pytest
import sympy as sp

import derive.numeric as numeric
from derive.domain import Point
from derive.limits import dominant_limit
from derive.numeric import evaluate, holds

T = sp.Symbol("T", positive=True)
t = sp.Symbol("t", positive=True)
R = sp.Rational

DECIDED = [
    sp.Limit(sp.exp(R(3, 7) / T) / (sp.exp(R(3, 7) / T) + sp.exp(R(1, 5) / T) + sp.exp(R(-2, 3) / T)), T, 0, "+"),
    sp.Limit(sp.exp(R(1, 5) / T) / (sp.exp(R(3, 7) / T) + sp.exp(R(1, 5) / T)), T, 0, "+"),
    sp.Limit(sp.exp(R(1, 5) / T) / (sp.exp(R(3, 7) / T) + sp.exp(R(1, 5) / T)), T, sp.oo, "-"),
    sp.Limit(sp.exp(-R(5, 3) * t), t, sp.oo, "-"),
    sp.Limit(t * sp.log(t / R(3, 8)), t, 0, "+"),
    sp.Limit(t * sp.log(t) - t * sp.log(R(3, 8)), t, 0, "+"),
    sp.Limit((1 + T) ** 2 / (T**2 + 3), T, sp.oo, "-"),
    sp.Limit(t**2 * sp.log(t) ** 3 / sp.exp(t), t, sp.oo),
    sp.Limit(sp.log(2 + t) / sp.log(2), t, 0, "+"),
    sp.Limit((sp.exp(1 / t + 1) + 1) / sp.exp(1 / t + 1), t, 0, "+"),
    sp.Limit(sp.log(t**2) / sp.log(t), t, sp.oo),
    sp.Limit(R(9, 10) * (1 - R(1, 2) * R(24, 25) ** (R(123, 100) * t)), t, sp.oo),  # NAdam's momentum schedule
    sp.Limit((1 - R(3, 4) ** (2 * t)) / (1 - R(3, 4) ** t), t, sp.oo),
    sp.Limit((sp.exp(T) + R(1, 3)) / (1 - sp.exp(2 * T)), T, -sp.oo),
    sp.Limit(R(5, 4) ** t / (R(5, 4) ** t + sp.exp(t / 5)), t, sp.oo),  # log(5/4) > 1/5: the power leads
]
# limits SymPy cannot take (its series of max and min fail): the values worked by hand
DECIDED_BY_HAND = [
    (sp.Limit(R(21, 20) * (sp.Max(0, -t) + sp.Min(0, R(5, 3) * (sp.exp(-t) - 1))), t, sp.oo), R(-7, 4)),  # SELU's floor
    (sp.Limit(sp.Max(t, t**2 / 3, R(7, 2)) / t**2, t, sp.oo), R(1, 3)),
    (sp.Limit(sp.Min(2 * t, t + t**2, R(7, 2)) / t, t, 0, "+"), R(1)),
]
DECIDED_INFINITE = [
    sp.Limit(sp.exp(R(5, 3) / T), T, 0, "+"),
    sp.Limit(sp.exp(T) - sp.exp(T + 1), T, sp.oo),  # -∞: the coefficient 1 - e is negative
    sp.Limit(R(5, 4) ** t * sp.exp(-t / 5), t, sp.oo, "-"),  # log(5/4) outgrows 1/5
    sp.Limit(-(t**2) * sp.log(t) + t, t, sp.oo),
    sp.Limit(sp.log(t) ** 3 / t, t, 0, "+"),  # 1/t outgrows (log t)³: -∞
]
LEFT_TO_SYMPY = [
    sp.Limit(T * sp.sin(1 / T), T, 0, "+"),  # sin is outside the rules
    sp.Limit(sp.log(1 + t) / t, t, 0, "+"),  # log(1 + o(1)): the o(1) decides
    sp.Limit(sp.exp(1 / t + 1) / sp.exp(1 / t), t, 0, "+"),  # the value e is not rational
    sp.Limit((t**2 - 1) / (t - 1), t, 1),  # not at 0⁺ or ∞
    sp.Limit(sp.exp(1 / t) - sp.exp(1 / t), t, 0, "+"),  # SymPy cancels it to 0 itself
    sp.Limit(4**t / (2**t) ** 2, t, sp.oo),  # rates 2 log 2 and log 4 agree: not told apart numerically
]


@pytest.mark.parametrize("limit", DECIDED, ids=str)
def test_a_limit_decided_by_its_dominant_terms_is_sympys_value(limit):
    value = dominant_limit(limit)
    assert value is not None and value.is_Rational and value == limit.doit()


@pytest.mark.parametrize("limit", DECIDED_INFINITE, ids=str)
def test_a_limit_that_grows_without_bound_is_sympys_infinity(limit):
    value = dominant_limit(limit)
    assert value in (sp.oo, -sp.oo) and value == limit.doit()
    flipped = limit.func(-limit.args[0], *limit.args[1:])  # the other sign
    assert dominant_limit(flipped) == -value
    inverse = limit.func(1 / limit.args[0], *limit.args[1:])  # tends to 0, not to ∞
    assert dominant_limit(inverse) == 0


@pytest.mark.parametrize("limit,value", DECIDED_BY_HAND, ids=str)
def test_the_leading_argument_of_a_max_or_min_decides_it(limit, value):
    assert dominant_limit(limit) == value
    wrong = limit.func(limit.args[0] + 1, *limit.args[1:])
    assert dominant_limit(wrong) == value + 1


@pytest.mark.parametrize("limit", LEFT_TO_SYMPY, ids=str)
def test_a_limit_outside_the_rules_is_left_to_sympy(limit):
    value = dominant_limit(limit)
    assert value is None or value == limit.doit()


def test_the_cancelling_leading_terms_are_not_guessed():
    h = sp.Symbol("h", positive=True)
    limit = sp.Limit((sp.exp(h) + 1) / sp.exp(h) - 1, h, sp.oo)  # the leading 1 − 1 cancels: the answer is 0
    assert dominant_limit(limit) is None and limit.doit() == 0


a, b = sp.symbols("a b", real=True)
SOFTMAX_COLD = sp.Limit(sp.exp(a / T) / (sp.exp(a / T) + sp.exp(b / T)), T, 0, "+")


@pytest.mark.parametrize("point", [{a: "0.75", b: "-1.5"}, {a: "-0.25", b: "2.125"}, {a: "1.0625", b: "1.03125"}])
def test_a_step_with_a_limit_gets_the_same_verdict_by_both_paths(point, monkeypatch):
    at = Point({s: mpmath.mpf(v) for s, v in point.items()})
    right = sp.Piecewise((1, a > b), (0, True))  # the weight of the larger logit tends to 1
    wrong = sp.Rational(1, 2)
    fast = evaluate(SOFTMAX_COLD, at)
    assert holds("=", fast, evaluate(right, at))[0] and not holds("=", fast, evaluate(wrong, at))[0]
    monkeypatch.setattr(numeric, "dominant_limit", lambda limit: None)
    numeric._instantiate.cache_clear()
    slow = evaluate(SOFTMAX_COLD, at)
    assert slow == fast
    assert holds("=", slow, evaluate(right, at))[0] and not holds("=", slow, evaluate(wrong, at))[0]
