"""For q, k ∈ ℝ^d with independent components of mean 0 and variance 1, the score q·k has mean 0 and variance d, so q·k/√d has variance 1.

This is why scaled dot-product attention divides the scores by √d before the softmax:
without it their spread grows like √d and the softmax saturates. Only linearity of
expectation, independence and the first two moments are used. Part (d), the fourth
moment, gives the spread of a sample variance, which sets the confidence bound of
the Monte Carlo check in :func:`monte_carlo` (Gaussian components, d up to 4096).
"""

import itertools
import math
import operator
from fractions import Fraction

import mpmath
import sympy as sp
from mpmath.libmp import fone, fzero, mpf_add, mpf_mul, mpf_pow_int

from derive import Claim, Domain, Remark, Result, Step, dimension, positive, reals
from derive.domain import Point
from derive.expectation import Independent, Law
from derive.figures import Figure, coordinates
from derive.identities.linearity_of_expectation import linearity_of_expectation
from derive.identities.minibatch_mean_variance import ParametrisedLawSampler
from derive.notation import Notation, Sum, d, delta, i, j
from derive.vocabulary import Vocabulary, VocabularyError, number_of, vector_of

q = sp.IndexedBase("q", real=True)  # query
k = sp.IndexedBase("k", real=True)  # key
law = Law("L")  # the law of every component; sampled for numeric checks
model = Independent({q: law, k: law})
E, Var = model.E, model.Var


class Dot(Notation):
    """q·k = Σ_i q_i k_i, the dot product of two vectors of length d."""

    nargs = 3

    def definition(self):
        left, right, size = self.args
        index = sp.Dummy("i", integer=True, positive=True)
        return sp.Sum(left[index] * right[index], (index, 1, size))

    def _latex(self, printer, exp=None):
        left, right, _ = self.args
        tex = rf"{printer._print(left)} \cdot {printer._print(right)}"
        return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        left, right, _ = self.args
        return f"{printer._print(left)}·{printer._print(right)}"


score = Dot(q, k, d)  # q·k
scaled = score / sp.sqrt(d)


# --- oracles: exact enumeration over every outcome of the sampled discrete law --------


def score_moments(values, weights, dim: int, powers, scale=1) -> list:
    """𝔼[(scale · q·k)^p] for each p in ``powers``, by enumerating all |values|^(2·dim) outcomes of (q, k) once.

    The outcomes in lexicographic order, each probability the product w_{a_1} w_{a_2} … taken left
    to right (:func:`derive.oracles.mp_expectation_iid`'s order and arithmetic): one enumeration serves
    every power, each 𝔼 summed as that function would sum it alone. Exact numbers (fractions) are summed
    exactly; others in mpmath's arithmetic on the numbers' raw form (``mpf_mul`` and ``mpf_add`` at the
    working precision, as ``*`` and ``+`` of mpf values do), without an mpf object for each of the many
    intermediate values.
    """
    exact = any(isinstance(x, Fraction) for x in (*values, *weights, scale))
    if exact:
        mul, add, power_of, zero, one = operator.mul, operator.add, operator.pow, 0, 1
        raw, weights, factor = list(values), list(weights), scale
    else:
        prec, rounding = mpmath.mp._prec_rounding
        zero, one = fzero, fone

        def mul(a, b):
            return mpf_mul(a, b, prec, rounding)

        def add(a, b):
            return mpf_add(a, b, prec, rounding)

        def power_of(a, n):
            return mpf_pow_int(a, n, prec, rounding)

        raw = [mpmath.mpf(v)._mpf_ for v in values]
        weights = [mpmath.mpf(w)._mpf_ for w in weights]
        factor = mpmath.mpf(scale)._mpf_
    totals = [zero] * len(powers)
    chosen = [0] * dim  # the indices of q's components; k's are paired with them as they are chosen
    products = [[mul(u, v) for v in raw] for u in raw]  # q_t k_t, each computed once

    def walk_k(t, probability, dot):  # dot: Σ_{s<t} q_s k_s, summed left to right as sum() does
        if t == dim:
            scaled = mul(factor, dot)
            for position, power in enumerate(powers):
                totals[position] = add(totals[position], mul(probability, power_of(scaled, power)))
            return
        row = products[chosen[t]]
        for a in range(len(raw)):
            walk_k(t + 1, mul(probability, weights[a]), add(dot, row[a]))

    def walk_q(t, probability):
        if t == dim:
            walk_k(0, probability, zero)
            return
        for a in range(len(raw)):
            chosen[t] = a
            walk_q(t + 1, mul(probability, weights[a]))

    walk_q(0, one)
    return totals if exact else [mpmath.mpf(total) for total in totals]


def score_moment(values, weights, dim: int, power: int, scale=1):
    """𝔼[(scale · q·k)^power] by enumerating all |values|^(2·dim) outcomes of (q, k)."""
    return score_moments(values, weights, dim, (power,), scale)[0]


def score_variance(values, weights, dim: int, scale=1):
    """Var(scale · q·k) = 𝔼[Y²] − 𝔼[Y]², both from one enumeration."""
    second, first = score_moments(values, weights, dim, (2, 1), scale)
    return second - first**2


def _law(point):
    atoms = point.L
    half = len(atoms) // 2
    return atoms[:half], atoms[half:]


def oracle_mean(point):
    return score_moment(*_law(point), point.d, 1)


def oracle_variance(point):
    return score_variance(*_law(point), point.d)


def oracle_scaled_variance(point):
    return score_variance(*_law(point), point.d, scale=1 / mpmath.sqrt(point.d))


def oracle_fourth_moment(point):
    return score_moment(*_law(point), point.d, 4)


# Fixed laws with exact rational arithmetic: a fair ±1 coin (Rademacher) and a
# skewed law on {−1, 0, 2} with probabilities 1/3, 1/2, 1/6 (mean 0, variance 1, third moment 1).
RADEMACHER = ((Fraction(-1), Fraction(1)), (Fraction(1, 2), Fraction(1, 2)))
SKEWED = ((Fraction(-1), Fraction(0), Fraction(2)), (Fraction(1, 3), Fraction(1, 2), Fraction(1, 6)))


def exact_score_statistics(values, weights, dim: int) -> dict:
    """Mean, variance and fourth moment of q·k, and the variance of q·k/√d, as exact fractions.

    Every outcome of the 2·dim components is enumerated, coordinate pairs (q_t, k_t)
    at a time, in integer arithmetic: values and weights are put over common
    denominators first. (q·k/√d)² = (q·k)²/d is rational, so its variance is exact too.
    """
    value_scale = math.lcm(*(Fraction(v).denominator for v in values))
    weight_scale = math.lcm(*(Fraction(w).denominator for w in weights))
    ints = [int(Fraction(v) * value_scale) for v in values]
    masses = [int(Fraction(w) * weight_scale) for w in weights]
    pairs = [(ints[a] * ints[b], masses[a] * masses[b]) for a in range(len(ints)) for b in range(len(ints))]
    sums = [0, 0, 0, 0, 0]  # Σ mass · dot^p for p = 0, 1, 2, 4 (index 3 unused)
    for outcome in itertools.product(pairs, repeat=dim):
        dot, mass = 0, 1
        for product, weight in outcome:
            dot += product
            mass *= weight
        square = dot * dot
        sums[0] += mass
        sums[1] += mass * dot
        sums[2] += mass * square
        sums[4] += mass * square * square
    total = Fraction(sums[0])
    if total != weight_scale ** (2 * dim):
        raise ValueError("the weights must sum to 1")
    mean = Fraction(sums[1], value_scale**2) / total
    second = Fraction(sums[2], value_scale**4) / total
    return {
        "mean": mean,
        "variance": second - mean**2,
        "scaled_variance": second / dim - mean**2 / dim,
        "fourth_moment": Fraction(sums[4], value_scale**8) / total,
    }


# --- Monte Carlo at large d -------------------------------------------------------

MC_DIMENSIONS = (16, 256, 4096)
MC_SAMPLES = 20_000
MC_Z = 5  # standard errors allowed: a two-sided normal tail of 6e-7


def monte_carlo(dim: int, samples: int = MC_SAMPLES, seed: int = 2017, scale=None, chunk: int = 500) -> dict:
    """Sample variance of s·(q·k) for Gaussian q, k ∈ ℝ^dim (s = 1/√dim unless given), with its bound.

    With Y = q·k/√d and N samples, the sample variance s² has standard error
    √((𝔼[Y⁴] − (N−3)/(N−1))/N) (for 𝔼[Y] = 0, Var(Y) = 1). Part (d) with the Gaussian
    fourth moment 𝔼[q_1⁴] = 3 gives 𝔼[(q·k)⁴] = 3d² + 6d, so 𝔼[Y⁴] = 3 + 6/d and the
    standard error is ≈ √((2 + 6/d)/N). The check passes when |s² − 1| ≤ MC_Z standard errors.
    """
    import numpy as np  # here: only the Monte Carlo check and the figure draw samples (importing costs 0.1 s)

    rng = np.random.default_rng([seed, dim])
    scale = 1 / np.sqrt(dim) if scale is None else scale
    values = []
    for start in range(0, samples, chunk):
        size = min(chunk, samples - start)
        queries = rng.standard_normal((size, dim))
        keys = rng.standard_normal((size, dim))
        values.append(scale * np.einsum("ij,ij->i", queries, keys))
    y = np.concatenate(values)
    fourth = 3 + 6 / dim
    standard_error = np.sqrt((fourth - (samples - 3) / (samples - 1)) / samples)
    variance = float(np.var(y, ddof=1))
    return {
        "dimension": dim,
        "samples": samples,
        "mean": float(np.mean(y)),
        "mean_bound": MC_Z / float(np.sqrt(samples)),
        "variance": variance,
        "variance_bound": MC_Z * float(standard_error),
        "within_bound": bool(abs(variance - 1) <= MC_Z * standard_error),
    }


# --- the claims -------------------------------------------------------------------

mean = Claim(
    label="mean",
    text=r"The score $q \cdot k = \sum_i q_i k_i$ has mean zero:",
    statement=sp.Eq(E(score), 0, evaluate=False),
    steps=[
        Step(E(score)),
        Step(E(Sum(q[i] * k[i], i, d)), because=r"definition of $q \cdot k$"),
        Step(Sum(E(q[i] * k[i]), i, d), because=r"linearity of $\mathbb{E}$ ({by})", by=linearity_of_expectation),
        Step(Sum(E(q[i]) * E(k[i]), i, d), because=r"independence of $q_i$ and $k_i$"),
        Step(sp.Integer(0), because=r"$\mathbb{E}[q_i] = \mathbb{E}[k_i] = 0$"),
    ],
    oracle=oracle_mean,
)

double_sum = sp.Sum(q[i] * k[i] * q[j] * k[j], (j, 1, d), (i, 1, d))
variance = Claim(
    label="variance",
    text=r"Its variance grows linearly with $d$:",
    statement=sp.Eq(Var(score), d, evaluate=False),
    steps=[
        Step(Var(score)),
        Step(E(score**2) - E(score) ** 2, because=r"$\operatorname{Var}(X) = \mathbb{E}[X^2] - \mathbb{E}[X]^2$"),
        Step(E(score**2), because=r"part {by}", by=mean),
        Step(E(double_sum), because=r"$(q \cdot k)^2 = \sum_i \sum_j q_i k_i q_j k_j$"),
        Step(
            sp.Sum(E(q[i] * q[j]) * E(k[i] * k[j]), (j, 1, d), (i, 1, d)),
            because=r"linearity; $q$ and $k$ independent",
        ),
        Step(
            sp.Sum(delta(i, j), (j, 1, d), (i, 1, d)),
            because=r"$\mathbb{E}[q_i q_j] = \mathbb{E}[k_i k_j] = \delta_{ij}$ (independence, mean $0$, variance $1$)",
        ),
        Step(Sum(sp.Integer(1), i, d), because=r"$\delta_{ij}$ picks the term $j = i$"),
        Step(d, because=r"$d$ terms"),
    ],
    oracle=oracle_variance,
)

scaled_variance = Claim(
    label="scaled variance",
    text=r"so dividing the score by $\sqrt{d}$ gives unit variance for every $d$:",
    statement=sp.Eq(Var(scaled), 1, evaluate=False),
    steps=[
        Step(Var(scaled)),
        Step(Var(score) / d, because=r"$\operatorname{Var}(cX) = c^2 \operatorname{Var}(X)$ with $c = 1/\sqrt{d}$"),
        Step(sp.Integer(1), because=r"part {by}", by=variance),
    ],
    oracle=oracle_scaled_variance,
)

l, m = sp.symbols("l m", integer=True, positive=True)
quadruple_sum = sp.Sum(
    E(q[i] * q[j] * q[l] * q[m]) * E(k[i] * k[j] * k[l] * k[m]), (m, 1, d), (l, 1, d), (j, 1, d), (i, 1, d)
)
fourth_moment_value = d * E(q[1] ** 4) * E(k[1] ** 4) + 3 * d * (d - 1)
fourth_moment = Claim(
    label="fourth moment",
    text=r"Its fourth moment, which sets the spread of a sample variance, is",
    statement=sp.Eq(E(score**4), fourth_moment_value, evaluate=False),
    steps=[
        Step(E(score**4)),
        Step(quadruple_sum, because=r"expand the power; linearity; $q$ and $k$ independent"),
        Step(
            fourth_moment_value,
            because=r"unpaired indices give $0$: all four equal ($d$ terms) or two pairs ($3d(d-1)$ terms)",
        ),
    ],
    oracle=oracle_fourth_moment,
)

# --- documentation vocabulary ---------------------------------------------------------------
# q, k the query and key (bold too), d (d_k, d_model, d_head) their length; E and Var of the
# model: independent components of mean 0 and variance 1, or, by the tag clauses 'mean \mu',
# 'variance \sigma^2', 'variance of q \sigma_q^2', any declared mean and variances.


def _doc_with_moments(vocab, settings):
    """The tag clauses 'mean \\mu', 'variance \\sigma^2', 'variance of q \\sigma_q^2': components with those moments."""
    moments = {q: [sp.Integer(0), sp.Integer(1)], k: [sp.Integer(0), sp.Integer(1)]}
    entries, parameters = {}, {}
    for setting in settings:
        variance = setting.word == "variance"
        symbol = sp.Symbol(f"doc_{setting.name}", positive=variance, real=True)
        parameters[symbol] = positive("0.3", 2) if variance else reals(-2, 2)
        entries[setting.name] = number_of(symbol)
        for family in (q, k) if not setting.of else {"q": (q,), "k": (k,)}.get(setting.of, ()):
            moments[family][1 if variance else 0] = symbol**setting.power
    if any(s.of not in ("", "q", "k") for s in settings):
        raise VocabularyError("a mean or variance of the attention scores is about q, k or both")
    laws = {family: Law(f"L_{family}", mean=mean, variance=var) for family, (mean, var) in moments.items()}
    model = Independent(laws)
    samplers = {s: ParametrisedLawSampler(v.atoms, v.mean, v.variance, v.families) for s, v in model.samplers().items()}
    dims = {s: v for s, v in vocab.domain.samplers.items() if s == d}
    return vocab.with_(
        entries={**vocab.entries, **entries},
        expectation=(model.E, model.Var),
        domain=Domain({**dims, **parameters, **samplers}, points=vocab.domain.points),
    )


vocabulary = Vocabulary(
    size=d,
    dims={name: d for name in ("d", "d_k", "D", "d_model", "d_h", "d_head", "d_q", "n")},
    entries={"q": vector_of(q), "k": vector_of(k), "bf_q": vector_of(q), "bf_k": vector_of(k)},
    expectation=(E, Var),
    parameters={"mean": _doc_with_moments, "variance": _doc_with_moments},
    examples=[
        (r"\operatorname{Var}(q \cdot k) = d", r"\operatorname{Var}(q \cdot k) = \sqrt{d}"),
        (
            r"\operatorname{Var}\left(\frac{q \cdot k}{\sqrt{d_k}}\right) = 1",
            r"\operatorname{Var}\left(\frac{q \cdot k}{d_k}\right) = 1",
        ),
        (
            r"\operatorname{Var}(q \cdot k) = d\sigma^4",
            r"\operatorname{Var}(q \cdot k) = d\sigma^2",
            r"variance \sigma^2",
        ),
        (
            r"\operatorname{Var}(q \cdot k) = d\sigma_q^2\sigma_k^2",
            r"\operatorname{Var}(q \cdot k) = d\sigma_q\sigma_k",
            r"variance of q \sigma_q^2; variance of k \sigma_k^2",
        ),
        (r"\mathbb{E}[q \cdot k] = d\mu^2", r"\mathbb{E}[q \cdot k] = d\mu", r"mean \mu"),
    ],
)


def largest_attention_weight(dims=(16, 64, 256, 1024, 4096), keys: int = 64, trials: int = 200, seed: int = 2017):
    """Mean over trials of the largest softmax weight of q·k_j (raw and divided by √d), Gaussian q, k."""
    import numpy as np

    rng = np.random.default_rng(seed)
    raw, scaled = [], []
    for width in dims:
        top_raw, top_scaled = 0.0, 0.0
        for _ in range(trials):
            query = rng.standard_normal(width)
            keys_ = rng.standard_normal((keys, width))
            scores = keys_ @ query
            for total, factor in ((0, 1.0), (1, 1.0 / np.sqrt(width))):
                s = scores * factor
                weights = np.exp(s - s.max())
                top = float(weights.max() / weights.sum())
                if total == 0:
                    top_raw += top
                else:
                    top_scaled += top
        raw.append((width, top_raw / trials))
        scaled.append((width, top_scaled / trials))
    return raw, scaled


def attention_figure() -> Figure:
    raw, scaled = largest_attention_weight()
    body = rf"""\begin{{tikzpicture}}
\begin{{semilogxaxis}}[width=0.8\linewidth, height=6cm, log basis x=2, xlabel={{$d$}},
  ylabel={{largest attention weight}}, ymin=0, ymax=1.05, legend pos=south east, grid=major]
\addplot+[mark=*] coordinates {{{coordinates(raw)}}};
\addlegendentry{{scores $q\cdot k_j$}}
\addplot+[mark=square*] coordinates {{{coordinates(scaled)}}};
\addlegendentry{{scores $q\cdot k_j/\sqrt{{d}}$}}
\end{{semilogxaxis}}
\end{{tikzpicture}}"""
    caption = (
        r"Largest softmax weight over 64 keys, averaged over 200 seeded draws of Gaussian $q, k_j \in \mathbb{R}^d$. "
        r"Without the $1/\sqrt{d}$ factor the softmax saturates towards one-hot as $d$ grows; with it the weights keep the same spread."
    )
    text = (
        r"{figure} shows what the variance computed in {theorem} does to attention. Dot products of "
        r"$d$-dimensional Gaussian vectors have standard deviation $\sqrt{d}$, so without scaling the largest "
        r"score dominates the softmax more and more as $d$ grows and the attention weights become nearly one-hot "
        r"(with vanishing gradients through every other key); divided by $\sqrt{d}$ the scores have variance 1 "
        r"for every $d$ and the largest weight stays where it was at small $d$."
    )
    return Figure("fig:attention_saturation", caption, body, text)


attention_scaling = Result(
    vocabulary=vocabulary,
    title="Why attention divides by the square root of d",
    area="Attention",
    claims=[mean, variance, scaled_variance, fourth_moment],
    domain=Domain({d: dimension(1, 4), **model.samplers()}),
    rules=model.rules(),
    references=["vaswani2017"],
    figures=(attention_figure,),
    remarks=[
        Remark(
            r"Without the scaling, at $d = 4096$ the scores would have standard deviation $\sqrt{d} = {value}$ "
            r"instead of $1$.",
            sp.sqrt(d),
            Point({d: 4096}),
        ),
        Remark(
            r"For Gaussian components $\mathbb{E}[q_1^4] = 3$, so by {by} $\mathbb{E}[(q \cdot k/\sqrt{d})^4] = 3 + 6/d$ "
            r"and the sample variance of $N$ scaled scores has standard error about $\sqrt{(2 + 6/d)/N}$, "
            r"{value} for $d = 16$ and $N = 20000$. A seeded Monte Carlo run at $d = 16, 256, 4096$ "
            r"with $N = 20000$ each finds the sample variance within five such errors of $1$.",
            sp.sqrt((2 + 6 / d) / sp.Symbol("N", integer=True, positive=True)),
            Point({d: 16, sp.Symbol("N", integer=True, positive=True): 20000}),
            by=fourth_moment,
        ),
    ],
)
