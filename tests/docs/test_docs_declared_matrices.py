"""A matrix or vector the tag declares keeps the name and the shape it declares: a subscripted name (W_0, W_q in
\\mathbb{R}^{d \\times k}) names the whole matrix, its subscript no index, and the tag's NAME = 0 for a declared
matrix or vector is the zero of that shape (LoRA's B = 0 in W_0 + BA = W_0), not the number 0; \\mathbf{0}, in the
tag or the formula, is that zero too (A x = \\mathbf{0}); a size may be a whole number times a name (W_1 in
\\mathbb{R}^{4d \\times d}). A correct formula PASSes, its wrong variant FAILs."""

import pytest
from checking import assert_page_pass_and_fail, verdict

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "a subscripted name declared a matrix of other rows than columns",
        r"W_0 \in \mathbb{R}^{d \times k}; B \in \mathbb{R}^{d \times k}",
        r"W_0 + B - W_0 = B",
        r"W_0 + B - W_0 = W_0",
    ),
    (
        "a subscripted name declared a square matrix",
        r"W_q \in \mathbb{R}^{n \times n}",
        r"(W_q + W_q^T)^T = W_q + W_q^T",
        r"(W_q - W_q^T)^T = W_q - W_q^T",
    ),
    (
        "a declared matrix the tag sets to 0, in a product of other shape",
        r"W_0 \in \mathbb{R}^{d \times k}; B \in \mathbb{R}^{d \times r}; A \in \mathbb{R}^{r \times k}; B = 0",
        r"W_0 + BA = W_0",
        r"W_0 + BA = 2 W_0",
    ),
    (
        "a declared vector the tag sets to 0, under a matrix",
        r"A \in \mathbb{R}^{n \times n}; x, y \in \mathbb{R}^n; y = 0",
        r"A (x + y) = A x",
        r"A (x + y) = A y",
    ),
    (
        "sizes written as a whole number times a name, a feed-forward block's 4d",
        r"x \in \mathbb{R}^d; W_1 \in \mathbb{R}^{4d \times d}; W_2 \in \mathbb{R}^{d \times 4d}",
        r"(W_2 W_1)^T x = W_1^T W_2^T x",
        r"(W_2 W_1)^T x = W_2 W_1 x",
    ),
    (
        "the zero matrix written bold in the tag",
        r"\mathbf{W}_0 \in \mathbb{R}^{d \times k}; \mathbf{B} \in \mathbb{R}^{d \times r}; \mathbf{A} \in \mathbb{R}^{r \times k};"
        r" \mathbf{B} = \mathbf{0}",
        r"\mathbf{W}_0 + \mathbf{B}\mathbf{A} = \mathbf{W}_0",
        r"\mathbf{W}_0 + \mathbf{B}\mathbf{A} = 2 \mathbf{W}_0",
    ),
    (
        "a vector set equal to the zero vector written bold",
        r"A \in \mathbb{R}^{m \times n}; x \in \mathbb{R}^n",
        r"(A - A) x = \mathbf{0}",
        r"A x = \boldsymbol{0}",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_declared_matrix_keeps_its_name_and_shape(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_the_matrix_set_to_zero_is_still_refuted_when_nothing_is_zero(tmp_path):
    """Without B = 0 the same LoRA claim is refuted: the zero comes from the tag, not from the reading."""
    result, detail = verdict(
        tmp_path,
        r"W_0 \in \mathbb{R}^{d \times k}; B \in \mathbb{R}^{d \times r}; A \in \mathbb{R}^{r \times k}",
        r"W_0 + BA = W_0",
    )
    assert result == "FAIL", (result, detail)


def test_an_entry_of_a_declared_matrix_is_still_one_entry(tmp_path):
    """W_{ij} of a declared W stays its entry: only a subscript the declared name carries is part of the name."""
    result, detail = verdict(tmp_path, r"W \in \mathbb{R}^{n \times n}; i, j \in \{1, \ldots, n\}", r"W_{ij} = W_{ji}")
    assert result == "FAIL", (result, detail)
