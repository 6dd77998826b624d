"""Untagged, a matrix the formula inverts is drawn at sizes up to 3: at size 1 its inverse is the number 1/A[1, 1],
which a determinant or a trace takes as the 1x1 matrix it is, while a name read as a number stays unread there."""

import sympy as sp
from checking import verdict

from derive.docs.operations import names_only_matrices


def test_a_determinant_of_an_inverse_is_read_at_size_one(tmp_path):
    for correct in (
        r"\text{det}(A^{-1}) = \text{det}(A)^{-1}",
        r"\det(M)\det(M^{-1}) = \det(M \cdot M^{-1}) = \det(I) = 1",
    ):
        result, detail = verdict(tmp_path, None, correct)
        assert result == "PASS" and "where a matrix is inverted" in detail, (result, detail)


def test_a_wrong_determinant_of_an_inverse_does_not_pass(tmp_path):
    # an equation between matrices may be a condition on them: untagged, not refuted, and never passed
    for wrong in (r"\text{det}(A^{-1}) = -\text{det}(A)", r"\det(A^{-1}) = \det(A)^{-2}"):
        result, detail = verdict(tmp_path, None, wrong)
        assert result == "SKIPPED" and "may be a condition" in detail, (result, detail)


def test_a_determinant_or_trace_of_a_name_read_as_a_number_stays_unread(tmp_path):
    assert "determinant of a number" in verdict(tmp_path, None, r"\det(x) = x")[1]
    assert "trace of a number" in verdict(tmp_path, None, r"\operatorname{tr}(A B) = \operatorname{tr}(B A)")[1]


def test_only_entries_of_one_by_one_matrices_are_taken_for_a_matrix():
    a, x = sp.IndexedBase("A"), sp.Symbol("x")
    assert names_only_matrices(1 / a[1, 1])
    assert names_only_matrices(sp.Integer(2))
    assert not names_only_matrices(x * a[1, 1])
    assert not names_only_matrices(a[1])  # an entry of a vector
    assert not names_only_matrices(a[1, 2])
