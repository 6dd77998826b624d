"""Finding formulas and tags in every document format, with line (and cell) numbers."""

from pathlib import Path

import pytest

from derive.docs.scan import ScanError, formulas_of_block, scan_file, scan_latex, scan_markdown, scan_text
from derive.docs.tags import TagError, parse_tag

FIXTURES = Path(__file__).parent / "docs_fixtures"


def test_markdown_skips_code_and_escaped_dollars_and_keeps_lines():
    found = scan_file(FIXTURES / "tricky.md")
    assert [(f.line, f.tag) for f in found] == [
        (11, "cross_entropy_decomposition"),
        (15, "softmax_jacobian"),
        (15, None),
    ]
    assert "H(p) + D_{KL}(p \\| q)" in found[0].latex and found[0].latex.startswith("H(p, q)")  # chain joined
    assert found[2].latex == "a = b"


def test_markdown_display_dollars_line_is_the_formula_line():
    text = "intro\n\n<!-- derive: softmax_jacobian -->\n$$\nJ = \\operatorname{diag}(\\sigma)\n$$\n"
    (found,) = scan_markdown(text)
    assert found.line == 5 and found.tag == "softmax_jacobian" and found.tag_line == 3


def test_latex_comment_tags_environments_and_verb():
    found = scan_file(FIXTURES / "tricky.tex")
    assert [(f.line, f.tag) for f in found] == [
        (6, "cross_entropy_decomposition"),
        (10, "softmax_jacobian"),
        (11, "softmax_jacobian"),
        (13, None),
    ]
    assert found[0].latex.startswith("D_{\\mathrm{KL}}")


def test_latex_display_brackets_and_cases_keep_their_alignment():
    text = "% derive: softmax_jacobian\n\\[\n x = \\begin{cases} a & i = j \\\\ b & i \\ne j \\end{cases}\n\\]\n"
    (found,) = scan_latex(text)
    assert found.line == 3 and "&" in found.latex  # the line the formula is on


def test_rows_starting_with_a_relation_continue_the_chain():
    rows = formulas_of_block("a &= b \\\\\n &= c \\\\\n d &= e")
    assert [text for _, text in rows] == ["a  = b = c", "d  = e"]


def test_tag_syntax():
    binding = parse_tag(r"softmax_jacobian; s = \operatorname{softmax}(z); A: real")
    assert binding.result == "softmax_jacobian"
    assert binding.overrides == {"s": r"\operatorname{softmax}(z)"} and binding.kinds == {"A": "real"}
    assert parse_tag("softmax_jacobian where x = z").overrides == {"x": "z"}
    assert parse_tag("skip") is None
    try:
        parse_tag("softmax_jacobien")
    except TagError as exc:
        assert "softmax_jacobian" in str(exc)
    else:
        raise AssertionError("a misspelt result must be rejected")


# --- the formats of derive.docs.formats, through one entry --------------------------------------------


@pytest.mark.parametrize(
    "kind, text, want",
    [
        ("markdown", "# T\r\n\r\nline $a = b$\r\n\r\n$$\r\nc = d\r\n$$\r\n", [(3, "a = b"), (6, "c = d")]),
        ("rst", "T\r\n=\r\n\r\nline :math:`a = b`\r\n\r\n.. math::\r\n\r\n   c = d\r\n", [(4, "a = b"), (8, "c = d")]),
        ("latex", "a\r\n$a = b$\r\n\\[\r\nc = d\r\n\\]\r\n", [(2, "a = b"), (4, "c = d")]),
        ("python", 'def f():\r\n    """Doc.\r\n\r\n    :math:`a = b`\r\n    """\r\n', [(4, "a = b")]),
    ],
)
def test_line_numbers_hold_with_windows_line_ends(kind, text, want):
    assert [(f.line, f.latex) for f in scan_text(text, kind)] == want


def test_myst_quarto_and_mkdocs_forms():
    myst = "```{math}\n---\nlabel: x\n---\na = b\n```\n\n:::{math}\n:label: y\n\nc = d\n:::\n"
    assert [(f.line, f.latex) for f in scan_text(myst, "markdown")] == [(5, "a = b"), (11, "c = d")]
    quarto = "$$ a = b $$ {#eq-one}\n\ntext\n"
    assert [(f.line, f.latex) for f in scan_text(quarto, "markdown")] == [(1, "a = b")]
    mkdocs = '- item\n\n    !!! tip\n\n        $a = b$\n\n=== "One"\n\n    === "Nested"\n\n        $$c = d$$\n'
    assert [(f.line, f.latex) for f in scan_text(mkdocs, "markdown")] == [(5, "a = b"), (11, "c = d")]


@pytest.mark.parametrize(
    "text, line",
    [
        ("> quote\n>\n> $$\n> a = b\n> $$\n", 4),
        ("- item\n\n  $$\n  a = b\n  $$\n", 4),
        ("$$\n\na = b\n$$ (eq)\n", 3),
        ("\\begin{align}\na &= b\n\\end{align}\n", 2),
    ],
)
def test_display_math_in_containers_is_on_its_own_line(text, line):
    assert [f.line for f in scan_text(text, "markdown")] == [line]


def test_a_tag_in_one_notebook_cell_applies_to_the_next_cells_formula():
    notebook = (
        '{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": ['
        '{"cell_type": "markdown", "id": "a", "metadata": {}, "source": ["<!-- derive: softmax_jacobian -->"]},'
        '{"cell_type": "markdown", "id": "b", "metadata": {}, "source": ["text\\n", "$a = b$"]}]}'
    )
    (found,) = scan_text(notebook, "notebook", "n.ipynb")
    assert (found.cell, found.line, found.tag, found.location) == (2, 2, "softmax_jacobian", "n.ipynb:cell 2:line 2")


@pytest.mark.parametrize("text", ["{", "[1, 2]", '{"cells": 5}'])
def test_a_file_that_is_not_a_notebook_is_one_line_naming_it(text):
    with pytest.raises(ScanError, match=r"^x\.ipynb: not a Jupyter notebook \(") as caught:
        scan_text(text, "notebook", "x.ipynb")
    assert "\n" not in str(caught.value)
