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
