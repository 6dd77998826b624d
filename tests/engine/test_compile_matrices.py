"""Matrix expressions are compiled into plans that agree with the instantiated evaluation, and the checks stay as strict."""

import mpmath
import pytest
import sympy as sp

from derive import Claim, Domain, Result, Step, dimension, matrix, reals
from derive.compile import plan
from derive.domain import Point
from derive.numeric import INSTANTIATED, evaluate_with_path, instantiated_value, relative_error
from derive.verify import PointValues, verify

rows, cols, inner = sp.symbols("rows cols inner", integer=True, positive=True)
W = sp.MatrixSymbol("W", rows, cols)
B = sp.MatrixSymbol("B", rows, inner)
A = sp.MatrixSymbol("A", inner, cols)
x = sp.MatrixSymbol("x", cols, 1)
angle, scale = sp.symbols("angle scale", real=True)
v = sp.IndexedBase("v", real=True)


def _entries(count_rows, count_cols, seed):
    return mpmath.matrix(
        [[mpmath.mpf(((seed + 3 * a + 7 * b) % 11) - 5) / 7 for b in range(count_cols)] for a in range(count_rows)]
    )


POINT = Point(
    {
        rows: 3,
        cols: 4,
        inner: 2,
        W: _entries(3, 4, 1),
        B: _entries(3, 2, 2),
        A: _entries(2, 4, 3),
        x: _entries(4, 1, 4),
        angle: mpmath.mpf(3) / 10,
        scale: mpmath.mpf(17) / 10,
        v: [mpmath.mpf(2) / 7, mpmath.mpf(-5) / 7],
    }
)


class Turn(sp.MatrixExpr):
    """The 2×2 rotation by an angle: a matrix notation of concrete shape, given by its entries."""

    def __new__(cls, turn):
        return sp.Basic.__new__(cls, sp.sympify(turn))

    @property
    def shape(self):
        return (sp.Integer(2), sp.Integer(2))

    def _entry(self, row, col, **kwargs):
        return sp.ImmutableMatrix(
            [[sp.cos(self.args[0]), -sp.sin(self.args[0])], [sp.sin(self.args[0]), sp.cos(self.args[0])]]
        )[row, col]


class EntrySum(sp.Function):
    """The sum of the entries of an explicit matrix: a function of a matrix that evaluates itself."""

    @classmethod
    def eval(cls, m):
        if isinstance(m, sp.MatrixBase) and all(e.is_Number for e in m):
            return sp.Add(*m)
        return None


column = sp.ImmutableMatrix([[v[1]], [v[2]]])

SAME_VALUE = [
    sp.MatMul(W, x),
    sp.MatMul(sp.MatAdd(sp.MatMul(B, A), W), x),
    sp.MatAdd(sp.MatMul(B, sp.MatMul(A, x, evaluate=False), evaluate=False), sp.MatMul(W, x)),
    sp.MatMul(scale, sp.Transpose(W), B),
    sp.MatAdd(W, sp.ZeroMatrix(rows, cols)),
    sp.MatMul(sp.Identity(rows), W),
    sp.MatMul(sp.Transpose(column), Turn(angle), column),
    sp.MatMul(sp.Transpose(Turn(angle)), Turn(2 * angle)),
    EntrySum(sp.MatMul(B, A)) / (1 + scale**2),
]


@pytest.mark.parametrize("expr", SAME_VALUE, ids=range(len(SAME_VALUE)))
def test_a_matrix_plan_gives_the_instantiated_value(expr):
    path, value = evaluate_with_path(expr, POINT)
    assert path == "compiled"
    expected = instantiated_value(expr, POINT)
    assert type(value) is type(expected)
    assert relative_error(value, expected) < mpmath.mpf(10) ** -55


def test_a_wrong_matrix_product_is_told_apart():
    right = evaluate_with_path(sp.MatMul(sp.MatAdd(sp.MatMul(B, A), W), x), POINT)[1]
    wrong = evaluate_with_path(sp.MatAdd(sp.MatMul(W, x), sp.MatMul(W, x)), POINT)[1]
    assert relative_error(right, wrong) > mpmath.mpf(10) ** -3


def test_a_matrix_of_another_shape_than_its_symbol_takes_todays_path():
    point = Point({**dict(POINT.items()), x: _entries(3, 1, 4)})  # x should be cols × 1 = 4 × 1
    assert evaluate_with_path(sp.MatMul(sp.Transpose(x), x), point)[0] == INSTANTIATED


def test_a_matrix_notation_of_symbolic_shape_is_not_compiled():
    class Square(sp.MatrixExpr):
        @property
        def shape(self):
            return (rows, rows)

        def _entry(self, row, col, **kwargs):
            return sp.KroneckerDelta(row, col)

    assert not hasattr(plan(sp.MatMul(Square(), W)), "run")


def _result(closed_form):
    statement = sp.MatMul(sp.MatAdd(sp.MatMul(B, A), W), x)
    return Result(
        title="a low-rank update",
        area="Softmax and losses",
        claims=[
            Claim(
                statement=sp.Eq(statement, closed_form, evaluate=False),
                steps=[Step(statement), Step(closed_form, because="distribute")],
                oracle=None,
            )
        ],
        domain=Domain(
            {
                rows: dimension(1, 4),
                cols: dimension(1, 4),
                inner: dimension(1, 3),
                W: matrix(rows, cols, reals(-2, 2)),
                B: matrix(rows, inner, reals(-2, 2)),
                A: matrix(inner, cols, reals(-2, 2)),
                x: matrix(cols, 1, reals(-2, 2)),
            }
        ),
    ).named("low_rank_check", "A low-rank update distributes over the input.", "")


def test_the_verifier_accepts_a_right_matrix_step_by_its_plan_and_rejects_a_wrong_one():
    Bx = sp.MatMul(B, sp.MatMul(A, x, evaluate=False), evaluate=False)
    right = verify(_result(sp.MatAdd(Bx, sp.MatMul(W, x), evaluate=False))).claims[0].steps[0]
    wrong = verify(_result(sp.MatAdd(Bx, Bx, evaluate=False))).claims[0].steps[0]
    assert right.symbolic != "failed" and "compiled" in right.numeric_path
    assert wrong.symbolic == "failed" and wrong.counterexample


def test_a_matrix_statement_compared_with_an_oracle_is_written_out():
    statement = sp.MatMul(W, x)
    values = PointValues([POINT], reference=statement)
    assert values.at(statement, 0) == instantiated_value(statement, POINT)
    assert values.path(statement) == INSTANTIATED
