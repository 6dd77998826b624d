"""Cross-entropy keeps a −1 gradient at the target while squared error on softmax outputs vanishes; wrong variants are rejected."""

from conftest import catalog_report, numeric_only_steps

from derive import verify
from derive.identities.squared_error_vs_cross_entropy import bound, factored, t, target_form
from derive.notation import Sum, delta, j, k, n, softmax
from derive.registry import load

RESULT = load("squared_error_vs_cross_entropy")


def test_verifies_with_only_the_triangle_inequality_numeric():
    report = catalog_report("squared_error_vs_cross_entropy")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {("vanishing bound", 1)}
    values = [float(r.value) for r in report.remarks]
    assert abs(values[2]) < 0.02 < 0.99 < abs(values[1])  # squared error ~ -0.013 vs cross-entropy ~ -0.993


def test_cross_entropy_gradient_without_the_target_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, softmax(t)))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_dropped_softmax_jacobian_is_rejected():
    plain = Sum((softmax(k) - delta(k, t)) * (delta(k, j) - softmax(j)), k, n)
    report = verify(RESULT.with_statement(1, plain))
    assert not report.claims[1].oracle.passed
    no_delta = Sum((softmax(k) - delta(k, t)) * softmax(k) * (1 - softmax(j)), k, n)
    report = verify(RESULT.with_step(1, 3, no_delta))  # the Jacobian σ_k(δ_kj − σ_j) with δ_kj read as 1
    assert not report.verified
    assert report.claims[1].steps[2].symbolic == "failed"
    assert report.claims[1].steps[2].counterexample


def test_missing_factor_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(2, factored / softmax(j)))
    assert not report.verified
    assert not report.claims[2].oracle.passed


def test_sign_flip_at_the_target_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(3, -target_form))
    assert not report.verified
    assert not report.claims[3].oracle.passed


def test_halved_bound_is_rejected():
    report = verify(RESULT.with_statement(4, bound / 2))  # the bound is nearly attained at some points
    assert not report.verified
    assert not report.claims[4].oracle.passed
    report = verify(RESULT.with_step(4, 4, softmax(j) * (1 - softmax(j)) + softmax(j) * (Sum(softmax(k), k, n) - 1)))
    assert report.claims[4].steps[3].symbolic == "failed"
