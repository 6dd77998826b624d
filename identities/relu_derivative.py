"""The rectified linear unit ReLU(x) = max(0, x) has derivative 1 for x > 0 and 0 for x < 0, and none at x = 0, where every s in [0, 1] is a subgradient.

At x = 0 the one-sided derivatives are 0 (from the left) and 1 (from the right), so
ReLU is not differentiable there; the subgradients at 0 are exactly the slopes s with
ReLU(t) ≥ s t for all t, which is the interval [0, 1]. Deep-learning frameworks
conventionally use s = 0 at x = 0. Away from 0 the derivative is the step function
1[x > 0]: a gradient passes through an active unit unchanged and is stopped by an
inactive one.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, positive, reals
from derive.notation import Notation
from derive.vocabulary import Vocabulary, function_of


class ReLU(Notation):
    """ReLU(t) = max(0, t), the rectified linear unit."""

    nargs = 1

    def definition(self):
        return sp.Max(0, self.args[0])

    def _eval_is_nonnegative(self):
        return True

    def _latex(self, printer, exp=None):
        text = rf"\operatorname{{ReLU}}\left({printer._print(self.args[0])}\right)"
        return text if exp is None else rf"{text}^{{{exp}}}"

    def _unicode(self, printer):
        return f"ReLU({printer._print(self.args[0])})"


x = sp.Symbol("x", real=True)
x_pos = sp.Symbol("x", positive=True)
x_neg = sp.Symbol("x", negative=True)
h = sp.Symbol("h", real=True)
t = sp.Symbol("t", real=True)
s = sp.Symbol("s", nonnegative=True)  # a candidate slope at 0, sampled from [0, 1]


def mp_relu(value):
    return max(mpmath.mpf(0), value)


def oracle_derivative(point):
    return mpmath.diff(mp_relu, point.x)


def one_sided(direction):
    """lim_{h → 0±} (ReLU(h) − ReLU(0))/h, from the difference quotients on one side."""
    return lambda point: mpmath.limit(lambda step: (mp_relu(step) - mp_relu(0)) / step, 0, direction=direction)


positive_side = Claim(
    label="x > 0",
    text=r"For $x > 0$ the unit is active and passes the gradient unchanged:",
    statement=sp.Eq(sp.Derivative(ReLU(x_pos), x_pos), 1, evaluate=False),
    steps=[
        Step(sp.Derivative(ReLU(x_pos), x_pos)),
        Step(sp.Derivative(x_pos, x_pos), because=r"$\max(0, x) = x$ for $x > 0$"),
        Step(sp.Integer(1), because=r"$\partial x/\partial x = 1$"),
    ],
    oracle=oracle_derivative,
    domain=Domain({x_pos: positive("0.05", 4)}),
)

negative_side = Claim(
    label="x < 0",
    text=r"for $x < 0$ it is inactive and stops it:",
    statement=sp.Eq(sp.Derivative(ReLU(x_neg), x_neg), 0, evaluate=False),
    steps=[
        Step(sp.Derivative(ReLU(x_neg), x_neg)),
        Step(sp.Integer(0), because=r"$\max(0, x) = 0$ for $x < 0$, a constant"),
    ],
    oracle=oracle_derivative,
    domain=Domain({x_neg: reals(-4, "-0.05")}),
)

step_function = sp.Piecewise((1, x > 0), (0, x < 0))

away_from_zero = Claim(
    label="x != 0",
    text=r"Together, for every $x \ne 0$ (the piecewise function below is not defined at $0$):",
    statement=sp.Eq(sp.Derivative(ReLU(x), x), step_function, evaluate=False),
    steps=[
        Step(sp.Derivative(ReLU(x), x)),
        Step(
            step_function,
            because=r"by {by1} on $x > 0$ and by {by2} on $x < 0$",
            by=(positive_side, negative_side),
            proof="case split",
        ),
    ],
    oracle=oracle_derivative,
)

quotient = (ReLU(h) - ReLU(0)) / h

right_derivative = Claim(
    label="right derivative at 0",
    text=r"At $x = 0$ the one-sided derivatives differ, so ReLU has no derivative there: from the right",
    statement=sp.Eq(sp.Limit(quotient, h, 0, "+"), 1, evaluate=False),
    steps=[
        Step(sp.Limit(quotient, h, 0, "+")),
        Step(sp.Integer(1), because=r"for $h > 0$ the quotient is $(h - 0)/h = 1$"),
    ],
    oracle=one_sided(1),
    domain=Domain({}),
)

left_derivative = Claim(
    label="left derivative at 0",
    text=r"and from the left",
    statement=sp.Eq(sp.Limit(quotient, h, 0, "-"), 0, evaluate=False),
    steps=[
        Step(sp.Limit(quotient, h, 0, "-")),
        Step(sp.Integer(0), because=r"for $h < 0$ the quotient is $(0 - 0)/h = 0$"),
    ],
    oracle=one_sided(-1),
    domain=Domain({}),
)

subgradient = Claim(
    label="subgradients at 0",
    text=(
        r"Every slope $s \in [0, 1]$ between them is a subgradient at $0$: the line $s t$ stays below "
        r"the graph, for all $t \in \mathbb{R}$ (frameworks conventionally use $s = 0$):"
    ),
    statement=sp.Ge(ReLU(t), ReLU(0) + s * t, evaluate=False),
    steps=[
        Step(ReLU(t)),
        Step(s * ReLU(t) + (1 - s) * ReLU(t), because=r"split $1 = s + (1 - s)$"),
        Step(
            s * t + (1 - s) * ReLU(t),
            relation=">=",
            because=r"$\operatorname{ReLU}(t) = \max(0, t) \ge t$ and $s \ge 0$",
        ),
        Step(s * t, relation=">=", because=r"$\operatorname{ReLU}(t) \ge 0$ and $1 - s \ge 0$"),
        Step(ReLU(0) + s * t, because=r"$\operatorname{ReLU}(0) = 0$"),
    ],
    oracle=lambda point: mp_relu(point.t),
    domain=Domain({t: reals(-4, 4), s: reals(0, 1)}, points=16),
)

# --- documentation vocabulary ---------------------------------------------------------------
# x the input; ReLU(x) = max(x, 0).

vocabulary = Vocabulary(
    domain_names=True,
    entries={"ReLU": function_of(lambda env, arg: ReLU(arg)), "relu": function_of(lambda env, arg: ReLU(arg))},
    examples=[
        (r"\operatorname{ReLU}(x) = \frac{x + \sqrt{x^2}}{2}", r"\operatorname{ReLU}(x) = \frac{x - \sqrt{x^2}}{2}"),
        (r"\operatorname{ReLU}(2x) = 2\operatorname{ReLU}(x)", r"\operatorname{ReLU}(2x) = \operatorname{ReLU}(x)"),
    ],
)


relu_derivative = Result(
    vocabulary=vocabulary,
    title="Derivative of the rectified linear unit",
    area="Gradients",
    claims=[positive_side, negative_side, away_from_zero, right_derivative, left_derivative, subgradient],
    domain=Domain({x: reals(-4, 4)}, points=16),
    references=["goodfellow2016"],
)
