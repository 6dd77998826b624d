"""A Gaussian prior w_i ~ N(0, σ²) makes MAP estimation minimise the negative log-likelihood plus the L2 penalty (λ/2)‖w‖² with λ = 1/σ² (λ = 1/(Nσ²) for the mean loss over N examples), since −log p(w) = ‖w‖²/(2σ²) + (d/2) log(2πσ²).

Conventions: written as (λ/2)‖w‖², whose gradient is λw, the prior N(0, σ²) on each of
the d weights gives λ = 1/σ²; written as λ‖w‖² the same prior gives λ = 1/(2σ²). By
Bayes' rule −log p(w | D) = −log p(D | w) − log p(w) + log p(D), and the terms
(d/2) log(2πσ²) and log p(D) do not depend on w, so they do not move the maximiser.
Training usually minimises the mean loss over N examples, which divides everything by
N: the equivalent coefficient there is λ = 1/(Nσ²), so the same prior asks for less
decay the more data there is. The equivalence is for the penalised loss (plain
gradient descent decays weights by ηλw per step); decoupled weight decay in adaptive
optimisers such as AdamW is not an L2 penalty on the loss.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, dimensions, positive, reals, vector
from derive.domain import Point
from derive.identities.bayes_rule import bayes_rule
from derive.notation import Notation, PrintedName, Sum, d, i
from derive.vocabulary import Vocabulary, argument_text, call, computed_number, number_of, refuse

w = sp.IndexedBase("w", real=True)  # the weights
sigma = sp.Symbol("sigma", positive=True)  # prior standard deviation
N = sp.Symbol("N", integer=True, positive=True)  # number of training examples


likelihood = PrintedName("likelihood", r"p(\mathcal{D} \mid w)", "p(D | w)", positive=True)  # p(D | w) at these weights
evidence = PrintedName("evidence", r"p(\mathcal{D})", "p(D)", positive=True)  # p(D), a constant


class SquaredNorm(Notation):
    """‖w‖² = Σ_i w_i²."""

    nargs = 2  # vector, dimension

    def definition(self):
        vec, size = self.args
        dummy = sp.Symbol("k", integer=True, positive=True)
        return sp.Sum(vec[dummy] ** 2, (dummy, 1, size))

    def _eval_is_nonnegative(self):
        return True

    def _latex(self, printer, exp=None):
        return rf"\|{printer._print(self.args[0])}\|^{{2}}"

    def _unicode(self, printer):
        return f"‖{printer._print(self.args[0])}‖²"


def gaussian_factor(value):
    """The N(0, σ²) density at ``value``: (2πσ²)^(−1/2) exp(−value²/(2σ²))."""
    return sp.Mul(
        sp.Pow(2 * sp.pi * sigma**2, -sp.Rational(1, 2), evaluate=False),
        sp.exp(-(value**2) / (2 * sigma**2)),
        evaluate=False,
    )


class Prior(Notation):
    """p(w) = Π_i N(w_i; 0, σ²): independent Gaussian weights."""

    nargs = 3  # weights, σ, dimension

    def definition(self):
        vec, _, size = self.args
        dummy = sp.Symbol("k", integer=True, positive=True)
        return sp.Product(gaussian_factor(vec[dummy]), (dummy, 1, size))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"p({printer._print(self.args[0])})"

    def _unicode(self, printer):
        return f"p({printer._print(self.args[0])})"


class Posterior(Notation):
    """p(w | D) = p(D | w) p(w) / p(D), Bayes' rule."""

    nargs = 3  # weights, σ, dimension

    def definition(self):
        return likelihood * Prior(*self.args) / evidence

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"p({printer._print(self.args[0])} \mid \mathcal{{D}})"

    def _unicode(self, printer):
        return f"p({printer._print(self.args[0])} | D)"


class Decay(Notation):
    """λ = 1/σ², the coefficient of (λ/2)‖w‖²; with a divisor N, λ_N = 1/(Nσ²)."""

    nargs = 2  # σ, the divisor (1 for the summed loss, N for the mean loss)

    def definition(self):
        scale, divisor = self.args
        return 1 / (divisor * scale**2)

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return r"\lambda" if self.args[1] == 1 else rf"\lambda_{{{printer._print(self.args[1])}}}"

    def _unicode(self, printer):
        return "λ" if self.args[1] == 1 else f"λ_{printer._print(self.args[1])}"


prior = Prior(w, sigma, d)
posterior = Posterior(w, sigma, d)
norm2 = SquaredNorm(w, d)
lam = Decay(sigma, 1)
lam_mean = Decay(sigma, N)
log_normaliser = d / 2 * sp.log(2 * sp.pi * sigma**2)  # (d/2) log(2πσ²), independent of w
nll = -sp.log(likelihood)
constant = log_normaliser + sp.log(evidence)  # independent of w


# --- oracles: mpmath's normal density -------------------------------------------------------


def mp_neg_log_prior(point):
    """−log Π_i φ(w_i; 0, σ), with φ mpmath's normal density."""
    return -mpmath.log(mpmath.fprod(mpmath.npdf(value, 0, point.sigma) for value in point.w))


def mp_neg_log_posterior(point):
    """−log(p(D | w) p(w) / p(D))."""
    density = mpmath.fprod(mpmath.npdf(value, 0, point.sigma) for value in point.w)
    return -mpmath.log(point.likelihood * density / point.evidence)


def oracle_mean_objective(point):
    return mp_neg_log_posterior(point) / point.N


# --- claims -----------------------------------------------------------------------------------

neg_log_prior = Claim(
    label="negative log prior",
    text=r"With independent weights $w_i \sim \mathcal{N}(0, \sigma^2)$, $i = 1, \ldots, d$, the negative log prior is",
    statement=sp.Eq(-sp.log(prior), norm2 / (2 * sigma**2) + log_normaliser, evaluate=False),
    steps=[
        Step(-sp.log(prior)),
        Step(
            -sp.log(sp.Product(gaussian_factor(w[i]), (i, 1, d))),
            because=r"the weights are independent, each $\mathcal{N}(0, \sigma^2)$",
        ),
        Step(-Sum(sp.log(gaussian_factor(w[i])), i, d), because="the log of a product is the sum of the logs"),
        Step(
            Sum(w[i] ** 2 / (2 * sigma**2) + sp.log(2 * sp.pi * sigma**2) / 2, i, d), because=r"$\log$ of each factor"
        ),
        Step(
            Sum(w[i] ** 2, i, d) / (2 * sigma**2) + log_normaliser,
            because=r"split the sum; the constant is summed $d$ times",
        ),
        Step(norm2 / (2 * sigma**2) + log_normaliser, because=r"definition of $\|w\|^2$"),
    ],
    oracle=mp_neg_log_prior,
)

map_objective = nll + lam / 2 * norm2 + constant
map_claim = Claim(
    label="MAP is an L2 penalty",
    text=(
        r"So maximising the posterior $p(w \mid \mathcal{D}) = p(\mathcal{D} \mid w) p(w) / p(\mathcal{D})$ "
        r"minimises the negative log-likelihood plus $(\lambda/2)\|w\|^2$ with $\lambda = 1/\sigma^2$ "
        r"(equivalently $\lambda' \|w\|^2$ with $\lambda' = 1/(2\sigma^2)$); the last two terms do not depend on $w$:"
    ),
    statement=sp.Eq(-sp.log(posterior), map_objective, evaluate=False),
    steps=[
        Step(-sp.log(posterior)),
        Step(-sp.log(likelihood * prior / evidence), because="Bayes' rule ({by})", by=bayes_rule),
        Step(nll - sp.log(prior) + sp.log(evidence), because="log of a product and a quotient"),
        Step(nll + norm2 / (2 * sigma**2) + constant, by=neg_log_prior),
        Step(map_objective, because=r"$\lambda = 1/\sigma^2$"),
    ],
    oracle=mp_neg_log_posterior,
)

mean_objective = nll / N + lam_mean / 2 * norm2 + constant / N
mean_claim = Claim(
    label="mean loss over N examples",
    text=(
        r"Training on the mean loss over $N$ examples divides the objective by $N$, "
        r"so the equivalent coefficient is $\lambda_N = 1/(N\sigma^2)$:"
    ),
    statement=sp.Eq(-sp.log(posterior) / N, mean_objective, evaluate=False),
    steps=[
        Step(-sp.log(posterior) / N),
        Step(map_objective / N, by=map_claim),
        Step(nll / N + lam / (2 * N) * norm2 + constant / N, because=r"divide each term by $N$"),
        Step(mean_objective, because=r"$\lambda_N = \lambda/N = 1/(N\sigma^2)$"),
    ],
    oracle=oracle_mean_objective,
)

remarks = [
    Remark(
        text=(
            r"Example: a prior scale $\sigma = 0.1$ with $N = 10^6$ training examples corresponds to "
            r"$\lambda_N = 1/(N\sigma^2) = {value}$ on the mean loss, and to $\lambda = 1/\sigma^2 = 100$ on the summed loss."
        ),
        value=lam_mean,
        at=Point({sigma: mpmath.mpf("0.1"), N: 10**6}),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# w the weights (d of them) with a Gaussian prior of standard deviation σ, 𝒟 the N training
# examples; p(w), p(w | 𝒟), p(𝒟 | w), p(𝒟); λ = 1/σ² the weight decay; π the constant.


def _doc_density(env, atom, side):
    text = argument_text(env, atom)
    densities = {"w": prior, "w|D": posterior, "D|w": likelihood, "D": evidence}
    if text not in densities:
        refuse(f"p({text}) is not p(w), p(w | D), p(D | w) or p(D)")
    return env.concretise(densities[text])


vocabulary = Vocabulary(
    domain_names=True,
    dims={"n": d, "D": d},
    entries={
        "p": call(_doc_density),
        "P": call(_doc_density),
        "lambda": computed_number(lambda env: lam),
        "pi": number_of(sp.pi),
    },
    examples=[
        (
            r"-\log p(w) = \frac{d}{2}\log(2\pi\sigma^2) + \frac{1}{2\sigma^2}\sum_i w_i^2",
            r"-\log p(w) = \frac{d}{2}\log(2\pi\sigma^2) + \frac{1}{\sigma^2}\sum_i w_i^2",
        ),
        (
            r"-\log p(w \mid \mathcal{D}) = -\log p(\mathcal{D} \mid w) + \frac{\lambda}{2}\sum_i w_i^2 + \frac{d}{2}\log(2\pi\sigma^2) + \log p(\mathcal{D})",
            r"-\log p(w \mid \mathcal{D}) = -\log p(\mathcal{D} \mid w) + \frac{\lambda}{2}\sum_i w_i^2 + \frac{d}{2}\log(2\pi\sigma^2) - \log p(\mathcal{D})",
        ),
    ],
)


weight_decay_map = Result(
    vocabulary=vocabulary,
    title="Weight decay is MAP estimation with a Gaussian prior",
    area="Probability",
    claims=[neg_log_prior, map_claim, mean_claim],
    domain=Domain(
        {
            d: dimension(1, 6),
            N: dimensions(1, 10, 1000, 10**6),
            w: vector(d, reals(-3, 3)),
            sigma: positive("0.2", 3),
            likelihood: positive("0.001", 5),
            evidence: positive("0.001", 5),
        }
    ),
    remarks=remarks,
    references=["bishop2006", "goodfellow2016", "loshchilov2019"],
)
