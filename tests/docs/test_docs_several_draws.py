r"""An expectation over several draws in one subscript (E_{x \sim p, y \sim p(y | x)}) is the draws' means in turn
(derive.docs.several_draws); a draw from a name the tag gives another law's values (p_g(x) = p(x)) is a draw from
that law; and a head of two capitals applied to its argument (IS(x) = ...) names the value the chain computes."""

from checking import assert_page_pass_and_fail, verdict

JOINT = r"x, y: random variables with joint distribution p(x, y)"
RENAMED = JOINT + r"; p_g(x) = p(x)"


def test_an_expectation_over_two_draws_is_their_means_in_turn(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        JOINT,
        r"\mathbb{E}_{x \sim p, y \sim p(y | x)} [\log p(y | x) - \log p(y)] = H(y) - H(y | x)",
        r"\mathbb{E}_{x \sim p, y \sim p(y | x)} [\log p(y | x) + \log p(y)] = H(y) - H(y | x)",
    )


def test_a_draw_from_a_renamed_law_is_a_draw_from_that_law(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        RENAMED,
        r"\mathbb{E}_{x \sim p_g}[D_{KL}[p(y|x) || p(y)]] = H(y) - H(y | x)",
        r"\mathbb{E}_{x \sim p_g}[D_{KL}[p(y|x) || p(y)]] = H(y | x) - H(y)",
    )


def test_a_head_of_two_capitals_applied_names_the_value_of_the_chain(tmp_path):
    chain = r"IS(x) = \exp(\mathbb{E}_{x \sim p_g}[D_{KL}[p(y|x) || p(y)]]) = \exp(H(y) - H(y | x))"
    assert_page_pass_and_fail(tmp_path, RENAMED, chain, chain.replace("H(y) - H(y | x)", "H(y | x) - H(y)"))
    result, detail = verdict(tmp_path, RENAMED, chain)
    assert "IS(x) names the value the chain computes" in detail, detail


def test_two_capitals_whose_letters_the_chain_uses_again_are_no_word(tmp_path):
    result, detail = verdict(tmp_path, r"c: real", r"AB(x + y) = ABx + ABy = AB(y + x)")
    assert "names the value" not in detail, (result, detail)
