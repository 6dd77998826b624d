r"""A named law written as a function of a point, ``\mathcal{N}(x; \mu, \sigma^2)``, ``\mathcal{N}(x \mid \mu,
\sigma^2)``, ``\text{Beta}(x; a, b)``: its density (or mass function) at that point, as Bishop and Murphy write it.

The value comes from the law's definition (:func:`derive.docs.laws.mass`); where authors differ on a parameter
(``\mathcal{N}(x; \mu, \sigma)``: a variance or a standard deviation?) and the spelling does not settle it, the
formula is not read."""

from __future__ import annotations

import sympy as sp

from derive.docs.laws import BY_SPELLING, LawClause, _reading, mass
from derive.docs.nodes import Atom

POINT_SEPARATORS = (";", "|")  # \mathcal{N}(x; ...) and \mathcal{N}(x | ...): the point, then the parameters
ONE_LETTER_LAWS = {"cal_N": "n", "N": "n", "cal_U": "u"}


def law_of(atom: Atom):
    """The law ``atom`` writes as a function of a point (the normal law for ``\\mathcal{N}(x; \\mu, \\sigma^2)``),
    or None."""
    if not atom.args or len(atom.args) < 2 or atom.sub or atom.decoration or atom.seps[:1] != [";"]:
        if not atom.args or atom.seps[:1] != ["|"] or atom.sub or atom.decoration:
            return None
    if any(sep != "," for sep in atom.seps[1:]):
        return None
    law = _spelled(atom.key)
    if law is None or len(atom.args) != len(law.parameters) + 1:
        return None
    return law


def density(reader, atom: Atom, law):
    """The law's density (or mass) at the point the atom writes first, its parameters after it."""
    from derive.docs.bind import BindError

    written = tuple(side.source for side in atom.args[1:])
    reading, stated = _reading(law, written, "", "")
    if not stated:
        raise BindError(
            f"{atom.key}(x; ...): its last parameter may be read two ways ({' or '.join(law.readings)}); write"
            " it as the notation settles (a variance as \\sigma^2)"
        )
    clause = LawClause("", law, written, reading)
    point, *params = (reader._scalar(reader.side(side)) for side in atom.args)
    return mass(clause, params, point)


# laws whose supports do not depend on their parameters, grouped by support: a divergence is read within a group
SUPPORTS = ({"normal", "Laplace"}, {"exponential", "gamma"}, {"beta"})


def named_law(atom: Atom | None):
    """The law an atom writes with its parameters only (``\\mathcal{N}(\\mu, \\sigma^2)``), or None."""
    if atom is None or not atom.args or atom.sub or atom.decoration or atom.transpose:
        return None
    if any(sep != "," for sep in atom.seps):
        return None
    law = _spelled(atom.key)
    return law if law is not None and len(atom.args) == len(law.parameters) else None


def _spelled(key: str):
    spelling = ONE_LETTER_LAWS.get(key)
    if spelling is None:
        bare = key.removeprefix("cal_").removeprefix("text_").lower()
        spelling = bare if len(bare) > 1 else None
    return BY_SPELLING.get(spelling or "")


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
    clauses, values = [], []
    for atom, law in zip((first, second), laws):
        written = tuple(side.source for side in atom.args)
        reading, stated = _reading(law, written, "", "")
        if not stated:
            raise BindError(f"{atom.key}(...): its last parameter may be read two ways ({' or '.join(law.readings)})")
        clauses.append(LawClause("divergence", law, written, reading))
        values.append([reader._scalar(reader.side(side)) for side in atom.args])
    point = value_symbol(clauses[0])
    # log of a density written as a product of powers and exponentials: a sum of plain terms to integrate
    body = sp.expand_log(
        sp.log(mass(clauses[0], values[0], point)) - sp.log(mass(clauses[1], values[1], point)), force=True
    )
    return LawExpectation(Str(_label(clauses[0])), point, body, *values[0])
