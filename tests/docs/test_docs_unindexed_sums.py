"""A sum written with no index and no bounds over a body whose names carry one subscript letter (\\sum x_i^2, as
RMSNorm is written) runs over that letter, as \\sum_i does; with no such letter it is still the sum of a vector's
entries (\\sum \\exp(x)), and with two letters it is not read."""

import pytest

from tests.docs.checking import assert_page_pass_and_fail, verdict


def test_a_sum_over_the_one_subscript_letter(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"x = (3, 4); n = 2; \epsilon = 0",
        r"\sqrt{\epsilon + \frac{1}{n} \sum x_i^2} = 3.536",
        r"\sqrt{\epsilon + \frac{1}{n} \sum x_i^2} = 5",
    )


def test_a_sum_of_entries_is_unchanged(tmp_path):
    assert_page_pass_and_fail(tmp_path, "x = (3, 4)", r"\sum \exp(x) = e^3 + e^4", r"\sum \exp(x) = e^3 + e^5")


@pytest.mark.parametrize("formula", [r"\sum x_i y_j = 21", r"\sum_j x_i = 7"])
def test_two_letters_or_a_written_index_leave_the_letter_alone(tmp_path, formula):
    found, detail = verdict(tmp_path, "x = (3, 4); y = (1, 2)", formula)
    assert found not in ("PASS",), detail
