r"""A counterexample's values are computed again at twice the working precision: where terms cancel below the
working digits (1 - \sigma(x) at x = 185 is e^{-185}), the rounding left is no counterexample. The point is set
aside, and a wrong variant whose values keep their digits still FAILs."""

from tests.docs.checking import verdict

BCE_TAG = r"x \in \mathbb{R}; y \in [0, 1]; \sigma: sigmoid"
BCE = r"-y\log\sigma(x) - (1 - y)\log(1 - \sigma(x)) = \max(x, 0) {sign} xy + \log(1 + e^{{-|x|}})"


def test_the_stable_form_of_binary_cross_entropy_is_not_refuted_far_out(tmp_path):
    # the sides hold |x| and max: the identity is also checked 100 times further out, at x ~ 185
    assert verdict(tmp_path, BCE_TAG, BCE.format(sign="-"))[0] == "PASS"
    assert verdict(tmp_path, BCE_TAG, BCE.format(sign="+"))[0] == "FAIL"


def test_a_point_where_the_sides_lose_their_digits_is_set_aside_with_the_reason(tmp_path):
    tag = r"x > 150; \sigma: sigmoid"
    found = verdict(tmp_path, tag, r"\log(1 - \sigma(x)) = -x - \log(1 + e^{-x})")
    assert found[0] == "UNKNOWN", found
    assert "changes with the precision" in found[1], found
    wrong = verdict(tmp_path, tag, r"\log\sigma(x) = 1 - \log(1 + e^{-x})")
    assert wrong[0] == "FAIL", wrong
    assert verdict(tmp_path, tag, r"\log\sigma(x) = -\log(1 + e^{-x})")[0] == "PASS"


def test_a_counterexample_shows_the_digits_that_tell_its_sides_apart(tmp_path):
    # both sides had been shown as 1.0, to 12 digits: the counterexample did not show the disagreement
    found = verdict(tmp_path, None, r"\sigma(40) = 1")
    assert found[0] == "FAIL", found
    assert "left = 0.99999999999999999575, right = 1.0" in found[1], found
    assert verdict(tmp_path, None, r"\sigma(40) \approx 1")[0] == "PASS"
    assert verdict(tmp_path, None, r"\sigma(0) = 0.5")[0] == "PASS"


def test_a_figure_refuted_by_its_last_digits_is_shown_to_them(tmp_path):
    found = verdict(tmp_path, None, r"\frac{1}{3} = 0.33333333333333331")
    assert found[0] == "FAIL", found
    assert "0.33333333333333333333 is not 0.33333333333333331 rounded to 17 decimals" in found[1], found
    assert verdict(tmp_path, None, r"\frac{1}{3} = 0.33333333333333333")[0] == "PASS"
