r"""Untagged claims about random variables X, Y whose law the text does not state: one that fails under a joint law
drawn at random but holds for a law texts often mean without saying (an indicator, a count, a waiting time, a law
symmetric about 0, a constant) is a claim about that law, left undecided; one that every such law refutes FAILs."""

import pytest

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
