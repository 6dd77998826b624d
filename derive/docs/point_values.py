"""A side's value at a sampled point, in 60-digit numbers, and how a point and a value are shown."""

from __future__ import annotations

import re

import mpmath
import sympy as sp

from derive import domain as dom
from derive.docs.bind import (
    DOCUMENT_PREFIX,
    Vec,
    as_value,
    scalarise,
)
from derive.docs.verdict import DIGITS, DecideError
from derive.notation import Notation, unfold
from derive.numeric import INSTANTIATED, NumericError, evaluate, evaluate_with_path

# SymPy's words for a value that is no number: a sum that diverges, a limit whose one-sided limits differ
NO_VALUE = re.compile(r"diverges|limit does not exist")


def _describe_value(value) -> str:
    if isinstance(value, mpmath.matrix):
        if value.rows * value.cols <= 9:
            rows = [
                "(" + ", ".join(mpmath.nstr(value[r, c], 8) for c in range(value.cols)) + ")" for r in range(value.rows)
            ]
            return "[" + ", ".join(rows) + "]"
        return f"<{value.rows}x{value.cols} matrix>"
    return mpmath.nstr(value, 12)


def _describe_values(left, right, digits: int = 12) -> tuple[str, str]:
    """Two values as a counterexample shows them: to ``digits`` digits, or to as many more as tell two numbers apart
    (σ(40) = 1 fails with 0.99999999999999999575 against 1.0, both 1.0 to 12 digits)."""
    shown = (
        (_describe_value(left), _describe_value(right))
        if digits == 12
        else (mpmath.nstr(left, digits), mpmath.nstr(right, digits))
    )
    if shown[0] != shown[1] or not (isinstance(left, mpmath.mpf) and isinstance(right, mpmath.mpf)):
        return shown
    for digits in range(20, DIGITS + 1, 10):
        shown = mpmath.nstr(left, digits), mpmath.nstr(right, digits)
        if shown[0] != shown[1]:
            break
    return shown


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


def _flat(value):
    if isinstance(value, mpmath.matrix):
        return [value[r, c] for r in range(value.rows) for c in range(value.cols)]
    return [value]


def _shape(value):
    return (value.rows, value.cols) if isinstance(value, mpmath.matrix) else ()


def _at(point, shown=None):
    """`` at n=2, x=0.3``: the point, limited to the symbols in ``shown`` when given, each under the name the
    document writes."""
    if shown is not None:
        point = dom.Point({s: v for s, v in point.items() if s in shown})
    text = dom.Point({_written_name(s, point): v for s, v in point.items()}).describe()
    return f" at {text}" if text else ""


def _written_name(symbol, point):
    """``symbol`` under the name the document writes: a name the tag declares (``doc_k``) as ``k``, unless the point
    also holds a symbol of that name."""
    name = str(symbol.label if isinstance(symbol, sp.IndexedBase) else symbol)
    written = name.removeprefix(DOCUMENT_PREFIX)
    if written == name or any(str(getattr(s, "label", s)) == written for s in point):
        return symbol
    return sp.IndexedBase(written) if isinstance(symbol, sp.IndexedBase) else sp.Symbol(written)


def _evaluate_sides(values, point, shown, why_needed=True):
    """(the sides' numbers, None), or (None, why) when a side has no finite real value at the point.

    ``why`` names the first side without a value. When the caller does not need it (``why_needed``
    false: an earlier point already gave the reason shown), a side without a quadrature or a limit
    is tried first, so a point where a cheap side has no value costs no quadrature; any other outcome
    than a missing value is decided again in the written order, so the result is the same.
    """
    if not why_needed and len(values) > 1:
        order = sorted(range(len(values)), key=lambda position: _costly(values[position]))
        if order != list(range(len(values))):
            try:
                evaluated = {position: _side_number(values[position], point) for position in order}
            except (NumericError, ZeroDivisionError, ValueError) as exc:
                if not isinstance(exc, ValueError) or NO_VALUE.search(str(exc)):
                    if "still symbolic" not in str(exc):
                        return None, ""
            except Exception:
                pass
            else:
                return [evaluated[position] for position in range(len(values))], None
    evaluated = []
    for position, value in enumerate(values):
        try:
            evaluated.append(_side_number(value, point))
        except (NumericError, ZeroDivisionError, ValueError) as exc:
            if isinstance(exc, ValueError) and not NO_VALUE.search(str(exc)):  # Σ β^τ at |β| ≥ 1: no value
                raise
            beyond = _entry_beyond(value, point) if "still symbolic" in str(exc) else None
            if beyond:  # \delta_{t+1} at t = n: the point lies outside where the formula is written
                return None, f"side {position + 1} writes {beyond}, past the last entry{_at(point, shown)}"
            if "still symbolic" in str(exc):  # the checker left a quantity without a value: no counterexample
                raise DecideError(f"side {position + 1} could not be given a value ({exc})"[:400]) from None
            return None, f"side {position + 1} has no finite real value{_at(point, shown)} ({exc})"
    return evaluated, None


def _entry_beyond(value, point) -> str:
    """The first entry of a sampled vector the value writes past its last (or before its first) entry at the point,
    as ``delta[3]``; empty when there is none."""
    value = scalarise(as_value(value))
    if isinstance(value, sp.Basic) and value.atoms(Notation):
        value = unfold(value)  # softmax(q)_k: the entries q_k and q_j its definition writes
    entries = value.atoms(sp.Indexed) if isinstance(value, sp.Basic) else set()
    if isinstance(value, sp.MatrixBase):
        entries = set().union(*(e.atoms(sp.Indexed) for e in value if isinstance(e, sp.Basic)))
    integers = {symbol: sp.Integer(number) for symbol, number in point.items() if isinstance(number, int)}
    picked = [(entry, sp.sympify(entry.indices[0]).xreplace(integers)) for entry in entries if len(entry.indices) == 1]
    for total in value.atoms(sp.Sum, sp.Product) if isinstance(value, sp.Basic) else ():
        # \sum_{j=1}^3 x_j over a vector of fewer entries: the entries at the sum's first and last index
        for variable, low, high in total.limits:
            ends = [sp.sympify(end).xreplace(integers) for end in (low, high)]
            if all(end.is_Integer for end in ends):
                picked += [
                    (entry, index.xreplace({variable: end}))
                    for entry, index in list(picked)
                    if variable in index.free_symbols
                    for end in ends
                ]
    for entry, index in sorted(picked, key=str):
        values = point.get(entry.base)
        if isinstance(values, list) and index.is_Integer and not 1 <= int(index) <= len(values):
            return f"{dom._name(entry.base).removeprefix('doc_')}[{index}]"
    return ""


def _side_number(value, point):
    number = _evaluate(value, point)
    if any(mpmath.isnan(x) or mpmath.isinf(x) for x in _flat(number)):
        raise NumericError("not finite")
    return number


FINER_DIGITS = 2 * DIGITS  # the precision a counterexample's values are computed at again
STABLE_DIGITS = DIGITS // 2  # the digits (relative to 1 or the value's size) they must keep there


def changes_with_precision(values, evaluated, point) -> bool:
    r"""Whether a side's value at the point changes when it is computed at twice the precision.

    Terms that cancel below the working digits leave rounding in place of the value: 1 - \sigma(x) at
    x = 185 is e^{-185}, so \log(1 - \sigma(x)) comes out wrong by far more than the check's tolerance,
    and such a point is no counterexample.
    """
    for value, number in zip(values, evaluated):
        try:
            value = scalarise(as_value(value))
            entries = list(value) if isinstance(value, sp.MatrixBase) else [value]
            finer = [x for entry in entries for x in _flat(evaluate(entry, point, FINER_DIGITS))]
        except Exception:  # no value at the finer precision (a quadrature short of it): nothing shown to change
            continue
        coarse = _flat(number)
        if len(finer) != len(coarse):
            continue
        with mpmath.workdps(FINER_DIGITS):
            for low, high in zip(coarse, finer):
                if not mpmath.isfinite(high) or abs(low - high) > mpmath.mpf(10) ** -STABLE_DIGITS * max(1, abs(high)):
                    return True
    return False


def relatively_stable(values, evaluated, point):
    r"""The sides' values at the point computed again at twice the precision, when each keeps its leading digits there
    relative to its own size, however small (e^{s_2 - 10^{10}} / (e^{s_1} + e^{s_2 - 10^{10}}), of size
    10^{-4342944819}); None when one changes, as rounding left in place of a value that cancelled does, or has none.
    """
    finer = []
    for value, number in zip(values, evaluated):
        try:
            high = evaluate(scalarise(as_value(value)), point, FINER_DIGITS)
        except Exception:  # no value at the finer precision: nothing shown to be kept
            return None
        if not isinstance(high, mpmath.mpf) or not isinstance(number, mpmath.mpf) or not mpmath.isfinite(high):
            return None
        with mpmath.workdps(FINER_DIGITS):
            if abs(number - high) > mpmath.mpf(10) ** -STABLE_DIGITS * abs(high):
                return None
        finer.append(high)
    return finer


COSTLY = ("IntegralValue", "Limit", "Sum", "Product")  # evaluated by quadrature, a limit or a loop at each point


def _costly(value) -> bool:
    """Whether a side's value holds a quadrature, a limit or a sum (a cheap side is tried first)."""
    value = as_value(value) if isinstance(value, Vec) else value
    if not isinstance(value, sp.Basic):
        return True
    return any(type(node).__name__ in COSTLY for node in sp.preorder_traversal(value))


def by_plan(values, point) -> bool:
    """Whether every side's value at the point is computed by a compiled plan, arithmetic in mpmath, and none is
    written out by SymPy (a quadrature, a law's expectation, a limit), which costs a hundred times more or beyond."""
    for value in values:
        try:
            value = scalarise(as_value(value))
            entries = list(value) if isinstance(value, sp.MatrixBase) else [value]
            if any(evaluate_with_path(entry, point, DIGITS)[0] == INSTANTIATED for entry in entries):
                return False
        except Exception:  # no value there by either path: nothing shows the side is cheap
            return False
    return True


def _is_constant(value) -> bool:
    value = as_value(value) if isinstance(value, Vec) and isinstance(value.size, sp.Integer) else value
    if isinstance(value, Vec):
        return False
    if isinstance(value, sp.MatrixBase):
        return all(_is_constant(e) for e in value)
    value = sp.sympify(value)
    return not value.free_symbols and not value.has(sp.Indexed) and not value.atoms(sp.MatrixSymbol)
