"""For a softmax policy π = σ(θ) over n actions, ∇_θ E_{a~π}[R(a)] = E_{a~π}[R(a) ∇_θ log π(a)], whose j-th component is Σ_k π_k R_k (δ_kj − π_j) = π_j (R_j − E_π[R]).

This is the log-derivative (score-function, REINFORCE) identity for one step with
fixed rewards R_1, …, R_n: the gradient of an expectation is an expectation of
the reward times the score ∂ log π_k/∂θ_j, so it can be estimated from sampled
actions alone. For the softmax policy the score is δ_kj − π_j (from the softmax
Jacobian), which gives the closed form of the gradient.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, index, reals, vector
from derive.identities.softmax_jacobian import softmax_jacobian
from derive.notation import Notation, Sum, delta, i, j, k, n, over, softmax
from derive.oracles import mp_partial, mp_softmax
from derive.vocabulary import Vocabulary, computed_vector, dimension_names, vector_of

theta = sp.IndexedBase("theta", real=True)  # policy logits
R = sp.IndexedBase("R", real=True)  # reward of each action


class Policy(Notation):
    """π_k = σ_k(θ), the probability the softmax policy gives action k."""

    nargs = 3  # logits, action, number of actions

    def definition(self):
        logits, action, size = self.args
        return softmax(action, logits, size)

    def _eval_is_positive(self):
        return True

    def _latex(self, printer, exp=None):
        tex = rf"\pi_{{{printer._print(self.args[1])}}}"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return f"π_{printer._print(self.args[1])}"


def pi(action):
    """π_action for the logits θ over n actions."""
    return Policy(theta, action, n)


def d(expr):
    """∂ expr / ∂θ_j."""
    return sp.Derivative(expr, theta[j])


expected_reward = Sum(pi(k) * R[k], k, n)  # E_{a~π}[R(a)]
gradient = d(expected_reward)
score_form = Sum(pi(k) * R[k] * d(sp.log(pi(k))), k, n)  # E_{a~π}[R(a) ∂_j log π(a)]
jacobian_form = Sum(pi(k) * R[k] * (delta(k, j) - pi(j)), k, n)
advantage_form = pi(j) * (R[j] - expected_reward)


# --- oracles: plain mpmath from the definitions -----------------------------------------


def mp_expected_reward(logits, rewards):
    return sum(p * r for p, r in zip(mp_softmax(logits), rewards))


def mp_log_policy(logits, action):
    return mpmath.log(mp_softmax(logits)[action])


def oracle_score(point):
    return mp_partial(lambda logits: mp_log_policy(logits, point.i - 1), point.theta, point.j - 1)


def oracle_gradient(point):
    return mp_partial(lambda logits: mp_expected_reward(logits, point.R), point.theta, point.j - 1)


def oracle_jacobian_form(point):
    probs = mp_softmax(point.theta)
    col = point.j - 1
    return sum(probs[a] * point.R[a] * ((1 if a == col else 0) - probs[col]) for a in range(point.n))


# --- claims -----------------------------------------------------------------------------

score = Claim(
    label="score of the softmax policy",
    text=r"For the policy $\pi = \sigma(\theta)$ the score of action $i$ is",
    statement=sp.Eq(d(sp.log(pi(i))), delta(i, j) - pi(j), evaluate=False),
    steps=[
        Step(d(sp.log(pi(i)))),
        Step(d(pi(i)) / pi(i), because=r"chain rule, $(\log u)' = u'/u$"),
        Step(
            over(pi(i) * (delta(i, j) - pi(j)), pi(i)),
            because=r"softmax Jacobian $\partial \sigma_i/\partial z_j = \sigma_i(\delta_{ij} - \sigma_j)$ ({by})",
            by=softmax_jacobian,
        ),
        Step(delta(i, j) - pi(j), because=r"cancel $\pi_i > 0$"),
    ],
    oracle=oracle_score,
)

log_derivative = Claim(
    label="log-derivative trick",
    text=(
        r"The gradient of the expected reward $\mathbb{E}_{a \sim \pi}[R(a)] = \sum_k \pi_k R_k$ "
        r"is the expected reward times the score:"
    ),
    statement=sp.Eq(gradient, score_form, evaluate=False),
    steps=[
        Step(gradient),
        Step(Sum(R[k] * d(pi(k)), k, n), because=r"finite sum; $R_k$ does not depend on $\theta$"),
        Step(score_form, because=r"$\partial \pi_k = \pi_k \, \partial \log \pi_k$ since $\pi_k > 0$"),
    ],
    oracle=oracle_gradient,
)

closed_form = Claim(
    label="softmax policy gradient",
    text=r"For the softmax policy this gradient is",
    statement=sp.Eq(gradient, jacobian_form, evaluate=False),
    steps=[
        Step(gradient),
        Step(score_form, by=log_derivative),
        Step(jacobian_form, because=r"by {by}, with $i = k$", by=score),
    ],
    oracle=oracle_gradient,
)

advantage = Claim(
    label="reward minus its mean",
    text=r"and, summing out $\delta_{kj}$, component $j$ is $\pi_j$ times how much $R_j$ exceeds the expected reward:",
    statement=sp.Eq(jacobian_form, advantage_form, evaluate=False),
    steps=[
        Step(jacobian_form),
        Step(
            pi(j) * R[j] - pi(j) * expected_reward,
            because=r"$\delta_{kj}$ picks $k = j$; $\pi_j$ does not depend on $k$",
        ),
        Step(advantage_form, because=r"factor out $\pi_j$"),
    ],
    oracle=oracle_jacobian_form,
)

# --- documentation vocabulary ---------------------------------------------------------------
# θ the logits of a softmax policy π (π_θ) over n actions, R (r) the reward of each action.

# What a document may write for the policy and its rewards, shared with the results built on them.
policy_entries = {
    **{
        name: computed_vector(lambda index, length: pi(index).xreplace({n: length}), n)
        for name in ("pi", "pi_theta", "p")
    },
    "r": vector_of(R),
}

vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n, ("A",)),
    entries=policy_entries,
    examples=[
        (
            r"\frac{\partial \log \pi_i}{\partial \theta_j} = \delta_{ij} - \pi_j",
            r"\frac{\partial \log \pi_i}{\partial \theta_j} = \delta_{ij} - \pi_i",
        ),
        (
            r"\frac{\partial}{\partial \theta_j} \sum_k \pi_k R_k = \pi_j \left(R_j - \sum_k \pi_k R_k\right)",
            r"\frac{\partial}{\partial \theta_j} \sum_k \pi_k R_k = \pi_j R_j",
        ),
    ],
)


reinforce_log_derivative = Result(
    vocabulary=vocabulary,
    title="The log-derivative (REINFORCE) policy gradient",
    area="Reinforcement learning",
    claims=[score, log_derivative, closed_form, advantage],
    domain=Domain(
        {
            n: dimension(1, 6),
            theta: vector(n, reals(-3, 3)),
            R: vector(n, reals(-3, 3)),
            i: index(n),
            j: index(n),
        }
    ),
    references=["williams1992"],
)
