"""The audit of a claims page: one verdict per claim, totals per article, and the errata as Markdown and LaTeX.

A claims page (``docs/source-claims.md``) has one section per source article
(``## `NAME.txt` ``) and one entry per claim of that article::

    ### 002-7. Temperature table, T = 1.0 (wrong)
    Where: `002_….txt`, lines 364–375 (section 6).
    Quoted: `72%, 15%, 8%, 4%, 1%`
    True: …
    <tagged formulas>

The verdict in the heading is not taken on trust: it is recomputed from the
documentation checker's verdicts on the entry's formulas. A claim is *wrong* when one
of its formulas is a refuted erratum (ERRATUM), *assumption* when its formulas are
readings that hold and fail as recorded (ASSUMPTION), *correct* when its formulas
PASS, and *not checkable* when the article's statement is recorded as a skipped formula
(the PASSing formulas beside it are computations for the record) or has no formula. A claim the checker cannot
express names the test that decides it (``Decided by: `tests/audit/test_audit.py::NAME` ``),
and then the heading's verdict stands for that test's. Any formula that FAILs, any
UNKNOWN or UNPARSEABLE formula, and any heading that disagrees with the recomputed
verdict makes the audit inconsistent, and nothing is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from derive.docs.rounding import RULE
from derive.errors import DeriveError

CORRECT, WRONG, ASSUMED, UNCHECKABLE = "correct", "wrong", "assumption", "not checkable"
VERDICTS = (CORRECT, WRONG, ASSUMED, UNCHECKABLE)
ARTICLE = re.compile(r"^## `([^`]+\.txt)`\s*$")
CLAIM = re.compile(r"^### (\d{3}-\d+)\. (.+) \((correct|wrong|assumption|not checkable)\)\s*$")
FIELDS = ("Where", "Quoted", "True", "Evidence", "Decided by", "Catalog", "Holds if", "Fails if", "Doubt")


class AuditError(DeriveError):
    """A claims page that cannot be read, or whose verdicts do not add up."""


@dataclass
class Claim:
    ident: str
    title: str
    stated: str  # the verdict the heading states
    article: str
    line: int  # line of the heading
    end: int  # last line of the entry
    fields: dict = field(default_factory=dict)
    records: list = field(default_factory=list)  # the checker's records for the entry's formulas
    verdict: str = ""  # recomputed
    problems: list = field(default_factory=list)

    @property
    def results(self) -> list[str]:
        """The catalog results the entry's formulas are bound to, in order of first use."""
        seen = []
        for record in self.records:
            if record.result and record.result not in seen:
                seen.append(record.result)
        return seen


def read_claims(page: Path) -> list[Claim]:
    """The claims of a page, with their fields, in page order."""
    try:
        lines = Path(page).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise AuditError(f"cannot read {page}: {exc.strerror or exc}") from None
    claims, article, current_field = [], None, None
    for number, text in enumerate(lines, start=1):
        heading = ARTICLE.match(text)
        if heading or text.startswith("## ") or text.startswith("# "):
            article = heading.group(1) if heading else None
            if claims and claims[-1].end == 0:
                claims[-1].end = number - 1
            current_field = None
            continue
        match = CLAIM.match(text)
        if match:
            if article is None:
                raise AuditError(
                    f"{page}:{number}: claim {match.group(1)} is not under an article heading (## `NAME.txt`)"
                )
            if claims and claims[-1].end == 0:
                claims[-1].end = number - 1
            claims.append(Claim(match.group(1), match.group(2), match.group(3), article, number, 0))
            current_field = None
            continue
        if text.startswith("### ") and article is not None:
            raise AuditError(
                f"{page}:{number}: a claim heading reads '### NNN-K. Title (verdict)' with verdict one of "
                + ", ".join(VERDICTS)
            )
        if not claims or claims[-1].end:
            continue
        name, colon, rest = text.partition(":")
        if colon and name in FIELDS:
            claims[-1].fields[name] = rest.strip()
            current_field = None if name == "Where" else name  # a locator is one line; prose may follow it
        elif text.strip() and current_field and not text.startswith(("<!--", "$", "\\")):
            claims[-1].fields[current_field] += " " + text.strip()
        else:
            current_field = None
    if claims and claims[-1].end == 0:
        claims[-1].end = len(lines)
    seen = set()
    for claim in claims:
        if claim.ident in seen:
            raise AuditError(f"{page}:{claim.line}: claim {claim.ident} appears twice")
        seen.add(claim.ident)
    return claims


def decide_claim(claim: Claim) -> str:
    """The claim's verdict from its formulas' verdicts (and its deciding test); problems are recorded on the claim."""
    verdicts = [r.verdict for r in claim.records]
    for record in claim.records:
        if record.verdict in ("FAIL", "UNKNOWN", "UNPARSEABLE"):
            claim.problems.append(f"line {record.line}: {record.verdict}: {record.detail}")
    decided_by = claim.fields.get("Decided by", "")
    if "ERRATUM" in verdicts:
        verdict = WRONG
    elif "ASSUMPTION" in verdicts:
        holding = any(r.verdict == "ASSUMPTION" and r.detail.startswith("holds if") for r in claim.records)
        failing = any(r.verdict == "ASSUMPTION" and r.detail.startswith("fails if") for r in claim.records)
        if not (holding and failing):
            claim.problems.append("an assumption needs one formula that holds under it and one that fails without it")
        verdict = ASSUMED
    elif decided_by:
        if not re.fullmatch(r"`tests/audit/test_audit\.py::test_\w+`.*", decided_by):
            claim.problems.append("'Decided by:' names a test as `tests/audit/test_audit.py::test_NAME`")
        verdict = claim.stated
    elif "SKIPPED" in verdicts:  # the article's own statement, recorded but not decidable here
        verdict = UNCHECKABLE
    elif "PASS" in verdicts:
        verdict = CORRECT
    else:
        verdict = UNCHECKABLE
    if verdict != claim.stated:
        claim.problems.append(f"the heading says {claim.stated}, the formulas say {verdict}")
    if verdict in (WRONG, ASSUMED) and not claim.fields.get("Quoted"):
        claim.problems.append(
            "a wrong claim, or one that holds only under an assumption, quotes the article ('Quoted:')"
        )
    if verdict == WRONG and not claim.fields.get("True"):
        claim.problems.append("a wrong claim says what is true ('True:')")
    if (
        verdict == ASSUMED
        and "ASSUMPTION" not in verdicts
        and not (claim.fields.get("Holds if") and claim.fields.get("Fails if"))
    ):
        claim.problems.append("an assumption decided by a test names both readings ('Holds if:', 'Fails if:')")
    for name in claim.results:
        if name not in claim.fields.get("Catalog", ""):
            claim.problems.append(f"the entry uses the catalog result {name} but does not link it ('Catalog:')")
    claim.verdict = verdict
    return verdict


def audit(page, use_cache: bool = True) -> list[Claim]:
    """Every claim of the page with its recomputed verdict (the checker decides each formula)."""
    from derive.docs.report import check_paths

    page = Path(page)
    if not page.is_file():
        raise AuditError(f"no claims page at {page}; give the path of a Markdown page such as docs/source-claims.md")
    claims = read_claims(page)
    if not claims:
        raise AuditError(f"{page} has no claim entries ('### NNN-K. Title (verdict)' under '## `NAME.txt`')")
    records = check_paths([str(page)], use_cache=use_cache)
    for record in records:
        owner = next((c for c in claims if c.line < record.line <= c.end), None)
        if owner is not None:
            owner.records.append(record)
    for claim in claims:
        decide_claim(claim)
    return claims


def totals(claims) -> dict:
    """Per article (and 'all'): the number of claims with each verdict."""
    table = {}
    for claim in claims:
        for key in (claim.article, "all"):
            row = table.setdefault(key, {v: 0 for v in VERDICTS})
            row[claim.verdict] += 1
    if "all" in table:
        table["all"] = table.pop("all")
    return table


def totals_markdown(claims) -> str:
    """The totals table as the claims page shows it."""
    rows = [
        "| Article | Claims | Correct | Wrong | Holds only under an assumption | Not checkable |",
        "|---|---|---|---|---|---|",
    ]
    for article, row in totals(claims).items():
        name = "**all five**" if article == "all" else f"`{article}`"
        cells = [row[v] for v in VERDICTS]
        if article == "all":
            rows.append(f"| {name} | **{sum(cells)}** | " + " | ".join(f"**{c}**" for c in cells) + " |")
        else:
            rows.append(f"| {name} | {sum(cells)} | " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(rows) + "\n"


def theorem_numbers(appendix: Path = Path("output/appendix.tex")) -> dict:
    """Theorem number of each result in the committed appendix (theorems are numbered through the document)."""
    try:
        text = Path(appendix).read_text(encoding="utf-8")
    except OSError:
        return {}
    names = re.findall(r"\\begin\{theorem\}.*?\\label\{thm:([A-Za-z0-9_]+)\}", text)
    return {name: number for number, name in enumerate(names, start=1)}


def _evidence(claim: Claim) -> list[str]:
    out = []
    for record in claim.records:
        if record.verdict == "ERRATUM":
            out.append(f"line {record.line} of the page: {record.detail.removeprefix('refuted as recorded: ')}")
    if claim.fields.get("Evidence"):
        out.append(claim.fields["Evidence"])
    if claim.fields.get("Decided by"):
        out.append("decided by " + claim.fields["Decided by"])
    return out


def _readings(claim: Claim) -> tuple[str, str]:
    holds = claim.fields.get("Holds if", "")
    fails = claim.fields.get("Fails if", "")
    for record in claim.records:
        if record.verdict != "ASSUMPTION":
            continue
        if record.detail.startswith("holds if") and not holds:
            holds = record.detail.removeprefix("holds if ").split(": ", 1)[0].split("; fails if ")[0]
        if record.detail.startswith("fails if") and not fails:
            fails = record.detail.removeprefix("fails if ").split(": ", 1)[0]
    return holds, fails


def errata_markdown(claims, page_name: str) -> str:
    """The errata as a Markdown document: per article, each wrong claim and each claim that needs an assumption."""
    out = [
        "# Errata for the five source articles",
        "",
        f"Generated by `python -m derive errata {page_name}` from the audit in `{page_name}`; do not edit.",
        "Each entry gives the article's figure or formula (quoted only as a figure or a formula), where it is,",
        "what is true instead, and the evidence: the exact value or the counterexample that the documentation",
        "checker or the named test computed.",
        "",
        f"Rounding rule: {RULE}",
        "",
        "## Totals",
        "",
        totals_markdown(claims).rstrip(),
        "",
    ]
    for article in _articles(claims):
        mine = [c for c in claims if c.article == article]
        out += [f"## `{article}`", ""]
        wrong = [c for c in mine if c.verdict == WRONG]
        assumed = [c for c in mine if c.verdict == ASSUMED]
        if not wrong and not assumed:
            out += ["No wrong claim was found.", ""]
        for claim in wrong:
            out += [
                f"### {claim.ident}. {claim.title}",
                "",
                f"- Where: {claim.fields.get('Where', '')}",
                f"- The article has: {claim.fields.get('Quoted', '')}",
                f"- True: {claim.fields.get('True', '')}",
            ]
            out += [f"- Evidence: {e}" for e in _evidence(claim)]
            out += _catalog_line(claim) + [""]
        if assumed:
            out += ["Holds only under an assumption the article does not state:", ""]
        for claim in assumed:
            holds, fails = _readings(claim)
            out += [
                f"### {claim.ident}. {claim.title}",
                "",
                f"- Where: {claim.fields.get('Where', '')}",
                f"- The article has: {claim.fields.get('Quoted', '')}",
                f"- Holds if {holds.rstrip('.')}.",
                f"- Fails if {fails.rstrip('.')}.",
            ]
            out += [f"- Evidence: {e}" for e in _evidence(claim) if not e.startswith("line ")]
            out += _catalog_line(claim) + [""]
        doubtful = [c for c in mine if c.verdict == UNCHECKABLE and c.fields.get("Doubt")]
        if doubtful:
            out += ["Not decidable by computation, but contrary to the literature:", ""]
        for claim in doubtful:
            out += [
                f"### {claim.ident}. {claim.title}",
                "",
                f"- Where: {claim.fields.get('Where', '')}",
                f"- Doubt: {claim.fields['Doubt']}",
                "",
            ]
    return "\n".join(out).rstrip() + "\n"


def _catalog_line(claim: Claim) -> list[str]:
    return [f"- Catalog: {claim.fields['Catalog']}"] if claim.fields.get("Catalog") else []


def _articles(claims):
    seen = []
    for claim in claims:
        if claim.article not in seen:
            seen.append(claim.article)
    return seen


_TEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_UNICODE = {
    "σ": r"$\sigma$",
    "ε": r"$\varepsilon$",
    "≈": r"$\approx$",
    "≤": r"$\le$",
    "≥": r"$\ge$",
    "≠": r"$\ne$",
    "×": r"$\times$",
    "−": "-",
    "–": "--",
    "—": "---",
    "‖": r"$\|$",
    "·": r"$\cdot$",
    "√": r"$\surd$",
    "π": r"$\pi$",
    "β": r"$\beta$",
    "γ": r"$\gamma$",
    "μ": r"$\mu$",
    "θ": r"$\theta$",
    "λ": r"$\lambda$",
    "η": r"$\eta$",
    "δ": r"$\delta$",
    "Δ": r"$\Delta$",
    "Σ": r"$\Sigma$",
    "∇": r"$\nabla$",
    "→": r"$\to$",
    "∞": r"$\infty$",
    "ᵀ": r"$^{\top}$",
    "²": r"$^2$",
    "³": r"$^3$",
    "⁻": r"$^{-}$",
    "¹": r"$^1$",
    "⁴": r"$^4$",
    "⁶": r"$^6$",
    "⁹": r"$^9$",
    "₁": r"$_1$",
    "₂": r"$_2$",
    "ŷ": r"$\hat{y}$",
    "…": r"\dots{}",
    "“": "``",
    "”": "''",
    "’": "'",
    "‘": "`",
    "±": r"$\pm$",
    "⁰": r"$^0$",
    "ᵢ": r"$_i$",
    "ⱼ": r"$_j$",
    "∝": r"$\propto$",
    "∈": r"$\in$",
    "≪": r"$\ll$",
    "⊥": r"$\perp$",
    "α": r"$\alpha$",
    "ₖ": r"$_k$",
}


def tex_escape(text: str) -> str:
    """Plain text as LaTeX: special characters escaped, `code` as \\texttt, common symbols as math."""
    out, code = [], False
    for character in text:
        if character == "`":
            out.append("}" if code else r"\texttt{")
            code = not code
            continue
        if character in _TEX:
            out.append(_TEX[character])
        elif character in _UNICODE:
            out.append(_UNICODE[character])
        elif ord(character) > 127:
            out.append("?")
        else:
            out.append(character)
    if code:
        out.append("}")
    return "".join(out)


def errata_latex(claims, page_name: str) -> str:
    """The errata as a standalone LaTeX document (pdflatex), with the same content as the Markdown."""
    body = []
    for line in errata_markdown(claims, page_name).splitlines()[1:]:
        if line.startswith("### "):
            body.append(r"\subsection*{" + tex_escape(line[4:]) + "}")
        elif line.startswith("## "):
            body.append(r"\section*{" + tex_escape(line[3:]) + "}")
        elif line.startswith("- "):
            body.append(r"\item " + tex_escape(line[2:]))
        elif line.startswith("|---"):
            continue
        elif line.startswith("| "):
            cells = [c.strip().strip("*") for c in line.strip("|").split("|")]
            body.append(" & ".join(tex_escape(c) for c in cells) + r" \\")
        else:
            body.append(tex_escape(line))
    return _wrap_lists_and_tables(body)


def _wrap_lists_and_tables(lines) -> str:
    out = [
        r"\documentclass[10pt]{article}",
        r"\usepackage[margin=2cm]{geometry}",
        r"\usepackage{amssymb}",
        r"\begin{document}",
        r"\section*{Errata for the five source articles}",
    ]
    in_list = in_table = False
    for line in lines:
        is_item, is_row = line.startswith(r"\item "), line.endswith(r" \\") and " & " in line
        if in_list and not is_item:
            out.append(r"\end{itemize}")
            in_list = False
        if in_table and not is_row:
            out.append(r"\end{tabular}")
            in_table = False
        if is_item and not in_list:
            out.append(r"\begin{itemize}")
            in_list = True
        if is_row and not in_table:
            out.append(r"\begin{tabular}{lrrrrr}")
            in_table = True
        out.append(line)
    if in_list:
        out.append(r"\end{itemize}")
    if in_table:
        out.append(r"\end{tabular}")
    out.append(r"\end{document}")
    return "\n".join(out) + "\n"


def problems(claims) -> list[str]:
    return [f"{c.ident} ({c.article}, page line {c.line}): {p}" for c in claims for p in c.problems]


@dataclass
class Errata:
    """What auditing a claims page gave: its claims, the problems that kept the errata from being
    written, and the files written (None when there were problems)."""

    claims: list
    problems: list
    markdown: Path | None = None
    latex: Path | None = None


def write_errata(page, output="output", use_cache: bool = True) -> Errata:
    """Audit the claims page and, if it is consistent, write ``errata.md`` next to it and ``errata.tex`` in ``output``."""
    from derive.files import write_atomically

    page = Path(page)
    claims = audit(page, use_cache=use_cache)
    trouble = problems(claims)
    if trouble:
        return Errata(claims, trouble)
    name = page.as_posix()
    markdown = write_atomically(page.parent / "errata.md", errata_markdown(claims, name))
    latex = write_atomically(Path(output) / "errata.tex", errata_latex(claims, name))
    return Errata(claims, [], markdown, latex)
