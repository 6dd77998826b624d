"""Gibbs' inequality verifies; wrong variants are rejected by the same checks."""

import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Domain, Statement, dimensions, probability_vector, verify
from derive.identities.gibbs_inequality import t
from derive.notation import CrossEntropy, Entropy, Sum, k, n, p, q
from derive.registry import load

RESULT = load("gibbs_inequality")
LOG_BOUND_STEPS = {("log t <= t - 1", 0), ("Gibbs' inequality", 2), ("strict for q != p", 2)}


def test_verifies_and_only_the_log_bound_is_numeric_only():
    report = catalog_report("gibbs_inequality")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == LOG_BOUND_STEPS


def test_a_lower_tangent_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, t - 2))  # log 1 = 0 > -1
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_reversed_inequality_is_rejected():
    wrong = RESULT.with_claim(1, statement=Statement(CrossEntropy(p, q, n), "<=", Entropy(p, n)))
    report = verify(wrong)
    assert not report.verified
    assert not report.claims[1].oracle.passed
    assert report.claims[1].chain_problem


def test_the_bound_used_the_wrong_way_round_is_rejected_numerically():
    # log t >= 1 - 1/t is true, so "log t <= 1 - 1/t" is not: it would make D_KL >= chi^2
    wrong = RESULT.with_step(1, 3, Entropy(p, n) - Sum(p[k] * (1 - p[k] / q[k]), k, n))
    report = verify(wrong)
    assert not report.verified
    assert report.claims[1].steps[2].symbolic == "failed"
    assert report.claims[1].steps[2].counterexample


def test_equality_case_with_an_extra_term_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(2, Entropy(p, n) + sp.log(n)))
    assert not report.verified
    assert not report.claims[2].oracle.passed


def test_strictness_fails_where_q_must_equal_p():
    # with n = 1 the only probability vector is (1): q = p and the inequality is an equality
    wrong = RESULT.with_claim(3, domain=Domain({n: dimensions(1), p: probability_vector(n), q: probability_vector(n)}))
    report = verify(wrong)
    assert not report.verified
    assert not report.claims[3].oracle.passed
    assert report.claims[3].steps[2].symbolic == "failed"
