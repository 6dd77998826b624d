r"""σ of a vector the tag's result does not read, ``\sigma(\begin{bmatrix} 0.1 & 0.2 & 0.3 \end{bmatrix})`` or
``\sigma(1, 2, 8)``: the logistic function of each entry, as a layer's activation ``\sigma(Wx + b)`` is written, or the
softmax of the vector, as texts that name the softmax σ write it. A formula that meets σ of a vector is read both
ways, and its verdict stands only when the two agree (:func:`derive.docs.decide._vector_sigma_doubt`)."""

from __future__ import annotations

from contextvars import ContextVar

from derive.docs.context_values import set_within

_AS_SOFTMAX: ContextVar = ContextVar("sigma_of_a_vector_as_softmax", default=False)
_NOTED: ContextVar = ContextVar("sigma_of_a_vector", default=None)


def as_softmax() -> bool:
    """Whether σ of a vector is read as its softmax (within :func:`softmax_reading`), and note that it was met."""
    noted = _NOTED.get()
    if noted is not None:
        noted.append(True)
    return _AS_SOFTMAX.get()


def noting():
    """Within: the list yielded is not empty once σ of a vector has been read."""
    return set_within(_NOTED, [])


def softmax_reading():
    """Within: σ of a vector is the softmax of the vector."""
    return set_within(_AS_SOFTMAX, True)
