"""The size of a set a sum runs over, |\\mathcal{A}| beside \\sum_{a \\in \\mathcal{A}}: the number of terms it adds."""

from __future__ import annotations

from derive.docs.nodes import Norm, Side, SumNode
from derive.docs.side_names import _normal_name, single_atom


def set_size(interp, node: Norm):
    """|𝒜| as the count of the sum over 𝒜 that the formula or the tag writes (the count it runs to when no bound is
    written), or None: a set the tag gives a meaning, or no sum over it, is read as before."""
    if node.order or node.exponent is not None:
        return None
    atom = single_atom(node.body)
    if atom is None or atom.args is not None or atom.sub or atom.decoration:
        return None
    if any(atom.key in table for table in (interp.overrides, interp.vocab.entries, interp.extra, interp.bound)):
        return None
    for found in _sums_over_sets(interp):
        if found.low is None and found.high is None and len(found.variables) == 1 and _key(found.over) == atom.key:
            high, _ = interp._sum_bound(found)
            return high
    return None


def _sums_over_sets(interp):
    """The sums over a named set in the formula's sides and the tag's definitions."""
    sides = [*interp.formula_sides, *(body for body in interp.overrides.values() if isinstance(body, Side))]
    for side in sides:
        for found in side.table.values():
            if isinstance(found, SumNode) and found.over:
                yield found


def _key(written: str):
    try:
        return _normal_name(written)
    except Exception:  # a set written as an expression (\mathcal{A} \setminus \{a\}): no one name
        return None
