"""A law of the shared notation at the head of a chain, which the tag does not mention, names the value the chain
computes (a tokenization's likelihood, p(x_{1:L}) = \\frac{2}{3} \\cdot \\frac{2}{3} \\cdot \\frac{1}{3} = \\frac{4}{27}),
as one equation p(x) = \\frac{1}{3} defines it: no claim about every law p, which a law of one value would refute.
The rest of the chain is checked; a chain that writes p again is a claim about the law, as before."""

import pytest

from tests.docs.checking import verdict


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"p(x_{1:L}) = \frac{2}{3} \cdot \frac{2}{3} \cdot \frac{1}{3} = \frac{4}{27}", "PASS"),
        (r"p(x_{1:L}) = \frac{2}{3} \cdot \frac{2}{3} \cdot \frac{1}{3} = \frac{4}{9}", "FAIL"),
        (r"p(x_1, x_2) = 0.5 \cdot 0.4 = 0.2", "PASS"),
        (r"p(x_1, x_2) = 0.5 \cdot 0.4 = 0.25", "FAIL"),
    ],
)
def test_a_law_at_the_head_of_a_chain_names_its_value(tmp_path, formula, expected):
    found = verdict(tmp_path, "", formula)
    assert found[0] == expected, found
    assert "names the value the chain computes" in found[1], found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"p(x_1, x_2) = p(x_1) p(x_2 \mid x_1) = p(x_2) p(x_1 \mid x_2)", "PASS"),
        (r"p(x_1, x_2) = p(x_1) p(x_2 \mid x_1) = p(x_1) p(x_2)", "FAIL"),
    ],
)
def test_a_chain_that_writes_the_law_again_is_a_claim_about_it(tmp_path, formula, expected):
    found = verdict(tmp_path, "", formula)
    assert found[0] == expected, found
    assert "names the value" not in found[1], found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"P(X = 2) = \binom{4}{2} 0.5^4 = 0.375", "PASS"),
        (r"P(X = 2) = \binom{4}{2} 0.5^3 = 0.75", "FAIL"),
    ],
)
def test_a_law_the_tag_declares_is_still_claimed_at_the_head(tmp_path, formula, expected):
    found = verdict(tmp_path, r"X \sim \text{Bin}(4, 0.5)", formula)
    assert found[0] == expected, found
    assert "names the value" not in found[1], found


STEP = r"V_{H-1}^{\pi}(\text{orderly}) = 1; V_{H-1}^{\pi}(\text{messy}) = 0"


@pytest.mark.parametrize(
    "formula, expected",
    [
        # the value at step H-2 from the tag's values at step H-1: another member of the family, which the chain computes
        (
            r"V_{H-2}^\pi(\text{orderly}) = 1 + 0.7 \cdot V_{H-1}^{\pi}(\text{orderly})"
            r" + 0.3 \cdot V_{H-1}^{\pi}(\text{messy}) = 1 + 0.7 \cdot 1 + 0.3 \cdot 0 = 1.7",
            "PASS",
        ),
        (
            r"V_{H-2}^\pi(\text{orderly}) = 0.7 \cdot V_{H-1}^{\pi}(\text{orderly})"
            r" + 0.3 \cdot V_{H-1}^{\pi}(\text{messy}) = 0.7 \cdot 1 + 0.3 \cdot 0 = 1.7",
            "FAIL",
        ),
    ],
)
def test_a_member_of_a_family_at_the_head_names_the_value_the_chain_computes_from_another(tmp_path, formula, expected):
    found = verdict(tmp_path, STEP, formula)
    assert found[0] == expected, found
    assert "names the value the chain computes" in found[1], found


def test_a_function_the_chain_applies_again_under_the_same_subscript_is_no_name(tmp_path):
    found = verdict(tmp_path, r"x \in \mathbb{R}", r"f_1(x) = f_1(x) + 0 = 2")
    assert "names the value" not in found[1], found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"P(i > j) = \frac{e^{r_i}}{e^{r_i} + e^{r_j}} = \sigma(r_i - r_j)", "PASS"),
        (r"P(i > j) = \frac{e^{1}}{e^{1} + e^{0}} = \sigma(1)", "PASS"),
        (r"P(i > j) = \frac{e^{1}}{e^{1} + e^{0}} = \sigma(-1)", "FAIL"),
    ],
)
def test_the_chance_of_an_event_under_no_law_of_the_tag_names_the_chain_s_value(tmp_path, formula, expected):
    # the Bradley-Terry model: the tag defines sigma only, so P(i > j) names what the chain computes
    found = verdict(tmp_path, r"\sigma(z) = \frac{1}{1 + e^{-z}}", formula)
    assert found[0] == expected, found
    if expected == "PASS":
        assert "names the value the chain computes" in found[1], found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"P(X > 0) = \frac{1}{2} = 0.5", "PASS"),
        (r"P(X > 1) = \frac{1}{2} = 0.5", "FAIL"),
    ],
)
def test_the_chance_of_an_event_under_a_law_of_the_tag_is_still_claimed(tmp_path, formula, expected):
    found = verdict(tmp_path, r"X \sim \mathcal{N}(0, 1)", formula)
    assert found[0] == expected, found
    assert "names the value" not in found[1], found


@pytest.mark.parametrize(
    "formula, expected",
    [
        # had been UNKNOWN: the tag's P(i > j) = ... was read as a function P of i, never applied at an event
        (r"P(i > j) = \frac{e^{r_i}}{e^{r_i} + e^{r_j}}", "PASS"),
        (r"P(i > j) = \frac{e^{r_j}}{e^{r_i} + e^{r_j}}", "FAIL"),
        (r"P(i>j) = 1 - \sigma(r_j - r_i)", "PASS"),
        (r"P(j > i) = \frac{e^{r_j}}{e^{r_i} + e^{r_j}}", "UNKNOWN"),  # another event: nothing defines it
    ],
)
def test_the_chance_of_an_event_the_tag_defines_is_its_definition(tmp_path, formula, expected):
    found = verdict(
        tmp_path, r"P(i > j) = \sigma(r_i - r_j); \sigma(z) = \frac{1}{1+e^{-z}}; r_i, r_j \in \mathbb{R}", formula
    )
    assert found[0] == expected, found
