"""The links of an untagged equation that no value of their names solves: arithmetic, claimed whatever the names mean.

A chain read as an equation to solve (``\\frac{\\pi_\\theta(o|q)}{\\pi_{old}(o|q)} = \\frac{0.5}{0.2} = 0.4``, the
ratio of two probabilities the text gives) is left undecided, as its names may be the unknowns of a condition. A
link whose sides are numbers once read (``\\frac{0.5}{0.2} = 0.4``, or ``\\frac{\\mu - \\mu}{\\sigma} = 1``, where
the names cancel) is no condition on any name: the chain asserts it whatever the other links mean, so a link that
fails for every value of its names refutes the formula. A side that is ``e`` or ``\\pi`` alone is not read as a
number (it may name a quantity or a policy of the document), so a link with such a side is not read alone.
"""

from __future__ import annotations

from derive.docs.bind import single_atom
from derive.docs.free import CONSTANTS
from derive.docs.interpret import rewrite_chain
from derive.docs.links_apart import _latex, _name
from derive.docs.untagged_free import NO_SOLUTION
from derive.docs.verdict import FAIL, Verdict

CLAIMED = ("=", "~")  # the relations a link read alone is decided by


def links_alone(latex: str) -> list[tuple[int, str]]:
    """(k, link k as a formula of its own) for each link of a chain of two links or more, none with e or \\pi alone
    as a side."""
    try:
        sides, relations, _ = rewrite_chain(latex)
    except Exception:  # unreadable: no link to read alone
        return []
    if len(relations) < 2:
        return []  # one link: the formula itself, decided whole
    named = [_constant_name(side) for side in sides]
    return [
        (k, _latex(sides, relations, k))
        for k, relation in enumerate(relations)
        if relation in CLAIMED and not named[k] and not named[k + 1]
    ]


def refuted_link(latex: str, decide_link) -> Verdict | None:
    """A FAIL when a link fails for every value of its names (``decide_link(text)`` decides a link written ``text``),
    else None."""
    try:
        sides, relations, _ = rewrite_chain(latex)
    except Exception:  # unreadable: nothing refuted
        return None
    for k, text in links_alone(latex):
        verdict = decide_link(text)
        if verdict.verdict == FAIL and (verdict.arithmetic or NO_SOLUTION in verdict.detail):
            detail = verdict.detail.removeprefix("the formula fails: ").removeprefix("the formula: ")
            return Verdict(
                FAIL,
                f"{_name(sides, relations, k)} does not depend on its names once read, so it is claimed whatever the"
                f" other links' names mean, and it fails: {detail}",
                verdict.evidence,
                verdict.points,
            )
    return None


def _constant_name(side) -> bool:
    """Whether a side is a constant's name alone (e, \\pi)."""
    atom = single_atom(side)
    return atom is not None and atom.args is None and atom.key in CONSTANTS
