"""For a, b ∈ ℝ^d, a·b = ‖a‖‖b‖cos θ with θ the angle between a and b in the plane they span, equivalently ‖a − b‖² = ‖a‖² + ‖b‖² − 2‖a‖‖b‖cos θ, and |a·b| ≤ ‖a‖‖b‖.

The angle is defined geometrically, without the dot product: in the plane of a and b
the unit vectors â = a/‖a‖ and b̂ = b/‖b‖ lie on the unit circle, and the chord between
them has length 2 sin(θ/2), so θ = 2 arcsin(‖â − b̂‖/2) ∈ [0, π]. Expanding ‖â − b̂‖²
then gives cos θ = â·b̂. The Cauchy–Schwarz inequality follows from Lagrange's
identity ‖a‖²‖b‖² − (a·b)² = ½ Σ_i Σ_j (a_i b_j − a_j b_i)², a sum of squares; it is
what makes the more common definition θ = arccos(a·b/(‖a‖‖b‖)) meaningful in ℝ^d.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Statement, Step, dimension, reals, vector
from derive.notation import Notation, Sum, d, i, j, k, latex_power
from derive.vocabulary import Vocabulary, computed_number, vector_of

a = sp.IndexedBase("a", real=True)
b = sp.IndexedBase("b", real=True)


class Dot(Notation):
    """a·b = Σ_k a_k b_k."""

    nargs = 3

    def definition(self):
        left, right, size = self.args
        dummy = sp.Dummy("k", integer=True, positive=True)
        return sp.Sum(left[dummy] * right[dummy], (dummy, 1, size))

    def _latex(self, printer, exp=None):
        tex = rf"{printer._print(self.args[0])} \cdot {printer._print(self.args[1])}"
        return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return f"{printer._print(self.args[0])}·{printer._print(self.args[1])}"


class Norm(Notation):
    """‖a‖ = √(Σ_k a_k²), the Euclidean length."""

    nargs = 2

    def definition(self):
        vec, size = self.args
        dummy = sp.Dummy("k", integer=True, positive=True)
        return sp.sqrt(sp.Sum(vec[dummy] ** 2, (dummy, 1, size)))

    def _eval_is_nonnegative(self):
        return True

    def _latex(self, printer, exp=None):
        return latex_power(rf"\left\|{printer._print(self.args[0])}\right\|", exp)

    def _unicode(self, printer, **kwargs):
        return f"‖{printer._print(self.args[0])}‖"


class Distance(Notation):
    """‖a − b‖ = √(Σ_k (a_k − b_k)²)."""

    nargs = 3

    def definition(self):
        left, right, size = self.args
        dummy = sp.Dummy("k", integer=True, positive=True)
        return sp.sqrt(sp.Sum((left[dummy] - right[dummy]) ** 2, (dummy, 1, size)))

    def _eval_is_nonnegative(self):
        return True

    def _latex(self, printer, exp=None):
        return latex_power(rf"\left\|{printer._print(self.args[0])} - {printer._print(self.args[1])}\right\|", exp)

    def _unicode(self, printer, **kwargs):
        return f"‖{printer._print(self.args[0])} − {printer._print(self.args[1])}‖"


class UnitChord(Notation):
    """‖â − b̂‖ with â = a/‖a‖, b̂ = b/‖b‖: the chord between the two directions on the unit circle."""

    nargs = 3

    def definition(self):
        left, right, size = self.args
        dummy = sp.Dummy("k", integer=True, positive=True)
        return sp.sqrt(
            sp.Sum((left[dummy] / Norm(left, size) - right[dummy] / Norm(right, size)) ** 2, (dummy, 1, size))
        )

    def _eval_is_nonnegative(self):
        return True

    def _latex(self, printer, exp=None):
        return latex_power(
            rf"\left\|\hat{{{printer._print(self.args[0])}}} - \hat{{{printer._print(self.args[1])}}}\right\|", exp
        )

    def _unicode(self, printer, **kwargs):
        return f"‖{printer._print(self.args[0])}̂ − {printer._print(self.args[1])}̂‖"


class Angle(Notation):
    """θ = 2 arcsin(‖â − b̂‖/2), the angle between a and b in the plane they span."""

    nargs = 3

    def definition(self):
        return 2 * sp.asin(UnitChord(*self.args) / 2)

    def _latex(self, printer, exp=None):
        return latex_power(r"\theta", exp)

    def _unicode(self, printer, **kwargs):
        return "θ"


dot = Dot(a, b, d)
norm_a, norm_b = Norm(a, d), Norm(b, d)
theta = Angle(a, b, d)
chord = UnitChord(a, b, d)
distance = Distance(a, b, d)
square_pair = (a[i] * b[j] - a[j] * b[i]) ** 2
lagrange_sum = sp.Rational(1, 2) * Sum(Sum(square_pair, j, d), i, d)


# --- oracles: plain mpmath from the definitions -------------------------------------------


def mp_norm(vec):
    return mpmath.sqrt(mpmath.fsum(x * x for x in vec))


def mp_dot(left, right):
    return mpmath.fsum(x * y for x, y in zip(left, right))


def mp_angle(left, right):
    """2 arcsin(‖â − b̂‖/2): half the chord between the unit vectors is the sine of half the angle."""
    unit_left = [x / mp_norm(left) for x in left]
    unit_right = [y / mp_norm(right) for y in right]
    chord_length = mp_norm([x - y for x, y in zip(unit_left, unit_right)])
    return 2 * mpmath.asin(chord_length / 2)


def oracle_distance_squared(point):
    return mp_norm([x - y for x, y in zip(point.a, point.b)]) ** 2


def oracle_cosine_form(point):
    return mp_norm(point.a) * mp_norm(point.b) * mpmath.cos(mp_angle(point.a, point.b))


def oracle_lagrange(point):
    return mpmath.fsum(x * x for x in point.a) * mpmath.fsum(y * y for y in point.b) - mp_dot(point.a, point.b) ** 2


def oracle_dot_squared(point):
    return mp_dot(point.a, point.b) ** 2


def oracle_abs_dot(point):
    return abs(mp_dot(point.a, point.b))


# --- claims ------------------------------------------------------------------------------

expansion = Claim(
    label="expansion",
    text=r"Let $a \cdot b = \sum_k a_k b_k$ and $\|a\| = \sqrt{a \cdot a}$. Expanding the square,",
    statement=sp.Eq(distance**2, norm_a**2 + norm_b**2 - 2 * dot, evaluate=False),
    steps=[
        Step(distance**2),
        Step(Sum((a[k] - b[k]) ** 2, k, d), because=r"definition of $\|a - b\|$"),
        Step(
            Sum(a[k] ** 2, k, d) + Sum(b[k] ** 2, k, d) - 2 * Sum(a[k] * b[k], k, d),
            because=r"$(a_k - b_k)^2 = a_k^2 + b_k^2 - 2 a_k b_k$; split the sum",
        ),
        Step(norm_a**2 + norm_b**2 - 2 * dot, because="definitions of the length and the dot product"),
    ],
    oracle=oracle_distance_squared,
)

cosine_form = Claim(
    label="angle",
    text=(
        r"For $a, b \ne 0$ let $\theta \in [0, \pi]$ be the angle between them in the plane they span. There the unit "
        r"vectors $\hat{a} = a/\|a\|$, $\hat{b} = b/\|b\|$ lie on the unit circle and the chord between them has length "
        r"$2\sin(\theta/2)$, so $\theta = 2\arcsin(\|\hat{a} - \hat{b}\|/2)$. Then"
    ),
    statement=sp.Eq(norm_a * norm_b * sp.cos(theta), dot, evaluate=False),
    steps=[
        Step(norm_a * norm_b * sp.cos(theta)),
        Step(norm_a * norm_b * (1 - 2 * sp.sin(theta / 2) ** 2), because=r"$\cos \theta = 1 - 2\sin^2(\theta/2)$"),
        Step(norm_a * norm_b * (1 - chord**2 / 2), because=r"the chord: $\sin(\theta/2) = \|\hat{a} - \hat{b}\|/2$"),
        Step(
            norm_a * norm_b * (1 - (2 - 2 * dot / (norm_a * norm_b)) / 2),
            because=r"part {by} for $\hat{a}, \hat{b}$: $\|\hat{a}\| = \|\hat{b}\| = 1$, $\hat{a} \cdot \hat{b} = a \cdot b/(\|a\|\|b\|)$",
            by=expansion,
        ),
        Step(dot, because="multiply out"),
    ],
    oracle=oracle_cosine_form,
)

law_of_cosines = Claim(
    label="law of cosines",
    text=r"Equivalently, in the triangle with sides $a$, $b$ and $a - b$ (the law of cosines):",
    statement=sp.Eq(distance**2, norm_a**2 + norm_b**2 - 2 * norm_a * norm_b * sp.cos(theta), evaluate=False),
    steps=[
        Step(distance**2),
        Step(norm_a**2 + norm_b**2 - 2 * dot, because="part {by}", by=expansion),
        Step(norm_a**2 + norm_b**2 - 2 * norm_a * norm_b * sp.cos(theta), because="part {by}", by=cosine_form),
    ],
    oracle=oracle_distance_squared,
)

lagrange = Claim(
    label="Lagrange's identity",
    text=r"Lagrange's identity writes the gap in the Cauchy--Schwarz inequality as a sum of squares:",
    statement=sp.Eq(norm_a**2 * norm_b**2 - dot**2, lagrange_sum, evaluate=False),
    steps=[
        Step(norm_a**2 * norm_b**2 - dot**2),
        Step(
            Sum(a[i] ** 2, i, d) * Sum(b[j] ** 2, j, d) - Sum(a[i] * b[i], i, d) * Sum(a[j] * b[j], j, d),
            because="definitions; name the summation indices $i$ and $j$",
        ),
        Step(
            sp.Rational(1, 2)
            * Sum(Sum(a[i] ** 2 * b[j] ** 2 + a[j] ** 2 * b[i] ** 2 - 2 * a[i] * b[i] * a[j] * b[j], j, d), i, d),
            because=r"products of sums as double sums; $\sum_{i,j} a_i^2 b_j^2 = \sum_{i,j} a_j^2 b_i^2$",
        ),
        Step(lagrange_sum, because=r"$(a_i b_j - a_j b_i)^2 = a_i^2 b_j^2 + a_j^2 b_i^2 - 2 a_i b_i a_j b_j$"),
    ],
    oracle=oracle_lagrange,
)

squared_bound = Claim(
    label="Cauchy-Schwarz, squared",
    text="Since a sum of squares is nonnegative,",
    statement=Statement(dot**2, "<=", norm_a**2 * norm_b**2),
    steps=[
        Step(dot**2),
        Step(dot**2 + lagrange_sum, relation="<=", because="add a sum of squares"),
        Step(norm_a**2 * norm_b**2, because="part {by}", by=lagrange),
    ],
    oracle=oracle_dot_squared,
)

cauchy_schwarz = Claim(
    label="Cauchy-Schwarz",
    text=r"Taking square roots gives the Cauchy--Schwarz inequality (so $\cos \theta = a \cdot b/(\|a\|\|b\|)$ lies in $[-1, 1]$):",
    statement=Statement(sp.Abs(dot), "<=", norm_a * norm_b),
    steps=[
        Step(sp.Abs(dot)),
        Step(sp.sqrt(dot**2), because=r"$|x| = \sqrt{x^2}$ for real $x$"),
        Step(
            sp.sqrt(norm_a**2 * norm_b**2),
            relation="<=",
            because=r"part {by}; $\sqrt{\cdot}$ is increasing",
            by=squared_bound,
        ),
        Step(norm_a * norm_b, because=r"lengths are $\ge 0$"),
    ],
    oracle=oracle_abs_dot,
)

# --- documentation vocabulary ---------------------------------------------------------------
# a, b (u, v, x, y) two vectors of length d, θ the angle between them, ‖·‖ the Euclidean norm.

vocabulary = Vocabulary(
    domain_names=True,
    dims={"n": d, "D": d},
    entries={"u": vector_of(a), "v": vector_of(b), "theta": computed_number(lambda env: env.concretise(theta))},
    examples=[
        (r"a \cdot b = \sqrt{a \cdot a}\,\sqrt{b \cdot b}\,\cos\theta", r"a \cdot b = \sqrt{a \cdot a}\,\cos\theta"),
        (
            r"(a - b) \cdot (a - b) = a \cdot a + b \cdot b - 2\, a \cdot b",
            r"(a - b) \cdot (a - b) = a \cdot a + b \cdot b + 2\, a \cdot b",
        ),
        (r"(a \cdot b)^2 \le (a \cdot a)(b \cdot b)", r"(a \cdot b)^2 \le a \cdot a"),
    ],
)


dot_product_cosine = Result(
    vocabulary=vocabulary,
    title="Dot product, angle and the Cauchy-Schwarz inequality",
    area="Linear algebra",
    claims=[expansion, cosine_form, law_of_cosines, lagrange, squared_bound, cauchy_schwarz],
    domain=Domain({d: dimension(1, 6), a: vector(d, reals(-3, 3)), b: vector(d, reals(-3, 3))}),
    references=["golub2013"],
)
