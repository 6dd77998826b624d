"""Polynomials in independent random variables with number coefficients, and their expectation under sampled laws.

An evaluation plan runs the body of 𝔼[·] with each random variable bound to an indeterminate: the body's own
arithmetic then builds its polynomial term by term in numbers (where instantiating writes it out as a SymPy tree
at each point), and 𝔼 of the polynomial is Σ_terms c · Π_v μ_{a_v}, each variable's moment of its power under
its law, the sampled moment Σ_t w_t s_t^a. Any operation that is not a polynomial's (a quotient by a random
variable, e^X, |X|) is a TypeError: the plan then leaves the expectation to instantiation.
"""

import sys

import mpmath


class RandomPolynomial:
    """Σ c · Π_v v^{a_v} over independent random variables v: ``terms`` maps each monomial (a sorted tuple of
    (variable, power) pairs, () for the constant) to its coefficient."""

    __slots__ = ("terms",)

    def __init__(self, terms: dict):
        self.terms = terms

    @classmethod
    def variable(cls, name):
        """The random variable ``name`` (a sortable key: (family's name, index)) as a polynomial."""
        return cls({((name, 1),): mpmath.mpf(1)})

    @staticmethod
    def _of(other):
        if isinstance(other, RandomPolynomial):
            return other
        if isinstance(other, (mpmath.mpf, int)):
            return RandomPolynomial({(): mpmath.mpf(other)})
        return None

    def __add__(self, other):
        other = self._of(other)
        if other is None:
            return NotImplemented
        terms = dict(self.terms)
        for monomial, coefficient in other.terms.items():
            terms[monomial] = terms[monomial] + coefficient if monomial in terms else coefficient
        return RandomPolynomial(terms)

    __radd__ = __add__

    def __neg__(self):
        return RandomPolynomial({monomial: -coefficient for monomial, coefficient in self.terms.items()})

    def __pos__(self):
        return self

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return (-self) + other

    def __mul__(self, other):
        other = self._of(other)
        if other is None:
            return NotImplemented
        terms: dict = {}
        for left, a in self.terms.items():
            for right, b in other.terms.items():
                monomial = _times(left, right)
                terms[monomial] = terms[monomial] + a * b if monomial in terms else a * b
        return RandomPolynomial(terms)

    __rmul__ = __mul__

    def __truediv__(self, other):
        if not isinstance(other, (mpmath.mpf, int)):
            raise TypeError("a quotient by a random variable is not a polynomial")
        return self * (1 / mpmath.mpf(other))

    def __pow__(self, exponent):
        if not isinstance(exponent, int) or exponent < 0:
            raise TypeError("a power of a random variable that is not a whole number is not a polynomial")
        result = RandomPolynomial({(): mpmath.mpf(1)})
        for _ in range(exponent):
            result = result * self
        return result


def _times(left: tuple, right: tuple) -> tuple:
    """The product of two monomials: the powers of a variable in both add."""
    powers = dict(left)
    for variable, power in right:
        powers[variable] = powers.get(variable, 0) + power
    return tuple(sorted(powers.items()))


class Indeterminates(list):
    """The components of a random vector (an IndexedBase family) as indeterminates, each made when it is read: a
    plan reads a vector as a list, and this one has every length."""

    def __init__(self, name: str):
        super().__init__()
        self.name = name

    def __len__(self):
        return sys.maxsize

    def __getitem__(self, position):
        return RandomPolynomial.variable((self.name, position + 1))


def expectation(value, moment) -> mpmath.mpf:
    """𝔼 of a polynomial (or a number) whose variables are independent: ``moment(variable, a)`` is E[v^a] of the
    variable v named ``variable``."""
    if not isinstance(value, RandomPolynomial):
        if not isinstance(value, mpmath.mpf):
            raise TypeError("an expectation of a value that is not a real number")
        return value
    parts = []
    for monomial, coefficient in value.terms.items():
        if not isinstance(coefficient, mpmath.mpf):
            raise TypeError("a coefficient that is not a real number")
        parts.append(coefficient * mpmath.fprod(moment(variable, power) for variable, power in monomial))
    return mpmath.fsum(parts)
