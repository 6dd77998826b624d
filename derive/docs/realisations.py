"""The random variables of a result's model drawn as plain values: a formula about one realisation holds for every draw.

A result with a probability model (Adam's gradients g_s = μ + σ ξ_s with ξ random) reads its expectations through
the model; a formula without an expectation, such as m_t = β₁ m_{t-1} + (1 - β₁) g_t or an unrolled sum of the
g_i, speaks of one realisation of the noise and must hold whatever values it takes. Each random family (ξ) is
therefore also sampled as a vector of real numbers, long enough for the steps the formula writes (an index past
its end sets the point aside).
"""

from __future__ import annotations

import sympy as sp

from derive import domain as dom

SPARE_ENTRIES = 2  # entries beyond the sizes' sum: a step written t + 1 still has its value


def realisation_samplers(vocab, domain) -> dict:
    """Samplers for the model's random families the domain does not draw yet (none without a model)."""
    model = getattr(vocab.expectation[0], "__self__", None) if vocab.expectation else None
    families = getattr(model, "families", None)
    if not families:
        return {}
    missing = [family for family in families if isinstance(family, sp.IndexedBase) and family not in domain.samplers]
    if not missing:
        return {}
    size = sp.Add(*domain.dimensions, sp.Integer(SPARE_ENTRIES))
    return {family: dom.vector(size) for family in missing}


def defined(value):
    """A side's value with the result's named functions replaced by their definitions (m_t by its sum of g_s)."""
    from derive.docs.bind import Vec, as_value
    from derive.notation import unfold

    try:
        return unfold(as_value(value) if isinstance(value, Vec) else value)
    except Exception:  # a value that is no expression (a vector of unknown size): shown as read
        return value
