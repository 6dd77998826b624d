"""The hyperbolic tangent has derivative tanh'(x) = 1 − tanh²(x), which lies in (0, 1] with its maximum 1 at x = 0, and tanh(x) = 2 sigmoid(2x) − 1.

With tanh(x) = (e^x − e^{−x})/(e^x + e^{−x}) the quotient rule gives the derivative,
and (e^x + e^{−x})² − (e^x − e^{−x})² = 4 shows it equals 4/(e^x + e^{−x})² > 0. Since
tanh is a shifted and rescaled sigmoid, tanh'(x) = 4 sigmoid'(2x): its largest slope is
four times the sigmoid's, 1 instead of 1/4, but it still tends to 0 as |x| grows.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, reals
from derive.domain import Point
from derive.identities.sigmoid_derivative import sigmoid_derivative
from derive.notation import EvaluatedAt, Logistic, Notation
from derive.vocabulary import Vocabulary

x = sp.Symbol("x", real=True)


class Tanh(Notation):
    """tanh(t) = (e^t − e^{−t})/(e^t + e^{−t}), the hyperbolic tangent."""

    nargs = 1

    def definition(self):
        t = self.args[0]
        return (sp.exp(t) - sp.exp(-t)) / (sp.exp(t) + sp.exp(-t))

    def _latex(self, printer, exp=None):
        text = rf"\tanh\left({printer._print(self.args[0])}\right)"
        return text if exp is None else rf"\tanh^{{{exp}}}\left({printer._print(self.args[0])}\right)"

    def _unicode(self, printer):
        return f"tanh({printer._print(self.args[0])})"


th = Tanh(x)
derivative = sp.Derivative(th, x)
closed_form = 1 - th**2
plus = sp.exp(x) + sp.exp(-x)
minus = sp.exp(x) - sp.exp(-x)


def oracle_derivative(point):
    return mpmath.diff(mpmath.tanh, point.x)


derivative_claim = Claim(
    label="derivative",
    text=r"The derivative of the hyperbolic tangent is",
    statement=sp.Eq(derivative, closed_form, evaluate=False),
    steps=[
        Step(derivative),
        Step(sp.Derivative(minus / plus, x), because=r"definition of $\tanh$"),
        Step(
            (plus**2 - minus**2) / plus**2,
            because=r"quotient rule: $(e^{x} - e^{-x})' = e^{x} + e^{-x}$ and $(e^{x} + e^{-x})' = e^{x} - e^{-x}$",
        ),
        Step(1 - (minus / plus) ** 2, because="split the fraction"),
        Step(closed_form, because=r"definition of $\tanh$"),
    ],
    oracle=oracle_derivative,
)

at_most_one = Claim(
    label="at most 1",
    text=r"It is at most $1$,",
    statement=sp.Le(derivative, 1, evaluate=False),
    steps=[
        Step(derivative),
        Step(closed_form, by=derivative_claim),
        Step(sp.Integer(1), relation="<=", because=r"$\tanh^2(x) \ge 0$"),
    ],
    oracle=oracle_derivative,
)

positive_claim = Claim(
    label="positive",
    text=r"and positive:",
    statement=sp.Gt(derivative, 0, evaluate=False),
    steps=[
        Step(derivative),
        Step(closed_form, by=derivative_claim),
        Step((plus**2 - minus**2) / plus**2, because=r"definition of $\tanh$, over a common denominator"),
        Step(4 / plus**2, because=r"$(e^{x} + e^{-x})^2 - (e^{x} - e^{-x})^2 = 4 e^{x} e^{-x} = 4$"),
        Step(sp.Integer(0), relation=">", because="a positive number over a square of a positive number"),
    ],
    oracle=oracle_derivative,
)

slope_at_zero = EvaluatedAt(derivative, x, 0)

maximum_claim = Claim(
    label="maximum at 0",
    text=r"The bound $1$ is attained at $x = 0$:",
    statement=sp.Eq(slope_at_zero, 1, evaluate=False),
    steps=[
        Step(slope_at_zero),
        Step(EvaluatedAt(closed_form, x, 0), by=derivative_claim),
        Step(1 - Tanh(0) ** 2, because="evaluate at $x = 0$"),
        Step(sp.Integer(1), because=r"$\tanh(0) = (1 - 1)/(1 + 1) = 0$"),
    ],
    oracle=lambda point: mpmath.diff(mpmath.tanh, 0),
)

shifted = 2 * Logistic(2 * x) - 1

sigmoid_claim = Claim(
    label="rescaled sigmoid",
    text=r"The hyperbolic tangent is a rescaled sigmoid:",
    statement=sp.Eq(th, shifted, evaluate=False),
    steps=[
        Step(th),
        Step(minus / plus, because=r"definition of $\tanh$"),
        Step((1 - sp.exp(-2 * x)) / (1 + sp.exp(-2 * x)), because=r"multiply numerator and denominator by $e^{-x}$"),
        Step(2 / (1 + sp.exp(-2 * x)) - 1, because=r"$1 - e^{-2x} = 2 - (1 + e^{-2x})$"),
        Step(shifted, because=r"definition of the sigmoid at $2x$"),
    ],
    oracle=lambda point: mpmath.tanh(point.x),
)

via_sigmoid = 4 * Logistic(2 * x) * (1 - Logistic(2 * x))

slope_via_sigmoid = Claim(
    label="slope via the sigmoid",
    text=r"so its slope is four times the sigmoid's slope at $2x$:",
    statement=sp.Eq(derivative, via_sigmoid, evaluate=False),
    steps=[
        Step(derivative),
        Step(sp.Derivative(shifted, x), by=sigmoid_claim),
        Step(
            via_sigmoid,
            because=r"chain rule, with $\operatorname{sigmoid}'(u) = \operatorname{sigmoid}(u)(1 - \operatorname{sigmoid}(u))$ ({by})",
            by=sigmoid_derivative,
        ),
    ],
    oracle=oracle_derivative,
)

# --- documentation vocabulary ---------------------------------------------------------------
# x the input; tanh, and σ(x) the logistic function.

vocabulary = Vocabulary(
    domain_names=True,
    sigma="logistic",
    examples=[
        (r"\frac{d}{dx}\tanh(x) = 1 - \tanh(x)^2", r"\frac{d}{dx}\tanh(x) = 1 + \tanh(x)^2"),
        (r"\tanh(x) = 2\sigma(2x) - 1", r"\tanh(x) = 2\sigma(x) - 1"),
    ],
)


tanh_derivative = Result(
    vocabulary=vocabulary,
    title="Derivative of the hyperbolic tangent",
    area="Gradients",
    claims=[derivative_claim, at_most_one, positive_claim, maximum_claim, sigmoid_claim, slope_via_sigmoid],
    domain=Domain({x: reals(-6, 6)}, points=16),
    remarks=[
        Remark(
            text=r"The slope saturates away from $0$: at $x = 3$ it is already $1 - \tanh^2(3) = {value}$.",
            value=closed_form,
            at=Point({x: mpmath.mpf(3)}),
        ),
    ],
    references=["goodfellow2016"],
)
