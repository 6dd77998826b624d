r"""Macros a documentation site defines in its settings: its pages' formulas are read with them, never by running anything."""

import pytest

from derive.docs.formats.object_literals import LiteralError, read_literal
from derive.docs.formats.yaml_subset import read_yaml
from derive.docs.report import check_found
from derive.docs.scan import scan_path

TAG = "X: random; f: function; a: real"
RIGHT, WRONG = r"\EX[af(X)] = a\EX[f(X)]", r"\EX[af(X)] = a^2\EX[f(X)]"
SJ_RIGHT = r"\pd{\sigma_i}{z_j} = \sigma_i(\delta_{ij} - \sigma_j)"
SJ_WRONG = r"\pd{\sigma_i}{z_j} = \sigma_i(\delta_{ij} + \sigma_j)"


def _write(root, files):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def _page(head="", tag=TAG, formulas=(RIGHT, WRONG)):
    body = "".join(f"<!-- derive: {tag} -->\n$$\n{formula}\n$$\n\n" for formula in formulas)
    return f"{head}# A page\n\n{body}"


def _verdicts(page):
    found = scan_path(page)
    return [check_found(f).verdict for f in found], [f.latex for f in found]


def _expectation_decided(page):
    verdicts, latex = _verdicts(page)
    assert verdicts == ["PASS", "FAIL"], latex
    assert all(r"\mathbb{E}" in text and r"\EX" not in text for text in latex)


JEKYLL_POST = """---
layout: default
---
<script type="text/x-mathjax-config">
  MathJax.Hub.Config({
    TeX: {
      Macros: {
        e: "\\\\epsilon",
        EX: "{\\\\mathbb{E}}",   // a comment
        note: ["\\\\textcolor{blue}{[NOTE: #1]}",1],
      }
    }
  });
</script>
{{ content }}
"""


def test_a_jekyll_page_is_read_with_the_macros_of_its_layout(tmp_path):
    _write(tmp_path, {"_config.yml": "title: notes\n", "_layouts/post.html": JEKYLL_POST})
    _write(tmp_path, {"_layouts/default.html": "<html>{% include head.html %}{{ content }}</html>\n"})
    page = tmp_path / "notes" / "index.md"
    _write(tmp_path, {"notes/index.md": _page("---\nlayout: post\ntitle: Notes\n---\n")})
    _expectation_decided(page)
    # a page with another layout, or none, is not read with the post layout's macros
    _write(tmp_path, {"notes/index.md": _page("---\nlayout: default\n---\n")})
    assert _verdicts(page)[0] == ["UNKNOWN", "UNKNOWN"]
    _write(tmp_path, {"notes/index.md": _page()})
    assert _verdicts(page)[0] == ["UNKNOWN", "UNKNOWN"]


def test_a_jekyll_layout_reads_the_files_it_includes_and_the_local_scripts_they_load(tmp_path):
    _write(
        tmp_path,
        {
            "_config.yml": "title: notes\n",
            "_layouts/page.html": "{% include mathjax.html %}\n{{ content }}\n",
            "_includes/mathjax.html": '<script src="{{ site.baseurl }}/assets/mathjax-config.js"></script>\n',
            "assets/mathjax-config.js": "window.MathJax = { tex: { macros: { EX: '\\\\mathbb{E}' } } };\n",
            "index.md": _page("---\nlayout: page\n---\n"),
        },
    )
    _expectation_decided(tmp_path / "index.md")


def test_a_mkdocs_site_reads_the_mathjax_settings_of_its_extra_javascript(tmp_path):
    _write(
        tmp_path,
        {
            "mkdocs.yml": (
                "site_name: x\nmarkdown_extensions:\n  - pymdownx.arithmatex:\n      generic: true\n"
                "  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n"
                "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
                "extra_javascript:\n  - javascripts/mathjax.js\n  - https://unpkg.com/mathjax@3/es5/tex-mml-chtml.js\n"
            ),
            "docs/javascripts/mathjax.js": (
                "window.MathJax = {\n  tex: {\n    inlineMath: [['\\\\(', '\\\\)']],\n"
                '    macros: {EX: "\\\\mathbb{E}", pd: ["\\\\frac{\\\\partial #1}{\\\\partial #2}", 2]},\n  },\n};\n'
            ),
            "docs/a/page.md": _page(),
            "docs/a/sj.md": _page(tag="softmax_jacobian", formulas=(SJ_RIGHT, SJ_WRONG)),
        },
    )
    _expectation_decided(tmp_path / "docs" / "a" / "page.md")
    assert _verdicts(tmp_path / "docs" / "a" / "sj.md")[0] == ["PASS", "FAIL"]


def test_a_jupyter_book_reads_the_mathjax_macros_of_its_config(tmp_path):
    _write(
        tmp_path,
        {
            "_config.yml": (
                "title: A book\nsphinx:\n  config:\n    mathjax3_config:\n      tex:\n        macros:\n"
                '          "EX": "\\\\mathbb{E}"\n          "pd": ["\\\\frac{\\\\partial #1}{\\\\partial #2}", 2]\n'
            ),
            "_toc.yml": "format: jb-book\nroot: intro\n",
            "chapter/page.md": _page(),
            "chapter/sj.md": _page(tag="softmax_jacobian", formulas=(SJ_RIGHT, SJ_WRONG)),
        },
    )
    _expectation_decided(tmp_path / "chapter" / "page.md")
    assert _verdicts(tmp_path / "chapter" / "sj.md")[0] == ["PASS", "FAIL"]


def test_a_myst_project_reads_the_math_macros_of_myst_yml(tmp_path):
    _write(
        tmp_path,
        {
            "myst.yml": "version: 1\nproject:\n  math:\n    '\\EX': '\\mathbb{E}'\n    '\\pd': '\\frac{\\partial #1}{\\partial #2}'\n",
            "page.md": _page(),
            "sj.md": _page(tag="softmax_jacobian", formulas=(SJ_RIGHT, SJ_WRONG)),
        },
    )
    _expectation_decided(tmp_path / "page.md")
    assert _verdicts(tmp_path / "sj.md")[0] == ["PASS", "FAIL"]


def test_a_quarto_project_reads_the_headers_it_includes(tmp_path):
    _write(
        tmp_path,
        {
            "_quarto.yml": "project:\n  type: website\nformat:\n  html:\n    include-in-header: macros.html\n",
            "macros.html": '<div style="display: none">\n$$\\newcommand{\\EX}{\\mathbb{E}}$$\n</div>\n',
            "page.qmd": _page(),
        },
    )
    _expectation_decided(tmp_path / "page.qmd")
    # a header written as text in the page's own front matter
    _write(tmp_path, {"_quarto.yml": "project:\n  type: website\n"})
    head = "---\ntitle: x\ninclude-in-header:\n  text: |\n    <script>window.MathJax = {tex: {macros: {EX: '\\\\mathbb{E}'}}};</script>\n---\n"
    _write(tmp_path, {"page.qmd": _page(head)})
    _expectation_decided(tmp_path / "page.qmd")


def test_a_quarto_page_reads_the_macro_file_it_includes_by_shortcode(tmp_path):
    """A Quarto book's chapters open with {{< include _macros.tex >}}, a file of \\providecommand definitions."""
    _write(
        tmp_path,
        {
            "_macros.tex": "\\providecommand{\\EX}{\\mathop{\\mathbb{E}}}\n",
            "page.qmd": _page("{{< include _macros.tex >}}\n\n"),
        },
    )
    _expectation_decided(tmp_path / "page.qmd")
    # no shortcode, or a file outside the page's folder: the macro stays unknown
    _write(tmp_path, {"page.qmd": _page()})
    assert _verdicts(tmp_path / "page.qmd")[0] == ["UNKNOWN", "UNKNOWN"]
    _write(tmp_path, {"book/page.qmd": _page("{{< include ../_macros.tex >}}\n\n")})
    assert _verdicts(tmp_path / "book" / "page.qmd")[0] == ["UNKNOWN", "UNKNOWN"]


def test_a_docusaurus_site_reads_the_macros_of_its_katex_plugin(tmp_path):
    _write(
        tmp_path,
        {
            "docusaurus.config.js": (
                "import remarkMath from 'remark-math';\nimport rehypeKatex from 'rehype-katex';\n"
                "export default {\n  presets: [['classic', {docs: {remarkPlugins: [remarkMath],\n"
                "    rehypePlugins: [[rehypeKatex, {strict: false, macros: {'\\\\EX': '\\\\mathbb{E}',\n"
                "      '\\\\pd': '\\\\frac{\\\\partial #1}{\\\\partial #2}'}}]]}}]],\n};\n"
            ),
            "docs/page.md": _page(),
            "docs/sj.md": _page(tag="softmax_jacobian", formulas=(SJ_RIGHT, SJ_WRONG)),
        },
    )
    _expectation_decided(tmp_path / "docs" / "page.md")
    assert _verdicts(tmp_path / "docs" / "sj.md")[0] == ["PASS", "FAIL"]


def test_a_page_definition_wins_over_the_site_and_a_site_defining_a_macro_twice_is_not_guessed(tmp_path):
    _write(
        tmp_path,
        {
            "myst.yml": "project:\n  math:\n    '\\EX': '\\mathbb{E}'\n",
            "page.md": _page("$$\\newcommand{\\EX}{\\mathrm{Var}}$$\n\n"),
        },
    )
    assert _verdicts(tmp_path / "page.md")[1] == [r"\mathrm{Var}[af(X)] = a\mathrm{Var}[f(X)]"] * 1 + [
        r"\mathrm{Var}[af(X)] = a^2\mathrm{Var}[f(X)]"
    ]
    _write(
        tmp_path, {"page.md": _page(), "docusaurus.config.js": "const katex = {macros: {'\\\\EX': '\\\\mathrm{P}'}};\n"}
    )
    verdicts = [check_found(f) for f in scan_path(tmp_path / "page.md")]
    assert [v.verdict for v in verdicts] == ["UNKNOWN", "UNKNOWN"]
    assert "the site's settings define \\EX twice, with different meanings" in verdicts[0].detail


def test_settings_the_reader_cannot_take_are_ignored_not_run(tmp_path):
    _write(
        tmp_path,
        {
            "mkdocs.yml": "extra_javascript:\n  - js/config.js\n",
            "docs/js/config.js": "const m = load(); window.MathJax = {tex: {macros: m}};\n",
            "docs/page.md": _page(),
        },
    )
    verdicts = [check_found(f) for f in scan_path(tmp_path / "docs" / "page.md")]
    assert [v.verdict for v in verdicts] == ["UNKNOWN", "UNKNOWN"]
    assert r"\EX" in verdicts[0].detail


def test_the_object_literal_reader_is_strict():
    value, end = read_literal("{a: 'x', \"b\": [1, 2.5, true, null,], /* c */ c: {d: `t`}, // e\n}")
    assert value == {"a": "x", "b": [1, 2.5, True, None], "c": {"d": "t"}}
    for text in ("{a: b}", "{a: f(1)}", "{...x}", "{a: `${x}`}", "{a: 'x'"):
        with pytest.raises(LiteralError):
            read_literal(text)
    assert read_literal('"\\\\mathbb{E}"')[0] == "\\mathbb{E}"


def test_the_yaml_reader_takes_the_settings_sites_write():
    text = (
        "a: 1  # note\nb:\n  - x\n  - path: y.js\n    defer: true\nc: !!python/name:m.f\n"
        "d: |\n  line 1\n  line 2\ne: {\"k\": [1, 2]}\nf: 'it''s'\ng: \"\\\\E\"\nh:\n- 1\n- 2\n"
    )
    assert read_yaml(text) == {
        "a": "1",
        "b": ["x", {"path": "y.js", "defer": "true"}],
        "c": "python/name:m.f",
        "d": "line 1\nline 2\n",
        "e": {"k": [1, 2]},
        "f": "it's",
        "g": "\\E",
        "h": ["1", "2"],
    }


USUAL_RIGHT, USUAL_WRONG = r"\E[af(X)] = a\E[f(X)]", r"\E[af(X)] = a^2\E[f(X)]"


def test_a_macro_nothing_defines_is_read_by_its_usual_meaning_and_the_verdict_says_so(tmp_path):
    _write(tmp_path, {"page.md": _page(formulas=(USUAL_RIGHT, USUAL_WRONG))})
    records = [check_found(f) for f in scan_path(tmp_path / "page.md")]
    assert [r.verdict for r in records] == ["PASS", "FAIL"]
    assert all(r"read \E as the expectation (\mathbb{E}), the usual meaning" in r.detail for r in records)
    rows = (r"\Var(aX) = a^2 \Var(X)", r"\Var(aX) = a \Var(X)")
    _write(tmp_path, {"var.md": _page(tag=r"X \sim \mathcal{N}(0, 1); a: real", formulas=rows)})
    assert _verdicts(tmp_path / "var.md")[0] == ["PASS", "FAIL"]


def test_a_definition_of_the_page_or_the_site_wins_over_the_usual_meaning(tmp_path):
    # read as the variance, \E[af(X)] = a\E[f(X)] is wrong: the definition is what decides
    _write(tmp_path, {"page.md": _page("$$\\newcommand{\\E}{\\mathrm{Var}}$$\n\n", formulas=(USUAL_RIGHT,))})
    (record,) = [check_found(f) for f in scan_path(tmp_path / "page.md")]
    assert record.verdict == "FAIL" and "usual meaning" not in record.detail
    _write(
        tmp_path,
        {"myst.yml": "project:\n  math:\n    '\\E': '\\mathrm{Var}'\n", "site.md": _page(formulas=(USUAL_RIGHT,))},
    )
    (record,) = [check_found(f) for f in scan_path(tmp_path / "site.md")]
    assert record.verdict == "FAIL" and "usual meaning" not in record.detail


@pytest.mark.parametrize("name", [r"\N", r"\P", r"\Exp", r"\tp", r"\1"])
def test_a_macro_with_more_than_one_usual_meaning_stays_unknown(tmp_path, name):
    formula = rf"{name}(a) = {name}(a)"
    _write(tmp_path, {"page.md": _page(tag="a: real", formulas=(formula,))})
    (record,) = [check_found(f) for f in scan_path(tmp_path / "page.md")]
    assert record.verdict == "UNKNOWN" and name in record.detail
