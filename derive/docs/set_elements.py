"""Names a document declares elements of a set it names by one capital letter (g \\in G, a group's element), or of the
dual numbers (\\epsilon^2 = 0, said of a name authors give a positive number): their products and inverses are the
set's own operation, not arithmetic on numbers."""

from __future__ import annotations

import re

from derive.docs.free import conventionally_positive
from derive.docs.side_names import atoms_in, atoms_of_latex

# g \in G, g_1, g_2 \in G: one capital letter; R, N, Z, Q and C written plainly may be the number sets
MEMBERSHIP = re.compile(r"\s*([^\\]*?|\\[A-Za-z]+)\s*\\in\s*([A-Z])\s*[.,;]?\s*")
NUMBER_LETTERS = frozenset("RNZQC")
DUAL_NUMBERS = "the dual numbers"
# sums, differences and products of names and numbers, with powers that are whole numbers: no quotient, root or function
RING_OPERATIONS = re.compile(
    r"(?:[\sA-Za-z0-9_{}+\-()=.,]|\^\s*(?:\d|\{\s*\d+\s*\})|\\(?:times|cdot|epsilon|varepsilon|left(?=\()|right(?=\))|[,;!]|q?quad))*"
)
# \epsilon^2 = 0: a power of one name said to vanish
VANISHING_POWER = re.compile(r"\s*(\\?[A-Za-z]+)\s*\^\s*\{?\s*([2-9])\s*\}?\s*=\s*0\s*[.,;]?\s*")


def declared_elements(latex: str) -> dict:
    """The names a formula declares elements of a set of no numbers (``g \\in G``, ``\\epsilon^2 = 0``), each with its
    set; empty when it declares none."""
    vanishing = VANISHING_POWER.fullmatch(latex)
    if vanishing is not None:  # ε positive by convention, whose square is 0: no real number, a dual number's unit
        atoms = atoms_of_latex(vanishing.group(1))
        if len(atoms) == 1 and conventionally_positive(_name(atoms[0])):
            return {_name(atoms[0]): f"{DUAL_NUMBERS} ({latex.strip()})"}
        return {}
    found = MEMBERSHIP.fullmatch(latex)
    if found is None or found.group(2) in NUMBER_LETTERS:
        return {}
    names = {}
    for written in found.group(1).split(","):
        atoms = atoms_of_latex(written)
        if len(atoms) != 1:
            return {}
        names[_name(atoms[0])] = found.group(2)
    return names


def ring_operations_only(latex: str) -> bool:
    """Whether a formula is built of sums, differences and products alone (whole powers, no quotient, root or
    function), so that an identity of its sides over the real numbers holds in every commutative ring, the dual
    numbers among them."""
    return RING_OPERATIONS.fullmatch(latex) is not None


def element_written(latex: str, elements: dict) -> str | None:
    """The first declared element (in name order) a formula writes outside a function's argument, as ``g in G``; None
    when it writes none."""
    if not elements:
        return None
    from derive.docs.interpret import rewrite_chain

    try:  # names the sides multiply, invert or add themselves: one inside a function's argument (P(X = x)) is an outcome
        keys = {_name(atom) for atom in atoms_in(rewrite_chain(latex)[0], lambda node: ())}
    except Exception:  # unreadable: the reading reports it
        return None
    written = sorted(keys & set(elements))
    return f"{written[0]} in {elements[written[0]]}" if written else None


def _name(atom) -> str:
    """The name with its subscript (g_1 apart from g and g_t)."""
    full = atom.full_keys()
    return full[0] if full else atom.key
