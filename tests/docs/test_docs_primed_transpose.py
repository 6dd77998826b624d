"""A prime after a bracket that holds a vector or a matrix, (x_i - \\mu)'\\Sigma^{-1}(x_i - \\mu) as statistics texts
write it, is its transpose; after a bracket that holds a number it would be a derivative, which is not read so."""

from checking import assert_page_pass_and_fail, verdict

VECTORS = r"x, y \in \mathbb{R}^3"


def test_a_primed_bracket_of_vectors_is_transposed(tmp_path):
    assert_page_pass_and_fail(tmp_path, VECTORS, r"(x - y)'(x - y) = \|x - y\|^2", r"(x - y)'(x - y) = 2\|x - y\|^2")


def test_a_primed_bracket_of_a_matrix_product_is_transposed(tmp_path):
    tag = r"A \in \mathbb{R}^{2 \times 3}; x \in \mathbb{R}^3; y \in \mathbb{R}^2"
    assert_page_pass_and_fail(tmp_path, tag, r"(A x)'y = x^\top A^\top y", r"(A x)'y = 2 x^\top A^\top y")


def test_a_primed_bracket_of_a_number_is_not_read_as_a_transpose(tmp_path):
    found = verdict(tmp_path, "x: real", r"(x^2)' = x^2")
    assert found[0] == "UNKNOWN" and "derivative" in found[1], found


def test_a_prime_that_ends_a_term_is_not_read_as_a_transpose(tmp_path):
    found = verdict(tmp_path, r"r \in \mathbb{R}^3", r"(\mathbf{r}(t))' = \mathbf{r}(t)")
    assert found[0] == "UNKNOWN" and "prime" in found[1], found
