"""Through a linear layer y = Wx + b, an upstream gradient g = ∂L/∂y gives ∂L/∂W_ij = g_i x_j, ∂L/∂x_j = Σ_k W_kj g_k and ∂L/∂b_i = g_i, i.e. ∂L/∂W = g xᵀ, ∂L/∂x = Wᵀg and ∂L/∂b = g.

Here W is m×n, x ∈ ℝⁿ and b, g ∈ ℝᵐ for any m, n. By the chain rule
∂L/∂θ = Σ_k g_k ∂y_k/∂θ for every parameter θ, and y_k = Σ_l W_kl x_l + b_k is linear,
so each derivative is a product of Kronecker deltas: ∂W_kl/∂W_ij = δ_ki δ_lj,
∂x_l/∂x_j = δ_lj and ∂b_k/∂b_i = δ_ki. For one input the weight gradient g xᵀ is an
outer product, of rank at most one.
"""

import mpmath
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, index, matrix, reals, vector
from derive.notation import Notation, Sum, delta, fresh_index, g, i, j, k, l, n, x
from derive.oracles import mp_partial
from derive.vocabulary import Vocabulary, computed_vector, matrix_entries, vector_of

m = sp.Symbol("m", integer=True, positive=True)  # output dimension
W = sp.IndexedBase("W", real=True)  # weights, m × n
b = sp.IndexedBase("b", real=True)  # bias, m


class LinearOutput(Notation):
    """y_r = Σ_l W_rl x_l + b_r, output ``r`` of the linear layer."""

    nargs = 5  # weights, input, bias, row, input dimension

    def definition(self):
        weights, inputs, bias, row, size = self.args
        dummy = fresh_index(row, size, m)
        return sp.Sum(weights[row, dummy] * inputs[dummy], (dummy, 1, size)) + bias[row]

    def _latex(self, printer, exp=None):
        text = rf"y_{{{printer._print(self.args[3])}}}"
        return text if exp is None else rf"{text}^{{{exp}}}"

    def _unicode(self, printer):
        return f"y_{printer._print(self.args[3])}"


def output(row):
    return LinearOutput(W, x, b, row, n)


def written_out(row):
    return Sum(W[row, l] * x[l], l, n) + b[row]


def backpropagated(variable):
    """Σ_k g_k ∂y_k/∂variable, the chain rule with g_k = ∂L/∂y_k."""
    return Sum(g[k] * sp.Derivative(output(k), variable), k, m)


# --- oracle: the linear surrogate Σ_k g_k y_k, whose gradient with respect to y is g ---


def mp_surrogate(weights, inputs, bias, upstream):
    """Σ_k g_k (Σ_l W_kl x_l + b_k) in plain mpmath; W is a list of rows."""
    return mpmath.fsum(
        u * (mpmath.fsum(weights[r][c] * inputs[c] for c in range(len(inputs))) + bias[r])
        for r, u in enumerate(upstream)
    )


def rows(flat, point):
    """The weights as a list of rows, from their row-major list."""
    return [flat[r * point.n : (r + 1) * point.n] for r in range(point.m)]


def flat_weights(point):
    return [point.W[r, c] for r in range(point.m) for c in range(point.n)]


def oracle_weight(point):
    position = (point.i - 1) * point.n + (point.j - 1)
    return mp_partial(
        lambda flat: mp_surrogate(rows(flat, point), point.x, point.b, point.g), flat_weights(point), position
    )


def oracle_input(point):
    weights = rows(flat_weights(point), point)
    return mp_partial(lambda inputs: mp_surrogate(weights, inputs, point.b, point.g), point.x, point.j - 1)


def oracle_bias(point):
    weights = rows(flat_weights(point), point)
    return mp_partial(lambda bias: mp_surrogate(weights, point.x, bias, point.g), point.b, point.i - 1)


weight_gradient = backpropagated(W[i, j])

weights_claim = Claim(
    label="weights",
    text=(
        r"With $g_k = \partial L/\partial y_k$, the chain rule gives $\partial L/\partial \theta = \sum_k g_k \partial y_k/\partial \theta$ "
        r"for every parameter $\theta$. For the weights, $\partial L/\partial W = g x^{\top}$:"
    ),
    statement=sp.Eq(weight_gradient, g[i] * x[j], evaluate=False),
    steps=[
        Step(weight_gradient),
        Step(Sum(g[k] * sp.Derivative(written_out(k), W[i, j]), k, m), because=r"definition of $y_k$"),
        Step(
            Sum(g[k] * Sum(delta(k, i) * delta(l, j) * x[l], l, n), k, m),
            because=r"$\partial W_{kl}/\partial W_{ij} = \delta_{ki}\delta_{lj}$; $b_k$ does not depend on $W$",
        ),
        Step(Sum(g[k] * delta(k, i) * x[j], k, m), because=r"$\delta_{lj}$ picks the term $l = j$"),
        Step(g[i] * x[j], because=r"$\delta_{ki}$ picks the term $k = i$"),
    ],
    oracle=oracle_weight,
)

input_gradient = backpropagated(x[j])

inputs_claim = Claim(
    label="inputs",
    text=r"For the inputs, $\partial L/\partial x = W^{\top} g$:",
    statement=sp.Eq(input_gradient, Sum(W[k, j] * g[k], k, m), evaluate=False),
    steps=[
        Step(input_gradient),
        Step(Sum(g[k] * sp.Derivative(written_out(k), x[j]), k, m), because=r"definition of $y_k$"),
        Step(
            Sum(g[k] * Sum(W[k, l] * delta(l, j), l, n), k, m),
            because=r"$\partial x_l/\partial x_j = \delta_{lj}$; $b_k$ does not depend on $x$",
        ),
        Step(Sum(W[k, j] * g[k], k, m), because=r"$\delta_{lj}$ picks the term $l = j$"),
    ],
    oracle=oracle_input,
)

bias_gradient = backpropagated(b[i])

bias_claim = Claim(
    label="bias",
    text=r"For the bias, $\partial L/\partial b = g$:",
    statement=sp.Eq(bias_gradient, g[i], evaluate=False),
    steps=[
        Step(bias_gradient),
        Step(Sum(g[k] * sp.Derivative(written_out(k), b[i]), k, m), because=r"definition of $y_k$"),
        Step(
            Sum(g[k] * delta(k, i), k, m),
            because=r"$\partial b_k/\partial b_i = \delta_{ki}$; $Wx$ does not depend on $b$",
        ),
        Step(g[i], because=r"$\delta_{ki}$ picks the term $k = i$"),
    ],
    oracle=oracle_bias,
)

# --- documentation vocabulary ---------------------------------------------------------------
# y = W x + b with W_{ij} (m × n; W alone the whole matrix), x the input (n), b the bias (m); L the loss, with upstream
# gradient ∂L/∂y_i = g_i (also δ_i).

vocabulary = Vocabulary(
    size=m,
    dims={"m": m, "n": n, "d_out": m, "d_in": n},
    indices=[i, j],
    entries={
        "W": matrix_entries(W, m, n),
        "x": vector_of(x, n),
        "b": vector_of(b, m),
        "g": vector_of(g, m),
        "delta": vector_of(g, m),
        "y": computed_vector(lambda row, rows: LinearOutput(W, x, b, row, n).xreplace({m: rows}), m),
    },
    loss=lambda env: env.concretise(Sum(g[k] * LinearOutput(W, x, b, k, n), k, m)),
    loss_partials={"y": lambda index: g[index]},
    examples=[
        (
            r"\frac{\partial L}{\partial W_{ij}} = \frac{\partial L}{\partial y_i}\, x_j",
            r"\frac{\partial L}{\partial W_{ij}} = \frac{\partial L}{\partial y_i}\, W_{ij}",
        ),
        (
            r"\frac{\partial L}{\partial x_j} = \sum_{k=1}^{m} W_{kj} \frac{\partial L}{\partial y_k}",
            r"\frac{\partial L}{\partial x_j} = \sum_{k=1}^{m} W_{kj}",
        ),
        (
            r"\frac{\partial L}{\partial b_i} = \frac{\partial L}{\partial y_i}",
            r"\frac{\partial L}{\partial b_i} = 2\frac{\partial L}{\partial y_i}",
        ),
        (  # W alone is the whole m x n matrix: the gradients in matrix form
            r"\frac{\partial L}{\partial x} = W^\top \frac{\partial L}{\partial y}",
            r"\frac{\partial L}{\partial x} = -W^\top \frac{\partial L}{\partial y}",
        ),
        (
            r"\frac{\partial L}{\partial W} = \frac{\partial L}{\partial y} x^\top",
            r"\frac{\partial L}{\partial W} = 2 \frac{\partial L}{\partial y} x^\top",
        ),
    ],
)


linear_layer_gradient = Result(
    vocabulary=vocabulary,
    title="Gradients of a linear layer",
    area="Gradients",
    claims=[weights_claim, inputs_claim, bias_claim],
    domain=Domain(
        {
            m: dimension(1, 4),
            n: dimension(1, 4),
            W: matrix(m, n, reals(-3, 3)),
            x: vector(n, reals(-3, 3)),
            b: vector(m, reals(-3, 3)),
            g: vector(m, reals(-3, 3)),
            i: index(m),
            j: index(n),
        }
    ),
    references=["rumelhart1986", "goodfellow2016"],
)
