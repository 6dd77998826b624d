"""Capital letters nothing defines, read as numbers, are checked as square matrices too where they multiply: a
formula that holds only because numbers commute (AB = BA) is not passed."""

import pytest
from checking import verdict

from derive.docs.capital_matrices import MATRIX_LATEX, capitals

COMMUTING_ONLY = (
    "AB = BA",
    "QR = RQ",
    "(A+B)^2 = A^2 + 2AB + B^2",
    "(A+B)(A-B) = A^2 - B^2",
    r"A \cdot B = B \cdot A",
    "W_1 W_2 = W_2 W_1",
)


@pytest.mark.parametrize("latex", COMMUTING_ONLY)
def test_a_formula_true_only_of_commuting_capitals_is_skipped_untagged(tmp_path, latex):
    result, detail = verdict(tmp_path, None, latex)
    assert result == "SKIPPED", (result, detail)
    assert "are numbers; fails if they are square matrices" in detail and "=[(" in detail, detail


def test_a_formula_true_only_of_commuting_capitals_is_unknown_tagged(tmp_path):
    result, detail = verdict(tmp_path, "x: real", "(A+B)^2 = A^2 + 2AB + B^2")
    assert result == "UNKNOWN" and "fails if they are square matrices" in detail, (result, detail)


@pytest.mark.parametrize("tag", [None, "x: real"])
@pytest.mark.parametrize("latex", ["A(B+C) = AB + AC", "(AB)C = A(BC)", "(A+1)(B+1) = AB + A + B + 1", "A + B = B + A"])
def test_an_identity_that_holds_for_matrices_still_passes(tmp_path, tag, latex):
    result, detail = verdict(tmp_path, tag, latex)
    assert result == "PASS", (result, detail)


@pytest.mark.parametrize("tag", [None, "x: real"])
@pytest.mark.parametrize("latex", ["AB = 2BA", "(A+B)^2 = A^2 + AB + B^2"])
def test_an_identity_false_for_numbers_still_fails(tmp_path, tag, latex):
    result, detail = verdict(tmp_path, tag, latex)
    assert result == "FAIL", (result, detail)


def test_a_division_by_capitals_keeps_the_reading_as_numbers(tmp_path):
    # counts written in capitals (a batch B, a width D): a quotient has no reading for square matrices
    result, detail = verdict(tmp_path, None, "BDF/(2BF) = D/2")
    assert result == "PASS", (result, detail)
    assert not MATRIX_LATEX.fullmatch(r"\frac{AB}{B} = A") and not MATRIX_LATEX.fullmatch(r"\log(AB) = \log A")


def test_capitals_multiplied_with_times_are_numbers(tmp_path):
    # 2 \times B \times S \times H: a count of operations, its factors sizes, where \times is written
    result, detail = verdict(tmp_path, None, r"2 \times B \times S \times H \times S = 2 \times B \times S^2 \times H")
    assert result == "PASS", (result, detail)


def test_only_capitals_read_as_real_numbers_are_taken_for_matrices():
    assert capitals({"A": "real", "W_1": "real", "x": "real", "N": "count", "B": "vector"}) == ["A", "W_1"]
