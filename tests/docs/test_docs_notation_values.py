"""Notation read as values: ±∞ in arithmetic, a primed or decorated summation index, a list with dots inside
diag(...).

Each form is read on a correct formula (PASS) and on a wrong variant (FAIL) by the same machinery; a form whose
value is not determined (∞ − ∞, 0 · ∞) is UNKNOWN with the reason."""

import pytest
from checking import verdict

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "a softmax entry masked with minus infinity",
        None,
        r"\operatorname{softmax}(2, 1, -\infty)_1 = \frac{e^2}{e^2 + e^1}",
        r"\operatorname{softmax}(2, 1, -\infty)_1 = \frac{e^2}{e^2 + e^1 + 1}",
    ),
    (
        "a masked softmax as a whole vector",
        None,
        r"\operatorname{softmax}(-\infty, 3, 2) = \left(0, \frac{e}{1 + e}, \frac{1}{1 + e}\right)",
        r"\operatorname{softmax}(-\infty, 3, 2) = \left(0, \frac{1}{1 + e}, \frac{e}{1 + e}\right)",
    ),
    ("e to the minus infinity", None, r"e^{-\infty} = 0", r"e^{-\infty} = 1"),
    ("one over infinity", None, r"\frac{1}{\infty} = 0", r"\frac{1}{\infty} = 1"),
    ("the logistic function at minus infinity", None, r"\sigma(-\infty) = 0", r"\sigma(-\infty) = 0.5"),
    (
        "a primed summation index",
        r"e: vector; n: positive integer",
        r"\sum_{i=1}^n \frac{\exp(e_i)}{\sum_{i'=1}^n \exp(e_{i'})} = 1",
        r"\sum_{i=1}^n \frac{\exp(e_i)}{\sum_{i'=1}^n \exp(e_{i'})} = n",
    ),
    (
        "a summation index with a tilde",
        r"e: vector; n: positive integer",
        r"\frac{\exp(e_i)}{\sum_{\tilde{k}=1}^n \exp(e_{\tilde{k}})} = \operatorname{softmax}(e)_i",
        r"\frac{\exp(e_i)}{\sum_{\tilde{k}=1}^n \exp(e_{\tilde{k}})} = \operatorname{softmax}(e)_1",
    ),
    ("a primed index written bare", None, r"\sum_{j'=1}^{3} j' = 6", r"\sum_{j'=1}^{3} j' = 7"),
    (
        "a diagonal matrix written with dots",
        r"\lambda: positive vector; n: positive integer",
        r"\operatorname{diag}(\lambda_1, \ldots, \lambda_n)^{-1} = \text{diag}(\frac{1}{\lambda_1}, \dots, \frac{1}{\lambda_n})",
        r"\operatorname{diag}(\lambda_1, \ldots, \lambda_n)^{-1} = \text{diag}(\frac{1}{\lambda_1^2}, \dots, \frac{1}{\lambda_n^2})",
    ),
    (
        "the trace of a diagonal matrix written with dots",
        r"\lambda: vector; n: positive integer",
        r"\operatorname{tr}(\operatorname{diag}(\lambda_1, \ldots, \lambda_n)) = \sum_{i=1}^n \lambda_i",
        r"\operatorname{tr}(\operatorname{diag}(\lambda_1, \ldots, \lambda_n)) = \sum_{i=1}^n \lambda_i^2",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_correct_passes_and_wrong_variant_fails(tmp_path, name, tag, correct, wrong):
    passed = verdict(tmp_path, tag, correct)
    assert passed[0] == "PASS", passed
    failed = verdict(tmp_path, tag, wrong)
    assert failed[0] == "FAIL", failed


@pytest.mark.parametrize("form", [r"\infty - \infty = 0", r"0 \cdot \infty = 0", r"\frac{\infty}{\infty} = 1"])
def test_an_undetermined_form_with_infinity_is_unknown_with_the_reason(tmp_path, form):
    found, detail = verdict(tmp_path, "", form)
    assert found == "UNKNOWN", (found, detail)
    assert "undetermined form" in detail


def test_a_side_left_infinite_is_not_decided(tmp_path):
    found, detail = verdict(tmp_path, "x: real", r"x \cdot \infty - \infty = 0")
    assert found == "UNKNOWN", (found, detail)
