r"""A tag's definition of a family at a word and a step (RoPE's R_{\Theta, i} = a rotation by i\theta_1) defines it at
every step: the formula's R_{\Theta, j-i} is the body read with j - i for i, as R_{j-i} is for the tag's R_i. A letter
raised over a name the tag defines as a matrix written out (R^d_{\Theta, i} = \begin{bmatrix} ... \end{bmatrix}) is a
label, never a power."""

import pytest
from checking import assert_page_pass_and_fail, verdict

ROTATION = r"\begin{bmatrix} \cos i\theta_1 & -\sin i\theta_1 \\ \sin i\theta_1 & \cos i\theta_1 \end{bmatrix}"


@pytest.mark.parametrize("head", [r"R_{\Theta, ", r"R^d_{\Theta, ", r"R_{\theta, "])
def test_a_family_at_a_word_and_a_step_is_read_at_every_step(tmp_path, head):
    assert_page_pass_and_fail(
        tmp_path,
        f"{head}i}} = {ROTATION}",
        f"{head}j-i}} = ({head}i}})^\\top {head}j}}",
        f"{head}j+i}} = ({head}i}})^\\top {head}j}}",
    )


def test_the_positions_are_read_alike_in_the_tags_member_and_at_other_steps(tmp_path):
    """R_{\\Theta, i} (the tag's own, read as written) and R_{\\Theta, j-i} read i the same way: a score of rotated
    projections is a function of j - i."""
    tag = (
        f"R^d_{{\\Theta, i}} = {ROTATION}; \\mathbf{{W}}^q, \\mathbf{{W}}^k \\in \\mathbb{{R}}^{{2 \\times 2}};"
        r" \mathbf{x}_i, \mathbf{x}_j \in \mathbb{R}^{2}"
    )
    left = r"(R^d_{\Theta, i} \mathbf{W}^q\mathbf{x}_i)^\top (R^d_{\Theta, j} \mathbf{W}^k\mathbf{x}_j)"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        left + r" = \mathbf{x}_i^\top{\mathbf{W}^q}^\top R^d_{\Theta, j-i}\mathbf{W}^k\mathbf{x}_j",
        left + r" = \mathbf{x}_i^\top\mathbf{W}^q R^d_{\Theta, j-i}\mathbf{W}^k\mathbf{x}_j",
    )


def test_another_word_is_another_family(tmp_path):
    found = verdict(tmp_path, f"R_{{\\Theta, i}} = {ROTATION}", r"R_{\Phi, j} = R_{\Phi, j}^\top")
    assert found[0] != "FAIL" and "R_Phi" in found[1], found


def test_a_raised_letter_the_entries_write_stays_a_power(tmp_path):
    # A^n = [[n, 0], [0, n]] writes n in its entries: not read as a label of A
    from derive.docs.superscript_labels import declared_labels

    assert declared_labels([r"A^n = \begin{bmatrix} n & 0 \\ 0 & n \end{bmatrix}"]) == ()
    assert declared_labels([f"R^d_{{\\Theta, i}} = {ROTATION}"]) == (("R", "d"),)


def test_a_family_at_a_step_alone_reads_its_letters_as_the_tags_member_does(tmp_path):
    """The tag's R_i, read as written, and R_{j-i} read i alike: the correct score of rotated vectors had FAILed,
    i one number in R_i and the first index in R_{j-i}."""
    tag = f"R_{{i}} = {ROTATION}; \\mathbf{{x}}_i, \\mathbf{{x}}_j \\in \\mathbb{{R}}^{{2}}; \\theta_1: real"
    left = r"(R_{i} \mathbf{x}_i)^\top (R_{j} \mathbf{x}_j)"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        left + r" = \mathbf{x}_i^\top R_{j-i}\mathbf{x}_j",
        left + r" = \mathbf{x}_i^\top R_{j+i}\mathbf{x}_j",
    )
