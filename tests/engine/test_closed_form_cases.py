"""A closed-form geometric sum's cases, each cancelled, prove a bias correction before simplify is tried."""

import sympy as sp

import derive.symbolic as symbolic
from derive.symbolic import prove_zero

n, s = sp.symbols("n s", integer=True, positive=True)
b, mu = sp.symbols("b mu", positive=True)
weights = sp.Sum((1 - b) * b ** (n - s), (s, 1, n))  # Adam's weights of the first n gradients
FURTHER = "further rules (shifted bounds, closed-form sums, signs out of min/max)"


def _without_the_cheap_candidates(monkeypatch):
    monkeypatch.setattr(symbolic, "_cases_cancel", lambda expr: False)


def test_the_weights_sum_to_one_minus_b_to_the_n_by_both_paths(monkeypatch):
    fast = prove_zero(mu * weights - mu * (1 - b**n))
    corrected = prove_zero(mu * weights / (1 - b**n) - mu)  # 0/0 at b = 1: the numerator decides
    assert fast.proved and fast.method == FURTHER and corrected.proved and corrected.method == FURTHER
    _without_the_cheap_candidates(monkeypatch)
    assert prove_zero(mu * weights - mu * (1 - b**n)) == fast
    assert prove_zero(mu * weights / (1 - b**n) - mu) == corrected


def test_a_wrong_total_is_not_proved_by_either_path(monkeypatch):
    assert not prove_zero(mu * weights - mu * (1 - b ** (n + 1))).proved
    assert not prove_zero(mu * weights / (1 - b ** (n + 1)) - mu).proved
    _without_the_cheap_candidates(monkeypatch)
    assert not prove_zero(mu * weights - mu * (1 - b ** (n + 1))).proved
