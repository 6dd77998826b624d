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

That arithmetic is read first by a grammar of its own (:mod:`derive.docs.arithmetic_grammar`), which
builds the same tree as the full grammar, node for node, in a small fraction of the time, and declines
whatever lies outside it; only then does the full grammar run.

Speed: the grammar is parsed in ANTLR's two stages. SLL prediction, which caches
all its decisions, runs first and gives up at the first doubt; only then is the
formula parsed again with full LL prediction, the parser's default. ANTLR guarantees
that an SLL parse that succeeds builds the tree LL would build, so the result is the
same, at about four fifths of the time on a real book (tests/docs/test_docs_parse.py).
Before either, a side is parsed as one expression (the grammar's ``expr``): the grammar's
top rule decides between a list, a set, a relation and an expression only after looking
ahead to the end of the side, so each new side would grow ANTLR's cached decisions by its
whole length. A side that is one bracketed group, holds a set's or a ± token, or is not
one expression to its end goes through the whole grammar as before.
"""

from __future__ import annotations

import functools
import re

from derive.docs.arithmetic_grammar import one_group
from derive.docs.arithmetic_grammar import read as read_arithmetic
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


_TWO_STAGE = None


def _two_stage_converter():
    """latex2sympy's converter, parsing in ANTLR's two stages (SLL, then LL if SLL gives up)."""
    global _TWO_STAGE
    if _TWO_STAGE is None:
        from antlr4 import Token
        from antlr4.atn.PredictionMode import PredictionMode
        from antlr4.error.Errors import ParseCancellationException
        from antlr4.error.ErrorStrategy import BailErrorStrategy
        from latex2sympy2_extended.latex2sympy2 import _Latex2Sympy

        class TwoStage(_Latex2Sympy):
            quick = False

            def create_parser(self, latex_str):
                parser = super().create_parser(latex_str)
                if self.quick:
                    parser._interp.predictionMode = PredictionMode.SLL
                    parser._errHandler = BailErrorStrategy()
                    parser.removeErrorListeners()
                return parser

            def expression(self, latex_str):
                """The text parsed as one expression (the grammar's ``expr``) and converted, or None
                where it may be read as more than that (a set, a tuple, a relation, a list)."""
                parser = self.create_parser(latex_str)
                stream = parser.getTokenStream()
                stream.fill()
                types = [token.type for token in stream.tokens][:-1]  # without the end of input
                if not types or _one_group(types) or any(kind in _token_kinds()[2] for kind in types):
                    return None
                tree = parser.expr()
                if stream.LA(1) != Token.EOF:
                    return None
                return self.convert_expr(tree)

            def parse(self, latex_str):
                self.quick = True
                try:
                    braced = _braced_bases(latex_str)
                    try:
                        value = self.expression(braced)
                    except ParseCancellationException:
                        value = None
                    if value is not None:
                        return value
                    if braced != latex_str:
                        try:
                            return super().parse(braced)
                        except ParseCancellationException:
                            pass
                    return super().parse(latex_str)
                except ParseCancellationException:
                    pass
                finally:
                    self.quick = False
                return super().parse(latex_str)

        _TWO_STAGE = TwoStage
    return _TWO_STAGE


@functools.lru_cache(maxsize=1)
def _token_kinds():
    """(openers, closers, set tokens) of the grammar: the token types a set, a tuple or an interval is written with."""
    from latex2sympy2_extended.antlr_parser import PSParser

    names = PSParser.symbolicNames
    openers = {kind for kind, name in enumerate(names) if name.startswith("L_") or name == "BOXED_CMD"}
    closers = {kind for kind, name in enumerate(names) if name.startswith("R_")}
    sets = {kind for kind, name in enumerate(names) if name.startswith("SET_") or name == "PLUS_MINUS"}
    return openers, closers, sets


def _one_group(types) -> bool:
    """Whether the tokens open a bracket (or ``\\boxed``) at the start that closes only at the end: ``(a, b)``,
    ``\\{a\\}``, where the grammar may read a tuple, a set or an interval rather than an expression."""
    openers, closers, _ = _token_kinds()
    return one_group(types, openers, closers)


# a placeholder, then ^ and a one-token superscript or one of placeholders and braceless text, then an operator, a closing
# bracket, another placeholder or the end: never a bracket, where the grammar reads f^{n}(x)
_BARE_BASE = re.compile(
    r"(\\text\{Y\d+\})(?=\s*\^\s*(?:\{(?:[^{}]|\\text\{Y\d+\})*\}|\w)\s*(?:$|[-+=})\],/]|\\cdot\b|\\times\b|\\text\{Y))"
)


def _braced_bases(text: str) -> str:
    """``text`` with each placeholder that is the base of a power put in a group: ``{\\text{Y1}}^{2}``.

    The grammar decides a bare atom before ``^`` only with full LL prediction, so SLL gives
    up on every such power; a group as the base is decided by SLL, and a group converts to
    the expression it holds, so the tree is the same (checked on the 1,202 distinct sides of
    a real book and of the project's documents: tests/docs/test_docs_parse.py). Not where a
    bracket follows the power: ``\\text{Y1}^{2}(x)`` is the function power f²(x).
    """
    return _BARE_BASE.sub(r"{\1}", text)


def _latex2sympy(text: str, two_stage: bool = True):
    if two_stage:
        tree = read_arithmetic(text.strip())
        if tree is not None:
            return tree
    return full_grammar(text, two_stage)


def full_grammar(text: str, two_stage: bool = True):
    """The tree latex2sympy2_extended's grammar builds for ``text``, with this module's settings."""
    from latex2sympy2_extended import latex2sympy
    from latex2sympy2_extended.math_normalization import normalize_latex

    normalization, conversion = _configs()
    if not two_stage:
        return latex2sympy(text, normalization_config=normalization, conversion_config=conversion)
    return _two_stage_converter()(config=conversion).parse(normalize_latex(text, normalization))


@functools.lru_cache(maxsize=4096)
def parse_latex(text: str):
    """SymPy expression for ``text`` (products unevaluated, in written order); ParseError if rejected."""
    if not text.strip():
        raise ParseError("expected an expression, found nothing", 0)
    try:
        return _latex2sympy(text)
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
