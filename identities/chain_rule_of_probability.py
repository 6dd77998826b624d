"""The chain rule of probability: P(x_1, …, x_T) = Π_t P(x_t | x_<t), hence log P(x_1, …, x_T) = Σ_t log P(x_t | x_<t).

For any distribution P over sequences of length T and any sequence x with positive
probability, the next-token conditional is P(x_t | x_<t) = P(x_≤t) / P(x_≤t−1), a
ratio of prefix probabilities with P(x_≤0) = 1 for the empty prefix. The product of
the conditionals telescopes to P(x_≤T), the probability of the whole sequence. This is
how an autoregressive language model assigns probability to a text, and why its
log-likelihood is a sum of per-token terms. The identity holds for any vocabulary; the
numeric checks use random joint tables over binary sequences, from which the oracle
computes every conditional as a ratio of event probabilities.
"""

import itertools
import re
from dataclasses import dataclass

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, index, probability_vector
from derive.domain import Point, Sampler
from derive.notation import Notation
from derive.vocabulary import Vocabulary, argument_text, call, position_value, refuse

T = sp.Symbol("T", integer=True, positive=True)  # sequence length
t = sp.Symbol("t", integer=True, positive=True)  # position in the sequence
s = sp.Symbol("s", integer=True, positive=True)  # which sequence x (lexicographic rank in {0,1}^T)
P = sp.IndexedBase("P", positive=True)  # the joint table: P_s = P(x) for the s-th sequence
m = sp.IndexedBase("m", positive=True)  # prefix probabilities m_t = P(x_{<=t}), m_0 = 1


def sequences(length):
    """Every binary sequence of the given length, in lexicographic order."""
    return list(itertools.product((0, 1), repeat=length))


@dataclass(frozen=True)
class PrefixProbabilities(Sampler):
    """m_t = Σ of P over the sequences that agree with the s-th one on positions 1..t, t = 1..T."""

    table: sp.IndexedBase
    sequence: sp.Symbol
    length: sp.Symbol

    def sample(self, rng, values):
        length = values[self.length]
        everything = sequences(length)
        chosen = everything[values[self.sequence] - 1]
        return [
            mpmath.fsum(value for y, value in zip(everything, values[self.table]) if y[:prefix] == chosen[:prefix])
            for prefix in range(1, length + 1)
        ]

    def latex(self, name):
        return rf"{name}_t = P(x_{{\le t}}) \text{{ for }} 0 \le t \le T"


class Joint(Notation):
    """P(x_1, …, x_T): the table entry of the sequence x."""

    nargs = 3  # table, sequence rank, length

    def definition(self):
        table, rank, _ = self.args
        return table[rank]

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"P(x_{{1}}, \ldots, x_{{{printer._print(self.args[2])}}})"

    def _unicode(self, printer):
        return f"P(x_1, …, x_{printer._print(self.args[2])})"


class Prefix(Notation):
    """P(x_≤t): the probability that a sequence starts with x_1, …, x_t (1 for t = 0)."""

    nargs = 1

    def definition(self):
        return m[self.args[0]]

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"P(x_{{\le {printer._print(self.args[0])}}})"

    def _unicode(self, printer):
        position = self.args[0]
        text = printer._print(position)
        return f"P(x_≤{text})" if position.is_Atom else f"P(x_≤({text}))"


class Conditional(Notation):
    """P(x_t | x_<t) = P(x_≤t) / P(x_≤t−1), the next-token conditional."""

    nargs = 1

    def definition(self):
        position = self.args[0]
        return Prefix(position) / Prefix(position - 1)

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        position = printer._print(self.args[0])
        return rf"P(x_{{{position}}} \mid x_{{<{position}}})"

    def _unicode(self, printer):
        position = printer._print(self.args[0])
        return f"P(x_{position} | x_<{position})"


joint = Joint(P, s, T)
product = sp.Product(Conditional(t), (t, 1, T))
log_sum = sp.Sum(sp.log(Conditional(t)), (t, 1, T))


# --- oracle: every conditional from the joint table, as a ratio of event probabilities --


def mp_conditionals(point):
    """P(X_t = x_t | X_<t = x_<t) = P(X_≤t = x_≤t) / P(X_<t = x_<t), each event summed over the table."""
    everything = sequences(point.T)
    table = dict(zip(everything, point.P))
    x = everything[point.s - 1]

    def probability(event):
        return mpmath.fsum(table[y] for y in everything if event(y))

    return [
        probability(lambda y: y[:position] == x[:position])
        / probability(lambda y: y[: position - 1] == x[: position - 1])
        for position in range(1, point.T + 1)
    ]


def oracle_product(point):
    return mpmath.fprod(mp_conditionals(point))


def oracle_log_sum(point):
    return mpmath.fsum(mpmath.log(c) for c in mp_conditionals(point))


# --- claims -------------------------------------------------------------------------------

factorisation = Claim(
    label="product of conditionals",
    text=(
        r"Let $P$ be a distribution over the $2^T$ binary sequences of length $T$ (any vocabulary "
        r"works the same way), $x$ the $s$-th of them, and $P(x_{\le t})$ the probability that a "
        r"sequence starts with $x_1, \ldots, x_t$. With $P(x_t \mid x_{<t}) = P(x_{\le t}) / P(x_{\le t-1})$ "
        r"and $P(x_{\le 0}) = 1$, the next-token conditionals multiply to the probability of the sequence:"
    ),
    statement=sp.Eq(product, joint, evaluate=False),
    steps=[
        Step(product),
        Step(sp.Product(Prefix(t) / Prefix(t - 1), (t, 1, T)), because="definition of conditional probability"),
        Step(
            Prefix(T) / Prefix(0),
            because=r"telescoping: each $P(x_{\le t})$ with $1 \le t < T$ is divided out by the next factor",
        ),
        Step(Prefix(T), because=r"the empty prefix has probability $P(x_{\le 0}) = 1$"),
        Step(joint, because=r"the prefix of length $T$ is the whole sequence"),
    ],
    oracle=oracle_product,
)

log_form = Claim(
    label="sum of log-conditionals",
    text=r"Hence the log-probability of a sequence is the sum of the next-token log-probabilities:",
    statement=sp.Eq(log_sum, sp.log(joint), evaluate=False),
    steps=[
        Step(log_sum),
        Step(sp.log(product), because="the log of a product of positive factors is the sum of their logs"),
        Step(sp.log(joint), by=factorisation),
    ],
    oracle=oracle_log_sum,
)

remarks = [
    Remark(
        text=(
            r"Why the log form: $T = 1100$ tokens of conditional probability $1/2$ each give "
            r"$P(x_1, \ldots, x_T) = 2^{-1100} \approx {value}$, below the smallest positive double "
            r"(about $4.9 \cdot 10^{-324}$), while $\sum_t \log P(x_t | x_{<t}) = -1100 \log 2 \approx -762.5$."
        ),
        value=sp.Rational(1, 2) ** 1100,
        at=Point(),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# A sequence x_1, …, x_T; P(x_1, …, x_T) (also P(x)) its probability, P(x_t | x_{<t}) the
# next-token conditional at position t.


# the prefix a condition writes, x_{<t}, x_{1:t-1}, x_1, …, x_{t-1}, x_{\le t-1}: (pattern of its end, end − last)
PREFIXES = (
    (re.compile(r"x_(?:<|\\lt)(.+)"), 1),
    (re.compile(r"x_1:(.+)"), 0),
    (re.compile(r"x_\\leq?(.+)"), 0),
    (re.compile(r"x_1,\\?(?:l|c)?dots,x_(.+)"), 0),
)


def _doc_probability(env, atom, side):
    text = argument_text(env, atom)
    if "|" in text:
        head, _, given = text.partition("|")
        position = position_value(env, head.partition("_")[2])
        if not _is_prefix_of(env, given, position):
            refuse(f"P({text}): the condition is not the whole prefix x_{{<t}} of x_t")
        return Conditional(position)
    if text in ("x", "x_1,ldots,x_T", "x_1,dots,x_T", "x_1,cdots,x_T", "x_{1:T}", "x_1:T", "x_{\\leT}"):
        return env.concretise(joint)
    refuse(f"P({text}) is neither P(x_t | x_<t) nor P(x_1, ..., x_T)")


def _is_prefix_of(env, given, position) -> bool:
    r"""Whether a condition writes the terms before ``position``: x_{<t}, x_{1:t-1}, x_1, …, x_{t-1}, x_{\le t-1}."""
    for pattern, past_last in PREFIXES:
        match = pattern.fullmatch(given)
        if match:
            return sp.expand(position_value(env, match.group(1)) - past_last - (position - 1)) == 0
    return False


vocabulary = Vocabulary(
    domain_names=True,
    dims={"T": T, "n": T},
    entries={"P": call(_doc_probability), "p": call(_doc_probability)},
    examples=[
        (r"\prod_{t=1}^{T} P(x_t \mid x_{<t}) = P(x)", r"\sum_{t=1}^{T} P(x_t \mid x_{<t}) = P(x)"),
        (
            r"\sum_{t=1}^{T} \log P(x_t \mid x_{<t}) = \log P(x)",
            r"\sum_{t=1}^{T-1} \log P(x_t \mid x_{<t}) = \log P(x)",
        ),
    ],
)


chain_rule_of_probability = Result(
    vocabulary=vocabulary,
    title="The chain rule of probability",
    area="Probability",
    claims=[factorisation, log_form],
    domain=Domain(
        {
            T: dimension(1, 4),
            P: probability_vector(2**T),
            s: index(2**T),
            m: PrefixProbabilities(P, s, T),
        },
        fixed={m[0]: 1},
    ),
    # the empty prefix has probability 1, the prefix of length T is x itself
    rules=[sp.Eq(m[0], 1), sp.Eq(m[T], P[s])],
    remarks=remarks,
    references=["goodfellow2016", "bishop2006"],
)
