"""Formulas from a fourth round of whole documentation trees checked untagged that FAILed though correct, or stopped
the check: a function the page defined written again at a value it reaches (G(x) = rK/4 after G(x) = rx(1 - x/K)),
the imaginary unit's i^2 = -1, and differentials written dL beside L (d(LU) = dL\\, U + L\\, dU). None may FAIL;
each wrong variant FAILs or stays undecided."""

from tests.docs.checking import untagged_verdict, verdicts

LOGISTIC_GROWTH = r"G(x) = r\,x\left(1 - \frac{x}{K}\right)"


def test_a_defined_function_set_to_an_expression_without_its_argument_keeps_its_meaning(tmp_path):
    # G(x) = rK/4 had made G the constant rK/4, and G(K/4) = 3rK/16 had FAILed under it
    found = verdicts(tmp_path, LOGISTIC_GROWTH, r"G(x) = rK/4", r"G(K/4) = 3rK/16", r"G(K/4) = 3rK/8")
    assert found[1][0] == "SKIPPED" and "defined before" in found[1][1], found[1]
    assert found[2][0] == "PASS", found[2]
    assert found[3][0] != "PASS", found[3]


def test_an_expression_without_the_argument_still_defines_a_function_the_page_had_not_defined(tmp_path):
    found = verdicts(tmp_path, r"G(x) = rK/4", r"G(1) = rK/4")
    assert found[0][0] == "SKIPPED" and "binds it" in found[0][1], found[0]
    assert found[1][0] == "PASS", found[1]


def test_the_imaginary_unit_s_square_is_not_refuted_as_an_equation_no_real_number_solves(tmp_path):
    found, detail = untagged_verdict(tmp_path, r"i^2 = -1")
    assert found == "SKIPPED", detail
    found, detail = untagged_verdict(tmp_path, r"x^2 = -1")  # a real x: no value solves it
    assert found == "FAIL" and "no value of its names solves it" in detail, detail


def test_differentials_written_beside_their_names_are_not_refuted_as_products(tmp_path):
    for formula in (r"d(LU) = dL\, U + L\, dU", r"d(xy) = x\,dy + y\,dx"):
        found, detail = untagged_verdict(tmp_path, formula)
        assert found == "SKIPPED" and "may be a differential" in detail, detail


def test_d_as_a_number_before_a_bracket_is_still_refuted(tmp_path):
    # d(d + 1)/2 counts pairs: d writes no name it also writes alone, so a wrong count still FAILs
    found, detail = untagged_verdict(tmp_path, r"\frac{d(d+1)}{2} = \frac{d^2 + d}{2} + 1")
    assert found == "FAIL", detail
    found, detail = untagged_verdict(tmp_path, r"\frac{d(d+1)}{2} = \frac{d^2 + d}{2}")
    assert found == "PASS", detail


def test_a_one_letter_accent_redefined_as_a_math_name_ends_its_formula_at_its_dollar():
    # pylatexenc reads \b (a bar-under accent) as taking an argument: in $\b$ it took the closing dollar, and the rest
    # of the file had been read as one formula
    from derive.docs.formats.latex import scan_latex

    text = (
        "\\renewcommand{\\b}{\\mathbf{b}}\n\\newcommand{\\d}{\\mathrm{d}}\n"
        "for any $\\A$ and $\\b$.\n\nThen $x + 1 = 1 + x$ and $\\int_0^1 2x \\d x = 1$ hold, \\c{c}a va.\n"
    )
    found = [(f.line, f.latex) for f in scan_latex(text)]
    assert (5, "x + 1 = 1 + x") in found and (5, "\\int_0^1 2x \\mathrm{d} x = 1") in found, found
    assert all("$" not in latex for _, latex in found), found
