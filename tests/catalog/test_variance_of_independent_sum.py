"""The variance of a sum verifies, and wrong variants are rejected by the same checks."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive.identities.linearity_of_expectation import X, Y, mp_expectation
from derive.identities.variance_of_independent_sum import COPY, Cov, E, Ei, Var, Vari, general, m, twice
from derive.notation import Sum, k, l, n, p, x, y
from derive.numeric import evaluate, holds
from derive.registry import load
from derive.result import Step
from derive.verify import verify_claim

RESULT = load("variance_of_independent_sum")
GENERAL, FACTORISES, INDEPENDENT = range(3)


def test_verifies_with_every_step_proved():
    report = catalog_report("variance_of_independent_sum")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_dropping_the_covariance_for_a_dependent_pair_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(GENERAL, Var(X) + Var(Y)), GENERAL))


def test_covariance_with_the_wrong_sign_is_rejected_numerically():
    wrong = RESULT.with_step(GENERAL, 3, Var(X) + Var(Y) - twice(E(X * Y) - E(X) * E(Y)))
    report = verify_claim(wrong, GENERAL)
    assert report.steps[2].symbolic == "failed" and report.steps[2].counterexample
    assert not report.passed


def test_factorising_without_independence_is_rejected():
    # on one sample space X = x_k, Y = y_k are in general dependent: E[XY] != E[X] E[Y]
    wrong = RESULT.with_claim(
        FACTORISES,
        statement=sp.Eq(E(X * Y), E(X) * E(Y), evaluate=False),
        steps=(
            Step(E(X * Y)),
            Step(Sum(p[k] * x[k] * y[k], k, n), because="definition"),
            Step(Sum(p[k] * x[k], k, n) * Sum(p[k] * y[k], k, n), because="factorise (wrong)"),
            Step(E(X) * E(Y), because="definition"),
        ),
        oracle=lambda point: mp_expectation(point.p, lambda o: point.x[o] * point.y[o]),
        domain=general.domain,
    )
    report = verify_claim(wrong, FACTORISES)
    assert report.steps[0].symbolic == "proved"
    assert report.steps[1].symbolic == "failed" and report.steps[1].counterexample
    assert rejected_by_oracle(report)


def test_unweighted_factor_is_rejected_numerically():
    wrong = RESULT.with_step(FACTORISES, 2, Sum(p[k] * x[k], k, n) * Sum(y[l], l, m))
    report = verify_claim(wrong, FACTORISES)
    assert report.steps[1].symbolic == "failed" and report.steps[1].counterexample


def test_extra_term_for_independent_variables_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(INDEPENDENT, Vari(X) + Vari(Y) + 2 * Ei(X) * Ei(Y))
    assert rejected_by_oracle(verify_claim(wrong, INDEPENDENT))


def test_fully_dependent_copy_doubles_the_standard_deviation():
    # Y = X for a fair coin: Var(X) = 1/4, Cov(X, Y) = 1/4, Var(X + Y) = Var(2X) = 1
    with mpmath.workdps(60):
        assert holds("=", evaluate(Var(X), COPY), mpmath.mpf(1) / 4)[0]
        assert holds("=", evaluate(Cov(X, Y), COPY), mpmath.mpf(1) / 4)[0]
        assert holds("=", evaluate(Var(X + Y), COPY), 1)[0]
