r"""A tag clause that writes a draw only inside a subscript, a definition through an expectation such as labml.ai's
dueling network's V^\pi(s) = \mathbb{E}_{a \sim \pi(s)}[Q^\pi(s, a)], is no law clause: it had been cut at its
\sim and refused as an unbalanced brace, which left every formula under the tag UNKNOWN."""

from checking import assert_page_pass_and_fail, verdict


def test_a_definition_through_an_expectation_leaves_the_rest_of_the_tag_read(tmp_path):
    tag = r"a: real; m = \mathbb{E}_{x \sim \mathcal{N}(0, 1)}[x^2]"
    assert_page_pass_and_fail(tmp_path, tag, r"a + a = 2a", r"a + a = 3a")


def test_the_dueling_networks_tag_is_not_refused_as_unbalanced(tmp_path):
    tag = r"A^\pi(s, a) = Q^\pi(s, a) - V^\pi(s); V^\pi(s) = \mathbb{E}_{a \sim \pi(s)}[Q^\pi(s, a)]; Q^\pi: function"
    result, detail = verdict(tmp_path, tag, r"Q^\pi(s,a) = V^\pi(s) + A^\pi(s, a)")
    assert "unbalanced" not in detail, (result, detail)


def test_a_law_clause_is_still_a_law_clause(tmp_path):
    assert_page_pass_and_fail(
        tmp_path, r"X \sim \mathcal{N}(\mu, \sigma^2)", r"\mathbb{E}[X] = \mu", r"\mathbb{E}[X] = 2\mu"
    )
