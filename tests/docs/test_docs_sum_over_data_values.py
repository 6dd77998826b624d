"""A sum with no bounds over the values of a name its body tests against real data, Σ_x [x_j = x], is not read:
its range is the values the data take, which no outcome range models."""

from tests.docs.checking import verdict

EMPIRICAL = r"\hat P(x) = \frac{1}{n} \sum_{j=1}^n \mathbb{1}[x_j = x]"


def test_an_empirical_law_summed_over_its_values_is_not_failed(tmp_path):
    result, detail = verdict(tmp_path, EMPIRICAL, r"\sum_x \hat P(x) = 1")
    assert result == "UNKNOWN" and "range is not modelled" in detail, (result, detail)


def test_a_wrong_total_is_not_passed_either(tmp_path):
    result, detail = verdict(tmp_path, EMPIRICAL, r"\sum_x \hat P(x) = 2")
    assert result != "PASS", (result, detail)


def test_a_sum_over_outcomes_without_data_is_still_read(tmp_path):
    assert verdict(tmp_path, "p: distribution", r"\sum_x p(x) = 1")[0] == "PASS"
    result, detail = verdict(tmp_path, "p: distribution", r"\sum_x p(x) = 2")
    assert result == "FAIL", (result, detail)


ROWS = r"O_i = \sum_k P_{ik} V_k; dO_i, V_k, O_i \in \mathbb{R}^{1 \times d}"


def test_a_sum_of_vectors_without_bounds_is_still_read(tmp_path):
    assert verdict(tmp_path, ROWS, r"O_i = \sum_k P_{ik} V_k")[0] == "PASS"
    result, detail = verdict(tmp_path, ROWS, r"dO_i O_i^T = dO_i \sum_k V_k^T")
    assert result == "FAIL", (result, detail)
