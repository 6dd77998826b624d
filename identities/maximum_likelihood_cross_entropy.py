"""The mean negative log-likelihood of N tokens under a model q equals the cross-entropy H(p̂, q) of the empirical distribution p̂ = c/N, so maximum likelihood picks q = p̂; for one token with a one-hot target the loss is −log q_correct.

A dataset of N tokens over V classes, class k occurring c_k times, has probability
L(q) = Π_k q_k^{c_k} under a model that draws tokens independently from q ∈ Δ^V. Its
mean negative log-likelihood −(1/N) log L(q) is −Σ_k (c_k/N) log q_k = H(p̂, q): the
training loss of a language model is a cross-entropy against the data. By the
decomposition H(p̂, q) = H(p̂) + D_KL(p̂‖q) and Gibbs' inequality the loss is at least
H(p̂), with equality only at q = p̂, so the maximum-likelihood model is the empirical
distribution. The counts here are positive; a class that never occurs adds a factor
q_k^0 = 1 to L(q) and a term 0 to the cross-entropy, and the maximiser puts q_k = 0 on it.
"""

import random
from dataclasses import dataclass

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Statement, Step, dimension, index, probability_vector
from derive.domain import Point, Sampler, concrete_size
from derive.identities.cross_entropy_decomposition import cross_entropy_decomposition
from derive.identities.gibbs_inequality import gibbs_inequality
from derive.notation import KL, CrossEntropy, Entropy, Notation, Sum, delta, j, k
from derive.oracles import mp_cross_entropy, mp_softmax
from derive.vocabulary import Vocabulary, computed_vector, dimension_names, function_of

V = sp.Symbol("V", integer=True, positive=True)  # number of classes (vocabulary size)
N = sp.Symbol("N", integer=True, positive=True)  # number of tokens in the dataset
c = sp.IndexedBase("c", positive=True)  # class counts
q = sp.IndexedBase("q", positive=True)  # the model's distribution over classes


# --- domain: counts of a dataset and their total ---------------------------------------


@dataclass(frozen=True)
class Counts(Sampler):
    """Class counts of a dataset: ``size`` integers between ``low`` and ``high``."""

    size: object
    low: int = 1
    high: int = 6

    def sample(self, rng, values):
        return [rng.randint(self.low, self.high) for _ in range(concrete_size(self.size, values))]

    def latex(self, name):
        return rf"{name} \in \{{{self.low}, \ldots, {self.high}\}}^{{{sp.latex(self.size)}}}"


@dataclass(frozen=True)
class CountTotal(Sampler):
    """N = Σ_k c_k, the number of tokens."""

    counts: sp.IndexedBase

    def sample(self, rng, values):
        return sum(values[self.counts])

    def latex(self, name):
        return rf"{name} = \sum_k {sp.latex(self.counts.label)}_k"


# --- notation -------------------------------------------------------------------------------


class Likelihood(Notation):
    """L(q) = Π_k q_k^{c_k}: the probability of the dataset, its tokens drawn independently from q."""

    nargs = 3  # model, counts, V

    def definition(self):
        model, counts, size = self.args
        dummy = sp.Symbol("k", integer=True, positive=True)
        return sp.Product(model[dummy] ** counts[dummy], (dummy, 1, size))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"L({printer._print(self.args[0])})"

    def _unicode(self, printer):
        return f"L({printer._print(self.args[0])})"


class Empirical(sp.Function):
    """The empirical distribution p̂ = c/N; ``phat[k]`` is its component k."""

    nargs = 2  # counts, N

    def __getitem__(self, position):
        return EmpiricalEntry(self, position)

    def _latex(self, printer):
        return r"\hat{p}"

    def _unicode(self, printer):
        return "p̂"


class EmpiricalEntry(Notation):
    """p̂_k = c_k / N, the fraction of tokens in class k."""

    nargs = 2

    def definition(self):
        (counts, total), position = self.args[0].args, self.args[1]
        return counts[position] / total

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"\hat{{p}}_{{{printer._print(self.args[1])}}}"

    def _unicode(self, printer):
        return f"p̂_{printer._print(self.args[1])}"


class OneHot(sp.Function):
    """The one-hot vector e_j of the correct class j; ``e[k]`` is δ_kj."""

    nargs = 2  # correct class, V

    def __getitem__(self, position):
        return delta(position, self.args[0])

    def _latex(self, printer):
        return rf"e_{{{printer._print(self.args[0])}}}"

    def _unicode(self, printer):
        return f"e_{printer._print(self.args[0])}"


class MaximumLikelihood(Notation):
    """Component j of argmax_q L(q) over the simplex.

    It unfolds to p̂_j, the maximiser by parts (a) and (c) of this result; the claim's
    oracle finds the maximiser numerically, without that formula.
    """

    nargs = 4  # counts, N, V, the index

    def definition(self):
        counts, total, _, position = self.args
        return Empirical(counts, total)[position]

    def _latex(self, printer):
        size, position = (printer._print(a) for a in self.args[2:])
        return rf"\left(\operatorname{{argmax}}_{{q \in \Delta^{{{size}}}}} L(q)\right)_{{{position}}}"

    def _unicode(self, printer):
        size, position = (printer._print(a) for a in self.args[2:])
        return f"(argmax_{{q∈Δ^{size}}} L(q))_{position}"


class MinimumCrossEntropy(Notation):
    """Component j of argmin_q H(p̂, q) over the simplex; unfolds to p̂_j by part (c)."""

    nargs = 4  # counts, N, V, the index

    def definition(self):
        counts, total, _, position = self.args
        return Empirical(counts, total)[position]

    def _latex(self, printer):
        size, position = (printer._print(a) for a in self.args[2:])
        return rf"\left(\operatorname{{argmin}}_{{q \in \Delta^{{{size}}}}} H(\hat{{p}}, q)\right)_{{{position}}}"

    def _unicode(self, printer):
        size, position = (printer._print(a) for a in self.args[2:])
        return f"(argmin_{{q∈Δ^{size}}} H(p̂, q))_{position}"


phat = Empirical(c, N)
likelihood = Likelihood(q, c, V)
mean_nll = -sp.log(likelihood) / N


# --- oracles: plain mpmath from the definitions -------------------------------------------


def dataset(counts):
    """The tokens of the dataset, class k (0-based) repeated c_k times, in a shuffled order."""
    tokens = [position for position, count in enumerate(counts) for _ in range(int(count))]
    random.Random(len(tokens)).shuffle(tokens)
    return tokens


def mp_mean_nll(model, counts):
    """−(1/N) Σ_m log q_{y_m}: the average over the tokens y_1, …, y_N of −log q_{y_m}."""
    tokens = dataset(counts)
    return -mpmath.fsum(mpmath.log(model[y]) for y in tokens) / len(tokens)


def oracle_mean_nll(point):
    return mp_mean_nll(point.q, point.c)


def oracle_cross_entropy(point):
    total = mpmath.fsum(point.c)
    return mp_cross_entropy([count / total for count in point.c], point.q)


def oracle_one_hot(point):
    target = [mpmath.mpf(1) if position == point.j - 1 else mpmath.mpf(0) for position in range(point.V)]
    return mp_cross_entropy(target, point.q)


def _newton_minimum(function, start):
    """A minimiser of a smooth strictly convex function on ℝ^m, by damped Newton with mpmath.diff."""
    x, size = list(start), len(start)
    if size == 0:
        return x

    def partial(at, orders):
        return mpmath.diff(lambda *v: function(list(v)), at, orders)

    tolerance = mpmath.mpf(10) ** (5 - mpmath.mp.dps)
    for _ in range(100):
        grad = mpmath.matrix([partial(x, tuple(int(a == b) for a in range(size))) for b in range(size)])
        if mpmath.norm(grad) < tolerance:
            return x
        hess = mpmath.matrix(size, size)
        for a in range(size):
            for b in range(a, size):
                hess[a, b] = hess[b, a] = partial(x, tuple((s == a) + (s == b) for s in range(size)))
        direction = mpmath.lu_solve(hess, -grad)
        value, step = function(x), mpmath.mpf(1)
        rounding = mpmath.mpf(10) ** (5 - mpmath.mp.dps) * max(1, abs(value))
        while True:
            trial = [x[a] + step * direction[a] for a in range(size)]
            if function(trial) <= value + rounding:
                break
            step /= 2
            if step < tolerance:
                raise ValueError("no descent step found")
        x = trial
    raise ValueError("Newton iteration did not converge")


def mp_maximum_likelihood(counts):
    """argmax_q Π_m q_{y_m} over the open simplex, found numerically.

    The model is written q = softmax(θ_1, …, θ_{V−1}, 0), which covers the open simplex,
    and the mean negative log-likelihood of the tokens is minimised over θ.
    """

    def model(theta):
        return mp_softmax(list(theta) + [mpmath.mpf(0)])

    theta = _newton_minimum(lambda theta: mp_mean_nll(model(theta), counts), [mpmath.mpf(0)] * (len(counts) - 1))
    return model(theta)


def oracle_maximiser(point):
    return mp_maximum_likelihood(point.c)[point.j - 1]


# --- claims ---------------------------------------------------------------------------------

as_cross_entropy = Claim(
    label="mean NLL is a cross-entropy",
    text=(
        r"A dataset of $N$ tokens in which class $k$ occurs $c_k$ times has probability "
        r"$L(q) = \prod_k q_k^{c_k}$ under a model drawing each token from $q$, and with the "
        r"empirical distribution $\hat{p}_k = c_k/N$ its mean negative log-likelihood is"
    ),
    statement=sp.Eq(mean_nll, CrossEntropy(phat, q, V), evaluate=False),
    steps=[
        Step(mean_nll),
        Step(
            -sp.log(sp.Product(q[k] ** c[k], (k, 1, V))) / N,
            because=r"definition of $L(q)$: each of the $c_k$ tokens of class $k$ has probability $q_k$",
        ),
        Step(-Sum(c[k] * sp.log(q[k]), k, V) / N, because="the log of a product is the sum of the logs"),
        Step(-Sum(c[k] / N * sp.log(q[k]), k, V), because=r"$1/N$ into the sum"),
        Step(-Sum(phat[k] * sp.log(q[k]), k, V), because=r"definition of $\hat{p}$"),
        Step(CrossEntropy(phat, q, V), because="definition of the cross-entropy"),
    ],
    oracle=oracle_mean_nll,
)

one_hot = Claim(
    label="one-hot target",
    text=r"For a single token of class $j$ the target is one-hot, $(e_j)_k = \delta_{kj}$, and the loss is",
    statement=sp.Eq(CrossEntropy(OneHot(j, V), q, V), -sp.log(q[j]), evaluate=False),
    steps=[
        Step(CrossEntropy(OneHot(j, V), q, V)),
        Step(-Sum(delta(k, j) * sp.log(q[k]), k, V), because="definition of the cross-entropy"),
        Step(-sp.log(q[j]), because=r"$\delta_{kj}$ picks the term $k = j$"),
    ],
    oracle=oracle_one_hot,
)

lower_bound = Claim(
    label="lower bound",
    text=(
        r"The loss is never below the entropy of the data, with equality exactly at $q = \hat{p}$ "
        r"(Gibbs' inequality: $D_{\mathrm{KL}}(\hat{p} \,\|\, q) \ge 0$, $= 0$ only at $q = \hat{p}$):"
    ),
    statement=Statement(CrossEntropy(phat, q, V), ">=", Entropy(phat, V)),
    steps=[
        Step(CrossEntropy(phat, q, V)),
        Step(
            Entropy(phat, V) + KL(phat, q, V),
            because=r"cross-entropy is entropy plus KL divergence ({by})",
            by=cross_entropy_decomposition,
        ),
        Step(
            Entropy(phat, V),
            relation=">=",
            because=r"Gibbs' inequality $D_{\mathrm{KL}}(\hat{p} \,\|\, q) \ge 0$ ({by})",
            by=gibbs_inequality,
        ),
    ],
    oracle=oracle_cross_entropy,
)

maximum_likelihood = MaximumLikelihood(c, N, V, j)
maximiser = Claim(
    label="maximum likelihood is the empirical distribution",
    text=r"So maximising the likelihood is minimising the cross-entropy, and the maximiser is $\hat{p}$:",
    statement=sp.Eq(maximum_likelihood, c[j] / N, evaluate=False),
    steps=[
        Step(maximum_likelihood),
        Step(
            MinimumCrossEntropy(c, N, V, j),
            because=r"by {by}, $H(\hat{p}, q) = -(\log L(q))/N$, and $t \mapsto -(\log t)/N$ is strictly decreasing",
            by=as_cross_entropy,
        ),
        Step(phat[j], because=r"by {by}, the minimum $H(\hat{p})$ is attained only at $q = \hat{p}$", by=lower_bound),
        Step(c[j] / N, because=r"definition of $\hat{p}$"),
    ],
    oracle=oracle_maximiser,
    # numerical maximisation with mpmath.diff is slow: fewer points and classes
    domain=Domain({V: dimension(1, 4), c: Counts(V), N: CountTotal(c), j: index(V)}, points=6),
)

remarks = [
    Remark(
        text=(
            r"Example: for counts $c = (3, 1)$ the best model is $q = \hat{p} = (3/4, 1/4)$, with mean "
            r"negative log-likelihood $H(\hat{p}) \approx {value}$ nats; the uniform model pays $\log 2 \approx 0.6931$."
        ),
        value=Entropy(phat, 2),
        at=Point({c: [3, 1], N: 4}),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# V classes, c_k the count of class k among N tokens, \hat{p} = c/N the empirical distribution,
# q the model, L(q) = Π_k q_k^{c_k} its likelihood.

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(V, ("|V|",)),
    entries={
        "hat_p": computed_vector(lambda index, size: c[index] / N, V),
        "p_data": computed_vector(lambda index, size: c[index] / N, V),
        "L": function_of(lambda env, model: env.concretise(likelihood)),
    },
    examples=[
        (r"-\frac{1}{N}\log L(q) = H(\hat{p}, q)", r"-\log L(q) = H(\hat{p}, q)"),
        (r"H(\hat{p}, q) \ge H(\hat{p})", r"H(\hat{p}, q) \le H(\hat{p})"),
    ],
)


maximum_likelihood_cross_entropy = Result(
    vocabulary=vocabulary,
    title="Maximum likelihood is minimum cross-entropy",
    area="Probability",
    claims=[as_cross_entropy, one_hot, lower_bound, maximiser],
    domain=Domain({V: dimension(1, 6), c: Counts(V), N: CountTotal(c), q: probability_vector(V), j: index(V)}),
    rules=[sp.Eq(Sum(c[k], k, V), N), sp.Eq(Sum(q[k], k, V), 1)],
    remarks=remarks,
    references=["fisher1922", "cover2006", "goodfellow2016"],
)
