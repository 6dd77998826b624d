"""The gradients g xᵀ, Wᵀg and g of a linear layer verify for symbolic m, n; wrong variants are rejected."""

from conftest import catalog_report

from derive import verify
from derive.identities.linear_layer_gradient import W, m
from derive.notation import Sum, g, i, j, k, x
from derive.registry import load

RESULT = load("linear_layer_gradient")


def test_verifies_with_every_step_proved():
    report = catalog_report("linear_layer_gradient")
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"


def test_sign_flip_in_weight_gradient_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, -g[i] * x[j]))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_dropped_delta_in_weight_derivation_is_rejected_numerically():
    report = verify(RESULT.with_step(0, 3, Sum(g[k] * x[j], k, m)))  # δ_ki dropped: sums every g_k
    assert not report.verified
    assert report.claims[0].steps[2].symbolic == "failed"
    assert report.claims[0].steps[2].counterexample


def test_input_gradient_without_upstream_gradient_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(1, Sum(W[k, j], k, m)))
    assert not report.verified
    assert not report.claims[1].oracle.passed


def test_bias_gradient_summed_over_outputs_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(2, Sum(g[k], k, m)))
    assert not report.verified
    assert not report.claims[2].oracle.passed
