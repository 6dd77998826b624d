"""A tag clause that relates names rather than defining one: ``\\mathbf{A} = \\mathbf{A}^\\top``, ``Q^\\top Q = I``,
``\\mathbf{A}\\mathbf{x} = \\lambda\\mathbf{x}``.

Linear-algebra notes state a matrix's structure as an equation among its own names. A name equal to its own
transpose is a symmetric matrix, and is read so (sampled as (B + B^T)/2, as ``A: symmetric matrix`` is). Any other
clause whose left side is a product of names the formula writes (an orthogonal Q, an eigenvector x of A) is a
condition on those names the checker does not impose: rather than reading it as a definition of the product's first
name (Q = I, A = λx), the formula is left UNKNOWN with that reason.
"""

from __future__ import annotations

import re


def symmetric_name(name: str, meaning: str) -> str | None:
    """The name a clause ``M = M^\\top`` (or ``M^\\top = M``) says is a symmetric matrix, as written; None for any
    other clause."""
    from derive.docs.tags import TRANSPOSED, _is_one_symbol, _same_name

    for plain, transposed in ((name, meaning), (meaning, name)):
        found = TRANSPOSED.search(transposed)
        if found is None or transposed[found.end() :].strip():
            continue
        try:
            if _is_one_symbol(plain) and _same_name(plain, transposed[: found.start()]):
                return plain.strip()
        except Exception:  # noqa: BLE001  (not readable as a name: no such clause)
            continue
    return None


OPERATOR = re.compile(
    r"[-+/|()\[\]<>,=!^_]|\\(?:otimes|odot|oplus|circ|cdot|times|ast|star|frac|sum|prod|int)(?![A-Za-z])"
)


def _product_of_names(latex: str) -> bool:
    """Whether an expression is names side by side, some transposed (Q^\\top Q, A x), and nothing else."""
    from derive.docs.tags import TRANSPOSED

    bare = re.sub(r"_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9])", "", TRANSPOSED.sub("", latex))  # subscripts belong to names
    return not OPERATOR.search(bare) and not bare.strip()[:1].isdigit()


def unimposed_relation(written, meaning, formula: str) -> str | None:
    """Why a tag clause ``written = meaning`` cannot be read for the formula: its left side a product of names
    (Q^\\top Q, A x, two factors at least), one of which the formula writes, where the formula does not write the product
    itself (which the clause would then rename, derive.docs.renamed_expressions) nor the one name the right side is;
    None otherwise."""
    from derive.docs.expression_values import _names
    from derive.docs.renamed_expressions import _pattern
    from derive.docs.tags import TRANSPOSED, _is_one_symbol

    if not isinstance(written, str) or not isinstance(meaning, str) or not _product_of_names(written):
        return None
    names, called, used = _names(written), _names(meaning), _names(formula)
    if len(names) < 2 and not TRANSPOSED.search(written) or "?" in names or len(called) == 1 and called <= used:
        return None
    if _pattern(written).search(formula) and _is_one_symbol(meaning):
        return None  # {v'_w}^\\top v_{w_I} = x where the formula writes the product: its name
    shared = sorted(names & used)
    if not shared:
        return None
    return (
        f"the tag's clause {written.strip()} = {meaning.strip()} is a condition relating {', '.join(shared)}, "
        "which the checker does not impose (it defines none of them)"
    )
