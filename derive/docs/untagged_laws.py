r"""An untagged formula about one law of several outcomes, ``P(A \mid B) = \frac{P(B \mid A) P(A)}{P(B)}``.

Untagged, a law letter applied to two outcomes or more (``p(x, y)``, ``P(A \mid B)``) is a joint law the
formula does not give; read as any careful reader reads it, ``p(x)`` is its marginal and ``p(x \mid y)`` its
conditional. When every name of the formula is such a law, one of its outcomes, a variable a sum runs over, a
set it runs in or a plain name every side writes (a number: λ in ``\lambda \log q(s \mid z)``), the formula is read under a joint law drawn at random (:mod:`derive.docs.joint_law`, as a tag
with no result reads it): holding for every law, it PASSes. A refutation stands only when each link writes the
same outcomes on both sides (``P(A \mid B) = P(A)`` may state that A and B are independent) and the formula
fails for independent outcomes too (``p(x, y) = p(x) p(y)`` and ``p(x, y \mid z) = p(x \mid z) p(y \mid z)``
state models); otherwise it is UNKNOWN with the reason.
"""

from __future__ import annotations

import dataclasses
import re

from derive.docs.interpret import Atom, SumNode, rewrite_chain
from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

# what the untagged reading of free names gives up with when a law of several outcomes is written
JOINT_LAW_REASONS = (
    "a conditional probability, tied to the others",
    "other than at one outcome drawn",
    "a conditional quantity of random variables",  # H(y | x) beside p(x, y): of the law's outcomes
    "of an event (a relation in its argument)",  # P(X = x, Y = y), q(x | y = 1): the law at those outcomes
)


# p(\theta) = q(\theta)/Z_0, p(x) = \frac{q(x)}{Z}: a law the document gets by dividing q by a normalising constant Z
DIVIDED_BY_Z = re.compile(
    r"=\s*(?:\\[dt]?frac\s*\{\s*([A-Za-z])\s*\([^=]*\)\s*\}\s*\{\s*Z|([A-Za-z])\s*\([^=]*\)\s*/\s*Z)"
)


def unnormalised_laws(sources: dict) -> set:
    """The letters a document's definitions divide by a normalising constant to give a law (``p(x) = q(x)/Z``): an
    unnormalised law, whose values need not sum to 1, so no joint law stands for it."""
    return {
        letter
        for latex in sources.values()
        for match in DIVIDED_BY_Z.finditer(latex)
        for letter in match.groups()
        if letter
    }


def writes_law(text: str, letters: set) -> bool:
    """Whether a formula applies one of the letters as a law (``q(\\theta | D)``)."""
    return any(re.search(rf"(?<![A-Za-z\\]){letter}\s*\(", text) for letter in letters)


def decide_joint_law(text: str) -> Verdict | None:
    """The verdict on a formula whose names are a joint law and its outcomes (see the module docstring), or None."""
    from derive.docs.decide import decide
    from derive.docs.joint_law import independent_outcomes
    from derive.docs.tags import parse_tag
    from derive.docs.values import BindError

    try:
        sides, relations, _ = rewrite_chain(text)
        if not relations or any(relation != "=" for relation in relations):
            return None
        informations: set = set()
        labelled = _labelled_outcomes(sides)
        read = [_outcomes(side, informations, labelled) for side in sides]
        if any(found is None for found in read) or not _all_joint(sides, labelled):
            return None
        outcomes = [found[0] for found in read]
        numbers = [found[1] - set.union(*outcomes) for found in read]
        if any(found != numbers[0] for found in numbers):  # λ on one side only: an equation in λ
            return None
        tag = _information_tag(sides, informations, labelled)
        if tag is None:
            return None
        parse_tag(tag)  # a clause no tag reads is this reading's limit, not an error of the document
    except BindError as exc:
        return Verdict(UNKNOWN, str(exc))
    except Exception:  # unreadable: the free reading's reason stands
        return None
    verdict = decide(text, parse_tag(tag))
    said = "a law of several outcomes read as one joint law drawn at random"
    if verdict.verdict == PASS:
        return dataclasses.replace(verdict, detail=f"{said}: {verdict.detail}")
    if verdict.verdict != FAIL:
        return None
    lonely = sorted(set.union(*outcomes) - set.intersection(*outcomes))
    if lonely:
        return Verdict(
            UNKNOWN,
            f"{', '.join(lonely)} on one side only: the formula may state a model or a condition on the law"
            f" (P(A | B) = P(A)), not a rule for every law; under an arbitrary law it fails ({verdict.detail})",
        )
    with independent_outcomes():
        independent = decide(text, parse_tag(tag))
    if independent.verdict == FAIL:
        return dataclasses.replace(
            independent,
            detail=f"{said}, and for independent outcomes too: {independent.detail}",
        )
    return Verdict(
        UNKNOWN,
        "it fails for an arbitrary law but holds when the outcomes are independent: it may state a model"
        f" (p(x, y) = p(x) p(y)), not a rule for every law ({verdict.detail})",
    )


def _all_joint(sides, labelled=frozenset()) -> bool:
    """Whether every law the formula applies is read as a joint law of outcomes (not p(x, y) = p(x) p(y) alone,
    where p(x, y) may be a function of two numbers)."""
    from derive.docs.free import child_sides
    from derive.docs.joint_law import _law_applications, joint_laws

    laws = joint_laws(sides, labelled=labelled)
    applied = {application[0] for application in _law_applications(sides, child_sides, labelled)[0]}
    return bool(laws) and applied <= set(laws)


def _labelled_outcomes(sides) -> frozenset:
    """The names with a letter subscript the formula writes only as outcomes of its laws (x_i in ``p(c \\mid x_i) =
    p(c) p(x_i \\mid c) / p(x_i)``), no sum running over the letter: each one outcome of the law, as a tag declaring
    x_i a random variable of it reads it (:func:`derive.docs.joint_law.labelled_outcomes`)."""
    from derive.docs.free import DISTRIBUTION_LETTERS, child_sides
    from derive.docs.joint_law import _summed_letters, law_key
    from derive.docs.parse import parse_latex
    from derive.docs.side_names import single_atom

    outcomes, elsewhere = set(), set()
    todo = list(sides)
    while todo:
        current = todo.pop()
        for node in current.nodes(parse_latex(current.text)):
            if isinstance(node, Atom) and node.args and node.key in DISTRIBUTION_LETTERS and law_key(node):
                for argument in node.args:
                    atom = single_atom(argument)
                    if atom is not None and atom.args is None and atom.sub and not atom.decoration:
                        outcomes.add((atom.key, atom.sub_text))
                    else:
                        todo.append(argument)
                continue
            if isinstance(node, Atom) and node.args is None:
                elsewhere.add(node.key)
            todo.extend(side for side in child_sides(node) if side is not None and hasattr(side, "table"))
    summed = _summed_letters(sides)
    return frozenset(
        f"{key}_{sub}"
        for key, sub in outcomes
        if re.fullmatch(r"[A-Za-z]+", sub) and sub not in summed and key not in elsewhere
    )


def _information_tag(sides, informations: set, labelled=frozenset()) -> str | None:
    """The tag clause that reads the entropies and informations of the law's outcomes (``I(x; c)`` beside
    ``p(x, c)``) and its outcomes written with a letter subscript (``labelled``: x_i) as random variables of the law,
    "" when the formula writes neither, or None when they are not of the outcomes of one joint law."""
    from derive.docs.joint_law import _spelled, joint_laws

    if not informations and not labelled:
        return ""
    laws = joint_laws(sides, labelled=labelled)
    if len(laws) != 1:
        return None
    ((law, (names, *_)),) = laws.items()
    if not (informations | labelled) <= set(names):
        return None
    written = ", ".join(_spelled(name) for name in names)  # theta is \theta: a tag is LaTeX, not keys
    return f"{written}: random variables with joint distribution {_spelled(law)}({written})"


def _outcomes(side, informations: set, labelled=frozenset()) -> tuple[set, set] | None:
    """(the outcomes a side's laws are applied to and no sum runs over, the plain names it writes outside its laws:
    numbers, as λ in λ log q(s | z)), or None when the side writes another name. The names an entropy or an
    information is of (``I(x; c)``, ``H(x \\mid c)``) are noted in ``informations``."""
    from derive.docs.free import CONSTANTS, DISTRIBUTION_LETTERS, child_sides
    from derive.docs.joint_law import _law_applications, law_key
    from derive.docs.parse import parse_latex
    from derive.docs.side_names import single_atom

    applications, drawn = _law_applications([side], child_sides, labelled)
    outcomes = {name for _, names, *_ in applications for name in names}
    summed, sets, written = set(), set(), []
    todo = [side]
    while todo:
        current = todo.pop()
        for node in current.nodes(parse_latex(current.text)):
            if isinstance(node, SumNode):
                summed |= set(node.variables)
                sets |= {atom.key for atom in _atoms(node.low)} if node.low is not None and not node.high else set()
            if isinstance(node, Atom):
                if node.key in INFORMATION and node.args and not node.sub_text:
                    names = [_name(atom) for atom in map(single_atom, node.args) if atom is not None]
                    if len(names) != len(node.args) or any(single_atom(arg).args is not None for arg in node.args):
                        return None  # H(p) of a distribution: not a quantity of the law's outcomes
                    informations.update(names)
                    continue
                if node.args is not None and not (node.key in DISTRIBUTION_LETTERS and law_key(node)):
                    return None  # a function the formula does not state
                if node.args is None:
                    written.append(node)
            todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))
    numbers = set()
    for atom in written:
        key = _name(atom)
        if key in outcomes | summed | sets | CONSTANTS:
            continue
        if atom.sub or atom.decoration or atom.transpose:
            return None
        numbers.add(key)
    return outcomes - summed - drawn, numbers


INFORMATION = ("H", "I")  # the entropy and the mutual information of the law's outcomes


def _atoms(side) -> list:
    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in

    return list(atoms_in([side], child_sides))


def _name(atom: Atom) -> str:
    if atom.sub and not atom.post_sub and atom.sub_text.isdigit():
        return f"{atom.key}_{atom.sub_text}"
    return atom.key if not (atom.sub or atom.decoration) else f"{atom.key}_{atom.sub_text}{atom.decoration or ''}"
