r"""A bold vector beside its entries, all written with numbers (``\sqrt{x_1^2 + x_2^2} = \sqrt{\mathbf{x}^T\mathbf{x}}``):
the vector of those entries.

Untagged, a bold name is a vector over the sampled dimension and ``x_1``, ``x_2`` names of their own, so the length
of a two-entry vector fails at three entries. Where the formula writes the entries ``x_1, ..., x_m`` of a bold
``\mathbf{x}`` with every index from 1 to m and no other index, and no ellipsis, the author means the vector
``(x_1, ..., x_m)``; a bold capital beside its entries ``c_{11}, ..., c_{rs}`` (two digits, every row and column)
is that matrix. The formula is read with the bold name written out.
"""

from __future__ import annotations

import re

BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm)\s*(?:\{\s*(?P<braced>[A-Za-z])\s*\}|(?P<bare>[A-Za-z])(?![A-Za-z]))")
ELLIPSIS = re.compile(r"\\(?:[lcvd]dots|dots)(?![A-Za-z])|\.\.\.")


def _indices(text: str, letter: str) -> list[str]:
    """The subscripts the text writes on the plain letter (not bold, not part of a word or a command)."""
    plain = re.compile(rf"(?<![A-Za-z\\]){letter}\s*_\s*(?:\{{\s*([^{{}}]*?)\s*\}}|(\w))")
    return [braced or bare for braced, bare in plain.findall(text)]


def _vector(letter: str, indices: list[str]) -> str | None:
    numbers = {int(i) for i in indices if i.isdigit() and len(i) == 1}
    if len(numbers) != len(set(indices)) or numbers != set(range(1, len(numbers) + 1)) or len(numbers) < 2:
        return None
    rows = r" \\ ".join(f"{letter}_{{{k}}}" for k in sorted(numbers))
    return rf"\begin{{bmatrix}} {rows} \end{{bmatrix}}"


def _matrix(letter: str, indices: list[str]) -> str | None:
    pairs = {(int(i[0]), int(i[1])) for i in indices if i.isdigit() and len(i) == 2}
    if not pairs or len(pairs) != len(set(indices)):
        return None
    rows, columns = max(r for r, _ in pairs), max(c for _, c in pairs)
    if pairs != {(r, c) for r in range(1, rows + 1) for c in range(1, columns + 1)} or min(rows, columns) < 2:
        return None
    body = r" \\ ".join(" & ".join(f"{letter}_{{{r}{c}}}" for c in range(1, columns + 1)) for r in range(1, rows + 1))
    return rf"\begin{{bmatrix}} {body} \end{{bmatrix}}"


def written_out(text: str) -> str | None:
    """The text with each bold name whose entries it writes out, all with numbers, as the vector or matrix of them;
    None when it writes none so."""
    if ELLIPSIS.search(text):
        return None
    spelled = {}
    for found in BOLD.finditer(text):
        letter = found.group("braced") or found.group("bare")
        after = text[found.end() :].lstrip()
        if after.startswith("_"):
            return None  # \mathbf{x}_p: one of several vectors, not the one whose entries are written
        if letter.isupper():
            spelled[letter] = _matrix(letter.lower(), _indices(text, letter.lower()))
        else:
            spelled[letter] = _vector(letter, _indices(text, letter))
    spelled = {letter: body for letter, body in spelled.items() if body is not None}
    if not spelled:
        return None
    return BOLD.sub(lambda m: spelled.get(m.group("braced") or m.group("bare"), m.group(0)), text)
