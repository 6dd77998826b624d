"""Notation read as values: ±∞ in arithmetic, a primed or decorated summation index, a list with dots inside
diag(...), ∇f(w) without a subscript, the Hessian ∇²_w f, a label before a colon and a remark after an arrow, D(P \\|\\| Q).

Each form is read on a correct formula (PASS) and on a wrong variant (FAIL) by the same machinery; a form whose
value is not determined (∞ − ∞, 0 · ∞) is UNKNOWN with the reason."""

import pytest
from checking import assert_page_pass_and_fail, verdict

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
        "a gradient without a subscript, of a function of one vector",
        r"f(w) = \tfrac{1}{2}w^TAw - b^Tw; A: symmetric matrix; w, b \in \mathbf{R}^n",
        r"\nabla f(w)=Aw - b",
        r"\nabla f(w)=\tfrac{1}{2}Aw - b",
    ),
    (
        "a gradient without a subscript, of a function of one number",
        r"f(x) = x^3",
        r"\nabla f(x) = 3x^2",
        r"\nabla f(x) = 3x",
    ),
    (
        "a gradient without a subscript, of a bracket and of a native function, in a formula that writes f(x)",
        r"f(x) = x^2 \sin(x)",
        r"\nabla f(x) = \sin(x) \nabla (x^2) + x^2 \nabla \sin(x)",
        r"\nabla f(x) = \sin(x) \nabla (x^2)",
    ),
    (
        "a Hessian of a function of one number, the power after the subscript",
        r"f(x) = x^3",
        r"\nabla_x^2 f(x) = 6x",
        r"\nabla_x^2 f(x) = 3x^2",
    ),
    (
        "a Hessian of a quadratic form in a vector, whose matrix is not symmetric",
        r"f(w) = \tfrac{1}{2}w^TAw; A: matrix; w \in \mathbb{R}^n",
        r"\nabla^2_w f(w) = \frac{1}{2}(A + A^\top)",
        r"\nabla^2_w f(w) = A",
    ),
    (
        "a gradient without a subscript, of one of a family of functions of one number",
        r"f_i(w) = c_i w^2; c: vector",
        r"\frac{1}{n}\sum_{i=1}^n \nabla f_i(w) = \frac{2}{n}\sum_{i=1}^n c_i w",
        r"\frac{1}{n}\sum_{i=1}^n \nabla f_i(w) = \frac{1}{n}\sum_{i=1}^n c_i w",
    ),
    (
        "a list written in a row and transposed is a column vector, which a written matrix multiplies",
        r"\mathbf{A} = \begin{bmatrix} 2 & 0 \\ 0 & -1 \end{bmatrix}; \mathbf{v} = [x, y]^\top; x, y \in \mathbb{R}",
        r"\mathbf{A}\mathbf{v} = [2x, -y]^\top",
        r"\mathbf{A}\mathbf{v} = [2x, y]^\top",
    ),
    (
        "a label before a colon and a remark after an arrow",
        r"\pi_{\theta}(o_i|q) = 0.9; \pi_{\theta_{old}}(o_i|q) = 0.5",
        r"\text{Ratio}: \frac{\pi_{\theta}(o_i|q)}{\pi_{\theta_{old}}(o_i|q)} = \frac{0.9}{0.5} = 1.8 \rightarrow \text{clipped}",
        r"\text{Ratio}: \frac{\pi_{\theta}(o_i|q)}{\pi_{\theta_{old}}(o_i|q)} = \frac{0.9}{0.5} = 1.6 \rightarrow \text{clipped}",
    ),
    (
        "a label of several words",
        r"TN: positive; FN: positive",
        r"\text{Negative Predictive Value}: \frac{TN}{TN + FN} = 1 - \frac{FN}{TN + FN}",
        r"\text{Negative Predictive Value}: \frac{TN}{TN + FN} = 1 - \frac{TN}{TN + FN}",
    ),
    (
        "a divergence written with a doubled bar",
        r"P: distribution; Q: distribution",
        r"D_{KL}(P \|\| Q) = \sum_{x \in X} P(x) \log \frac{P(x)}{Q(x)}",
        r"D_{KL}(P \|\| Q) = \sum_{x \in X} P(x) \log \frac{Q(x)}{P(x)}",
    ),
    (
        "a value named in words at the head of a chain",
        r"\lambda_i > 0; \eta > 0",
        r"\text{Tikhonov Regularized } \lambda_i = \frac{1}{\lambda_{i}+\eta}=\frac{1}{\lambda_{i}}\left(1-\left(1+\lambda_{i}/\eta\right)^{-1}\right)",
        r"\text{Tikhonov Regularized } \lambda_i = \frac{1}{\lambda_{i}+\eta}=\frac{1}{\lambda_{i}}\left(1-\left(1+\eta/\lambda_{i}\right)^{-1}\right)",
    ),
    (
        "a bare power of ten after approx, written to one digit",
        None,
        r"250 \times 10^{6} \times 1024 \times 4 \approx 10^{12}",
        r"250 \times 10^{6} \times 1024 \times 4 \approx 10^{11}",
    ),
    ("a power of ten is still exact after an equals sign", None, r"10^{2} \cdot 10^{3} = 10^{5}", r"2^{40} = 10^{12}"),
    (
        "an integral over the whole line whose integrand has a kink",
        r"\mu: real; \sigma > 0",
        r"\int_{-\infty}^{\infty} \exp(-|x - \mu| / \sigma) \, dx = 2 \sigma",
        r"\int_{-\infty}^{\infty} \exp(-|x - \mu| / \sigma) \, dx = \sigma",
    ),
    (
        "two claims after an implication, set apart by a comma and a wide space",
        None,
        r"f(q,z) = q z \hspace{0.5in} \implies \hspace{0.5in} \frac{\partial f(q,z)}{\partial q} = z, \hspace{1in} \frac{\partial f(q,z)}{\partial z} = q",
        r"f(q,z) = q z \hspace{0.5in} \implies \hspace{0.5in} \frac{\partial f(q,z)}{\partial q} = z, \hspace{1in} \frac{\partial f(q,z)}{\partial z} = z",
    ),
    ("two claims side by side", None, r"2 + 2 = 4, \quad 3 \cdot 3 = 9", r"2 + 2 = 4, \quad 3 \cdot 3 = 8"),
    (
        "an evaluation bar after the power of an absolute value",
        r"x > 0",
        r"\left\vert \frac{d e^z}{dz} \right\vert^{-1}_{z = \log x} = 1/x",
        r"\left\vert \frac{d e^z}{dz} \right\vert^{-1}_{z = \log x} = x",
    ),
    (
        "a power of millions of digits after approx",
        None,
        r"256^{700 \times 1400 \times 3} \approx 3 \times 10^{7080225}",
        r"256^{700 \times 1400 \times 3} \approx 10^{800000}",
    ),
    (
        "the mean of a Gumbel density, whose tail is an exponential of an exponential",
        None,
        r"\int_{-\infty}^{\infty} x \exp(-(x - 1) / 11 - \exp(-(x - 1) / 11)) / 11 \, dx = 7.35",
        r"\int_{-\infty}^{\infty} x \exp(-(x - 1) / 11 - \exp(-(x - 1) / 11)) / 11 \, dx = 1",
    ),
    (
        "the mean of a logistic density, a ratio of exponentials that both overflow far out in a tail",
        None,
        r"\int_{-\infty}^{\infty} x \frac{\exp(-(x - 1) / 11)}{11 (1 + \exp(-(x - 1) / 11))^2} \, dx = 1",
        r"\int_{-\infty}^{\infty} x \frac{\exp(-(x - 1) / 11)}{11 (1 + \exp(-(x - 1) / 11))^2} \, dx = 11",
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
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.parametrize("form", [r"\infty - \infty = 0", r"0 \cdot \infty = 0", r"\frac{\infty}{\infty} = 1"])
def test_an_undetermined_form_with_infinity_is_unknown_with_the_reason(tmp_path, form):
    found, detail = verdict(tmp_path, "", form)
    assert found == "UNKNOWN", (found, detail)
    assert "undetermined form" in detail


def test_a_side_left_infinite_is_not_decided(tmp_path):
    found, detail = verdict(tmp_path, "x: real", r"x \cdot \infty - \infty = 0")
    assert found == "UNKNOWN", (found, detail)


def test_a_remark_that_states_a_value_in_words_keeps_a_holding_chain_unknown(tmp_path):
    """The chain before the arrow is checked (a wrong chain FAILs); the value the remark states is not read."""
    holds = verdict(tmp_path, "", r"\text{Ratio}: \frac{0.7}{0.5} = 1.4 \to \text{capped at}\space 1.2")
    assert holds[0] == "UNKNOWN" and "remark after the arrow (capped at 1.2) is not checked" in holds[1], holds
    wrong = verdict(tmp_path, "", r"\text{Ratio}: \frac{0.7}{0.5} = 1.5 \to \text{capped at}\space 1.2")
    assert wrong[0] == "FAIL", wrong


@pytest.mark.parametrize(
    "tag, written",
    [
        (
            r"\pi_\theta(a|s) = 0.6; \pi_{old}(a|s) = 0.4; \varepsilon = 0.1",
            r"\frac{\pi_\theta(a|s)}{\pi_{old}(a|s)} = \frac{0.6}{0.4} = 1.5 \to \text{Clip}\space {CLIPPED}",
        ),
        ("", r"r_t = \frac{0.3}{0.6} = 0.5 \rightarrow \text{clipped}\space {CLIPPED} \space (\epsilon = 0.3)"),
    ],
)
def test_a_remark_clip_states_the_ratio_clipped_to_one_plus_or_minus_epsilon(tmp_path, tag, written):
    """PPO's and GRPO's clip(r, 1 - ε, 1 + ε) of the chain's value, ε from the tag or the remark."""
    clipped = "1.1" if "0.1" in tag else "0.7"
    holds = verdict(tmp_path, tag, written.replace("{CLIPPED}", clipped))
    assert holds[0] == "PASS" and "read as the value clipped to [1 - ε, 1 + ε]" in holds[1], holds
    unclipped = verdict(tmp_path, tag, written.replace("{CLIPPED}", "1.5" if "0.1" in tag else "0.5"))
    assert unclipped[0] == "FAIL" and "is not" in unclipped[1], unclipped


def test_a_clip_remark_without_epsilon_leaves_the_clipped_value_unread(tmp_path):
    found = verdict(tmp_path, "", r"\frac{0.3}{0.5} = 0.6 \to \text{Clip}\space 0.8")
    assert found[0] == "UNKNOWN" and "'epsilon' is not bound" in found[1], found
    assert "link 1 (\\frac{0.3}{0.5} = 0.6) holds, read alone" in found[1], found


def test_a_gradient_at_a_point_without_a_subscript_is_unknown_with_the_reason(tmp_path):
    found, detail = verdict(tmp_path, r"f(x) = x^3", r"\nabla f(x^2) = 3x^4")
    assert found == "UNKNOWN" and "a function applied to its one variable" in detail, (found, detail)


def test_a_gradient_without_a_subscript_in_a_formula_whose_gradients_differ_by_variable_is_unknown(tmp_path):
    found, detail = verdict(tmp_path, r"f(x) = x^2; g(y) = y^2", r"\nabla f(x) + \nabla g(y) = \nabla (x^2 + y^2)")
    assert found == "UNKNOWN" and "or in a formula that writes so" in detail, (found, detail)


@pytest.mark.parametrize(
    "formula, reason",
    [
        (r"\nabla^2 f(x) = 6x", "may be the Laplacian or the Hessian"),
        (r"\nabla^3_x f(x) = 6", "the power 3 is not read"),
    ],
)
def test_a_power_of_nabla_that_is_not_a_hessian_with_its_variable_is_unknown(tmp_path, formula, reason):
    found, detail = verdict(tmp_path, r"f(x) = x^3", formula)
    assert found == "UNKNOWN" and reason in detail, (found, detail)


def test_a_name_set_apart_after_a_comma_is_still_defined_not_claimed(tmp_path):
    """``a = b, \\quad p = 0.9``: p is defined for the formula (as before), not claimed."""
    found, detail = verdict(tmp_path, "x: real", r"2 p = 1.8, \quad p = 0.9")
    assert found == "PASS", (found, detail)
    found, detail = verdict(tmp_path, "x: real", r"2 p = 1.6, \quad p = 0.9")
    assert found == "FAIL", (found, detail)


def test_an_absolute_value_with_a_point_and_no_power_is_unknown_with_the_reason(tmp_path):
    """``\\left| f \\right|_{x = a}`` may be |f| at a or an evaluation bar; the two differ when f < 0 there."""
    found, detail = verdict(tmp_path, "x > 0", r"\left\vert \frac{d e^z}{dz} \right\vert_{z = \log x} = x")
    assert found == "UNKNOWN" and "evaluation bar" in detail, (found, detail)


def test_big_o_is_asymptotic_notation_that_is_not_modelled_unless_the_tag_defines_o(tmp_path):
    found, detail = verdict(tmp_path, "n: positive integer", r"\sum_{i=1}^n i = O(n^2)")
    assert found == "UNKNOWN" and "O(n^2) is read as asymptotic notation" in detail, detail
    assert verdict(tmp_path, "O(x) = x^2", r"O(x) + O(x) = 2 O(x)")[0] == "PASS"
    assert verdict(tmp_path, "O(x) = x^2", r"O(x) + O(x) = 3 O(x)")[0] == "FAIL"
