r"""A function a tag defines under a primed name from the unprimed one at other arguments (``\phi'(y_i) = \phi(x,
y_i)``): a function of its own, never the derivative of \phi.

A prime after a function's name is its derivative in most notation, and a tag clause that defines ``f'(x)`` is
refused, lest it define f itself. But a derivative takes the arguments of the function it differentiates: where the
clause's body applies the unprimed name to a different number of arguments than the primed name is given, the prime
only marks a new function built from the old one (the CRF factor \phi' of the label alone, the target networks Q' and
\mu'). Such a name is written as a fresh name in the tag and in the formula alike.
"""

from __future__ import annotations

import re

from derive.docs.derivative_names import fresh_name
from derive.docs.tokens import closing_bracket

PRIME = r"\s*(?:'|\^\s*\\prime(?![A-Za-z])|\^\s*\{\s*\\prime\s*\})"
HEAD = r"\\[A-Za-z]+|[A-Za-z]"
DEFINED = re.compile(
    rf"^\s*(?P<head>{HEAD})(?P<prime>{PRIME})\s*\((?P<params>[^()]*)\)\s*(?::=|\\coloneqq|=)\s*(?P<body>.+)$", re.S
)


def declared_primed_functions(clauses: list, taken: tuple = ()) -> tuple:
    """(head, fresh name) of each primed function a clause defines from its unprimed name at a different number of
    arguments; the names in ``taken`` and in the clauses are not used as fresh names."""
    found = []
    for defined, head, count in defined_heads(clauses, DEFINED):
        counts = _applied_counts(defined.group("body"), head)
        if not counts or count in counts or head in {h for h, _ in found}:
            continue
        name = fresh_name(" ".join(clauses), {*taken, *(f for _, f in found)})
        if name is not None:
            found.append((head, name))
    return tuple(found)


def with_primed_names(text: str, primed: tuple) -> tuple[str, str]:
    """(``text`` with each declared primed function written as its fresh name, what was so read)."""
    read = []
    for head, name in primed:
        pattern = re.compile(rf"(?<![A-Za-z\\]){re.escape(head)}(?![A-Za-z]){PRIME}(?!\s*')")
        if pattern.search(text) is None:
            continue
        text = pattern.sub(lambda _m, name=name: f"{name} ", text)
        read.append(f"{head}' as a function {name} of its own")
    return text, "; ".join(read)


def _applied_counts(body: str, head: str) -> set:
    """The numbers of arguments ``body`` applies the unprimed ``head`` to."""
    counts = set()
    for match in re.finditer(rf"(?<![A-Za-z\\]){re.escape(head)}(?![A-Za-z])\s*(?:\\left\s*)?\(", body):
        close = closing_bracket(body, match.end() - 1)
        if close is None:
            return set()
        counts.add(len(_arguments(body[match.end() : close])))
    return counts


def defined_heads(clauses: list, pattern: re.Pattern):
    """(match, head, number of parameters) of each clause that ``pattern`` reads as a function's definition."""
    for clause in clauses:
        defined = pattern.match(clause)
        if defined is not None:
            yield defined, defined.group("head"), len(_arguments(defined.group("params")))


def _arguments(inside: str) -> list:
    """The arguments written between a function's brackets, split at its top-level commas and bars."""
    inside = re.sub(r"\\(?:mid|vert)(?![A-Za-z])", "|", inside)
    parts, depth, start = [], 0, 0
    for at, character in enumerate(inside):
        depth += character in "([{"
        depth -= character in ")]}"
        if depth == 0 and (character == "," or character == "|"):
            parts.append(inside[start:at])
            start = at + 1
    parts.append(inside[start:])
    return [part for part in parts if part.strip()]
