"""A law's moments in closed form (derive.docs.law_moments) agree with quadrature of its density, and E[g(X)] of a
polynomial g takes them, where a law, a convention or a body they do not fit is still integrated."""

import mpmath
import pytest
import sympy as sp

from derive.docs import laws
from derive.docs.law_moments import raw_moments

LAW = {law.name: law for law in laws.LAWS}

# (law, reading, parameter values): every continuous law and convention the moments are written for
CASES = [
    ("normal", "variance", ("0.7", "2.3")),
    ("normal", "deviation", ("-1.2", "0.6")),
    ("Laplace", "", ("0.4", "1.7")),
    ("exponential", "rate", ("1.9",)),
    ("exponential", "scale", ("1.9",)),
    ("gamma", "scale", ("2.5", "0.8")),
    ("gamma", "rate", ("0.6", "1.4")),
    ("uniform", "", ("-0.5", "2.25")),
    ("beta", "", ("2.5", "0.7")),
]


def _clause(law, reading):
    return laws.LawClause("X", LAW[law], ("a", "b")[: len(LAW[law].parameters)], reading)


@pytest.mark.parametrize(("law", "reading", "written"), CASES)
def test_moments_agree_with_quadrature_of_the_density(law, reading, written):
    clause = _clause(law, reading)
    with mpmath.workdps(40):
        values = [mpmath.mpf(v) for v in written]
        moments = raw_moments(law, reading, values, 5)
        for k, moment in enumerate(moments):
            integrated = laws._integral(clause, values, lambda x, k=k: x**k, 25)
            assert abs(moment - integrated) < mpmath.mpf(10) ** -20 * max(1, abs(integrated)), (law, reading, k)


def test_the_other_convention_has_other_moments():
    """The same written parameters under the other reading give another second moment: the reading is taken."""
    with mpmath.workdps(40):
        values = [mpmath.mpf(1), mpmath.mpf(3)]
        deviation = raw_moments("normal", "deviation", values, 2)[2]
        variance = raw_moments("normal", "variance", values, 2)[2]
    assert deviation == 10 and variance == 4


def test_an_expectation_of_a_polynomial_takes_the_moments():
    x = sp.Symbol("x", real=True)
    clause = _clause("gamma", "rate")
    with mpmath.workdps(40):
        values = [mpmath.mpf(3), mpmath.mpf(2)]
        found = laws._polynomial_expectation(clause, values, x, 2 * x**2 - x + sp.Rational(1, 3), 25)
        # shape 3, rate 2: E[X] = 3/2, E[X^2] = 3 * 4 / 2^2 = 3
        assert abs(found - (2 * 3 - mpmath.mpf(3) / 2 + mpmath.mpf(1) / 3)) < mpmath.mpf(10) ** -35


@pytest.mark.parametrize("body", ["exp", "abs", "sqrt"])
def test_other_bodies_are_integrated(body):
    x = sp.Symbol("x", real=True)
    expr = {"exp": sp.exp(x), "abs": sp.Abs(x - 1), "sqrt": sp.sqrt(x)}[body]
    with mpmath.workdps(40):
        assert (
            laws._polynomial_expectation(_clause("gamma", "rate"), [mpmath.mpf(3), mpmath.mpf(2)], x, expr, 25) is None
        )


def test_a_law_without_moments_here_is_integrated():
    assert raw_moments("density", "", [], 2) is None
    assert raw_moments("normal", "variance", [mpmath.mpf(0), mpmath.mpf(1)], 65) is None
