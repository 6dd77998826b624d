"""For the two-weight network ŷ = w₂h, h = sigmoid(w₁x) with loss L = (ŷ − y)²/2, backpropagation gives ∂L/∂w₂ = (ŷ − y)h and ∂L/∂w₁ = (ŷ − y) w₂ h(1 − h) x.

The chain rule applied backwards from the loss: the output error ŷ − y is multiplied
by the quantity each weight scales, for w₂ the hidden activation h; for w₁ it first
passes back through w₂ and the sigmoid's slope sigmoid'(w₁x) = h(1 − h), then meets
the input x. Every factor is a value already computed in the forward pass, which is
what makes backpropagation cheap. The same derivation holds for any differentiable
activation f with f'(w₁x) in place of h(1 − h).
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, reals
from derive.domain import Point
from derive.identities.sigmoid_derivative import sigmoid_derivative
from derive.notation import Logistic, Notation
from derive.oracles import mp_logistic
from derive.vocabulary import Vocabulary, number_of

w1 = sp.Symbol("w_1", real=True)
w2 = sp.Symbol("w_2", real=True)
x = sp.Symbol("x", real=True)  # the input
y = sp.Symbol("y", real=True)  # the target


class Hidden(Notation):
    """h = sigmoid(w₁ x), the hidden unit."""

    nargs = 2  # w₁, x

    def definition(self):
        first, value = self.args
        return Logistic(first * value)

    def _eval_is_positive(self):
        return True

    def _latex(self, printer, exp=None):
        return "h" if exp is None else rf"h^{{{exp}}}"

    def _unicode(self, printer):
        return "h"


class Prediction(Notation):
    """ŷ = w₂ h, the network's output."""

    nargs = 3  # w₁, w₂, x

    def definition(self):
        first, second, value = self.args
        return second * Hidden(first, value)

    def _latex(self, printer, exp=None):
        return r"\hat{y}" if exp is None else rf"\hat{{y}}^{{{exp}}}"

    def _unicode(self, printer):
        return "ŷ"


class SquaredLoss(Notation):
    """L = (ŷ − y)²/2."""

    nargs = 4  # w₁, w₂, x, y

    def definition(self):
        first, second, value, target = self.args
        return (Prediction(first, second, value) - target) ** 2 / 2

    def _latex(self, printer, exp=None):
        return "L" if exp is None else rf"L^{{{exp}}}"

    def _unicode(self, printer):
        return "L"


h = Hidden(w1, x)
y_hat = Prediction(w1, w2, x)
loss = SquaredLoss(w1, w2, x, y)
error = y_hat - y


def mp_loss(first, second, point):
    """(w₂ sigmoid(w₁ x) − y)²/2, the composed network and loss in plain mpmath."""
    return (second * mp_logistic(first * point.x) - point.y) ** 2 / 2


def oracle_second(point):
    return mpmath.diff(lambda second: mp_loss(point.w_1, second, point), point.w_2)


def oracle_first(point):
    return mpmath.diff(lambda first: mp_loss(first, point.w_2, point), point.w_1)


outer_weight = Claim(
    label="output weight",
    text=r"The gradient for the output weight is the error times the hidden activation:",
    statement=sp.Eq(sp.Derivative(loss, w2), error * h, evaluate=False),
    steps=[
        Step(sp.Derivative(loss, w2)),
        Step(sp.Derivative(error**2 / 2, w2), because=r"definition of $L$"),
        Step(error * sp.Derivative(y_hat, w2), because=r"chain rule through the square"),
        Step(error * sp.Derivative(w2 * h, w2), because=r"definition of $\hat{y}$"),
        Step(error * h, because=r"$h$ does not depend on $w_2$"),
    ],
    oracle=oracle_second,
)

inner_weight = Claim(
    label="input weight",
    text=r"The gradient for the input weight passes back through $w_2$ and the sigmoid:",
    statement=sp.Eq(sp.Derivative(loss, w1), error * w2 * h * (1 - h) * x, evaluate=False),
    steps=[
        Step(sp.Derivative(loss, w1)),
        Step(error * sp.Derivative(y_hat, w1), because=r"definition of $L$, chain rule through the square"),
        Step(error * w2 * sp.Derivative(h, w1), because=r"$\hat{y} = w_2 h$ and $w_2$ does not depend on $w_1$"),
        Step(error * w2 * sp.Derivative(Logistic(w1 * x), w1), because=r"definition of $h$"),
        Step(
            error * w2 * Logistic(w1 * x) * (1 - Logistic(w1 * x)) * x,
            by=sigmoid_derivative,
            because=r"chain rule with $\operatorname{sigmoid}'(u) = \operatorname{sigmoid}(u)(1 - \operatorname{sigmoid}(u))$ ({by}) at $u = w_1 x$, $\partial u/\partial w_1 = x$",
        ),
        Step(error * w2 * h * (1 - h) * x, because=r"definition of $h$"),
    ],
    oracle=oracle_first,
)

example = Point({w1: mpmath.mpf("0.5"), w2: mpmath.mpf(-1), x: mpmath.mpf(2), y: mpmath.mpf(1)})

# --- documentation vocabulary ---------------------------------------------------------------
# x the input, y the target, w_1, w_2 the weights, h = σ(w_1 x) the hidden unit,
# \hat{y} = w_2 h the prediction, L = (\hat{y} - y)^2 / 2 the loss.

vocabulary = Vocabulary(
    domain_names=True,
    sigma="logistic",
    entries={"h": number_of(h), "hat_y": number_of(y_hat), "a": number_of(h)},
    loss=lambda env: loss,
    examples=[
        (r"\frac{\partial L}{\partial w_2} = (\hat{y} - y)\,h", r"\frac{\partial L}{\partial w_2} = (\hat{y} - y)\,x"),
        (
            r"\frac{\partial L}{\partial w_1} = (\hat{y} - y)\,w_2\,h(1 - h)\,x",
            r"\frac{\partial L}{\partial w_1} = (\hat{y} - y)\,w_2\,h\,x",
        ),
    ],
)


two_weight_chain_rule = Result(
    vocabulary=vocabulary,
    title="Backpropagation through a two-weight network",
    area="Gradients",
    claims=[outer_weight, inner_weight],
    domain=Domain({w1: reals(-3, 3), w2: reals(-3, 3), x: reals(-3, 3), y: reals(-3, 3)}, points=16),
    remarks=[
        Remark(
            text=(
                r"Example: $w_1 = 0.5$, $w_2 = -1$, $x = 2$, $y = 1$ give $h = \operatorname{sigmoid}(1) \approx 0.731$, "
                r"$\hat{y} \approx -0.731$ and $\partial L/\partial w_2 = (\hat{y} - y) h = {value}$."
            ),
            value=error * h,
            at=example,
        ),
        Remark(
            text=r"At the same point $\partial L/\partial w_1 = (\hat{y} - y) w_2 h (1 - h) x = {value}$.",
            value=error * w2 * h * (1 - h) * x,
            at=example,
        ),
    ],
    references=["rumelhart1986", "goodfellow2016"],
)
