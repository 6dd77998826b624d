"""When a bare ``I`` is the identity matrix: only beside a matrix or a vector the formula writes.

Otherwise ``I`` is a number (optax writes I for a schedule's initial value: ``I + (E - I) t/T``).
"""

from __future__ import annotations

import re

# what shows that a formula works with matrices or vectors: bold names, matrix environments, transposes,
# matrix-only operations (read in the LaTeX or in the detexed source of a side, where backslashes are gone)
MATRIX_SIGNS = re.compile(
    r"(?<![A-Za-z])(?:mathbf|boldsymbol|bm|vec|mathbfit|bmatrix|pmatrix|vmatrix|Bmatrix|matrix|top|intercal|det"
    r"|diag|odot|otimes|oplus)(?![A-Za-z])"
)


def writes_a_matrix(text: str) -> bool:
    """Whether ``text`` (LaTeX or a side's detexed source) writes a matrix or a vector."""
    return MATRIX_SIGNS.search(text) is not None
