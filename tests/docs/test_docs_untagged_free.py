"""Untagged formulas in free variables: an identity is decided for all values, an equation is not refuted.

Each verdict path keeps a correct formula that PASSes and a wrong variant that FAILs (or,
where the path may only PASS, a wrong variant left undecided), and the readings that must
never FAIL (an equation to solve, an unknown function, a claim true on a narrower domain)
are checked to stay undecided.
"""

import os
import re
import subprocess
import sys

import pytest
from checking import untagged_verdict as one
from checking import verdicts

from derive.docs.free import NotIdentity, Unbalanced, free_reading
from derive.docs.untagged import KNOWN_FUNCTIONS

# --- the reading: kinds of free variables, and the identity shape ------------------------


def test_plain_names_are_reals_bold_and_summed_names_vectors_and_sum_bounds_counts():
    kinds = free_reading(
        r"\mathbf{x}^\top\mathbf{y} + \beta_2 m_t = \sum_{i=1}^{d} x_i y_i + m_t \beta_2", KNOWN_FUNCTIONS, set()
    )
    assert kinds == {"x": "vector", "y": "vector", "d": "count", "beta_2": "real", "m_t": "real"}


def test_a_subscript_no_sum_runs_over_names_a_value_of_its_own():
    kinds = free_reading(r"\delta_t + \gamma \delta_{t+1} = \gamma \delta_{t+1} + \delta_t", KNOWN_FUNCTIONS, set())
    assert kinds == {"delta_t": "real", "delta_t+1": "real", "gamma": "real"}


@pytest.mark.parametrize(
    "formula, why",
    [
        (r"a + 4\sqrt{2p} = a + 2", "p on one side only"),
        (r"\sigma_X^2 = p(1-p)", "on one side only"),
        (r"d r + r k = d k", "r on one side only"),
    ],
)
def test_a_variable_on_one_side_only_is_an_equation_not_an_identity(formula, why):
    with pytest.raises(Unbalanced, match=why):
        free_reading(formula, KNOWN_FUNCTIONS, set())


@pytest.mark.parametrize(
    "formula, why",
    [
        (r"\frac{\partial f}{\partial x} = y", "derivative of f"),
        (r"\sum_{i=1}^{n} \mathbf{x}^{(i)} = n \bar{\mathbf{x}}", "superscript in parentheses a sum runs over"),
        (r"\sum_{i=1}^{m}\sum_{j=1}^{n} a = m n a", "several sizes"),
    ],
)
def test_what_is_not_a_plain_variable_is_not_read(formula, why):
    with pytest.raises(NotIdentity, match=why):
        free_reading(formula, KNOWN_FUNCTIONS, set())


# --- verdicts: each path with a correct and a wrong formula ------------------------------


@pytest.mark.parametrize(
    "right, wrong",
    [
        (r"d r + r k = r(d + k)", r"d r + r k = r(d - k)"),
        (r"\frac{d}{dx}(ax^2) = 2ax", r"\frac{d}{dx}(ax^2) = ax"),
        (
            r"\sum_{i=0}^{t-1} \beta^i = \frac{1 - \beta^t}{1 - \beta}",
            r"\sum_{i=0}^{t-1} \beta^i = \frac{1 - \beta^{t+1}}{1 - \beta}",
        ),
        (
            r"(1 - \beta_2) \sum_{i=1}^{t} \beta_2^{t-i} = 1 - \beta_2^t",
            r"(1 - \beta_2) \sum_{i=1}^{t} \beta_2^{t-i} = 1 - \beta_2^{t-1}",
        ),
        (
            r"\mathbf{x}^\top \mathbf{y} = \sum_{i=1}^{d} x_i y_i",
            r"\mathbf{x}^\top \mathbf{y} = \sum_{i=1}^{d} x_i y_{d+1-i}",
        ),
        (
            r"\log\left(\frac{\exp(x_i)}{\sum_j \exp(x_j)}\right) = x_i - \log \sum_j \exp(x_j)",
            r"\log\left(\frac{\exp(x_i)}{\sum_j \exp(x_j)}\right) = x_i + \log \sum_j \exp(x_j)",
        ),
        (r"x_t - \eta \lambda x_t = (1 - \eta \lambda) x_t", r"x_t - \eta \lambda x_t = (1 + \eta \lambda) x_t"),
        (r"\frac{d}{dx} x^m = m x^{m-1}", r"\frac{d}{dx} x^m = m x^{m+1}"),
    ],
)
def test_an_identity_in_free_variables_passes_and_its_wrong_variant_fails(tmp_path, right, wrong):
    (verdict, detail), (wrong_verdict, wrong_detail) = verdicts(tmp_path, right, wrong)
    assert verdict == "PASS" and "an identity in" in detail, detail
    assert wrong_verdict == "FAIL" and "refuted for real values, positive values" in wrong_detail, wrong_detail
    assert "values in (0, 1)" in wrong_detail, wrong_detail  # negative values too, for a formula in one name


def test_an_inequality_with_a_side_in_numbers_passes_and_its_reverse_fails(tmp_path):
    # x - log x - 1 >= 0 holds for every x; its reverse holds at most where the sides are equal (x = 1), which is no
    # range a condition states, so it FAILs; "eta lambda > 2", whose reverse fails somewhere, stays a condition
    right, wrong = verdicts(tmp_path, r"x - \log x - 1 \ge 0", r"x - \log x - 1 \le 0")
    assert right[0] == "PASS" and "though it reads as an equation" in right[1], right
    assert wrong[0] == "FAIL" and "holds at most where its sides are equal" in wrong[1], wrong
    assert "violated at x=" in wrong[1], wrong


@pytest.mark.parametrize(
    "condition",
    [
        r"\eta \lambda > 2",
        r"\mathbf{w}\cdot\mathbf{v} > 1",
        r"o_j - \bar{o} \leq 0",
        r"\|\mathbf{w}\|^2 - r^2 \leq 0",
        r"\mathbf{W}^\top = \mathbf{W}^{-1}",  # W orthogonal
        r"W^\top = W^{-1}",
        r"\mathbf{x}^\top \mathbf{A} \mathbf{x} > 0",  # A positive definite
        r"S^k = S^{k-1}",  # iterations numbered by a superscript: the sets stop changing
    ],
)
def test_a_condition_is_never_failed(tmp_path, condition):
    verdict, detail = one(tmp_path, condition)
    assert verdict == "SKIPPED", detail


def test_an_inequality_with_a_variable_on_one_side_only_is_not_refuted(tmp_path):
    # the weights of a convex combination are not any reals: α on one side only leaves it undecided
    verdict, detail = one(tmp_path, r"\min_i v_i \le \sum_{i=1}^{m} \alpha_i v_i \le \max_i v_i")
    assert verdict == "SKIPPED" and "on one side only" in detail, detail


def test_a_claim_true_on_a_narrower_domain_only_is_not_failed_but_said(tmp_path):
    # |α| written α: true for α > 0, which an author may mean; the reals refute it, the positives do not
    verdict, detail = one(tmp_path, r"\|\alpha \mathbf{x}\| = \alpha \|\mathbf{x}\|")
    assert verdict == "SKIPPED" and "holds for positive values only" in detail and "alpha=-" in detail, detail
    assert one(tmp_path, r"\|\alpha \mathbf{x}\| = |\alpha| \|\mathbf{x}\|")[0] == "PASS"


def test_a_claim_refuted_on_positive_and_unit_values_too_fails(tmp_path):
    verdict, detail = one(tmp_path, r"\|\alpha \mathbf{x}\| = \alpha^2 \|\mathbf{x}\|")
    assert verdict == "FAIL", detail


def test_a_claim_true_on_negative_values_only_is_not_failed_but_said(tmp_path):
    # sigma(x) >= e^x / 2 holds exactly for x <= 0; ">= 2 e^x" holds nowhere, so every domain refutes it
    right, wrong = verdicts(tmp_path, r"\frac{1}{1+e^{-x}} \ge \frac{e^x}{2}", r"\frac{1}{1+e^{-x}} \ge 2 e^x")
    assert right[0] == "SKIPPED" and "holds for negative values only" in right[1], right
    assert "fails for real values (the formula is violated at x=" in right[1] and "x=-" not in right[1], right
    assert wrong[0] == "FAIL", wrong
    assert "refuted for real values, positive values, negative values and values in (0, 1)" in wrong[1], wrong
    verdict, detail = one(tmp_path, r"e^x \ge 1")  # true for positive values only, as before
    assert verdict == "SKIPPED" and "holds for positive values only" in detail and "x=-" in detail, detail


def test_several_names_are_not_drawn_all_negative(tmp_path):
    # max(0, u) c = min(0, u c) holds when u and c are both negative, a range no claim in two names means
    verdict, detail = one(tmp_path, r"\max(0, u) c = \min(0, u c)")
    assert verdict == "FAIL" and "negative values" not in detail, detail
    assert one(tmp_path, r"\max(0, u) c + \min(0, u) c = u c")[0] == "PASS"


def test_a_domain_where_the_sides_have_no_value_is_no_evidence(tmp_path):
    # log x and sqrt x have no real value for x < 0: the negatives neither refute nor save the formula
    right, wrong = verdicts(tmp_path, r"\log x \le x - 1", r"\log x \ge x - 1")
    assert right[0] == "PASS", right
    assert wrong[0] == "FAIL" and "(negative values: the sides have real values at only 0 of" in wrong[1], wrong
    verdict, detail = one(tmp_path, r"\sqrt{x} \ge x + 1")
    assert verdict == "FAIL" and "refuted for real values, positive values and values in (0, 1)" in detail, detail
    assert one(tmp_path, r"\sqrt{x} \le x + 1")[0] == "PASS"


# --- equations: decided only when they hold for all values ------------------------------


def test_an_equation_to_solve_that_holds_for_every_value_passes(tmp_path):
    verdict, detail = one(tmp_path, r"\frac{2}{1-\beta_2} - 1 - \frac{2 \beta_2}{1 - \beta_2} = 1")
    assert verdict == "PASS" and "though it reads as an equation" in detail, detail
    # set to a name it may be solved for (γ = 1/2): never refuted; set to 2, no value solves it (see the names
    # that drop out, below)
    verdict, detail = one(tmp_path, r"\frac{2}{1-\beta_2} - 1 - \frac{2 \beta_2}{1 - \beta_2} = 2\gamma")
    assert verdict == "SKIPPED" and "equation to solve" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"a + 4\sqrt{2p} = a + 2",  # true for the source's p = 1/8 only
        r"a + 4\sqrt{2p} = a + 1",
        r"\sigma_X^2 = p(1-p)",  # a variance named, not an identity
        r"\epsilon^{2} = 0.0000000000001",
    ],
)
def test_an_equation_to_solve_is_never_failed(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "SKIPPED", detail


def test_a_name_only_in_exponents_of_names_reads_as_an_equation(tmp_path):
    right = r"\alpha \frac{m_t / (1 - \beta_1^t)}{\sqrt{v_t / (1 - \beta_2^t)}} = \alpha \frac{\sqrt{1 - \beta_2^t}}{1 - \beta_1^t} \cdot \frac{m_t}{\sqrt{v_t}}"
    wrong = right.replace(r"\sqrt{1 - \beta_2^t}}{1 - \beta_1^t}", r"\sqrt{1 - \beta_1^t}}{1 - \beta_2^t}")
    (verdict, detail), (wrong_verdict, wrong_detail) = verdicts(tmp_path, right, wrong)
    assert verdict == "PASS" and "though it reads as an equation" in detail, detail
    assert wrong_verdict == "SKIPPED" and "only in the exponent of a name" in wrong_detail, wrong_detail


def test_an_unbalanced_formula_that_holds_everywhere_passes(tmp_path):
    verdict, detail = one(tmp_path, r"a + 0 \cdot p = a")
    assert verdict == "PASS" and "though it reads as an equation" in detail, detail


# --- unknown functions: never refuted (one true of every function PASSes: test_docs_untagged_every_function) -


@pytest.mark.parametrize(
    "formula",
    [
        r"\frac{\partial f}{\partial x} = y",
        r"\frac{\partial f}{\partial x} = 0",  # f a constant would make this hold: f is a function, not read
        r"\frac{df}{dx} = -1/x^2",
        r"g(\mathbf{x} + b) = g(\mathbf{x}) + b",
        r"f'(x) = 3x^2 + 4x - 3",
        r"f(x) = f(-x)",  # f even: a condition, and f(x) no product
    ],
)
def test_an_unknown_function_is_not_decided(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "SKIPPED", detail


# --- matrices, components, infinite sums, stated conditions ------------------------------


def test_a_matrix_identity_passes_and_a_matrix_equation_is_never_failed(tmp_path):
    right, wrong, commuting = verdicts(
        tmp_path,
        r"(\mathbf{A}\mathbf{B})^\top = \mathbf{B}^\top\mathbf{A}^\top",
        r"(\mathbf{A}\mathbf{B})^\top = \mathbf{A}^\top\mathbf{B}^\top",
        r"\mathbf{A}\mathbf{B} = \mathbf{B}\mathbf{A}",  # a condition: A and B commute
    )
    assert right[0] == "PASS", right
    assert wrong[0] == "SKIPPED" and "a matrix" in wrong[1], wrong
    assert commuting[0] == "SKIPPED", commuting


def test_a_name_before_a_parenthesis_is_a_factor_when_it_is_one_elsewhere(tmp_path):
    right, wrong = verdicts(tmp_path, r"\lambda(x + y) = \lambda x + \lambda y", r"\lambda(x + y) = \lambda x + y")
    assert right[0] == "PASS" and wrong[0] == "FAIL", (right, wrong)
    # a Greek coefficient written only before a parenthesis is still a factor; t in {2t} is the same t
    right, wrong = verdicts(tmp_path, r"\alpha(x + 1) = \alpha x + \alpha", r"\alpha(x + 1) = \alpha x + 1")
    assert right[0] == "PASS" and wrong[0] == "FAIL", (right, wrong)
    right, wrong = verdicts(
        tmp_path,
        r"e^{-2t \left(\sqrt{\frac{-\log p}{2t}}\right)^2} = p",
        r"e^{-2t \left(\sqrt{\frac{-\log p}{t}}\right)^2} = p",
    )
    # t, on the left only, cancels: p^2 = p is claimed for every p
    assert right[0] == "PASS" and wrong[0] == "FAIL" and "t, on one side only, does not change" in wrong[1], (
        right,
        wrong,
    )


def test_a_bold_name_with_a_subscript_a_sum_runs_over_is_one_of_a_family_of_vectors():
    with pytest.raises(NotIdentity, match="family of vectors"):
        free_reading(
            r"\sum_i \mathbf{k}_i^\top \mathbf{q} = \mathbf{q}^\top \sum_i \mathbf{k}_i", KNOWN_FUNCTIONS, set()
        )


def test_a_bold_name_with_a_subscript_no_sum_runs_over_is_a_vector_of_its_own(tmp_path):
    kinds = free_reading(r"\mathbf{k}_i^\top \mathbf{q} = \mathbf{q}^\top \mathbf{k}_i", KNOWN_FUNCTIONS, set())
    assert kinds == {"k_i": "vector", "q": "vector"}, kinds
    right, wrong = verdicts(
        tmp_path,
        r"\log(1 - \sigma(\mathbf{u}_{c}^\top \mathbf{v}_{t})) = \log \sigma(-\mathbf{u}_{c}^\top \mathbf{v}_{t})",
        r"\log(1 - \sigma(\mathbf{u}_{c}^\top \mathbf{v}_{t})) = \log \sigma(\mathbf{u}_{c}^\top \mathbf{v}_{t})",
    )
    assert right[0] == "PASS" and wrong[0] == "FAIL", (right, wrong)
    # an unknown function at a vector of its own is a number of its own
    right, wrong = verdicts(
        tmp_path,
        r"\frac{1/(1 + e^{-g(\mathbf{x}_t)})}{e^{-g(\mathbf{x}_t)}/(1 + e^{-g(\mathbf{x}_t)})} = e^{g(\mathbf{x}_t)}",
        r"\frac{1/(1 + e^{-g(\mathbf{x}_t)})}{e^{-g(\mathbf{x}_t)}/(1 + e^{-g(\mathbf{x}_t)})} = e^{-g(\mathbf{x}_t)}",
    )
    assert right[0] == "PASS" and wrong[0] == "FAIL", (right, wrong)


def test_a_plain_name_beside_its_bold_vector_is_a_component():
    kinds = free_reading(r"\mathbf{r}^\top \mathbf{1} = \sum_{j=1}^{n} r_j + 0 \cdot r_i", KNOWN_FUNCTIONS, set())
    assert kinds["r"] == "vector", kinds


def test_an_infinite_sum_is_decided_where_it_converges(tmp_path):
    right, wrong = verdicts(
        tmp_path,
        r"\sum_{\tau=0}^\infty \beta^\tau = \frac{1}{1-\beta}",
        r"\sum_{\tau=0}^\infty \beta^\tau = \frac{1}{1+\beta}",
    )
    assert right[0] == "PASS" and wrong[0] == "FAIL", (right, wrong)


def test_a_sum_bound_inside_a_logarithm_is_the_length_of_the_vectors(tmp_path):
    # n inside \log, beside the sum it bounds, counts the sum's terms: never a fraction that empties the sum
    right = r"\log \frac{1}{n} \sum_{i=1}^n \exp x_i = \log \sum_{i=1}^n \exp x_i - \log n"
    verdict, detail = one(tmp_path, right)
    assert verdict == "PASS", detail
    verdict, detail = one(tmp_path, right.replace("- \\log n", "+ \\log n"))
    assert verdict == "FAIL", detail
    assert re.search(r"\bn=\d+,", detail) and not re.search(r"\bn=-?\d*\.", detail), detail


def test_a_sum_up_to_the_size_of_a_set_runs_over_the_vectors_entries(tmp_path):
    # |\mathcal{O}| bounding the sum: the number of operations, the length of a and b, never a fraction
    right = (
        r"\sum_{i=1}^{|\mathcal{O}|} \frac{e^{a_i}}{\sum_{j=1}^{|\mathcal{O}|} e^{a_j}} b_i"
        r" = \frac{\sum_{i=1}^{|\mathcal{O}|} e^{a_i} b_i}{\sum_{j=1}^{|\mathcal{O}|} e^{a_j}}"
    )
    verdict, detail = one(tmp_path, right)
    assert verdict == "PASS", detail
    verdict, detail = one(tmp_path, right[: right.rindex("e^{a_j}")] + "e^{-a_j}}")
    assert verdict == "FAIL" and re.search(r"at n=\d+, a=", detail), detail
    # x bounding the sum and summed itself: a size and a vector at once, not read
    verdict, detail = one(tmp_path, r"\sum_{i=1}^{|x|} x_i^2 = \|x\|^2")
    assert verdict == "SKIPPED", detail


def test_a_size_letter_no_sum_runs_up_to_stays_in_doubt(tmp_path):
    verdict, detail = one(tmp_path, r"\log \sum_i e^{x_i} \le \max_i x_i + \log n")
    assert verdict == "SKIPPED" and "n may be the length of the formula's vectors" in detail, detail


def test_a_stated_condition_keeps_its_variable_on_the_reals(tmp_path):
    # "for A < 0": positive values for r and epsilon, never for A, which the formula says is negative
    wrong = r"\min\left(r A, \operatorname{clip}(r, 1 - \epsilon, 1+\epsilon) A\right) = \max(r, 1 + \epsilon) A \quad \text{for } A < 0"
    verdict, detail = one(tmp_path, wrong)
    assert verdict == "FAIL" and "A=-" in detail.split("in (0, 1):")[1], detail


def test_the_report_does_not_depend_on_the_hash_seed(tmp_path):
    """Names are visited in a fixed order, so reasons and counterexamples are the same in every process."""
    page = tmp_path / "page.md"
    page.write_text(
        "".join(
            f"Prose.\n\n$${latex}$$\n\n"
            for latex in (
                r"a_1\mathbf{b}_1 + a_2\mathbf{b}_2 = -2a_1\mathbf{b}_2 + a_2\mathbf{b}_2 = (a_2-2a_1)\mathbf{b}_2.",
                r"\frac{d}{dx_k}x_ia_{ij}x_j = \frac{dx_i}{dx_k}a_{ij}x_j + x_ia_{ij}\frac{dx_j}{dx_k}.",
                r"\sum_k u_{ik}v_{kb} = [\mathbf{U}\mathbf{V}]_{ib}.",
                r"-\log \frac{q(x)}{p(x)} = -\log(q(x)) - (-\log(p(x)))",
                r"-\log \frac{q(x)}{p(x)} = -\log(q(x)) - \log(p(x))",
            )
        )
        # tagged, with names nothing binds: each row's reason names the one it reads first, its derivative's variable
        + "<!-- derive: L: function; \\delta > 0 -->\n"
        + r"$$\begin{align} \frac{\partial L}{\partial \phi_{0}} &\approx \frac{L[\phi_0+\delta, \phi_1]-L[\phi_0, \phi_1]}{\delta}"
        r"\\ \frac{\partial L}{\partial \phi_{1}} &\approx \frac{L[\phi_0, \phi_1+\delta]-L[\phi_0, \phi_1]}{\delta} \end{align}$$"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-m", "derive", "check", "--json", "--no-cache", str(page)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1, outputs
    output = outputs.pop()
    assert '"FAIL"' in output and output.index("'phi_0' is not bound") < output.index("'phi_1' is not bound"), output


def test_checked_ranges_keep_one_order_for_two_symbols_of_one_name():
    """A count n and a real n are reported in the same order whatever order the reading met them in."""
    import mpmath
    import sympy as sp

    from derive.docs.decide import _checked_ranges

    count, real = sp.Symbol("n", integer=True, positive=True), sp.Symbol("n", real=True)
    points = [{count: mpmath.mpf(k), real: mpmath.mpf(k) / 4 - 1} for k in range(1, 6)]
    forward, backward = _checked_ranges(points, [count, real]), _checked_ranges(points, [real, count])
    assert forward == backward == "n in [-0.75, 0.25]; n in [1.0, 5.0]; ", forward


def test_a_derivative_set_to_a_number_is_an_equation_for_a_stationary_point(tmp_path):
    """d/dx (x^2 - 2x) = 0 holds at x = 1 only, as it is solved for: never refuted, while the derivative written out
    is claimed for every x."""
    verdict, detail = one(tmp_path, r"\frac{d}{dx}(x^2 - 2x) = 0")
    assert verdict == "SKIPPED" and "stationary point" in detail, detail
    assert one(tmp_path, r"\frac{d}{dx}(x^2 - 2x) = 2x - 2")[0] == "PASS"
    assert one(tmp_path, r"\frac{d}{dx}(x^2 - 2x) = 2x")[0] == "FAIL"
    assert one(tmp_path, r"\frac{d}{dx}(x - x) = 0")[0] == "PASS"  # an equation that holds for every x still PASSes
    assert one(tmp_path, r"\frac{\partial L}{\partial L} = 0")[0] == "FAIL"  # 1 at every L: no equation to solve


def test_a_name_written_transposed_is_a_vector_and_an_upper_case_one_a_matrix(tmp_path):
    """A number is not transposed: u^T v reads u and v as vectors, A^T and H^{-1} as square matrices."""
    assert free_reading(r"u^\top v = v^\top u", KNOWN_FUNCTIONS, set()) == {"u": "vector", "v": "vector"}
    right, wrong = verdicts(
        tmp_path, r"1 - \sigma(u^\top v) = \sigma(-u^\top v)", r"1 + \sigma(u^\top v) = \sigma(-u^\top v)"
    )
    assert right[0] == "PASS" and wrong[0] == "FAIL", (right, wrong)
    right, wrong = verdicts(
        tmp_path,
        r"\lambda a_1^\top c + (1 - \lambda) a_2^\top c = (\lambda a_1 + (1 - \lambda) a_2)^\top c",
        r"\lambda a_1^\top c + (1 - \lambda) a_2^\top c = ((1 - \lambda) a_1 + \lambda a_2)^\top c",
    )
    assert right[0] == "PASS" and wrong[0] == "FAIL", (right, wrong)
    verdict, detail = one(tmp_path, r"x^T A y = y^T A^T x")
    assert verdict == "PASS", detail


def test_an_upper_case_name_beside_transposed_names_may_be_a_matrix_and_is_not_read(tmp_path):
    """x^T A y = y^T A x holds with A a number and fails with A a matrix: the formula does not say which."""
    with pytest.raises(NotIdentity, match="a number or a matrix"):
        free_reading(r"x^T A y = y^T A x", KNOWN_FUNCTIONS, set())
    verdict, detail = one(tmp_path, r"x^T A y = y^T A x")
    assert verdict == "SKIPPED", detail


# --- an equation whose names drop out: no value solves it --------------------------------


@pytest.mark.parametrize(
    "formula, expected",
    [
        # RAdam's ρ_1: the β_2 terms cancel to 1 whatever β_2 is
        (r"\frac{2}{1-\beta_2} - 1 - \frac{2 \cdot 1 \cdot \beta_2^1}{1 - \beta_2^1} = 1", "PASS"),
        (r"\frac{2}{1-\beta_2} - 1 - \frac{2 \cdot 1 \cdot \beta_2^1}{1 - \beta_2^1} = 2", "FAIL"),
        # the half-normal density without its √2: 1/√2 for every scale σ (positive by convention)
        (
            r"\int_0^\infty \frac{\sqrt{2}}{\sigma \sqrt{\pi}} \exp\left(-\frac{1}{2} (x / \sigma)^2\right) dx = 1",
            "PASS",
        ),
        (r"\int_0^\infty \frac{1}{\sigma \sqrt{\pi}} \exp\left(-\frac{1}{2} (x / \sigma)^2\right) dx = 1", "FAIL"),
        # β times 0: the sides hold no name once read
        (r"-\log \sigma\left(\beta\left(\log 1 - \log 1\right)\right) = \log 2", "PASS"),
        (r"-\log \sigma\left(\beta\left(\log 1 - \log 1\right)\right) = \frac{1}{2}", "FAIL"),
        # a vector's entries and its size drop out too: GRPO's normalised advantages sum to 0
        (r"\sum_{i=1}^{G} \frac{r_i - \text{mean}(\mathbf{r})}{\text{std}(\mathbf{r})} = 0", "PASS"),
        (r"\sum_{i=1}^{G} \frac{r_i - \text{mean}(\mathbf{r})}{\text{std}(\mathbf{r})} = 1", "FAIL"),
        (r"\sum_{i=1}^n \frac{\exp(x_i)}{\sum_j \exp(x_j)} = 2", "FAIL"),
    ],
)
def test_an_equation_whose_names_drop_out_is_decided(tmp_path, formula, expected):
    verdict, detail = one(tmp_path, formula)
    assert verdict == expected, detail
    if expected == "FAIL":
        assert "drop out" in detail or "keep their values" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"x^2 + 1 = 0",
        # a softmax weight is never 0: the masked score multiplied into the attention scores
        r"\frac{\exp(s_{12} M_{12} / \sqrt{d_k})}{\exp(s_{11} M_{11} / \sqrt{d_k}) + \exp(s_{12} M_{12} / \sqrt{d_k})} = 0",
    ],
)
def test_an_equation_one_side_of_which_stays_above_the_other_has_no_solution_and_fails(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "FAIL" and "one side stays above the other" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"x^2 - 1 = 0",  # solved by x = 1
        r"\frac{e^{a}}{e^{a} + e^{b}} = \frac{1}{2}",  # solved by a = b
        r"x^2 + 1 = 0.5",  # a written decimal may be a rounded figure: not read as exact
        r"\frac{1}{1 - \gamma} = 20",  # solved by gamma = 0.95
        r"\frac{1}{1 - p} = 2",  # solved by p = 1/2
    ],
)
def test_an_equation_whose_sides_may_meet_is_not_refuted(tmp_path, formula):
    assert one(tmp_path, formula)[0] == "SKIPPED"


@pytest.mark.parametrize(
    "formula, apart",
    [
        (r"a = b + b = 2b + 1", "'b+b' and '2b+1' differ by -1.0"),  # b + b = 2b + 1 is 0 = 1
        (r"x = y + 1 = y + 2", "differ by -1.0"),
        (r"a = b = a + 1", "'a' and 'a+1' differ by -1.0"),  # no two links alone, the first and last sides apart
    ],
)
def test_a_chain_whose_sides_differ_by_a_constant_has_no_solution_and_fails(tmp_path, formula, apart):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "FAIL", detail
    assert "no value of its names solves it" in detail and apart in detail, detail


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"a = b + b = 2b", "PASS"),  # a definition of a, then an identity in b
        (r"a + b = 2a = 2b", "SKIPPED"),  # solved by a = b
        (r"x = y + 1 = 2y", "SKIPPED"),  # solved by y = 1
        (r"x = 2y + 1 \approx 2y + 1.4", "SKIPPED"),  # an approximation is no equation
    ],
)
def test_a_chain_with_solutions_is_not_refuted(tmp_path, formula, expected):
    verdict, detail = one(tmp_path, formula)
    assert verdict == expected, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"\frac{1}{1-p} = 2",  # solved by p = 1/2
        r"\max(0, x - 5) = 1",  # constant where sampled, solved by x = 6: a piecewise side is never read so
        r"\frac{\sqrt{x^2}}{x} = -1",  # 1 for x > 0, -1 for x < 0: a condition on x
        r"\int_{\mu}^{\infty} \frac{1}{\pi s (1 + ((x - \mu) / s)^2)} \, dx = 1",  # 1/2 for s > 0, -1/2 for s < 0
        r"(1 - \lambda) \sum_{n=1}^{\infty} \lambda^n = 1",  # λ where it converges: changes with λ
        r"\sum_{i=1}^n \frac{\exp(x_i)}{\sum_j \exp(x_j)} = n",  # 1 = n, at every size: solved by n = 1
    ],
)
def test_an_equation_whose_names_do_not_drop_out_everywhere_is_not_refuted(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "SKIPPED", detail


@pytest.mark.parametrize(
    "formula, expected",
    [
        # N cancels from the left, the only side that writes it: no value of N solves the formula, and K, r, t,
        # written on both sides, are claimed for all their values
        (
            r"\frac{N t}{\frac{N}{r \cdot (K + 1)} \cdot (d \cdot (K + 1) + t)} = \frac{r (K + 1) t}{d \cdot (K + 1) + t}",
            "PASS",
        ),
        (
            r"\frac{N t}{\frac{N}{r \cdot (K + 1)} \cdot (d \cdot (K + 1) + t)} = \frac{r K t}{d \cdot (K + 1) + t}",
            "FAIL",
        ),
        # optax's linear schedule halfway: B and T, on the left only, drop out of it
        (r"I + \frac{(B + T/2) - B}{T} (E - I) = \frac{I + E}{2}", "PASS"),
        (r"I + \frac{(B + T/2) - B}{T} (E - I) = \frac{3 I + E}{4}", "FAIL"),
    ],
)
def test_an_equation_whose_names_on_one_side_drop_out_is_an_identity_in_the_others(tmp_path, formula, expected):
    verdict, detail = one(tmp_path, formula)
    assert verdict == expected, detail
    if expected == "FAIL":
        assert "on one side only, do" in detail and "not change its sides" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"\frac{N}{N + 1} p = p",  # N on the left only changes it: solved by no N, yet an equation in N
        r"(I - E) \left( 1 - \frac{B - B}{T} \right)^{P} + E = E",  # B, P, T drop out, I does not: solved by I = E
        r"\frac{\frac{1}{N+1} p}{\frac{1}{N+1} p + \frac{N}{N+1} q} = \frac{p}{p + q}",  # solved by N = 1
        r"x + y - y + z = x",  # y drops out, z does not: solved by z = 0
        r"\frac{-a x}{|a x|} = \frac{x}{|x|}",  # a keeps the sides only within its sign: solved by a < 0
    ],
)
def test_an_equation_whose_names_on_one_side_do_not_all_drop_out_is_not_refuted(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "SKIPPED", detail


@pytest.mark.parametrize(
    "formula, expected",
    [
        # p before a parenthesis is also a factor of the runs 2mnp and mp: a product, not a function applied
        (r"m p (n + (n - 1)) = 2mnp - mp", "PASS"),
        (r"m p (n + (n - 1)) = 2mnp + mp", "FAIL"),
    ],
)
def test_a_letter_in_a_run_of_factors_is_no_function_where_it_precedes_a_parenthesis(tmp_path, formula, expected):
    verdict, detail = one(tmp_path, formula)
    assert verdict == expected, detail


def test_a_letter_only_ever_before_a_parenthesis_stays_a_function():
    with pytest.raises(NotIdentity, match=r"p\(\.\.\.\) applies a function"):
        free_reading(r"m p(n + 1) = m p(n) + m p(1)", KNOWN_FUNCTIONS, set())


@pytest.mark.parametrize(
    "formula, expected",
    [
        # f drops out of the sides' difference (λθ/2 apart whatever f is): no function solves the wrong variant
        (
            r"\frac{d}{d\theta}\left(f(\theta) + \frac{\lambda}{2} \theta^2\right) = \frac{df}{d\theta} + \lambda \theta",
            "PASS",
        ),
        (
            r"\frac{d}{d\theta}\left(f(\theta) + \frac{\lambda}{2} \theta^2\right) = \frac{df}{d\theta} + \frac{\lambda \theta}{2}",
            "FAIL",
        ),
        (
            r"\theta - \alpha \frac{d}{d\theta}\left(f(\theta) + \frac{\lambda}{2}\theta^2\right) = (1 - \alpha\lambda)\theta - \alpha f'(\theta)",
            "PASS",
        ),
        (
            r"\theta - \alpha \frac{d}{d\theta}\left(f(\theta) + \frac{\lambda}{2}\theta^2\right) = (1 - \lambda)\theta - \alpha f'(\theta)",
            "FAIL",
        ),
    ],
)
def test_a_claim_refuted_whatever_its_unknown_function_is_fails(tmp_path, formula, expected):
    verdict, detail = one(tmp_path, formula)
    assert verdict == expected, detail
    if expected == "FAIL":
        assert "with f any function, refuted for" in detail and "for each of four generic choices of f" in detail, (
            detail
        )


@pytest.mark.parametrize(
    "formula",
    [
        r"g'(z) = g(z)(1 + g(z))",  # solved by a particular g
        r"f'(x) = \lim_{h \rightarrow 0} \frac{f(x+h) - f(x)}{h^2}",  # holds for a constant f
        r"\nabla_x \log f(x) = \frac{f(x)}{\nabla_x f(x)}",  # holds for f = e^x
        # J of π_θ, which depends on θ as the formula does not write: as read, the derivative is 0 whatever J is
        r"\nabla_\theta J(\pi_\theta) = \frac{99 \exp(\theta)}{(1 + \exp(\theta))^2}",
        # the last link, free of f, is an equation in b, which the first side does not write
        r"\frac{d}{dx} f(x) = a x + c = a (x - b)",
    ],
)
def test_a_claim_refuted_for_some_functions_only_is_not_failed(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "SKIPPED", detail


@pytest.mark.parametrize(
    "formula, expected",
    [
        # H is a factor elsewhere (2 L B H S D): before the bracket it multiplies it too, no entropy
        (r"2 L B H (S + 1) D - 2 L B H S D = 2 L B H D", "PASS"),
        (r"2 L B H (S + 1) D - 2 L B H S D = 4 L B H D", "FAIL"),
        # H inverted elsewhere is a matrix, and H \left( ... \right) its product with the bracket
        (r"\left(\frac{1}{g^T H^{-1} g} H^{-1} g\right)^T H \left(H^{-1} g\right) = 1", "PASS"),
    ],
)
def test_an_entropy_letter_written_as_a_factor_elsewhere_multiplies_its_bracket(tmp_path, formula, expected):
    verdict, detail = one(tmp_path, formula)
    assert verdict == expected, detail
    assert "with H before a bracket a factor" in detail, detail


def test_an_entropy_letter_only_ever_before_a_bracket_is_not_read_as_a_factor(tmp_path):
    verdict, detail = one(tmp_path, r"H(p) + H(q) = 2 H(p)")
    assert "before a bracket a factor" not in detail, detail


@pytest.mark.parametrize(
    "formula, expected",
    [
        # bold capitals inside a trace are matrices, as bold capitals are: the trace is cyclic, not symmetric
        (
            r"\operatorname{Tr}(\mathbf{A}\mathbf{B}\mathbf{C}) = \operatorname{Tr}(\mathbf{C}\mathbf{A}\mathbf{B})",
            "PASS",
        ),
        (
            r"\operatorname{Tr}(\mathbf{A}\mathbf{B}\mathbf{C}) = \operatorname{Tr}(\mathbf{B}\mathbf{A}\mathbf{C})",
            "FAIL",
        ),
    ],
)
def test_bold_capitals_only_inside_a_trace_are_matrices(tmp_path, formula, expected):
    verdict, detail = one(tmp_path, formula)
    assert verdict == expected, detail


def test_a_plain_letter_beside_a_bold_vector_inside_a_norm_is_its_coefficient(tmp_path):
    """\\|t\\mathbf{x}\\| = |t|\\|\\mathbf{x}\\|: t scales the bold vector, a number, where every letter in the bars had
    been read as a vector; a plain letter in a norm with no bold vector beside it is still one."""
    found, detail = one(tmp_path, r"\|t\mathbf{x}\| = |t|\|\mathbf{x}\|")
    assert found == "PASS", detail
    found, detail = one(tmp_path, r"\|t\mathbf{x}\| = |t|\|\mathbf{x}\|^2")
    assert found == "FAIL" and "t=0." in detail, detail
    convex = r"|t|\|\mathbf{x}\| + |1-t|\|\mathbf{y}\| = t\|\mathbf{x}\| + (1-t)\|\mathbf{y}\|"
    found, detail = one(tmp_path, convex)  # true for t in [0, 1], which the prose gives
    assert found == "SKIPPED" and "values in (0, 1) only" in detail, detail
    found, detail = one(tmp_path, r"\|x - y\|^2 = \|x\|^2 - 2x^\top y + \|y\|^2")
    assert found == "PASS", detail


@pytest.mark.parametrize("formula", [r"P^2 = P", r"A^3 = A.", r"x^2 = x", r"\sigma^{2} = \sigma"])
def test_an_equation_between_powers_of_one_name_states_a_property(tmp_path, formula):
    # a projection's P^2 = P: a property of P, not an identity in P that fails at P = 2
    found, detail = one(tmp_path, formula)
    assert found == "SKIPPED" and "powers of" in detail, detail


@pytest.mark.parametrize(
    ("formula", "expected"),
    [(r"P^2 = 2P", "FAIL"), (r"\pi^2 = \pi", "FAIL"), (r"e^2 = e", "FAIL"), (r"x^2 = x^2", "PASS")],
)
def test_other_equations_in_one_name_are_still_decided(tmp_path, formula, expected):
    assert one(tmp_path, formula)[0] == expected
