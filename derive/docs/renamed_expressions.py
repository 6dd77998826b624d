"""A tag clause ``EXPRESSION = NAME``: the document's expression for one of the result's names.

``sigmoid_derivative; {v'_w}^\\top v_{w_I} = x`` says that where the formula writes ``{v'_w}^\\top v_{w_I}``, the
result's x is meant: each occurrence of the expression, as written (spaces aside), is read as that name. The mirror
of ``NAME = MEANING``, which gives the document's name for an expression in the result's notation. In a tag with no
result, NAME is the tag's own name, defined by the expression (``|y_i - f(x_i)| = \\varepsilon``), unless it is one of
the shared notation's vectors.

So does a clause giving the value of a derivative of names nothing else defines
(``\\frac{\\partial Z}{\\partial X} = (\\alpha + \\beta)(\\delta + \\epsilon)``, as backpropagation notes do): where the
formula writes that derivative, the value is meant.
"""

from __future__ import annotations

import dataclasses
import re


def _pattern(expression: str) -> re.Pattern:
    """The expression as written, with any spacing between its characters; not inside a longer name or command."""
    characters = [c for c in expression if not c.isspace()]
    body = r"\s*".join(re.escape(c) for c in characters)
    before = r"(?<![\\A-Za-z])" if characters[0].isalpha() or characters[0] == "\\" else ""
    after = r"(?![A-Za-z])" if characters[-1].isalpha() else ""
    return re.compile(before + body + after)


def expressions_as_names(text: str, binding):
    """``text`` with each expression a clause ``EXPRESSION = NAME`` renames written as ``{NAME}``, and ``binding``
    without those clauses; unchanged when the tag has none or the formula does not write the expression."""
    from derive.docs.tags import _is_one_symbol

    renamed, defined = {}, {}
    for expression, name in binding.overrides.items():
        if _derivative_of_undefined_names(expression, binding):
            pattern = _pattern(expression)
            if pattern.search(text):
                renamed[expression] = name
                text = pattern.sub(lambda _, name=name: rf"\left({name}\right)", text)
            continue
        try:
            if _is_one_symbol(expression) or not _is_one_symbol(name):
                continue
        except Exception:  # not readable as LaTeX: not a renaming of this kind
            continue
        if _defines_its_name(name, binding):
            defined[name] = expression
            continue
        pattern = _pattern(expression)
        if pattern.search(text):
            renamed[expression] = name
            text = pattern.sub(lambda _, name=name: f"{{{name}}}", text)
    if not renamed and not defined:
        return text, binding
    overrides = {k: v for k, v in binding.overrides.items() if k not in renamed and k not in defined.values()}
    return text, dataclasses.replace(binding, overrides={**overrides, **defined})


def _defines_its_name(name: str, binding) -> bool:
    """Whether a clause ``EXPRESSION = NAME`` defines NAME by the expression (|y_i - f(x_i)| = \\varepsilon): in a tag
    with no result NAME is no name of a notation but the tag's own, equal to the expression wherever it is written,
    also where the formula writes the expression in another form ((y_i - f(x_i))^2)."""
    from derive.docs.shared_vectors import SHARED_VECTORS
    from derive.docs.side_names import _normal_name

    if binding.result is not None:
        return False
    try:
        key = _normal_name(name)
    except Exception:  # not one name after all
        return False
    defined = set()
    for written in binding.overrides:
        try:
            defined.add(_normal_name(written))
        except Exception:  # an expression, not a name: it defines none
            continue
    return key not in SHARED_VECTORS and key not in defined  # a name the tag defines otherwise stays defined so


DERIVATIVE = re.compile(
    r"\\frac\s*\{\s*(?:\\partial|d|\\mathrm\{d\})\s*(?P<top>\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*\}"
    r"\s*\{\s*(?:\\partial|d|\\mathrm\{d\})\s*(?P<bottom>\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*\}\s*"
)


def _derivative_of_undefined_names(expression: str, binding) -> bool:
    """Whether ``expression`` is \\frac{\\partial Z}{\\partial X} of names the tag defines nowhere else (Z is no
    function of X the tag states), so that its clause gives the derivative's value."""
    found = DERIVATIVE.fullmatch(expression.strip())
    if not found:
        return False
    heads = {written.strip().split("(")[0].split("_")[0] for written in binding.overrides if written != expression}
    heads |= {getattr(clause, "name", None) for clause in binding.clauses if hasattr(clause, "params")}
    return not any(found.group(part).split("_")[0] in heads for part in ("top", "bottom"))
