"""A function the tag leaves arbitrary, applied to vectors (a score s(\\mathbf{u}, \\mathbf{v}_i)), is a function of their
entries: an identity that holds for every such function PASSes, and one refuted for it FAILs where the tag uses it."""

import pytest
from checking import verdict

WEIGHTS = (
    r"w(\mathbf{u}, \mathbf{v}_i) = \frac{\exp(s(\mathbf{u}, \mathbf{v}_i))}{\sum_j \exp(s(\mathbf{u}, \mathbf{v}_j))};"
    r" \mathbf{u} \in \mathbb{R}^n; i, j \in \{1, \ldots, m\}"
)


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\sum_i w(\mathbf{u}, \mathbf{v}_i) = 1", "PASS"),
        (r"\sum_i w(\mathbf{u}, \mathbf{v}_i) = m", "FAIL"),
        (r"w(\mathbf{u}, \mathbf{v}_i) > 0", "PASS"),
        (r"w(\mathbf{u}, \mathbf{v}_i) < 0", "FAIL"),
    ],
)
def test_an_arbitrary_score_of_vectors_is_a_function_of_their_entries(tmp_path, formula, expected):
    found = verdict(tmp_path, WEIGHTS, formula)
    assert found[0] == expected, found
