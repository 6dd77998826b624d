r"""A named law written as a function of a point, ``\mathcal{N}(x; \mu, \sigma^2)``, ``\mathcal{N}(x \mid \mu,
\sigma^2)``, ``\text{Beta}(x; a, b)``: its density (or mass function) at that point, as Bishop and Murphy write it.

The value comes from the law's definition (:func:`derive.docs.laws.mass`); where authors differ on a parameter
(``\mathcal{N}(x; \mu, \sigma)``: a variance or a standard deviation?) and the spelling does not settle it, the
formula is not read."""

from __future__ import annotations

import re

import sympy as sp

from derive.docs.laws import BY_SPELLING, LawClause, _reading, mass
from derive.docs.nodes import Atom

POINT_SEPARATORS = (";", "|")  # \mathcal{N}(x; ...) and \mathcal{N}(x | ...): the point, then the parameters
ONE_LETTER_LAWS = {"cal_N": "n", "N": "n", "cal_U": "u"}
# a Beta law written at a point, \textsf{Beta}(\theta \mid a, b) or \text{Beta}(x; a, b), whose density B(a, b) normalises
BETA_AT_A_POINT = re.compile(
    r"\\(?:text|textsf|textrm|mathrm|mathsf|operatorname)\s*\{\s*Beta\s*\}\s*(?:\\left)?\(\s*[^()|;,]+?(?:\\mid|\\vert|\||;)"
)


def writes_beta_at_a_point(text: str) -> bool:
    """Whether a formula writes a Beta law's density at a point, beside which B(a, b) is the beta function."""
    return BETA_AT_A_POINT.search(text) is not None


def law_of(atom: Atom):
    """The law ``atom`` writes as a function of a point (the normal law for ``\\mathcal{N}(x; \\mu, \\sigma^2)``),
    or None."""
    if not atom.args or atom.sub or atom.decoration or atom.seps[:1] not in ([sep] for sep in POINT_SEPARATORS):
        return None
    return _spelled_with(atom, atom.seps[1:], extra=1)


def density(reader, atom: Atom, law):
    """The law's density (or mass) at the point the atom writes first, its parameters after it."""
    clause = _clause(atom, law, atom.args[1:], "")
    point, *params = (reader._scalar(reader.side(side)) for side in atom.args)
    return mass(clause, params, point)


def _clause(atom: Atom, law, parameters, name: str) -> LawClause:
    """The law with the parameters as written, under the reading their spelling settles; refused when it settles
    none (``\\mathcal{N}(x; \\mu, \\sigma)``: a variance or a standard deviation?)."""
    from derive.docs.bind import BindError

    written = tuple(side.source for side in parameters)
    reading, stated = _reading(law, written, "", "")
    if not stated:
        raise BindError(
            f"{atom.key}(...): its last parameter may be read two ways ({' or '.join(law.readings)}); write"
            " it as the notation settles (a variance as \\sigma^2)"
        )
    return LawClause(name, law, written, reading)


# laws whose supports do not depend on their parameters, grouped by support: a divergence is read within a group
SUPPORTS = ({"normal", "Laplace"}, {"exponential", "gamma"}, {"beta"})


def named_law(atom: Atom | None):
    """The law an atom writes with its parameters only (``\\mathcal{N}(\\mu, \\sigma^2)``), or None."""
    if atom is None or not atom.args or atom.sub or atom.decoration or atom.transpose:
        return None
    return _spelled_with(atom, atom.seps, extra=0)


def _spelled_with(atom: Atom, separators, extra: int):
    """The law the atom's name spells, when its other arguments, separated by commas, are the law's parameters
    (``extra`` arguments before them); else None."""
    if any(sep != "," for sep in separators):
        return None
    spelling = ONE_LETTER_LAWS.get(atom.key)
    if spelling is None:
        bare = atom.key.removeprefix("cal_").removeprefix("text_").lower()
        spelling = bare if len(bare) > 1 else None
    law = BY_SPELLING.get(spelling or "")
    return law if law is not None and len(atom.args) == len(law.parameters) + extra else None


def divergence(reader, first: Atom, second: Atom):
    r"""D_KL(P ‖ Q) of two named laws (``\mathcal{N}(\mu_1, \sigma_1^2) \| \mathcal{N}(0, 1)``): E_P[log p(X) −
    log q(X)], integrated from the laws' densities at each point; None when an argument is no named law."""
    from sympy.core.symbol import Str

    from derive.docs.bind import BindError
    from derive.docs.laws import LawExpectation, _label, value_symbol

    laws = [named_law(first), named_law(second)]
    if None in laws:
        return None
    if not any({laws[0].name, laws[1].name} <= support for support in SUPPORTS):
        raise BindError(
            f"a divergence between the {laws[0].name} and {laws[1].name} laws: only laws of one support"
            " (not depending on their parameters) are compared"
        )
    clauses = [_clause(atom, law, atom.args, "divergence") for atom, law in zip((first, second), laws)]
    values = [[reader._scalar(reader.side(side)) for side in atom.args] for atom in (first, second)]
    point = value_symbol(clauses[0])
    # log of a density written as a product of powers and exponentials: a sum of plain terms to integrate
    body = sp.expand_log(
        sp.log(mass(clauses[0], values[0], point)) - sp.log(mass(clauses[1], values[1], point)), force=True
    )
    return LawExpectation(Str(_label(clauses[0])), point, body, *values[0])
