"""A refutation that holds whatever the functions nothing defines are: two sides whose difference keeps its value when
those functions are read as other generic ones.

A tagged formula that applies a function or a sequence nothing defines (``r_i`` in the tag's ``\\hat{A}_i = (r_i -
\\mu) / \\sigma``, ``W^*(\\theta)``) is read with a generic smooth one (:mod:`derive.docs.arbitrary`), and a refutation
for that one choice is no refutation when the author may mean a particular function. But when the sides differ by the
same amount for other generic choices too (``\\sum_i \\hat{A}_i`` is 0 for any r, so ``\\sum_i \\hat{A}_i = 1`` is 1
off; ``\\theta - \\alpha(\\theta - W) = (1 + \\alpha)\\theta + \\alpha W`` is 2 alpha theta off for any W), no
function solves the formula: the refutation stands for the author's function as well. As in
:func:`derive.docs.unmoved_names.unmoved_names`, independence is read at the refuted point, here from three more
generic choices, each of another family, of every function the author may mean to be a particular one; the functions
the formula is claimed for whatever they are keep their first choice.
"""

from __future__ import annotations

import mpmath

from derive.docs.point_values import _evaluate_sides, _shape
from derive.docs.unmoved_names import _piecewise, _same_difference, _same_value

OTHER_FAMILIES = (1, 2, 3)


def gap_whatever_the_functions(reading, values_at, point, evaluated, shown, unchosen):
    """(first side, second side, their difference, the functions varied) for two sides of an equality link that
    differ at ``point`` by the same amount whichever generic functions the reader chose for ``unchosen``, the names
    nothing defines that the author may mean to be particular ones (derive.docs.links.ArbitraryRefusal), else None."""
    key = values_at.key(point)
    reader, sides = values_at.readers.get(key), values_at(point)
    if reader is None or not reader.arbitrary or _piecewise(sides):
        return None
    if not unchosen:
        return None
    links = [
        (k, k + 1)
        for k, relation in enumerate(reading.relations)
        if relation == "="
        and _shape(evaluated[k]) == _shape(evaluated[k + 1]) == ()
        and not _same_value(evaluated[k], evaluated[k + 1])
    ]
    for family in OTHER_FAMILIES:
        if not links:
            return None
        again = _sides_with_family(reading, values_at, point, {name: family for name in unchosen})
        if again is None:
            return None
        values, chosen = again
        if _piecewise(values) or set(chosen) != set(reader.arbitrary):
            return None
        numbers, singular = _evaluate_sides(values, point, shown, why_needed=False)
        if singular is not None:
            return None
        links = [(i, j) for i, j in links if _same_difference(evaluated[i], evaluated[j], numbers[i], numbers[j])]
    if not links:
        return None
    first, second = links[0]
    return first, second, mpmath.mpmathify(evaluated[first]) - mpmath.mpmathify(evaluated[second]), sorted(unchosen)


def _sides_with_family(reading, values_at, point, families):
    """(the sides read with each function of ``families`` drawn from the generic family given, the names so read), or
    None when they cannot be read so."""
    from derive.docs.sampled_points import _dims

    try:
        interp = reading.reader(_dims(values_at.domain, point), reading.dry.flags)
        interp.family_of = families
        return [interp.side(side) for side in reading.sides], dict(interp.arbitrary)
    except Exception:  # another choice the reader cannot make: independence is not shown
        return None
