"""An equality of named laws (``\\text{Beta}(4 + 7, 2 + 3) = \\text{Beta}(11, 5)``) is the equality of their
parameters in turn: equal parameters PASS, a parameter that differs FAILs with its counterexample, and laws of
different families are UNKNOWN with the reason."""

import pytest
from checking import assert_page_pass_and_fail, verdict, verdicts

from derive.docs.law_equality import law_sides

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "a conjugate update written in numbers",
        "",
        r"\text{Beta}(4 + 7, 2 + 3) = \text{Beta}(11, 5)",
        r"\text{Beta}(4 + 7, 2 + 3) = \text{Beta}(11, 6)",
    ),
    (
        "a conjugate update in letters under a tag",
        r"\alpha > 0; \beta > 0; k: positive integer; m: positive integer",
        r"\mathrm{Beta}(\alpha + k, \beta + m - k) = \mathrm{Beta}(k + \alpha, m - k + \beta)",
        r"\mathrm{Beta}(\alpha + k, \beta + m - k) = \mathrm{Beta}(k + \alpha, m + \beta)",
    ),
    (
        "a normal law's variance written two ways, in a chain",
        None,
        r"\mathcal{N}(1 - 1, 2^2) = \mathcal{N}(0, 4) = \mathcal{N}(0, \sqrt{16})",
        r"\mathcal{N}(1 - 1, 2^2) = \mathcal{N}(0, 4) = \mathcal{N}(0, 2)",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_equal_laws_pass_and_laws_whose_parameters_differ_fail(name, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_failing_parameter_is_named_in_the_counterexample(tmp_path):
    found = verdict(tmp_path, "", r"\text{Beta}(4 + 7, 2 + 3) = \text{Beta}(11, 6)")
    assert found[0] == "FAIL" and "parameter 2 of the beta laws, 2 + 3 = 6" in found[1], found


def test_laws_of_different_families_are_unknown_with_the_reason(tmp_path):
    found = verdict(tmp_path, "", r"\text{Beta}(1, 1) = \text{Unif}(0, 1)")
    assert found[0] == "UNKNOWN" and "laws of different families" in found[1], found
    found = verdict(tmp_path, "", r"\text{Poi}(2) = \text{Poi}(1, 1)")
    assert found[0] == "UNKNOWN" and "different numbers of parameters" in found[1], found
    assert verdicts(tmp_path, r"\text{Beta}(1, 1) = \text{Unif}(0, 1)")[0][0] == "SKIPPED"  # untagged: not decided


def test_only_a_formula_whose_every_side_is_a_named_law_is_read_so():
    assert law_sides(r"\text{Beta}(a, b) = \text{Beta}(a, b)") is not None
    assert law_sides(r"p(\theta \mid x) = \text{Beta}(a + k, b)") is None  # a density beside a law: not this reading
    assert law_sides(r"X \sim \text{Beta}(a, b)") is None
    assert law_sides(r"\text{foo}(1) = \text{foo}(1)") is None  # no law of that name


def test_a_one_letter_name_in_text_type_is_not_read_as_a_law(tmp_path):
    r"""\text{B}(a, b) may be the Beta function (symmetric in a and b) as well as a binomial law: never FAILed as laws."""
    found = verdict(tmp_path, "", r"\text{B}(a, b) = \text{B}(b, a)")
    assert found[0] != "FAIL" and "laws differ" not in found[1], found
