"""Notation as authors write it in real documents: expectations without brackets, names with
escaped underscores, evaluation bars written as a bare or sized bar, derivatives with respect to an
expression of one variable, indices written as sums, lists written with dots, a rotation written as
a function of its angle (a difference of positions in brackets too, R((n - m)\\theta)), an index used
beside a sum whose layout shows the sum cannot cover it, and plain TeX's font switches ({\\rm d}x,
{\\bf x}) read as \\mathrm and \\mathbf. Each form is read on a correct formula (PASS) and a wrong variant
(FAIL) by the same machinery; what stays ambiguous is UNKNOWN with the reason."""

import pytest
from checking import assert_page_pass_and_fail, assert_pass_and_fail

from derive.docs import check_formula
from derive.docs.interpret import rewrite_chain

DISTRIBUTIONS = {"clauses": "P: distribution; Q: distribution"}
INVERSE = {"clauses": "f(x) = x^3 + x; y = f(x); x: real"}
SQUARE = {"clauses": "f(x) = x^2"}

# (name, correct formula, wrong variant, check_formula keywords)
PAIRS = [
    (
        "expectation without brackets over the next term",
        r"D_\text{KL}(P\|Q) = \mathbb{E}_{z\sim P(z)} \log\frac{P(z)}{Q(z)}",
        r"D_\text{KL}(P\|Q) = \mathbb{E}_{z\sim Q(z)} \log\frac{P(z)}{Q(z)}",
        DISTRIBUTIONS,
    ),
    (
        "expectation without brackets stops at a plus",
        r"\mathbb{E}_{z\sim P} \log P(z) + 1 = 1 - H(P)",
        r"\mathbb{E}_{z\sim P} \log P(z) + 1 = -H(P)",
        DISTRIBUTIONS,
    ),
    (
        "plain E with a draw",
        r"D_\text{KL}(P\|Q) = E_{z\sim P} \log\frac{P(z)}{Q(z)}",
        r"D_\text{KL}(P\|Q) = E_{z\sim P} \log\frac{Q(z)}{P(z)}",
        DISTRIBUTIONS,
    ),
    (
        "names with escaped underscores",
        r"{step\_num}^{-0.5} = {step\_num} \cdot {warmup\_steps}^{-1.5}",
        r"{step\_num}^{-0.5} = {step\_num} \cdot {warmup\_steps}^{-1}",
        {"clauses": r"step\_num = warmup\_steps; warmup\_steps: positive"},
    ),
    ("bare evaluation bar", r"\frac{d}{dx} x^2 |_{x=4} = 8", r"\frac{d}{dx} x^2 |_{x=4} = 9", {}),
    (
        "sized \\vert evaluation bar",
        r"\frac{d (x^2)}{dx}\Big\rvert_{x=4} = 8",
        r"\frac{d (x^2)}{dx}\Big\rvert_{x=4} = 4",
        {},
    ),
    (
        "derivative of a tag's function under a bar at its own parameter",
        r"\left. f'(x) \right|_{x=4} = 8",
        r"\left. f'(x) \right|_{x=4} = 16",
        SQUARE,
    ),
    (
        "derivative with respect to an expression of one variable",
        r"\dfrac{dx}{dy} = (\dfrac{dy}{dx})^{-1}",
        r"\dfrac{dx}{dy} = \dfrac{dy}{dx}",
        INVERSE,
    ),
    (
        "index free before a sum it cannot join",
        r"\log\left(\frac{\exp(x_i)}{\sum_j \exp(x_j)}\right) = x_i - \log \sum_j \exp(x_j)",
        r"\log\left(\frac{\exp(x_i)}{\sum_j \exp(x_j)}\right) = x_j - \log \sum_j \exp(x_j)",
        {"result": "log_softmax_stable", "symbols": {"x": "z"}},
    ),
    (
        "index free in a numerator over a summed denominator",
        r"\hat{y}_i = \frac{\exp(o_i)}{\sum_j \exp(o_j)}",
        r"\hat{y}_i = \frac{\exp(o_j)}{\sum_j \exp(o_j)}",
        {"result": "softmax_jacobian", "clauses": r"\hat{y} = \operatorname{softmax}(z); o = z"},
    ),
    (
        "index written as a sum with a dimension",
        r"\mathbf{x}^\top \mathbf{y} = \sum_{i=1}^{d} x_{d+1-i} y_{d+1-i}",
        r"\mathbf{x}^\top \mathbf{y} = \sum_{i=1}^{d} x_i y_{d+1-i}",
        {"result": "dot_product_cosine", "clauses": "x: vector; y: vector"},
    ),
    (
        "a list written with dots is a vector",
        r"\|(x_1, \ldots, x_n)\|_1 = \sum_i |x_i|",
        r"\|(x_1, \ldots, x_n)\|_1 = \sum_i x_i",
        {"clauses": "x: vector"},
    ),
    (
        "a list of numbers written with dots",
        r"(1, 2, \ldots, 5) \cdot (1, 1, 1, 1, 1) = 15",
        r"(1, 2, \ldots, 5) \cdot (1, 1, 1, 1, 1) = 16",
        {},
    ),
    (
        "an expectation in blackboard bold without brackets, its subscript the variable the tag draws",
        r"\mathbb{E}_i i^2 = \frac{(n+1)(2n+1)}{6}",
        r"\mathbb{E}_i i^2 = \frac{(n+1)^2}{4}",
        {"clauses": r"i \sim \text{Uniform}\{1, \ldots, n\}; n: positive integer"},
    ),
    (
        "an expectation of a vector under the tag's uniform law, entry by entry",
        r"\mathbb{E}[i \mathbf{v}] = \frac{n+1}{2} \mathbf{v}",
        r"\mathbb{E}[i \mathbf{v}] = \frac{n}{2} \mathbf{v}",
        {"clauses": r"i \sim \text{Uniform}\{1, \ldots, n\}; n: positive integer; \mathbf{v} \in \mathbb{R}^d"},
    ),
    (
        "softmax of a list written with dots",
        r"\operatorname{softmax}(z_1, \ldots, z_n)_1 = \frac{e^{z_1}}{\sum_j e^{z_j}}",
        r"\operatorname{softmax}(z_1, \ldots, z_n)_1 = \frac{e^{z_1}}{\sum_j z_j}",
        {"clauses": "z: vector"},
    ),
    (
        "rotation written as a function of the angle",
        r"(R(m\theta) q)^\top (R(m\theta) k) = q^\top k",
        r"(R(m\theta) q)^\top (R(m\theta) k) = 2 q^\top k",
        {"result": "rope_relative_position"},
    ),
    (
        "rotation by a difference of positions written in brackets",
        r"(R(m\theta) q)^\top (R(n\theta) k) = q^\top R((n - m)\theta) k",
        r"(R(m\theta) q)^\top (R(n\theta) k) = q^\top R((n + m)\theta) k",
        {"result": "rope_relative_position"},
    ),
    (
        "a braced bold name with a subscript after a transpose",
        r"\exp\left(\mathbf{u}_j^\top {\mathbf{v}}_i\right) / \exp\left(\mathbf{u}_k^\top {\mathbf{v}}_i\right) = \exp\left((\mathbf{u}_j - \mathbf{u}_k)^\top \mathbf{v}_i\right)",
        r"\exp\left(\mathbf{u}_j^\top {\mathbf{v}}_i\right) / \exp\left(\mathbf{u}_k^\top {\mathbf{v}}_i\right) = \exp\left((\mathbf{u}_j + \mathbf{u}_k)^\top \mathbf{v}_i\right)",
        {"clauses": r"\mathbf{u}_j, \mathbf{u}_k, \mathbf{v}_i \in \mathbb{R}^d"},
    ),
    (
        "a differential in a font switch of plain TeX",
        r"\int_0^1 x \, {\rm d}x = \frac{1}{2}",
        r"\int_0^1 x \, {\rm d}x = 1",
        {},
    ),
    ("Euler's number in a font switch of plain TeX", r"{\rm e}^{1} \approx 2.718", r"{\rm e}^{1} \approx 2.719", {}),
    (
        "a word in a font switch of plain TeX",
        r"\max(0, {\rm margin} - x) \ge 0",
        r"\max(0, {\rm margin} - x) \le 0",
        {"clauses": r"{\rm margin} > 0; x \in \mathbb{R}"},
    ),
    (
        "an operator name in a font switch of plain TeX",
        r"\mathop{\rm max}(2, 3) = 3",
        r"\mathop{\rm max}(2, 3) = 2",
        {},
    ),
    (
        "a bold name in a text box, in a font switch of plain TeX",
        r"\mbox{\bf x}^\top \mbox{\bf x} = \|\mathbf{x}\|^2",
        r"\mbox{\bf x}^\top \mbox{\bf x} = 2 \|\mathbf{x}\|^2",
        {"clauses": r"\mathbf{x} \in \mathbb{R}^d"},
    ),
]


@pytest.mark.parametrize("name,correct,wrong,keywords", PAIRS, ids=[p[0] for p in PAIRS])
def test_notation_is_read_on_a_correct_formula_and_a_wrong_variant(name, correct, wrong, keywords):
    assert_pass_and_fail(correct, wrong, **keywords)


# what the checker cannot decide: UNKNOWN, and the reason says why
UNDECIDED = [
    (
        "a derivative with respect to an expression of two variables",
        r"\frac{\partial (x y)}{\partial (x + y)} = 1",
        {"clauses": "x: real; y: real"},
        "which is not a variable",
    ),
    (
        "an expectation whose argument is a law, where the sums it writes are looked for",
        r"\underE{a \sim \pi}{Q^{\pi}(s,a)} + \alpha H\left(\pi(\cdot|s)\right) = \underE{a \sim \pi}{Q^{\pi}(s,a)"
        r" - \alpha \log \pi(a|s)}",
        {"clauses": r"\alpha: positive"},
        "cannot model the shapes",
    ),
]


@pytest.mark.parametrize("name,formula,keywords,reason", UNDECIDED, ids=[u[0] for u in UNDECIDED])
def test_what_cannot_be_decided_is_unknown_with_the_reason(name, formula, keywords, reason):
    verdict = check_formula(formula, **keywords)
    assert verdict["verdict"] == "UNKNOWN", verdict
    assert reason in verdict["detail"], verdict["detail"]


def test_a_list_with_dots_that_follows_no_index_stays_unknown():
    verdict = check_formula(r"f(x_1, \ldots, x_n) = 1")
    assert verdict["verdict"] == "UNKNOWN" and "\\ldots in a list" in verdict["detail"], verdict["detail"]
    verdict = check_formula(r"(1, \ldots, 1) \cdot (1, 2) = 3")
    assert verdict["verdict"] == "UNKNOWN", verdict["detail"]


def test_an_expectation_without_brackets_reads_as_the_bracketed_one():
    bare = rewrite_chain(r"\mathbb{E}_{z \sim P} \log P(z) - c = 0")[0][0]
    bracketed = rewrite_chain(r"\mathbb{E}_{z \sim P}[\log P(z)] - c = 0")[0][0]
    assert bare.text == bracketed.text
    assert [type(n).__name__ for n in bare.table.values()] == [type(n).__name__ for n in bracketed.table.values()]


def test_a_name_with_escaped_underscores_is_one_name_as_in_text():
    escaped = rewrite_chain(r"d\_model = 1")[0][0]
    text = rewrite_chain(r"\text{d\_model} = 1")[0][0]
    assert [n.key for n in escaped.table.values() if hasattr(n, "key")] == ["d_model"]
    assert [n.key for n in text.table.values() if hasattr(n, "key")] == ["d_model"]


def test_an_absolute_value_with_a_subscript_is_not_an_evaluation_bar():
    # the bar closes the |x| it opened: no point to evaluate at, so the subscript has nothing before it
    verdict = check_formula(r"|x|_{x=4} = 4")
    assert verdict["verdict"] in ("UNPARSEABLE", "UNKNOWN"), verdict


def test_an_index_a_later_term_shares_with_the_sum_is_decided_when_both_readings_agree():
    """Σ_i x_i + max_j x_j x_i = 1 fails with i free after the sum and with the sum over both terms: a FAIL either way."""
    verdict = check_formula(r"\sum_i x_i + \max_j x_j x_i = 1", clauses="x: vector")
    assert verdict["verdict"] == "FAIL" and "as written" in verdict["detail"], verdict


def test_a_prime_written_as_a_command_after_a_letter_is_a_prime(tmp_path):
    # a\prime, as some authors write a': the same name as a' in the sum and in the subscript
    assert_page_pass_and_fail(
        tmp_path,
        "",
        r"\sum_{a\prime} \frac{\exp(x_{a\prime})}{\sum_{b} \exp(x_b)} = 1",
        r"\sum_{a\prime} \frac{\exp(x_{a\prime})}{\sum_{b} \exp(x_b)} = 2",
    )


def test_a_superscript_opening_with_primes_marks_the_name_and_raises_it_to_the_rest(tmp_path):
    # x^{\prime 2} is x'^2 as LaTeX prints it (a second point's feature map, e^{-x^{\prime 2}/2} x^{\prime j}); the
    # script had been read as a transpose with nothing before it
    assert_page_pass_and_fail(
        tmp_path,
        "",
        r"\sum_{j=0}^{\infty}\frac{1}{j!}e^{-x^{2}/2}x^{j} e^{-x^{\prime 2}/2}x^{\prime j}=\exp\left(-\left(x-x^{\prime}\right)^{2}/2\right)",
        r"\sum_{j=0}^{\infty}\frac{1}{j!}e^{-x^{2}/2}x^{j} e^{-x^{\prime 2}/2}x^{\prime j}=\exp\left(-\left(x+x^{\prime}\right)^{2}/2\right)",
    )
    assert check_formula(r"x^{\prime 2} = x' x'")["verdict"] == "PASS"
    assert check_formula(r"x^{\prime 2} = 2 x'")["verdict"] == "FAIL"


ANGLE_DIFFERENCE = (
    r"\sum_i a_i \big( \cos i\theta \cos n\theta + \sin i \theta \sin n \theta \big) = \sum_i a_i \cos {}"
)


def test_an_angle_difference_over_a_sequence_nothing_defines_holds_for_any_sequence():
    """\\cos (i - n)\\theta beside a sequence a_i nothing defines: read as the grammar has it, one choice of a refutes
    it (UNKNOWN on its own); read with θ in the argument it holds whatever a is, so it PASSes with that reading."""
    holds = check_formula(ANGLE_DIFFERENCE.format(r"(i - n) \theta"), clauses=r"\theta \in \mathbb{R}")
    assert holds["verdict"] == "PASS" and "name after each bracket" in holds["detail"], holds


def test_a_wrong_angle_difference_over_such_a_sequence_is_not_passed():
    # both readings refuted for the arbitrary a: the author may mean a particular sequence, so UNKNOWN with that reason
    fails = check_formula(ANGLE_DIFFERENCE.format(r"(i + n) \theta"), clauses=r"\theta \in \mathbb{R}")
    assert fails["verdict"] == "UNKNOWN" and "read as arbitrary, the formula fails" in fails["detail"], fails
