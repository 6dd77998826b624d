r"""A tag clause giving a function's gradient at its own variable, ``\nabla_\theta J(\theta) = \frac{99 e^\theta}{(1 +
e^\theta)^2}``: the gradient as a function, which the formula's ``\nabla_\theta J(\theta^{(i)})`` takes at its argument.

Read literally, ``\nabla_\theta J(u)`` differentiates by θ a value that does not depend on θ, and J, which nothing
else defines, would be an arbitrary function: the tag's statement about J's gradient would go unread, and
``u - \eta \nabla_\theta J(u) = u`` would PASS beside ``\nabla_\theta J(\theta) = 2\theta``. Here the clause becomes
the definition of a function of its own, and each ``\nabla_\theta J(ARG)`` the formula writes is that function at ARG.
"""

from __future__ import annotations

import dataclasses
import re

from derive.docs.tokens import closing_bracket

VARIABLE = r"(?:\{\s*\\?[A-Za-z]+\s*\}|\\[A-Za-z]+|[A-Za-z])"
FUNCTION = r"(?:\\mathcal\s*\{\s*[A-Za-z]\s*\}|\\?[A-Za-z]+)"
# \nabla_\theta J(\theta), the clause's head: its variable, its function and the argument, the variable again
GIVEN = re.compile(
    rf"\\nabla\s*_\s*(?P<variable>{VARIABLE})\s*(?P<function>{FUNCTION})\s*\(\s*(?P<argument>[^()]+?)\s*\)"
)


def gradients_as_functions(text: str, binding):
    """``text`` with each ``\\nabla_V F(ARG)`` whose gradient a clause of ``binding`` gives at V written as a function
    of its own at ARG, and ``binding`` with that clause made the function's definition; unchanged when none is."""
    from derive.docs.tags import parse_tag

    clauses, used = [], set()
    for head, body in binding.overrides.items():
        given = GIVEN.fullmatch(head.strip())
        if given is None or _bare(given["argument"]) != _bare(given["variable"]):
            continue
        name = "nabla" + re.sub(r"[^A-Za-z]", "", given["function"].replace("mathcal", "cal"))
        if name in text:
            continue
        applied = re.compile(
            rf"\\nabla\s*_\s*{_spelled(given['variable'])}\s*{_spelled(given['function'])}\s*(?:\\left\s*)?(?=\()"
        )
        written = _applied(text, applied, rf"\operatorname{{{name}}}")
        if written == text:
            continue
        definition = parse_tag(rf"\operatorname{{{name}}}({given['variable']}) = {body}")
        if definition is None or len(definition.clauses) != 1:
            continue
        text = written
        clauses.append(definition.clauses[0])
        used.add(head)
    if not clauses:
        return text, binding
    overrides = {head: body for head, body in binding.overrides.items() if head not in used}
    return text, dataclasses.replace(binding, overrides=overrides, clauses=[*binding.clauses, *clauses])


def _bare(latex: str) -> str:
    return re.sub(r"[\s{}]", "", latex)


def _spelled(latex: str) -> str:
    """A pattern for the LaTeX as written, with any spacing and braces around it."""
    bare = _bare(latex)
    return r"\{?\s*" + r"\s*".join(re.escape(c) for c in bare) + r"(?![A-Za-z])\s*\}?"


def _applied(text: str, pattern: re.Pattern, name: str) -> str:
    """``text`` with each match of ``pattern`` before a bracket replaced by ``name``, when the bracket closes."""
    out, at = [], 0
    for found in pattern.finditer(text):
        if closing_bracket(text, found.end()) is None:
            return text
        out.append(text[at : found.start()] + name)
        at = found.end()
    return "".join(out) + text[at:]
