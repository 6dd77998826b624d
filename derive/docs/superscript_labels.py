r"""Matrices and vectors a tag declares under a name with a letter raised as a label (``\mathbf{W}^q, \mathbf{W}^k \in
\mathbb{R}^{d \times d_k}``, as attention's query and key projections are written): ``W^q`` is the matrix named so,
never W to the power q.

A letter raised over a name is a power in most notation, so it is read as a label only where the tag declares the
raised name itself a vector or a matrix (``\in \mathbb{R}^{...}``) and gives the letter no meaning of its own (a
``q: positive integer`` keeps the power). The name is then written with the label in parentheses (``W^{(q)}``), the
spelling the checker reads as a name of its own, in the tag and in the formula alike.
"""

from __future__ import annotations

import re

# a letter or a command with its braced argument (W, \mathbf{W}, \boldsymbol{\theta}), then ^ and one letter or a word
HEAD = r"\\[A-Za-z]+\s*\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z]"
# a Greek letter raised over a name labels it as a Latin one does (P^\pi, the transitions under the policy pi)
GREEK = (
    r"\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|xi|pi|rho|sigma"
    r"|tau|upsilon|phi|varphi|chi|psi|omega)(?![A-Za-z])"
)
LABEL = rf"{GREEK}|[A-Za-z]|\{{\s*(?:{GREEK}|[A-Za-z]+)\s*\}}"
LABELLED = re.compile(rf"^(?P<head>{HEAD})\s*\^\s*(?P<label>{LABEL})$")
MEMBERSHIP = re.compile(r"^(?P<names>.+?)\s*(?:\\in(?![A-Za-z])|∈)\s*(?P<set>.+)$")
# a definition of a labelled name, with a subscript after the label or none: R^d_{\Theta, i} = ...
DEFINED = re.compile(
    rf"^(?P<head>{HEAD})\s*\^\s*(?P<label>{LABEL})\s*(?:_\s*(?:\{{[^{{}}]*\}}|\w))?\s*=(?P<body>.+)$", re.S
)
WRITTEN_OUT = re.compile(r"\\begin\s*\{\s*[bpvBV]?matrix\s*\}")
ARRAY_SPACE = re.compile(r"^\\mathbb\s*\{?\s*R\s*\}?\s*\^\s*(?:\{(?P<sup>[^{}]+)\}|(?P<letter>[A-Za-z]))$")


def _top_level_parts(text: str) -> list[str]:
    """``text`` split at the commas outside every brace and bracket."""
    parts, depth, start = [], 0, 0
    for at, character in enumerate(text):
        depth += character in "{([" and 1 or 0
        depth -= character in "})]" and 1 or 0
        if character == "," and depth == 0:
            parts.append(text[start:at])
            start = at + 1
    return [*parts, text[start:]]


def _is_array_space(space: str) -> bool:
    """Whether ``space`` is a space of vectors or matrices (\\mathbb{R}^d, \\mathbb{R}^{d \\times k}), not of numbers."""
    found = ARRAY_SPACE.match(" ".join(space.split()))
    return bool(found) and (found.group("sup") or found.group("letter")).strip() not in ("1", "+", "++")


def declared_labels(clauses: list[str]) -> tuple:
    """(head, label letters) of each name the tag declares a vector or matrix with a raised letter (``W^q \\in
    \\mathbb{R}^{d \\times k}``), unless another clause gives that letter a meaning."""
    found = []
    for clause in clauses:
        found.extend(_written_out(clause))
        membership = MEMBERSHIP.match(clause.strip())
        if membership is None or not _is_array_space(membership.group("set")):
            continue
        for part in _top_level_parts(membership.group("names")):
            labelled = LABELLED.match(part.strip())
            if labelled:
                label = labelled.group("label").strip("{} ")
                found.append((" ".join(labelled.group("head").split()), label))
    meant = {_opening_name(clause) for clause in clauses}
    return tuple(pair for pair in dict.fromkeys(found) if pair[1] not in meant)


def _written_out(clause: str) -> list:
    """[(head, label)] for a definition of a name with a raised letter as a matrix written out entry by entry
    (``R^d_{\\Theta, i} = \\begin{bmatrix} ... \\end{bmatrix}``), the letter nowhere in the entries: a power of a
    name is never so defined."""
    defined = DEFINED.match(clause.strip())
    if defined is None or not WRITTEN_OUT.match(defined.group("body").strip()):
        return []
    label = defined.group("label").strip("{} ")
    if re.search(rf"(?<![A-Za-z\\]){re.escape(label)}(?![A-Za-z])", defined.group("body")):
        return []
    return [(" ".join(defined.group("head").split()), label)]


def _opening_name(clause: str) -> str:
    """The letters a clause opens with when it gives them a meaning (``q: integer``, ``q = 2``, ``q > 0``), else ''."""
    found = re.match(r"\s*([A-Za-z]+)\s*(?::|=|<|>|\\(?:in|le|ge|leq|geq)(?![A-Za-z]))", clause)
    return found.group(1) if found else ""


def with_labels(text: str, labels: tuple) -> str:
    """``text`` with each declared labelled name written with its label in parentheses (``W^q`` as ``W^{(q)}``)."""
    for head, label in labels:
        spelt = r"\s*".join(re.escape(part) for part in head.split())
        before = r"(?<![A-Za-z\\])" if re.fullmatch(r"[A-Za-z]", head) else ""
        raised = (
            rf"(?:{re.escape(label)}(?![A-Za-z0-9])|\{{\s*{re.escape(label)}\s*\}})"
            if len(label) == 1 or label.startswith("\\")
            else (rf"\{{\s*{re.escape(label)}\s*\}}")
        )
        text = re.sub(rf"{before}({spelt})\s*\^\s*{raised}", lambda m: f"{m.group(1)}^{{({label})}}", text)
    return text
