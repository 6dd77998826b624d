"""Correct formulas as documents write them, each of which FAILed before its reading: a definition of a decorated or
labelled name under a partial tag, a word applied to a bracket, a sum the tag sets to one beside a membership, a
trigonometric function of a bracket followed by a name, a chain named by a subscripted name, a parameter the tag
writes as a square, a maximum over a real variable, a range on the value of a declared distribution, and a draw
from a law the tag gives by its formula. None may
FAIL; each wrong variant still FAILs through the same path, or stays UNKNOWN where the reading is refused."""

import pytest

from tests.docs.checking import assert_page_pass_and_fail, verdict, verdicts

DPO_TAG = r"\beta > 0; a > 0; b > 0"
ADAM_TAG = r"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t; m_0 = 0"


@pytest.mark.parametrize(
    "tag, formula",
    [
        (DPO_TAG, r"\mathcal{L}_{\mathrm{DPO}} = -\log \sigma\left(\beta \log \frac{a}{b}\right)"),
        (ADAM_TAG, r"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}"),
    ],
)
def test_a_definition_of_a_decorated_or_labelled_name_is_not_refuted_as_an_identity(tmp_path, tag, formula):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == "UNKNOWN", found
    assert "may be an equation" in found[1], found


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (DPO_TAG, r"\mathcal{L}_{\mathrm{DPO}} + \beta = \mathcal{L}_{\mathrm{DPO}} - \beta", "FAIL"),
        (DPO_TAG, r"\mathcal{L}_{\mathrm{DPO}} \beta = \beta \mathcal{L}_{\mathrm{DPO}}", "PASS"),
        (ADAM_TAG, r"\hat{m}_t (1 - \beta_1^t) = \hat{m}_t - \beta_1", "FAIL"),
        (ADAM_TAG, r"\hat{m}_t (1 - \beta_1^t) = \hat{m}_t - \beta_1^t \hat{m}_t", "PASS"),
    ],
)
def test_a_decorated_name_on_both_sides_is_still_claimed_for_all_its_values(tmp_path, tag, formula, expected):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == expected, found


def test_a_word_applied_to_a_bracket_is_a_function_not_a_number_times_the_bracket(tmp_path):
    tag = r"x \in \mathbb{R}^n; g \in \mathbb{R}^n; \epsilon > 0"
    rms = r"\mathrm{RMSNorm}(x)_i = \frac{x_i}{\sqrt{\frac{1}{n}\sum_{j=1}^n x_j^2 + \epsilon}} g_i"
    found = verdict(tmp_path, tag, rms)
    assert found[0] == "UNKNOWN", found
    assert "RMSNorm(...) applies a function the tag does not define" in found[1], found
    defined = r"x \in \mathbb{R}^n; \epsilon > 0; \mathrm{RMSNorm}(x)_i = \frac{x_i}{\sqrt{\frac{1}{n}\sum_{j=1}^n x_j^2 + \epsilon}}"
    correct = verdict(
        tmp_path, defined, r"\mathrm{RMSNorm}(x)_i = \frac{x_i}{\sqrt{\frac{1}{n}\sum_{j=1}^n x_j^2 + \epsilon}}"
    )
    assert correct[0] == "PASS", correct
    wrong = verdict(tmp_path, defined, r"\mathrm{RMSNorm}(x)_i = \frac{x_i}{\sqrt{\sum_{j=1}^n x_j^2 + \epsilon}}")
    assert wrong[0] == "FAIL", wrong


CE_TAG = (
    r"\mathcal{L} = -\sum_j y_j \log p_j; p_j = \frac{e^{z_j}}{\sum_k e^{z_k}}; \sum_j y_j = 1;"
    r" z \in \mathbb{R}^n; y \in \mathbb{R}^n"
)


@pytest.mark.parametrize("right, expected", [("p_i - y_i", "PASS"), ("p_i + y_i", "FAIL"), ("p_i", "FAIL")])
def test_a_sum_set_to_one_survives_a_membership_that_gives_the_size(tmp_path, right, expected):
    found = verdict(tmp_path, CE_TAG, r"\frac{\partial \mathcal{L}}{\partial z_i} = " + right)
    assert found[0] == expected, found


ANGLES = r"n, m, \theta \in \mathbb{R}"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\cos (n-m)\theta = \cos n\theta \cos m\theta + \sin n\theta \sin m\theta", "PASS"),
        (r"\cos (n-m)\theta = \cos n\theta \cos m\theta - \sin n\theta \sin m\theta", "FAIL"),
        (r"\sin \left(n+m\right)\theta = \sin n\theta \cos m\theta + \cos n\theta \sin m\theta", "PASS"),
        (r"\sin \left(n+m\right)\theta = \sin n\theta \cos m\theta - \cos n\theta \sin m\theta", "FAIL"),
    ],
)
def test_a_trigonometric_function_of_a_bracket_takes_the_name_after_it(tmp_path, formula, expected):
    found = verdict(tmp_path, ANGLES, formula)
    assert found[0] == expected, found


def test_a_product_that_holds_only_as_written_is_in_doubt(tmp_path):
    found = verdict(tmp_path, ANGLES, r"\sin (n+m)\theta = \theta \sin(n + m)")
    assert found[0] == "UNKNOWN", found
    assert "may take the name into its argument" in found[1], found
    assert verdict(tmp_path, ANGLES, r"\sin(n) \theta = \theta \sin n")[0] == "PASS"


@pytest.mark.parametrize("right, expected", [(r"\frac{8d}{3}", "PASS"), (r"\frac{8d}{2}", "FAIL")])
def test_a_subscripted_name_beside_its_number_letter_names_the_value_of_a_chain(tmp_path, right, expected):
    found = verdict(tmp_path, "d: positive integer", r"d_{ff} = \frac{2}{3} \cdot 4d = " + right)
    assert found[0] == expected, found
    assert found[1].startswith("d_ff names the value the chain computes"), found


GAUSSIAN = r"p(x \mid \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}} e^{-(x - \mu)^2/(2\sigma^2)}; \sigma > 0"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"p(x \mid \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma^2}} e^{-(x - \mu)^2/(2\sigma^2)}", "PASS"),
        (r"p(x \mid \mu, \sigma^2) = \frac{1}{\sqrt{2\pi\sigma}} e^{-(x - \mu)^2/(2\sigma^2)}", "FAIL"),
        (r"p(x \mid 0, 4) = \frac{1}{\sqrt{8\pi}} e^{-x^2/8}", "PASS"),
        (r"p(x \mid 0, 4) = \frac{1}{\sqrt{2\pi}} e^{-x^2/8}", "FAIL"),
    ],
)
def test_a_parameter_the_tag_writes_as_a_square_is_given_by_its_square(tmp_path, formula, expected):
    found = verdict(tmp_path, GAUSSIAN, formula)
    assert found[0] == expected, found


@pytest.mark.parametrize("formula", [r"\max_x \sigma'(x) = \frac{1}{4}", r"\max_x \sigma'(x) = \frac{1}{2}"])
def test_a_maximum_over_a_real_variable_is_not_read_as_one_over_indices(tmp_path, formula):
    found = verdict(tmp_path, "", formula)
    assert found[0] == "UNKNOWN", found
    assert "uses as a number and never as an index" in found[1], found


@pytest.mark.parametrize("right, expected", [(r"x_1", "PASS"), (r"x_1 + 1", "FAIL")])
def test_a_maximum_over_an_index_is_still_read(tmp_path, right, expected):
    found = verdict(tmp_path, r"x \in \mathbb{R}^n", r"\max_i x_i \ge " + right)
    assert found[0] == expected, found


@pytest.mark.parametrize("size", ["n", "d"])
def test_a_lone_size_letter_beside_vectors_may_be_their_length(tmp_path, size):
    correct = verdict(tmp_path, None, rf"\log \sum_i e^{{x_i}} \le \max_i x_i + \log {size}")
    assert correct[0] == "SKIPPED", correct
    assert f"{size} may be the length of the formula's vectors: as the length of the vectors it holds" in correct[1]
    wrong = verdict(tmp_path, None, rf"\log \sum_i e^{{x_i}} \ge \max_i x_i + \log {size}")
    assert wrong[0] == "FAIL", wrong
    tagged = verdict(tmp_path, rf"x \in \mathbb{{R}}^{size}", rf"\log \sum_i e^{{x_i}} \le \max_i x_i + \log {size}")
    assert tagged[0] == "PASS", tagged


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (r"X \sim \text{Bin}(n, p)", r"P(X = k) = \binom{n}{k} p^k (1-p)^{n-k}", "PASS"),
        (r"X \sim \text{Bin}(n, p)", r"P(X = k) = \binom{n}{k} p^k (1-p)^{n+k}", "FAIL"),
        (r"X \sim \text{Poi}(\lambda)", r"P(X = k) = \frac{\lambda^k e^{-\lambda}}{k!}", "PASS"),
        (r"X \sim \text{Poi}(\lambda)", r"P(X = k) = \frac{\lambda^k e^{-\lambda}}{k}", "FAIL"),
    ],
)
def test_a_free_name_a_discrete_variable_is_set_to_runs_over_whole_numbers(tmp_path, tag, formula, expected):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == expected, found
    assert "whole numbers (the values of a discrete law)" in found[1], found


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (r"W \sim \mathcal{U}(-a, a)", r"\mathrm{Var}(W) = \frac{a^2}{3}", "PASS"),
        (r"W \sim \mathcal{U}(-a, a)", r"\mathrm{Var}(W) = \frac{a^2}{12}", "FAIL"),
        (r"m \sim \text{Bernoulli}(1-p)", r"\mathbb{E}[m] = 1 - p", "PASS"),
        (r"m \sim \text{Bernoulli}(1-p)", r"\mathbb{E}[m] = p", "FAIL"),
        (r"\tilde{h} = \frac{m h}{1 - p}; m \sim \text{Ber}(1 - p)", r"\mathbb{E}[\tilde{h}] = h", "PASS"),
        (r"\tilde{h} = \frac{m h}{1 - p}; m \sim \text{Ber}(1 - p)", r"\mathbb{E}[\tilde{h}] = (1 - p) h", "FAIL"),
        (r"X \sim \text{Exp}(2\lambda)", r"\mathbb{E}[X] = \frac{1}{2\lambda}", "PASS"),
        (r"X \sim \text{Exp}(2\lambda)", r"\mathbb{E}[X] = \frac{2}{\lambda}", "FAIL"),
    ],
)
def test_the_names_of_a_law_parameter_written_as_an_expression_are_drawn_in_its_range(tmp_path, tag, formula, expected):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == expected, found


def test_an_untagged_claim_that_holds_for_standard_normals_is_not_refuted_by_other_laws(tmp_path):
    symmetric = verdict(tmp_path, None, r"\mathbb{E}[\mathrm{ReLU}(X)^2] = \frac{1}{2}\mathbb{E}[X^2]")
    assert symmetric[0] == "SKIPPED", symmetric
    assert "holds for X standard normal, not under every law" in symmetric[1], symmetric
    wrong = verdict(tmp_path, None, r"\mathbb{E}[\mathrm{ReLU}(X)^2] = 2\mathbb{E}[X^2]")
    assert wrong[0] == "FAIL", wrong


def test_a_draw_marked_independent_over_the_sim_is_a_law_clause(tmp_path):
    tag = r"q, k \in \mathbb{R}^{d}; q_i, k_i \overset{\text{iid}}{\sim} \mathcal{N}(0, 1)"
    assert verdict(tmp_path, tag, r"\mathrm{Var}(q^\top k) = d")[0] == "PASS"
    assert verdict(tmp_path, tag, r"\mathrm{Var}(q^\top k) = d^2")[0] == "FAIL"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\mathrm{PPL} = e^{H(p)}", "PASS"),
        (r"\mathrm{PPL} = e^{-H(p)}", "FAIL"),
        (r"\operatorname{PPL} = \exp\left(-\frac{1}{T}\sum_{t=1}^{T} \log q_t\right)", "PASS"),
        (r"\operatorname{PPL} = \exp\left(-\sum_{t=1}^{T} \log q_t\right)", "FAIL"),
    ],
)
def test_a_bare_perplexity_beside_a_distribution_is_the_distributions(tmp_path, formula, expected):
    assert verdict(tmp_path, "perplexity", formula)[0] == expected


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        ("kl_asymmetry", r"D_{KL}(p \| q) \neq D_{KL}(q \| p)", "PASS"),
        ("kl_asymmetry", r"D_{KL}(p \| p) \neq 0", "FAIL"),
        (r"A, B \in \mathbb{R}^{n \times n}", r"AB \ne BA", "PASS"),
        (r"A, B \in \mathbb{R}^{n \times n}", r"A + B \ne B + A", "FAIL"),
    ],
)
def test_an_inequation_is_the_negation_of_its_equality(tmp_path, tag, formula, expected):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == expected, found
    assert ("the sides differ" if expected == "PASS" else "the sides are equal") in found[1], found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\sec^2 x = 1 + \tan^2 x", "PASS"),
        (r"\sec^2 x = 1 - \tan^2 x", "FAIL"),
        (r"\cot x = \frac{\cos x}{\sin x}", "PASS"),
        (r"\csc x = \frac{1}{\cos x}", "FAIL"),
    ],
)
def test_the_reciprocal_trigonometric_functions_are_read(tmp_path, formula, expected):
    assert verdict(tmp_path, None, formula)[0] == expected


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        # had been UNKNOWN: sech was not bound, and \coth read as \cot times h
        (r"x \ge 0", r"\frac{ 2 e^{-x} }{ (1+e^{-x})^2 } = \frac{1}{2} \text{sech}(x/2)^2", "PASS"),
        (r"x \ge 0", r"\frac{ 2 e^{-x} }{ (1+e^{-x})^2 } = \frac{1}{2} \text{sech}(x)^2", "FAIL"),
        (None, r"\frac{d}{dx}\tanh(x) = \operatorname{sech}^2(x)", "PASS"),
        (None, r"\frac{d}{dx}\tanh(x) = \operatorname{sech}(x)", "FAIL"),
        (None, r"\coth(x) = \frac{1}{\tanh(x)}", "PASS"),
        (None, r"\mathrm{csch}(x) = \frac{2}{e^x + e^{-x}}", "FAIL"),
    ],
)
def test_the_reciprocal_hyperbolic_functions_are_read(tmp_path, tag, formula, expected):
    found, detail = verdict(tmp_path, tag, formula)
    assert found == expected, detail


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"x {- y + z} = x - y + z", "PASS"),
        (r"x {- y + z} = x + y + z", "FAIL"),
        (r"e^{x}{-1} = e^x - 1", "PASS"),
        (r"2^{-1} = 0.5", "PASS"),
        (r"\frac{1}{-2} = 0.5", "FAIL"),
    ],
)
def test_braces_that_open_with_a_sign_after_a_term_group_nothing(tmp_path, formula, expected):
    assert verdict(tmp_path, None, formula)[0] == expected


@pytest.mark.parametrize(
    "formula, expected, said",
    [
        (r"\sum_{i=1}^n (x_i - \bar{x})^2 = \sum_{i=1}^n x_i^2 - n\bar{x}^2", "PASS", r"with \bar{x} the mean"),
        (
            r"\sum_{i=1}^n (x_i - \bar{x})^2 = \sum_{i=1}^n x_i^2 - \bar{x}^2",
            "FAIL",
            r"with \bar{x} the mean of the x_i too",
        ),
        (
            r"\frac{1}{m}\sum_{i=1}^{m} (x_i - \mu_\mathcal{B})^2 = \frac{1}{m}\sum_{i=1}^{m} x_i^2 - \mu_\mathcal{B}^2",
            "SKIPPED",
            r"with \mu the mean of the x_i it holds",
        ),
        (
            r"\frac{1}{m}\sum_{i=1}^{m} (x_i - \mu_\mathcal{B})^2 = \frac{1}{m}\sum_{i=1}^{m} x_i^2 + \mu_\mathcal{B}^2",
            "FAIL",
            r"with \mu the mean of the x_i too",
        ),
    ],
)
def test_an_untagged_mean_name_beside_the_entries_is_read_as_their_mean(tmp_path, formula, expected, said):
    found = verdict(tmp_path, None, formula)
    assert found[0] == expected, found
    assert said in found[1], found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\|x\|_2 \le \|x\|_1", "PASS"),
        (r"\|x\|_1 \le \|x\|_2", "FAIL"),
        (r"\|x - y\|^2 = \|x\|^2 - 2x^\top y + \|y\|^2", "PASS"),
        (r"\|x - y\|^2 = \|x\|^2 - x^\top y + \|y\|^2", "FAIL"),
    ],
)
def test_an_untagged_name_inside_a_norm_is_a_vector(tmp_path, formula, expected):
    found = verdict(tmp_path, None, formula)
    assert found[0] == expected, found


ROTATION_TAG = r"R_k = \begin{pmatrix} \cos k\theta & -\sin k\theta \\ \sin k\theta & \cos k\theta \end{pmatrix}"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"R_m^\top R_n = R_{n-m}", "PASS"),
        (r"R_m^\top R_n = R_{m-n}", "FAIL"),
        (r"R_m^\top R_n = R_{m+n}", "FAIL"),
        (r"R_m R_n = R_{m+n}", "PASS"),
        (r"R_m^\top = R_m", "FAIL"),
    ],
)
def test_a_transposed_member_of_a_family_the_tag_defines_is_transposed(tmp_path, formula, expected):
    assert verdict(tmp_path, ROTATION_TAG, formula)[0] == expected


INDEPENDENT_TAG = (
    r"x_0 \sim \mathcal{N}(0, 1); \epsilon \sim \mathcal{N}(0, 1); x_0, \epsilon \text{ independent}; 0 < a < 1"
)


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\mathrm{Var}[\sqrt{a}x_0 + \sqrt{1-a}\epsilon] = 1", "PASS"),
        (r"\mathrm{Var}[\sqrt{a}x_0 + (1-a)\epsilon] = 1", "FAIL"),
    ],
)
def test_independence_said_in_text_is_read_as_in_words(tmp_path, formula, expected):
    assert verdict(tmp_path, INDEPENDENT_TAG, formula)[0] == expected


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\operatorname*{arg\,max}_i \, [0.1, 0.7, 0.2]_i = 2", "PASS"),
        (r"\arg\max_i [0.1, 0.7, 0.2]_i = 1", "FAIL"),
        (r"\max_i [0.1, 0.7, 0.2]_i = 0.7", "PASS"),
        (r"\max_i [0.1, 0.7, 0.2]_i = 0.2", "FAIL"),
    ],
)
def test_an_extremum_over_a_written_list_runs_over_its_entries(tmp_path, formula, expected):
    assert verdict(tmp_path, None, formula)[0] == expected


def test_lg_is_read_only_in_a_base_the_document_states(tmp_path):
    bare = verdict(tmp_path, None, r"\lg 1024 = 10")
    assert bare[0] == "SKIPPED" and "ISO 80000-2" in bare[1], bare
    assert verdict(tmp_path, "log base 2", r"\lg 1024 = 10")[0] == "PASS"
    assert verdict(tmp_path, "log base 2", r"\lg 1000 = 3")[0] == "FAIL"
    assert verdict(tmp_path, "log base 10", r"\lg 1000 = 3")[0] == "PASS"


def test_an_untagged_free_i_may_be_the_imaginary_unit(tmp_path):
    euler = verdict(tmp_path, None, r"e^{i\theta} = \cos\theta + i\sin\theta")
    assert euler[0] == "SKIPPED" and "imaginary unit" in euler[1], euler
    assert verdict(tmp_path, None, r"(a + i)^2 = a^2 + 2ai + i^2")[0] == "PASS"
    assert verdict(tmp_path, None, r"(a + b)^2 = a^2 + ab + b^2")[0] == "FAIL"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\cos\theta = \frac{8}{\sqrt{14}\sqrt{5}} \approx 0.956", "PASS"),
        (r"\cos\theta = \frac{8}{\sqrt{14}\sqrt{5}} \approx 0.856", "FAIL"),
        (r"\sin x = \frac{1}{2} = 0.5", "PASS"),
        (r"x + 1 = \frac{8}{5} = 1.5", "FAIL"),
    ],
)
def test_an_untagged_chain_that_sets_free_names_to_a_value_claims_only_its_arithmetic(tmp_path, formula, expected):
    found = verdict(tmp_path, None, formula)
    assert found[0] == expected, found
    assert "set to the value of the chain" in found[1], found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\mathcal{L} = -\log p_y = -\log 0.7 \approx 0.357", "PASS"),
        (r"\mathcal{L} = -\log p_y = -\log 0.7 \approx 0.257", "FAIL"),
        (r"L = x^2 = 0.7^2 = 0.49", "PASS"),
        (r"L = x^2 = 0.7^2 = 0.42", "FAIL"),
    ],
)
def test_a_defined_name_set_to_a_worked_value_claims_only_the_arithmetic(tmp_path, formula, expected):
    found = verdict(tmp_path, None, formula)
    assert found[0] == expected, found
    assert found[1].count("set to the value of the chain") == 1 and "definition of" in found[1], found


def test_a_defined_name_set_to_a_value_in_its_names_alone_is_an_equation(tmp_path):
    found = verdict(tmp_path, None, r"L = -\log p = -\log 0.7")
    assert found[0] == "SKIPPED" and "an equation to solve" in found[1], found
    assert verdict(tmp_path, None, r"s = \sin^2 x + \cos^2 x = 1")[0] == "PASS"
    assert verdict(tmp_path, None, r"s = \sin^2 x + \cos^2 x = 2")[0] == "FAIL"


LOGISTIC_TAG = (
    r"w \in \mathbb{R}^d; x \in \mathbb{R}^d; \sigma(z) = \frac{1}{1+e^{-z}}; \hat y = \sigma(w^\top x + b);"
    r" y \in \{0, 1\}"
)
BCE = r"\left[-y\log\hat{y} - (1-y)\log(1-\hat{y})\right]"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (rf"\frac{{\partial}}{{\partial b}}{BCE} = \hat{{y}} - y", "PASS"),
        (rf"\frac{{\partial}}{{\partial b}}{BCE} = y - \hat{{y}}", "FAIL"),
        (rf"\nabla_w {BCE} = (\hat{{y}} - y)x", "PASS"),
        (rf"\nabla_w {BCE} = (\hat{{y}} - y)w", "FAIL"),
    ],
)
def test_an_exponent_written_with_a_dot_product_is_a_number(tmp_path, formula, expected):
    assert verdict(tmp_path, LOGISTIC_TAG, formula)[0] == expected


def test_an_untagged_derivative_by_a_name_its_expression_does_not_write_is_not_refuted(tmp_path):
    hidden = verdict(tmp_path, None, rf"\frac{{\partial}}{{\partial b}}{BCE} = \hat{{y}} - y")
    assert hidden[0] == "SKIPPED" and "does not write b" in hidden[1], hidden
    assert verdict(tmp_path, None, r"\frac{\partial}{\partial x} (x y) = x")[0] == "FAIL"
    assert verdict(tmp_path, None, r"\frac{\partial}{\partial \theta} \left( (1 - \epsilon) A \right) = 0")[0] == "PASS"


QKV_TAG = (
    r"Q \in \mathbb{R}^{n \times d_k}; K \in \mathbb{R}^{n \times d_k}; V \in \mathbb{R}^{n \times d_v};"
    r" c \in \mathbb{R}"
)


@pytest.mark.parametrize(
    "formula, expected, said",
    [
        (r"\mathrm{softmax}(QK^\top + c) = \mathrm{softmax}(QK^\top)", "PASS", ""),
        (r"\mathrm{softmax}(2QK^\top) = \mathrm{softmax}(QK^\top)", "FAIL", ""),
        (
            r"\mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right)\mathbf{1} = \mathbf{1}",
            "UNKNOWN",
            "taken over each column it fails",
        ),
    ],
)
def test_the_softmax_of_a_matrix_is_read_over_rows_and_over_columns(tmp_path, formula, expected, said):
    found = verdict(tmp_path, QKV_TAG, formula)
    assert found[0] == expected and said in found[1], found


@pytest.mark.parametrize("tag", [None, ""])
@pytest.mark.parametrize(
    "formula, expected, said",
    [
        # a worked softmax example names the softmax sigma: it holds read so, and fails entry by entry
        (r"\sigma(1,2,8) \approx (0.001,0.002,0.997)", "UNKNOWN", "read as the softmax it holds"),
        (
            r"\sigma\left(\begin{bmatrix} 0.1 & 0.2 & 0.3 \end{bmatrix}\right) \approx"
            r" \begin{bmatrix} 0.3006 & 0.3322 & 0.3672 \end{bmatrix}",
            "UNKNOWN",
            "read as the softmax it holds",
        ),
        # a worked activation: it holds entry by entry, and fails read as the softmax
        (
            r"\sigma\left(\begin{bmatrix} 0.1 & 0.2 \end{bmatrix}\right) \approx \begin{bmatrix} 0.5250 & 0.5498"
            r" \end{bmatrix}",
            "UNKNOWN",
            "read as the softmax it fails",
        ),
        # wrong in both readings, or right in both
        (r"\sigma(1,2,8) \approx (0.001,0.002,0.979)", "FAIL", "and as the softmax"),
        (r"\sigma(0, 0) = (0.5, 0.5)", "PASS", "and as the softmax"),
    ],
)
def test_sigma_of_written_numbers_is_read_entry_by_entry_and_as_the_softmax(tmp_path, tag, formula, expected, said):
    found = verdict(tmp_path, tag, formula)
    shown = "SKIPPED" if tag is None and expected == "UNKNOWN" else expected
    assert found[0] == shown and said in found[1], found


def test_a_tag_that_names_sigma_the_softmax_decides_its_worked_values(tmp_path):
    worked = r"\sigma\left(\begin{bmatrix} 0.1 & 0.2 & 0.3 \end{bmatrix}\right) \approx \begin{bmatrix} 0.3006 & 0.3322 & {} \end{bmatrix}"
    tag = r"\sigma = \operatorname{softmax}"
    assert_page_pass_and_fail(tmp_path, tag, worked.replace("{}", "0.3672"), worked.replace("{}", "0.3622"))


def test_sigma_of_a_vector_of_names_is_still_read_entry_by_entry(tmp_path):
    found = verdict(tmp_path, None, r"1 - \sigma({v'_{w}}^\top v_{w_I}) = \sigma(-{v'_{w}}^\top v_{w_I})")
    assert found[0] == "PASS", found


def test_derivatives_of_names_by_a_variable_they_do_not_write_are_of_functions_the_formula_does_not_state(tmp_path):
    # π_k differentiated by θ_j on both sides: a policy that depends on θ, never numbers whose derivatives vanish
    trick = r"\frac{\partial}{\partial \theta_j}\sum_k \pi_k R_k = {} \frac{\partial \log\pi_k}{\partial\theta_j}"
    for right in (r"\sum_k \pi_k R_k", r"\sum_k R_k"):  # the log-derivative trick, and its variant without π_k
        found = verdict(tmp_path, None, trick.replace("{}", right))
        assert found[0] == "SKIPPED" and "functions of it the formula does not state" in found[1], found
    # bound to a result that states the policy, the same trick is decided, and its variant refuted
    assert verdict(tmp_path, "reinforce_log_derivative", trick.replace("{}", r"\sum_k \pi_k R_k"))[0] == "PASS"
    assert verdict(tmp_path, "reinforce_log_derivative", trick.replace("{}", r"\sum_k R_k"))[0] == "FAIL"
    # one derivative of names that do not write the variable is a claim that they do not depend on it
    assert verdict(tmp_path, None, r"\frac{\partial}{\partial \theta}\left((1 - \epsilon) A_t\right) = 0")[0] == "PASS"
    assert verdict(tmp_path, None, r"\frac{\partial}{\partial x}(a x^2) = 2ax")[0] == "PASS"
    assert verdict(tmp_path, None, r"\frac{\partial}{\partial x}(a x^2) = ax")[0] == "FAIL"


def test_a_tag_condition_between_entries_at_an_index_the_formula_does_not_write_is_not_read_for_one_value(tmp_path):
    # z_i > z_j (for all j ≠ i): z_i is the largest entry; read at one drawn j, the correct limit had FAILed
    for tag in (r"z: vector; z_i > z_j \text{ for all } j \neq i", r"z: vector; z_i > z_j"):
        for limit in ("1", "0"):
            found = verdict(tmp_path, tag, r"\lim_{T \to 0^+} \operatorname{softmax}(z/T)_i = " + limit)
            assert found[0] == "UNKNOWN" and "compares entries at j" in found[1], found
    # a condition between numbers the formula writes is still imposed on the points
    assert verdict(tmp_path, r"a: real; b: real; a > b", r"\max(a, b) = a")[0] == "PASS"
    assert verdict(tmp_path, r"a: real; b: real; a > b", r"\max(a, b) = b")[0] == "FAIL"


def test_a_tag_condition_on_a_name_its_own_definitions_write_at_the_index_is_imposed(tmp_path):
    # T_i in the cosine schedule's definition is one number (the cycle's length), which T_{cur} \le T_i bounds;
    # a definition that sums over the index (softmax's \sum_j e^{z_j}) leaves z_i > z_j meant for every j
    schedule = (
        r"\eta_t = \eta_{min} + \frac{1}{2}(\eta_{max} - \eta_{min})\left(1 + \cos\left(\frac{T_{cur}}{T_{i}}\pi\right)"
        r"\right); 0 \le T_{cur} \le T_{i}; T_i > 0; 0 \le \eta_{min} < \eta_{max}"
    )
    assert verdict(tmp_path, schedule, r"\frac{\partial \eta_t}{\partial T_{cur}} \le 0")[0] == "PASS"
    assert verdict(tmp_path, schedule, r"\frac{\partial \eta_t}{\partial T_{cur}} \ge 0")[0] == "FAIL"
    summed = r"z: vector; p_i = \frac{e^{z_i}}{\sum_j e^{z_j}}; z_i > z_j"
    found = verdict(tmp_path, summed, r"\lim_{T \to 0^+} \operatorname{softmax}(z/T)_i = 0")
    assert found[0] == "UNKNOWN" and "compares entries at j" in found[1], found


def test_a_name_the_tag_leaves_free_differentiated_by_another_variable_is_a_function_it_does_not_state(tmp_path):
    # ∇_θ J with J undefined: J(θ), the objective; read as a number its gradient was 0 and the correct estimator FAILed
    estimator = r"\nabla_\theta J = \mathbb{E}_{a\sim\pi_\theta}[(R(a) - b)\nabla_\theta \log\pi_\theta(a)]"
    found = verdict(tmp_path, "score_function_baseline", estimator)
    assert found[0] == "UNKNOWN" and "differentiates J by theta, a function the tag does not state" in found[1], found
    found = verdict(tmp_path, "score_function_baseline", r"\frac{\partial J}{\partial \theta_j} = 0")
    assert found[0] == "UNKNOWN", found  # not a PASS from a gradient of a number
    # the tag that states J decides the gradient, and refutes its variant
    tag = r"score_function_baseline; J = \sum_k \pi_k R_k"
    gradient = (
        r"\frac{\partial J}{\partial \theta_j} = \sum_k \pi_k (R_k - b) \frac{\partial \log \pi_k}{\partial \theta_j}"
    )
    assert verdict(tmp_path, tag, gradient)[0] == "PASS"
    assert verdict(tmp_path, tag, gradient.replace("(R_k - b)", "R_k") + " - b")[0] == "FAIL"
    # a name differentiated by itself is still its own variable
    assert verdict(tmp_path, "score_function_baseline", r"\frac{\partial L}{\partial L} = 1")[0] == "PASS"
    assert verdict(tmp_path, "score_function_baseline", r"\frac{\partial L}{\partial L} = 0")[0] == "FAIL"


COSINE = r"\eta_t = \eta_{min} + \frac{1}{2}(\eta_{max} - \eta_{min})\left(1 + \cos\left(\frac{t}{T}\pi\right)\right)"


def test_a_word_labelled_name_in_a_tag_condition_constrains_no_member_of_its_letters_family(tmp_path):
    # eta_max > eta_min names two numbers: it says nothing of the sequence eta_t the formula defines
    found = verdict(tmp_path, r"\eta_{max} > \eta_{min}; t \in [0, T]", COSINE)
    assert found[0] == "UNKNOWN", found
    # stated in the tag, the schedule decides where it ends, and refutes the wrong end
    tag = COSINE + r"; \eta_{max} > \eta_{min}"
    assert verdict(tmp_path, tag, r"\eta_T = \eta_{min}")[0] == "PASS"
    assert verdict(tmp_path, tag, r"\eta_T = \eta_{max}")[0] == "FAIL"


def test_an_inequality_that_holds_for_some_values_and_fails_for_others_may_be_a_condition(tmp_path):
    # 3p^2 - 2p^3 >= p holds for p in [1/2, 1] (a majority of three beats one voter there): the text states where
    found = verdict(tmp_path, None, r"3p^2 - 2p^3 \ge p")  # -p(2p - 1)(p - 1) >= 0: for every p <= 0 too
    assert found[0] == "SKIPPED" and "holds for negative values only" in found[1], found
    found = verdict(tmp_path, None, r"\sin(3p) \ge \cos(3p)")  # holds for some values and fails for others everywhere
    assert found[0] == "SKIPPED" and "may be a condition on them" in found[1], found
    # refuted where it holds only where the sides meet, or nowhere on one domain (x^3 >= x on (0, 1)); true, it PASSes
    for refuted in (r"e^x \le 1 + x", r"\log x \ge x - 1", r"x^2 + y^2 \le 2xy", r"x^3 \ge x"):
        assert verdict(tmp_path, None, refuted)[0] == "FAIL", refuted
    # x^2 >= x holds for every x <= 0, as 3p^2 - 2p^3 >= p does: the author may mean negative values
    found = verdict(tmp_path, None, r"x^2 \ge x")
    assert found[0] == "SKIPPED" and "holds for negative values only" in found[1], found
    assert verdict(tmp_path, None, r"x^2 + y^2 \ge 2xy")[0] == "PASS"
    # stated, the range decides it
    assert verdict(tmp_path, r"p \in [1/2, 1]", r"3p^2 - 2p^3 \ge p")[0] == "PASS"
    assert verdict(tmp_path, r"p \in [1/2, 1]", r"3p^2 - 2p^3 \le p - \frac{1}{100}")[0] == "FAIL"


def test_sigma_with_a_subscript_of_a_number_is_a_function_of_its_own_not_the_logistic_function(tmp_path):
    # a lecture's proof: "let σ_λ(x) = σ(λ(yᵀx + θ) + ψ)" defines σ_λ by σ; read as σ(x) it FAILed
    found = verdict(tmp_path, None, r"\sigma_{\lambda}(x) = \sigma(\lambda(y^{\top} x + \theta) + \psi)")
    assert found[0] == "SKIPPED" and "definition of the function sigma_lambda" in found[1], found
    # the name it defines is read by its definition afterwards
    correct = verdicts(tmp_path, r"\sigma_2(x) = \sigma(2 x)", r"\sigma_2(1) \approx 0.881")
    assert correct[1][0] == "PASS", correct
    wrong = verdicts(tmp_path, r"\sigma_2(x) = \sigma(2 x)", r"\sigma_2(1) \approx 0.731")
    assert wrong[1][0] == "FAIL", wrong
    # tagged, a subscripted σ of a number is a name nothing binds, never σ itself
    tagged = verdict(tmp_path, r"x \in \mathbb{R}; \lambda > 0", r"\sigma_{\lambda}(x) = \sigma(x)")
    assert tagged[0] == "UNKNOWN" and "a function of its own" in tagged[1], tagged
    # σ_i of a vector is still the i-th softmax component, a definition the usual meaning confirms
    softmax = verdict(tmp_path, None, r"\sigma_i(\mathbf{z}) = \frac{e^{z_i}}{\sum_j e^{z_j}}")
    assert softmax[0] == "PASS", softmax


def test_a_bracket_with_a_star_taken_at_a_point_may_be_a_convolution_and_is_not_read(tmp_path):
    # a lecture's convolution y_2 = σ((g * x)(4)) = σ(g_1 x_3 + g_2 x_2 + g_3 x_1) FAILed with * read as a product
    found = verdict(tmp_path, None, r"y_2 = \sigma((g * x)(4)) = \sigma(g_1 x_3 + g_2 x_2 + g_3 x_1)")
    assert found[0] == "SKIPPED" and "convolution" in found[1], found
    assert "convolution" in verdict(tmp_path, None, r"(a * b)(c) = a b c")[1]
    # a product of brackets, and * between numbers, are read as before
    assert verdict(tmp_path, None, r"(a+b)(c+d) = ac+ad+bc+bd")[0] == "PASS"
    assert verdict(tmp_path, None, r"(a+b)(c+d) = ac+ad+bc")[0] == "FAIL"
    assert verdict(tmp_path, None, r"(1 - 0.73) * 0.73 \approx 0.3")[0] == "FAIL"


def test_a_starred_law_is_a_law_of_its_own_never_the_plain_one(tmp_path):
    # p^* (the true law beside a model's p) had been read as p: D_KL(p^* || p) = 0 PASSed, tagged and untagged
    for run in (None, "p: distribution"):
        found = verdict(tmp_path, run, r"D_{KL}(p^* \| p) = 0")
        assert found[0] in ("UNKNOWN", "SKIPPED"), (run, found)
        assert verdict(tmp_path, run, r"H(p^*) = H(p)")[0] in ("UNKNOWN", "SKIPPED"), run
    assert "'p^*' is not bound" in verdict(tmp_path, "p: distribution", r"H(p^*) = H(p)")[1]
    # declared a law of its own, it is read: Gibbs' inequality holds, the equality fails
    both = r"p: distribution; p^*: distribution"
    assert verdict(tmp_path, both, r"D_{KL}(p^* \| p) \ge 0")[0] == "PASS"
    assert verdict(tmp_path, both, r"D_{KL}(p^* \| p) = 0")[0] == "FAIL"
    assert verdict(tmp_path, None, r"D_{KL}(p \| p) = 0")[0] == "PASS"
    # untagged, a starred law is one of its own too: Gibbs' inequality holds between it and p
    assert verdict(tmp_path, None, r"D_{KL}(p^* \| p) \ge 0")[0] == "PASS"


IMPORTANCE = r"w(x) = \frac{p(x)}{q(x)}; p: distribution; q: distribution; q(x) > 0; f: function"


def test_a_range_on_the_value_of_a_declared_distribution_keeps_it_the_laws_value(tmp_path):
    # q(x) > 0 beside q: distribution had made q(x) a positive number apart from the law q, and importance sampling's
    # E_q[f w] = E_p[f] FAILed
    correct = verdict(tmp_path, IMPORTANCE, r"\mathbb{E}_{x \sim q}[f(x) w(x)] = \mathbb{E}_{x \sim p}[f(x)]")
    assert correct[0] == "PASS", correct
    wrong = verdict(tmp_path, IMPORTANCE, r"\mathbb{E}_{x \sim q}[f(x) w(x)] = \mathbb{E}_{x \sim q}[f(x)]")
    assert wrong[0] == "FAIL", wrong
    bounded = r"p: distribution; q: distribution; 0 \le q(x) \le 1"
    assert verdict(tmp_path, bounded, r"\mathbb{E}_{x \sim q}[\frac{p(x)}{q(x)}] = 1")[0] == "PASS"
    assert verdict(tmp_path, bounded, r"\mathbb{E}_{x \sim q}[\frac{p(x)}{q(x)}] = 2")[0] == "FAIL"
    # a range that not every value of a law meets is a condition on the law: not read
    found = verdict(
        tmp_path, r"p: distribution; q: distribution; q(x) > 0.1", r"\mathbb{E}_{x \sim q}[\frac{p(x)}{q(x)}] = 1"
    )
    assert found[0] == "UNKNOWN" and "a condition on it" in found[1], found
    # a conditional law declared a distribution, bounded as every law is: read as the law
    policy = r"\pi: distribution; \pi(a \mid s) > 0"
    assert verdict(tmp_path, policy, r"\sum_a \pi(a \mid s) = 1")[0] == "PASS"
    assert verdict(tmp_path, policy, r"\sum_a \pi(a \mid s) = 2")[0] == "FAIL"
    # a range on a function the tag defines had made g(x) a number apart, and d/dx log g = g'/g FAILed: refused
    defined = verdict(tmp_path, r"g(x) = x^2 + 1; g(x) > 0", r"\frac{d}{dx} \log g(x) = \frac{g'(x)}{g(x)}")
    assert defined[0] == "UNKNOWN" and "a condition on it" in defined[1], defined
    # a range on a name the tag does not declare keeps its reading: p(x) a positive number of its own
    odds = r"p(\mathbf{x}) > 0; q(\mathbf{x}) > 0"
    assert (
        verdict(
            tmp_path,
            odds,
            r"\frac{p(\mathbf{x})/(p(\mathbf{x})+q(\mathbf{x}))}{q(\mathbf{x})/(p(\mathbf{x})+q(\mathbf{x}))} = \frac{p(\mathbf{x})}{q(\mathbf{x})}",
        )[0]
        == "PASS"
    )


def test_a_range_on_the_value_of_the_shared_law_is_read_both_ways(tmp_path):
    # p(x) > 0 with no result makes p(x) a number of its own, and \sum_x p(x) = 1 FAILed where p is the shared law
    found = verdict(tmp_path, r"p(x) > 0", r"\sum_x p(x) = 1")
    assert found[0] == "UNKNOWN" and "read as the value of the shared notation's law it holds" in found[1], found
    importance = verdict(tmp_path, r"q(x) > 0", r"\mathbb{E}_{x \sim q}[\frac{p(x)}{q(x)}] = 1")
    assert importance[0] == "UNKNOWN", importance
    # where both readings agree the verdict stands: a wrong value fails either way, the odds of two positive values
    # hold either way
    assert verdict(tmp_path, r"q(x) > 0", r"\mathbb{E}_{x \sim q}[\frac{p(x)}{q(x)}] = 2")[0] == "FAIL"
    odds = r"p(\mathbf{x}) > 0; q(\mathbf{x}) > 0"
    ratio = r"\frac{p(\mathbf{x})/(p(\mathbf{x})+q(\mathbf{x}))}{q(\mathbf{x})/(p(\mathbf{x})+q(\mathbf{x}))}"
    assert verdict(tmp_path, odds, ratio + r" = \frac{p(\mathbf{x})}{q(\mathbf{x})}")[0] == "PASS"
    assert verdict(tmp_path, odds, ratio + r" = \frac{q(\mathbf{x})}{p(\mathbf{x})}")[0] == "FAIL"


def test_a_kind_on_the_value_of_a_declared_law_or_function_is_read_as_a_range_is(tmp_path):
    # q(x): positive beside q: distribution, or \pi(a \mid s) \in (0, 1] beside \pi: distribution, had made the value a
    # number apart from the law, and correct formulas FAILed
    importance = r"p: distribution; q: distribution; q(x): positive"
    assert verdict(tmp_path, importance, r"\mathbb{E}_{x \sim q}[\frac{p(x)}{q(x)}] = 1")[0] == "PASS"
    assert verdict(tmp_path, importance, r"\mathbb{E}_{x \sim q}[\frac{p(x)}{q(x)}] = 2")[0] == "FAIL"
    policy = r"\pi: distribution; \pi(a \mid s) \in (0, 1]"
    assert verdict(tmp_path, policy, r"\sum_a \pi(a \mid s) = 1")[0] == "PASS"
    assert verdict(tmp_path, policy, r"\sum_a \pi(a \mid s) = 2")[0] == "FAIL"
    defined = verdict(tmp_path, r"g(x) = x^2 + 1; g(x): positive", r"\frac{d}{dx} \log g(x) = \frac{g'(x)}{g(x)}")
    assert defined[0] == "UNKNOWN" and "a condition on it" in defined[1], defined
    shared = verdict(tmp_path, r"p(x): positive", r"\sum_x p(x) = 1")
    assert shared[0] == "UNKNOWN" and "read as the value of the shared notation's law it holds" in shared[1], shared


def test_a_draw_from_a_law_the_tag_gives_by_its_formula_is_not_read_apart(tmp_path):
    # E_{x \sim p} beside the tag's p(x) = exp(θ f(x)) / Z(θ) had drawn x from a law of its own, and the gradient of
    # the log-partition function FAILed; the same expectation written as the tag's sum still decides
    tag = r"Z(\theta) = \sum_x \exp(\theta^T f(x)); p(x) = \frac{\exp(\theta^T f(x))}{Z(\theta)}; f: function"
    for declared in ("", "; p: distribution"):
        found = verdict(tmp_path, tag + declared, r"\nabla_{\theta} \log Z(\theta) = \mathbb{E}_{x \sim p}[f(x)]")
        assert found[0] == "UNKNOWN" and "the tag defines by a formula" in found[1], found
    assert verdict(tmp_path, tag, r"\nabla_{\theta} \log Z(\theta) = \sum_x p(x) f(x)")[0] == "PASS"
    assert verdict(tmp_path, tag, r"\nabla_{\theta} \log Z(\theta) = \sum_x f(x)")[0] == "FAIL"
