r"""Untagged, a superscript in parentheses is a label, never a power: ``\mu^{(t)}``, ``\mathbf{W}^{(2)}`` and
``x^{(1)}_m`` are names of their own, ``x_i^{(t+1)}`` under ``\sum_i`` the entries of the vector ``x^{(t+1)}``; a label
a sum runs over (``y^{(i)}`` under ``\sum_i``) numbers a family of examples and is not read."""

import pytest
from checking import untagged_verdict as one

from derive.docs.free import NotIdentity, Unbalanced, free_reading
from derive.docs.untagged import KNOWN_FUNCTIONS


def test_a_labelled_name_is_a_name_of_its_own_and_a_summed_subscript_makes_it_a_vector():
    kinds = free_reading(
        r"\theta^{(t)} + \sum_{i=1}^{n} g_i^{(t)} + x^{(1)}_m = x^{(1)}_m + \sum_{i=1}^{n} g_i^{(t)} + \theta^{(t)}",
        KNOWN_FUNCTIONS,
        set(),
    )
    assert kinds == {"g^(t)": "vector", "n": "count", "theta^(t)": "real", "x^(1)_m": "real"}


def test_a_bold_upper_case_labelled_name_is_a_matrix():
    with pytest.raises(Unbalanced, match="W\\^\\(2\\) a matrix"):
        free_reading(r"\mathbf{W}^{(2)} \mathbf{h} = \mathbf{W}^{(2)} \mathbf{h}", KNOWN_FUNCTIONS, set())


@pytest.mark.parametrize(
    "formula, why",
    [
        (r"\sum_{i=1}^{n} y^{(i)} = \sum_{i=1}^{n} y^{(i)}", "a sum runs over names one of a family of examples"),
        (r"x^{(1)}_m + x_m = x_m + x^{(1)}_m", "one name or two"),
    ],
)
def test_a_summed_label_or_a_label_beside_the_same_name_subscripted_is_not_read(formula, why):
    with pytest.raises(NotIdentity, match=why):
        free_reading(formula, KNOWN_FUNCTIONS, set())


@pytest.mark.parametrize(
    "right, wrong",
    [
        (  # an average step written with step labels
            r"\theta^{(t)} + \frac{1}{n}\sum_{i=1}^n (g_i^{(t)} - \theta^{(t)}) + \theta^{(t)}"
            r" = \theta^{(t)} + \frac{1}{n}\sum_{i=1}^n g_i^{(t)}",
            r"\theta^{(t)} + \frac{1}{n}\sum_{i=1}^n (g_i^{(t)} - \theta^{(t)}) + \theta^{(t)}"
            r" = \theta^{(t)} + \sum_{i=1}^n g_i^{(t)}",
        ),
        (  # a rotation of the pair (q^{(1)}_n, q^{(2)}_n)
            r"\begin{pmatrix} \cos \phi & -\sin \phi \\ \sin \phi & \cos \phi \end{pmatrix}"
            r"\begin{pmatrix} q^{(1)}_n \\ q^{(2)}_n \end{pmatrix} = \begin{pmatrix} q^{(1)}_n \cos\phi - q^{(2)}_n \sin\phi"
            r" \\ q^{(1)}_n \sin\phi + q^{(2)}_n \cos\phi \end{pmatrix}",
            r"\begin{pmatrix} \cos \phi & -\sin \phi \\ \sin \phi & \cos \phi \end{pmatrix}"
            r"\begin{pmatrix} q^{(1)}_n \\ q^{(2)}_n \end{pmatrix} = \begin{pmatrix} q^{(1)}_n \cos\phi + q^{(2)}_n \sin\phi"
            r" \\ q^{(1)}_n \sin\phi + q^{(2)}_n \cos\phi \end{pmatrix}",
        ),
        (r"(a^{(2)} + b)^2 = {a^{(2)}}^2 + 2 a^{(2)} b + b^2", r"(a^{(2)} + b)^2 = {a^{(2)}}^2 + a^{(2)} b + b^2"),
    ],
)
def test_an_identity_in_labelled_names_passes_and_its_wrong_variant_fails(tmp_path, right, wrong):
    assert one(tmp_path, right)[0] == "PASS", one(tmp_path, right)
    assert one(tmp_path, wrong)[0] == "FAIL", one(tmp_path, wrong)


def test_an_equation_in_labelled_names_is_not_refuted(tmp_path):
    """θ^{(t+1)} = θ^{(t)} - η g^{(t)} is an update, a definition of the next step: never refuted."""
    verdict, detail = one(tmp_path, r"\theta^{(t+1)} = \theta^{(t)} - \eta g^{(t)}")
    assert verdict in ("SKIPPED", "UNKNOWN"), detail


@pytest.mark.parametrize(
    "formula",
    [
        r"(\epsilon_{\theta}(x_t, t) - \epsilon)^2 = 2(\epsilon - \epsilon_{\theta}(x_t, t))^2",
        r"\epsilon_{\theta}(x) - \epsilon = 0",
    ],
)
def test_a_labelled_function_applied_beside_its_bare_letter_is_not_that_letter(tmp_path, formula):
    """ε_θ(x_t, t), a network's output, beside the noise ε is a function of its own: read as ε, both sides had been
    equal and these PASSed."""
    verdict, detail = one(tmp_path, formula)
    assert verdict != "PASS", detail
