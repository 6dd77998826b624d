"""Attention matrices are row-stochastic with spectral radius 1; wrong variants are rejected."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive.identities.attention_row_stochastic import A, eigenvalues, mp_attention, norm_v, rho, v
from derive.notation import Sum, i, j, n
from derive.registry import load
from derive.result import Statement
from derive.verify import verify_claim

RESULT = load("attention_row_stochastic")
POSITIVE, ROW_SUM, ONES, BOUND, RADIUS = range(5)


def test_verifies_with_only_the_inequalities_numeric():
    report = catalog_report("attention_row_stochastic")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {("max-norm bound", 0), ("max-norm bound", 1), ("eigenvalues", 0)}


def test_oracle_sees_eigenvalue_one_on_a_known_matrix():
    with mpmath.workdps(40):
        scores = mpmath.matrix([[0, mpmath.log(3)], [mpmath.log(2), 0]])  # rows (1/4, 3/4) and (2/3, 1/3)
        values = sorted(eigenvalues(mp_attention(scores)), key=lambda e: mpmath.re(e))
        assert abs(values[1] - 1) < mpmath.mpf(10) ** -35
        assert abs(values[0] + mpmath.mpf(5) / 12) < mpmath.mpf(10) ** -35  # trace 7/12 = 1 + λ


def test_entries_above_one_over_n_are_rejected_by_the_oracle():
    wrong = RESULT.with_claim(POSITIVE, statement=Statement(A(i, j), ">", 1 / n))
    assert rejected_by_oracle(verify_claim(wrong, POSITIVE))


def test_rows_summing_to_n_are_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(ROW_SUM, n), ROW_SUM))


def test_eigenvalue_zero_for_ones_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(ONES, sp.Integer(0)), ONES))


def test_half_the_max_norm_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(BOUND, norm_v / 2), BOUND))


def test_dropping_the_absolute_values_is_rejected_in_a_step():
    wrong = RESULT.with_step(BOUND, 1, Sum(A(i, j) * v[j], j, n))  # |Σ A v| ≤ Σ A v fails when Σ A v < 0
    report = verify_claim(wrong, BOUND)
    assert not report.passed and report.steps[0].symbolic == "failed" and report.steps[0].counterexample


def test_strict_bound_is_rejected_because_one_is_an_eigenvalue():
    wrong = RESULT.with_claim(RADIUS, statement=Statement(rho, "<", sp.Integer(1)))
    report = verify_claim(wrong, RADIUS)
    assert rejected_by_oracle(report)
    assert "prove" in report.chain_problem  # a '<=' step cannot prove '<'
