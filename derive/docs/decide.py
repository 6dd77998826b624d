"""Deciding a formula: every link of its chain, on the bound result's domain.

Each side is interpreted for the point's dimensions and evaluated with
:func:`derive.numeric.evaluate` at 60 digits on at least 20 seeded points of the
result's domain (or of the claim's domain for a case such as q ≠ p). A link holds
when :func:`derive.numeric.holds` says so at every point; the first point where it
does not is the counterexample. An equality that holds numerically is then offered to
:func:`derive.symbolic.prove_zero` under a short budget, which upgrades the evidence
to "proved". Worked examples (≈ or = against written decimals) are compared with the
rule of :mod:`derive.docs.rounding`: a figure with k decimals must be the exact value
rounded to k decimals (half a unit in the last written place; a truncation fails).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

import mpmath
import sympy as sp
from sympy.matrices.exceptions import MatrixError

from derive import domain as dom
from derive.docs.bind import (
    BindError,
    Interpreter,
    NeedsConcrete,
    ShapeError,
    Unbound,
    Vec,
    _display,
    as_value,
    generic_vocab,
    scalarise,
    single_atom,
    vocabulary_for,
)
from derive.docs.interpret import E_NOTATION, Atom, NotationError, Number, TupleNode, Unsupported, rewrite_chain
from derive.docs.operations import ROUNDING
from derive.docs.parse import ParseError, parse_latex
from derive.docs.rounding import approximate_places, is_rounding_of
from derive.errors import DeriveError
from derive.numeric import WORKING_DIGITS, NumericError, evaluate, holds

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


def _describe_value(value) -> str:
    if isinstance(value, mpmath.matrix):
        if value.rows * value.cols <= 9:
            rows = [
                "(" + ", ".join(mpmath.nstr(value[r, c], 8) for c in range(value.cols)) + ")" for r in range(value.rows)
            ]
            return "[" + ", ".join(rows) + "]"
        return f"<{value.rows}x{value.cols} matrix>"
    return mpmath.nstr(value, 12)


def _evaluate(value, point):
    try:
        return _evaluate_unguarded(value, point)
    except TypeError as exc:  # SymPy refuses to compare NaN: the value is not finite
        raise NumericError(f"not finite ({exc})") from None


def _evaluate_unguarded(value, point):
    value = scalarise(as_value(value))
    if isinstance(value, sp.MatrixBase):
        with mpmath.workdps(DIGITS):
            return mpmath.matrix([[evaluate(e, point, DIGITS) for e in row] for row in value.tolist()])
    return evaluate(value, point, DIGITS)


def _literal_tolerances(side):
    """Per-component tolerance from the digits written, if the side is a number or a tuple of numbers."""
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return None

    def number_of(e):
        if isinstance(e, sp.Mul) and len(e.args) == 2 and e.args[0] == -1:
            e = e.args[1]
        if isinstance(e, sp.Symbol):
            node = side.node(e)
            if isinstance(node, Number):
                mantissa, _, exponent = node.text.partition("e")  # 138e6 from 138 \times 10^{6}: written to 10^6
                decimals = (len(mantissa.split(".")[1]) if "." in mantissa else 0) - int(exponent or 0)
                return node, decimals
        return None

    found = number_of(expr)
    if found:
        return [found[1]]
    if isinstance(expr, sp.Symbol):
        node = side.node(expr)
        if isinstance(node, TupleNode):
            out = []
            for item in node.items:
                try:
                    sub = parse_latex(item.text)
                except ParseError:
                    return None
                got = number_of(sub)
                if not got:
                    return None
                out.append(got[1])
            return out
    return None


def _approx(a, b, decimals, whole_zeros_significant=True) -> tuple[bool, str]:
    left = _flat(a)
    right = _flat(b)
    if len(left) != len(right):
        return False, f"{len(left)} values against {len(right)} written"
    with mpmath.workdps(DIGITS):
        for position, (u, v) in enumerate(zip(left, right)):
            places = decimals[position] if position < len(decimals) else decimals[-1]
            if not whole_zeros_significant:
                places = approximate_places(v, places)
            if not is_rounding_of(u, v, places):
                written = f"{places} decimals" if places >= 0 else f"its last nonzero digit (10^{-places})"
                return (
                    False,
                    f"component {position + 1}: {mpmath.nstr(u, 10)} is not {mpmath.nstr(v, 10)} rounded to {written}",
                )
    return True, ""


def _flat(value):
    if isinstance(value, mpmath.matrix):
        return [value[r, c] for r in range(value.rows) for c in range(value.cols)]
    return [value]


def _domain_for(vocab, flags, relations, binding, used_names):
    domain = vocab.domain or dom.Domain({}, points=5)
    for _flag, (name, variant) in vocab.variants.items():
        if flags.get(name):
            domain = variant
    strict = [r for r in relations if r in ("<", ">")]
    if strict:
        for relation, claim_domain in vocab.claim_domains:
            if relation in strict or {relation, *strict} <= {"<", ">"}:
                domain = claim_domain
    samplers = dict(domain.samplers)
    return domain.with_(samplers=samplers, points=max(MIN_POINTS, domain.points))


@dataclass
class Scope:
    """What binds the names of an untagged formula: the document's definitions and the names it quantifies."""

    definitions: dict = field(default_factory=dict)  # name -> Definition, from earlier formulas
    quantifiable: dict = field(default_factory=dict)  # name -> "real" / "vector": the formula's own variables
    free: dict = field(default_factory=dict)  # those of them the formula needs, found while reading it
    reals: dom.Interval | None = None  # where its real variables are drawn (None: the reals)
    stated: set = field(default_factory=set)  # variables a stated condition ranges ("for A < 0"): drawn from the reals
    model: object = None  # the vocabulary of random variables X, Y (derive.docs.chance), when the formula names them
    generic: bool = False  # unknown functions read as generic smooth functions (derive.docs.arbitrary): PASS only


def decide(text: str, binding: Binding | None = None, tagged: bool = True, context=None) -> Verdict:
    """The verdict on one formula (never raises for bad input).

    Untagged (``tagged=False``), nothing is bound but what the formula binds itself and
    what earlier formulas of its document defined (``context``, a
    :class:`derive.docs.untagged.DocumentContext`); see :mod:`derive.docs.untagged`.
    """
    binding = binding or Binding()
    if tagged:

        def decide_text(t):
            return _decide_tagged(t, binding)
    else:
        from derive.docs.untagged import DocumentContext

        context = context or DocumentContext()

        def decide_text(t):
            return _decide_untagged_once(t, binding, context)

    verdict = _e_notation_doubt(text, decide_text(text), decide_text)
    return _unbraced_exponent_doubt(text, verdict, decide_text)


def _e_notation_doubt(text, verdict, decide_text):
    """UNKNOWN when 2e-1, read as 2 x 10^{-1}, fails but read as the product 2e - 1 holds (2e-1 = 4.4366)."""
    match = E_NOTATION.search(text)
    if match is None or verdict.verdict != FAIL:
        return verdict
    as_product = decide_text(E_NOTATION.sub(lambda m: f"{m.group(1)}\\,e{m.group(2)}", text))
    if as_product.verdict != PASS:
        return verdict
    return Verdict(
        UNKNOWN,
        f"{match.group(0)} read as {match.group(1)} \\times 10^{{{match.group(2)}}} fails ({verdict.detail});"
        f" read as {match.group(1)}e {match.group(2)} (Euler's e) it holds",
    )


def _decide_tagged(text, binding):
    try:
        return _guarded(text, binding, None, reraise_unbound=True)
    except Unbound as exc:
        return _decide_tagged_free(text, binding, exc)


UNBRACED_EXPONENT = re.compile(r"\^(\d)(\d+)")  # 10^12: TeX sets 10 to the power 1, then the digit 2


def _unbraced_exponent_doubt(text, verdict, decide_text):
    """UNKNOWN when the verdict turns on an unbraced exponent of several digits (10^12 typeset as 10^1 2).

    TeX raises only the first digit, so 10^12 reads as 10^{1} 2; authors mostly mean 10^{12}. When the
    two readings disagree (one holds, the other fails), the formula says nothing definite: UNKNOWN with
    both readings. When they agree, the verdict stands.
    """
    match = UNBRACED_EXPONENT.search(text)
    if match is None or verdict.verdict not in (PASS, FAIL):
        return verdict
    braced = UNBRACED_EXPONENT.sub(lambda m: "^{" + m.group(1) + m.group(2) + "}", text)
    other = decide_text(braced)
    if other.verdict not in (PASS, FAIL) or other.verdict == verdict.verdict:
        return verdict
    written = match.group(0)
    as_typeset = "holds" if verdict.verdict == PASS else "fails"
    as_meant = "holds" if other.verdict == PASS else "fails"
    return Verdict(
        UNKNOWN,
        f"{written} is typeset as ^{match.group(1)} followed by {match.group(2)} (write ^{{{written[1:]}}}):"
        f" read so the formula {as_typeset}; read as ^{{{written[1:]}}} it {as_meant}",
    )


def _decide_untagged_once(text, binding, context):
    from derive.docs.untagged import quantified_names

    try:
        quantifiable = quantified_names(text, context)
    except Exception:  # an unreadable formula: reported by the reading below
        quantifiable = {}
    verdict = _decide_untagged(text, binding, context, quantifiable)
    if verdict.verdict == FAIL and _compares_with_a_number(text):
        return Verdict(
            UNKNOWN,
            "an inequality between an expression and a number may be a condition (when it holds), not a claim"
            f" for all values; where it fails: {verdict.detail}",
        )
    if verdict.verdict == FAIL and ENTROPY.search(text) and OTHER_BASE.search(text):
        return Verdict(
            UNKNOWN,
            "an entropy H of unstated unit beside a logarithm or a power in base 2 or 10: it may be in bits,"
            f" where the checker's H is in nats ({verdict.detail})",
        )
    if verdict.verdict == FAIL and binding.log_base == "e" and re.search(r"\\log(?![_a-zA-Z])", text):
        # untagged, the text does not say which logarithm \log is: a claim that holds in base 2 or 10 is not refuted
        for base in ("2", "10"):
            other = _decide_untagged(text, dataclasses.replace(binding, log_base=base), context, quantifiable)
            if other.verdict == PASS:
                return Verdict(
                    PASS,
                    f"with \\log in base {base} (the base is not stated): {other.detail}",
                    other.evidence,
                    other.points,
                )
    return verdict


INEQUALITIES = ("<", ">", "<=", ">=")
ENTROPY = re.compile(r"(?<![A-Za-z\\])H\s*(?:\\left)?\s*[(\[]")  # H(p), H[X]
OTHER_BASE = re.compile(r"\\log_\s*\{?\s*(?:2|10)(?![0-9])|\\lg(?![a-z])|(?<![0-9.])(?:2|10)\s*\^")  # \log_2, 2^{...}


def _compares_with_a_number(text) -> bool:
    """Whether the formula is one inequality with a side in numbers only (``\\sigma(w^T x + b) > 0.5``)."""
    try:
        sides, relations, _ = rewrite_chain(text)
        if len(relations) != 1 or relations[0] not in INEQUALITIES:
            return False
        from derive.docs.free import child_sides

        numeric = [not (_atom_keys([side], child_sides) - {"pi", "e"}) for side in sides]
        return any(numeric) and not all(numeric)  # 2\pi > 7 is arithmetic: refuted when false
    except Exception:  # unreadable: the reading reports it
        return False


def _decide_untagged(text, binding, context, quantifiable):
    verdict = _decide_in_scope(text, binding, context, quantifiable)
    if verdict.verdict == UNKNOWN and PROBABILITY.search(text) and RANDOM_VARIABLE.search(text):
        return _decide_chance(text, binding, context, quantifiable) or verdict
    if verdict.verdict == UNKNOWN and verdict.detail.startswith(("E[...] needs", "Var[...] needs")):
        return _decide_entries(text, binding, context, quantifiable) or verdict
    return verdict


def _decide_entries(text, binding, context, quantifiable):
    """E[x], Var[x] of a vector x (its entries x_i in the formula) as the mean and variance of its entries.

    It PASSes when it holds with the variance dividing by n or by n - 1 (saying which), and FAILs
    only when both refute it; see :func:`derive.docs.chance.entries_model`.
    """
    from derive.docs.chance import entries_model

    base = _untagged_vocabulary()
    refuted = []
    for words, unbiased in (("n", False), ("n - 1", True)):
        verdict = _decide_in_scope(text, binding, context, quantifiable, entries_model(base, unbiased))
        if verdict.verdict == PASS:
            detail = f"E[x] and Var[x] the mean and the variance (over {words}) of the entries of x: {verdict.detail}"
            return dataclasses.replace(verdict, detail=detail)
        if verdict.verdict != FAIL:
            return None
        refuted.append(verdict)
    detail = f"E[x] and Var[x] the mean and the variance (over n, or n - 1) of the entries of x: {refuted[0].detail}"
    return dataclasses.replace(refuted[0], detail=detail)


def _decide_in_scope(text, binding, context, quantifiable, model=None):
    scope = Scope(dict(context.definitions), quantifiable, model=model)
    free, unbalanced = None, None  # with random variables: the other names, read as free variables
    if model is not None:
        redefined = sorted(set(context.definitions) & MODEL_NAMES)
        if redefined:  # the document's own Cov(X, Y) = ... is in force, not the law drawn here
            return Verdict(UNKNOWN, f"{redefined[0]} is defined earlier in the document: not read under a law of X, Y")
        free, unbalanced = _free_kinds(text, context)
        moments = sorted(key for key in free if re.search(r"_.*[XY]", key) and key not in model.entries)
        if moments:  # \mu_X: the mean of X, perhaps, which the formula does not define
            return Verdict(
                UNKNOWN, f"{moments[0]} names X or Y: a quantity of the random variable the formula does not define"
            )
    for _ in range(len(quantifiable) + 8):
        try:
            verdict = _guarded(text, binding, scope, reraise_unbound=True)
        except Unbound as exc:
            if exc.name in scope.quantifiable and exc.name not in scope.free:
                scope.free[exc.name] = scope.quantifiable[exc.name]
                continue
            if model is None:
                return _decide_free(text, binding, context, exc.name)
            if free is None:
                free, unbalanced = _free_kinds(text, context)
            entries = getattr(model.expectation[0], "of_entries", False)  # E[x] of a vector x: see _decide_entries
            if (
                free.get(exc.name) in ("real", "positive", "small") or entries and exc.name in free
            ) and exc.name not in scope.free:
                scope.free[exc.name] = free[exc.name]  # a in Var(aX + b): a number
                continue
            return Verdict(UNKNOWN, f"{exc.name} is not bound: {exc}")
        if unbalanced and (verdict.verdict != PASS or not _only_equalities(text)):
            # \mathbb{E}[X] = \mu, H(X) \le \log k: an equation or a condition; Var(aX + b) = a^2 Var(X) holds for all b
            return Verdict(UNKNOWN, f"not read as an identity: {unbalanced}")
        return verdict
    return Verdict(UNKNOWN, "the formula's names could not all be bound")


def _only_equalities(text) -> bool:
    try:
        return all(relation == "=" for relation in rewrite_chain(text)[1])
    except Exception:  # unreadable: no claim
        return False


def _free_kinds(text, context):
    """(the formula's free variables and their kinds, the reason it reads as an equation or None)."""
    from derive.docs.free import NotIdentity, Unbalanced, free_reading
    from derive.docs.untagged import KNOWN_FUNCTIONS

    try:
        return free_reading(text, KNOWN_FUNCTIONS, dict(context.definitions), random=frozenset({"X", "Y"})), None
    except Unbalanced as why:
        return why.kinds, str(why)
    except NotIdentity:
        return {}, None
    except Exception:  # unreadable: the first reading reports it
        return {}, None


MODEL_NAMES = {"E", "bb_E", "Var", "var", "Cov", "H", "I", "X", "Y"}  # what the law of X and Y gives a meaning
PROBABILITY = re.compile(r"\\mathbb\s*\{?\s*E|(?<![A-Za-z\\])(?:E|H|I)\s*[\[(]|Var|Cov|\\operatorname\s*\{\s*E")
RANDOM_VARIABLE = re.compile(r"(?<![A-Za-z\\_^{])[XY](?![A-Za-z])")


def _decide_chance(text, binding, context, quantifiable):
    """An untagged claim about random variables X and Y, read under the laws of :mod:`derive.docs.chance`.

    It PASSes when it holds under a joint law of X and Y drawn at each point, and FAILs when that
    refutes it and so do independent X and Y with mean 0 and variance 1; holding for those only,
    it is left undecided (Var(X + Y) = Var(X) + Var(Y) is a claim about independent X and Y).
    """
    from derive.docs.chance import independent_model, joint_model

    base = _untagged_vocabulary()
    general = _decide_in_scope(text, binding, context, quantifiable, joint_model(base))
    if general.verdict == PASS:
        detail = f"random variables X, Y under a joint law drawn at each point: {general.detail}"
        return dataclasses.replace(general, detail=detail)
    if general.verdict != FAIL:
        return general if general.detail.startswith("not read as an identity") else None
    simple = _decide_in_scope(text, binding, context, quantifiable, independent_model(base))
    if simple.verdict == FAIL:
        detail = (
            f"refuted for random variables X, Y under a joint law ({general.detail}), and for independent"
            f" X, Y with mean 0 and variance 1: {simple.detail}"
        )
        return dataclasses.replace(simple, detail=detail)
    if simple.verdict == PASS:
        return Verdict(
            UNKNOWN,
            "holds for independent X, Y with mean 0 and variance 1, not under every joint law"
            f" ({general.detail}): say which random variables are meant",
        )
    return None


def _stated_names(text) -> set:
    """The names the formula's own conditions compare (A in "\\text{for } A < 0")."""
    names = set()
    try:
        _, _, conditions = rewrite_chain(text)
        for comparison in conditions.comparisons:
            for side in comparison.sides:
                atom = single_atom(side)
                if atom is not None and atom.args is None:
                    names.add(atom.full_keys()[0] if atom.full_keys() else atom.key)
    except Exception:  # unreadable: nothing stated
        return set()
    return names


FREE_DOMAINS = (  # where an untagged identity's real variables are drawn, widest first
    ("real values", dom.reals()),
    ("positive values", dom.positive()),
    ("values in (0, 1)", dom.Interval("0.02", "0.98")),
)


def _decide_free(text, binding, context, name):
    """An untagged identity in free variables, claimed for all values: see :mod:`derive.docs.free`.

    It is decided over the reals, then (if refuted or mostly undefined there) over the positive
    numbers, then over (0, 1): it FAILs only when refuted on all three, and when it holds on a
    narrower domain only, it is left undecided with the counterexample of the wider one. An
    unknown function written with a one-letter name (V(S_t), r^*(x, y_1)) has values that are
    numbers of their own, where :func:`derive.docs.free.free_reading` allows it.
    """
    from derive.docs.untagged import opaque_function

    unbound = (
        f"{name} is not bound: no definition before it in the document, and the formula"
        " does not quantify it (a variable of a derivative, a sum, or an argument of known functions)"
    )
    opaque = frozenset()
    for _ in range(4):  # each round lets one more unknown function's values be numbers of their own
        verdict, missing = _decide_free_once(text, binding, context, name, unbound, opaque)
        if missing is None or missing in opaque or not opaque_function(missing, text):
            break
        opaque = opaque | {missing}
    if verdict.verdict == UNKNOWN and opaque:
        return _decide_generic(text, binding, context, sorted(opaque)) or verdict
    return verdict


def _decide_generic(text, binding, context, functions):
    """A PASS when the claim holds with its unknown functions read as generic smooth functions, else None.

    ``\\nabla_\\theta P(\\tau \\mid \\theta) = P(\\tau \\mid \\theta) \\nabla_\\theta \\log P(\\tau \\mid \\theta)``
    holds for every function P; a claim that holds for a generic one (see :mod:`derive.docs.arbitrary`)
    holds whatever function the text means. A refutation is never a FAIL: the text may mean a particular
    function (``g'(z) = g(z)(1 - g(z))`` for the sigmoid g).
    """
    from derive.docs.free import NotIdentity, Unbalanced, free_reading
    from derive.docs.untagged import KNOWN_FUNCTIONS

    if not _only_equalities(text):  # p(x) \ge 0, f(x + y) \le f(x) + f(y): a property of the function meant
        return None
    try:
        kinds = free_reading(text, KNOWN_FUNCTIONS, dict(context.definitions))
    except Unbalanced as why:
        kinds = why.kinds
    except NotIdentity:
        return None
    except Exception:  # unreadable: the first reading reports it
        return None
    stated = _stated_names(text)
    for words, sampler in FREE_DOMAINS:
        scope = Scope(dict(context.definitions), dict(kinds), dict(kinds), sampler, stated, generic=True)
        verdict = _guarded(text, binding, scope)
        if verdict.verdict == PASS:
            names = ", ".join(functions)
            return dataclasses.replace(
                verdict,
                detail=f"holds for {words}, with {names} any function (read as a generic one): {verdict.detail}",
            )
        if not verdict.detail.startswith("the sides have real values at only"):
            return None
    return None


def _decide_free_once(text, binding, context, name, unbound, opaque):
    """(verdict, the unknown function that stopped it or None) for one set of opaque functions."""
    from derive.docs.free import NotIdentity, Unbalanced, free_reading
    from derive.docs.untagged import KNOWN_FUNCTIONS

    unbalanced = None
    try:
        kinds = free_reading(text, KNOWN_FUNCTIONS, dict(context.definitions), opaque)
    except Unbalanced as why:  # decided only if it holds for all values: a counterexample refutes nothing
        kinds, unbalanced = why.kinds, f"{unbound}; not read as an identity in free variables: {why}"
        if "distribution" in why.kinds.values() and any(why.kinds.get(key) != "distribution" for key in why.lonely):
            # H(p) <= \log k: a number on one side only beside a distribution may be its size, drawn apart
            return Verdict(UNKNOWN, unbalanced), None
    except NotIdentity as why:
        return Verdict(UNKNOWN, f"{unbound}; not read as an identity in free variables: {why}"), None
    except Exception:  # unreadable: the first reading reports it
        return Verdict(UNKNOWN, unbound), None
    if name not in opaque and not any(key == name or key.startswith((f"{name}_", f"{name}^")) for key in kinds):
        return Verdict(UNKNOWN, unbound), name  # an unknown function, not a variable
    shown = {
        "distribution": " (a distribution)",
        "positive": " (positive, as the name is by convention)",
        "probability": " (a probability)",
        "small": " (small and positive, as the name is by convention)",
    }
    names = ", ".join(key + shown.get(kinds[key], "") for key in sorted(kinds))
    stated = _stated_names(text)  # "for A < 0": the formula says where A ranges
    refuted = []  # (domain, counterexample) for each domain that refutes the formula, widest first
    verdict = None
    for words, sampler in FREE_DOMAINS:
        scope = Scope(dict(context.definitions), dict(kinds), dict(kinds), sampler, stated)
        try:
            verdict = _guarded(text, binding, scope, reraise_unbound=True)
        except Unbound as exc:
            return Verdict(UNKNOWN, f"{exc.name} is not bound: {exc}"), exc.name
        if verdict.verdict == PASS:
            if refuted:
                return Verdict(
                    UNKNOWN,
                    f"read as an identity in {names}, it holds for {words} only; it fails for {refuted[0][0]}"
                    f" ({refuted[0][1]}): say which values are meant",
                ), None
            if unbalanced is not None:
                return dataclasses.replace(
                    verdict,
                    detail=f"holds for all {words} of {names}, though it reads as an equation: {verdict.detail}",
                ), None
            return dataclasses.replace(verdict, detail=f"an identity in {names}, for {words}: {verdict.detail}"), None
        if verdict.verdict == FAIL:
            refuted.append((words, verdict.detail))
        elif not verdict.detail.startswith("the sides have real values at only"):
            return verdict, None  # the checker cannot read it: the same on every domain
    if unbalanced is not None:
        return Verdict(UNKNOWN, unbalanced), None
    if len(refuted) == len(FREE_DOMAINS):  # the counterexample shown is the narrowest domain's
        return Verdict(
            FAIL, f"an identity in {names}, refuted for real, positive and (0, 1) values; in (0, 1): {refuted[-1][1]}"
        ), None
    return Verdict(
        UNKNOWN, f"read as an identity in {names}, it is refuted on some domains only: {verdict.detail}"
    ), None


def _guarded(text, binding, scope, reraise_unbound=False):
    from derive.symbolic import OutOfTime, time_budget

    token = None
    try:
        with time_budget(FORMULA_BUDGET_SECONDS) as token:
            return _decide(text, binding, scope)
    except OutOfTime as exc:
        if exc.budget is not token:
            raise
        return Verdict(UNKNOWN, f"gave up after {FORMULA_BUDGET_SECONDS:g} s without a verdict")
    except (NotationError, ParseError) as exc:
        where = f" at character {exc.position}" if getattr(exc, "position", None) is not None else ""
        return Verdict(UNPARSEABLE, f"{exc}{where}")
    except Unsupported as exc:
        return Verdict(UNKNOWN, str(exc))
    except Unbound as exc:
        if reraise_unbound:
            raise
        return Verdict(UNKNOWN, str(exc))
    except BindError as exc:
        return Verdict(UNKNOWN, str(exc))
    except DecideError as exc:
        return Verdict(UNKNOWN, str(exc))
    except ShapeError as exc:  # the checker's reading of the notation, not the author's claim, is in doubt
        return Verdict(UNKNOWN, f"cannot model the shapes as written: {exc}")
    except MatrixError as exc:  # SymPy refused a matrix operation: again the reading's shapes are in doubt
        return Verdict(UNKNOWN, f"cannot model the shapes as written: {type(exc).__name__} {exc}".rstrip())
    except RecursionError:
        return Verdict(UNPARSEABLE, "formula nested too deeply")
    except (NumericError, ZeroDivisionError, OverflowError) as exc:
        return Verdict(UNKNOWN, f"no numeric value: {exc}")
    except Exception as exc:  # a defect of the checker: reported as a verdict, never a traceback
        return Verdict(UNKNOWN, f"internal error while checking ({type(exc).__name__}: {str(exc)[:200]})")


MAX_CHARACTERS = 2000
MAX_NESTING = 12  # deeper input is rejected up front: the parser's time grows steeply with depth


def _nesting(text: str) -> int:
    depth = deepest = 0
    for character in text:
        if character in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "})]":
            depth = max(0, depth - 1)
    return deepest


FORMULA_BUDGET_SECONDS = 30.0  # a formula that takes longer gets UNKNOWN, never a hang


def out_of_bounds(text: str) -> Verdict | None:
    """The verdict for a formula too long or too deeply nested to read within budget; None when within bounds."""
    if len(text) > MAX_CHARACTERS:
        return Verdict(UNKNOWN, f"formula too long to check ({len(text)} characters; the limit is {MAX_CHARACTERS})")
    depth = _nesting(text)
    if depth > MAX_NESTING:
        return Verdict(
            UNPARSEABLE,
            f"formula nested {depth} levels deep (braces, brackets, parentheses); the limit is {MAX_NESTING}",
        )
    return None


@dataclass
class _Reading:
    """One formula on its way to a verdict: what the stages of :func:`_decide` have found so far."""

    text: str
    binding: Binding
    scope: Scope | None
    sides: list = field(default_factory=list)
    relations: list = field(default_factory=list)
    conditions: object = None
    vocab: object = None
    overrides: dict = field(default_factory=dict)  # name -> meaning, the tag's and the formula's own
    extra: dict = field(default_factory=dict)  # name -> SymPy symbol declared by kind
    extra_samplers: dict = field(default_factory=dict)  # symbol -> sampler for the names declared
    dry: object = None  # the interpreter of the dry run
    dry_values: list = field(default_factory=list)
    dims0: dict = field(default_factory=dict)
    domain: object = None
    named: list = field(default_factory=list)  # leading names of the chain that only name its value (d_k = d_v = ...)
    functions: set = field(default_factory=set)  # names the tag declares arbitrary functions ("f: function")
    small: bool = False  # dimensions cut to LARGEST_INVERTED, for an inverse or determinant of a matrix

    def interpreter(self, dims, flags=None, arbitrary=True):
        definitions = self.scope.definitions if self.scope is not None else None
        made = Interpreter(self.vocab, dims, self.overrides, self.extra, flags, definitions)
        made.implicit_ranges = self.scope is None  # untagged, Σ_x with no range runs over nothing the text states
        # tagged, a name nothing defines may be an arbitrary function or sequence (derive.docs.arbitrary)
        made.arbitrary_allowed = arbitrary and (self.scope is None or self.scope.generic)
        made.declared_functions = self.functions
        made.formula_sides = self.sides
        return made

    def reader(self, dims, flags=None):
        """An interpreter that reads indices as the dry run bound them."""
        made = self.interpreter(dims, flags)
        made.index_map = dict(self.dry.index_map)
        return made


def _decide(text, binding, scope=None):
    reading = _Reading(text, binding, scope)
    stages = (
        _read_chain,
        _choose_vocabulary,
        _set_aside_defined_name,
        _bind_tag_names,
        _declare_kinds,
        _declare_free_variables,
        _name_leading_sides,
        _dry_run,
    )
    for stage in stages:
        stage(reading)
    verdict = _check_points(reading)
    if reading.small and verdict.verdict in (PASS, FAIL):
        verdict = dataclasses.replace(
            verdict, detail=f"{verdict.detail} (sizes up to {LARGEST_INVERTED}, where a matrix is inverted)"
        )
    if reading.named:
        names = ", ".join(reading.named)
        verb = "names" if len(reading.named) == 1 else "name"
        return dataclasses.replace(verdict, detail=f"{names} {verb} the value the chain computes; {verdict.detail}")
    return verdict


UNDECIDABLE_RELATIONS = {"in": "a membership", "!=": "an inequation ≠"}


def _read_chain(reading):
    """The formula's sides, relations and stated conditions; every side must parse."""
    too_big = out_of_bounds(reading.text)
    if too_big is not None:
        raise (DecideError(too_big.detail) if too_big.verdict == UNKNOWN else ParseError(too_big.detail, None))
    binding = reading.binding
    functions = {clause.name for clause in binding.clauses if hasattr(clause, "params")}  # f(x + h) applies the tag's f
    functions |= {_normal_name(name) for name, kind in binding.kinds.items() if kind_word(kind) == "function"}
    reading.sides, reading.relations, reading.conditions = rewrite_chain(reading.text, binding.log_base, functions)
    if not reading.relations:
        raise DecideError("no relation (=, \\le, \\approx, ...) to check")
    for relation in reading.relations:
        if relation in UNDECIDABLE_RELATIONS:
            raise DecideError(UNDECIDABLE_RELATIONS[relation] + " cannot be decided")
    for side in reading.sides:
        parse_latex(side.text)
    for text in binding.conditions:  # the tag's T_{cur} < T_{max}: imposed on the points as the formula's own are
        from derive.docs.interpret import Comparison

        sides, relations, _ = rewrite_chain(text, binding.log_base, functions)
        reading.conditions.comparisons = (*reading.conditions.comparisons, Comparison(sides, relations))


def _choose_vocabulary(reading):
    """The notation the formula is read in: the tag's result, none (untagged) or the shared notation, with the tag's clauses."""
    from derive.registry import load

    binding = reading.binding
    if binding.result:
        vocab = vocabulary_for(load(binding.result))
    elif reading.scope is not None:
        vocab = reading.scope.model or _untagged_vocabulary()
    else:
        vocab = generic_vocab()
    if binding.clauses:  # functions, kinds, ranges and model parameters the tag sets
        from derive.docs.tags import apply_clauses

        vocab = apply_clauses(vocab, binding.clauses, binding.log_base)
    reading.vocab = vocab


def _set_aside_defined_name(reading):
    """``NAME = A = B`` with NAME in no other side and no meaning from the result or the tag: the first
    link defines NAME (``x^* = \\epsilon^* \\sigma + \\mu = ...``), and the claim is ``A = B``."""
    from derive.docs.free import child_sides

    if len(reading.sides) < 3 or reading.relations[0] != "=":
        return
    first = reading.sides[0]
    try:
        expr = parse_latex(first.text)
    except ParseError:
        return
    node = first.table.get(expr.name) if isinstance(expr, sp.Symbol) else None
    if not isinstance(node, Atom) or node.args is not None:
        return
    keys = {node.key, *node.full_keys()}
    meant = {_normal_name(name) for name in reading.binding.overrides}
    if reading.binding.result:
        meant |= set(reading.vocab.entries)
    if keys & meant or node.key in _atom_keys(reading.sides[1:], child_sides):
        return
    reading.sides, reading.relations = reading.sides[1:], reading.relations[1:]


def _atom_keys(sides, child_sides) -> set:
    """The keys of every name the sides use, inside sums, fractions and arguments too."""
    keys, todo = set(), list(sides)
    while todo:
        side = todo.pop()
        for node in side.nodes(parse_latex(side.text)):
            if isinstance(node, Atom):
                keys.add(node.key)
            todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))
    return keys


def _bind_tag_names(reading):
    """The tag's rebindings (``name = LaTeX``) and the formula's own ("where \\beta = 0.9")."""
    from derive.docs.interpret import Rewriter, clean, lex

    for name, latex in reading.binding.overrides.items():
        rewriter = Rewriter(reading.binding.log_base)
        reading.overrides[_normal_name(name)] = rewriter.side(clean(lex(latex)))
    reading.overrides.update(reading.conditions.definitions)


def _declare_kinds(reading):
    """The names the tag declares by kind (``x: real``, ``p: distribution``): a symbol or vector each, with its sampler."""
    from derive.docs.bind import _vec_entry

    for name, kind in reading.binding.kinds.items():
        key = _normal_name(name)
        word = kind_word(kind)
        if word in ("dimension", "size", "index", "random"):
            continue
        if word == "function":  # an arbitrary function: any refutation with a function of its arguments is a FAIL
            reading.functions.add(key)
            continue
        if word not in KIND_SAMPLERS:
            raise DecideError(f"unknown kind '{kind}' for {name}; use one of {', '.join(sorted(KIND_SAMPLERS))}")
        sampler = KIND_SAMPLERS[word](reading.vocab.size)
        if word in VECTOR_KINDS:
            base = sp.IndexedBase(f"doc_{key}", real=True)
            reading.extra_samplers[base] = sampler
            reading.overrides.setdefault(key, _vec_entry(base))
            continue
        # positive=False would declare the symbol ≤ 0 (|t| = -t): leave the sign open for a real
        symbol = sp.Symbol(
            f"doc_{key}",
            real=True,
            positive=True if word in ("positive", "scale", "temperature", "probability") else None,
        )
        reading.extra[key] = symbol
        reading.extra_samplers[symbol] = sampler
        # the tag's "x: real" is the document's meaning of x, before the vocabulary's (a vector x of the shared notation)
        reading.overrides.setdefault(key, ("scalar", lambda env, symbol=symbol: symbol))


def _free_vector(reading, key):
    from derive.docs.bind import _vec_entry

    base = sp.IndexedBase(key, real=True)
    reading.extra_samplers[base] = dom.vector(reading.vocab.size, reading.scope.reals)
    reading.overrides[key] = _vec_entry(base)


def _free_matrix(reading, key):  # a square matrix over the sampled dimension
    from derive.vocabulary import matrix_entries

    base = sp.IndexedBase(key, real=True)
    size = reading.vocab.size
    reading.extra_samplers[base] = dom.matrix(size, size, reading.scope.reals)
    reading.overrides[key] = matrix_entries(base, size)


def _free_distribution(reading, key):  # p in H(p) or D_KL(p || q): a probability vector over the sampled dimension
    from derive.docs.bind import _vec_entry

    base = sp.IndexedBase(key, positive=True)
    reading.extra_samplers[base] = dom.probability_vector(reading.vocab.size)
    reading.overrides[key] = _vec_entry(base)


def _free_count(reading, key):  # a sum's bound: the size of the formula's vectors
    reading.overrides[key] = ("scalar", lambda reader: reader.size_value)


def _free_real(reading, key):
    symbol = sp.Symbol(key, real=True)
    reading.extra[key] = symbol
    inside = reading.scope.reals if key not in reading.scope.stated else None
    reading.extra_samplers[symbol] = inside or KIND_SAMPLERS["real"](reading.vocab.size)
    if "(" in key:  # V(S_t): an unknown function's value, a number of its own
        reading.overrides[key] = ("scalar", lambda env, symbol=symbol: symbol)


def _free_positive(reading, key):
    """A name authors give a positive number (σ, η, ε, d): positive on every domain (derive.docs.free)."""
    symbol = sp.Symbol(key, positive=True)
    reading.extra[key] = symbol
    inside = reading.scope.reals
    positive = inside is not None and sp.Rational(str(inside.low)) >= 0
    reading.extra_samplers[symbol] = inside if positive else dom.positive()


def _free_probability(reading, key):
    """A number in (0, 1), as the probability of a Bernoulli law in D_KL(ρ ‖ ρ̂) (derive.docs.free)."""
    symbol = sp.Symbol(key, positive=True)
    reading.extra[key] = symbol
    reading.extra_samplers[symbol] = dom.Interval("0.02", "0.98")


FREE_VARIABLES = {
    "small": _free_probability,  # ε: a tolerance, a clip range
    "probability": _free_probability,
    "positive": _free_positive,
    "vector": _free_vector,
    "matrix": _free_matrix,
    "distribution": _free_distribution,
    "count": _free_count,
}  # any other kind: a real


def _declare_free_variables(reading):
    """The untagged formula's own variables: real numbers, or vectors and matrices over the sampled dimension."""
    if reading.scope is None:
        for key, (kind, sampler) in reading.binding.free.items():
            TAGGED_FREE_VARIABLES.get(kind, _tagged_free_real)(reading, key, sampler)
        return
    for key, kind in reading.scope.free.items():
        FREE_VARIABLES.get(kind, _free_real)(reading, key)


def _first_dimensions(vocab) -> dict:
    """The dimensions at the first point of the vocabulary's domain (where the dry run reads the formula)."""
    base_domain = vocab.domain or dom.Domain({}, points=5)
    first = base_domain.sample_points("dry run", DIGITS, limit=1) or [dom.Point()]
    return {s: v for s, v in first[0].items() if isinstance(base_domain.samplers.get(s), dom.Dimension)}


def _name_leading_sides(reading):
    """``d_k = d_v = d_{model}/h = 64``: names nothing binds, alone at the head of a chain of equalities, name its value.

    Only in a tag that names no result (with a result, an unknown name is more likely one of the result's own
    quantities written differently, which the tag should rename). The rest of the chain, at least two sides, is checked.
    """
    if reading.scope is not None or reading.binding.result:
        return
    from derive.docs.free import child_sides

    reader = reading.interpreter(_first_dimensions(reading.vocab), arbitrary=False)
    while len(reading.sides) > 2 and reading.relations[0] == "=":
        atom = single_atom(reading.sides[0])
        if atom is None or atom.transpose or atom.post_sub:
            return
        if atom.args is not None and atom.key in _atom_keys(reading.sides[1:], child_sides):
            return  # f(x) = ... f(y) ...: a function the chain uses again, not a name for its value
        try:
            reader.side(reading.sides[0])
            return
        except Unbound as exc:
            if exc.name != atom.key:
                return
        except Exception:  # unreadable for another reason: the dry run reports it
            return
        reading.named.append(_display(atom))
        reading.sides, reading.relations = reading.sides[1:], reading.relations[1:]


def _dry_run(reading):
    """A reading at the first point of the result's domain: it decides the variant, the indices and the domain."""
    reading.dims0 = _first_dimensions(reading.vocab)
    dry = reading.interpreter(reading.dims0)
    reading.dry = dry
    reading.dry_values = [dry.side(side) for side in reading.sides]
    for condition in reading.conditions:  # an index named only in a condition ("for i ≠ c") is bound too
        for name in (condition.left, condition.right):
            try:
                dry.index(name)
            except BindError:
                pass
    domain = _domain_for(reading.vocab, dry.flags, reading.relations, reading.binding, set())
    for symbol in dry.quantified.values():  # a free index the formula claims for each of its values
        reading.extra_samplers[symbol] = dom.index(reading.vocab.size)
    if reading.extra_samplers:
        domain = domain.with_(samplers={**domain.samplers, **reading.extra_samplers})
    if MATRIX_INVERSE.search(reading.text) and any(
        max(d.values) > LARGEST_INVERTED for d in domain.dimensions.values()
    ):
        domain = _small_dimensions(domain)
        reading.small = True
    reading.domain = domain


# M^{-1}, \mathbf{Q}^{-1/2}, \det: an inverse or determinant of a matrix of symbols grows factorially with its size
MATRIX_INVERSE = re.compile(r"(?<![A-Za-z\\])[A-Z]\}*\s*\^\s*\{?\s*-|\\det(?![A-Za-z])")
LARGEST_INVERTED = 3  # the largest size at which a matrix of symbols is inverted (about 1 s at size 3, minutes at 6)


def _small_dimensions(domain):
    """The domain with its dimensions cut to the sizes at which a matrix of symbols can be inverted in time."""
    samplers = dict(domain.samplers)
    for symbol, sampler in domain.dimensions.items():
        small = tuple(value for value in sampler.values if value <= LARGEST_INVERTED) or (min(sampler.values),)
        samplers[symbol] = dataclasses.replace(sampler, values=small)
    return domain.with_(samplers=samplers)


def _is_arithmetic(reading) -> bool:
    """Whether the formula has no free symbols: plain arithmetic, checked once."""
    if reading.conditions or not all(_is_constant(v) for v in reading.dry_values):
        return False
    if not reading.dims0:
        return True
    try:
        symbolic_dry = reading.reader({})
        return all(_is_constant(symbolic_dry.side(side)) for side in reading.sides)
    except NeedsConcrete:
        return False


def _shown_symbols(reading) -> set:
    """What a counterexample names: the formula's symbols, its indices, and the dimensions of its vectors."""
    domain = reading.domain
    shown = _used_symbols(reading.dry_values, domain) | set(reading.dry.index_map.values())
    if any(
        not isinstance(sampler, dom.Dimension) and getattr(sampler, "size", None) is not None
        for symbol, sampler in domain.samplers.items()
        if symbol in shown
    ):
        shown |= {symbol for symbol, sampler in domain.samplers.items() if isinstance(sampler, dom.Dimension)}
    # a dimension the tag declares (n: dimension) is the document's own name: a counterexample states it
    shown |= {s for s in reading.vocab.dims.values() if str(s).startswith("doc_") and s in domain.samplers}
    return shown


def _evaluate_sides(values, point, shown):
    """(the sides' numbers, None), or (None, why) when a side has no finite real value at the point."""
    evaluated = []
    for position, value in enumerate(values):
        try:
            number = _evaluate(value, point)
            if any(mpmath.isnan(x) or mpmath.isinf(x) for x in _flat(number)):
                raise NumericError("not finite")
            evaluated.append(number)
        except (NumericError, ZeroDivisionError, ValueError) as exc:
            if isinstance(exc, ValueError) and "diverges" not in str(exc):  # Σ β^τ at |β| ≥ 1: no value
                raise
            if "still symbolic" in str(exc):  # the checker left a quantity without a value: no counterexample
                raise DecideError(f"side {position + 1} could not be given a value ({exc})"[:400]) from None
            return None, f"side {position + 1} has no finite real value{_at(point, shown)} ({exc})"
    return evaluated, None


@dataclass
class _Link:
    """One link of the chain at one point: its relation, its sides' values and numbers."""

    number: int
    relation: str
    values: tuple  # the interpreted sides
    numbers: tuple  # their values at the point
    point: object
    reader: object  # the interpreter that read the sides


def _check_proportional(reading, link, shown, tolerances):
    from derive.docs.operations import proportional

    domain, point = reading.domain, link.point
    ranges = [
        (s, point[domain.samplers[s].size] if domain.samplers[s].size in point else domain.samplers[s].size)
        for s in reading.dry.index_map.values()
        if isinstance(domain.samplers.get(s), dom.Index)
    ]
    ok, why = proportional(*link.values, *link.numbers, point, ranges, _evaluate)
    if ok:
        return None
    detail = f"{_link_text(reading.sides, link.number)} is not a proportionality{_at(point, shown)}: {why}"
    return _refuted(detail, link.reader, reading.binding)


def _written_digits(link, tolerances):
    return tolerances[link.number + 1] or tolerances[link.number]


class RoundedWhole(list):
    """The digits of a whole number set equal to a computation with written decimals: it is that value rounded."""


def _rounded_wholes(sides, tolerances) -> list:
    """``2600 + 16 (1 - 0.849) = 2602``: a whole number of three digits or more beside a computation whose inputs
    are written decimals (themselves rounded figures) is read as that computation rounded to a whole number."""
    marked = list(tolerances)
    for number, digits in enumerate(tolerances):
        if digits != [0] or len(re.sub(r"\D", "", sides[number].source)) < 3:  # Σ 0.9^t = 3: exact, not 2.71 rounded
            continue
        neighbours = [sides[k] for k in (number - 1, number + 1) if 0 <= k < len(sides) and tolerances[k] is None]
        if any(_uses_written_decimals(side) for side in neighbours):
            marked[number] = RoundedWhole(digits)
    return marked


def _uses_written_decimals(side) -> bool:
    return re.search(r"\d\s*\.\s*\d", side.source) is not None


def _is_approximation(link, tolerances) -> bool:
    literal = _written_digits(link, tolerances)
    return link.relation == "~" or (
        link.relation == "=" and bool(literal) and (max(literal) > 0 or isinstance(literal, RoundedWhole))
    )


def _check_approximation(reading, link, shown, tolerances):
    """≈ (or = against written decimals): the exact value must round to the digits written."""
    literal = _written_digits(link, tolerances)
    if not literal:
        raise DecideError("≈ between two expressions: no written digits set the tolerance")
    ok, why = _approx(*link.numbers, literal, whole_zeros_significant=link.relation != "~")
    if ok:
        return None
    return _refuted(
        f"{_link_text(reading.sides, link.number)}: {why}" + _at(link.point, shown), link.reader, reading.binding
    )


def _check_relation(reading, link, shown, tolerances):
    """=, ≤, <, ≥, >, compared at the point; "= 0" against a vector or matrix means its zero."""
    a, b = link.numbers
    written_zero = (  # "= 0" written for a zero vector or matrix (a zero the checker computed is no such claim)
        (not _shape(a) and a == 0 and tolerances[link.number])
        or (not _shape(b) and b == 0 and tolerances[link.number + 1])
    )
    if _shape(a) != _shape(b) and written_zero:
        zero_shape = _shape(a) or _shape(b)
        a = a if _shape(a) else mpmath.zeros(*zero_shape)
        b = b if _shape(b) else mpmath.zeros(*zero_shape)
    if _shape(a) != _shape(b):
        # a vector against a number: the checker's reading of the notation, not the claim, is in doubt
        raise DecideError(
            f"{_link_text(reading.sides, link.number)}: the sides come out with shapes {_shape(a)} and {_shape(b)}"
            " as read; cannot compare them"
        )
    ok, _ = holds(link.relation, a, b)
    if ok:
        return None
    return _refuted(
        f"{_link_text(reading.sides, link.number)} {_relation_word(link.relation)}{_at(link.point, shown)}:"
        f" left = {_describe_value(a)}, right = {_describe_value(b)}",
        link.reader,
        reading.binding,
    )


LINK_CHECKS = (  # (applies, check) in order: the first that applies checks the link; a check returns a FAIL or None
    (lambda link, tolerances: link.relation == "and", lambda *_: None),  # A \land B: two statements side by side
    (lambda link, tolerances: link.relation == "propto", _check_proportional),
    (_is_approximation, _check_approximation),
    (lambda link, tolerances: True, _check_relation),
)


def _check_links(reading, link_values, numbers, point, reader, shown, tolerances):
    """The first refuted link at the point (a FAIL), or None when every link holds there."""
    for number, relation in enumerate(reading.relations):
        link = _Link(
            number,
            relation,
            (link_values[number], link_values[number + 1]),
            (numbers[number], numbers[number + 1]),
            point,
            reader,
        )
        check = next(check for applies, check in LINK_CHECKS if applies(link, tolerances))
        refutation = check(reading, link, shown, tolerances)
        if refutation is not None:
            return refutation
    return None


def _check_points(reading):
    """The verdict from the sampled points: a FAIL at the first refuted link, else a PASS with its evidence."""
    constant = _is_arithmetic(reading)
    domain = reading.domain
    wanted = None
    if reading.scope is not None and reading.scope.free and not constant:
        # untagged, the formula's own variables range over where its sides are defined: draw spare points
        wanted = max(MIN_POINTS, domain.points)
        domain = domain.with_(points=wanted * 8)
    points = [dom.Point()] if constant else _points(domain, reading.text, reading.conditions, reading.dry)
    if not points:
        raise DecideError("no point of the domain satisfies the stated conditions")
    tolerances = _rounded_wholes(reading.sides, [_literal_tolerances(side) for side in reading.sides])
    dimension_symbols = [s for s, v in domain.samplers.items() if isinstance(v, dom.Dimension)]
    shown = _shown_symbols(reading)
    cache, readers = {}, {}
    first_singular = None
    kept_points = skipped_points = 0
    kept = []  # the points checked
    set_aside = 0  # points outside the formula's stated conditions
    flags = reading.dry.flags
    for point in points:
        if wanted is not None and kept_points >= wanted:
            break
        dims = {s: point[s] for s in dimension_symbols if s in point}
        key = tuple(sorted((str(s), v) for s, v in dims.items()))
        if key not in cache:
            interp = reading.reader(dims, flags)
            cache[key] = [interp.side(side) for side in reading.sides]
            readers[key] = interp
        values = cache[key]
        if reading.conditions.comparisons:  # "for t > 0": points outside the stated conditions are set aside
            from derive.docs.operations import comparisons_hold

            if not comparisons_hold(reading.reader(dims, flags), reading.conditions.comparisons, point, _evaluate):
                set_aside += 1
                continue
        evaluated, singular = _evaluate_sides(values, point, shown)
        if singular:
            first_singular = first_singular or singular
            skipped_points += 1
            continue
        kept_points += 1
        kept.append(point)
        refutation = _check_links(reading, values, evaluated, point, readers[key], shown, tolerances)
        if refutation is not None:
            return refutation
    if set_aside and not kept_points and not skipped_points:
        raise DecideError("no sampled point satisfies the formula's stated conditions")
    if first_singular:
        # a point where a side has no real value (ln x at x < 0, 0/0 at d = 1) is outside the formula's
        # domain, not a counterexample: the claim is decided where both sides have values, if that is most points
        needed = wanted or (1 if constant else MIN_POINTS // 2)
        if kept_points < needed:
            raise DecideError(
                f"the sides have real values at only {kept_points} of {kept_points + skipped_points} sampled points ({first_singular})"
            )
    outside = (
        f" ({skipped_points} where a side has no real value set aside)" if skipped_points and wanted is None else ""
    )
    if skipped_points and wanted is not None:  # untagged: say where the claim was checked, not "for all values"
        outside = f" where both sides have a value ({_checked_ranges(kept, shown)}{skipped_points} sampled points where a side has none set aside)"
    return _passed(reading, constant, kept_points, outside, tolerances)


def _passed(reading, constant, checked, outside, tolerances) -> Verdict:
    """The PASS and its evidence: exact arithmetic, a symbolic proof, or the numeric check."""
    evidence, how = "numeric", f"numeric evidence: holds at all {checked} points{outside}"
    if constant:
        evidence, how = "exact", "arithmetic checks"
    elif all(r == "=" for r in reading.relations) and not any(tolerances):
        proved = _try_prove(reading.sides, reading.relations, reading.interpreter, reading.dry, reading.vocab)
        if proved:
            evidence, how = (
                "proved",
                f"proved symbolically ({proved}); numeric check at {checked} points agrees{outside}",
            )
    if evidence == "numeric" and reading.dry.flags.get(ROUNDING):
        # \lceil x \rceil = \lfloor x \rfloor + 1 holds at every sampled point and fails at every integer
        raise DecideError(
            f"it rounds to whole numbers: it holds at all {checked} sampled points, but those miss"
            " the values where a rounding jumps, and it is not proved symbolically"
        )
    return Verdict(PASS, how, evidence, checked)


def _checked_ranges(points, shown) -> str:
    """``gamma in [-0.97, 0.95]; ``: the range of each number drawn at the points checked."""
    ranges = []
    for symbol in (s for s in shown if isinstance(s, sp.Symbol)):
        values = [point[symbol] for point in points if symbol in point]
        if values and all(isinstance(v, (mpmath.mpf, int)) for v in values):
            ranges.append(f"{symbol} in [{mpmath.nstr(min(values), 3)}, {mpmath.nstr(max(values), 3)}]")
    # sorted as text: two symbols of one name (a count n and a real n) keep one order in every process
    return "".join(f"{text}; " for text in sorted(ranges))


def _used_symbols(values, domain) -> set:
    """The sampled symbols (scalars, vectors, dimensions) that the interpreted sides mention."""
    names = set()
    for value in values:
        value = as_value(value) if isinstance(value, Vec) and isinstance(value.size, sp.Integer) else value
        if isinstance(value, Vec):  # symbolic size: the dimension and the vector's base
            names |= {str(value.size), str(value.base)} if value.base is not None else {str(value.size)}
            continue
        try:
            expr = sp.sympify(value)
        except (sp.SympifyError, TypeError):
            return set(domain.samplers)
        names |= {str(s) for s in expr.free_symbols} | {str(b.label) for b in expr.atoms(sp.Indexed) for b in [b.base]}
        names |= {str(a) for a in expr.atoms(sp.IndexedBase)}
    return {symbol for symbol in domain.samplers if str(symbol) in names}


def _refuted(detail, reader, binding) -> Verdict:
    """A FAIL, unless it rests on a reading of the notation the author may not have meant (then UNKNOWN, with it)."""
    if reader.arbitrary:  # a refutation for one choice of the functions nothing defines
        chosen = "; ".join(description for description, _ in reader.arbitrary.values())
        fixed = sorted(name for name, (_, may_fail) in reader.arbitrary.items() if not may_fail)
        if fixed:
            raise DecideError(
                f"{', '.join(fixed)} {'is' if len(fixed) == 1 else 'are'} not bound; read as arbitrary, the formula"
                f" fails for {chosen}: the author may mean a particular function; define it in the tag, or"
                f" declare '{fixed[0]}: function' if any function is meant ({detail})"
            )
        detail = f"{detail}; with {chosen} (the tag leaves {', '.join(sorted(reader.arbitrary))} arbitrary)"
    bare = sorted(getattr(reader, "bare_definitions", ()))
    if bare:  # d2l: "take a function f and compute df/dx", long after an example defined f(x)
        raise DecideError(
            f"{bare[0]} written bare in a derivative, read as the function defined earlier in the document, is refuted"
            f" ({detail}); the text may mean another function of that name"
        )
    reused = sorted(set(reader.summed_names) & set(reader.index_map))
    if reused:  # Σ_i a_i + b_i: the author may mean the sum to run over both terms
        raise DecideError(
            f"index {', '.join(reused)} is summed over in one place and free in another, as read;"
            f" if the sum covers the terms after it, bracket them ({detail})"
        )
    declared = [
        name
        for name, kind in binding.kinds.items()
        if kind.split() and kind.split()[0].lower().rstrip("s") == "distribution"
    ]
    own = sorted(name for name in reader.used_entries if reader._names_vector(name))
    if declared and own:  # H(X) = -Σ p_i log p_i: X declared apart from the result's p, so drawn independently of it
        raise DecideError(
            f"{', '.join(declared)} (declared a distribution in the tag) and {', '.join(own)} (the result's) are drawn"
            f" independently; if one is the other's distribution, say so in the tag, e.g. '{declared[0]} = {own[0]}' ({detail})"
        )
    return Verdict(FAIL, detail)


def _untagged_vocabulary():
    """No names at all: an untagged formula binds its own (see :mod:`derive.docs.untagged`); indices run over n."""
    import dataclasses

    from derive.notation import i, j, n

    generic = generic_vocab()
    domain = dom.Domain({n: dom.dimension(1, 6), i: dom.index(n), j: dom.index(n)}, points=MIN_POINTS)
    return dataclasses.replace(generic, entries={}, dims={}, domain=domain)


def _shape(value):
    return (value.rows, value.cols) if isinstance(value, mpmath.matrix) else ()


def _at(point, shown=None):
    """`` at n=2, x=0.3``: the point, limited to the symbols in ``shown`` when given."""
    if shown is not None:
        point = dom.Point({s: v for s, v in point.items() if s in shown})
    text = point.describe()
    return f" at {text}" if text else ""


def _relation_word(relation):
    return {"=": "fails", "<=": "is violated", ">=": "is violated", "<": "is violated", ">": "is violated"}.get(
        relation, "fails"
    )


def _link_text(sides, link):
    return f"link {link + 1}" if len(sides) > 2 else "the formula"


def _points(domain, seed, conditions, dry):
    if not conditions:
        return domain.sample_points(seed, DIGITS)[: max(MIN_POINTS, domain.points)]
    wanted = max(MIN_POINTS, domain.points)
    chosen = []
    candidates = domain.with_(points=wanted * 8).sample_points(seed, DIGITS)
    for point in candidates:
        point = dom.Point(point)
        ok = True
        for condition in conditions:
            left, right = dry.index_map.get(condition.left), dry.index_map.get(condition.right)
            if left is None or right is None or left not in point or right not in point:
                raise DecideError(
                    f"the condition {condition.left} {condition.relation} {condition.right} is not about the result's indices"
                )
            if condition.relation == "=":
                point[right] = point[left]
            elif point[left] == point[right]:
                ok = False
        if ok:
            chosen.append(point)
        if len(chosen) >= wanted:
            break
    return chosen


def _try_prove(sides, relations, interpreter, dry, vocab):
    from derive.symbolic import Assumptions, prove_zero

    try:
        symbolic = interpreter({}, dry.flags)
        symbolic.index_map = dict(dry.index_map)
        values = [symbolic.side(s) for s in sides]
        if any(isinstance(v, (Vec, sp.MatrixBase)) for v in values):
            return None
        ranges = {}
        if vocab.domain is not None:
            for symbol, sampler in vocab.domain.samplers.items():
                if isinstance(sampler, dom.Index):
                    ranges[symbol] = (1, sampler.size)
        rules = tuple(vocab.result.rules) if vocab.result is not None else ()
        assumptions = Assumptions(ranges, rules)
        for link in range(len(relations)):
            verdict = prove_zero(values[link] - values[link + 1], assumptions, budget=1.0)
            if not verdict.proved:
                return None
            reason = verdict.method
        return reason
    except (NeedsConcrete, DeriveError, TypeError, ValueError, AttributeError, NotImplementedError):
        return None


def _normal_name(latex_name: str) -> str:
    """The vocabulary key of a name written in LaTeX: \\hat{y} -> hat_y, \\pi_{ref} -> pi_ref, s -> s."""
    from derive.docs.interpret import Rewriter, clean, lex

    rewriter = Rewriter()
    tokens = clean(lex(latex_name.strip()))
    if not tokens:
        raise DecideError("an empty name in the tag")
    named = rewriter._atom_name(tokens, 0)
    if not named:
        raise DecideError(f"'{latex_name}' is not a symbol name")
    out = []
    rewriter._atom(tokens, 0, named, out)
    written = re.findall(r"\\text\{(Y\d+)\}", "".join(out))
    atom = rewriter.table[written[-1]] if written else next(iter(rewriter.table.values()))  # V(S_t) is V's atom
    if isinstance(atom, Atom):
        keys = atom.full_keys()
        name = atom.key + "*" if atom.star else keys[0] if keys else atom.key
        if atom.args:  # V(S_t): the value of V at S_t, a name of its own
            from derive.docs.bind import applied_key

            return applied_key(name, atom.args)
        return name
    return named[0]


def _is_constant(value) -> bool:
    value = as_value(value) if isinstance(value, Vec) and isinstance(value.size, sp.Integer) else value
    if isinstance(value, Vec):
        return False
    if isinstance(value, sp.MatrixBase):
        return all(_is_constant(e) for e in value)
    value = sp.sympify(value)
    return not value.free_symbols and not value.has(sp.Indexed) and not value.atoms(sp.MatrixSymbol)


# --- tagged formulas: names the tag leaves free ------------------------------------------------------


def _tagged_free_real(reading, key, sampler):
    symbol = sp.Symbol(f"doc_{key}", real=True)
    reading.extra[key] = symbol
    reading.extra_samplers[symbol] = sampler
    reading.overrides.setdefault(key, ("scalar", lambda env, symbol=symbol: symbol))


def _tagged_free_vector(reading, key, sampler):
    from derive.docs.bind import _vec_entry

    base = sp.IndexedBase(f"doc_{key}", real=True)
    reading.extra_samplers[base] = dom.vector(reading.vocab.size, sampler)
    reading.overrides.setdefault(key, _vec_entry(base))


def _tagged_free_count(reading, key, sampler):
    reading.overrides.setdefault(key, ("scalar", lambda reader: reader.size_value))


TAGGED_FREE_VARIABLES = {"vector": _tagged_free_vector, "count": _tagged_free_count}  # any other kind: a real

NOT_FREE = {"E", "P", "Var", "Cov", "I", "H", "L", "D", "KL", "Pr", "tr", "nabla", "partial", "d", "e", "pi"}


PLAIN_NAME = re.compile(r"[A-Za-z]+(?:_[A-Za-z0-9]+)?")  # x, lambda, x_i: a name the formula may use as a variable
ARBITRARY_READ = re.compile(r"(\S+) is not bound; read as arbitrary")


def _spelling(name) -> str:
    """A pattern for a name as LaTeX writes it (\\lambda, or a letter not inside a longer name)."""
    return rf"\\{name}(?![A-Za-z])" if len(name) > 1 else rf"(?<![\\A-Za-z]){name}(?![A-Za-z])"


def _written_kind(name, text) -> str:
    """What the formula's spelling says a name it does not define is: the bound of a sum or product (a count), a bold
    vector, or else a real number."""
    spelled = _spelling(name)
    if re.search(rf"\\(?:sum|prod)\s*_\s*\{{[^{{}}]*\}}\s*\^\s*(?:\{{\s*)?{spelled}\s*\}}?", text):
        return "count"
    if re.search(rf"\\(?:mathbf|boldsymbol|bm|vec)\s*\{{\s*{spelled}\s*\}}", text):
        return "vector"
    return "real"


def _on_both_sides(text, freed, lonely) -> bool:
    """Whether every freed name the formula writes is on both sides of each of its links (so that it is claimed for
    all its values, not solved for); ``lonely`` are the names the untagged reading found on one side only, or None
    when it did not read the formula. Names only the tag's definitions use are their parameters: claimed for all."""
    from derive.docs.free import child_sides

    sides, _, _ = rewrite_chain(text)
    used = [_atom_keys([side], child_sides) for side in sides]
    written = {key for key in freed if _base_name(key) in set().union(*used)}
    if lonely is not None:
        return not (set(lonely) & written)
    return all(
        _base_name(key) in left and _base_name(key) in right for key in written for left, right in zip(used, used[1:])
    )


def _base_name(key) -> str:
    return key.split("_")[0].split("^")[0]


def _free_keys(name, kinds) -> list:
    """The keys of ``kinds`` an unbound name stands for (``x`` for x, ``beta_2`` for β₂)."""
    return [key for key in kinds if key == name or key.startswith((f"{name}_", f"{name}^"))]


def _identity_as_number(name: str, text: str) -> bool:
    """Whether ``name`` is a bare I the formula uses as a number: it writes no matrix (derive.docs.identity)."""
    from derive.docs.identity import writes_a_matrix

    return name == "I" and not writes_a_matrix(text)


def _decide_tagged_free(text, binding, unbound):
    """A tagged formula with names neither the result, the tag nor the shared notation binds.

    Such a name, a plain letter the formula uses as its own variable (a sum's bound k, a step t,
    a free parameter \\lambda, a bold vector x), is read as the untagged checker reads it
    (:mod:`derive.docs.free`): a real number, a vector over the result's dimension, or the size
    of the vectors, claimed for all its values, while every name the tag or the result gives keeps
    its meaning. The formula PASSes on the first of real, positive and (0, 1) values where it holds
    for all of them; it FAILs only when all three refute it and the freed names are on both sides
    of every link (otherwise it may be an equation in them, or state a particular value):
    see :data:`FREE_DOMAINS`.
    """
    from derive.docs.free import NotIdentity, Unbalanced, free_reading
    from derive.docs.tags import _is_one_symbol
    from derive.docs.untagged import KNOWN_FUNCTIONS

    first = Verdict(UNKNOWN, str(unbound))
    lonely, refutable = set(), True
    try:
        kinds = free_reading(text, KNOWN_FUNCTIONS, set())
    except Unbalanced as why:
        kinds, lonely = why.kinds, set(why.lonely)
    except NotIdentity:
        kinds, refutable = {}, False
    except Exception:  # unreadable: the first reading says why
        return first
    renamed = set()  # "y_i = t": the tag says t is a name of the result, not a variable of the formula
    for latex in binding.overrides.values():
        try:
            if _is_one_symbol(latex):
                renamed.add(_normal_name(latex))
        except Exception:  # an expression, not one name
            continue
    freed: dict = {}
    pending = [unbound.name]  # names to free next
    retyped: set = set()  # names read again as vectors
    for _ in range(10):
        for name in pending:
            keys = _free_keys(name, kinds) if kinds else []
            if (
                (name in NOT_FREE and _written_kind(name, text) != "count" and not _identity_as_number(name, text))
                or name in renamed
                or not keys
                and not PLAIN_NAME.fullmatch(name)
            ):
                return first
            if not keys and kinds and re.search(_spelling(name.split("_")[0]), text):  # the formula's, not a variable
                return first
            for key in keys or [name]:
                freed[key] = kinds.get(key) or _written_kind(name, text)
        pending = []
        verdicts = []
        try:
            for words, sampler in FREE_DOMAINS:
                domain_binding = dataclasses.replace(
                    binding, free={key: (kind, sampler) for key, kind in freed.items()}
                )
                verdict = _guarded(text, domain_binding, None, reraise_unbound=True)
                if verdict.verdict == PASS:
                    break
                verdicts.append((words, verdict))
                if verdict.verdict != FAIL and not verdict.detail.startswith("the sides have real values at only"):
                    break  # the checker cannot read it: the same on every domain
        except Unbound as again:
            if again.name in freed or again.name in pending:
                return first
            pending = [again.name]
            continue
        if verdict.verdict == UNKNOWN and "shapes as written" in verdict.detail:
            # \operatorname{softmax}(z) for a name z nothing gives a kind: z is a vector
            guessed = [key for key, kind in freed.items() if kind == "real" and key not in kinds and key not in retyped]
            if guessed:
                retyped.update(guessed)
                freed.update({key: "vector" for key in guessed})
                continue
        arbitrary = ARBITRARY_READ.match(verdict.detail)
        if (
            verdict.verdict != PASS
            and arbitrary
            and arbitrary.group(1) not in freed
            and _free_keys(arbitrary.group(1), kinds)
        ):
            pending = [arbitrary.group(1)]  # S_k read as an arbitrary sequence: one more of the formula's own variables
            continue
        names = ", ".join(f"{key} (a {kind})" if kind != "real" else key for key, kind in sorted(freed.items()))
        if verdict.verdict == PASS:
            if verdicts and verdicts[0][1].verdict == FAIL:
                return Verdict(
                    UNKNOWN,
                    f"with {names} read as the formula's own variables, it holds for {words} only; it fails for"
                    f" {verdicts[0][0]} ({verdicts[0][1].detail}): say which values are meant",
                )
            return dataclasses.replace(
                verdict, detail=f"with {names} read as the formula's own variables, for all {words}: {verdict.detail}"
            )
        if len(verdicts) == len(FREE_DOMAINS) and all(v.verdict == FAIL for _, v in verdicts):
            if _on_both_sides(text, freed, lonely if refutable else None):
                return Verdict(
                    FAIL,
                    f"with {names} read as the formula's own variables, refuted for real, positive and (0, 1)"
                    f" values; in (0, 1): {verdict.detail}",
                )
            return Verdict(
                UNKNOWN,
                f"{unbound}; read as the formula's own variables, {names} would refute it, but the formula may"
                f" be an equation in them ({verdict.detail})",
            )
        if verdict.verdict == FAIL:
            return Verdict(UNKNOWN, f"with {names} read as the formula's own variables, refuted on some domains only")
        return Verdict(UNKNOWN, f"{unbound}; with {names} read as the formula's own variables: {verdict.detail}")
    return first
