"""Group-relative advantages A_i = r_i − mean(r) sum to zero over a group of G rewards, and so do the normalised A_i = (r_i − mean(r))/std(r), which have mean 0 and population variance 1.

GRPO replaces a learned value baseline by the mean reward of G responses sampled
for the same prompt, and divides by the group's standard deviation. The sums
vanish whichever standard deviation is used, population (divide by G) or sample
(divide by G − 1), since it is a positive factor common to every term. The variance
of the normalised advantages depends on the choice: 1 for the population standard
deviation, (G − 1)/G for the sample one. The division is undefined when every
reward in the group is the same (std = 0); implementations then add a small
constant to the denominator or skip the group.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, reals, vector
from derive.domain import Point
from derive.notation import Notation, Sum, fresh_index, i, k, over
from derive.oracles import mp_mean, mp_variance
from derive.vocabulary import Vocabulary, computed_number, function_of, vector_value

G = sp.Symbol("G", integer=True, positive=True)  # group size
r = sp.IndexedBase("r", real=True)  # rewards of the group


class GroupMean(Notation):
    """mean(r) = (1/G) Σ_k r_k, the mean reward of the group."""

    nargs = 2  # rewards, G

    def definition(self):
        rewards, size = self.args
        dummy = fresh_index(size)
        return sp.Sum(rewards[dummy], (dummy, 1, size)) / size

    def _latex(self, printer, exp=None):
        tex = rf"\operatorname{{mean}}({printer._print(self.args[0].label)})"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return f"mean({printer._print(self.args[0].label)})"


class GroupStd(Notation):
    """The standard deviation √(Σ_k (r_k − mean(r))² / (G − c)) of the group: population for c = 0, sample for c = 1."""

    nargs = 3  # rewards, G, c

    def definition(self):
        rewards, size, correction = self.args
        dummy = fresh_index(size)
        squares = sp.Sum((rewards[dummy] - GroupMean(rewards, size)) ** 2, (dummy, 1, size))
        return sp.sqrt(squares / (size - correction))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer, exp=None):
        name = printer._print(self.args[0].label)
        tex = rf"\sigma_{{{name}}}" if self.args[2] == 0 else rf"s_{{{name}}}"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        name = printer._print(self.args[0].label)
        return f"σ_{name}" if self.args[2] == 0 else f"s_{name}"


mean = GroupMean(r, G)
population_std = GroupStd(r, G, 0)
sample_std = GroupStd(r, G, 1)


def advantage(position, std=None):
    """(r_position − mean(r))/std, or r_position − mean(r) without normalisation."""
    centred = r[position] - mean
    return centred if std is None else centred / std


centred_sum = Sum(advantage(i), i, G)


def normalised_sum(std):
    return Sum(advantage(i, std), i, G)


normalised_mean = Sum(advantage(i, population_std), i, G) / G
normalised_variance = Sum((advantage(i, population_std) - Sum(advantage(k, population_std), k, G) / G) ** 2, i, G) / G
sample_normalised_variance = Sum((advantage(i, sample_std) - Sum(advantage(k, sample_std), k, G) / G) ** 2, i, G) / G


# --- oracles: plain mpmath from the definitions -----------------------------------------


def mp_population_std(values):
    return mpmath.sqrt(mp_variance(values))


def mp_sample_std(values):
    m = mp_mean(values)
    return mpmath.sqrt(mpmath.fsum((v - m) ** 2 for v in values) / (len(values) - 1))


def mp_advantages(values, std=None):
    m = mp_mean(values)
    scale = 1 if std is None else std(values)
    return [(v - m) / scale for v in values]


def oracle_centred_sum(point):
    return mpmath.fsum(mp_advantages(point.r))


def oracle_population_sum(point):
    return mpmath.fsum(mp_advantages(point.r, mp_population_std))


def oracle_sample_sum(point):
    return mpmath.fsum(mp_advantages(point.r, mp_sample_std))


def oracle_mean(point):
    return mp_mean(mp_advantages(point.r, mp_population_std))


def oracle_variance(point):
    return mp_variance(mp_advantages(point.r, mp_population_std))


def oracle_sample_variance(point):
    return mp_variance(mp_advantages(point.r, mp_sample_std))


# --- claims -----------------------------------------------------------------------------

centred = Claim(
    label="centred advantages sum to zero",
    text=r"The advantages $A_i = r_i - \operatorname{mean}(r)$, with $\operatorname{mean}(r) = \frac{1}{G} \sum_k r_k$, sum to zero over the group:",
    statement=sp.Eq(centred_sum, 0, evaluate=False),
    steps=[
        Step(centred_sum),
        Step(Sum(r[i], i, G) - G * mean, because=r"split the sum; $\operatorname{mean}(r)$ does not depend on $i$"),
        Step(sp.Integer(0), because=r"$G \operatorname{mean}(r) = \sum_k r_k$"),
    ],
    oracle=oracle_centred_sum,
)


def normalised_claim(std, name, oracle):
    return Claim(
        label=f"{name}-normalised advantages sum to zero",
        text=(
            rf"Dividing by the {name} standard deviation "
            + (
                r"$\sigma_r = \sqrt{\frac{1}{G} \sum_k (r_k - \operatorname{mean}(r))^2}$"
                if name == "population"
                else r"$s_r = \sqrt{\frac{1}{G - 1} \sum_k (r_k - \operatorname{mean}(r))^2}$"
            )
            + r", positive unless all rewards are equal, keeps the sum at zero:"
        ),
        statement=sp.Eq(normalised_sum(std), 0, evaluate=False),
        steps=[
            Step(normalised_sum(std)),
            Step(centred_sum / std, because=r"the same positive factor in every term"),
            Step(sp.Integer(0), by=centred),
        ],
        oracle=oracle,
    )


population_sum = normalised_claim(population_std, "population", oracle_population_sum)
sample_sum = normalised_claim(sample_std, "sample", oracle_sample_sum)

zero_mean = Claim(
    label="mean zero",
    text=r"So the normalised advantages $\hat{A}_i = (r_i - \operatorname{mean}(r))/\sigma_r$ have mean",
    statement=sp.Eq(normalised_mean, 0, evaluate=False),
    steps=[
        Step(normalised_mean),
        Step(sp.Integer(0), by=population_sum),
    ],
    oracle=oracle_mean,
)

unit_variance = Claim(
    label="unit variance",
    text=r"and population variance one:",
    statement=sp.Eq(normalised_variance, 1, evaluate=False),
    steps=[
        Step(normalised_variance),
        Step(Sum(advantage(i, population_std) ** 2, i, G) / G, because=r"their mean is $0$ by {by}", by=zero_mean),
        Step(
            Sum(advantage(i) ** 2, i, G) / (G * population_std**2),
            because=r"$\sigma_r$ does not depend on $i$",
        ),
        Step(over(population_std**2, population_std**2), because=r"definition of $\sigma_r^2$"),
        Step(sp.Integer(1), because=r"$\sigma_r > 0$"),
    ],
    oracle=oracle_variance,
)

sample_variance = Claim(
    label="variance with the sample standard deviation",
    text=r"With the sample standard deviation instead, the population variance is $(G - 1)/G$ (the sample variance is one):",
    statement=sp.Eq(sample_normalised_variance, (G - 1) / G, evaluate=False),
    steps=[
        Step(sample_normalised_variance),
        Step(Sum(advantage(i, sample_std) ** 2, i, G) / G, because=r"they sum to $0$ by {by}", by=sample_sum),
        Step(Sum(advantage(i) ** 2, i, G) / (G * sample_std**2), because=r"$s_r$ does not depend on $i$"),
        Step(over((G - 1) * sample_std**2, G * sample_std**2), because=r"definition of $s_r^2$"),
        Step((G - 1) / G, because=r"$s_r > 0$"),
    ],
    oracle=oracle_sample_variance,
)

one, zero = mpmath.mpf(1), mpmath.mpf(0)
three_of_eight = Point({G: 8, r: [one, one, one, zero, zero, zero, zero, zero], i: 1})

# --- documentation vocabulary ---------------------------------------------------------------
# r the rewards of a group of G answers, mean(r) their mean, σ_r (std(r)) their population
# standard deviation, s_r the sample one, \hat{A}_i (A_i) = (r_i − mean(r))/σ_r the advantages.


def _doc_moment(which):
    """mean(v) or std(v) (population) of the vector a document writes: of r itself, a r + b, …"""

    def read(env, arg):
        vec = env._vector(arg)
        if vec.base == r:
            return env.concretise(mean if which == "mean" else population_std)
        size = env.concretise(vec.size)
        dummy, other = sp.Dummy("k", integer=True, positive=True), sp.Dummy("l", integer=True, positive=True)
        centre = sp.Sum(vec.component(other), (other, 1, size)) / size
        if which == "mean":
            return centre
        return sp.sqrt(sp.Sum((vec.component(dummy) - centre) ** 2, (dummy, 1, size)) / size)

    return function_of(read)


def _doc_advantages(env):
    size = env.dim_value(G)
    return vector_value(lambda index: ((r[index] - mean) / population_std).xreplace({G: size}), size)


vocabulary = Vocabulary(
    domain_names=True,
    dims={"n": G, "K": G},
    entries={
        "mean": _doc_moment("mean"),
        "bar_r": computed_number(lambda env: env.concretise(mean)),
        "mu": computed_number(lambda env: env.concretise(mean)),
        "std": _doc_moment("std"),
        "sigma_r": computed_number(lambda env: env.concretise(population_std)),
        "sigma": computed_number(lambda env: env.concretise(population_std)),
        "s_r": computed_number(lambda env: env.concretise(sample_std)),
        "hat_A": ("vec", _doc_advantages),
        "A": ("vec", _doc_advantages),
    },
    examples=[
        (r"\sum_{i=1}^{G} \hat{A}_i = 0", r"\sum_{i=1}^{G} \hat{A}_i = 1"),
        (r"\frac{1}{G}\sum_{i=1}^{G} \hat{A}_i^2 = 1", r"\frac{1}{G-1}\sum_{i=1}^{G} \hat{A}_i^2 = 1"),
        (
            r"\sum_{i=1}^{G} \left(r_i - \operatorname{mean}(r)\right) = 0",
            r"\sum_{i=1}^{G} \left(r_i - \operatorname{mean}(r)\right)^2 = 0",
        ),
    ],
)


grpo_advantages = Result(
    vocabulary=vocabulary,
    title="Group-relative advantages (GRPO)",
    area="Reinforcement learning",
    claims=[centred, population_sum, sample_sum, zero_mean, unit_variance, sample_variance],
    # G >= 2 and continuous rewards: the standard deviation is positive at every sampled point
    domain=Domain({G: dimension(2, 8), r: vector(G, reals(-3, 3))}),
    references=["shao2024", "williams1992"],
    uses=["score_function_baseline"],
    remarks=[
        Remark(
            r"With $G = 8$ responses of which $3$ are correct (reward $1$) and $5$ wrong (reward $0$), "
            r"the mean reward is $0.375$ and a correct response gets $\hat{A} = 0.625/\sigma_r = {value}$.",
            advantage(i, population_std),
            three_of_eight,
        ),
    ],
)
