"""Independent oracles: plain mpmath from the definitions, never through SymPy.

These are the reference implementations the statements are compared with. They are
deliberately naive (a softmax is ``exp`` over a sum of ``exp``; a derivative is
``mpmath.diff``), so a bug in the symbolic machinery cannot hide in them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import mpmath

__all__ = [
    "mp_cross_entropy",
    "mp_entropy",
    "mp_expectation_iid",
    "mp_kl",
    "mp_layernorm",
    "mp_logistic",
    "mp_mean",
    "mp_partial",
    "mp_softmax",
    "mp_variance",
]


def mp_softmax(logits: Sequence) -> list:
    """softmax(z)_i = exp(z_i) / Σ_k exp(z_k)."""
    weights = [mpmath.exp(value) for value in logits]
    total = mpmath.fsum(weights)
    return [w / total for w in weights]


def mp_logistic(value) -> mpmath.mpf:
    """1 / (1 + exp(−t))."""
    return 1 / (1 + mpmath.exp(-value))


def mp_partial(function: Callable[[list], object], at: Sequence, position: int) -> mpmath.mpf:
    """∂f/∂x_position at ``at`` (0-based position), by mpmath's numerical differentiation."""

    def along(value):
        moved = list(at)
        moved[position] = value
        return function(moved)

    return mpmath.diff(along, at[position])


def mp_entropy(probabilities: Sequence) -> mpmath.mpf:
    """H(p) = −Σ p_k log p_k with 0·log 0 = 0."""
    return -mpmath.fsum(p * mpmath.log(p) for p in probabilities if p != 0)


def mp_cross_entropy(p: Sequence, q: Sequence) -> mpmath.mpf:
    """H(p, q) = −Σ p_k log q_k with 0·log q = 0."""
    return -mpmath.fsum(a * mpmath.log(b) for a, b in zip(p, q) if a != 0)


def mp_kl(p: Sequence, q: Sequence) -> mpmath.mpf:
    """D_KL(p‖q) = Σ p_k log(p_k / q_k) with 0·log(0/q) = 0."""
    return mpmath.fsum(a * mpmath.log(a / b) for a, b in zip(p, q) if a != 0)


def mp_mean(values: Sequence) -> mpmath.mpf:
    return mpmath.fsum(values) / len(values)


def mp_variance(values: Sequence) -> mpmath.mpf:
    """The biased (population) variance (1/d) Σ (x_k − μ)²."""
    mean = mp_mean(values)
    return mpmath.fsum((v - mean) ** 2 for v in values) / len(values)


def mp_layernorm(x: Sequence, gamma: Sequence, beta: Sequence, eps) -> list:
    """y_i = γ_i (x_i − μ) / √(σ² + ε) + β_i with μ, σ² the mean and biased variance of x."""
    mean, variance = mp_mean(x), mp_variance(x)
    scale = mpmath.sqrt(variance + eps)
    return [g * (v - mean) / scale + b for v, g, b in zip(x, gamma, beta)]


def mp_expectation_iid(values: Sequence, weights: Sequence, count: int, function: Callable[[tuple], object]):
    """𝔼[f(X_1, …, X_count)] for independent X_t with P(X_t = values[a]) = weights[a], by
    enumerating every outcome (|values|^count of them) with its probability ∏_t weights.

    Plain arithmetic, so exact for ``fractions.Fraction`` inputs and at the working
    precision for mpmath numbers.
    """
    # outcomes in lexicographic order, each probability the product w_{a_1} w_{a_2} … taken left to
    # right, as a loop over itertools.product would; a prefix's product is shared by its outcomes
    total = 0
    chosen = [None] * count

    def walk(depth, probability):
        nonlocal total
        if depth == count:
            total = total + probability * function(tuple(chosen))
            return
        for a in range(len(values)):
            chosen[depth] = values[a]
            walk(depth + 1, probability * weights[a])

    walk(0, 1)
    return total
