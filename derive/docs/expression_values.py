"""A tag that gives an expression a value (``\\|\\mathbf{q} - \\mathbf{k}\\| = 1``): the formula read with that value
where it writes the expression.

Authors state a distance, a norm or a score rather than the vectors behind it ("for keys at distance 1 from the
query"). Where the formula uses the expression's names only inside that expression, it depends on them only through
its value, and the value is put in its place. Where it also uses them elsewhere (``\\|u\\| = 1`` beside ``u^\\top u``),
the value alone does not fix the formula, and the tag is read as before (the expression is no name: UNKNOWN).
"""

from __future__ import annotations

import dataclasses
import re

NUMBER = re.compile(r"^\s*-?\d+(?:\.\d+)?\s*$")
SPACE = re.compile(r"\s+")


def with_expression_values(text: str, binding):
    """(the formula with each expression the tag sets to a number replaced by that number, the binding without those
    clauses, the values put in as ``\\|q - k\\| = 1``); unchanged, with an empty text, where no such clause applies."""
    from derive.docs.side_names import _normal_name

    put = []
    counts = _counts(binding)
    for written, value in list(binding.overrides.items()):
        if not isinstance(written, str) or not isinstance(value, str):
            continue
        if not NUMBER.match(value) and not _a_count(value, counts):
            continue
        try:
            _normal_name(written)
            continue  # a name: the tag's own definition
        except Exception:  # noqa: BLE001  (unreadable as a name: perhaps an expression)
            pass
        replaced = _replaced(text, written, value.strip())
        if replaced is None or _names(written) & _names(replaced):
            continue
        overrides = {k: v for k, v in binding.overrides.items() if k != written}
        text, binding = replaced, dataclasses.replace(binding, overrides=overrides)
        put.append(f"{written.strip()} = {value.strip()}")
    return text, binding, "; ".join(put)


COUNT_KINDS = ("positive integer", "nonnegative integer", "non-negative integer", "dimension", "size")


def _counts(binding) -> set:
    """The names the tag declares counts: whole numbers (n: positive integer, i \\in \\{1, \\ldots, n\\}) or the
    sizes of its vectors and matrices (\\mathbb{R}^n)."""
    from derive.docs.tags import KindClause

    found = set()
    for clause in binding.clauses:
        if isinstance(clause, KindClause):
            found.update(size.strip() for size in clause.over)
            if clause.kind in COUNT_KINDS:
                found.add(clause.name)
    return found


def _a_count(value: str, counts: set) -> bool:
    """Whether a value is one name the tag declares a count (``|\\mathcal{O}| = n``): the size of a set is one, so
    the name's values are the expression's."""
    from derive.docs.side_names import _normal_name

    try:
        return _normal_name(value) in counts
    except Exception:  # noqa: BLE001  (not one name)
        return False


def _replaced(text: str, written: str, value: str) -> str | None:
    """``text`` with every occurrence of the expression (spaces aside) replaced by the value, or None if it has none."""
    pattern = r"\s*".join(re.escape(part) for part in SPACE.sub("", written))
    found = re.compile(pattern)
    if not found.search(text):
        return None
    return found.sub(lambda _: "{(" + value + ")}", text)


def _names(latex: str) -> set:
    """The keys of the names a LaTeX expression writes (empty when it cannot be read)."""
    from derive.docs.free import child_sides
    from derive.docs.interpret import rewrite_chain
    from derive.docs.side_names import _atom_keys

    try:
        sides, _, _ = rewrite_chain(latex)
    except Exception:  # noqa: BLE001  (an unreadable expression: nothing replaced)
        return {"?"}
    return _atom_keys(sides, child_sides)
