r"""A tag's ``F: function of X`` makes F vary with X; a derivative by one entry of X (\partial X_j, \nabla_{\theta_k})
asks how F varies with that entry, which the checker does not model, so the formula is UNKNOWN with the reason,
never decided with F read as a constant (every side 0). A derivative by X itself is still decided."""

import pytest
from checking import assert_page_pass_and_fail, verdict

JACOBIAN = (
    r"\frac{\partial F_i(X)}{\partial X_j} = \frac{\partial}{\partial X_j}  \left( \frac{e^{z_i/T}}{\sum_{l=0}^{N-1}"
    r" e^{z_l/T}} \right) = \frac{1}{T} \frac{e^{z_i/T}}{{DENOMINATOR}} \left( \sum_{l=0}^{N-1} \left(\frac{\partial"
    r" z_i}{\partial X_j} - \frac{\partial z_l}{\partial X_j} \right) e^{z_l/T} \right)"
)


@pytest.mark.parametrize(
    "tag, formula",
    [
        # a softmax's Jacobian written with g(X) for g^2(X): read with z constant in X_j, every side was 0 and it PASSed
        (r"g(X) = \sum_{l=0}^{N-1} e^{z_l(X)/T}; z_l: function of X; T > 0", JACOBIAN.replace("{DENOMINATOR}", "g(X)")),
        (r"z_l: function of X", r"\frac{\partial z_i}{\partial X_j} = 0"),
        (r"z_i: function of \theta", r"\frac{\partial z_i}{\partial \theta_k} = 0"),
        (r"f: function of w", r"\nabla_{w_k} f = 0"),
    ],
)
def test_a_derivative_by_an_entry_of_what_a_function_depends_on_is_not_decided(tmp_path, tag, formula):
    result, detail = verdict(tmp_path, tag, formula)
    assert result == "UNKNOWN", (result, detail)
    assert "an entry of" in detail and "is not read" in detail, detail


def test_a_derivative_by_the_whole_variable_is_still_decided(tmp_path):
    tag = r"\pi_\theta(y \mid x) > 0; \pi_\theta(y \mid x): function of \theta"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\frac{\partial}{\partial \theta} \log \pi_\theta(y \mid x) = \frac{1}{\pi_\theta(y \mid x)}"
        r" \frac{\partial}{\partial \theta} \pi_\theta(y \mid x)",
        r"\frac{\partial}{\partial \theta} \log \pi_\theta(y \mid x) = \pi_\theta(y \mid x)"
        r" \frac{\partial}{\partial \theta} \pi_\theta(y \mid x)",
    )
