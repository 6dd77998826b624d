"""A law's expectations in closed form (derive.docs.law_moments) agree with quadrature of its density or the series
over its support, and E[g(X)] of a polynomial g, of |a·x + β| and of e^{a·x + β} takes them, where a law, a
convention or a body they do not fit is still integrated or summed."""

import mpmath
import pytest
import sympy as sp
from checking import assert_page_pass_and_fail

from derive.docs import laws
from derive.docs.law_moments import absolute_deviation, exponential_moment, raw_moments
from derive.numeric import NumericError

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


@pytest.mark.parametrize("centre", ["-3.1", "0.4", "0.9", "7.5"])
def test_the_mean_absolute_deviation_agrees_with_quadrature(centre):
    clause = _clause("Laplace", "")
    with mpmath.workdps(40):
        values = [mpmath.mpf("0.4"), mpmath.mpf("1.7")]
        c = mpmath.mpf(centre)
        integrated = laws._integral(clause, values, lambda x: abs(x - c), 25, {c})
        found = absolute_deviation("Laplace", "", values, c)
        assert abs(found - integrated) < mpmath.mpf(10) ** -20 * max(1, abs(integrated)), centre
        # the deviation about another centre is another number: the centre is taken
        assert abs(absolute_deviation("Laplace", "", values, c + 1) - integrated) > mpmath.mpf(10) ** -3


# (law, reading, parameter, rate): every law with an infinite support, at rates where its sum converges
SERIES = [
    ("Poisson", "", "2.3", "0.8"),
    ("Poisson", "", "0.6", "-1.5"),
    ("geometric", "trials", "0.35", "0.3"),
    ("geometric", "trials", "0.8", "-2.0"),
    ("geometric", "failures", "0.35", "0.3"),
    ("geometric", "failures", "0.55", "-0.4"),
]


@pytest.mark.parametrize(("law", "reading", "parameter", "rate"), SERIES)
def test_the_moment_generating_function_agrees_with_the_series(law, reading, parameter, rate):
    clause = laws.LawClause("X", LAW[law], ("a",), reading)
    with mpmath.workdps(40):
        values, s = [mpmath.mpf(parameter)], mpmath.mpf(rate)
        summed = laws._series(clause, values, lambda k: mpmath.exp(s * k), 25)
        found = exponential_moment(law, reading, values, s)
        assert abs(found - summed) < mpmath.mpf(10) ** -20 * max(1, abs(summed)), (law, reading, rate)


def test_a_moment_generating_function_beyond_its_domain_is_infinite():
    """(1 - p) e^s >= 1: the series' terms do not fall, and the closed form says so where the series runs out."""
    clause = laws.LawClause("X", LAW["geometric"], ("a",), "trials")
    with mpmath.workdps(40):
        values, s = [mpmath.mpf("0.4")], mpmath.mpf("0.6")  # 0.6 e^{0.6} = 1.09
        assert exponential_moment("geometric", "trials", values, s) == mpmath.inf
        with pytest.raises(NumericError):
            laws._series(clause, values, lambda k: mpmath.exp(s * k), 25)


X = sp.Symbol("x", real=True)


@pytest.mark.parametrize(
    ("law", "reading", "written", "body"),
    [
        ("Laplace", "", ("0.4", "1.7"), 2 * sp.Abs(3 * X - 1) - X**2 / 3 + sp.Rational(1, 2)),
        ("Laplace", "", ("-1.3", "0.5"), sp.Abs(X + sp.Rational(7, 4))),
        ("geometric", "trials", ("0.45",), 2 * sp.exp(X / 3 + 1) - 1),
        ("Poisson", "", ("1.6",), sp.exp(-X) / 5),
    ],
)
def test_an_expectation_term_by_term_agrees_with_the_sum_or_integral(law, reading, written, body):
    clause = laws.LawClause("X", LAW[law], ("a", "b")[: len(LAW[law].parameters)], reading)
    with mpmath.workdps(40):
        values = [mpmath.mpf(v) for v in written]
        found = laws._closed_form_expectation(clause, values, X, body, 25)
        g = sp.lambdify(X, body, "mpmath")
        if LAW[law].discrete:
            expected = laws._series(clause, values, g, 25)
        else:
            expected = laws._integral(clause, values, g, 25, laws._breakpoints(X, body, 25))
        assert abs(found - expected) < mpmath.mpf(10) ** -20 * max(1, abs(expected)), body


@pytest.mark.parametrize(
    ("law", "body"),
    [
        ("Laplace", X * sp.Abs(X)),  # a product with the variable
        ("Laplace", sp.Abs(X**2 - 1)),  # not linear inside
        ("normal", sp.Abs(X - 1)),  # no formula here for the law
        ("Poisson", X + sp.exp(X)),  # a polynomial under a law without moments here
        ("geometric", sp.exp(X**2)),
    ],
)
def test_a_body_without_a_closed_form_is_left_to_the_sum_or_integral(law, body):
    clause = laws.LawClause(
        "X",
        LAW[law],
        ("a", "b")[: len(LAW[law].parameters)],
        "trials" if law == "geometric" else "variance" if law == "normal" else "",
    )
    with mpmath.workdps(40):
        values = [mpmath.mpf("0.3"), mpmath.mpf("1.2")][: len(LAW[law].parameters)]
        assert laws._closed_form_expectation(clause, values, X, body, 25) is None


def test_a_diverging_term_beside_finite_ones_leaves_no_value():
    clause = laws.LawClause("X", LAW["geometric"], ("a",), "failures")
    with mpmath.workdps(40):
        with pytest.raises(NumericError, match="does not converge"):
            laws._closed_form_expectation(clause, [mpmath.mpf("0.2")], X, 3 * sp.exp(X) + sp.exp(-X) + 1, 25)
        # two diverging terms might cancel: the series decides
        body = sp.exp(X) - sp.exp(X / 2 + 1)
        assert laws._closed_form_expectation(clause, [mpmath.mpf("0.2")], X, body, 25) is None


@pytest.fixture
def _no_sum_or_integral(monkeypatch):
    """The closed forms alone: summing or integrating a law would fail the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("summed or integrated where a closed form was expected")

    monkeypatch.setattr(laws, "_series", refuse)
    monkeypatch.setattr(laws, "_integral", refuse)


@pytest.mark.parametrize(
    ("tag", "correct", "wrong"),
    [
        (r"X \sim \text{Laplace}(\mu, b)", r"H(X) = \ln(2b) + 1", r"H(X) = \ln(b) + 1"),
        (
            r"X \sim \text{Geo}(p); X \ge 1; t < 0",
            r"\mathbb{E}[e^{tX}] = \frac{p e^t}{1 - (1 - p) e^t}",
            r"\mathbb{E}[e^{tX}] = \frac{p}{1 - (1 - p) e^t}",
        ),
        (r"X \sim \text{Poi}(\lambda)", r"M_X(t) = e^{\lambda (e^t - 1)}", r"M_X(t) = e^{\lambda (e^t + 1)}"),
    ],
)
def test_a_formula_decided_by_the_closed_forms(_no_sum_or_integral, tmp_path, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)
