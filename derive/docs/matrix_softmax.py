r"""The softmax of a matrix, ``\operatorname{softmax}(QK^\top / \sqrt{d_k})``: taken over each row, as attention
normalises the scores of one query over the keys (Vaswani et al., and most texts after them); texts that write the
queries as columns (``V \operatorname{softmax}(K^\top Q)``) take it over each column. A formula that meets the
softmax of a matrix is read both ways, and its verdict stands only when the two agree
(:func:`derive.docs.decide._matrix_softmax_doubt`)."""

from __future__ import annotations

from contextvars import ContextVar

import sympy as sp

from derive.docs.context_values import set_within

_OVER_COLUMNS: ContextVar = ContextVar("softmax_over_columns", default=False)
_NOTED: ContextVar = ContextVar("softmax_of_a_matrix", default=None)


def softmax_of_matrix(matrix: sp.MatrixBase, softmax_of_vector) -> sp.MatrixBase:
    """The softmax of each row of ``matrix`` (of each column while :func:`over_columns` is in force), each taken by
    ``softmax_of_vector`` (a list of entries to the list of their softmax)."""
    noted = _NOTED.get()
    if noted is not None:
        noted.append(matrix.shape)
    if _OVER_COLUMNS.get():
        return sp.Matrix.hstack(*(sp.Matrix(softmax_of_vector(list(matrix.col(c)))) for c in range(matrix.cols)))
    return sp.Matrix.vstack(*(sp.Matrix([softmax_of_vector(list(matrix.row(r)))]) for r in range(matrix.rows)))


def noting():
    """Within: the shape of each matrix a softmax is taken of is listed in the list yielded."""
    return set_within(_NOTED, [])


def over_columns():
    """Within: the softmax of a matrix is taken over each column."""
    return set_within(_OVER_COLUMNS, True)
