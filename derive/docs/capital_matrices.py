"""Whether an identity that holds with its capital-letter names read as numbers also holds with them as matrices.

Authors write AB = BA or (A+B)^2 = A^2 + 2AB + B^2 about square matrices, where they fail; read as numbers they
hold. Such a formula is checked again with its capitals as random square matrices, and as diagonal ones (which
commute): it fails as matrices because they do not commute only where it holds for the diagonal ones.
"""

from __future__ import annotations

import re

from derive.docs.verdict import FAIL, PASS

CAPITAL = re.compile(r"[A-Z](_[A-Za-z0-9]+)?")
# LaTeX that has a matrix meaning: names, numbers, sums, products, whole powers and brackets
MATRIX_LATEX = re.compile(r"(?:[A-Za-z0-9_^{}()+\-=.,\s]|\\(?:cdot|left|right|,|;|!|quad)(?![A-Za-z]))*")


def capitals(kinds: dict) -> list:
    """The names read as real numbers that are capital letters (with a subscript or none), sorted."""
    return sorted(key for key, kind in kinds.items() if kind == "real" and CAPITAL.fullmatch(key))


def commuting_only(text: str, kinds: dict, read) -> str | None:
    """Why a formula that holds with its capitals read as numbers is not claimed for them (it fails with them read as
    non-commuting square matrices, and holds with them diagonal), or None; ``read(kinds)`` decides it with the names
    of the formula read as those kinds."""
    names = capitals(kinds)
    if len(names) < 2 or not MATRIX_LATEX.fullmatch(text):
        return None
    general = read(dict(kinds, **dict.fromkeys(names, "square matrix")))
    if general.verdict != FAIL or read(dict(kinds, **dict.fromkeys(names, "diagonal matrix"))).verdict != PASS:
        return None
    return (
        f"holds if {', '.join(names)} are numbers; fails if they are square matrices, which need not commute"
        f" ({general.detail}): say which"
    )
