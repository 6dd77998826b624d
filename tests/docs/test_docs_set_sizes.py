"""|\\mathcal{A}| beside a sum over \\mathcal{A} is the number of terms the sum adds (derive.docs.set_sizes): the mean
of a function over a set PASSes, a wrong variant FAILs with its counterexample, and a set no sum runs over stays a
name nothing binds."""

import pytest
from checking import assert_page_pass_and_fail, verdict

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "the deviations from a mean over the set sum to zero",
        r"f: function",
        r"\sum_{a \in \mathcal{A}} \Big( f(a) - \frac{1}{|\mathcal{A}|} \sum_{b \in \mathcal{A}} f(b) \Big) = 0",
        r"\sum_{a \in \mathcal{A}} \Big( f(a) - \frac{1}{|\mathcal{A}|} \sum_{b \in \mathcal{A}} f(b) \Big) = 1",
    ),
    (
        "the dueling head's mean advantage, with the set's size in the tag's value",
        r"A(s, a) = Q(s, a) - V(s); V(s) = \frac{1}{|\mathcal{A}|} \sum_{a' \in \mathcal{A}} Q(s, a'); Q: function",
        r"Q(s, a) = V(s) + \Big( A(s, a) - \frac{1}{|\mathcal{A}|} \sum_{a' \in \mathcal{A}} A(s, a') \Big)",
        r"Q(s, a) = \Big( A(s, a) - \frac{1}{|\mathcal{A}|} \sum_{a' \in \mathcal{A}} A(s, a') \Big)",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_size_of_a_summed_set_is_its_number_of_terms(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_the_counterexample_names_the_number_of_terms(tmp_path):
    result, detail = verdict(tmp_path, r"f: function", r"\sum_{a \in \mathcal{A}} 1 = |\mathcal{A}| + 1")
    assert result == "FAIL" and "n=" in detail, (result, detail)


def test_a_set_no_sum_runs_over_is_still_unbound(tmp_path):
    """|\\mathcal{B}| beside a sum over \\mathcal{A}: another set, whose size nothing gives."""
    result, detail = verdict(tmp_path, r"f: function", r"\frac{1}{|\mathcal{B}|} \sum_{a \in \mathcal{A}} 1 = 1")
    assert result == "UNKNOWN" and "'cal_B' is not bound" in detail, (result, detail)
