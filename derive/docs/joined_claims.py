"""Two claims written side by side in one display: ``\\frac{\\partial J}{\\partial L} = 1 \\; \\textrm{and} \\;
\\frac{\\partial J}{\\partial s} = 1`` or ``x_2 = y_2 - G(y_1), \\; x_1 = y_1 - F(x_2)``.

A top-level ``and`` (in a text command) or a comma followed by a space command joins two statements when each part
states a relation and the second is more than a short condition on names (``\\text{and } i \\neq j`` or ``, x > 0``
stay conditions of the first). Such a display claims both: it is read as ``A \\land B``, which the chain decides
link by link (derive.docs.links).
"""

from __future__ import annotations

import re

SPACE = r"(?:\s|~|\\[,;:! ]|\\quad|\\qquad)*"
AND = re.compile(rf"{SPACE}\\(?:text|textrm|mbox|mathrm|textnormal)\s*\{{\s*and\s*\}}{SPACE}")
COMMA = re.compile(rf",{SPACE}(?:\\[,;:!]|\\quad|\\qquad){SPACE}")
RELATION = re.compile(r"(?<![<>!\\])=|\\(?:le|ge|leq|geq|approx|lt|gt)(?![A-Za-z])|(?<!\\)[<>]")
SHORT_CONDITION = re.compile(
    r"^\s*[A-Za-z](?:_\{?[A-Za-z0-9]\}?)?\s*(?:=|\\ne|\\neq|<|>|\\le|\\ge|\\leq|\\geq)\s*\S{1,4}\s*$"
)

# a part that opens with a condition's word (", \quad \text{for } t > 0", ", \text{where } \beta = 0.9") conditions
# the claim before it: it is read by the chain's conditions, never claimed beside it
CONDITION_WORDS = re.compile(
    r"^\s*(?:\\(?:text|textrm|mbox|mathrm|textnormal|textit)\s*\{\s*(?:for|where|with|if|when|whenever|given|as|such)"
    r"(?![A-Za-z])|\\forall(?![A-Za-z])|\\(?:text|textrm|mbox|mathrm)\s*\{\s*\}|for(?![A-Za-z])|where(?![A-Za-z]))"
)


def _top_level_spans(text: str, pattern: re.Pattern) -> list:
    """The matches of ``pattern`` outside every bracket and brace of ``text``."""
    depth, depths = 0, []
    for character in text:
        depths.append(depth)
        depth += character in "([{"
        depth -= character in ")]}"
    return [m for m in pattern.finditer(text) if depths[m.start()] == 0 and depths[m.end() - 1] == 0]


def _states_relation(part: str) -> bool:
    depth = 0
    for position, character in enumerate(part):
        depth += character in "([{"
        depth -= character in ")]}"
        if depth == 0 and RELATION.match(part, position):
            return True
    return False


def claims_joined(text: str) -> str:
    """``text`` with each ``and`` or spaced comma that joins two full statements written as ``\\land``."""
    if "\\begin" in text or "&" in text:
        return text
    spans = sorted(_top_level_spans(text, AND) + _top_level_spans(text, COMMA), key=lambda m: m.start())
    if not spans:
        return text
    cuts = [0] + [point for m in spans for point in (m.start(), m.end())] + [len(text)]
    parts = [text[cuts[k] : cuts[k + 1]] for k in range(0, len(cuts), 2)]
    if not all(_states_relation(part) for part in parts):
        return text
    if any(SHORT_CONDITION.match(part.rstrip(" .,;")) or CONDITION_WORDS.match(part) for part in parts[1:]):
        return text
    return " \\land ".join(part.strip() for part in parts)
