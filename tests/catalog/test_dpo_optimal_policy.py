"""The DPO optimal-policy result verifies, and wrong variants are rejected by the same checks."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Statement
from derive.domain import Point
from derive.identities.dpo_optimal_policy import (
    EvaluatedAt,
    J,
    Z,
    beta,
    implicit_reward,
    lam,
    lam_star,
    mp_argmax_objective,
    mp_objective,
    pi,
    pi_ref,
    pi_star,
    r,
)
from derive.notation import KL, Logistic, Sum, i, j, k, n
from derive.numeric import evaluate
from derive.registry import load
from derive.symbolic import Assumptions, prove_zero
from derive.verify import verify_claim

RESULT = load("dpo_optimal_policy")
GIBBS_STEP = ("upper bound", 1)  # D_KL >= 0 is cited, not something SymPy can decide


def test_verifies_and_only_the_gibbs_step_is_numeric_only():
    report = catalog_report("dpo_optimal_policy")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {GIBBS_STEP}
    assert all(step.symbolic in ("proved", "numeric-only") for step in report.steps)


def test_dropped_constant_in_the_derivative_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(0, r[j] - beta * sp.log(pi[j] / pi_ref[j]) - lam)
    report = verify_claim(wrong, 0)
    assert not report.passed
    assert not report.oracle.passed
    assert "oracle" in report.oracle.counterexample


def test_wrong_multiplier_in_the_stationarity_proof_is_rejected_numerically():
    # λ* without its −β: the derivative would not vanish at π*
    wrong = RESULT.with_step(1, 2, r[j] - beta * (sp.log(pi_star[j] / pi_ref[j]) + 1) - beta * sp.log(Z))
    report = verify_claim(wrong, 1)
    assert not report.passed
    assert report.steps[1].symbolic == "failed"
    assert report.steps[1].counterexample


def test_nonzero_derivative_at_the_optimum_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(1, beta), 1)
    assert not report.oracle.passed


def test_sign_flip_of_the_divergence_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(2, beta * sp.log(Z) + beta * KL(pi, pi_star, n)), 2)
    assert not report.oracle.passed


def test_wrong_sign_of_log_z_in_a_step_is_rejected_numerically():
    wrong = RESULT.with_step(2, 5, -beta * Sum(pi[k] * (sp.log(pi[k] / pi_star[k]) + sp.log(Z)), k, n))
    report = verify_claim(wrong, 2)
    assert not report.passed
    assert report.steps[4].symbolic == "failed"


def test_reversed_bound_is_rejected():
    wrong = RESULT.with_claim(3, statement=Statement(J(pi), ">=", beta * sp.log(Z)))
    report = verify_claim(wrong, 3)
    assert not report.passed
    assert not report.oracle.passed
    assert report.chain_problem


def test_a_too_strong_bound_is_rejected_numerically():
    # J(π) = β log Z − β D_KL(π‖π*) is not below β log Z − 2β D_KL(π‖π*)
    wrong = RESULT.with_step(3, 2, beta * sp.log(Z) - 2 * beta * KL(pi, pi_star, n))
    report = verify_claim(wrong, 3)
    assert report.steps[1].symbolic == "failed"
    assert report.steps[1].counterexample


def test_value_at_the_reference_policy_is_not_the_maximum():
    # the numerical optimiser finds more than J(π_ref), so the oracle rejects it
    report = verify_claim(RESULT.with_statement(4, J(pi_ref)), 4)
    assert not report.oracle.passed


def test_untilted_reference_policy_is_not_the_maximiser():
    report = verify_claim(RESULT.with_statement(5, pi_ref[j]), 5)
    assert not report.oracle.passed


def test_numerical_maximiser_beats_random_policies():
    with mpmath.workdps(60):
        point = Point(
            {
                n: 3,
                r: [mpmath.mpf("0.5"), mpmath.mpf(-1), mpmath.mpf(2)],
                pi_ref: [mpmath.mpf("0.2"), mpmath.mpf("0.3"), mpmath.mpf("0.5")],
                beta: mpmath.mpf("0.7"),
            }
        )
        best = mp_objective(mp_argmax_objective(point), point.r, point.pi_ref, point.beta)
        for weights in ([1, 1, 1], [1, 2, 7], [5, 1, 1], [1, 1, 30]):
            policy = [mpmath.mpf(w) / sum(weights) for w in weights]
            assert mp_objective(policy, point.r, point.pi_ref, point.beta) < best


def test_reward_shift_with_the_wrong_sign_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(6, r[j] + beta * sp.log(Z)), 6)
    assert not report.oracle.passed


def test_swapped_responses_are_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(7, Logistic(implicit_reward(j) - implicit_reward(i))), 7)
    assert not report.oracle.passed


def test_z_kept_for_one_response_only_is_rejected_numerically():
    wrong = RESULT.with_step(7, 1, Logistic(implicit_reward(i) + beta * sp.log(Z) - implicit_reward(j)))
    report = verify_claim(wrong, 7)
    assert report.steps[0].symbolic == "failed"


def test_substituting_a_component_hidden_in_a_sum_is_not_proved():
    # (Σ_k π_k r_k)|_{π_j = 0} is not Σ_k π_k r_k: the checker must not drop the substitution
    hidden = EvaluatedAt(Sum(pi[k] * r[k], k, n), (pi[j], lam), (sp.Integer(0), lam_star))
    assert not prove_zero(hidden - Sum(pi[k] * r[k], k, n), Assumptions({j: (1, n)}, ())).proved


def test_a_derivative_at_a_point_is_evaluated_before_substituting():
    # ∂/∂π_j Σ_k π_k² = 2π_j, which is 6 at π_j = 3 whatever the other components are
    at_three = EvaluatedAt(sp.Derivative(Sum(pi[k] ** 2, k, n), pi[j]), pi[j], sp.Integer(3))
    point = Point({n: 3, j: 2, pi: [mpmath.mpf("0.2"), mpmath.mpf("0.3"), mpmath.mpf("0.5")]})
    assert evaluate(at_three, point) == 6
