r"""Untagged, a link read alone that fails where two of its indices are equal and holds wherever they differ states
one case of the pair, which its page names in prose (the off-diagonal entries of the softmax Jacobian, i \neq k): it
is left undecided with the case, not refuted; a link that fails in both cases still FAILs."""

from tests.docs.checking import verdict

CHAIN = (
    r"\frac{\partial p_i}{\partial o_k} = \frac{ \frac{\partial \exp(o_i)}{\partial o_k} \sum_j \exp(o_j) - "
    r"\frac{\partial \sum_j \exp(o_j)}{\partial o_k} \exp (o_i) }{(\sum_j \exp(o_j))^2} = "
    r"\frac{ - COEF \exp (o_k) \exp (o_i) }{(\sum_j \exp(o_j))(\sum_j \exp(o_j))} = - p_k p_i"
)


def test_an_off_diagonal_link_is_not_refuted_on_the_diagonal(tmp_path):
    found = verdict(tmp_path, None, CHAIN.replace("COEF", ""))
    assert found[0] != "FAIL", found


def test_a_link_wrong_off_the_diagonal_too_still_fails(tmp_path):
    found = verdict(tmp_path, None, CHAIN.replace("COEF", "2"))
    assert found[0] == "FAIL", found
