"""Shift invariance and the stable log-softmax verify; wrong variants are rejected."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Domain, dimension, index, reals, vector, verify
from derive.identities.log_softmax_stable import c, m, t
from derive.notation import Sum, i, k, n, softmax, z
from derive.registry import load

RESULT = load("log_softmax_stable")


def test_verifies_and_only_the_termwise_bounds_are_numeric_only():
    report = catalog_report("log_softmax_stable")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {("sum at least 1", 1), ("sum at most n", 0)}


def test_argmax_sampler_picks_a_largest_logit():
    for point in RESULT.domain.sample_points("argmax", 60):
        assert point.z[point.t - 1] == max(point.z)


def test_remark_agrees_with_plain_mpmath():
    report = catalog_report("log_softmax_stable")
    with mpmath.workdps(30):
        expected = -mpmath.log(1 + mpmath.exp(-1) + mpmath.exp(-2))
    assert report.remarks[0].value == mpmath.nstr(expected, 6)


def test_softmax_that_moves_with_the_shift_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, softmax(i) * sp.exp(c)))
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_shift_kept_only_in_the_numerator_is_rejected_numerically():
    wrong = RESULT.with_step(0, 2, sp.exp(c) * sp.exp(z[i]) / Sum(sp.exp(z[k]), k, n))
    report = verify(wrong)
    assert not report.verified
    assert report.claims[0].steps[1].symbolic == "failed"
    assert report.claims[0].steps[1].counterexample


def test_wrong_sign_of_m_is_rejected():
    wrong_form = z[i] + m - sp.log(Sum(sp.exp(z[k] - m), k, n))
    report = verify(RESULT.with_statement(1, wrong_form))
    assert not report.claims[1].oracle.passed
    report = verify(RESULT.with_step(1, 4, wrong_form))
    assert report.claims[1].steps[3].symbolic == "failed"


def test_lower_bound_of_two_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(2, sp.Integer(2)))
    assert not report.claims[2].oracle.passed


def test_dropping_terms_that_are_not_there_is_rejected():
    report = verify(RESULT.with_step(2, 2, 2 * sp.exp(z[t] - z[t])))  # claims the dropped terms are >= 1 more
    assert report.claims[2].steps[1].symbolic == "failed"


def test_upper_bound_needs_the_largest_logit():
    # with t an arbitrary index some exponent z_k - z_t is positive and the sum can exceed n;
    # the oracle takes the maximum from the logits themselves, so only the step can notice
    any_index = Domain({n: dimension(2, 6), z: vector(n, reals(-5, 5)), i: index(n), t: index(n)})
    report = verify(RESULT.with_claim(3, domain=any_index))
    assert not report.verified
    assert report.claims[3].steps[0].symbolic == "failed"
    assert report.claims[3].oracle.passed
