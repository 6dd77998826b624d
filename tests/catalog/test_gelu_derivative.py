"""GELU's derivative Φ + xφ verifies, and the tanh form is shown to be inexact; wrong variants are rejected."""

import sympy as sp
from conftest import catalog_report

from derive import Statement, verify
from derive.identities.gelu_derivative import NormalCDF, NormalPDF, gap, x
from derive.registry import load

RESULT = load("gelu_derivative")
Phi, phi = NormalCDF(x), NormalPDF(x)


def test_verifies_with_every_step_proved():
    report = catalog_report("gelu_derivative")
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"


def test_wrong_density_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, 2 * phi))
    assert not report.verified
    assert not report.claims[0].oracle.passed


def test_dropped_term_of_the_product_rule_is_rejected():
    report = verify(RESULT.with_statement(1, x * phi))
    assert not report.claims[1].oracle.passed
    assert "oracle" in report.claims[1].oracle.counterexample
    wrong = RESULT.with_step(1, 2, x * sp.Derivative(Phi, x))
    report = verify(wrong)
    assert not report.verified
    assert report.claims[1].steps[1].symbolic == "failed"
    assert report.claims[1].steps[1].counterexample


def test_wrong_slope_at_zero_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(2, sp.Integer(1)))
    assert not report.verified
    assert not report.claims[2].oracle.passed


def test_overstated_negative_slope_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(3, -sp.Rational(1, 2)))  # GELU'(-1) is about -0.083, not below -1/2
    assert not report.verified
    assert not report.claims[3].oracle.passed


def test_claiming_the_tanh_form_exact_is_rejected_by_the_oracle():
    report = verify(RESULT.with_claim(4, statement=Statement(gap, "=", sp.Integer(0))))
    assert not report.verified
    assert not report.claims[4].oracle.passed
    assert "oracle" in report.claims[4].oracle.counterexample
