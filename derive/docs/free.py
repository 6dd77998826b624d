"""The free variables of an untagged claim, and whether it reads as an identity in them.

An untagged formula such as ``d r + r k = r(d + k)`` names variables no earlier formula
defines. :func:`free_reading` says which variables it has and what kind each is:

* a plain name is a real number, and so is a name with a subscript no sum runs over
  (``\\beta_2``, ``m_t``, ``\\delta_{t+1}``, ``r^+``: each a value of its own), and so is a name
  with a label in parentheses (``\\mu^{(t)}``, ``x^{(1)}_m``: a label, never a power); a bold
  lower-case name, or one a sum runs over the subscript of (``x_i`` in ``\\sum_i x_i y_i``,
  ``x_i^{(t)}`` in ``\\sum_i x_i^{(t)}``), is a vector over the sampled dimension, a bold one with a
  subscript no sum runs over (``\\mathbf{x}_t``) a vector of its own, and ``r_i`` beside
  ``\\mathbf{r}`` its component;
  the bound of a sum (``t`` in ``\\sum_{i=1}^{t}``) is a count, the size of the formula's
  vectors; an upper-case bold name is a square matrix over the sampled dimension;
* a number is not transposed: a plain name written transposed is a vector (``u^\\top v``), an upper-case
  one transposed or inverted (``A^\\top``, ``H^{-1}``) a square matrix.

It raises :class:`NotIdentity` (the formula is not read) for what is no plain variable: a
name that is differentiated (``\\frac{\\partial f}{\\partial x} = y``: f is a function the
formula does not state), a name written only just before a parenthesis (``L(x + h) - L(x)``:
a function, not a product), a label a sum runs over (``y^{(i)}`` under ``\\sum_i``: one of a family of
examples), a bold name with a subscript a sum runs over (``\\mathbf{k}_i`` under ``\\sum_i``, one of a
family of vectors), an upper-case name beside transposed names that is neither transposed nor inverted
(``x^\\top A y``: a number or a matrix), two different counts.

It raises :class:`Unbalanced` (the formula is read as an equation: decided only if it holds
for every value, never refuted) when the formula may state a condition or an equation to
solve rather than an identity:

* a link names a free variable on one side only, leaving out the variables derivatives are
  taken by and, when the formula has vectors, the counts: ``a + 4\\sqrt{2p} = a + 2`` is an
  equation for p (true for p = 1/8 only);
* an inequality with a side in numbers only: ``\\eta \\lambda > 2`` is a condition, though
  ``x - \\log x - 1 \\ge 0`` holds for every x;
* a matrix: ``\\mathbf{A}\\mathbf{B} = \\mathbf{B}\\mathbf{A}`` may say that A and B commute;
* a name only in the exponent of another name: ``S^k = S^{k-1}`` may number iterations.

Functions must be known (shared notation) or defined earlier in the document; an unknown
one leaves the formula undecided when it is evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import sympy as sp

from derive.docs.identity import writes_a_matrix
from derive.docs.interpret import (
    Apply,
    Atom,
    Branches,
    Cases,
    Comparison,
    Component,
    Count,
    Deriv,
    EvaluatedAt,
    Extremum,
    Indicator,
    Integral,
    Inverse,
    Limit,
    Norm,
    Number,
    Prime,
    Product,
    Series,
    Side,
    SumNode,
    Transposed,
    TupleNode,
    rewrite_chain,
)
from derive.docs.parse import ParseError, parse_latex

BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec|mathbfit)\s*\{?\s*\\?([A-Za-z]+)")
BOLD_SUBSCRIPTED = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec|mathbfit)\s*\{\s*\\?([A-Za-z]+)\s*\}\s*_")
FUNCTION_LETTERS = {
    "phi",
    "varphi",
    "psi",
    "zeta",
    "sigma",
    "pi",
    "rho",
    "Phi",
    "Psi",
    "Gamma",
}  # Greek names of functions
DISTRIBUTION_LETTERS = {"p", "q", "P", "Q", "pi"}  # names of probability distributions
ACCENTS = ("hat_", "tilde_", "bar_")  # the accents a one-letter name may carry (hat_v: \\hat{v})
CONSTANTS = {"e", "pi", "I", "one", "infty", "inf"}  # names the checker reads as numbers or fixed objects
INVERSE = re.compile(r"(?<![\\A-Za-z])([A-Z])\s*\}?\s*\^\s*\{\s*-\s*1\s*\}")  # W^{-1}, \mathbf{Q}^{-1}: a matrix
# A name (a letter, or a word) with an optional subscript, just before a square bracket or a word just
# before a parenthesis: f[x, \phi] and \text{Norm}_x\bigl[\mu, \sigma^2\bigr] in the notation that writes
# arguments in brackets, Pearson(preds, target) in code-like prose. An upright name (\text{f}[x]) applies
# to whatever the bracket holds; an italic letter only to a list (a[b + c] is a product).
BRACKET_APPLIED = re.compile(
    r"(?:(?<![\\A-Za-z])(?P<letter>[A-Za-z])"
    r"|\\(?:text|textrm|mathrm|operatorname|mbox)\s*\{\s*(?:\\bf\s+)?(?P<word>[A-Za-z]+)\s*\})"
    r"\s*(?:_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*(?:\\(?:left|[bB]igg?l?)\s*)?\["
    r"|(?<![\\A-Za-z])(?P<plain>[A-Za-z]{2,})\s*(?:\\(?:left|[bB]igg?l?)\s*)?[(\[]"
)


ONE_SIDE = "on one side only: an equation to solve or a definition, not an identity"  # why a formula is unbalanced


class NotIdentity(Exception):
    """Why an untagged formula is not read as a claim for all values of its free variables."""


class Unbalanced(NotIdentity):
    """A formula in plain variables that names some on one side only: it may be an equation to solve.

    It may still hold for all values (then it is an identity after all), but a counterexample
    refutes nothing; ``kinds`` are its variables, as :func:`free_reading` would return them.
    """

    def __init__(self, message: str, kinds: dict, lonely: tuple = ()):
        super().__init__(message)
        self.kinds = kinds
        self.lonely = lonely  # the variables found on one side of a link only


@dataclass
class _Walk:
    """What one pass over a formula found."""

    bold: set
    bold_subscripted: set  # bold names written with a subscript (\mathbf{v}_c)
    bound_letters: set = field(default_factory=set)  # every letter some sum, max or limit binds
    kinds: dict = field(default_factory=dict)  # key -> "real" / "vector" / "count"
    sides: list = field(default_factory=list)  # per top-level side: the keys it uses
    derivative_variables: set = field(default_factory=set)
    unstated: list = field(default_factory=list)  # the variable of each derivative whose body does not write it
    bases: dict = field(default_factory=dict)  # atom key -> keys it gives (x -> {x_t, x_t+1})
    indexed_bases: set = field(default_factory=set)  # atom keys a sum runs over the subscript of
    raised: set = field(default_factory=set)  # keys found in the exponent of a name (k in S^k)
    plain: set = field(default_factory=set)  # keys found elsewhere
    opaque: set = field(default_factory=set)  # unknown functions whose values are read as numbers of their own
    applications: dict = field(default_factory=dict)  # opaque function -> {argument text: all plain names?}
    calculus: int = 0  # > 0 inside a derivative or an integral
    limits: list = field(default_factory=list)  # the variables of the limits around the node visited
    random: set = field(default_factory=set)  # random variables: H(X | Y) is read under their law
    outcomes: set = field(default_factory=set)  # the variables expectations E_{x \\sim p} draw
    applied: dict = field(default_factory=dict)  # distribution letter's key -> [applied at one outcome drawn?]
    constants: set = field(default_factory=lambda: set(CONSTANTS))  # I is a number where no matrix is written
    functions: frozenset = frozenset()  # unknown functions read as functions: df/d\theta beside f(\theta) is f's


def free_reading(
    latex: str,
    known: set,
    defined: set | dict,
    opaque: frozenset = frozenset(),
    random: frozenset = frozenset(),
    functions: frozenset = frozenset(),
) -> dict:
    """The free variables of an identity-shaped claim, each with its kind ("real", "vector", "count").

    ``known`` are the function names the checker knows, ``defined`` the names earlier formulas of
    the document define (neither is a variable; given as a dict of definitions, a function written
    bare in a derivative, ``\\partial L / \\partial \\hat{y}``, uses its parameters). ``opaque`` are
    unknown functions (V, r^*) whose values the formula is read to hold for, each value a real
    number of its own, keyed as a tag declares it (``V(S_t)``); ``random`` are random variables (X,
    Y), read as variables also inside entropies (``H(X \\mid Y)``); ``functions`` are unknown functions read as
    functions (``f(x + h)`` applies f, no product). Raises :class:`NotIdentity` with
    the reason when the formula is not read as a claim for all values of its variables.
    """
    if any(
        (m.group("word") or _holds_a_list(latex, m.end()))
        and (m.group("letter") or m.group("word") or m.group("plain")) not in known | set(defined)
        for m in BRACKET_APPLIED.finditer(latex)
    ):
        raise NotIdentity(
            "f[x, y]: a name before a bracketed list applies a function the formula does not state, not a product"
        )
    sides, relations, _ = rewrite_chain(latex, functions=functions)
    walk = _Walk(
        bold={m.group(1) for m in BOLD.finditer(latex)} | _normed_letters(latex),
        bold_subscripted={m.group(1) for m in BOLD_SUBSCRIPTED.finditer(latex)},
        opaque=set(opaque),
        random=set(random),
        functions=functions,
    )
    if not writes_a_matrix(latex):  # derive.docs.identity: a bare I beside no matrix is a number of its own
        walk.constants.discard("I")
    for side in sides:  # first pass: the letters sums and operators bind, and the bases they index
        _collect_bound(side, walk, set())
    arrays, subscripted = _written_as_arrays(latex, sides)
    arrays -= walk.indexed_bases  # {v'_{w_i}}^\top under \sum_i: an entry of the vector v', as it was
    walk.bold |= arrays
    walk.bold_subscripted |= subscripted & arrays
    for side in sides:
        used: set = set()
        _visit_side(side, walk, used, set(), known, defined)
        walk.sides.append(used)
    kinds = _settle(walk, positive="\\sim" not in latex)
    if arrays:
        numbers = sorted(k for k, v in kinds.items() if k[:1].isupper() and v in ("real", "positive"))
        if numbers:  # x_1^T A x_2: A, a number as read, may be the matrix of a bilinear form
            raise NotIdentity(f"{numbers[0]} beside transposed names: a number or a matrix, the formula does not say")
    for key in kinds:
        labelled = re.fullmatch(r"([^_^]+)\^(\(.*\))_(.+)", key)
        if labelled and {f"{labelled[1]}_{labelled[3]}", f"{labelled[1]}^{labelled[2]}"} & set(kinds):
            raise NotIdentity(
                f"{key} beside {labelled[1]}_{labelled[3]} or {labelled[1]}^{labelled[2]}: one name or two"
            )
    laws = sorted(key for key, kind in kinds.items() if kind == "distribution")
    for law in laws:
        if not all(walk.applied.get(law, [])):  # p(x) beside p(x, y) or p(x | y): a joint law, not given
            raise NotIdentity(f"{law} applied other than at one outcome drawn (p(x, y), p(x | y)): a joint law")
    related = sorted({v for v in walk.unstated if walk.unstated.count(v) > 1})
    if related:  # ∂/∂θ_j Σ_k π_k R_k beside ∂ log π_k/∂θ_j: π as a function of θ_j, not a number
        raise NotIdentity(
            f"derivatives by {related[0]} of names that do not write it: functions of it the formula does not state"
        )
    if laws and walk.derivative_variables:  # ∇_θ log P_θ(x): how the law depends on θ is not given
        raise NotIdentity(
            f"a derivative beside the distribution {laws[0]}: how it depends on the variable is not given"
        )
    for name, arguments in walk.applications.items():
        if len(arguments) > 1 and not all(arguments.values()):
            raise NotIdentity(
                f"{name} applied at {len(arguments)} different arguments that are not all plain names:"
                " their values may be tied by what the function is"
            )
    for key in kinds:
        if kinds[key] not in ("distribution", "count") and _only_applied(key, latex, walk.bold, set(kinds)):
            raise NotIdentity(f"{key}(...) applies a function the formula does not state, not a product")
    counts = {k for k, v in kinds.items() if v == "count"}
    if len(counts) > 1:
        raise NotIdentity(f"several sizes ({', '.join(sorted(counts))}): they are not all the same number")
    superscripts = sorted(walk.raised - walk.plain - counts)
    has_vectors = any(v == "vector" for v in kinds.values())
    ignored = set(walk.derivative_variables) | (counts if has_vectors else set())
    for link, relation in enumerate(relations):
        left = _names(walk.sides[link], kinds) - ignored
        right = _names(walk.sides[link + 1], kinds) - ignored
        if left != right or (relation not in ("=", "~") and not (left and right)):
            lonely = sorted(left ^ right)
            raise Unbalanced(
                f"{', '.join(lonely)} {ONE_SIDE}",
                kinds,
                tuple(lonely),
            )
    matrices = sorted(k for k, v in kinds.items() if v == "matrix")
    if matrices:
        raise Unbalanced(
            f"{', '.join(matrices)} a matrix: an equation between matrices may be a condition on them"
            " (\\mathbf{A} = \\mathbf{A}^\\top)",
            kinds,
        )
    if superscripts:
        raise Unbalanced(
            f"{', '.join(superscripts)} only in the exponent of a name (S^k): it may number iterations,"
            " written as a superscript",
            kinds,
        )
    return kinds


def _written_as_arrays(latex: str, sides: list) -> tuple[set, set]:
    r"""(names, names written with a subscript) the formula transposes or inverts, read as the bold ones are: a
    lower-case name transposed (``x^\top y``, ``{v'_w}^\top v``) is a vector, an upper-case one transposed or
    inverted (``A^T``, ``H^{-1}``) a square matrix; a number is neither transposed nor inverted so."""
    names, subscripted = {m.group(1) for m in INVERSE.finditer(latex)}, set()
    todo, seen = list(sides), set()
    while todo:
        side = todo.pop()
        for node in _nodes(side):
            if node is None or id(node) in seen:
                continue
            seen.add(id(node))
            atom = _single(node.body) if isinstance(node, Transposed) else node
            if isinstance(atom, Atom) and atom.args is None and (atom.transpose or isinstance(node, Transposed)):
                if atom.key not in CONSTANTS and not atom.decoration and not atom.step:
                    names.add(atom.key)
                    if atom.sub:
                        subscripted.add(atom.key)
            todo.extend(child_sides(node))
    return names, subscripted


def _holds_a_list(latex: str, start: int) -> bool:
    """Whether the bracket opened just before ``start`` holds a comma outside any inner group."""
    depth = 0
    for char in latex[start:]:
        if char in "([{":
            depth += 1
        elif char in ")}" or (char == "]" and depth):
            depth -= 1
        elif char == "]":
            return False
        elif char == "," and depth == 0:
            return True
    return False


def _only_applied(key: str, latex: str, bold: set, names: set = frozenset()) -> bool:
    """Whether a name is written only just before a parenthesis, as a function is: L(x + h) - L(x).

    Only Latin letters and the Greek letters that commonly name functions count: ``\\alpha(x + 1)``
    is a product, ``f(x + 1)`` and ``\\phi(x + 1)`` are not. The bound of a sum is a count, even
    written before a parenthesis (``D`` in ``\\sum_{d=1}^D (x_d - y_d)^2``). A letter inside a run of the
    formula's one-letter ``names`` (``2mnp``, ``mp``) is written there as a factor, so ``p`` in
    ``m p (n + (n - 1)) = 2mnp - mp`` is not only applied.
    """
    if key in bold:
        return False
    if re.fullmatch(r"[A-Za-z]", key) and _a_factor_in_a_run(key, latex, names):
        return False
    if re.fullmatch(r"[A-Za-z]", key):
        spelling = rf"(?<![\\A-Za-z_]){key}(?![A-Za-z])"
    elif key in FUNCTION_LETTERS:
        spelling = rf"(?<!_)\\{key}(?![A-Za-z])"
    else:
        return False
    follows = [latex[m.end() :].lstrip() for m in re.finditer(spelling, latex)]
    follows = [text for text in follows if not text.startswith("_")]  # L_i: another name
    return bool(follows) and all(text.startswith(("(", "\\left(", "\\big(", "\\bigl(", "\\Big(")) for text in follows)


def _a_factor_in_a_run(letter: str, latex: str, names: set) -> bool:
    """Whether ``letter`` is written inside a run of two or more letters, each one of the formula's one-letter
    ``names`` (a product of them), other than last before a parenthesis (``mp(n + 1)`` writes p before one)."""
    for run in re.finditer(r"(?<![\\A-Za-z])[A-Za-z]{2,}", latex):
        if not set(run.group()) <= names:
            continue
        applied = latex[run.end() :].lstrip().startswith("(")
        if letter in (run.group()[:-1] if applied else run.group()):
            return True
    return False


def _names(used: set, kinds: dict) -> set:
    return {key for key in used if key in kinds}


def conventionally_positive(key: str) -> bool:
    """A name authors give a positive number: a standard deviation σ, a step size η, a rate, a penalty's weight or a
    population's size λ, a length scale ℓ, a tolerance ε, a dimension d."""
    base, _, sub = key.partition("_")
    scales = ("sigma", "eta", "lambda", "ell")
    return base in scales or (base == "epsilon" and not sub) or (base == "d" and not sub.isdigit())


def _settle(walk: _Walk, positive: bool = True) -> dict:
    """Each key's kind: a base indexed by a sum is a vector, and its subscripted names are its entries.

    A real whose name is :func:`conventionally_positive` is positive (ε small, in (0, 1)), unless
    the formula draws random values (``\\sim``: ε may be noise there).
    """
    kinds = {}
    for key, kind in walk.kinds.items():
        if kind == "real" and positive and conventionally_positive(key):
            kind = "small" if key == "epsilon" else "positive"  # a tolerance or a clip range: small too
        kinds[key] = kind
    for base in walk.indexed_bases:
        for key in walk.bases.get(base, ()):
            if key != base:
                kinds.pop(key, None)
        if kinds.get(base) != "distribution":  # p_i of a distribution p: its probabilities
            kinds[base] = "vector"
    return dict(sorted(kinds.items()))  # the order variables are drawn in: never the hash seed's


def _normed_letters(latex: str) -> set:
    """The one-letter names written inside a norm's double bars (``\\|x - y\\|_2``): vectors (or matrices, upper-case),
    as the bold ones are; beside a vector written bold, a plain lower-case letter is its coefficient (``\\|t\\mathbf{x}\\|``)."""
    from derive.docs.shared_vectors import _norms

    return {letter for part in _norms(latex) for letter in _normed_in(part)}


def _normed_in(part: str) -> set:
    """The one-letter names of one norm's text that it norms as vectors or matrices (see :func:`_normed_letters`)."""
    letters = {m.group(1) for m in ONE_LETTER.finditer(part)}
    bold = {m.group(1) for m in BOLD.finditer(part)}
    if not any(name.islower() for name in bold):
        return letters
    return {letter for letter in letters if letter in bold or letter.isupper()}


ONE_LETTER = re.compile(r"(?<![A-Za-z\\])([A-Za-z])(?![A-Za-z])")


def _parse(side: Side):
    try:
        return parse_latex(side.text)
    except ParseError as exc:
        raise NotIdentity(f"unreadable: {exc}") from None


def _nodes(side: Side):
    """The nodes a side names directly, and whether each sits inside a native function."""
    expr = _parse(side)
    return side.nodes(expr)


def child_sides(node) -> list:
    """The sides a node holds (arguments, bounds, bodies), for walking a formula."""
    if isinstance(node, Atom):
        return list(node.args or [])
    if isinstance(node, SumNode):
        return [s for s in (node.low, node.high, node.body) if s is not None]
    if isinstance(node, Deriv):
        return [node.num, node.den]
    if isinstance(node, (TupleNode,)):
        return list(node.items)
    if isinstance(node, Cases):
        return [row[0] for row in node.rows]
    if isinstance(node, (Apply, Product)):
        return list(node.args if isinstance(node, Apply) else node.factors)
    if isinstance(node, Extremum):
        return [s for s in (node.body, node.low, node.high) if s is not None]
    if isinstance(node, Norm):
        return [node.body] if node.exponent is None else [node.body, node.exponent]
    if isinstance(node, (Transposed, Component)):
        return [node.body]
    if isinstance(node, Comparison):
        return list(node.sides)
    if isinstance(node, Limit):
        return [s for s in (node.target, node.body) if s is not None]
    if isinstance(node, EvaluatedAt):
        return [node.body, node.value]
    if isinstance(node, Prime):
        return [node.arg]
    if isinstance(node, Integral):
        return [s for s in (node.low, node.high, node.body) if s is not None]
    if isinstance(node, Series):
        return list(node.terms)
    if isinstance(node, Inverse):
        return [node.arg]
    return []


def _collect_bound(side: Side, walk: _Walk, seen: set):
    for node in _nodes(side):
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, SumNode):
            walk.bound_letters |= set(node.variables)
            _mark_indexed(node.body, set(node.variables), walk, set())
        elif isinstance(node, Extremum):
            walk.bound_letters.add(node.variable)
            _mark_indexed(node.body, {node.variable}, walk, set())
        elif isinstance(node, (Limit, Integral)):
            walk.bound_letters.add(node.variable)
        elif isinstance(node, Prime):
            walk.bound_letters.add(node.variable)
        for child in child_sides(node):
            _collect_bound(child, walk, seen)


def _mark_indexed(side: Side, letters: set, walk: _Walk, seen: set):
    """Bases whose subscript mentions a summed letter (x in Σ_i x_i) are vectors."""
    for node in _nodes(side):
        if node is None or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Atom) and node.args is None and node.sub:
            if any(set(re.findall(r"[A-Za-z]+", str(item))) & letters for item in node.sub):
                labelled = node.decoration.startswith("(") and not node.step  # x_i^{(t)}: the vector x^{(t)}
                walk.indexed_bases.add(f"{node.key}^{node.decoration}" if labelled else node.key)
        for child in child_sides(node):
            _mark_indexed(child, letters, walk, seen)


def _note(walk: _Walk, used: set, key: str, kind: str, base: str) -> str:
    if {walk.kinds.get(key), kind} == {"distribution", "vector"} and key in walk.indexed_bases:
        walk.kinds[key] = "distribution"  # H(p) beside \sum_i p_i \log p_i: p_i are the distribution's probabilities
        used.add(key)
        return key
    if (walk.kinds.get(key) == "distribution") != (kind == "distribution") and key in walk.kinds:
        raise NotIdentity(f"{key} is both a distribution and a number")
    if walk.kinds.get(key) not in ("vector", "count", "probability"):
        walk.kinds[key] = kind
    walk.bases.setdefault(base, set()).add(key)
    used.add(key)
    return key


def _visit_side(side: Side, walk: _Walk, used: set, bound: set, known: set, defined: set):
    expr = _parse(side)
    raised, plain = set(), set()
    _positions(expr, side, False, raised, plain)
    for symbol in sorted(expr.free_symbols, key=lambda s: s.name):  # the first reason given: never the hash seed's
        node = side.node(symbol)
        before = set(used)
        _visit(node, walk, used, bound, known, defined)
        if symbol.name in plain or not isinstance(node, Atom):
            walk.plain |= used - before
        elif symbol.name in raised:
            walk.raised |= used - before


def _is_variable(node) -> bool:
    return isinstance(node, Atom) and node.args is None and node.key not in CONSTANTS


def _positions(expr, side: Side, raised: bool, raised_names: set, plain_names: set):
    """Sort the placeholders of an expression: in the exponent of a name (S^k), or elsewhere."""
    if isinstance(expr, sp.Symbol):
        (raised_names if raised else plain_names).add(expr.name)
        return
    if isinstance(expr, sp.Pow):
        base_is_name = any(_is_variable(node) for node in side.nodes(expr.base))
        _positions(expr.base, side, raised, raised_names, plain_names)
        _positions(expr.exp, side, raised or base_is_name, raised_names, plain_names)
        return
    for arg in expr.args:
        _positions(arg, side, raised, raised_names, plain_names)


def _visit(node, walk: _Walk, used: set, bound: set, known: set, defined: set):
    if node is None or isinstance(node, Number):
        return
    if isinstance(node, Atom):
        if node.args is not None and (is_divergence(node) or is_jensen_shannon(node)):
            if walk.random and all(getattr(_single(arg), "key", None) in walk.random for arg in node.args):
                for arg in node.args:  # H(X | Y) of random variables: X and Y are the variables
                    _visit_side(arg, walk, used, bound, known, defined)
                return
            from derive.docs.law_functions import named_law

            if len(node.args) == 2 and all(named_law(_single(arg)) for arg in node.args):
                for arg in node.args:  # D_KL(N(μ, σ²) ‖ N(0, 1)): the laws' parameters are the formula's names
                    for parameter in _single(arg).args:
                        _visit_side(parameter, walk, used, bound, known, defined)
                return
            arguments = distribution_arguments(node)
            if _bernoulli_arguments(node, arguments):  # D_KL(ρ ‖ ρ̂) of numbers: the Bernoulli laws they give
                for atom in arguments:
                    key = _visit_name(atom, walk, used, bound, defined)
                    if key is not None:
                        walk.kinds[key] = "probability"
                return
            for atom in arguments:
                if not is_distribution_name(atom.key):  # M in D_KL(P || M): perhaps a mixture defined elsewhere
                    raise NotIdentity(f"{_display(atom)} is not one of the names of a distribution (p, q, P, Q, \\pi)")
                _note(walk, used, _distribution_key(atom), "distribution", atom.key)
            return
        if node.args is not None and node.key in ("E", "bb_E") and "sim" in node.sub_text:
            variable, _, law = node.sub_text.partition("sim")
            law = law.removesuffix(f"({variable})") if variable else law  # z \sim P(z): the law P
            law = law.removesuffix("^*") + "*" if law.endswith("^*") else law  # p^*: the starred law, p*
            if (
                not variable
                or not re.fullmatch(r"[A-Za-z]+(?:_[A-Za-z]+)?\*?", law)
                or law.rstrip("*").split("_")[0] not in DISTRIBUTION_LETTERS
            ):
                raise NotIdentity(f"E_{{{node.sub_text}}}: an expectation under a law not written as a name")
            _note(walk, used, law, "distribution", law.rstrip("*").split("_")[0])
            walk.outcomes.add(variable)
            for arg in node.args:
                _visit_side(arg, walk, used, bound | {variable}, known, defined)
            return
        if node.args is not None and is_distribution_name(node.key):
            at_outcome = _is_probability_of_outcome(node, walk.outcomes)
            walk.applied.setdefault(_distribution_key(node), []).append(at_outcome)
            if at_outcome:
                _note(walk, used, _distribution_key(node), "distribution", node.key)
                return
        if node.args is not None and node.key in walk.opaque:
            _note_application(node, walk, used, bound)
            return
        if node.args is not None:  # a function: its name is no variable; an unknown one is reported when evaluated
            for arg in node.args:
                _visit_side(arg, walk, used, bound, known, defined)
            return
        _visit_name(node, walk, used, bound, defined)
        return
    if isinstance(node, SumNode):
        inner = bound | set(node.variables)
        if node.low is None and node.high is None:  # Σ_x p(x): x runs over the outcomes of the distribution p
            walk.outcomes |= set(node.variables)
        if node.high is not None:
            for inside in _nodes(node.high):
                if isinstance(inside, Atom) and inside.args is None and not inside.sub and inside.key not in inner:
                    if inside.key not in CONSTANTS and inside.key not in defined:
                        walk.kinds[inside.key] = "count"
                elif isinstance(inside, Atom) and inside.args is None and _named_count(inside, inner, defined):
                    walk.kinds[f"{inside.key}_{inside.sub_text}"] = "count"  # d_k, n_h: a size named with a label
                elif isinstance(inside, Norm) and not inside.order and inside.exponent is None:
                    size = _single(inside.body)  # \sum_{i=1}^{|\mathcal{O}|}: the size of a set, a count
                    if (
                        size is not None
                        and size.args is None
                        and not size.sub
                        and size.key not in inner
                        and size.key not in defined
                    ):
                        walk.kinds[size.key] = "count"
        for part in (node.low, node.high, node.body):
            if part is not None:
                _visit_side(part, walk, used, inner, known, defined)
        return
    if isinstance(node, Deriv):
        target = _single(node.num)
        if target is not None and target.args is None and target.key not in walk.functions:
            parameters = _parameters(target, defined)
            if not parameters:
                raise NotIdentity(f"the derivative of {_display(target)}, a function the formula does not state")
            for key in parameters:  # ∂L/∂ŷ of a function the document defined as L(y, ŷ): its parameters
                _note(walk, used, key, "real", key)
        variable = _single(node.den)
        if variable is not None and variable.args is None and _through_unstated_names(node.num, variable.key):
            walk.unstated.append(_display(variable))
        if variable is not None and variable.args is None:
            key = _visit_name(variable, walk, used, bound, defined)
            if key is not None:
                walk.derivative_variables.add(key)
        else:
            _visit_side(node.den, walk, used, bound, known, defined)
        if target is not None and target.args is None and target.key in walk.functions:
            return  # df/d\theta of a function: f at the arguments the formula writes for it
        walk.calculus += 1
        try:
            _visit_side(node.num, walk, used, bound, known, defined)
        finally:
            walk.calculus -= 1
        return
    if isinstance(node, Extremum):
        inner = bound | {node.variable}
        for part in child_sides(node):
            _visit_side(part, walk, used, inner, known, defined)
        return
    if isinstance(node, Limit):  # f(x) under \lim_{q \to 0} is one number, as outside it: see _note_application
        if node.target is not None:
            _visit_side(node.target, walk, used, bound, known, defined)
        walk.limits.append(node.variable)
        try:
            _visit_side(node.body, walk, used, bound | {node.variable}, known, defined)
        finally:
            walk.limits.pop()
        return
    if isinstance(node, Integral):
        inner = bound if node.indefinite else bound | {node.variable}  # \int f(x) dx is a function of x: x stays free
        walk.calculus += 1
        try:
            for part in (node.low, node.high):  # the bounds: outside the variable
                if part is not None:
                    _visit_side(part, walk, used, bound, known, defined)
            _visit_side(node.body, walk, used, inner, known, defined)
        finally:
            walk.calculus -= 1
        return
    if isinstance(node, Prime):
        inner = bound | {node.variable}
        if isinstance(node.target, Atom) and node.target.key in walk.opaque:
            raise NotIdentity(f"the derivative of {_display(node.target)}, a function the formula does not state")
        _visit_side(node.arg, walk, used, bound, known, defined)
        if isinstance(node.target, Atom):
            for arg in node.target.args or []:
                _visit_side(arg, walk, used, inner, known, defined)
        return
    if isinstance(node, EvaluatedAt):
        variable = _single(node.variable)
        inner = bound | ({variable.key} if variable is not None else set())
        walk.calculus += 1
        try:
            _visit_side(node.body, walk, used, inner, known, defined)
        finally:
            walk.calculus -= 1
        _visit_side(node.value, walk, used, bound, known, defined)
        return
    if isinstance(node, Branches):  # a case split: each row's value, and the values its conditions compare
        for value, conditions, _ in node.rows:
            _visit_side(value, walk, used, bound, known, defined)
            for condition in conditions:
                if not isinstance(condition, Comparison) or not set(condition.relations) <= {"<", ">", "<=", ">="}:
                    # y = 1 beside "otherwise": a label's cases, which values drawn from a range would not meet
                    raise NotIdentity("a case split on an equality: not read for all values")
                for side in condition.sides:
                    _visit_side(side, walk, used, bound, known, defined)
        return
    if isinstance(node, (Count, Indicator)):
        raise NotIdentity("a count or an indicator: not read for all values")
    if isinstance(node, Transposed) and isinstance(_single(node.body), Atom) and _single(node.body).args is None:
        _visit_name(replace(_single(node.body), transpose=True), walk, used, bound, defined)  # (u)^\top is u^\top
        return
    for part in child_sides(node):
        _visit_side(part, walk, used, bound, known, defined)


def is_divergence(atom: Atom) -> bool:
    """An entropy, cross-entropy or KL divergence: H(p), H(p, q), CE(p, q), D_{KL}(p \\| q), KL(p \\| q)."""
    return atom.key in ("H", "CE", "KL") or (atom.key == "D" and atom.sub_text in ("", "KL"))


def is_jensen_shannon(atom: Atom) -> bool:
    """A Jensen-Shannon divergence: D_{JSD}[p, q], D_{JS}(p \\| q), JS(p, q)."""
    from derive.docs.shared_notation import JS_NAMES

    return atom.key in JS_NAMES or atom.key == "D" and atom.sub_text.upper() in JS_NAMES


def distribution_arguments(atom: Atom) -> list:
    """The distributions an entropy or a divergence is of, each a name; NotIdentity for any other reading.

    ``H(X \\mid Y)``, ``I(X; Y)`` and ``H(X, Y)`` are quantities of random variables under a joint
    law the formula does not give; ``H(p, q)`` with distribution letters is a cross-entropy.
    """
    shown = _display(atom)
    if any(sep not in (",", "||") for sep in atom.seps):
        raise NotIdentity(
            f"{shown}(... | ...): a conditional quantity of random variables, whose joint law is not given"
        )
    names = [_single(arg) for arg in atom.args]
    if any(name is None or name.args is not None or name.transpose for name in names):
        raise NotIdentity(f"{shown}(...) of something other than named distributions")
    if len(names) > 2 or (atom.key != "H" and len(names) != 2):
        raise NotIdentity(f"{shown}(...) with {len(names)} arguments")
    if atom.key == "H" and len(names) == 2 and not all(is_distribution_name(n.key) for n in names):
        raise NotIdentity(f"{shown}(A, B): a joint entropy of random variables or a cross-entropy")
    return names


def _bernoulli_arguments(atom: Atom, arguments: list) -> bool:
    """``D_{KL}(\\rho \\| \\hat\\rho)``: a KL divergence between two lower-case names that name no distribution.

    A divergence between numbers is between the Bernoulli laws with those probabilities (the
    sparsity penalty of sparse autoencoders); each is a number in (0, 1). Upper-case names (M in
    ``D_{KL}(P \\| M)``) more likely name distributions the text defines.
    """
    if atom.key == "H" or atom.key == "CE":
        return False
    return all(a.key not in DISTRIBUTION_LETTERS and a.key[:1].islower() and not a.sub for a in arguments)


def is_distribution_name(key: str) -> bool:
    """Whether a name is a distribution's, its letter under an accent too (``\\hat{P}``, an empirical law)."""
    accent = next((accent for accent in ACCENTS if key.startswith(accent)), "")
    return key.removeprefix(accent) in DISTRIBUTION_LETTERS


def _distribution_key(atom: Atom) -> str:
    if atom.star:  # p^*, the true law beside a model's p: a law of its own, never p itself
        return f"{atom.key}*"
    return (atom.full_keys() or [atom.key])[0]


def _is_probability_of_outcome(atom: Atom, outcomes: set) -> bool:
    """``p(x)`` inside ``E_{x \\sim q}``: a distribution letter at the outcome drawn."""
    if not is_distribution_name(atom.key) or len(atom.args) != 1 or atom.post_sub:
        return False
    argument = _single(atom.args[0])
    return argument is not None and argument.args is None and not argument.sub and argument.key in outcomes


def _note_application(atom: Atom, walk: _Walk, used: set, bound: set) -> str:
    """An unknown function's value at its arguments, read as a real number of its own (``V(S_t)``).

    The value may be any number only where nothing ties it to others: not under a derivative or an integral,
    not under a limit whose variable its arguments or its own name write, not at a summed variable, and not a conditional
    probability P(A | B).
    """
    from derive.docs.bind import applied_key

    shown = _display(atom)
    arguments = [arg.source for arg in atom.args]
    letters = set(re.findall(r"[A-Za-z]+", " ".join(arguments)))
    written = letters | set(re.findall(r"[A-Za-z]+", shown))  # f_n(x) under \lim_{n \to \infty} writes n too
    if walk.calculus or written & {re.split(r"[_^]", variable)[0] for variable in walk.limits}:
        raise NotIdentity(
            f"{shown}(...) under a derivative, a limit or an integral: a function the formula does not state"
        )
    if any(sep in ("|", ";", "||") for sep in atom.seps):
        raise NotIdentity(f"{shown}(... | ...): a conditional probability, tied to the others by the law it comes from")
    if letters & (bound | walk.bound_letters):
        raise NotIdentity(f"{shown}(...) at a summed or bound variable: a function of it, not one number")
    name = atom.key + "*" if atom.star else (atom.full_keys() or [atom.key])[0]
    key = applied_key(name, atom.args, atom.seps)
    plain = all(_is_number(arg) or getattr(_single(arg), "args", 0) is None for arg in atom.args)
    walk.applications.setdefault(name, {})[key] = plain
    return _note(walk, used, key, "real", key)


def _is_number(side: Side) -> bool:
    try:
        return parse_latex(side.text).is_number
    except ParseError:
        return False


def _visit_name(atom: Atom, walk: _Walk, used: set, bound: set, defined: set) -> str | None:
    """Note the variable a name is (its key), or nothing for a bound name, a constant or a defined name."""
    key = atom.key
    if atom.star or atom.post_sub:
        raise NotIdentity(f"{_display(atom)}: a marked or indexed name not read as a plain variable")
    if atom.step or atom.decoration.startswith("("):
        return _visit_labelled(atom, walk, used, bound)
    if key in bound and not atom.sub and not atom.decoration:
        return None
    if key in defined or any(k in defined for k in atom.full_keys()):
        return None
    if key in walk.constants and not atom.sub and not atom.decoration:
        return None
    if atom.decoration in bound and not atom.sub:  # b^\tau inside \sum_\tau: a power of b
        return _note(walk, used, key, "vector" if key in walk.bold else "real", key)
    if atom.decoration:
        if atom.decoration in walk.bound_letters or atom.sub:
            raise NotIdentity(f"{_display(atom)}: a superscript that is neither a power nor part of a name")
        return _note(walk, used, f"{key}^{atom.decoration}", "real", key)
    if key in walk.bold and key[:1].isupper():
        if atom.sub:
            raise NotIdentity(f"{_display(atom)}: an entry or a member of a family of matrices")
        return _note(walk, used, key, "matrix", key)
    if atom.transpose and key not in walk.bold and key not in walk.indexed_bases:
        raise NotIdentity(f"{_display(atom)} transposed: a vector or a matrix, whose shape the formula does not state")
    if not atom.sub:
        return _note(walk, used, key, "vector" if key in walk.bold else "real", key)
    letters = set(re.findall(r"[A-Za-z]+", atom.sub_text))
    if key in walk.bold_subscripted:  # \mathbf{v}_c, \mathbf{k}_i: vectors of their own, not components
        if letters & (bound | walk.bound_letters) or key in walk.indexed_bases:
            raise NotIdentity(
                f"{_display(atom)}: a bold name with a subscript a sum runs over, one of a family of vectors"
            )
        return _note(walk, used, f"{key}_{atom.sub_text}", "vector", key)  # \mathbf{x}_t: a vector of its own
    if letters & bound or key in walk.indexed_bases:
        if len(atom.sub) != 1:
            raise NotIdentity(f"{_display(atom)}: an entry of a matrix or a tensor")
        return _note(walk, used, key, "vector", key)
    if key in walk.bold:
        if len(atom.sub) != 1:
            raise NotIdentity(f"{_display(atom)}: an entry of a matrix or a tensor")
        return _note(walk, used, key, "vector", key)  # r_i beside \mathbf{r}: its i-th component
    return _note(walk, used, f"{key}_{atom.sub_text}", "real", key)


def _visit_labelled(atom: Atom, walk: _Walk, used: set, bound: set) -> str:
    r"""A name with a label in parentheses (``\mu^{(t)}``, ``\mathbf{W}^{(2)}``, ``x_i^{(t+1)}``): a name of its own, the
    label never a power; with a subscript a sum runs over, the entries of a vector of that name.

    A label a sum runs over (``y^{(i)}`` under ``\sum_i``) numbers one of a family of examples: not read.
    """
    label = atom.step or atom.decoration
    name = f"{atom.key}^{label}"
    if set(re.findall(r"[A-Za-z]+", label)) & (bound | walk.bound_letters):
        raise NotIdentity(f"{name}: a superscript in parentheses a sum runs over names one of a family of examples")
    bold = atom.key in walk.bold
    if atom.step:  # the label alone: \mu^{(t)}, \mathbf{W}^{(1)}
        if bold and atom.key[:1].isupper():
            return _note(walk, used, name, "matrix", name)
        if atom.transpose and not bold:
            raise NotIdentity(f"{name} transposed: a vector or a matrix, whose shape the formula does not state")
        return _note(walk, used, name, "vector" if bold else "real", name)
    if bold or atom.transpose:
        raise NotIdentity(f"{_display(atom)}: a labelled name with an index, not read as a plain variable")
    if not set(re.findall(r"[A-Za-z]+", atom.sub_text)) & (bound | walk.bound_letters):
        return _note(walk, used, f"{name}_{atom.sub_text}", "real", name)  # x^{(1)}_m: a number of its own
    if len(atom.sub) != 1:
        raise NotIdentity(f"{_display(atom)}: an entry of a matrix or a tensor")
    return _note(walk, used, name, "vector", name)  # x_i^{(t+1)} under \sum_i: the entries of the vector x^{(t+1)}


def _named_count(atom: Atom, bound: set, defined: set) -> bool:
    """Whether a subscripted name in a sum's upper bound is a size of its own (d_k), not an entry of a sequence: its
    subscript uses none of the names the sum binds, and the name is neither a constant nor defined."""
    letters = set(re.findall(r"[A-Za-z]+", atom.sub_text))
    return (
        bool(atom.sub)
        and len(atom.sub) == 1
        and not atom.decoration
        and not atom.transpose
        and not letters & bound
        and atom.key not in CONSTANTS
        and atom.key not in defined
        and f"{atom.key}_{atom.sub_text}" not in defined
    )


def _parameters(atom: Atom, defined) -> list:
    """The parameters of a function an earlier formula defines (``L`` of ``L(y, \\hat{y}) = ...``), else []."""
    if not isinstance(defined, dict) or atom.sub or atom.decoration:
        return []
    definition = defined.get(atom.key)
    return list(getattr(definition, "params", None) or [])


def _written_names(side: Side) -> tuple[set, set]:
    """The names a side writes, as (key, subscripted), at any depth: (those as values, those applied as functions)."""
    values, functions = set(), set()
    for node in _nodes(side):
        if isinstance(node, Atom):
            (values if node.args is None else functions).add((node.key, bool(node.sub)))
        for child in child_sides(node):
            inner_values, inner_functions = _written_names(child)
            values |= inner_values
            functions |= inner_functions
    return values, functions


def _through_unstated_names(body: Side, variable: str) -> bool:
    r"""Whether a derivative by ``variable`` differentiates names that do not write it (\frac{\partial}{\partial
    \theta_j} \sum_k \pi_k R_k): the author means them as functions of it, which the formula does not state."""
    try:
        values, functions = _written_names(body)
    except NotIdentity:
        return False
    if variable in {key for key, _ in values | functions}:
        return False
    return any(sub or key not in CONSTANTS for key, sub in values)  # π_k is a name, π alone the constant


def _single(side: Side):
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return None
    if isinstance(expr, sp.Symbol):
        node = side.node(expr)
        return node if isinstance(node, Atom) else None
    return None


def _display(atom: Atom) -> str:
    text = atom.key + (f"_{atom.sub_text}" if atom.sub_text else "")
    return text + (f"^{atom.decoration}" if atom.decoration else "") + ("^*" if atom.star else "")
