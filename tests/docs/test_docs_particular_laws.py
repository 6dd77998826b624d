r"""Untagged claims about random variables X, Y whose law the text does not state: one that fails under a joint law
drawn at random but holds for a law texts often mean without saying (an indicator, a count, a waiting time, a law
symmetric about 0, a constant) is a claim about that law, left undecided; one that every such law refutes FAILs."""

import pytest

from derive.docs.chance import written_moments
from derive.docs.particular_laws import particular_law
from tests.docs.checking import verdict


@pytest.mark.parametrize(
    "formula, law",
    [
        (r"\mathbb{E}[X^2] = \mathbb{E}[X]", "Bernoulli"),  # an indicator
        (r"\mathrm{Var}(X) = \mathbb{E}[X](1 - \mathbb{E}[X])", "Bernoulli"),
        (r"\mathrm{Var}(X) = \mathbb{E}[X]", "Poisson"),  # a count
        (r"\mathrm{Var}(X) = \mathbb{E}[X]^2", "exponential"),  # a waiting time
        (r"\mathbb{E}[X^3] = \mathbb{E}[X]^3", "standard normal"),  # symmetric about 0
        (r"\mathrm{Var}(X) = \frac{\mathbb{E}[X]^2}{3}", "uniform on [0, c]"),
        (r"\mathbb{E}[X^2] = 2\mathbb{E}[X]^2 - \mathbb{E}[X]", "geometric on 1, 2, ..."),  # trials to a success
        (r"\mathrm{Var}(X) = \mathbb{E}[X]^2 + \mathbb{E}[X]", "geometric on 0, 1, ..."),  # failures before it
    ],
)
def test_a_claim_a_named_law_satisfies_is_about_that_law(tmp_path, formula, law):
    assert particular_law(formula).endswith(law), particular_law(formula)
    result, detail = verdict(tmp_path, None, formula)
    assert result == "SKIPPED" and ("a claim about a particular law" in detail or "definition" in detail), detail


@pytest.mark.parametrize(
    "formula",
    [
        r"\mathbb{E}[e^X] = e^{\mathbb{E}[X]}",  # Jensen's gap closes only for a constant
        r"\mathbb{E}[X]^2 = \mathbb{E}[X^2]",
    ],
)
def test_a_claim_of_expectations_a_constant_satisfies_is_not_refuted(tmp_path, formula):
    result, detail = verdict(tmp_path, None, formula)
    assert result == "SKIPPED" and "holds for constant X (a point mass)" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"\mathbb{E}[X^2] = 2\mathbb{E}[X]",
        r"\mathrm{Var}(2X) = 2\mathrm{Var}(X)",
        r"\mathbb{E}[e^X] = 2e^{\mathbb{E}[X]}",
        r"\textrm{Var}(X-Y) = \textrm{Var}(X) - \textrm{Var}(Y)",  # a variance is 0 at a point mass: not tried there
    ],
)
def test_a_claim_every_law_tried_refutes_fails(tmp_path, formula):
    assert particular_law(formula) is None
    result, detail = verdict(tmp_path, None, formula)
    assert result == "FAIL" and "Bernoulli, Poisson, exponential" in detail, detail


def test_x_and_y_are_independent_with_parameters_of_their_own(tmp_path):
    assert (
        particular_law(r"\mathrm{Var}(X + Y) = \mathrm{Var}(X) + \mathrm{Var}(Y)")
        == "X and Y independent, each standard normal"
    )
    result, detail = verdict(tmp_path, None, r"\mathrm{Var}(X - Y) = \mathrm{Var}(X) - \mathrm{Var}(Y)")
    assert result == "FAIL", detail  # for independent X and Y it would need Var(Y) = 0


def test_a_claim_that_holds_for_every_law_passes(tmp_path):
    result, detail = verdict(tmp_path, None, r"\mathbb{E}[X^2] = \mathrm{Var}(X) + \mathbb{E}[X]^2")
    assert result == "PASS" and "under a joint law" in detail, detail


def test_without_x_or_y_no_law_is_tried():
    assert particular_law(r"\mathbb{E}[w^2] = \mathbb{E}[w]") is None


@pytest.mark.parametrize(
    "wrong, correct",
    [
        (
            r"\mathrm{Var}[X] = \mathbb{E}[X^2] + \mathbb{E}[X]^2",  # holds for every law of mean 0
            r"\mathrm{Var}[X] = \mathbb{E}[X^2] - \mathbb{E}[X]^2",
        ),
        (r"\mathbb{E}[aX] = a^2 \mathbb{E}[X]", r"\mathbb{E}[aX] = a \mathbb{E}[X]"),
        (r"\textrm{Cov}(X, X) = \textrm{Var}(X)^2", r"\textrm{Cov}(X, X) = \textrm{Var}(X)"),  # variance 1
        (
            r"Var[x_{t,i}] = \mathbb{E}[x_{t,i}^2] - \mathbb{E}[x_{t,i}]",  # a name with two indices
            r"Var[x_{t,i}] = \mathbb{E}[x_{t,i}^2] - \mathbb{E}[x_{t,i}]^2",
        ),
    ],
)
def test_a_mean_or_a_variance_the_formula_writes_is_not_read_as_0_or_1(tmp_path, wrong, correct):
    result, detail = verdict(tmp_path, None, wrong)
    assert result == "FAIL" and "of their own, as the formula writes them" in detail, detail
    assert verdict(tmp_path, None, correct)[0] == "PASS"


@pytest.mark.parametrize(
    "formula",
    [
        r"\mathrm{Var}(X) = \mathbb{E}[X^2]",  # writes no mean: about X of mean 0
        r"\mathbb{E}[X^2] = 1 + \mathbb{E}[X]^2",  # writes no variance: about X of variance 1
        r"\mathrm{Var}(X + Y) = \mathrm{Var}(X) + \mathrm{Var}(Y)",  # about independent X and Y
    ],
)
def test_a_formula_whose_unwritten_moments_make_it_hold_is_not_refuted(tmp_path, formula):
    result, detail = verdict(tmp_path, None, formula)
    assert result == "SKIPPED", (result, detail)


def test_the_moments_a_formula_writes():
    assert written_moments(r"\mu_X + \mathbb{E}\left[Y\right] = \sigma_{Y} + \mathrm{Cov}(X, X)") == (
        {"X", "Y"},
        {"X", "Y"},
    )
    assert written_moments(r"\mathbb{E}[X^2] = \mathrm{Var}(X + Y) + \mathbb{E}_{X}[X]") == (set(), set())
