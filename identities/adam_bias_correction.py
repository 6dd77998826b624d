"""Adam's moment estimates started at zero are biased, E[m_t] = (1 − β1^t) μ and E[v_t] = (1 − β2^t) ν, so dividing by 1 − β^t makes them unbiased: E[m̂_t] = μ and E[v̂_t] = ν.

The recursion m_t = β1 m_{t−1} + (1 − β1) g_t with m_0 = 0 unrolls to
m_t = (1 − β1) Σ_{s=1}^t β1^{t−s} g_s, a weighted sum of the gradients whose weights
add up to 1 − β1^t instead of 1 (a geometric sum). If every gradient has the same
mean, E[g_s] = μ, linearity gives E[m_t] = (1 − β1^t) μ; the second-moment estimate
v_t, the same recursion on g_s² with β2, gives E[v_t] = (1 − β2^t) ν with ν = E[g_s²].
Only linearity and these equal means are used, not independence. For the numeric
checks the gradients are g_s = μ + σ ξ_s with ξ_s independent, mean 0 and variance 1,
so μ is the mean and ν = μ² + σ².
"""

from dataclasses import replace

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Step, dimension, positive, reals, vector
from derive.domain import Point
from derive.expectation import Independent, Law
from derive.identities.linearity_of_expectation import linearity_of_expectation
from derive.notation import Notation
from derive.oracles import mp_expectation_iid
from derive.vocabulary import Vocabulary, call, refuse, sequence, subscript_value

t = sp.Symbol("t", integer=True, positive=True)  # step count
s = sp.Symbol("s", integer=True, positive=True)  # summation index over steps
beta1 = sp.Symbol("beta_1", positive=True)
beta2 = sp.Symbol("beta_2", positive=True)
mu = sp.Symbol("mu", real=True)  # mean of every gradient
sigma = sp.Symbol("sigma", positive=True)  # standard deviation of every gradient
g = sp.IndexedBase("g", real=True)  # a fixed gradient sequence (parts a, b)
xi = sp.IndexedBase("xi", real=True)  # standardised noise of the random gradients
law = Law("L")
model = Independent({xi: law})
E = model.E
nu = mu**2 + sigma**2  # E[g_s^2]


class RecursiveAverage(Notation):
    """m_t = β m_{t−1} + (1 − β) g_t with m_0 = 0, written out for a concrete t.

    For a symbolic t the recursion has no finite form, so the symbolic checker cannot
    unfold it: a step that needs it (induction on t) stays numeric-only.
    """

    nargs = 2  # β, t

    def definition(self):
        rate, steps = self.args
        if not steps.is_Integer:
            raise ValueError("the recursion m_t is written out only for a concrete t")
        value = sp.Integer(0)
        for step in range(1, int(steps) + 1):
            value = rate * value + (1 - rate) * g[step]
        return value

    def _latex(self, printer, exp=None):
        tex = rf"m_{{{printer._print(self.args[1])}}}"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return f"m_{printer._print(self.args[1])}"


class Gradient(Notation):
    """g_s = μ + σ ξ_s, the random gradient at step s (mean μ, variance σ²)."""

    nargs = 1

    def definition(self):
        return mu + sigma * xi[self.args[0]]

    def _latex(self, printer, exp=None):
        tex = rf"g_{{{printer._print(self.args[0])}}}"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return f"g_{printer._print(self.args[0])}"


class Estimate(Notation):
    """An Adam moment estimate: m_t (power 1, β1) or v_t (power 2, β2), unrolled, optionally bias-corrected."""

    nargs = 4  # β, t, power of the gradient, corrected (0 or 1)

    def definition(self):
        rate, steps, power, corrected = self.args
        unrolled = (1 - rate) * sp.Sum(rate ** (steps - s) * Gradient(s) ** power, (s, 1, steps))
        return unrolled / (1 - rate**steps) if corrected else unrolled

    def _latex(self, printer, exp=None):
        name = "m" if self.args[2] == 1 else "v"
        name = rf"\hat{{{name}}}" if self.args[3] else name
        tex = rf"{name}_{{{printer._print(self.args[1])}}}"
        return tex if exp is None else rf"{tex}^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        name = "m" if self.args[2] == 1 else "v"
        return f"{name}{chr(0x302) if self.args[3] else ''}_{printer._print(self.args[1])}"


def unrolled(rate, steps, values=g):
    """(1 − β) Σ_{s=1}^{steps} β^{steps−s} values_s."""
    return (1 - rate) * sp.Sum(rate ** (steps - s) * values[s], (s, 1, steps))


m_t = Estimate(beta1, t, 1, 0)
v_t = Estimate(beta2, t, 2, 0)
m_hat = Estimate(beta1, t, 1, 1)
v_hat = Estimate(beta2, t, 2, 1)

recursion_lhs = beta1 * unrolled(beta1, t - 1) + (1 - beta1) * g[t]


# --- oracles: the recursion run in mpmath ----------------------------------------------


def mp_run(rate, values, correct=False):
    """Run m ← β m + (1 − β) value from m = 0 over ``values``; divide by 1 − β^t if ``correct``."""
    state = mpmath.mpf(0)
    for value in values:
        state = rate * state + (1 - rate) * value
    return state / (1 - rate ** len(values)) if correct else state


def oracle_recursion_step(point):
    previous = mp_run(point.beta_1, point.g[: point.t - 1])  # m_{t−1}
    return point.beta_1 * previous + (1 - point.beta_1) * point.g[point.t - 1]


def oracle_unrolled(point):
    return mp_run(point.beta_1, point.g)


def _expected_estimate(point, rate, power, correct):
    atoms = point.L
    half = len(atoms) // 2
    values, weights = atoms[:half], atoms[half:]

    def run(noise):
        return mp_run(rate, [(point.mu + point.sigma * x) ** power for x in noise], correct)

    return mp_expectation_iid(values, weights, point.t, run)


def oracle_first(point):
    return _expected_estimate(point, point.beta_1, 1, False)


def oracle_first_corrected(point):
    return _expected_estimate(point, point.beta_1, 1, True)


def oracle_second(point):
    return _expected_estimate(point, point.beta_2, 2, False)


def oracle_second_corrected(point):
    return _expected_estimate(point, point.beta_2, 2, True)


# --- claims -----------------------------------------------------------------------------

rate = positive("0.05", "0.95")
sequence_domain = Domain({t: dimension(1, 8), beta1: rate, g: vector(t, reals(-3, 3))})

recursion_step = Claim(
    label="the unrolled form obeys the recursion",
    text=r"The sum $(1 - \beta_1) \sum_{s=1}^{t} \beta_1^{t-s} g_s$ obeys the recursion of $m_t$:",
    statement=sp.Eq(recursion_lhs, unrolled(beta1, t), evaluate=False),
    steps=[
        Step(recursion_lhs),
        Step(
            (1 - beta1) * sp.Sum(beta1 ** (t - s) * g[s], (s, 1, t - 1)) + (1 - beta1) * g[t],
            because=r"$\beta_1 \beta_1^{t-1-s} = \beta_1^{t-s}$",
            proof="further rules",
        ),
        Step(unrolled(beta1, t), because=r"$(1 - \beta_1) g_t$ is the term $s = t$ of the sum", proof="further rules"),
    ],
    oracle=oracle_recursion_step,
    domain=sequence_domain,
)

unrolling = Claim(
    label="unrolled first moment",
    text=r"Since the sum is $0$ for $t = 0$, like $m_0$, induction on $t$ gives for every gradient sequence",
    statement=sp.Eq(RecursiveAverage(beta1, t), unrolled(beta1, t), evaluate=False),
    steps=[
        Step(RecursiveAverage(beta1, t)),
        Step(unrolled(beta1, t), because=r"induction on $t$ with {by}, from $m_0 = 0$", by=recursion_step),
    ],
    oracle=oracle_unrolled,
    domain=sequence_domain,
)


def biased_claim(estimate, rate_symbol, power, moment, name, oracle):
    body = (1 - rate_symbol) * rate_symbol ** (t - s)
    return Claim(
        label=f"biased {name} moment",
        text=(
            r"If every gradient has mean $\mu$, the estimate started at $0$ is biased towards $0$ "
            r"(by the factor $1 - \beta_1^t$, as $0 < \beta_1 < 1$):"
            if power == 1
            else r"The second-moment estimate $v_t$, the same recursion on $g_t^2$ with $0 < \beta_2 < 1$, "
            r"has, with $\nu = \mathbb{E}[g_s^2] = \mu^2 + \sigma^2$,"
        ),
        statement=sp.Eq(E(estimate), (1 - rate_symbol**t) * moment, evaluate=False),
        steps=[
            Step(E(estimate)),
            Step(
                (1 - rate_symbol) * sp.Sum(rate_symbol ** (t - s) * E(Gradient(s) ** power), (s, 1, t)),
                because=r"by {by1}; linearity of $\mathbb{E}$ ({by2})",
                by=(unrolling, linearity_of_expectation),
            ),
            Step(
                sp.Sum(body * moment, (s, 1, t)),
                because=r"$\mathbb{E}[g_s] = \mu$ for every $s$"
                if power == 1
                else r"$\mathbb{E}[g_s^2] = \nu$ for every $s$",
            ),
            Step(
                (1 - rate_symbol**t) * moment,
                because=r"geometric sum: the weights $(1 - \beta)\beta^{t-s}$ add up to $1 - \beta^t$",
                proof="further rules",
            ),
        ],
        oracle=oracle,
    )


def corrected_claim(estimate, corrected, rate_symbol, moment, name, oracle, biased):
    return Claim(
        label=f"unbiased {name} moment",
        text=r"so the bias-corrected estimate is unbiased:",
        statement=sp.Eq(E(corrected), moment, evaluate=False),
        steps=[
            Step(E(corrected)),
            Step(
                E(estimate) / (1 - rate_symbol**t),
                because=r"linearity of $\mathbb{E}$ ({by}); $1 - \beta^t > 0$",
                by=linearity_of_expectation,
            ),
            Step(moment, by=biased, proof="further rules"),
        ],
        oracle=oracle,
    )


first = biased_claim(m_t, beta1, 1, mu, "first", oracle_first)
first_corrected = corrected_claim(m_t, m_hat, beta1, mu, "first", oracle_first_corrected, first)
second = biased_claim(v_t, beta2, 2, nu, "second", oracle_second)
second_corrected = corrected_claim(v_t, v_hat, beta2, nu, "second", oracle_second_corrected, second)

# --- documentation vocabulary ---------------------------------------------------------------
# m_t, v_t the moment estimates and \hat m_t, \hat v_t their bias corrections, sequences over the
# step t (m_{t-1}, m_1 too); g_t the gradients with mean μ and variance σ²; β_1, β_2 the decay rates.


def _bias_corrected(name, rate):
    """\\hat m_t = m_t / (1 - β_1^t), with m_t what the document means (the result's estimate, or a number the tag
    declares)."""

    def read(env, atom, side):
        step = subscript_value(env, atom.sub_text, t)
        if step is None:
            refuse(f"{atom.key} is a sequence over t: write it with a step, e.g. {atom.key}_t")
        return env.atom(replace(atom, key=name), side) / (1 - rate**step)

    return call(read)


vocabulary = Vocabulary(
    domain_names=True,
    entries={
        "m": sequence(lambda step, env: Estimate(beta1, step, 1, 0), t),
        "v": sequence(lambda step, env: Estimate(beta2, step, 2, 0), t),
        "hat_m": _bias_corrected("m", beta1),
        "hat_v": _bias_corrected("v", beta2),
        "g": sequence(lambda step, env: Gradient(step), t),
    },
    expectation=(E, None),
    examples=[
        (r"\mathbb{E}[\hat{m}_t] = \mu", r"\mathbb{E}[m_t] = \mu"),
        (r"\mathbb{E}[v_t] = (1 - \beta_2^t)(\mu^2 + \sigma^2)", r"\mathbb{E}[v_t] = (1 - \beta_2)(\mu^2 + \sigma^2)"),
        (r"\mathbb{E}[\hat{v}_t] = \mu^2 + \sigma^2", r"\mathbb{E}[\hat{v}_{t}] = \mathbb{E}[v_{t-1}]"),
        (  # the corrections of moments the tag declares numbers: the step with ε moved inside the square root
            r"\alpha \frac{\sqrt{1-\beta_2^t}}{1-\beta_1^t} \frac{m_t}{\sqrt{v_t} + \sqrt{1-\beta_2^t}\,\epsilon}"
            r" = \alpha \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}",
            r"\alpha \frac{\sqrt{1-\beta_2^t}}{1-\beta_1^t} \frac{m_t}{\sqrt{v_t} + (1-\beta_2^t)\epsilon}"
            r" = \alpha \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}",
            r"\alpha: positive; m_t: real; v_t: positive; \epsilon: positive",
        ),
    ],
)


adam_bias_correction = Result(
    vocabulary=vocabulary,
    title="Bias correction of the Adam moment estimates",
    area="Optimisation",
    claims=[recursion_step, unrolling, first, first_corrected, second, second_corrected],
    domain=Domain(
        {
            t: dimension(1, 5),
            beta1: rate,
            beta2: rate,
            mu: reals(-2, 2),
            sigma: positive("0.1", 2),
            **model.samplers(),
        }
    ),
    rules=model.rules(),
    references=["kingma2015"],
    remarks=[
        Remark(
            r"With the default $\beta_2 = 0.999$, after $t = 10$ steps $\mathbb{E}[v_t]$ is only {value} of $\nu$: "
            r"dividing by $\sqrt{v_t}$ instead of $\sqrt{\hat{v}_t}$ would make the step about $10$ times too large.",
            1 - beta2**t,
            Point({beta2: mpmath.mpf("0.999"), t: 10}),
        ),
    ],
)
