"""A divergence between distributions written at their outcome, ``D_{KL}(p(x) \\| q(x))``, is the divergence between
the laws p and q, as ``D_{KL}(p \\| q)`` is: a correct formula PASSes, its wrong variant FAILs, and a law written at a
whole number or at an index a sum binds is read as before."""

import pytest

from tests.docs.checking import assert_page_pass_and_fail

LAWS = r"p: distribution; q: distribution"


@pytest.mark.parametrize(
    "tag, correct, wrong",
    [
        (LAWS, r"D_{KL}(p(x) \| q(x)) = D_{KL}(p \| q)", r"D_{KL}(p(x) \| q(x)) = D_{KL}(q \| p)"),
        (
            LAWS,
            r"D_{KL}(p(x) \| q(x)) = \sum_x p(x) \log \frac{p(x)}{q(x)}",
            r"D_{KL}(p(x) \| q(x)) = \sum_x p(x) \log \frac{q(x)}{p(x)}",
        ),
        (  # a law given its condition, declared as written
            r"\tilde{p}: distribution; q(x \mid w): distribution",
            r"D_{KL}(\tilde{p}(x) \| q(x \mid w)) = \sum_x \tilde{p}(x) \log \frac{\tilde{p}(x)}{q(x \mid w)}",
            r"D_{KL}(\tilde{p}(x) \| q(x \mid w)) = \sum_x \tilde{p}(x) \log \frac{q(x \mid w)}{\tilde{p}(x)}",
        ),
    ],
)
def test_a_divergence_of_laws_written_at_their_outcome_is_between_the_laws(tmp_path, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_law_at_a_whole_number_in_a_divergence_is_still_a_probability(tmp_path):
    # p(2) is one probability, the Bernoulli law (p_2, 1 - p_2): its divergence is not that of p from q
    assert_page_pass_and_fail(
        tmp_path,
        LAWS,
        r"D_{KL}(p(2) \| q(2)) = p(2) \log \frac{p(2)}{q(2)} + (1 - p(2)) \log \frac{1 - p(2)}{1 - q(2)}",
        r"D_{KL}(p(2) \| q(2)) = D_{KL}(p \| q)",
    )
