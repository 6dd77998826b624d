r"""Untagged, an inequality between names and a number or an expression on one side only may be a condition on its
names; one whose reverse holds for every value (``x - \log x - 1 \le 0`` beside ``x - \log x - 1 \ge 0``) holds at most
where its sides are equal, which is no range a condition states: it FAILs with a point where it fails."""

import pytest

from derive.docs.untagged_free import ONLY_WHERE_SIDES_MEET
from tests.docs.checking import verdict


@pytest.mark.parametrize(
    "wrong, correct",
    [
        (r"x - \log x - 1 \le 0", r"x - \log x - 1 \ge 0"),
        (r"x - \log x - 1 < 0", r"x - \log x - 1 \ge 0"),  # strict: it holds nowhere
        (r"\sum_j e^{x_j - \max(x)} \leq 1", r"\sum_j e^{x_j - \max(x)} \geq 1"),
        (r"H(p, q) \le H(p)", r"H(p, q) \ge H(p)"),  # q on one side only
    ],
)
def test_an_inequality_whose_reverse_holds_everywhere_fails(tmp_path, wrong, correct):
    result, detail = verdict(tmp_path, None, wrong)
    assert result == "FAIL" and ONLY_WHERE_SIDES_MEET in detail and "violated at" in detail, detail
    assert verdict(tmp_path, None, correct)[0] == "PASS"


@pytest.mark.parametrize(
    "formula",
    [
        r"x^2 - 3x \le 0",  # holds on [0, 3]: a condition on x
        r"\exp\left(-\frac{1}{2} \|\mathbf{q} - \mathbf{k}\|^2 \right) < 1",  # fails only where q = k
        r"\sin(3p) \ge \cos(3p)",
    ],
)
def test_an_inequality_that_holds_on_a_range_is_not_refuted(tmp_path, formula):
    result, detail = verdict(tmp_path, None, formula)
    assert result == "SKIPPED", (result, detail)
