"""The math blocks and comments of a plain Markdown page, found without markdown-it, or None for any other page.

A plain page has, on each line, nothing but: spaces (a blank line); a heading ``# ...``; a paragraph's line of plain
words, starting with a letter; display math ``$$ ... $$`` alone on its line; or an HTML comment ``<!-- ... -->`` alone
on its line (a tag). No character of such a line can open code, a link, emphasis, inline math, a container or a
directive, and each line starts a block of its own or continues a paragraph of words: markdown-it makes of it a
``math_block`` whose content is the text between the dollars, an ``html_block`` holding the comment line, and
headings and paragraphs whose words only are text. Those two kinds of block are returned, in order, as the tokens
:class:`~derive.docs.formats.markdown.MarkdownScan` reads; any other line means markdown-it reads the page (importing
it and its plugins costs more than checking a few formulas).
"""

from __future__ import annotations

from dataclasses import dataclass

# what may open inline markup, math or HTML, or end a heading or a table cell: plain words hold none of it
_MARKUP = frozenset("\\$<>`{}[]*_&|~#")


@dataclass(frozen=True)
class Block:
    """A block as markdown-it gives it: its type, its lines [first, past the last), and its content."""

    type: str
    map: list
    content: str
    children: tuple = ()


def plain_page_blocks(text: str) -> list[Block] | None:
    """The ``math_block`` and ``html_block`` tokens markdown-it would give ``text``, if it is a plain page; else None."""
    if "\r" in text or "\t" in text or "\0" in text:  # markdown-it rewrites these before reading
        return None
    lines = text.split("\n")
    blocks = []
    in_paragraph = False  # the line before continues a paragraph of words
    for number, line in enumerate(lines):
        words = False
        if not line.strip(" "):
            pass
        elif line.startswith("$$"):
            content = line[2:-2]
            if in_paragraph or len(line) < 5 or not line.endswith("$$") or "$" in content or not content.strip():
                return None  # after words, $$ ... $$ is inline math of their paragraph
            if content.endswith("\\"):
                return None
            blocks.append(Block("math_block", [number, number + 1], content))
        elif line.startswith("<!--"):
            if not line.endswith("-->") or line.count("-->") != 1 or line.count("<!--") != 1:
                return None
            newline = "\n" if number + 1 < len(lines) else ""
            blocks.append(Block("html_block", [number, number + 1], line + newline))
        elif _plain_words(line):
            words = True
        elif not _heading(line):
            return None
        in_paragraph = words
    return blocks


def _plain_words(line: str) -> bool:
    """Whether ``line`` is a paragraph's line of plain words: it opens with a letter and holds no markup."""
    return line[0].isalpha() and line.isprintable() and not _MARKUP.intersection(line)


def _heading(line: str) -> bool:
    """Whether ``line`` is an ATX heading of plain words, ``# Title`` to ``###### Title``."""
    marks = len(line) - len(line.lstrip("#"))
    words = line[marks:]
    return 1 <= marks <= 6 and words.startswith(" ") and words.strip(" ") != "" and _plain_words(words.strip(" "))
