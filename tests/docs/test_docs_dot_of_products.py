r"""A column vector dotted with a product that makes a column vector of its size, (K x) \cdot (Q y): the dot product
of the two, as u \cdot v already is for two vectors, where the product was read left to right (K x Q y) and stopped
at a vector times a matrix. An attention score written both ways is decided, and a transpose put on the wrong matrix
FAILs."""

import pytest

from tests.docs.checking import verdict

TAG = r"x \in \mathbb{R}^d; y \in \mathbb{R}^d; K \in \mathbb{R}^{d \times d}; Q \in \mathbb{R}^{d \times d}"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"x^\top K^\top Q y = (K x) \cdot (Q y)", "PASS"),
        (r"x^\top K Q^\top y = (K x) \cdot (Q y)", "FAIL"),
        (r"(K x) \cdot (Q y) = (Q y) \cdot (K x)", "PASS"),
        (r"(K x) \cdot (Q y) = (K y) \cdot (Q x)", "FAIL"),
    ],
)
def test_a_vector_dotted_with_a_product_is_their_dot_product(tmp_path, formula, expected):
    found = verdict(tmp_path, TAG, formula)
    assert found[0] == expected, found


def test_a_vector_before_a_matrix_with_nothing_after_is_still_refused(tmp_path):
    found = verdict(tmp_path, TAG, r"x K = K^\top x")
    assert found[0] == "UNKNOWN", found
    assert "product of a" in found[1], found
