"""A unit written after a number or a term of names at the end of a side (``H(p) = 1.75 ~\\text{bits}``,
``= 6\\,\\text{GB}``, a rate ``= 132.45 \\text{ samples/second}``, ``= 4 N B S H ~\\text{Bytes}``) is the unit of that
value, not a factor: it is set aside, and refused where setting it aside could change the claim."""

from __future__ import annotations

import re

from derive.docs.chain import relation_at
from derive.docs.tokens import Tok, Unsupported, lex, word_of

# the units a value is counted in, as written in text type after a number
PLAIN_UNITS = {
    "bit",
    "bits",
    "nat",
    "nats",
    "byte",
    "bytes",
    "Byte",
    "Bytes",
    "parameter",
    "parameters",
    "param",
    "params",
    "token",
    "tokens",
    "FLOP",
    "FLOPs",
    "FLOPS",
    "flops",
    "sample",
    "samples",
    "second",
    "seconds",
    "s",
}
# units that are a multiple of another (a gigabyte of bytes, a millisecond of seconds): a side without the unit may
# count the smaller one
SCALED_UNITS = {
    "KB",
    "MB",
    "GB",
    "TB",
    "PB",
    "KiB",
    "MiB",
    "GiB",
    "TiB",
    "PiB",
    "KBytes",
    "MBytes",
    "GBytes",
    "TBytes",
    "ms",
}
# units of information, whose value depends on the base of the logarithm
INFORMATION_UNITS = {"bit", "bits", "nat", "nats"}
BITS, BYTES, NATS = (
    {"bit", "bits"},
    {"byte", "bytes", "Byte", "Bytes"},
    {"nat", "nats"},
)
# the bits in each unit of stored information the conversions read: 8 to the byte, a gigabyte 10^9 bytes by its SI
# prefix (read as 2^30 too, as memory is often counted: derive.docs.decide), a gibibyte 2^30 bytes
BITS_IN = {
    **dict.fromkeys(BITS, 1),
    **dict.fromkeys(BYTES, 8),
    **{f"{prefix}{byte}": 8 * 10 ** (3 * k) for k, prefix in enumerate("KMGTP", 1) for byte in ("B", "Bytes")},
    **{f"{prefix}iB": 8 * 2 ** (10 * k) for k, prefix in enumerate("KMGTP", 1)},
}
DECIMAL_BYTES = re.compile(r"(\\(?:text|mbox|textrm|textnormal|mathrm)\s*\{\s*)([KMGTP])(?:B|Bytes)(\s*\})")
UNIT_FONTS = ("text", "mbox", "textrm", "textnormal", "mathrm")
# tokens that end a side besides a relation
SIDE_ENDS = (",", ";;", ".", "&")


# a count written with its magnitude in text type after the digits, as parameter and token counts are: 124\text{M}
MAGNITUDES = {"K": 3, "thousand": 3, "M": 6, "million": 6, "B": 9, "billion": 9, "T": 12, "trillion": 12}
MAGNITUDE = re.compile(
    r"(?<![\w.])(\d+(?:\.\d+)?)(?:\s|~|\\[,;:! ])*\\(?:text|mathrm|mbox|textrm)\s*\{\s*("
    + "|".join(MAGNITUDES)
    + r")\s*\}"
)


def with_magnitudes(text: str) -> str:
    """``text`` with each count written with its magnitude in words or letters (``124\\text{M}``,
    ``16.7 \\text{ million}``, ``175\\,\\text{B}``) as that number times a power of ten (``124 \\times 10^{6}``)."""
    return MAGNITUDE.sub(lambda m: f"{m.group(1)} \\times 10^{{{MAGNITUDES[m.group(2)]}}}", text)


def without_units(tokens) -> list:
    """``tokens`` with each unit after a number at the end of a side removed.

    Raises Unsupported when the formula mixes units (bytes and GB: the checker converts none), when a multiple
    of a unit (GB, ms) stands beside a side that does not carry it (that side may count bytes), and when bits
    or nats stand beside a logarithm of no written base."""
    at = [m for m in range(len(tokens)) if _unit_at(tokens, m)]
    if not at:
        return tokens
    units = sorted({word_of(tokens[m + 1].items).strip() for m in at})
    if len(units) > 1 and set(units) <= set(BITS_IN) and _bits_and_bytes_comparable(tokens, at):
        return _bytes_in_bits(tokens, at)
    if len(units) > 1:
        raise Unsupported(f"values in different units ({', '.join(units)}): the checker does not convert units")
    unit = units[0]
    if SCALED_UNITS.intersection(_parts(unit)) and len(at) < len(_sides(tokens)) and not _converted(tokens, at, unit):
        raise Unsupported(
            f"a value in {unit} beside a side written without the unit: that side may count a smaller unit"
        )
    if unit in NATS and _unwritten_log_base(tokens):
        tokens = _natural_logs(tokens)  # a value in nats: each \\log of no written base is the natural one
    elif INFORMATION_UNITS.intersection(_parts(unit)) and _unwritten_log_base(tokens):
        raise Unsupported(f"a value in {unit} beside \\log of no written base: the unit may set the base")
    dropped = {n for m in at for n in (m, m + 1)}
    return [t for n, t in enumerate(tokens) if n not in dropped]


# the power of ten that turns bytes into a multiple (2 \cdot 4096 \cdot 2 \cdot 10^{-9} \approx 1.64 \text{GB}); a
# side that writes it counts the multiple, so a gigabyte read as 2^{30} bytes (derive.docs.decide) changes nothing
DECIMAL_POWERS = {f"{prefix}{byte}": 3 * k for k, prefix in enumerate("KMGTP", 1) for byte in ("B", "Bytes", "iB")}


def _converted(tokens, at, unit) -> bool:
    """Whether every side without the unit multiplies by the power of ten that turns bytes into it (a factor
    10^{-9} at the top level of the side beside a value in GB): that side counts the unit, not bytes."""
    power = DECIMAL_POWERS.get(unit.strip())
    if power is None:
        return False
    starts = _sides(tokens)
    ends = [*starts[1:], len(tokens)]
    unitless = [(a, b) for a, b in zip(starts, ends) if not any(a <= m < b for m in at)]
    return bool(unitless) and all(_scaled_by(tokens[a:b], power) for a, b in unitless)


def _scaled_by(side, power) -> bool:
    """Whether the side's top-level tokens multiply by 10^{-power} (not divide by it)."""
    for m in range(2, len(side) - 1):
        ten = side[m - 2].is_ch("1") and side[m - 1].is_ch("0") and side[m].is_ch("^")
        if ten and side[m + 1].kind == "group" and word_of(side[m + 1].items).replace(" ", "") == f"-{power}":
            return not (m >= 3 and side[m - 3].is_ch("/", "1", "0", "2", "3", "4", "5", "6", "7", "8", "9", "."))
    return False


def _natural_logs(tokens) -> list:
    """``tokens`` with each \\log of no written base, in groups too, written \\ln: the unit nats sets the base e."""
    out = []
    for m, x in enumerate(tokens):
        if x.kind == "group":
            x = Tok(x.kind, x.text, x.pos, _natural_logs(x.items))
        elif x.is_cs("log") and not (m + 1 < len(tokens) and tokens[m + 1].is_ch("_")):
            x = Tok(x.kind, "ln", x.pos, x.items)
        out.append(x)
    return out


def binary_byte_multiples(text: str) -> str | None:
    """``text`` with each multiple of bytes written with an SI prefix (\\text{GB}, \\text{GBytes}) written as its binary
    namesake (\\text{GiB}): the other count of a gigabyte; None when the text writes none."""
    binary = DECIMAL_BYTES.sub(lambda m: f"{m.group(1)}{m.group(2)}iB{m.group(3)}", text)
    return binary if binary != text else None


def _bytes_in_bits(tokens, at) -> list:
    r"""A formula whose every side is a count of bits, of bytes or of a multiple of bytes (GB), each side in bits: its
    value in brackets times the bits of its unit (4 \times 256 \text{ bit} = 128 \text{ bytes} reads
    4 \times 256 = (128) \cdot 8)."""
    starts, out, last = _sides(tokens), [], 0
    for m in at:
        start = max(s for s in starts if s <= m)
        out.extend(tokens[last:start])
        side = tokens[start:m]
        bits = BITS_IN[word_of(tokens[m + 1].items).strip()]
        if bits != 1:
            side = [Tok("ch", "("), *side, Tok("ch", ")"), *lex(rf"\cdot {bits}")]
        out.extend(side)
        last = m + 2
    return [*out, *tokens[last:]]


def _bits_and_bytes_comparable(tokens, at) -> bool:
    r"""Whether every side is one term ending in its unit (4 \times 256 \text{ bit}; in 2 + 2 \text{ bytes} the unit
    may count the last term only), but for a first side that is a name alone (\text{Bytes}_\text{weights}, which the
    chain gives its value), and no \log of unwritten base stands beside the bits (the unit may set the base)."""
    starts = _sides(tokens)
    if _unwritten_log_base(tokens):
        return False
    if len(at) != len(starts) and not (len(at) == len(starts) - 1 and at[0] > starts[1] and _a_name(tokens[: at[0]])):
        return False
    for m in at:
        start, depth = max(s for s in starts if s <= m), 0
        for x in tokens[start + 1 : m]:
            depth += 1 if x.is_ch("(", "[") else -1 if x.is_ch(")", "]") else 0
            if depth == 0 and x.is_ch("+", "-"):
                return False
    return True


def _a_name(tokens) -> bool:
    """Whether the tokens before the first side's relation write one name: letters, text and scripts, no number
    or operation."""
    end = next(m for m in range(len(tokens)) if relation_at(tokens, m))
    return all(
        x.kind == "group"
        and _a_name([*x.items, Tok("ch", "=")])
        or x.kind == "cs"
        and x.text in (*UNIT_FONTS, "mathbf", "mathit")
        or x.kind == "ch"
        and (x.text.isalpha() or x.text in "_ -")
        for x in tokens[:end]
    )


def _unit_at(tokens, m) -> bool:
    """Whether tokens[m] starts a unit in text type right after a number or a term of names, at the end of a side."""
    if m == 0 or m + 1 >= len(tokens) or not tokens[m].is_cs(*UNIT_FONTS) or tokens[m + 1].kind != "group":
        return False
    if not all(part in PLAIN_UNITS | SCALED_UNITS for part in _parts(word_of(tokens[m + 1].items))):
        return False
    return (_number_ends(tokens, m) or _name_ends(tokens, m)) and _side_ends(tokens, m + 2)


def _parts(unit: str) -> list:
    """The units a unit is written of: a rate's two (samples/second, GB/s), else the unit alone."""
    parts = [part.strip() for part in unit.strip().split("/")]
    return parts if len(parts) <= 2 else [unit.strip()]


def _number_ends(tokens, m) -> bool:
    """Whether a written number ends just before tokens[m]: a digit, or a power of a number (10^{9}, 2^8)."""
    before = tokens[m - 1]
    if before.kind == "ch" and before.text.isdigit():
        return True
    return (
        m >= 3
        and tokens[m - 2].is_ch("^")
        and (before.kind == "group" and word_of(before.items).isdigit() or before.text.isdigit())
        and tokens[m - 3].kind == "ch"
        and tokens[m - 3].text.isdigit()
    )


def _name_ends(tokens, m) -> bool:
    """Whether a term of names ends just before tokens[m] (4 N B S H, x_{i}, (B S H), \\text{Bytes}_\\text{layer}): the
    unit of a count written in symbols, as FLOPs and memory are."""
    before = tokens[m - 1]
    if before.kind == "ch" and before.text.isdigit():
        return m >= 2 and tokens[m - 2].is_ch("_", "^")  # H^2, x_1
    if before.kind == "ch":
        return before.text.isalpha() or before.text in ")]"
    return before.kind == "group" and (tokens[m - 2].is_ch("_", "^") or tokens[m - 2].is_cs(*UNIT_FONTS))


def _side_ends(tokens, m) -> bool:
    return m >= len(tokens) or tokens[m].is_ch(*SIDE_ENDS) or tokens[m].is_cs("\\") or relation_at(tokens, m)


def _sides(tokens) -> list:
    """The start of each side of the formula's top-level relations."""
    starts, depth, m = [0], 0, 0
    while m < len(tokens):
        x = tokens[m]
        depth += 1 if x.is_ch("(", "[") else -1 if x.is_ch(")", "]") else 0
        found = relation_at(tokens, m) if depth == 0 else None
        if found:
            m += found[1]
            starts.append(m)
            continue
        m += 1
    return starts


def _unwritten_log_base(tokens) -> bool:
    """Whether a \\log without a subscript base appears anywhere in the tokens."""
    for m, x in enumerate(tokens):
        if x.kind == "group" and _unwritten_log_base(x.items):
            return True
        if x.is_cs("log") and not (m + 1 < len(tokens) and tokens[m + 1].is_ch("_")):
            return True
    return False
