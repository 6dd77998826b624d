"""The attention backward pass verifies, and wrong variants are rejected by the same checks."""

from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive.identities.attention_backward import G, K, Q, a, b, c, d, dP, dS, j, m, n, root_d, weight, weight_s
from derive.notation import Sum, delta, i, k, l
from derive.registry import load
from derive.symbolic import prove_zero
from derive.verify import verify_claim

RESULT = load("attention_backward")
VALUES, WEIGHTS, SCORES, QUERIES, KEYS = range(5)


def step_failed(report, position):
    return not report.passed and report.steps[position].symbolic == "failed" and report.steps[position].counterexample


def test_verifies_with_every_step_proved():
    report = catalog_report("attention_backward")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_uniform_weights_instead_of_p_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(VALUES, Sum(G[i, c], i, n))  # P_ij replaced by 1
    assert rejected_by_oracle(verify_claim(wrong, VALUES))


def test_sign_flip_of_the_weight_gradient_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(WEIGHTS, -dP(i, j)), WEIGHTS))


def test_score_gradient_without_the_softmax_correction_is_rejected():
    wrong = RESULT.with_statement(SCORES, weight_s(i, j) * dP(i, j))  # dropped − P_ij Σ_k P_ik dP_ik
    assert rejected_by_oracle(verify_claim(wrong, SCORES))


def test_jacobian_without_its_outer_product_term_is_rejected_in_a_step():
    step = Sum(Sum(dP(l, k) * delta(l, i) * weight_s(l, k) * delta(k, j), k, m), l, n)
    assert step_failed(verify_claim(RESULT.with_step(SCORES, 2, step), SCORES), 1)


def test_query_gradient_without_the_scale_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(QUERIES, Sum(dS(i, j) * K[j, a], j, m))  # forgot 1/sqrt(d)
    assert rejected_by_oracle(verify_claim(wrong, QUERIES))


def test_dropping_the_row_delta_is_rejected_in_a_step():
    # ∂S_lb/∂Q_ia without δ_li: every row of Q would move every row of S
    step = Sum(Sum(dP(l, k) * Sum(weight(l, k) * (delta(k, b) - weight(l, b)) * K[b, a], b, m) / root_d, k, m), l, n)
    assert step_failed(verify_claim(RESULT.with_step(QUERIES, 3, step), QUERIES), 2)


def test_key_gradient_with_untransposed_scores_is_rejected_by_the_oracle():
    # dS Q/√d in place of dSᵀ Q/√d: sums over the key index of row j instead of the column j
    wrong = RESULT.with_statement(KEYS, Sum(dS(j, i) * Q[i, a], i, m) / root_d)
    report = verify_claim(wrong, KEYS)
    assert not report.passed and not report.oracle.passed


def test_reordering_sums_proves_exchanges_but_not_transposes():
    # the engine's sum-exchange step must not confuse Σ_a Σ_b f(a, b) with Σ_a Σ_b f(b, a)
    exchanged = Sum(Sum(G[a, c] * Q[c, b], c, d), a, n) - Sum(Sum(G[a, c] * Q[c, b], a, n), c, d)
    assert prove_zero(exchanged).proved
    renamed = Sum(Sum(G[a, c] * G[c, a] * Q[a, b], c, n), a, n) - Sum(Sum(G[a, c] * G[c, a] * Q[c, b], c, n), a, n)
    assert prove_zero(renamed).proved  # true: rename a and c
    transposed = Sum(Sum(G[a, c] * Q[a, b], c, n), a, n) - Sum(Sum(G[c, a] * Q[a, b], c, n), a, n)
    assert not prove_zero(transposed).proved  # row sums of G against column sums
    swapped = Sum(Sum(G[a, c] * Q[c, b], c, d), a, n) - Sum(Sum(G[c, a] * Q[a, b], c, d), a, n)
    assert not prove_zero(swapped).proved
