"""The attention scaling result verifies; exact enumeration and a Monte Carlo run agree; wrong variants are rejected."""

from fractions import Fraction

import mpmath
import pytest
import sympy as sp
from conftest import catalog_report, rejected_by_oracle

from derive.domain import Point
from derive.identities.attention_scaling import (
    MC_DIMENSIONS,
    RADEMACHER,
    SKEWED,
    E,
    Var,
    exact_score_statistics,
    k,
    law,
    monte_carlo,
    q,
    score,
    score_moment,
    score_variance,
)
from derive.notation import Sum, d, delta, i, j
from derive.numeric import evaluate, holds
from derive.registry import load
from derive.result import Step
from derive.verify import verify_claim

RESULT = load("attention_scaling")
MEAN, VARIANCE, SCALED, FOURTH = range(4)


def test_verifies_with_every_step_proved():
    report = catalog_report("attention_scaling")
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"


# --- exact enumeration for fixed laws, compared with the statements at 50 digits ----


def _point(law_values, law_weights, dim):
    """A point whose law L is the given one (padded with zero-weight atoms to L's size)."""
    atoms = law.atoms_count
    values = list(law_values) + [Fraction(0)] * (atoms - len(law_values))
    weights = list(law_weights) + [Fraction(0)] * (atoms - len(law_weights))
    with mpmath.workdps(60):
        entries = [mpmath.mpf(f.numerator) / f.denominator for f in values + weights]
    return Point({d: dim, law.symbol: entries})


@pytest.mark.parametrize(
    "name, fixed, dims", [("Rademacher", RADEMACHER, range(1, 9)), ("skewed", SKEWED, range(1, 5))]
)
def test_exact_enumeration_matches_every_statement(name, fixed, dims):
    for dim in dims:
        stats = exact_score_statistics(*fixed, dim)
        assert stats["mean"] == 0 and stats["variance"] == dim and stats["scaled_variance"] == 1
        point = _point(*fixed, dim)
        for position, key in [
            (MEAN, "mean"),
            (VARIANCE, "variance"),
            (SCALED, "scaled_variance"),
            (FOURTH, "fourth_moment"),
        ]:
            claimed = evaluate(RESULT.claims[position].statement.rhs, point)
            exact = stats[key]
            with mpmath.workdps(60):
                ok, error = holds("=", mpmath.mpf(exact.numerator) / exact.denominator, claimed)
            assert ok, (name, dim, key, exact, claimed, error)


def test_fourth_moment_of_fixed_laws():
    # Rademacher: E[q^4] = 1, so E[(q.k)^4] = d + 3d(d-1); the skewed law has E[q^4] = 3.
    for dim in range(1, 7):
        assert exact_score_statistics(*RADEMACHER, dim)["fourth_moment"] == dim + 3 * dim * (dim - 1)
    for dim in range(1, 4):
        assert exact_score_statistics(*SKEWED, dim)["fourth_moment"] == 9 * dim + 3 * dim * (dim - 1)


def test_without_scaling_the_variance_is_not_one():
    assert score_variance(*RADEMACHER, 4) == 4
    assert score_variance(*RADEMACHER, 4, scale=Fraction(1, 4)) == Fraction(1, 4)  # scaling by 1/d


# --- Monte Carlo at large d ------------------------------------------------------


def test_monte_carlo_scaled_variance_is_one_within_its_bound():
    for dim in MC_DIMENSIONS:
        run = monte_carlo(dim)
        assert run["within_bound"], run
        assert abs(run["mean"]) <= run["mean_bound"], run
        assert run["variance_bound"] < 0.06  # five standard errors of about 0.011


def test_monte_carlo_rejects_wrong_scalings():
    unscaled = monte_carlo(256, samples=4000, scale=1.0)
    by_d = monte_carlo(256, samples=4000, scale=1 / 256)
    assert not unscaled["within_bound"] and abs(unscaled["variance"] - 256) < 30
    assert not by_d["within_bound"] and abs(by_d["variance"] - 1 / 256) < 0.01


# --- wrong variants ----------------------------------------------------------------


def test_variance_d_squared_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(VARIANCE, d**2)
    assert rejected_by_oracle(verify_claim(wrong, VARIANCE))


def test_scaling_by_one_over_d_is_rejected():
    by_d = score / d
    wrong = RESULT.with_claim(
        SCALED,
        statement=sp.Eq(Var(by_d), 1, evaluate=False),
        steps=(
            Step(Var(by_d)),
            Step(Var(score) / d, because="Var(cX) = c Var(X)"),  # should be c^2 = 1/d^2
            Step(sp.Integer(1), because="part (b)"),
        ),
        oracle=lambda point: score_variance(*_split(point), point.d, scale=1 / mpmath.mpf(point.d)),
    )
    report = verify_claim(wrong, SCALED)
    assert report.steps[0].symbolic == "failed" and report.steps[0].counterexample
    assert rejected_by_oracle(report)


def _split(point):
    atoms = point.L
    return atoms[: len(atoms) // 2], atoms[len(atoms) // 2 :]


def test_dropped_independence_is_rejected():
    # keys equal to the queries: q_i and q_i are not independent, and E[q.q] = d, not 0
    self_score = Sum(q[i] * q[i], i, d)
    wrong = RESULT.with_claim(
        MEAN,
        statement=sp.Eq(E(self_score), 0, evaluate=False),
        steps=(
            Step(E(self_score)),
            Step(Sum(E(q[i] * q[i]), i, d), because="linearity"),
            Step(Sum(E(q[i]) * E(q[i]), i, d), because="independence"),
            Step(sp.Integer(0), because="zero means"),
        ),
        oracle=lambda point: mp_self_score(point),
    )
    report = verify_claim(wrong, MEAN)
    assert report.steps[0].symbolic == "proved"
    assert report.steps[1].symbolic == "failed" and report.steps[1].counterexample
    assert rejected_by_oracle(report)


def mp_self_score(point):
    values, weights = _split(point)
    from derive.oracles import mp_expectation_iid

    return mp_expectation_iid(values, weights, point.d, lambda o: sum(v * v for v in o))


def test_dropping_the_delta_is_rejected_numerically():
    # E[q_i q_j] = 1 for all i, j would make the variance d^2
    step = sp.Sum(sp.Integer(1), (j, 1, d), (i, 1, d))
    report = verify_claim(RESULT.with_step(VARIANCE, 5, step), VARIANCE)
    assert report.steps[4].symbolic == "failed" and report.steps[4].counterexample
    assert not report.passed


def test_fourth_moment_without_the_pairing_factor_is_rejected():
    wrong = RESULT.with_statement(FOURTH, d * E(q[1] ** 4) * E(k[1] ** 4) + d * (d - 1))
    assert rejected_by_oracle(verify_claim(wrong, FOURTH))


def test_expectation_rewrites_under_symbolic_sums():
    # the rewriting itself: E[q_i q_j] = delta_ij under the declared moments
    from derive.symbolic import Assumptions, prove_zero

    rules = Assumptions({}, RESULT.rules)
    assert prove_zero(E(q[i] * q[j]) - delta(i, j), rules).proved
    assert not prove_zero(E(q[i] * q[j]) - 1, rules).proved
    assert prove_zero(Var(score) - d, rules).proved
    assert score_moment(*RADEMACHER, 3, 2) == 3


def test_the_one_pass_enumeration_gives_the_generic_enumerations_numbers_digit_for_digit():
    from derive.identities.attention_scaling import score_moments
    from derive.oracles import mp_expectation_iid
    from derive.verify import claim_points

    result = load("attention_scaling")
    for point in claim_points(result, 1)[:8]:
        values, weights = point.L[: len(point.L) // 2], point.L[len(point.L) // 2 :]
        with mpmath.workdps(60):
            scale = 1 / mpmath.sqrt(point.d)
            for power in (1, 2, 4):
                generic = mp_expectation_iid(
                    values,
                    weights,
                    2 * point.d,
                    lambda o: (scale * sum(o[t] * o[point.d + t] for t in range(point.d))) ** power,
                )
                assert score_moments(values, weights, point.d, (2, power), scale)[1] == generic
    coin = ((mpmath.mpf(-1), mpmath.mpf(1)), (mpmath.mpf(0.25), mpmath.mpf(0.75)))
    assert score_moments(*coin, 1, (1, 2)) == [mpmath.mpf(0.25), 1]  # E[q]E[k] = 0.5², (qk)² = 1
