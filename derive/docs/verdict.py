"""The verdict words, the record of a verdict, and what a tag binds: its result, names, kinds and conditions."""

from __future__ import annotations

from dataclasses import dataclass, field

from derive import domain as dom
from derive.errors import DeriveError
from derive.numeric import WORKING_DIGITS

MIN_POINTS = 20


DIGITS = WORKING_DIGITS  # one precision for the engine and the checker


PASS, FAIL, UNPARSEABLE, UNKNOWN, SKIPPED = "PASS", "FAIL", "UNPARSEABLE", "UNKNOWN", "SKIPPED"


ERRATUM = "ERRATUM"  # a formula recorded as wrong (tag clause ``erratum``) that the checker indeed refutes


ASSUMPTION = (
    "ASSUMPTION"  # a reading recorded as holding (``assumption:``) or failing (``fails-under:``) that behaves so
)


class DecideError(DeriveError):
    """A formula that cannot be decided (no relation, an undecidable relation)."""


@dataclass
class Verdict:
    verdict: str
    detail: str
    evidence: str = ""  # "proved" / "numeric" for a PASS
    points: int = 0


@dataclass
class Binding:
    """What a tag says: the result, rebound names, kinds of extra symbols."""

    result: str | None = None
    overrides: dict = field(default_factory=dict)  # name -> LaTeX text in the result's notation
    kinds: dict = field(default_factory=dict)  # name -> kind word
    log_base: str = "e"
    erratum: bool = False  # the formula records a mistake: it must FAIL
    assumption: str = ""  # the formula holds under this unstated reading: it must PASS
    fails_under: str = ""  # the reading under which the claim fails (alone: it must FAIL)
    clauses: list = field(default_factory=list)  # clauses that change the vocabulary (derive.docs.tags.apply_clauses)
    conditions: list = field(default_factory=list)  # comparisons between symbols the points must meet (LaTeX)
    # names nothing binds, read as the formula's own variables (see _decide_tagged_free): key -> (kind, sampler)
    free: dict = field(default_factory=dict)


KIND_SAMPLERS = {
    "real": lambda size: dom.reals(),
    "advantage": lambda size: dom.reals(),
    "scalar": lambda size: dom.reals(),
    "positive": lambda size: dom.positive(),
    "scale": lambda size: dom.positive(),
    "temperature": lambda size: dom.positive(),
    "probability": lambda size: dom.Interval("0.02", "0.98"),
    "vector": lambda size: dom.vector(size),
    "logits": lambda size: dom.vector(size, dom.reals(-5, 5)),
    "distribution": lambda size: dom.probability_vector(size),
    "positive vector": lambda size: dom.vector(size, dom.positive()),
}


VECTOR_KINDS = ("vector", "logits", "distribution", "positive vector")


def kind_word(kind: str) -> str:
    """The sampler a tag's kind names: the whole phrase if it is one (``positive vector``), else its first word."""
    phrase = " ".join(kind.lower().split()).rstrip("s")
    if phrase in KIND_SAMPLERS:
        return phrase
    return kind.split()[0].lower().rstrip("s") if kind.split() else ""
