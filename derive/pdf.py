"""Compiling LaTeX to PDF with a real TeX engine, safely and reproducibly.

pdflatex runs in a temporary folder with ``-no-shell-escape -halt-on-error``, as
often as cross-references need, with ``SOURCE_DATE_EPOCH`` fixed so the same source
gives the same PDF. The finished PDF is moved into place atomically; on an error the
message names the result whose lines caused it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from derive.errors import LatexCompileError, TexEngineMissing
from derive.files import write_atomically
from derive.render_latex import style

RUNS = 3  # table of contents and references settle after the second run; the third checks
TEX_INSTALL_HINT = (
    "install TeX Live with: sudo apt-get install --no-install-recommends "
    "texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-pictures"
)

STANDALONE = r"""\documentclass[11pt]{article}
\usepackage[utf8]{inputenc}
\usepackage[margin=2.2cm]{geometry}
\usepackage{derive}
\begin{document}
\input{%s}
\end{document}
"""


def tex_engine() -> str | None:
    return shutil.which("pdflatex")


def compile_pdf(
    source: str,
    name: str,
    inputs: Path,
    pdf_path: Path,
    blame: Callable[[int], str] = lambda line: "",
    on_log: Callable[[str], None] | None = None,
) -> Path:
    """Compile the LaTeX ``source`` (shown in errors as ``name``) into ``pdf_path``.

    ``\\input`` files are looked up in ``inputs``; ``blame(line)`` names what a bad line belongs to;
    ``on_log`` receives the final run's log (to check the layout, see :func:`layout_problems`).
    """
    engine = tex_engine()
    if engine is None:
        raise TexEngineMissing(
            f"no TeX engine (pdflatex) found, so {pdf_path} was not built (the .tex files are written); {TEX_INSTALL_HINT}"
        )
    env = dict(
        os.environ, SOURCE_DATE_EPOCH="0", FORCE_SOURCE_DATE="1", TEXINPUTS=f"{Path(inputs).resolve()}{os.pathsep}"
    )
    with tempfile.TemporaryDirectory(prefix="derive-tex-") as work:
        job = Path(work) / "document.tex"
        job.write_text(source, encoding="utf-8")
        (Path(work) / "derive.sty").write_text(style(), encoding="utf-8")  # what every fragment needs
        for _ in range(RUNS):
            completed = subprocess.run(
                [engine, "-no-shell-escape", "-halt-on-error", "-interaction=nonstopmode", "document.tex"],
                cwd=work,
                env=env,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=600,
            )
            if completed.returncode != 0:
                raise LatexCompileError(_describe_error(Path(work) / "document.log", name, blame))
        if on_log is not None:
            on_log((Path(work) / "document.log").read_text(errors="replace"))
        write_atomically(pdf_path, (Path(work) / "document.pdf").read_bytes())
    return pdf_path


def layout_problems(log: str) -> list[str]:
    """Every overfull or underfull box TeX reported (text beyond the margin, or stretched too far)."""
    return [line.strip() for line in log.splitlines() if re.match(r"(Overfull|Underfull) \\[hv]box", line)]


def _describe_error(log_path: Path, name: str, blame) -> str:
    log = log_path.read_text(errors="replace") if log_path.exists() else ""
    message = next((line[2:].strip() for line in log.splitlines() if line.startswith("! ")), "unknown LaTeX error")
    where = re.search(r"^l\.(\d+)", log, re.MULTILINE)
    line = int(where.group(1)) if where else 0
    culprit = blame(line) if line else ""
    place = f"{name}:{line}" if line else name
    return f"LaTeX error at {place}{f' (in {culprit})' if culprit else ''}: {message}"


def build_result_pdfs(results, output: Path) -> None:
    """A standalone PDF ``output/NAME.pdf`` for each result (its fragment is already written)."""
    for result in results:
        compile_pdf(
            STANDALONE % f"{result.name}.tex",
            f"{result.name}.tex",
            output,
            output / f"{result.name}.pdf",
            blame=lambda line, name=result.name: f"result {name}",
        )
