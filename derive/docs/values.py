"""The values a reading of a formula computes with: vectors of symbolic size, and the errors of binding a name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sympy as sp

from derive.errors import DeriveError
from derive.notation import Softmax
from derive.vocabulary import vector_of


class BindError(DeriveError):
    """A formula that parses but cannot be bound: an unknown symbol or function, a misused index."""


class Unbound(BindError):
    """A name the formula uses that nothing binds: no vocabulary entry, tag clause, definition or builtin."""

    def __init__(self, message: str, name: str):
        super().__init__(message)
        self.name = name


class ShapeError(DeriveError):
    """An expression that mixes shapes (a matrix plus a scalar, a product of mismatched sizes)."""


@dataclass
class Definition:
    """A name a document defines for the formulas after it: ``f(x) = ...``, ``g := ...``."""

    name: str  # the vocabulary key of the name ("g", "p_XY", "sigma")
    params: list  # the parameters' keys ([] for a symbol)
    body: Any  # the defining side (a Side)
    blackboard: bool = False  # the name written in blackboard bold (\mathbb{E}[X] = ...): a plain E is another name


class NeedsConcrete(Exception):
    """A vector or matrix operation met at symbolic dimension."""


@dataclass
class Vec:
    """A vector given by its components; ``size`` may be symbolic."""

    component: Callable[[Any], Any]
    size: Any
    base: Any = None  # the IndexedBase, when the vector is a plain symbol
    row: bool = False

    def explicit(self):
        if not isinstance(self.size, (int, sp.Integer)):
            raise NeedsConcrete()
        entries = [self.component(sp.Integer(t)) for t in range(1, int(self.size) + 1)]
        return sp.Matrix(1, len(entries), entries) if self.row else sp.Matrix(entries)


def vec_of(base, size):
    return Vec(lambda idx: base[idx], size, base)


def as_value(v):
    """Scalars stay; vectors become explicit column (or row) matrices."""
    if isinstance(v, Vec):
        return v.explicit()
    return v


def written_in_numbers(value) -> bool:
    """Whether a value is a vector or matrix whose entries are all numbers ([0.1, 0.2, 0.3], written out entry by
    entry), not names."""
    try:
        entries = as_value(value)
    except NeedsConcrete:
        return False
    return isinstance(entries, sp.MatrixBase) and all(sp.sympify(entry).is_number for entry in entries)


def scalarise(v):
    if isinstance(v, sp.MatrixBase) and v.shape == (1, 1):
        return v[0, 0]
    return v


# --- vocabularies: declared by each result (derive.vocabulary) -------------------------


def _vec_entry(base, row=False):
    return vector_of(base, row=row)


def _transpose(value):
    if isinstance(value, Vec):
        return Vec(value.component, value.size, value.base, not value.row)
    if isinstance(value, sp.MatrixBase):
        return value.T
    return value


def _elementwise(function, value):
    """A function of a number applied to every entry of a vector or matrix (exp(z), log p)."""
    if isinstance(value, Vec):
        return Vec(lambda idx: function(value.component(idx)), value.size, None, value.row)
    if isinstance(value, sp.MatrixBase):
        return value.applyfunc(function)
    return function(value)


def _pick(items, idx):
    if isinstance(idx, sp.Integer):
        position = int(idx)
        if not 1 <= position <= len(items):
            raise BindError(f"index {position} outside 1..{len(items)}")
        return items[position - 1]
    return sp.Piecewise(*[(item, sp.Eq(idx, t + 1)) for t, item in enumerate(items)], (sp.nan, True))


def _softmax_of(vec: Vec) -> Vec:
    from derive.notation import z

    if vec.base is not None and vec.base == z:
        return Vec(lambda idx: Softmax(z, idx, vec.size), vec.size, row=vec.row)
    if vec.base is not None:
        return Vec(lambda idx: Softmax(vec.base, idx, vec.size), vec.size, row=vec.row)

    normaliser = []  # Σ_k e^{v_k}, built once for every component

    def component(idx):
        if not normaliser:
            k = sp.Dummy("k", integer=True, positive=True)
            normaliser.append(sp.Sum(sp.exp(vec.component(k)), (k, 1, vec.size)))
        return sp.exp(vec.component(idx)) / normaliser[0]

    return Vec(component, vec.size, row=vec.row)  # the softmax of a row vector is a row


def _sum_over(size, term):
    k = sp.Dummy("k", integer=True, positive=True)
    return sp.Sum(term(k), (k, 1, size))


def _same_size(p: Vec, q: Vec):
    if isinstance(p.size, sp.Integer) and isinstance(q.size, sp.Integer) and p.size != q.size:
        raise ShapeError(f"distributions of different lengths {p.size} and {q.size}")


def _notation_p():
    from derive.notation import p

    return p


def _notation_q():
    from derive.notation import q

    return q
