"""Evaluations shared between points and readings: keyed by what the expression holds, and never by less."""

import mpmath
import sympy as sp

from derive.compile import canonical_form, held_integers, plan, point_integers
from derive.domain import Point
from derive.numeric import _instantiate, evaluate_with_path, instantiated_value, relative_error

x = sp.Symbol("x", real=True)
n, m, i = (sp.Symbol(name, integer=True, positive=True) for name in ("n", "m", "i"))
z = sp.IndexedBase("z", real=True)


def _sum_of_powers(size):
    """Σ_{k=1}^{size} x^k under a fresh index, as a side read again at another size is."""
    k = sp.Dummy("k", integer=True, positive=True)
    return sp.Sum(x**k, (k, 1, size))


def _point(**integers):
    return Point({x: mpmath.mpf(3) / 10, **{sp.Symbol(s, integer=True, positive=True): v for s, v in integers.items()}})


def test_only_the_integers_an_expression_holds_key_its_work():
    expr = _sum_of_powers(n)
    assert held_integers(expr, point_integers(_point(n=3, m=5, i=2))) == ((n, sp.Integer(3)),)
    # a sum's index named like a point's symbol is renamed first: the point's m does not reach it
    bound = sp.Sum(x**m, (m, 1, 2))
    assert held_integers(bound, point_integers(_point(m=5))) == ()
    assert instantiated_value(bound, _point(m=5)) == instantiated_value(x + x**2, _point(m=1))


def test_points_that_differ_in_integers_not_held_share_one_instantiation_and_keep_their_values():
    expr = x + _sum_of_powers(n)
    before = _instantiate.cache_info().misses
    first, second = instantiated_value(expr, _point(n=3, m=1)), instantiated_value(expr, _point(n=3, m=4, i=2))
    assert _instantiate.cache_info().misses - before == 1
    assert first == second
    expected = mpmath.mpf(3) / 10 + sum((mpmath.mpf(3) / 10) ** k for k in (1, 2, 3))
    assert relative_error(first, expected) < mpmath.mpf(10) ** -14
    # the size the sum holds still keys it: another n is another value
    assert relative_error(instantiated_value(expr, _point(n=4, m=1)), first) > mpmath.mpf(10) ** -3


def test_readings_with_fresh_indices_share_one_plan_and_a_wrong_bound_is_told_apart():
    one, again = _sum_of_powers(n), _sum_of_powers(n)
    assert one != again and canonical_form(one) == canonical_form(again)
    assert plan(one) is plan(again)
    point = _point(n=5)
    right = evaluate_with_path(one, point)[1]
    assert right == evaluate_with_path(again, point)[1] == instantiated_value(again, point)
    wrong = evaluate_with_path(_sum_of_powers(n - 1), point)[1]
    assert relative_error(right, wrong) > mpmath.mpf(10) ** -3
