"""The one adapter between the formula checker and a LaTeX-to-SymPy parser.

Choice: ``latex2sympy2_extended`` (the maintained fork of latex2sympy2). Measured
against latex2sympy2 1.9.1: latex2sympy2 pins ``antlr4-python3-runtime==4.7.2``
exactly, which clashes with packages common in ML environments that need ANTLR 4.9
or later (omegaconf/hydra); the fork runs on the current ANTLR runtime. Its defaults
are tuned for grading answers, so every one of them that changes meaning is turned
off here:

* ``lowercase_symbols=False`` (``W`` and ``w`` are different symbols);
* ``interpret_as_mixed_fractions=False`` (``2\\frac{1}{2}`` is a product, not 5/2);
* ``interpret_simple_eq_as_assignment=False`` and ``interpret_contains_as_eq=False``;
* the answer normaliser (units, ``\\boxed``, "malformed operators") is off.

Three more defaults never reach the parser, because the notation layer
(:mod:`derive.docs.interpret`) rewrites the formula first: every identifier (so
``\\gamma`` is never Euler's constant and ``\\pi`` never 3.14159) becomes an opaque
placeholder ``\\text{YN}``, and ``\\log`` is sent as ``\\ln`` (natural log by default;
configurable). The parser therefore only sees arithmetic structure: sums, products
(kept in written order: the fork builds products unevaluated), fractions, powers,
roots, ``\\exp``, ``\\ln`` and numbers. Swapping the parser means rewriting
:func:`parse_latex` only.
"""

from __future__ import annotations

import functools
import re

from derive.errors import DeriveError


class ParseError(DeriveError):
    """The LaTeX grammar rejected a formula; ``position`` is a character offset or None."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__(message)
        self.position = position


_CONFIGS = None


def _configs():
    global _CONFIGS
    if _CONFIGS is None:
        from latex2sympy2_extended import NormalizationConfig
        from latex2sympy2_extended.latex2sympy2 import ConversionConfig

        _CONFIGS = (
            NormalizationConfig(
                basic_latex=False, units=False, malformed_operators=False, nits=False, boxed="none", equations=False
            ),
            ConversionConfig(
                interpret_as_mixed_fractions=False,
                interpret_simple_eq_as_assignment=False,
                interpret_contains_as_eq=False,
                lowercase_symbols=False,
            ),
        )
    return _CONFIGS


@functools.lru_cache(maxsize=4096)
def parse_latex(text: str):
    """SymPy expression for ``text`` (products unevaluated, in written order); ParseError if rejected."""
    from latex2sympy2_extended import latex2sympy

    normalization, conversion = _configs()
    if not text.strip():
        raise ParseError("expected an expression, found nothing", 0)
    try:
        return latex2sympy(text, normalization_config=normalization, conversion_config=conversion)
    except RecursionError:
        raise ParseError("formula nested too deeply") from None
    except Exception as exc:  # the parser raises bare Exceptions with a caret diagram
        message = str(exc).strip()
        lines = message.splitlines()
        position = None
        for line in lines:
            if set(line.strip()) <= {"~", "^"} and "^" in line:
                position = line.index("^")
        head = lines[0] if lines else type(exc).__name__
        head = re.sub(r"\s+", " ", head)
        raise ParseError(f"{head.lower()}", position) from None
