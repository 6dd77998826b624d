"""Linearity of expectation verifies, and wrong variants are rejected by the same checks."""

import sympy as sp
from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive.identities.linearity_of_expectation import E, X, Y, a, b, mp_expectation
from derive.notation import Sum, k, n, p, x, y
from derive.registry import load
from derive.result import Step
from derive.verify import verify_claim

RESULT = load("linearity_of_expectation")
LINEAR, AFFINE = range(2)


def test_verifies_with_every_step_proved():
    report = catalog_report("linearity_of_expectation")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_swapped_coefficient_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(LINEAR, a * E(X) + a * E(Y)), LINEAR))


def test_dropped_term_in_a_step_is_rejected_numerically():
    report = verify_claim(RESULT.with_step(LINEAR, 2, a * Sum(p[k] * x[k], k, n)), LINEAR)
    assert report.steps[1].symbolic == "failed" and report.steps[1].counterexample
    assert not report.passed


def test_dropped_constant_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(AFFINE, a * E(X)), AFFINE))


def test_constant_not_weighted_by_the_probabilities_is_rejected_numerically():
    # Σ_k p_k b = b needs Σ_k p_k = 1; Σ_k b = n b does not
    wrong = RESULT.with_step(AFFINE, 2, a * Sum(p[k] * x[k], k, n) + b * n)
    report = verify_claim(wrong, AFFINE)
    assert report.steps[1].symbolic == "failed" and report.steps[1].counterexample


def test_products_are_not_linear_without_independence():
    # E[XY] = E[X] E[Y] is false for a general joint law: the same machinery rejects it
    wrong = RESULT.with_claim(
        LINEAR,
        statement=sp.Eq(E(X * Y), E(X) * E(Y), evaluate=False),
        steps=(
            Step(E(X * Y)),
            Step(Sum(p[k] * x[k], k, n) * Sum(p[k] * y[k], k, n), because="factorise (wrong)"),
            Step(E(X) * E(Y), because="definition"),
        ),
        oracle=lambda point: mp_expectation(point.p, lambda o: point.x[o] * point.y[o]),
    )
    report = verify_claim(wrong, LINEAR)
    assert report.steps[0].symbolic == "failed" and report.steps[0].counterexample
    assert rejected_by_oracle(report)
