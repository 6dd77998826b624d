"""A square matrix to a whole power, ``A^n`` and ``W_{hh}^{T-1}``: the product of n copies of A (of its inverse for
n < 0), for a written whole number and for a whole-number variable alike (taken once the point gives its value)."""

from __future__ import annotations

import sympy as sp

WRITTEN_OUT = 3  # A^2, A^{-1}, A^3 are multiplied out, so SymPy may prove them; higher powers wait for the point


class MatrixPowerEntry(sp.Function):
    """Entry (i, j) of a square matrix of ``size`` rows, given row by row, to the power ``power``: evaluated once the
    power is a whole number and every entry a number; unevaluated (a symbol of the reading) before."""

    @classmethod
    def eval(cls, row, column, power, size, *entries):
        if not (power.is_Integer and all(entry.is_number for entry in entries)):
            return None
        matrix = sp.Matrix(int(size), int(size), list(entries))
        return whole_power(matrix, int(power))[int(row), int(column)]


def whole_power(matrix: sp.MatrixBase, power: int) -> sp.MatrixBase:
    """``matrix`` to the whole power ``power`` (its inverse's for a negative one); a ValueError when it is singular."""
    if power < 0:
        det = matrix.det(method="berkowitz")
        if sp.expand(det) == 0:
            raise ValueError("the inverse of a matrix that is singular as read")
        matrix = matrix.adjugate(method="berkowitz") / det  # inv() simplifies: minutes
        power = -power
    result = sp.eye(matrix.rows)
    for _ in range(power):
        result = result * matrix
    return result


def matrix_power(matrix: sp.MatrixBase, power):
    """``matrix`` to ``power`` when the power is a whole number or a whole-number variable; None for any other power."""
    if isinstance(power, sp.Integer) and abs(int(power)) <= WRITTEN_OUT:
        return whole_power(matrix, int(power))
    if not (isinstance(power, sp.Expr) and power.is_integer):
        return None
    size = matrix.rows
    entries = list(matrix)
    return sp.Matrix(
        size, size, lambda i, j: MatrixPowerEntry(sp.Integer(i), sp.Integer(j), power, sp.Integer(size), *entries)
    )
