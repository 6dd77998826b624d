"""An equality of laws, ``\\text{Beta}(4 + 7, 2 + 3) = \\text{Beta}(11, 5)``: the same family with equal parameters.

A formula whose every side is a named law applied to its parameters (the names of :mod:`derive.docs.laws`, written
in a font command: ``\\text{Beta}``, ``\\mathcal{N}``, ``\\operatorname{Poisson}``) claims that the laws are one.
Each family is identified by its parameters as written (the same convention on both sides), so the claim is that
the parameters are equal in turn, and that claim is decided as any other (``4 + 7 = 11 \\land 2 + 3 = 5``).
Laws of different families, or of one family with a different number of parameters, are UNKNOWN with the reason:
two families agree only at special parameters (Beta(1, 1) is the uniform law on [0, 1]), which is not decided.
"""

from __future__ import annotations

import re
from dataclasses import replace

from derive.docs.laws import BY_SPELLING, _split_top
from derive.docs.tokens import balanced

WRITTEN_LAW = re.compile(
    r"^\s*\\(?:text|textrm|textsf|textit|mathrm|mathsf|mathit|mathcal|mathbb|operatorname|rm)\s*\{\s*([A-Za-z]+)\s*\}"
    r"\s*(?:\\left\s*)?\((?P<params>.*?)(?:\\right\s*)?\)\s*$"
)


def _top_level_equals(text: str) -> list:
    """The parts of ``text`` between its top-level ``=`` signs (none inside brackets or braces)."""
    parts, depth, current = [], 0, ""
    for character in text:
        depth += character in "([{"
        depth -= character in ")]}"
        if character == "=" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += character
    return [*parts, current]


def law_sides(text: str):
    """[(law, parameters as written)] of each side, when every side of the formula is a named law; else None."""
    body = text.strip().rstrip(".,;").strip()
    if re.search(r"\\(?:le|ge|leq|geq|ne|neq|approx|sim|propto|land|implies)(?![A-Za-z])|[<>]", body):
        return None
    parts = _top_level_equals(body)
    if len(parts) < 2:
        return None
    sides = []
    for part in parts:
        found = WRITTEN_LAW.match(part)
        law = BY_SPELLING.get(found.group(1).lower()) if found else None
        if law is None or not balanced(found.group("params")):
            return None
        if len(found.group(1)) == 1 and not part.lstrip().startswith("\\mathcal"):
            return None  # \text{B}(a, b) may be the Beta function as well as a binomial law: only \mathcal{N} is a law
        sides.append((law, tuple(p.strip() for p in _split_top(found.group("params")))))
    return sides


def equal_laws(text: str, decide_text):
    """The verdict on a formula that equates named laws, or None when it does not."""
    from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

    sides = law_sides(text)
    if sides is None:
        return None
    claims = []
    for (law, params), (other, other_params) in zip(sides, sides[1:]):
        if law is not other:
            return Verdict(
                UNKNOWN,
                f"an equality of a {law.name} law and a {other.name} law: laws of different families agree only at"
                " special parameters, which is not decided",
            )
        if len(params) != len(other_params) or not all(params + other_params):
            return Verdict(UNKNOWN, f"the {law.name} laws are written with different numbers of parameters")
        claims += [(law, place, f"{a} = {b}") for place, (a, b) in enumerate(zip(params, other_params))]
    verdicts = []
    for law, place, claim in claims:
        verdict = decide_text(claim)
        what = f"parameter {place + 1} of the {law.name} laws, {claim}"
        if verdict.verdict == FAIL:
            return replace(verdict, detail=f"the laws differ in {what}: {verdict.detail}")
        if verdict.verdict != PASS:
            return Verdict(UNKNOWN, f"equal laws of one family have equal parameters; {what}: {verdict.detail}")
        verdicts.append(verdict)
    weakest = min(verdicts, key=lambda v: v.evidence == "proved")
    return replace(weakest, detail=f"the laws' parameters are equal in turn ({weakest.detail})")
