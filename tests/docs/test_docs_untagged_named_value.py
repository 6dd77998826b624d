"""An untagged chain headed by a name nothing defines, applied to arguments no later side mentions, names the value
the chain computes: what the rest claims is decided, a correct chain PASSes and a wrong one FAILs. Headed by a
derivative of such a name, or by a quantity the checker knows, the rest refuted still refutes the chain, but the rest
holding leaves the first link unchecked."""

import pytest
from checking import untagged_verdict as one
from checking import verdict as checked


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


def test_a_known_quantity_at_the_head_sets_no_condition_on_a_refuted_rest(tmp_path):
    verdict, detail = one(tmp_path, r"D_{KL}(P \| Q) = \sum_{x} P(x) \log \frac{Q(x)}{P(x)} \geq 0")
    assert verdict == "FAIL" and "D_KL sets no condition on the rest" in detail, detail


def test_a_rest_that_is_an_equation_to_solve_stays_skipped(tmp_path):
    verdict, detail = one(tmp_path, r"g(a \text{ wins}) = 2 u = 4")
    assert verdict == "SKIPPED", detail


def test_a_derivative_at_the_head_sets_no_condition_on_a_refuted_rest(tmp_path):
    verdict, detail = one(tmp_path, r"\frac{\partial g}{\partial u} = \frac{\exp(u)}{1 + \exp(u)} = \sigma(-u)")
    assert verdict == "FAIL" and "fails at" in detail, detail


def test_a_derivative_at_the_head_with_a_rest_that_holds_stays_skipped(tmp_path):
    # the first link, which may be the wrong one, is not checked: g is not stated
    verdict, detail = one(tmp_path, r"\frac{\partial g}{\partial u} = \frac{\exp(u)}{1 + \exp(u)} = \sigma(u)")
    assert verdict == "SKIPPED", detail


def test_a_member_of_a_family_at_the_head_names_its_value_beside_other_members(tmp_path):
    verdict, detail = one(tmp_path, r"V_{2}(s) = 1 + 0.5 \cdot V_{1}(s) = 1 + 0.5 \cdot 2 = 2")
    assert verdict == "PASS" and "V_2 names the value of the chain" in detail, detail
    verdict, detail = one(tmp_path, r"V_{2}(s) = 1 + 0.5 \cdot V_{1}(s) = 1 + 0.5 \cdot 2 = 3")
    assert verdict == "FAIL", detail


def test_a_head_whose_function_the_rest_applies_again_names_nothing(tmp_path):
    # f(2x) = 2 f(x) is a claim about f, not a definition: the rest holding for every f decides nothing
    verdict, detail = one(tmp_path, r"f(2 x) = f(x) + f(x) = 2 f(x)")
    assert verdict != "PASS" and "names the value" not in detail, detail


def test_two_sides_that_are_both_0_at_a_point_are_no_gap_that_refutes_the_rest(tmp_path):
    # with one logit both first sides of the rest are 0, one of them only to rounding: no constant gap between them,
    # and p_k on the last side alone leaves the rest an equation a value of p_k solves
    formula = (
        r"\begin{split} \frac{\partial p_i}{\partial o_k} &= \frac{ \exp (o_k) \sum_j \exp(o_j) - \exp (o_k) \exp (o_k) }"
        r"{(\sum_j \exp(o_j))^2} \\ &= \frac{\exp (o_k)}{\sum_j \exp(o_j)} \frac{ \sum_j \exp(o_j) - \exp (o_k) }"
        r"{\sum_j \exp(o_j)} \\ &= p_k (1 - p_k) \end{split}"
    )
    verdict, detail = checked(tmp_path, None, formula)
    assert verdict != "FAIL", detail
