r"""Untagged moments of a random variable not called X: a name written only inside expectations, variances and
covariances (``\mathbb{E}[p_k^2] = \mathbb{E}[p_k]^2 + \operatorname{Var}(p_k)``), a function of X alone
(``\mathbb{E}[a f(X)] = a \mathbb{E}[f(X)]``) and a family under a sum (README, "Untagged formulas", random
variables)."""

import pytest
from checking import verdict

from derive.docs.random_names import random_reading


def test_a_name_written_only_inside_moments_is_the_random_variable(tmp_path):
    result, detail = verdict(tmp_path, None, r"\mathbb{E}[p_k^2] = \mathbb{E}[p_k]^2 + \text{Var}(p_k)")
    assert result == "PASS" and "p_k, written only inside moments, is a random variable" in detail, detail
    correct = r"\mathbb{E}[(w + 1)^2] = \mathbb{E}[w]^2 + \text{Var}(w) + 2\mathbb{E}[w] + 1"
    assert verdict(tmp_path, None, correct)[0] == "PASS"
    wrong = r"\mathbb{E}[(w + 1)^2] = \mathbb{E}[w]^2 + \text{Var}(w) + 2\mathbb{E}[w]"  # refuted by a constant too
    result, detail = verdict(tmp_path, None, wrong)
    assert result == "FAIL" and "w, written only inside moments" in detail, detail
    wrong = r"\mathbb{E}[p_k^2] = \mathbb{E}[p_k]^2 - \text{Var}(p_k)"  # a constant p_k, whose variance it writes
    result, detail = verdict(tmp_path, None, wrong)
    assert result == "FAIL" and "p_k, written only inside moments" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"\operatorname{Var}(c + w) = \operatorname{Var}(w)",  # c on one side only: a constant, or a condition
        r"\mathbb{E}[w^2] = \operatorname{Var}(w)",  # holds for w of mean 0
    ],
)
def test_a_formula_a_constant_or_a_centred_variable_makes_hold_is_not_refuted(formula, tmp_path):
    result, detail = verdict(tmp_path, None, formula)
    assert result == "SKIPPED", (result, detail)


def test_a_function_of_x_alone_is_one_random_variable(tmp_path):
    result, detail = verdict(tmp_path, None, r"\operatorname{Var}[a f(X)] = a^2 \operatorname{Var}[f(X)]")
    assert result == "PASS" and "f(X), a function of the random variable X alone" in detail, detail
    result, detail = verdict(tmp_path, None, r"\operatorname{Var}[a f(X)] = a \operatorname{Var}[f(X)]")
    assert result == "FAIL" and "f(X), a function of the random variable X alone" in detail, detail
    result, detail = verdict(tmp_path, None, r"\mathbb{E}[a f(X)] = a\mathbb{E}[f(X)]")
    assert result == "PASS", detail


def test_a_family_under_a_sum_is_decided_only_when_it_holds(tmp_path):
    correct = r"\sum_{k=1}^K \mathbb{E}[y_k^2 - 2 y_k p_k + p_k^2] = \sum_{k=1}^K (y_k^2 - 2 y_k \mathbb{E}[p_k] + \mathbb{E}[p_k^2])"
    result, detail = verdict(tmp_path, None, correct)
    assert result == "PASS" and "of a family" in detail, detail
    wrong = r"\sum_{k=1}^K \mathbb{E}[y_k^2 - 2 y_k p_k + p_k^2] = \sum_{k=1}^K (y_k^2 - 2 y_k \mathbb{E}[p_k] + \mathbb{E}[p_k]^2)"
    result, detail = verdict(tmp_path, None, wrong)
    assert result == "SKIPPED", (result, detail)


@pytest.mark.parametrize(
    "formula",
    [
        r"\operatorname{Var}(w x) = \operatorname{Var}(w)\operatorname{Var}(x)",  # two names: w and x random, or not?
        r"\mathbb{E}[X + p_k] = \mathbb{E}[X] + \mathbb{E}[p_k]",  # beside X
        r"\mathbb{E}[f(X)] = f(\mathbb{E}[X])",  # f applied outside a moment
        r"\mathbb{E}[X f(X)] = \mathbb{E}[X] \mathbb{E}[f(X)]",  # X written beside f(X)
        r"\mathbb{E}_{x \sim p}[w] = w",  # a law named in the subscript
        r"\mathbb{E}[\mathbf{w}^2] = 1",  # a bold name
        r"\mathbb{E}[x^{(k)} + x_k] = \mathbb{E}[x_k] + \mathbb{E}[x^{(k)}]",  # x_k beside x^{(k)}: one name or two?
        r"\sum_k \mathbb{E}[x^{(k)}] = \mathbb{E}[\sum_k x^{(k)}]",  # a label a sum runs over: a family
    ],
)
def test_other_shapes_are_not_read_so(formula):
    assert random_reading(formula) is None


def test_the_reading_names_the_variable_and_writes_it_x():
    reading = random_reading(r"\mathbb{E}[\epsilon_t^2] = \operatorname{Var}(\epsilon_t) + \mathbb{E}[\epsilon_{t}]^2")
    assert reading.shown == "epsilon_t" and reading.constant
    assert reading.as_x == r"\mathbb{E}[X^2] = \operatorname{Var}(X) + \mathbb{E}[X]^2"


def test_a_name_with_a_label_in_parentheses_is_the_random_variable(tmp_path):
    reading = random_reading(r"\mathbb{E}[(w^{(t)})^2] = \operatorname{Var}(w^{( t )}) + \mathbb{E}[w^{(t)}]^2")
    assert reading.shown == "w^{(t)}" and reading.as_x == r"\mathbb{E}[(X)^2] = \operatorname{Var}(X) + \mathbb{E}[X]^2"
    result, detail = verdict(tmp_path, None, r"Var[w^{(t)}] = \mathbb{E}[(w^{(t)})^2] - \mathbb{E}[w^{(t)}]^2")
    assert result == "PASS" and "w^{(t)}, written only inside moments" in detail, detail
    result, detail = verdict(tmp_path, None, r"\mathbb{E}[(w^{(t)} + 1)^2] = \mathbb{E}[(w^{(t)})^2] + 2")
    assert result == "FAIL" and "w^{(t)}, written only inside moments" in detail, detail


def test_a_name_with_two_indices_is_the_random_variable():
    reading = random_reading(r"Var[x_{(i_N, i_G)}] = \mathbb{E}[x^2_{(i_N, i_G)}] - \mathbb{E}[x_{(i_N,i_G)}]^2")
    assert reading.shown == "x_(i_N,i_G)"
    assert reading.as_x == r"Var[X] = \mathbb{E}[X^2] - \mathbb{E}[X]^2"
    assert random_reading(r"\sum_t \mathbb{E}[x_{t,i}] = \mathbb{E}[\sum_t x_{t,i}]") is None  # a sum over one index
