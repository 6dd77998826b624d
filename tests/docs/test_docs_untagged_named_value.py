"""An untagged chain headed by a name nothing defines, applied to arguments no later side mentions, names the value
the chain computes: what the rest claims is decided, a correct chain PASSes and a wrong one FAILs."""

import pytest
from checking import verdicts


def one(tmp_path, formula):
    [(verdict, detail)] = verdicts(tmp_path, formula)
    return verdict, detail


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"P(i \text{ beats } j) = \frac{1}{1 + e^{-(s_i - s_j)}} = \sigma(s_i - s_j)", "PASS"),
        (r"P(i \text{ beats } j) = \frac{1}{1 + e^{(s_i - s_j)}} = \sigma(s_i - s_j)", "FAIL"),
        # a function defined by the first link: the rest is claimed whatever f is
        (r"f(x) = \frac{\lambda^x}{x!}\exp(-\lambda) = \frac{1}{x!}\exp(\log(\lambda)x - \lambda)", "PASS"),
        (r"f(x) = \frac{\lambda^x}{x!}\exp(-\lambda) = \frac{1}{x!}\exp(\log(\lambda)x + \lambda)", "FAIL"),
    ],
)
def test_the_head_of_a_chain_names_its_value_and_the_rest_is_claimed(tmp_path, formula, expected):
    verdict, detail = one(tmp_path, formula)
    assert verdict == expected, detail


def test_a_wrong_rest_is_refuted_with_a_point(tmp_path):
    verdict, detail = one(tmp_path, r"P(i \text{ beats } j) = \frac{1}{1 + e^{(s_i - s_j)}} = \sigma(s_i - s_j)")
    assert verdict == "FAIL" and "P names the value of the chain" in detail and "fails at" in detail, detail


def test_a_head_the_rest_mentions_names_nothing(tmp_path):
    verdict, detail = one(tmp_path, r"P(i \text{ beats } j) = \frac{1}{1 + e^{(s_i - s_j)}} = P(i \text{ beats } j)")
    assert "names the value" not in detail, (verdict, detail)


def test_a_known_function_at_the_head_is_claimed_with_the_rest(tmp_path):
    # D_KL has one meaning: its first link is a claim, so the rest alone decides no PASS
    verdict, detail = one(tmp_path, r"D_{KL}(P \| Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)} = \sum_x P(x) \log P(x)")
    assert "names the value" not in detail, (verdict, detail)


def test_a_rest_that_is_an_equation_to_solve_stays_skipped(tmp_path):
    verdict, detail = one(tmp_path, r"g(a \text{ wins}) = 2 u = 4")
    assert verdict == "SKIPPED", detail
