"""The Gaussian error linear unit GELU(x) = x Φ(x) has derivative GELU'(x) = Φ(x) + x φ(x), with Φ and φ the standard normal distribution function and density; its tanh form is only an approximation.

Here Φ(x) = (1 + erf(x/√2))/2 and φ(x) = e^{−x²/2}/√(2π) = Φ'(x), so the derivative is
the product rule. GELU'(0) = 1/2, and unlike ReLU the slope is negative for some
x < 0 (GELU'(−1) = Φ(−1) − φ(−1) < 0), so GELU is not monotone. The widely used form
(x/2)(1 + tanh(√(2/π)(x + 0.044715 x³))) is an approximation of x Φ(x), not an
identity: at x = 1 the two differ by about 1.5·10⁻⁴.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, reals
from derive.domain import Point
from derive.notation import EvaluatedAt, Notation, bracketed_latex_power
from derive.vocabulary import Vocabulary, function_of

x = sp.Symbol("x", real=True)
CUBIC = sp.Rational(44715, 10**6)  # 0.044715, the constant of the tanh approximation


class NormalCDF(Notation):
    """Φ(t) = (1 + erf(t/√2))/2, the standard normal distribution function."""

    nargs = 1

    def definition(self):
        return (1 + sp.erf(self.args[0] / sp.sqrt(2))) / 2

    def _eval_is_positive(self):
        return True

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(rf"\Phi\left({printer._print(self.args[0])}\right)", exp)

    def _unicode(self, printer):
        return f"Φ({printer._print(self.args[0])})"


class NormalPDF(Notation):
    """φ(t) = e^{−t²/2}/√(2π), the standard normal density."""

    nargs = 1

    def definition(self):
        return sp.exp(-(self.args[0] ** 2) / 2) / sp.sqrt(2 * sp.pi)

    def _eval_is_positive(self):
        return True

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(rf"\phi\left({printer._print(self.args[0])}\right)", exp)

    def _unicode(self, printer):
        return f"φ({printer._print(self.args[0])})"


class GELU(Notation):
    """GELU(t) = t Φ(t)."""

    nargs = 1

    def definition(self):
        return self.args[0] * NormalCDF(self.args[0])

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(rf"\operatorname{{GELU}}\left({printer._print(self.args[0])}\right)", exp)

    def _unicode(self, printer):
        return f"GELU({printer._print(self.args[0])})"


class GELUTanh(Notation):
    """(t/2)(1 + tanh(√(2/π)(t + 0.044715 t³))), the tanh approximation of GELU."""

    nargs = 1

    def definition(self):
        u = self.args[0]
        return u / 2 * (1 + sp.tanh(sp.sqrt(2 / sp.pi) * (u + CUBIC * u**3)))

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(
            rf"\operatorname{{GELU}}_{{\tanh}}\left({printer._print(self.args[0])}\right)", exp
        )

    def _unicode(self, printer):
        return f"GELU_tanh({printer._print(self.args[0])})"


Phi, phi = NormalCDF(x), NormalPDF(x)
derivative = sp.Derivative(GELU(x), x)
closed_form = Phi + x * phi


def mp_gelu(value):
    """x Φ(x) with mpmath's normal distribution function."""
    return value * mpmath.ncdf(value)


def mp_gelu_tanh(value):
    return value / 2 * (1 + mpmath.tanh(mpmath.sqrt(2 / mpmath.pi) * (value + mpmath.mpf(44715) / 10**6 * value**3)))


cdf_claim = Claim(
    label="density",
    text=r"With $\Phi(x) = (1 + \operatorname{erf}(x/\sqrt{2}))/2$, the density is its derivative:",
    statement=sp.Eq(sp.Derivative(Phi, x), phi, evaluate=False),
    steps=[
        Step(sp.Derivative(Phi, x)),
        Step(sp.Derivative((1 + sp.erf(x / sp.sqrt(2))) / 2, x), because=r"definition of $\Phi$"),
        Step(
            sp.exp(-(x**2) / 2) / (sp.sqrt(sp.pi) * sp.sqrt(2)),
            because=r"$\operatorname{erf}'(u) = 2 e^{-u^2}/\sqrt{\pi}$, chain rule with $u = x/\sqrt{2}$",
        ),
        Step(phi, because=r"definition of $\phi$"),
    ],
    oracle=lambda point: mpmath.diff(mpmath.ncdf, point.x),
)

derivative_claim = Claim(
    label="derivative",
    text=r"The derivative of $\operatorname{GELU}(x) = x \Phi(x)$ is",
    statement=sp.Eq(derivative, closed_form, evaluate=False),
    steps=[
        Step(derivative),
        Step(sp.Derivative(x * Phi, x), because=r"definition of GELU"),
        Step(Phi + x * sp.Derivative(Phi, x), because="product rule"),
        Step(closed_form, by=cdf_claim),
    ],
    oracle=lambda point: mpmath.diff(mp_gelu, point.x),
)

slope_at_zero = EvaluatedAt(derivative, x, 0)

at_zero = Claim(
    label="slope at 0",
    text=r"At $0$ the slope is $1/2$,",
    statement=sp.Eq(slope_at_zero, sp.Rational(1, 2), evaluate=False),
    steps=[
        Step(slope_at_zero),
        Step(NormalCDF(0) + 0 * NormalPDF(0), by=derivative_claim),
        Step(sp.Rational(1, 2), because=r"$\Phi(0) = (1 + \operatorname{erf}(0))/2 = 1/2$"),
    ],
    oracle=lambda point: mpmath.diff(mp_gelu, 0),
)

slope_at_minus_one = EvaluatedAt(derivative, x, -1)

not_monotone = Claim(
    label="negative slope",
    text=r"and unlike ReLU the slope is negative somewhere, for instance at $x = -1$, so GELU is not monotone:",
    statement=sp.Lt(slope_at_minus_one, 0, evaluate=False),
    steps=[
        Step(slope_at_minus_one),
        Step(NormalCDF(-1) - NormalPDF(-1), by=derivative_claim),
        Step(sp.Integer(0), relation="<", because=r"$\Phi(-1) \approx 0.1587$ and $\phi(-1) \approx 0.2420$"),
    ],
    oracle=lambda point: mpmath.diff(mp_gelu, -1),
)

one = sp.Integer(1)
gap = GELU(one) - GELUTanh(one)

approximation = Claim(
    label="tanh form is approximate",
    text=(
        r"The tanh form $\operatorname{GELU}_{\tanh}(x) = \frac{x}{2}(1 + \tanh(\sqrt{2/\pi}(x + 0.044715 x^3)))$ "
        r"is an approximation, not an identity; at $x = 1$ it falls short of GELU:"
    ),
    statement=sp.Gt(gap, 0, evaluate=False),
    steps=[
        Step(gap),
        Step(NormalCDF(one) - GELUTanh(one), because=r"$\operatorname{GELU}(1) = 1 \cdot \Phi(1)$"),
        Step(
            sp.Integer(0),
            relation=">",
            because=r"$\Phi(1) \approx 0.841345$ while $\operatorname{GELU}_{\tanh}(1) = \frac{1}{2}(1 + \tanh(1.044715\sqrt{2/\pi})) \approx 0.841192$",
        ),
    ],
    oracle=lambda point: mp_gelu(mpmath.mpf(1)) - mp_gelu_tanh(mpmath.mpf(1)),
    domain=Domain({}),
)

# --- documentation vocabulary ---------------------------------------------------------------
# x the input; GELU(x) = x Φ(x), Φ the standard normal CDF, φ (ϕ) its density; GELU_tanh its tanh approximation.

vocabulary = Vocabulary(
    domain_names=True,
    entries={
        "GELU": function_of(lambda env, arg: GELU(arg)),
        "Phi": function_of(lambda env, arg: NormalCDF(arg)),
        "phi": function_of(lambda env, arg: NormalPDF(arg)),
        "GELU_tanh": function_of(lambda env, arg: GELUTanh(arg), subscripted=True),
    },
    examples=[
        (
            r"\frac{d}{dx}\operatorname{GELU}(x) = \Phi(x) + x\,\phi(x)",
            r"\frac{d}{dx}\operatorname{GELU}(x) = \Phi(x) - x\,\phi(x)",
        ),
        (r"\frac{d}{dx}\Phi(x) = \phi(x)", r"\frac{d}{dx}\Phi(x) = x\,\phi(x)"),
    ],
)


gelu_derivative = Result(
    vocabulary=vocabulary,
    title="Derivative of GELU",
    area="Gradients",
    claims=[cdf_claim, derivative_claim, at_zero, not_monotone, approximation],
    domain=Domain({x: reals(-5, 5)}, points=16),
    remarks=[
        Remark(
            text=r"At $x = -1$ the slope is $\operatorname{GELU}'(-1) = {value}$.",
            value=closed_form,
            at=Point({x: mpmath.mpf(-1)}),
        ),
        Remark(
            text=r"At $x = 1$ the tanh form is off by $\operatorname{GELU}(1) - \operatorname{GELU}_{\tanh}(1) = {value}$.",
            value=gap,
            at=Point({}),
        ),
        Remark(
            text=r"At $x = 3$ it is off by $\operatorname{GELU}(3) - \operatorname{GELU}_{\tanh}(3) = {value}$.",
            value=GELU(3) - GELUTanh(3),
            at=Point({}),
        ),
    ],
    references=["hendrycks2016"],
)
