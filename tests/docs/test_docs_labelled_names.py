"""Names labelled by a superscript in parentheses (v^{(1)}_i, \\hat{o}^{(2)}_n) or by a word (g_{\\text{avg}}) are names
of their own: a tag's definitions of two labels stay apart, a labelled family the tag leaves free is an arbitrary
sequence as v_i is, and a chain's first link defines a word-labelled name that the other sides write at other labels."""

import pytest
from checking import verdict

TWO_LABELS = r"\hat{v}^{(1)}_i = 2 x_i; \hat{v}^{(2)}_i = 3 x_i; x: vector"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\hat{v}^{(1)}_i + \hat{v}^{(2)}_i = 5 x_i", "PASS"),
        (r"\hat{v}^{(1)}_i + \hat{v}^{(2)}_i = 6 x_i", "FAIL"),  # both read as the label (2): it PASSed
        (r"\hat{v}^{(1)}_i = 2 x_i", "PASS"),
        (r"\hat{v}^{(1)}_i = 3 x_i", "FAIL"),
    ],
)
def test_the_tag_defines_the_entries_of_two_labelled_names_apart(tmp_path, formula, expected):
    found = verdict(tmp_path, TWO_LABELS, formula)
    assert found[0] == expected, found


SUM_OF_FAMILIES = r"u_i = v^{(1)}_i + v^{(2)}_i"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\sum_i u_i = \sum_i v^{(1)}_i + \sum_i v^{(2)}_i", "PASS"),
        (r"\sum_i u_i = 2 \sum_i v^{(1)}_i", "FAIL"),
    ],
)
def test_a_labelled_family_the_tag_leaves_free_is_an_arbitrary_sequence(tmp_path, formula, expected):
    found = verdict(tmp_path, SUM_OF_FAMILIES, formula)
    assert found[0] == expected, found
    if expected == "FAIL":
        assert "v^(1)" in found[1], found


def test_a_labelled_family_only_the_formula_writes_is_refuted_for_no_particular_sequence(tmp_path):
    correct = r"\sum_i a_i v^{(1)}_i + \sum_i a_i v^{(2)}_i = \sum_i a_i (v^{(1)}_i + v^{(2)}_i)"
    assert verdict(tmp_path, r"a_i > 0", correct)[0] == "PASS"
    wrong = r"\sum_i a_i v^{(1)}_i + \sum_i a_i v^{(2)}_i = \sum_i a_i (v^{(1)}_i + v^{(1)}_i)"
    found = verdict(tmp_path, r"a_i > 0", wrong)
    assert found[0] == "UNKNOWN", found
    assert "the author may mean a particular function" in found[1], found


MEAN = r"s = g^{(1)}_1 + g^{(2)}_2"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"g_{\text{avg}} = \frac{g^{(1)}_1 + g^{(2)}_2}{2} = \frac{s}{2}", "PASS"),
        (r"g_{\text{avg}} = \frac{g^{(1)}_1 + g^{(2)}_2}{2} = s", "FAIL"),
    ],
)
def test_a_first_link_defines_a_word_labelled_name_the_other_sides_write_at_other_labels(tmp_path, formula, expected):
    found = verdict(tmp_path, MEAN, formula)
    assert found[0] == expected, found


STEPS = r"w_1 = w_0 - \eta a; b = 2 a; \eta > 0"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"w_2 = w_1 - \eta b = w_0 - 3 \eta a", "PASS"),
        (r"w_2 = w_1 - \eta b = w_0 - \eta a + \eta b", "FAIL"),
    ],
)
def test_a_first_link_defines_a_numbered_name_the_other_sides_write_at_other_numbers(tmp_path, formula, expected):
    found = verdict(tmp_path, STEPS, formula)
    assert found[0] == expected, found


WORD_AND_LABEL = r"n_\text{max}^{(1)} = 7; n_\text{max}^{(2)} = 7; n_\text{max} = 49"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"n_\text{max}^{(1)} \times n_\text{max}^{(2)} = n_\text{max}", "PASS"),
        (r"n_\text{max}^{(1)} = 7", "PASS"),  # it FAILed with n_max's 49: the bare name was found first
        (r"n_\text{max}^{(1)} = 49", "FAIL"),
        (r"n_\text{max}^{(1)} + n_\text{max}^{(2)} = n_\text{max}", "FAIL"),
    ],
)
def test_a_label_on_a_subscripted_name_is_found_before_the_bare_name(tmp_path, formula, expected):
    found = verdict(tmp_path, WORD_AND_LABEL, formula)
    assert found[0] == expected, found
