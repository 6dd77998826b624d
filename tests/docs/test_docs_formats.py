"""Documentation trees in every format the checker reads: each formula found where it is, and checked.

Fixtures: a Sphinx project (reST pages, a module's docstrings, MathJax macros in conf.py), a MkDocs site
(admonitions, content tabs), a folder of notebooks, a LaTeX book (\\input chapters,
\\newcommand macros in an input file and a local package) and Markdown dialects (MyST, Quarto, MDX).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs import check_paths
from derive.docs.cli import main_check
from derive.docs.formats.common import formulas_of_block
from derive.docs.scan import ScanError, find_documents, scan_path, scan_text
from derive.docs.tokens import ROW_RELATIONS, clean, lex

FIXTURES = Path(__file__).parent / "docs_fixtures"
ROOT = Path(__file__).resolve().parents[2]
SJ_RIGHT = r"\frac{\partial \sigma_i}{\partial z_j} = \sigma_i(\delta_{ij} - \sigma_j)"
SJ_WRONG = r"\frac{\partial \sigma_i}{\partial z_j} = \sigma_i(\delta_{ij} + \sigma_j)"
CE = r"H(p, q) = H(p) + D_{KL}(p \| q)"
LORA = r"8 \cdot (4096 + 4096) = 65{,}536"

# (file under the fixture, cell, line, tag, a piece of the source that stands on that line, verdict or None)
EXPECTED = {
    "sphinx_project": [
        ("index.rst", None, 12, None, r":math:`\sigma_i = e^{z_i}", "SKIPPED"),
        ("softmax.rst", None, 9, "softmax_jacobian", SJ_RIGHT, "PASS"),
        ("softmax.rst", None, 15, "softmax_jacobian", r".. math:: J = \operatorname{diag}", "PASS"),
        ("softmax.rst", None, 21, "softmax_jacobian", SJ_WRONG, "FAIL"),
        ("softmax.rst", None, 27, "cross_entropy_decomposition", CE, "PASS"),
        ("softmax.rst", None, 35, None, ":math:`a = b` in a version note", "SKIPPED"),
        ("softmax.rst", None, 41, "softmax_jacobian", r".. math:: \pd{\sm_i}{z_j}", "PASS"),  # conf.py's macros
        ("softmaxlib.py", None, 11, "softmax_jacobian", r"\sigma_i (\delta_{ij} - \sigma_j)", "PASS"),
        ("softmaxlib.py", None, 16, None, r"The softmax output :math:`\sigma`", None),
    ],
    "mkdocs_site": [
        ("docs/index.md", None, 3, None, r"$\sigma_i = e^{z_i}", "SKIPPED"),
        ("docs/softmax.md", None, 7, "softmax_jacobian", SJ_RIGHT, "PASS"),
        ("docs/softmax.md", None, 13, "softmax_jacobian", SJ_WRONG, "FAIL"),
        ("docs/softmax.md", None, 18, "cross_entropy_decomposition", CE, "PASS"),
        ("docs/softmax.md", None, 23, "lora_parameter_count", LORA, "PASS"),
    ],
    "notebooks": [
        ("entropy.ipynb", 2, 3, "cross_entropy_decomposition", r"\KL{p}{q}", "PASS"),
        ("softmax.ipynb", 1, 3, None, r"The softmax $\sigma$", None),
        ("softmax.ipynb", 3, 5, "softmax_jacobian", SJ_RIGHT, "PASS"),
        ("softmax.ipynb", 4, 2, "softmax_jacobian", SJ_WRONG, "FAIL"),
    ],
    "latex_book": [
        ("main.tex", None, 9, "lora_parameter_count", LORA, "PASS"),
        ("main.tex", None, 11, "softmax_jacobian", r"\softmaxof{z}{i}", "PASS"),  # notation.sty's macro
        (
            "chapters/softmax.tex",
            None,
            4,
            "softmax_jacobian",
            r"\pd{\sigma_i}{z_j} = \sigma_i(\delta_{ij} - \sigma_j)",
            "PASS",
        ),
        ("chapters/softmax.tex", None, 7, "softmax_jacobian", r"\[ J = \diag(\sigma)", "PASS"),
        (
            "chapters/softmax.tex",
            None,
            11,
            "softmax_jacobian",
            r"\pd{\sigma_i}{z_j} &= \sigma_i(\delta_{ij} + \sigma_j)",
            "FAIL",
        ),
        ("chapters/entropy.tex", None, 5, "cross_entropy_decomposition", r"H(p, q) = H(p) + \KL{p}{q}", "PASS"),
    ],
    "dialects": [
        ("myst.md", None, 7, "softmax_jacobian", SJ_RIGHT, "PASS"),
        ("myst.md", None, 11, "cross_entropy_decomposition", "{math}`" + CE, "PASS"),
        ("myst.md", None, 14, None, LORA, "PASS"),
        ("myst.md", None, 18, None, "Inside a note: $a = b$", "SKIPPED"),
        ("notes.qmd", None, 12, "cross_entropy_decomposition", CE, "PASS"),
        ("notes.qmd", None, 17, "softmax_jacobian", SJ_RIGHT, "PASS"),
        (
            "perplexity.mdx",
            None,
            10,
            "softmax_cross_entropy_gradient",
            r"\\( \frac{\partial L}{\partial z_j} = \sigma_j - y_j \\)",
            "PASS",
        ),
        ("perplexity.mdx", None, 13, None, LORA, "PASS"),
    ],
}


def _source_line(file: Path, cell, line: int) -> str:
    if cell is None:
        return file.read_text(encoding="utf-8").splitlines()[line - 1]
    notebook = json.loads(file.read_text(encoding="utf-8"))
    return "".join(notebook["cells"][cell - 1]["source"]).splitlines()[line - 1]


@pytest.mark.parametrize("tree", sorted(EXPECTED))
def test_every_formula_is_found_where_it_stands(tree):
    folder = FIXTURES / tree
    files, problems = find_documents([folder])
    assert problems == []
    found = [(Path(f.file).relative_to(folder).as_posix(), f.cell, f.line, f.tag) for p in files for f in scan_path(p)]
    assert found == [row[:4] for row in EXPECTED[tree]]
    for name, cell, line, _, piece, _ in EXPECTED[tree]:
        assert piece in _source_line(folder / name, cell, line), (name, cell, line)


@pytest.mark.parametrize("tree", sorted(EXPECTED))
def test_derive_check_gives_each_formula_its_verdict_at_its_location(tree, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    folder = FIXTURES / tree
    status = main_check(["--json", str(folder)])
    records = json.loads(capsys.readouterr().out)
    got = [(Path(r["file"]).relative_to(folder).as_posix(), r.get("cell"), r["line"], r["verdict"]) for r in records]
    want = [(name, cell, line, verdict) for name, cell, line, _, _, verdict in EXPECTED[tree] if verdict is not None]
    assert got == want
    assert status == (1 if any(v == "FAIL" for *_, v in want) else 0)


def test_notebook_locations_name_the_cell_in_text_output(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    main_check([str(FIXTURES / "notebooks" / "softmax.ipynb")])
    assert "softmax.ipynb:cell 4:line 2: FAIL [softmax_jacobian]" in capsys.readouterr().out


def test_a_book_chapter_is_read_under_the_book_macros_and_not_twice():
    files, _ = find_documents([FIXTURES / "latex_book"])
    assert [f.name for f in files] == ["main.tex"]  # chapters and macros.tex are read through main.tex
    (formula,) = [f for f in scan_path(files[0]) if f.file.endswith("entropy.tex")]
    assert formula.latex == r"H(p, q) = H(p) + D_{KL}(p \,\|\, q)" and formula.unreadable is None


def test_a_chapter_that_names_its_book_is_read_under_the_book_macros_on_its_own():
    (formula,) = scan_path(FIXTURES / "latex_book" / "chapters" / "entropy.tex")  # % !TEX root = ../main.tex
    assert (formula.line, formula.latex) == (5, r"H(p, q) = H(p) + D_{KL}(p \,\|\, q)")
    alone = scan_path(FIXTURES / "latex_book" / "chapters" / "softmax.tex")  # names no book: its macros unknown
    assert alone[0].latex.startswith(r"\pd{")


def test_hidden_folders_such_as_notebook_checkpoints_are_not_searched():
    files, _ = find_documents([FIXTURES / "notebooks"])
    assert [f.name for f in files] == ["entropy.ipynb", "softmax.ipynb"]


def test_code_is_never_math():
    text = "```python\nx = '$a = b$'\n```\n\n    $c = d$\n\n`$e = f$`\n"
    assert scan_text(text, "markdown") == []
    assert (
        scan_text(".. code-block:: python\n\n   ':math:`a = b`'\n\n.. testcode::\n\n   ':math:`c = d`'\n", "rst") == []
    )
    assert scan_text("```{python}\nx = '$a = b$'\n```\n", "markdown") == []


def test_reading_a_python_file_never_runs_it(tmp_path):
    module = tmp_path / "lib.py"
    module.write_text('raise SystemExit("imported")\n\n\ndef f():\n    """Identity: :math:`a = b`."""\n')
    (found,) = scan_path(module)
    assert (found.line, found.latex) == (5, "a = b")
    module.write_text("def f(:\n")
    with pytest.raises(ScanError, match=r"lib.py: not valid Python \(line 1"):
        scan_path(module)


def test_sphinx_pages_parse_without_a_word_on_stderr(capfd):
    text = (
        ".. toctree::\n   :maxdepth: 2\n\n   page\n\n.. autoclass:: a.B\n   :members:\n\n.. math::\n   :nowrap:\n\n"
        "   \\begin{align} a &= b \\end{align}\n\nSee :func:`f`, :class:`B`, :eq:`x` and :unknownrole:`y`.\n\n"
        ".. some-extension-directive:: arg\n\n   Body with :math:`c = d`.\n"
    )
    found = scan_text(text, "rst", "page.rst")
    assert [(f.line, f.latex) for f in found] == [(12, "a  = b"), (18, "c = d")]
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_doubled_backslash_delimiters_and_mdx_components():
    text = "a \\\\( x = 1 \\\\) b and `\\\\( code \\\\)`\n"
    assert [f.latex for f in scan_text(text, "mdx")] == ["x = 1"]
    assert [f.latex for f in scan_text(text, "markdown")] == ["x = 1"]  # Markdown leaves \\( for MathJax
    component = "<Tip>\nThe loss $a = b$ here.\n</Tip>\n\n<script>\nx = $a = b$\n</script>\n"
    assert [(f.line, f.latex) for f in scan_text(component, "mdx")] == [(2, "a = b")]


# --- files and folders the checker cannot read -------------------------------------------------------


def _tree(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.md").write_text("<!-- derive: p = (0.7, 0.2, 0.1) --> $p_1 + p_2 = 0.9$\n")
    (folder / "b.md").write_bytes(b"caf\xe9 $x = 1$\n")
    (folder / "sub" / "c.rst").write_text(".. derive: p = (0.7, 0.2, 0.1)\n\n:math:`p_1 + p_2 = 0.8`\n")
    return folder


def test_an_unreadable_file_is_named_and_every_other_file_is_checked(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    folder = _tree(tmp_path)
    assert main_check([str(folder)]) == 2
    out, err = capsys.readouterr()
    assert "a.md:1: PASS" in out and "c.rst:3: FAIL" in out
    assert err.strip().splitlines() == [f"error: {folder / 'b.md'}: not UTF-8 text (line 1); save it as UTF-8"]
    assert "Traceback" not in err


def test_a_file_that_cannot_be_opened_is_named(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    folder = _tree(tmp_path)
    (folder / "b.md").unlink()
    locked = folder / "a.md"
    real = open

    def open_(file, *args, **kwargs):
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", open_)
    assert main_check([str(folder)]) == 2
    out, err = capsys.readouterr()
    assert "c.rst:3: FAIL" in out
    assert err.strip() == f"error: {locked}: cannot be read (Permission denied)"


def test_a_file_too_large_for_a_document_is_named(tmp_path, monkeypatch):
    from derive.docs.formats import common

    monkeypatch.setattr(common, "MAX_FILE_BYTES", 1 << 20)
    big = tmp_path / "big.md"
    big.write_bytes(b"$a = b$\n" * (1 << 18))
    with pytest.raises(ScanError, match=r"big\.md: larger than 1 MB"):
        scan_path(big)


def test_an_unsearchable_folder_is_named_and_the_rest_is_checked(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    folder = _tree(tmp_path)
    (folder / "b.md").unlink()
    real = os.scandir

    def scandir(path="."):
        if Path(path) == folder / "sub":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    assert main_check([str(folder)]) == 2
    out, err = capsys.readouterr()
    assert "a.md:1: PASS" in out and "c.rst" not in out
    assert err.strip() == f"error: {folder / 'sub'}: cannot be searched (Permission denied)"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="file permissions do not bind the superuser")
def test_real_permissions(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    folder = _tree(tmp_path)
    (folder / "b.md").unlink()
    (folder / "sub").chmod(0)
    try:
        assert main_check([str(folder)]) == 2
    finally:
        (folder / "sub").chmod(0o755)
    assert "cannot be searched" in capsys.readouterr().err


def test_a_folder_of_only_rst_or_notebooks_is_checked(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    folder = _tree(tmp_path)
    (folder / "a.md").unlink()
    (folder / "b.md").unlink()
    assert main_check(["--strict", str(folder)]) == 1
    assert "c.rst:3: FAIL" in capsys.readouterr().out
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("$a = b$")
    assert main_check([str(empty)]) == 0
    assert main_check(["--strict", str(empty)]) == 1
    assert "no documents found" in capsys.readouterr().err


# --- the pytest plugin ---------------------------------------------------------------------------


def _pytest(*args, cwd=ROOT):
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-o",
            "testpaths=",
            "-o",
            "derive_docs=",
            "-o",
            "addopts=",
            *args,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_plugin_collects_every_format(tmp_path):
    args = []
    for tree in sorted(EXPECTED):
        args += ["--derive-docs", str(FIXTURES / tree)]
    run = _pytest("--collect-only", "-q", "--rootdir", str(FIXTURES), *args, str(FIXTURES / "fixture_formulas.py"))
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    collected = [line for line in run.stdout.splitlines() if "::" in line]
    assert len(collected) == sum(len(rows) for rows in EXPECTED.values())
    assert any("softmax.ipynb::cell 4, line 2:" in line for line in collected)
    assert any("main.tex::chapters/softmax.tex, line 11:" in line for line in collected)


def test_the_plugin_runs_the_checks_with_their_locations(tmp_path):
    run = _pytest(
        "-q",
        "--rootdir",
        str(FIXTURES),
        "--derive-docs",
        str(FIXTURES / "notebooks"),
        "--derive-docs",
        str(FIXTURES / "latex_book"),
        str(FIXTURES / "fixture_formulas.py"),
    )
    assert "2 failed, 7 passed, 1 skipped" in run.stdout, run.stdout[-3000:]
    assert "softmax.ipynb:cell 4:line 2:" in run.stdout and "chapters/softmax.tex:11:" in run.stdout


def test_path_and_file_problems_are_collection_errors_not_internal_errors(tmp_path):
    folder = _tree(tmp_path)
    run = _pytest(
        "-q",
        "--rootdir",
        str(tmp_path),
        "--derive-docs",
        str(folder),
        "--derive-docs",
        str(tmp_path / "missing.md"),
        str(FIXTURES / "fixture_formulas.py"),
        cwd=tmp_path,
    )
    assert run.returncode == 2 and "INTERNALERROR" not in run.stdout + run.stderr, run.stdout[-3000:]
    assert "ERROR collecting" in run.stdout and "b.md: not UTF-8 text (line 1)" in run.stdout
    assert "missing.md: no such file or folder" in run.stdout
    assert "Traceback" not in run.stdout


def test_a_misspelt_result_name_fails_its_formula_without_strict(tmp_path):
    doc = tmp_path / "typo.md"
    doc.write_text("<!-- derive: softmax_jacobien -->\n$$\n" + SJ_RIGHT + "\n$$\n")
    run = _pytest(
        "-q", "--rootdir", str(tmp_path), "--derive-docs", str(doc), str(FIXTURES / "fixture_formulas.py"), cwd=tmp_path
    )
    assert "1 failed" in run.stdout, run.stdout[-3000:]
    assert "did you mean softmax_jacobian" in run.stdout
    doc.write_text("<!-- derive: softmax_jacobian -->\n$$\n" + SJ_RIGHT + "\n$$\n")
    run = _pytest(
        "-q", "--rootdir", str(tmp_path), "--derive-docs", str(doc), str(FIXTURES / "fixture_formulas.py"), cwd=tmp_path
    )
    assert "1 passed" in run.stdout, run.stdout[-3000:]


def test_a_notebook_without_cell_ids_is_read_without_a_word_on_stderr(tmp_path, capfd):
    notebook = tmp_path / "old.ipynb"
    notebook.write_text(
        json.dumps(
            {
                "nbformat": 4,
                "nbformat_minor": 5,
                "metadata": {},
                "cells": [{"cell_type": "markdown", "metadata": {}, "source": "$a = b$"}],
            }
        )
    )
    assert [(f.cell, f.line) for f in scan_path(notebook)] == [(1, 1)]
    assert capfd.readouterr().err == ""


def test_pytorch_style_docstrings_given_to_add_docstr_or_assigned_to_doc():
    source = (
        'from torch._C import _add_docstr as add_docstr\n\nadd_docstr(\n    torch.softmax,\n    r"""\n'
        "softmax(input, dim) -> Tensor\n\n.. math::\n    \\text{Softmax}(x_{i}) = \\frac{\\exp(x_i)}{\\sum_j \\exp(x_j)}\n"
        '""",\n)\n\nf.__doc__ = r"""The identity :math:`a = b`."""\nx = ":math:`c = d` is a string in code"\n'
    )
    found = scan_text(source, "python")
    assert [(f.line, f.latex) for f in found] == [
        (9, r"\text{Softmax}(x_{i}) = \frac{\exp(x_i)}{\sum_j \exp(x_j)}"),
        (13, "a = b"),
    ]


def test_a_note_in_an_alignments_further_column_is_the_steps_reason(tmp_path):
    # a &= b & \text{expand}: the note after the row's second & is no part of the equation
    correct = (
        r"\begin{align} a^2 - b^2 &= (a - b)(a + b) & \text{difference of squares} \\"
        r" & = a^2 + ab - ba - b^2 & \text{expand} \end{align}"
    )
    assert_page_pass_and_fail(tmp_path, "a: real; b: real", correct, correct.replace("ba - b^2", "ba + b^2"))
    found = verdict(tmp_path, None, correct.replace(r"\text{expand}", r"\quad \text{(expand the product)}"))
    assert found[0] == "PASS", found
    # a note that opens with a condition limits its row: it is kept, and read as before (never as a reason)
    cases = r"\begin{align} |x| &= x & \text{if } x \ge 0 \\ &= -x & \text{otherwise} \end{align}"
    assert verdict(tmp_path, None, cases)[0] != "PASS"


def _tex_verdicts(tmp_path, body: str) -> list[tuple[str, str]]:
    path = tmp_path / "book.tex"
    path.write_text("\\documentclass{book}\n\\begin{document}\n" + body + "\n\\end{document}\n", encoding="utf-8")
    return [(record.verdict, record.detail) for record in check_paths([str(path)])]


def test_eqnarray_rows_keep_the_right_side_in_their_third_column(tmp_path):
    # a book's eqnarray, a &=& \mbox{\bf x}^\top ...: the third column is the right side, never a note after the row
    correct = (
        "% derive: \\mathbf{x} \\in \\mathbb{R}^d\n\\begin{eqnarray}\n \\|\\mathbf{x}\\|^2 &=& \\mbox{\\bf x}^\\top"
        " \\mbox{\\bf x} \\nonumber \\\\\n &=& \\sum_i x_i^2.\n\\end{eqnarray}"
    )
    assert _tex_verdicts(tmp_path, correct)[0][0] == "PASS"
    assert _tex_verdicts(tmp_path, correct.replace("\\sum_i x_i^2", "2 \\sum_i x_i^2"))[0][0] == "FAIL"


def test_wide_spaces_beside_a_relation_only_indent_its_side(tmp_path):
    tag = "% derive: a \\in \\mathbb{R}; b \\in \\mathbb{R}\n"
    # (a + b)^2 &=\quad ...: the \quad after = sets the right side apart; it separates no statements
    indented = tag + "\\begin{eqnarray}\n (a + b)^2 &=\\quad a^2 + 2ab + b^2\n\\end{eqnarray}"
    assert _tex_verdicts(tmp_path, indented)[0][0] == "PASS"
    assert _tex_verdicts(tmp_path, indented.replace("2ab", "ab"))[0][0] == "FAIL"
    # &&\hspace{-2.5cm}= c: the row continues the chain above it, spacing before its relation
    continued = tag + "\\begin{eqnarray}\n (a + b)^2 &&\\\\\n &&\\hspace{-2.5cm}= a^2 + 2ab + b^2\n\\end{eqnarray}"
    assert _tex_verdicts(tmp_path, continued)[0][0] == "PASS"
    assert _tex_verdicts(tmp_path, continued.replace("2ab", "ab"))[0][0] == "FAIL"


@pytest.mark.parametrize("relation", ROW_RELATIONS)
def test_every_row_relation_is_one_relation_to_both_readers(relation):
    # one list of the relations an aligned row holds: the block reader and the token cleaner read the same set
    rel = "\\" + relation
    assert formulas_of_block(f"a &= b \\\\ &{rel} c") == [(0, f"a  = b {rel} c")]  # a row that opens with it continues
    assert formulas_of_block(f"a &{rel}& b & \\text{{by parts}}")[0][1].strip().endswith("\\text{by parts}")
    assert len(formulas_of_block(f"a &= b & c &{rel} d")) == 2  # two equations side by side
    spaced = [t.text for t in clean(lex(f"a \\quad {rel} \\quad b"))]
    assert ";;" not in spaced  # a wide space beside it only indents a side
    assert formulas_of_block(f"a &= b \\\\ &\\{relation}x c")[1:] != []  # a longer command is not the relation


def test_a_row_that_opens_with_any_row_relation_continues_the_chain(tmp_path):
    # Bayes' rule as authors align it: p(z|x) &= ... \\ &\propto ...; the second row is no formula of its own
    body = "% derive: a \\in \\mathbb{R}\n\\begin{align}\n a + a &= 2a \\\\\n &\\lt 2a + 1\n\\end{align}"
    assert [verdict for verdict, _ in _tex_verdicts(tmp_path, body)] == ["PASS"]
    assert [verdict for verdict, _ in _tex_verdicts(tmp_path, body.replace("2a + 1", "2a - 1"))] == ["FAIL"]
    bayes = formulas_of_block(r"p(z|x) &= \frac{p(x|z)p(z)}{p(x)} \\ &\propto p(x|z) p(z)")
    assert len(bayes) == 1 and "\\propto p(x|z) p(z)" in bayes[0][1]


def test_a_row_that_ends_with_a_relation_is_continued_by_the_next(tmp_path):
    # a long right side set on the next row: a &=& \\ &&\hspace{-3cm} b (a book's eqnarray), or a = \\ b
    tag = "% derive: a \\in \\mathbb{R}; b \\in \\mathbb{R}\n"
    broken = (
        tag + "\\begin{eqnarray}\n (a + b)^2 &=& \\nonumber \\\\\n &&\\hspace{-3cm} a^2 + 2ab + b^2\n\\end{eqnarray}"
    )
    assert [verdict for verdict, _ in _tex_verdicts(tmp_path, broken)] == ["PASS"]
    assert [verdict for verdict, _ in _tex_verdicts(tmp_path, broken.replace("2ab", "ab"))] == ["FAIL"]
    assert formulas_of_block("a \\le \\\\ b + c") == [(0, "a \\le b + c")]
    assert len(formulas_of_block("a = b \\\\ c = d")) == 2  # a row with a relation of its own starts a formula


@pytest.mark.parametrize("command", ["intertext", "shortintertext"])
def test_prose_set_between_aligned_rows_is_a_row_break(tmp_path, command):
    # the row after \intertext{...} had been read with the prose in front of it and SKIPPED, \intertext not understood
    body = (
        "\\begin{align}\n (a + b)^2 &= a^2 + 2ab + b^2 \\label{eq:sq} \\\\\n"
        f"\\{command}{{and, with $b$ negated,}}\n (a - b)^2 &= a^2 - 2ab + b^2 \\nonumber\n\\end{{align}}"
    )
    assert [verdict for verdict, _ in _tex_verdicts(tmp_path, body)] == ["PASS", "PASS"]
    assert [verdict for verdict, _ in _tex_verdicts(tmp_path, body.replace("- 2ab", "+ 2ab"))] == ["PASS", "FAIL"]
    # a row that opens with its relation after the prose still continues the chain above it
    chain = f"a + a &= 2a \\\\ \\{command}{{hence}} &= a \\cdot 2"
    assert formulas_of_block(chain) == [(0, "a + a  = 2a = a \\cdot 2")]
