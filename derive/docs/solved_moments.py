r"""A tag's moment set to a sum with one unknown term, ``E[x^2] = \sigma^2 + \mu^2`` beside ``E[x] = \mu``: the same
equation solved for that term (``\sigma^2 = E[x^2] - \mu^2``), the definition of the one name nothing else in the
tag gives a value; a moment set to anything else stays a condition on the law, which is not read."""

from __future__ import annotations

import re

from derive.docs.bracket_functions import MOMENT

# a term of the sum: an optional sign, one name (\sigma, \mu_x, \text{Var}), an optional power
TERM = re.compile(
    r"^\s*(?P<sign>[+-]?)\s*(?P<name>\\[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|\w))?|[A-Za-z](?:\s*_\s*(?:\{[^{}]*\}|\w))?)"
    r"\s*(?:\^\s*(?:\{\s*(?P<braced>\d)\s*\}|(?P<bare>\d)))?\s*$"
)

NUMBER_TERM = re.compile(r"^\s*[+-]?\s*\d+(?:\.\d+)?\s*$")


def solved_moment(clause: str, clauses: list) -> str:
    """The clause ``MOMENT = SUM`` solved for the one term of the sum (a name or its power) whose name no other clause
    gives a value, where the sum is more than one name; any other clause as it is."""
    from derive.docs.tags import _key, _outside_brackets

    at = _outside_brackets(clause).find("=")
    name, meaning = clause[:at], clause[at + 1 :]
    if at <= 0 or not re.match(rf"\s*{MOMENT.pattern}\s*[\[(]", name) or not meaning.strip():
        return clause
    top = _outside_brackets(meaning)
    cuts = [0, *(i for i, c in enumerate(top) if c in "+-" and i > 0 and top[:i].strip()), len(meaning)]
    terms = [meaning[a:b] for a, b in zip(cuts, cuts[1:])]
    numbers = [bool(NUMBER_TERM.match(term)) for term in terms]  # E[x^2] = \sigma^2 + \mu^2 - 1: a number is known
    found = [None if number else TERM.match(term) for term, number in zip(terms, numbers)]
    if not all(f or n for f, n in zip(found, numbers)) or (len(found) == 1 and not (found[0] and _power(found[0]))):
        return clause  # E[x] = \mu: the name's definition, read as it is
    defined = _valued_names(name, clauses)
    keys = [_key_or_none(_key, term.group("name")) if term else None for term in found]
    unknown = [i for i, key in enumerate(keys) if not numbers[i] and key not in defined]
    if len(unknown) != 1 or keys[unknown[0]] is None:
        return clause
    chosen = found[unknown[0]]
    term = chosen.group("name").strip() + (f"^{_power(chosen)}" if _power(chosen) else "")
    rest = "".join(t for i, t in enumerate(terms) if i != unknown[0]).strip()
    if chosen.group("sign") == "-":  # E[x^2] = \mu^2 - \sigma^2: \sigma^2 = \mu^2 - E[x^2]
        return f"{term} = {rest.lstrip('+').strip()} - {name.strip()}"
    rest = rest if not rest or rest[:1] in "+-" else f"+ {rest}"
    flipped = {"+": "-", "-": "+"}
    opposite = "".join(flipped.get(c, c) if t in "+-" else c for c, t in zip(rest, _outside_brackets(rest)))
    return f"{term} = {name.strip()} {opposite}".strip()


def _power(term) -> str | None:
    return term.group("braced") or term.group("bare")


def _valued_names(moment: str, clauses: list) -> set:
    """The names another clause of the tag gives a value: a side of a definition that is one name or its power
    (``E[x] = \\mu``, ``\\mu = 0``, ``\\sigma^2 = 1``)."""
    from derive.docs.tags import _key, _outside_brackets

    names = set()
    for clause in clauses:
        top = _outside_brackets(clause)
        at = top.find("=")
        if at <= 0 or clause[:at].strip() == moment.strip() or re.search(r"[<>]|\\[lg]e", top[max(0, at - 1) : at]):
            continue
        for side in (clause[:at], clause[at + 1 :]):
            named = TERM.match(side)
            if named and not named.group("sign"):  # one name, or its power: \mu, \sigma^2
                names.add(_key_or_none(_key, named.group("name")))
    names.discard(None)
    return names


def _key_or_none(key, written: str):
    from derive.errors import DeriveError

    try:
        return key(written)
    except DeriveError:
        return None
