"""How the interpreter reads a sum or product (its index, bounds and outcomes) and a derivative (its variable)."""

from __future__ import annotations

import itertools
from dataclasses import replace

import sympy as sp

from derive.docs import written_entries
from derive.docs.interpret import Atom, Deriv, SumNode
from derive.docs.operations import _written_length
from derive.docs.side_names import _display, atoms_in, single_atom
from derive.docs.sums import names_a_size
from derive.docs.values import BindError, NeedsConcrete, ShapeError, Unbound, Vec, as_value
from derive.docs.zero_log import at_numbers

# a flag of the reading: a sum up to a name runs over a written list, so only points at the list's length have values
SIZED_BY_A_LIST = "a sum up to a name over a written list"


class SumsAndDerivatives:
    """The readers of Σ, Π and ∂, a part of :class:`derive.docs.bind.Interpreter`."""

    def sum(self, node: SumNode):
        if not node.variables:
            index = _only_index(node, self.bound)
            if index is None:
                return self._sum_of_entries(node)
            node = replace(node, variables=[index])  # \sum x_i^2, as RMSNorm is written: the sum over i
        if self._over_listed_values(node):
            return self._sum_over_listed_values(node)
        saved, saved_outcomes = dict(self.bound), dict(self.outcomes)
        try:
            dummies = []
            for variable in node.variables:
                if node.open_after:
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
            if node.low is None and node.high is None and isinstance(body, sp.Basic):  # a Vec's entries are read apart
                _refuse_values_of_data(body, dummies)
            if node.high is None and len(dummies) == 1 and node.variables[0] not in self.sum_ranges:
                high = _written_length(body, dummies[0]) or high  # Σ_i x_i beside x = (0.1, 0.2): over x's entries
            high = written_entries.summed_range(self, node, dummies, high)  # Σ_{j ≠ i} |a_{ij}| over A's columns
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
                    if node.op != "sum":
                        from derive.docs.interpret import Unsupported

                        raise Unsupported("a product of vectors or matrices: entrywise or as matrices is not read")
                    matrix = as_value(body)
                    if not (isinstance(low, sp.Integer) and isinstance(high, sp.Integer)):  # from or up to an index:
                        # the matrix of each entry's sum
                        body = matrix.applyfunc(lambda entry, dummy=dummy: sp.Sum(entry, (dummy, low, high)))
                        continue
                    body = sum(
                        (matrix.xreplace({dummy: sp.Integer(t)}) for t in range(int(low), int(high) + 1)),
                        sp.zeros(*matrix.shape),
                    )
                else:
                    terms = _written_out(body, dummy, low, high)
                    if terms is not None:
                        # Σ_{i=1}^{11} p_i \log(11 p_i) beside p = (0.02, ...): each term picks its entries at once,
                        # where folding the entries' case splits into one summand would multiply them out
                        body = sp.Add(*terms) if node.op == "sum" else sp.Mul(*terms)
                        continue
                    _within_fold_limit(body, dummy, node)
                    listed = _written_length(body, dummy) if self._bound_is_a_name(node, high) else None
                    body = (sp.Sum if node.op == "sum" else sp.Product)(body, (dummy, low, high))
                    if listed is not None and low == 1:
                        # Σ_{i=1}^n x_i beside x = (0.1, 0.2): n is the number of entries written; a point drawn at
                        # another n has no value (set aside), as one past the last entry has
                        body = body * sp.Piecewise((1, sp.Eq(high, listed)), (sp.nan, True))
                        self.flags[SIZED_BY_A_LIST] = True
            return body
        finally:
            self.bound, self.outcomes = saved, saved_outcomes

    def _sum_of_entries(self, node: SumNode):
        """``\\sum \\exp(a)``: a sum with no index and no bounds of a vector, the sum of its entries; a body that is no
        vector leaves the sum without a summation index (``\\sum (1 - \\alpha \\lambda_i)^{2k}``)."""
        body = self.side(node.body) if node.op == "sum" and node.low is None and node.high is None else None
        if isinstance(body, sp.MatrixBase) and 1 in body.shape:
            return sp.Add(*body)
        if not isinstance(body, Vec):
            raise BindError("a sum without a summation index")
        entry = sp.Dummy("k", integer=True, positive=True)
        if isinstance(body.size, (int, sp.Integer)):
            return sp.Add(*(body.component(sp.Integer(t)) for t in range(1, int(body.size) + 1)))
        return sp.Sum(body.component(entry), (entry, 1, body.size))

    def _over_listed_values(self, node: SumNode) -> bool:
        """Σ_x with no bounds, where the tag lists x's values (x \\in \\{1, 2, 3, 4\\}) and no joint law draws x."""
        drawn = {name for law in self.joint_laws.values() for name in law.outcomes}
        return (
            node.low is None
            and node.high is None
            and not node.excluded
            and all(_listed_as(node, v) in self.finite_sets and v not in drawn for v in node.variables)
        )

    def _sum_over_listed_values(self, node: SumNode):
        """Σ_x f(x) (or Π_x) over the values the tag lists for x, term by term."""
        saved = dict(self.bound)
        try:
            dummies = [sp.Dummy(variable, integer=True) for variable in node.variables]
            self.bound.update(dict(zip(node.variables, dummies)))
            body = self.side(node.body)
        finally:
            self.bound = saved
        if isinstance(body, (Vec, sp.MatrixBase)):
            raise ShapeError(f"a vector or matrix summed over the listed values of {', '.join(node.variables)}")
        terms = [
            at_numbers(body, dict(zip(dummies, values)))
            for values in itertools.product(*(self.finite_sets[_listed_as(node, v)] for v in node.variables))
        ]
        return sp.Add(*terms) if node.op == "sum" else sp.Mul(*terms)

    def _sum_bound(self, node: SumNode):
        """(the upper bound, whether it is the vectors' size read for a name that means a vector).

        ``\\sum_{j=1}^{q} y_j`` where the notation's q is a vector: the author's q counts the entries the sum runs
        over, the size of the vectors (checked by the caller: the sum must index a vector by its variable)."""
        if node.high is None:
            bound = self.sum_ranges.get(node.variables[0]) if len(node.variables) == 1 else None
            if bound is not None:  # the tag's j \\in \\{1, \\ldots, m\\} beside Σ_j: the sum runs to m
                high = self._scalar(self.side(bound))
                if high != self.size_value:
                    return high, False
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

    def _bound_is_a_name(self, node: SumNode, high) -> bool:
        """Whether a sum's upper bound is written as a plain name (n), read as a symbol or as the size drawn."""
        atom = single_atom(node.high) if node.high is not None else None
        if atom is None or atom.args is not None or atom.sub or atom.decoration:
            return False
        return isinstance(high, sp.Symbol) or (self.size_value is not None and high == self.size_value)

    def _fixed_by_tag(self, atom: Atom, value) -> bool:
        """Whether a derivative's variable is a plain name the tag sets to a number (x = 4 beside ∂f/∂x)."""
        plain = not atom.sub and atom.args is None and not atom.decoration and not atom.transpose
        number = isinstance(value, sp.Expr) and not isinstance(value, (sp.Symbol, sp.Indexed))
        return plain and atom.key in self.overrides and number and not value.free_symbols

    def _applied_parameter(self, atom: Atom, value) -> bool:
        """Whether a derivative's variable is a parameter of a function being applied at an expression (u in the
        digamma function d/du ln Gamma(u), applied at alpha + beta): differentiated by the parameter, then put to it."""
        plain = not atom.sub and atom.args is None and not atom.decoration and not atom.transpose
        meaning = self.overrides.get(atom.key)
        applied = (
            isinstance(meaning, tuple) and meaning[0] == "scalar" and atom.key not in getattr(self, "tag_defined", ())
        )
        expression = isinstance(value, sp.Expr) and not isinstance(value, (sp.Symbol, sp.Indexed))
        return plain and applied and expression

    def _intermediate_by_tag(self, atom: Atom, value) -> bool:
        """Whether a derivative's variable is a plain name the tag defines as an expression of other variables
        (q(x, y) = x + y beside ∂f(q, z)/∂q): the derivative treats it as a variable of its own (the chain rule's
        intermediate variable), then puts its definition back."""
        plain = not atom.sub and atom.args is None and not atom.decoration and not atom.transpose
        expression = isinstance(value, sp.Expr) and not isinstance(value, (sp.Symbol, sp.Indexed))
        column = isinstance(value, sp.MatrixBase) and value.shape[1] == 1 and not _distinct_variables(value)
        return (
            plain
            and atom.key in getattr(self, "tag_defined", ())
            and (expression or column)
            and bool(value.free_symbols)
        )

    def _derivative_through(self, node: Deriv, name: str, value):
        """∂f/∂q for the tag's q = q(x, y): f read with q a variable of its own, differentiated, then q put back; None
        when f still depends on x or y with q held (dx/dy for y = f(x) is the chain rule's, not this). A vector q = W h
        stands in as a column of variables of its own, and ∂f/∂q is the column of f's derivatives by each."""
        column = isinstance(value, sp.MatrixBase)
        entries = [sp.Dummy(f"{name}{k + 1}") for k in range(value.shape[0])] if column else [sp.Dummy(name)]
        saved = dict(self.values)
        self.values[name] = sp.Matrix(entries) if column else entries[0]
        try:
            numerator = self.side(node.num)
        except BindError:  # f uses q otherwise than as a number (q_i): the chain rule's reading below
            return None
        finally:
            self.values = saved
        if column and isinstance(numerator, sp.MatrixBase) and numerator.shape == (1, 1):
            numerator = numerator[0, 0]  # \|o\|^2 read as o^T o
        if not isinstance(numerator, sp.Expr) or numerator.free_symbols & value.free_symbols:
            return None
        if not numerator.free_symbols & set(entries):
            return None  # q is not in f as read: its derivative is no reading of the author's
        put_back = list(zip(entries, value if column else [value]))
        derivatives = [sp.diff(numerator, entry).subs(put_back, simultaneous=True) for entry in entries]
        return sp.Matrix(derivatives) if column else derivatives[0]

    def _entry_defined_by_tag(self, atom: Atom, value) -> bool:
        """Whether a derivative's variable is an entry the tag defines at every index as an expression of other
        variables (p_j = e^{a_j} / \\sum_k e^{a_k} beside \\partial \\ell_j / \\partial p_j)."""
        entry = len(atom.sub) == 1 and atom.args is None and not (atom.decoration or atom.transpose or atom.post_sub)
        expression = isinstance(value, sp.Expr) and not isinstance(value, (sp.Symbol, sp.Indexed))
        defined = any(name.startswith(f"{atom.key}_") for name in getattr(self, "tag_defined", ()))
        return entry and expression and defined and bool(value.free_symbols)

    def _derivative_through_entry(self, node: Deriv, atom: Atom, value):
        """∂f/∂p_j for the tag's p_j: f read with that entry a variable of its own, differentiated, then the entry's
        definition put back; None when f writes another entry of p (whose dependence on p_j is not read) or still
        depends on the variables of p_j's definition with p_j held."""
        position = self.index(atom.sub[0])
        entry = sp.Dummy(f"{atom.key}_entry")

        def component(index):
            if index != position:
                raise BindError(f"another entry of {atom.key}")
            return entry

        saved = dict(self.values)
        self.values[atom.key] = Vec(component, getattr(self, "size_value", None))
        try:
            numerator = self.side(node.num)
        except BindError:
            return None
        finally:
            self.values = saved
        if not isinstance(numerator, sp.Expr) or entry not in numerator.free_symbols:
            return None
        varying = {symbol for symbol in value.free_symbols if not symbol.is_integer}
        if numerator.free_symbols & varying:
            return None
        return sp.diff(numerator, entry).subs(entry, value)

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
        if den_atom is not None and (
            self._fixed_by_tag(den_atom, variable) or self._applied_parameter(den_atom, variable)
        ):
            return self._derivative_at_value(node, den_atom.key, variable)
        if den_atom is not None and self._intermediate_by_tag(den_atom, variable):
            through = self._derivative_through(node, den_atom.key, variable)
            if through is not None:
                return through
        if den_atom is not None and self._entry_defined_by_tag(den_atom, variable):
            through = self._derivative_through_entry(node, den_atom, variable)
            if through is not None:
                return through
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
            through = _single_variable(variable)
            if through is None:
                raise BindError(f"a derivative with respect to {variable}, which is not a variable of the result")
            # dx/dy for y = f(x), an expression of one variable s: the chain rule gives (dx/ds) / (dy/ds)
            rates = [sp.diff(self._scalar(value), through) for value in (num_value, variable)]
            if any(rate.has(sp.Derivative) for rate in rates):
                raise BindError(f"a derivative with respect to {variable}, which is not a variable of the result")
            return rates[0] / rates[1]
        if isinstance(num_value, Vec):
            return Vec(lambda idx: sp.Derivative(num_value.component(idx), variable), num_value.size)
        if isinstance(num_value, sp.MatrixBase):
            return num_value.applyfunc(lambda e: sp.Derivative(e, variable))
        return sp.Derivative(num_value, variable)


def _listed_as(node: SumNode, variable: str) -> str:
    """The name under which the tag lists a sum's index: a' for \\sum_{a'} or \\sum_{s, a'}, which the sum runs over
    as a plain letter."""
    if not node.written or variable not in node.variables:
        return variable
    written = node.written.split(",")
    return written[node.variables.index(variable)] if len(written) == len(node.variables) else variable


def _distinct_variables(matrix) -> bool:
    """Whether every entry of ``matrix`` is a variable of its own (X_{ij}), so that it can be differentiated by."""
    entries = list(matrix)
    return all(isinstance(e, (sp.Indexed, sp.Symbol)) for e in entries) and len(set(entries)) == len(entries)


def _single_variable(value):
    """The one variable (a symbol or a vector's entry) a number or 1x1 matrix depends on, or None."""
    if isinstance(value, sp.MatrixBase):
        if value.shape != (1, 1):
            return None
        value = value[0, 0]
    if isinstance(value, Vec) or not isinstance(value, sp.Expr):
        return None
    entries = value.atoms(sp.Indexed)
    loose = value.free_symbols - set().union(*(e.free_symbols for e in entries), set())
    found = entries | loose
    if len(found) != 1:
        return None
    variable = found.pop()
    return None if variable.is_integer or isinstance(variable, sp.Dummy) else variable  # never an index


FOLDED_CASES = 100  # the most cases a summand's case splits may multiply out to: folded in well under a second


def folded_cases(expr, dummy) -> int:
    """How many cases SymPy multiplies out when it brings the case splits (Piecewise) of a summand that hold ``dummy`` to
    the top, as every Sum and Product it builds does: the cases of a product are the product of its factors' cases."""
    if not isinstance(expr, sp.Basic) or not expr.has(dummy):
        return 1
    if isinstance(expr, sp.Piecewise):
        return sum(folded_cases(value, dummy) for value, _ in expr.args)
    cases = 1
    for arg in expr.args:
        cases *= folded_cases(arg, dummy)
    return cases


WRITTEN_OUT_TERMS = 64  # the most terms a sum between numbers is written out to, rather than folded


def _written_out(body, dummy, low, high) -> list | None:
    """The terms of a sum or product between two whole numbers, written out, where its summand picks entries at the
    summed index in more cases than can be folded, it has few enough terms, and each term picks its entries at once
    (x_i beside a listed x; never Z_{i-a} at a free i, whose cases every term would keep); else None."""
    numbers = isinstance(low, sp.Integer) and isinstance(high, sp.Integer)
    if not (numbers and 0 <= high - low < WRITTEN_OUT_TERMS):
        return None
    many = folded_cases(body, dummy) > FOLDED_CASES
    if not many and not body.has(sp.log):
        return None
    indices = [{dummy: sp.Integer(t)} for t in range(int(low), int(high) + 1)]
    terms = [body.xreplace(index) for index in indices]
    # with few cases, folded as before unless a term u log(u v) is written at an entry where u is 0 (0 log 0 = 0)
    if not many and not any(term is sp.nan for term in terms):
        return None
    terms = [at_numbers(body, index) if term is sp.nan else term for term, index in zip(terms, indices)]
    if not many and any(term is sp.nan for term in terms):
        return None
    fixed = {split for split in body.atoms(sp.Piecewise) if not split.has(dummy)}
    return terms if all(term.atoms(sp.Piecewise) <= fixed for term in terms) else None


def _within_fold_limit(body, dummy, node: SumNode):
    """Unsupported when the summand's entries picked at the summed index split into more cases than SymPy can fold:
    its fold distributes every condition over every other, and its time grows with the cases' product."""
    cases = folded_cases(body, dummy)
    if cases > FOLDED_CASES:
        from derive.docs.interpret import Unsupported

        raise Unsupported(
            f"a {'sum' if node.op == 'sum' else 'product'} over {dummy.name} whose terms pick entries at an index that "
            f"moves with {dummy.name}: {cases} cases to multiply out (the limit is {FOLDED_CASES})"
        )


def _refuse_values_of_data(body, dummies) -> None:
    """Σ_x with no bounds whose body tests x for equality with something of its own, [x_j = x] of data x_j: the sum
    runs over the values the data take, which no outcome range 1 .. n models."""
    for relation in body.atoms(sp.Eq, sp.KroneckerDelta):
        names = relation.free_symbols
        if names & set(dummies) and any(not (name in dummies or name.is_integer) for name in names):
            from derive.docs.interpret import Unsupported

            raise Unsupported("a sum over the values a name takes, tested against data: its range is not modelled")


def _only_index(node: SumNode, bound) -> str | None:
    """The one letter a sum written with no index and no bounds (``\\sum x_i^2``) subscripts names of its body by, and
    that nothing outside binds: the index the sum runs over; else None."""
    from derive.docs.free import child_sides

    if node.op != "sum" or node.low is not None or node.high is not None:
        return None
    letters = {
        str(item).strip()
        for atom in atoms_in([node.body], child_sides)
        for item in (*atom.sub, *atom.post_sub)
        if len(str(item).strip()) == 1 and str(item).strip().isalpha()
    }
    return letters.pop() if len(letters) == 1 and not letters & set(bound) else None
