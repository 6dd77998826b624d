"""Indefinite integrals: an equation whose sides each write ``\\int f(x) \\, dx``, or that adds a constant of
integration (``+ C``), holds up to a constant, so it is checked by differentiating every side by the integrals' variable
(the last term ``+ C`` dropped).

The value of ``\\int f(x) \\, dx`` is the integral of f from an arbitrary base to x: its derivative in x is f(x) (the
fundamental theorem of calculus), whatever the base. An equation holds up to a constant exactly when the derivatives
of its sides agree, so a PASS means the antiderivatives differ by a constant. An integral written without bounds may
also be over the whole line (``\\int p(x) dx = \\int q(x) dx``): without a ``+ C``, a refutation stands only when the
integrals over the whole line differ too (:func:`over_the_whole_line`); a bare integral beside a side without one and
without a constant of integration (``\\int p(x) dx = 1``) is not read.
"""

from __future__ import annotations

import re

import sympy as sp

from derive.docs.nodes import Atom, Deriv, Integral, Side
from derive.docs.tokens import Unsupported

BASE = sp.Dummy("base of an antiderivative", real=True)  # never given a value: left over, the side has none
CONSTANT_NAMES = ("C", "c", "const", "K")  # the constant of integration, as authors name it


def differentiate_sides(reading) -> str | None:
    """With indefinite integrals in the chain, each side replaced by its derivative in their variable; the variable's
    name, or None when the chain has none. Refused (Unsupported) where up to a constant has no reading."""
    table = reading.sides[0].table if reading.sides else {}
    integrals = [node for node in table.values() if isinstance(node, Integral) and node.indefinite]
    if not integrals:
        return None
    variables = {node.variable for node in integrals}
    if len(variables) != 1:
        raise Unsupported("indefinite integrals over different variables in one formula")
    if any(relation != "=" for relation in reading.relations):
        raise Unsupported("an indefinite integral (defined up to a constant) in a comparison other than =")
    reading.constant_written = any(_without_constant(side.text, table) != side.text for side in reading.sides)
    if not reading.constant_written and not all(_has_integral(side, integrals) for side in reading.sides):
        raise Unsupported(
            "an integral without bounds beside a side without one: over the whole line or an antiderivative is not"
            " said (write the bounds, or + C for an antiderivative)"
        )
    variable = variables.pop()
    number = len(table) + 1
    table[f"Y{number}"] = Atom(variable, [], "")
    by = Side(f" \\text{{Y{number}}} ", table)
    sides = []
    for side in reading.sides:
        text = _without_constant(side.text, table)
        number = len(table) + 1
        table[f"Y{number}"] = Deriv(Side(text, table, side.source), by)
        sides.append(Side(f" \\text{{Y{number}}} ", table, side.source))
    reading.sides = sides
    return variable


def over_the_whole_line(text: str) -> str:
    """The formula with each integral written without bounds taken from -∞ to ∞."""
    return BARE_INTEGRAL.sub(lambda m: m.group(0) + "_{-\\infty}^{\\infty}", text)


BARE_INTEGRAL = re.compile(r"\\int(?![A-Za-z])(?!\s*(?:\\limits\s*)?[_^])")


def _has_integral(side: Side, integrals) -> bool:
    names = set(re.findall(r"\\text\{(Y\d+)\}", side.text))
    return any(side.table.get(name) in integrals for name in names)


def variable_value(interp, node: Integral):
    """The value the integral's variable has where its indefinite integral is read (the variable differentiated by)."""
    return interp._scalar(interp.atom(Atom(node.variable, [], ""), None))


def _without_constant(text: str, table) -> str:
    """A side's text without a last term ``+ C`` (or ``- C``): the constant of integration."""
    last = re.search(r"[+-]\s*\\text\{(Y\d+)\}\s*$", text)
    if last is None:
        return text
    node = table.get(last.group(1))
    if isinstance(node, Atom) and node.key in CONSTANT_NAMES and not node.sub and node.args is None:
        return text[: last.start()]
    return text
