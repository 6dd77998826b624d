"""For plain SGD, decoupled weight decay w ← w − η∇L − ηλw is the same update as SGD on L + (λ/2)‖w‖², but for Adam the two differ: the L2 gradient λw passes through Adam's normalisation, so its first step w − η(g + λw)/(|g + λw| + ε) is not AdamW's w − ηg/(|g| + ε) − ηλw.

The gradient of the penalty (λ/2) Σ_k w_k² is λw, so SGD on the penalised loss
subtracts ηλw, exactly the decoupled decay. Adam instead divides the whole gradient
coordinatewise by √v̂ + ε; with the penalty inside the gradient, the decay term λw is
divided as well, and it also changes m̂ and v̂. On the first step from m_0 = v_0 = 0
(where m̂_1 = g and v̂_1 = g²) this is explicit: for ε = 0 and g_i, g_i + λw_i of the
same sign the L2 step is w_i − η sign(g_i), so the penalty has no effect at all,
while AdamW still shrinks the weight by ηλw_i.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, index, positive, reals, vector
from derive.domain import Point
from derive.notation import Notation, Sum, d, delta, fresh_index, i, k, over
from derive.oracles import mp_partial
from derive.vocabulary import Vocabulary, number_of, vector_of

w = sp.IndexedBase("w", real=True)  # weights
g = sp.IndexedBase("g", real=True)  # gradient of the loss L at w
w_pos = sp.IndexedBase("w", positive=True)  # weights, when all are positive (part d)
g_pos = sp.IndexedBase("g", positive=True)  # gradient, when all its entries are positive (part d)
eta = sp.Symbol("eta", positive=True)  # learning rate
lam = sp.Symbol("lambda", positive=True)  # weight decay / L2 coefficient
beta1 = sp.Symbol("beta_1", positive=True)
beta2 = sp.Symbol("beta_2", positive=True)
eps = sp.Symbol("epsilon", positive=True)  # Adam's denominator offset


def penalty(weights=w, size=d):
    """(λ/2) Σ_k w_k², the L2 penalty."""
    dummy = fresh_index(size)
    return lam / 2 * sp.Sum(weights[dummy] ** 2, (dummy, 1, size))


def adam_first_step(weight, gradient, offset):
    """w − η m̂_1/(√v̂_1 + ε) with m_1 = (1 − β1)g, v_1 = (1 − β2)g², m̂_1 = m_1/(1 − β1), v̂_1 = v_1/(1 − β2)."""
    m_hat = (1 - beta1) * gradient / (1 - beta1)
    v_hat = (1 - beta2) * gradient**2 / (1 - beta2)
    return weight - eta * m_hat / (sp.sqrt(v_hat) + offset)


class AdamStep(Notation):
    """Coordinate i of Adam's first step from m_0 = v_0 = 0, with the L2 penalty in the
    gradient (decoupled = 0) or with decoupled weight decay, AdamW (decoupled = 1)."""

    nargs = 6  # weights, gradient of L, coordinate, dimension, ε, decoupled

    def definition(self):
        weights, gradient, position, size, offset, decoupled = self.args
        if decoupled:
            return adam_first_step(weights[position], gradient[position], offset) - eta * lam * weights[position]
        penalised = gradient[position] + sp.Derivative(penalty(weights, size), weights[position])
        return adam_first_step(weights[position], penalised, offset)

    def _latex(self, printer, exp=None):
        name = r"\mathrm{AdamW}" if self.args[5] else r"\mathrm{Adam}+L_2"
        offset = "" if self.args[4] != 0 else r"\,|\,\epsilon = 0"
        tex = rf"w^{{{name}{offset}}}_{{{printer._print(self.args[2])}}}"
        return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        name = "AdamW" if self.args[5] else "Adam+L2"
        offset = "" if self.args[4] != 0 else ", ε=0"
        return f"w_{printer._print(self.args[2])}^({name}{offset})"


sgd_l2 = w[i] - eta * (g[i] + sp.Derivative(penalty(), w[i]))
sgd_decoupled = w[i] - eta * g[i] - eta * lam * w[i]
l2_step = AdamStep(w, g, i, d, eps, 0)
adamw_step = AdamStep(w, g, i, d, eps, 1)
penalised_gradient = g[i] + lam * w[i]
l2_closed = w[i] - eta * penalised_gradient / (sp.Abs(penalised_gradient) + eps)
adamw_closed = w[i] - eta * g[i] / (sp.Abs(g[i]) + eps) - eta * lam * w[i]
gap = AdamStep(w_pos, g_pos, i, d, 0, 0) - AdamStep(w_pos, g_pos, i, d, 0, 1)


# --- oracles: the optimisers run in plain mpmath ----------------------------------------


def mp_penalty_gradient(point, weights):
    """∂/∂w_i (λ/2) Σ_k w_k², by numerical differentiation."""
    return mp_partial(lambda v: point[lam] / 2 * mpmath.fsum(x**2 for x in v), weights, point.i - 1)


def mp_adam_first_step(point, weight, gradient, offset, decay=0):
    m = (1 - point.beta_1) * gradient  # m_1 from m_0 = 0
    v = (1 - point.beta_2) * gradient**2  # v_1 from v_0 = 0
    m_hat, v_hat = m / (1 - point.beta_1), v / (1 - point.beta_2)
    return weight - point.eta * (m_hat / (mpmath.sqrt(v_hat) + offset) + decay * weight)


def oracle_sgd(point):
    position = point.i - 1
    return point.w[position] - point.eta * (point.g[position] + mp_penalty_gradient(point, point.w))


def oracle_l2(point):
    position = point.i - 1
    gradient = point.g[position] + mp_penalty_gradient(point, point.w)
    return mp_adam_first_step(point, point.w[position], gradient, point.epsilon)


def oracle_adamw(point):
    position = point.i - 1
    return mp_adam_first_step(point, point.w[position], point.g[position], point.epsilon, decay=point[lam])


def oracle_gap(point):
    position = point.i - 1
    gradient = point.g[position] + mp_penalty_gradient(point, point.w)
    with_l2 = mp_adam_first_step(point, point.w[position], gradient, 0)
    decoupled = mp_adam_first_step(point, point.w[position], point.g[position], 0, decay=point[lam])
    return with_l2 - decoupled


def difference(left, right):
    """left − right, kept as written."""
    return sp.Add(left, sp.Mul(-1, right, evaluate=False), evaluate=False)


# --- claims -----------------------------------------------------------------------------

penalty_gradient = Sum(lam * w[k] * delta(k, i), k, d)

sgd = Claim(
    label="SGD: decay is L2",
    text=r"One SGD step on $L(w) + \frac{\lambda}{2} \sum_k w_k^2$, with $g = \nabla L(w)$, is decoupled weight decay:",
    statement=sp.Eq(sgd_l2, sgd_decoupled, evaluate=False),
    steps=[
        Step(sgd_l2),
        Step(w[i] - eta * (g[i] + penalty_gradient), because=r"$\partial (w_k^2)/\partial w_i = 2 w_k \delta_{ki}$"),
        Step(w[i] - eta * (g[i] + lam * w[i]), because=r"$\delta_{ki}$ picks $k = i$"),
        Step(sgd_decoupled, because="distribute"),
    ],
    oracle=oracle_sgd,
)

adam_l2 = Claim(
    label="Adam with the L2 penalty",
    text=(
        r"Adam's first step from $m_0 = v_0 = 0$ on the same penalised loss divides the whole gradient, "
        r"penalty included, by $\sqrt{\hat{v}_1} + \epsilon$:"
    ),
    statement=sp.Eq(l2_step, l2_closed, evaluate=False),
    steps=[
        Step(l2_step),
        Step(
            w[i] - eta * penalised_gradient / (sp.Pow(penalised_gradient**2, sp.Rational(1, 2), evaluate=False) + eps),
            because=r"gradient $g_i + \lambda w_i$ as in {by}; $\hat{m}_1 = g_i + \lambda w_i$, $\hat{v}_1 = (g_i + \lambda w_i)^2$",
            by=sgd,
        ),
        Step(l2_closed, because=r"$\sqrt{x^2} = |x|$"),
    ],
    oracle=oracle_l2,
)

adamw = Claim(
    label="AdamW",
    text=r"AdamW normalises only $g$ and subtracts the decay $\eta \lambda w_i$ outside the normalisation:",
    statement=sp.Eq(adamw_step, adamw_closed, evaluate=False),
    steps=[
        Step(adamw_step),
        Step(adamw_closed, because=r"$\hat{m}_1 = g_i$, $\hat{v}_1 = g_i^2$, $\sqrt{g_i^2} = |g_i|$"),
    ],
    oracle=oracle_adamw,
)

differ = Claim(
    label="they differ",
    text=(
        r"The two differ in general. For $\epsilon = 0$, $w_i > 0$ and $g_i > 0$ (so also $g_i + \lambda w_i > 0$) "
        r"both normalised steps are $\eta$, and the L2 version misses the whole decay:"
    ),
    statement=sp.Eq(gap, eta * lam * w_pos[i], evaluate=False),
    steps=[
        Step(gap),
        Step(
            difference(
                w_pos[i] - eta * over(g_pos[i] + lam * w_pos[i], sp.Abs(g_pos[i] + lam * w_pos[i], evaluate=False)),
                w_pos[i] - eta * over(g_pos[i], sp.Abs(g_pos[i], evaluate=False)) - eta * lam * w_pos[i],
            ),
            because=r"{by1} and {by2} with $\epsilon = 0$",
            by=(adam_l2, adamw),
        ),
        Step(difference(w_pos[i] - eta, w_pos[i] - eta - eta * lam * w_pos[i]), because=r"$x/|x| = 1$ for $x > 0$"),
        Step(eta * lam * w_pos[i], because="cancel"),
    ],
    oracle=oracle_gap,
    domain=Domain(
        {
            d: dimension(1, 4),
            w_pos: vector(d, positive("0.05", 3)),
            g_pos: vector(d, positive("0.05", 3)),
            i: index(d),
            eta: positive("0.001", "0.5"),
            lam: positive("0.01", 1),
            beta1: positive("0.05", "0.95"),
            beta2: positive("0.05", "0.95"),
        }
    ),
)

one = mpmath.mpf(1)
example = Point(
    {
        d: 1,
        i: 1,
        w: [one],
        g: [one],
        eta: mpmath.mpf("0.01"),
        lam: mpmath.mpf("0.1"),
        beta1: mpmath.mpf("0.9"),
        beta2: mpmath.mpf("0.999"),
        eps: mpmath.mpf(0),
    }
)

# --- documentation vocabulary ---------------------------------------------------------------
# w the weights (θ), g the gradient of the loss, η the learning rate, λ the L2 / weight-decay
# coefficient, ε Adam's offset, β_1, β_2 its decay rates.

vocabulary = Vocabulary(
    domain_names=True,
    dims={"n": d, "D": d},
    entries={"theta": vector_of(w), "alpha": number_of(eta)},
    examples=[
        (
            r"w_i - \eta\,\frac{\partial}{\partial w_i}\left(\frac{\lambda}{2}\sum_k w_k^2\right) - \eta g_i = w_i - \eta\lambda w_i - \eta g_i",
            r"w_i - \eta\,\frac{\partial}{\partial w_i}\left(\frac{\lambda}{2}\sum_k w_k^2\right) - \eta g_i = w_i - \lambda w_i - \eta g_i",
        ),
    ],
)


sgd_weight_decay_vs_l2 = Result(
    vocabulary=vocabulary,
    title="Weight decay and L2 regularisation: equal for SGD, different for Adam",
    area="Optimisation",
    claims=[sgd, adam_l2, adamw, differ],
    domain=Domain(
        {
            d: dimension(1, 4),
            w: vector(d, reals(-3, 3)),
            g: vector(d, reals(-3, 3)),
            i: index(d),
            eta: positive("0.001", "0.5"),
            lam: positive("0.01", 1),
            beta1: positive("0.05", "0.95"),
            beta2: positive("0.05", "0.95"),
            eps: positive("0.001", "0.5"),
        }
    ),
    references=["loshchilov2019", "kingma2015"],
    remarks=[
        Remark(
            r"With $w = g = 1$, $\lambda = 0.1$, $\eta = 0.01$ and $\epsilon = 0$, Adam with the L2 penalty moves "
            r"$w$ to $0.99$, as if there were no penalty, while AdamW moves it to {value}.",
            adamw_closed.subs(eps, 0),
            example,
        ),
    ],
)
