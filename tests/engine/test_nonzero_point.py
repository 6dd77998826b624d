"""A value at an allowed point that is not 0 shows an expression is not 0, and spares the symbolic attempts that
cannot reach 0; an expression that is 0 is never shown nonzero, and is still proved."""

import pytest
import sympy as sp

from derive.nonzero_point import shown_nonzero
from derive.symbolic import prove_zero

a, b = sp.symbols("a b")  # complex
x, y = sp.symbols("x y", real=True)
p, q = sp.symbols("p q", positive=True)
n = sp.Symbol("n", integer=True, positive=True)
m = sp.Symbol("m", integer=True)
i = sp.Idx("i")
z = sp.IndexedBase("z", real=True)

NOT_ZERO = [
    sp.log(x * y) - sp.log(x) - sp.log(y),  # holds for positive values only
    sp.log(x / y) - sp.log(x) + sp.log(y),
    sp.log(a * b) - sp.log(a) - sp.log(b),
    sp.sqrt(x * y) - sp.sqrt(x) * sp.sqrt(y),
    sp.log(x**2) - 2 * sp.log(x),
    sp.Abs(x) - x,
    sp.Abs(x + y) - sp.Abs(x) - sp.Abs(y),
    sp.exp(x * y) - sp.exp(x) - sp.exp(y),
    sp.cos(sp.pi - x) - sp.cos(x),
    (x + 1) ** 2 - x**2 - x - 1,
    sp.factorial(n) - n,
    (-1) ** m - 1,
]

ZERO = [
    (x + y) ** 2 - x**2 - 2 * x * y - y**2,
    sp.log(p * q) - sp.log(p) - sp.log(q),
    sp.sqrt(p * q) - sp.sqrt(p) * sp.sqrt(q),
    sp.sin(x) ** 2 + sp.cos(x) ** 2 - 1,
    sp.Abs(x * y) - sp.Abs(x) * sp.Abs(y),
    sp.Abs(a * b) - sp.Abs(a) * sp.Abs(b),
    sp.tan(x) - sp.sin(x) / sp.cos(x),
    (x**2 - 1) / (x - 1) - x - 1,
    sp.gamma(x + 1) - x * sp.gamma(x),
    (-1) ** (2 * m) - 1,
    sp.exp(sp.log(p)) - p,
    sp.exp(1000 * x) - sp.exp(1000 * x + sp.Rational(1, 10**40)),  # not 0, but closer to it than 30 digits tell
]

NO_VALUE = [
    sp.Function("f")(x) - x,  # an undefined function
    sp.Sum(x**n, (n, 1, 3)) - x,  # a sum
    sp.Float(0.5) * x - x,  # a float: SymPy's own rewrites treat it apart
    z[i] - x,  # an indexed name
    sp.Piecewise((x, x > 0), (0, True)) - sp.Max(x, 0),
    sp.asinh(x) - x,  # a function outside the table whose mpmath values are SymPy's
    sp.Symbol("w", composite=True) - 1,  # an assumption its candidate value (3) lacks
]


@pytest.mark.parametrize("expr", NOT_ZERO, ids=str)
def test_an_expression_that_is_not_zero_is_shown_nonzero_and_simplify_agrees(expr):
    assert shown_nonzero(expr)
    assert sp.simplify(expr) != 0  # SymPy cannot reach 0 from it either


@pytest.mark.parametrize("expr", ZERO, ids=str)
def test_an_expression_that_is_zero_is_never_shown_nonzero(expr):
    assert not shown_nonzero(expr)


@pytest.mark.parametrize("expr", NO_VALUE, ids=str)
def test_an_expression_without_a_value_here_is_not_shown_nonzero(expr):
    assert not shown_nonzero(expr)


def test_a_point_keeps_every_assumption_of_its_symbols():
    even = sp.Symbol("e", even=True)
    assert not shown_nonzero((-1) ** even - 1)  # an odd value would break the assumption and the identity
    negative = sp.Symbol("u", negative=True)
    assert not shown_nonzero(sp.Abs(negative) + negative)


def test_prove_zero_proves_through_simplify_and_skips_it_where_a_point_refutes(monkeypatch):
    calls = []
    simplify = sp.simplify

    def counted(expr, *args, **kwargs):
        calls.append(expr)
        return simplify(expr, *args, **kwargs)

    monkeypatch.setattr(sp, "simplify", counted)
    proved = prove_zero(sp.Abs(x * y) - sp.Abs(x) * sp.Abs(y))  # correct: only simplify proves it
    assert proved.proved and proved.method == "algebraic simplification" and calls
    calls.clear()
    wrong = prove_zero(sp.Abs(x + y) - sp.Abs(x) - sp.Abs(y))  # wrong: shown nonzero, simplify not run
    assert not wrong.proved and wrong.method == "SymPy could not reduce the difference to 0" and not calls
    assert not prove_zero(sp.log(x * y) - sp.log(x) - sp.log(y)).proved and not calls
    assert prove_zero(sp.log(p * q) - sp.log(p) - sp.log(q)).proved


def test_reordered_sums_are_cancelled_only_where_no_point_refutes_them(monkeypatch):
    from derive import symbolic

    cancelled = []
    cancel = sp.cancel
    monkeypatch.setattr(sp, "cancel", lambda expr, *args, **kwargs: cancelled.append(expr) or cancel(expr, *args))
    k, j = sp.symbols("k j", integer=True)
    w = sp.IndexedBase("w", real=True)

    def reordered_then_cancelled(expr) -> bool:
        cancelled.clear()
        difference = symbolic._Difference(symbolic.normal_form(expr, symbolic.Assumptions()), symbolic.Assumptions())
        assert difference.reordered is not None
        return bool(symbolic._by_reordering_then_algebra(difference)), bool(cancelled)

    # a closed-form sum, which the further rules prove: the reordered difference is not 0 at a point, so not cancelled
    assert reordered_then_cancelled(sp.Sum(k, (k, 1, n)) - n * (n + 1) / 2) == (False, False)
    assert prove_zero(sp.Sum(k, (k, 1, n)) - n * (n + 1) / 2).proved
    # the same double sum in two orders, with a factor that only cancelling shows equal: still proved by cancelling
    rows, columns = sp.Sum(sp.Sum(w[k, j], (j, 1, n)), (k, 1, n)), sp.Sum(sp.Sum(w[k, j], (k, 1, n)), (j, 1, n))
    assert reordered_then_cancelled((x**2 - 1) / (x - 1) * rows - (x + 1) * columns) == (True, True)
    proved = prove_zero((x**2 - 1) / (x - 1) * rows - (x + 1) * columns)
    assert proved.proved and proved.method == "sums reordered, then algebraic simplification"
    assert not prove_zero((x**2 - 1) / (x - 1) * rows - (x + 2) * columns).proved
