"""A step may name the strategy that proves it: tried first, the full ladder when it does not prove the step."""

import pytest
import sympy as sp

from derive import Step
from derive.errors import DefinitionError
from derive.registry import load
from derive.symbolic import PROOF_STRATEGIES, prove_nonnegative, prove_zero
from derive.verify import domain_assumptions

x, y = sp.symbols("x y", real=True)
c = sp.Symbol("c", positive=True)
r, eps = sp.symbols("r epsilon", positive=True)
upper = sp.Piecewise((r, r <= 1 + eps), (1 + eps, True))


@pytest.mark.parametrize("hint", ["", "case split", "algebra", "merged sums"])
def test_a_case_split_proves_the_same_with_any_hint_and_a_wrong_variant_is_not_proved(hint):
    proved = prove_zero(sp.Min(r, 1 + eps) - upper, hint=hint)
    assert proved.proved and proved.method == "case split of min, max and Piecewise"
    wrong = prove_zero(sp.Min(r, 1 + eps) - sp.Piecewise((r, r <= 1 - eps), (1 + eps, True)), hint=hint)
    assert not wrong.proved


@pytest.mark.parametrize("hint", ["", "further rules", "reordered"])
def test_a_signed_factor_out_of_a_min_is_proved_the_same_with_or_without_the_hint(hint):
    assert prove_zero(sp.Min(c * x, c * y) - c * sp.Min(x, y), hint=hint).method.startswith("further rules")
    assert not prove_zero(sp.Min(-c * x, -c * y) + c * sp.Min(x, y), hint=hint).proved  # −c flips min to max


@pytest.mark.parametrize("hint", ["", "lattice bound"])
def test_a_min_bounded_by_its_argument_with_or_without_the_hint(hint):
    verdict = prove_nonnegative(x - sp.Min(x, y), hint=hint)
    assert verdict.proved and verdict.method == "a min (max) bounded by one of its arguments"
    assert not prove_nonnegative(sp.Min(x, y) - x, hint=hint).proved


def test_a_hint_that_does_not_prove_the_step_falls_back_to_the_ladder():
    verdict = prove_zero(sp.expand((x + 1) ** 2) - (x + 1) ** 2, hint="case split")
    assert verdict.proved and verdict.method == "algebraic simplification"


def test_an_unknown_strategy_is_a_definition_error():
    assert "case split" in PROOF_STRATEGIES
    with pytest.raises(DefinitionError, match="proof= names a strategy"):
        Step(x, proof="simplify harder")


@pytest.mark.parametrize(
    "name",
    [
        "ppo_clipped_objective",
        "rope_relative_position",
        "layernorm_gradient",
        "adam_bias_correction",
        "relu_derivative",
    ],
)
def test_every_hinted_catalog_step_is_proved_by_its_hint_as_by_the_full_ladder(name):
    result = load(name)
    hinted = 0
    for claim in result.claims:
        assumptions = domain_assumptions(result, claim.domain or result.domain)
        for previous, step in zip(claim.steps, claim.steps[1:]):
            if not step.proof:
                continue
            hinted += 1
            prove = prove_zero if step.relation == "=" else prove_nonnegative
            difference = previous.expr - step.expr if step.relation in ("=", ">=", ">") else step.expr - previous.expr
            with_hint, without = prove(difference, assumptions, hint=step.proof), prove(difference, assumptions)
            assert with_hint == without and without.proved
    assert hinted
