"""With no result, the shared notation's x, y, z, g are vectors only where the formula uses them as vectors; elsewhere
they are the formula's own variables (a number, or a vector where it indexes them), as untagged.

A formula uses a name as a vector when it indexes it by a letter (``x_i``; ``x_0`` beside a number x is a name of
its own), transposes it (``x^\\top``) or writes it right after a transposed name (``x^\\top y``), writes it bold
(``\\mathbf{x}``), takes its norm (``\\|x\\|``) or passes it to a function of vectors (``\\operatorname{softmax}(x /
\\tau)``, ``\\operatorname{diag}(x)``, ``\\operatorname{LSE}(x)``), or when the body of a function the tag defines
sums over it, norms it or applies a softmax to it.
"""

from __future__ import annotations

import re

SHARED_VECTORS = ("x", "y", "z", "g")

# functions whose argument is a vector: a name anywhere in the bracket after one is used as a vector
VECTOR_FUNCTION = re.compile(
    r"(?:\\operatorname\s*\*?\s*\{\s*|\\(?:text|mathrm|textrm)\s*\{\s*|\\)"
    r"(?:softmax|Softmax|log[_\\ ]*softmax|Log[_\\ ]*[Ss]oftmax|LSE|logsumexp|LogSumExp|diag)\s*\}?\s*"
    r"(?:\\left\s*|\\[Bb]ig+[lr]?\s*)?(?P<open>[(\[])"
)
NORM = re.compile(r"\\\||\\[lr]?Vert")
BOLD = r"\\(?:mathbf|boldsymbol|bm|vec|mathbfit)\s*\{{?\s*{name}\b"
INDEXED_OR_TRANSPOSED = (
    r"(?<![A-Za-z\\]){name}(?![A-Za-z])\s*(?:_(?!\s*\{{?\s*\d+\s*\}}?)|\^\s*(?:\\top|\\intercal|T\b|\{{\s*(?:\\top|\\intercal|T|\\mathsf"
    r"\s*\{{?\s*T\s*\}}?)\s*\}}|\\mathsf\s*\{{?\s*T))"
)
# the right operand of an inner product or of a transposed matrix: x^\top y, W^{T} \, y
AFTER_TRANSPOSE = (
    r"\^\s*(?:\\top|\\intercal|T\b|\{{\s*(?:\\top|\\intercal|T|\\mathsf\s*\{{?\s*T\s*\}}?)\s*\}})\s*(?:\\[,;:! ]\s*)*"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{{\s*)?{name}(?![A-Za-z])"
)


def used_as_vector(name: str, text: str) -> bool:
    """Whether ``text`` indexes, transposes, bolds or norms the one-letter ``name`` or passes it to a function of
    vectors."""
    if re.search(BOLD.format(name=re.escape(name)), text):
        return True
    if re.search(INDEXED_OR_TRANSPOSED.format(name=re.escape(name)), text):
        return True
    if re.search(AFTER_TRANSPOSE.format(name=re.escape(name)), text):
        return True
    return any(_names(name, part) for part in _norms(text) + _vector_arguments(text))


def shared_vectors_as_numbers(vocab, text: str, declared: set, bodies=()):
    """``vocab`` (a notation with no result) without those of x, y, z, g that neither the tag declares nor ``text``
    nor a function body of the tag uses as vectors."""
    if vocab.name:
        return vocab
    dropped = [
        name
        for name in SHARED_VECTORS
        if name in vocab.entries
        and name not in declared
        and not used_as_vector(name, text)
        and not any(used_as_vector(name, body) for body in bodies)
    ]
    return vocab.with_(entries={k: v for k, v in vocab.entries.items() if k not in dropped}) if dropped else vocab


def _names(name: str, text: str) -> bool:
    return re.search(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])", text) is not None


def _norms(text: str) -> list:
    """The texts between pairs of norm bars (``\\|x\\|``, ``\\lVert x \\rVert``), in order."""
    bars = list(NORM.finditer(text))
    return [text[bars[k].end() : bars[k + 1].start()] for k in range(0, len(bars) - 1, 2)]


def _vector_arguments(text: str) -> list:
    """The bracketed arguments of the functions of vectors ``text`` applies."""
    closing = {"(": ")", "[": "]"}
    found = []
    for match in VECTOR_FUNCTION.finditer(text):
        opening, depth, start = match.group("open"), 0, match.end()
        for at in range(match.start("open"), len(text)):
            if text[at] == opening:
                depth += 1
            elif text[at] == closing[opening]:
                depth -= 1
                if depth == 0:
                    found.append(text[start:at])
                    break
        else:
            found.append(text[start:])
    return found
