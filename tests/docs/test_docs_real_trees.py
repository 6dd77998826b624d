"""Correct formulas from whole documentation trees checked as a user would, untagged, each of which FAILed before its
reading: a matrix whose rows are broken with extra space (\\\\[2mm]). None may FAIL; each wrong variant still FAILs
through the same path."""

import pytest

from tests.docs.checking import assert_page_pass_and_fail

MATRIX = r"\begin{{pmatrix}} 1.5-3&3-3\\{gap}4.5-3&6-3\end{{pmatrix}}=\begin{{pmatrix}} -1.5&0\\{gap}1.5&{last}\end{{pmatrix}}"


@pytest.mark.parametrize("gap", ["[2mm]", "[-0.5ex]", " [1em]", ""])
def test_the_space_after_a_matrix_row_break_is_layout_not_a_bracket(tmp_path, gap):
    correct = MATRIX.format(gap=gap, last="3")
    wrong = MATRIX.format(gap=gap, last="4")
    assert_page_pass_and_fail(tmp_path, None, correct, wrong)


def test_a_bracket_after_a_matrix_row_break_that_is_no_length_stays_in_the_row(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        None,
        r"\begin{pmatrix} 1 \\ [2] + 1 \end{pmatrix} = \begin{pmatrix} 1 \\ 3 \end{pmatrix}",
        r"\begin{pmatrix} 1 \\ [2] + 1 \end{pmatrix} = \begin{pmatrix} 1 \\ 2 \end{pmatrix}",
    )
