"""A result and its report as a LaTeX fragment that ``\\input``s into any amsthm document.

The fragment holds a theorem (hypotheses from the domain, one part per claim), its
proof (one ``align*`` chain per claim, each step with its justification, numeric-only
steps marked), remarks, and a paragraph saying how it was verified. Cross-references
and citations go through two macros the fragment provides and the appendix redefines:
``\\deriveref{name}`` and ``\\derivecite{key}{short text}``.
"""

from __future__ import annotations

import re
import string

import mpmath

from derive import __version__
from derive.printing import latex
from derive.prose import to_unicode
from derive.references import reference
from derive.report import NUMERIC_ONLY, ResultReport
from derive.result import Result

_RELATION = {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">"}
LEAD_WIDTH = 24  # visible width beyond which a chain's first expression gets its own row
LONG_LINE = 80  # visible width of a row (maths and justification) beyond which they get a row each

PREAMBLE_MACROS = r"""\makeatletter
\@ifundefined{theorem}{\newtheorem{theorem}{Theorem}}{}
\makeatother
\providecommand{\deriveref}[1]{\texttt{\detokenize{#1}}}
\providecommand{\derivecite}[2]{#2}
\providecommand{\derivenumericonly}{\ (\textit{numeric only})}"""

_SPECIALS = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
             "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}"}


def escape(text: str) -> str:
    """Plain text → LaTeX text (titles, names)."""
    return "".join(_SPECIALS.get(ch, ch) for ch in text)


def part_label(position: int) -> str:
    return f"({string.ascii_lowercase[position]})"


def scientific(value: float) -> str:
    """A number for prose: ``0``, ``3.2\\times10^{-62}``."""
    if value == 0:
        return "0"
    if value == float("inf"):
        return r"\infty"
    text = mpmath.nstr(mpmath.mpf(value), 2, min_fixed=0, max_fixed=0)
    mantissa, _, exponent = text.partition("e")
    return rf"{mantissa}\times 10^{{{int(exponent)}}}" if exponent and int(exponent) else mantissa


def statement_latex(claim) -> str:
    s = claim.statement
    return f"{latex(s.lhs)} {_RELATION[s.relation]} {latex(s.rhs)}"


def theorem(result: Result) -> str:
    """The theorem environment: title, citations, hypotheses and each claim."""
    cites = ", ".join(rf"\derivecite{{{key}}}{{{escape(reference(key).short())}}}" for key in result.references)
    heading = escape(result.title) + (f"; {cites}" if cites else "")
    lines = [rf"\begin{{theorem}}[{heading}]\label{{thm:{result.name}}}"]
    hypotheses = result.domain.latex_hypotheses()
    if hypotheses:
        lines.append("Let " + ", ".join(f"${h}$" for h in hypotheses) + ".")
    several = len(result.claims) > 1
    for position, claim in enumerate(result.claims):
        prefix = rf"\textbf{{{part_label(position)}}} " if several else ""
        words = f"{claim.text} " if claim.text else ""
        lines.append(rf"{prefix}{words}\[ {statement_latex(claim)} \]")
    lines.append(r"\end{theorem}")
    return "\n".join(lines)


def visible_width(tex: str) -> int:
    """Roughly how many characters wide ``tex`` is when typeset (fractions count their widest part)."""
    tex = re.sub(r"\\(left|right|,|;|!|quad|qquad)", "", tex)
    while True:
        fraction = re.search(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", tex)
        if not fraction:
            break
        wider = max(fraction.group(1), fraction.group(2), key=len)
        tex = tex[: fraction.start()] + wider + tex[fraction.end():]
        if "\\frac" not in tex:
            break
    tex = re.sub(r"\\[A-Za-z]+", "x", tex)
    return len(re.sub(r"[{}^_ ]", "", tex))


def _text_style(prose: str) -> str:
    """Inline maths inside a display keeps text size (Σ with its index beside it, not below)."""
    return re.sub(r"(?<!\\)\$(.+?)(?<!\\)\$", lambda m: "$\\textstyle " + m.group(1) + "$", prose)


def _chain(claim, claim_report) -> str:
    """One ``align*`` per claim. A wide first expression gets a row of its own and the chain
    is set flush left under it, so the alignment point does not drift to the right."""
    first = latex(claim.steps[0].expr)
    flush_left = visible_width(first) > LEAD_WIDTH
    rows = [f"  &{first}"] if flush_left else []
    for position, (step, step_report) in enumerate(zip(claim.steps[1:], claim_report.steps)):
        lead = first if position == 0 and not flush_left else ""
        body = latex(step.expr)
        why = rf"\text{{{_text_style(step.because)}}}" + (r"\derivenumericonly" if step_report.symbolic == NUMERIC_ONLY else "")
        relation = _RELATION[step.relation]
        if visible_width(lead) + visible_width(body) + len(to_unicode(step.because)) > LONG_LINE:
            rows.append(rf"  {lead} &{relation} {body}")
            rows.append(rf"  &\qquad {why}")
        else:
            rows.append(rf"  {lead} &{relation} {body} \qquad {why}")
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}"


def proof(result: Result, report: ResultReport) -> str:
    lines = [r"\begin{proof}"]
    if result.uses:
        lines.append("This proof uses " + ", ".join(rf"\deriveref{{{name}}}" for name in result.uses) + ".")
    several = len(result.claims) > 1
    for position, (claim, claim_report) in enumerate(zip(result.claims, report.claims)):
        if several:
            lines.append(rf"\textbf{{{part_label(position)}}}")
        lines.append(_chain(claim, claim_report))
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


def fragment(result: Result, report: ResultReport) -> str:
    """The whole fragment for ``result`` (deterministic: no times, no dates)."""
    header = f"% {result.name}: generated by derive {__version__} from identities/{result.name}.py; do not edit."
    return "\n\n".join([header, PREAMBLE_MACROS, body(result, report)]) + "\n"
