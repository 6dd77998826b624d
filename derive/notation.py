"""Shared symbols and the named functions results are written in.

A named function (softmax, entropy, KL, …) is a SymPy ``Function`` that prints as a
reader expects (``σ_i``, ``H(p)``, ``D_KL(p‖q)``: ``_latex`` for LaTeX, ``_unicode``
for the terminal) and knows its definition, which
:func:`unfold` substitutes before anything is computed. Each class prints itself, so
the LaTeX and Unicode printers need no list of them and a result may define its own.
"""

from __future__ import annotations

from functools import lru_cache

import sympy as sp

__all__ = [
    "CrossEntropy",
    "Entropy",
    "EvaluatedAt",
    "Expectation",
    "KL",
    "Logistic",
    "Notation",
    "PrintedName",
    "Softmax",
    "Sum",
    "Variance",
    "bracketed_latex_power",
    "d",
    "delta",
    "fresh_index",
    "g",
    "i",
    "j",
    "k",
    "l",
    "latex_power",
    "n",
    "over",
    "p",
    "q",
    "softmax",
    "unfold",
    "x",
    "y",
    "z",
]

# Dimensions and indices. Indices run from 1 to their dimension; the summation
# index k is kept for definitions, so statements should use i and j.
n = sp.Symbol("n", integer=True, positive=True)
d = sp.Symbol("d", integer=True, positive=True)
i, j, k, l = sp.symbols("i j k l", integer=True, positive=True)

# Vectors.
z = sp.IndexedBase("z", real=True)  # logits
y = sp.IndexedBase("y", real=True)  # targets
x = sp.IndexedBase("x", real=True)  # features
g = sp.IndexedBase("g", real=True)  # upstream gradient
p = sp.IndexedBase("p", positive=True)  # probability vectors
q = sp.IndexedBase("q", positive=True)

delta = sp.KroneckerDelta


class PrintedName(sp.Symbol):
    """A symbol printed as written rather than by its plain name (``pi_ref`` prints as π^ref)."""

    def __new__(cls, name, tex, text, **assumptions):
        symbol = super().__new__(cls, name, **assumptions)
        symbol._tex, symbol._text = tex, text
        return symbol

    def __getnewargs_ex__(self):
        return ((self.name, self._tex, self._text), self.assumptions0)

    def _latex(self, printer):
        return self._tex

    def _unicode(self, printer):
        return self._text


def Sum(expr, index, upper):
    """Σ_{index=1}^{upper} expr (every sum in the catalog starts at 1)."""
    return sp.Sum(expr, (index, 1, upper))


def fresh_index(*exprs) -> sp.Symbol:
    """A summation index that occurs free in none of ``exprs``."""
    taken = set().union(*(sp.sympify(e).free_symbols for e in exprs)) if exprs else set()
    for name in ("k", "l", "m", "t", "u"):
        candidate = sp.Symbol(name, integer=True, positive=True)
        if candidate not in taken:
            return candidate
    raise ValueError("no free summation index left")  # pragma: no cover - five nested sums


class Notation(sp.Function):
    """A function that is shorthand for a formula: subclasses define ``definition``."""

    def definition(self) -> sp.Expr:  # pragma: no cover - abstract
        raise NotImplementedError

    def _eval_is_real(self):
        return True


def unfold(expr, remember: bool = False, keep=None):
    """Replace every named function in ``expr`` by its definition, recursively; those ``keep`` accepts stay (the
    named functions inside them are unfolded).

    With ``remember``, each named function's definition is built once per process and reused, with
    the same bound indices each time: a Σ binds its index, so which dummy it binds changes no value
    and no proof, and a definition met again (in a claim's next step, its plans, its proofs) is the
    same expression, whose pieces SymPy has already built.
    """
    define = _remembered_definition if remember else _definition
    expr = sp.sympify(expr)
    for _ in range(20):
        atoms = expr.atoms(Notation)
        if keep is not None:
            atoms = {a for a in atoms if not keep(a)}
        if not atoms:
            return expr
        expr = expr.xreplace({a: define(a) for a in atoms})
    raise ValueError("named functions nest more than 20 deep")  # pragma: no cover


def _definition(atom):
    return atom.definition()


@lru_cache(maxsize=16384)
def _remembered_definition(atom):
    return atom.definition()


def _latex_index(printer, index):
    return printer._print(index)


def _vector_name(printer, vec):
    return printer._print(vec.label) if isinstance(vec, sp.IndexedBase) else printer._print(vec)


class Softmax(Notation):
    """σ_i(z) = exp(z_i) / Σ_k exp(z_k): component ``i`` of the softmax of ``z`` ∈ ℝⁿ."""

    nargs = 3

    @property
    def vector(self):
        return self.args[0]

    def definition(self):
        vec, index, size = self.args
        dummy = fresh_index(index, size)
        return sp.exp(vec[index]) / sp.Sum(sp.exp(vec[dummy]), (dummy, 1, size))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer, exp=None):
        vec, index, _ = self.args
        suffix = "" if vec == z else rf"({_vector_name(printer, vec)})"
        text = rf"\sigma_{{{_latex_index(printer, index)}}}{suffix}"
        if exp is None:  # SymPy passes the exponent of a power of a function here
            return text
        return rf"{text}^{{{exp}}}" if not suffix else rf"\left({text}\right)^{{{exp}}}"

    def _unicode(self, printer):
        vec, index, _ = self.args
        suffix = "" if vec == z else f"({_vector_name(printer, vec)})"
        return f"σ_{printer._print(index)}{suffix}"


def softmax(index, vector=z, size=n):
    """σ_index(vector), the softmax component; shorthand for :class:`Softmax`."""
    return Softmax(vector, index, size)


class Logistic(Notation):
    """sigmoid(t) = 1 / (1 + exp(−t)), the logistic function."""

    nargs = 1

    def definition(self):
        return 1 / (1 + sp.exp(-self.args[0]))

    def _eval_is_positive(self):
        return True

    def _latex(self, printer):
        return rf"\operatorname{{sigmoid}}\left({printer._print(self.args[0])}\right)"

    def _unicode(self, printer):
        return f"sigmoid({printer._print(self.args[0])})"


class Entropy(Notation):
    """H(p) = −Σ_k p_k log p_k, the Shannon entropy of p ∈ Δⁿ (nats)."""

    nargs = 2

    def definition(self):
        vec, size = self.args
        dummy = fresh_index(size)
        return -sp.Sum(vec[dummy] * sp.log(vec[dummy]), (dummy, 1, size))

    def _latex(self, printer):
        return rf"H({_vector_name(printer, self.args[0])})"

    def _unicode(self, printer):
        return f"H({_vector_name(printer, self.args[0])})"


class CrossEntropy(Notation):
    """H(p, q) = −Σ_k p_k log q_k, the cross-entropy of q relative to p (nats)."""

    nargs = 3

    def definition(self):
        left, right, size = self.args
        dummy = fresh_index(size)
        return -sp.Sum(left[dummy] * sp.log(right[dummy]), (dummy, 1, size))

    def _latex(self, printer):
        left, right, _ = self.args
        return rf"H({_vector_name(printer, left)}, {_vector_name(printer, right)})"

    def _unicode(self, printer):
        left, right, _ = self.args
        return f"H({_vector_name(printer, left)}, {_vector_name(printer, right)})"


class KL(Notation):
    """D_KL(p‖q) = Σ_k p_k log(p_k / q_k), the Kullback–Leibler divergence (nats)."""

    nargs = 3

    def definition(self):
        left, right, size = self.args
        dummy = fresh_index(size)
        return sp.Sum(left[dummy] * sp.log(left[dummy] / right[dummy]), (dummy, 1, size))

    def _latex(self, printer):
        left, right, _ = self.args
        return rf"D_{{\mathrm{{KL}}}}({_vector_name(printer, left)} \,\|\, {_vector_name(printer, right)})"

    def _unicode(self, printer):
        left, right, _ = self.args
        return f"D_KL({_vector_name(printer, left)} ‖ {_vector_name(printer, right)})"


# --- Writing helpers shared by the catalog ---------------------------------------------


def latex_power(tex: str, exp) -> str:
    """``tex`` raised to ``exp``, the exponent SymPy's LaTeX printer passes a ``_latex`` method for a power of it."""
    return tex if exp is None else rf"{tex}^{{{exp}}}"


def bracketed_latex_power(tex: str, exp) -> str:
    """``tex`` raised to ``exp`` with the base in brackets, ``\\left(tex\\right)^{exp}`` (``tex`` alone without one)."""
    return tex if exp is None else rf"\left({tex}\right)^{{{exp}}}"


def over(numerator, denominator):
    """numerator/denominator kept as written (SymPy would cancel a common factor or move e^{x} up as e^{−x})."""
    return sp.Mul(numerator, sp.Pow(denominator, -1, evaluate=False), evaluate=False)


class EvaluatedAt(sp.Subs):
    """f|_{x=a}, SymPy's substitution, printed on one line for the terminal."""

    def _unicode(self, printer):
        where = ", ".join(f"{printer._print(v)}={printer._print(a)}" for v, a in zip(self.variables, self.point))
        return f"[{printer._print(self.expr)}]_{{{where}}}"


class Expectation(Notation):
    """E[expr] under a law, any object with ``expectation_of(expr)`` (the law is not printed)."""

    nargs = 2
    is_commutative = True

    def definition(self):
        expr, law = self.args
        return law.expectation_of(expr)

    @property
    def numeric_needs_concrete(self) -> bool:
        """Whether numbers meet this E only at concrete sizes: its law says (a model of sampled moments does)."""
        return getattr(self.args[1], "numeric_needs_concrete", False)

    def _latex(self, printer, exp=None):
        return latex_power(rf"\mathbb{{E}}\left[{printer._print(self.args[0])}\right]", exp)

    def _unicode(self, printer, **kwargs):
        return f"E[{printer._print(self.args[0])}]"


class Variance(Notation):
    """Var(expr) under a law, which defines it: ``law.variance_of(expr)`` (the law is not printed)."""

    nargs = 2
    is_commutative = True

    def definition(self):
        expr, law = self.args
        return law.variance_of(expr)

    @property
    def numeric_needs_concrete(self) -> bool:
        """As for :class:`Expectation`, the law says."""
        return getattr(self.args[1], "numeric_needs_concrete", False)

    def _eval_is_nonnegative(self):
        return True

    def _latex(self, printer, exp=None):
        return latex_power(rf"\operatorname{{Var}}\left({printer._print(self.args[0])}\right)", exp)

    def _unicode(self, printer, **kwargs):
        return f"Var({printer._print(self.args[0])})"
