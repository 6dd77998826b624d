r"""Probabilities of events of one probability space (P(A \cap B), P(A \cup B), P(\Omega - A), P(A \mid B))."""

import pytest

from derive.docs.report import check_found
from derive.docs.scan import scan_text
from derive.docs.set_events import decide_events

RIGHT_WRONG = [
    (r"P(A \cup B) = P(A) + P(B) - P(A \cap B)", r"P(A \cup B) = P(A) + P(B) + P(A \cap B)"),
    (r"P(A \cap B) \leq \min(P(A), P(B))", r"P(A \cap B) \geq \min(P(A), P(B))"),
    (r"P(A \cup B) \le P(A) + P(B)", r"P(A \cup B) \ge P(A) + P(B)"),
    (r"P(\Omega - A) = 1 - P(A)", r"P(\Omega - A) = P(A) - 1"),
    (r"P(A^c) = 1 - P(A)", r"P(A^{c}) = 1 + P(A)"),
    (r"P(\overline{A \cup B}) = P(A^c \cap B^c)", r"P(\overline{A \cup B}) = P(A^c \cup B^c)"),
    (r"P(A_1 \cap A_2) = P(A_1) P(A_2 | A_1)", r"P(A_1 \cap A_2) = P(A_1) P(A_1 | A_2)"),
    (r"P(A \mid B) = \frac{P(A \cap B)}{P(B)}", r"P(A \mid B) = \frac{P(A \cap B)}{P(A)}"),
    (
        r"P(A \cup B \cup C) = P(A) + P(B) + P(C) - P(A \cap B) - P(A \cap C) - P(B \cap C) + P(A \cap B \cap C)",
        r"P(A \cup B \cup C) = P(A) + P(B) + P(C) - P(A \cap B) - P(A \cap C) - P(B \cap C) - P(A \cap B \cap C)",
    ),
]


@pytest.mark.parametrize(("right", "wrong"), RIGHT_WRONG)
def test_a_law_of_events_passes_and_its_one_edit_variant_fails(right, wrong):
    assert decide_events(right).verdict == "PASS"
    refuted = decide_events(wrong, arbitrary=True)  # the events declared arbitrary: no model is stated
    assert refuted.verdict == "FAIL" and "fails for the law P(" in refuted.detail


def _records(tag, formula):
    text = (f"<!-- derive: {tag} -->\n" if tag is not None else "") + f"$$\n{formula}\n$$\n"
    return [check_found(f) for f in scan_text(text, "markdown")]


def test_documents_decide_events_untagged_under_an_empty_tag_and_under_a_tag_naming_them():
    chain = (
        r"\begin{align*} & P(A_1 \cap A_2 \cap A_3) \\ &= P(A_1 \cap A_2) P(A_3 \mid A_1 \cap A_2) \\ "
        r"&= P(A_1) P(A_2 \mid A_1) P(A_3 \mid A_1 \cap A_2) \end{align*}"
    )
    for tag in (None, "", "A_1, A_2, A_3: events"):
        (record,) = _records(tag, chain)
        assert record.verdict == "PASS", record.detail
    (record,) = _records("", chain.replace(r"P(A_2 \mid A_1) P(A_3", r"P(A_1 \mid A_2) P(A_3"))
    assert record.verdict == "FAIL"


@pytest.mark.parametrize(
    ("formula", "family"),
    [
        (r"P(A \cap B) = P(A) P(B)", "independent"),
        (r"P(A \cup B) = P(A) + P(B)", "pairwise disjoint"),
        (r"P(B \setminus A) = P(B) - P(A)", "nested, A inside B"),
    ],
)
def test_an_equation_that_holds_for_independent_disjoint_or_nested_events_may_state_it(formula, family):
    for tag in (None, ""):
        (record,) = _records(tag, formula)
        assert record.verdict in ("UNKNOWN", "SKIPPED") and f"holds when the events are {family}" in record.detail
    (record,) = _records("A, B: events", formula)  # declared arbitrary events: claimed for every law
    assert record.verdict == "FAIL"


def test_what_the_reader_does_not_take_is_left_to_the_other_readings():
    assert decide_events(r"P(A \cap B \cup C) = P(A)") is None  # two readings without brackets
    assert decide_events(r"P(A \mid B) = \frac{P(B \mid A) P(A)}{P(B)}") is None  # no set operation: a law
    assert decide_events(r"x^c = x^c") is None
    (record,) = _records("A \\sim \\mathcal{N}(0, 1)", r"P(A \cup B) = P(A) + P(B)")
    assert "events of one probability space" not in record.detail  # a tag that says more is read as before


@pytest.mark.parametrize("formula", [r"P(A \cap B) = 0", r"P(A \cup B) = 1", r"P(A^c) = 0.3"])
def test_a_refuted_formula_with_a_side_the_law_does_not_enter_may_state_a_particular_law(formula):
    for tag in (None, ""):
        (record,) = _records(tag, formula)
        assert record.verdict in ("UNKNOWN", "SKIPPED") and "a side the law does not enter" in record.detail
    (record,) = _records("A, B: events", formula)
    assert record.verdict == "FAIL"
    assert decide_events(r"P(A \cap B) \le 1").verdict == "PASS"  # what holds for every law still passes


def test_huge_powers_and_deep_nesting_are_refused_not_computed():
    assert decide_events(r"P(A \cap B)^{1000000} = 0") is None
    assert decide_events("P(" * 3000 + r"A \cap B" + ")" * 3000 + " = 0") is None
    assert decide_events(r"P(A \cap B)^{2} \le P(A)").verdict == "PASS"
    assert decide_events(r"P(A \cap B)^{2} \ge P(A)", arbitrary=True).verdict == "FAIL"
