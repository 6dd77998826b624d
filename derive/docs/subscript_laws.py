"""A named law written in an expectation's subscript, ``\\mathbb{E}_{x \\sim \\mathcal{N}(0, 1)}[x^2] = 1``.

Authors name the law of the variable an expectation averages over in its subscript as often as in
the prose around it. Such a subscript says what the tag clause ``x \\sim \\mathcal{N}(0, 1)`` says
(:mod:`derive.docs.laws`): the formula is read with that clause added to its tag and the subscript
dropped. Only a law the tag clause would read is moved; a subscript naming a distribution
(``x \\sim p``), a conditional draw or a law the checker does not model stays as written, and so does
a variable whose expectations name two different laws, or one the tag already gives a law.
"""

from __future__ import annotations

import dataclasses
import re

from derive.docs.tokens import closing_bracket

# an expectation's or a variance's letter: \mathbb{E}, \mathbb E, \operatorname{E}, \mathrm{Var}, or E, Var alone
EXPECTATION = re.compile(
    r"(?:\\mathbb\s*\{\s*[EV]\s*\}|\\mathbb\s+[EV]|\\(?:operatorname|mathrm|textrm|text)\s*\{\s*(?:E|Var)\s*\}"
    r"|(?<![\\A-Za-z])(?:E|Var))\s*_\s*\{"
)
# what opens the expectation's argument right after the subscript: the subscript can go without changing the reading
OPENS_ARGUMENT = re.compile(r"\s*(?:\\left\s*|\\[bB]igg?l?\s*)?(?:\[|\(|\\\{|\\lbrack)")


def laws_in_subscripts(text: str, binding):
    """(text, binding) with each named law of an expectation's subscript moved to the binding's law clauses."""
    if "\\sim" not in text:
        return text, binding
    from derive.docs.laws import LawClause, law_clause
    from derive.docs.tags import settle_laws

    found = []  # (start, end of the subscript, variable key, law text, clause)
    for match in EXPECTATION.finditer(text):
        close = closing_bracket(text, match.end() - 1)
        if close is None:
            continue
        inner = text[match.end() : close]
        if "\\sim" not in inner or not OPENS_ARGUMENT.match(text, close + 1):
            continue
        try:
            clause = law_clause(inner)
        except Exception:  # LawError or any other: not a law the tag would read: the subscript stays as written
            continue
        if not isinstance(clause, LawClause):
            continue
        start = text.rfind("_", match.start(), match.end())
        found.append((start, close + 1, clause.name, " ".join(inner.partition("\\sim")[2].split()), clause))
    if not found:
        return text, binding
    laws = {}
    for *_, name, law, clause in found:
        if laws.setdefault(name, (law, clause))[0] != law:
            return text, binding  # one variable drawn from two laws: each expectation's own, not one clause
    stated = {getattr(c, "name", None) for c in binding.clauses if isinstance(c, LawClause)}
    if stated & set(laws):
        return text, binding
    for start, end, *_ in reversed(found):
        text = text[:start] + text[end:]
    moved = dataclasses.replace(
        binding, clauses=[*binding.clauses, *(clause for _, clause in laws.values())], kinds=dict(binding.kinds)
    )
    settle_laws(moved)  # the law's parameters the tag leaves undeclared are drawn as the law says
    return text, moved
