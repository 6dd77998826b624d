"""The gradient of the softmax cross-entropy loss with respect to the logits is the prediction minus the target: ∂L/∂z_j = σ_j − y_j.

Here L(z) = −Σ_k y_k log σ_k(z) for logits z ∈ ℝⁿ and a target vector y whose
entries sum to 1 (a probability vector; a one-hot target is the usual special case,
for which L = −log σ_t). The derivation goes through the logarithm by the chain
rule, uses the softmax Jacobian, and needs nothing about y beyond Σ_k y_k = 1. The
gradient's components sum to zero.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, index, probability_vector, reals, vector
from derive.identities.softmax_jacobian import softmax_jacobian
from derive.notation import Notation, Softmax, Sum, delta, fresh_index, j, k, n, softmax, y, z
from derive.oracles import mp_partial, mp_softmax
from derive.vocabulary import Vocabulary, dimension_names, softmax_of, vector_of, vector_value

t = sp.Symbol("t", integer=True, positive=True)  # the index of the correct class


class SoftmaxCrossEntropy(Notation):
    """L = −Σ_k y_k log σ_k(z): the cross-entropy of the softmax of the logits z against the target y."""

    nargs = 3

    def definition(self):
        logits, target, size = self.args
        dummy = fresh_index(size)
        return -sp.Sum(target[dummy] * sp.log(Softmax(logits, dummy, size)), (dummy, 1, size))

    def _latex(self, printer):
        return "L"

    def _unicode(self, printer):
        return "L"


def unevaluated(*factors):
    """A product shown as written (SymPy would cancel a factor against its reciprocal)."""
    return sp.Mul(*factors, evaluate=False)


loss = SoftmaxCrossEntropy(z, y, n)
loss_written_out = -Sum(y[k] * sp.log(softmax(k)), k, n)
gradient = sp.Derivative(loss, z[j])
closed_form = softmax(j) - y[j]


def mp_loss(logits, target):
    """L = −Σ_k y_k log softmax(z)_k, straight from the definition."""
    probabilities = mp_softmax(logits)
    return -mpmath.fsum(w * mpmath.log(s) for w, s in zip(target, probabilities))


def one_hot(point):
    return [mpmath.mpf(1) if position == point.t else mpmath.mpf(0) for position in range(1, point.n + 1)]


def oracle_gradient(point):
    return mp_partial(lambda logits: mp_loss(logits, point.y), point.z, point.j - 1)


def oracle_gradient_sum(point):
    return mpmath.fsum(mp_partial(lambda logits: mp_loss(logits, point.y), point.z, col) for col in range(point.n))


def oracle_one_hot_loss(point):
    return mp_loss(point.z, one_hot(point))


def oracle_one_hot_gradient(point):
    return mp_partial(lambda logits: mp_loss(logits, one_hot(point)), point.z, point.j - 1)


entrywise = Claim(
    label="gradient",
    text=r"For a target $y$ with $\sum_k y_k = 1$, the loss $L = -\sum_k y_k \log \sigma_k$ has the gradient",
    statement=sp.Eq(gradient, closed_form, evaluate=False),
    steps=[
        Step(gradient),
        Step(sp.Derivative(loss_written_out, z[j]), because=r"definition of $L$"),
        Step(
            -Sum(y[k] * sp.Derivative(softmax(k), z[j]) / softmax(k), k, n),
            because=r"chain rule: $\partial \log \sigma_k / \partial z_j = (\partial\sigma_k/\partial z_j) / \sigma_k$",
        ),
        Step(
            -Sum(unevaluated(y[k], softmax(k), delta(k, j) - softmax(j), sp.Pow(softmax(k), -1)), k, n),
            because=r"softmax Jacobian $\partial\sigma_k/\partial z_j = \sigma_k(\delta_{kj} - \sigma_j)$ ({by})",
            by=softmax_jacobian,
        ),
        Step(-Sum(y[k] * (delta(k, j) - softmax(j)), k, n), because=r"cancel $\sigma_k > 0$"),
        Step(
            -y[j] + softmax(j) * Sum(y[k], k, n),
            because=r"$\delta_{kj}$ picks $k = j$; $\sigma_j$ does not depend on $k$",
        ),
        Step(closed_form, because=r"$\sum_k y_k = 1$"),
    ],
    oracle=oracle_gradient,
)

gradient_sum = Claim(
    label="components sum to zero",
    text=r"The components of the gradient sum to zero:",
    statement=sp.Eq(Sum(gradient, j, n), 0, evaluate=False),
    steps=[
        Step(Sum(gradient, j, n)),
        Step(Sum(closed_form, j, n), because="the gradient above"),
        Step(Sum(softmax(j), j, n) - Sum(y[j], j, n), because="split the sum"),
        Step(sp.Integer(0), because=r"$\sum_j \sigma_j = 1$ and $\sum_j y_j = 1$"),
    ],
    oracle=oracle_gradient_sum,
)

one_hot_target = Domain({n: dimension(1, 6), z: vector(n, reals(-5, 5)), t: index(n), j: index(n)})
one_hot_loss_expr = -Sum(delta(k, t) * sp.log(softmax(k)), k, n)

one_hot_loss = Claim(
    label="one-hot loss",
    text=r"For a one-hot target at the correct class $t$, $y_k = \delta_{kt}$, the loss is the negative log-probability of $t$:",
    statement=sp.Eq(one_hot_loss_expr, -sp.log(softmax(t)), evaluate=False),
    steps=[
        Step(one_hot_loss_expr),
        Step(-sp.log(softmax(t)), because=r"$\delta_{kt}$ picks the term $k = t$"),
    ],
    oracle=oracle_one_hot_loss,
    domain=one_hot_target,
)

one_hot_gradient_expr = sp.Derivative(-sp.log(softmax(t)), z[j])

one_hot_gradient = Claim(
    label="one-hot gradient",
    text=r"and its gradient is the prediction minus the one-hot target:",
    statement=sp.Eq(one_hot_gradient_expr, softmax(j) - delta(j, t), evaluate=False),
    steps=[
        Step(one_hot_gradient_expr),
        Step(-sp.Derivative(softmax(t), z[j]) / softmax(t), because=r"chain rule through $\log$"),
        Step(
            -unevaluated(softmax(t), delta(t, j) - softmax(j), sp.Pow(softmax(t), -1)),
            because=r"softmax Jacobian ({by})",
            by=softmax_jacobian,
        ),
        Step(softmax(j) - delta(j, t), because=r"cancel $\sigma_t > 0$"),
    ],
    oracle=oracle_one_hot_gradient,
    domain=one_hot_target,
)

# --- documentation vocabulary ---------------------------------------------------------------
# σ, s, p, \hat{y} for the prediction; y, Y for the target (one-hot when a class t, c is named); L the loss.


def _doc_target(env, one_hot=False):
    if one_hot or env.flags.get("one_hot"):
        return vector_value(lambda idx: sp.KroneckerDelta(idx, t), env.size_value)
    return vector_value(lambda idx: y[idx], env.size_value, y)


def _doc_loss(env, one_hot=False):
    size, target, dummy = env.size_value, _doc_target(env, one_hot), sp.Dummy("k", integer=True, positive=True)
    return -sp.Sum(target.component(dummy) * sp.log(Softmax(z, dummy, size)), (dummy, 1, size))


def _doc_one_hot(vocab, setting):
    """The tag clause 'one-hot target': y is the indicator of a class t."""
    target = ("vec", lambda env: _doc_target(env, one_hot=True))
    entries = {**vocab.entries, **{name: target for name in ("y", "t_vec", "Y")}}
    return vocab.with_(entries=entries, loss=lambda env: _doc_loss(env, one_hot=True), domain=one_hot_target)


vocabulary = Vocabulary(
    size=n,
    dims=dimension_names(n),
    indices=[j],
    entries={
        **{name: softmax_of(z, n) for name in ("sigma", "s", "S", "p", "hat_y", "hat_p", "q", "a", "bar_y", "P")},
        **{name: vector_of(z) for name in ("z", "logits", "u", "o")},
        **{name: ("vec", _doc_target) for name in ("y", "t_vec", "Y")},
    },
    loss=_doc_loss,
    index_names={"t": t, "c": t, "y": t},
    variants={t: ("one_hot", one_hot_target)},
    parameters={"one-hot": _doc_one_hot},
    examples=[
        (r"\frac{\partial L}{\partial z_j} = p_j - y_j", r"\frac{\partial L}{\partial z_j} = y_j - p_j"),
        (
            r"\frac{\partial L}{\partial z_j} = \hat{y}_j - y_j",
            r"\frac{\partial L}{\partial z_j} = \hat{y}_j - 1",
            "one-hot target",
        ),
    ],
)


softmax_cross_entropy_gradient = Result(
    vocabulary=vocabulary,
    title="Gradient of softmax cross-entropy",
    area="Softmax and losses",
    claims=[entrywise, gradient_sum, one_hot_loss, one_hot_gradient],
    domain=Domain({n: dimension(1, 6), z: vector(n, reals(-5, 5)), y: probability_vector(n), j: index(n)}),
    rules=[sp.Eq(Sum(y[k], k, n), 1)],
    references=["bridle1990"],
)
