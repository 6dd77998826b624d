r"""A positive function of θ the tag declares conditioned on states, that the formula also draws from: one law.

A tag that says ``\pi(z \mid x): function of \theta`` and ``\pi(z \mid x) > 0`` leaves π any positive function of its
arguments and θ (derive.docs.arbitrary). When the formula also draws from it, ``z \sim \pi(\cdot \mid x)``, π is a
law over the outcomes at each state: wherever the formula writes it, its value at outcome z is the function's value
there over the function's sum over the outcomes 1 … n at the same state and θ, so that it is normalised for every
state and every θ, and the expectation's law is that same vector. An identity that holds for every such policy holds
for it; a refutation names the function it was found with, normalised so.
"""

from __future__ import annotations

import re

import sympy as sp

from derive.docs.interpret import Atom
from derive.docs.values import Vec

# the law as an expectation's subscript keeps it: pi(z|x), pi_theta(a|s), pi(.|x) with the outcome left open
LAW_GIVEN = re.compile(r"(?P<name>[A-Za-z]+(?:_[A-Za-z]+)?)\((?P<outcome>[A-Za-z]|\.|cdot)\|(?P<states>[^()|]+)\)")
SHOWN = "{0}(k | ...) = a positive function of k, the states and the parameters over its sum over k = 1 … n"
STATE = re.compile(r"[A-Za-z]+(?:_[A-Za-z0-9]+)?")


def drawn_in_formula(reader, name: str) -> bool:
    """Whether an expectation's subscript in the formula draws from ``name`` given states (``z \\sim \\pi(\\cdot \\mid
    x)``)."""
    squashed = re.escape(name)
    pattern = re.compile(rf"sim{squashed}\((?:[A-Za-z]|\.|cdot)\|")
    return any(pattern.search(_squashed(side.written)) for side in reader.formula_sides)


def _squashed(written: str) -> str:
    text = re.sub(r"\\(?:mid|vert)(?![A-Za-z])", "|", written)
    return re.sub(r"[\s{}\\]", "", text).replace("left", "").replace("right", "")


def normalised(reader, function, values: list):
    """The function's value at ``values`` over its sum over the outcomes 1 … n in the first place, the rest kept."""
    return function(*values) / _total(reader, function, values[1:])


def _total(reader, function, rest: list):
    size = reader.size_value
    if isinstance(size, (int, sp.Integer)):
        return sp.Add(*(function(sp.Integer(j), *rest) for j in range(1, int(size) + 1)))
    other = sp.Dummy("j", integer=True, positive=True)
    return sp.Sum(function(other, *rest), (other, 1, size))


def law_of_draw(reader, law: str, variable: str, side):
    """The probability vector of the draw ``variable \\sim law`` (``pi(z|x)``) when the tag declares the law's name a
    positive function of further names and the formula draws from it given plain states; None otherwise."""
    from derive.docs.arbitrary import _record, generic_function

    written = LAW_GIVEN.fullmatch(law)
    if written is None or written["outcome"] not in (variable, ".", "cdot"):
        return None
    name = written["name"]
    declared = reader.function_of.get(name)
    states = written["states"].split(",")
    if declared is None or not declared[1] or not all(STATE.fullmatch(state) for state in states):
        return None
    if variable in states:
        return None
    values = [reader.node(Atom(state, [], ""), side) for state in states]  # an unbound state is reported as such
    further = [reader.side(argument) for argument in declared[0]]
    if any(isinstance(value, (Vec, sp.MatrixBase)) for value in [*values, *further]):
        return None  # a function of a vector's entries: not this reading
    rest = [*values, *further]
    function = generic_function(name, 1 + len(rest), True, reader.family_of.get(name, reader.generic_family))
    total = _total(reader, function, rest)
    _record(reader, name, SHOWN.format(name), True)
    return Vec(lambda k: function(k, *rest) / total, reader.size_value)
