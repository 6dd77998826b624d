"""Evaluation plans: a SymPy expression compiled once into plain mpmath code, then run at every point.

Today's numeric path (:mod:`derive.numeric`) instantiates an expression at each point's
integers: every Σ written out term by term, every ∂ taken by SymPy on the written-out
tree. That costs far more than the arithmetic. A *plan* is the same expression compiled
once (per expression, and per integers only where a definition needs concrete sizes)
into nested Python closures over mpmath numbers:

* a Σ (or Π) is a loop over its index, reading the point's vector components;
  indices, bounds and Kronecker deltas are Python integers;
* a named function is unfolded to its definition before compiling;
* a derivative ∂f/∂x is taken by forward-mode automatic differentiation: f is run
  with x carrying a unit perturbation (a dual number; nested derivatives use
  distinct tags), so no symbolic derivative is formed at all;
* ``f|_{x=a}`` runs f with x bound to the value of a.

* a matrix expression (a product, sum or transpose of matrices given by the point or
  written entry by entry, a matrix notation of concrete shape) is computed as rows of
  numbers, and a function of a matrix declared outside SymPy (a rank) gets the
  explicit matrix of the computed entries.

* an expectation or variance under a model of independent families with sampled laws
  runs its body with each random variable an indeterminate, so the body's arithmetic builds
  its polynomial in numbers (:mod:`derive.random_polynomials`), whose expectation is taken
  from the sampled moments.

What the compiler does not know (limits, expectations under other laws, functions
outside its table) raises :class:`Unsupported` at compile
time, and a point where a plan meets something it cannot decide (an index out of
range, a value that is not finite or not real) raises :class:`Fallback`; in both
cases the caller evaluates the expression by today's path, so the value or the
error message is exactly that path's.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

import mpmath
import sympy as sp
from mpmath.libmp import fone, mpf_mul, mpf_pos

from derive.expectation import Independent
from derive.notation import Expectation, Notation, Variance, unfold
from derive.random_polynomials import Indeterminates, RandomPolynomial, expectation
from derive.symbolic import canonical_dummies


class Unsupported(Exception):
    """A node the compiler does not translate; the whole expression takes today's path."""


class NeedsIntegers(Unsupported):
    """A definition that unfolds only at concrete sizes: compile again with the point's integers put in."""


class Fallback(Exception):
    """A point where a plan cannot give today's answer; this point takes today's path."""


# --- dual numbers (forward-mode derivatives) ------------------------------------------

_tags = itertools.count(1)


class Dual:
    """a + b·ε_tag with ε² = 0; a and b may be duals of lower (older) tags."""

    __slots__ = ("tag", "a", "b")

    def __init__(self, tag, a, b):
        self.tag, self.a, self.b = tag, a, b

    def _split(self, other):
        """(tag, a, b, c, d): self = a + b ε, other = c + d ε in the newer tag of the two."""
        tag = self.tag
        if isinstance(other, Dual):
            if other.tag > tag:
                return other.tag, self, 0, other.a, other.b
            if other.tag == tag:
                return tag, self.a, self.b, other.a, other.b
        return tag, self.a, self.b, other, 0

    def __add__(self, other):
        tag, a, b, c, d = self._split(other)
        return Dual(tag, a + c, b + d)

    __radd__ = __add__

    def __sub__(self, other):
        tag, a, b, c, d = self._split(other)
        return Dual(tag, a - c, b - d)

    def __rsub__(self, other):
        tag, a, b, c, d = self._split(other)
        return Dual(tag, c - a, d - b)

    def __neg__(self):
        return Dual(self.tag, -self.a, -self.b)

    def __pos__(self):
        return self

    def __mul__(self, other):
        tag, a, b, c, d = self._split(other)
        return Dual(tag, a * c, a * d + b * c)

    __rmul__ = __mul__

    def __truediv__(self, other):
        tag, a, b, c, d = self._split(other)
        return Dual(tag, a / c, (b * c - a * d) / (c * c))

    def __rtruediv__(self, other):
        tag, a, b, c, d = self._split(other)
        return Dual(tag, c / a, (d * a - c * b) / (a * a))

    def __pow__(self, exponent):
        if isinstance(exponent, int):
            if exponent == 0:
                return mpmath.mpf(1)
            return Dual(self.tag, self.a**exponent, exponent * self.a ** (exponent - 1) * self.b)
        return _exp(_mul(exponent, _log(self)))

    def __rpow__(self, base):
        return _exp(_mul(self, _log(base)))

    def primal(self):
        value = self.a
        return value.primal() if isinstance(value, Dual) else value


def _primal(value):
    return value.primal() if isinstance(value, Dual) else value


def _lift(function, derivative):
    """A unary mpmath function extended to duals: f(a + b ε) = f(a) + f'(a) b ε."""

    def apply(x):
        if isinstance(x, Dual):
            return Dual(x.tag, apply(x.a), derivative(x.a) * x.b)
        return function(x)

    return apply


def _lift_by_value(function, derivative):
    """As :func:`_lift`, for a function whose derivative is written in its own value (exp: f' = f, tanh:
    f' = 1 − f²): f(a) is computed once, where :func:`_lift` would compute it again for f'(a)."""

    def apply(x):
        if isinstance(x, Dual):
            value = apply(x.a)
            return Dual(x.tag, value, derivative(value) * x.b)
        return function(x)

    return apply


def _mul(a, b):
    return a * b


_exp = _lift_by_value(mpmath.exp, lambda value: value)
_log = _lift(mpmath.log, lambda a: 1 / a)
_sin = _lift(mpmath.sin, lambda a: _cos(a))
_cos = _lift(mpmath.cos, lambda a: -_sin(a))
_tan = _lift_by_value(mpmath.tan, lambda value: 1 + value**2)
_sinh = _lift(mpmath.sinh, lambda a: _cosh(a))
_cosh = _lift(mpmath.cosh, lambda a: _sinh(a))
_tanh = _lift_by_value(mpmath.tanh, lambda value: 1 - value**2)
_atan = _lift(mpmath.atan, lambda a: 1 / (1 + a * a))
_asin = _lift(mpmath.asin, lambda a: _power(1 - a * a, mpmath.mpf(-1) / 2))
_acos = _lift(mpmath.acos, lambda a: -_power(1 - a * a, mpmath.mpf(-1) / 2))
_erf = _lift(mpmath.erf, lambda a: 2 / mpmath.sqrt(mpmath.pi) * _exp(-a * a))
_erfc = _lift(mpmath.erfc, lambda a: -2 / mpmath.sqrt(mpmath.pi) * _exp(-a * a))
_abs = _lift(abs, lambda a: _sign(a))
_sign = _lift(mpmath.sign, lambda a: 0)
_floor = _lift(mpmath.floor, lambda a: 0)
_ceil = _lift(mpmath.ceil, lambda a: 0)


def _heaviside(x):
    if isinstance(x, Dual):
        return _heaviside(x.a)
    return mpmath.mpf(1) if x > 0 else (mpmath.mpf(0) if x < 0 else mpmath.mpf(1) / 2)


def _no_duals(function):
    def apply(*args):
        if any(isinstance(a, Dual) for a in args):
            raise Fallback("no derivative rule")
        return function(*args)

    return apply


_FUNCTIONS = {
    sp.exp: _exp,
    sp.log: _log,
    sp.sin: _sin,
    sp.cos: _cos,
    sp.tan: _tan,
    sp.tanh: _tanh,
    sp.sinh: _sinh,
    sp.cosh: _cosh,
    sp.atan: _atan,
    sp.asin: _asin,
    sp.acos: _acos,
    sp.erf: _erf,
    sp.erfc: _erfc,
    sp.Abs: _abs,
    sp.sign: _sign,
    sp.floor: _floor,
    sp.ceiling: _ceil,
    sp.Heaviside: _heaviside,
    sp.factorial: _no_duals(mpmath.factorial),
    sp.binomial: _no_duals(mpmath.binomial),
    sp.gamma: _no_duals(mpmath.gamma),
    sp.loggamma: _no_duals(mpmath.loggamma),
    sp.zeta: _no_duals(mpmath.zeta),
}


def _power(base, exponent):
    if isinstance(base, Dual) or isinstance(exponent, Dual):
        if isinstance(exponent, Dual):
            return _exp(exponent * _log(base))
        return base**exponent if isinstance(exponent, int) else _exp(exponent * _log(base))
    return mpmath.power(base, exponent)


def _total(values):
    if any(isinstance(v, (Dual, RandomPolynomial)) for v in values):
        total = mpmath.mpf(0)
        for v in values:
            total = v + total
        return total
    return mpmath.fsum(values)


def _product(values):
    """The product of the values: of mpf values bit for bit ``mpmath.fprod``'s (the same roundings in
    the same order), without its per-call overhead."""
    prec, rounding = mpmath.mp._prec_rounding
    raw = fone
    for v in values:
        if type(v) is not _MPF:
            return _general_product(values)
        raw = mpf_mul(raw, v._mpf_, prec, rounding)
    product = _MPF.__new__(_MPF)
    product._mpf_ = mpf_pos(raw, prec, rounding)
    return product


_MPF = mpmath.mpf


def _general_product(values):
    if any(isinstance(v, (Dual, RandomPolynomial)) for v in values):
        total = mpmath.mpf(1)
        for v in values:
            total = v * total
        return total
    return mpmath.fprod(values)


# --- compiling ---------------------------------------------------------------------


def _integer(value):
    if type(value) is not int:
        raise Fallback("an index or bound that is not an integer")
    return value


def _compile_int(expr):
    """A function env → int for an index expression (index, bound, dimension arithmetic)."""
    if expr.is_Integer:
        constant = int(expr)
        return lambda env: constant
    if isinstance(expr, sp.Symbol):

        def lookup(env, symbol=expr):
            try:
                return _integer(env[symbol])
            except KeyError:
                raise Fallback(f"{symbol} has no value") from None

        return lookup
    if expr.is_Add:
        parts = [_compile_int(a) for a in expr.args]
        return lambda env: sum(p(env) for p in parts)
    if expr.is_Mul:
        parts = [_compile_int(a) for a in expr.args]

        def multiply(env):
            out = 1
            for p in parts:
                out *= p(env)
            return out

        return multiply
    if expr.is_Pow and expr.exp.is_Integer and expr.exp >= 0:
        base, exponent = _compile_int(expr.base), int(expr.exp)
        return lambda env: base(env) ** exponent
    raise Unsupported(f"index expression {type(expr).__name__}")


def _number(value):
    if type(value) is int:
        return mpmath.mpf(value)
    if isinstance(value, (mpmath.mpf, Dual, RandomPolynomial)):
        return value
    raise Fallback("a value that is not a real number")


def _compile_condition(condition):
    if condition is sp.true:
        return lambda env: True
    if condition is sp.false:
        return lambda env: False
    if isinstance(condition, (sp.And, sp.Or)):
        parts = [_compile_condition(c) for c in condition.args]
        combine = all if isinstance(condition, sp.And) else any
        return lambda env: combine(p(env) for p in parts)
    if isinstance(condition, sp.Not):
        inner = _compile_condition(condition.args[0])
        return lambda env: not inner(env)
    compare = COMPARISONS.get(type(condition))
    if compare is None:
        raise Unsupported(f"condition {type(condition).__name__}")
    left, right = _compile(condition.lhs), _compile(condition.rhs)
    return lambda env: compare(_primal(left(env)), _primal(right(env)))


COMPARISONS = {  # a SymPy relation's class -> the comparison it makes on numbers
    sp.StrictLessThan: lambda a, b: a < b,
    sp.LessThan: lambda a, b: a <= b,
    sp.StrictGreaterThan: lambda a, b: a > b,
    sp.GreaterThan: lambda a, b: a >= b,
    sp.Equality: lambda a, b: a == b,
    sp.Unequality: lambda a, b: a != b,
}


_MEMO = object()  # the key of a run's memo of loop values in the environment


def _dependencies(expr) -> tuple:
    """Every symbol and vector name ``expr`` may read (bound indices too: harmless in a key)."""
    return tuple(sorted(expr.atoms(sp.Symbol, sp.IndexedBase), key=sp.default_sort_key))


def _compile_loop(expr, combine):
    """Σ or Π over its limits (the last limit outermost), as loops over Python integers.

    A loop's value is remembered for the rest of the run under the values of what it
    reads, so Σ_k e^{z_k} inside Σ_j is summed once, not n times. Vectors are keyed by
    identity (a derivative's perturbed copy is another vector), and the memo keeps them
    alive, so an identity is never reused within a run.
    """
    _bound.extend(index for index, _, _ in expr.limits)
    try:
        body = _compile(expr.function)
    finally:
        del _bound[-len(expr.limits) :]
    limits = [(index, _compile_int(low), _compile_int(high)) for index, low, high in expr.limits]
    reads = _dependencies(expr)
    # a body that does not hold the innermost index has one value for all its terms: computed once and
    # combined as often as the loop runs (the same numbers, so the same rounding). `has`, not free
    # symbols: a derivative does not list its variables (∂σ_i/∂z_j reads j)
    invariant = not expr.function.has(expr.limits[0][0])

    def remembered(env):
        memo = env.get(_MEMO)
        if memo is None:
            return loop(env)
        held = tuple(env.get(symbol, _MISSING) for symbol in reads)
        key = (run, tuple(id(v) if isinstance(v, (list, Dual)) else (type(v), v) for v in held))
        found = memo.get(key)
        if found is None:
            found = memo[key] = (loop(env), held)
        return found[0]

    def loop(env):
        values = []

        def nest(level):
            index, low, high = limits[level]
            saved = env.get(index, _MISSING)
            first, last = low(env), high(env)
            if level == 0 and invariant:
                if last >= first:
                    env[index] = first
                    values.extend([body(env)] * (last - first + 1))
            else:
                for value in range(first, last + 1):
                    env[index] = value
                    if level == 0:
                        values.append(body(env))
                    else:
                        nest(level - 1)
            if saved is _MISSING:
                env.pop(index, None)
            else:
                env[index] = saved

        nest(len(limits) - 1)
        return combine(values)

    run = remembered
    return run


_MISSING = object()
_bound: list = []  # the indices of the loops around the node being compiled, outermost first


def _compile_indexed(expr):
    base = expr.base
    positions = [_compile_int(index) for index in expr.indices]

    def lookup(env):
        try:
            container = env[base]
        except KeyError:
            raise Fallback(f"{base} has no value") from None
        value = container
        for position in positions:
            place = position(env)
            if not isinstance(value, list) or not 1 <= place <= len(value):
                raise Fallback("a component outside the point's vector")
            value = value[place - 1]
        return _number(value)

    return lookup


def _binder(variable):
    """A function (env, new env, value) that binds ``variable`` (a symbol or a component) in the new env."""
    if isinstance(variable, sp.Symbol):

        def bind(env, into, value):
            into[variable] = value

        return bind
    if isinstance(variable, sp.Indexed):
        base, positions = variable.base, [_compile_int(index) for index in variable.indices]

        def bind_component(env, into, value):
            places = [p(env) for p in positions]
            container = env.get(base)
            if not isinstance(container, list):
                raise Fallback(f"{base} has no value")
            copy = list(container)
            into[base] = copy
            inner = copy
            for depth, place in enumerate(places):
                if not isinstance(inner, list) or not 1 <= place <= len(inner):
                    raise Fallback("a component outside the point's vector")
                if depth == len(places) - 1:
                    inner[place - 1] = value
                else:
                    inner[place - 1] = list(inner[place - 1])
                    inner = inner[place - 1]

        return bind_component
    raise Unsupported(f"variable {type(variable).__name__}")


def _current(variable):
    if isinstance(variable, sp.Indexed):
        return _compile_indexed(variable)
    if isinstance(variable, sp.Symbol):
        return _compile(variable)
    raise Unsupported(f"variable {type(variable).__name__}")


def _compile_derivative(expr):
    """∂ⁿf/∂x… by forward mode: each variable in turn carries a unit perturbation of a fresh tag."""
    function = _compile(expr.expr)
    for variable, count in expr.variable_count:
        if not int(count) >= 1:
            raise Unsupported("derivative of symbolic order")
        for _ in range(int(count)):
            function = _differentiate(function, variable)
    return function


def _differentiate(function, variable):
    """∂f/∂variable at a run's environment.

    Within a run, the perturbed copy of the variable (and its tag) is made once per
    context (the enclosing derivative, the variable's current value and position), so
    in Σ_i ∂f_i/∂x_j every term sees the same perturbed vector and the loops of f that
    do not read i (a mean, a variance) are memoized once instead of once per term.
    """
    bind, current, where = _binder(variable), _current(variable), _whereabouts(variable)

    def run(env):
        memo = env.get(_MEMO)
        found = None
        if memo is not None:
            identity, alive = where(env)
            key = (run, env.get(_CONTEXT), identity)
            found = memo.get(key)
        if found is None:
            tag = next(_tags)
            bound = {}
            bind(env, bound, Dual(tag, current(env), mpmath.mpf(1)))
            if memo is not None:
                memo[key] = (tag, bound, alive)  # what the key's ids name stays alive for the run
        else:
            tag, bound, _ = found
        seeded = {**env, **bound, _CONTEXT: tag}
        value = function(seeded)
        return value.b if isinstance(value, Dual) and value.tag == tag else mpmath.mpf(0)

    return run


_CONTEXT = object()  # the key of the innermost derivative's tag in a run's environment


def _identity(value):
    return id(value) if isinstance(value, (list, Dual)) else (type(value), value)


def _whereabouts(variable):
    """A function env → (hashable identity of what ``variable`` names now, the objects whose ids it holds)."""
    if isinstance(variable, sp.Symbol):

        def symbol_now(env):
            value = env.get(variable, _MISSING)
            return _identity(value), value

        return symbol_now
    base, positions = variable.base, [_compile_int(index) for index in variable.indices]

    def component_now(env):
        container = env.get(base, _MISSING)
        return (id(container), tuple(p(env) for p in positions)), container

    return component_now


def _compile_subs(expr):
    function = _compile(expr.expr)
    binders = [(_binder(v), _compile(a)) for v, a in zip(expr.variables, expr.point)]

    def run(env):
        inner = dict(env)
        for bind, value in binders:
            bind(env, inner, value(env))
        return function(inner)

    return run


HUGE_INTEGER_BITS = 4096  # an integer longer than this is rounded to the working precision when it is used
EXACT_FLOAT_BITS = 53  # an integer this short is exact at every precision; a longer one is built at the run's


def _compile(expr):
    """A function env → mpf (or dual) computing ``expr``; a :class:`MatrixValue` for a matrix expression."""
    if isinstance(expr, (sp.MatrixExpr, sp.MatrixBase)):
        return _compile_matrix(expr)
    if expr.is_Number:
        if expr.is_Integer:
            whole = int(expr)
            if whole.bit_length() > HUGE_INTEGER_BITS:
                # mpmath converts an int exactly, stripping trailing zero bits a byte at a time: quadratic in its size
                return lambda env: mpmath.mpf(mpmath.libmp.from_int(whole, mpmath.mp.prec, "n"))
            if whole.bit_length() > EXACT_FLOAT_BITS:  # built now, it would be rounded to the precision of the moment
                return lambda env: mpmath.mpf(whole)
            constant = mpmath.mpf(whole)
            return lambda env: constant
        if expr.is_Rational:
            p, q = int(expr.p), int(expr.q)
            return lambda env: mpmath.mpf(p) / q
        if expr.is_Float:
            constant = mpmath.mpf(expr._mpf_)
            return lambda env: constant
        raise Unsupported(f"number {expr}")
    if isinstance(expr, sp.Symbol):

        def lookup(env, symbol=expr):
            try:
                return _number(env[symbol])
            except KeyError:
                raise Fallback(f"{symbol} has no value") from None

        return lookup
    if isinstance(expr, sp.Indexed):
        return _compile_indexed(expr)
    if expr.is_Add:
        parts = [_compile(a) for a in expr.args]
        return lambda env: _total([p(env) for p in parts])
    if expr.is_Mul:
        parts = [_compile(a) for a in expr.args]
        return lambda env: _product([p(env) for p in parts])
    if expr.is_Pow:
        base = _compile(expr.base)
        if expr.exp.is_Integer:
            exponent = int(expr.exp)
            return lambda env: base(env) ** exponent
        exponent_of = _compile(expr.exp)
        return lambda env: _power(base(env), exponent_of(env))
    if expr is sp.pi:
        return lambda env: +mpmath.pi
    if expr is sp.E:
        return lambda env: mpmath.e()
    if expr is sp.EulerGamma:
        return lambda env: +mpmath.euler
    if isinstance(expr, sp.KroneckerDelta):
        left, right = _compile_int(expr.args[0]), _compile_int(expr.args[1])
        return lambda env: mpmath.mpf(1) if left(env) == right(env) else mpmath.mpf(0)
    if isinstance(expr, sp.Sum):
        return _compile_loop(expr, _total)
    if isinstance(expr, sp.Product):
        return _compile_loop(expr, _product)
    if isinstance(expr, sp.Derivative):
        return _compile_derivative(expr)
    if isinstance(expr, sp.Subs):
        return _compile_subs(expr)
    if isinstance(expr, (sp.Max, sp.Min)):
        parts = [_compile(a) for a in expr.args]
        pick = max if isinstance(expr, sp.Max) else min
        return lambda env: pick((p(env) for p in parts), key=_primal)
    if isinstance(expr, sp.Piecewise):
        branches = [(_compile(value), _compile_condition(condition)) for value, condition in expr.args]

        def piecewise(env):
            for value, condition in branches:
                if condition(env):
                    return value(env)
            raise Fallback("no branch of a piecewise expression applies")

        return piecewise
    function = _FUNCTIONS.get(expr.func)
    if function is not None:
        parts = [_compile(a) for a in expr.args]
        return lambda env: function(*(p(env) for p in parts))
    if _evaluates_itself(expr):
        return _compile_self_evaluating(expr)
    if _sampled_expectation(expr):
        return _compile_expectation(expr)
    raise Unsupported(f"{type(expr).__name__}")


def _sampled_expectation(expr) -> bool:
    """Whether ``expr`` is 𝔼[·] or Var(·) under a model of independent families with sampled laws."""
    return isinstance(expr, (Expectation, Variance)) and isinstance(expr.args[1], Independent)


def _compile_expectation(expr):
    """𝔼[body] or Var(body) under independent families: the body run with every random variable an indeterminate
    (:mod:`derive.random_polynomials`), and the expectation of its polynomial taken from the sampled moments of
    each family's law (Var as 𝔼[X²] − 𝔼[X]², as the model defines it)."""
    body, model = expr.args
    run_body = _compile(body)
    laws = {str(family): (law.symbol, law.atoms_count) for family, law in model.families.items()}
    variance = isinstance(expr, Variance)

    def evaluate(env):
        scope = dict(env)
        for family in model.families:
            name = str(family)
            scope[family] = (
                Indeterminates(name) if isinstance(family, sp.IndexedBase) else RandomPolynomial.variable((name, 0))
            )
        value = run_body(scope)
        found: dict = {}

        def moment(variable, power):
            family = variable[0]  # every variable of a family has its law
            if (family, power) not in found:
                symbol, atoms = laws[family]
                sample = env.get(symbol)
                if not isinstance(sample, list) or len(sample) != 2 * atoms:
                    raise Fallback(f"{symbol} has no sampled law")
                support, weights = sample[:atoms], sample[atoms:]
                found[family, power] = mpmath.fsum(w * s**power for s, w in zip(support, weights))
            return found[family, power]

        if variance:
            return expectation(value * value, moment) - expectation(value, moment) ** 2
        return expectation(value, moment)

    return evaluate


class MatrixValue:
    """A matrix in a plan: its rows, each a list of numbers (mpf or duals)."""

    __slots__ = ("rows",)

    def __init__(self, rows: list):
        self.rows = rows

    @property
    def shape(self) -> tuple:
        return len(self.rows), len(self.rows[0]) if self.rows else 0


def _compile_matrix(expr):
    """A function env → :class:`MatrixValue` computing the matrix expression ``expr``."""
    if isinstance(expr, sp.MatrixSymbol):
        return _compile_matrix_symbol(expr)
    if isinstance(expr, sp.MatrixBase):
        entries = [[_compile(entry) for entry in row] for row in expr.tolist()]
        return lambda env: MatrixValue([[entry(env) for entry in row] for row in entries])
    if isinstance(expr, sp.MatMul):
        return _compile_matrix_product(expr)
    if isinstance(expr, sp.MatAdd):
        terms = [_compile_matrix(term) for term in expr.args]
        return lambda env: _matrix_sum([term(env) for term in terms])
    if isinstance(expr, sp.Transpose):
        inner = _compile_matrix(expr.arg)
        return lambda env: MatrixValue([list(column) for column in zip(*inner(env).rows)])
    if isinstance(expr, (sp.ZeroMatrix, sp.Identity)):
        rows, cols = (_compile_int(size) for size in expr.shape)
        diagonal = _MPF(1) if isinstance(expr, sp.Identity) else _MPF(0)

        def constant(env):
            return MatrixValue([[diagonal if a == b else _MPF(0) for b in range(cols(env))] for a in range(rows(env))])

        return constant
    if type(expr).__module__.startswith("sympy.") or not all(size.is_Integer for size in expr.shape):
        raise Unsupported(f"matrix {type(expr).__name__}")
    # a matrix notation of concrete shape declared outside SymPy (a rotation R(θ)): its entries as written
    return _compile_matrix(expr.as_explicit())


def _compile_matrix_symbol(symbol):
    """The point's matrix for ``symbol``, checked against the symbol's shape."""
    rows, cols = (_compile_int(size) for size in symbol.shape)

    def lookup(env):
        value = env.get(symbol)
        if not isinstance(value, list) or not all(isinstance(row, list) for row in value):
            raise Fallback(f"{symbol} has no matrix value")
        if len(value) != rows(env) or any(len(row) != cols(env) for row in value):
            raise Fallback(f"{symbol} has a matrix of another shape")
        return MatrixValue([[_number(entry) for entry in row] for row in value])

    return lookup


def _compile_matrix_product(expr):
    """A product of scalars and matrices: the matrices multiplied left to right, then scaled."""
    scalars = [_compile(factor) for factor in expr.args if not factor.is_Matrix]
    matrices = [_compile_matrix(factor) for factor in expr.args if factor.is_Matrix]

    def product(env):
        value = matrices[0](env)
        for factor in matrices[1:]:
            value = _matrix_product(value, factor(env))
        if scalars:
            scale = _product([scalar(env) for scalar in scalars])
            value = MatrixValue([[scale * entry for entry in row] for row in value.rows])
        return value

    return product


def _matrix_product(left: MatrixValue, right: MatrixValue) -> MatrixValue:
    if left.shape[1] != right.shape[0]:
        raise Fallback("matrices of shapes that do not multiply")
    columns = list(zip(*right.rows))
    return MatrixValue([[_total([a * b for a, b in zip(row, column)]) for column in columns] for row in left.rows])


def _matrix_sum(terms: list) -> MatrixValue:
    if len({term.shape for term in terms}) != 1:
        raise Fallback("matrices of different shapes added")
    return MatrixValue([[_total(list(entries)) for entries in zip(*rows)] for rows in zip(*(t.rows for t in terms))])


def _sympy_number(value, digits: int):
    """A plan's value as the SymPy number (or explicit matrix of numbers) that instantiating would give."""
    if isinstance(value, MatrixValue):
        return sp.ImmutableMatrix([[sp.Float(entry, digits) for entry in row] for row in value.rows])
    return sp.Float(value, digits)


def _evaluates_itself(expr) -> bool:
    """Whether ``expr`` is a function declared outside SymPy that computes its own value in ``eval``
    once its arguments are numbers (a maximum of |v_t| at a concrete length, a singular value)."""
    cls = type(expr)
    return (
        isinstance(expr, sp.Function)
        and not isinstance(expr, Notation)
        and "eval" in vars(cls)
        and not cls.__module__.startswith("sympy.")
    )


def _compile_self_evaluating(expr):
    """Such a function at numeric arguments: its own ``eval`` gives the value, as it does when instantiated.

    Arguments that are not numbers yet (a vector, a size) need the point's integers put
    in first, where ``eval`` writes the function out.
    """
    try:
        parts = [_compiled_argument(a) for a in expr.args]
    except Unsupported:
        return _compile_per_loop_indices(expr)
    func = expr.func

    def evaluate(env):
        values = [p(env) for p in parts]
        if any(isinstance(v, Dual) for v in values):
            raise Fallback("no derivative rule")
        digits = env[_DIGITS]  # the working digits of the run, as the instantiated numbers have
        value = func(*(_sympy_number(v, digits) for v in values))
        if value.is_Float:
            return mpmath.mpf(value._mpf_)
        if value.is_Rational:
            return mpmath.mpf(int(value.p)) / int(value.q)
        raise Fallback(f"{type(expr).__name__} left unevaluated")

    return evaluate


def _compiled_argument(arg):
    """An argument compiled; outside every loop, once per process for arguments equal up to the names of
    their Σ's indices (the entries of σ_k(M − BA), written out again with fresh indices for each k)."""
    if _bound:
        return _compile(arg)
    return _compiled_alone(canonical_dummies(arg))


@lru_cache(maxsize=8192)
def _compiled_alone(arg):
    return _compile(arg)


def _compile_per_loop_indices(expr):
    """Such a function whose arguments do not compile as they stand (a matrix given by its entries,
    a position that is a loop's index): compiled again for each value of the loops' indices it
    holds, with those values put in, as instantiating it at the point would (σ_k(M) inside Σ_k).

    Only loop indices are put in at run time; a size still symbolic asks for the point's integers.
    """
    indices = [index for index in dict.fromkeys(_bound) if index in expr.free_symbols]
    integers = {s for s in expr.free_symbols if isinstance(s, sp.Symbol) and s.is_integer}
    if not indices or not integers <= set(indices):
        raise NeedsIntegers(f"{type(expr).__name__} at symbolic arguments")
    reads = [_compile_int(index) for index in indices]
    indices = tuple(indices)

    def evaluate(env):
        run = _compiled_at_loop_indices(expr, indices, tuple(read(env) for read in reads))
        if run is _UNSUPPORTED:
            raise Fallback(f"{type(expr).__name__} does not compile at these indices")
        return run(env)

    return evaluate


@lru_cache(maxsize=4096)
def _compiled_at_loop_indices(expr, indices: tuple, values: tuple):
    """``expr`` with its loop indices put in, compiled: once per process for each node and values of its
    indices, so the plans of points that differ only in their other integers share it."""
    concrete = expr.xreplace({index: sp.Integer(v) for index, v in zip(indices, values)})
    return _compiled_at_indices(concrete) if concrete != expr else _UNSUPPORTED


@lru_cache(maxsize=4096)
def _compiled_at_indices(concrete):
    """``concrete`` (a node with its loop indices put in, so no free integer is left) compiled: the same
    node met again, in another step or at another point with these sizes, is compiled once."""
    try:
        return _compile(_unfolded(concrete))
    except (Unsupported, RecursionError, ValueError, TypeError, AttributeError, NotImplementedError):
        return _UNSUPPORTED


def _UNSUPPORTED(env):  # the marker of a node that does not compile at some loop indices
    raise Fallback("not compiled")


_DIGITS = object()  # the key of a run's working digits (without guard digits) in its environment


def _unfolded(expr):
    """``expr`` with every named function replaced by its definition, where a definition may be used symbolically;
    an expectation under sampled laws is kept, compiled as such, its body unfolded."""
    for atom in expr.atoms(Notation):
        if getattr(atom, "numeric_needs_concrete", False) and not _sampled_expectation(atom):
            raise Unsupported(f"{type(atom).__name__} is evaluated only at concrete sizes")
    try:
        return unfold(expr, remember=True, keep=_sampled_expectation)
    except (ValueError, TypeError, NotImplementedError, AttributeError) as exc:
        raise NeedsIntegers(f"definition: {exc}") from None


class Plan:
    """``expr`` compiled: call with a point's environment (see :func:`environment`)."""

    def __init__(self, run, integers: tuple):
        self.run = run
        self.integers = integers  # the integers compiled in (empty: every integer is read at run time)


@lru_cache(maxsize=8192)
def canonical_form(expr):
    """``expr`` with each Σ's index renamed after its depth (:func:`derive.symbolic.canonical_dummies`), once per
    expression: a side read again at another size holds the same sums under fresh indices, and what is computed
    from the canonical form alone (a plan, an instantiation) is then computed once for all of them."""
    return canonical_dummies(expr)


@lru_cache(maxsize=8192)
def plan(expr, integers: tuple = ()) -> Plan | str:
    """``expr`` compiled with the given (symbol, integer) pairs put in first; else why not:
    :data:`PER_INTEGERS` when it may compile once the point's integers are put in."""
    if not isinstance(expr, (sp.Expr, sp.MatrixBase)) or expr.has(sp.Limit):
        return "not an expression with a plan"
    try:
        canonical = canonical_form(expr)
    except (RecursionError, ValueError, TypeError, AttributeError, NotImplementedError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return _canonical_plan(canonical, integers)


@lru_cache(maxsize=8192)
def _canonical_plan(canonical, integers: tuple) -> Plan | str:
    try:
        concrete = canonical.xreplace(dict(integers)) if integers else canonical
        return Plan(_compile(_unfolded(concrete)), integers)
    except NeedsIntegers:
        return PER_INTEGERS
    except (Unsupported, RecursionError, ValueError, TypeError, AttributeError, NotImplementedError) as exc:
        return f"{type(exc).__name__}: {exc}"


PER_INTEGERS = "needs concrete integers"


def environment(point) -> dict:
    """A point's values for a plan: integers as ints, reals as mpf, vectors and matrices as 1-based-readable lists."""
    env = {}
    for symbol, value in point.items():
        if isinstance(value, bool):
            raise Fallback("a boolean value")
        if isinstance(value, int):
            env[symbol] = value
        elif isinstance(value, list):
            env[symbol] = list(value)
        elif isinstance(value, mpmath.matrix):
            env[symbol] = [[value[r, c] for c in range(value.cols)] for r in range(value.rows)]
        elif isinstance(value, mpmath.mpf):
            env[symbol] = value
        else:
            env[symbol] = mpmath.mpf(value)
    return env


def point_integers(point) -> tuple:
    """The point's integer values as sorted (symbol, Integer) pairs: the key of a per-integers plan."""
    pairs = [(s, sp.Integer(v)) for s, v in point.items() if isinstance(v, int) and not isinstance(v, bool)]
    return tuple(sorted(pairs, key=lambda item: sp.default_sort_key(item[0])))


@lru_cache(maxsize=8192)
def _symbols_held(expr) -> frozenset:
    return frozenset(canonical_form(expr).atoms(sp.Symbol))


def held_integers(expr, integers: tuple) -> tuple:
    """The (symbol, integer) pairs of ``integers`` that ``expr`` holds once its sums' indices are renamed, bound or
    free: putting a symbol in that the expression does not hold changes nothing, so points that differ only in
    other sizes and indices (the shared notation's n, i, j drawn beside an untagged formula) share the work."""
    held = _symbols_held(expr)
    return tuple(pair for pair in integers if pair[0] in held or not isinstance(pair[0], sp.Symbol))


def run(expr, point, env, dps: int, guard: int = 20):
    """``expr`` at the point by its plan, ``guard`` digits above ``dps``: (path, value), path "compiled"
    or "compiled per integers"; None when the expression or this point must take today's path."""
    compiled = plan(expr)
    path = "compiled"
    if compiled == PER_INTEGERS:
        compiled = plan(expr, held_integers(expr, point_integers(point)))
        path = "compiled per integers"
    if not isinstance(compiled, Plan):
        return None
    with mpmath.workdps(dps + guard):
        try:
            value = compiled.run({**env, _MEMO: {}, _DIGITS: dps})
        except (Fallback, ZeroDivisionError, ValueError, TypeError, ArithmeticError, RecursionError):
            return None
        if isinstance(value, MatrixValue):
            entries = [[_real(entry, dps) for entry in row] for row in value.rows]
            if any(entry is None for row in entries for entry in row):
                return None
            with mpmath.workdps(dps):
                return path, mpmath.matrix([[+entry for entry in row] for row in entries])
        value = _real(value, dps)
        if value is None:
            return None
    with mpmath.workdps(dps):
        return path, +value


def _real(value, dps: int):
    """A plan's number as a finite real mpf, or None where today's path must decide."""
    if isinstance(value, mpmath.mpc):
        if abs(value.imag) > mpmath.mpf(10) ** (-dps + 5):
            return None
        value = value.real
    if not isinstance(value, mpmath.mpf) or not mpmath.isfinite(value):
        return None
    return value
