"""The PPO clipped objective L(r) = min(rA, clip(r, 1 − ε, 1 + ε)A) equals min(r, 1 + ε)A for A > 0 and max(r, 1 − ε)A for A < 0, never exceeds rA, and is flat in r beyond the clip range on the side the advantage favours.

Here r = π_θ(a)/π_old(a) > 0 is the probability ratio of an action, A its advantage
and 0 < ε < 1 the clip width. For A > 0 the objective stops growing once r > 1 + ε,
and for A < 0 once r < 1 − ε: there the gradient with respect to r is zero, so an
update gains nothing by moving the ratio further from 1. On the other side of 1
the minimum keeps the unclipped rA, so a step that has made an action worse is
still fully penalised. The breakpoints r = 1 ± ε themselves, where L has a kink,
are not among the checked points.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Statement, Step, positive, reals
from derive.domain import Interval
from derive.notation import EvaluatedAt, Notation
from derive.vocabulary import Vocabulary, function_of, number_of

r = sp.Symbol("r", positive=True)  # probability ratio π_θ(a)/π_old(a)
epsilon = sp.Symbol("epsilon", positive=True)  # clip width
A = sp.Symbol("A", real=True)  # advantage, any sign
A_pos = sp.Symbol("A", positive=True)  # advantage when A > 0
A_neg = sp.Symbol("A", negative=True)  # advantage when A < 0
u = sp.Symbol("u", positive=True)  # distance beyond the clip range


class Clip(Notation):
    """clip(r, 1 − ε, 1 + ε) = min(max(r, 1 − ε), 1 + ε)."""

    nargs = 2  # r, ε

    def definition(self):
        ratio, width = self.args
        return sp.Min(sp.Max(ratio, 1 - width), 1 + width)

    def _eval_is_positive(self):
        return True

    def _latex(self, printer, exp=None):
        ratio, width = (printer._print(a) for a in self.args)
        tex = rf"\operatorname{{clip}}({ratio}, 1 - {width}, 1 + {width})"
        return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        ratio, width = (printer._print(a) for a in self.args)
        return f"clip({ratio}, 1 − {width}, 1 + {width})"


class ClippedObjective(Notation):
    """L(r) = min(r A, clip(r, 1 − ε, 1 + ε) A), PPO's clipped surrogate for one action."""

    nargs = 3  # r, ε, A

    def definition(self):
        ratio, width, advantage = self.args
        return sp.Min(ratio * advantage, Clip(ratio, width) * advantage)

    def _latex(self, printer, exp=None):
        tex = rf"L^{{\mathrm{{CLIP}}}}({printer._print(self.args[0])})"
        return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"

    def _unicode(self, printer, **kwargs):
        return f"L^CLIP({printer._print(self.args[0])})"


def L(advantage, ratio=r):
    return ClippedObjective(ratio, epsilon, advantage)


clip = Clip(r, epsilon)
upper_piecewise = sp.Piecewise((r * A_pos, r <= 1 + epsilon), ((1 + epsilon) * A_pos, True))
lower_piecewise = sp.Piecewise(((1 - epsilon) * A_neg, r <= 1 - epsilon), (r * A_neg, True))
above = 1 + epsilon + u  # a ratio beyond the clip range, r > 1 + ε
below = 1 - epsilon - u  # a ratio below the clip range, r < 1 − ε
slope_above = EvaluatedAt(sp.Derivative(L(A_pos), r), r, above)
slope_below = EvaluatedAt(sp.Derivative(L(A_neg), r), r, below)


# --- oracles: plain Python min and max on mpmath numbers --------------------------------


def mp_clip(ratio, width):
    return min(max(ratio, 1 - width), 1 + width)


def mp_objective(ratio, width, advantage):
    return min(ratio * advantage, mp_clip(ratio, width) * advantage)


def oracle_objective(point):
    return mp_objective(point.r, point.epsilon, point.A)


def oracle_slope_above(point):
    return mpmath.diff(lambda ratio: mp_objective(ratio, point.epsilon, point.A), 1 + point.epsilon + point.u)


def oracle_slope_below(point):
    return mpmath.diff(lambda ratio: mp_objective(ratio, point.epsilon, point.A), 1 - point.epsilon - point.u)


# --- claims -----------------------------------------------------------------------------

# ε < 1/2 and u < 1/2 keep the ratio 1 − ε − u positive; ratios r are drawn across both breakpoints
width = positive("0.05", "0.45")
beyond = positive("0.01", "0.5")
negative = Interval(-3, "-0.05")

positive_advantage = Claim(
    label="positive advantage",
    text=r"For an advantage $A > 0$ the clip only caps the ratio from above:",
    statement=sp.Eq(L(A_pos), upper_piecewise, evaluate=False),
    steps=[
        Step(L(A_pos)),
        Step(sp.Min(r * A_pos, clip * A_pos), because=r"definition of $L^{\mathrm{CLIP}}$"),
        Step(A_pos * sp.Min(r, clip), because=r"$A > 0$ comes out of the minimum", proof="further rules"),
        Step(
            A_pos * sp.Min(r, 1 + epsilon), because=r"$\operatorname{min}(r, \operatorname{max}(r, 1 - \epsilon)) = r$"
        ),
        Step(upper_piecewise, because=r"cases $r \le 1 + \epsilon$ and $r > 1 + \epsilon$", proof="case split"),
    ],
    oracle=oracle_objective,
    domain=Domain({r: positive("0.05", 3), epsilon: width, A_pos: positive("0.05", 3)}),
)

negative_advantage = Claim(
    label="negative advantage",
    text=r"For $A < 0$ it only caps the ratio from below:",
    statement=sp.Eq(L(A_neg), lower_piecewise, evaluate=False),
    steps=[
        Step(L(A_neg)),
        Step(sp.Min(r * A_neg, clip * A_neg), because=r"definition of $L^{\mathrm{CLIP}}$"),
        Step(
            A_neg * sp.Max(r, clip),
            because=r"$A < 0$ comes out and turns the minimum into a maximum",
            proof="further rules",
        ),
        Step(
            A_neg * sp.Max(r, 1 - epsilon),
            because=r"$\operatorname{max}(r, \operatorname{clip}(r, 1 - \epsilon, 1 + \epsilon)) = \operatorname{max}(r, 1 - \epsilon)$",
        ),
        Step(lower_piecewise, because=r"cases $r \le 1 - \epsilon$ and $r > 1 - \epsilon$", proof="case split"),
    ],
    oracle=oracle_objective,
    domain=Domain({r: positive("0.05", 3), epsilon: width, A_neg: negative}),
)

pessimistic = Claim(
    label="a lower bound on the unclipped objective",
    text=r"For every advantage $A$ the clipped objective is a pessimistic bound on the unclipped one:",
    statement=Statement(L(A), "<=", r * A),
    steps=[
        Step(L(A)),
        Step(sp.Min(r * A, clip * A), because=r"definition of $L^{\mathrm{CLIP}}$"),
        Step(r * A, relation="<=", because="a minimum is at most each of its arguments", proof="lattice bound"),
    ],
    oracle=oracle_objective,
    domain=Domain({r: positive("0.05", 3), epsilon: width, A: reals(-3, 3)}),
)

flat_above = Claim(
    label="no gain beyond 1 + epsilon",
    text=r"For $A > 0$ and a ratio $r = 1 + \epsilon + u$ beyond the clip range ($u > 0$), the slope in $r$ is zero:",
    statement=sp.Eq(slope_above, 0, evaluate=False),
    steps=[
        Step(slope_above),
        Step(
            EvaluatedAt(sp.Derivative(A_pos * sp.Min(r, 1 + epsilon), r), r, above),
            by=positive_advantage,
        ),
        Step(
            sp.Integer(0),
            because=r"$\operatorname{min}(r, 1 + \epsilon) = 1 + \epsilon$ for $r > 1 + \epsilon$, constant in $r$",
        ),
    ],
    oracle=oracle_slope_above,
    domain=Domain({epsilon: width, u: beyond, A_pos: positive("0.05", 3)}),
)

flat_below = Claim(
    label="no gain below 1 - epsilon",
    text=r"For $A < 0$ and a ratio $r = 1 - \epsilon - u$ below the clip range ($u > 0$), the slope is zero too:",
    statement=sp.Eq(slope_below, 0, evaluate=False),
    steps=[
        Step(slope_below),
        Step(
            EvaluatedAt(sp.Derivative(A_neg * sp.Max(r, 1 - epsilon), r), r, below),
            by=negative_advantage,
        ),
        Step(
            sp.Integer(0),
            because=r"$\operatorname{max}(r, 1 - \epsilon) = 1 - \epsilon$ for $r < 1 - \epsilon$, constant in $r$",
        ),
    ],
    oracle=oracle_slope_below,
    domain=Domain({epsilon: width, u: beyond, A_neg: negative}),
)

# --- documentation vocabulary ---------------------------------------------------------------
# r (r_t, ρ) the probability ratio π_θ(a)/π_old(a), A (\hat{A}, A_t) the advantage, ε the clip
# width, clip(r, 1 − ε, 1 + ε), and L^CLIP(r) = min(rA, clip(r, 1 − ε, 1 + ε) A) the PPO objective.


vocabulary = Vocabulary(
    domain_names=True,
    entries={
        "r_t": number_of(r),
        "rho": number_of(r),
        "hat_A": number_of(A),
        "A_t": number_of(A),
        "hat_A_t": number_of(A),
        "varepsilon": number_of(epsilon),
        **{
            name: function_of(lambda env, ratio: ClippedObjective(ratio, epsilon, A))
            for name in ("L^CLIP", "L_CLIP", "J^CLIP")
        },
    },
    symbols={"epsilon": epsilon, "A": A, "r": r},
    examples=[
        (r"L^{\mathrm{CLIP}}(r) \le r A", r"L^{\mathrm{CLIP}}(r) = r A"),
        (
            r"L^{\mathrm{CLIP}}(r) = \min\left(r A, \operatorname{clip}(r, 1 - \epsilon, 1 + \epsilon) A\right)",
            r"L^{\mathrm{CLIP}}(r) = \max\left(r A, \operatorname{clip}(r, 1 - \epsilon, 1 + \epsilon) A\right)",
        ),
    ],
)


ppo_clipped_objective = Result(
    vocabulary=vocabulary,
    title="The PPO clipped surrogate objective",
    area="Reinforcement learning",
    claims=[positive_advantage, negative_advantage, pessimistic, flat_above, flat_below],
    domain=Domain({r: positive("0.05", 3), epsilon: width, A: reals(-3, 3)}),
    references=["schulman2017"],
)
