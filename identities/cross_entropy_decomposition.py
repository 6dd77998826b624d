"""Cross-entropy is entropy plus KL divergence, H(p, q) = H(p) + D_KL(p‖q), and D_KL(p‖q) ≥ 0 with equality at q = p (Gibbs' inequality).

For probability vectors p, q ∈ Δⁿ the decomposition follows from the definitions and
log(p_k/q_k) = log p_k − log q_k. Gibbs' inequality follows termwise from
log t ≤ t − 1 (equality only at t = 1), so D_KL(p‖q) > 0 when q ≠ p: over a fixed p,
the cross-entropy is smallest, and equal to H(p), at q = p. When p has zero
components the terms 0·log 0 are read as the limit of t log t as t → 0⁺, which is 0,
and the decomposition still holds on the support of p.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, probability_vector
from derive.domain import Point
from derive.notation import KL, CrossEntropy, Entropy, Sum, k, n, p, q
from derive.numeric import WORKING_DIGITS
from derive.oracles import mp_cross_entropy, mp_kl
from derive.vocabulary import Vocabulary, dimension_names, vector_of

t = sp.Symbol("t", positive=True)  # the variable of the limit t log t as t -> 0+


def oracle_cross_entropy(point):
    return mp_cross_entropy(point.p, point.q)


def oracle_kl(point):
    return mp_kl(point.p, point.q)


def oracle_kl_same(point):
    return mp_kl(point.p, point.p)


def oracle_t_log_t_near_zero(point):
    """t log t at t = 10^-(3·digits): within 10^-(3·digits - 3) of the limit, far below the 50 digits compared."""
    tiny = mpmath.mpf(10) ** (-3 * mpmath.mp.dps)
    return tiny * mpmath.log(tiny)


def oracle_cross_entropy_with_zero(point):
    """H(p, q) for p = (p_1, ..., p_{n-1}, 0); the oracle drops the zero term (0 log q_n = 0)."""
    return mp_cross_entropy(list(point.p) + [mpmath.mpf(0)], point.q)


decomposition = Claim(
    label="decomposition",
    text=r"The cross-entropy of $q$ relative to $p$ is the entropy of $p$ plus the KL divergence:",
    statement=sp.Eq(CrossEntropy(p, q, n), Entropy(p, n) + KL(p, q, n), evaluate=False),
    steps=[
        Step(CrossEntropy(p, q, n)),
        Step(-Sum(p[k] * sp.log(q[k]), k, n), because="definition of the cross-entropy"),
        Step(
            -Sum(p[k] * sp.log(p[k]), k, n) + Sum(p[k] * (sp.log(p[k]) - sp.log(q[k])), k, n),
            because=r"add and subtract $\sum_k p_k \log p_k$",
        ),
        Step(
            -Sum(p[k] * sp.log(p[k]), k, n) + Sum(p[k] * sp.log(p[k] / q[k]), k, n),
            because=r"log of a quotient ($p_k, q_k > 0$)",
        ),
        Step(Entropy(p, n) + KL(p, q, n), because=r"definitions of $H(p)$ and $D_{\mathrm{KL}}(p \,\|\, q)$"),
    ],
    oracle=oracle_cross_entropy,
)


def gibbs_steps(relation, because):
    return [
        Step(KL(p, q, n)),
        Step(-Sum(p[k] * sp.log(q[k] / p[k]), k, n), because=r"definition; $\log(p_k/q_k) = -\log(q_k/p_k)$"),
        Step(-Sum(p[k] * (q[k] / p[k] - 1), k, n), because=because, relation=relation),
        Step(Sum(p[k], k, n) - Sum(q[k], k, n), because="multiply out"),
        Step(sp.Integer(0), because=r"$\sum_k p_k = \sum_k q_k = 1$"),
    ]


gibbs = Claim(
    label="Gibbs' inequality",
    text=r"The KL divergence is never negative:",
    statement=sp.Ge(KL(p, q, n), 0, evaluate=False),
    steps=gibbs_steps(">=", r"$\log t \le t - 1$ at $t = q_k/p_k$"),
    oracle=oracle_kl,
)

equality = Claim(
    label="equality at q = p",
    text=r"It vanishes at $q = p$:",
    statement=sp.Eq(KL(p, p, n), 0, evaluate=False),
    steps=[
        Step(KL(p, p, n)),
        Step(sp.Integer(0), because=r"definition: every term is $p_k \log(p_k/p_k) = p_k \log 1 = 0$"),
    ],
    oracle=oracle_kl_same,
)

strict = Claim(
    label="strict for q != p",
    text=r"and only there: for $q \ne p$ the inequality is strict,",
    statement=sp.Gt(KL(p, q, n), 0, evaluate=False),
    steps=gibbs_steps(">", r"$\log t < t - 1$ for $t \ne 1$; some $q_k \ne p_k$"),
    oracle=oracle_kl,
    domain=Domain({n: dimension(2, 6), p: probability_vector(n), q: probability_vector(n)}),
)

zero_log_zero = Claim(
    label="0 log 0 = 0",
    text=r"A zero probability contributes nothing: the convention $0 \log 0 = 0$ is the limit",
    statement=sp.Eq(sp.Limit(t * sp.log(t), t, 0, "+"), 0, evaluate=False),
    steps=[
        Step(sp.Limit(t * sp.log(t), t, 0, "+")),
        Step(sp.Limit(-t, t, 0, "+"), because=r"l'Hospital's rule on $\log t/(1/t)$"),
        Step(sp.Integer(0), because="continuity"),
    ],
    oracle=oracle_t_log_t_near_zero,
)

# With p_n = 0, the sums below run over the support k < n (size n - 1).
support_decomposition = Entropy(p, n - 1) + KL(p, q, n - 1)
with_limits = (
    Entropy(p, n - 1) - sp.Limit(t * sp.log(t), t, 0, "+") + KL(p, q, n - 1) + sp.Limit(t * sp.log(t / q[n]), t, 0, "+")
)

boundary = Claim(
    label="a zero component",
    text=(
        r"So the decomposition survives a zero probability. After relabelling let $p_n = 0$ and "
        r"$p_1, \ldots, p_{n-1} > 0$, and write $H(p, q)$, $H(p)$, $D_{\mathrm{KL}}(p \,\|\, q)$ for the "
        r"sums over the support $k < n$. The $n$-th terms are $0 \log q_n = 0$ and, read as limits, "
        r"$0 \log 0$ and $0 \log(0/q_n)$:"
    ),
    statement=sp.Eq(CrossEntropy(p, q, n - 1), with_limits, evaluate=False),
    steps=[
        Step(CrossEntropy(p, q, n - 1)),
        Step(support_decomposition, because=r"decomposition on $k < n$"),
        Step(with_limits, because=r"$t \log t \to 0$ and $t \log(t/q_n) \to 0$ as $t \to 0^{+}$"),
    ],
    oracle=oracle_cross_entropy_with_zero,
    domain=Domain({n: dimension(2, 6), p: probability_vector(n - 1), q: probability_vector(n)}),
)


def _distribution(*values):
    with mpmath.workdps(WORKING_DIGITS):
        return [mpmath.mpf(v) for v in values]


TRUE = _distribution("0.7", "0.2", "0.1")
CLOSE = _distribution("0.6", "0.3", "0.1")
FAR = _distribution("0.1", "0.3", "0.6")

remarks = [
    Remark(
        text=r"Example: for $p = (0.7, 0.2, 0.1)$ the entropy is $H(p) \approx {value}$ nats.",
        value=Entropy(p, 3),
        at=Point({p: TRUE}),
    ),
    Remark(
        text=(
            r"A nearby model $q = (0.6, 0.3, 0.1)$ pays little above it: "
            r"$D_{\mathrm{KL}}(p \,\|\, q) = H(p, q) - H(p) \approx {value}$ nats."
        ),
        value=KL(p, q, 3),
        at=Point({p: TRUE, q: CLOSE}),
    ),
    Remark(
        text=(
            r"A model $q = (0.1, 0.3, 0.6)$ that puts little mass where $p$ puts most pays far more: "
            r"$D_{\mathrm{KL}}(p \,\|\, q) \approx {value}$ nats."
        ),
        value=KL(p, q, 3),
        at=Point({p: TRUE, q: FAR}),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# p, P for the true distribution, q, Q for the model; H, D_KL as usual. A strict inequality
# is decided where it holds (q ≠ p).

vocabulary = Vocabulary(
    size=n,
    dims=dimension_names(n),
    entries={"p": vector_of(p), "q": vector_of(q), "P": vector_of(p), "Q": vector_of(q)},
    claim_domains=[(c.statement.relation, c.domain) for c in (strict,)],
    examples=[
        (r"H(p, q) = H(p) + D_{\mathrm{KL}}(p \| q)", r"H(p, q) = H(q) + D_{\mathrm{KL}}(p \| q)"),
        (r"H(P, Q) - H(P) = \sum_i P_i \log \frac{P_i}{Q_i}", r"H(P, Q) - H(P) = \sum_i Q_i \log \frac{Q_i}{P_i}"),
    ],
)


cross_entropy_decomposition = Result(
    vocabulary=vocabulary,
    title="Cross-entropy splits into entropy plus KL divergence",
    area="Information theory",
    claims=[decomposition, gibbs, equality, strict, zero_log_zero, boundary],
    domain=Domain({n: dimension(1, 6), p: probability_vector(n), q: probability_vector(n)}),
    rules=[sp.Eq(Sum(p[k], k, n), 1), sp.Eq(Sum(q[k], k, n), 1)],
    remarks=remarks,
    references=["shannon1948", "kullback1951", "gibbs1902"],
)
