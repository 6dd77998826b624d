"""Backpropagation through ŷ = w₂ sigmoid(w₁x) with squared error verifies; wrong variants are rejected."""

from conftest import catalog_report

from derive import verify
from derive.identities.two_weight_chain_rule import error, h, w1, w2, x
from derive.notation import Logistic
from derive.registry import load

RESULT = load("two_weight_chain_rule")


def test_verifies_with_every_step_proved():
    report = catalog_report("two_weight_chain_rule")
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"


def test_output_weight_gradient_without_activation_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, error))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_input_weight_gradient_without_input_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(1, error * w2 * h * (1 - h)))
    assert not report.verified
    assert not report.claims[1].oracle.passed


def test_dropped_inner_derivative_in_a_step_is_rejected_numerically():
    # the chain rule through sigmoid(w1 x) without the factor x
    wrong = RESULT.with_step(1, 4, error * w2 * Logistic(w1 * x) * (1 - Logistic(w1 * x)))
    report = verify(wrong)
    assert not report.verified
    assert report.claims[1].steps[3].symbolic == "failed"
    assert report.claims[1].steps[3].counterexample
