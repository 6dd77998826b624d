"""The one rounding rule for written figures: a figure with k decimals is the exact value rounded to k decimals.

A figure written with k decimals (a percentage counts its digits as the decimal it
stands for: 95.4% is 0.954, three decimals) is correct when it lies within half a unit
of its last written place of the exact value, |exact − figure| ≤ ½·10⁻ᵏ. That is
rounding to nearest; at an exact tie both neighbours count as correct roundings. A
truncation presented as a rounding (0.828 for 0.8286) is therefore wrong, and so is a
figure off by one unit in its last digit. After ≈ the trailing zeros of a whole number are not
significant: ≈ 63000 is written to the thousands (= 63000 claims the whole number exactly), while a
mantissa written with decimals keeps its zeros: ≈ 4.30 × 10^9 is written to 10^7.
After ≈ a figure of at least four significant digits may also be the exact value truncated, as constants
are quoted by their leading digits (π ≈ 3.1415); a shorter figure must be rounded (≈ 3.2 for 3.296 is wrong).
"""

from __future__ import annotations

import mpmath

RULE = (
    "A figure written with k decimals is correct if and only if it is the exact value rounded to "
    "nearest at k decimals: |exact - figure| <= 0.5 * 10^-k (at an exact tie both neighbours count). "
    "A percentage counts the decimals of the fraction it stands for (95.4% is 0.954, three decimals). "
    "A truncation presented as a rounding, or a figure one unit off in its last digit, is wrong."
)
TRUNCATED_DIGITS = 4  # the fewest significant digits of a figure after ≈ that may be a truncation (π ≈ 3.1415)


def half_unit(places: int):
    """Half a unit in the last written place: the largest error a correct rounding to ``places`` decimals has."""
    return mpmath.mpf(10) ** (-places) / 2


def is_rounding_of(exact, figure, places: int) -> bool:
    """True when ``figure`` (written with ``places`` decimals) is ``exact`` rounded to nearest.

    A written decimal such as 0.12 has no exact binary value, so an exact tie (0.125) is
    recognised up to the working precision (a slack of 10^-(dps - 5), far below any written digit).
    """
    slack = mpmath.mpf(10) ** (5 - mpmath.mp.dps)
    return abs(mpmath.mpf(exact) - mpmath.mpf(figure)) <= half_unit(places) + slack


def is_truncation_of(exact, figure, places: int) -> bool:
    """True when ``figure`` (written with ``places`` decimals) is ``exact`` with its further digits dropped, and is
    written to at least :data:`TRUNCATED_DIGITS` significant digits."""
    exact, figure = mpmath.mpf(exact), mpmath.mpf(figure)
    unit = mpmath.mpf(10) ** (-places)
    digits = len(str(int(mpmath.nint(abs(figure) / unit))).lstrip("0"))
    if digits < TRUNCATED_DIGITS or (figure != 0 and mpmath.sign(exact) != mpmath.sign(figure)):
        return False
    slack = mpmath.mpf(10) ** (5 - mpmath.mp.dps)
    return -slack <= abs(exact) - abs(figure) < unit + slack


class PlacesBeforePower(int):
    """The places of a figure whose mantissa has decimals before a power of ten: 4.30 × 10^9 is written to 10^7."""


def approximate_places(figure, places: int) -> int:
    """The places of a whole number written after ≈, up to its last nonzero digit: ≈ 63000 is to the thousands.

    A figure with decimals (63000.0 written so, or 4.30 × 10^9, whose mantissa writes its zero) keeps the places it writes.
    """
    if places > 0 or isinstance(places, PlacesBeforePower) or figure == 0 or not mpmath.isint(figure):
        return places
    return min(places, -_trailing_zeros(figure))


def _trailing_zeros(whole) -> int:
    """The zeros a whole number ends with, read from its significant digits (10^{800000} has 800000, in one step)."""
    magnitude = int(mpmath.floor(mpmath.log10(abs(whole))))
    digits = max(mpmath.mp.dps - 5, 1)
    significant = int(mpmath.nint(abs(whole) / mpmath.mpf(10) ** (magnitude - digits + 1)))
    zeros = magnitude - digits + 1
    while significant % 10 == 0:
        significant, zeros = significant // 10, zeros + 1
    return zeros
