r"""Untagged, an expression set equal to a case split whose rows each state a range
(``\frac{d}{dx}\operatorname{ReLU}(x) = \begin{cases} 0 & x < 0 \\ 1 & x > 0 \end{cases}``) claims the value in each
case for every value of its names, and is decided; a case split set apart (a definition of a name, or rows that test
an equality, ``y = 1``, which values drawn from a range would not meet) is not."""

import pytest

from tests.docs.checking import verdict

HARDSWISH = r"\begin{cases} 0 & \text{if~} x \le -3, \\ x & \text{if~} x \ge +3, \\ x \cdot (x + 3) / %s & \text{otherwise} \end{cases} = x \cdot \min(\max(0, x + 3), 6) / 6"


@pytest.mark.parametrize(
    "correct, wrong",
    [
        (
            r"\frac{d}{dx}\operatorname{ReLU}(x) = \begin{cases} 0 & \text{if } x < 0 \\ 1 & \text{if } x > 0 \end{cases}",
            r"\frac{d}{dx}\operatorname{ReLU}(x) = \begin{cases} 1 & \text{if } x < 0 \\ 0 & \text{if } x > 0 \end{cases}",
        ),
        (HARDSWISH % "6", HARDSWISH % "3"),
        (
            r"|x| = \begin{cases} x & x \ge 0 \\ -x & x < 0 \end{cases}",
            r"|x| = \begin{cases} x + 1 & x \ge 0 \\ -x - 1 & x < 0 \end{cases}",
        ),
    ],
)
def test_an_expression_equal_to_a_case_split_is_decided(tmp_path, correct, wrong):
    result, detail = verdict(tmp_path, None, correct)
    assert result == "PASS", (result, detail)
    result, detail = verdict(tmp_path, None, wrong)
    assert result == "FAIL" and "fails at" in detail, (result, detail)


@pytest.mark.parametrize(
    "formula",
    [
        r"g(x) = \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}",  # defines g
        r"-y\log p - (1-y)\log(1-p) = \begin{cases} -\log p & \text{if } y = 1 \\ -\log(1-p) & \text{otherwise} \end{cases}",
        r"\max(0, x) = \begin{cases} x & \text{if } x > a \\ 0 & \text{otherwise} \end{cases}",  # a: the text's
    ],
)
def test_other_case_splits_are_not_decided(tmp_path, formula):
    result, detail = verdict(tmp_path, None, formula)
    assert result == "SKIPPED", (result, detail)


SIGN = r"\text{sign}(x) = \begin{cases} %s & \text{if } x \ge 0 \\ -1 & \text{if } x < 0 \end{cases}"


def test_a_case_split_that_parts_from_sign_only_at_its_jump_is_not_decided(tmp_path):
    """sign(x) written as 1 for x >= 0 is the usual sign everywhere but at 0, where conventions differ: neither a
    PASS (it is not the usual sign there) nor a FAIL (the author may mean that convention)."""
    for tag in (None, "x: real"):
        result, detail = verdict(tmp_path, tag, SIGN % "1")
        assert result in ("SKIPPED", "UNKNOWN") and "where a piece of the formula jumps" in detail, (result, detail)
        assert "x=0" in detail, detail
        result, detail = verdict(tmp_path, tag, SIGN % "2")  # wrong at every positive x
        assert result == "FAIL" and "fails at" in detail, (result, detail)


def test_a_case_split_equal_at_its_boundary_still_passes(tmp_path):
    correct = r"\max(x, 0) = \begin{cases} x & \text{if } x > 0 \\ 0 & \text{if } x \le 0 \end{cases}"
    result, detail = verdict(tmp_path, None, correct)
    assert result == "PASS", (result, detail)
