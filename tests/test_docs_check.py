"""Verdicts on formulas: a corpus of correct, rewritten and subtly wrong formulas."""

import sys
from pathlib import Path

import pytest

from derive.docs import check_formula

sys.path.insert(0, str(Path(__file__).parent / "docs_fixtures"))
from corpus import CORRECT, WRONG  # noqa: E402


@pytest.fixture(scope="module")
def corpus_verdicts():
    correct = [check_formula(f, r, s) for r, f, s in CORRECT]
    wrong = [check_formula(f, r, s) for r, f, s in WRONG]
    return correct, wrong


def test_every_wrong_formula_fails(corpus_verdicts):
    _, wrong = corpus_verdicts
    not_failed = [(v["latex"], v["verdict"], v["detail"]) for v in wrong if v["verdict"] != "FAIL"]
    assert not not_failed


def test_correct_formulas_pass(corpus_verdicts):
    correct, _ = corpus_verdicts
    passed = sum(v["verdict"] == "PASS" for v in correct)
    assert passed / len(correct) >= 0.95, [(v["latex"], v["detail"]) for v in correct if v["verdict"] != "PASS"]


def test_a_failure_names_the_point_and_both_values():
    verdict = check_formula(r"\frac{\partial L}{\partial z_j} = y_j - p_j", "softmax_cross_entropy_gradient")
    assert verdict["verdict"] == "FAIL"
    assert "z=(" in verdict["detail"] and "left = " in verdict["detail"] and "right = " in verdict["detail"]


def test_symbolic_proof_is_reported_as_such():
    verdict = check_formula(r"\frac{\partial \sigma_i}{\partial z_j} = \sigma_i(\delta_{ij} - \sigma_j)", "softmax_jacobian")
    assert verdict["verdict"] == "PASS" and verdict["evidence"] == "proved"


def test_inequality_holding_everywhere_is_numeric_evidence():
    verdict = check_formula(r"D_{KL}(p \| q) \ge 0", "cross_entropy_decomposition")
    assert verdict["verdict"] == "PASS" and verdict["evidence"] == "numeric"


def test_worked_examples_use_the_written_digits():
    assert check_formula(r"-\log 0.9 \approx 0.105")["verdict"] == "PASS"
    assert check_formula(r"-\log 0.9 \approx 0.1054")["verdict"] == "PASS"
    assert check_formula(r"-\log 0.9 \approx 0.1036")["verdict"] == "FAIL"
    assert check_formula(r"8 \times 2 \times 4096 = 65{,}536")["verdict"] == "PASS"
    assert check_formula(r"8 \times 2 \times 4096 = 65{,}537")["verdict"] == "FAIL"


def test_symbols_rebound_by_the_tag():
    formula = r"\frac{\partial u_i}{\partial x_j} = u_i(\delta_{ij} - u_j)"
    assert check_formula(formula, "softmax_jacobian")["verdict"] == "UNKNOWN"
    assert check_formula(formula, "softmax_jacobian", {"x": "z", "u": r"\operatorname{softmax}(z)"})["verdict"] == "PASS"


def test_unparseable_and_unknown():
    assert check_formula(r"\frac{\partial \sigma_i}{\partial = ", "softmax_jacobian")["verdict"] == "UNPARSEABLE"
    unknown = check_formula(r"\sigma_i = \operatorname{mystery}(z_i)", "softmax_jacobian")
    assert unknown["verdict"] == "UNKNOWN" and "mystery" in unknown["detail"]
    assert check_formula(r"p(y|x) \propto \exp(r)", "dpo_optimal_policy")["verdict"] == "UNKNOWN"


@pytest.mark.parametrize("text", ["", "=", "}{", r"\frac{", "$$", r"\begin{cases}", "a = = b", "((a) = b", r"\sum = 1",
                                  "x^", "_i = 2", r"\left( a = b", "1/0 = 1", r"\sqrt{-1} = 1", "é = ü", "a" * 5000 + " = 1", "a+" * 600 + "a = 1",
                                  r"\frac{\partial}{\partial} = 0", "{" * 500 + "}" * 500 + " = 1"])
def test_malformed_input_gets_a_verdict_not_a_traceback(text):
    for result in (None, "softmax_jacobian"):
        verdict = check_formula(text, result)
        assert verdict["verdict"] in ("FAIL", "UNPARSEABLE", "UNKNOWN")


def test_random_text_never_raises():
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("xyz_^{}()[]+-=<>/|&\\ 0123456789") + [r"\frac", r"\sum", r"\sigma", r"\partial", r"\le", r"\begin{cases}"])

    @hypothesis.settings(max_examples=60, deadline=None)
    @hypothesis.given(st.lists(alphabet, max_size=14).map("".join))
    def run(text):
        assert check_formula(text, "softmax_jacobian")["verdict"] in ("PASS", "FAIL", "UNPARSEABLE", "UNKNOWN")

    run()


def test_an_erratum_is_refuted_as_recorded_and_a_true_one_fails(tmp_path):
    from derive.docs.report import check_paths

    doc = tmp_path / "errata.md"
    doc.write_text(
        "<!-- derive: p = (0.7, 0.2, 0.1); erratum --> $p_1 + p_2 = 0.8$\n\n"
        "<!-- derive: p = (0.7, 0.2, 0.1); erratum --> $p_1 + p_2 = 0.9$\n"
    )
    wrong, holds = check_paths([doc])
    assert wrong.verdict == "ERRATUM" and "0.9" in wrong.detail
    assert holds.verdict == "FAIL" and "marked as an erratum, but it holds" in holds.detail
