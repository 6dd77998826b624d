"""An untagged equation that states one piece of max, min or |x|, or where two pieces join: the values it is meant for.

An author writes the value of one piece of a piecewise function, or the point where two pieces
join, with the condition in the prose around it: ``\\exp(\\min(0, 1 - a/b)) = \\exp(1 - a/b)``
(for b < a: one side is the other with the min replaced by one of its arguments) and
``\\max(0, 1 - z)^2 = -4 z`` (the two pieces of the modified Huber loss, equal at z = -1 only).
Untagged, such an equation in numbers fails for most values and holds for the values meant, so
it is left undecided, with where it fails and where it holds:

* *one piece*: replacing each max, min and |x| of one side by one of its arguments (|x| by x or
  -x) gives the other side, and the sides agree at some sampled values;
* *a join*: in one variable, solving the equation finds isolated values where the sides meet and
  are not both 0 (sides that meet only where both vanish differ by a factor or a sign).

Anything else stays refuted: ``\\max(0, x) = x - 1`` (the sides never meet),
``\\max(0, x) = (x - |x|)/2`` (they meet at 0 only, where both vanish).
"""

from __future__ import annotations

import itertools

import mpmath
import sympy as sp

from derive.budgets import OutOfSteps, OutOfTime, step_budget, time_budget
from derive.docs.point_values import _evaluate_sides
from derive.docs.verdict import DecideError

PIECES = sp.Abs, sp.Max, sp.Min  # continuous pieces; a rounding, a sign or cases is left to the refutation
JUMPS = sp.Piecewise, sp.Heaviside, sp.sign, sp.floor, sp.ceiling
AGREE = mpmath.mpf(10) ** -20  # relative: sides this close agree at the point
# solving an equation in one variable for where its sides meet gets this many steps (objects kept, about two
# seconds of CPU): the same on every machine; the seconds only guard against a solve that keeps few objects
SOLVE_STEPS = 40_000
SOLVE_SECONDS = 10.0
PIECE_EQUATION = "as an equation between pieces of max, min or |x|"  # the reason's words, read by the untagged sweep
MOST_CHOICES = 64  # the most ways of replacing the pieces of a side by their arguments that are tried


def between_pieces(values) -> bool:
    """Whether a side is built with max, min or |x|, and none with a jump (a rounding, a sign, cases)."""
    found = False
    for value in values:
        try:
            expr = sp.sympify(value)
        except (sp.SympifyError, TypeError, AttributeError):
            return False
        if expr.has(*JUMPS):
            return False
        found = found or expr.has(*PIECES)
    return found


def refuse_if_a_piece_is_stated(reading, values, points, shown, refutation) -> None:
    """Raise DecideError when the refuted equation states one piece or a join (see the module); else return."""
    if not reading.relations or any(relation != "=" for relation in reading.relations):
        return
    meant = []
    for number in range(len(reading.relations)):
        left, right = values[number], values[number + 1]
        if _one_piece(left, right) and _agree_somewhere(values, number, points, shown):
            meant.append("one side is the other with a max, min or |x| replaced by one of its arguments")
            continue
        join = _join(left, right)
        if join is None:
            return  # this link states no piece: the refutation stands
        meant.append(join)
    raise DecideError(
        f"read as an identity it fails ({refutation.detail}), but {PIECE_EQUATION}"
        f" it holds for some values ({'; '.join(meant)}): it may state one piece, or where two join, for the values"
        " the text means; say which values are meant"
    )


def _agree_somewhere(values, number, points, shown) -> bool:
    for point in points:
        evaluated, singular = _evaluate_sides(values, point, shown, why_needed=False)
        if singular is not None:
            continue
        a, b = evaluated[number], evaluated[number + 1]
        if isinstance(a, mpmath.mpf) and isinstance(b, mpmath.mpf) and abs(a - b) <= AGREE * (1 + abs(a)):
            return True
    return False


def _one_piece(left, right) -> bool:
    """Whether replacing the pieces of one side by their arguments gives the other side exactly."""
    try:
        sides = sp.sympify(left), sp.sympify(right)
    except (sp.SympifyError, TypeError, AttributeError):
        return False
    for side, other in (sides, sides[::-1]):
        pieces = sorted(side.atoms(*PIECES), key=sp.default_sort_key)
        if not pieces or other.has(*PIECES):
            continue
        options = [(piece.args[0], -piece.args[0]) if isinstance(piece, sp.Abs) else piece.args for piece in pieces]
        for count, choice in enumerate(itertools.product(*options)):
            if count >= MOST_CHOICES:
                break
            replaced = side.xreplace(dict(zip(pieces, choice)))
            if sp.expand(replaced - other) == 0:
                return True
    return False


def _solved(equation, symbol):
    """The real solutions of ``equation = 0`` (a SymPy set), or None when solving runs out of its budget: out of steps,
    the same on any machine; out of time, recorded, so the formula's check gives up (derive.budgets.expiries)."""
    guard = counted = None
    try:
        with time_budget(SOLVE_SECONDS) as guard, step_budget(SOLVE_STEPS) as counted:
            return sp.solveset(equation, symbol, domain=sp.S.Reals)
    except (OutOfTime, OutOfSteps) as exc:
        if exc.budget not in (guard, counted):
            raise
        return None


def _join(left, right) -> str | None:
    """Where the sides of an equation in one real variable meet at isolated values at which they are not both 0,
    solved exactly (``\\max(0, 1 - z)^2 = -4 z`` at z = -1, where no sampled point shows it), or None."""
    try:
        difference = sp.sympify(left) - sp.sympify(right)
        if len(difference.free_symbols) != 1:
            return None
        (symbol,) = difference.free_symbols
        real = sp.Dummy(str(symbol), real=True)
        roots = _solved(difference.subs(symbol, real).rewrite(sp.Piecewise), real)
        if roots is None:
            return None
        if not isinstance(roots, sp.FiniteSet) or roots.is_empty or not all(r.is_real for r in roots):
            return None  # not solved, no value, or a whole interval (that is one piece, not a join)
        side = sp.sympify(left).subs(symbol, real).rewrite(sp.Piecewise)
        if all(sp.simplify(side.subs(real, root)) == 0 for root in roots):
            return None  # sides that agree only where both are 0 differ by a factor or a sign: no join
    except (sp.SympifyError, TypeError, ValueError, NotImplementedError, AttributeError):
        return None
    return f"the sides meet where {symbol} is in {roots}"
