r"""Two printers over the same expressions: LaTeX for proofs, one-line Unicode for terminals.

Named functions print themselves (see :mod:`derive.notation`); these printers only fix
SymPy's defaults for indexed vectors, derivatives, sums and products so that a reader
sees ``z_i``, ``∂σ_i/∂z_j`` and ``Σ_{k=1}^{n}`` rather than ``z[i]`` or ``Sum(...)``.

Both printers follow the same rules, the ones authors follow by hand:

* a fraction inside an exponent is written inline: ``e^{(z_i - z_j)/T}``, not a stacked
  fraction in a superscript;
* sums over the same range share one sign: ``\sum_{i,j=1}^{d}``;
* a sum (Σ) or a bracket holding fractions is never put in a numerator: its fraction
  becomes a coefficient, ``\frac{1}{d} \sum_{k=1}^{d} x_k``;
* in a sum of terms a bare symbol comes after a named quantity (``\sigma^2 + \epsilon``),
  a positive term first;
* a power of a product is parenthesised (``E[(q·k)²]``), matrices print as matrices.
"""

from __future__ import annotations

import inspect
import re

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
    """Print a product with its factors in reading order and sums inside it in SymPy's order
    (a display form keeps the order its author wrote)."""
    if not isinstance(expr, sp.Mul):  # SymPy prints a reciprocal 1/x through _print_Mul too
        return print_mul(expr)
    factors = (
        list(expr.args)
        if _written_order(printer, expr)
        else sorted(expr.args, key=lambda f: (_factor_rank(f), sp.default_sort_key(f)))
    )
    saved = printer._settings["order"]
    printer._settings["order"] = "none"
    try:
        return print_mul(sp.Mul(*factors, evaluate=False))
    finally:
        printer._settings["order"] = saved


def _written_order(printer, expr) -> bool:
    """Whether to keep ``expr``'s own order: in a display form, where its author built it unevaluated."""
    if not printer._settings["as_written"]:
        return False
    with sp.evaluate(True):
        return expr.args != expr.func(*expr.args).args


def _conventional(terms) -> list:
    """Terms with a positive one first and a bare symbol after a named quantity (σ² + ε); otherwise as given."""
    named = any(isinstance(term, sp.Function) for term in terms)
    return sorted(terms, key=lambda term: (term.could_extract_minus_sign(), named and term.is_Symbol))  # stable


def _sympy_order(printer, expr, print_add, order=None):
    """Print a sum in SymPy's order, made conventional (:func:`_conventional`); a display form in the
    order its author wrote, made conventional where SymPy's own order was kept."""
    if printer._settings["as_written"]:
        terms = list(expr.args) if _written_order(printer, expr) else _conventional(list(expr.args))
    else:
        saved = printer._settings["order"]
        printer._settings["order"] = None
        try:
            terms = _conventional(printer._as_ordered_terms(expr, order=None))
        finally:
            printer._settings["order"] = saved
    saved = printer._settings["order"]
    printer._settings["order"] = "none"
    try:
        return print_add(expr.func(*terms, evaluate=False), "none")  # Add or MatAdd
    finally:
        printer._settings["order"] = saved


def _sum_limits(expr):
    """(body, [(index, low, high), …] outermost first) of a sum, nested sums flattened."""
    limits = []
    while isinstance(expr, sp.Sum):
        limits.extend(reversed(expr.limits))  # SymPy lists the innermost limit first
        expr = expr.function
    return expr, limits


def _grouped_limits(limits):
    """Runs of limits with the same range: [([i, j], 1, d), ([k], 1, n)]."""
    groups = []
    for index, low, high in limits:
        if groups and groups[-1][1] == low and groups[-1][2] == high:
            groups[-1][0].append(index)
        else:
            groups.append(([index], low, high))
    return groups


def _has_fraction(expr) -> bool:
    """Whether ``expr`` prints with a fraction bar somewhere in it."""
    return any(
        isinstance(a, sp.Pow) and a.exp.is_negative or isinstance(a, sp.Rational) and not a.is_Integer
        for a in sp.preorder_traversal(expr)
    )


def _pulled_out(numerator) -> tuple[list, list]:
    """Factors of a numerator that read better outside the fraction: sums (Σ), and brackets of fractions."""
    keep, pulled = [], []
    for factor in sp.Mul.make_args(numerator):
        if isinstance(factor, sp.Sum) or isinstance(factor, sp.Add) and _has_fraction(factor):
            pulled.append(factor)
        else:
            keep.append(factor)
    return keep, sorted(pulled, key=lambda f: (isinstance(f, sp.Sum), sp.default_sort_key(f)))


class DeriveLatexPrinter(LatexPrinter):
    """LaTeX with bare indexed names (``z_{i}``) and ∂-fractions for derivatives."""

    _default_settings = {**LatexPrinter._default_settings, "inline": False, "as_written": False}

    def __init__(self, settings=None):
        super().__init__({"mul_symbol": None, "fold_short_frac": False, "fold_frac_powers": True, **(settings or {})})

    def _exponent(self, expr) -> str:
        """An exponent as authors write it: fractions inline, ``(z_i - z_j)/T``."""
        text = _INLINE_LATEX._print(expr)
        return text.replace(r"\left(", "(").replace(r"\right)", ")")

    def _print_ExpBase(self, expr, exp=None):
        return self._do_exponent(f"e^{{{self._exponent(expr.args[0])}}}", exp)

    def _print_Pow(self, expr):
        exponent = expr.exp
        if not exponent.is_Rational and not exponent.could_extract_minus_sign() and _has_fraction(exponent):
            if isinstance(expr.base, sp.Function):
                return self._print(expr.base, exp=self._exponent(exponent))
            return f"{self.parenthesize(expr.base, PRECEDENCE['Pow'])}^{{{self._exponent(exponent)}}}"
        return super()._print_Pow(expr)

    def _print_log(self, expr, exp=None):
        r"""``\log p_k``, ``\log 3``; a compound argument keeps its brackets."""
        argument = expr.args[0]
        name = r"\log" if exp is None else rf"\log^{{{exp}}}"
        if isinstance(argument, (sp.Symbol, sp.Indexed)) or argument.is_Integer and argument > 0:
            return f"{name} {self._print(argument)}"
        if isinstance(argument, sp.Rational) and argument > 0 and not self._settings["inline"]:
            return f"{name} {self._print(argument)}"
        return rf"{name}\left({self._print(argument)}\right)"

    def _named_function(self, name: str, expr, exp=None) -> str:
        """``\\cos \\alpha``, ``\\cos^{2} \\alpha``; a compound argument keeps its brackets."""
        argument = expr.args[0]
        head = name if exp is None else rf"{name}^{{{exp}}}"
        if isinstance(argument, (sp.Symbol, sp.Indexed)) or argument.is_Integer and argument > 0:
            return f"{head} {self._print(argument)}"
        return rf"{head}\left({self._print(argument)}\right)"

    def _print_sin(self, expr, exp=None):
        return self._named_function(r"\sin", expr, exp)

    def _print_cos(self, expr, exp=None):
        return self._named_function(r"\cos", expr, exp)

    def _print_tan(self, expr, exp=None):
        return self._named_function(r"\tan", expr, exp)

    def _print_tanh(self, expr, exp=None):
        return self._named_function(r"\tanh", expr, exp)

    def _print_Transpose(self, expr):
        """``W^{\\top}``, ``R(\\alpha)^{\\top}``; a column of entries transposed is written as a row."""
        inner = expr.arg
        if isinstance(inner, sp.MatrixBase) and inner.cols == 1:
            return self._print(sp.ImmutableMatrix(inner.T))
        text = self._print(inner)
        simple = (
            isinstance(inner, (sp.MatrixSymbol, sp.MatrixBase))
            or re.fullmatch(r"[A-Za-z](_\{[^{}]*\})?\\left\(.*\\right\)", text)
            and not _top_level_operator(text.replace(r"\left(", "(").replace(r"\right)", ")"))
        )
        return rf"{text}^{{\top}}" if simple else rf"\left({text}\right)^{{\top}}"

    def _print_Sum(self, expr):
        body, limits = _sum_limits(expr)
        signs = "".join(
            rf"\sum_{{{','.join(self._print(i) for i in indices)}={self._print(low)}}}^{{{self._print(high)}}} "
            for indices, low, high in _grouped_limits(limits)
        )
        inner = self._print(body)
        return signs + (rf"\left({inner}\right)" if isinstance(body, sp.Add) else inner)

    def _print(self, expr, **kwargs):
        # a notation that cannot place an exponent itself is parenthesised and raised
        exp = kwargs.get("exp")
        method = getattr(expr, "_latex", None)
        if exp is not None and method is not None and "exp" not in inspect.signature(method).parameters:
            return rf"\left({super()._print(expr)}\right)^{{{exp}}}"
        return super()._print(expr, **kwargs)

    def _print_Mul(self, expr):
        if isinstance(expr, sp.Mul):
            sign, positive = ("- ", -expr) if expr.could_extract_minus_sign() else ("", expr)
            numerator, denominator = sp.fraction(positive, exact=True)
            if denominator != 1 and self._settings["inline"]:
                top = self._print(numerator)
                if isinstance(numerator, sp.Add) or numerator.is_Mul and _has_fraction(numerator):
                    top = rf"\left({top}\right)"
                bottom = self._print(denominator)
                if isinstance(denominator, (sp.Add, sp.Mul)):
                    bottom = rf"\left({bottom}\right)"
                return f"{sign}{top}/{bottom}"
            if denominator != 1:
                keep, pulled = _pulled_out(numerator)
                if pulled:
                    coefficient = self._print(sp.Mul(*keep) / denominator)
                    factors = [
                        rf"\left({self._print(f)}\right)"
                        if isinstance(f, sp.Add) or position < len(pulled) - 1
                        else self._print(f)
                        for position, f in enumerate(pulled)
                    ]
                    return sign + " ".join([coefficient, *factors])
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
        variables = "".join(
            rf"\partial {self._print(v)}" if count == 1 else rf"\partial {self._print(v)}^{{{count}}}"
            for v, count in expr.variable_count
        )
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
    _default_settings = {**StrPrinter._default_settings, "as_written": False}

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
        body, limits = _sum_limits(expr)
        signs = "".join(
            f"Σ_{{{','.join(self._print(i) for i in indices)}={self._print(low)}}}^{{{self._print(high)}}} "
            for indices, low, high in _grouped_limits(limits)
        )
        text = self._print(body)
        return signs + (text if _is_simple(body) else f"({text})")

    def _print_ExpBase(self, expr):
        exponent = expr.args[0]
        return (
            f"e^{self._print(exponent)}" if exponent.is_Symbol else f"e^({self._print(exponent)})"
        )  # e^(z_i), not e^z_i

    def _print_log(self, expr):
        return f"log({self._print(expr.args[0])})"

    # matrices print as matrices: [a, b; c, d], a column (a, b)ᵀ, products with ·
    def _print_MatrixBase(self, expr):
        if expr.cols == 1 and expr.rows > 1:
            return "(" + ", ".join(self._print(e) for e in expr) + ")ᵀ"  # a column, on one line

        def entry(value):
            text = self._print(value)
            return "−" + text[1:] if text.startswith("-") else text

        rows = [", ".join(entry(expr[row, col]) for col in range(expr.cols)) for row in range(expr.rows)]
        return "[" + "; ".join(rows) + "]"

    _print_ImmutableDenseMatrix = _print_MutableDenseMatrix = _print_Matrix = _print_MatrixBase

    def _print_Transpose(self, expr):
        inner = expr.arg
        if isinstance(inner, sp.MatrixBase) and inner.cols == 1:  # a column transposed is a row
            return "(" + ", ".join(self._print(e) for e in inner) + ")"
        text = self._print(inner)
        return f"({text})ᵀ" if _top_level_operator(text) else f"{text}ᵀ"

    def _print_Inverse(self, expr):
        text = self._print(expr.arg)
        return f"{text}⁻¹" if isinstance(expr.arg, sp.MatrixSymbol) else f"({text})⁻¹"

    def _print_MatMul(self, expr):
        parts = []
        for factor in expr.args:
            text = self._print(factor)
            parts.append(f"({text})" if isinstance(factor, (sp.MatAdd, sp.Add)) else text)
        return "·".join(parts)

    def _print_MatAdd(self, expr):
        text = " + ".join(self._print(term) for term in expr.args)
        return text.replace("+ -", "− ").replace("+ −", "− ")

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
            where = (
                "otherwise"
                if condition == sp.true
                else "if " + self._print(condition).replace("<=", "≤").replace(">=", "≥")
            )
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
        base_text = self._print(base)
        if not _is_simple(base) or base.is_Number and base < 0 or _top_level_operator(base_text):
            base_text = f"({base_text})"  # a power of a product or a sum: E[(q·k)²], not E[q·k²]
        if exponent.is_Integer and exponent >= 0:
            return base_text + _superscript(int(exponent))
        exponent_text = self._print(exponent)
        return f"{base_text}^{exponent_text}" if exponent.is_Symbol else f"{base_text}^({exponent_text})"

    def _print_Mul(self, expr):
        if isinstance(
            expr, sp.Mul
        ):  # the LaTeX printer's rule: a Σ or a bracket of fractions is not put over a denominator
            sign, positive = ("-", -expr) if expr.could_extract_minus_sign() else ("", expr)  # _print_Add makes it −
            numerator, denominator = sp.fraction(positive, exact=True)
            keep, pulled = _pulled_out(numerator) if denominator != 1 else ([], [])
            if pulled:
                coefficient = self._print(sp.Mul(*keep) / denominator)
                if _top_level_operator(coefficient):
                    coefficient = f"({coefficient})"
                factors = [f"({self._print(f)})" if isinstance(f, sp.Add) else self._print(f) for f in pulled]
                return sign + "·".join([coefficient, *factors])
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
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "epsilon": "ε",
    "lambda": "λ",
    "mu": "μ",
    "nu": "ν",
    "pi": "π",
    "sigma": "σ",
    "tau": "τ",
    "theta": "θ",
    "eta": "η",
    "xi": "ξ",
    "rho": "ρ",
    "kappa": "κ",
    "phi": "φ",
    "omega": "ω",
    "Delta": "Δ",
}


def _superscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻"))


def _top_level_operator(text: str) -> bool:
    """Whether ``text`` has an operator outside every bracket (``q·k``, ``a + b``), so a power needs brackets."""
    depth, open_bars = 0, set()
    for position, ch in enumerate(text):
        if ch in "([{⟨":
            depth += 1
        elif ch in ")]}⟩":
            depth -= 1
        elif ch in "‖|":
            depth += -1 if ch in open_bars else 1
            open_bars ^= {ch}
        elif depth == 0 and position and ch in "·+−*/ ":
            return True
    return False


_LATEX = DeriveLatexPrinter()
_LATEX_AS_WRITTEN = DeriveLatexPrinter({"as_written": True, "order": "none"})
_INLINE_LATEX = DeriveLatexPrinter({"inline": True})
_UNICODE = DeriveUnicodePrinter()
_UNICODE_AS_WRITTEN = DeriveUnicodePrinter({"as_written": True, "order": "none"})


def latex(expr, as_written: bool = False) -> str:
    """The LaTeX of a SymPy expression, in the catalog's notation.

    ``as_written`` keeps the order of terms and factors of an unevaluated expression
    (a display form), instead of the printer's reading order.
    """
    return (_LATEX_AS_WRITTEN if as_written else _LATEX).doprint(expr)


def unicode(expr, as_written: bool = False) -> str:
    """A one-line Unicode rendering of a SymPy expression (``as_written`` as for :func:`latex`)."""
    text = (_UNICODE_AS_WRITTEN if as_written else _UNICODE).doprint(expr)
    if "\\" in text:  # a notation that printed LaTeX for the terminal too
        from derive.prose import math_to_unicode

        text = math_to_unicode(text)
    return re.sub(r"(?:^|(?<=[(\[,^ ]))-(?=\S)", "−", text)  # a minus sign, not a hyphen: −t, e^(−t), [1, −t]
