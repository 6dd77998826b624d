"""Finding formulas and tags in Markdown and LaTeX, with line numbers."""

from pathlib import Path

from derive.docs.scan import formulas_of_block, scan_file, scan_latex, scan_markdown
from derive.docs.tags import TagError, parse_tag

FIXTURES = Path(__file__).parent / "docs_fixtures"


def test_markdown_skips_code_and_escaped_dollars_and_keeps_lines():
    found = scan_file(FIXTURES / "tricky.md")
    assert [(f.line, f.tag) for f in found] == [(11, "cross_entropy_decomposition"), (15, "softmax_jacobian"), (15, None)]
    assert "H(p) + D_{KL}(p \\| q)" in found[0].latex and found[0].latex.startswith("H(p, q)")  # chain joined
    assert found[2].latex == "a = b"


def test_markdown_display_dollars_line_is_the_formula_line():
    text = "intro\n\n<!-- derive: softmax_jacobian -->\n$$\nJ = \\operatorname{diag}(\\sigma)\n$$\n"
    (found,) = scan_markdown(text)
    assert found.line == 5 and found.tag == "softmax_jacobian" and found.tag_line == 3


def test_latex_comment_tags_environments_and_verb():
    found = scan_file(FIXTURES / "tricky.tex")
    assert [(f.line, f.tag) for f in found] == [(6, "cross_entropy_decomposition"), (10, "softmax_jacobian"),
                                                (11, "softmax_jacobian"), (13, None)]
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
