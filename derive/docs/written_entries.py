"""Entries of a matrix the tag writes out: ``A_{21}``, ``A_{2,1}`` and, when nothing else defines the lower-case
letter, ``a_{21}`` or ``a_{ij}`` (A = (a_{ij}), by convention); a sum with no bounds over such an index runs over the
matrix's rows or columns."""

from __future__ import annotations

import sympy as sp

from derive.docs.interpret import Atom, Side, TupleNode
from derive.docs.values import BindError


def written_matrix_name(reader, atom: Atom) -> str | None:
    """The tag's name of the written matrix whose entries a lower-case ``a_{ij}`` names, or None."""
    if atom.args or not atom.sub or len(atom.key) != 1 or not atom.key.islower() or atom.decoration:
        return None
    if any(key in table for key in (atom.key, *atom.full_keys()) for table in (reader.extra, reader.vocab.dims)):
        return None  # the tag or the notation gives the letter a meaning of its own
    body = reader.overrides.get(atom.key.upper())
    written = isinstance(body, Side) and any(isinstance(n, TupleNode) and n.columns for n in body.table.values())
    return atom.key.upper() if written else None


def entry(reader, matrix: sp.MatrixBase, name: str, indices: list):
    """The entry of ``matrix`` at a row and a column (two indices, or one of two digits or letters: A_{21}, a_{ij})."""
    if len(indices) == 1 and len(str(indices[0]).strip()) == 2 and max(matrix.shape) <= 9:
        indices = list(str(indices[0]).strip())
    if len(indices) != 2:
        raise BindError(f"{name} is a matrix; an entry takes a row and a column, not the index {', '.join(indices)}")
    row, column = (reader.index(index) for index in indices)
    for position, size in ((row, matrix.shape[0]), (column, matrix.shape[1])):
        if isinstance(position, sp.Integer):
            if not 1 <= position <= size:
                raise BindError(
                    f"{name} is {matrix.shape[0]} x {matrix.shape[1]}; it has no entry at the index {position}"
                )
        elif isinstance(position, sp.Symbol) and not isinstance(position, sp.Dummy) and position.is_positive:
            pass  # the formula's free index, a whole number at each point (checked against the size there)
        elif not (isinstance(position, sp.Dummy) and position.is_integer and position.is_positive):
            raise BindError(
                f"an entry of the written matrix {name} at the index {position}, neither a number nor a sum's"
            )
        else:  # a sum's index: the sum runs over the matrix's rows (or columns)
            reader.written_sizes[position] = size
            reader.indexed.add(position)
    if isinstance(row, sp.Integer) and isinstance(column, sp.Integer):
        return matrix[int(row) - 1, int(column) - 1]
    return sp.Add(
        *[
            matrix[r, c] * sp.KroneckerDelta(row, r + 1) * sp.KroneckerDelta(column, c + 1)
            for r in range(matrix.shape[0])
            for c in range(matrix.shape[1])
        ]
    )


def summed_range(reader, node, dummies, high):
    """The upper bound of a sum over ``dummies``: a written matrix's size when the sum has no bounds and indexes it, and
    so a declared matrix's rows or columns (Σ_k X_{ik} beside X ∈ R^{n × q} runs over the q columns)."""
    sizes = {reader.written_sizes.get(dummy) for dummy in dummies} - {None}
    if not sizes:
        dims = declared_dimension(reader, dummies)
        return reader.dim_value(dims) if node.low is None and node.high is None and dims is not None else high
    if node.low is not None or node.high is not None or len(sizes) > 1:
        raise BindError("a sum with written bounds over the entries of a written matrix is not read")
    return sp.Integer(sizes.pop())


def declared_dimension(reader, indices):
    """The one dimension (rows or columns) of declared matrices that the indices take, or None where they take none
    or several (X_{ik} beside X ∈ R^{n × q}: k takes q)."""
    dims = set().union(*(reader.declared_sizes.get(index, set()) for index in indices))
    return dims.pop() if len(dims) == 1 else None
