"""The KL divergence is not symmetric: for p = (1/2, 1/2) and q = (9/10, 1/10), D_KL(p‖q) = log(5/3) but D_KL(q‖p) = (9/5) log 3 − log 5; nor does it satisfy the triangle inequality.

In general D_KL(p‖q) − D_KL(q‖p) = Σ_k (p_k + q_k) log(p_k/q_k), which need not vanish,
while the symmetrised sum D_KL(p‖q) + D_KL(q‖p) = Σ_k (p_k − q_k)(log p_k − log q_k) is
symmetric by construction. The concrete pair above makes the asymmetry exact: the
difference is (1/5) log(5¹⁰/3¹⁴) > 0. With r = (3/4, 1/4) between them,
D_KL(p‖q) exceeds D_KL(p‖r) + D_KL(r‖q) by (1/4) log 3: KL is a divergence, not a metric.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, probability_vector
from derive.domain import Point
from derive.notation import KL, Sum, k, n, p, q
from derive.oracles import mp_kl
from derive.vocabulary import Vocabulary, dimension_names, vector_of

half = sp.Rational(1, 2)


class FixedDistribution(sp.Function):
    """A concrete probability vector shown by its name: ``FixedDistribution(name, (v_1, …, v_n))``."""

    nargs = 2

    @property
    def values(self):
        return self.args[1]

    def _latex(self, printer):
        return printer._print(self.args[0])

    def _unicode(self, printer):
        return printer._print(self.args[0])


class WrittenKL(KL):
    """D_KL(a‖b) between two concrete distributions: the sum Σ_k a_k log(a_k/b_k) written out term by term."""

    def definition(self):
        left, right, _ = self.args
        return sp.Add(*(a * sp.log(a / b) for a, b in zip(left.values, right.values)))


P = FixedDistribution(sp.Symbol("p"), sp.Tuple(half, half))
Q = FixedDistribution(sp.Symbol("q"), sp.Tuple(sp.Rational(9, 10), sp.Rational(1, 10)))
R = FixedDistribution(sp.Symbol("r"), sp.Tuple(sp.Rational(3, 4), sp.Rational(1, 4)))
P_Q, Q_P, P_R, R_Q = WrittenKL(P, Q, 2), WrittenKL(Q, P, 2), WrittenKL(P, R, 2), WrittenKL(R, Q, 2)

CONCRETE = Domain({}, points=5)  # no free symbols: every point is the same


def values(distribution):
    """The entries of a concrete distribution as mpmath numbers at the working precision."""
    return [mpmath.mpf(v.p) / v.q for v in distribution.values]


def oracle_kl(left, right):
    return lambda point: mp_kl(values(left), values(right))


def oracle_concrete_difference(point):
    return mp_kl(values(P), values(Q)) - mp_kl(values(Q), values(P))


def oracle_difference(point):
    return mp_kl(point.p, point.q) - mp_kl(point.q, point.p)


def oracle_sum(point):
    return mp_kl(point.p, point.q) + mp_kl(point.q, point.p)


forward = Claim(
    label="D(p||q)",
    text=r"In particular, for $n = 2$, $p = (1/2, 1/2)$ and $q = (9/10, 1/10)$,",
    statement=sp.Eq(P_Q, sp.log(sp.Rational(5, 3)), evaluate=False),
    steps=[
        Step(P_Q),
        Step(half * sp.log(sp.Rational(5, 9)) + half * sp.log(5), because=r"definition: $p_k/q_k = 5/9$ and $5$"),
        Step(sp.log(sp.Rational(5, 3)), because=r"$(1/2) \log(25/9) = \log(5/3)$"),
    ],
    oracle=oracle_kl(P, Q),
    domain=CONCRETE,
)

backward = Claim(
    label="D(q||p)",
    text=r"while in the other direction",
    statement=sp.Eq(Q_P, sp.Rational(9, 5) * sp.log(3) - sp.log(5), evaluate=False),
    steps=[
        Step(Q_P),
        Step(
            sp.Rational(9, 10) * sp.log(sp.Rational(9, 5)) + sp.Rational(1, 10) * sp.log(sp.Rational(1, 5)),
            because=r"definition: $q_k/p_k = 9/5$ and $1/5$",
        ),
        Step(sp.Rational(9, 5) * sp.log(3) - sp.log(5), because=r"$\log(9/5) = 2 \log 3 - \log 5$"),
    ],
    oracle=oracle_kl(Q, P),
    domain=CONCRETE,
)

concrete_difference = Claim(
    label="they differ",
    text=r"The two differ:",
    statement=sp.Gt(P_Q - Q_P, 0, evaluate=False),
    steps=[
        Step(P_Q - Q_P),
        Step(sp.log(sp.Rational(5, 3)) - (sp.Rational(9, 5) * sp.log(3) - sp.log(5)), by=(forward, backward)),
        Step(2 * sp.log(5) - sp.Rational(14, 5) * sp.log(3), because="collect the logarithms"),
        Step(sp.log(sp.Rational(5**10, 3**14)) / 5, because=r"$\log 5^{10} - \log 3^{14}$, divided by $5$"),
        Step(sp.Integer(0), because=r"$5^{10} = 9765625 > 4782969 = 3^{14}$", relation=">"),
    ],
    oracle=oracle_concrete_difference,
    domain=CONCRETE,
)

general_difference = Claim(
    label="difference in general",
    text=r"The two directions of the divergence differ by",
    statement=sp.Eq(KL(p, q, n) - KL(q, p, n), Sum((p[k] + q[k]) * sp.log(p[k] / q[k]), k, n), evaluate=False),
    steps=[
        Step(KL(p, q, n) - KL(q, p, n)),
        Step(
            Sum(p[k] * sp.log(p[k] / q[k]), k, n) - Sum(q[k] * sp.log(q[k] / p[k]), k, n),
            because="definition of the KL divergence",
        ),
        Step(
            Sum(p[k] * sp.log(p[k] / q[k]), k, n) + Sum(q[k] * sp.log(p[k] / q[k]), k, n),
            because=r"$\log(q_k/p_k) = -\log(p_k/q_k)$",
        ),
        Step(Sum((p[k] + q[k]) * sp.log(p[k] / q[k]), k, n), because="one sum"),
    ],
    oracle=oracle_difference,
)

symmetrised = Claim(
    label="symmetrised sum",
    text=r"and their sum (the symmetrised divergence) is",
    statement=sp.Eq(
        KL(p, q, n) + KL(q, p, n), Sum((p[k] - q[k]) * (sp.log(p[k]) - sp.log(q[k])), k, n), evaluate=False
    ),
    steps=[
        Step(KL(p, q, n) + KL(q, p, n)),
        Step(
            Sum(p[k] * (sp.log(p[k]) - sp.log(q[k])), k, n) + Sum(q[k] * (sp.log(q[k]) - sp.log(p[k])), k, n),
            because=r"definition; log of a quotient ($p_k, q_k > 0$)",
        ),
        Step(Sum((p[k] - q[k]) * (sp.log(p[k]) - sp.log(q[k])), k, n), because="one sum, factor"),
    ],
    oracle=oracle_sum,
)

triangle = Claim(
    label="no triangle inequality",
    text=(
        r"KL also fails the triangle inequality: with $r = (3/4, 1/4)$ between "
        r"$p$ and $q$, the direct divergence exceeds the sum of the two legs,"
    ),
    statement=sp.Gt(P_Q, P_R + R_Q, evaluate=False),
    steps=[
        Step(P_Q),
        Step(sp.log(5) - sp.log(3), by=forward),
        Step(
            sp.Add(sp.log(5) - sp.Rational(5, 4) * sp.log(3), sp.log(3) / 4, evaluate=False),
            because=r"split off $(1/4) \log 3$",
        ),
        Step(sp.log(5) - sp.Rational(5, 4) * sp.log(3), because=r"$\log 3 > 0$", relation=">"),
        Step(
            half * sp.log(sp.Rational(2, 3))
            + half * sp.log(2)
            + sp.Rational(3, 4) * sp.log(sp.Rational(5, 6))
            + sp.Rational(1, 4) * sp.log(sp.Rational(5, 2)),
            because=r"$(1/2)(\log(2/3) + \log 2) = \log 2 - (1/2) \log 3$; $(3/4) \log(5/6) + (1/4) \log(5/2) = \log 5 - (3/4) \log 3 - \log 2$",
        ),
        Step(P_R + R_Q, because=r"definition: $p_k/r_k = 2/3, 2$ and $r_k/q_k = 5/6, 5/2$"),
    ],
    oracle=oracle_kl(P, Q),
    domain=CONCRETE,
)

remarks = [
    Remark(
        text=r"Numerically $D_{\mathrm{KL}}(p \,\|\, q) \approx {value}$ nats for the pair above,",
        value=P_Q,
        at=Point(),
    ),
    Remark(
        text=r"and $D_{\mathrm{KL}}(q \,\|\, p) \approx {value}$ nats.",
        value=Q_P,
        at=Point(),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# p, q (P, Q) distributions over n outcomes; D_KL(p ‖ q), KL(p, q).

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n),
    entries={"P": vector_of(p), "Q": vector_of(q)},
    examples=[
        (
            r"D_{\mathrm{KL}}(p \| q) + D_{\mathrm{KL}}(q \| p) = \sum_k (p_k - q_k) \log \frac{p_k}{q_k}",
            r"D_{\mathrm{KL}}(p \| q) + D_{\mathrm{KL}}(q \| p) = \sum_k (p_k + q_k) \log \frac{p_k}{q_k}",
        ),
        (
            r"D_{\mathrm{KL}}(P \| Q) - D_{\mathrm{KL}}(Q \| P) = \sum_k (P_k + Q_k) \log \frac{P_k}{Q_k}",
            r"D_{\mathrm{KL}}(P \| Q) - D_{\mathrm{KL}}(Q \| P) = 0",
        ),
    ],
)


kl_asymmetry = Result(
    vocabulary=vocabulary,
    title="KL divergence is not symmetric",
    area="Information theory",
    claims=[general_difference, symmetrised, forward, backward, concrete_difference, triangle],
    domain=Domain({n: dimension(1, 6), p: probability_vector(n), q: probability_vector(n)}),
    remarks=remarks,
    references=["kullback1951", "cover2006"],
)
