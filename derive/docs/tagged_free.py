"""A tagged formula's names that nothing binds, read as the formula's own variables and claimed for all their values."""

from __future__ import annotations

import dataclasses
import re

from derive import domain as dom
from derive.docs.bind import (
    Unbound,
)
from derive.docs.capital_matrices import commuting_only
from derive.docs.interpret import rewrite_chain
from derive.docs.parse import parse_latex
from derive.docs.reading import _guarded, first_link_defines
from derive.docs.sampled_points import few_values
from derive.docs.side_names import _atom_keys, _display, _normal_name, atoms_in, one_node
from derive.docs.symbols import FONT
from derive.docs.tag_inputs import definition_inputs
from derive.docs.tag_mentions import tag_variables
from derive.docs.tag_spelling import NUMBER
from derive.docs.untagged_free import domains_named, free_domains, no_evidence
from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

NOT_FREE = {"E", "P", "Var", "Cov", "I", "H", "L", "D", "KL", "Pr", "tr", "nabla", "partial", "d", "e", "pi"}


# x, lambda, x_i, tau' (primed, as a second value of tau is written): a name the formula may use as a variable
PLAIN_NAME = re.compile(r"[A-Za-z]+'*(?:_[A-Za-z0-9]+)?'*")


NOT_A_VALUE = re.compile(r"\(\S+ is not a value \S+ takes\)")  # P(X = k) at a k that is not one of X's values

WHOLE_VALUES = (
    "whole numbers (the values of a discrete law)",
    dom.integers(0, 12, open_above=True),
)

ARBITRARY_READ = re.compile(r"(\S+(?:, \S+)*) (?:is|are) not bound; read as arbitrary")


def _spelling(name) -> str:
    """A pattern for a name as LaTeX writes it (\\lambda, or a letter not inside a longer name), with its primes
    (x' for the second argument of k(x, x'))."""
    base = name.rstrip("'")
    primes = r"\s*'" * (len(name) - len(base))
    if len(base) > 1:
        return rf"\\{base}(?![A-Za-z]){primes}"
    return rf"(?<![\\A-Za-z]){base}(?![A-Za-z]){primes}"


def _bracketed(name) -> str:
    """A name written alone in brackets: (\\theta), \\left( x \\right)."""
    return rf"\s*(?:\\left)?\(\s*{_spelling(name)}\s*(?:\\right)?\)"


# the name an argument in brackets follows: r_t, L^{CLIP}, h (its subscript and superscript kept apart)
HEAD = r"(\\?[A-Za-z]+)(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?(?:\^\{[^{}]*\})?"
DIFFERENTIAL = r"(?<![\\A-Za-z])(?:d|\\partial)\s*\\?{name}(?![A-Za-z])"  # dx, \partial x, d\theta


def _only_an_argument(key, text) -> bool:
    """Whether the formula writes the freed name only as the lone argument of other names: r_t(\\theta),
    L^{CLIP}(\\theta)."""
    name = _base_name(key)
    everywhere = len(re.findall(_spelling(name), text))
    if _differentiated_by(name, text) or re.search(DIFFERENTIAL.format(name=re.escape(name)), text):
        return False  # d f(x) / dx: the variable of a derivative
    return everywhere > 0 and len(re.findall(r"(?:[A-Za-z0-9]|\})" + _bracketed(name), text)) == everywhere


def _applied_as_function(key, text, verdict, binding) -> bool:
    """Whether a name the freed one is the argument of is read as a function: one the tag defines (O(x) = x^2), or
    one left arbitrary (h(b): the verdict states h(x) = ...), so that the argument is a function's, not a factor."""
    from derive.docs.tags import FunctionClause

    name = _base_name(key)
    heads = [head.lstrip("\\") for head in re.findall(HEAD + _bracketed(name), text)]
    defined = {_normal_name(c.name).split("(")[0] for c in binding.clauses if isinstance(c, FunctionClause)}
    if any(head in defined for head in heads):
        return True
    return any(re.search(rf"(?<![A-Za-z]){re.escape(head)}(?:_\w+)?\(x", verdict.detail) for head in heads)


def _word_applied(key, text) -> bool:
    """Whether a freed word (RMSNorm, GELU) is written applied to a bracket, \\mathrm{RMSNorm}(x)_i: the function
    the formula defines or uses, not a number multiplying the bracket."""
    if len(key) < 2 or not key.isalpha():
        return False
    return bool(re.search(rf"(?<![\\A-Za-z]){key}\s*\}}?\s*(?:\\left\s*)?[(\[]", text))


def _applications(key, text) -> str:
    """The first application that writes the name as an argument, as written (r_t(\\theta))."""
    name = _base_name(key)
    found = re.search(HEAD + _bracketed(name), text)
    return found.group(0).strip() if found else name


def _written(name, text) -> bool:
    """Whether the formula writes ``name``, alone or as the variable of a derivative (dx, \\partial x)."""
    if re.search(_spelling(name), text):
        return True
    return len(name) == 1 and bool(re.search(rf"(?<![\\A-Za-z])d\s*{name}(?![A-Za-z])", text))


def _differentiated_by(name, text) -> bool:
    """Whether the formula differentiates by ``name`` (the denominator of \\frac{\\partial f}{\\partial L}, or
    \\nabla_L): a variable then, even a letter that elsewhere names a result's quantity (L, the loss)."""
    spelled = _spelling(name)
    below = rf"\}}\s*\{{\s*(?:\\partial|d|\\mathrm\{{d\}})\s*{spelled}\s*\}}"
    return bool(re.search(below, text) or re.search(rf"\\nabla\s*_\s*(?:\{{\s*)?{spelled}", text))


def _written_kind(name, text) -> str:
    """What the formula's spelling says a name it does not define is: the bound of a sum or product (a count), a bold
    vector, or else a real number."""
    spelled = _spelling(name)
    if re.search(rf"\\(?:sum|prod)\s*_\s*\{{[^{{}}]*\}}\s*\^\s*(?:\{{\s*)?{spelled}\s*\}}?", text):
        return "count"
    if re.search(rf"\\(?:mathbf|boldsymbol|bm|vec)\s*\{{\s*{spelled}\s*\}}", text):
        return "vector"
    return "real"


def _on_both_sides(text, freed, lonely, binding=None) -> bool:
    """Whether every freed name the formula writes is on both sides of each of its links (so that it is claimed for
    all its values, not solved for); ``lonely`` are the names the untagged reading found on one side only, or None
    when it did not read the formula. Names only the tag's definitions use are their parameters: claimed for all.
    A side uses the parameters of the tag's functions it writes (f(q, z) with q(x, y) = x + y uses x and y)."""
    from derive.docs.free import child_sides
    from derive.docs.reading import _full_keys

    sides, relations, _ = rewrite_chain(text)
    if first_link_defines(sides, relations, _meant(binding) | set(freed)):
        sides = sides[1:]  # y = e^{ax + C'} = C e^{ax}: the first link defines y, the claim is the rest
    direct = [_atom_keys([side], child_sides) for side in sides]
    used = [_through_definitions(keys, binding) for keys in direct]
    parameters = tag_variables(
        binding
    )  # F(x) = ... \mu ..., or -\pi \le \theta \le \pi: the notation's, claimed for all
    reached = {key for key in freed if _names(key, set().union(*used))}
    written = {key for key in reached if not _tag_parameter(key, parameters)}

    # a freed name with a subscript is a number of its own (alpha_t = alpha \sqrt{1 - \beta_2^t} defines it by alpha,
    # eta_t = eta_0 \gamma^t by eta_0), on both sides only where written so, not where its letter is
    full = [
        {key.replace(" ", "").replace("{", "").replace("}", "") for key in _full_keys([side], child_sides)}
        for side in sides
    ]
    apart = {key for key in freed if "_" in key}
    apart |= {_base_name(key) for key in apart} & set(freed)

    def on_both(key):
        if key in apart:
            return all(key in left and key in right for left, right in zip(full, full[1:]))
        return all(_names(key, left) and _names(key, right) for left, right in zip(used, used[1:]))

    # precision = 40/(40 + 10), with the tag's precision defined by true_positives: a side of numbers only is a
    # particular value, so names the other side reaches only through the tag's definitions are not claimed for all
    if not all(direct) and any(not on_both(key) for key in reached if not _names(key, set().union(*direct))):
        return False
    if _rule_of_differentiation(sides, used, {_base_name(key) for key in written}):
        return True
    labelled = [key for key in written if LABEL.search(key.partition("_")[2])]
    if labelled:  # mu_X and mu_{aX+b}: quantities labelled by other quantities, each a name of its own
        per_side = [_labels(side) for side in sides]
        if not all(key in a and key in b for key in labelled for a, b in zip(per_side, per_side[1:])):
            return False
    # the untagged reading counts a derivative's variable as bound inside it, which it is in \partial q / \partial y = 0;
    # but 2a - 2 = 0 after it is an equation in a, the stationary point
    if any(_equation_link(sides, k, used, written) for k in range(len(sides) - 1)):
        return False
    if lonely is not None:
        return not {key for key in set(lonely) & written if not on_both(key)}
    return all(on_both(key) for key in written)


# one name with one subscript, in a font or an accent or none (s_i, \mathbf{s}_i, \hat{y}_{t}): never an expression
# ({v'_{w_i}}^\top v_{w_I} = z_i names no vector by its entries)
ONE_ENTRY = re.compile(
    r"\s*(?:\\[A-Za-z]+\s*(?:\{\s*\\?[A-Za-z]+\s*\}|\s\s*\\?[A-Za-z]+)|\\?[A-Za-z]+)'*\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+)\s*"
)


def _name_or_none(latex: str):
    """The key of a name the tag defines, or None for an expression it equates with a value (|a - h(a)| = r)."""
    try:
        return _normal_name(latex)
    except Exception:  # not one name: it gives no name a meaning
        return None


def _meant(binding) -> set:
    """The names the tag and its result give a meaning."""
    from derive.docs.bind import vocabulary_for
    from derive.registry import load

    if binding is None:
        return set()
    meant = {_name_or_none(name) for name in binding.overrides} - {None} | tag_variables(binding)
    return meant | set(vocabulary_for(load(binding.result)).entries) if binding.result else meant


def _equation_link(sides, k, used, written) -> bool:
    """Whether link k sets an expression in freed names, no derivative, equal to a written number (2a - 2 = 0)."""
    from derive.docs.nodes import Deriv

    for at, other in ((k, k + 1), (k + 1, k)):
        if not re.fullmatch(r"[\s\d.+-]*", sides[at].source or ""):
            continue
        if isinstance(one_node(sides[other]), Deriv):
            continue
        if any(_names(key, used[other]) for key in written):
            return True
    return False


def _tag_parameter(key, parameters: set) -> bool:
    """Whether a freed ``key`` is one of the tag's parameters, or the base of one (x for the tag's x_0, which the
    formula reads as x at index 0)."""
    return key in parameters or any(name.startswith(f"{key}_") for name in parameters)


def _names(key, names: set) -> bool:
    """Whether ``names`` hold the freed ``key``: itself (true_positives), or its base name (x for x_1)."""
    return key in names or _indexed_name(key) in names


def _rule_of_differentiation(sides, used, names) -> bool:
    """Whether the formula states a rule of differentiation in its own variables: one side (a chain's first) the
    derivative of an expression by one of them that writes them all (\\frac{\\partial (a b)}{\\partial a} = b), no
    other side a written number. The derivative is a function of its variable, so the claim is for all values of every name it
    differentiates; an equation solved for them is written = 0 (a stationary point), which stays one."""
    from derive.docs.nodes import Deriv

    if len(sides) < 2:
        return False
    # in a chain the first side is the derivative: every later side is claimed equal to it, for all its variables
    for at, side in enumerate(sides[:1] if len(sides) > 2 else sides):
        node = one_node(side)
        if not isinstance(node, Deriv) or not names <= used[at]:
            continue
        if any(re.fullmatch(r"[\s\d.+-]*", other.source or "") for other in sides if other is not side):
            continue
        atom = one_node(node.den)
        if atom is not None and getattr(atom, "key", None) in names and not atom.sub and atom.args is None:
            return True
    return False


LABEL = re.compile(r"[A-Z]")  # a subscript with a capital (mu_X, sigma_{aX+b}) labels a quantity; it indexes no family


def _labels(side) -> set:
    """The subscripted names a side writes, with their subscripts (mu_X, mu_aX+b)."""
    from derive.docs.interpret import Atom

    found = set()
    for placeholder in re.findall(r"\\text\{(Y\d+)\}", side.text):
        atom = side.table.get(placeholder)
        if isinstance(atom, Atom) and atom.sub_text:
            found.add(f"{atom.key}_{atom.sub_text}".replace(" ", ""))
    return found


def _through_definitions(names: set, binding) -> set:
    """``names`` with the names each definition of the tag among them stands for: a function's parameters (written
    bare, ``q`` for ``q(x, y) = x + y`` is its value at the formula's x and y; other names of a function's body are
    claimed for all) and the names of a name's defining expression (``y = f(x)`` stands for x)."""
    from derive.docs.free import child_sides
    from derive.docs.interpret import Rewriter, clean, lex

    if binding is None:
        return set(names)
    uses = {clause.name: set(clause.params) for clause in binding.clauses if hasattr(clause, "params")}
    for name, latex in binding.overrides.items():
        try:
            key = _normal_name(name)
            if "(" in key or key in uses:
                continue
            uses[key] = _atom_keys([Rewriter().side(clean(lex(latex)))], child_sides)
        except Exception:  # not one name, or a body the rewriter cannot read: it stands for nothing here
            continue
    found, pending = set(names), [name for name in names if name in uses]
    while pending:
        for name in uses.pop(pending.pop(), set()) - found:
            found.add(name)
            if name in uses:
                pending.append(name)
    return found


def _labelled(name) -> bool:
    """Whether a name carries a label of several letters (eta_min): a name of its own, not the letter the formula
    writes with other subscripts (eta_t, eta_max) at one more index."""
    base, _, label = name.partition("_")
    return len(label) > 1 and label.isalpha()


DECORATION_PREFIXES = tuple(sorted({prefix for prefix in FONT.values() if prefix}))


def _base_name(key) -> str:
    return key.split("_")[0].split("^")[0]


def _indexed_name(key) -> str:
    """The name a key indexes, with its decoration: x for x_1, hat_m for hat_m_t, cal_L for cal_L_DPO."""
    prefix = next((p for p in DECORATION_PREFIXES if key.startswith(p) and len(key) > len(p)), "")
    return prefix + _base_name(key[len(prefix) :])


def _free_keys(name, kinds) -> list:
    """The keys of ``kinds`` an unbound name stands for (``x`` for x, ``beta_2`` for β₂)."""
    return [key for key in kinds if key == name or key.startswith((f"{name}_", f"{name}^"))]


def _identity_as_number(name: str, text: str) -> bool:
    """Whether ``name`` is a bare I the formula uses as a number: it writes no matrix (derive.docs.identity)."""
    from derive.docs.identity import writes_a_matrix

    return name == "I" and not writes_a_matrix(text)


# a divergence's name written in text type or plain: \mathrm{KL}, \text{KL}, KL
DIVERGENCE_NAME = r"(?:\\(?:mathrm|text|operatorname|mathit)\s*\{\s*KL\s*\}|(?<![\\A-Za-z{_])KL(?![A-Za-z]))"
# what an application of it writes next: an argument in brackets, a subscript or a superscript
APPLIED_NEXT = r"\s*(?:\\(?:left|big|Big|bigg|Bigg)\s*)?[(\[{_^|]|\s*\\(?:\||lVert|Vert|lbrack)"


def _divergence_as_number(name: str, text: str) -> bool:
    """Whether ``name`` is a KL the formula writes only bare, never before arguments: the value of a divergence the
    page estimates apart (KTO's reference point \\beta(\\log r - \\mathrm{KL})), a number, not the operation."""
    written = re.findall(DIVERGENCE_NAME, text)
    applied = re.findall(DIVERGENCE_NAME + f"(?={APPLIED_NEXT})", text)
    return name == "KL" and bool(written) and not applied


# a letter that names an operation when applied (D(p \\| q), H(X), L(\\theta), P(A), E[X]), as a factor of a product
BARE_LETTERS = ("D", "H", "L", "P", "E")


def _bare_letter_as_number(name: str, text: str) -> bool:
    """Whether ``name`` is one of the letters that name an operation, which an equality writes only as a factor, never
    applied, labelled nor as an argument (``\\frac{2BD}{2X}``, not ``p(\\theta \\mid D)``): a number, as any other
    letter would be."""
    from derive.docs.free import child_sides

    if name not in BARE_LETTERS:
        return False
    try:
        sides, relations, _ = rewrite_chain(text)
        atoms = list(atoms_in(sides, child_sides))
    except Exception:  # unreadable: the first reading says why
        return False
    if set(relations) != {"="}:  # 2BDF / 9.2e14 > 2 (BD + DF + BF) / 1.5e10: a condition on them, perhaps
        return False
    written = [atom for atom in atoms if atom.key == name]
    arguments = {"".join(side.source.split()) for atom in atoms for side in atom.args or ()}
    return (
        bool(written)
        and all(atom.args is None and not atom.sub and not atom.decoration for atom in written)
        and name not in arguments
    )


def _unstated_derivative(text, freed, binding):
    """The first derivative the formula takes of a freed name written bare by another variable the tag does not define
    through it (\\nabla_\\theta J), as ``J by theta``, or None: the name is a function of that variable the tag
    does not state, and read as a number its derivative would be 0."""
    from derive.docs.free import child_sides
    from derive.docs.nodes import Deriv
    from derive.docs.side_names import single_atom

    try:
        todo = list(rewrite_chain(text)[0])
    except Exception:  # unreadable: the verdict already says why
        return None
    while todo:
        side = todo.pop()
        try:
            nodes = side.nodes(parse_latex(side.text))
        except Exception:  # a part the reading refuses with its own reason
            continue
        for node in nodes:
            todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))
            if not isinstance(node, Deriv):
                continue
            target, variable = single_atom(node.num), single_atom(node.den)
            if target is None or variable is None or target.args is not None:
                continue
            names = {target.key, *target.full_keys()}
            if not names & set(freed):
                continue
            if {variable.key, *variable.full_keys()} & names:
                continue  # dL/dL: the name is its own variable
            if names & _through_definitions({variable.key, *variable.full_keys()}, binding):
                continue  # dx/dy with the tag's y = f(x): the chain rule through the definition
            return f"{_display(target)} by {_display(variable)}"
    return None


EXCLUDED_VALUE = re.compile(r"(.+?)\s*(?:\\neq|\\ne(?![A-Za-z])|!=|≠)\s*(.+)")


def _values_excluded(binding, freed) -> str:
    """The tag's conditions that set one value apart from each freed number (``\\alpha \\neq 0``), joined, when every
    freed number has one: the tag then claims the formula for all its other values, on every domain; else ''."""
    found = {}
    for condition in binding.conditions:
        written = EXCLUDED_VALUE.fullmatch(condition.strip())
        if written is None:
            continue
        name, value = (part.strip() for part in written.groups())
        if NUMBER.fullmatch(name):
            name, value = value, name
        key = _name_or_none(name) if NUMBER.fullmatch(value) else None
        if key in freed:
            found[key] = condition.strip()
    drawn = [key for key, kind in freed.items() if kind not in ("count", "distribution")]
    if not drawn or any(key not in found for key in drawn):
        return ""
    return ", ".join(f"'{found[key]}'" for key in sorted(drawn))


# y \sim \pi_\theta in an expectation's subscript: the law a draw is taken from, a letter of a law with a label or not
DRAWN_FROM = re.compile(r"\\sim\s*(\\?(?:pi|p|q|P|Q)(?:\s*_\s*(?:\\?[A-Za-z]+|\{\s*\\?[A-Za-z]+\s*\}))?)(?![A-Za-z(_])")


def _drawn_laws(text, kinds) -> list:
    r"""The keys of the laws the formula draws from (``y \sim \pi_\theta``), from its free reading's kinds when it
    has one, else as written in its subscripts."""
    if kinds:
        return [key for key, kind in kinds.items() if kind == "distribution"]
    return list(dict.fromkeys(_normal_name(found.group(1)) for found in DRAWN_FROM.finditer(text)))


def _decide_tagged_free(text, binding, unbound, reverse=True):
    """A tagged formula with names neither the result, the tag nor the shared notation binds.

    Such a name, a plain letter the formula uses as its own variable (a sum's bound k, a step t,
    a free parameter \\lambda, a bold vector x), is read as the untagged checker reads it
    (:mod:`derive.docs.free`): a real number, a vector over the result's dimension, or the size
    of the vectors, claimed for all its values, while every name the tag or the result gives keeps
    its meaning. The formula PASSes on the first of the domains of :func:`free_domains` where it
    holds for all of them; it FAILs only when every domain where its sides have values refutes it
    and the freed names are on both sides of every link (otherwise it may be an equation in them,
    or state a particular value).
    """
    from derive.docs.free import NotIdentity, Unbalanced, free_reading
    from derive.docs.tags import FunctionClause, _is_one_symbol
    from derive.docs.untagged import KNOWN_FUNCTIONS

    first = Verdict(UNKNOWN, str(unbound))
    lonely, refutable = set(), True
    defined = frozenset(c.name for c in binding.clauses if isinstance(c, FunctionClause))  # RoPE(x, m) = ...: applied
    try:
        kinds = free_reading(text, KNOWN_FUNCTIONS, set(defined), functions=defined)
    except Unbalanced as why:
        kinds, lonely = why.kinds, set(why.lonely)
    except NotIdentity:
        kinds, refutable = {}, False
    except Exception:  # unreadable: the first reading says why
        return first
    renamed = set()  # "y_i = t": the tag says t is a name of the result, not a variable of the formula
    for latex in binding.overrides.values() if binding.result else ():  # no result: d_attn = d_model, a variable
        try:
            if _is_one_symbol(latex):
                renamed.add(_normal_name(latex))
        except Exception:  # an expression, not one name
            continue
    parameters = {p for clause in binding.clauses for p in getattr(clause, "params", ())}
    declared = tag_variables(binding)
    # s_i = \frac{e^{x_i}}{\sum_j e^{x_j}} in the tag: its entries, so the formula's s is that vector, no variable
    by_entries = {
        _indexed_name(key)
        for latex, body in binding.overrides.items()
        if ONE_ENTRY.fullmatch(latex)
        and not re.search(r"_\s*(?:\{\s*\d+\s*\}|\d+)\s*$", latex)  # u_2 = u_0 - ...: one numbered term, no entries
        and (key := _name_or_none(latex))
        and "_" in key
        and not _writes_bare(_indexed_name(key), body)  # g_i = g: every entry is the number g, a name of its own
    }
    freed: dict = {}
    pending = [unbound.name]  # names to free next
    retyped: set = set()  # names read again as vectors
    from_definitions: dict = {}  # names only the tag's definitions write (derive.docs.tag_inputs)
    for _ in range(10):
        for name in pending:
            keys = _free_keys(name, kinds) if kinds else []
            if (
                (
                    name in NOT_FREE
                    and name not in declared  # the tag's ad - bc \neq 0 writes d as a name of its own
                    and _written_kind(name, text) != "count"
                    and not _identity_as_number(name, text)
                    and not _divergence_as_number(name, text)
                    and not _bare_letter_as_number(name, text)
                    and not _differentiated_by(name, text)
                )
                or name in renamed
                or name in by_entries
                or not keys
                and not PLAIN_NAME.fullmatch(name)
            ):
                return first
            if not keys and kinds and re.search(_spelling(name.split("_")[0]), text) and not _labelled(name):
                inputs = definition_inputs(name, binding, defined)
                if not inputs:
                    return first  # the formula's, not a variable
                # X_2 in the tag's Y_2 = X_2 + G(X_1) beside the formula's X_1: an input of the tag's definitions
                freed.update(inputs)
                from_definitions.update(inputs)
                continue
            if name in parameters and not _written(name.split("_")[0], text):
                return first  # a parameter of the tag's function left unbound: its application was not read, not a variable
            for key in keys or [name]:
                freed[key] = kinds.get(key) or _written_kind(name, text)
        pending = []
        verdicts = []  # (domain, verdict) on each domain tried where the sides have values
        unchecked = []  # (domain, why) for each domain that says nothing of it (no_evidence)
        drawn = sum(kind not in ("count", "distribution") for kind in freed.values())  # the others keep their range
        try:
            for words, sampler in free_domains(drawn):
                domain_binding = dataclasses.replace(
                    binding, free={key: (kind, sampler) for key, kind in freed.items()}
                )
                verdict = _guarded(text, domain_binding, None, reraise_unbound=True)
                if verdict.verdict == PASS:
                    break
                if no_evidence(verdict):
                    unchecked.append((words, verdict.detail))
                    continue
                verdicts.append((words, verdict))
                if verdict.verdict != FAIL and not few_values(verdict):
                    break  # the checker cannot read it: the same on every domain
            if verdict.verdict != PASS and unchecked and verdicts:
                verdict = verdicts[-1][1]  # the last domain where the sides have values speaks for them
            whole = verdict.verdict == UNKNOWN and NOT_A_VALUE.search(verdict.detail) is not None
            if whole:  # P(X = k) under a discrete law: k is one of the values X takes, a whole number
                words, sampler = WHOLE_VALUES
                domain_binding = dataclasses.replace(
                    binding, free={key: (kind, sampler) for key, kind in freed.items()}
                )
                verdict = _guarded(text, domain_binding, None, reraise_unbound=True)
                verdicts = [(words, verdict)]
        except Unbound as again:
            written = _free_keys(again.name, kinds) if kinds else []
            if again.name in freed or again.name in pending or written and set(written) <= set(freed):
                # X again after the formula's X_1 is freed: X_2 in the tag's definitions, an input of them
                inputs = definition_inputs(again.name, binding, defined)
                inputs = {key: kind for key, kind in inputs.items() if key not in freed}
                if inputs:
                    freed.update(inputs)
                    from_definitions.update(inputs)
                    pending = []
                    continue
            if again.name in freed or again.name in pending:
                return first
            pending = [again.name]
            continue
        if verdict.verdict == UNKNOWN and "shapes as written" in verdict.detail:
            # E_{y \sim \pi_\theta} beside a tag's J(\theta) = \sum_y \pi_\theta(y) R(y): the law the formula draws from
            laws = [key for key in _drawn_laws(text, kinds) if key not in freed]
            if laws:
                freed.update(dict.fromkeys(laws, "distribution"))
                continue
            # \operatorname{softmax}(z) for a name z nothing gives a kind: z is a vector
            guessed = [key for key, kind in freed.items() if kind == "real" and key not in kinds and key not in retyped]
            if guessed:
                retyped.update(guessed)
                freed.update({key: "vector" for key in guessed})
                continue
        arbitrary = ARBITRARY_READ.match(verdict.detail)
        sequences = arbitrary.group(1).split(", ") if arbitrary else []
        if (
            verdict.verdict != PASS
            and sequences
            and not set(sequences) & set(freed)
            and all(_free_keys(name, kinds) for name in sequences)
        ):
            pending = sequences  # S_k read as an arbitrary sequence: one more of the formula's own variables
            continue
        names = ", ".join(f"{key} (a {kind})" if kind != "real" else key for key, kind in sorted(freed.items()))
        if from_definitions and (verdict.verdict == FAIL or any(v.verdict == FAIL for _, v in verdicts)):
            return Verdict(
                UNKNOWN,
                f"with {names} read as the formula's own variables, it is refuted ({verdict.detail}); but"
                f" {', '.join(sorted(from_definitions))}, written only in the tag's definitions, may be particular"
                " values the author does not state",
            )
        unstated = _unstated_derivative(text, freed, binding) if verdict.verdict in (PASS, FAIL) else None
        if unstated:
            return Verdict(
                UNKNOWN,
                f"{unbound}; the formula differentiates {unstated}, a function the tag does not state: read as a"
                f" number, its derivative would be 0",
            )
        if verdict.verdict == PASS:
            excluded = _values_excluded(binding, freed) if verdicts and verdicts[0][1].verdict == FAIL else None
            if excluded:  # \alpha \neq 0: every other value is meant, and one the first domain draws refutes it
                return Verdict(
                    FAIL,
                    f"with {names} read as the formula's own variables and the tag's {excluded} claiming every other"
                    f" value, refuted for {verdicts[0][0]} (it holds for {words} only): {verdicts[0][1].detail}",
                )
            if verdicts and verdicts[0][1].verdict == FAIL:
                return Verdict(
                    UNKNOWN,
                    f"with {names} read as the formula's own variables, it holds for {words} only; it fails for"
                    f" {verdicts[0][0]} ({verdicts[0][1].detail}): say which values are meant",
                )
            doubt = commuting_only(
                text,
                freed,
                lambda each: _guarded(
                    text, dataclasses.replace(binding, free={key: (kind, sampler) for key, kind in each.items()}), None
                ),
            )
            if doubt is not None:
                return Verdict(UNKNOWN, f"with {names} read as the formula's own variables, it {doubt}")
            return dataclasses.replace(
                verdict, detail=f"with {names} read as the formula's own variables, for all {words}: {verdict.detail}"
            )
        refuting = [words for words, _ in verdicts]
        span = f"{words}" if whole else domains_named(refuting, unchecked) if refuting else ""
        last = "at one of them" if whole else f"for {refuting[-1]}" if refuting else ""
        if verdicts and all(v.verdict == FAIL for _, v in verdicts):
            arguments = sorted(
                key
                for key in freed
                if _only_an_argument(key, text) and not _applied_as_function(key, text, verdict, binding)
            )
            if "i" in freed and writes_i_as_a_factor(text):
                # (a + ib)(c + id) = (ac - bd) + i(ad + bc): a real i refutes what the imaginary unit holds
                return Verdict(
                    UNKNOWN,
                    f"with {names} read as the formula's own variables, it is refuted ({verdict.detail}); a free i may be"
                    " the imaginary unit, and complex values are not computed",
                )
            applied = sorted(key for key in freed if _word_applied(key, text))
            if applied:
                return Verdict(
                    UNKNOWN,
                    f"{applied[0]}(...) applies a function the tag does not define; read as a number multiplying"
                    f" the bracket the formula fails ({verdict.detail})",
                )
            if arguments:  # r_t(\theta), L^{CLIP}(\theta): quantities as functions of θ, not products with it
                return Verdict(
                    UNKNOWN,
                    f"{', '.join(arguments)} is written only as the argument of other names ({_applications(arguments[0], text)}):"
                    f" the quantities as functions of it, which the tag does not define; read as a number multiplying"
                    f" them the formula fails ({verdict.detail})",
                )
            if _on_both_sides(text, freed, lonely if refutable else None, binding):
                return Verdict(
                    FAIL,
                    f"with {names} read as the formula's own variables, refuted for {span}; {last}: {verdict.detail}",
                )
            if all(set(freed) <= refuted.unmoved for _, refuted in verdicts):
                # ∂L/∂L = 0, η^{K-i} r η^i = r: the sides keep their values whatever the name is, so no value solves it
                one = len(freed) == 1
                return Verdict(
                    FAIL,
                    f"with {names} read as the formula's own variables, refuted whatever"
                    f" {'value it takes' if one else 'values they take'}: the sides do not change with"
                    f" {'it' if one else 'them'}; {last}: {verdict.detail}",
                )
            unmoved = frozenset.intersection(*(refuted.unmoved for _, refuted in verdicts)) & set(freed)
            moving = {key: kind for key, kind in freed.items() if key not in unmoved}
            if unmoved and _on_both_sides(text, moving, lonely if refutable else None, binding):
                # (θ_2 - θ_0)/α = a + b with θ_2 = θ_0 - αa - αb: θ_0 cancels, so no value of it solves the formula,
                # and a, b, on both sides (or written by the tag only), are claimed for all their values
                return Verdict(
                    FAIL,
                    f"with {names} read as the formula's own variables, refuted for {span}: no value of"
                    f" {', '.join(sorted(unmoved))} solves it (the sides do not change with"
                    f" {'it' if len(unmoved) == 1 else 'them'}), and the others are claimed for all their values;"
                    f" {last}: {verdict.detail}",
                )
            holds = _reverse_holds(text, binding, unbound) if reverse else None
            if holds is not None:  # e^{2 \sin^2(\pi |x_1 - x_2| / p) / \ell^2} \le 1: true only where the sides meet
                return Verdict(
                    FAIL,
                    f"with {names} read as the formula's own variables, as a condition on them it holds at most where"
                    f" its sides are equal: the reverse inequality holds for every value ({holds}); {last}:"
                    f" {verdict.detail}",
                )
            return Verdict(
                UNKNOWN,
                f"{unbound}; read as the formula's own variables, {names} would refute it, but the formula may"
                f" be an equation in them ({verdict.detail})",
            )
        if verdict.verdict == FAIL:
            return Verdict(UNKNOWN, f"with {names} read as the formula's own variables, refuted on some domains only")
        return Verdict(UNKNOWN, f"{unbound}; with {names} read as the formula's own variables: {verdict.detail}")
    return first


def _reverse_holds(text, binding, unbound) -> str | None:
    """What shows that the formula's one inequality, reversed and not strict, holds for every value of the names
    nothing binds, or None when it is not one inequality or the reverse is not so decided."""
    from derive.docs.split_inequality import reversed_inequality

    reverse = reversed_inequality(text)
    if reverse is None:
        return None
    verdict = _decide_tagged_free(reverse, binding, unbound, reverse=False)
    return verdict.detail if verdict.verdict == PASS else None


def _without_subscripts(text: str) -> str:
    """The formula with every subscript (``_{j-i}``, ``_i``, ``_\\alpha``) left out: where an index is written."""
    out, k = [], 0
    while k < len(text):
        if text[k] != "_":
            out.append(text[k])
            k += 1
            continue
        k += 1
        while k < len(text) and text[k].isspace():
            k += 1
        if k < len(text) and text[k] == "{":
            depth = 0
            while k < len(text):
                depth += (text[k] == "{") - (text[k] == "}")
                k += 1
                if depth == 0:
                    break
        elif k < len(text) and text[k] == "\\":
            k += 1
            while k < len(text) and text[k].isalpha():
                k += 1
        else:
            k += 1
    return "".join(out)


I_AS_A_FACTOR = re.compile(
    r"(?<![\\A-Za-z_])(?:[A-Za-z0-9)]\s*)?i(?![A-Za-z])"  # bi, 2i, (..)i, or i itself ...
    r"(?:(?<=[A-Za-z0-9)]i)|(?=\s*(?:[A-Za-z(\[{^]|\\(?!(?:le|leq|ge|geq|in|ne|neq|to|mid|right|quad|qquad)(?![A-Za-z])))))"
)  # ... followed by what it multiplies: ib, i(ad + bc), i\theta, i^2


def writes_i_as_a_factor(text: str) -> bool:
    """Whether the formula writes i as the imaginary unit is written (a factor: ib, 2i, i(...), e^{i\\theta}, i^2),
    outside every subscript: an index i (R_{j-i}, \\eta^{K-i}) is never written multiplying."""
    return I_AS_A_FACTOR.search(_without_subscripts(text)) is not None


def _writes_bare(name: str, body) -> bool:
    """Whether a definition's body (its text) writes ``name`` alone, with no subscript: g in g_i = g."""
    if not isinstance(body, str) or "_" in name:
        return False
    return re.search(rf"{_spelling(name)}(?!\s*_)", body) is not None
