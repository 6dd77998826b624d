"""Two statements written side by side in one display (joined by "and" or by a comma and a space) are both claimed,
and Unicode signs pasted into TeX source read as the TeX they stand for: a correct display PASSes and a wrong variant
of either statement FAILs, while a short condition after "and" or a comma stays a condition."""

import pytest
from checking import assert_page_pass_and_fail

from derive.docs.joined_claims import claims_joined

PAIRS = [
    (
        "J = L + s",
        r"\frac{\partial J}{\partial L} = 1 \; \textrm{and} \; \frac{\partial J}{\partial s} = 1",
        r"\frac{\partial J}{\partial L} = 1 \; \textrm{and} \; \frac{\partial J}{\partial s} = 2",
    ),
    (
        "a, b \\in \\mathbb{R}; u = a + b; v = a b",
        r"\frac{\partial u}{\partial a} = 1, \quad \frac{\partial v}{\partial a} = b",
        r"\frac{\partial u}{\partial a} = 1, \quad \frac{\partial v}{\partial a} = a",
    ),
    (
        "y_1 = x_1 + F(x_2); y_2 = x_2 + G(y_1)",
        r"x_2 = y_2 - G(y_1), \; x_1 = y_1 - F(x_2)",
        r"x_2 = y_2 - G(y_1), \; x_1 = y_1 + F(x_2)",
    ),
    ("x \\in \\mathbb{R}; y > 0", r"x − y ≤ x", r"x − y ≥ x"),
    ("a, b \\in \\mathbb{R}", r"(a + b) · (a − b) = a^2 − b^2", r"(a + b) · (a − b) = a^2 + b^2"),
]


@pytest.mark.parametrize("tag, correct, wrong", PAIRS)
def test_both_statements_are_claimed(tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.parametrize(
    "text",
    [
        r"f(x) = 0 \text{ and } x > 0",
        r"x_i = 0, \quad i \neq j",
        r"a_{ij} = b, \; i = j",
        r"f(x) = x^2, \quad x \in \mathbb{R}",
        r"\max(a, b) = c",
        r"\begin{aligned} a &= b, \; c = d \end{aligned}",
    ],
)
def test_a_condition_or_a_single_statement_is_left_as_written(text):
    assert claims_joined(text) == text
