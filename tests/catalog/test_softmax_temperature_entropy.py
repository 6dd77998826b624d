"""dH(softmax(z/T))/dT = Var/T^3 >= 0 verifies; wrong variants are rejected."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive.identities.softmax_temperature import T, tempered
from derive.identities.softmax_temperature_entropy import log_partition, mean, square_sum, variance
from derive.notation import j, z
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("softmax_temperature_entropy")


def test_verifies_and_only_the_strict_sign_is_numeric_only():
    report = catalog_report("softmax_temperature_entropy")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {("strictly unless logits are equal", 2)}


def test_remarks_are_the_entropy_and_variance_of_the_example():
    report = catalog_report("softmax_temperature_entropy")
    with mpmath.workdps(30):
        weights = [mpmath.exp(v) for v in (2, 1, 0)]
        sigma = [w / mpmath.fsum(weights) for w in weights]
        entropy = -mpmath.fsum(s * mpmath.log(s) for s in sigma)
        first = mpmath.fsum(s * v for s, v in zip(sigma, (2, 1, 0)))
        second = mpmath.fsum(s * v**2 for s, v in zip(sigma, (2, 1, 0)))
        expected = [entropy, second - first**2]
    assert [r.value for r in report.remarks] == [mpmath.nstr(v, 6) for v in expected]


def test_wrong_sign_of_the_mean_term_is_rejected():
    report = verify_claim(RESULT.with_statement(0, log_partition + mean / T), 0)
    assert not report.oracle.passed


def test_flipped_entry_derivative_is_rejected():
    report = verify_claim(RESULT.with_statement(1, tempered(j, T) * (z[j] - mean) / T**2), 1)
    assert not report.oracle.passed
    assert "oracle" in report.oracle.counterexample


def test_wrong_power_of_T_is_rejected():
    report = verify_claim(RESULT.with_statement(2, variance / T**2), 2)
    assert not report.oracle.passed


def test_forgetting_the_derivative_of_the_mean_is_rejected_numerically():
    wrong = RESULT.with_step(2, 4, sp.Integer(0))  # "everything cancels"
    report = verify_claim(wrong, 2)
    assert report.steps[3].symbolic == "failed"
    assert report.steps[3].counterexample


def test_a_negative_rate_is_rejected():
    report = verify_claim(RESULT.with_step(3, 2, -square_sum), 3)
    assert report.steps[1].symbolic == "failed"


def test_strict_growth_above_the_variance_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(4, variance / T**3), 4)
    assert not report.oracle.passed


def test_equal_logits_still_have_a_constant_entropy():
    report = verify_claim(RESULT.with_statement(5, 1 / T), 5)
    assert not report.oracle.passed
