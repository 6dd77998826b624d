"""Values of the notation beyond arithmetic: max/min, clip, sign, argmax, norms, piecewise cases,
primes, elementwise and outer products, limits, evaluation bars and counts.

:class:`derive.docs.bind.Interpreter` hands each such node of :mod:`derive.docs.interpret`
to :func:`value_of`, which returns a SymPy value (or a vector or matrix) built only from
the values of the node's parts; nothing here reads user text.
"""

from __future__ import annotations

import functools
import math
from dataclasses import replace

import mpmath
import sympy as sp

from derive.docs.interpret import (
    Apply,
    Branches,
    Component,
    Condition,
    Count,
    EvaluatedAt,
    Extremum,
    Integral,
    Inverse,
    Limit,
    Norm,
    Prime,
    Product,
    Sequence,
    Series,
    Transposed,
)
from derive.docs.tokens import Unsupported

# set on an interpreter that rounds a variable quantity (\\lfloor x \\rfloor): sampled points miss where it jumps
ROUNDING = "rounds to whole numbers"
RELATIONALS = {"=": sp.Eq, "!=": sp.Ne, "<": sp.Lt, "<=": sp.Le, ">": sp.Gt, ">=": sp.Ge}
NATIVE_FUNCTIONS = {
    "exp": sp.exp,
    "ln": sp.log,
    "log": sp.log,
    "sin": sp.sin,
    "cos": sp.cos,
    "tanh": sp.tanh,
    "sinh": sp.sinh,
    "cosh": sp.cosh,
    "tan": sp.tan,
    "sec": sp.sec,
    "csc": sp.csc,
    "cot": sp.cot,
    "sech": sp.sech,
    "csch": sp.csch,
    "coth": sp.coth,
    "arcsin": sp.asin,
    "arccos": sp.acos,
    "arctan": sp.atan,
    "arcsinh": sp.asinh,
    "arccosh": sp.acosh,
    "arctanh": sp.atanh,
}

# the SymPy classes of the elementary functions but the logarithm (whose base the reader sets)
BESSEL_FUNCTIONS = {"besselj": sp.besselj, "bessely": sp.bessely, "besseli": sp.besseli, "besselk": sp.besselk}
ELEMENTARY_FUNCTIONS = tuple(f for name, f in NATIVE_FUNCTIONS.items() if name not in ("ln", "log"))


def value_of(interp, node):
    """The value of a notation node for the interpreter's binding and dimensions."""
    from derive.docs.bind import BindError

    handler = HANDLERS.get(type(node))
    if handler is None:
        raise BindError(f"unsupported node {type(node).__name__}")
    return handler(interp, node)


# --- helpers -------------------------------------------------------------------------------


def _unevaluated(cls, args):
    args = [sp.sympify(a) for a in args]
    if args and all(a.is_Number for a in args):
        return sp.Max(*args) if issubclass(cls, sp.Max) else sp.Min(*args)
    made = sp.Expr.__new__(cls, *args)
    made._argset = frozenset(args)
    return made


class Largest(sp.Max):
    """max of its arguments, kept as written until they are numbers: SymPy's Max compares every pair
    symbolically each time an expression is rebuilt (seconds for a softmax of z - max_i z_i)."""

    def __new__(cls, *args, **options):
        return _unevaluated(cls, args)


class Smallest(sp.Min):
    """min of its arguments, kept as written until they are numbers."""

    def __new__(cls, *args, **options):
        return _unevaluated(cls, args)


def _errors():
    from derive.docs.bind import BindError, NeedsConcrete, ShapeError

    return BindError, NeedsConcrete, ShapeError


def _entries(interp, value):
    """(entries, rebuild) of a vector or matrix value, or None for a number."""
    from derive.docs.bind import Vec, as_value

    if isinstance(value, Vec):
        value = as_value(value)
    if isinstance(value, sp.MatrixBase):
        shape = value.shape
        return list(value), lambda items: sp.Matrix(shape[0], shape[1], items)
    return None


class _InverseErf(sp.erfinv):
    """The inverse error function, with no value at a number outside (-1, 1) (SymPy's raises there; at ±1 it is
    infinite)."""

    @classmethod
    def eval(cls, y):
        if y.is_Number and y.is_real and abs(y) >= 1:
            return sp.nan
        return super().eval(y)

    def _eval_evalf(self, prec):
        y = self.args[0].evalf(mpmath.libmp.prec_to_dps(prec))
        return sp.erfinv(y) if y.is_Number else None


def _elementwise(interp, function, values):
    """``function`` of numbers, applied entry by entry when some of ``values`` are vectors."""
    _, _, ShapeError = _errors()
    explicit = [_entries(interp, v) for v in values]
    if all(e is None for e in explicit):
        return function(*[interp._scalar(v) for v in values])
    sizes = {len(e[0]) for e in explicit if e is not None}
    if len(sizes) > 1:
        raise ShapeError("an elementwise operation on vectors of different sizes")
    size = sizes.pop()
    rebuild = next(e[1] for e in explicit if e is not None)
    columns = [e[0] if e is not None else [interp._scalar(v)] * size for e, v in zip(explicit, values)]
    return rebuild([function(*items) for items in zip(*columns)])


def _first_maximum(values, strict_before, loose_after):
    """The position (from 1) of the first largest of ``values`` as a piecewise expression."""
    pieces = []
    for t, v in enumerate(values):
        condition = sp.And(*[strict_before(v, w) for w in values[:t]], *[loose_after(v, w) for w in values[t + 1 :]])
        pieces.append((sp.Integer(t + 1), condition if t < len(values) - 1 else sp.true))
    return sp.Piecewise(*pieces)


def _arg_extreme(op, values):
    if op == "argmax":
        return _first_maximum(values, lambda v, w: sp.Gt(v, w), lambda v, w: sp.Ge(v, w))
    return _first_maximum(values, lambda v, w: sp.Lt(v, w), lambda v, w: sp.Le(v, w))


def _concrete(value):
    _, NeedsConcrete, _ = _errors()
    if not isinstance(value, (int, sp.Integer)):
        raise NeedsConcrete()
    return int(value)


# --- handlers ------------------------------------------------------------------------------


def apply(interp, node: Apply):
    """max(a, b) and min{a, b}; of one vector, its largest or smallest entry; clip, sign, argmax."""
    BindError, _, ShapeError = _errors()
    if node.op == "infinity":
        return sp.oo
    values = [interp.side(a) for a in node.args]
    op = node.op
    if op == "binom":
        return sp.binomial(*[interp._scalar(v) for v in values])
    if op in ("max", "min", "argmax", "argmin") and len(values) == 1:
        explicit = _entries(interp, values[0])
        if explicit is None:
            if op in ("argmax", "argmin"):
                raise ShapeError(f"{op} of a number")
            return interp._scalar(values[0])
        items = explicit[0]
    elif op in ("argmax", "argmin"):
        items = [interp._scalar(v) for v in values]
    else:
        items = None
    if op in ("argmax", "argmin"):
        return _arg_extreme(op, items)
    if op in ("max", "min"):
        function = sp.Max if op == "max" else sp.Min
        if items is not None:
            return function(*items)
        return _elementwise(interp, lambda *xs: function(*xs), values)
    if op == "clip":
        return _elementwise(interp, lambda x, low, high: sp.Min(sp.Max(x, low), high), values)
    if op in ("sign", "sgn"):
        return _elementwise(interp, sp.sign, values)
    if op in ("erf", "erfc", "erfinv"):
        return _elementwise(interp, {"erf": sp.erf, "erfc": sp.erfc, "erfinv": _InverseErf}[op], values)
    if op in BESSEL_FUNCTIONS:  # of the order, then the argument
        return _elementwise(interp, BESSEL_FUNCTIONS[op], values)
    if op in ("floor", "ceil"):
        rounded = _elementwise(interp, sp.floor if op == "floor" else sp.ceiling, values)
        if getattr(rounded, "free_symbols", None):
            interp.flags[ROUNDING] = True
        return rounded
    if op == "round":
        rounded = _elementwise(interp, _nearest_whole, values)
        if getattr(rounded, "free_symbols", None):
            interp.flags[ROUNDING] = True
        return rounded
    if op == "det":
        return _determinant(interp, values[0])
    if op in ("ReLU", "relu"):
        return _elementwise(interp, lambda x: sp.Max(0, x), values)
    raise BindError(f"unknown operation {op}")


def _nearest_whole(x):
    """The whole number nearest to x; halfway between two, the document's convention (up, or to even) is unknown."""
    if x.is_number and (2 * x).is_integer and not x.is_integer:
        raise Unsupported(f"round({x}): halfway between two whole numbers, rounded up or to even by convention")
    return sp.floor(x + sp.Rational(1, 2))


def names_only_matrices(value) -> bool:
    """Whether a number names nothing but the entry of 1x1 matrices (1/A[1, 1], the inverse of A at size 1, taken
    as its only entry): the value of a matrix of size 1, not a name read as a number."""
    symbols = getattr(value, "free_symbols", set())
    entries = {s for s in symbols if isinstance(s, sp.Indexed) and list(s.indices) == [1, 1]}
    return symbols <= entries | {entry.base.label for entry in entries}


def _determinant(interp, value):
    """det of a square matrix; of a number, the number itself (a 1x1 matrix)."""
    from derive.docs.bind import as_value

    _, _, ShapeError = _errors()
    matrix = as_value(value)
    if not isinstance(matrix, sp.MatrixBase):
        number = interp._scalar(value)
        if not names_only_matrices(number) and not interp.implicit_ranges:  # untagged: names read as numbers
            raise ShapeError("the determinant of a number: the formula does not say that its names are matrices")
        return number
    if not matrix.is_square:
        raise ShapeError(f"the determinant of a {matrix.rows}x{matrix.cols} matrix (not square)")
    if matrix.rows <= 3 and sum(sp.count_ops(entry) for entry in matrix) <= 60:
        return _cofactor_expansion([list(matrix.row(r)) for r in range(matrix.rows)])
    return DeterminantValue(*matrix)  # written out, det(M M^{-1}) has thousands of terms: taken per point


class DeterminantValue(sp.Function):
    """det of the square matrix whose entries, row by row, are the arguments; taken once they are numbers."""

    def _eval_evalf(self, prec):
        size = math.isqrt(len(self.args))
        entries = [a.evalf(prec) for a in self.args]
        if not all(e.is_Number for e in entries):
            return None
        digits = mpmath.libmp.prec_to_dps(prec)
        with mpmath.workdps(digits + 10):
            numbers = [mpmath.mpf(sp.Float(e, digits + 10)._mpf_) for e in entries]
            value = mpmath.det(mpmath.matrix([numbers[r * size : (r + 1) * size] for r in range(size)]))
        return sp.Float(value, digits)


def _cofactor_expansion(rows):
    """det by expansion along the first row, without simplification (SymPy's det simplifies every
    entry it makes, which takes minutes on a product of two matrices of symbols)."""
    if len(rows) == 1:
        return rows[0][0]
    return sp.Add(
        *[
            (-1) ** column
            * rows[0][column]
            * _cofactor_expansion([row[:column] + row[column + 1 :] for row in rows[1:]])
            for column in range(len(rows))
        ]
    )


def extremum(interp, node: Extremum):
    """max_i body: the largest value of the body over the index's range (concrete dimensions only)."""
    BindError, NeedsConcrete, ShapeError = _errors()
    if node.real_ends is not None:
        from derive.docs.real_extremum import real_extremum

        if not _used_as_a_number(node.body, node.variable):  # \max_{i \in [1, n]} z_i: an index, not a real
            raise BindError(f"{node.op} over an interval of {node.variable}, which the body uses as an index")
        return real_extremum(interp, node)
    variable = node.variable
    if interp._names_vector(variable) or variable in interp.extra or variable in interp.vocab.dims:
        raise BindError(f"{node.op} over {variable}, which names a quantity, not an index")
    written_as_a_number = node.low is None and node.high is None and _used_as_a_number(node.body, variable)
    interval = interp.real_ranges.get(variable) if written_as_a_number else None
    if interval is not None:  # \arg\max_p p^4 (1 - p)^6 beside the tag's 0 \le p \le 1: over the values it gives p
        from derive.docs.real_extremum import real_extremum

        return real_extremum(interp, node, interval)
    saved = dict(interp.bound)
    try:
        dummy = sp.Dummy(variable, integer=True, positive=True)
        interp.bound[variable] = dummy
        low = interp._scalar(interp.side(node.low)) if node.low is not None else sp.Integer(1)
        body = interp.side(node.body)
        if written_as_a_number and not _picks_entries_only(body, dummy):
            raise BindError(  # \max_x \sigma'(x): over the real values of x, which no range of indices gives
                f"{node.op} over {variable}, which the body uses as a number and never as an index: a maximum over"
                " real values is not computed"
            )
        if node.high is not None:
            high = interp._scalar(interp.side(node.high))
        else:  # \max_i [0.1, 0.7, 0.2]_i runs over the written list, whatever the dimension
            high = _written_length(body, dummy) or interp.size_value
        if high is None:
            raise BindError(f"{node.op}_{variable} without a range, and no dimension to run over")
        if low == 0:
            raise BindError("an index from 0: indices here run from 1")
        if _entries(interp, body) is not None:
            raise ShapeError(f"{node.op} over an index of a vector-valued expression")
        low, high = _concrete(low), _concrete(high)
        if high < low:
            raise BindError(f"{node.op} over an empty range")
        values = [body.xreplace({dummy: sp.Integer(t)}) for t in range(low, high + 1)]
    finally:
        interp.bound = saved
    if node.op in ("argmax", "argmin"):
        position = _arg_extreme(node.op, values)
        return position + (low - 1)
    if len(values) == 1:
        return values[0]
    return (Largest if node.op == "max" else Smallest)(*values)


def _written_length(body, index):
    """The length of the written lists ``body`` picks an entry of at ``index`` ([0.1, 0.7, 0.2]_i: 3), or None
    when it picks from none or from lists of different lengths."""
    lengths = {
        length
        for piece in getattr(body, "atoms", lambda *_: ())(sp.Piecewise)
        if piece.args[-1] == (sp.nan, sp.true)
        for length in [_positions_in_order(piece.args[:-1], index)]
        if length
    }
    return sp.Integer(lengths.pop()) if len(lengths) == 1 else None


def _positions_in_order(pieces, index) -> int:
    """n when the pieces' conditions are index = 1, index = 2, ..., index = n in order (a piece may hold several
    positions in a row, index = 1 | index = 2, where their values are alike); 0 for any other conditions."""
    expected = 1
    for _, condition in pieces:
        for position in condition.args if isinstance(condition, sp.Or) else (condition,):
            if position != sp.Eq(index, expected):
                return 0
            expected += 1
    return expected - 1


def _entries_kept(value, compared: list):
    """``value``, a condition's value, written entry by entry where a side it compares picks an entry of a written
    list at an index (x_i = 2 beside x = (1, 2, 3)): past the list's end it then has no value, as the entry has none,
    where the comparison alone would have been false there."""
    for side in compared:
        for index in sorted(getattr(side, "free_symbols", ()), key=str):
            length = _written_length(side, index)
            if length:
                at = [(value.xreplace({index: sp.Integer(t)}), sp.Eq(index, t)) for t in range(1, int(length) + 1)]
                return sp.Piecewise(*at, (sp.nan, True))
    return value


def _picks_entries_only(value, index) -> bool:
    r"""Whether ``value`` depends on ``index`` only through entries it picks at it (\min_i P(i) with P(i) defined
    by the tag as p_i^\alpha / \sum_k p_k^\alpha reads p_i), never as a number of its own."""
    picked = [entry for entry in getattr(value, "atoms", lambda *_: ())(sp.Indexed) if index in entry.free_symbols]
    if not picked:
        return False
    rest = value.xreplace({entry: sp.Dummy() for entry in picked})
    return index not in getattr(rest, "free_symbols", ())


def _used_as_a_number(body, variable) -> bool:
    """Whether ``body`` writes ``variable`` as a name of its own (\\sigma'(x)) and never as a subscript (z_i)."""
    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in

    atoms = list(atoms_in([body], child_sides))
    return not _subscripted_in(atoms, variable) and any(atom.key == variable and not atom.sub for atom in atoms)


def writes_as_an_index(body, variable) -> bool:
    """Whether ``body`` writes ``variable`` in a subscript (z_i, f(z)_i)."""
    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in

    return _subscripted_in(atoms_in([body], child_sides), variable)


def _subscripted_in(atoms, variable) -> bool:
    return any(variable in [str(i).strip() for i in (*atom.sub, *atom.post_sub)] for atom in atoms)


def sequence(interp, node: Sequence):
    """(x_1, ..., x_n): the vector of the body at each value of the index (concrete dimensions only)."""
    from derive.docs.bind import Vec, _pick

    BindError, _, ShapeError = _errors()
    variable = node.variable
    if interp._names_vector(variable) or variable in interp.extra or variable in interp.vocab.dims:
        raise BindError(f"a list over {variable}, which names a quantity, not an index")
    saved = dict(interp.bound)
    try:
        dummy = sp.Dummy(variable, integer=True)
        interp.bound[variable] = dummy
        low = _concrete(interp._scalar(interp.side(node.low)))
        high = _concrete(interp._scalar(interp.side(node.high)))
        body = interp.side(node.body)
        if _entries(interp, body) is not None:
            raise ShapeError("a list of vectors written with dots")
        if high < low:
            raise BindError("a list written with dots over an empty range")
        items = [body.xreplace({dummy: sp.Integer(t)}) for t in range(low, high + 1)]
    finally:
        interp.bound = saved
    return Vec(lambda idx, items=items: _pick(items, idx), sp.Integer(len(items)))


def norm(interp, node: Norm):
    """‖x‖ = ‖x‖₂ (Euclidean), ‖x‖₁, ‖x‖_∞, ‖x‖_p = (Σ|x_i|^p)^(1/p); for a matrix only ‖A‖_F (Frobenius)."""
    from derive.docs.set_sizes import set_size

    BindError, _, _ = _errors()
    size = set_size(interp, node)
    if size is not None:  # |\mathcal{A}| beside \sum_{a \in \mathcal{A}}: the number of terms the sum adds
        return size
    value = interp.side(node.body)
    explicit = _entries(interp, value)
    if explicit is None:
        return sp.Abs(interp._scalar(value))
    from derive.docs.bind import as_value

    matrix = as_value(value)
    if isinstance(matrix, sp.MatrixBase) and min(matrix.shape) > 1 and node.order != "F":
        if node.order not in ("", "2"):
            raise BindError("the norm of a matrix other than the Frobenius norm ‖A‖_F is not computed")
        if not _spectral_is_frobenius(matrix):
            raise BindError(
                "the norm of a matrix written ‖A‖ or ‖A‖_2 may be its spectral norm or the norm of its entries,"
                " which agree only for numbers at rank one"
            )
    items = explicit[0]
    if node.order == "1":
        return sp.Add(*[sp.Abs(e) for e in items])
    if node.order == "infty":
        return sp.Max(*[sp.Abs(e) for e in items])
    if node.order == "p":
        p = interp._scalar(interp.side(node.exponent))
        return sp.Add(*[sp.Abs(e) ** p for e in items]) ** (1 / p)
    return sp.sqrt(sp.Add(*[e**2 for e in items]))


def _spectral_is_frobenius(matrix) -> bool:
    """Whether a matrix of numbers has its spectral norm (the largest singular value) equal to the norm of its entries
    (the root of the sum of all squared singular values): exactly where it has rank one or less. Then ‖A‖_2, which
    books mean as the one and code (a gradient's norm) as the other, has one value."""
    return not matrix.free_symbols and matrix.rank() <= 1


def condition_value(interp, condition, compared=None):
    """A SymPy condition for a Condition on indices or a Comparison between values (noted in ``compared``)."""
    if isinstance(condition, Condition):
        relation = sp.Eq if condition.relation == "=" else sp.Ne
        return relation(interp.index(condition.left), interp.index(condition.right))
    values = [interp._scalar(interp.side(s)) for s in condition.sides]
    if compared is not None:
        compared.extend(values)
    return sp.And(*[RELATIONALS[r](values[m], values[m + 1]) for m, r in enumerate(condition.relations)])


def branches(interp, node: Branches):
    """A piecewise value: the first row whose conditions hold."""
    pieces, compared = [], []
    for value_side, conditions, otherwise in node.rows:
        value = interp._scalar(interp.side(value_side))
        if otherwise:
            pieces.append((value, sp.true))
            continue
        pieces.append((value, sp.And(*[condition_value(interp, c, compared) for c in conditions])))
    return _entries_kept(sp.Piecewise(*pieces), compared)


def prime(interp, node: Prime):
    """f'(a): the derivative of f at a variable u, then u put to a."""
    u = sp.Dummy("u", real=True)
    saved = dict(interp.bound)
    try:
        interp.bound[node.variable] = u
        if isinstance(node.target, str):
            at_u = NATIVE_FUNCTIONS[node.target](u)
        else:
            at_u = interp._scalar(interp.atom(replace(node.target, args=[node.variable_side]), node.variable_side))
    finally:
        interp.bound = saved
    argument = interp._scalar(interp.side(node.arg))
    return sp.Subs(sp.Derivative(at_u, (u, node.order)), u, argument)


class InverseValue(sp.Function):
    """The real u with forward(u) = y, among the closed-form solutions ``candidates`` (Lambdas of y).

    Taken only once y is a number: a candidate counts when it is real there and forward gives y
    back; none or more than one is a NumericError (no value, or no single inverse, at that point).
    """

    nargs = 1
    forward = None
    candidates = ()

    def fdiff(self, argindex=1):
        """The inverse function theorem: (f^{-1})'(y) = 1 / f'(f^{-1}(y))."""
        u = sp.Dummy("u", real=True)
        slope = sp.diff(self.forward(u), u)
        return 1 / slope.subs(u, self)

    def _eval_evalf(self, prec):
        from derive.numeric import NumericError

        y = self.args[0].evalf(prec)
        if not y.is_Number:
            return None
        digits = mpmath.libmp.prec_to_dps(prec) + 10
        found = []
        for candidate in self.candidates:
            u = sp.sympify(candidate(y)).evalf(digits)
            if not u.is_Number:
                re_u, im_u = u.as_real_imag()
                if not (re_u.is_Number and im_u.is_Number) or abs(im_u) > sp.Float(10) ** (5 - digits):
                    continue
                u = re_u
            back = sp.sympify(self.forward(u)).evalf(digits)
            if not back.is_Number or abs(back - y) > sp.Float(10) ** (5 - digits) * max(1, abs(y)):
                continue
            if all(abs(u - v) > sp.Float(10) ** (5 - digits) * max(1, abs(u)) for v in found):
                found.append(u)
        if len(found) != 1:
            raise NumericError(
                f"{self.func.__name__}: {'no' if not found else 'more than one'} real argument gives the value {y}"
            )
        return sp.Float(found[0], mpmath.libmp.prec_to_dps(prec))


def _inverted_matrix_times(interp, node: Inverse):
    """M^{-1} times the bracket after it, when the name written bare is a square matrix; else None."""
    from dataclasses import replace

    from derive.docs.bind import as_value
    from derive.docs.matrix_power import whole_power

    BindError, NeedsConcrete, ShapeError = _errors()
    try:
        matrix = as_value(interp.atom(replace(node.target, args=None, seps=[]), node.variable_side))
    except (BindError, NeedsConcrete):
        return None
    if not isinstance(matrix, sp.MatrixBase) or not matrix.is_square:
        return None
    try:
        inverted = whole_power(matrix, -1)
    except ValueError as exc:
        raise ShapeError(str(exc)) from None
    return interp._mul([inverted, interp.side(node.arg)])


def inverse(interp, node: Inverse):
    """f^{-1}(y): the closed-form solutions of f(u) = y (SymPy's solve), the real one taken at each point; a square
    matrix the notation declares, \\Sigma^{-1}(x - \\mu), is inverted and multiplies the bracket instead."""
    BindError, _, _ = _errors()
    inverted = _inverted_matrix_times(interp, node)
    if inverted is not None:
        return inverted
    u = sp.Dummy("u", real=True)
    y = sp.Dummy("y", real=True)
    saved = dict(interp.bound)
    try:
        interp.bound[node.variable] = u
        at_u = interp._scalar(interp.atom(node.target, node.variable_side))
    finally:
        interp.bound = saved
    from derive.notation import unfold

    at_u = unfold(at_u).doit()
    name = node.target.key
    if u not in at_u.free_symbols:
        raise BindError(f"the inverse of {name}, which does not depend on its argument as read")
    try:
        solutions = sp.solve(sp.Eq(at_u, y), u)
    except (NotImplementedError, ValueError, TypeError):
        solutions = []
    if not solutions or any(not isinstance(s, sp.Expr) or s.free_symbols - {y} for s in solutions):
        raise BindError(f"the inverse function {name}^{{-1}} is not found in closed form")
    function = type(
        f"{name}_inverse",
        (InverseValue,),
        {"forward": sp.Lambda(u, at_u), "candidates": tuple(sp.Lambda(y, s) for s in solutions)},
    )
    return function(interp._scalar(interp.side(node.arg)))


class _NotReal(Exception):
    """The integrand took a complex value: the quadrature's sum would be complex, so it stops there."""


def _real_valued(integrand):
    def real(*values):
        value = integrand(*values)
        if isinstance(value, mpmath.mpc):
            raise _NotReal
        return value

    return real


_INTEGRATION_VARIABLE = sp.Symbol("integration variable", real=True)
_EXP_CUTOFF = mpmath.mpf(2) ** 40  # exp beyond ±2^40 is out of any sum's reach: 0 or e^{2^40}, never worked out


def _bounded_exp(value):
    """exp as the quadrature needs it: exp(-e^{x}) far out in a tail is 0 at once, where mpmath would carry out
    e^{x} to every one of its digits (a Gumbel density at x = -10^{30} never finished).

    A huge positive argument gives e^{2^40}, finite: a ratio such as e^{t}/(1 + e^{t})^2 far out in a tail is then
    about e^{-2^40}, as it should be, where ∞/∞ had made it undefined (a logistic density's mean)."""
    if isinstance(value, mpmath.mpf) and abs(value) > _EXP_CUTOFF:
        return mpmath.exp(_EXP_CUTOFF) if value > 0 else mpmath.mpf(0)
    return mpmath.exp(value)


class IntegralValue(sp.Function):
    """∫_a^b f(u) du for args (Lambda(u, f), a, b), by mpmath quadrature once f holds only numbers.

    A quadrature whose error estimate does not reach the working precision is a NumericError
    (the integral diverges, or does not converge numerically), never a value.
    """

    nargs = 3
    _known = {}  # (srepr, prec) -> the value or the NumericError's message: a constant integral recurs at every point

    def fdiff(self, argindex=1):
        """The fundamental theorem of calculus: d/db is f(b), d/da is -f(a); the integrand is not differentiated."""
        body, low, high = self.args
        if argindex == 3:
            return body(high)
        if argindex == 2:
            return -body(low)
        return super().fdiff(argindex)

    def _eval_evalf(self, prec):
        from derive.numeric import NumericError

        body, low, high = self.args
        # the same integral read twice has a dummy variable of its own each time: the key names neither
        canonical = body.expr.xreplace(dict(zip(body.variables, (_INTEGRATION_VARIABLE,))))
        key = (sp.srepr((canonical, low, high)), prec)  # srepr: Floats of different precisions are kept apart
        if key not in self._known:
            if len(self._known) >= 256:
                self._known.clear()
            try:
                self._known[key] = (self._quadrature(prec), None)
            except NumericError as exc:
                self._known[key] = (None, str(exc))
        value, error = self._known[key]
        if error is not None:
            raise NumericError(error)
        return value

    def _quadrature(self, prec):
        from derive.numeric import NumericError

        body, low, high = self.args
        digits = mpmath.libmp.prec_to_dps(prec)
        low, high = (bound if bound.is_infinite else bound.evalf(digits + 20) for bound in (low, high))
        if body.expr.free_symbols - set(body.variables) or not all(b.is_Number or b.is_infinite for b in (low, high)):
            return None
        values = []
        kinks = _kinks(body.expr, body.variables[0], low, high, digits + 20)
        # written as Python once: only a function with an mpmath form of its own is written at the digits
        at_any_digits = not any(hasattr(part, "as_mpmath") for part in body.expr.atoms(sp.Function))
        integrand = None
        for guard in (20, 40):  # a divergent integral's quadrature depends on the precision: two must agree
            with mpmath.workdps(digits + guard):
                if integrand is None or not at_any_digits:
                    integrand = _real_valued(_integrand(body.variables, body.expr, digits + guard))
                ends = [
                    (mpmath.inf if b is sp.oo else -mpmath.inf) if b.is_infinite else mpmath.mpf(b) for b in (low, high)
                ]
                ends[1:1] = [mpmath.mpf(k) for k in kinks]  # |x - μ|: split where the integrand has a kink
                if len(ends) == 2 and low.is_infinite and high.is_infinite:
                    # over the whole line each half must converge: read as one, x or \sin x cancels between the
                    # halves node by node and sums to 0, where the integral has no value
                    ends[1:1] = [mpmath.mpf(0)]
                try:
                    value, error = mpmath.quad(integrand, ends, error=True)
                except (ValueError, ZeroDivisionError, TypeError) as exc:
                    raise NumericError(f"the integral has no numeric value ({exc})") from None
                except _NotReal:
                    value = mpmath.mpc(0)
                if isinstance(value, mpmath.mpc):
                    raise NumericError("the integral is not real")
                tolerance = mpmath.mpf(10) ** (5 - digits) * max(1, abs(value))
                if not mpmath.isfinite(value) or error > tolerance or any(abs(value - v) > tolerance for v in values):
                    raise NumericError("the integral does not converge numerically")
                values.append(value)
        value = values[0]
        return sp.Float(value, digits)


def _integrand(variables, expr, digits):
    """``expr`` as an mpmath function of ``variables``: compiled, with each function that gives an mpmath form
    of itself (a law's density) called as that; or, where it still writes a function the compiler cannot write
    as Python (named by a string), evaluated by SymPy at each point."""
    functions = {"exp": _bounded_exp}
    for part in sorted(expr.atoms(sp.Function), key=sp.default_sort_key):
        own = part.as_mpmath(variables[0], digits) if hasattr(part, "as_mpmath") and len(variables) == 1 else None
        if own is not None:
            name = f"_own_function_{len(functions)}"
            functions[name] = own
            expr = expr.xreplace({part: sp.Function(name)(variables[0])})
    try:
        return sp.lambdify(variables, expr, modules=[functions, "mpmath"])
    except SyntaxError:
        pass

    def value(*points):
        from derive.numeric import NumericError

        at = {v: sp.Float(mpmath.mpf(p), mpmath.mp.dps) for v, p in zip(variables, points)}
        number = expr.xreplace(at).evalf(mpmath.mp.dps)
        if not number.is_Number:
            raise NumericError(f"the integrand has no numeric value at {tuple(at.values())}")
        return mpmath.mpf(number._mpf_) if number.is_Float else mpmath.mpf(sp.Float(number, mpmath.mp.dps)._mpf_)

    return value


def _kinks(expr, u, low, high, digits) -> list:
    """The real points strictly between low and high where an |g(u)|, max, min or sign in ``expr`` changes
    branch (g(u) = 0 solved in closed form), or a function that says where it jumps (a density at the ends
    of its support) jumps, in order; quadrature is exact only between such points."""
    inside = [
        end
        for part in expr.atoms(sp.Function)
        if hasattr(part, "jumps") and part.has(u)
        for end in part.jumps(u, digits)
        if (low.is_infinite or end > low) and (high.is_infinite or end < high)
    ]
    for part in expr.atoms(sp.Abs, sp.Max, sp.Min, sp.sign, sp.Heaviside):
        if not part.has(u):
            continue
        args = part.args if isinstance(part, (sp.Max, sp.Min)) else (part.args[0],)
        gaps = [a - b for a, b in zip(args, args[1:])] if isinstance(part, (sp.Max, sp.Min)) else list(args)
        for gap in gaps:
            try:
                roots = sp.solve(sp.Eq(sp.nsimplify(gap, rational=True), 0), u)  # exact: a kink off by 1e-17 spoils it
            except (NotImplementedError, ValueError, TypeError):
                continue
            for root in roots:
                value = sp.sympify(root).evalf(digits)
                if (
                    value.is_real
                    and value.is_Number
                    and (low.is_infinite or value > low)
                    and (high.is_infinite or value < high)
                ):
                    inside.append(value)
    inside += _gaussian_peaks(expr, u, low, high, digits)
    return sorted(set(inside))


def _gaussian_peaks(expr, u, low, high, digits) -> list:
    """The vertices inside (low, high) of each exp(a u^2 + b u + c) with a < 0 in ``expr``: a narrow bell far from 0
    (a normal density at μ = -27, σ = 0.5) falls between the quadrature's nodes unless the range is split at its top."""
    peaks = []
    for part in expr.atoms(sp.exp):
        argument = sp.expand(part.args[0])
        if not argument.has(u):
            continue
        try:
            poly = sp.Poly(argument, u)
        except sp.PolynomialError:
            continue
        if poly.degree() != 2 or any(c.free_symbols for c in poly.all_coeffs()):
            continue
        a, b, _ = poly.all_coeffs()
        if not a < 0:
            continue
        top = (-b / (2 * a)).evalf(digits)
        if (low.is_infinite or top > low) and (high.is_infinite or top < high):
            peaks.append(top)
    return peaks


def scalar_body(interp, name: str, value, body):
    """The scalar value of ``body`` with ``name`` bound to ``value`` (the bindings before are restored after)."""
    saved = dict(interp.bound)
    try:
        interp.bound[name] = value
        return interp._scalar(interp.side(body))
    finally:
        interp.bound = saved


def integral(interp, node: Integral):
    """∫_a^b f: the integrand in a variable u of its own, integrated numerically at each point."""
    BindError, _, _ = _errors()
    u = sp.Dummy(node.variable, real=True)
    body = scalar_body(interp, node.variable, u, node.body)
    if node.indefinite:  # from an arbitrary base to the variable's value: its derivative in the variable is f
        from derive.docs.antiderivatives import BASE, variable_value
        from derive.notation import unfold

        return IntegralValue(sp.Lambda(u, unfold(body).doit()), BASE, variable_value(interp, node))
    bounds = []
    for side, sign in zip((node.low, node.high), node.infinite):
        if sign:
            bounds.append(sp.oo if sign > 0 else -sp.oo)
            continue
        bound = interp._scalar(interp.side(side))
        if u in bound.free_symbols:
            raise BindError("an integral whose bound depends on its own variable")
        bounds.append(bound)
    from derive.notation import unfold

    return IntegralValue(sp.Lambda(u, unfold(body).doit()), *bounds)


def series(interp, node: Series):
    """a + a r + a r^2 + …: read as geometric when every explicit term is the one before times one
    ratio r (a ≠ 0, three terms at least); its value a / (1 - r) where |r| < 1, none elsewhere."""
    BindError, _, _ = _errors()
    terms = [interp._scalar(interp.side(term)) for term in node.terms]
    first = terms[0]
    if first == 0:
        raise BindError("an endless sum whose first term is 0: its pattern is not read")
    ratio = sp.simplify(terms[1] / first)
    if all(sp.simplify(later - earlier * ratio) == 0 for earlier, later in zip(terms, terms[1:])):
        return sp.Piecewise((first / (1 - ratio), sp.Abs(ratio) < 1), (sp.nan, True))
    step = sp.simplify(terms[1] - first)
    if all(sp.simplify(later - earlier - step) == 0 for earlier, later in zip(terms, terms[1:])):
        raise BindError("an endless arithmetic sum (it has no finite value unless every term is 0)")
    raise BindError("the terms before \\ldots follow no geometric or arithmetic pattern as read")


def product(interp, node: Product):
    """u ⊙ v and u ∘ v entry by entry; u ⊗ v the outer (Kronecker) product."""
    BindError, _, ShapeError = _errors()
    values = [interp.side(f) for f in node.factors]
    if node.op == "otimes":
        from derive.docs.bind import as_value

        result = None
        for v in values:
            v = as_value(v)
            if not isinstance(v, sp.MatrixBase):
                v = sp.Matrix([[v]])
            elif v.shape[1] == 1 and result is not None:
                v = v.T  # u ⊗ v for two column vectors is u vᵀ
            result = v if result is None else sp.kronecker_product(result, v)
        return result
    if all(_entries(interp, v) is None for v in values):
        if node.op == "circ":
            raise BindError("∘ between two numbers: a composition of functions or a product?")
        return sp.Mul(*[interp._scalar(v) for v in values])
    if node.op == "oslash":
        return _elementwise(interp, lambda a, b: a / b, values)
    shapes = {(len(e[0])) for e in (_entries(interp, v) for v in values) if e is not None}
    if len(shapes) > 1:
        raise ShapeError("an elementwise product of vectors or matrices of different sizes")
    return _elementwise(interp, lambda *xs: sp.Mul(*xs), values)


def transposed(interp, node: Transposed):
    from derive.docs.bind import Vec, _transpose

    value = interp.side(node.body)
    if node.primed and not isinstance(value, (Vec, sp.MatrixBase)):
        BindError, _, _ = _errors()
        raise BindError("a prime after a bracket that holds a number: a derivative, which is not read so")
    return _transpose(value)


def component(interp, node: Component):
    """(v)_j, (A)_{ij}: one entry of a bracketed vector or matrix."""
    BindError, NeedsConcrete, _ = _errors()
    from derive.docs.bind import Vec, as_value

    value = interp.side(node.body)
    indices = [interp.index(name) for name in node.indices]
    if isinstance(value, Vec) and len(indices) == 1:
        return value.component(indices[0])
    matrix = as_value(value)
    if not isinstance(matrix, sp.MatrixBase):
        raise BindError("a component of a number")
    if len(indices) == 1 and 1 in matrix.shape:
        entries = list(matrix)
        return _pick(entries, indices[0])
    if len(indices) == 2:
        rows = [_pick(list(matrix.row(r)), indices[1]) for r in range(matrix.rows)]
        return _pick(rows, indices[0])
    raise BindError(f"{len(indices)} indices on a {matrix.rows}x{matrix.cols} matrix")


def _pick(items, index):
    from derive.docs.bind import _pick as pick

    return pick(items, index)


def limit(interp, node: Limit):
    """lim_{n→a} f: SymPy's limit, taken once the point's values are in."""
    BindError, _, _ = _errors()
    # the variable's sign only where it goes to ±∞: near a finite target it takes both signs (|h|/h as h → 0⁺ is 1)
    signs = {1: {"positive": True}, -1: {"negative": True}}.get(node.infinite, {})
    variable = sp.Dummy(node.variable, real=True, **signs)
    body = scalar_body(interp, node.variable, variable, node.body)
    if node.infinite:
        target = sp.oo if node.infinite > 0 else -sp.oo
    else:
        target = interp._scalar(interp.side(node.target))
        if target.free_symbols & {variable}:
            raise BindError("a limit whose target depends on its own variable")
    held = sp.Limit(body, variable, target, node.direction)
    # taken symbolically first: at a point's 60-digit values, (f(x+h) - f(x))/h loses f(x) - f(x) and the limit is ∞
    canonical = _LIMIT_VARIABLES[node.infinite]
    value = _symbolic_limit(body.xreplace({variable: canonical}), canonical, target, node.direction)
    if value is None:
        return held  # its value depends on the point (lim e^{a/T} as T → 0⁺): taken there
    return value


# one variable for each sign a limit's variable may carry: the same limit read again (at each reading of the formula)
# is then the same SymPy expression, and is taken once
_LIMIT_VARIABLES = {
    sign: sp.Dummy("limit_variable", real=True, **assumptions)
    for sign, assumptions in {0: {}, 1: {"positive": True}, -1: {"negative": True}}.items()
}


@functools.lru_cache(maxsize=256)
def _symbolic_limit(body, variable, target, direction):
    """The limit of ``body`` as ``variable`` goes to ``target`` taken symbolically, or None where SymPy leaves it
    open, infinite or undefined."""
    try:
        value = sp.Limit(body, variable, target, direction).doit()
    except (NotImplementedError, ValueError, TypeError, RecursionError):
        return None
    if value.has(sp.Limit, sp.oo, -sp.oo, sp.zoo, sp.nan, sp.AccumBounds) or isinstance(value, sp.Limit):
        return None
    return value


def evaluated_at(interp, node: EvaluatedAt):
    """f|_{x=a}: f with the variable x put to a once f (with its derivatives) is evaluated."""
    BindError, _, _ = _errors()
    from derive.docs.bind import Unbound, argument_name

    value = interp._scalar(interp.side(node.value))
    saved = dict(interp.bound)
    name = argument_name(node.variable)
    try:
        try:
            variable = interp.side(node.variable)
        except Unbound as exc:
            if exc.name != name:
                raise
            variable = None
        if variable is None or (
            not isinstance(variable, (sp.Symbol, sp.Indexed))
            and not interp.vocab.name
            and not any(name in table for table in (interp.overrides, interp.extra))
        ):
            # d/dθ … |_{θ = 9/13} with θ named nowhere else (or only as the shared notation's vector x): the bar
            # binds θ, as a sum binds its index
            variable = sp.Symbol(f"bar_{name}", real=True)
            interp.bound[name] = variable
        if not isinstance(variable, (sp.Symbol, sp.Indexed)):
            raise BindError("an evaluation bar at something that is not a variable of the result")
        body = interp._scalar(interp.side(node.body))
    finally:
        interp.bound = saved
    # SymPy merges Subs(Subs(f'(u), u, x), x, a) into one simultaneous substitution, which loses x -> a:
    # an inner substitution at a point that holds x (f'(x) under the bar) is carried out first
    body = body.replace(
        lambda e: isinstance(e, sp.Subs) and any(variable in p.free_symbols for p in e.point), lambda e: e.doit()
    )
    return sp.Subs(body, variable, value)


def count(interp, node: Count):
    """#{i : conditions}: the number of indices (1..n) that satisfy the conditions."""
    BindError, _, _ = _errors()
    if node.variable in interp.vocab.entries or node.variable in interp.extra:
        raise BindError(f"a count over {node.variable}, which names a quantity, not an index")
    saved = dict(interp.bound)
    try:
        dummy = sp.Dummy(node.variable, integer=True, positive=True)
        interp.bound[node.variable] = dummy
        size = interp.size_value
        if size is None:
            raise BindError("a count with no dimension to run over")
        condition = sp.And(*[condition_value(interp, c) for c in node.conditions])
    finally:
        interp.bound = saved
    return sp.Add(
        *[
            sp.Piecewise((1, condition.xreplace({dummy: sp.Integer(t)})), (0, True))
            for t in range(1, _concrete(size) + 1)
        ]
    )


HANDLERS = {
    Apply: apply,
    Extremum: extremum,
    Norm: norm,
    Branches: branches,
    Prime: prime,
    Inverse: inverse,
    Series: series,
    Integral: integral,
    Product: product,
    Transposed: transposed,
    Component: component,
    Limit: limit,
    EvaluatedAt: evaluated_at,
    Count: count,
    Sequence: sequence,
}


# --- links and conditions that need more than one value per point ----------------------------


def comparisons_hold(interp, comparisons, point, evaluate) -> bool:
    """Whether the stated conditions (``\\text{for } t > 0``) hold at ``point``."""
    import mpmath

    compare = {
        "<": lambda a, b: a < b,
        "<=": lambda a, b: a <= b,
        ">": lambda a, b: a > b,
        ">=": lambda a, b: a >= b,
        "!=": lambda a, b: a != b,
        "=": lambda a, b: a == b,
    }
    for comparison in comparisons:
        from derive.docs.bind import as_value, scalarise

        values = [evaluate(scalarise(as_value(interp.side(s))), point) for s in comparison.sides]
        if any(isinstance(v, mpmath.matrix) for v in values):
            if not _vectors_compared(values, comparison.relations):
                BindError, _, _ = _errors()
                raise BindError("a stated condition between vectors")
            if not all(
                _equal_as_wholes(values[m], values[m + 1]) == (r == "=") for m, r in enumerate(comparison.relations)
            ):
                return False
            continue
        if not all(compare[r](values[m], values[m + 1]) for m, r in enumerate(comparison.relations)):
            return False
    return True


def _vectors_compared(values, relations) -> bool:
    """Whether a condition compares vectors as wholes: = or \\neq between vectors of one shape, or with 0 (g \\neq 0,
    not the zero vector)."""
    import mpmath

    shapes = {(v.rows, v.cols) for v in values if isinstance(v, mpmath.matrix)}
    numbers = [v for v in values if not isinstance(v, mpmath.matrix)]
    return set(relations) <= {"=", "!="} and len(shapes) == 1 and all(v == 0 for v in numbers)


def _equal_as_wholes(left, right) -> bool:
    """Whether two vectors are equal entry by entry; a number (0) stands for the zero vector."""
    import mpmath

    from derive.docs.point_values import _flat

    entries = [_flat(value) for value in (left, right) if isinstance(value, mpmath.matrix)]
    if len(entries) == 1:
        return all(entry == 0 for entry in entries[0])
    return entries[0] == entries[1]


def proportional(left, right, left_number, right_number, point, index_ranges, evaluate):
    """(holds, why) for left ∝ right: one positive ratio over the entries of vectors, or over the
    values of the formula's free index (p_i ∝ e^{z_i}); the factor may depend on everything else."""
    import mpmath

    from derive.domain import Point

    def entries(value):
        return (
            [value[r, c] for r in range(value.rows) for c in range(value.cols)]
            if isinstance(value, mpmath.matrix)
            else None
        )

    from derive.docs.bind import Vec

    a, b = entries(left_number), entries(right_number)
    if a is None and b is None and any(isinstance(v, (Vec, sp.MatrixBase)) for v in (left, right)):
        a, b = [left_number], [right_number]  # vectors with one entry
    if a is None and b is None:
        free = [
            (index, size)
            for index, size in index_ranges
            if any(index in sp.sympify(v).free_symbols for v in (left, right) if isinstance(v, sp.Basic))
        ]
        if len(free) != 1:
            BindError, _, _ = _errors()
            raise BindError("∝ between numbers: no index to vary (write it over the entries of a vector, or p_i ∝ ...)")
        index, size = free[0]
        a, b = [], []
        for value in range(1, int(size) + 1):
            moved = Point(point)
            moved[index] = value
            a.append(evaluate(left, moved))
            b.append(evaluate(right, moved))
    elif a is None or b is None or len(a) != len(b):
        _, _, ShapeError = _errors()
        raise ShapeError("∝ between a vector and a number, or vectors of different sizes")
    ratio = None
    tolerance = mpmath.mpf(10) ** -20
    for position, (u, v) in enumerate(zip(a, b)):
        if abs(v) <= tolerance * (1 + abs(u)):
            if abs(u) <= tolerance:
                continue
            return False, f"entry {position + 1} is {mpmath.nstr(u, 8)} on the left and 0 on the right"
        r = u / v
        if r <= 0:
            return False, f"the ratio at entry {position + 1} is {mpmath.nstr(r, 8)}, not positive"
        if ratio is None:
            ratio = r
        elif abs(r - ratio) > tolerance * abs(ratio):
            return (
                False,
                f"the ratio left/right is {mpmath.nstr(ratio, 10)} at one entry and {mpmath.nstr(r, 10)} at entry {position + 1}",
            )
    return True, ""
