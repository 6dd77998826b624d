"""A figure of three or more significant digits that a later side of a worked example prints inside an expression is
the earlier side's value rounded: the equation holds when some roundings of those figures give that value."""

import pytest

from tests.docs.checking import verdict

SIGMOID = r"\sigma(f) = \frac{1}{1 + e^{-f}}"


@pytest.mark.parametrize("tag", [SIGMOID, None])
@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\sigma(2.0) = \frac{1}{1 + e^{-2.0}} = \frac{1}{1 + 0.1353} \approx 0.881", "PASS"),  # e^{-2} = 0.135335
        (r"\sigma(2.0) = \frac{1}{1 + e^{-2.0}} = \frac{1}{1 + 0.1354} \approx 0.881", "FAIL"),  # not its rounding
        (r"\sigma(2.0) = \frac{1}{1 + e^{-2.0}} = \frac{1}{1 + 7.389} \approx 0.881", "FAIL"),  # e^{2} for e^{-2}
        (r"L = - \log(0.659) = -(-0.417) = 0.417", "PASS"),  # -ln 0.659 = 0.41703
        (r"L = - \log(0.659) = -(-0.418) = 0.418", "FAIL"),  # the earlier side's 0.659 is taken as written
    ],
)
def test_a_printed_intermediate_figure_is_a_rounding(tmp_path, tag, formula, expected):
    found = verdict(tmp_path, tag if "sigma" in formula else None, formula)
    assert found[0] == expected, found


@pytest.mark.parametrize("formula", [r"0.1 + 0.2 = 0.35", r"0.9 \times 0.5 + 0.1 \times 5 = 0.45 + 0.05"])
def test_short_figures_are_taken_as_written(tmp_path, formula):
    found = verdict(tmp_path, "", formula)
    assert found[0] == "FAIL", found
