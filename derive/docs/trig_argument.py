"""How far a trigonometric function's argument reaches: ``\\cos (n - m)\\theta`` is read both as the cosine of the
bracket times θ, as the grammar has it, and as the cosine of (n - m)θ, which is what authors of rotary embeddings
and angle formulas mean; a verdict stands only when the two readings agree.

Only a bracket holding a sum or difference and followed at once by one name is in doubt: ``\\sin(x) y`` and
``\\cos(a + b) \\cdot c`` have one reading.
"""

from __future__ import annotations

import re

from derive.docs.symbols import GREEK
from derive.docs.tokens import closing_bracket

TRIGONOMETRIC = ("sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh")
OPENING = re.compile(r"\\(" + "|".join(TRIGONOMETRIC) + r")(?![A-Za-z])\s*(?:\\left\s*)?\(")
# one name right after the bracket: a letter or a Greek letter, with a subscript, not itself applied to a bracket
FACTOR = re.compile(r"\s*(?:[A-Za-z]|\\(?P<greek>[A-Za-z]+))(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?(?!\s*(?:\\left\s*)?\()")


def _sum_inside(inner: str) -> bool:
    """Whether the bracket holds a sum or difference at its own level: (n - m), not (-x) or (f(a - b))."""
    depth = 0
    for at, ch in enumerate(inner):
        depth += ch in "({" and 1 or ch in ")}" and -1 or 0
        if depth == 0 and ch in "+-" and inner[:at].strip() and not inner[:at].rstrip().endswith(("(", "{", "^", "_")):
            return True
    return False


def argument_widened(text: str) -> str | None:
    """``text`` with each doubtful trigonometric argument widened to the name after its bracket
    (``\\cos (n-m)\\theta`` as ``\\cos((n-m)\\theta)``), or None when no argument is in doubt."""
    out, last, changed = [], 0, False
    for match in OPENING.finditer(text):
        if match.start() < last:
            continue
        close = closing_bracket(text, match.end() - 1)
        if close is None:
            return None
        end = close + 1
        inner = text[match.end() : end - 1].removesuffix("\\right")
        factor = FACTOR.match(text, end)
        if factor is None or not _sum_inside(inner):
            continue
        if factor.group("greek") and factor.group("greek") not in GREEK:
            continue  # \cdot, \sin: an operator or a function, not a name
        out.append(text[last : match.start()])
        out.append(f"\\{match.group(1)}(({inner}){factor.group(0).strip()})")
        last, changed = factor.end(), True
    if not changed:
        return None
    out.append(text[last:])
    return "".join(out)
