r"""A sum's body runs on over a following term that uses its index (\sum_j a_j - b_j), but not over a term whose only
use of the index is inside a sum of its own over it: in \frac{\partial \exp(o_i)}{\partial o_k} \sum_j \exp(o_j) -
\frac{\partial \sum_j \exp(o_j)}{\partial o_k} \exp(o_i) the second sum is its own, and the first stops at the minus."""

import pytest

from tests.docs.checking import verdict

TAG = r"i \neq k; \mathbf{o} \in \mathbb{R}^n; i, j, k \in \{1, \ldots, n\}"
TERMS = r"\frac{\partial \exp(o_i)}{\partial o_k} \sum_j \exp(o_j) - \frac{\partial \sum_j \exp(o_j)}{\partial o_k} \exp(o_i)"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (rf"{TERMS} = - \exp(o_k) \exp(o_i)", "PASS"),
        (rf"{TERMS} = \exp(o_k) \exp(o_i)", "FAIL"),
        (r"\sum_j o_j - o_j^2 = \sum_j (o_j - o_j^2)", "PASS"),  # a term using the index is still summed
    ],
)
def test_a_nested_sum_keeps_its_index(tmp_path, formula, expected):
    found = verdict(tmp_path, TAG, formula)
    assert found[0] == expected, found
