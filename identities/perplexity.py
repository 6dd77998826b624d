"""Perplexity PPL(p) = e^{H(p)} = 2^{H₂(p)} (entropy in nats or in bits, same number) lies between 1 and n, equals 1 only for a one-hot p and n only for the uniform p; a model's perplexity on T tokens is exp of its mean negative log-likelihood.

The perplexity of a distribution on n outcomes is the effective number of equally
likely choices: a uniform distribution over n outcomes has perplexity n. The bounds
are the entropy bounds 0 ≤ H(p) ≤ log n pushed through the increasing exponential.
For a language model scored on a text x_1, …, x_T, with q_t = q(x_t | x_<t) the
probability it gave the token that came, the perplexity is the inverse geometric mean
(q_1 ⋯ q_T)^{−1/T} = exp((1/T) Σ_t −log q_t). That perplexity is not bounded by
the vocabulary size: a model that puts less than 1/n on the observed tokens scores
above n.
"""

import re

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, index, positive, probability_vector, vector
from derive.domain import Point
from derive.figures import Figure, coordinates
from derive.identities.entropy_bounds import UniformVector, entropy_bounds, one_hot, one_hot_entropy, u
from derive.notation import Entropy, Notation, Sum, fresh_index, j, k, n, p, q
from derive.numeric import WORKING_DIGITS
from derive.oracles import mp_entropy
from derive.vocabulary import Vocabulary, call, refuse, sum_bounds, vector_of, written_atoms

T = sp.Symbol("T", integer=True, positive=True)  # number of scored tokens
t = sp.Symbol("t", integer=True, positive=True)  # position in the text


def _name(printer, vec):
    """A vector's name: the label of p_k, or how a named distribution prints itself."""
    return printer._print(vec.label if isinstance(vec, sp.IndexedBase) else vec)


class Perplexity(Notation):
    """PPL(p) = exp(H(p)), the perplexity of p ∈ Δⁿ."""

    nargs = 2

    def definition(self):
        vec, size = self.args
        return sp.exp(Entropy(vec, size))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"\operatorname{{PPL}}({_name(printer, self.args[0])})"

    def _unicode(self, printer):
        return f"PPL({_name(printer, self.args[0])})"


class EntropyBits(Notation):
    """H₂(p) = −Σ_k p_k log₂ p_k, the entropy in bits."""

    nargs = 2

    def definition(self):
        vec, size = self.args
        dummy = fresh_index(size)
        return -sp.Sum(vec[dummy] * sp.log(vec[dummy]) / sp.log(2), (dummy, 1, size))

    def _latex(self, printer):
        return rf"H_2({_name(printer, self.args[0])})"

    def _unicode(self, printer):
        return f"H₂({_name(printer, self.args[0])})"


def mp_perplexity(probabilities):
    return mpmath.exp(mp_entropy(probabilities))


def oracle_perplexity(point):
    return mp_perplexity(point.p)


def oracle_uniform(point):
    return mp_perplexity([mpmath.mpf(1) / point.n] * point.n)


def oracle_one_hot(point):
    return mp_perplexity(one_hot(point))


def oracle_model(point):
    """(q_1 ⋯ q_T)^(−1/T): the inverse geometric mean of the probabilities given to the observed tokens."""
    return mpmath.power(mpmath.fprod(point.q), -mpmath.mpf(1) / point.T)


bases = Claim(
    label="nats or bits",
    text=r"The perplexity $\operatorname{PPL}(p) = e^{H(p)}$ is the same number whether entropy is in nats or in bits:",
    statement=sp.Eq(Perplexity(p, n), 2 ** EntropyBits(p, n), evaluate=False),
    steps=[
        Step(Perplexity(p, n)),
        Step(sp.exp(Entropy(p, n)), because="definition"),
        Step(
            sp.Pow(2, Entropy(p, n) / sp.log(2), evaluate=False),
            because=r"$2^{a} = e^{a \log 2}$ with $a = H(p)/\log 2$",
        ),
        Step(2 ** EntropyBits(p, n), because=r"$\log p_k / \log 2 = \log_2 p_k$"),
    ],
    oracle=oracle_perplexity,
)


def between(relation, bound, middle, because):
    return [
        Step(Perplexity(p, n)),
        Step(sp.exp(Entropy(p, n)), because="definition"),
        Step(sp.exp(middle, evaluate=False), because=because, relation=relation, by=entropy_bounds),
        Step(bound, because=r"$e^{0} = 1$" if bound == 1 else r"$e^{\log n} = n$"),
    ]


at_least_one = Claim(
    label="PPL >= 1",
    text=r"It is at least $1$:",
    statement=sp.Ge(Perplexity(p, n), 1, evaluate=False),
    steps=between(">=", sp.Integer(1), sp.Integer(0), r"$H(p) \ge 0$ ({by}) and $\exp$ is increasing"),
    oracle=oracle_perplexity,
)

at_most_n = Claim(
    label="PPL <= n",
    text=r"and at most the number of outcomes $n$ (for a vocabulary, $|V|$):",
    statement=sp.Le(Perplexity(p, n), n, evaluate=False),
    steps=between("<=", n, sp.log(n), r"$H(p) \le \log n$ ({by}) and $\exp$ is increasing"),
    oracle=oracle_perplexity,
)

at_uniform = Claim(
    label="PPL = n at the uniform p",
    text=r"The uniform distribution $u_k = 1/n$ has perplexity $n$:",
    statement=sp.Eq(Perplexity(u, n), n, evaluate=False),
    steps=[
        Step(Perplexity(u, n)),
        Step(sp.exp(Entropy(u, n)), because="definition"),
        Step(sp.exp(sp.log(n), evaluate=False), because=r"$H(u) = \log n$ ({by})", by=entropy_bounds),
        Step(n, because=r"$e^{\log n} = n$"),
    ],
    oracle=oracle_uniform,
)

at_one_hot = Claim(
    label="PPL = 1 at a one-hot p",
    text=r"and a one-hot $p = e_j$ (with $0 \log 0 = 0$) has perplexity $1$:",
    statement=sp.Eq(sp.exp(one_hot_entropy), 1, evaluate=False),
    steps=[
        Step(sp.exp(one_hot_entropy)),
        Step(sp.exp(0, evaluate=False), because=r"$H(e_j) = 0$ ({by})", by=entropy_bounds),
        Step(sp.Integer(1), because=r"$e^{0} = 1$"),
    ],
    oracle=oracle_one_hot,
    domain=Domain({n: dimension(1, 6), j: index(n)}),
)

OPEN_SIMPLEX = Domain({n: dimension(2, 6), p: probability_vector(n)})

above_one = Claim(
    label="PPL > 1 otherwise",
    text=r"No other distribution reaches either bound (checked on the open simplex, $n \ge 2$):",
    statement=sp.Gt(Perplexity(p, n), 1, evaluate=False),
    steps=between(">", sp.Integer(1), sp.Integer(0), r"$H(p) > 0$ unless $p$ is one-hot ({by})"),
    oracle=oracle_perplexity,
    domain=OPEN_SIMPLEX,
)

below_n = Claim(
    label="PPL < n otherwise",
    text=r"and",
    statement=sp.Lt(Perplexity(p, n), n, evaluate=False),
    steps=between("<", n, sp.log(n), r"$H(p) < \log n$ unless $p = u$ ({by})"),
    oracle=oracle_perplexity,
    domain=OPEN_SIMPLEX,
)

model_on_data = sp.Product(q[t], (t, 1, T)) ** (-1 / T)
mean_nll = Sum(-sp.log(q[t]), t, T) / T

on_data = Claim(
    label="exp of the mean NLL",
    text=(
        r"A model scored on a text $x_1, \ldots, x_T$ gives the observed tokens probabilities "
        r"$q_t = q(x_t \mid x_{<t}) \in (0, 1]$; its perplexity, the inverse geometric mean of these, "
        r"is the exponential of the mean negative log-likelihood:"
    ),
    statement=sp.Eq(model_on_data, sp.exp(mean_nll), evaluate=False),
    steps=[
        Step(model_on_data),
        Step(
            sp.Pow(sp.exp(Sum(sp.log(q[t]), t, T)), -1 / T, evaluate=False),
            because=r"a product of positive factors is $\exp$ of the sum of their logs",
        ),
        Step(sp.exp(-Sum(sp.log(q[t]), t, T) / T), because=r"$(e^{a})^{b} = e^{ab}$"),
        Step(sp.exp(mean_nll), because=r"$-(1/T) \sum_t \log q_t$ is the mean of the $-\log q_t$"),
    ],
    oracle=oracle_model,
    domain=Domain({T: dimension(1, 6), q: vector(T, positive("0.01", 1))}),
)


def _exact(*values):
    with mpmath.workdps(WORKING_DIGITS):
        return [mpmath.mpf(v) for v in values]


DYADIC = _exact("0.5", "0.25", "0.125", "0.125")

remarks = [
    Remark(
        text=r"A model that is uniform over a vocabulary of $50000$ tokens has perplexity $e^{\log 50000} = {value}$.",
        value=Perplexity(UniformVector(50000), 50000),
        at=Point(),
    ),
    Remark(
        text=r"Uniform over $4$ outcomes: $H_2 = 2$ bits and perplexity $2^{2} = {value}$.",
        value=Perplexity(UniformVector(4), 4),
        at=Point(),
    ),
    Remark(
        text=(
            r"For $p = (1/2, 1/4, 1/8, 1/8)$, $H_2(p) = 1.75$ bits and the perplexity is "
            r"$2^{1.75} \approx {value}$: fewer than $4$ effective choices."
        ),
        value=Perplexity(p, 4),
        at=Point({p: DYADIC}),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# PPL(p) the perplexity of a distribution p over n outcomes; PPL alone the perplexity of a model
# on a token sequence of length T that gives the observed tokens probabilities q_t; H_2 the entropy in bits.

_doc_tokens = Domain(
    {n: dimension(1, 6), p: probability_vector(n), T: dimension(1, 6), q: vector(T, positive("0.01", 1))}
)


def _counted_apart(env) -> str | None:
    """A name the formula sums its tokens to that is not the result's T and that the tag does not define
    (\\sum_{i=1}^L): whether it counts the T scored tokens is not read, so the name, or None."""
    if env.writes("T"):
        return None
    return next((key for key in sum_bounds(env) if key != "T" and key not in env.tag_defined), None)


def _tokens_perplexity(env):
    """The model's perplexity on the T tokens, (q_1 ⋯ q_T)^{-1/T}."""
    apart = _counted_apart(env)
    if apart is not None:
        refuse(
            f"the perplexity of the T scored tokens beside a sum to {apart}, a count nothing defines: whether {apart}"
            " is the number of scored tokens is not read"
        )
    length, step = env.dim_value(T), sp.Dummy("t", integer=True, positive=True)
    return sp.Product(q[step], (step, 1, length)) ** (-1 / length)


def _writes_the_distribution(env) -> bool:
    """Whether the formula writes the distribution p itself (p, p_k, PPL(p)), not only p given a context,
    ``p(x_i \\mid x_{1:i-1})``: the probability a model gave a token, which is a q."""
    return any(atom.key == "p" and not (atom.args and "|" in atom.seps) for atom in written_atoms(env))


_TOKEN_RUN = re.compile(r"\s*[A-Za-z]\w*\s*_\s*\{\s*1\s*:\s*(?P<end>[^{}]+?)\s*\}\s*")


def _perplexity_of_tokens(env, atom):
    """The perplexity of a model (its name the subscript, \\text{perplexity}_p) applied to the tokens it scores,
    x_{1:T}: the model's on those T tokens; written with another count (x_{1:L}) or token by token, which tokens
    the q's are is not read."""
    written = ", ".join("".join((arg.source or "").split()) for arg in atom.args)
    run = _TOKEN_RUN.fullmatch(written) if len(atom.args) == 1 else None
    if run is not None and run["end"] == "T":
        return _tokens_perplexity(env)
    refuse(
        f"a perplexity of the tokens {written}: which of the probabilities q_1, ..., q_T the model gave the T scored"
        " tokens they are is not read (a run x_{1:T} is)"
    )


def _doc_perplexity(env, atom, side):
    """PPL(p) of a distribution; a bare PPL is the model's on the tokens, but where the formula writes the
    distribution p and not the tokens' probabilities q (PPL = 2^{H(p)}), the distribution's; applied to tokens
    (x_{1:T}), the model's on them."""
    if not atom.args and (env.writes("q") or not _writes_the_distribution(env)):
        return _tokens_perplexity(env)
    index = sp.Dummy("k", integer=True, positive=True)
    if not atom.args:
        return sp.exp(-sp.Sum(p[index] * sp.log(p[index]), (index, 1, env.dim_value(n))))
    if len(atom.args) > 1 or _TOKEN_RUN.fullmatch(atom.args[0].source or ""):
        return _perplexity_of_tokens(env, atom)
    dist = env.side(atom.args[0])
    if not hasattr(dist, "component"):
        refuse(f"a perplexity of {atom.args[0].source}, which is not read as a distribution")
    return sp.exp(-sp.Sum(dist.component(index) * sp.log(dist.component(index)), (index, 1, dist.size)))


vocabulary = Vocabulary(
    domain_names=True,
    domain=_doc_tokens,
    size=n,
    entries={
        "q": vector_of(q, T),
        "PPL": call(_doc_perplexity),
        "perplexity": call(_doc_perplexity),
        "H_2": call(lambda env, atom, side: env.builtin(atom, side) / sp.log(2)),
    },
    examples=[
        (r"\operatorname{PPL}(p) = e^{H(p)}", r"\operatorname{PPL}(p) = e^{-H(p)}"),
        (
            r"\operatorname{PPL} = \exp\left(-\frac{1}{T}\sum_{t=1}^{T} \log q_t\right)",
            r"\operatorname{PPL} = \exp\left(-\sum_{t=1}^{T} \log q_t\right)",
        ),
        (r"\operatorname{PPL}(p) \le n", r"\operatorname{PPL}(p) \le \frac{n}{2}"),
        (r"\operatorname{PPL}(p) = 2^{H_2(p)}", r"\operatorname{PPL}(p) = e^{H_2(p)}"),
    ],
)


def surprisal_figure() -> Figure:
    points = [0.01, 0.02, 0.05] + [round(0.1 * s, 1) for s in range(1, 11)]
    with mpmath.workdps(30):
        pairs = [(p, float(-mpmath.log(mpmath.mpf(str(p))))) for p in points]
    body = rf"""\begin{{tikzpicture}}
\begin{{axis}}[width=0.8\linewidth, height=6cm, xlabel={{$p$}}, ylabel={{$-\log p$ (nats)}}, ymin=0, xmin=0, xmax=1, grid=major]
\addplot+[smooth, mark=none, thick] coordinates {{{coordinates(pairs)}}};
\end{{axis}}
\end{{tikzpicture}}"""
    caption = (
        r"The loss on one token, $-\log p$, against the probability $p$ the model gave it: zero at $p=1$, "
        r"unbounded as $p\to0$, which is why a confident wrong prediction costs so much."
    )
    text = (
        r"{figure} plots the surprisal $-\log p$ that {theorem} averages over tokens. Perplexity is the "
        r"exponential of that average, so a single token given probability $0.01$ adds $\log 100 \approx 4.6$ "
        r"nats to the sum, as much as about 44 tokens each predicted with probability $0.9$."
    )
    return Figure("fig:surprisal", caption, body, text)


perplexity = Result(
    vocabulary=vocabulary,
    title="Perplexity is the exponential of entropy",
    area="Information theory",
    claims=[bases, at_least_one, at_most_n, at_uniform, at_one_hot, above_one, below_n, on_data],
    domain=Domain({n: dimension(1, 6), p: probability_vector(n)}),
    rules=[sp.Eq(Sum(p[k], k, n), 1)],
    remarks=remarks,
    references=["jelinek1977", "shannon1948", "cover2006"],
    figures=(surprisal_figure,),
)
