"""An equation followed by the value said to solve it (derive.docs.solved_for), untagged and tagged."""

from checking import assert_page_pass_and_fail, verdict

STATIONARY = r"\frac{d\ell}{dp} = \frac{63}{p} {} \frac{37}{1-p} = 0 \quad \Rightarrow \quad p = \frac{63}{100} = 0.63"


def test_the_value_that_solves_the_equation_passes_and_one_that_does_not_fails(tmp_path):
    assert_page_pass_and_fail(tmp_path, None, STATIONARY.replace("{}", "-"), STATIONARY.replace("{}", "+"))
    assert_page_pass_and_fail(tmp_path, None, r"2x - 1 = 0 \Rightarrow x = 0.5", r"2x - 1 = 0 \Rightarrow x = 2")


def test_the_failure_shows_the_sides_at_the_value(tmp_path):
    result, detail = verdict(tmp_path, None, STATIONARY.replace("{}", "+"))
    assert result == "FAIL" and r"p = \frac{63}{100} does not solve" in detail and "left = 200" in detail, detail


def test_a_value_printed_to_its_last_place_is_no_refutation(tmp_path):
    # 1.414 rounds the square root of 2: the sides change order within half a unit of the last place
    assert verdict(tmp_path, None, r"x^2 = 2 \Rightarrow x = 1.414")[0] == "SKIPPED"
    assert verdict(tmp_path, None, r"x^2 = 2 \Rightarrow x = 1.5")[0] == "FAIL"


def test_the_numbers_the_conclusion_chains_are_checked_too(tmp_path):
    assert verdict(tmp_path, None, STATIONARY.replace("{}", "-").replace("0.63", "0.64"))[0] == "FAIL"


def test_an_equation_in_two_names_is_not_read(tmp_path):
    assert verdict(tmp_path, None, r"a x - 1 = 0 \Rightarrow x = 0.5")[0] == "SKIPPED"


LIKELIHOOD = r"\ell(p) = 63 \log p + 37 \log(1 - p); 0 < p < 1"


def test_tagged_the_derivative_and_the_value_are_both_checked(tmp_path):
    assert_page_pass_and_fail(tmp_path, LIKELIHOOD, STATIONARY.replace("{}", "-"), STATIONARY.replace("{}", "+"))
    result, detail = verdict(tmp_path, LIKELIHOOD, STATIONARY.replace("{}", "-"))
    assert r"\frac{d\ell}{dp} = \frac{63}{p} - \frac{37}{1-p} holds" in detail and "solves" in detail, detail


def test_tagged_a_wrong_derivative_fails_even_where_the_value_solves_what_it_wrote(tmp_path):
    wrong = r"\frac{d\ell}{dp} = 2 \left(\frac{63}{p} - \frac{37}{1-p}\right) = 0 \Rightarrow p = 0.63"
    result, detail = verdict(tmp_path, LIKELIHOOD, wrong)
    assert result == "FAIL" and "left" in detail and "solves" not in detail, detail


def test_tagged_a_derivative_the_tag_does_not_settle_leaves_the_formula_unknown(tmp_path):
    assert verdict(tmp_path, r"\ell: function; 0 < p < 1", STATIONARY.replace("{}", "-"))[0] == "UNKNOWN"
    assert verdict(tmp_path, r"\ell: function; 0 < p < 1", STATIONARY.replace("{}", "+"))[0] == "FAIL"
