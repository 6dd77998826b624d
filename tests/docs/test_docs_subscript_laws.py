"""A named law in an expectation's or a variance's subscript, E_{x \\sim N(0, 1)}[x^2], read as the tag clause x \\sim N(0, 1)
(derive.docs.subscript_laws)."""

import pytest
from checking import verdict

# (tag, correct formula, wrong variant)
PAIRS = [
    ("", r"\mathbb{E}_{x \sim \mathcal{N}(0,1)}[x^2] = 1", r"\mathbb{E}_{x \sim \mathcal{N}(0,1)}[x^2] = 2"),
    (
        r"\mu: real; \sigma > 0",
        r"\mathbb{E}_{x \sim \mathcal{N}(\mu, \sigma^2)}[(x - \mu)^2] = \sigma^2",
        r"\mathbb{E}_{x \sim \mathcal{N}(\mu, \sigma^2)}[(x - \mu)^2] = \sigma",
    ),
    (
        r"\mu: real; \sigma > 0",
        r"\mathrm{Var}_{x \sim \mathcal{N}(\mu, \sigma^2)}[x] = \sigma^2",
        r"\mathrm{Var}_{x \sim \mathcal{N}(\mu, \sigma^2)}[x] = \sigma",
    ),
    ("", r"\mathbb{E}_{u \sim U(0, 1)}[u] = \frac{1}{2}", r"\mathbb{E}_{u \sim U(0, 1)}[u^2] = \frac{1}{2}"),
    ("", r"E_{X \sim \text{Bin}(n, p)}[X] = np", r"E_{X \sim \text{Bin}(n, p)}[X] = n(1 - p)"),
]


@pytest.mark.parametrize("tag, correct, wrong", PAIRS)
def test_a_law_named_in_the_subscript_is_the_law_of_the_variable_averaged_over(tmp_path, tag, correct, wrong):
    holds = verdict(tmp_path, tag, correct)
    assert holds[0] == "PASS", holds
    fails = verdict(tmp_path, tag, wrong)
    assert fails[0] == "FAIL", fails


def test_a_variance_over_a_declared_distribution_is_its_second_moment_less_its_mean_squared(tmp_path):
    tag = "q: distribution; f: function"
    holds = verdict(tmp_path, tag, r"\operatorname{Var}_{x \sim q}[f(x)] = E_{x \sim q}[f(x)^2] - E_{x \sim q}[f(x)]^2")
    assert holds[0] == "PASS", holds
    fails = verdict(tmp_path, tag, r"\operatorname{Var}_{x \sim q}[f(x)] = E_{x \sim q}[f(x)^2] + E_{x \sim q}[f(x)]^2")
    assert fails[0] == "FAIL", fails


def test_one_variable_under_two_laws_is_not_moved_to_one_clause(tmp_path):
    both = r"\mathbb{E}_{x \sim \mathcal{N}(0,1)}[x^2] = \mathbb{E}_{x \sim \mathcal{N}(0,4)}[x^2]"
    read = verdict(tmp_path, "", both)
    assert read[0] != "PASS" and read[0] != "FAIL", read


def test_a_law_the_tag_already_gives_keeps_the_tag_s_clause(tmp_path):
    # the tag says x ~ N(0, 4); the subscript's N(0, 1) is not added beside it
    read = verdict(tmp_path, r"x \sim \mathcal{N}(0, 4)", r"\mathbb{E}_{x \sim \mathcal{N}(0,1)}[x^2] = 1")
    assert read[0] != "PASS", read


def test_untagged_a_law_in_the_subscript_is_read_too(tmp_path):
    # untagged, a wrong value is an equation the page may solve (SKIPPED); the identity is decided
    holds = verdict(
        tmp_path, None, r"\mathbb{E}_{x \sim \mathcal{N}(0,1)}[x^2] = \mathbb{E}_{x \sim \mathcal{N}(0,1)}[x]^2 + 1"
    )
    assert holds[0] == "PASS", holds
    fails = verdict(
        tmp_path, None, r"\mathbb{E}_{x \sim \mathcal{N}(0,1)}[x^2] = \mathbb{E}_{x \sim \mathcal{N}(0,1)}[x]^2 + 2"
    )
    assert fails[0] != "PASS", fails
