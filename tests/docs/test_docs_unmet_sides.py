"""Which side of an equation between an expression and a number stays above the other at every real value."""

import sympy as sp

from derive.docs.unmet_sides import side_above


def test_a_side_above_the_number_at_every_real_value_is_found():
    a, b, x = sp.symbols("a b x")
    assert side_above([sp.exp(a) / (sp.exp(a) + sp.exp(b)), sp.Integer(0)]) == 0
    assert side_above([sp.Integer(0), x**2 + 1]) == 1
    assert side_above([-sp.log(1 / (1 + sp.exp(-x))), sp.Integer(0)]) == 0  # -log σ(x) > 0


def test_sides_that_meet_or_are_not_plain_names_are_not_ordered():
    x, n = sp.symbols("x n")
    assert side_above([x**2 - 1, sp.Integer(0)]) is None  # met at x = 1
    assert side_above([sp.sqrt(x), sp.Integer(0)]) is None  # met at x = 0
    assert side_above([sp.IndexedBase("p")[1] ** 2 + 1, sp.Integer(0)]) is None  # a vector's entry: one size only
    assert side_above([sp.Sum(x**2 + 1, (x, 1, n)), sp.Integer(0)]) is None
    assert side_above([x + 1, x]) is None  # no side a number
    assert side_above([1 / (1 - x), sp.Integer(20)]) is None  # met at x = 0.95: a name of no kind is any real


def test_a_name_of_a_positive_kind_is_taken_positive():
    d = sp.Symbol("d")
    assert side_above([sp.exp(1 / sp.sqrt(d)), sp.Integer(0)]) is None
    assert side_above([sp.exp(1 / sp.sqrt(d)), sp.Integer(0)], positive={d}) == 0
