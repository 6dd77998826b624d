"""Mutual information identities and I >= 0 verify; wrong variants are rejected."""

import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Domain, Statement, dimension, positive, probability_vector, vector, verify
from derive.identities.mutual_information import HX, HX_Y, HXY, HY, PX, PY, I, P, a, b, double_sum, m
from derive.notation import Sum, i, j, n
from derive.registry import load

RESULT = load("mutual_information")


def test_verifies_and_only_the_log_bound_is_numeric_only():
    report = catalog_report("mutual_information")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {("I >= 0", 1)}


def test_joint_entropy_with_the_wrong_sign_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, HX + HY + HXY))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_a_dropped_marginal_term_is_rejected_numerically():
    dropped = double_sum(P[i, j] * sp.log(P[i, j])) - double_sum(P[i, j] * sp.log(PX))  # no P_Y(j) term
    report = verify(RESULT.with_step(0, 3, dropped))
    assert not report.verified
    assert report.claims[0].steps[2].symbolic == "failed"
    assert report.claims[0].steps[2].counterexample


def test_conditioning_on_the_wrong_variable_is_rejected():
    report = verify(RESULT.with_statement(1, HXY - HX))
    assert not report.verified
    assert not report.claims[1].oracle.passed


def test_adding_the_conditional_entropy_is_rejected():
    report = verify(RESULT.with_statement(2, HX + HX_Y))
    assert not report.verified
    assert not report.claims[2].oracle.passed


def test_nonpositive_mutual_information_is_rejected():
    report = verify(RESULT.with_claim(3, statement=Statement(I, "<=", sp.Integer(0))))
    assert not report.verified
    assert not report.claims[3].oracle.passed
    assert report.claims[3].chain_problem


def test_wrong_sign_of_the_product_of_marginals_is_rejected_numerically():
    report = verify(RESULT.with_step(3, 4, double_sum(P[i, j]) + Sum(PX, i, n) * Sum(PY, j, m)))
    assert not report.verified
    assert report.claims[3].steps[3].symbolic == "failed"


def test_independence_needs_normalised_marginals():
    # a is positive but not a distribution: the marginals are no longer a and b, and I != 0
    domain = Domain(
        {n: dimension(1, 3), m: dimension(1, 3), a: vector(n, positive("0.05", 1)), b: probability_vector(m)}
    )
    report = verify(RESULT.with_claim(4, domain=domain))
    assert not report.verified
    assert not report.claims[4].oracle.passed
    assert report.claims[4].steps[1].symbolic == "failed"
