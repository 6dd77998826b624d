"""A d×d weight matrix stored in bf16 takes 2d² bytes, and the four attention projections (Q, K, V, O) of an L-layer model hold 4Ld² parameters, 8Ld² bytes in bf16.

bf16 keeps the top 16 bits of an IEEE float32 (sign, 8 exponent bits, 7 mantissa
bits), so each entry takes 2 bytes. At d = 4096 one projection takes 33,554,432 bytes:
exactly 32 MiB (1 MiB = 2²⁰ bytes), or about 33.6 MB (1 MB = 10⁶ bytes). With L = 32
layers the four projections hold 2³¹ parameters, 4 GiB (about 4.29 GB) in bf16.
"""

import struct

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension
from derive.domain import Point
from derive.identities.lora_parameter_count import params, thousands
from derive.identities.low_rank_parameter_count import count_grid
from derive.notation import Notation, d
from derive.vocabulary import Vocabulary, computed_number, function_of

L = sp.Symbol("L", integer=True, positive=True)  # layers
l = sp.Symbol("l", integer=True, positive=True)  # a layer
PROJECTIONS = "QKVO"


def projections(size):
    """W_Q, W_K, W_V, W_O of one layer, each size×size."""
    return [sp.MatrixSymbol(f"W_{name}", size, size) for name in PROJECTIONS]


class Bf16Bytes(Notation):
    """bytes(M): the memory of the matrix M in bf16, 2 bytes per entry."""

    nargs = 1
    is_commutative = True
    is_integer = True
    is_positive = True

    def definition(self):
        rows, cols = self.args[0].shape
        return 2 * rows * cols

    def _latex(self, printer, exp=None):
        tex = rf"\operatorname{{bytes}}_{{\mathrm{{bf16}}}}\left({printer._print(self.args[0])}\right)"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return f"bytes_bf16({printer._print(self.args[0])})"


def nbytes(matrix):
    return Bf16Bytes(matrix)


W = sp.MatrixSymbol("W", d, d)
MIB, GIB = 2**20, 2**30


def layer_sum(function, size, layers):
    """Σ_{l=1}^{layers} Σ over the four projections of function(W)."""
    return sp.Sum(sp.Add(*(function(w) for w in projections(size)), evaluate=False), (l, 1, layers))


# --- oracles: count entries, and the bytes of one bf16 number -------------------------------


def bf16_encoding(value) -> bytes:
    """bf16: the top two bytes of the big-endian IEEE float32 encoding (truncation)."""
    return struct.pack(">f", float(value))[:2]


def mp_matrix_bytes(rows, cols) -> int:
    return count_grid(rows, cols) * len(bf16_encoding(0.5))


def mp_model(layers, size, per_matrix):
    """Σ over every layer and every projection of per_matrix(rows, cols)."""
    return sum(per_matrix(size, size) for _ in range(layers) for _ in PROJECTIONS)


def oracle_matrix_bytes(point):
    return mp_matrix_bytes(point.d, point.d)


def oracle_model_params(point):
    return mp_model(point.L, point.d, count_grid)


def oracle_model_bytes(point):
    return mp_model(point.L, point.d, mp_matrix_bytes)


# --- claims ---------------------------------------------------------------------------------

matrix_bytes = Claim(
    label="one matrix",
    text=r"A bf16 number is the top 2 bytes of a float32, so a weight matrix $W \in \mathbb{R}^{d \times d}$ takes",
    statement=sp.Eq(nbytes(W), 2 * d**2, evaluate=False),
    steps=[
        Step(nbytes(W)),
        Step(2 * params(W), because="2 bytes per entry"),
        Step(2 * d**2, because=r"$W$ has $d^2$ entries"),
    ],
    oracle=oracle_matrix_bytes,
)

model_params = Claim(
    label="model parameters",
    text=r"An $L$-layer model with projections $W_Q, W_K, W_V, W_O \in \mathbb{R}^{d \times d}$ in every layer holds",
    statement=sp.Eq(layer_sum(params, d, L), 4 * L * d**2, evaluate=False),
    steps=[
        Step(layer_sum(params, d, L)),
        Step(sp.Sum(4 * d**2, (l, 1, L)), because=r"four matrices of $d^2$ entries per layer"),
        Step(4 * L * d**2, because=r"the same in each of the $L$ layers"),
    ],
    oracle=oracle_model_params,
)

model_bytes = Claim(
    label="model bytes",
    text="In bf16 these take, in bytes,",
    statement=sp.Eq(layer_sum(nbytes, d, L), 8 * L * d**2, evaluate=False),
    steps=[
        Step(layer_sum(nbytes, d, L)),
        Step(sp.Sum(4 * (2 * d**2), (l, 1, L)), because="part {by} for each of the four matrices", by=matrix_bytes),
        Step(8 * L * d**2, because=r"the same in each of the $L$ layers"),
    ],
    oracle=oracle_model_bytes,
)

WIDTH, LAYERS = 4096, 32
W_4096 = sp.MatrixSymbol("W", WIDTH, WIDTH)
concrete = Domain({}, points=5)
one_matrix = 2 * WIDTH**2

matrix_bytes_4096 = Claim(
    label="one matrix at d = 4096",
    text=rf"At $d = {WIDTH}$ one projection takes, in bytes,",
    statement=sp.Eq(nbytes(W_4096), one_matrix, evaluate=False),
    steps=[
        Step(nbytes(W_4096)),
        Step(
            sp.Mul(2, sp.Pow(WIDTH, 2, evaluate=False), evaluate=False),
            because=rf"part {{by}} at $d = {WIDTH}$",
            by=matrix_bytes,
        ),
        Step(sp.Integer(one_matrix), because="arithmetic"),
    ],
    oracle=lambda point: mp_matrix_bytes(WIDTH, WIDTH),
    domain=concrete,
)

matrix_mib_4096 = Claim(
    label="in MiB",
    text=r"That is exactly $32$ MiB ($1$ MiB $= 2^{20}$ bytes), but about $33.6$ MB in units of $10^6$ bytes:",
    statement=sp.Eq(nbytes(W_4096) / MIB, 32, evaluate=False),
    steps=[
        Step(nbytes(W_4096) / MIB),
        Step(
            sp.Mul(sp.Integer(one_matrix), sp.Pow(sp.Integer(MIB), -1, evaluate=False), evaluate=False),
            because="part {by}",
            by=matrix_bytes_4096,
        ),
        Step(
            sp.Mul(sp.Pow(2, 25, evaluate=False), sp.Pow(2, -20, evaluate=False), evaluate=False),
            because=r"$2 \cdot 4096^2 = 2 \cdot 2^{24}$",
        ),
        Step(sp.Integer(32), because=r"$2^{5} = 32$"),
    ],
    oracle=lambda point: mpmath.mpf(mp_matrix_bytes(WIDTH, WIDTH)) / MIB,
    domain=concrete,
)

model_bytes_value = 8 * LAYERS * WIDTH**2

model_gib = Claim(
    label="model in GiB",
    text=rf"With $L = {LAYERS}$ layers the four projections take ${thousands(model_bytes_value)}$ bytes, exactly $4$ GiB ($2^{{30}}$ bytes each):",
    statement=sp.Eq(layer_sum(nbytes, WIDTH, LAYERS) / GIB, 4, evaluate=False),
    steps=[
        Step(layer_sum(nbytes, WIDTH, LAYERS) / GIB),
        Step(
            sp.Mul(8, LAYERS, sp.Pow(WIDTH, 2, evaluate=False), sp.Pow(2, -30, evaluate=False), evaluate=False),
            because=rf"part {{by}} at $L = {LAYERS}$, $d = {WIDTH}$",
            by=model_bytes,
        ),
        Step(
            sp.Mul(sp.Pow(2, 32, evaluate=False), sp.Pow(2, -30, evaluate=False), evaluate=False),
            because=r"$8 \cdot 32 \cdot 4096^2 = 2^3 \cdot 2^5 \cdot 2^{24}$",
        ),
        Step(sp.Integer(4), because=r"$2^2 = 4$"),
    ],
    oracle=lambda point: mpmath.mpf(mp_model(LAYERS, WIDTH, mp_matrix_bytes)) / GIB,
    domain=concrete,
)

# --- documentation vocabulary ---------------------------------------------------------------
# d the model width, L the number of layers, W (W_Q, W_K, W_V, W_O) a d × d projection;
# params(·) its entries, bytes(·) its bf16 memory (2 bytes an entry).

vocabulary = Vocabulary(
    domain_names=True,
    dims={"d_model": d, "D": d, "N_L": L},
    entries={
        "W": computed_number(lambda env: env.concretise(W)),
        **{
            f"W_{name}": computed_number(lambda env, name=name: env.concretise(sp.MatrixSymbol(f"W_{name}", d, d)))
            for name in PROJECTIONS
        },
        "params": function_of(lambda env, arg: env.concretise(params(arg))),
        "bytes": function_of(lambda env, arg: env.concretise(nbytes(arg))),
        "bytes_bf16": function_of(lambda env, arg: env.concretise(nbytes(arg)), subscripted=True),
    },
    examples=[
        (r"\operatorname{bytes}(W) = 2 d^2", r"\operatorname{bytes}(W) = 4 d^2"),
        (
            r"\sum_{l=1}^{L} \left(\operatorname{params}(W_Q) + \operatorname{params}(W_K) + \operatorname{params}(W_V) + \operatorname{params}(W_O)\right) = 4 L d^2",
            r"\sum_{l=1}^{L} \left(\operatorname{params}(W_Q) + \operatorname{params}(W_K) + \operatorname{params}(W_V) + \operatorname{params}(W_O)\right) = 4 d^2",
        ),
    ],
)


projection_memory = Result(
    vocabulary=vocabulary,
    title="Memory of the attention projections in bf16",
    area="Linear algebra",
    claims=[matrix_bytes, model_params, model_bytes, matrix_bytes_4096, matrix_mib_4096, model_gib],
    domain=Domain({d: dimension(1, 6), L: dimension(1, 4)}),
    references=["kalamkar2019", "vaswani2017"],
    remarks=[
        Remark(
            text=rf"In decimal units one ${WIDTH} \times {WIDTH}$ projection is {{value}} MB ($10^6$ bytes), not 32 MB.",
            value=2 * d**2 / sp.Integer(10) ** 6,
            at=Point({d: WIDTH}),
        ),
        Remark(
            text=rf"The ${thousands(4 * LAYERS * WIDTH**2)}$ projection parameters of the $L = {LAYERS}$ model take {{value}} GB ($10^9$ bytes) in bf16.",
            value=8 * L * d**2 / sp.Integer(10) ** 9,
            at=Point({d: WIDTH, L: LAYERS}),
        ),
        Remark(
            text=r"At $d = 8192$ and $L = 80$ they take {value} GB ($40$ GiB); one projection is $128$ MiB.",
            value=8 * L * d**2 / sp.Integer(10) ** 9,
            at=Point({d: 8192, L: 80}),
        ),
    ],
)
