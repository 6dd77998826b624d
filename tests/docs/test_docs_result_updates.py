r"""An update of a name the tag's result defines (Adam's m_t, v_t, \hat m_t, \hat v_t under adam_bias_correction, as
course notes write its steps with \leftarrow) claims the value it assigns is the result's: read as ``=``, the right
update PASSes and a wrong one FAILs. An update of a name the result does not define, or of a name written again on
the right at the same step, still states nothing to check."""

import pytest

from tests.docs.checking import verdict

ADAM = "adam_bias_correction"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"m_t \leftarrow \beta_1 m_{t-1} + (1 - \beta_1) g_t", "PASS"),
        (r"m_t \leftarrow \beta_1 g_t + (1 - \beta_1) m_{t-1}", "FAIL"),
        (r"v_t \leftarrow \beta_2 v_{t-1} + (1 - \beta_2) g_t^2", "PASS"),
        (r"v_t \leftarrow \beta_2 v_{t-1} + (1 - \beta_2) g_t", "FAIL"),
        (r"\hat m_t \leftarrow m_t / (1 - \beta_1^t)", "PASS"),
        (r"\hat m_t \leftarrow m_t / (1 - \beta_1)", "FAIL"),
    ],
)
def test_an_update_of_the_results_name_claims_its_value(tmp_path, formula, expected):
    found = verdict(tmp_path, ADAM, formula)
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "tag, formula",
    [
        (ADAM, r"\theta_t \leftarrow \theta_{t-1} - \eta \hat m_t"),
        (ADAM, r"m_t \leftarrow m_t + g_t"),
        (r"\eta > 0", r"m_t \leftarrow \beta_1 m_{t-1} + (1 - \beta_1) g_t"),
    ],
)
def test_other_updates_state_nothing_to_check(tmp_path, tag, formula):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == "UNKNOWN", found
    assert "assigns a value" in found[1], found
