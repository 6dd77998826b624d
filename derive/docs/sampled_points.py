"""Checking a read formula on the sampled points of its domain: the first refuted link, or a PASS and its evidence."""

from __future__ import annotations

import dataclasses
import functools
import re

import mpmath
import sympy as sp

from derive import domain as dom
from derive.docs.bind import (
    NeedsConcrete,
    Vec,
    as_value,
)
from derive.docs.diverging_limits import diverging_limit_refutation
from derive.docs.gap_search import budget, descend, slack
from derive.docs.links import ArbitraryRefusal, _check_links
from derive.docs.meeting_sides import between_pieces, refuse_if_a_piece_is_stated
from derive.docs.operations import ROUNDING
from derive.docs.point_values import (
    _at,
    _evaluate,
    _evaluate_sides,
    _is_constant,
    by_plan,
    changes_with_precision,
)
from derive.docs.realisations import defined
from derive.docs.sum_reading import SIZED_BY_A_LIST
from derive.docs.unchosen_functions import gap_whatever_the_functions
from derive.docs.unmet_sides import NEVER_MET, side_above
from derive.docs.unmoved_names import (
    SIGNED_MOVES,
    binds_a_variable,
    constant_gap,
    unchanging_sides,
    unmoved_names,
)
from derive.docs.verdict import DIGITS, FAIL, MIN_POINTS, PASS, DecideError, Verdict
from derive.docs.written_digits import RoundedWhole, _literal_tolerances, _rounded_wholes
from derive.errors import DeriveError

FEW_VALUES = "the sides have real values at only"  # how a domain that leaves most points without a value is reported
NO_POINT_MEETS = "no sampled point satisfies the formula's stated conditions"
# a symbolic proof of a link that holds numerically gets this many steps (objects kept, about a second of CPU): the
# same on every machine; the seconds only guard against a proof that keeps few objects and does not end
PROOF_STEPS = 20_000
PROOF_SECONDS = 10.0
# untagged, a domain whose first points, this many times those it needs, all lack values has none to speak of (a
# divergent integral at every point of a domain had taken its whole time budget, then counted as no evidence)
NO_VALUE_POINTS = 2


def few_values(verdict) -> bool:
    """Whether the verdict says the sides had real values at too few sampled points to decide (and none refuted)."""
    return verdict.verdict != PASS and verdict.detail.startswith(FEW_VALUES)


# an index written with an offset, _{t+1}, _{t-1}, _{t+l}: at some points it lies past a vector's ends
OFFSET_INDEX = re.compile(r"_\s*\{\s*[A-Za-z]\w*\s*[+-]\s*\w+\s*\}")


def _check_points(reading):
    """The verdict from the sampled points: a FAIL at the first refuted link, else a PASS with its evidence."""
    constant = _is_arithmetic(reading)
    domain = reading.domain
    wanted = None
    if reading.scope is not None and reading.scope.free and not constant:
        # untagged, the formula's own variables range over where its sides are defined: draw spare points
        wanted = max(MIN_POINTS, domain.points)
        domain = domain.with_(points=wanted * 8)
    enough = None
    if wanted is None and reading.conditions.comparisons and not constant:
        # "0 < a < b" sets aside most points of the box: draw spare ones, and check as many as without a condition
        enough = max(MIN_POINTS, domain.points)
        domain = domain.with_(points=enough * 8)
    if (
        wanted is None
        and enough is None
        and not constant
        and (OFFSET_INDEX.search(reading.text) or reading.dry.flags.get(SIZED_BY_A_LIST))
    ):
        # \delta_{t+1} at t = n writes past the vector's last entry, Σ_{i=1}^n x_i beside x = (0.1, 0.2) has a value
        # at n = 2 only: draw spare points, and check as many as without it
        enough = max(MIN_POINTS, domain.points)
        domain = domain.with_(points=enough * 8)
    shown = _shown_symbols(reading)
    points = (
        [dom.Point()]
        if constant
        else _points(domain, reading.text, reading.conditions, reading.dry, _unnamed_vectors(reading, shown))
    )
    if not points:
        raise DecideError("no point of the domain satisfies the stated conditions")
    tolerances = _rounded_wholes(reading.sides, [_literal_tolerances(side) for side in reading.sides])
    dimension_symbols = [s for s, v in domain.samplers.items() if isinstance(v, dom.Dimension)]
    values_at = _SidesAtSizes(reading, domain)
    first_singular = None
    kept_points = skipped_points = 0
    kept = []  # the points checked
    tightest = []  # (slack of the inequality links, order, point) at the points checked
    singular_points = []  # (point, the sides' values, reader key) where a side has no finite real value
    set_aside = 0  # points outside the formula's stated conditions
    flags = reading.dry.flags

    for point in points:
        if kept_points >= (wanted or enough or float("inf")):  # else every point is checked
            break
        if wanted is not None and not kept_points and skipped_points >= NO_VALUE_POINTS * wanted:
            break  # untagged, twice the points it needs and not one with values: the domain has none to speak of
        key = values_at.key(point)
        values = values_at(point)
        if reading.conditions.comparisons:  # "for t > 0": points outside the stated conditions are set aside
            from derive.docs.operations import comparisons_hold

            if not comparisons_hold(
                reading.reader(_dims(domain, point), flags), reading.conditions.comparisons, point, _evaluate
            ):
                set_aside += 1
                continue
        evaluated, singular = _evaluate_sides(values, point, shown, why_needed=first_singular is None)
        if singular is not None:
            first_singular = first_singular or singular
            skipped_points += 1
            singular_points.append((point, values, key))
            continue
        try:
            refutation = _check_links(reading, values, evaluated, point, values_at.readers[key], shown, tolerances)
        except DecideError as refused:
            # refuted for one choice of the functions nothing defines, which the author may not mean
            refutation = (
                None
                if _rounded_figures(tolerances)
                else _refuted_whatever_the_functions(reading, values_at, point, evaluated, shown, refused)
            )
            if refutation is None:
                raise
        if refutation is not None and changes_with_precision(values, evaluated, point):
            # rounding of cancelling terms, not the sides' values: the point is no counterexample
            first_singular = first_singular or f"a side's value changes with the precision{_at(point, shown)}"
            skipped_points += 1
            continue
        kept_points += 1
        kept.append(point)
        gap = slack(reading.relations, evaluated) if refutation is None else None
        if gap is not None:
            tightest.append((gap, len(tightest), point))
        if refutation is not None:
            vectors = any(symbol in shown for symbol in dimension_symbols)
            if wanted is not None and not vectors and not reading.conditions.comparisons and between_pieces(values):
                # untagged, in numbers: an equation stating one piece holds for the values it is meant for
                refuse_if_a_piece_is_stated(reading, values, points, shown, refutation)
            if reading.scope is None and reading.binding.free:
                unmoved = unmoved_names(reading, values, evaluated, point, shown)
                refutation = dataclasses.replace(refutation, unmoved=unmoved)
            elif (
                constant
                and reading.scope is not None
                and reading.scope.equation
                and not binds_a_variable(reading.sides)
            ):
                # untagged, the names cancel as the sides are read (x - x + 2 = 1): no value of them solves it
                refutation = dataclasses.replace(refutation, arithmetic=True, unmoved=frozenset(reading.scope.free))
            elif (
                reading.scope is not None
                and reading.scope.equation
                and unchanging_sides(values_at, evaluated, point, points, shown)
            ):
                # untagged, the names drop out of the formula: no value of them solves it
                refutation = dataclasses.replace(refutation, unmoved=frozenset(reading.scope.free))
            elif (
                reading.scope is not None
                and reading.scope.equation
                and reading.relations == ["="]
                and all(digits is None or type(digits) is list and digits == [0] for digits in tolerances)  # exact
                and (above := side_above(values, _positive_symbols(reading))) is not None
            ):  # untagged, -\log \sigma(x) = 0: one side stays above the other, so no value solves it
                refutation = dataclasses.replace(
                    refutation,
                    detail=f"{_written(reading.sides[above])} {NEVER_MET} {_written(reading.sides[1 - above])} at every"
                    f" real value of its names; {refutation.detail}",
                    unmoved=frozenset(reading.scope.free),
                )
            elif (
                reading.scope is not None
                and reading.scope.equation
                and all(relation == "=" for relation in reading.relations)
                and not any(tolerances)  # a rounded figure may stand for the value a side's difference misses
            ):
                apart = constant_gap(values_at, evaluated, point, points, shown)
                if apart is not None:  # untagged, two sides differ by a constant (0 = 1): no value solves it
                    first, second = apart
                    refutation = dataclasses.replace(
                        refutation,
                        detail=f"{_written(reading.sides[first])} and {_written(reading.sides[second])} differ by"
                        f" {mpmath.nstr(evaluated[first] - evaluated[second], 12)} whatever the names are;"
                        f" {refutation.detail}",
                        unmoved=frozenset(reading.scope.free),
                    )
            elif constant:
                refutation = dataclasses.replace(refutation, arithmetic=True)
            if reading.scope is not None and reading.scope.equation and not refutation.unmoved:
                # untagged, the names on one side only may drop out while the others do not: whatever their sign
                unmoved = unmoved_names(reading, values, evaluated, point, shown, SIGNED_MOVES)
                refutation = dataclasses.replace(refutation, unmoved=unmoved)
            return refutation
    if set_aside and not kept_points and not skipped_points:
        raise DecideError(NO_POINT_MEETS)
    if first_singular:
        # a point where a side has no real value (ln x at x < 0, 0/0 at d = 1) is outside the formula's
        # domain, not a counterexample: the claim is decided where both sides have values, if that is most points
        needed = wanted or (1 if constant else MIN_POINTS // 2)
        if kept_points < needed:
            refutation = diverging_limit_refutation(reading, singular_points, shown, values_at.readers)
            if refutation is not None:
                return refutation
            raise DecideError(
                f"{FEW_VALUES} {kept_points} of {kept_points + skipped_points} sampled points ({first_singular})"
            )
    outside = (
        f" ({skipped_points} where a side has no real value set aside)" if skipped_points and wanted is None else ""
    )
    if skipped_points and wanted is not None:  # untagged: say where the claim was checked, not "for all values"
        outside = f" where both sides have a value ({_checked_ranges(kept, shown)}{skipped_points} sampled points where a side has none set aside)"
    piecewise = not constant and any(_piecewise(value) for values in values_at.sides.values() for value in values)
    if not constant and (piecewise or any(relation in INEQUALITIES for relation in reading.relations)):
        searched = _searched_points(reading, domain, sorted(tightest), values_at, shown, kept_points + skipped_points)
        refutation = _far_refutation(reading, domain, kept, values_at, shown, tolerances, piecewise, searched)
        if refutation is not None:
            return refutation
    passed = _passed(reading, constant, kept_points, outside, tolerances, values_at.unsized())
    if (
        passed.evidence == "numeric"
        and "=" in reading.relations
        and _shows_any_size(reading, domain, shown)
        and kept
        and by_plan(values_at(kept[0]), kept[0])  # no expectation or quadrature, whose cost grows past the time there
    ):
        # an identity no proof reached has been checked at sizes 1..6 only: \sum_{i=0}^n \binom{n}{i} = 2^n +
        # \binom{n}{8} holds there
        refutation = _refutation_at(reading, domain, _larger_sizes(reading, domain), values_at, shown, tolerances)
        if refutation is not None:
            return refutation
    return passed


INEQUALITIES = ("<", ">", "<=", ">=")
JUMP_ONLY = (
    "the sides agree at every sampled point but not where a piece of the formula jumps (a sign, a step, a case"
    " split's boundary): its value there is a convention the formula does not settle"
)
PIECEWISE = (sp.Abs, sp.Max, sp.Min, sp.Piecewise, sp.Heaviside, sp.sign, sp.floor, sp.ceiling)
FAR_SCALES = (10, 100)  # how far beyond the sampled box an unbounded number is moved
FAR_BASES = 4  # the checked points moved there
CLEAR_VIOLATION = mpmath.mpf(10) ** -20  # relative: a violation that is no rounding of a strict inequality's slack


def _far_points(domain, kept) -> list:
    """The checked points with their unbounded numbers moved 10 and 100 times further out, all together and one at a time.

    A number declared positive or real is drawn from a box ([0.05, 3], [-3, 3]); an inequality such as
    l/d + d >= l holds there and fails only beyond it (at l > 4).
    """
    unbounded = [
        symbol
        for symbol, sampler in domain.samplers.items()
        if isinstance(sampler, (dom.Interval, dom.Integers)) and (sampler.open_above or sampler.open_below)
    ]
    if not unbounded:
        return []
    groups = [unbounded] + ([[symbol] for symbol in unbounded] if len(unbounded) > 1 else [])
    far = []
    with mpmath.workdps(DIGITS):
        for point in kept[:FAR_BASES]:
            for scale in FAR_SCALES:
                for group in groups:
                    moved, changed = dom.Point(point), False
                    for symbol in group:
                        value, sampler = point.get(symbol), domain.samplers[symbol]
                        if isinstance(value, (mpmath.mpf, int)) and (
                            (value > 0 and sampler.open_above) or (value < 0 and sampler.open_below)
                        ):
                            moved[symbol], changed = value * scale, True  # an integer stays an integer
                    if changed:
                        far.append(moved)
    return far


TIGHT_BASES = 2  # the checked points a strict inequality is also tested from, at its likeliest places of equality


def _tight_points(domain, kept, shown) -> list:
    """The first checked points with the real numbers they show set to 0, one at a time and all together, and with
    each two of one kind set equal: where a strict inequality is most often met with equality (x^2 > 0 at
    x = 0, e^{-||q - k||^2} < 1 at q = k), which random points never hit.

    Only values a sampler can draw are used (0 for a number that may be 0); the stated conditions are
    checked at each point as at the sampled ones.
    """
    zeroable, kinds = [], {}
    for symbol, sampler in domain.samplers.items():
        if symbol not in shown or symbol in domain.fixed:
            continue
        entries = sampler.entries if isinstance(sampler, (dom.Vector, dom.Matrix)) else sampler
        if isinstance(entries, dom.Interval) and not entries.positive and _holds_zero(entries):
            zeroable.append(symbol)
        if isinstance(sampler, (dom.Interval, dom.Vector, dom.Matrix)):
            kinds.setdefault(sampler, []).append(symbol)
    groups = [[symbol] for symbol in zeroable] + ([zeroable] if len(zeroable) > 1 else [])
    pairs = [(a, b) for same in kinds.values() for n, a in enumerate(same) for b in same[n + 1 :]]
    tight = []
    for point in kept[:TIGHT_BASES]:
        for group in groups:
            moved = dom.Point(point)
            for symbol in group:
                moved[symbol] = _zero_like(point[symbol])
            tight.append(moved)
        for a, b in pairs:
            if a in point and b in point and _same_shape(point[a], point[b]):
                moved = dom.Point(point)
                moved[b] = point[a]
                tight.append(moved)
    return tight


def _holds_zero(interval) -> bool:
    """Whether 0 lies in the interval's box (its ends may be written as text, '0.001')."""
    return mpmath.mpf(str(interval.low)) <= 0 <= mpmath.mpf(str(interval.high))


def _zero_like(value):
    if isinstance(value, mpmath.matrix):
        return mpmath.zeros(value.rows, value.cols)
    if isinstance(value, list):
        return [mpmath.mpf(0) for _ in value]
    return mpmath.mpf(0)


def _same_shape(a, b) -> bool:
    if isinstance(a, mpmath.matrix) or isinstance(b, mpmath.matrix):
        return isinstance(a, mpmath.matrix) and isinstance(b, mpmath.matrix) and (a.rows, a.cols) == (b.rows, b.cols)
    if isinstance(a, list) or isinstance(b, list):
        return isinstance(a, list) and isinstance(b, list) and len(a) == len(b)
    return True


def _shows_any_size(reading, domain, shown) -> bool:
    """Whether the sides show a size that stands for any size (n bounding a sum, \\binom{n}{8}), with no joint law
    of several outcomes, whose values at 13 each multiply past what can be summed in time."""
    return not reading.joint_laws and any(
        isinstance(sampler, dom.Dimension) and sampler.open_above and symbol in shown
        for symbol, sampler in domain.samplers.items()
    )


LARGER_SIZES = (8, 13)  # sizes beyond the sampled 1..6 where an inequality about any size is checked too
LARGER_SIZE_POINTS = 5  # the fewest a domain draws


def _larger_sizes(reading, domain) -> list:
    """Points at larger sizes for the dimensions that stand for any size (n, a sum's bound): an inequality
    such as \\sum_{i=1}^n x_i^2 \\le 5 \\max_i x_i^2 holds for n <= 5 and fails from n = 6 on, and an identity
    with a term such as \\binom{n}{8} holds up to n = 7."""
    open_sizes = {s: v for s, v in domain.samplers.items() if isinstance(v, dom.Dimension) and v.open_above}
    if not open_sizes or any(isinstance(v, dom.Dimension) and not v.open_above for v in domain.samplers.values()):
        return []
    if getattr(reading, "small", False):
        return []  # an inverse or determinant at size 13 would take minutes
    larger = domain.with_(
        samplers={
            s: (dom.Dimension(LARGER_SIZES, v.symbol_text) if s in open_sizes else v)
            for s, v in domain.samplers.items()
        },
        points=LARGER_SIZE_POINTS,
    )
    try:
        return _points(larger, reading.text + " at larger sizes", reading.conditions, reading.dry)[:LARGER_SIZE_POINTS]
    except (DecideError, DeriveError):
        return []


def _piecewise(value) -> bool:
    """Whether a side is built with a function that is not analytic (|x|, max, clip, a rounding)."""
    try:
        return sp.sympify(value).has(*PIECEWISE)
    except (sp.SympifyError, TypeError, AttributeError):
        return False


def _searched_points(reading, domain, tightest, values_at, shown, sampled) -> list:
    """Where a local search for the least slack of the inequality links ends, from the tightest checked points; none
    where a side is written out by SymPy at each point (a probability by quadrature), whose cost the search would
    multiply by a hundred."""
    from derive.docs.operations import comparisons_hold

    if reading.dry.flags.get(ROUNDING) or not tightest:
        return []  # a rounding's jumps are no slope to follow
    if not by_plan(values_at(tightest[0][2]), tightest[0][2]):
        return []
    flags = reading.dry.flags

    def gap(point):
        if reading.conditions.comparisons and not comparisons_hold(
            reading.reader(_dims(domain, point), flags), reading.conditions.comparisons, point, _evaluate
        ):
            return None
        try:
            values = values_at(point)
            evaluated, singular = _evaluate_sides(values, point, shown, why_needed=False)
        except (DecideError, NeedsConcrete, ArithmeticError, ValueError, TypeError):
            return None
        return None if singular is not None else slack(reading.relations, evaluated)

    return descend(domain, [(point, value) for value, _, point in tightest], shown, gap, budget(sampled))


class _SidesAtSizes:
    """The sides as read at a point's sizes, and the reader that read them: each size read once, by its key."""

    def __init__(self, reading, domain):
        self.reading, self.domain = reading, domain
        self.sides: dict = {}
        self.readers: dict = {}
        # (the sides, their reader as reading left it, the reader, the dry run's flags and indices it started from)
        # when reading them never looked at the sizes
        self._unsized = None

    def key(self, point) -> tuple:
        """The point's sizes, as the key the sides and readers are kept under."""
        return tuple(_dims(self.domain, point).items())  # in the domain's order of symbols, the same at every point

    def __call__(self, point) -> list:
        """The sides read at the point's sizes."""
        key = self.key(point)
        if key not in self.sides:
            started = _Unsized((), dict(self.reading.dry.flags), dict(self.reading.dry.index_map))
            interp = self.reading.reader(_dims(self.domain, point), self.reading.dry.flags)
            # read at other sizes without looking at them, nor since, in the values checked there: the same sides here
            if self._unsized is not None and not self._unsized[2].read_sizes:
                sides, kept, _, _ = self._unsized
                interp.adopt_reading(kept)
                self.sides[key] = list(sides)
            else:
                self.sides[key] = [interp.side(side) for side in self.reading.sides]
                if self._unsized is None and not interp.read_sizes:
                    # kept as reading left it: checking the points may change the reader
                    kept = self.reading.reader(_dims(self.domain, point), self.reading.dry.flags)
                    kept.adopt_reading(interp)
                    self._unsized = (list(self.sides[key]), kept, interp, started)
            self.readers[key] = interp
        return self.sides[key]

    def unsized(self):
        """The sides read without looking at the sizes, nor since, with the dry run's flags and indices their reader
        started from (an :class:`_Unsized`); None where every reading looked at them."""
        if self._unsized is None or self._unsized[2].read_sizes:
            return None
        sides, _, _, started = self._unsized
        return dataclasses.replace(started, sides=tuple(sides))


@dataclasses.dataclass(frozen=True)
class _Unsized:
    """Sides read without looking at the sizes, and the dry run's flags and indices their reader started from: read
    at no sizes from the same flags and indices, they are the same."""

    sides: tuple
    flags: dict
    index_map: dict


def _dims(domain, point) -> dict:
    """The point's sizes: the values of the symbols the domain draws as dimensions."""
    return {s: point[s] for s, v in domain.samplers.items() if isinstance(v, dom.Dimension) and s in point}


def _far_refutation(reading, domain, kept, values_at, shown, tolerances, piecewise=False, searched=()):
    """A FAIL at a point beyond the sampled box where an inequality, or an identity built with |x|, max or clip,
    is clearly violated, or None.

    An analytic identity that holds on the box holds beyond it (and its rounding at large values is no
    counterexample): only inequalities and, when a side is piecewise (clip(x, -5, 5) = x holds on [-3, 3]),
    identities are checked there, and only a violation larger than rounding counts: e^{-x^2} > 0 stays true
    at x = 300, where its slack is below the working precision.
    """
    flags = reading.dry.flags
    strict = any(relation in ("<", ">") for relation in reading.relations)
    inequality = any(relation in INEQUALITIES for relation in reading.relations)
    far = _far_points(domain, kept) + (_larger_sizes(reading, domain) if inequality else [])
    # a rounding's value at its jumps is no convention, and is left to its own rule (_passed)
    jumps = piecewise and "=" in reading.relations and not flags.get(ROUNDING)
    tight = _tight_points(domain, kept, shown) if strict or jumps else []
    return _refutation_at(reading, domain, far + tight + list(searched), values_at, shown, tolerances, piecewise, tight)


def _refutation_at(reading, domain, points, values_at, shown, tolerances, piecewise=True, tight=()):
    """A FAIL at the first of the points where a link is clearly violated, or None; an identity's links are checked
    only where ``piecewise`` (points beyond the box, where an analytic identity's rounding is no counterexample), and
    a part only at the ``tight`` points is a jump (UNKNOWN)."""
    from derive.docs.links import _check_relation, _Link
    from derive.docs.operations import comparisons_hold
    from derive.numeric import holds

    flags = reading.dry.flags
    tight_ids = {id(point) for point in tight}
    for point in points:
        at_tight_point = id(point) in tight_ids
        try:
            values = values_at(point)
        except (DecideError, DeriveError, NeedsConcrete, ArithmeticError, ValueError, TypeError):
            continue
        if reading.conditions.comparisons and not comparisons_hold(
            reading.reader(_dims(domain, point), flags), reading.conditions.comparisons, point, _evaluate
        ):
            continue
        try:
            evaluated, singular = _evaluate_sides(values, point, shown)
        except (DecideError, NeedsConcrete, ArithmeticError, ValueError, TypeError):
            continue
        if singular:
            continue
        for number, relation in enumerate(reading.relations):
            a, b = evaluated[number], evaluated[number + 1]
            checked = relation in INEQUALITIES or (piecewise and relation == "=")
            if not checked or not isinstance(a, mpmath.mpf) or not isinstance(b, mpmath.mpf):
                continue
            ok, violation = holds(relation, a, b)
            # where a strict bound is met exactly (e^0 < 1 at q = k) the sides are equal, not rounded apart
            met = at_tight_point and relation in ("<", ">") and a == b
            if ok or (violation <= CLEAR_VIOLATION and not met):
                continue
            if at_tight_point and relation == "=":
                # sign(x) = 1 for x >= 0, -1 below: the sides part only where a piece jumps, where authors differ
                raise DecideError(f"{JUMP_ONLY}{_at(point, shown)}")
            reader = values_at.readers[values_at.key(point)]
            link = _Link(number, relation, (values[number], values[number + 1]), (a, b), point, reader)
            refutation = _check_relation(reading, link, shown, tolerances)
            if refutation is not None and not changes_with_precision(values, evaluated, point):
                return refutation
    return None


def _passed(reading, constant, checked, outside, tolerances, unsized=None) -> Verdict:
    """The PASS and its evidence: exact arithmetic, a symbolic proof, or the numeric check; ``unsized``, the sides as
    read without looking at the sizes (:meth:`_SidesAtSizes.unsized`), are the sides the proof reads."""
    evidence, how = "numeric", f"numeric evidence: holds at all {checked} points{outside}"
    if constant:
        evidence, how = "exact", "arithmetic checks"
    elif all(r == "=" for r in reading.relations) and not any(tolerances):
        proved = _try_prove(reading.sides, reading.relations, reading.interpreter, reading.dry, reading.vocab, unsized)
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


def _refuted_whatever_the_functions(reading, values_at, point, evaluated, shown, refused):
    """A FAIL when a formula refused for one choice of the functions nothing defines (r_i, W^*(\\theta); untagged, f in
    d/dθ(f(θ) + λθ²/2), read generic) has two sides that differ by the same amount for other generic choices too
    (derive.docs.unchosen_functions), else None. Untagged, the functions it does not depend on are its ``unmoved``."""
    untagged = reading.scope is not None
    if (untagged and not reading.scope.generic) or not isinstance(refused, ArbitraryRefusal):
        return None
    found = gap_whatever_the_functions(reading, values_at, point, evaluated, shown, refused.names)
    if found is None:
        return None
    first, second, gap, varied = found
    if untagged and not _writes(reading.sides[first], varied) and not _writes(reading.sides[second], varied):
        return None  # 2x + 2 = 2(x + 2) after dg/dx: a link the functions are not in, read as the chain reads it
    names = ", ".join(varied)
    return Verdict(
        FAIL,
        f"{names} not bound; read as any function, {_written(reading.sides[first])} and"
        f" {_written(reading.sides[second])} differ by {mpmath.nstr(gap, 12)}{_at(point, shown)} for each of four"
        f" generic choices of {names}: no choice solves the formula ({refused})",
        unmoved=frozenset(varied) if untagged else frozenset(),
    )


def _writes(side, names) -> bool:
    """Whether a side writes one of the names (a function applied or differentiated)."""
    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in

    return any(atom.key in names for atom in atoms_in([side], child_sides))


def _rounded_figures(tolerances) -> bool:
    """Whether a side is a figure written with decimals or read as rounded (0.31, 2602): a rounding, not a value."""
    return any(
        digits is not None and (isinstance(digits, RoundedWhole) or any(places != 0 for places in digits))
        for digits in tolerances
    )


def _positive_symbols(reading) -> set:
    """The symbols of the formula's own names of a positive kind (σ, a probability, a count)."""
    return {
        symbol
        for key, symbol in reading.extra.items()
        if reading.scope.free.get(key) in ("positive", "small", "probability", "count")
    }


def _written(side) -> str:
    """A side as the formula writes it, quoted."""
    return f"'{(side.written or side.source).strip()}'"


def _checked_ranges(points, shown) -> str:
    """``gamma in [-0.97, 0.95]; ``: the range of each number drawn at the points checked."""
    ranges = []
    for symbol in (s for s in shown if isinstance(s, sp.Symbol)):
        values = [point[symbol] for point in points if symbol in point]
        if values and all(isinstance(v, (mpmath.mpf, int)) for v in values):
            ranges.append(f"{symbol} in [{mpmath.nstr(min(values), 3)}, {mpmath.nstr(max(values), 3)}]")
    # sorted as text: two symbols of one name (a count n and a real n) keep one order in every process
    return "".join(f"{text}; " for text in sorted(ranges))


# str() of a SymPy object, remembered: SymPy's printer is slow, and the same symbols are named at every check
_printed = dom._name


def _used_symbols(values, domain) -> set:
    """The sampled symbols (scalars, vectors, dimensions) that the interpreted sides mention."""
    names = set()
    for value in values:
        value = as_value(value) if isinstance(value, Vec) and isinstance(value.size, sp.Integer) else value
        if isinstance(value, Vec):  # symbolic size: the dimension and the vector's base
            names |= {_printed(value.size), _printed(value.base)} if value.base is not None else {_printed(value.size)}
            continue
        try:
            expr = sp.sympify(value)
        except (sp.SympifyError, TypeError):
            return set(domain.samplers)
        names |= {_printed(s) for s in expr.free_symbols} | {_printed(e.base.label) for e in expr.atoms(sp.Indexed)}
        names |= {_printed(a) for a in expr.atoms(sp.IndexedBase)}
    return {symbol for symbol in domain.samplers if _printed(symbol) in names}


def _points(domain, seed, conditions, dry, undrawn=frozenset()):
    """The points a formula is checked at: drawn as they are read where every point is drawn alike (most
    checks decide long before the spare points drawn for them), else all at once; the vectors of ``undrawn``
    made values only where they are read (see :meth:`derive.domain.Domain.iter_points`)."""
    if not conditions:
        if domain.draws_alike:
            return dom.DrawnPoints(domain.iter_points(seed, DIGITS, max(MIN_POINTS, domain.points), undrawn))
        return domain.sample_points(seed, DIGITS)[: max(MIN_POINTS, domain.points)]
    wanted = max(MIN_POINTS, domain.points)
    chosen = []
    larger = domain.with_(points=wanted * 8)
    candidates = (
        larger.iter_points(seed, DIGITS, undrawn=undrawn) if domain.draws_alike else larger.sample_points(seed, DIGITS)
    )
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


def _unnamed_vectors(reading, shown) -> frozenset:
    """The shared notation's vectors and probability vectors (p, q, z, x, y, g) that the formula, its tag and its
    read values never name: drawn for every formula read in the shared notation, they are read by none of its checks."""
    if reading.vocab.name:
        return frozenset()
    tag = repr(reading.binding)  # every text the tag holds: its clauses, definitions, kinds and conditions
    return frozenset(
        symbol
        for symbol, sampler in _shared_vectors()
        if reading.domain.samplers.get(symbol) == sampler
        and symbol not in shown
        and symbol not in reading.domain.fixed
        and symbol not in reading.extra_samplers
        and not _mentions(reading.text, _printed(symbol))
        and not _mentions(tag, _printed(symbol))
    )


def _mentions(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` outside a longer word or command, alone or with a subscript (z, z_i, \\mathbf{z})."""
    return bool(re.search(rf"(?<![\\A-Za-z]){re.escape(name)}(?![A-Za-z])", text))


@functools.cache
def _shared_vectors() -> tuple:
    """(symbol, sampler) of each vector and probability vector of the shared notation."""
    from derive.docs.bind import generic_vocab

    samplers = generic_vocab().domain.samplers.items()
    return tuple((s, v) for s, v in samplers if isinstance(v, (dom.Vector, dom.ProbabilityVector)))


def _try_prove(sides, relations, interpreter, dry, vocab, unsized=None):
    from derive.symbolic import Assumptions, prove_zero

    try:
        if unsized is not None and unsized.flags == dry.flags and unsized.index_map == dry.index_map:
            values = list(unsized.sides)  # read without looking at the sizes: the same read at none
        else:
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
            verdict = prove_zero(values[link] - values[link + 1], assumptions, budget=PROOF_SECONDS, steps=PROOF_STEPS)
            if not verdict.proved:
                return None
            reason = verdict.method
        return reason
    except (NeedsConcrete, DeriveError, TypeError, ValueError, AttributeError, NotImplementedError):
        return None


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
    if reading.realised:  # the noise drawn for the result's random variables, and what their definitions use
        shown |= _used_symbols([defined(value) for value in reading.dry_values], domain)
    if any(
        not isinstance(sampler, dom.Dimension) and getattr(sampler, "size", None) is not None
        for symbol, sampler in domain.samplers.items()
        if symbol in shown
    ):
        shown |= {symbol for symbol, sampler in domain.samplers.items() if isinstance(sampler, dom.Dimension)}
    # a dimension the tag declares (n: dimension) is the document's own name: a counterexample states it
    shown |= {s for s in reading.vocab.dims.values() if _printed(s).startswith("doc_") and s in domain.samplers}
    # so is a whole number from a set the tag lists (k \in \{1, 2, 3\}) that the formula writes, though the values
    # read without symbols hold it as a number
    shown |= {
        symbol
        for symbol, sampler in domain.samplers.items()
        if isinstance(sampler, dom.Dimension)
        and not sampler.open_above
        and _printed(symbol).startswith("doc_")
        and _writes_name(reading.text, _printed(symbol).removeprefix("doc_"))
    }
    # Var(\frac{1}{n}\sum_{i=1}^n X_i): a size the formula writes, though the values hold none of its symbols
    if not any(isinstance(domain.samplers.get(symbol), dom.Dimension) for symbol in shown):
        shown |= {
            symbol
            for name, symbol in reading.vocab.dims.items()
            if isinstance(domain.samplers.get(symbol), dom.Dimension)
            and (not shown or _writes_name(reading.text, str(name).removeprefix("doc_")))
        }
        # \sum_{i=1}^{n} 1 = n + 1 untagged: the count the sum runs up to is instantiated in the values themselves
        shown |= {
            symbol
            for symbol, sampler in domain.samplers.items()
            if isinstance(sampler, dom.Dimension) and _writes_name(reading.text, str(symbol))
        }
    # (1 + x)^n: the n written is the formula's own number; a default size of the same name is not shown beside it
    numbers = {_printed(symbol) for symbol in shown if not isinstance(domain.samplers.get(symbol), dom.Dimension)}
    return {s for s in shown if not (isinstance(domain.samplers.get(s), dom.Dimension) and _printed(s) in numbers)}


def _writes_name(text: str, name: str) -> bool:
    """Whether ``text`` writes ``name`` as a name of its own (n, d, d_k), not inside a longer word or command."""
    base, _, label = name.partition("_")
    spelled = re.escape(base) + (rf"_\{{?\s*{re.escape(label)}" if label else r"(?![A-Za-z_])")
    return bool(re.search(rf"(?<![\\A-Za-z]){spelled}", text))
