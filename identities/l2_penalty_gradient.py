"""The L2 penalty (λ/2)‖w‖² has gradient λw, so a gradient-descent step on L + (λ/2)‖w‖² is w ← (1 − ηλ)w − η∇L: it shrinks the weights by the factor 1 − ηλ before the usual step.

Derived for weights w ∈ ℝ^d of any dimension d, component by component, with
∂w_k/∂w_i = δ_ki. With the penalty written as (λ/2)‖w‖² the factor 2 of the square
cancels; written as λ‖w‖² the gradient would be 2λw. The shrinkage form holds for plain
(stochastic) gradient descent; in adaptive optimisers such as Adam the penalty's
gradient is rescaled with the rest, which is why decoupled weight decay (AdamW) applies
the factor 1 − ηλ separately.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, index, positive, reals, vector
from derive.domain import Point
from derive.notation import Notation, Sum, d, delta, fresh_index, g, i, k
from derive.oracles import mp_partial
from derive.vocabulary import Vocabulary, number_of, vector_of

w = sp.IndexedBase("w", real=True)  # the weights
lam = sp.Symbol("lambda", positive=True)  # penalty strength
eta = sp.Symbol("eta", positive=True)  # learning rate
T = sp.Symbol("T", integer=True, positive=True)  # number of steps, for the remark


class SquaredNorm(Notation):
    """‖w‖² = Σ_k w_k²."""

    nargs = 2  # vector, dimension

    def definition(self):
        vec, size = self.args
        dummy = fresh_index(size)
        return sp.Sum(vec[dummy] ** 2, (dummy, 1, size))

    def _eval_is_nonnegative(self):
        return True

    def _latex(self, printer, exp=None):
        text = rf"\|{printer._print(self.args[0])}\|^{{2}}"
        return text if exp is None else rf"\left({text}\right)^{{{exp}}}"

    def _unicode(self, printer):
        return f"‖{printer._print(self.args[0])}‖²"


penalty = lam / 2 * SquaredNorm(w, d)
gradient = sp.Derivative(penalty, w[i])


def mp_penalty(weights, strength):
    """(λ/2) Σ_k w_k², straight from the definition."""
    return strength / 2 * mpmath.fsum(value**2 for value in weights)


def oracle_gradient(point):
    return mp_partial(lambda weights: mp_penalty(weights, getattr(point, "lambda")), point.w, point.i - 1)


def oracle_step(point):
    """w_i − η (∂L/∂w_i + ∂/∂w_i (λ/2)‖w‖²), with ∂L/∂w_i = g_i."""
    return point.w[point.i - 1] - point.eta * (point.g[point.i - 1] + oracle_gradient(point))


gradient_claim = Claim(
    label="gradient",
    text=r"The gradient of the penalty is $\lambda w$:",
    statement=sp.Eq(gradient, lam * w[i], evaluate=False),
    steps=[
        Step(gradient),
        Step(sp.Derivative(lam / 2 * Sum(w[k] ** 2, k, d), w[i]), because=r"definition of $\|w\|^2$"),
        Step(lam / 2 * Sum(2 * w[k] * delta(k, i), k, d), because=r"$\partial w_k^2/\partial w_i = 2 w_k \delta_{ki}$"),
        Step(lam * w[i], because=r"$\delta_{ki}$ picks the term $k = i$"),
    ],
    oracle=oracle_gradient,
)

update = w[i] - eta * (g[i] + gradient)
shrunk = (1 - eta * lam) * w[i] - eta * g[i]

step_claim = Claim(
    label="shrinkage",
    text=(
        r"So with $g_i = \partial L/\partial w_i$ the gradient of the data loss, a gradient-descent step "
        r"with learning rate $\eta$ on $L + (\lambda/2)\|w\|^2$ first shrinks the weight:"
    ),
    statement=sp.Eq(update, shrunk, evaluate=False),
    steps=[
        Step(update),
        Step(w[i] - eta * (g[i] + lam * w[i]), by=gradient_claim),
        Step(shrunk, because=r"collect the terms in $w_i$"),
    ],
    oracle=oracle_step,
)

# --- documentation vocabulary ---------------------------------------------------------------
# w the weights (θ), g the gradient of the loss, λ the penalty strength, η the learning rate.

vocabulary = Vocabulary(
    domain_names=True,
    dims={"n": d, "D": d},
    entries={"theta": vector_of(w), "alpha": number_of(eta)},
    examples=[
        (
            r"\frac{\partial}{\partial w_i}\left(\frac{\lambda}{2}\sum_k w_k^2\right) = \lambda w_i",
            r"\frac{\partial}{\partial w_i}\left(\frac{\lambda}{2}\sum_k w_k^2\right) = 2\lambda w_i",
        ),
        (
            r"w_i - \eta\left(g_i + \lambda w_i\right) = (1 - \eta\lambda)\,w_i - \eta g_i",
            r"w_i - \eta\left(g_i + \lambda w_i\right) = (1 - \lambda)\,w_i - \eta g_i",
        ),
    ],
)


l2_penalty_gradient = Result(
    vocabulary=vocabulary,
    title="Gradient of the L2 penalty",
    area="Gradients",
    claims=[gradient_claim, step_claim],
    domain=Domain(
        {
            d: dimension(1, 6),
            w: vector(d, reals(-3, 3)),
            g: vector(d, reals(-3, 3)),
            i: index(d),
            lam: positive("0.001", 1),
            eta: positive("0.001", 1),
        }
    ),
    remarks=[
        Remark(
            text=(
                r"With $\eta = 0.01$ and $\lambda = 0.1$ each step multiplies the weights by $0.999$; "
                r"without a data gradient, $T = 1000$ steps leave $(1 - \eta\lambda)^{T} = {value}$ of them."
            ),
            value=(1 - eta * lam) ** T,
            at=Point({eta: mpmath.mpf("0.01"), lam: mpmath.mpf("0.1"), T: 1000}),
        ),
    ],
    references=["goodfellow2016", "bishop2006", "loshchilov2019"],
)
