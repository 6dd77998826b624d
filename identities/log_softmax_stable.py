"""The softmax is unchanged by adding a constant to every logit, so log σ_i = z_i − m − log Σ_k e^{z_k − m} for any m, and with m = max_k z_k no exponent is positive and the sum lies between 1 and n.

For logits z ∈ ℝⁿ and any real c, σ(z + c·1) = σ(z): the factor e^c appears in the
numerator and in every term of the normaliser. Taking c = −m gives the log-softmax
in the shifted form above. With m the largest logit every exponent z_k − m is ≤ 0,
so no e^{z_k − m} exceeds 1 (nothing overflows), and the term of the largest logit
is e^0 = 1, so the sum is at least 1 and its logarithm is between 0 and log n
(nothing underflows to log 0). This is how log-softmax and cross-entropy are
computed in floating point.
"""

from dataclasses import dataclass

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, index, reals, vector
from derive.domain import Index, Point, concrete_size
from derive.notation import Sum, i, k, n, over, softmax, z
from derive.oracles import mp_softmax
from derive.vocabulary import Vocabulary, dimension_names, function_of, softmax_of

# --- notation and samplers shared with the other softmax results ----------------------


class ShiftedLogits(sp.Function):
    """The vector z + c·1: entry k is z_k + c (only its entries are ever used)."""

    nargs = 2  # the vector, the shift

    def __getitem__(self, position):
        vec, shift = self.args
        return vec[position] + shift

    def _latex(self, printer):
        vec, shift = self.args
        return rf"{printer._print(vec)} + {printer._print(shift)} \mathbf{{1}}"

    def _unicode(self, printer):
        vec, shift = self.args
        return f"{printer._print(vec)} + {printer._print(shift)}·1"


@dataclass(frozen=True)
class ArgmaxIndex(Index):
    """An index t with z_t = max_k z_k, for a vector ``of`` drawn before it."""

    of: object = None

    def sample(self, rng, values):
        logits = values[self.of]
        size = concrete_size(self.size, values)
        return max(range(1, size + 1), key=lambda position: logits[position - 1])

    def latex(self, name):
        vec = sp.latex(self.of.label if isinstance(self.of, sp.IndexedBase) else self.of)
        return rf"{vec}_{{{name}}} = \max_k {vec}_k"


t = sp.Symbol("t", integer=True, positive=True)  # the index of a largest logit
c = sp.Symbol("c", real=True)  # a shift of every logit
m = sp.Symbol("m", real=True)  # the reference value subtracted in the log-sum-exp


def as_written(*factors):
    """A product shown as written (SymPy would merge or cancel its factors)."""
    return sp.Mul(*factors, evaluate=False)


# --- oracles: plain mpmath from the definitions ---------------------------------------


def oracle_shifted(point):
    return mp_softmax([v + point.c for v in point.z])[point.i - 1]


def oracle_log_softmax(point):
    """log of the softmax, computed naively (e^{z_k} with no shift) at working precision."""
    return mpmath.log(mp_softmax(point.z)[point.i - 1])


def oracle_shifted_sum(point):
    """Σ_k e^{z_k − max z}, with the maximum taken directly from the logits."""
    largest = max(point.z)
    return mpmath.fsum(mpmath.exp(v - largest) for v in point.z)


# --- claims ---------------------------------------------------------------------------

shifted = ShiftedLogits(z, c)
total = Sum(sp.exp(z[k]), k, n)

shift_invariance = Claim(
    label="shift invariance",
    text=r"Adding the same constant $c$ to every logit does not change the softmax:",
    statement=sp.Eq(softmax(i, shifted), softmax(i), evaluate=False),
    steps=[
        Step(softmax(i, shifted)),
        Step(sp.exp(z[i] + c) / Sum(sp.exp(z[k] + c), k, n), because="definition of the softmax"),
        Step(
            over(as_written(sp.exp(c), sp.exp(z[i])), as_written(sp.exp(c), total)),
            because=r"$\exp(a + c) = e^{c} e^{a}$; $e^{c}$ does not depend on $k$",
        ),
        Step(sp.exp(z[i]) / total, because=r"cancel $e^{c} > 0$"),
        Step(softmax(i), because="definition of the softmax"),
    ],
    oracle=oracle_shifted,
)

shifted_total = Sum(sp.exp(z[k] - m), k, n)
stable_form = z[i] - m - sp.log(shifted_total)

log_softmax = Claim(
    label="shifted log-softmax",
    text=r"So for every real $m$ the log-softmax is",
    statement=sp.Eq(sp.log(softmax(i)), stable_form, evaluate=False),
    steps=[
        Step(sp.log(softmax(i))),
        Step(sp.log(sp.exp(z[i]) / total), because="definition of the softmax"),
        Step(z[i] - sp.log(total), because=r"log of a quotient; $\log e^{z_i} = z_i$"),
        Step(
            z[i] - sp.log(sp.exp(m) * shifted_total),
            because=r"$e^{z_k} = e^{m} \exp(z_k - m)$; $e^{m}$ does not depend on $k$",
        ),
        Step(stable_form, because=r"log of a product; $\log e^{m} = m$"),
    ],
    oracle=oracle_log_softmax,
)

at_max = Sum(sp.exp(z[k] - z[t]), k, n)
split_off = sp.exp(z[t] - z[t]) + Sum((1 - sp.KroneckerDelta(k, t)) * sp.exp(z[k] - z[t]), k, n)

lower_bound = Claim(
    label="sum at least 1",
    text=r"Take $m = z_t = \max_k z_k$. The term $k = t$ is $e^{0} = 1$ and the others are positive, so",
    statement=sp.Ge(at_max, 1, evaluate=False),
    steps=[
        Step(at_max),
        Step(split_off, because=r"split off the term $k = t$"),
        Step(sp.exp(z[t] - z[t]), relation=">=", because=r"drop the remaining terms, each $\exp(z_k - z_t) > 0$"),
        Step(sp.Integer(1), because=r"$e^{0} = 1$"),
    ],
    oracle=oracle_shifted_sum,
)

upper_bound = Claim(
    label="sum at most n",
    text=r"and since every exponent $z_k - z_t$ is $\le 0$, no term exceeds 1:",
    statement=sp.Le(at_max, n, evaluate=False),
    steps=[
        Step(at_max),
        Step(Sum(sp.Integer(1), k, n), relation="<=", because=r"$\exp(z_k - z_t) \le e^{0} = 1$ as $z_k \le z_t$"),
        Step(n, because=r"$n$ terms equal to 1"),
    ],
    oracle=oracle_shifted_sum,
)

remarks = [
    Remark(
        text=(
            r"Example: for $z = (1000, 999, 998)$ the naive $e^{1000}$ exceeds the largest double "
            r"(about $1.8 \cdot 10^{308}$), but with $m = 1000$ the exponents are $0, -1, -2$ and "
            r"$\log \sigma_1 = -\log(1 + e^{-1} + e^{-2}) \approx {value}$."
        ),
        value=z[1] - z[t] - sp.log(Sum(sp.exp(z[k] - z[t]), k, 3)),
        at=Point({z: [mpmath.mpf(1000), mpmath.mpf(999), mpmath.mpf(998)], t: 1}),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# z the logits, σ (s, p) their softmax, LSE(v) = log Σ_k e^{v_k} (logsumexp), m any reference
# value (usually max_k z_k), c a shift of every logit.


def _doc_log_sum_exp(env, vec):
    index = sp.Dummy("k", integer=True, positive=True)
    return sp.log(sp.Sum(sp.exp(vec.component(index)), (index, 1, vec.size)))


vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n),
    entries={
        **{name: softmax_of(z, n) for name in ("sigma", "s", "p")},
        **{name: function_of(_doc_log_sum_exp) for name in ("LSE", "logsumexp", "lse")},
    },
    examples=[
        (
            r"\operatorname{LSE}(z) = m + \log \sum_{k} e^{z_k - m}",
            r"\operatorname{LSE}(z) = \log \sum_{k} e^{z_k - m}",
        ),
        (r"\log \sigma_i = z_i - \operatorname{LSE}(z)", r"\log \sigma_i = z_i - m - \operatorname{LSE}(z)"),
    ],
)


log_softmax_stable = Result(
    vocabulary=vocabulary,
    title="Shift invariance and the stable log-softmax",
    area="Softmax and losses",
    claims=[shift_invariance, log_softmax, lower_bound, upper_bound],
    domain=Domain(
        {
            n: dimension(1, 6),
            z: vector(n, reals(-5, 5)),
            c: reals(-5, 5),
            m: reals(-5, 5),
            i: index(n),
            t: ArgmaxIndex(n, of=z),
        }
    ),
    remarks=remarks,
    references=["bridle1990", "goodfellow2016"],
)
