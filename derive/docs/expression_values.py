"""A tag that gives an expression a value (``\\|\\mathbf{q} - \\mathbf{k}\\| = 1``): the formula read with that value
where it writes the expression.

Authors state a distance, a norm or a score rather than the vectors behind it ("for keys at distance 1 from the
query"). Where the formula uses the expression's names only inside that expression, it depends on them only through
its value, and the value is put in its place: a number, a count or a name the tag declares positive (a distance
``\\|x - x'\\| = \\ell`` beside ``\\ell > 0``), in the formula and in the body of a tag's function that writes the
expression in its own parameters where the formula applies the function at those parameters alone (``k(x, x')``).
Where it also uses them elsewhere, the value alone does not fix the formula, and the tag is read as before (the
expression is no name: UNKNOWN), but for the norm of one vector set to a positive number (``\\|\\mathbf{x}\\| = 1``
beside ``\\phi(\\mathbf{x})``): the vectors of that length are exactly c u / ||u|| for u ≠ 0, so the formula is read
with ``x`` written so, x itself sampled freely. A name the tag declares a matrix (whose norm may be the spectral one),
a name the tag's definitions also use, or one the formula indexes (x_i) keeps the earlier reading.
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
        if not NUMBER.match(value) and not _a_count(value, counts) and not _a_positive_name(value, binding):
            continue
        try:
            _normal_name(written)
            continue  # a name: the tag's own definition
        except Exception:  # noqa: BLE001  (unreadable as a name: perhaps an expression)
            pass
        scaled = _of_length(text, written, value.strip(), binding)
        if scaled is not None:  # \|x\| = 1 beside \phi(x): x read as x / \|x\|
            text, binding = scaled, dataclasses.replace(binding, overrides=_without(binding.overrides, written))
            put.append(f"{written.strip()} = {value.strip()} (the vector read as {_rescaled(written, value.strip())})")
            continue
        defined = _applied_at_parameters(text, written, binding)  # k(x, x') = ... \|x - x'\| ... applied at x, x'
        replaced = _replaced(text, written, value.strip()) or text
        rest = replaced
        for clause in defined:
            rest = _replaced(rest, clause.head, "1") or rest
        if replaced == text and not defined or _names(written) & _names(rest):
            continue
        clauses = [
            dataclasses.replace(clause, body=_replaced(clause.body, written, value.strip()))
            if clause in defined
            else clause
            for clause in binding.clauses
        ]
        overrides = _without(binding.overrides, written)
        text, binding = replaced, dataclasses.replace(binding, overrides=overrides, clauses=clauses)
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


def _a_positive_name(value: str, binding) -> bool:
    """Whether a value is one name the tag declares positive (``\\|x - x'\\| = \\ell`` beside ``\\ell > 0``): a
    distance may be that name, where a name that may be negative or zero may not."""
    from derive.docs.side_names import _normal_name
    from derive.docs.tags import RangeClause

    try:
        key = _normal_name(value)
    except Exception:  # noqa: BLE001  (not one name)
        return False
    for clause in binding.clauses:
        if isinstance(clause, RangeClause) and clause.name == key and clause.low and NUMBER.match(clause.low):
            if float(clause.low) > 0 or float(clause.low) == 0 and clause.strict_low:
                return True
    return any(kind.strip() == "positive" and _normal_name(name) == key for name, kind in binding.kinds.items())


def _applied_at_parameters(text: str, written: str, binding) -> list:
    """The tag's function definitions whose body writes the expression in their own parameters (``k(x, x') = a^2
    \\exp(-\\|x - x'\\|^2 / 2\\ell^2)``) and that the formula applies at those parameters alone (``k(x, x')``, never
    ``k(y, z)``): there the expression's names are the formula's, and the value stands for it in the body too."""
    defined = []
    for clause in binding.clauses:
        head, body = getattr(clause, "head", None), getattr(clause, "body", None)
        if not isinstance(head, str) or not isinstance(body, str) or _replaced(body, written, "1") is None:
            continue
        if not _names(written) <= set(getattr(clause, "params", ())) or "(" not in head:
            continue
        name = head[: head.index("(")]
        if _count(text, head) and _count(text, head) == _count(text, name):
            defined.append(clause)
    return defined


def _count(text: str, written: str) -> int:
    """How often ``text`` writes ``written``, spaces aside."""
    return len(re.findall(r"\s*".join(re.escape(part) for part in SPACE.sub("", written)), text))


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


def _rescaled(written: str, value: str) -> str:
    """How the vector of a norm clause is read, for the verdict: ``x / \\|x\\|`` (``2 x / \\|x\\|``)."""
    inner = next(group for group in NORM.match(written).groups() if group is not None).strip()
    return ("" if float(value) == 1 else f"{value} ") + f"{inner} / \\|{inner}\\|, {inner} sampled"


def _without(overrides: dict, written: str) -> dict:
    return {k: v for k, v in overrides.items() if k != written}


NORM = re.compile(
    r"^\s*(?:\\\|(?P<bars>.+)\\\||\\lVert(?P<lvert>.+)\\rVert|\\Vert(?P<vert>.+)\\Vert|\|\|(?P<pipes>.+)\|\|)\s*$"
)


def _of_length(text: str, written: str, value: str, binding) -> str | None:
    """The formula with the vector ``x`` of a clause ``\\|x\\| = c`` (c a positive number) written ``c x / \\|x\\|``
    wherever it stands, the norm itself replaced by c; None where the clause is no such norm or the reading does not
    apply (see the module's docstring)."""
    from derive.docs.side_names import _normal_name

    found = NORM.match(written)
    if not found or not NUMBER.match(value) or float(value) <= 0:
        return None
    inner = next(group for group in found.groups() if group is not None).strip()
    try:
        key = _normal_name(inner)
    except Exception:  # noqa: BLE001  (the norm of an expression, \|q - k\|: read by its value alone)
        return None
    if "_" in key or "(" in key or _declared_matrix(binding, key) or _named_by_definitions(binding, key, written):
        return None
    text = _replaced(text, written, value) or text
    name = re.compile(
        r"(?<![\\A-Za-z])" + r"\s*".join(re.escape(part) for part in SPACE.sub("", inner)) + r"(?![A-Za-z])"
    )
    after = [SPACE.sub("", text[written_at.end() :]) for written_at in name.finditer(text)]
    if any(rest.startswith(("_", "'", "^{(", "^(")) for rest in after):
        return None  # x_i, x', x^{(1)}: entries or other names, not the vector
    if key not in _names(text) or key in _names(name.sub(" 1 ", text)):
        return None  # the formula writes no x, or writes it otherwise than the tag (x beside \mathbf{x})
    return name.sub(lambda _: "{(" + value + r" \frac{" + inner + r"}{\| " + inner + r" \|})}", text)


def _declared_matrix(binding, key: str) -> bool:
    """Whether the tag declares ``key`` a matrix (\\in \\mathbb{R}^{m \\times n}, ``: matrix``)."""
    from derive.docs.side_names import _normal_name
    from derive.docs.tags import KindClause

    for clause in binding.clauses:
        if isinstance(clause, KindClause) and clause.name == key and (clause.kind == "matrix" or len(clause.over) > 1):
            return True
    for name, kind in binding.kinds.items():
        try:
            if _normal_name(name) == key and ("matrix" in kind or "\\times" in kind):
                return True
        except Exception:  # noqa: BLE001  (not one name)
            continue
    return False


def _named_by_definitions(binding, key: str, written: str) -> bool:
    """Whether another of the tag's definitions writes ``key`` (y = W x): it speaks of x as sampled, not rescaled."""
    return any(
        isinstance(name, str) and isinstance(body, str) and key in _names(name) | _names(body)
        for name, body in binding.overrides.items()
        if name != written
    )
