"""A vector the tag declares without a size (``x: vector``) beside matrices it gives sizes in letters
(``W_0: d \\times k matrix``): the formula's products fix the size (``W_0 x`` needs x of size k). When the shapes do not
fit at the default size, each letter of the matrices' sizes is tried for the vector; the formula is read when every
size that fits gives the same verdict."""

from __future__ import annotations

import dataclasses
import itertools

from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

SHAPES = "cannot model the shapes as written"
MOST_VECTORS = 2  # sizes tried for at most this many vectors (letters ** vectors readings)


def sized_by_products(text, binding, verdict, decide) -> Verdict:
    """The verdict with the tag's unsized vectors given the matrices' size letters, when the shapes did not fit and the
    sizes that fit agree; else ``verdict`` (``decide`` reads the formula under a binding)."""
    from derive.docs.tags import KindClause

    if verdict.verdict != UNKNOWN or SHAPES not in verdict.detail:
        return verdict
    vectors = sorted(name for name, kind in binding.kinds.items() if kind == "vector")
    letters = sorted(
        {
            letter
            for clause in binding.clauses
            if isinstance(clause, KindClause) and clause.kind == "matrix"
            for letter in clause.over
            if letter.isalpha()
        }
    )
    if not vectors or len(vectors) > MOST_VECTORS or not letters:
        return verdict
    found = []
    for sizes in itertools.product(letters, repeat=len(vectors)):
        kinds = {name: kind for name, kind in binding.kinds.items() if name not in vectors}
        sized = [KindClause(name=name, kind="vector", over=(letter,)) for name, letter in zip(vectors, sizes)]
        reading = decide(text, dataclasses.replace(binding, kinds=kinds, clauses=[*binding.clauses, *sized]))
        if reading.verdict == UNKNOWN and SHAPES in reading.detail:
            continue
        found.append((sizes, reading))
    if not found or any(reading.verdict not in (PASS, FAIL) for _, reading in found):
        return verdict
    if len({reading.verdict for _, reading in found}) > 1:
        return verdict
    sizes, reading = found[0]
    said = ", ".join(f"{name} of size {letter}" for name, letter in zip(vectors, sizes))
    return dataclasses.replace(reading, detail=f"read with {said}, the size its products need: {reading.detail}")
