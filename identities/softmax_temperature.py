"""Softmax at temperature T > 0, σ(z/T), keeps the order of the logits, since σ_i/σ_j = e^{(z_i − z_j)/T}; as T → 0⁺ it tends to the one-hot vector of the largest logit, and as T → ∞ to the uniform distribution 1/n.

Dividing the logits by T scales every log-odds log(σ_i/σ_j) = (z_i − z_j)/T by 1/T
and leaves their signs alone. For small T the ratio of any other entry to that of the
largest logit, e^{−(z_t − z_j)/T}, tends to 0 when the maximum z_t is unique (with tied
maxima the limit splits the mass equally among them); for large T every exponent z_k/T
tends to 0 and all n entries tend to e^0/n. The limits are taken at fixed z ∈ ℝⁿ.
"""

from dataclasses import dataclass

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, index, positive, reals, vector
from derive.domain import Index, concrete_size
from derive.figures import Figure, coordinates
from derive.identities.log_softmax_stable import ArgmaxIndex, t
from derive.notation import Sum, delta, i, j, k, n, over, softmax, z
from derive.oracles import mp_softmax
from derive.vocabulary import Vocabulary, computed_vector, dimension_names, number_of

# --- notation and samplers shared with the other temperature results ------------------


class ScaledLogits(sp.Function):
    """The vector a·z: entry k is a·z_k (only its entries are ever used); a = 1/T prints as z/T."""

    nargs = 2  # the vector, the factor

    def __getitem__(self, position):
        vec, factor = self.args
        return factor * vec[position]

    def _latex(self, printer):
        vec, factor = self.args
        if factor == 0:
            return r"\mathbf{0}"
        if factor.is_Pow and factor.exp == -1:
            return rf"{printer._print(vec)}/{printer._print(factor.base)}"
        return rf"{printer._print(factor)} {printer._print(vec)}"

    def _unicode(self, printer):
        vec, factor = self.args
        if factor == 0:
            return "0"
        if factor.is_Pow and factor.exp == -1:
            return f"{printer._print(vec)}/{printer._print(factor.base)}"
        return f"{printer._print(factor)}{printer._print(vec)}"


def tempered(position, temperature, vec=z, size=n):
    """σ_position(vec/T), the softmax at temperature T."""
    return softmax(position, ScaledLogits(vec, 1 / temperature), size)


@dataclass(frozen=True)
class BelowMaxIndex(Index):
    """An index j whose logit is not a largest one (some z_i > z_j), for a vector ``of`` drawn before it."""

    of: object = None

    def sample(self, rng, values):
        logits = values[self.of]
        candidates = [p for p in range(1, concrete_size(self.size, values) + 1) if logits[p - 1] < max(logits)]
        if not candidates:
            raise ValueError("every logit is a largest one: n must be at least 2")
        return rng.choice(candidates)

    def latex(self, name):
        return rf"{sp.latex(self.of.label)}_{{{name}}} < \max_k {sp.latex(self.of.label)}_k"


@dataclass(frozen=True)
class AboveIndex(Index):
    """An index i with z_i > z_j for a vector ``of`` and an index ``other`` = j drawn before it."""

    of: object = None
    other: object = None

    def sample(self, rng, values):
        logits, below = values[self.of], values[self.other]
        candidates = [p for p in range(1, concrete_size(self.size, values) + 1) if logits[p - 1] > logits[below - 1]]
        return rng.choice(candidates)

    def latex(self, name):
        vec = sp.latex(self.of.label)
        return rf"{vec}_{{{name}}} > {vec}_{{{sp.latex(self.other)}}}"


T = sp.Symbol("T", positive=True)  # the temperature
gap = sp.Symbol("Delta", positive=True)  # a positive gap between two logits
s = sp.Symbol("s", positive=True)  # s = 1/T


# --- oracles: plain mpmath from the definitions ---------------------------------------


def mp_tempered(logits, temperature):
    """softmax(z/T), straight from the definition."""
    return mp_softmax([v / temperature for v in logits])


def oracle_ratio(point):
    probabilities = mp_tempered(point.z, point.T)
    return probabilities[point.i - 1] / probabilities[point.j - 1]


def oracle_entry(point):
    return mp_tempered(point.z, point.T)[point.j - 1]


def oracle_ranked(point):
    return mp_tempered(point.z, point.T)[point.i - 1]


COLD = mpmath.mpf(10) ** -30  # near T = 0: a logit gap g leaves an error about e^{-g 10^30}


def oracle_exp_gap_cold(point):
    """e^{-Δ/T} at T = 10^-30: numeric evidence for the limit T -> 0+."""
    return mpmath.exp(-point.Delta / COLD)


def oracle_cold(point):
    """σ_j(z/T) at T = 10^-30: numeric evidence for the limit T -> 0+ (the maximum is unique almost surely)."""
    return mp_tempered(point.z, COLD)[point.j - 1]


def oracle_hot(point):
    """lim_{T -> oo} σ_j(z/T) by mpmath's extrapolation in T (σ_j(z/T) is analytic in 1/T)."""
    return mpmath.limit(lambda temperature: mp_tempered(point.z, temperature)[point.j - 1], mpmath.inf)


# --- claims ---------------------------------------------------------------------------

ratio = tempered(i, T) / tempered(j, T)
normaliser = Sum(sp.exp(z[k] / T), k, n)

ratio_claim = Claim(
    label="ratio",
    text=r"At temperature $T > 0$ the normaliser cancels from the ratio of two entries:",
    statement=sp.Eq(ratio, sp.exp((z[i] - z[j]) / T), evaluate=False),
    steps=[
        Step(ratio),
        Step(
            over(sp.exp(z[i] / T), sp.exp(z[j] / T)),
            because=r"definition of the softmax; the normaliser $\sum_k \exp(z_k/T)$ cancels",
        ),
        Step(sp.exp((z[i] - z[j]) / T), because=r"$e^{a}/e^{b} = \exp(a - b)$"),
    ],
    oracle=oracle_ratio,
)

ranked = Claim(
    label="order preserved",
    text=r"So a larger logit keeps the larger probability at every temperature: if $z_i > z_j$ then",
    statement=sp.Gt(tempered(i, T), tempered(j, T), evaluate=False),
    steps=[
        Step(tempered(i, T)),
        Step(tempered(j, T) * sp.exp((z[i] - z[j]) / T), by=ratio_claim),
        Step(
            tempered(j, T),
            relation=">",
            because=r"$(z_i - z_j)/T > 0$, so $\exp((z_i - z_j)/T) > 1$, and $\sigma_j(z/T) > 0$",
        ),
    ],
    oracle=oracle_ranked,
    domain=Domain(
        {
            n: dimension(2, 6),
            z: vector(n, reals(-5, 5)),
            T: positive("0.05", 5),
            j: BelowMaxIndex(n, of=z),
            i: AboveIndex(n, of=z, other=j),
        }
    ),
)

divided = 1 / Sum(sp.exp((z[k] - z[j]) / T), k, n)
divided_claim = Claim(
    label="against the others",
    text=r"Dividing by $\exp(z_j/T)$ writes each entry through the gaps to the other logits:",
    statement=sp.Eq(tempered(j, T), divided, evaluate=False),
    steps=[
        Step(tempered(j, T)),
        Step(sp.exp(z[j] / T) / normaliser, because="definition of the softmax"),
        Step(divided, because=r"divide numerator and denominator by $\exp(z_j/T)$"),
    ],
    oracle=oracle_entry,
)

vanishing = sp.Limit(sp.exp(-gap / T), T, 0, "+")
vanishing_claim = Claim(
    label="a positive gap vanishes",
    text=r"For a gap $\Delta > 0$,",
    statement=sp.Eq(vanishing, 0, evaluate=False),
    steps=[
        Step(vanishing),
        Step(sp.Limit(sp.exp(-gap * s), s, sp.oo), because=r"put $s = 1/T$, so $s \to \infty$"),
        Step(sp.Integer(0), because=r"$\exp(-\Delta s) \to 0$ as $\Delta > 0$"),
    ],
    oracle=oracle_exp_gap_cold,
    domain=Domain({gap: positive("0.05", 5)}),
)

cold = sp.Limit(tempered(j, T), T, 0, "+")
cold_claim = Claim(
    label="T to 0: one-hot",
    text=r"If $z_t$ is the unique largest logit, the softmax tends to the one-hot vector of $t$ as $T \to 0^{+}$:",
    statement=sp.Eq(cold, delta(j, t), evaluate=False),
    steps=[
        Step(cold),
        Step(
            1 / Sum(sp.Limit(sp.exp((z[k] - z[j]) / T), T, 0, "+"), k, n),
            because=(r"each term has a limit in $[0, \infty]$, and $1/x$ is continuous on $[1, \infty]$"),
            by=divided_claim,
        ),
        Step(
            delta(j, t),
            because=(
                r"the term $k = j$ is 1; by {by} a term with $z_k < z_j$ tends to 0; for $j \ne t$ the term "
                r"$k = t$ tends to $\infty$. So the sum tends to 1 if $j = t$ and to $\infty$ otherwise"
            ),
            by=vanishing_claim,
        ),
    ],
    oracle=oracle_cold,
    domain=Domain({n: dimension(1, 6), z: vector(n, reals(-5, 5)), j: index(n), t: ArgmaxIndex(n, of=z)}),
)

hot = sp.Limit(tempered(j, T), T, sp.oo)
hot_claim = Claim(
    label="T to infinity: uniform",
    text=r"As $T \to \infty$ the softmax tends to the uniform distribution:",
    statement=sp.Eq(hot, 1 / n, evaluate=False),
    steps=[
        Step(hot),
        Step(
            softmax(j, ScaledLogits(z, sp.Integer(0))),
            because=r"$\sigma_j(s z)$ is continuous in $s$, and $s = 1/T \to 0$",
        ),
        Step(sp.exp(0) / Sum(sp.exp(0), k, n), because="definition of the softmax"),
        Step(1 / n, because=r"$n$ terms $e^{0} = 1$"),
    ],
    oracle=oracle_hot,
    domain=Domain({n: dimension(1, 6), z: vector(n, reals(-5, 5)), j: index(n)}),
)

# --- documentation vocabulary ---------------------------------------------------------------
# z the logits, T (τ) the temperature, p (q, σ_T) the softmax at temperature T: p_i = σ_i(z/T).

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n),
    entries={
        **{
            name: computed_vector(lambda index, length: tempered(index, T, z, length), n)
            for name in ("p", "q", "sigma_T", "p_T")
        },
        "tau": number_of(T),
    },
    examples=[
        (r"\frac{p_i}{p_j} = e^{(z_i - z_j)/T}", r"\frac{p_i}{p_j} = e^{(z_i - z_j)T}"),
        (r"p_j = \frac{1}{\sum_k e^{(z_k - z_j)/T}}", r"p_j = \frac{1}{\sum_k e^{(z_j - z_k)/T}}"),
    ],
)


def softmax_temperature_figure(logits=(2.0, 1.0, 0.5, 0.0, -1.0), temperatures=(0.5, 1.0, 2.0)) -> Figure:
    plots = []
    with mpmath.workdps(30):
        for t in temperatures:
            probabilities = mp_softmax([mpmath.mpf(z) / mpmath.mpf(t) for z in logits])
            pairs = [(position + 1, float(p)) for position, p in enumerate(probabilities)]
            plots.append(rf"\addplot coordinates {{{coordinates(pairs)}}};" + "\n" + rf"\addlegendentry{{$T={t:g}$}}")
    logit_text = ", ".join(f"{z:g}" for z in logits)
    body = (
        r"""\begin{tikzpicture}
\begin{axis}[ybar, bar width=7pt, width=0.8\linewidth, height=6cm, xlabel={token $i$},
  ylabel={$\sigma_i(z/T)$}, ymin=0, xtick=data, legend pos=north east, enlarge x limits=0.15]
"""
        + "\n".join(plots)
        + "\n"
        + r"""\end{axis}
\end{tikzpicture}"""
    )
    caption = (
        rf"Softmax of the logits $z=({logit_text})$ divided by a temperature $T$: a low temperature sharpens the "
        r"distribution towards the largest logit, a high one flattens it towards uniform."
    )
    text = (
        r"{figure} illustrates {theorem} on five logits. Every temperature keeps the order of the "
        r"probabilities, because the ratio $\sigma_i/\sigma_j = e^{(z_i - z_j)/T}$ exceeds 1 exactly when "
        r"$z_i > z_j$; lowering $T$ raises each ratio to a higher power, which concentrates the mass on the "
        r"largest logit, and raising $T$ pulls every ratio towards 1, the uniform distribution."
    )
    return Figure("fig:softmax_temperature", caption, body, text)


softmax_temperature = Result(
    vocabulary=vocabulary,
    title="Softmax temperature: order, and the limits T to 0 and T to infinity",
    area="Softmax and losses",
    claims=[ratio_claim, ranked, divided_claim, vanishing_claim, cold_claim, hot_claim],
    domain=Domain({n: dimension(1, 6), z: vector(n, reals(-5, 5)), T: positive("0.05", 5), i: index(n), j: index(n)}),
    references=["hinton2015", "bridle1990", "goodfellow2016"],
    figures=(softmax_temperature_figure,),
)
