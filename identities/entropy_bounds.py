"""Entropy bounds: 0 ≤ H(p) ≤ log n for a distribution p on n outcomes, with H(p) = 0 exactly for a one-hot p and H(p) = log n exactly for the uniform p.

Each term −p_k log p_k of the entropy is ≥ 0 because 0 < p_k ≤ 1, and it vanishes only
at p_k = 1 (or at p_k = 0, read as the limit 0 log 0 = 0); so H(p) = 0 only when all the
mass sits on one outcome. For the upper bound, log n − H(p) = D_KL(p‖u) with u the
uniform distribution u_k = 1/n, which is ≥ 0 by Gibbs' inequality and 0 only at p = u.
The steps that use a sign (−t log t > 0 on (0, 1), Gibbs) are checked numerically.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, index, probability_vector
from derive.identities.gibbs_inequality import gibbs_inequality
from derive.notation import KL, Entropy, Notation, Sum, delta, j, k, n, p
from derive.oracles import mp_entropy
from derive.vocabulary import Vocabulary, computed_vector, dimension_names, vector_of


class UniformVector(sp.Function):
    """u = (1/n, …, 1/n), the uniform distribution on n outcomes: ``UniformVector(n)[k]`` is 1/n."""

    nargs = 1

    def __getitem__(self, position):
        return sp.Integer(1) / self.args[0]

    def _latex(self, printer):
        return "u"

    def _unicode(self, printer):
        return "u"


class TLogT(Notation):
    """t log t with the convention 0 log 0 = 0 (the limit of t log t as t → 0⁺)."""

    nargs = 1

    def definition(self):
        value = self.args[0]
        return sp.Piecewise((0, sp.Eq(value, 0)), (value * sp.log(value), True))

    def _latex(self, printer):
        value = printer._print(self.args[0])
        return rf"\left({value} \log {value}\right)"

    def _unicode(self, printer):
        value = printer._print(self.args[0])
        return f"({value} log {value})"


u = UniformVector(n)
one_hot_entropy = -Sum(TLogT(delta(j, k)), k, n)  # H(e_j), the terms with p_k = 0 read as 0 log 0 = 0


def one_hot(point):
    """e_j as a list: 1 at position j, 0 elsewhere."""
    return [mpmath.mpf(1) if position == point.j else mpmath.mpf(0) for position in range(1, point.n + 1)]


def uniform(point):
    return [mpmath.mpf(1) / point.n] * point.n


def oracle_entropy(point):
    return mp_entropy(point.p)


def oracle_one_hot(point):
    return mp_entropy(one_hot(point))  # mp_entropy drops the zero terms: 0 log 0 = 0


def oracle_gap(point):
    return mpmath.log(point.n) - mp_entropy(point.p)


def oracle_uniform(point):
    return mp_entropy(uniform(point))


def positive_terms(relation, because):
    return [
        Step(Entropy(p, n)),
        Step(Sum(p[k] * sp.log(1 / p[k]), k, n), because=r"definition; $-\log p_k = \log(1/p_k)$"),
        Step(sp.Integer(0), because=because, relation=relation),
    ]


nonnegative = Claim(
    label="H >= 0",
    text=r"The entropy of $p \in \Delta^n$ is never negative:",
    statement=sp.Ge(Entropy(p, n), 0, evaluate=False),
    steps=positive_terms(">=", r"$0 < p_k \le 1$, so every term $p_k \log(1/p_k) \ge 0$"),
    oracle=oracle_entropy,
)

zero_at_one_hot = Claim(
    label="H = 0 at a one-hot p",
    text=(
        r"It is $0$ when all the mass is on one outcome: for the one-hot $p = e_j$, $p_k = \delta_{jk}$, "
        r"with $0 \log 0 = 0$ (the limit of $t \log t$ as $t \to 0^{+}$),"
    ),
    statement=sp.Eq(one_hot_entropy, 0, evaluate=False),
    steps=[
        Step(one_hot_entropy),
        Step(
            -Sum(delta(j, k) * TLogT(1) + (1 - delta(j, k)) * TLogT(0), k, n),
            because=r"$\delta_{jk}$ is $1$ or $0$",
        ),
        Step(
            -TLogT(1) - (n - 1) * TLogT(0),
            because=r"$\delta_{jk}$ picks $k = j$; the other $n - 1$ terms have $p_k = 0$",
        ),
        Step(sp.Integer(0), because=r"$1 \log 1 = 0$ and $0 \log 0 = 0$"),
    ],
    oracle=oracle_one_hot,
    domain=Domain({n: dimension(1, 6), j: index(n)}),
)

positive = Claim(
    label="H > 0 otherwise",
    text=(
        r"and only then: if two or more outcomes have positive probability, every $p_k < 1$ and "
        r"the entropy is positive (checked on the open simplex, $n \ge 2$):"
    ),
    statement=sp.Gt(Entropy(p, n), 0, evaluate=False),
    steps=positive_terms(">", r"$0 < p_k < 1$, so every term $p_k \log(1/p_k) > 0$"),
    oracle=oracle_entropy,
    domain=Domain({n: dimension(2, 6), p: probability_vector(n)}),
)

gap = Claim(
    label="log n - H = KL to uniform",
    text=r"The distance below $\log n$ is the KL divergence from the uniform distribution $u_k = 1/n$:",
    statement=sp.Eq(sp.log(n) - Entropy(p, n), KL(p, u, n), evaluate=False),
    steps=[
        Step(sp.log(n) - Entropy(p, n)),
        Step(
            sp.log(n) * Sum(p[k], k, n) + Sum(p[k] * sp.log(p[k]), k, n),
            because=r"$\sum_k p_k = 1$; definition of $H(p)$",
        ),
        Step(Sum(p[k] * sp.log(n * p[k]), k, n), because=r"$\log n + \log p_k = \log(n p_k)$"),
        Step(KL(p, u, n), because=r"definition of $D_{\mathrm{KL}}$, with $p_k/u_k = n p_k$"),
    ],
    oracle=oracle_gap,
)


def below_log_n(relation, because):
    return [
        Step(Entropy(p, n)),
        Step(sp.log(n) - KL(p, u, n), by=gap),
        Step(sp.log(n), because=because, relation=relation, by=gibbs_inequality),
    ]


upper = Claim(
    label="H <= log n",
    text=r"Hence the entropy is at most $\log n$:",
    statement=sp.Le(Entropy(p, n), sp.log(n), evaluate=False),
    steps=below_log_n("<=", r"$D_{\mathrm{KL}}(p \,\|\, u) \ge 0$ (Gibbs' inequality, {by})"),
    oracle=oracle_entropy,
)

at_uniform = Claim(
    label="H = log n at the uniform p",
    text=r"The uniform distribution attains the bound:",
    statement=sp.Eq(Entropy(u, n), sp.log(n), evaluate=False),
    steps=[
        Step(Entropy(u, n)),
        Step(-Sum(sp.log(sp.Integer(1) / n) / n, k, n), because=r"definition, with $u_k = 1/n$"),
        Step(-sp.log(sp.Integer(1) / n), because=r"$n$ equal terms"),
        Step(sp.log(n), because=r"$\log(1/n) = -\log n$"),
    ],
    oracle=oracle_uniform,
)

below = Claim(
    label="H < log n otherwise",
    text=r"and only it: for $p \ne u$ the bound is strict (checked on independent draws of $p$, $n \ge 2$):",
    statement=sp.Lt(Entropy(p, n), sp.log(n), evaluate=False),
    steps=below_log_n("<", r"$D_{\mathrm{KL}}(p \,\|\, u) > 0$ for $p \ne u$ (Gibbs' inequality, {by})"),
    oracle=oracle_entropy,
    domain=Domain({n: dimension(2, 6), p: probability_vector(n)}),
)

# --- documentation vocabulary ---------------------------------------------------------------
# p a distribution over n outcomes, u (U) the uniform one; H, D_KL as usual.

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n),
    # u the uniform distribution; X a random variable with distribution p, so H(X) is H(p)
    entries={
        **{name: computed_vector(lambda index, length: 1 / length, n) for name in ("u", "U")},
        "X": vector_of(p),
    },
    examples=[
        (r"0 \le H(p) \le \log n", r"0 \le H(p) \le \log n - \frac{1}{2}"),
        (r"\log n - H(p) = D_{\mathrm{KL}}(p \| u)", r"\log n + H(p) = D_{\mathrm{KL}}(p \| u)"),
    ],
)


entropy_bounds = Result(
    vocabulary=vocabulary,
    title="Entropy lies between 0 and log n",
    area="Information theory",
    claims=[nonnegative, zero_at_one_hot, positive, gap, upper, at_uniform, below],
    domain=Domain({n: dimension(1, 6), p: probability_vector(n)}),
    rules=[sp.Eq(Sum(p[k], k, n), 1)],
    references=["shannon1948", "cover2006"],
)
