"""Under a result with a probability model (Adam's random gradients), a formula without an expectation speaks of one
realisation of the noise: it is checked with the noise drawn as plain values, and a counterexample shows them."""

import pytest
from checking import assert_pass_and_fail

from derive.docs import check_formula

ADAM = "adam_bias_correction"

PAIRS = [
    (
        "the first-moment recursion",
        r"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t",
        r"m_t = \beta_1 m_{t-1} + \beta_1 g_t",
    ),
    (
        "the unrolled second moment",
        r"v_t = (1 - \beta_2) \sum_{i=1}^{t} \beta_2^{t - i} g_i^2",
        r"v_t = (1 - \beta_2) \sum_{i=1}^{t} \beta_2^{i} g_i^2",
    ),
    ("the bias correction", r"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}", r"\hat{m}_t = \frac{m_t}{1 - \beta_1}"),
]


@pytest.mark.parametrize("name,correct,wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_formula_about_one_realisation_holds_for_every_draw_of_the_noise(name, correct, wrong):
    assert_pass_and_fail(correct, wrong, result=ADAM)


def test_the_counterexample_shows_the_noise_drawn():
    failed = check_formula(r"m_t = \beta_1 m_{t-1} + \beta_1 g_t", ADAM)
    assert failed["verdict"] == "FAIL" and "xi=(" in failed["detail"] and "mu=" in failed["detail"], failed["detail"]


def test_expectations_are_still_taken_through_the_model():
    assert_pass_and_fail(r"\mathbb{E}[\hat{m}_t] = \mu", r"\mathbb{E}[m_t] = \mu", result=ADAM)
    # an expectation is no realisation: E[m_t] = m_t fails for a draw of the noise
    assert check_formula(r"\mathbb{E}[m_t] = m_t", ADAM)["verdict"] == "FAIL"
