"""A context variable set to a value for the length of a ``with`` block: how a reading is switched (a gradient of
the first factor, the softmax of a matrix over its columns, independent outcomes) or how it notes what it met."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar


@contextmanager
def set_within(variable: ContextVar, value):
    """Within: ``variable`` holds ``value`` (yielded), and its previous value again after."""
    token = variable.set(value)
    try:
        yield value
    finally:
        variable.reset(token)
