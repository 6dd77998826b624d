"""A chain ``A = NAME = B`` whose middle side is one name alone, written nowhere else and bound by nothing (the notes'
``Var[x] = \\sigma = \\sqrt{\\frac{1}{N}\\sum_i (x_i - \\bar{x})^2}``), names the value the sides beside it take: the
claim is ``A = B``. When A and B differ, no value of the name makes both links hold, so the chain fails; when they
agree, the name is that value."""

from __future__ import annotations

import dataclasses

from derive.docs.side_names import _atom_keys
from derive.docs.values import Unbound
from derive.docs.verdict import FAIL, PASS, Verdict


def named_middle_side(sides, relations, names: set, first_name) -> int | None:
    """The position of a middle side that is one of ``names`` alone (or raised to a whole power, as ``first_name``
    reads a side), in a chain of equalities, written in no other side; None when there is none."""
    from derive.docs.free import child_sides

    if len(sides) < 3 or any(relation != "=" for relation in relations):
        return None
    for k in range(1, len(sides) - 1):
        node = first_name(sides[k])
        if node is None or node.args is not None or node.key not in names:
            continue
        if node.key not in _atom_keys(sides[:k] + sides[k + 1 :], child_sides):
            return k
    return None


def decide_named_middle(text, binding, name, decide, read) -> Verdict | None:
    """The verdict on the chain with the middle side ``name`` set aside, when the name is such a side and the rest is
    decided; None otherwise (``read`` reads a formula under a binding and raises Unbound for a name it cannot bind,
    ``decide`` reads it as a whole and lets Unbound through)."""
    if name in binding.named_middles:  # read so already: the name is no such side
        return None
    middled = dataclasses.replace(binding, named_middles=(*binding.named_middles, name))
    try:
        try:
            verdict = read(text, middled)
        except Unbound as exc:
            if exc.name == name:  # still unbound: the name is no middle side, so nothing was set aside
                return None
            verdict = decide(text, middled)
    except Unbound:
        return None
    if verdict.verdict not in (PASS, FAIL):
        return None
    if verdict.verdict == FAIL:
        return dataclasses.replace(
            verdict,
            detail=f"{name}, written alone between two sides, names their value, but they differ: {verdict.detail}",
        )
    return dataclasses.replace(
        verdict, detail=f"{name}, written alone between two sides, names their value: {verdict.detail}"
    )
