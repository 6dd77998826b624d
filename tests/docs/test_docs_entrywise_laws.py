r"""A law drawn for a vector is a law of each entry, and an identity covariance is never a number's name:
``q \sim \mathcal{N}(\mathbf{0}, \sigma^2 I_d)`` draws the d entries of q independently from N(0, σ²), and an identity
matrix written beside a matrix the formula writes out is that matrix's size."""

import pytest

from tests.docs.checking import assert_page_pass_and_fail, verdict

PAIRS = [
    (
        "a covariance I with its size: the dot product of two standard normal vectors, scaled",
        r"q \sim \mathcal{N}(0, I_{d_k}); k \sim \mathcal{N}(0, I_{d_k}); q, k \text{ independent}",
        r"\operatorname{Var}\left(\frac{q \cdot k}{\sqrt{d_k}}\right) = 1",
        r"\operatorname{Var}\left(\frac{q \cdot k}{\sqrt{d_k}}\right) = \sqrt{d_k}",
    ),
    (
        "a covariance σ² times a bold identity, a bold zero mean",
        r"\mathbf{q} \sim \mathcal{N}(\mathbf{0}, \sigma^2 \mathbf{I}_{d})",
        r"\mathbb{E}[\mathbf{q}^\top \mathbf{q}] = \sigma^2 d",
        r"\mathbb{E}[\mathbf{q}^\top \mathbf{q}] = \sigma d",
    ),
    (
        "a law of numbers drawn for a name the tag declares a vector",
        r"x \in \mathbb{R}^{n}; x \sim \mathcal{N}(0, 1)",
        r"\mathbb{E}[\|x\|^2] = n",
        r"\mathbb{E}[\|x\|^2] = 1",
    ),
    (
        "an identity beside a rotation written out as a 2 x 2 matrix",
        r"\theta: real",
        r"\begin{pmatrix} \cos\theta & -\sin\theta \\ \sin\theta & \cos\theta \end{pmatrix}^\top"
        r" \begin{pmatrix} \cos\theta & -\sin\theta \\ \sin\theta & \cos\theta \end{pmatrix} = I",
        r"\begin{pmatrix} \cos\theta & \sin\theta \\ \sin\theta & \cos\theta \end{pmatrix}^\top"
        r" \begin{pmatrix} \cos\theta & \sin\theta \\ \sin\theta & \cos\theta \end{pmatrix} = I",
    ),
    (
        "a multiple of the identity subtracted from a matrix written out",
        None,
        r"\begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix} - 3I = \begin{pmatrix} -1 & 1 \\ 1 & -1 \end{pmatrix}",
        r"\begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix} - 3I = \begin{pmatrix} -1 & 1 \\ 1 & 1 \end{pmatrix}",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_correct_passes_and_wrong_fails(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_size_the_identity_names_is_not_another_name(tmp_path):
    v, detail = verdict(
        tmp_path, r"q \sim \mathcal{N}(0, I_{m}); k \sim \mathcal{N}(0, I_{m})", r"\operatorname{Var}(q^\top k) = d"
    )
    assert v == "UNKNOWN" and "'d' is not bound" in detail, (v, detail)
