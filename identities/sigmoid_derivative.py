"""The logistic sigmoid has derivative sigmoid'(x) = sigmoid(x)(1 − sigmoid(x)), which is at most 1/4, with equality at x = 0.

Derived by the chain rule from sigmoid(x) = 1/(1 + e^{−x}). The bound follows from
1/4 − s(1 − s) = (s − 1/2)² ≥ 0 with s = sigmoid(x); the square vanishes only at
s = 1/2, i.e. at x = 0, where the bound is attained.
A gradient passing backwards through a chain of m sigmoid units is therefore multiplied
by a factor of size at most (1/4)^m times the product of the absolute weights on the
way, one source of vanishing gradients in deep sigmoid networks.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, reals
from derive.domain import Point
from derive.notation import EvaluatedAt, Logistic
from derive.oracles import mp_logistic
from derive.vocabulary import Vocabulary, number_of

x = sp.Symbol("x", real=True)


s = Logistic(x)
derivative = sp.Derivative(s, x)
closed_form = s * (1 - s)
half = sp.Rational(1, 2)
quarter = sp.Rational(1, 4)


def oracle_derivative(point):
    return mpmath.diff(mp_logistic, point.x)


def oracle_at_zero(point):
    return mpmath.diff(mp_logistic, 0)


derivative_claim = Claim(
    label="derivative",
    text=r"The derivative of the logistic sigmoid is",
    statement=sp.Eq(derivative, closed_form, evaluate=False),
    steps=[
        Step(derivative),
        Step(sp.Derivative(1 / (1 + sp.exp(-x)), x), because="definition of the sigmoid"),
        Step(
            sp.exp(-x) / (1 + sp.exp(-x)) ** 2,
            because=r"chain rule: $\partial (1+e^{-x})^{-1}/\partial x = e^{-x} (1+e^{-x})^{-2}$",
        ),
        Step(s * sp.exp(-x) / (1 + sp.exp(-x)), because=r"split the square; definition of the sigmoid"),
        Step(closed_form, because=r"$e^{-x}/(1+e^{-x}) = 1 - 1/(1+e^{-x})$"),
    ],
    oracle=oracle_derivative,
)

bound_claim = Claim(
    label="at most 1/4",
    text=r"With $s = \operatorname{sigmoid}(x)$, it is at most $1/4$:",
    statement=sp.Le(derivative, quarter, evaluate=False),
    steps=[
        Step(derivative),
        Step(closed_form, by=derivative_claim),
        Step(quarter - (s - half) ** 2, because=r"complete the square: $s(1-s) = 1/4 - (s - 1/2)^2$"),
        Step(quarter, relation="<=", because=r"$(s - 1/2)^2 \ge 0$"),
    ],
    oracle=oracle_derivative,
)

slope_at_zero = EvaluatedAt(derivative, x, 0)

equality_claim = Claim(
    label="equality at 0",
    text=r"and the bound is attained at $x = 0$, where $\operatorname{sigmoid}(0) = 1/2$:",
    statement=sp.Eq(slope_at_zero, quarter, evaluate=False),
    steps=[
        Step(slope_at_zero),
        Step(EvaluatedAt(closed_form, x, 0), by=derivative_claim),
        Step(Logistic(0) * (1 - Logistic(0)), because="evaluate at $x = 0$"),
        Step(quarter, because=r"$\operatorname{sigmoid}(0) = 1/(1 + e^{0}) = 1/2$"),
    ],
    oracle=oracle_at_zero,
)

# --- documentation vocabulary ---------------------------------------------------------------
# x the input; σ(x), sigmoid(x), logistic(x) the logistic function; s = σ(x) its value.

vocabulary = Vocabulary(
    domain_names=True,
    sigma="logistic",
    entries={"s": number_of(s)},
    examples=[
        (r"\frac{d}{dx}\sigma(x) = \sigma(x)\,(1 - \sigma(x))", r"\frac{d}{dx}\sigma(x) = \sigma(x)\,(1 + \sigma(x))"),
        (r"\frac{ds}{dx} = s(1 - s) \le \frac{1}{4}", r"\frac{ds}{dx} = s(1 - s) \le \frac{1}{8}"),
    ],
)


sigmoid_derivative = Result(
    vocabulary=vocabulary,
    title="Derivative of the logistic sigmoid and its bound",
    area="Gradients",
    claims=[derivative_claim, bound_claim, equality_claim],
    domain=Domain({x: reals(-8, 8)}, points=16),
    remarks=[
        Remark(
            text=r"Away from $0$ the slope falls off quickly: at $x = 5$ it is $\operatorname{sigmoid}'(5) = {value}$.",
            value=closed_form,
            at=Point({x: mpmath.mpf(5)}),
        ),
        Remark(
            text=r"Ten sigmoid units in a chain, with unit weights, multiply a gradient by at most $(1/4)^{10} = {value}$.",
            value=quarter**10,
            at=Point({}),
        ),
    ],
    references=["rumelhart1986", "goodfellow2016"],
)
