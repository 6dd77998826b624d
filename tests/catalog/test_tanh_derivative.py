"""The derivative of tanh, its range (0, 1] and tanh = 2 sigmoid(2x) − 1 verify; wrong variants are rejected."""

import sympy as sp
from conftest import catalog_report

from derive import verify
from derive.identities.tanh_derivative import Tanh, plus
from derive.notation import Logistic
from derive.registry import load

RESULT = load("tanh_derivative")
x = sp.Symbol("x", real=True)


def test_verifies_with_every_step_proved():
    report = catalog_report("tanh_derivative")
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"
    assert "0.00986" in report.remarks[0].text


def test_sign_flip_in_derivative_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, 1 + Tanh(x) ** 2))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_too_small_upper_bound_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(1, sp.Rational(1, 2)))
    assert not report.verified
    assert not report.claims[1].oracle.passed


def test_wrong_constant_in_the_positivity_proof_is_rejected_numerically():
    wrong = RESULT.with_step(2, 3, 2 / plus**2)  # (e^x + e^-x)^2 - (e^x - e^-x)^2 is 4, not 2
    report = verify(wrong)
    assert not report.verified
    assert report.claims[2].steps[2].symbolic == "failed"
    assert report.claims[2].steps[2].counterexample


def test_wrong_maximum_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(3, sp.Rational(1, 4)))
    assert not report.verified
    assert not report.claims[3].oracle.passed


def test_unscaled_argument_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(4, 2 * Logistic(x) - 1))  # tanh(x) is 2 sigmoid(2x) - 1, not 2 sigmoid(x) - 1
    assert not report.verified
    assert not report.claims[4].oracle.passed


def test_dropped_chain_rule_factor_is_rejected():
    wrong = RESULT.with_step(5, 2, 2 * Logistic(2 * x) * (1 - Logistic(2 * x)))
    report = verify(wrong)
    assert not report.verified
    assert report.claims[5].steps[1].symbolic == "failed"
    assert report.claims[5].steps[1].counterexample
