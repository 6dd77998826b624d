"""Softmax odds depend only on logit gaps; wrong variants are rejected."""

from dataclasses import replace

import sympy as sp
from conftest import catalog_report

from derive import Domain, dimension, index, reals, vector
from derive.identities.softmax_probability_ratio import gap, ratio
from derive.notation import i, j, n, z
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("softmax_probability_ratio")


def test_verifies_with_every_step_proved():
    report = catalog_report("softmax_probability_ratio")
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"


def test_remarks_are_two_and_e():
    report = catalog_report("softmax_probability_ratio")
    assert [r.value for r in report.remarks] == ["2.0", "2.71828"]


def test_inverted_gap_is_rejected():
    report = verify_claim(RESULT.with_statement(0, sp.exp(z[j] - z[i])), 0)
    assert not report.oracle.passed
    assert "oracle" in report.oracle.counterexample
    report = verify_claim(RESULT.with_step(0, 2, sp.exp(z[i] + z[j])), 0)
    assert report.steps[1].symbolic == "failed"


def test_log_odds_are_not_a_sum_of_logits():
    report = verify_claim(RESULT.with_statement(1, z[i] + z[j]), 1)
    assert not report.oracle.passed
    report = verify_claim(RESULT.with_step(1, 3, z[i] - z[j] - sp.Symbol("m", real=True)), 1)
    assert report.steps[2].symbolic == "failed"


def test_raising_by_delta_does_not_scale_the_odds_by_e_to_minus_delta():
    report = verify_claim(RESULT.with_statement(2, sp.exp(-gap) * ratio), 2)
    assert not report.oracle.passed


def test_raising_needs_j_different_from_i():
    # for j = i the odds stay 1 and the delta_ij = 0 step is false
    any_j = Domain({n: dimension(1, 6), z: vector(n, reals(-5, 5)), gap: reals(-3, 3), i: index(n), j: index(n)})
    report = verify_claim(RESULT.with_claim(2, domain=any_j), 2)
    assert report.steps[1].symbolic == "failed"
    assert not report.oracle.passed


def test_without_the_hypothesis_j_ne_i_the_step_is_not_proved():
    report = verify_claim(replace(RESULT, rules=()), 2)
    assert report.steps[1].symbolic == "numeric-only"
