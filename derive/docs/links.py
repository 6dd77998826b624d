"""The verdict on one link of a chain at one point (=, ≤, ≈, ∝), and the FAIL a refutation gives, or why not."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import mpmath
import sympy as sp

from derive import domain as dom
from derive.docs.arbitrary import only_at_numbers
from derive.docs.growing import growing_symbols, limit_refutation
from derive.docs.point_values import (
    FINER_DIGITS,
    STABLE_DIGITS,
    _at,
    _describe_value,
    _describe_values,
    _evaluate,
    _flat,
    _shape,
    relatively_stable,
)
from derive.docs.rounded_figures import printed_entry_digits, rounded_figures_meet
from derive.docs.verdict import FAIL, DecideError, Verdict
from derive.docs.written_digits import _approx, _is_approximation, _written_digits, written_coefficient
from derive.numeric import REQUIRED_DIGITS, holds


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
    ranges = {
        name: (s, point[domain.samplers[s].size] if domain.samplers[s].size in point else domain.samplers[s].size)
        for name, s in reading.dry.index_map.items()
        if isinstance(domain.samplers.get(s), dom.Index)
    }
    varied = _outcomes_before_the_bar(reading.sides[link.number]) & set(ranges)
    ranges = [ranges[name] for name in (varied or ranges)]
    ok, why = proportional(*link.values, *link.numbers, point, ranges, _evaluate)
    if ok:
        return None
    detail = f"{_link_text(reading.sides, link.number)} is not a proportionality{_at(point, shown)}: {why}"
    return _refuted(detail, link.reader, reading.binding, _particular_value(link, tolerances))


def _outcomes_before_the_bar(side) -> set:
    """The outcomes before the bar of a law's value written alone on the left of ∝ (text in p(text | speech), i in
    P(y = i | x)): the proportionality runs over their values, with the condition held; empty for any other side."""
    from derive.docs.bind import single_atom
    from derive.docs.joint_law import _outcome_name, law_parts

    atom = single_atom(side)
    read = law_parts(atom) if atom is not None and atom.args else None
    if read is None or read[1] == len(read[0]):
        return set()
    names = {_outcome_name(outcome if value is None else value) for outcome, value in read[0][: read[1]]}
    return set() if None in names else names


def _check_approximation(reading, link, shown, tolerances):
    """≈ (or = against written decimals): the exact value must round to the digits written."""
    literal = _written_digits(link, tolerances)
    growing = growing_symbols(reading, link.point) if reading.binding.large and link.relation == "~" else []
    if growing:  # n: large positive integer: ≈ holds in the limit (derive.docs.growing)
        why = limit_refutation(reading, link, growing, literal, _evaluate, _approx)
        if why is None:
            return None
        return _refuted(f"{_link_text(reading.sides, link.number)}: {why}", link.reader, reading.binding)
    if not literal:
        if _check_relation(reading, replace(link, relation="="), shown, tolerances) is None:
            return None  # the sides are equal here (D' ≈ D at R_D = 0): ≈ holds wherever = does
        return _check_written_coefficient(reading, link)
    ok, why = _approx(*link.numbers, literal, approximate=link.relation == "~")
    if ok:
        return None
    return _refuted(
        f"{_link_text(reading.sides, link.number)}: {why}" + _at(link.point, shown),
        link.reader,
        reading.binding,
        _particular_value(link, tolerances),
    )


def _check_written_coefficient(reading, link):
    """≈ between two expressions the same but for a figure the later writes (\\sqrt{128} B D ≈ 11.3 B D): the figure
    must be the exact coefficient rounded to its digits; any other two expressions are an approximation not read."""
    found = written_coefficient(reading.sides[link.number], reading.sides[link.number + 1])
    if found is None:
        raise DecideError("≈ between two expressions: no written digits set the tolerance")
    exact, figure, decimals = found
    if _approx(exact, figure, [decimals], approximate=True)[0]:
        return None
    return _refuted(
        f"{_link_text(reading.sides, link.number)}: the first side is {mpmath.nstr(exact, 10)} times the later's"
        f" product, which {mpmath.nstr(figure, 10)} does not give to {decimals} decimals",
        link.reader,
        reading.binding,
    )


def _check_relation(reading, link, shown, tolerances):
    """=, ≤, <, ≥, >, compared at the point; "= 0" against a vector or matrix means its zero."""
    a, b = link.numbers
    written_zero = link.relation == "=" and (  # "= 0" written for a zero vector or matrix (not "0 < p": no order)
        (not _shape(a) and a == 0 and (tolerances[link.number] or _bold_zero(reading.sides[link.number])))
        or (not _shape(b) and b == 0 and (tolerances[link.number + 1] or _bold_zero(reading.sides[link.number + 1])))
    )
    if _shape(a) != _shape(b) and written_zero:
        zero_shape = _shape(a) or _shape(b)
        a = a if _shape(a) else mpmath.zeros(*zero_shape)
        b = b if _shape(b) else mpmath.zeros(*zero_shape)
    outer = _outer_product_against_number(reading, link, a, b) if link.relation == "=" else None
    if outer is not None:
        return _refuted(
            f"{_link_text(reading.sides, link.number)}: a number is never a {outer}x{outer} matrix"
            f"{_at(link.point, shown)}: left = {_describe_value(a)}, right = {_describe_value(b)}",
            link.reader,
            reading.binding,
        )
    if _shape(a) != _shape(b):
        # a vector against a number: the checker's reading of the notation, not the claim, is in doubt
        raise DecideError(
            f"{_link_text(reading.sides, link.number)}: the sides come out with shapes {_shape(a)} and {_shape(b)}"
            " as read; cannot compare them"
        )
    ok, _ = holds(link.relation, a, b)
    if _below_precision(link.relation, link.values, a, b, ok, link.point) or rounded_figures_meet(reading, link):
        return None
    _within_printed_entries(reading, link, a, b, ok)
    left, right = _describe_values(a, b)
    return _refuted(
        f"{_link_text(reading.sides, link.number)} {_relation_word(link.relation)}{_at(link.point, shown)}:"
        f" left = {left}, right = {right}",
        link.reader,
        reading.binding,
        _particular_value(link, tolerances),
    )


VECTOR = r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*[A-Za-z]\s*\}|[A-Za-z])"
TRANSPOSE = r"\^\s*(?:\{\s*)?(?:\\top|T|\\intercal)(?:\s*\})?"
OUTER_PRODUCT = re.compile(rf"^\s*{VECTOR}\s*{VECTOR}\s*{TRANSPOSE}\s*$")


def _outer_product_against_number(reading, link, a, b) -> int | None:
    """The number of rows of a side written u v^\\top, a column times a row, that comes out a square matrix of 2 rows
    or more against a number on the other side: the two are never equal, however the notation is read beyond that.
    None for any other pair of sides."""
    if sorted((len(_shape(a)), len(_shape(b)))) != [0, 2]:
        return None
    k = link.number + (1 if _shape(b) else 0)
    rows, cols = _shape(a) or _shape(b)
    written = reading.sides[k].written or reading.sides[k].source
    return rows if rows == cols >= 2 and OUTER_PRODUCT.match(written) else None


def _within_printed_entries(reading, link, a, b, ok) -> None:
    """A DecideError when an equation fails only by what the roundings printed in a matrix or vector written out on its
    later side could make (each entry within 10^{1-k} of the other side's, relatively, for figures of k significant
    digits): those roundings are not modelled, so the link is left undecided rather than refuted."""
    digits = printed_entry_digits(reading.sides[link.number + 1]) if link.relation == "=" and not ok else None
    if digits is None:
        return
    left, right = _flat(a), _flat(b)
    near = mpmath.mpf(10) ** (1 - digits)
    if len(left) == len(right) and all(abs(u - v) <= near * max(abs(u), abs(v)) for u, v in zip(left, right)):
        raise DecideError(
            f"{_link_text(reading.sides, link.number)}: the later side prints figures of {digits} significant digits"
            " in a matrix or vector written out; they are roundings, and the equation is off by no more than they"
            " could make it"
        )


def _bold_zero(side) -> bool:
    """Whether the side is written \\mathbf{0} (\\boldsymbol{0}, \\vec{0}): the zero vector or matrix."""
    from derive.docs.nodes import Atom
    from derive.docs.parse import ParseError, parse_latex

    try:
        expr = parse_latex(side.text)
    except ParseError:
        return False
    node = side.node(expr) if isinstance(expr, sp.Symbol) else None
    return isinstance(node, Atom) and node.key == "0" and not node.sub and not node.args


def _below_precision(relation, values, a, b, ok, point) -> bool:
    """Whether an inequality whose two sides are both below the precision of the numeric check holds: decided
    exactly between constants (e^{-200} < 10^{-60}, \\sin(\\pi) \\ge 10^{-70}), by the sides' values computed
    again at twice the precision when both keep their leading digits there and lie apart, left undecided with the
    reason when two different values of expressions still seem to violate it; ``ok`` (the numeric check's answer)
    otherwise.

    The numeric check scales every slack by at least 1 so that rounding of terms near 1 is no counterexample;
    two different numbers both far below 1 then look equal, and a true strict bound would fail. Between
    expressions of the variables the rounding is not known from one precision, so such a point is no
    counterexample unless a finer one keeps both values; a side exactly zero, or two sides exactly equal, still
    decide by their values.
    """
    tolerance = mpmath.mpf(10) ** -REQUIRED_DIGITS
    if relation not in ("<", "<=", ">", ">=") or not all(isinstance(v, mpmath.mpf) for v in (a, b)):
        return ok
    if max(abs(a), abs(b)) >= 1 or abs(a - b) > tolerance:
        return ok
    left, right = values
    if not (sp.sympify(left).free_symbols or sp.sympify(right).free_symbols):
        compare = {"<": sp.StrictLessThan, "<=": sp.LessThan, ">": sp.StrictGreaterThan, ">=": sp.GreaterThan}
        try:
            return bool(compare[relation](left, right))
        except TypeError:  # SymPy cannot order them either: the numeric answer stands
            return ok
    if ok or a == b or a == 0 or b == 0:
        return ok
    finer = relatively_stable(values, (a, b), point)
    if finer is not None:
        low, high = finer
        with mpmath.workdps(FINER_DIGITS):
            if abs(low - high) > 2 * mpmath.mpf(10) ** -STABLE_DIGITS * max(abs(low), abs(high)):
                return {"<": low < high, "<=": low <= high, ">": low > high, ">=": low >= high}[relation]
    raise DecideError(
        f"both sides are below the precision of the numeric check (left = {_describe_value(a)}, right ="
        f" {_describe_value(b)}): their order is not decided numerically"
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
    return _worked_chain_drift(reading, link_values, numbers, point, reader, shown, tolerances)


def _worked_chain_drift(reading, link_values, numbers, point, reader, shown, tolerances):
    """A FAIL when a worked chain of arithmetic, A = B = ... = Z with Z written decimals, holds link by link only
    through the roundings its sides print: each link may round, but the chain claims A = Z, so A itself must round to
    Z's digits (0.5 log(5/3) printed 0.256 carries into a total of 0.088 where A is 0.0872)."""
    last = len(reading.relations)
    literal = tolerances[last]
    if last < 2 or not literal or any(relation not in ("=", "~") for relation in reading.relations):
        return None
    if not all(isinstance(n, mpmath.mpf) for n in (numbers[0], numbers[last])):
        return None
    if not all(isinstance(v, sp.Expr) and not v.free_symbols for v in (link_values[0], link_values[last])):
        return None
    if tolerances[0] or not _prints_roundings(reading.sides[1:last], tolerances[1:last]):
        return None
    ok, why = _approx(numbers[0], numbers[last], literal, approximate="~" in reading.relations)
    if ok:
        return None
    return _refuted(f"the first side against the last: {why}" + _at(point, shown), reader, reading.binding, True)


def _prints_roundings(sides, tolerances) -> bool:
    """Whether a side between the first and the last is a written rounding or prints rounded figures."""
    from derive.docs.rounded_figures import _figures

    return any(tolerance for tolerance in tolerances) or any(_figures(side) for side in sides)


def _particular_value(link, tolerances) -> bool:
    """Whether a side of the link is a written number (r_2 = 0.6)."""
    return tolerances[link.number] is not None or tolerances[link.number + 1] is not None


class ArbitraryRefusal(DecideError):
    """A refutation for one choice of the functions nothing defines, which the author may mean to be particular ones
    (``names``): no refutation of the formula, unless the sides differ alike for any choice of them."""

    def __init__(self, message: str, names=()):
        super().__init__(message)
        self.names = tuple(names)


def _refuted(detail, reader, binding, particular=False) -> Verdict:
    """A FAIL, unless it rests on a reading of the notation the author may not have meant (then UNKNOWN, with it)."""
    reused = sorted(set(reader.summed_names) & set(reader.index_map))
    if reused:  # Σ_i a_i + b_i: the author may mean the sum to run over both terms (derive.docs.sum_scope)
        raise DecideError(
            f"index {', '.join(reused)} is summed over in one place and free in another, as read;"
            f" if the sum covers the terms after it, bracket them ({detail})"
        )
    if reader.arbitrary:  # a refutation for one choice of the functions nothing defines
        chosen = "; ".join(description for description, _ in reader.arbitrary.values())
        undeclared = sorted(set(reader.arbitrary) - set(reader.declared_functions))
        # r_2 = 0.6 with a_{ij} arbitrary: a value of one particular function, not a claim for any function
        if particular and undeclared and only_at_numbers(reader):
            raise ArbitraryRefusal(
                f"{', '.join(undeclared)} {'is' if len(undeclared) == 1 else 'are'} not bound; the formula writes"
                " the value of a quantity taken at particular arguments only: a claim about a particular function,"
                f" which one arbitrary choice ({chosen}) does not refute; define {undeclared[0]} in the tag ({detail})",
                undeclared,
            )
        fixed = sorted(name for name, (_, may_fail) in reader.arbitrary.items() if not may_fail)
        if fixed:
            raise ArbitraryRefusal(
                f"{', '.join(fixed)} {'is' if len(fixed) == 1 else 'are'} not bound; read as arbitrary, the formula"
                f" fails for {chosen}: the author may mean a particular function; define it in the tag, or"
                f" declare '{fixed[0]}: function' if any function is meant ({detail})",
                fixed,
            )
        detail = f"{detail}; with {chosen} ({', '.join(sorted(reader.arbitrary))} left arbitrary: any function)"
    bare = sorted(getattr(reader, "bare_definitions", ()))
    if bare:  # d2l: "take a function f and compute df/dx", long after an example defined f(x)
        raise DecideError(
            f"{bare[0]} written bare in a derivative, read as the function defined earlier in the document, is refuted"
            f" ({detail}); the text may mean another function of that name"
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


def _relation_word(relation):
    return {"=": "fails", "<=": "is violated", ">=": "is violated", "<": "is violated", ">": "is violated"}.get(
        relation, "fails"
    )


def _link_text(sides, link):
    return f"link {link + 1}" if len(sides) > 2 else "the formula"
