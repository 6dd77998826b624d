"""The score has mean zero, E_{a~π}[∇_θ log π(a)] = ∇_θ Σ_a π_a = 0, so subtracting a baseline b that does not depend on the action leaves the policy gradient unbiased: E[(R − b)∇ log π] = ∇ E[R].

For a softmax policy π = σ(θ) over n actions with rewards R_1, …, R_n. The
baseline changes only the spread of the one-sample estimate (R_a − b)∂_j log π_a:
its second moment is smallest at b* = E[R s_j²]/E[s_j²], with s_j the score. That is a
score-weighted mean of the rewards, in general not E[R]; the remark gives a case.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, index, reals, vector
from derive.domain import Point
from derive.identities.reinforce_log_derivative import (
    Policy,
    R,
    d,
    mp_log_policy,
    pi,
    policy_entries,
    reinforce_log_derivative,
    theta,
)
from derive.notation import EvaluatedAt, Notation, Sum, delta, fresh_index, j, k, n
from derive.oracles import mp_partial, mp_softmax
from derive.vocabulary import Vocabulary, dimension_names

b = sp.Symbol("b", real=True)  # the baseline


def score(action):
    """∂ log π_action / ∂θ_j."""
    return d(sp.log(pi(action)))


def softmax_score(action):
    """The softmax score δ_{action,j} − π_j."""
    return delta(action, j) - pi(j)


mean_score = Sum(pi(k) * score(k), k, n)
with_baseline = Sum(pi(k) * (R[k] - b) * score(k), k, n)
expected_reward = Sum(pi(k) * R[k], k, n)
second_moment = Sum(pi(k) * (R[k] - b) ** 2 * softmax_score(k) ** 2, k, n)  # E[((R − b) s_j)²]


class BestBaseline(Notation):
    """b* = Σ_k π_k R_k s_k² / Σ_k π_k s_k², with s_k = δ_kj − π_j the softmax score."""

    nargs = 4  # logits, rewards, parameter index j, number of actions

    def definition(self):
        logits, rewards, col, size = self.args
        dummy = fresh_index(col, size)

        def weight(action):
            return Policy(logits, action, size) * (delta(action, col) - Policy(logits, col, size)) ** 2

        return sp.Sum(weight(dummy) * rewards[dummy], (dummy, 1, size)) / sp.Sum(weight(dummy), (dummy, 1, size))

    def _latex(self, printer, exp=None):
        return "b^{*}" if exp is None else rf"\left(b^{{*}}\right)^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return "b*"


best_baseline = BestBaseline(theta, R, j, n)


slope_at_best = EvaluatedAt(sp.Derivative(second_moment, b), b, best_baseline)


# --- oracles: plain mpmath from the definitions -----------------------------------------


def mp_scores(point):
    """∂ log π_a / ∂θ_j for every action a, by numerical differentiation."""
    return [mp_partial(lambda logits: mp_log_policy(logits, a), point.theta, point.j - 1) for a in range(point.n)]


def oracle_mean_score(point):
    return mpmath.fsum(p * s for p, s in zip(mp_softmax(point.theta), mp_scores(point)))


def oracle_with_baseline(point):
    probs = mp_softmax(point.theta)
    return mpmath.fsum(p * (r - point.b) * s for p, r, s in zip(probs, point.R, mp_scores(point)))


def mp_best_baseline(point):
    probs, scores = mp_softmax(point.theta), mp_scores(point)
    weights = [p * s**2 for p, s in zip(probs, scores)]
    return mpmath.fsum(w * r for w, r in zip(weights, point.R)) / mpmath.fsum(weights)


def oracle_slope_at_best(point):
    probs, scores = mp_softmax(point.theta), mp_scores(point)

    def moment(baseline):
        return mpmath.fsum(p * ((r - baseline) * s) ** 2 for p, r, s in zip(probs, point.R, scores))

    return mpmath.diff(moment, mp_best_baseline(point))


# --- claims -----------------------------------------------------------------------------

zero_mean = Claim(
    label="the score has mean zero",
    text=r"Whatever the policy, the expected score vanishes because the probabilities sum to one:",
    statement=sp.Eq(mean_score, 0, evaluate=False),
    steps=[
        Step(mean_score),
        Step(Sum(d(pi(k)), k, n), because=r"$\pi_k \, \partial \log \pi_k = \partial \pi_k$"),
        Step(d(Sum(pi(k), k, n)), because="finite sum"),
        Step(d(sp.Integer(1)), because=r"$\sum_k \pi_k = 1$ for every $\theta$"),
        Step(sp.Integer(0), because="derivative of a constant"),
    ],
    oracle=oracle_mean_score,
)

unbiased = Claim(
    label="a baseline leaves the gradient unbiased",
    text=r"Hence for any $b$ that does not depend on the action,",
    statement=sp.Eq(with_baseline, d(expected_reward), evaluate=False),
    steps=[
        Step(with_baseline),
        Step(Sum(pi(k) * R[k] * score(k), k, n) - b * mean_score, because=r"split the sum; $b$ does not depend on $k$"),
        Step(Sum(pi(k) * R[k] * score(k), k, n) - b * 0, by=zero_mean),
        Step(d(expected_reward), because="log-derivative trick ({by})", by=reinforce_log_derivative),
    ],
    oracle=oracle_with_baseline,
)

best = Claim(
    label="the baseline of least spread",
    text=(
        r"For $n \ge 2$ and the softmax score $s_k = \delta_{kj} - \pi_j$, the second moment "
        r"$\mathbb{E}[((R - b) s)^2]$ of the estimate is a convex quadratic in $b$, stationary at "
        r"$b^* = \mathbb{E}[R s^2] / \mathbb{E}[s^2]$:"
    ),
    statement=sp.Eq(slope_at_best, 0, evaluate=False),
    steps=[
        Step(slope_at_best),
        Step(
            EvaluatedAt(-2 * Sum(pi(k) * (R[k] - b) * softmax_score(k) ** 2, k, n), b, best_baseline),
            because=r"$\partial (R_k - b)^2 / \partial b = -2 (R_k - b)$",
        ),
        Step(
            -2
            * (
                Sum(pi(k) * R[k] * softmax_score(k) ** 2, k, n)
                - best_baseline * Sum(pi(k) * softmax_score(k) ** 2, k, n)
            ),
            because=r"split the sum, put in $b = b^*$",
        ),
        Step(sp.Integer(0), because=r"definition of $b^*$"),
    ],
    oracle=oracle_slope_at_best,
    domain=Domain(
        {  # n >= 2: with one action every score is 0 and b* is undefined
            n: dimension(2, 6),
            theta: vector(n, reals(-3, 3)),
            R: vector(n, reals(-3, 3)),
            j: index(n),
        }
    ),
)

example = Point(
    {
        n: 3,
        j: 1,
        theta: [mpmath.mpf(0), mpmath.mpf(0), mpmath.mpf(1)],
        R: [mpmath.mpf(1), mpmath.mpf(0), mpmath.mpf(0)],
    }
)

# --- documentation vocabulary ---------------------------------------------------------------
# θ the logits of a softmax policy π (π_θ) over n actions, R (r) the rewards, b a baseline.

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n, ("A",)),
    entries=policy_entries,
    examples=[
        (
            r"\sum_k \pi_k \frac{\partial \log \pi_k}{\partial \theta_j} = 0",
            r"\sum_k \frac{\partial \log \pi_k}{\partial \theta_j} = 0",
        ),
        (
            r"\sum_k \pi_k (R_k - b) \frac{\partial \log \pi_k}{\partial \theta_j} = \frac{\partial}{\partial \theta_j} \sum_k \pi_k R_k",
            r"\sum_k \pi_k (R_k - b) \frac{\partial \log \pi_k}{\partial \theta_j} = \frac{\partial}{\partial \theta_j} \sum_k \pi_k R_k - b",
        ),
    ],
)


score_function_baseline = Result(
    vocabulary=vocabulary,
    title="A baseline leaves the policy gradient unbiased",
    area="Reinforcement learning",
    claims=[zero_mean, unbiased, best],
    domain=Domain(
        {
            n: dimension(1, 6),
            theta: vector(n, reals(-3, 3)),
            R: vector(n, reals(-3, 3)),
            b: reals(-3, 3),
            j: index(n),
        }
    ),
    references=["williams1992"],
    remarks=[
        Remark(
            r"For $\theta = (0, 0, 1)$, $R = (1, 0, 0)$ and $j = 1$ the best baseline $b^*$ exceeds "
            r"$\mathbb{E}[R] = \pi_1$ by {value}.",
            best_baseline - expected_reward,
            example,
        ),
    ],
)
