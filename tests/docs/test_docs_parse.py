"""The LaTeX grammar parsed in two stages (SLL, then LL) gives what the one-stage LL parse gives."""

import pytest
import sympy as sp

from derive.docs.interpret import rewrite_chain
from derive.docs.parse import ParseError, _latex2sympy, parse_latex

# sides the SLL stage parses on its own, sides it gives up on (the LL stage parses them),
# and sides the grammar rejects
FORMULAS = [
    r"\sigma(x) + \sigma(-x) = 1",
    r"\frac{a}{c} + \frac{b}{c} = \frac{a+b}{c}",
    r"(a+b)^3 = a^3 + 3a^2 b + 3 a b^2 + b^3",
    r"\sigma_X^2 = p(1-p)",
    r"p^k(1-p)^{n-k} = \binom{n}{k}",
    r"\sqrt{x^2 + 1} = e^{\ln \sqrt{x^2+1}}",
    r"\frac{d}{dx} x^3 = 3x^2",
]
REJECTED = [r"( \text{Y1} +", r"\frac{", r"\text{Y1} ^^ 2"]


def _outcome(text, two_stage):
    try:
        return sp.srepr(_latex2sympy(text, two_stage))
    except Exception as exc:  # the grammar's own error message
        return f"rejected: {exc}"


@pytest.mark.parametrize("formula", FORMULAS)
def test_two_stages_build_what_one_stage_builds(formula):
    sides, _, _ = rewrite_chain(formula, "e", set())
    for side in sides:
        one, two = _outcome(side.text, False), _outcome(side.text, True)
        assert not one.startswith("rejected") and one == two


@pytest.mark.parametrize("text", REJECTED)
def test_two_stages_reject_what_one_stage_rejects(text):
    one, two = _outcome(text, False), _outcome(text, True)
    assert one.startswith("rejected") and one == two
    with pytest.raises(ParseError):
        parse_latex(text)


def test_a_wrong_side_still_parses_to_a_different_expression():
    assert _outcome(r"\text{Y1} + \text{Y2}", True) != _outcome(r"\text{Y1} - \text{Y2}", True)
