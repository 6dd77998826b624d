"""The variance shortcut verifies, and wrong variants are rejected by the same checks."""

import mpmath
from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive.identities.linearity_of_expectation import E, X
from derive.identities.variance_shortcut import DIE, Var, mp_variance, mu
from derive.notation import Sum, k, n, p, x
from derive.numeric import evaluate, holds
from derive.registry import load
from derive.result import Statement
from derive.verify import verify_claim

RESULT = load("variance_shortcut")
SHORTCUT, DOMINATES = range(2)


def test_verifies_with_every_step_proved():
    report = catalog_report("variance_shortcut")
    assert report.verified, report.to_json()
    # the sign of Σ_k p_k (x_k − μ)² is decided before the square is expanded
    assert numeric_only_steps(report) == set()


def test_plus_instead_of_minus_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(SHORTCUT, E(X**2) + E(X) ** 2), SHORTCUT))


def test_mean_instead_of_its_square_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(SHORTCUT, E(X**2) - E(X)), SHORTCUT))


def test_dropped_cross_term_is_rejected_numerically():
    wrong = RESULT.with_step(SHORTCUT, 2, Sum(p[k] * x[k] ** 2, k, n) + mu**2 * Sum(p[k], k, n))
    report = verify_claim(wrong, SHORTCUT)
    assert report.steps[1].symbolic == "failed" and report.steps[1].counterexample
    assert not report.passed


def test_reversed_inequality_is_rejected_by_the_oracle():
    old = RESULT.claims[DOMINATES].statement
    wrong = RESULT.with_claim(DOMINATES, statement=Statement(old.lhs, ">=", old.rhs))
    report = verify_claim(wrong, DOMINATES)
    assert rejected_by_oracle(report)
    assert report.chain_problem  # the steps prove <=, not >=


def test_subtracting_the_variance_is_rejected_numerically():
    wrong = RESULT.with_step(DOMINATES, 1, E(X) ** 2 - Sum(p[k] * (x[k] - mu) ** 2, k, n))
    report = verify_claim(wrong, DOMINATES)
    assert report.steps[0].symbolic == "failed" and report.steps[0].counterexample


def test_fair_die_has_variance_35_over_12():
    with mpmath.workdps(60):
        exact = mpmath.mpf(35) / 12
        assert holds("=", evaluate(Var(X), DIE), exact)[0]
        assert holds("=", evaluate(E(X**2) - E(X) ** 2, DIE), exact)[0]
        assert holds("=", mp_variance(DIE.p, DIE.x), exact)[0]
