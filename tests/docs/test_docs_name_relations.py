"""A tag clause relating names (derive.docs.name_relations): a matrix equal to its transpose is read as symmetric, so
the gradient of x^T A x is 2 A x for it and A x is refuted; a clause relating a product of the formula's names
(Q^T Q = I, A x = λ x) is a condition the checker does not impose, and the formula is left UNKNOWN with that reason
rather than reading the clause as a definition of the product's first name."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.name_relations import symmetric_name, unimposed_relation

QUADRATIC = r"\nabla_{\mathbf{x}} (\mathbf{x}^\top\mathbf{A}\mathbf{x})"


@pytest.mark.parametrize(
    "clause",
    [r"\mathbf{A} = \mathbf{A}^\top", r"\mathbf{A}^T = \mathbf{A}", r"\mathbf{A} = \mathbf{A}^{\top}"],
)
def test_a_matrix_equal_to_its_transpose_is_symmetric(tmp_path, clause):
    tag = rf"\mathbf{{A}} \in \mathbb{{R}}^{{d \times d}}; {clause}; \mathbf{{x}} \in \mathbb{{R}}^d"
    assert_page_pass_and_fail(
        tmp_path, tag, rf"{QUADRATIC} = 2\mathbf{{A}}\mathbf{{x}}", rf"{QUADRATIC} = \mathbf{{A}}\mathbf{{x}}"
    )


def test_without_the_clause_a_square_matrix_is_any_matrix(tmp_path):
    tag = r"\mathbf{A} \in \mathbb{R}^{d \times d}; \mathbf{x} \in \mathbb{R}^d"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        rf"{QUADRATIC} = (\mathbf{{A}} + \mathbf{{A}}^\top)\mathbf{{x}}",
        rf"{QUADRATIC} = 2\mathbf{{A}}\mathbf{{x}}",
    )


@pytest.mark.parametrize(
    "name, meaning, expected",
    [
        (r"\mathbf{A}", r"\mathbf{A}^\top", r"\mathbf{A}"),
        (r"S^T", "S", "S"),
        (r"\mathbf{A}", r"\mathbf{B}^\top", None),  # another matrix's transpose: a definition
        (r"\mathbf{A}", r"\mathbf{A}^2", None),
    ],
)
def test_only_a_name_equal_to_its_own_transpose_is_read_as_symmetric(name, meaning, expected):
    assert symmetric_name(name, meaning) == expected


@pytest.mark.parametrize(
    "tag, formula",
    [
        (
            r"\mathbf{Q} \in \mathbb{R}^{n \times n}; \mathbf{Q}^\top \mathbf{Q} = \mathbf{I}; \mathbf{x} \in \mathbb{R}^n",
            r"\|\mathbf{Q}\mathbf{x}\|_2 = \|\mathbf{x}\|_2",
        ),
        (
            r"\mathbf{A} \in \mathbb{R}^{n \times n}; \mathbf{x} \in \mathbb{R}^n; \mathbf{A}\mathbf{x} = \lambda\mathbf{x};"
            r" \gamma: real; \lambda: real",
            r"(\mathbf{A} + \gamma\mathbf{I})\mathbf{x} = (\lambda + \gamma)\mathbf{x}",
        ),
    ],
)
def test_a_relation_among_the_formulas_names_is_not_imposed_and_leaves_it_unknown(tmp_path, tag, formula):
    found, detail = verdict(tmp_path, tag, formula)
    assert found == "UNKNOWN" and "does not impose" in detail, (found, detail)


def test_a_product_renamed_to_a_name_the_formula_writes_is_no_condition():
    assert unimposed_relation(r"{v'_w}^\top v_{w_I}", "x", r"\sigma(x) = \frac{1}{1 + e^{-x}}") is None
    assert unimposed_relation(r"\mathbf{A}\mathbf{x}", r"\lambda\mathbf{x}", r"\mathbf{A}\mathbf{x} + \mathbf{y}")


def test_a_narrow_bell_far_from_zero_is_integrated_where_it_is(tmp_path):
    """The normal density integrates to 1 at every mean and width, also σ small and μ far out (the quadrature over the
    whole line is split at the top of the bell); with the wrong constant it is refuted."""
    tag = r"\mu: real; \sigma > 0"
    bell = r"\exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)\,dx"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        rf"\int_{{-\infty}}^{{\infty}} \frac{{1}}{{\sqrt{{2\pi\sigma^2}}}}{bell} = 1",
        rf"\int_{{-\infty}}^{{\infty}} \frac{{1}}{{\sqrt{{\pi\sigma^2}}}}{bell} = 1",
    )
    far = r"\int_{-\infty}^{\infty} \frac{1}{\sqrt{2\pi}\,0.3}\exp\left(-\frac{(x+40)^2}{2 \cdot 0.09}\right)\,dx = 1"
    assert verdict(tmp_path, "", far)[0] == "PASS"
