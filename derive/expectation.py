r"""Expectation and variance of polynomials in independent random variables.

A result that reasons about random vectors declares them with :class:`Independent`:
families of random variables (an ``IndexedBase`` q stands for its components
q_1, q_2, …; a ``Symbol`` for one variable), all mutually independent, each family
distributed by a :class:`Law` whose mean and variance are declared. Then
``model.E(expr)`` and ``model.Var(expr)`` are named functions printing as
``\mathbb{E}[…]`` and ``\operatorname{Var}(…)`` (``E[…]``, ``Var(…)`` in the terminal).

Unfolding 𝔼 applies the axioms as rewrite rules, also under symbolic sums:

* linearity: 𝔼 of a Σ is the Σ of 𝔼, constants come out, products of sums
  become double sums;
* independence: 𝔼 of a product factorises over families and over distinct
  components; whether two components q_i, q_j with symbolic i, j are the same
  variable is decided by splitting on the pattern of equal indices, each pattern
  weighted by its indicator (products of δ_ij and 1 − δ_ij);
* moments: 𝔼[q_i^a] is the a-th moment μ_a of q's law. The declared mean and
  variance enter as the result's rules ``μ_1 = m``, ``μ_2 = v + m²``
  (:meth:`Independent.rules`), which the symbolic checker substitutes;
* Var(X) = 𝔼[X²] − 𝔼[X]², so Var(cX) = c² Var(X) follows.

Numeric checks use a real distribution. Each law is sampled (:meth:`Independent.samplers`)
as a random discrete law on a few atoms, standardised to the declared mean and
variance, so a moment evaluates to Σ_t w_t s_t^a for that law. The numeric evaluator
puts in a point's dimensions and writes out finite sums before unfolding, so there
𝔼 meets only concrete components (q_1, …, q_d): it expands the polynomial and
multiplies the sampled moments of the distinct variables, a computation independent
of the symbolic rewriting above (which the symbolic checker uses).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from random import Random

import mpmath
import sympy as sp

from derive.domain import Sampler, uniform
from derive.errors import DefinitionError
from derive.notation import Expectation, Variance, latex_power, unfold

__all__ = [
    "Expectation",
    "Independent",
    "Law",
    "LawSampler",
    "Moment",
    "Variance",
]


class Law(sp.Basic):
    """The law of each component of a family: declared ``mean`` and ``variance``.

    For numeric checks it is sampled as a discrete law on ``atoms`` points: the vector
    ``symbol`` holds the support in entries 1…atoms and the weights in atoms+1…2·atoms.
    """

    def __new__(cls, symbol, atoms=3, mean=0, variance=1):
        if isinstance(symbol, str):
            symbol = sp.IndexedBase(symbol, real=True)
        return super().__new__(cls, symbol, sp.Integer(atoms), sp.sympify(mean), sp.sympify(variance))

    @property
    def symbol(self):
        return self.args[0]

    @property
    def atoms_count(self) -> int:
        return int(self.args[1])

    @property
    def mean(self):
        return self.args[2]

    @property
    def variance(self):
        return self.args[3]

    def moment(self, order: int):
        """μ_order, kept symbolic (μ_0 = 1)."""
        return sp.Integer(1) if order == 0 else Moment(self, sp.Integer(order))

    def sampled_moment(self, order: int):
        """Σ_t w_t s_t^order for the sampled discrete law (entries of ``symbol``)."""
        m = self.atoms_count
        return sp.Add(*(self.symbol[m + t] * self.symbol[t] ** order for t in range(1, m + 1)))

    def rules(self) -> tuple:
        """The declared moments as substitution rules: μ_1 = mean, μ_2 = variance + mean²."""
        return (
            sp.Eq(self.moment(1), self.mean, evaluate=False),
            sp.Eq(self.moment(2), self.variance + self.mean**2, evaluate=False),
        )


class Moment(sp.Function):
    """μ_a of a law: opaque to the symbolic checker (which knows μ_1, μ_2 from the rules);
    ``doit`` gives its value for the sampled law."""

    nargs = 2
    is_commutative = True
    is_real = True

    def doit(self, **hints):
        law, order = self.args
        return law.sampled_moment(int(order))

    def _latex(self, printer, exp=None):
        return latex_power(rf"\mu_{{{printer._print(self.args[1])}}}", exp)

    def _unicode(self, printer, **kwargs):
        return f"μ_{printer._print(self.args[1])}"


class Independent(sp.Basic):
    """Mutually independent random variables: every component of every family.

    ``Independent({q: law, k: law})``: the components q_i and k_i are independent
    and each is distributed by its family's law.
    """

    numeric_needs_concrete = True  # numerically, 𝔼 under the model meets only concrete components (the sampled moments)

    def __new__(cls, families):
        pairs = families.items() if isinstance(families, dict) else families
        return super().__new__(cls, sp.Tuple(*(sp.Tuple(f, law) for f, law in pairs)))

    @property
    def families(self) -> dict:
        return {f: law for f, law in self.args[0]}

    @property
    def laws(self) -> list:
        return list(dict.fromkeys(self.families.values()))

    def E(self, expr) -> Expectation:
        """𝔼[expr] under this model."""
        return Expectation(expr, self)

    def Var(self, expr) -> Variance:
        """Var(expr) under this model."""
        return Variance(expr, self)

    def variance_of(self, expr):
        """Var(expr) = 𝔼[expr²] − 𝔼[expr]² under this model, what :class:`Variance` unfolds to."""
        return Expectation(expr**2, self) - Expectation(expr, self) ** 2

    def rules(self) -> tuple:
        """The declared first and second moments of every law (for ``Result.rules``)."""
        return tuple(rule for law in self.laws for rule in law.rules())

    def samplers(self) -> dict:
        """Domain samplers: each law as a random discrete law with its declared mean and variance."""
        samplers = {}
        for law in self.laws:
            names = [f for f, other in self.families.items() if other == law]
            samplers[law.symbol] = LawSampler(law.atoms_count, law.mean, law.variance, tuple(names))
        return samplers

    # --- the rewriting ---------------------------------------------------------

    def _is_random(self, expr) -> bool:
        families = self.families
        return any(f in families for f in expr.atoms(sp.IndexedBase, sp.Symbol))

    def _variable(self, expr):
        """(family, index) if ``expr`` is one random variable, else None."""
        families = self.families
        if isinstance(expr, sp.Indexed) and expr.base in families and len(expr.indices) == 1:
            return expr.base, expr.indices[0]
        if isinstance(expr, sp.Symbol) and expr in families:
            return expr, None
        return None

    def expectation_of(self, expr):
        """𝔼[expr] with the axioms applied (see the module docstring)."""
        expr = unfold(sp.sympify(expr))  # named functions inside (e.g. a dot product) first
        concrete = _concrete(expr, self)
        if concrete is not None:
            return self._concrete_expectation(concrete)
        total = []
        for coefficient, limits, variables in _terms(expr, self):
            body = coefficient * self._product_expectation(variables)
            total.append(sp.Sum(body, *limits) if limits and body != 0 else body)
        return sp.Add(*total)

    def _product_expectation(self, variables):
        """𝔼[Π variables]: factorise over families, split each on equal indices."""
        by_family = {}
        for family, index in variables:
            by_family.setdefault(family, []).append(index)
        result = sp.Integer(1)
        for family, indices in by_family.items():
            result *= self._family_expectation(self.families[family], indices)
        return result

    def _family_expectation(self, law, indices):
        powers = {}
        for index in indices:  # the same index twice is the same variable
            powers[index] = powers.get(index, 0) + 1
        distinct = list(powers)
        total = sp.Integer(0)
        for blocks in _set_partitions(distinct):
            indicator = sp.Integer(1)
            for block in blocks:
                indicator *= sp.Mul(*(sp.KroneckerDelta(block[0], other) for other in block[1:]))
            for left, right in itertools.combinations(blocks, 2):
                indicator *= 1 - sp.KroneckerDelta(left[0], right[0])
            if indicator == 0:
                continue
            moments = sp.Mul(*(law.moment(sum(powers[i] for i in block)) for block in blocks))
            total += indicator * moments
        return total

    def _concrete_expectation(self, expr):
        """𝔼 of a polynomial in concrete components, from the sampled moments."""
        total = sp.Integer(0)
        for term in sp.Add.make_args(sp.expand(expr)):
            coefficient, moments = sp.Integer(1), sp.Integer(1)
            for base, exponent in term.as_powers_dict().items():
                variable = self._variable(base)
                if variable is None:
                    if self._is_random(base):
                        raise NotImplementedError(f"not a polynomial in the random variables: {term}")
                    coefficient *= base**exponent
                elif not (exponent.is_Integer and exponent >= 0):
                    raise NotImplementedError(f"not a polynomial in the random variables: {term}")
                else:
                    moments *= self.families[variable[0]].sampled_moment(int(exponent))
            total += coefficient * moments
        return total


def _concrete(expr, model):
    """``expr`` with its finite sums carried out, if every random variable in it is concrete."""
    for s in expr.atoms(sp.Sum):
        if any(bound.free_symbols for _, low, high in s.limits for bound in (low, high)):
            return None
    done = expr.doit()
    if done.has(sp.Sum):
        return None
    for atom in done.atoms(sp.Indexed):
        variable = model._variable(atom)
        if variable is not None and not variable[1].is_Integer:
            return None
    return done


def _set_partitions(items):
    """Every partition of ``items`` into blocks, each block keeping the items' order."""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for partition in _set_partitions(rest):
        yield [[first]] + partition
        for position in range(len(partition)):
            yield partition[:position] + [[first] + partition[position]] + partition[position + 1 :]


def _terms(expr, model):
    """``expr`` as Σ coefficient · Σ_limits Π variables: a list of (coefficient, limits, variables).

    Sums are opened with fresh dummy indices, so a product of sums becomes a multiple sum.
    """
    if not model._is_random(expr):
        return [(expr, (), ())]
    variable = model._variable(expr)
    if variable is not None:
        return [(sp.Integer(1), (), (variable,))]
    if isinstance(expr, sp.Add):
        return [t for a in expr.args for t in _terms(a, model)]
    if isinstance(expr, sp.Mul):
        return _product([_terms(a, model) for a in expr.args])
    if isinstance(expr, sp.Pow) and expr.exp.is_Integer and expr.exp >= 0:
        return _product([_terms(expr.base, model) for _ in range(int(expr.exp))])
    if isinstance(expr, sp.Sum):
        function, limits = expr.function, []
        for index, low, high in expr.limits:
            fresh = sp.Dummy(str(index), integer=True, positive=True)
            function = function.xreplace({index: fresh})
            limits.append((fresh, low, high))
        return [(c, inner + tuple(limits), v) for c, inner, v in _terms(function, model)]
    raise NotImplementedError(f"the expectation of {expr} is not a polynomial in the random variables")


def _product(factors):
    result = [(sp.Integer(1), (), ())]
    for options in factors:
        result = [(c1 * c2, l1 + l2, v1 + v2) for c1, l1, v1 in result for c2, l2, v2 in options]
    return result


@dataclass(frozen=True)
class LawSampler(Sampler):
    """A random discrete law on ``atoms`` points with the declared mean and variance.

    Weights are drawn from [0.05, 1] and normalised, raw atoms from [−3, 3]; the atoms
    are then shifted and scaled so the law has exactly the declared mean and variance.
    The value is the list (atoms…, weights…).
    """

    atoms: int
    mean: sp.Expr
    variance: sp.Expr
    families: tuple

    def sample(self, rng: Random, values):
        if self.atoms < 2:
            raise DefinitionError("a law needs at least 2 atoms to have a positive variance")
        weights = [uniform(rng, "0.05", 1) for _ in range(self.atoms)]
        total = mpmath.fsum(weights)
        weights = [w / total for w in weights]
        raw = [uniform(rng, -3, 3) for _ in range(self.atoms)]
        centre = mpmath.fsum(w * s for w, s in zip(weights, raw))
        spread = mpmath.sqrt(mpmath.fsum(w * (s - centre) ** 2 for w, s in zip(weights, raw)))
        mean, deviation = mpmath.mpf(sp.Float(self.mean, 80)), mpmath.sqrt(mpmath.mpf(sp.Float(self.variance, 80)))
        support = [mean + deviation * (s - centre) / spread for s in raw]
        return support + weights

    def latex(self, name):
        names = ", ".join(rf"{sp.latex(f.label if isinstance(f, sp.IndexedBase) else f)}_{{i}}" for f in self.families)
        return (
            rf"{names} \text{{ independent and identically distributed, with mean }} {sp.latex(self.mean)}"
            rf"\text{{ and variance }} {sp.latex(self.variance)}"
        )
