"""The minibatch mean and variance verify, exact enumeration agrees, and wrong variants are rejected."""

from fractions import Fraction

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive.identities.minibatch_mean_variance import B, Var, X, law, mu, sigma, t
from derive.notation import Sum
from derive.numeric import evaluate, holds
from derive.oracles import mp_expectation_iid
from derive.registry import load
from derive.result import Step
from derive.verify import verify_claim

RESULT = load("minibatch_mean_variance")
UNBIASED, VARIANCE = range(2)


def test_verifies_with_every_step_proved():
    report = catalog_report("minibatch_mean_variance")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_sampled_laws_have_the_declared_mean_and_variance():
    points = RESULT.domain.sample_points("minibatch check", 60)
    for point in points:
        atoms = point.L
        values, weights = atoms[: law.atoms_count], atoms[law.atoms_count :]
        with mpmath.workdps(60):
            mean = mpmath.fsum(w * v for w, v in zip(weights, values))
            variance = mpmath.fsum(w * (v - mean) ** 2 for w, v in zip(weights, values))
            assert holds("=", mean, point.mu)[0]
            assert holds("=", variance, point.sigma**2)[0]


def test_exact_enumeration_with_fractions():
    # the law on {−1, 0, 2} with probabilities 1/3, 1/2, 1/6 has mean 0 and variance 1
    values, weights = (Fraction(-1), Fraction(0), Fraction(2)), (Fraction(1, 3), Fraction(1, 2), Fraction(1, 6))
    for size in range(1, 6):
        mean = mp_expectation_iid(values, weights, size, lambda o: sum(o) / len(o))
        second = mp_expectation_iid(values, weights, size, lambda o: (sum(o) / len(o)) ** 2)
        assert mean == 0 and second - mean**2 == Fraction(1, size)


def test_biased_mean_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(UNBIASED, mu * B), UNBIASED))


def test_dividing_by_b_squared_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(VARIANCE, sigma**2 / B**2), VARIANCE))


def test_no_reduction_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(VARIANCE, sigma**2), VARIANCE))


def test_scaling_the_variance_by_c_instead_of_c_squared_is_rejected_numerically():
    report = verify_claim(RESULT.with_step(VARIANCE, 1, Var(Sum(X[t], t, B)) / B), VARIANCE)
    assert report.steps[0].symbolic == "failed" and report.steps[0].counterexample
    assert not report.passed


def test_repeating_one_sample_gets_no_reduction():
    # B copies of the same sample X_1 are not independent: their mean has variance sigma^2
    copies = Sum(X[1], t, B) / B
    wrong = RESULT.with_claim(
        VARIANCE,
        statement=sp.Eq(Var(copies), sigma**2 / B, evaluate=False),
        steps=(
            Step(Var(copies)),
            Step(Sum(Var(X[1]), t, B) / B**2, because="variances add (wrong: not independent)"),
            Step(sigma**2 / B, because="B equal terms"),
        ),
        oracle=lambda point: mp_expectation_iid(*_law(point), 1, lambda o: (o[0] - point.mu) ** 2),
    )
    report = verify_claim(wrong, VARIANCE)
    assert report.steps[0].symbolic == "failed" and report.steps[0].counterexample
    assert rejected_by_oracle(report)


def _law(point):
    atoms = point.L
    return atoms[: law.atoms_count], atoms[law.atoms_count :]


def test_standard_error_remark():
    from derive.domain import Point

    value = evaluate(sp.sqrt(sigma**2 / B), Point({sigma: 1, B: 64}))
    assert holds("=", value, mpmath.mpf(1) / 8)[0]
