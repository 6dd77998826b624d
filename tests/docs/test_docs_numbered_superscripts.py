"""A name raised to 1 beside the same name raised to 2 (n_\\text{max}^1 \\times n_\\text{max}^2 = n_\\text{max}, the two
factors of n_max an axial encoding uses) numbers two parts of it: untagged, a FAIL of those scripts read as powers
stands only where the formula read with them as labels fails too. A polynomial's powers (x^0, x^1, x^2) and powers that
fail either way are still decided."""

import pytest

from tests.docs.checking import untagged_verdict


@pytest.mark.parametrize(
    "formula",
    [
        r"n_\text{max}^1 \times n_\text{max}^2 = n_\text{max}",
        r"n_{\text{max}}^1 \times n_{\text{max}}^2 = n_{\text{max}}",
        r"d_{h}^1 + d_{h}^2 = d_{h}",
    ],
)
def test_a_name_raised_to_1_and_to_2_may_number_its_parts(tmp_path, formula):
    found, detail = untagged_verdict(tmp_path, formula)
    assert found == "SKIPPED" and "numbered parts" in detail, detail


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        (r"n^1 \times n^2 = n^3", "PASS"),  # powers that hold are not doubted
        (r"2 n^1 n^2 = n^1 n^2 + n^1 n^2 + 1", "FAIL"),  # wrong read as labels too
        (r"n^1 n^2 = n^1 n^2", "PASS"),
        (r"x^0 + x^1 + x^2 = x^2 + x + 2", "FAIL"),  # a polynomial's powers, listed from x^0
        (r"n^2 \times n^3 = n", "FAIL"),  # no raised 1: powers
    ],
)
def test_powers_that_hold_or_fail_as_labels_too_are_still_decided(tmp_path, formula, expected):
    assert untagged_verdict(tmp_path, formula)[0] == expected
