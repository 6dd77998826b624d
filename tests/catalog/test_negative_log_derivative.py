"""The slope −1/p of −log p and its unboundedness near 0 verify; wrong variants are rejected."""

from conftest import catalog_report

from derive import verify
from derive.identities.negative_log_derivative import M, p, v
from derive.registry import load

RESULT = load("negative_log_derivative")


def test_verifies_with_every_step_proved():
    report = catalog_report("negative_log_derivative")
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"
    assert [r.value for r in report.remarks] == ["-1.11111", "-100.0"]


def test_sign_flip_in_slope_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, 1 / p))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_overstated_bound_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(1, 2 * M))  # |slope| = M + v is not above 2M when v < M
    assert not report.verified
    assert not report.claims[1].oracle.passed


def test_wrong_reciprocal_in_a_step_is_rejected_numerically():
    report = verify(RESULT.with_step(1, 2, M - v))
    assert not report.verified
    assert report.claims[1].steps[1].symbolic == "failed"
    assert report.claims[1].steps[1].counterexample
