"""Variances of independent random variables add: Var(X + Y) = Var(X) + Var(Y); for any joint law, Var(X + Y) = Var(X) + Var(Y) + 2 Cov(X, Y).

The general form holds on any finite sample space (outcome k with probability p_k,
X = x_k, Y = y_k), whatever the dependence between X and Y; it follows from the
variance shortcut and linearity of expectation. Independence enters through the
product law: X = x_k with probability p_k and Y = y_l with probability q_l, the pair
(k, l) having probability p_k q_l. Then E[XY] = E[X] E[Y] because the double sum
factorises, so the covariance vanishes and the variances add. Uncorrelated suffices
for the sum rule; without it the variances need not add (Y = X gives Var(2X) = 4 Var(X)).
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, probability_vector, vector
from derive.domain import Point
from derive.identities.linearity_of_expectation import FiniteLaw, X, Y, linearity_of_expectation, mp_expectation
from derive.identities.linearity_of_expectation import law as joint
from derive.identities.variance_shortcut import variance_shortcut
from derive.notation import Expectation, Notation, Sum, Variance, k, l, n, p, q, x, y
from derive.numeric import WORKING_DIGITS
from derive.vocabulary import Vocabulary, function_of_arguments, number_of

m = sp.Symbol("m", integer=True, positive=True)

# Independent X and Y: outcome (k, l) has probability p_k q_l, and X = x_k, Y = y_l there.
product = FiniteLaw(p[k] * q[l], [(l, 1, m), (k, 1, n)], {X: x[k], Y: y[l]})


class Covariance(Notation):
    """Cov(X, Y) = E[(X − E[X])(Y − E[Y])]."""

    nargs = 3
    is_commutative = True

    def definition(self):
        left, right, law_ = self.args
        return law_.expectation_of((left - law_.expectation_of(left)) * (right - law_.expectation_of(right)))

    def _latex(self, printer, exp=None):
        tex = rf"\operatorname{{Cov}}\left({printer._print(self.args[0])}, {printer._print(self.args[1])}\right)"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return f"Cov({printer._print(self.args[0])}, {printer._print(self.args[1])})"


def under(law_):
    """E, Var and Cov under one law."""
    return (lambda e: Expectation(e, law_)), (lambda v: Variance(v, law_)), (lambda u, v: Covariance(u, v, law_))


E, Var, Cov = under(joint)
Ei, Vari, Covi = under(product)


# --- oracles: the defining sums over the outcomes ---------------------------------------------


def mp_variance(probabilities, value):
    mean = mp_expectation(probabilities, value)
    return mp_expectation(probabilities, lambda o: (value(o) - mean) ** 2)


def grid(point):
    """The product law as a list of outcomes (k, l) with probabilities p_k q_l."""
    outcomes = [(a, c) for a in range(point.n) for c in range(point.m)]
    return outcomes, [point.p[a] * point.q[c] for a, c in outcomes]


def oracle_general(point):
    return mp_variance(point.p, lambda o: point.x[o] + point.y[o])


def oracle_product_mean(point):
    outcomes, weights = grid(point)
    return mp_expectation(weights, lambda o: point.x[outcomes[o][0]] * point.y[outcomes[o][1]])


def oracle_independent(point):
    outcomes, weights = grid(point)
    return mp_variance(weights, lambda o: point.x[outcomes[o][0]] + point.y[outcomes[o][1]])


def twice(expr):
    """2 (expr), kept as a product so the bracket shows."""
    return sp.Mul(2, expr, evaluate=False)


general = Claim(
    label="any joint law",
    text=(
        r"Let outcome $k$ of $n$ have probability $p_k$, with $X = x_k$ and $Y = y_k$ there, and "
        r"$\operatorname{Cov}(X, Y) = \mathbb{E}[(X - \mathbb{E}[X])(Y - \mathbb{E}[Y])]$. For this joint law, "
        r"whatever the dependence,"
    ),
    statement=sp.Eq(Var(X + Y), Var(X) + Var(Y) + 2 * Cov(X, Y), evaluate=False),
    steps=[
        Step(Var(X + Y)),
        Step(E((X + Y) ** 2) - E(X + Y) ** 2, because=r"variance shortcut ({by})", by=variance_shortcut),
        Step(
            E(X**2) + 2 * E(X * Y) + E(Y**2) - (E(X) + E(Y)) ** 2,
            because=r"expand the square; linearity of $\mathbb{E}$ ({by})",
            by=linearity_of_expectation,
        ),
        Step(
            Var(X) + Var(Y) + twice(E(X * Y) - E(X) * E(Y)),
            because=r"expand $(\mathbb{E}[X] + \mathbb{E}[Y])^2$; variance shortcut ({by}) for $X$ and for $Y$",
            by=variance_shortcut,
        ),
        Step(
            Var(X) + Var(Y) + 2 * Cov(X, Y),
            because=r"$\operatorname{Cov}(X, Y) = \mathbb{E}[XY] - \mathbb{E}[X]\,\mathbb{E}[Y]$, expanding the product as in the shortcut",
        ),
    ],
    oracle=oracle_general,
    domain=Domain({n: dimension(1, 6), p: probability_vector(n), x: vector(n), y: vector(n)}),
)

factorises = Claim(
    label="independence factorises",
    text=(
        r"Now let $X$ and $Y$ be independent: $X = x_k$ with probability $p_k$ ($k \le n$), $Y = y_l$ with "
        r"probability $q_l$ ($l \le m$), and the pair $(k, l)$ has probability $p_k q_l$. Then"
    ),
    statement=sp.Eq(Ei(X * Y), Ei(X) * Ei(Y), evaluate=False),
    steps=[
        Step(Ei(X * Y)),
        Step(
            Sum(Sum(p[k] * q[l] * x[k] * y[l], l, m), k, n), because=r"definition of $\mathbb{E}$ under the product law"
        ),
        Step(Sum(p[k] * x[k], k, n) * Sum(q[l] * y[l], l, m), because=r"the double sum factorises"),
        Step(
            Ei(X) * Ei(Y),
            because=r"$\mathbb{E}[X] = \sum_k \sum_l p_k q_l x_k = \sum_k p_k x_k$ as $\sum_l q_l = 1$; likewise for $Y$",
        ),
    ],
    oracle=oracle_product_mean,
)

independent = Claim(
    label="variances add",
    text=r"so the covariance vanishes and the variances of independent variables add:",
    statement=sp.Eq(Vari(X + Y), Vari(X) + Vari(Y), evaluate=False),
    steps=[
        Step(Vari(X + Y)),
        Step(Vari(X) + Vari(Y) + 2 * Covi(X, Y), because=r"by {by}, which holds for every joint law", by=general),
        Step(
            Vari(X) + Vari(Y) + twice(Ei(X * Y) - Ei(X) * Ei(Y)),
            because=r"$\operatorname{Cov}(X, Y) = \mathbb{E}[XY] - \mathbb{E}[X]\,\mathbb{E}[Y]$",
        ),
        Step(Vari(X) + Vari(Y), by=factorises),
    ],
    oracle=oracle_independent,
)


def _exact(*values):
    with mpmath.workdps(WORKING_DIGITS):
        return [mpmath.mpf(v) for v in values]


# Y = X for a fair coin X in {0, 1}: fully dependent, Var(X + Y) = Var(2X) = 4 Var(X) = 1.
COPY = Point({n: 2, p: _exact(0.5, 0.5), x: _exact(1, 0), y: _exact(1, 0)})

# --- documentation vocabulary ---------------------------------------------------------------
# X, Y independent random variables (X = x_k with probability p_k, Y = y_l with probability q_l);
# E[·], Var(·), Cov(·, ·) under their product law.

vocabulary = Vocabulary(
    domain_names=True,
    entries={"X": number_of(X), "Y": number_of(Y), "Cov": function_of_arguments(lambda env, u, v: Covi(u, v), 2)},
    expectation=(Ei, Vari),
    examples=[
        (
            r"\operatorname{Var}(X + Y) = \operatorname{Var}(X) + \operatorname{Var}(Y)",
            r"\operatorname{Var}(X + Y) = \operatorname{Var}(X) + 2\operatorname{Var}(Y)",
        ),
        (r"\mathbb{E}[XY] = \mathbb{E}[X]\,\mathbb{E}[Y]", r"\mathbb{E}[XY] = \mathbb{E}[X]^2"),
        (r"\operatorname{Cov}(X, Y) = 0", r"\operatorname{Cov}(X, X) = 0"),
    ],
)


variance_of_independent_sum = Result(
    vocabulary=vocabulary,
    title="Variance of a sum of independent random variables",
    area="Probability",
    claims=[general, factorises, independent],
    domain=Domain(
        {
            n: dimension(1, 4),
            m: dimension(1, 4),
            p: probability_vector(n),
            q: probability_vector(m),
            x: vector(n),
            y: vector(m),
        }
    ),
    rules=[sp.Eq(Sum(p[k], k, n), 1), sp.Eq(Sum(q[l], l, m), 1)],
    references=["bishop2006"],
    remarks=[
        Remark(
            r"Example: for a fair coin $X$ with values $0$ and $1$ and the dependent copy $Y = X$, "
            r"$\operatorname{Var}(X) = \operatorname{Var}(Y) = 1/4$ but $\operatorname{Var}(X + Y) = {value}$: "
            r"the covariance term $2 \operatorname{Cov}(X, Y) = 1/2$ is what {by} adds.",
            Var(X + Y),
            COPY,
            by=general,
        ),
    ],
)
