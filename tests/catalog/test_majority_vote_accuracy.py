"""The majority-vote accuracy verifies, and wrong variants are rejected by the same checks."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps

from derive.identities.majority_vote_accuracy import (
    Accuracy,
    Binomial,
    binomial_term,
    even,
    even_sum,
    j,
    m,
    mp_majority_accuracy,
    mp_vote,
    odd,
    p,
    shifted,
    tie_value,
)
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("majority_vote_accuracy")
CONDITIONING_STEP = ("even k gains nothing", 0)  # conditioning on the last vote: Pascal's rule and a shift of the sum


def test_verifies_and_only_the_conditioning_step_is_numeric_only():
    report = catalog_report("majority_vote_accuracy")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {CONDITIONING_STEP}


def test_counting_a_bare_half_as_a_majority_is_rejected_by_the_oracle():
    # j >= m instead of j >= m + 1 for k = 2m + 1 counts m correct answers out of 2m + 1 as a win
    wrong = sp.Sum(binomial_term(odd, j), (j, m, odd))
    report = verify_claim(RESULT.with_statement(0, wrong), 0)
    assert not report.passed
    assert not report.oracle.passed
    assert "oracle" in report.oracle.counterexample


def test_swapped_exponents_in_a_step_are_rejected_numerically():
    swapped = sp.Sum(sp.binomial(odd, j) * p ** (odd - j) * (1 - p) ** j, (j, m + 1, odd))
    report = verify_claim(RESULT.with_step(0, 2, swapped), 0)
    assert not report.passed
    assert report.steps[1].symbolic == "failed"
    assert report.steps[1].counterexample


def test_tie_without_the_binomial_coefficient_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(1, (p * (1 - p)) ** m), 1)
    assert not report.oracle.passed


def test_ties_counted_as_losses_are_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(2, even_sum), 2)
    assert not report.oracle.passed


def test_ties_counted_as_wins_are_rejected_numerically():
    wrong = RESULT.with_step(2, 2, even_sum + tie_value)
    assert verify_claim(wrong, 2).steps[1].symbolic == "failed"


def test_an_even_vote_is_not_as_good_as_one_more_answer():
    report = verify_claim(RESULT.with_statement(3, Accuracy(p, even + 1)), 3)
    assert not report.oracle.passed


def test_a_wrong_conditioning_step_is_rejected_numerically():
    wrong = RESULT.with_step(
        3, 1, shifted + (p * Binomial(p, even - 1, m - 1) + (1 - p) * Binomial(p, even - 1, m)) / 2
    )
    assert verify_claim(wrong, 3).steps[0].symbolic == "failed"


def test_oracle_reproduces_the_worked_numbers():
    with mpmath.workdps(30):
        seven_tenths = mpmath.mpf("0.7")
        assert abs(mp_majority_accuracy(seven_tenths, 5) - mpmath.mpf("0.83692")) < mpmath.mpf(10) ** -25
        assert abs(mp_majority_accuracy(seven_tenths, 3) - mpmath.mpf("0.784")) < mpmath.mpf(10) ** -25
        assert abs(mp_majority_accuracy(seven_tenths, 4) - mpmath.mpf("0.784")) < mpmath.mpf(10) ** -25
        assert abs(mp_majority_accuracy(seven_tenths, 1) - seven_tenths) < mpmath.mpf(10) ** -25


def test_the_ten_vote_figure_of_the_remark():
    # p = 0.6, k = 10: 0.7334 with a fair coin, 0.6331 if ties lose, 0.8338 only if ties win
    with mpmath.workdps(30):
        six_tenths = mpmath.mpf("0.6")
        assert abs(mp_majority_accuracy(six_tenths, 10) - mpmath.mpf("0.73343232")) < mpmath.mpf(10) ** -25
        assert (
            abs(mp_vote(six_tenths, 10, lambda right, wrong: int(right > wrong)) - mpmath.mpf("0.6331032576"))
            < mpmath.mpf(10) ** -25
        )
        assert (
            abs(mp_vote(six_tenths, 10, lambda right, wrong: int(right >= wrong)) - mpmath.mpf("0.8337613824"))
            < mpmath.mpf(10) ** -25
        )
