"""The policy maximising expected reward minus β·D_KL(π‖π_ref) is π*_y = π_ref,y e^{r_y/β}/Z, so r_y = β log(π*_y/π_ref,y) + β log Z and Z cancels from Bradley–Terry preferences, which gives the DPO loss.

Over a finite set of n responses, with reference policy π_ref, rewards r and β > 0,
the objective J(π) = Σ_y π_y r_y − β D_KL(π‖π_ref) equals β log Z − β D_KL(π‖π*) for
every policy π, where Z = Σ_y π_ref,y e^{r_y/β}. Because D_KL ≥ 0, with equality only
at π = π* (Gibbs' inequality), π* is the unique maximiser and the maximum is β log Z.
The same π* is where the Lagrangian for the constraint Σ_y π_y = 1 is stationary.
Solving for r writes the reward through π*, up to the shift β log Z that is the same
for every response, so the shift cancels in the Bradley–Terry probability
sigmoid(r_i − r_j). Putting a trained policy π_θ in place of π* gives the DPO loss
−log sigmoid(β log(π_θ(y_w)/π_ref(y_w)) − β log(π_θ(y_l)/π_ref(y_l))).
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Statement, Step, dimension, index, positive, probability_vector, reals, vector
from derive.identities.gibbs_inequality import gibbs_inequality
from derive.notation import KL, EvaluatedAt, Logistic, Notation, PrintedName, Sum, delta, fresh_index, i, j, k, n, over
from derive.oracles import mp_kl, mp_logistic, mp_partial
from derive.vocabulary import (
    Vocabulary,
    call,
    computed_number,
    dimension_names,
    number_of,
    refuse,
    vector_of,
    vector_value,
)

# --- symbols and notation -------------------------------------------------------------


pi = sp.IndexedBase("pi", positive=True)  # a policy: a probability vector over the responses
# the assumption sits on the label, so SymPy keeps it when it rebuilds the vector
pi_ref = sp.IndexedBase(PrintedName("pi_ref", r"\pi^{\mathrm{ref}}", "π_ref", positive=True))
r = sp.IndexedBase("r", real=True)  # rewards
beta = sp.Symbol("beta", positive=True)
lam = sp.Symbol("lambda", real=True)  # Lagrange multiplier of Σ π_k = 1


class PartitionFunction(Notation):
    """Z = Σ_k π_ref,k exp(r_k/β), the normaliser of the optimal policy."""

    nargs = 4  # reward, reference policy, β, n

    def definition(self):
        reward, ref, scale, size = self.args
        dummy = fresh_index(size)
        return sp.Sum(ref[dummy] * sp.exp(reward[dummy] / scale), (dummy, 1, size))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return "Z"

    def _unicode(self, printer):
        return "Z"


class OptimalPolicy(sp.Function):
    """The vector π*; it has no value itself, ``pi_star[j]`` is its component j."""

    nargs = 4  # reward, reference policy, β, n

    def __getitem__(self, position):
        return OptimalPolicyEntry(self, position)

    def _latex(self, printer):
        return r"\pi^{*}"

    def _unicode(self, printer):
        return "π∗"


class OptimalPolicyEntry(Notation):
    """π*_j = π_ref,j exp(r_j/β) / Z, component j of the optimal policy."""

    nargs = 2  # the vector π*, the index

    def definition(self):
        policy, position = self.args
        reward, ref, scale, size = policy.args
        return ref[position] * sp.exp(reward[position] / scale) / PartitionFunction(reward, ref, scale, size)

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"\pi^{{*}}_{{{printer._print(self.args[1])}}}"

    def _unicode(self, printer):
        return f"π∗_{printer._print(self.args[1])}"


class Objective(Notation):
    """J(π) = Σ_k π_k r_k − β D_KL(π‖π_ref), expected reward with a KL penalty."""

    nargs = 5  # policy, reward, reference policy, β, n

    def definition(self):
        policy, reward, ref, scale, size = self.args
        dummy = fresh_index(size)
        return sp.Sum(policy[dummy] * reward[dummy], (dummy, 1, size)) - scale * KL(policy, ref, size)

    def _latex(self, printer):
        return rf"J({printer._print(self.args[0])})"

    def _unicode(self, printer):
        return f"J({printer._print(self.args[0])})"


class Lagrangian(Notation):
    """L(π, λ) = J(π) − λ(Σ_k π_k − 1), for maximising J under Σ_k π_k = 1."""

    nargs = 6  # policy, multiplier, reward, reference policy, β, n

    def definition(self):
        policy, multiplier, *data = self.args
        dummy = fresh_index(data[-1])
        return Objective(policy, *data) - multiplier * (sp.Sum(policy[dummy], (dummy, 1, data[-1])) - 1)

    def _latex(self, printer):
        return rf"L({printer._print(self.args[0])}, {printer._print(self.args[1])})"

    def _unicode(self, printer):
        return f"L({printer._print(self.args[0])}, {printer._print(self.args[1])})"


class MaximalValue(Notation):
    """max_π J(π) over the simplex.

    It unfolds to J(π*): by parts (c) and (d) of this result the maximum is attained
    at π*. The claim's oracle finds the maximum numerically, without that formula.
    """

    nargs = 4  # reward, reference policy, β, n

    def definition(self):
        return Objective(OptimalPolicy(*self.args), *self.args)

    def _latex(self, printer):
        return rf"\max_{{\pi \in \Delta^{{{printer._print(self.args[3])}}}}} J(\pi)"

    def _unicode(self, printer):
        return f"max_{{π∈Δ^{printer._print(self.args[3])}}} J(π)"


class Maximiser(Notation):
    """Component j of argmax_π J(π) over the simplex.

    It unfolds to π*_j, the unique maximiser by parts (c) and (d). The claim's oracle
    finds the maximiser numerically, without that formula.
    """

    nargs = 5  # reward, reference policy, β, n, the index

    def definition(self):
        *data, position = self.args
        return OptimalPolicy(*data)[position]

    def _latex(self, printer):
        size, position = (printer._print(a) for a in self.args[3:])
        return rf"\left(\operatorname{{argmax}}_{{\pi \in \Delta^{{{size}}}}} J(\pi)\right)_{{{position}}}"

    def _unicode(self, printer):
        size, position = (printer._print(a) for a in self.args[3:])
        return f"(argmax_{{π∈Δ^{size}}} J(π))_{position}"


Z = PartitionFunction(r, pi_ref, beta, n)
pi_star = OptimalPolicy(r, pi_ref, beta, n)


def J(policy):
    return Objective(policy, r, pi_ref, beta, n)


def implicit_reward(position):
    """β log(π*_y/π_ref,y): the reward π* implies, up to the shift β log Z."""
    return beta * sp.log(pi_star[position] / pi_ref[position])


derivative = sp.Derivative(Lagrangian(pi, lam, r, pi_ref, beta, n), pi[j])
derivative_closed = r[j] - beta * (sp.log(pi[j] / pi_ref[j]) + 1) - lam
lam_star = beta * sp.log(Z) - beta


# --- oracles: plain mpmath from the definitions ---------------------------------------


def mp_objective(policy, reward, ref, scale):
    """J(π) = Σ π_k r_k − β D_KL(π‖π_ref)."""
    return mpmath.fsum(p * v for p, v in zip(policy, reward)) - scale * mp_kl(policy, ref)


def mp_lagrangian(policy, multiplier, reward, ref, scale):
    """L(π, λ) = J(π) − λ(Σ π_k − 1)."""
    return mp_objective(policy, reward, ref, scale) - multiplier * (mpmath.fsum(policy) - 1)


def mp_partition(point):
    """Z = Σ π_ref,k exp(r_k/β)."""
    return mpmath.fsum(q * mpmath.exp(v / point.beta) for q, v in zip(point.pi_ref, point.r))


def mp_optimal_policy(point):
    """π*_k = π_ref,k exp(r_k/β) / Z."""
    total = mp_partition(point)
    return [q * mpmath.exp(v / point.beta) / total for q, v in zip(point.pi_ref, point.r)]


def oracle_derivative(point):
    def lagrangian(policy):
        return mp_lagrangian(policy, point[lam], point.r, point.pi_ref, point.beta)

    return mp_partial(lagrangian, point.pi, point.j - 1)


def oracle_stationary(point):
    multiplier = point.beta * mpmath.log(mp_partition(point)) - point.beta

    def lagrangian(policy):
        return mp_lagrangian(policy, multiplier, point.r, point.pi_ref, point.beta)

    return mp_partial(lagrangian, mp_optimal_policy(point), point.j - 1)


def oracle_objective(point):
    return mp_objective(point.pi, point.r, point.pi_ref, point.beta)


def _maximise(function, start, feasible):
    """A maximiser of a smooth concave ``function`` on an open convex set, by damped Newton.

    Gradient and Hessian come from mpmath.diff; each Newton step is halved until it
    stays ``feasible`` and does not lower the value beyond rounding. It stops once the
    gradient vanishes to working precision.
    """
    m = len(start)
    x = list(start)
    if m == 0:
        return x

    def partial(at, orders):
        return mpmath.diff(lambda *v: function(list(v)), at, orders)

    tolerance = mpmath.mpf(10) ** (8 - mpmath.mp.dps)
    for _ in range(100):
        grad = mpmath.matrix([partial(x, tuple(int(s == t) for s in range(m))) for t in range(m)])
        if mpmath.norm(grad) < tolerance:
            return x
        hess = mpmath.matrix(m, m)
        for a in range(m):
            for b in range(a, m):
                hess[a, b] = hess[b, a] = partial(x, tuple((s == a) + (s == b) for s in range(m)))
        direction = mpmath.lu_solve(hess, -grad)
        value = function(x)
        rounding = mpmath.mpf(10) ** (5 - mpmath.mp.dps) * max(1, abs(value))
        step = mpmath.mpf(1)
        while True:
            trial = [x[t] + step * direction[t] for t in range(m)]
            if feasible(trial) and function(trial) >= value - rounding:
                break
            step /= 2
            if step < tolerance:
                raise ValueError("no ascent step found")
        x = trial
    raise ValueError("Newton iteration for the maximiser did not converge")


def mp_argmax_objective(point):
    """argmax_π J(π) over the open simplex, found numerically in the coordinates π_1, …, π_{n−1}."""

    def policy(head):
        return list(head) + [1 - mpmath.fsum(head)]

    def value(head):
        return mp_objective(policy(head), point.r, point.pi_ref, point.beta)

    def feasible(head):
        return all(p > 0 for p in policy(head))

    uniform = [mpmath.mpf(1) / point.n] * (point.n - 1)
    return policy(_maximise(value, uniform, feasible))


def oracle_maximum(point):
    return mp_objective(mp_argmax_objective(point), point.r, point.pi_ref, point.beta)


def oracle_maximiser(point):
    return mp_argmax_objective(point)[point.j - 1]


def oracle_implicit_reward(point):
    optimal = mp_optimal_policy(point)[point.j - 1]
    return point.beta * mpmath.log(optimal / point.pi_ref[point.j - 1]) + point.beta * mpmath.log(mp_partition(point))


def oracle_preference(point):
    return mp_logistic(point.r[point.i - 1] - point.r[point.j - 1])


# --- claims ---------------------------------------------------------------------------

lagrange_derivative = Claim(
    label="derivative of the Lagrangian",
    text=r"The Lagrangian $L(\pi, \lambda) = J(\pi) - \lambda (\sum_k \pi_k - 1)$ of the constraint $\sum_k \pi_k = 1$ has",
    statement=sp.Eq(derivative, derivative_closed, evaluate=False),
    steps=[
        Step(derivative),
        Step(
            sp.Derivative(
                Sum(pi[k] * r[k], k, n)
                - beta * Sum(pi[k] * sp.log(pi[k] / pi_ref[k]), k, n)
                - lam * (Sum(pi[k], k, n) - 1),
                pi[j],
            ),
            because=r"definitions of $L$, $J$ and $D_{\mathrm{KL}}$",
        ),
        Step(
            Sum(delta(k, j) * r[k], k, n)
            - beta * Sum(delta(k, j) * (sp.log(pi[k] / pi_ref[k]) + 1), k, n)
            - lam * Sum(delta(k, j), k, n),
            because=r"$\partial \pi_k / \partial \pi_j = \delta_{kj}$ and $(t \log t)' = \log t + 1$",
        ),
        Step(derivative_closed, because=r"$\delta_{kj}$ picks the term $k = j$"),
    ],
    oracle=oracle_derivative,
)

stationary_point = EvaluatedAt(derivative, (pi[j], lam), (pi_star[j], lam_star))
stationarity = Claim(
    label="stationary at the optimal policy",
    text=(
        r"It vanishes at the optimal policy $\pi^*_j = \pi^{\mathrm{ref}}_j \exp(r_j/\beta) / Z$, "
        r"where $Z = \sum_k \pi^{\mathrm{ref}}_k \exp(r_k/\beta)$, with $\lambda^* = \beta \log Z - \beta$:"
    ),
    statement=sp.Eq(stationary_point, 0, evaluate=False),
    steps=[
        Step(stationary_point),
        Step(EvaluatedAt(derivative_closed, (pi[j], lam), (pi_star[j], lam_star)), by=lagrange_derivative),
        Step(
            r[j] - beta * (sp.log(pi_star[j] / pi_ref[j]) + 1) - lam_star, because=r"put in $\pi^*_j$ and $\lambda^*$"
        ),
        Step(r[j] - implicit_reward(j) - beta * sp.log(Z), because=r"$\beta$ and $-\beta$ cancel"),
        Step(r[j] - beta * sp.log(sp.exp(r[j] / beta) / Z) - beta * sp.log(Z), because=r"definition of $\pi^*_j$"),
        Step(r[j] - beta * (r[j] / beta - sp.log(Z)) - beta * sp.log(Z), because="log of a quotient"),
        Step(sp.Integer(0), because="cancel"),
    ],
    oracle=oracle_stationary,
)

gap_form = beta * sp.log(Z) - beta * KL(pi, pi_star, n)
as_divergence = Claim(
    label="objective as a divergence",
    text=r"For every policy $\pi$ the objective $J(\pi) = \sum_k \pi_k r_k - \beta D_{\mathrm{KL}}(\pi \,\|\, \pi^{\mathrm{ref}})$ is",
    statement=sp.Eq(J(pi), gap_form, evaluate=False),
    steps=[
        Step(J(pi)),
        Step(
            Sum(pi[k] * r[k], k, n) - beta * Sum(pi[k] * sp.log(pi[k] / pi_ref[k]), k, n),
            because=r"definitions of $J$ and $D_{\mathrm{KL}}$",
        ),
        Step(
            -beta * Sum(pi[k] * (sp.log(pi[k] / pi_ref[k]) - r[k] / beta), k, n), because=r"one sum, $-\beta$ taken out"
        ),
        Step(
            -beta * Sum(pi[k] * sp.log(over(pi[k], pi_ref[k] * sp.exp(r[k] / beta))), k, n),
            because=r"$r_k/\beta = \log \exp(r_k/\beta)$; log of a quotient",
        ),
        Step(
            -beta * Sum(pi[k] * sp.log(pi[k] / (Z * pi_star[k])), k, n),
            because=r"definition of $\pi^*$: $\pi^{\mathrm{ref}}_k \exp(r_k/\beta) = Z \pi^*_k$",
        ),
        Step(-beta * Sum(pi[k] * (sp.log(pi[k] / pi_star[k]) - sp.log(Z)), k, n), because="log of a quotient"),
        Step(
            beta * sp.log(Z) * Sum(pi[k], k, n) - beta * Sum(pi[k] * sp.log(pi[k] / pi_star[k]), k, n),
            because=r"split the sum; $\log Z$ does not depend on $k$",
        ),
        Step(gap_form, because=r"$\sum_k \pi_k = 1$; definition of $D_{\mathrm{KL}}$"),
    ],
    oracle=oracle_objective,
)

upper_bound = Claim(
    label="upper bound",
    text=r"Hence, with equality exactly when $D_{\mathrm{KL}}(\pi \,\|\, \pi^*) = 0$, that is when $\pi = \pi^*$,",
    statement=Statement(J(pi), "<=", beta * sp.log(Z)),
    steps=[
        Step(J(pi)),
        Step(gap_form, by=as_divergence),
        Step(
            beta * sp.log(Z),
            relation="<=",
            because=r"Gibbs' inequality $D_{\mathrm{KL}}(\pi \,\|\, \pi^*) \ge 0$ ({by}), and $\beta > 0$",
            by=gibbs_inequality,
        ),
    ],
    oracle=oracle_objective,
)

# The numerical maximisation needs a well-conditioned problem: with β ≥ 1/2 every
# component of the maximiser stays above about 1e-8. The formulas hold for all β > 0.
optimisation_domain = Domain(
    {
        n: dimension(1, 4),
        r: vector(n, reals(-3, 3)),
        pi_ref: probability_vector(n),
        beta: positive("0.5", 3),
        j: index(n),
    },
    points=6,
)

maximum = MaximalValue(r, pi_ref, beta, n)
maximal_value = Claim(
    label="maximal value",
    text=r"So the maximal value of the objective over the simplex is",
    statement=sp.Eq(maximum, beta * sp.log(Z), evaluate=False),
    steps=[
        Step(maximum),
        Step(
            beta * sp.log(Z) - beta * KL(pi_star, pi_star, n),
            because=r"by {by}, at $\pi = \pi^*$, where $D_{\mathrm{KL}}(\pi \,\|\, \pi^*)$ is smallest",
            by=as_divergence,
        ),
        Step(beta * sp.log(Z), because=r"$D_{\mathrm{KL}}(\pi^* \,\|\, \pi^*) = \sum_k \pi^*_k \log 1 = 0$"),
    ],
    oracle=oracle_maximum,
    domain=optimisation_domain,
)

maximiser = Maximiser(r, pi_ref, beta, n, j)
maximiser_claim = Claim(
    label="maximiser",
    text=r"and it is attained only at the optimal policy:",
    statement=sp.Eq(maximiser, pi_star[j], evaluate=False),
    steps=[
        Step(maximiser),
        Step(pi_star[j], because=r"by {by}, $J(\pi) < \beta \log Z$ unless $\pi = \pi^*$", by=upper_bound),
    ],
    oracle=oracle_maximiser,
    domain=optimisation_domain,
)

reward_recovered = implicit_reward(j) + beta * sp.log(Z)
reward_from_policy = Claim(
    label="reward from the optimal policy",
    text=r"Solving for the reward: $r_j$ is recovered from $\pi^*$ up to $\beta \log Z$, the same for every response,",
    statement=sp.Eq(reward_recovered, r[j], evaluate=False),
    steps=[
        Step(reward_recovered),
        Step(beta * sp.log(sp.exp(r[j] / beta) / Z) + beta * sp.log(Z), because=r"definition of $\pi^*_j$"),
        Step(beta * (r[j] / beta - sp.log(Z)) + beta * sp.log(Z), because="log of a quotient"),
        Step(r[j], because="cancel"),
    ],
    oracle=oracle_implicit_reward,
)

preference = Logistic(r[i] - r[j])
shifted_difference = sp.Add(
    sp.Add(implicit_reward(i), beta * sp.log(Z), evaluate=False),
    sp.Mul(-1, sp.Add(implicit_reward(j), beta * sp.log(Z), evaluate=False), evaluate=False),
    evaluate=False,
)
preference_claim = Claim(
    label="Bradley-Terry preference",
    text=(
        r"In the Bradley--Terry model response $i$ is preferred to response $j$ with probability "
        r"$\operatorname{sigmoid}(r_i - r_j)$, and $Z$ drops out of it; with a trained policy "
        r"$\pi_\theta$ in place of $\pi^*$, minus the log of the right-hand side is the DPO loss:"
    ),
    statement=sp.Eq(preference, Logistic(implicit_reward(i) - implicit_reward(j)), evaluate=False),
    steps=[
        Step(preference),
        Step(Logistic(shifted_difference), because="by {by}, for $i$ and for $j$", by=reward_from_policy),
        Step(Logistic(implicit_reward(i) - implicit_reward(j)), because=r"$\beta \log Z$ cancels"),
    ],
    oracle=oracle_preference,
)

# --- documentation vocabulary ---------------------------------------------------------------
# π (π_θ) the policy, π_ref (π^ref, π_SFT, π_0) the reference, π* (π_r) the optimal policy,
# r (r*, r_φ) the reward, β, λ, Z; the context x in π(y|x) is ignored; σ is the logistic function.


def _doc_optimal(env):
    size = env.dim_value(n)
    policy = OptimalPolicy(r, pi_ref, beta, size)
    return vector_value(lambda idx: OptimalPolicyEntry(policy, idx), size)


def _doc_dpo_loss(env, atom, side):
    """The DPO loss of the preferred response y_w over y_l, whichever of them the formula names first."""
    responses = {}
    for name in ("yw", "yl"):  # the index names of y_w and y_l
        taken = set(env.index_map.values()) | set(responses.values())
        free = [s for s in (i, j) if s not in taken]
        if name not in env.index_map and not free:
            refuse("the DPO loss needs the indices of y_w and y_l, and both are taken")
        responses[name] = env.index_map.setdefault(name, env.index_map.get(name) or free[0])
    win, lose = responses["yw"], responses["yl"]
    return -sp.log(Logistic(beta * sp.log(pi[win] / pi_ref[win]) - beta * sp.log(pi[lose] / pi_ref[lose])))


vocabulary = Vocabulary(
    size=n,
    dims=dimension_names(n, ("Y",)),
    indices=[i, j],
    entries={
        **{name: vector_of(pi) for name in ("pi", "pi_theta", "pi^theta")},
        **{name: vector_of(pi_ref) for name in ("pi_ref", "pi^ref", "pi_SFT", "pi_sft", "pi_0", "pi_refer")},
        **{name: ("vec", _doc_optimal) for name in ("pi*", "pi_r", "pi^*", "pi_star", "pi^opt")},
        **{name: vector_of(r) for name in ("r", "r*", "r_phi", "r^*")},
        "beta": number_of(beta),
        "lambda": number_of(lam),
        "Z": computed_number(lambda env: PartitionFunction(r, pi_ref, beta, env.dim_value(n))),
        **{name: call(_doc_dpo_loss) for name in ("cal_L_DPO", "L_DPO", "ell_DPO")},
    },
    sigma="logistic",
    contexts=("x", "s", "c"),
    examples=[
        (
            r"\pi^*(y \mid x) = \frac{1}{Z(x)} \pi_{\mathrm{ref}}(y \mid x) \exp\left(\frac{1}{\beta} r(x, y)\right)",
            r"\pi^*(y \mid x) = \frac{1}{Z(x)} \pi_{\mathrm{ref}}(y \mid x) \exp\left(\beta\, r(x, y)\right)",
        ),
        (
            r"r(x, y) = \beta \log \frac{\pi^*(y \mid x)}{\pi_{\mathrm{ref}}(y \mid x)} + \beta \log Z(x)",
            r"r(x, y) = \beta \log \frac{\pi_{\mathrm{ref}}(y \mid x)}{\pi^*(y \mid x)} + \beta \log Z(x)",
        ),
        (
            r"\mathcal{L}_{\mathrm{DPO}} = \log\left(1 + \left(\frac{\pi_{\mathrm{ref}}(y_w \mid x)\, \pi_\theta(y_l \mid x)}{\pi_\theta(y_w \mid x)\, \pi_{\mathrm{ref}}(y_l \mid x)}\right)^{\beta}\right)",
            r"\mathcal{L}_{\mathrm{DPO}} = \log\left(1 + \left(\frac{\pi_{\mathrm{ref}}(y_w \mid x)\, \pi_\theta(y_l \mid x)}{\pi_\theta(y_w \mid x)\, \pi_{\mathrm{ref}}(y_l \mid x)}\right)^{-\beta}\right)",
        ),
    ],
)


dpo_optimal_policy = Result(
    vocabulary=vocabulary,
    title="The optimal policy of KL-regularised reward maximisation (DPO)",
    area="Alignment",
    claims=[
        lagrange_derivative,
        stationarity,
        as_divergence,
        upper_bound,
        maximal_value,
        maximiser_claim,
        reward_from_policy,
        preference_claim,
    ],
    domain=Domain(
        {
            n: dimension(1, 5),
            pi: probability_vector(n),
            pi_ref: probability_vector(n),
            r: vector(n, reals(-3, 3)),
            beta: positive(),
            lam: reals(),
            i: index(n),
            j: index(n),
        }
    ),
    rules=[sp.Eq(Sum(pi[k], k, n), 1)],
    references=["rafailov2023", "bradley1952"],
    uses=["cross_entropy_decomposition"],
)
