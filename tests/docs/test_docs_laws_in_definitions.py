r"""Laws the formula reaches only through the tag's definitions (``A(s, a) = Q(s, a) - V(s)``, ``V(s) = \sum_a Q(s, a)
\pi(a \vert s)`` beside the formula's ``\sum_a A(s, a) \pi(a \vert s)``): a law letter such a body applies to the
formula's own outcomes is a law of them, as where the formula writes it. A correct formula PASSes and its wrong
variant FAILs, by the same reading; a body that applies a law to other outcomes adds none."""

from checking import assert_page_pass_and_fail, verdict

DUELING = r"A(s, a) = Q(s, a) - V(s); V(s) = \sum_a Q(s, a) \pi(a \vert s); \sum_a \pi(a \vert s) = 1"


def test_advantages_average_to_zero_under_the_policy_reached_through_the_definitions(tmp_path):
    assert_page_pass_and_fail(tmp_path, DUELING, r"\sum_a A(s, a)\pi(a \vert s) = 0", r"\sum_a A(s, a) = 0")


def test_a_law_applied_in_a_definition_at_the_parameters_the_formula_writes(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        DUELING,
        r"\sum_a A(s, a)\pi(a \vert s) = \sum_a Q(s, a) \pi(a \vert s) - V(s)",
        r"\sum_a A(s, a)\pi(a \vert s) = \sum_a Q(s, a) \pi(a \vert s) + V(s)",
    )


def test_a_definition_that_applies_a_law_to_other_outcomes_adds_no_law(tmp_path):
    tag = r"A(x, b) = Q(x, b) - V(x); V(x) = \sum_c Q(x, c) \pi(c \vert x); \sum_a \pi(a \vert s) = 1"
    status, detail = verdict(tmp_path, tag, r"\sum_a A(s, a)\pi(a \vert s) = 0")
    assert status == "UNKNOWN", detail
