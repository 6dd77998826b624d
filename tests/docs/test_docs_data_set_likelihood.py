"""A tag's law at a data set its body runs a product over, p(D) = \\prod_{x \\in D} p(x), is the likelihood of D
under the law the tag declares: a value at that argument alone, where it had been checked as a property of the law
(and, read as a definition at every argument, would have replaced the law's value p(x))."""

import pytest
from checking import verdict

EM = r"x, z: random variables with joint distribution p(x, z); p(D) = \prod_{x \in D} p(x)"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\log p(D) = \sum_{x \in D} \log p(x) = \sum_{x \in D} \log \left( \sum_z p(x|z) p(z) \right)", "PASS"),
        (r"\log p(D) = \sum_{x \in D} \log p(x) = \sum_{x \in D} \log \left( \sum_z p(x|z) \right)", "FAIL"),
        (r"\log p(D) = 2 \sum_{x \in D} \log p(x)", "FAIL"),
    ],
)
def test_the_likelihood_of_a_data_set_under_a_declared_joint_law(tmp_path, formula, expected):
    found = verdict(tmp_path, EM, formula)
    assert found[0] == expected, found
    if expected == "FAIL":
        assert "left = " in found[1] and "right = " in found[1], found


def test_the_law_at_another_set_is_not_the_data_sets_likelihood(tmp_path):
    found = verdict(tmp_path, EM, r"\log p(B) = \sum_{x \in B} \log p(x)")
    assert found[0] == "UNKNOWN", found


MRF = (
    r"p(x; \theta) = \frac{\exp(\theta^T f(x))}{Z(\theta)}; p(D; \theta) = \prod_{x \in D} p(x; \theta); Z(\theta) > 0"
)


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\frac{1}{|D|} \log p(D; \theta) = \frac{1}{|D|} \sum_{x \in D} \theta^T f(x) - \log Z(\theta)", "PASS"),
        (
            r"\frac{1}{|D|} \log p(D; \theta) = \frac{1}{|D|} \sum_{x \in D} \theta^T f(x) - \frac{1}{|D|} \log Z(\theta)",
            "FAIL",
        ),
    ],
)
def test_the_likelihood_of_a_data_set_at_a_parameter_beside_the_law_defined_at_one_point(tmp_path, formula, expected):
    # p(x; θ) is defined at every x; p(D; θ) is given at the data set alone, never p(x; θ) at x = D
    found = verdict(tmp_path, MRF, formula)
    assert found[0] == expected, found
