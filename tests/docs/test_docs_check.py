"""Verdicts on formulas: a corpus of correct, rewritten and subtly wrong formulas."""

import sys
from pathlib import Path

import pytest

from derive.docs import check_formula

sys.path.insert(0, str(Path(__file__).parent / "docs_fixtures"))
from fixture_formulas import CORRECT, WRONG  # noqa: E402


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
    verdict = check_formula(
        r"\frac{\partial \sigma_i}{\partial z_j} = \sigma_i(\delta_{ij} - \sigma_j)", "softmax_jacobian"
    )
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
    assert (
        check_formula(formula, "softmax_jacobian", {"x": "z", "u": r"\operatorname{softmax}(z)"})["verdict"] == "PASS"
    )


def test_unparseable_and_unknown():
    assert check_formula(r"\frac{\partial \sigma_i}{\partial = ", "softmax_jacobian")["verdict"] == "UNPARSEABLE"
    unknown = check_formula(r"\sigma_i = \operatorname{mystery}(z_i)", "softmax_jacobian")
    assert unknown["verdict"] == "UNKNOWN" and "mystery" in unknown["detail"]
    assert check_formula(r"p(y|x) \propto \exp(r)", "dpo_optimal_policy")["verdict"] == "UNKNOWN"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "=",
        "}{",
        r"\frac{",
        "$$",
        r"\begin{cases}",
        "a = = b",
        "((a) = b",
        r"\sum = 1",
        "x^",
        "_i = 2",
        r"\left( a = b",
        "1/0 = 1",
        r"\sqrt{-1} = 1",
        "é = ü",
        "a" * 5000 + " = 1",
        "a+" * 600 + "a = 1",
        r"\frac{\partial}{\partial} = 0",
        "{" * 500 + "}" * 500 + " = 1",
    ],
)
def test_malformed_input_gets_a_verdict_not_a_traceback(text):
    for result in (None, "softmax_jacobian"):
        verdict = check_formula(text, result)
        assert verdict["verdict"] in ("FAIL", "UNPARSEABLE", "UNKNOWN")


def test_random_text_never_raises():
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    alphabet = st.sampled_from(
        list("xyz_^{}()[]+-=<>/|&\\ 0123456789") + [r"\frac", r"\sum", r"\sigma", r"\partial", r"\le", r"\begin{cases}"]
    )

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


def test_a_tag_may_open_with_a_log_base_or_erratum_clause(tmp_path):
    from derive.docs.report import check_paths

    doc = tmp_path / "bits.md"
    doc.write_text(
        "<!-- derive: log base 2 --> $-(0.7 \\log 0.7 + 0.3 \\log 0.3) \\approx 0.881$\n\n"
        "<!-- derive: log base 10 --> $\\log 1000 = 3$\n\n"
        "<!-- derive: erratum --> $-\\log_2 0.5 = 2$\n"
    )
    bits, decimal, wrong = check_paths([doc])
    assert bits.verdict == "PASS" and decimal.verdict == "PASS"
    assert wrong.verdict == "ERRATUM"


def test_matrices_written_out_entry_by_entry():
    a, b = r"\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}", r"\begin{pmatrix} 5 & 6 \\ 7 & 8 \end{pmatrix}"
    product = r"\begin{pmatrix} 19 & 22 \\ 43 & 50 \end{pmatrix}"
    assert check_formula(rf"A B = {product}", None, {"A": a, "B": b})["verdict"] == "PASS"
    assert check_formula(rf"B A = {product}", None, {"A": a, "B": b})["verdict"] == "FAIL"
    assert check_formula(r"A^\top = \begin{pmatrix} 1 & 3 \\ 2 & 4 \end{pmatrix}", None, {"A": a})["verdict"] == "PASS"
    # written decimals set the tolerance entry by entry
    assert (
        check_formula(
            r"A B \approx \begin{pmatrix} 0.33 & 0.5 \\ 1 & 1 \end{pmatrix}",
            None,
            {
                "A": r"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}",
                "B": r"\begin{pmatrix} 1/3 & 0.5 \\ 1 & 1 \end{pmatrix}",
            },
        )["verdict"]
        == "PASS"
    )
    ones = r"\begin{pmatrix} 1 & 1 & 1 \\ 1 & 1 & 1 \end{pmatrix}"
    assert check_formula(r"\operatorname{rank}(M) = 1", None, {"M": ones})["verdict"] == "PASS"
    assert check_formula(r"\operatorname{rank}(M) = 2", None, {"M": ones})["verdict"] == "FAIL"
    assert check_formula(r"\begin{pmatrix} 1 & 2 \\ 3 \end{pmatrix} = 1")["verdict"] == "UNKNOWN"


def test_percentages_are_decimals_with_their_written_digits():
    assert check_formula(r"\operatorname{softmax}(5.2, 2.1, -0.8) \approx (95.5\%, 4.3\%, 0.2\%)")["verdict"] == "PASS"
    # 0.95463 rounds to 95.5%: 95.4% is a figure one unit off in its last digit (the rounding rule)
    assert check_formula(r"\operatorname{softmax}(5.2, 2.1, -0.8) \approx (95.4\%, 4.3\%, 0.2\%)")["verdict"] == "FAIL"
    assert check_formula(r"60\% + 40\% = 1")["verdict"] == "PASS"
    # 99.8% is 0.998 to three decimals: a one-decimal percentage that is off by 0.2 points fails
    assert check_formula(r"\frac{1}{1 + e^{-6.2}} \approx 99.8\%")["verdict"] == "PASS"
    assert check_formula(r"\frac{1}{1 + e^{-6.2}} \approx 99.5\%")["verdict"] == "FAIL"
    assert check_formula(r"\frac{1}{1 + e^{-1.55}} \approx 68\%")["verdict"] == "FAIL"


def test_a_declared_symbol_may_carry_a_subscript(tmp_path):
    from derive.docs.report import check_paths

    doc = tmp_path / "chain.md"
    doc.write_text(
        "<!-- derive: w_1: real; w_2: real --> $\\frac{\\partial}{\\partial w_1} (w_1 w_2)^2 = 2 w_1 w_2^2$\n\n"
        "<!-- derive: w_1: real; w_2: real --> $\\frac{\\partial}{\\partial w_1} (w_1 w_2)^2 = 2 w_1 w_2$\n"
    )
    right, wrong = check_paths([doc])
    assert right.verdict == "PASS" and wrong.verdict == "FAIL"


def test_an_index_named_only_in_the_condition_is_bound():
    result = "softmax_cross_entropy_gradient"
    assert (
        check_formula(r"\frac{\partial L}{\partial z_i} = \hat{y}_i \quad \text{for } i \neq c", result)["verdict"]
        == "PASS"
    )
    assert (
        check_formula(r"\frac{\partial L}{\partial z_i} = \hat{y}_i - 1 \quad \text{for } i \neq c", result)["verdict"]
        == "FAIL"
    )
    assert (
        check_formula(r"\frac{\partial L}{\partial z_i} = \hat{y}_i - 1 \quad \text{for } i = c", result)["verdict"]
        == "PASS"
    )


def test_a_comma_inside_brackets_is_not_a_condition():
    # ", Q) \approx 1.9" is short enough to look like ", i \ne j"; inside the brackets it separates arguments
    symbols = {"P": "(0.7, 0.2, 0.1)", "Q": "(0.1, 0.3, 0.6)"}
    assert check_formula(r"H(P, Q) \approx 1.9", None, symbols)["verdict"] == "PASS"
    assert check_formula(r"H(P, Q) \approx 1.7", None, symbols)["verdict"] == "FAIL"
    assert (
        check_formula(r"\frac{\partial \sigma_i}{\partial z_j} = -\sigma_i \sigma_j, i \neq j", "softmax_jacobian")[
            "verdict"
        ]
        == "PASS"
    )
