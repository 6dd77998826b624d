"""A maximum or minimum without a range over a letter the body writes only as an argument (\\max_j q(j)) runs over
indices when, as read, the body picks entries at that letter and nothing else; else it is not computed."""

import pytest
from checking import verdict

SHARE = r"q(j) = \frac{e^{z_j}}{\sum_k e^{z_k}}; z_j: real"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\max_j q(j) = \frac{\max_j e^{z_j}}{\sum_k e^{z_k}}", "PASS"),
        (r"\max_j q(j) = \frac{\min_j e^{z_j}}{\sum_k e^{z_k}}", "FAIL"),
        (r"\min_j q(j) = \frac{e^{\min_j z_j}}{\sum_k e^{z_k}}", "PASS"),
        (r"\min_j q(j) = \frac{e^{\max_j z_j}}{\sum_k e^{z_k}}", "FAIL"),
    ],
)
def test_an_extremum_over_the_argument_of_a_tag_function_of_entries_runs_over_indices(tmp_path, formula, expected):
    found = verdict(tmp_path, SHARE, formula)
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "tag, formula",
    [
        # r(j) > 0 alone names one positive number r(j): the body does not depend on j as read
        (r"r(j) > 0", r"\max_j \frac{1}{r(j)} = \frac{1}{\min_j r(j)}"),
        (r"r(j) > 0", r"\max_j \frac{1}{r(j)} = \frac{1}{\max_j r(j)}"),
        # g is a function of a real number: j is its argument, not an index
        (r"g(t) = t^2 - 2 t", r"\min_j g(j) = -1"),
    ],
)
def test_an_extremum_over_an_argument_that_picks_no_entry_is_not_computed(tmp_path, tag, formula):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == "UNKNOWN", found
    assert "uses as a number and never as an index" in found[1], found


ENTRY_WEIGHTS = r"u_j = \frac{1}{r(j)}; r(j) > 0"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\max_j u_j = \frac{1}{\min_j r(j)}", "PASS"),
        (r"\max_j u_j = \frac{1}{\max_j r(j)}", "FAIL"),
    ],
)
def test_a_bound_on_the_value_a_definition_at_every_entry_takes_there_bounds_every_entry(tmp_path, formula, expected):
    # u_j defined at every j from r(j): r(j) > 0 bounds r at every j, the entries of one positive vector
    found = verdict(tmp_path, ENTRY_WEIGHTS, formula)
    assert found[0] == expected, found
