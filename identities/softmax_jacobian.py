"""The softmax Jacobian is ∂σ_i/∂z_j = σ_i(δ_ij − σ_j), i.e. diag(σ) − σσᵀ, and each of its rows sums to 0.

Holds for every dimension n ≥ 1 and all logits z ∈ ℝⁿ; derived by the quotient rule
from σ_i = e^{z_i} / Σ_k e^{z_k}. The row sums vanish because Σ_j σ_j = 1: adding
the same constant to every logit leaves the softmax unchanged.
"""

import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, index, reals, vector
from derive.notation import Softmax, Sum, delta, i, j, k, n, softmax, z
from derive.oracles import mp_partial, mp_softmax
from derive.vocabulary import Vocabulary, dimension_names, matrix_of, softmax_of, vector_of

total = Sum(sp.exp(z[k]), k, n)  # Σ_k e^{z_k}
jacobian_entry = sp.Derivative(softmax(i), z[j])
closed_form = softmax(i) * (delta(i, j) - softmax(j))


def oracle_entry(point):
    return mp_partial(lambda logits: mp_softmax(logits)[point.i - 1], point.z, point.j - 1)


def oracle_row_sum(point):
    return sum(mp_partial(lambda logits: mp_softmax(logits)[point.i - 1], point.z, col) for col in range(point.n))


entrywise = Claim(
    label="entries",
    text=r"The Jacobian of the softmax has entries",
    statement=sp.Eq(jacobian_entry, closed_form, evaluate=False),
    steps=[
        Step(jacobian_entry),
        Step(sp.Derivative(sp.exp(z[i]) / total, z[j]), because="definition of the softmax"),
        Step(
            (delta(i, j) * sp.exp(z[i]) * total - sp.exp(z[i]) * Sum(delta(j, k) * sp.exp(z[k]), k, n)) / total**2,
            because=r"quotient rule, with $\partial z_k/\partial z_j = \delta_{kj}$",
        ),
        Step(
            (delta(i, j) * sp.exp(z[i]) * total - sp.exp(z[i]) * sp.exp(z[j])) / total**2,
            because=r"$\delta_{kj}$ picks the term $k = j$ out of the sum",
        ),
        Step(
            (sp.exp(z[i]) / total) * (delta(i, j) - sp.exp(z[j]) / total),
            because=r"factor out $e^{z_i}/\sum_k e^{z_k}$",
        ),
        Step(closed_form, because="definition of the softmax"),
    ],
    oracle=oracle_entry,
)

matrix_form = Claim(
    label="matrix form",
    text=r"Equivalently $J = \operatorname{diag}(\sigma) - \sigma\sigma^{\top}$, entry by entry:",
    statement=sp.Eq(closed_form, softmax(i) * delta(i, j) - softmax(i) * softmax(j), evaluate=False),
    steps=[
        Step(closed_form),
        Step(
            softmax(i) * delta(i, j) - softmax(i) * softmax(j), because="distribute: diagonal part minus outer product"
        ),
    ],
    oracle=oracle_entry,
)

row_sum = Claim(
    label="rows sum to zero",
    text=r"Each row of the Jacobian sums to zero:",
    statement=sp.Eq(Sum(closed_form, j, n), 0, evaluate=False),
    steps=[
        Step(Sum(closed_form, j, n)),
        Step(
            softmax(i) - softmax(i) * Sum(softmax(j), j, n),
            because=r"$\delta_{ij}$ picks $j = i$; $\sigma_i$ does not depend on $j$",
        ),
        Step(sp.Add(softmax(i), -softmax(i), evaluate=False), because=r"$\sum_j \sigma_j = 1$"),
        Step(sp.Integer(0), because="cancel"),
    ],
    oracle=oracle_row_sum,
)

# --- documentation vocabulary ---------------------------------------------------------------
# σ, s, p, \hat{y}, ... for the softmax output; z, logits, u for the logits; J for the Jacobian.

vocabulary = Vocabulary(
    size=n,
    dims=dimension_names(n),
    indices=[i, j],
    entries={
        **{name: softmax_of(z, n) for name in ("sigma", "s", "S", "p", "y", "hat_y", "hat_p", "q", "a", "o", "bar_y")},
        **{name: vector_of(z) for name in ("z", "logits", "u", "l", "x_logits")},
        "J": matrix_of(lambda a, b, size: sp.Derivative(Softmax(z, a, size), z[b]), n),
    },
    examples=[
        (
            r"\frac{\partial s_i}{\partial z_j} = s_i(\delta_{ij} - s_j)",
            r"\frac{\partial s_i}{\partial z_j} = s_j(\delta_{ij} - s_j)",
        ),
        (
            r"J = \operatorname{diag}(s) - s s^\top",
            r"J = \operatorname{diag}(s) + s s^\top",
            "s = \\operatorname{softmax}(z)",
        ),
    ],
)


softmax_jacobian = Result(
    vocabulary=vocabulary,
    title="Jacobian of the softmax",
    area="Softmax and losses",
    claims=[entrywise, matrix_form, row_sum],
    domain=Domain({n: dimension(1, 6), z: vector(n, reals(-5, 5)), i: index(n), j: index(n)}),
    references=["bridle1990"],
)
