"""A named law written as a function of a point is its density there (``\\mathcal{N}(x; \\mu, \\sigma^2)``), and a
divergence between two named laws is integrated from their densities; each correct formula PASSes, its wrong
variant FAILs, and a parameter the notation leaves ambiguous is not read."""

import pytest

from tests.docs.checking import verdict


@pytest.mark.parametrize(
    "formula, expected",
    [
        (
            r"\log \mathcal{N}(x; \mu, \sigma^2) = -\frac{1}{2}\log(2\pi\sigma^2) - \frac{(x - \mu)^2}{2\sigma^2}",
            "PASS",
        ),
        (
            r"\log \mathcal{N}(x; \mu, \sigma^2) = -\frac{1}{2}\log(2\pi\sigma) - \frac{(x - \mu)^2}{2\sigma^2}",
            "FAIL",
        ),
        (
            r"\mathcal{N}(x \mid \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}}"
            r"\exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)",
            "PASS",
        ),
        (
            r"\mathcal{N}(x \mid \mu, \sigma^2) = \frac{1}{\sqrt{2\pi}\sigma^2}"
            r"\exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)",
            "FAIL",
        ),
        (r"\text{Beta}(x; 2, 2) = 6x(1-x)", "PASS"),
        (r"\text{Beta}(x; 2, 2) = 4x(1-x)", "FAIL"),
    ],
)
def test_a_named_law_at_a_point_is_its_density(tmp_path, formula, expected):
    assert verdict(tmp_path, r"\sigma > 0", formula)[0] == expected


def test_a_normal_law_whose_second_parameter_is_unsquared_is_not_read(tmp_path):
    found = verdict(
        tmp_path,
        r"\sigma > 0",
        r"\mathcal{N}(x; \mu, \sigma) = \frac{1}{\sqrt{2\pi}\sigma}\exp\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)",
    )
    assert found[0] == "UNKNOWN" and "read two ways" in found[1], found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (
            r"D_{KL}(\mathcal{N}(\mu, \sigma^2) \| \mathcal{N}(0, 1)) = \frac{1}{2}(\sigma^2 + \mu^2 - 1 - \log \sigma^2)",
            "PASS",
        ),
        (
            r"D_{KL}(\mathcal{N}(\mu, \sigma^2) \| \mathcal{N}(0, 1)) = \frac{1}{2}(\sigma^2 + \mu^2 - 1 + \log \sigma^2)",
            "FAIL",
        ),
    ],
)
def test_a_divergence_between_named_laws_is_integrated_from_their_densities(tmp_path, formula, expected):
    assert verdict(tmp_path, r"\mu \in \mathbb{R}; \sigma > 0", formula)[0] == expected


def test_a_divergence_between_laws_of_different_supports_is_refused(tmp_path):
    found = verdict(tmp_path, r"a > 0", r"D_{KL}(\text{Beta}(2, 2) \| \mathcal{N}(0, 1)) = 1")
    assert found[0] == "UNKNOWN" and "one support" in found[1], found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\textsf{Beta}(\theta \mid a, b) = \frac{\theta^{a - 1}(1 - \theta)^{b - 1}}{B(a, b)}", "PASS"),
        (r"\textsf{Beta}(\theta \mid a, b) = \frac{\theta^{a - 1}(1 - \theta)^{b}}{B(a, b)}", "FAIL"),
        # parameters written as sums: B(a + c, b) applies B, not a product with the pair
        (r"\textsf{Beta}(\theta \mid a + c, b) = \frac{\theta^{a + c - 1}(1 - \theta)^{b - 1}}{B(a + c, b)}", "PASS"),
        (r"\textsf{Beta}(\theta \mid a + c, b) = \frac{\theta^{a + c}(1 - \theta)^{b - 1}}{B(a + c, b)}", "FAIL"),
        (r"\text{Beta}(\theta; a, b) B(a, b) = \theta^{a - 1}(1 - \theta)^{b - 1}", "PASS"),
        (r"\text{Beta}(\theta; a, b) B(a, b) = \theta^{a}(1 - \theta)^{b - 1}", "FAIL"),
    ],
)
def test_b_beside_a_beta_law_at_a_point_is_the_beta_function(tmp_path, formula, expected):
    found, detail = verdict(tmp_path, r"0 < \theta < 1; a > 0; b > 0; c > 0", formula)
    assert found == expected, (found, detail)


def test_b_of_two_numbers_without_a_beta_law_is_not_the_beta_function(tmp_path):
    # B(a, b) = Γ(a)Γ(b)/Γ(a + b) holds of the beta function, but alone B may be any function of the author's own
    found, detail = verdict(tmp_path, r"a > 0; b > 0", r"B(a, b) = \frac{\Gamma(a)\Gamma(b)}{\Gamma(a + b)}")
    assert found == "UNKNOWN" and "B is not bound" in detail, (found, detail)
