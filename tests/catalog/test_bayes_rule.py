"""Bayes' rule verifies, and wrong variants are rejected by the same checks."""

import mpmath
from conftest import catalog_report, numeric_only_steps

from derive.domain import Point
from derive.identities.bayes_rule import Both, J, Likelihood, Prior, mp_posterior
from derive.notation import Sum, i, k, n
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("bayes_rule")


def test_verifies_with_every_step_proved():
    report = catalog_report("bayes_rule")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_evidence_without_prior_weights_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(0, Sum(Likelihood(k, n), k, n)), 0)
    assert not report.passed
    assert not report.oracle.passed
    assert "oracle" in report.oracle.counterexample


def test_transposed_conditional_is_rejected_by_the_oracle():
    # P(A_i | B) is not P(B | A_i): the prosecutor's fallacy
    report = verify_claim(RESULT.with_statement(1, Likelihood(i, n)), 1)
    assert not report.oracle.passed


def test_unnormalised_posterior_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(1, Likelihood(i, n) * Prior(i, n)), 1)
    assert not report.oracle.passed


def test_normalising_by_the_likelihoods_alone_is_rejected_numerically():
    wrong = RESULT.with_step(1, 3, Likelihood(i, n) * Prior(i, n) / Sum(Likelihood(k, n), k, n))
    report = verify_claim(wrong, 1)
    assert not report.passed
    assert report.steps[2].symbolic == "failed"
    assert report.steps[2].counterexample


def test_forgetting_the_evidence_in_a_step_is_rejected_numerically():
    wrong = RESULT.with_step(2, 1, Sum(Both(k), k, n))
    report = verify_claim(wrong, 2)
    assert report.steps[0].symbolic == "failed"
    assert not report.passed


def test_oracle_on_the_screening_example():
    with mpmath.workdps(30):
        point = Point({n: 2, J: [mpmath.mpf(v) for v in ("0.0099", "0.0495", "0.0001", "0.9405")]})
        assert abs(mp_posterior(point, 1) - mpmath.mpf(1) / 6) < mpmath.mpf(10) ** -25
