r"""A brace under or over one term with a label (\underbrace{p(z \mid x)}_\text{retriever}) only annotates it: the
term is read, brace and label aside. A sum under a brace beside a factor would read differently with and without the
brace's grouping, so it stays unsupported."""

import pytest

from tests.docs.checking import verdict

LAW = r"x, y, z: random variables with joint distribution p"
RAG = r"p(y \mid x) = \sum_{z} \underbrace{p(z \mid x)}_\text{retriever} \underbrace{p(y \mid z, x)}_\text{generator}"


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (LAW, RAG, "PASS"),
        (LAW, RAG.replace(r"p(y \mid z, x)", r"p(y \mid z)"), "FAIL"),
        (r"a: real; b: real", r"\underbrace{a b}_{\text{area}} = b a", "PASS"),
        (r"a: real; b: real", r"\overbrace{a b}^{\text{area}} = a + b", "FAIL"),
        (r"a: real; b: real", r"\underbrace{a^2}_{n} + b = b + a^2", "PASS"),
    ],
)
def test_a_braced_term_is_read_without_its_note(tmp_path, tag, formula, expected):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == expected, found


def test_a_braced_sum_beside_a_factor_is_not_read(tmp_path):
    found = verdict(tmp_path, r"a: real; b: real; c: real", r"\underbrace{a + b}_{s} c = a c + b c")
    assert found[0] == "UNKNOWN", found
    assert "underbrace" in found[1], found
