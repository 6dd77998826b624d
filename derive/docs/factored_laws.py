r"""A joint law the tag gives as a product of one conditional law per outcome, ``p(a, b, c) = p(a) p(b \mid a) p(c
\mid b)``: a Bayesian network's factorisation, read as the model it states and drawn as such.

A tag clause that defines a law of named outcomes (p, P, q, Q, Pr) at all of them, each written once and separated by
commas, by a product of the same law applied to one outcome given others (``p(l \mid g) p(s \mid i) p(g \mid i, d)
p(i) p(d)``), every outcome before a bar exactly once and no outcome given itself through the others (the factors can
be ordered each after those it is given), states a model of the law, not a property of every law. The joint table is
then drawn factor by factor: each factor a positive law of its outcome for each value of the outcomes it is given,
and the entry of the joint law their product. The law's marginals and conditionals (p(l), p(g \mid i, d)) are read
from that table as for any joint law (:mod:`derive.docs.joint_law`); for such a product the conditional of each
outcome given those it is written with is its factor, so the clause holds of the drawn law.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import mpmath

from derive import domain as dom

MOST_FACTORED_OUTCOMES = 5  # the student network p(l, g, s, i, d): its table has n^5 entries
APPLICATION = re.compile(r"\s*(?P<law>\\Pr|[pPqQ])\s*\((?P<args>[^()]*)\)\s*(?:\\cdot\s*)?")
ONE = re.compile(r"\s*1(?![0-9.])\s*(?:\\cdot\s*)?")  # an empty product written out, p(x_1) \prod_{i=2}^1 ...
LAW_BEFORE = re.compile(r"(?:^|[^A-Za-z\\])(?:\\Pr|[pPqQ])\s*$")
BAR = re.compile(r"\\mid|\\vert|\|")
SIZING = re.compile(r"\\(?:left|right|big|Big|bigg|Bigg)(?![A-Za-z])\s*")


@dataclass(frozen=True)
class FactoredLaw:
    """``p(a, b, c) = p(a) p(b \\mid a) p(c \\mid b)``: the law p of ``outcomes`` is the product of ``factors``, each
    (the position of an outcome, the positions of the outcomes it is given)."""

    name: str
    outcomes: tuple
    factors: tuple
    text: str = ""


def factorisation(clause, key) -> FactoredLaw | None:
    """The model a tag's definition of a law by a product of its conditional laws states; None for any other
    clause. ``key`` turns a written name into the name the formula's outcomes are keyed by."""
    if clause.index or any(power != 1 for power in clause.powers) or not _commas_only(clause.head):
        return None
    outcomes = tuple(clause.params)
    if len(outcomes) < 2:
        return None
    factors, at = [], 0
    body = _ungrouped(SIZING.sub("", clause.body)).strip()
    while at < len(body):
        one = ONE.match(body, at)
        if one is not None and one.end() > at:
            at = one.end()
            continue
        match = APPLICATION.match(body, at)
        if match is None or key(match.group("law")) != clause.name:
            return None
        factor = _factor(match.group("args"), outcomes, key)
        if factor is None:
            return None
        factors.append(factor)
        at = match.end()
    if sorted(child for child, _ in factors) != list(range(len(outcomes))) or not _ordered(factors):
        return None
    return FactoredLaw(clause.name, outcomes, tuple(factors), f"{clause.head} = {clause.body}")


def _ungrouped(body: str) -> str:
    """The body without the brackets that only group factors (((p(x_1 \\mid y)) (p(x_2 \\mid y))), a product written
    out): a bracket after a law's name is its application and stays."""
    kept, opened = [], []
    for character in body:
        if character == "(":
            application = bool(LAW_BEFORE.search("".join(kept)))
            opened.append(application)
            kept.append("(" if application else " ")
        elif character == ")" and opened:
            kept.append(")" if opened.pop() else " ")
        else:
            kept.append(character)
    return "".join(kept)


def _commas_only(head: str) -> bool:
    """Whether a law's head separates its outcomes by commas alone: p(a, b, c), never p(a \\mid b) or p(x; \\theta)."""
    inside = head[head.index("(") + 1 : head.rindex(")")] if "(" in head and ")" in head else ""
    return bool(inside) and not BAR.search(inside) and ";" not in inside


def _factor(args: str, outcomes: tuple, key):
    """(the position of the outcome a factor is the law of, the positions of those it is given), or None when the
    factor is not one outcome of the law given others of them."""
    parts = BAR.split(args)
    if len(parts) > 2 or "," in parts[0] or ";" in args:
        return None
    try:
        child = key(parts[0].strip())
        given = [key(name.strip()) for name in parts[1].split(",")] if len(parts) == 2 else []
    except Exception:  # not a name: no factor of the law
        return None
    if child not in outcomes or any(name not in outcomes or name == child for name in given):
        return None
    if len(set(given)) != len(given):
        return None
    return outcomes.index(child), tuple(outcomes.index(name) for name in given)


def _ordered(factors) -> bool:
    """Whether the factors can be ordered each after the factors of the outcomes it is given (no outcome given
    itself through others)."""
    placed, left = set(), list(factors)
    while left:
        ready = [factor for factor in left if set(factor[1]) <= placed]
        if not ready:
            return False
        placed |= {child for child, _ in ready}
        left = [factor for factor in left if factor not in ready]
    return True


@dataclass(frozen=True)
class FactoredTable(dom.Sampler):
    """The table of a factored joint law: each factor a positive law of its outcome for each value of the outcomes
    it is given, each entry the product of the factors at its values, the first outcome counting fastest (as
    :meth:`derive.docs.joint_law.JointLaw.entry` orders them)."""

    sizes: tuple
    factors: tuple

    def sample(self, rng, values):
        sizes = [dom.concrete_size(size, values) for size in self.sizes]
        tables = []
        for child, given in self.factors:
            rows = itertools.product(*(range(sizes[g]) for g in given))
            tables.append({row: dom.ProbabilityVector(sizes[child]).sample(rng, values) for row in rows})
        entries = []
        for reversed_values in itertools.product(*(range(size) for size in reversed(sizes))):
            point = reversed_values[::-1]
            entries.append(
                mpmath.fprod(
                    table[tuple(point[g] for g in given)][point[child]]
                    for table, (child, given) in zip(tables, self.factors)
                )
            )
        return entries

    def latex(self, name):
        return rf"{name} = \text{{a product of one conditional law per outcome}}"
