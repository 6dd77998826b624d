"""Names a tag spells as a run of plain letters (``eta0``, ``eta_0``, ``power\\_t``, ``lr``): one italic name wherever
the tag and the formula write them, as library documentation names a function's arguments.

In LaTeX a run of letters is a product of one-letter names (``ab`` is a times b), so such a name is read as one only
when a clause of the tag defines or declares it by itself (``eta_0 = 0.01``, ``lr: positive``), the run is no
function's name, and its letters are not each declared by the tag (``a: real; b: real; ab = 1`` keeps a product);
two letters alone need a subscript, a digit, a kind, a set or a definition (``lr = 0.1``, ``dx \\in \\mathbb{R}``;
``xy > 0`` is a product); a letter followed by digits (``x1, x2 \\in \\mathbb{R}``) is one name, also anywhere in a
comparison the tag states (``x1 - x2 \\ge m``).
"""

from __future__ import annotations

import re

# a run of two or more letters, then digits, then parts joined by an escaped underscore (power\_t)
RUN = r"[A-Za-z]{2,}[0-9]*(?:\\_[A-Za-z0-9]+)*|[A-Za-z][0-9]+(?![0-9])"  # eta0, power\_t, and x1 (a letter, digits)

# a clause that defines or declares one name: NAME (with a subscript) before =, :, a comparison or \in
ONE = rf"(?:{RUN})\s*(?:_\s*(?:\{{[^{{}}]*\}}|[A-Za-z0-9]))?"
# any other name a list may hold beside such runs: a letter or a command, with scripts (V_k, \mathbf{W}^q)
OTHER = r"(?:\\[A-Za-z]+(?:\s*\{[^{}]*\})?|[A-Za-z])(?:\s*[_^]\s*(?:\{[^{}]*\}|[A-Za-z0-9]))*"
DECLARED = re.compile(
    rf"\s*((?:{ONE}|{OTHER})(?:\s*,\s*(?:{ONE}|{OTHER}))*)\s*(=|:|<|>|\\(?:le|ge|leq|geq|in|neq)(?![A-Za-z]))"
)  # NAME, or a list of names (x1, x2 \in \mathbb{R}; dO_i, V_k \in \mathbb{R}^{1 \times d}), before =, :, a comparison or \in

FUNCTION_WORDS = {
    "exp", "log", "ln", "lg", "sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "sech", "csch", "coth", "arcsin", "arccos",
    "arctan", "max", "min", "sup", "inf", "lim", "arg", "argmax", "argmin", "det", "tr", "diag", "sign", "sgn", "var",
    "cov", "softmax", "sigmoid", "relu", "clip", "mod", "gcd", "lcm", "deg", "dim", "ker", "erf", "Pr", "KL",
}  # fmt: skip

# what is kept as written: a word set in a type of its own with its argument (\text{lr}, \mathbf{ab}, \begin{cases}),
# or a command's name alone
_TYPED = "text|textrm|textit|textsf|texttt|mathrm|mathit|mathsf|mathtt|mathbf|boldsymbol|bm|operatorname|mathcal|mathbb"
_KEPT = rf"\\(?:{_TYPED}|begin|end|label|tag)\s*\{{[^{{}}]*\}}|\\[A-Za-z]+"


def tag_words(clauses: list[str]) -> tuple:
    """The runs of letters the tag's clauses define or declare as one name each, longest first."""
    singles = {m.group(1) for clause in clauses for m in [re.match(r"\s*\\?([A-Za-z])\s*(?:[=:<>]|\\)", clause)] if m}
    words = set()
    for clause in clauses:
        found = DECLARED.match(clause)
        if found is None:
            continue
        relation = found.group(2)
        for written in found.group(1).split(","):
            if not re.fullmatch(ONE, written.strip()):
                continue  # a one-letter name of the list (V_k beside dO_i)
            word = re.match(RUN, written.strip()).group(0)
            letters = re.match(r"[A-Za-z]+", word).group(0)
            if letters in FUNCTION_WORDS or (set(letters) <= singles and word == letters):
                continue
            # xy > 0 is as likely a product: two letters alone need a mark (a subscript, a digit, :, = or \in)
            marked = word != letters or "_" in written or relation in (":", "=", "\\in")
            if len(letters) == 2 and not marked:
                continue
            words.add(word)
    for clause in clauses:  # x1 - x2 \ge m: a letter followed by digits the tag compares is one name too
        if COMPARED.search(clause):
            words |= {m.group(0) for m in LETTER_DIGITS.finditer(re.sub(_KEPT, " ", clause))}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


COMPARED = re.compile(r"[<>]|\\(?:le|ge|leq|geq|neq|ne)(?![A-Za-z])")
LETTER_DIGITS = re.compile(r"(?<![A-Za-z0-9\\_^.])[A-Za-z][0-9]+(?![0-9.])")


def italicise(latex: str, words: tuple) -> str:
    """``latex`` with each of ``words`` written as one italic name (``\\mathit{eta}_0``), outside commands' arguments."""
    if not words:
        return latex
    runs = "|".join(re.escape(word) for word in words)
    pattern = re.compile(rf"({_KEPT})|(?<![A-Za-z\\])({runs})(?![A-Za-z0-9])")

    def spell(match):
        return match.group(1) if match.group(1) else rf"\mathit{{{match.group(2)}}}"

    return pattern.sub(spell, latex)
