"""For M ∈ ℝ^{m×n} with singular values σ_1 ≥ σ_2 ≥ …, ‖M‖_F² = Σ_k σ_k², the truncated SVD M_r has ‖M − M_r‖_F² = Σ_{k>r} σ_k², and no matrix of rank at most r comes closer (Eckart–Young).

What is proved and what is only checked. Proved symbolically for symbolic m, n:
‖M‖_F² = tr(MᵀM), and ‖GM‖_F = ‖M‖_F for every Givens rotation G (rows p ≠ q rotated
by φ); since every orthogonal matrix is a product of Givens rotations and a diagonal
matrix of signs (Givens QR, cited), this is orthogonal invariance. The singular value
parts are checked numerically only: their steps use the SVD M = UΣVᵀ (which SymPy
cannot compute for symbolic size) and, for optimality, Weyl's inequality
σ_{i+r}(M) ≤ σ_i(M − X) for rank X ≤ r (cited), and are compared at 60 digits with
mpmath's SVD; the competitors X = BA include near-optimal ones, perturbations of the
truncated SVD, so the bound is tested where it is tight.
"""

import functools

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Statement, Step, dimension, index, matrix, reals
from derive.domain import Index, Sampler, uniform
from derive.notation import Notation, Sum, delta, i, j, k, latex_power
from derive.numeric import WORKING_DIGITS
from derive.vocabulary import Vocabulary, argument_text, call, matrix_entries, position_value, refuse

m, n = sp.symbols("m n", integer=True, positive=True)
r = sp.Symbol("r", integer=True, positive=True)
p, q = sp.symbols("p q", integer=True, positive=True)  # the two rows a Givens rotation mixes
phi = sp.Symbol("phi", real=True)
M = sp.IndexedBase("M", real=True)
B = sp.IndexedBase("B", real=True)
A = sp.IndexedBase("A", real=True)
rank_bound = sp.Min(m, n)
DIGITS = WORKING_DIGITS


# --- matrices given by their entries -----------------------------------------------------


class RotatedRow(Notation):
    """(GM)_pj = cos φ M_pj − sin φ M_qj (which = p) or (GM)_qj = sin φ M_pj + cos φ M_qj (which = q)."""

    nargs = 6

    def definition(self):
        mat, first, second, angle, col, which = self.args
        c, s = sp.cos(angle), sp.sin(angle)
        if which == first:
            return c * mat[first, col] - s * mat[second, col]
        return s * mat[first, col] + c * mat[second, col]

    def _latex(self, printer, exp=None):
        return latex_power(rf"(GM)_{{{printer._print(self.args[5])}{printer._print(self.args[4])}}}", exp)

    def _unicode(self, printer, **kwargs):
        return f"(GM)_{printer._print(self.args[5])}{printer._print(self.args[4])}"


class Rotated(sp.Basic):
    """G M: rows p and q of M rotated by φ (a Givens rotation applied from the left)."""

    def row(self, which, col):
        mat, first, second, angle = self.args
        return RotatedRow(mat, first, second, angle, col, which)

    def entry(self, row, col):
        mat, first, second, _ = self.args
        return (
            mat[row, col]
            + delta(row, first) * (self.row(first, col) - mat[first, col])
            + delta(row, second) * (self.row(second, col) - mat[second, col])
        )

    def tex(self, printer):
        return (
            rf"G_{{{printer._print(self.args[1])}{printer._print(self.args[2])}}}({printer._print(self.args[3])})\, M"
        )


_RESIDUAL_INDEX = sp.Dummy("t", integer=True, positive=True)


class Residual(sp.Basic):
    """M − BA for B ∈ ℝ^{m×r}, A ∈ ℝ^{r×n}: the error of a rank-(at most r) approximation."""

    def entry(self, row, col):
        mat, left, right, rank = self.args
        dummy = _RESIDUAL_INDEX
        return mat[row, col] - sp.Sum(left[row, dummy] * right[dummy, col], (dummy, 1, rank))

    def tex(self, printer):
        return "M - BA"


class TruncationError(sp.Basic):
    """M − M_r, with M_r = Σ_{k≤r} σ_k u_k v_kᵀ the SVD truncated to rank r."""

    def entry(self, row, col):
        mat, rank, rows, cols = self.args
        return TruncatedEntry(mat, rank, row, col, rows, cols)

    def tex(self, printer):
        return rf"M - M_{{{printer._print(self.args[1])}}}"


def entry(source, row, col):
    return source[row, col] if isinstance(source, sp.IndexedBase) else source.entry(row, col)


def _source_tex(printer, source):
    return printer._print(source) if isinstance(source, sp.IndexedBase) else source.tex(printer)


class FrobeniusSq(Notation):
    """‖X‖_F² = Σ_i Σ_j X_ij², the squared Frobenius norm of a rows×cols matrix."""

    nargs = 3

    def definition(self):
        source, rows, cols = self.args
        row, col = sp.Dummy("i", integer=True, positive=True), sp.Dummy("j", integer=True, positive=True)
        return sp.Sum(sp.Sum(entry(source, row, col) ** 2, (col, 1, cols)), (row, 1, rows))

    def _eval_is_nonnegative(self):
        return True

    def _latex(self, printer, exp=None):
        return (
            rf"\left\|{_source_tex(printer, self.args[0])}\right\|_F^{{2}}"
            if exp is None
            else rf"\left(\left\|{_source_tex(printer, self.args[0])}\right\|_F^{{2}}\right)^{{{exp}}}"
        )

    def _unicode(self, printer, **kwargs):
        return f"‖{_source_tex(printer, self.args[0])}‖_F²"


class Gram(Notation):
    """(MᵀM)_jl = Σ_i M_ij M_il."""

    nargs = 4

    def definition(self):
        mat, first, second, rows = self.args
        dummy = sp.Dummy("i", integer=True, positive=True)
        return sp.Sum(mat[dummy, first] * mat[dummy, second], (dummy, 1, rows))

    def _latex(self, printer, exp=None):
        tex = rf"(M^{{\top}} M)_{{{printer._print(self.args[1])}{printer._print(self.args[2])}}}"
        return latex_power(tex, exp)

    def _unicode(self, printer, **kwargs):
        return f"(MᵀM)_{printer._print(self.args[1])}{printer._print(self.args[2])}"


# --- singular values: SymPy functions that take a value once every entry is a number ------


_DECOMPOSED: dict = {}  # full SVDs taken, by (entries' raw mpf tuples, rows, cols)


def _svd(raw: tuple, rows: int, cols: int):
    """mpmath's SVD (U, σ, Vᵀ), DIGITS + 20 digits, of the rows×cols matrix with these entries (raw mpf
    tuples, row by row): taken once per matrix, for the sampler's factors and the steps' truncated entries."""
    key = (raw, rows, cols)
    found = _DECOMPOSED.get(key)
    if found is None:
        if len(_DECOMPOSED) >= 4096:
            _DECOMPOSED.clear()
        with mpmath.workdps(DIGITS + 20):
            found = _DECOMPOSED[key] = mpmath.svd_r(_mp_matrix(raw, rows, cols))
    return found


@functools.lru_cache(maxsize=4096)
def _singular_values(raw: tuple, rows: int, cols: int):
    """σ_1 ≥ σ_2 ≥ … of that matrix: read from its SVD when one was taken, else mpmath's values-only SVD
    (the same bidiagonalisation and QR sweeps, so the same numbers, at about half the work)."""
    found = _DECOMPOSED.get((raw, rows, cols))
    if found is not None:
        return found[1]
    with mpmath.workdps(DIGITS + 20):
        return mpmath.svd_r(_mp_matrix(raw, rows, cols), compute_uv=False)


def _mp_matrix(raw, rows, cols):
    return mpmath.matrix([[mpmath.mpf(raw[a * cols + b]) for b in range(cols)] for a in range(rows)])


def _raw(entries) -> tuple:
    """The entries (SymPy numbers) as raw mpf tuples at DIGITS, as the steps' instantiated numbers are."""
    return tuple(sp.Float(e, DIGITS)._mpf_ for e in entries)


class _SingularValueOf(sp.Function):
    """σ_k of the explicit rows×cols matrix with the given entries (row by row), by mpmath's SVD."""

    @classmethod
    def eval(cls, position, rows, cols, *entries):
        if not all(e.is_Number for e in entries):
            return None
        values = _singular_values(_raw(entries), int(rows), int(cols))
        return sp.Float(values[int(position) - 1], DIGITS)


class _TruncatedEntryOf(sp.Function):
    """Entry (row, col) of M − M_rank for the explicit matrix M, by mpmath's SVD."""

    @classmethod
    def eval(cls, rank, row, col, rows, cols, *entries):
        if not all(e.is_Number for e in entries):
            return None
        left, values, right = _svd(_raw(entries), int(rows), int(cols))
        a, b = int(row) - 1, int(col) - 1
        with mpmath.workdps(DIGITS + 20):
            kept = mpmath.fsum(left[a, t] * values[t] * right[t, b] for t in range(int(rank)))
            return sp.Float(mpmath.mpf(sp.Float(entries[a * int(cols) + b], DIGITS + 20)._mpf_) - kept, DIGITS)


def _explicit(source, rows, cols):
    return [entry(source, a, b) for a in range(1, rows + 1) for b in range(1, cols + 1)]


class Sigma(sp.Function):
    """σ_k(X), the k-th largest singular value of the rows×cols matrix X."""

    nargs = 4
    is_real = True
    is_nonnegative = True

    @classmethod
    def eval(cls, source, position, rows, cols):
        if rows.is_Integer and cols.is_Integer and position.is_Integer and not _has_free_size(source):
            return _SingularValueOf(position, rows, cols, *_explicit(source, int(rows), int(cols)))
        return None

    def _latex(self, printer, exp=None):
        source, position = self.args[0], self.args[1]
        tex = rf"\sigma_{{{printer._print(position)}}}"
        if source != M:
            tex += rf"\left({_source_tex(printer, source)}\right)"
        return latex_power(tex, exp)

    def _unicode(self, printer, **kwargs):
        source, position = self.args[0], self.args[1]
        text = f"σ_{printer._print(position)}"
        return text if source == M else f"{text}({_source_tex(printer, source)})"


class TruncatedEntry(sp.Function):
    """(M − M_r)_ij, computed from the SVD once every size is a number."""

    nargs = 6
    is_real = True

    @classmethod
    def eval(cls, mat, rank, row, col, rows, cols):
        if all(v.is_Integer for v in (rank, row, col, rows, cols)):
            return _TruncatedEntryOf(rank, row, col, rows, cols, *_explicit(mat, int(rows), int(cols)))
        return None

    def _latex(self, printer, exp=None):
        return latex_power(
            rf"(M - M_{{{printer._print(self.args[1])}}})_{{{printer._print(self.args[2])}{printer._print(self.args[3])}}}",
            exp,
        )

    def _unicode(self, printer, **kwargs):
        return f"(M − M_{printer._print(self.args[1])})_{printer._print(self.args[2])}{printer._print(self.args[3])}"


def _has_free_size(source):
    return isinstance(source, Residual) and not source.args[3].is_Integer


# --- samplers: a second row index, and near-optimal competitors -------------------------


class OtherIndex(Index):
    """An index 1 ≤ q ≤ size with q ≠ the already drawn index ``other``."""

    def __init__(self, size, other):
        super().__init__(size)
        object.__setattr__(self, "other", other)

    def sample(self, rng, values):
        size = int(sp.sympify(self.size).xreplace({s: sp.Integer(v) for s, v in values.items() if isinstance(v, int)}))
        choices = [t for t in range(1, size + 1) if t != values[self.other]]
        return rng.choice(choices)

    def latex(self, name):
        return rf"1 \le {name} \le {sp.latex(self.size)},\ {name} \ne {sp.latex(self.other)}"


class PerturbedFactor(Sampler):
    """B = U_r Σ_r + εN (side "left", m×r) or A = V_rᵀ + εN (side "right", r×n): the truncated SVD's
    factors plus noise of a random size ε ∈ [10⁻³, 1], so BA has rank ≤ r and is often nearly optimal."""

    def __init__(self, side):
        self.side = side

    def sample(self, rng, values):
        mat, rank = values[M], values[r]
        with mpmath.workdps(DIGITS + 20):
            left, sigma, right = _svd(tuple(v._mpf_ for v in mat), mat.rows, mat.cols)
            eps = mpmath.mpf(10) ** (-3 * uniform(rng, 0, 1))
            if self.side == "left":
                return mpmath.matrix(
                    [[left[a, t] * sigma[t] + eps * uniform(rng, -1, 1) for t in range(rank)] for a in range(mat.rows)]
                )
            return mpmath.matrix(
                [[right[t, b] + eps * uniform(rng, -1, 1) for b in range(mat.cols)] for t in range(rank)]
            )

    def latex(self, name):
        shape = r"m \times r" if self.side == "left" else r"r \times n"
        return rf"{name} \in \mathbb{{R}}^{{{shape}}}"


# --- oracles: plain mpmath ----------------------------------------------------------------


def mp_frobenius_sq(mat) -> mpmath.mpf:
    return mpmath.fsum(mat[a, b] ** 2 for a in range(mat.rows) for b in range(mat.cols))


def mp_truncated(mat, rank) -> mpmath.matrix:
    """M_r = Σ_{k≤r} σ_k u_k v_kᵀ from mpmath's SVD."""
    left, sigma, right = mpmath.svd_r(mat)
    out = mpmath.zeros(mat.rows, mat.cols)
    for t in range(rank):
        out += sigma[t] * left[:, t] * right[t, :]
    return out


def mp_givens(size, first, second, angle) -> mpmath.matrix:
    g = mpmath.eye(size)
    a, b = first - 1, second - 1
    g[a, a], g[a, b], g[b, a], g[b, b] = mpmath.cos(angle), -mpmath.sin(angle), mpmath.sin(angle), mpmath.cos(angle)
    return g


def oracle_frobenius(point):
    return mp_frobenius_sq(point.M)


def oracle_givens(point):
    return mp_frobenius_sq(mp_givens(point.m, point.p, point.q, point.phi) * point.M)


def oracle_truncation(point):
    return mp_frobenius_sq(point.M - mp_truncated(point.M, point.r))


def oracle_competitor(point):
    return mp_frobenius_sq(point.M - point.B * point.A)


# --- claims ----------------------------------------------------------------------------------

norm_M = FrobeniusSq(M, m, n)

trace = Claim(
    label="trace",
    text=r"For $M \in \mathbb{R}^{m \times n}$ let $\|M\|_F^2 = \sum_{i,j} M_{ij}^2$. It is the trace of $M^{\top} M$:",
    statement=sp.Eq(norm_M, Sum(Gram(M, j, j, m), j, n), evaluate=False),
    steps=[
        Step(norm_M),
        Step(Sum(Sum(M[i, j] ** 2, j, n), i, m), because="definition"),
        Step(Sum(Sum(M[i, j] * M[i, j], i, m), j, n), because=r"exchange the finite sums"),
        Step(Sum(Gram(M, j, j, m), j, n), because=r"$(M^{\top} M)_{jj} = \sum_i M_{ij} M_{ij}$"),
    ],
    oracle=oracle_frobenius,
)

givens_source = Rotated(M, p, q, phi)
gm_p = lambda col: givens_source.row(p, col)
gm_q = lambda col: givens_source.row(q, col)

givens = Claim(
    label="Givens rotation",
    text=(
        r"Let $G = G_{pq}(\varphi)$ rotate rows $p \ne q$ by $\varphi$: $(GM)_{pj} = \cos \varphi\, M_{pj} - \sin \varphi\, M_{qj}$, "
        r"$(GM)_{qj} = \sin \varphi\, M_{pj} + \cos \varphi\, M_{qj}$, other rows unchanged. It keeps the norm:"
    ),
    statement=sp.Eq(FrobeniusSq(givens_source, m, n), norm_M, evaluate=False),
    steps=[
        Step(FrobeniusSq(givens_source, m, n)),
        Step(Sum(Sum(givens_source.entry(i, j) ** 2, j, n), i, m), because="definition of $G$"),
        Step(
            norm_M + Sum(gm_p(j) ** 2 - M[p, j] ** 2, j, n) + Sum(gm_q(j) ** 2 - M[q, j] ** 2, j, n),
            because=r"only rows $p$ and $q$ change; $\delta_{ip}\delta_{iq} = 0$ as $p \ne q$",
        ),
        Step(
            norm_M,
            because=r"$(\cos \varphi\, x - \sin \varphi\, y)^2 + (\sin \varphi\, x + \cos \varphi\, y)^2 = x^2 + y^2$",
        ),
    ],
    oracle=oracle_givens,
)

sigma = lambda position, source=M: Sigma(source, position, m, n)
singular_sum = Sum(sigma(k) ** 2, k, rank_bound)
tail = sp.Sum(sigma(k) ** 2, (k, r + 1, rank_bound))  # Σ_{k>r} σ_k²

singular_values = Claim(
    label="singular values",
    text=(
        r"With the SVD $M = U \Sigma V^{\top}$ ($U$, $V$ orthogonal, $\Sigma$ diagonal with $\sigma_1 \ge \sigma_2 \ge \dots \ge 0$), "
        r"$M^{\top} M = V \Sigma^{\top} \Sigma V^{\top}$, so"
    ),
    statement=sp.Eq(norm_M, singular_sum, evaluate=False),
    steps=[
        Step(norm_M),
        Step(Sum(Gram(M, j, j, m), j, n), because="part {by}", by=trace),
        Step(
            singular_sum,
            because=r"$\operatorname{tr}(V \Sigma^{\top}\Sigma V^{\top}) = \operatorname{tr}(\Sigma^{\top}\Sigma V^{\top} V) = \sum_k \sigma_k^2$",
        ),
    ],
    oracle=oracle_frobenius,
)

truncation_source = TruncationError(M, r, m, n)

truncation = Claim(
    label="truncated SVD",
    text=r"Keeping the $r$ largest, $M_r = \sum_{k \le r} \sigma_k u_k v_k^{\top}$ has error",
    statement=sp.Eq(FrobeniusSq(truncation_source, m, n), tail, evaluate=False),
    steps=[
        Step(FrobeniusSq(truncation_source, m, n)),
        Step(
            Sum(Sigma(truncation_source, k, m, n) ** 2, k, rank_bound),
            because=r"part {by} for $M - M_r$",
            by=singular_values,
        ),
        Step(
            tail,
            because=r"$M - M_r = \sum_{k > r} \sigma_k u_k v_k^{\top}$ is an SVD with singular values $\sigma_{r+1}, \ldots$ and zeros",
        ),
    ],
    oracle=oracle_truncation,
)

competitor = Residual(M, B, A, r)
shifted_tail = Sum(sigma(i + r) ** 2, i, rank_bound - r)

optimality = Claim(
    label="optimality",
    text=r"No $X = BA$ of rank at most $r$ ($B \in \mathbb{R}^{m \times r}$, $A \in \mathbb{R}^{r \times n}$) does better:",
    statement=Statement(FrobeniusSq(competitor, m, n), ">=", tail),
    steps=[
        Step(FrobeniusSq(competitor, m, n)),
        Step(
            Sum(Sigma(competitor, i, m, n) ** 2, i, rank_bound), because=r"part {by} for $M - BA$", by=singular_values
        ),
        Step(
            Sum(Sigma(competitor, i, m, n) ** 2, i, rank_bound - r),
            relation=">=",
            because="drop the last $r$ terms, each $\\ge 0$",
        ),
        Step(
            shifted_tail,
            relation=">=",
            because=r"Weyl: $\sigma_{i+r}(M) \le \sigma_i(M - BA) + \sigma_{r+1}(BA) = \sigma_i(M - BA)$, as $\operatorname{rank} BA \le r$",
        ),
        Step(tail, because=r"write $k = i + r$"),
    ],
    oracle=oracle_competitor,
)

# --- documentation vocabulary ---------------------------------------------------------------
# M an m × n matrix with entries M_{ij} and singular values σ_1 ≥ σ_2 ≥ … (σ_k).


def _singular_value(env, atom, side):
    """σ_k, or σ_k(M): the k-th singular value of the result's M; σ_k of any other matrix is not the result's."""
    written = argument_text(env, atom)
    if written not in ("", "M"):
        refuse(f"sigma_{atom.sub_text}({written}) is a singular value of {written}; the result's are those of M")
    return Sigma(M, position_value(env, atom.sub_text), env.dim_value(m), env.dim_value(n))


vocabulary = Vocabulary(
    domain_names=True,
    indices=[],
    entries={
        "M": matrix_entries(M),
        "A": matrix_entries(M),
        "sigma": call(_singular_value),
    },
    examples=[
        (
            r"\sigma_1^2 \le \sum_{i=1}^{m}\sum_{j=1}^{n} M_{ij}^2",
            r"\sigma_1^2 \ge \sum_{i=1}^{m}\sum_{j=1}^{n} M_{ij}^2",
        ),
    ],
)


eckart_young = Result(
    vocabulary=vocabulary,
    title="Frobenius norm, singular values and the Eckart-Young theorem",
    area="Linear algebra",
    claims=[trace, givens, singular_values, truncation, optimality],
    domain=Domain(
        {
            m: dimension(2, 5),
            n: dimension(2, 5),
            M: matrix(m, n, reals(-2, 2)),
            p: index(m),
            q: OtherIndex(m, p),
            phi: reals(-4, 4),
            r: index(rank_bound - 1),
            B: PerturbedFactor("left"),
            A: PerturbedFactor("right"),
        }
    ),
    rules=[sp.Eq(delta(p, q), 0)],
    references=["eckart1936", "golub2013"],
)
