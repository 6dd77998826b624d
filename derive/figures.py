"""Figures for the appendix, drawn by pgfplots from data a result computes.

A result declares its figures (``Result(figures=(draw, ...))``): functions that compute
their data deterministically (fixed seeds, fixed rounding) and return a :class:`Figure`
with the pgfplots code that draws it, so the appendix needs no image files. The appendix
places a figure after the result that declares it, with a paragraph that refers to it.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Figure", "coordinates"]


@dataclass(frozen=True)
class Figure:
    label: str
    caption: str  # LaTeX
    body: str  # a tikzpicture
    text: str = ""  # LaTeX paragraph for the text, referring to the figure as {figure} and to its result as {theorem}


def coordinates(pairs, digits: int = 4) -> str:
    """pgfplots ``coordinates`` for (x, y) pairs: floats rounded to ``digits`` decimals, integer x as is."""
    return " ".join(
        f"({x:.{digits}f},{y:.{digits}f})" if isinstance(x, float) else f"({x},{y:.{digits}f})" for x, y in pairs
    )
