"""A square matrix to a whole power (A^2, A^n for a whole-number n): the product of that many copies, checked on a
correct formula and a wrong variant through the public API; a power of a vector stays refused with the reason."""

import pytest
from checking import assert_page_pass_and_fail, verdict

DIAGONALISED = (
    r"\mathbf{A} = \mathbf{W} \boldsymbol{\Sigma} \mathbf{W}^{-1}; \mathbf{W}: invertible square matrix;"
    r" \boldsymbol{\Sigma}: diagonal matrix; n: positive integer"
)

PAIRS = [
    (
        "a written power of a diagonalised matrix is the power of its diagonal",
        DIAGONALISED,
        r"\mathbf{A}^2 = \mathbf{W}\boldsymbol{\Sigma}^2\mathbf{W}^{-1}",
        r"\mathbf{A}^2 = \mathbf{W}^2\boldsymbol{\Sigma}^2\mathbf{W}^{-2}",
    ),
    (
        "a whole-number variable as the power is taken at each point's value",
        DIAGONALISED,
        r"\mathbf{A}^n = \mathbf{W}\boldsymbol{\Sigma}^n\mathbf{W}^{-1}",
        r"\mathbf{A}^n = \mathbf{W}^n\boldsymbol{\Sigma}^n\mathbf{W}^{-n}",
    ),
    (
        "a power above the ones multiplied out, and a product of powers of one matrix",
        r"A: matrix; k: positive integer",
        r"A^{5} A^{k} = A^{k + 5}",
        r"A^{5} A^{k} = A^{5 k}",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_correct_formula_passes_and_its_wrong_variant_fails(name, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_power_of_a_vector_or_by_a_real_number_stays_refused(tmp_path):
    found, detail = verdict(tmp_path, r"\mathbf{x}: vector", r"\mathbf{x}^2 = \mathbf{x}^\top \mathbf{x}")
    assert found == "UNKNOWN" and "a power of a vector or matrix" in detail, detail
    found, detail = verdict(tmp_path, r"A: matrix; t: real", r"A^{t} A = A^{t + 1}")
    assert found == "UNKNOWN" and "a power of a vector or matrix" in detail, detail
