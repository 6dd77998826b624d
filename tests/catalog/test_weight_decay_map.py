"""Weight decay as MAP estimation verifies, and wrong variants are rejected by the same checks."""

import mpmath
from conftest import catalog_report, numeric_only_steps

from derive.domain import Point
from derive.identities.weight_decay_map import (
    N,
    constant,
    lam,
    log_normaliser,
    mp_neg_log_prior,
    nll,
    norm2,
    sigma,
    w,
)
from derive.notation import Sum, d, i
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("weight_decay_map")


def test_verifies_with_every_step_proved():
    report = catalog_report("weight_decay_map")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_prior_penalty_without_the_half_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(0, norm2 / sigma**2 + log_normaliser), 0)
    assert not report.passed
    assert not report.oracle.passed
    assert "oracle" in report.oracle.counterexample


def test_dropping_the_normalising_constant_in_a_step_is_rejected_numerically():
    wrong = RESULT.with_step(0, 4, Sum(w[i] ** 2, i, d) / (2 * sigma**2))
    report = verify_claim(wrong, 0)
    assert not report.passed
    assert report.steps[3].symbolic == "failed"
    assert report.steps[3].counterexample


def test_mixing_the_two_conventions_is_rejected():
    # lambda = 1/sigma^2 belongs with (lambda/2)||w||^2, not with lambda ||w||^2
    report = verify_claim(RESULT.with_statement(1, nll + lam * norm2 + constant), 1)
    assert not report.oracle.passed
    wrong = RESULT.with_step(1, 4, nll + lam * norm2 + constant)
    assert verify_claim(wrong, 1).steps[3].symbolic == "failed"


def test_penalty_with_the_wrong_sign_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(1, nll - lam / 2 * norm2 + constant), 1)
    assert not report.oracle.passed


def test_undivided_decay_on_the_mean_loss_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(2, nll / N + lam / 2 * norm2 + constant / N), 2)
    assert not report.oracle.passed


def test_oracle_matches_the_one_dimensional_density():
    # -log of the N(0, 1) density at w = 1 is 1/2 + log(2 pi)/2
    with mpmath.workdps(30):
        point = Point({d: 1, w: [mpmath.mpf(1)], sigma: mpmath.mpf(1)})
        expected = mpmath.mpf(1) / 2 + mpmath.log(2 * mpmath.pi) / 2
        assert abs(mp_neg_log_prior(point) - expected) < mpmath.mpf(10) ** -25
