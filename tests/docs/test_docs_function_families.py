"""A tag's function whose name carries a letter its body uses is a family, one function for each value of the letter:
\\psi_{0}(1) beside \\psi_m(z) = \\frac{d^{m+1}}{dz^{m+1}} \\log \\Gamma(z) (derive.docs.function_families)."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.calculus import whole_number

POLYGAMMA = r"\psi_m(z) = \frac{d^{m+1}}{dz^{m+1}} \log(\Gamma(z)); \Gamma: the gamma function"

# (tag, correct formula, wrong variant)
PAIRS = [
    (r"f_m(z) = z^{m+1}", r"f_{1}(3) = 9", r"f_{1}(3) = 27"),
    (r"f_m(z) = z^{m+1}", r"f_0(3) + f_2(2) = 11", r"f_0(3) + f_2(2) = 7"),
    # the SciPy tutorial's logistic law: its mean and variance through the polygamma function
    (POLYGAMMA, r"\psi_{0}(1) = -0.5772156649", r"\psi_{0}(1) = 0.5772156649"),
    (
        POLYGAMMA,
        r"\frac{\pi^{2}}{6}+\psi_{1}\left(1\right)=\frac{\pi^{2}}{3}",
        r"\psi_{1}\left(1\right)=\frac{\pi^{2}}{3}",
    ),
]


@pytest.mark.parametrize("tag, correct, wrong", PAIRS)
def test_a_member_of_a_family_is_its_body_at_that_value_of_the_letter(tmp_path, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_family_written_at_its_own_letter_is_not_split_into_members(tmp_path):
    found = verdict(tmp_path, POLYGAMMA, r"\psi_{0}(1) + \psi_m(1) = 1")
    assert found[0] == "UNKNOWN", found


def test_a_derivative_order_of_whole_numbers_added_is_their_sum():
    assert whole_number("3") == 3 and whole_number("0+1") == 1 and whole_number("4-1+2") == 5
    assert whole_number("m+1") is None and whole_number("") is None and whole_number("1.5") is None


def test_a_member_the_tag_defines_apart_keeps_its_own_definition(tmp_path):
    assert_page_pass_and_fail(
        tmp_path, r"f_m(z) = z^{m}; f_1(z) = 2z", r"f_{1}(2) + f_{2}(2) = 8", r"f_{1}(2) + f_{2}(2) = 6"
    )


def test_a_member_whose_body_names_another_member_by_arithmetic_names_that_member(tmp_path):
    # h_{t-1} at t = 2 is h_1, the member the formula writes, not a name of its own (which had refuted the definition)
    recursion = r"h_t(x) = \tanh(h_{t-1}(x) + x)"
    assert_page_pass_and_fail(tmp_path, recursion, r"h_{2}(x) = \tanh(h_{1}(x) + x)", r"h_{2}(x) = \tanh(h_{1}(x) - x)")
    assert_page_pass_and_fail(tmp_path, r"f_m(z) = c_{m+1} z; z: real", r"f_{0}(z) = c_1 z", r"f_{0}(z) = 2 c_1 z")


TEMPERATURE = r"p_i(T) = \frac{e^{z_i/T}}{\sum_j e^{z_j/T}}; z: vector; T: positive real"


def test_a_member_at_another_index_letter_is_the_body_with_that_letter(tmp_path):
    # a tutorial on sampling temperature: the ratio of two entries of the softmax at temperature T
    ratio = r"\frac{p_i(T)}{p_k(T)} = e^{(z_i - z_k)/T}"
    assert_page_pass_and_fail(tmp_path, TEMPERATURE, ratio, r"\frac{p_i(T)}{p_k(T)} = e^{(z_i - z_k) T}")
    member = r"p_k(T) = \frac{e^{z_k/T}}{\sum_j e^{z_j/T}}"
    assert_page_pass_and_fail(tmp_path, TEMPERATURE, member, r"p_k(T) = \frac{e^{z_i/T}}{\sum_j e^{z_j/T}}")


def test_a_member_at_a_letter_the_body_already_uses_stays_unread(tmp_path):
    # j is the body's summation index: writing it for i would tie the member's index to the sum
    found = verdict(tmp_path, TEMPERATURE, r"\frac{p_i(T)}{p_j(T)} = e^{(z_i - z_j)/T}")
    assert found[0] == "UNKNOWN" and "p_j" in found[1], found
