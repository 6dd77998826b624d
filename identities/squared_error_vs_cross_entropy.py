"""On softmax outputs σ = σ(z) with a one-hot target e_t, the cross-entropy gradient at the target logit is σ_t − 1, which tends to −1 as σ_t → 0, while the squared-error gradient carries the factor σ_j in every component and |∂L_SE/∂z_j| ≤ 2σ_j(1 − σ_j), so it vanishes when the prediction is confidently wrong.

The squared error L_SE = ½ Σ_k (σ_k − δ_kt)² is differentiated through the softmax
Jacobian ∂σ_k/∂z_j = σ_k(δ_kj − σ_j), which puts the factor σ_j in front of every
component. When the model is confidently wrong, σ_m → 1 for some m ≠ t, every σ_j
tends to 0 or 1, so the bound 2σ_j(1 − σ_j) sends the whole squared-error gradient to
0: the loss barely moves the logits where they are most wrong. The cross-entropy
gradient σ − e_t has no such factor, and its target component σ_t − 1 stays near −1.
At the target the squared error's component is −σ_t((1 − σ_t)² + Σ_{k≠t} σ_k²) ≤ 0,
which is O(σ_t) as σ_t → 0. (The vanishing is for confidently *wrong* predictions;
near a correct one both gradients are small, as they should be.)
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, index, reals, vector
from derive.domain import Point
from derive.identities.softmax_cross_entropy_gradient import softmax_cross_entropy_gradient
from derive.identities.softmax_jacobian import softmax_jacobian
from derive.notation import Notation, Softmax, Sum, delta, fresh_index, j, k, n, softmax, z
from derive.oracles import mp_partial, mp_softmax
from derive.vocabulary import Vocabulary, dimension_names, softmax_of

t = sp.Symbol("t", integer=True, positive=True)  # the correct class


class SquaredError(Notation):
    """L_SE = ½ Σ_k (σ_k(z) − δ_kc)², the squared error of the softmax against the one-hot target e_t."""

    nargs = 3  # logits, correct class, dimension

    def definition(self):
        logits, target, size = self.args
        dummy = fresh_index(target, size)
        return sp.Sum((Softmax(logits, dummy, size) - sp.KroneckerDelta(dummy, target)) ** 2, (dummy, 1, size)) / 2

    def _latex(self, printer, exp=None):
        return r"L_{\mathrm{SE}}" if exp is None else rf"L_{{\mathrm{{SE}}}}^{{{exp}}}"

    def _unicode(self, printer):
        return "L_SE"


loss = SquaredError(z, t, n)
sum_of_squares = Sum(softmax(k) ** 2, k, n)


# --- oracles: plain mpmath from the definitions ----------------------------------------


def one_hot(point):
    return [mpmath.mpf(1) if position == point.t else mpmath.mpf(0) for position in range(1, point.n + 1)]


def mp_squared_error(logits, point):
    return mpmath.fsum((q - e) ** 2 for q, e in zip(mp_softmax(logits), one_hot(point))) / 2


def mp_cross_entropy_loss(logits, point):
    return -mpmath.log(mp_softmax(logits)[point.t - 1])


def oracle_tross_entropy_at_target(point):
    return mp_partial(lambda logits: mp_cross_entropy_loss(logits, point), point.z, point.t - 1)


def oracle_squared_error(point):
    return mp_partial(lambda logits: mp_squared_error(logits, point), point.z, point.j - 1)


def oracle_squared_error_at_target(point):
    return mp_partial(lambda logits: mp_squared_error(logits, point), point.z, point.t - 1)


# --- claims -----------------------------------------------------------------------------

cross_entropy_slope = sp.Derivative(-sp.log(softmax(t)), z[t])

cross_entropy_claim = Claim(
    label="cross-entropy at the target",
    text=(
        r"For the cross-entropy $-\log \sigma_t$ the gradient is $\sigma - e_t$; its component at the correct "
        r"class $t$ tends to $-1$ as $\sigma_t \to 0$:"
    ),
    statement=sp.Eq(cross_entropy_slope, softmax(t) - 1, evaluate=False),
    steps=[
        Step(cross_entropy_slope),
        Step(
            softmax(t) - 1,
            because=r"the softmax cross-entropy gradient $\sigma_j - \delta_{jt}$ ({by}) at $j = t$",
            by=softmax_cross_entropy_gradient,
        ),
    ],
    oracle=oracle_tross_entropy_at_target,
)

squared_error_slope = sp.Derivative(loss, z[j])
jacobian_form = Sum((softmax(k) - delta(k, t)) * softmax(k) * (delta(k, j) - softmax(j)), k, n)

squared_error_claim = Claim(
    label="squared-error gradient",
    text=r"For the squared error $L_{\mathrm{SE}} = \frac{1}{2}\sum_k (\sigma_k - \delta_{kt})^2$ the gradient goes through the softmax Jacobian:",
    statement=sp.Eq(squared_error_slope, jacobian_form, evaluate=False),
    steps=[
        Step(squared_error_slope),
        Step(
            sp.Derivative(Sum((softmax(k) - delta(k, t)) ** 2, k, n) / 2, z[j]),
            because=r"definition of $L_{\mathrm{SE}}$",
        ),
        Step(
            Sum((softmax(k) - delta(k, t)) * sp.Derivative(softmax(k), z[j]), k, n),
            because="chain rule through the square",
        ),
        Step(
            jacobian_form,
            because=r"softmax Jacobian $\partial\sigma_k/\partial z_j = \sigma_k(\delta_{kj} - \sigma_j)$ ({by})",
            by=softmax_jacobian,
        ),
    ],
    oracle=oracle_squared_error,
)

factored = softmax(j) * (softmax(j) - delta(j, t) + softmax(t) - sum_of_squares)

factor_claim = Claim(
    label="common factor",
    text=r"so every component carries the factor $\sigma_j$:",
    statement=sp.Eq(squared_error_slope, factored, evaluate=False),
    steps=[
        Step(squared_error_slope),
        Step(jacobian_form, by=squared_error_claim),
        Step(
            (softmax(j) - delta(j, t)) * softmax(j) - softmax(j) * Sum((softmax(k) - delta(k, t)) * softmax(k), k, n),
            because=r"$\delta_{kj}$ picks $k = j$; $\sigma_j$ does not depend on $k$",
        ),
        Step(
            (softmax(j) - delta(j, t)) * softmax(j) - softmax(j) * (sum_of_squares - softmax(t)),
            because=r"$\delta_{kt}$ picks $k = t$",
        ),
        Step(factored, because=r"factor out $\sigma_j$"),
    ],
    oracle=oracle_squared_error,
)

squared_error_at_target = sp.Derivative(loss, z[t])
others_squared = sum_of_squares - softmax(t) ** 2  # Σ_{k≠c} σ_k²
target_form = -softmax(t) * ((1 - softmax(t)) ** 2 + others_squared)

target_claim = Claim(
    label="squared error at the target",
    text=r"At the correct class, with $\sum_{k \ne t} \sigma_k^2 = \sum_k \sigma_k^2 - \sigma_t^2$, the component is never positive:",
    statement=sp.Eq(squared_error_at_target, target_form, evaluate=False),
    steps=[
        Step(squared_error_at_target),
        Step(
            softmax(t) * (2 * softmax(t) - 1 - sum_of_squares),
            because=r"by {by} at $j = t$, $\delta_{tt} = 1$",
            by=factor_claim,
        ),
        Step(target_form, because=r"$2\sigma_t - 1 = -(1 - \sigma_t)^2 - \sigma_t^2$"),
    ],
    oracle=oracle_squared_error_at_target,
)

bound = 2 * softmax(j) * (1 - softmax(j))

bound_claim = Claim(
    label="vanishing bound",
    text=(
        r"Each component is at most $2\sigma_j(1 - \sigma_j)$ in size, which tends to $0$ as $\sigma_j \to 0$ or $\sigma_j \to 1$; "
        r"when the prediction is confidently wrong ($\sigma_m \to 1$ for some $m \ne t$) every component vanishes:"
    ),
    statement=sp.Le(sp.Abs(squared_error_slope), bound, evaluate=False),
    steps=[
        Step(sp.Abs(squared_error_slope)),
        Step(sp.Abs(jacobian_form), by=squared_error_claim),
        Step(
            Sum(softmax(k) * (delta(k, j) * (1 - softmax(j)) + (1 - delta(k, j)) * softmax(j)), k, n),
            relation="<=",
            because=r"triangle inequality; $|\sigma_k - \delta_{kt}| \le 1$; $|\delta_{kj} - \sigma_j|$ is $1 - \sigma_j$ or $\sigma_j$",
        ),
        Step(
            softmax(j) * (1 - softmax(j)) + softmax(j) * (Sum(softmax(k), k, n) - softmax(j)),
            because=r"$\delta_{kj}$ picks the term $k = j$",
        ),
        Step(bound, because=r"$\sum_k \sigma_k = 1$"),
    ],
    oracle=lambda point: abs(oracle_squared_error(point)),
)

# --- a worked example: n = 3, correct class 1, logits (0, 5, 0) --------------------------

example = Point({n: 3, t: 1, j: 1, z: [mpmath.mpf(0), mpmath.mpf(5), mpmath.mpf(0)]})

# --- documentation vocabulary ---------------------------------------------------------------
# z the logits, σ (p, \hat{y}) their softmax, t (c) the correct class,
# L (L_SE) = ½ Σ_k (σ_k − δ_kt)² the squared error.

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n),
    entries={name: softmax_of(z, n) for name in ("sigma", "p", "hat_y", "s")},
    index_names={"c": t},
    loss=lambda env: SquaredError(z, t, env.dim_value(n)),
    examples=[
        (
            r"\frac{\partial L_{\mathrm{SE}}}{\partial z_t} = -\sigma_t\left((1 - \sigma_t)^2 + \sum_k \sigma_k^2 - \sigma_t^2\right)",
            r"\frac{\partial L_{\mathrm{SE}}}{\partial z_t} = \sigma_t\left((1 - \sigma_t)^2 + \sum_k \sigma_k^2 - \sigma_t^2\right)",
        ),
        (
            r"\frac{\partial}{\partial z_t}\left(-\log \sigma_t\right) = \sigma_t - 1",
            r"\frac{\partial}{\partial z_t}\left(-\log \sigma_t\right) = 1 - \sigma_t",
        ),
    ],
)


squared_error_vs_cross_entropy = Result(
    vocabulary=vocabulary,
    title="Squared error versus cross-entropy on softmax outputs",
    area="Gradients",
    claims=[cross_entropy_claim, squared_error_claim, factor_claim, target_claim, bound_claim],
    domain=Domain({n: dimension(1, 6), z: vector(n, reals(-5, 5)), t: index(n), j: index(n)}),
    remarks=[
        Remark(
            text=(
                r"Example: $n = 3$, correct class $t = 1$ and logits $z = (0, 5, 0)$, so the model puts "
                r"$\sigma_1 = {value}$ on the correct class."
            ),
            value=softmax(t),
            at=example,
        ),
        Remark(
            text=r"There the cross-entropy gradient at $z_1$ is $\sigma_1 - 1 = {value}$.",
            value=softmax(t) - 1,
            at=example,
        ),
        Remark(
            text=r"The squared-error gradient at $z_1$ is only ${value}$.",
            value=target_form,
            at=example,
        ),
    ],
    references=["bishop2006", "goodfellow2016"],
)
