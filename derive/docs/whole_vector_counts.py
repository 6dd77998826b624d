"""Whether a count the tag declares is the length of vectors: it bounds a sum over their entries, and the formula
also writes one of them whole (\\sum_{l=1}^{m} w_l x_l = \\mathbf{w}^T \\mathbf{x} beside m: positive integer)."""

from __future__ import annotations

from derive.docs.interpret import Atom, Number, SumNode
from derive.docs.joint_law import _nodes_reached
from derive.docs.side_names import single_atom


def counts_a_whole_vectors_entries(sides, key: str) -> bool:
    """Whether ``key`` is the upper bound of a sum from 1 whose terms pick entries, at the sum's index, of a vector the
    sides also write whole: the sum then runs over all the vector's entries, and ``key`` is their number."""
    from derive.docs.free import child_sides

    nodes = list(_nodes_reached(sides, child_sides))
    whole = {node.key for node in nodes if _whole(node)}
    for node in nodes:
        if not isinstance(node, SumNode) or len(node.variables) != 1 or node.high is None or node.excluded:
            continue
        bound = single_atom(node.high)
        if bound is None or bound.key != key or bound.sub or bound.args is not None or bound.decoration:
            continue
        if node.low is not None and not _one(list(_nodes_reached([node.low], child_sides))):
            continue  # Σ_{l=2}^{m}: not every entry
        terms = _nodes_reached([node.body], child_sides)
        if any(_entry_at(term, node.variables[0]) and term.key in whole and term.key != key for term in terms):
            return True
    return False


def _one(nodes) -> bool:
    return len(nodes) == 1 and isinstance(nodes[0], Number) and nodes[0].text.strip() == "1"


def _whole(node) -> bool:
    return isinstance(node, Atom) and not node.sub and node.args is None and not node.step and not node.decoration


def _entry_at(node, index: str) -> bool:
    return isinstance(node, Atom) and node.sub == [index] and node.args is None and not node.step


def whole_vector_counts_as_size(vocab, clauses, sides):
    """``vocab`` where each count the tag declares (m: positive integer) that counts the entries of a vector the formula
    also writes whole is the notation's size, the length its vectors are drawn at; drawn apart from it, a sum up to m
    would stop short of the vector's last entries, or run past them."""
    from derive.docs.tags import KindClause

    if vocab.size is None:
        return vocab
    counts = [
        clause.name
        for clause in clauses
        if isinstance(clause, KindClause) and clause.kind == "positive integer" and not clause.over
    ]
    tied = [key for key in counts if key not in vocab.dims and counts_a_whole_vectors_entries(sides, key)]
    return vocab.with_(dims={**vocab.dims, **dict.fromkeys(tied, vocab.size)}) if tied else vocab
