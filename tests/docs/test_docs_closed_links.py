"""An untagged equation to solve whose chain has a link in numbers alone: that link is claimed whatever the names mean."""

from checking import verdicts

from derive.docs.closed_links import closed_links
from derive.docs.untagged import DocumentContext

RATIO = r"\frac{\pi_{\theta}(o_i|q)}{\pi_{\theta_{old}}(o_i|q)}"  # the ratio of probabilities the text gives


def one(tmp_path, formula):
    [(verdict, detail)] = verdicts(tmp_path, formula)
    return verdict, detail


def test_a_link_in_numbers_alone_that_fails_refutes_the_equation(tmp_path):
    verdict, detail = one(tmp_path, rf"\text{{Ratio}}: {RATIO} = \frac{{0.5}}{{0.2}} = 0.4 \to \text{{Clip}}\space0.8")
    assert verdict == "FAIL", detail
    assert r"link 2 (\frac{0.5}{0.2} = 0.4)" in detail and "2.5" in detail, detail


def test_a_link_in_numbers_alone_that_holds_leaves_the_equation_undecided(tmp_path):
    verdict, detail = one(tmp_path, rf"\text{{Ratio}}: {RATIO} = \frac{{0.9}}{{0.5}} = 1.8 \to \text{{Clip}}\space1.2")
    assert verdict == "SKIPPED" and "an equation to solve" in detail, detail


def test_a_link_that_writes_a_name_is_an_equation_and_stays_undecided(tmp_path):
    # p/0.5 = 1.6 holds for p = 0.8: a condition on p, whatever the other links say
    verdict, detail = one(tmp_path, rf"\text{{Ratio}}: {RATIO} = \frac{{p}}{{0.5}} = 1.6 \to \text{{Clip}}\space1.2")
    assert verdict == "SKIPPED" and "an equation to solve" in detail, detail


def test_e_or_pi_alone_is_not_a_side_in_numbers():
    context = DocumentContext()
    assert closed_links(r"\frac{x}{y} = e = 2.7 = \frac{27}{10}", context) == [(2, r"2.7 = \frac{27}{10}")]
    assert closed_links(r"\pi = 0.5 = \frac{1}{2}", context) == [(1, r"0.5 = \frac{1}{2}")]
