"""Names a tag writes without defining them are the tag's own variables: a value, function or sequence its clauses
constrain (h_{t-1} \\neq \\tilde h_t, |y - f(x)| = \\varepsilon, d(a, n) \\ge d(a, p) + m), the names of a definition's body and its parameter
(f(x) = a x^2 + b), the terms of a declared sequence (b_t \\in \\mathbb{R} beside \\sum_i b_i). The formula is claimed
for all of them: a correct formula PASSes, its wrong variant FAILs. A name the tag does not mention stays as before."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.tag_mentions import tag_variables
from derive.docs.tagged_free import writes_i_as_a_factor
from derive.docs.tags import parse_tag

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "a sequence a definition at every step writes at that step, undeclared, at its first step",
        r"s_t = \rho s_{t-1} + (1 - \rho) h_t^2; s_0 = 0; 0 < \rho < 1",
        r"s_1 = (1 - \rho) h_1^2",
        r"s_1 = \rho h_1^2",
    ),
    (
        "the same sequence two steps in",
        r"s_t = \rho s_{t-1} + (1 - \rho) h_t^2; s_0 = 0; 0 < \rho < 1",
        r"s_2 = (1 - \rho) h_2^2 + \rho (1 - \rho) h_1^2",
        r"s_2 = (1 - \rho) h_2^2 + (1 - \rho) h_1^2",
    ),
    (
        "sequences a condition constrains are any sequences it allows",
        r"\lambda = 1; u_t \neq v_t",
        r"\lambda u_t + (1 - \lambda) v_t = u_t",
        r"\lambda u_t + (1 - \lambda) v_t = v_t",
    ),
    (
        "a name defined by an expression the tag equates it with, a function applied in it any function",
        r"|a - h(a)| = r; r > 0",
        r"r |a - h(a)| = (a - h(a))^2",
        r"r |a - h(a)| = 2 (a - h(a))^2",
    ),
    (
        "applications a condition constrains, beside one a range declares, are numbers the clauses constrain",
        r"d(u, v) \ge 0; d(u, w) > d(u, v)",
        r"\min(d(u, v), d(u, w)) = d(u, v)",
        r"\min(d(u, v), d(u, w)) = d(u, w)",
    ),
    (
        "a letter followed by digits that the tag compares is one name",
        r"u1 - u2 > 0",
        r"|u1 - u2| = u1 - u2",
        r"|u1 - u2| = u2 - u1",
    ),
    (
        "a declared term b_t beside the sum over the sequence's terms: the sequence at step t",
        r"s_0 = 0; s_t = s_{t-1} + u_t for t \geq 1; u_t \in \mathbb{R}; t: positive integer",
        r"s_t = \sum_{i=1}^{t} u_i",
        r"s_t = \sum_{i=1}^{t-1} u_i",
    ),
    (
        "a declared term written at the letter a sum runs over is the sequence's term, not one number for all",
        r"a_i: real",
        r"\sum_{i=1}^{3} a_i = a_1 + a_2 + a_3",
        r"\sum_{i=1}^{3} a_i = 3 a_2",
    ),
    (
        "a declared term beside a definition at every step: the sequence, at whole-number steps too",
        r"s_0 = 0; s_t = s_{t-1} + u_t for t \geq 1; u_t \in \mathbb{R}; t: positive integer",
        r"s_3 - s_1 = u_2 + u_3",
        r"s_3 - s_1 = 2 u_3",
    ),
    (
        "a declared term unrolled at other steps is not one number at all of them",
        r"s_0 = 0; s_t = s_{t-1} + u_t for t \geq 1; u_t \in \mathbb{R}; t: positive integer",
        r"s_t - s_{t-1} = u_t",
        r"s_t = t u_t",
    ),
    (
        "the parameter of the tag's function, written free in the formula, on one side only",
        r"q(x) = a x^2 + b; h > 0",
        r"\frac{q(x + h) - q(x)}{h} - 2 a x = a h",
        r"\frac{q(x + h) - q(x)}{h} - 2 a x = 2 a h",
    ),
    (
        "the names of the body of a name the tag defines, one side not writing them all",
        r"\ell_i = (\beta + \omega x_i - y_i)^2",
        r"\frac{\partial \ell_i}{\partial \omega} = 2(\beta + \omega x_i - y_i) x_i",
        r"\frac{\partial \ell_i}{\partial \omega} = 2(\beta + \omega x_i - y_i)",
    ),
    (
        "a definition at a step written above and one below, read at the step the formula writes above",
        r"\hat{o}^{(j)}_n = \sum_i a_{n,i} \hat{v}^{(j)}_i",
        r"\hat{o}^{(1)}_n + \hat{o}^{(2)}_n = \sum_i a_{n,i} (\hat{v}^{(1)}_i + \hat{v}^{(2)}_i)",
        r"\hat{o}^{(1)}_n + \hat{o}^{(2)}_n = \sum_i a_{n,i} (\hat{v}^{(1)}_i + \hat{v}^{(1)}_i)",
    ),
    (
        "a primed name written as an argument of a function the tag declares, the formula's own variable like x",
        r"\theta': function of \eta; J(\tau', \theta'): function of \theta'",
        r"\frac{\partial J(\tau', \theta')}{\partial \eta} = \frac{\partial J(\tau', \theta')}{\partial \theta'}"
        r" \frac{d\theta'}{d\eta}",
        r"\frac{\partial J(\tau', \theta')}{\partial \eta} = \frac{\partial J(\tau', \theta')}{\partial \theta'}",
    ),
    (
        "a term the tag declares at a whole-number step is the recursion's sequence at that step",
        r"m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t; m_0 = 0; \hat{m}_t = \frac{m_t}{1 - \beta_1^t}; 0 < \beta_1 < 1;"
        r" g_1: real",
        r"\hat{m}_1 = g_1",
        r"\hat{m}_1 = (1 - \beta_1) g_1",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_tags_names_are_its_variables(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_sequence_the_tag_does_not_mention_may_be_a_particular_one(tmp_path):
    """r_t, which no clause writes, is read as arbitrary and refuted: the author may mean a particular sequence."""
    result, detail = verdict(tmp_path, r"\lambda = 1; u_t \neq v_t", r"\lambda u_t + (1 - \lambda) r_t = r_t")
    assert result == "UNKNOWN" and "particular function" in detail, (result, detail)


def test_a_name_beside_an_expression_of_the_results_notation_still_renames_it():
    """Under a result, EXPRESSION = NAME still names the result's NAME: it is no definition of a name of the tag."""
    from derive.docs.renamed_expressions import expressions_as_names

    binding = parse_tag(r"sigmoid_derivative; {v'_{w}}^\top v_{w_I} = x")
    text, rest = expressions_as_names(r"1 - \sigma({v'_{w}}^\top v_{w_I})", binding)
    assert "{x}" in text and not rest.overrides


def test_a_set_the_tag_sums_over_is_no_variable():
    """\\mathcal{B} in \\sum_{x \\in \\mathcal{B}} is a set the checker does not model, never a number claimed for all."""
    found = tag_variables(parse_tag(r"\mu = \frac{1}{|\mathcal{B}|} \sum_{x \in \mathcal{B}} x; \sigma > 0"))
    assert "cal_B" not in found and "sigma" in found, found


def test_a_vector_declared_at_the_letter_the_tag_sums_over_is_refused_not_refuted(tmp_path):
    """u_j: vector beside the tag's \\sum_j u_j^T v: one vector cannot stand for the sum's terms, so the correct
    gradient is UNKNOWN with the reason (it had FAILed with every term read as the same vector)."""
    result, detail = verdict(tmp_path, r"s = \sum_{j=1}^{n} u_j^\top v; u_j: vector; v: vector", r"\nabla_{u_j} s = v")
    assert result == "UNKNOWN" and "family of vectors" in detail, (result, detail)


def test_a_name_a_tag_without_a_result_equates_to_another_is_the_formula_s_variable_too(tmp_path):
    # d_attn = d_model with no result: d_model is a number the formula and the tag share, not a name of a result
    tag = r"d_\text{attn} = d_\text{model}; d_\text{ff} = 4 d_\text{model}"
    holds = verdict(
        tmp_path,
        tag,
        r"2\;n_\text{layer} d_\text{model}(2d_\text{attn} + d_\text{ff}) = 12\;n_\text{layer} d_\text{model}^2",
    )
    assert holds[0] == "PASS", holds
    fails = verdict(
        tmp_path,
        tag,
        r"2\;n_\text{layer} d_\text{model}(2d_\text{attn} + d_\text{ff}) = 8\;n_\text{layer} d_\text{model}^2",
    )
    assert fails[0] == "FAIL", fails


def test_a_derivative_of_a_primed_names_variable_by_it_stays_undecided(tmp_path):
    """d\\eta / d\\theta' differentiates the formula's own variable by a function the tag declares of it: the
    tag does not state \\eta as a function of \\theta', so the chain rule written with it is UNKNOWN with that reason."""
    tag = r"\theta': function of \eta; J(\tau', \theta'): function of \theta'"
    formula = (
        r"\frac{\partial J(\tau', \theta')}{\partial \eta} = \frac{\partial J(\tau', \theta')}{\partial \theta'}"
        r" \frac{d\eta}{d\theta'}"
    )
    result, detail = verdict(tmp_path, tag, formula)
    assert result == "UNKNOWN" and "a function the tag does not state" in detail, (result, detail)


def test_a_value_the_tag_sets_apart_claims_every_other_value(tmp_path):
    """\\alpha \\neq 0 says which values are meant: every other one. A formula that holds for positive values only
    FAILs at a negative one; a correct one PASSes; with no such clause it stays UNKNOWN, asking which are meant."""
    assert_page_pass_and_fail(
        tmp_path,
        r"a \neq 0",
        r"\frac{\sqrt{a^2}}{a} = \operatorname{sgn}(a)",
        r"\frac{\sqrt{a^2}}{a} = 1",
    )
    result, detail = verdict(tmp_path, r"a \neq 0", r"\frac{\sqrt{a^2}}{a} = 1")
    assert "'a \\neq 0' claiming every other value" in detail and "fails at a=-" in detail, detail
    result, detail = verdict(tmp_path, r"b \neq 0", r"\frac{\sqrt{a^2}}{a} = 1")
    assert result == "UNKNOWN" and "say which values are meant" in detail, (result, detail)


def test_a_vector_declared_over_a_size_the_tag_declares_after_it_has_that_size(tmp_path):
    # \hat{x} \in \mathbb{R}^M before M: dimension: the vector's entries run to the same M the sums run to
    tag = r"\hat{x} \in \mathbb{R}^M; M: dimension"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\sum_{j=1}^M \hat{x}_j^2 = \sum_{j=1}^M \hat{x}_j \hat{x}_j",
        r"\sum_{j=1}^M \hat{x}_j^2 = \sum_{j=1}^M \hat{x}_j",
    )
    # a sum to 3 writes past the last entry of a shorter vector (set aside there) and misses entries of a longer one
    result, detail = verdict(tmp_path, tag, r"\sum_{j=1}^M \hat{x}_j = \sum_{j=1}^3 \hat{x}_j")
    assert result == "FAIL" and "n=4" in detail, (result, detail)


def test_the_softmax_of_a_vector_over_a_declared_size_runs_over_that_size(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"x \in \mathbb{R}^M; M: dimension",
        r"\operatorname{softmax}(x)_i = \frac{\exp(x_i)}{\sum_{j = 1}^M \exp(x_j)}",
        r"\operatorname{softmax}(x)_i = \frac{\exp(x_i)}{\sum_{j = 1}^M \exp(x_j) + 1}",
    )


def test_a_sum_past_the_entries_of_every_vector_drawn_stays_unknown(tmp_path):
    # x has 3 entries: a sum to 5 writes past them at every point, so nothing is checked
    result, detail = verdict(tmp_path, r"x \in \mathbb{R}^3", r"\sum_{j=1}^5 x_j = \sum_{j=1}^5 x_j^2")
    assert result == "UNKNOWN" and "past the last entry" in detail, (result, detail)


def test_a_primed_index_the_tag_lists_values_for_runs_over_them(tmp_path):
    # \sum_{a'} over a' \in \{1, 2, 3\}: the sum runs over the listed values, as one over a does
    tag = r"s \in \{1, 2\}; a, a' \in \{1, 2, 3\}"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\sum_{a} \frac{\exp(\theta_{s,a})}{\sum_{a'} \exp (\theta_{s,a'})} = 1",
        r"\sum_{a} \frac{\exp(\theta_{s,a})}{\sum_{a'} \exp (\theta_{s,a'})} = 2",
    )


def test_a_sum_over_several_indices_some_primed_runs_over_each_ones_listed_values(tmp_path):
    # \sum_{s, a'}: each primed index a letter of its own, over the values the tag lists for it as written; in the
    # wrong form the denominator's s runs over both values, so the sum over a alone is only a part of 1
    tag = r"s, s' \in \{1, 2\}; a, a' \in \{1, 2, 3\}; \theta_{s,a} \in \mathbb{R}"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\sum_{s,a} \frac{\exp(\theta_{s,a})}{\sum_{s',a'} \exp (\theta_{s',a'})} = 1",
        r"\sum_{a} \frac{\exp(\theta_{s,a})}{\sum_{s,a'} \exp (\theta_{s,a'})} = 1",
    )


def test_a_real_declared_at_listed_indices_is_a_family_of_reals(tmp_path):
    # \theta_{s,a} \in \mathbb{R} with s and a listed: a real at every pair, not one number written at both
    tag = r"s \in \{1, 2\}; a, a' \in \{1, 2, 3\}; \theta_{s,a} \in \mathbb{R}"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\sum_{a} \frac{\exp(\theta_{s,a})}{\sum_{a'} \exp (\theta_{s,a'})} = 1",
        r"\sum_{a} \frac{\exp(\theta_{s,a})}{\sum_{a'} \exp (\theta_{s,a'})} = 2",
    )
    # a gap that moves with the family: any family the tag allows refutes it; undeclared, the author may mean one
    wrong = r"\sum_{a} \frac{\exp(\theta_{s,a})}{1 + \sum_{a'} \exp (\theta_{s,a'})} = 1"
    result, detail = verdict(tmp_path, tag, wrong)
    assert result == "FAIL" and "any function" in detail, (result, detail)
    result, detail = verdict(tmp_path, r"s \in \{1, 2\}; a, a' \in \{1, 2, 3\}", wrong)
    assert result == "UNKNOWN" and "particular function" in detail, (result, detail)


def test_a_later_term_of_a_sequence_whose_first_term_the_tag_declares_is_still_any_term(tmp_path):
    """g_1: real names the first term only: m^_2 = g_2 FAILs with g_2 any number (m^_2 mixes g_1 and g_2)."""
    tag = r"m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t; m_0 = 0; \hat{m}_t = \frac{m_t}{1 - \beta_1^t}; 0 < \beta_1 < 1; g_1: real"
    result, detail = verdict(tmp_path, tag, r"\hat{m}_2 = g_2")
    assert result == "FAIL", (result, detail)


@pytest.mark.parametrize(
    "latex",
    [r"(a + ib) (c + id) = (ac - bd) + i(ad + bc)", r"(a + ib) (c + id) = (ac + bd) + i(ad + bc)"],
)
def test_a_free_i_beside_declared_reals_may_be_the_imaginary_unit(tmp_path, latex):
    """i, which the tag leaves free, is the imaginary unit in a product of complex numbers: read as a real variable it
    refutes the rule of multiplication too, so neither the rule nor its wrong variant is decided (the rule had
    FAILed)."""
    result, detail = verdict(tmp_path, "a: real; b: real; c: real; d: real", latex)
    assert result == "UNKNOWN" and "imaginary unit" in detail, (result, detail)


@pytest.mark.parametrize(
    "latex, factor",
    [
        (r"(a + ib) (c + id) = (ac - bd) + i(ad + bc)", True),
        (r"z = a + bi", True),
        (r"e^{i\theta} = \cos\theta + i \sin\theta", True),
        (r"i^2 = -1", True),
        (r"R_{\Theta, j-i} = (R_{\Theta, i})^\top R_{\Theta, j}", False),  # an index in subscripts
        (r"\eta^{K-i} \cdot r_{min} \eta^i = r_{max}", False),  # a count in exponents, multiplying nothing
        (r"\sum_{i=1}^n x_i = 1", False),
    ],
)
def test_only_an_i_written_as_a_factor_is_doubted_as_the_imaginary_unit(latex, factor):
    assert writes_i_as_a_factor(latex) is factor


def test_a_name_the_tag_defines_by_its_entries_is_no_variable_of_the_formula(tmp_path):
    """s_i = softmax entry in the tag: the formula's bold s is the vector of those entries, never a number claimed for
    all values (the gradient s - y had FAILed with s read so)."""
    tag = (
        r"H = -\sum_{i=1}^n y_i \log s_i; s_i = \frac{e^{x_i}}{\sum_j e^{x_j}}; \mathbf y: probability vector;"
        r" \mathbf x: vector"
    )
    result, detail = verdict(tmp_path, tag, r"\nabla_{\mathbf x} H = \mathbf s - \mathbf y")
    assert result != "FAIL", (result, detail)


W2V_TAG = r"log_softmax_stable; {v'_{w_i}}^{\top}{v_{w_I}} = z_i"


@pytest.mark.parametrize(
    ("latex", "expected"),
    [
        (
            r"- \log \frac{\exp({v'_{w_O}}^{\top}{v_{w_I}})}{\sum_{i=1}^V \exp({v'_{w_i}}^{\top}{v_{w_I}})}"
            r" = - {v'_{w_O}}^{\top}{v_{w_I} } + \log \sum_{i=1}^V \exp({v'_{w_i} }^{\top}{v_{w_I}})",
            "PASS",
        ),
        (
            r"- \log \frac{\exp({v'_{w_O}}^{\top}{v_{w_I}})}{\sum_{i=1}^V \exp({v'_{w_i}}^{\top}{v_{w_I}})}"
            r" = {v'_{w_O}}^{\top}{v_{w_I} } + \log \sum_{i=1}^V \exp({v'_{w_i} }^{\top}{v_{w_I}})",
            "FAIL",
        ),
    ],
)
def test_an_expression_the_tag_equates_with_entries_defines_no_vector_by_them(tmp_path, latex, expected):
    """{v'_{w_i}}^T v_{w_I} = z_i relates an expression to the entries z_i: v' is still the formula's own vector (it
    had been left unbound as if the tag defined it entry by entry)."""
    result, detail = verdict(tmp_path, W2V_TAG, latex)
    assert result == expected, (result, detail)


def test_a_family_whose_entries_are_one_bare_name_leaves_that_name_a_variable(tmp_path):
    """g_i = g says every gradient is the number g: g is no vector defined by its entries but a variable of the
    formula, so the bias of Adam's first moment under a constant gradient is decided."""
    tag = r"m_t = (1 - \beta_1) \sum_{i=1}^{t} \beta_1^{t-i} g_i; g_i = g; 0 < \beta_1 < 1; t \in \{1, 2, 3, \ldots\}"
    assert_page_pass_and_fail(tmp_path, tag, r"m_t = g \cdot (1 - \beta_1^t)", r"m_t = g \cdot (1 - \beta_1^{t+1})")
    greek = tag.replace("g_i", r"\gamma_i").replace("= g;", r"= \gamma;")
    correct, wrong = r"m_t = \gamma (1 - \beta_1^t)", r"m_t = \gamma (1 - \beta_1^{t+1})"
    assert_page_pass_and_fail(tmp_path, greek, correct, wrong)
