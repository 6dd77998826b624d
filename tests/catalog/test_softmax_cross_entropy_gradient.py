"""The softmax cross-entropy gradient verifies, and wrong variants are rejected by the same checks."""

import sympy as sp

from derive import Domain, dimension, index, positive, reals, vector, verify
from derive.identities.softmax_cross_entropy_gradient import t
from derive.notation import Sum, delta, j, k, n, softmax, y, z
from derive.registry import load

RESULT = load("softmax_cross_entropy_gradient")


def test_verifies_with_every_step_proved():
    report = verify(RESULT)
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"


def test_sign_flip_in_gradient_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(0, softmax(j) + y[j])
    report = verify(wrong)
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert "oracle" in report.claims[0].oracle.counterexample


def test_sign_flip_in_a_step_is_rejected_numerically():
    wrong = RESULT.with_step(0, 4, -Sum(y[k] * (delta(k, j) + softmax(j)), k, n))
    report = verify(wrong)
    assert not report.verified
    assert report.claims[0].steps[3].symbolic == "failed"
    assert report.claims[0].steps[3].counterexample


def test_targets_that_do_not_sum_to_one_break_the_gradient():
    # the same proof on targets with arbitrary positive entries: only the step using sum y = 1 fails
    unnormalised = Domain({n: dimension(2, 6), z: vector(n, reals(-5, 5)), y: vector(n, positive()), j: index(n)})
    report = verify(RESULT.with_claim(0, domain=unnormalised))
    assert not report.verified
    assert not report.claims[0].oracle.passed
    assert [s.symbolic for s in report.claims[0].steps[:-1]] == ["proved"] * 5
    assert report.claims[0].steps[-1].symbolic == "failed"


def test_nonzero_gradient_sum_is_rejected_by_the_oracle():
    report = verify(RESULT.with_statement(1, sp.Integer(1)))
    assert not report.verified
    assert not report.claims[1].oracle.passed


def test_one_hot_loss_at_the_wrong_class_is_rejected():
    report = verify(RESULT.with_statement(2, -sp.log(softmax(j))))  # σ_j instead of σ_t
    assert not report.verified
    assert not report.claims[2].oracle.passed


def test_one_hot_gradient_without_the_target_is_rejected():
    report = verify(RESULT.with_statement(3, softmax(j)))  # dropped −δ_jt
    assert not report.verified
    assert not report.claims[3].oracle.passed
    wrong_step = RESULT.with_step(3, 2, -softmax(t) * (delta(t, j) - softmax(t)) / softmax(t))  # σ_t for σ_j
    report = verify(wrong_step)
    assert report.claims[3].steps[1].symbolic == "failed"
    assert not report.verified
