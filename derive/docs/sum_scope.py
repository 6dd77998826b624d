"""A sum written without brackets over terms that use its index after it (``\\sum_{i=1}^n a + b_i``): read as the sum
of all the terms after it, up to the end of its side, as authors mean when the index has no meaning outside the sum."""

from __future__ import annotations

import re

REUSED = re.compile(r"^index ([A-Za-z](?:, [A-Za-z])*) is summed over in one place and free in another")
RELATION = re.compile(r"\\(?:le|ge|leq|geq|approx|neq|ne|propto)(?![A-Za-z])|=|<|>|&")
SUM = re.compile(r"\\sum(?![A-Za-z])")


def reused_indices(detail: str) -> list:
    """The indices a verdict's reason names as summed in one place and free in another."""
    found = REUSED.match(detail)
    return found.group(1).split(", ") if found else []


def sums_over_the_rest(text: str, indices: list) -> str | None:
    """``text`` with each top-level sum over one of ``indices`` bracketed to the end of its side; None when there is
    no such sum to widen."""
    out, at, changed = [], 0, False
    for match in SUM.finditer(text):
        if match.start() < at or _depth(text, match.start()) != 0:
            continue
        scripts_end = _after_scripts(text, match.end())
        script = text[match.end() : scripts_end]
        if not any(re.search(rf"_\s*\{{?\s*{index}(?![A-Za-z])", script) for index in indices):
            continue
        end = _side_end(text, scripts_end)
        body = text[scripts_end:end]
        tail = re.search(r"[\s.,;]*$", body)
        cut = scripts_end + tail.start()
        out.append(text[at:scripts_end] + r" \left(" + text[scripts_end:cut] + r" \right)")
        at, changed = cut, True
    if not changed:
        return None
    return "".join(out) + text[at:]


def _depth(text: str, position: int) -> int:
    depth = 0
    for character in text[:position]:
        depth += character in "{([" and 1 or 0
        depth -= character in "})]" and 1 or 0
    return depth


def _after_scripts(text: str, position: int) -> int:
    """The position after a sum's sub- and superscripts (``_{i=1}^{n}``, ``_i^n``)."""
    while True:
        rest = re.match(r"\s*[_^]\s*", text[position:])
        if not rest:
            return position
        position += rest.end()
        if text[position : position + 1] == "{":
            depth = 0
            for offset, character in enumerate(text[position:]):
                depth += character == "{"
                depth -= character == "}"
                if depth == 0:
                    position += offset + 1
                    break
        else:
            command = re.match(r"\\[A-Za-z]+|.", text[position:])
            position += command.end()


def _side_end(text: str, position: int) -> int:
    """Where the side holding ``position`` ends: the next top-level relation, line break or the end of the text."""
    depth = 0
    index = position
    while index < len(text):
        character = text[index]
        if character in "{([":
            depth += 1
        elif character in "})]":
            if depth == 0:
                return index
            depth -= 1
        elif depth == 0:
            if text.startswith("\\\\", index) or text.startswith("\\right", index):
                return index
            relation = RELATION.match(text, index)
            if relation and not (character == "\\" and not relation.group(0).startswith("\\")):
                return index
            if character == "\\":
                command = re.match(r"\\[A-Za-z]+", text[index:])
                if command and command.group(0) in ("\\quad", "\\qquad"):
                    return index
                index += command.end() if command else 2
                continue
        index += 1
    return len(text)
