"""The law of a sequence written with dots or ranges (``p(x_1, \\ldots, x_n) = \\prod_i p(x_i \\mid x_{<i})``) is
decided with the sequence written out at lengths 1, 2 and 3: the chain rule PASSes in each spelling authors use, a
wrong factorisation FAILs with the length and the written-out formula, and one that holds when the terms are
independent (a Markov chain) is UNKNOWN, since it may state a model."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.decide import decide
from derive.docs.sequence_laws import decide_sequence_laws
from derive.docs.tags import parse_tag
from derive.docs.verdict import Binding

CHAIN_RULE_TAG = r"x_1, \ldots, x_n: random variables with joint distribution p(x_1, \ldots, x_n)"

# (name, tag, correct formula, wrong variant); None: untagged, "": the shared notation
PAIRS = [
    (
        "the chain rule with dots, untagged",
        None,
        r"p(x_1, \ldots, x_n) = \prod_{i=1}^{n} p(x_i \mid x_1, \ldots, x_{i-1})",
        r"p(x_1, \ldots, x_n) = \sum_{i=1}^{n} p(x_i \mid x_1, \ldots, x_{i-1})",
    ),
    (
        "the chain rule with a prefix x_{<t}",
        "",
        r"P(w_1, w_2, \ldots, w_T) = \prod_{t=1}^{T} P(w_t \mid w_{<t})",
        r"P(w_1, w_2, \ldots, w_T) = \prod_{t=1}^{T-1} P(w_t \mid w_{<t})",
    ),
    (
        "the log-likelihood of a sequence given a prompt",
        None,
        r"\log p_\theta(y \mid x) = \sum_{t} \log p_\theta(y_t \mid y_{<t}, x)",
        r"\log p_\theta(y \mid x) = -\sum_{t} \log p_\theta(y_t \mid y_{<t}, x)",
    ),
    (
        "ranges 1:t written as in n-gram notes",
        None,
        r"P(w_{1:n}) = P(w_1) \prod_{k=2}^{n} P(w_k \mid w_{1:k-1})",
        r"P(w_{1:n}) = P(w_1) \prod_{k=2}^{n} P(w_{1:k-1} \mid w_k)",
    ),
    (
        "a next-token conditional as a ratio of prefix probabilities, for every t",
        None,
        r"p(x_t \mid x_{<t}) = \frac{p(x_{\le t})}{p(x_{<t})}",
        r"p(x_t \mid x_{<t}) = \frac{p(x_{\le t})}{p(x_t)}",
    ),
    (
        "the whole sequence named by its bold letter, inside an exponential",
        "",  # untagged, the length T of x is not written (see the last test)
        r"p(\mathbf{x}) = \exp\left(\sum_{t=1}^{T} \log p(x_t \mid \mathbf{x}_{<t})\right)",
        r"p(\mathbf{x}) = \exp\left(\frac{1}{T} \sum_{t=1}^{T} \log p(x_t \mid \mathbf{x}_{<t})\right)",
    ),
    (
        "the chain rule spelled out as factors with dots",
        None,
        r"p(x_1, \ldots, x_n) = p(x_1) p(x_2 \mid x_1) \cdots p(x_n \mid x_1, \ldots, x_{n-1})",
        r"p(x_1, \ldots, x_n) = p(x_1) p(x_2 \mid x_1) \cdots p(x_n \mid x_1, \ldots, x_{n-1}) p(x_1)",
    ),
    (
        "the log-likelihood spelled out as terms with dots",
        None,
        r"\log p(x_1, \ldots, x_n) = \log p(x_1) + \log p(x_2 \mid x_1) + \cdots + \log p(x_n \mid x_{<n})",
        r"\log p(x_1, \ldots, x_n) = \log p(x_1) + \log p(x_2 \mid x_1) + \cdots + \log p(x_n \mid x_{<n}) + 1",
    ),
    (
        "a class-conditional chain rule with three periods, under a tag declaring the joint law",
        r"x_1, \ldots, x_d, y: discrete random variables with a joint distribution p",
        r"p(\mathbf{x} \mid y) = p(x_1 \mid y) \cdot p(x_2 \mid x_1, y) \cdot ... \cdot p(x_d \mid x_1, ..., x_{d-1}, y)",
        r"p(\mathbf{x} \mid y) = p(x_1 \mid y) \cdot p(x_2 \mid y) \cdot ... \cdot p(x_d \mid y)",
    ),
    (
        "a policy over responses, its length written |y|",
        None,
        r"\pi_\theta(y \mid x) = \prod_{t=1}^{|y|} \pi_\theta(y_t \mid x, y_{<t})",
        r"\pi_\theta(y \mid x) = \prod_{t=1}^{|y|} \pi_\theta(y_{<t} \mid x, y_t)",
    ),
    (
        "a length-normalised log-likelihood",
        "",
        r"\frac{1}{|y|}\sum_{t=1}^{|y|} \log \pi_\theta(y_t \mid x, y_{<t}) = \frac{1}{|y|} \log \pi_\theta(y \mid x)",
        r"\frac{1}{|y|}\sum_{t=1}^{|y|} \log \pi_\theta(y_t \mid x, y_{<t}) = \log \pi_\theta(y \mid x)",
    ),
    (
        "the chain rule backwards, its product written from T - 1 down to 1",
        None,
        r"P(x_1, \ldots, x_T) = P(x_T) \prod_{t=T-1}^1 P(x_t \mid x_{t+1}, \ldots, x_T)",
        r"P(x_1, \ldots, x_T) = P(x_T) \prod_{t=T-1}^1 P(x_{t+1}, \ldots, x_T \mid x_t)",
    ),
    (
        "a run written from x_{t+1} down to x_1",
        None,
        r"P(x_{t+1}, \ldots, x_1) = P(x_{t}, \ldots, x_1) \cdot P(x_{t+1} \mid x_{t}, \ldots, x_1)",
        r"P(x_{t+1}, \ldots, x_1) = P(x_{t}, \ldots, x_1) + P(x_{t+1} \mid x_{t}, \ldots, x_1)",
    ),
    (
        "amsmath's \\dotsc between the arguments, the last conditional's run written down to its first term",
        r"y_1, \ldots, y_T: random variables with joint distribution p(y_1, \ldots, y_T)",
        r"p(y_1, y_2, \dotsc, y_T) = p(y_1) p(y_2 \mid y_1) \dotsm p(y_T \mid y_{T-1}, \dotsc, y_2, y_1).",
        r"p(y_1, y_2, \dotsc, y_T) = p(y_1) p(y_2 \mid y_1) \dotsm p(y_T \mid y_{T-1}).",
    ),
    (
        "the chain rule under the result of the chain rule of probability",
        "chain_rule_of_probability",
        r"p(x_1, \ldots, x_T) = \prod_{t=1}^{T} p(x_t \mid x_1, \ldots, x_{t-1})",
        r"p(x_1, \ldots, x_T) = \prod_{t=1}^{T} p(x_1, \ldots, x_{t-1} \mid x_t)",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_chain_rule_passes_and_a_wrong_factorisation_fails(name, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_failure_names_the_length_and_the_written_out_formula(tmp_path):
    found = verdict(tmp_path, None, r"p(x_1, \ldots, x_n) = \sum_{i=1}^{n} p(x_i \mid x_1, \ldots, x_{i-1})")
    assert found[0] == "FAIL", found
    assert r"length 2, p(x_{1}, x_{2}) = ((p(x_{1}))+(p(x_{2}\mid x_{1})))" in found[1], found


@pytest.mark.parametrize(
    "markov",
    [
        r"p(x_1, \ldots, x_T) = \prod_{t=1}^{T} p(x_t \mid x_{t-1})",
        r"p(x_{1:T}) = p(x_1) \prod_{t=2}^{T} p(x_t \mid x_{t-1})",
        r"\log p(\mathbf{x} \mid c) = \sum_{t=1}^{T} \log p(x_t \mid c)",
    ],
)
def test_a_factorisation_that_holds_for_independent_terms_may_state_a_model(markov, tmp_path):
    found = verdict(tmp_path, "", markov)
    assert found[0] == "UNKNOWN" and "holds when they are independent" in found[1], found
    assert verdict(tmp_path, None, markov)[0] == "SKIPPED"  # untagged, an undecided formula is set aside


def test_a_factorisation_under_a_tag_that_declares_the_joint_law_is_claimed_for_every_law(tmp_path):
    tag = r"x_1, \ldots, x_n: discrete random variables with joint distribution p; n: positive integer"
    found = verdict(tmp_path, tag, r"p(x_1, \dots, x_n) = \prod_{i=1}^n p(x_i \mid x_{i-1})")
    assert found[0] == "FAIL" and "length" in found[1], found
    found = verdict(tmp_path, tag, r"p(x_1, \dots, x_n) = \prod_{i=1}^n p(x_i \mid x_{i+1}, \dots, x_n)")
    assert found[0] == "PASS", found


def test_a_value_of_a_conditional_law_is_not_read_as_a_position(tmp_path):
    # p(w_i | w_I) under a sum over i: w_i is no value numbered i of a law of one outcome
    found = verdict(tmp_path, "", r"\sum_{i=1}^{n} p(w_i \mid w_I) = 1")
    assert found[0] != "FAIL", found


def test_a_markov_factorisation_fails_under_the_chain_rule_of_probability():
    # the result claims the factorisation for every law: its conditional must be given the whole prefix
    found = decide(
        r"\log p(\mathbf{x}) = \sum_{t=1}^{T} \log p(x_t \mid x_{t-1})", parse_tag("chain_rule_of_probability")
    )
    assert found.verdict in ("FAIL", "UNKNOWN") and found.verdict != "PASS", found
    assert "not the whole prefix" in found.detail or found.verdict == "FAIL", found


def test_values_summed_over_are_not_a_sequence(tmp_path):
    # Σ_i p(x_i) = 1 sums a law over its values x_i: read so, it holds, and a wrong total fails
    assert decide_sequence_laws(r"\sum_{i} p(x_i) = 1", Binding(), lambda text: None) is None
    assert_page_pass_and_fail(tmp_path, "", r"\sum_{i=1}^{n} p(x_i) = 1", r"\sum_{i=1}^{n} p(x_i) = 2")


def test_terms_numbered_by_hand_are_a_joint_law_of_those_terms(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        "",
        r"p(x_1, x_2, x_3) = p(x_1) p(x_2 \mid x_1) p(x_3 \mid x_1, x_2)",
        r"p(x_1, x_2, x_3) = p(x_1) p(x_2 \mid x_1) p(x_3 \mid x_1, x_2) p(x_1)",
    )


def test_a_first_term_the_last_one_cannot_be_at_1_is_the_runs_own(tmp_path):
    # p(x_n | x_{n-1}) at n = 1 would name x_0, no term: the p(x_1) written first is the run's first term, and the
    # run is the Markov factorisation, a model untagged and a wrong claim under a tag declaring the joint law
    markov = r"p(x_1, \ldots, x_n) = p(x_1) p(x_2 \mid x_1) \cdots p(x_n \mid x_{n-1})"
    found = verdict(tmp_path, "", markov)
    assert found[0] == "UNKNOWN" and "holds when they are independent" in found[1], found
    found = verdict(tmp_path, CHAIN_RULE_TAG, markov)
    assert found[0] == "FAIL" and "p(x_{3}\\mid x_{2})" in found[1], found


def test_terms_before_the_dots_that_are_not_the_last_term_at_1_2_are_not_read(tmp_path):
    # p(x_2 | x_2) is not the last term at 2, which names x_1, a term: which run is meant is not said
    found = verdict(tmp_path, "", r"p(x_1, \ldots, x_n) = p(x_1) p(x_2 \mid x_2) \cdots p(x_n \mid x_{n-1})")
    assert found[0] == "UNKNOWN" and "not the last term at 1, 2" in found[1], found


def test_a_function_of_terms_no_law_conditions_is_no_law(tmp_path):
    # q(h_1, ..., h_T) = h_T (an encoder's context from its hidden states): q is a function, not a law
    assert decide_sequence_laws(r"q (\mathbf{h}_1, \ldots, \mathbf{h}_T) = \mathbf{h}_T", Binding(), None) is None
    assert verdict(tmp_path, None, r"q (\mathbf{h}_1, \ldots, \mathbf{h}_T) = \mathbf{h}_T")[0] == "SKIPPED"


def test_the_full_stop_that_ends_a_display_is_no_part_of_the_last_factor(tmp_path):
    # written out, the stop after the product's last factor became part of it: p(x_1).
    correct = (
        r"\begin{aligned} p(x) = p(x_1, x_2, ..., x_n) &= \prod_{i=1}^n p(x_i | x_1, ..., x_{i - 1}). \end{aligned}"
    )
    wrong = r"\begin{aligned} p(x) = p(x_1, x_2, ..., x_n) &= \prod_{i=1}^n p(x_i | x_1, ..., x_{i}). \end{aligned}"
    assert verdict(tmp_path, CHAIN_RULE_TAG, correct)[0] == "PASS"
    assert verdict(tmp_path, None, correct)[0] == "PASS"
    assert verdict(tmp_path, CHAIN_RULE_TAG, wrong)[0] != "PASS"
    assert verdict(tmp_path, CHAIN_RULE_TAG, r"p(x_1, \ldots, x_n) = \prod_{i=1}^n p(x_i \mid x_{<i}),")[0] == "PASS"


def test_a_law_the_tag_declares_is_a_law_where_no_factor_is_conditioned(tmp_path):
    # the tag says p is the terms' joint law: p(x_1, ..., x_n) = prod p(x_i) claims independence for every law
    assert_page_pass_and_fail(
        tmp_path,
        CHAIN_RULE_TAG,
        r"p(x_1, \ldots, x_n) \le 1",
        r"\begin{aligned} p(x) = p(x_1, x_2, ..., x_n) &= \prod_{i=1}^n p(x_i). \end{aligned}",
    )
    assert_page_pass_and_fail(
        tmp_path,
        r"x, y: random variables with joint distribution p(x, y)",
        r"p(x, y) = p(x \mid y) p(y)",
        r"p(x, y) = p(x) p(y)",
    )
    # untagged, a function of terms no law conditions is still no law
    assert decide_sequence_laws(r"p(x_1, \ldots, x_n) = \prod_{i=1}^n p(x_i)", Binding(), None) is None


def test_a_run_of_sums_over_terms_written_with_dots_sums_over_each_term(tmp_path):
    # \sum_{x_2} \sum_{x_3} \cdots \sum_{x_n}: one sum over each term from x_2 to x_n, none at n = 1
    assert_page_pass_and_fail(
        tmp_path,
        CHAIN_RULE_TAG,
        r"p(x_1) = \sum_{x_2} \sum_{x_3} \cdots \sum_{x_n} p(x_1, x_2, \dotsc, x_n).",
        r"p(x_1) = \sum_{x_2} \sum_{x_3} \cdots \sum_{x_n} p(x_2, \dotsc, x_n).",
    )
    assert_page_pass_and_fail(
        tmp_path,
        CHAIN_RULE_TAG,
        r"p(x_1) = \sum_{x_2} \cdots \sum_{x_n} p(x_1, \ldots, x_n)",
        r"p(x_1) = \sum_{x_3} \cdots \sum_{x_n} p(x_1, \ldots, x_n)",
    )
    # the sums' terms must count up by one: which run \sum_{x_2} \sum_{x_4} \cdots \sum_{x_n} means is not said
    found = verdict(tmp_path, CHAIN_RULE_TAG, r"p(x_1) = \sum_{x_2} \sum_{x_4} \cdots \sum_{x_n} p(x_1, \ldots, x_n)")
    assert found[0] == "UNKNOWN" and "count up by one" in found[1], found


def test_a_formula_is_not_written_out_at_a_length_below_a_term_it_names(tmp_path):
    # p(x_1, x_2) names x_2: at length 1 it would be p(x_1, x_2) = p(x_1), a formula about no sequence of length 1
    found = verdict(tmp_path, CHAIN_RULE_TAG, r"p(x_1, x_2) = \sum_{x_3} \cdots \sum_{x_n} p(x_1, x_2, \dotsc, x_n)")
    assert found[0] == "PASS" and "holds for sequences of length 2, 3" in found[1], found
    found = verdict(tmp_path, CHAIN_RULE_TAG, r"p(x_1, x_2) = \sum_{x_2} \cdots \sum_{x_n} p(x_1, x_2, \dotsc, x_n)")
    assert found[0] == "FAIL", found


def test_a_law_at_a_name_apart_from_the_terms_may_be_the_whole_sequence(tmp_path):
    """pi(y | x) beside the tokens t_k of a response: the prose says y = (t_1, ..., t_T), the formula does not, so the
    written-out formula is not refuted with y drawn apart from the tokens; written with the run t_{1:T} it is read."""
    ratio = r"\log \frac{\pi(t_k \mid x, t_{<k})}{\pi_{\text{ref}}(t_k \mid x, t_{<k})}"
    apart = r"\log \frac{\pi(y \mid x)}{\pi_{\text{ref}}(y \mid x)} = \sum_{k=1}^{T} " + ratio
    result, detail = verdict(tmp_path, None, apart)
    assert result == "SKIPPED" and "y may name the whole sequence t" in detail, (result, detail)
    run = r"\log \frac{\pi(t_{1:T} \mid x)}{\pi_{\text{ref}}(t_{1:T} \mid x)} = "
    assert_page_pass_and_fail(tmp_path, None, run + r"\sum_{k=1}^{T} " + ratio, run + r"\prod_{k=1}^{T} " + ratio)


def test_a_law_of_a_whole_sequence_whose_length_nothing_writes_is_set_aside_untagged(tmp_path):
    """p(x) = \\prod_{i=1}^{n} ...: untagged, the product's n is the length of x only if the prose says so (an n by n
    image has n^2 pixels); a run x_1, \\ldots, x_n or a term x_n writes the length, and the product is then checked."""
    product = r" = \prod_{i=1}^{n} p(x_i \mid x_1, \ldots, x_{i-1})"
    result, detail = verdict(tmp_path, None, "p(x)" + product)
    assert result == "SKIPPED" and "may give the sequence another length" in detail, (result, detail)
    assert verdict(tmp_path, None, r"p(x) = \sum_{i=1}^{n} p(x_i \mid x_1, \ldots, x_{i-1})")[0] == "FAIL"
    written = r"p(x) = p(x_1, x_2, \ldots, x_n)"
    assert_page_pass_and_fail(tmp_path, None, written + product, written + product.replace(r"\prod", r"\sum"))


def test_a_closing_clause_that_empties_the_run_before_the_first_term_is_the_convention_kept(tmp_path):
    r"""``\text{ with } w_{1:0} = \emptyset`` states what writing the sequence out does already (x_{1:0} becomes no
    terms): the claim before it is decided; a clause that empties a run with terms is not that convention."""
    claim = r"P(w_{1:T} \mid W_0) = \prod_{t=1}^T P(w_t \mid w_{1:t-1}, W_0)"
    clause = r" \text{ ,with } w_{1:0} = \emptyset,"
    assert_page_pass_and_fail(tmp_path, "", claim + clause, claim.replace(r"\prod", r"\sum") + clause)
    assert_page_pass_and_fail(
        tmp_path,
        None,
        claim + r" \quad w_{<1} = \varnothing",
        claim.replace(r"\prod", r"\sum") + r"\quad w_{<1} = \varnothing",
    )
    found = verdict(tmp_path, "", claim + r" \text{ with } w_{1:1} = \emptyset")
    assert found[0] == "UNKNOWN" and "emptyset" in found[1], found
