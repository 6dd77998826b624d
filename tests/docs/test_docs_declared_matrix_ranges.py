r"""Sums and free indices over the entries of a matrix the tag declares with two sizes (\mathbf{X} \in
\mathbb{R}^{n \times q}): a sum without bounds over the column index of X_{ik} runs over the q columns and one over the
row index over the n rows, and a free index in a column position is claimed for each of the q columns; the entry
(i, j) of the softmax of such a matrix is read as a matrix's entry even when one size is 1. Dive into Deep Learning's
softmax from scratch, \mathrm{softmax}(\mathbf{X})_{ij} = \frac{\exp(\mathbf{X}_{ij})}{\sum_k \exp(\mathbf{X}_{ik})},
had FAILed: its sum ran over n, and at one row the entry was read from the softmax of the flattened matrix."""

from checking import assert_page_pass_and_fail, verdict

TAG = r"\mathbf{X} \in \mathbb{R}^{n \times q}"


def test_a_sum_without_bounds_over_a_column_index_runs_over_the_columns(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        TAG,
        r"\sum_k \mathbf{X}_{ik} = \sum_{k=1}^{q} \mathbf{X}_{ik}",
        r"\sum_k \mathbf{X}_{ik} = \sum_{k=1}^{n} \mathbf{X}_{ik}",
    )


def test_a_free_column_index_runs_over_the_columns(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        TAG,
        r"\sum_k \mathbf{X}_{ki} = \sum_{k=1}^{n} \mathbf{X}_{ki}",
        r"\sum_k \mathbf{X}_{ki} = \sum_{k=1}^{n} \mathbf{X}_{ki} + 1",
    )


def test_the_softmax_of_each_row_is_read_both_ways_and_a_wrong_one_fails(tmp_path):
    result, detail = verdict(
        tmp_path,
        TAG,
        r"\mathrm{softmax}(\mathbf{X})_{ij} = \frac{\exp(\mathbf{X}_{ij})}{\sum_k \exp(\mathbf{X}_{ik})}.",
    )
    assert result == "UNKNOWN" and "over each row the formula holds" in detail, (result, detail)
    result, detail = verdict(
        tmp_path,
        TAG,
        r"\mathrm{softmax}(\mathbf{X})_{ij} = \frac{\exp(\mathbf{X}_{ij})}{\sum_k \exp(\mathbf{X}_{ik}) + 1}.",
    )
    assert result == "FAIL", (result, detail)
