"""A plain Markdown page is read without markdown-it, to the same formulas and tags; any other page by markdown-it."""

from pathlib import Path

import pytest

from derive.docs.formats import markdown
from derive.docs.formats.plain_markdown import plain_page_blocks
from derive.docs.scan import scan_markdown

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

EQUALITIES = Path(__file__).resolve().parents[2] / "bench" / "equalities.md"

LINES = [
    "",
    "   ",
    "# Title",
    "## Two words, here",
    "#Title",
    "# 5 things",
    "# Title #",
    "Plain words, here.",
    "Words: some (and more) - then 2 + 2 = 4; done",
    "Ünïcode words",
    "Words!",
    "Words with $x$ math",
    "Words with \\(x\\) math",
    "Text <b>bold</b> and <!-- derive: x > 0 -->",
    "Text `code`",
    "Text {math}`x`",
    "1. item",
    "- item",
    "> quoted",
    "    indented",
    "===",
    "---",
    "$$ a = b $$",
    "$$a=b$$",
    "$$ $$",
    "$$ a = b $$ (1)",
    "$$ x = 2 $$ {#eq-a}",
    "$$ a \\$$",
    "$$",
    "$$ x = 1",
    " $$ a = b $$",
    "$$ \\begin{aligned} a &= b \\\\ c &= d \\end{aligned} $$",
    "$$ \\newcommand{\\R}{\\mathbb{R}} \\R = 1 $$",
    "$$ \\frac{x^2-4}{x-2}=x+2 $$",
    "<!-- derive: x > 0 -->",
    "<!-- derive: softmax_jacobian -->",
    "<!-- c --> tail",
    "<!-- a --><!-- b -->",
    "<!--",
    "-->",
    "\\[ x = y \\]",
    ":::{note}",
]


def _by_markdown_it(text: str) -> list:
    """The formulas markdown-it's reading of ``text`` gives."""
    plain = markdown.plain_page_blocks
    markdown.plain_page_blocks = lambda text: None
    try:
        return scan_markdown(text)
    finally:
        markdown.plain_page_blocks = plain


def _blocks_by_markdown_it(text: str) -> list:
    return [
        (token.type, token.map, token.content)
        for token in markdown._parser(False).parse(text)
        if token.type in ("math_block", "html_block")
    ]


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
@given(st.lists(st.sampled_from(LINES), max_size=12), st.booleans())
def test_a_page_read_plain_gives_what_markdown_it_gives(lines, last_newline):
    text = "\n".join(lines) + ("\n" if last_newline else "")
    blocks = plain_page_blocks(text)
    if blocks is not None:
        assert [(b.type, b.map, b.content) for b in blocks] == _blocks_by_markdown_it(text)
        # headings and words hold no math nor comment: the formulas and tags are those of the blocks alone
        assert scan_markdown(text) == _by_markdown_it(text)


def test_the_fifty_equalities_are_a_plain_page():
    text = EQUALITIES.read_text()
    assert plain_page_blocks(text) is not None
    found = scan_markdown(text)
    assert len(found) == 50 and found == _by_markdown_it(text)
    assert [(f.line, f.tag, f.tag_line) for f in found if f.tag][0] == (42, "x \\neq 2", 41)


@pytest.mark.parametrize(
    "text",
    [
        "Words before\n$$ a = b $$\n",  # inline math of the paragraph of words, not a block
        "Words with $x = 1$ inline\n",
        "```\n$$ a = b $$\n```\n",
        "    $$ a = b $$\n",
        "$$ a = b $$ (eq)\n",
        "$$ x = 2 $$ {#eq-a}\n",
        "<!-- derive: x > 0 --> words\n$$ a = b $$\n",
        "- $$ a = b $$\n",
        "# Title\r\n\r\n$$ a = b $$\r\n",
    ],
)
def test_any_other_page_is_read_by_markdown_it(text):
    assert plain_page_blocks(text) is None
    assert scan_markdown(text) == _by_markdown_it(text)


def test_a_paragraph_of_words_keeps_a_display_line_inline():
    """What the plain reading must not take for a block: markdown-it reads it inline, one formula either way here."""
    (found,) = scan_markdown("Words before\n$$ a = b $$\n")
    assert found.latex == "a = b" and found.line == 2
