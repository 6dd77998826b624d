"""How results look: printer rules, display forms, the terminal view, BibTeX, a user's own appendix, derive.sty."""

import os
import stat
import subprocess
from pathlib import Path

import pytest
import sympy as sp
from conftest import catalog_report, require_tex

from derive import verify
from derive.appendix import appendix_document
from derive.cli import main
from derive.display import prove_display, shown_statement
from derive.errors import DefinitionError, ResultModuleError
from derive.files import write_atomically
from derive.notation import Sum, i, j, n, z
from derive.pdf import STANDALONE, compile_pdf, layout_problems
from derive.printing import latex, unicode
from derive.prose import to_unicode
from derive.references import read_bibtex, reference, use_bibtex
from derive.registry import catalog_names, load, load_path
from derive.render_latex import broken, fragment, style
from derive.render_text import derivation, summary_line

ROOT = Path(__file__).resolve().parents[2]
OWN_RESULT = ROOT / "examples" / "paper" / "two_term_am_gm.py"
OWN_BIB = ROOT / "examples" / "paper" / "refs.bib"
TERMINAL_LEAKS = ("\\", "Matrix(", "Sum(", "KroneckerDelta", "Dummy", "0*")


@pytest.fixture(autouse=True)
def no_user_bibliography():
    yield
    use_bibtex([])


class TestPrinterRules:
    def test_a_fraction_in_an_exponent_is_written_inline(self):
        T = sp.Symbol("T", positive=True)
        assert latex(sp.exp((z[i] - z[j]) / T)) == r"e^{(z_{i} - z_{j})/T}"
        assert unicode(sp.exp((z[i] - z[j]) / T)) == "e^((z_i − z_j)/T)"
        assert unicode(sp.exp(z[i])) == "e^(z_i)" and unicode(sp.exp(-T)) == "e^(−T)" and unicode(sp.exp(T)) == "e^T"

    def test_sums_over_one_range_share_one_sign(self):
        double = Sum(Sum(z[i] * z[j], j, n), i, n)
        assert latex(double).startswith(r"\sum_{i,j=1}^{n} ")
        assert unicode(double).startswith("Σ_{i,j=1}^{n} ")
        mixed = Sum(Sum(z[i] * z[j], j, n + 1), i, n)
        assert latex(mixed).startswith(r"\sum_{i=1}^{n} \sum_{j=1}^{n + 1} ")

    def test_a_sum_is_not_put_over_a_denominator(self):
        d = sp.Symbol("d", positive=True, integer=True)
        assert latex(Sum(z[i], i, d) / d) == r"\frac{1}{d} \sum_{i=1}^{d} z_{i}"

    def test_a_bracket_of_fractions_keeps_its_factor_in_front(self):
        a, b, c = sp.symbols("a b c", positive=True)
        assert latex((a - b / c) / sp.sqrt(c + 1)) == r"\frac{1}{\sqrt{c + 1}} \left(a - \frac{b}{c}\right)"

    def test_a_bare_symbol_follows_a_named_quantity(self):
        from derive.identities.layernorm_gradient import eps, var

        assert latex(sp.sqrt(var + eps)) == r"\sqrt{\sigma^{2} + \epsilon}"

    def test_logarithms_and_trigonometric_functions_of_a_symbol_have_no_brackets(self):
        x = sp.Symbol("x", positive=True)
        assert latex(sp.log(x)) == r"\log x" and latex(sp.log(x + 1)) == r"\log\left(x + 1\right)"
        assert latex(sp.cos(x) ** 2) == r"\cos^{2} x"

    def test_a_power_of_a_product_is_parenthesised_in_the_terminal(self):
        from derive.identities.attention_scaling import E, score

        assert unicode(E(score**2)) == "E[(q·k)²]"
        assert unicode(E(score) ** 2) == "E[q·k]²"

    def test_matrices_print_as_matrices(self):
        q1, q2 = sp.symbols("q_1 q_2")
        column = sp.Matrix([[q1], [q2]])
        W = sp.MatrixSymbol("W", 2, 2)
        assert unicode(column) == "(q_1, q_2)ᵀ" and unicode(sp.Transpose(column)) == "(q_1, q_2)"
        assert unicode(sp.Matrix([[1, -q1], [q1, 1]])) == "[1, −q_1; q_1, 1]"
        assert unicode(sp.MatMul(sp.Transpose(W), W)) == "Wᵀ·W"
        assert latex(sp.Transpose(W)) == r"W^{\top}"

    def test_partial_derivatives_in_prose(self):
        assert to_unicode(r"$\partial z_k/\partial z_j = \delta_{kj}$") == "∂z_k/∂z_j = δ_kj"
        assert (
            to_unicode(r"$\zeta(2)$, $\mathfrak{g}$, $\aleph_0$") == "ζ(2), g, aleph_0"
        )  # outside the vocabulary: its name
        assert (
            to_unicode(r"$a - b$ and $-\log n$, well-known") == "a − b and −log n, well-known"
        )  # minus signs, not hyphens

    def test_a_long_formula_breaks_between_terms_only(self):
        terms = " + ".join(rf"\frac{{a_{{{k}}}}}{{b_{{{k}}}}}" for k in range(40))
        lines = broken(terms, 200)
        assert len(lines) > 1 and "".join(lines).replace(" ", "") == terms.replace(" ", "")
        assert all(line.startswith("+") for line in lines[1:])


class TestDisplayForms:
    def test_the_declared_display_is_proved_and_printed(self):
        result = load("layernorm_gradient")
        position = next(k for k, c in enumerate(result.claims) if c.display is not None)
        assert prove_display(result, position).proved
        shown = shown_statement(result, position)
        text = latex(shown.rhs, shown.as_written)
        assert text.startswith(
            r"\frac{1}{\sqrt{\sigma^{2} + \epsilon}} \left(\gamma_{j} g_{j} - \frac{1}{d} \sum_{i=1}^{d}"
        )
        body = fragment(result, catalog_report("layernorm_gradient"))
        assert text in body and "rearranged as stated" in body

    def test_a_wrong_display_is_refused(self):
        result = load("layernorm_gradient")
        position = next(k for k, c in enumerate(result.claims) if c.display is not None)
        display = result.claims[position].display
        wrong = result.with_claim(position, display=display.func(display.args[0], -display.args[1], evaluate=False))
        wrong = wrong.named("layernorm_gradient_wrong_display", "a deliberately wrong display")
        verdict = prove_display(wrong, position)
        assert not verdict.proved and "differs from the statement" in verdict.reason
        with pytest.raises(DefinitionError, match="display= is not shown"):
            shown_statement(wrong, position)

    def test_a_display_sympy_cannot_prove_is_refused_even_if_numbers_agree(self, monkeypatch):
        import derive.display as display_module
        from derive.symbolic import SymbolicVerdict

        result = load("layernorm_gradient")
        position = next(k for k, c in enumerate(result.claims) if c.display is not None)
        monkeypatch.setattr(
            display_module, "prove_zero", lambda expr, assumptions: SymbolicVerdict(False, "budget spent")
        )
        verdict = prove_display(result, position)
        assert not verdict.proved and "budget spent" in verdict.reason


class TestTerminal:
    def test_claims_are_lettered_as_in_the_appendix(self):
        out = derivation(load("softmax_jacobian"), catalog_report("softmax_jacobian"))
        claims = [line for line in out.splitlines() if line.startswith("Claim")]
        assert claims[0].startswith("Claim (a) ") and claims[1].startswith("Claim (b) ")

    def test_a_step_after_a_rejected_one_says_what_it_was_checked_against(self):
        result = load("softmax_jacobian")
        steps = result.claims[0].steps
        broken_result = result.with_step(0, 1, steps[1].expr + 1)
        out = derivation(broken_result, verify(broken_result))
        lines = out.splitlines()
        failed = [k for k, line in enumerate(lines) if "✗ FAILED" in line]
        assert len(failed) >= 2
        assert "checked against the rejected expression" not in lines[failed[0] + 1]
        assert "checked against the rejected expression above" in out.split("✗ FAILED", 2)[2].splitlines()[1]

    def test_a_cached_report_says_so(self):
        report = catalog_report("softmax_jacobian")
        assert "cached" not in summary_line(report)
        report.cached = True
        try:
            assert f"cached, verified in {report.seconds:.1f} s" in summary_line(report)
        finally:
            report.cached = False

    @pytest.mark.slow
    @pytest.mark.parametrize("name", catalog_names())
    def test_no_macro_or_sympy_repr_reaches_the_terminal(self, name):
        out = derivation(load(name), catalog_report(name))
        for leak in TERMINAL_LEAKS:
            assert leak not in out, f"{name}: {leak!r} in the terminal view:\n" + "\n".join(
                line for line in out.splitlines() if leak in line
            )


class TestBibliography:
    def test_bibtex_entries_become_references(self, tmp_path):
        bib = tmp_path / "refs.bib"
        bib.write_text(
            "@article{doe2024, author = {Doe, Jane and Roe, Richard}, title = {{A Small Result}},\n"
            ' journal = "J. Small Things", volume = 3, pages = {1--9}, year = 2024}\n@comment{x}\n'
        )
        entry = read_bibtex(bib)["doe2024"]
        assert entry.short() == "Doe and Roe 2024" and entry.title == "A Small Result"
        assert "J. Small Things 3:1--9" in entry.latex()
        use_bibtex([bib])
        assert reference("doe2024") is not None and reference("vaswani2017").year == 2017

    def test_an_unknown_key_says_where_keys_come_from(self):
        with pytest.raises(DefinitionError, match="--bib"):
            reference("nobody1999")

    @pytest.mark.parametrize(
        "text, message",
        [
            ("@article{k, title = {T}", "not closed"),
            ("@article{k, title = {T}}", "no year"),
            ("no entries here", "no BibTeX entry"),
        ],
    )
    def test_a_bad_bibtex_file_is_one_clear_error(self, tmp_path, text, message):
        bib = tmp_path / "refs.bib"
        bib.write_text(text)
        with pytest.raises(ResultModuleError, match=message):
            read_bibtex(bib)


class TestOwnResults:
    def test_own_result_with_own_reference_in_an_appendix(self, tmp_path, capsys, monkeypatch):
        monkeypatch.chdir(tmp_path)
        status = main(["appendix", str(OWN_RESULT), "--bib", str(OWN_BIB), "--only", "--no-cache"])
        assert status == 0, capsys.readouterr().err
        source = (tmp_path / "output" / "appendix.tex").read_text()
        assert r"\label{thm:two_term_am_gm}" in source and r"\derivecite{cauchy1821}{Cauchy 1821}" in source
        assert r"\bibitem{cauchy1821} Augustin-Louis Cauchy." in source
        assert r"\label{thm:softmax_jacobian}" not in source  # --only: the catalog is left out
        assert (tmp_path / "output" / "derive.sty").read_text() == style()

    def test_without_only_own_results_join_the_catalog(self):
        own = load_path(OWN_RESULT)
        pairs = [(load("softmax_jacobian"), catalog_report("softmax_jacobian"))]
        use_bibtex([OWN_BIB])
        source, _ = appendix_document(pairs + [(own, verify(own))])
        assert source.index(r"\label{thm:softmax_jacobian}") < source.index(r"\label{thm:two_term_am_gm}")
        assert r"\section{Results of this paper}" in source

    def test_own_result_citing_an_unknown_key_fails_before_verifying(self, tmp_path, capsys):
        status = main([str(OWN_RESULT), "--output", str(tmp_path)])
        err = capsys.readouterr().err
        assert status == 2 and "cauchy1821" in err and "--bib" in err and err.count("\n") == 1
        assert not (tmp_path / "two_term_am_gm.tex").exists()

    def test_own_result_never_writes_into_the_package_output(self, capsys, monkeypatch):
        monkeypatch.chdir(ROOT)
        before = {p.name: p.stat().st_mtime_ns for p in (ROOT / "output").iterdir()}
        status = main([str(OWN_RESULT), "--bib", str(OWN_BIB)])
        err = capsys.readouterr().err
        assert status == 2 and "not part of the catalog" in err and "--output" in err
        assert {p.name: p.stat().st_mtime_ns for p in (ROOT / "output").iterdir()} == before

    def test_only_needs_result_files(self, capsys):
        assert main(["appendix", "--only"]) == 2
        assert "--only needs result files" in capsys.readouterr().err


def test_generated_files_are_ordinary_files(tmp_path):
    previous = os.umask(0o022)
    try:
        path = write_atomically(tmp_path / "x.tex", "text")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["x.tex"]  # no temporary file left behind


def test_committed_style_matches_the_engine():
    assert (ROOT / "output" / "derive.sty").read_text() == style(), (
        "output/derive.sty is stale: run 'python -m derive appendix --pdf'"
    )


@pytest.mark.pdf
def test_a_fragment_inputs_into_a_paper_with_the_style(tmp_path):
    require_tex()
    (tmp_path / "softmax_jacobian.tex").write_text(
        fragment(load("softmax_jacobian"), catalog_report("softmax_jacobian"))
    )
    (tmp_path / "derive.sty").write_text(style())
    paper = (
        r"\documentclass{article}\usepackage{derive}\begin{document}"
        "\n"
        r"\input{softmax_jacobian} See \deriveref{softmax_jacobian} and \cite{bridle1990}."
        "\n"
        r"\begin{thebibliography}{9}\bibitem{bridle1990} J. S. Bridle, 1990.\end{thebibliography}\end{document}"
    )
    logs = []
    compile_pdf(paper, "paper.tex", tmp_path, tmp_path / "paper.pdf", on_log=logs.append)
    text = subprocess.run(["pdftotext", str(tmp_path / "paper.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Theorem 1" in text and "See Theorem 1 and [1]" in text
    assert "undefined" not in logs[0].lower()


@pytest.mark.pdf
@pytest.mark.slow
def test_no_box_overflows_or_stretches_in_the_appendix_or_any_standalone_pdf(tmp_path):
    require_tex()
    pairs = [(load(name), catalog_report(name)) for name in catalog_names()]
    (tmp_path / "derive.sty").write_text(style())
    for result, report in pairs:
        (tmp_path / f"{result.name}.tex").write_text(fragment(result, report))
    problems = {}

    def collect(name):
        return lambda log: problems.__setitem__(name, layout_problems(log)) if layout_problems(log) else None

    compile_pdf(
        appendix_document(pairs)[0], "appendix.tex", tmp_path, tmp_path / "appendix.pdf", on_log=collect("appendix")
    )
    for result, _ in pairs:
        compile_pdf(
            STANDALONE % f"{result.name}.tex",
            f"{result.name}.tex",
            tmp_path,
            tmp_path / f"{result.name}.pdf",
            on_log=collect(result.name),
        )
    assert problems == {}


def test_layout_problems_are_found_in_a_log():
    log = "Overfull \\hbox (376.5pt too wide) detected at line 989\nUnderfull \\vbox (badness 10000) has occurred\nok"
    assert len(layout_problems(log)) == 2 and layout_problems("Overfull rules? no") == []


@pytest.mark.pdf
def test_an_overfull_line_is_caught_from_a_real_compilation(tmp_path):
    require_tex()
    logs = []
    wide = r"\documentclass{article}\begin{document}\[ " + " ".join(["x_{1234567890}"] * 60) + r" \]\end{document}"
    compile_pdf(wide, "wide.tex", tmp_path, tmp_path / "wide.pdf", on_log=logs.append)
    assert any(problem.startswith("Overfull \\hbox") for problem in layout_problems(logs[0]))
