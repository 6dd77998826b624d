r"""A derivative by v of a function applied at an argument without v, ``\nabla_\theta J(u)``: read as written it is 0 (u
does not depend on θ), read as authors of updates often mean it, the derivative of J taken at u; a verdict stands only
where both readings give it. Points named with v's letter (\theta_0, \theta^*) are read as points alone
(derive.docs.calculus)."""

from __future__ import annotations

import re

from derive.docs.verdict import FAIL, PASS, Verdict, unless_readings_differ

NAME = r"(?:\\[A-Za-z]+|[A-Za-z])"
VARIABLE = rf"(?:{NAME}|\{{\s*{NAME}\s*\}})"
D = r"(?:\\partial|d|\\mathrm\{d\})"
# \nabla_\theta, \partial_{x}, \frac{\partial}{\partial \theta}, \frac{d}{dx}: an operator by one variable
OPERATOR = rf"(?:\\nabla_|\\partial_)(?P<v>{VARIABLE})|\\frac\{{{D}\}}\{{{D}\s*(?P<w>{VARIABLE})\}}"
# J(u), \ell_i(z), \mathcal{L}(w): a name, a subscript maybe, applied to one argument, transposed maybe
FUNCTION = r"(?:[A-Za-z]|\\ell|\\phi|\\psi|\\Phi|\\Psi|\\mathcal\{[A-Z]\})"
SUBSCRIPT = r"(?:_\{[^{}]*\}|_[A-Za-z0-9])"
POINT = r"[^(){}\[\],;|]*(?:\{[^{}()]*\}[^(){}\[\],;|]*)*"  # 2 w_0, \hat{x} + h: one argument, no bracket
APPLIED = re.compile(
    rf"(?P<op>{OPERATOR})\s*(?P<f>{FUNCTION}{SUBSCRIPT}?)\s*(?:\\left)?\(\s*(?P<at>{POINT})\s*(?:\\right)?\)"
    r"(?P<top>\^(?:\\top|T|\{\\top\}|\{T\}))?(?![_^(])"
)
NOT_FUNCTIONS = {"d", "e"}  # d(x) and e(x) are rarely the function differentiated


def _variable(match) -> str:
    return (match.group("v") or match.group("w")).strip("{} ")


def _labels(variable: str) -> str:
    """A pattern of the variable with a label: a subscript, primes, a star or a step, an accent."""
    v = re.escape(variable)
    accent = rf"\\(?:hat|tilde|bar)\s*(?:\{{\s*{v}\s*\}}|{v}(?![A-Za-z]))"
    return rf"{accent}|{v}(?![A-Za-z])(?:_\{{[^{{}}]*\}}|_\\?[A-Za-z0-9]+|'+|\^\{{?(?:\*|\\star|\\ast|\([^()]*\))\}}?)"


def _labelled(point: str, variable: str) -> bool:
    """Whether the point is the variable with one label alone (\\theta_0), which is read as the point."""
    return re.fullmatch(_labels(variable), point) is not None


def _depends(point: str, variable: str) -> bool:
    """Whether the variable itself, not only a labelled form of it, is written in the point."""
    bare = re.sub(_labels(variable), " ", point)
    return re.search(rf"(?<![A-Za-z\\]){re.escape(variable)}(?![A-Za-z])", bare) is not None


def taken_at_the_argument(text: str) -> str | None:
    r"""The formula with each derivative by v of a function applied at an argument without v (\nabla_\theta J(u))
    written as the derivative of the function taken at that argument
    (\left. \nabla_\theta J(\theta) \right|_{\theta = u});
    None when it writes none."""
    found = False

    def at_argument(match: re.Match) -> str:
        nonlocal found
        variable, point = _variable(match), match.group("at").strip()
        if not point or match.group("f") in NOT_FUNCTIONS or _depends(point, variable) or _labelled(point, variable):
            return match.group(0)
        found = True
        taken = rf"\left. {match.group('op')} {match.group('f')}({variable}) \right|_{{{variable} = {point}}}"
        return rf"\left({taken}\right){match.group('top')}" if match.group("top") else taken

    rewritten = APPLIED.sub(at_argument, text)
    return rewritten if found else None


def argument_doubt(text: str, verdict: Verdict, decide_text) -> Verdict:
    """The verdict when the derivatives by v of functions applied at arguments without v, read as taken at those
    arguments, give it too; else UNKNOWN naming both readings."""
    if verdict.verdict not in (PASS, FAIL):
        return verdict
    at_argument = taken_at_the_argument(text)
    if at_argument is None:
        return verdict
    return unless_readings_differ(
        verdict,
        decide_text(at_argument),
        "a derivative by a variable of a function applied at an argument without it may be 0 (the argument does not"
        " depend on the variable) or the function's derivative taken at that argument",
        "read as written",
        "read as taken at the argument",
    )
