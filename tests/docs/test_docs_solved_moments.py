r"""A tag's moment set to a sum with one unknown term (``E[X^2] = s^2 + m^2`` beside ``E[X] = m``) is that equation
solved for the term, the definition of its name; with more than one unknown it stays a condition on the law."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.solved_moments import solved_moment

MOMENTS = r"X: random variable; E[X] = m; E[X^2] = s^2 + m^2; s > 0"


def test_the_second_moment_beside_the_mean_defines_the_variance(tmp_path):
    assert_page_pass_and_fail(tmp_path, MOMENTS, r"E[(X - m)^2] = s^2", r"E[(X - m)^2] = s^2 + m^2")


def test_the_deviation_is_the_non_negative_root(tmp_path):
    assert_page_pass_and_fail(tmp_path, MOMENTS, r"s = \sqrt{E[X^2] - E[X]^2}", r"s = E[X^2] - E[X]^2")


@pytest.mark.parametrize(
    "clause, solved",
    [
        (r"E[X^2] = s^2 + m^2", r"s^2 = E[X^2] - m^2"),
        (r"E[X^2] = m^2 + s^2 - 1", r"s^2 = E[X^2] - m^2 + 1"),
        (r"E[X^2] = m^2 - s^2", r"s^2 = m^2 - E[X^2]"),
        (r"\mathrm{Var}(X) = s^2", r"s^2 = \mathrm{Var}(X)"),
        (r"E[X] = m", r"E[X] = m"),  # the name's definition, read as it is
        (r"E[X^2] = s^2 + t^2", r"E[X^2] = s^2 + t^2"),  # two unknown names: a condition on the law
        (r"E[X^2] = 2 s^2", r"E[X^2] = 2 s^2"),  # a product, not a sum of names
    ],
)
def test_only_a_sum_with_one_unknown_term_is_solved(clause, solved):
    assert solved_moment(clause, [r"E[X] = m", clause]) == solved


def test_two_unknown_terms_stay_a_condition_on_the_law(tmp_path):
    found, detail = verdict(tmp_path, r"X: random variable; E[X^2] = s^2 + t^2", r"E[X^2] = s^2 + t^2")
    assert found == "UNKNOWN" and "a condition on the law" in detail, detail
