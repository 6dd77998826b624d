"""Expectation is linear: E[aX + bY] = a E[X] + b E[Y] for any two random variables on a common finite sample space, independent or not.

The sample space has n outcomes k = 1, …, n with probabilities p_k, and the random
variables are functions of the outcome, X = x_k and Y = y_k. Every joint law of a pair
(X, Y) with finitely many values arises this way (take the outcomes to be the pairs of
values), so no independence is assumed: linearity is just the splitting of one finite
sum. Products behave differently: E[XY] = E[X] E[Y] needs more, e.g. independence.
This module also defines the notation E[·] over a finite law, used by the other
probability results.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, probability_vector, reals, vector
from derive.domain import Point
from derive.notation import Expectation, Sum, k, latex_power, n, p, unfold, x, y
from derive.numeric import WORKING_DIGITS, expand_finite_sums
from derive.vocabulary import Vocabulary, number_of


class RandomVariable(sp.Function):
    """A random variable, named by a symbol; a :class:`FiniteLaw` gives its value at each outcome.

    A function rather than a symbol only so that it prints after constants (``a X``).
    """

    nargs = 1
    is_real = True
    is_commutative = True

    def _latex(self, printer, exp=None):
        return latex_power(printer._print(self.args[0]), exp)

    def _unicode(self, printer, **kwargs):
        return printer._print(self.args[0])


X, Y = RandomVariable(sp.Symbol("X")), RandomVariable(sp.Symbol("Y"))
a, b = sp.symbols("a b", real=True)  # constant coefficients


class FiniteLaw(sp.Basic):
    """A finite sample space: the outcomes run over ``limits`` (SymPy sum limits, the last outermost),
    each has probability ``weight``, and each random variable takes the value given in ``values``.

    ``FiniteLaw(p[k], [(k, 1, n)], {X: x[k], Y: y[k]})``: outcome k has probability p_k,
    and X = x_k, Y = y_k there. With integer limits the outcomes are written out.
    """

    def __new__(cls, weight, limits, values):
        limits = sp.Tuple(*(sp.Tuple(*limit) for limit in limits))
        pairs = sp.Tuple(*(sp.Tuple(variable, value) for variable, value in dict(values).items()))
        return super().__new__(cls, sp.sympify(weight), limits, pairs)

    @property
    def weight(self):
        return self.args[0]

    @property
    def limits(self):
        return self.args[1]

    @property
    def values(self) -> dict:
        return {variable: value for variable, value in self.args[2]}

    def expectation_of(self, expr):
        """Σ over the outcomes of weight · expr, each random variable replaced by its value there.

        Named functions inside ``expr`` (an inner E[X], say) are unfolded first, so they are
        sums of their own and the random variables left are the ones this expectation binds.
        Summation indices are fresh, so nested expectations never share one.
        """
        body = unfold(sp.sympify(expr))
        fresh = {
            index: sp.Dummy(str(index), integer=True, positive=bool(low.is_positive)) for index, low, _ in self.limits
        }
        values = {variable: value.xreplace(fresh) for variable, value in self.values.items()}
        limits = [(fresh[index], low, high) for index, low, high in self.limits]
        total = sp.Sum(self.weight.xreplace(fresh) * body.xreplace(values), *limits)
        if all(low.is_Integer and high.is_Integer for _, low, high in limits):
            return expand_finite_sums(total)  # a few explicit outcomes: write them out
        return total

    def variance_of(self, expr):
        """Var(expr) = E[(expr − E[expr])²], the mean squared distance from the mean: what Var unfolds to."""
        return self.expectation_of((expr - self.expectation_of(expr)) ** 2)


# One sample space for both variables: X = x_k and Y = y_k at outcome k.
law = FiniteLaw(p[k], [(k, 1, n)], {X: x[k], Y: y[k]})


def E(expr):
    return Expectation(expr, law)


# --- oracle: the defining sum, outcome by outcome ------------------------------------------


def mp_expectation(probabilities, outcome_value):
    """Σ_k P(k) · value(k) over the outcomes k = 0, …, len − 1."""
    return mpmath.fsum(probability * outcome_value(position) for position, probability in enumerate(probabilities))


def oracle_linear(point):
    return mp_expectation(point.p, lambda o: point.a * point.x[o] + point.b * point.y[o])


linear = Claim(
    label="linearity",
    text=(
        r"Let outcome $k$ of $n$ have probability $p_k$, and let $X = x_k$ and $Y = y_k$ there, "
        r"so that $\mathbb{E}[X] = \sum_k p_k x_k$; $X$ and $Y$ may depend on each other in any way. Then"
    ),
    statement=sp.Eq(E(a * X + b * Y), a * E(X) + b * E(Y), evaluate=False),
    steps=[
        Step(E(a * X + b * Y)),
        Step(Sum(p[k] * (a * x[k] + b * y[k]), k, n), because=r"definition of $\mathbb{E}$"),
        Step(
            a * Sum(p[k] * x[k], k, n) + b * Sum(p[k] * y[k], k, n),
            because=r"split the sum; $a$ and $b$ do not depend on $k$",
        ),
        Step(a * E(X) + b * E(Y), because=r"definition of $\mathbb{E}$"),
    ],
    oracle=oracle_linear,
)


def oracle_affine(point):
    return mp_expectation(point.p, lambda o: point.a * point.x[o] + point.b)


affine = Claim(
    label="constants",
    text=r"Adding a constant shifts the mean by that constant, since the $p_k$ sum to $1$:",
    statement=sp.Eq(E(a * X + b), a * E(X) + b, evaluate=False),
    steps=[
        Step(E(a * X + b)),
        Step(Sum(p[k] * (a * x[k] + b), k, n), because=r"definition of $\mathbb{E}$"),
        Step(a * Sum(p[k] * x[k], k, n) + b * Sum(p[k], k, n), because=r"split the sum"),
        Step(a * E(X) + b, because=r"definition of $\mathbb{E}$; $\sum_k p_k = 1$"),
    ],
    oracle=oracle_affine,
)


def _exact(*values):
    with mpmath.workdps(WORKING_DIGITS):
        return [mpmath.mpf(v) for v in values]


# Two outcomes of probability 1/2 (a fair coin) and Y = X: as dependent as can be.
COIN = Point({n: 2, p: _exact(0.5, 0.5), x: _exact(1, 0), y: _exact(1, 0)})

# --- documentation vocabulary ---------------------------------------------------------------
# X, Y random variables on n outcomes with probabilities p (X = x_k, Y = y_k); a, b constants; E[·].

vocabulary = Vocabulary(
    domain_names=True,
    entries={"X": number_of(X), "Y": number_of(Y)},
    expectation=(E, None),
    examples=[
        (
            r"\mathbb{E}[aX + bY] = a\,\mathbb{E}[X] + b\,\mathbb{E}[Y]",
            r"\mathbb{E}[aX + bY] = a\,\mathbb{E}[X] + \mathbb{E}[Y]",
        ),
        (r"\mathbb{E}[aX + b] = a\,\mathbb{E}[X] + b", r"\mathbb{E}[aX + b] = a\,\mathbb{E}[X]"),
    ],
)


linearity_of_expectation = Result(
    vocabulary=vocabulary,
    title="Linearity of expectation",
    area="Probability",
    claims=[linear, affine],
    rules=[sp.Eq(Sum(p[k], k, n), 1)],
    domain=Domain({n: dimension(1, 6), p: probability_vector(n), x: vector(n), y: vector(n), a: reals(), b: reals()}),
    references=["bishop2006"],
    remarks=[
        Remark(
            r"Example: for a fair coin $X$ with values $0$ and $1$ and $Y = X$, $\mathbb{E}[X + Y] = {value} = \mathbb{E}[X] + \mathbb{E}[Y]$ "
            r"although $Y$ is as dependent on $X$ as can be; yet $\mathbb{E}[XY] = \frac{1}{2} \ne \frac{1}{4} = \mathbb{E}[X]\,\mathbb{E}[Y]$.",
            E(X + Y),
            COIN,
        ),
    ],
)
