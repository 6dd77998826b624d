"""Maximum likelihood as minimum cross-entropy verifies, and wrong variants are rejected by the same checks."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive import Statement
from derive.identities.maximum_likelihood_cross_entropy import N, V, c, mp_maximum_likelihood, mp_mean_nll, phat, q
from derive.notation import CrossEntropy, Entropy, Sum, j, k
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("maximum_likelihood_cross_entropy")
GIBBS_STEP = ("lower bound", 1)  # D_KL >= 0 is cited from cross_entropy_decomposition


def test_verifies_and_only_the_gibbs_step_is_numeric_only():
    report = catalog_report("maximum_likelihood_cross_entropy")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {GIBBS_STEP}


def test_swapped_cross_entropy_arguments_are_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(0, CrossEntropy(q, phat, V)), 0)
    assert not report.passed
    assert not report.oracle.passed
    assert "oracle" in report.oracle.counterexample


def test_forgetting_the_mean_is_rejected_numerically():
    wrong = RESULT.with_step(0, 3, -Sum(c[k] * sp.log(q[k]), k, V))  # the total, not the mean, NLL
    report = verify_claim(wrong, 0)
    assert not report.passed
    assert report.steps[2].symbolic == "failed"
    assert report.steps[2].counterexample


def test_one_hot_loss_with_the_wrong_sign_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(1, sp.log(q[j])), 1)
    assert not report.oracle.passed


def test_reversed_bound_is_rejected():
    wrong = RESULT.with_claim(2, statement=Statement(CrossEntropy(phat, q, V), "<=", Entropy(phat, V)))
    report = verify_claim(wrong, 2)
    assert not report.passed
    assert not report.oracle.passed
    assert report.chain_problem


def test_uniform_model_is_not_the_maximiser():
    report = verify_claim(RESULT.with_statement(3, 1 / V), 3)
    assert not report.oracle.passed


def test_add_one_smoothing_in_a_step_is_rejected_numerically():
    wrong = RESULT.with_step(3, 2, (c[j] + 1) / (N + V))  # Laplace smoothing is not the maximiser
    report = verify_claim(wrong, 3)
    assert report.steps[1].symbolic == "failed"


def test_oracles_on_a_small_dataset():
    with mpmath.workdps(40):
        counts = [3, 1]
        best = mp_maximum_likelihood(counts)
        assert abs(best[0] - mpmath.mpf(3) / 4) < mpmath.mpf(10) ** -30
        uniform = [mpmath.mpf(1) / 2] * 2
        assert abs(mp_mean_nll(uniform, counts) - mpmath.log(2)) < mpmath.mpf(10) ** -30
        assert mp_mean_nll(best, counts) < mp_mean_nll(uniform, counts)
