"""Adam's bias correction verifies, and wrong variants are rejected by the same checks."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive.identities.adam_bias_correction import (
    E,
    beta1,
    beta2,
    g,
    m_t,
    mp_run,
    mu,
    s,
    t,
)
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("adam_bias_correction")
INDUCTION_STEP = ("unrolled first moment", 0)  # induction on t: SymPy cannot unfold m_t for symbolic t


def test_verifies_and_only_the_induction_is_numeric_only():
    report = catalog_report("adam_bias_correction")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {INDUCTION_STEP}


def test_off_by_one_exponent_in_the_recursion_step_is_rejected_numerically():
    wrong = RESULT.with_step(
        0, 1, (1 - beta1) * sp.Sum(beta1 ** (t - 1 - s) * g[s], (s, 1, t - 1)) + (1 - beta1) * g[t]
    )
    report = verify_claim(wrong, 0)
    assert report.steps[0].symbolic == "failed"


def test_unrolled_form_without_the_factor_one_minus_beta_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(1, sp.Sum(beta1 ** (t - s) * g[s], (s, 1, t))), 1)
    assert not report.oracle.passed


def test_unbiased_first_moment_without_correction_is_rejected_by_the_oracle():
    # E[m_t] is not μ: the estimate started at 0 is biased towards 0
    report = verify_claim(RESULT.with_statement(2, mu), 2)
    assert not report.oracle.passed


def test_wrong_geometric_sum_is_rejected_numerically():
    # the weights add up to 1 − β^t, not 1 − β^(t+1)
    wrong = RESULT.with_step(2, 3, (1 - beta1 ** (t + 1)) * mu)
    report = verify_claim(wrong, 2)
    assert report.steps[2].symbolic == "failed"


def test_correction_with_the_other_beta_is_rejected_numerically():
    # dividing m_t by 1 − β2^t does not remove its bias
    step = verify_claim(RESULT.with_step(3, 1, E(m_t) / (1 - beta2**t)), 3)
    assert step.steps[0].symbolic == "failed"


def test_corrected_estimate_still_biased_is_rejected_by_the_oracle():
    assert not verify_claim(RESULT.with_statement(3, (1 - beta1**t) * mu), 3).oracle.passed


def test_second_moment_is_not_the_squared_mean():
    # E[v_t] involves E[g²] = μ² + σ², not μ²
    assert not verify_claim(RESULT.with_statement(4, (1 - beta2**t) * mu**2), 4).oracle.passed
    assert not verify_claim(RESULT.with_statement(5, mu**2), 5).oracle.passed


def test_recursion_runner_matches_a_hand_computation():
    with mpmath.workdps(30):
        b = mpmath.mpf("0.9")
        values = [mpmath.mpf(1), mpmath.mpf(2)]
        # m_1 = 0.1, m_2 = 0.9·0.1 + 0.1·2 = 0.29; corrected: 0.29/(1 − 0.81) = 0.29/0.19
        assert abs(mp_run(b, values) - mpmath.mpf("0.29")) < mpmath.mpf(10) ** -25
        assert abs(mp_run(b, values, correct=True) - mpmath.mpf("0.29") / mpmath.mpf("0.19")) < mpmath.mpf(10) ** -25


def test_sum_rules_of_the_checker_are_sound():
    from derive.symbolic import prove_zero

    n = sp.Symbol("n", integer=True, positive=True)
    b = sp.Symbol("b", positive=True)
    term = sp.Sum((1 - b) * b ** (n - s), (s, 1, n))
    assert prove_zero(term - (1 - b**n)).proved
    assert not prove_zero(term - (1 - b ** (n + 1))).proved
    # peeling the last term: Σ_{s=1}^{n-1} g_s + g_n = Σ_{s=1}^{n} g_s, but not with g_{n-1}
    assert prove_zero(sp.Sum(g[s], (s, 1, n - 1)) + g[n] - sp.Sum(g[s], (s, 1, n))).proved
    assert not prove_zero(sp.Sum(g[s], (s, 1, n - 1)) + g[n - 1] - sp.Sum(g[s], (s, 1, n))).proved
    assert prove_zero(sp.Sum(1 / s**2, (s, 1, sp.oo)) - sp.pi**2 / 6).proved
    assert not prove_zero(sp.Sum(1 / s**2, (s, 1, sp.oo)) - sp.pi**2 / 8).proved
