"""Deciding a formula: every link of its chain, on the bound result's domain.

Each side is interpreted for the point's dimensions and evaluated with
:func:`derive.numeric.evaluate` at 60 digits on at least 20 seeded points of the
result's domain (or of the claim's domain for a case such as q ≠ p). A link holds
when :func:`derive.numeric.holds` says so at every point; the first point where it
does not is the counterexample. An equality that holds numerically is then offered to
:func:`derive.symbolic.prove_zero` under a short budget, which upgrades the evidence
to "proved". Worked examples (≈ or = against written decimals) are compared with the
rule of :mod:`derive.docs.rounding`: a figure with k decimals must be the exact value
rounded to k decimals (half a unit in the last written place; a truncation fails, except after ≈ in a figure
of four or more significant digits, π ≈ 3.1415).

The parts: :mod:`~derive.docs.reading` reads a formula (its chain, notation and names),
:mod:`~derive.docs.sampled_points` and :mod:`~derive.docs.links` check it point by point,
:mod:`~derive.docs.tagged_free` and :mod:`~derive.docs.untagged_decide` retry a formula
whose names nothing binds; this module adds the doubts of notation (2e-1, 10^12) on top.
"""

from __future__ import annotations

import dataclasses
import re

import mpmath

from derive.budgets import expiries
from derive.docs import gradient_scope, matrix_softmax, named_functions, vector_sigma
from derive.docs.bind import Unbound
from derive.docs.command_functions import with_command_functions
from derive.docs.defined_events import with_defined_events
from derive.docs.derivative_names import with_derivative_names
from derive.docs.derivative_point import argument_doubt
from derive.docs.deviation_reading import deviation_doubt
from derive.docs.expression_values import with_expression_values
from derive.docs.finite_tail import decide_finite_tail
from derive.docs.inequation import decide_inequation
from derive.docs.italic_names import italicise
from derive.docs.iterate_superscripts import iterate_doubt
from derive.docs.joined_claims import claims_joined
from derive.docs.labelled_derivative import labelled_derivative_doubt
from derive.docs.labelled_laws import with_labelled_laws
from derive.docs.law_parameters import law_parameter_doubt
from derive.docs.links_apart import decide_links_apart
from derive.docs.middle_names import decide_named_middle
from derive.docs.moment_subscripts import moments_of_random_quantities
from derive.docs.numerals import E_NOTATION, e_notation_parts
from derive.docs.open_outcome import name_open_outcomes
from derive.docs.primed_names import with_primed_names
from derive.docs.reading import (
    _guarded,
    gave_up,
    out_of_bounds,  # noqa: F401  (imported from here)
)
from derive.docs.row_products import row_product_doubt
from derive.docs.sampled_points import _checked_ranges  # noqa: F401  (imported from here)
from derive.docs.score_mean import decide_score_mean
from derive.docs.sequence_laws import LAW_LETTERS, decide_sequence_laws, result_law_of_sequences, unstated_length
from derive.docs.several_draws import nested_draws
from derive.docs.side_names import _normal_name  # noqa: F401  (imported from here)
from derive.docs.solved_for import decide_solved_for
from derive.docs.subscript_draws import draws_in_subscripts
from derive.docs.subscript_laws import laws_in_subscripts
from derive.docs.subscript_settings import settings_at_zero_as_limits, with_subscript_settings
from derive.docs.sum_scope import reused_indices, sums_over_the_rest
from derive.docs.superscript_labels import with_labels
from derive.docs.tag_equations import decide_tag_equation
from derive.docs.tag_mentions import constrained_values
from derive.docs.tagged_free import _decide_tagged_free
from derive.docs.trig_argument import argument_widened
from derive.docs.untagged_decide import _decide_untagged_once
from derive.docs.vector_sizes import sized_by_products
from derive.docs.verdict import (  # noqa: F401  (imported from here)
    ASSUMPTION,
    DIGITS,
    ERRATUM,
    FAIL,
    KIND_SAMPLERS,
    PASS,
    SKIPPED,
    UNKNOWN,
    UNPARSEABLE,
    VECTOR_KINDS,
    Binding,
    DecideError,
    Verdict,
    kind_word,
)
from derive.docs.written_out_vectors import written_out


def decide(text: str, binding: Binding | None = None, tagged: bool = True, context=None) -> Verdict:
    """The verdict on one formula (never raises for bad input).

    Untagged (``tagged=False``), nothing is bound but what the formula binds itself and
    what earlier formulas of its document defined (``context``, a
    :class:`derive.docs.untagged.DocumentContext`); see :mod:`derive.docs.untagged`.
    A time limit that runs out anywhere in the check makes it UNKNOWN (:func:`derive.docs.reading.gave_up`).
    """
    with expiries() as spent:
        verdict = _decide_written(text, binding or Binding(), tagged, context)
    why = gave_up(spent)
    return verdict if why is None else Verdict(UNKNOWN, why)


def _decide_written(text: str, binding: Binding, tagged: bool, context) -> Verdict:
    from derive.docs.decision_process import quantifier_over_process_sets_dropped
    from derive.docs.function_families import family_members_the_formula_applies
    from derive.docs.tags import entries_the_formula_lists, entries_the_formula_sums, summed_listed_entries

    binding = entries_the_formula_sums(binding, text)  # p_t > 0 beside \sum_t \log p_t: every entry of p
    binding = family_members_the_formula_applies(binding, text)  # \psi_{0}(1) beside the tag's \psi_m(z) = ...
    binding = entries_the_formula_lists(binding, text)  # x_1 beside \mathbf{x} \in \{0, 1\}^n: x_1 is 0 or 1
    summed = summed_listed_entries(binding, text)
    if summed is not None:
        return Verdict(UNKNOWN, summed)
    text = quantifier_over_process_sets_dropped(text, binding)  # V^\pi(s) = ...;\ \text{for all } s \in \mathcal{S}
    if tagged:  # 0 = \theta_0 + \theta_1 x + \theta_2 y in the tag, y = ... in the formula: the value put in
        solved = decide_tag_equation(text, binding, lambda t, b: _decide_written(t, b, tagged, context))
        if solved is not None:
            return solved
    verdict = _byte_multiples_doubt(text, binding, tagged, context, _decide_as_written(text, binding, tagged, context))
    if verdict.verdict == UNKNOWN and "no finite real value" in verdict.detail:  # A = B = 1 < \infty: A finite
        verdict = decide_finite_tail(text, lambda t: _decide_as_written(t, binding, tagged, context)) or verdict
    limits = settings_at_zero_as_limits(text, binding)
    if limits is None or verdict.verdict != UNKNOWN or "no finite real value" not in verdict.detail:
        return verdict
    # p_{T=0}(w) where the tag's p_T has no value at T = 0: the setting means the limit as T goes to 0
    letter, above, below = limits
    from_above = _decide_as_written(above, binding, tagged, context)
    from_below = _decide_as_written(below, binding, tagged, context)
    reading = f"{letter} = 0 read as the limit {letter} \\to 0 (the tag's family has no value at {letter} = 0)"
    if from_above.verdict == from_below.verdict and from_above.verdict in (PASS, FAIL):
        both = f"from above: {from_above.detail}; from below: {from_below.detail}"
        return dataclasses.replace(from_above, detail=f"{reading}, from either side ({both})")
    if from_above.verdict in (PASS, FAIL) and _ranged_positive(letter, binding):
        return dataclasses.replace(
            from_above, detail=f"{reading}, from above as the tag ranges it: {from_above.detail}"
        )
    return Verdict(
        UNKNOWN,
        f"{reading}: from above {from_above.verdict} ({from_above.detail}), from below {from_below.verdict}"
        f" ({from_below.detail}); say in the tag which values {letter} takes ({letter} > 0)",
    )


def _byte_multiples_doubt(text, binding, tagged, context, verdict) -> Verdict:
    """The verdict, or UNKNOWN when the formula writes a gigabyte (GB, \\text{MBytes}) and reading it as 2^30 bytes, as
    memory is often counted, rather than 10^9 by its SI prefix, does not decide it the same way."""
    from derive.docs.units import binary_byte_multiples

    binary = binary_byte_multiples(text) if verdict.verdict in (PASS, FAIL) else None
    if binary is None:
        return verdict
    other = _decide_as_written(binary, binding, tagged, context)
    if other.verdict == verdict.verdict:
        return verdict
    first = "holds" if verdict.verdict == PASS else "fails"
    second = {PASS: "holds", FAIL: "fails"}.get(other.verdict, "is not decided")
    return Verdict(
        UNKNOWN,
        f"a gigabyte read as 10^9 bytes, by its SI prefix, or as 2^30 bytes (GiB): the formula {first} under the first"
        f" reading and {second} under the second ({other.detail if other.verdict != PASS else verdict.detail})",
    )


def _ranged_positive(letter: str, binding: Binding) -> bool:
    """Whether the tag gives ``letter`` only values above 0 (T > 0, T: positive, T: temperature)."""
    from derive.docs.tags import RangeClause

    ranged = any(
        isinstance(c, RangeClause) and c.name == letter and c.low is not None and float(c.low) >= 0
        for c in binding.clauses
    )
    kinds = {kind.strip() for name, kind in binding.kinds.items() if name.strip() == letter}
    return ranged or bool(kinds & {"positive", "temperature"})


def _decide_as_written(text: str, binding: Binding, tagged: bool, context) -> Verdict:
    text, binding, put = with_expression_values(text, binding)  # \|q - k\| = 1: the formula reads the distance's value
    text, binding = with_defined_events(text, binding)  # P(y_1 > y_2) = \sigma(...) in the tag: that chance's value
    text, named = with_derivative_names(text, binding.derivatives)  # ∂L/∂g_j the tag declares a number: a name
    text, primed = with_primed_names(text, binding.primed)  # \phi'(y) = \phi(x, y) in the tag: a function of its own
    text, commands = with_command_functions(text, binding.commands)  # \cos(u, v) in the tag: a function of its own
    text = draws_in_subscripts(text)  # E_{q(z \mid x)}[f(z)]: the draw E_{z \sim q(z \mid x)}
    text = nested_draws(text)  # E_{x \sim p, y \sim p(y | x)}[f]: E_{x \sim p}[E_{y \sim p(y | x)}[f]]
    text, binding = with_subscript_settings(text, binding)  # p_{T=0.5}(w): the tag's p_T(w) at T = 0.5
    text, binding, accents = with_labelled_laws(text, binding)  # P_X(x) of the tag's P_{XY}; \hat p a joint law
    text = moments_of_random_quantities(text, binding)  # \mu_{aX+b} of a random X: \mathbb{E}[aX+b]
    put = "; ".join(filter(None, (put, named, primed, commands, accents)))
    text, binding = laws_in_subscripts(text, binding)  # E_{x \sim \mathcal{N}(0, 1)}[x^2]: as the clause x \sim N(0, 1)
    applied = _applied_apart_law(text, binding)
    if applied:
        return Verdict(
            UNKNOWN,
            f"the tag draws a variable from {applied} without declaring {applied} a distribution, so its law is drawn"
            f" apart from the function {applied} the formula applies; declare '{applied}: distribution' to read them as"
            " one",
        )
    if tagged:
        text, unshown = _draws_over_listed_values(text, binding, context)
        if unshown is not None:
            return unshown
    text = _draws_from_renamed_laws(text, binding)  # x \sim p_g beside the tag's p_g(x) = p(x): drawn from p
    defined = _drawn_from_defined_function(text, binding)
    if defined:
        return Verdict(
            UNKNOWN,
            f"the formula draws from {defined}, which the tag defines by a formula ({defined}(...) = ...): a law given"
            " by its formula, over outcomes the tag does not range, is not read as the law of a draw",
        )
    verdict = decide_inequation(text, lambda equality: _decide(equality, binding, tagged, context))
    if verdict is None:
        verdict = _decide(text, binding, tagged, context)
    if put and verdict.verdict in (PASS, FAIL):
        return dataclasses.replace(verdict, detail=f"with {put} from the tag: {verdict.detail}")
    return verdict


HOLDS = {PASS: "holds", FAIL: "fails"}  # what a reading's verdict says of the formula
DRAWN_FROM = re.compile(r"\\sim\s*(\\?[A-Za-z]+(?:_\{[^{}]*\}|_\\?[A-Za-z0-9]+)?)")


def _drawn_from_defined_function(text: str, binding: Binding) -> str | None:
    """The name of a function the tag defines by a formula (``p(x) = \\exp(\\theta^T f(x)) / Z(\\theta)``) that the
    formula draws from (``\\mathbb{E}_{x \\sim p}``), or None: read apart, the draw's law would be another one."""
    from derive.docs.tags import FunctionClause

    defined = {c.name for c in binding.clauses if isinstance(c, FunctionClause) and not _renames_a_law(c)}
    for found in DRAWN_FROM.finditer(text):
        name = re.sub(r"[{}\\]", "", found.group(1))
        if name in defined:
            return name
    return None


def _draws_from_renamed_laws(text: str, binding: Binding) -> str:
    """``text`` with each draw from a name the tag gives to another law's values (``x \\sim p_g`` beside ``p_g(x) =
    p(x)``) written as a draw from that law: the same law of x, where a draw from a function has no law to read."""
    from derive.docs.tags import FunctionClause

    renamed = {
        c.name: re.sub(r"\s+", "", c.body).split("(")[0]
        for c in binding.clauses
        if isinstance(c, FunctionClause) and _renames_a_law(c)
    }
    if not renamed:
        return text

    def law(found):
        name = re.sub(r"[{}\\]", "", found.group(1))
        return f"\\sim {renamed[name]}" if name in renamed else found.group(0)

    return DRAWN_FROM.sub(law, text)


def _draws_over_listed_values(text: str, binding: Binding, context) -> tuple[str, Verdict | None]:
    """(``text`` with each expectation drawing x from a law p the tag defines by a formula, over the values the tag
    lists for x, read as \\sum_x p(x) (...), None); or (text, UNKNOWN) where p's values there are not shown to sum
    to 1: then p is no law of x."""
    from derive.docs.joint_law import tag_value_sets
    from derive.docs.listed_draws import listed_draws
    from derive.docs.tags import FunctionClause

    laws = {
        c.name
        for c in binding.clauses
        if isinstance(c, FunctionClause) and len(c.params) == 1 and not _renames_a_law(c)
    }
    listed = set(tag_value_sets(binding)) if laws else set()
    if not listed:
        return text, None
    read, drawn = listed_draws(text, laws, listed)
    for outcome, law in drawn:
        total = _decide(f"\\sum_{{{outcome}}} {law}({outcome}) = 1", binding, True, context)
        if total.verdict != PASS:
            return text, Verdict(
                UNKNOWN,
                f"the formula draws {outcome} from {law}, which the tag defines by a formula over the values it lists"
                f" for {outcome}; that its values there sum to 1 is not shown ({total.verdict}: {total.detail})",
            )
    return read, None


def _renames_a_law(clause) -> bool:
    """Whether a function's definition only applies another name to its parameters (p_g(x) = p(x)): a name for that
    law's value, not a law given by a formula."""
    params = ",".join(clause.params)
    return (
        re.fullmatch(rf"\\?[A-Za-z]+(?:_\{{?\\?\w+\}}?)?\({re.escape(params)}\)", re.sub(r"\s+", "", clause.body))
        is not None
    )


def _applied_apart_law(text: str, binding: Binding) -> str | None:
    """A law of :attr:`Binding.apart_laws` the formula applies as a function (p(x), p_\\theta(x)); None if none."""
    for law in binding.apart_laws:
        if len(law) == 1 and re.search(
            rf"(?<![A-Za-z\\]){law}\s*(?:_(?:\{{[^{{}}]*\}}|\\?[A-Za-z0-9]+))?\s*(?:\\left)?\s*\(", text
        ):
            return law
    return None


def _decide(text: str, binding: Binding, tagged: bool, context) -> Verdict:
    text = italicise(text, binding.words)  # eta_0 the tag declares: one name, not e t a_0
    text = with_labels(text, binding.labels)  # W^q the tag declares a matrix: W^{(q)}, not a power
    text = claims_joined(text)  # A \\; \\text{and} \\; B, or A, \\; B: both claimed (A \\land B)
    text = name_open_outcomes(text)  # y \sim \pi(\cdot \mid x) draws y from \pi(y \mid x)
    if not tagged or not (
        binding.result or binding.kinds or binding.overrides or binding.clauses or binding.conditions
    ):
        # \sqrt{x_1^2 + x_2^2} = \sqrt{\mathbf{x}^T\mathbf{x}}: the vector of the entries written, where no tag says more
        text = written_out(text) or text
    if tagged:

        def decide_text(t):
            return _decide_tagged(t, binding)
    else:
        from derive.docs.untagged import DocumentContext, read_untagged

        context = context or DocumentContext()

        def decide_text(t):
            whole = _decide_untagged_once(t, binding, context)
            return decide_links_apart(t, binding, whole, lambda _, link: _decide_link_alone(link), untagged=True)

        def _decide_link_alone(link):
            """A link as an untagged formula of its own: a definition, a condition or an equation it reads as is
            not decided."""
            reading = read_untagged(link, context)
            if reading.kind != "claim":
                return Verdict(UNKNOWN, f"read alone, {reading.reason}")
            return _decide_untagged_once(link, binding, context)

    from derive.docs.asymptotic_bounds import equal_bounds
    from derive.docs.law_equality import equal_laws

    laws = equal_laws(text, decide_text)  # \text{Beta}(4 + 7, 2 + 3) = \text{Beta}(11, 5)
    if laws is not None:
        return laws
    bounds = equal_bounds(text, decide_text)  # O(\frac{bn^2d}{bnd}) = O(n): through the arguments
    if bounds is not None:
        return bounds
    # p(x_1, \ldots, x_n) = \prod_i p(x_i \mid x_{<i}): untagged too, a joint law of the terms, unless the document
    # defined a law of that name
    if tagged or not _defines(context, LAW_LETTERS):
        sequence = decide_sequence_laws(text, binding, _decide_tagged)
        unstated = None if tagged or sequence is None or sequence.verdict != PASS else unstated_length(text)
        if unstated is not None:
            return Verdict(UNKNOWN, unstated)
        if sequence is not None:
            return labelled_derivative_doubt(text, binding, sequence)
    with (
        gradient_scope.noting() as several_factors,
        matrix_softmax.noting() as softmax_matrices,
        named_functions.noting() as named,
        vector_sigma.noting() as sigma_of_vectors,
    ):
        verdict = decide_text(text)
    verdict = _named_function_doubt(verdict, named, decide_text, text)
    verdict = _vector_sigma_doubt(verdict, sigma_of_vectors, decide_text, text)
    verdict = _gradient_scope_doubt(verdict, several_factors, decide_text, text)
    verdict = argument_doubt(text, verdict, decide_text)  # \nabla_\theta J(u): 0, or the gradient of J taken at u
    verdict = _matrix_softmax_doubt(verdict, softmax_matrices, decide_text, text)
    verdict = _e_notation_doubt(text, verdict, decide_text)
    verdict = row_product_doubt(text, verdict, decide_text)  # \omega = x q^\top = 0.95: x and q as rows
    verdict = _rounded_coefficient(text, verdict)  # 2 \cdot 4096 \cdot 16384 \cdot B = 1.3e8 \cdot B
    verdict = _sum_scope_doubt(text, verdict, decide_text)
    verdict = _unbraced_exponent_doubt(text, verdict, decide_text)
    verdict = _trig_argument_doubt(text, verdict, decide_text)
    verdict = deviation_doubt(text, binding, verdict, decide_text)  # σ(aX) = |a| σ(X): σ may be X's deviation
    verdict = _sequence_beside_result(text, binding, tagged, context, verdict)
    verdict = _either_law_of_a_declared_distribution(text, binding, verdict, decide_text)
    if tagged:
        verdict = _ranged_law_doubt(text, binding, verdict)
        # Var(X) = np(1 - p) beside X \sim \text{Bin}(10, 0.3): n and p may be the law's 10 and 0.3
        verdict = law_parameter_doubt(text, binding, verdict, lambda t, b: decide(t, b, tagged, context))
    verdict = labelled_derivative_doubt(text, binding, verdict)  # \nabla_\theta \log \pi_\theta(a \mid s)
    if not tagged:  # w^0 = 4.5, w^{k} = w^{k-1} - ...: an iterate's labels, not powers
        verdict = iterate_doubt(text, verdict, lambda t: _read_and_decide(t, binding, context))
    if verdict.verdict == UNKNOWN:  # f'(p) = 0 \Rightarrow p = 0.63: the value put in
        verdict = decide_solved_for(text, decide_text, earlier_links=tagged) or verdict
    if not tagged and verdict.verdict == UNKNOWN and not _defines(context, (*LAW_LETTERS, "E")):
        verdict = decide_score_mean(text) or verdict  # E_{x \sim p_θ}[\nabla_θ \log p_θ(x)] = 0, p_θ any family
    return verdict


def _defines(context, letters) -> bool:
    """Whether the document defined a name of one of these letters (p_\\theta for p) before the untagged formula."""
    return any(name.split("_")[0] in letters for name in context.definitions)


def _sequence_beside_result(text, binding, tagged, context, verdict):
    """A law of a sequence that the tag's result leaves undecided (p(x_1, \\ldots, x_n) under the chain rule of
    probability), decided as the joint law of the written-out terms (derive.docs.sequence_laws) when it is."""
    if verdict.verdict != UNKNOWN or not result_law_of_sequences(text, binding):
        return verdict
    other = decide(text, dataclasses.replace(binding, result=None), tagged, context)
    if other.verdict not in (PASS, FAIL):
        return verdict
    return dataclasses.replace(
        other, detail=f"{binding.result} does not read it ({verdict.detail}); as a law of a sequence: {other.detail}"
    )


# the doubt derive.docs.links raises when a distribution the tag declares and the result's are both refuted apart
APART_FROM_THE_RESULTS = re.compile(
    r"^(?P<declared>\S+) \(declared a distribution in the tag\) and (?P<own>\S+) \(the result's\) are drawn independently"
)


def _either_law_of_a_declared_distribution(text, binding, verdict, decide_text):
    """A FAIL when a distribution the tag declares (H(X) with 'X: distribution') and the result's own (p) are refuted
    drawn apart and also with the one the other's law ('X = p'): the formula fails under either reading."""
    apart = APART_FROM_THE_RESULTS.match(verdict.detail) if verdict.verdict == UNKNOWN else None
    if apart is None:
        return verdict
    declared, own = apart.group("declared"), apart.group("own")
    kinds = {name: kind for name, kind in binding.kinds.items() if name != declared}
    if len(kinds) == len(binding.kinds):
        return verdict
    identified = dataclasses.replace(binding, kinds=kinds, overrides={**binding.overrides, declared: own})
    other = _decide_tagged(text, identified)
    if other.verdict != FAIL:
        return verdict
    return Verdict(
        FAIL,
        f"fails with {declared} drawn apart from {own} and with {own} the law of {declared} ({declared} = {own}):"
        f" {other.detail}",
    )


def _ranged_law_doubt(text, binding, verdict):
    """UNKNOWN when the tag's range on the shared notation's law at an argument (q(x) > 0, derive.docs.tags), read as a
    number of its own, and the law's own value (which the range says nothing more of) do not give the same verdict;
    the verdict stands when they agree or the second reading decides nothing."""
    from derive.docs.tags import shared_law_values

    ranged, kinds = shared_law_values(binding) if verdict.verdict in (PASS, FAIL) else ([], [])
    if not ranged and not kinds:
        return verdict
    clauses = [clause for clause in binding.clauses if clause not in ranged]
    kept = {name: kind for name, kind in binding.kinds.items() if name not in kinds}
    other = _decide_tagged(text, dataclasses.replace(binding, clauses=clauses, kinds=kept))
    if other.verdict not in (PASS, FAIL) or other.verdict == verdict.verdict:
        return verdict
    names = ", ".join([*(clause.name for clause in ranged), *kinds])
    return Verdict(
        UNKNOWN,
        f"{names} read as a number of its own, as the tag's clause on it makes it, the formula"
        f" {HOLDS[verdict.verdict]} ({verdict.detail}); read as the value of the shared notation's law it"
        f" {HOLDS[other.verdict]} ({other.detail}): declare the law ('p: distribution') to read it so",
    )


def _sum_scope_doubt(text, verdict, decide_text):
    """\\sum_i a + b_i, undecided because i is summed in one place and free in another: read again with the sum over
    the terms after it (derive.docs.sum_scope), and decided so when that reading is."""
    indices = reused_indices(verdict.detail) if verdict.verdict == UNKNOWN else []
    widened = sums_over_the_rest(text, indices) if indices else None
    if widened is None:
        return verdict
    other = decide_text(widened)
    if other.verdict not in (PASS, FAIL):
        return verdict
    covered = ", ".join(indices)
    written = "it fails too" if other.verdict == FAIL else "it would fail"
    return dataclasses.replace(
        other,
        detail=f"with the sum over {covered} read over the terms after it (as written, with the index free after"
        f" the sum, {written}): {other.detail}",
    )


ARBITRARY_REFUTATION = re.compile(r"not bound; read as arbitrary, the formula fails")  # derive.docs.links._refuted


def _trig_argument_doubt(text, verdict, decide_text):
    """\\cos (n - m)\\theta read both as the grammar reads it, the cosine of the bracket times θ, and as the cosine of
    (n - m)θ, as \\cos m\\theta is read (derive.docs.trig_argument): a FAIL stands only when both readings fail, a
    PASS of the second reading is the formula's, and a PASS the second reading refutes is UNKNOWN. A first reading
    refuted only for one choice of the functions nothing defines is no more than a FAIL: a PASS of the second, for any
    choice, is the formula's too."""
    arbitrary = verdict.verdict == UNKNOWN and ARBITRARY_REFUTATION.search(verdict.detail) is not None
    widened = argument_widened(text) if verdict.verdict in (PASS, FAIL) or arbitrary else None
    if widened is None:
        return verdict
    other = decide_text(widened)
    if other.verdict == verdict.verdict or arbitrary and other.verdict != PASS:
        return verdict
    if other.verdict == PASS:
        return dataclasses.replace(
            other,
            detail=f"with the name after each bracket in the function's argument, as in \\cos m\\theta: {other.detail}",
        )
    if other.verdict == FAIL:
        return Verdict(
            UNKNOWN,
            "a function of a bracket followed by a name (\\cos (n - m)\\theta) may take the name into its argument: read"
            " as the function of the bracket times the name the formula holds; read with the name in the argument it"
            f" fails ({other.detail}); write brackets to say which",
        )
    return verdict


def _second_reading(verdict, present, reading, decide_text, text):
    """The verdict of the formula read the second way (``reading``, a context manager) when the first reading decided
    it and the formula writes what is in doubt (``present``); None otherwise."""
    if not present or verdict.verdict not in (PASS, FAIL):
        return None
    with reading():
        return decide_text(text)


def _gradient_scope_doubt(verdict, several_factors, decide_text, text):
    """UNKNOWN when \\nabla_x f g read as the gradient of the product and read as (\\nabla_x f) g do not get the
    same verdict (:mod:`derive.docs.gradient_scope`); the verdict stands when both agree."""
    other = _second_reading(verdict, several_factors, gradient_scope.gradient_of_first_factor, decide_text, text)
    if other is None or other.verdict == verdict.verdict:
        return verdict
    operator, factor, term = several_factors[0]
    as_product = HOLDS[verdict.verdict]
    as_factor = HOLDS.get(other.verdict, "is not decided")
    because = verdict if verdict.verdict == FAIL or other.verdict == PASS else other
    return Verdict(
        UNKNOWN,
        f"{operator} may apply to {factor} alone or to the whole product {term}: read as the gradient of the"
        f" product the formula {as_product}; read as the gradient of {factor} times the rest it {as_factor}"
        f" ({because.detail}); write brackets to say which",
    )


def _matrix_softmax_doubt(verdict, softmax_matrices, decide_text, text):
    """UNKNOWN when the softmax of a matrix taken over each row and over each column do not give the same verdict
    (:mod:`derive.docs.matrix_softmax`); the verdict stands when both agree."""
    other = _second_reading(verdict, softmax_matrices, matrix_softmax.over_columns, decide_text, text)
    if other is None or other.verdict == verdict.verdict:
        return verdict
    by_columns = HOLDS.get(other.verdict, "is not decided")
    return Verdict(
        UNKNOWN,
        f"the softmax of a matrix taken over each row the formula {HOLDS[verdict.verdict]}"
        f" ({verdict.detail}); taken over each column it {by_columns} ({other.detail}): say which",
    )


def _vector_sigma_doubt(verdict, sigma_of_vectors, decide_text, text):
    """UNKNOWN when σ of a vector read as the logistic function of each entry and read as the softmax do not give the
    same verdict (:mod:`derive.docs.vector_sigma`); the verdict stands when both agree."""
    other = _second_reading(verdict, sigma_of_vectors, vector_sigma.softmax_reading, decide_text, text)
    if other is None:
        return verdict
    as_logistic = HOLDS[verdict.verdict]
    if other.verdict == verdict.verdict:
        return dataclasses.replace(
            verdict,
            detail=f"{as_logistic} with \\sigma of a vector read as the logistic function of each entry"
            f" ({verdict.detail}) and as the softmax ({other.detail})",
        )
    as_softmax = HOLDS.get(other.verdict, "is not decided")
    return Verdict(
        UNKNOWN,
        f"\\sigma of a vector read as the logistic function of each entry the formula {as_logistic}"
        f" ({verdict.detail}); read as the softmax it {as_softmax} ({other.detail}): the tag may say which"
        " (\\sigma = \\operatorname{softmax})",
    )


def _named_function_doubt(verdict, named, decide_text, text):
    """The verdict in every reading of the activation functions with several usual definitions the formula names
    (GELU exactly or in its tanh approximation; :mod:`derive.docs.named_functions`): it stands when they all agree,
    and is UNKNOWN with each reading's verdict otherwise (PASS when one reading holds, if any reading suffices)."""
    if not named:
        return verdict
    outcomes = []
    for put, said in named_functions.readings(named):
        if not outcomes:  # the first reading is the one the formula was decided in
            outcomes.append((said, verdict))
            continue
        with put:
            outcomes.append((said, decide_text(text)))
    kinds = {other.verdict for _, other in outcomes}
    if len(kinds) == 1 and kinds <= {PASS, FAIL}:
        word = "holds" if PASS in kinds else "fails"
        return dataclasses.replace(
            outcomes[0][1], detail=f"{word} in every usual reading of {', '.join(named)}: {outcomes[0][1].detail}"
        )
    holding = [(said, other) for said, other in outcomes if other.verdict == PASS]
    if holding and named_functions.any_reading_suffices():
        said, other = holding[0]
        return dataclasses.replace(other, detail=f"with {said}: {other.detail}")
    if len(kinds) == 1:
        return outcomes[0][1]
    told = "; ".join(
        f"with {said} it {dict(((PASS, 'holds'), (FAIL, 'fails'))).get(other.verdict, 'is not decided')}"
        f" ({other.detail})"
        for said, other in outcomes
    )
    return Verdict(UNKNOWN, f"{', '.join(named)} has several usual definitions, and they disagree: {told}")


def _read_and_decide(text, binding, context) -> tuple[Verdict, str]:
    """(verdict, what it says) of an untagged formula read afresh: UNKNOWN with the reason when it reads as no claim."""
    from derive.docs.untagged import read_untagged

    reading = read_untagged(text, context)
    if reading.kind != "claim":
        return Verdict(UNKNOWN, reading.reason), f"it is {reading.reason}"
    other = decide(reading.text or text, binding, tagged=False, context=context)
    return other, f"{other.verdict} ({other.detail})"


def _rounded_coefficient(text, verdict):
    """A FAIL of = between a product and the same product with a figure in E notation with decimals, 2 \\cdot 4096
    \\cdot 16384 \\cdot B = 1.3e8 \\cdot B: such a figure is rounded (as = 16.6e9 beside numbers is), so the link holds
    when the figure is the exact coefficient rounded to its digits, as ≈ between two such products does."""
    from derive.docs.interpret import rewrite_chain
    from derive.docs.written_digits import _approx, written_coefficient

    if verdict.verdict != FAIL or not any("." in e_notation_parts(m)[0] for m in E_NOTATION.finditer(text)):
        return verdict
    try:
        sides, relations, _ = rewrite_chain(text)
    except Exception:  # unreadable: the verdict stands
        return verdict
    found = written_coefficient(*sides) if relations == ["="] else None
    if found is None or not _approx(found[0], found[1], [found[2]])[0]:
        return verdict
    exact, figure, decimals = found
    return Verdict(
        PASS,
        f"the first side is {mpmath.nstr(exact, 10)} times the later's product, which {mpmath.nstr(figure, 10)} gives"
        f" rounded to {decimals} decimals (a figure in E notation with decimals is a rounding)",
    )


def _e_notation_doubt(text, verdict, decide_text):
    """UNKNOWN when 2e-1, read as 2 x 10^{-1}, fails but read as the product 2e - 1 holds (2e-1 = 4.4366), or 2E+1 as
    2E + 1 with a name E."""
    match = E_NOTATION.search(text)
    if match is None or verdict.verdict != FAIL:
        return verdict
    as_product = decide_text(E_NOTATION.sub(lambda m: "{}\\,{}{}".format(*e_notation_parts(m)), text))
    if as_product.verdict != PASS:
        return verdict
    mantissa, letter, exponent = e_notation_parts(match)
    return Verdict(
        UNKNOWN,
        f"{match.group(0)} read as {mantissa} \\times 10^{{{int(exponent)}}} fails ({verdict.detail});"
        f" read as {mantissa}{letter} {exponent} ({'Euler' if letter == 'e' else 'a name'}'s {letter}) it holds",
    )


def _decide_tagged(text, binding):
    from derive.docs.laws import decide_under_laws

    whole = decide_under_laws(text, binding, _decide_tagged_once)
    whole = sized_by_products(text, binding, whole, lambda t, b: decide_under_laws(t, b, _decide_tagged_once))
    return decide_links_apart(text, binding, whole, lambda link, _: decide_under_laws(text, binding, _decider_of(link)))


def _decider_of(link):
    """Deciding one link of a chain alone, on the names the tag and the result bind (none read as free)."""
    return lambda text, binding: _guarded(text, binding, None, link=link)


def _decide_tagged_once(text, binding):
    try:
        return _guarded(text, binding, None, reraise_unbound=True)
    except Unbound as exc:
        values = constrained_values(binding, exc.name)
        if values:  # d(a_i, n_i) \ge d(a_i, p_i) + m in the tag: its applications are numbers the clause constrains
            return _decide_tagged_once(text, dataclasses.replace(binding, kinds={**values, **binding.kinds}))
        named = decide_named_middle(  # Var[x] = \sigma = \sqrt{...}
            text, binding, exc.name, _decide_tagged_once, lambda t, b: _guarded(t, b, None, reraise_unbound=True)
        )
        return named or _decide_tagged_free(text, binding, exc)


UNBRACED_EXPONENT = re.compile(r"\^(\d)(\d+)")  # 10^12: TeX sets 10 to the power 1, then the digit 2


def _unbraced_exponent_doubt(text, verdict, decide_text):
    """UNKNOWN when the verdict turns on an unbraced exponent of several digits (10^12 typeset as 10^1 2).

    TeX raises only the first digit, so 10^12 reads as 10^{1} 2; authors mostly mean 10^{12}. When the
    two readings disagree (one holds, the other fails), the formula says nothing definite: UNKNOWN with
    both readings. When they agree, the verdict stands.
    """
    match = UNBRACED_EXPONENT.search(text)
    if match is None or verdict.verdict not in (PASS, FAIL):
        return verdict
    braced = UNBRACED_EXPONENT.sub(lambda m: "^{" + m.group(1) + m.group(2) + "}", text)
    other = decide_text(braced)
    if other.verdict not in (PASS, FAIL) or other.verdict == verdict.verdict:
        return verdict
    written = match.group(0)
    as_typeset, as_meant = HOLDS[verdict.verdict], HOLDS[other.verdict]
    return Verdict(
        UNKNOWN,
        f"{written} is typeset as ^{match.group(1)} followed by {match.group(2)} (write ^{{{written[1:]}}}):"
        f" read so the formula {as_typeset}; read as ^{{{written[1:]}}} it {as_meant}",
    )
