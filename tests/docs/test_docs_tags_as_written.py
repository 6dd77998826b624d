r"""Tags and formulas as course notes write them: an expectation subscripted by a law alone (E_{q(z \mid x)}), a joint
law labelled by its variables (P_{XY}, P_X, P_{Y \mid X}), a primed function built from another (\psi'(b) = \psi(a,
b)), a function of one argument given two parameters (\cos(x_1, x_2), the cosine similarity), and a run of names
written with dots (x_1, \ldots, x_n \sim \mathcal{N}(0, 1))."""

import pytest

from tests.docs.checking import assert_page_pass_and_fail, verdict

JOINT = "u, w: random variables with joint distribution q(u, w; \\beta)"


def test_an_expectation_subscripted_by_a_law_of_one_outcome_draws_that_outcome(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        JOINT,
        r"\log q(u; \beta) = \mathbb{E}_{q(w \mid u; \beta)} \log q(u, w; \beta) - \mathbb{E}_{q(w \mid u; \beta)}"
        r" \log q(w \mid u; \beta)",
        r"\log q(u; \beta) = \mathbb{E}_{q(w \mid u; \beta)} \log q(u, w; \beta) + \mathbb{E}_{q(w \mid u; \beta)}"
        r" \log q(w \mid u; \beta)",
    )


def test_a_law_of_two_outcomes_under_an_expectation_stays_as_written(tmp_path):
    found = verdict(tmp_path, JOINT, r"\mathbb{E}_{q(u, w; \beta)} [1] = 1")
    assert found[0] == "UNKNOWN", found


LABELLED = "A, B: discrete random variables with joint distribution P_{AB}(a, b)"


def test_a_joint_law_labelled_by_its_variables_is_one_law_with_its_marginals_and_conditionals(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        LABELLED,
        r"P_{A \mid B}(a \mid b) = \frac{P_{AB}(a, b)}{P_B(b)} = \frac{P_{B \mid A}(b \mid a) P_A(a)}{\sum_{a'}"
        r" P_{B \mid A}(b \mid a') P_A(a')}",
        r"P_{A \mid B}(a \mid b) = \frac{P_{AB}(a, b)}{P_B(b)} = \frac{P_{B \mid A}(b \mid a) P_A(a)}{\sum_{a'}"
        r" P_{B \mid A}(b \mid a')}",
    )


def test_a_label_that_does_not_line_up_with_its_arguments_is_a_law_of_its_own(tmp_path):
    # P_A(b): the law of A at a value of B; never read as the marginal of b
    found = verdict(tmp_path, LABELLED, r"P_{A \mid B}(a \mid b) = \frac{P_{AB}(a, b)}{P_A(b)}")
    assert found[0] == "UNKNOWN", found


PRIMED = r"\psi'(b_k) = \psi(a, b_k); \psi: function"


def test_a_primed_function_built_from_another_at_other_arguments_is_a_function_of_its_own(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        PRIMED,
        r"\prod_{k=1}^m \psi(a, b_k) = \psi'(b_1) \prod_{k=2}^m \psi'(b_k)",
        r"\prod_{k=1}^m \psi(a, b_k) = \prod_{k=2}^m \psi'(b_k)",
    )
    passed = verdict(tmp_path, PRIMED, r"\psi'(b_1) = \psi(a, b_1)")
    assert passed[0] == "PASS" and "\\psi' as a function" in passed[1], passed


def test_a_primed_function_at_the_same_arguments_is_still_refused_as_a_derivative(tmp_path):
    found = verdict(tmp_path, r"g'(t) = g(t)^2; g: function", r"g'(t) = g(t)^2")
    assert found[0] == "UNKNOWN" and "derivative of a name" in found[1], found


COSINE = (
    r"\cos(x_1, x_2) = \frac{x_1 \cdot x_2}{\lVert x_1 \rVert \lVert x_2 \rVert}; x_1, x_2 \in \mathbb{R}^n; x_1 \neq 0;"
    r" x_2 \neq 0"
)


def test_a_function_of_one_argument_defined_with_two_parameters_is_a_function_of_its_own(tmp_path):
    # the cosine similarity cos(x_1, x_2): the tag's clause had been refused, "'\cos' is not a symbol name"
    assert_page_pass_and_fail(tmp_path, COSINE, r"0 \le 1 - \cos(x_1, x_2) \le 2", r"0 \le 1 - \cos(x_1, x_2) \le 1")
    assert_page_pass_and_fail(
        tmp_path, COSINE, r"\cos(x_1, 2 x_2) = \cos(x_2, x_1)", r"\cos(x_1, x_2) = -\cos(x_2, x_1)"
    )
    # applied to one argument, \cos is the cosine still
    assert_page_pass_and_fail(tmp_path, COSINE, r"\cos(0) + \cos(x_1, x_1) = 2", r"\cos(0) + \cos(x_1, x_1) = 1")


def test_a_function_of_one_argument_defined_with_one_parameter_is_still_refused(tmp_path):
    found = verdict(tmp_path, r"\cos(x) = 1 - x^2/2", r"\cos(x) = 1 - x^2/2")
    assert found[0] == "UNKNOWN" and "not a symbol name" in found[1], found


@pytest.mark.parametrize(
    "tag",
    [
        r"y_1, \ldots, y_m \sim \mathcal{N}(\mu, \sigma^2); \sigma > 0",
        r"y_1, y_2, \dots, y_m \overset{\text{iid}}{\sim} \mathcal{N}(\mu, \sigma^2); \sigma > 0",
    ],
)
def test_a_run_of_names_drawn_from_one_law_is_a_vector_of_independent_draws(tag, tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\mathbb{E}\left[\frac{1}{m} \sum_{k=1}^m y_k\right] = \mu",
        r"\mathbb{E}\left[\frac{1}{m} \sum_{k=1}^m y_k\right] = m \mu",
    )


@pytest.mark.parametrize(
    "tag", [r"v_1, \ldots, v_m: real", r"v_1, \dotsc, v_m \in \mathbb{R}", r"v_1, \ldots, v_m > 0"]
)
def test_a_run_of_names_declared_real_or_positive_is_one_vector(tag, tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\log \sum_{k=1}^m e^{v_k} \ge \max_k v_k",
        r"\log \sum_{k=1}^m e^{v_k} \le \max_k v_k",
    )


@pytest.mark.parametrize(
    ("tag", "why"),
    [
        (r"v_1, \ldots, v_m: discrete", "read as the n entries of one vector"),
        (r"v_0, \ldots, v_m: real", "its first index 1"),
        (r"v_1, \ldots, v_{m^2}: real", "its last index a letter or a whole number"),
        (r"v_1, \ldots, u_m: real", "its first index 1"),
    ],
)
def test_a_run_of_names_read_otherwise_is_unknown_with_what_is_read(tag, why, tmp_path):
    found = verdict(tmp_path, tag, r"\log \sum_{k=1}^m e^{v_k} \ge \max_k v_k")
    assert found[0] == "UNKNOWN" and why in found[1], found


def test_a_draw_from_a_transition_kernel_in_a_tag_says_it_is_not_modelled(tmp_path):
    found = verdict(tmp_path, r"t' \sim T(\cdot \mid t, b); 0 \le \gamma < 1", r"Q(t, b) = r(t, b)")
    assert found[0] == "UNKNOWN" and "draws from a conditional law" in found[1], found


def test_a_definition_at_a_run_of_arguments_written_with_dots_is_read_only_beside_a_formula_about_the_run(tmp_path):
    tag = (
        r"u_1, \ldots, u_m: random variables with joint distribution q(u_1, \ldots, u_m);"
        r" q(u_1, \ldots, u_m) = \prod_{k=1}^m q(u_k)"
    )
    assert_page_pass_and_fail(
        tmp_path, tag, r"q(u_m \mid u_1, \ldots, u_{m-1}) = q(u_m)", r"q(u_1, \ldots, u_m) = \prod_{k=1}^m q(u_1)"
    )
    found = verdict(tmp_path, tag, r"q(a \mid b) = \frac{q(a, b)}{q(b)}")
    assert found[0] == "UNKNOWN" and "a run of arguments written with dots" in found[1], found


def test_conditional_independence_in_a_tag_says_it_is_not_modelled(tmp_path):
    tag = r"a, b, c: random variables with joint distribution q; a, b independent given c"
    found = verdict(tmp_path, tag, r"q(a, b \mid c) = q(a \mid c) q(b \mid c)")
    assert found[0] == "UNKNOWN" and "conditional independence" in found[1], found


ACCENTED = r"A, B: random variables with joint distribution \hat q(a, b)"


def test_a_joint_law_written_with_an_accent_is_a_joint_law_under_a_free_letter(tmp_path):
    correct = r"I(A; B) = \sum_{a, b} \hat q(a, b) \log \frac{\hat q(a, b)}{\hat q(a) \hat q(b)}"
    passed = verdict(tmp_path, ACCENTED, correct)
    assert passed[0] == "PASS" and r"\hat{q} as the joint law" in passed[1], passed
    failed = verdict(
        tmp_path, ACCENTED, r"I(A; B) = \sum_{a, b} \hat q(a, b) \log \frac{\hat q(a) \hat q(b)}{\hat q(a, b)}"
    )
    assert failed[0] == "FAIL", failed


def test_an_accented_joint_law_beside_another_law_is_not_that_law(tmp_path):
    tag = ACCENTED + "; p: distribution"
    failed = verdict(tmp_path, tag, r"I(A; B) = \sum_{a, b} \hat q(a, b) \log \frac{\hat q(a, b)}{p(a) \hat q(b)}")
    assert failed[0] == "FAIL", failed


def test_an_expectation_drawn_from_a_starred_distribution_is_under_that_distribution(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"r^*: distribution; r: distribution",
        r"\sum_y r^*(y) \log \frac{r^*(y)}{r(y)} = -H(r^*) - \mathbb{E}_{y \sim r^*} [\log r(y)]",
        r"\sum_y r^*(y) \log \frac{r^*(y)}{r(y)} = H(r^*) - \mathbb{E}_{y \sim r^*} [\log r(y)]",
    )


UNNORMALISED = r"r(y) = \frac{\tilde r(y)}{C}; C > 0; s: distribution; r: distribution"


def test_a_distribution_defined_through_an_unnormalised_law_defines_that_law(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        UNNORMALISED,
        r"\sum_y s(y) \log \frac{s(y)}{\tilde r(y)} = \sum_y s(y) \log \frac{s(y)}{r(y)} - \log C",
        r"\sum_y s(y) \log \frac{s(y)}{\tilde r(y)} = \sum_y s(y) \log \frac{s(y)}{r(y)} + \log C",
    )


def test_one_over_the_constant_before_the_unnormalised_law_is_read_alike(tmp_path):
    tag = r"r(y) = \frac{1}{C} \tilde r(y); C > 0; r: distribution"
    assert_page_pass_and_fail(tmp_path, tag, r"\sum_y \tilde r(y) = C", r"\sum_y \tilde r(y) = 1")


def test_an_entry_of_a_starred_distribution_is_its_entry_not_the_unstarred_one(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"r^*: distribution; r: distribution",
        r"\sum_y r^*_y \log \frac{r^*_y}{r_y} = \sum_y r^*(y) \log \frac{r^*(y)}{r(y)}",
        r"\sum_y r^*_y \log \frac{r^*_y}{r_y} = \sum_y r(y) \log \frac{r^*(y)}{r(y)}",
    )
