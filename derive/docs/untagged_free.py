"""An untagged identity in free variables, decided on real, positive, negative and (0, 1) values, its unknown
functions opaque or generic."""

from __future__ import annotations

import dataclasses
import re

from derive import domain as dom
from derive.docs.bind import (
    Unbound,
    single_atom,
)
from derive.docs.capital_matrices import commuting_only
from derive.docs.index_compared import whole_number_doubt
from derive.docs.interpret import rewrite_chain
from derive.docs.labelled_derivative import LABEL_AS_ARGUMENT, labels_as_arguments
from derive.docs.meeting_sides import PIECE_EQUATION
from derive.docs.reading import Scope, _guarded
from derive.docs.sampled_points import FEW_VALUES, NO_POINT_MEETS, few_values
from derive.docs.unmet_sides import NEVER_MET
from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict
from derive.result import _joined

# an equation whose names drop out of every link's difference (2/(1 - β) - 1 - 2β/(1 - β) = 2): never solved, so
# never a definition or a condition, and refuted as arithmetic is
NO_SOLUTION = "no value of its names solves it"
# an inequality whose reverse holds for every value (x - \log x - 1 \le 0): no range of values satisfies it, so it is
# no condition a text states, and refuted as a claim is
ONLY_WHERE_SIDES_MEET = "it holds at most where its sides are equal"

# an equation whose names on one side only leave its sides unchanged: they are solved for by no value, and the names
# on both sides are claimed for all their values
LONELY_DROP_OUT = "does not change its sides, so no value of it solves it"
LONELY_DROP_OUT_MANY = "do not change its sides, so no values of them solve it"

# a claim refuted whatever its unknown functions are: the sides differ by the same amount for every choice of them
ANY_FUNCTION_REFUTED = "any function, refuted for"

NEGATIVE_VALUES = ("negative values", dom.negative(unbounded=True))
FREE_DOMAINS = (  # where an untagged identity's real variables are drawn, widest first
    ("real values", dom.reals(unbounded=True)),
    ("positive values", dom.positive(unbounded=True)),
    NEGATIVE_VALUES,
    ("values in (0, 1)", dom.Interval("0.02", "0.98")),
)


def free_domains(drawn: int) -> tuple:
    """The domains of :data:`FREE_DOMAINS` for a formula with ``drawn`` names drawn from them: negative values only for
    one name (x <= 0 is a range a text may mean; several names all negative, seldom)."""
    return FREE_DOMAINS if drawn == 1 else tuple(domain for domain in FREE_DOMAINS if domain is not NEGATIVE_VALUES)


def _drawn(kinds, stated) -> list:
    """The free names drawn from the domain: reals the formula states no range of, vectors and matrices (a positive
    name, a probability, a distribution or a count has a range of its own: derive.docs.declared_variables)."""
    return [key for key, kind in kinds.items() if kind in ("vector", "matrix") or kind == "real" and key not in stated]


def no_evidence(verdict) -> bool:
    """Whether a domain's verdict neither refutes nor supports the formula: no sampled point where the sides have
    values and the stated conditions hold. (A domain that runs out of time is not that: the whole check gives up.)"""
    return verdict.verdict != PASS and verdict.detail.startswith((f"{FEW_VALUES} 0 of", NO_POINT_MEETS))


def domains_named(refuting: list, unchecked: list) -> str:
    """The domains that refute a formula, and (domain, why) for each that says nothing of it."""
    said = "; ".join(f"{words}: {why}" for words, why in unchecked)
    return f"{_joined(refuting)} ({said})" if unchecked else _joined(refuting)


def _stated_names(text) -> set:
    """The names the formula's own conditions compare (A in "\\text{for } A < 0"), and the real names a case split's
    conditions compare (x in "x > \\lambda"): the rows give the value on each range of x, so x ranges over them all."""
    from derive.docs.free import conventionally_positive

    names = set()
    try:
        sides, _, conditions = rewrite_chain(text)
        for comparison in conditions.comparisons:
            names |= _compared(comparison)
        for comparison in _case_conditions(sides):
            names |= {key for key in _compared(comparison) if not conventionally_positive(key)}
    except Exception:  # unreadable: nothing stated
        return set()
    return names


def _compared(comparison) -> set:
    """The keys of the plain names a comparison's sides are."""
    names = set()
    for side in comparison.sides:
        atom = single_atom(side)
        if atom is not None and atom.args is None:
            names.add(atom.full_keys()[0] if atom.full_keys() else atom.key)
    return names


def _case_conditions(sides) -> list:
    """The comparisons that condition the rows of the case splits the sides write."""
    from derive.docs.nodes import Branches, Comparison
    from derive.docs.parse import parse_latex

    found = []
    for side in sides:
        for node in side.nodes(parse_latex(side.text)):
            if isinstance(node, Branches):
                found.extend(c for row in node.rows for c in row[1] if isinstance(c, Comparison))
    return found


def _decide_free(text, binding, context, name):
    """An untagged identity in free variables, claimed for all values: see :mod:`derive.docs.free`.

    It is decided over the reals, then (if refuted or mostly undefined there) over the positive
    numbers, the negative numbers and (0, 1): it FAILs only when refuted on every domain where its
    sides have values (a domain where they have none is no evidence either way), and when it holds
    on one domain only, it is left undecided with the counterexample of a wider one. An
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
    verdict = whole_number_doubt(
        text,
        _free_kinds(text, context, opaque),
        verdict,
        lambda conditions, names: _decide_free_once(
            text,
            dataclasses.replace(binding, conditions=[*binding.conditions, *conditions]),
            context,
            name,
            unbound,
            opaque,
            frozenset(names),
        )[0],
    )
    functions = opaque | ({name} if opaque_function(name, text) else set())
    labelled = _labels_read_as_arguments(text) if verdict.verdict == UNKNOWN and functions else None
    if labelled is not None:  # ∇_θ log π_θ(y) = ∇_θ π_θ(y) / π_θ(y): π_θ a function of θ, π(θ, y)
        label, rewritten = labelled
        again = _decide_free(rewritten, binding, context, name)
        if again.verdict in (PASS, FAIL):
            said = f"with each function labelled {label} {LABEL_AS_ARGUMENT}"
            return dataclasses.replace(again, detail=f"{said}: {again.detail}")
    if verdict.verdict == UNKNOWN and functions:
        return _decide_generic(text, binding, context, functions) or verdict
    factored = _factors_before_brackets(text)
    if verdict.verdict == UNKNOWN and factored is not None:
        letters, product = factored
        again = _decide_free(product, binding, context, name)
        if again.verdict in (PASS, FAIL):
            said = f"with {', '.join(letters)} before a bracket a factor, as elsewhere in the formula"
            return dataclasses.replace(again, detail=f"{said}: {again.detail}")
    return verdict


DIVERGENCE_LETTERS = (
    "D",
    "H",
)  # an entropy H(p), a divergence D(p \\| q), when applied (derive.docs.free.is_divergence)
BEFORE_BRACKET = r"(?<![\\A-Za-z_^{{]){letter}\s*(?=\\left\s*\(|\()"  # H (S + 1), H \left( ... \right)
AS_FACTOR = r"(?<![\\A-Za-z_^{{]){letter}(?![A-Za-z_])(?!\s*(?:\\left\s*)?\()"  # H S D, H^{-1}: not before a bracket


def _factors_before_brackets(text):
    """(the letters, the formula with a product written out) when letters the reader takes for an entropy or a
    divergence before a bracket (H, D) are written as factors elsewhere in the formula (``2 L B H S D``, ``H^{-1}``)
    and just before a bracket too (``2 L B H (S + 1) D``); else None."""
    letters = sorted(
        letter
        for letter in DIVERGENCE_LETTERS
        if re.search(BEFORE_BRACKET.format(letter=letter), text) and re.search(AS_FACTOR.format(letter=letter), text)
    )
    if not letters:
        return None
    product = text
    for letter in letters:
        product = re.sub(BEFORE_BRACKET.format(letter=letter), f"{letter} \\\\cdot ", product)
    return letters, product


def _labels_read_as_arguments(text):
    """(the label, the formula rewritten) of :func:`derive.docs.labelled_derivative.labels_as_arguments`, given the
    names the formula applies other than the functions the checker knows; None when not so read."""
    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in
    from derive.docs.untagged import KNOWN_FUNCTIONS

    try:
        atoms = list(atoms_in(rewrite_chain(text)[0], child_sides))  # a generator: read every side here
    except Exception:  # unreadable: not read so
        return None
    applied = {atom.key for atom in atoms if atom.args is not None and atom.key not in KNOWN_FUNCTIONS}
    return labels_as_arguments(text, applied)


def _applied(name, text) -> bool:
    """Whether the text writes the name applied to arguments (``q(x, y)``), as well as alone (a distribution p
    applied to an outcome, ``p(x)``, is its probability: not this)."""
    if not name[-1:].isalpha():
        return False
    return re.search(rf"(?<![A-Za-z\\]){re.escape(name)}\s*\(", text) is not None


def _decide_generic(text, binding, context, functions):
    """A PASS when the claim holds with its unknown functions read as generic smooth functions, a FAIL when it fails
    whatever they are, else None.

    ``\\nabla_\\theta P(\\tau \\mid \\theta) = P(\\tau \\mid \\theta) \\nabla_\\theta \\log P(\\tau \\mid \\theta)``
    and ``f'(x) = \\lim_{h \\to 0} (f(x + h) - f(x)) / h`` hold for every function; a claim that holds for a generic
    one (see :mod:`derive.docs.arbitrary`) holds whatever function the text means. The names applied are functions
    (``f(x + h)`` applies f), and another unknown function met while reading (``q`` beside ``f``) is one too. A
    refutation for one function is no FAIL: the text may mean a particular function (``g'(z) = g(z)(1 - g(z))`` for
    the sigmoid g); one whose sides differ by the same amount whatever the functions are
    (``\\frac{d}{d\\theta}(f(\\theta) + \\frac{\\lambda}{2}\\theta^2) = f'(\\theta) + \\frac{\\lambda\\theta}{2}``) is.
    """
    from derive.docs.untagged import opaque_function

    if not _only_equalities(text):  # p(x) \ge 0, f(x + y) \le f(x) + f(y): a property of the function meant
        return None
    functions = frozenset(functions)
    for _ in range(4):  # each round lets one more unknown function the reading meets be generic
        verdict, missing = _generic_once(text, binding, context, functions)
        if missing is None or missing in functions or not opaque_function(missing, text):
            return verdict
        functions = functions | {missing}
    return None


def _generic_once(text, binding, context, functions):
    """(a PASS, a FAIL or None, the unknown function that stopped the reading or None) with ``functions`` read generic.

    A refutation FAILs only when it holds whatever the functions are (two sides differ by the same amount for other
    generic choices: derive.docs.unchosen_functions) on every domain where the sides have values."""
    kinds = _generic_kinds(text, context, functions)
    laws = frozenset(key for key in functions if kinds and kinds.get(key) == "distribution")
    if laws:  # p applied to an outcome E_{x \sim p} draws: the law's probability, not a function of one's own
        functions = functions - laws
        kinds = _generic_kinds(text, context, functions)
    if kinds is None:
        return None, None
    if functions & set(kinds) or any(_applied(key, text) for key, kind in kinds.items() if kind != "distribution"):
        # q(x, y) beside f(q, z): the text means f(q(x, y), z), a composition; read apart, the variable q
        # would not depend on x, and \partial f(q, z) / \partial x would be 0 whatever f is
        return None, None
    stated = _stated_names(text)
    names = ", ".join(sorted(functions))
    # an equation that names some on one side only (f(x) = a + b = a + c) may be solved for them: never refuted
    refutable = _generic_balanced(text, context, functions)
    refuted = []  # (domain, refutation) for each domain that refutes it whatever the functions are
    unchecked = []  # (domain, why) for each domain that says nothing of it (no_evidence)
    domains = free_domains(len(_drawn(kinds, stated)))
    for words, sampler in domains:
        scope = Scope(
            dict(context.definitions), dict(kinds), dict(kinds), sampler, stated, generic=True, functions=functions
        )
        try:
            verdict = _guarded(text, binding, scope, reraise_unbound=True)
        except Unbound as exc:
            return None, exc.name
        if verdict.verdict == PASS:
            other = _guarded(text, binding, dataclasses.replace(scope, family=1, free=dict(kinds)))
            if other.verdict != PASS or refuted:  # it holds for one function, or on a narrower domain only
                return None, None
            return dataclasses.replace(
                verdict,
                detail=f"holds for {words}, with {names} any function (read as generic ones of two families):"
                f" {verdict.detail}",
            ), None
        if verdict.verdict == FAIL and refutable and functions <= verdict.unmoved:
            refuted.append((words, verdict))
        elif no_evidence(verdict):
            unchecked.append((words, verdict.detail))
        elif refuted or not few_values(verdict):
            return None, None
    if refuted and len(refuted) == len(domains) - len(unchecked):
        (last, refutation), span = refuted[-1], domains_named([words for words, _ in refuted], unchecked)
        return dataclasses.replace(
            refutation, detail=f"with {names} {ANY_FUNCTION_REFUTED} {span}; for {last}: {refutation.detail}"
        ), None
    return None, None


def _generic_kinds(text, context, functions) -> dict | None:
    """The formula's free names and their kinds with ``functions`` read as functions (None when not so read)."""
    from derive.docs.free import NotIdentity, Unbalanced, free_reading
    from derive.docs.untagged import KNOWN_FUNCTIONS

    try:
        return free_reading(text, KNOWN_FUNCTIONS, dict(context.definitions), functions=functions)
    except Unbalanced as why:
        return why.kinds
    except NotIdentity:
        return None
    except Exception:  # unreadable: the first reading reports it
        return None


def _generic_balanced(text, context, functions) -> bool:
    """Whether the formula, its unknown functions read as functions, names every variable on both sides of each link
    and states no equation between matrices (:class:`derive.docs.free.Unbalanced`)."""
    from derive.docs.free import Unbalanced, free_reading
    from derive.docs.untagged import KNOWN_FUNCTIONS

    try:
        free_reading(text, KNOWN_FUNCTIONS, dict(context.definitions), functions=functions)
    except Unbalanced:
        return False
    except Exception:  # unreadable: the first reading reports it
        return False
    return True


def _free_kinds(text, context, opaque) -> dict:
    """The formula's free names and their kinds, as :func:`_decide_free_once` reads them ({} when unread)."""
    from derive.docs.free import Unbalanced, free_reading
    from derive.docs.untagged import KNOWN_FUNCTIONS

    try:
        return free_reading(text, KNOWN_FUNCTIONS, dict(context.definitions), opaque)
    except Unbalanced as why:
        return why.kinds
    except Exception:  # unreadable, or no identity: no kinds
        return {}


def _decide_free_once(text, binding, context, name, unbound, opaque, whole=frozenset(), reverse=True):
    """(verdict, the unknown function that stopped it or None) for one set of opaque functions; the names in
    ``whole`` are read as whole numbers (see :mod:`derive.docs.index_compared`); ``reverse``: an inequality read as a
    condition is refuted when its reverse holds for every value."""
    from derive.docs.free import NotIdentity, Unbalanced, free_reading
    from derive.docs.untagged import KNOWN_FUNCTIONS

    unbalanced, lonely = None, frozenset()
    try:
        kinds = free_reading(text, KNOWN_FUNCTIONS, dict(context.definitions), opaque)
    except Unbalanced as why:  # decided only if it holds for all values: a counterexample refutes nothing
        kinds, unbalanced = why.kinds, f"{unbound}; not read as an identity in free variables: {why}"
        lonely = frozenset(why.lonely) if _one_relation(text) else frozenset()
        if "distribution" in why.kinds.values() and any(why.kinds.get(key) != "distribution" for key in why.lonely):
            # H(p) <= \log k: a number on one side only beside a distribution may be its size, drawn apart
            return Verdict(UNKNOWN, unbalanced), None
    except NotIdentity as why:
        return Verdict(UNKNOWN, f"{unbound}; not read as an identity in free variables: {why}"), None
    except Exception:  # unreadable: the first reading reports it
        return Verdict(UNKNOWN, unbound), None
    if name not in opaque and not any(key == name or key.startswith((f"{name}_", f"{name}^")) for key in kinds):
        return Verdict(UNKNOWN, unbound), name  # an unknown function, not a variable
    kinds.update(dict.fromkeys(whole & set(kinds), "whole"))
    shown = {
        "distribution": " (a distribution)",
        "positive": " (positive, as the name is by convention)",
        "probability": " (a probability)",
        "small": " (small and positive, as the name is by convention)",
    }
    names = ", ".join(key + shown.get(kinds[key], "") for key in sorted(kinds))
    stated = _stated_names(text)  # "for A < 0": the formula says where A ranges
    refuted = []  # (domain, counterexample) for each domain that refutes the formula, widest first
    unsolved = []  # the domains where no value of the names solves it (they drop out of every link)
    dropped = []  # the domains whose refutation the names on one side only do not change
    unchecked = []  # (domain, why) for each domain that says nothing of it (no_evidence)
    sparse = []  # (domain, why) where they have values at too few points to decide, none refuting it
    verdict = piece = None
    domains = free_domains(len(_drawn(kinds, stated)))
    for words, sampler in domains:
        scope = Scope(dict(context.definitions), dict(kinds), dict(kinds), sampler, stated, equation=bool(unbalanced))
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
            doubt = commuting_only(
                text,
                kinds,
                lambda each: _guarded(
                    text, binding, Scope(dict(context.definitions), each, dict(each), sampler, stated, scope.equation)
                ),
            )
            if doubt is not None:
                return Verdict(UNKNOWN, f"read as an identity in {names}, it {doubt}"), None
            if unbalanced is not None:
                return dataclasses.replace(
                    verdict,
                    detail=f"holds for all {words} of {names}, though it reads as an equation: {verdict.detail}",
                ), None
            return dataclasses.replace(verdict, detail=f"an identity in {names}, for {words}: {verdict.detail}"), None
        if verdict.verdict == FAIL:
            refuted.append((words, verdict.detail))
            if kinds and set(kinds) <= verdict.unmoved and "distribution" not in kinds.values():
                # (a distribution is drawn with every outcome possible: one that rules some out may yet solve it)
                unsolved.append(words)
            if lonely and lonely <= verdict.unmoved:
                dropped.append(words)
        elif PIECE_EQUATION in verdict.detail:  # \sqrt{x^2} = x: may state a piece; a narrower domain may say more
            refuted.append((words, verdict.detail))
            piece = piece or verdict
        elif no_evidence(verdict):
            unchecked.append((words, verdict.detail))
        elif few_values(verdict):
            sparse.append((words, verdict.detail))
        else:
            return verdict, None  # the checker cannot read it: the same on every domain
    valued = len(domains) - len(unchecked)  # the domains that can refute it
    if unbalanced is not None and unsolved and len(unsolved) == valued and "i" in kinds:
        # i^2 = -1: no real number solves it, the imaginary unit does
        return Verdict(
            UNKNOWN,
            f"read as an equation in {names}, no real value solves it ({refuted[-1][1]}); a free i may be the"
            " imaginary unit, and complex values are not computed",
        ), None
    if unbalanced is not None and unsolved and len(unsolved) == valued:
        why = (
            "one side stays above the other (shown symbolically)"
            if NEVER_MET in refuted[-1][1]
            else "its sides keep their values (or two of them their difference) whatever the names are, and they disagree"
        )
        return Verdict(
            FAIL, f"read as an equation in {names}, {NO_SOLUTION}: {why}; for {refuted[-1][0]}: {refuted[-1][1]}"
        ), None
    if reverse and unbalanced is not None and refuted and len(refuted) == valued:
        reverse = _reverse_holds(text, binding, context, name, unbound, opaque, whole)
        if reverse is not None:
            return Verdict(
                FAIL,
                f"read as a condition on {names}, {ONLY_WHERE_SIDES_MEET}: the reverse inequality holds for every"
                f" value ({reverse}); for {refuted[-1][0]}: {refuted[-1][1]}",
            ), None
    if unbalanced is not None and refuted and len(dropped) == len(refuted) == valued:
        # N t / (N / r \cdot (\dots)) = r K t / (\dots): N, on one side only, drops out of it, so no value of N
        # solves it, and the names on both sides are claimed for all their values, as in an identity
        shown = ", ".join(sorted(lonely))
        drop = LONELY_DROP_OUT if len(lonely) == 1 else LONELY_DROP_OUT_MANY
        return Verdict(
            FAIL,
            f"an identity in {names}, refuted for {domains_named(dropped, unchecked)}: {shown}, on one side only,"
            f" {drop}; for {refuted[-1][0]}: {refuted[-1][1]}",
        ), None
    if unbalanced is not None:
        return Verdict(UNKNOWN, unbalanced), None
    if piece is not None:
        return piece, None
    if refuted and len(refuted) == valued:  # the counterexample shown is the narrowest domain's
        laws = _holds_for_distributions(text, binding, context, kinds, stated)
        if laws:
            return Verdict(
                UNKNOWN,
                f"read as an identity in {names}, it is refuted ({refuted[-1][1]}); with {', '.join(laws)} probability"
                " vectors, as those names usually are, it holds: say which is meant",
            ), None
        if "i" in kinds:  # e^{i\theta} = \cos\theta + i\sin\theta: a real i refutes what the imaginary unit makes hold
            return Verdict(
                UNKNOWN,
                f"read as an identity in {names}, it is refuted ({refuted[-1][1]}); a free i may be the imaginary"
                " unit, and complex values are not computed",
            ), None
        differentials = _differentials(text) if "d" in kinds else []
        if differentials:  # d(LU) = dL U + L dU: dL a differential, not d times L; dX^2 is dropped, not refuted
            return Verdict(
                UNKNOWN,
                f"read as an identity in {names}, it is refuted ({refuted[-1][1]}); d before"
                f" {', '.join(differentials)}, which the formula also writes alone, may be a differential"
                f" ({'d' + differentials[0]}), and differentials are not read",
            ), None
        refutation = Verdict(
            FAIL,
            f"an identity in {names}, refuted for {domains_named([words for words, _ in refuted], unchecked)};"
            f" for {refuted[-1][0]}: {refuted[-1][1]}",
        )
        return _with_means(text, binding, context, kinds, refutation), None
    if not sparse:
        return Verdict(UNKNOWN, f"read as an identity in {names}: {verdict.detail}, for every domain"), None
    undecided = f"for {sparse[0][0]}, {sparse[0][1]}"
    if not refuted:
        return Verdict(UNKNOWN, f"read as an identity in {names}: {undecided}"), None
    return Verdict(
        UNKNOWN,
        f"read as an identity in {names}, it is refuted for {domains_named([words for words, _ in refuted], unchecked)}"
        " only"
        f" ({refuted[0][1]}); {undecided}",
    ), None


def _reverse_holds(text, binding, context, name, unbound, opaque, whole) -> str | None:
    """What shows that the formula's one inequality, reversed and not strict, holds for every value (``x - \\log x - 1
    \\ge 0`` for ``x - \\log x - 1 \\le 0``), or None when it is not one inequality or the reverse is not so decided."""
    from derive.docs.split_inequality import reversed_inequality

    reverse = reversed_inequality(text)
    if reverse is None:
        return None
    verdict, _ = _decide_free_once(reverse, binding, context, name, unbound, opaque, whole, reverse=False)
    return verdict.detail if verdict.verdict == PASS else None


def _with_means(text, binding, context, kinds, refutation):
    """A refuted identity read again with each name that usually means the mean of the formula's vector (``\\bar{x}``
    beside ``x_i``; ``\\mu``, ``\\mu_B``) as that mean: a PASS with ``\\bar{x}`` the mean is the formula's (the
    convention is universal), a PASS with ``\\mu`` the mean is UNKNOWN (\\mu may be another quantity), and the
    refutation stands only when the mean refutes it too."""
    from derive.docs.decide import decide

    vectors = sorted(key for key, kind in kinds.items() if kind == "vector" and re.fullmatch(r"[A-Za-z]", key))
    counts = sorted(key for key, kind in kinds.items() if kind == "count")
    if len(vectors) != 1 or len(counts) != 1:
        return refutation
    vector, count = vectors[0], counts[0]
    bar = re.compile(rf"\\(?:bar|overline)\s*(?:\{{\s*{vector}\s*\}}|{vector}(?![A-Za-z]))")
    mu = re.compile(r"\\mu(?![A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|\\[A-Za-z]+\s*\{[^{}]*\}|\\?[A-Za-z0-9]+))?")
    written = "bar" if bar.search(text) else "mu" if any(k == "mu" or k.startswith("mu_") for k in kinds) else None
    if written is None:
        return refutation
    index = next(letter for letter in "jklrsuv" if not re.search(rf"(?<![A-Za-z\\]){letter}(?![A-Za-z])", text))
    mean = rf"\left(\frac{{1}}{{{count}}}\sum_{{{index}=1}}^{{{count}}} {vector}_{{{index}}}\right)"
    meant = (bar if written == "bar" else mu).sub(lambda _: mean, text)
    again = decide(meant, binding, tagged=False, context=context)
    shown = f"\\bar{{{vector}}}" if written == "bar" else "\\mu"
    if again.verdict == FAIL:
        return dataclasses.replace(
            refutation, detail=f"{refutation.detail}; with {shown} the mean of the {vector}_i too: {again.detail}"
        )
    if again.verdict == PASS and written == "bar":
        return dataclasses.replace(again, detail=f"with {shown} the mean of the {vector}_i: {again.detail}")
    if again.verdict == PASS:
        return Verdict(
            UNKNOWN,
            f"read as an identity in free names it is refuted ({refutation.detail}); with {shown} the mean of the"
            f" {vector}_i it holds: say which is meant",
        )
    return Verdict(UNKNOWN, f"{refutation.detail}; with {shown} the mean of the {vector}_i: {again.detail}")


DISTRIBUTION_NAMES = ("p", "q", "P", "Q", "pi", "y")  # y: a target, one-hot or soft, in a cross-entropy


def _holds_for_distributions(text, binding, context, kinds, stated) -> list:
    """The vectors named as distributions usually are (p, q, P, Q, \\pi) when the claim holds with them read as
    probability vectors, else [].

    ``\\sum_x \\max(0, q_x - p_x) = \\sum_x \\max(0, p_x - q_x)`` holds for any two distributions and fails for
    vectors of other sums: a refutation then rests on a reading the author likely did not mean.
    """
    laws = sorted(key for key, kind in kinds.items() if kind == "vector" and key in DISTRIBUTION_NAMES)
    if not laws:
        return []
    read = dict(kinds) | {key: "distribution" for key in laws}
    scope = Scope(dict(context.definitions), read, read, FREE_DOMAINS[0][1], stated)
    try:
        verdict = _guarded(text, binding, scope)
    except Exception:  # not readable so: the refutation stands
        return []
    return laws if verdict.verdict == PASS else []


def _one_relation(text) -> bool:
    """Whether the formula relates two sides only (a chain's later links may set names of their own)."""
    try:
        return len(rewrite_chain(text)[1]) == 1
    except Exception:  # unreadable: no claim
        return False


def _only_equalities(text) -> bool:
    try:
        return all(relation == "=" for relation in rewrite_chain(text)[1])
    except Exception:  # unreadable: no claim
        return False


# d written right before a one-letter name: dx, dL, d\theta
AFTER_D = re.compile(r"(?<![A-Za-z\\])d\s*(\\[A-Za-z]+|[A-Za-z])(?![A-Za-z])")
D_BEFORE_BRACKET = re.compile(r"(?<![A-Za-z\\])d\s*(?:\\left\s*)?\(")  # d(LU), d\left(xy\right)


def _differentials(text: str) -> list:
    """The names a formula that writes d before a bracket (``d(LU)``) writes right after a d (``dL``) and also alone
    elsewhere (``L dU``), sorted: d before them may be a differential, as in d(xy) = x\\,dy + y\\,dx; empty when it
    writes none (d r + r k = d k counts parameters, d a number)."""
    if not D_BEFORE_BRACKET.search(text):
        return []
    after = {m.group(1) for m in AFTER_D.finditer(text)}
    alone = {
        name
        for name in after
        if any(
            m.start() == 0 or text[: m.start()].rstrip()[-1:] != "d"
            for m in re.finditer(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])", text)
        )
    }
    return sorted(alone)
