"""‖A‖_2 of a matrix is its spectral norm in most books and the norm of its entries where code clips a gradient; for a
matrix of numbers of rank one the two agree and the norm is computed (‖[[1, 2], [2, 4]]‖_2 = 5), elsewhere it stays
UNKNOWN with both readings named."""

import pytest

from tests.docs.checking import verdict

RANK_ONE = r"G = \begin{bmatrix} 1 & 2 \\ 2 & 4 \end{bmatrix}"
IDENTITY = r"G = \begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}"


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        (r"\|G\|_2 = \sqrt{1^2 + 2^2 + 2^2 + 4^2} = 5", "PASS"),
        (r"\|G\|_2 = 4", "FAIL"),
        (r"\frac{1}{\|G\|} = \frac{1}{5}", "PASS"),
        (r"\frac{1}{\|G\|} = \frac{1}{25}", "FAIL"),
    ],
)
def test_the_norm_of_a_rank_one_matrix_of_numbers_has_one_value(tmp_path, formula, expected):
    found, detail = verdict(tmp_path, RANK_ONE, formula)
    assert found == expected, detail


@pytest.mark.parametrize("formula", [r"\|G\|_2 = 1", r"\|G\|_2 = \sqrt{2}"])
def test_the_norm_of_another_matrix_names_both_readings(tmp_path, formula):
    found, detail = verdict(tmp_path, IDENTITY, formula)
    assert found == "UNKNOWN" and "spectral norm or the norm of its entries" in detail, detail


def test_the_frobenius_norm_is_still_computed_for_any_matrix(tmp_path):
    assert verdict(tmp_path, IDENTITY, r"\|G\|_F = \sqrt{2}")[0] == "PASS"
    assert verdict(tmp_path, IDENTITY, r"\|G\|_F = 1")[0] == "FAIL"
