"""Every result is bindable from a document: its declared vocabulary decides a correct formula and refutes a wrong one."""

import pytest

from derive.docs.report import check_paths
from derive.registry import catalog_names, load
from derive.vocabulary import Vocabulary, vocabulary_for


def _document(tmp_path, name, formulas, clauses=""):
    """A Markdown page with each formula tagged with the result ``name`` (and the tag ``clauses``)."""
    tag = name + (f"; {clauses}" if clauses else "")
    text = "\n\n".join(f"Some prose.\n\n<!-- derive: {tag} -->\n$${latex}$$" for latex in formulas) + "\n"
    page = tmp_path / f"{name}.md"
    page.write_text(text)
    return check_paths([page])


@pytest.mark.parametrize("name", catalog_names())
def test_every_result_declares_a_vocabulary_with_examples(name):
    declared = load(name).vocabulary
    assert isinstance(declared, Vocabulary), f"{name} declares no documentation vocabulary"
    assert declared.examples, f"{name}'s vocabulary has no example formulas"


@pytest.mark.parametrize("name", catalog_names())
def test_a_correct_formula_passes_and_its_wrong_variant_fails(name, tmp_path):
    vocabulary = vocabulary_for(load(name))
    for example in vocabulary.examples:
        correct, wrong, clauses = (*example, "")[:3]
        records = _document(tmp_path, name, [correct, wrong], clauses)
        assert [r.latex for r in records] == [correct, wrong]
        right, refuted = records
        assert right.verdict == "PASS", (correct, right.verdict, right.detail)
        assert refuted.verdict == "FAIL", (wrong, refuted.verdict, refuted.detail)
