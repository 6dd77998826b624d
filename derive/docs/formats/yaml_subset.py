r"""A small reader of the YAML that documentation sites write in their settings, read as data only.

Reads block mappings and sequences, plain and quoted scalars (kept as strings), block
scalars (``|``, ``>``), and flow collections written as JSON. Tags (``!!python/name:...``,
as MkDocs settings write) are kept as the text after them, and anchors, aliases and other
values it does not take are None: nothing is constructed or run, and a setting that
cannot be read is simply absent.
"""

from __future__ import annotations

import re

from derive.docs.formats.object_literals import LiteralError, read_literal

KEY = re.compile(r"""(?P<key>"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{\[][^#]*?)\s*:(?:\s+|$)""")
DOUBLE_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "/": "/", "0": "\0", " ": " "}
MAX_LINES = 20_000


def read_yaml(text: str) -> object:
    """The first document of ``text`` as dicts, lists and strings (None where a value is not read)."""
    lines = []
    for number, raw in enumerate(text.splitlines()[:MAX_LINES]):
        if raw.strip() in ("---", "...") and lines:
            break
        if raw.strip() == "---" or not raw.strip() or raw.lstrip().startswith("#"):
            lines.append((number, None, raw))
            continue
        lines.append((number, len(raw) - len(raw.lstrip(" ")), raw))
    reader = _Reader(lines)
    start = reader.next_content(0)
    if start is None:
        return None
    value, _ = reader.block(start, lines[start][1])
    return value


class _Reader:
    def __init__(self, lines):
        self.lines = lines

    def next_content(self, index: int) -> int | None:
        while index < len(self.lines) and self.lines[index][1] is None:
            index += 1
        return index if index < len(self.lines) else None

    def block(self, index: int, indent: int) -> tuple[object, int]:
        """(the collection starting at line ``index``, at ``indent``; the index after it)."""
        text = self.lines[index][2].strip()
        if text == "-" or text.startswith("- "):
            return self.sequence(index, indent)
        if KEY.match(text):
            return self.mapping(index, indent)
        return self.scalar(text, index + 1, indent)

    def mapping(self, index: int, indent: int) -> tuple[dict, int]:
        out: dict = {}
        while index is not None and self.lines[index][1] == indent:
            text = self.lines[index][2].strip()
            match = KEY.match(text)
            if not match:
                break
            key = _unquote(match.group("key").strip())
            value, index = self.value(text[match.end() :], index + 1, indent, in_mapping=True)
            out[key] = value
            index = self.next_content(index)
        return out, (len(self.lines) if index is None else index)

    def sequence(self, index: int, indent: int) -> tuple[list, int]:
        out: list = []
        while index is not None and self.lines[index][1] == indent:
            text = self.lines[index][2].strip()
            if not (text == "-" or text.startswith("- ")):
                break
            rest = text[1:].lstrip()
            if rest and KEY.match(rest) and not rest.startswith(("'", '"')):
                # "- key: value" opens a mapping indented to where its key starts
                inner = indent + (len(text) - len(rest))
                self.lines[index] = (self.lines[index][0], inner, " " * inner + rest)
                value, index = self.mapping(index, inner)
            else:
                value, index = self.value(rest, index + 1, indent)
            out.append(value)
            index = self.next_content(index)
        return out, (len(self.lines) if index is None else index)

    def value(self, rest: str, index: int, indent: int, in_mapping: bool = False) -> tuple[object, int]:
        """(the value written after a key or a dash, ``rest``; the index of the line after it)."""
        rest = _strip_comment(rest)
        if rest.startswith("!"):  # a tag: keep what follows it
            tag, _, rest = rest.partition(" ")
            if not rest.strip():
                return tag.lstrip("!"), index
            rest = rest.strip()
        if rest.startswith(("&", "*")):
            return None, index
        if rest[:1] in ("|", ">"):
            return self.block_scalar(rest[0] == ">", index, indent)
        if not rest:
            nxt = self.next_content(index)
            if nxt is None:
                return None, index
            deeper = self.lines[nxt][1] > indent
            dash_list = in_mapping and self.lines[nxt][1] == indent and self.lines[nxt][2].strip()[:2] in ("- ", "-")
            if deeper or dash_list:
                return self.block(nxt, self.lines[nxt][1])
            return None, index
        if rest[0] in "[{":
            try:
                value, _ = read_literal(rest)
            except LiteralError:
                value = None
            return value, index
        return self.scalar(rest, index, indent)

    def scalar(self, text: str, index: int, indent: int) -> tuple[object, int]:
        if text[0] == '"':
            joined = text
            while not _closes(joined) and index < len(self.lines) and self.lines[index][1] is not None:
                joined += " " + self.lines[index][2].strip()
                index += 1
            return _unquote(_closing(joined)), index
        if text[0] == "'":
            return _unquote(_closing(text)), index
        return text.strip(), index

    def block_scalar(self, folded: bool, index: int, indent: int) -> tuple[str, int]:
        body, inner = [], None
        while index < len(self.lines):
            number, width, raw = self.lines[index]
            if width is not None and width <= indent:
                break
            if width is not None and inner is None:
                inner = width
            body.append(raw[inner:] if inner is not None and raw.strip() else "")
            index += 1
        while body and not body[-1]:
            body.pop()
        return (" " if folded else "\n").join(body) + "\n", index


def _strip_comment(text: str) -> str:
    if text[:1] in "\"'[{":  # a quoted or flow value is read to its end, where anything after it is left
        return text.strip()
    return re.split(r"\s#", text, maxsplit=1)[0].strip()


def _closes(text: str) -> bool:
    return re.match(r'"(?:[^"\\]|\\.)*"', text) is not None


def _closing(text: str) -> str:
    match = re.match(r'"(?:[^"\\]|\\.)*"|\'(?:[^\']|\'\')*\'', text)
    return match.group() if match else text


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] == "'":
        return text[1:-1].replace("''", "'")
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return re.sub(r"\\(.)", lambda m: DOUBLE_ESCAPES.get(m.group(1), "\\" + m.group(1)), text[1:-1])
    return text
