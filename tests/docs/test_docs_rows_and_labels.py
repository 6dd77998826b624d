r"""Arrays a tag declares as attention papers write them: a row vector ``x \in \mathbb{R}^{1 \times d}`` (``x W``,
``x x^\top``), several names of any spelling before one ``\in`` (``dO_i, V_k \in ...``), and a matrix named with a
raised letter (``\mathbf{W}^q \in \mathbb{R}^{d \times d_k}``). Each on a correct formula (PASS) and a wrong variant
(FAIL), by the same machinery; what stays undecidable is UNKNOWN with the reason."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.superscript_labels import declared_labels, with_labels

PAIRS = [
    (
        "a row vector times its transpose is the sum of its squared entries",
        r"x \in \mathbb{R}^{1 \times d}",
        r"x x^\top = \sum_{i=1}^d x_i^2",
        r"x x^\top = \sum_{i=1}^d x_i",
    ),
    (
        "a row vector times a column vector is their dot product",
        r"x \in \mathbb{R}^{1 \times d}; w \in \mathbb{R}^d",
        r"x w = \sum_{i=1}^d x_i w_i",
        r"x w = \sum_{i=1}^d x_i w_{d+1-i}",
    ),
    (
        "a row vector times the transpose of a product of matrices",
        r"B \in \mathbb{R}^{d \times r}; A \in \mathbb{R}^{r \times k}; x \in \mathbb{R}^{1 \times k}; c > 0",
        r"c x (BA)^\top = c x A^\top B^\top",
        r"c x (BA)^\top = 2c x A^\top B^\top",
    ),
    (
        "names of several spellings before one membership, a two-letter name among them",
        r"dP_{ik} = dO_{i} V_k^T; O_i = \sum_k P_{ik} V_k; dO_i, V_k, O_i \in \mathbb{R}^{1 \times d}",
        r"\sum_k P_{ik} dP_{ik} = dO_i \sum_k P_{ik} V_k^T = dO_i O_i^T",
        r"\sum_k P_{ik} dP_{ik} = dO_i \sum_k V_k^T = dO_i O_i^T",
    ),
    (
        "matrices named with a raised letter, the projections of a query and a key",
        r"\mathbf{a}, \mathbf{b} \in \mathbb{R}^{1 \times d}; \mathbf{W}^q, \mathbf{W}^k \in \mathbb{R}^{d \times e}",
        r"(\mathbf{a} + \mathbf{b})\mathbf{W}^q {\mathbf{W}^k}^\top \mathbf{a}^\top"
        r" = \mathbf{a}\mathbf{W}^q {\mathbf{W}^k}^\top\mathbf{a}^\top + \mathbf{b}\mathbf{W}^q {\mathbf{W}^k}^\top\mathbf{a}^\top",
        r"(\mathbf{a} + \mathbf{b})\mathbf{W}^q {\mathbf{W}^k}^\top \mathbf{a}^\top"
        r" = \mathbf{a}\mathbf{W}^q {\mathbf{W}^k}^\top\mathbf{a}^\top + \mathbf{b}\mathbf{W}^k {\mathbf{W}^q}^\top\mathbf{a}^\top",
    ),
    (
        "a plain matrix named with a braced raised letter",
        r"W^{Q} \in \mathbb{R}^{d \times d}; x \in \mathbb{R}^d",
        r"(W^Q x)^\top (W^Q x) = x^\top {W^Q}^\top W^Q x",
        r"(W^Q x)^\top (W^Q x) = x^\top W^Q W^Q x",
    ),
    (
        # P^{\pi} had been P to the power pi, a power of a matrix the reading cannot take
        "a matrix named with a raised Greek letter and written out, the transitions under a policy",
        r"\gamma = 0.95; P^{\pi} = \begin{bmatrix} 0.7 & 0.3 \\ 1 & 0 \end{bmatrix}; I = \begin{bmatrix} 1 & 0 \\ 0 & 1 \end{bmatrix}",
        r"(I - \gamma P^{\pi})^{-1} = \begin{bmatrix} 15.56 & 4.44 \\ 14.79 & 5.21 \end{bmatrix}",
        r"(I - \gamma P^{\pi})^{-1} = \begin{bmatrix} 15.56 & 4.44 \\ 5.21 & 14.79 \end{bmatrix}",
    ),
]


@pytest.mark.parametrize("what, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_correct_formula_passes_and_its_wrong_variant_fails(what, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_row_vector_times_itself_transposed_first_is_a_matrix_never_compared_with_a_number(tmp_path):
    """x^T x of a row x is d × d: beside a number the sides have shapes that cannot be compared (no FAIL)."""
    result, detail = verdict(tmp_path, r"x \in \mathbb{R}^{1 \times d}", r"x^\top x = \sum_{i=1}^d x_i^2")
    assert result == "UNKNOWN" and "shapes" in detail, (result, detail)


@pytest.mark.parametrize(
    "clauses, labels",
    [
        ([r"\mathbf{W}^q, \mathbf{W}^k \in \mathbb{R}^{d \times d_k}"], ((r"\mathbf{W}", "q"), (r"\mathbf{W}", "k"))),
        ([r"W^{Q} \in \mathbb{R}^{d}"], (("W", "Q"),)),
        ([r"W^q \in \mathbb{R}^{d \times d}", "q: positive integer"], ()),  # q a number: W^q may be a power
        ([r"W^q \in \mathbb{R}"], ()),  # a number: nothing to name
        ([r"W^2 \in \mathbb{R}^{d \times d}"], ()),  # a digit is a power
        ([r"P^\pi \in \mathbb{R}^{n \times n}"], (("P", r"\pi"),)),  # a Greek letter labels as a Latin one does
        ([r"P^{\pi} = \begin{bmatrix} 0.7 & 0.3 \\ 1 & 0 \end{bmatrix}"], (("P", r"\pi"),)),
        ([r"W^\top \in \mathbb{R}^{d \times k}"], ()),  # a transpose, never a label
    ],
)
def test_which_raised_letters_a_tag_declares_as_labels(clauses, labels):
    assert declared_labels(clauses) == labels


def test_a_label_is_written_in_parentheses_wherever_the_labelled_name_is_written():
    labels = ((r"\mathbf{W}", "q"), ("V", "k"))
    text = r"\mathbf{W}^q {\mathbf{W}^{q}}^\top V^k V^{k} V^{kk} W^q x^q"
    assert with_labels(text, labels) == r"\mathbf{W}^{(q)} {\mathbf{W}^{(q)}}^\top V^{(k)} V^{(k)} V^{kk} W^q x^q"


def test_a_greek_label_is_written_in_parentheses_with_or_without_braces():
    text = r"P^\pi r^{\pi} P^{\pi_1} P^\pi_1"
    assert with_labels(text, (("P", r"\pi"), ("r", r"\pi"))) == r"P^{(\pi)} r^{(\pi)} P^{\pi_1} P^{(\pi)}_1"
