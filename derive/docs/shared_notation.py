"""The names every notation shares, read for the interpreter: δ and I, 1, e, π, softmax and σ, Φ, φ, ζ, activation
functions named in words, H, KL, the moments E, Var, Cov, diag, rank, tr, losses, and the arbitrary functions nothing
defines."""

from __future__ import annotations

import re
from dataclasses import replace

import sympy as sp

from derive.docs import vector_sigma
from derive.docs.interpret import Atom, Side, TupleNode
from derive.docs.parse import parse_latex
from derive.docs.side_names import _display, single_atom
from derive.docs.symbols import ASYMPTOTIC
from derive.docs.values import (
    BindError,
    NeedsConcrete,
    ShapeError,
    Unbound,
    Vec,
    _elementwise,
    _notation_p,
    _notation_q,
    _pick,
    _same_size,
    _softmax_of,
    _sum_over,
    _transpose,
    as_value,
    vec_of,
    written_in_numbers,
)
from derive.notation import KL, CrossEntropy, Entropy, Logistic


class SharedNotation:
    """The readers of the shared notation's names, a part of :class:`derive.docs.bind.Interpreter`."""

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
            _labelled_key(atom),
        )

    def _kronecker(self, atom: Atom, side: Side):
        """δ_{ij} or I_{ij}: 1 when the indices agree, else 0."""
        return sp.KroneckerDelta(self.index(atom.sub[0]), self.index(atom.sub[1]))

    def _identity_matrix(self, atom: Atom, side: Side):
        """A bare I: the identity matrix beside another matrix or vector, else a name of its own (a number)."""
        if not self._beside_a_matrix():
            raise Unbound("I beside no matrix or vector: a number of its own, not the identity matrix", "I")
        size = self._written_size() or self.size_value
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

    def _written_size(self):
        """The size k when every matrix or vector the formula writes out entry by entry is k x k or has k entries
        (the identity beside a rotation written as a 2 x 2 matrix is 2 x 2), else None."""
        sizes = set()
        for formula_side in self.formula_sides:
            for node in formula_side.table.values():
                if isinstance(node, TupleNode):
                    rows = len(node.items) // node.columns if node.columns else len(node.items)
                    sizes.add(rows if not node.columns or node.columns == rows else None)
        return sp.Integer(sizes.pop()) if len(sizes) == 1 and None not in sizes else None

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
        if (
            key == "sigma"
            and not indices
            and isinstance(arg, (Vec, sp.MatrixBase))
            and (self.vocab.result is None or self.vocab.sigma == "logistic")
            and not (self.vocab.result is None and _written_numbers(atom, arg) and vector_sigma.as_softmax())
        ):
            # of a vector, unless the result says softmax, the logistic of each entry; of written numbers with no
            # result, the softmax too, as worked examples of a softmax named σ write it
            value = _elementwise(Logistic, arg)
            return _transpose(value) if atom.transpose else value
        if key in ("logistic", "sigmoid") or (
            key == "sigma" and not isinstance(arg, (Vec, sp.MatrixBase)) and not indices
        ):
            if isinstance(arg, (Vec, sp.MatrixBase)):
                raise ShapeError("the logistic function of a vector")
            return Logistic(arg)
        entry_of_matrix = len(indices) == 2 or (len(indices) == 1 and len(str(indices[0]).strip()) == 2)
        if (
            isinstance(arg, sp.MatrixBase)
            and ((arg.rows > 1 and arg.cols > 1) or entry_of_matrix)  # softmax(X)_{ij} of a 1 x q matrix too
            and key in ("softmax", "logsoftmax")
        ):
            from derive.docs.matrix_softmax import softmax_of_matrix

            def of_entries(items, logarithm=key == "logsoftmax"):
                vec = _softmax_of(Vec(lambda idx, items=items: _pick(items, idx), sp.Integer(len(items))))
                return [sp.log(e) if logarithm else e for e in vec.explicit()]

            value = softmax_of_matrix(arg, of_entries)
            if indices:
                from derive.docs import written_entries

                return written_entries.entry(self, value, atom.key, indices)
            return value.T if atom.transpose else value
        if isinstance(arg, sp.MatrixBase):
            items = list(arg)
            row = arg.rows == 1 and arg.cols > 1
            arg = Vec(lambda idx, items=items: _pick(items, idx), sp.Integer(len(items)), row=row)
        if not isinstance(arg, Vec) and indices and self._of_a_vector(atom):
            arg = Vec(lambda idx, items=[arg]: _pick(items, idx), sp.Integer(1))  # σ(z / T)_j at dimension 1
        if not isinstance(arg, Vec):
            if key == "sigma" and indices:
                # σ_λ(x): a number has no components, so the subscript names a function of its own, not the logistic
                raise BindError(
                    f"sigma_{atom.sub_text}(...) of a number is a function of its own, not the logistic function;"
                    f" the tag may define it (sigma_{atom.sub_text}(x) = ...)"
                )
            if key == "sigma":
                return Logistic(arg)
            component = self._component_argument(atom, side) or self._over_its_index(atom)
            if component is None:
                raise ShapeError("the softmax of a number")
            arg, indices = component  # softmax(x_i): the i-th component of softmax(x), as the author means it
        vec = _softmax_of(arg)
        if key == "logsoftmax":
            vec = Vec(lambda idx, v=vec: sp.log(v.component(idx)), vec.size)
        if indices:
            return vec.component(self.index(indices[0]))
        return _transpose(vec) if atom.transpose else vec

    def _of_a_vector(self, atom: Atom) -> bool:
        """Whether the one argument writes a name the reader holds as a vector (``\\sigma(\\mathbf{z} / T)_j``): an
        expression of it taken at dimension 1 has come out as a number, the vector's one entry."""
        from derive.docs.free import child_sides
        from derive.docs.side_names import atoms_in

        if len(atom.args) != 1:
            return False
        for inner in atoms_in(atom.args, child_sides):
            if inner.args is None and not inner.sub:
                try:
                    if isinstance(self.atom(inner, atom.args[0]), Vec):
                        return True
                except (BindError, ShapeError):
                    continue
        return False

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

    def _over_its_index(self, atom: Atom):
        """(the vector of the argument's values at each value of i, [i]) for softmax_i(e_i), the softmax taken over the
        index written under it (Bahdanau's attention weights, softmax_i(score(s, h_i))), else None."""
        if len(atom.sub) != 1 or atom.post_sub or not atom.args or len(atom.args) != 1:
            return None
        name = str(atom.sub[0])
        if not name.isalpha():
            return None
        dummy = sp.Dummy(name, integer=True, positive=True)
        saved = dict(self.bound)
        try:
            self.bound[name] = dummy
            body = self.side(atom.args[0])
        finally:
            self.bound = saved
        if isinstance(body, (Vec, sp.MatrixBase)) or dummy not in sp.sympify(body).free_symbols:
            return None
        entries = Vec(lambda idx, body=body: body.xreplace({dummy: idx}), self.size_value)
        return entries, [name]

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

    def _beta_function(self, atom: Atom, side: Side):
        """B(a, b) beside a Beta law the formula writes at a point: Euler's beta function, Γ(a)Γ(b)/Γ(a + b), the
        normaliser of that law's density."""
        a, b = (self._scalar(self.side(arg)) for arg in atom.args)
        return sp.gamma(a) * sp.gamma(b) / sp.gamma(a + b)

    def _named_function(self, atom: Atom, side: Side):
        """An activation function named in words (Tanhshrink(x), relu6(x), GELU(2)), of a number or of each entry of
        a vector, or a statistic of a vector's entries (mean(r), std(r)) (:mod:`derive.docs.named_functions`); with a
        subscript (GELU_tanh) it is another function."""
        from derive.docs import named_functions

        if len(atom.args) != 1 or atom.sub or atom.post_sub or atom.decoration or atom.transpose:
            return DECLINED
        arg = self.side(atom.args[0])
        if named_functions.of_entries(atom.key):  # mean(r), std(r): of a vector's entries, never of one number
            if isinstance(arg, Vec) or isinstance(arg, sp.MatrixBase) and 1 in arg.shape:
                return named_functions.value(atom.key, self._vector(arg))
            return DECLINED
        if isinstance(arg, sp.MatrixBase) and arg.shape == (1, 1):
            arg = arg[0, 0]
        return _elementwise(lambda x: named_functions.value(atom.key, x), arg)

    def _bare_sigma(self, atom: Atom, side: Side):
        raise BindError("σ without an argument")

    def _cross_entropy_named(self, atom: Atom, side: Side):
        """CE(P, Q): the cross-entropy H(P, Q)."""
        from dataclasses import replace as renamed

        return self.builtin(renamed(atom, key="H"), side)

    def _entropy(self, atom: Atom, side: Side):
        """H(p) = -Σ p log p and H(p, q) = -Σ p log q; H(X | Y) of random variables with a joint law."""
        if self.joint_laws:
            from derive.docs.joint_law import entropy_of_variables

            value = entropy_of_variables(self, atom)
            if value is not None:
                return value
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
        """D_KL(p, q) = Σ p log(p/q); D_JS(p, q) = ½ D_KL(p, m) + ½ D_KL(q, m) with m = (p + q)/2 (Jensen-Shannon)."""
        jensen_shannon = atom.key in JS_NAMES or atom.key == "D" and atom.sub_text.upper() in JS_NAMES
        if atom.key == "D" and atom.sub_text and atom.sub_text.upper() not in ("KL",) and not jensen_shannon:
            raise BindError(f"D_{atom.sub_text} is not a known divergence")
        if not jensen_shannon and len(atom.args or []) == 2:
            from derive.docs.law_functions import divergence

            between_laws = divergence(self, *(single_atom(a) for a in atom.args))
            if between_laws is not None:  # D_KL(N(μ, σ²) ‖ N(0, 1)): integrated from the laws' densities
                return between_laws
        p, q = self._joint_distributions(atom) or (
            self._law_at_its_outcome(a) or self._distribution(self.side(a)) for a in atom.args
        )
        _same_size(p, q)
        if jensen_shannon:
            middle = Vec(lambda k: (p.component(k) + q.component(k)) / 2, p.size)
            return sum(
                (
                    _sum_over(r.size, lambda k, r=r: r.component(k) * sp.log(r.component(k) / middle.component(k))) / 2
                    for r in (p, q)
                ),
                sp.Integer(0),
            )
        if _shared_pair(p, q):
            return KL(p.base, q.base, p.size)
        return _sum_over(p.size, lambda k: p.component(k) * sp.log(p.component(k) / q.component(k)))

    def _law_at_its_outcome(self, side: Side):
        """p in D_KL(p(x) \\| q(x)), q(x \\mid w) in D_KL(\\tilde p(x) \\| q(x \\mid w)): a distribution written at an outcome
        nothing else binds is the law of that outcome, when its value there is the law's entry x at every x; None for
        any other argument (p(2), p_i, \\rho), read as before."""
        atom = single_atom(side)
        if atom is None or not atom.args or atom.post_sub or atom.transpose:
            return None
        if any(sep not in ("|", ";") for sep in atom.seps) or len(atom.seps) != len(atom.args) - 1:
            return None  # p(x, y): a joint law of several outcomes, not one
        named = single_atom(atom.args[0])
        if named is None or named.args or named.sub or named.decoration or named.step or named.transpose:
            return None
        outcome = named.key
        if outcome in self.bound or outcome in self.overrides or outcome in self.extra:
            return None
        k = sp.Dummy("k", integer=True, positive=True)
        saved = dict(self.bound)
        try:
            self.bound[outcome] = k
            at_outcome = self.side(side)
        finally:
            self.bound = saved
        if not isinstance(at_outcome, sp.Indexed) or at_outcome.indices != (k,) or self.size_value is None:
            return None
        return vec_of(at_outcome.base, self.size_value)

    def _joint_distributions(self, atom: Atom):
        """The two arguments of a divergence as laws of one outcome under the joint laws (``q(z \\mid x) \\| p(z)``:
        over the values of z); None when neither argument applies a joint law, and refused when only one does or
        their outcomes differ (a number there is a probability, never a Bernoulli law)."""
        if not self.joint_laws or len(atom.args or []) != 2:
            return None
        from derive.docs.joint_law import distribution_of, law_key

        atoms = [single_atom(a) for a in atom.args]
        laws = [distribution_of(self, a) for a in atoms]
        if all(law is None for law in laws) and not any(a is not None and law_key(a) in self.joint_laws for a in atoms):
            return None
        if any(law is None for law in laws) or laws[0][0] != laws[1][0]:
            raise BindError("a divergence between laws of the formula's outcomes is read between laws of one outcome")
        return laws[0][1], laws[1][1]

    def _moment(self, atom: Atom, side: Side):
        """E, Var, Cov: over x ~ p when the subscript says so, else with the vocabulary's probability model."""
        key = atom.key
        if "|" in atom.seps:
            raise BindError(f"a conditional expectation {key}[· | ·] needs a joint model of both; it is not computed")
        if self.vocab.expectation is None and "sim" not in atom.sub_text:
            model = self.vocab.name or ("the shared notation" if self.implicit_ranges else "untagged formulas")
            raise BindError(
                f"{key}[...] needs a probability model; {model} has none: name the law in the subscript"
                f" ({key}_{{x \\sim p}}) or declare one in the tag (X \\sim \\mathcal{{N}}(0, 1))"
            )
        if "sim" in atom.sub_text and key == "E":
            return self._expectation_over(atom, side)
        if "sim" in atom.sub_text and key in ("Var", "var") and len(atom.args) == 1:
            # Var_{x ~ p}[f] = E_{x ~ p}[f^2] - E_{x ~ p}[f]^2
            second = self._expectation_over(atom, side, lambda: self._scalar(self.side(atom.args[0])) ** 2)
            return second - self._expectation_over(atom, side) ** 2
        if "sim" in atom.sub_text and self.vocab.expectation is None:
            raise BindError(
                f"{key}_{{{atom.sub_text}}}[...]: this moment over a law named in the subscript is not read"
            )
        E, Var = self.vocab.expectation
        over = getattr(E, "over", None)
        if atom.sub_text and over is not None and not set(atom.sub) <= over:
            raise BindError(f"{key}_{{{atom.sub_text}}}: an expectation over other than the tag's random variables")
        value = self.side(atom.args[0])
        if getattr(E, "of_entries", False):  # E[x] of a vector: the mean of its entries (derive.docs.chance)
            return E(self._vector(value)) if key in ("E", "bb_E") else Var(self._vector(value))
        if key in ("E", "bb_E") and isinstance(value, Vec):  # E of a vector entry by entry: E is linear
            return replace(value, component=lambda k: E(self._scalar(value.component(k))), base=None)
        if key in ("E", "bb_E") and isinstance(value, sp.MatrixBase):
            return value.applyfunc(lambda entry: E(sp.sympify(entry)))
        arg = self._scalar(value)
        if getattr(E, "sized", False):  # a family of independent members: a sum of them written out at its size
            sizes = frozenset(self.vocab.dims.values())
            return E(arg, sizes) if key in ("E", "bb_E") else Var(arg, sizes)
        return E(arg) if key in ("E", "bb_E") else Var(arg)

    def _expectation_over(self, atom: Atom, side: Side, read_body=None):
        """E_{x ~ p}[f]: Σ_k p_k f at x = the k-th outcome (x_k when x lists the values); ``read_body`` reads f when it
        is not the atom's argument (E_{x ~ p} written before a product without brackets)."""
        variable, _, dist = atom.sub_text.partition("sim")
        dist = dist.removesuffix(f"({variable})") if variable else dist  # z ~ P(z): the distribution P
        dist = re.sub(r"\^\{?\*\}?", "*", dist)  # x ~ p^*: the starred distribution, keyed p*
        law = self.joint_laws.get(dist)
        conditional = None
        if self.joint_laws and law is None:  # z ~ q(z | x): the law of z given x under the joint law q
            from derive.docs.joint_law import drawn_from

            conditional = drawn_from(self, dist)
            if conditional is not None and conditional[0] != variable:
                raise BindError(f"E_{{{variable} \\sim {dist}}}: a draw of {variable} from a law of {conditional[0]}")
        if conditional is not None:
            p = conditional[1]
        elif law is not None and variable in law.outcomes:  # Y ~ P(Y) for a joint law P of Y and others: its marginal
            from derive.docs.joint_law import marginal_vector

            p = marginal_vector(self, law, variable)
        else:
            try:
                p = self._vector(self.node(Atom(dist, [], ""), side))
            except Unbound as unbound:
                from derive.docs.policy_laws import policy_law

                p = policy_law(self, dist, variable, side) if unbound.name == dist else None  # a \sim \pi(s)
                if p is None:  # z \sim \pi(\cdot \mid x) for the tag's positive \pi(z \mid x): function of \theta
                    from derive.docs.drawn_policies import law_of_draw

                    p = law_of_draw(self, dist, variable, side)
                if p is None:
                    raise
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
            body = read_body() if read_body is not None else self.side(atom.args[0])
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
        entries = list(self._vector(self.side(atom.args[0])).explicit())
        # built entry by entry: sp.diag takes an indexed entry λ[1] for a matrix and fails on its shape
        return sp.Matrix(len(entries), len(entries), lambda i, j: entries[i] if i == j else 0)

    def _rank(self, atom: Atom, side: Side):
        m = as_value(self.side(atom.args[0]))
        if not isinstance(m, sp.MatrixBase) or m.free_symbols:
            raise BindError("rank(...) is decided only for a matrix written out in numbers")
        return sp.Integer(m.rank())

    def _trace(self, atom: Atom, side: Side):
        from derive.docs.operations import names_only_matrices

        m = as_value(self.side(atom.args[0]))
        if isinstance(m, sp.MatrixBase) and not m.is_square:
            raise ShapeError(f"the trace of a {m.rows}x{m.cols} matrix (not square)")
        if not isinstance(m, sp.MatrixBase) and not names_only_matrices(m) and not self.implicit_ranges:
            # untagged, names read as numbers: tr(AB) = tr(BA) would hold of any numbers
            raise ShapeError("the trace of a number: the formula does not say that its names are matrices")
        return m.trace() if isinstance(m, sp.MatrixBase) else m

    def _arbitrary(self, atom: Atom, side: Side):
        """f(x), r_t that nothing defines: an arbitrary function or sequence (see derive.docs.arbitrary)."""
        from derive.docs.arbitrary import read_arbitrary

        return read_arbitrary(self, atom, side)

    def _asymptotic(self, atom: Atom, side: Side):
        """O(n^2), \\Theta(n d) that nothing defines: a bound up to a constant factor as n grows, which no point's value
        decides."""
        raise BindError(
            f"{atom.key}({''.join(atom.args[0].source.split())}) is read as asymptotic notation (a bound up to a constant"
            f" factor as the variable grows), which is not modelled; define {atom.key} in the tag if it is a function"
        )

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


KL_NAMES = ("KL", "D_KL", "D", "D_kl", "KLD", "D_{KL}")
JS_NAMES = ("JS", "JSD")  # the Jensen-Shannon divergence: JSD(p, q), D_JS(p || q), D_JSD[p, q]
DECLINED = object()  # a builtin reader's answer when the atom is not its after all (H with three arguments)
SOFTMAX_NAMES = ("softmax", "Softmax", "sigma", "logistic", "sigmoid", "logsoftmax")
MOMENT_NAMES = ("E", "Var", "var", "bb_E", "Cov")
LOSS_NAMES = ("L", "cal_L", "ell", "J", "CE", "loss", "cal_J")
# functions the shared notation names by a letter (Goodfellow et al. write ζ for the softplus)
CONVENTIONAL_FUNCTIONS = {
    "Phi": lambda x: (1 + sp.erf(x / sp.sqrt(2))) / 2,
    "phi": lambda x: sp.exp(-(x**2) / 2) / sp.sqrt(2 * sp.pi),
    "zeta": lambda x: sp.log(1 + sp.exp(x)),
    "Gamma": sp.gamma,  # Euler's gamma function, Γ(n) = (n - 1)!
}


def _written_numbers(atom: Atom, arg) -> bool:
    """Whether the argument of σ is a vector of numbers written out entry by entry: σ(1, 2, 8), σ(\\begin{bmatrix}
    0.1 & 0.2 \\end{bmatrix})."""
    if len(atom.args) == 1:
        try:
            expr = parse_latex(atom.args[0].text)
        except Exception:
            return False
        if not (isinstance(expr, sp.Symbol) and isinstance(atom.args[0].node(expr), TupleNode)):
            return False
    return written_in_numbers(arg)


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
    named = atom.key in KL_NAMES + JS_NAMES or any(f in KL_NAMES for f in atom.full_keys()) or atom.key == "D"
    return named and bool(atom.args) and len(atom.args) == 2


def _is_loss(atom: Atom) -> bool:
    return atom.key in LOSS_NAMES or any(f.startswith(("L_", "cal_L_", "ell_")) for f in atom.full_keys())


BUILTINS = (  # (applies, read) in order: the first that applies and does not decline gives the atom's value
    (lambda a, r: a.key in ("delta", "I") and len(a.sub) == 2, SharedNotation._kronecker),
    (lambda a, r: a.key == "I" and not a.sub and a.args is None, SharedNotation._identity_matrix),  # I(X; Y) is not
    (lambda a, r: a.key == "one" and not a.args, SharedNotation._ones),
    # \mathbf{0}, the zero vector or matrix: the number 0, which takes the shape of what it is added to or compared
    # with (and the tag's B = \mathbf{0}, for a B it declares, is the zero of B's shape)
    (lambda a, r: a.key == "0" and _bare(a) and not a.decoration, lambda r, a, s: sp.Integer(0)),
    # Euler's e is a bare e: e^{\text{img}} is a name of its own (an embedding), never e itself
    (lambda a, r: a.key == "e" and _bare(a) and not a.decoration, lambda r, a, s: sp.E),
    # a bare \pi that no vocabulary gives a meaning (a policy is \pi(a|s) or named in the tag)
    (
        lambda a, r: a.key == "pi" and not a.sub and a.args is None and not a.decoration and not a.post_sub,
        lambda r, a, s: sp.pi,
    ),
    (lambda a, r: a.key in SOFTMAX_NAMES and a.args is not None, SharedNotation._softmax_family),
    (lambda a, r: a.key == "sigma" and r.vocab.sigma == "logistic" and a.args is None, SharedNotation._bare_sigma),
    (lambda a, r: a.key in CONVENTIONAL_FUNCTIONS and a.args is not None, SharedNotation._conventional_function),
    (lambda a, r: _is_named_function(a), SharedNotation._named_function),
    (lambda a, r: _beside_a_beta_law(a, r), SharedNotation._beta_function),
    (lambda a, r: a.key == "CE" and bool(a.args) and len(a.args) == 2, SharedNotation._cross_entropy_named),
    (lambda a, r: a.key == "H" and bool(a.args), SharedNotation._entropy),
    (lambda a, r: _is_kl(a), SharedNotation._kl),
    (lambda a, r: a.key in MOMENT_NAMES and bool(a.args), SharedNotation._moment),
    (lambda a, r: a.key == "diag" and bool(a.args), SharedNotation._diag),
    (lambda a, r: a.key == "rank" and bool(a.args), SharedNotation._rank),
    (lambda a, r: a.key in ("tr", "trace") and bool(a.args), SharedNotation._trace),
    (lambda a, r: _is_loss(a), SharedNotation._loss),
    (lambda a, r: _big_o(a), SharedNotation._asymptotic),
    (lambda a, r: _may_be_arbitrary(a, r), SharedNotation._arbitrary),
)


def _is_named_function(atom: Atom) -> bool:
    from derive.docs.named_functions import is_named

    return atom.args is not None and is_named(atom.key)


def _beside_a_beta_law(atom: Atom, reader) -> bool:
    """Whether the atom is B applied to two arguments in a formula that writes a Beta law's density at a point
    (Beta(θ | a, b)): alone, B(x, y) is as often a function of the author's own."""
    from derive.docs.law_functions import law_of

    if atom.key != "B" or atom.args is None or len(atom.args) != 2 or atom.sub or atom.decoration or atom.transpose:
        return False
    return any(
        isinstance(node, Atom) and getattr(law_of(node), "name", None) == "beta"
        for formula_side in reader.formula_sides
        for node in formula_side.table.values()
    )


def _big_o(atom: Atom) -> bool:
    """Whether the name is a bare O, Theta or Omega applied to one argument, O(n^2): asymptotic notation, never a
    function made up."""
    return (
        atom.key in ASYMPTOTIC
        and not atom.sub
        and not atom.decoration
        and atom.args is not None
        and len(atom.args) == 1
    )


def _may_be_arbitrary(atom: Atom, reader) -> bool:
    from derive.docs.arbitrary import may_be_arbitrary

    return may_be_arbitrary(atom, reader)


def _shared_pair(p: Vec, q: Vec) -> bool:
    """Whether p and q are both the shared notation's distributions (then H, KL keep their named form)."""
    named = (_notation_p(), _notation_q())
    return p.base is not None and q.base is not None and p.base in named and q.base in named


def _labelled_key(atom: Atom) -> str:
    """The name an unbound atom is known by: with its label when its subscript is one word (eta_min, d_model), so that
    a label names a quantity of its own, else the letter (x for x_i)."""
    label = atom.sub[0] if len(atom.sub) == 1 else ""
    return f"{atom.key}_{label}" if len(label) > 1 and label.isalpha() and not atom.args else atom.key
