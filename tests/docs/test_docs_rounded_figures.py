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


@pytest.mark.parametrize(
    "total, expected",
    [
        (r"-0.168 + 0.255 = 0.087", "PASS"),  # 0.5 ln(5/7) + 0.5 ln(5/3) = 0.087177
        # each link holds with its roundings (0.5 x 0.511 = 0.2555 printed 0.256), but the first side is not 0.088
        (r"-0.168 + 0.256 = 0.088", "FAIL"),
    ],
)
def test_a_worked_chain_claims_its_first_side_rounds_to_its_last(tmp_path, total, expected):
    chain = r"0.5 \ln \frac{0.5}{0.7} + 0.5 \ln \frac{0.5}{0.3} = 0.5 \times (-0.336) + 0.5 \times 0.511 = " + total
    found = verdict(tmp_path, "", chain)
    assert found[0] == expected, found
    if expected == "FAIL":
        assert "the first side against the last" in found[1], found


SHRUNK = r"(1 - 0.5) \begin{bmatrix} 2 & 1 \\ 1 & 4 \end{bmatrix} + 0.5 \cdot \frac{6}{2} \begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}"


@pytest.mark.parametrize("tag", ["", None])
@pytest.mark.parametrize(
    "written, expected",
    [
        (r"\begin{bmatrix} 2.5 & 0.5 \\ 0.5 & 3.5 \end{bmatrix}", "PASS"),
        # the whole number 1 beside 2.5 and 3.5 claims 1 exactly, as = 1 alone does; it is not 0.5 rounded
        (r"\begin{bmatrix} 2.5 & 1 \\ 1 & 3.5 \end{bmatrix}", "FAIL"),
    ],
)
def test_a_whole_number_among_written_decimals_is_exact(tmp_path, tag, written, expected):
    found = verdict(tmp_path, tag, f"{SHRUNK} = {written}")
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (
            r"\begin{bmatrix} 1 - 0.95 \times 0.7 & 1 - 0.95 \times 0 \end{bmatrix} = \begin{bmatrix} 0.335 & 1 \end{bmatrix}",
            "PASS",
        ),
        (
            r"\begin{bmatrix} 1 - 0.95 \times 0.7 & 1 - 0.6 \end{bmatrix} = \begin{bmatrix} 0.335 & 1 \end{bmatrix}",
            "FAIL",
        ),
        (
            r"\begin{bmatrix} \frac{1}{3} & 0.6 \end{bmatrix} \approx \begin{bmatrix} 0.33 & 1 \end{bmatrix}",
            "PASS",
        ),  # ≈
    ],
)
def test_the_whole_entries_of_a_worked_vector(tmp_path, formula, expected):
    found = verdict(tmp_path, None, formula)
    assert found[0] == expected, found


INVERTED = r"A = \begin{bmatrix} 0.335 & -0.285 \\ -0.95 & 1 \end{bmatrix}; e = \begin{bmatrix} 1 \\ 0 \end{bmatrix}"


@pytest.mark.parametrize(
    "formula, expected",
    [
        # the inverse printed to two decimals (15.5642 as 15.56) times e: off by no more than its roundings make it
        (r"A^{-1} e = \begin{bmatrix} 15.56 & 4.44 \\ 14.79 & 5.21 \end{bmatrix} e", "UNKNOWN"),
        (r"A^{-1} e = \begin{bmatrix} 4.44 & 15.56 \\ 5.21 & 14.79 \end{bmatrix} e", "FAIL"),  # the other column
        (r"A^{-1} e = \begin{bmatrix} 15.56 & 4.44 \\ 14.79 & 5.21 \end{bmatrix} e + e", "FAIL"),  # far beyond them
        (r"A^{-1} e = \begin{bmatrix} 15 & 4 \\ 14 & 5 \end{bmatrix} e", "FAIL"),  # whole numbers claim their values
    ],
)
def test_a_printed_matrix_inside_an_expression_is_not_refuted_by_its_roundings(tmp_path, formula, expected):
    found = verdict(tmp_path, INVERTED, formula)
    assert found[0] == expected, found
