"""The nodes a formula is read into: what each placeholder of a side stands for."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Condition:
    left: str
    relation: str  # "=" or "!="
    right: str


@dataclass
class Side:
    """One side of a link: grammar text with placeholders, and what each placeholder stands for."""

    text: str
    table: dict
    source: str = ""
    written: str = ""  # the side as LaTeX, for showing it (source is its tokens, for comparing)

    def node(self, symbol):
        """What the placeholder ``symbol`` of this side's parsed text stands for (None if it is none)."""
        return self.table.get(symbol.name.replace("{", "").replace("}", ""))

    def nodes(self, expr) -> list:
        """What each placeholder of ``expr`` stands for, in the order of their names (never the hash seed's)."""
        return [self.node(symbol) for symbol in sorted(expr.free_symbols, key=lambda s: s.name)]


@dataclass
class Atom:
    key: str  # normalised name: "z", "sigma", "hat_y", "softmax", "E", "one"
    sub: list  # subscript items: index letters / numbers as strings; [] if none
    sub_text: str  # the subscript as plain text ("ref", "KL", "ij")
    star: bool = False
    transpose: bool = False
    decoration: str = ""  # other superscript text kept as part of the name ("ref")
    args: list | None = None  # list of Side, for applications
    seps: list = field(default_factory=list)  # separators between args: ",", "|", "||", ";"
    post_sub: list = field(default_factory=list)  # f(z)_i
    brackets: str = "("
    step: str = ""  # x^{(t)}, read as the subscript t: its written form "(t)", the name a tag declares it by
    code_index: bool = False  # s[3]: the subscript was written in square brackets, as code indexes (from 0 or from 1?)
    blackboard: bool = field(default=False, compare=False)  # written in blackboard bold: \mathbb{E}, not E

    def full_keys(self):
        keys = [f"{self.key}^{self.step}"] if self.step else []
        if self.decoration.startswith("(") and self.sub_text:  # x^{(1)}_m: the m-th of the name x^{(1)}, the most
            keys.append(f"{self.key}^{self.decoration}_{self.sub_text}")  # specific reading, so it is tried first
        if self.sub_text:
            keys.append(f"{self.key}_{self.sub_text}")
        if self.decoration:
            keys.append(f"{self.key}^{self.decoration}")
        return keys


@dataclass
class SumNode:
    op: str  # "sum" or "prod"
    variables: list  # letters
    low: Side | None
    high: Side | None
    body: Side
    excluded: list = field(default_factory=list)  # Σ_{j ≠ i}: letters the variable skips
    open_after: bool = (
        False  # a term after the sum, in the same bracket, uses its index: the sum may be meant to cover it
    )
    over: str = ""  # the set named after \in, as written (\mathcal{A} in \sum_{a \in \mathcal{A}})
    written: str = ""  # decorated indices as written, one per variable (s,a' in \sum_{s, a'}), renamed to letters


@dataclass
class Deriv:
    num: Side
    den: Side
    order: int = 1


@dataclass
class TupleNode:
    items: list
    columns: int = 0  # > 0 for a matrix written out entry by entry: items row by row
    row: bool = False  # a vector written as one row (\begin{bmatrix} a & b \end{bmatrix}): 1 x n in a product


@dataclass
class Cases:
    rows: list  # (Side, [Condition])


@dataclass
class Indicator:
    condition: Condition


@dataclass
class Number:
    text: str


@dataclass
class Apply:
    """max(a, b), \\min\\{a, b\\}, clip(x, a, b), sign(x), argmax(v): an operation on its arguments."""

    op: str
    args: list  # Side


@dataclass
class Extremum:
    """\\max_i z_i, \\operatorname{argmax}_i z_i: an operation over the values of an index."""

    op: str
    variable: str
    body: Side
    low: Side | None = None
    high: Side | None = None
    # (whether the interval holds its lower end, its upper end) when the variable runs over the real values
    # between low and high (None: unbounded), not over indices: \max_{D \in (0, 1)}
    real_ends: tuple | None = None


@dataclass
class Norm:
    """\\|x\\| (Euclidean), \\|x\\|_1, \\|x\\|_\\infty, \\|A\\|_F; \\|x\\|_p (order "p", the exponent a side)."""

    body: Side
    order: str = ""
    exponent: Side | None = None


@dataclass
class Comparison:
    """A condition between values, ``A > 0`` or ``1 - \\epsilon \\le r \\le 1 + \\epsilon``."""

    sides: list  # Side
    relations: list


@dataclass
class Branches:
    """A piecewise definition: rows (value, [Condition | Comparison], otherwise)."""

    rows: list


@dataclass
class Prime:
    """f'(x), \\sigma''(z): the derivative of a one-argument function, taken at its argument."""

    target: Any  # the applied Atom, or the name of a native function ("tanh")
    order: int
    arg: Side
    variable: str  # the name bound to the differentiation variable
    variable_side: Side


@dataclass
class Sequence:
    """(x_1, \\ldots, x_n): the vector of the body's values for the variable running from low to high."""

    variable: str
    body: Side
    low: Side
    high: Side


@dataclass
class Series:
    """1 + \\gamma + \\gamma^2 + \\ldots: an endless sum whose pattern is read from its explicit terms."""

    terms: list  # Side, the terms written before the dots


@dataclass
class Integral:
    """\\int_a^b f(x)\\,dx: a definite integral; a bound is None when infinite (sign in ``infinite``); with
    neither bound, ``indefinite``: an antiderivative, read only where derive.docs.antiderivatives differentiates it."""

    variable: str
    low: Side | None
    high: Side | None
    infinite: tuple  # (sign of the lower bound if infinite else 0, same for the upper)
    body: Side
    indefinite: bool = False


@dataclass
class Inverse:
    """\\sigma^{-1}(x): the argument at which a one-argument function takes the value x."""

    target: Any  # the Atom of the function, applied to variable_side
    arg: Side
    variable: str  # the name bound to the function's argument
    variable_side: Side


@dataclass
class Product:
    """u \\odot v, u \\circ v (elementwise), u \\otimes v (outer)."""

    op: str
    factors: list  # Side


@dataclass
class Transposed:
    body: Side
    primed: bool = False  # (x - \mu)' written with a prime, as statistics texts transpose: of a vector or matrix only


@dataclass
class Component:
    """(W x)_j: a component of a bracketed vector or matrix."""

    body: Side
    indices: list  # index names


@dataclass
class Limit:
    variable: str
    target: Side | None  # None for an infinite limit
    infinite: int  # +1 / -1 for ±∞, 0 for a finite target
    direction: str  # "+", "-" or "+-"
    body: Side


@dataclass
class EvaluatedAt:
    """\\left. f \\right|_{x = a}: f with x put to a (after any derivative in f is taken)."""

    body: Side
    variable: Side
    value: Side


@dataclass
class Count:
    """\\#\\{i : z_i > 0\\}: how many indices satisfy the conditions."""

    variable: str
    conditions: list  # Comparison
