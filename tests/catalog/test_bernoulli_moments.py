"""The Bernoulli moments verify, and wrong variants are rejected by the same checks."""

from fractions import Fraction

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive import Domain
from derive.identities.bernoulli_moments import E, UnitInterval, X, half, mp_bernoulli_variance, p
from derive.registry import load
from derive.result import Statement
from derive.verify import verify_claim

RESULT = load("bernoulli_moments")
MEAN, SECOND, VARIANCE, BOUND, FAIR = range(5)


def test_verifies_with_every_step_proved():
    report = catalog_report("bernoulli_moments")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_swapped_outcomes_are_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(MEAN, 1 - p), MEAN))


def test_second_moment_confused_with_squared_mean_is_rejected():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(SECOND, p**2), SECOND))
    report = verify_claim(RESULT.with_step(SECOND, 1, E(X) ** 2), SECOND)
    assert report.steps[0].symbolic == "failed" and report.steps[0].counterexample


def test_variance_without_the_squared_mean_is_rejected():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(VARIANCE, p), VARIANCE))
    report = verify_claim(RESULT.with_step(VARIANCE, 2, p + p**2), VARIANCE)
    assert report.steps[1].symbolic == "failed" and report.steps[1].counterexample


def test_a_smaller_bound_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(BOUND, sp.Rational(1, 5)), BOUND))


def test_completing_the_square_with_the_wrong_sign_is_rejected_numerically():
    report = verify_claim(RESULT.with_step(BOUND, 2, sp.Rational(1, 4) + (p - half) ** 2), BOUND)
    assert report.steps[1].symbolic == "failed" and report.steps[1].counterexample
    assert report.steps[2].symbolic == "failed"  # 1/4 + (p − 1/2)² ≤ 1/4 is false too


def test_the_bound_is_not_strict_at_a_fair_coin():
    old = RESULT.claims[BOUND].statement
    at_half = Domain({p: UnitInterval()}, points=5, fixed={p: mpmath.mpf(1) / 2})
    wrong = RESULT.with_claim(BOUND, statement=Statement(old.lhs, "<", old.rhs), domain=at_half)
    report = verify_claim(wrong, BOUND)
    assert rejected_by_oracle(report)


def test_fair_coin_with_the_wrong_value_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(FAIR, half), FAIR))


def test_oracle_against_exact_fractions():
    for probability in (Fraction(0), Fraction(1, 10), Fraction(1, 3), Fraction(1, 2), Fraction(4, 5), Fraction(1)):
        exact = probability * (1 - probability)
        assert exact <= Fraction(1, 4)
        with mpmath.workdps(60):
            value = mp_bernoulli_variance(mpmath.mpf(probability.numerator) / probability.denominator)
            assert abs(value - mpmath.mpf(exact.numerator) / exact.denominator) < mpmath.mpf(10) ** -55
