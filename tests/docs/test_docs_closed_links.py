"""An untagged equation to solve with a link no value of its names solves: that link is claimed whatever they mean."""

import pytest
from checking import untagged_verdict as one

from derive.docs.closed_links import links_alone

RATIO = r"\frac{\pi_{\theta}(o_i|q)}{\pi_{\theta_{old}}(o_i|q)}"  # the ratio of probabilities the text gives
MEAN = r"E[\frac{x-\mu}{\sigma}]"  # the mean of a standardised variable, worked out by its law's mean μ


@pytest.mark.parametrize(
    "formula, link, shown",
    [
        (
            rf"\text{{Ratio}}: {RATIO} = \frac{{0.5}}{{0.2}} = 0.4 \to \text{{Clip}}\space0.8",
            r"\frac{0.5}{0.2} = 0.4",
            "2.5",
        ),
        (rf"{MEAN} = \frac{{\mu - \mu}}{{\sigma}} = 1", r"\frac{\mu-\mu}{\sigma} = 1", "left = 0.0, right = 1.0"),
    ],
)
def test_a_link_that_fails_whatever_its_names_are_refutes_the_equation(tmp_path, formula, link, shown):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "FAIL", detail
    assert f"link 2 ({link}) does not depend on its names" in detail and shown in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        rf"\text{{Ratio}}: {RATIO} = \frac{{0.9}}{{0.5}} = 1.8 \to \text{{Clip}}\space1.2",
        rf"{MEAN} = \frac{{\mu - \mu}}{{\sigma}} = 0",
        # p/0.5 = 1.6 holds for p = 0.8: a condition on p, whatever the other links say
        rf"\text{{Ratio}}: {RATIO} = \frac{{p}}{{0.5}} = 1.6 \to \text{{Clip}}\space1.2",
    ],
)
def test_an_equation_whose_links_hold_or_have_solutions_stays_undecided(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "SKIPPED" and "an equation to solve" in detail, detail


def test_an_equation_whose_names_cancel_as_it_is_read_has_no_solution(tmp_path):
    verdict, detail = one(tmp_path, r"x - x + 2 = 1")
    assert verdict == "FAIL" and "no value of its names solves it" in detail, detail
    assert one(tmp_path, r"x - x + 2 = 2")[0] == "PASS"
    assert one(tmp_path, r"x - x + 2 = y")[0] == "SKIPPED"


def test_a_name_a_limit_drops_may_depend_on_its_variable(tmp_path):
    # N counts the embedding's parameters with the others: read apart from N_{\setminus E}, the limit would be 0
    verdict, detail = one(tmp_path, r"\lim_{N_{\setminus E} \to \infty} \frac{N}{N_{\setminus E}} = 1")
    assert verdict == "SKIPPED", detail


def test_a_link_with_e_or_pi_alone_as_a_side_is_not_read_alone():
    assert links_alone(r"\frac{x}{y} = e = \frac{27}{10}") == []
    assert links_alone(r"y = \pi = 0.5 = \frac{1}{2}") == [(2, r"0.5 = \frac{1}{2}")]
    assert links_alone(r"y = 0.5") == []  # one link: the formula itself
