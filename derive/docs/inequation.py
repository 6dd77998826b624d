r"""A claim that two sides are not equal (``D_{KL}(p \| q) \neq D_{KL}(q \| p)``), read as the negation of their
equality: it holds where the equality is refuted (a point where the sides differ is its witness), and fails where
the equality holds at every point compared; undecided, it is UNKNOWN with the equality's reason."""

from __future__ import annotations

import re

from derive.docs.interpret import rewrite_chain
from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

NOT_EQUAL = re.compile(r"\\neq?(?![A-Za-z])|≠|\\not\s*=")


def decide_inequation(text: str, decide_equality):
    """The verdict on a formula whose one relation is ≠, from ``decide_equality`` of it written with =; None for
    any other formula."""
    if len(NOT_EQUAL.findall(text)) != 1:
        return None
    try:
        _, relations, _ = rewrite_chain(text)
    except Exception:  # noqa: BLE001  (unreadable: the usual reading reports it)
        return None
    if relations != ["!="]:
        return None
    equal = decide_equality(NOT_EQUAL.sub("=", text))
    if equal.verdict == FAIL:
        return Verdict(PASS, f"the sides differ, as claimed: {equal.detail}")
    if equal.verdict == PASS:
        return Verdict(FAIL, f"the sides are equal wherever they were compared, where ≠ is claimed: {equal.detail}")
    return Verdict(UNKNOWN, f"an inequation ≠, read as the negation of its equality: {equal.detail}")
