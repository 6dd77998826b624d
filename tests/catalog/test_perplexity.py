"""Perplexity: bases, bounds, equality cases and exp(mean NLL) verify; wrong variants are rejected."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Domain, dimensions, probability_vector, verify
from derive.identities.perplexity import T, t
from derive.notation import Entropy, Sum, n, p, q
from derive.registry import load

RESULT = load("perplexity")
MONOTONE_STEPS = {
    ("PPL >= 1", 1),
    ("PPL <= n", 1),
    ("PPL = 1 at a one-hot p", 0),
    ("PPL > 1 otherwise", 1),
    ("PPL < n otherwise", 1),
}


def only_n_equal_one(claim):
    return RESULT.with_claim(claim, domain=Domain({n: dimensions(1), p: probability_vector(n)}))


def test_verifies_and_only_the_entropy_bounds_are_numeric_only():
    report = catalog_report("perplexity")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == MONOTONE_STEPS


def test_remarks_agree_with_plain_mpmath():
    report = catalog_report("perplexity")
    with mpmath.workdps(30):
        dyadic = mpmath.nstr(mpmath.mpf(2) ** mpmath.mpf("1.75"), 6)
    assert [r.value for r in report.remarks] == ["50000.0", "4.0", dyadic]


def test_two_to_the_entropy_in_nats_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, 2 ** Entropy(p, n)))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_lower_bound_two_is_rejected():
    report = verify(RESULT.with_statement(1, sp.Integer(2)))
    assert not report.verified
    assert not report.claims[1].oracle.passed  # PPL = 1 at n = 1


def test_upper_bound_n_minus_one_is_rejected():
    report = verify(RESULT.with_statement(2, n - 1))
    assert not report.verified
    assert not report.claims[2].oracle.passed


def test_uniform_perplexity_is_not_its_entropy():
    report = verify(RESULT.with_statement(3, sp.log(n)))
    assert not report.verified
    assert not report.claims[3].oracle.passed


def test_one_hot_perplexity_is_not_zero():
    report = verify(RESULT.with_statement(4, sp.Integer(0)))
    assert not report.verified
    assert not report.claims[4].oracle.passed


def test_strict_bounds_fail_for_a_single_outcome():
    for claim in (5, 6):  # n = 1: PPL = 1 = n
        report = verify(only_n_equal_one(claim))
        assert not report.verified
        assert not report.claims[claim].oracle.passed
        assert report.claims[claim].steps[1].symbolic == "failed"


def test_total_instead_of_mean_nll_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(7, sp.exp(Sum(-sp.log(q[t]), t, T))))
    assert not report.verified
    assert not report.claims[7].oracle.passed


def test_wrong_sign_of_the_exponent_is_rejected_numerically():
    report = verify(RESULT.with_step(7, 2, sp.exp(Sum(sp.log(q[t]), t, T) / T)))
    assert not report.verified
    assert report.claims[7].steps[1].symbolic == "failed"
    assert report.claims[7].steps[1].counterexample
