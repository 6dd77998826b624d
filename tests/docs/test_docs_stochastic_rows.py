"""A tag's sum over the second index of an entry set to 1 (``\\sum_k p_{mk} = 1``), or the kind ``stochastic matrix``,
makes each row of the matrix a distribution over its columns; a range every law's value meets on the entries
(``p_{mk} \\ge 0``) is what the rows are, never a number apart. A correct formula PASSes, its wrong variant FAILs."""

import pytest
from checking import assert_page_pass_and_fail, verdict

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "the Gini impurity of a row",
        r"\sum_k p_{mk} = 1; p_{mk} \ge 0",
        r"\sum_k p_{mk} (1 - p_{mk}) = 1 - \sum_k p_{mk}^2",
        r"\sum_k p_{mk} (1 - p_{mk}) = 1 - (\sum_k p_{mk})^2",
    ),
    (
        "the rows sum to 1, the columns need not",
        r"\sum_k p_{m,k} = 1",
        r"\sum_k p_{m,k} = 1",
        r"\sum_m p_{m,k} = 1",
    ),
    (
        "every entry of a row is a probability",
        r"\sum_k p_{mk} = 1; 0 \le p_{mk} \le 1",
        r"\sum_k p_{mk}^2 \le 1",
        r"\sum_k p_{mk}^2 \le 0",
    ),
    (
        "the kind in words",
        r"P: stochastic matrix",
        r"\sum_j P_{ij} = 1",
        r"\sum_i P_{ij} = 1",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_rows_that_sum_to_one_are_laws(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_link_the_tag_does_not_define_stays_unknown(tmp_path):
    """H(Q_m), the impurity the formula itself names, is not defined by the tag: the chain is not decided by its
    other link alone."""
    found, detail = verdict(
        tmp_path, r"\sum_k p_{mk} = 1; p_{mk} \ge 0", r"H(Q_m) = \sum_k p_{mk} (1 - p_{mk}) = 1 - \sum_k p_{mk}^2"
    )
    assert found == "UNKNOWN", detail
    assert "H(Q_m)" in detail
