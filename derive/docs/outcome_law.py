"""A law given by its values and their probabilities: ``h' = 0 with probability p; h' = \\frac{h}{1-p} with
probability 1 - p``.

Clauses ``NAME = VALUE with probability PROB`` (also ``w.p.``, ``\\text{with probability}``, and one value ``otherwise``
or ``else``, which takes the probability the others leave) give NAME a finite law, as dropout, a Bernoulli reward or a
two-point mixture is written: E, Var, Cov and events are the sums over the values, weighted by their probabilities
(derive.docs.laws). The probabilities must be a law: they must sum to 1 as written (the formula is UNKNOWN with the
reason when they do not), and at a point where one of them is outside [0, 1] there is no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import mpmath
import sympy as sp

from derive.numeric import NumericError

WITH_PROBABILITY = re.compile(
    r"^\s*(?P<name>[^=]+?)\s*=\s*(?P<value>.+?)\s*,?\s*"
    r"(?:\\text\s*\{\s*(?P<words_in_text>with\s+probability|w\.p\.|otherwise|else)\s*\}|(?P<words>with\s+probability|w\.p\.|otherwise|else))"
    r"\s*(?P<probability>.*?)\s*\.?\s*$",
    re.IGNORECASE,
)


CASES = re.compile(r"(?:^|[\s{}])if(?:[\s{}]|$)|&|\\begin")


@dataclass(frozen=True)
class OutcomeClause:
    """``NAME = VALUE with probability PROB``: one value of NAME's law; PROB '' for the value taken otherwise."""

    name: str
    value: str
    probability: str
    text: str = ""


def is_outcome_clause(clause: str) -> bool:
    """Whether a clause gives one value of a finite law (``X = 1 with probability p``, ``X = 0 otherwise``)."""
    found = WITH_PROBABILITY.match(" ".join(clause.split()))
    return (
        found is not None
        and "\\sim" not in clause
        and "(" not in found.group("name")  # f(x) = x if x > 0, 0 otherwise: a function by cases
        and CASES.search(found.group("value")) is None
    )


def outcome_clause(clause: str) -> OutcomeClause:
    """The clause read; a TagError when it is not one value and one probability."""
    from derive.docs.laws import LawError
    from derive.docs.tags import _key

    text = " ".join(clause.split())
    found = WITH_PROBABILITY.match(text)
    words = (found.group("words") or found.group("words_in_text")).lower()
    probability = found.group("probability").strip()
    if words in ("otherwise", "else"):
        if probability:
            raise LawError(f"cannot read '{probability}' after '{words}' in '{text}'")
    elif not probability:
        raise LawError(f"the clause '{text}' needs the probability of the value")
    return OutcomeClause(_key(found.group("name")), found.group("value").strip(), probability, text)


def outcome_laws(clauses: list) -> list:
    """The clauses with each name's values gathered into one law (a :class:`derive.docs.laws.LawClause`), in the
    place of its first value."""
    from derive.docs.laws import OUTCOMES, LawClause, LawError

    values: dict = {}
    for clause in clauses:
        if isinstance(clause, OutcomeClause):
            values.setdefault(clause.name, []).append(clause)
    gathered, placed = [], set()
    for clause in clauses:
        if not isinstance(clause, OutcomeClause):
            gathered.append(clause)
            continue
        if clause.name in placed:
            continue
        placed.add(clause.name)
        own = values[clause.name]
        rest = [c for c in own if not c.probability]
        if len(rest) > 1:
            raise LawError(f"{clause.name} has more than one value 'otherwise'")
        if len(own) < 2:
            raise LawError(f"'{clause.text}' gives {clause.name} one value; give each value its probability")
        params = []
        for value in own:
            probability = value.probability or "1 - " + " - ".join(f"({c.probability})" for c in own if c.probability)
            params += [value.value, probability]
        gathered.append(LawClause(clause.name, OUTCOMES, tuple(params), text="; ".join(c.text for c in own)))
    return gathered


def pairs(params: list) -> list:
    """[(value, probability)] of a finite law's parameters (values and probabilities in turn)."""
    return list(zip(params[0::2], params[1::2]))


def check_total(name: str, params: list) -> None:
    """A BindError unless the probabilities of the law's values sum to 1 as written."""
    from derive.docs.bind import BindError

    total = sp.Add(*(probability for _, probability in pairs(params)))
    if sp.simplify(total - 1) != 0:
        raise BindError(f"the probabilities of the values of {name} sum to {total}, not 1: not a law")


class Chance(sp.Function):
    """A probability of a finite law: its value at a point, which must lie in [0, 1] (else the point has none)."""

    @classmethod
    def eval(cls, probability):
        if probability.is_number and probability.is_comparable and 0 <= probability <= 1:
            return probability
        return None

    def _eval_evalf(self, prec):
        dps = mpmath.libmp.prec_to_dps(prec)
        value = self.args[0].evalf(dps)
        if not value.is_number or value.free_symbols:
            return None
        if not value.is_comparable or not 0 <= value <= 1:
            raise NumericError(f"a probability of a finite law is {sp.Float(value, 6)}, outside [0, 1]")
        return value

    def _eval_is_real(self):
        return True

    def _eval_is_nonnegative(self):
        return True


def expectation(params: list, expr, symbol):
    """E[expr] under the law: Σ probability · expr at the value."""
    return sp.Add(*(Chance(probability) * expr.xreplace({symbol: value}) for value, probability in pairs(params)))
