"""A sum written out at listed numbers with the convention 0 log 0 = 0: a term y_i \\log(y_i / \\hat y_i) at an entry
where y_i is 0 is 0, its limit, as deviances and entropies over counts with zeros are written; a log of 0 that no
vanishing factor multiplies, or a factor at 0 beside a log of a ratio with 0 below, still has no value."""

import pytest

from tests.docs.checking import verdict

DEVIANCE = r"\frac{1}{4} \sum_{i=1}^{4} 2 \left( y_i \log \frac{y_i}{\hat{y}_i} - y_i + \hat{y}_i \right) \approx "
COUNTS = r"y = (2, 0, 1, 4); \hat{y} = (0.5, 0.5, 2, 2)"
HALVES = "p = (0.5, 0.5, 0)"


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (COUNTS, DEVIANCE + "1.4260", "PASS"),
        (COUNTS, DEVIANCE + "1.4206", "FAIL"),
        (HALVES, r"-\sum_{i=1}^{3} p_i \log p_i = \log 2", "PASS"),
        (HALVES, r"-\sum_{i=1}^{3} p_i \log p_i = \log 3", "FAIL"),
        (HALVES + r"; q = (0.25, 0.5, 0.25)", r"\sum_{i=1}^{3} p_i \log \frac{p_i}{q_i} \approx 0.3466", "PASS"),
        (HALVES + r"; q = (0.25, 0.5, 0.25)", r"\sum_{i=1}^{3} p_i \log \frac{p_i}{q_i} \approx 0.1438", "FAIL"),
    ],
)
def test_a_term_u_log_u_at_an_entry_where_u_is_0_is_0(tmp_path, tag, formula, expected):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "tag, formula",
    [
        (HALVES, r"-\sum_{i=1}^{3} \log p_i \approx 0.6931"),
        ("p = (0.5, 0.5, 0.2); q = (0.25, 0.5, 0)", r"\sum_{i=1}^{3} p_i \log \frac{p_i}{q_i} \approx 0.1438"),
    ],
)
def test_a_log_of_0_without_a_vanishing_factor_has_no_value(tmp_path, tag, formula):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == "UNKNOWN" and "no finite real value" in found[1], found
