"""Reading functions and operators written before their arguments: elementary functions (\\log_b x,
\\tanh^2(x), \\sin^{-1} x), operations (max, min, clip, sign, argmax; \\max_i z_i), \\det and
\\operatorname{tr}, \\sqrt and \\binom. Each reader takes the rewriter, the tokens, the position of the
notation and the output list, and returns the position after it."""

from __future__ import annotations

import re

from derive.docs import calculus, sums
from derive.docs.chain import is_harmless_membership, relation_at, term_end
from derive.docs.nodes import Apply, Extremum
from derive.docs.symbols import FONT, FUNCTION_ALIASES, GREEK, INVERSE_NAMES, INVERSE_OF
from derive.docs.tokens import NotationError, Tok, Unsupported, closes, depth_at, detex, opens, word_of

BESSEL = ("besselj", "bessely", "besseli", "besselk")  # of an order and an argument: J, Y, I and K of that order
OPERATIONS = ("argmax", "argmin", "max", "min", "clip", "sign", "sgn", "erf", "erfc", "ReLU", "relu", "round", *BESSEL)


NATIVE_ALIASES = {
    "det": "det",
    "cosh": "cosh",
    "sinh": "sinh",
    "tanh": "tanh",
    "Tanh": "tanh",
    "sin": "sin",
    "cos": "cos",
    "exp": "exp",
    "log": "log",
    "ln": "ln",
    "Exp": "exp",
    "tan": "tan",
    **{name: name for name in ("sec", "csc", "cot", "sech", "csch", "coth")},
    **{name: name for name in ("arcsin", "arccos", "arctan", "arcsinh", "arccosh", "arctanh")},
    **INVERSE_NAMES,
}


# operators written before their operand, with or without brackets: \\operatorname{tr} AB, \\det W
PREFIX_OPERATORS = ("tr", "trace", "det")


def binomial(rw, tokens, k, out):
    top, k2 = rw._arg(tokens, k + 1)
    bottom, k3 = rw._arg(tokens, k2)
    out.append(rw.placeholder(Apply("binom", [rw.sub_side(top), rw.sub_side(bottom)])))
    return k3


def square_root(rw, tokens, k, out):
    if k + 1 < len(tokens) and tokens[k + 1].is_ch("["):
        inner, k2 = rw._balanced(tokens, k + 1, "[", "]")
        arg, k3 = rw._arg(tokens, k2)
        out.append(r"\sqrt[" + rw.emit(inner) + "]{" + rw.emit(arg) + "}")
        return k3
    arg, k2 = rw._arg(tokens, k + 1)
    out.append(r"\sqrt{" + rw.emit(arg) + "}")
    return k2


def elementary(rw, tokens, k, out):
    """\\log (in the document's base), \\log_b, \\ln, \\lg, \\exp, \\sin, \\cos, \\tanh; \\tanh^2(x); \\tanh'(x), \\tanh^{\\prime}(x)."""
    t = tokens[k]
    if t.text in RECIPROCAL_HYPERBOLIC:
        return _reciprocal_hyperbolic(rw, tokens, k, out)
    if t.text == "log" and k + 1 < len(tokens) and tokens[k + 1].is_ch("_"):
        script, k2 = rw._script(tokens, k + 1)
        if detex(script).strip() not in ("e",):
            out.append(r"\frac{1}{\ln " + rw.emit(script) + "}")
        out.append(r"\ln")
        return k2
    if t.text != "lg" and calculus.primes_at(tokens, k + 1)[0]:
        return calculus.native_prime(rw, tokens, k + 1, INVERSE_NAMES.get(t.text, t.text), out)
    if t.text in INVERSE_OF and k + 2 < len(tokens) and tokens[k + 1].is_ch("^") and _is_minus_one(tokens[k + 2]):
        # \sin^{-1} x, \tanh^{-1}(x): the inverse function (arcsin, artanh), as the convention has it
        out.append("\\" + INVERSE_OF[t.text])
        return k + 3
    if (
        k + 2 < len(tokens)
        and tokens[k + 1].is_ch("^")
        and tokens[k + 2].kind == "ch"
        and tokens[k + 2].text.isdigit()
        and k + 3 < len(tokens)
        and (tokens[k + 3].is_ch("(") or _starts_argument(tokens[k + 3]))
    ):
        # \tanh^2(x) is (\tanh(x))^2, \sin^2 t is (\sin t)^2, as the grammar reads \sin t
        if t.text in ("log", "lg") and (rw.log_base != "e" or t.text == "lg"):
            raise Unsupported(f"a power of \\{t.text} written before its argument")
        out.append("\\" + ("ln" if t.text == "log" else t.text) + "^{" + tokens[k + 2].text + "}")
        return _angle_before_vector(rw, tokens, k + 3, t.text, out)
    if t.text == "log":
        out.append(r"\ln" if rw.log_base == "e" else r"\frac{1}{\ln " + rw.log_base + r"}\ln")
    elif t.text == "lg":
        if rw.log_base not in ("2", "10"):  # CLRS and Knuth write lg for log_2, ISO 80000-2 for log_10
            raise Unsupported(
                "\\lg is the logarithm to base 2 in computer science and to base 10 by ISO 80000-2: write \\log_2"
                " or \\log_{10}, or say the document's base in the tag ('log base 2')"
            )
        out.append(r"\frac{1}{\ln " + rw.log_base + r"}\ln")
    else:
        out.append("\\" + INVERSE_NAMES.get(t.text, t.text))
    if k + 1 < len(tokens) and tokens[k + 1].is_ch("^"):
        raise Unsupported(f"a power of \\{t.text} written before its argument")
    return _angle_before_vector(rw, tokens, k + 1, t.text, out)


# the hyperbolic functions the grammar has no command for, as the reciprocals of those it has
RECIPROCAL_HYPERBOLIC = {"sech": "cosh", "csch": "sinh", "coth": "tanh"}


def _reciprocal_hyperbolic(rw, tokens, k, out):
    """\\operatorname{sech}(x) as 1/\\cosh(x), \\text{coth}^2(x) as (1/\\tanh(x))^2: the argument in brackets."""
    name, m, power = tokens[k].text, k + 1, ""
    if m + 1 < len(tokens) and tokens[m].is_ch("^") and tokens[m + 1].kind == "ch" and tokens[m + 1].text.isdigit():
        power, m = "^{" + tokens[m + 1].text + "}", m + 2
    if m >= len(tokens) or not tokens[m].is_ch("("):
        raise Unsupported(f"\\{name} without its argument in brackets")
    depth, end = 0, m
    for end in range(m, len(tokens)):
        depth += opens(tokens[end]) - closes(tokens[end])
        if depth == 0:
            break
    if depth:
        raise NotationError(f"the argument of \\{name} is not closed", tokens[m].pos)
    argument = rw.emit(tokens[m + 1 : end])
    out.append("(\\frac{1}{\\" + RECIPROCAL_HYPERBOLIC[name] + "(" + argument + ")})" + power)
    return end + 1


# the trigonometric functions, whose bare argument is an angle: \cos\phi\mathbf{x} is (\cos\phi)\mathbf{x}
ANGLE_FUNCTIONS = ("sin", "cos", "tan")
BOLD_FONTS = ("mathbf", "boldsymbol", "bm", "mathbfit", "vec")


def _angle_before_vector(rw, tokens, k, name, out):
    """The position after the argument of a trigonometric function written without brackets, when the
    argument is an angle (letters, digits and their scripts) followed by a vector in bold (\\cos\\phi
    \\mathbf{x}, \\sin^2\\phi\\mathbf{x}) or by a bracket that holds one: the angle is bracketed, since an angle is a number and the bold
    factor multiplies the function's value. Otherwise ``k``, the argument left to the grammar (\\sin m\\theta)."""
    if name not in ANGLE_FUNCTIONS:
        return k
    end, factors = k, 0
    while end < len(tokens):
        x = tokens[end]
        if x.is_ch(" ") or x.is_cs(","):
            end += 1
        elif x.kind == "ch" and x.text.isalnum() or x.is_cs(*GREEK):
            end, factors = end + 1, factors + 1
            while end + 1 < len(tokens) and tokens[end].is_ch("_", "^"):
                end += 2
        else:
            break
    if not factors or end >= len(tokens) or not (_is_bold(tokens, end) or _bracket_holds_bold(tokens, end)):
        return k
    out.append("(" + rw.emit(tokens[k:end]) + ")")
    return end


def _bracket_holds_bold(tokens, k) -> bool:
    """Whether a bracket opens at ``k`` (after any size command) and holds a factor in bold before it closes
    (\\cos\\phi_s \\big( \\cos\\phi_t \\mathbf{z} - \\dots \\big)): a bracket of vectors, not an angle."""
    while k < len(tokens) and tokens[k].is_cs("left", "big", "Big", "bigg", "Bigg", "bigl", "Bigl", "biggl", "Biggl"):
        k += 1
    if k >= len(tokens) or not tokens[k].is_ch("(", "["):
        return False
    depth = 0
    for m in range(k, len(tokens)):
        if tokens[m].is_ch("(", "["):
            depth += 1
        elif tokens[m].is_ch(")", "]"):
            depth -= 1
            if depth == 0:
                return False
        elif _holds_bold(tokens[m]):
            return True
    return False


def _holds_bold(token) -> bool:
    return token.is_cs(*BOLD_FONTS) or token.kind == "group" and any(_holds_bold(x) for x in token.items)


def _is_bold(tokens, k) -> bool:
    """Whether the factor at ``k`` is written in bold (\\mathbf{x}, \\boldsymbol{\\epsilon}, \\hat{\\mathbf{v}})."""
    x = tokens[k]
    if x.is_cs(*BOLD_FONTS):
        return True
    if x.is_cs("hat", "widehat", "tilde", "widetilde", "bar", "overline") and k + 1 < len(tokens):
        inner = tokens[k + 1].items if tokens[k + 1].kind == "group" else [tokens[k + 1]]
        return bool(inner) and inner[0].is_cs(*BOLD_FONTS)
    return False


def dots_in_a_list(rw, tokens, k, out):
    raise Unsupported(
        "\\ldots in a list is read only in \\max and \\min, and only when the items differ in one index "
        "counting up by one (x_1, x_2, \\ldots, x_n)"
    )


def determinant(rw, tokens, k, out):
    """\\det(A), \\det A B: the determinant of the bracket after it, or of the factors after it."""
    k2, operand = operand_of(rw, tokens, k + 1, "\\det")
    out.append(rw.placeholder(Apply("det", [rw.sub_side(operand)])))
    return k2


def operand_of(rw, tokens, k, name):
    """(next k, operand tokens) of an operator written before its operand: the bracket right after
    it (\\det(A)), else the factors up to the next +, -, relation, \\cdot, \\times or operator."""
    if k < len(tokens) and tokens[k].is_ch("(", "["):
        return rw._balanced(tokens, k, tokens[k].text, ")" if tokens[k].is_ch("(") else "]")[::-1]
    end, depth = k, 0
    limit = term_end(tokens, k)
    while end < limit:
        x = tokens[end]
        if depth == 0 and end > k and _starts_operator(tokens, end):
            break
        depth += 1 if opens(x) else -1 if closes(x) else 0
        end += 1
    if end == k:
        raise NotationError(f"{name} with nothing after it", tokens[k - 1].pos)
    return end, tokens[k:end]


def operation(rw, tokens, k, op, out):
    """max(a, b), \\min\\{a, b\\}, clip(x, a, b), sign(x): Apply; \\max_i z_i: Extremum."""
    script = None
    if k < len(tokens) and tokens[k].is_ch("_"):
        script, k = rw._script(tokens, k)
    if k < len(tokens) and tokens[k].is_ch("^"):
        if op != "erf" or script is not None or k + 1 >= len(tokens) or not _is_minus_one(tokens[k + 1]):
            raise Unsupported(f"a power or superscript on {op}")
        op, k = "erfinv", k + 2  # \text{erf}^{-1}(y): the inverse error function, as \tan^{-1} is the arctangent
    if script is None:
        if k >= len(tokens) or not (tokens[k].is_ch("(", "[") or tokens[k].is_cs("{")):
            raise Unsupported(f"{op} without its arguments in brackets")
        open_ = tokens[k].text
        inner, k2 = rw._balanced(tokens, k, open_, {"(": ")", "[": "]", "{": "}"}[open_])
        parts = split_commas(inner)
        if any(not p for p in parts):
            raise Unsupported(f"the arguments of {op} are not a list separated by commas")
        run = sums.dotted_list(parts, sums._fresh_index(inner)) if op in ("max", "min") else None
        if run is not None:  # \max\{x_1, \ldots, x_n\}: the largest x_j for j = 1 .. n
            parts, (low, top, body) = run
            low_side = rw.sub_side([Tok("ch", c, top.pos) for c in low])
            extremum = Extremum(op, sums._fresh_index(inner), rw.sub_side(body), low_side, rw.sub_side([top]))
            if not parts:
                out.append(rw.placeholder(extremum))
                return k2
            parts = [*parts, [Tok("made", rw.placeholder(extremum), top.pos)]]
        wanted = {"clip": 3, "sign": 1, "sgn": 1, "erf": 1, "erfc": 1, "ReLU": 1, "relu": 1, "round": 1}.get(op)
        wanted = 2 if op in BESSEL else 1 if op == "erfinv" else wanted
        if wanted and len(parts) != wanted:
            raise Unsupported(f"{op} with {len(parts)} arguments (expected {wanted})")
        out.append(rw.placeholder(Apply(op, [rw.sub_side(p) for p in parts])))
        return k2
    if op not in ("max", "min", "argmax", "argmin"):
        raise Unsupported(f"{op} with a subscript")
    interval = _real_interval(script)
    variable, low, high = interval[:3] if interval else _extremum_variable(script)
    end = term_end(tokens, k)
    if end == k:
        raise NotationError(f"{op} with nothing after it", tokens[k - 1].pos)
    out.append(
        rw.placeholder(
            Extremum(
                op,
                variable,
                rw.sub_side(tokens[k:end]),
                rw.sub_side(low) if low else None,
                rw.sub_side(high) if high else None,
                interval[3] if interval else None,
            )
        )
    )
    return end


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?|-?frac\d+")  # 0.5; \frac{1}{2} and \frac12, as their tokens spell them


def _real_interval(script):
    """(variable, low, high, ends) of \\max_{x \\in (a, b)}, \\max_{x \\in [a, \\infty)}, \\max_{x \\in \\mathbb{R}}: a
    real variable, the ends of the interval it runs over (None where unbounded) and whether the interval holds
    each; None for any other subscript."""
    relations = [m for m in range(len(script)) if relation_at(script, m)]
    if (  # \arg\max_{0 \le \theta \le 1}: a Greek letter between two ends is a real variable, never an index
        len(relations) == 2
        and relations[1] == relations[0] + 2
        and 0 < relations[0]
        and relations[1] < len(script) - 1
        and all(relation_at(script, m)[0] in ("<=", "<") for m in relations)
        and script[relations[0] + 1].kind == "cs"
        and _variable_name(script[relations[0] + 1]) is not None
    ):
        low, high = script[: relations[0]], script[relations[1] + 1 :]
        ends = (word_of(low), word_of(high))
        # ends written as numbers, not both whole unless 0 and 1: whole ends such as 1 and 3 may bound an index
        if all(_NUMBER.fullmatch(end) for end in ends) and (
            ends in (("0", "1"),) or not all(end.lstrip("-").isdigit() for end in ends)
        ):
            held = tuple(relation_at(script, m)[0] == "<=" for m in relations)
            return _variable_name(script[relations[0] + 1]), low, high, held
    if len(script) < 3 or _variable_name(script[0]) is None or not script[1].is_cs("in"):
        return None
    variable, right = _variable_name(script[0]), script[2:]
    if len(right) == 2 and right[0].is_cs("mathbb") and word_of(right[1].items).strip() == "R":
        return variable, None, None, (False, False)
    if len(right) < 5 or not (right[0].is_ch("(", "[") and right[-1].is_ch(")", "]")):
        return None
    parts = split_commas(right[1:-1])
    if len(parts) != 2 or not all(parts):
        return None
    low, high = (None if _is_infinity(part) else part for part in parts)
    if (low is None and not parts[0][0].is_ch("-")) or (high is None and parts[1][0].is_ch("-")):
        return None  # (\\infty, 1): no interval
    return variable, low, high, (right[0].is_ch("[") and low is not None, right[-1].is_ch("]") and high is not None)


def _is_infinity(part) -> bool:
    """Whether the tokens write \\infty, +\\infty or -\\infty."""
    return part[-1].is_cs("infty") and (len(part) == 1 or (len(part) == 2 and part[0].is_ch("+", "-")))


def _starts_operator(tokens, m) -> bool:
    """Whether an operator that ends the operand of a bracketless \\det or \\operatorname{tr} starts at tokens[m]."""
    x = tokens[m]
    if x.is_cs("cdot", "times", "det", "log", "ln", "exp", "sum", "prod", "frac"):
        return True
    if x.kind == "cs" and x.text in FONT and m + 1 < len(tokens) and tokens[m + 1].kind == "group":
        name = word_of(tokens[m + 1].items)
        return FUNCTION_ALIASES.get(name, name) in PREFIX_OPERATORS
    return False


def native_alias(tokens, k):
    """(function, next k) for a built-in function written as a word: \\operatorname{tanh}(x), \\text{Tanh}(x), tanh(x)."""
    t = tokens[k]
    if t.kind == "cs" and t.text in FONT and k + 1 < len(tokens) and tokens[k + 1].kind == "group":
        word = word_of(tokens[k + 1].items)
        return (NATIVE_ALIASES[word], k + 2) if word in NATIVE_ALIASES else None
    if (
        t.kind == "ch"
        and t.text.isalpha()
        and (k == 0 or not (tokens[k - 1].kind == "ch" and tokens[k - 1].text.isalpha()))
    ):
        m = k
        while m < len(tokens) and tokens[m].kind == "ch" and tokens[m].text.isalpha():
            m += 1
        word = "".join(x.text for x in tokens[k:m])
        bracket = calculus.primes_at(tokens, m)[1]  # tanh(x), and tanh'(x), tanh^{'}(x): its derivative
        if (
            word in ("tanh", "Tanh", "sin", "cos", "sinh", "cosh")
            and bracket < len(tokens)
            and tokens[bracket].is_ch("(")
        ):
            return NATIVE_ALIASES[word], m
    return None


def operation_name(tokens, k):
    """(operation, next k) if an operation such as \\max or \\operatorname{clip} starts at tokens[k]."""
    t = tokens[k]
    if t.is_cs("max", "min", "argmax", "argmin", "sgn", "sign", "clip", "erf", "erfc"):
        return t.text, k + 1
    if t.is_cs("arg") and k + 1 < len(tokens) and tokens[k + 1].is_cs("max", "min"):
        return "arg" + tokens[k + 1].text, k + 2
    if t.kind == "cs" and t.text in FONT and k + 1 < len(tokens) and tokens[k + 1].kind == "group":
        word = word_of(tokens[k + 1].items)
        if word in OPERATIONS:
            return word, k + 2
        return None
    if (
        t.kind == "ch"
        and t.text.isalpha()
        and (k == 0 or not (tokens[k - 1].kind == "ch" and tokens[k - 1].text.isalpha()))
    ):
        run = ""
        m = k
        while m < len(tokens) and tokens[m].kind == "ch" and tokens[m].text.isalpha():
            run += tokens[m].text
            m += 1
        if run in OPERATIONS and m < len(tokens) and (tokens[m].is_ch("(", "_") or tokens[m].is_cs("{")):
            return run, m
    return None


def _variable_name(token) -> str | None:
    """The name of a variable an extremum runs over, written as one token: a letter (i, x) or a Greek letter other
    than \\pi (\\theta, \\lambda); None for any other token."""
    if token.kind == "ch" and token.text.isalpha():
        return token.text
    if token.kind == "cs" and token.text in GREEK and token.text != "pi":
        return token.text
    return None


def _extremum_variable(script):
    """(variable, low, high) of the subscript of \\max_i, \\max_\\theta, \\max_{1 \\le i \\le n}, \\max_{i \\in [n]}."""
    if len(script) == 1 and _variable_name(script[0]) is not None:
        return _variable_name(script[0]), None, None
    if (
        len(script) >= 3
        and script[0].kind == "ch"
        and script[0].text.isalpha()
        and is_harmless_membership(script)
        and not script[2].is_cs("mathbb")
    ):
        return script[0].text, None, None
    relations = [m for m in range(len(script)) if relation_at(script, m)]
    if (
        len(relations) == 2
        and all(relation_at(script, m)[0] in ("<=", "<") for m in relations)
        and relations[1] == relations[0] + 2
    ):
        middle = script[relations[0] + 1]
        if middle.kind == "ch" and middle.text.isalpha():
            low, high = script[: relations[0]], script[relations[1] + 1 :]
            if relation_at(script, relations[0])[0] == "<":
                low = low + [Tok("ch", "+", 0), Tok("ch", "1", 0)]
            if relation_at(script, relations[1])[0] == "<":
                high = high + [Tok("ch", "-", 0), Tok("ch", "1", 0)]
            return middle.text, low, high
    raise Unsupported(
        f"a maximum or minimum over '{detex(script).strip()}' (only over an index: \\max_i, \\max_{{1 \\le i \\le n}})"
    )


def split_commas(tokens) -> list:
    """Arguments separated by top-level commas (a |b| inside an argument stays whole)."""
    parts, current = [], []
    for m, x in enumerate(tokens):
        if x.is_ch(",") and depth_at(tokens, m) == 0:
            parts.append(current)
            current = []
        else:
            current.append(x)
    parts.append(current)
    return parts


def _is_minus_one(script_token) -> bool:
    """Whether a superscript token is -1 (``^{-1}``)."""
    items = script_token.items if script_token.kind == "group" else [script_token]
    return word_of(items).replace(" ", "") == "-1"


def _starts_argument(token) -> bool:
    """Whether a token can begin a function's argument written without brackets (\\sin^2 t, \\cos^2 \\theta)."""

    return token.kind == "ch" and token.text.isalnum() or token.is_cs(*GREEK)
