"""The symbols a reading declares: the kinds a tag gives names, an untagged formula's own variables, and the names
a tag leaves free."""

from __future__ import annotations

import re

import sympy as sp

from derive import domain as dom
from derive.docs.arbitrary import function_of
from derive.docs.joint_law import tag_value_sets
from derive.docs.parameter_laws import declare_parameter_law, drawn_function_law, law_parameter
from derive.docs.side_names import _normal_name, function_key
from derive.docs.verdict import INTEGER_KINDS, KIND_SAMPLERS, VECTOR_KINDS, DecideError, kind_word


def _declare_kinds(reading):
    """The names the tag declares by kind (``x: real``, ``p: distribution``): a symbol or vector each, with its sampler."""
    from derive.docs.bind import _vec_entry

    _declare_family_members(reading)
    _sequences_of_definitions(reading)
    _declare_ranged_functions(reading)
    listed = tag_value_sets(reading.binding)
    for name, kind in reading.binding.kinds.items():
        key = _normal_name(name)
        word = kind_word(kind)
        if word in ("dimension", "size", "index", "random") or key in reading.sequences:
            continue  # a sequence's term b_t: the sequence b at step t, any real sequence (derive.docs.arbitrary)
        if word == "real" and _at_listed_indices(name, listed):
            # \theta_{s,a} \in \mathbb{R} with s and a listed: a real at each pair, any family the tag allows
            reading.functions.add(function_key(INDEX_PAIR.fullmatch(name.strip()).group(1)))
            continue
        if word == "function":  # an arbitrary function: any refutation with a function of its arguments is a FAIL
            reading.functions.add(function_key(name))
            continue
        further = function_of(kind)
        if further is not None and (parameter := drawn_function_law(key, further, reading.text)) is not None:
            declare_parameter_law(reading, key.split("(")[0], parameter)  # J(θ) = Σ_y π_θ(y) R(y) beside y ~ π_θ
            continue
        if further is not None:  # π_θ(a | s): function of θ: an unknown function of θ and of its written arguments
            _declare_function_of(reading, name, key, further, positive="positive" in kind.lower().split())
            continue
        if word not in KIND_SAMPLERS:
            raise DecideError(f"unknown kind '{kind}' for {name}; use one of {', '.join(sorted(KIND_SAMPLERS))}")
        if word == "distribution" and (parameter := law_parameter(key, reading.text)) is not None:
            declare_parameter_law(reading, key, parameter)  # \pi_\theta beside \nabla_\theta: a law moving with θ
            continue
        sampler = KIND_SAMPLERS[word](reading.vocab.size)
        if word in VECTOR_KINDS:
            base = sp.IndexedBase(f"doc_{key}", real=True)
            reading.extra_samplers[base] = sampler
            reading.overrides.setdefault(key, _vec_entry(base, row=word == "row vector"))
            continue
        # positive=False would declare the symbol ≤ 0 (|t| = -t): leave the sign open for a real
        symbol = sp.Symbol(
            f"doc_{key}",
            real=True,
            positive=True if word in ("positive", "scale", "temperature", "probability", "positive integer") else None,
            integer=True if word in INTEGER_KINDS else None,
        )
        reading.extra[key] = symbol
        reading.extra_samplers[symbol] = sampler
        # the tag's "x: real" is the document's meaning of x, before the vocabulary's (a vector x of the shared notation)
        reading.overrides.setdefault(key, ("scalar", lambda env, symbol=symbol: symbol))


# \theta_{s,a}: a name written at two or more index letters
INDEX_PAIR = re.compile(r"(.+?)_\s*\{\s*([a-z]'*(?:\s*,\s*[a-z]'*)+)\s*\}\s*")


def _at_listed_indices(name: str, listed: dict) -> bool:
    """Whether a name is written at two or more index letters whose values the tag lists (s \\in \\{1, 2\\})."""
    found = INDEX_PAIR.fullmatch(name.strip())
    return found is not None and all(letter.strip() in listed for letter in found.group(2).split(","))


SUMMED = re.compile(r"\\(?:sum|prod)\s*_\s*\{?\s*([A-Za-z])")  # the letter a sum or product runs over
FAMILY = re.compile(r"(.+)_\s*\{?\s*([a-z])\s*\}?\s*")  # w_j, \mathbf{w}_{j}: a name with one index letter


def _declare_family_members(reading):
    """``w_j: vector`` declares the family of vectors w_j: the w_k and w_{y_i} the formula also writes are members of
    it, of the same kind, each a name of its own (distinct indices, as a sum over j \\neq y_i states them). A family
    of reals written at a letter a sum or product runs over (``b_t \\in \\mathbb{R}`` beside ``\\sum_i b_i``), or in a
    definition the tag gives at every step of its letter (``s_t = s_{t-1} + u_t``), is a sequence: b_t is its term at
    step t, and the sequence is any one (``reading.sequences``)."""
    import dataclasses

    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in

    families = {}
    for name, kind in reading.binding.kinds.items():
        found = FAMILY.fullmatch(name.strip())
        # s_{a_m}: a name whose index is itself indexed, no family at one letter (its head s_{a would not close)
        if found and "(" not in name and found.group(1).count("{") == found.group(1).count("}"):
            families[_normal_name(found.group(1))] = (found.group(1), found.group(2), kind)
    if not families:
        return
    texts = [
        reading.text,
        *reading.binding.overrides.values(),
        *(getattr(c, "body", "") for c in reading.binding.clauses),
    ]
    # the letters sums and products run over: a family written at one of them is summed over (\sum_{j \neq y_i} w_j,
    # \sum_i b_i beside b_t \in \mathbb{R}), and one name cannot stand for its terms
    bound = {m.group(1) for text in texts for m in SUMMED.finditer(text or "")}
    try:
        atoms = [*atoms_in(reading.sides, child_sides), *_atoms_of_definitions(reading.binding)]
    except Exception:  # a part the grammar does not read: its members are not looked for, the reading reports it
        return
    summed_in_tag = {m.group(1) for text in texts[1:] for m in SUMMED.finditer(text or "")}
    for head, letter, kind in families.values():
        if letter in summed_in_tag and kind_word(kind) in VECTOR_KINDS:
            # L_i = \sum_{j \neq k} \max(0, w_j^T x_i - ...) with w_j: vector: one vector cannot stand for the terms
            raise DecideError(
                f"{head}_{letter} is declared as one vector, but the tag sums over {letter}: a family of vectors"
                f" {head}_1, {head}_2, ... indexed by the sum is not modelled"
            )
    for atom in atoms:
        if atom.key in families and set(re.findall(r"[A-Za-z]", atom.sub_text or "")) & bound:
            head, letter, kind = families.pop(atom.key)
            if kind_word(kind) == "real":  # b_t \in \mathbb{R} beside \sum_i b_i, a_i: real in \sum_i a_i: a sequence
                reading.sequences.add(_normal_name(f"{head}_{letter}"))
    # s_t = s_{t-1} + u_t beside u_t \in \mathbb{R}: a definition at every step t reads u at each step it is taken at
    steps = {found.group(2) for name in reading.binding.overrides if (found := FAMILY.fullmatch(name.strip()))}
    in_definitions = {atom.key for atom in _atoms_of_definitions(reading.binding)}
    for base, (head, letter, kind) in list(families.items()):
        if kind_word(kind) == "real" and letter in steps and base in in_definitions and letter not in bound:
            del families[base]
            reading.sequences.add(_normal_name(f"{head}_{letter}"))
    for base, (_, letter, _) in list(families.items()):
        if letter in bound:
            del families[base]
    if not families:
        return
    declared = {_normal_name(name) for name in reading.binding.kinds}
    members = {}
    for atom in atoms:
        family = families.get(atom.key)
        if family is None or not atom.sub_text or atom.args is not None or atom.decoration or atom.step:
            continue
        head, letter, kind = family
        member = f"{head}_{{{atom.sub_text}}}"
        if atom.sub_text.strip() != letter and _normal_name(member) not in declared:
            members[member] = kind
    if members:
        reading.binding = dataclasses.replace(reading.binding, kinds={**reading.binding.kinds, **members})


def _sequences_of_definitions(reading):
    """A name the tag's definition at every step writes at that same step, undeclared (h in s_t = \\rho s_{t-1} +
    (1 - \\rho) h_t^2), is a sequence: any one, its term at step t in the definition and at step 1 in s_1 = (1 - \\rho)
    h_1^2 (``reading.sequences``)."""
    from derive.docs.side_names import atoms_of_latex

    declared = {_normal_name(name) for name in reading.binding.kinds} | set(reading.vocab.entries)
    for name, body in reading.binding.overrides.items():
        found = FAMILY.fullmatch(name.strip())
        if not found or not isinstance(body, str):
            continue
        head, letter = found.group(1).strip(), found.group(2)
        if not _one_symbol(head):  # \Delta \mathbf{x}_t: a definition of a product of names, not of one sequence
            continue
        try:
            atoms = atoms_of_latex(body)
        except Exception:  # an unreadable body: its names are reported where it is read
            continue
        for atom in atoms:
            written = _normal_name(f"{atom.key}_{letter}") if atom.sub_text == letter else None
            if written and atom.key != _normal_name(head) and atom.key not in declared and not atom.args:
                reading.sequences.add(written)


def _one_symbol(latex: str) -> bool:
    from derive.docs.tags import _is_one_symbol

    try:
        return _is_one_symbol(latex)
    except Exception:  # not a name at all
        return False


def _atoms_of_definitions(binding) -> list:
    """The names the tag's definitions write (L_i = \\sum_{j \\neq y_i} \\max(0, w_j^T x_i - w_{y_i}^T x_i))."""
    from derive.docs.side_names import atoms_of_latex

    bodies = [*binding.overrides.values(), *(getattr(clause, "body", "") for clause in binding.clauses)]
    return [atom for body in bodies if body for atom in atoms_of_latex(body)]


def _declare_function_of(reading, name, key, further, positive=False):
    """The tag's ``F(ARGS): function of \\theta``: F an arbitrary function of its arguments and of θ (a positive one
    when the tag ranges its value above 0: ``F(ARGS) > 0``)."""
    from derive.docs.interpret import Rewriter, clean, lex
    from derive.docs.side_names import single_atom

    if "(" in name:
        atom = single_atom(Rewriter(reading.binding.log_base).side(clean(lex(name))))
        if atom is None or atom.args is None:  # Q^\pi(s, a) is read as a power of Q times a pair
            raise DecideError(
                f"{name.strip()} is not read as one function applied to its arguments, so not as a function of"
                f" {', '.join(further)}"
            )
    base = key.split("(")[0]
    reading.functions.update({key, base})
    sides = []
    for written in further:
        _normal_name(written)  # one name each, or a DecideError that says which is not
        entry = _entry_differentiated(reading.text, written)
        if entry is not None:  # z_l: function of X beside \partial X_j: F is read as a function of X alone
            raise DecideError(
                f"{name.strip()} is a function of {written} by the tag, and the formula differentiates by {entry}, an"
                f" entry of {written}: how {name.strip()} varies with one entry of {written} is not read"
            )
        sides.append(Rewriter(reading.binding.log_base).side(clean(lex(written))))
    positive = positive or any(_at_least_zero(clause, (key, base)) for clause in reading.binding.clauses)
    reading.function_of[base] = (sides, positive)


def _entry_differentiated(text, written) -> str | None:
    r"""The entry of ``written`` (X_j, \theta_k) the formula differentiates by (\partial X_j, d\theta_k,
    \nabla_{X_j}) where it never differentiates by ``written`` itself, else None."""
    spelled = re.escape(written.strip()) + r"(?![A-Za-z])"
    by = r"(?:\\partial|\\mathrm\s*\{\s*d\s*\}|(?<![\\A-Za-z])d|\\nabla\s*_\s*\{?)\s*"
    entry = re.search(by + "(" + spelled + r"\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))", text)
    if entry is None or re.search(by + spelled + r"(?!\s*_)", text):
        return None
    return entry.group(1)


PARAMETER = re.compile(r"[A-Za-z]+(?:_[A-Za-z0-9]+)?'*")  # a parameter a function is written at: x, y_1, s'


def _declare_ranged_functions(reading):
    """``\\pi_{ref}(y \\mid x) > 0`` or ``g_e(x) > 0`` where nothing else in the tag defines the name: the function is
    any positive function of its arguments, as if declared ``function of`` nothing more, so the formula may apply it
    at other arguments (\\pi_{ref}(y_1 \\mid x)) or differentiate it; a value at those arguments alone it never is."""
    from derive.docs.joint_law import LAW_NAMES
    from derive.docs.tags import FunctionClause, RangeClause

    binding = reading.binding
    defined = {clause.name for clause in binding.clauses if isinstance(clause, FunctionClause)}
    defined |= {_normal_name(name).split("(")[0] for name in (*binding.kinds, *binding.overrides)}
    for clause in binding.clauses:
        if not isinstance(clause, RangeClause) or "(" not in clause.name or not clause.name.endswith(")"):
            continue
        base, _, arguments = clause.name[:-1].partition("(")
        if base in defined or base in LAW_NAMES or base in reading.vocab.entries or base in reading.function_of:
            continue  # p(x) > 0: the value of a law (derive.docs.joint_law), which a generic function is not
        if not all(PARAMETER.fullmatch(argument) for argument in arguments.split(",")):
            continue  # p(y = 1) > 0, V(S_{t+1}) > 0: a value at those arguments
        if clause.high is None and _at_least_zero(clause, (clause.name,)):  # 0 < f(x) < 1: no positive function
            _declare_function_of(reading, base, clause.name, [], positive=True)


def _at_least_zero(clause, names) -> bool:
    """Whether ``clause`` is a range of one of ``names`` with a lower end of 0 or more (``\\pi_\\theta(a | s) > 0``)."""
    from derive.docs.tags import RangeClause

    if not isinstance(clause, RangeClause) or clause.name not in names or clause.low is None:
        return False
    try:
        return float(clause.low) >= 0
    except ValueError:
        return False


def _free_vector(reading, key):
    from derive.docs.bind import _vec_entry

    base = sp.IndexedBase(key, real=True)
    reading.extra_samplers[base] = dom.vector(reading.vocab.size, reading.scope.reals)
    reading.overrides[key] = _vec_entry(base)


def _free_matrix(reading, key, name=None):  # a square matrix over the sampled dimension
    from derive.vocabulary import matrix_entries

    base = sp.IndexedBase(key, real=True)
    size = reading.vocab.size
    reading.extra_samplers[base] = dom.matrix(size, size, reading.scope.reals)
    reading.overrides[key] = matrix_entries(base, size, name=name)


def _free_square_matrix(reading, key):  # a capital read as a square matrix: W_1 names the whole matrix
    _free_matrix(reading, key, name=key)


def _diagonal(base, size):
    """A size × size diagonal matrix with the vector ``base`` on its diagonal (such matrices commute)."""
    from derive.vocabulary import matrix_of

    return matrix_of(lambda a, b, length: base[a] if a == b else sp.S.Zero, size)


def _free_diagonal_matrix(reading, key):  # a square diagonal matrix over the sampled dimension
    base = sp.IndexedBase(key, real=True)
    reading.extra_samplers[base] = dom.vector(reading.vocab.size, reading.scope.reals)
    reading.overrides[key] = _diagonal(base, reading.vocab.size)


def _free_distribution(reading, key):  # p in H(p) or D_KL(p || q): a probability vector over the sampled dimension
    from derive.docs.bind import _vec_entry

    if (parameter := law_parameter(key, reading.text)) is not None:
        declare_parameter_law(reading, key, parameter)  # \nabla_\theta beside E_{y \sim \pi_\theta}
        return

    base = sp.IndexedBase(key, positive=True)
    reading.extra_samplers[base] = dom.probability_vector(reading.vocab.size)
    reading.overrides[key] = _vec_entry(base)


def _free_count(reading, key):  # a sum's bound: the size of the formula's vectors
    reading.overrides[key] = ("scalar", lambda reader: reader.size_value)


def _free_whole(reading, key):
    """A name compared with a sum's index (derive.docs.index_compared): a whole number, its range set by conditions."""
    symbol = sp.Symbol(key, integer=True, nonnegative=True)
    reading.extra[key] = symbol
    reading.extra_samplers[symbol] = dom.integers(0, 6)


def _free_real(reading, key):
    symbol = sp.Symbol(key, real=True)
    reading.extra[key] = symbol
    inside = reading.scope.reals if key not in reading.scope.stated else None
    reading.extra_samplers[symbol] = inside or KIND_SAMPLERS["real"](reading.vocab.size)
    if "(" in key:  # V(S_t): an unknown function's value, a number of its own
        reading.overrides[key] = ("scalar", lambda env, symbol=symbol: symbol)


def _free_positive(reading, key):
    """A name authors give a positive number (σ, η, ε, d): positive on every domain (derive.docs.free)."""
    symbol = sp.Symbol(key, positive=True)
    reading.extra[key] = symbol
    inside = reading.scope.reals
    positive = inside is not None and sp.Rational(str(inside.low)) >= 0
    reading.extra_samplers[symbol] = inside if positive else dom.positive(unbounded=True)


def _free_probability(reading, key):
    """A number in (0, 1), as the probability of a Bernoulli law in D_KL(ρ ‖ ρ̂) (derive.docs.free)."""
    symbol = sp.Symbol(key, positive=True)
    reading.extra[key] = symbol
    reading.extra_samplers[symbol] = dom.Interval("0.02", "0.98")


FREE_VARIABLES = {
    "small": _free_probability,  # ε: a tolerance, a clip range
    "probability": _free_probability,
    "positive": _free_positive,
    "vector": _free_vector,
    "matrix": _free_matrix,
    "square matrix": _free_square_matrix,
    "diagonal matrix": _free_diagonal_matrix,
    "distribution": _free_distribution,
    "count": _free_count,
    "whole": _free_whole,
}  # any other kind: a real


def _declare_free_variables(reading):
    """The untagged formula's own variables: real numbers, or vectors and matrices over the sampled dimension."""
    if reading.scope is None:
        for key, (kind, sampler) in reading.binding.free.items():
            TAGGED_FREE_VARIABLES.get(kind, _tagged_free_real)(reading, key, sampler)
        return
    for key, kind in reading.scope.free.items():
        FREE_VARIABLES.get(kind, _free_real)(reading, key)


def _tagged_free_real(reading, key, sampler):
    symbol = sp.Symbol(f"doc_{key}", real=True)
    reading.extra[key] = symbol
    reading.extra_samplers[symbol] = sampler
    reading.overrides.setdefault(key, ("scalar", lambda env, symbol=symbol: symbol))


def _tagged_free_vector(reading, key, sampler):
    from derive.docs.bind import _vec_entry

    base = sp.IndexedBase(f"doc_{key}", real=True)
    reading.extra_samplers[base] = dom.vector(reading.vocab.size, sampler)
    reading.overrides.setdefault(key, _vec_entry(base))


def _tagged_free_matrix(reading, key, sampler):
    from derive.vocabulary import matrix_entries

    base = sp.IndexedBase(f"doc_{key}", real=True)
    reading.extra_samplers[base] = dom.matrix(reading.vocab.size, reading.vocab.size, sampler)
    reading.overrides.setdefault(key, matrix_entries(base, reading.vocab.size, name=key))


def _tagged_free_diagonal_matrix(reading, key, sampler):
    base = sp.IndexedBase(f"doc_{key}", real=True)
    reading.extra_samplers[base] = dom.vector(reading.vocab.size, sampler)
    reading.overrides.setdefault(key, _diagonal(base, reading.vocab.size))


def _tagged_free_count(reading, key, sampler):
    reading.overrides.setdefault(key, ("scalar", lambda reader: reader.size_value))


def _tagged_free_distribution(reading, key, sampler):
    """π_θ in D_KL(π_θ || π_ref) or y ~ π_θ: a probability vector over the sampled dimension, on every domain tried;
    one moving with θ when the formula writes θ too (derive.docs.parameter_laws)."""
    from derive.docs.bind import _vec_entry

    if (parameter := law_parameter(key, reading.text)) is not None:
        declare_parameter_law(reading, key, parameter)
        return

    base = sp.IndexedBase(f"doc_{key}", positive=True)
    reading.extra_samplers[base] = dom.probability_vector(reading.vocab.size)
    reading.overrides.setdefault(key, _vec_entry(base))


TAGGED_FREE_VARIABLES = {
    "vector": _tagged_free_vector,
    "square matrix": _tagged_free_matrix,
    "diagonal matrix": _tagged_free_diagonal_matrix,
    "count": _tagged_free_count,
    "distribution": _tagged_free_distribution,
}  # any other kind: a real
