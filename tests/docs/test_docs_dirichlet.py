r"""A tag's \mathbf{p} \sim \text{Dir}(\boldsymbol{\alpha}) is read through one member's law, Beta(α_k, S - α_k): the
expectations of polynomials in one member are decided, those of several members (the joint law) are UNKNOWN."""

import pytest

from tests.docs.checking import verdict

DIRICHLET = r"\mathbf{p} \sim \text{Dir}(\boldsymbol{\alpha}); S = \sum_{k=1}^K \alpha_k"
MEAN = r"\hat{p}_k = \frac{\alpha_k}{S}"


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (DIRICHLET, r"\mathbb{E}[p_k] = \frac{\alpha_k}{S}", "PASS"),
        (DIRICHLET, r"\mathbb{E}[p_k] = \frac{\alpha_k}{S + 1}", "FAIL"),
        (DIRICHLET, r"\mathbb{E}[p_1] = \frac{\alpha_1}{S}", "PASS"),
        (DIRICHLET, r"\mathbb{E}[p_k^2] = \frac{\alpha_k (\alpha_k + 1)}{S (S + 1)}", "PASS"),
        (DIRICHLET, r"\mathbb{E}[p_k^2] = \frac{\alpha_k^2}{S^2}", "FAIL"),
        (DIRICHLET, r"\operatorname{Cov}(p_k, p_k) = \operatorname{Var}(p_k)", "PASS"),
        (DIRICHLET, r"\sum_{k=1}^K \mathbb{E}[p_k] = 1", "PASS"),
        (DIRICHLET, r"\sum_{k=1}^K \mathbb{E}[p_k] = 2", "FAIL"),
        (f"{DIRICHLET}; {MEAN}", r"\operatorname{Var}(p_k) = \frac{\hat{p}_k (1 - \hat{p}_k)}{S + 1}", "PASS"),
        (f"{DIRICHLET}; {MEAN}", r"\operatorname{Var}(p_k) = \frac{\hat{p}_k (1 - \hat{p}_k)}{S - 1}", "FAIL"),
        (
            f"{DIRICHLET}; {MEAN}; y_k: real",
            r"\sum_{k=1}^K \mathbb{E}[(y_k - p_k)^2] = \sum_{k=1}^K \left((y_k - \hat{p}_k)^2"
            r" + \frac{\hat{p}_k (1 - \hat{p}_k)}{S + 1}\right)",
            "PASS",
        ),
        (
            f"{DIRICHLET}; {MEAN}; y_k: real",
            r"\sum_{k=1}^K \mathbb{E}[(y_k - p_k)^2] = \sum_{k=1}^K \left((y_k - \hat{p}_k)^2"
            r" + \frac{\hat{p}_k (1 - \hat{p}_k)}{S}\right)",
            "FAIL",
        ),
        # a parameter the tag declares a real vector is still positive under the law
        (DIRICHLET + r"; \boldsymbol{\alpha} \in \mathbb{R}^K", r"\mathbb{E}[p_k] = \frac{\alpha_k}{S}", "PASS"),
    ],
)
def test_a_dirichlet_member_is_read_under_its_beta_law(tag, formula, expected, tmp_path):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "formula, reason",
    [
        (r"\mathbb{E}[p_j p_k] = \frac{\alpha_j \alpha_k}{S (S + 1)}", "joint law"),
        (r"\mathbb{E}\left[\sum_{k=1}^K p_k\right] = 1", "joint law"),
        (r"\mathbb{E}[\log p_k] = \psi(\alpha_k) - \psi(S)", "polynomial"),
        (r"\mathbb{E}[\mathbf{p}] = \frac{\boldsymbol{\alpha}}{S}", "one member"),
    ],
)
def test_what_the_member_law_does_not_give_is_unknown_with_the_reason(formula, reason, tmp_path):
    found = verdict(tmp_path, DIRICHLET, formula)
    assert found[0] == "UNKNOWN" and reason in found[1], found


def test_a_dirichlet_law_of_a_written_list_of_parameters_is_refused_with_the_reason(tmp_path):
    found = verdict(tmp_path, r"\mathbf{p} \sim \text{Dir}(\alpha_1, \ldots, \alpha_K)", r"\mathbb{E}[p_k] = \alpha_k")
    assert found[0] == "UNKNOWN" and "one parameter vector" in found[1], found
