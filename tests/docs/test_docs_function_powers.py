"""A whole-number power written on a function the document defines or declares, f^2(x), is the power of its value
f(x)^2, as \\sin^2 x is; it had been left as a construct nothing reads."""

import pytest
from checking import verdict


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (r"f: function", r"f^2(x) = f(x)^2", "PASS"),
        (r"f: function", r"f^2(x) = 2 f(x)", "FAIL"),
        (r"g(x) = x^2", r"g^3(x + 1) = (x + 1)^6", "PASS"),
        (r"g(x) = x^2", r"g^3(x + 1) = (x + 1)^5", "FAIL"),
    ],
)
def test_a_power_of_a_tag_function_is_the_power_of_its_value(tmp_path, tag, formula, expected):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == expected, found
    if expected == "FAIL":
        assert "left = " in found[1] and "right = " in found[1], found


IMPORTANCE = r"w(x) = \frac{p(x)}{q(x)}; p: distribution; q: distribution; q(x) > 0; f: function"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\mathrm{Var}_{x \sim q}[f(x) w(x)] = E_{x \sim q}[f^2(x) w^2(x)] - E_{x \sim q}[f(x) w(x)]^2", "PASS"),
        (r"\mathrm{Var}_{x \sim q}[f(x) w(x)] = E_{x \sim q}[f^2(x) w(x)] - E_{x \sim q}[f(x) w(x)]^2", "FAIL"),
    ],
)
def test_the_variance_of_an_importance_weighted_value_written_with_powers_of_functions(tmp_path, formula, expected):
    found = verdict(tmp_path, IMPORTANCE, formula)
    assert found[0] == expected, found
