r"""A function a tag defines under the name of a function of one argument, given more parameters (``\cos(x_1, x_2) =
\frac{x_1 \cdot x_2}{\lVert x_1 \rVert \lVert x_2 \rVert}``, the cosine similarity): a function of its own.

\cos, \exp or \log take one argument, so a clause that gives one of them two or more parameters cannot redefine it: it
names a new function, as papers name the cosine similarity cos(u, v). Such a name is written as a fresh name in the
tag and, where the formula applies it to as many arguments, in the formula; applied to one argument it keeps its
meaning.
"""

from __future__ import annotations

import re

from derive.docs.derivative_names import fresh_name
from derive.docs.primed_names import _arguments, defined_heads
from derive.docs.tokens import closing_bracket

ONE_ARGUMENT = ("cos", "sin", "tan", "cosh", "sinh", "tanh", "exp", "log", "ln")
DEFINED = re.compile(
    rf"^\s*\\(?P<head>{'|'.join(ONE_ARGUMENT)})(?![A-Za-z])\s*\((?P<params>[^()]*)\)\s*(?::=|\\coloneqq|=)\s*\S", re.S
)


def declared_command_functions(clauses: list, taken: tuple = ()) -> tuple:
    """(command, number of parameters, fresh name) of each function a clause defines under the name of a function of
    one argument with two or more parameters; the names in ``taken`` and in the clauses are not used as fresh names."""
    found = []
    for _, head, count in defined_heads(clauses, DEFINED):
        if count < 2 or head in {h for h, _, _ in found}:
            continue
        name = fresh_name(" ".join(clauses), {*taken, *(f for _, _, f in found)})
        if name is not None:
            found.append((head, count, name))
    return tuple(found)


def with_command_functions(text: str, declared: tuple) -> tuple[str, str]:
    """(``text`` with each declared command written as its fresh name where it is applied to as many arguments as the
    tag defines it with, what was so read); a text that already writes the fresh name is left as it is."""
    read = []
    for head, count, name in declared:
        if name in text:
            continue
        pattern = re.compile(rf"\\{head}(?![A-Za-z])(?=\s*(?:\\left\s*)?\()")
        parts, last = [], 0
        for match in pattern.finditer(text):
            opening = text.index("(", match.end())
            close = closing_bracket(text, opening)
            if close is None or len(_arguments(text[opening + 1 : close])) != count:
                continue
            parts.extend((text[last : match.start()], f"{name} "))
            last = match.end()
        if parts:
            text = "".join(parts) + text[last:]
            read.append(f"\\{head} of {count} arguments as a function {name} of its own")
    return text, "; ".join(read)
