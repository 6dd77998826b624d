"""Frobenius norm, SVD and Eckart–Young: proved parts proved, checked parts checked, wrong variants rejected."""

import random

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive.identities.eckart_young import (
    FrobeniusSq,
    Gram,
    M,
    OtherIndex,
    gm_q,
    m,
    mp_frobenius_sq,
    mp_givens,
    mp_truncated,
    n,
    norm_M,
    p,
    r,
    rank_bound,
    sigma,
    tail,
)
from derive.notation import Sum, i, j, k
from derive.registry import load
from derive.result import Statement
from derive.verify import verify_claim

RESULT = load("eckart_young")
TRACE, GIVENS, SINGULAR, TRUNCATION, OPTIMALITY = range(5)


def test_proves_trace_and_givens_and_checks_the_svd_parts():
    report = catalog_report("eckart_young")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {
        ("singular values", 1),
        ("truncated SVD", 0),
        ("truncated SVD", 1),
        ("optimality", 0),
        ("optimality", 1),
        ("optimality", 2),
        ("optimality", 3),
    }


def test_oracle_helpers():
    with mpmath.workdps(40):
        g = mp_givens(4, 2, 4, mpmath.mpf("0.7"))
        assert mpmath.norm(g.T * g - mpmath.eye(4)) < mpmath.mpf(10) ** -35
        mat = mpmath.matrix([[3, 0], [0, 2], [0, 0]])
        assert abs(mp_frobenius_sq(mat - mp_truncated(mat, 1)) - 4) < mpmath.mpf(10) ** -35


def test_other_index_never_repeats_the_first():
    sampler = OtherIndex(m, p)
    rng = random.Random(0)
    for first in range(1, 5):
        assert all(sampler.sample(rng, {m: 4, p: first}) != first for _ in range(50))


def test_off_diagonal_trace_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(TRACE, Sum(Gram(M, j, 1, m), j, n))  # Σ_j (MᵀM)_{j1}
    assert rejected_by_oracle(verify_claim(wrong, TRACE))


def test_givens_with_a_leftover_term_is_rejected():
    wrong = RESULT.with_statement(GIVENS, norm_M + Sum(gm_q(j) ** 2, j, n))
    assert rejected_by_oracle(verify_claim(wrong, GIVENS))


def test_givens_step_dropping_the_old_rows_is_rejected():
    wrong = RESULT.with_step(GIVENS, 2, norm_M + Sum(gm_q(j) ** 2, j, n))
    report = verify_claim(wrong, GIVENS)
    assert report.steps[1].symbolic == "failed" and report.steps[1].counterexample


def test_sum_of_singular_values_unsquared_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(SINGULAR, Sum(sigma(k), k, rank_bound))
    assert rejected_by_oracle(verify_claim(wrong, SINGULAR))


def test_tail_from_r_is_rejected_for_the_truncated_svd():
    wrong = RESULT.with_statement(TRUNCATION, sp.Sum(sigma(k) ** 2, (k, r, rank_bound)))
    assert rejected_by_oracle(verify_claim(wrong, TRUNCATION))


def test_a_slightly_larger_lower_bound_is_rejected_by_near_optimal_competitors():
    # the competitors include perturbations of M_r, whose error exceeds the tail by O(eps^2)
    wrong = RESULT.with_claim(
        OPTIMALITY,
        statement=Statement(
            FrobeniusSq(RESULT.claims[OPTIMALITY].statement.lhs.args[0], m, n), ">=", tail * sp.Rational(1001, 1000)
        ),
    )
    assert rejected_by_oracle(verify_claim(wrong, OPTIMALITY))


def test_weyl_without_the_shift_is_rejected_in_a_step():
    # Σ_i σ_i(M − BA)² ≥ Σ_i σ_i(M)² over the first min(m, n) − r terms is false for near-optimal BA
    wrong = RESULT.with_step(OPTIMALITY, 3, Sum(sigma(i) ** 2, i, rank_bound - r))
    report = verify_claim(wrong, OPTIMALITY)
    assert report.steps[2].symbolic == "failed" and report.steps[2].counterexample
