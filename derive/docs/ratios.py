r"""A proportion written with colons, ``128:192:96:64 = 4:6:3:2``: the two sides' parts are proportional, read as
their quotients set equal, ``\frac{128}{4} = \frac{192}{6} = \frac{96}{3} = \frac{64}{2}``.

Only a formula that is one equation between two runs of as many parts, each part a number or arithmetic of numbers, is
read so; a colon anywhere else (``f: X \to Y``, ``\{x : x > 0\}``, ``x_{1:T}``) keeps its meaning.
"""

from __future__ import annotations

import re

NUMBER = r"\d+(?:\.\d+)?"
PART = rf"\s*{NUMBER}(?:\s*(?:[-+*/]|\\times|\\cdot)\s*{NUMBER})*\s*"  # 96, 2.5, 3 \times 4
RUN = rf"{PART}(?::{PART})+"
PROPORTION = re.compile(rf"\s*({RUN})=({RUN})[.,]?\s*")


def as_quotients(text: str) -> str:
    """``text`` with a proportion between two runs of numbers written as the equal quotients of their parts; any
    other text unchanged."""
    found = PROPORTION.fullmatch(text)
    if found is None:
        return text
    left, right = (side.split(":") for side in found.groups())
    if len(left) != len(right):
        return text
    return " = ".join(rf"\frac{{{a.strip()}}}{{{b.strip()}}}" for a, b in zip(left, right))
