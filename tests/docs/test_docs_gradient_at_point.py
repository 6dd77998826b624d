"""\\nabla_\\theta f(\\theta_1): the gradient of f taken at a point written with the variable's letter (another subscript,
a prime), as authors of optimisers write it, never the gradient of the constant f(\\theta_1), which is 0."""

import pytest
from checking import verdict

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
