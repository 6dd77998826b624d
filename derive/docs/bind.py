"""Binding: what each identifier of a formula means for the result it is tagged with.

The bound result declares its :class:`~derive.vocabulary.Vocabulary`: the names
documents use (σ, s, p, \\hat{y} for a softmax output; \\pi_{ref} for the reference
policy; μ, σ², \\hat{x} in LayerNorm) mapped to its own SymPy objects, and the
dimension a bare Σ runs over; this module knows no particular result. The
tag can rebind a name (``s = \\operatorname{softmax}(z)``, ``x = z``) or declare the
kind of an extra symbol (``A: real``). :class:`Interpreter` then turns the parsed
sides into SymPy expressions, at symbolic or concrete dimensions (vectors and
matrices such as diag(σ) − σσᵀ need concrete ones).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import sympy as sp

from derive.docs.interpret import Atom, Cases, Deriv, Indicator, Number, Side, SumNode, TupleNode
from derive.docs.operations import ELEMENTARY_FUNCTIONS
from derive.docs.parse import parse_latex
from derive.docs.sums import names_a_size
from derive.errors import DeriveError
from derive.notation import KL, CrossEntropy, Entropy, Logistic, Softmax
from derive.vocabulary import Vocabulary, generic_vocabulary, vector_of, vocabulary_for  # noqa: F401  (used by decide)


class BindError(DeriveError):
    """A formula that parses but cannot be bound: an unknown symbol or function, a misused index."""


class Unbound(BindError):
    """A name the formula uses that nothing binds: no vocabulary entry, tag clause, definition or builtin."""

    def __init__(self, message: str, name: str):
        super().__init__(message)
        self.name = name


class ShapeError(DeriveError):
    """An expression that mixes shapes (a matrix plus a scalar, a product of mismatched sizes)."""


@dataclass
class Definition:
    """A name a document defines for the formulas after it: ``f(x) = ...``, ``g := ...``."""

    name: str  # the vocabulary key of the name ("g", "p_XY", "sigma")
    params: list  # the parameters' keys ([] for a symbol)
    body: Any  # the defining side (a Side)


class NeedsConcrete(Exception):
    """A vector or matrix operation met at symbolic dimension."""


@dataclass
class Vec:
    """A vector given by its components; ``size`` may be symbolic."""

    component: Callable[[Any], Any]
    size: Any
    base: Any = None  # the IndexedBase, when the vector is a plain symbol
    row: bool = False

    def explicit(self):
        if not isinstance(self.size, (int, sp.Integer)):
            raise NeedsConcrete()
        entries = [self.component(sp.Integer(t)) for t in range(1, int(self.size) + 1)]
        return sp.Matrix(1, len(entries), entries) if self.row else sp.Matrix(entries)


def vec_of(base, size):
    return Vec(lambda idx: base[idx], size, base)


def as_value(v):
    """Scalars stay; vectors become explicit column (or row) matrices."""
    if isinstance(v, Vec):
        return v.explicit()
    return v


def scalarise(v):
    if isinstance(v, sp.MatrixBase) and v.shape == (1, 1):
        return v[0, 0]
    return v


# --- vocabularies: declared by each result (derive.vocabulary) -------------------------


def _vec_entry(base):
    return vector_of(base)


generic_vocab = generic_vocabulary


# --- the interpreter ---------------------------------------------------------------------

KL_NAMES = ("KL", "D_KL", "D", "D_kl", "KLD", "D_{KL}")


class Interpreter:
    """Turns parsed sides into SymPy values for one binding and one choice of dimensions."""

    bare_in_derivative = False  # reading the bare name a derivative is of (f in df/dx)

    def __init__(
        self,
        vocab: Vocabulary,
        dims: dict | None = None,
        overrides: dict | None = None,
        extra: dict | None = None,
        flags: dict | None = None,
        definitions: dict | None = None,
    ):
        self.vocab = vocab
        self.dims = dims or {}  # dimension symbol -> int (concrete) ; missing = symbolic
        self.overrides = overrides or {}  # name -> Side (in the result's notation) or ("value", ...)
        self.extra = extra or {}  # name -> SymPy symbol declared by kind in the tag
        self.index_map: dict = {}
        self.bound: dict = {}
        self.flags = dict(flags or {})
        self.used_indices: set = set()
        self.cache: dict = {}
        self._overriding: set = set()
        self.definitions = definitions or {}  # name -> Definition, from earlier formulas of the document
        self.values: dict = {}  # parameter of a definition being applied -> its argument's value
        self.implicit_ranges = True  # may a sum without bounds run over the vocabulary's dimension?
        self.indexed: set = set()  # summation dummies used as the index of a vector
        self.summed_names: set = set()  # index names some sum runs over
        self.used_entries: set = set()  # vocabulary names the formula used (not rebound by the tag)
        self.quantified: dict = {}  # free index name -> its symbol, an index the formula claims for every value of
        # names nothing fixes (see derive.docs.arbitrary): read as arbitrary functions and sequences when allowed
        self.arbitrary_allowed = False
        self.arbitrary: dict = {}  # name -> (the function used, whether a refutation with it is a FAIL)
        self.declared_functions: set = set()  # names the tag declares "NAME: function"
        self.formula_sides: list = []  # every side of the formula, for the steps it names
        self.template_letters: set = set()  # steps bound while a definition of the tag is unrolled
        self.unrolled: dict = {}  # name -> how deep its indexed definition is being unrolled
        self.outcomes: dict = {}  # variable of an enclosing E_{x ~ p} -> the index of its outcome

    # -- dimensions --
    def dim_value(self, symbol):
        return sp.Integer(self.dims[symbol]) if symbol in self.dims else symbol

    @property
    def size_value(self):
        return self.dim_value(self.vocab.size) if self.vocab.size is not None else None

    def concretise(self, expr):
        return sp.sympify(expr).xreplace({s: sp.Integer(v) for s, v in self.dims.items()}) if self.dims else expr

    # -- sides --
    def side(self, side: Side):
        key = (id(side), side.text)
        if key not in self.cache:
            self.cache[key] = parse_latex(side.text)
        return self.value(self.cache[key], side)

    def value(self, expr, side):
        if isinstance(expr, sp.Symbol):
            node = side.node(expr)
            if node is None:
                raise BindError(f"the parser produced a symbol '{expr.name}' of its own")
            return self.node(node, side)
        if isinstance(expr, (sp.Integer, sp.Rational)):
            return expr
        if isinstance(expr, sp.Float):
            return sp.Rational(str(expr))
        if expr in (sp.E, sp.pi, sp.oo, sp.zoo, sp.nan, sp.I):
            if expr is sp.E:
                return sp.E
            raise BindError(f"the constant {expr} is not supported")
        if isinstance(expr, sp.Add):
            values = [self.value(a, side) for a in expr.args]
            return self._add(values)
        if isinstance(expr, sp.Mul):
            values = [self.value(a, side) for a in expr.args]
            return self._mul(values)
        if isinstance(expr, sp.Pow):
            base = self.value(expr.args[0], side)
            power = self.value(expr.args[1], side)
            base = as_value(base) if isinstance(base, Vec) else base
            if isinstance(base, sp.MatrixBase) or isinstance(power, (sp.MatrixBase, Vec)):
                if isinstance(base, sp.MatrixBase) and base.shape == (1, 1):
                    return base[0, 0] ** power
                if isinstance(base, sp.MatrixBase) and power == -1 and base.is_square:
                    det = base.det(method="berkowitz")
                    if sp.expand(det) == 0:  # adjugate / 0 would be a value: there is none
                        raise ShapeError("the inverse of a matrix that is singular as read")
                    return base.adjugate(method="berkowitz") / det  # inv() simplifies: minutes
                raise ShapeError("a power of a vector or matrix")
            return sp.Pow(base, power)
        if isinstance(expr, sp.log):
            arg = self.value(expr.args[0], side)
            if len(expr.args) > 1 and expr.args[1] not in (sp.E,):
                return _elementwise(lambda a: sp.log(a) / sp.log(self._scalar(self.value(expr.args[1], side))), arg)
            return _elementwise(sp.log, arg)
        if isinstance(expr, (*ELEMENTARY_FUNCTIONS, sp.Abs, sp.factorial)):
            arg = self.value(expr.args[0], side)
            if isinstance(arg, (Vec, sp.MatrixBase)):
                if isinstance(expr, sp.Abs):
                    matrix = as_value(arg)
                    return sp.sqrt(sum(e**2 for e in matrix))
                if isinstance(expr, sp.factorial):
                    raise ShapeError(f"{type(expr).__name__} of a vector")
            return _elementwise(type(expr), arg)
        if isinstance(expr, sp.Function) and type(expr).__name__ in ("sqrt",):
            return sp.sqrt(self._scalar(self.value(expr.args[0], side)))
        raise BindError(f"unsupported construct {type(expr).__name__} ({expr})")

    def _scalar(self, v):
        v = scalarise(as_value(v))
        if isinstance(v, sp.MatrixBase):
            raise ShapeError("a vector or matrix where a number is expected")
        return v

    def _add(self, values):
        if not any(isinstance(v, (Vec, sp.MatrixBase)) for v in values):
            return sp.Add(*values)
        values = [as_value(v) for v in values]
        shapes = {v.shape for v in values if isinstance(v, sp.MatrixBase)}
        if len(shapes) > 1:
            wide = {s for s in shapes if s != (1, 1)}  # a 1x1 value (u·v at n = 1) is a number
            if len(wide) > 1:
                raise ShapeError(f"sum of matrices of shapes {sorted(shapes)}")
            values = [scalarise(v) if isinstance(v, sp.MatrixBase) and v.shape == (1, 1) else v for v in values]
            shapes = wide
        shape = next(iter(shapes))
        # a number added to a vector or matrix is added to every entry (x - μ), as authors mean it
        return sum(
            (v if isinstance(v, sp.MatrixBase) else sp.ones(*shape) * v for v in values[1:]),
            values[0] if isinstance(values[0], sp.MatrixBase) else sp.ones(*shape) * values[0],
        )

    def _mul(self, values):
        if not any(isinstance(v, (Vec, sp.MatrixBase)) for v in values):
            return sp.Mul(*values)
        # a vector keeps its shape when scaled, also at dimension 1 (z/T, (1/n)·1 stay vectors)
        values = [as_value(v) for v in values]
        result = values[0]
        for v in values[1:]:
            if isinstance(result, sp.MatrixBase) and isinstance(v, sp.MatrixBase):
                if result.shape[1] == 1 and v.shape[1] == 1 and result.shape[0] == v.shape[0] and result.shape[0] > 1:
                    result = (result.T * v)[0, 0]  # u · v written without a transpose: the dot product
                    continue
                if result.shape[1] != v.shape[0]:
                    if result.shape == (1, 1):
                        result = result[0, 0] * v
                        continue
                    if v.shape == (1, 1):
                        result = result * v[0, 0]
                        continue
                    raise ShapeError(
                        f"product of a {result.shape[0]}x{result.shape[1]} and a {v.shape[0]}x{v.shape[1]} matrix"
                    )
                result = result * v
            else:
                result = result * v
        return result

    # -- nodes --
    def node(self, node, side):
        if isinstance(node, Number):
            return sp.Rational(node.text)
        if isinstance(node, Atom):
            return self.atom(node, side)
        if isinstance(node, SumNode):
            return self.sum(node)
        if isinstance(node, Deriv):
            return self.derivative(node)
        if isinstance(node, TupleNode):
            items = [self._scalar(self.side(s)) for s in node.items]
            if node.columns:
                return sp.Matrix(len(items) // node.columns, node.columns, items)
            return Vec(lambda idx, items=items: _pick(items, idx), sp.Integer(len(items)), row=node.row)
        if isinstance(node, Indicator):
            return (
                sp.KroneckerDelta(self.index(node.condition.left), self.index(node.condition.right))
                if node.condition.relation == "="
                else 1 - sp.KroneckerDelta(self.index(node.condition.left), self.index(node.condition.right))
            )
        if isinstance(node, Cases):
            pieces = []
            for expr_side, conditions, otherwise in node.rows:
                value = self._scalar(self.side(expr_side))
                if otherwise or not conditions:
                    pieces.append((value, True))
                    continue
                cond = sp.And(
                    *[
                        (sp.Eq if c.relation == "=" else sp.Ne)(self.index(c.left), self.index(c.right))
                        for c in conditions
                    ]
                )
                pieces.append((value, cond))
            return sp.Piecewise(*pieces)
        from derive.docs.operations import value_of  # max/min, norms, cases with conditions, primes, limits, ...

        return value_of(self, node)

    # indices
    def index(self, name):
        name = str(name).strip()
        if not name:
            raise BindError("an empty index")
        if name.lstrip("-").isdigit():
            return sp.Integer(int(name))
        if name in self.bound:
            return self.bound[name]
        if name in self.index_map:
            return self.index_map[name]
        if name in self.vocab.index_names and self.vocab.index_names[name] in self.vocab.variants:
            symbol = self.vocab.index_names[name]
            self.flags[self.vocab.variants[symbol][0]] = True
            self.index_map[name] = symbol
            return symbol
        taken = set(self.index_map.values())
        by_name = [s for s in self.vocab.indices if str(s) == name and s not in taken]
        free = by_name or [s for s in self.vocab.indices if s not in taken and str(s) not in self.index_map]
        free = by_name or [s for s in free if not any(str(s) == other for other in self._pending_names())]
        if not free and self._quantifiable_index(name):
            # r_i in a formula about every i: a further index over the result's dimension, drawn at each point
            symbol = sp.Symbol(f"doc_{name}", integer=True, positive=True)
            self.quantified[name] = symbol
            self.index_map[name] = symbol
            return symbol
        if not free:
            raise BindError(
                f"index {name} is neither summed over nor one of the result's indices"
                f" ({', '.join(map(str, self.vocab.indices)) or 'it has none'})"
            )
        self.index_map[name] = free[0]
        return free[0]

    def _index_as_number(self, atom: Atom) -> bool:
        """Whether a bare name is an index the formula has already used as one (in a subscript before it), or one the
        result names (the target class t of a cross-entropy, in ``\\mathbb{1}(t = k)``)."""
        if atom.sub or atom.args is not None or atom.decoration or atom.transpose or atom.post_sub:
            return False
        return atom.key in self.index_map or atom.key in self.vocab.index_names

    def _quantifiable_index(self, name) -> bool:
        """Whether a free index ``name`` may range over the result's dimension: a plain letter nothing else names."""
        return (
            self.vocab.size is not None
            and re.fullmatch(r"[A-Za-z]", name) is not None
            and not any(name in table for table in (self.overrides, self.vocab.entries, self.vocab.dims, self.extra))
        )

    def _names_vector(self, name) -> bool:
        for table in (self.overrides, self.vocab.entries):
            meaning = table.get(name)
            if isinstance(meaning, Side) or (isinstance(meaning, tuple) and meaning[0] in ("vec", "jacobian")):
                return True
        return False

    def _pending_names(self):
        return set(self.pending_index_names) if hasattr(self, "pending_index_names") else set()

    def atom_index_name(self, side: Side):
        """The index an argument names (``y`` in π(y|x), ``y_w``), or None."""
        return argument_name(side)

    def meaning(self, atom: Atom):
        """(kind, builder, consumed_sub) for an atom, from overrides, the vocabulary and the tag."""
        keys = []
        if atom.star:
            keys += [f"{atom.key}*", f"{atom.key}^*"] + [f"{k}*" for k in atom.full_keys()]
        keys += atom.full_keys()
        if atom.args:  # V(S_t) declared in the tag as a number of its own
            keys = [applied_key(k, atom.args) for k in [*keys, atom.key]] + keys
        for key in keys:
            for table in (self.overrides, self.vocab.entries):
                if key in table:  # x^{(t)} found by its label keeps its subscript x_i^{(t)}
                    return key, table[key], not (atom.sub and key == f"{atom.key}^{atom.decoration}")
        if atom.decoration:  # π^{ref} is not π: an unknown decorated name stays unbound, never its bare name
            return f"{atom.key}^{atom.decoration}", None, False
        for table in (self.overrides, self.vocab.entries):
            if atom.key in table:
                return atom.key, table[atom.key], False
        return atom.key, None, False

    def atom(self, atom: Atom, side: Side):
        key = atom.key
        if atom.decoration in self.bound and not atom.args:  # b^\tau inside \sum_{\tau}: a power of the summed variable
            from dataclasses import replace as undecorated

            base = self.atom(undecorated(atom, decoration=""), side)
            if isinstance(base, (Vec, sp.MatrixBase)):
                raise ShapeError("a power of a vector or matrix")
            return sp.Pow(base, self.bound[atom.decoration])
        # a summation variable used as a number
        if key in self.bound and not atom.sub and not atom.args:
            return self.bound[key]
        if key in self.values and not atom.args and not atom.decoration:  # a parameter of a definition being applied
            return self._apply_indices(self.values[key], atom, atom.sub)
        definition = self._definition(atom)
        if definition is not None:
            return self._apply_definition(definition, atom)
        from derive.docs import arbitrary

        if arbitrary.applies_indexed_definition(atom, self):  # δ_{t+1} from the tag's δ_t
            return arbitrary.read_indexed_definition(self, atom, side)
        if arbitrary.is_shared_sequence(atom, self):  # g_{t-1}: the shared vector g written as a sequence
            return arbitrary.read_arbitrary(self, atom, side)
        name, meaning, consumed = self.meaning(atom)
        if meaning is not None and name not in self.overrides:
            self.used_entries.add(name)
        sub = [] if consumed else atom.sub
        if meaning is None:
            if atom.key in self.vocab.dims or atom.full_keys() and atom.full_keys()[0] in self.vocab.dims:
                dim_key = (
                    atom.full_keys()[0] if atom.full_keys() and atom.full_keys()[0] in self.vocab.dims else atom.key
                )
                return self._post(self.dim_value(self.vocab.dims[dim_key]), atom)
            declared = next((k for k in atom.full_keys() if k in self.extra), key if key in self.extra else None)
            if declared is not None:  # a symbol of the tag, w or w_1
                return self._post(self.extra[declared], atom)
            if self._index_as_number(atom):  # θ_i = 10000^{-2(i-1)/d}: the index i as a number
                return self.index(key)
            return self.builtin(atom, side)
        if isinstance(meaning, Side):  # a rebinding from the tag, written in the result's notation
            if name in self._overriding:
                raise BindError(f"the tag defines {name} in terms of itself")
            renamed = single_atom(meaning)
            if atom.args is not None and renamed is not None and renamed.args is None and not renamed.sub:
                # g = \sigma in the tag: g(z) is \sigma(z)
                self._overriding.add(name)
                try:
                    return self.atom(
                        replace(
                            renamed,
                            args=atom.args,
                            seps=atom.seps,
                            post_sub=atom.post_sub,
                            sub=sub,  # \pi_\theta = \pi: the tag's name held the subscript
                            sub_text=atom.sub_text if sub else "",
                            brackets=atom.brackets,
                        ),
                        side,
                    )
                finally:
                    self._overriding.discard(name)
            self._overriding.add(name)
            try:
                value = self.side(meaning)
            finally:
                self._overriding.discard(name)
            return self._apply_indices(value, atom, sub)
        kind, build = meaning[0], meaning[1]
        if kind == "call":  # a vocabulary's own reading of the name, its arguments and subscripts
            return build(self, atom, side)
        if kind == "scalar":
            value = build(self)
            if sub:
                raise BindError(
                    f"{name} is a number in {self.vocab.name or 'this notation'}, but has the index {atom.sub_text}"
                )
            return self._post(value, atom, allow_args=False, args_used=name.endswith(")"))
        if kind == "func1":
            if not atom.args:
                raise BindError(f"{name} needs an argument")
            arg = self.side(atom.args[0])
            return self._post(build(self, arg), atom, allow_args=False, args_used=True)
        if kind == "vec":
            return self._apply_indices(build(self), atom, sub)
        if kind == "jacobian":
            _, entry, size = build(self)
            idx = sub or atom.post_sub
            if len(idx) == 2:
                return self._post(entry(self.index(idx[0]), self.index(idx[1])), atom, allow_args=False)
            if not isinstance(size, sp.Integer):
                raise NeedsConcrete()
            m = sp.Matrix(int(size), int(size), lambda a, b: entry(sp.Integer(a + 1), sp.Integer(b + 1)))
            return self._post(m.T if atom.transpose else m, atom, allow_args=False, transposed=True)
        raise BindError(f"unknown meaning for {name}")

    def _definition(self, atom: Atom):
        """The document's definition an atom names, unless a tag clause rebinds the name."""
        if not self.definitions or any(k in self.overrides for k in [*atom.full_keys(), atom.key]):
            return None
        for key in atom.full_keys():
            if key in self.definitions:
                return self.definitions[key]
        if atom.key in self.definitions and not atom.decoration:
            definition = self.definitions[atom.key]
            if definition.params or not atom.sub:
                return definition
        return None

    def _apply_definition(self, definition: Definition, atom: Atom):
        if definition.name in self._overriding:
            raise BindError(f"{definition.name} is defined in terms of itself")
        args = atom.args or []
        # df/dx of a function defined as f(x) = ...: f at its own parameters, read as the formula's own names
        bare = bool(definition.params) and atom.args is None and not atom.sub and self.bare_in_derivative
        if definition.params and not bare and len(args) != len(definition.params):
            raise BindError(
                f"{definition.name} is defined with {len(definition.params)} argument(s), used with {len(args)}"
            )
        values = [self.side(a) for a in args] if definition.params and not bare else []
        if bare:  # a refutation then rests on this reading: see derive.docs.decide._refuted
            self.bare_definitions = getattr(self, "bare_definitions", frozenset()) | {definition.name}
        saved = dict(self.values)
        self._overriding.add(definition.name)
        try:
            self.values = {k: v for k, v in self.values.items() if k not in definition.params}
            self.values.update(zip(definition.params, values))
            value = self.side(definition.body)
        finally:
            self.values = saved
            self._overriding.discard(definition.name)
        if definition.params:
            indices = list(atom.post_sub)
        else:
            indices = (
                []
                if atom.full_keys() and atom.full_keys()[0] == definition.name
                else list(atom.sub) + list(atom.post_sub)
            )
        if indices:
            if len(indices) > 1 or not isinstance(value, Vec):
                raise BindError(f"{definition.name} is not a vector, but has an index")
            value = value.component(self.index(indices[0]))
        return _transpose(value) if atom.transpose else value

    def _post(self, value, atom, allow_args=True, args_used=False, transposed=False):
        if atom.args and not args_used and not allow_args:
            # f(x) for a name that is not a function: a context argument, or a product written f(x)
            names = [self.atom_index_name(a) for a in atom.args]
            if not all(n in self.vocab.contexts or n is None for n in names) and not any(
                n in self.vocab.contexts for n in names
            ):
                value = self._mul([value] + [self.side(a) for a in atom.args])
        if atom.transpose and not transposed:
            value = _transpose(value)
        return value

    def _apply_indices(self, value, atom, sub):
        indices = list(sub) + list(atom.post_sub)
        if not indices and atom.args and len(atom.args) == 1 and isinstance(value, Vec) and self.arbitrary_allowed:
            # tagged, p(x) inside E_{x ~ q} or Σ_x is p's probability of the outcome x (untagged, p may be any
            # vector, not a distribution: a claim about probabilities would be refuted by a vector of any sign)
            outcome = self.outcomes.get(self.atom_index_name(atom.args[0]))
            if outcome is not None and self.concretise(outcome[1]) == self.concretise(value.size):
                self.indexed.add(outcome[0])
                return value.component(outcome[0])
        if not indices and atom.args:
            names = [self.atom_index_name(a) for a in atom.args]
            drawn = [name for name in names if name in self.outcomes]
            if len(drawn) > 1:  # p(x, c), p(x | c) over outcomes sums draw: a joint law of both, not one entry of p
                raise BindError(
                    f"{atom.key}({', '.join(drawn)}): a joint or conditional law of several outcomes is not modelled"
                )
            names = [None if n is not None and self._names_vector(n) else n for n in names]
            chosen = [n for n in names if n is not None and n not in self.vocab.contexts]
            if (
                not chosen
                and all(n is None for n in names)
                and all(self._names_vector(self.atom_index_name(a) or "") for a in atom.args)
            ):
                return _transpose(value) if atom.transpose else value  # σ(z): the output vector, written with its input
            if len(atom.args) == 1 and names[0] is None:
                arg = self.side(atom.args[0])
                if isinstance(value, Vec) and isinstance(arg, Vec) and value.base is not None and arg.base is not None:
                    pass  # p(z): a distribution written with its argument vector
                else:
                    return self._mul([value, arg])
            elif chosen:
                indices = [chosen[0]]
        if not indices:
            return _transpose(value) if atom.transpose else value
        if len(indices) > 1:
            raise BindError(f"{atom.key} is a vector but has {len(indices)} indices")
        if not isinstance(value, Vec):
            raise BindError(f"{atom.key} is not a vector, but has the index {indices[0]}")
        position = self.index(indices[0])
        self.indexed.add(position)
        return value.component(position)

    # builtin functions and symbols shared by every vocabulary: see BUILTINS below
    def builtin(self, atom: Atom, side: Side):
        for applies, read in BUILTINS:
            if applies(atom, self):
                value = read(self, atom, side)
                if value is not DECLINED:
                    return value
        raise Unbound(
            f"'{_display(atom)}' is not bound: {self.vocab.name or 'the shared notation'} has no symbol or function of that name"
            + (
                ""
                if self.vocab.name == ""
                else "; say what it stands for in the tag, e.g. '; s = \\operatorname{softmax}(z)'"
            ),
            atom.key,
        )

    def _kronecker(self, atom: Atom, side: Side):
        """δ_{ij} or I_{ij}: 1 when the indices agree, else 0."""
        return sp.KroneckerDelta(self.index(atom.sub[0]), self.index(atom.sub[1]))

    def _identity_matrix(self, atom: Atom, side: Side):
        """A bare I: the identity matrix beside another matrix or vector, else a name of its own (a number)."""
        if not self._beside_a_matrix():
            raise Unbound("I beside no matrix or vector: a number of its own, not the identity matrix", "I")
        size = self.size_value
        if not isinstance(size, sp.Integer):
            raise NeedsConcrete()
        return sp.eye(int(size))

    def _beside_a_matrix(self) -> bool:
        """Whether the formula writes a matrix or vector, or names one the vocabulary or the tag binds."""
        from derive.docs.identity import writes_a_matrix

        if not self.formula_sides:  # a side read on its own (a tag's definition): the identity as before
            return True
        for formula_side in self.formula_sides:
            if writes_a_matrix(formula_side.source):
                return True
            for node in formula_side.table.values():
                if isinstance(node, TupleNode) or isinstance(node, Atom) and node.transpose:
                    return True
                if isinstance(node, Atom) and node.key != "I" and self._may_be_a_matrix(node):
                    return True
        return False

    def _may_be_a_matrix(self, atom: Atom) -> bool:
        """Whether the vocabulary or the tag gives the name a meaning that may be a matrix or a vector."""
        meaning = self.meaning(atom)[1]
        if meaning is not None:
            return not (isinstance(meaning, tuple) and meaning[0] == "scalar")  # "B: positive" declares a number
        declared = self.extra.get(atom.key)
        return declared is not None and not isinstance(declared, sp.Expr)

    def _ones(self, atom: Atom, side: Side):
        """\\mathbf{1}: the column of ones over the vocabulary's dimension."""
        size = self.size_value
        if not isinstance(size, sp.Integer):
            raise NeedsConcrete()
        return _transpose(sp.ones(int(size), 1)) if atom.transpose else sp.ones(int(size), 1)

    def _softmax_family(self, atom: Atom, side: Side):
        """softmax, log-softmax and σ: the logistic function of a number, the softmax of a vector."""
        key = atom.key
        args = [self.side(a) for a in atom.args]
        if len(args) > 1:  # softmax(5.2, 2.1, -0.8)
            args = [Vec(lambda idx, items=[self._scalar(a) for a in args]: _pick(items, idx), sp.Integer(len(args)))]
        arg = args[0]
        if isinstance(arg, sp.MatrixBase) and arg.shape == (1, 1) and key != "softmax":
            arg = arg[0, 0]  # σ(θ^T x): the product of a row and a column is a number
        indices = list(atom.sub) + list(atom.post_sub)
        if key in ("logistic", "sigmoid") or (
            key == "sigma" and not isinstance(arg, (Vec, sp.MatrixBase)) and not indices
        ):
            if isinstance(arg, (Vec, sp.MatrixBase)):
                raise ShapeError("the logistic function of a vector")
            return Logistic(arg)
        if isinstance(arg, sp.MatrixBase):
            items = list(arg)
            arg = Vec(lambda idx, items=items: _pick(items, idx), sp.Integer(len(items)))
        if not isinstance(arg, Vec):
            if key == "sigma":
                return Logistic(arg)
            component = self._component_argument(atom, side)
            if component is None:
                raise ShapeError("the softmax of a number")
            arg, indices = component  # softmax(x_i): the i-th component of softmax(x), as the author means it
        vec = _softmax_of(arg)
        if key == "logsoftmax":
            vec = Vec(lambda idx, v=vec: sp.log(v.component(idx)), vec.size)
        if indices:
            return vec.component(self.index(indices[0]))
        return _transpose(vec) if atom.transpose else vec

    def _component_argument(self, atom: Atom, side: Side):
        """(the vector x, [i]) when the one argument is a component x_i of a vector, else None."""
        inner = single_atom(atom.args[0]) if atom.args and len(atom.args) == 1 else None
        if inner is None or inner.args is not None or len(inner.sub) != 1 or atom.sub or atom.post_sub:
            return None
        try:
            base = self.atom(replace(inner, sub=[], sub_text=""), atom.args[0])
        except (BindError, ShapeError):
            return None
        return (base, list(inner.sub)) if isinstance(base, Vec) else None

    def _conventional_function(self, atom: Atom, side: Side):
        """Φ, φ and ζ of a number as the shared notation writes them: the standard normal CDF and density, the softplus.

        φ is the density only beside Φ (GELU's gradient): alone it is as often a feature map or a parameter.
        ζ of a number without a variable is declined: ζ(2) is more likely Riemann's zeta than a softplus.
        """
        if len(atom.args) != 1 or atom.sub or atom.post_sub or atom.decoration or atom.transpose:
            return DECLINED
        if atom.key == "phi" and not _writes_function(self, "Phi"):
            return DECLINED
        arg = self.side(atom.args[0])
        if isinstance(arg, sp.MatrixBase) and arg.shape == (1, 1):
            arg = arg[0, 0]
        if isinstance(arg, (Vec, sp.MatrixBase)):
            raise ShapeError(f"{atom.key} of a vector")
        if atom.key == "zeta" and not sp.sympify(arg).free_symbols:
            return DECLINED
        return CONVENTIONAL_FUNCTIONS[atom.key](arg)

    def _bare_sigma(self, atom: Atom, side: Side):
        raise BindError("σ without an argument")

    def _cross_entropy_named(self, atom: Atom, side: Side):
        """CE(P, Q): the cross-entropy H(P, Q)."""
        from dataclasses import replace as renamed

        return self.builtin(renamed(atom, key="H"), side)

    def _entropy(self, atom: Atom, side: Side):
        """H(p) = -Σ p log p and H(p, q) = -Σ p log q."""
        args = [self._vector(self.side(a)) for a in atom.args]
        if len(args) == 1:
            p = args[0]
            if p.base is not None and p.size is not None and p.base in (_notation_p(), _notation_q()):
                return Entropy(p.base, p.size)
            return _sum_over(p.size, lambda k: -p.component(k) * sp.log(p.component(k)))
        if len(args) == 2:
            p, q = args
            _same_size(p, q)
            if _shared_pair(p, q):
                return CrossEntropy(p.base, q.base, p.size)
            return _sum_over(p.size, lambda k: -p.component(k) * sp.log(q.component(k)))
        return DECLINED

    def _kl(self, atom: Atom, side: Side):
        """D_KL(p, q) = Σ p log(p/q)."""
        if atom.key == "D" and atom.sub_text and atom.sub_text.upper() not in ("KL",):
            raise BindError(f"D_{atom.sub_text} is not a known divergence")
        p, q = (self._distribution(self.side(a)) for a in atom.args)
        _same_size(p, q)
        if _shared_pair(p, q):
            return KL(p.base, q.base, p.size)
        return _sum_over(p.size, lambda k: p.component(k) * sp.log(p.component(k) / q.component(k)))

    def _moment(self, atom: Atom, side: Side):
        """E, Var, Cov: over x ~ p when the subscript says so, else with the vocabulary's probability model."""
        key = atom.key
        if "|" in atom.seps:
            raise BindError(f"a conditional expectation {key}[· | ·] needs a joint model of both; it is not computed")
        if self.vocab.expectation is None and "sim" not in atom.sub_text:
            raise BindError(f"{key}[...] needs a probability model; {self.vocab.name or 'untagged formulas'} has none")
        if "sim" in atom.sub_text and key == "E":
            return self._expectation_over(atom, side)
        E, Var = self.vocab.expectation
        value = self.side(atom.args[0])
        if getattr(E, "of_entries", False):  # E[x] of a vector: the mean of its entries (derive.docs.chance)
            return E(self._vector(value)) if key in ("E", "bb_E") else Var(self._vector(value))
        arg = self._scalar(value)
        return E(arg) if key in ("E", "bb_E") else Var(arg)

    def _expectation_over(self, atom: Atom, side: Side):
        """E_{x ~ p}[f]: Σ_k p_k f at x = the k-th outcome (x_k when x lists the values)."""
        variable, _, dist = atom.sub_text.partition("sim")
        dist = dist.removesuffix(f"({variable})") if variable else dist  # z ~ P(z): the distribution P
        p = self._vector(self.node(Atom(dist, [], ""), side))
        dummy = sp.Dummy(variable or "k", integer=True, positive=True)
        saved = self.bound.get(variable)
        outcome = dummy
        if self._names_vector(variable):  # x ~ p where x lists the values: the outcome's value x_k
            already = variable in self.used_entries
            outcome = self._vector(self.node(Atom(variable, [], ""), side)).component(dummy)
            if not already:  # x ~ p pairs x with p: not a vector drawn apart from the tag's distributions
                self.used_entries.discard(variable)
        self.bound[variable] = outcome
        saved_outcome = self.outcomes.get(variable)
        self.outcomes[variable] = (dummy, p.size)
        try:
            body = self.side(atom.args[0])
        finally:
            if saved is None:
                self.bound.pop(variable, None)
            else:
                self.bound[variable] = saved
            if saved_outcome is None:
                self.outcomes.pop(variable, None)
            else:
                self.outcomes[variable] = saved_outcome
        if isinstance(body, (Vec, sp.MatrixBase)):  # the expectation of a vector, entry by entry
            matrix = as_value(body)
            if not isinstance(p.size, sp.Integer):
                raise NeedsConcrete()
            return sum(
                (
                    p.component(sp.Integer(t)) * matrix.xreplace({dummy: sp.Integer(t)})
                    for t in range(1, int(p.size) + 1)
                ),
                sp.zeros(*matrix.shape),
            )
        return sp.Sum(p.component(dummy) * body, (dummy, 1, p.size))

    def _diag(self, atom: Atom, side: Side):
        return sp.diag(*list(self._vector(self.side(atom.args[0])).explicit()))

    def _rank(self, atom: Atom, side: Side):
        m = as_value(self.side(atom.args[0]))
        if not isinstance(m, sp.MatrixBase) or m.free_symbols:
            raise BindError("rank(...) is decided only for a matrix written out in numbers")
        return sp.Integer(m.rank())

    def _trace(self, atom: Atom, side: Side):
        m = as_value(self.side(atom.args[0]))
        if isinstance(m, sp.MatrixBase) and not m.is_square:
            raise ShapeError(f"the trace of a {m.rows}x{m.cols} matrix (not square)")
        if not isinstance(m, sp.MatrixBase) and getattr(m, "free_symbols", None) and not self.implicit_ranges:
            # untagged, names read as numbers: tr(AB) = tr(BA) would hold of any numbers
            raise ShapeError("the trace of a number: the formula does not say that its names are matrices")
        return m.trace() if isinstance(m, sp.MatrixBase) else m

    def _arbitrary(self, atom: Atom, side: Side):
        """f(x), r_t that nothing defines: an arbitrary function or sequence (see derive.docs.arbitrary)."""
        from derive.docs.arbitrary import read_arbitrary

        return read_arbitrary(self, atom, side)

    def _loss(self, atom: Atom, side: Side):
        """L, ℓ, J, ...: the vocabulary's loss, if it has one."""
        return self.vocab.loss(self) if self.vocab.loss is not None else DECLINED

    def _distribution(self, value):
        """The distribution an argument of KL stands for: a vector, or for a number ρ the Bernoulli law (ρ, 1 - ρ).

        (Only KL: a divergence is between distributions, while H(x) of a number may be another function, a step.)
        """
        if isinstance(value, (Vec, sp.MatrixBase)):
            return self._vector(value)
        items = [value, 1 - value]
        return Vec(lambda idx, items=items: _pick(items, idx), sp.Integer(2))

    def _vector(self, value):
        if isinstance(value, Vec):
            return value
        if isinstance(value, sp.MatrixBase) and 1 in value.shape:
            items = list(value)
            return Vec(lambda idx, items=items: _pick(items, idx), sp.Integer(len(items)))
        raise ShapeError("a number where a vector (distribution) is expected")

    def sum(self, node: SumNode):
        if not node.variables:
            raise BindError("a sum without a summation index")
        saved, saved_outcomes = dict(self.bound), dict(self.outcomes)
        try:
            dummies = []
            for variable in node.variables:
                self.summed_names.add(variable)
                dummy = sp.Dummy(variable, integer=True, positive=True)
                self.bound[variable] = dummy
                dummies.append(dummy)
            low = self._scalar(self.side(node.low)) if node.low is not None else sp.Integer(1)
            high, high_is_size = self._sum_bound(node)
            if high is None:
                raise BindError("a sum without an upper bound, and no dimension to run over")
            if node.low is None and node.high is None:  # Σ_x p(x): x runs over the outcomes, p(x) is p's probability
                self.outcomes.update({variable: (dummy, high) for variable, dummy in zip(node.variables, dummies)})
            if low == 0:  # Σ_{t=0}: allowed where t numbers terms (0.9^t), never where it indexes a vector (1-based)
                for position, variable in enumerate(node.variables):
                    dummies[position] = sp.Dummy(variable, integer=True, nonnegative=True)
                    self.bound[variable] = dummies[position]
            body = self.side(node.body)
            if low == 0 and any(d in self.indexed for d in dummies):
                raise BindError("a sum from 0 over a vector's entries: indices here run from 1")
            if high_is_size and not all(d in self.indexed for d in dummies):
                raise ShapeError("a vector where a number is expected (the bound of a sum)")
            if node.high is None and not self.implicit_ranges and not all(d in self.indexed for d in dummies):
                from derive.docs.interpret import Unsupported

                raise Unsupported(
                    f"a sum over {', '.join(node.variables)} without a stated range, not running over a vector's entries"
                )
            for variable in node.excluded:
                body = self._mul([body, 1 - sp.KroneckerDelta(self.bound[node.variables[0]], self.index(variable))])
            for dummy in reversed(dummies):
                if isinstance(body, (Vec, sp.MatrixBase)):
                    matrix = as_value(body)
                    if not isinstance(high, sp.Integer):
                        raise NeedsConcrete()
                    body = sum(
                        (matrix.xreplace({dummy: sp.Integer(t)}) for t in range(int(low), int(high) + 1)),
                        sp.zeros(*matrix.shape),
                    )
                else:
                    body = (sp.Sum if node.op == "sum" else sp.Product)(body, (dummy, low, high))
            return body
        finally:
            self.bound, self.outcomes = saved, saved_outcomes

    def _sum_bound(self, node: SumNode):
        """(the upper bound, whether it is the vectors' size read for a name that means a vector).

        ``\\sum_{j=1}^{q} y_j`` where the notation's q is a vector: the author's q counts the entries the sum runs
        over, the size of the vectors (checked by the caller: the sum must index a vector by its variable)."""
        if node.high is None:
            return self.size_value, False
        if names_a_size(self, node):  # d_k: read as a count of the formula's own, not as a term of a sequence d
            size = single_atom(node.high)
            raise Unbound(f"'{_display(size)}' is not bound: the bound of a sum, a size nothing gives", size.key)
        high = self.side(node.high)
        if isinstance(high, (Vec, sp.MatrixBase)) and self.size_value is not None:
            atom = single_atom(node.high)
            if atom is not None and atom.args is None and not atom.sub and not atom.transpose:
                return self.size_value, True
        return self._scalar(high), False

    def _fixed_by_tag(self, atom: Atom, value) -> bool:
        """Whether a derivative's variable is a plain name the tag sets to a number (x = 4 beside ∂f/∂x)."""
        plain = not atom.sub and atom.args is None and not atom.decoration and not atom.transpose
        number = isinstance(value, sp.Expr) and not isinstance(value, (sp.Symbol, sp.Indexed))
        return plain and atom.key in self.overrides and number and not value.free_symbols

    def _derivative_at_value(self, node: Deriv, name: str, value):
        """∂f/∂x at the value the tag gives x: differentiated with respect to x, then x set to the value."""
        variable = sp.Dummy(name)
        saved = dict(self.values)
        self.values[name] = variable
        try:
            derivative = self.derivative(node)
        finally:
            self.values = saved
        if not isinstance(derivative, sp.Expr):
            raise BindError(f"a derivative with respect to {name}, which the tag sets to {value}")
        return derivative.doit().subs(variable, value)

    def derivative(self, node: Deriv):
        variable = self.side(node.den)
        num_value = None
        # ∂L/∂y_i where the loss depends on y only through the upstream gradient
        num_atom = single_atom(node.num)
        den_atom = single_atom(node.den)
        if (
            num_atom is not None
            and num_atom.key in ("L", "cal_L", "ell", "J")
            and den_atom is not None
            and den_atom.key in self.vocab.loss_partials
            and den_atom.key not in self.overrides
        ):
            partial = self.vocab.loss_partials[den_atom.key]
            if den_atom.sub:
                return partial(self.index(den_atom.sub[0]))
            return Vec(partial, self.size_value)
        if den_atom is not None and self._fixed_by_tag(den_atom, variable):
            return self._derivative_at_value(node, den_atom.key, variable)
        if num_value is None:
            saved_bare, self.bare_in_derivative = (
                self.bare_in_derivative,
                num_atom is not None and num_atom.args is None,
            )
            try:
                num_value = self.side(node.num)
            finally:
                self.bare_in_derivative = saved_bare
        if isinstance(variable, Vec):
            if variable.base is None:
                raise BindError("a derivative with respect to something that is not a variable")
            base = variable.base
            if isinstance(num_value, Vec):
                size = variable.size
                if not isinstance(size, sp.Integer) or not isinstance(num_value.size, sp.Integer):
                    raise NeedsConcrete()
                return sp.Matrix(
                    int(num_value.size),
                    int(size),
                    lambda a, b: sp.Derivative(num_value.component(sp.Integer(a + 1)), base[b + 1]),
                )
            return Vec(lambda idx: sp.Derivative(self._scalar(num_value), base[idx]), variable.size)
        if isinstance(variable, sp.MatrixBase) and _distinct_variables(variable):
            # ∇_X f for a matrix X of variables: the matrix of ∂f/∂X_{ij}, shaped as X
            number = self._scalar(num_value)
            return variable.applyfunc(lambda entry: sp.Derivative(number, entry))
        if not (isinstance(variable, sp.Indexed) or isinstance(variable, sp.Symbol)):
            raise BindError(f"a derivative with respect to {variable}, which is not a variable of the result")
        if isinstance(num_value, Vec):
            return Vec(lambda idx: sp.Derivative(num_value.component(idx), variable), num_value.size)
        if isinstance(num_value, sp.MatrixBase):
            return num_value.applyfunc(lambda e: sp.Derivative(e, variable))
        return sp.Derivative(num_value, variable)


DECLINED = object()  # a builtin reader's answer when the atom is not its after all (H with three arguments)
SOFTMAX_NAMES = ("softmax", "Softmax", "sigma", "logistic", "sigmoid", "logsoftmax")
MOMENT_NAMES = ("E", "Var", "var", "bb_E", "Cov")
LOSS_NAMES = ("L", "cal_L", "ell", "J", "CE", "loss", "cal_J")
# functions the shared notation names by a letter (Goodfellow et al. write ζ for the softplus)
CONVENTIONAL_FUNCTIONS = {
    "Phi": lambda x: (1 + sp.erf(x / sp.sqrt(2))) / 2,
    "phi": lambda x: sp.exp(-(x**2) / 2) / sp.sqrt(2 * sp.pi),
    "zeta": lambda x: sp.log(1 + sp.exp(x)),
}


def _writes_function(reader, key: str) -> bool:
    """Whether the formula applies the function ``key`` somewhere (Φ(x) beside φ(x))."""
    return any(
        isinstance(node, Atom) and node.key == key and node.args
        for side in reader.formula_sides
        for node in side.table.values()
    )


def _bare(atom: Atom) -> bool:
    return not atom.sub and not atom.args


def _is_kl(atom: Atom) -> bool:
    named = atom.key in KL_NAMES or any(f in KL_NAMES for f in atom.full_keys()) or atom.key == "D"
    return named and bool(atom.args) and len(atom.args) == 2


def _is_loss(atom: Atom) -> bool:
    return atom.key in LOSS_NAMES or any(f.startswith(("L_", "cal_L_", "ell_")) for f in atom.full_keys())


BUILTINS = (  # (applies, read) in order: the first that applies and does not decline gives the atom's value
    (lambda a, r: a.key in ("delta", "I") and len(a.sub) == 2, Interpreter._kronecker),
    (lambda a, r: a.key == "I" and not a.sub and a.args is None, Interpreter._identity_matrix),  # I(X; Y) is not
    (lambda a, r: a.key == "one" and not a.args, Interpreter._ones),
    # Euler's e is a bare e: e^{\text{img}} is a name of its own (an embedding), never e itself
    (lambda a, r: a.key == "e" and _bare(a) and not a.decoration, lambda r, a, s: sp.E),
    # a bare \pi that no vocabulary gives a meaning (a policy is \pi(a|s) or named in the tag)
    (
        lambda a, r: a.key == "pi" and not a.sub and a.args is None and not a.decoration and not a.post_sub,
        lambda r, a, s: sp.pi,
    ),
    (lambda a, r: a.key in SOFTMAX_NAMES and a.args is not None, Interpreter._softmax_family),
    (lambda a, r: a.key == "sigma" and r.vocab.sigma == "logistic" and a.args is None, Interpreter._bare_sigma),
    (lambda a, r: a.key in CONVENTIONAL_FUNCTIONS and a.args is not None, Interpreter._conventional_function),
    (lambda a, r: a.key == "CE" and bool(a.args) and len(a.args) == 2, Interpreter._cross_entropy_named),
    (lambda a, r: a.key == "H" and bool(a.args), Interpreter._entropy),
    (lambda a, r: _is_kl(a), Interpreter._kl),
    (lambda a, r: a.key in MOMENT_NAMES and bool(a.args), Interpreter._moment),
    (lambda a, r: a.key == "diag" and bool(a.args), Interpreter._diag),
    (lambda a, r: a.key == "rank" and bool(a.args), Interpreter._rank),
    (lambda a, r: a.key in ("tr", "trace") and bool(a.args), Interpreter._trace),
    (lambda a, r: _is_loss(a), Interpreter._loss),
    (lambda a, r: _may_be_arbitrary(a, r), Interpreter._arbitrary),
)


def _distinct_variables(matrix) -> bool:
    """Whether every entry of ``matrix`` is a variable of its own (X_{ij}), so that it can be differentiated by."""
    entries = list(matrix)
    return all(isinstance(e, (sp.Indexed, sp.Symbol)) for e in entries) and len(set(entries)) == len(entries)


def _may_be_arbitrary(atom: Atom, reader) -> bool:
    from derive.docs.arbitrary import may_be_arbitrary

    return may_be_arbitrary(atom, reader)


def _shared_pair(p: Vec, q: Vec) -> bool:
    """Whether p and q are both the shared notation's distributions (then H, KL keep their named form)."""
    named = (_notation_p(), _notation_q())
    return p.base is not None and q.base is not None and p.base in named and q.base in named


def argument_name(side: Side):
    """The name an argument is (``y`` in π(y|x), ``y_w``, a number's digits), or None for an expression."""
    expr = parse_latex(side.text)
    if isinstance(expr, sp.Symbol):
        node = side.node(expr)
        if isinstance(node, Atom) and not node.args and not node.transpose:
            return node.key + (node.sub_text if node.sub_text else "") + ("'" if node.star else "")
        if isinstance(node, Number):
            return node.text
    return None


def applied_key(name: str, args) -> str:
    """The key of a function's value at named arguments, ``V(S_t)``, as a tag declares it (``V(S_t): real``)."""
    names = [argument_name(arg) or "".join(arg.source.split()) for arg in args]
    return f"{name}({','.join(names)})"


def single_atom(side: Side):
    """The node a side consists of, when it is a single name or application; else None."""
    try:
        expr = parse_latex(side.text)
    except Exception:
        return None
    if isinstance(expr, sp.Symbol):
        node = side.node(expr)
        if isinstance(node, Atom):
            return node
    return None


def _display(atom: Atom) -> str:
    text = atom.key
    if atom.sub_text:
        text += "_" + atom.sub_text
    if atom.args is not None:
        text += "(...)"
    return text


def _transpose(value):
    if isinstance(value, Vec):
        return Vec(value.component, value.size, value.base, not value.row)
    if isinstance(value, sp.MatrixBase):
        return value.T
    return value


def _elementwise(function, value):
    """A function of a number applied to every entry of a vector or matrix (exp(z), log p)."""
    if isinstance(value, Vec):
        return Vec(lambda idx: function(value.component(idx)), value.size, None, value.row)
    if isinstance(value, sp.MatrixBase):
        return value.applyfunc(function)
    return function(value)


def _pick(items, idx):
    if isinstance(idx, sp.Integer):
        position = int(idx)
        if not 1 <= position <= len(items):
            raise BindError(f"index {position} outside 1..{len(items)}")
        return items[position - 1]
    return sp.Piecewise(*[(item, sp.Eq(idx, t + 1)) for t, item in enumerate(items)], (sp.nan, True))


def _softmax_of(vec: Vec) -> Vec:
    from derive.notation import z

    if vec.base is not None and vec.base == z:
        return Vec(lambda idx: Softmax(z, idx, vec.size), vec.size)
    if vec.base is not None:
        return Vec(lambda idx: Softmax(vec.base, idx, vec.size), vec.size)

    normaliser = []  # Σ_k e^{v_k}, built once for every component

    def component(idx):
        if not normaliser:
            k = sp.Dummy("k", integer=True, positive=True)
            normaliser.append(sp.Sum(sp.exp(vec.component(k)), (k, 1, vec.size)))
        return sp.exp(vec.component(idx)) / normaliser[0]

    return Vec(component, vec.size)


def _sum_over(size, term):
    k = sp.Dummy("k", integer=True, positive=True)
    return sp.Sum(term(k), (k, 1, size))


def _same_size(p: Vec, q: Vec):
    if isinstance(p.size, sp.Integer) and isinstance(q.size, sp.Integer) and p.size != q.size:
        raise ShapeError(f"distributions of different lengths {p.size} and {q.size}")


def _notation_p():
    from derive.notation import p

    return p


def _notation_q():
    from derive.notation import q

    return q
