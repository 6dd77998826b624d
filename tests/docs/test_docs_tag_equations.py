"""A tag's equation between expressions (0 = \\theta_0 + \\theta_1 x_1 + \\theta_2 x_2, a + b = 1) is decided where the
formula solves it for one name: the value put in must satisfy it for every value of the other names, and an equation
of degree one in the name has no other solution."""

import pytest
from checking import assert_page_pass_and_fail, verdict

BOUNDARY = r"0 = \theta_0 + \theta_1  \cdot  \text{GOAL\_DIFF} +  \theta_2  \cdot  \text{AST}"


def test_a_boundary_solved_for_one_feature_passes_and_the_sign_slip_fails(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        BOUNDARY,
        r"\text{AST} = \frac{\theta_0 + \theta_1  \cdot  \text{GOAL\_DIFF}}{-\theta_2}",
        r"\text{AST} = \frac{\theta_0 + \theta_1  \cdot  \text{GOAL\_DIFF}}{\theta_2}",
    )


@pytest.mark.parametrize(
    "tag, correct, wrong",
    [
        (r"0 = b x + c", r"x = -c/b", r"x = c/b"),
        (r"1 = a + b", r"a = 1 - b", r"a = 1 + b"),
        (r"a + b = 1", r"a = 1 - b", r"a = b - 1"),  # the number on the right
        (r"u + v = 1; v > 0", r"u = 1 - v", r"u = v - 1"),  # v keeps the range the tag gives it
    ],
)
def test_a_name_solved_from_the_tags_equation_is_its_value_put_in(tmp_path, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_the_fail_says_which_equation_the_value_does_not_solve(tmp_path):
    found = verdict(tmp_path, r"0 = b x + c", r"x = c/b")
    assert found[0] == "FAIL", found
    assert "does not solve the tag's 0 = b x + c" in found[1] and "left = " in found[1], found


@pytest.mark.parametrize(
    "tag, formula",
    [
        (r"1 = x^2", r"x = 1"),  # degree two: -1 solves it too
        (r"0 = b x + c", r"x = x + b x + c"),  # the value writes the name: an equation, true wherever bx + c = 0
    ],
)
def test_an_equation_the_value_may_not_be_the_one_solution_of_is_not_decided_so(tmp_path, tag, formula):
    found = verdict(tmp_path, tag, formula)
    assert found[0] != "PASS" and "solves the tag's" not in found[1], found
    assert found[0] != "FAIL" or "does not solve" not in found[1], found
