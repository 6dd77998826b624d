"""A strict inequality is also checked where it is most often met with equality: at zero and where two values of
one kind are equal (x^2 > 0 at x = 0, e^{-||q - k||^2 / 2} < 1 at q = k), points random sampling never hits.

Each pair is a correct bound (PASS) and a strict one met with equality somewhere in its domain (FAIL with that
point), checked by the same machinery; a condition the tag states (x \\neq 0) keeps those points out."""

import pytest
from checking import assert_page_pass_and_fail, verdict

# (name, tag, correct formula, wrong variant)
PAIRS = [
    ("a square at zero", r"x \in \mathbb{R}", r"x^2 \ge 0", r"x^2 > 0"),
    ("a Gaussian kernel where the query equals the key", r"x \in \mathbb{R}", r"e^{-x^2} \le 1", r"e^{-x^2} < 1"),
    (
        "a kernel of two vectors where they are equal",
        r"\mathbf{q}, \mathbf{k} \in \mathbb{R}^d",
        r"\exp\left(-\frac{1}{2} \|\mathbf{q} - \mathbf{k}\|^2 \right) \le 1",
        r"\exp\left(-\frac{1}{2} \|\mathbf{q} - \mathbf{k}\|^2 \right) < 1",
    ),
    ("two numbers that may be equal", r"a, b \in \mathbb{R}", r"a^2 + b^2 \ge 2 a b", r"a^2 + b^2 > 2 a b"),
    ("a sum of sizes at the origin", r"a, b \in \mathbb{R}", r"|a| + |b| \ge 0", r"|a| + |b| > 0"),
    ("a square within a range the tag narrows", r"-1 \le x \le 1", r"x^2 \ge 0", r"x^2 > 0"),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_strict_bound_met_with_equality_fails_and_the_closed_one_passes(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_the_point_of_equality_is_the_counterexample(tmp_path):
    found, detail = verdict(tmp_path, r"x \in \mathbb{R}", r"x^2 > 0")
    assert found == "FAIL" and "x=0" in detail.replace(" ", ""), (found, detail)


@pytest.mark.parametrize(
    "tag, formula",
    [
        (r"x \in \mathbb{R}; x \neq 0", r"x^2 > 0"),
        (r"a, b \in \mathbb{R}; a \neq 0", r"|a| + |b| > 0"),
        (r"x, y \in \mathbb{R}; x > y", r"x^3 > y^3"),
        (r"x \in \mathbb{R}", r"x^2 + 1 > 0"),
        (r"x \in \mathbb{R}", r"e^{x} > 0"),
    ],
)
def test_a_strict_bound_the_tag_keeps_away_from_equality_still_passes(tmp_path, tag, formula):
    found, detail = verdict(tmp_path, tag, formula)
    assert found == "PASS", (found, detail)
