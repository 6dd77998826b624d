"""Numeric evaluation of a SymPy expression at a sampled point, at high precision.

The expression is instantiated at the point's dimensions and indices (so every Σ
has concrete bounds and every ∂ a concrete variable), expanded, and evaluated with
the point's values as 60-digit floats. This checks steps; the final statement is
also compared with an independent oracle that never goes through SymPy.
"""

from __future__ import annotations

from functools import lru_cache

import mpmath
import sympy as sp

from derive.compile import COMPARISONS, Fallback, canonical_form, environment, held_integers
from derive.compile import run as run_plan
from derive.domain import Point
from derive.limits import dominant_limit
from derive.mpmath_functions import MPMATH_FUNCTIONS
from derive.notation import unfold

__all__ = [
    "NumericError",
    "REQUIRED_DIGITS",
    "WORKING_DIGITS",
    "evaluate",
    "evaluate_with_path",
    "expand_finite_sums",
    "holds",
    "instantiated_value",
    "relative_error",
    "symbolic_value",
]

WORKING_DIGITS = 60  # precision of every numeric evaluation
REQUIRED_DIGITS = 50  # agreement required for a numeric check to pass


class NumericError(Exception):
    """An expression that has no finite real value at a point."""


def substitution(point: Point, dps: int) -> dict:
    """The SymPy replacement map for a point: integers, floats, vector components, matrices."""
    mapping = {}
    for symbol, value in point.items():
        if isinstance(value, bool):
            raise NumericError(f"{symbol} has a boolean value")
        if isinstance(value, int):
            mapping[symbol] = sp.Integer(value)
        elif isinstance(value, list):
            for position, component in enumerate(value, start=1):
                mapping[symbol[position]] = sp.Float(component, dps)
        elif isinstance(value, mpmath.matrix) and isinstance(symbol, sp.IndexedBase):
            # entries A_{rc} of an indexed matrix, 1-based like vector components
            for row in range(value.rows):
                for col in range(value.cols):
                    mapping[symbol[row + 1, col + 1]] = sp.Float(value[row, col], dps)
        elif isinstance(value, mpmath.matrix):
            mapping[symbol] = sp.ImmutableMatrix(value.rows, value.cols, [sp.Float(v, dps) for v in value])
        else:
            mapping[symbol] = sp.Float(value, dps)
    return mapping


def _integers_first(mapping: dict, expr=None) -> tuple[dict, dict]:
    # dimensions and indices; a vector component equal to 0 (SymPy makes Float(0) an Integer)
    # stays with the reals, since unfolding a definition may bring in more components, and so does
    # a variable a derivative is taken by, drawn at a whole number: ∂/∂w is taken before w = 1 is put in
    varied = set() if expr is None else {v for d in expr.atoms(sp.Derivative) for v in d.variables}
    ints = {
        s: v
        for s, v in mapping.items()
        if isinstance(v, sp.Integer) and not isinstance(s, sp.Indexed) and s not in varied
    }
    return ints, {s: v for s, v in mapping.items() if s not in ints}


INSTANTIATED = "instantiated"  # the path of an evaluation that wrote the expression out at the point


def evaluate(expr, point: Point, dps: int = WORKING_DIGITS):
    """The value of ``expr`` at ``point``: an mpf, or an mpmath matrix for a matrix expression."""
    return evaluate_with_path(expr, point, dps)[1]


def evaluate_with_path(
    expr, point: Point, dps: int = WORKING_DIGITS, env: dict | None = None, guard: int = 20
) -> tuple:
    """(path, value): the value by the expression's compiled plan (:mod:`derive.compile`), run
    ``guard`` digits above ``dps``, where it has one, else by instantiating it at the point
    (:data:`INSTANTIATED`)."""
    if _draw_what_it_names(expr, point):
        env = None  # the environment was made without them
    try:
        compiled = run_plan(expr, point, environment(point) if env is None else env, dps, guard)
    except Fallback:
        compiled = None
    if compiled is not None:
        return compiled
    return INSTANTIATED, _instantiated_value(expr, point, dps)


def _draw_what_it_names(expr, point: Point) -> bool:
    """Make the values of ``point`` drawn without them (:attr:`Point.undrawn`) that ``expr`` names; whether any was
    made. The caller that left them undrawn found nothing that names them: this keeps a value that does from staying
    a symbol."""
    has = getattr(expr, "has", None)
    undrawn = getattr(point, "undrawn", {})
    pending = [symbol for symbol in undrawn if symbol not in point] if has else []
    named = [symbol for symbol in pending if has(symbol)]
    for symbol in named:
        point[symbol]  # noqa: B018  (reading it makes it: Point.__missing__)
    return bool(named)


def instantiated_value(expr, point: Point, dps: int = WORKING_DIGITS):
    """The value of ``expr`` at ``point`` with its sums written out and its derivatives taken by SymPy."""
    _draw_what_it_names(expr, point)
    return _instantiated_value(expr, point, dps)


def _instantiated_value(expr, point: Point, dps: int):
    """:func:`instantiated_value` at a point that holds every value ``expr`` names."""
    mapping = substitution(point, dps)
    ints, rest = _integers_first(mapping, expr)
    concrete = _instantiate(canonical_form(expr), _held(expr, ints))
    value = _run(concrete, rest, dps)
    if value is not None:
        return value
    concrete = _exact_at(concrete, ints, rest)
    if isinstance(concrete, sp.MatrixBase):
        with mpmath.workdps(dps):
            return mpmath.matrix([[_to_mpf(entry, dps) for entry in row] for row in concrete.tolist()])
    return _to_mpf(concrete, dps)


def _exact_at(concrete, ints: dict, rest: dict):
    """The instantiated ``concrete`` with the point's other values put in and carried out by SymPy (limits exactly)."""
    # a matrix symbol's shape holds dimensions: look its value up under the instantiated shape
    rest = {(s.xreplace(ints) if isinstance(s, sp.MatrixSymbol) else s): v for s, v in rest.items()}
    try:  # putting the values in already orders a max or min's arguments
        concrete = concrete.xreplace(rest)
        if (bound := _fractional_bound(concrete)) is not None:
            raise NumericError(f"a sum or product with the bound {sp.N(bound, 6)}, which is not a whole number")
        concrete = exact_limits(concrete).doit()
    except ValueError as exc:  # SymPy's max or min of a value that is not real (max(1 - sqrt(-2), 0)): no order
        if concrete.has(sp.Max, sp.Min) and "comparable" in str(exc):
            raise NumericError(f"not real: a max or min of a value that is not real ({exc})") from exc
        if concrete.has(sp.Sum, sp.Product):  # SymPy's summation gave up inside (hyperexpand's index shifts)
            raise NumericError(f"SymPy could not carry out a sum or product at this point ({exc})") from exc
        raise
    if isinstance(concrete, sp.MatrixExpr):  # e.g. a zero matrix of concrete shape
        concrete = concrete.as_explicit()
    return concrete


def symbolic_value(expr, point: Point, dps: int = WORKING_DIGITS):
    """``expr`` at ``point`` as SymPy leaves it, before it becomes a number: ``oo`` for a limit that diverges there."""
    mapping = substitution(point, dps)
    ints, rest = _integers_first(mapping, expr)
    concrete = _instantiate(canonical_form(expr), _held(expr, ints))
    return _exact_at(concrete, ints, rest)


def _held(expr, ints: dict) -> tuple:
    """The key of an instantiation: the point's integers the expression holds, in order."""
    return held_integers(expr, tuple(sorted(ints.items(), key=lambda item: sp.default_sort_key(item[0]))))


@lru_cache(maxsize=8192)
def _instantiate(canonical, ints: tuple):
    """``canonical`` (an expression in :func:`derive.compile.canonical_form`) at concrete dimensions and indices:
    sums written out, definitions unfolded, ∂ taken.

    Bound indices are renamed first (the canonical form) so that substituting j = 2 leaves Σ_j alone;
    dimensions are put in and finite sums written out before named functions unfold,
    so a definition sees concrete sizes and indices. Cached: points that share the
    integers it holds share this, the expensive symbolic part of an evaluation.
    """
    concrete = expand_finite_sums(canonical.xreplace(dict(ints)))
    return _doit_keeping_limits(_substitute_after_evaluating(expand_finite_sums(unfold(concrete, remember=True))))


def _doit_keeping_limits(expr):
    """``expr.doit()``, but each limit only inside: it is taken once the point's values are in,
    since its value may depend on their signs (lim e^{a/T} as T → 0⁺ is 0 or ∞)."""
    # a limit that holds no value of the point (lim t log t) is the same at every point and every size: taken once
    limits = expr.atoms(sp.Limit)
    expr = expr.xreplace({limit: _constant_limit(limit) for limit in limits if _is_constant(limit)})
    held = {limit: sp.Dummy() for limit in limits if not _is_constant(limit)}
    if not held:
        return expr.doit()
    done = expr.xreplace(held).doit()
    return done.xreplace({d: limit.func(limit.args[0].doit(), *limit.args[1:]) for limit, d in held.items()})


def _is_constant(limit) -> bool:
    return not limit.free_symbols and not limit.has(sp.Float)


@lru_cache(maxsize=256)
def _constant_limit(limit):
    value = dominant_limit(limit)
    return limit.doit() if value is None else value


def exact_limits(expr):
    """``expr`` with the numbers inside each limit made exact: every Float the rational it stands for;
    then each limit that its dominant terms decide (:func:`derive.limits.dominant_limit`) replaced by its value.

    SymPy's ``limit`` turns the Floats it is given into rationals itself (``nsimplify``: a
    search for a simple closed form by integer relations, then the decimal digits), which
    cost more than the limit; the point's values are exact binary numbers, so they go in
    as such. The limit is then taken of the same function up to the last of the 60 digits.
    """

    def exact(limit):
        limit = limit.xreplace({number: sp.Rational(number) for number in limit.atoms(sp.Float)})
        value = dominant_limit(limit)
        return limit if value is None else value

    return expr.replace(lambda e: isinstance(e, sp.Limit), exact)


class _NotElementary(Exception):
    """A node the direct evaluator does not know; SymPy's own evaluation takes over."""


_FUNCTIONS = {
    **MPMATH_FUNCTIONS,
    sp.binomial: mpmath.binomial,
    sp.Heaviside: lambda x: mpmath.mpf(1) if x > 0 else (mpmath.mpf(0) if x < 0 else mpmath.mpf(1) / 2),
}


def _direct(expr, values: dict):
    """The value of a concrete expression, walking its tree with mpmath (no SymPy arithmetic)."""
    if expr.is_Number:
        if expr.is_Integer:
            return mpmath.mpf(int(expr))
        if expr.is_Rational:
            return mpmath.mpf(int(expr.p)) / int(expr.q)
        if expr.is_Float:
            return mpmath.mpf(expr._mpf_)
        raise _NotElementary(expr)
    if expr in values:
        return values[expr]
    if expr.is_Add:
        return mpmath.fsum(_direct(term, values) for term in expr.args)
    if expr.is_Mul:
        return mpmath.fprod(_direct(factor, values) for factor in expr.args)
    if expr.is_Pow:
        base, exponent = expr.args
        if exponent.is_Integer:
            return _direct(base, values) ** int(exponent)
        return mpmath.power(_direct(base, values), _direct(exponent, values))
    if expr is sp.pi:
        return +mpmath.pi
    if expr is sp.E:
        return mpmath.e()
    if expr is sp.EulerGamma:
        return +mpmath.euler
    if isinstance(expr, (sp.Max, sp.Min)):
        items = [_direct(a, values) for a in expr.args]
        return max(items) if isinstance(expr, sp.Max) else min(items)
    if isinstance(expr, sp.Piecewise):
        for value, condition in expr.args:
            if condition is sp.true or _truth(condition, values):
                return _direct(value, values)
        raise NumericError("no branch of a piecewise expression applies")
    function = _FUNCTIONS.get(expr.func)
    if function is not None:
        return function(*(_direct(a, values) for a in expr.args))
    raise _NotElementary(expr)


def _truth(condition, values) -> bool:
    if condition is sp.true:
        return True
    if condition is sp.false:
        return False
    if isinstance(condition, sp.And):
        return all(_truth(c, values) for c in condition.args)
    if isinstance(condition, sp.Or):
        return any(_truth(c, values) for c in condition.args)
    if isinstance(condition, sp.Not):
        return not _truth(condition.args[0], values)
    compare = COMPARISONS.get(type(condition))
    if compare is None:
        raise _NotElementary(condition)
    return compare(_direct(condition.lhs, values), _direct(condition.rhs, values))


def _run(concrete, values: dict, dps: int):
    """``concrete`` at the point's real values, 20 guard digits above ``dps``; None to let SymPy do it."""
    if isinstance(concrete, (sp.MatrixBase, sp.MatrixExpr)) or not isinstance(concrete, sp.Expr):
        return None
    with mpmath.workdps(dps + 20):
        numbers = {}
        for symbol, value in values.items():
            if isinstance(value, sp.Number):
                numbers[symbol] = mpmath.mpf(sp.Float(value, dps + 20)._mpf_)
        try:
            value = _direct(concrete, numbers)
        except _NotElementary:
            return None
        except ZeroDivisionError:
            raise NumericError("not finite: division by zero") from None
        except (ValueError, TypeError):
            return None
        if isinstance(value, mpmath.mpc):
            if abs(value.imag) > mpmath.mpf(10) ** (-dps + 5):
                raise NumericError(f"not real: {mpmath.nstr(value, 15)}")
            value = value.real
        if not isinstance(value, mpmath.mpf):
            return None
        if not mpmath.isfinite(value):
            raise NumericError(f"not finite: {value}")
    with mpmath.workdps(dps):
        return +value


def expand_finite_sums(expr):
    """Write out every Σ whose bounds are integers, term by term.

    SymPy's ``Sum.doit`` routes terms holding Kronecker deltas through δ-summation and
    Piecewise, which is slow and unnecessary once the bounds are concrete.
    """

    def write_out(total):
        *inner, (index, low, high) = total.limits  # the last limit is the outermost sum
        if not (low.is_Integer and high.is_Integer):
            return total
        body = sp.Sum(total.function, *inner) if inner else total.function
        return sp.Add(
            *(expand_finite_sums(body.xreplace({index: sp.Integer(v)})) for v in range(int(low), int(high) + 1))
        )

    return expr.replace(lambda e: isinstance(e, sp.Sum), write_out)


def _substitute_after_evaluating(expr):
    """Carry out each ``f|_{x=a}`` by evaluating f first (its Σ and ∂), then putting x = a.

    SymPy's own ``Subs.doit`` puts x = a before differentiating when x is a vector
    component that occurs only inside a Σ, and so loses it.
    """
    return expr.replace(
        lambda e: isinstance(e, sp.Subs),
        lambda e: e.expr.doit().xreplace(dict(zip(e.variables, e.point))),
    )


def _fractional_bound(value):
    """A bound of a sum or product in ``value`` that is a number but no whole number (Σ_{i=1}^{2.6}), else None:
    SymPy's doit recurses without end on some, and its evalf (even printing one) integrates, for a value no author means."""
    for total in value.atoms(sp.Sum, sp.Product):
        for _index, *bounds in total.limits:
            for bound in bounds:
                if bound.is_number and bound.is_finite and bound.is_real and bound.is_integer is False:
                    return bound
    return None


def _to_mpf(value, dps):
    value = sp.sympify(value).evalf(dps)
    if value.free_symbols or value.has(sp.Indexed):
        raise NumericError(f"still symbolic after substitution: {value}")
    if value.has(sp.nan, sp.zoo, sp.oo, -sp.oo):
        raise NumericError(f"not finite: {value}")
    real, imag = value.as_real_imag()
    if imag != 0 and abs(imag) > sp.Float(10) ** (-dps + 5):
        raise NumericError(f"not real: {value}")
    if real in (sp.nan, sp.zoo, sp.oo, -sp.oo):
        raise NumericError(f"not finite: {value}")
    with mpmath.workdps(dps):
        return mpmath.mpf(sp.Float(real, dps)._mpf_)


def relative_error(a, b) -> mpmath.mpf:
    """|a − b| / max(|a|, |b|, 1), entrywise maximum for matrices and lists."""
    if isinstance(a, (mpmath.matrix, list)) or isinstance(b, (mpmath.matrix, list)):
        left, right = _flat(a), _flat(b)
        if len(left) != len(right):
            return mpmath.inf
        return max((relative_error(u, v) for u, v in zip(left, right)), default=mpmath.mpf(0))
    a, b = mpmath.mpf(a), mpmath.mpf(b)
    return abs(a - b) / max(abs(a), abs(b), mpmath.mpf(1))


def _flat(value):
    if isinstance(value, mpmath.matrix):
        return [value[r, c] for r in range(value.rows) for c in range(value.cols)]
    if isinstance(value, list):
        return list(value)
    return [value]


def holds(relation: str, left, right, digits: int = REQUIRED_DIGITS) -> tuple[bool, mpmath.mpf]:
    """Whether ``left relation right`` holds numerically, and the size of the violation.

    For ``=`` the second value is the relative error; for an inequality it is the
    amount by which it is violated (0 when it holds with room to spare).
    """
    with mpmath.workdps(WORKING_DIGITS):
        return _holds(relation, left, right, _tolerance(digits))


@lru_cache(maxsize=8)
def _tolerance(digits: int) -> mpmath.mpf:
    """10^-digits at the working precision, computed once (every comparison of two values asks for it)."""
    with mpmath.workdps(WORKING_DIGITS):
        return mpmath.mpf(10) ** (-digits)


def _holds(relation, left, right, tolerance):
    if relation == "=":
        error = relative_error(left, right)
        return error <= tolerance, error
    a, b = mpmath.mpf(left), mpmath.mpf(right)
    scale = max(abs(a), abs(b), mpmath.mpf(1))
    slack = {"<=": b - a, ">=": a - b, "<": b - a, ">": a - b}[relation] / scale
    if relation in ("<", ">"):
        return slack > tolerance, max(-slack, mpmath.mpf(0))
    return slack >= -tolerance, max(-slack, mpmath.mpf(0))
