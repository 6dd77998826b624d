r"""Untagged formulas about one joint law of several outcomes (``P(A \mid B)``, ``p(x, y)``): read under a joint law
drawn at random; a refutation stands only when both sides write the same outcomes and independent outcomes refute
it too (README, "Untagged formulas", laws of several outcomes)."""

import pytest
from checking import verdict

PAIRS = [
    (
        "Bayes' rule",
        r"P(A \mid B) = \frac{P(B \mid A) P(A)}{P(B)}",
        r"P(A \mid B) = \frac{P(B \mid A) P(A)}{P(A)}",
    ),
    (
        "Bayes' rule with the evidence summed over the values of A",
        r"P(A \mid B) = \frac{P(B \mid A) P(A)}{\sum_a P(B \mid A=a) P(A = a)}",
        r"P(A \mid B) = \frac{P(B \mid A) P(A)}{\sum_a P(B \mid A=a)}",
    ),
    (
        "the mutual information written with a conditional law",
        r"\sum_{x \in X, y \in Y} p(x, y) \log(\frac{p(x, y)}{p(x)p(y)}) = \sum_{x \in X, y \in Y} p(x, y)"
        r" \log(\frac{p(x|y)}{p(x)})",
        r"\sum_{x \in X, y \in Y} p(x, y) \log(\frac{p(x, y)}{p(x)p(y)}) = \sum_{x \in X, y \in Y} p(x, y)"
        r" \log(\frac{p(x|y)}{p(y)})",
    ),
    (
        "the mutual information of the law's outcomes, after its definition",
        r"I(x; c) = \sum_{x, c} p(x, c) \log\frac{p(x, c)}{p(x)p(c)} = \sum_{x, c} p(x, c)\log\frac{p(x|c)}{p(x)}",
        r"I(x; c) = \sum_{x, c} p(x, c) \log\frac{p(x, c)}{p(x)p(c)} = \sum_{x, c} p(x, c)\log\frac{p(x|c)}{p(c)}",
    ),
    (
        "a conditional entropy of the law's outcomes",
        r"H(y \mid x) + \sum_{x,y} p(x, y) \log p(y \mid x) = 0",
        r"H(y \mid x) + \sum_{x,y} p(x, y) \log p(x \mid y) = 0",
    ),
    (
        "a number written on every side beside the law",
        r"\beta \log p(x \mid y) - \log p(x) = \beta \log p(x \mid y) - \log \frac{p(x \mid y) p(y)}{p(y \mid x)}",
        r"\beta \log p(x \mid y) - \log p(x) = \beta \log p(x \mid y) - \log \frac{p(y \mid x) p(y)}{p(x \mid y)}",
    ),
    (
        "the law at events that set its variables to outcomes",
        r"P(X = x \mid Y = y) = \frac{P(X = x, Y = y)}{P(Y = y)}",
        r"P(X = x \mid Y = y) = \frac{P(X = x, Y = y)}{P(X = x)}",
    ),
    (
        "Bayes' rule at an outcome written with a letter subscript, one outcome of the law",
        r"p(c \vert x_i) = p(c)p(x_i \vert c) / p(x_i)",
        r"p(c \vert x_i) = p(c)p(x_i \vert c) / p(c)",
    ),
    (
        "the chain rule over four outcomes named by words, more than the result's indices",
        r"P(\textrm{deep}, \textrm{learning}, \textrm{is}, \textrm{fun}) = P(\textrm{deep}) P(\textrm{learning} \mid"
        r" \textrm{deep}) P(\textrm{is} \mid \textrm{deep}, \textrm{learning}) P(\textrm{fun} \mid \textrm{deep},"
        r" \textrm{learning}, \textrm{is})",
        r"P(\textrm{deep}, \textrm{learning}, \textrm{is}, \textrm{fun}) = P(\textrm{learning} \mid \textrm{deep})"
        r" P(\textrm{is} \mid \textrm{deep}, \textrm{learning}) P(\textrm{fun} \mid \textrm{deep}, \textrm{learning},"
        r" \textrm{is})",
    ),
    (
        "the law at an outcome set to a written value",
        r"q(y = 1 \mid x) = \frac{q(x \mid y = 1) q(y = 1)}{q(x)}",
        r"q(y = 1 \mid x) = \frac{q(x \mid y = 1) q(y = 0)}{q(x)}",
    ),
]


@pytest.mark.parametrize("name, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_rule_of_every_joint_law_passes_and_its_wrong_variant_fails(name, correct, wrong, tmp_path):
    result, detail = verdict(tmp_path, None, correct)
    assert result == "PASS" and "one joint law" in detail, detail
    result, detail = verdict(tmp_path, None, wrong)
    assert result == "FAIL" and "for independent outcomes too" in detail, detail


@pytest.mark.parametrize(
    "formula, words",
    [
        (r"P(A \mid B) = P(A)", "B on one side only"),  # A and B independent: a condition
        (r"p(x \mid y, z) = p(x \mid z)", "y on one side only"),  # a Markov property
        (r"p(x, y \mid z) = p(x \mid z) p(y \mid z)", "holds when the outcomes are independent"),  # a model
        (r"P(X = x, Y = y) = P(X = x) P(Y = y)", "holds when the outcomes are independent"),  # written as events
        (r"P(X = x) = \sum_y P(X = x \mid Y = y)", "Y on one side only"),  # Y summed on the right alone
        (r"p(c \mid x_i) = p(c)", "x_i on one side only"),  # c independent of the i-th feature: a condition
    ],
)
def test_a_model_or_a_condition_on_the_law_is_never_refuted(formula, words, tmp_path):
    result, detail = verdict(tmp_path, None, formula)
    assert result == "SKIPPED" and words in detail, detail


def test_a_formula_with_names_beside_the_law_is_not_read_under_it(tmp_path):
    result, detail = verdict(tmp_path, None, r"-\log p(y \mid x) = \frac{(y - w x)^2}{2 \sigma^2}")
    assert result == "SKIPPED" and "one joint law" not in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"p(c \vert x_i) x_i = p(c)p(x_i \vert c) x_i / p(x_i)",  # x_i also a number beside the law
        r"\sum_i p(c \vert x_i) = \sum_i p(c)p(x_i \vert c) / p(x_i)",  # x_i one of a sequence the sum runs over
    ],
)
def test_an_indexed_name_written_other_than_as_an_outcome_is_not_read_as_one(formula, tmp_path):
    result, detail = verdict(tmp_path, None, formula)
    assert "one joint law" not in detail, detail


def test_a_number_beside_the_law_on_one_side_only_is_not_read_under_it(tmp_path):
    """c p(x | y) = p(x): c on one side only may be the number that makes it hold, not a rule of every law."""
    result, detail = verdict(tmp_path, None, r"c\, p(x \mid y) = p(x)")
    assert result == "SKIPPED" and "one joint law" not in detail, detail


def test_a_definition_of_an_entropy_of_the_law_s_outcomes_is_checked_against_its_meaning(tmp_path):
    result, detail = verdict(tmp_path, None, r"H(y \mid x) = -\sum_{x,y} p(x, y) \log p(y \mid x)")
    assert result == "PASS" and "agrees with the usual meaning" in detail, detail
    result, detail = verdict(tmp_path, None, r"H(y \mid x) = -\sum_{x,y} p(x, y) \log p(x \mid y)")
    assert result == "FAIL" and "H has one meaning here" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"I(x; z) = \sum_{x, c} p(x, c) \log\frac{p(x, c)}{p(x)p(c)}",  # z is no outcome of the law
        r"H(p) = -\sum_{x, c} p(x, c) \log p(x, c)",  # H of the law itself, not of its outcomes
    ],
)
def test_an_entropy_of_other_than_the_law_s_outcomes_is_not_read_under_it(formula, tmp_path):
    result, detail = verdict(tmp_path, None, formula)
    assert result == "SKIPPED" and "one joint law" not in detail, detail


def test_a_greek_outcome_beside_a_labelled_one_is_read_under_the_law(tmp_path):
    """θ beside x_i is spelled \\theta in the clause the reading writes, where its key had stopped the whole check."""
    result, detail = verdict(tmp_path, None, r"p(\theta \mid x_i) = \frac{p(x_i \mid \theta) p(\theta)}{p(x_i)}")
    assert result == "PASS" and "one joint law" in detail, detail
    result, detail = verdict(tmp_path, None, r"p(\theta \mid x_i) = \frac{p(x_i \mid \theta) p(\theta)}{p(\theta)}")
    assert result == "FAIL" and "for independent outcomes too" in detail, detail
    result, detail = verdict(tmp_path, None, r"P(Y_i = 1 \mid \theta) = \theta")  # the law of an event: not read
    assert result == "SKIPPED" and "of an event" in detail, detail
