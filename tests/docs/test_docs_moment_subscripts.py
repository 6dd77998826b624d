r"""The mean and standard deviation of a random quantity written as a subscript, \mu_{aX+b} and \sigma_{aX+b}: read as
the expectation and the square root of the variance when every capital the subscript writes is a random variable of
the notation (a result's, or one a tag draws from a law); any other subscript stays as written."""

import pytest
from checking import assert_pass_and_fail

from derive.docs import check_formula
from derive.docs.moment_subscripts import moments_of_random_quantities
from derive.docs.verdict import Binding

AFFINE = "a: real; b: real"

# (name, correct formula, wrong variant, check_formula keywords)
PAIRS = [
    (
        "the mean of an affine map under a result's random variable",
        r"\mu_{aX+b} = a\mu_X + b",
        r"\mu_{aX+b} = a\mu_X",
        {"result": "linearity_of_expectation", "clauses": AFFINE},
    ),
    (
        "the mean of a sum of a result's random variables",
        r"\mu_{X+Y} = \mu_X + \mu_Y",
        r"\mu_{X+Y} = \mu_X - \mu_Y",
        {"result": "linearity_of_expectation"},
    ),
    (
        "the standard deviation of an affine map where the result has a variance",
        r"\sigma_{aX+b}^2 = a^2 \sigma_X^2",
        r"\sigma_{aX+b}^2 = a \sigma_X^2",
        {"result": "variance_shortcut", "clauses": AFFINE},
    ),
    (
        "the mean and standard deviation of an affine map under a law the tag declares",
        r"\mu_{aX+b} + \sigma_{aX+b}^2 = a \mu_X + b + a^2 \sigma_X^2",
        r"\mu_{aX+b} + \sigma_{aX+b}^2 = a \mu_X + b + a \sigma_X^2",
        {"clauses": r"X \sim \mathcal{N}(1, 4); " + AFFINE},
    ),
]


@pytest.mark.parametrize("name,correct,wrong,keywords", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_moment_of_a_random_quantity_is_read_on_a_correct_formula_and_a_wrong_variant(name, correct, wrong, keywords):
    assert_pass_and_fail(correct, wrong, **keywords)


def test_a_standard_deviation_is_not_read_where_the_result_has_no_variance():
    verdict = check_formula(r"\sigma_{aX+b}^2 = a^2 \sigma_X^2", result="linearity_of_expectation", clauses=AFFINE)
    assert verdict["verdict"] == "UNKNOWN", verdict
    assert "sigma_aX+b" in verdict["detail"], verdict["detail"]


@pytest.mark.parametrize(
    "text,binding",
    [
        (r"\mu_{K+1} = \mu_K + 1", Binding(result="linearity_of_expectation")),  # K is a count, no random variable
        (r"\mu_{\mathcal{B}} = \frac{1}{m} \sum_i x_i", Binding(result="linearity_of_expectation")),  # a batch's label
        (r"\mu_{aX+b} = a\mu_X + b", Binding()),  # no notation makes X random
    ],
)
def test_other_subscripts_stay_as_written(text, binding):
    assert moments_of_random_quantities(text, binding) == text


def test_a_moment_the_tag_or_its_law_names_itself_is_left_to_it():
    from derive.docs.tags import parse_tag

    binding = parse_tag(r"X \sim \mathcal{N}(0, 1); a: real; b: real")
    assert moments_of_random_quantities(r"\mu_{aX+b} = a\mu_X + b", binding) == r"\mathbb{E}[aX+b] = a\mu_X + b"
    binding = parse_tag(r"linearity_of_expectation; \mu_{X} = 1; a: real; b: real")
    assert moments_of_random_quantities(r"\mu_{aX+b} = a\mu_X + b", binding) == r"\mathbb{E}[aX+b] = a\mu_X + b"
