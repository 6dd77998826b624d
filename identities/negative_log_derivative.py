"""The loss −log p has slope d(−log p)/dp = −1/p, which grows without bound as the probability p of the correct answer tends to 0.

For every bound M > 0 the slope exceeds M in magnitude on the whole interval
0 < p < 1/M: a confidently wrong prediction is penalised ever more steeply. With
respect to the probability itself the gradient is therefore unbounded; with respect to
softmax logits the chain rule multiplies it by ∂p/∂z and the gradient becomes the
bounded p − y of softmax cross-entropy.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, positive
from derive.domain import Point
from derive.notation import EvaluatedAt
from derive.vocabulary import Vocabulary

p = sp.Symbol("p", positive=True)  # probability assigned to the correct answer
M = sp.Symbol("M", positive=True)  # any bound
v = sp.Symbol("v", positive=True)  # p = 1/(M + v) runs over (0, 1/M) as v runs over (0, ∞)


slope = sp.Derivative(-sp.log(p), p)


def mp_slope(at):
    return mpmath.diff(lambda q: -mpmath.log(q), at)


slope_claim = Claim(
    label="slope",
    text=r"For $0 < p < 1$, the slope of the loss $-\log p$ is",
    statement=sp.Eq(slope, -1 / p, evaluate=False),
    steps=[
        Step(slope),
        Step(-1 / p, because=r"$\partial \log p/\partial p = 1/p$"),
    ],
    oracle=lambda point: mp_slope(point.p),
)

near_zero = 1 / (M + v)
slope_near_zero = sp.Abs(EvaluatedAt(slope, p, near_zero))

unbounded = Claim(
    label="unbounded",
    text=(
        r"Its magnitude exceeds every bound $M > 0$ near $0$: each $p \in (0, 1/M)$ is $p = 1/(M + v)$ "
        r"with $v > 0$, and there"
    ),
    statement=sp.Gt(slope_near_zero, M, evaluate=False),
    steps=[
        Step(slope_near_zero),
        Step(sp.Abs(EvaluatedAt(-1 / p, p, near_zero)), by=slope_claim),
        Step(M + v, because=r"$1/p = M + v$"),
        Step(M, relation=">", because=r"$v > 0$"),
    ],
    oracle=lambda point: abs(mp_slope(1 / (point.M + point.v))),
    domain=Domain({M: positive(1, 1000), v: positive("0.001", 100)}, points=16),
)

# --- documentation vocabulary ---------------------------------------------------------------
# p the probability given to the correct answer.

vocabulary = Vocabulary(
    domain_names=True,
    examples=[(r"\frac{d}{dp}\left(-\log p\right) = -\frac{1}{p}", r"\frac{d}{dp}\left(-\log p\right) = \frac{1}{p}")],
)


negative_log_derivative = Result(
    vocabulary=vocabulary,
    title="Slope of the negative log-likelihood",
    area="Gradients",
    claims=[slope_claim, unbounded],
    domain=Domain({p: positive("0.001", 1)}, points=16),
    remarks=[
        Remark(text=r"At $p = 0.9$ the slope is ${value}$.", value=-1 / p, at=Point({p: mpmath.mpf("0.9")})),
        Remark(
            text=r"At $p = 0.01$ it is ${value}$, ninety times steeper than at $p = 0.9$.",
            value=-1 / p,
            at=Point({p: mpmath.mpf("0.01")}),
        ),
    ],
    references=["goodfellow2016", "bishop2006"],
)
