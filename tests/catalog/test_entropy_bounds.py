"""0 <= H(p) <= log n with its equality cases verifies; wrong variants are rejected."""

import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Domain, Statement, dimensions, probability_vector, verify
from derive.identities.entropy_bounds import u
from derive.notation import KL, Entropy, Sum, k, n, p
from derive.registry import load

RESULT = load("entropy_bounds")
SIGN_STEPS = {
    ("H >= 0", 1),
    ("H = 0 at a one-hot p", 0),
    ("H > 0 otherwise", 1),
    ("H <= log n", 1),
    ("H < log n otherwise", 1),
}


def only_n_equal_one(claim):
    return RESULT.with_claim(claim, domain=Domain({n: dimensions(1), p: probability_vector(n)}))


def test_verifies_and_only_the_sign_steps_are_numeric_only():
    report = catalog_report("entropy_bounds")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == SIGN_STEPS


def test_nonpositive_entropy_is_rejected():
    report = verify(RESULT.with_claim(0, statement=Statement(Entropy(p, n), "<=", sp.Integer(0))))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert report.claims[0].chain_problem


def test_one_hot_with_the_uniform_value_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(1, sp.log(n)))
    assert not report.verified
    assert not report.claims[1].oracle.passed
    assert "oracle" in report.claims[1].oracle.counterexample


def test_strict_positivity_fails_for_a_single_outcome():
    report = verify(only_n_equal_one(2))  # p = (1) is one-hot: H = 0
    assert not report.verified
    assert not report.claims[2].oracle.passed
    assert report.claims[2].steps[1].symbolic == "failed"


def test_gap_is_not_the_reverse_divergence():
    report = verify(RESULT.with_statement(3, KL(u, p, n)))
    assert not report.verified
    assert not report.claims[3].oracle.passed


def test_sign_slip_in_the_gap_is_rejected_numerically():
    wrong = RESULT.with_step(3, 1, sp.log(n) * Sum(p[k], k, n) - Sum(p[k] * sp.log(p[k]), k, n))
    report = verify(wrong)
    assert not report.verified
    assert report.claims[3].steps[0].symbolic == "failed"
    assert report.claims[3].steps[0].counterexample


def test_half_the_bound_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(4, sp.log(n) / 2))
    assert not report.verified
    assert not report.claims[4].oracle.passed


def test_forgetting_the_count_of_equal_terms_is_rejected():
    report = verify(RESULT.with_step(5, 2, -sp.log(sp.Integer(1) / n) / n))
    assert not report.verified
    assert report.claims[5].steps[1].symbolic == "failed"


def test_strict_upper_bound_fails_for_a_single_outcome():
    report = verify(only_n_equal_one(6))  # p = (1) is uniform: H = log 1
    assert not report.verified
    assert not report.claims[6].oracle.passed
    assert report.claims[6].steps[1].symbolic == "failed"
