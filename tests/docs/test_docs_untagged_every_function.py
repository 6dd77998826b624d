"""Untagged formulas about a function the formula does not state: decided only when they hold for every function.

A claim that holds with its unknown functions read as generic smooth functions of two families holds whatever
function the text means, and PASSes; one refuted by a generic function may still hold for the particular function the
text means (f = xy makes \\partial f / \\partial x = y hold), so it stays SKIPPED with the reason, unless its sides
differ by the same amount for every generic choice tried: then no function solves it, and it FAILs.
"""

import pytest
from checking import untagged_verdict as one

from derive.docs.arbitrary import generic_function
from derive.docs.free import NotIdentity, free_reading
from derive.docs.untagged import KNOWN_FUNCTIONS


@pytest.mark.parametrize(
    "formula",
    [
        r"f'(x) = \lim_{h \rightarrow 0} \frac{f(x+h) - f(x)}{h}",  # f(x + h) applies f: no product f (x + h)
        r"\frac{d}{d\theta}\left(f(\theta) + \frac{\lambda}{2} \theta^2\right) = \frac{df}{d\theta} + \lambda \theta",
        r"\frac{L(x+\epsilon) - L(x)}{(x+\epsilon) - x} = \frac{L(x+\epsilon) - L(x)}{\epsilon}",
    ],
)
def test_a_claim_that_holds_for_every_function_passes(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "PASS", detail
    assert "any function (read as generic ones of two families)" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"f'(x) = \lim_{h \rightarrow 0} \frac{f(x+h) - f(x)}{h^2}",  # holds for a constant f: not refuted
        r"f'(x) = \lim_{h \rightarrow 0} \frac{f(x+h) - f(x-h)}{h}",
        r"\frac{\partial f}{\partial x} = y",  # true of f = xy
        r"\frac{\partial f}{\partial y} = \frac{\partial f(x)}{\partial x}",
    ],
)
def test_a_claim_refuted_by_a_generic_function_stays_skipped(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "SKIPPED", detail
    assert "f is not bound" in detail, detail


def test_a_claim_whose_sides_differ_by_the_same_amount_for_every_function_fails(tmp_path):
    formula = (
        r"\frac{d}{d\theta}\left(f(\theta) + \frac{\lambda}{2} \theta^2\right) = \frac{df}{d\theta} + \frac{\lambda"
        r" \theta}{2}"
    )
    verdict, detail = one(tmp_path, formula)
    assert verdict == "FAIL", detail
    assert "for each of four generic choices of f: no choice solves the formula" in detail, detail


def test_a_value_one_generic_function_happens_to_take_is_not_claimed_for_every_function(tmp_path):
    # the sine family's y has y(0.7) = 0.707, which rounds to 0.7; the arctangent family's does not
    verdict, detail = one(tmp_path, r"y(0.7) = 0.7")
    assert verdict == "SKIPPED", detail


def test_a_name_applied_to_a_sum_is_a_function_only_when_read_so():
    formula = r"f'(x) = \lim_{h \to 0} \frac{f(x+h) - f(x)}{h}"
    assert free_reading(formula, KNOWN_FUNCTIONS, set(), functions=frozenset({"f"})) == {"x": "real"}
    with pytest.raises(NotIdentity):  # read apart from the functions, f (x + h) is a product with f a number
        free_reading(formula, KNOWN_FUNCTIONS, set())


def test_the_two_families_of_generic_functions_differ():
    first, second = generic_function("f", 1, False), generic_function("f", 1, False, family=1)
    assert first(0.5) != second(0.5)
    assert generic_function("f", 1, False)(0.5) == first(0.5)  # seeded: the same function each time
