"""Readings of small values and of vector entries: an inequality between numbers far below 1 (e^{-200} < 10^{-60}),
a tag's bound on an entry q_i whose index it ranges over, whose vector its definitions sum or whose index the formula sums
over, a tag's function defined entry by entry (softmax(x)_i), a
tag's sum set to 1 (a distribution), the size |V| of a set, two labelled entries said equal (r_w = r_l), a number
written before a bracket it multiplies (H (S + 1)), an index the tag ranges from 1 to a number (the size it runs over), an untagged equation that sets minus a function's value to a
number, and an untagged claim about vectors named p and q that holds for distributions only.

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
        "a function defined entry by entry in the tag",
        r"\text{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}; x \in \mathbb{R}^n; i, j \in \{1, \ldots, n\}",
        r"\log(\text{softmax}(x)_i) = x_i - \max(x) - \log(\sum_j e^{x_j - \max(x)})",
        r"\log(\text{softmax}(x)_i) = x_i - \log(\sum_j e^{x_j - \max(x)})",
    ),
    (
        "a function defined entry by entry, used at a numbered entry and summed",
        r"g(z)_k = k z_k^2; z \in \mathbb{R}^n; k \in \{1, \ldots, n\}",
        r"\sum_{k=1}^{n} g(z)_k = \sum_{k=1}^{n} k z_k^2",
        r"\sum_{k=1}^{n} g(z)_k = \sum_{k=1}^{n} z_k^2",
    ),
    (
        "two distributions stated by their sums and signs",
        r"p_x \ge 0; q_x \ge 0; \sum_{x=1}^{n} p_x = 1; \sum_{x=1}^{n} q_x = 1; n \in \{1, 2, 3, \ldots\}",
        r"\sum_{x=1}^{n} \max(0, q_x - p_x) = \sum_{x=1}^{n} \max(0, p_x - q_x)",
        r"\sum_{x=1}^{n} \max(0, q_x - p_x) = 2 \sum_{x=1}^{n} \max(0, p_x - q_x)",
    ),
    (
        "two distributions written as functions of the outcome",
        r"\pi(y) > 0; \pi_0(y) > 0; \sum_{y=1}^{n} \pi(y) = 1; \sum_{y=1}^{n} \pi_0(y) = 1; n \in \{1, 2, 3, \ldots\}",
        r"\sum_{y=1}^{n} \pi(y) \log \frac{\pi(y)}{\pi_0(y)} \ge 0",
        r"\sum_{y=1}^{n} \pi(y) \log \frac{\pi(y)}{\pi_0(y)} \le 0",
    ),
    (
        "an index ranged from 1 to a number in the tag: the size it runs over (a multiclass SVM loss at chance)",
        r"s_j = 0; s_{y_i} = 0; j, y_i \in \{1, \ldots, 10\}",
        r"\sum_{j \ne y_i} \max(0, s_j - s_{y_i} + 1) = 9",
        r"\sum_{j \ne y_i} \max(0, s_j - s_{y_i} + 1) = 10",
    ),
    ("an index ranged by two bounds", r"s_j = 1; 1 \le j \le 4", r"\sum_{j=1}^{n} s_j = 4", r"\sum_{j=1}^{n} s_j = 3"),
    ("the size of a set", r"|V| = 50000; n \in \{2, 3, 4\}", r"|V|^{n} \ge |V| \times n", r"|V|^{n} = |V| \times n"),
    (
        "two labelled entries said equal",
        r"r_w = r_l; \sigma(z) = \frac{1}{1 + e^{-z}}",
        r"-\log \sigma(r_w - r_l) = \log 2",
        r"-\log \sigma(r_w - r_l) = 0",
    ),
    (
        "a number written before the bracket it multiplies",
        r"L, B, H, S, D \in \{1, 2, 3, \ldots\}",
        r"2 L B H (S + 1) D - 2 L B H S D = 2 L B H D",
        r"2 L B H (S + 1) D - 2 L B H S D = L B H D",
    ),
    (
        "a sum of entries bounded through q_i, beside one entry",
        r"q_i > 0; i, y \in \{1, \ldots, K\}",
        r"\sum_{i=1}^{K} q_i \ge q_y",
        r"\sum_{i=1}^{K} q_i \le q_y",
    ),
    (
        # p_i had been a number of its own beside the p_k summed in P's definition, and the sum FAILed
        "sampling probabilities of priorities bounded through p_i, beside the p_k their definition sums",
        r"P(i) = \frac{p_i^\alpha}{\sum_k p_k^\alpha}; p_i > 0; \alpha > 0",
        r"\sum_i P(i) = 1",
        r"\sum_i P(i) = 2",
    ),
    (
        # p_t had been a number of its own, and the sum over t of log(p_t / q_t) three times one log: a false alarm
        "a sequence ratio bounded through p_t and q_t, the entries the formula's sum runs over",
        r"p_t > 0; q_t > 0",
        r"\left(\frac{p_1 p_2 p_3}{q_1 q_2 q_3}\right)^{\frac{1}{3}} = \exp\left(\frac{1}{3} \sum_{t=1}^{3} \log \frac{p_t}{q_t}\right)",
        r"\left(\frac{p_1 p_2 p_3}{q_1 q_2 q_3}\right)^{\frac{1}{3}} = \exp\left(\sum_{t=1}^{3} \log \frac{p_t}{q_t}\right)",
    ),
    (
        # p had been drawn at a size of its own, apart from C, and a sum to C wrote entries past its last
        "an entry bounded at an index the tag ranges up to a name has that many entries",
        r"\ell_j = - y_j \log p_j; p_j > 0; j \in \{1, \ldots, C\}",
        r"-\sum_j^C y_j \log p_j = \sum_j^C \ell_j",
        r"-\sum_j^C y_j \log p_j = -\sum_j^C \ell_j",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_reading_passes_the_correct_formula_and_fails_the_wrong_one(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_an_inequality_between_small_values_of_variables_is_decided_by_values_kept_at_twice_the_precision(tmp_path):
    """A masked attention weight e^{s - 10^{10}} / (...) is far below 10^{-100}; at 60 digits both sides look equal,
    but computed again at twice the precision each keeps its leading digits, so their order decides the bound."""
    tag = r"s_1, s_2 \in [-10, 10]"
    weight = r"\frac{e^{s_2 - 10^{10}}}{e^{s_1} + e^{s_2 - 10^{10}}}"
    found, detail = verdict(tmp_path, tag, weight + r" < 10^{-100}")
    assert found == "PASS", (found, detail)
    found, detail = verdict(tmp_path, tag, weight + r" > 10^{-100}")
    assert found == "FAIL" and "is violated" in detail and "e-4342944" in detail, (found, detail)
    assert verdict(tmp_path, tag, weight + r" = \frac{1}{2}")[0] == "FAIL"
    assert verdict(tmp_path, tag, weight + r" > 10^{-3}")[0] == "FAIL"


def test_small_values_left_by_terms_that_cancel_below_the_working_digits_are_unknown_not_refuted(tmp_path):
    # \log(1 + \epsilon) - \epsilon + \epsilon^2 / 2 is \epsilon^3 / 3, about 10^{-135}: at 60 digits only rounding is
    # left, which twice the precision does not keep, so the point neither refutes nor confirms either bound
    rest = r"\log(1 + 10^{-45} x) - 10^{-45} x + \frac{10^{-90} x^2}{2}"
    for bound in (r" < 10^{-140}", r" > 10^{-140}"):
        found, detail = verdict(tmp_path, "x > 0", rest + bound)
        assert found == "UNKNOWN" and "below the precision of the numeric check" in detail, (found, detail)


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


def test_a_number_before_a_bracket_with_a_power_after_it_stays_unknown(tmp_path):
    """H (S + 1)^2: the power may be on the bracket or on the product; without a power the product is what is written."""
    found, detail = verdict(tmp_path, r"H, S: positive", r"H (S + 1)^2 = H S^2 + 2 H S + H")
    assert found == "UNKNOWN" and "a power after the bracket is in doubt" in detail, (found, detail)


def test_a_function_defined_entry_by_entry_used_whole_is_unknown_with_the_reason(tmp_path):
    found, detail = verdict(
        tmp_path,
        r"\text{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}; x \in \mathbb{R}^n; i, j \in \{1, \ldots, n\}",
        r"\text{softmax}(x) = \text{softmax}(x + 1)",
    )
    assert found == "UNKNOWN" and "defined entry by entry" in detail, (found, detail)


def test_an_untagged_claim_that_holds_for_a_target_y_summing_to_one_is_not_refuted(tmp_path):
    """The cross-entropy gradient's last step, -y_k + \\sum_i y_i p_k = p_k - y_k, uses that the target y sums to 1
    (one-hot or soft), which the page says in prose: untagged, y is read as a distribution too before a FAIL, and a
    step refuted for distributions still FAILs."""
    found = verdicts(
        tmp_path,
        r"- y_k + \sum_i y_i p_k = p_k - y_k",
        r"- y_k + \sum_i y_i p_k = y_k - p_k",
        r"- b_k + \sum_i b_i p_k = p_k - b_k",
    )
    assert found[0][0] in ("SKIPPED", "UNKNOWN") and "probability vectors" in found[0][1], found
    assert found[1][0] == "FAIL", found
    assert found[2][0] == "FAIL", found
