r"""Untagged, the entropy of a random variable written beside its law's probabilities: ``H(X) = -\sum_i p_i \log p_i``.

A careful reader takes ``p_i`` (or ``p(x)``) beside ``H(X)`` to be the probabilities of X: the formula says nothing
of X but its entropy, and the one law it writes is X's. :func:`entropy_as_law` writes the formula with ``H(p)`` for
``H(X)``, which the untagged reading of distributions decides (:mod:`derive.docs.free`). Only one random variable and
one distribution letter, X written nowhere but inside H, are read so; anything else is left to the other readings.
"""

from __future__ import annotations

import re

ENTROPY_OF_VARIABLE = re.compile(r"(?<![A-Za-z\\])H\s*(?:\\left\s*)?([(\[])\s*([A-Z])\s*(?:\\right\s*)?([)\]])")
LAW_LETTER = re.compile(r"(?<![A-Za-z\\])([pqPQ])\s*(?=[_(])")  # p_i, p_{x}, p(x): a distribution letter's value
LETTER = r"(?<![A-Za-z\\]){}(?![A-Za-z])"


def entropy_as_law(text: str) -> tuple[str, str, str] | None:
    """(the formula with H(p) for H(X), X, p) when it writes the entropy of one random variable X beside the values of
    one distribution letter p and X nowhere else, or None."""
    found = list(ENTROPY_OF_VARIABLE.finditer(text))
    if not found or any(m.group(1) + m.group(3) not in ("()", "[]") for m in found):
        return None
    variables = {m.group(2) for m in found}
    if len(variables) != 1:
        return None
    (variable,) = variables
    letters = set(LAW_LETTER.findall(text))
    if len(letters) != 1 or variable in letters:
        return None
    (law,) = letters
    if re.search(rf"(?<![A-Za-z\\]){law}\s*\([^()]*(?:,|\||\\mid|\\vert|;)", text):  # p(x, y), p(y | x): a joint law
        return None
    if len(re.findall(LETTER.format(variable), text)) != len(found):  # X written outside H(X): not only a law's name
        return None
    rewritten = ENTROPY_OF_VARIABLE.sub(lambda m: f"H{m.group(1)}{law}{m.group(3)}", text)
    return rewritten, variable, law
