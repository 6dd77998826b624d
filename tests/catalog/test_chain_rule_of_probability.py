"""The chain rule of probability verifies, and wrong variants are rejected by the same checks."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive.domain import Point
from derive.identities.chain_rule_of_probability import Conditional, P, Prefix, T, joint, m, mp_conditionals, s, t
from derive.registry import load
from derive.symbolic import prove_zero
from derive.verify import verify_claim

RESULT = load("chain_rule_of_probability")


def test_verifies_with_every_step_proved():
    report = catalog_report("chain_rule_of_probability")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_dropping_the_last_conditional_is_rejected_by_the_oracle():
    # the first T-1 conditionals multiply to P(x_<=T-1), not to the joint
    report = verify_claim(RESULT.with_statement(0, Prefix(T - 1)), 0)
    assert not report.passed
    assert not report.oracle.passed
    assert "oracle" in report.oracle.counterexample


def test_telescoping_to_the_wrong_end_is_rejected_numerically():
    wrong = RESULT.with_step(0, 2, Prefix(T) / Prefix(1))
    report = verify_claim(wrong, 0)
    assert not report.passed
    assert report.steps[1].symbolic == "failed"
    assert report.steps[1].counterexample


def test_sign_flip_of_the_log_probability_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(1, -sp.log(joint)), 1)
    assert not report.oracle.passed


def test_a_product_one_factor_short_is_rejected_numerically():
    wrong = RESULT.with_step(1, 1, sp.log(sp.Product(Conditional(t), (t, 1, T - 1))))
    report = verify_claim(wrong, 1)
    assert report.steps[0].symbolic == "failed"
    assert not report.passed


def test_telescoping_keeps_the_boundary_terms():
    total = sp.Sum(sp.log(m[t]) - sp.log(m[t - 1]), (t, 1, T))
    assert prove_zero(total - sp.log(m[T]) + sp.log(m[0])).proved
    assert not prove_zero(total - sp.log(m[T]) + sp.log(m[1])).proved
    assert not prove_zero(sp.Product(m[t] / m[t - 1], (t, 1, T)) - m[T]).proved  # m_0 = 1 is not known here


def test_oracle_conditionals_of_a_hand_made_table():
    # P(00) = 0.1, P(01) = 0.2, P(10) = 0.3, P(11) = 0.4; x = (1, 0): P(x_1 = 1) = 0.7, P(x_2 = 0 | x_1 = 1) = 3/7
    with mpmath.workdps(30):
        point = Point({T: 2, P: [mpmath.mpf(v) / 10 for v in (1, 2, 3, 4)], s: 3})
        first, second = mp_conditionals(point)
        assert abs(first - mpmath.mpf("0.7")) < mpmath.mpf(10) ** -25
        assert abs(second - mpmath.mpf(3) / 7) < mpmath.mpf(10) ** -25
