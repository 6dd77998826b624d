"""Reading written numbers: decimals, thousands separators (65{,}536), percentages (95.4\\% is 0.954),
figures written to a power of ten (138 \\times 10^{6}, 3e-4) and repeating decimals (0.\\overline{3} is 1/3)."""

from __future__ import annotations

import re

from derive.docs.nodes import Number
from derive.docs.tokens import NotationError, word_of

# 3e-4 or 1.97E+14, written without spaces; after a capital E, as printed output writes it, the mantissa has decimals
# and the exponent its sign (2E+1 is more likely 2E + 1)
E_NOTATION = re.compile(r"(?<![\w\\.])(?:(\d+(?:\.\d+)?)(e)([+-]?\d+)|(\d+\.\d+)(E)([+-]\d+))(?![\w.])")


def e_notation_parts(match) -> tuple:
    """(mantissa, letter, exponent) of an :data:`E_NOTATION` match, in whichever of its forms it is written."""
    return tuple(group for group in match.groups() if group is not None)


def number(rw, tokens, k, out):
    digits = ""
    while k < len(tokens):
        t = tokens[k]
        if t.kind == "ch" and (t.text.isdigit() or t.text == "."):
            digits += t.text
            k += 1
        elif (
            t.kind == "group"
            and word_of(t.items) == ","
            and k + 1 < len(tokens)
            and tokens[k + 1].kind == "ch"
            and tokens[k + 1].text.isdigit()
        ):
            k += 1  # 65{,}536
        elif t.is_ch(",") and digits and "." not in digits and _three_digits(tokens, k + 1):
            k += 1  # 65,536
        elif t.is_cs("!", ",") and _three_digits(tokens, k + 1):
            k += 1
        else:
            break
    if digits.count(".") > 1 or digits == ".":
        raise NotationError(f"a malformed number '{digits}'", tokens[k - 1].pos)
    repeated = _repeated_digits(tokens, k) if "." in digits else None
    if repeated is not None:  # 0.\overline{3}: the digits under the bar repeat for ever, exactly 1/3
        numerator, denominator = _repeating_decimal(digits, repeated)
        out.append(
            f" \\frac{{{rw.placeholder(Number(str(numerator)))}}}{{{rw.placeholder(Number(str(denominator)))}}} "
        )
        return k + 2
    if k < len(tokens) and tokens[k].is_cs("%"):
        digits, k = _percent(digits), k + 1  # 95.4\% is 0.954, written to three decimals
    elif (
        k + 4 < len(tokens)
        and tokens[k].is_cs("times", "cdot")
        and tokens[k + 1].is_ch("1")
        and tokens[k + 2].is_ch("0")
        and tokens[k + 3].is_ch("^")
        and "e" not in digits
    ):
        # 138 \times 10^{6}: one number, written to the millions (its last digit stands for 10^6)
        power = word_of(tokens[k + 4].items if tokens[k + 4].kind == "group" else [tokens[k + 4]])
        if power.lstrip("+-").isdigit() and not (k + 5 < len(tokens) and tokens[k + 5].is_ch("^", "_")):
            digits, k = f"{digits}e{int(power)}", k + 5
    elif digits == "10" and k + 1 < len(tokens) and tokens[k].is_ch("^"):
        power = _whole_power(tokens, k + 1)
        if power is not None:  # 10^{12}: one number, written to its power of ten (≈ 10^{12} is 1e12 to one digit)
            digits, k = f"1e{power}", k + 2
    out.append(" " + rw.placeholder(Number(digits)) + " ")
    return k


def _repeated_digits(tokens, k) -> str | None:
    """The digits written under a bar right after a decimal (``\\overline{3}`` in ``0.\\overline{3}``), or None."""
    if k + 1 >= len(tokens) or not tokens[k].is_cs("overline", "bar"):
        return None
    written = tokens[k + 1]
    repeated = word_of(written.items if written.kind == "group" else [written]).strip()
    return repeated if repeated.isdigit() else None


def _repeating_decimal(digits: str, repeated: str) -> tuple[int, int]:
    """The fraction (numerator, denominator) of a decimal whose last digits repeat: 0.1 and 6 give 1/6 as (15, 90)."""
    whole, _, fraction = digits.partition(".")
    numerator = int(whole + fraction + repeated) - int(whole + fraction or "0")
    return numerator, 10 ** len(fraction) * (10 ** len(repeated) - 1)


def _whole_power(tokens, k):
    """The positive whole exponent written at tokens[k] (``{12}``, or one digit not followed by another), or None."""
    t = tokens[k]
    if t.kind == "group":
        power = word_of(t.items).strip()
    elif (
        t.kind == "ch"
        and t.text.isdigit()
        and not (k + 1 < len(tokens) and tokens[k + 1].kind == "ch" and tokens[k + 1].text.isdigit())
    ):
        power = t.text
    else:
        return None
    if not power.isdigit() or int(power) < 1 or (k + 1 < len(tokens) and tokens[k + 1].is_ch("^", "_")):
        return None
    return int(power)


def _percent(digits: str) -> str:
    """The decimal a percentage stands for, keeping every written digit: 95.4 -> 0.954, 100 -> 1.00."""
    whole, _, fraction = digits.partition(".")
    whole = whole.rjust(3, "0")
    return f"{int(whole[:-2])}.{whole[-2:]}{fraction}"


def _three_digits(tokens, k) -> bool:
    digits = 0
    while k < len(tokens) and tokens[k].kind == "ch" and tokens[k].text.isdigit():
        digits += 1
        k += 1
    return digits == 3
