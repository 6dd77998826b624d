r"""An expectation subscripted by a law applied to its outcome, ``\mathbb{E}_{q(z \mid x)}[f(z)]``: the draw
``\mathbb{E}_{z \sim q(z \mid x)}[f(z)]``.

Authors who write a law under E (``\E_{p(z|x; \theta)} \log p(x, z; \theta)``, ``\mathbb{E}_{q_\phi(z)}[\dots]``) mean
the average over the outcome the law is applied to, given what follows its bar or semicolon: the subscript is read as
that draw. Only a law letter (p, P, q, Q, Pr, \pi, with a label such as q_\phi) applied to one outcome name, alone or
before a condition or parameters, is read so; a law of several outcomes (p(x, z)), an argument that is no name, or a
subscript that already draws (``z \sim q``) stays as written.
"""

from __future__ import annotations

import re

from derive.docs.subscript_laws import EXPECTATION
from derive.docs.tokens import closing_bracket

LABEL = r"(?:\s*_\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9]))?"
LAW = rf"(?:\\pi|\\Pr|Pr|[pPqQ]){LABEL}"
OUTCOME = rf"(?:\\(?:mathbf|boldsymbol|bm)\s*\{{\s*(?:\\[A-Za-z]+|[A-Za-z])\s*\}}|\\[A-Za-z]+|[A-Za-z]){LABEL}"
# the whole subscript: a law applied to one outcome, then a condition or parameters or nothing
LAW_OF_ONE_OUTCOME = re.compile(
    rf"^\s*{LAW}\s*(?:\\left\s*)?\(\s*(?P<outcome>{OUTCOME})\s*"
    r"(?:(?:\||\\mid|\\vert|;)[^()]*(?:\([^()]*\)[^()]*)*)?(?:\\right\s*)?\)\s*$"
)


def draws_in_subscripts(text: str) -> str:
    """``text`` with each expectation subscripted by a law of one outcome written as the draw of that outcome."""
    if "_" not in text:
        return text
    found = []
    for match in EXPECTATION.finditer(text):
        close = closing_bracket(text, match.end() - 1)
        if close is None:
            continue
        inner = text[match.end() : close]
        law = LAW_OF_ONE_OUTCOME.match(inner)
        if law is not None and "\\sim" not in inner:
            found.append((match.end(), law.group("outcome")))
    for at, outcome in reversed(found):
        text = f"{text[:at]}{outcome} \\sim {text[at:]}"
    return text
