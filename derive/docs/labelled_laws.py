r"""A joint law labelled by its random variables, ``P_{XY}(x, y)``, with its marginals ``P_X(x)`` and conditionals
``P_{Y \mid X}(y \mid x)``: one law, as ``P(x, y)``, ``P(x)`` and ``P(y \mid x)`` are.

Course notes write the law of a pair with the variables as its label (CS228's ``P_{XY}``), and each marginal or
conditional with the variables it is of. Where the tag declares the variables random with that labelled joint law
(``X, Y: discrete random variables with joint distribution P_{XY}(x, y)``), a law letter labelled by some of those
variables, in order and with the bar where its arguments have one, applied to their outcomes (x for X, or x', x_1: a
value of it), is the joint law at those outcomes; the label is dropped. A label or arguments that do not line up
(``P_X(y)``, the law of X at a value of Y) stay as written, a law of their own.

A joint law written with an accent (``\hat p(x, u)``, the empirical law) is a joint law as p is: it is read under a law
letter the formula and the tag do not write otherwise, and the verdict says so.
"""

from __future__ import annotations

import dataclasses
import re

from derive.docs.joint_law import LAW_NAMES

ACCENTED = re.compile(r"^\\(?P<accent>[A-Za-z]+)\{(?P<letter>[A-Za-z])\}$")
FREE_LETTERS = ("p", "q", "P", "Q")
LABELLED = re.compile(r"^(?P<letter>[A-Za-z]+)\s*_\s*(?:\{(?P<label>[^{}]*)\}|(?P<one>[A-Z]))$")
BAR = r"\||\\mid|\\vert"
# a law letter with a label of capitals (P_X, P_{Y \mid X}), applied: the argument's text up to its closing bracket
WRITTEN = r"(?<![A-Za-z\\]){letter}\s*_\s*(?:\{{(?P<label>[^{{}}]*)\}}|(?P<one>[A-Z]))\s*(?P<open>\\left\s*\(|\()"


def with_labelled_laws(text: str, binding):
    """(``text`` with each labelled law of the tag's random variables written as the joint law and each accented one
    as a free law letter, binding with those laws so named, what was so read); unchanged when the tag declares none."""
    from derive.docs.tags import LawOfOutcomes

    variables: dict = {}
    for clause in binding.clauses:
        if isinstance(clause, LawOfOutcomes) and clause.variable:
            variables.setdefault(clause.name, []).append(clause.variable)
    read = []
    for name, declared in variables.items():
        accented = ACCENTED.match(name)
        if accented is not None:
            text, binding, letter = _accent_read(text, binding, name, accented)
            read.extend([f"{name} as the joint law {letter}"] if letter else [])
            continue
        labelled = LABELLED.match(name)
        if labelled is None or labelled.group("letter") not in LAW_NAMES:
            continue
        label = _variables_of(labelled.group("label") or labelled.group("one"))
        if label is None or sorted(label[0]) != sorted(declared) or len(set(declared)) != len(declared):
            continue
        letter = labelled.group("letter")
        text = _unlabelled(text, letter, set(declared))
        binding = dataclasses.replace(
            binding,
            clauses=[
                dataclasses.replace(c, name=letter) if isinstance(c, LawOfOutcomes) and c.name == name else c
                for c in binding.clauses
            ],
        )
    return text, binding, "; ".join(read)


def _accent_read(text: str, binding, name: str, accented: re.Match):
    """(text, binding, the letter) with the accented joint law ``name`` written as a law letter nothing else writes;
    the letter is "" and both unchanged when every law letter is taken."""
    from derive.docs.tags import LawOfOutcomes

    accent, letter = accented.group("accent", "letter")
    spelled = re.compile(rf"\\{accent}\s*(?:\{{\s*{letter}\s*\}}|{letter})(?![A-Za-z])")
    written = [text, *map(str, binding.overrides), *map(str, binding.overrides.values()), *binding.kinds]
    written += [f"{getattr(c, 'body', '')} {getattr(c, 'name', '')}" for c in binding.clauses]
    others = spelled.sub(" ", " ".join(written))
    free = next((x for x in FREE_LETTERS if not re.search(rf"(?<![A-Za-z\\]){x}(?![A-Za-z])", others)), "")
    if not free:
        return text, binding, ""
    clauses = [
        dataclasses.replace(c, name=free) if isinstance(c, LawOfOutcomes) and c.name == name else c
        for c in binding.clauses
    ]
    return spelled.sub(free, text), dataclasses.replace(binding, clauses=clauses), free


def _variables_of(label: str) -> tuple[list, list] | None:
    """(the variables a label names, the positions of its bars) for a label of single capitals (XY, X, Y \\mid X, X,
    Y); None for any other label."""
    names, bars = [], []
    for part in re.split(rf"\s*({BAR})\s*", label.strip()):
        if re.fullmatch(BAR, part):
            if bars or not names:
                return None
            bars.append(len(names))
            continue
        letters = re.sub(r"[\s,]", "", part)
        if not re.fullmatch(r"[A-Z]+", letters):
            return None
        names.extend(letters)
    return (names, bars) if names and (not bars or bars[0] < len(names)) else None


def _unlabelled(text: str, letter: str, declared: set) -> str:
    """``text`` with each application of ``letter`` labelled by declared variables to their outcomes unlabelled."""
    from derive.docs.tokens import closing_bracket

    pattern = re.compile(WRITTEN.format(letter=re.escape(letter)))
    out, at = [], 0
    for match in pattern.finditer(text):
        label = _variables_of(match.group("label") or match.group("one"))
        opening = match.end() - 1
        close = closing_bracket(text, opening)
        if label is None or close is None or not set(label[0]) <= declared:
            continue
        if _lines_up(label, text[opening + 1 : close].replace("\\right", "")):
            out.append(text[at : match.start()] + letter + " " + text[match.start("open") : match.end()])
            at = match.end()
    return "".join(out) + text[at:]


def _lines_up(label: tuple, arguments: str) -> bool:
    """Whether the arguments are the label's variables' outcomes, one each in order, with its bar at the same place."""
    names, bars = label
    found, written_bars = [], []
    for part in re.split(rf"\s*({BAR})\s*", arguments.strip()):
        if re.fullmatch(BAR, part):
            written_bars.append(len(found))
            continue
        found.extend(piece.strip() for piece in part.split(",") if piece.strip())
    if written_bars != bars or len(found) != len(names):
        return False
    value = r"(?:'|\^\s*\\prime|_\s*(?:\{\s*\w+\s*\}|\w))*"
    return all(re.fullmatch(rf"{name.lower()}\s*{value}", argument) for name, argument in zip(names, found))
