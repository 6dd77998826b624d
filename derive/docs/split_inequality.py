r"""An inequality that holds strictly for some values of its names and fails for others on every domain an untagged
formula is read on (``3p^2 - 2p^3 \ge p``, true for p between 1/2 and 1 only) may be a condition the text states on
them, not a claim for all values: its refutation stands only when the reverse inequality is not refuted as well, as
for a reversed ``e^x \ge 1 + x``, which holds only where the sides meet, or ``x^2 \ge x``, false on all of (0, 1)."""

from __future__ import annotations

import re

from derive.docs.interpret import rewrite_chain

RELATION = re.compile(r"\\(?:geqslant|leqslant|geq|leq|ge|le|gt|lt)(?![A-Za-z])|[<>≤≥]")

# the reverse of each relation, not strict: it fails only where the inequality written holds strictly
REVERSE = {">=": r"\le", ">": r"\le", "<=": r"\ge", "<": r"\ge"}


def reversed_inequality(text: str) -> str | None:
    """The formula with its one inequality reversed (``a \\ge b`` -> ``a \\le b``), or None when it is not one
    inequality, or writes its relation sign more than once (w_{<i} beside \\ge)."""
    try:
        _, relations, _ = rewrite_chain(text)
    except Exception:  # unreadable: the reading reports it
        return None
    if len(relations) != 1 or relations[0] not in REVERSE:
        return None
    found = list(RELATION.finditer(text))
    if len(found) != 1:
        return None
    where = found[0]
    return f"{text[: where.start()]} {REVERSE[relations[0]]} {text[where.end() :]}"
