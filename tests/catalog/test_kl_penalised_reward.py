"""The KL-penalised reward result verifies, and wrong variants are rejected by the same checks."""

import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive.identities.kl_penalised_reward import Z, beta, expected_reward, log_ratio, pi, pi_ref, pi_star, r
from derive.notation import KL, Sum, j, k, n
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("kl_penalised_reward")


def test_verifies_with_every_step_proved():
    report = catalog_report("kl_penalised_reward")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_adding_the_log_ratio_is_not_the_objective():
    # the common sign slip: r + β log(π/π_ref) does not average to J(π)
    slip = Sum(pi[k] * (r[k] + beta * log_ratio(pi, k)), k, n)
    assert not verify_claim(RESULT.with_statement(0, slip), 0).oracle.passed
    report = verify_claim(RESULT.with_step(0, 3, slip), 0)
    assert report.steps[2].symbolic == "failed"


def test_slip_claimed_equal_to_the_objective_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(1, expected_reward - beta * KL(pi, pi_ref, n)), 1)
    assert not report.oracle.passed


def test_ratio_the_wrong_way_round_is_rejected_numerically():
    # log(π_ref/π) in place of log(π/π_ref) in the divergence
    wrong = RESULT.with_step(0, 2, expected_reward - beta * Sum(pi[k] * sp.log(pi_ref[k] / pi[k]), k, n))
    report = verify_claim(wrong, 0)
    assert report.steps[1].symbolic == "failed"


def test_penalised_reward_at_the_optimum_is_not_the_reward():
    assert not verify_claim(RESULT.with_statement(2, r[j]), 2).oracle.passed
    assert not verify_claim(RESULT.with_statement(2, -beta * sp.log(Z)), 2).oracle.passed


def test_log_z_with_the_wrong_sign_in_a_step_is_rejected_numerically():
    wrong = RESULT.with_step(2, 2, r[j] - beta * (r[j] / beta + sp.log(Z)))
    report = verify_claim(wrong, 2)
    assert report.steps[1].symbolic == "failed"


def test_value_at_the_optimum_is_not_the_expected_reward():
    wrong = RESULT.with_statement(3, Sum(pi_star[k] * r[k], k, n))
    assert not verify_claim(wrong, 3).oracle.passed
