"""A rank-r factorisation BA of an m×n matrix, with B ∈ ℝ^{m×r} and A ∈ ℝ^{r×n}, stores (m + n)r numbers instead of mn, and saves parameters exactly when r < mn/(m + n).

Counting entries gives the two totals; their difference factors as
mn − (m + n)r = (m + n)(mn/(m + n) − r), so the break-even rank is mn/(m + n), half
the harmonic mean of m and n (d/2 for a square d×d matrix). A LoRA adapter is this
factorisation with m = d_out and n = d_in.
"""

import functools

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, matrix
from derive.domain import Point
from derive.identities.lora_parameter_count import params, thousands
from derive.vocabulary import Vocabulary, function_of

m, n, r = sp.symbols("m n r", integer=True, positive=True)
d = sp.Symbol("d", integer=True, positive=True)
M = sp.MatrixSymbol("M", m, n)  # the full matrix
B = sp.MatrixSymbol("B", m, r)
A = sp.MatrixSymbol("A", r, n)
threshold = m * n / (m + n)


# --- oracles: count the entries of the sampled matrices ---------------------------------


def count_entries(mat: mpmath.matrix) -> int:
    """How many numbers a sampled matrix stores, counted one by one."""
    return sum(1 for row in range(mat.rows) for col in range(mat.cols))


@functools.lru_cache(maxsize=1024)
def count_grid(rows: int, cols: int) -> int:
    """How many numbers a rows×cols array stores, added up row by row (no matrix is built); each shape
    is counted once per process, however many matrices of it a model holds."""
    return sum(len(range(cols)) for _ in range(rows))


def oracle_factor_count(point):
    return count_entries(point.B) + count_entries(point.A)


def oracle_saving(point):
    return count_entries(point.M) - count_entries(point.B) - count_entries(point.A)


def oracle_square_threshold(point):
    # the break-even rank of a d×d matrix: the r at which d·d − (d + d)r vanishes
    return mpmath.findroot(lambda rank: point.d * point.d - (point.d + point.d) * rank, 1)


# --- claims --------------------------------------------------------------------------------

factor_count = Claim(
    label="factor count",
    text=r"The factors $B \in \mathbb{R}^{m \times r}$ and $A \in \mathbb{R}^{r \times n}$ together hold",
    statement=sp.Eq(params(B) + params(A), (m + n) * r, evaluate=False),
    steps=[
        Step(params(B) + params(A)),
        Step(m * r + r * n, because=r"$B$ is $m \times r$, $A$ is $r \times n$"),
        Step((m + n) * r, because=r"factor out $r$"),
    ],
    oracle=oracle_factor_count,
)

saving = Claim(
    label="saving",
    text=r"Against the $mn$ entries of $M \in \mathbb{R}^{m \times n}$ the saving is",
    statement=sp.Eq(params(M) - params(B) - params(A), (m + n) * (threshold - r), evaluate=False),
    steps=[
        Step(params(M) - params(B) - params(A)),
        Step(m * n - (m + n) * r, because=r"$M$ is $m \times n$; part {by}", by=factor_count),
        Step((m + n) * (threshold - r), because=r"factor out $m + n > 0$"),
    ],
    oracle=oracle_saving,
)

square = Claim(
    label="square matrix",
    text=r"So the factorisation saves parameters exactly when $r < mn/(m + n)$; for a square $d \times d$ matrix this break-even rank is",
    statement=sp.Eq(threshold.xreplace({m: d, n: d}), d / 2, evaluate=False),
    steps=[
        Step(threshold.xreplace({m: d, n: d})),
        Step(d / 2, because=r"$d^2/(2d) = d/2$"),
    ],
    oracle=oracle_square_threshold,
    domain=Domain({d: dimension(1, 12)}),
)


def concrete_claims(width: int = 4096, rank: int = 8):
    """The two counts at m = n = width and the given rank, as exact integers."""
    M_ = sp.MatrixSymbol("M", width, width)
    B_ = sp.MatrixSymbol("B", width, rank)
    A_ = sp.MatrixSymbol("A", rank, width)
    shapes = rf"$m = n = {width}$, $r = {rank}$"
    factors = Claim(
        label=f"factors at r = {rank}",
        text=rf"At {shapes} the factors hold",
        statement=sp.Eq(params(B_) + params(A_), (2 * width) * rank, evaluate=False),
        steps=[
            Step(params(B_) + params(A_)),
            Step(
                sp.Mul(sp.Add(width, width, evaluate=False), rank, evaluate=False),
                because=rf"part {{by}} at {shapes}",
                by=factor_count,
            ),
            Step(sp.Integer(2 * width * rank), because="arithmetic"),
        ],
        oracle=lambda point: count_grid(width, rank) + count_grid(rank, width),
        domain=Domain({}, points=5),
    )
    full = Claim(
        label=f"full at {width}",
        text=rf"while the full ${width} \times {width}$ matrix holds",
        statement=sp.Eq(params(M_), width * width, evaluate=False),
        steps=[
            Step(params(M_)),
            Step(sp.Mul(width, width, evaluate=False), because=rf"$M$ is ${width} \times {width}$"),
            Step(sp.Integer(width * width), because="arithmetic"),
        ],
        oracle=lambda point: count_grid(width, width),
        domain=Domain({}, points=5),
    )
    return factors, full


factors_4096, full_4096 = concrete_claims()

# --- documentation vocabulary ---------------------------------------------------------------
# M an m × n matrix, B (m × r) and A (r × n) its rank-r factors, params(·) the number of entries.

vocabulary = Vocabulary(
    domain_names=True,
    entries={"params": function_of(lambda env, arg: env.concretise(params(arg)))},
    examples=[
        (
            r"\operatorname{params}(A) + \operatorname{params}(B) = r(m + n)",
            r"\operatorname{params}(A) + \operatorname{params}(B) = rmn",
        ),
        (
            r"\operatorname{params}(M) - \operatorname{params}(A) - \operatorname{params}(B) = mn - r(m + n)",
            r"\operatorname{params}(M) - \operatorname{params}(A) - \operatorname{params}(B) = mn - r",
        ),
    ],
)


low_rank_parameter_count = Result(
    vocabulary=vocabulary,
    title="Parameter count of a low-rank factorisation",
    area="Linear algebra",
    claims=[factor_count, saving, square, factors_4096, full_4096],
    domain=Domain(
        {
            m: dimension(1, 6),
            n: dimension(1, 6),
            r: dimension(1, 5),
            M: matrix(m, n),
            B: matrix(m, r),
            A: matrix(r, n),
        }
    ),
    references=["golub2013", "hu2021"],
    remarks=[
        Remark(
            text=(
                rf"At $m = n = 4096$ and $r = 8$ the factors hold ${thousands(65_536)}$ numbers against "
                rf"${thousands(16_777_216)}$, that is {{value}}\% of them; the break-even rank is $2048$."
            ),
            value=100 * (m + n) * r / (m * n),
            at=Point({m: 4096, n: 4096, r: 8}),
        ),
    ],
)
