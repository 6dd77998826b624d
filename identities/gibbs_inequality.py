"""Gibbs' inequality: for probability vectors p, q ∈ Δⁿ, the cross-entropy −Σ_k p_k log q_k is at least the entropy −Σ_k p_k log p_k, with equality only at q = p.

The proof rests on one fact about the logarithm, log t ≤ t − 1 for t > 0 with
equality only at t = 1 (the tangent line at t = 1 lies above the concave log). Put
t = q_k/p_k, weight by p_k and sum: the correction Σ_k p_k (q_k/p_k − 1) = Σ_k q_k − Σ_k p_k
vanishes because both vectors sum to 1. Equivalently D_KL(p‖q) = H(p, q) − H(p) ≥ 0.
The bound log t ≤ t − 1 is checked numerically; SymPy cannot decide its sign.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, positive, probability_vector
from derive.notation import CrossEntropy, Entropy, Sum, k, n, p, q
from derive.oracles import mp_cross_entropy
from derive.vocabulary import Vocabulary, dimension_names, vector_of

t = sp.Symbol("t", positive=True)  # the argument of the logarithm bound


def oracle_log(point):
    return mpmath.log(point.t)


def oracle_cross_entropy(point):
    return mp_cross_entropy(point.p, point.q)


def oracle_cross_entropy_same(point):
    return mp_cross_entropy(point.p, point.p)


log_bound = Claim(
    label="log t <= t - 1",
    text=r"The logarithm lies below its tangent at $t = 1$:",
    statement=sp.Le(sp.log(t), t - 1, evaluate=False),
    steps=[
        Step(sp.log(t)),
        Step(
            t - 1,
            because=r"$\log$ is concave and $t - 1$ is its tangent at $t = 1$ (equality only there)",
            relation="<=",
        ),
    ],
    oracle=oracle_log,
    domain=Domain({t: positive("0.01", 5)}),
)


def gibbs_steps(relation, because):
    return [
        Step(CrossEntropy(p, q, n)),
        Step(-Sum(p[k] * sp.log(q[k]), k, n), because="definition of the cross-entropy"),
        Step(
            Entropy(p, n) - Sum(p[k] * sp.log(q[k] / p[k]), k, n),
            because=r"add and subtract $\sum_k p_k \log p_k$; $\log q_k - \log p_k = \log(q_k/p_k)$",
        ),
        Step(Entropy(p, n) - Sum(p[k] * (q[k] / p[k] - 1), k, n), because=because, relation=relation),
        Step(Entropy(p, n) - Sum(q[k], k, n) + Sum(p[k], k, n), because="multiply out"),
        Step(Entropy(p, n), because=r"$\sum_k q_k = \sum_k p_k = 1$"),
    ]


gibbs = Claim(
    label="Gibbs' inequality",
    text=r"For $p, q \in \Delta^n$ the cross-entropy is at least the entropy:",
    statement=sp.Ge(CrossEntropy(p, q, n), Entropy(p, n), evaluate=False),
    steps=gibbs_steps(">=", r"$\log t \le t - 1$ at $t = q_k/p_k$, weighted by $p_k > 0$"),
    oracle=oracle_cross_entropy,
)

equality = Claim(
    label="equality at q = p",
    text=r"At $q = p$ the two coincide:",
    statement=sp.Eq(CrossEntropy(p, p, n), Entropy(p, n), evaluate=False),
    steps=[
        Step(CrossEntropy(p, p, n)),
        Step(-Sum(p[k] * sp.log(p[k]), k, n), because="definition of the cross-entropy"),
        Step(Entropy(p, n), because="definition of the entropy"),
    ],
    oracle=oracle_cross_entropy_same,
)

strict = Claim(
    label="strict for q != p",
    text=(
        r"and only there: if $q \ne p$, some ratio $q_k/p_k \ne 1$, where $\log t < t - 1$, "
        r"so the inequality is strict (checked on independent draws of $p$ and $q$, $n \ge 2$):"
    ),
    statement=sp.Gt(CrossEntropy(p, q, n), Entropy(p, n), evaluate=False),
    steps=gibbs_steps(">", r"$\log t < t - 1$ for $t \ne 1$; some $q_k/p_k \ne 1$"),
    oracle=oracle_cross_entropy,
    domain=Domain({n: dimension(2, 6), p: probability_vector(n), q: probability_vector(n)}),
)

# --- documentation vocabulary ---------------------------------------------------------------
# p, q distributions over n outcomes; H(p), H(p, q) as usual.

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n),
    entries={"P": vector_of(p), "Q": vector_of(q)},
    examples=[
        (r"H(p, q) \ge H(p)", r"H(p, q) \le H(p)"),
        (r"\sum_k p_k \log \frac{q_k}{p_k} \le 0", r"\sum_k q_k \log \frac{q_k}{p_k} \le 0"),
    ],
)


gibbs_inequality = Result(
    vocabulary=vocabulary,
    title="Gibbs' inequality",
    area="Information theory",
    claims=[log_bound, gibbs, equality, strict],
    domain=Domain({n: dimension(1, 6), p: probability_vector(n), q: probability_vector(n)}),
    rules=[sp.Eq(Sum(p[k], k, n), 1), sp.Eq(Sum(q[k], k, n), 1)],
    references=["gibbs1902", "shannon1948", "cover2006"],
)
