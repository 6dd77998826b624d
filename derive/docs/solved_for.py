r"""An equation followed by the value that solves it, ``\frac{63}{p} - \frac{37}{1-p} = 0 \Rightarrow p = 0.63``:
decided by putting the value into the equation's last link.

Untagged, an implication is read only from a comparison or the value of a name; an equation in one name whose
last link is a number, followed by that name set to a number, says the number solves it. Put in, the equation is
arithmetic: when it holds (and the numbers the conclusion chains hold too) the value solves it and the formula
PASSes; when it fails, and the sides keep their order over half a unit of the value's last written decimal place
either way (1.414 for the square root of 2 is a rounding), the value the author gives is no solution, and the
formula FAILs with the two sides at that value. Untagged, earlier links of the equation (``\frac{d\ell}{dp} = ...``)
name what is set to the number and are not read; tagged, they are claims under the tag (\ell(p) = 63 \log p + ...)
and must hold too: the formula PASSes only when they do and FAILs when one fails.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal, InvalidOperation

from derive.docs.chain import split_chain
from derive.docs.implication import _with_values, split_implication
from derive.docs.symbols import GREEK
from derive.docs.tokens import NotationError, Unsupported, flatten, latex_of, lex
from derive.docs.verdict import FAIL, PASS, Verdict

SPACES = ("quad", "qquad", ",", ";", "!")
ARITHMETIC = ("frac", "dfrac", "tfrac", "cdot", "times", "left", "right", "sqrt", "exp", "log", "ln", *SPACES)


def decide_solved_for(text: str, decide_text, earlier_links: bool = False) -> Verdict | None:
    """The verdict on ``E = c \\Rightarrow x = v`` with E in the one name x and c, v numbers; None for any other
    formula. ``decide_text`` decides a formula in numbers, and with ``earlier_links`` the links before E as well."""
    try:
        claim, hypothesis = split_implication(lex(text))
        if hypothesis is None:
            return None
        given, concluded = split_chain(hypothesis), split_chain(claim)
    except (NotationError, Unsupported):
        return None
    if not _plain_equation(given) or not _plain_equation(concluded):
        return None
    name = _one_name(concluded.sides[0])
    equation, number = given.sides[-2], given.sides[-1]
    values = concluded.sides[1:]
    if name is None or not _numbers(number) or not all(_numbers(value) for value in values):
        return None
    if _names(equation) != {name.text}:
        return None
    shown = f"{latex_of([name])} = {_shown(values[0])}"
    equation_shown = f"{_shown(equation)} = {_shown(number)}"
    solves = decide_text(_put_in(equation, name, values[0], number, "="))
    if solves.verdict == FAIL and not _root_within_rounding(equation, name, values[0], number, decide_text):
        return dataclasses.replace(solves, detail=f"{shown} does not solve {equation_shown}: {solves.detail}")
    if solves.verdict != PASS:
        return None
    if earlier_links and len(given.sides) > 2:
        derived = " = ".join(latex_of(side) for side in given.sides[:-1])
        links = decide_text(derived)
        if links.verdict != PASS:
            return links if links.verdict == FAIL else None
        shown = f"{derived.strip()} holds ({links.detail}), and {shown}"
    if len(values) > 1:
        worked = decide_text(" = ".join(latex_of(value) for value in values))
        if worked.verdict != PASS:
            return worked if worked.verdict == FAIL else None
    return dataclasses.replace(solves, detail=f"{shown} solves {equation_shown}: {solves.detail}")


def _put_in(equation, name, value, number, relation) -> str:
    return f"{latex_of(_with_values(equation, {name.text: value}))} {relation} {latex_of(number)}"


def _root_within_rounding(equation, name, value, number, decide_text) -> bool:
    """Whether the equation's sides may meet within half a unit of the value's last written decimal place (1.414 for
    the square root of 2), or that cannot be told: the sides' order is not the same at both ends."""
    written = latex_of(value).replace(" ", "")
    if "." not in written:
        return False
    places = len(written.split(".")[1])
    try:
        middle = Decimal(written)
    except InvalidOperation:
        return True
    half = Decimal(5) / Decimal(10) ** (places + 1)
    below = []
    for end in (middle - half, middle + half):
        verdict = decide_text(_put_in(equation, name, lex(f"{end}"), number, "<"))
        if verdict.verdict not in (PASS, FAIL):
            return True
        below.append(verdict.verdict == PASS)
    return below[0] != below[1]


def _shown(tokens) -> str:
    return latex_of([t for t in tokens if not t.is_cs(*SPACES)]).strip()


def _plain_equation(chain) -> bool:
    return bool(chain.relations) and set(chain.relations) == {"="} and not chain.conditions and not chain.stated


def _one_name(tokens):
    """The name a side is, one letter or a Greek letter (p, \\lambda); None for anything else."""
    tokens = [t for t in tokens if not t.is_ch(" ") and not t.is_cs(*SPACES)]
    if len(tokens) != 1:
        return None
    t = tokens[0]
    return t if (t.kind == "ch" and t.text.isalpha()) or (t.kind == "cs" and t.text in GREEK) else None


def _names(tokens) -> set:
    """The letters and Greek letters a side writes; a command that is not arithmetic counts as a name."""
    names = set()
    for t in flatten(tokens):
        if t.kind == "ch" and t.text.isalpha() or t.kind == "cs" and t.text not in ARITHMETIC:
            names.add(t.text)
    return names


def _numbers(tokens) -> bool:
    """Whether a side is written in numbers only (0.63, \\frac{63}{100})."""
    return bool(flatten(tokens)) and not _names(tokens)
