r"""Untagged formulas in entropies and mutual informations of named random variables (``I(S; Z) = H(Z) - H(Z \mid S)``):
read under one joint law drawn at random; a refutation stands only when both sides write the same variables and
independent variables refute it too (README, "Untagged formulas", random variables)."""

import pytest
from checking import verdict, verdicts

PAIRS = [
    (
        "the mutual information as a reduction of entropy",
        r"I(S; Z) = H(Z) - H(Z \mid S)",
        r"I(S; Z) = H(S) - H(Z \mid S)",
    ),
    (
        "the chain rule of the conditional mutual information, three variables",
        r"I(S; Z) + H[A \mid S] - I(A; Z \mid S) = (H(Z) - H(Z \mid S)) + H[A \mid S] - (H[A\mid S] - H[A\mid S, Z])",
        r"I(S; Z) + H[A \mid S] - I(A; Z \mid S) = (H(Z) + H(Z \mid S)) + H[A \mid S] - (H[A\mid S] - H[A\mid S, Z])",
    ),
    (
        "the conditional entropy, letters other than X and Y",
        r"H(Z \mid W) = H(Z, W) - H(W)",
        r"H(Z \mid W) = H(Z, W) - H(Z)",
    ),
    (
        "Greek letters for the variables",
        r"I(\tau; z) = I(z; \tau)",
        r"I(\tau; z) = H(\tau \mid z)",
    ),
]


@pytest.mark.parametrize("name, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_rule_of_every_joint_law_passes_and_its_wrong_variant_fails(name, correct, wrong, tmp_path):
    result, detail = verdict(tmp_path, None, correct)
    assert result == "PASS" and "under a joint law drawn at random" in detail, detail
    result, detail = verdict(tmp_path, None, wrong)
    assert result == "FAIL" and "for independent ones too" in detail, detail


def test_a_definition_of_the_mutual_information_is_checked_against_its_meaning(tmp_path):
    result, detail = verdict(tmp_path, None, r"I(\tau;z) = H(\tau) - H(\tau \vert z)")
    assert result == "PASS" and "usual meaning" in detail, detail
    result, detail = verdict(tmp_path, None, r"I(\tau;z) = H(\tau) + H(\tau \vert z)")
    assert result == "FAIL" and "one meaning" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"H(A \mid S) = H(A)",  # S on one side only: A and S independent, a condition
        r"H(A, S \mid Z) = H(A \mid Z) + H(S \mid Z)",  # conditionally independent: a model, not a rule
        r"H(A, S) = H(A) + H(S)",  # H(A, S) alone may be a cross-entropy
        r"H(P \mid Q) = H(P, Q) - H(Q)",  # distribution letters
    ],
)
def test_a_condition_a_model_or_another_reading_is_not_refuted(formula, tmp_path):
    result, detail = verdict(tmp_path, None, formula)
    assert result == "SKIPPED", detail


def test_a_document_that_defines_the_entropy_keeps_its_own(tmp_path):
    [_, (result, detail)] = verdicts(tmp_path, r"H(A) := A^2", r"I(S; A) = H(A) - H(A \mid S)")
    assert result != "PASS" or "joint law" not in detail, detail


def test_the_entropy_of_a_variable_beside_the_values_of_one_law_is_that_law_s(tmp_path):
    result, detail = verdict(tmp_path, None, r"H(Z) = -\sum_k q_k \log q_k")
    assert result == "PASS" and "q beside H(Z) is the law of Z" in detail, detail
    result, detail = verdict(tmp_path, None, r"-\sum_z q(z) \log q(z) = H(Z)")
    assert result == "PASS" and "q beside H(Z) is the law of Z" in detail, detail
    result, detail = verdict(tmp_path, None, r"H(Z) = \sum_k q_k \log q_k")  # a definition its meaning refutes
    assert result == "FAIL" and "q beside H(Z) is the law of Z" in detail, detail
    result, detail = verdict(tmp_path, None, r"-\sum_z q(z) \log \frac{1}{q(z)} = H(Z)")
    assert result == "FAIL" and "q beside H(Z) is the law of Z" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"H(Y) = -\sum_{x, y} p(x, y) \log p(y)",  # a joint law: its own reading, not H(p)
        r"H(X) + X = -\sum_i p_i \log p_i",  # X written outside H(X)
        r"H(X) = -\sum_i p_i \log q_i",  # two laws: which is X's?
    ],
)
def test_an_entropy_beside_other_than_one_law_s_values_is_not_read_so(formula):
    from derive.docs.entropy_of_law import entropy_as_law

    assert entropy_as_law(formula) is None
