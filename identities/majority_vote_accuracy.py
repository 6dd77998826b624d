"""A majority vote over k independent answers, each correct with probability p, is correct with probability Σ_{j>k/2} C(k, j) p^j (1−p)^{k−j}, plus half the tie probability C(k, k/2)(p(1−p))^{k/2} for even k when ties are broken by a fair coin.

Assumptions: the k answers are independent, each is correct with the same probability
p, and an answer is either correct or incorrect (two outcomes), so "majority correct"
means more than k/2 correct answers. The number of correct answers is then binomial,
P(S_k = j) = C(k, j) p^j (1−p)^{k−j}. For odd k = 2m+1 there are no ties. For even
k = 2m the votes tie with probability C(2m, m)(p(1−p))^m, and the result depends on the
tie rule; with a fair coin an even number of votes is exactly as accurate as one vote
fewer. When p > 1/2 the accuracy tends to 1 as k grows (Condorcet's jury theorem), which
is the idea behind self-consistency decoding. With more than two possible answers, wrong
answers can split their votes, and a plurality vote can be right without a majority, so
this formula is then a lower bound for plurality voting, not its accuracy. Independence
is the strong assumption: samples from one model tend to share their mistakes.
"""

from dataclasses import dataclass

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension
from derive.domain import Point, Sampler, uniform
from derive.notation import Notation
from derive.oracles import mp_expectation_iid
from derive.vocabulary import Vocabulary, call, refuse

m = sp.Symbol("m", integer=True, nonnegative=True)  # k = 2m + 1 (odd) or k = 2m (even)
p = sp.Symbol("p", positive=True)  # probability that one answer is correct
j = sp.Symbol("j", integer=True, nonnegative=True)  # number of correct answers


@dataclass(frozen=True)
class OpenUnitInterval(Sampler):
    """A probability strictly between 0 and 1, drawn from [low, high]."""

    low: str = "0.05"
    high: str = "0.95"

    def sample(self, rng, values):
        return uniform(rng, self.low, self.high)

    def latex(self, name):
        return rf"0 < {name} < 1"


class Binomial(Notation):
    """P(S_k = j) = C(k, j) p^j (1−p)^{k−j}: exactly j of the k independent answers are correct."""

    nargs = 3  # p, k, j

    def definition(self):
        prob, count, correct = self.args
        return sp.binomial(count, correct) * prob**correct * (1 - prob) ** (count - correct)

    def _latex(self, printer):
        _, count, correct = (printer._print(a) for a in self.args)
        return rf"P(S_{{{count}}} = {correct})"

    def _unicode(self, printer):
        _, count, correct = (printer._print(a) for a in self.args)
        return f"P(S_{{{count}}} = {correct})"


class Accuracy(Notation):
    """Acc_k(p): the probability that the majority of k answers is correct, a tie broken by a fair coin.

    More than k/2 correct answers win; exactly k/2 (only for even k) win with probability 1/2.
    The tie term carries the indicator (1 + (−1)^k)/2 of an even k.
    """

    nargs = 2  # p, k

    def definition(self):
        prob, count = self.args
        wins = sp.Sum(Binomial(prob, count, j), (j, sp.floor(count / 2) + 1, count))
        even = (1 + (-1) ** count) / 2
        return wins + even * Binomial(prob, count, count / 2) / 2

    def _latex(self, printer):
        return rf"\operatorname{{Acc}}_{{{printer._print(self.args[1])}}}({printer._print(self.args[0])})"

    def _unicode(self, printer):
        return f"Acc_{{{printer._print(self.args[1])}}}({printer._print(self.args[0])})"


class Tie(Notation):
    """P(tie): exactly half of the k answers are correct."""

    nargs = 2  # p, k

    def definition(self):
        prob, count = self.args
        return Binomial(prob, count, count / 2)

    def _latex(self, printer):
        return rf"P(\text{{tie among }} {printer._print(self.args[1])})"

    def _unicode(self, printer):
        return f"P(tie among {printer._print(self.args[1])})"


def binomial_term(count, correct):
    return sp.binomial(count, correct) * p**correct * (1 - p) ** (count - correct)


odd, even = 2 * m + 1, 2 * m


# --- oracle: every one of the 2^k outcomes, with its probability ---------------------------


def mp_vote(prob, count, score):
    """𝔼[score(number correct, number wrong)] over the 2^count independent right/wrong outcomes."""

    def outcome_score(answers):
        correct = sum(answers)
        return score(correct, count - correct)

    return mp_expectation_iid([1, 0], [prob, 1 - prob], count, outcome_score)


def mp_majority_accuracy(prob, count):
    """P(majority correct), a tie counted as a fair coin flip."""
    return mp_vote(
        prob, count, lambda right, wrong: 1 if right > wrong else (mpmath.mpf(1) / 2 if right == wrong else 0)
    )


def oracle_odd(point):
    return mp_majority_accuracy(point.p, 2 * point.m + 1)


def oracle_even(point):
    return mp_majority_accuracy(point.p, 2 * point.m)


def oracle_tie(point):
    return mp_vote(point.p, 2 * point.m, lambda right, wrong: 1 if right == wrong else 0)


# --- claims -------------------------------------------------------------------------------

odd_sum = sp.Sum(binomial_term(odd, j), (j, m + 1, odd))
odd_claim = Claim(
    label="odd k",
    text=(
        r"Let $S_k$ be the number of correct answers among $k$, and $\operatorname{Acc}_k(p)$ the probability "
        r"that the majority vote is correct. For an odd number $k = 2m + 1$ of answers ($m \ge 0$) there are "
        r"no ties, and"
    ),
    statement=sp.Eq(Accuracy(p, odd), odd_sum, evaluate=False),
    steps=[
        Step(Accuracy(p, odd)),
        Step(
            sp.Sum(Binomial(p, odd, j), (j, m + 1, odd)),
            because=r"more than half correct: $j \ge m + 1$ correct answers; $k$ is odd, so no ties",
        ),
        Step(
            odd_sum,
            because=r"binomial law: choose which $j$ answers are correct; each choice has probability $p^j (1-p)^{k-j}$",
        ),
    ],
    oracle=oracle_odd,
    domain=Domain({m: dimension(0, 4), p: OpenUnitInterval()}),
)

tie_value = sp.binomial(even, m) * (p * (1 - p)) ** m
tie_claim = Claim(
    label="tie probability",
    text=r"For an even number $k = 2m$ the votes tie, $m$ correct and $m$ wrong, with probability",
    statement=sp.Eq(Tie(p, even), tie_value, evaluate=False),
    steps=[
        Step(Tie(p, even)),
        Step(Binomial(p, even, m), because=r"exactly $m$ of the $2m$ answers are correct"),
        Step(binomial_term(even, m), because="binomial law"),
        Step(tie_value, because=r"$p^m (1-p)^m = (p(1-p))^m$"),
    ],
    oracle=oracle_tie,
)

even_sum = sp.Sum(binomial_term(even, j), (j, m + 1, even))
even_value = even_sum + tie_value / 2
even_claim = Claim(
    label="even k with a fair coin",
    text=r"and if a fair coin breaks ties, the vote is correct with probability",
    statement=sp.Eq(Accuracy(p, even), even_value, evaluate=False),
    steps=[
        Step(Accuracy(p, even)),
        Step(
            sp.Sum(Binomial(p, even, j), (j, m + 1, even)) + Tie(p, even) / 2,
            because=r"more than half correct ($j \ge m + 1$), or a tie won by the coin with probability $1/2$",
        ),
        Step(even_value, because="binomial law and {by}", by=tie_claim),
    ],
    oracle=oracle_even,
)

shifted = Accuracy(p, even - 1)
no_gain = Claim(
    label="even k gains nothing",
    text=(
        r"With that tie rule the $2m$-th answer adds nothing: condition on it. It changes the "
        r"outcome only when the first $2m - 1$ answers split $m : m-1$ (a wrong last answer turns "
        r"a win into a coin flip) or $m-1 : m$ (a correct one turns a loss into a coin flip):"
    ),
    statement=sp.Eq(Accuracy(p, even), shifted, evaluate=False),
    steps=[
        Step(Accuracy(p, even)),
        Step(
            shifted + (p * Binomial(p, even - 1, m - 1) - (1 - p) * Binomial(p, even - 1, m)) / 2,
            because=r"condition on the last answer: half of each of those two cases changes sides",
        ),
        Step(
            shifted + p**m * (1 - p) ** m * (sp.binomial(even - 1, m - 1) - sp.binomial(even - 1, m)) / 2,
            because="binomial law",
        ),
        Step(shifted, because=r"symmetry of the binomial coefficients: $(m - 1) + m = 2m - 1$"),
    ],
    oracle=oracle_even,
)

remarks = [
    Remark(
        text=r"Example: five answers, each correct with probability $p = 0.7$, give $\operatorname{Acc}_5(0.7) = {value}$.",
        value=Accuracy(p, 5),
        at=Point({p: mpmath.mpf("0.7")}),
    ),
    Remark(
        text=r"Three give $\operatorname{Acc}_3(0.7) = {value}$, and so do four with a fair coin on ties, by {by}.",
        value=Accuracy(p, 3),
        at=Point({p: mpmath.mpf("0.7")}),
        by=no_gain,
    ),
    Remark(
        text=(
            r"Ten answers at $p = 0.6$ give $\operatorname{Acc}_{10}(0.6) = {value}$; the figure of about $0.83$ "
            r"sometimes quoted for this case needs every tie counted as a win."
        ),
        value=Accuracy(p, 10),
        at=Point({p: mpmath.mpf("0.6")}),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# p the probability that one vote is right, Acc_k(p) the accuracy of a majority of k votes
# (k written as 2m, 2m+1, 2m-1 or a number; a tie among an even number is broken by a coin).


def _doc_votes(env, text):
    """The number of votes a subscript names: 2m, 2m+1, 2m-1, m or a whole number."""
    text = text.replace(" ", "")
    if text.isdigit():
        return sp.Integer(int(text))
    head, sign, offset = text.partition("+") if "+" in text else text.partition("-")
    factor = head[:-1] if head.endswith("m") else None
    if factor is None or (factor and not factor.isdigit()) or (sign and not offset.isdigit()):
        refuse(f"Acc_{{{text}}}: write the number of votes as 2m, 2m+1, 2m-1 or a number")
    count = int(factor or 1) * env.concretise(m)
    return count + (int(offset) if sign == "+" else -int(offset) if sign == "-" else 0)


vocabulary = Vocabulary(
    domain_names=True,
    entries={"Acc": call(lambda env, atom, side: Accuracy(env.side(atom.args[0]), _doc_votes(env, atom.sub_text)))},
    examples=[
        (
            r"\operatorname{Acc}_{2m}(p) = \operatorname{Acc}_{2m-1}(p)",
            r"\operatorname{Acc}_{2m}(p) = \operatorname{Acc}_{2m+1}(p)",
        ),
        (r"\operatorname{Acc}_{3}(p) = 3p^2 - 2p^3", r"\operatorname{Acc}_{3}(p) = 3p^2 - p^3"),
    ],
)


majority_vote_accuracy = Result(
    vocabulary=vocabulary,
    title="Accuracy of a majority vote over independent answers",
    area="Probability",
    claims=[odd_claim, tie_claim, even_claim, no_gain],
    domain=Domain({m: dimension(1, 4), p: OpenUnitInterval()}),
    remarks=remarks,
    references=["condorcet1785", "wang2023"],
)
