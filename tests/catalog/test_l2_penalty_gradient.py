"""The L2 penalty's gradient λw and the shrinkage form of the SGD step verify; wrong variants are rejected."""

from conftest import catalog_report

from derive import verify
from derive.identities.l2_penalty_gradient import eta, lam, w
from derive.notation import Sum, d, g, i, k
from derive.registry import load

RESULT = load("l2_penalty_gradient")


def test_verifies_with_every_step_proved():
    report = catalog_report("l2_penalty_gradient")
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"
    assert "0.367695" in report.remarks[0].text


def test_doubled_gradient_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, 2 * lam * w[i]))  # the gradient of λ‖w‖², not of (λ/2)‖w‖²
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_dropped_kronecker_delta_is_rejected_numerically():
    report = verify(RESULT.with_step(0, 2, lam / 2 * Sum(2 * w[k], k, d)))
    assert not report.verified
    assert report.claims[0].steps[1].symbolic == "failed"
    assert report.claims[0].steps[1].counterexample


def test_growth_instead_of_shrinkage_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(1, (1 + eta * lam) * w[i] - eta * g[i]))
    assert not report.verified
    assert not report.claims[1].oracle.passed
