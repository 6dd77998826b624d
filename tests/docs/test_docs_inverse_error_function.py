"""\\mathrm{erf}^{-1}(y): the inverse error function, as \\tan^{-1} is the arctangent (derive.docs.functions)."""

import pytest
from checking import assert_page_pass_and_fail, untagged_verdict, verdict

# (tag, correct formula, wrong variant)
PAIRS = [
    ("x: real", r"\mathrm{erf}^{-1}(\mathrm{erf}(x)) = x", r"\mathrm{erf}^{-1}(\mathrm{erf}(x)) = 2x"),
    ("", r"\operatorname{erf}^{-1}(0.5) = 0.4769", r"\operatorname{erf}^{-1}(0.5) = 0.4796"),
    (  # torch.special.ndtri's docstring: the standard normal quantile through the inverse error function
        r"\text{ndtri}(p) = \Phi^{-1}(p); \Phi is the standard normal CDF; 0 < p < 1",
        r"\text{ndtri}(p) = \sqrt{2}\text{erf}^{-1}(2p - 1)",
        r"\text{ndtri}(p) = \text{erf}^{-1}(2p - 1)",
    ),
]


@pytest.mark.parametrize("tag, correct, wrong", PAIRS)
def test_erf_to_the_minus_one_is_the_inverse_error_function(tmp_path, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag or None, correct, wrong)


def test_the_inverse_has_no_value_outside_minus_one_to_one(tmp_path):
    # odd on (-1, 1); the points outside, where it has no value, are left out rather than breaking the check
    assert untagged_verdict(tmp_path, r"\mathrm{erf}^{-1}(y) = -\mathrm{erf}^{-1}(-y)")[0] == "PASS"
    assert verdict(tmp_path, None, r"\mathrm{erf}^{-1}(2) = 1")[0] != "FAIL"


def test_another_power_of_erf_is_still_refused(tmp_path):
    found = verdict(tmp_path, "x: real", r"\mathrm{erf}^{2}(x) = x")
    assert found[0] == "UNKNOWN" and "a power or superscript on erf" in found[1], found
