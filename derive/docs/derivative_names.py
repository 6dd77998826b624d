r"""A derivative a tag declares a number (``\frac{\partial \mathcal{L}}{\partial g_j} \in \mathbb{R}``): a quantity of
its own, as a name would be, wherever the formula writes it.

Authors name the gradient that flows back into a step (∂L/∂g_j) without the loss it comes from: the tag says only
that it is a number. Each such derivative is written in the tag and in the formula as a fresh name, and a
subscript letter it holds (j) indexes a family of numbers: the formula's ∂L/∂g_k is the family's member at k, any
other derivative of L stays what it is (a function the tag does not give: UNKNOWN).
"""

from __future__ import annotations

import re

MEMBERSHIP = re.compile(r"^\s*(?P<derivative>\\frac\s*\{.+\}\s*\{.+\})\s*(?:\\in(?![A-Za-z])|∈)\s*(?P<set>.+?)\s*$")
REALS = re.compile(r"^(?:\\mathbb\s*\{\s*R\s*\}|\\mathbb\s+R|\\R(?![A-Za-z])|\\Reals)$")
DIFFERENTIAL = re.compile(r"^\\frac\s*\{\s*(?:\\partial|d)(?![A-Za-z])")
INDEX = re.compile(r"_\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))")  # g_j, g_{j}: the one letter a derivative indexes by
OPERATOR = re.compile(r"\\nabla|\\frac\s*\{\s*(?:\\partial|d)\s*(?:\^\s*\{?\s*\d\s*\}?\s*)?\}")  # ∇, d/dx
FRESH = ("\\Upsilon", "\\Xi", "\\Theta")  # capitals of names of their own authors rarely write


def fresh_name(used: str, taken=()) -> str | None:
    """The first of FRESH that neither the text ``used`` nor ``taken`` writes, or None when all three are."""
    return next((name for name in FRESH if name not in used and name not in taken), None)


def declared_derivatives(clauses: list) -> tuple:
    """(pattern, name, index letter or '') of each derivative a clause declares a real number, the clauses' and the
    formula's own names aside."""
    found = []
    for clause in clauses:
        match = MEMBERSHIP.match(clause)
        if match is None or not REALS.match(match.group("set")) or not DIFFERENTIAL.match(match.group("derivative")):
            continue
        derivative = match.group("derivative")
        letters = {a or b for a, b in INDEX.findall(derivative)}
        if len(letters) > 1:
            continue  # several indices: a family over pairs, not read
        used = " ".join(clauses)
        name = fresh_name(used, {f[1] for f in found})
        if name is None:
            continue
        found.append((derivative, name, next(iter(letters), "")))
    return tuple(found)


def with_derivative_names(text: str, derivatives: tuple) -> tuple[str, str]:
    """(``text`` with each declared derivative written as its name, spaces aside, its index letter at any letter or
    number the text writes in its place (∂L/∂g_k as Υ_k); what was so read)."""
    read = []
    for derivative, name, letter in derivatives:
        if name in text:
            continue  # the text writes the name itself: the derivative stays as written
        pattern = _pattern(derivative, letter)
        found = list(pattern.finditer(text))
        if not found or OPERATOR.search(text) or any(_differentiated(text, m.start()) for m in found):
            continue  # differentiated again: how it depends on the variable is not said, so it stays as written
        text = pattern.sub(lambda m, name=name: f"{name}_{{{m.group('at')}}}" if letter else f"{name} ", text)
        read.append(f"{derivative} as the number {name}{'_' + letter if letter else ''}")
    return text, "; ".join(read)


def _differentiated(text: str, at: int) -> bool:
    """Whether position ``at`` lies in the numerator of a derivative (\\frac{\\partial ...}{\\partial x})."""
    depth = 0
    for position in range(at - 1, -1, -1):
        if text[position] == "}":
            depth += 1
        elif text[position] == "{":
            if depth:
                depth -= 1
            elif re.search(r"\\frac\s*$", text[:position]) and re.match(
                r"\{\s*(?:\\partial|d)(?![A-Za-z])", text[position:]
            ):
                return True
    return False


def _pattern(derivative: str, letter: str):
    """The derivative as a pattern: spaces optional, the index letter any one letter or number (group 'at')."""
    parts, seen = [], False
    squeezed = re.sub(r"\s+", "", derivative)
    index = re.compile(rf"_(?:\{{{letter}\}}|{letter})(?![A-Za-z])") if letter else None
    position = 0
    while position < len(squeezed):
        found = index.match(squeezed, position) if index else None
        if found:
            group = "(?P=at)" if seen else "(?P<at>[A-Za-z0-9])"
            parts.append(rf"_\s*\{{?\s*{group}\s*\}}?")
            seen = True
            position = found.end()
            continue
        parts.append(re.escape(squeezed[position]))
        position += 1
    return re.compile(r"\s*".join(parts))
