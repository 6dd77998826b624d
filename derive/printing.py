"""Two printers over the same expressions: LaTeX for proofs, one-line Unicode for terminals.

Named functions print themselves (see :mod:`derive.notation`); these printers only fix
SymPy's defaults for indexed vectors, derivatives, sums and products so that a reader
sees ``z_i``, ``∂σ_i/∂z_j`` and ``Σ_{k=1}^{n}`` rather than ``z[i]`` or ``Sum(...)``.
"""

from __future__ import annotations

import inspect

import sympy as sp
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter


def _is_simple(expr) -> bool:
    return expr.is_Atom or isinstance(expr, (sp.Indexed, sp.Function)) and not isinstance(expr, sp.Derivative)


def _factor_rank(factor) -> int:
    """Reading order of a product: number, symbols and components, functions and sums,
    powers, then bracketed sums (``p_k \\log(q_k/p_k)``, ``\\sigma_i (\\delta_{ij} - \\sigma_j)``)."""
    if factor.is_Number:
        return 0
    if isinstance(factor, (sp.Symbol, sp.Indexed)):
        return 1
    if isinstance(factor, sp.Add):
        return 4
    if isinstance(factor, sp.Pow):
        return 3
    return 2


def _reading_order(printer, expr, print_mul):
    """Print a product with its factors in reading order and sums inside it in SymPy's order."""
    if not isinstance(expr, sp.Mul):  # SymPy prints a reciprocal 1/x through _print_Mul too
        return print_mul(expr)
    factors = sorted(expr.args, key=lambda f: (_factor_rank(f), sp.default_sort_key(f)))
    saved = printer._settings["order"]
    printer._settings["order"] = "none"
    try:
        return print_mul(sp.Mul(*factors, evaluate=False))
    finally:
        printer._settings["order"] = saved


def _sympy_order(printer, expr, print_add, order=None):
    """Print a sum in SymPy's order, except that it starts with a positive term if it has one
    (``x_i - \\mu`` rather than ``-\\mu + x_i``)."""
    saved = printer._settings["order"]
    printer._settings["order"] = None
    try:
        terms = printer._as_ordered_terms(expr, order=None)
    finally:
        printer._settings["order"] = saved
    terms = sorted(terms, key=lambda term: term.could_extract_minus_sign())  # stable: keeps SymPy's order otherwise
    printer._settings["order"] = "none"
    try:
        return print_add(expr.func(*terms, evaluate=False), "none")  # Add or MatAdd
    finally:
        printer._settings["order"] = saved


class DeriveLatexPrinter(LatexPrinter):
    """LaTeX with bare indexed names (``z_{i}``) and ∂-fractions for derivatives."""

    def __init__(self, settings=None):
        super().__init__({"mul_symbol": None, "fold_short_frac": False, "fold_frac_powers": True, **(settings or {})})

    def _print(self, expr, **kwargs):
        # a notation that cannot place an exponent itself is parenthesised and raised
        exp = kwargs.get("exp")
        method = getattr(expr, "_latex", None)
        if exp is not None and method is not None and "exp" not in inspect.signature(method).parameters:
            return rf"\left({super()._print(expr)}\right)^{{{exp}}}"
        return super()._print(expr, **kwargs)

    def _print_Mul(self, expr):
        return _reading_order(self, expr, super()._print_Mul)

    def _print_Add(self, expr, order=None):
        return _sympy_order(self, expr, super()._print_Add, order)

    def _print_Indexed(self, expr):
        base = self._print(expr.base.label)
        indices = ",".join(self._print(i) for i in expr.indices)
        return f"{base}_{{{indices}}}"

    def _print_IndexedBase(self, expr):
        return self._print(expr.label)

    def _print_Derivative(self, expr):
        variables = "".join(rf"\partial {self._print(v)}" if count == 1 else rf"\partial {self._print(v)}^{{{count}}}" for v, count in expr.variable_count)
        order = sum(count for _, count in expr.variable_count)
        top = r"\partial" if order == 1 else rf"\partial^{{{order}}}"
        if _is_simple(expr.expr):
            return rf"\frac{{{top} {self._print(expr.expr)}}}{{{variables}}}"
        return rf"\frac{{{top}}}{{{variables}}}\left({self._print(expr.expr)}\right)"

    def _print_KroneckerDelta(self, expr, exp=None):
        i, j = expr.args
        tex = rf"\delta_{{{self._print(i)}{self._print(j)}}}"
        return tex if exp is None else rf"{tex}^{{{exp}}}"


class DeriveUnicodePrinter(StrPrinter):
    """One line of readable Unicode: ``σ_i·(δ_ij − σ_j)``, ``Σ_{k=1}^{n} exp(z_k)``.

    Named functions print through their ``_unicode`` method (SymPy's own ``_sympystr``
    is left alone, so ``str()`` of an expression stays the plain SymPy form).
    """

    printmethod = "_unicode"

    def __init__(self, settings=None):
        super().__init__(settings)

    def _print_Indexed(self, expr):
        indices = ",".join(self._print(i) for i in expr.indices)
        simple = all(i.is_Atom for i in expr.indices)
        return f"{self._print(expr.base.label)}_{indices}" if simple else f"{self._print(expr.base.label)}_({indices})"

    def _print_IndexedBase(self, expr):
        return self._print(expr.label)

    def _print_Derivative(self, expr):
        variables = "".join(f"∂{self._print(v)}" + ("" if c == 1 else _superscript(c)) for v, c in expr.variable_count)
        order = sum(c for _, c in expr.variable_count)
        top = "∂" if order == 1 else f"∂{_superscript(order)}"
        if _is_simple(expr.expr):
            return f"{top}{self._print(expr.expr)}/{variables}"
        return f"{top}/{variables} ({self._print(expr.expr)})"

    def _print_KroneckerDelta(self, expr):
        i, j = expr.args
        return f"δ_{self._print(i)}{self._print(j)}"

    def _print_Sum(self, expr):
        text = self._print(expr.function)
        for index, low, high in expr.limits:
            body = text if _is_simple(expr.function) else f"({text})"
            text = f"Σ_{{{self._print(index)}={self._print(low)}}}^{{{self._print(high)}}} {body}"
        return text

    def _print_Product(self, expr):
        text = self._print(expr.function)
        for index, low, high in expr.limits:
            body = text if _is_simple(expr.function) else f"({text})"
            text = f"Π_{{{self._print(index)}={self._print(low)}}}^{{{self._print(high)}}} {body}"
        return text

    def _print_Min(self, expr):
        return f"min({', '.join(self._print(a) for a in expr.args)})"

    def _print_Max(self, expr):
        return f"max({', '.join(self._print(a) for a in expr.args)})"

    def _print_Piecewise(self, expr):
        cases = []
        for value, condition in expr.args:
            where = "otherwise" if condition == sp.true else "if " + self._print(condition).replace("<=", "≤").replace(">=", "≥")
            cases.append(f"{self._print(value)} {where}")
        return "{" + "; ".join(cases) + "}"

    def _print_Pow(self, expr, rational=False):
        base, exponent = expr.as_base_exp()
        if exponent == sp.S.Half:
            return f"√({self._print(base)})"
        if exponent == -sp.S.Half:
            return f"1/√({self._print(base)})"
        if exponent.is_Integer and exponent < 0:
            return f"1/{self.parenthesize(base if exponent == -1 else sp.Pow(base, -exponent, evaluate=False), PRECEDENCE['Mul'])}"
        base_text = self._print(base) if _is_simple(base) and not (base.is_Number and base < 0) else f"({self._print(base)})"
        if exponent.is_Integer and exponent >= 0:
            return base_text + _superscript(int(exponent))
        return f"{base_text}^({self._print(exponent)})"

    def _print_Mul(self, expr):
        return _reading_order(self, expr, super()._print_Mul).replace("*", "·")

    def _print_Add(self, expr, order=None):
        text = _sympy_order(self, expr, super()._print_Add, order).replace(" - ", " − ")
        return "−" + text[1:] if text.startswith("-") else text

    def _print_Limit(self, expr):
        function, variable, point, direction = expr.args
        side = {"+": "⁺", "-": "⁻"}.get(str(direction), "")
        return f"lim_{{{self._print(variable)}→{self._print(point)}{side}}} {self._print(function)}"

    def _print_Exp1(self, expr):
        return "e"

    def _print_Infinity(self, expr):
        return "∞"

    def _print_Pi(self, expr):
        return "π"

    def _print_Symbol(self, expr):
        head, underscore, tail = expr.name.partition("_")  # beta_1 → β_1
        return _GREEK.get(expr.name, _GREEK.get(head, head) + underscore + tail)

    def _print_Abs(self, expr):
        return f"|{self._print(expr.args[0])}|"


_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "lambda": "λ",
    "mu": "μ", "nu": "ν", "pi": "π", "sigma": "σ", "tau": "τ", "theta": "θ",
    "eta": "η", "xi": "ξ", "rho": "ρ", "kappa": "κ", "phi": "φ", "omega": "ω", "Delta": "Δ",
}


def _superscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻"))


_LATEX = DeriveLatexPrinter()
_UNICODE = DeriveUnicodePrinter()


def latex(expr) -> str:
    """The LaTeX of a SymPy expression, in the catalog's notation."""
    return _LATEX.doprint(expr)


def unicode(expr) -> str:
    """A one-line Unicode rendering of a SymPy expression."""
    text = _UNICODE.doprint(expr)
    return "−" + text[1:] if text.startswith("-") else text
