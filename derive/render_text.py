"""A result and its report as readable Unicode for the terminal."""

from __future__ import annotations

import mpmath

from derive.display import shown_statement
from derive.printing import unicode
from derive.prose import to_unicode
from derive.report import FAILED, NUMERIC_ONLY, ResultReport
from derive.result import Result

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def part_label(position: int) -> str:
    """The letter a claim is cited by, in the terminal as in the appendix: ``(a)``."""
    return f"({LETTERS[position]})"


_RELATION = {"=": "=", "<=": "≤", ">=": "≥", "<": "<", ">": ">"}
_MARK = {"proved": "✓ proved", NUMERIC_ONLY: "~ numeric only", FAILED: "✗ FAILED"}


def _error(value: float) -> str:
    if value == float("inf"):
        return "∞"
    return "0" if value == 0 else mpmath.nstr(mpmath.mpf(value), 2, min_fixed=0, max_fixed=0)


def statement(result: Result, position: int) -> str:
    shown = shown_statement(result, position)
    return f"{unicode(shown.lhs, shown.as_written)} {_RELATION[shown.relation]} {unicode(shown.rhs, shown.as_written)}"


def derivation(result: Result, report: ResultReport) -> str:
    """The full derivation: every claim, every step with reason and status, then the oracle."""
    lines = [f"{result.name} — {result.title}", f"  {result.summary}", ""]
    several = len(result.claims) > 1
    for position, (claim, claim_report) in enumerate(zip(result.claims, report.claims)):
        name = [part_label(position)] if several else []
        if claim.label:
            name.append(claim.label)
        lines.append(f"Claim{''.join(' ' + part for part in name)}: {statement(result, position)}")
        lines.append(f"      {unicode(claim.steps[0].expr)}")
        after_rejected = False
        for step, step_report in zip(claim.steps[1:], claim_report.steps):
            lines.append(f"  {_RELATION[step.relation]:>2}  {unicode(step.expr)}")
            detail = f"max error {_error(step_report.numeric_max_rel_error)} at {step_report.points} points"
            lines.append(
                f"        because {to_unicode(result.reason(step, cite=str))}  [{_MARK[step_report.symbolic]}; {detail}]"
            )
            if after_rejected:
                lines.append("        (checked against the rejected expression above, not against the claim)")
            if step_report.symbolic == NUMERIC_ONLY:
                lines.append(f"        SymPy: {step_report.symbolic_method}")
            if step_report.counterexample:
                lines.append(f"        counterexample {step_report.counterexample}")
            after_rejected = after_rejected or step_report.symbolic == FAILED
        shown = shown_statement(result, position)[2]
        if claim_report.passed and shown != claim.statement.rhs:
            lines.append(f"   =  {unicode(shown, as_written=True)}")
            lines.append("        because rearranged as displayed  [✓ proved equal to the statement]")
        if claim_report.chain_problem:
            lines.append(f"  ✗ {claim_report.chain_problem}")
        o = claim_report.oracle
        mark = "✓" if o.passed else "✗"
        lines.append(
            f"  {mark} oracle: {o.points} points, {o.digits} digits required, max relative error {_error(o.max_rel_error)}"
        )
        if o.counterexample:
            lines.append(f"    {o.counterexample}")
        lines.append("")
    for remark in report.remarks:
        lines.append(f"Remark: {to_unicode(remark.text)}")
        lines.append("")
    lines.append(summary_line(report))
    return "\n".join(lines)


def summary_line(report: ResultReport) -> str:
    steps = report.steps
    proved = sum(s.symbolic == "proved" for s in steps)
    numeric = sum(s.symbolic == NUMERIC_ONLY for s in steps)
    failed = sum(s.symbolic == FAILED for s in steps)
    verdict = "VERIFIED" if report.verified else "FAILED"
    if report.error:
        return f"{report.name}: {verdict} — {report.error}"
    timing = (
        f"cached, verified in {report.seconds:.1f} s" if getattr(report, "cached", False) else f"{report.seconds:.1f} s"
    )
    return (
        f"{report.name}: {verdict} — {proved} steps proved, {numeric} numeric only, {failed} failed; "
        f"oracle max error {_error(report.oracle.max_rel_error)} at {report.oracle.points} points; {timing}"
    )
