"""An equality of asymptotic bounds of one kind, ``O(f) = O(g)`` or ``\\Theta(f) = \\Theta(g)``, read through their
arguments.

Every side of the formula is one bound of the same kind (O, Theta or Omega, :data:`derive.docs.symbols.ASYMPTOTIC`)
applied to one argument, except perhaps a first side that is one name, the quantity the chain bounds
(``\\mathbb{AI} = O(\\ldots) = O(\\ldots)``). Bounds of equal arguments are one bound, so the formula holds where the
arguments are equal at every point, and that is decided as the chain of the arguments. Bounds whose arguments differ
may still be one (``O(2n) = O(n)``, ``\\Theta(n^2 + n) = \\Theta(n^2)``), which is not modelled: the formula is then
UNKNOWN with the arguments' verdict.
"""

from __future__ import annotations

import re
from dataclasses import replace

from derive.docs.law_equality import _top_level_equals
from derive.docs.laws import _split_top
from derive.docs.tokens import balanced

# O, \Theta, \Omega or \mathcal{O}, with a thin negative space or a sized bracket before the argument
BOUND = re.compile(
    r"^\s*(O|\\Theta|\\Omega|\\mathcal\s*\{\s*O\s*\})\s*(?:\\!\s*)?"
    r"(?:\\(?:left|bigl?|Bigl?|biggl?|Biggl?)\s*)?\((?P<argument>.*?)(?:\\(?:right|bigr?|Bigr?|biggr?|Biggr?)\s*)?\)\s*$",
    re.DOTALL,
)
# one name: \mathbb{AI}, \text{FLOPs}, T, T_{\text{train}}, \tau
ONE_NAME = re.compile(
    r"^\s*(?:\\(?:mathbb|mathrm|text|textrm|operatorname)\s*\{[^{}]*\}|\\?[A-Za-z]+)"
    r"(?:_\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|_\\?[A-Za-z0-9])?\s*$"
)
KIND = {"O": "O", "\\Theta": "Theta", "\\Omega": "Omega"}


def _bounds(text: str):
    """(kind, [arguments]) when every side but perhaps a first name is one bound of one kind; else None."""
    body = text.strip().rstrip(".,;").strip()
    if re.search(r"\\(?:le|ge|leq|geq|ne|neq|approx|sim|propto|in|subseteq|land|implies)(?![A-Za-z])|[<>]", body):
        return None
    parts = _top_level_equals(body)
    if parts and not BOUND.match(parts[0]) and ONE_NAME.match(parts[0]):
        parts = parts[1:]  # \mathbb{AI} = O(...) = O(...): the name the chain bounds
    found = [BOUND.match(part) for part in parts]
    if len(parts) < 2 or not all(found) or not all(balanced(m.group("argument")) for m in found):
        return None
    if any(len(_split_top(m.group("argument"))) != 1 for m in found):
        return None  # O(n, m): a bound in several variables, whose arguments are not one expression
    kinds = {KIND.get(re.sub(r"\s", "", m.group(1)), "O") for m in found}
    if len(kinds) != 1:
        return None
    return kinds.pop(), [m.group("argument").strip() for m in found]


def equal_bounds(text: str, decide_text):
    """The verdict on a formula that equates asymptotic bounds of one kind, or None when it does not."""
    from derive.docs.verdict import PASS, UNKNOWN, Verdict

    bounds = _bounds(text)
    if bounds is None:
        return None
    kind, arguments = bounds
    claim = " = ".join(arguments)
    verdict = decide_text(claim)
    if verdict.verdict == PASS:
        return replace(verdict, detail=f"the {kind} bounds' arguments are equal at every point ({verdict.detail})")
    return Verdict(
        UNKNOWN,
        f"{kind} bounds of arguments not shown equal ({verdict.verdict}: {verdict.detail}); bounds may be one where"
        f" their arguments differ ({kind}(2n) = {kind}(n)), which is not modelled",
    )
