"""The sigmoid's derivative and its 1/4 bound verify; wrong variants are rejected by the same checks."""

import sympy as sp
from conftest import catalog_report

from derive import verify
from derive.notation import Logistic
from derive.registry import load

RESULT = load("sigmoid_derivative")
x = sp.Symbol("x", real=True)
s = Logistic(x)


def test_verifies_with_every_step_proved():
    report = catalog_report("sigmoid_derivative")
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"


def test_sign_flip_in_derivative_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, s * (1 + s)))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_too_small_bound_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(1, sp.Rational(1, 5)))
    assert not report.verified
    assert not report.claims[1].oracle.passed


def test_wrong_sign_when_completing_the_square_is_rejected_numerically():
    wrong = RESULT.with_step(1, 2, sp.Rational(1, 4) + (s - sp.Rational(1, 2)) ** 2)
    report = verify(wrong)
    assert not report.verified
    assert report.claims[1].steps[1].symbolic == "failed"
    assert report.claims[1].steps[1].counterexample


def test_wrong_value_at_zero_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(2, sp.Rational(1, 2)))
    assert not report.verified
    assert not report.claims[2].oracle.passed
