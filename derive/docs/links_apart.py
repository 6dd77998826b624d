"""A chain some of whose links cannot be read: each link that can be read alone is decided alone.

A chain ``A = B = C`` asserts each of its links. When the formula as a whole is UNKNOWN because one link names
what nothing binds or writes notation the checker does not model (``\\mathrm{score} = \\frac{20}{36 \\times 20} =
\\frac{1}{20}``, with score defined in words), the other links are still claims: a link that FAILs read alone
refutes the formula, with its own counterexample; when every link read alone holds, the verdict stays UNKNOWN
and says both which links hold and why the others were not read.

A link is read alone with the formula's conditions and the tag, on names that have a meaning only (the variables its
sums, expectations and integrals bind are its own): never with a name read as an arbitrary function the tag does not
declare any function (``f: function``), nor as the formula's own variable, and never when it writes a name that a link
not read defines (``x = \\ldots`` with x alone on one side), since that link may give it another meaning.

Untagged, where every name is the formula's own, a link is read alone as a formula of its own, under the rules an
untagged formula is read by (a name on one side only makes it an equation, never refuted): in
``\\frac{\\partial f(x, y)}{\\partial x} = \\ldots = \\frac{(x + h)y - xy}{h} = \\frac{xy + hy - xy}{h}``, the
links after f's are identities in x, y and h, claimed whatever f is. A formula that states conditions
(``\\text{for } x < 0``) has its named links read only with it, as a link alone would lose them, and so does a chain
read whole as an equation, a name on one side of a link only (``x = y + 1 = 2y``, solved by y = 1): its links are
equations of one system, not identities.
"""

from __future__ import annotations

import itertools
import re

from derive.docs.free import ONE_SIDE
from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

MOST_LINKS = 8  # a longer chain is left as read whole: each link read alone costs a reading of its own


def decide_links_apart(text, binding, whole: Verdict, decide_link, untagged=False) -> Verdict:
    """The verdict on a chain read link by link (``decide_link(k, latex)``, the verdict on link k, written ``latex``,
    read alone) when ``whole``, its verdict read as one, is UNKNOWN; ``whole`` itself when no link can be decided
    alone. Tagged, only a link whose names the tag itself defines or declares is read alone: a result's name may be
    meant in the sense the link not read gives it (``p(w_i | w_I)`` beside ``p(w_O | w_I)``). ``untagged``, every
    link is, unless the formula states conditions (then only a link that writes no name)."""
    from derive.docs.reading import out_of_bounds, read_links

    if whole.verdict != UNKNOWN or whole.detail.startswith("gave up") or out_of_bounds(text) is not None:
        return whole  # out of time or too long already: reading each link again would only take longer
    unreadable: dict = {}  # a side whose notation is not modelled (\nabla f, u \ast v): its links are not read
    try:
        sides, relations = read_links(text, binding, unreadable)
    except Exception:  # the chain itself cannot be read: the verdict on the whole says why
        return whole
    links = [k for k, relation in enumerate(relations) if relation != "and"]
    if len(links) < 2 or len(links) > MOST_LINKS:
        return whole
    blocked = {k: unreadable.get(k, unreadable.get(k + 1)) for k in links if {k, k + 1} & set(unreadable)}
    if untagged and not _states_conditions(text) and ONE_SIDE not in whole.detail:
        named = []  # every name is the link's own variable, read as an untagged formula reads it
    else:
        known = CONSTANTS if untagged else CONSTANTS | _tag_names(binding)
        named = [
            k
            for k in links
            if k not in blocked and _own_names(sides[k : k + 2], untagged) - known - _laws_at_points(sides[k : k + 2])
        ]
    verdicts = {k: decide_link(k, _latex(sides, relations, k)) for k in links if k not in named and k not in blocked}
    if untagged:
        verdicts = {k: _index_case(k, _latex(sides, relations, k), v, decide_link) for k, v in verdicts.items()}
    unread = {k: v for k, v in verdicts.items() if v.verdict not in (PASS, FAIL)}
    for k in named:  # a link that writes names the tag does not give is read only with the whole formula
        unread[k] = Verdict(UNKNOWN, f"{NAMED[untagged]}, read only with it: {whole.detail}")
    for k, why in blocked.items():
        unread[k] = Verdict(UNKNOWN, why)
    defined = {k: _defined_names(sides[k : k + 2], parameters=untagged) for k in unread}
    for k in [k for k in verdicts if k not in unread]:
        written = _written_names(sides[k : k + 2]) - _laws_at_points(sides[k : k + 2])
        uses = next(((j, name) for j in defined for name in written & defined[j]), None)
        if uses is not None:
            j, name = uses
            unread[k] = Verdict(UNKNOWN, f"it writes {name}, which {_name(sides, relations, j)} defines")
    if not unread:
        return whole  # every link decided alone, yet not as a chain: what the chain reads as a whole is in doubt
    decided = {k: v for k, v in verdicts.items() if k not in unread}
    if not decided:
        return whole
    not_read = _not_read(sides, relations, unread)
    failed = next((k for k in sorted(decided) if decided[k].verdict == FAIL), None)
    if failed is not None:
        refutation = decided[failed]
        detail = refutation.detail.removeprefix("the formula fails: ").removeprefix("the formula: ")
        return Verdict(
            FAIL,
            f"{_name(sides, relations, failed)} {_relation_word(relations[failed])}, read alone: {detail}; {not_read}",
            refutation.evidence,
            refutation.points,
        )
    held = ", ".join(_name(sides, relations, k) for k in sorted(decided))
    verb = "holds" if len(decided) == 1 else "hold"
    return Verdict(UNKNOWN, f"{held} {verb}, read alone ({decided[min(decided)].detail}); but {not_read}")


def _index_case(k, latex, verdict, decide_link) -> Verdict:
    """A link refuted where two of its indices are equal that holds wherever they differ (or the other way round)
    states one case of a pair of indices, which its page names in prose (the off-diagonal entries of a Jacobian,
    i \\neq k): read alone it is then not refuted, but left undecided with the case."""
    if verdict.verdict != FAIL:
        return verdict
    summed = set(re.findall(r"\\(?:sum|prod)_\{?([a-z])", latex))
    letters = sorted(set(re.findall(r"_\{?([a-z])\}?", latex)) - summed)
    for a, b in itertools.combinations(letters, 2):
        for relation, other in ((r"\neq", "="), ("=", r"\neq")):
            if decide_link(k, rf"{latex} \quad \text{{for }} {a} {relation} {b}").verdict == PASS:
                return Verdict(
                    UNKNOWN,
                    f"it holds for {a} {relation} {b} and fails for {a} {other} {b}: the case meant is not stated",
                )
    return verdict


def _not_read(sides, relations, unread) -> str:
    """``link 1 (...), link 2 (...) are not read (why)``: the links not read alone, those for one reason together."""
    reasons: dict = {}
    for k, verdict in sorted(unread.items()):
        reasons.setdefault(verdict.detail, []).append(_name(sides, relations, k))
    return "; ".join(
        f"{', '.join(names)} {'is' if len(names) == 1 else 'are'} not read ({why})" for why, names in reasons.items()
    )


NAMED = {
    True: "they write names a chain read as equations or under conditions may tie together",
    False: "they write names the tag does not define",
}


def _states_conditions(text) -> bool:
    """Whether the formula states conditions beside its chain (``\\text{for } x < 0``, ``i \\ne j``, ``where
    \\beta = 0.9``), which a link read alone would lose (unreadable: as if it did)."""
    from derive.docs.interpret import rewrite_chain

    try:
        conditions = rewrite_chain(text)[2]
    except Exception:  # unreadable: its conditions are not known
        return True
    return bool(list(conditions) or conditions.comparisons or conditions.definitions or conditions.remark)


def _tag_names(binding) -> set:
    """The names the tag defines or declares (``\\epsilon = 0.2``, ``x: vector``, ``f(x) = x^2``), by their base name."""
    from derive.docs.side_names import _normal_name

    names = set()
    for name in [*binding.overrides, *binding.kinds]:
        try:
            names.add(re.split(r"[_(^]", _normal_name(name))[0])
        except Exception:  # not one name: it defines none
            continue
    clauses = [clause.name for clause in binding.clauses if isinstance(getattr(clause, "name", None), str)]
    return names | {re.split(r"[_(^]", name)[0] for name in clauses}  # alpha_H > 0 declares the alpha of \alpha_H


def _laws_at_points(sides) -> set:
    """The names of laws the sides write at a point (``\\textsf{Beta}(\\theta \\mid a, b)``, ``\\mathcal{N}(x; \\mu,
    \\sigma^2)``), and B beside a Beta law so written, the beta function: their meaning no other link changes."""
    from derive.docs.free import child_sides
    from derive.docs.law_functions import law_of, writes_beta_at_a_point
    from derive.docs.side_names import atoms_in

    try:
        names = {atom.key for atom in atoms_in(sides, child_sides) if law_of(atom) is not None}
    except Exception:  # unparseable: no law read
        return set()
    return names | ({"B"} if any(writes_beta_at_a_point(side.written) for side in sides) else set())


RELATION_LATEX = {"<=": "\\le", ">=": "\\ge", "~": "\\approx", "!=": "\\ne", "propto": "\\propto"}
CONSTANTS = {"pi"}  # a name whose meaning no document changes


def _latex(sides, relations, k) -> str:
    """Link k of the chain as a formula of its own."""
    return chain_latex(sides, relations, k, k + 2)


def chain_latex(sides, relations, start, stop) -> str:
    """The sides start..stop - 1 of a chain, with the relations between them, as a formula of its own."""
    text = sides[start].written
    for k in range(start, stop - 1):
        text += f" {RELATION_LATEX.get(relations[k], relations[k])} {sides[k + 1].written}"
    return text


def _name(sides, relations, k) -> str:
    """``link 3 (\\frac{5}{210} ... = 0.0022676)``: a link by its number and its sides as written."""
    return f"link {k + 1} ({_latex(sides, relations, k)})"


def _relation_word(relation) -> str:
    return "fails" if relation in ("=", "~", "propto") else "is violated"


def _written_names(sides) -> set:
    """The names the sides write, inside sums, fractions and arguments too (none when a side cannot be parsed)."""
    from derive.docs.free import child_sides
    from derive.docs.side_names import _atom_keys

    try:
        return _atom_keys(sides, child_sides)
    except Exception:  # unparseable: nothing to share with a link decided alone, which parsed
        return set()


def _own_names(sides, untagged) -> set:
    """The names a link writes that must have a meaning for it to be read alone: tagged, the variables its sums,
    expectations and integrals bind (x in \\sum_x f(x) p(x), in E_{x \\sim q}) are the link's own, whatever the others
    write."""
    written = _written_names(sides)
    return written if untagged else written - _bound_names(sides)


def _bound_names(sides) -> set:
    """The variables the sides' sums, expectations (E_{x \\sim p}) and integrals bind, inside any nesting."""
    from derive.docs.free import child_sides
    from derive.docs.joint_law import _nodes_reached
    from derive.docs.nodes import Atom, Integral, SumNode

    bound = set()
    for node in _nodes_reached(sides, child_sides):
        if isinstance(node, SumNode):
            bound |= set(node.variables)
        elif isinstance(node, Integral):
            bound.add(node.variable)
        elif isinstance(node, Atom) and node.key in ("E", "bb_E") and "sim" in (node.sub_text or ""):
            bound.add(node.sub_text.partition("sim")[0])
    return bound


def _defined_names(sides, parameters=False) -> set:
    """The names a link may define: a side that is one name alone (``score = \\ldots``, ``f(x) = \\ldots``); with
    ``parameters``, the names that name is applied to as well, which its role may constrain (``y`` in
    ``l(\\mathbf{y}, \\hat{\\mathbf{y}}) = -\\sum_j y_j \\log \\hat{y}_j``, a distribution whose entries sum to 1)."""
    from derive.docs.side_names import single_atom

    atoms = [atom for atom in map(single_atom, sides) if atom is not None]
    names = {atom.key for atom in atoms}
    for atom in atoms if parameters else ():
        names |= _written_names(list(atom.args or ()))
    return names
