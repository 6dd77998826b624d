r"""The letters of counts a formula writes as an exponent or inside a rounding: perhaps whole numbers.

In (1 + x)^n \ge 1 + nx (Bernoulli's inequality) and \lfloor n/2 \rfloor + \lceil n/2 \rceil = n, n is a count, as
the letters n, m and k written there are in the way authors write: the formulas hold for whole numbers n \ge 1 and
fail for n in (0, 1). Read as any real number, such a name refutes what its author claims for whole numbers.
"""

from __future__ import annotations

import sympy as sp

from derive.docs.interpret import rewrite_chain
from derive.docs.nodes import Apply, Atom
from derive.docs.parse import parse_latex
from derive.docs.side_names import atoms_in

COUNT_LETTERS = frozenset("nmkNMK")  # the letters authors use for counts
ROUNDINGS = ("floor", "ceil")


def counts_read_as_whole(text: str) -> set:
    """The plain names among the count letters that the formula writes in an exponent (x^n, (1 + x)^{n-1}) or
    inside a rounding (\\lfloor n/2 \\rfloor)."""
    from derive.docs.free import child_sides

    sides, _, _ = rewrite_chain(text)
    found, todo = set(), list(sides)
    while todo:
        side = todo.pop()
        expr = parse_latex(side.text)
        for power in expr.atoms(sp.Pow):
            for symbol in sorted(power.exp.free_symbols, key=lambda s: s.name):
                atom = side.node(symbol)
                if isinstance(atom, Atom) and atom.key in COUNT_LETTERS and _plain(atom):
                    found.add(atom.key)
        for node in side.nodes(expr):
            if isinstance(node, Apply) and node.op in ROUNDINGS:
                rounded = atoms_in(node.args, child_sides)
                found |= {atom.key for atom in rounded if atom.key in COUNT_LETTERS and _plain(atom)}
        todo.extend(s for node in side.nodes(expr) for s in child_sides(node) if s is not None and hasattr(s, "table"))
    return found


def _plain(atom: Atom) -> bool:
    return atom.args is None and not atom.sub and not atom.decoration and not atom.step
