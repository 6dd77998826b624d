"""A name nothing binds that a refuted formula's sides do not depend on: refuted whatever it is (derive.docs.unmoved_names)."""

import pytest

from tests.docs.checking import verdict

RUNGS = r"r_{max} = r_{min} \eta^K; \eta \in \{2, 3, \dots\}; r_{min} > 0"


def test_a_derivative_of_a_name_by_itself_is_one_whatever_the_name_is(tmp_path):
    wrong = verdict(tmp_path, "", r"\frac{\partial L}{\partial L} = 0")
    assert wrong[0] == "FAIL", wrong
    assert "refuted whatever value it takes: the sides do not change with it" in wrong[1], wrong
    assert "left = 1.0, right = 0.0" in wrong[1], wrong
    correct = verdict(tmp_path, "", r"\frac{\partial L}{\partial L} = 1")
    assert correct[0] == "PASS", correct


def test_an_index_that_cancels_from_both_sides_cannot_solve_the_equation(tmp_path):
    # η^{K-i} η^i is η^K for every i: the budget of a rung is r_max, never r_min
    wrong = verdict(tmp_path, RUNGS, r"\eta^{K-i} \cdot r_{min} \eta^i = r_{min}")
    assert wrong[0] == "FAIL", wrong
    assert "with i read as the formula's own variables, refuted whatever value it takes" in wrong[1], wrong
    correct = verdict(tmp_path, RUNGS, r"\eta^{K-i} \cdot r_{min} \eta^i = r_{max}")
    assert correct[0] == "PASS", correct


def test_a_side_that_holds_the_name_but_keeps_its_value_is_evaluated_again_at_other_values(tmp_path):
    # the integral from μ of a Cauchy density centred at μ is 1/2 for every μ: μ is in the side, not in its value
    density = r"\int_{\mu}^{\infty} \frac{1}{\pi s (1 + ((x - \mu) / s)^2)} \, dx"
    wrong = verdict(tmp_path, "s > 0", density + " = 1")
    assert wrong[0] == "FAIL", wrong
    assert "with mu read as the formula's own variables, refuted whatever value it takes" in wrong[1], wrong
    correct = verdict(tmp_path, "s > 0", density + r" = \frac{1}{2}")
    assert correct[0] == "PASS", correct


def test_an_equation_the_name_can_solve_stays_undecided(tmp_path):
    # Δ t = 3α holds for the right Δ: a definition or an equation in Δ, not a claim refuted for every Δ
    solvable = verdict(tmp_path, r"\alpha: positive", r"\Delta t = \alpha \cdot 3")
    assert solvable[0] == "UNKNOWN" and "may be an equation in them" in solvable[1], solvable
    # moved, the name changes a side: μ_{aX+b} = a μ_X has a solution in μ_{aX+b}
    defined = verdict(tmp_path, "a: real; b: real", r"\mu_{aX+b} = a\mu_X")
    assert defined[0] == "UNKNOWN", defined


def test_a_name_beside_the_same_letter_with_a_subscript_are_two_numbers_and_a_definition_stays_undecided(tmp_path):
    # α_t = α √(1 - β₂^t)/(1 - β₁^t) defines Adam's step size at t by α: α_t is on one side only, α on the other
    tag = r"\beta_1, \beta_2 \in (0, 1); t \in \{1, 2, \ldots\}"
    defined = verdict(tmp_path, tag, r"\alpha_t = \alpha \frac{\sqrt{1 - \beta_2^t}}{1 - \beta_1^t}")
    assert defined[0] == "UNKNOWN" and "may be an equation in them" in defined[1], defined
    schedule = verdict(tmp_path, r"T: positive integer; t \in \{1, \ldots, T\}", r"\eta_t = \eta (1 - t/T)")
    assert schedule[0] == "UNKNOWN", schedule
    # both written on both sides, the same two numbers are claimed for all their values
    holds = verdict(tmp_path, "t: positive integer", r"\alpha_t + \alpha = \alpha + \alpha_t")
    assert holds[0] == "PASS", holds
    fails = verdict(tmp_path, "t: positive integer", r"\alpha_t + \alpha = 2 \alpha + \alpha_t")
    assert fails[0] == "FAIL", fails


@pytest.mark.parametrize(
    "tag, definition",
    [
        (r"t: positive integer; \sigma > 0", r"\sigma_t^2 = \frac{\sigma^2}{t}"),  # beside the tag's own sigma
        (r"0 < \gamma < 1; t: positive integer", r"\eta_t = \eta_0 \cdot \gamma^t"),  # two subscripts of one letter
        (
            r"T > 0; t \in [0, T]",
            r"\epsilon_t = \epsilon_{start} - t \cdot \frac{\epsilon_{start} - \epsilon_{end}}{T}",
        ),
    ],
)
def test_a_schedule_defined_by_a_subscripted_name_is_not_refuted_as_an_identity(tmp_path, tag, definition):
    read = verdict(tmp_path, tag, definition)
    assert read[0] == "UNKNOWN", read


def test_a_name_that_cancels_beside_names_on_both_sides_cannot_solve_the_equation(tmp_path):
    # u_0 cancels through the tag's step, so no value of it solves the formula; a and b are claimed for all values
    tag = r"u_2 = u_0 - \alpha a - \alpha b; \alpha > 0"
    wrong = verdict(tmp_path, tag, r"\frac{u_2 - u_0}{\alpha} = a + b")
    assert wrong[0] == "FAIL" and "no value of u_0" in wrong[1], wrong
    correct = verdict(tmp_path, tag, r"\frac{u_2 - u_0}{\alpha} = -a - b")
    assert correct[0] == "PASS", correct


def test_a_name_that_moves_a_side_on_one_side_only_may_still_be_solved_for(tmp_path):
    # c changes the right side and is written there only: c = -a - b - 1 solves it
    tag = r"u_2 = u_0 - \alpha a - \alpha b; \alpha > 0"
    solvable = verdict(tmp_path, tag, r"\frac{u_2 - u_0}{\alpha} = c + 1")
    assert solvable[0] == "UNKNOWN" and "may be an equation in them" in solvable[1], solvable
