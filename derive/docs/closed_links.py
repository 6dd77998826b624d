"""The links of an untagged equation that join two sides in numbers alone: arithmetic, claimed whatever its names mean.

A chain read as an equation to solve (``\\frac{\\pi_\\theta(o|q)}{\\pi_{old}(o|q)} = \\frac{0.5}{0.2} = 0.4``, the
ratio of two probabilities the text gives) is left undecided, as its names may be the unknowns of a condition. A
link both of whose sides are written in numbers alone (``\\frac{0.5}{0.2} = 0.4``) is no condition on any name: the
chain asserts it whatever the other links mean, so a link that fails refutes the formula. A side that is ``e`` or
``\\pi`` alone is not read as a number (it may name a quantity or a policy of the document).
"""

from __future__ import annotations

from derive.docs.bind import single_atom
from derive.docs.free import CONSTANTS
from derive.docs.interpret import rewrite_chain
from derive.docs.links_apart import _latex, _name
from derive.docs.verdict import FAIL, Verdict

CLAIMED = ("=", "~")  # the relations a link in numbers alone is decided by


def closed_links(latex: str, context) -> list[tuple[int, str]]:
    """(k, link k as a formula of its own) for each link of the chain between two sides in numbers alone."""
    from derive.docs.untagged import _free_names

    try:
        sides, relations, _ = rewrite_chain(latex)
    except Exception:  # unreadable: no link to read alone
        return []
    closed = [_in_numbers(side, context, _free_names) for side in sides]
    return [
        (k, _latex(sides, relations, k))
        for k, relation in enumerate(relations)
        if relation in CLAIMED and closed[k] and closed[k + 1]
    ]


def refuted_link(latex: str, context, decide_link) -> Verdict | None:
    """A FAIL when a link in numbers alone fails (``decide_link(text)`` decides a link written ``text``), else None."""
    try:
        sides, relations, _ = rewrite_chain(latex)
    except Exception:  # unreadable: nothing refuted
        return None
    for k, text in closed_links(latex, context):
        verdict = decide_link(text)
        if verdict.verdict == FAIL:
            detail = verdict.detail.removeprefix("the formula fails: ").removeprefix("the formula: ")
            return Verdict(
                FAIL,
                f"{_name(sides, relations, k)} joins two sides in numbers alone, claimed whatever the other links'"
                f" names mean, and it fails: {detail}",
                verdict.evidence,
                verdict.points,
            )
    return None


def _in_numbers(side, context, free_names) -> bool:
    """A side with no name the document leaves free, and not a constant's name alone (e, \\pi)."""
    atom = single_atom(side)
    if atom is not None and atom.args is None and atom.key in CONSTANTS:
        return False
    return not free_names(side, context)
