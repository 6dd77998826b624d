"""Softmax temperature (order, T -> 0 and T -> infinity) verifies; wrong variants are rejected."""

import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Domain, dimension, index, positive, reals, vector
from derive.identities.log_softmax_stable import t
from derive.identities.softmax_temperature import T
from derive.notation import Sum, i, j, k, n, z
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("softmax_temperature")
LIMIT_STEPS = {("T to 0: one-hot", 0), ("T to 0: one-hot", 1), ("T to infinity: uniform", 0)}


def test_verifies_and_only_the_sign_and_limit_steps_are_numeric_only():
    report = catalog_report("softmax_temperature")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == LIMIT_STEPS | {("order preserved", 1)}


def test_ordered_index_samplers_keep_their_promise():
    domain = RESULT.claims[1].domain
    for point in domain.sample_points("order", 60):
        assert point.z[point.i - 1] > point.z[point.j - 1]


def test_inverted_ratio_is_rejected():
    report = verify_claim(RESULT.with_statement(0, sp.exp((z[j] - z[i]) / T)), 0)
    assert not report.oracle.passed
    report = verify_claim(RESULT.with_step(0, 2, sp.exp((z[i] - z[j]) * T)), 0)
    assert report.steps[1].symbolic == "failed"


def test_order_is_not_claimed_for_any_pair_of_indices():
    any_pair = Domain(
        {n: dimension(2, 6), z: vector(n, reals(-5, 5)), T: positive("0.05", 5), i: index(n), j: index(n)}
    )
    report = verify_claim(RESULT.with_claim(1, domain=any_pair), 1)
    assert report.steps[1].symbolic == "failed"
    assert not report.oracle.passed


def test_wrong_sign_in_the_gaps_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(2, 1 / Sum(sp.exp((z[j] - z[k]) / T), k, n)), 2)
    assert not report.oracle.passed


def test_a_gap_that_does_not_vanish_is_rejected():
    report = verify_claim(RESULT.with_statement(3, sp.Integer(1)), 3)
    assert not report.oracle.passed
    report = verify_claim(RESULT.with_step(3, 2, sp.Integer(1)), 3)
    assert report.steps[1].symbolic == "failed"


def test_cold_limit_is_not_uniform():
    report = verify_claim(RESULT.with_statement(4, 1 / n), 4)
    assert not report.oracle.passed
    assert "oracle" in report.oracle.counterexample


def test_cold_limit_needs_the_largest_logit():
    # t an arbitrary index: the limit is still the one-hot vector of the true maximum, not of t
    any_t = Domain({n: dimension(2, 6), z: vector(n, reals(-5, 5)), j: index(n), t: index(n)})
    report = verify_claim(RESULT.with_claim(4, domain=any_t), 4)
    assert report.steps[1].symbolic == "failed"
    assert not report.oracle.passed


def test_hot_limit_is_not_the_softmax_itself():
    report = verify_claim(RESULT.with_statement(5, 1 / (n + 1)), 5)
    assert not report.oracle.passed
    report = verify_claim(RESULT.with_step(5, 3, 1 / (n + 1)), 5)
    assert report.steps[2].symbolic == "failed"
