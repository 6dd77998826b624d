"""A law given by its density in the tag: ``X has density f(x) = \\lambda e^{-\\lambda x} for x \\ge 0``.

The clause makes X a random variable whose density is the tag's body on the stated support (the whole line when
none is stated; ``for x > 0``, ``, x \\ge 0``, ``for 0 \\le x \\le 1``, ``on [0, \\infty)``), and f a function of
the document (0 off the support). E, Var, Cov, H(X), p_X and P(X \\le k) are then read as for a named law
(derive.docs.laws), each expectation an integral of the body by tanh-sinh quadrature: the support is cut in
pieces around the density's highest point, doubling in width until the density has fallen below the last digit,
and where it has not (a tail too heavy) the point has no value. The body must be a density: where it does not
integrate to 1 (or is negative) at a point, that point has no value, so a tag with a wrong density leaves the
formula UNKNOWN, never decided under it.
"""

from __future__ import annotations

import re

import mpmath
import sympy as sp

from derive.numeric import NumericError

DENSITY_WORDS = (
    r"(?:the\s+|a\s+)?(?:probability\s+)?(?:density(?:\s+function)?|pdf|p\.d\.f\.|probability\s+density\s+function)"
)
# X has density f(x) = BODY; X with density f(x) = BODY; the density of X is f(x) = BODY
HAS_DENSITY = re.compile(
    rf"^\s*(?:(?P<name>\S+?)\s+(?:has|with)\s+{DENSITY_WORDS}|(?:the\s+)?{DENSITY_WORDS}\s+of\s+(?P<name2>\S+?)\s+is)"
    r"\s+(?P<head>[^=]+?)\s*(?::=|\\coloneqq|=)\s*(?P<body>.+)$",
    re.IGNORECASE,
)
LOWER = r"(?:>|\\geq?|\\geqslant|\\gt)"
UPPER = r"(?:<|\\leq?|\\leqslant|\\lt)"
BOUND = r"[^<>=,;]+?"
END = r"\s*(?:,|\\text\s*\{\s*for\s*\}|\\quad|\\qquad|\\,|\s)\s*(?:for\s+|when\s+|if\s+)?"


def is_density_clause(clause: str) -> bool:
    """Whether a clause gives a random variable by its density."""
    return HAS_DENSITY.match(" ".join(clause.split())) is not None


def attach_support(clauses: list[str]) -> list[str]:
    """``X has density f(x) = ...``, then ``x \\ge 0`` (split at the comma between them): one clause again."""
    joined = []
    for clause in clauses:
        previous = HAS_DENSITY.match(joined[-1]) if joined else None
        if (
            previous is not None
            and _variable(previous.group("head"))
            and _support_of(clause, _variable(previous.group("head")))
        ):
            joined[-1] = f"{joined[-1]} for {clause}"
            continue
        joined.append(clause)
    return joined


# f(x \mid \mu, b), f(x; \mu, \beta), p(x | \theta): the density's variable, then the law's parameters
GIVEN_PARAMETERS = re.compile(r"\s*(?:\\mid|\\vert|\||;)\s*(?:[^(),|;]+?)(?:\s*,\s*[^(),|;]+?)*\s*(?=\))")


def _variable(head: str) -> str:
    """The one parameter of ``f(x)`` (``x``), also when the law's parameters follow it (``f(x \\mid a, b)``), or ''."""
    found = re.fullmatch(r"\s*[^()]+?\(\s*([^(),|]+?)\s*\)\s*", _without_parameters(head))
    return found.group(1) if found else ""


def _without_parameters(head: str) -> str:
    """``f(x \\mid a, b)`` as ``f(x)``: the parameters after the bar or semicolon are the tag's names, fixed at each
    point, the density a function of its variable alone."""
    return GIVEN_PARAMETERS.sub("", head, count=1)


def _support_of(text: str, variable: str):
    """(low, high) LaTeX (None for an open end) that ``text`` states for the variable, or None."""
    x = re.escape(variable)
    text = " ".join(text.split()).rstrip(".").strip()
    both = re.fullmatch(rf"(?P<low>{BOUND})\s*{UPPER}\s*{x}\s*{UPPER}\s*(?P<high>{BOUND})", text)
    if both:
        return both.group("low").strip(), both.group("high").strip()
    for pattern, side in ((rf"{x}\s*{LOWER}\s*(?P<b>{BOUND})", 0), (rf"{x}\s*{UPPER}\s*(?P<b>{BOUND})", 1)):
        found = re.fullmatch(pattern, text)
        if found:
            bound = found.group("b").strip()
            return (bound, None) if side == 0 else (None, bound)
    interval = re.fullmatch(
        rf"(?:(?:on|over)\s+|{x}\s*\\in\s*)(?:\\left\s*)?[(\[]\s*(?P<low>[^,]+?)\s*,\s*(?P<high>[^,]+?)\s*(?:\\right\s*)?[)\]]",
        text,
    )
    if interval:
        return tuple(None if re.fullmatch(r"[-+]?\s*\\infty", e.strip()) else e.strip() for e in interval.groups())
    if re.fullmatch(
        rf"(?:(?:on|over)\s+|{x}\s*\\in\s*)(?:\\mathbb\s*\{{\s*R\s*\}}|\\R|\\mathbf\s*\{{\s*R\s*\}})", text
    ):
        return None, None
    return None


def density_clauses(clause: str) -> list:
    """[the function f(x) = BODY on the support, the law of X]; a TagError when the clause cannot be read."""
    from derive.docs.laws import DENSITY, LawClause, LawError
    from derive.docs.tags import FUNCTION_HEAD, FunctionClause, _key

    text = " ".join(clause.split())
    found = HAS_DENSITY.match(text)
    name = found.group("name") or found.group("name2")
    head, body = _without_parameters(found.group("head").strip()), found.group("body").strip()
    variable = _variable(head)
    function = FUNCTION_HEAD.match(head)
    if not variable or function is None or function.end(1) != head.index("("):
        raise LawError(f"cannot read the clause '{text}': write 'X has density f(x) = BODY' (one argument)")
    low = high = None
    tail = re.search(
        rf"{END}((?:on|over)\s+.+|{re.escape(variable)}\s*(?:\\in|{LOWER}|{UPPER}).+|[^,]+?{UPPER}\s*{re.escape(variable)}\s*{UPPER}.+)$",
        body,
    )
    if tail is not None:
        support = _support_of(tail.group(1), variable)
        if support is None:
            raise LawError(f"cannot read the support '{tail.group(1)}' of {name} in '{text}'")
        low, high = support
        body = body[: tail.start()].strip().rstrip(",").strip()
    words = re.search(r"(?:\\text\s*\{\s*|\s)(?:for|on|over|when|if|where)\s.*$", body)
    if words is not None:
        raise LawError(f"cannot read the support '{words.group(0).strip()}' of {name} in '{text}'")
    if not body:
        raise LawError(f"the clause '{text}' needs the density's formula")
    law = LawClause(_key(name), DENSITY, (body, low or "", high or ""), variable=_key(variable), text=text)
    return [
        FunctionClause(_key(function.group(1)), (_key(variable),), _on_support(body, variable, low, high), head),
        law,
    ]


def _on_support(body: str, variable: str, low, high) -> str:
    """The body as a function of the document: the density on its support, 0 off it."""
    if low is None and high is None:
        return body
    if low and high:
        conditions = f"{low} \\le {variable} \\le {high}"
    else:
        conditions = f"{variable} \\ge {low}" if low else f"{variable} \\le {high}"
    return f"\\begin{{cases}} {body} & \\text{{if }} {conditions} \\\\ 0 & \\text{{otherwise}} \\end{{cases}}"


def body_names(clause) -> list:
    """[(name as written, key)]: the names the density's body and bounds use, besides its variable and constants."""
    from derive.docs.free import child_sides
    from derive.docs.interpret import Rewriter, clean, lex
    from derive.docs.laws import LawError
    from derive.docs.side_names import _atom_keys
    from derive.docs.tokens import NotationError

    keys = set()
    for written in clause.params:
        if written:
            try:
                side = Rewriter().side(clean(lex(written)))
            except NotationError as exc:  # 'BODY with s = ...': words the grammar of a formula does not read
                raise LawError(f"cannot read the density's formula '{written}' of {clause.name}: {exc}") from None
            keys |= _atom_keys([side], child_sides)
    keys -= {clause.variable, "e", "pi", "infty", "exp", "log", "ln", "sqrt"}
    text = " ".join(clause.params)
    return [
        ((f"\\{key}" if re.search(rf"\\{key}(?![A-Za-z])", text) else key), key)
        for key in sorted(keys)
        if re.fullmatch(r"[A-Za-z]+", key)
    ]


# --- the numbers ----------------------------------------------------------------------------

GROWTH = 16  # each piece of the support this many times wider than the one before it, from the highest point
MOST_PIECES = 40  # a density not below the last digit 16^40 widths from its highest point has no tail cut


def expectation(clause, variable, g_body, params, dps):
    """∫ density · g over the support, to the last digit asked for; the density checked to integrate to 1."""
    from derive.docs.laws import _breakpoints, _function_of

    density, points, low, high, dps = _prepared(clause, variable, params, dps)
    work = dps + 5
    g = _fast(variable, sp.sympify(g_body), work) or _function_of(variable, sp.sympify(g_body), work)
    breaks = {b for b in _breakpoints(variable, sp.sympify(g_body), dps) if low < b < high} - set(points)

    def integrand(x):
        weight = density(x)
        return weight * g(x) if weight != 0 else mpmath.mpf(0)

    return _integral(clause, integrand, sorted(set(points) | breaks), dps, low, high)


_PREPARED: dict = {}  # (density, support) -> the density remembered at its nodes, the pieces, the ends, the digits


def _prepared(clause, variable, params, dps):
    """The density as a function (each value computed once: the integrals at a point share their nodes), the
    support's pieces and ends; a NumericError when the body is not a density there."""
    from derive.docs.laws import _breakpoints, _function_of, _numeric

    density_expr, low, high = params
    key = (density_expr, low, high)
    if key in _PREPARED and _PREPARED[key][-1] >= dps:  # SymPy asks one value at several precisions
        return _PREPARED[key]
    work = dps + 5
    expr = sp.sympify(density_expr)
    compiled = _fast(variable, expr, work) or _function_of(variable, expr, work)
    seen: dict = {}

    def density(x):
        if x not in seen:
            value = compiled(x)
            if value < 0:
                raise NumericError(f"the density the tag gives {clause.name} is negative at {mpmath.nstr(x, 6)}")
            seen[x] = value
        return seen[x]

    low = -mpmath.inf if low == -sp.oo else _numeric(low, dps)
    high = mpmath.inf if high == sp.oo else _numeric(high, dps)
    if not low < high:
        raise NumericError(f"the support of {clause.name} is empty ({mpmath.nstr(low, 6)}, {mpmath.nstr(high, 6)})")
    points = _points(clause, density, low, high, _breakpoints(variable, expr, dps), dps)
    norm = _integral(clause, density, points, dps, low, high)
    if abs(norm - 1) > mpmath.mpf(10) ** -(dps // 2):  # (the parameters' digits bound its own)
        raise NumericError(f"the density the tag gives {clause.name} integrates to {mpmath.nstr(norm, 12)}, not 1")
    if len(_PREPARED) > 256:
        _PREPARED.clear()
    _PREPARED[key] = (density, points, low, high, dps)
    return _PREPARED[key]


def _fast(variable, expr, dps):
    """The expression as an mpmath function of the variable, printed by SymPy from the expression the grammar built
    (never from the document's text); None for one SymPy cannot print so (a function of the checker's own)."""
    if any(
        not hasattr(mpmath, type(f).__name__.lower())
        for f in expr.atoms(sp.Function)
        if type(f).__module__.startswith("derive")
    ):
        return None
    try:
        compiled = sp.lambdify(variable, expr, modules="mpmath")
    except Exception:  # a SymPy node its printer does not know
        return None

    def value(x):
        with mpmath.workdps(dps):
            result = compiled(mpmath.mpf(x))
        if isinstance(result, mpmath.mpc):
            if abs(result.imag) > mpmath.mpf(10) ** (-dps + 10):
                raise NumericError("a complex value of the density")
            result = result.real
        return result

    return value


def _integral(clause, function, points, dps, low, high):
    """∫ function over the pieces, its error estimate below the last digit asked for, the cut tails negligible."""
    tolerance = mpmath.mpf(10) ** -(dps + 2)
    with mpmath.workdps(dps + 3):
        value, error = mpmath.quad(function, points, method="tanh-sinh", error=True)
    if not mpmath.isfinite(value) or error > tolerance * max(1, abs(value)):
        raise NumericError(f"the integral over the law of {clause.name} is not found to 50 digits")
    centre = points[len(points) // 2]
    for end, bound in ((points[0], low), (points[-1], high)):
        if end == bound:
            continue
        near, far = abs(function(end)), abs(function(centre + 2 * (end - centre)))
        if near * abs(end - centre) > tolerance * max(1, abs(value)) or far > near:
            raise NumericError(f"the integral over the law of {clause.name} does not converge")
    return value


def _points(clause, density, low, high, breaks, dps) -> list:
    """The support's pieces: widths growing from the density's highest point until it has fallen below the last
    digit on each side (or the support ends), with the body's kinks among them."""
    candidates = {mpmath.mpf(0)} | {s * mpmath.mpf(2) ** k for k in range(-8, 13) for s in (1, -1)} | set(breaks)
    if low > -mpmath.inf:
        candidates |= {low + mpmath.mpf(2) ** k for k in range(-20, 13)}
    if high < mpmath.inf:
        candidates |= {high - mpmath.mpf(2) ** k for k in range(-20, 13)}
    inside = sorted(c for c in candidates if low < c < high)
    values = []
    for c in inside:
        try:
            values.append((density(c), c))
        except (ZeroDivisionError, ValueError, NumericError, OverflowError, MemoryError):
            continue  # (exp(exp(2^40)) far out in a Gumbel tail has too many digits to hold)
    if not values or max(values)[0] <= 0:
        raise NumericError(f"the density the tag gives {clause.name} is nowhere positive on its support")
    peak, top = max(values)
    width = _half_width(density, top, peak, low, high)
    floor = peak * mpmath.mpf(10) ** -(dps + 20)
    points = {top} | {b for b in breaks if low < b < high}
    for direction, end in ((1, high), (-1, low)):
        for k in range(MOST_PIECES):
            point = top + direction * width * mpmath.mpf(GROWTH) ** k
            if (point - end) * direction >= 0:
                points.add(end)
                break
            points.add(point)
            if abs(density(point)) < floor and k > 0:
                break
        else:
            raise NumericError(f"the density the tag gives {clause.name} does not fall away")
    return sorted(points)


def _half_width(density, top, peak, low, high):
    """About the distance from the highest point at which the density has halved (a scale of the law)."""
    for k in range(-30, 41):
        step = mpmath.mpf(2) ** k
        for point in (top + step, top - step):
            if low < point < high and density(point) < peak / 2:
                return step
    return mpmath.mpf(1)
