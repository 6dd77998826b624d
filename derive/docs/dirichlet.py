r"""A tag's Dirichlet law, ``\mathbf{p} \sim \text{Dir}(\boldsymbol{\alpha})``, read through the law of one member.

Under Dir(α) with S = α_1 + ... + α_K, the member p_k alone has the law Beta(α_k, S - α_k), whose moments are
E[p_k^m] = α_k (α_k + 1) ... (α_k + m - 1) / (S (S + 1) ... (S + m - 1)). An expectation (a variance) of a polynomial
in one member, E[p_k], Var(p_k), E[(y_k - p_k)^2], also under a sum over k outside it, is read so. One that holds two
members (E[p_j p_k], Var(p_1 + p_2)) or the vector itself is refused: the checker does not model the joint law. The
parameter α is drawn as a vector of positive entries over the tag's size, also where the tag declares it a vector.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import sympy as sp


@dataclass(frozen=True)
class DirichletClause:
    """``NAME \\sim \\text{Dir}(ALPHA)``: the vector NAME (a key) drawn from the Dirichlet law of parameter ALPHA."""

    name: str
    alpha: str  # the parameter vector's key
    text: str = ""


def dirichlet_clause(name: str, params: list, clause: str) -> DirichletClause:
    """The clause read, its name and its one parameter each a single name (\\mathbf{p}, \\boldsymbol{\\alpha})."""
    from derive.docs.laws import LawError
    from derive.docs.tags import _is_one_symbol, _key

    if len(params) != 1 or not _is_one_symbol(params[0]) or not _is_one_symbol(name):
        raise LawError(
            f"the clause '{clause.strip()}': the Dirichlet law is read of one vector name and one parameter vector"
            " named alone (\\mathbf{p} \\sim \\text{Dir}(\\boldsymbol{\\alpha}))"
        )
    return DirichletClause(_key(name), _key(params[0]), " ".join(clause.split()))


def with_positive_parameter(clauses: list) -> list:
    """``clauses`` with each Dirichlet parameter a vector of positive entries: drawn so where the tag leaves it
    undeclared, and narrowed so where the tag declares it a vector (\\boldsymbol{\\alpha} \\in \\mathbb{R}^K)."""
    from derive.docs.tags import KindClause

    laws = [c for c in clauses if isinstance(c, DirichletClause)]
    if not laws:
        return clauses
    parameters = {law.alpha for law in laws}
    changed = [
        dataclasses.replace(c, kind="positive vector")
        if isinstance(c, KindClause) and c.name in parameters and c.kind == "vector"
        else c
        for c in clauses
    ]
    declared = {c.name for c in changed if isinstance(c, KindClause)}
    return [*changed, *(KindClause(alpha, "positive vector") for alpha in sorted(parameters - declared))]


def _total(vector, law):
    """S, the sum of the parameter vector's entries (its size may be symbolic)."""
    from derive.docs.bind import BindError
    from derive.docs.values import Vec

    if isinstance(vector, sp.MatrixBase) and 1 in vector.shape:
        return sp.Add(*vector)
    if not isinstance(vector, Vec) or vector.row:
        raise BindError(f"{law.alpha}, the parameter of {law.text}, is not a vector here")
    if isinstance(vector.size, (int, sp.Integer)):
        return sp.Add(*(vector.component(sp.Integer(t)) for t in range(1, int(vector.size) + 1)))
    j = sp.Dummy("j", integer=True, positive=True)
    return sp.Sum(vector.component(j), (j, 1, vector.size))


def dirichlet_family(vocab, clauses: list):
    """``vocab`` with the tag's Dirichlet vector: its members p_k, and E, Var and Cov of one member under its law."""
    from derive.docs.bind import BindError
    from derive.vocabulary import VocabularyError, call, function_of_arguments

    if len(clauses) > 1:
        raise VocabularyError("several Dirichlet laws in one tag are not read")
    if vocab.expectation is not None:
        raise VocabularyError(
            f"{vocab.name or 'this notation'} has a probability model of its own; {clauses[0].text} cannot add another"
        )
    (law,) = clauses
    member = sp.Function(f"dirichlet_{law.name}", real=True)  # member(index, alpha at the index, S)

    def read(env, atom, side):
        if len(atom.sub) != 1 or atom.args is not None or atom.transpose or atom.decoration:
            raise BindError(
                f"{atom.key} is the vector drawn from {law.text}: only one member at a time, {law.name}_k, is read"
            )
        entry = env.atom(dataclasses.replace(atom, key=law.alpha), side)
        whole = env.atom(dataclasses.replace(atom, key=law.alpha, sub=[], sub_text="", post_sub=[]), side)
        return member(env.index(atom.sub[0]), entry, _total(whole, law))

    def expectation(argument):
        argument = sp.sympify(argument)
        members = {f for f in argument.atoms(sp.Function) if f.func == member}
        if not members:
            raise BindError(f"an expectation of an expression without the members of {law.name} is not read")
        summed = any(
            set(bound.free_symbols) & next(iter(members)).free_symbols
            for total in argument.atoms(sp.Sum, sp.Product)
            for bound in total.limits
        )
        if len(members) > 1 or summed:
            raise BindError(
                f"an expectation of several members of {law.name} needs the joint law of {law.text}, which is not read"
            )
        (one,) = members
        _, alpha, total = one.args
        value = sp.Dummy("member")
        try:
            polynomial = sp.Poly(sp.expand(argument.xreplace({one: value})), value)
        except sp.PolynomialError:
            polynomial = None
        if polynomial is None or polynomial.has(member):
            raise BindError(f"an expectation of other than a polynomial in one member of {law.name} is not read")
        return sp.Add(
            *(
                coefficient * sp.Mul(*((alpha + r) / (total + r) for r in range(power)))
                for (power,), coefficient in polynomial.terms()
            )
        )

    def variance(argument):
        return expectation(argument**2) - expectation(argument) ** 2

    def covariance(env, u, v):
        return expectation(u * v) - expectation(u) * expectation(v)

    entries = {key: entry for key, entry in vocab.entries.items() if key not in ("E", "bb_E", "Var", "Cov")}
    entries[law.name] = call(read)
    entries["Cov"] = function_of_arguments(covariance, 2)
    return dataclasses.replace(vocab, entries=entries, expectation=(expectation, variance))
