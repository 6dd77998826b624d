"""Reading a tag: ``derive: RESULT; NAME = MEANING; NAME: KIND``.

Examples, as they appear before a formula::

    <!-- derive: softmax_jacobian -->
    <!-- derive: softmax_jacobian; s = \\operatorname{softmax}(z) -->      s is the softmax output
    <!-- derive: softmax_jacobian; x = z -->                              x plays the role of z
    <!-- derive: cross_entropy_decomposition; P = p; Q = q -->
    % derive: dpo_optimal_policy; A: real
    <!-- derive: p = (0.7, 0.2, 0.1) -->                                   a worked example, no result

Clauses are separated by ``;`` (the word ``where`` may introduce them). ``NAME =
MEANING`` says that the document's NAME is MEANING written in the result's own
notation (``derive --list`` and the result's page show it). ``NAME: KIND`` declares a
symbol the result does not have: ``real`` (also ``advantage``, any sign), ``positive``
(a scale, a temperature), ``probability`` (in (0, 1)), ``vector``, ``logits`` or
``distribution`` (a probability vector over the result's index). ``derive: skip``
leaves the next formula unchecked. The clause ``erratum`` marks a formula quoted
from a source in order to record that it is wrong: its verdict is ERRATUM when the
checker refutes it, and FAIL ("marked as an erratum, but it holds") when it does not.
The clause ``assumption: TEXT`` marks a formula that states a claim read under an
assumption the source leaves unstated (TEXT, without ';'): it must hold, and its verdict
is ASSUMPTION; ``fails-under: TEXT`` names the other reading. A formula whose tag has
``fails-under: TEXT`` and no ``assumption`` states the claim under that other reading:
it must be refuted, and its verdict is ASSUMPTION too. Either way, a formula that does
not behave as recorded is a FAIL.

Clauses that say what an author's notation means (each changes the bound result's
vocabulary, :mod:`derive.vocabulary`, for this formula only):

* a function: ``NAME(PARAMS) = BODY`` (also ``:=``, ``\\coloneqq``, ``\\equiv``,
  ``\\stackrel{\\text{def}}{=}``), the body in the result's notation with the
  parameters standing for the arguments: ``g(x) = \\log\\sum_i e^{x_i}``,
  ``\\operatorname{LSE}(v) := \\log\\sum_i e^{v_i}``, ``\\phi(t) = 1/(1 + e^{-t})``;
* a kind beyond those above: ``NAME: matrix`` (entries M_{ij} over the result's
  dimension), ``NAME: index``, ``NAME: dimension``, ``NAME: sequence over t`` (g_t,
  g_{t-1}, with t the current step, a dimension); ``real number`` is ``real``;
* an arbitrary function: ``NAME: function`` (a refutation for one function is a FAIL);
* a definition at every step: ``\\delta_t = r_t + \\gamma V(s_{t+1}) - V(s_t)`` (δ_{t+1} is the body with
  t+1 for t), a recursion with a stated value ``s_{t-3} = 0``; see :mod:`derive.docs.arbitrary`;
* a range: ``NAME > NUMBER`` (``<``, ``\\ge``, ``\\le``, or ``a < NAME < b``) narrows
  where a symbol of the result or of the tag is sampled: ``\\epsilon > 0``, ``A > 0``;
  ``NAME = WHOLE NUMBER`` for one of the result's dimensions fixes it (``d_{in} = 4096``);
* a model parameter the result declares: ``mean \\mu``, ``variance \\sigma^2``,
  ``variance of q \\sigma_q^2`` (attention scaling), ``one-hot target``
  (softmax cross-entropy); and for every result: ``H in bits`` (entropy, and mutual
  information, in base 2), ``equal dimensions``, ``distinct dimensions``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from derive.docs.bracket_functions import bracket_definitions
from derive.docs.command_functions import declared_command_functions, with_command_functions
from derive.docs.decide import Binding
from derive.docs.derivative_names import declared_derivatives, with_derivative_names
from derive.docs.italic_names import italicise, tag_words
from derive.docs.labelled_derivative import labels_of_defined_functions
from derive.docs.laws import draws_at_top
from derive.docs.matrix_rows import declared_rows
from derive.docs.name_relations import symmetric_name
from derive.docs.numerals import E_NOTATION, e_notation_parts
from derive.docs.operations import writes_as_an_index
from derive.docs.primed_names import declared_primed_functions, with_primed_names
from derive.docs.side_names import WORD_ARGUMENT
from derive.docs.solved_moments import solved_moment
from derive.docs.superscript_labels import declared_labels, with_labels
from derive.docs.tag_spelling import (
    COMPARISON,
    DOTS,
    NAME,
    NUMBER,
    SpellingError,
    kind_phrase,
    membership,
    split_clauses,
    square_root,
)
from derive.docs.tokens import BRACKET_SIZES
from derive.docs.unnormalised_laws import solved_unnormalised
from derive.errors import DeriveError
from derive.vocabulary import Setting

# a word in text type written after a name, not as its subscript: i \text{ beats } j names an event, not a parameter i
EVENT_IN_WORDS = re.compile(r"(?<=[A-Za-z0-9}])\\(?:text|textrm|textsf|mathrm)\{[A-Za-z]{2,}\}")


class TagError(DeriveError):
    """A tag that cannot be read."""


@dataclass(frozen=True)
class FunctionClause:
    """``NAME(PARAMS) = BODY``: the document's function NAME."""

    name: str
    params: tuple
    body: str
    head: str = ""  # NAME(PARAMS) as written (p(y \mid x))
    index: str = ""  # the index of a function defined entry by entry: i in softmax(x)_i = e^{x_i} / ...
    powers: tuple = ()  # each parameter's written power: 2 for \sigma^2 in p(x \mid \mu, \sigma^2), else 1


@dataclass(frozen=True)
class RunDefinition:
    """``p(x_1, \\ldots, x_n) = p(x_1) \\prod_{i=2}^n p(x_i \\mid x_{i-1})``: a definition at a run of arguments
    written with dots, read only with the formula written out for sequences of each length
    (derive.docs.sequence_laws)."""

    name: str
    head: str
    body: str

    @property
    def refusal(self) -> str:
        return (
            f"cannot read the clause '{self.head} = {self.body}': a definition at a run of arguments written with dots"
            " (p(x_1, \\ldots, x_n) = ...) is read only beside a formula about the law of that sequence, written out"
            " at each length"
        )


@dataclass(frozen=True)
class LawOfOutcomes:
    """``X, Y: random variables with joint distribution p(x, y)``: p is one joint law of the formula's outcomes
    (derive.docs.joint_law); the tag's definitions of p by itself (p(y) = Σ_x p(x, y)) are its properties."""

    name: str
    variable: str = ""  # X, the random variable whose values are the law's outcome x


@dataclass(frozen=True)
class KindClause:
    """``NAME: KIND`` for the kinds the vocabulary itself adds (matrix, index, dimension, sequence over t)."""

    name: str
    kind: str
    steps: str = "t"
    support: tuple = ()  # a uniform variable's (low, high), as written, and whether it is discrete
    over: tuple = ()  # a vector's size or a matrix's rows and columns, as written (x \in \mathbb{R}^d)


@dataclass(frozen=True)
class RangeClause:
    """``NAME > NUMBER``, ``NAME \\le NUMBER``, ``a < NAME < b``: where a symbol is sampled."""

    name: str
    low: str | None
    high: str | None
    strict_low: bool = False
    strict_high: bool = False


def _e_notation_written_out(meaning: str) -> str:
    """A value in E notation, ``N = 1e9``, written as the power of ten it stands for (``1 \\times 10^{9}``), as a
    formula's 3e-4 is read; any other meaning as written."""
    written = E_NOTATION.fullmatch(meaning)
    if written is None:
        return meaning
    mantissa, _, exponent = e_notation_parts(written)
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


@dataclass(frozen=True)
class PinClause:
    """``NAME = WHOLE NUMBER`` where NAME is a dimension of the result: every point takes that value."""

    name: str
    value: int


SCALAR_KINDS = ("real", "real number", "scalar", "advantage", "positive", "scale", "temperature", "probability")
VOCABULARY_KINDS = ("matrix", "index", "dimension", "size", "sequence", "random")
STRUCTURED_MATRICES = (
    "symmetric positive definite matrix",
    "positive definite matrix",
    "symmetric matrix",
    "diagonal matrix",
    "stochastic matrix",
)
DEFINES = re.compile(
    r"\s*(?::=|\\coloneqq|\\equiv|\\triangleq|\\doteq|\\(?:stackrel|overset)\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\{=\}|=)\s*"
)
# a function's name: a word (in text type, with escaped underscores: \mathrm{kl\_div}; or a capitalised one written
# bare: Loss(x, y, W)), a command or a letter (with an accent, \tilde\mu), with an optional subscript (\pi_\theta, h_{\theta}, P_{ref})
# and star (r^*)
FUNCTION_HEAD = re.compile(
    r"^\s*((?:(?:\\operatorname|\\mathrm|\\text|\\textrm)\{[A-Za-z][A-Za-z0-9]*(?:\\_[A-Za-z0-9]+)*\}|[A-Z][A-Za-z]+(?=\s*\()"
    r"|\\(?:tilde|hat|bar|widetilde|widehat|overline)\s*(?:\{\s*\\?[A-Za-z]+\s*\}|\\[A-Za-z]+|[A-Za-z])|\\[A-Za-z]+|[A-Za-z])"
    r"(?:\s*_\s*(?:\{[^{}()]*(?:\{[^{}()]*\}[^{}()]*)*\}|\\[A-Za-z]+|[A-Za-z0-9]))?(?:\s*\^\s*\{?\s*\*\s*\}?)?)"
    r"\s*\(((?:[^()]|\{\s*\([^(){}]*\)\s*\})*)\)\s*$"  # a parameter may carry a label in brackets, x^{(1)}
)
# the command sizing a bracket, \big( or \left(: dropped before the head is matched
SIZED_BRACKET = re.compile(rf"\\(?:{'|'.join(BRACKET_SIZES)})(?![A-Za-z])\s*")
# what separates a function's parameters: commas, and the bar of a conditional, P(\tau | \theta)
PARAMETER_SEPARATOR = re.compile(r",|;|\\mid|\\vert|\|")
WHOLE = re.compile(r"^\d+$")


def parse_tag(text: str) -> Binding | None:
    """The binding a tag states; None for ``derive: skip``."""
    from derive.registry import catalog_names

    body = text.strip()
    if body.lower() in ("skip", "ignore", "off", "none"):
        return None
    separator = re.search(r"(?<!\\);", body)  # \; is a space in TeX, never the end of the result's name
    head, rest = (body[: separator.start()], body[separator.end() :]) if separator else (body, "")
    head = head.strip()
    where = ""
    opening = RESULT_THEN_CLAUSES.match(head)
    if opening and opening.group(1) in catalog_names():  # softmax_jacobian where z \in \mathbb{R}^n
        head, where = opening.group(1), opening.group(2)
    elif " where " in f" {head} ":
        head, _, where = head.partition("where")
        head = head.strip()
    binding = Binding()
    misspelt = re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", head) and "-" in head and head.lower() not in ("one-hot",)
    if head and not misspelt and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", head) or head.lower() == "erratum":
        where = f"{head};{where}"  # the tag opens with a clause
        head = ""
    try:
        clauses = split_clauses(f"{where};{rest}")
        binding.derivatives = declared_derivatives(clauses)  # \frac{\partial L}{\partial g_j} \in \mathbb{R}: a name
        clauses = [with_derivative_names(clause, binding.derivatives)[0] for clause in clauses]
        binding.primed = declared_primed_functions(clauses, tuple(name for _, name, _ in binding.derivatives))
        clauses = [with_primed_names(clause, binding.primed)[0] for clause in clauses]  # \phi'(y) = \phi(x, y)
        taken = (*(name for _, name, _ in binding.derivatives), *(name for _, name in binding.primed))
        binding.commands = declared_command_functions(clauses, taken)  # \cos(u, v) = ...: a function of its own
        clauses = [with_command_functions(clause, binding.commands)[0] for clause in clauses]
        binding.labels = declared_labels(clauses)  # W^q \in \mathbb{R}^{d \times k}: the matrix W^{(q)}
        clauses = [with_labels(clause, binding.labels) for clause in clauses]
        binding.words = tag_words([clause for clause in clauses if not _reading_clause_word(clause)])
        clauses = [clause if _reading_clause_word(clause) else italicise(clause, binding.words) for clause in clauses]
        clauses, binding.bracket_functions = bracket_definitions(clauses)  # f[x] = x^2: f(x) = x^2
        clauses = _spelt_clauses(_step_names_as_subscripts(clauses, binding))
        from derive.docs.laws import entrywise_laws

        clauses = entrywise_laws(clauses)  # x \sim \mathcal{N}(0, I_d): x over d entries, each drawn alike
    except SpellingError as exc:
        raise TagError(str(exc)) from None
    if head:
        names = catalog_names()
        if head not in names:
            import difflib

            close = difflib.get_close_matches(head, names, n=2, cutoff=0.5)
            raise TagError(
                f"the tag names no result '{head}'" + (f"; did you mean {', '.join(close)}?" if close else "")
            )
        binding.result = head
    from derive.docs.decision_process import decision_process

    clauses, process = decision_process(clauses)  # a_t \sim \pi(\cdot \mid s_t); ...; V^\pi(s) = E[...]
    if process is not None:
        binding.clauses.append(process)
    summed: set = set()  # the indices of sums the tag sets to 1
    for clause in clauses:
        clause = clause.strip()
        if not binding.result:  # under a result, its model gives the moments (E[w] = 0 only is read)
            clause = square_root(solved_moment(clause, clauses))  # E[x^2] = \sigma^2 + \mu^2: \sigma = \sqrt{...}
        if clause.strip().lower() == "erratum":
            binding.erratum = True
            continue
        reading = _reading_clause(clause)
        if reading:
            kind, text = reading
            setattr(binding, kind, text)
            continue
        if clause.lower().startswith("log base"):
            base = clause.split()[-1]
            if base not in ("e", "2", "10"):
                raise TagError(f"log base must be e, 2 or 10, not {base}")
            binding.log_base = base
            continue
        growing = GROWING.fullmatch(clause)
        if growing:  # n \to \infty: a link written ≈ holds as n grows (derive.docs.growing)
            binding.large += (_key(growing.group(1)),)
            continue
        total = SUM_TO_ONE.fullmatch(clause)
        if total:  # \sum_{x=1}^{n} p_x = 1 (or p(x)): p is a distribution over the summed outcomes
            name, upper = total.group("name"), total.group("upper")
            sized = _kind(f"{name}: distribution over {upper}") if upper else None
            binding.clauses.append(sized or KindClause(_key(name), "distribution"))
            summed.add(total.group("index"))
            continue
        rows = ROWS_SUM_TO_ONE.fullmatch(clause)
        if rows:  # \sum_k p_{mk} = 1: each row of p, p_{m1}, p_{m2}, ..., is a distribution over k
            binding.clauses.append(KindClause(_key(rows.group("name")), "stochastic matrix"))
            continue
        if INEQUATION.fullmatch(clause):  # h \neq 0: the points where it fails are set aside
            binding.conditions.append(clause)
            continue
        if _vocabulary_clause(clause, binding):
            continue
        if "=" in clause and not clause.rstrip().endswith("="):
            name, _, meaning = clause.partition("=")
            top = _outside_brackets(clause).find("=")  # P(y = i) = ...: the first = outside brackets
            if top > 0:
                name, meaning = clause[:top], clause[top + 1 :]
            if not name.strip() or not meaning.strip():
                raise TagError(f"the clause '{clause}' needs a name and a meaning")
            symmetric = symmetric_name(name, meaning)  # \mathbf{A} = \mathbf{A}^\top: derive.docs.name_relations
            if symmetric is not None and _vocabulary_clause(f"{symmetric}: symmetric matrix", binding):
                continue
            size = SIZE_OF_SET.fullmatch(name)
            if size and NUMBER.match(meaning.strip()) and float(meaning) > 0:
                # |V| = 50000: the size of a set V (a vocabulary), a positive number, which |V| then is
                name = size.group(1)
            if _words(name):  # X has density f(x) = ...: a sentence, not a name (its first letter is no name either)
                raise TagError(
                    f"cannot read the clause '{clause}': '{name.strip()}' is words, not a name; write 'NAME = MEANING'"
                    " with NAME one symbol or application (f(x) = ...), or name the law (X \\sim \\text{Laplace}(\\mu, b))"
                )
            if _same_name(name, meaning):  # \pi_{\text{ref}} = \pi_{ref}: the document's name is the result's
                continue
            solved = _solved_for_one_factor(name, meaning, clauses)
            if solved is not None:  # \tau T = 6PD, with \tau, P, D ranged: T = 6PD / \tau
                name, meaning = solved
            elif not _renames_an_expression(name, meaning) and not _start_of_superscript_steps(name, clauses):
                _no_condition_on_a_moment(name, meaning, clause, binding)
                _one_name(name, clause)  # {v'_w}^\top v_{w_I} = x: derive.docs.renamed_expressions
            binding.overrides[name.strip()] = _e_notation_written_out(meaning.strip())
            if (
                meaning.strip().isdigit() and int(meaning) > 0 and _is_a_name(name)
            ):  # a dimension's value, if NAME is one (an override otherwise; \|q - k\| = 1: derive.docs.expression_values)
                binding.clauses.append(PinClause(_key(name), int(meaning)))
        elif ":" in clause:
            name, _, kind = clause.partition(":")
            if not name.strip() or not kind.strip():
                raise TagError(f"the clause '{clause}' needs a name and a kind")
            binding.kinds[name.strip()] = kind.strip()
        elif " is " in clause:
            name, _, kind = clause.partition(" is ")
            binding.kinds[name.strip()] = kind.strip().removeprefix("a ").removeprefix("an ")
        else:
            raise TagError(
                f"cannot read the clause '{clause}': write 'NAME = MEANING', 'NAME: KIND' or 'NAME \\in SET'"
            )
    if binding.erratum and (binding.assumption or binding.fails_under):
        raise TagError("a formula is either an erratum or a reading under an assumption, not both")
    binding.clauses[:] = solved_unnormalised(binding.clauses, binding.kinds)  # p(x) = \tilde p(x) / Z: \tilde p = Z p
    _sized_distributions(binding)
    _law_of_listed_entries(binding)
    settle_laws(binding)
    _entries_ranged(binding, summed)
    _rows_ranged(binding)
    _equal_indices(binding)
    _ranges_on_declared_values(binding)
    labels_of_defined_functions(binding)  # J(\theta) = \sum_y \pi_\theta(y) R(y): π_θ a function of θ
    binding.rows = declared_rows(binding)  # \mathbf{v}_{i, l} beside \mathbf{V} \in \mathbb{R}^{d \times k}: V's rows
    return binding


def _ranges_on_declared_values(binding: Binding) -> None:
    """A range or kind on the value of a distribution or a function the tag declares (``q(x) > 0`` or ``q(x):
    positive`` beside ``q: distribution``, ``g(x) > 0`` beside ``g(x) = x^2 + 1``) is about that law's or function's
    own value, never a number apart: one every value of a law meets (positive, at most 1) says nothing more and is
    dropped; any other is a condition on the law or the function, which is refused."""
    from derive.docs.decide import kind_word

    laws = {_key(name) for name, kind in binding.kinds.items() if kind_word(kind) == "distribution"}
    laws |= {c.name for c in binding.clauses if isinstance(c, KindClause) and c.kind == "distribution"}
    # a function at as many arguments as the tag defines it with (p(coat) beside p(rain | coat) = ... is another value)
    functions = {(c.name, len(c.params)) for c in binding.clauses if isinstance(c, FunctionClause)}

    def refused(name, head):
        return TagError(
            f"the clause on {name} bounds the values of a {'distribution' if head in laws else 'function'} the tag"
            " declares: a condition on it, which is not read"
        )

    kept = []
    for clause in binding.clauses:
        head, arguments = _applied(clause.name, written=False) if isinstance(clause, RangeClause) else ("", 0)
        if head in laws and _within_laws_values(clause):
            continue
        if head in laws or (head, arguments) in functions:
            raise refused(clause.name, head)
        kept.append(clause)
    binding.clauses[:] = kept
    for name, kind in list(binding.kinds.items()):
        head, arguments = _applied(name) if kind_word(kind) in LAW_VALUE_KINDS else ("", 0)
        if head in laws:
            del binding.kinds[name]
        elif (head, arguments) in functions:
            raise refused(name, head)


LAW_VALUE_KINDS = ("positive", "probability", "real")  # kinds every value of a law has


def _applied(name: str, written: bool = True) -> tuple[str, int]:
    """(the key of the name applied, the number of arguments) for an application written in LaTeX (q(x), \\pi(a \\mid
    s)), or already a key when not ``written`` (pi(a,s)); ("", 0) for a name."""
    try:
        key = _key(name) if written and "(" in name else name
    except TagError:
        return "", 0
    head, _, arguments = key.partition("(")
    return (head, len(arguments.split(","))) if arguments else ("", 0)


def shared_law_values(binding: Binding) -> tuple[list, list]:
    """The tag's ranges and kinds on the value of a law of the shared notation at an argument (``q(x) > 0``, ``q(x):
    positive``, with no result and q declared nowhere) that every value of a law meets, as (range clauses, kind
    names): each reads q(x) as a number of its own, where the formula may use q as the law."""
    from derive import domain as dom
    from derive.docs.bind import generic_vocab
    from derive.docs.decide import _normal_name, kind_word

    if binding.result:
        return [], []
    shared = generic_vocab()
    declared = {_normal_name(name) for name in binding.kinds}
    declared |= {getattr(c, "name", None) for c in binding.clauses}

    def shared_law(head):
        symbol = shared.symbol(head) if head and head not in declared else None
        law = shared.domain.samplers.get(symbol) if symbol is not None and shared.domain is not None else None
        return isinstance(law, dom.ProbabilityVector)

    ranges = [
        c
        for c in binding.clauses
        if isinstance(c, RangeClause) and shared_law(_applied(c.name, written=False)[0]) and _within_laws_values(c)
    ]
    kinds = [
        name
        for name, kind in binding.kinds.items()
        if shared_law(_applied(name)[0]) and kind_word(kind) in LAW_VALUE_KINDS
    ]
    return ranges, kinds


def _within_laws_values(clause: RangeClause) -> bool:
    """Whether every value a law takes, positive and at most 1, is in the range (q(x) > 0, 0 \\le q(x) \\le 1)."""
    from fractions import Fraction

    try:
        low_holds = clause.low is None or Fraction(clause.low) <= 0
        high_holds = (
            clause.high is None or Fraction(clause.high) > 1 or Fraction(clause.high) == 1 and not clause.strict_high
        )
    except ValueError:  # a bound that is no number
        return False
    return low_holds and high_holds


def _rows_ranged(binding: Binding) -> None:
    """A range every value of a law meets on an entry of a matrix whose rows are laws (``p_{mk} \\ge 0`` beside
    ``\\sum_k p_{mk} = 1``) is what the rows are, and is dropped: read apart, it would name a number of its own."""
    rows = {c.name for c in binding.clauses if isinstance(c, KindClause) and c.kind == "stochastic matrix"}
    binding.clauses[:] = [
        clause
        for clause in binding.clauses
        if not (
            isinstance(clause, RangeClause)
            and (entry := re.fullmatch(r"(.+)_[A-Za-z],?[A-Za-z]", clause.name))
            and entry.group(1) in rows
            and _within_laws_values(clause)
        )
    ]


def _equal_indices(binding: Binding) -> None:
    """``i = k`` between two letters the tag declares whole numbers states a case (the diagonal of a Jacobian): it
    is a condition on the two indices, as ``i \\neq k`` is, not a definition of i (which a subscript never reads)."""
    wholes = {c.name for c in binding.clauses if isinstance(c, KindClause) and "integer" in c.kind}
    for name, meaning in list(binding.overrides.items()):
        if name in wholes and meaning in wholes and re.fullmatch(r"[a-z]", name) and re.fullmatch(r"[a-z]", meaning):
            del binding.overrides[name]
            binding.conditions.append(f"{name} = {meaning}")


def _sized_distributions(binding: Binding) -> None:
    """``\\sum_j y_j = 1`` beside ``y \\in \\mathbb{R}^n``: one distribution over n, so that the membership, which
    says only the size, does not undo the sum the tag sets to 1."""
    summed = {c.name for c in binding.clauses if isinstance(c, KindClause) and c.kind == "distribution" and not c.over}
    sized = {
        c.name: c for c in binding.clauses if isinstance(c, KindClause) and c.kind == "vector" and c.name in summed
    }
    if not sized:
        return
    kept = []
    for clause in binding.clauses:
        if isinstance(clause, KindClause) and clause.name in sized:
            if clause.kind == "vector":
                kept.append(dataclasses.replace(clause, kind="distribution"))
            continue  # the bare distribution, now sized
        kept.append(clause)
    binding.clauses[:] = kept


OUTCOME_VALUES = "outcome values"  # the numbers each entry of a vector of a law's outcomes takes


def _law_of_listed_entries(binding: Binding) -> None:
    """``p: distribution`` beside ``\\mathbf{x} \\in \\{0, 1\\}^n``: p is the joint law of the n entries of x, each one of
    the listed numbers, as ``x_1, \\ldots, x_n: random variables with joint distribution p`` with each entry listed."""
    vectors = [c for c in binding.clauses if isinstance(c, KindClause) and c.kind == "values" and c.over]
    laws = [name for name, kind in binding.kinds.items() if kind.strip() == "distribution"]
    if len(vectors) != 1 or len(laws) != 1:
        return
    vector, law = vectors[0], laws[0]
    del binding.kinds[law]
    binding.clauses[binding.clauses.index(vector)] = dataclasses.replace(vector, kind=OUTCOME_VALUES)
    binding.clauses.extend(
        LawOfOutcomes(_key(law), _variable_key(f"{vector.name}_{term}")) for term in ("1", *vector.over)
    )


def settle_laws(binding: Binding) -> None:
    """The binding's law clauses made definite (:func:`derive.docs.laws.settle`), and each declared symbol with a range
    or bounding a uniform law declared in the vocabulary first, so that the law, the range and the formula share it."""
    from derive.docs.laws import settle

    settle(binding)  # X \sim \text{Bin}(n, p): the laws' supports and undeclared parameters
    ranged = {c.name for c in binding.clauses if isinstance(c, RangeClause)}
    for name in [
        n
        for n in binding.kinds
        if (n.strip() in ranged or _key(n) in ranged) and not binding.kinds[n].startswith("function")
    ]:  # a declared symbol with a range: the vocabulary makes both
        binding.clauses.insert(0, KindClause(_key(name), binding.kinds.pop(name).strip()))
    bounds = {b for c in binding.clauses if isinstance(c, KindClause) and c.support for b in c.support[:2]}
    for name in [n for n in binding.kinds if not NUMBER.match(n.strip()) and _key(n) in bounds]:
        # a bound of a uniform variable: declared in the vocabulary first, so that the law and the formula share it
        binding.clauses.insert(0, KindClause(_key(name), binding.kinds.pop(name).strip()))


ENTRY_NAME = re.compile(r"^(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)(?:_\{?([A-Za-z])\}?|\(([A-Za-z])\))$")
SUM_TO_ONE = re.compile(
    r"\s*\\sum_\{?\s*(?P<index>[A-Za-z])\s*(?:=\s*[^{}^]*)?\}?(?:\^\{?\s*(?P<upper>[^{}\s]+)\s*\}?)?\s*"
    r"(?P<name>\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*(?:_\{?\s*(?P=index)\s*\}?|\(\s*(?P=index)\s*\))\s*=\s*1\s*"
)
ROWS_SUM_TO_ONE = re.compile(
    r"\s*\\sum_\{?\s*(?P<index>[A-Za-z])\s*\}?\s*(?P<name>\\?[A-Za-z]+)\s*_\{\s*(?!(?P=index))[A-Za-z]\s*,?\s*(?P=index)\s*\}\s*=\s*1\s*"
)
INDEX_KINDS = ("positive integer", "nonnegative integer", "non-negative integer", "integer", "index")


def _entries_ranged(binding: Binding, summed: set, applied: bool = True) -> None:
    """``q_i > 0; i \\in \\{1, \\ldots, K\\}``: a lower bound 0 on an entry whose index the tag ranges over (or sums
    over, \\sum_i q_i = 1) bounds every entry of the vector q, read as ``q: positive vector`` (q_i alone would be one
    number, apart from q_y and q_1); for a distribution the bound is already its own, and is dropped."""
    indices = summed | {c.name for c in binding.clauses if isinstance(c, KindClause) and c.kind in INDEX_KINDS}
    kinds = {_key(n): k for n, k in binding.kinds.items()} | {
        c.name: c.kind for c in binding.clauses if isinstance(c, KindClause)
    }
    declared = set(kinds) | {c.name for c in binding.clauses if isinstance(c, KindClause) and c.kind not in INDEX_KINDS}
    summed_bases = _summed_entries(binding)
    kept = []
    for clause in binding.clauses:
        entry = ENTRY_NAME.match(clause.name) if isinstance(clause, RangeClause) else None
        lower_zero = (
            entry is not None
            and clause.high is None
            and clause.low is not None
            and NUMBER.match(clause.low)
            and float(clause.low) == 0
        )
        base, index = (entry.group(1), entry.group(2) or entry.group(3)) if entry else ("", "")
        if entry and entry.group(3) and not applied:
            kept.append(clause)
            continue
        if lower_zero and index in indices and kinds.get(base, "").split(" ")[0] == "distribution":
            continue  # p_x \\ge 0 beside \\sum_x p_x = 1: what a distribution is
        if lower_zero and (index in indices or base in summed_bases) and base not in declared:
            last = _last_index(binding, index)  # j \in \{1, \ldots, C\}: q has C entries
            clause = KindClause(base, "positive vector", over=(last,) if last else ())
        kept.append(clause)
    binding.clauses[:] = kept


def _last_index(binding: Binding, index: str) -> str | None:
    """The name the tag's range of an index ends at (C for ``j \\in \\{1, \\ldots, C\\}``, read as ``j \\le C``):
    the number of entries of a vector written at that index; None for a number or no such range."""
    for condition in binding.conditions:
        found = re.fullmatch(rf"\s*{re.escape(index)}\s*\\le\s*(\\?[A-Za-z]+)\s*", condition)
        if found and found.group(1) not in (index, "\\infty"):
            return found.group(1)
    return None


SUM_INDEX = re.compile(r"\\sum_\{?\s*([A-Za-z])(?![A-Za-z])")


def entries_the_formula_sums(binding: Binding, text: str) -> Binding:
    r"""The binding for a formula that sums over an index: a tag's ``p_t > 0`` beside ``\sum_{t=1}^{3} \log p_t`` bounds
    every entry of the vector p the sum runs over (as a sum over t in the tag itself makes it), where it would name a
    number apart from p_1, p_2 and the sum's p_t; a bound written on an application, p(x) > 0, is left to the reading
    of laws. The tag's own binding is left as it is."""
    indices = set(SUM_INDEX.findall(text))
    if not indices or not any(isinstance(c, RangeClause) for c in binding.clauses):
        return binding
    bound = dataclasses.replace(binding, clauses=list(binding.clauses))
    _entries_ranged(bound, indices, applied=False)  # p(x) > 0 beside \sum_x p(x): a law's value (reading.py)
    return bound if bound.clauses != binding.clauses else binding


ENTRY_WRITTEN = (
    r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{{\s*{name}\s*\}}|(?<![\\A-Za-z]){name})\s*_\s*\{{?\s*([A-Za-z]|\d+)\s*\}}?"
)
RUNNING_INDEX = re.compile(
    r"\\(?:sum|prod)(?:\\limits)?\s*_\s*\{?\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)?([A-Za-z](?:_\{?\s*\w+\s*\}?)?)"
)


def _running_indices(text: str) -> set:
    """The letters sums and products run over (i of \\sum_i x_i), and the entries they run over (x_1 of
    \\sum_{x_1} p(x_1))."""
    return {re.sub(r"[\s{}]", "", index) for index in RUNNING_INDEX.findall(text)}


def summed_listed_entries(binding: Binding, text: str) -> str | None:
    r"""Why a formula that sums over a vector whose entries are outcomes of listed numbers (``\sum_{x_1} p(x_1)``
    beside ``\mathbf{x} \in \{0, 1\}^n``) is not read: such a sum would run over the sampled size, not over the
    listed numbers; None when it sums over none."""
    listed = {c.name: c.support for c in binding.clauses if isinstance(c, KindClause) and c.kind == OUTCOME_VALUES}
    for index in _running_indices(text):
        if index.partition("_")[0] in listed:
            values = ", ".join(map(str, listed[index.partition("_")[0]]))
            return f"a sum or product over {index}, whose values are {values}, is not read"
    return None


def entries_the_formula_lists(binding: Binding, text: str) -> Binding:
    r"""The binding for a formula that writes entries of a vector whose entries are outcomes of the tag's law, each one
    of listed numbers (``\mathbf{x} \in \{0, 1\}^n`` beside ``p: distribution``): each entry it writes (x_1, x_i
    where no sum or product runs over i) takes those numbers. The tag's own binding is left as it is."""
    listed = [c for c in binding.clauses if isinstance(c, KindClause) and c.kind == OUTCOME_VALUES]
    if not listed:
        return binding
    running = _running_indices(text)
    declared = {c.name for c in binding.clauses if isinstance(c, KindClause)}
    added = []
    for clause in listed:
        for sub in re.findall(ENTRY_WRITTEN.format(name=re.escape(clause.name)), text):
            entry = f"{clause.name}_{sub}"
            if not running & {sub, entry} and entry not in declared:
                declared.add(entry)
                added.append(KindClause(entry, "values", support=clause.support))
    return dataclasses.replace(binding, clauses=[*binding.clauses, *added]) if added else binding


def _summed_entries(binding: Binding) -> set:
    r"""The names the tag's definitions write with the index of a sum (p of p_i^\alpha / \sum_k p_k^\alpha), or with
    the index of the entry they define (P of w_i = (N P(i))^{-\beta}): entries of one vector, so that a bound on p_i
    bounds them all."""
    bases = set()
    bodies = [*binding.overrides.values(), *(getattr(clause, "body", "") for clause in binding.clauses)]
    for meaning in filter(None, bodies):
        for index in set(SUM_INDEX.findall(meaning)):
            bases |= set(re.findall(_entry_at(index, applied=False), meaning))
    for name, meaning in binding.overrides.items():
        defined = DEFINED_ENTRY.fullmatch(str(name).strip())
        if defined and meaning:
            bases |= set(re.findall(_entry_at(defined.group(1)), meaning)) - {_key(name)}
    return bases


DEFINED_ENTRY = re.compile(r"\\?[A-Za-z]+_\{?\s*([a-z])\s*\}?")  # w_i: a definition at every entry i


def _entry_at(index: str, applied: bool = True) -> str:
    """A pattern for a name written at ``index``: p_i, p_{i}, and P(i) when ``applied``."""
    call = rf"|\(\s*{index}\s*\)" if applied else ""
    return rf"(\\?[A-Za-z]+)(?:_\{{\s*{index}\s*\}}|_{index}(?![A-Za-z0-9]){call})"


WORDS = re.compile(r"(?<![\\A-Za-z])[A-Za-z]{2,}\s+[A-Za-z]{2,}(?![A-Za-z])")
COMMAND_ARGUMENT = re.compile(r"\\(?:text|textrm|mathrm|operatorname|mbox|mathit|mathsf)\s*\{[^{}]*\}|\\[A-Za-z]+")


def _words(name: str) -> bool:
    """Whether the left side of ``NAME = MEANING`` holds two words of prose (outside \\text{...} and commands)."""
    plain = COMMAND_ARGUMENT.sub(" ", name)
    return any(len(max(m.group(0).split(), key=len)) >= 3 for m in WORDS.finditer(plain))


RESULT_THEN_CLAUSES = re.compile(
    r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:,|:|\s(?:where|with|given|for|let|assuming|and)\s|\\text\s*\{\s*where\s*\})\s*(.*)$",
    re.IGNORECASE,
)
GROWING = re.compile(r"\s*(\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*(?:\\to|\\rightarrow)\s*\\infty\s*")
INEQUATION = re.compile(r"[^=<>]+?\s*(?:\\neq|\\ne(?![A-Za-z])|!=|≠)\s*[^=<>]+")
NAMED_FUNCTION = re.compile(
    r"^(.+?)\s*=\s*(\\(?:tanh|sinh|cosh|sin|cos|tan|arctan|exp|log|ln)"
    r"|\\(?:operatorname|mathrm)\s*\{\s*(?:softmax|relu|ReLU|softplus|sigmoid|tanh|GELU|gelu)\s*\})$"
)
MAPS_TO = re.compile(r"\\to\b|\\rightarrow\b|→")


DECLARATION = re.compile(r"^(?P<name>.+?)(?P<rest>\s*(?:\\in(?![A-Za-z])|∈|:|\s+is\s+).*)$")


def _step_names_as_subscripts(clauses: list[str], binding) -> list[str]:
    """The clauses with each name declared at a step superscript (``\\theta^t_i \\in \\mathbb{R}``) written with the
    step as a subscript (θ_{i,t}); the heads and step letters are kept in ``binding.step_names`` for the formula."""
    from derive.docs.steps import declared_step_name
    from derive.docs.superscript_labels import _top_level_parts

    read = []
    for clause in _names_declared_apart(clauses, declared_step_name, _top_level_parts):
        declared = DECLARATION.match(clause)
        found = declared_step_name(declared.group("name")) if declared else None
        if found is None:
            read.append(clause)
            continue
        name, head, letters = found
        if (head, letters) not in binding.step_names:
            binding.step_names += ((head, letters),)
        read.append(name + declared.group("rest"))
    return read


def _names_declared_apart(clauses: list[str], step_name, parts) -> list[str]:
    """The clauses with a declaration of several names one of which has a step superscript (``X^q_i, P_i \\in
    \\mathbb{R}^d``) split into one declaration per name, each then read on its own."""
    read = []
    for clause in clauses:
        declared = DECLARATION.match(clause)
        names = parts(declared.group("name")) if declared else []
        if len(names) > 1 and any(step_name(name.strip()) for name in names):
            read.extend(name.strip() + declared.group("rest") for name in names)
        else:
            read.append(clause)
    return read


def _spelt_clauses(clauses: list[str]) -> list[str]:
    """The clauses as :func:`parse_tag` reads them: memberships, kinds in words and ``x is real`` rewritten."""
    read = []
    for clause in clauses:
        if _reading_clause_word(clause):
            read.append(clause)
            continue
        named = NAMED_FUNCTION.match(clause)
        if named and NAME.match(named.group(1).strip()):  # h = \tanh: the document's h is that function
            read.append(f"{named.group(1).strip()}(u) = {named.group(2)}(u)")
            continue
        found = membership(clause)
        if found is None and ":" in clause and "=" not in clause.partition(":")[0]:
            name, _, kind = clause.partition(":")
            if MAPS_TO.search(kind) and NAME.match(name.strip()):
                # f: \mathbb{R} \to \mathbb{R} declares an arbitrary function; \sigma: \mathbb{R} \to (0, 1) only states
                # the signature of a function the notation may know (the logistic): the name keeps its meaning
                found = [f"{name.strip()}: function"] if re.fullmatch(r"[A-Za-z]", name.strip()) else []
            elif name.strip() and kind.strip():
                found = kind_phrase(name.strip(), kind)
        read.extend(found if found is not None else [clause])
    return read


def _reading_clause_word(clause: str) -> bool:
    return clause.split(":", 1)[0].strip().lower() in ("assumption", "fails-under")


def _outside_brackets(text: str) -> str:
    """``text`` with every character inside (), [] or {} blanked (same length): where its top-level signs are."""
    depth, kept = 0, []
    for character in text:
        depth -= character in ")]}"
        kept.append(character if depth <= 0 else " ")
        depth += character in "([{"
    return "".join(kept)


def _vocabulary_clause(clause: str, binding: Binding) -> bool:
    from derive.docs.density_law import is_density_clause
    from derive.docs.outcome_law import is_outcome_clause

    """Read a clause that changes the vocabulary (a function, a new kind, a range, a model parameter) into ``binding.clauses``."""
    words = clause.lower().split()
    found = None
    if words in (["equal", "dimensions"], ["distinct", "dimensions"]):
        found = Setting(f"{words[0]} dimensions", text=clause)
    elif " ".join(words) in ("h in bits", "entropy in bits", "entropies in bits", "in bits", "bits"):
        found = Setting("bits", text=clause)
    elif words and words[0] in ("one-hot", "onehot") or words[-2:] in (["one-hot"], ["is", "one-hot"]):
        found = Setting("one-hot", text=clause)
    elif words and words[0] in ("mean", "variance"):
        found = _moment(clause)
    elif words[:2] == ["joint", "law"] and len(words) == 5 and words[3] == "of":
        found = LawOfOutcomes(
            clause.split()[2], _variable_key(clause.split()[4])
        )  # 'X, Y: random variables with joint distribution p'
    elif is_density_clause(clause):  # X has density f(x) = ...: derive.docs.density_law
        from derive.docs.density_law import density_clauses

        binding.clauses.extend(density_clauses(clause))
        return True
    elif is_outcome_clause(clause):  # X = 1 with probability p: derive.docs.outcome_law
        from derive.docs.outcome_law import outcome_clause

        found = outcome_clause(clause)
    elif "\\sim" in clause and draws_at_top(clause):  # X \sim \text{Bin}(n, p): derive.docs.laws
        from derive.docs.laws import law_clause

        found = law_clause(clause)
    else:
        found = _function(clause) or _kind(clause) or _range(clause)
    if found is None:
        return False
    if isinstance(found, ConditionClause):
        binding.conditions.append(found.text)
        if found.range is not None:
            binding.clauses.append(found.range)
        return True
    binding.clauses.append(found)
    return True


NUMERIC_POWER = re.compile(r"\^\s*(?:-?\d|\{\s*-?\s*\d|\{\s*\\frac|\\frac)")
TRANSPOSED = re.compile(r"\^\s*(?:T(?![A-Za-z])|\{\s*T\s*\}|\\top|\{\s*\\top\s*\}|\\intercal|\{\s*\\intercal\s*\})")
DIFFERENTIATED = re.compile(r"(?:'|\^\s*\\prime|\^\s*\{\s*\\prime\s*\})+\s*\([^(),]*\)\s*$")


def _renames_an_expression(name: str, meaning: str) -> bool:
    """Whether ``name = meaning`` gives the document's expression (more than one name) for one of the result's names."""
    try:
        return not _is_one_symbol(name) and _is_one_symbol(meaning)
    except DeriveError:
        return False


# one factor of a product of names: \tau, T, \beta_2, x_{ij}
FACTOR = re.compile(r"\\[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|\w))?|[A-Za-z](?:\s*_\s*(?:\{[^{}]*\}|\w))?")
RELATION = re.compile(r"\\(?:le|ge|leq|geq|in)(?![A-Za-z])|[<>:]")


def _solved_for_one_factor(name: str, meaning: str, clauses: list) -> tuple | None:
    """``\\tau T = 6PD``: a product of names set equal to an expression, read as the definition of the one factor
    no other clause declares (T = \\frac{6PD}{\\tau}); None when the left side is no such product."""
    try:
        if _is_one_symbol(name):  # \bar\alpha_t: one name with an accent, no product
            return None
    except DeriveError:
        return None
    compact = re.sub(r"\\cdot|\\,|\\;|\s+", " ", name).strip()
    factors = FACTOR.findall(compact)
    if any(
        re.fullmatch(r"\\(?:bar|hat|tilde|vec|dot|ddot|overline|widehat|widetilde|check|breve)", f) for f in factors
    ):
        return None
    if any(re.fullmatch(r"\\(?:otimes|odot|circ|oplus|times)", f) for f in factors):
        return None  # a \otimes b = a b^\top: an operation on names (derive.docs.laws), not a product of names
    if any(re.fullmatch(r"\\(?:lVert|rVert|Vert|lvert|rvert|vert)", f) for f in factors):
        return None  # \lVert u \rVert = 1: a norm (derive.docs.expression_values), not a product of names
    if len(factors) < 2 or re.sub(r"\s+", "", "".join(factors)) != re.sub(r"\s+", "", compact):
        return None
    declared = set()  # the names other clauses range or declare (\tau > 0, P: positive, 0 < D < 1)
    for clause in clauses:
        if RELATION.search(clause):
            pieces = (piece.strip() for part in RELATION.split(clause) for piece in part.split(","))
            declared |= {_key(piece) for piece in pieces if FACTOR.fullmatch(piece)}
    free = [factor for factor in factors if _key(factor) not in declared]
    if len(free) != 1 or len({_key(factor) for factor in factors}) != len(factors):
        raise TagError(
            f"cannot read the clause '{name.strip()} = {meaning.strip()}': a product of names is defined only when"
            " the tag declares all its names but one (write 'NAME = MEANING' with NAME one name)"
        )
    others = " ".join(factor for factor in factors if factor is not free[0])
    return free[0], rf"\frac{{{meaning.strip()}}}{{{others}}}"


def _start_of_superscript_steps(name: str, clauses: list) -> bool:
    """Whether ``name`` is ``z^0`` where the tag defines z at a superscript step in terms of itself (z^{k+1} = \\beta
    z^k + g): the start of that sequence (derive.docs.steps), not a power of z."""
    from derive.docs.steps import _superscript_step_names

    start = re.fullmatch(r"\s*(\\[A-Za-z]+|[A-Za-z])\s*\^\s*(?:0|\{\s*0\s*\})\s*", name)
    if not start:
        return False
    definitions = {}
    for clause in clauses:
        top = _outside_brackets(clause).find("=")
        if top > 0:
            definitions[clause[:top].strip()] = clause[top + 1 :].strip()
    return start.group(1) in _superscript_step_names(Binding(overrides=definitions))


def _no_condition_on_a_moment(name: str, meaning: str, clause: str, binding: Binding) -> None:
    """An expectation or a variance set to a value (E[x^2] = \\sigma^2 + \\mu^2, E[x] = 0) constrains the law of the
    tag's random variables, which are drawn with any law: only its value given a name (E[x] = \\mu, that name's
    definition) is read, and under a result a number (E[w] = 0), the result's own model saying the rest."""
    from derive.docs.bracket_functions import MOMENT

    if not re.match(rf"\s*{MOMENT.pattern}\s*[\[(]", name) or binding.result and NUMBER.match(meaning.strip()):
        return
    raise TagError(
        f"cannot read the clause '{clause.strip()}': an expectation or a variance set to a value is a condition on"
        " the law, which is not modelled; give one name its value (\\mu = E[x])"
    )


def _one_name(name: str, clause: str) -> None:
    """A definition's left side is a name (or a function applied to its parameters), never a power, a transpose or a
    derivative of one: ``\\sigma^3 = 8`` or ``f'(x) = 2x`` would otherwise define \\sigma or f itself."""
    for pattern, what in ((NUMERIC_POWER, "a power"), (TRANSPOSED, "a transpose"), (DIFFERENTIATED, "a derivative")):
        if pattern.search(name):
            raise TagError(
                f"cannot read the clause '{clause.strip()}': '{name.strip()}' is {what} of a name, not a name;"
                " define the name itself (NAME = MEANING)"
            )


def _is_a_name(latex: str) -> bool:
    """Whether the left side of a clause is a name (not an expression such as \\|q - k\\|)."""
    try:
        _key(latex)
    except TagError:
        return False
    return True


def _variable_key(written: str) -> str:
    """A random variable's name as the formula's atoms key it (\\boldsymbol{\\theta} is theta), or as written when it is
    no name (the dots of x_1, \\ldots, x_n)."""
    try:
        return _key(written)
    except TagError:
        return written


def _key(latex_name: str) -> str:
    from derive.docs.decide import _normal_name

    try:
        return _normal_name(latex_name)
    except DeriveError as exc:
        raise TagError(str(exc)) from None


def _same_name(name: str, meaning: str) -> bool:
    """Whether ``NAME = MEANING`` only respells one symbol, as ``\\pi_{\\text{ref}} = \\pi_{ref}`` does."""
    from derive.docs.decide import _normal_name

    try:
        return _normal_name(name) == _normal_name(meaning) and _is_one_symbol(meaning)
    except DeriveError:
        return False


def _is_one_symbol(latex: str) -> bool:
    from derive.docs.bind import single_atom
    from derive.docs.interpret import Rewriter, clean, lex

    atom = single_atom(Rewriter().side(clean(lex(latex))))
    return atom is not None and atom.args is None


def _moment(clause: str) -> Setting:
    """``mean \\mu``, ``variance \\sigma^2``, ``variance of q \\sigma_q^2``."""
    word, _, rest = clause.strip().partition(" ")
    rest, about = rest.strip(), ""
    if rest.startswith("of "):
        about, _, rest = rest[3:].strip().partition(" ")
    match = re.fullmatch(r"(.+?)\s*(?:\^\s*\{?\s*(\d)\s*\}?)?", rest.strip())
    if not rest.strip() or match is None:
        raise TagError(
            f"the clause '{clause.strip()}' needs the symbol of the {word.lower()}, e.g. '{word.lower()} \\sigma^2'"
        )
    return Setting(
        word.lower(),
        of=_key(about) if about else "",
        name=_key(match.group(1)),
        power=int(match.group(2) or 1),
        text=clause.strip(),
    )


SIZE_OF_SET = re.compile(
    r"\s*(?:\||\\lvert|\\left\s*\|)\s*([A-Za-z]|\\mathcal\{[A-Za-z]\})\s*(?:\||\\rvert|\\right\s*\|)\s*"
)
PARAMETER_POWER = re.compile(r"\^\s*\{?\s*([2-9])\s*\}?\s*$")  # \sigma^2: a parameter given by its square
ENTRY_OF_APPLICATION = re.compile(r"^(.*\))\s*_\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))\s*$")


def _word_in(word: str, body: str) -> bool:
    """Whether a word written as an argument, ``\\text{rain}``, is written again in ``body``."""
    letters = re.sub(r"\s", "", word.split("{", 1)[1].rsplit("}", 1)[0])
    return re.search(r"\{\s*" + r"\s*".join(letters) + r"\s*\}", body) is not None


def _function(clause: str) -> FunctionClause | RunDefinition | None:
    for separator in DEFINES.finditer(clause):
        head, body = clause[: separator.start()], clause[separator.end() :]
        head = SIZED_BRACKET.sub("", head)  # RoPE\big(x, m\big): the brackets of the parameters, sized
        entry = ENTRY_OF_APPLICATION.match(head)  # softmax(x)_i = ...: the function's value entry by entry
        index = (entry.group(2) or entry.group(3)) if entry else ""
        applied = entry.group(1) if entry else head
        match = None if _bare_word_of_the_notation(applied) else FUNCTION_HEAD.match(applied)
        if match is None:
            return None
        written = [p for p in PARAMETER_SEPARATOR.split(match.group(2)) if p.strip()]
        # p(\textsf{cheese}) = 0.4: a value at a word, no parameter; p(\text{rain} | \text{coat}) = p(\text{rain},
        # \text{coat}) / p(\text{coat}) uses its words in the body: a definition whose parameters are spelled as words
        words = [p for p in written if WORD_ARGUMENT.match(p)]
        if words and not any(_word_in(word, body) for word in words):
            return None
        if any(EVENT_IN_WORDS.search("".join(p.split())) and not WORD_ARGUMENT.match(p) for p in written):
            return None  # P(i \text{ beats } j) = ...: a value at an event written in words, no function of i
        if at_a_data_set(match.group(1).strip(), written, body):
            return None
        if any(re.fullmatch(DOTS, p.strip()) for p in written):
            return RunDefinition(match.group(1).strip(), head.strip(), body.strip())
        params = tuple(_key(p) for p in written)
        powers = tuple(int(m.group(1)) if (m := PARAMETER_POWER.search(p)) else 1 for p in written)
        if not params or not body.strip():
            raise TagError(
                f"the clause '{clause.strip()}' needs parameters and a body, e.g. 'g(x) = \\log\\sum_i e^{{x_i}}'"
            )
        if len(set(params)) != len(params):
            raise TagError(f"the clause '{clause.strip()}' names a parameter twice")
        if index in params:
            raise TagError(f"the clause '{clause.strip()}' uses {index} both as a parameter and as the entry's index")
        word = match.group(1).strip()  # Loss, a capitalised word written bare, is its own key (not L o s s)
        return FunctionClause(word if word.isalpha() else _key(word), params, body.strip(), head.strip(), index, powers)
    return None


def at_a_data_set(name: str, written: list, body: str) -> bool:
    """Whether a clause gives a law at a name its body runs a product or sum over, p(D) = \\prod_{x \\in D} p(x) or
    p(D; \\theta) = \\prod_{x \\in D} p(x; \\theta): the law's value at the data set D (its likelihood), given at those
    arguments alone, never a definition at every argument."""
    from derive.docs.joint_law import LAW_NAMES

    if name not in LAW_NAMES or not written:
        return False
    over = rf"\\(?:prod|sum)\s*_\s*\{{[^{{}}]*\\in\s*{re.escape(written[0].strip())}\s*\}}"
    return re.search(over, body) is not None


def given_at_a_data_set(key: str, body) -> bool:
    """Whether a tag's value ``key = body`` is a law's value at a data set (see :func:`at_a_data_set`)."""
    match = FUNCTION_HEAD.match(key.strip())
    if not match or not isinstance(body, str):
        return False
    written = [p for p in PARAMETER_SEPARATOR.split(match.group(2)) if p.strip()]
    return at_a_data_set(match.group(1).strip(), written, body)


def _bare_word_of_the_notation(head: str) -> bool:
    """Whether a clause starts with a bare word the notation already reads (Var(X), Pr(X = k)): not a function it
    defines. Pr at plain parameters (Pr(y), Pr(x | \\phi)), where it reads no event, is the density the tag defines."""
    from derive.docs.symbols import WORD_FUNCTIONS

    word = re.match(r"\s*([A-Za-z]+)\s*\(", head)
    if word and word.group(1) == "Pr":
        return not PLAIN_PARAMETERS.fullmatch(head[word.end() :].strip())
    return bool(word) and len(word.group(1)) > 1 and word.group(1) in WORD_FUNCTIONS


# the plain parameters of a function and its closing bracket: y), x \mid \phi), \mathbf{x}, \theta)
PLAIN_PARAMETERS = re.compile(
    r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+)"
    r"(?:\s*(?:,|;|\||\\mid|\\vert)\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+))*\s*\)"
)


UNIFORM_DISCRETE = re.compile(
    r"^uniform\s+on\s+\\?\{?\s*(\S+?)\s*(?:\.\.|,\s*(?:\.\.\.|\\ldots|\\dots)\s*,)\s*(\S+?)\s*\\?\}?$"
)
UNIFORM_INTERVAL = re.compile(r"^uniform\s+on\s+\[\s*([^,\[\]]+?)\s*,\s*([^,\[\]]+?)\s*\]$")


def _uniform(name: str, kind: str) -> KindClause | None:
    """``X: uniform on 1..n`` (also ``{1, \\ldots, n}``) or ``X: uniform on [a, b]``: a random variable with that law."""
    text = " ".join(kind.split())
    if not text.lower().startswith("uniform"):
        return None
    discrete, interval = UNIFORM_DISCRETE.match(text), UNIFORM_INTERVAL.match(text)
    if not discrete and not interval:
        raise TagError(f"the clause '{name}: {text}': write 'X: uniform on 1..n' or 'X: uniform on [a, b]'")
    low, high = (discrete or interval).groups()
    low, high = (b if NUMBER.match(b) else _key(b) for b in (low, high))
    return KindClause(_key(name), "uniform", support=(low, high, bool(discrete)))


WHOLE_NUMBER_KINDS = ("positive integer", "nonnegative integer", "integer", "values")
LISTED_VALUES = re.compile(r"^one of (-?\d+(?:\s*,\s*-?\d+)+)(?: over ([A-Za-z]))?$")
SIZED = re.compile(r"^(vector|row vector|positive vector|logits|distribution|matrix)\s+over\s+(.+?)(?:\s+by\s+(.+))?$")


MULTIPLE_SIZE = re.compile(r"^\s*(\d+)\s*(?:\\cdot|\\times|\*)?\s*(.+?)\s*$")


def _multiple(size: str):
    """(factor, name) for a size written as a whole number times a name (4d, 3 \\cdot d_{model}), else None."""
    found = MULTIPLE_SIZE.match(size)
    if found is None or not NAME.match(found.group(2)) or NUMBER.match(found.group(2)):
        return None
    return int(found.group(1)), found.group(2)


def _size_text(size: str) -> str:
    """A declared size as the clause keeps it: a whole number, a name's key, or FACTOR*KEY for a multiple of a name."""
    if NUMBER.match(size):
        return size
    multiple = _multiple(size) if not NAME.match(size.strip()) else None
    return f"{multiple[0]}*{_key(multiple[1])}" if multiple else _key(size)


def _size_parts(size: str) -> tuple[int, str | None]:
    """(factor, name key) of a size the clause keeps: (n, None) for the whole number n, (1, key) for a name."""
    if NUMBER.match(size):
        return int(float(size)), None
    factor, star, key = size.partition("*")
    return (int(factor), key) if star else (1, size)


def _kind(clause: str) -> KindClause | None:
    name, colon, kind = clause.partition(":")
    if colon and name.strip():
        uniform = _uniform(name, kind)
        if uniform is not None:
            return uniform
        phrase = " ".join(kind.split())
        listed = LISTED_VALUES.match(phrase.lower())
        if listed:  # y \in \{-1, 1\}: checked at each listed value
            values = tuple(int(v) for v in listed.group(1).split(","))
            return KindClause(_key(name), "values", support=values, over=tuple(filter(None, [listed.group(2)])))
        if phrase.lower() == "element":  # s \in \mathcal{S}
            return KindClause(_key(name), "element")
        if phrase.lower() in WHOLE_NUMBER_KINDS:
            return KindClause(_key(name), phrase.lower())
        sized = SIZED.match(phrase)
        if sized and (sized.group(1) == "matrix") == bool(sized.group(3)):
            for size in sized.groups()[1:]:
                if size and not NUMBER.match(size) and not NAME.match(size.strip()) and not _multiple(size):
                    raise TagError(
                        f"the size '{size}' in '{clause.strip()}' is an expression: write a name, a whole number"
                        " or a whole number times a name (4d)"
                    )
            over = tuple(_size_text(s) for s in sized.groups()[1:] if s)
            if any(NUMBER.match(s) and int(float(s)) != float(s) or s == "0" for s in over):
                raise TagError(f"the size in '{clause.strip()}' must be a whole number or a name")
            return KindClause(_key(name), sized.group(1), over=over)
    words = kind.lower().split()
    if colon and name.strip() and " ".join(words) in STRUCTURED_MATRICES:
        return KindClause(_key(name), " ".join(words), "t")
    if words in (["independent", "random"], ["iid", "random"]) and colon and name.strip():
        from derive.docs.chance import IID, INDEPENDENT

        return KindClause(_key(name), "random", support=IID if words[0] == "iid" else INDEPENDENT)
    if not colon or not name.strip() or not words or words[0] not in VOCABULARY_KINDS:
        return None
    steps = "t"
    if words[0] == "sequence":
        if words[1:2] not in ([], ["over"]) or len(words) > 3:
            raise TagError(f"the clause '{clause.strip()}': write 'NAME: sequence over t'")
        steps = words[2] if len(words) == 3 else "t"
    if words == ["random", "variable"]:  # X, Y: random variables, not said to be independent
        from derive.docs.chance import UNSAID

        return KindClause(_key(name), "random", steps, support=UNSAID)
    return KindClause(_key(name), words[0], steps)


def _range(clause: str) -> RangeClause | None:
    parts = COMPARISON.split(clause)
    relations = COMPARISON.findall(clause)
    if not relations or len(parts) not in (2, 3) or "=" in COMPARISON.sub("", clause):
        return None
    parts = [p.strip() for p in parts]
    upward = [r in ("<", "<=", "\\le", "\\leq", "\\lt") for r in relations]
    if len(set(upward)) > 1:
        raise TagError(f"the clause '{clause.strip()}' mixes < and >")
    strict = [r in ("<", ">", "\\lt", "\\gt") for r in relations]
    numbers = [bool(NUMBER.match(part)) for part in parts]
    if (len(parts) == 2 and not any(numbers)) or (len(parts) == 3 and not (numbers[0] and numbers[2])):
        return _condition(parts, relations, strict, upward, clause)  # a comparison with a symbol
    if len(parts) == 3:  # a < NAME < b
        low, high = (parts[0], parts[2]) if upward[0] else (parts[2], parts[0])
        return RangeClause(
            _key(parts[1]), low, high, strict[0] if upward[0] else strict[1], strict[1] if upward[0] else strict[0]
        )
    name, bound = parts
    if NUMBER.match(name) and not NUMBER.match(bound):  # 0 < NAME
        name, bound, upward = bound, name, [not upward[0]]
    if not NUMBER.match(name) and not _names_one_symbol(name):  # |a| + |b| > 0: a condition on the points, no range
        return ConditionClause(" ".join(p for pair in zip(parts, [*relations, ""]) for p in pair).strip())
    if upward[0]:
        return RangeClause(_key(name), None, bound, strict_high=strict[0])
    return RangeClause(_key(name), bound, None, strict_low=strict[0])


@dataclass(frozen=True)
class ConditionClause:
    """``T_{cur} < T_{max}``, ``0 < T_{cur} < T_{max}``: a comparison between symbols that every sampled point must meet.

    A numeric end (``0 <``) narrows where the middle name is sampled, as a range does; the comparison with a
    symbol is imposed by setting aside the points where it fails (as a formula's own "for t > 0" is).
    """

    text: str  # the comparison between symbols, in LaTeX
    range: RangeClause | None = None  # the numeric end, if any


def _names_one_symbol(text: str) -> bool:
    """Whether the text is one name the tag can give a range (``\\beta_1``, ``\\text{margin}``), not an expression
    (``a - b``, ``|a| + |b|``) whose first name alone would otherwise take the range."""
    depth, outside = 0, []
    for c in text:  # the characters outside every group, bracket and argument list
        if c in "{([":
            depth += 1
        elif c in "})]":
            depth -= 1
        elif depth == 0:
            outside.append(c)
    if re.search(r"[+\-/|]|(?<!\^)\s\*|(?<![\^\s])\*|\\cdot|\\times|\\mid", "".join(outside)):
        return False
    try:
        _key(text)
    except TagError:
        return False
    return True


def _condition(parts, relations, strict, upward, clause) -> ConditionClause:
    if len(parts) == 2 or not (NUMBER.match(parts[0]) or NUMBER.match(parts[2])):
        if any(NUMBER.match(part) for part in parts):
            raise TagError(
                f"the clause '{clause.strip()}': write 'a < NAME < b' with numbers or declared names a and b"
            )
        text = " ".join(p for pair in zip(parts, [*relations, ""]) for p in pair).strip()
        return ConditionClause(text)
    name = parts[1]
    if NUMBER.match(parts[0]):  # 0 < NAME < b
        numeric = RangeClause(_key(name), parts[0], None, strict_low=strict[0]) if upward[0] else None
        numeric = numeric or RangeClause(_key(name), None, parts[0], strict_high=strict[0])
        return ConditionClause(f"{name} {relations[1]} {parts[2]}", numeric)
    numeric = RangeClause(_key(name), None, parts[2], strict_high=strict[1]) if upward[0] else None
    numeric = numeric or RangeClause(_key(name), parts[2], None, strict_low=strict[1])
    return ConditionClause(f"{parts[0]} {relations[0]} {name}", numeric)


def _reading_clause(clause: str) -> tuple[str, str] | None:
    """('assumption' | 'fails_under', TEXT) for the clauses ``assumption: TEXT`` and ``fails-under: TEXT``."""
    word, colon, text = clause.partition(":")
    key = {"assumption": "assumption", "fails-under": "fails_under"}.get(word.strip().lower())
    if not colon or key is None:
        return None
    if not text.strip():
        raise TagError(
            f"the clause '{clause.strip()}' needs the reading it names, e.g. '{word.strip()}: ties count as wins'"
        )
    return key, " ".join(text.split())


# --- applying the clauses to a vocabulary ---------------------------------------------------


def apply_clauses(vocab, clauses, log_base: str = "e"):
    """``vocab`` as the tag's clauses change it: kinds first, then functions, model parameters and ranges."""
    from derive.docs.bind import BindError
    from derive.docs.dirichlet import DirichletClause, dirichlet_family, with_positive_parameter
    from derive.vocabulary import VocabularyError

    order = (KindClause, FunctionClause, Setting, RangeClause, PinClause)
    clauses = with_positive_parameter(clauses)
    try:
        random = [c for c in clauses if isinstance(c, KindClause) and c.kind == "random"]
        if random:  # w: random; x: random: independent random variables, E, Var and Cov under their laws
            from derive.docs.chance import IDENTICAL, IID, INDEPENDENT, JOINT, independent_variables

            identical = any(c.support in (IDENTICAL, IID) for c in random)
            joint = any(c.support == JOINT for c in random)
            apart = any(c.support in (INDEPENDENT, IID) for c in random)
            alike = frozenset(c.name for c in random if c.support == IID)
            vocab = independent_variables(vocab, [c.name for c in random], identical, joint, apart, alike)
            clauses = [c for c in clauses if not (isinstance(c, KindClause) and c.kind == "random")]
        known = set(vocab.dims)
        vocab = _size_names(vocab, clauses)
        clauses = _counts_summed_to(vocab, clauses)
        for kind in order:
            chosen = [c for c in clauses if isinstance(c, kind)]
            if kind is KindClause:  # x \in \mathbb{R}^M; M: dimension: M is already the size its vectors run over
                sized = set(vocab.dims) - known
                chosen = [c for c in chosen if not (c.kind in ("dimension", "size") and c.name in sized)]
            if kind is FunctionClause:  # H in bits first: a tag's I(X, Y) = H(X) + ... is then in bits once
                vocab = _set_parameters(vocab, [c for c in clauses if isinstance(c, Setting) and c.word == "bits"])
            if kind is Setting:
                vocab = _set_parameters(vocab, [c for c in chosen if c.word != "bits"])
                continue
            functions = {c.name for c in clauses if isinstance(c, FunctionClause)}
            for clause in chosen:
                if kind is FunctionClause:  # a body applies the tag's other functions: f(z) = z + u h(w^T z + b)
                    vocab = _define(vocab, clause, log_base, functions)
                    continue
                vocab = {KindClause: _declare, RangeClause: _narrow, PinClause: _pin}[kind](vocab, clause, log_base)
        from derive.docs.laws import LawClause, apply_laws

        dirichlet = [c for c in clauses if isinstance(c, DirichletClause)]
        if dirichlet:
            vocab = dirichlet_family(vocab, dirichlet)
        vocab = apply_laws(vocab, [c for c in clauses if isinstance(c, LawClause)])
        from derive.docs.decision_process import DecisionProcess, declare_process

        for process in [c for c in clauses if isinstance(c, DecisionProcess)]:
            vocab = declare_process(vocab, process)
    except VocabularyError as exc:
        raise BindError(str(exc)) from None
    return vocab


def _declare(vocab, clause: KindClause, log_base):
    import sympy as sp

    from derive import domain as dom
    from derive.docs.decide import KIND_SAMPLERS, VECTOR_KINDS, kind_word
    from derive.docs.verdict import INTEGER_KINDS
    from derive.vocabulary import VocabularyError, matrix_entries, number_of, sequence, vector_of

    key, size = clause.name, vocab.size
    if clause.kind == "uniform":
        return _uniform_law(vocab, clause)
    if clause.kind == OUTCOME_VALUES:  # the entries are outcomes of the tag's joint law (derive.docs.joint_law)
        return vocab
    if clause.kind == "values" and clause.over:
        raise VocabularyError(
            f"{key} is a vector of entries in {{{', '.join(map(str, clause.support))}}}: read only as the outcomes"
            " of a distribution the tag declares (p: distribution), whose law is the joint law of the entries"
        )
    if clause.kind in WHOLE_NUMBER_KINDS:
        return _declare_integer(vocab, clause)
    if clause.kind == "element":  # an element of an abstract set: with no result, not the shared notation's vector
        if vocab.name or key not in vocab.entries:
            return vocab
        return vocab.with_(entries={k: v for k, v in vocab.entries.items() if k != key})
    if clause.over:
        return _declare_sized(vocab, clause)
    if clause.kind in ("dimension", "size"):
        symbol = sp.Symbol(f"doc_{key}", integer=True, positive=True)
        return vocab.with_samplers({symbol: dom.dimension(1, 5, unbounded=True)}).with_(
            dims={**vocab.dims, key: symbol}, size=size or symbol
        )
    if clause.kind == "sequence":
        length = vocab.dims.get(clause.steps) or vocab.dims.get(clause.steps.upper())
        added = {}
        if length is None:
            length = sp.Symbol(f"doc_{clause.steps.upper()}", integer=True, positive=True)
            added[length] = dom.dimension(1, 6)
        base = sp.IndexedBase(f"doc_{key}", real=True)
        added[base] = dom.vector(length)
        steps = (clause.steps, clause.steps.upper())
        dims = {**vocab.dims, **{name: length for name in steps if name not in vocab.dims}}
        return vocab.with_samplers(added).with_(
            entries={**vocab.entries, key: sequence(lambda step, env: base[step], length, steps)},
            dims=dims,
            size=size or length,
        )
    if size is None and clause.kind not in SCALAR_KINDS:
        raise VocabularyError(
            f"{key} is a {clause.kind} over the result's dimension, and {vocab.name or 'this notation'} has none"
        )
    if clause.kind == "matrix":
        base = sp.IndexedBase(f"doc_{key}", real=True)
        return vocab.with_samplers({base: dom.matrix(size, size)}).with_(
            entries={**vocab.entries, key: _shape_declared(matrix_entries(base, size, name=key))}
        )
    if clause.kind in STRUCTURED_MATRICES:
        # sampled as B B^T + I/100 (positive definite), (B + B^T)/2 (symmetric) or B's diagonal from a matrix B of
        # independent entries
        base = sp.IndexedBase(f"doc_{key}", real=True)
        if clause.kind == "symmetric matrix":

            def entry(i, j):
                return (base[i, j] + base[j, i]) / 2
        elif clause.kind == "diagonal matrix":

            def entry(i, j):
                return base[i, j] * sp.KroneckerDelta(i, j)
        elif clause.kind == "stochastic matrix":  # positive entries, each row normalised: a law over the columns

            def entry(i, j):
                k = sp.Dummy("k", integer=True, positive=True)
                return base[i, j] / sp.Sum(base[i, k], (k, 1, size))
        else:

            def entry(i, j):
                k = sp.Dummy("k", integer=True, positive=True)
                return sp.Sum(base[i, k] * base[j, k], (k, 1, size)) + sp.KroneckerDelta(i, j) / 100

        entries = dom.positive() if clause.kind == "stochastic matrix" else None
        return vocab.with_samplers({base: dom.matrix(size, size, entries)}).with_(
            entries={**vocab.entries, key: _shape_declared(matrix_entries(entry, size, name=key))}
        )
    if clause.kind == "index":
        symbol = sp.Symbol(key, integer=True, positive=True)
        return vocab.with_samplers({symbol: dom.index(size)}).with_(indices=[*vocab.indices, symbol])
    word = kind_word(clause.kind)
    if word not in KIND_SAMPLERS:
        raise VocabularyError(
            f"unknown kind '{clause.kind}' for {key}; use one of {', '.join(sorted(KIND_SAMPLERS))}, "
            "matrix, index, dimension or sequence over t"
        )
    if word in VECTOR_KINDS:
        base = sp.IndexedBase(f"doc_{key}", real=True)
        return vocab.with_samplers({base: KIND_SAMPLERS[word](size)}).with_(
            entries={**vocab.entries, key: vector_of(base, row=word == "row vector")}
        )
    if (
        key in vocab.entries and vocab.name
    ):  # the result's own symbol of that name stays (as for a kind the checker declares)
        return vocab
    symbol = sp.Symbol(
        f"doc_{key}",
        real=True,
        positive=True if word in ("positive", "scale", "temperature", "probability", "positive integer") else None,
        integer=True if word in INTEGER_KINDS else None,
    )
    return vocab.with_samplers({symbol: KIND_SAMPLERS[word](size)}).with_(
        entries={**vocab.entries, key: number_of(symbol)}, symbols={**vocab.symbols, key: symbol}
    )


def _declare_integer(vocab, clause: KindClause):
    """``n \\in \\mathbb{N}`` (a positive integer, a size the formula may sum to), ``k \\in \\mathbb{Z}``, ``\\mathbb{N}_0``:
    a whole number drawn up to 12 and also far out; a size the notation has already is one."""
    import sympy as sp

    from derive import domain as dom
    from derive.vocabulary import number_of

    key = clause.name
    own = key in vocab.dims or any(str(index) == key for index in vocab.indices)
    if own and (clause.kind == "positive integer" or vocab.name):
        return vocab  # a size or an index the notation has is a positive integer already
    if key in vocab.entries and vocab.name:  # the result's own symbol of that name stays
        return vocab
    entries = {k: v for k, v in vocab.entries.items() if k != key}  # with no result, the shared notation's meaning
    dims = {k: v for k, v in vocab.dims.items() if k != key}  # k \in \mathbb{Z} is not the shared size n
    positive = clause.kind == "positive integer"
    if positive and vocab.size is None:  # the only size there is: the vectors' size, a dimension checked at 1, ..., 6
        symbol = sp.Symbol(f"doc_{key}", integer=True, positive=True)
        return vocab.with_samplers({symbol: dom.dimension(1, 6)}).with_(
            entries=entries, dims={**dims, key: symbol}, size=symbol
        )
    # every listed value; a whole number drawn up to 12 and also far out (derive.docs.sampled_points)
    symbol = sp.Symbol(f"doc_{key}", integer=True, positive=True if positive else None)
    values = {
        "values": lambda: dom.dimensions(*clause.support),
        "integer": lambda: dom.integers(-12, 12, open_below=True, open_above=True),
        "positive integer": lambda: dom.integers(1, 12, open_above=True),
        "nonnegative integer": lambda: dom.integers(0, 12, open_above=True),
    }[clause.kind]()
    return vocab.with_samplers({symbol: values}).with_(
        entries={**entries, key: number_of(symbol)}, symbols={**vocab.symbols, key: symbol}, dims=dims
    )


# the upper bound of a sum or product: \sum_{i=1}^J, \prod_{t=0}^{T}, \sum_i^n
SUM_UPPER = re.compile(
    r"\\(?:sum|prod)\s*_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+)\s*\^\s*(?:\{\s*(?P<braced>[^{}]*?)\s*\}|(?P<bare>\\?[A-Za-z]+))"
)


def _counts_summed_to(vocab, clauses) -> list:
    """``J: positive integer`` beside ``f(x) = \\sum_{i=1}^J w_i \\phi_i(x)``: a count the tag's own definitions sum up
    to, and no size the notation has, is a size of its own (as ``J: dimension`` says), so that a sum up to it, over a
    family of random variables too, is written out at each of its values."""
    bounds = set()
    for clause in clauses:
        if isinstance(clause, FunctionClause):
            for found in SUM_UPPER.finditer(clause.body):
                try:
                    bounds.add(_key(found.group("braced") or found.group("bare")))
                except TagError:  # n - 1, 2n: no name of its own
                    continue
    return [
        KindClause(c.name, "dimension")
        if isinstance(c, KindClause) and c.kind == "positive integer" and c.name in bounds and c.name not in vocab.dims
        else c
        for c in clauses
    ]


def _size_names(vocab, clauses):
    """The sizes the tag's vectors and matrices are declared over (``x \\in \\mathbb{R}^d``), as dimensions: a name the
    notation has is its own; the first new name is the notation's size when no declaration names that size, and every
    other new name is a size of its own, sampled apart."""
    import sympy as sp

    from derive import domain as dom

    sized = [c for c in clauses if isinstance(c, KindClause) and c.over]
    written = [_size_parts(s)[1] for c in sized for s in c.over if not NUMBER.match(s)]
    new = list(dict.fromkeys(s for s in written if s not in vocab.dims))
    if not new:
        return vocab
    own = vocab.size is not None and any(vocab.dims.get(s) == vocab.size for s in written)
    dims, samplers, size = dict(vocab.dims), {}, vocab.size
    for name in new:
        if size is not None and not own:
            dims[name], own = size, True
            continue
        symbol = sp.Symbol(f"doc_{name}", integer=True, positive=True)
        dims[name], samplers[symbol] = symbol, dom.dimension(1, 4)
        size = size or symbol
        own = True
    entries = {k: v for k, v in vocab.entries.items() if k not in new or vocab.name}
    return vocab.with_samplers(samplers).with_(dims=dims, size=size, entries=entries)


def _declare_sized(vocab, clause: KindClause):
    """``x \\in \\mathbb{R}^d``, ``A \\in \\mathbb{R}^{m \\times n}``, ``p \\in \\Delta^{K-1}``: a vector over that size or a
    matrix of those rows and columns (the result's own symbol of that name stays what the result says)."""
    import sympy as sp

    from derive import domain as dom
    from derive.vocabulary import matrix_entries, vector_of

    key = clause.name
    if key in vocab.entries and vocab.name:
        return vocab
    sizes = [
        sp.Integer(factor) if key is None else factor * vocab.dims[key]
        for factor, key in (_size_parts(s) for s in clause.over)
    ]
    base = sp.IndexedBase(f"doc_{key}", real=True)
    if clause.kind == "matrix":
        rows, cols = sizes
        return vocab.with_samplers({base: dom.matrix(rows, cols)}).with_(
            entries={
                **vocab.entries,
                key: _shape_declared(matrix_entries(base, rows, None if cols == rows else cols, name=key)),
            }
        )
    sampler = {
        "vector": dom.vector(sizes[0]),
        "row vector": dom.vector(sizes[0]),
        "positive vector": dom.vector(sizes[0], dom.positive()),
        "logits": dom.vector(sizes[0], dom.reals(-5, 5)),
        "distribution": dom.probability_vector(sizes[0]),
    }[clause.kind]
    if clause.kind == "distribution":
        base = sp.IndexedBase(f"doc_{key}", positive=True)
    return vocab.with_samplers({base: sampler}).with_(
        entries={**vocab.entries, key: _shape_declared(vector_of(base, sizes[0], row=clause.kind == "row vector"))}
    )


def _shape_declared(entry):
    """The entry of a matrix or vector the tag declares, marked so: the tag's NAME = 0 beside it is the zero of that
    shape (a vector of the shared notation, which a formula may use as a number, is not marked)."""
    entry[1].declared_shape = True
    return entry


def _uniform_law(vocab, clause: KindClause):
    """X uniform on {low, …, high} or on [low, high]: E[·] and Var(·) under that law, μ_X and σ_X its moments."""
    import sympy as sp

    from derive.vocabulary import VocabularyError, number_of

    if vocab.expectation is not None:
        raise VocabularyError(f"{vocab.name} has a probability model of its own; {clause.name} cannot add another")
    low, high, discrete = clause.support

    def bound(text):
        if NUMBER.match(text):
            return sp.Rational(text)
        found = vocab.dims.get(text) or vocab.symbol(text)
        if found is None:
            raise VocabularyError(
                f"the bound {text} of {clause.name} is not declared; declare it first, e.g. '{text}: real'"
            )
        return found

    low, high = bound(low), bound(high)
    variable = sp.Symbol(f"doc_{clause.name}", real=True)

    def expectation(expr):
        if discrete:
            k = sp.Dummy("k", integer=True)
            return sp.Sum(expr.xreplace({variable: k}), (k, low, high)) / (high - low + 1)
        u = sp.Dummy("u", real=True)
        return sp.integrate(expr.xreplace({variable: u}), (u, low, high)) / (high - low)

    def variance(expr):
        return expectation(expr**2) - expectation(expr) ** 2

    key = clause.name
    return vocab.with_(
        expectation=(expectation, variance),
        entries={
            **vocab.entries,
            key: number_of(variable),
            f"mu_{key}": number_of(expectation(variable)),
            f"sigma_{key}": number_of(sp.sqrt(variance(variable))),
        },
    )


def _define(vocab, clause: FunctionClause, log_base, functions=()):
    """The document's function: applied, its parameters stand for the arguments' values while its body is read."""
    import sympy as sp

    from derive.docs.bind import _pick
    from derive.docs.interpret import Rewriter, clean, lex
    from derive.vocabulary import call, vector_value

    body = Rewriter(log_base, functions).side(clean(lex(clause.body)))

    def apply(env, atom, side):
        from derive.docs.bind import BindError, Vec

        args = atom.args or []
        if not args and clause.params:
            # f written bare, as in \frac{\partial f}{\partial x}: f at its own parameters, whatever they stand for here
            if clause.name in getattr(env, "_overriding", set()):
                raise BindError(f"the tag defines {clause.name} in terms of itself")
            env._overriding.add(clause.name)
            try:
                result = env.side(body)
            finally:
                env._overriding.discard(clause.name)
            if atom.post_sub or atom.sub:
                raise BindError(
                    f"{clause.name} is defined with {len(clause.params)} argument(s), used with 0 and an index"
                )
            return result
        if len(args) != len(clause.params):
            raise BindError(f"{clause.name} is defined with {len(clause.params)} argument(s), used with {len(args)}")
        entry = None
        if clause.index:  # softmax(x)_i = ...: used with an index, the body's i is that index
            if not atom.post_sub or len(atom.post_sub) != 1:
                raise BindError(
                    f"{clause.name} is defined entry by entry ({clause.head}); used without one index, its whole"
                    " vector is not read"
                )
            entry = env.index(atom.post_sub[0])
        # an argument written as the parameter itself (P(\tau | \theta) in a tag defining P(\tau | \theta)) is not
        # read: the parameter keeps whatever meaning its name has, so a name the body never uses needs none
        powers = dict(zip(clause.params, clause.powers or (1,) * len(clause.params)))
        passed = [
            (name, arg)
            for name, arg in zip(clause.params, args)
            if name not in _names_of(env, arg) or powers[name] != 1
        ]
        values = [_root(env._argument_value(arg), powers[name], clause) for name, arg in passed]
        saved = {name: env.overrides.get(name) for name, _ in passed}
        if clause.name in getattr(env, "_overriding", set()):
            raise BindError(f"the tag defines {clause.name} in terms of itself")
        env._overriding.add(clause.name)
        saved_bound = (
            env.bound
        )  # a passed parameter is the definition's own: a bar or sum variable of its name stays out
        env.bound = {key: value for key, value in env.bound.items() if key not in {name for name, _ in passed}}
        if entry is not None:
            env.bound[clause.index] = entry
        try:
            for (name, _), value in zip(passed, values):
                if isinstance(value, Vec):
                    env.overrides[name] = ("vec", lambda e, value=value: value)
                elif isinstance(value, sp.MatrixBase) and 1 in value.shape:  # (an Indexed's shape raises)
                    items = list(value)
                    env.overrides[name] = (
                        "vec",
                        lambda e, items=items: vector_value(lambda idx: _pick(items, idx), len(items)),
                    )
                else:
                    env.overrides[name] = ("scalar", lambda e, value=value: value)
                    if isinstance(value, sp.Expr) and value.is_integer and writes_as_an_index(body, name):
                        env.bound[name] = value  # f(j) = e^{z_j} at f(2): the entry z_2
            result = env.side(body)
        finally:
            env._overriding.discard(clause.name)
            env.bound = saved_bound
            for name, before in saved.items():
                if before is None:
                    env.overrides.pop(name, None)
                else:
                    env.overrides[name] = before
        if atom.post_sub and entry is None:
            if not isinstance(result, Vec):
                raise BindError(f"{clause.name}(...) is not a vector, but has an index")
            return result.component(env.index(atom.post_sub[0]))
        return result

    apply.members = _writes_members(body, clause.name)
    return vocab.with_(entries={**vocab.entries, clause.name: call(apply)})


def _writes_members(body, name: str) -> bool:
    r"""Whether a definition's body writes its own name with a subscript, ``f(x) = \frac{1}{n} \sum_i f_i(x)``: the
    members f_i of a family, other functions than the f it defines."""
    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in

    try:
        return any(atom.key == name and atom.sub for atom in atoms_in([body], child_sides))
    except Exception:  # a body that cannot be read here is reported where it is applied
        return False


def _root(value, power: int, clause):
    """The parameter's own value from an argument that gives its ``power`` (σ from the variance σ²)."""
    import sympy as sp

    from derive.docs.bind import BindError, Vec

    if power == 1:
        return value
    if isinstance(value, (Vec, sp.MatrixBase)):
        raise BindError(f"{clause.head}: a parameter given by its power, passed a vector or matrix")
    return sp.root(value, power)


def _names_of(env, argument) -> set:
    """The names an argument is written as: ``k_i`` (as a tag's parameter is keyed) and ``ki`` (as an index)."""
    from derive.docs.bind import single_atom

    names = {env.atom_index_name(argument)}
    atom = single_atom(argument)
    if atom is not None and atom.args is None and not atom.transpose:
        names.add(atom.full_keys()[0] if atom.full_keys() else atom.key)
    return names - {None}


def _set_parameters(vocab, settings):
    from derive.vocabulary import VocabularyError, relate_dimensions

    handlers = {}
    for setting in settings:
        if setting.word in ("equal dimensions", "distinct dimensions"):
            vocab = relate_dimensions(vocab, equal=setting.word.startswith("equal"))
        elif setting.word == "bits":
            vocab = _in_bits(vocab)
        elif setting.word in vocab.parameters:
            handlers.setdefault(vocab.parameters[setting.word], []).append(setting)
        else:
            known = ", ".join(sorted(vocab.parameters)) or "none"
            raise VocabularyError(
                f"{vocab.name or 'this notation'} has no model parameter '{setting.text}' (its parameters: {known};"
                " every result: H in bits, equal dimensions, distinct dimensions)"
            )
    for handler, chosen in handlers.items():
        vocab = handler(vocab, chosen)
    return vocab


def _in_bits(vocab):
    """H (and I) in base 2: the result's own meaning, or the shared entropy, divided by log 2."""
    import sympy as sp

    from derive.vocabulary import call

    def in_bits(name):
        meaning = vocab.entries.get(name)

        def read(env, atom, side):
            from derive.docs.bind import BindError

            if meaning is None:
                value = env.builtin(atom, side)
            elif meaning[0] == "call":
                value = meaning[1](env, atom, side)
            else:
                raise BindError(f"{name} in bits: {vocab.name}'s {name} is not an entropy")
            return value / sp.log(2)

        read.in_bits = True
        return call(read)

    names = ["H"] + (["I"] if "I" in vocab.entries else [])
    return vocab.with_(entries={**vocab.entries, **{name: in_bits(name) for name in names}})


def _whole_numbers_within(sampler, clause: RangeClause):
    """The integers a sampler draws from, narrowed to a range (an open end closed by the range's bound)."""
    import math
    from fractions import Fraction

    from derive import domain as dom
    from derive.vocabulary import VocabularyError

    low, high = sampler.low, sampler.high
    # an open end is the sampler's choice, not a bound: the range's own bound replaces it (k \le 40 reaches 40)
    if clause.low is not None:
        bound = Fraction(clause.low)
        least = math.floor(bound) + 1 if clause.strict_low and bound.denominator == 1 else math.ceil(bound)
        low = least if sampler.open_below else max(low, least)
        high = max(high, low + (sampler.high - sampler.low)) if sampler.open_above else high
    if clause.high is not None:
        bound = Fraction(clause.high)
        greatest = math.ceil(bound) - 1 if clause.strict_high and bound.denominator == 1 else math.floor(bound)
        high = greatest if sampler.open_above else min(high, greatest)
    if low > high:
        raise VocabularyError(f"the range leaves {clause.name} no whole-number values")
    return dom.Integers(
        low, high, sampler.open_below and clause.low is None, sampler.open_above and clause.high is None
    )


def _narrow(vocab, clause: RangeClause, log_base):
    from fractions import Fraction

    import sympy as sp

    from derive import domain as dom
    from derive.vocabulary import VocabularyError, restrict

    size = vocab.dims.get(clause.name)
    if isinstance(size, sp.Symbol) and vocab.domain is not None and size in vocab.domain.samplers:
        # o \in \mathbb{R}^q; q \ge 2: the range narrows the size q names, not the notation's q of the same letter
        return restrict(vocab, size, lambda sampler: _narrowed_size(sampler, clause))
    symbol = vocab.symbol(clause.name)
    shared = not vocab.name and clause.name in vocab.entries and clause.name not in vocab.symbols
    if shared or symbol is None and clause.name not in vocab.entries and not vocab.name:
        # with no result, a range about a name of the shared notation (its distribution p) makes it a number
        # a tag with no result: 0 < \lambda < 1 about a name nothing else declares is a real number in that range
        # (with a result, a range about a name it lacks is more likely a misspelling of one of its own)
        vocab = _declare(vocab, KindClause(clause.name, "real"), log_base)
        symbol = vocab.symbol(clause.name)
    if symbol is None:
        raise VocabularyError(
            f"the range '{clause.name}' is about a symbol {vocab.name or 'this notation'} does not have; "
            f"declare it first, e.g. '{clause.name}: real'"
        )

    ranged = _index_size(vocab, symbol, clause)
    if ranged is not None:  # j \in \{1, \ldots, 10\} for an index j of the notation: it runs over 10 values
        return _pin_size(vocab, *ranged)

    def keep(sampler):
        if isinstance(sampler, dom.Dimension):
            return _narrowed_size(sampler, clause)
        if isinstance(sampler, dom.Integers):  # t: positive integer; t \ge 2: the whole numbers in the range
            return _whole_numbers_within(sampler, clause)
        if not isinstance(sampler, dom.Interval):
            raise VocabularyError(f"{clause.name} is not a number sampled from an interval: a range cannot narrow it")
        low, high = Fraction(str(sampler.low)), Fraction(str(sampler.high))
        new_low = max(low, Fraction(clause.low)) if clause.low is not None else low
        new_high = min(high, Fraction(clause.high)) if clause.high is not None else high
        # \rho_\infty > 5 about a real number drawn from [-3, 3]: that box is the sampler's choice, not the
        # number's range, so a bound beyond it moves the box there (the same width from the bound on)
        if new_low >= new_high and sampler.open_above and clause.high is None and clause.low is not None:
            new_high = new_low + (high - low)
        if new_low >= new_high and sampler.open_below and clause.low is None and clause.high is not None:
            new_low = new_high - (high - low)
        margin = (new_high - new_low) / 1000
        if clause.strict_low and clause.low is not None and new_low == Fraction(clause.low):
            new_low += margin
        if clause.strict_high and clause.high is not None and new_high == Fraction(clause.high):
            new_high -= margin
        if new_low >= new_high:
            raise VocabularyError(
                f"the range leaves {clause.name} no values (it is sampled from [{sampler.low}, {sampler.high}])"
            )
        return dom.Interval(
            str(new_low.numerator / new_low.denominator) if new_low.denominator != 1 else new_low.numerator,
            str(new_high.numerator / new_high.denominator) if new_high.denominator != 1 else new_high.numerator,
            sampler.positive or new_low > 0,
            open_below=sampler.open_below and clause.low is None,
            open_above=sampler.open_above and clause.high is None,
        )

    return restrict(vocab, symbol, keep)


def _narrowed_size(sampler, clause: RangeClause):
    """A size's values within the range (a size in \\mathbb{R}^q is a dimension: q \\ge 2 keeps 2, 3, 4)."""
    from fractions import Fraction

    from derive import domain as dom
    from derive.vocabulary import VocabularyError

    values = tuple(v for v in sampler.values if _within(Fraction(v), clause))
    if not values:
        raise VocabularyError(f"no value of the dimension {clause.name} is in the range")
    return dom.Dimension(values, sampler.symbol_text, sampler.open_above and clause.high is None)


def _within(value, clause: RangeClause) -> bool:
    from fractions import Fraction

    if clause.low is not None and (value < Fraction(clause.low) or clause.strict_low and value == Fraction(clause.low)):
        return False
    if clause.high is not None and (
        value > Fraction(clause.high) or clause.strict_high and value == Fraction(clause.high)
    ):
        return False
    return True


def _pin(vocab, clause: PinClause, log_base):
    """``n = 4096`` for a dimension n: sampled at that value only (for any other name the clause is a plain rebinding)."""
    from derive import domain as dom

    symbol = vocab.dims.get(clause.name) or vocab.symbol(clause.name)
    if symbol is None or vocab.domain is None or not isinstance(vocab.domain.samplers.get(symbol), dom.Dimension):
        return vocab
    return _pin_size(vocab, symbol, clause.name, clause.value)


def _pin_size(vocab, symbol, name: str, value: int):
    """``vocab`` with the dimension ``symbol`` sampled at ``value`` only."""
    from derive import domain as dom
    from derive.vocabulary import VocabularyError, restrict

    pinned = restrict(vocab, symbol, lambda sampler: dom.Dimension((value,), sampler.symbol_text))
    largest = _largest_sample(pinned.domain)
    if largest > MAX_SAMPLED_ENTRIES:
        raise VocabularyError(
            f"with {name} = {value} a point would hold {largest} sampled numbers "
            f"(at most {MAX_SAMPLED_ENTRIES} are drawn); check the formula at a smaller size"
        )
    return pinned


def _index_size(vocab, symbol, clause: RangeClause):
    """(the size, its name, N) when ``clause`` ranges an index of the notation from 1 to a whole number N
    (``j \\in \\{1, \\ldots, 10\\}``, ``1 \\le i \\le 4``); None otherwise."""
    import sympy as sp

    from derive import domain as dom

    sampler = vocab.domain.samplers.get(symbol) if vocab.domain is not None else None
    if not isinstance(sampler, dom.Index) or not isinstance(sampler.size, sp.Symbol):
        return None
    if not isinstance(vocab.domain.samplers.get(sampler.size), dom.Dimension) or clause.high is None:
        return None
    if not WHOLE.match(clause.high) or clause.low is not None and (not WHOLE.match(clause.low) or int(clause.low) > 1):
        return None
    first = 1 if clause.low is None else int(clause.low) + (1 if clause.strict_low else 0)
    last = int(clause.high) - (1 if clause.strict_high else 0)
    if first != 1 or last < 1:
        return None
    return sampler.size, str(sampler.size), last


MAX_SAMPLED_ENTRIES = 20_000


def _largest_sample(domain) -> int:
    """The most numbers one sampler of ``domain`` draws for a point, at the largest value of each dimension."""
    import sympy as sp

    largest = {s: max(v.values) for s, v in domain.dimensions.items()}
    most = 0
    for sampler in domain.samplers.values():
        count = 1
        for name in ("size", "rows", "cols"):
            value = getattr(sampler, name, None)
            if value is not None:
                try:
                    count *= int(sp.sympify(value).xreplace({s: sp.Integer(v) for s, v in largest.items()}))
                except (TypeError, ValueError):
                    pass
        most = max(most, count)
    return most
