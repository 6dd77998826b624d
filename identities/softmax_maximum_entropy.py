"""Among distributions with a given expected logit, the softmax σ(βz) (the Gibbs distribution) has the largest entropy: H(σ) − H(p) = D_KL(p‖σ) ≥ 0 whenever Σ_k p_k z_k = Σ_k σ_k z_k.

For logits z ∈ ℝⁿ and β ∈ ℝ let σ_k = e^{β z_k}/Z with Z = Σ_k e^{β z_k}. Since
log σ_k = β z_k − log Z is linear in z_k, every distribution p ∈ Δⁿ satisfies
H(σ) − H(p) = D_KL(p‖σ) + β(E_p[z] − E_σ[z]). When p has the same expected logit as σ
the last term vanishes, and Gibbs' inequality gives H(p) ≤ H(σ), with equality only
at p = σ. With β = 1/T this is the softmax at temperature T: the softmax is the
maximum-entropy distribution for its own expected logit (Jaynes' principle).
"""

from dataclasses import dataclass

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Statement, Step, dimension, probability_vector, reals, vector
from derive.domain import Point, ProbabilityVector, concrete_size, uniform
from derive.identities.gibbs_inequality import gibbs_inequality
from derive.identities.softmax_temperature import ScaledLogits
from derive.identities.softmax_temperature_entropy import MeanUnderWeights, SoftmaxVector
from derive.notation import KL, Entropy, Softmax, Sum, k, l, n, p, unfold, z
from derive.oracles import mp_entropy, mp_softmax
from derive.vocabulary import Vocabulary, computed_vector, dimension_names

beta = sp.Symbol("beta", real=True)  # the inverse temperature

sigma = SoftmaxVector(ScaledLogits(z, beta), n)  # σ(βz), the Gibbs distribution
sigma_k = sigma[k]
log_partition = sp.log(Sum(sp.exp(beta * z[l]), l, n))
mean_p, mean_sigma = MeanUnderWeights(p, z, n), MeanUnderWeights(sigma, z, n)


@dataclass(frozen=True)
class SameMeanDistribution(ProbabilityVector):
    """A probability vector p with Σ_k p_k z_k = Σ_k σ_k z_k, σ = softmax(βz): σ moved along a
    random direction orthogonal to 1 and to z, by a random fraction of the way to the boundary."""

    logits: object = None
    factor: object = None

    def sample(self, rng, values):
        size = concrete_size(self.size, values)
        logits = values[self.logits]
        gibbs = mp_softmax([values[self.factor] * v for v in logits])
        basis = []
        for candidate in ([mpmath.mpf(1)] * size, list(logits)):  # Gram-Schmidt on 1, z
            for b in basis:
                candidate = [u - mpmath.fsum(x * y for x, y in zip(candidate, b)) * w for u, w in zip(candidate, b)]
            norm = mpmath.sqrt(mpmath.fsum(u * u for u in candidate))
            basis.append([u / norm for u in candidate])
        direction = [uniform(rng, -1, 1) for _ in range(size)]
        for b in basis:
            direction = [u - mpmath.fsum(x * y for x, y in zip(direction, b)) * w for u, w in zip(direction, b)]
        largest = max(abs(u) for u in direction)
        fraction = uniform(rng, "0.1", "0.9")
        return [s + fraction * min(gibbs) / largest * u for s, u in zip(gibbs, direction)]

    def latex(self, name):
        return rf"{name} \in \Delta^{{{sp.latex(self.size)}}}, \ \mathbb{{E}}_{{{name}}}[z] = \mathbb{{E}}_{{\sigma(\beta z)}}[z]"


# --- oracles: plain mpmath from the definitions ---------------------------------------


def mp_gibbs(point):
    return mp_softmax([point.beta * v for v in point.z])


def oracle_gibbs_entropy(point):
    return mp_entropy(mp_gibbs(point))


def oracle_entropy_gap(point):
    return mp_entropy(mp_gibbs(point)) - mp_entropy(point.p)


def oracle_entropy_p(point):
    return mp_entropy(point.p)


# --- claims ---------------------------------------------------------------------------

gibbs_entropy = log_partition - beta * mean_sigma
entropy_claim = Claim(
    label="entropy of the Gibbs distribution",
    text=r"Let $\sigma = \sigma(\beta z)$, $\sigma_k = \exp(\beta z_k)/\sum_l \exp(\beta z_l)$. As $\log \sigma_k = \beta z_k - \log \sum_l \exp(\beta z_l)$,",
    statement=sp.Eq(Entropy(sigma, n), gibbs_entropy, evaluate=False),
    steps=[
        Step(Entropy(sigma, n)),
        Step(
            -Sum(sigma_k * (beta * z[k] - log_partition), k, n), because="definition of the entropy; log of the softmax"
        ),
        Step(
            log_partition * Sum(sigma_k, k, n) - beta * Sum(sigma_k * z[k], k, n),
            because=r"split the sum; $\log \sum_l \exp(\beta z_l)$ does not depend on $k$",
        ),
        Step(gibbs_entropy, because=r"$\sum_k \sigma_k = 1$; definition of $\mathbb{E}_{\sigma}[z]$"),
    ],
    oracle=oracle_gibbs_entropy,
)

general_gap = KL(p, sigma, n) + beta * (mean_p - mean_sigma)
general_claim = Claim(
    label="for any distribution",
    text=r"For every distribution $p$,",
    statement=sp.Eq(Entropy(sigma, n) - Entropy(p, n), general_gap, evaluate=False),
    steps=[
        Step(Entropy(sigma, n) - Entropy(p, n)),
        Step(gibbs_entropy - Entropy(p, n), by=entropy_claim),
        Step(
            Sum(p[k] * sp.log(p[k]), k, n) + log_partition * Sum(p[k], k, n) - beta * mean_sigma,
            because=r"definition of $H(p)$; $\sum_k p_k = 1$",
        ),
        Step(
            Sum(p[k] * (sp.log(p[k]) - (beta * z[k] - log_partition)), k, n)
            + beta * Sum(p[k] * z[k], k, n)
            - beta * mean_sigma,
            because=r"add and subtract $\beta \sum_k p_k z_k$",
        ),
        Step(
            Sum(p[k] * sp.log(p[k] / sigma_k), k, n) + beta * (mean_p - mean_sigma),
            because=r"$\beta z_k - \log \sum_l \exp(\beta z_l) = \log \sigma_k$; log of a quotient",
        ),
        Step(general_gap, because=r"definition of $D_{\mathrm{KL}}$"),
    ],
    oracle=oracle_entropy_gap,
)

# p drawn with the expected logit of sigma (and p != sigma); needs n >= 3 for room to move
same_mean = Domain(
    {
        n: dimension(3, 6),
        z: vector(n, reals(-3, 3)),
        beta: reals(-3, 3),
        p: SameMeanDistribution(n, logits=z, factor=beta),
    }
)

same_mean_claim = Claim(
    label="same expected logit",
    text=r"If $p$ has the same expected logit as $\sigma$, $\mathbb{E}_{p}[z] = \mathbb{E}_{\sigma}[z]$, the gap is a divergence:",
    statement=sp.Eq(Entropy(sigma, n) - Entropy(p, n), KL(p, sigma, n), evaluate=False),
    steps=[
        Step(Entropy(sigma, n) - Entropy(p, n)),
        Step(general_gap, by=general_claim),
        Step(KL(p, sigma, n), because=r"$\mathbb{E}_{p}[z] = \mathbb{E}_{\sigma}[z]$"),
    ],
    oracle=oracle_entropy_gap,
    domain=same_mean,
)


def bound_steps(relation, because):
    return [
        Step(Entropy(p, n)),
        Step(Entropy(sigma, n) - KL(p, sigma, n), by=same_mean_claim),
        Step(Entropy(sigma, n), relation=relation, because=because, by=gibbs_inequality),
    ]


maximum_claim = Claim(
    label="maximum entropy",
    text=r"So among all distributions with that expected logit the softmax has the largest entropy:",
    statement=Statement(Entropy(p, n), "<=", Entropy(sigma, n)),
    steps=bound_steps("<=", r"Gibbs' inequality $D_{\mathrm{KL}}(p \,\|\, \sigma) \ge 0$ ({by})"),
    oracle=oracle_entropy_p,
    domain=same_mean,
)

strict_claim = Claim(
    label="only the softmax attains it",
    text=r"and every other such distribution, $p \ne \sigma$, has strictly less:",
    statement=Statement(Entropy(p, n), "<", Entropy(sigma, n)),
    steps=bound_steps(
        "<", r"Gibbs' inequality is strict ({by}): $D_{\mathrm{KL}}(p \,\|\, \sigma) > 0$ for $p \ne \sigma$"
    ),
    oracle=oracle_entropy_p,
    domain=same_mean,
)

SPREAD = [mpmath.mpf(1), mpmath.mpf(0), mpmath.mpf(-1)]
remarks = [
    Remark(
        text=(
            r"Example: at $\beta = 0$ the Gibbs distribution is uniform. For $z = (1, 0, -1)$ it has "
            r"$\mathbb{E}_{\sigma}[z] = 0$, like $p = (1/4, 1/2, 1/4)$, and "
            r"$H(\sigma) - H(p) = \log 3 - \tfrac{3}{2} \log 2 = D_{\mathrm{KL}}(p \,\|\, \sigma) \approx {value}$ nats."
        ),
        value=KL(p, SoftmaxVector(ScaledLogits(z, beta), 3), 3),
        at=Point({p: [mpmath.mpf(1) / 4, mpmath.mpf(1) / 2, mpmath.mpf(1) / 4], z: SPREAD, beta: mpmath.mpf(0)}),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# z the energies (logits), β the inverse temperature, σ(βz) the Gibbs distribution (also g, q),
# p any distribution over the n outcomes.

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n),
    entries={
        name: computed_vector(lambda index, length: Softmax(ScaledLogits(z, beta), index, length), n)
        for name in ("g", "q", "p_beta")
    },
    examples=[
        (
            r"H(q) = \log \sum_l e^{\beta z_l} - \beta \sum_k q_k z_k",
            r"H(q) = \log \sum_l e^{\beta z_l} + \beta \sum_k q_k z_k",
        ),
        (
            r"H(q) - H(p) = \beta\left(\sum_k p_k z_k - \sum_k q_k z_k\right) + D_{\mathrm{KL}}(p \| q)",
            r"H(q) - H(p) = \beta\left(\sum_k p_k z_k - \sum_k q_k z_k\right) - D_{\mathrm{KL}}(p \| q)",
        ),
    ],
)


softmax_maximum_entropy = Result(
    vocabulary=vocabulary,
    title="The softmax maximises entropy for a given expected logit",
    area="Softmax and losses",
    claims=[entropy_claim, general_claim, same_mean_claim, maximum_claim, strict_claim],
    domain=Domain({n: dimension(1, 6), z: vector(n, reals(-3, 3)), beta: reals(-3, 3), p: probability_vector(n)}),
    # the second rule is the hypothesis of (c)-(e); (a) and (b) are proved without it (see the tests)
    rules=[sp.Eq(Sum(p[k], k, n), 1), sp.Eq(Sum(p[k] * z[k], k, n), unfold(mean_sigma))],
    remarks=remarks,
    references=["jaynes1957", "cover2006", "gibbs1902"],
    uses=["cross_entropy_decomposition"],
)
