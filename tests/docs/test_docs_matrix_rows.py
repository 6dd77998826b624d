r"""A lower-case letter the tag writes at two indices beside a matrix it declares under the upper-case letter
(``\mathbf{v}_{i, l}`` beside ``\mathbf{V} \in \mathbb{R}^{d \times k}``): its entries, and at one index its rows,
as factorization machines write V. A correct formula PASSes and its wrong variant FAILs, by the same reading; where
the tag writes no entry at two indices, v_i beside V stays unread (a row or a column is not said)."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.matrix_rows import declared_rows
from derive.docs.tags import parse_tag

ROWS_TAG = (
    r"\langle\mathbf{v}_i, \mathbf{v}_j\rangle = \sum_{l=1}^k \mathbf{v}_{i, l} \mathbf{v}_{j, l};"
    r" x \in \mathbb{R}^d; \mathbf{V} \in \mathbb{R}^{d \times k}"
)

PAIRS = [
    (
        "pairwise interactions are half the full double sum less the diagonal",
        ROWS_TAG,
        r"\sum_{i=1}^d \sum_{j=i+1}^d \langle\mathbf{v}_i, \mathbf{v}_j\rangle x_i x_j = \frac{1}{2} \sum_{i=1}^d"
        r" \sum_{j=1}^d\langle\mathbf{v}_i, \mathbf{v}_j\rangle x_i x_j - \frac{1}{2}\sum_{i=1}^d"
        r" \langle\mathbf{v}_i, \mathbf{v}_i\rangle x_i x_i",
        r"\sum_{i=1}^d \sum_{j=i+1}^d \langle\mathbf{v}_i, \mathbf{v}_j\rangle x_i x_j = \frac{1}{2} \sum_{i=1}^d"
        r" \sum_{j=1}^d\langle\mathbf{v}_i, \mathbf{v}_j\rangle x_i x_j + \frac{1}{2}\sum_{i=1}^d"
        r" \langle\mathbf{v}_i, \mathbf{v}_i\rangle x_i x_i",
    ),
    (
        "the rows' inner product is the sum over the columns of the entries",
        ROWS_TAG,
        r"\langle\mathbf{v}_i, \mathbf{v}_j\rangle = \sum_{l=1}^k V_{i,l} V_{j,l}",
        r"\langle\mathbf{v}_i, \mathbf{v}_j\rangle = \sum_{l=1}^k V_{i,l} V_{i,l}",
    ),
    (
        "an entry written at two indices is the matrix's entry",
        ROWS_TAG,
        r"\sum_{l=1}^k \mathbf{v}_{i, l} x_i = x_i \sum_{l=1}^k V_{i,l}",
        r"\sum_{l=1}^k \mathbf{v}_{i, l} x_i = x_i \sum_{l=1}^k V_{i,l}^2",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_lower_case_letter_names_the_rows_of_the_declared_matrix(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_rows_are_read_only_where_the_tag_writes_an_entry_at_two_indices():
    assert declared_rows(parse_tag(ROWS_TAG)) == (("v", "V"),)
    unwritten = parse_tag(r"x \in \mathbb{R}^d; \mathbf{V} \in \mathbb{R}^{d \times k}")
    assert declared_rows(unwritten) == ()
    named = parse_tag(ROWS_TAG + r"; \mathbf{v}: vector")
    assert declared_rows(named) == ()
    # entries alone say nothing of v_i: a row or a column of V (A = [a_1, ..., a_n] writes columns)
    entries_only = parse_tag(r"s_i = \sum_{l=1}^k \mathbf{v}_{l, i}; \mathbf{V} \in \mathbb{R}^{d \times k}")
    assert declared_rows(entries_only) == ()


def test_a_row_beside_a_matrix_whose_entries_the_tag_never_writes_stays_unknown(tmp_path):
    status, detail = verdict(
        tmp_path,
        r"x \in \mathbb{R}^d; \mathbf{V} \in \mathbb{R}^{d \times k}",
        r"\langle\mathbf{v}_i, \mathbf{v}_j\rangle = \sum_{l=1}^k V_{i,l} V_{j,l}",
    )
    assert status == "UNKNOWN", detail
    assert "not bound" in detail
