"""Forms of tagged formulas from real ML documents: each is read on a correct formula (PASS) and on a
wrong variant of it (FAIL) by the same machinery."""

import pytest
from checking import assert_page_pass_and_fail, verdict

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "a tag function written bare in a partial derivative",
        r"f(x, y) = x y; x: real; y: real",
        r"\frac{\partial f}{\partial x} = y",
        r"\frac{\partial f}{\partial x} = x",
    ),
    (
        "a tag function written bare in a derivative",
        r"f(x) = \frac{1}{x}; x: positive",
        r"\frac{df}{dx} = -1/x^2",
        r"\frac{df}{dx} = 1/x^2",
    ),
    (
        "pi as the number",
        r"n: positive; r: positive",
        r"n \cdot r \cdot \frac{1}{2} (2 \pi r/n) = \pi r^2",
        r"n \cdot r \cdot (2 \pi r/n) = \pi r^2",
    ),
    (
        "a Greek summation variable in a power",
        r"\beta: probability",
        r"\sum_{\tau=0}^{3} \beta^\tau = 1 + \beta + \beta^2 + \beta^3",
        r"\sum_{\tau=0}^{3} \beta^\tau = 1 + \beta + \beta^2",
    ),
    (
        "a geometric series over tau",
        r"\beta: probability",
        r"\sum_{\tau=0}^\infty \beta^\tau = \frac{1}{1-\beta}",
        r"\sum_{\tau=0}^\infty \beta^\tau = \frac{1}{1+\beta}",
    ),
    (
        "whole matrices: transpose of a sum",
        r"A: matrix; B: matrix",
        r"\mathbf{A}^\top + \mathbf{B}^\top = (\mathbf{A} + \mathbf{B})^\top",
        r"\mathbf{A}^\top + \mathbf{B} = (\mathbf{A} + \mathbf{B})^\top",
    ),
    (
        "whole matrices: transpose of a product",
        r"A: matrix; B: matrix",
        r"(\mathbf{A}\mathbf{B})^\top = \mathbf{B}^\top\mathbf{A}^\top",
        r"(\mathbf{A}\mathbf{B})^\top = \mathbf{A}^\top\mathbf{B}^\top",
    ),
    (
        "whole matrices: gradient of a quadratic form",
        r"A: matrix; x: vector",
        r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{A} \mathbf{x} = (\mathbf{A} + \mathbf{A}^\top)\mathbf{x}",
        r"\nabla_{\mathbf{x}} \mathbf{x}^\top \mathbf{A} \mathbf{x} = 2\mathbf{A}\mathbf{x}",
    ),
    (
        "a symmetric positive definite matrix",
        r"Q: symmetric positive definite matrix; x: vector",
        r"\mathbf{x}^\top \mathbf{Q} \mathbf{x} \ge 0",
        r"\mathbf{x}^\top \mathbf{Q} \mathbf{x} \le 0",
    ),
    (
        "a positive definite matrix is not read as one with eigenvalues of at least 1",
        r"Q: symmetric positive definite matrix; x: vector",
        r"\mathbf{x}^\top \mathbf{Q} \mathbf{x} \ge 0",
        r"\mathbf{x}^\top \mathbf{Q} \mathbf{x} \ge \mathbf{x}^\top \mathbf{x}",
    ),
]

SYMMETRY = r"\mathbf{x}^\top \mathbf{Q} \mathbf{y} = \mathbf{y}^\top \mathbf{Q} \mathbf{x}"


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_correct_passes_and_wrong_fails(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_bare_function_defined_in_terms_of_itself_is_unknown(tmp_path):
    v, detail = verdict(tmp_path, r"f(x) = x f; x: real", r"f(x) = x")
    assert v == "UNKNOWN" and "itself" in detail


def test_a_symmetric_matrix_is_symmetric_and_a_general_one_is_not(tmp_path):
    assert verdict(tmp_path, "Q: symmetric matrix; x: vector; y: vector", SYMMETRY)[0] == "PASS"
    assert verdict(tmp_path, "Q: matrix; x: vector; y: vector", SYMMETRY)[0] == "FAIL"
