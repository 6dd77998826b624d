"""A recursive-descent grammar for the arithmetic the notation layer hands the parser, building the
tree the full LaTeX grammar builds for it, or declining.

The notation layer (:mod:`derive.docs.interpret`) replaces every name by an opaque placeholder
``\\text{YN}``, so what reaches :func:`derive.docs.parse.parse_latex` is nearly always a small
language: placeholders and numbers; ``+``, ``-``, ``\\cdot``, ``\\times``, ``*``, ``/`` and
products written side by side; ``^``, ``!``, ``\\frac``, ``\\sqrt``; parentheses and braces; and a
few functions (``\\ln``, ``\\exp``, trigonometric and hyperbolic), with or without parentheses
around their argument. The full grammar (latex2sympy2_extended's, run by ANTLR) reads that
language at several milliseconds a formula, most of it the first time a process meets each
shape; this grammar reads it in tens of microseconds.

It is the full grammar's ``expr`` rule restricted to those tokens, with the same precedences
(a product written side by side binds tighter than ``\\cdot`` and ``/``, so ``a / b c`` is
a/(bc); a function without parentheses takes the product and quotient after it, up to the next
function, ``+`` or ``-``), and each node is built by the same SymPy calls as the full grammar's
converter, so the trees are identical, argument order included. Anything else — another
command, a letter, a subscript, a comma, a relation, a side that is one bracketed group (which
the full grammar may read as a tuple, a set or an interval) — is declined: :func:`read` returns
None and the full grammar reads the text. tests/docs/test_arithmetic_grammar.py checks the two
grammars agree, tree for tree, on every text the corpus and the project's documents send the
parser, and on random texts of this language.
"""

from __future__ import annotations

import re

import sympy
import sympy.functions.elementary.hyperbolic as _hyperbolic
import sympy.functions.elementary.trigonometric as _trigonometric

_TOKEN = re.compile(
    r"\s*(?:(?P<name>\\text\{Y\d+\})|(?P<number>[0-9]+(?:\.[0-9]+)?)|(?P<command>\\[A-Za-z]+)|(?P<char>[-+*/^(){}\[\]!]))"
)
_TRIGONOMETRIC = ("sin", "cos", "tan", "csc", "sec", "cot")
_HYPERBOLIC = ("sinh", "cosh", "tanh")
_INVERSE_TRIGONOMETRIC = tuple("arc" + name for name in _TRIGONOMETRIC)
_FUNCTIONS = frozenset(("ln", "log", "exp", *_TRIGONOMETRIC, *_HYPERBOLIC, *_INVERSE_TRIGONOMETRIC))
_COMMANDS = frozenset(("frac", "sqrt", "cdot", "times", *_FUNCTIONS))
_PRODUCT = frozenset(("\\cdot", "\\times", "*", "/"))
_OPENERS = ("(", "{")  # what opens a group; [ ] only enclose a root's index
_CLOSERS = {"(": ")", "{": "}", "[": "]"}


class _Decline(Exception):
    """The text is outside this grammar's language: the full grammar reads it."""


def read(text: str):
    """The SymPy tree the full grammar builds for ``text``, or None where this grammar declines."""
    tokens = _tokens(text)
    if tokens is None or not tokens or _read_as_a_collection(tokens):
        return None
    try:
        return _Reader(tokens).whole()
    except (_Decline, RecursionError):
        return None


def _tokens(text: str) -> list[str] | None:
    tokens, position = [], 0
    while position < len(text):
        found = _TOKEN.match(text, position)
        if found is None:
            if text[position:].strip():
                return None
            break
        token = found.group(found.lastgroup)
        if found.lastgroup == "command" and token[1:] not in _COMMANDS:
            return None
        tokens.append(token)
        position = found.end()
    return tokens


def _read_as_a_collection(tokens: list[str]) -> bool:
    """Whether the full grammar may read the text as a set, a tuple or an interval rather than an expression:
    a side that is one brace group, or one parenthesis holding one brace group (``({x})`` is the set {x})."""
    if not one_group(tokens, _CLOSERS, _CLOSERS.values()):
        return False
    return tokens[0] != "(" or (
        len(tokens) > 2 and tokens[1] == "{" and one_group(tokens[1:-1], _CLOSERS, _CLOSERS.values())
    )


def one_group(items, openers, closers) -> bool:
    """Whether the items (tokens, or the full grammar's token kinds) open a bracket at the first that closes only at
    the last: ``(a, b)``, ``\\{a\\}``, where the full grammar may read a tuple, a set or an interval."""
    if items[0] not in openers:
        return False
    depth = 0
    for position, item in enumerate(items):
        depth += (item in openers) - (item in closers)
        if depth <= 0:
            return position == len(items) - 1
    return True


def _number(text: str):
    """The numeral as the full grammar's converter reads it (``sympy.Number`` of its text), built without
    SymPy's string parser: digits are an Integer, digits with a point a Float of the digits written."""
    if text.isdigit():
        return sympy.Integer(int(text))
    return sympy.Float(text)


def _add(left, right):
    if left.is_Add or right.is_Add:
        terms = [*(left.args if left.is_Add else (left,)), *(right.args if right.is_Add else (right,))]
        return sympy.Add(*terms, evaluate=False)
    return sympy.Add(left, right, evaluate=False)


def _multiply(left, right):
    if left.is_Mul or right.is_Mul:
        factors = [*(left.args if left.is_Mul else (left,)), *(right.args if right.is_Mul else (right,))]
        return sympy.Mul(*factors, evaluate=False)
    return sympy.Mul(left, right, evaluate=False)


def _negative(value):
    return -value if value.func.is_Number else _multiply(sympy.Integer(-1), value)


def _quotient(top, bottom):
    if top.is_Integer and bottom.is_Integer:
        return sympy.Rational(top, bottom)
    return sympy.Mul(top, sympy.Pow(bottom, -1, evaluate=False), evaluate=False)


def _side_by_side(items):
    """The product of items written side by side, built from the right as the full grammar's converter does
    (an integer before a positive fraction is read as a mixed number there, so it is here)."""
    result = items[-1]
    for item in reversed(items[:-1]):
        if item.is_Integer and result.is_Rational and result.p > 0 and result.q > 0:
            result = sympy.Rational(item * result.q + (-result.p if item < 0 else result.p), result.q)
        else:
            result = _multiply(item, result)
    return result


class _Reader:
    def __init__(self, tokens: list[str]):
        self.tokens = tokens
        self.at = 0
        self.in_argument = False

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise _Decline
        self.at += 1
        return token

    def whole(self):
        tree = self.expression()
        if self.peek() is not None:
            raise _Decline
        return tree

    def expression(self):
        left = self.product(functions=True)
        while self.peek() in ("+", "-"):
            operator = self.take()
            right = self.product(functions=True)
            left = _add(left, right if operator == "+" else _negative(right))
        return left

    def product(self, functions: bool):
        left = self.unary(functions)
        while self.peek() in _PRODUCT:
            operator = self.take()
            right = self.unary(functions)
            left = _quotient(left, right) if operator == "/" else _multiply(left, right)
        return left

    def unary(self, functions: bool):
        if self.peek() in ("+", "-"):
            sign = self.take()
            value = self.unary(functions)
            return value if sign == "+" else _negative(value)
        items = [self.postfix()]
        while self.starts_postfix(functions):
            items.append(self.postfix())
        return _side_by_side(items)

    def starts_postfix(self, functions: bool) -> bool:
        token = self.peek()
        if token is None:
            return False
        if token.startswith("\\text") or token[0].isdigit() or token in ("(", "{", "\\frac", "\\sqrt"):
            return True
        return functions and token[1:] in _FUNCTIONS

    def postfix(self):
        value = self.power()
        while self.peek() == "!":
            self.take()
            value = sympy.factorial(value, evaluate=False)
        if self.peek() == "^":
            raise _Decline
        return value

    def power(self):
        named = (self.peek() or "").startswith("\\text")
        value = self.component()
        while self.peek() == "^":
            self.take()
            value = sympy.Pow(value, self.exponent(), evaluate=False)
        if named and self.peek() in ("(", "{"):
            raise _Decline  # f^{2}(x), f^{2}{(x)}: the full grammar applies a function
        return value

    def exponent(self):
        if self.peek() == "{":
            return self.enclosed("{")
        token = self.take()
        if self.peek() == "^":
            raise _Decline  # x^y^2: the full grammar may read the exponent y^2 as one atom
        if token.startswith("\\text"):
            return sympy.Symbol(token[6:-1])
        if token[0].isdigit():
            return _number(token)
        raise _Decline

    def component(self):
        if self.peek() in _OPENERS:
            return self.enclosed(self.peek())
        token = self.take()
        if token.startswith("\\text"):
            return sympy.Symbol(token[6:-1])
        if token[0].isdigit():
            return _number(token)
        if token == "\\frac":
            top = self.enclosed("{")
            return _quotient(top, self.enclosed("{"))
        if token == "\\sqrt" and not self.in_argument:
            if self.peek() == "[":
                root = self.enclosed("[")
                return sympy.Pow(self.enclosed("{"), 1 / root, evaluate=False)
            return sympy.Pow(self.enclosed("{"), sympy.S.Half, evaluate=False)
        if token[1:] in _FUNCTIONS and not self.in_argument:
            return self.function(token[1:])
        raise _Decline

    def enclosed(self, opener: str):
        """The expression between ``opener`` and the bracket that closes it."""
        self.take(opener)
        value = self.expression()
        self.take(_CLOSERS[opener])
        return value

    def function(self, name: str):
        power = None
        if self.peek() == "^":
            self.take()
            power = self.exponent()
        if self.peek() == "(":
            argument = self.enclosed("(")
        else:
            # an argument without parentheses holding another function (\\sqrt is one to the full
            # grammar) is read by rules too intricate to mirror here
            self.in_argument = True
            try:
                argument = self.product(functions=False)
            finally:
                self.in_argument = False
        if name in ("ln", "log"):
            value = sympy.log(argument, sympy.E if name == "ln" else 10, evaluate=False)
        elif name == "exp":
            value = sympy.exp(argument, evaluate=False)
        elif name in _INVERSE_TRIGONOMETRIC:
            value = getattr(_trigonometric, "a" + name[3:])(argument, evaluate=False)
        else:
            if power == -1:
                name, power = "a" + name, None
            family = _trigonometric if name.lstrip("a") in _TRIGONOMETRIC else _hyperbolic
            value = getattr(family, name)(argument, evaluate=False)
        if power:
            value = sympy.Pow(value, power, evaluate=False)
        return value
