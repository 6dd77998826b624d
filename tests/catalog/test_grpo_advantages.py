"""The GRPO advantage result verifies, and wrong variants are rejected by the same checks."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive.identities.grpo_advantages import (
    G,
    mean,
    mp_advantages,
    mp_population_std,
    population_std,
    r,
    sample_std,
)
from derive.notation import Sum, i
from derive.oracles import mp_variance
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("grpo_advantages")


def test_verifies_with_every_step_proved():
    report = catalog_report("grpo_advantages")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_nonzero_sum_is_rejected_by_the_oracle():
    assert not verify_claim(RESULT.with_statement(0, mean), 0).oracle.passed
    assert not verify_claim(RESULT.with_statement(1, sp.Integer(1)), 1).oracle.passed
    assert not verify_claim(RESULT.with_statement(2, sp.Integer(1)), 2).oracle.passed


def test_wrong_count_in_a_step_is_rejected_numerically():
    wrong = RESULT.with_step(0, 1, Sum(r[i], i, G) - (G - 1) * mean)
    report = verify_claim(wrong, 0)
    assert report.steps[0].symbolic == "failed"


def test_sample_and_population_variances_are_not_confused():
    # with the sample std the population variance is (G − 1)/G, not 1 ...
    assert not verify_claim(RESULT.with_statement(5, sp.Integer(1)), 5).oracle.passed
    # ... and with the population std it is 1, not (G − 1)/G
    assert not verify_claim(RESULT.with_statement(4, (G - 1) / G), 4).oracle.passed


def test_wrong_definition_step_is_rejected_numerically():
    # σ_r² mistaken for the sample variance inside the proof of (e)
    wrong = RESULT.with_step(4, 3, sample_std**2 / population_std**2)
    report = verify_claim(wrong, 4)
    assert report.steps[2].symbolic == "failed"


def test_equal_rewards_leave_the_normalisation_undefined():
    with mpmath.workdps(30):
        assert mp_population_std([mpmath.mpf(1)] * 4) == 0
        try:
            mp_advantages([mpmath.mpf(1)] * 4, mp_population_std)
        except ZeroDivisionError:
            pass
        else:
            raise AssertionError("equal rewards must not give finite normalised advantages")


def test_binary_group_example():
    with mpmath.workdps(30):
        rewards = [mpmath.mpf(1)] * 3 + [mpmath.mpf(0)] * 5
        values = mp_advantages(rewards, mp_population_std)
        assert abs(values[0] - mpmath.mpf("0.625") / mpmath.sqrt(mpmath.mpf(15) / 64)) < mpmath.mpf(10) ** -25
        assert abs(mp_variance(values) - 1) < mpmath.mpf(10) ** -25
