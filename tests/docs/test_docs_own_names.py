"""Names a formula with no result owns: the shared notation's x, y, z, g as numbers unless the formula uses them as
vectors, a subscripted name beside a number, a quantity labelled by a capital, a tag's function with a subscript, a
vector at a value the formula uses (z_{\\phi_t}), a letter with two indices beside the tag's one-index name (y_{ij}
beside y_i), functions of an order (Bessel's K_nu), a condition written after a tag's definition and integrals
without bounds. Each reading on a correct formula (PASS) and a wrong variant (FAIL) by the same machinery, and each
refusal with its reason."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.shared_vectors import used_as_vector

BESSEL_K = r"K_\nu is the modified Bessel function of the second kind"

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "y_{ij} beside the tag's y_i is a family of its own, not the shared vector y with two indices",
        r"r_{ij} = \frac{y_{ij}}{y_i}; y_i > 0",
        r"\sum_{i=1}^n y_i \sum_{j=1}^n r_{ij} = \sum_{i=1}^n \sum_{j=1}^n y_{ij}",
        r"\sum_{i=1}^n \sum_{j=1}^n r_{ij} = \sum_{i=1}^n \sum_{j=1}^n y_{ij}",
    ),
    (
        "z at a value the formula uses, z_{phi_t} beside cos phi_t, is a name of its own, never an entry of z",
        "",
        r"\cos\phi_s\cos\phi_t \mathbf{z}_{\phi_t} + \sin\phi_s\sin\phi_t \mathbf{z}_{\phi_t} = \cos(\phi_s - \phi_t)"
        r" \mathbf{z}_{\phi_t}",
        r"\cos\phi_s\cos\phi_t \mathbf{z}_{\phi_t} + \sin\phi_s\sin\phi_t \mathbf{z}_{\phi_t} = \cos(\phi_s + \phi_t)"
        r" \mathbf{z}_{\phi_t}",
    ),
    (
        "an empty tag: x under d/dx is the formula's own number",
        "",
        r"\frac{d}{dx} x^2 = 2x",
        r"\frac{d}{dx} x^2 = x",
    ),
    (
        "a tag of pins only: x in a power and a logistic is a number",
        r"c: real",
        r"\sigma(x + c) + \sigma(-x - c) = 1",
        r"\sigma(x + c) + \sigma(-x - c) = \sigma(x)",
    ),
    (
        "x stays a vector where a softmax takes it, with a temperature",
        r"\tau > 0",
        r"\operatorname{softmax}(x/\tau)_i = \frac{e^{x_i/\tau}}{\sum_j e^{x_j/\tau}}",
        r"\operatorname{softmax}(x/\tau)_i = \frac{e^{x_i}}{\sum_j e^{x_j/\tau}}",
    ),
    (
        "x stays a vector where the formula takes its norm and transposes it",
        "",
        r"\|x\|^2 = x^\top x",
        r"\|x\|^2 = 2 x^\top x",
    ),
    (
        "x_0 beside the number x is a name of its own (a location)",
        r"\gamma > 0",
        r"\frac{d}{dx} \arctan\left(\frac{x - x_0}{\gamma}\right) = \frac{\gamma}{\gamma^2 + (x - x_0)^2}",
        r"\frac{d}{dx} \arctan\left(\frac{x - x_0}{\gamma}\right) = \frac{1}{\gamma^2 + (x - x_0)^2}",
    ),
    (
        "a subscripted name beside a declared number is a name of its own",
        r"\beta: real",
        r"(\beta + \beta_1)^2 = \beta^2 + 2 \beta \beta_1 + \beta_1^2",
        r"(\beta + \beta_1)^2 = \beta^2 + \beta \beta_1 + \beta_1^2",
    ),
    (
        "a function of the tag written with a subscript applies to a bracket that starts with a function",
        r"f_X(u) = e^{-u}; y > 0",
        r"f_X(\log y) = \frac{1}{y}",
        r"f_X(\log y) = y",
    ),
    (
        "a density labelled by a capital at the head of a chain is defined by the first link (a change of variables)",
        r"f_X(u) = e^{-u}; y > 0",
        r"f_Y(y) = f_X(\sqrt{y}) \frac{1}{2\sqrt{y}} = \frac{e^{-\sqrt{y}}}{2\sqrt{y}}",
        r"f_Y(y) = f_X(\sqrt{y}) \frac{1}{2\sqrt{y}} = \frac{e^{-\sqrt{y}}}{\sqrt{y}}",
    ),
    (
        "the modified Bessel function of the second kind at the order the tag pins: K_{1/2} in closed form",
        rf"x > 0; \nu = 1/2; {BESSEL_K}",
        r"K_\nu(x) = \sqrt{\frac{\pi}{2x}} e^{-x}",
        r"K_\nu(x) = \sqrt{\frac{\pi}{x}} e^{-x}",
    ),
    (
        "the Bessel function of the first kind: J_{1/2} in closed form",
        r"x > 0; J_\nu is the Bessel function of the first kind; \nu = 1/2",
        r"J_\nu(x) = \sqrt{\frac{2}{\pi x}} \sin x",
        r"J_\nu(x) = \sqrt{\frac{2}{\pi x}} \cos x",
    ),
    (
        "a condition written after a recursion of the tag (for t \\geq 1)",
        r"s_0 = 0; s_t = s_{t-1} + t for t \geq 1; t: positive integer",
        r"s_t = \frac{t(t+1)}{2}",
        r"s_t = \frac{t(t-1)}{2}",
    ),
    (
        "a condition written after a function of the tag, in text type",
        r"f(u) = \log u \text{ if } u > 0",
        r"f(e^{a}) = a",
        r"f(e^{a}) = 2a",
    ),
    (
        "an antiderivative with its constant of integration: equal up to a constant, decided by differentiating",
        "",
        r"\int x e^{x^2} \, dx = \frac{1}{2} e^{x^2} + C",
        r"\int x e^{x^2} \, dx = e^{x^2} + C",
    ),
    (
        "integrals without bounds on both sides: differentiated, a refutation standing over the whole line too",
        "",
        r"\int e^{-x^2} (1 + x)^2 \, dx = \int e^{-x^2} (1 + 2x + x^2) \, dx",
        r"\int e^{-x^2} (1 + x)^2 \, dx = \int e^{-x^2} (1 + 2x) \, dx",
    ),
    (
        "a range narrows a whole-number kind to the integers in it",
        r"k: positive integer; k \ge 2",
        r"\binom{k}{2} \ge 1",
        r"\binom{k}{2} < 1",
    ),
    (
        "a parameter in the body of the tag's function is claimed for all its values (a location mu)",
        r"F(x) = \exp(-\exp(-(x - \mu)/\beta)); \beta > 0; 0 < q < 1",
        r"F(\mu - \beta \ln(-\ln q)) = q",
        r"F(\mu + \beta \ln(-\ln q)) = q",
    ),
    (
        "a subscripted parameter of the tag's function (x_0) is the notation's, not an unknown to solve for",
        r"F(x) = \frac{1}{\pi}\arctan\left(\frac{x - x_0}{\gamma}\right) + \frac{1}{2}; \gamma > 0; 0 < q < 1",
        r"F(x_0 + \gamma \tan(\pi (q - 1/2))) = q",
        r"F(x_0 + \gamma \tan(\pi q)) = q",
    ),
    (
        "a name the tag bounds between two constants is claimed for all values in the range",
        r"-\pi \le \theta \le \pi; -2 \le u \le 2",
        r"-(\theta^2 + u^2) \ge -(\pi^2 + 4)",
        r"-(\theta^2 + u^2) \le -(\pi^2 + 4)",
    ),
    (
        "a vector the tag declares, at an index with an offset: points past its last entry are set aside",
        r"\gamma: probability; \lambda: probability; \delta: vector",
        r"\delta_t + \gamma \lambda \left(\delta_{t+1} + \gamma \lambda \delta_{t+2}\right) = \sum_{l=0}^{2} (\gamma \lambda)^l \delta_{t+l}",
        r"\delta_t + \gamma \lambda \left(\delta_{t+1} + \gamma \lambda \delta_{t+2}\right) = \sum_{l=0}^{2} \gamma^l \lambda^{l+1} \delta_{t+l}",
    ),
    (
        "the letters of a matrix the tag writes out, d among them, are the formula's numbers (not a differential d)",
        r"\mathbf{A} = \begin{bmatrix} a & b \\ c & d \end{bmatrix}; ad - bc \neq 0",
        r"\mathbf{A}^{-1} = \frac{1}{ad-bc} \begin{bmatrix} d & -b \\ -c & a \end{bmatrix}",
        r"\mathbf{A}^{-1} = \frac{1}{ad-bc} \begin{bmatrix} d & b \\ c & a \end{bmatrix}",
    ),
    (
        "a condition that a vector is not the zero vector (g \\neq 0), as gradient clipping is stated",
        r"\theta > 0; \mathbf{g} \in \mathbb{R}^d; \mathbf{g} \neq 0",
        r"\left\|\min\left(1, \frac{\theta}{\|\mathbf{g}\|}\right) \mathbf{g}\right\| = \min(\|\mathbf{g}\|, \theta)",
        r"\left\|\min\left(1, \frac{\theta}{\|\mathbf{g}\|}\right) \mathbf{g}\right\| = \theta",
    ),
    (
        "w_j: vector declares a family: w_{y_i} is another member of it, a vector of its own",
        r"w_j: vector; x: vector",
        r"w_{y_i}^T x - w_j^T x = x^T (w_{y_i} - w_j)",
        r"w_{y_i}^T x - w_j^T x = x^T (w_j - w_{y_i})",
    ),
    (
        "a product of names the tag sets equal to an expression defines its one factor no clause declares",
        r"\tau T = 6PD; \tau > 0; P > 0; D > 0",
        r"T = \frac{6PD}{\tau}",
        r"T = \frac{\tau}{6PD}",
    ),
    (
        "a chain whose first link defines a name claims its later links for all values of the formula's own names",
        r"C = e^{C'}",
        r"y = e^{bt + C'} = C e^{bt}",
        r"y = e^{bt + C'} = C e^{-bt}",
    ),
    (
        "a limit in a name labelled by a subscript (N_{\\setminus E}) binds that name, not its letter",
        r"N = N_{\setminus E} + c N_{\setminus E}^{1/2}; N_{\setminus E} > 0; c > 0",
        r"\lim_{N_{\setminus E} \to \infty} \frac{N}{N_{\setminus E}} = 1",
        r"\lim_{N_{\setminus E} \to \infty} \frac{N}{N_{\setminus E}} = 1 + c",
    ),
    (
        "a thin space written \\; in the tag's first clause is a space, not the end of a result's name",
        r"N = 12\;n_\text{layer} d^2",
        r"2 n_\text{layer} (12 d^2 + c) = 2N + 2 n_\text{layer} c",
        r"2 n_\text{layer} (12 d^2 + c) = N + 2 n_\text{layer} c",
    ),
    (
        "a cost defined by its first link, then simplified with the tag's sizes",
        r"d_\text{ff} = 4 d_\text{model}",
        r"C = n_\text{layer} (2 d_\text{model} d_\text{ff} + d_\text{model}^2) = 9 n_\text{layer} d_\text{model}^2",
        r"C = n_\text{layer} (2 d_\text{model} d_\text{ff} + d_\text{model}^2) = 8 n_\text{layer} d_\text{model}^2",
    ),
    (
        "a primed name, the second argument of a kernel the tag defines, is the formula's own variable as x is",
        r"k(x, x') = \exp(-(x' - x)^2)",
        r"k(x, x') = \exp(-(x - x')^2)",
        r"k(x, x') = \exp(-(x - x')^2 / 2)",
    ),
    (
        "y right after a transposed x (x^\\top y) is a vector, the right operand of an inner product",
        r"c: real",
        r"x^\top y \le \sqrt{x^\top x} \sqrt{y^\top y}",
        r"x^\top x \ge x^\top y",
    ),
    (
        "D, which names a divergence when applied, written only as a factor of an equality, is a number as B is",
        r"c: real",
        r"T = \frac{2BD}{2X} + \frac{4BF}{YZ} + \frac{2BD}{2X} = \frac{2BD}{X} + \frac{4BF}{YZ}",
        r"T = \frac{2BD}{2X} + \frac{4BF}{YZ} + \frac{2BD}{2X} = \frac{4BD}{X} + \frac{4BF}{YZ}",
    ),
    (
        "a square at the head of a chain, of a name labelled by a name of its own, defines it: the claim is the rest",
        r"D_h: positive integer",
        r"\sigma^{2}_{f^{\prime}_{i}} = \sigma_\Omega^2 \sum_{j=1}^{D_h} \frac{\sigma_{f}^2}{2}"
        r" = \frac{1}{2}D_{h} \sigma_\Omega^2 \sigma_{f}^2",
        r"\sigma^{2}_{f^{\prime}_{i}} = \sigma_\Omega^2 \sum_{j=1}^{D_h} \frac{\sigma_{f}^2}{2}"
        r" = D_{h} \sigma_\Omega^2 \sigma_{f}^2",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_correct_formula_passes_and_its_wrong_variant_fails(name, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.parametrize(
    "text, name, expected",
    [
        (r"x_i + x_{12}", "x", True),
        (r"x_0 + x", "x", False),
        (r"x^\top y", "x", True),
        (r"x^{\mathsf{T}} y", "y", True),
        (r"W^\top \, \mathbf{y}", "y", True),
        (r"y \, x^{\mathsf{T}} x", "y", False),
        (r"\lVert y \rVert", "y", True),
        (r"\operatorname{softmax}\left(z / \tau\right)", "z", True),
        (r"\mathbf{g} \cdot h", "g", True),
        (r"\sigma(x) e^{x}", "x", False),
    ],
)
def test_what_uses_a_name_as_a_vector(text, name, expected):
    assert used_as_vector(name, text) is expected


def test_the_softmax_of_a_number_the_tag_declares_stays_refused(tmp_path):
    result, detail = verdict(tmp_path, r"x: real", r"\operatorname{softmax}(x) = 1")
    assert result == "UNKNOWN" and "the softmax of a number" in detail, detail


def test_a_quantity_labelled_by_a_capital_is_not_an_entry_of_the_shared_distribution(tmp_path):
    """p_X(x), the density of X, is no entry of the shared notation's p: with nothing defining it, UNKNOWN, never a
    comparison of p's entries."""
    result, detail = verdict(tmp_path, r"x > 0", r"p_X(x) = 2")
    assert result == "UNKNOWN" and "p_X" in detail and "labels it" in detail, detail


def test_a_bessel_function_needs_its_order_as_a_subscript(tmp_path):
    """K written without an order is not read as a Bessel function."""
    result, detail = verdict(tmp_path, r"x > 0; K is the modified Bessel function of the second kind", r"K(x) > 0")
    assert result == "UNKNOWN", detail


def test_a_range_that_leaves_a_whole_number_no_values_is_refused_with_the_reason(tmp_path):
    result, detail = verdict(tmp_path, r"k: positive integer; k < 1", r"k + 1 > k")
    assert result == "UNKNOWN" and "no whole-number values" in detail, detail


def test_integrals_without_bounds_whose_rates_differ_but_agree_over_the_whole_line_are_unknown(tmp_path):
    """The odd term 2x e^{-x^2} integrates to 0 over the line: as antiderivatives the sides differ, over the whole
    line they agree, and the formula does not say which it means."""
    result, detail = verdict(tmp_path, "", r"\int e^{-x^2} (1 + x)^2 \, dx = \int e^{-x^2} (1 + x^2) \, dx")
    assert result == "UNKNOWN" and "over the whole line: PASS" in detail, detail


def test_an_integral_without_bounds_beside_a_number_is_not_read(tmp_path):
    r"""\int p(x) dx = 1 is a normalisation over the support, not an antiderivative: no reading is chosen."""
    result, detail = verdict(tmp_path, "", r"\int e^{-x^2} \, dx = \sqrt{\pi}")
    assert result == "UNKNOWN" and "write the bounds, or + C" in detail, detail


def test_a_subscript_a_sum_runs_over_beside_a_number_is_not_made_a_name_of_its_own(tmp_path):
    """Under Σ_i, β_i beside the number β would be one number for every i: refused, not read so."""
    result, detail = verdict(tmp_path, r"\beta: real; n: positive integer", r"\sum_{i=1}^{n} \beta_i = n \beta_1")
    assert result == "UNKNOWN" and "beta" in detail, detail


def test_a_labelled_function_the_chain_uses_again_is_not_set_aside_as_a_definition(tmp_path):
    result, detail = verdict(tmp_path, "", r"p_X(x) = p_X(x) \cdot 1 = 2")
    assert result == "UNKNOWN" and "p_X" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"y = 2u + 2 = 6",  # u = 2: the later link sets the expression to a value
        r"y = e^{bt}",  # a definition alone claims nothing
        r"y = e^{bt} = y + 1",  # y used again: the first link is no definition
        r"\sigma^2_{f_i} = \sigma^2_{f_i} + 1 = 2",
    ],
)
def test_a_chain_whose_first_link_defines_a_name_may_still_be_an_equation(formula, tmp_path):
    result, detail = verdict(tmp_path, r"c: real", formula)
    assert result == "UNKNOWN", detail


def test_a_square_at_the_head_of_a_chain_that_uses_its_name_again_is_kept_as_a_claim(tmp_path):
    """y^2 = 2y = y + y: y is written after the head, so its first link is a claim about y, refuted, not set aside."""
    result, detail = verdict(tmp_path, r"c: real", r"y^2 = 2y = y + y")
    assert result == "FAIL" and "link 1 fails" in detail, detail


def test_an_inequality_whose_reverse_holds_for_every_value_of_its_own_names_fails(tmp_path):
    """e^{2 \\sin^2(\\pi (a - b) / p) / \\ell^2} \\le 1 holds only where the sine is 0: refuted, as a condition on a
    and b too; the reverse PASSes, and a^2 + b \\le 2a, a region in a and b, stays open."""
    periodic = r"\exp \left( \frac{2 \sin^2 ( \pi (a - b) / p ) }{ \ell^2 } \right)"
    result, detail = verdict(tmp_path, r"p > 0; \ell > 0", periodic + r" \le 1")
    assert result == "FAIL" and "the reverse inequality holds for every value" in detail, detail
    assert verdict(tmp_path, r"p > 0; \ell > 0", periodic + r" \ge 1")[0] == "PASS"
    result, detail = verdict(tmp_path, r"p > 0", r"a^2 + b \le 2a")
    assert result == "UNKNOWN" and "may be an equation" in detail, detail


def test_a_condition_on_a_bare_operation_letter_stays_undecided(tmp_path):
    """2BDF / 9.2e14 > 2 (BD + DF + BF) / 1.5e10 says when something holds: D is not made a number there."""
    result, detail = verdict(tmp_path, r"c: real", r"2BDF / 9.2e14 > 2 \cdot (BD + DF + BF) / 1.5e10")
    assert result == "UNKNOWN" and "'B' is not bound" in detail, detail


def test_a_limit_in_an_expression_is_not_read(tmp_path):
    result, detail = verdict(tmp_path, r"c > 0", r"\lim_{x_0 + c \to 0} x_0 = -c")
    assert result == "UNKNOWN" and "which is not one variable" in detail, detail


def test_a_name_the_tag_does_not_write_may_still_be_an_equation(tmp_path):
    """Only the names the tag writes are claimed for all values: c here is the formula's own, perhaps solved for."""
    result, detail = verdict(tmp_path, r"F(x) = \exp(-(x - \mu)); 0 < q < 1", r"F(\mu + c) = q")
    assert result == "UNKNOWN" and "may be an equation" in detail, detail


def test_values_chosen_for_a_parameter_the_result_leaves_free_are_not_decided(tmp_path):
    """RoPE's frequencies θ_i = 10000^{-2(i-1)/d} define what rope_relative_position holds for any θ: no claim."""
    result, detail = verdict(
        tmp_path, "rope_relative_position; i: index; d: dimension", r"\theta_i = 10000^{-\frac{2(i-1)}{d}}"
    )
    assert result == "UNKNOWN" and "leaves free" in detail, detail
    # a quantity the result computes from its parameters is still a claim: s = softmax(z) is no free value
    result, detail = verdict(tmp_path, "softmax_jacobian", r"s_i = \frac{1}{n}")
    assert result == "FAIL", detail


def test_a_family_the_tag_sums_over_is_not_read_as_separate_vectors(tmp_path):
    """L_i = Σ_{j ≠ y_i} max(0, w_j^T x_i - w_{y_i}^T x_i + Δ) sums over the family w_j: one vector w_j cannot stand
    for its terms, so its gradient is not decided."""
    tag = (
        r"L_i = \sum_{j\neq y_i} \max(0, w_j^Tx_i - w_{y_i}^Tx_i + \Delta); w_j: vector; x_i: vector; \Delta: positive"
    )
    result, detail = verdict(tmp_path, tag, r"\nabla_{w_j} L_i = \mathbb{1}(w_j^Tx_i - w_{y_i}^Tx_i + \Delta > 0) x_i")
    assert result == "UNKNOWN", detail


def test_a_name_with_an_accent_defined_by_a_recursion_is_one_name_not_a_product():
    from derive.docs.tags import parse_tag

    binding = parse_tag(r"\alpha_t = 1 - \beta_t; \bar\alpha_t = \alpha_t \bar\alpha_{t-1}")
    assert r"\bar\alpha_t" in binding.overrides, binding.overrides


@pytest.mark.parametrize("tag", [r"a: real; b: real; ab = 1", r"\tau T = 6PD"])
def test_a_product_of_names_is_defined_only_with_one_factor_left_undeclared(tmp_path, tag):
    """ab = 1 with a and b both declared (or neither) names no one factor to solve for: refused, never read as a = 1."""
    result, detail = verdict(tmp_path, tag, r"a = 1")
    assert result == "UNKNOWN" and "product of names" in detail, (result, detail)


def test_a_family_written_at_a_summed_letter_is_not_read_as_one_name(tmp_path):
    """b_t \\in R declares the sequence b; b_i inside Σ_i is each of its terms, never one number b_i: the correct
    unrolled recursion PASSes (its wrong variant, tests/docs/test_docs_tag_variables.py)."""
    tag = r"a_0 = 0; a_t = b_t + c_t a_{t-1} \text{ for } t \geq 1; b_t, c_t \in \mathbb{R}; t: positive integer"
    result, detail = verdict(tmp_path, tag, r"a_{t}=b_{t}+\sum_{i=1}^{t-1}\left(\prod_{j=i+1}^{t}c_{j}\right)b_{i}")
    assert result == "PASS", detail


def test_a_vector_under_two_subscripts_stays_a_vector_when_one_of_them_is_a_number(tmp_path):
    """z_{a_t} beside z_{a_s}: z is written as one family, so neither is set aside as a name of its own; its entries at
    the values a_s and a_t are not read under a tag (UNKNOWN with the reason). Under an empty tag the formula is read
    on its own, as untagged, where it is an identity in the four names."""
    formula = r"a_s a_t \mathbf{z}_{a_t} + \mathbf{z}_{a_s} = a_t a_s \mathbf{z}_{a_t} + \mathbf{z}_{a_s}"
    result, detail = verdict(tmp_path, "c > 0", formula)
    assert result == "UNKNOWN" and "neither summed over nor" in detail, detail
    result, detail = verdict(tmp_path, "", formula)
    assert result == "PASS" and "read on its own" in detail, detail


def test_a_name_whose_index_is_indexed_is_declared_whole(tmp_path):
    """s_{a_m} \\in \\mathbb{R}: the score of the m-th match's first player, a real, no family of s at one letter (whose
    head s_{a would not close): the formula is read."""
    tag = r"\sigma(x) = \frac{1}{1 + e^{-x}}; s_{a_m}, s_{b_m} \in \mathbb{R}"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\sigma(s_{a_m} - s_{b_m}) = 1 - \sigma(s_{b_m} - s_{a_m})",
        r"\sigma(s_{a_m} - s_{b_m}) = \sigma(s_{b_m} - s_{a_m})",
    )


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"x_{new} = x - \alpha f'(x) = 3.888 - 0.001 \cdot 99.0436 = 3.79", "PASS"),
        (r"x_{new} = x - \alpha f'(x) = 3.888 - 0.001 \cdot 99.0436 = 3.69", "FAIL"),
        (r"x_{0} = x - 1 = 2.888", "PASS"),
        (r"x_{0} = x + 1 = 2.888", "FAIL"),
    ],
)
def test_a_subscript_on_a_number_the_tag_sets_labels_a_name_of_its_own(tmp_path, formula, expected):
    """x_{new} beside the tag's x = 3.888 is a name of its own, as x_0 beside a declared number x is: at the head of a
    chain it names the value the chain computes, which is then checked; it had been read as an entry of x."""
    tag = r"f(x) = x^4 - 3x^3 + 2; x = 3.888; \alpha = 0.001"
    found = verdict(tmp_path, tag, formula)
    assert found[0] == expected, found


def test_a_name_of_its_own_beside_a_number_the_tag_sets_is_unbound_alone(tmp_path):
    found = verdict(tmp_path, "x = 3", "x_{0} = 2")
    assert found[0] == "UNKNOWN" and "x_0 is a name of its own" in found[1], found
