"""A random variable given by its values and their probabilities in the tag (``X = 1 with probability p; X = 0
otherwise``): E, Var and events under it PASS a correct formula and FAIL its wrong variant, summed over the values;
probabilities that are not a law, or values the tag cannot give, leave the formula UNKNOWN with the reason."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.outcome_law import is_outcome_clause

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "inverted dropout keeps the mean",
        r"z = 0 with probability q; z = \frac{a}{1-q} with probability 1 - q; q \in [0, 1); a \in \mathbb{R}",
        r"\mathbb{E}[z] = a",
        r"\mathbb{E}[z] = (1 - q) a",
    ),
    (
        "a value taken otherwise, in text type",
        r"X = c \text{ with probability } p; X = d \text{ otherwise}",
        r"\mathbb{E}[X] = p c + (1 - p) d",
        r"\mathbb{E}[X] = p c + p d",
    ),
    (
        "the variance of a two-point law",
        r"B = 1 w.p. \rho; B = 0 otherwise",
        r"\operatorname{Var}(B) = \rho (1 - \rho)",
        r"\operatorname{Var}(B) = \rho",
    ),
    (
        "an event's probability is the sum over the values in it",
        r"S = 1 with probability \frac{1}{2}; S = -1 with probability \frac{1}{2}",
        r"P(S = 1) + \mathbb{E}[S^2] = \frac{3}{2}",
        r"P(S = 1) + \mathbb{E}[S^2] = 1",
    ),
    (
        "three values, their probabilities a law where the tag's range says",
        r"Y = 2 with probability 2u; Y = 1 with probability u; Y = 0 otherwise; 0 < u < \frac{1}{3}",
        r"\mathbb{E}[Y] = 5u",
        r"\mathbb{E}[Y] = 3u",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_under_the_tags_values_a_correct_formula_passes_and_its_wrong_variant_fails(
    name, tag, correct, wrong, tmp_path
):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (r"X = 1 with probability p; X = -1 with probability p", r"\mathbb{E}[X] = 0", "not 1: not a law"),
        (r"X = 1 with probability p", r"\mathbb{E}[X] = p", "gives X one value"),
        (r"X = 1 otherwise; X = 2 else", r"\mathbb{E}[X] = 1", "more than one value 'otherwise'"),
        (r"X = 1 with probability p; X = 0 otherwise", r"H(X) = 1", "finite law is not read"),
    ],
)
def test_values_it_cannot_use_leave_the_formula_unknown_with_the_reason(tag, formula, expected, tmp_path):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == "UNKNOWN" and expected in found[1], found


def test_a_function_by_cases_is_not_read_as_values_with_probabilities():
    assert not is_outcome_clause(r"y = x \text{ if } x > 0, 0 \text{ otherwise}")
    assert not is_outcome_clause(r"f(x) = 1 otherwise")
    assert is_outcome_clause(r"h' = \frac{h}{1-p} with probability 1 - p")
