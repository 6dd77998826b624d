"""A tagged formula refuted for one generic choice of a function or sequence nothing defines FAILs when its sides
differ by the same amount for other generic choices too: no function solves it. A refutation whose gap moves with the
choice stays UNKNOWN, since the author may mean a particular function."""

import pytest

from tests.docs.checking import assert_page_pass_and_fail, verdict

STANDARDISED = (
    r"\hat{A}_i = \frac{r_i - \mu}{\sigma}; \mu = \frac{1}{K}\sum_i r_i;"
    r" \sigma = \sqrt{\frac{1}{K}\sum_i (r_i - \mu)^2}; \sigma > 0"
)


@pytest.mark.parametrize(
    "tag, correct, wrong",
    [
        (STANDARDISED, r"\sum_{i=1}^{K} \hat{A}_i = 0", r"\sum_{i=1}^{K} \hat{A}_i = 1"),
        (
            STANDARDISED,
            r"\frac{1}{K} \sum_{i=1}^{K} \hat{A}_i^2 = 1",
            r"\frac{1}{K - 1} \sum_{i=1}^{K} \hat{A}_i^2 = 1",
        ),
        (
            r"\theta, \alpha \in \mathbb{R}",
            r"\theta - \alpha(\theta - W^*(\theta)) = (1 - \alpha)\theta + \alpha W^*(\theta)",
            r"\theta - \alpha(\theta - W^*(\theta)) = (1 + \alpha)\theta + \alpha W^*(\theta)",
        ),
    ],
)
def test_a_gap_no_function_closes_is_a_refutation(tmp_path, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)
    result, detail = verdict(tmp_path, tag, wrong)
    assert "for each of four generic choices" in detail, (result, detail)


def test_a_gap_that_moves_with_the_function_stays_undecided(tmp_path):
    # d/dθ (r_t(θ) A_t) = r_t'(θ) A_t: 0 for a constant r_t, which the author may mean
    result, detail = verdict(
        tmp_path, r"A_t: real; \theta: real", r"\frac{\partial}{\partial \theta} (r_t(\theta) A_t) = 0"
    )
    assert result == "UNKNOWN" and "particular function" in detail, (result, detail)
    # the second standardised reward is a value of the rewards the author has in mind
    result, detail = verdict(tmp_path, STANDARDISED, r"\hat{A}_2 = 0.5")
    assert result == "UNKNOWN", (result, detail)
