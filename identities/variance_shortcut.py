"""The variance of a random variable is the mean of its square minus the square of its mean: Var(X) = E[X²] − E[X]².

X takes the value x_k on outcome k of n, which has probability p_k (Σ_k p_k = 1). The
variance is defined as the mean squared distance from the mean μ = E[X] = Σ_k p_k x_k,
Var(X) = Σ_k p_k (x_k − μ)²; expanding the square and using Σ_k p_k x_k = μ and
Σ_k p_k = 1 gives the shortcut. As Var(X) ≥ 0, it also shows E[X]² ≤ E[X²]. The
shortcut is convenient for exact work but, in floating point, subtracting two large
nearly equal numbers loses digits when |μ| is large compared with the spread.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, probability_vector, vector
from derive.domain import Point
from derive.identities.linearity_of_expectation import E, X, law, mp_expectation
from derive.notation import Expectation, Sum, Variance, k, n, p, x
from derive.numeric import WORKING_DIGITS
from derive.vocabulary import Vocabulary, number_of


class Mean(Expectation):
    """mu = E[X]: the shared expectation under the law, printed as a bare mu inside proofs."""

    is_real = True

    def _latex(self, printer, exp=None):
        return r"\mu" if exp is None else rf"\mu^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return "μ"


def Var(variable):
    return Variance(variable, law)


mu = Mean(X, law)


# --- oracle: the definition, Σ_k p_k (x_k − μ)² with μ = Σ_k p_k x_k ---------------------


def mp_variance(probabilities, values):
    mean = mp_expectation(probabilities, lambda o: values[o])
    return mp_expectation(probabilities, lambda o: (values[o] - mean) ** 2)


def oracle_variance(point):
    return mp_variance(point.p, point.x)


def oracle_mean_squared(point):
    return mp_expectation(point.p, lambda o: point.x[o]) ** 2


shortcut = Claim(
    label="shortcut",
    text=(
        r"Let $X = x_k$ with probability $p_k$, $k = 1, \ldots, n$, and "
        r"$\mu = \mathbb{E}[X] = \sum_k p_k x_k$. The variance $\sum_k p_k (x_k - \mu)^2$ is"
    ),
    statement=sp.Eq(Var(X), E(X**2) - E(X) ** 2, evaluate=False),
    steps=[
        Step(Var(X)),
        Step(Sum(p[k] * (x[k] - mu) ** 2, k, n), because=r"definition of the variance"),
        Step(
            Sum(p[k] * x[k] ** 2, k, n) - 2 * mu * Sum(p[k] * x[k], k, n) + mu**2 * Sum(p[k], k, n),
            because=r"expand the square; $\mu$ does not depend on $k$",
        ),
        Step(
            sp.Add(Sum(p[k] * x[k] ** 2, k, n), -2 * mu**2, mu**2, evaluate=False),
            because=r"$\sum_k p_k x_k = \mu$ and $\sum_k p_k = 1$",
        ),
        Step(Sum(p[k] * x[k] ** 2, k, n) - mu**2, because=r"collect the $\mu^2$ terms"),
        Step(E(X**2) - E(X) ** 2, because=r"definition of $\mathbb{E}$"),
    ],
    oracle=oracle_variance,
)

jensen = Claim(
    label="mean square dominates",
    text=r"Since a variance is a sum of nonnegative terms, the square of the mean never exceeds the mean of the square:",
    statement=sp.Le(E(X) ** 2, E(X**2), evaluate=False),
    steps=[
        Step(E(X) ** 2),
        Step(E(X) ** 2 + Sum(p[k] * (x[k] - mu) ** 2, k, n), relation="<=", because=r"$p_k (x_k - \mu)^2 \ge 0$"),
        Step(E(X) ** 2 + Var(X), because=r"definition of the variance"),
        Step(E(X**2), by=shortcut),
    ],
    oracle=oracle_mean_squared,
)


def _exact(*values):
    with mpmath.workdps(WORKING_DIGITS):
        return [mpmath.mpf(v) for v in values]


with mpmath.workdps(WORKING_DIGITS):
    DIE = Point({n: 6, p: [mpmath.mpf(1) / 6] * 6, x: _exact(1, 2, 3, 4, 5, 6)})

# --- documentation vocabulary ---------------------------------------------------------------
# X a random variable on n outcomes with probabilities p (X = x_k); E[·], Var(·), μ = E[X].

vocabulary = Vocabulary(
    domain_names=True,
    entries={"X": number_of(X), "mu": number_of(mu)},
    expectation=(E, Var),
    examples=[
        (
            r"\operatorname{Var}(X) = \mathbb{E}[X^2] - \mathbb{E}[X]^2",
            r"\operatorname{Var}(X) = \mathbb{E}[X^2] + \mathbb{E}[X]^2",
        ),
        (r"\operatorname{Var}(X) = \mathbb{E}[(X - \mu)^2]", r"\operatorname{Var}(X) = \mathbb{E}[(X - \mu)]^2"),
    ],
)


variance_shortcut = Result(
    vocabulary=vocabulary,
    title="Variance as mean square minus squared mean",
    area="Probability",
    claims=[shortcut, jensen],
    domain=Domain({n: dimension(1, 6), p: probability_vector(n), x: vector(n)}),
    rules=[sp.Eq(Sum(p[k], k, n), 1)],
    uses=["linearity_of_expectation"],
    references=["bishop2006"],
    remarks=[
        Remark(
            r"Example: a fair die has $\mathbb{E}[X] = 7/2$ and $\mathbb{E}[X^2] = 91/6$, so "
            r"$\operatorname{Var}(X) = 91/6 - 49/4 = 35/12 \approx {value}$.",
            Var(X),
            DIE,
        ),
    ],
)
