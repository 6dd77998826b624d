"""A result's documentation vocabulary: the names, functions and kinds a document may use for it.

Each result declares its vocabulary beside its claims (``Result(vocabulary=...)``):
which names documents write for its objects (σ, s, p, \\hat{y} for a softmax output;
\\pi_{ref} for a reference policy; H(X), H(Y \\mid X), I(X;Y) over a joint table),
what each name means in the result's own SymPy notation, which dimension a bare Σ
runs over, and a few formulas in a document's notation with a wrong variant of each
(``examples``), which the test suite decides through a Markdown document. The
documentation checker (:mod:`derive.docs`) asks the registry for a result and reads
its vocabulary; it knows no particular result.

A meaning is a pair ``(kind, builder)`` evaluated by the checker's interpreter ``env``
for one choice of dimensions:

* ``("scalar", env -> expr)`` a number (:func:`number_of`);
* ``("vec", env -> Vec)`` a vector, indexed by the document (:func:`vector_of`);
* ``("func1", (env, argument value) -> expr)`` a function of one argument;
* ``("jacobian", env -> ("matrix", (a, b) -> entry, size))`` a square matrix (:func:`matrix_of`);
* ``("call", (env, atom, side) -> value)`` a name that reads its own arguments and
  subscripts (:func:`function_of`, :func:`by_arguments`, :func:`sequence`, :func:`call`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import sympy as sp

from derive import domain as dom
from derive.errors import DeriveError

__all__ = [
    "FONT_WORDS",
    "RelatedDimensions",
    "Setting",
    "Vocabulary",
    "VocabularyError",
    "argument_text",
    "by_arguments",
    "call",
    "computed_number",
    "computed_vector",
    "dimension_names",
    "from_domain",
    "function_of",
    "function_of_arguments",
    "generic_vocabulary",
    "matrix_entries",
    "matrix_of",
    "number_of",
    "position_value",
    "refuse",
    "relate_dimensions",
    "restrict",
    "sequence",
    "softmax_of",
    "subscript_value",
    "sum_bounds",
    "vector_of",
    "vector_value",
    "vocabulary_for",
    "written_atoms",
]


class VocabularyError(DeriveError):
    """A tag clause the bound result's vocabulary cannot honour (an unknown model parameter, a misplaced kind)."""


@dataclass
class Vocabulary:
    """What a document may write for one result (see the module docstring)."""

    name: str = ""
    size: Any = None  # dimension a bare Σ runs over
    dims: dict = field(default_factory=dict)  # names that denote a dimension
    indices: list = field(default_factory=list)  # the result's free indices, in order of use
    entries: dict = field(default_factory=dict)  # name -> meaning (kind, builder)
    sigma: str = "softmax"  # what σ(·) applied to a scalar/vector means
    loss: Callable | None = None  # env -> scalar, the loss L of the result
    loss_partials: dict = field(default_factory=dict)  # name -> (idx -> expr): ∂L/∂name_idx
    expectation: Any = None  # (E, Var) functions of the result's model
    contexts: tuple = ()  # conditioning names ignored in arguments (x in π(y|x))
    index_names: dict = field(default_factory=dict)  # fixed index names -> symbol (t -> class index)
    variants: dict = field(default_factory=dict)  # index symbol -> (flag name, Domain) used when it is set
    domain: Any = None  # defaults to the result's domain
    claim_domains: list = field(default_factory=list)  # (relation, Domain) for strict inequalities
    result: Any = None
    examples: tuple = ()  # (correct LaTeX, wrong LaTeX[, tag clauses]) in a document's notation
    parameters: dict = field(
        default_factory=dict
    )  # model parameter word -> (vocab, [Setting]) -> Vocabulary (tag clauses)
    symbols: dict = field(default_factory=dict)  # name -> domain symbol a clause such as "\epsilon > 0" restricts
    domain_names: bool = False  # also every domain symbol under its own name (see from_domain)
    random_samples: tuple = ()  # names of the result's i.i.d. samples (X_t), what a tag's "x_i: random" refers to
    applied: tuple = ()  # names applied to the bracket after them, whatever it holds (R((n - m)\theta))

    def with_(self, **changes) -> Vocabulary:
        """A copy with the named fields changed."""
        return replace(self, **changes)

    def with_samplers(self, samplers: dict) -> Vocabulary:
        """A copy whose domain, variant domains and claim domains also sample ``samplers``."""

        def extend(domain):
            base = domain or dom.Domain({}, points=5)
            return base.with_(samplers={**base.samplers, **samplers})

        return replace(
            self,
            domain=extend(self.domain),
            variants={k: (flag, extend(d)) for k, (flag, d) in self.variants.items()},
            claim_domains=[(relation, extend(d)) for relation, d in self.claim_domains],
        )

    def symbol(self, name: str):
        """The domain symbol a document's name stands for, or None."""
        if name in self.symbols:
            return self.symbols[name]
        for symbol in self.domain.samplers if self.domain is not None else {}:
            if _name(symbol) == name:
                return symbol
        return None


def _name(symbol) -> str:
    return str(symbol.label) if isinstance(symbol, sp.IndexedBase) else str(symbol)


@dataclass(frozen=True)
class Setting:
    """A model parameter set by a tag clause: ``variance of q \\sigma_q^2`` is
    Setting("variance", of="q", name="sigma_q", power=2); ``one-hot target`` is Setting("one-hot")."""

    word: str
    of: str = ""  # the object it is about (q, k), "" for all
    name: str = ""  # the document's name for the value, as a vocabulary key ("" for a flag)
    power: int = 1  # the value is name**power (σ² names σ)
    text: str = ""  # the clause as written


def refuse(message: str):
    """Stop reading a formula the vocabulary cannot give a meaning to: the checker reports it UNKNOWN with ``message``."""
    from derive.docs.bind import BindError

    raise BindError(message)


# --- meanings -----------------------------------------------------------------------------


def _vec(component, size, base=None, row=False):
    from derive.docs.bind import Vec

    return Vec(component, size, base, row)


def vector_value(component, length, base=None):
    """A vector value for the interpreter: ``component(idx)`` for idx = 1..length."""
    return _vec(component, length, base)


def vector_of(base, size=None, row=False):
    """The vector ``base`` with ``size`` entries (default: the vocabulary's dimension), a column unless ``row``."""

    def build(env):
        length = (
            env.size_value
            if size is None
            else env.dim_value(size)
            if isinstance(size, sp.Symbol)
            else env.concretise(size)
        )
        return _vec(lambda idx: base[idx], length, base, row)

    return ("vec", build)


def computed_vector(entry, size):
    """The vector whose component ``idx`` is ``entry(idx, length)``, over the dimension ``size``."""

    def build(env):
        length = env.dim_value(size)
        return _vec(lambda idx: entry(idx, length), length)

    return ("vec", build)


def softmax_of(logits, size):
    """σ(logits), a vector over the dimension ``size``."""
    from derive.notation import Softmax

    return computed_vector(lambda idx, length: Softmax(logits, idx, length), size)


def number_of(expr):
    """A fixed expression of the result's symbols (dimensions put in)."""
    return ("scalar", lambda env: env.concretise(expr))


def computed_number(build):
    """A number computed from the interpreter (``env -> expr``), e.g. a mean over the current dimension."""
    return ("scalar", build)


def function_of(build, subscripted: bool = False):
    """A function of one argument: ``build(env, argument value) -> expr``.

    A subscript the name does not carry is refused (GELU_tanh is not GELU), unless
    ``subscripted`` (an entry named with its subscript, such as ``bytes_bf16``).
    """

    def read(env, atom, side):
        if atom.sub and not subscripted:
            refuse(f"{atom.key}_{atom.sub_text} is not {atom.key}: the vocabulary has no {atom.key} with a subscript")
        if not atom.args or len(atom.args) != 1:
            refuse(f"{atom.key} takes one argument")
        return build(env, env.side(atom.args[0]))

    return call(read)


def function_of_arguments(build, count=None):
    """A function of several arguments: ``build(env, *argument values) -> value`` (``count`` of them, if given)."""

    def read(env, atom, side):
        args = atom.args or []
        if not args or (count is not None and len(args) != count):
            refuse(f"{atom.key} takes {count or 'at least one'} argument(s), not {len(args)}")
        return build(env, *[env.side(arg) for arg in args])

    return call(read)


def matrix_entries(base, size=None, cols=None, name=None):
    """A matrix known entry by entry: W_{ij}, W_{i,j} or W_{kj} is ``base[i, j]`` (or ``base(i, j)`` for a function);
    with its ``size`` (a dimension) given, W alone is the whole size × size matrix (size × cols with ``cols``), read at
    a concrete size. A ``name`` that carries a subscript (W_0, W_q) names the whole matrix: its subscript indexes
    nothing."""

    def read(env, atom, side):
        indices = [index for index in atom.sub if index]
        if name is not None and atom.sub_text and f"{atom.key}_{atom.sub_text}" == name:
            indices = []
        if len(indices) == 1 and len(indices[0]) == 2 and indices[0].isalpha():
            indices = list(indices[0])
        applied = bool(atom.args) and len(atom.args) == 1 and not atom.transpose
        if not indices and (not atom.args or applied) and size is not None:
            from derive.docs.bind import NeedsConcrete

            length = env.dim_value(size)
            width = length if cols is None else env.dim_value(cols)
            if not isinstance(length, sp.Integer) or not isinstance(width, sp.Integer):
                raise NeedsConcrete()
            whole = sp.Matrix(
                int(length),
                int(width),
                lambda a, b: base(sp.Integer(a + 1), sp.Integer(b + 1)) if callable(base) else base[a + 1, b + 1],
            )
            whole = sp.Matrix(env.concretise(whole)).doit() if callable(base) else whole
            if applied:  # H \left( \dots \right): the matrix times the bracket, not a function of it
                return env._mul([whole, env.side(atom.args[0])])
            return whole.T if atom.transpose else whole
        if len(indices) == 1 and size is not None and cols is None and not atom.args:
            # u_j of a square matrix u: one of the family of vectors u_1, ..., u_n (read as its rows, which is no
            # choice while the formula writes u only so: with u_{ij} or u itself, row or column would matter)
            if _written_whole_or_by_entry(env, atom.key):
                refuse(
                    f"{atom.key}_{indices[0]} beside {atom.key}'s entries or the whole {atom.key}: whether"
                    f" {atom.key}_{indices[0]} is a row or a column of {atom.key} is not said"
                )

            return read_row(env, atom, indices[0])
        if len(indices) != 2:
            refuse(f"{atom.key} is a matrix: write one entry with two indices, e.g. {atom.key}_{{ij}}")
        row, col = env.index(indices[0]), env.index(indices[1])
        declared = getattr(env, "declared_sizes", None)
        for position, dim in ((row, size), (col, size if cols is None else cols)):
            if declared is not None and dim is not None and isinstance(position, sp.Symbol) and position.is_positive:
                declared.setdefault(position, set()).add(dim)  # Σ_k X_{ik} with no bounds: over X's columns
        return env.concretise(base(row, col) if callable(base) else base[row, col])

    def read_row(env, atom, index):
        """The row of the matrix at ``index``: a vector over its columns (a column when ``atom`` is transposed)."""
        from derive.docs.values import Vec

        row = env.index(index)
        width = env.dim_value(size if cols is None else cols)
        vector = Vec(lambda k: base(row, k) if callable(base) else base[row, k], width)
        return env.concretise(sp.Matrix(vector.explicit()).T) if atom.transpose else vector

    read.row = read_row  # the rows a lower-case letter names beside the matrix (derive.docs.matrix_rows)
    return call(read)


def sum_bounds(env):
    """The single names every sum or product of the formula runs up to (L in \\sum_{i=1}^L)."""
    from derive.docs.free import child_sides
    from derive.docs.nodes import SumNode
    from derive.docs.parse import parse_latex
    from derive.docs.side_names import single_atom

    todo = list(getattr(env, "formula_sides", ()))
    while todo:
        side = todo.pop()
        for node in side.nodes(parse_latex(side.text)):
            if isinstance(node, SumNode) and node.high is not None:
                atom = single_atom(node.high)
                if atom is not None and not atom.sub and not atom.args:
                    yield atom.key
            todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))


def written_atoms(env) -> list:
    """Every name the formula writes, with its subscripts and arguments as written, inner sides included."""
    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in

    return list(atoms_in(list(getattr(env, "formula_sides", ())), child_sides))


def _written_whole_or_by_entry(env, key) -> bool:
    """Whether the formula writes the matrix ``key`` whole (u) or by its entries (u_{ij})."""
    from derive.docs.nodes import Atom

    for side in getattr(env, "formula_sides", ()):
        for node in side.table.values():
            if isinstance(node, Atom) and node.key == key and not node.args:
                items = [item for item in node.sub if item]
                if len(items) == 1 and len(items[0]) == 2 and items[0].isalpha():
                    items = list(items[0])
                if len(items) != 1:
                    return True
    return False


def matrix_of(entry, size):
    """A size × size matrix with entries ``entry(a, b, length)`` (``length`` the size at hand)."""

    def build(env):
        length = env.dim_value(size)
        return ("matrix", lambda a, b: entry(a, b, length), length)

    return ("jacobian", build)


def call(build):
    """A name that reads its own arguments and subscripts: ``build(env, atom, side) -> value``."""
    return ("call", build)


FONT_WORDS = ("mathbf", "mathrm", "mathcal", "mathit", "boldsymbol", "bm", "text", "operatorname", "mathsf")


def argument_text(env, atom) -> str:
    """The arguments of an application as plain text with separators: ``X``, ``X,Y``, ``Y|X``, ``X;Y``, ``D|w``."""
    if atom.args is None:
        return ""
    parts = []
    for position, arg in enumerate(atom.args):
        text = (arg.source or "").replace(" ", "").replace("{", "").replace("}", "")
        for word in FONT_WORDS:
            text = text.replace(word, "")
        parts.append(text)
        if position < len(atom.seps):  # P(B | A = a): the event A = a is the hypothesis A_a
            parts.append({"||": "|", "event =": "_"}.get(atom.seps[position], atom.seps[position]))
    return "".join(parts)


def by_arguments(table: dict, name: str = ""):
    """A function known by its arguments: ``{"X": H_X, "X,Y": H_XY, "X|Y": ...}`` (values in the result's notation)."""

    def build(env, atom, side):
        key = argument_text(env, atom)
        if key not in table:
            known = ", ".join(f"{name or atom.key}({k})" for k in table)
            refuse(f"{name or atom.key}({key}) is not one of {known}")
        value = table[key]
        return env.concretise(value(env) if callable(value) else value)

    return call(build)


def sequence(value_at, length, steps=("t", "T")):
    """A sequence x_t over steps 1..length: ``value_at(step, env) -> expr``; subscripts t, t-1, s or a number."""

    def build(env, atom, side):
        step = subscript_value(env, atom.sub_text, length, steps)
        if step is None:
            refuse(f"{atom.key} is a sequence over t: write it with a step, e.g. {atom.key}_t")
        return value_at(step, env)

    return call(build)


def subscript_value(env, text: str, length, steps=("t", "T")):
    """The step a subscript names: the dimension ``length`` for t or T (``steps``), t−1, t+1, a number, a summation variable."""
    text = (text or "").replace(" ", "")
    if not text:
        return None
    if text in env.bound:
        return env.bound[text]
    if text.lstrip("-").isdigit():
        return sp.Integer(int(text))
    base, sign, offset = text.partition("-") if "-" in text else text.partition("+")
    if base in steps and (not sign or offset.isdigit()):
        step = env.dim_value(length)
        return step - int(offset) if sign == "-" else step + int(offset) if sign == "+" else step
    return env.index(text)


def position_value(env, text: str):
    """A position written in a subscript as a sum of indices and whole numbers: ``m``, ``n-m``, ``m+s``, ``2``."""
    text = (text or "").replace(" ", "")
    if not text:
        refuse("an empty position")
    total, sign, term = sp.Integer(0), 1, ""
    for character in text + "+":
        if character in "+-":
            if term:
                total += sign * (
                    sp.Integer(int(term))
                    if term.isdigit()
                    else env.index(term)
                    if term.isalpha()
                    else _unreadable(term)
                )
            elif character == "+" or total != 0:
                refuse(f"cannot read the position {text!r}")
            sign, term = (1 if character == "+" else -1), ""
        else:
            term += character
    return total


def _unreadable(term):
    refuse(f"cannot read {term!r} as an index or a whole number")


def dimension_names(symbol, extra=()) -> dict:
    """The usual names of a result's main dimension: n, N, K, C, V and ``extra``."""
    return {name: symbol for name in ("n", "N", "K", "C", "V", *extra)}


@dataclass(frozen=True)
class RelatedDimensions(dom.Domain):
    """A domain whose dimensions are all equal (``equal``) or pairwise distinct (``distinct``) at every point.

    The points are those of the plain domain that satisfy the relation, drawn from a
    larger seeded sample, so they stay deterministic.
    """

    equal: bool = False
    distinct: bool = False

    def with_(self, **changes) -> RelatedDimensions:
        data = {
            "samplers": self.samplers,
            "points": self.points,
            "fixed": self.fixed,
            "equal": self.equal,
            "distinct": self.distinct,
        }
        data.update(changes)
        return RelatedDimensions(**data)

    def _holds(self, point) -> bool:
        values = [point[s] for s in self.dimensions if s in point]
        if self.equal:
            return len(set(values)) <= 1
        return len(set(values)) == len(values)

    def sample_points(self, seed_text: str, dps: int, limit: int | None = None) -> list:
        plain = dom.Domain(self.samplers, self.points * 40, self.fixed)
        chosen = [p for p in plain.sample_points(seed_text, dps) if self._holds(p)]
        if not chosen:
            refuse("no sampled values of the dimensions are " + ("equal" if self.equal else "distinct"))
        return chosen[: self.points if limit is None else min(self.points, limit)]


def relate_dimensions(vocab: Vocabulary, equal: bool) -> Vocabulary:
    """The clause 'equal dimensions' or 'distinct dimensions': every domain of ``vocab`` samples them so."""

    def related(domain):
        if domain is None or len(domain.dimensions) < 2:
            raise VocabularyError(f"{vocab.name or 'this notation'} has fewer than two dimensions to relate")
        choice = [v for v in domain.dimensions.values() if len(v.values) > 1]
        if not equal and len(choice) < len(domain.dimensions) - 1:
            raise VocabularyError("the dimensions cannot all be distinct: some take a single value")
        return RelatedDimensions(domain.samplers, domain.points, domain.fixed, equal=equal, distinct=not equal)

    variants = {k: (flag, related(d)) for k, (flag, d) in vocab.variants.items() if len(d.dimensions) >= 2}
    return replace(
        vocab,
        domain=related(vocab.domain),
        variants={**vocab.variants, **variants},
        claim_domains=[(r, related(d)) if len(d.dimensions) >= 2 else (r, d) for r, d in vocab.claim_domains],
    )


def restrict(vocab: Vocabulary, symbol, keep) -> Vocabulary:
    """``vocab`` with the sampler of ``symbol`` narrowed by ``keep(sampler) -> sampler`` in every domain that has it."""

    def narrowed(domain):
        if domain is None or symbol not in domain.samplers:
            return domain
        return domain.with_(samplers={**domain.samplers, symbol: keep(domain.samplers[symbol])})

    return replace(
        vocab,
        domain=narrowed(vocab.domain),
        variants={k: (flag, narrowed(d)) for k, (flag, d) in vocab.variants.items()},
        claim_domains=[(r, narrowed(d)) for r, d in vocab.claim_domains],
    )


# --- finding a result's vocabulary ----------------------------------------------------------


def from_domain(domain, entries: dict | None = None, dims: dict | None = None, **fields) -> Vocabulary:
    """The vocabulary of a domain's symbols under their own names, with more ``entries``, ``dims`` and fields.

    A vector's name (an IndexedBase) means the vector over the dimension it is sampled
    with, a dimension's name the dimension, an index is one of the result's indices,
    any other symbol a number.
    """
    named, dimensions, indices, size = {}, {}, [], None
    for symbol, sampler in domain.samplers.items():
        name = _name(symbol)
        if isinstance(sampler, dom.Dimension):
            dimensions[name] = symbol
            size = size or symbol
        elif isinstance(sampler, dom.Index):
            indices.append(symbol)
        elif isinstance(symbol, sp.IndexedBase):
            named[name] = vector_of(symbol, getattr(sampler, "size", None))  # over its own dimension
        else:
            named[name] = number_of(symbol)
    fields.setdefault("size", size)
    fields.setdefault("indices", indices)
    return Vocabulary(
        entries={**named, **(entries or {})}, dims={**dimensions, **(dims or {})}, domain=domain, **fields
    )


def vocabulary_for(result) -> Vocabulary:
    """The vocabulary ``result`` declares, completed with its name and domain; its domain's symbols if it declares none."""
    declared = getattr(result, "vocabulary", None)
    if declared is None:
        declared = from_domain(result.domain)
    elif callable(declared):
        declared = declared(result)
    domain = declared.domain or result.domain
    if declared.domain_names:
        own = from_domain(domain)
        declared = replace(
            declared,
            entries={**own.entries, **declared.entries},
            dims={**own.dims, **declared.dims},
            size=declared.size or own.size,
            indices=declared.indices or own.indices,
        )
    return replace(declared, name=result.name, domain=domain, result=result)


def generic_vocabulary() -> Vocabulary:
    """The shared notation alone: p, q distributions, z, x, y, g vectors over n entries."""
    from derive.notation import g, i, j, n, p, q, x, y, z

    entries = {name: vector_of(base) for name, base in (("p", p), ("q", q), ("z", z), ("x", x), ("y", y), ("g", g))}
    domain = dom.Domain(
        {
            n: dom.dimension(1, 6, unbounded=True),
            p: dom.probability_vector(n),
            q: dom.probability_vector(n),
            z: dom.vector(n, dom.reals(-5, 5)),
            x: dom.vector(n),
            y: dom.vector(n),
            g: dom.vector(n),
            i: dom.index(n),
            j: dom.index(n),
        },
        points=20,
    )
    return Vocabulary("", n, {"n": n, "N": n, "K": n}, [i, j], entries, domain=domain)
