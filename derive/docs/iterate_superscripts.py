r"""A raised 0, raised steps of one letter (``w^0 = 4.5``, ``w^{k} = w^{k-1} - \eta g'(w^{k-1})``), or a raised 1 beside
a raised 2 of one name (``n_\text{max}^1 \times n_\text{max}^2 = n_\text{max}``): labels, not powers.

Optimisation notes number the iterates of a method with a raised index: ``w^0`` is the starting point and ``w^{k}``
the k-th step, computed from ``w^{k-1}``. Read as powers, ``w^0 = 4.5`` says 1 = 4.5 and the update rule an identity
in k and w, and both fail. A name raised to 0 (which as a power is 1 whatever the name is), or raised to a letter
and, on the other side, to that letter plus or minus a whole number, alone on the left of an equation (a starting
value, an update rule) may be such a label; a power inside an expression (``\frac{d}{dx} x^n = n x^{n-1}``) is
not. Pages also number the parts of a quantity so (the two factors n_max^1 and n_max^2 of n_max, the two widths
d_h^1 and d_h^2 of d_h): a name raised to 1, which as a power would be the name itself, beside the same name raised
to 2, names two parts. Untagged, a FAIL of the powers stands only where the formula read with those scripts as labels
(``w^{(0)}``, ``w^{(k)}``, ``n^{(1)}``, names of their own) fails too: read so, a starting value or an update rule
defines the iterate, and a relation between parts claims nothing for every value."""

from __future__ import annotations

import re

from derive.docs.superscript_labels import GREEK
from derive.docs.verdict import FAIL, UNKNOWN, Verdict

# a letter (not Euler's e), a Greek letter, or one of them in a font command, with its subscript if written first
HEAD = rf"(?:\\(?:mathbf|boldsymbol|bm|mathit)\s*\{{\s*(?:{GREEK}|[A-Za-z])\s*\}}|{GREEK}|[A-Za-df-z])"
# a subscript: braced (with one level of braces inside, _{\text{max}}), a command's argument (_\text{max}) or one character
SUBSCRIPT = r"(?:\s*_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+\s*\{[^{}]*\}|\\?[A-Za-z0-9]))?"
RAISED = re.compile(
    rf"(?<![A-Za-z\\])(?P<name>{HEAD}{SUBSCRIPT})\s*\^\s*(?:\{{\s*(?P<braced>[^{{}}]*?)\s*\}}|(?P<bare>[0-9A-Za-z]))"
)
ALONE = re.compile(rf"^\s*{RAISED.pattern}{SUBSCRIPT}\s*$")  # the whole first side: w^0, d^0_j, w^{k}
STEP = re.compile(r"^(?P<letter>[A-Za-z])(?:\s*[+-]\s*\d+)?$")


def _labelled(text: str) -> set[str]:
    """The names (with their subscripts) the text raises as labels: its first side raised to 0 or to a step of a
    letter that the text also raises it to at another step (``w^{k} = w^{k-1} - ...``), a starting value or an update
    rule, and any name raised both to 1 and to 2 (two numbered parts of it); else none."""
    return _iterate(text) | _numbered_parts(text)


def _script(found) -> str:
    """The raised script of a RAISED match, its spaces made single."""
    return " ".join((found.group("braced") or found.group("bare")).split())


def _numbered_parts(text: str) -> set[str]:
    """The names the text raises both to 1 and to 2, and to no 0 or letter (``n_\\text{max}^1 \\times n_\\text{max}^2``)."""
    raised: dict[str, set[str]] = {}
    for found in RAISED.finditer(text):
        raised.setdefault(" ".join(found.group("name").split()), set()).add(_script(found))
    # a name also raised to 0 or to a letter (x^0, x^1, x^2, x^k) is a polynomial's powers listed
    return {
        name
        for name, scripts in raised.items()
        if {"1", "2"} <= scripts and all(script.isdigit() and script != "0" for script in scripts)
    }


def _iterate(text: str) -> set[str]:
    """The name the text's first side is, raised to 0 or to a step of a letter raised at another step too; else none."""
    if "=" not in text:
        return set()
    first = ALONE.match(text.split("=", 1)[0])
    if first is None:
        return set()
    name = " ".join(first.group("name").split())
    script = _script(first)
    if script == "0":
        return {name}
    step = STEP.match(script)
    if step is None:
        return set()
    others = {
        _script(found)
        for found in RAISED.finditer(text.split("=", 1)[1])
        if " ".join(found.group("name").split()) == name
    }
    return {name} if any(STEP.match(o) and o[0] == script[0] and o != script for o in others) else set()


def as_labels(text: str, names: set[str] | None = None) -> str | None:
    """The text with each raised script of ``names`` (by default those :func:`_labelled` finds) written as a label
    (``w^{(k-1)}``); None without one."""
    names = _labelled(text) if names is None else names
    if not names:
        return None

    def label(found):
        if " ".join(found.group("name").split()) not in names:
            return found.group(0)
        script = found.group("braced") or found.group("bare")
        return f"{found.group('name')}^{{({script})}}"

    return RAISED.sub(label, text)


def iterate_doubt(text: str, verdict: Verdict, read_again) -> Verdict:
    """``verdict``, or UNKNOWN when it is a FAIL of powers that may be an iterate's labels and the formula read with
    them as labels (``read_again``: text -> (verdict, what the reading is)) does not fail."""
    if verdict.verdict != FAIL:
        return verdict
    labelled = as_labels(text)
    if labelled is None:
        return verdict
    other, reading = read_again(labelled)
    if other.verdict == FAIL:
        return verdict
    return Verdict(
        UNKNOWN,
        f"a raised 0, raised steps of one letter or a raised 1 beside a raised 2 may label an iterate or numbered"
        f" parts ({labelled}), not powers: read as powers it"
        f" fails ({verdict.detail}); read as labels, {reading}",
    )


def tag_numbered_parts(tag: str, latex: str) -> tuple[str, str] | None:
    """The tag and the formula with the numbered parts the tag defines (``n_\\text{max}^1 = 512; n_\\text{max}^2 =
    1024``: a name raised to 1 and to 2 on the left of its definitions, which as powers would define nothing) written
    as labels in both; None where the tag defines none."""
    lefts = " ; ".join(clause.split("=", 1)[0] for clause in tag.split(";") if "=" in clause)
    names = _numbered_parts(lefts)
    if not names:
        return None
    return as_labels(tag, names), as_labels(latex, names) or latex
