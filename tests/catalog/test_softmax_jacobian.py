"""The softmax Jacobian verifies, and wrong variants are rejected by the same checks."""

import sympy as sp

from derive import verify
from derive.notation import delta, i, j, softmax
from derive.registry import load

RESULT = load("softmax_jacobian")


def test_verifies_with_every_step_proved():
    report = verify(RESULT)
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"


def test_sign_flip_in_statement_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(0, softmax(i) * (delta(i, j) + softmax(j)))
    report = verify(wrong)
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_swapped_index_in_a_step_is_rejected_numerically():
    step = RESULT.claims[0].steps[4].expr.xreplace({sp.KroneckerDelta(i, j): sp.Integer(1)})
    wrong = RESULT.with_step(0, 4, step)  # δ_ij replaced by 1: off-diagonal entries break
    report = verify(wrong)
    assert not report.verified
    assert report.claims[0].steps[3].symbolic == "failed"
    assert report.claims[0].steps[3].counterexample


def test_dropped_term_in_row_sum_is_rejected():
    wrong = RESULT.with_step(2, 1, softmax(i))  # dropped − σ_i Σ_j σ_j
    report = verify(wrong)
    assert report.claims[2].steps[0].symbolic == "failed"
    assert not report.verified
