"""Every row of an attention matrix A = softmax(S) is a probability vector, so A𝟙 = 𝟙 and every eigenvalue λ of A has |λ| ≤ 1: the spectral radius of A is exactly 1.

The softmax is taken row by row over scores S ∈ ℝ^{n×n} (for self-attention
S = QKᵀ/√d, but any real scores will do). Positivity and the row sums are proved
for symbolic n. For the bound, ‖Av‖_∞ ≤ ‖v‖_∞ because each (Av)_i is an average of
the v_j; applied to an eigenvector (for which the same argument works over ℂ) it
gives |λ| ≤ 1. The inequalities are checked numerically; the eigenvalues, by
mpmath's eigenvalue solver on the sampled matrices.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Statement, Step, dimension, index, matrix, reals, vector
from derive.notation import Notation, Sum, bracketed_latex_power, i, j, k, n
from derive.numeric import WORKING_DIGITS
from derive.vocabulary import Vocabulary, dimension_names, matrix_entries

S = sp.IndexedBase("S", real=True)  # scores
v = sp.IndexedBase("v", real=True)  # a vector


class AttentionWeight(Notation):
    """A_ij = exp(S_ij) / Σ_k exp(S_ik), entry (i, j) of the row-wise softmax of S."""

    nargs = 4

    def definition(self):
        scores, row, col, size = self.args
        dummy = sp.Dummy("k", integer=True, positive=True)
        return sp.exp(scores[row, col]) / sp.Sum(sp.exp(scores[row, dummy]), (dummy, 1, size))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(rf"A_{{{printer._print(self.args[1])}{printer._print(self.args[2])}}}", exp)

    def _unicode(self, printer, **kwargs):
        return f"A_{printer._print(self.args[1])}{printer._print(self.args[2])}"


class MaxNorm(sp.Function):
    """‖v‖_∞ = max_j |v_j|; written out as a maximum once the length is a number."""

    nargs = 2
    is_real = True
    is_nonnegative = True

    @classmethod
    def eval(cls, vec, size):
        if size.is_Integer:
            return sp.Max(*(sp.Abs(vec[t]) for t in range(1, int(size) + 1)))
        return None

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(rf"\left\|{printer._print(self.args[0])}\right\|_{{\infty}}", exp)

    def _unicode(self, printer, **kwargs):
        return f"‖{printer._print(self.args[0])}‖_∞"


def eigenvalues(values: mpmath.matrix) -> list:
    """The eigenvalues of a square mpmath matrix, by ``mpmath.eig`` without eigenvectors (the same QR
    sweeps, so the same numbers, without accumulating the transforms); a 1×1 input returns them first."""
    found = mpmath.eig(values, left=False, right=False)
    return list(found[0] if isinstance(found, tuple) else found)


class _EigenvalueModulus(sp.Function):
    """max |λ| over the eigenvalues of an explicit square matrix given by its n² entries."""

    @classmethod
    def eval(cls, *entries):
        if not all(e.is_Number for e in entries):
            return None
        size = int(round(len(entries) ** 0.5))
        with mpmath.workdps(WORKING_DIGITS):
            values = mpmath.matrix(
                [
                    [mpmath.mpf(sp.Float(entries[r * size + c], WORKING_DIGITS)._mpf_) for c in range(size)]
                    for r in range(size)
                ]
            )
            return sp.Float(max(abs(e) for e in eigenvalues(values)), WORKING_DIGITS)


class SpectralRadius(sp.Function):
    """ρ(A) = max |λ| over the eigenvalues λ of A = softmax(S); computed once n is a number."""

    nargs = 2
    is_real = True
    is_nonnegative = True

    @classmethod
    def eval(cls, scores, size):
        if size.is_Integer:
            rows = range(1, int(size) + 1)
            return _EigenvalueModulus(*(AttentionWeight(scores, r, c, size) for r in rows for c in rows))
        return None

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(r"\rho(A)", exp)

    def _unicode(self, printer, **kwargs):
        return "ρ(A)"


def A(row, col):
    return AttentionWeight(S, row, col, n)


row_total = Sum(sp.exp(S[i, k]), k, n)  # Σ_k e^{S_ik}
norm_v = MaxNorm(v, n)
rho = SpectralRadius(S, n)


# --- oracles: plain mpmath on the sampled scores -------------------------------------


def mp_attention(scores) -> mpmath.matrix:
    """softmax of each row of the scores."""
    rows = []
    for r in range(scores.rows):
        weights = [mpmath.exp(scores[r, c]) for c in range(scores.cols)]
        total = mpmath.fsum(weights)
        rows.append([w / total for w in weights])
    return mpmath.matrix(rows)


def oracle_entry(point):
    return mp_attention(point.S)[point.i - 1, point.j - 1]


def oracle_row_sum(point):
    weights = mp_attention(point.S)
    return mpmath.fsum(weights[point.i - 1, c] for c in range(weights.cols))


def oracle_times_ones(point):
    product = mp_attention(point.S) * mpmath.matrix([1] * point.n)
    return product[point.i - 1]


def oracle_average(point):
    product = mp_attention(point.S) * mpmath.matrix(point.v)
    return abs(product[point.i - 1])


def oracle_spectral_radius(point):
    return max(abs(e) for e in eigenvalues(mp_attention(point.S)))


# --- claims ---------------------------------------------------------------------------

positive_entries = Claim(
    label="positive entries",
    text=r"Let $A_{ij} = e^{S_{ij}}/\sum_k e^{S_{ik}}$. Every entry is positive:",
    statement=sp.Gt(A(i, j), 0, evaluate=False),
    steps=[
        Step(A(i, j)),
        Step(sp.exp(S[i, j]) / row_total, because="definition of the softmax"),
        Step(sp.Integer(0), relation=">", because="an exponential over a sum of exponentials"),
    ],
    oracle=oracle_entry,
)

row_sum = Claim(
    label="rows sum to one",
    text=r"Each row sums to one, so each row is a probability vector:",
    statement=sp.Eq(Sum(A(i, j), j, n), 1, evaluate=False),
    steps=[
        Step(Sum(A(i, j), j, n)),
        Step(Sum(sp.exp(S[i, j]) / row_total, j, n), because="definition of the softmax"),
        Step(Sum(sp.exp(S[i, j]), j, n) / row_total, because=r"the denominator does not depend on $j$"),
        Step(sp.Integer(1), because=r"numerator and denominator are the same sum"),
    ],
    oracle=oracle_row_sum,
)


class One(Notation):
    """1_j = 1, component j of the vector of ones."""

    nargs = 1

    def definition(self):
        return sp.Integer(1)

    def _eval_is_positive(self):
        return True

    def _latex(self, printer, exp=None):
        return bracketed_latex_power(rf"\mathbf{{1}}_{{{printer._print(self.args[0])}}}", exp)

    def _unicode(self, printer, **kwargs):
        return f"1_{printer._print(self.args[0])}"


times_one = A(i, j) * One(j)  # A_ij 1_j

ones_eigenvector = Claim(
    label="eigenvector of ones",
    text=r"Hence $A\mathbf{1} = \mathbf{1}$: the vector of ones is an eigenvector with eigenvalue $1$. Entry $i$ of $A\mathbf{1}$ is",
    statement=sp.Eq(Sum(times_one, j, n), 1, evaluate=False),
    steps=[
        Step(Sum(times_one, j, n)),
        Step(Sum(A(i, j), j, n), because=r"every entry of $\mathbf{1}$ is $1$"),
        Step(sp.Integer(1), because="part {by}", by=row_sum),
    ],
    oracle=oracle_times_ones,
)

average_bound = Claim(
    label="max-norm bound",
    text=(
        r"Each entry of $Av$ is a weighted average of the $v_j$, so $\|Av\|_\infty \le \|v\|_\infty$ "
        r"for every $v$ (checked at real $v$; the argument is the same for complex $v$):"
    ),
    statement=Statement(sp.Abs(Sum(A(i, j) * v[j], j, n)), "<=", norm_v),
    steps=[
        Step(sp.Abs(Sum(A(i, j) * v[j], j, n))),
        Step(
            Sum(A(i, j) * sp.Abs(v[j]), j, n),
            relation="<=",
            because=r"triangle inequality, with $A_{ij} > 0$ (part {by})",
            by=positive_entries,
        ),
        Step(Sum(A(i, j) * norm_v, j, n), relation="<=", because=r"$|v_j| \le \|v\|_\infty$ and $A_{ij} > 0$"),
        Step(norm_v * Sum(A(i, j), j, n), because=r"$\|v\|_\infty$ does not depend on $j$"),
        Step(norm_v, because="part {by}", by=row_sum),
    ],
    oracle=oracle_average,
)

radius_bound = Claim(
    label="eigenvalues",
    text=r"Every eigenvalue of $A$ has modulus at most $1$; with {by}, the spectral radius $\rho(A) = \max |\lambda|$ is exactly $1$:",
    text_by=ones_eigenvector,
    statement=Statement(rho, "<=", sp.Integer(1)),
    steps=[
        Step(rho),
        Step(
            sp.Integer(1),
            relation="<=",
            because=(
                r"for $Av = \lambda v$, $v \ne 0$: $|\lambda| \|v\|_\infty = \|Av\|_\infty \le \|v\|_\infty$ by part {by}; "
                r"divide by $\|v\|_\infty > 0$"
            ),
            by=average_bound,
        ),
    ],
    oracle=oracle_spectral_radius,
)

# --- documentation vocabulary ---------------------------------------------------------------
# S_{ij} the attention scores, A_{ij} = e^{S_ij} / Σ_k e^{S_ik} the attention weights (also P, α),
# v a vector of values.

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n, ("T", "L")),
    entries={"S": matrix_entries(S), **{name: matrix_entries(A) for name in ("A", "P", "alpha")}},
    examples=[
        (r"\sum_{j=1}^{n} A_{ij} = 1", r"\sum_{i=1}^{n} A_{ij} = 1"),
        (r"A_{ij} = \frac{e^{S_{ij}}}{\sum_k e^{S_{ik}}} > 0", r"A_{ij} = \frac{e^{S_{ij}}}{\sum_k e^{S_{kj}}} > 0"),
    ],
)


attention_row_stochastic = Result(
    vocabulary=vocabulary,
    title="Attention matrices are row-stochastic",
    area="Attention",
    claims=[positive_entries, row_sum, ones_eigenvector, average_bound, radius_bound],
    domain=Domain(
        {
            n: dimension(1, 6),
            S: matrix(n, n, reals(-4, 4)),
            v: vector(n, reals(-3, 3)),
            i: index(n),
            j: index(n),
        }
    ),
    references=["vaswani2017", "golub2013"],
)
