"""KL asymmetry and the failure of the triangle inequality verify; wrong variants are rejected."""

import sympy as sp
from conftest import catalog_report

from derive import Statement, verify
from derive.identities.kl_asymmetry import P_Q, P_R, Q_P, R_Q
from derive.notation import Sum, k, n, p, q
from derive.registry import load

RESULT = load("kl_asymmetry")


def test_verifies_with_every_step_proved():
    report = catalog_report("kl_asymmetry")
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"


def test_remarks_are_the_two_directions():
    report = catalog_report("kl_asymmetry")
    assert [r.value for r in report.remarks] == ["0.510826", "0.368064"]


def test_difference_with_a_minus_sign_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(0, Sum((p[k] - q[k]) * sp.log(p[k] / q[k]), k, n)))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_symmetrised_sum_with_a_plus_sign_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(1, Sum((p[k] + q[k]) * (sp.log(p[k]) - sp.log(q[k])), k, n)))
    assert not report.verified
    assert not report.claims[1].oracle.passed


def test_the_directions_are_not_interchangeable():
    report = verify(RESULT.with_statement(2, sp.Rational(9, 5) * sp.log(3) - sp.log(5)))
    assert not report.verified
    assert not report.claims[2].oracle.passed


def test_a_wrong_log_rule_in_a_step_is_rejected_numerically():
    report = verify(RESULT.with_step(3, 2, sp.Rational(9, 5) * sp.log(3) + sp.log(5)))
    assert not report.verified
    assert report.claims[3].steps[1].symbolic == "failed"
    assert report.claims[3].steps[1].counterexample


def test_an_inverted_ratio_makes_the_difference_negative():
    report = verify(RESULT.with_step(4, 3, sp.log(sp.Rational(3**14, 5**10)) / 5))
    assert not report.verified
    assert report.claims[4].steps[2].symbolic == "failed"
    assert report.claims[4].steps[3].symbolic == "failed"  # log(3^14/5^10) < 0


def test_symmetry_is_rejected():
    wrong = RESULT.with_claim(4, statement=Statement(P_Q - Q_P, "=", sp.Integer(0)))
    report = verify(wrong)
    assert not report.verified
    assert not report.claims[4].oracle.passed
    assert report.claims[4].chain_problem


def test_triangle_inequality_is_rejected():
    wrong = RESULT.with_claim(5, statement=Statement(P_Q, "<=", P_R + R_Q))
    report = verify(wrong)
    assert not report.verified
    assert not report.claims[5].oracle.passed
    assert report.claims[5].chain_problem
