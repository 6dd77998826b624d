"""Reading calculus notation: derivatives (\\frac{\\partial f}{\\partial x}, \\partial_x f, \\nabla_x f,
f'(x)), limits, definite integrals and evaluation bars. Each reader takes the rewriter, the tokens,
the position of the notation and the output list, and returns the position after it."""

from __future__ import annotations

import re

from derive.docs import gradient_scope
from derive.docs.chain import arrow_target, relation_at, term_end
from derive.docs.nodes import Atom, Deriv, EvaluatedAt, Integral, Limit, Prime, Side
from derive.docs.tokens import NotationError, Tok, Unsupported, detex, latex_of, word_of


def evaluated_at(rw, tokens, k, out):
    depth, m = 0, k
    while m < len(tokens):
        depth += 1 if tokens[m].is_cs("evalopen") else -1 if tokens[m].is_cs("evalclose") else 0
        if depth == 0:
            break
        m += 1
    if m >= len(tokens) or m + 1 >= len(tokens) or not tokens[m + 1].is_ch("_"):
        raise NotationError("an evaluation bar | without the point it evaluates at (|_{x=0})", tokens[k].pos)
    script, k2 = rw._script(tokens, m + 1)
    if k2 < len(tokens) and tokens[k2].is_ch("^"):
        raise Unsupported("an evaluation bar with two limits (F|_a^b)")
    at = [n for n in range(len(script)) if script[n].is_ch("=")]
    if len(at) != 1 or at[0] == 0 or at[0] == len(script) - 1:
        raise Unsupported("an evaluation bar whose subscript is not of the form x = a")
    body = tokens[k + 1 : m]
    if not body:
        raise NotationError("an evaluation bar with nothing before it", tokens[k].pos)
    out.append(
        rw.placeholder(EvaluatedAt(rw.sub_side(body), rw.sub_side(script[: at[0]]), rw.sub_side(script[at[0] + 1 :])))
    )
    return k2


def limit(rw, tokens, k, out):
    if k + 1 >= len(tokens) or not tokens[k + 1].is_ch("_"):
        raise Unsupported("\\lim without the variable and the point it goes to")
    script, k2 = rw._script(tokens, k + 1)
    found = arrow_target(script)
    if not found:
        raise Unsupported("\\lim whose subscript is not of the form n \\to a")
    variable_tokens, target = found
    variable = _limit_variable(rw, variable_tokens)
    if variable is None:
        raise Unsupported(f"a limit in '{detex(variable_tokens)}', which is not one variable")
    direction = "+-"
    if (
        len(target) >= 2
        and target[-2].is_ch("^")
        and word_of(target[-1].items if target[-1].kind == "group" else [target[-1]]) in ("+", "-")
    ):
        direction = word_of(target[-1].items if target[-1].kind == "group" else [target[-1]])
        target = target[:-2]
    infinite = 0
    if target and target[-1].is_cs("infty") and len(target) <= 2:
        infinite = -1 if target[0].is_ch("-") else 1
    end = term_end(tokens, k2)
    if end == k2:
        raise NotationError("\\lim with nothing to take the limit of", tokens[k].pos)
    target_side = None if infinite else rw.sub_side(target)
    out.append(rw.placeholder(Limit(variable, target_side, infinite, direction, rw.sub_side(tokens[k2:end]))))
    return end


def _limit_variable(rw, tokens) -> str | None:
    """The key of a limit's variable: one name, bare (n) or with a label for a subscript (N_{\\setminus E}, keyed
    with it as the binder keys the name it binds); None for anything else."""
    named = rw._atom_name(tokens, 0) if tokens else None
    if named and named[1] == len(tokens):
        return named[0]
    if not named or not tokens[named[1]].is_ch("_"):
        return None
    from derive.docs.side_names import single_atom

    atom = single_atom(rw.sub_side(tokens))
    if atom is None or atom.args is not None or atom.decoration or atom.transpose or atom.star or not atom.sub_text:
        return None
    return f"{atom.key}_{atom.sub_text}"


def integral(rw, tokens, k, out):
    """\\int_a^b body \\, dx: the bounds in either order, the differential at the end of the term."""
    scripts = {}
    k2 = k + 1
    while k2 < len(tokens) and tokens[k2].is_ch("_", "^") and tokens[k2].text not in scripts:
        scripts[tokens[k2].text], k2 = rw._script(tokens, k2)
    if set(scripts) not in ({"_", "^"}, set()):
        raise Unsupported("an integral with one bound only is not computed")
    m, depth = k2, 0
    while m < len(tokens):
        if tokens[m].is_ch("(", "["):
            depth += 1
        elif tokens[m].is_ch(")", "]"):
            depth -= 1
            if depth < 0:
                break
        elif depth == 0 and m > k2 and (tokens[m].is_ch("+", "-", ",") or relation_at(tokens, m)):
            break
        m += 1
    end = m
    d = _differential(tokens, k2, end)
    if d is None:
        raise Unsupported("an integral whose differential (dx at the end of the integrand) is not found")
    start, d_at = d
    named = rw._atom_name(tokens[start:end], 0)
    if not named or named[1] != end - start or start == k2:
        raise Unsupported(f"an integral over '{detex(tokens[start:end])}', which is not one variable")
    if not scripts:  # \int f(x) \, dx: an antiderivative
        body = rw.sub_side(tokens[k2:d_at])
        out.append(rw.placeholder(Integral(named[0], None, None, (0, 0), body, indefinite=True)))
        return end
    bounds, infinite = [], []
    for script in (scripts["_"], scripts["^"]):
        sign = _infinite(script)
        infinite.append(sign)
        bounds.append(None if sign else rw.sub_side(script))
    body = rw.sub_side(tokens[k2:d_at])
    out.append(rw.placeholder(Integral(named[0], bounds[0], bounds[1], tuple(infinite), body)))
    return end


def fraction(rw, tokens, k, out):
    """\\frac{a}{b}; a derivative \\frac{\\partial f}{\\partial x}, \\frac{d^2 f}{dx^2}, \\frac{\\partial}{\\partial x} f,
    \\frac{dg}{dx}(a) when numerator and denominator say so."""
    num, k2 = rw._arg(tokens, k + 1)
    den, k3 = rw._arg(tokens, k2)
    kind = _derivative_kind(num, den)
    if not kind:
        out.append(r"\frac{" + rw.emit(num) + "}{" + rw.emit(den) + "}")
        return k3
    t = tokens[k]
    order, num_rest, den_rest = kind
    if not num_rest:  # operator form: \frac{\partial}{\partial x} f
        end = _operand_end(rw, tokens, k, k3, term_end(tokens, k3))
        variables = _variables_of(den_rest, order)
        at_point = _gradient_at_point(rw, tokens, k3, end, variables[0]) if len(variables) == 1 else None
        if at_point is not None:
            out.append(at_point)
            return end
        num_rest = tokens[k3:end]
        k3 = end
        if not num_rest:
            raise NotationError("a derivative operator with nothing to differentiate", t.pos)
    variables = _variables_of(den_rest, order)
    applied = k3 < len(tokens) and tokens[k3].is_ch("(") and len({word_of(v) for v in variables}) == 1
    named = rw._atom_name(num_rest, 0) if applied else None
    if named and named[1] == len(num_rest):  # \frac{dg}{dx}(a): g is the function g(x)
        num_rest = [*num_rest, Tok("ch", "(", t.pos), *variables[0], Tok("ch", ")", t.pos)]
    inner = rw.sub_side(num_rest)
    for variable in reversed(variables):  # ∂²f/∂x∂y = ∂/∂x (∂f/∂y)
        inner = Side(rw.placeholder(Deriv(inner, rw.sub_side(variable))), rw.table)
    if applied:
        # \frac{dg}{dx}(x) is the derivative; \frac{dg}{dx}(1) its value at x = 1
        argument, k3 = rw._balanced(tokens, k3, "(", ")")
        if word_of(argument) != word_of(variables[0]):
            inner = Side(
                rw.placeholder(EvaluatedAt(inner, rw.sub_side(variables[0]), rw.sub_side(argument))),
                rw.table,
            )
    out.append(inner.text)
    return k3


def partial(rw, tokens, k, out):
    """\\partial f / \\partial x, \\partial_x f."""
    t = tokens[k]
    if k + 1 >= len(tokens):
        raise Unsupported("\\partial is not understood")
    slash = next((m for m in range(k + 1, len(tokens)) if tokens[m].is_ch("/")), None)
    if slash is not None and slash + 1 < len(tokens) and tokens[slash + 1].is_cs("partial"):
        end = term_end(tokens, slash + 2, stop_at_juxtaposition=True)
        out.append(rw.placeholder(Deriv(rw.sub_side(tokens[k + 1 : slash]), rw.sub_side(tokens[slash + 2 : end]))))
        return end
    if tokens[k + 1].is_ch("_"):
        script, k2 = rw._script(tokens, k + 1)
        end = _operand_end(rw, tokens, k, k2, term_end(tokens, k2))
        at_point = _gradient_at_point(rw, tokens, k2, end, script)
        if at_point is not None:
            out.append(at_point)
            return end
        out.append(rw.placeholder(Deriv(rw.sub_side(tokens[k2:end]), rw.sub_side(script))))
        return end
    raise NotationError("a partial derivative that is not of the form \\partial f / \\partial x", t.pos)


def gradient(rw, tokens, k, out):
    """\\nabla_z f: the gradient (or Jacobian) of the term that follows; \\nabla^2_z f its Hessian."""
    t = tokens[k]
    if _hessian_at(rw, tokens, k + 1):
        return _hessian(rw, tokens, k, out)
    if k + 1 >= len(tokens) or not tokens[k + 1].is_ch("_"):
        script = _argument_variable(rw, tokens, k + 1) or _labelled_argument(rw, tokens, k + 1) or rw.gradient_variable
        if script is None:
            raise Unsupported(
                "\\nabla without the variable it differentiates by (read without a subscript only before f(w), "
                "a function applied to its one variable, or in a formula that writes so)"
            )
        k2 = k + 1  # \nabla f(w): the gradient of f with respect to its one argument w
    else:
        script, k2 = rw._script(tokens, k + 1)
    end = term_end(tokens, k2)
    if end == k2:  # "\nabla_x = ..." (Triton, PyTorch docs): the gradient of the loss
        out.append(rw.placeholder(Deriv(rw.sub_side([Tok("ch", "L", t.pos)]), rw.sub_side(script))))
        return end
    end = _operand_end(rw, tokens, k, k2, end)
    at_point = _gradient_at_point(rw, tokens, k2, end, script)
    if at_point is not None:
        out.append(at_point)
        return end
    out.append(rw.placeholder(Deriv(rw.sub_side(tokens[k2:end]), rw.sub_side(script))))
    return end


def _operand_end(rw, tokens, k, k2, end) -> int:
    """Where the operand of a derivative operator at tokens[k] ends, its term starting at tokens[k2] and ending at
    ``end``: \\nabla_x f g, \\frac{\\partial}{\\partial x} f g and \\partial_x f g may differentiate the product or f
    alone (derive.docs.gradient_scope), so such a term is noted and cut after f under that reading."""
    split = gradient_scope.first_factor_end(rw, tokens, k2, end)
    if split is None:
        return end
    gradient_scope.note(tokens[k:k2], tokens[k2:split], tokens[k2:end])
    return split if gradient_scope.reads_first_factor() else end


def _hessian_at(rw, tokens, k) -> bool:
    """Whether \\nabla is raised to a power at tokens[k], before or after its subscript (\\nabla^2_z, \\nabla_z^2)."""
    if k + 1 < len(tokens) and tokens[k].is_ch("_"):
        k = rw._script(tokens, k)[1]
    return k + 1 < len(tokens) and tokens[k].is_ch("^")


def _hessian(rw, tokens, k, out):
    r"""\nabla^2_z f or \nabla_z^2 f: the matrix of second derivatives of the term that follows by z, the gradient of
    its gradient; without a subscript \nabla^2 may be the Laplacian, and no other power is read."""
    m, script, power = k + 1, None, None
    while m + 1 < len(tokens) and (tokens[m].is_ch("_") and script is None or tokens[m].is_ch("^") and power is None):
        subscript = tokens[m].is_ch("_")
        written, m = rw._script(tokens, m)
        if subscript:
            script = written
        else:
            power = detex(written).strip()
    if power != "2":
        raise Unsupported(f"\\nabla to the power {power} is not read (only \\nabla^2, the Hessian)")
    if script is None:
        raise Unsupported("\\nabla^2 without a subscript may be the Laplacian or the Hessian: write \\nabla^2_x")
    end = term_end(tokens, m)
    if end == m:
        raise Unsupported("\\nabla^2 with nothing to differentiate")
    if gradient_scope.first_factor_end(rw, tokens, m, end) is not None:
        raise Unsupported("\\nabla^2 may apply to the first factor alone or to the whole product: write brackets")
    gradient = Side(rw.placeholder(Deriv(rw.sub_side(tokens[m:end]), rw.sub_side(script))), rw.table)
    out.append(rw.placeholder(Deriv(gradient, rw.sub_side(script))))
    return end


def _gradient_at_point(rw, tokens, k, end, variable):
    r"""\nabla_\theta f(\theta_1), \partial_\theta f(\theta^*), \frac{d}{d\theta} f(\hat\theta, x): the derivative of f
    taken at a point named with the variable's letter (another subscript, a prime, a star, an accent), as the text of
    the placeholder; None unless tokens[k:end] is one name applied to such a point, beside arguments without the
    variable."""
    named = rw._atom_name(tokens, k)
    if named is None or named[0].startswith("__native__"):
        return None
    after = named[1]
    while after + 1 < len(tokens) and (tokens[after].is_ch("_") or tokens[after].is_ch("^")):
        _, after = rw._script(tokens, after)
    if after >= end or not tokens[after].is_ch("("):
        return None
    inner, close = rw._balanced(tokens, after, "(", ")")
    if close != end:
        return None
    arguments = _arguments(inner)
    labelled = [n for n, argument in enumerate(arguments) if _labelled_form(rw, argument, variable)]
    points = {detex(arguments[n]) for n in labelled}
    own = detex(variable).strip()
    others = [detex(a) for n, a in enumerate(arguments) if n not in labelled]
    if len(points) != 1 or any(own in other for other in others):  # L(\theta_t, \theta): not one point
        return None
    point = arguments[labelled[0]]
    at = tokens[after].pos
    written = [Tok("ch", "(", at)]
    for n, argument in enumerate(arguments):
        written.extend(variable if n in labelled else argument)
    applied = [*tokens[k:after], *written, Tok("ch", ")", at)]
    gradient = Side(rw.placeholder(Deriv(rw.sub_side(applied), rw.sub_side(variable))), rw.table)
    return rw.placeholder(EvaluatedAt(gradient, rw.sub_side(variable), rw.sub_side(point)))


SEPARATORS = (",", ";", "|")


def _arguments(inner) -> list:
    r"""The arguments of a bracket's tokens, each separator kept as a list of its own: L(\theta_t, x) gives
    [\theta_t], [,], [x]."""
    out, current = [], []
    for t in [*inner, None]:
        if t is None or t.is_ch(*SEPARATORS) or t.is_cs("mid"):
            while current and current[-1].is_ch(" "):
                current.pop()
            while current and current[0].is_ch(" "):
                current.pop(0)
            out.extend([current, [t]] if t is not None else [current])
            current = []
        else:
            current.append(t)
    return out


ACCENTS = ("hat", "tilde", "bar")
STARS = ("*", "\\star", "\\ast")


def _labelled_form(rw, point, variable) -> bool:
    r"""Whether the tokens ``point`` write the one name ``variable`` with a label: another subscript, primes, a star
    (\theta_1, \theta', \theta^*, \theta^{(t)}) or an accent (\hat\theta), never the variable itself."""
    own = rw._atom_name(variable, 0)
    if own is None or own[1] != len(variable) or not point or detex(point) == detex(variable):
        return False
    if point[0].kind == "cs" and point[0].text in ACCENTS and len(point) == 2:
        accented = point[1].items if point[1].kind == "group" else [point[1]]
        return detex(accented) == detex(variable)
    at = rw._atom_name(point, 0)
    if at is None or at[0] != own[0]:
        return False
    rest = at[1]
    while rest < len(point):
        if point[rest].is_ch("'"):
            rest += 1
        elif rest + 1 < len(point) and point[rest].is_ch("_"):
            rest = rw._script(point, rest)[1]
        elif rest + 1 < len(point) and point[rest].is_ch("^") and _star_or_step(point[rest + 1]):
            rest += 2
        else:
            return False
    return True


def _star_or_step(script) -> bool:
    """Whether a superscript labels rather than raises: a star, or a step in brackets (^{(t)})."""
    written = latex_of(script.items if script.kind == "group" else [script]).replace(" ", "")
    return written in STARS or re.fullmatch(r"\(\w+\)", written) is not None


def unsubscripted_gradient_variable(rw, tokens):
    r"""The one variable w of every ``\nabla f(w)`` written without a subscript in the formula, by which its other
    unsubscripted gradients (\nabla (\log g(w)) h(w)) differentiate too; None when there is none or they differ."""
    found = []

    def walk(items):
        for m, t in enumerate(items):
            if t.kind == "group":
                walk(t.items)
            elif t.is_cs("nabla") and not (m + 1 < len(items) and items[m + 1].is_ch("_")):
                variable = _argument_variable(rw, items, m + 1)
                if variable is not None:
                    found.append(variable)

    walk(tokens)
    return found[0] if found and len({detex(v) for v in found}) == 1 else None


def _argument_variable(rw, tokens, k):
    """The tokens of w in ``f(w)`` or ``f_i(w)`` at tokens[k]: a function name, with a subscript or none, applied to
    one argument that is itself a name (w, \\mathbf{x}, \\theta); None for anything else (f(w^k), f(x, y), a
    bracket)."""
    inner = _applied_argument(rw, tokens, k)
    variable = rw._atom_name(inner, 0) if inner else None
    if variable is None or variable[1] != len(inner) or variable[0].startswith("__native__"):
        return None
    return inner


def _labelled_argument(rw, tokens, k):
    """The tokens of w in ``f(w^*)`` or ``f(w_t)`` at tokens[k]: the name whose labelled form is f's one argument, by
    which \\nabla f(w^*) differentiates before it is taken at w^*; None for anything else."""
    inner = _applied_argument(rw, tokens, k)
    at = rw._atom_name(inner, 0) if inner else None
    if at is None or at[0].startswith("__native__"):
        return None
    variable = inner[: at[1]]
    return variable if _labelled_form(rw, inner, variable) else None


def _applied_argument(rw, tokens, k):
    """The tokens inside the bracket of ``f(...)`` or ``f_i(...)`` at tokens[k], a function name with a subscript or
    none; None for anything else."""
    named = rw._atom_name(tokens, k) if k < len(tokens) else None
    if named is None or named[0].startswith("__native__") or named[1] >= len(tokens):
        return None
    after = named[1]
    if tokens[after].is_ch("_") and after + 1 < len(tokens):  # f_i(x): the i-th of a family of functions of x
        _, after = rw._script(tokens, after)
    if after >= len(tokens) or not tokens[after].is_ch("("):
        return None
    return rw._balanced(tokens, after, "(", ")")[0]


def primes_at(tokens, k) -> tuple[int, int]:
    r"""(order, next k) for the primes written at tokens[k]: f', f'', f\prime, and as a superscript, f^{'}, f^{\prime}
    or f^\prime (how LaTeX prints f'); (0, k) when none is written there."""
    order = 0
    while k < len(tokens):
        if tokens[k].is_ch("'") or tokens[k].is_cs("prime"):
            order, k = order + 1, k + 1
            continue
        if tokens[k].is_ch("^") and k + 1 < len(tokens):
            script = tokens[k + 1].items if tokens[k + 1].kind == "group" else [tokens[k + 1]]
            script = [x for x in script if not x.is_ch(" ")]
            if script and all(x.is_ch("'") or x.is_cs("prime") for x in script):
                order, k = order + len(script), k + 2
                continue
        break
    return order, k


def native_prime(rw, tokens, k, function, out):
    r"""f'(x) for a native function name at tokens[k - 1]; tokens[k] is the first prime (f', f^{'}, f^\prime)."""
    order, k = primes_at(tokens, k)
    if k >= len(tokens) or not tokens[k].is_ch("("):
        raise Unsupported(f"\\{function}' without its argument in brackets")
    inner, k2 = rw._balanced(tokens, k, "(", ")")
    variable = f"prime_variable_{len(rw.table) + 1}"
    variable_side = Side(rw.placeholder(Atom(variable, [], "")), rw.table)
    out.append(rw.placeholder(Prime(function, order, rw.sub_side(inner), variable, variable_side)))
    return k2


def whole_number(word: str) -> int | None:
    """The value of whole numbers added and subtracted as written, 3 or 0+1 (a derivative's order once a family's
    letter is put in, d^{m+1} at m = 0); None for anything else."""
    if not re.fullmatch(r"\d+(?:[+-]\d+)*", word):
        return None
    terms = re.findall(r"[+-]?\d+", word)
    return sum(int(term) for term in terms)


def _strip_d(tokens):
    """(order, rest) if tokens start with ∂ or d (or \\mathrm{d}), else None."""
    if not tokens:
        return None
    t = tokens[0]
    order = 1
    rest = tokens[1:]
    if (
        t.is_cs("partial")
        or t.is_ch("d")
        or (t.is_cs("mathrm") and len(tokens) > 1 and tokens[1].kind == "group" and word_of(tokens[1].items) == "d")
    ):
        if t.is_cs("mathrm"):
            rest = tokens[2:]
        if rest and rest[0].is_ch("^"):
            power = rest[1] if len(rest) > 1 else None
            order = whole_number(word_of(power.items if power.kind == "group" else [power])) if power else None
            order = order or 0
            rest = rest[2:]
        return ("partial" if t.is_cs("partial") else "d", order, rest)
    return None


def _differential(tokens, first, end):
    """(start of the variable, start of the d) of a differential d x, \\mathrm{d}x, \\,dx closing tokens[first:end]."""
    for m in range(end - 2, first - 1, -1):
        t = tokens[m]
        if t.is_ch("d") or (
            t.is_cs("mathrm", "operatorname")
            and m + 1 < end
            and tokens[m + 1].kind == "group"
            and word_of(tokens[m + 1].items) == "d"
        ):
            start = m + 1 if t.is_ch("d") else m + 2
            if start < end:
                return start, m
    return None


def _infinite(script) -> int:
    """+1 for \\infty or +\\infty, -1 for -\\infty, 0 for anything else."""
    words = [x for x in script if not x.is_ch(" ")]
    if words and words[-1].is_cs("infty") and len(words) <= 2:
        return -1 if words[0].is_ch("-") else 1
    return 0


def _derivative_kind(num, den):
    a, b = _strip_d(num), _strip_d(den)
    if not a or not b or a[0] != b[0]:
        return None
    if a[0] == "d" and (not b[2] or (b[2] and b[2][0].is_ch("_"))):
        return None
    if not b[2]:
        return None
    if a[1] < 1:
        raise Unsupported("a derivative whose order is not a whole number")
    return (a[1], a[2], b[2])


def _variables_of(den_rest, order):
    """The variables of a denominator ``x^2`` or ``x \\partial y`` for a derivative of ``order``."""
    variables, current = [], []
    for t in den_rest:
        if t.is_cs("partial") or t.is_ch("d") and current:
            variables.append(current)
            current = []
        else:
            current.append(t)
    variables.append(current)
    variables = [v for v in variables if v]
    v = variables[0] if len(variables) == 1 else []
    if (
        len(v) >= 3
        and v[-2].is_ch("^")
        and whole_number(word_of(v[-1].items if v[-1].kind == "group" else [v[-1]])) == order
    ):
        return [v[:-2]] * order  # dx^2, and dz^{0+1} (a family's d^{m+1}/dz^{m+1} at m = 0): by x, order times
    if len(variables) == 1 and order > 1:
        raise Unsupported(f"a derivative of order {order} whose denominator does not say {order} times by what")
    if len(variables) != order:
        raise Unsupported(f"a derivative of order {order} with {len(variables)} variables below")
    return variables
