"""Compiled evaluation plans agree with the instantiated evaluation, and the verifier's checks stay as strict."""

import mpmath
import pytest
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, index, reals, vector
from derive.compile import plan
from derive.domain import Point
from derive.notation import Sum, delta, i, j, k, n, softmax, z
from derive.numeric import INSTANTIATED, evaluate_with_path, instantiated_value, relative_error
from derive.verify import verify

x, y = sp.symbols("x y", real=True)
POINT = Point(
    {n: 4, i: 2, j: 3, x: mpmath.mpf(3) / 10, y: mpmath.mpf(17) / 10, z: [mpmath.mpf(v) / 7 for v in (3, -5, 11, 2)]}
)

SAME_VALUE = [
    sp.Derivative(sp.asin(x) * sp.exp(x * y) + sp.log(x) ** 3, x),
    sp.Derivative(sp.sin(x) * y**x, x, y),
    sp.Derivative(x**5, (x, 2)),
    sp.Subs(sp.Derivative(sp.tanh(x) ** 2, x), x, y),
    # functions whose derivative is written in their own value, perturbed twice (nested duals)
    sp.Derivative(sp.exp(x**2) * sp.tan(x), x, 2),
    sp.Derivative(sp.tanh(x * y), x, y),
    sp.Derivative(sp.Max(x**2, y) * sp.Abs(x - 1), x, 2),
    sp.Derivative(softmax(i), z[j]),
    sp.Derivative(softmax(i), z[i], z[j]),
    Sum(softmax(j) * sp.log(softmax(j)), j, n),
    Sum(softmax(i) * (delta(i, j) - softmax(j)), j, n),
    sp.Product(1 + z[k] ** 2, (k, 1, n)),
    sp.Piecewise((x, y > 2), (y - x, True)),
    # a derivative inside a sum: every term shares one perturbed vector (and its memoized inner sums)
    Sum(z[i] * sp.Derivative(softmax(i), z[j]), i, n),
    # ... and inside another derivative, whose perturbation the inner one must see
    sp.Derivative(Sum(z[k] ** 2 * sp.Derivative(softmax(k), z[j]), k, n), z[i]),
    # a body that does not read its index: one value, counted as often as the loop runs
    Sum(x * sp.log(y), k, n),
    sp.Product(1 + x**2, (k, 1, n)),
    sp.Sum(sp.Sum(z[k] ** 2, (j, 1, k)), (k, 1, n)),
    sp.Sum(z[k] * x, (j, k, n), (k, 1, n)),
    sp.Derivative(Sum(z[i] ** 2, k, n), z[i]),
    Sum(sp.Derivative(softmax(i), z[j]), j, n),  # reads j only as the derivative's variable
    # one named function met in several places and plans: its remembered definition binds the same dummy
    Sum(softmax(k) * Sum(softmax(k) * softmax(j) ** 2, j, n), k, n) - softmax(i),
]


@pytest.mark.parametrize("expr", SAME_VALUE, ids=range(len(SAME_VALUE)))
def test_a_plan_gives_the_instantiated_value(expr):
    path, value = evaluate_with_path(expr, POINT)
    assert path == "compiled"
    assert relative_error(value, instantiated_value(expr, POINT)) < mpmath.mpf(10) ** -55


def test_a_wrong_derivative_is_told_apart():
    right = evaluate_with_path(sp.Derivative(softmax(i), z[j]), POINT)[1]
    wrong = evaluate_with_path(softmax(i) * (delta(i, j) + softmax(j)), POINT)[1]
    assert relative_error(right, wrong) > mpmath.mpf(10) ** -3


def test_a_derivative_written_in_the_functions_value_is_told_apart_from_a_wrong_one():
    for function, right, wrong in (
        (sp.tanh, 1 - sp.tanh(x) ** 2, 1 + sp.tanh(x) ** 2),
        (sp.tan, 1 + sp.tan(x) ** 2, 1 - sp.tan(x) ** 2),
        (sp.exp, sp.exp(x), 2 * sp.exp(x)),
    ):
        derivative = evaluate_with_path(sp.Derivative(function(x), x), POINT)[1]
        assert relative_error(derivative, evaluate_with_path(right, POINT)[1]) < mpmath.mpf(10) ** -55
        assert relative_error(derivative, evaluate_with_path(wrong, POINT)[1]) > mpmath.mpf(10) ** -3


def test_a_sum_of_a_body_without_its_index_counts_its_terms():
    four = 4 * evaluate_with_path(x * sp.log(y), POINT)[1]
    assert relative_error(evaluate_with_path(Sum(x * sp.log(y), k, n), POINT)[1], four) < mpmath.mpf(10) ** -55
    assert relative_error(evaluate_with_path(Sum(x * sp.log(y), k, n - 1), POINT)[1], four) > mpmath.mpf(10) ** -3
    assert evaluate_with_path(sp.Sum(x, (k, 3, 2)), POINT) == ("compiled", 0)


def test_what_the_compiler_does_not_know_is_instantiated():
    temperature = sp.Symbol("T", positive=True)
    limit = sp.Limit(sp.exp(-x / temperature), temperature, 0, dir="+")
    assert not hasattr(plan(limit), "run")
    path, value = evaluate_with_path(limit, POINT)
    assert path == INSTANTIATED and value == 0


def _result(closed_form, statement=sp.Derivative(softmax(i), z[j])):
    return Result(
        title="softmax Jacobian",
        area="Softmax and losses",
        claims=[
            Claim(
                statement=sp.Eq(statement, closed_form, evaluate=False),
                steps=[Step(statement), Step(closed_form, because="quotient rule")],
                oracle=None,
            )
        ],
        domain=Domain({n: dimension(1, 4), z: vector(n, reals(-3, 3)), i: index(n), j: index(n)}),
    ).named("jacobian_check", "The softmax Jacobian.", "")


def test_the_verifier_accepts_a_right_step_by_its_plan_and_rejects_a_wrong_one():
    right = verify(_result(softmax(i) * (delta(i, j) - softmax(j)))).claims[0].steps[0]
    wrong = verify(_result(softmax(i) * (delta(i, j) + softmax(j)))).claims[0].steps[0]
    assert right.symbolic != "failed" and "compiled" in right.numeric_path
    assert wrong.symbolic == "failed" and wrong.counterexample


def test_a_derivative_inside_a_sum_is_checked_as_strictly_by_its_plan():
    statement = Sum(z[i] * sp.Derivative(softmax(i), z[j]), i, n)
    weighted = Sum(z[i] * softmax(i), i, n)
    right = verify(_result(softmax(j) * (z[j] - weighted), statement)).claims[0].steps[0]
    wrong = verify(_result(softmax(j) * (z[j] + weighted), statement)).claims[0].steps[0]
    assert right.symbolic != "failed" and "compiled" in right.numeric_path
    assert wrong.symbolic == "failed" and wrong.counterexample


def test_the_value_compared_with_an_oracle_is_the_instantiated_one_digit_for_digit():
    from derive.verify import PointValues

    statement = Sum(z[k] * softmax(k), k, n) / (1 + x**2)
    values = PointValues([POINT], reference=statement)
    assert values.at(statement, 0) == instantiated_value(statement, POINT)
    assert values.path(statement) == "compiled"


def test_a_statement_that_is_zero_is_written_out_not_left_as_the_plans_rounding_noise():
    from derive.verify import PointValues

    statement = Sum(softmax(k), k, n) - 1
    values = PointValues([POINT], reference=statement)
    assert values.at(statement, 0) == instantiated_value(statement, POINT)
    assert values.path(statement) == INSTANTIATED


def test_a_function_that_evaluates_itself_at_numbers_is_compiled_per_integers():
    class LargestMagnitude(sp.Function):
        @classmethod
        def eval(cls, vec, size):
            if size.is_Integer:
                return sp.Max(*(sp.Abs(vec[t]) for t in range(1, int(size) + 1)))
            return None

    class Cube(sp.Function):
        @classmethod
        def eval(cls, value):
            return value**3 if value.is_Number else None

    for expr in (LargestMagnitude(z, n) * x, Cube(z[i] + x) - y):
        path, value = evaluate_with_path(expr, POINT)
        assert path.startswith("compiled")
        assert relative_error(value, instantiated_value(expr, POINT)) < mpmath.mpf(10) ** -55
    wrong = evaluate_with_path(Cube(z[i] + x) - 2 * y, POINT)[1]
    assert relative_error(evaluate_with_path(Cube(z[i] + x) - y, POINT)[1], wrong) > mpmath.mpf(10) ** -3


class _Component(sp.Function):
    """The entry of a vector at a concrete position (evaluates itself only once the position is a number)."""

    @classmethod
    def eval(cls, vec, position):
        return vec[position] ** 2 if position.is_Integer else None


def test_a_self_evaluating_function_of_a_loop_index_is_compiled_per_index():
    right, wrong = Sum(_Component(z, k), k, n), Sum(_Component(z, k), k, n - 1)
    path, value = evaluate_with_path(right, POINT)
    assert path.startswith("compiled")
    assert relative_error(value, instantiated_value(right, POINT)) < mpmath.mpf(10) ** -55
    assert relative_error(value, instantiated_value(Sum(z[k] ** 2, k, n), POINT)) < mpmath.mpf(10) ** -55
    assert relative_error(value, evaluate_with_path(wrong, POINT)[1]) > mpmath.mpf(10) ** -3


class _Scaled(sp.Function):
    """position · total, once both are numbers."""

    @classmethod
    def eval(cls, position, total):
        return position * total if position.is_Number and total.is_Number else None


class _ScaledSquares(sp.Function):
    """k · Σ_{t≤3} v_t², written out at a concrete position with a fresh summation index each time (as σ_k of an
    explicit matrix writes its entries)."""

    @classmethod
    def eval(cls, vec, position):
        if not position.is_Integer:
            return None
        fresh = sp.Dummy("t", integer=True, positive=True)
        return _Scaled(position, sp.Sum(vec[fresh] ** 2, (fresh, 1, 3)))


def test_arguments_written_out_again_for_each_loop_index_are_compiled_once_and_keep_their_value():
    from derive.compile import _compiled_alone

    right, wrong = Sum(_ScaledSquares(z, k), k, n), Sum(_ScaledSquares(z, k), k, n - 1)
    before = _compiled_alone.cache_info()
    path, value = evaluate_with_path(right, POINT)
    after = _compiled_alone.cache_info()
    assert path.startswith("compiled")
    assert after.hits > before.hits  # the sum of squares of the later positions is the first one's compiled plan
    expected = Sum(k, k, n) * sp.Sum(z[j] ** 2, (j, 1, 3))
    assert relative_error(value, instantiated_value(right, POINT)) < mpmath.mpf(10) ** -55
    assert relative_error(value, instantiated_value(expected, POINT)) < mpmath.mpf(10) ** -55
    assert relative_error(value, evaluate_with_path(wrong, POINT)[1]) > mpmath.mpf(10) ** -3


def test_a_limit_at_a_point_is_taken_with_the_points_numbers_exact_and_keeps_its_verdict():
    from derive.numeric import exact_limits

    temperature = sp.Symbol("T", positive=True)
    a = sp.Float(POINT[x], 60)
    for body, target in ((sp.exp(-a / temperature), 0), (sp.exp(a / temperature), sp.oo), (a * temperature, 0)):
        limit = sp.Limit(body, temperature, 0, dir="+")
        assert exact_limits(limit).doit() == limit.doit() == target  # the Floats' own path gives the same
    hot = sp.Limit(
        sp.exp(a / temperature) / (sp.exp(a / temperature) + sp.exp(2 * a / temperature)), temperature, sp.oo
    )
    assert exact_limits(hot).doit() == hot.doit() == sp.Rational(1, 2)

    def checked(closed_form):
        statement = sp.Limit(sp.exp(-x / temperature), temperature, 0, dir="+")
        result = Result(
            title="a vanishing exponential",
            area="Softmax and losses",
            claims=[
                Claim(
                    statement=sp.Eq(statement, closed_form, evaluate=False),
                    steps=[Step(statement), Step(closed_form, because="x > 0")],
                    oracle=None,
                )
            ],
            domain=Domain({x: reals("0.1", 3)}),
        ).named("limit_check", "A limit.", "")
        return verify(result).claims[0].steps[0]

    assert checked(sp.Integer(0)).symbolic != "failed"
    wrong = checked(sp.Integer(1))
    assert wrong.symbolic == "failed" and wrong.counterexample


@pytest.mark.parametrize("low, expected", [(0, 1), (1, 0)])
def test_a_sum_from_zero_keeps_its_first_term_under_a_condition_on_its_index(low, expected):
    """Σ_{k=low}^{3} [k ≤ 0]: the index renamed for a plan is positive only when the sum starts at 1 or later (read as
    positive from 0, k ≤ 0 was false at once and the sum 0)."""
    index = sp.Dummy("k", integer=True, nonnegative=True)
    counted = sp.Sum(sp.Piecewise((1, sp.LessThan(index, 0, evaluate=False)), (0, True)), (index, low, 3))
    assert evaluate_with_path(counted, Point({})) == ("compiled", expected)
    assert instantiated_value(counted, Point({})) == expected


def test_a_derivative_by_a_variable_drawn_at_a_whole_number_is_taken_before_it_is_put_in():
    w = sp.Symbol("w", integer=True)  # a name the reading drew as a count
    derivative = sp.Derivative(w**3, w, evaluate=False)  # 3 w^2: 12 at w = 2, never d/d2 of 8
    assert instantiated_value(derivative, Point({w: 2})) == 12
    assert instantiated_value(derivative, Point({w: 3})) == 27


def test_an_integer_longer_than_a_double_keeps_every_digit():
    # 3**40 * x - 3**40 * (3/10): the constant rounded to 53 bits would move the value by about 10
    big = sp.Integer(3**40)
    expr = sp.Add(big * x, -big * sp.Rational(3, 10), evaluate=False)
    path, value = evaluate_with_path(expr, POINT)
    assert path == "compiled"
    assert relative_error(value, instantiated_value(expr, POINT)) < mpmath.mpf(10) ** -40
    rounded = sp.Integer(int(mpmath.mpf(3**40)))  # the wrong variant: the constant as a double holds it
    assert (
        relative_error(value, instantiated_value(sp.Add(rounded * x, -big * sp.Rational(3, 10)), POINT))
        > mpmath.mpf(10) ** -3
    )
