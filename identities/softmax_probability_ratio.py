"""The ratio of two softmax probabilities depends only on the gap between their logits, σ_i/σ_j = e^{z_i − z_j}, so the log-odds equal the logit gap and raising one logit by Δ multiplies its odds against every other class by e^Δ.

For logits z ∈ ℝⁿ the normaliser Σ_k e^{z_k} is shared by all entries and cancels
from any ratio. The same follows from the shifted log-softmax: log σ_i − log σ_j =
z_i − z_j for every reference value m. Logits are therefore log-probabilities up to a
common constant, and only their differences matter.
"""

from dataclasses import dataclass

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, index, reals, vector
from derive.domain import Index, Point, concrete_size
from derive.identities.log_softmax_stable import log_softmax_stable, m
from derive.notation import Sum, delta, i, j, k, n, over, softmax, z
from derive.oracles import mp_softmax
from derive.vocabulary import Vocabulary, dimension_names, softmax_of


class RaisedLogits(sp.Function):
    """The vector z + Δ e_i: entry k is z_k + Δ δ_ki (only its entries are ever used)."""

    nargs = 3  # the vector, Δ, the raised index

    def __getitem__(self, position):
        vec, amount, raised = self.args
        return vec[position] + amount * delta(position, raised)

    def _latex(self, printer):
        vec, amount, raised = self.args
        return rf"{printer._print(vec)} + {printer._print(amount)} e_{{{printer._print(raised)}}}"

    def _unicode(self, printer):
        vec, amount, raised = self.args
        return f"{printer._print(vec)} + {printer._print(amount)}e_{printer._print(raised)}"


@dataclass(frozen=True)
class OtherIndex(Index):
    """An index different from ``other``, an index drawn before it (needs size ≥ 2)."""

    other: object = None

    def sample(self, rng, values):
        return rng.choice([p for p in range(1, concrete_size(self.size, values) + 1) if p != values[self.other]])

    def latex(self, name):
        return rf"1 \le {name} \le {sp.latex(self.size)}, \ {name} \ne {sp.latex(self.other)}"


gap = sp.Symbol("Delta", real=True)  # how much one logit is raised


# --- oracles: plain mpmath from the definitions ---------------------------------------


def oracle_ratio(point):
    probabilities = mp_softmax(point.z)
    return probabilities[point.i - 1] / probabilities[point.j - 1]


def oracle_log_odds(point):
    probabilities = mp_softmax(point.z)
    return mpmath.log(probabilities[point.i - 1] / probabilities[point.j - 1])


def oracle_raised(point):
    raised = [v + (point.Delta if position == point.i else 0) for position, v in enumerate(point.z, start=1)]
    probabilities = mp_softmax(raised)
    return probabilities[point.i - 1] / probabilities[point.j - 1]


# --- claims ---------------------------------------------------------------------------

ratio = softmax(i) / softmax(j)

ratio_claim = Claim(
    label="ratio",
    text=r"The normaliser cancels from the ratio of two probabilities:",
    statement=sp.Eq(ratio, sp.exp(z[i] - z[j]), evaluate=False),
    steps=[
        Step(ratio),
        Step(
            over(sp.exp(z[i]), sp.exp(z[j])),
            because=r"definition of the softmax; the normaliser $\sum_k e^{z_k}$ cancels",
        ),
        Step(sp.exp(z[i] - z[j]), because=r"$e^{a}/e^{b} = \exp(a - b)$"),
    ],
    oracle=oracle_ratio,
)


def shifted_log(position):
    """z_position − m − log Σ_k e^{z_k − m}, the shifted log-softmax."""
    return z[position] - m - sp.log(Sum(sp.exp(z[k] - m), k, n))


log_odds = sp.log(ratio)
log_odds_claim = Claim(
    label="log-odds",
    text=r"Equivalently the log-odds of $i$ against $j$ are the logit gap, whatever reference value $m$ is subtracted:",
    statement=sp.Eq(log_odds, z[i] - z[j], evaluate=False),
    steps=[
        Step(log_odds),
        Step(sp.log(softmax(i)) - sp.log(softmax(j)), because=r"log of a quotient ($\sigma_i, \sigma_j > 0$)"),
        Step(
            sp.Add(shifted_log(i), sp.Mul(-1, shifted_log(j), evaluate=False), evaluate=False),
            because=r"shifted log-softmax ({by}), with the same $m$ for $i$ and $j$",
            by=log_softmax_stable,
        ),
        Step(z[i] - z[j], because=r"$m$ and $\log \sum_k \exp(z_k - m)$ cancel"),
    ],
    oracle=oracle_log_odds,
)

raised = RaisedLogits(z, gap, i)
raised_ratio = softmax(i, raised) / softmax(j, raised)
raised_claim = Claim(
    label="raising one logit",
    text=r"Raising the logit of class $i$ by $\Delta$ multiplies its odds against every other class $j \ne i$ by $e^{\Delta}$:",
    statement=sp.Eq(raised_ratio, sp.exp(gap) * ratio, evaluate=False),
    steps=[
        Step(raised_ratio),
        Step(
            sp.exp(z[i] + gap - (z[j] + gap * delta(j, i))),
            because=r"by {by} for the logits $z + \Delta e_i$",
            by=ratio_claim,
        ),
        Step(sp.exp(gap) * sp.exp(z[i] - z[j]), because=r"$\delta_{ji} = 0$ as $j \ne i$"),
        Step(sp.exp(gap) * ratio, by=ratio_claim),
    ],
    oracle=oracle_raised,
    domain=Domain(
        {n: dimension(2, 6), z: vector(n, reals(-5, 5)), gap: reals(-3, 3), i: index(n), j: OtherIndex(n, other=i)}
    ),
)

remarks = [
    Remark(
        text=r"Example: a gap of $\log 2$ doubles the odds: for $z = (\log 2, 0)$, $\sigma_1/\sigma_2 = {value}$.",
        value=softmax(1, z, 2) / softmax(2, z, 2),
        at=Point({z: [mpmath.log(2), mpmath.mpf(0)]}),
    ),
    Remark(
        text=r"For $z = (2, 1, 0)$ each unit gap multiplies the odds by $e$: $\sigma_1/\sigma_2 = \sigma_2/\sigma_3 \approx {value}$.",
        value=softmax(2, z, 3) / softmax(3, z, 3),
        at=Point({z: [mpmath.mpf(2), mpmath.mpf(1), mpmath.mpf(0)]}),
    ),
]

# --- documentation vocabulary ---------------------------------------------------------------
# z the logits, σ (s, p) their softmax; i, j two classes.

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n),
    entries={name: softmax_of(z, n) for name in ("sigma", "s", "p", "hat_y")},
    examples=[
        (r"\frac{\sigma_i}{\sigma_j} = e^{z_i - z_j}", r"\frac{\sigma_i}{\sigma_j} = e^{z_j - z_i}"),
        (r"\log \frac{p_i}{p_j} = z_i - z_j", r"\log \frac{p_i}{p_j} = \frac{z_i}{z_j}"),
    ],
)


softmax_probability_ratio = Result(
    vocabulary=vocabulary,
    title="Softmax odds depend only on logit gaps",
    area="Softmax and losses",
    claims=[ratio_claim, log_odds_claim, raised_claim],
    domain=Domain({n: dimension(1, 6), z: vector(n, reals(-5, 5)), m: reals(-5, 5), i: index(n), j: index(n)}),
    rules=[sp.Eq(delta(i, j), 0)],  # used only by (c), whose domain has j != i; no other claim contains delta_ij
    remarks=remarks,
    references=["bridle1990", "goodfellow2016"],
)
