r"""Laws the tag gives by their values at named outcomes (``P(\text{sunny}) = 0.7; P(\text{rainy}) = 0.3``): the name
alone is the law over those words, in a divergence or an entropy and in the tag's own definition of one (a sum over
the outcome). A correct value PASSes and a wrong one FAILs, by the same reading; values that are no law, or laws at
different words, leave the name unbound (UNKNOWN)."""

import pytest
from checking import assert_page_pass_and_fail, verdict

WEATHER = r"P(\text{sunny}) = 0.7; P(\text{rainy}) = 0.3; Q(\text{sunny}) = 0.5; Q(\text{rainy}) = 0.5"
DEFINED = r"KL(P \| Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)}; " + WEATHER

PAIRS = [
    (
        "the reverse divergence under the tag's definition",
        DEFINED,
        r"KL(Q \| P) \approx 0.087",
        r"KL(Q \| P) \approx 0.088",
    ),
    (
        "the forward divergence under the tag's definition",
        DEFINED,
        r"KL(P \| Q) \approx 0.082",
        r"KL(P \| Q) \approx 0.087",
    ),
    (
        "the shared divergence, with the second law's words in another order",
        r"P(\text{sunny}) = 0.7; P(\text{rainy}) = 0.3; Q(\text{rainy}) = 0.2; Q(\text{sunny}) = 0.8",
        r"KL(P \| Q) \approx 0.028",
        r"KL(P \| Q) \approx 0.088",
    ),
    (
        "the entropy of one law",
        r"P(\text{sunny}) = 0.7; P(\text{rainy}) = 0.3",
        r"H(P) \approx 0.611",
        r"H(P) \approx 0.693",
    ),
    ("a sum over the outcomes", DEFINED, r"\sum_x P(x) = 1", r"\sum_x P(x) = 0.7"),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_law_given_at_words_is_read_as_that_law(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.parametrize(
    "tag",
    [
        r"P(\text{sunny}) = 0.7; P(\text{rainy}) = 0.2; Q(\text{sunny}) = 0.5; Q(\text{rainy}) = 0.5",
        r"P(\text{sunny}) = 0.7; P(\text{rainy}) = 0.3; Q(\text{sunny}) = 0.5; Q(\text{cloudy}) = 0.5",
    ],
    ids=["values that do not sum to 1", "laws given at different words"],
)
def test_values_that_are_no_law_in_common_leave_the_name_unbound(tmp_path, tag):
    status, detail = verdict(tmp_path, tag, r"KL(P \| Q) \approx 0.082")
    assert status == "UNKNOWN", detail
    assert "not bound" in detail


def test_a_law_at_a_free_outcome_is_still_not_given(tmp_path):
    status, detail = verdict(tmp_path, WEATHER, r"P(x) = 0.7")
    assert status == "UNKNOWN", detail
    assert "not given" in detail
