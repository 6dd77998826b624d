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

import copy
import re
from dataclasses import replace

import sympy as sp

from derive.docs import written_entries
from derive.docs.interpret import Atom, Cases, Deriv, Indicator, Number, Side, SumNode, TupleNode
from derive.docs.matrix_power import matrix_power
from derive.docs.operations import ELEMENTARY_FUNCTIONS
from derive.docs.parse import parse_latex
from derive.docs.shared_notation import CONVENTIONAL_FUNCTIONS, SharedNotation  # noqa: F401  (read by interpret)
from derive.docs.side_names import (  # noqa: F401  (imported from here)
    WORD_ARGUMENT,
    _display,
    applied_key,
    argument_key,
    argument_name,
    key_at_names,
    one_node,
    single_atom,
)
from derive.docs.sum_reading import SumsAndDerivatives
from derive.docs.symbols import GREEK
from derive.docs.values import (  # noqa: F401  (the values and errors of a reading, imported from here)
    BindError,
    Definition,
    NeedsConcrete,
    ShapeError,
    Unbound,
    Vec,
    _elementwise,
    _pick,
    _transpose,
    _vec_entry,
    as_value,
    scalarise,
    vec_of,
    written_in_numbers,
)
from derive.vocabulary import Vocabulary, generic_vocabulary, vector_of, vocabulary_for  # noqa: F401  (used by decide)

generic_vocab = generic_vocabulary

DOCUMENT_PREFIX = "doc_"  # a name the tag declares, k, is the symbol doc_k: apart from the notation's own k


_UNSET = object()  # an attribute an interpreter does not have
PARAMETER = "\x00"  # where a tag's law at an event takes its parameter, p(y = j | x), in the key of p(y = e | x)
# an index written as a sum of names and whole numbers: t+1, t-l, d+1-i (never a bare name or number)
# a member's number written at a summed index, after the whole number of its row if any: θ_k, ω_{2j}
NUMBERED_AT_INDEX = re.compile(r"(?P<prefix>\d*)(?P<index>[A-Za-z])")
INDEX_OFFSET = re.compile(r"[A-Za-z]\w*(?:[+-]\w+)+|\d+(?:[+-]\w+)*[+-][A-Za-z]\w*(?:[+-]\w+)*")


# --- the interpreter ---------------------------------------------------------------------


class _Member(sp.Function):
    """The member numbered by its argument of a family the tag declares (θ_0, θ_1, θ_2), once that is a whole
    number; undefined (nan) for a number the family does not have."""

    nargs = 1
    members: dict = {}

    @classmethod
    def eval(cls, number):
        if number.is_Integer:
            return cls.members.get(int(number), sp.nan)
        return None


def _labelled_by_a_word(atom) -> bool:
    """Whether a name's subscript is a word of two or more letters (N_{tokens}, N_\\text{params}): a label."""
    label = re.sub(r"\\(?:text|mathrm|textrm|rm|mathit|operatorname)\s*", "", atom.sub_text or "")
    return bool(re.fullmatch(r"\{?\s*[A-Za-z]{2,}\s*\}?", label.strip()))


class WordOutcome(sp.Symbol):
    """An outcome named by a word (\\textsf{cheese}), as a definition's parameter takes it: no number of its own."""


class Interpreter(SharedNotation, SumsAndDerivatives):
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
        self.read_sizes = False  # whether the dimensions' values were looked at (see :attr:`dims`)
        self.dims = dims or {}  # dimension symbol -> int (concrete) ; missing = symbolic
        self.overrides = overrides or {}  # name -> Side (in the result's notation) or ("value", ...)
        self.extra = extra or {}  # name -> SymPy symbol declared by kind in the tag
        self.index_map: dict = {}
        self.bound: dict = {}
        self.flags = dict(flags or {})
        self.used_indices: set = set()
        self.cache: dict = {}  # (side, text) -> its parse
        self._overriding: set = set()
        self.definitions = definitions or {}  # name -> Definition, from earlier formulas of the document
        self.values: dict = {}  # parameter of a definition being applied -> its argument's value
        self.implicit_ranges = True  # may a sum without bounds run over the vocabulary's dimension?
        self.sum_ranges: dict = {}  # summed index -> the side the tag bounds it by (j \\in \\{1, \\ldots, m\\})
        self.real_ranges: dict = {}  # name -> the interval the tag's range gives it, for \\max_p over real values
        self.indexed: set = set()  # summation dummies used as the index of a vector
        self.summed_names: set = set()  # indices of sums that terms after them also use (the sum may cover them)
        self.used_entries: set = set()  # vocabulary names the formula used (not rebound by the tag)
        self.quantified: dict = {}  # free index name -> its symbol, an index the formula claims for every value of
        # names nothing fixes (see derive.docs.arbitrary): read as arbitrary functions and sequences when allowed
        self.arbitrary_allowed = False
        self.declared_only = False  # a link read apart: only the functions the tag declares any may be arbitrary
        self.arbitrary: dict = {}  # name -> (the function used, whether a refutation with it is a FAIL)
        self.declared_functions: set = set()  # names the tag makes functions: its definitions, "NAME: function"
        self.any_functions: set = set()  # names the tag declares "NAME: function", any function
        self.generic_functions: frozenset = frozenset()  # an untagged formula's unknown functions, read generic
        self.generic_family: int = 0  # which family of generic functions they are drawn from (arbitrary)
        self.family_of: dict = {}  # name -> another family for that one function (unchosen_functions)
        self.word_values: set = set()  # keys of the values the tag gives at words (p(\\textsf{cheese}) = 0.4)
        self.word_laws: set = set()  # names the tag gives as laws at words, each alone its vector (word_laws)
        self.sequences: set = set()  # names the tag declares by a term at a step (b_t \\in \\mathbb{R}): sequences
        self.tag_variables: set = set()  # names the tag constrains without defining them (h_{t-1} \\neq \\tilde h_t)
        self.tag_defined: set = set()  # names the tag defines by an expression or as a function (q(x, y) = x + y)
        self.whole_steps: set = set()  # step letters drawn as whole numbers, for a recursion from a stated start
        self.whole_starts: dict = {}  # name -> (position of its step, the start the formula names)
        self.function_of: dict = {}  # name -> the tag's "function of \\theta": sides of the further arguments
        self.formula_sides: list = []  # every side of the formula, for the steps it names
        self.formula_relations: list = []  # the relations between them (=, ≤, ...)
        self.template_letters: set = set()  # steps bound while a definition of the tag is unrolled
        self.unrolled: dict = {}  # name -> how deep its indexed definition is being unrolled
        self.outcomes: dict = {}  # variable of an enclosing E_{x ~ p} -> the index of its outcome
        self.joint_laws: dict = {}  # law name -> JointLaw, a law of several outcomes (derive.docs.joint_law)
        self.finite_sets: dict = {}  # name -> the whole numbers a tag lists for it (x \in \{1, 2, 3, 4\})
        self.shared_sequences: dict = {}  # shared vector name -> whether the formula writes it as a sequence (g_{t-1})
        self.applied_at_variables: set = set()  # made-up functions applied at a free variable, not only at numbers
        self.written_sizes: dict = {}  # sum index -> the size of the written matrix whose entries it runs over
        self.declared_sizes: dict = {}  # index -> the dimensions (rows or columns) of declared matrices it indexes

    # -- dimensions --
    @property
    def dims(self) -> dict:
        """The dimensions' values (symbol -> int); looking at them marks what is read as depending on them."""
        if self._dims:
            self.read_sizes = True
        return self._dims

    @dims.setter
    def dims(self, dims: dict) -> None:
        self._dims = dims

    def adopt_reading(self, read: Interpreter) -> None:
        """Take on the state ``read``, an interpreter of the same reading at other sizes, was left in by reading
        sides without looking at its sizes: what it shares with this one stays shared, the rest is copied."""
        mine = vars(self)
        for name, value in vars(read).items():
            if name != "_dims" and mine.get(name, _UNSET) is not value:
                mine[name] = copy.copy(value) if isinstance(value, (dict, set, list)) else value

    def dim_value(self, symbol):
        if symbol in self.dims:
            return sp.Integer(self.dims[symbol])
        return self.concretise(symbol) if isinstance(symbol, sp.Expr) and not symbol.is_Symbol else symbol

    def writes(self, key: str) -> bool:
        """Whether the formula being read writes the name ``key`` anywhere (for a meaning that depends on it)."""
        from derive.docs.free import child_sides
        from derive.docs.side_names import _atom_keys

        if getattr(self, "_written_keys", None) is None:  # the formula's names, gathered once per reading
            self._written_keys = _atom_keys(list(getattr(self, "formula_sides", ())), child_sides)
        return key in self._written_keys

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
        value = self.value(self.cache[key], side)
        if "\\infty" in side.text and isinstance(value, sp.Basic) and value.has(sp.nan):  # the text test first: cheap
            raise BindError(
                "an undetermined form with \\infty (\\infty - \\infty, 0 \\cdot \\infty, \\infty / \\infty) has no value"
            )
        return value

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
        if expr in (sp.oo, -sp.oo):
            return expr  # ±∞ as a value: e^{-∞} = 0, 1/∞ = 0; a side left infinite or undetermined is not decided
        if expr in (sp.E, sp.pi, sp.zoo, sp.nan, sp.I):
            if expr is sp.E:
                return sp.E
            raise BindError(f"the constant {expr} is not supported")
        if isinstance(expr, sp.Add):
            values = [self.value(a, side) for a in expr.args]
            return self._add(values)
        if isinstance(expr, sp.Mul):
            drawn = [a for a in expr.args if self._bare_expectation(a, side)]
            if len(drawn) == 1:  # \mathbb{E}_{z \sim P} \log \frac{P(z)}{Q(z)}: the expectation of the product after it
                rest = sp.Mul(*[a for a in expr.args if a is not drawn[0]])
                return self._expectation_over(side.node(drawn[0]), side, lambda: self.value(rest, side))
            quotient = self._entrywise_quotient(expr, side)
            if quotient is not None:
                return quotient
            values = [self.value(a, side) for a in expr.args]
            return self._mul(values)
        if isinstance(expr, sp.Pow):
            base = self.value(expr.args[0], side)
            power = self.value(expr.args[1], side)
            base = as_value(base) if isinstance(base, Vec) else base
            if isinstance(power, sp.MatrixBase) and power.shape == (1, 1):  # e^{w^\top x + b}: u^⊤v is a number
                power = power[0, 0]
            if isinstance(base, sp.MatrixBase) or isinstance(power, (sp.MatrixBase, Vec)):
                if isinstance(base, sp.MatrixBase) and base.shape == (1, 1) and not isinstance(power, Vec):
                    return base[0, 0] ** power  # (a vector power of a number has no value: the shape error below)
                if isinstance(base, sp.MatrixBase) and power == -1 and base.is_square:
                    det = base.det(method="berkowitz")
                    if sp.expand(det) == 0:  # adjugate / 0 would be a value: there is none
                        raise ShapeError("the inverse of a matrix that is singular as read")
                    return base.adjugate(method="berkowitz") / det  # inv() simplifies: minutes
                if isinstance(base, sp.MatrixBase) and base.is_square:
                    powered = matrix_power(base, power)
                    if powered is not None:  # A^n, W_{hh}^{T-1}: a product of n copies of A
                        return powered
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

    def _entrywise_quotient(self, expr, side):
        """y / s for two vectors of one shape: their quotient entry by entry, as authors write it (no other reading
        divides a vector by a vector); None for any other product."""
        denominators = [a for a in expr.args if isinstance(a, sp.Pow) and a.args[1] == -1]
        if len(denominators) != 1:
            return None
        try:
            below = self.value(denominators[0].args[0], side)
        except Exception:  # the product read in its own order says why (a name unbound in the numerator first)
            return None
        below = as_value(below) if isinstance(below, Vec) else below
        if not (isinstance(below, sp.MatrixBase) and min(below.shape) == 1 and max(below.shape) > 1):
            return None
        values = [self.value(a, side) for a in expr.args if a is not denominators[0]]
        values = [as_value(v) if isinstance(v, Vec) else v for v in values]
        vectors = [v for v in values if isinstance(v, sp.MatrixBase)]
        if len(vectors) != 1 or vectors[0].shape != below.shape:
            return None
        numbers = [v for v in values if not isinstance(v, sp.MatrixBase)]
        return sp.Mul(*numbers) * vectors[0].multiply_elementwise(below.applyfunc(lambda entry: 1 / entry))

    @staticmethod
    def _bare_expectation(factor, side) -> bool:
        """Whether a factor is E_{x ~ p} written without brackets: its argument is the rest of the product."""
        node = side.node(factor) if isinstance(factor, sp.Symbol) else None
        return (
            isinstance(node, Atom)
            and node.key in ("E", "bb_E")
            and node.args is None
            and "sim" in node.sub_text
            and not node.post_sub
            and not node.transpose
        )

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
        for position, v in enumerate(values[1:], start=1):
            if isinstance(result, sp.MatrixBase) and isinstance(v, sp.MatrixBase):
                if result.shape[1] == 1 and v.shape[1] == 1 and result.shape[0] == v.shape[0] and result.shape[0] > 1:
                    result = (result.T * v)[0, 0]  # u · v written without a transpose: the dot product
                    continue
                rest = self._column_after(result, values[position:])
                if rest is not None:  # (K x) · (Q y): the vector dotted with the product after it, a vector too
                    return (result.T * rest)[0, 0]
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

    def _column_after(self, column, factors):
        """The product of ``factors`` when the column vector before them cannot multiply the first (a matrix with more
        than one column) and they make a column vector of its size; else None."""
        first = factors[0]
        if column.shape[1] != 1 or column.shape[0] < 2 or first.shape[1] == 1 or first.shape[0] != column.shape[0]:
            return None
        try:
            rest = self._mul(factors)
        except ShapeError:
            return None
        return rest if isinstance(rest, sp.MatrixBase) and rest.shape == column.shape else None

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
        drawn = self.drawn_index(name)
        if drawn is not None:  # f_i(x) under \mathbb{E}_i, i \sim \text{Uniform}\{1, \ldots, n\}: the member drawn
            return drawn
        if name in self.index_map:
            return self.index_map[name]
        if name in self.whole_steps:  # v_t unrolled from v_0: the step t is a whole number at each point
            if self.vocab.dims[name] not in self.dims:
                raise NeedsConcrete()
            return self._scalar(self.dim_value(self.vocab.dims[name]))
        declared = self._declared_whole_number(name)
        if declared is not None:  # t: positive integer, the bound of the tag's \sum_{j=1}^t: S_t is S at that t
            return declared
        given = self._given_whole_number(name)
        if given is not None:  # x_i beside the tag's i = 2 and x = (1, 5, 7): the entry x_2
            return given
        terms = re.findall(r"([+-]?)(\w+)", name) if INDEX_OFFSET.fullmatch(name) else []
        if terms and all(self._offset_term(term) is not None for _, term in terms):
            # δ_{t+1}, x_{t-l}, y_{d+1-i}: an index moved by whole numbers, other indices or a dimension
            return sp.Add(*[(-1 if sign == "-" else 1) * self._offset_term(term) for sign, term in terms])
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

    def _offset_term(self, term):
        """One term of an index written as a sum: a whole number, a dimension (the d of y_{d+1-i}) or an index
        already in use (summed over, or one the formula or the result has named); None for any other name."""
        if term.isdigit():
            return sp.Integer(int(term))
        if term in self.vocab.dims or str(self.vocab.size) == term:
            return self._scalar(self.dim_value(self.vocab.dims.get(term, self.vocab.size)))
        if term in self.bound or term in self.index_map or any(str(s) == term for s in self.vocab.indices):
            return self.index(term)
        declared = self._declared_whole_number(term)
        return declared if declared is not None else self._given_whole_number(term)

    def drawn_index(self, name):
        """The random variable the tag draws under ``name`` (i \\sim \\text{Uniform}\\{1, \\ldots, n\\}), an index
        an expectation over its law runs over; None for any other name."""
        meaning = self.vocab.entries.get(name)
        if not (isinstance(meaning, tuple) and meaning[0] == "scalar") or name in self.overrides:
            return None
        value = meaning[1](self)
        if not isinstance(value, sp.Symbol):
            return None
        if str(value) == f"law_{name}":  # a law the tag declares (laws.apply_laws)
            return value
        mean = self.vocab.expectation[0] if self.vocab.expectation else None  # i: uniform on 1..n, its own model
        return value if mean is not None and str(value) == f"doc_{name}" and mean(value) != value else None

    def _declared_whole_number(self, name):
        """The symbol of a whole number the tag declares under ``name`` (t: positive integer), which an index written
        with that letter is; None for any other name."""
        symbol = self.vocab.symbols.get(name)
        if isinstance(symbol, sp.Symbol) and symbol.is_integer and str(symbol) == f"doc_{name}":
            return symbol
        return None

    def _given_whole_number(self, name):
        """The whole number the tag sets ``name`` to (``i = 2``), which an index written with that letter is; None for a
        name the tag gives no such value."""
        meaning = self.overrides.get(name)
        if not isinstance(meaning, Side):
            return None
        if not meaning.source.strip().isdigit():
            # c = m beside m \in \{1, \ldots, C\}: the whole number m is; D = U_D(1 + R_D) is no entry's number, and
            # reading it here would read U_D again
            other = single_atom(meaning)
            keys = [key for key in ([*other.full_keys(), other.key] if other is not None else []) if key != name]
            return next((self._declared_whole_number(key) for key in keys if self._declared_whole_number(key)), None)
        return sp.Integer(int(meaning.source))

    def _subscript_as_indices(self, atom: Atom, body: Side) -> None:
        """The letters of the tag's own W_i that its body reads (\\sum_{j=1}^{i} v_j) made the formula's indices, as
        a v_i or W_{i-1} written before it would make them: the verdict does not turn on which the formula writes first."""
        from derive.docs.free import child_sides
        from derive.docs.side_names import atoms_in

        letters = (
            {str(item).strip() for item in atom.sub} - set(self.bound) - set(self.index_map) - set(self.vocab.dims)
        )
        read = {a.key for a in atoms_in([body], child_sides) if _index_as_number_shape(a)} & letters
        for letter in sorted(read):
            if re.fullmatch(r"[A-Za-z]", letter):
                try:
                    self.index(letter)
                except BindError:  # no index to give it: the body reads the letter as it would have
                    pass

    def _index_as_number(self, atom: Atom) -> bool:
        """Whether a bare name is an index the formula has already used as one (in a subscript before it), or one the
        result names (the target class t of a cross-entropy, in ``\\mathbb{1}(t = k)``)."""
        if not _index_as_number_shape(atom):
            return False
        return atom.key in self.index_map or atom.key in self.vocab.index_names

    def _quantifiable_index(self, name) -> bool:
        """Whether a free index ``name`` may range over the result's dimension: a plain letter nothing else names."""
        return (
            self.vocab.size is not None
            and (
                re.fullmatch(r"[A-Za-z](_\d+)?", name) is not None  # x_2: an outcome of a sequence
                or any(name in law.outcomes for law in self.joint_laws.values())  # P(\textrm{is} | ...): a word
            )
            and not any(name in table for table in (self.overrides, self.vocab.entries, self.vocab.dims, self.extra))
        )

    def _names_vector(self, name) -> bool:
        for table in (self.overrides, self.vocab.entries):
            meaning = table.get(name)
            if isinstance(meaning, Side) or (isinstance(meaning, tuple) and meaning[0] in ("vec", "jacobian")):
                return True
        return False

    def _entry_of_declared_vector(self, atom: Atom):
        """``s_t`` with the index j after its own (``s_{t,j}``), when ``s_t`` is a vector the tag or the result
        declares and ``s_{t,j}`` is no name of its own: the atom of the j-th entry of s_t; else None."""
        if atom.args is not None or len(atom.sub) < 2 or atom.decoration or self.meaning(atom)[1] is not None:
            return None
        head = replace(
            atom, sub=atom.sub[:-1], sub_text=",".join(atom.sub[:-1]), post_sub=[atom.sub[-1], *atom.post_sub]
        )
        keys = head.full_keys()
        meaning = next((table[k] for k in keys for table in (self.overrides, self.vocab.entries) if k in table), None)
        return head if isinstance(meaning, tuple) and meaning[0] == "vec" else None

    def _accented_entry(self, atom: Atom):
        """``\\hat{q_k}``, the accent over an entry, where the tag declares the vector ``\\hat{q}`` and nothing gives
        ``\\hat{q_k}`` a meaning of its own: the atom of \\hat{q}_k, its k-th entry (as Sketch RNN writes the logits
        \\hat{q_k} of \\operatorname{softmax}(\\hat{q})_k); else None."""
        match = ACCENTED_ENTRY.fullmatch(atom.key)
        if match is None or atom.sub or atom.args is not None or atom.post_sub or self.meaning(atom)[1] is not None:
            return None
        head = match.group("head")
        meaning = next((table[head] for table in (self.overrides, self.vocab.entries) if head in table), None)
        if not (isinstance(meaning, tuple) and meaning[0] == "vec"):
            return None
        index = match.group("index")
        return replace(atom, key=head, sub=[index], sub_text=index)

    def _member_of_declared_family(self, atom: Atom):
        """θ_k where the tag declares θ_0, θ_1, ... (numbers, two or more) or gives them values (θ_1 = 0.5; θ_2 = 1.5)
        and not θ_k itself: the member numbered k (undefined for a k the tag numbers none of); ω_{2j} beside the
        tag's ω_{21}, ω_{22}, ...: the member numbered 2 then j, as a row's entries are written without a comma; None
        for any other atom."""
        if atom.args is not None or len(atom.sub) != 1 or atom.decoration or atom.sub[0].strip().isdigit():
            return None
        names = (*atom.full_keys(), atom.key)  # θ_k, or θ itself (a vector), with a meaning of its own
        if any(k in table for k in names for table in (self.extra, self.overrides, self.vocab.entries)):
            return None
        written = NUMBERED_AT_INDEX.fullmatch(atom.sub[0].strip())
        if written is None or written.group("index") not in self.bound:
            return None  # only an index a sum or product runs over picks a member
        prefix = written.group("prefix")
        numbered = re.compile(rf"{re.escape(atom.key)}_{prefix}(\d+)")
        members = {int(m.group(1)): v for k, v in self.extra.items() if (m := numbered.fullmatch(k))}
        number = self.bound[written.group("index")]
        if not members:
            return self._member_given_a_value(atom, numbered, number)
        if len(members) < 2:
            return None
        if number.is_Integer:
            if int(number) not in members:
                raise BindError(f"{atom.key}_{prefix}{int(number)} is none of the numbers the tag declares")
            return self._post(members[int(number)], atom)
        family = type(f"{atom.key}_family", (_Member,), {"members": members})
        return self._post(family(number), atom)

    def _member_given_a_value(self, atom: Atom, numbered: re.Pattern, number):
        """The member at ``number`` of a family whose members the tag gives values numbered 1, 2, ..., n (θ_1 = 0.5;
        θ_2 = 1.5): its value, undefined past n, so that a sum up to a name runs over those n; None when the tag gives
        fewer than two such values or numbers them otherwise."""
        given = {int(m.group(1)): body for key, body in self.overrides.items() if (m := numbered.fullmatch(str(key)))}
        if len(given) < 2 or sorted(given) != list(range(1, len(given) + 1)):
            return None
        if not all(isinstance(body, Side) for body in given.values()):
            return None
        try:
            values = [self._scalar(self.side(given[position])) for position in sorted(given)]
        except (BindError, ShapeError):  # a member that is a vector, or a value read from names the tag leaves open
            return None
        return self._post(_pick(values, number), atom)

    def _pending_names(self):
        return set(self.pending_index_names) if hasattr(self, "pending_index_names") else set()

    def atom_index_name(self, side: Side):
        """The index an argument names (``y`` in π(y|x), ``y_w``), or None (``x^+`` names no index x)."""
        from derive.docs.side_names import signed

        return None if signed(side) else argument_name(side)

    def _value_position(self, side: Side):
        """The summed index that numbers a value written as an argument, i of p(x_i) in Σ_i p(x_i): the probability
        of the i-th value; None for any other argument."""
        from derive.docs.side_names import single_atom

        atom = single_atom(side)
        if atom is None or atom.args is not None or atom.post_sub or atom.transpose or atom.decoration:
            return None
        return atom.sub_text if atom.sub and atom.sub_text in self.bound else None

    def _reads_events(self, atom: Atom) -> bool:
        """Whether the meaning of ``atom``'s name reads the probability of an event (derive.docs.laws)."""
        meaning = self.meaning(atom)[1]
        return isinstance(meaning, tuple) and meaning[0] == "call" and getattr(meaning[1], "reads_events", False)

    def _declared_zero(self, name, atom, side, zero):
        """The zero of the shape the tag declares for ``name`` (a matrix or a vector), or ``zero`` as it is."""
        from dataclasses import replace as whole

        declared = self.vocab.entries.get(name)
        if not isinstance(declared, tuple) or len(declared) != 2:
            return zero
        kind, build = declared
        if not getattr(build, "declared_shape", False):  # the shared notation's y may be a number in the formula
            return zero
        if kind == "call":
            matrix = build(self, whole(atom, sub=[], sub_text="", post_sub=[], transpose=False), side)
            return sp.zeros(*matrix.shape)
        if kind == "vec":
            vector = build(self)
            return Vec(lambda idx: sp.Integer(0), vector.size, row=vector.row)
        return zero

    def meaning(self, atom: Atom):
        """(kind, builder, consumed_sub) for an atom, from overrides, the vocabulary and the tag."""
        keys = []
        if atom.star:
            keys += [f"{atom.key}*", f"{atom.key}^*"] + [f"{k}*" for k in atom.full_keys()]
        keys += atom.full_keys()
        if atom.args:  # V(S_t) declared in the tag as a number of its own
            # p_T(\textsf{cheese}) is not the p(\textsf{cheese}) the tag gives: a word's value keeps its subscript
            bare = [] if atom.sub and self._at_words(atom) else [atom.key]
            keys = [self._applied_key(k, atom) for k in [*keys, *bare]] + keys
        unsubscripted = (f"{atom.key}^{atom.decoration}", f"{atom.key}*", f"{atom.key}^*")
        for key in keys:
            for table in (self.overrides, self.vocab.entries):
                if key in table:  # x^{(t)} found by its label keeps its subscript x_i^{(t)}, p^* its entry p^*_x
                    return key, table[key], not (atom.sub and key in unsubscripted)
        if atom.decoration:  # π^{ref} is not π: an unknown decorated name stays unbound, never its bare name
            return f"{atom.key}^{atom.decoration}", None, False
        if atom.star:  # p^*, θ^*: the true law or the optimum, a name of its own, never the bare p or θ
            return f"{atom.key}^*", None, False
        for table in (self.overrides, self.vocab.entries):
            if atom.key in table and not (atom.sub and _defined_from_members(table[atom.key])):
                return atom.key, table[atom.key], False
        return atom.key, None, False

    def _event_at_parameter(self, atom: Atom):
        """p(y = e | x) where the tag defines p(y = j | x) at a letter j: that definition's value with j taken as e's,
        as a definition's parameter is; None where the tag defines no such law."""
        for position, sep in enumerate(atom.seps):
            if sep != "event =" or position + 1 >= len(atom.args):
                continue
            names = [argument_key(arg) for arg in atom.args]
            names[position + 1] = PARAMETER
            written = re.escape(key_at_names(atom.key, names, atom.seps)).replace(re.escape(PARAMETER), "([A-Za-z])")
            for key, body in self.overrides.items():
                match = re.fullmatch(written, str(key))
                if match is None or not isinstance(body, Side) or match.group(1) in self.bound:
                    continue
                value = self._scalar(self.side(atom.args[position + 1]))
                self.bound[match.group(1)] = value
                try:
                    return self._scalar(self.side(body))
                finally:
                    del self.bound[match.group(1)]
        return None

    def _at_words(self, atom: Atom) -> bool:
        """Whether every argument of an application is a word in text type (p(\\textsf{cheese})), or a definition's
        parameter given one."""
        return all(self._word_of(argument) is not None for argument in atom.args)

    def _word_of(self, argument: Side) -> str | None:
        """The word an argument names: written in text type, or a definition's parameter given one; else None."""
        if WORD_ARGUMENT.match(argument.source):
            return argument_name(argument)
        name = argument_name(argument)
        value = self.values.get(name) if name is not None else None
        passed = self.overrides.get(name) if name is not None else None  # a tag function's parameter
        if value is None and isinstance(passed, tuple) and passed[0] == "scalar":
            value = passed[1](self)
        return value.name if isinstance(value, WordOutcome) else None

    def _applied_key(self, name: str, atom: Atom) -> str:
        """The key of ``name`` applied at the atom's arguments, a parameter given a word read as that word."""
        words = [self._word_of(argument) for argument in atom.args]
        if all(words):
            return f"{name}({','.join(words)})"
        return applied_key(name, atom.args, atom.seps)

    def _given_at_others_only(self, atom: Atom) -> bool:
        """Whether the formula applies a name (p(\\textsf{mouse}), p(w)) where the tag gives its values at words only
        (p(\\textsf{cheese}) = 0.4), and not at this argument: the value is not given, not the shared notation's."""
        given = [key for key in self.overrides if str(key).startswith(f"{atom.key}(")]
        at_words = all(key in self.word_values for key in given)
        if atom.key in self.word_laws and all(self.atom_index_name(a) in self.bound for a in atom.args):
            return False  # \sum_x P(x) over the words a law is given at: its probability at each of them
        return bool(given) and at_words and self._applied_key(atom.key, atom) not in given

    def atom(self, atom: Atom, side: Side):
        from derive.docs import arbitrary

        atom = arbitrary.labelled_at_step(self, atom)  # \hat{v}^{(j)}_i in a body read at j = 1: \hat{v}^{(1)}_i
        key = atom.key
        if (
            any(str(sep).startswith("event") for sep in atom.seps)
            and not self._reads_events(atom)
            and atom.key not in self.joint_laws
            and applied_key(atom.key, atom.args, atom.seps) not in self.overrides
        ):
            at_parameter = self._event_at_parameter(atom)
            if at_parameter is not None:
                return at_parameter
            raise BindError(
                f"{atom.key}(...) of an event (a relation in its argument) is read only under a law the tag declares"
                " (X \\sim ...) or a law of the formula's outcomes (derive.docs.joint_law)"
            )
        if atom.decoration in self.bound and not atom.args:  # b^\tau inside \sum_{\tau}: a power of the summed variable
            from dataclasses import replace as undecorated

            base = self.atom(undecorated(atom, decoration=""), side)
            if isinstance(base, (Vec, sp.MatrixBase)):
                raise ShapeError("a power of a vector or matrix")
            return sp.Pow(base, self.bound[atom.decoration])
        # a summation variable used as a number
        if key in self.bound and not atom.sub and not atom.args:
            return self.bound[key]
        # a limit's variable with a label for a subscript, lim_{N_{\setminus E} \to \infty}
        if atom.sub_text and not atom.args and f"{key}_{atom.sub_text}" in self.bound:
            return self.bound[f"{key}_{atom.sub_text}"]
        if key in self.values and not atom.args and not atom.decoration:  # a parameter of a definition being applied
            return self._apply_indices(self.values[key], atom, atom.sub)
        # p(x, c), p(x | c), I(x; c) under a joint law of the outcomes; p(D) the tag gives at a data set is its own
        if self.joint_laws and atom.args and applied_key(key, atom.args, atom.seps) not in self.overrides:
            from derive.docs import joint_law

            value = joint_law.read_joint(self, atom)
            if value is not None:
                return value
        definition = self._definition(atom)
        if definition is None and atom.args and self._given_at_others_only(atom):
            applied = applied_key(key, atom.args, atom.seps)
            raise Unbound(f"'{applied}' is not given: the tag gives {key} at other arguments only", applied)
        if definition is not None:
            return self._apply_definition(definition, atom)
        from derive.docs import arbitrary, law_functions

        law = law_functions.law_of(atom)
        if law is not None and not any(key in self.overrides for key in (atom.key, *atom.full_keys())):
            return self._post(law_functions.density(self, atom, law), atom, allow_args=False, args_used=True)

        if arbitrary.applies_indexed_definition(atom, self):  # δ_{t+1} from the tag's δ_t
            # R_m^⊤ and (x_{t+1})_j: the transpose and the index written after the member apply to its value
            return self._apply_indices(arbitrary.read_indexed_definition(self, atom, side), atom, [])
        if arbitrary.applies_labelled_definition(atom, self):  # R_{\Theta, j-i} from the tag's R_{\Theta, i}
            return self._apply_indices(arbitrary.read_labelled_definition(self, atom), atom, [])
        if arbitrary.is_shared_sequence(atom, self):  # g_{t-1}: the shared vector g written as a sequence
            return arbitrary.read_arbitrary(self, atom, side)
        if arbitrary.is_declared_function_of(atom, self):  # π_θ(a | s): function of θ, before a value the tag ranges
            return arbitrary.read_arbitrary(self, atom, side)
        entry = self._entry_of_declared_vector(atom) or self._accented_entry(atom)
        if entry is not None:  # s_{t,j} for a vector s_t the tag declares: its j-th entry; \hat{q_k} for \hat{q}_k
            return self.atom(entry, side)
        member = self._member_of_declared_family(atom)
        if member is not None:  # θ_k beside the tag's θ_0, θ_1, θ_2: the one numbered k
            return member
        if arbitrary.any_function_of_the_tag(self, atom):  # g(x) for the tag's g: function, not the shared vector g
            return arbitrary.read_arbitrary(self, atom, side)
        name, meaning, consumed = self.meaning(atom)
        if meaning is not None and name not in self.overrides:
            self.used_entries.add(name)
        sub = [] if consumed else atom.sub
        if meaning is None:
            matrix = written_entries.written_matrix_name(self, atom)
            if matrix is not None:  # a_{ij} beside the tag's written A: its entry
                return written_entries.entry(self, self.side(self.overrides[matrix]), matrix, list(atom.sub))
            if (
                atom.key in self.vocab.dims
                and not (not self.vocab.name and _labelled_by_a_word(atom))
                or atom.full_keys()
                and atom.full_keys()[0] in self.vocab.dims
            ):  # N_{tokens} beside the shared notation's size N is a count of its own, not N
                dim_key = (
                    atom.full_keys()[0] if atom.full_keys() and atom.full_keys()[0] in self.vocab.dims else atom.key
                )
                return self._post(self.dim_value(self.vocab.dims[dim_key]), atom)
            # x^{(t)} is not the tag's x, nor w^\star (the optimum) the formula's w
            bare = key if key in self.extra and not atom.decoration and not atom.star else None
            if atom.sub_text and atom.args is not None:  # ε_θ(x_t, t) beside the number ε: a function of its own
                bare = None
            declared = next((k for k in atom.full_keys() if k in self.extra), bare)
            if declared is not None:  # a symbol of the tag, w or w_1
                return self._post(self.extra[declared], atom)
            if self._index_as_number(atom):  # θ_i = 10000^{-2(i-1)/d}: the index i as a number
                return self.index(key)
            from derive.docs import entry_definitions

            whole = entry_definitions.whole_vector(self, atom)
            if whole is not None:  # s beside the tag's s_i = e^{x_i} / \sum_j e^{x_j}: the vector of those entries
                return self._apply_indices(whole, atom, [])
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
            if consumed:
                self._subscript_as_indices(atom, meaning)
            self._overriding.add(name)
            try:
                value = self.side(meaning)
            finally:
                self._overriding.discard(name)
            if (
                value == 0 and not atom.args
            ):  # B = 0 in the tag for a matrix or vector B it declares: zeros of B's shape
                value = self._declared_zero(name, atom, side, value)
            if atom.args and name.endswith(")"):  # p(y=1|x) defined whole in the tag: its arguments index nothing
                return self._apply_indices(value, replace(atom, args=None, seps=[]), sub)
            if sub and atom.sub_text and not atom.args and self._a_number_labelled(value, sub):
                own = f"{atom.key}_{atom.sub_text}"  # x_{new} beside the tag's x = 3.888: a name of its own
                if own in self.extra:
                    return self._post(self.extra[own], atom)
                raise Unbound(f"'{own}' is not bound: {name} is a number, so {own} is a name of its own", own)
            return self._apply_indices(value, atom, sub)
        kind, build = meaning[0], meaning[1]
        if kind == "call":  # a vocabulary's own reading of the name, its arguments and subscripts
            if consumed and atom.step and name == f"{atom.key}^{atom.step}":
                atom = replace(atom, sub=[], sub_text="", step="")  # the tag's W^{(1)}: a name of its own, no index
            return build(self, atom, side)
        if kind == "scalar":
            value = build(self)
            summed = any(str(item).strip() in self.bound for item in sub)  # σ_i under Σ_i: no family of one number
            if sub and atom.sub_text and not atom.args and not summed:  # x_0 beside a number x: a name of its own
                own = f"{atom.key}_{atom.sub_text}"
                if own in self.extra:
                    return self._post(self.extra[own], atom)
                raise Unbound(f"'{own}' is not bound: {name} is a number, so {own} is a name of its own", own)
            if sub:
                raise BindError(
                    f"{name} is a number in {self.vocab.name or 'this notation'}, but has the index {atom.sub_text}"
                )
            declared = name in self.extra or name in self.overrides or not self.vocab.name  # by the tag
            if declared and atom.args and any(argument_name(a) is None for a in atom.args) and _raised(atom, side):
                # \sigma (1 + x)^2 with σ declared a number: a product whose power (read here on the whole) is in doubt
                raise BindError(
                    f"{name}, a number here, is written before a bracket ({name}(...)): read as a product, a power"
                    " after the bracket is in doubt; write a product sign, or define the function in the tag"
                )
            return self._post(value, atom, allow_args=False, args_used=name.endswith(")"))
        if kind == "func1":
            if not atom.args:
                raise BindError(f"{name} needs an argument")
            arg = self.side(atom.args[0])
            return self._post(build(self, arg), atom, allow_args=False, args_used=True)
        if kind == "vec":
            if self._labelled(sub):  # p_X(x): a quantity labelled by X, a name of its own, not an entry of p
                own = f"{atom.key}_{atom.sub_text}"
                raise Unbound(
                    f"'{own}' is not bound: the subscript {atom.sub_text} labels it, it indexes no entry", own
                )
            if self._labelled_by_a_number(atom, sub):  # z_{\phi_t} beside \cos\phi_t: z at the angle φ_t
                own = f"{atom.key}_{atom.sub_text}"
                raise Unbound(
                    f"'{own}' is not bound: its subscript {atom.sub_text} is a number the formula uses, it indexes"
                    " no entry",
                    own,
                )
            if sub and atom.args is not None:  # p_i(x | z): a law or function of its own, never the entry p_i
                raise BindError(
                    f"{atom.key}_{atom.sub_text}(...) applies an entry of the vector {name} to arguments: a function"
                    f" of its own, which the tag may define ({atom.key}_{atom.sub_text}(x) = ...)"
                )
            value = build(self)
            if len(sub) > 1 and not isinstance(value, sp.MatrixBase) and self._declared_with_one_index(atom):
                return self.builtin(atom, side)  # x_{ij} beside the tag's x_i: a family of its own, not the vector x
            return self._apply_indices(value, atom, sub)
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
        # p(D; \theta) = \prod_{x \in D} p(x; \theta): the tag's value at those arguments, not p(x; \theta) there
        if atom.args and applied_key(atom.key, atom.args, atom.seps) in self.overrides:
            return None
        for key in atom.full_keys():
            if key in self.definitions and self.definitions[key].blackboard == atom.blackboard:
                return self.definitions[key]
        if atom.key in self.definitions and not atom.decoration:
            definition = self.definitions[atom.key]
            # \mathbb{E} is another name than the document's E(x) = ...; x_i is an entry of x := (1, 2, 3)
            listed = isinstance(one_node(definition.body), TupleNode) and not one_node(definition.body).columns
            if (definition.params or not atom.sub or listed) and definition.blackboard == atom.blackboard:
                return definition
        return None

    def _argument_value(self, argument: Side):
        """What a definition's parameter takes: the argument's value, or the outcome a word names (\\textsf{cheese})."""
        word = WORD_ARGUMENT.match(argument.source) and argument_name(argument)
        return WordOutcome(word) if word else self.side(argument)

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
        values = [self._argument_value(a) for a in args] if definition.params and not bare else []
        if bare:  # a refutation then rests on this reading: see derive.docs.decide._refuted
            self.bare_definitions = getattr(self, "bare_definitions", frozenset()) | {definition.name}
        saved, saved_bound = dict(self.values), dict(self.bound)
        self._overriding.add(definition.name)
        try:
            self.values = {k: v for k, v in self.values.items() if k not in definition.params}
            self.values.update(zip(definition.params, values))
            # a parameter is the definition's own: an index or bar variable of that name outside does not reach in
            self.bound = {k: v for k, v in self.bound.items() if k not in definition.params}
            value = self.side(definition.body)
        finally:
            self.values, self.bound = saved, saved_bound
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
            position = self.index(indices[0])
            self.indexed.add(position)  # Σ_i x_i beside x := (1, 2, 3): the sum runs over the entries
            value = value.component(position)
        return _transpose(value) if atom.transpose else value

    def _post(self, value, atom, allow_args=True, args_used=False, transposed=False):
        if atom.args and not args_used and not allow_args:
            # f(x) for a name that is not a function: a context argument, or a product written f(x)
            names = [self.atom_index_name(a) for a in atom.args]
            if not any(n in self.vocab.contexts for n in names):  # H (S + 1): the bracket multiplies too
                value = self._mul([value] + [self.side(a) for a in atom.args])
        if atom.transpose and not transposed:
            value = _transpose(value)
        return value

    def _one_law_of_one_outcome(self, atom: Atom) -> None:
        """Refuse to read a conditional law as one entry of one vector (π(y | x) as π_y) where the formula means
        more: several outcomes before the bar, p(y, z | x), or the law given different contexts, p(z | x) beside
        p(y | z, x) or p(x | z) beside p(z); each of those is a joint law, which one vector does not model."""
        if "|" not in atom.seps and not self._conditioned_elsewhere(atom.key):
            return
        before = atom.seps.index("|") + 1 if "|" in atom.seps else len(atom.args)
        if before > 1:
            written = ", ".join("".join(a.source.split()) for a in atom.args[:before])
            raise BindError(
                f"{atom.key}({written}{' | ...' if '|' in atom.seps else ''}) beside a conditional {atom.key}: a joint"
                " law of several outcomes is not read as one vector"
            )
        contexts = self._contexts(atom.key)
        if len(contexts) > 1:
            raise BindError(
                f"{atom.key} given different contexts ({'; '.join(sorted(' '.join(c) or 'none' for c in contexts))}):"
                " a joint law of several outcomes is not read as one vector"
            )

    def _law_applications_of(self, key: str):
        from derive.docs.free import child_sides
        from derive.docs.side_names import atoms_in

        return [a for a in atoms_in(self.formula_sides, child_sides) if a.key == key and a.args]

    def _conditioned_elsewhere(self, key: str) -> bool:
        return any("|" in a.seps for a in self._law_applications_of(key))

    def _contexts(self, key: str) -> set:
        """The argument lists after the bar with which the formula applies ``key`` (() where it writes no bar)."""
        contexts = set()
        for application in self._law_applications_of(key):
            after = application.seps.index("|") + 1 if "|" in application.seps else len(application.args)
            contexts.add(tuple("".join(arg.source.split()) for arg in application.args[after:]))
        return contexts

    def _labelled(self, sub) -> bool:
        """Whether a subscript is one capital letter that nothing makes an index (p_X, the density of X)."""
        if len(sub) != 1 or not re.fullmatch(r"[A-Z]", str(sub[0]).strip()):
            return False
        name = str(sub[0]).strip()
        known = (self.bound, self.index_map, self.vocab.dims, self.vocab.index_names, self.whole_steps)
        return not any(name in table for table in known) and name not in map(str, self.vocab.indices)

    def _declared_with_one_index(self, atom: Atom) -> bool:
        r"""Whether the tag declares or defines the letter under one index (``x_i > 0``, a row's total x_i beside the
        counts x_{ij}): the shared notation's vector of that letter is then not meant."""
        return not self.vocab.name and any(
            re.fullmatch(rf"{re.escape(atom.key)}_[A-Za-z]", key)
            for key in (*self.extra, *self.overrides, *self.tag_variables)
        )

    def _a_number_labelled(self, value, sub) -> bool:
        """Whether ``value``, the tag's meaning of a name written with the subscripts ``sub``, is one number, no sum
        running over a subscript: the subscript labels a name of its own, as x_0 beside a declared number x does."""
        if isinstance(value, (Vec, sp.MatrixBase)) or not isinstance(value, sp.Expr):
            return False
        return not any(str(item).strip() in self.bound for item in sub)

    def _labelled_by_a_number(self, atom: Atom, sub) -> bool:
        r"""Whether the one subscript is a name with its own subscript that the formula also writes as a number,
        outside any subscript, and the vector appears under no other subscript (``\mathbf{z}_{\phi_t}`` beside
        ``\cos\phi_t``): z at the value φ_t, a name of its own, never the φ_t-th entry of a vector z."""
        from derive.docs.free import child_sides
        from derive.docs.side_names import atoms_in

        label = str(sub[0]).strip() if len(sub) == 1 else ""
        if not re.fullmatch(r"[A-Za-z]+_[A-Za-z0-9]+", label) or label in self.bound or label in self.index_map:
            return False
        if self._declared_whole_number(label) is not None:  # z_{y_{\text{true}}} beside y_true \in \{1, ..., C\}
            return False
        atoms = atoms_in(self.formula_sides, child_sides)
        as_number = any(a.args is None and not a.decoration and f"{a.key}_{a.sub_text}" == label for a in atoms)
        return as_number and all(a.sub_text == atom.sub_text for a in atoms if a.key == atom.key)

    def _at_or_times(self, atom: Atom, value):
        """Refuses a(b) where the tag makes a and b numbers, and a at b (a constant) differs from a times b."""
        if not (atom.args and len(atom.args) == 1 and isinstance(value, sp.Expr) and value.is_number):
            return
        argument = self.side(atom.args[0])
        if isinstance(argument, sp.Expr) and argument.is_number and value * argument != value:
            raise BindError(
                f"{atom.key}({atom.args[0].source.strip()}) is {atom.key} at that value, the number {value}, or"
                f" {atom.key} times {argument}: write \\cdot for the product"
            )

    def _apply_indices(self, value, atom, sub):
        if atom.code_index and atom.args and not isinstance(value, (Vec, sp.MatrixBase)):
            return self._mul([value, self.side(atom.args[0])])  # a[b] with a a number: a product, as written
        indices = list(sub) + list(atom.post_sub)
        if not indices and atom.args and len(atom.args) == 1 and isinstance(value, Vec) and self.arbitrary_allowed:
            # tagged, p(x) inside E_{x ~ q} or Σ_x is p's probability of the outcome x (untagged, p may be any
            # vector, not a distribution: a claim about probabilities would be refuted by a vector of any sign)
            outcome = self.outcomes.get(self.atom_index_name(atom.args[0]))
            if outcome is not None and self.concretise(outcome[1]) == self.concretise(value.size):
                self.indexed.add(outcome[0])
                return value.component(outcome[0])
        if not indices and atom.args:
            from derive.docs.side_names import signed

            if any(signed(a) for a in atom.args):  # f(x^+): a value the tag declares, else not read
                if applied_key(atom.key, atom.args, atom.seps) in {**self.overrides, **self.extra}:
                    return _transpose(value) if atom.transpose else value
                raise BindError(f"{atom.key}(...) at a name with a sign raised over it: its value there is not read")
            self._one_law_of_one_outcome(atom)
            names = [self.atom_index_name(a) for a in atom.args]
            if len(atom.args) == 1:  # p(x_i) in Σ_i: the probability of the i-th value (never p(w_i | w_I))
                names = [self._value_position(atom.args[0]) or names[0]]
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
                self._at_or_times(atom, value)
                return _transpose(value) if atom.transpose else value  # σ(z): the output vector, written with its input
            if len(atom.args) == 1 and names[0] is None:
                arg = self.side(atom.args[0])
                if isinstance(value, Vec) and isinstance(arg, Vec) and value.base is not None and arg.base is not None:
                    pass  # p(z): a distribution written with its argument vector
                elif isinstance(value, Vec) and written_in_numbers(arg):
                    # σ([0.1, 0.2, 0.3]) with σ the tag's output vector: the function applied, no product of vectors
                    raise BindError(
                        f"{atom.key}(...) applies the vector {atom.key} to a written vector: a function, which the"
                        f" tag may name ({atom.key} = \\operatorname{{softmax}})"
                    )
                else:
                    return self._mul([value, arg])
            elif chosen:
                indices = [chosen[0]]
        if not indices:
            self._at_or_times(atom, value)
            return _transpose(value) if atom.transpose else value
        if len(indices) > 1 and not isinstance(value, sp.MatrixBase):
            raise BindError(f"{atom.key} is a vector but has {len(indices)} indices")
        if isinstance(value, sp.MatrixBase) and not atom.args:  # A_{21}: an entry of a matrix
            return written_entries.entry(self, value, atom.key, indices)
        if not isinstance(value, Vec):
            raise BindError(f"{atom.key} is not a vector, but has the index {indices[0]}")
        in_parentheses = PARENTHESISED_INDEX.fullmatch(str(indices[0]).strip())
        position = self.index(in_parentheses.group(1) if in_parentheses else indices[0])
        self.indexed.add(position)
        if atom.code_index:
            return _entry_counted_either_way(atom, value, position)
        if in_parentheses:
            return _entry_or_order_statistic(atom, value, position, in_parentheses.group(1))
        return value.component(position)


# hat_q_k: an accent over a letter with a subscript of one index, \hat{q_k} or \hat{\Pi_i} (the accent's prefix, the
# letter, the index)
ACCENTED_ENTRY = re.compile(
    rf"(?P<head>(?:hat|tilde|bar|dot|check)_(?:[A-Za-z]|{'|'.join(sorted(GREEK))}))_(?P<index>[A-Za-z]|\d+)"
)


def _entry_counted_either_way(atom: Atom, value: Vec, position):
    """The entry x[3] names: the fourth, counted from 0 as code counts, or the third, counted from 1 as x_3 is; read
    only where one count reaches an entry (x[0]) or both counts give the same entry."""
    counts = [position + 1, position] if isinstance(position, (int, sp.Integer)) else []  # x[i]: either, at every i
    if isinstance(value.size, (int, sp.Integer)):
        counts = [count for count in counts if 1 <= count <= value.size]
    elif position != 0:
        counts = []
    entries = {value.component(count) for count in counts}
    if len(entries) != 1:
        position = sp.Symbol(position.name) if isinstance(position, sp.Dummy) else position
        raise BindError(
            f"{atom.key}[{position}] is entry {position + 1} of {atom.key} counted from 0, as code counts, or entry"
            f" {position} counted from 1, as {atom.key}_{{{position}}} is: write the subscript to say which"
        )
    return entries.pop()


# x_{(2)}: the index in parentheses, as order statistics write the second smallest entry
PARENTHESISED_INDEX = re.compile(r"\(([^(),]+)\)")


def _entry_or_order_statistic(atom: Atom, value: Vec, position, written: str):
    """The entry x_{(2)} names: the second smallest, as order statistics write it, or the second, as x_2 is; read only
    where the entries are numbers and both readings give the same entry."""
    if written_in_numbers(value) and isinstance(position, (int, sp.Integer)) and 1 <= position <= value.size:
        entries = list(value.explicit())
        if all(entry.is_real for entry in entries) and value.component(position) == sorted(entries)[int(position) - 1]:
            return value.component(position)
    raise BindError(
        f"{atom.key}_{{({written})}} is the entry of rank {written} of {atom.key} in increasing order, as order"
        f" statistics write it, or entry {written}, as {atom.key}_{{{written}}} is: write the subscript to say which"
    )


def _raised(atom, side) -> bool:
    """Whether the side writes a power right after the atom (H (S + 1)^2), which a product reading of the atom's bracket
    would put on the bracket alone; without one (2 L B H (S + 1) D) the product is what is written."""
    if side is None or not getattr(side, "table", None):
        return True
    names = [name for name, node in side.table.items() if node is atom]
    if not names:
        return True
    return any(re.search(rf"\\text\{{{re.escape(name)}\}}\s*\^", side.text) for name in names)


def _defined_from_members(meaning) -> bool:
    r"""Whether a meaning is a tag's function defined from members of its own family (f(x) = \sum_i f_i(x)), whose
    subscripted f_i is no application of f."""
    return isinstance(meaning, tuple) and meaning[0] == "call" and getattr(meaning[1], "members", False)


def _index_as_number_shape(atom: Atom) -> bool:
    """Whether a name is written bare (no subscript, arguments, decoration or transpose), as an index read as a number is."""
    return not (atom.sub or atom.args is not None or atom.decoration or atom.transpose or atom.post_sub)
