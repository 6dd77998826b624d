"""A formula's reading is kept once per process: every call gets the same reading as a copy of its own, an
unreadable formula raises its error at every call, and the sides a caller cannot read are reported each time."""

import pytest

from derive.docs.interpret import NotationError, Unsupported, _rewrite_chain, rewrite_chain

FORMULA = r"\sum_{i=1}^{n} x_i = n \bar{x}, \quad \text{where } \bar{x} = \frac{1}{n} \sum_i x_i"


def test_each_call_gets_a_copy_equal_to_a_fresh_reading():
    first = rewrite_chain(FORMULA)
    assert repr(first) == repr(_rewrite_chain(FORMULA, "e", (), (), None))
    sides, relations, conditions = first
    sides[0].table.clear()  # a caller changes what it was given
    relations.append("<")
    conditions.comparisons = ("changed",)
    again = rewrite_chain(FORMULA)
    assert repr(again) == repr(_rewrite_chain(FORMULA, "e", (), (), None))
    assert again[0][0] is not sides[0] and again[0][0].table


def test_the_arguments_are_part_of_what_is_kept():
    plain = rewrite_chain(r"f(x + h) = y")
    as_function = rewrite_chain(r"f(x + h) = y", functions={"f"})
    assert repr(plain) != repr(as_function)
    assert repr(as_function) == repr(_rewrite_chain(r"f(x + h) = y", "e", {"f"}, (), None))


@pytest.mark.parametrize("text, error", [(r"\frac{a}{b", NotationError), (r"a \leftarrow b", Unsupported)])
def test_an_unreadable_formula_raises_its_error_at_every_call(text, error):
    messages = []
    for _ in range(2):
        with pytest.raises(error) as raised:
            rewrite_chain(text)
        messages.append(str(raised.value))
    assert messages[0] == messages[1] and messages[0]


def test_unread_sides_are_reported_at_every_call():
    text = r"a = \nabla f = b"
    for _ in range(2):
        unread: dict = {}
        sides, relations, _ = rewrite_chain(text, unread_sides=unread)
        assert len(sides) == 3 and relations == ["=", "="] and 1 in unread


def test_the_reading_of_gradients_in_force_is_kept_apart_and_its_notes_made_at_every_call():
    from derive.docs import gradient_scope

    text = r"\nabla_\theta \pi_\theta(a | s) Q(s, a) = g"
    whole = rewrite_chain(text)
    for _ in range(2):
        with gradient_scope.noting() as noted:
            assert repr(rewrite_chain(text)) == repr(whole)
        assert len(noted) == 1
        with gradient_scope.gradient_of_first_factor() as noted:
            first = rewrite_chain(text)
        assert repr(first) != repr(whole) and len(noted) == 1
