"""Forms of tagged formulas from real ML documents: each is read on a correct formula (PASS) and on a
wrong variant of it (FAIL) by the same machinery."""

import pytest

from derive.docs import check_paths

# (name, tag, correct formula, wrong variant)
PAIRS = [
    ("a tag function written bare in a partial derivative", r"f(x, y) = x y; x: real; y: real",
     r"\frac{\partial f}{\partial x} = y", r"\frac{\partial f}{\partial x} = x"),
    ("a tag function written bare in a derivative", r"f(x) = \frac{1}{x}; x: positive",
     r"\frac{df}{dx} = -1/x^2", r"\frac{df}{dx} = 1/x^2"),
]


def verdict(tmp_path, tag: str, latex: str) -> tuple[str, str]:
    path = tmp_path / "doc.md"
    path.write_text(f"# doc\n\n<!-- derive: {tag} -->\n$$\n{latex}\n$$\n", encoding="utf-8")
    records = check_paths([str(path)])
    assert len(records) == 1, records
    return records[0].verdict, records[0].detail


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_correct_passes_and_wrong_fails(tmp_path, name, tag, correct, wrong):
    assert verdict(tmp_path, tag, correct)[0] == "PASS", verdict(tmp_path, tag, correct)
    assert verdict(tmp_path, tag, wrong)[0] == "FAIL", verdict(tmp_path, tag, wrong)


def test_bare_function_defined_in_terms_of_itself_is_unknown(tmp_path):
    v, detail = verdict(tmp_path, r"f(x) = x f; x: real", r"f(x) = x")
    assert v == "UNKNOWN" and "itself" in detail
