"""Correct formulas from whole documentation trees checked as a user would, untagged, each of which FAILed before its
reading: a matrix whose rows are broken with extra space (\\\\[2mm]), a group's axioms about the elements of a set
the page names by a capital letter (g \\in G), an unnormalised posterior q beside p = q / Z_0, and a loss the page
defined once, written again as a definition at other arguments (L(y, f(x)) = [y - f(x)]^2). None may FAIL; each wrong
variant still FAILs through the same path."""

import pytest

from derive.docs import check_paths
from tests.docs.checking import assert_page_pass_and_fail

MATRIX = r"\begin{{pmatrix}} 1.5-3&3-3\\{gap}4.5-3&6-3\end{{pmatrix}}=\begin{{pmatrix}} -1.5&0\\{gap}1.5&{last}\end{{pmatrix}}"


@pytest.mark.parametrize("gap", ["[2mm]", "[-0.5ex]", " [1em]", ""])
def test_the_space_after_a_matrix_row_break_is_layout_not_a_bracket(tmp_path, gap):
    correct = MATRIX.format(gap=gap, last="3")
    wrong = MATRIX.format(gap=gap, last="4")
    assert_page_pass_and_fail(tmp_path, None, correct, wrong)


def test_a_bracket_after_a_matrix_row_break_that_is_no_length_stays_in_the_row(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        None,
        r"\begin{pmatrix} 1 \\ [2] + 1 \end{pmatrix} = \begin{pmatrix} 1 \\ 3 \end{pmatrix}",
        r"\begin{pmatrix} 1 \\ [2] + 1 \end{pmatrix} = \begin{pmatrix} 1 \\ 2 \end{pmatrix}",
    )


def _page_verdicts(tmp_path, membership: str, *formulas) -> list[str]:
    """The verdict of each display formula of a page that first says, inline, which set ``g`` is in."""
    page = tmp_path / "group.md"
    body = "".join(f"$${f}$$\n\n" for f in formulas)
    page.write_text(f"For each ${membership}$ there is an identity element $e$:\n\n{body}", encoding="utf-8")
    return [r.verdict for r in check_paths([str(page)]) if r.latex in formulas]


AXIOMS = (r"e \cdot g = g \cdot e = g", r"g \cdot g^{-1} = e")


def test_the_axioms_of_a_group_element_are_not_refuted_as_arithmetic_with_eulers_number(tmp_path):
    assert _page_verdicts(tmp_path, r"g \in G", *AXIOMS) == ["SKIPPED", "SKIPPED"]


@pytest.mark.parametrize("membership", [r"g \in \mathbb{R}", r"g \in R", r"h \in G"])
def test_elements_of_numbers_or_other_names_are_still_arithmetic(tmp_path, membership):
    assert _page_verdicts(tmp_path, membership, *AXIOMS) == ["FAIL", "FAIL"]


def test_after_a_group_element_formulas_without_it_are_still_decided(tmp_path):
    assert _page_verdicts(tmp_path, r"g \in G", r"(a + 1)^2 = a^2 + 2 a + 1", r"(a + 1)^2 = a^2 + 1") == [
        "PASS",
        "FAIL",
    ]


def _after_a_loss(tmp_path, formula: str) -> str:
    """The verdict of ``formula`` on a page that first defines the absolute loss L."""
    page = tmp_path / "loss.md"
    page.write_text(
        f"The absolute loss $L(\\theta,\\hat{{\\theta}})=|\\theta-\\hat{{\\theta}}|$.\n\nThen\n\n$${formula}$$\n",
        encoding="utf-8",
    )
    [record] = [r for r in check_paths([str(page)]) if r.latex == formula]
    return record.verdict


def test_a_loss_written_again_as_a_definition_may_be_a_new_loss(tmp_path):
    assert _after_a_loss(tmp_path, r"L(y,f(\vec{x}))=\left[y-f(\vec{x})\right]^2") == "SKIPPED"


@pytest.mark.parametrize("formula, expected", [(r"L(2, 5) = 3", "PASS"), (r"L(2, 5) = 4", "FAIL")])
def test_the_defined_loss_applied_at_numbers_is_still_decided(tmp_path, formula, expected):
    assert _after_a_loss(tmp_path, formula) == expected


def _after_a_normalised_prior(tmp_path, formula: str, prior: str = r"p(\theta)=q(\theta)/Z_0") -> str:
    """The verdict of ``formula`` on a page whose prose first gives a prior ``p`` (a law ``q`` divided by ``Z_0``)."""
    page = tmp_path / "posterior.md"
    page.write_text(f"Let ${prior}$ be our prior.\n\nThe posterior\n\n$${formula}$$\n", encoding="utf-8")
    [record] = [r for r in check_paths([str(page)]) if r.latex == formula]
    return record.verdict


def test_a_law_the_page_divides_by_its_normalising_constant_is_unnormalised(tmp_path):
    assert _after_a_normalised_prior(tmp_path, r"q(\theta|\mathcal{D})=q(\mathcal{D}|\theta)q(\theta)") == "SKIPPED"


@pytest.mark.parametrize(
    "formula, prior",
    [
        (r"q(\theta|\mathcal{D})=q(\mathcal{D}|\theta)q(\theta)", r"p(\theta) = 1"),
        (r"P(\theta|\mathcal{D})=P(\mathcal{D}|\theta)P(\theta)", r"p(\theta)=q(\theta)/Z_0"),
    ],
)
def test_a_law_the_page_does_not_divide_is_still_a_law(tmp_path, formula, prior):
    assert _after_a_normalised_prior(tmp_path, formula, prior) == "FAIL"
