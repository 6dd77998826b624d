"""A tag that defines the chance of one event (``P(y_1 > y_2) = \\sigma(r(x, y_1) - r(x, y_2))``): the formula
read with that expression where it writes the chance of that very event.

The tag's grammar takes such a clause for a function P of y_1, which the formula could not apply at an event (a
relation in its argument is read only under a law). The author defines one value, as ``|V| = 50000`` does: where the
formula writes the same event, the definition is put in its place, in brackets, and the clause leaves the tag."""

from __future__ import annotations

import dataclasses
import re

RELATION = re.compile(r"(?<![\\A-Za-z])(?:>|<|\\succ|\\prec|\\ge|\\le|\\geq|\\leq)(?![A-Za-z])")


def with_defined_events(text: str, binding):
    """(the formula with each chance of an event the tag defines replaced by its definition, the binding without
    those clauses); unchanged where the tag defines no such chance or the formula does not write it."""
    from derive.docs.joint_law import LAW_NAMES
    from derive.docs.tags import FunctionClause

    kept = []
    for clause in binding.clauses:
        at_event = isinstance(clause, FunctionClause) and clause.name in LAW_NAMES and _event(clause.head)
        written = re.compile(_spaced(clause.head)) if at_event else None
        if written is None or not written.search(text):
            kept.append(clause)
            continue
        text = written.sub(lambda _, body=clause.body: rf"\left({body}\right)", text)
    if len(kept) == len(binding.clauses):
        return text, binding
    return text, dataclasses.replace(binding, clauses=kept)


def _event(head: str) -> bool:
    """Whether a clause's head is a chance written at an event: a relation inside its brackets (P(y_1 > y_2))."""
    inside = head.partition("(")[2]
    return bool(inside) and bool(RELATION.search(inside))


def _spaced(head: str) -> str:
    """A pattern for ``head`` as written, with any spacing between its tokens."""
    pieces = re.findall(r"\\[A-Za-z]+|\S", head)
    return r"\s*".join(re.escape(piece) for piece in pieces)
