r"""The names a formula compares with a sum's index: perhaps whole numbers within the index's range.

In \sum_{i=1}^{n} \min(i, w) = nw - \frac{w(w-1)}{2} the window w is met by the index i, and the formula holds
for a whole number w \le n only; so is k in \sum_{i=k}^{n}, a sum's first term. Read as any real number, such a
name refutes what its author claims for whole numbers.
"""

from __future__ import annotations

import dataclasses

from derive.docs.interpret import rewrite_chain
from derive.docs.nodes import Apply, Atom, Number, SumNode
from derive.docs.parse import parse_latex
from derive.docs.side_names import atoms_in, single_atom

COMPARING = ("min", "max")  # the operations that compare their arguments


def compared_with_index(text: str) -> dict:
    """Each plain name the formula compares with a sum's index (in a min or max that holds the index, or as the
    sum's first term), mapped to the bounds of that index: (the lower bound as a whole number or None, the upper
    bound's name or None)."""
    from derive.docs.free import child_sides

    sides, _, _ = rewrite_chain(text)
    found: dict = {}
    todo = list(sides)
    while todo:
        side = todo.pop()
        for node in side.nodes(parse_latex(side.text)):
            if isinstance(node, SumNode) and len(node.variables) == 1 and node.low is not None:
                index, bounds = node.variables[0], (_whole(node.low), _plain_name(node.high))
                names = {atom.key for atom in atoms_in([node.low], child_sides) if _plain(atom)} - {index}
                names |= _compared_in(node.body, index, child_sides)
                for name in names:
                    found.setdefault(name, bounds)
            todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))
    return found


def _compared_in(body, index, child_sides) -> set:
    """The plain names other than the index inside a min or max of the body whose arguments write the index."""
    names, todo = set(), [body]
    while todo:
        side = todo.pop()
        for node in side.nodes(parse_latex(side.text)):
            if isinstance(node, Apply) and node.op in COMPARING:
                written = {atom.key for atom in atoms_in(node.args, child_sides) if _plain(atom)}
                if index in written:
                    names |= written - {index}
            todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))
    return names


def _plain(atom: Atom) -> bool:
    return atom.args is None and not atom.sub and not atom.decoration and not atom.step


def _whole(side):
    """The side's value when it is a whole number written as digits, else None."""
    try:
        node = side.node(parse_latex(side.text))
    except Exception:  # not one placeholder: no written number
        return None
    if isinstance(node, Number) and node.text.isdigit():
        return int(node.text)
    text = side.text.strip()
    return int(text) if text.isdigit() else None


def _plain_name(side):
    """The key of the side when it is one plain name (the n of \\sum_{i=1}^{n}), else None."""
    atom = single_atom(side) if side is not None else None
    return atom.key if atom is not None and _plain(atom) else None


def whole_number_doubt(text, kinds, verdict, decide):
    """The verdict when reading each name that may be a whole number (one compared with a sum's index, in the
    index's range; a count's letter written as an exponent or rounded, from 1 on) as one agrees with it; else UNKNOWN with both
    readings. ``kinds`` are the formula's own names and their kinds; ``decide(conditions, names)`` decides the
    formula again with ``names`` whole numbers under the LaTeX ``conditions`` that keep them in their range."""
    from derive.docs.count_letters import counts_read_as_whole
    from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

    if verdict.verdict not in (PASS, FAIL):
        return verdict
    try:
        compared = compared_with_index(text)
        counts = {name: (1, None) for name in counts_read_as_whole(text) if name not in compared}
    except Exception:  # unreadable: the reading reports it
        return verdict
    names = sorted(name for name in {**compared, **counts} if kinds.get(name) in ("real", "positive", "small"))
    if not names:
        return verdict
    conditions = []
    for name in names:
        low, high = compared.get(name) or counts[name]
        if low is not None:
            conditions.append(f"{_latex(name)} \\ge {low}")
        if high is not None:
            conditions.append(f"{_latex(name)} \\le {_latex(high)}")
    other = decide(conditions, names)
    met = [name for name in names if name in compared]
    exponents = [name for name in names if name not in compared]
    if other.verdict == verdict.verdict == FAIL:
        where = "from 1 on" if exponents else "in the index's range"
        return dataclasses.replace(
            verdict, detail=f"{verdict.detail}; with {', '.join(names)} a whole number {where} too: {other.detail}"
        )
    if other.verdict == verdict.verdict:
        return verdict
    as_whole = {PASS: "holds", FAIL: f"fails ({other.detail})"}.get(other.verdict, f"is not decided ({other.detail})")
    why = "; ".join(
        [f"{', '.join(met)} meets a sum's index, so may be a whole number in the index's range"] * bool(met)
        + [f"{', '.join(exponents)}, written as a count is, may be a whole number from 1 on"] * bool(exponents)
    )
    return Verdict(
        UNKNOWN,
        f"{why}: read so it {as_whole}; as any real number it {'holds' if verdict.verdict == PASS else 'fails'}"
        f" ({verdict.detail})",
    )


def _latex(key: str) -> str:
    """A plain name's key as LaTeX: w, n, or \\alpha for alpha."""
    return key if len(key) == 1 else f"\\{key}"
