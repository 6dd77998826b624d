r"""An expectation over several draws in one subscript, ``\mathbb{E}_{x \sim p_g, y \sim p(y | x)}[f(x, y)]``: the
draws in turn, ``\mathbb{E}_{x \sim p_g}\left[\mathbb{E}_{y \sim p(y | x)}[f(x, y)]\right]``.

The first draw is made first and a later one may depend on it (y drawn given x), so the mean over both is the outer
mean of the inner one. Only an expectation (not a variance) whose subscript is draws alone, each ``NAME \sim LAW`` and
separated by commas outside brackets, and whose argument follows in a bracket, is rewritten.
"""

from __future__ import annotations

import re

from derive.docs.laws import _split_top
from derive.docs.subscript_laws import EXPECTATION
from derive.docs.tokens import closing_bracket

DRAW = re.compile(r"\s*\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?\s*\\sim\s*\S.*", re.S)
OPENING = re.compile(r"\s*(?:\\(?:left|big|Big|bigg|Bigg)\s*)?([\[(])")


def nested_draws(text: str) -> str:
    """``text`` with each expectation over several draws in one subscript written as expectations nested in turn."""
    if "\\sim" not in text:
        return text
    for match in reversed(list(EXPECTATION.finditer(text))):
        if "Var" in match.group(0) or "V}" in match.group(0):
            continue
        close = closing_bracket(text, match.end() - 1)
        if close is None:
            continue
        draws = _draws(text[match.end() : close])
        opening = OPENING.match(text, close + 1)
        if len(draws) < 2 or opening is None:
            continue
        end = closing_bracket(text, opening.start(1))
        if end is None:
            continue
        if text[opening.start() : opening.start(1)].strip():  # \left[ ... \right]: the closing command too
            right = re.search(r"\\(?:right|big|Big|bigg|Bigg)\s*$", text[:end])
            if right is None:
                continue
        head = text[match.start() : match.end()]
        body = text[close + 1 : end + 1]
        nested = f"{head}{draws[-1]}}}{body}"  # the last draw's mean of the argument, inside the others' in turn
        for draw in reversed(draws[:-1]):
            nested = rf"{head}{draw}}}\left[{nested}\right]"
        text = f"{text[: match.start()]}{nested}{text[end + 1 :]}"
    return text


def _draws(subscript: str) -> list[str]:
    """The draws a subscript lists, split at its commas outside brackets; none unless each is a draw."""
    parts = _split_top(subscript)
    return [part.strip() for part in parts] if all(DRAW.fullmatch(part) for part in parts) else []
