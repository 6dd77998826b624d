"""Bayes' rule: P(A_i | B) = P(B | A_i) P(A_i) / P(B), with P(B) = Σ_k P(B | A_k) P(A_k) over a partition A_1, …, A_n.

Let the hypotheses A_1, …, A_n partition the outcomes (exactly one of them holds) and
let B be an event of positive probability, e.g. the observed data. The product rule
P(A_i ∩ B) = P(B | A_i) P(A_i) read both ways gives Bayes' rule, and since B is the
disjoint union of the events A_k ∩ B, its probability is the sum of the same products
(the law of total probability). The posteriors P(A_i | B) sum to 1. The numeric
checks draw a random joint table of (A_k, B) and (A_k, not B) over n hypotheses, and
the oracles compute every probability by summing table entries over events.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, index, probability_vector
from derive.domain import Point
from derive.notation import Notation, Sum, i, k, n
from derive.numeric import WORKING_DIGITS
from derive.vocabulary import Vocabulary, argument_text, call, dimension_names, position_value, refuse

# The joint table: J_k = P(A_k ∩ B) and J_{n+k} = P(A_k ∩ not B), for k = 1, …, n.
J = sp.IndexedBase("J", positive=True)


class Both(Notation):
    """P(A_k ∩ B), an entry of the joint table."""

    nargs = 1

    def definition(self):
        return J[self.args[0]]

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"P(A_{{{printer._print(self.args[0])}}} \cap B)"

    def _unicode(self, printer):
        return f"P(A_{printer._print(self.args[0])} ∩ B)"


class Prior(Notation):
    """P(A_k) = P(A_k ∩ B) + P(A_k ∩ not B)."""

    nargs = 2  # the hypothesis, the number of hypotheses

    def definition(self):
        position, size = self.args
        return J[position] + J[size + position]

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"P(A_{{{printer._print(self.args[0])}}})"

    def _unicode(self, printer):
        return f"P(A_{printer._print(self.args[0])})"


class Likelihood(Notation):
    """P(B | A_k) = P(A_k ∩ B) / P(A_k), the definition of conditional probability."""

    nargs = 2  # the hypothesis, the number of hypotheses

    def definition(self):
        return Both(self.args[0]) / Prior(*self.args)

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"P(B \mid A_{{{printer._print(self.args[0])}}})"

    def _unicode(self, printer):
        return f"P(B | A_{printer._print(self.args[0])})"


class Evidence(Notation):
    """P(B) = Σ_k P(A_k ∩ B): B is the disjoint union of the events A_k ∩ B."""

    nargs = 1  # the number of hypotheses

    def definition(self):
        dummy = sp.Symbol("l", integer=True, positive=True)
        return sp.Sum(J[dummy], (dummy, 1, self.args[0]))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return "P(B)"

    def _unicode(self, printer):
        return "P(B)"


class Posterior(Notation):
    """P(A_i | B) = P(A_i ∩ B) / P(B), the definition of conditional probability."""

    nargs = 2  # the hypothesis, the number of hypotheses

    def definition(self):
        return Both(self.args[0]) / Evidence(self.args[1])

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"P(A_{{{printer._print(self.args[0])}}} \mid B)"

    def _unicode(self, printer):
        return f"P(A_{printer._print(self.args[0])} | B)"


evidence = Evidence(n)
total_probability = Sum(Likelihood(k, n) * Prior(k, n), k, n)


# --- oracles: probabilities of events, summed over the joint table ----------------------


def outcomes(point):
    """The joint table as {(hypothesis, B happened): probability}, hypotheses 1..n."""
    table = {}
    for hypothesis in range(1, point.n + 1):
        table[(hypothesis, True)] = point.J[hypothesis - 1]
        table[(hypothesis, False)] = point.J[point.n + hypothesis - 1]
    return table


def probability(point, event):
    return mpmath.fsum(value for outcome, value in outcomes(point).items() if event(*outcome))


def mp_posterior(point, hypothesis):
    """P(A | B) = P(A and B) / P(B)."""
    both = probability(point, lambda a, b: a == hypothesis and b)
    return both / probability(point, lambda a, b: b)


def oracle_evidence(point):
    return probability(point, lambda a, b: b)


def oracle_posterior(point):
    return mp_posterior(point, point.i)


def oracle_posterior_total(point):
    return mpmath.fsum(mp_posterior(point, hypothesis) for hypothesis in range(1, point.n + 1))


# --- claims -----------------------------------------------------------------------------

total = Claim(
    label="law of total probability",
    text=(
        r"Let the hypotheses $A_1, \ldots, A_n$ partition the outcomes, $B$ an event, and $J$ their joint "
        r"table: $J_k = P(A_k \cap B)$ and $J_{n+k} = P(A_k \cap \text{not } B)$. The evidence is the "
        r"prior-weighted average of the likelihoods:"
    ),
    statement=sp.Eq(evidence, total_probability, evaluate=False),
    steps=[
        Step(evidence),
        Step(Sum(Both(k), k, n), because=r"$B$ is the disjoint union of the events $A_k \cap B$"),
        Step(total_probability, because=r"product rule $P(A_k \cap B) = P(B \mid A_k) P(A_k)$"),
    ],
    oracle=oracle_evidence,
)

bayes = Claim(
    label="Bayes' rule",
    text=r"The posterior of hypothesis $A_i$ given $B$ is",
    statement=sp.Eq(Posterior(i, n), Likelihood(i, n) * Prior(i, n) / total_probability, evaluate=False),
    steps=[
        Step(Posterior(i, n)),
        Step(Both(i) / evidence, because="definition of conditional probability"),
        Step(Likelihood(i, n) * Prior(i, n) / evidence, because=r"product rule $P(A_i \cap B) = P(B \mid A_i) P(A_i)$"),
        Step(Likelihood(i, n) * Prior(i, n) / total_probability, by=total),
    ],
    oracle=oracle_posterior,
)

normalised = Claim(
    label="posteriors sum to one",
    text=r"and the posteriors form a distribution over the hypotheses:",
    statement=sp.Eq(Sum(Posterior(k, n), k, n), 1, evaluate=False),
    steps=[
        Step(Sum(Posterior(k, n), k, n)),
        Step(
            Sum(Both(k), k, n) / evidence,
            because=r"definition of conditional probability; $P(B)$ does not depend on $k$",
        ),
        Step(sp.Integer(1), because=r"the numerator is $P(B)$: $B$ is the disjoint union of the events $A_k \cap B$"),
    ],
    oracle=oracle_posterior_total,
)


def _table(*values):
    with mpmath.workdps(WORKING_DIGITS):
        return [mpmath.mpf(v) for v in values]


# A_1: has the condition (prevalence 1%), A_2: does not; B: the test is positive, with
# P(B | A_1) = 0.99 and P(B | A_2) = 0.05. Entries: P(A_1, B), P(A_2, B), P(A_1, not B), P(A_2, not B).
SCREENING = _table("0.0099", "0.0495", "0.0001", "0.9405")

remarks = [
    Remark(
        text=(
            r"Example: a condition with prevalence $P(A_1) = 0.01$ and a test with $P(B \mid A_1) = 0.99$ "
            r"and false-positive rate $P(B \mid A_2) = 0.05$ give $P(A_1 \mid B) = 0.0099/0.0594 \approx {value}$: "
            r"most positive tests come from the much larger group without the condition."
        ),
        value=Posterior(1, n),
        at=Point({n: 2, J: SCREENING}),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# Hypotheses A_1, …, A_n that partition the outcomes, an event B; P(A_i), P(B | A_i), P(A_i | B), P(B).


def _doc_probability(env, atom, side):
    size = env.dim_value(n)
    text = argument_text(env, atom)
    given, bar, condition = text.partition("|")

    def hypothesis(name):
        if name == "A":  # an event A written without an index: any one of the hypotheses, A_i for each i
            name = "A_i"
        if not name.startswith("A_"):
            refuse(f"P({text}): name a hypothesis A_i")
        return position_value(env, name[2:])

    if text == "B":
        return Evidence(size)
    if bar and given == "B":
        return Likelihood(hypothesis(condition), size)
    if bar and condition == "B":
        return Posterior(hypothesis(given), size)
    if not bar:
        return Prior(hypothesis(text), size)
    refuse(f"P({text}) is not P(A_i), P(B), P(B | A_i) or P(A_i | B)")


_doc_probability.reads_events = True  # P(B | A = a): the hypothesis A_a, the event that A takes the value a

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n),
    entries={"P": call(_doc_probability), "Pr": call(_doc_probability)},
    examples=[
        (
            r"P(A_i \mid B) = \frac{P(B \mid A_i)\, P(A_i)}{\sum_{k=1}^{n} P(B \mid A_k)\, P(A_k)}",
            r"P(A_i \mid B) = \frac{P(B \mid A_i)}{\sum_{k=1}^{n} P(B \mid A_k)\, P(A_k)}",
        ),
        (r"\sum_{k=1}^{n} P(A_k \mid B) = 1", r"\sum_{k=1}^{n} P(B \mid A_k) = 1"),
        (r"P(A \mid B) = \frac{P(B \mid A) P(A)}{P(B)}", r"P(A \mid B) = \frac{P(B \mid A) P(A)}{P(A)}"),
    ],
)


bayes_rule = Result(
    vocabulary=vocabulary,
    title="Bayes' rule and the law of total probability",
    area="Probability",
    claims=[total, bayes, normalised],
    domain=Domain({n: dimension(1, 6), J: probability_vector(2 * n), i: index(n)}),
    remarks=remarks,
    references=["bayes1763", "bishop2006"],
)
