r"""Untagged, a name a formula compares with a sum's index (in a min or max beside it, or as the sum's first term)
may be a whole number within the index's range: \sum_{i=1}^{n} \min(i, w) = nw - \frac{w(w-1)}{2} holds for a
whole-number window w \le n and fails for w = 0.41. The formula is decided only where both readings agree, else
SKIPPED with both."""

import pytest
from checking import verdicts

from derive.docs.index_compared import compared_with_index

# correct for whole numbers in the index's range, refuted for real ones: not decided
WHOLE_ONLY = [
    r"\sum_{i=1}^{n} \min(i, w) = nw - \frac{w(w-1)}{2}",
    r"\sum_{i=1}^{n} \max(i - w, 0) = \frac{(n-w)(n-w+1)}{2}",
]
# wrong for whole numbers too: FAIL
WRONG = [
    r"\sum_{i=1}^{n} \min(i, w) = nw - \frac{w(w+1)}{2}",
    r"\sum_{i=1}^{n} \max(i - w, 0) = \frac{(n-w)(n-w-1)}{2}",
    r"\sum_{i=k}^{n} 1 = n - k",
]
# correct for every reading: PASS
CORRECT = [r"\sum_{i=k}^{n} 1 = n - k + 1"]


@pytest.mark.parametrize("formula", WHOLE_ONLY)
def test_a_formula_that_holds_for_whole_numbers_only_is_skipped_with_both_readings(tmp_path, formula):
    [(found, detail)] = verdicts(tmp_path, formula)
    assert found == "SKIPPED", detail
    assert "whole number in the index's range: read so it holds" in detail, detail
    assert "as any real number it fails" in detail, detail


@pytest.mark.parametrize("formula", WRONG)
def test_a_formula_wrong_for_whole_numbers_too_fails(tmp_path, formula):
    [(found, detail)] = verdicts(tmp_path, formula)
    assert found == "FAIL", detail


@pytest.mark.parametrize("formula", CORRECT)
def test_a_formula_that_holds_for_both_readings_passes(tmp_path, formula):
    [(found, detail)] = verdicts(tmp_path, formula)
    assert found == "PASS", detail


def test_the_names_compared_with_an_index_and_its_range():
    assert compared_with_index(WHOLE_ONLY[0]) == {"w": (1, "n")}
    assert compared_with_index(r"\sum_{i=k}^{n} 1 = n - k") == {"k": (None, "n")}
    # a min of names the index does not meet, or of the index and a number: nothing compared
    assert compared_with_index(r"\sum_{i=1}^{n} x_i \min(a, b) = 2") == {}
    assert compared_with_index(r"\sum_{i=1}^{n} \min(i, 5) = 2") == {}
