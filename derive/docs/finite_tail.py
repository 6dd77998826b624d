r"""A chain that closes with ``< \infty``: the link says its last value is finite, and the claim is the rest of the chain.

``\sum_j \frac{1}{j!} e^{-x^2} x^{2j} = e^{-x^2} \sum_j \frac{(x^2)^j}{j!} = 1 < \infty`` ends by saying the value it
computed is finite. Read as a comparison of numbers, the side ``\infty`` has no finite value and the chain is left
undecided. Here the chain without that link is decided instead: where the rest is refuted, the formula is; where it
holds, its values at every point checked were finite numbers, so the last one is below ∞ there too.
"""

from __future__ import annotations

import dataclasses
import re

from derive.docs.interpret import rewrite_chain
from derive.docs.verdict import FAIL, PASS, Verdict

BELOW_INFINITY = re.compile(
    r"^(?P<rest>.+?)\s*(?:<|\\lt(?![A-Za-z])|\\le(?:q)?(?![A-Za-z]))\s*\+?\s*\\infty\s*[.,]?\s*$", re.S
)


def decide_finite_tail(text: str, decide_text) -> Verdict | None:
    """The verdict on a chain of two sides or more closed by ``< \\infty``, decided without that link (see the module
    docstring); None when the formula is no such chain or the rest is not decided."""
    written = BELOW_INFINITY.match(text)
    if written is None:
        return None
    rest = written.group("rest")
    try:
        sides, _, _ = rewrite_chain(rest)
    except Exception:  # unreadable without the link: the verdict on the whole formula stands
        return None
    if len(sides) < 2:
        return None
    verdict = decide_text(rest)
    if verdict.verdict not in (PASS, FAIL):
        return None
    if verdict.verdict == FAIL:
        return dataclasses.replace(
            verdict, detail=f"the chain before its last link (< \\infty) is refuted: {verdict.detail}"
        )
    return dataclasses.replace(
        verdict,
        detail=f"the chain before its last link (< \\infty) holds, its values finite at every point checked: {verdict.detail}",
    )
