r"""A product of two vectors written ``x q^\top`` and set to one number: the vectors as rows, the product their inner
product.

Books and notebooks that put examples in rows, as code does, write the score of a query against an input as
``\omega_{21} = x^{(1)} q^{(2)\top}``. With the vectors read as columns the product is their outer product, a matrix,
which a single number can never be; the formula fails then only on its shapes. Read with both vectors as rows (the
same as ``x^{(1)\top} q^{(2)}`` with columns), it is the inner product, and the formula is decided so, with the
reading named. Vectors written bold, or a formula that also writes a product in the column order (``x^\top y =
y x^\top``), keep the columns: there the outer product is what the formula says, and its FAIL stands.
"""

from __future__ import annotations

import re

from derive.docs.verdict import FAIL, PASS, Verdict

# the shape mismatch of a matrix set to one number, as the checker words it
SHAPE_MISMATCH = re.compile(r"\d+ values against 1 written|a number is never a \d+x\d+ matrix")
NAME = r"[A-Za-z]"  # a plain letter: a bold one is a column vector by the convention that writes it so
LABEL = r"\^\s*\{\s*\(\s*[A-Za-z0-9]+\s*\)\s*\}"
SUBSCRIPT = r"_\s*(?:\{[^{}]*\}|[A-Za-z0-9])"
OUTER = re.compile(
    rf"(?<![A-Za-z\\])(?P<left>{NAME})(?P<left_sub>{SUBSCRIPT})?(?P<left_label>{LABEL})?\s*"
    rf"(?P<right>{NAME})(?P<right_sub>{SUBSCRIPT})?"
    rf"\^\s*(?:\{{\s*(?P<label>\(\s*[A-Za-z0-9]+\s*\))?\s*(?:\\top|\\intercal|T)\s*\}}|\\top(?![A-Za-z])|T(?![A-Za-z]))"
)


# a product written in the column order, x^\top q: the formula reads its vectors as columns
COLUMN_PRODUCT = re.compile(
    r"(?:\^\s*\{\s*(?:\([^()]*\))?\s*(?:\\top|\\intercal|T)\s*\}|\^\s*\\top(?![A-Za-z])|\^\s*T(?![A-Za-z]))\s*"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{|\\?[A-Za-z])"
)


def _as_rows(match) -> str:
    """``x q^\\top`` written ``x^\\top q``: the inner product of the two vectors read as columns."""
    label = match.group("left_label")
    inner = label[label.index("{") + 1 : label.rindex("}")].strip() if label else ""
    left = f"{match.group('left')}{match.group('left_sub') or ''}^{{{inner}\\top}}"
    right_label = f"^{{{match.group('label')}}}" if match.group("label") else ""
    return f"{left} {match.group('right')}{match.group('right_sub') or ''}{right_label}"


def row_product_doubt(text: str, verdict: Verdict, decide_text) -> Verdict:
    """``verdict``, or the verdict of the formula with its products ``x q^\\top`` read as inner products where it
    failed only as a matrix set to one number and that reading decides it."""
    if verdict.verdict != FAIL or not SHAPE_MISMATCH.search(verdict.detail) or not OUTER.search(text):
        return verdict
    if COLUMN_PRODUCT.search(text):  # x^\top y = y x^\top: columns, as the formula's own x^\top y shows
        return verdict
    rows = OUTER.sub(_as_rows, text)
    other = decide_text(rows)
    if other.verdict not in (PASS, FAIL) or SHAPE_MISMATCH.search(other.detail):
        return verdict
    return Verdict(
        other.verdict,
        f"read with the vectors of {OUTER.search(text).group(0).strip()} as rows, their product a number ({rows}):"
        f" {other.detail}",
    )
