"""For attention O = softmax(QKᵀ/√d) V and an upstream gradient G = ∂L/∂O, the gradients are ∂L/∂V = PᵀG, ∂L/∂P = GVᵀ, ∂L/∂S_ij = P_ij(dP_ij − Σ_k P_ik dP_ik), ∂L/∂Q = (∂L/∂S)K/√d and ∂L/∂K = (∂L/∂S)ᵀQ/√d.

Here Q ∈ ℝ^{n×d} holds n queries, K ∈ ℝ^{m×d} and V ∈ ℝ^{m×d_v} hold m keys and
values, S = QKᵀ/√d are the scores, P = softmax(S) is taken row by row and
O = PV. Since L depends on O only through G, L = Σ_ic G_ic O_ic to first order,
and every gradient is derived entry by entry for symbolic n, m, d and d_v: the
softmax Jacobian of each row gives ∂L/∂S, and S is linear in Q and in K.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, index, matrix, reals
from derive.identities.softmax_jacobian import softmax_jacobian
from derive.notation import Notation, Sum, bracketed_latex_power, delta, i, j, k, l
from derive.vocabulary import Vocabulary, matrix_entries

m = sp.Symbol("m", integer=True, positive=True)  # keys
n = sp.Symbol("n", integer=True, positive=True)  # queries
d = sp.Symbol("d", integer=True, positive=True)  # width of queries and keys
d_v = sp.Symbol("d_v", integer=True, positive=True)  # width of values
a, b, c, e = sp.symbols("a b c e", integer=True, positive=True)
Q, K, V, G = (sp.IndexedBase(name, real=True) for name in "QKVG")
S = sp.IndexedBase("S", real=True)  # scores, as free variables in part (c)
P = sp.IndexedBase("P", real=True)  # attention weights, as free variables in part (b)


def _entry(printer, name, row, col):
    return rf"{name}_{{{printer._print(row)}{printer._print(col)}}}"


class Score(Notation):
    """S_ij = Σ_a Q_ia K_ja / √d, the scaled score of query i against key j."""

    nargs = 5

    def definition(self):
        queries, keys, row, col, width = self.args
        dummy = sp.Dummy("a", integer=True, positive=True)
        return sp.Sum(queries[row, dummy] * keys[col, dummy], (dummy, 1, width)) / sp.sqrt(width)

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(_entry(printer, "S", self.args[2], self.args[3]), exp)

    def _unicode(self, printer, **kwargs):
        return f"S_{printer._print(self.args[2])}{printer._print(self.args[3])}"


class Weight(Notation):
    """P_ij = exp(S_ij) / Σ_k exp(S_ik): row i of the scores through the softmax.

    ``source`` is either an IndexedBase S (free scores) or the pair (Q, K) with
    S = QKᵀ/√d.
    """

    nargs = 5

    def score(self, row, col):
        source, _, _, _, width = self.args
        if isinstance(source, sp.IndexedBase):
            return source[row, col]
        queries, keys = source.args
        return Score(queries, keys, row, col, width)

    def definition(self):
        _, row, col, size, _ = self.args
        dummy = sp.Dummy("k", integer=True, positive=True)
        return sp.exp(self.score(row, col)) / sp.Sum(sp.exp(self.score(row, dummy)), (dummy, 1, size))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(_entry(printer, "P", self.args[1], self.args[2]), exp)

    def _unicode(self, printer, **kwargs):
        return f"P_{printer._print(self.args[1])}{printer._print(self.args[2])}"


class WeightGradient(Notation):
    """dP_ij = Σ_c G_ic V_jc, entry (i, j) of G Vᵀ."""

    nargs = 3

    def definition(self):
        row, col, width = self.args
        dummy = sp.Dummy("c", integer=True, positive=True)
        return sp.Sum(G[row, dummy] * V[col, dummy], (dummy, 1, width))

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(rf"\mathrm{{d}}{_entry(printer, 'P', *self.args[:2])}", exp)

    def _unicode(self, printer, **kwargs):
        return f"dP_{printer._print(self.args[0])}{printer._print(self.args[1])}"


class ScoreGradient(Notation):
    """dS_ij = P_ij (dP_ij − Σ_k P_ik dP_ik) with P = softmax(QKᵀ/√d)."""

    nargs = 5

    def definition(self):
        row, col, keys, width, value_width = self.args
        dummy = sp.Dummy("k", integer=True, positive=True)
        p = lambda r, s: Weight(QK, r, s, keys, width)
        dp = lambda r, s: WeightGradient(r, s, value_width)
        return p(row, col) * (dp(row, col) - sp.Sum(p(row, dummy) * dp(row, dummy), (dummy, 1, keys)))

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(rf"\mathrm{{d}}{_entry(printer, 'S', *self.args[:2])}", exp)

    def _unicode(self, printer, **kwargs):
        return f"dS_{printer._print(self.args[0])}{printer._print(self.args[1])}"


class Loss(Notation):
    """L = Σ_i Σ_c G_ic O_ic with O_ic = Σ_k P_ik V_kc, for weights P (free), softmax(S) or softmax(QKᵀ/√d)."""

    nargs = 5

    def definition(self):
        source, queries, keys, width, value_width = self.args
        row, col, key = (sp.Dummy(s, integer=True, positive=True) for s in "ick")
        weight = source[row, key] if source == P else Weight(source, row, key, keys, width)
        output = sp.Sum(weight * V[key, col], (key, 1, keys))
        return sp.Sum(sp.Sum(G[row, col] * output, (col, 1, value_width)), (row, 1, queries))

    def _latex(self, printer, exp=None):
        return bracketed_latex_power("L", exp)

    def _unicode(self, printer, **kwargs):
        return "L"


class _Pair(sp.Basic):
    """(Q, K): the scores are QKᵀ/√d."""


QK = _Pair(Q, K)
L_qk, L_s, L_p = (Loss(source, n, m, d, d_v) for source in (QK, S, P))


def weight(row, col):
    return Weight(QK, row, col, m, d)


def weight_s(row, col):
    return Weight(S, row, col, m, d)


def dP(row, col):
    return WeightGradient(row, col, d_v)


def dS(row, col):
    return ScoreGradient(row, col, m, d, d_v)


def score(row, col):
    return Score(Q, K, row, col, d)


root_d = sp.sqrt(d)


# --- oracles: plain mpmath, L = Σ G_ic O_ic from the definitions ----------------------


def mp_attention_loss(queries, keys, values, upstream, width=None):
    """Σ_ic G_ic O_ic with O = softmax(QKᵀ/√d) V, the softmax taken row by row."""
    width = queries.cols if width is None else width
    scale = mpmath.sqrt(width)
    total = mpmath.mpf(0)
    for row in range(queries.rows):
        scores = [
            mpmath.fsum(queries[row, t] * keys[col, t] for t in range(queries.cols)) / scale for col in range(keys.rows)
        ]
        total += _row_loss(scores, values, upstream, row)
    return total


def _row_loss(scores, values, upstream, row):
    peak = max(scores)
    exps = [mpmath.exp(s - peak) for s in scores]
    norm = mpmath.fsum(exps)
    weights = [w / norm for w in exps]
    return _weighted_loss(weights, values, upstream, row)


def _weighted_loss(weights, values, upstream, row):
    return mpmath.fsum(
        upstream[row, col] * mpmath.fsum(weights[key] * values[key, col] for key in range(values.rows))
        for col in range(values.cols)
    )


def _partial(function, mat, row, col):
    """∂f/∂M_{row,col} for a function of the matrix M (1-based entry), by mpmath.diff."""

    def along(value):
        moved = mpmath.matrix(mat)
        moved[row - 1, col - 1] = value
        return function(moved)

    return mpmath.diff(along, mat[row - 1, col - 1])


def oracle_value(point):
    return _partial(lambda values: mp_attention_loss(point.Q, point.K, values, point.G), point.V, point.j, point.c)


def oracle_weight(point):
    loss_of = lambda weights: mpmath.fsum(
        _weighted_loss([weights[r, t] for t in range(weights.cols)], point.V, point.G, r) for r in range(weights.rows)
    )
    return _partial(loss_of, point.P, point.i, point.j)


def oracle_score(point):
    loss_of = lambda scores: mpmath.fsum(
        _row_loss([scores[r, t] for t in range(scores.cols)], point.V, point.G, r) for r in range(scores.rows)
    )
    return _partial(loss_of, point.S, point.i, point.j)


def oracle_query(point):
    return _partial(lambda queries: mp_attention_loss(queries, point.K, point.V, point.G), point.Q, point.i, point.a)


def oracle_key(point):
    return _partial(lambda keys: mp_attention_loss(point.Q, keys, point.V, point.G), point.K, point.j, point.a)


# --- claims ---------------------------------------------------------------------------


def Sum2(expr, first, first_size, second, second_size):
    """Σ_first Σ_second expr."""
    return Sum(Sum(expr, second, second_size), first, first_size)


value_gradient = Claim(
    label="values",
    text=(
        r"Let $S_{ij} = \sum_a Q_{ia} K_{ja}/\sqrt{d}$, $P_{ij} = e^{S_{ij}}/\sum_k e^{S_{ik}}$, "
        r"$O_{ic} = \sum_k P_{ik} V_{kc}$ and $G_{ic} = \partial L/\partial O_{ic}$. By the chain rule every gradient "
        r"of $L$ is that of $\sum_{i,c} G_{ic} O_{ic}$ with $G$ held fixed, so we take $L = \sum_{i,c} G_{ic} O_{ic}$. "
        r"The gradient with respect to the values is $P^{\top} G$:"
    ),
    statement=sp.Eq(sp.Derivative(L_qk, V[j, c]), Sum(weight(i, j) * G[i, c], i, n), evaluate=False),
    steps=[
        Step(sp.Derivative(L_qk, V[j, c])),
        Step(
            sp.Derivative(Sum2(G[i, e] * Sum(weight(i, k) * V[k, e], k, m), i, n, e, d_v), V[j, c]),
            because=r"definition of $L$ and $O$",
        ),
        Step(
            Sum2(G[i, e] * Sum(weight(i, k) * delta(k, j) * delta(e, c), k, m), i, n, e, d_v),
            because=r"$P$ does not depend on $V$; $\partial V_{ke}/\partial V_{jc} = \delta_{kj}\delta_{ec}$",
        ),
        Step(Sum(weight(i, j) * G[i, c], i, n), because=r"$\delta_{kj}$ and $\delta_{ec}$ pick $k = j$, $e = c$"),
    ],
    oracle=oracle_value,
)

weight_gradient = Claim(
    label="weights",
    text=r"As a function of the weights $P$ (all $nm$ entries free), $L$ has gradient $G V^{\top}$:",
    statement=sp.Eq(sp.Derivative(L_p, P[i, j]), dP(i, j), evaluate=False),
    steps=[
        Step(sp.Derivative(L_p, P[i, j])),
        Step(
            sp.Derivative(Sum2(P[l, k] * Sum(G[l, e] * V[k, e], e, d_v), l, n, k, m), P[i, j]),
            because=r"$L = \sum_{l,e} G_{le} \sum_k P_{lk} V_{ke} = \sum_{l,k} P_{lk} \sum_e G_{le} V_{ke}$ (finite sums reordered)",
        ),
        Step(
            Sum2(delta(l, i) * delta(k, j) * Sum(G[l, e] * V[k, e], e, d_v), l, n, k, m),
            because=r"$\partial P_{lk}/\partial P_{ij} = \delta_{li}\delta_{kj}$",
        ),
        Step(Sum(G[i, e] * V[j, e], e, d_v), because=r"the deltas pick $l = i$, $k = j$"),
        Step(dP(i, j), because=r"definition of $\mathrm{d}P_{ij} = (G V^{\top})_{ij}$"),
    ],
    oracle=oracle_weight,
)

score_gradient = Claim(
    label="scores",
    text=(
        r"As a function of the scores $S$ (all $nm$ entries free, $P_{ij} = e^{S_{ij}}/\sum_k e^{S_{ik}}$), "
        r"the softmax Jacobian of each row gives"
    ),
    statement=sp.Eq(
        sp.Derivative(L_s, S[i, j]),
        weight_s(i, j) * (dP(i, j) - Sum(weight_s(i, k) * dP(i, k), k, m)),
        evaluate=False,
    ),
    steps=[
        Step(sp.Derivative(L_s, S[i, j])),
        Step(
            Sum2(dP(l, k) * sp.Derivative(weight_s(l, k), S[i, j]), l, n, k, m),
            because=r"chain rule through $P$; $\partial L/\partial P_{lk} = \mathrm{d}P_{lk}$ (part {by})",
            by=weight_gradient,
        ),
        Step(
            Sum2(dP(l, k) * delta(l, i) * weight_s(l, k) * (delta(k, j) - weight_s(l, j)), l, n, k, m),
            because=r"row $l$ of $P$ depends only on row $l$ of $S$; softmax Jacobian $P_{lk}(\delta_{kj} - P_{lj})$ ({by})",
            by=softmax_jacobian,
        ),
        Step(
            Sum(dP(i, k) * weight_s(i, k) * (delta(k, j) - weight_s(i, j)), k, m),
            because=r"$\delta_{li}$ picks $l = i$",
        ),
        Step(
            weight_s(i, j) * dP(i, j) - weight_s(i, j) * Sum(weight_s(i, k) * dP(i, k), k, m),
            because=r"$\delta_{kj}$ picks $k = j$; $P_{ij}$ does not depend on $k$",
        ),
        Step(weight_s(i, j) * (dP(i, j) - Sum(weight_s(i, k) * dP(i, k), k, m)), because=r"factor out $P_{ij}$"),
    ],
    oracle=oracle_score,
)

score_chain = Sum2(
    dP(l, k) * Sum(weight(l, k) * (delta(k, b) - weight(l, b)) * sp.Derivative(score(l, b), Q[i, a]), b, m), l, n, k, m
)

query_gradient = Claim(
    label="queries",
    text=(
        r"With $\mathrm{d}S_{ij} = P_{ij}(\mathrm{d}P_{ij} - \sum_k P_{ik}\,\mathrm{d}P_{ik})$, part {by} at $S = QK^{\top}/\sqrt{d}$, "
        r"the gradient with respect to the queries is $\mathrm{d}S\, K/\sqrt{d}$:"
    ),
    text_by=score_gradient,
    statement=sp.Eq(sp.Derivative(L_qk, Q[i, a]), Sum(dS(i, j) * K[j, a], j, m) / root_d, evaluate=False),
    steps=[
        Step(sp.Derivative(L_qk, Q[i, a])),
        Step(
            Sum2(dP(l, k) * sp.Derivative(weight(l, k), Q[i, a]), l, n, k, m),
            because=r"$L = \sum_{l,k} P_{lk}\,\mathrm{d}P_{lk}$ (part {by}); $\mathrm{d}P$ does not depend on $Q$",
            by=weight_gradient,
        ),
        Step(
            Sum2(
                dP(l, k) * Sum(weight(l, k) * (delta(k, b) - weight(l, b)) * sp.Derivative(score(l, b), Q[i, a]), b, m),
                l,
                n,
                k,
                m,
            ),
            because=r"chain rule through row $l$ of $S$, with the softmax Jacobian $P_{lk}(\delta_{kb} - P_{lb})$ ({by})",
            by=softmax_jacobian,
        ),
        Step(
            Sum2(
                dP(l, k) * Sum(weight(l, k) * (delta(k, b) - weight(l, b)) * delta(l, i) * K[b, a], b, m) / root_d,
                l,
                n,
                k,
                m,
            ),
            because=r"$\partial S_{lb}/\partial Q_{ia} = \delta_{li} K_{ba}/\sqrt{d}$",
        ),
        Step(
            Sum(dP(i, k) * Sum(weight(i, k) * (delta(k, b) - weight(i, b)) * K[b, a], b, m), k, m) / root_d,
            because=r"$\delta_{li}$ picks $l = i$",
        ),
        Step(
            Sum(weight(i, b) * (dP(i, b) - Sum(weight(i, k) * dP(i, k), k, m)) * K[b, a], b, m) / root_d,
            because=r"exchange the sums over $k$ and $b$; $\delta_{kb}$ picks $k = b$",
        ),
        Step(Sum(dS(i, j) * K[j, a], j, m) / root_d, because=r"definition of $\mathrm{d}S_{ij}$"),
    ],
    oracle=oracle_query,
)

key_gradient = Claim(
    label="keys",
    text=r"The gradient with respect to the keys is $\mathrm{d}S^{\top} Q/\sqrt{d}$:",
    statement=sp.Eq(sp.Derivative(L_qk, K[j, a]), Sum(dS(i, j) * Q[i, a], i, n) / root_d, evaluate=False),
    steps=[
        Step(sp.Derivative(L_qk, K[j, a])),
        Step(
            Sum2(dP(l, k) * sp.Derivative(weight(l, k), K[j, a]), l, n, k, m),
            because=r"$L = \sum_{l,k} P_{lk}\,\mathrm{d}P_{lk}$ (part {by}); $\mathrm{d}P$ does not depend on $K$",
            by=weight_gradient,
        ),
        Step(
            Sum2(
                dP(l, k) * Sum(weight(l, k) * (delta(k, b) - weight(l, b)) * sp.Derivative(score(l, b), K[j, a]), b, m),
                l,
                n,
                k,
                m,
            ),
            because=r"chain rule through row $l$ of $S$, with the softmax Jacobian $P_{lk}(\delta_{kb} - P_{lb})$ ({by})",
            by=softmax_jacobian,
        ),
        Step(
            Sum2(
                dP(l, k) * Sum(weight(l, k) * (delta(k, b) - weight(l, b)) * delta(b, j) * Q[l, a], b, m) / root_d,
                l,
                n,
                k,
                m,
            ),
            because=r"$\partial S_{lb}/\partial K_{ja} = \delta_{bj} Q_{la}/\sqrt{d}$",
        ),
        Step(
            Sum2(dP(l, k) * weight(l, k) * (delta(k, j) - weight(l, j)) * Q[l, a], l, n, k, m) / root_d,
            because=r"$\delta_{bj}$ picks $b = j$",
        ),
        Step(
            Sum(weight(l, j) * (dP(l, j) - Sum(weight(l, k) * dP(l, k), k, m)) * Q[l, a], l, n) / root_d,
            because=r"$\delta_{kj}$ picks $k = j$",
        ),
        Step(Sum(dS(i, j) * Q[i, a], i, n) / root_d, because=r"definition of $\mathrm{d}S_{ij}$; rename $l$ to $i$"),
    ],
    oracle=oracle_key,
)

# --- documentation vocabulary ---------------------------------------------------------------
# Q (n × d), K (m × d), V (m × d_v); P = softmax(QKᵀ/√d) row by row (P_{ij}, also A_{ij});
# O = PV; L the loss, with upstream gradient G_{ic} = ∂L/∂O_{ic}.

vocabulary = Vocabulary(
    domain_names=True,
    entries={
        **{name: matrix_entries(base) for name, base in (("Q", Q), ("K", K), ("V", V), ("G", G))},
        **{name: matrix_entries(weight) for name in ("P", "A")},
    },
    loss=lambda env: env.concretise(L_qk),
    examples=[
        (
            r"\frac{\partial L}{\partial V_{jc}} = \sum_{i=1}^{n} P_{ij}\, G_{ic}",
            r"\frac{\partial L}{\partial V_{jc}} = \sum_{i=1}^{n} P_{ij}",
        ),
    ],
)


attention_backward = Result(
    vocabulary=vocabulary,
    title="Backward pass of softmax attention",
    area="Attention",
    claims=[value_gradient, weight_gradient, score_gradient, query_gradient, key_gradient],
    domain=Domain(
        {
            n: dimension(1, 2),
            m: dimension(1, 3),
            d: dimension(1, 2),
            d_v: dimension(1, 2),
            Q: matrix(n, d, reals(-2, 2)),
            K: matrix(m, d, reals(-2, 2)),
            V: matrix(m, d_v, reals(-2, 2)),
            G: matrix(n, d_v, reals(-2, 2)),
            S: matrix(n, m, reals(-3, 3)),
            P: matrix(n, m, reals(0, 1)),
            i: index(n),
            j: index(m),
            a: index(d),
            c: index(d_v),
        }
    ),
    references=["vaswani2017"],
)
