"""A result and its report as a LaTeX fragment that ``\\input``s into any amsthm document.

The fragment holds a theorem (hypotheses from the domain, one part per claim), its
proof (one ``align*`` chain per claim, each step with its justification, numeric-only
steps marked), remarks, and a paragraph saying how it was verified. Cross-references
and citations go through two macros, ``\\deriveref{name}`` and
``\\derivecite{key}{short text}``. The fragment provides plain fallbacks for every macro
it uses; ``derive.sty`` (:func:`style`, written to ``output/``) defines them for a paper:
references to theorems, ``\\cite`` for citations, and the layout of justifications.

Layout is decided here, from estimated widths in points (calibrated against TeX:
within a few per cent for anything wider than a third of the line), with a margin
so that nothing runs past the margin: see :func:`_chain` and :func:`_display`.
"""

from __future__ import annotations

import re
import string

import mpmath

from derive import __version__
from derive.display import shown_statement
from derive.printing import latex
from derive.prose import to_unicode
from derive.references import reference
from derive.report import FAILED, NUMERIC_ONLY, ResultReport
from derive.result import Result

_RELATION = {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">"}
TEXT_WIDTH = 455  # points a displayed line may fill: the 489pt line, less a margin for misestimates
LEAD_POINTS = 150  # a chain's first expression wider than this gets a row of its own
_RELATION_POINTS = 18  # "= " and the space around it
_GAP_POINTS = 24  # \qquad
MIN_REASON_POINTS = 170  # a column of justifications narrower than this reads badly: set the chain flush left

PREAMBLE_MACROS = r"""\makeatletter
\@ifundefined{theorem}{\newtheorem{theorem}{Theorem}}{}
\makeatother
\providecommand{\deriveref}[1]{\texttt{\detokenize{#1}}}
\providecommand{\derivecite}[2]{#2}
\providecommand{\derivenumericonly}{\ (\textit{numeric only})}
\providecommand{\derivewhy}[1]{\parbox[t]{\dimexpr\linewidth-6em\relax}{\raggedright #1}}
\providecommand{\derivechecked}{\ (\textit{checked against the rejected expression above})}"""

_SPECIALS = {
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\\": r"\textbackslash{}",
}


def escape(text: str) -> str:
    """Plain text → LaTeX text (titles, names)."""
    return "".join(_SPECIALS.get(ch, ch) for ch in text)


def part_label(position: int) -> str:
    return f"({string.ascii_lowercase[position]})"  # the same letters as the terminal's claims


def scientific(value: float) -> str:
    """A number for prose: ``0``, ``3.2\\times10^{-62}``."""
    if value == 0:
        return "0"
    if value == float("inf"):
        return r"\infty"
    text = mpmath.nstr(mpmath.mpf(value), 2, min_fixed=0, max_fixed=0)
    mantissa, _, exponent = text.partition("e")
    return rf"{mantissa}\times 10^{{{int(exponent)}}}" if exponent and int(exponent) else mantissa


def _hypothesis(tex: str) -> str:
    """A hypothesis as inline text: words inside ``\text{…}`` leave the maths, so the line can break between them."""
    pieces = re.split(r"\\text\{([^{}]*)\}", tex)
    out = []
    for position, piece in enumerate(pieces):
        if position % 2:
            out.append(piece.strip())
        elif piece.strip():
            out.append(f"${piece.strip()}$")
    return " ".join(out)


def theorem(result: Result) -> str:
    """The theorem environment: title, citations, hypotheses and each claim."""
    cites = ", ".join(rf"\derivecite{{{key}}}{{{escape(reference(key).short())}}}" for key in result.references)
    heading = escape(result.title) + (f"; {cites}" if cites else "")
    lines = [rf"\begin{{theorem}}[{heading}]\label{{thm:{result.name}}}"]
    hypotheses = result.domain.latex_hypotheses()
    if hypotheses:
        lines.append("Let " + ", ".join(_hypothesis(h) for h in hypotheses) + ".")
    several = len(result.claims) > 1
    for position, claim in enumerate(result.claims):
        prefix = rf"\textbf{{{part_label(position)}}} " if several else ""
        words = f"{result.claim_text(position)} " if claim.text else ""
        shown = shown_statement(result, position)
        lines.append(
            prefix
            + words
            + _display(
                latex(shown.lhs, shown.as_written), _RELATION[shown.relation], latex(shown.rhs, shown.as_written)
            )
        )
    lines.append(r"\end{theorem}")
    return "\n".join(lines)


def _group(tex: str, start: int) -> int:
    """The position just after the brace group that opens at ``start``."""
    depth = 0
    for position in range(start, len(tex)):
        depth += {"{": 1, "}": -1}.get(tex[position], 0)
        if depth == 0:
            return position + 1
    return len(tex)


def _without_fractions(tex: str) -> str:
    """``\\frac{a}{bcd}`` → ``bcd``: a fraction is as wide as its wider part (nested ones too)."""
    while (start := tex.find("\\frac{")) >= 0:
        middle = _group(tex, start + 5)
        end = _group(tex, middle)
        top, bottom = _without_fractions(tex[start + 6 : middle - 1]), _without_fractions(tex[middle + 1 : end - 1])
        tex = tex[:start] + max(top, bottom, key=visible_width) + tex[end:]
    return tex


def visible_width(tex: str) -> int:
    """Roughly how many characters wide ``tex`` is when typeset (fractions count their widest part)."""
    tex = re.sub(r"\\(left|right|,|;|!|quad|qquad|textstyle|displaystyle)", "", tex)
    tex = re.sub(
        r"\\begin\{matrix\}(.*?)\\end\{matrix\}",  # a matrix is as wide as its widest row
        lambda m: max(m.group(1).split("\\\\"), key=visible_width).replace("&", "xx"),
        tex,
    )
    if "\\frac{" in tex:
        tex = _without_fractions(tex)
    tex = re.sub(r"\\(sum|prod)_\{([^{}]*)\}\^\{([^{}]*)\}", lambda m: "x" * max(3, len(m.group(2)) * 2 // 3 + 1), tex)
    tex = re.sub(r"\\(?:operatorname|mathrm|text|mathbb)\{([^{}]*)\}", r"\1", tex)
    tex = re.sub(r"\\(log|exp|sin|cos|tan|tanh|max|min|lim|det|tr|arg)(?![A-Za-z])", r"\1 ", tex)  # upright names
    tex = re.sub(r"\\[A-Za-z]+", "x", tex)
    return len(re.sub(r"[{}^_ ]", "", tex))


def _math_points(tex: str) -> float:
    """An estimate of the typeset width of display maths, in points (11pt type)."""
    operators = len(re.findall(r"(?<![{(^_])\s[-+=<>]\s|\\(?:le|ge|cdot|in)\b", tex))
    return 6.2 * visible_width(tex) + 6.0 * operators


def _text_points(prose: str) -> float:
    """An estimate of the typeset width of a justification, in points."""
    math = re.findall(r"(?<!\\)\$(.+?)(?<!\\)\$", prose)
    words = re.sub(r"(?<!\\)\$(.+?)(?<!\\)\$", "", prose)
    return 5.3 * len(to_unicode(words)) + sum(_math_points(m) for m in math)


def _top_level_breaks(tex: str) -> list[int]:
    """Positions of the ``+``/``-`` between terms of ``tex`` (outside every brace and bracket)."""
    depth, breaks, position = 0, [], 0
    while position < len(tex):
        if tex.startswith(r"\left", position):
            depth += 1
            position += 5
            continue
        if tex.startswith(r"\right", position):
            depth -= 1
            position += 6
            continue
        ch = tex[position]
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif (
            depth == 0
            and position > 0
            and tex[position - 1] == " "
            and ch in "+-"
            and tex[position + 1 : position + 2] == " "
        ):
            breaks.append(position)
        position += 1
    return breaks


def broken(tex: str, width: float) -> list[str]:
    """``tex`` cut between its terms into lines that each fit ``width`` points (a term never splits)."""
    if _math_points(tex) <= width:
        return [tex]
    cuts = [0, *_top_level_breaks(tex), len(tex)]
    terms = [tex[a:b].strip() for a, b in zip(cuts, cuts[1:])]
    lines = [terms[0]]
    for term in terms[1:]:
        if _math_points(lines[-1] + " " + term) <= width:
            lines[-1] += " " + term
        else:
            lines.append(term)
    return lines


def _display(lhs: str, relation: str, rhs: str) -> str:
    """A displayed statement; too wide for a line, it breaks between the terms of its right side."""
    lines = broken(rhs, TEXT_WIDTH - _math_points(lhs) - 20)
    if len(lines) == 1 and _math_points(f"{lhs} {relation} {rhs}") <= TEXT_WIDTH:
        return rf"\[ {lhs} {relation} {rhs} \]"
    if _math_points(lhs) > TEXT_WIDTH / 3:  # a wide left side: the right side starts on a line of its own
        lines = broken(rhs, TEXT_WIDTH - 40)
        rows = [rf"  &{lhs}", rf"  &\quad {relation} {lines[0]}"] + [rf"  &\qquad {line}" for line in lines[1:]]
    else:
        rows = [rf"  {lhs} &{relation} {lines[0]}"] + [rf"  &\quad {line}" for line in lines[1:]]
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"


def _text_style(prose: str) -> str:
    """Inline maths inside a display keeps text size (Σ with its index beside it, not below)."""
    return re.sub(r"(?<!\\)\$(.+?)(?<!\\)\$", lambda m: "$\\textstyle " + m.group(1) + "$", prose)


def _chain_rows(claim, claim_report, shown) -> list[tuple]:
    """(relation, body, justification, numeric only, after a rejected step) for each step, the display last."""
    rows, rejected = [], False
    for step, step_report in zip(claim.steps[1:], claim_report.steps):
        rows.append(
            (
                _RELATION[step.relation],
                latex(step.expr),
                step_report.because,
                step_report.symbolic == NUMERIC_ONLY,
                rejected,
            )
        )
        rejected = rejected or step_report.symbolic == FAILED
    if shown is not None:
        rows.append(("=", latex(shown, as_written=True), "rearranged as stated", False, rejected))
    return rows


def _chain(claim, claim_report, shown=None) -> str:
    """One ``align*`` per claim.

    If the steps leave room beside them, justifications form a column of their own
    (wrapping in it when long). Otherwise the chain is set flush left under its first
    expression, each justification beside its step when both fit the line, else below it
    in a box that wraps. A step too wide for the line breaks between its terms.
    """
    first = latex(claim.steps[0].expr)
    rows = _chain_rows(claim, claim_report, shown)
    reasons = [
        _text_style(because) + (r"\derivenumericonly" if numeric_only else "") + (r"\derivechecked" if after else "")
        for _, _, because, numeric_only, after in rows
    ]
    widths = [_math_points(body) + _RELATION_POINTS for _, body, *_ in rows]
    because_widths = [
        _text_points(because) + (75 if numeric_only else 0) + (230 if after else 0)
        for _, _, because, numeric_only, after in rows
    ]
    lead = _math_points(first)
    room = TEXT_WIDTH - lead - max(widths) - _GAP_POINTS  # for the column of justifications
    if lead <= LEAD_POINTS and room >= min(MIN_REASON_POINTS, max(because_widths)):
        out = []
        for position, ((relation, body, *_), why, because_width) in enumerate(zip(rows, reasons, because_widths)):
            reason = (
                rf"\text{{{why}}}" if because_width <= room else rf"\parbox[t]{{{int(room)}pt}}{{\raggedright {why}}}"
            )
            out.append(rf"  {first if position == 0 else ''} &{relation} {body} &&{reason}")
        return "\\begin{align*}\n" + " \\\\\n".join(out) + "\n\\end{align*}"
    out = [f"  &{first}"]
    for (relation, body, *_), why, width, because_width in zip(rows, reasons, widths, because_widths):
        lines = broken(body, TEXT_WIDTH - 2 * _GAP_POINTS)
        out.append(rf"  &{relation} {lines[0]}")
        out.extend(rf"  &\qquad {line}" for line in lines[1:])
        if len(lines) == 1 and width + because_width + _GAP_POINTS <= TEXT_WIDTH:
            out[-1] += rf" \qquad \text{{{why}}}"
        else:
            out.append(rf"  &\qquad \derivewhy{{{why}}}")
    return "\\begin{align*}\n" + " \\\\\n".join(out) + "\n\\end{align*}"


def proof(result: Result, report: ResultReport) -> str:
    lines = [r"\begin{proof}"]
    if result.uses:
        lines.append("This proof uses " + ", ".join(rf"\deriveref{{{name}}}" for name in result.uses) + ".")
    several = len(result.claims) > 1
    for position, (claim, claim_report) in enumerate(zip(result.claims, report.claims)):
        if several:
            lines.append(rf"\textbf{{{part_label(position)}}}")
        shown = shown_statement(result, position)[2]
        lines.append(
            _chain(claim, claim_report, shown if claim_report.passed and shown != claim.statement.rhs else None)
        )
    lines.append(r"\end{proof}")
    return "\n".join(lines)


def verification_sentence(report: ResultReport) -> str:
    steps = report.steps
    proved = sum(s.symbolic == "proved" for s in steps)
    numeric_only = sum(s.symbolic == NUMERIC_ONLY for s in steps)
    points = max((s.points for s in steps), default=0)
    oracle = report.oracle
    verdict = "Verified" if report.verified else r"\textbf{Not verified}"
    only = f" ({numeric_only} numeric only)" if numeric_only else ""
    return (
        rf"\noindent\textit{{{verdict}.}} {proved} of {len(steps)} steps proved symbolically by SymPy{only}; "
        rf"every step evaluated at {points} seeded points to {report.working_digits} significant digits, agreeing to "
        rf"at least {report.required_digits}; each statement compared with an independent mpmath oracle at "
        rf"{oracle.points} points, largest relative error ${scientific(oracle.max_rel_error)}$."
    )


def body(result: Result, report: ResultReport) -> str:
    """Theorem, proof, remarks and the verification sentence (what the appendix inlines)."""
    parts = [theorem(result), proof(result, report)]
    parts.extend(rf"\noindent\textit{{Remark.}} {remark.text}" for remark in report.remarks)
    parts.append(verification_sentence(report))
    return "\n\n".join(parts)


STYLE = r"""%% derive.sty: what the fragments generated by derive %(version)s need; generated, do not edit.
%% In a paper: \usepackage{derive} in the preamble, then \input{softmax_jacobian} where the theorem goes.
\NeedsTeXFormat{LaTeX2e}
\ProvidesPackage{derive}[2000/01/01 derive %(version)s fragments]
\RequirePackage{amsmath}
\RequirePackage{amssymb}
\RequirePackage{amsthm}
%% a theorem environment, unless the paper has its own (defined before or after this package)
\AtBeginDocument{\@ifundefined{theorem}{\newtheorem{theorem}{Theorem}}{}}
%% \deriveref{name}: the theorem of another fragment of this paper
\newcommand{\deriveref}[1]{Theorem~\ref{thm:#1}}
%% \derivecite{key}{Author 2024}: a citation through the paper's own bibliography (BibTeX key)
\newcommand{\derivecite}[2]{\cite{#1}}
%% marks and layout of the proofs
\newcommand{\derivenumericonly}{\ (\textit{numeric only})}
\newcommand{\derivechecked}{\ (\textit{checked against the rejected expression above})}
\newcommand{\derivewhy}[1]{\parbox[t]{\dimexpr\linewidth-6em\relax}{\raggedright #1}}
\endinput
"""


def style() -> str:
    """``derive.sty``: the packages and macros a fragment needs, for a paper's preamble."""
    return STYLE % {"version": __version__}


def fragment(result: Result, report: ResultReport) -> str:
    """The whole fragment for ``result`` (deterministic: no times, no dates)."""
    header = f"% {result.name}: generated by derive {__version__} from identities/{result.name}.py; do not edit."
    return "\n\n".join([header, PREAMBLE_MACROS, body(result, report)]) + "\n"
