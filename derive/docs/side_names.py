"""The name a side consists of: a single symbol or application, an argument's name, a function's value's key."""

from __future__ import annotations

import re

import sympy as sp

from derive.docs.interpret import Atom, Number, Side
from derive.docs.parse import parse_latex
from derive.docs.verdict import DecideError

# a word in text type written as an argument, p(\textsf{cheese}): an outcome named by a word, never a parameter
WORD_ARGUMENT = re.compile(r"\s*\\?(?:text|textsf|textrm|mathrm|mathsf)\s*\{\s*[A-Za-z](?:\s*[A-Za-z])+\s*\}\s*$")


def written_at_words(latex_name: str) -> bool:
    """Whether a name the tag gives a value is a function at words, ``p(\\textsf{cheese})``: every argument a word."""
    from derive.docs.primed_names import _arguments  # split at top-level commas and bars, p(\text{a} \mid \text{b})

    head, bracket, rest = latex_name.partition("(")
    if not bracket or not rest.rstrip().endswith(")"):
        return False
    return all(WORD_ARGUMENT.match(argument) for argument in _arguments(rest.rstrip()[:-1]))


def argument_name(side: Side):
    """The name an argument is (``y`` in π(y|x), ``y_w``, a number's digits), or None for an expression."""
    expr = parse_latex(side.text)
    if isinstance(expr, sp.Symbol):
        node = side.node(expr)
        if isinstance(node, Atom) and not node.args and not node.transpose:
            return node.key + (node.sub_text if node.sub_text else "") + ("'" if node.star else "")
        if isinstance(node, Number):
            return node.text
    return None


def signed(side: Side) -> bool:
    """Whether an argument is a name with a sign raised over it (``x^+``, ``x^-_i``): a name of its own, never x."""
    node = single_atom(side)
    return isinstance(node, Atom) and node.decoration in ("+", "-")


def _argument_key(side: Side):
    """The name an argument is, with the sign raised over it kept (``x^+`` is not x)."""
    name = argument_name(side)
    if name is not None and signed(side):
        node = single_atom(side)
        return f"{node.key}^{node.decoration}" + name[len(node.key) :]
    return name


def applied_key(name: str, args, seps=()) -> str:
    """The key of a function's value at named arguments, ``V(S_t)``, as a tag declares it (``V(S_t): real``); an
    outcome at a value keeps its '=' (``p(y=1,x)`` for p(y = 1 | x)); an argument with a sign raised over it keeps
    the sign (``f(x^+)`` is not ``f(x)``)."""
    return key_at_names(name, [argument_key(arg) for arg in args], seps)


def argument_key(arg: Side) -> str:
    """An argument as a key of a function's value writes it: its name, or its source without spaces."""
    return _argument_key(arg) or "".join(arg.source.split())


def key_at_names(name: str, names, seps=()) -> str:
    """The key of a function's value at arguments written ``names`` (see :func:`applied_key`)."""
    text = names[0] if names else ""
    for position, written in enumerate(names[1:]):
        text += ("=" if position < len(seps) and seps[position] == "event =" else ",") + written
    return f"{name}({text})"


def single_atom(side: Side):
    """The node a side consists of, when it is a single name or application; else None."""
    try:
        expr = parse_latex(side.text)
    except Exception:
        return None
    if isinstance(expr, sp.Symbol):
        node = side.node(expr)
        if isinstance(node, Atom):
            return node
    return None


def _display(atom: Atom) -> str:
    text = atom.key + ("^*" if atom.star else "")
    if atom.sub_text:
        text += "_" + atom.sub_text
    if atom.args is not None:
        text += "(...)"
    return text


def atoms_in(sides, child_sides):
    """Every name (Atom) the sides write, inside sums, fractions and arguments too."""
    todo = list(sides)
    while todo:
        side = todo.pop()
        for node in side.nodes(parse_latex(side.text)):
            if isinstance(node, Atom):
                yield node
            todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))


def atoms_of_latex(latex: str) -> list:
    """Every name a piece of LaTeX writes (a tag's definition or condition); none when it cannot be read."""
    from derive.docs.free import child_sides
    from derive.docs.interpret import Rewriter, clean, lex

    try:
        return list(atoms_in([Rewriter().side(clean(lex(latex)))], child_sides))
    except Exception:  # a body the rewriter cannot read names nothing
        return []


def one_node(side: Side):
    """The node a side is when it is one placeholder alone (a derivative, an application), else None."""
    found = re.fullmatch(r"\s*\\text\{(Y\d+)\}\s*", side.text)
    return side.table.get(found.group(1)) if found else None


def summed_names(sides, child_sides) -> set:
    """The index names of every sum and product the sides write (j in \\sum_j x_j), inside arguments and bodies too."""
    from derive.docs.nodes import SumNode

    names, todo = set(), list(sides)
    while todo:
        side = todo.pop()
        try:
            nodes = side.nodes(parse_latex(side.text))
        except Exception:  # a part the reading refuses with its own reason later: no sum read in it
            continue
        for node in nodes:
            if isinstance(node, SumNode):
                names.update(node.variables)
            todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))
    return names


def _atom_keys(sides, child_sides) -> set:
    """The keys of every name the sides use, inside sums, fractions and arguments too."""
    return {node.key for node in atoms_in(sides, child_sides)}


def function_key(latex_name: str) -> str:
    r"""The key of a name the tag declares a function, as the formula applies it: a raised label is part of the name
    (``Q^\pi: function`` is the Q^pi of ``Q^\pi(s, a)``, never Q to the power \pi); f is f."""
    applied = _normal_name(f"{latex_name.strip()}(x)")
    return applied.removesuffix("(x)") if applied.endswith("(x)") else _normal_name(latex_name)


def _normal_name(latex_name: str) -> str:
    """The vocabulary key of a name written in LaTeX: \\hat{y} -> hat_y, \\pi_{ref} -> pi_ref, s -> s."""
    from derive.docs.interpret import Rewriter, clean, lex

    rewriter = Rewriter()
    tokens = clean(lex(latex_name.strip()))
    if not tokens:
        raise DecideError("an empty name in the tag")
    named = rewriter._atom_name(tokens, 0)
    if not named:
        raise DecideError(f"'{latex_name}' is not a symbol name")
    out = []
    rewriter._atom(tokens, 0, named, out)
    written = re.findall(r"\\text\{(Y\d+)\}", "".join(out))
    if not written and not rewriter.table:  # a function of the notation, exp written without its backslash
        raise DecideError(f"'{latex_name}' is not a symbol name")
    atom = rewriter.table[written[-1]] if written else next(iter(rewriter.table.values()))  # V(S_t) is V's atom
    if isinstance(atom, Atom):
        keys = atom.full_keys()
        # v^{(1)}_i and v^{(2)}_i: the entries of two labelled names (the first key), never both v_i
        name = atom.key + "*" if atom.star else keys[0] if keys else atom.key
        if atom.args:  # V(S_t): the value of V at S_t, a name of its own
            from derive.docs.bind import applied_key

            return applied_key(name, atom.args, atom.seps)
        return name
    return named[0]


def tag_names(binding) -> set:
    """The keys of the names the tag declares a kind of or defines (``x: real``, ``s = ...``); a clause whose head is an
    expression, not one name (``\\langle v_i, v_j \\rangle = ...``), names none."""
    names = set()
    for written in (*binding.kinds, *binding.overrides):
        try:
            names.add(_normal_name(written))
        except Exception:  # an expression, not a name: it names nothing alone
            continue
    return names
