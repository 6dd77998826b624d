"""ReLU's derivative away from 0, its one-sided derivatives and subgradients at 0 verify; wrong variants are rejected."""

import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Domain, reals, verify
from derive.identities.relu_derivative import ReLU, s, t, x
from derive.registry import load

RESULT = load("relu_derivative")


def test_verifies_with_one_numeric_only_step():
    report = catalog_report("relu_derivative")
    assert report.verified, report.to_json()
    # 1 − s ≥ 0 for s ∈ [0, 1] is outside what SymPy's assumptions can express
    assert numeric_only_steps(report) == {("subgradients at 0", 2)}


def test_wrong_slopes_are_rejected_by_the_oracle():
    for position, wrong in ((0, sp.Integer(0)), (1, sp.Integer(1))):
        report = verify(RESULT.with_statement(position, wrong))
        assert not report.verified
        assert not report.claims[position].oracle.passed
        assert "oracle" in report.claims[position].oracle.counterexample


def test_swapped_branches_are_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(2, sp.Piecewise((0, x > 0), (1, x < 0))))
    assert not report.verified
    assert not report.claims[2].oracle.passed


def test_swapped_one_sided_derivatives_are_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(3, sp.Integer(0)).with_statement(4, sp.Integer(1)))
    assert not report.verified
    assert not report.claims[3].oracle.passed
    assert not report.claims[4].oracle.passed


def test_slope_above_one_is_not_a_subgradient():
    outside = Domain({t: reals(-4, 4), s: reals("1.5", 2)}, points=16)
    report = verify(RESULT.with_claim(5, domain=outside))
    assert not report.verified
    assert not report.claims[5].oracle.passed
    assert report.claims[5].steps[2].symbolic == "failed"  # (1 − s) ReLU(t) ≥ 0 breaks for s > 1


def test_wrong_lower_bound_in_a_step_is_rejected_numerically():
    report = verify(RESULT.with_step(5, 2, (1 + s) * t + (1 - s) * ReLU(t)))
    assert not report.verified
    assert report.claims[5].steps[1].symbolic == "failed"
    assert report.claims[5].steps[1].counterexample
