r"""Untagged, the random variable of a formula about moments that does not call it X: ``\mathbb{E}[p_k^2] = ...``.

A name written only inside expectations, variances and covariances (``p_k`` in ``\mathbb{E}[p_k^2] =
\mathbb{E}[p_k]^2 + \operatorname{Var}(p_k)``) is the random variable they are moments of, and a function applied
to the random variable X alone (``f(X)`` in ``\mathbb{E}[a f(X)] = a \mathbb{E}[f(X)]``, where X is written nowhere
else) is one random variable too: both are read as X is (:mod:`derive.docs.chance`). A name summed over the
subscript of (``p_k`` under ``\sum_k``) is a family of random variables, one law per member. :func:`random_reading`
finds one such name and how it is read; a formula with two (``\operatorname{Var}(wx)``) is not read so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MOMENTS = frozenset({"E", "bb_E", "Var", "var", "Cov"})


@dataclass(frozen=True)
class RandomReading:
    """One random variable the formula writes under another name: ``shown`` as written, ``as_x`` the formula with
    it written X (None for a family, read under the tag clause ``tag`` instead), ``constant`` whether a number
    could be meant (a plain name: Var(c) = 0 is about a constant c; f(X) is a random variable as X is)."""

    shown: str
    as_x: str | None
    tag: str
    constant: bool

    @property
    def said(self) -> str:
        if self.constant or self.as_x is None:
            return f"{self.shown}, written only inside moments, is a random variable"
        return f"{self.shown}, a function of the random variable X alone, is one random variable"


def random_reading(text: str) -> RandomReading | None:
    """The one random variable ``text`` writes under a name other than X or Y (see the module docstring), or None."""
    from derive.docs.free import BOLD, CONSTANTS, DISTRIBUTION_LETTERS
    from derive.docs.interpret import rewrite_chain
    from derive.docs.parse import ParseError

    try:
        sides, _, _ = rewrite_chain(text)
    except Exception:  # unreadable: the reading reports it
        return None
    inside, outside, applied, summed = {}, set(), [], set()
    try:
        for side in sides:
            _walk(side, False, inside, outside, applied, summed)
    except _OverALaw:  # E_{x \sim p}[f(x)]: a moment over the law its subscript names, read as written
        return None
    except ParseError:  # a side the grammar cannot read: the formula's reading reports it
        return None
    if "Y" in inside or "Y" in outside:
        return None
    if "X" in inside or "X" in outside:
        return _function_of_x(text, inside, outside, applied, DISTRIBUTION_LETTERS)
    if applied:
        return None
    bold = {m.group(1) for m in BOLD.finditer(text)}
    names = sorted(set(inside) - outside)
    if len(names) != 1:
        return None
    (name,) = names
    atom = inside[name][0]
    if atom.key in CONSTANTS | bold | summed or atom.decoration or len(atom.sub) > 1 and set(atom.sub) & summed:
        return None  # x_{t,i} under a sum over t: a family with two indices
    if any(a.transpose or a.step != atom.step for a in inside[name]):  # x_k beside x^{(k)}: one name or two?
        return None
    if atom.step and (atom.step != f"({atom.sub_text})" or atom.sub_text in summed):  # x^{(k)}: a label, not a family
        return None
    if atom.sub and atom.sub[0] in summed:  # p_k under \sum_k: a family of random variables
        return RandomReading(name, None, f"{name}: random", constant=False)
    renamed, count = _spelling(atom).subn(lambda m: "X" + (m.groupdict().get("power") or ""), text)
    if count != len(inside[name]):  # written in a way the spelling does not catch: not renamed
        return None
    shown = f"{atom.key}^{{{atom.step}}}" if atom.step else name
    return RandomReading(shown, renamed, f"{name}: random", constant=True)


def _function_of_x(text, inside, outside, applied, laws) -> RandomReading | None:
    """f(X), written wherever X is, as one random variable: the formula with it written X, or None."""
    functions = {key for key, argument, _ in applied}
    if len(functions) != 1 or any(argument != "X" for _, argument, _ in applied):
        return None
    (function,) = functions
    if function in laws or not re.fullmatch(r"[a-zA-Z]", function) or "X" in outside:
        return None
    if len(inside.get("X", [])) != len(applied):  # X written outside f(X) too
        return None
    spelled = re.compile(rf"{function}\s*(?:\\left\s*)?\(\s*X\s*(?:\\right\s*)?\)")  # a f(X): a times f(X)
    found = [m for m in spelled.finditer(text) if not re.search(r"\\[A-Za-z]*$", text[: m.start()])]
    if len(found) != len(applied):
        return None
    renamed = "X".join(text[start:end] for start, end in _gaps(found, len(text)))
    return RandomReading(f"{function}(X)", renamed, "", constant=False)


class _OverALaw(Exception):
    """A moment whose subscript names its law."""


def _gaps(found, length) -> list:
    """The spans of text between the matches ``found``, from the start to the end."""
    starts = [0] + [m.end() for m in found]
    ends = [m.start() for m in found] + [length]
    return list(zip(starts, ends))


def _walk(side, within, inside, outside, applied, summed):
    """Record each plain name as written inside a moment or outside, and each unknown function's applications."""
    from derive.docs.free import child_sides
    from derive.docs.interpret import Atom, SumNode
    from derive.docs.parse import parse_latex
    from derive.docs.untagged import KNOWN_FUNCTIONS
    from derive.vocabulary import argument_text

    for node in side.nodes(parse_latex(side.text)):
        if isinstance(node, SumNode):
            summed.update(node.variables)
        deeper = within
        if isinstance(node, Atom):
            if node.args is None:
                name = f"{node.key}_{node.sub_text}" if node.sub else node.key
                if within:
                    inside.setdefault(name, []).append(node)
                else:
                    outside.add(name)
            elif node.key in MOMENTS:
                deeper = True
                if node.sub_text:
                    raise _OverALaw
            elif node.key not in KNOWN_FUNCTIONS:
                applied.append((node.key, argument_text(None, node), within))
        for child in child_sides(node):
            if child is not None and hasattr(child, "table"):
                _walk(child, deeper, inside, outside, applied, summed)


def _spelling(atom) -> re.Pattern:
    """How a plain name (``p_k``, ``\\epsilon``, ``w``, ``x^{(k)}``, ``x_{t,i}``) is written in LaTeX, as a pattern of
    its whole spelling."""
    letter = re.escape(atom.key) if len(atom.key) == 1 else rf"\\{re.escape(atom.key)}"
    if atom.step:  # x^{(k)}: the name with its label in parentheses
        label = re.escape(atom.sub_text)
        return re.compile(rf"(?<![\\A-Za-z]){letter}\s*\^\s*\{{\s*\(\s*{label}\s*\)\s*\}}")
    if not atom.sub:
        return re.compile(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z_])")
    if len(atom.sub) > 1:  # x_{t,i}, x^2_{(i_N, i_G)}: the subscript as written, spaces and braces aside
        label = r"[\s{}]*".join(re.escape(character) for character in atom.sub_text)
        power = r"(?P<power>\s*\^\s*(?:\{[^{}]*\}|[0-9]))?"  # a power written before the subscript: kept
        return re.compile(rf"(?<![\\A-Za-z]){letter}{power}\s*_\s*\{{\s*{label}\s*\}}")
    sub = re.escape(atom.sub[0])
    return re.compile(rf"(?<![\\A-Za-z]){letter}\s*_\s*(?:\{{\s*{sub}\s*\}}|{sub}(?![A-Za-z0-9]))")
