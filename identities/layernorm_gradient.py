"""Through layer normalisation y_i = γ_i x̂_i + β_i, an upstream gradient g = ∂L/∂y gives ∂L/∂β_j = g_j, ∂L/∂γ_j = g_j x̂_j and ∂L/∂x_j = (γ_j g_j − (1/d) Σ_i γ_i g_i − x̂_j (1/d) Σ_i γ_i g_i x̂_i)/√(σ² + ε).

Here x ∈ ℝ^d, μ and σ² are the mean and the biased variance of x, x̂_i = (x_i − μ)/√(σ² + ε)
and ε > 0. The input gradient is derived for symbolic d by the chain rule through μ and
σ², using ∂μ/∂x_j = 1/d and ∂σ²/∂x_j = 2(x_j − μ)/d (the deviations x_k − μ sum to
zero). A form of it often printed with (x_j − μ)/(d σ²) in its last term, i.e. with ε
dropped from one factor, is the gradient only at ε = 0: for ε > 0 it is off by a term
proportional to ε, which the last claim derives.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, index, positive, reals, vector
from derive.domain import Point
from derive.notation import Notation, Sum, bracketed_latex_power, d, delta, fresh_index, g, i, j, k, l, x
from derive.oracles import mp_layernorm, mp_mean, mp_partial, mp_variance
from derive.vocabulary import Vocabulary, computed_number, function_of, number_of, vector_of, vector_value

gamma = sp.IndexedBase("gamma", real=True)  # gain, one per feature
beta = sp.IndexedBase("beta", real=True)  # bias, one per feature
eps = sp.Symbol("epsilon", positive=True)


class MeanOfFeatures(Notation):
    """μ = (1/d) Σ_k x_k, the mean of the features."""

    nargs = 2

    def definition(self):
        vec, size = self.args
        dummy = fresh_index(vec, size)
        return Sum(vec[dummy], dummy, size) / size

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(r"\mu", exp)

    def _unicode(self, printer, **kwargs):
        return "μ"


class VarianceOfFeatures(Notation):
    """σ² = (1/d) Σ_l (x_l − μ)², the biased (population) variance of the features."""

    nargs = 2

    def definition(self):
        vec, size = self.args
        outer = fresh_index(vec, size, k)  # μ unfolds with k, so σ² sums over another index
        return Sum((vec[outer] - MeanOfFeatures(vec, size)) ** 2, outer, size) / size

    def _eval_is_nonnegative(self):
        return True

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(r"\sigma^{2}", exp)

    def _unicode(self, printer, **kwargs):
        return "σ²"


class Normalised(Notation):
    """x̂_i = (x_i − μ)/√(σ² + ε), feature ``i`` after normalisation."""

    nargs = 4

    def definition(self):
        vec, position, size, offset = self.args
        return (vec[position] - MeanOfFeatures(vec, size)) / sp.sqrt(VarianceOfFeatures(vec, size) + offset)

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(rf"\hat{{x}}_{{{printer._print(self.args[1])}}}", exp)

    def _unicode(self, printer, **kwargs):
        return f"x̂_{printer._print(self.args[1])}"


class LayerNormOutput(Notation):
    """y_i = γ_i (x_i − μ)/√(σ² + ε) + β_i, output ``i`` of layer normalisation."""

    nargs = 6

    def definition(self):
        vec, gain, bias, offset, position, size = self.args
        return (
            gain[position]
            * (vec[position] - MeanOfFeatures(vec, size))
            / sp.sqrt(VarianceOfFeatures(vec, size) + offset)
            + bias[position]
        )

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(rf"y_{{{printer._print(self.args[4])}}}", exp)

    def _unicode(self, printer, **kwargs):
        return f"y_{printer._print(self.args[4])}"


class DroppedEpsilonForm(Notation):
    """D_j: the input gradient with σ² in place of σ² + ε in the denominator of its last term."""

    nargs = 6

    def definition(self):
        vec, gain, upstream, offset, position, size = self.args
        dummy = sp.Symbol("m" if position == i else "i", integer=True, positive=True)
        mean, variance = MeanOfFeatures(vec, size), VarianceOfFeatures(vec, size)
        weighted = Sum(gain[dummy] * upstream[dummy], dummy, size)
        weighted_deviation = Sum(gain[dummy] * upstream[dummy] * (vec[dummy] - mean), dummy, size)
        last = (vec[position] - mean) * weighted_deviation / (size * variance)
        return (gain[position] * upstream[position] - weighted / size - last) / sp.sqrt(variance + offset)

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(rf"D_{{{printer._print(self.args[4])}}}", exp)

    def _unicode(self, printer, **kwargs):
        return f"D_{printer._print(self.args[4])}"


mu = MeanOfFeatures(x, d)
var = VarianceOfFeatures(x, d)


def xhat(position):
    return Normalised(x, position, d, eps)


def y(position):
    return LayerNormOutput(x, gamma, beta, eps, position, d)


scale = 1 / sp.sqrt(var + eps)  # 1/√(σ² + ε)
sum_gg = Sum(gamma[i] * g[i], i, d)  # Σ_i γ_i g_i
sum_ggc = Sum(gamma[i] * g[i] * (x[i] - mu), i, d)  # Σ_i γ_i g_i (x_i − μ)


def chain_rule(wrt):
    """Σ_i g_i ∂y_i/∂wrt: the gradient of L, which depends on y only through g = ∂L/∂y."""
    return Sum(g[i] * sp.Derivative(y(i), wrt), i, d)


def layernorm_formula(position):
    return gamma[position] * (x[position] - mu) * scale + beta[position]


# ∂L/∂x_j in the closed form with x̂, and the form that drops ε from the last term.
input_gradient = scale * (gamma[j] * g[j] - sum_gg / d - xhat(j) * Sum(gamma[i] * g[i] * xhat(i), i, d) / d)
printed_form = scale * (gamma[j] * g[j] - sum_gg / d - (x[j] - mu) * sum_ggc / (d * var))
dropped_form = DroppedEpsilonForm(x, gamma, g, eps, j, d)  # D_j, which unfolds to printed_form
discrepancy = eps * (x[j] - mu) * sum_ggc / (d * var * (var + eps) ** sp.Rational(3, 2))
variance_slope = sp.Mul(2, x[j] - mu, 1 / d, evaluate=False)  # 2(x_j − μ)/d, kept unexpanded


# --- oracles: plain mpmath from the definition of layer normalisation -------------


def _loss(point, features=None, gains=None, biases=None):
    """Σ_i g_i y_i, whose partial derivatives are the chain-rule sums Σ_i g_i ∂y_i/∂(·)."""
    outputs = mp_layernorm(
        point.x if features is None else features,
        point.gamma if gains is None else gains,
        point.beta if biases is None else biases,
        point.epsilon,
    )
    return mpmath.fsum(weight * output for weight, output in zip(point.g, outputs))


def oracle_beta(point):
    return mp_partial(lambda biases: _loss(point, biases=biases), point.beta, point.j - 1)


def oracle_gamma(point):
    return mp_partial(lambda gains: _loss(point, gains=gains), point.gamma, point.j - 1)


def oracle_mean(point):
    return mp_partial(mp_mean, point.x, point.j - 1)


def oracle_variance(point):
    return mp_partial(mp_variance, point.x, point.j - 1)


def oracle_input(point):
    return mp_partial(lambda features: _loss(point, features=features), point.x, point.j - 1)


samplers = {
    d: dimension(1, 6),  # at d = 1 the variance is 0, which is fine while epsilon > 0
    x: vector(d, reals(-3, 3)),
    gamma: vector(d, reals(-2, 2)),
    beta: vector(d, reals(-2, 2)),
    g: vector(d, reals(-2, 2)),
    eps: positive("0.001", 1),
    j: index(d),
}
domain = Domain(samplers)


# --- claims -----------------------------------------------------------------------

bias_gradient = Claim(
    label="bias",
    text=(
        r"Let $\mu = (1/d)\sum_k x_k$, $\sigma^2 = (1/d)\sum_k (x_k - \mu)^2$, "
        r"$\hat{x}_i = (x_i - \mu)/\sqrt{\sigma^2+\epsilon}$ and $y_i = \gamma_i \hat{x}_i + \beta_i$, and let "
        r"$g_i = \partial L/\partial y_i$, so that $\partial L/\partial \theta = \sum_i g_i\, \partial y_i/\partial \theta$ "
        r"for every parameter $\theta$. The gradient with respect to the bias $\beta_j$ is the upstream gradient:"
    ),
    statement=sp.Eq(chain_rule(beta[j]), g[j], evaluate=False),
    steps=[
        Step(chain_rule(beta[j])),
        Step(Sum(g[i] * sp.Derivative(layernorm_formula(i), beta[j]), i, d), because=r"definition of $y_i$"),
        Step(
            Sum(g[i] * delta(i, j), i, d),
            because=r"only the term $\beta_i$ depends on $\beta_j$: $\partial \beta_i/\partial \beta_j = \delta_{ij}$",
        ),
        Step(g[j], because=r"$\delta_{ij}$ picks the term $i = j$"),
    ],
    oracle=oracle_beta,
)

gain_gradient = Claim(
    label="gain",
    text=r"The gradient with respect to the gain $\gamma_j$ is the upstream gradient times the normalised feature:",
    statement=sp.Eq(chain_rule(gamma[j]), g[j] * xhat(j), evaluate=False),
    steps=[
        Step(chain_rule(gamma[j])),
        Step(Sum(g[i] * sp.Derivative(layernorm_formula(i), gamma[j]), i, d), because=r"definition of $y_i$"),
        Step(
            Sum(g[i] * delta(i, j) * (x[i] - mu) * scale, i, d),
            because=r"$y_i$ is linear in $\gamma_i$ and does not depend on $\gamma_j$ for $j \ne i$",
        ),
        Step(g[j] * (x[j] - mu) * scale, because=r"$\delta_{ij}$ picks the term $i = j$"),
        Step(g[j] * xhat(j), because="definition of the normalised feature"),
    ],
    oracle=oracle_gamma,
)

mean_derivative = Claim(
    label="derivative of the mean",
    text=r"Each feature moves the mean by $1/d$:",
    statement=sp.Eq(sp.Derivative(mu, x[j]), 1 / d, evaluate=False),
    steps=[
        Step(sp.Derivative(mu, x[j])),
        Step(sp.Derivative(Sum(x[k], k, d) / d, x[j]), because=r"definition of $\mu$"),
        Step(Sum(delta(k, j), k, d) / d, because=r"$\partial x_k/\partial x_j = \delta_{kj}$"),
        Step(1 / d, because=r"$\delta_{kj}$ picks the term $k = j$"),
    ],
    oracle=oracle_mean,
)

variance_derivative = Claim(
    label="derivative of the variance",
    text=r"Each feature moves the variance in proportion to its deviation from the mean:",
    statement=sp.Eq(sp.Derivative(var, x[j]), variance_slope, evaluate=False),
    steps=[
        Step(sp.Derivative(var, x[j])),
        Step(sp.Derivative(Sum((x[l] - mu) ** 2, l, d) / d, x[j]), because=r"definition of $\sigma^2$"),
        Step(
            Sum(sp.Mul(2, x[l] - mu, delta(l, j) - sp.Derivative(mu, x[j]), evaluate=False), l, d) / d,
            because=r"chain rule, with $\partial x_l/\partial x_j = \delta_{lj}$",
        ),
        Step(
            sp.Mul(2, (x[j] - mu) - Sum(x[l] - mu, l, d) / d, 1 / d, evaluate=False),
            because=r"$\delta_{lj}$ picks the term $l = j$; $\partial \mu/\partial x_j = 1/d$",
        ),
        Step(variance_slope, because=r"the deviations sum to zero: $\sum_l (x_l - \mu) = \sum_l x_l - d\mu = 0$"),
    ],
    oracle=oracle_variance,
)

# (e) as it is usually printed: the factor 1/√(σ² + ε) in front, γ before g, the mean term before the x̂ term
as_written = lambda *factors: sp.Mul(*factors, evaluate=False)  # noqa: E731
input_gradient_display = as_written(
    scale,
    sp.Add(
        as_written(gamma[j], g[j]),
        -Sum(as_written(gamma[i], g[i]), i, d) / d,
        -xhat(j) / d * Sum(as_written(gamma[i], g[i], xhat(i)), i, d),
        evaluate=False,
    ),
)
input_gradient_expanded = (gamma[j] * g[j] - sum_gg / d) * scale - (x[j] - mu) * sum_ggc / (
    d * (var + eps) ** sp.Rational(3, 2)
)

input_gradient_claim = Claim(
    label="input",
    text=r"The gradient with respect to the input $x_j$ is",
    statement=sp.Eq(chain_rule(x[j]), input_gradient, evaluate=False),
    display=input_gradient_display,
    steps=[
        Step(chain_rule(x[j])),
        Step(Sum(g[i] * sp.Derivative(layernorm_formula(i), x[j]), i, d), because=r"definition of $y_i$"),
        Step(
            Sum(
                g[i]
                * gamma[i]
                * (
                    (delta(i, j) - sp.Derivative(mu, x[j])) * scale
                    - (x[i] - mu) * sp.Derivative(var, x[j]) / (2 * (var + eps) ** sp.Rational(3, 2))
                ),
                i,
                d,
            ),
            because=r"product rule, and the chain rule for $1/\sqrt{\sigma^2+\epsilon}$; $\beta_i$ does not depend on $x_j$",
        ),
        Step(
            Sum(
                g[i]
                * gamma[i]
                * ((delta(i, j) - 1 / d) * scale - (x[i] - mu) * (x[j] - mu) / (d * (var + eps) ** sp.Rational(3, 2))),
                i,
                d,
            ),
            because=r"$\partial \mu/\partial x_j = 1/d$ and $\partial \sigma^2/\partial x_j = 2(x_j - \mu)/d$ (parts {by1}, {by2})",
            by=(mean_derivative, variance_derivative),
            proof="algebra",
        ),
        Step(input_gradient_expanded, because=r"split the sum; $\delta_{ij}$ picks the term $i = j$"),
        Step(input_gradient, because=r"factor out $1/\sqrt{\sigma^2+\epsilon}$; definition of the normalised features"),
    ],
    oracle=oracle_input,
)

printed_form_error = Claim(
    label="form without epsilon",
    text=(
        r"Let $D_j$ be the often printed variant of {by} whose last term is "
        r"$(x_j - \mu) \sum_i \gamma_i g_i (x_i - \mu)/(d\sigma^2)$ instead of "
        r"$\hat{x}_j (1/d) \sum_i \gamma_i g_i \hat{x}_i = (x_j - \mu) \sum_i \gamma_i g_i (x_i - \mu)/(d(\sigma^2+\epsilon))$. "
        r"It misses the gradient by a term proportional to $\epsilon$, so it is exact only at $\epsilon = 0$ (it needs $\sigma^2 > 0$, so $d \ge 2$):"
    ),
    text_by=input_gradient_claim,
    statement=sp.Eq(chain_rule(x[j]), dropped_form + discrepancy, evaluate=False),
    steps=[
        Step(chain_rule(x[j])),
        Step(input_gradient, because="part {by}", by=input_gradient_claim, proof="algebra"),
        Step(
            printed_form + (x[j] - mu) * sum_ggc * scale / d * (1 / var - 1 / (var + eps)),
            because=r"the two forms differ only in the last term, by $1/\sigma^2$ against $1/(\sigma^2+\epsilon)$",
        ),
        Step(
            printed_form + discrepancy,
            because=r"$1/\sigma^2 - 1/(\sigma^2+\epsilon) = \epsilon/(\sigma^2(\sigma^2+\epsilon))$",
            proof="algebra",
        ),
        Step(dropped_form + discrepancy, because=r"definition of $D_j$"),
    ],
    oracle=oracle_input,
    domain=domain.with_(samplers={**samplers, d: dimension(2, 6)}),  # D_j divides by sigma^2, which is 0 at d = 1
)


def remark_point(offset):
    """d = 4, x = (1, 2, 3, 5), γ = 1, β = 0, g = (1, −1, 0.5, 2), j = 1 and the given ε."""
    return Point(
        {
            d: 4,
            j: 1,
            x: [mpmath.mpf(v) for v in (1, 2, 3, 5)],
            gamma: [mpmath.mpf(1)] * 4,
            beta: [mpmath.mpf(0)] * 4,
            g: [mpmath.mpf(v) for v in ("1", "-1", "0.5", "2")],
            eps: mpmath.mpf(offset),
        }
    )


excess_percent = 100 * (dropped_form - input_gradient) / input_gradient  # how much D_j overstates the gradient

# --- documentation vocabulary ---------------------------------------------------------------
# x (or h) the input, γ (w) the gain, β (b) the bias, g (δy, dy) the upstream gradient ∂L/∂y,
# \hat{x} the normalised input, y the output, μ and σ² (Var, mean) its statistics, ε.


def _doc_normalised(env):
    size = env.dim_value(d)
    return vector_value(lambda idx: Normalised(x, idx, size, eps), size)


def _doc_output(env):
    size = env.dim_value(d)
    return vector_value(lambda idx: LayerNormOutput(x, gamma, beta, eps, idx, size), size)


def _doc_mean(env):
    return MeanOfFeatures(x, env.dim_value(d))


def _doc_variance(env):
    return VarianceOfFeatures(x, env.dim_value(d))


def _doc_loss(env):
    size, dummy = env.dim_value(d), sp.Dummy("k", integer=True, positive=True)
    return sp.Sum(g[dummy] * LayerNormOutput(x, gamma, beta, eps, dummy, size), (dummy, 1, size))


vocabulary = Vocabulary(
    size=d,
    dims={name: d for name in ("d", "D", "N", "n", "H", "K", "C", "m", "d_model", "F")},
    indices=[j],
    entries={
        "x": vector_of(x),
        "h": vector_of(x),
        "bf_x": vector_of(x),
        "gamma": vector_of(gamma),
        "w": vector_of(gamma),
        "beta": vector_of(beta),
        "b": vector_of(beta),
        "g": vector_of(g),
        "delta_y": vector_of(g),
        "dy": vector_of(g),
        "hat_x": ("vec", _doc_normalised),
        "hat_h": ("vec", _doc_normalised),
        "y": ("vec", _doc_output),
        "mu": computed_number(_doc_mean),
        "mu_x": computed_number(_doc_mean),
        "sigma": computed_number(lambda env: sp.sqrt(_doc_variance(env))),
        "sigma_x": computed_number(lambda env: sp.sqrt(_doc_variance(env))),
        "epsilon": number_of(eps),
        "Var": function_of(lambda env, arg: _doc_variance(env)),
        "var": function_of(lambda env, arg: _doc_variance(env)),
        "mean": function_of(lambda env, arg: _doc_mean(env)),
        "E": function_of(lambda env, arg: _doc_mean(env)),
    },
    loss=_doc_loss,
    loss_partials={"y": lambda idx: g[idx], "hat_x": lambda idx: g[idx] * gamma[idx]},
    symbols={"epsilon": eps},
    examples=[
        (r"\frac{\partial \mu}{\partial x_j} = \frac{1}{d}", r"\frac{\partial \mu}{\partial x_j} = \frac{1}{d^2}"),
        (
            r"\frac{\partial \sigma^2}{\partial x_j} = \frac{2}{d}(x_j - \mu)",
            r"\frac{\partial \sigma^2}{\partial x_j} = \frac{2}{d}x_j",
        ),
        (r"\frac{\partial L}{\partial \beta_j} = g_j", r"\frac{\partial L}{\partial \beta_j} = g_j \hat{x}_j"),
    ],
)


layernorm_gradient = Result(
    vocabulary=vocabulary,
    title="Gradient of layer normalisation",
    area="Normalisation",
    claims=[
        bias_gradient,
        gain_gradient,
        mean_derivative,
        variance_derivative,
        input_gradient_claim,
        printed_form_error,
    ],
    domain=domain,
    references=["ba2016"],
    remarks=[
        Remark(
            text=(
                r"At $d = 4$, $x = (1, 2, 3, 5)$, $\gamma = (1, 1, 1, 1)$, $g = (1, -1, 0.5, 2)$ and $\epsilon = 0.1$, "
                r"$D_1$ overstates $\partial L/\partial x_1$ by {value}\% of its exact value."
            ),
            value=excess_percent,
            at=remark_point("0.1"),
        ),
        Remark(
            text=(
                r"At the same point with the common default $\epsilon = 10^{-5}$ the excess is {value}\%: "
                r"small, but not zero."
            ),
            value=excess_percent,
            at=remark_point("1e-5"),
        ),
    ],
)
