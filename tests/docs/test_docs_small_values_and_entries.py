"""Readings of small values and of vector entries: an inequality between numbers far below 1 (e^{-200} < 10^{-60}),
a tag's bound on an entry q_i whose index it ranges over, an untagged equation that sets minus a function's value
to a number, and an untagged claim about vectors named p and q that holds for distributions only.

Each reading is checked on a correct formula (PASS) and on a wrong variant (FAIL, or left undecided where the
formula may mean something else) by the same machinery."""

import pytest
from checking import assert_page_pass_and_fail, verdict, verdicts

# (name, tag, correct formula, wrong variant)
PAIRS = [
    ("a constant far below a written bound", None, r"e^{-200} < 10^{-60}", r"e^{-200} < 10^{-90}"),
    ("a constant far above a written bound", None, r"e^{-200} > 10^{-90}", r"e^{-200} > 10^{-60}"),
    ("a negative constant against a small positive bound", None, r"-e^{-200} < 10^{-60}", r"-e^{-200} > 10^{-60}"),
    ("a zero against a small bound", None, r"\sin(\pi) \le 10^{-70}", r"\sin(\pi) \ge 10^{-70}"),
    (
        "a cross-entropy against a one-hot vector, the entries of q bounded through q_i",
        r"H(p, q) = -\sum_i p_i\log(q_i); p_i = \begin{cases} 1 & i = y \\ 0 & i \neq y \end{cases}; q_i > 0;"
        r" i, y \in \{1, \ldots, K\}",
        r"H(p, q) = -\log(q_y)",
        r"H(p, q) = -\log(q_1)",
    ),
    (
        "a sum of entries bounded through q_i, beside one entry",
        r"q_i > 0; i, y \in \{1, \ldots, K\}",
        r"\sum_{i=1}^{K} q_i \ge q_y",
        r"\sum_{i=1}^{K} q_i \le q_y",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_reading_passes_the_correct_formula_and_fails_the_wrong_one(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_an_inequality_between_small_values_of_variables_is_unknown_not_refuted(tmp_path):
    """A masked attention weight e^{s - 10^{10}} / (...) is far below 10^{-100}; at 60 digits both sides look equal,
    and the rounding of an expression is not known, so the point neither refutes nor confirms the bound."""
    tag = r"s_1, s_2 \in [-10, 10]"
    weight = r"\frac{e^{s_2 - 10^{10}}}{e^{s_1} + e^{s_2 - 10^{10}}}"
    found, detail = verdict(tmp_path, tag, weight + r" < 10^{-100}")
    assert found == "UNKNOWN" and "below the precision of the numeric check" in detail, (found, detail)
    assert verdict(tmp_path, tag, weight + r" = \frac{1}{2}")[0] == "FAIL"
    assert verdict(tmp_path, tag, weight + r" > 10^{-3}")[0] == "FAIL"


def test_a_bound_on_an_entry_whose_index_is_not_ranged_stays_a_bound_on_a_name(tmp_path):
    """\\beta_1 > 0 (a numeric subscript) keeps naming one number."""
    assert_page_pass_and_fail(tmp_path, r"\beta_1 > 0; i \in \{1, \ldots, K\}", r"\beta_1^2 > 0", r"\beta_1^2 < 0")


def test_minus_a_function_set_to_a_number_is_an_equation_untagged(tmp_path):
    """``-\\log \\sigma(r_w - r_l) = \\log 2`` states the loss where the margin is zero, as ``\\log(1 + e^{-m}) = \\log 2``
    does: an equation in the margin, not a claim for every value; at a written point it is still checked."""
    found = verdicts(
        tmp_path,
        r"-\log \sigma(r_w - r_l) = \log 2",
        r"-\log \sigma(a - b) = \log 2",
        r"-\log \sigma(0) = \log 2",
        r"-\log \sigma(0) = 0",
        r"\sigma(x) + \sigma(-x) = 1",
        r"\sigma(x) + \sigma(-x) = 2",
    )
    assert [v for v, _ in found] == ["SKIPPED", "SKIPPED", "PASS", "FAIL", "PASS", "FAIL"], found
    assert "an equation to solve" in found[0][1], found


def test_an_untagged_claim_that_holds_for_distributions_p_and_q_only_is_not_refuted(tmp_path):
    """The mass of max(0, q - p) equals that of max(0, p - q) for two distributions, not for any two vectors:
    untagged, p and q are likely distributions, so the refutation with other vectors is not a FAIL; a claim
    refuted for distributions too still FAILs."""
    found = verdicts(
        tmp_path,
        r"\sum_{x=1}^{n} \max(0, q_x - p_x) = \sum_{x=1}^{n} \max(0, p_x - q_x)",
        r"\sum_{x=1}^{n} \max(0, q_x - p_x) = 2 \sum_{x=1}^{n} \max(0, p_x - q_x)",
        r"\sum_{x=1}^{n} \max(0, b_x - a_x) = \sum_{x=1}^{n} \max(0, a_x - b_x)",
    )
    assert found[0][0] in ("SKIPPED", "UNKNOWN") and "probability vectors" in found[0][1], found
    assert found[1][0] == "FAIL", found
    assert found[2][0] == "FAIL", found
