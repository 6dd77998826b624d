"""A tag that says nothing adds nothing to the formula: where the tagged reading leaves it undecided, the formula is
read on its own, as untagged, and what that reading decides stands (a definition then its arithmetic, a derivative by
an entry); a tag with any clause keeps its own reading, and what neither reading decides stays UNKNOWN."""

import pytest

from derive.docs.report import check_paths
from tests.docs.checking import verdict


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\partial b_i^2/\partial b_i = 2 b_i", "PASS"),
        (r"\partial b_i^2/\partial b_i = b_i", "FAIL"),
        (r"H(Q_m) = 0.5 \cdot 0.5 + 0.3 \cdot 0.7 + 0.2 \cdot 0.8 = 0.62", "PASS"),
        (r"a_3 + b_0 + c_1 + d_2 = 4 + 4 + 0 + 7 = 15", "PASS"),
        (r"\text{LogSigmoid}(x) = \log\left(\frac{1}{1 + \exp(x)}\right)", "FAIL"),
    ],
)
def test_under_an_empty_tag_the_formula_read_on_its_own_decides(tmp_path, formula, expected):
    found = verdict(tmp_path, "", formula)
    assert found == (expected, found[1]) and "the tag says nothing" in found[1], found


def test_a_tag_with_a_clause_keeps_its_own_reading(tmp_path):
    found = verdict(tmp_path, "c > 0", r"\partial b_i^2/\partial b_i = b_i")
    assert found[0] == "UNKNOWN", found


def test_what_neither_reading_decides_stays_unknown(tmp_path):
    found = verdict(tmp_path, "", "f(x) = g(x) + 1")
    assert found[0] == "UNKNOWN" and "the tag says nothing" not in found[1], found


@pytest.mark.parametrize("formula", [r"p_i(x) = p_i", r"f(x) = f"])
def test_a_name_written_applied_and_alone_keeps_the_tagged_reading(tmp_path, formula):
    """Read on its own, f alone may be the value f(x); under the shared notation p_i is an entry of the distribution
    p, so the tagged reading stands."""
    found = verdict(tmp_path, "", formula)
    assert found[0] == "UNKNOWN" and "the tag says nothing" not in found[1], found


def test_a_cached_verdict_under_an_empty_tag_holds_only_beside_the_same_definitions(tmp_path, monkeypatch):
    """f(2) = 4 read on its own uses the page's f: after f(x) = x^2 it holds, after f(x) = x^3 it fails, cache or no."""
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    found = {}
    for power, expected in ((2, "PASS"), (3, "FAIL")):
        page = tmp_path / f"page{power}.md"
        page.write_text(f"$$\nf(x) = x^{power}\n$$\n\n<!-- derive: -->\n$$\nf(2) = 4\n$$\n", encoding="utf-8")
        found[expected] = check_paths([str(page)], use_cache=True)[-1].verdict
    assert found == {"PASS": "PASS", "FAIL": "FAIL"}, found
