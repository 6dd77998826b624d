"""A LoRA update ΔW = BA with B ∈ ℝ^{d_out×r}, A ∈ ℝ^{r×d_in} has r(d_in + d_out) parameters instead of d_in·d_out, rank at most r, vanishes when B = 0, and can be merged into W without changing any output.

Counting entries gives the parameter count and the reduction factor
d_in·d_out / (r(d_in + d_out)), e.g. 256× for a 4096×4096 weight at rank 8. The
rank bound holds because every column of BA is a combination of the r columns of B.
Initialising B = 0 makes the adapted layer start as the pretrained one, and
(W + BA)x = Wx + B(Ax) lets the adapter run as two thin products, or be folded into W.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Statement, Step, dimension, matrix
from derive.notation import Notation
from derive.numeric import WORKING_DIGITS
from derive.vocabulary import Vocabulary, computed_number, function_of, number_of

d_in, d_out, r = sp.symbols("d_in d_out r", integer=True, positive=True)
W = sp.MatrixSymbol("W", d_out, d_in)  # frozen pretrained weight
B = sp.MatrixSymbol("B", d_out, r)  # adapter, up-projection
A = sp.MatrixSymbol("A", r, d_in)  # adapter, down-projection
x = sp.MatrixSymbol("x", d_in, 1)  # an input


def product(*factors):
    """A matrix product kept as written (SymPy would flatten B(Ax) into BAx)."""
    return sp.MatMul(*factors, evaluate=False)


def total(*terms):
    """A matrix sum kept as written."""
    return sp.MatAdd(*terms, evaluate=False)


class Params(Notation):
    """params(M): the number of entries of the matrix M, i.e. rows × columns."""

    nargs = 1
    is_commutative = True
    is_integer = True
    is_positive = True

    def definition(self):
        rows, cols = self.args[0].shape
        return rows * cols

    def _latex(self, printer, exp=None):
        tex = rf"\operatorname{{params}}\left({printer._print(self.args[0])}\right)"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return f"params({printer._print(self.args[0])})"


class Rank(sp.Function):
    """rank(M); evaluated (numerically, through singular values) only for an explicit matrix."""

    nargs = 1
    is_commutative = True
    is_integer = True
    is_nonnegative = True

    @classmethod
    def eval(cls, m):
        if isinstance(m, sp.MatrixBase):
            with mpmath.workdps(WORKING_DIGITS):
                values = mpmath.svd_r(
                    mpmath.matrix([[mpmath.mpf(sp.Float(e, WORKING_DIGITS)) for e in row] for row in m.tolist()]),
                    compute_uv=False,
                )
                largest = max((abs(v) for v in values), default=mpmath.mpf(0))
                return sp.Integer(sum(1 for v in values if abs(v) > largest * mpmath.mpf(10) ** -30))
        return None

    def _latex(self, printer, exp=None):
        tex = rf"\operatorname{{rank}}\left({printer._print(self.args[0])}\right)"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return f"rank({printer._print(self.args[0])})"


def params(m):
    """params(m), the number of entries of m."""
    return Params(m)


# --- oracles: plain mpmath on the sampled matrices --------------------------------


def count_entries(m: mpmath.matrix) -> int:
    """How many numbers a matrix stores, counted one by one."""
    return sum(1 for row in range(m.rows) for col in range(m.cols))


def numerical_rank(m: mpmath.matrix, tolerance=mpmath.mpf(10) ** -30) -> int:
    """Rank by Gaussian elimination with partial pivoting; pivots below tolerance·max|m| count as 0."""
    rows = [[m[a, b] for b in range(m.cols)] for a in range(m.rows)]
    scale = max((abs(v) for row in rows for v in row), default=mpmath.mpf(0))
    if scale == 0:
        return 0
    rank, col = 0, 0
    while rank < len(rows) and col < m.cols:
        pivot = max(range(rank, len(rows)), key=lambda a: abs(rows[a][col]))
        if abs(rows[pivot][col]) <= tolerance * scale:
            col += 1
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for a in range(rank + 1, len(rows)):
            factor = rows[a][col] / rows[rank][col]
            rows[a] = [u - factor * v for u, v in zip(rows[a], rows[rank])]
        rank += 1
        col += 1
    return rank


def oracle_count(point):
    return count_entries(point.B) + count_entries(point.A)


def oracle_factor(point):
    return mpmath.mpf(count_entries(point.W)) / (count_entries(point.B) + count_entries(point.A))


def oracle_rank(point):
    return numerical_rank(point.B * point.A)


def oracle_initial_output(point):
    zero = mpmath.zeros(point.B.rows, point.B.cols)
    return (point.W + zero * point.A) * point.x


def oracle_merged_output(point):
    return (point.W + point.B * point.A) * point.x


# --- the claims -------------------------------------------------------------------

count = Claim(
    label="parameter count",
    text=r"The adapter trains the entries of $B$ and $A$:",
    statement=sp.Eq(params(B) + params(A), r * (d_in + d_out), evaluate=False),
    steps=[
        Step(params(B) + params(A)),
        Step(d_out * r + r * d_in, because=r"$B$ is $d_{out} \times r$, $A$ is $r \times d_{in}$"),
        Step(r * (d_in + d_out), because=r"factor out $r$"),
    ],
    oracle=oracle_count,
)

factor = Claim(
    label="reduction factor",
    text=r"Training all $d_{in} d_{out}$ entries of $W$ instead takes more parameters by the factor",
    statement=sp.Eq(params(W) / (params(B) + params(A)), d_in * d_out / (r * (d_in + d_out)), evaluate=False),
    steps=[
        Step(params(W) / (params(B) + params(A))),
        Step(d_in * d_out / (params(B) + params(A)), because=r"$W$ is $d_{out} \times d_{in}$"),
        Step(d_in * d_out / (r * (d_in + d_out)), because="part {by}", by=count),
    ],
    oracle=oracle_factor,
)


def thousands(number: int) -> str:
    """LaTeX for a number with thousands separators: 16{,}777{,}216."""
    return f"{number:,}".replace(",", "{,}")


def concrete_claims(rank: int, width: int = 4096):
    """Parts (c)–(f): the count and the factor at d_in = d_out = width and the given rank."""
    W_ = sp.MatrixSymbol("W", width, width)
    B_ = sp.MatrixSymbol("B", width, rank)
    A_ = sp.MatrixSymbol("A", rank, width)
    adapter = rank * 2 * width
    shapes = rf"$d_{{in}} = d_{{out}} = {width}$, $r = {rank}$"
    count_claim = Claim(
        label=f"count at r = {rank}",
        text=rf"At {shapes} the adapter's parameter count is",
        statement=sp.Eq(params(B_) + params(A_), adapter, evaluate=False),
        steps=[
            Step(params(B_) + params(A_)),
            Step(
                sp.Mul(rank, sp.Add(width, width, evaluate=False), evaluate=False),
                because=rf"part {{by}} at {shapes}",
                by=count,
            ),
            Step(sp.Integer(adapter), because="arithmetic"),
        ],
        oracle=lambda point: count_entries(mpmath.matrix(width, rank)) + count_entries(mpmath.matrix(rank, width)),
        domain=Domain({}, points=5),
    )
    factor_claim = Claim(
        label=f"factor at r = {rank}",
        text=rf"and $W$, with ${width}^2 = {thousands(width**2)}$ entries, has more by the factor",
        statement=sp.Eq(params(W_) / (params(B_) + params(A_)), width**2 // adapter, evaluate=False),
        steps=[
            Step(params(W_) / (params(B_) + params(A_))),
            Step(
                sp.Mul(sp.Integer(width**2), sp.Pow(sp.Integer(adapter), -1, evaluate=False), evaluate=False),
                because=rf"$W$ has ${width}^2$ entries; part {{by}}",
                by=count_claim,
            ),
            Step(sp.Integer(width**2 // adapter), because="arithmetic"),
        ],
        oracle=lambda point: (
            mpmath.mpf(width * width)
            / (count_entries(mpmath.matrix(width, rank)) + count_entries(mpmath.matrix(rank, width)))
        ),
        domain=Domain({}, points=5),
    )
    return count_claim, factor_claim


count_r8, factor_r8 = concrete_claims(8)
count_r16, factor_r16 = concrete_claims(16)

rank_bound = Claim(
    label="rank",
    text=r"The update $BA$ has rank at most $r$:",
    statement=Statement(Rank(product(B, A)), "<=", r),
    steps=[
        Step(Rank(product(B, A))),
        Step(
            sp.Min(Rank(B), Rank(A)),
            relation="<=",
            because=r"$\operatorname{rank}(XY) \le \min(\operatorname{rank} X, \operatorname{rank} Y)$",
        ),
        Step(r, relation="<=", because=r"$B$ has $r$ columns, $A$ has $r$ rows"),
    ],
    oracle=oracle_rank,
)

zero_B = sp.ZeroMatrix(d_out, r)
initial = Claim(
    label="zero initialisation",
    text=r"With $B = 0$ at initialisation the adapted layer computes what $W$ computes:",
    statement=sp.Eq(product(total(W, product(zero_B, A)), x), product(W, x), evaluate=False),
    steps=[
        Step(product(total(W, product(zero_B, A)), x)),
        Step(product(total(W, sp.ZeroMatrix(d_out, d_in)), x), because=r"$0 A = 0$"),
        Step(product(W, x), because=r"$W + 0 = W$"),
    ],
    oracle=oracle_initial_output,
)

merged = Claim(
    label="merged weight",
    text=r"For every input $x$, the merged weight $W + BA$ gives the adapter's output:",
    statement=sp.Eq(
        product(total(W, product(B, A)), x), total(product(W, x), product(B, product(A, x))), evaluate=False
    ),
    steps=[
        Step(product(total(W, product(B, A)), x)),
        Step(total(product(W, x), product(product(B, A), x)), because="distributivity"),
        Step(total(product(W, x), product(B, product(A, x))), because=r"associativity: $(BA)x = B(Ax)$"),
    ],
    oracle=oracle_merged_output,
)

# --- documentation vocabulary ---------------------------------------------------------------
# r the rank, d_in (k) and d_out (d) the weight's shape, W, A, B the matrices, params(·) their size.

vocabulary = Vocabulary(
    size=r,
    entries={
        "r": number_of(r),
        "d_in": number_of(d_in),
        "d_out": number_of(d_out),
        "k": number_of(d_in),
        "d": number_of(d_out),
        "A": computed_number(lambda env: A),
        "B": computed_number(lambda env: B),
        "W": computed_number(lambda env: W),
        "params": function_of(lambda env, arg: env.concretise(Params(arg))),
    },
    examples=[
        (
            r"\operatorname{params}(A) + \operatorname{params}(B) = r(d_{in} + d_{out})",
            r"\operatorname{params}(A) + \operatorname{params}(B) = r\,d_{in}\,d_{out}",
        ),
        (
            r"\frac{\operatorname{params}(W)}{\operatorname{params}(A) + \operatorname{params}(B)} = \frac{d k}{r(d + k)}",
            r"\frac{\operatorname{params}(W)}{\operatorname{params}(A) + \operatorname{params}(B)} = \frac{d k}{r(d - k)}",
        ),
    ],
)


lora_parameter_count = Result(
    vocabulary=vocabulary,
    title="Parameter count and basic facts of LoRA",
    area="Fine-tuning",
    claims=[count, factor, count_r8, factor_r8, count_r16, factor_r16, rank_bound, initial, merged],
    domain=Domain(
        {
            r: dimension(1, 4),
            d_in: dimension(1, 6),
            d_out: dimension(1, 6),
            W: matrix(d_out, d_in),
            B: matrix(d_out, r),
            A: matrix(r, d_in),
            x: matrix(d_in, 1),
        }
    ),
    references=["hu2021"],
)
