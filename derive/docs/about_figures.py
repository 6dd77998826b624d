r"""``\sim`` between figures (``0.5M \times 1024 \sim 512M``, ``1024 \times 512 + 512 \times 512 \sim 800K``): about.

Between random quantities and laws, ``\sim`` says "distributed as" (``X \sim \mathcal{N}(0, 1)``), and between
functions of a growing size "of the same order"; neither is a comparison of values. Blog posts also write it between
worked figures, for "about": a side made of written numbers, operations and the letters of a multiple (K, M, B: a
thousand, a million, a billion; no subscript, no other name, no law) cannot be distributed as anything, so between two such sides ``\sim`` is read as ``\approx``, with
its written digits setting the tolerance.
"""

from __future__ import annotations

from derive.docs.chain import split_chain
from derive.docs.tokens import NotationError, Unsupported, clean, flatten, lex

# the commands a worked figure is written with: operations, fractions, text type for a multiple (800\text{K})
FIGURE_COMMANDS = {"times", "cdot", "frac", "dfrac", "text", "mathrm", "textrm", "left", "right", ",", ";", "!", " "}
FIGURE_CHARACTERS = set("0123456789.,+-*/()^ ")
MULTIPLES = set("kKMBGT")  # a thousand, a million, a billion, giga, tera, written after a figure


def is_figure_side(tokens) -> bool:
    """Whether a side is a worked figure: written numbers with operations and the letters of multiples, a digit among
    them, and no subscript, no other letter and no command other than those of arithmetic."""
    written = [t for t in flatten(tokens) if not (t.kind == "ch" and t.text == " ")]
    if not any(t.kind == "ch" and t.text.isdigit() for t in written):
        return False
    for t in written:
        if t.kind == "cs":
            if t.text not in FIGURE_COMMANDS:
                return False
        elif t.kind != "ch":
            return False
        elif t.text not in FIGURE_CHARACTERS | MULTIPLES:
            return False
    return True


def writes_about(latex: str) -> bool:
    """Whether a formula joins two worked figures by ``\\sim`` (a claim to check, where ``\\sim`` alone states none)."""
    if "\\sim" not in latex:
        return False
    try:
        chain = split_chain(clean(lex(latex)))
    except (NotationError, Unsupported):  # unreadable: left to the checker's own reading
        return False
    return any(
        relation == "sim" and is_figure_side(chain.sides[link]) and is_figure_side(chain.sides[link + 1])
        for link, relation in enumerate(chain.relations)
    )
