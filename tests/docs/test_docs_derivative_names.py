r"""A derivative a tag declares a number (\frac{\partial \mathcal{L}}{\partial g_j} \in \mathbb{R}) is a number of its
own wherever the formula writes it, one for each value of its index; differentiated again it stays unread."""

import pytest

from tests.docs.checking import assert_page_pass_and_fail, verdict

GRADIENT = r"\frac{\partial \mathcal{L}}{\partial g_j} \in \mathbb{R}; \alpha \in \mathbb{R}^n"
SOFTMAX = r"\frac{e^{\alpha_j}}{\sum_k e^{\alpha_k}}"


def test_an_upstream_gradient_declared_a_number_is_a_family_over_its_index(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        GRADIENT + r"; i \in \{1, \ldots, n\}",
        r"\sum_{j=1}^{n} \frac{\partial \mathcal{L}}{\partial g_j} \frac{\partial " + SOFTMAX + r"}{\partial \alpha_i}"
        r" = \sum_{j=1}^{n} \frac{\partial \mathcal{L}}{\partial g_j} " + SOFTMAX + r" (\mathbf{1}_{i=j} - "
        r"\frac{e^{\alpha_i}}{\sum_k e^{\alpha_k}})",
        # the gradient's members differ: read as one number, the sum over j would cancel the mistake
        r"\sum_{j=1}^{n} \frac{\partial \mathcal{L}}{\partial g_j} \frac{\partial " + SOFTMAX + r"}{\partial \alpha_i}"
        r" = \sum_{j=1}^{n} \frac{\partial \mathcal{L}}{\partial g_j} " + SOFTMAX + r" (\mathbf{1}_{i=j} + "
        r"\frac{e^{\alpha_i}}{\sum_k e^{\alpha_k}})",
    )


def test_the_member_at_another_index_is_the_same_family(tmp_path):
    tag = r"\frac{\partial L}{\partial g_j} \in \mathbb{R}; g \in \mathbb{R}^n"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\sum_{j=1}^n \frac{\partial L}{\partial g_j} g_j = \sum_{k=1}^n g_k \frac{\partial L}{\partial g_k}",
        r"\sum_{j=1}^n \frac{\partial L}{\partial g_j} g_j = \sum_{k=1}^n g_1 \frac{\partial L}{\partial g_k}",
    )


def test_a_derivative_without_an_index_is_one_number_and_the_verdict_says_so(tmp_path):
    tag = r"\frac{\partial J}{\partial \theta} \in \mathbb{R}; \beta \in \mathbb{R}"
    passed = verdict(
        tmp_path,
        tag,
        r"-\beta \frac{\partial J}{\partial \theta} (1 + x) = -\beta \frac{\partial J}{\partial \theta} - \beta \frac{\partial J}{\partial \theta} x",
    )
    assert passed[0] == "PASS" and r"\frac{\partial J}{\partial \theta} as the number" in passed[1], passed
    failed = verdict(
        tmp_path,
        tag,
        r"-\beta \frac{\partial J}{\partial \theta} (1 + x) = -\beta \frac{\partial J}{\partial \theta} + \beta \frac{\partial J}{\partial \theta} x",
    )
    assert failed[0] == "FAIL", failed


@pytest.mark.parametrize(
    "formula",
    [
        r"\frac{\partial}{\partial g_1} \frac{\partial L}{\partial g_j} = 0",
        r"\frac{\partial \frac{\partial L}{\partial g_j}}{\partial g_1} = 0",
    ],
)
def test_a_declared_derivative_differentiated_again_is_not_read_as_a_constant(formula, tmp_path):
    found = verdict(tmp_path, r"\frac{\partial L}{\partial g_j} \in \mathbb{R}; g \in \mathbb{R}^n", formula)
    assert found[0] == "UNKNOWN", found
