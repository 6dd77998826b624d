"""A tag's equation between expressions (``0 = \\theta_0 + \\theta_1 x + \\theta_2 y``), read where the formula
solves it for one name (``y = \\frac{\\theta_0 + \\theta_1 x}{-\\theta_2}``): the formula's value put in for the name.

The equation is no definition of a name, so the tag's other readings leave it out. When it holds with the value put
in, for every value of its other names, the value solves it; an equation of degree one in the name, whose factor of
the name is not zero for every value, has no other solution, and the formula PASSes. When it fails with the value
put in, at some point, the value solves no equation the name meets there, and the formula FAILs with that point.
"""

from __future__ import annotations

import dataclasses
import re

import sympy as sp

from derive.docs.tag_spelling import NUMBER
from derive.docs.verdict import FAIL, PASS, Verdict


def tag_equations(binding) -> dict:
    """The tag's clauses that set an expression equal to a number (``0 = a + b``, ``a + b = 1``): the key the tag's
    overrides file each under -> (left, right) as written."""
    found = {}
    for name, meaning in binding.overrides.items():
        if NUMBER.match(name.strip()) or NUMBER.match(meaning.strip()) and _a_sum(name):
            found[name] = (name.strip(), meaning.strip())
    return found


def _a_sum(latex: str) -> bool:
    """Whether a clause's left side is a sum of terms (a + b), not one name, a norm or a sum over an index."""
    try:
        return isinstance(_parsed(latex), sp.Add)
    except Exception:  # unreadable: no sum
        return False


def decide_tag_equation(text: str, binding, decide_text) -> Verdict | None:
    """The verdict on ``y = E`` under a tag whose equation writes y (``decide_text(formula, binding)`` decides a
    formula under a tag); None when the formula is no name set to a value or the tag has no such equation."""
    equations = tag_equations(binding)
    if not equations:
        return None
    solved = _name_and_value(text)
    if solved is None:
        return None
    written, value = solved
    spelling = re.compile(rf"(?<![A-Za-z\\_^]){re.escape(written)}(?![A-Za-z0-9])")
    for key, (left, right) in equations.items():
        if not spelling.search(f"{left} = {right}") or not _of_degree_one(left, right, written, value):
            continue
        put_in = [spelling.sub(lambda _: f"({value})", side) for side in (left, right)]
        if not _put_in_exactly((left, right), put_in, written, value):
            return None
        rest = dataclasses.replace(binding, overrides={k: v for k, v in binding.overrides.items() if k != key})
        rest = dataclasses.replace(rest, kinds={**_reals(left, right, written, rest), **rest.kinds})
        verdict = decide_text(f"{put_in[0]} = {put_in[1]}", rest)
        shown = f"the tag's {left} = {right}"
        if verdict.verdict == PASS:
            return Verdict(PASS, f"{written} = {value} solves {shown}, of degree one in it: {verdict.detail}")
        if verdict.verdict == FAIL:
            detail = f"{written} = {value} does not solve {shown}: {verdict.detail}"
            return dataclasses.replace(verdict, detail=detail)
        return None
    return None


# a name as a tag writes it: \text{AST}, \theta_0, x_{ij}, b
SPELLING = re.compile(
    r"\\(?:text|mathrm|mathit)\{[^{}]*\}|\\[A-Za-z]+(?:_\{[^{}]*\}|_\w)?|[A-Za-z](?:_\{[^{}]*\}|_\w)?"
)


def _reals(left: str, right: str, written: str, binding) -> dict:
    """The equation's other names that neither the rest of the tag (``binding``) nor the shared notation gives a
    meaning, declared real numbers, as the equation writes them: its claim with the value put in is for all their
    values."""
    from derive.docs.bind import generic_vocab
    from derive.docs.side_names import _normal_name, tag_names
    from derive.docs.tag_mentions import tag_variables

    try:
        keys = {str(symbol) for side in (left, right) for symbol in _parsed(side).free_symbols}
        solved = _normal_name(written)
    except Exception:  # unreadable: nothing declared
        return {}
    meant = set(generic_vocab().entries) | tag_variables(binding) | {solved} | tag_names(binding)
    reals = {}
    for spelling in SPELLING.findall(f"{left} {right}"):
        try:
            key = _normal_name(spelling)
        except Exception:  # a command, no name
            continue
        if key not in meant and (key in keys or key.replace("_", "\\_") in keys):
            reals[spelling] = "real"
    return reals


def _name_and_value(text: str) -> tuple[str, str] | None:
    """(the name as written, the value as written) for a formula that sets one name to a value."""
    from derive.docs.bind import single_atom
    from derive.docs.interpret import rewrite_chain

    try:
        sides, relations, conditions = rewrite_chain(text)
    except Exception:  # unreadable: no name set to a value
        return None
    if relations != ["="] or list(conditions) or conditions.comparisons or conditions.definitions:
        return None
    atom = single_atom(sides[0])
    if atom is None or atom.args is not None or atom.transpose or atom.decoration:
        return None
    return sides[0].written.strip(), sides[1].written.strip()


def _parsed(latex: str):
    from derive.docs.parse import parse_latex

    return parse_latex(latex)


def _of_degree_one(left: str, right: str, written: str, value: str) -> bool:
    """Whether the equation is of degree one in the name, with a factor of it that is not zero for every value, and
    the value is written without the name (x = x + (bx + c) holds wherever bx + c = 0, as an equation does)."""
    try:
        name = _parsed(written)
        difference = sp.expand(_parsed(left) - _parsed(right))
        if not isinstance(name, sp.Symbol) or name in _parsed(value).free_symbols:
            return False
        poly = sp.Poly(difference, name)
    except Exception:  # unreadable, or no polynomial in the name
        return False
    return (
        poly.degree() == 1
        and not poly.coeff_monomial(name).is_zero
        and name not in poly.coeff_monomial(name).free_symbols
    )


def _put_in_exactly(sides, put_in, written, value) -> bool:
    """Whether the equation written with the value in place of the name is the equation with the value put in: the
    spelling matched the name everywhere, and only the name."""
    try:
        name, number = _parsed(written), _parsed(value)
        return all(
            sp.simplify(_parsed(after) - _parsed(before).subs(name, number)) == 0
            for before, after in zip(sides, put_in)
        )
    except Exception:  # unreadable: not shown to be the same equation
        return False
