"""The layer-normalisation gradient verifies, and wrong variants are rejected by the same checks."""

import mpmath
import sympy as sp
from conftest import catalog_report, rejected_by_oracle

from derive.identities.layernorm_gradient import (
    dropped_form,
    eps,
    gamma,
    input_gradient_expanded,
    mu,
    scale,
    sum_gg,
    xhat,
)
from derive.notation import Sum, d, g, i, j, x
from derive.numeric import evaluate
from derive.registry import load
from derive.result import Statement
from derive.verify import verify_claim

RESULT = load("layernorm_gradient")
BIAS, GAIN, MEAN, VARIANCE, INPUT, DROPPED = range(6)


def test_verifies_with_every_step_proved():
    report = catalog_report("layernorm_gradient")
    assert report.verified, report.to_json()
    assert report.symbolic_status == "proved"


def test_sign_flip_in_the_input_gradient_is_rejected_by_the_oracle():
    flipped = scale * (gamma[j] * g[j] - sum_gg / d + xhat(j) * Sum(gamma[i] * g[i] * xhat(i), i, d) / d)
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(INPUT, flipped), INPUT))


def test_dropped_mean_term_is_rejected_by_the_oracle():
    dropped = scale * (gamma[j] * g[j] - xhat(j) * Sum(gamma[i] * g[i] * xhat(i), i, d) / d)
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(INPUT, dropped), INPUT))


def test_dropped_mean_term_in_a_step_is_rejected_numerically():
    wrong = RESULT.with_step(INPUT, 4, input_gradient_expanded + sum_gg / d * scale)  # lost −(1/d) Σ γ_i g_i
    report = verify_claim(wrong, INPUT)
    assert not report.passed
    assert report.steps[3].symbolic == "failed"
    assert report.steps[3].counterexample
    assert report.steps[2].symbolic == "proved"


def test_gain_factored_out_of_the_sums_is_rejected():
    # right for one scalar gain, wrong for the per-feature gains of layer normalisation
    scalar_gain = scale * gamma[j] * (g[j] - Sum(g[i], i, d) / d - xhat(j) * Sum(g[i] * xhat(i), i, d) / d)
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(INPUT, scalar_gain), INPUT))


def test_form_without_epsilon_claimed_exact_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(DROPPED, dropped_form)
    report = verify_claim(wrong, DROPPED)
    assert not report.passed
    assert not report.oracle.passed
    assert "oracle" in report.oracle.counterexample


def test_form_without_epsilon_is_exact_at_epsilon_zero():
    # the same statement, checked by the same oracle on points with epsilon = 0, passes
    claim = RESULT.claims[DROPPED]
    at_zero = claim.domain.with_(fixed={eps: mpmath.mpf(0)})
    exact_claim = RESULT.with_claim(
        DROPPED, statement=Statement(claim.statement.lhs, "=", dropped_form), domain=at_zero
    )
    report = verify_claim(exact_claim, DROPPED)
    assert report.oracle.passed, report.oracle
    assert report.chain_problem  # the proof still ends at D_j plus the epsilon term, not at D_j


def test_bias_gradient_summed_over_features_is_rejected():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(BIAS, Sum(g[i], i, d)), BIAS))


def test_gain_gradient_without_normalisation_is_rejected():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(GAIN, g[j] * (x[j] - mu)), GAIN))


def test_variance_derivative_without_the_factor_two_is_rejected():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(VARIANCE, (x[j] - mu) / d), VARIANCE))


def test_mean_derivative_of_one_is_rejected():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(MEAN, sp.Integer(1)), MEAN))


def test_remarks_show_an_error_that_shrinks_with_epsilon_but_is_not_zero():
    large, small = (evaluate(remark.value, remark.at) for remark in RESULT.remarks)
    assert remark_epsilons() == [mpmath.mpf("0.1"), mpmath.mpf("1e-5")]
    assert large > small > 0


def remark_epsilons():
    return [remark.at[eps] for remark in RESULT.remarks]
