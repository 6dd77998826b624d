"""A bracket with the subscript +, (a)_+ or [a]_+, is the positive part max(0, a), raised or not (derive.docs.brackets)."""

import pytest
from checking import assert_page_pass_and_fail, verdict

# (tag, correct formula, wrong variant)
PAIRS = [
    ("x: real", r"(x)_+ - (-x)_+ = x", r"(x)_+ - (-x)_+ = |x|"),
    ("y: real; f: real", r"[1 - y f]_+ = \max(0, 1 - y f)", r"[1 - y f]_+ = 1 - y f"),
    (  # a power written before the subscript, as GPyTorch's piecewise polynomial kernel writes (1 - r)^{j+1}_+
        "r = 0.5; j = 3",
        r"(1-r)^{j+1}_+ ((j + 1)r + 1) = 0.1875",
        r"(1-r)^{j+1}_+ ((j + 1)r + 1) = 0.125",
    ),
    ("r: real", r"(1-r)_+^{3} = \max(0, 1-r)^3", r"(1-r)_+^{3} = (1-r)^3"),
    ("r = 2", r"(1-r)^{2}_{+} = 0", r"(1-r)^{2}_{+} = 1"),
]


@pytest.mark.parametrize("tag, correct, wrong", PAIRS)
def test_a_bracket_with_the_subscript_plus_is_its_positive_part(tmp_path, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_bracket_with_an_index_is_still_one_entry(tmp_path):
    tag = r"v = (1, 5, 7)"
    assert verdict(tmp_path, tag, r"(2 v)_2 = 10")[0] == "PASS"
    assert verdict(tmp_path, tag, r"(2 v)_2 = 5")[0] == "FAIL"
