"""The softmax maximises entropy at a fixed expected logit; wrong variants are rejected."""

from dataclasses import replace

import mpmath
from conftest import catalog_report, numeric_only_steps

from derive import Statement
from derive.identities.softmax_maximum_entropy import beta, log_partition, mean_p, mean_sigma, sigma
from derive.notation import KL, Entropy, n, p
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("softmax_maximum_entropy")
ANY_P = RESULT.domain  # p drawn from the whole simplex


def test_verifies_and_only_gibbs_inequality_is_numeric_only():
    report = catalog_report("softmax_maximum_entropy")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {("maximum entropy", 1), ("only the softmax attains it", 1)}


def test_sampled_distributions_have_the_softmax_expected_logit():
    for point in RESULT.claims[2].domain.sample_points("same mean", 60):
        with mpmath.workdps(60):
            gibbs = [mpmath.exp(point.beta * v) for v in point.z]
            gibbs = [w / mpmath.fsum(gibbs) for w in gibbs]
            assert min(point.p) > 0 and abs(mpmath.fsum(point.p) - 1) < mpmath.mpf(10) ** -55
            assert (
                abs(
                    mpmath.fsum(a * v for a, v in zip(point.p, point.z))
                    - mpmath.fsum(a * v for a, v in zip(gibbs, point.z))
                )
                < mpmath.mpf(10) ** -55
            )
            assert max(abs(a - b) for a, b in zip(point.p, gibbs)) > mpmath.mpf(10) ** -6  # p is not sigma


def test_general_identity_is_proved_without_the_same_mean_rule():
    report_claims = [verify_claim(replace(RESULT, rules=RESULT.rules[:1]), position) for position in (0, 1, 2)]
    assert all(step.symbolic == "proved" for claim in report_claims[:2] for step in claim.steps)
    assert report_claims[2].steps[1].symbolic == "numeric-only"  # that step is exactly where the constraint enters


def test_wrong_sign_of_beta_term_in_gibbs_entropy_is_rejected():
    report = verify_claim(RESULT.with_statement(0, log_partition + beta * mean_sigma), 0)
    assert not report.oracle.passed


def test_flipped_expected_logit_difference_is_rejected():
    report = verify_claim(RESULT.with_statement(1, KL(p, sigma, n) + beta * (mean_sigma - mean_p)), 1)
    assert not report.oracle.passed
    assert "oracle" in report.oracle.counterexample


def test_same_mean_step_fails_for_an_arbitrary_distribution():
    report = verify_claim(RESULT.with_claim(2, domain=ANY_P), 2)
    assert report.steps[1].symbolic == "failed"
    assert not report.oracle.passed


def test_maximum_fails_without_the_constraint():
    report = verify_claim(RESULT.with_claim(3, domain=ANY_P), 3)
    assert report.steps[0].symbolic == "failed"
    assert not report.oracle.passed


def test_no_strict_gap_beyond_the_divergence():
    wrong = RESULT.with_claim(4, statement=Statement(Entropy(p, n), "<", Entropy(sigma, n) - KL(p, sigma, n)))
    report = verify_claim(wrong, 4)
    assert not report.oracle.passed
    assert report.chain_problem
