r"""σ applied to a random variable, ``\sigma(aX) = |a| \sigma(X)``: the logistic function of a number, or the standard
deviation of X, as probability texts write it; a verdict stands only where both readings give it."""

from __future__ import annotations

import re

from derive.docs.verdict import FAIL, PASS, Verdict, unless_readings_differ

# \sigma(2X), \sigma\left(X + Y\right): the argument plain letters, digits and signs, no command and no bracket inside
APPLIED = re.compile(r"\\sigma\s*(?:\\left|\\big|\\Big)?\s*\(([^()\\{}]*?)(?:\\right|\\big|\\Big)?\s*\)")


def as_deviation(text: str) -> str | None:
    r"""The formula with each σ of an expression of X or Y written as the standard deviation
    ``\sqrt{\operatorname{Var}(...)}``; None when it writes none (σ(z), σ(XW): no random variable alone)."""
    found = False

    def deviation(match: re.Match) -> str:
        nonlocal found
        argument = match.group(1)
        capitals = set(re.findall(r"[A-Z]", argument))
        if not capitals or not capitals <= {"X", "Y"}:  # aX + b, X + Y: names of numbers beside X and Y alone
            return match.group(0)
        found = True
        return rf"\sqrt{{\operatorname{{Var}}({argument})}}"

    rewritten = APPLIED.sub(deviation, text)
    return rewritten if found else None


def deviation_doubt(text: str, binding, verdict: Verdict, decide_text) -> Verdict:
    """The verdict when σ of X or Y read as the standard deviation gives it too, else UNKNOWN with both readings; a
    tag with a result, one that says what σ is or one that makes X or Y a number (X: real) leaves σ as it reads it."""
    named = [*binding.overrides, *binding.kinds, *(getattr(clause, "name", "") for clause in binding.clauses)]
    said = any(str(name).lstrip("\\").startswith("sigma") for name in named)
    numbers = any(kind and "random" not in kind for name, kind in binding.kinds.items() if name in ("X", "Y"))
    if verdict.verdict not in (PASS, FAIL) or binding.result is not None or said or numbers:
        return verdict
    deviation = as_deviation(text)
    if deviation is None:
        return verdict
    return unless_readings_differ(
        verdict,
        decide_text(deviation),
        "σ of the random variable X or Y may be the logistic function or the standard deviation",
        "read as the logistic function",
        "as the standard deviation",
    )
