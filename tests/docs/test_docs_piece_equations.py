"""Untagged equations between pieces of max, min and |x|: one piece, or where two join, is stated for the values meant.

``\\exp(\\min(0, 1 - a/b)) = \\exp(1 - a/b)`` (for b < a) and ``\\max(0, 1 - z)^2 = -4 z`` (the two
pieces of the modified Huber loss at z = -1) hold for the values the prose gives and fail for the
others: untagged, they are left undecided, where their sides meet. Equations whose sides never
meet, or meet only where both vanish, are refuted; identities still PASS; and a tag that states
the values decides them.
"""

import pytest
from checking import verdict, verdicts


@pytest.mark.parametrize(
    "formula, where",
    [
        (r"\exp\left(\min\left(0, 1 - \frac{a}{b}\right)\right) = \exp\left(1 - \frac{a}{b}\right)", "replaced"),
        (r"\max(0, 1 - z)^2 = -4 z", "meet where z is in {-1}"),  # they touch: no sampled point shows it
        (r"\max(0, x - 1) = \frac{x}{2}", "meet where x is in {0, 2}"),
        (r"|u - 2| = 2 - u", "replaced"),
        (r"\min(1, 2 - x) = 2 - x", "replaced"),
    ],
)
def test_an_equation_stating_one_piece_is_undecided_untagged(tmp_path, formula, where):
    [(found, detail)] = verdicts(tmp_path, formula)
    assert found == "SKIPPED", detail
    assert "pieces of max, min or |x|" in detail and where in detail, detail


@pytest.mark.parametrize(
    "correct, wrong",
    [
        (r"\max(0, x) = \frac{x + |x|}{2}", r"\max(0, x) = \frac{x - |x|}{2}"),  # meet only where both are 0
        (r"\min(a, b) = \frac{a + b - |a - b|}{2}", r"\min(a, b) = \frac{a + b + |a - b| + 1}{2}"),
        (r"\max(0, 1 - z) = 1 - \min(1, z)", r"\max(0, 1 - z) = 2 - \min(1, z)"),  # never meet
        (r"|x|^2 = x^2", r"|x| = -x^2 - 1"),
        (r"\max(x, y) + \min(x, y) = x + y", r"\max(x, y) - \min(x, y) = x - y + 1"),
    ],
)
def test_identities_between_pieces_pass_and_equations_whose_sides_never_meet_fail(tmp_path, correct, wrong):
    [(passed, why_passed), (failed, why_failed)] = verdicts(tmp_path, correct, wrong)
    assert passed == "PASS", why_passed
    assert failed == "FAIL", why_failed


def test_a_tag_that_states_the_values_decides_the_piece(tmp_path):
    stated = r"\exp\left(\min\left(0, 1 - \frac{a}{b}\right)\right) = \exp\left(1 - \frac{a}{b}\right)"
    assert verdict(tmp_path, "0 < b < a", stated)[0] == "PASS"
    assert verdict(tmp_path, "0 < a < b", stated)[0] == "FAIL"
    assert verdict(tmp_path, "z = -1", r"\max(0, 1 - z)^2 = -4 z")[0] == "PASS"
    assert verdict(tmp_path, "z = 1", r"\max(0, 1 - z)^2 = -4 z")[0] == "FAIL"
