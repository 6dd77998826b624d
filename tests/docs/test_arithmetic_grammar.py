"""The arithmetic grammar builds, node for node, the tree the full LaTeX grammar builds, or declines."""

import json
import random
from pathlib import Path

import pytest
import sympy as sp

from derive.docs.arithmetic_grammar import read
from derive.docs.interpret import rewrite_chain
from derive.docs.parse import ParseError, full_grammar, parse_latex

INPUTS = Path(__file__).parent / "data" / "parser_inputs.json"


def shape(tree):
    """The tree as nested tuples of node types and leaves, in the order its arguments are stored (an
    unevaluated product keeps its written order; ``srepr`` would print it sorted)."""
    if not tree.args:
        return sp.srepr(tree)
    return (type(tree).__name__, tuple(shape(argument) for argument in tree.args))


def agrees(text: str) -> bool | None:
    """True where both grammars build the same tree, None where the arithmetic grammar declines."""
    tree = read(text.strip())
    if tree is None:
        return None
    try:
        full = full_grammar(text)
    except Exception:  # the full grammar rejects what this one read: a disagreement
        return False
    return shape(tree) == shape(full)


def test_the_comparison_tells_written_orders_apart():
    x, y = sp.symbols("Y1 Y2")
    assert shape(sp.Mul(x, y, evaluate=False)) != shape(sp.Mul(y, x, evaluate=False))
    assert sp.srepr(sp.Mul(x, y, evaluate=False)) == sp.srepr(sp.Mul(y, x, evaluate=False))


SIDES = [
    r"\frac{1}{2}+\frac{1}{3}",
    r"(a+b)^3",
    r"a^3+3a^2b+3ab^2+b^3",
    r"\frac{x^2-4}{x-2}",
    r"\log\frac{a}{b}",
    r"\sin^2 x+\cos^2 x",
    r"2\sin x\cos x",
    r"\exp(-x^2/2) \cdot \frac{1}{\sqrt{2\pi}}",
    r"\frac{e^{z_i}}{\sum_j e^{z_j}}",
    r"-\frac{1}{n} \ln \sigma(x) (1 - \sigma(x))",
    r"5! \cdot \sqrt[3]{8} - 0.25",
    r"\arctan(x) + \tanh(x)^{2}",
]


@pytest.mark.parametrize("formula", SIDES)
def test_sides_of_real_formulas_read_alike(formula):
    sides, _, _ = rewrite_chain(formula, "e", set())
    verdicts = [agrees(side.text) for side in sides]
    assert False not in verdicts
    assert True in verdicts  # the arithmetic grammar read at least one side itself


# texts outside the arithmetic grammar: the full grammar reads them differently from a naive reading
DECLINED = [
    r"\text{Y1}(\text{Y2})",  # a function applied
    r"\text{Y1}^{2}(\text{Y3})",  # the function power f^2(x)
    r"\text{Y1}^{2}{(\text{Y3})}",
    r"({\text{Y1}})",  # the set {Y1}
    r"\{\text{Y1}\}",
    r"{\text{Y1} + \text{Y2}}",
    r"\text{Y1}, \text{Y2}",
    r"\text{Y1} = \text{Y2}",
    r"\left(\text{Y1}\right)^{2}",
    r"x + 1",
    r"\sum_{i} \text{Y1}",
    r"\ln \text{Y1} \sqrt{\text{Y2}}",  # \sqrt ends an argument without parentheses
    r"\sin \text{Y1} \cdot \cos \text{Y2}",  # a function inside another's argument
    r"\text{Y1}^\text{Y2}^2",
    r"\text{Y1}! ^{2}",
    r"\text{Y1} +",
]


@pytest.mark.parametrize("text", DECLINED)
def test_texts_outside_the_grammar_are_declined(text):
    assert read(text) is None


def test_a_declined_text_the_full_grammar_rejects_keeps_its_error():
    with pytest.raises(ParseError):
        parse_latex(r"\text{Y1} + ")


def test_a_wrong_variant_builds_a_different_tree():
    assert shape(read(r"\text{Y1} - \text{Y2}")) != shape(read(r"\text{Y2} - \text{Y1}"))
    assert shape(read(r"\frac{\text{Y1}}{\text{Y2}\text{Y3}}")) != shape(read(r"\text{Y1}/\text{Y2}\cdot\text{Y3}"))
    assert shape(read(r"\text{Y1} / \text{Y2} \text{Y3}")) == shape(read(r"\frac{\text{Y1}}{\text{Y2}\text{Y3}}"))


def test_the_full_grammars_own_readings_are_kept():
    """The readings of the full grammar this one must copy, however odd: a product written side by side
    binds tighter than a quotient, two integers side by side are a mixed number, a function without
    parentheses takes the product after it, and an exponent of several digits is one number."""
    y1, y2, y3 = sp.symbols("Y1 Y2 Y3")

    def means(text, value):
        return sp.simplify(read(text).doit() - value) == 0

    assert means(r"\text{Y1} / \text{Y2} \text{Y3}", y1 / (y2 * y3))
    assert not means(r"\text{Y1} / \text{Y2} \text{Y3}", y1 / y2 * y3)
    assert means(r"2 \frac{1}{2}", sp.Rational(5, 2))
    assert means(r"\ln \text{Y1} \cdot \text{Y2}", sp.log(y1 * y2))
    assert means(r"\text{Y1}^23", y1**23)
    assert means(r"\sin \text{Y1} \cos \text{Y2}", sp.sin(y1) * sp.cos(y2))
    for text in (
        r"\text{Y1} / \text{Y2} \text{Y3}",
        r"2 \frac{1}{2}",
        r"\ln \text{Y1} \cdot \text{Y2}",
        r"\text{Y1}^23",
        r"\sin \text{Y1} \cos \text{Y2}",
    ):
        assert agrees(text)


def _random_text(rng: random.Random, depth: int = 0) -> str:
    """A random text of the arithmetic language (placeholders, numbers, operators, functions, groups)."""

    def atom(level):
        pick = rng.random()
        if level > 2 or pick < 0.35:
            return r"\text{Y" + str(rng.randint(1, 9)) + "}"
        if pick < 0.5:
            return rng.choice(["2", "0", "10", "007", "0.5", "1.50"])
        if pick < 0.6:
            return "(" + expression(level + 1) + ")"
        if pick < 0.7:
            return r"\frac{" + expression(level + 1) + "}{" + expression(level + 1) + "}"
        if pick < 0.75:
            return r"\sqrt{" + expression(level + 1) + "}"
        name = "\\" + rng.choice(["ln", "exp", "sin", "cos", "tanh", "log", "arctan"])
        if rng.random() < 0.2:
            name += "^{" + rng.choice(["2", "-1"]) + "}"
        if rng.random() < 0.5:
            return name + "(" + expression(level + 1) + ")"
        return name + " " + atom(level + 1)

    def postfix(level):
        text = atom(level)
        if rng.random() < 0.25:
            text += "^" + rng.choice(["{" + expression(level + 1) + "}", "2", "23", r"\text{Y3}"])
        if rng.random() < 0.05:
            text += "!"
        return text

    def unary(level):
        if rng.random() < 0.1:
            return rng.choice(["-", "+"]) + unary(level + 1)
        count = 1 if level > 1 else rng.choice([1, 1, 2, 3])
        return " ".join(postfix(level) for _ in range(count))

    def product(level):
        text = unary(level)
        while rng.random() < (0.3 if level < 2 else 0.02):
            text += rng.choice([r" \cdot ", r" \times ", "*", "/"]) + unary(level)
        return text

    def expression(level):
        text = product(level)
        while rng.random() < (0.35 if level < 2 else 0.02):
            text += rng.choice(["+", " - "]) + product(level)
        return text

    return expression(depth)


@pytest.mark.parametrize("seed", range(3))
def test_random_texts_read_alike(seed):
    rng = random.Random(seed)
    texts = [_random_text(rng) for _ in range(12)]
    verdicts = [agrees(text) for text in texts if len(text) < 120]
    assert False not in verdicts
    assert verdicts.count(True) >= len(verdicts) // 3


def _reference_texts():
    return json.loads(INPUTS.read_text(encoding="utf-8"))


def test_the_reference_texts_are_mostly_read_by_the_arithmetic_grammar():
    texts = _reference_texts()
    assert len(texts) > 1000
    sample = texts[::40]
    assert sum(read(text.strip()) is not None for text in sample) >= 0.9 * len(sample)


@pytest.mark.parametrize("part", range(4))
def test_a_sample_of_the_reference_texts_reads_alike(part):
    """Every 40th text the checker sent the parser on the corpus and the project's documents."""
    texts = _reference_texts()[::40][part::4]
    assert False not in [agrees(text) for text in texts]


@pytest.mark.slow
@pytest.mark.parametrize("part", range(8))
def test_every_reference_text_reads_alike(part):
    texts = _reference_texts()[part::8]
    assert False not in [agrees(text) for text in texts]
