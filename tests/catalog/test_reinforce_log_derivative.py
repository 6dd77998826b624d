"""The log-derivative policy gradient verifies, and wrong variants are rejected by the same checks."""

import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive.identities.reinforce_log_derivative import R, d, expected_reward, pi
from derive.notation import Sum, delta, i, j, k, n
from derive.verify import verify_claim

NAME = "reinforce_log_derivative"


def result():
    from derive.registry import load

    return load(NAME)


def test_verifies_with_every_step_proved():
    report = catalog_report(NAME)
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_score_with_wrong_sign_is_rejected_by_the_oracle():
    report = verify_claim(result().with_statement(0, delta(i, j) + pi(j)), 0)
    assert not report.passed
    assert "oracle" in report.oracle.counterexample


def test_dropped_reward_in_the_trick_is_rejected_numerically():
    # ∂π_k = π_k ∂ log π_k, but without R_k the sum is the (zero) mean score
    wrong = result().with_step(1, 2, Sum(pi(k) * d(sp.log(pi(k))), k, n))
    report = verify_claim(wrong, 1)
    assert not report.passed
    assert report.steps[1].symbolic == "failed"
    assert report.steps[1].counterexample


def test_gradient_without_the_score_is_rejected_by_the_oracle():
    # E[R] times nothing: Σ_k π_k R_k is not the gradient
    report = verify_claim(result().with_statement(1, expected_reward), 1)
    assert not report.oracle.passed


def test_swapped_index_in_the_closed_form_is_rejected():
    # π_k in place of π_j inside the bracket
    wrong_rhs = Sum(pi(k) * R[k] * (delta(k, j) - pi(k)), k, n)
    report = verify_claim(result().with_statement(2, wrong_rhs), 2)
    assert not report.oracle.passed
    step_wrong = verify_claim(result().with_step(2, 2, wrong_rhs), 2)
    assert step_wrong.steps[1].symbolic == "failed"


def test_advantage_with_the_mean_added_is_rejected():
    report = verify_claim(result().with_statement(3, pi(j) * (R[j] + expected_reward)), 3)
    assert not report.oracle.passed
    wrong = result().with_step(3, 1, pi(j) * R[j])  # dropped − π_j E[R]
    assert verify_claim(wrong, 3).steps[0].symbolic == "failed"
