"""A tag's vector of listed numbers beside a distribution (``p: distribution; \\mathbf{x} \\in \\{0, 1\\}^n``) makes p
the joint law of the vector's entries, each one of those numbers: the chain rule of an autoregressive model holds,
a sum in its place fails, with a law on {0, 1}^n for a counterexample. A correct formula PASSes, its wrong variant
FAILs; what the reading does not model stays UNKNOWN with the reason."""

import pytest
from checking import assert_page_pass_and_fail, verdict

BINARY = r"p: distribution; \mathbf{x} \in \{0, 1\}^n"

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "the chain rule of a law on binary vectors",
        BINARY,
        r"p(\mathbf{x}) = \prod\limits_{i=1}^{n}p(x_i \vert x_1, x_2, \ldots, x_{i-1})"
        r" = \prod\limits_{i=1}^{n} p(x_i \vert \mathbf{x}_{< i } )",
        r"p(\mathbf{x}) = \sum\limits_{i=1}^{n}p(x_i \vert x_1, x_2, \ldots, x_{i-1})"
        r" = \sum\limits_{i=1}^{n} p(x_i \vert \mathbf{x}_{< i } )",
    ),
    (
        "two entries are not independent under an arbitrary law",
        BINARY,
        r"p(x_1, x_2) = p(x_1) p(x_2 \mid x_1)",
        r"p(x_1, x_2) = p(x_1) p(x_2)",
    ),
    (
        "an entry takes the three listed numbers",
        r"p: distribution; \mathbf{x} \in \{0, 1, 2\}^n",
        r"p(x_1 = 2) = 1 - p(x_1 = 0) - p(x_1 = 1)",
        r"p(x_1 = 1) = 1 - p(x_1 = 0)",
    ),
    (
        "an entry takes the two listed numbers",
        BINARY,
        r"p(x_1 = 1) = 1 - p(x_1 = 0)",
        r"p(x_1 = 1) = 2 - p(x_1 = 0)",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_law_of_listed_entries(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_counterexample_is_a_law_on_the_listed_numbers(tmp_path):
    found, detail = verdict(tmp_path, BINARY, r"p(x_1, x_2) = p(x_1) p(x_2)")
    assert found == "FAIL", detail
    assert "joint_p=(" in detail and detail.split("joint_p=(")[1].split(")")[0].count(",") == 3  # 2 x 2 outcomes


@pytest.mark.parametrize(
    "tag, formula, reason",
    [
        (BINARY, r"\sum_{x_1} p(x_1) = 1", "a sum or product over x_1"),
        (r"p: distribution; \mathbf{x} \in \{-1, 1\}^n", r"p(x_1, x_2) = p(x_1) p(x_2 \mid x_1)", "not whole numbers"),
        (r"\mathbf{x} \in \{0, 1\}^n", r"\sum_i x_i^2 = \sum_i x_i", "vector of entries in {0, 1}"),
    ],
)
def test_what_is_not_modelled_stays_unknown(tmp_path, tag, formula, reason):
    found, detail = verdict(tmp_path, tag, formula)
    assert found == "UNKNOWN", detail
    assert reason in detail
