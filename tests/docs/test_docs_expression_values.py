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
    # ||q - k|| = 1 says nothing about q^T k on its own terms: the names appear outside the expression
    decided = verdict(
        tmp_path, r"\|\mathbf{q} - \mathbf{k}\| = 1", r"\mathbf{q}^\top \mathbf{k} = \|\mathbf{q} - \mathbf{k}\|"
    )
    assert decided[0] == "UNKNOWN", decided


UNIT = [
    (
        "a unit vector's square",
        r"\|\mathbf{u}\| = 1; \mathbf{u} \in \mathbb{R}^3",
        r"\mathbf{u}^\top \mathbf{u} = \|\mathbf{u}\|",
        r"\mathbf{u}^\top \mathbf{u} = 2 \|\mathbf{u}\|",
    ),
    (
        "a vector of length 2",
        r"\lVert u \rVert = 2; u \in \mathbb{R}^n",
        r"u^\top u = 4",
        r"u^\top u = 2",
    ),
    (
        "random features of unit vectors, beside an arbitrary map",
        r"\|\mathbf{x}\| = 1; \|\mathbf{y}\| = 1; \sigma > 0; \phi: function",
        r"\exp(\frac{\|\mathbf{x}\|^2}{2\sigma^2}) \exp(\frac{\|\mathbf{y}\|^2}{2\sigma^2})\;\phi(\mathbf{x})\cdot\phi(\mathbf{y})"
        r" = \exp(\frac{1}{\sigma^2})\;\phi(\mathbf{x})\cdot\phi(\mathbf{y})",
        r"\exp(\frac{\|\mathbf{x}\|^2}{2\sigma^2}) \exp(\frac{\|\mathbf{y}\|^2}{2\sigma^2})\;\phi(\mathbf{x})\cdot\phi(\mathbf{y})"
        r" = \exp(\frac{1}{2\sigma^2})\;\phi(\mathbf{x})\cdot\phi(\mathbf{y})",
    ),
]


@pytest.mark.parametrize("name,tag,correct,wrong", UNIT, ids=[p[0] for p in UNIT])
def test_a_vector_of_a_stated_length_is_read_as_one_wherever_the_formula_writes_it(tmp_path, name, tag, correct, wrong):
    """||x|| = c (c > 0) beside other uses of x: the vectors of length c are exactly c u / ||u||, u ≠ 0."""
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_the_rescaled_vector_is_named_in_the_verdict(tmp_path):
    failed = verdict(tmp_path, r"\|u\| = 1; u \in \mathbb{R}^3", r"u^\top u = 2")
    assert failed[0] == "FAIL" and "the vector read as u / \\|u\\|" in failed[1], failed


@pytest.mark.parametrize(
    "tag,latex",
    [
        (
            r"\|W\| = 1; W \in \mathbb{R}^{3 \times 3}",
            r"\operatorname{tr}(W^\top W) = 1",
        ),  # a matrix: its norm may be spectral
        (r"\|u\| = 1; u \in \mathbb{R}^3", r"u_1^2 + u_2^2 + u_3^2 = 1"),  # entries written: not the vector alone
        (r"\|u\| = 1; v = 2 u; u \in \mathbb{R}^3", r"v^\top v = 4"),  # the tag's own definitions use u as sampled
        (r"\|u\| = -1; u \in \mathbb{R}^3", r"u^\top u = 1"),  # no vector has a negative length
    ],
)
def test_a_norm_clause_outside_the_reading_stays_undecided(tmp_path, tag, latex):
    decided = verdict(tmp_path, tag, latex)
    assert decided[0] == "UNKNOWN" and "the vector read as" not in decided[1], decided


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


KERNEL = r"k(x,x') = a^2 \exp\left(-\frac{1}{2\ell^2}||x-x'||^2\right); ||x-x'|| = \ell; \ell > 0"


def test_a_distance_set_to_a_positive_name_stands_in_the_definitions_applied_at_their_parameters(tmp_path):
    """k(x, x') at a distance \\ell > 0: the body of k, applied at its own x and x', is read with the distance's
    value, as the formula would be."""
    assert_page_pass_and_fail(tmp_path, KERNEL, r"k(x,x') = a^2\exp(-0.5)", r"k(x,x') = a^2\exp(-1)")


@pytest.mark.parametrize(
    "tag,latex",
    [
        (KERNEL, r"k(y,x') = a^2\exp(-0.5)"),  # another point: its distance from x' is not \ell
        (KERNEL, r"k(x,x') + x = a^2\exp(-0.5) + x"),  # x written outside the application
        (KERNEL.replace(r"\ell > 0", r"\ell: real"), r"k(x,x') = a^2\exp(-0.5)"),  # \ell may be negative
    ],
)
def test_a_distance_in_a_definition_is_not_put_in_outside_the_reading(tmp_path, tag, latex):
    assert "from the tag" not in verdict(tmp_path, tag, latex)[1]
