r"""A joint law the tag gives as a product of one conditional law per outcome (a Markov chain p(u) p(v \mid u) p(w \mid
v), a network's factorisation) is the model it states: formulas that hold only under it PASS, and what it does not
imply FAILs."""

from tests.docs.checking import assert_page_pass_and_fail, verdict

CHAIN = r"u, v, w: random variables with joint distribution q(u, v, w); q(u, v, w) = q(u) q(v \mid u) q(w \mid v)"


def test_a_markov_chain_forgets_all_but_the_last_outcome(tmp_path):
    assert_page_pass_and_fail(tmp_path, CHAIN, r"q(w \mid u, v) = q(w \mid v)", r"q(w \mid u, v) = q(w \mid u)")


def test_the_marginal_of_a_chain_with_the_sums_pushed_in(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        CHAIN,
        r"q(w) = \sum_v q(w \mid v) \sum_u q(v \mid u) q(u)",
        r"q(w) = \sum_v q(w \mid v) \sum_u q(u \mid v) q(u)",
    )


def test_the_ends_of_a_chain_are_not_independent(tmp_path):
    failed = verdict(tmp_path, CHAIN, r"q(u, w) = q(u) q(w)")
    assert failed[0] == "FAIL", failed


def test_a_factorisation_alone_declares_the_law(tmp_path):
    tag = r"p(a, b, c) = p(a) p(b) p(c \mid a, b)"
    assert_page_pass_and_fail(tmp_path, tag, r"p(a \mid b) = p(a)", r"p(a \mid b, c) = p(a \mid c)")


def test_a_network_of_five_outcomes_with_a_common_cause(tmp_path):
    tag = r"P(a, b, c, d, e) = P(a) P(b \mid a) P(c \mid a) P(d \mid b) P(e \mid c)"
    assert_page_pass_and_fail(tmp_path, tag, r"P(d, e \mid a) = P(d \mid a) P(e \mid a)", r"P(d, e) = P(d) P(e)")


def test_a_product_whose_outcomes_are_given_each_other_stays_a_property_to_show(tmp_path):
    tag = r"p(a, b, c) = p(a \mid b) p(b \mid a) p(c \mid a)"
    found = verdict(tmp_path, tag, r"p(c \mid a, b) = p(c \mid a)")
    assert found[0] == "UNKNOWN" and "not shown to be one" in found[1], found


def test_a_product_that_leaves_an_outcome_out_stays_a_property_to_show(tmp_path):
    tag = r"p(a, b, c) = p(a) p(b \mid a)"
    found = verdict(tmp_path, tag, r"p(b \mid a, c) = p(b \mid a)")
    assert found[0] == "UNKNOWN" and "not shown to be one" in found[1], found


def test_an_outcome_the_factorisation_does_not_name_is_unknown_with_the_reason(tmp_path):
    found = verdict(tmp_path, CHAIN, r"q(w \mid u, z) = q(w \mid u)")
    assert found[0] == "UNKNOWN" and "does not name" in found[1], found


NAIVE = (
    r"c, u_1, \ldots, u_m: random variables with joint distribution q(c, u_1, \ldots, u_m);"
    r" q(c, u_1, \ldots, u_m) = q(c) \prod_{k=1}^m q(u_k \mid c)"
)


def test_a_factorisation_at_a_run_of_terms_is_written_out_with_the_formula(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        NAIVE,
        r"q(u_1, \ldots, u_m \mid c) = \prod_{k=1}^m q(u_k \mid c)",
        r"q(u_1, \ldots, u_m) = \prod_{k=1}^m q(u_k)",
    )


MARKOV = (
    r"z_1, \ldots, z_m: random variables with joint distribution q(z_1, \ldots, z_m);"
    r" q(z_1, \ldots, z_m) = q(z_1) \prod_{k=2}^m q(z_k \mid z_{k-1})"
)


def test_a_markov_chain_of_any_length_forgets_all_but_the_last_term(tmp_path):
    # at length 1 the formula would name z_0, no term: it is about sequences of two terms or more
    passed = verdict(tmp_path, MARKOV, r"q(z_m \mid z_1, \ldots, z_{m-1}) = q(z_m \mid z_{m-1})")
    assert passed[0] == "PASS" and "length 2, 3" in passed[1], passed
    failed = verdict(tmp_path, MARKOV, r"q(z_m \mid z_1, \ldots, z_{m-1}) = q(z_m \mid z_1)")
    assert failed[0] == "FAIL", failed


def test_a_factorisation_at_a_run_beside_a_formula_about_no_sequence_is_unknown_with_the_reason(tmp_path):
    found = verdict(tmp_path, MARKOV, r"q(a \mid b) = \frac{q(a, b)}{q(b)}")
    assert found[0] == "UNKNOWN" and "written out at each length" in found[1], found
