r"""A distribution a tag defines through an unnormalised law, ``p(x) = \frac{\tilde p(x)}{Z(\theta)}`` beside
``p: distribution``: the clause defines \tilde p, as ``\tilde p(x) = Z(\theta) p(x)``.

Course notes introduce a law by its unnormalised form and its normalising constant, the law itself declared a
distribution. Read as a definition of p, the clause would make p a function of a \tilde p the tag leaves free, beside
the p it declares a distribution; the one reading that keeps both is the clause solved for the function it names once:
\tilde p is Z times the law. Only a body that is that one function at the law's own parameters, over a denominator
(``\frac{\tilde p(x)}{Z}``, ``\frac{1}{Z} \tilde p(x)``), is read so.
"""

from __future__ import annotations

import dataclasses
import re

SCALE = r"\{(?P<scale>(?:[^{}]|\{[^{}]*\})*)\}"  # a braced group, one level of groups inside it
HEAD = (
    r"(?P<head>\\(?:tilde|hat|bar|widetilde|widehat)\s*\{?\s*[A-Za-z]\s*\}?|\\?[A-Za-z]+(?:_\{[^{}]*\}|_[A-Za-z0-9])?)"
)
APPLIED = rf"{HEAD}\s*\((?P<args>[^()]*)\)"
OVER = re.compile(rf"^\\frac\s*\{{\s*{APPLIED}\s*\}}\s*{SCALE}$")
ONE_OVER = re.compile(rf"^\\frac\s*\{{\s*1\s*\}}\s*{SCALE}\s*{APPLIED}$")


def solved_unnormalised(clauses: list, kinds: dict) -> list:
    """The clauses with each definition of a declared distribution by an unnormalised law solved for that law."""
    from derive.docs.tags import FunctionClause, _key

    distributions = {_key(name) for name, kind in kinds.items() if kind.strip() == "distribution"}
    out = []
    for clause in clauses:
        found = _unnormalised(clause) if isinstance(clause, FunctionClause) else None
        if found is None or clause.name not in distributions or clause.index:
            out.append(clause)
            continue
        head, args, scale = found
        written = clause.head[clause.head.index("(") + 1 : clause.head.rindex(")")]
        if [a.strip() for a in args.split(",")] != [a.strip() for a in written.split(",")]:
            out.append(clause)
            continue
        out.append(
            dataclasses.replace(clause, name=_key(head), body=f"{scale} \\cdot {clause.head}", head=f"{head}({args})")
        )
    return out


def _unnormalised(clause) -> tuple[str, str, str] | None:
    """(the unnormalised law's name, its arguments, the scale) of a body written as one over the other; None else."""
    found = OVER.match(clause.body.strip()) or ONE_OVER.match(clause.body.strip())
    if found is None or found.group("head").strip() == clause.head.partition("(")[0].strip():
        return None
    return found.group("head").strip(), found.group("args").strip(), f"({found.group('scale').strip()})"
