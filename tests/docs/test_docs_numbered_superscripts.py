"""A name raised to 1 beside the same name raised to 2 (n_\\text{max}^1 \\times n_\\text{max}^2 = n_\\text{max}, the two
factors of n_max an axial encoding uses) numbers two parts of it: untagged, a FAIL of those scripts read as powers
stands only where the formula read with them as labels fails too. A polynomial's powers (x^0, x^1, x^2) and powers that
fail either way are still decided."""

import pytest

from tests.docs.checking import untagged_verdict, verdict


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


AXIAL_PARTS = r"n_\text{max}^1 = 512; d_{h}^1 = 64; n_\text{max}^2 = 1024; d_{h}^2 = 192; n_\text{max} = 524288"


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        (r"n_\text{max}^1 \times d_{h}^1 + n_\text{max}^2 \times d_{h}^2 = 229376", "PASS"),
        (r"n_\text{max}^1 \times d_{h}^1 + n_\text{max}^2 \times d_{h}^2 = 229386", "FAIL"),
        (r"n_\text{max}^1 \times n_\text{max}^2 = n_\text{max}", "PASS"),
        (r"n_\text{max}^1 + n_\text{max}^2 = n_\text{max}", "FAIL"),
    ],
)
def test_parts_the_tag_numbers_are_labels_in_the_tag_and_the_formula(tmp_path, formula, expected):
    found = verdict(tmp_path, AXIAL_PARTS, formula)
    assert found[0] == expected, found


def test_a_power_alone_on_a_tag_clause_is_still_refused(tmp_path):
    # x^1 = 2 beside no x^2: no numbered parts, and a power defines no name
    found = verdict(tmp_path, "x^1 = 2", "x^1 = 2")
    assert found[0] == "UNKNOWN" and "is a power of a name" in found[1], found
