"""Asymptotic bounds, O(f) = O(g) and \\Theta(f) = \\Theta(g): one bound where the arguments are equal at every
point, and never refuted by arguments that differ (O(2n) = O(n) holds), as a number times a bracket would be."""

import pytest
from checking import untagged_verdict, verdict

POSITIVE = "b, n, d, h: positive integers"


@pytest.mark.parametrize(
    "tag, correct, wrong",
    [
        (
            POSITIVE,
            r"\mathbb{AI} = \Theta(\frac{bn^2d + bnd^2}{bn^2d+nd^2}) = \Theta(\frac{bn+bd}{bn+d})",
            r"\mathbb{AI} = \Theta(\frac{bn^2d + bnd^2}{bn^2d+nd^2}) = \Theta(\frac{bn+bd}{n+d})",
        ),
        (
            POSITIVE,
            r"\Theta\!\left(\dfrac{b(n+d)}{b n / h + d}\right)=\Theta\!\left(h \cdot \dfrac{bn+bd}{bn+hd}\right)",
            r"\Theta\!\left(\dfrac{b(n+d)}{b n / h + d}\right)=\Theta\!\left(h \cdot \dfrac{bn+bd}{bn+d}\right)",
        ),
        ("n: positive integer", r"O(\frac{n^2 + n}{n}) = O(n + 1)", r"O(\frac{n^2 + n}{n}) = O(n^2)"),
        (None, r"\Omega(\frac{2n}{2}) = \Omega(n)", r"\Omega(\frac{2n}{2}) = \Omega(n^2)"),
    ],
)
def test_bounds_of_equal_arguments_pass_and_of_unequal_ones_are_undecided(tmp_path, tag, correct, wrong):
    check = (lambda latex: verdict(tmp_path, tag, latex)) if tag else (lambda latex: untagged_verdict(tmp_path, latex))
    passed = check(correct)
    assert passed[0] == "PASS" and "arguments are equal at every point" in passed[1], passed
    undecided = check(wrong)
    assert undecided[0] in ("UNKNOWN", "SKIPPED") and "not modelled" in undecided[1], undecided


@pytest.mark.parametrize(
    "latex",
    [
        r"\Theta(n^2 + n) = \Theta(n^2)",
        r"O(\frac{2n}{1}) = O(n)",
        r"\Omega(3 n + 1) = \Omega(n)",
        r"T = \Theta(n^2 + n)",
        r"O(n, T) = O(T, n)",
    ],
)
def test_a_true_bound_whose_arguments_differ_is_no_false_alarm(tmp_path, latex):
    """Theta and Omega before a bracket holding a sum or a fraction are bounds, not a number times the bracket."""
    found = verdict(tmp_path, "n: positive integer; T: positive", latex)
    assert found[0] == "UNKNOWN", found
    assert untagged_verdict(tmp_path, latex)[0] != "FAIL"


def test_a_letter_the_tag_declares_a_number_still_multiplies_its_bracket(tmp_path):
    assert verdict(tmp_path, r"O, a, b \in \mathbb{R}", r"O (a + b) = O a + O b")[0] == "PASS"
    assert verdict(tmp_path, r"O, a, b \in \mathbb{R}", r"O (a + b) = O a + b")[0] == "FAIL"
