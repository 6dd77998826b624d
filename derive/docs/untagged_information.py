r"""An untagged formula in entropies and mutual informations of random variables alone,
``I(S; Z) = H(Z) - H(Z \mid S)``.

``H(A \mid S)``, ``H(A, S)``, ``I(S; Z)`` and ``I(A; Z \mid S)`` of names are quantities of random variables under
one joint law the formula does not give. When every name the formula writes is such a variable inside H or I, the
formula is read under a joint law of them drawn at random, as the tag ``S, Z: random variables with joint
distribution p(S, Z)`` reads it: holding for every law, it PASSes (the unit, nats or bits, scales every term
alike). A refutation stands only when each link writes the same variables on both sides (``I(S; Z) = 0`` and
``H(A \mid S) = H(A)`` may state that they are independent) and independent variables refute it too; otherwise it
is UNKNOWN with the reason. A formula without a condition or an information (``H(P, Q) = H(P) + H(Q)``, where
``H(P, Q)`` may be a cross-entropy) and the letters of distributions (p, q, P, Q, π) are not read so.
"""

from __future__ import annotations

import dataclasses

from derive.docs.free import DISTRIBUTION_LETTERS
from derive.docs.interpret import Atom, rewrite_chain
from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

INFORMATION = ("H", "I")  # the entropy and the mutual information, of random variables when applied to names
GREEK = frozenset(
    "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi chi psi omega"
    " Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega".split()
)


def decide_information(text: str) -> Verdict | None:
    """The verdict on a formula of entropies and informations of named random variables (see the module docstring),
    or None when the formula writes anything else."""
    from derive.docs.decide import decide
    from derive.docs.joint_law import independent_outcomes
    from derive.docs.tags import LawOfOutcomes, parse_tag

    try:
        sides, relations, _ = rewrite_chain(text)
        if not relations or any(relation != "=" for relation in relations):
            return None
        spellings: dict = {}
        separators: set = set()
        written = [_variables(side, spellings, separators) for side in sides]
        if any(found is None for found in written) or not spellings or not separators & {"|", ";"}:
            return None  # H(P, Q) alone may be a cross-entropy: a condition or an information names variables
        if set(spellings) & DISTRIBUTION_LETTERS:
            return None
        names = ", ".join(spellings[key] for key in sorted(spellings))
        tag = parse_tag(f"{names}: random variables with joint distribution p({names})")
        declared = {clause.variable for clause in tag.clauses if isinstance(clause, LawOfOutcomes)}
        if declared != set(spellings):  # the tag must declare every variable, each as written
            return None
    except Exception:  # unreadable, or names a tag cannot declare: the free reading's reason stands
        return None
    said = f"entropies and informations of random variables {names} under a joint law drawn at random"
    verdict = decide(text, tag)
    if verdict.verdict == PASS:
        return dataclasses.replace(verdict, detail=f"{said}: {verdict.detail}")
    if verdict.verdict != FAIL:
        return None
    lonely = sorted(set.union(*written) - set.intersection(*written))
    if lonely:
        return Verdict(
            UNKNOWN,
            f"{', '.join(spellings[key] for key in lonely)} on one side only: the formula may state a condition on"
            f" the law (I(S; Z) = 0: S and Z independent), not a rule for every law; under an arbitrary law it fails"
            f" ({verdict.detail})",
        )
    with independent_outcomes():
        independent = decide(text, tag)
    if independent.verdict == FAIL:
        return dataclasses.replace(independent, detail=f"{said}, and for independent ones too: {independent.detail}")
    return Verdict(
        UNKNOWN,
        "it fails for an arbitrary law but holds for independent variables: it may state that they are independent"
        f" ({verdict.detail})",
    )


def _variables(side, spellings: dict, separators: set) -> set | None:
    """The keys of the random variables a side's H and I are applied to (their spellings noted in ``spellings``, the
    separators between them in ``separators``), or None when the side writes a name outside them or applies them to
    anything but plain names."""
    from derive.docs.free import child_sides
    from derive.docs.parse import parse_latex
    from derive.docs.side_names import single_atom

    found: set = set()
    todo = [side]
    while todo:
        current = todo.pop()
        for node in current.nodes(parse_latex(current.text)):
            if not isinstance(node, Atom):
                todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))
                continue
            if node.key not in INFORMATION or not node.args or node.sub or node.decoration or node.transpose:
                return None
            separators.update(node.seps)
            for argument in node.args:
                atom = single_atom(argument)
                if atom is None or atom.args is not None or atom.sub or atom.decoration or atom.transpose:
                    return None
                if not atom.key.isalpha() or len(atom.key) > 1 and atom.key not in GREEK:
                    return None
                found.add(atom.key)
                spellings[atom.key] = atom.key if len(atom.key) == 1 else f"\\{atom.key}"
    return found
