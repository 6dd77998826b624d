"""Reading one formula: its chain, its notation, the names the tag and the formula bind, and a dry run that fixes its
domain, before :mod:`derive.docs.sampled_points` checks it."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.matrices.exceptions import MatrixError

from derive import domain as dom
from derive.docs import joint_law, written_entries
from derive.docs.antiderivatives import differentiate_sides
from derive.docs.arbitrary import function_of
from derive.docs.bind import (
    BindError,
    Interpreter,
    NeedsConcrete,
    ShapeError,
    Unbound,
    _display,
    as_value,
    generic_vocab,
    scalarise,
    single_atom,
    vocabulary_for,
)
from derive.docs.bracket_functions import applications_in_parentheses
from derive.docs.declared_variables import _declare_free_variables, _declare_kinds
from derive.docs.gradient_functions import gradients_as_functions
from derive.docs.interpret import Atom, NotationError, Number, Unsupported, clean, lex, rewrite_chain
from derive.docs.parse import ParseError, parse_latex
from derive.docs.real_extremum import tag_intervals
from derive.docs.renamed_expressions import expressions_as_names
from derive.docs.result_updates import updates_as_equations
from derive.docs.sampled_points import _check_points
from derive.docs.shared_vectors import shared_vectors_as_numbers
from derive.docs.side_names import _atom_keys, _normal_name, atoms_in, function_key, summed_names, written_at_words
from derive.docs.steps import steps_as_subscripts, whole_steps
from derive.docs.tag_mentions import tag_variables
from derive.docs.tokens import closing_bracket
from derive.docs.verdict import (
    DIGITS,
    FAIL,
    KIND_SAMPLERS,
    MIN_POINTS,
    PASS,
    UNKNOWN,
    UNPARSEABLE,
    VECTOR_KINDS,
    Binding,
    DecideError,
    Verdict,
    kind_word,
)
from derive.docs.whole_vector_counts import whole_vector_counts_as_size
from derive.docs.word_laws import meant_names, word_laws
from derive.numeric import NumericError


@dataclass
class Scope:
    """What binds the names of an untagged formula: the document's definitions and the names it quantifies."""

    definitions: dict = field(default_factory=dict)  # name -> Definition, from earlier formulas
    quantifiable: dict = field(default_factory=dict)  # name -> "real" / "vector": the formula's own variables
    free: dict = field(default_factory=dict)  # those of them the formula needs, found while reading it
    reals: dom.Interval | None = None  # where its real variables are drawn (None: the reals)
    stated: set = field(default_factory=set)  # variables a stated condition ranges ("for A < 0"): drawn from the reals
    model: object = None  # the vocabulary of random variables X, Y (derive.docs.chance), when the formula names them
    generic: bool = False  # unknown functions read as generic smooth functions (derive.docs.arbitrary): PASS only
    functions: frozenset = frozenset()  # the unknown functions the formula applies (f(x + h) applies f, read generic)
    family: int = 0  # the family of generic functions they are read as (derive.docs.arbitrary.generic_function)
    equation: bool = False  # read as an equation: a refutation notes whether its names drop out (unmoved_names)


def _domain_for(vocab, flags, relations, binding, used_names):
    domain = vocab.domain or dom.Domain({}, points=5)
    for _flag, (name, variant) in vocab.variants.items():
        if flags.get(name):
            domain = variant
    strict = [r for r in relations if r in ("<", ">")]
    if strict:
        for relation, claim_domain in vocab.claim_domains:
            if relation in strict or {relation, *strict} <= {"<", ">"}:
                domain = claim_domain
    samplers = dict(domain.samplers)
    return domain.with_(samplers=samplers, points=max(MIN_POINTS, domain.points), ends_first=True)


def _guarded(text, binding, scope, reraise_unbound=False, link=None):
    from derive.symbolic import OutOfTime, time_budget

    token = None
    try:
        with time_budget(FORMULA_BUDGET_SECONDS) as token:
            verdict = _decide(text, binding, scope, link)
        return verdict
    except OutOfTime as exc:
        if exc.budget is not token:
            raise
        return Verdict(UNKNOWN, gave_up([FORMULA_BUDGET_SECONDS]))
    except (NotationError, ParseError) as exc:
        where = f" at character {exc.position}" if getattr(exc, "position", None) is not None else ""
        return Verdict(UNPARSEABLE, f"{exc}{where}")
    except Unsupported as exc:
        return Verdict(UNKNOWN, str(exc))
    except Unbound as exc:
        if reraise_unbound:
            raise
        return Verdict(UNKNOWN, str(exc))
    except BindError as exc:
        return Verdict(UNKNOWN, str(exc))
    except DecideError as exc:
        return Verdict(UNKNOWN, str(exc))
    except ShapeError as exc:  # the checker's reading of the notation, not the author's claim, is in doubt
        return Verdict(UNKNOWN, f"cannot model the shapes as written: {exc}")
    except NeedsConcrete:  # (v^{(1)}, ..., v^{(i)}) up to the formula's free index: read only at whole numbers
        return Verdict(UNKNOWN, "cannot model the shapes as written: a list or vector whose size is not a number")
    except MatrixError as exc:  # SymPy refused a matrix operation: again the reading's shapes are in doubt
        return Verdict(UNKNOWN, f"cannot model the shapes as written: {type(exc).__name__} {exc}".rstrip())
    except RecursionError:
        return Verdict(UNPARSEABLE, "formula nested too deeply")
    except (NumericError, ZeroDivisionError, OverflowError) as exc:
        return Verdict(UNKNOWN, f"no numeric value: {exc}")
    except Exception as exc:  # a defect of the checker: reported as a verdict, never a traceback
        said = " ".join(str(exc).split())[:200]  # one line, whatever the exception prints
        return Verdict(UNKNOWN, f"internal error while checking ({type(exc).__name__}: {said})")


MAX_CHARACTERS = 2000


MAX_NESTING = 12  # deeper input is rejected up front: the parser's time grows steeply with depth


def _nesting(text: str) -> int:
    depth = deepest = 0
    for character in text:
        if character in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "})]":
            depth = max(0, depth - 1)
    return deepest


FORMULA_BUDGET_SECONDS = 30.0  # a formula that takes longer gets UNKNOWN, never a hang


def gave_up(spent: list) -> str | None:
    """Why a check gave up, given the seconds of the time limits that ran out during it (derive.budgets.expiries);
    None when none did. Any limit that ran out makes the whole check give up: a verdict reached after one did (on
    another domain, or in another reading) could be reversed by a faster machine."""
    if not spent:
        return None
    if FORMULA_BUDGET_SECONDS in spent:
        return f"gave up after {FORMULA_BUDGET_SECONDS:g} s without a verdict"
    return f"gave up without a verdict: a time limit of {spent[-1]:g} s within the check ran out"


def out_of_bounds(text: str) -> Verdict | None:
    """The verdict for a formula too long or too deeply nested to read within budget; None when within bounds."""
    if len(text) > MAX_CHARACTERS:
        return Verdict(UNKNOWN, f"formula too long to check ({len(text)} characters; the limit is {MAX_CHARACTERS})")
    depth = _nesting(text)
    if depth > MAX_NESTING:
        return Verdict(
            UNPARSEABLE,
            f"formula nested {depth} levels deep (braces, brackets, parentheses); the limit is {MAX_NESTING}",
        )
    return None


@dataclass
class _Reading:
    """One formula on its way to a verdict: what the stages of :func:`_decide` have found so far."""

    text: str
    binding: Binding
    scope: Scope | None
    sides: list = field(default_factory=list)
    relations: list = field(default_factory=list)
    conditions: object = None
    vocab: object = None
    overrides: dict = field(default_factory=dict)  # name -> meaning, the tag's and the formula's own
    extra: dict = field(default_factory=dict)  # name -> SymPy symbol declared by kind
    extra_samplers: dict = field(default_factory=dict)  # symbol -> sampler for the names declared
    realised: tuple = ()  # the model's random families drawn as plain values (derive.docs.realisations)
    dry: object = None  # the interpreter of the dry run
    dry_values: list = field(default_factory=list)
    dims0: dict = field(default_factory=dict)
    domain: object = None
    named: list = field(default_factory=list)  # leading names of the chain that only name its value (d_k = d_v = ...)
    antiderivative: str | None = None  # the variable the sides are differentiated by (indefinite integrals)
    constant_written: bool = False  # a side adds a constant of integration (+ C)
    functions: set = field(default_factory=set)  # names the tag declares arbitrary functions ("f: function")
    whole_steps: set = field(default_factory=set)  # step letters drawn as whole numbers (a recursion from its start)
    whole_starts: dict = field(default_factory=dict)  # name -> (position of its step, the start the formula names)
    function_of: dict = field(default_factory=dict)  # name -> sides of the names a "function of \\theta" also takes
    small: bool = False  # dimensions cut to LARGEST_INVERTED, for an inverse or determinant of a matrix
    joint_laws: dict = field(default_factory=dict)  # law name -> JointLaw of several outcomes (derive.docs.joint_law)
    link: int | None = None  # the one link of the chain read, apart from the others (derive.docs.links_apart)
    sequences: set = field(default_factory=set)  # the tag's b_t \in \mathbb{R} read as a sequence's terms
    sum_ranges: dict = field(default_factory=dict)  # summed index -> the side the tag bounds it by (j \le m)
    word_values: set = field(default_factory=set)  # keys of the values the tag gives at words, p(\\textsf{cheese})
    word_laws: set = field(default_factory=set)  # names the tag gives as laws at words (derive.docs.word_laws)
    _tag_variables: set | None = None

    @property
    def tag_variables(self) -> set:
        """The names the tag constrains or uses without defining them (derive.docs.tag_mentions)."""
        if self._tag_variables is None:
            self._tag_variables = tag_variables(self.binding) if self.scope is None else set()
        return self._tag_variables

    def interpreter(self, dims, flags=None, arbitrary=True):
        definitions = self.scope.definitions if self.scope is not None else None
        if self.conditions is not None and self.conditions.functions:  # where L(\theta) = ...: the formula's own
            definitions = {**(definitions or {}), **self.conditions.functions}
        made = Interpreter(self.vocab, dims, self.overrides, self.extra, flags, definitions)
        made.implicit_ranges = self.scope is None  # untagged, Σ_x with no range runs over nothing the text states
        # tagged, a name nothing defines may be an arbitrary function or sequence (derive.docs.arbitrary)
        # a link read apart from its chain is decided only on names that have a meaning: no arbitrary one but a
        # function the tag declares any function (f: function, function of \theta)
        made.arbitrary_allowed = arbitrary and self.link is None and (self.scope is None or self.scope.generic)
        made.declared_only = arbitrary and self.link is not None and self.scope is None  # "f: function" still is
        made.declared_functions = self.functions
        made.any_functions = _any_functions(self.binding)
        made.generic_functions = self.scope.functions if self.scope is not None else frozenset()
        made.generic_family = self.scope.family if self.scope is not None else 0
        made.sum_ranges = self.sum_ranges
        made.word_values = self.word_values
        made.word_laws = self.word_laws
        made.sequences = {name.split("_")[0] for name in self.sequences}
        made.tag_variables = self.tag_variables | made.sequences
        made.function_of = self.function_of
        made.whole_steps = self.whole_steps
        made.whole_starts = self.whole_starts
        made.tag_defined = {_normal_name(name) for name in self.binding.overrides} | {
            clause.name for clause in self.binding.clauses if hasattr(clause, "params")
        }
        made.formula_sides = self.sides
        made.formula_relations = self.relations
        made.joint_laws = self.joint_laws
        made.finite_sets = joint_law.tag_value_sets(self.binding)
        made.real_ranges = tag_intervals(self.binding) if self.scope is None else {}
        return made

    def reader(self, dims, flags=None):
        """An interpreter that reads indices as the dry run bound them."""
        made = self.interpreter(dims, flags)
        made.index_map = dict(self.dry.index_map)
        return made


def _decide(text, binding, scope=None, link=None):
    from derive.docs.name_relations import unimposed_relation

    for written, meaning in binding.overrides.items():
        unimposed = unimposed_relation(written, meaning, text)
        if unimposed:  # Q^\top Q = I, A x = \lambda x: no definition of Q or A (derive.docs.name_relations)
            raise DecideError(unimposed)
    if scope is None:  # x_i^{k+1} = x_i^k - ... in the tag: the superscripts of x are its steps
        text, binding = gradients_as_functions(text, binding)  # \nabla_\theta J(\theta) = ... in the tag
        text, binding = steps_as_subscripts(
            *expressions_as_names(applications_in_parentheses(text, binding.bracket_functions), binding)
        )
        text = updates_as_equations(text, binding)
    reading = _Reading(text, binding, scope, link=link)
    stages = (
        _read_chain,
        _choose_vocabulary,
        _set_aside_defined_name,
        _set_aside_named_middle,
        _bind_tag_names,
        _declare_kinds,
        _declare_free_variables,
        _declare_joint_laws,
        _name_leading_sides,
        _dry_run,
    )
    for stage in stages:
        stage(reading)
    _refuse_a_value_the_result_leaves_free(reading)
    _refuse_a_definition_of_a_shared_name(reading)
    verdict = _check_points(reading)
    if verdict.verdict == PASS and reading.binding.large and "~" in reading.relations:
        growing = ", ".join(reading.binding.large)
        verdict = dataclasses.replace(
            verdict, detail=f"≈ read as {growing} grows, = for every {growing}: {verdict.detail}"
        )
    if verdict.verdict == PASS and reading.conditions.remark:  # a = b \to \text{Clip } 1.2: the words' value unread
        return Verdict(
            UNKNOWN, f"{verdict.detail}; but the remark after the arrow ({reading.conditions.remark}) is not checked"
        )
    if reading.conditions.clipped and verdict.verdict in (PASS, FAIL):
        verdict = dataclasses.replace(
            verdict, detail=f"the remark after the arrow read as the value clipped to [1 - ε, 1 + ε]: {verdict.detail}"
        )
    if reading.joint_laws:
        from derive.docs.joint_law import one_sided_doubt

        verdict = one_sided_doubt(reading, verdict)
    if reading.small and verdict.verdict in (PASS, FAIL):
        verdict = dataclasses.replace(
            verdict, detail=f"{verdict.detail} (sizes up to {LARGEST_INVERTED}, where a matrix is inverted)"
        )
    if reading.antiderivative and verdict.verdict == FAIL and not reading.constant_written:
        verdict = _refuted_over_the_whole_line(reading, verdict)
    elif reading.antiderivative:
        verdict = dataclasses.replace(
            verdict,
            detail=f"indefinite integrals, equal up to a constant when the sides' derivatives in {reading.antiderivative}"
            f" agree: {verdict.detail}",
        )
    if reading.named:
        names = ", ".join(reading.named)
        verb = "names" if len(reading.named) == 1 else "name"
        return dataclasses.replace(verdict, detail=f"{names} {verb} the value the chain computes; {verdict.detail}")
    return verdict


def _refuted_over_the_whole_line(reading, verdict):
    """A refutation of integrals written without bounds and without + C stands when over the whole line they differ too."""
    from derive.docs.antiderivatives import over_the_whole_line

    rates = f"the derivatives in {reading.antiderivative} of the sides differ ({verdict.detail})"
    try:
        whole = _decide(over_the_whole_line(reading.text), reading.binding, reading.scope)
    except (DecideError, ParseError, NotationError, Unsupported, BindError, ShapeError, NumericError) as exc:
        whole = Verdict(UNKNOWN, str(exc))
    if whole.verdict == FAIL:
        return dataclasses.replace(
            whole, detail=f"integrals without bounds: {rates}, and over the whole line: {whole.detail}"
        )
    return Verdict(
        UNKNOWN,
        f"integrals without bounds: as antiderivatives, {rates}; over the whole line: {whole.verdict}"
        f" ({whole.detail}); write the bounds, or + C for antiderivatives",
    )


UNDECIDABLE_RELATIONS = {"in": "a membership", "!=": "an inequation ≠"}


def _read_chain(reading):
    """The formula's sides, relations and stated conditions; every side must parse."""
    too_big = out_of_bounds(reading.text)
    if too_big is not None:
        raise (DecideError(too_big.detail) if too_big.verdict == UNKNOWN else ParseError(too_big.detail, None))
    binding = reading.binding
    functions, numbers = _declared_functions(binding), _declared_numbers(binding)
    if reading.scope is not None:
        functions |= reading.scope.functions
        # f(\sqrt{2}), f(1 + 1) after f(x) = ...: the page's function applied, not f times a bracket
        functions |= {name for name, definition in reading.scope.definitions.items() if definition.params}
    unread: dict | None = {} if reading.link is not None else None  # a link read apart: other sides may be unread
    reading.sides, reading.relations, reading.conditions = rewrite_chain(
        reading.text, binding.log_base, functions, numbers, unread
    )
    from derive.docs.free import child_sides

    bodies = _tag_bodies(binding, functions, numbers)
    read = [side for k, side in enumerate(reading.sides) if not unread or k not in unread]
    summed = summed_names(read + bodies, child_sides)
    if reading.link is not None:  # one link read apart: its two sides, under the formula's conditions
        why = next((unread[k] for k in (reading.link, reading.link + 1) if k in unread), None)
        if why is not None:
            raise Unsupported(why)
        reading.sides = reading.sides[reading.link : reading.link + 2]
        reading.relations = reading.relations[reading.link : reading.link + 1]
    if not reading.relations:
        raise DecideError("no relation (=, \\le, \\approx, ...) to check")
    for relation in reading.relations:
        if relation in UNDECIDABLE_RELATIONS:
            raise DecideError(UNDECIDABLE_RELATIONS[relation] + " cannot be decided")
    reading.antiderivative = differentiate_sides(reading)
    for side in reading.sides:
        parse_latex(side.text)
    for text in binding.conditions:  # the tag's T_{cur} < T_{max}: imposed on the points as the formula's own are
        from derive.docs.interpret import Comparison

        sides, relations, _ = rewrite_chain(text, binding.log_base, functions, numbers)
        if summed & _atom_keys(sides, child_sides):
            # j \\le n beside \\sum_j x_j: the range of the sum's index, no condition on the sampled points;
            # j \\le m: a sum over j written without bounds runs from 1 to m
            index = single_atom(sides[0]) if relations == ["<="] and len(sides) == 2 else None
            if index is not None and index.key in summed and not index.sub and index.args is None:
                reading.sum_ranges[index.key] = sides[1]
            continue
        loose = _loose_indices(sides, reading.sides, child_sides) - _fixed_indices(bodies, child_sides)
        if loose:
            raise DecideError(
                f"the tag's condition '{text.strip()}' compares entries at {', '.join(sorted(loose))}, an index the formula"
                " does not write: a condition meant for every value of an index is not read"
            )
        reading.conditions.comparisons = (*reading.conditions.comparisons, Comparison(sides, relations))


def _loose_indices(condition_sides, formula_sides, child_sides) -> set:
    """The index letters at which a condition compares entries with each other (z_i > z_j) that the formula never
    writes: such a condition is meant for every value of them (the largest entry), never for one drawn value."""
    written = set()
    for atom in atoms_in(formula_sides, child_sides):
        written.add(atom.key)
        written.update(atom.sub)
        written.update(s for s in atom.post_sub if isinstance(s, str))  # softmax(z)_i
    entries = [atom for atom in atoms_in(condition_sides, child_sides) if atom.sub]
    if len(entries) < 2:
        return set()
    return {s for atom in entries for s in atom.sub if len(s) == 1 and s.isalpha() and s not in written}


def _fixed_indices(bodies, child_sides) -> set:
    """The index letters the tag's definitions write outside their sums (T_i in the cosine schedule's η_t): the
    formula reaches those names through the definitions, each one number, which a condition (T_{cur} \\le T_i) bounds."""
    summed = summed_names(bodies, child_sides)
    return {s for atom in atoms_in(bodies, child_sides) for s in atom.sub if s not in summed}


def _tag_bodies(binding, functions, numbers) -> list:
    """The sides of the tag's function definitions (\\alpha(q, k_i) = \\frac{...}{\\sum_j ...}): a sum the tag writes
    takes its range from the tag as a sum the formula writes does."""
    sides = []
    bodies = [getattr(clause, "body", None) for clause in binding.clauses] + list(binding.overrides.values())
    for body in bodies:
        if not isinstance(body, str):
            continue
        try:
            sides += rewrite_chain(body, binding.log_base, functions, numbers)[0]
        except Exception:  # an unreadable definition is reported where it is read
            continue
    return sides


def read_links(text, binding, unread_sides=None) -> tuple[list, list]:
    """(sides, relations) of a tagged formula's chain as :func:`_decide` reads it, before any side is set aside;
    with a dict ``unread_sides``, a side whose notation is not modelled is kept unread (see rewrite_chain)."""
    text, binding = steps_as_subscripts(
        *expressions_as_names(applications_in_parentheses(text, binding.bracket_functions), binding)
    )
    sides, relations, _ = rewrite_chain(
        text, binding.log_base, _declared_functions(binding), _declared_numbers(binding), unread_sides
    )
    return sides, relations


def _declared_functions(binding) -> set:
    """The names the tag makes functions: its own definitions f(x) = ..., and names declared functions (f(x + h) applies them)."""
    functions = {clause.name for clause in binding.clauses if hasattr(clause, "params")} | _result_functions(binding)
    functions |= _any_functions(binding)
    return functions | {_normal_name(name).split("(")[0] for name, kind in binding.kinds.items() if function_of(kind)}


def _any_functions(binding) -> set:
    """The names the tag declares any function (f: function)."""
    return {function_key(name) for name, kind in binding.kinds.items() if kind_word(kind) == "function"}


def _result_functions(binding) -> set:
    r"""The names the tag's result applies to the bracket after them, whatever it holds: R((n - m)\theta)."""
    if not binding.result:
        return set()
    from derive.registry import load

    return set(vocabulary_for(load(binding.result)).applied)


NUMBER_CLAUSE_KINDS = (
    "dimension",
    "index",
    "positive integer",
    "nonnegative integer",
    "non-negative integer",
    "integer",
)


def _declared_numbers(binding) -> set:
    """The names the tag declares numbers (``T: positive``, ``\\sigma > 0``, ``T \\in \\mathbb{N}``): never a function
    by convention, and a superscript T of one is a power."""
    from derive.docs.tags import KindClause, RangeClause

    numbers = {
        _normal_name(name)
        for name, kind in binding.kinds.items()
        if kind_word(kind) in KIND_SAMPLERS and kind_word(kind) not in VECTOR_KINDS
    }
    numbers |= {c.name for c in binding.clauses if isinstance(c, RangeClause)}  # names already in key form
    numbers |= {
        c.name for c in binding.clauses if isinstance(c, KindClause) and c.kind in NUMBER_CLAUSE_KINDS and not c.over
    }
    vectors = {_normal_name(name) for name, kind in binding.kinds.items() if kind_word(kind) in VECTOR_KINDS}
    return numbers - vectors


def _choose_vocabulary(reading):
    """The notation the formula is read in: the tag's result, none (untagged) or the shared notation, with the tag's clauses."""
    binding = reading.binding
    if binding.result:
        from derive.registry import load

        vocab = vocabulary_for(load(binding.result))
    elif reading.scope is not None:
        vocab = reading.scope.model or _untagged_vocabulary()
    else:
        vocab = generic_vocab()
    if not binding.result:
        vocab = _differentiated_dimensions_as_variables(vocab, reading.text)
    if binding.clauses:  # functions, kinds, ranges and model parameters the tag sets
        from derive.docs.matrix_rows import with_rows
        from derive.docs.tags import apply_clauses

        if not binding.result:
            vocab = whole_vector_counts_as_size(vocab, binding.clauses, reading.sides)
        vocab = with_rows(apply_clauses(vocab, binding.clauses, binding.log_base), binding.rows)
    if not vocab.name:
        vocab = _parameters_as_numbers(vocab, reading.text)
        vocab = _shared_vectors_as_numbers(vocab, reading)
    reading.vocab, reading.whole_steps, reading.whole_starts = whole_steps(vocab, binding, reading.sides)


def _shared_vectors_as_numbers(vocab, reading):
    """With no result, x, y, z, g are vectors where the formula or a function of the tag uses them so, else its own."""
    from derive.docs.tags import FunctionClause

    binding = reading.binding
    declared = {c.name for c in binding.clauses if hasattr(c, "name")}  # g(x) = ax^2 + bx + c: the tag's own g stays
    declared |= {_normal_name(name) for name in (*binding.overrides, *binding.kinds)}
    bodies = [c.body for c in binding.clauses if isinstance(c, FunctionClause)]
    return shared_vectors_as_numbers(vocab, reading.text, declared, bodies)


DIFFERENTIATED = re.compile(r"\\frac\s*\{\s*(?:d|\\partial)[^{}]*\}\s*\{\s*(?:d|\\partial\s*)([A-Za-z])\s*\}")


def _differentiated_dimensions_as_variables(vocab, text):
    """With no result, a name the shared notation counts with (N, K) that the formula differentiates by, \frac{d}{dN},
    is a variable of the formula's own, not the size the notation gives it (a derivative by a whole number has no
    meaning)."""
    names = set(DIFFERENTIATED.findall(text)) & set(vocab.dims)
    if not names:
        return vocab
    return vocab.with_(dims={k: v for k, v in vocab.dims.items() if k not in names})


def _parameters_as_numbers(vocab, text):
    """With no result, the parameters of a function the formula defines before ``\\implies`` (``q(x, y) = x + y
    \\implies \\frac{\\partial q}{\\partial x} = 1``) are its own numbers, not the shared notation's vectors x, y."""
    from derive.docs.implication import function_definition, split_implication, writes_an_arrow

    if not writes_an_arrow(text):
        return vocab
    try:
        _, hypothesis = split_implication(clean(lex(text)))
    except (NotationError, ParseError):
        return vocab
    definition = function_definition(hypothesis) if hypothesis else None
    if definition is None:
        return vocab
    params = set(definition[1])
    if not params & set(vocab.entries):
        return vocab
    return vocab.with_(entries={k: v for k, v in vocab.entries.items() if k not in params})


def _sampled_name_set(reading):
    """(the symbol, the right side) when the formula is one equation whose left side is a name the notation samples
    (a value or an entry of a vector, not a size and not the formula's own variable); else None."""
    if reading.relations != ["="] or len(reading.dry_values) != 2:
        return None
    left, right = (scalarise(as_value(value)) for value in reading.dry_values)
    if not isinstance(left, (sp.Indexed, sp.Symbol)) or not isinstance(right, sp.Expr):
        return None
    symbol = left.base if isinstance(left, sp.Indexed) else left
    sampler = reading.domain.samplers.get(symbol)
    if sampler is None or isinstance(sampler, dom.Dimension) or str(symbol).startswith("doc_"):
        return None
    return symbol, right


def _refuse_a_definition_of_a_shared_name(reading):
    """``p_i = \\frac{\\exp(l_i / T)}{\\sum_j \\exp(l_j / T)}`` with no result and a tag silent on p: the formula
    defines p, a name the shared notation reads as any distribution; refuting it for an arbitrary p would be a false
    alarm, so there is nothing to decide."""
    defined = None if reading.binding.result or reading.scope is not None else _sampled_name_set(reading)
    if defined is None:
        return
    symbol, right = defined
    name = dom._name(symbol)
    if name not in reading.vocab.entries:
        return  # a law's own symbol (P(X = k) = 1/6), not a name the notation lends the page
    if name in tag_variables(reading.binding) or any(
        _normal_name(written).split("(")[0] == name for written in (*reading.binding.kinds, *reading.binding.overrides)
    ):
        return  # the tag says what p is: the formula is a claim about it
    if symbol in right.free_symbols or any(a.base == symbol for a in right.atoms(sp.Indexed)):
        return
    raise DecideError(
        f"the formula defines {name}, a name of the shared notation the tag does not mention: a definition, nothing"
        " to decide (say in the tag what it is)"
    )


def _refuse_a_value_the_result_leaves_free(reading):
    """``\\theta_i = 10000^{-2(i-1)/d}`` under a result whose θ is any vector: the formula chooses values the result
    claims nothing about (a definition of its parameter, in indices and sizes only), so there is nothing to decide."""
    defined = _sampled_name_set(reading) if reading.binding.result else None
    if defined is None:
        return
    symbol, right = defined
    if right.atoms(sp.Indexed) or not all(s.is_integer for s in right.free_symbols):
        return
    raise DecideError(
        f"the formula sets {dom._name(symbol)}, which {reading.binding.result} leaves free, to values of its"
        " own: a definition the result claims nothing about"
    )


def _set_aside_defined_name(reading):
    """``NAME = A = B`` with NAME in no other side and no meaning from the result or the tag: the first
    link defines NAME (``x^* = \\epsilon^* \\sigma + \\mu = ...``), and the claim is ``A = B``."""
    if len(reading.sides) < 3 or reading.relations[0] != "=":
        return
    node = _first_name(reading.sides[0])
    if node is not None and node.args is not None:
        _set_aside_labelled_function(reading, node)
        return
    meant = {_normal_name(name) for name in reading.binding.overrides}
    if reading.binding.result:
        meant |= set(reading.vocab.entries)
    if first_link_defines(reading.sides, reading.relations, meant):
        reading.sides, reading.relations = reading.sides[1:], reading.relations[1:]


def _set_aside_named_middle(reading):
    """``A = NAME = B`` with NAME one of the names the binding says only name the chain's value
    (:mod:`derive.docs.middle_names`): the side is set aside, and the claim is ``A = B``."""
    from derive.docs.middle_names import named_middle_side

    if not reading.binding.named_middles or reading.link is not None:
        return
    k = named_middle_side(reading.sides, reading.relations, set(reading.binding.named_middles), _first_name)
    if k is not None:
        reading.sides = reading.sides[:k] + reading.sides[k + 1 :]
        reading.relations = reading.relations[:k] + reading.relations[k + 1 :]


def _first_name(side):
    """The atom a side is when it is one name alone, or one name raised to a whole power (``\\sigma^2_f = A = B``
    defines σ_f by its square), else None."""
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return None
    node = side.table.get(expr.name) if isinstance(expr, sp.Symbol) else _powered_atom(side)
    return node if isinstance(node, Atom) else None


SCRIPTED_LABEL = re.compile(r"[A-Za-z]+(?:[_^][A-Za-z0-9]+)+")  # f_i^prime: a label that is a name with scripts


def first_link_defines(sides, relations, meant: set) -> bool:
    """Whether a chain ``NAME = A = B`` defines NAME by its first link: NAME one name alone, not applied, in no other
    side and none of the names ``meant`` by the result or the tag, so that the claim is ``A = B``."""
    from derive.docs.free import child_sides

    if len(sides) < 3 or relations[0] != "=":
        return False
    node = _first_name(sides[0])
    if node is None or node.args is not None:
        return False
    keys = {node.key, *node.full_keys()}
    label = node.sub_text.strip()
    written = _full_keys(sides[1:], child_sides)
    own_label = len(label) > 1 and (label.isalpha() or SCRIPTED_LABEL.fullmatch(label))
    if (own_label and node.key not in written or label.isdigit()) and not node.decoration:
        # g_{Reptile}, \sigma_{f'_i} or \theta_2: a name of its own, which g^{(0)}_0, \sigma_f or \theta_1 beside it
        # does not write (d_{ff} beside the number d names the value the chain computes:
        # derive.docs.renamed_expressions)
        return not keys & meant and f"{node.key}_{label}" not in written
    return not keys & meant and node.key not in _atom_keys(sides[1:], child_sides)


def _set_aside_labelled_function(reading, node):
    """``p_X(x) = A = B``: a function labelled by a capital (the density of X), applied to its own variables and
    named nowhere else, with no meaning from the result or the tag, is defined by the first link; the claim is A = B."""
    from derive.docs.free import child_sides

    if not re.fullmatch(r"[A-Z]", node.sub_text.strip()) or node.decoration or node.transpose:
        return
    own = f"{node.key}_{node.sub_text.strip()}"
    arguments = [single_atom(argument) for argument in node.args]
    if any(a is None or a.args is not None or a.sub or a.decoration for a in arguments):
        return
    meant = {_normal_name(name).split("(")[0] for name in reading.binding.overrides} | set(reading.vocab.entries)
    meant |= {clause.name for clause in reading.binding.clauses if hasattr(clause, "name")}
    if own in meant or own in _full_keys(reading.sides[1:], child_sides):
        return
    reading.sides, reading.relations = reading.sides[1:], reading.relations[1:]


def _full_keys(sides, child_sides) -> set:
    """The names the sides write with their subscripts (p_X, x_0), inside sums, fractions and arguments too."""
    return {
        f"{node.key}_{node.sub_text.strip()}" if node.sub_text else node.key for node in atoms_in(sides, child_sides)
    }


def _bind_tag_names(reading):
    """The tag's rebindings (``name = LaTeX``) and the formula's own ("where \\beta = 0.9"); a rebinding is read as
    the formula is, with the names the tag makes functions applied to the bracket after them (y = g(a + 1) for a
    g: function), never multiplying it."""
    from derive.docs.interpret import Rewriter

    functions, numbers = _declared_functions(reading.binding), _declared_numbers(reading.binding)
    for name, latex in reading.binding.overrides.items():
        rewriter = Rewriter(reading.binding.log_base, functions, numbers)
        reading.overrides[_normal_name(name)] = rewriter.side(clean(lex(latex)))
        if written_at_words(name):
            reading.word_values.add(_normal_name(name))
    laws = word_laws(reading.binding, meant_names(reading.binding, reading.vocab))
    for name, latex in laws.items():  # P(\text{sunny}) = 0.7; P(\text{rainy}) = 0.3: P alone is the law (0.7, 0.3)
        reading.overrides[name] = Rewriter(reading.binding.log_base).side(clean(lex(latex)))
    reading.word_laws = set(laws)
    reading.overrides.update(reading.conditions.definitions)


def _declare_joint_laws(reading):
    """p(x, c), P(X | Y), P(X = x): a law of outcomes, a joint table drawn at each point (derive.docs.joint_law), for
    each law name the result's vocabulary does not define."""
    if reading.scope is not None or reading.vocab.size is None:
        return
    from derive.docs.joint_law import LAW_NAMES, declare_joint_laws

    names = [name for name in LAW_NAMES if not (reading.binding.result and name in reading.vocab.entries)]
    declare_joint_laws(reading, names, getattr(reading.binding, "open_values", False))


def _first_dimensions(vocab) -> dict:
    """The dimensions at the first point of the vocabulary's domain (where the dry run reads the formula)."""
    return (vocab.domain or dom.Domain({}, points=5)).first_dimensions("dry run", DIGITS)


def _name_leading_sides(reading):
    """``d_k = d_v = d_{model}/h = 64``: names nothing binds, alone at the head of a chain of equalities, name its value.

    So does a word written in italic letters side by side (``WER``, ``ELO_A``, ``cos_{sim}(x, y)``): three letters
    or more, one of which at least nothing binds, read as one name rather than a product of letters.
    Only in a tag that names no result (with a result, an unknown name is more likely one of the result's own
    quantities written differently, which the tag should rename). The rest of the chain, at least two sides, is checked.
    """
    if reading.scope is not None or reading.binding.result:
        return
    from derive.docs.free import child_sides

    reader = reading.interpreter(_first_dimensions(reading.vocab), arbitrary=False)
    while len(reading.sides) > 2 and reading.relations[0] == "=":
        written = reading.text if not reading.named else ""
        atoms = _name_atoms(reading.sides[0], written)
        if not atoms or any(atom.transpose or atom.post_sub for atom in atoms):
            return
        applied = [atom for atom in atoms if atom.args is not None]
        if len(applied) > 1 or applied and _applied_again(applied[0], reading.sides[1:], child_sides):
            return  # f(x) = ... f(y) ...: a function the chain uses again, not a name for its value
        if (
            len(atoms) > 1
            and _word_applied(written)
            and {a.key for a in atoms} & _atom_keys(reading.sides[1:], child_sides)
        ):
            return  # abc(x + y) = abcx + abcy: letters the chain multiplies out, no word
        if not _event_the_tag_leaves(reading, atoms):
            try:
                reader.side(reading.sides[0])
                if not _shared_name_the_tag_leaves(reading, atoms):
                    return
            except Unbound as exc:  # d_{ff} beside a number d is a name of its own: unbound by its full key
                if exc.name not in {key for atom in atoms for key in (atom.key, *atom.full_keys())}:
                    return
            except Exception:  # unreadable for another reason: the dry run reports it
                return
        shown = _display(atoms[0]) if len(atoms) == 1 else reading.text.split("=")[0].strip()
        reading.named.append(shown)
        reading.sides, reading.relations = reading.sides[1:], reading.relations[1:]


def _applied_again(atom, sides, child_sides) -> bool:
    """Whether the chain applies the function its head applies: f of f(x) = ... f(y), but not V_{H-2} of
    V_{H-2}(s) = 1 + 0.7 V_{H-1}(s), whose subscript names another member of the family."""
    return any(
        (other.key, other.sub_text) == (atom.key, atom.sub_text) or not atom.sub_text
        for other in atoms_in(sides, child_sides)
        if other.key == atom.key
    )


def _shared_name_the_tag_leaves(reading, atoms) -> bool:
    """Whether the head of a chain is a law of the shared notation at its arguments (p(x), P(x, y)) that the tag does
    not mention: ``p(x_{1:L}) = \\frac{2}{3} \\cdot \\frac{1}{3} = \\frac{2}{9}`` names the value the
    chain computes, as the one equation ``p(x) = \\frac{1}{3}`` defines it, and is no claim about every law."""
    from derive.docs.joint_law import LAW_NAMES

    if len(atoms) != 1 or atoms[0].args is None or atoms[0].decoration or atoms[0].star:
        return False
    name = atoms[0].key
    if name not in LAW_NAMES or reading.binding.clauses:  # a law clause (X \\sim ...) gives P(X = 2) its value
        return False
    if name not in reading.vocab.entries or name in tag_variables(reading.binding):
        return False
    mentioned = (*reading.binding.kinds, *reading.binding.overrides)
    return not any(_normal_name(written).split("(")[0].split("_")[0] == name for written in mentioned)


def _event_the_tag_leaves(reading, atoms) -> bool:
    """Whether the head of a chain is the chance of an event, P(i > j), under no law the tag gives and with a name the
    tag does not mention: ``P(i > j) = \\frac{e^{r_i}}{e^{r_i} + e^{r_j}} = \\sigma(r_i - r_j)`` names the value the
    chain computes, as the untagged reading does, and the claim is the rest of the chain."""
    from derive.docs.joint_law import LAW_NAMES
    from derive.docs.tags import FunctionClause, KindClause, PinClause, RangeClause

    if len(atoms) != 1 or atoms[0].args is None or atoms[0].decoration or atoms[0].star:
        return False
    name = atoms[0].key
    if name not in LAW_NAMES or not any(str(sep).startswith("event") for sep in atoms[0].seps):
        return False
    for clause in reading.binding.clauses:  # a law the tag states (X \\sim ..., a random variable) gives it its chance
        if not isinstance(clause, (FunctionClause, KindClause, PinClause, RangeClause)):
            return False
        if isinstance(clause, KindClause) and clause.kind in ("distribution", "random"):
            return False
        if isinstance(clause, FunctionClause) and clause.name == name:
            return False
    mentioned = (*reading.binding.kinds, *reading.binding.overrides)
    return name not in tag_variables(reading.binding) and not any(
        _normal_name(written).split("(")[0].split("_")[0] == name for written in mentioned
    )


# WER, ELO_A, mer; two capitals only before their arguments (IS(x), the inception score)
WORD = re.compile(r"\s*(?:\\(?:mathit|mathrm|textit)\s*\{\s*)?(?:[A-Za-z]{3,}(?![A-Za-z])|[A-Z]{2}(?=\s*\())")
# a letter or a word in text type, and another after a TeX space, one of them a word: F_1\ \text{Score}
LABEL_PART = r"(?:\\(?:text|mathrm)\s*\{\s*[A-Za-z]+\s*\}|[A-Za-z](?:_\{?\w+\}?)?)"
SPACED_LABEL = re.compile(rf"\s*{LABEL_PART}(?:\s*(?:\\ |~|\\,|\\;|\\quad)\s*{LABEL_PART})+\s*=")
TEXT_WORD = re.compile(r"\\(?:text|mathrm)\s*\{\s*[A-Za-z]{2,}\s*\}")


def _name_atoms(side, written: str) -> list:
    """The atoms of a side that is one name: a single symbol or application, or a word of letters written together
    at the start of the formula as ``written``, alone or before its arguments (``PReLU(-2)``)."""
    atom = single_atom(side)
    if atom is not None:
        return [atom]
    label = SPACED_LABEL.match(written)
    if label is not None and TEXT_WORD.search(label.group(0)):  # F_1\ \text{Score} = ...: one name, set apart
        return _letters_only(side)
    if not WORD.match(written):
        return []
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return []
    word = _word_applied(written)
    if word is not None:  # PReLU(-2): the word's letters, read as a product before a bracket; the bracket aside
        atoms = [node for node in side.nodes(expr) if isinstance(node, Atom)][: len(word)]
        return atoms if "".join(atom.key for atom in atoms) == word and not any(a.sub for a in atoms) else []
    if not isinstance(expr, sp.Mul) or not all(isinstance(factor, sp.Symbol) for factor in expr.args):
        return []
    atoms = side.nodes(expr)
    return atoms if len(atoms) >= 3 and all(isinstance(atom, Atom) for atom in atoms) else []


def _powered_atom(side):
    """The name a side raises to a whole power (``\\sigma^{2}_{f'_i}``), or None."""
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return None
    if not isinstance(expr, sp.Pow) or not isinstance(expr.base, sp.Symbol) or not isinstance(expr.exp, sp.Symbol):
        return None
    node, power = side.node(expr.base), side.node(expr.exp)
    whole = isinstance(power, Number) and power.text.strip().isdigit() and int(power.text) > 1
    return node if whole and isinstance(node, Atom) and node.args is None else None


def _letters_only(side) -> list:
    """The atoms of a side that reads as a product of plain names, none applied; else none."""
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return []
    if not isinstance(expr, sp.Mul) or not all(isinstance(factor, sp.Symbol) for factor in expr.args):
        return []
    atoms = side.nodes(expr)
    return atoms if all(isinstance(atom, Atom) and atom.args is None for atom in atoms) else []


APPLIED_WORD = re.compile(r"\s*(?P<word>[A-Za-z]{3,}|[A-Z]{2})\s*\(")


def _word_applied(written: str) -> str | None:
    """The word of a first side written as a word of letters before its arguments, ``PReLU(-2) = ...``; else None."""
    found = APPLIED_WORD.match(written)
    if found is None:
        return None
    close = closing_bracket(written, found.end() - 1)
    if close is None or not re.match(r"\s*=(?!=)", written[close + 1 :]):
        return None
    return found.group("word")


def _dry_run(reading):
    from derive.docs.realisations import realisation_samplers

    """A reading at the first point of the result's domain: it decides the variant, the indices and the domain."""
    reading.dims0 = _first_dimensions(reading.vocab)
    dry = reading.interpreter(reading.dims0)
    reading.dry = dry
    reading.dry_values = [dry.side(side) for side in reading.sides]
    for condition in reading.conditions:  # an index named only in a condition ("for i ≠ c") is bound too
        for name in (condition.left, condition.right):
            try:
                dry.index(name)
            except BindError:
                pass
    domain = _domain_for(reading.vocab, dry.flags, reading.relations, reading.binding, set())
    for symbol in dry.quantified.values():  # a free index the formula claims for each of its values
        reading.extra_samplers[symbol] = dom.index(reading.vocab.size)
    over_columns = {}  # j of X_{ij} beside X ∈ R^{n × q}: over X's q columns
    for symbol in (*reading.vocab.indices, *dry.quantified.values()):
        columns = written_entries.declared_dimension(dry, [symbol])
        if columns is not None and columns != reading.vocab.size:
            over_columns[symbol] = dom.index(columns)
    realised = realisation_samplers(reading.vocab, domain)
    reading.extra_samplers.update(realised)
    reading.realised = tuple(realised)
    if reading.extra_samplers:
        domain = domain.with_(samplers={**domain.samplers, **reading.extra_samplers})
    if over_columns:  # drawn after the dimensions they run over (an index over the tag's q after q)
        kept = {symbol: sampler for symbol, sampler in domain.samplers.items() if symbol not in over_columns}
        domain = domain.with_(samplers={**kept, **over_columns})
    if MATRIX_INVERSE.search(reading.text) and any(
        max(d.values) > LARGEST_INVERTED for d in domain.dimensions.values()
    ):
        domain = _small_dimensions(domain)
        reading.small = True
    reading.domain = domain


# M^{-1}, \mathbf{Q}^{-1/2}, \det: an inverse or determinant of a matrix of symbols grows factorially with its size
MATRIX_INVERSE = re.compile(r"(?<![A-Za-z\\])[A-Z]\}*\s*\^\s*\{?\s*-|\\det(?![A-Za-z])")


LARGEST_INVERTED = 3  # the largest size at which a matrix of symbols is inverted (about 1 s at size 3, minutes at 6)


def _small_dimensions(domain):
    """The domain with its dimensions cut to the sizes at which a matrix of symbols can be inverted in time."""
    samplers = dict(domain.samplers)
    for symbol, sampler in domain.dimensions.items():
        small = tuple(value for value in sampler.values if value <= LARGEST_INVERTED) or (min(sampler.values),)
        samplers[symbol] = dataclasses.replace(sampler, values=small)
    return domain.with_(samplers=samplers)


def _untagged_vocabulary():
    """No names at all: an untagged formula binds its own (see :mod:`derive.docs.untagged`); indices run over n."""
    import dataclasses

    from derive.notation import i, j, n

    generic = generic_vocab()
    domain = dom.Domain({n: dom.dimension(1, 6, unbounded=True), i: dom.index(n), j: dom.index(n)}, points=MIN_POINTS)
    return dataclasses.replace(generic, entries={}, dims={}, domain=domain)
