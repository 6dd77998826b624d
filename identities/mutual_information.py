"""Mutual information I(X;Y) = D_KL(P_XY ‖ P_X P_Y) = H(X) + H(Y) − H(X,Y) = H(X) − H(X|Y) ≥ 0, and I(X;Y) = 0 when X and Y are independent.

Let X take n values and Y take m values with joint probabilities P_ij = P(X = i, Y = j) > 0,
marginals P_X(i) = Σ_j P_ij and P_Y(j) = Σ_i P_ij, and conditional P(i | j) = P_ij / P_Y(j).
The mutual information is the KL divergence of the joint from the product of its
marginals. Splitting the logarithm gives the entropy forms, with the conditional
entropy H(X|Y) = −Σ_ij P_ij log P(i|j) = H(X,Y) − H(Y); Gibbs' inequality, applied to the
nm joint outcomes, gives I(X;Y) ≥ 0, so conditioning never increases entropy on average.
The numeric checks draw random positive joint tables normalised to total mass 1.
"""

from dataclasses import dataclass

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, probability_vector
from derive.domain import ProbabilityVector, Sampler
from derive.notation import Notation, Sum, fresh_index, i, j, k, n
from derive.symbolic import canonical_dummies
from derive.vocabulary import Vocabulary, by_arguments

m = sp.Symbol("m", integer=True, positive=True)  # number of values of Y
P = sp.IndexedBase("P", positive=True)  # the joint table P_ij
a = sp.IndexedBase("a", positive=True)  # P_X of an independent pair
b = sp.IndexedBase("b", positive=True)  # P_Y of an independent pair


@dataclass(frozen=True)
class JointDistribution(Sampler):
    """A rows × cols table of positive probabilities with total mass 1."""

    rows: object
    cols: object

    def sample(self, rng, values):
        dimensions = {s: sp.Integer(v) for s, v in values.items() if isinstance(v, int)}
        rows, cols = (int(sp.sympify(size).xreplace(dimensions)) for size in (self.rows, self.cols))
        flat = ProbabilityVector(rows * cols).sample(rng, values)
        return mpmath.matrix([[flat[r * cols + c] for c in range(cols)] for r in range(rows)])

    def latex(self, name):
        return rf"{name} \in \Delta^{{{sp.latex(self.rows)} \times {sp.latex(self.cols)}}}"


class Outer(sp.Function):
    """The joint table of an independent pair, entries a_i b_j; shown as P."""

    nargs = 2

    def __getitem__(self, position):
        row, col = position
        return self.args[0][row] * self.args[1][col]

    def _latex(self, printer):
        return "P"

    def _unicode(self, printer):
        return "P"


class MarginalX(Notation):
    """P_X(i) = Σ_j P_ij."""

    nargs = 3  # joint, i, m

    def definition(self):
        joint, row, cols = self.args
        dummy = fresh_index(row, cols, m, n)
        return sp.Sum(joint[row, dummy], (dummy, 1, cols))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"P_X({printer._print(self.args[1])})"

    def _unicode(self, printer):
        return f"P_X({printer._print(self.args[1])})"


class MarginalY(Notation):
    """P_Y(j) = Σ_i P_ij."""

    nargs = 3  # joint, j, n

    def definition(self):
        joint, col, rows = self.args
        dummy = fresh_index(col, rows, m, n)
        return sp.Sum(joint[dummy, col], (dummy, 1, rows))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"P_Y({printer._print(self.args[1])})"

    def _unicode(self, printer):
        return f"P_Y({printer._print(self.args[1])})"


class _TableFunctional(Notation):
    """A quantity of the joint table: args (joint, n, m); subclasses give ``body`` and names."""

    nargs = 3
    latex_name = ""
    unicode_name = ""

    def definition(self):
        joint, rows, cols = self.args
        return self.body(joint, rows, cols)

    def _latex(self, printer):
        return self.latex_name

    def _unicode(self, printer):
        return self.unicode_name


def double_sum(expr, rows=n, cols=m):
    """Σ_{i=1}^{rows} Σ_{j=1}^{cols} expr."""
    return Sum(Sum(expr, j, cols), i, rows)


class EntropyX(_TableFunctional):
    latex_name, unicode_name = "H(X)", "H(X)"

    def body(self, joint, rows, cols):
        return -Sum(MarginalX(joint, i, cols) * sp.log(MarginalX(joint, i, cols)), i, rows)


class EntropyY(_TableFunctional):
    latex_name, unicode_name = "H(Y)", "H(Y)"

    def body(self, joint, rows, cols):
        return -Sum(MarginalY(joint, j, rows) * sp.log(MarginalY(joint, j, rows)), j, cols)


class JointEntropy(_TableFunctional):
    latex_name, unicode_name = "H(X, Y)", "H(X, Y)"

    def body(self, joint, rows, cols):
        return -double_sum(joint[i, j] * sp.log(joint[i, j]), rows, cols)


class ConditionalEntropy(_TableFunctional):
    latex_name, unicode_name = r"H(X \mid Y)", "H(X | Y)"

    def body(self, joint, rows, cols):
        return -double_sum(joint[i, j] * sp.log(joint[i, j] / MarginalY(joint, j, rows)), rows, cols)


class ProductKL(_TableFunctional):
    latex_name, unicode_name = r"D_{\mathrm{KL}}(P_{XY} \,\|\, P_X P_Y)", "D_KL(P_XY ‖ P_X P_Y)"

    def body(self, joint, rows, cols):
        return double_sum(
            joint[i, j] * sp.log(joint[i, j] / (MarginalX(joint, i, cols) * MarginalY(joint, j, rows))), rows, cols
        )


class MutualInformation(_TableFunctional):
    latex_name, unicode_name = "I(X; Y)", "I(X; Y)"

    def body(self, joint, rows, cols):
        return ProductKL(joint, rows, cols)


I = MutualInformation(P, n, m)
HX, HY, HXY, HX_Y = EntropyX(P, n, m), EntropyY(P, n, m), JointEntropy(P, n, m), ConditionalEntropy(P, n, m)
PX, PY = MarginalX(P, i, m), MarginalY(P, j, n)


# --- oracles: plain mpmath on the table ------------------------------------------------


def table(point):
    return [[point.P[r, c] for c in range(point.P.cols)] for r in range(point.P.rows)]


def mp_mutual_information(rows):
    px = [mpmath.fsum(row) for row in rows]
    py = [mpmath.fsum(col) for col in zip(*rows)]
    return mpmath.fsum(
        value * mpmath.log(value / (px[r] * py[c])) for r, row in enumerate(rows) for c, value in enumerate(row)
    )


def mp_conditional_entropy(rows):
    """H(X|Y) = Σ_j P_Y(j) H(X | Y = j), each H(X | Y = j) the entropy of the column j rescaled to mass 1."""
    total = mpmath.mpf(0)
    for col in zip(*rows):
        py = mpmath.fsum(col)
        total += py * -mpmath.fsum((v / py) * mpmath.log(v / py) for v in col)
    return total


def oracle_mutual_information(point):
    return mp_mutual_information(table(point))


def oracle_conditional_entropy(point):
    return mp_conditional_entropy(table(point))


def oracle_independent(point):
    return mp_mutual_information([[x * y for y in point.b] for x in point.a])


# --- claims ------------------------------------------------------------------------------

log_split = double_sum(P[i, j] * sp.log(P[i, j])) - double_sum(P[i, j] * sp.log(PX)) - double_sum(P[i, j] * sp.log(PY))

entropies = Claim(
    label="I = H(X) + H(Y) - H(X,Y)",
    text=(
        r"For a joint distribution $P \in \Delta^{n \times m}$ of $(X, Y)$, the mutual information "
        r"$I(X; Y) = D_{\mathrm{KL}}(P_{XY} \,\|\, P_X P_Y)$ is"
    ),
    statement=sp.Eq(I, HX + HY - HXY, evaluate=False),
    steps=[
        Step(I),
        Step(ProductKL(P, n, m), because="definition"),
        Step(
            double_sum(P[i, j] * sp.log(P[i, j] / (PX * PY))),
            because=r"definition of $D_{\mathrm{KL}}$ over the $nm$ outcomes",
        ),
        Step(log_split, because=r"log of a quotient of positive numbers"),
        Step(
            double_sum(P[i, j] * sp.log(P[i, j])) - Sum(PX * sp.log(PX), i, n) - Sum(PY * sp.log(PY), j, m),
            because=r"$\sum_j P_{i,j} = P_X(i)$ and $\sum_i P_{i,j} = P_Y(j)$",
        ),
        Step(HX + HY - HXY, because="definitions of the entropies"),
    ],
    oracle=oracle_mutual_information,
)

chain_rule = Claim(
    label="H(X|Y) = H(X,Y) - H(Y)",
    text=r"The conditional entropy, with $P(i \mid j) = P_{i,j}/P_Y(j)$, is what remains of $H(X, Y)$ once $Y$ is known:",
    statement=sp.Eq(HX_Y, HXY - HY, evaluate=False),
    steps=[
        Step(HX_Y),
        Step(-double_sum(P[i, j] * sp.log(P[i, j] / PY)), because="definition"),
        Step(
            -double_sum(P[i, j] * sp.log(P[i, j])) + double_sum(P[i, j] * sp.log(PY)),
            because="log of a quotient",
        ),
        Step(-double_sum(P[i, j] * sp.log(P[i, j])) + Sum(PY * sp.log(PY), j, m), because=r"$\sum_i P_{i,j} = P_Y(j)$"),
        Step(HXY - HY, because="definitions of the entropies"),
    ],
    oracle=oracle_conditional_entropy,
)

reduction = Claim(
    label="I = H(X) - H(X|Y)",
    text=r"So the mutual information is the reduction in the uncertainty of $X$ from knowing $Y$:",
    statement=sp.Eq(I, HX - HX_Y, evaluate=False),
    steps=[
        Step(I),
        Step(HX + HY - HXY, by=entropies),
        Step(HX - HX_Y, because=r"by {by}, $H(X, Y) - H(Y) = H(X \mid Y)$", by=chain_rule),
    ],
    oracle=oracle_mutual_information,
)

ratio = PX * PY / P[i, j]

nonnegative = Claim(
    label="I >= 0",
    text=r"It is never negative:",
    statement=sp.Ge(I, 0, evaluate=False),
    steps=[
        Step(I),
        Step(-double_sum(P[i, j] * sp.log(ratio)), because=r"definition; $\log(1/t) = -\log t$"),
        Step(
            -double_sum(P[i, j] * (ratio - 1)),
            because=r"$\log t \le t - 1$ at $t = P_X(i) P_Y(j) / P_{i,j}$",
            relation=">=",
        ),
        Step(double_sum(P[i, j]) - double_sum(PX * PY), because="multiply out"),
        Step(
            double_sum(P[i, j]) - Sum(PX, i, n) * Sum(PY, j, m), because="the double sum of a product of factors splits"
        ),
        Step(
            sp.Integer(0),
            because=r"each of $\sum_{i,j} P_{i,j}$, $\sum_i P_X(i)$, $\sum_j P_Y(j)$ is the total mass $1$",
        ),
    ],
    oracle=oracle_mutual_information,
)

independent_table = Outer(a, b)
I_independent = MutualInformation(independent_table, n, m)

independence = Claim(
    label="I = 0 if independent",
    text=(
        r"If $X$ and $Y$ are independent, $P_{i,j} = a_i b_j$ with $a \in \Delta^n$, $b \in \Delta^m$, "
        r"then the marginals are $a$ and $b$ and"
    ),
    statement=sp.Eq(I_independent, 0, evaluate=False),
    steps=[
        Step(I_independent),
        Step(
            double_sum(a[i] * b[j] * sp.log(a[i] * b[j] / (Sum(a[i] * b[k], k, m) * Sum(a[k] * b[j], k, n)))),
            because=r"definition, with $P_X(i) = \sum_k a_i b_k$ and $P_Y(j) = \sum_k a_k b_j$",
        ),
        Step(double_sum(a[i] * b[j] * sp.log(sp.Integer(1), evaluate=False)), because=r"$\sum_k b_k = \sum_k a_k = 1$"),
        Step(sp.Integer(0), because=r"$\log 1 = 0$"),
    ],
    oracle=oracle_independent,
    domain=Domain({n: dimension(1, 3), m: dimension(1, 3), a: probability_vector(n), b: probability_vector(m)}),
)

# The total mass Σ_i Σ_j P_ij = 1, summed in either order. The symbolic checker matches a
# rule's left side against sums whose indices it has already renamed canonically, so
# the double sums are given in that canonical form.
total_mass = [canonical_dummies(Sum(Sum(P[i, j], j, m), i, n)), canonical_dummies(Sum(Sum(P[i, j], i, n), j, m))]

# --- documentation vocabulary ---------------------------------------------------------------
# X takes n values and Y takes m values with a joint distribution P; H(X), H(Y), H(X, Y),
# H(X | Y), H(Y | X) and I(X; Y) (also I(X, Y)) over that joint distribution.

_doc_entropies = {
    "X": HX,
    "Y": HY,
    "X,Y": HXY,
    "Y,X": HXY,
    "X|Y": HX_Y,
    "Y|X": HXY - HX,
}
_doc_information = {"X;Y": I, "Y;X": I, "X,Y": I}

vocabulary = Vocabulary(
    size=n,
    dims={"n": n, "m": m},
    entries={"H": by_arguments(_doc_entropies, "H"), "I": by_arguments(_doc_information, "I")},
    examples=[
        (r"I(X;Y) = H(X) - H(X \mid Y)", r"I(X;Y) = H(X) + H(X \mid Y)"),
        (r"H(X, Y) = H(X) + H(Y \mid X)", r"H(X, Y) = H(X) + H(Y)"),
        (r"I(X;Y) = H(X) + H(Y) - H(X,Y) \ge 0", r"I(X;Y) = H(X) + H(Y) - H(X,Y) \ge H(X)"),
    ],
)


mutual_information = Result(
    vocabulary=vocabulary,
    title="Mutual information",
    area="Information theory",
    claims=[entropies, chain_rule, reduction, nonnegative, independence],
    domain=Domain({n: dimension(1, 3), m: dimension(1, 3), P: JointDistribution(n, m)}),
    rules=[sp.Eq(mass, 1) for mass in total_mass] + [sp.Eq(Sum(a[k], k, n), 1), sp.Eq(Sum(b[k], k, m), 1)],
    uses=["gibbs_inequality"],
    references=["shannon1948", "cover2006"],
)
