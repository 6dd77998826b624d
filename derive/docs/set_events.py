r"""Probabilities of events of one probability space: ``P(A \cap B)``, ``P(A \cup B)``, ``P(\Omega - A)``, ``P(A \mid B)``.

A formula whose probabilities are taken of events, named as events by its own use of ``\cap``,
``\cup``, ``\setminus``, a complement (``A^c``, ``\overline{A}``, ``\Omega - A``) or ``\Omega``
inside a ``P(...)``, is read over a finite sample space: the outcomes are the ways k named events
(capital letters, ``A_1`` with a written number) can hold or not, 2^k atoms, and a probability is
any weighting of them. ``P(E)`` sums the atoms in E, ``P(E \mid F) = P(E \cap F) / P(F)``, and the
formula is checked exactly (rational arithmetic) at the laws that put all weight on one atom and at
random ones, some with atoms left out. A FAIL names a law that refutes it; a PASS says it held at
all of them. Mixing ``\cap`` and ``\cup`` without brackets has two readings and is not read; nor is
anything else this small reader does not take (the formula is then read as before).
"""

from __future__ import annotations

import itertools
import random
import re
from fractions import Fraction

from derive.docs.formats.macros import tokens_of
from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

MAX_EVENTS = 5
MAX_POWER = 64  # a written power or event index; exact arithmetic on larger powers grows without need
RANDOM_LAWS = 60
RELATIONS = {"=": "=", "\\le": "<=", "\\leq": "<=", "\\leqslant": "<=", "\\ge": ">=", "\\geq": ">=", "\\geqslant": ">="}
RELATIONS.update({"<": "<", ">": ">"})
SET_WORDS = {"\\cap", "\\cup", "\\setminus", "\\Omega", "\\overline", "\\complement"}
PROBABILITY = ("P", "\\Pr")
FONTS = {"\\mathbb", "\\mathbf", "\\mathrm", "\\operatorname"}
SPACING = {"\\,", "\\;", "\\:", "\\!", "\\quad", "\\qquad", "\\left", "\\right", "\\big", "\\Big", "\\bigg", "\\Bigg"}
EVENT_NAME = re.compile(r"[A-OQ-Z]")


class _Refused(ValueError):
    """The formula is not one this reader takes."""


def event_formula(latex: str) -> bool:
    """Whether the formula names events by the set operations it writes inside a probability."""
    return any(word in latex for word in SET_WORDS) or bool(re.search(r"\^\s*\{?\s*c\s*\}?", latex))


def decide_events(latex: str, arbitrary: bool = False) -> Verdict | None:
    """The verdict on a formula about probabilities of events, or None when it is not one this reader takes.

    An equation that fails for some law but holds for every law under which the events are independent,
    pairwise disjoint, or one inside another, may state that they are (P(A \\cap B) = P(A) P(B)), and a refuted
    formula with a side the law does not enter may state a particular law (P(A \\cap B) = 0): UNKNOWN, unless
    ``arbitrary`` (the tag declares them events and nothing more).
    """
    if not event_formula(latex):
        return None
    try:
        sides, relations = _Parser(_tokens(latex)).chain()
    except (_Refused, RecursionError):
        return None
    names = sorted({name for side in sides for name in _names(side)}, key=_name_order)
    if not names or not any(_uses_sets(side) for side in sides):
        return None
    if len(names) > MAX_EVENTS:
        return Verdict(UNKNOWN, f"events of {len(names)} names: more than {MAX_EVENTS} are not read")
    atoms = list(itertools.product((True, False), repeat=len(names)))
    space = f"{len(atoms)} outcomes of the events {', '.join(names)}"
    checked, refuted, _ = _check(sides, relations, names, atoms, _laws(len(atoms)))
    if refuted is not None:
        if not arbitrary and any(not _has_probability(side) for side in sides):
            return Verdict(
                UNKNOWN,
                "events of one probability space: a side the law does not enter, so it may state a particular law "
                f"or a condition on the events (P(A \\cap B) = 0), not a claim for every law; {refuted}",
            )
        if not arbitrary and all(r == "=" for r in relations):
            for family, laws in (
                ("independent", _independent_laws(atoms)),
                ("pairwise disjoint", _disjoint_laws(atoms)),
                *((f"nested, {names[i]} inside {names[j]}", _nested_laws(atoms, i, j)) for i, j in _pairs(names)),
            ):
                held, failed, moved = _check(sides, relations, names, atoms, laws, need_nonzero=True)
                if held and failed is None and moved:
                    return Verdict(
                        UNKNOWN,
                        f"events of one probability space: holds when the events are {family}, not for every law, "
                        f"so it may state that they are (declare them arbitrary in the tag, "
                        f"'{', '.join(names)}: events', to claim it for every law); {refuted}",
                    )
        return Verdict(FAIL, refuted)
    if checked == 0:
        return Verdict(UNKNOWN, "every law tried gives a conditioning event probability 0")
    return Verdict(
        PASS,
        f"events of one probability space, read over the {space}: holds exactly at {checked} laws "
        "(each outcome alone, and random laws with and without every outcome)",
        evidence="numeric",
        points=checked,
    )


def _name_order(name: str):
    letter, _, index = name.partition("_")
    return letter, int(index) if index.isdigit() else -1


def _tokens(latex: str) -> list[str]:
    latex = re.sub(r"\\(begin|end)\{(align\*?|aligned|equation\*?|split|gather\*?)\}", " ", latex)
    out = []
    for token, _ in tokens_of(latex):
        if token.isspace() or token in SPACING or token in ("&", "\\\\"):
            continue
        out.append(token)
    while out and out[-1] in (",", "."):
        out.pop()
    return out


class _Parser:
    """A strict reader of relations between sums, products and quotients of probabilities of events."""

    def __init__(self, tokens: list[str]):
        self.tokens, self.at = tokens, 0

    def peek(self, ahead: int = 0):
        k = self.at + ahead
        return self.tokens[k] if k < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise _Refused(f"expected {expected}")
        self.at += 1
        return token

    def chain(self):
        sides, relations = [self.sum()], []
        while self.peek() in RELATIONS:
            relations.append(RELATIONS[self.take()])
            sides.append(self.sum())
        if not relations or self.peek() is not None:
            raise _Refused("not a relation between probabilities")
        return sides, relations

    def sum(self):
        terms = [("+", self.product())] if self.peek() != "-" else []
        while self.peek() in ("+", "-"):
            sign = self.take()
            terms.append((sign, self.product()))
        return ("sum", terms)

    def product(self):
        factors = [("*", self.power())]
        while True:
            token = self.peek()
            if token in ("\\cdot", "\\times", "*"):
                self.take()
                factors.append(("*", self.power()))
            elif token == "/":
                self.take()
                factors.append(("/", self.power()))
            elif token is not None and token not in RELATIONS and token not in ("+", "-", ")", "}", ",", "|", "\\mid"):
                factors.append(("*", self.power()))
            else:
                return ("product", factors)

    def power(self):
        base = self.primary()
        if self.peek() == "^":
            self.take()
            exponent = self.group_number()
            return ("power", base, exponent)
        return base

    def group_number(self) -> int:
        if self.peek() == "{":
            self.take()
            digits = self.take()
            self.take("}")
        else:
            digits = self.take()
        if not digits.isdigit() or int(digits) > MAX_POWER:
            raise _Refused("a power or index that is not a small whole number")
        return int(digits)

    def primary(self):
        token = self.peek()
        if token is None:
            raise _Refused("the formula ends early")
        if token.isdigit():
            digits = self.take()
            while self.peek() is not None and (self.peek().isdigit() or self.peek() == "." and "." not in digits):
                digits += self.take()
            return ("number", Fraction(digits))
        if token == "(":
            self.take()
            inner = self.sum()
            self.take(")")
            return inner
        if token == "{":
            self.take()
            inner = self.sum()
            self.take("}")
            return inner
        if token in ("\\frac", "\\dfrac", "\\tfrac"):
            self.take()
            top, bottom = self.braced_sum(), self.braced_sum()
            return ("product", [("*", top), ("/", bottom)])
        if token in ("\\min", "\\max"):
            self.take()
            self.take("(")
            items = [self.sum()]
            while self.peek() == ",":
                self.take()
                items.append(self.sum())
            self.take(")")
            return (token[1:], items)
        if self.probability_head():
            return self.probability()
        raise _Refused(f"{token} is not read here")

    def braced_sum(self):
        self.take("{")
        inner = self.sum()
        self.take("}")
        return inner

    def probability_head(self) -> bool:
        token = self.peek()
        if token in PROBABILITY:
            return self.peek(1) == "("
        return token in FONTS and self.peek(1) == "{" and self.peek(2) == "P" and self.peek(3) == "}"

    def probability(self):
        if self.take() in FONTS:
            self.take("{"), self.take("P"), self.take("}")
        self.take("(")
        event = self.event()
        given = None
        if self.peek() in ("|", "\\mid"):
            self.take()
            given = self.event()
        self.take(")")
        return ("P", event, given)

    def event(self):
        operands, operation = [self.event_operand()], None
        while self.peek() in ("\\cap", "\\cup", "\\setminus", "-"):
            token = self.take()
            kind = "cap" if token == "\\cap" else "cup" if token == "\\cup" else "minus"
            if operation is not None and kind != operation or kind == "minus" and operation == "minus":
                raise _Refused("set operations mixed without brackets")
            operation = kind
            operands.append(self.event_operand())
        if operation is None:
            return operands[0]
        return (operation, operands)

    def event_operand(self):
        token = self.peek()
        if token == "(":
            self.take()
            inner = self.event()
            self.take(")")
            return self.complemented(inner)
        if token in ("\\overline", "\\bar"):
            self.take()
            if self.peek() == "{":
                self.take()
                inner = self.event()
                self.take("}")
            else:
                inner = self.event_operand()
            return ("not", inner)
        if token == "\\Omega":
            self.take()
            return ("all",)
        if token in ("\\emptyset", "\\varnothing"):
            self.take()
            return ("none",)
        if token is not None and EVENT_NAME.fullmatch(token):
            name = self.take()
            if self.peek() == "_":
                self.take()
                index = str(self.group_number())
                name = f"{name}_{index}"
            return self.complemented(("event", name))
        raise _Refused(f"{token} is not an event")

    def complemented(self, event):
        if self.peek() == "^":
            self.take()
            if self.peek() == "{" and self.peek(1) in ("c", "\\complement", "C") and self.peek(2) == "}":
                self.take(), self.take(), self.take()
            elif self.peek() in ("c", "\\complement"):
                self.take()
            else:
                raise _Refused("a power of an event")
            return ("not", event)
        return event


def _walk(node):
    yield node
    if isinstance(node, tuple):
        for part in node[1:]:
            if isinstance(part, tuple):
                yield from _walk(part)
            elif isinstance(part, list):
                for item in part:
                    yield from _walk(item[1] if isinstance(item, tuple) and item[0] in ("+", "-", "*", "/") else item)


def _names(side) -> set[str]:
    return {node[1] for node in _walk(side) if isinstance(node, tuple) and node and node[0] == "event"}


def _has_probability(side) -> bool:
    return any(isinstance(node, tuple) and node and node[0] == "P" for node in _walk(side))


def _uses_sets(side) -> bool:
    return any(
        isinstance(node, tuple) and node and node[0] in ("cap", "cup", "minus", "not", "all", "none")
        for node in _walk(side)
    )


def _contains(event, names, atom) -> bool:
    kind = event[0]
    if kind == "event":
        return atom[names.index(event[1])]
    if kind == "all":
        return True
    if kind == "none":
        return False
    if kind == "not":
        return not _contains(event[1], names, atom)
    members = [_contains(e, names, atom) for e in event[1]]
    if kind == "cap":
        return all(members)
    if kind == "cup":
        return any(members)
    return members[0] and not any(members[1:])  # minus


def _probability(event, names, weights) -> Fraction:
    return sum((w for atom, w in weights.items() if _contains(event, names, atom)), Fraction(0))


def _value(node, names, weights) -> Fraction:
    kind = node[0]
    if kind == "number":
        return node[1]
    if kind == "sum":
        return sum(((1 if s == "+" else -1) * _value(t, names, weights) for s, t in node[1]), Fraction(0))
    if kind == "product":
        out = Fraction(1)
        for operation, factor in node[1]:
            value = _value(factor, names, weights)
            out = out * value if operation == "*" else out / value
        return out
    if kind == "power":
        return _value(node[1], names, weights) ** node[2]
    if kind in ("min", "max"):
        values = [_value(item, names, weights) for item in node[1]]
        return min(values) if kind == "min" else max(values)
    event, given = node[1], node[2]
    if given is None:
        return _probability(event, names, weights)
    return _probability(("cap", [event, given]), names, weights) / _probability(given, names, weights)


def _holds(left: Fraction, relation: str, right: Fraction) -> bool:
    return {
        "=": left == right,
        "<=": left <= right,
        ">=": left >= right,
        "<": left < right,
        ">": left > right,
    }[relation]


def _check(sides, relations, names, atoms, laws, need_nonzero=False):
    """(laws checked, the refutation or None, whether some side was not 0 at a law checked)."""
    checked, moved = 0, False
    for law in laws:
        weights = dict(zip(atoms, law))
        try:
            values = [_value(side, names, weights) for side in sides]
        except ZeroDivisionError:
            continue  # a conditional on an event of probability 0 at this law
        checked += 1
        moved = moved or any(values)
        for k, relation in enumerate(relations):
            if not _holds(values[k], relation, values[k + 1]):
                return checked, _counterexample(names, atoms, law, k, values, relation), moved
    return checked, None, moved


def _independent_laws(atoms):
    """Laws under which the events are independent: each holds with its own probability, apart from the others."""
    rng = random.Random(20261)
    for _ in range(RANDOM_LAWS // 3):
        chances = [Fraction(rng.randint(1, 96), 97) for _ in atoms[0]]
        law = []
        for atom in atoms:
            weight = Fraction(1)
            for chance, held in zip(chances, atom):
                weight *= chance if held else 1 - chance
            law.append(weight)
        yield law


def _disjoint_laws(atoms):
    """Laws under which no two events hold together."""
    allowed = [sum(atom) <= 1 for atom in atoms]
    rng = random.Random(20262)
    for _ in range(RANDOM_LAWS // 3):
        weights = [rng.randint(1, 97) if ok else 0 for ok in allowed]
        total = sum(weights)
        yield [Fraction(w, total) for w in weights]


def _pairs(names):
    return [(i, j) for i in range(len(names)) for j in range(len(names)) if i != j]


def _nested_laws(atoms, inner: int, outer: int):
    """Laws under which one event lies inside another."""
    allowed = [not (atom[inner] and not atom[outer]) for atom in atoms]
    rng = random.Random(20263 + 10 * inner + outer)
    for _ in range(RANDOM_LAWS // 3):
        weights = [rng.randint(1, 97) if ok else 0 for ok in allowed]
        total = sum(weights)
        yield [Fraction(w, total) for w in weights]


def _laws(size: int):
    """The laws tried: each outcome alone, then random ones (seeded), some with outcomes left out."""
    for k in range(size):
        yield [Fraction(int(j == k)) for j in range(size)]
    rng = random.Random(20260)
    for trial in range(RANDOM_LAWS):
        weights = [rng.randint(1, 97) for _ in range(size)]
        if trial % 2:
            weights = [w if rng.random() < 0.5 else 0 for w in weights]
            if not any(weights):
                continue
        total = sum(weights)
        yield [Fraction(w, total) for w in weights]


def _counterexample(names, atoms, law, k, values, relation) -> str:
    def outcome(atom):
        return " ∩ ".join(name if held else f"{name}^c" for name, held in zip(names, atom))

    law_text = ", ".join(f"P({outcome(a)}) = {w}" for a, w in zip(atoms, law) if w)
    others = " (other outcomes 0)" if not all(law) else ""
    return (
        f"events of one probability space: fails for the law {law_text}{others}: "
        f"side {k + 1} = {values[k]}, side {k + 2} = {values[k + 1]}, not {relation}"
    )
