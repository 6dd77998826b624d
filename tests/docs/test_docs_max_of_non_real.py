"""A max or min whose argument is not real at a sampled point (max(1 - sqrt(x), 0) at x < 0) has no value there: the
point is set aside as one where a side has no real value, and the formula is checked at the others, never reported
as an internal error. A correct formula PASSes, its wrong variant FAILs."""

from checking import assert_page_pass_and_fail, verdict


def test_a_max_of_a_root_is_checked_where_the_root_is_real(tmp_path):
    assert_page_pass_and_fail(
        tmp_path, r"x \in \mathbb{R}", r"\max(1 - \sqrt{x}, 0) \le 1", r"\max(1 - \sqrt{x}, 0) \le -1"
    )


def test_a_min_of_a_root_is_checked_where_the_root_is_real(tmp_path):
    assert_page_pass_and_fail(
        tmp_path, r"x \in \mathbb{R}", r"\min(1 + \sqrt{x}, 3) \ge 1", r"\min(1 + \sqrt{x}, 3) \ge 2"
    )


def test_the_points_without_a_real_value_are_said(tmp_path):
    result, detail = verdict(tmp_path, r"x \in \mathbb{R}", r"\max(1 - \sqrt{x}, 0) \le 1")
    assert result == "PASS" and "no real value" in detail and "internal error" not in detail, (result, detail)
