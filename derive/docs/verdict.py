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
    # of a FAIL: the formula's own variables (Binding.free) the refuted point's sides do not depend on
    unmoved: frozenset = frozenset()
    # of a FAIL: the sides hold no variable once read (-\log \sigma(\beta (\log 1 - \log 1)) = 1/2), whatever is written
    arithmetic: bool = False


def unless_readings_differ(verdict: Verdict, other: Verdict, doubt: str, first: str, second: str) -> Verdict:
    """``verdict`` where a second reading of the formula gives the same, else UNKNOWN saying ``doubt`` and both: the
    first reading's verdict after ``first`` and the second's after ``second``."""
    if other.verdict == verdict.verdict:
        return verdict
    return Verdict(
        UNKNOWN,
        f"{doubt}: {first}, {verdict.verdict} ({verdict.detail}); {second}, {other.verdict} ({other.detail})",
    )


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
    # an outcome of a law the formula gives only written numbers (q(x | y = 1)) takes one value more (derive.docs.joint_law)
    open_values: bool = False
    # runs of letters the tag declares as one name each (eta_0, power\_t): italic names in the formula (italic_names)
    words: tuple = ()
    # names the tag declares with a step superscript (\theta^t_i \in \mathbb{R}): (head, step letters), read as θ_{i,t}
    step_names: tuple = ()
    # names the tag declares vectors or matrices with a raised letter (W^q \in \mathbb{R}^{d \times k}): (head, label),
    # read as W^{(q)} (superscript_labels)
    labels: tuple = ()
    # lower-case letters the tag writes at two indices beside a matrix it declares under the upper-case one
    # (\mathbf{v}_{i, l} beside \mathbf{V} \in \mathbb{R}^{d \times k}): (letter, matrix), its entries and rows (matrix_rows)
    rows: tuple = ()
    # derivatives the tag declares numbers (\frac{\partial L}{\partial g_j} \in \mathbb{R}): (pattern, name, index),
    # read as names of their own (derivative_names)
    derivatives: tuple = ()
    # functions the tag defines under a primed name from the unprimed one at other arguments (\phi'(y) = \phi(x, y)):
    # (head, fresh name), read as functions of their own (primed_names)
    primed: tuple = ()
    # functions the tag defines under the name of a function of one argument with more parameters (\cos(u, v) = ...):
    # (command, number of parameters, fresh name), read as functions of their own (command_functions)
    commands: tuple = ()
    bracket_functions: tuple = ()  # functions the tag defines with square brackets (f[x] = x^2): f[...] applies them
    large: tuple = ()  # names the tag says grow (n: large positive integer): ≈ is read in the limit (growing)
    # laws the tag draws a variable from without declaring them distributions (x \sim p(x)): the variable's law is
    # drawn apart from them, so a formula that also applies one (\sum_x p(x) f(x)) is not read (see decide)
    apart_laws: tuple = ()
    # names a middle side of the chain writes alone and nothing binds (Var[x] = \sigma = \sqrt{...}): each only names
    # the value the sides beside it take, so the claim is the chain without it (derive.docs.middle_names)
    named_middles: tuple = ()


KIND_SAMPLERS = {
    "real": lambda size: dom.reals(unbounded=True),
    "advantage": lambda size: dom.reals(unbounded=True),
    "scalar": lambda size: dom.reals(unbounded=True),
    "positive": lambda size: dom.positive(unbounded=True),
    "scale": lambda size: dom.positive(unbounded=True),
    "temperature": lambda size: dom.positive(unbounded=True),
    "probability": lambda size: dom.Interval("0.02", "0.98"),
    "vector": lambda size: dom.vector(size),
    "row vector": lambda size: dom.vector(size),
    "logits": lambda size: dom.vector(size, dom.reals(-5, 5)),
    "distribution": lambda size: dom.probability_vector(size),
    "positive vector": lambda size: dom.vector(size, dom.positive()),
    "positive integer": lambda size: dom.integers(1, 12, open_above=True),
    "nonnegative integer": lambda size: dom.integers(0, 12, open_above=True),
    "non-negative integer": lambda size: dom.integers(0, 12, open_above=True),
    "integer": lambda size: dom.integers(-12, 12, open_below=True, open_above=True),
}
INTEGER_KINDS = ("positive integer", "nonnegative integer", "non-negative integer", "integer")


VECTOR_KINDS = ("vector", "row vector", "logits", "distribution", "positive vector")


# words after a kind that name no narrower set: "real number", "positive scalar", "random variable"
NEUTRAL_KIND_WORDS = frozenset(
    {"number", "numbers", "real", "reals", "scalar", "scalars", "value", "values", "variable"}
)


def kind_word(kind: str) -> str:
    """The sampler a tag's kind names: the whole phrase if it is one (``positive vector``), else its first word when
    the words after it narrow nothing (``real number``); else the whole phrase, a kind no sampler has (``positive
    integer`` is not every positive real, ``function of \theta`` not a function of its written arguments only)."""
    words = kind.lower().split()
    phrase = " ".join(words).rstrip("s")
    if phrase in KIND_SAMPLERS or not words:
        return phrase
    if all(word in NEUTRAL_KIND_WORDS for word in words[1:]):
        return words[0].rstrip("s")
    return phrase
