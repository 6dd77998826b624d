"""The baseline result verifies, and wrong variants are rejected by the same checks."""

from dataclasses import replace

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive.identities.score_function_baseline import (
    EvaluatedAt,
    R,
    b,
    best_baseline,
    d,
    expected_reward,
    mean_score,
    mp_scores,
    pi,
    score,
    second_moment,
)
from derive.notation import Sum, j, k, n
from derive.oracles import mp_softmax
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("score_function_baseline")


def test_verifies_with_every_step_proved():
    report = catalog_report("score_function_baseline")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_nonzero_mean_score_is_rejected_by_the_oracle():
    # the expected score is 0, not the score of the action j
    report = verify_claim(RESULT.with_statement(0, score(j)), 0)
    assert not report.oracle.passed


def test_mean_score_without_the_probabilities_is_rejected_numerically():
    # Σ_k ∂ log π_k is not Σ_k ∂π_k: the weights π_k matter
    wrong = RESULT.with_step(0, 1, Sum(score(k), k, n))
    report = verify_claim(wrong, 0)
    assert report.steps[0].symbolic == "failed"


def test_baseline_with_the_wrong_sign_in_a_step_is_rejected_numerically():
    wrong = RESULT.with_step(1, 1, Sum(pi(k) * R[k] * score(k), k, n) + b * mean_score + b * score(j))
    report = verify_claim(wrong, 1)
    assert report.steps[0].symbolic == "failed"


def test_biased_gradient_is_rejected_by_the_oracle():
    # a baseline that depended on the action would shift the gradient: claiming ∂E[R] − b ∂π_j is wrong
    report = verify_claim(RESULT.with_statement(1, d(expected_reward) - b * d(pi(j))), 1)
    assert not report.oracle.passed


def test_mean_reward_is_not_the_baseline_of_least_spread():
    # the same claim at b = E[R], with an oracle that differentiates at the mean reward, fails
    slope_at_mean = EvaluatedAt(sp.Derivative(second_moment, b), b, expected_reward)

    def oracle_slope_at_mean(point):
        probs, scores = mp_softmax(point.theta), mp_scores(point)
        mean_reward = mpmath.fsum(p * r for p, r in zip(probs, point.R))
        return mpmath.diff(
            lambda c: mpmath.fsum(p * ((r - c) * s) ** 2 for p, r, s in zip(probs, point.R, scores)), mean_reward
        )

    steps = list(RESULT.claims[2].steps)
    steps[0] = replace(steps[0], expr=slope_at_mean)
    wrong = RESULT.with_claim(
        2, statement=sp.Eq(slope_at_mean, 0, evaluate=False), steps=steps, oracle=oracle_slope_at_mean
    )
    report = verify_claim(wrong, 2)
    assert not report.oracle.passed
    assert report.steps[0].symbolic == "failed"


def test_wrong_sign_of_the_baseline_in_the_slope_is_rejected_numerically():
    wrong_slope = -2 * Sum(pi(k) * (R[k] + b) * (sp.KroneckerDelta(k, j) - pi(j)) ** 2, k, n)
    wrong = RESULT.with_step(2, 1, EvaluatedAt(wrong_slope, b, best_baseline))
    report = verify_claim(wrong, 2)
    assert report.steps[0].symbolic == "failed"
