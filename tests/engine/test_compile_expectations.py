"""Expectations under independent families with sampled laws are compiled (derive.random_polynomials): at every
point of the catalog's expectation steps the plan gives the instantiated value, and the verifier rejects a wrong
expectation through it as it accepts a right one."""

import mpmath
import pytest
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension
from derive.compile import environment, run
from derive.identities.attention_scaling import k, model, q
from derive.notation import Expectation, Sum, Variance, d, i
from derive.numeric import instantiated_value, relative_error
from derive.random_polynomials import RandomPolynomial, expectation
from derive.registry import load
from derive.verify import claim_points, verify

RESULTS = ["attention_scaling", "adam_bias_correction", "minibatch_mean_variance"]


@pytest.mark.parametrize("name", RESULTS)
def test_every_expectation_step_of_the_catalog_is_compiled_to_its_instantiated_value(name):
    result = load(name)
    compared = 0
    for position, claim in enumerate(result.claims):
        points = claim_points(result, position)
        for step in claim.steps:
            if not step.expr.has(Expectation, Variance):
                continue
            for point in points:
                compiled = run(step.expr, point, environment(point), 60)
                assert compiled is not None, (name, step.expr, point)
                assert relative_error(compiled[1], instantiated_value(step.expr, point)) < mpmath.mpf(10) ** -55
                compared += 1
    assert compared >= 12


def _result(statement, closed_form):
    return Result(
        title="second moment of a dot product",
        area="Attention",
        claims=[
            Claim(
                statement=sp.Eq(statement, closed_form, evaluate=False),
                steps=[Step(statement), Step(closed_form, because="independence")],
                oracle=None,
            )
        ],
        domain=Domain({d: dimension(1, 4), **model.samplers()}),
    ).named("dot_moment_check", "The second moment of q·k.", "")


DOT = Sum(q[i] * k[i], i, d)


@pytest.mark.parametrize(
    ("statement", "right", "wrong"),
    [
        (model.E(DOT**2), d, d + 1),
        (model.Var(DOT + 3), d, 2 * d),
        (model.E((q[1] + 2) ** 2 * k[1]), sp.Integer(0), sp.Integer(1)),
    ],
)
def test_the_verifier_accepts_a_right_expectation_by_its_plan_and_rejects_a_wrong_one(statement, right, wrong):
    accepted = verify(_result(statement, right)).claims[0].steps[0]
    rejected = verify(_result(statement, wrong)).claims[0].steps[0]
    assert accepted.symbolic != "failed" and "compiled" in accepted.numeric_path, accepted
    assert rejected.symbolic == "failed" and rejected.counterexample and "compiled" in rejected.numeric_path, rejected


@pytest.mark.parametrize("body", [sp.exp(q[1]), 1 / (2 + q[1] ** 2), sp.Abs(q[1] * k[2])])
def test_an_expectation_of_what_is_no_polynomial_has_no_plan(body):
    result = _result(model.E(body), sp.Integer(0))
    point = claim_points(result, 0)[0]
    assert run(model.E(body), point, environment(point), 60) is None


def test_a_polynomial_s_expectation_takes_each_variable_s_moments():
    x, y = RandomPolynomial.variable(("x", 1)), RandomPolynomial.variable(("y", 1))
    moments = {1: mpmath.mpf(2), 2: mpmath.mpf(7), 3: mpmath.mpf(11)}
    with mpmath.workdps(30):
        value = expectation((x + 1) ** 2 * y - 3 * x * x * x / 4, lambda variable, power: moments[power])
        # E[(X + 1)^2 Y] = (μ2 + 2 μ1 + 1) μ1 = 24, E[X^3] = 11, X and Y independent with the same moments
        assert value == 24 - mpmath.mpf(33) / 4
        assert expectation(x * x, lambda variable, power: moments[power]) != moments[1] ** 2
