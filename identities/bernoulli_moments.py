"""A Bernoulli(p) variable has E[X] = E[X²] = p and Var(X) = p(1 − p), which is at most 1/4, with equality exactly at p = 1/2.

X takes the value 1 with probability p and 0 with probability 1 − p, for 0 ≤ p ≤ 1
(a coin, a correct/incorrect answer, a binary label). Since 0² = 0 and 1² = 1, X² = X,
so the first two moments agree, and the variance shortcut gives p − p². Completing the
square, p(1 − p) = 1/4 − (p − 1/2)²: a binary outcome is most uncertain for a fair
coin, and its standard deviation never exceeds 1/2.
"""

from dataclasses import dataclass

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step
from derive.domain import Point, Sampler, uniform
from derive.identities.linearity_of_expectation import FiniteLaw, X, mp_expectation
from derive.identities.variance_shortcut import variance_shortcut
from derive.notation import Expectation, Variance, k
from derive.numeric import WORKING_DIGITS
from derive.vocabulary import Vocabulary, number_of

p = sp.Symbol("p", real=True)  # P(X = 1)
half = sp.Rational(1, 2)


def bernoulli(probability):
    """X = k ∈ {0, 1} with probability p^k (1 − p)^{1−k}."""
    return FiniteLaw(probability**k * (1 - probability) ** (1 - k), [(k, 0, 1)], {X: k})


law = bernoulli(p)
fair = bernoulli(half)


def E(expr):
    return Expectation(expr, law)


def Var(expr):
    return Variance(expr, law)


@dataclass(frozen=True)
class UnitInterval(Sampler):
    """A probability 0 ≤ p ≤ 1, drawn uniformly."""

    def sample(self, rng, values):
        return uniform(rng, 0, 1)

    def latex(self, name):
        return rf"0 \le {name} \le 1"


# --- oracles: the two-point law, P(X = 0) = 1 − p and P(X = 1) = p --------------------------


def two_point(probability):
    return [1 - probability, probability], [mpmath.mpf(0), mpmath.mpf(1)]


def mp_moment(probability, power):
    weights, values = two_point(probability)
    return mp_expectation(weights, lambda o: values[o] ** power)


def mp_bernoulli_variance(probability):
    weights, values = two_point(probability)
    mean = mp_expectation(weights, lambda o: values[o])
    return mp_expectation(weights, lambda o: (values[o] - mean) ** 2)


def oracle_mean(point):
    return mp_moment(point.p, 1)


def oracle_second_moment(point):
    return mp_moment(point.p, 2)


def oracle_variance(point):
    return mp_bernoulli_variance(point.p)


def oracle_fair(point):
    return mp_bernoulli_variance(mpmath.mpf(1) / 2)


mean = Claim(
    label="mean",
    text=r"Let $X = 1$ with probability $p$ and $X = 0$ with probability $1 - p$. Its mean is",
    statement=sp.Eq(E(X), p, evaluate=False),
    steps=[
        Step(E(X)),
        Step(p, because=r"definition of $\mathbb{E}$: $1 \cdot p + 0 \cdot (1 - p) = p$"),
    ],
    oracle=oracle_mean,
)

second_moment = Claim(
    label="second moment",
    text=r"Its second moment is the same,",
    statement=sp.Eq(E(X**2), p, evaluate=False),
    steps=[
        Step(E(X**2)),
        Step(E(X), because=r"$X^2 = X$, since $0^2 = 0$ and $1^2 = 1$"),
        Step(p, by=mean),
    ],
    oracle=oracle_second_moment,
)

variance = Claim(
    label="variance",
    text=r"so its variance is",
    statement=sp.Eq(Var(X), p * (1 - p), evaluate=False),
    steps=[
        Step(Var(X)),
        Step(E(X**2) - E(X) ** 2, because=r"variance shortcut ({by})", by=variance_shortcut),
        Step(p - p**2, by=(mean, second_moment)),
        Step(p * (1 - p), because=r"factor out $p$"),
    ],
    oracle=oracle_variance,
)

bound = Claim(
    label="at most a quarter",
    text=r"It never exceeds $1/4$, and the gap $(p - 1/2)^2$ vanishes only at $p = 1/2$:",
    statement=sp.Le(Var(X), sp.Rational(1, 4), evaluate=False),
    steps=[
        Step(Var(X)),
        Step(p * (1 - p), by=variance),
        Step(sp.Rational(1, 4) - (p - half) ** 2, because=r"complete the square"),
        Step(sp.Rational(1, 4), relation="<=", because=r"$(p - 1/2)^2 \ge 0$"),
    ],
    oracle=oracle_variance,
)

fair_coin = Claim(
    label="fair coin",
    text=r"For a fair coin, $p = 1/2$, the bound is attained:",
    statement=sp.Eq(Variance(X, fair), sp.Rational(1, 4), evaluate=False),
    steps=[
        Step(Variance(X, fair)),
        Step(
            sp.Mul(half, sp.Add(1, -half, evaluate=False), evaluate=False), because=r"by {by} at $p = 1/2$", by=variance
        ),
        Step(sp.Rational(1, 4), because=r"arithmetic"),
    ],
    oracle=oracle_fair,
    domain=Domain({}, points=5),
)

with mpmath.workdps(WORKING_DIGITS):
    LABEL = Point({p: mpmath.mpf(9) / 10})

# --- documentation vocabulary ---------------------------------------------------------------
# X a Bernoulli variable with P(X = 1) = p; E[·], Var(·) under its law; μ_X and σ_X its mean and
# standard deviation.

vocabulary = Vocabulary(
    domain_names=True,
    entries={"X": number_of(X), "mu_X": number_of(E(X)), "sigma_X": number_of(sp.sqrt(Var(X)))},
    expectation=(E, Var),
    examples=[
        (r"\operatorname{Var}(X) = p(1 - p)", r"\operatorname{Var}(X) = p^2(1 - p)"),
        (r"\mathbb{E}[X^2] = \mathbb{E}[X] = p", r"\mathbb{E}[X^2] = \mathbb{E}[X]^2 = p"),
    ],
)


bernoulli_moments = Result(
    vocabulary=vocabulary,
    title="Moments of a Bernoulli variable",
    area="Probability",
    claims=[mean, second_moment, variance, bound, fair_coin],
    domain=Domain({p: UnitInterval()}),
    references=["bishop2006"],
    remarks=[
        Remark(
            r"Example: a binary label that is $1$ for nine examples in ten has variance $0.9 \cdot 0.1 = {value}$, "
            r"standard deviation $0.3$, against $1/2$ for a balanced label.",
            Var(X),
            LABEL,
        ),
    ],
)
