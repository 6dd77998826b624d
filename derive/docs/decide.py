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
    as_value,
    generic_vocab,
    scalarise,
    single_atom,
    vocabulary_for,
)
from derive.docs.interpret import Atom, NotationError, Number, TupleNode, Unsupported, rewrite_chain
from derive.docs.parse import ParseError, parse_latex
from derive.docs.rounding import is_rounding_of
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
            node = side.table.get(e.name.replace("{", "").replace("}", ""))
            if isinstance(node, Number):
                mantissa, _, exponent = node.text.partition("e")  # 138e6 from 138 \times 10^{6}: written to 10^6
                decimals = (len(mantissa.split(".")[1]) if "." in mantissa else 0) - int(exponent or 0)
                return node, decimals
        return None

    found = number_of(expr)
    if found:
        return [found[1]]
    if isinstance(expr, sp.Symbol):
        node = side.table.get(expr.name.replace("{", "").replace("}", ""))
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


def _approx(a, b, decimals) -> tuple[bool, str]:
    left = _flat(a)
    right = _flat(b)
    if len(left) != len(right):
        return False, f"{len(left)} values against {len(right)} written"
    with mpmath.workdps(DIGITS):
        for position, (u, v) in enumerate(zip(left, right)):
            places = decimals[position] if position < len(decimals) else decimals[-1]
            if not is_rounding_of(u, v, places):
                return (
                    False,
                    f"component {position + 1}: {mpmath.nstr(u, 10)} is not {mpmath.nstr(v, 10)} rounded to {places} decimals",
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


def decide(text: str, binding: Binding | None = None, tagged: bool = True, context=None) -> Verdict:
    """The verdict on one formula (never raises for bad input).

    Untagged (``tagged=False``), nothing is bound but what the formula binds itself and
    what earlier formulas of its document defined (``context``, a
    :class:`derive.docs.untagged.DocumentContext`); see :mod:`derive.docs.untagged`.
    """
    binding = binding or Binding()
    if tagged:
        return _guarded(text, binding, None)
    from derive.docs.untagged import DocumentContext, quantified_names

    context = context or DocumentContext()
    try:
        quantifiable = quantified_names(text, context)
    except Exception:  # an unreadable formula: reported by the reading below
        quantifiable = {}
    verdict = _decide_untagged(text, binding, context, quantifiable)
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


def _decide_untagged(text, binding, context, quantifiable):
    scope = Scope(dict(context.definitions), quantifiable)
    for _ in range(len(quantifiable) + 1):
        try:
            return _guarded(text, binding, scope, reraise_unbound=True)
        except Unbound as exc:
            if exc.name in scope.quantifiable and exc.name not in scope.free:
                scope.free[exc.name] = scope.quantifiable[exc.name]
                continue
            return _decide_free(text, binding, context, exc.name)
    return Verdict(UNKNOWN, "the formula's names could not all be bound")


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
    narrower domain only, it is left undecided with the counterexample of the wider one.
    """
    from derive.docs.free import NotIdentity, Unbalanced, free_reading
    from derive.docs.untagged import KNOWN_FUNCTIONS

    unbound = (
        f"{name} is not bound: no definition before it in the document, and the formula"
        " does not quantify it (a variable of a derivative, a sum, or an argument of known functions)"
    )
    unbalanced = None
    try:
        kinds = free_reading(text, KNOWN_FUNCTIONS, set(context.definitions))
    except Unbalanced as why:  # decided only if it holds for all values: a counterexample refutes nothing
        kinds, unbalanced = why.kinds, f"{unbound}; not read as an identity in free variables: {why}"
    except NotIdentity as why:
        return Verdict(UNKNOWN, f"{unbound}; not read as an identity in free variables: {why}")
    except Exception:  # unreadable: the first reading reports it
        return Verdict(UNKNOWN, unbound)
    if not any(key == name or key.startswith((f"{name}_", f"{name}^")) for key in kinds):
        return Verdict(UNKNOWN, unbound)  # an unknown function, not a variable
    names = ", ".join(sorted(kinds))
    stated = _stated_names(text)  # "for A < 0": the formula says where A ranges
    refuted = []  # (domain, counterexample) for each domain that refutes the formula, widest first
    verdict = None
    for words, sampler in FREE_DOMAINS:
        scope = Scope(dict(context.definitions), dict(kinds), dict(kinds), sampler, stated)
        try:
            verdict = _guarded(text, binding, scope, reraise_unbound=True)
        except Unbound as exc:
            return Verdict(UNKNOWN, f"{exc.name} is not bound: {exc}")
        if verdict.verdict == PASS:
            if refuted:
                return Verdict(
                    UNKNOWN,
                    f"read as an identity in {names}, it holds for {words} only; it fails for {refuted[0][0]}"
                    f" ({refuted[0][1]}): say which values are meant",
                )
            if unbalanced is not None:
                return dataclasses.replace(
                    verdict,
                    detail=f"holds for all {words} of {names}, though it reads as an equation: {verdict.detail}",
                )
            return dataclasses.replace(verdict, detail=f"an identity in {names}, for {words}: {verdict.detail}")
        if verdict.verdict == FAIL:
            refuted.append((words, verdict.detail))
        elif not verdict.detail.startswith("the sides have real values at only"):
            return verdict  # the checker cannot read it: the same on every domain
    if unbalanced is not None:
        return Verdict(UNKNOWN, unbalanced)
    if len(refuted) == len(FREE_DOMAINS):  # the counterexample shown is the narrowest domain's
        return Verdict(
            FAIL, f"an identity in {names}, refuted for real, positive and (0, 1) values; in (0, 1): {refuted[-1][1]}"
        )
    return Verdict(UNKNOWN, f"read as an identity in {names}, it is refuted on some domains only: {verdict.detail}")
    if unbalanced is not None:
        return Verdict(UNKNOWN, unbalanced)
    if refuted is not None:
        return Verdict(
            FAIL, f"an identity in {names}, refuted for real, positive and (0, 1) values; in (0, 1): {refuted[2]}"
        )
    return verdict


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


def _decide(text, binding, scope=None):
    from derive.registry import load

    too_big = out_of_bounds(text)
    if too_big is not None:
        raise (DecideError(too_big.detail) if too_big.verdict == UNKNOWN else ParseError(too_big.detail, None))

    functions = {clause.name for clause in binding.clauses if hasattr(clause, "params")}  # f(x + h) applies the tag's f
    sides, relations, conditions = rewrite_chain(text, binding.log_base, functions)
    if not relations:
        raise DecideError("no relation (=, \\le, \\approx, ...) to check")
    for relation in relations:
        if relation in ("in", "!="):
            raise DecideError(
                {"propto": "a proportionality or mapping", "in": "a membership", "!=": "an inequation ≠"}[relation]
                + " cannot be decided"
            )
    for side in sides:
        parse_latex(side.text)
    if binding.result:
        result = load(binding.result)
        vocab = vocabulary_for(result)
    elif scope is not None:
        vocab = _untagged_vocabulary()
    else:
        vocab = generic_vocab()
    if binding.clauses:  # functions, kinds, ranges and model parameters the tag sets
        from derive.docs.tags import apply_clauses

        vocab = apply_clauses(vocab, binding.clauses, binding.log_base)
    overrides = {}
    from derive.docs.interpret import Rewriter, clean, lex

    for name, latex in binding.overrides.items():
        rewriter = Rewriter(binding.log_base)
        overrides[_normal_name(name)] = rewriter.side(clean(lex(latex)))
    overrides.update(conditions.definitions)  # "where \beta = 0.9" in the formula itself

    # extra symbols declared by kind
    extra, extra_samplers = {}, {}
    for name, kind in binding.kinds.items():
        key = _normal_name(name)
        word = kind_word(kind)
        if word in ("dimension", "size"):
            continue
        if word in ("index",):
            continue
        if word not in KIND_SAMPLERS:
            raise DecideError(f"unknown kind '{kind}' for {name}; use one of {', '.join(sorted(KIND_SAMPLERS))}")
        if word in VECTOR_KINDS:
            base = sp.IndexedBase(f"doc_{key}", real=True)
            extra_samplers[base] = KIND_SAMPLERS[word](vocab.size)
            from derive.docs.bind import _vec_entry

            overrides.setdefault(key, _vec_entry(base))
        else:
            # positive=False would declare the symbol ≤ 0 (|t| = -t): leave the sign open for a real
            symbol = sp.Symbol(
                f"doc_{key}",
                real=True,
                positive=True if word in ("positive", "scale", "temperature", "probability") else None,
            )
            extra[key] = symbol
            extra_samplers[symbol] = KIND_SAMPLERS[word](vocab.size)
            # the tag's "x: real" is the document's meaning of x, before the vocabulary's (a vector x of the shared notation)
            overrides.setdefault(key, ("scalar", lambda env, symbol=symbol: symbol))

    if scope is not None:  # the untagged formula's own variables: real numbers, or vectors over the sampled dimension
        from derive.docs.bind import _vec_entry

        for key, kind in scope.free.items():
            if kind == "vector":
                base = sp.IndexedBase(key, real=True)
                extra_samplers[base] = dom.vector(vocab.size, scope.reals)
                overrides[key] = _vec_entry(base)
            elif kind == "matrix":  # a square matrix over the sampled dimension
                from derive.vocabulary import matrix_entries

                base = sp.IndexedBase(key, real=True)
                extra_samplers[base] = dom.matrix(vocab.size, vocab.size, scope.reals)
                overrides[key] = matrix_entries(base, vocab.size)
            elif kind == "count":  # a sum's bound: the size of the formula's vectors
                overrides[key] = ("scalar", lambda reader: reader.size_value)
            else:
                symbol = sp.Symbol(key, real=True)
                extra[key] = symbol
                inside = scope.reals if key not in scope.stated else None
                extra_samplers[symbol] = inside or KIND_SAMPLERS["real"](vocab.size)

    definitions = scope.definitions if scope is not None else None

    def interpreter(dims, flags=None):
        made = Interpreter(vocab, dims, overrides, extra, flags, definitions)
        made.implicit_ranges = scope is None  # untagged, Σ_x with no range runs over nothing the text states
        return made

    # a dry run at the first point of the result's domain decides the variant and the domain
    base_domain = vocab.domain or dom.Domain({}, points=5)
    first = base_domain.sample_points("dry run", DIGITS, limit=1) or [dom.Point()]
    dims0 = {s: v for s, v in first[0].items() if isinstance(base_domain.samplers.get(s), dom.Dimension)}
    dry = interpreter(dims0)
    dry_values = [dry.side(side) for side in sides]
    for condition in conditions:  # an index named only in a condition ("for i ≠ c") is bound too
        for name in (condition.left, condition.right):
            try:
                dry.index(name)
            except BindError:
                pass
    domain = _domain_for(vocab, dry.flags, relations, binding, set())
    for symbol in dry.quantified.values():  # a free index the formula claims for each of its values
        extra_samplers[symbol] = dom.index(vocab.size)
    if extra_samplers:
        domain = domain.with_(samplers={**domain.samplers, **extra_samplers})

    # points, with conditions on indices imposed; a formula without free symbols is plain arithmetic
    constant = not conditions and all(_is_constant(v) for v in dry_values)
    if constant and dims0:
        try:
            symbolic_dry = interpreter({})
            symbolic_dry.index_map = dict(dry.index_map)
            constant = all(_is_constant(symbolic_dry.side(side)) for side in sides)
        except NeedsConcrete:
            constant = False
    wanted = None
    if scope is not None and scope.free and not constant:
        # untagged, the formula's own variables range over where its sides are defined: draw spare points
        wanted = max(MIN_POINTS, domain.points)
        domain = domain.with_(points=wanted * 8)
    points = [dom.Point()] if constant else _points(domain, text, conditions, dry)
    if not points:
        raise DecideError("no point of the domain satisfies the stated conditions")
    tolerances = [_literal_tolerances(side) for side in sides]
    dimension_symbols = [s for s, v in domain.samplers.items() if isinstance(v, dom.Dimension)]
    # the counterexample names what the formula uses: its symbols, its indices, and the dimensions of its vectors
    shown = _used_symbols(dry_values, domain) | set(dry.index_map.values())
    if any(
        not isinstance(sampler, dom.Dimension) and getattr(sampler, "size", None) is not None
        for symbol, sampler in domain.samplers.items()
        if symbol in shown
    ):
        shown |= {symbol for symbol, sampler in domain.samplers.items() if isinstance(sampler, dom.Dimension)}
    # a dimension the tag declares (n: dimension) is the document's own name: a counterexample states it
    shown |= {s for s in vocab.dims.values() if str(s).startswith("doc_") and s in domain.samplers}
    cache, readers = {}, {}
    first_singular = None
    kept_points = skipped_points = 0
    set_aside = 0  # points outside the formula's stated conditions
    for point in points:
        if wanted is not None and kept_points >= wanted:
            break
        dims = {s: point[s] for s in dimension_symbols if s in point}
        key = tuple(sorted((str(s), v) for s, v in dims.items()))
        if key not in cache:
            interp = interpreter(dims, dry.flags)
            interp.index_map = dict(dry.index_map)
            cache[key] = [interp.side(side) for side in sides]
            readers[key] = interp
        values = cache[key]
        if conditions.comparisons:  # "for t > 0": points outside the stated conditions are set aside
            from derive.docs.operations import comparisons_hold

            judge = interpreter(dims, dry.flags)
            judge.index_map = dict(dry.index_map)
            if not comparisons_hold(judge, conditions.comparisons, point, _evaluate):
                set_aside += 1
                continue
        evaluated = []
        singular = None
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
                singular = f"side {position + 1} has no finite real value{_at(point, shown)} ({exc})"
                break
        if singular:
            first_singular = first_singular or singular
            skipped_points += 1
            continue
        kept_points += 1
        for link, relation in enumerate(relations):
            a, b = evaluated[link], evaluated[link + 1]
            if relation == "and":  # A \land B: two statements side by side, no link between them
                continue
            if relation == "propto":
                from derive.docs.operations import proportional

                ranges = [
                    (s, point[domain.samplers[s].size] if domain.samplers[s].size in point else domain.samplers[s].size)
                    for s in dry.index_map.values()
                    if isinstance(domain.samplers.get(s), dom.Index)
                ]
                ok, why = proportional(values[link], values[link + 1], a, b, point, ranges, _evaluate)
                if not ok:
                    return _refuted(
                        f"{_link_text(sides, link)} is not a proportionality{_at(point, shown)}: {why}",
                        readers[key],
                        binding,
                    )
                continue
            literal = tolerances[link + 1] or tolerances[link]
            if relation == "~" or (relation == "=" and literal and max(literal) > 0):
                if not literal:
                    raise DecideError("≈ between two expressions: no written digits set the tolerance")
                ok, why = _approx(a, b, literal)
                if not ok:
                    return _refuted(f"{_link_text(sides, link)}: {why}" + _at(point, shown), readers[key], binding)
                continue
            if _shape(a) != _shape(b) and ((not _shape(a) and a == 0) or (not _shape(b) and b == 0)):
                zero_shape = _shape(a) or _shape(b)  # "= 0" for a zero vector or matrix
                a = a if _shape(a) else mpmath.zeros(*zero_shape)
                b = b if _shape(b) else mpmath.zeros(*zero_shape)
            if _shape(a) != _shape(b):
                # a vector against a number: the checker's reading of the notation, not the claim, is in doubt
                raise DecideError(
                    f"{_link_text(sides, link)}: the sides come out with shapes {_shape(a)} and {_shape(b)}"
                    " as read; cannot compare them"
                )
            ok, _ = holds(relation, a, b)
            if not ok:
                return _refuted(
                    f"{_link_text(sides, link)} {_relation_word(relation)}{_at(point, shown)}: left = {_describe_value(a)}, right = {_describe_value(b)}",
                    readers[key],
                    binding,
                )
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
    points = points[:kept_points]  # only the points checked are counted
    outside = (
        f" ({skipped_points} where a side has no real value set aside)" if skipped_points and wanted is None else ""
    )
    evidence, how = "numeric", f"numeric evidence: holds at all {len(points)} points{outside}"
    if constant:
        evidence, how = "exact", "arithmetic checks"
    elif all(r == "=" for r in relations) and not any(tolerances):
        proved = _try_prove(sides, relations, interpreter, dry, vocab)
        if proved:
            evidence, how = (
                "proved",
                f"proved symbolically ({proved}); numeric check at {len(points)} points agrees{outside}",
            )
    return Verdict(PASS, how, evidence, len(points))


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
