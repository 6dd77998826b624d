"""≈ between two expressions with no written digits: where the sides are equal at every point (the tag sets
R_D = 0 in D' ≈ D), ≈ holds as = does and the formula PASSes; where they differ, no tolerance is written, so the
formula is UNKNOWN, never FAILed."""

import pytest
from checking import verdict

TAG = r"D' = U_D + U_D\, r_D\left(1 - \exp\!\left(-\frac{R_D}{r_D}\right)\right); D = U_D(1 + R_D); R_D = 0; r_D > 0"


def test_equal_sides_pass(tmp_path):
    found = verdict(tmp_path, TAG, r"D' \approx D")
    assert found[0] == "PASS", found


@pytest.mark.parametrize(
    "tag, formula",
    [
        (TAG, r"D' \approx U_D r_D"),
        (r"x \in \mathbb{R}", r"(1 + x)^2 \approx 1 + 2x"),
        (r"x \in \mathbb{R}", r"e^x \approx 1 + x"),
    ],
)
def test_sides_that_differ_without_written_digits_stay_unknown(tag, formula, tmp_path):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == "UNKNOWN" and "no written digits" in found[1], found
