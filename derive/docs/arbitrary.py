"""Names of a tagged formula that nothing fixes: the tag's indexed definitions, arbitrary functions and sequences.

* An indexed definition in the tag, ``\\delta_t = r_t + \\gamma V(s_{t+1}) - V(s_t)``, defines δ at every step:
  δ_{t+1} is its body read with t+1 for t. A recursion (``s_t = \\gamma s_{t-1} + \\dots``) is unrolled down to a
  value the tag states (``s_{t-3} = 0``) or, when it states none, to the earliest step the formula names, where the
  value is arbitrary (any start value satisfies the recursion).
* A name nothing defines, applied to arguments (``f(x)``, ``V(s_t)``, labelled ``W^*_\\tau(\\theta)``) or indexed by
  steps (``r_t``, ``r_{t+1}``, ``g_{t, t-1}``), is an arbitrary function or sequence, read as a fixed generic smooth
  function of the arguments' values (seeded by its name). A formula that holds for it holds whatever the function is
  meant to be. A refutation is a FAIL only when the tag leaves the name arbitrary (it uses the name in its own
  definitions, or declares ``f: function``) and the arguments are not a conditional (``P(a | s)`` must be a
  distribution), or when the function is applied to the outcome an expectation draws (``\\mathbb{E}_{x \\sim p}[f(x)]``
  in a formula of equalities: a test function, for which an identity between expectations is claimed whatever it is);
  otherwise the author may mean a particular function, and the verdict is UNKNOWN with the function that refutes it. A
  lower-case name indexed beside a matrix the tag writes out with the same upper-case letter (``a_{ij}`` beside ``A``)
  names that matrix's entries, by convention (read by :mod:`derive.docs.written_entries`), and is never an arbitrary
  sequence.
"""

from __future__ import annotations

import dataclasses
import hashlib
import random
import re

import sympy as sp

from derive.docs.bind import BindError, NeedsConcrete
from derive.docs.drawn_policies import SHOWN, drawn_in_formula, normalised
from derive.docs.interpret import Atom, Side, TupleNode
from derive.docs.nodes import Integral, SumNode
from derive.docs.steps import template_items

MAX_UNROLLED_STEPS = 40
FUNCTION_OF = re.compile(
    r"^(?:an?\s+)?(?:(?:unknown|arbitrary|smooth|differentiable|positive)\s+)*function\s+of\s+(?P<names>.+)$",
    re.IGNORECASE,
)
TERM = re.compile(r"\d+|[A-Za-z]")
VECTOR_MARKS = re.compile(r"\\(?:mathbf|boldsymbol|bm)(?![A-Za-z])|\^\s*\{?\s*(?:\\top|\\intercal|T)(?![A-Za-z])")


class ArbitraryError(BindError):
    """An indexed definition that cannot be unrolled (a recursion that reaches no stated value)."""


def is_step_expression(text: str) -> bool:
    """Whether a subscript is a step written with letters and whole numbers: t, t+1, t-3, t+l, 0."""
    terms = re.split(r"[+-]", text.replace(" ", ""))
    return bool(terms) and all(TERM.fullmatch(term) for term in terms)


def step_value(reader, text: str):
    """The value of a step expression: letters are the formula's indices (or bound variables), numbers themselves."""
    text = text.replace(" ", "")
    value = sp.Integer(0)
    for sign, term in re.findall(r"([+-]?)(\d+|[A-Za-z])", text):
        part = sp.Integer(int(term)) if term.isdigit() else _step_letter(reader, term)
        value += -part if sign == "-" else part
    return value


def function_of(kind: str) -> list[str] | None:
    """The names a kind ``function of \\theta`` (``of \\theta, s``, ``of \\theta and s``) adds to the written
    arguments, as written; None for any other kind."""
    found = FUNCTION_OF.match(" ".join(kind.replace("$", " ").split()))
    if not found:
        return None
    names = [name.strip() for name in re.split(r",|\band\b", found.group("names"))]
    return names if names and all(names) else None


def _declared_function_of(reader, atom: Atom):
    """(sides of the further arguments, positive) when the tag declares ``atom``'s name a function of further names
    (``\\pi_\\theta(a | s): function of \\theta``, with ``\\pi_\\theta(a | s) > 0`` a positive one), else None."""
    for name in (*atom.full_keys(), atom.key):
        if name in reader.function_of:
            return reader.function_of[name]
    return None


def is_declared_function_of(atom: Atom, reader) -> bool:
    """Whether ``atom`` applies a name the tag declares a function of further names: an unknown smooth function of
    its written arguments and those names."""
    return (reader.arbitrary_allowed or reader.declared_only) and _declared_function_of(reader, atom) is not None


def _further_arguments(reader, atom: Atom) -> list:
    declared = _declared_function_of(reader, atom)
    return declared[0] if declared else []


def _declared_positive(reader, atom: Atom) -> bool:
    declared = _declared_function_of(reader, atom)
    return bool(declared and declared[1])


def _sums_or_expects(reader) -> bool:
    """Whether the formula sums, integrates or takes an expectation anywhere (where a law's total may matter)."""
    return any(
        re.search(r"\\(?:sum|prod|int|mathbb\s*\{\s*E|operatorname\s*\{\s*E)|\\E(?![A-Za-z])|\bE_", side.text)
        or any(isinstance(node, (SumNode, Integral)) for node in side.table.values())
        for side in reader.formula_sides
    )


def _step_letter(reader, letter: str):
    """A letter of a step: a size of the notation (Adam's step t) as its value at the point, else an index."""
    if letter in reader.vocab.dims and letter not in reader.bound and letter not in reader.index_map:
        if letter in reader.whole_steps and reader.vocab.dims[letter] not in reader.dims:
            raise NeedsConcrete()  # a recursion unrolled at whole-number steps: read at each point only
        return reader._scalar(reader.dim_value(reader.vocab.dims[letter]))
    return reader.index(letter)


# --- generic functions -------------------------------------------------------------------------


def _coefficient(rng, low, high):
    return sp.Rational(rng.randint(int(low * 100), int(high * 100)), 100)


def generic_function(name: str, arity: int, positive: bool, family: int = 0):
    """A fixed smooth function of ``arity`` real arguments with coefficients seeded by ``name`` (positive if asked),
    of the ``family`` asked: 0 a sine beside a quartic, 1 an arctangent beside an exponential (another shape, for a
    claim that must hold for every function)."""
    rng = random.Random(hashlib.sha256((name if not family else f"{name}#{family}").encode()).hexdigest())
    slopes = [_coefficient(rng, 0.5, 1.9) for _ in range(arity)]
    weights = [_coefficient(rng, 0.3, 1.3) for _ in range(arity)]
    phase, curve, tilt = _coefficient(rng, 0.1, 0.9), _coefficient(rng, 0.1, 0.5), _coefficient(rng, 0.1, 0.6)

    def function(*values):
        line = sum((s * v for s, v in zip(slopes, values)), phase)
        square = sum((w * v for w, v in zip(weights, values)), sp.Integer(0))
        if family:
            value = sp.atan(line) + curve * sp.exp(square / 3) - tilt * sum(values, sp.Integer(0))
        else:
            value = sp.sin(line) + curve * square**2 / 4 - tilt * sum(values, sp.Integer(0))
        return sp.exp(value / 2) if positive else value

    return function


POSITIVE_NAMES = ("p", "P", "q", "Q", "pi", "rho")  # names authors give to probabilities and densities


def _describe(name: str, function, arity: int, variable: str) -> str:
    symbols = sp.symbols(" ".join(f"{variable}{k + 1}" for k in range(arity))) if arity > 1 else [sp.Symbol(variable)]
    symbols = list(symbols) if isinstance(symbols, (tuple, list)) else [symbols]
    return f"{name}({', '.join(map(str, symbols))}) = {sp.sstr(function(*symbols))}"


def _record(reader, name: str, description: str, may_fail: bool):
    before = reader.arbitrary.get(name)
    reader.arbitrary[name] = (description, may_fail or (before is not None and before[1]))


def _in_tag(reader) -> bool:
    """Whether the reader is inside one of the tag's definitions (its overrides or functions)."""
    return bool(reader._overriding)


# --- arbitrary functions and sequences -----------------------------------------------------------


def _declared_elsewhere(reader, atom: Atom) -> bool:
    """Whether the tag says something about the name (V(S_t): real): then it is not arbitrary."""
    names = {atom.key, *atom.full_keys()}
    tables = (reader.overrides, reader.extra, reader.vocab.entries)
    return any(str(k).startswith(tuple(f"{n}(" for n in names)) for table in tables for k in table)


def _shared_vector(reader, key: str) -> bool:
    """Whether ``key`` is one of the shared notation's own vectors (x, y, z, g), not a name the tag declares."""
    from derive import notation
    from derive.docs.bind import Vec

    meaning = reader.vocab.entries.get(key)
    if not isinstance(meaning, tuple) or meaning[0] != "vec":
        return False
    try:
        value = meaning[1](reader)
    except Exception:  # not a plain vector after all
        return False
    shared = {getattr(notation, name, None) for name in ("x", "y", "z", "g", "p", "q")} - {None}
    return isinstance(value, Vec) and value.base in shared


def _named(reader, atom: Atom) -> bool:
    """Whether the tag or the vocabulary gives the name with its subscript (x_t, \\delta_t) a meaning of its own."""
    tables = (reader.overrides, reader.extra, reader.vocab.entries)
    return any(key in table for key in atom.full_keys() for table in tables)


def _entries_of_a_written_matrix(reader, atom: Atom) -> bool:
    """Whether ``a_{ij}`` names the entries of a matrix A the tag writes out (A = (a_{ij}), by convention)."""
    if atom.args or not atom.sub or len(atom.key) != 1 or not atom.key.islower():
        return False
    body = reader.overrides.get(atom.key.upper())
    return isinstance(body, Side) and any(isinstance(node, TupleNode) and node.columns for node in body.table.values())


def may_be_arbitrary(atom: Atom, reader) -> bool:
    """Whether an unbound name can be read as an arbitrary function (applied) or sequence (indexed by steps)."""
    if is_declared_function_of(atom, reader):
        return True  # the tag's "function of \\theta": an unknown function, however it is decorated
    if reader.declared_only:  # a link read apart from its chain: a function the tag declares any function only
        declared = {atom.key, *atom.full_keys()} & reader.declared_functions
        return bool(atom.args and declared) and all(sep in (",", "|", ";") for sep in atom.seps)
    if not reader.arbitrary_allowed or atom.post_sub or atom.transpose:
        return False
    if _written_application(reader, atom) is not None:
        return True  # df/d\theta beside f(\theta): the function at the arguments the formula writes
    if (atom.decoration and not _label(atom) or atom.star) and not atom.args:
        return False  # x^*, \pi^{ref} alone: a particular value, no function; v^{(1)}_i is the sequence v^{(1)}
    if _declared_elsewhere(reader, atom) or _entries_of_a_written_matrix(reader, atom):
        return False
    if atom.args:
        return all(sep in (",", "|", ";") for sep in atom.seps)  # P(τ; θ): θ a parameter, an argument too
    # a step relative to a letter (r_t, r_{t+1}); x_1 or \delta_3 alone is more likely a constant the author named,
    # unless the tag declares the sequence (u_t \in \mathbb{R} beside s_t = s_{t-1} + u_t: u_2 is its term at step 2)
    steps = bool(atom.sub) and all(is_step_expression(item) for item in atom.sub)
    lettered = any(re.search(r"[A-Za-z]", item) for item in atom.sub)
    return steps and (atom.key in reader.sequences or lettered or _defined_through_the_sequence(reader, atom))


def _defined_through_the_sequence(reader, atom: Atom) -> bool:
    """Whether a definition of the tag writes the name at a letter's step, written as the formula writes it (the
    tag's o^{(j)} = 2 v^{(j)} beside the formula's v^{(1)}): the formula's term is that sequence's at its step."""
    for body in reader.overrides.values():
        if not isinstance(body, Side):
            continue
        for node in body.table.values():
            if (
                isinstance(node, Atom)
                and node.key == atom.key
                and not node.args
                and bool(node.step) == bool(atom.step)
                and len(node.sub) == len(atom.sub)
                and any(re.search(r"[A-Za-z]", item) for item in node.sub)
            ):
                return True
    return False


def _label(atom: Atom) -> bool:
    """Whether the name's superscript is a label in parentheses (v^{(1)}, x^{(t)}): part of a name of its own."""
    return atom.decoration.startswith("(")


def _uses_as_sequence(reader, key: str) -> bool:
    """Whether the formula or the tag writes ``key`` at a step shifted from a letter (g_{t-1}, g_{t, t-1}); z_1 is an entry."""
    tables = [side.table for side in reader.formula_sides]
    tables += [body.table for body in reader.overrides.values() if isinstance(body, Side)]
    for table in tables:
        for node in table.values():
            if isinstance(node, Atom) and node.key == key and node.sub and not node.args:
                shifted = any(re.search(r"[A-Za-z]", item) and re.search(r"[+-]", item) for item in node.sub)
                shifted = shifted or any(item in reader.whole_steps for item in node.sub)  # g_t beside v_t from v_0
                if shifted and all(is_step_expression(item) for item in node.sub):
                    return True
    return False


def is_shared_sequence(atom: Atom, reader) -> bool:
    """Whether ``atom`` is a vector of the shared notation (g) that the formula indexes by steps (g_{t-1}): a sequence.

    The shared notation's vectors are generic vectors over n entries; written with steps before and after the
    current one, the name is a sequence over all steps, read as an arbitrary sequence at every use.
    """
    if not reader.arbitrary_allowed or reader.vocab.name or atom.args or not atom.sub or atom.decoration:
        return False
    if atom.key in reader.overrides or atom.key in reader.extra or not _shared_vector(reader, atom.key):
        return False
    if _named(reader, atom):  # x_t: real in the tag names x_t itself
        return False
    if not all(is_step_expression(item) for item in atom.sub):
        return False
    if atom.key not in reader.shared_sequences:
        reader.shared_sequences[atom.key] = _uses_as_sequence(reader, atom.key)
    return reader.shared_sequences[atom.key]


def _of_drawn_outcomes(reader, atom: Atom) -> bool:
    """Whether an unknown function is applied to outcomes an expectation draws (E_{x∼p}[f(x)], Σ_x p(x) f(x)) in a
    formula of equalities only: a test function, any function of the outcome, for which the identity is claimed."""
    from derive.docs.bind import single_atom

    if not atom.args or any(relation != "=" for relation in reader.formula_relations):
        return False
    if atom.key in POSITIVE_NAMES:  # p(x) is a probability: a particular law, which no generic function is
        return False
    arguments = [single_atom(argument) for argument in atom.args]
    return all(
        argument is not None and argument.args is None and not argument.sub and argument.key in reader.outcomes
        for argument in arguments
    )


def _argument_values(reader, argument: Side) -> list:
    r"""The numbers an arbitrary function takes for one argument: the argument, or the entries of a vector or matrix
    (a(\mathbf{q}, \mathbf{k}_i), a score of two vectors, is a function of their entries)."""
    from derive.docs.values import as_value, scalarise

    value = scalarise(as_value(reader.side(argument)))
    return list(value) if isinstance(value, sp.MatrixBase) else [reader._scalar(value)]


def _written_application(reader, atom: Atom) -> Atom | None:
    """The one application the formula writes of an unknown function it names bare (f(\\theta) beside df/d\\theta),
    when the untagged formula's unknown functions are read generic or the tag declares the name any function (g:
    function); else None."""
    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in

    unknown = atom.key in reader.generic_functions or atom.key in reader.any_functions
    if atom.args is not None or atom.sub or atom.decoration or not unknown:
        return None
    written = {}
    for found in atoms_in(reader.formula_sides, child_sides):
        if found.key == atom.key and found.args and not found.sub and not found.decoration:
            written[tuple(argument.source for argument in found.args), tuple(found.seps)] = found
    return next(iter(written.values())) if len(written) == 1 else None


def any_function_of_the_tag(reader, atom: Atom) -> bool:
    """Whether the atom applies a name the tag declares any function (g: function) at numbers, or names it bare beside
    its one such application (dg/dx beside g(x)): that unknown function, never a meaning the shared notation gives the
    letter. At a vector (g(w) for a generator) the function may be vector-valued, which an arbitrary one is not."""
    if atom.key not in reader.any_functions or atom.key in reader.overrides or not may_be_arbitrary(atom, reader):
        return False
    from derive.docs.values import Vec

    if any(VECTOR_MARKS.search(side.written) for side in reader.formula_sides):
        return False  # J_w^T y beside g(w) \cdot y: a formula of vectors, where g may be vector-valued
    application = _written_application(reader, atom) or atom
    try:
        values = [reader.side(argument) for argument in application.args or []]
    except BindError:
        return False
    return not any(isinstance(value, (Vec, sp.MatrixBase)) for value in values)


def read_arbitrary(reader, atom: Atom, side: Side):
    """The value of an arbitrary function at its arguments' values, or of an arbitrary sequence at its steps."""
    atom = _written_application(reader, atom) or atom
    further = _further_arguments(reader, atom)
    if atom.args or further:
        name = seed = atom.full_keys()[0] if atom.full_keys() else atom.key
        values = [value for argument in [*(atom.args or []), *further] for value in _argument_values(reader, argument)]
        if _member_of_a_summed_family(reader, atom):  # f_i(x) under \sum_i: the member at i, a function of i too
            seed = atom.key  # f_i and f_j under two sums: one family
            values = [step_value(reader, item) for item in atom.sub] + values
        # a declared function of θ conditioned on s, π_θ(a | s): its value and derivatives at one outcome a are
        # free (other outcomes make up the total), so a pointwise identity refuted for it is refuted for a policy;
        # an inequality (π ≤ 1) or a sum over outcomes may use that it is a distribution
        pointwise = not _sums_or_expects(reader) and all(r == "=" for r in reader.formula_relations)
        conditional = "|" in atom.seps and not (further and pointwise)
        variable = "x"
    else:
        name = f"{atom.key}^{atom.decoration}" if _label(atom) else atom.key
        values = [step_value(reader, item) for item in atom.sub]
        term = f"{name}_{values[0]}" if len(values) == 1 and isinstance(values[0], sp.Integer) else None
        if term in reader.extra:  # g_1: real in the tag is the sequence's term at step 1, not a number beside it
            return reader.extra[term]
        seed = name
        conditional = False
        variable = "k"
    positive = atom.key in POSITIVE_NAMES or _declared_positive(reader, atom)
    function = generic_function(seed, len(values), positive, reader.family_of.get(name, reader.generic_family))
    may_fail = not conditional and (
        _in_tag(reader)
        or name in reader.declared_functions
        or name in reader.tag_variables  # h_{t-1} \\neq \\tilde h_t: any sequence the tag's clause allows
        or _of_drawn_outcomes(reader, atom)
    )
    applied = bool(atom.args or further)
    shown = f"{name}_{{{variable}}}" if not applied and len(values) == 1 else name
    description = _describe(shown, function, len(values), variable) if applied or len(values) > 1 else None
    if description is None:
        description = f"{name}_{variable} = {sp.sstr(function(sp.Symbol(variable)))}"
    policy = applied and "|" in atom.seps and positive and further and drawn_in_formula(reader, name)
    if policy:  # π(z | x): function of θ, drawn from (z \sim π(· | x)): normalised over the outcomes, a law
        description, may_fail = SHOWN.format(name), _in_tag(reader) or name in reader.declared_functions
    _record(reader, name, description, may_fail)
    free = set().union(*(sp.sympify(value).free_symbols for value in values))
    if any(not isinstance(symbol, sp.Dummy) for symbol in free):  # a_{ij} under Σ_j runs over a sum's index only
        reader.applied_at_variables.add(name)
    return normalised(reader, function, values) if policy else function(*values)


def _member_of_a_summed_family(reader, atom: Atom) -> bool:
    """Whether an applied name's subscript is a step a sum runs over (f_i(x) under Σ_i), or one the tag draws at random
    (i \\sim \\text{Uniform}\\{1, \\ldots, n\\}): a member of a family, each member a function of its own, never one
    function whatever the index."""
    return bool(atom.sub) and all(
        is_step_expression(item)
        and any(
            letter in reader.bound or reader.drawn_index(letter) is not None for letter in re.findall(r"[A-Za-z]", item)
        )
        for item in atom.sub
    )


def only_at_numbers(reader) -> bool:
    """Whether every arbitrary function the reader made up was applied at numbers (f(2)) or at the index of a sum
    (Σ_{j ≠ 2} |a_{2j}|) only, never at a free variable: the formula then speaks of particular values of the function."""
    return not reader.applied_at_variables


# --- the tag's indexed definitions -------------------------------------------------------------


def _indexed_overrides(reader, key: str):
    """(subscript items, body) for each of the tag's definitions of ``key`` with a subscript (δ_t, s_{t-3})."""
    found = []
    for name, body in reader.overrides.items():
        if not isinstance(body, Side) or not isinstance(name, str):
            continue
        if name.startswith(f"{key}_") and "(" not in name:
            items = name[len(key) + 1 :].split(",")
        elif name.startswith(f"{key}^(") and name.endswith(")") and name.count("(") == 1:  # \eta^{(t)}: a step
            items = name[len(key) + 2 : -1].split(",")
        elif LABELLED_STEPS.fullmatch(name[len(key) :]) and name.startswith(f"{key}^("):  # \hat{o}^{(j)}_n
            above, below = LABELLED_STEPS.fullmatch(name[len(key) :]).groups()
            items = [*above.split(","), *below.split(",")]
        else:
            continue
        if all(is_step_expression(item) for item in items):
            found.append((items, body))
    return found


LABELLED_STEPS = re.compile(r"\^\(([^()]+)\)_(.+)")  # ^(j)_n: the steps of \hat{o}^{(j)}_n, above and below


def _steps(reader, atom: Atom) -> list:
    """The steps an atom is written at: its subscript's items, after those of a bracketed superscript when the tag
    defines its name at steps written both ways (\\hat{o}^{(1)}_n at 1 and n for the tag's \\hat{o}^{(j)}_n)."""
    above = LABELLED_STEPS.fullmatch(f"^{atom.decoration}_{atom.sub_text}") if atom.sub else None
    written_both_ways = any(
        isinstance(name, str) and name.startswith(f"{atom.key}^(") and LABELLED_STEPS.fullmatch(name[len(atom.key) :])
        for name in reader.overrides
    )
    return [*above.group(1).split(","), *atom.sub] if above and written_both_ways else list(atom.sub)


def labelled_at_step(reader, atom: Atom) -> Atom:
    """``atom`` labelled by the value of a step the definition being read binds (\\hat{v}^{(j)}_i in the body of
    the tag's \\hat{o}^{(j)}_n read at j = 1 is \\hat{v}^{(1)}_i), else as it is."""
    found = re.fullmatch(r"\(([A-Za-z])\)", atom.decoration or "")
    if found is None or found.group(1) not in reader.template_letters:
        return atom
    value = reader.bound.get(found.group(1))
    if not isinstance(value, sp.Integer):
        return atom
    return dataclasses.replace(atom, decoration=f"({value})")


def _is_template(items, body, key) -> bool:
    """Whether a definition of ``key`` at ``items`` holds at every step: items letters (δ_t), or letters moved by whole
    numbers in a recursion (x_{i,k+1} = x_{i,k} - ...); otherwise it states a value at one step (s_{t-3} = 0)."""
    found = template_items(items)
    if not found:
        return False
    if _another_label(body, key, {letter for letter, _ in found}):
        return False  # r_w = r_l: two labelled values said equal, not a recursion over w
    return all(offset == 0 for _, offset in found) or _names_itself(body, key)


def _another_label(body: Side, key: str, letters: set) -> bool:
    """Whether the body is the same name at other letters only (r_l for r_w): a labelled value, not a step."""
    nodes = [node for node in body.table.values() if isinstance(node, Atom)]
    if len(nodes) != 1 or len(body.table) != 1:
        return False
    node = nodes[0]
    items = [str(item).strip() for item in node.sub]
    return (
        node.key == key
        and not node.args
        and not node.step
        and bool(items)
        and all(re.fullmatch(r"[A-Za-z]", item) for item in items)
        and not set(items) & letters
    )


def _templates(reader, key):
    """(items, body) of the tag's definitions of ``key`` at every step (see :func:`_is_template`)."""
    return [(items, body) for items, body in _indexed_overrides(reader, key) if _is_template(items, body, key)]


def _at_formula_level(reader, compute):
    """``compute()`` with the steps bound by the definitions being unrolled set aside (the formula's own t)."""
    saved = dict(reader.bound)
    for letter in reader.template_letters:
        reader.bound.pop(letter, None)
    try:
        return compute()
    finally:
        reader.bound = saved


def _same(a, b) -> bool:
    return sp.expand(a - b) == 0


def _names_itself(body: Side, key: str) -> bool:
    return any(isinstance(node, Atom) and node.key == key and node.sub for node in body.table.values())


def _earliest_step(reader, key: str, count: int):
    """The earliest steps (one value per subscript item) at which the formula names ``key``, all a whole number apart
    item by item, or None.

    None also when the formula names ``key`` at one step only: it then relates no two steps of the recursion, and
    the step it names may be meant to come after the start (s_t ≥ 0 for s_t = s_{t-1}²).
    """
    steps = []
    for side in reader.formula_sides:
        for node in side.table.values():
            if isinstance(node, Atom) and node.key == key and len(node.sub) == count and not node.args:
                try:
                    steps.append(
                        _at_formula_level(reader, lambda node=node: tuple(step_value(reader, i) for i in node.sub))
                    )
                except Exception:  # a step bound by a sum: not a step of the formula itself
                    continue
    if len({sp.srepr(step) for step in steps}) < 2:  # named at one step only: that step need not be the start
        return None
    earliest = steps[0]
    for step in steps[1:]:
        gaps = [sp.expand(a - b) for a, b in zip(step, earliest)]
        if not all(gap.is_Integer for gap in gaps) or sum(1 for gap in gaps if gap != 0) > 1:
            return None  # steps apart by more than a whole number, or in two items at once
        if any(gap < 0 for gap in gaps):
            earliest = step
    return earliest


def applies_indexed_definition(atom: Atom, reader) -> bool:
    """Whether ``atom`` (δ_{t+1}) is an instance of a definition the tag states with a subscript (δ_t)."""
    if atom.args or not atom.sub or not reader.overrides:
        return False
    if _named(reader, atom):
        return False  # the tag's own δ_t, or a name it declares (0 < \\bar\\alpha_{t-1} < 1): read as written
    steps = _steps(reader, atom)
    return any(len(items) == len(steps) for items, _ in _templates(reader, atom.key)) and all(
        is_step_expression(item) for item in steps
    )


def _steps_as_written(reader, steps) -> list:
    """The values of written steps (j-i, t+1) read as expressions, as a body that writes their letters reads them."""
    from derive.docs.interpret import Rewriter, clean, lex

    return [reader.side(Rewriter().side(clean(lex(str(step))))) for step in steps]


def _labelled_steps(items) -> tuple | None:
    """(labels, steps) for subscript items that open with words and end with steps (``\\Theta, j-i``), else None."""
    count = 0
    while count < len(items) and re.fullmatch(r"[A-Za-z]{2,}", str(items[count]).strip()):
        count += 1
    steps = [str(item).strip() for item in items[count:]]
    if not count or not steps or not all(is_step_expression(step) for step in steps):
        return None
    return tuple(str(item).strip() for item in items[:count]), steps


def _labelled_template(reader, atom: Atom):
    """(letters, written steps, body) when ``atom`` (R_{\\Theta, j-i}) is an instance of a definition the tag states
    at the same words and at letters (R_{\\Theta, i} = ...); None otherwise, and for a recursion."""
    if atom.args or not atom.sub or not reader.overrides or _named(reader, atom):
        return None
    written = _labelled_steps(atom.sub)
    if written is None or atom.decoration and not atom.decoration.startswith("("):
        return None
    labels, steps = written
    head = f"{atom.key}^{atom.decoration}_" if atom.decoration else f"{atom.key}_"  # R^{(d)}_{\Theta, i}: R^(d)
    for name, body in reader.overrides.items():
        if not isinstance(body, Side) or not isinstance(name, str) or not name.startswith(head):
            continue
        stated = _labelled_steps(name[len(head) :].split(","))
        found = template_items(stated[1]) if stated and stated[0] == labels and len(stated[1]) == len(steps) else None
        letters = [letter for letter, offset in found or () if offset == 0]
        if found and len(set(letters)) == len(found) and not _names_itself(body, atom.key):
            return letters, steps, body
    return None


def applies_labelled_definition(atom: Atom, reader) -> bool:
    """Whether ``atom`` (R_{\\Theta, j-i}) is the tag's definition at words and a step (R_{\\Theta, i}) at another step."""
    return _labelled_template(reader, atom) is not None


def read_labelled_definition(reader, atom: Atom):
    """R_{\\Theta, j-i} from the tag's R_{\\Theta, i}: its body read with j - i for i, the step's letters read as the
    body reads its own (the tag's R_{\\Theta, i} itself is its body as written)."""
    letters, steps, body = _labelled_template(reader, atom)
    return _read_body_at(reader, letters, _steps_as_written(reader, steps), body)


def _read_body_at(reader, letters, values, body):
    """A definition's ``body`` read with its template ``letters`` bound to ``values``; the reader's bindings are
    restored afterwards."""
    saved_bound, saved_letters = dict(reader.bound), set(reader.template_letters)
    try:
        reader.bound.update(zip(letters, values))
        reader.template_letters |= set(letters)
        return _within_its_range(reader.side(body))
    finally:
        reader.bound, reader.template_letters = saved_bound, saved_letters


def _within_its_range(value):
    """A definition's value at a step, with no value (NaN) where a sum or product of it would run backwards.

    W_{i-2} from the tag's W_i = \\sum_{j=1}^{i} v_j is \\sum_{j=1}^{i-2} v_j: the definition covers i - 2 \\ge 0
    (W_0 the empty sum) and says nothing below, where SymPy's reversed sums (minus the terms between) or a loop's
    empty range would give W a value of their own; a point there is set aside, as one where a side has no value."""
    if not isinstance(value, sp.Basic):
        return value

    def guarded(total):
        dummies = {index for index, _, _ in total.limits}
        conditions = [sp.Ge(high - low + 1, 0) for _, low, high in total.limits]
        conditions = [c for c in conditions if c is not sp.true and not c.free_symbols & dummies]
        return sp.Piecewise((total, sp.And(*conditions))) if conditions else total

    return value.replace(lambda node: isinstance(node, (sp.Sum, sp.Product)), guarded)


def read_indexed_definition(reader, atom: Atom, side: Side):
    """δ_{t+1} from the tag's δ_t: its body with the step t+1; a recursion unrolled to a stated or a start value."""
    key = atom.key
    steps = [step_value(reader, item) for item in _steps(reader, atom)]
    for items, body in _indexed_overrides(reader, key):  # a value the tag states at a step (s_{t-3} = 0)
        if len(items) == len(steps) and not _is_template(items, body, key):
            stated = _at_formula_level(reader, lambda items=items: [step_value(reader, i) for i in items])
            if all(_same(a, b) for a, b in zip(stated, steps)):
                return reader.side(body)
    items, body = next((i, b) for i, b in _templates(reader, key) if len(i) == len(steps))
    letters = [letter for letter, _ in template_items(items)]
    bound_steps = [step - offset for step, (_, offset) in zip(steps, template_items(items))]
    stated_any = any(not _is_template(i, b, key) for i, b in _indexed_overrides(reader, key))
    start = reader.whole_starts.get(key)
    if start is not None and not stated_any:
        position, first = start
        if steps[position].is_Integer and int(steps[position]) <= first:
            # a recursion from the start the formula names (x^0_i): its value there is arbitrary
            if int(steps[position]) < first:
                raise ArbitraryError(f"{key} at a step before its start {first}")
            function = generic_function(key, len(steps), key in POSITIVE_NAMES)
            _record(reader, key, f"{_describe(key, function, len(steps), 'k')} at the start", True)
            return function(*steps)
    if _names_itself(body, key) and not stated_any:
        earliest = _earliest_step(reader, key, len(steps))
        if earliest is not None and all(_same(a, b) for a, b in zip(steps, earliest)):
            # a recursion with no stated start: its value at the earliest step the formula names is arbitrary
            function = generic_function(key, len(steps), key in POSITIVE_NAMES)
            if len(steps) == 1:
                _record(reader, key, f"{key}_k = {sp.sstr(function(sp.Symbol('k')))} at the first step", True)
            else:
                _record(reader, key, f"{_describe(key, function, len(steps), 'k')} at the first step", True)
            return function(*steps)
    if not _names_itself(body, key) and all(offset == 0 for _, offset in template_items(items)):
        # R_{j-i} from the tag's R_i: the step's letters read as the tag's own R_i reads its body's (a letter the
        # formula leaves free is then one number in both, never an index in one and a number in the other)
        bound_steps = _steps_as_written(reader, _steps(reader, atom))
    depth = reader.unrolled.get(key, 0)
    if depth >= MAX_UNROLLED_STEPS:
        raise ArbitraryError(
            f"the recursion for {key} does not reach a value the tag states within {MAX_UNROLLED_STEPS} steps"
        )
    reader.unrolled[key] = depth + 1
    reader._overriding.add(key)
    try:
        return _read_body_at(reader, letters, bound_steps, body)
    finally:
        reader.unrolled[key] = depth
        if depth == 0:
            reader._overriding.discard(key)
