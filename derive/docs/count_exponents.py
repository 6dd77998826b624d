r"""The letters of counts a formula writes as an exponent: perhaps whole numbers.

In (1 + x)^n \ge 1 + nx (Bernoulli's inequality) n is a count, as the letters n, m and k written as an exponent
are in the way authors write: the formula holds for whole numbers n \ge 1 and fails for n in (0, 1). Read as any
real number, such a name refutes what its author claims for whole numbers.
"""

from __future__ import annotations

import sympy as sp

from derive.docs.interpret import rewrite_chain
from derive.docs.nodes import Atom
from derive.docs.parse import parse_latex

COUNT_LETTERS = frozenset("nmkNMK")  # the letters authors use for counts


def counts_in_exponents(text: str) -> set:
    """The plain names among the count letters that the formula writes in an exponent (x^n, (1 + x)^{n-1})."""
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
        todo.extend(s for node in side.nodes(expr) for s in child_sides(node) if s is not None and hasattr(s, "table"))
    return found


def _plain(atom: Atom) -> bool:
    return atom.args is None and not atom.sub and not atom.decoration and not atom.step
