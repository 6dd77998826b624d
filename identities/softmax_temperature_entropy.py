"""The entropy of the softmax at temperature T grows with T: dH(σ(z/T))/dT = Var_σ(z)/T³ ≥ 0, where Var_σ(z) = Σ_k σ_k z_k² − (Σ_k σ_k z_k)², and strictly unless all logits are equal.

Write σ = σ(z/T) for logits z ∈ ℝⁿ and T > 0, and Z = Σ_k e^{z_k/T}. Since
log σ_k = z_k/T − log Z, the entropy is H = log Z − E_σ[z]/T. Differentiating, the
two terms ±E_σ[z]/T² cancel, and ∂σ_k/∂T = σ_k (E_σ[z] − z_k)/T² leaves the variance
of the logits under σ, divided by T³. A variance is a weighted sum of squares, so the
derivative is never negative; it vanishes only when every logit equals the mean,
that is when all logits are equal, and then σ is uniform and H = log n at every T.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, index, positive, reals, vector
from derive.domain import Point
from derive.identities.softmax_temperature import ScaledLogits, T, mp_tempered, tempered
from derive.notation import Entropy, Notation, Softmax, Sum, fresh_index, j, k, l, n, z
from derive.oracles import mp_entropy
from derive.vocabulary import Vocabulary, computed_vector, dimension_names, number_of

# --- notation shared with the maximum-entropy result ----------------------------------


def _name(printer, vec):
    return printer._print(vec.label) if isinstance(vec, sp.IndexedBase) else printer._print(vec)


class SoftmaxVector(sp.Function):
    """The probability vector σ(v) of a logit vector v; entry k is σ_k(v)."""

    nargs = 2  # the logit vector, n

    def __getitem__(self, position):
        vec, size = self.args
        return Softmax(vec, position, size)

    def _latex(self, printer):
        return rf"\sigma({printer._print(self.args[0])})"

    def _unicode(self, printer):
        return f"σ({printer._print(self.args[0])})"


class MeanUnderWeights(Notation):
    """E_w[v] = Σ_k w_k v_k, the mean of the values v under the weights w."""

    nargs = 3  # weights, values, n

    def definition(self):
        weights, values, size = self.args
        dummy = fresh_index(size)
        return sp.Sum(weights[dummy] * values[dummy], (dummy, 1, size))

    def _latex(self, printer):
        weights, values, _ = self.args
        return rf"\mathbb{{E}}_{{{_name(printer, weights)}}}[{_name(printer, values)}]"

    def _unicode(self, printer):
        weights, values, _ = self.args
        return f"E_{_name(printer, weights)}[{_name(printer, values)}]"


class VarianceUnderWeights(Notation):
    """Var_w(v) = Σ_k w_k v_k² − (Σ_k w_k v_k)², the variance of the values v under the weights w."""

    nargs = 3  # weights, values, n

    def definition(self):
        weights, values, size = self.args
        dummy = fresh_index(size)
        return (
            sp.Sum(weights[dummy] * values[dummy] ** 2, (dummy, 1, size)) - MeanUnderWeights(weights, values, size) ** 2
        )

    def _latex(self, printer):
        weights, values, _ = self.args
        return rf"\operatorname{{Var}}_{{{_name(printer, weights)}}}({_name(printer, values)})"

    def _unicode(self, printer):
        weights, values, _ = self.args
        return f"Var_{_name(printer, weights)}({_name(printer, values)})"


class ConstantVector(sp.Function):
    """The vector a·1: every entry is a."""

    nargs = 1

    def __getitem__(self, position):
        return self.args[0]

    def _latex(self, printer):
        return rf"{printer._print(self.args[0])} \mathbf{{1}}"

    def _unicode(self, printer):
        return f"{printer._print(self.args[0])}·1"


a = sp.Symbol("a", real=True)  # the common value of equal logits

sigma = SoftmaxVector(ScaledLogits(z, 1 / T), n)  # σ(z/T)
entropy = Entropy(sigma, n)
mean = MeanUnderWeights(sigma, z, n)
variance = VarianceUnderWeights(sigma, z, n)
log_partition = sp.log(Sum(sp.exp(z[l] / T), l, n))


# --- oracles: plain mpmath from the definitions ---------------------------------------


def mp_tempered_entropy(logits, temperature):
    return mp_entropy(mp_tempered(logits, temperature))


def oracle_entropy(point):
    return mp_tempered_entropy(point.z, point.T)


def oracle_entry_derivative(point):
    return mpmath.diff(lambda temperature: mp_tempered(point.z, temperature)[point.j - 1], point.T)


def oracle_entropy_derivative(point):
    return mpmath.diff(lambda temperature: mp_tempered_entropy(point.z, temperature), point.T)


def oracle_equal_logits(point):
    return mpmath.diff(lambda temperature: mp_tempered_entropy([point.a] * point.n, temperature), point.T)


# --- claims ---------------------------------------------------------------------------

closed_form = log_partition - mean / T
entropy_claim = Claim(
    label="entropy",
    text=r"With $\sigma = \sigma(z/T)$ and $\log \sigma_k = z_k/T - \log \sum_l \exp(z_l/T)$, the entropy is",
    statement=sp.Eq(entropy, closed_form, evaluate=False),
    steps=[
        Step(entropy),
        Step(-Sum(tempered(k, T) * sp.log(tempered(k, T)), k, n), because="definition of the entropy"),
        Step(
            -Sum(tempered(k, T) * (z[k] / T - log_partition), k, n),
            because=r"log of the softmax: $\log(\exp(z_k/T)/\sum_l \exp(z_l/T))$",
        ),
        Step(
            log_partition * Sum(tempered(k, T), k, n) - Sum(tempered(k, T) * z[k], k, n) / T,
            because=r"split the sum; $\log \sum_l \exp(z_l/T)$ does not depend on $k$",
        ),
        Step(closed_form, because=r"$\sum_k \sigma_k = 1$; definition of $\mathbb{E}_{\sigma}[z]$"),
    ],
    oracle=oracle_entropy,
)

entry_derivative = sp.Derivative(tempered(j, T), T)
normaliser = Sum(sp.exp(z[k] / T), k, n)
entry_claim = Claim(
    label="derivative of an entry",
    text=r"Each entry moves with the temperature as",
    statement=sp.Eq(entry_derivative, tempered(j, T) * (mean - z[j]) / T**2, evaluate=False),
    steps=[
        Step(entry_derivative),
        Step(sp.Derivative(sp.exp(z[j] / T) / normaliser, T), because="definition of the softmax"),
        Step(
            -z[j] / T**2 * sp.exp(z[j] / T) / normaliser
            + sp.exp(z[j] / T) * Sum(z[k] / T**2 * sp.exp(z[k] / T), k, n) / normaliser**2,
            because=r"quotient rule; $\partial \exp(z_k/T)/\partial T = -(z_k/T^{2}) \exp(z_k/T)$",
        ),
        Step(
            tempered(j, T) * (Sum(tempered(k, T) * z[k], k, n) - z[j]) / T**2,
            because=r"definition of the softmax; $\exp(z_k/T)/\sum_l \exp(z_l/T) = \sigma_k$ inside the sum",
        ),
        Step(tempered(j, T) * (mean - z[j]) / T**2, because=r"definition of $\mathbb{E}_{\sigma}[z]$"),
    ],
    oracle=oracle_entry_derivative,
)

entropy_derivative = sp.Derivative(entropy, T)
square_sum = Sum(tempered(k, T) * (z[k] - mean) ** 2, k, n) / T**3
derivative_claim = Claim(
    label="derivative of the entropy",
    text=r"The entropy changes with the temperature at the rate",
    statement=sp.Eq(entropy_derivative, variance / T**3, evaluate=False),
    steps=[
        Step(entropy_derivative),
        Step(sp.Derivative(closed_form, T), by=entropy_claim),
        Step(
            Sum(-z[k] / T**2 * sp.exp(z[k] / T), k, n) / normaliser
            + mean / T**2
            - Sum(z[k] * sp.Derivative(tempered(k, T), T), k, n) / T,
            because=r"chain rule on $\log \sum_k \exp(z_k/T)$; product rule on $\mathbb{E}_{\sigma}[z]/T$",
        ),
        Step(
            -Sum(z[k] * sp.Derivative(tempered(k, T), T), k, n) / T,
            because=r"the first term is $-\mathbb{E}_{\sigma}[z]/T^{2}$ and cancels the second",
        ),
        Step(-Sum(z[k] * tempered(k, T) * (mean - z[k]), k, n) / T**3, by=entry_claim),
        Step(
            (Sum(tempered(k, T) * z[k] ** 2, k, n) - mean * Sum(tempered(k, T) * z[k], k, n)) / T**3,
            because=r"multiply out; $\mathbb{E}_{\sigma}[z]$ does not depend on $k$",
        ),
        Step(variance / T**3, because=r"definitions of $\mathbb{E}_{\sigma}[z]$ and $\operatorname{Var}_{\sigma}(z)$"),
    ],
    oracle=oracle_entropy_derivative,
)


def growth_steps(relation, because):
    return [
        Step(entropy_derivative),
        Step(variance / T**3, by=derivative_claim),
        Step(square_sum, because=r"expand the square; $\sum_k \sigma_k = 1$"),
        Step(sp.Integer(0), relation=relation, because=because),
    ]


grows = Claim(
    label="entropy grows with T",
    text=r"A variance is a weighted sum of squares, so the entropy never decreases as $T$ grows:",
    statement=sp.Ge(entropy_derivative, 0, evaluate=False),
    steps=growth_steps(">=", r"$\sigma_k > 0$, squares are $\ge 0$, and $T > 0$"),
    oracle=oracle_entropy_derivative,
)

strictly = Claim(
    label="strictly unless logits are equal",
    text=r"It increases strictly when not all logits are equal (here drawn at random, $n \ge 2$):",
    statement=sp.Gt(entropy_derivative, 0, evaluate=False),
    steps=growth_steps(
        ">", r"some $z_k \ne \mathbb{E}_{\sigma}[z]$ when the logits are not all equal, and $\sigma_k > 0$"
    ),
    oracle=oracle_entropy_derivative,
    domain=Domain({n: dimension(2, 6), z: vector(n, reals(-5, 5)), T: positive("0.2", 5), j: index(n)}),
)

flat = SoftmaxVector(ScaledLogits(ConstantVector(a), 1 / T), n)
flat_derivative = sp.Derivative(Entropy(flat, n), T)
equal_logits = Claim(
    label="equal logits",
    text=r"When all logits equal some $a$, the softmax is uniform at every temperature and the entropy stays $\log n$:",
    statement=sp.Eq(flat_derivative, 0, evaluate=False),
    steps=[
        Step(flat_derivative),
        Step(sp.Derivative(-Sum(sp.log(1 / n) / n, k, n), T), because=r"$\sigma_k = \exp(a/T)/(n \exp(a/T)) = 1/n$"),
        Step(sp.Derivative(sp.log(n), T), because=r"$n$ equal terms"),
        Step(sp.Integer(0), because=r"$\log n$ does not depend on $T$"),
    ],
    oracle=oracle_equal_logits,
    domain=Domain({n: dimension(1, 6), a: reals(-5, 5), T: positive("0.2", 5)}),
)

EXAMPLE = [mpmath.mpf(2), mpmath.mpf(1), mpmath.mpf(0)]
remarks = [
    Remark(
        text=r"Example: for $z = (2, 1, 0)$ at $T = 1$ the entropy is $H \approx {value}$ nats,",
        value=entropy,
        at=Point({n: 3, z: EXAMPLE, T: mpmath.mpf(1)}),
    ),
    Remark(
        text=r"and it grows at the rate $\operatorname{Var}_{\sigma}(z)/T^{3} \approx {value}$ nats per unit of $T$.",
        value=variance / T**3,
        at=Point({n: 3, z: EXAMPLE, T: mpmath.mpf(1)}),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# z the logits, T (τ) the temperature, p (q) the softmax at temperature T: p_j = σ_j(z/T);
# H(p) its entropy.

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
        (
            r"H(p) = \log \sum_l e^{z_l/T} - \frac{1}{T}\sum_k p_k z_k",
            r"H(p) = \log \sum_l e^{z_l/T} + \frac{1}{T}\sum_k p_k z_k",
        ),
        (
            r"\frac{\partial p_j}{\partial T} = \frac{p_j}{T^2}\left(\sum_k p_k z_k - z_j\right)",
            r"\frac{\partial p_j}{\partial T} = \frac{p_j}{T}\left(\sum_k p_k z_k - z_j\right)",
        ),
    ],
)


softmax_temperature_entropy = Result(
    vocabulary=vocabulary,
    title="The entropy of the softmax grows with the temperature",
    area="Softmax and losses",
    claims=[entropy_claim, entry_claim, derivative_claim, grows, strictly, equal_logits],
    domain=Domain({n: dimension(1, 6), z: vector(n, reals(-5, 5)), T: positive("0.2", 5), j: index(n)}),
    remarks=remarks,
    references=["hinton2015", "jaynes1957", "cover2006"],
)
