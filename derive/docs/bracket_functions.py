"""Functions a tag defines with square brackets, as some textbooks write every function: ``f[x] = x^2 + \\sin[x]``.

A tag clause ``NAME[params] = BODY`` defines NAME as ``NAME(params) = BODY`` does, and the formula's
``NAME[...]`` is then that function applied, not an entry of a vector NAME; so is a name the tag declares an
arbitrary function (``\\mbox{f}: function``): its ``\\mbox{f}[x, \\boldsymbol\\phi]`` is ``\\mbox{f}(x,
\\boldsymbol\\phi)``. Only the names a tag so defines or declares are read this way: elsewhere ``s[0]`` stays the
entry of s, and ``\\exp[x]`` or ``E[X]`` keep the meanings the notation gives them. So does a clause on the
expectation or the variance: ``E[x] = \\mu`` states the mean of x (it defines mu, as ``\\mu = E[x]`` does), never a
function E that is constant.
"""

from __future__ import annotations

import re

from derive.docs.tokens import closing_bracket

# a function's name: a word in text type, a command, or a letter, with an optional subscript (f_\theta)
HEAD = (
    r"(?:\\(?:operatorname|mathrm|text|textrm|mbox|mathit)\s*\{\s*[A-Za-z][A-Za-z0-9]*\s*\}|\\[A-Za-z]+|[A-Za-z])"
    r"(?:\s*_\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9]))?"
)
DEFINITION = re.compile(rf"^\s*(?P<head>{HEAD})\s*\[(?P<params>[^\[\]]*)\]\s*(?P<rest>(?::=|\\coloneqq|=).*)$", re.S)

# a name the tag declares an arbitrary function (\mbox{f}: function): applied with square brackets as it is with parentheses
DECLARED = re.compile(rf"^\s*(?P<head>{HEAD})\s*:\s*function\s*$")

PARAMETER = re.compile(rf"\s*{HEAD}\s*")  # a parameter is a name: s[0] = 1 gives an entry a value, it defines nothing

# the operators the notation writes with square brackets: E[x], \mathbb{E}[x], \operatorname{Var}[x]
MOMENT = re.compile(
    r"(?:E|\\(?:mathbb|mathrm|mathbf|operatorname|text|textrm)\s*\{\s*(?:E|Var|var|Cov)\s*\}|\\(?:Var|var|Cov))"
)


def bracket_definitions(clauses: list[str]) -> tuple[list[str], tuple]:
    """The clauses with each ``NAME[params] = BODY`` written ``NAME(params) = BODY``, every application of such a NAME
    in the clauses written with parentheses too, and the heads so defined or declared functions (``NAME: function``)."""
    heads = []
    for clause in clauses:
        found = DEFINITION.match(clause)
        if (
            found
            and not MOMENT.fullmatch(found.group("head").strip())
            and all(PARAMETER.fullmatch(p) for p in found.group("params").split(","))
        ):
            heads.append(" ".join(found.group("head").split()))
        declared = DECLARED.match(clause)
        if declared and not MOMENT.fullmatch(declared.group("head").strip()):
            heads.append(" ".join(declared.group("head").split()))
    heads = tuple(dict.fromkeys(heads))
    if not heads:
        return clauses, ()
    return [applications_in_parentheses(clause, heads) for clause in clauses], heads


def applications_in_parentheses(text: str, heads) -> str:
    """``text`` with ``NAME[...]`` written ``NAME(...)`` for each head (brackets balanced; the inside kept as is)."""
    for head in heads:
        pattern = re.compile(rf"(?<![\\A-Za-z]){_spelling(head)}\s*\[")
        out, position = [], 0
        for found in pattern.finditer(text):
            if found.start() < position:
                continue  # inside an argument already rewritten
            close = closing_bracket(text, found.end() - 1)
            if close is None:
                continue
            out.append(text[position : found.end() - 1])
            out.append("(" + applications_in_parentheses(text[found.end() : close], (head,)) + ")")
            position = close + 1
        text = "".join(out) + text[position:]
    return text


def _spelling(head: str) -> str:
    """A pattern for the head as written, any spacing between its tokens."""
    tokens = re.findall(r"\\[A-Za-z]+|[A-Za-z0-9]+|\S", head)
    return r"\s*".join(re.escape(token) for token in tokens) + (r"(?![A-Za-z])" if head[-1].isalpha() else "")
