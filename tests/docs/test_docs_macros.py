"""A document's own macros: formulas are read with the meaning their document gives, or are UNKNOWN with the reason."""

from derive.docs.formats.macros import MacroTable, read_formula
from derive.docs.report import check_found
from derive.docs.scan import scan_text

SJ_RIGHT = r"\frac{\partial \sigma_i}{\partial z_j} = \sigma_i(\delta_{ij} - \sigma_j)"
SJ_WRONG = r"\frac{\partial \sigma_i}{\partial z_j} = \sigma_i(\delta_{ij} + \sigma_j)"


def _verdicts(text, kind="latex"):
    return [check_found(f).verdict for f in scan_text(text, kind)]


def _tex(preamble, *formulas):
    body = "".join(f"% derive: softmax_jacobian\n\\[ {formula} \\]\n" for formula in formulas)
    return f"\\documentclass{{article}}\n{preamble}\n\\begin{{document}}\n{body}\\end{{document}}\n"


def test_a_redefined_frac_is_never_read_as_the_standard_fraction():
    (found,) = scan_text(_tex(r"\def\frac#1#2{#2}", SJ_RIGHT), "latex")
    assert "\\frac" not in found.latex and found.latex.startswith(r"\partial z_j =")
    assert check_found(found).verdict != "PASS"
    assert _verdicts(_tex("", SJ_RIGHT)) == ["PASS"]  # the same formula under the standard \frac


def test_formulas_written_with_document_macros_are_decided_both_ways():
    preamble = r"\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}}" + "\n" + r"\newcommand\sm{\sigma}"
    right = r"\pd{\sm_i}{z_j} = \sm_i(\delta_{ij} - \sm_j)"
    wrong = r"\pd{\sm_i}{z_j} = \sm_i(\delta_{ij} + \sm_j)"
    assert _verdicts(_tex(preamble, right, wrong)) == ["PASS", "FAIL"]


def test_mathjax_macros_defined_in_a_markdown_page_hold_for_the_rest_of_the_page():
    page = (
        "$$\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}$$\n\n"
        "<!-- derive: softmax_jacobian -->\n$\\pd{\\sigma_i}{z_j} = \\sigma_i(\\delta_{ij} - \\sigma_j)$\n\n"
        "<!-- derive: softmax_jacobian -->\n$\\pd{\\sigma_i}{z_j} = \\sigma_i(\\delta_{ij} + \\sigma_j)$\n"
    )
    found = scan_text(page, "markdown")
    assert [f.line for f in found] == [4, 7]  # the definition alone is no formula
    assert [check_found(f).verdict for f in found] == ["PASS", "FAIL"]


def test_a_macro_the_checker_cannot_expand_makes_the_formula_unknown_with_the_reason():
    (found,) = scan_text(_tex(r"\def\frac#1/#2{#1}", SJ_RIGHT), "latex")
    record = check_found(found)
    assert record.verdict == "UNKNOWN" and "delimited parameters" in record.detail and "\\frac" in record.detail
    (found,) = scan_text(_tex(r"\def\loop{\loop}", r"\loop = 1"), "latex")
    assert check_found(found).verdict == "UNKNOWN" and "does not end" in found.unreadable
    untagged = scan_text("\\def\\frac#1/#2{#1}\n\\[ \\frac{1}{2} = 0.5 \\]\n", "latex")
    assert check_found(untagged[0]).verdict == "SKIPPED"  # never decided under the standard meaning


def test_definitions_hold_from_where_they_are_made_to_the_end_of_their_group():
    text = (
        "\\[ \\frac{a}{b} = c \\]\n"
        "{\\renewcommand{\\frac}[2]{#1} \\[ \\frac{a}{b} = c \\]}\n"
        "\\[ \\frac{a}{b} = c \\]\n"
        "\\renewcommand{\\frac}[2]{#2}\n"
        "\\[ \\frac{a}{b} = c \\]\n"
    )
    assert [f.latex for f in scan_text(text, "latex")] == [r"\frac{a}{b} = c", "a = c", r"\frac{a}{b} = c", "b = c"]


def test_let_operators_and_optional_arguments():
    table = MacroTable()
    read_formula(
        r"\DeclareMathOperator*{\argmax}{arg\,max} \newcommand{\norm}[2][2]{\|#2\|_{#1}} \let\sm=\sigma", table
    )
    assert read_formula(r"\argmax_i z_i", table) == (r"\operatorname*{arg\,max}_i z_i", None)
    assert read_formula(r"\norm{x} + \norm[1]{y}", table) == (r"\|x\|_{2} + \|y\|_{1}", None)
    assert read_formula(r"\sm_i", table) == (r"\sigma_i", None)
    assert read_formula(r"\norm", table)[1] == r"\norm, defined by the document, is missing an argument"


def test_a_sphinx_project_macros_come_from_its_conf_py_which_is_never_run(tmp_path):
    from derive.docs.scan import scan_path

    (tmp_path / "conf.py").write_text(
        'raise SystemExit("conf.py was run")\n'
        'mathjax3_config = {"tex": {"macros": {"pd": [r"\\frac{\\partial #1}{\\partial #2}", 2]}}}\n'
    )
    (tmp_path / "api").mkdir()
    page = tmp_path / "api" / "page.rst"
    page.write_text(
        ".. derive: softmax_jacobian\n\n.. math:: \\pd{\\sigma_i}{z_j} = \\sigma_i(\\delta_{ij} - \\sigma_j)\n\n"
        ".. derive: softmax_jacobian\n\n.. math:: \\pd{\\sigma_i}{z_j} = \\sigma_i(\\delta_{ij} + \\sigma_j)\n"
    )
    found = scan_path(page)
    assert [f.latex for f in found] == [SJ_RIGHT, SJ_WRONG]
    assert [check_found(f).verdict for f in found] == ["PASS", "FAIL"]


def test_a_sphinx_project_default_role_math_makes_backquoted_text_math(tmp_path):
    from derive.docs.scan import scan_path

    (tmp_path / "conf.py").write_text('default_role = "math"\n')
    page = tmp_path / "page.rst"
    page.write_text("Title\n=====\n\nThe identity `a + b = b + a` and :func:`f`.\n")
    assert [(f.line, f.latex) for f in scan_path(page)] == [(4, "a + b = b + a")]
    (tmp_path / "conf.py").write_text('default_role = "obj"\n')
    assert scan_path(page) == []
