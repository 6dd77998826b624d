r"""An expectation that draws an outcome from a law the tag defines by its values over the values the tag lists for
that outcome (``\pi_\theta(1) = ...; \pi_\theta(0) = ...; x \in \{0, 1\}``): the sum over those values of the law's
value times the expectation's argument, ``\mathbb{E}_{x \sim \pi_\theta}[f(x)]`` read as
``\sum_{x} \pi_\theta(x) \left(f(x)\right)``. The caller decides first that the law's values there sum to 1.
"""

from __future__ import annotations

import re

from derive.docs.subscript_laws import EXPECTATION, OPENS_ARGUMENT
from derive.docs.tokens import closing_bracket

NAME = r"\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9]))?"
OPERATOR = re.compile(r"\\mathop\s*\{\s*\\mathbb\s*\{\s*E\s*\}\s*\}\s*_\s*\{")  # \E of a site: \mathop{\mathbb{E}}
DRAW = re.compile(rf"\s*(?P<outcome>{NAME})\s*\\sim\s*(?P<law>{NAME})\s*")


def _key(written: str) -> str:
    return re.sub(r"[\s{}\\]", "", written)


def listed_draws(text: str, laws: set, listed: set) -> tuple[str, tuple]:
    """(``text`` with each expectation that draws an outcome in ``listed`` from a law in ``laws`` written as the sum
    over the outcome's values, the (outcome, law) pairs so read, as written, in order); names are compared without
    braces, backslashes or spaces (\\pi_\\theta is pi_theta)."""
    found = []  # (start, end, outcome, law, argument)
    for match in sorted([*EXPECTATION.finditer(text), *OPERATOR.finditer(text)], key=lambda m: m.start()):
        close = closing_bracket(text, match.end() - 1)
        draw = DRAW.fullmatch(text[match.end() : close]) if close is not None else None
        if draw is None or _key(draw["law"]) not in laws or _key(draw["outcome"]) not in listed:
            continue
        argument = _argument(text, close + 1)
        if argument is None:
            continue
        found.append((match.start(), argument[1], draw["outcome"], draw["law"], argument[0]))
    for start, end, outcome, law, argument in reversed(found):
        text = f"{text[:start]}\\sum_{{{outcome}}} {law}({outcome}) \\left( {argument} \\right){text[end:]}"
    return text, tuple(dict.fromkeys((outcome, law) for _, _, outcome, law, _ in found))


def _argument(text: str, at: int) -> tuple[str, int] | None:
    """(the argument in the square or round bracket that opens at ``at``, possibly sized with \\left or \\big, and
    the position after its closing bracket), or None."""
    opening = OPENS_ARGUMENT.match(text, at)
    if opening is None or text[opening.end() - 1] not in "[(" or text[opening.end() - 2] == "\\":
        return None
    start = opening.end() - 1
    close = closing_bracket(text, start)
    if close is None:
        return None
    inner = re.sub(r"\\(?:right|[bB]igg?r?)\s*$", "", text[start + 1 : close].rstrip())  # \right] goes with ]
    return inner, close + 1
