"""The step sizes η_t = 1/t meet both Robbins–Monro conditions, Σ η_t = ∞ and Σ η_t² = π²/6 < ∞, while η_t = 1/√t meets only the first: Σ 1/√t = ∞ and Σ (1/√t)² = Σ 1/t = ∞.

Stochastic approximation converges under Σ_t η_t = ∞ (the steps can travel any
distance) and Σ_t η_t² < ∞ (the accumulated noise stays bounded). Divergence is
shown by partial sums that grow without bound: Σ_{t≤N} 1/t > log(N + 1) and
Σ_{t≤N} 1/√t ≥ √N. Note that Σ 1/√t diverges even though the analytic continuation
ζ(1/2) ≈ −1.46 is finite, so a series accelerator or ζ is no oracle for a divergent sum.
"""

import functools

import mpmath
import sympy as sp

from derive import Claim, Domain, Remark, Result, Statement, Step, dimensions
from derive.domain import Point
from derive.vocabulary import Vocabulary

t = sp.Symbol("t", integer=True, positive=True)  # step
N = sp.Symbol("N", integer=True, positive=True)  # number of steps in a partial sum


def total(term, upper=N):
    """Σ_{t=1}^{upper} term."""
    return sp.Sum(term, (t, 1, upper))


harmonic_squares = total(1 / t**2, sp.oo)
harmonic = total(1 / t)
root_steps = total(1 / sp.sqrt(t))
root_squares = total(sp.Pow(1 / sp.sqrt(t), 2, evaluate=False))


# --- oracles: the partial sums in plain mpmath, and mpmath's nsum for the convergent series ---


def oracle_harmonic_squares(point):
    """mpmath's nsum of the series; it holds no value of the point, so it is summed once per precision."""
    return _basel_by_nsum(mpmath.mp.prec)


@functools.cache
def _basel_by_nsum(prec):
    return mpmath.nsum(lambda step: 1 / step**2, [1, mpmath.inf])


def oracle_harmonic(point):
    return mpmath.fsum(mpmath.mpf(1) / step for step in range(1, point.N + 1))


def oracle_root_steps(point):
    return mpmath.fsum(1 / mpmath.sqrt(step) for step in range(1, point.N + 1))


def oracle_root_squares(point):
    return mpmath.fsum((1 / mpmath.sqrt(step)) ** 2 for step in range(1, point.N + 1))


# --- claims -----------------------------------------------------------------------------

square_summable = Claim(
    label="1/t is square-summable",
    text=r"For $\eta_t = 1/t$ the squared step sizes have a finite sum (Euler's Basel sum):",
    statement=sp.Eq(harmonic_squares, sp.pi**2 / 6, evaluate=False),
    steps=[
        Step(harmonic_squares),
        Step(sp.pi**2 / 6, because=r"Euler: $\sum_{t \ge 1} 1/t^2 = \zeta(2) = \pi^2/6$"),
    ],
    oracle=oracle_harmonic_squares,
)

harmonic_diverges = Claim(
    label="1/t is not summable",
    text=r"while the steps themselves have partial sums above $\log(N + 1)$, so $\sum_t 1/t = \infty$:",
    statement=Statement(harmonic, ">", sp.log(N + 1)),
    steps=[
        Step(harmonic),
        Step(
            total(sp.log(t + 1) - sp.log(t)),
            relation=">",
            because=r"$1/t > \log(1 + 1/t)$ for $t > 0$, since $\log(1 + x) < x$ for $x > 0$",
        ),
        Step(sp.log(N + 1), because=r"the sum telescopes; $\log 1 = 0$"),
    ],
    oracle=oracle_harmonic,
)

root_diverges = Claim(
    label="1/sqrt(t) is not summable",
    text=r"For $\eta_t = 1/\sqrt{t}$ the steps are not summable either: each of the first $N$ is at least $1/\sqrt{N}$, so",
    statement=Statement(root_steps, ">=", sp.sqrt(N)),
    steps=[
        Step(root_steps),
        Step(total(1 / sp.sqrt(N)), relation=">=", because=r"$1/\sqrt{t} \ge 1/\sqrt{N}$ for $t \le N$"),
        Step(sp.sqrt(N), because=r"$N$ equal terms: $N/\sqrt{N} = \sqrt{N}$"),
    ],
    oracle=oracle_root_steps,
)

root_not_square_summable = Claim(
    label="1/sqrt(t) is not square-summable",
    text=r"but its squares are the harmonic steps $1/t$, which by {by} have no finite sum, so $\eta_t = 1/\sqrt{t}$ fails the second condition:",
    text_by=harmonic_diverges,
    statement=Statement(root_squares, ">", sp.log(N + 1)),
    steps=[
        Step(root_squares),
        Step(harmonic, because=r"$(1/\sqrt{t})^2 = 1/t$"),
        Step(sp.log(N + 1), relation=">", by=harmonic_diverges),
    ],
    oracle=oracle_root_squares,
)

# --- documentation vocabulary ---------------------------------------------------------------
# N the number of steps, t the step (a summation variable).

vocabulary = Vocabulary(
    domain_names=True,
    dims={"T": N, "n": N},
    examples=[
        (r"\sum_{t=1}^{N} \frac{1}{\sqrt{t}} \ge \sqrt{N}", r"\sum_{t=1}^{N} \frac{1}{\sqrt{t}} \ge N"),
        (r"\sum_{t=1}^{N} \frac{1}{t} > \log(N + 1)", r"\sum_{t=1}^{N} \frac{1}{t} > \log(N + 2)"),
    ],
)


robbins_monro_step_sizes = Result(
    vocabulary=vocabulary,
    title="Robbins-Monro step sizes: 1/t and 1/sqrt(t)",
    area="Optimisation",
    claims=[square_summable, harmonic_diverges, root_diverges, root_not_square_summable],
    domain=Domain({N: dimensions(1, 2, 3, 4, 7, 12, 50)}),
    references=["robbins1951"],
    remarks=[
        Remark(
            r"The divergence is slow: the first $N = 10^6$ steps $1/t$ add up to about "
            r"$\log N + 0.5772 \approx {value}$ (the gap tends to Euler's constant).",
            sp.log(N) + sp.EulerGamma,
            Point({N: 10**6}),
        ),
    ],
)
