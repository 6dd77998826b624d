"""A sum of vectors or matrices up to a free index (S_i = \\sum_{j=1}^i x_j y) is the vector of each entry's sum, and
a product of vectors or matrices, entrywise or as matrices, is not read; a sum up to a value that is not a whole
number (a tag's bound B drawn as a real number) has no value there, never an endless evaluation; and a list written
with dots up to a free index is UNKNOWN with the reason, never an internal error; a sum between two numbers whose
terms pick listed entries in too many cases to fold is written out term by term; a sum with no index of a vector
is the sum of its entries."""

import pytest
from checking import assert_page_pass_and_fail, verdict

SUM_UP_TO_I = r"S_i = \sum_{j=1}^i x_j y; y \in \mathbb{R}^{n}"


def test_a_sum_of_vectors_up_to_a_free_index_is_checked(tmp_path):
    assert_page_pass_and_fail(tmp_path, SUM_UP_TO_I, r"S_i = S_{i-1} + x_i y", r"S_i = S_{i-1} + x_{i-1} y")


def test_a_sum_of_vectors_up_to_a_free_index_is_no_internal_error(tmp_path):
    result, detail = verdict(tmp_path, SUM_UP_TO_I, r"S_i = S_{i-1} - x_i y")
    assert result == "FAIL" and "i=" in detail, (result, detail)


def test_a_product_of_vectors_is_not_read(tmp_path):
    for claim in (r"\prod_{t=1}^{2} x = 2 x", r"\prod_{t=1}^{2} x = x \odot x"):
        result, detail = verdict(tmp_path, r"x \in \mathbb{R}^n", claim)
        assert result == "UNKNOWN" and "product of vectors or matrices" in detail, (claim, result, detail)


COUNTED = r"c = \sum_{i=1}^B \mathbf{1}[x_i > 0]"


def test_a_sum_to_a_declared_count_is_checked(tmp_path):
    assert_page_pass_and_fail(tmp_path, COUNTED + "; B: positive integer", r"c \le B", r"c > B")


def test_a_sum_to_a_bound_that_is_not_a_whole_number_has_no_value(tmp_path):
    result, detail = verdict(tmp_path, COUNTED, r"c \le B")
    assert result == "UNKNOWN" and "not a whole number" in detail, (result, detail)


def test_a_list_up_to_a_free_index_is_no_internal_error(tmp_path):
    result, detail = verdict(tmp_path, r"v \in \mathbb{R}^n", r"[v_1, \ldots, v_i] = [v_1, \ldots, v_i]")
    assert result == "UNKNOWN" and "size is not a number" in detail and "internal error" not in detail, detail


# --- a sum between numbers whose terms pick entries in many cases is written out term by term ---------------

_ELEVEN = "p = (0.02, 0.03, 0.05, 0.14, 0.16, 0.15, 0.12, 0.08, 0.1, 0.08, 0.07)"


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        # had been UNKNOWN: 144 cases to multiply out, p_i written twice over an 11-entry vector
        (_ELEVEN, r"\sum_{i=1}^{11} p_i \log \frac{p_i}{1/11} = 0.13667971094966939", "PASS"),
        (_ELEVEN, r"\sum_{i=1}^{11} p_i \log \frac{1/11}{p_i} = 0.13667971094966939", "FAIL"),
        (
            r"y = (2, 0.5, 1, 4); \hat{y} = (0.5, 0.5, 2, 2)",
            r"\frac{1}{4} \sum_{i=1}^{4} 2 \left( \log \frac{\hat{y}_i}{y_i} + \frac{y_i}{\hat{y}_i} - 1 \right) \approx 1.0568",
            "PASS",
        ),
        (
            r"y = (2, 0.5, 1, 4); \hat{y} = (0.5, 0.5, 2, 2)",
            r"\frac{1}{4} \sum_{i=1}^{4} 2 \left( \log \frac{y_i}{\hat{y}_i} + \frac{y_i}{\hat{y}_i} - 1 \right) \approx 1.0568",
            "FAIL",
        ),
    ],
)
def test_a_sum_between_numbers_over_listed_entries_is_written_out(tmp_path, tag, formula, expected):
    found, detail = verdict(tmp_path, tag, formula)
    assert found == expected, detail


def test_a_sum_with_no_index_of_a_vector_is_the_sum_of_its_entries(tmp_path):
    r"""\sum \exp(a) beside \sum_i \exp(a_i + b): the sum of the entries of the vector exp(a)."""
    assert_page_pass_and_fail(
        tmp_path,
        r"a \in \mathbb{R}^n; b: real",
        r"\sum_i \exp(a_i + b) = \exp(b) \sum \exp(a)",
        r"\sum_i \exp(a_i + b) = b \sum \exp(a)",
    )
    assert_page_pass_and_fail(tmp_path, r"x = (1, 2)", r"\sum x = 3", r"\sum x = 4")


def test_a_sum_with_no_index_of_a_number_stays_unread(tmp_path):
    result, detail = verdict(tmp_path, r"c: real", r"\sum c = 3")
    assert result == "UNKNOWN" and "a sum without a summation index" in detail, detail
