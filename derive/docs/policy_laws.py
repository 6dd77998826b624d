r"""A law applied to a state in a draw, ``a \sim \pi(s)``: the policy's distribution over the drawn outcomes at s.

Reinforcement-learning texts write the action drawn from the policy at a state as ``a \sim \pi(s)``. When nothing
binds ``\pi(s)``, the draw is read as one of an arbitrary law over the outcomes that depends on the state: the
probability of outcome k at s is a fixed positive smooth function of (k, s), normalised over the outcomes. A claim
about every policy is checked on it; a refutation names the law it was found with.
"""

from __future__ import annotations

import re

import sympy as sp

from derive.docs.arbitrary import _record, generic_function
from derive.docs.interpret import Atom
from derive.docs.values import Vec

LAW_AT_STATES = re.compile(r"(?P<law>pi|p|q|P|Q)(?:_(?P<label>[A-Za-z]+|\{[A-Za-z]+\}))?\((?P<states>[^()|;]+)\)")
STATE = re.compile(r"[A-Za-z]+(?:_[A-Za-z0-9]+)?")


def policy_law(reader, law: str, variable: str, side):
    """The vector of probabilities of ``law`` (``pi(s)``, the subscript's spelling) over the outcomes ``variable``
    takes, at the values of its states; None when ``law`` is not a law letter applied to plain names other than
    ``variable``."""
    written = LAW_AT_STATES.fullmatch(law)
    if written is None or not variable:
        return None
    states = written["states"].split(",")
    if not all(STATE.fullmatch(state) for state in states) or variable in states:
        return None
    values = [reader.node(Atom(state, [], ""), side) for state in states]  # an unbound state is reported as such
    name = law.partition("(")[0]
    weight = generic_function(name, 1 + len(values), positive=True)
    size = reader.size_value
    other = sp.Dummy("j", integer=True, positive=True)
    total = sp.Sum(weight(other, *values), (other, 1, size))
    outcome = sp.Symbol("k")
    shown = [sp.Symbol(state) for state in states]
    _record(
        reader,
        law,
        f"{name}(k | {', '.join(states)}) = {sp.sstr(weight(outcome, *shown))} / (its sum over k)",
        True,
    )
    return Vec(lambda k: weight(k, *values) / total, size)
