"""A tag's range on a function's value at its parameters (g(x) > 0, \\pi_{ref}(y \\mid x) > 0), where nothing else in
the tag defines the function, makes it any positive function of them: the formula may differentiate it or apply it at
other arguments. It had been one positive number, so a derivative of it was 0 and the wrong product rule PASSed."""

import pytest

from tests.docs.checking import assert_page_pass_and_fail, verdict

DPO = (
    r"\pi^*(y \mid x) = \frac{1}{Z(x)} \pi_{\text{ref}}(y \mid x) \exp\left(\frac{r(x,y)}{\beta}\right);"
    r" \beta > 0; Z(x) > 0; \pi_{\text{ref}}(y \mid x) > 0"
)
RATIO = r"\beta \log \frac{\pi^*(y_1 \mid x)}{\pi_{\text{ref}}(y_1 \mid x)}"
OTHER = r"\beta \log \frac{\pi^*(y_2 \mid x)}{\pi_{\text{ref}}(y_2 \mid x)}"


@pytest.mark.parametrize(
    "tag, correct, wrong",
    [
        (
            r"f(x) = g(x) h(x); g(x) > 0",
            r"\frac{d}{dx} f(x) = h(x) \frac{d}{dx} g(x) + g(x) \frac{d}{dx} h(x)",
            r"\frac{d}{dx} f(x) = g(x) \frac{d}{dx} h(x)",
        ),
        (DPO, rf"r(x, y_1) - r(x, y_2) = {RATIO} - {OTHER}", rf"r(x, y_1) - r(x, y_2) = {RATIO} + {OTHER}"),
    ],
)
def test_a_function_ranged_at_its_parameters_is_any_positive_function(tmp_path, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_range_with_an_upper_end_keeps_the_value_read_at_those_arguments(tmp_path):
    # 0 < f(x) < 1: a value in (0, 1), which no positive function keeps; log(1 - f(x)) stays real
    assert verdict(tmp_path, r"0 < f(x) < 1", r"\log(1 - f(x)) < 0")[0] == "PASS"
    assert verdict(tmp_path, r"0 < f(x) < 1", r"\log(1 - f(x)) > 0")[0] == "FAIL"
