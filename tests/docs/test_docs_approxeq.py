r"""``\approxeq`` (the symbol course notes write for "approximately equal") is read as ``\approx``: a written decimal
is the value rounded to its digits, and between two expressions it sets no tolerance, as ``\approx`` does."""

import pytest

from tests.docs.checking import verdict


@pytest.mark.parametrize(
    "formula, expected",
    [(r"\pi \approxeq 3.14", "PASS"), (r"\pi \approxeq 3.15", "FAIL"), (r"\log(8) \approxeq 2.08", "PASS")],
)
def test_approxeq_is_approx(tmp_path, formula, expected):
    found = verdict(tmp_path, "", formula)
    assert found[0] == expected, found


def test_approxeq_between_expressions_sets_no_tolerance(tmp_path):
    found = verdict(tmp_path, r"0 < \epsilon < 1; a > 0", r"\frac{a}{1 - \epsilon} \approxeq (1 + \epsilon) a")
    assert found[0] == "UNKNOWN", found
    assert "no written digits set the tolerance" in found[1], found
