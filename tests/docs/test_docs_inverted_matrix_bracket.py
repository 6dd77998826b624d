"""A square matrix the tag declares, raised to -1 before a bracket, \\Sigma^{-1}(x - \\mu), is its inverse times the
bracket, where it had been read as an inverse function applied (derive.docs.operations)."""

from checking import assert_page_pass_and_fail

SQUARE = r"A \in \mathbb{R}^{3 \times 3}; x \in \mathbb{R}^3"


def test_an_inverted_matrix_before_a_bracket_multiplies_it(tmp_path):
    assert_page_pass_and_fail(tmp_path, SQUARE, r"A^{-1}(A x) = x", r"A^{-1}(A x) = 2x")
    tag = r"W \in \mathbb{R}^{2 \times 2}; x, b \in \mathbb{R}^2"
    assert_page_pass_and_fail(tmp_path, tag, r"W^{-1}(W x + b) = x + W^{-1} b", r"W^{-1}(W x + b) = x - W^{-1} b")


def test_a_function_raised_to_minus_one_is_still_its_inverse(tmp_path):
    assert_page_pass_and_fail(tmp_path, r"f(x) = x + 1", r"f^{-1}(y) = y - 1", r"f^{-1}(y) = y + 1")
