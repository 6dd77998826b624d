"""Weight decay versus L2 verifies, and wrong variants are rejected by the same checks."""

import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive.identities.sgd_weight_decay_vs_l2 import (
    eps,
    eta,
    g,
    g_pos,
    i,
    lam,
    w,
    w_pos,
)
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("sgd_weight_decay_vs_l2")


def test_verifies_with_every_step_proved():
    report = catalog_report("sgd_weight_decay_vs_l2")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_penalty_gradient_without_the_half_is_rejected():
    # the gradient of (λ/2)‖w‖² is λw, not 2λw: decay ηλw, not 2ηλw
    wrong_rhs = w[i] - eta * g[i] - 2 * eta * lam * w[i]
    assert not verify_claim(RESULT.with_statement(0, wrong_rhs), 0).oracle.passed
    report = verify_claim(RESULT.with_step(0, 2, w[i] - eta * (g[i] + 2 * lam * w[i])), 0)
    assert report.steps[1].symbolic == "failed"


def test_decay_added_instead_of_subtracted_is_rejected_by_the_oracle():
    assert not verify_claim(RESULT.with_statement(0, w[i] - eta * g[i] + eta * lam * w[i]), 0).oracle.passed


def test_adam_with_l2_is_not_adamw():
    # claiming the L2 step is AdamW's closed form fails at the oracle
    adamw_form = w[i] - eta * g[i] / (sp.Abs(g[i]) + eps) - eta * lam * w[i]
    assert not verify_claim(RESULT.with_statement(1, adamw_form), 1).oracle.passed


def test_decay_left_out_of_the_normalisation_in_the_l2_step_is_rejected_numerically():
    wrong = RESULT.with_step(1, 1, w[i] - eta * g[i] / (sp.Abs(g[i]) + eps) - eta * lam * w[i])
    report = verify_claim(wrong, 1)
    assert report.steps[0].symbolic == "failed"


def test_adamw_without_its_decay_is_rejected_by_the_oracle():
    assert not verify_claim(RESULT.with_statement(2, w[i] - eta * g[i] / (sp.Abs(g[i]) + eps)), 2).oracle.passed


def test_claiming_no_difference_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(3, sp.Integer(0)), 3)
    assert not report.oracle.passed


def test_wrong_normalised_step_is_rejected_numerically():
    # (g + λw)/|g + λw| is 1 for positive entries, not (g + λw)/|g|
    wrong = RESULT.with_step(
        3, 2, (w_pos[i] - eta * (g_pos[i] + lam * w_pos[i]) / g_pos[i]) - (w_pos[i] - eta - eta * lam * w_pos[i])
    )
    report = verify_claim(wrong, 3)
    assert report.steps[1].symbolic == "failed"
