r"""A chain closed by ``< \infty`` (derive.docs.finite_tail): decided on the chain before that link, which PASSes with
finite values or FAILs as it would alone; a chain that never reaches a finite value, or one link only, stays
undecided."""

import pytest
from checking import assert_page_pass_and_fail, verdict

SERIES = (
    r"\sum_{j=0}^{\infty}\frac{1}{j!}e^{-x^{2}}x^{2j}=e^{-x^{2}}\sum_{j=0}^{\infty}\frac{\left(x^{2}\right)^{j}}{j!}"
)


@pytest.mark.parametrize("tag", ["", r"x: real"])
def test_a_series_shown_finite_passes_and_a_wrong_value_fails(tag, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, SERIES + r"=1<\infty", SERIES + r"=e^{x^{2}}<\infty")


def test_a_sum_of_numbers_shown_finite_passes_and_a_wrong_value_fails(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"x: real",
        r"\sum_{k=1}^{\infty} \frac{1}{k^2} = \frac{\pi^2}{6} < \infty",
        r"\sum_{k=1}^{\infty} \frac{1}{k^2} = \frac{\pi^2}{4} < \infty",
    )


@pytest.mark.parametrize(
    "formula",
    [
        r"\sum_{k=1}^{\infty} \frac{1}{k} = \sum_{k=1}^{\infty} \frac{1}{k} < \infty",  # the values are not finite
        r"x^2 + 1 < \infty",  # one link: nothing is left to check
    ],
)
def test_a_chain_with_no_finite_value_before_the_link_stays_undecided(formula, tmp_path):
    result, detail = verdict(tmp_path, r"x: real", formula)
    assert result == "UNKNOWN" and "no finite real value" in detail, detail
