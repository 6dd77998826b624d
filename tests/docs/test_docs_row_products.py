"""A labelled vector transposed in one superscript (q^{(2)\\top}) is q^{(2)} transposed, and a product x q^\\top of
plain vectors set to one number, where the columns reading fails only on its shapes, is read with the vectors as rows
(the inner product), as notebooks that put examples in rows write a query's score; bold vectors, or a formula that
also writes x^\\top y, keep the columns and the outer product's FAIL."""

import pytest

from tests.docs.checking import assert_page_pass_and_fail, untagged_verdict, verdict

SCORES = r"x^{(1)} = [0.43, 0.15, 0.89]; q^{(2)} = [0.55, 0.87, 0.66]"


def test_a_score_written_with_rows_is_their_inner_product(tmp_path):
    assert_page_pass_and_fail(
        tmp_path, SCORES, r"\omega_{21} = x^{(1)} q^{(2)\top} = 0.9544", r"\omega_{21} = x^{(1)} q^{(2)\top} = 0.9454"
    )
    found, detail = verdict(tmp_path, SCORES, r"\omega_{21} = x^{(1)} q^{(2)\top} = 0.9544")
    assert "as rows" in detail, detail


def test_a_label_then_a_transpose_in_one_superscript(tmp_path):
    assert untagged_verdict(tmp_path, r"x^{(1)\top} x^{(1)} = \|x^{(1)}\|^2")[0] == "PASS"
    assert untagged_verdict(tmp_path, r"x^{(1)\top} x^{(1)} = 2\|x^{(1)}\|^2")[0] == "FAIL"


@pytest.mark.parametrize(
    ("tag", "formula"),
    [
        ("x = [1, 2]; q = [3, 4]", r"x^\top q = q x^\top"),  # the formula's own x^T q: columns
        (None, r"\|\mathbf{w}\|^2 = \mathbf{w} \mathbf{w}^\top"),  # bold: columns
    ],
)
def test_columns_the_formula_shows_keep_the_outer_product(tmp_path, tag, formula):
    found, detail = verdict(tmp_path, tag, formula)
    assert found == "FAIL" and "as rows" not in detail, detail


SOFTMAX = r"\mathbf s = \operatorname{softmax}(\mathbf x); \mathbf J_{\mathbf x}(\mathbf s) = \frac{\partial \mathbf s}{\partial \mathbf x}"


def test_the_jacobian_with_the_outer_product_of_columns_is_decided(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        SOFTMAX + r"; \mathbf x: vector",
        r"\mathbf J_{\mathbf x}(\mathbf s) = \text{diag}(\mathbf s) - \mathbf s \mathbf s^\top",
        r"\mathbf J_{\mathbf x}(\mathbf s) = \text{diag}(\mathbf s) + \mathbf s \mathbf s^\top",
    )


def test_a_vector_divided_by_a_vector_of_its_shape_is_their_quotient_entry_by_entry(tmp_path):
    """-y/s, the gradient of -Σ y_i log s_i in s: the only reading of one vector over another is entry by entry (it
    had been UNKNOWN as a power of a vector)."""
    tag = r"H = -\sum_{i=1}^n y_i \log s_i; \mathbf y: vector; \mathbf s: positive vector"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\nabla_{\mathbf s} H = -\frac{\mathbf y}{\mathbf s}",
        r"\nabla_{\mathbf s} H = \frac{\mathbf y}{\mathbf s}",
    )
    found, detail = verdict(
        tmp_path,
        r"\mathbf y: vector; \mathbf s: positive vector; \mathbf W: matrix",
        r"\frac{\mathbf W}{\mathbf s} = \mathbf y",
    )
    assert found != "PASS", (found, detail)


ROW_SOFTMAX = (
    r"\mathbf s = \operatorname{softmax}(\mathbf x); \mathbf x: row vector;"
    r" \mathbf J_{\mathbf x}(\mathbf s) = \frac{\partial \mathbf s}{\partial \mathbf x}"
)


@pytest.mark.parametrize(
    ("formula", "expected"),
    [
        # x: row vector, so s = softmax(x) is a row and s^T s the outer product (it had been read as a column)
        (r"\mathbf J_{\mathbf x}(\mathbf s) = \text{diag}(\mathbf s) - \mathbf s^\top \mathbf s", "PASS"),
        (r"\mathbf J_{\mathbf x}(\mathbf s) = \text{diag}(\mathbf s) + \mathbf s^\top \mathbf s", "FAIL"),
        (r"\mathbf J_{\mathbf x}(\mathbf s) = \text{diag}(\mathbf s) - \mathbf s \mathbf s^\top", "FAIL"),
    ],
)
def test_the_softmax_of_a_declared_row_vector_is_a_row(tmp_path, formula, expected):
    assert verdict(tmp_path, ROW_SOFTMAX, formula)[0] == expected


def test_a_declared_row_vector_times_its_transpose_is_a_number(tmp_path):
    assert verdict(tmp_path, r"\mathbf x: row vector", r"\mathbf x \mathbf x^\top = \sum_i x_i^2")[0] == "PASS"
    assert verdict(tmp_path, r"\mathbf x: row vector", r"\mathbf x^\top \mathbf x = \sum_i x_i^2")[0] != "PASS"
