"""\\nabla_\\theta f(\\theta_1): the gradient of f taken at a point written with the variable's letter (another subscript,
a prime), as authors of optimisers write it, never the gradient of the constant f(\\theta_1), which is 0."""

import pytest
from checking import untagged_verdict, verdict

CUBE = r"f(\theta) = \theta^3; \theta_1: real; \theta': real"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\nabla_\theta f(\theta_1) = 3 \theta_1^2", "PASS"),
        (r"\nabla_\theta f(\theta_1) = 2 \theta_1", "FAIL"),
        (r"\nabla_{\theta} f(\theta') = 3 \theta'^2", "PASS"),
        (r"\nabla_{\theta} f(\theta') = 0", "FAIL"),
        (r"\theta_1 - \nabla_\theta f(\theta_1) = \theta_1 - 3 \theta_1^2", "PASS"),
        (r"\theta_1 - \nabla_\theta f(\theta_1) = \theta_1", "FAIL"),
        (r"\nabla_\theta f(\theta) = 3 \theta^2", "PASS"),
    ],
)
def test_a_gradient_written_at_a_point_named_with_its_variable_is_taken_there(tmp_path, formula, expected):
    found = verdict(tmp_path, CUBE, formula)
    assert found[0] == expected, found


SQUARE = r"L(\theta) = \theta^2; \theta_0: real; \theta^*: real"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\frac{\partial}{\partial \theta} L(\theta_0) = 2\theta_0", "PASS"),
        (r"\frac{\partial}{\partial \theta} L(\theta_0) = 0", "FAIL"),
        (r"\frac{d}{d\theta} L(\theta^*) = 2\theta^*", "PASS"),
        (r"\frac{d}{d\theta} L(\theta^*) = 0", "FAIL"),
        (r"\partial_\theta L(\theta_0) = 2\theta_0", "PASS"),
        (r"\partial_\theta L(\theta_0) = 0", "FAIL"),
        (r"\nabla_\theta L(\theta^*) = 2\theta^*", "PASS"),
        (r"\nabla_\theta L(\theta^*) = \theta^*", "FAIL"),
    ],
)
def test_every_derivative_operator_takes_a_labelled_point_alike(tmp_path, formula, expected):
    found = verdict(tmp_path, SQUARE, formula)
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        # read as written the gradient is 0 and the update leaves u; taken at u it moves it
        (r"J: function; u: real", r"u - \eta \nabla_\theta J(u) = u", "UNKNOWN"),
        (r"J(\theta) = \theta^2; u: real", r"\nabla_\theta J(u) = 2u", "UNKNOWN"),
        (r"J(\theta) = \theta^2; u: real", r"\frac{d}{d\theta} J(u) = 0", "UNKNOWN"),
        (r"J: function; u: real", r"u - \eta \nabla_\theta J(u) \cdot 2 = u", "UNKNOWN"),
        (r"J(\theta) = \theta^2; u: real; v: real", r"\nabla_\theta J(u)^\top v = 2uv", "UNKNOWN"),
        # both readings agree: a constant function, or a wrong value under both
        (r"J(\theta) = 5; u: real", r"\nabla_\theta J(u) = 0", "PASS"),
        (r"J(\theta) = 5; u: real", r"\nabla_\theta J(u) = 1", "FAIL"),
    ],
)
def test_a_derivative_of_a_function_at_another_name_stands_only_where_both_readings_agree(
    tmp_path, tag, formula, expected
):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == expected, found
    if expected == "UNKNOWN":
        assert "taken at that argument" in found[1], found


def test_untagged_a_derivative_at_another_name_is_not_passed_as_zero(tmp_path):
    found = untagged_verdict(tmp_path, r"u - \eta \nabla_\theta J(u) = u")
    assert found[0] != "PASS", found
    assert "taken at that argument" in found[1], found
    assert untagged_verdict(tmp_path, r"\frac{\partial}{\partial \theta} L(\theta_0) = 0")[0] != "PASS"


@pytest.mark.parametrize(
    "formula",
    [
        r"f(x_0) + \frac{d}{dx} f(x_0) h = \sin(x_0) + \cos(x_0) h",
        r"f(x_0) + \nabla_x f(x_0) h = \sin(x_0)",
    ],
)
def test_a_derivative_at_a_point_times_a_factor_is_neither_passed_nor_refuted_as_zero(tmp_path, formula):
    # read as the derivative of f alone it is taken at x_0; read as the derivative of the product it is 0
    found = verdict(tmp_path, r"f(x) = \sin(x); x_0: real; h: real", formula)
    assert found[0] == "UNKNOWN", found
    assert "may apply to f(x_0) alone" in found[1], found


def test_a_stationary_condition_and_a_point_among_other_arguments_are_read_at_the_point(tmp_path):
    minimum = r"L(\theta) = (\theta - 3)^2; \theta^* = 3"
    assert verdict(tmp_path, minimum, r"\nabla L(\theta^*) = 0")[0] == "PASS"
    assert verdict(tmp_path, r"L(\theta) = (\theta - 3)^2; \theta^* = 2", r"\nabla L(\theta^*) = 0")[0] == "FAIL"
    several = r"L(\theta, x) = \theta^2 x; \theta_t: real; x: real"
    assert verdict(tmp_path, several, r"\nabla_\theta L(\theta_t, x) = 2\theta_t x")[0] == "PASS"
    assert verdict(tmp_path, several, r"\nabla_\theta L(\theta_t, x) = 0")[0] == "FAIL"
