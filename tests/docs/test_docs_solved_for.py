"""An untagged equation followed by the value said to solve it (derive.docs.solved_for)."""

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
