"""A sum of vectors or matrices up to a free index (S_i = \\sum_{j=1}^i x_j y) is the vector of each entry's sum, and
a product of vectors or matrices, entrywise or as matrices, is not read; a sum up to a value that is not a whole
number (a tag's bound B drawn as a real number) has no value there, never an endless evaluation; and a list written
with dots up to a free index is UNKNOWN with the reason, never an internal error."""

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
