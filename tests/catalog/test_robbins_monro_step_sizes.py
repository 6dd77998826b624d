"""The Robbins-Monro step-size result verifies, and wrong variants are rejected by the same checks."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Statement
from derive.identities.robbins_monro_step_sizes import N, harmonic, root_steps, t, total
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("robbins_monro_step_sizes")
# termwise comparisons of the terms of a sum are not something SymPy decides
TERMWISE = {("1/t is not summable", 0), ("1/sqrt(t) is not summable", 0), ("1/sqrt(t) is not square-summable", 1)}


def test_verifies_and_only_termwise_comparisons_are_numeric_only():
    report = catalog_report("robbins_monro_step_sizes")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == TERMWISE


def test_wrong_basel_value_is_rejected():
    assert not verify_claim(RESULT.with_statement(0, sp.pi**2 / 8), 0).oracle.passed
    report = verify_claim(RESULT.with_step(0, 1, sp.pi**2 / 8), 0)
    assert report.steps[0].symbolic == "failed"


def test_a_bound_that_is_too_strong_is_rejected():
    # Σ_{t≤N} 1/t is not above log(N + 2)... at N = 1 it is 1 < log 3
    wrong = RESULT.with_claim(1, statement=Statement(harmonic, ">", sp.log(N + 2)))
    assert not verify_claim(wrong, 1).oracle.passed
    report = verify_claim(RESULT.with_step(1, 1, total(sp.log(t + 2) - sp.log(t))), 1)
    assert report.steps[0].symbolic == "failed"


def test_square_root_sum_bound_too_strong_is_rejected():
    wrong = RESULT.with_claim(2, statement=Statement(root_steps, ">=", 2 * sp.sqrt(N)))
    assert not verify_claim(wrong, 2).oracle.passed


def test_nsum_is_no_oracle_for_a_divergent_series():
    # the reason divergence is checked through partial sums: an accelerated sum of 1/sqrt(t) looks finite
    with mpmath.workdps(20):
        accelerated = mpmath.nsum(lambda s: 1 / mpmath.sqrt(s), [1, mpmath.inf])
        partial = mpmath.fsum(1 / mpmath.sqrt(s) for s in range(1, 10**4 + 1))
        assert mpmath.isfinite(accelerated)
        assert partial > 100  # √(10⁴) = 100 is a lower bound, by (c)
