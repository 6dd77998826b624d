r"""A small, strict reader of the object literals of JavaScript and JSON: read as data, never run.

Reads strings (single, double or back quotes without ``${}``), numbers, ``true``,
``false``, ``null``, arrays and objects (keys bare, quoted or numbers), with ``//`` and
``/* */`` comments and trailing commas. Anything else (a variable, a call, a spread, a
template with ``${}``) raises :class:`LiteralError`, so a caller never reads a value whose
meaning is computed.
"""

from __future__ import annotations

import re

MAX_DEPTH = 40
SPACE = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.S)
NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")
IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


class LiteralError(ValueError):
    """Text that is not a literal this reader takes."""


def read_literal(text: str, start: int = 0) -> tuple[object, int]:
    """(the value of the literal at ``text[start]``, where it ends); a LiteralError when it is not one."""
    return _value(text, _skip(text, start), 0)


def _skip(text: str, position: int) -> int:
    return SPACE.match(text, position).end()


def _value(text: str, position: int, depth: int) -> tuple[object, int]:
    if depth > MAX_DEPTH:
        raise LiteralError("nested too deeply")
    if position >= len(text):
        raise LiteralError("the text ends where a value is expected")
    char = text[position]
    if char == "{":
        return _object(text, position + 1, depth + 1)
    if char == "[":
        return _array(text, position + 1, depth + 1)
    if char in "\"'`":
        return _string(text, position)
    number = NUMBER.match(text, position)
    if number:
        written = number.group()
        return (float(written) if any(c in written for c in ".eE") else int(written)), number.end()
    word = IDENTIFIER.match(text, position)
    if word and word.group() in ("true", "false", "null"):
        return {"true": True, "false": False, "null": None}[word.group()], word.end()
    raise LiteralError(f"not a literal at character {position}")


def _object(text: str, position: int, depth: int) -> tuple[dict, int]:
    out: dict = {}
    while True:
        position = _skip(text, position)
        if text.startswith("}", position):
            return out, position + 1
        if position < len(text) and text[position] in "\"'":
            key, position = _string(text, position)
        else:
            word = IDENTIFIER.match(text, position) or NUMBER.match(text, position)
            if not word:
                raise LiteralError(f"not a key at character {position}")
            key, position = word.group(), word.end()
        position = _skip(text, position)
        if not text.startswith(":", position):
            raise LiteralError(f"a key without ':' at character {position}")
        value, position = _value(text, _skip(text, position + 1), depth)
        out[key] = value
        position = _skip(text, position)
        if text.startswith(",", position):
            position += 1
        elif not text.startswith("}", position):
            raise LiteralError(f"expected ',' or '}}' at character {position}")


def _array(text: str, position: int, depth: int) -> tuple[list, int]:
    out: list = []
    while True:
        position = _skip(text, position)
        if text.startswith("]", position):
            return out, position + 1
        value, position = _value(text, position, depth)
        out.append(value)
        position = _skip(text, position)
        if text.startswith(",", position):
            position += 1
        elif not text.startswith("]", position):
            raise LiteralError(f"expected ',' or ']' at character {position}")


def _string(text: str, position: int) -> tuple[str, int]:
    quote, out, position = text[position], [], position + 1
    while position < len(text):
        char = text[position]
        if char == quote:
            return "".join(out), position + 1
        if char == "\\":
            nxt = text[position + 1 : position + 2]
            if not nxt:
                break
            if nxt == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", text[position + 2 : position + 6]):
                out.append(chr(int(text[position + 2 : position + 6], 16)))
                position += 6
                continue
            if nxt == "\n":  # a line continuation
                position += 2
                continue
            out.append(ESCAPES.get(nxt, nxt))
            position += 2
            continue
        if char == "\n" and quote != "`":
            break
        if quote == "`" and text.startswith("${", position):
            raise LiteralError("a template string with a computed part")
        out.append(char)
        position += 1
    raise LiteralError("a string that never closes")
