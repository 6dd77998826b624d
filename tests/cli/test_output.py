"""Generated files: deterministic, in sync with the committed output/, and compilable."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import catalog_report, require_tex

from derive import verify
from derive.appendix import appendix_document
from derive.cli import main
from derive.errors import LatexCompileError
from derive.pdf import compile_pdf
from derive.registry import catalog_names, load
from derive.render_latex import fragment

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "output"


def catalog_pairs():
    return [(load(name), catalog_report(name)) for name in catalog_names()]


def test_appendix_is_deterministic():
    pairs = catalog_pairs()
    assert appendix_document(pairs)[0] == appendix_document(pairs)[0]


@pytest.mark.parametrize("name", catalog_names())
def test_committed_fragment_matches_the_engine(name):
    expected = fragment(load(name), catalog_report(name))
    committed = (OUTPUT / f"{name}.tex").read_text(encoding="utf-8")
    assert committed == expected, f"output/{name}.tex is stale: run 'python -m derive appendix --pdf'"


def test_committed_appendix_matches_the_engine():
    committed = (OUTPUT / "appendix.tex").read_text(encoding="utf-8")
    assert committed == appendix_document(catalog_pairs())[0], (
        "output/appendix.tex is stale: run 'python -m derive appendix --pdf'"
    )


def test_appendix_has_every_result_and_no_sympy_artefacts():
    source = appendix_document(catalog_pairs())[0]
    for name in catalog_names():
        assert rf"\label{{thm:{name}}}" in source
    for artefact in ("Sum(", "Indexed", "KroneckerDelta", "Derivative(", "Piecewise"):
        assert artefact not in source
    # every cross-reference points at a theorem in the document (no dangling \ref)
    labels = set(re.findall(r"\\label\{([^}]*)\}", source))
    for used in re.findall(r"\\deriveref\{([^}]*)\}", source):
        assert f"thm:{used}" in labels
    # every figure is referred to from the text, and the references are in the contents
    for figure in re.findall(r"\\label\{(fig:[^}]*)\}", source):
        assert rf"Figure~\ref{{{figure}}}" in source
    assert "\\addcontentsline{toc}{section}{\\refname}\n\\begin{thebibliography}" in source


@pytest.mark.pdf
def test_appendix_pdf_has_every_title_and_theorem(tmp_path):
    require_tex()
    pairs = catalog_pairs()
    source, marks = appendix_document(pairs)
    pdf = compile_pdf(source, "appendix.tex", OUTPUT, tmp_path / "appendix.pdf")
    text = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # join lines and drop hyphens, so words TeX hyphenated across lines compare equal
    flat = " ".join(text.replace("-\n", "").split()).replace("-", "").replace("\u2019", "'")  # TeX typesets ' as ’
    for number, (result, _) in enumerate(
        sorted(pairs, key=lambda pair: source.index(rf"\label{{thm:{pair[0].name}}}")), start=1
    ):
        assert f"Theorem {number} ({result.title}".replace("-", "") in flat
    assert "Verification summary" in flat and "References" in flat


@pytest.mark.pdf
def test_single_result_pdf(tmp_path, capsys):
    require_tex()
    assert main(["softmax_jacobian", "--pdf", "--output", str(tmp_path)]) == 0
    assert (tmp_path / "softmax_jacobian.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.pdf
def test_latex_error_names_the_result(tmp_path):
    require_tex()
    result = load("softmax_jacobian")
    broken = result.with_claim(0, text=r"\undefinedmacro")
    pairs = [(broken, verify(broken))]
    source, marks = appendix_document(pairs)
    from derive.appendix import _blame

    with pytest.raises(
        LatexCompileError, match=r"appendix.tex:\d+ \(in result softmax_jacobian\): Undefined control sequence"
    ):
        compile_pdf(source, "appendix.tex", tmp_path, tmp_path / "appendix.pdf", blame=_blame(marks))
    assert not (tmp_path / "appendix.pdf").exists()


def test_without_tex_the_tex_is_written_and_exit_is_3(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    status = main(["softmax_jacobian", "--pdf", "--output", str(tmp_path)])
    err = capsys.readouterr().err
    assert status == 3
    assert "no TeX engine" in err and err.count("\n") == 1
    assert (tmp_path / "softmax_jacobian.tex").exists() and not (tmp_path / "softmax_jacobian.pdf").exists()
