"""A chain A = NAME = B whose middle side is one name alone, written nowhere else and bound by nothing, names the
value of the sides beside it: the claim is A = B (derive.docs.middle_names)."""

from checking import assert_page_pass_and_fail, verdict

VARIANCE = (
    r"x: vector; N: positive integer; \bar{x} = \frac{1}{N}\sum_i x_i; Var[x] = \frac{1}{N}\sum_i (x_i - \bar{x})^2"
)


def test_a_name_between_two_sides_names_their_value(tmp_path):
    # notes on normalisation layers: the variance named sigma, and the same written with a square root
    assert_page_pass_and_fail(
        tmp_path,
        VARIANCE,
        r"Var[x] = \sigma^2 = \frac{1}{N}\sum_i(x_i-\bar{x})^2",
        r"Var[x] = \sigma=\sqrt{\frac{1}{N}\sum_i(x_i-\bar{x})^2}",
    )


def test_the_failing_chain_says_the_name_only_names_the_value(tmp_path):
    found = verdict(tmp_path, VARIANCE, r"Var[x] = \sigma=\sqrt{\frac{1}{N}\sum_i(x_i-\bar{x})^2}")
    assert found[0] == "FAIL" and "names their value" in found[1], found


def test_a_middle_name_written_again_elsewhere_is_not_only_a_name(tmp_path):
    # sigma in the last side too: an equation in sigma, not a name for the value
    found = verdict(tmp_path, VARIANCE, r"Var[x] = \sigma = \sigma^2")
    assert found[0] == "UNKNOWN", found


def test_a_middle_side_the_tag_binds_is_a_claim_of_its_own(tmp_path):
    found = verdict(tmp_path, VARIANCE + r"; s = 2", r"Var[x] = s = \frac{1}{N}\sum_i(x_i-\bar{x})^2")
    assert found[0] == "FAIL", found


def test_a_name_that_is_no_middle_side_is_not_said_to_name_the_chains_value(tmp_path):
    result, detail = verdict(tmp_path, "x: real", r"(x + g)^2 = x^2 + 2 x g + g^2")
    assert result == "PASS" and "written alone between two sides" not in detail, (result, detail)
