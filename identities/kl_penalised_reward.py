"""The KL-regularised RLHF objective E_{y~π}[r(y)] − β D_KL(π‖π_ref) is the expectation of the per-sample penalised reward r(y) − β log(π(y)/π_ref(y)), which subtracts the log-ratio; at the optimal policy π* = π_ref e^{r/β}/Z that penalised reward equals β log Z for every y.

Over n outcomes, for any policy π, reference policy π_ref, rewards r and β > 0.
Sampling y ~ π and using r(y) − β log(π(y)/π_ref(y)) as the reward therefore gives an
unbiased estimate of the regularised objective. Adding the log-ratio instead, a sign
slip, estimates E[r] + β D_KL(π‖π_ref), which rewards drifting away from π_ref. At
the maximiser π* of the objective (the DPO optimal policy) the penalised reward no
longer depends on y, and its mean β log Z is the maximal value of the objective.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, index, positive, probability_vector, reals, vector
from derive.identities.dpo_optimal_policy import J, Z, beta, pi, pi_ref, pi_star, r
from derive.notation import KL, Sum, j, k, n
from derive.oracles import mp_kl
from derive.vocabulary import Vocabulary, computed_number, dimension_names, function_of, vector_of, vector_value

expected_reward = Sum(pi[k] * r[k], k, n)


def log_ratio(policy, position):
    """log(π_position / π_ref,position)."""
    return sp.log(policy[position] / pi_ref[position])


penalised = Sum(pi[k] * (r[k] - beta * log_ratio(pi, k)), k, n)  # E_{y~π}[r − β log ratio]
sign_slip = Sum(pi[k] * (r[k] + beta * log_ratio(pi, k)), k, n)  # E_{y~π}[r + β log ratio]
penalised_at_optimum = r[j] - beta * log_ratio(pi_star, j)


# --- oracles: plain mpmath from the definitions -----------------------------------------


def mp_optimal_policy(point):
    """π*_k = π_ref,k e^{r_k/β} / Σ_l π_ref,l e^{r_l/β}."""
    weights = [q * mpmath.exp(v / point.beta) for q, v in zip(point.pi_ref, point.r)]
    total = mpmath.fsum(weights)
    return [weight / total for weight in weights]


def oracle_objective(point):
    return mpmath.fsum(p * v for p, v in zip(point.pi, point.r)) - point.beta * mp_kl(point.pi, point.pi_ref)


def oracle_sign_slip(point):
    return mpmath.fsum(p * (v + point.beta * mpmath.log(p / q)) for p, v, q in zip(point.pi, point.r, point.pi_ref))


def oracle_penalised_at_optimum(point):
    position = point.j - 1
    optimal = mp_optimal_policy(point)
    return point.r[position] - point.beta * mpmath.log(optimal[position] / point.pi_ref[position])


def oracle_objective_at_optimum(point):
    optimal = mp_optimal_policy(point)
    return mpmath.fsum(p * v for p, v in zip(optimal, point.r)) - point.beta * mp_kl(optimal, point.pi_ref)


# --- claims -----------------------------------------------------------------------------

as_expectation = Claim(
    label="penalised reward",
    text=(
        r"The objective $J(\pi) = \sum_k \pi_k r_k - \beta D_{\mathrm{KL}}(\pi \,\|\, \pi^{\mathrm{ref}})$ "
        r"is the expected per-sample reward minus $\beta$ times the log-ratio:"
    ),
    statement=sp.Eq(J(pi), penalised, evaluate=False),
    steps=[
        Step(J(pi)),
        Step(expected_reward - beta * KL(pi, pi_ref, n), because=r"definition of $J$"),
        Step(expected_reward - beta * Sum(pi[k] * log_ratio(pi, k), k, n), because=r"definition of $D_{\mathrm{KL}}$"),
        Step(penalised, because=r"one sum over $k$"),
    ],
    oracle=oracle_objective,
)

slip = Claim(
    label="adding the log-ratio",
    text=r"Adding the log-ratio instead estimates a different objective, which grows with the divergence:",
    statement=sp.Eq(sign_slip, expected_reward + beta * KL(pi, pi_ref, n), evaluate=False),
    steps=[
        Step(sign_slip),
        Step(expected_reward + beta * Sum(pi[k] * log_ratio(pi, k), k, n), because=r"split the sum"),
        Step(expected_reward + beta * KL(pi, pi_ref, n), because=r"definition of $D_{\mathrm{KL}}$"),
    ],
    oracle=oracle_sign_slip,
)

constant_at_optimum = Claim(
    label="constant at the optimum",
    text=(
        r"At the maximiser $\pi^*_j = \pi^{\mathrm{ref}}_j e^{r_j/\beta}/Z$ of $J$, with "
        r"$Z = \sum_k \pi^{\mathrm{ref}}_k e^{r_k/\beta}$, the penalised reward is the same for every outcome $j$:"
    ),
    statement=sp.Eq(penalised_at_optimum, beta * sp.log(Z), evaluate=False),
    steps=[
        Step(penalised_at_optimum),
        Step(r[j] - beta * sp.log(sp.exp(r[j] / beta) / Z), because=r"definition of $\pi^*_j$"),
        Step(r[j] - beta * (r[j] / beta - sp.log(Z)), because="log of a quotient"),
        Step(beta * sp.log(Z), because="cancel"),
    ],
    oracle=oracle_penalised_at_optimum,
)

value_at_optimum = Claim(
    label="value at the optimum",
    text=r"so by {by} the maximal value of the objective is that constant:",
    text_by=as_expectation,
    statement=sp.Eq(J(pi_star), beta * sp.log(Z), evaluate=False),
    steps=[
        Step(J(pi_star)),
        Step(
            Sum(pi_star[k] * (r[k] - beta * log_ratio(pi_star, k)), k, n),
            because="by {by}, for $\\pi = \\pi^*$",
            by=as_expectation,
        ),
        Step(Sum(pi_star[k] * beta * sp.log(Z), k, n), by=constant_at_optimum),
        Step(beta * sp.log(Z), because=r"$\sum_k \pi^*_k = 1$"),
    ],
    oracle=oracle_objective_at_optimum,
)

# --- documentation vocabulary ---------------------------------------------------------------
# π (π_θ) the policy, π_ref (π^ref, π_SFT) the reference, π* the optimal policy, r the reward,
# β the KL coefficient, Z the partition function, J(π) the KL-penalised objective.


def _doc_optimal(env):
    size = env.dim_value(n)
    return vector_value(lambda index: pi_star[index].xreplace({n: size}), size)


vocabulary = Vocabulary(
    domain_names=True,
    dims=dimension_names(n, ("Y",)),
    entries={
        **{name: vector_of(pi) for name in ("pi", "pi_theta", "pi^theta")},
        **{name: vector_of(pi_ref) for name in ("pi_ref", "pi^ref", "pi_SFT", "pi_sft", "pi_0")},
        **{name: ("vec", _doc_optimal) for name in ("pi*", "pi^*", "pi_star")},
        "Z": computed_number(lambda env: env.concretise(Z)),
        "J": function_of(lambda env, policy: env.concretise(J(policy.base))),
    },
    contexts=("x", "s", "c"),
    examples=[
        (
            r"\sum_y \pi(y \mid x)\left(r(x, y) - \beta \log \frac{\pi(y \mid x)}{\pi_{\mathrm{ref}}(y \mid x)}\right) = \sum_y \pi(y \mid x)\, r(x, y) - \beta D_{\mathrm{KL}}(\pi \| \pi_{\mathrm{ref}})",
            r"\sum_y \pi(y \mid x)\left(r(x, y) - \beta \log \frac{\pi(y \mid x)}{\pi_{\mathrm{ref}}(y \mid x)}\right) = \sum_y \pi(y \mid x)\, r(x, y) + \beta D_{\mathrm{KL}}(\pi \| \pi_{\mathrm{ref}})",
        ),
        (
            r"r(y) - \beta \log \frac{\pi^*(y)}{\pi_{\mathrm{ref}}(y)} = \beta \log Z",
            r"r(y) - \beta \log \frac{\pi^*(y)}{\pi_{\mathrm{ref}}(y)} = \log Z",
        ),
    ],
)


kl_penalised_reward = Result(
    vocabulary=vocabulary,
    title="The KL penalty as a per-sample reward",
    area="Alignment",
    claims=[as_expectation, slip, constant_at_optimum, value_at_optimum],
    domain=Domain(
        {
            n: dimension(1, 6),
            pi: probability_vector(n),
            pi_ref: probability_vector(n),
            r: vector(n, reals(-3, 3)),
            beta: positive(),
            j: index(n),
        }
    ),
    rules=[sp.Eq(Sum(pi[k], k, n), 1)],
    references=["ouyang2022", "rafailov2023"],
    uses=["dpo_optimal_policy"],
)
