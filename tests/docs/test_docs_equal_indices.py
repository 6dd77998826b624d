r"""A tag's ``i = k`` between two letters it declares whole numbers states a case, as ``i \neq k`` does: the points
are those where the two indices are equal (the diagonal of the softmax Jacobian), where it had been read as a
definition of i that no subscript reads."""

import pytest

from tests.docs.checking import verdict

SOFTMAX = r"p_i = \frac{\exp(o_i)}{\sum_j \exp(o_j)}; \mathbf{o} \in \mathbb{R}^n; i, j, k \in \{1, \ldots, n\}"


@pytest.mark.parametrize(
    "case, formula, expected",
    [
        ("i = k", r"\frac{\partial p_i}{\partial o_k} = p_k (1 - p_k)", "PASS"),
        ("i = k", r"\frac{\partial p_i}{\partial o_k} = p_k (1 + p_k)", "FAIL"),
        (r"i \neq k", r"\frac{\partial p_i}{\partial o_k} = - p_k p_i", "PASS"),
        (r"i \neq k", r"\frac{\partial p_i}{\partial o_k} = p_k (1 - p_k)", "FAIL"),
    ],
)
def test_a_case_of_two_indices(tmp_path, case, formula, expected):
    found = verdict(tmp_path, f"{case}; {SOFTMAX}", formula)
    assert found[0] == expected, found


def test_a_name_defined_as_a_letter_that_is_no_index_is_still_a_definition(tmp_path):
    found = verdict(tmp_path, r"a = b; b > 0", r"a + b = 2 b")
    assert found[0] == "PASS", found
