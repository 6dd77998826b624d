r"""Activation functions and statistics of a vector named in words, untagged (README, "Untagged formulas": activation
functions named in words): each is read by its usual definition, a name with several (GELU, the hard sigmoid, the
standard deviation) in each, and a verdict stands only when they agree; an author's definition of such a name PASSes
when it agrees with one of them."""

import pytest
from checking import untagged_verdict as one
from checking import verdicts


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\text{Tanhshrink}(-x) = -\text{Tanhshrink}(x)", "PASS"),
        (r"\text{Tanhshrink}(-x) = \text{Tanhshrink}(x)", "FAIL"),
        (r"\mathrm{relu6}(x) = \max(0, x) - \max(0, x - 6)", "PASS"),
        (r"\mathrm{relu6}(x) = \max(0, x) - \max(0, x - 3)", "FAIL"),
        (r"\text{sig}(-4.6) \approx 0.00995", "PASS"),  # the logistic sigmoid, as Prince's book abbreviates it
        (r"\text{sig}(-4.6) \approx 0.99005", "FAIL"),
        (r"-\log\left(\text{sig}(z)^{y}(1-\text{sig}(z))^{1-y}\right) = \log(1 + \exp(-z)) + (1 - y) z", "PASS"),
        (r"-\log\left(\text{sig}(z)^{y}(1-\text{sig}(z))^{1-y}\right) = \log(1 + \exp(-z)) + y z", "FAIL"),
        (r"\operatorname{softplus}(x) - \operatorname{softplus}(-x) = x", "PASS"),
        (r"\operatorname{softplus}(x) + \operatorname{softplus}(-x) = x", "FAIL"),
        (r"\text{SiLU}(x) = x \cdot \text{LogSigmoid}(x) + x \log(1 + e^{-x}) + \frac{x}{1 + e^{-x}}", "PASS"),
        (r"\text{SiLU}(x) = \frac{x}{1 + e^{x}}", "FAIL"),
    ],
)
def test_a_function_named_in_words_is_read_by_its_usual_definition(tmp_path, formula, expected):
    verdict, detail = one(tmp_path, formula)
    assert verdict == expected, detail


def test_several_usual_definitions_decide_only_where_they_agree(tmp_path):
    # GELU(2) is 1.9545 exactly and 1.9546 in the tanh approximation: the written value picks one reading
    verdict, detail = one(tmp_path, r"\text{GELU}(2) \approx 1.9546")
    assert verdict == "SKIPPED" and "several usual definitions" in detail and "tanh approximation it holds" in detail
    verdict, detail = one(tmp_path, r"\text{GELU}(2) \approx 2.0000")  # the ReLU's value: no reading gives it
    assert verdict == "FAIL" and "every usual reading" in detail, detail
    verdict, detail = one(tmp_path, r"\text{GELU}(x) - \text{GELU}(-x) = x")  # x Φ(x) + x Φ(-x) = x: each reading
    assert verdict == "PASS" and "every usual reading" in detail, detail
    assert one(tmp_path, r"\text{Hardsigmoid}(1.5) = 0.75")[0] == "SKIPPED"  # PyTorch's; 1 and 0.8 in the others
    assert one(tmp_path, r"\text{Hardsigmoid}(1.5) = 0.82")[0] == "FAIL"
    assert one(tmp_path, r"\text{hard\_sigmoid}(0) = 0.5")[0] == "PASS"


def test_a_definition_agrees_with_one_usual_definition(tmp_path):
    verdict, detail = one(tmp_path, r"\text{Hardsigmoid}(x) = \frac{\min(\max(x + 3, 0), 6)}{6}")
    assert verdict == "PASS" and "ReLU6(x + 3)/6" in detail, detail
    # the hard sigmoid has several definitions: one that agrees with none may be the author's own
    assert one(tmp_path, r"\text{Hardsigmoid}(x) = \frac{\min(\max(x + 3, 0), 6)}{3}")[0] == "SKIPPED"
    assert one(tmp_path, r"\text{HardTanh}(x) = \max(-1, \min(1, x))")[0] == "PASS"
    assert one(tmp_path, r"\text{HardTanh}(x) = \min(-1, \max(1, x))")[0] == "SKIPPED"  # PyTorch's has bounds
    assert one(tmp_path, r"\mathrm{gelu}(x) = \frac{x}{2} \mathrm{erfc}\left(\frac{-x}{\sqrt{2}}\right)")[0] == "PASS"
    # GELU has no meaning of an author's own: a definition that no usual one gives is a mistake
    verdict, detail = one(tmp_path, r"\mathrm{gelu}(x) = \frac{x}{2} \mathrm{erfc}\left(\frac{x}{\sqrt{2}}\right)")
    assert verdict == "FAIL" and "one meaning" in detail, detail


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\frac{1}{n} \sum_{i=1}^{n} x_i = \text{mean}(\mathbf{x})", "PASS"),
        (r"\sum_{i=1}^{n} x_i = \text{mean}(\mathbf{x})", "FAIL"),
        (r"\operatorname{mean}(2\mathbf{x} + 1) = 2 \operatorname{mean}(\mathbf{x}) + 1", "PASS"),
        (r"\operatorname{mean}(2\mathbf{x} + 1) = 2 \operatorname{mean}(\mathbf{x})", "FAIL"),
        (r"\text{std}(3\mathbf{x} + 1) = 3 \, \text{std}(\mathbf{x})", "PASS"),  # over n and over n - 1 alike
        (r"\text{std}(3\mathbf{x} + 1) = 3 \, \text{std}(\mathbf{x}) + 1", "FAIL"),
        (r"\log \sum_{i} \exp(x_i) = \text{logsumexp}(\mathbf{x})", "PASS"),
        (r"\sum_{i} x_i = \text{logsumexp}(\mathbf{x})", "FAIL"),
        (r"\text{RMS}(\mathbf{x})^2 = \frac{1}{n} \sum_{i=1}^{n} x_i^2", "PASS"),
        (r"\frac{1}{n} \sum_{i=1}^{n} x_i^2 = \text{RMS}(\mathbf{x})", "FAIL"),
    ],
)
def test_a_statistic_of_a_vector_named_in_words_is_read_over_its_entries(tmp_path, formula, expected):
    verdict, detail = one(tmp_path, formula)
    assert verdict == expected, detail


def test_the_standard_deviation_over_n_or_n_minus_one_decides_only_where_both_agree(tmp_path):
    formula = r"\text{std}(\mathbf{x})^2 = \frac{1}{n} \sum_{i=1}^{n} (x_i - \text{mean}(\mathbf{x}))^2"
    verdict, detail = one(tmp_path, formula)  # NumPy's std; PyTorch's divides by n - 1
    assert verdict == "SKIPPED" and "several usual definitions" in detail and "over n - 1 it fails" in detail, detail
    # an author's definition agrees with the usual one, or is the author's own (a weighted mean)
    assert one(tmp_path, r"\text{mean}(\mathbf{x}) = \frac{1}{n} \sum_{i=1}^{n} x_i")[0] == "PASS"
    assert one(tmp_path, r"\text{mean}(\mathbf{x}) = \sum_{i=1}^{n} w_i x_i")[0] == "SKIPPED"
    # of a number (mean written before a bracket as a product, mean (mean^2 / variance + 1)), it is not read
    verdict, detail = one(tmp_path, r"\text{mean}(x + 1) = \text{mean}(x) + 1")
    assert verdict == "SKIPPED", detail


def test_a_name_with_a_subscript_or_a_definition_before_it_is_not_the_usual_function(tmp_path):
    verdict, detail = one(tmp_path, r"\text{GELU}_{\tanh}(x) = x")  # another function of its own
    assert verdict != "FAIL", detail
    # the document's own definition is in force for the formulas after it
    [_, (verdict, detail)] = verdicts(tmp_path, r"\text{Tanhshrink}(x) := 2x", r"\text{Tanhshrink}(1) = 2")
    assert verdict == "PASS", detail
