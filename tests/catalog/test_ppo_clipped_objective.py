"""The PPO clipped-objective result verifies, and wrong variants are rejected by the same checks."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Statement
from derive.identities.ppo_clipped_objective import (
    A,
    A_neg,
    A_pos,
    EvaluatedAt,
    L,
    above,
    clip,
    epsilon,
    mp_objective,
    r,
)
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("ppo_clipped_objective")


def test_verifies_with_every_step_proved():
    report = catalog_report("ppo_clipped_objective")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_cap_at_the_wrong_end_is_rejected_by_the_oracle():
    # for A > 0 the ratio is capped at 1 + ε, not 1 − ε
    report = verify_claim(RESULT.with_statement(0, A_pos * sp.Min(r, 1 - epsilon)), 0)
    assert not report.oracle.passed


def test_max_instead_of_min_for_a_positive_advantage_is_rejected_numerically():
    report = verify_claim(RESULT.with_step(0, 2, A_pos * sp.Max(r, clip)), 0)
    assert report.steps[1].symbolic == "failed"
    assert report.steps[1].counterexample


def test_min_kept_for_a_negative_advantage_is_rejected():
    # a common slip: for A < 0 the minimum becomes a maximum once A is taken out
    assert not verify_claim(RESULT.with_statement(1, A_neg * sp.Min(r, 1 + epsilon)), 1).oracle.passed
    report = verify_claim(RESULT.with_step(1, 2, A_neg * sp.Min(r, clip)), 1)
    assert report.steps[1].symbolic == "failed"


def test_reversed_bound_is_rejected():
    wrong = RESULT.with_claim(2, statement=Statement(L(A), ">=", r * A))
    report = verify_claim(wrong, 2)
    assert not report.oracle.passed
    assert report.chain_problem


def test_a_bound_that_fails_for_negative_advantages_is_rejected_numerically():
    # (1 + ε)A bounds the objective for A > 0 only; for A < 0 and small r it is below it
    wrong = RESULT.with_step(2, 2, (1 + epsilon) * A)
    report = verify_claim(wrong, 2)
    assert report.steps[1].symbolic == "failed"


def test_unclipped_slope_beyond_the_range_is_rejected():
    # beyond 1 + ε the slope is 0, not A
    assert not verify_claim(RESULT.with_statement(3, A_pos), 3).oracle.passed
    report = verify_claim(RESULT.with_step(3, 1, EvaluatedAt(sp.Derivative(A_pos * r, r), r, above)), 3)
    assert report.steps[0].symbolic == "failed"


def test_slope_below_the_range_is_not_the_unclipped_one():
    assert not verify_claim(RESULT.with_statement(4, A_neg), 4).oracle.passed


def test_oracle_objective_on_both_sides_of_the_range():
    with mpmath.workdps(30):
        eps = mpmath.mpf("0.2")
        assert mp_objective(mpmath.mpf(2), eps, mpmath.mpf(1)) == mpmath.mpf("1.2")  # capped
        assert mp_objective(mpmath.mpf("0.5"), eps, mpmath.mpf(1)) == mpmath.mpf("0.5")  # unclipped
        assert mp_objective(mpmath.mpf("0.5"), eps, mpmath.mpf(-1)) == mpmath.mpf("-0.8")  # capped below
        assert mp_objective(mpmath.mpf(2), eps, mpmath.mpf(-1)) == mpmath.mpf(-2)  # fully penalised


def test_min_max_rules_of_the_checker_are_sound():
    from derive.symbolic import prove_nonnegative, prove_zero

    x, y = sp.symbols("x y", real=True)
    c = sp.Symbol("c", positive=True)
    assert prove_nonnegative(x - sp.Min(x, y)).proved
    assert prove_nonnegative(sp.Max(x, y) - y).proved
    assert not prove_nonnegative(sp.Min(x, y) - x).proved  # false when y < x
    assert not prove_nonnegative(x - sp.Max(x, y)).proved  # false when y > x
    assert prove_zero(sp.Min(c * x, c * y) - c * sp.Min(x, y)).proved
    assert prove_zero(sp.Min(-c * x, -c * y) + c * sp.Max(x, y)).proved
    assert not prove_zero(sp.Min(-c * x, -c * y) + c * sp.Min(x, y)).proved  # a negative factor flips min to max
