"""A tag that gives an expression a value (a distance ||q - k|| = 1): the formula is read with the value where it writes
the expression, and only where the expression's names appear nowhere else."""

import pytest
from checking import assert_page_pass_and_fail, verdict

PAIRS = [
    (
        "a Gaussian kernel at distance 1",
        r"\|\mathbf{q} - \mathbf{k}\| = 1",
        r"\exp\left(-\frac{1}{2} \|\mathbf{q} - \mathbf{k}\|^2 \right) \approx 0.6065",
        r"\exp\left(-\frac{1}{2} \|\mathbf{q} - \mathbf{k}\|^2 \right) \approx 0.3679",
    ),
    (
        "a kernel with a width the tag also sets",
        r"\sigma = 0.5; \|\mathbf{q} - \mathbf{k}\| = 1",
        r"\exp\left(-\frac{1}{2 \sigma^2} \|\mathbf{q} - \mathbf{k}\|^2 \right) \approx 0.1353",
        r"\exp\left(-\frac{1}{2 \sigma^2} \|\mathbf{q} - \mathbf{k}\|^2 \right) \approx 0.3679",
    ),
    ("an absolute difference", r"|a - b| = 2", r"\max(0, 1 - |a - b|) = 0", r"\max(0, 1 - |a - b|) = -1"),
]


@pytest.mark.parametrize("name,tag,correct,wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_value_of_an_expression_stands_for_it(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_the_value_is_named_in_the_verdict(tmp_path):
    passed = verdict(tmp_path, r"|a - b| = 2", r"\max(0, 1 - |a - b|) = 0")
    assert passed[0] == "PASS" and "with |a - b| = 2 from the tag" in passed[1], passed


def test_names_the_formula_also_uses_elsewhere_are_not_fixed_by_the_value(tmp_path):
    # ||u|| = 1 says nothing about u^T u on its own terms here: the names appear outside the expression
    decided = verdict(tmp_path, r"\|\mathbf{u}\| = 1", r"\mathbf{u}^\top \mathbf{u} = \|\mathbf{u}\|")
    assert decided[0] == "UNKNOWN", decided


SIZE = r"\vert \mathcal{O} \vert = n; \alpha \in \mathbb{R}^n"


def test_the_size_of_a_set_named_by_a_count_stands_for_it(tmp_path):
    """|O| = n with n the size of the tag's vectors: a sum up to |O| runs up to n."""
    assert_page_pass_and_fail(
        tmp_path,
        SIZE,
        r"\sum_{j=1}^{\vert \mathcal{O} \vert} \frac{e^{\alpha_j}}{\sum_k e^{\alpha_k}} = 1",
        r"\sum_{j=1}^{\vert \mathcal{O} \vert} \frac{e^{\alpha_j}}{\sum_k e^{\alpha_k}} = n",
    )


def test_an_expression_named_by_other_than_a_count_is_not_replaced(tmp_path):
    # r is no count: a norm named r may be negative as r is sampled, so it is not put in its place
    found = verdict(tmp_path, r"\|\mathbf{u}\| = r", r"\sqrt{\|\mathbf{u}\|^2} = \|\mathbf{u}\|")
    assert "from the tag" not in found[1], found
