r"""Random variables a tag declares in words (``X, Y: random variables``) are not said to be independent: a formula
is decided only where independent variables and variables under one joint law agree; ``X: random`` and
``independent random variables`` keep meaning independent."""

import pytest
from checking import assert_page_pass_and_fail, verdict

WORDS = r"X, Y: random variables"
PRODUCT = r"\mathbb{E}[XY] = \mathbb{E}[X]\mathbb{E}[Y]"


@pytest.mark.parametrize(
    "tag",
    [WORDS, r"X: random variable; Y: random variable", r"X, Y: real random variables"],
)
def test_a_claim_of_independence_is_unknown_with_both_readings(tmp_path, tag):
    found, detail = verdict(tmp_path, tag, PRODUCT)
    assert found == "UNKNOWN", detail
    assert "independent or under a joint law" in detail and "say which in the tag" in detail, detail


@pytest.mark.parametrize(
    "tag",
    [
        r"X, Y: independent random variables",
        r"X: random; Y: random",
        r"X, Y: random variables; X, Y independent",
        r"X: random variable; Y: random variable; X, Y independent",
    ],
)
def test_independence_said_decides_it(tmp_path, tag):
    assert_page_pass_and_fail(tmp_path, tag, PRODUCT, r"\mathbb{E}[XY] = 2\mathbb{E}[X]\mathbb{E}[Y]")


def test_what_holds_for_every_joint_law_passes_and_its_variant_fails(tmp_path):
    variance = r"\operatorname{Var}(X + Y) = \operatorname{Var}(X) + \operatorname{Var}(Y)"
    assert_page_pass_and_fail(tmp_path, WORDS, variance + r" + 2\operatorname{Cov}(X, Y)", variance + " + 1")
    assert_page_pass_and_fail(
        tmp_path, WORDS, r"\mathbb{E}[X + Y] = \mathbb{E}[X] + \mathbb{E}[Y]", r"\mathbb{E}[X + Y] = \mathbb{E}[X]"
    )


def test_a_covariance_term_dropped_is_unknown_not_passed(tmp_path):
    dropped = r"\operatorname{Var}(X + Y) = \operatorname{Var}(X) + \operatorname{Var}(Y)"
    assert verdict(tmp_path, WORDS, dropped)[0] == "UNKNOWN"
    assert verdict(tmp_path, r"X, Y: independent random variables", dropped)[0] == "PASS"


def test_one_random_variable_in_words_is_decided(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"X: random variable",
        r"\operatorname{Var}(X) = \mathbb{E}[X^2] - \mathbb{E}[X]^2",
        r"\operatorname{Var}(X) = \mathbb{E}[X^2]",
    )
