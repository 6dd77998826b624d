"""The mean of B independent samples with mean μ and variance σ² is unbiased, E[X̄] = μ, and has variance σ²/B.

This is the noise model of a minibatch gradient: if each per-example gradient (one
coordinate of it) is drawn independently from a law with mean μ (the full-batch
gradient) and variance σ², the minibatch average estimates μ without bias and its
standard deviation falls like σ/√B, so quadrupling the batch only halves the noise.
Only linearity of expectation, independence and the first two moments are used. The
samples must be independent (drawn with replacement); drawing B distinct examples
out of N multiplies the variance by (N − B)/(N − 1).
"""

from dataclasses import dataclass, replace

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, positive, reals
from derive.domain import Point
from derive.expectation import Independent, Law, LawSampler
from derive.identities.linearity_of_expectation import linearity_of_expectation
from derive.identities.variance_of_independent_sum import variance_of_independent_sum
from derive.notation import Notation, Sum
from derive.oracles import mp_expectation_iid
from derive.vocabulary import Vocabulary, number_of, vector_of

B = sp.Symbol("B", integer=True, positive=True)  # batch size
t = sp.Symbol("t", integer=True, positive=True)  # sample within the batch
mu = sp.Symbol("mu", real=True)
sigma = sp.Symbol("sigma", positive=True)

X = sp.IndexedBase("X", real=True)  # the samples X_1, ..., X_B
law = Law("L", atoms=3, mean=mu, variance=sigma**2)  # sampled as a law on 3 points
model = Independent({X: law})
E, Var = model.E, model.Var


class BatchMean(Notation):
    """The sample mean (1/B) Σ_t X_t of the first B components of a family X."""

    nargs = 2

    def definition(self):
        family, size = self.args
        index = sp.Dummy("t", integer=True, positive=True)
        return sp.Sum(family[index], (index, 1, size)) / size

    def _latex(self, printer, exp=None):
        tex = rf"\bar{{{printer._print(self.args[0].label)}}}"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return f"{printer._print(self.args[0].label)}\u0304"


@dataclass(frozen=True)
class ParametrisedLawSampler(LawSampler):
    """A :class:`LawSampler` whose mean and variance may hold symbols drawn earlier in the domain (μ, σ)."""

    def sample(self, rng, values):
        known = {
            s: sp.Float(v, 80) for s, v in values.items() if isinstance(s, sp.Symbol) and not isinstance(v, (list, int))
        }
        concrete = replace(
            self, mean=sp.sympify(self.mean).xreplace(known), variance=sp.sympify(self.variance).xreplace(known)
        )
        return LawSampler.sample(concrete, rng, values)


def _samplers():
    samplers = {}
    for symbol, sampler in model.samplers().items():
        samplers[symbol] = ParametrisedLawSampler(sampler.atoms, sampler.mean, sampler.variance, sampler.families)
    return samplers


xbar = BatchMean(X, B)


# --- oracles: every one of the atoms^B outcomes of the batch, with its probability -----------


def _law(point):
    atoms = point.L
    half = len(atoms) // 2
    return atoms[:half], atoms[half:]


def batch_mean(outcome):
    return mpmath.fsum(outcome) / len(outcome)


def oracle_mean(point):
    values, weights = _law(point)
    return mp_expectation_iid(values, weights, point.B, batch_mean)


def oracle_variance(point):
    values, weights = _law(point)
    centre = mp_expectation_iid(values, weights, point.B, batch_mean)
    return mp_expectation_iid(values, weights, point.B, lambda o: (batch_mean(o) - centre) ** 2)


unbiased = Claim(
    label="unbiased",
    text=(
        r"The batch mean $\frac{1}{B} \sum_{t=1}^{B} X_t$ of $B$ independent samples, each with mean $\mu$ "
        r"and variance $\sigma^2$, is an unbiased estimate of $\mu$:"
    ),
    statement=sp.Eq(E(xbar), mu, evaluate=False),
    steps=[
        Step(E(xbar)),
        Step(E(Sum(X[t], t, B) / B), because=r"definition of the batch mean"),
        Step(Sum(E(X[t]), t, B) / B, because=r"linearity of $\mathbb{E}$ ({by})", by=linearity_of_expectation),
        Step(Sum(mu, t, B) / B, because=r"$\mathbb{E}[X_t] = \mu$"),
        Step(mu, because=r"$B$ equal terms"),
    ],
    oracle=oracle_mean,
)

variance = Claim(
    label="variance",
    text=r"and its variance falls like $1/B$:",
    statement=sp.Eq(Var(xbar), sigma**2 / B, evaluate=False),
    steps=[
        Step(Var(xbar)),
        Step(
            Var(Sum(X[t], t, B)) / B**2, because=r"$\operatorname{Var}(cY) = c^2 \operatorname{Var}(Y)$ with $c = 1/B$"
        ),
        Step(
            Sum(Var(X[t]), t, B) / B**2,
            because=r"variances of independent variables add ({by}, applied $B - 1$ times)",
            by=variance_of_independent_sum,
        ),
        Step(Sum(sigma**2, t, B) / B**2, because=r"$\operatorname{Var}(X_t) = \sigma^2$"),
        Step(sigma**2 / B, because=r"$B$ equal terms"),
    ],
    oracle=oracle_variance,
)

# --- documentation vocabulary ---------------------------------------------------------------
# B (b, n) the batch size, X_t (x_i) the samples with mean μ and variance σ², \bar{X} (\hat{\mu}) their mean.

vocabulary = Vocabulary(
    domain_names=True,
    dims={"b": B, "n": B, "N": B, "m": B},
    entries={
        "X": vector_of(X, B),
        "x": vector_of(X, B),  # the samples x_1, ..., x_n, as d2l writes them
        "bar_X": number_of(xbar),
        "hat_mu": number_of(xbar),
        "bar_x": number_of(xbar),
    },
    random_samples=("X", "x"),
    expectation=(E, Var),
    examples=[
        (r"\operatorname{Var}(\bar{X}) = \frac{\sigma^2}{B}", r"\operatorname{Var}(\bar{X}) = \frac{\sigma}{B}"),
        (r"\mathbb{E}[\bar{X}] = \mu", r"\mathbb{E}[\bar{X}] = \frac{\mu}{B}"),
        (  # the samples written x_i and declared random in the tag: the result's own samples
            r"\mathbb{E}\left[\frac{1}{n-1}\sum_{i=1}^n (x_i - \hat\mu)^2\right] = \sigma^2",
            r"\mathbb{E}\left[\frac{1}{n}\sum_{i=1}^n (x_i - \hat\mu)^2\right] = \sigma^2",
            "x_i: random",
        ),
    ],
)


minibatch_mean_variance = Result(
    vocabulary=vocabulary,
    title="Mean and variance of a minibatch average",
    area="Probability",
    claims=[unbiased, variance],
    domain=Domain({B: dimension(1, 5), mu: reals(), sigma: positive("0.1", 3), **_samplers()}),
    rules=model.rules(),
    references=["goodfellow2016", "bishop2006"],
    remarks=[
        Remark(
            r"Example: with $\sigma = 1$, a batch of $B = 64$ has standard deviation $\sigma/\sqrt{B} = {value}$; "
            r"halving it again needs $B = 256$.",
            sp.sqrt(sigma**2 / B),
            Point({sigma: 1, B: 64}),
        ),
    ],
)
