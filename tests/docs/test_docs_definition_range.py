"""A tag's definition by a sum up to its step (W_i = Σ_{j=1}^{i} v_j) is read only inside the range it covers: W_{i-2}
at i = 1 has no value (the definition says nothing of W_{-1}), so no point there refutes or confirms a formula."""

import re

import pytest
from checking import verdict

TAG = r"W_i = \sum_{j=1}^{i} v_j"
VECTOR_TAG = r"W_i = \sum^i_{j=1} v_j; v: vector"


@pytest.mark.parametrize("tag", [TAG, VECTOR_TAG])
@pytest.mark.parametrize(
    "correct",
    [
        r"v_i + W_i - W_{i-2} = 2 v_i + v_{i-1}",
        r"W_i + v_i - W_{i-2} = 2 v_i + v_{i-1}",
        r"W_i - W_{i-2} = v_i + v_{i-1}",
    ],
)
def test_a_step_below_the_start_is_no_counterexample(tmp_path, tag, correct):
    result = verdict(tmp_path, tag, correct)
    assert result[0] == "PASS", result


@pytest.mark.parametrize("tag", [TAG, VECTOR_TAG])
@pytest.mark.parametrize(
    "wrong",
    [
        r"v_i + W_i - W_{i-2} = 2 v_i - v_{i-1}",
        r"W_i + v_i - W_{i-2} = 2 v_i - v_{i-1}",
    ],
)
def test_a_wrong_variant_fails_at_a_step_inside_the_range(tmp_path, tag, wrong):
    result = verdict(tmp_path, tag, wrong)
    assert result[0] == "FAIL", result
    assert int(re.search(r"\bi=(\d+)", result[1]).group(1)) >= 2, result


@pytest.mark.parametrize(
    ("correct", "wrong"),
    [
        (r"W_i - W_{i-1} = v_i", r"W_i - W_{i-1} = 2 v_i"),
        (r"W_{i-1} + v_i = W_i", r"W_{i-1} - v_i = W_i"),
    ],
)
def test_the_tags_own_name_first_reads_its_index(tmp_path, correct, wrong):
    """W_i written before any v_i: its body's i is the formula's index, as it is when v_i comes first."""
    passed = verdict(tmp_path, TAG, correct)
    assert passed[0] == "PASS", passed
    failed = verdict(tmp_path, TAG, wrong)
    assert failed[0] == "FAIL", failed
