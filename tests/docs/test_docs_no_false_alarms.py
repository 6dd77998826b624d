"""A FAIL is a mathematical disagreement: the checker's own limits give UNKNOWN or SKIPPED, never FAIL.

Each mechanism keeps a correct formula that PASSes and a wrong variant that FAILs
through the same path. The formulas are written here in the notation textbooks use.
"""

import pytest
from checking import assert_page_pass_and_fail, untagged_verdict, verdicts
from checking import verdict as page_verdict

from derive.docs import check_formula
from derive.docs.report import check_paths


def _assert_verdicts(tmp_path, formula, *, tagged, untagged):
    """The formula's verdict through check_formula is ``tagged``, and on an untagged page ``untagged``; the
    two details are returned."""
    verdict = check_formula(formula)
    assert verdict["verdict"] == tagged, verdict["detail"]
    [(found, detail)] = verdicts(tmp_path, formula)
    assert found == untagged, detail
    return verdict["detail"], detail


# --- mechanisms: shapes at n = 1, broadcasting, vector-valued expectations ---------------


@pytest.mark.parametrize("right, expected", [(r"\frac{1}{n}", "PASS"), (r"\frac{1}{n+1}", "FAIL")])
def test_a_scaled_vector_stays_a_vector_at_dimension_one(right, expected):
    verdict = check_formula(r"\operatorname{softmax}(\frac{1}{n}\mathbf{1})_i = " + right)
    assert verdict["verdict"] == expected, verdict["detail"]


@pytest.mark.parametrize(
    "right, expected", [(r"\frac{e^{z_i/T}}{\sum_k e^{z_k/T}}", "PASS"), (r"\frac{e^{z_i}}{\sum_k e^{z_k/T}}", "FAIL")]
)
def test_softmax_with_a_temperature(right, expected):
    verdict = check_formula(r"\operatorname{softmax}(z/T)_i = " + right, kinds={"T": "positive"})
    assert verdict["verdict"] == expected, verdict["detail"]


@pytest.mark.parametrize("right, expected", [(r"\sum_i x_i - n\mu", "PASS"), (r"\sum_i x_i - \mu", "FAIL")])
def test_a_number_minus_a_vector_is_taken_entry_by_entry(right, expected):
    verdict = check_formula(r"\mathbf{1}^\top(x - \mu) = " + right, kinds={r"\mu": "real"})
    assert verdict["verdict"] == expected, verdict["detail"]


@pytest.mark.parametrize("right, expected", [(r"\frac{2}{d}(x - \mu)", "PASS"), (r"\frac{1}{d}(x - \mu)", "FAIL")])
def test_layernorm_variance_gradient_broadcasts_the_mean(right, expected):
    verdict = check_formula(r"\frac{\partial \sigma^2}{\partial x} = " + right, "layernorm_gradient")
    assert verdict["verdict"] == expected, verdict["detail"]


@pytest.mark.parametrize("right, expected", [(r"(\sum_k k p_k, 1)", "PASS"), (r"(\sum_k k p_k, 2)", "FAIL")])
def test_an_expectation_of_a_vector_is_taken_entry_by_entry(right, expected):
    verdict = check_formula(r"\mathbb{E}_{k \sim p}[(k, 1)] = " + right)
    assert verdict["verdict"] == expected, verdict["detail"]


def test_sides_of_different_shapes_as_read_are_unknown_not_fail():
    verdict = check_formula(r"\mathbf{1}\mathbf{1}^\top = \mathbf{1}")  # a matrix against a vector, as read
    assert verdict["verdict"] == "UNKNOWN" and "shapes" in verdict["detail"], verdict["detail"]
    verdict = check_formula(r"\operatorname{softmax}(3) = 1")
    assert verdict["verdict"] == "UNKNOWN" and "softmax of a number" in verdict["detail"], verdict["detail"]


# --- untagged: decide only what holds identically ---------------------------------------


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\frac{d}{dx} x^3 = 3x^2", "PASS"),
        (r"\frac{d}{dx} x^3 = 3x^3", "FAIL"),
        (r"\frac{d}{dx} e^x = e^x", "PASS"),
        (r"\frac{d}{dx} e^x = x e^{x-1}", "FAIL"),
        (r"\frac{d}{dx} \ln x = x^{-1}", "PASS"),
        (r"\frac{d}{dx} \ln x = -x^{-1}", "FAIL"),
        (r"\frac{d}{dx} [5x^2 - 2x] = 10x - 2", "PASS"),
        (r"\frac{d}{dx} [5x^2 - 2x] = 10x + 2", "FAIL"),
        (r"\operatorname{sigmoid}(x) = \frac{1}{1+\exp(-x)}", "PASS"),
        (r"\operatorname{sigmoid}(x) = \frac{1}{1+\exp(x)}", "FAIL"),
        (r"\sigma(t) + \sigma(-t) = 1", "PASS"),
        (r"\sigma(t) + \sigma(-t) = 2", "FAIL"),
        (r"\log(ab) = \log a + \log b", "PASS"),
        (r"\log(ab) = \log a \log b", "FAIL"),
        (r"\operatorname{softmax}(\mathbf{o})_j = \frac{\exp(o_j)}{\sum_k \exp(o_k)}", "PASS"),
        (r"\operatorname{softmax}(\mathbf{o})_j = \frac{\exp(-o_j)}{\sum_k \exp(o_k)}", "FAIL"),
        (r"0.36 \approx 0.6^2", "PASS"),
        (r"0.64 \approx 0.08^2", "FAIL"),
        (r"\frac{d}{dt} t^3(1-t)^2 = 3t^2(1-t)^2 - 2t^3(1-t)", "PASS"),
        (r"\frac{d}{dt} t^3(1-t)^2 = 3t^2(1-t)^2 + 2t^3(1-t)", "FAIL"),
    ],
)
def test_untagged_identities_derivatives_and_numbers_are_decided(tmp_path, formula, expected):
    [(verdict, detail)] = verdicts(tmp_path, formula)
    assert verdict == expected, detail


def test_an_untagged_counterexample_names_the_variable_and_both_values(tmp_path):
    [(verdict, detail)] = verdicts(tmp_path, r"\frac{d}{dx} x^3 = 2x^2")
    assert verdict == "FAIL"
    assert "x=" in detail and "left = " in detail and "right = " in detail
    assert "n=" not in detail and "doc_" not in detail  # only the formula's own variable is shown


@pytest.mark.parametrize(
    "formula, reason",
    [
        (r"p(u) = \frac{1}{1+u^2}", "definition of the function p"),
        (r"h(\mathbf{v}) \stackrel{\textrm{def}}{=} \log \sum_i \exp v_i", "definition of the function h"),
        (r"c := a + b", "definition of c"),
        (r"w = 3", "definition of w"),
        (r"\sigma(x) = \max(0, x)", "definition of the function sigma"),
        (r"x \ge 1", "condition"),
        (r"p > 1/8", "condition"),
        (r"n > 1", "condition"),
        (r"2x + y = 1", "equation to solve"),
        (r"q(\mathbf{x}) = 0", "condition or an equation on q"),
        (r"(n-1)/n \approx 1", "equation to solve"),
        (r"\sum_x f(x) = 1", "equation to solve"),  # p(x) there is a distribution: it holds
        (r"0 = \frac{d}{dt} t^3(1-t)^2 = 3t^2(1-t)^2 - 2t^3(1-t)", "equation to solve"),
    ],
)
def test_untagged_definitions_conditions_and_equations_are_skipped_with_the_reason(tmp_path, formula, reason):
    [(verdict, detail)] = verdicts(tmp_path, formula)
    assert verdict == "SKIPPED" and reason in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"\mathbf{X}\mathbf{w} = \mathbf{y}",  # names nothing in the document binds
        r"\log \hat{y}_j = o_j - \log \sum_k \exp(o_k)",  # o_j outside any function: not a variable the formula quantifies
        r"\sum_k \sigma(c) + \sum_k \sigma(-c) = \sum_k 1",  # Σ_k over an unstated range, not a vector's entries
        r"\frac{d}{dx} f(x) = m",  # f is a function nothing defines
    ],
)
def test_untagged_formulas_with_unbound_names_are_not_decided(tmp_path, formula):
    [(verdict, detail)] = verdicts(tmp_path, formula)
    assert verdict == "SKIPPED" and "not decidable" in detail, detail


def test_a_definition_binds_its_name_for_the_formulas_after_it(tmp_path):
    results = verdicts(
        tmp_path, r"f(x) := x^2 + 1", r"\frac{d}{dx} f(x) = 2x", r"\frac{d}{dx} f(x) = 2x + 1", r"f(2) = 5", r"f(2) = 4"
    )
    assert [v for v, _ in results] == ["SKIPPED", "PASS", "FAIL", "PASS", "FAIL"], results


def test_sigma_defined_by_the_document_is_the_one_used(tmp_path):
    logistic = verdicts(
        tmp_path, r"\sigma(x) = \frac{1}{1+\exp(-x)}", r"\sigma(x) + \sigma(-x) = 1", r"\sigma(x) + \sigma(-x) = 2"
    )
    assert [v for v, _ in logistic] == ["PASS", "PASS", "FAIL"], logistic  # the definition agrees with the usual σ
    # a document may mean another function by σ: its own definition is the one used
    steeper = verdicts(tmp_path, r"\sigma(x) = \frac{1}{1+\exp(-2x)}", r"2\sigma(x) - 1 = \tanh(x)")
    assert [v for v, _ in steeper] == ["SKIPPED", "PASS"], steeper
    standard = verdicts(tmp_path, r"2\sigma(x) - 1 = \tanh(x)", r"2\sigma(x) - 1 = \tanh(x/2)")
    assert [v for v, _ in standard] == ["FAIL", "PASS"], standard


def test_definitions_do_not_leak_between_documents(tmp_path):
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text("$$f(x) := x^2$$\n\n$$\\frac{d}{dx} f(x) = 2x$$\n")
    second.write_text("$$\\frac{d}{dx} f(x) = 2x$$\n")
    records = check_paths([first, second])
    assert [r.verdict for r in records] == ["SKIPPED", "PASS", "SKIPPED"]


def test_a_cached_verdict_depends_on_the_definitions_in_force(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    square, cube = tmp_path / "square.md", tmp_path / "cube.md"
    square.write_text("$$f(x) := x^2$$\n\n$$\\frac{d}{dx} f(x) = 2x$$\n")
    cube.write_text("$$f(x) := x^3$$\n\n$$\\frac{d}{dx} f(x) = 2x$$\n")
    for _ in range(2):  # the second round reads the cache
        records = check_paths([square, cube], use_cache=True)
        assert [r.verdict for r in records] == ["SKIPPED", "PASS", "SKIPPED", "FAIL"]


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"-\log \frac{1}{2^3} = 3", "SKIPPED"),  # holds in base 2 only
        (r"-\log \frac{1}{2^3} = 4", "FAIL"),  # fails in every usual base
        (r"\log 100 = 2", "SKIPPED"),  # holds in base 10 only
        (r"\log 100 = 3", "FAIL"),
        (r"\log(1 + e^{0}) \approx 0.301", "SKIPPED"),  # log_10 2, where a natural log gives 0.693
        (r"\log(1 + e^{0}) \approx 0.693", "PASS"),
        (r"\log(1 + e^{0}) \approx 0.5", "FAIL"),
        (r"\ln 8 = 3", "FAIL"),  # \ln states its base
        (r"\ln 2 \approx 0.301", "FAIL"),
    ],
)
def test_untagged_log_of_unstated_base_is_refuted_only_in_every_usual_base(tmp_path, formula, expected):
    # a claim that holds in base 2 or 10 but not in base e is not confirmed either (untagged, it is SKIPPED with
    # the reason): the base may be another
    [(verdict, detail)] = verdicts(tmp_path, formula)
    assert verdict == expected, detail
    if expected == "SKIPPED":
        assert "unstated base" in detail and "base e" in detail, detail


def test_points_where_a_side_is_undefined_are_outside_an_untagged_formula(tmp_path):
    # ln a and ln b are real for a, b > 0 only: the claim is checked there, at the usual 20 points
    [(verdict, detail)] = verdicts(tmp_path, r"\ln \frac{a}{b} = \ln a - \ln b")
    assert verdict == "PASS" and "20 points" in detail, detail
    [(verdict, detail)] = verdicts(tmp_path, r"\ln \frac{a}{b} = \ln a + \ln b")
    assert verdict == "FAIL" and "a=" in detail and "b=" in detail, detail


# --- a FAIL only on a reading the author meant -------------------------------------------


@pytest.mark.parametrize("right, expected", [("0", "PASS"), ("1", "FAIL")])
def test_points_where_a_side_has_no_value_are_set_aside_not_counterexamples(right, expected):
    # at d = 1 the standard deviation is 0 and (a_i - μ)/σ is 0/0: outside the formula, not against it
    verdict = check_formula(
        r"\frac{1}{H}\sum_{i=1}^{H} \frac{a_i - \mu}{\sigma} = " + right, "layernorm_gradient", {"a": "x", "H": "d"}
    )
    assert verdict["verdict"] == expected, verdict["detail"]
    if expected == "PASS":
        assert "set aside" in verdict["detail"]


def test_a_side_without_a_value_anywhere_is_unknown():
    verdict = check_formula(r"\log(-p_1) = 0")
    assert verdict["verdict"] == "UNKNOWN" and "real values at only 0" in verdict["detail"], verdict["detail"]


def test_an_index_summed_and_free_at_once_is_not_refuted():
    assert check_formula(r"\frac{1}{n}\sum_{i=1}^{n} x_i = x_j")["verdict"] == "FAIL"
    verdict = check_formula(r"\frac{1}{n}\sum_{i=1}^{n} x_i = x_i")
    assert verdict["verdict"] == "UNKNOWN" and "summed over in one place and free in another" in verdict["detail"]


def test_a_distribution_declared_apart_from_the_results_own_is_not_refuted():
    formula = r"H(X) = -\sum_i p_i \log p_i"
    independent = check_formula(formula, "entropy_bounds", kinds={"X": "distribution"})
    assert independent["verdict"] == "UNKNOWN" and "'X = p'" in independent["detail"], independent["detail"]
    assert check_formula(formula, "entropy_bounds", {"X": "p"})["verdict"] == "PASS"
    assert check_formula(r"H(X) = \sum_i p_i \log p_i", "entropy_bounds", {"X": "p"})["verdict"] == "FAIL"
    # refuted under both readings, drawn apart and with p the law of X: a FAIL that says so
    either = check_formula(r"H(X) = \sum_i p_i \log p_i", "entropy_bounds", kinds={"X": "distribution"})
    assert either["verdict"] == "FAIL" and "drawn apart from p and with p the law of X" in either["detail"], either


def test_a_counterexample_names_only_what_the_formula_uses():
    verdict = check_formula(r"\frac{\partial L}{\partial z_j} = y_j - p_j", "softmax_cross_entropy_gradient")
    assert verdict["verdict"] == "FAIL"
    assert "z=(" in verdict["detail"] and "y=(" in verdict["detail"] and "n=" in verdict["detail"]
    unrelated = check_formula(r"\mathbf{1}^\top(x - \mu) = \sum_i x_i - \mu", kinds={r"\mu": "real"})
    assert unrelated["verdict"] == "FAIL" and "x=(" in unrelated["detail"]
    assert (
        "q=(" not in unrelated["detail"] and "z=(" not in unrelated["detail"]
    )  # in the vocabulary, not in the formula


# --- arguments written in square brackets (Prince's notation: f[x, \phi]) -------------------


def test_a_name_before_a_bracketed_list_is_a_function_not_a_product(tmp_path):
    """Norm_x[mu, sigma^2] is a normal distribution, not Norm_x times the vector (mu, sigma^2)."""
    found = verdicts(
        tmp_path,
        r"\text{Norm}_{x}\Bigl[\mu, \sigma^2\Bigr]=\text{Norm}_{x}\Bigl[0, 1\Bigr] \times \sigma + \mu",
        r"f[a, b] = f[0, 1] \times b + a",
    )
    assert all(verdict in ("UNKNOWN", "SKIPPED") for verdict, _ in found), found
    assert "bracketed list" in found[1][1]


def test_a_word_before_a_parenthesised_list_is_a_function_not_a_product_of_letters(tmp_path):
    """Pearson(preds, target): a named function of two arguments (a docstring), not P e a r s o n (p, t)."""
    [(verdict, detail)] = verdicts(tmp_path, "Pearson(preds, target) = Pearson(target, preds)")
    assert verdict in ("UNKNOWN", "SKIPPED") and "bracketed list" in detail, detail


@pytest.mark.parametrize("right, expected", [("abc + abd", "PASS"), ("abc + d", "FAIL")])
def test_letters_before_a_parenthesised_sum_still_multiply(tmp_path, right, expected):
    [(verdict, detail)] = verdicts(tmp_path, "ab(c + d) = " + right)
    assert verdict == expected, detail


@pytest.mark.parametrize("right, expected", [("ab + ac", "PASS"), ("ab + c", "FAIL")])
def test_square_brackets_around_a_sum_still_group_a_product(tmp_path, right, expected):
    [(verdict, detail)] = verdicts(tmp_path, "a[b + c] = " + right)
    assert verdict == expected, detail


# --- a long side broken over the rows of an align -------------------------------------------


@pytest.mark.parametrize(
    "rows, expected",
    [
        (r"\frac{d}{dx} x^2 e^x &=& 2x e^x \nonumber \\ && + x^2 e^x", "PASS"),
        (r"\frac{d}{dx} x^2 e^x &= 2x e^x \\ & \quad + x^2 e^x", "PASS"),
        (r"\frac{d}{dx} (x^2 \sin x) &= 2x \sin x \nonumber \\ &\hspace{0.5cm}\cdot 1 + x^2 \cos x", "PASS"),
        (r"\frac{d}{dx} x^3 &= 3x^2 + \\ & \qquad 0", "PASS"),
        (r"\frac{d}{dx} x^2 e^x &= 2x e^x \\ & \quad + x e^x", "FAIL"),
        (r"\frac{d}{dx} x^2 e^x &=& 2x e^x \nonumber \\ && - x^2 e^x", "FAIL"),
    ],
)
def test_a_row_that_starts_or_follows_an_operator_continues_the_row_before(tmp_path, rows, expected):
    doc = tmp_path / "page.md"
    doc.write_text("Some prose.\n\n\\begin{align}\n" + rows.replace(r"\\ ", "\\\\\n") + "\n\\end{align}\n")
    [record] = check_paths([doc])
    assert record.verdict == expected, (record.latex, record.detail)


def test_rows_with_relations_of_their_own_stay_apart(tmp_path):
    doc = tmp_path / "page.md"
    doc.write_text("\\begin{align}\n(a + b)^2 &= a^2 + 2ab + b^2 \\\\\n-(a - b)^2 &= -a^2 + 2ab - b^2\n\\end{align}\n")
    assert [r.verdict for r in check_paths([doc])] == ["PASS", "PASS"]


# --- a chain that starts by naming what it computes; \pi before a bracketed sum ----------------


@pytest.mark.parametrize(
    "formula, tag, expected",
    [
        (
            r"N = \sum_{j=0}^{D_{i}}\binom{D}{j}=\sum_{j=0}^{D_{i}} \frac{D!}{(D-j)!j!}",
            "D: dimension; D_i: dimension",
            "PASS",
        ),
        (
            r"N = \sum_{j=0}^{D_{i}}\binom{D}{j}=\sum_{j=0}^{D_{i}} \frac{D!}{(D-j)!}",
            "D: dimension; D_i: dimension",
            "FAIL",
        ),
        (
            r"x^* = \epsilon^* \times \sigma + \mu = \epsilon^* \times \exp[\phi] + \phi^3",
            r"\sigma = \exp[\phi]; \mu = \phi^3; \epsilon^*: real; \phi: real",
            "PASS",
        ),
        (
            r"x^* = \epsilon^* \times \sigma + \mu = \epsilon^* \times \exp[\phi]^2 + \phi^3",
            r"\sigma = \exp[\phi]; \mu = \phi^3; \epsilon^*: real; \phi: real",
            "FAIL",
        ),
    ],
)
def test_a_chain_whose_first_side_is_a_name_used_nowhere_else_defines_it(tmp_path, formula, tag, expected):
    """The name (sampled by the shared notation as a variable) is being defined: the claim is the rest of the chain."""
    doc = tmp_path / "page.md"
    doc.write_text(f"<!-- derive: {tag} -->\n$$\n{formula}\n$$\n")
    [record] = check_paths([doc])
    assert record.verdict == expected, record.detail


@pytest.mark.parametrize("scale, expected", [(r"\frac{1}{T}", "PASS"), ("", "FAIL")])
def test_a_name_the_result_gives_a_meaning_is_still_checked_in_the_first_link(scale, expected):
    mean = r"\exp\left(-" + scale + r"\sum_{t=1}^{T} \log q_t\right)"
    verdict = check_formula(rf"\operatorname{{PPL}} = {mean} = {mean}", "perplexity")
    assert verdict["verdict"] == expected, verdict["detail"]


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\sin(\pi (d + 2)) = \sin(\pi d)", "PASS"),
        (r"\cos(2\pi (x + 1)) = \cos(2 \pi x)", "PASS"),
        (r"\sin(\pi (d + 1)) = \sin(\pi d)", "FAIL"),
        (
            r"\exp\left(- \frac{ 2\sin^2(\pi (d + p)/p) }{ l^ 2} \right) = \exp\left(- \frac{ 2\sin^2(\pi d/p) }{ l^ 2} \right)",
            "PASS",
        ),
        (
            r"\exp\left(- \frac{ 2\sin^2(\pi (d + p/2)/p) }{ l^ 2} \right) = \exp\left(- \frac{ 2\sin^2(\pi d/p) }{ l^ 2} \right)",
            "FAIL",
        ),
    ],
)
def test_pi_before_a_bracketed_sum_is_the_number_pi(tmp_path, formula, expected):
    """\\pi (d + p) multiplies a sum by π; a policy is written π(s) or π(a|s)."""
    [(verdict, detail)] = verdicts(tmp_path, formula)
    assert verdict == expected, detail
    assert "pi=" not in detail


def test_an_upright_name_before_a_bracket_is_a_function_whatever_the_bracket_holds(tmp_path):
    """\\text{f}[a + b] applies f (Prince's notation): linearity of an unknown f is not claimed for all values."""
    found = verdicts(
        tmp_path,
        r"\text{f}[a + b] = \text{f}[a] + \text{f}[b]",
        r"\mbox{\bf f}\bigl[\mbox{\bf t}[\mathbf{x}]\bigr] = \mbox{\bf t}\bigl[\mbox{\bf f}[\mathbf{x}]\bigr]",
    )
    assert all(verdict in ("UNKNOWN", "SKIPPED") for verdict, _ in found), found


@pytest.mark.parametrize("right, expected", [(r"\exp[a]\exp[b]", "PASS"), (r"\exp[a] + \exp[b]", "FAIL")])
def test_a_known_function_with_its_argument_in_square_brackets_is_still_decided(tmp_path, right, expected):
    [(verdict, detail)] = verdicts(tmp_path, r"\exp[a + b] = " + right)
    assert verdict == expected, detail


@pytest.mark.parametrize(
    "correct, wrong",
    [
        (r"0.4 \times 0.9 > 0.5 \times 0.4", r"0.4 \times 0.9 < 0.5 \times 0.4"),  # beam search beats greedy
        (
            r"\exp\left( - 2 \cdot 15000 \cdot 0.01^2 \right) < 0.05",
            r"\exp\left( - 2 \cdot 10000 \cdot 0.01^2 \right) < 0.05",
        ),
        (r"\frac{45 \times 10^{9} \times 0.5}{10^{9}} \le 23", r"\frac{45 \times 10^{9} \times 4}{10^{9}} \le 23"),
    ],
)
def test_an_inequality_of_numbers_is_arithmetic_untagged(tmp_path, correct, wrong):
    """No name to constrain: an inequality of numbers is a claim, decided both ways; rho_5 < 5 stays a condition."""
    assert verdicts(tmp_path, correct)[0][0] == "PASS"
    assert verdicts(tmp_path, wrong)[0][0] == "FAIL"
    [(verdict, detail)] = verdicts(tmp_path, r"\rho_5 < 5")
    assert verdict == "SKIPPED" and "condition" in detail, detail


def test_an_inequality_with_a_number_on_one_side_is_a_condition_untagged(tmp_path):
    """'classified as positive if sigma(w^T x + b) > 0.5' states when, not that it always holds."""
    [(verdict, detail)] = verdicts(tmp_path, r"\sigma (w^Tx + b) > 0.5")
    assert verdict in ("UNKNOWN", "SKIPPED") and "condition" in detail, detail


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\sigma(z) > 0", "PASS"),
        (r"\sigma(z + 1) > \sigma(z)", "PASS"),
        (r"\sigma(z) > \sigma(z + 1)", "FAIL"),
        (r"2 \pi > 7", "FAIL"),
    ],
)
def test_inequalities_in_quantified_arguments_are_still_decided(tmp_path, formula, expected):
    [(verdict, detail)] = verdicts(tmp_path, formula)
    assert verdict == expected, detail


def test_the_inverse_of_a_matrix_singular_as_read_is_unknown_not_zero(tmp_path):
    """x x^T + y y^T has rank 2 at most: its inverse, at the sizes it is singular, is no value."""
    formula = (
        r"\frac{I}{I + 0.5 (\mathbf{x}\mathbf{x}^\top - I) + 0.5 (\mathbf{y}\mathbf{y}^\top - I)}"
        r" = \frac{2 I}{\mathbf{x}\mathbf{x}^\top + \mathbf{y}\mathbf{y}^\top}"
    )
    [(verdict, detail)] = verdicts(tmp_path, formula)
    assert verdict in ("UNKNOWN", "SKIPPED") and "singular" in detail, detail


def test_a_bare_i_beside_no_matrix_is_a_count_not_the_identity(tmp_path):
    """I as the count of an intersection (Tversky's index at alpha = beta = 1/2 is the Dice coefficient)."""
    [(verdict, detail)] = verdicts(tmp_path, r"\frac{I}{I + 0.5 (P - I) + 0.5 (T - I)} = \frac{2 I}{P + T}")
    assert verdict == "PASS", detail
    [(verdict, detail)] = verdicts(tmp_path, r"\frac{I}{I + 0.5 (P - I) + 0.5 (T - I)} = \frac{I}{P + T}")
    assert verdict == "FAIL", detail


@pytest.mark.parametrize("right, expected", [(r"\frac{1}{2} \mathbf{I}", "PASS"), (r"\mathbf{I}", "FAIL")])
def test_the_inverse_of_an_invertible_matrix_is_still_taken(tmp_path, right, expected):
    [(verdict, detail)] = verdicts(tmp_path, r"\frac{\mathbf{I}}{2\mathbf{I}} = " + right)
    assert verdict == expected, detail


# --- written figures: a whole number's trailing zeros after ≈ are not significant ---------


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"2 \pi \cdot 10000 \approx 63000", "PASS"),  # "~63,000" positions (a blog's footnote): to the thousands
        (r"2 \pi \cdot 10000 \approx 31000", "FAIL"),  # off at the thousands too
        (r"2 \pi \cdot 10000 \approx 62832", "PASS"),  # a figure without trailing zeros keeps its unit
        (r"2 \pi \cdot 10000 \approx 62833", "FAIL"),
        (r"2 \pi \cdot 10000 = 63000", "FAIL"),  # = claims the whole number exactly
        (r"24 \times 10^{6} \cdot 4 \approx 96 \times 10^{6}", "PASS"),
        (r"24 \times 10^{6} \cdot 4 \approx 93 \times 10^{6}", "FAIL"),
    ],
)
def test_an_approximate_whole_number_is_compared_at_its_last_nonzero_digit(tmp_path, formula, expected):
    _assert_verdicts(tmp_path, formula, tagged=expected, untagged=expected)


# --- a row written as a row: a column times a row is their outer product ----------------

SOBEL = r"\begin{bmatrix} -1 & 0 & 1 \\ -2 & 0 & 2 \\ -1 & 0 & 1 \end{bmatrix}"


@pytest.mark.parametrize(
    "formula, expected",
    [  # the Sobel kernel as a separable product (an article on separable convolutions)
        (
            SOBEL + r" = \begin{bmatrix} 1 \\ 2 \\ 1 \end{bmatrix} \times \begin{bmatrix} -1 & 0 & 1 \end{bmatrix}",
            "PASS",
        ),
        (SOBEL + r" = \begin{bmatrix} 1 \\ 2 \\ 1 \end{bmatrix} \begin{bmatrix} -1 & 0 & 1 \end{bmatrix}", "PASS"),
        (SOBEL + r" = \begin{bmatrix} 1 \\ 2 \\ 2 \end{bmatrix} \begin{bmatrix} -1 & 0 & 1 \end{bmatrix}", "FAIL"),
        (r"\begin{bmatrix} 1 & 2 \end{bmatrix} \begin{bmatrix} 3 \\ 4 \end{bmatrix} = 11", "PASS"),  # row times column
        (r"\begin{bmatrix} 1 & 2 \end{bmatrix} \begin{bmatrix} 3 \\ 4 \end{bmatrix} = 12", "FAIL"),
    ],
)
def test_a_column_times_a_row_is_their_outer_product(tmp_path, formula, expected):
    _assert_verdicts(tmp_path, formula, tagged=expected, untagged=expected)


@pytest.mark.parametrize(
    "tag, correct, wrong",
    [
        (
            r"w: vector",
            r"\|\mathbf{w}\|^2 = \mathbf{w}^\top \mathbf{w}",
            r"\|\mathbf{w}\|^2 = \mathbf{w} \mathbf{w}^\top",
        ),
        (
            r"x: vector; y: vector",
            r"\mathbf{x}^\top \mathbf{y} = \mathbf{y}^\top \mathbf{x}",
            r"\mathbf{x}^\top \mathbf{y} = \mathbf{y} \mathbf{x}^\top",
        ),
    ],
)
def test_a_number_against_a_column_times_a_row_fails_at_two_entries(tmp_path, tag, correct, wrong):
    # u v^\top of two columns is a square matrix of n rows: at n = 2 no number equals it, however else it is read
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)
    result, detail = page_verdict(tmp_path, tag, wrong)
    assert "a number is never a 2x2 matrix at n=2" in detail, (result, detail)


def test_a_computed_zero_is_not_a_written_zero_matrix(tmp_path):
    """= 0 written against a matrix means its zero; a number that merely comes out 0 is no matrix."""
    matrix = r"\begin{bmatrix} 1 & 1 \\ 1 & 1 \end{bmatrix}"
    assert check_formula(f"{matrix} - {matrix} = 0")["verdict"] == "PASS"
    assert check_formula(rf"{matrix} - 2 {matrix} = 0")["verdict"] == "FAIL"
    zero = r"\begin{bmatrix} 0 & 0 \\ 0 & 0 \end{bmatrix}"
    computed = r"\begin{bmatrix} 1 \\ 1 \end{bmatrix} \cdot \begin{bmatrix} 1 \\ -1 \end{bmatrix}"  # the number 0
    verdict = check_formula(f"{computed} = {zero}")
    assert verdict["verdict"] == "UNKNOWN" and "shapes" in verdict["detail"], verdict["detail"]


# --- an unbraced exponent of several digits: TeX raises the first digit only -------------


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"(10^6)^2 = 10^12", "UNKNOWN"),  # typeset 10^1 2 (a blog on loss functions): holds only as 10^{12}
        (r"(10^6)^2 = 10^{12}", "PASS"),
        (r"(10^6)^2 = 10^13", "FAIL"),  # fails read either way
        (r"(10^6)^2 = 10^{13}", "FAIL"),
    ],
)
def test_an_unbraced_exponent_of_several_digits_is_a_doubt_not_a_fail(tmp_path, formula, expected):
    tagged, untagged = _assert_verdicts(
        tmp_path, formula, tagged=expected, untagged="SKIPPED" if expected == "UNKNOWN" else expected
    )
    if expected == "UNKNOWN":
        assert "^{12}" in tagged and "^{12}" in untagged


# --- equations side by side in one row of an alignment are not one chain --------------------


def test_equations_side_by_side_in_an_alignment_row_are_not_chained(tmp_path):
    """``x + x &= 2x & y + y &= 2y`` holds two equations; read as one chain it would FAIL."""
    side_by_side = r"\begin{align} 1 + 1 &= 2 & 2 + 2 &= RIGHT \end{align}"
    verdict = check_formula(side_by_side.replace("RIGHT", "4"))  # one formula: not one chain, and not two verdicts
    assert verdict["verdict"] == "UNKNOWN" and "side by side" in verdict["detail"], verdict["detail"]
    tagged = check_formula(r"\begin{align} x + x &= 2x & y + y &= 2y \end{align}", kinds={"x": "real", "y": "real"})
    assert tagged["verdict"] == "UNKNOWN", tagged["detail"]
    # in a document, each equation of the row is checked on its own
    page = tmp_path / "page.md"
    for right, expected in ((4, ["PASS", "PASS"]), (5, ["PASS", "FAIL"])):
        page.write_text(f"Two sums.\n\n$$\n{side_by_side.replace('RIGHT', str(right))}\n$$\n")
        records = check_paths([page])
        assert [r.latex.strip() for r in records] == ["1 + 1  = 2", f"2 + 2  = {right}"]
        assert [r.verdict for r in records] == expected, [r.detail for r in records]
    # a continuation row is still one chain, and a wrong step in it still FAILs
    kinds = {"a": "real", "b": "real"}
    chain = r"\begin{aligned} (a+b)^2 &= (a+b)(a+b) & \\ &= a^2 + 2ab + b^{} & \end{aligned}"
    assert check_formula(chain.replace("b^{}", "b^2"), kinds=kinds)["verdict"] == "PASS"
    assert check_formula(chain.replace("b^{}", "b^3"), kinds=kinds)["verdict"] == "FAIL"


# --- E notation: 3e-4 is three times ten to the minus four ------------------------------------


@pytest.mark.parametrize(
    "formula, tagged, untagged",
    [
        (r"3e-4 = 0.0003", "PASS", "PASS"),  # a learning rate as configuration files and docs write it
        (r"3e-4 = 0.003", "FAIL", "FAIL"),
        (r"\lambda = 2.5e-3 = 0.0025", "PASS", "PASS"),
        (r"\lambda = 2.5e-3 = 0.025", "FAIL", "FAIL"),
        (r"1e-8 < 10^{-7}", "PASS", "PASS"),  # an inequality of numbers is arithmetic, a condition on no name
        (r"1e-8 > 10^{-7}", "FAIL", "FAIL"),
        (r"2e-1 = 4.4366", "UNKNOWN", "SKIPPED"),  # holds only read as 2e - 1 with Euler's e: the readings disagree
        (r"2e + 1 = 6.4366", "PASS", "PASS"),  # no exponent after e: Euler's number
        (r"6e+3 / 2e+3 = 3", "PASS", "PASS"),  # a signed exponent: each one number, divided as such
        (r"6e+3 / 2e+3 = 3000000", "FAIL", "FAIL"),
        (r"\frac{1.97E+14}{8.20E+11} = 240", "PASS", "PASS"),  # printed output's capital E, signed
        (r"\frac{1.97E+14}{8.20E+11} = 24", "FAIL", "FAIL"),
        (r"2E+1 = 7", "UNKNOWN", "SKIPPED"),  # no decimals before a capital E: 2E + 1, a name E nothing gives
    ],
)
def test_a_number_in_e_notation_is_that_number(tmp_path, formula, tagged, untagged):
    _assert_verdicts(tmp_path, formula, tagged=tagged, untagged=untagged)


# --- e with a word as its superscript is a named quantity, not Euler's number -------------------


def test_e_with_a_word_superscript_is_not_eulers_number(tmp_path):
    """PPL = e^{\\text{loss}} = e^3 ≈ 20.1 (a perplexity note): e^{\\text{loss}} is not e^1."""
    perplexity = r"\text{PPL} = e^{\text{loss}} = e^{3} \approx 20.1"
    [(found, detail)] = verdicts(tmp_path, perplexity)
    assert found != "FAIL", detail
    assert check_formula(perplexity)["verdict"] == "PASS"  # tagged: the names at its head name e^3
    assert check_formula(perplexity.replace("20.1", "20.2"))["verdict"] == "FAIL"
    assert check_formula(r"e^{\text{loss}} = e")["verdict"] == "UNKNOWN"  # a name nothing defines
    [(found, detail)] = verdicts(tmp_path, r"e^{3} \approx 20.2")
    assert found == "FAIL", detail


# --- a Greek letter in a superscript is a power, not a label of the name -------------------------

GREEK = {r"\alpha": "real", r"\beta": "real", "x": "positive", r"\lambda": "positive"}


@pytest.mark.parametrize(
    "formula, expected",
    [
        (
            r"x^{\alpha} x^{\beta} = x^{\alpha + \beta}",
            "PASS",
        ),  # read as labels, x^alpha x^beta = x^(alpha+beta) FAILed
        (r"x^{\alpha} x^{\beta} = x^{\alpha \beta}", "FAIL"),
        (r"\frac{d}{dx} e^{\alpha x} = \alpha e^{\alpha x}", "PASS"),  # e^{\alpha x} was read as e itself
        (r"\frac{d}{dx} e^{\alpha x} = e^{\alpha x}", "FAIL"),
        (r"\int_0^\infty e^{-\lambda x} dx = \frac{1}{\lambda}", "PASS"),
        (r"\int_0^\infty e^{-\lambda x} dx = \frac{2}{\lambda}", "FAIL"),
    ],
)
def test_a_greek_letter_superscript_is_a_power(formula, expected):
    verdict = check_formula(formula, kinds=GREEK)
    assert verdict["verdict"] == expected, verdict["detail"]


# --- an inequality is checked beyond the box its numbers are drawn from --------------------------


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\frac{\ell}{d} + d \ge 2\sqrt{\ell}", "PASS"),  # the cost of activation recomputation, smallest at d = √ℓ
        (r"\frac{\ell}{d} + d \ge \ell", "FAIL"),  # holds on (0, 3], fails for ℓ > 4
        (r"e^{-x^2} > 0", "PASS"),  # at x = 300 the slack is below the working precision: no counterexample
        (r"\log(1 + x) \le x", "PASS"),
        (r"\frac{x}{1 + x} \le \log(1 + x)", "PASS"),
    ],
)
def test_an_inequality_is_checked_beyond_the_sampled_box(formula, expected):
    verdict = check_formula(formula, clauses=r"\ell > 0; d > 0; x > 0")
    assert verdict["verdict"] == expected, verdict["detail"]


def test_an_untagged_inequality_that_fails_only_for_large_values_is_not_passed(tmp_path):
    """A bubble fraction of pipeline parallelism: (d-1)/(5d-1) < 1/5 for every d > 0, < 1/6 only below d = 5."""
    [(found, detail)] = verdicts(tmp_path, r"\frac{d-1}{4d+d-1} < \frac{1}{5}")
    assert found == "PASS", detail
    [(found, detail)] = verdicts(tmp_path, r"\frac{d-1}{4d+d-1} < \frac{1}{6}")
    assert found != "PASS", detail


# --- a kind whose later words narrow it is not read as its first word ----------------------------


@pytest.mark.parametrize(
    "kind, expected",
    [
        ("positive", "FAIL"),  # (d-1)/(5d-1) = 22 at d = 0.19
        ("positive real", "FAIL"),
        ("positive integer", "PASS"),  # true for every positive integer: not refuted at d = 0.19
        ("positive even integer", "UNKNOWN"),  # a narrower kind the checker has no sampler for
    ],
)
def test_a_positive_integer_is_not_read_as_a_positive_real(kind, expected):
    verdict = check_formula(r"\frac{d-1}{4d+d-1} < \frac{1}{5}", clauses=f"d: {kind}")
    assert verdict["verdict"] == expected, verdict["detail"]


@pytest.mark.parametrize(
    "formula, kind, expected",
    [
        (r"\frac{d-1}{4d+d-1} < \frac{1}{6}", "positive integer", "FAIL"),  # from d = 6 on
        (r"\sum_{i=1}^{n} 2^{i-1} = 2^n - 1", "positive integer", "PASS"),  # a tabular model's parameters
        (r"\sum_{i=1}^{n} 2^{i-1} = 2^{n-1}", "positive integer", "FAIL"),
        (r"\cos(\pi k) = (-1)^k", "nonnegative integer", "PASS"),
        (r"\cos(\pi k) = 1", "nonnegative integer", "FAIL"),
        (r"(-1)^{k} = 1", "integer", "FAIL"),
    ],
)
def test_integer_kinds_are_sampled_at_integers(formula, kind, expected):
    verdict = check_formula(formula, clauses=f"n: {kind}; d: {kind}; k: {kind}")
    assert verdict["verdict"] == expected, verdict["detail"]


@pytest.mark.parametrize(
    "right",
    [
        r"\nabla_\theta \pi_\theta(a \vert s) Q^\pi(s, a) + \pi_\theta(a \vert s) \nabla_\theta Q^\pi(s, a)",
        r"\nabla_\theta \pi_\theta(a \vert s) Q^\pi(s, a)",  # PASSed with Q read as constant in theta
    ],
)
def test_a_gradient_that_may_reach_one_factor_or_the_product_of_functions_of_theta_is_unknown(right):
    # Q^\pi(s, a) is a function of theta as the tag says, so (\nabla_\theta \pi) Q and \nabla_\theta (\pi Q) differ
    clauses = r"\pi_\theta(a \vert s): function of \theta; Q^\pi(s, a): function of \theta"
    verdict = check_formula(r"\nabla_\theta (\pi_\theta(a \vert s) Q^\pi(s, a)) = " + right, clauses=clauses)
    assert verdict["verdict"] == "UNKNOWN", verdict["detail"]
    assert "alone or to the whole product" in verdict["detail"], verdict["detail"]


def test_a_real_number_is_still_a_real():
    assert check_formula(r"(a + 1)^2 = a^2 + 2a + 1", clauses="a: real number")["verdict"] == "PASS"
    assert check_formula(r"(a + 1)^2 = a^2 + 1", clauses="a: real number")["verdict"] == "FAIL"


def test_a_name_written_both_as_a_variable_and_applied_is_not_read_as_two_things(tmp_path):
    """Karpathy's hacker's guide: f(q, z) = qz with q(x, y) = x + y, and the chain rule through q. Read with q a
    variable apart from the function q(x, y), f(q, z) would not depend on x, and a chain rule with the wrong
    factor PASSed; the composition is not modelled untagged: no verdict."""
    right = (
        r"\frac{\partial f(q,z)}{\partial x} = \frac{\partial q(x,y)}{\partial x} \frac{\partial f(q,z)}{\partial q}"
    )
    wrong = right.replace(r"{\partial q}", r"{\partial z}")
    for found, detail in verdicts(tmp_path, right, wrong):
        assert found not in ("PASS", "FAIL"), detail
    [(found, detail)] = verdicts(
        tmp_path, r"\nabla_{\theta} P(\tau | \theta) = P(\tau | \theta) \nabla_{\theta} \log P(\tau | \theta)"
    )
    assert found == "PASS", detail  # one name, always applied: read as a generic function


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\operatorname{clip}(x, -5, 5) = x", "FAIL"),  # holds on the sampled [-3, 3], fails beyond 5
        (r"\operatorname{ReLU}(x + 4) = x + 4", "FAIL"),
        (r"\max(x, 0) = \frac{x + |x|}{2}", "PASS"),
        (r"\operatorname{clip}(x, -1, 1) = \max(-1, \min(x, 1))", "PASS"),
    ],
)
def test_an_identity_with_a_piecewise_function_is_checked_beyond_the_sampled_box(formula, expected):
    verdict = check_formula(formula, clauses="x: real")
    assert verdict["verdict"] == expected, verdict["detail"]


# --- a wide \hspace separates statements as \quad does ------------------------------------------


@pytest.mark.parametrize(
    "formula",
    [
        # CS231n, optimization-2: two partial derivatives side by side were read as one product (a FAIL)
        r"f(x,y) = x y \hspace{0.5in} \rightarrow \hspace{0.5in} \frac{\partial f}{\partial x} = y \hspace{0.5in} \frac{\partial f}{\partial y} = x",
        r"2 + 2 = 4 \hspace{1in} 3 \cdot 3 = 9",
    ],
)
def test_a_wide_hspace_separates_statements_as_quad_does(tmp_path, formula):
    as_quad = formula.replace(r"\hspace{0.5in}", r"\quad").replace(r"\hspace{1in}", r"\quad")
    [(found, detail), (with_quad, quad_detail)] = verdicts(tmp_path, formula, as_quad)
    assert found != "FAIL", detail
    assert (found, detail) == (with_quad, quad_detail)


def test_an_arrow_between_wide_spaces_is_one_implication(tmp_path):
    [(found, detail), (wrong, wrong_detail)] = verdicts(
        tmp_path,
        r"f(x) = e^x \quad \rightarrow \quad \frac{df}{dx} = e^x",
        r"f(x) = e^x \quad \rightarrow \quad \frac{df}{dx} = x e^{x-1}",
    )
    assert found == "PASS", detail
    assert wrong == "FAIL", wrong_detail


_LOGISTIC_CDF_SLOPE = r"\frac{d}{dx} \frac{1}{1 + \exp(-(x - \mu) / \sigma)} = "


@pytest.mark.parametrize(
    "right, expected",
    [
        (r"\frac{\exp(-(x - \mu) / \sigma)}{\sigma (1 + \exp(-(x - \mu) / \sigma))^2}", "PASS"),
        (r"\frac{\exp(-(x - \mu) / \sigma)}{(1 + \exp(-(x - \mu) / \sigma))^2}", "FAIL"),
        (r"\frac{\exp(-(x - \mu) / \sigma)}{\sigma^2 (1 + \exp(-(x - \mu) / \sigma))^2}", "FAIL"),
    ],
)
def test_sigma_written_alone_as_a_number_multiplies_a_bracket(right, expected):
    # the logistic law's density (TensorFlow Probability's Logistic): the scale sigma divides x - mu, so
    # \sigma (1 + ...)^2 is sigma times the squared bracket, not the logistic function applied and squared
    verdict = check_formula(_LOGISTIC_CDF_SLOPE + right, clauses=r"x: real; \mu: real; \sigma > 0")
    assert verdict["verdict"] == expected, verdict["detail"]


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\sigma(z)(1 - \sigma(z)) = \frac{e^{-z}}{(1 + e^{-z})^2}", "PASS"),
        (r"\sigma(z)(1 - \sigma(z)) = \frac{e^{z}}{1 + e^{-z}}", "FAIL"),
    ],
)
def test_sigma_written_only_applied_is_still_the_logistic_function(formula, expected):
    verdict = check_formula(formula, clauses="z: real")
    assert verdict["verdict"] == expected, verdict["detail"]


def test_sigma_times_a_bracket_untagged_is_not_a_false_alarm(tmp_path):
    [(found, detail)] = verdicts(
        tmp_path,
        _LOGISTIC_CDF_SLOPE + r"\frac{\exp(-(x - \mu) / \sigma)}{\sigma (1 + \exp(-(x - \mu) / \sigma))^2}",
    )
    assert found != "FAIL", detail
    [(found, detail)] = verdicts(
        tmp_path, _LOGISTIC_CDF_SLOPE + r"\frac{\exp(-(x - \mu) / \sigma)}{(1 + \exp(-(x - \mu) / \sigma))^2}"
    )
    assert found == "FAIL", detail


@pytest.mark.parametrize(
    "formula, clauses, expected",
    [
        (r"n! < 2^{n+2}", "n: dimension", "FAIL"),  # holds for n <= 5, fails from n = 6 on
        (r"n! < 2^{n+2}", "n: dimension; n < 5", "PASS"),  # the tag bounds the size: no larger size is tried
        (r"\|x\|_1 \le \sqrt{n} \|x\|_2", "x: vector", "PASS"),
        (r"\|x\|_1 \le 2 \|x\|_2", "x: vector", "FAIL"),
    ],
)
def test_an_inequality_about_any_size_is_checked_at_larger_sizes(formula, clauses, expected):
    verdict = check_formula(formula, clauses=clauses)
    assert verdict["verdict"] == expected, verdict["detail"]


def test_an_untagged_bound_that_fails_only_at_larger_sizes_is_not_passed(tmp_path):
    [(found, detail), (bound, bound_detail)] = verdicts(
        tmp_path, r"\sum_{i=1}^n x_i^2 \le 5 \max_i x_i^2", r"\sum_{i=1}^n x_i^2 \le n \max_i x_i^2"
    )
    assert found != "PASS", detail
    assert bound == "PASS", bound_detail


BINOMIAL_SUM = r"\sum_{k=0}^{n} \binom{n}{k} = 2^n"
SQUARES_SUM = r"\sum_{i=1}^{n} x_i^2 = \|x\|^2"


@pytest.mark.parametrize(
    "tag, correct, wrong",
    [
        (tag, BINOMIAL_SUM, BINOMIAL_SUM + r" + \binom{n}{8}")
        for tag in (None, "n: positive integer", "n: dimension", r"n \in \mathbb{N}")
    ]
    + [(tag, SQUARES_SUM, SQUARES_SUM + r" + \lfloor n/7 \rfloor") for tag in (None, "n: positive integer")],
)
def test_an_identity_about_any_size_that_fails_only_at_larger_sizes_is_not_passed(tmp_path, tag, correct, wrong):
    # no proof reached them, and the sizes 1..6 drawn had missed the term that starts at n = 7 or 8
    passed = page_verdict(tmp_path, tag, correct)
    assert passed[0] == "PASS", passed
    failed = page_verdict(tmp_path, tag, wrong)
    assert failed[0] == "FAIL" and ("n=8" in failed[1] or "n=13" in failed[1]), failed


# --- a name the tag declares a number is read as that number ----------------------------------


@pytest.mark.parametrize("clauses", [r"T: positive", r"T: dimension", r"T \in \mathbb{N}"])
@pytest.mark.parametrize(
    "right, expected",
    [(r"\frac{1-\gamma^T}{1-\gamma}", "PASS"), (r"\frac{1-\gamma^{T+1}}{1-\gamma}", "FAIL")],
)
def test_a_superscript_t_the_tag_declares_a_number_is_a_power(clauses, right, expected):
    # \gamma^T was read as the transpose of the number \gamma: the correct geometric sum FAILed
    verdict = check_formula(r"\sum_{t=0}^{T-1} \gamma^t = " + right, clauses=clauses + r"; \gamma: probability")
    assert verdict["verdict"] == expected, verdict["detail"]


def test_a_superscript_t_of_a_vector_stays_a_transpose():
    verdict = check_formula(r"x^T x = \sum_i x_i^2", clauses="x: vector")
    assert verdict["verdict"] == "PASS", verdict["detail"]
    verdict = check_formula(r"x^T x = \sum_i x_i", clauses="x: vector")
    assert verdict["verdict"] == "FAIL", verdict["detail"]


@pytest.mark.parametrize("right, expected", [(r"\sigma + \sigma x", "PASS"), (r"\sigma + x", "FAIL")])
def test_a_sigma_the_tag_declares_a_number_times_a_bracket_is_a_product(right, expected):
    # \sigma (1 + x) was read as the logistic function applied to the bracket
    verdict = check_formula(r"\sigma (1 + x) = " + right, clauses=r"\sigma > 0; x: real")
    assert verdict["verdict"] == expected, verdict["detail"]


def test_a_logistic_density_with_its_scale_sigma_before_a_bracket():
    left = r"\frac{d}{dx} \frac{1}{1 + \exp(-(x - \mu) / \sigma)} = "
    tag = r"x: real; \mu: real; \sigma > 0"
    right = r"\frac{\exp(-(x - \mu) / \sigma)}{\sigma (1 + \exp(-(x - \mu) / \sigma))^2}"
    verdict = check_formula(left + right, clauses=tag)
    assert verdict["verdict"] == "PASS", verdict["detail"]
    verdict = check_formula(left + right.replace(r"{\sigma (1", "{(1"), clauses=tag)
    assert verdict["verdict"] == "FAIL", verdict["detail"]


# --- one reading of sigma in one formula ---------------------------------------------------------


@pytest.mark.parametrize("clauses", ["x: vector", r"\sigma: \mathbb{R} \to (0,1)", "y: real"])
@pytest.mark.parametrize("right, expected", [(r"1 - \sigma(x)", "PASS"), (r"\sigma(x)", "FAIL")])
def test_sigma_of_a_vector_is_the_logistic_of_each_entry(clauses, right, expected):
    # sigma(x) of a vector was the softmax and sigma(-x) at n = 1 the logistic: the correct symmetry FAILed
    verdict = check_formula(r"\sigma(-x) = " + right, clauses=clauses)
    assert verdict["verdict"] == expected, verdict["detail"]


def test_sigma_of_a_vector_with_an_index_is_still_the_softmax():
    verdict = check_formula(r"\sum_i \sigma(z)_i = 1", clauses="z: vector")
    assert verdict["verdict"] == "PASS", verdict["detail"]
    verdict = check_formula(r"\sum_i \sigma(z)_i = 2", clauses="z: vector")
    assert verdict["verdict"] == "FAIL", verdict["detail"]


# --- a tag function's body applies the tag's other functions -------------------------------------


PLANAR_FLOW = r"f(z) = z + u h(w^T z + b); h(u) = \tanh(u); u: vector; w: vector; z: vector; b: real"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"f(z) = z + u \tanh(w^T z + b)", "PASS"),
        (r"f(z) = z + u \tanh(w^T z - b)", "FAIL"),
        (r"h(0) = 0", "PASS"),
        (r"h(0) = 1", "FAIL"),
    ],
)
def test_a_tag_function_named_h_is_applied_in_another_tag_function(formula, expected):
    verdict = check_formula(formula, clauses=PLANAR_FLOW)
    assert verdict["verdict"] == expected, verdict["detail"]


# --- a derivative of a lone e names a quantity of the document -----------------------------


def test_the_derivative_of_a_lone_e_is_of_a_quantity_not_of_eulers_number(tmp_path):
    """Untagged, ∂e/∂b differentiates a quantity e the document defines elsewhere: SKIPPED, not FAIL with e = 2.718…"""
    found = verdicts(tmp_path, r"\frac{\partial e}{\partial b}= 1*2 + 1*3", r"\frac{d}{dx} e^{x} = e^{x}")
    assert found[0][0] == "SKIPPED" and "derivative of e" in found[0][1], found[0]
    assert found[1][0] == "PASS", found[1]  # e^x is still the exponential


@pytest.mark.parametrize("right, expected", [("1*2 + 1*3", "PASS"), ("1*2 + 1*2", "FAIL")])
def test_the_derivative_of_a_quantity_e_the_tag_defines(tmp_path, right, expected):
    tag = "c = a + b; d = b + 1; e = c d; a = 2; b = 1"
    found, detail = page_verdict(tmp_path, tag, r"\frac{\partial e}{\partial b} = " + right)
    assert found == expected, detail


# --- a_{ij} beside a matrix A the tag writes out names A's entries -----------------------------

GERSHGORIN_TAG = r"\mathbf{A} = \begin{bmatrix} 1.0 & 0.1 \\ 0.2 & 3.0 \end{bmatrix}; r_i = \sum_{j \neq i} |a_{ij}|"


@pytest.mark.parametrize("value, expected", [("0.2", "PASS"), ("0.3", "FAIL")])
def test_entries_a_ij_of_a_written_matrix_are_no_arbitrary_sequence(tmp_path, value, expected):
    """r_2 = 0.2 is true of A's entries: a_{ij} is read as A's entry, never refuted as an arbitrary a(i, j)."""
    found, detail = page_verdict(tmp_path, GERSHGORIN_TAG, f"r_2 = {value}")
    assert found == expected and "arbitrary" not in detail, detail


@pytest.mark.parametrize("right, expected", [("2.98", "PASS"), ("3", "FAIL")])
def test_the_written_matrix_beside_its_entries_is_still_read(tmp_path, right, expected):
    found, detail = page_verdict(tmp_path, GERSHGORIN_TAG, r"\det(\mathbf{A}) = " + right)
    assert found == expected, detail


# --- s[0]: an entry written as code indexes an array, never a product with 0 --------------------


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"x[0] + x[1] = x[1] + x[0]", "PASS"),
        (r"x[0] + x[1] = 2x[1] + x[0]", "FAIL"),
        (r"s[0] = 2 w[0] z", "SKIPPED"),  # read as s times 0, both sides were 0 and it PASSed
    ],
)
def test_a_whole_number_in_square_brackets_after_a_name_is_an_entry(tmp_path, formula, expected):
    [(found, detail)] = verdicts(tmp_path, formula)
    assert found == expected, detail


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"x[0] = 0.1", "PASS"),  # counted from 1 there is no entry 0: code's count from 0
        (r"x[0] = 0.2", "FAIL"),
        (r"x[4] = 0.8", "PASS"),  # counted from 0 there is no entry 4: the count from 1
        (r"x[4] = 0.4", "FAIL"),
        (r"x[3] = 0.8", "UNKNOWN"),  # the last entry counted from 0, the third counted from 1
        (r"x[3] = 0.4", "UNKNOWN"),
        (r"y[1] = 0.5", "PASS"),  # both counts name an entry 0.5
        (r"y[1] = 0.2", "FAIL"),
    ],
)
def test_an_entry_in_square_brackets_is_decided_only_where_counting_from_0_or_1_agree(tmp_path, formula, expected):
    found, detail = page_verdict(tmp_path, "x = (0.1, 0.2, 0.4, 0.8); y = (0.5, 0.5, 0.5)", formula)
    assert found == expected, detail
    if expected == "UNKNOWN":
        assert "counted from 0" in detail and "counted from 1" in detail, detail


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        ("x = (0.1, 0.2)", r"\sum_{i=1}^{2} x[i] = 0.3", "UNKNOWN"),  # had been x times i: 2 values against 1
        ("x = (0.1, 0.2)", r"\sum_{i=0}^{1} x[i] = 0.3", "UNKNOWN"),
        ("x = (0.1, 0.2)", r"\sum_{i=1}^{2} x_i = 0.4", "FAIL"),
        ("f[x] = x^2", r"f[3] = 9", "PASS"),  # a function at 3, as some books write it
        ("f[x] = x^2", r"f[3] = 4", "FAIL"),
        ("a = 2; b = 3", r"a[b] = 6", "PASS"),  # a number before the bracket: a product
        ("a = 2; b = 3", r"a[b] = 2", "FAIL"),
    ],
)
def test_an_entry_at_a_letter_in_square_brackets_is_never_a_product_of_the_vector(tmp_path, tag, formula, expected):
    found, detail = page_verdict(tmp_path, tag, formula)
    assert found == expected, detail
    if expected == "UNKNOWN":
        assert "counted from 0" in detail and "counted from 1" in detail, detail


# --- a number before a bracketed number: the value at it, or the product -------------------------


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"a(b) = 6", "UNKNOWN"),  # a times b; had been read as a at b, the number 2, and FAILed
        (r"a(b) = 2", "UNKNOWN"),
        (r"a(b + 1) = 8", "PASS"),
        (r"a(b + 1) = 9", "FAIL"),
        (r"a \cdot b = 7", "FAIL"),
    ],
)
def test_a_number_the_tag_gives_before_a_bracketed_number_is_not_read_as_one_reading_alone(tmp_path, formula, expected):
    found, detail = page_verdict(tmp_path, "a = 2; b = 3", formula)
    assert found == expected, detail
    if expected == "UNKNOWN":
        assert "times" in detail, detail


# --- an index in parentheses is an entry or an order statistic: decided where both agree --------


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        ("x = (1, 3, 5)", r"x_{(2)} = 3", "PASS"),  # sorted already: the second entry is the second smallest
        ("x = (1, 3, 5)", r"x_{(2)} = 1", "FAIL"),
        ("x = (1, 3, 5)", r"f(x_{(1)}) = 1", "PASS"),
        ("x = (1, 3, 5)", r"f(x_{(1)}) = 9", "FAIL"),
        ("x = (5, 1, 3)", r"x_{(2)} = 3", "UNKNOWN"),  # the second smallest is 3, the second entry 1
        ("x = (5, 1, 3)", r"x_{(2)} = 1", "UNKNOWN"),
        ("x = (1, 3, 5)", r"\sum_{i=1}^{3} x_{(i)} = 8", "UNKNOWN"),
    ],
)
def test_an_entry_with_its_index_in_parentheses_is_decided_where_rank_and_position_agree(
    tmp_path, tag, formula, expected
):
    found, detail = page_verdict(tmp_path, tag + "; f(t) = t^2", formula)
    assert found == expected, detail
    if expected == "UNKNOWN":
        assert "order statistics" in detail, detail


# --- a sum without bounds over the entries of a vector the tag lists runs over those entries --------


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\sum_i x_i = 0.3", "PASS"),  # had run to the dimension n, and failed at n = 1
        (r"\sum_i x_i = 0.4", "FAIL"),
        (r"\sum_i x_i y_i = 0.5", "PASS"),
        (r"\sum_i x_i y_i = 0.6", "FAIL"),
        (r"\prod_i y_i = 2", "PASS"),
        (r"\prod_i y_i = 3", "FAIL"),
    ],
)
def test_a_sum_without_bounds_runs_over_the_entries_the_tag_lists(tmp_path, formula, expected):
    found, detail = page_verdict(tmp_path, "x = (0.1, 0.2); y = (1, 2)", formula)
    assert found == expected, detail


def test_an_indicator_of_a_listed_entry_counts_over_the_list(tmp_path):
    # 1(x_i = 2) past the list's end has no value, as x_i has none: the sum to n runs over the 3 entries written,
    # where the comparison had been false there and the sum checked at n = 1
    assert_page_pass_and_fail(
        tmp_path, "x = (1, 2, 3)", r"\sum_{i=1}^n \mathbb{1}(x_i = 2) = 1", r"\sum_{i=1}^n \mathbb{1}(x_i = 2) = 2"
    )


# --- a tag clause whose name is a sentence is refused, not read as its first letter ------------

LOGISTIC_DENSITY = r"\frac{\exp(-(x - \mu)/s)}{s (1 + \exp(-(x - \mu)/s))^2}"


@pytest.mark.parametrize("right", [r"\mu", r"2\mu"])
def test_a_sentence_before_an_equals_sign_is_no_name(right):
    """'X has density f(x) = ...' once overrode X (its first letter) with the density, and H(X) became the entropy
    of one number: the correct logistic entropy FAILed. A sentence that is not one the checker reads (the density
    sentence now gives X its law: tests/docs/test_docs_density_law.py) is refused with the reason."""
    verdict = check_formula(r"\mathbb{E}[X] = " + right, clauses=r"X has the mean m = \mu")
    assert verdict["verdict"] == "UNKNOWN" and "is words, not a name" in verdict["detail"], verdict["detail"]


@pytest.mark.parametrize("right, expected", [(r"2 b^2", "PASS"), (r"b^2", "FAIL")])
def test_the_variance_of_a_named_law_is_still_decided(right, expected):
    verdict = check_formula(r"\mathrm{Var}(X) = " + right, clauses=r"X \sim \text{Laplace}(\mu, b)")
    assert verdict["verdict"] == expected, verdict["detail"]


@pytest.mark.parametrize("right, expected", [(r"\frac{1}{4 s}", "PASS"), (r"\frac{1}{2 s}", "FAIL")])
def test_the_density_written_as_a_function_is_still_read(right, expected):
    verdict = check_formula(r"f(\mu) = " + right, clauses=r"f(x) = " + LOGISTIC_DENSITY + r"; \mu: real; s > 0")
    assert verdict["verdict"] == expected, verdict["detail"]


def test_quantities_labelled_by_other_quantities_are_names_of_their_own():
    """mu_{aX+b} and mu_X are two quantities (the means of aX + b and of X), not one family written on both sides:
    read as the formula's own variables, their equation is not refuted (it was a false alarm); a family indexed by a
    plain index on both sides (beta_1) is still claimed for all its values."""
    tag = "linearity_of_expectation; a: real; b: real"
    assert check_formula(r"\mu_{aX+b} = a\mu_X + b", clauses=tag)["verdict"] == "UNKNOWN"
    assert check_formula(r"\beta_1 + a = \beta_1", clauses="a: positive")["verdict"] == "FAIL"


def test_a_name_written_only_as_the_argument_of_others_is_no_factor():
    # PPO's objective as the paper writes it: r_t(theta) and L^CLIP(theta) are functions of theta, not products
    objective = r"L^{CLIP}(\theta) = \min(r_t(\theta) \hat{A}_t, \mathrm{clip}(r_t(\theta), 1 - \epsilon, 1 + \epsilon) \hat{A}_t)"
    verdict = check_formula(objective, "ppo_clipped_objective")
    assert verdict["verdict"] == "UNKNOWN" and "only as the argument of other names" in verdict["detail"], verdict
    # written with the ratio the result names, the same objective is decided both ways
    assert (
        check_formula(
            objective.replace(r"(\theta)", "").replace("L^{CLIP} =", "L^{CLIP}(r) =").replace("r_t", "r"),
            "ppo_clipped_objective",
        )["verdict"]
        == "PASS"
    )
    assert (
        check_formula(
            r"L^{CLIP}(r) = \max(r \hat{A}_t, \mathrm{clip}(r, 1 - \epsilon, 1 + \epsilon) \hat{A}_t)",
            "ppo_clipped_objective",
        )["verdict"]
        == "FAIL"
    )


# --- a sum up to a name over a vector the tag lists runs over its entries: the name is their number ---------


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\frac{1}{n}\sum_{i=1}^{n} x_i = 0.15", "PASS"),  # had FAILed at n = 1, a sum of the first entry alone
        (r"\frac{1}{n}\sum_{i=1}^{n} x_i = 0.25", "FAIL"),
        (r"\prod_{i=1}^{n} x_i = 0.02", "PASS"),
        (r"\prod_{i=1}^{n} x_i = 0.03", "FAIL"),
        (r"\sum_{i=1}^{1} x_i = 0.1", "PASS"),  # a bound written as a number is the author's
    ],
)
def test_a_sum_up_to_a_name_over_a_listed_vector_runs_over_its_entries(tmp_path, formula, expected):
    found, detail = page_verdict(tmp_path, "x = (0.1, 0.2)", formula)
    assert found == expected, detail
    if expected == "FAIL":
        assert "at n=2" in detail, detail


# --- a name the document defines in plain letters is not the same letter in blackboard bold --------------------


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\mathbb{E}[X + Y] = \mathbb{E}[X] + \mathbb{E}[Y]", "PASS"),  # had FAILed, read as (X + Y)^2
        (r"\mathbb{E}[XY] = \mathbb{E}[X] + \mathbb{E}[Y]", "FAIL"),
        (r"E(3) = 9", "PASS"),  # the energy itself is still the document's
        (r"E(3) = 6", "FAIL"),
    ],
)
def test_an_expectation_in_blackboard_bold_is_not_the_documents_own_e(tmp_path, formula, expected):
    [_, (found, detail)] = verdicts(tmp_path, r"E(x) = x^2", formula)
    assert found == expected, detail
    if formula.startswith(r"\mathbb"):
        assert "random variables" in detail, detail


def test_a_variance_defined_by_blackboard_expectations_beside_an_energy_is_not_decided_by_the_energy(tmp_path):
    # Var(X) = E(X^2) - E(X)^2 with the energy E(x) = x^2 is 0 for every X, and Var(2X) = 2 Var(X) had PASSed so
    found = verdicts(
        tmp_path,
        r"E(x) = x^2",
        r"\operatorname{Var}(X) = \mathbb{E}[X^2] - \mathbb{E}[X]^2",
        r"\operatorname{Var}(2X) = 2 \operatorname{Var}(X)",
    )
    assert found[1][0] == "PASS", found[1]
    assert found[2][0] != "PASS", found[2]


# --- an index letter the tag sets to a whole number is that entry -----------------------------------------------


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        ("i = 2; x = (1, 5, 7)", r"x_i = 5", "PASS"),  # had FAILed at i = 1, i read as any index
        ("i = 2; x = (1, 5, 7)", r"x_i = 7", "FAIL"),
        ("x = (1, 5, 7); i = 2", r"x_{i} + i = 7", "PASS"),  # had FAILed with i = 2 outside and 3 in the subscript
        ("x = (1, 5, 7); i = 2", r"x_{i} + i = 9", "FAIL"),
        ("softmax_jacobian; i = 2; j = 1", r"\frac{\partial s_i}{\partial z_j} = -s_i s_j", "PASS"),
        ("softmax_jacobian; i = 2; j = 1", r"\frac{\partial s_i}{\partial z_j} = s_i (1 - s_j)", "FAIL"),
        # set to another letter the tag declares a whole number: that number, also moved by one (had FAILed)
        (r"z \in \mathbb{R}^C; m \in \{1, \ldots, C\}; c = m", r"e^{z_{c}} = e^{z_{m}}", "PASS"),
        (r"z \in \mathbb{R}^C; m \in \{1, \ldots, C\}; c = m", r"e^{z_{c+1}} = e^{z_{m+1}}", "PASS"),
        (r"z \in \mathbb{R}^C; m \in \{1, \ldots, C\}; c = m", r"e^{z_{c+1}} = e^{z_{m}}", "FAIL"),
        (
            r"z \in \mathbb{R}^C; y_{\text{true}} \in \{1, \ldots, C\}; c = y_{\text{true}}",
            r"z_c = z_{y_{\text{true}}}",
            "PASS",
        ),
    ],
)
def test_an_index_letter_the_tag_sets_to_a_whole_number_names_that_entry(tmp_path, tag, formula, expected):
    found, detail = page_verdict(tmp_path, tag, formula)
    assert found == expected, detail


def test_a_sum_over_a_letter_the_tag_sets_still_runs_over_every_entry(tmp_path):
    found, detail = page_verdict(tmp_path, "i = 2; x = (1, 5, 7)", r"\sum_i x_i = 13")
    assert found == "PASS", detail
    found, detail = page_verdict(tmp_path, "i = 2; x = (1, 5, 7)", r"\sum_i x_i = 5")
    assert found == "FAIL", detail


# --- a count the tag declares that bounds a sum over a vector written whole is the vector's length ---------


@pytest.mark.parametrize(
    "formula, expected",
    [
        # had FAILed with m drawn apart from the vectors' length: a sum stopping short of w^T x's last terms
        (r"z = w_1x_1 + ... + w_mx_m + b = \sum_{l=1}^{m} w_l x_l + b = \mathbf{w}^T\mathbf{x} + b", "PASS"),
        (r"\sum_{l=1}^{m} w_l x_l + b = \mathbf{w}^T\mathbf{x} + b", "PASS"),
        (r"\sum_{l=1}^{m} w_l x_l + b = \mathbf{w}^T\mathbf{x} - b", "FAIL"),
        (r"\sum_{l=1}^{m} w_l^2 = \|w\|^2", "PASS"),
        (r"\sum_{l=1}^{m} w_l^2 = 2\|w\|^2", "FAIL"),
    ],
)
def test_a_declared_count_of_a_whole_vectors_entries_is_its_length(tmp_path, formula, expected):
    found, detail = page_verdict(tmp_path, "m: positive integer", formula)
    assert found == expected, detail
    assert "doc_m" not in detail, detail


def test_a_declared_count_summed_to_without_the_whole_vector_is_drawn_apart(tmp_path):
    found, detail = page_verdict(tmp_path, "m: positive integer", r"\sum_{i=1}^{m} x_i = m")
    assert found == "FAIL" and " m=" in detail and "doc_" not in detail, detail


# --- a vector an earlier formula lists is the vector its entries are taken from -----------------------------------


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\sum_i x_i = 6", "PASS"),  # had FAILed, x_i read as the entries of any vector
        (r"\sum_i x_i = 5", "FAIL"),
        (r"\max_i x_i = 3", "PASS"),  # had FAILed so too
        (r"\max_i x_i = 2", "FAIL"),
    ],
)
def test_the_entries_of_a_vector_the_document_defines_by_listing_them(tmp_path, formula, expected):
    [_, (found, detail)] = verdicts(tmp_path, r"\mathbf{x} := (1, 2, 3)", formula)
    assert found == expected, detail


def test_a_number_the_document_defines_gives_its_subscripted_names_no_value(tmp_path):
    [_, (found, detail)] = verdicts(tmp_path, r"x := 3", r"x_1 + x_2 = 6")
    assert found == "SKIPPED", detail


# --- σ of a random variable may be its standard deviation ---------------------------------------------------------


@pytest.mark.parametrize(
    "formula",
    [r"\sigma(aX) = |a| \sigma(X)", r"\sigma(X + c) = \sigma(X)", r"\sigma(2X) = 2\sigma(X)"],
)
def test_sigma_of_a_random_variable_may_be_its_standard_deviation(tmp_path, formula):
    # each had FAILed, σ read as the logistic function of the number X
    found, detail = untagged_verdict(tmp_path, formula)
    assert found == "SKIPPED", detail
    assert "standard deviation, PASS" in detail, detail


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\sigma(2X) = 4\sigma(X)", "FAIL"),  # wrong whichever σ is meant
        (r"\sigma(aX) = a^2 \sigma(X)", "FAIL"),
        (r"\sigma(x) + \sigma(-x) = 1", "PASS"),  # a lower-case x is a number: the logistic function
        (r"\sigma(x) + \sigma(-x) = 2", "FAIL"),
    ],
)
def test_sigma_read_both_ways_decides_where_the_readings_agree(tmp_path, formula, expected):
    found, detail = untagged_verdict(tmp_path, formula)
    assert found == expected, detail


def test_a_sigmoid_identity_of_a_capital_x_is_not_claimed_for_the_standard_deviation(tmp_path):
    found, detail = untagged_verdict(tmp_path, r"\sigma(X) + \sigma(-X) = 1")
    assert found == "SKIPPED" and "logistic function, PASS" in detail, detail


def test_a_tag_that_says_what_sigma_is_keeps_its_reading(tmp_path):
    found, detail = page_verdict(tmp_path, r"\sigma(t) = \frac{1}{1 + e^{-t}}", r"\sigma(X) + \sigma(-X) = 1")
    assert found == "PASS", detail


def test_a_tag_that_makes_x_a_number_keeps_sigma_the_logistic_function(tmp_path):
    found, detail = page_verdict(tmp_path, "X: real", r"\sigma(X) + \sigma(-X) = 1")
    assert found == "PASS", detail
    found, detail = page_verdict(tmp_path, "X: real", r"\sigma(X) + \sigma(-X) = 2")
    assert found == "FAIL", detail


# --- the letters of a law's parameters beside a law the tag gives with numbers -----------------------------------


@pytest.mark.parametrize(
    "tag, formula",
    [
        (r"X \sim \text{Bin}(10, 0.3)", r"\operatorname{Var}(X) = np(1-p)"),  # had FAILed, p the shared law at n = 1
        (r"X \sim \text{Ber}(0.3)", r"\operatorname{Var}(X) = p(1-p)"),
    ],
)
def test_a_parameter_letter_beside_a_law_given_with_numbers_may_be_that_number(tmp_path, tag, formula):
    found, detail = page_verdict(tmp_path, tag, formula)
    assert found == "UNKNOWN", detail
    assert "PASS" in detail and "p = 0.3" in detail, detail


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (r"X \sim \text{Bin}(10, 0.3)", r"\operatorname{Var}(X) = np", "FAIL"),  # wrong read either way
        (r"X \sim \text{Ber}(0.3)", r"\operatorname{Var}(X) = p", "FAIL"),
        (r"X \sim \text{Bin}(n, p); n = 10; p = 0.3", r"\operatorname{Var}(X) = np(1-p)", "PASS"),  # said in the tag
        (r"X \sim \text{Bin}(n, p); n = 10; p = 0.3", r"\operatorname{Var}(X) = np", "FAIL"),
    ],
)
def test_a_law_given_with_numbers_decides_where_both_readings_of_its_letters_agree(tmp_path, tag, formula, expected):
    found, detail = page_verdict(tmp_path, tag, formula)
    assert found == expected, detail


# --- a value the tag writes in E notation is the number it stands for --------------------------------------------


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        ("N = 1e9", r"\log_{10} N = 9", "PASS"),  # had FAILed, 1e9 read as 1 times Euler's e times 9
        ("N = 1e9", r"\log_{10} N = 8", "FAIL"),
        (r"\eta = 3e-4", r"\eta \cdot 10^4 = 3", "PASS"),
        (r"\eta = 3e-4", r"\eta \cdot 10^4 = 4", "FAIL"),
    ],
)
def test_a_tag_value_in_e_notation_is_that_number(tmp_path, tag, formula, expected):
    found, detail = page_verdict(tmp_path, tag, formula)
    assert found == expected, detail


# --- a condition set in parentheses after the formula ----------------------------------------------------------------


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\sum_{i=1}^{n} (2i - 1) = n^2 \quad (n \ge 1)", "PASS"),
        (r"\sum_{i=1}^{n} (2i - 1) = n^2 + n \quad (n \ge 1)", "FAIL"),
        (r"x^2 \ge x \quad (x \ge 1)", "PASS"),  # holds only where the condition does
        (r"x^2 \ge x \quad (x \ge 0)", "FAIL"),
        (r"\sqrt{x^2} = x, \quad (\text{for } x > 0)", "PASS"),
        (r"\sqrt{x^2} = -x, \quad (\text{for } x > 0)", "FAIL"),
    ],
)
def test_a_condition_in_parentheses_after_the_formula_is_read_as_written_without_them(tmp_path, formula, expected):
    # the parentheses had hidden the comparison: '(nge1)' was no comparison the checker could read, and it SKIPPED
    found, detail = untagged_verdict(tmp_path, formula)
    assert found == expected, detail


@pytest.mark.parametrize("formula", [r"x^2 - 1 = (x - 1)(x + 1) \qquad (3)", r"(a + b)^2 = a^2 + 2ab + b^2 \quad (b)"])
def test_a_number_or_word_in_parentheses_after_the_formula_is_no_condition(tmp_path, formula):
    found, detail = untagged_verdict(tmp_path, formula)
    assert found == "PASS", detail
