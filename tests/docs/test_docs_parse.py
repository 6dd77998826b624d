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


# powers of a placeholder: the SLL stage parses them with the base put in a group
POWERS = [
    r"x^{y} = e^{-x^2}",
    r"x^{-1} + 2^{x} = x^{y^{z}}",
    r"\frac{x^2}{y^3} = \sqrt{x^2} \cdot x^{\frac{1}{2}}",
    r"\sigma_X^2 = \mathbb{E}[X^2] - \mu^2",
    r"n^2! = (x^2)^3",
    r"\exp(-x^2/2) = \ln x^2",
]


@pytest.mark.parametrize("formula", POWERS)
def test_a_power_of_a_placeholder_builds_what_one_stage_builds(formula):
    from derive.docs.parse import _braced_bases

    sides, _, _ = rewrite_chain(formula, "e", set())
    assert any(_braced_bases(side.text) != side.text for side in sides)
    for side in sides:
        one, two = _outcome(side.text, False), _outcome(side.text, True)
        assert not one.startswith("rejected") and one == two


def test_a_power_read_through_a_group_tells_a_wrong_exponent_apart():
    assert _outcome(r"\text{Y1} ^{ \text{Y2} }", True) != _outcome(r"\text{Y2} ^{ \text{Y1} }", True)
    assert _outcome(r"\text{Y1} ^{2}", True) != _outcome(r"\text{Y1} ^{3}", True)


def test_a_rejected_power_keeps_the_grammars_own_message_and_position():
    text = r"\text{Y1} ^{ \text{Y2} } + ("
    assert _outcome(text, True) == _outcome(text, False)
    with pytest.raises(ParseError) as raised:
        parse_latex(text)
    assert raised.value.position is None or raised.value.position <= len(text)


# sides parsed as one expression first, and sides the grammar may read as a set, a tuple, an interval,
# a list or a relation, which go through the whole grammar as before
WHOLE_GRAMMAR = [
    r"(\text{Y1})",
    r"{\text{Y1}}",
    r"\{\text{Y1}\}",
    r"\{\text{Y1}, \text{Y2}\}",
    r"(\text{Y1}, \text{Y2}]",
    r"[\text{Y1}, \text{Y2}]",
    r"\boxed{1}",
    r"\text{Y1} \pm \text{Y2}",
    r"\mathbb{R}",
    r"\text{Y1}, \text{Y2}",
    r"\text{Y1}; \text{Y2}",
    r"\text{Y1} \in \text{Y2}",
    r"\text{Y1} = \text{Y2} < 3",
    r"1,000",
]
ONE_EXPRESSION = [
    r"(\text{Y1})(\text{Y2})",
    r"{\text{Y1}}^{2}",
    r"(\text{Y1} + \text{Y2})^{2} - \text{Y3}",
    r"\frac{\text{Y1}}{\sqrt{\text{Y2}}} \exp(-\text{Y3})",
    r"\max(\text{Y1}, \text{Y2}) + |\text{Y3}|",
]


@pytest.mark.parametrize("text", WHOLE_GRAMMAR + ONE_EXPRESSION)
def test_a_side_read_as_one_expression_builds_what_the_whole_grammar_builds(text):
    assert _outcome(text, True) == _outcome(text, False)


def test_a_side_that_is_one_bracketed_group_is_left_to_the_whole_grammar():
    from antlr4.error.Errors import ParseCancellationException

    from derive.docs.parse import _configs, _two_stage_converter

    converter = _two_stage_converter()(config=_configs()[1])
    converter.quick = True
    for text in WHOLE_GRAMMAR:
        try:
            read = converter.expression(text)
        except ParseCancellationException:  # the SLL stage gives up: the whole grammar decides
            continue
        assert read is None, text
    for text in ONE_EXPRESSION:
        assert converter.expression(text) is not None, text
