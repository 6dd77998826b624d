"""Checking documents and reporting one verdict per formula, as text or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace

from derive.budgets import expiries
from derive.docs import named_functions
from derive.docs.about_figures import writes_about
from derive.docs.closed_links import refuted_link
from derive.docs.decide import (
    ASSUMPTION,
    ERRATUM,
    FAIL,
    PASS,
    SKIPPED,
    UNKNOWN,
    UNPARSEABLE,
    Binding,
    Verdict,
    decide,
    out_of_bounds,
)
from derive.docs.iterate_superscripts import tag_numbered_parts
from derive.docs.random_names import MOMENTS
from derive.docs.reading import gave_up
from derive.docs.scan import Found, document_files, scan_file
from derive.docs.set_elements import DUAL_NUMBERS, declared_elements, element_written, ring_operations_only
from derive.docs.tags import TagError, parse_tag
from derive.docs.untagged import (
    ONE_MEANING,
    DocumentContext,
    Reading,
    named_value_tail,
    one_meaning,
    read_untagged,
)
from derive.docs.untagged_free import NO_SOLUTION


@dataclass
class Record:
    file: str
    line: int
    latex: str
    result: str | None
    verdict: str
    detail: str
    cell: int | None = None  # a notebook's cell (1-based); then ``line`` counts within the cell

    @classmethod
    def of(cls, found: Found, result: str | None, verdict: str, detail: str) -> Record:
        """The record of a formula a document holds: where it was found, the result it is bound to, the verdict."""
        return cls(found.file, found.line, found.latex, result, verdict, detail)

    def to_json(self) -> dict:
        data = asdict(self)
        if self.cell is None:
            del data["cell"]
        return data

    def text(self) -> str:
        name = f" [{self.result}]" if self.result else ""
        where = (
            f"{self.file}:cell {self.cell}:line {self.line}" if self.cell is not None else f"{self.file}:{self.line}"
        )
        return f"{where}: {self.verdict}{name} {self.latex}\n    {self.detail}"


# names a chain from their definition is read with only: a chain consistent with another first link is still wrong
CHAIN_ONE_MEANING = (MOMENTS & ONE_MEANING) | {"KL", "D_KL"}


def _has_relation(latex: str) -> bool:
    return any(mark in latex for mark in ("=", "\\le", "\\ge", "<", ">", "\\approx", "\\equiv")) or writes_about(latex)


def check_found(found: Found, use_cache: bool = False, context: DocumentContext | None = None) -> Record | None:
    """The verdict on one formula found in a document; None for untagged math that states nothing.

    ``context`` holds what earlier formulas of the same document defined; an untagged
    definition found here is added to it (see :mod:`derive.docs.untagged`). With
    ``use_cache``, a verdict already reached for the same formula, tag, definitions in
    force, checker and bound result (see :mod:`derive.cache`) is reused instead of
    evaluated again.
    """
    context = context if context is not None else DocumentContext()
    if found.tag is None:
        context.elements.update(declared_elements(found.latex))  # g \in G: a group's element, for the formulas after
    in_force = context.read_by(found.latex)  # \mathbb{E} beside the document's own E(x) = ...: not that E
    fingerprint = in_force.fingerprint()  # an untagged verdict depends on the definitions before the formula
    reading = None
    if found.tag is None and not found.unreadable and _has_relation(found.latex) and out_of_bounds(found.latex) is None:
        reading = read_untagged(found.latex, in_force)
        if reading.definition is not None:
            context.define(reading.definition, found.latex)
            in_force = context.read_by(found.latex)
    if found.tag is None and (reading is None or reading.definition is None):
        # for the formulas after it: this one is checked with what was in force
        context.forget_restated(found.latex, found.notes)
    record = _check_found_cached(found, use_cache and found.unreadable is None, in_force, reading, fingerprint)
    if record is not None:
        record.cell = found.cell
        if found.usual:
            from derive.docs.formats.usual_macros import usual_note

            record.detail = f"{record.detail}; {usual_note(found.usual)}" if record.detail else usual_note(found.usual)
    return record


def _check_found_cached(found: Found, use_cache: bool, context, reading, in_force) -> Record | None:
    if not use_cache:
        return _check_found(found, context, reading)
    from derive import cache

    try:
        result_name = parse_tag(found.tag).result if found.tag else None
    except (TagError, AttributeError):
        result_name = None
    key_tag = found.tag if found.tag is not None else in_force
    if found.tag is not None and not found.tag.strip() and in_force:  # read on its own where the tag says nothing
        key_tag = f"{found.tag}\n{in_force}"
    stored = cache.recall_verdict(found.latex, key_tag, result_name, VERDICT_ORDER)
    if stored == cache.NOTHING:
        return None
    if stored is not None:
        return Record.of(found, stored["result"], stored["verdict"], stored["detail"])
    record = _check_found(found, context, reading)
    if record is not None and record.detail.startswith("internal error"):
        return record
    cache.remember_verdict(
        found.latex,
        key_tag,
        result_name,
        None if record is None else {"result": record.result, "verdict": record.verdict, "detail": record.detail},
    )
    return record


def _check_found(found: Found, context: DocumentContext, reading: Reading | None = None) -> Record | None:
    """The record of one formula; one whose check ran out of a time limit anywhere gave up (UNKNOWN, or SKIPPED
    untagged): each reading tried after it could be reversed by a faster machine."""
    with expiries() as spent:
        record = _check_found_in_time(found, context, reading)
    why = gave_up(spent)
    if why is None or record is None:
        return record
    if found.tag is None:
        return replace(record, verdict=SKIPPED, detail=f"untagged and not decidable on its own: {why}")
    return replace(record, verdict=UNKNOWN, detail=why)


def tag_and_formula(tag: str, latex: str) -> tuple[Binding | None, str]:
    """The tag's binding and the formula as read under it: with the numbered parts the tag defines (n^1 = 512;
    n^2 = 1024) written as labels in both. Raises TagError for a tag that cannot be read."""
    parts = tag_numbered_parts(tag, latex)
    if parts is not None:
        tag, latex = parts
    return parse_tag(tag), latex


def _check_found_in_time(found: Found, context: DocumentContext, reading: Reading | None = None) -> Record | None:
    too_big = out_of_bounds(found.latex)  # every path, tagged or not, within the same size and depth limits
    if too_big is not None:
        return Record.of(found, None, too_big.verdict, too_big.detail)
    if found.tag is not None:
        try:
            binding, latex = tag_and_formula(found.tag, found.latex)
        except TagError as exc:
            return Record.of(found, None, UNKNOWN, f"tag on line {found.tag_line}: {exc}")
        if binding is None:
            return Record.of(found, None, SKIPPED, "the tag says skip")
        if found.unreadable:  # the document gives a macro a meaning the checker cannot expand
            return Record.of(found, binding.result, UNKNOWN, found.unreadable)
        events = _events_verdict(latex, binding)
        if events is not None:
            return Record.of(found, None, events.verdict, events.detail)
        verdict = decide(latex, binding)
        if verdict.verdict == UNKNOWN and not found.tag.strip():
            alone = _read_alone(found, context)
            if alone is not None:
                return alone
        if binding.erratum:
            return _as_erratum(found, binding, verdict)
        if binding.assumption or binding.fails_under:
            return _as_assumption(found, binding, verdict)
        return Record.of(found, binding.result, verdict.verdict, verdict.detail)
    if not _has_relation(found.latex):
        return None
    if found.unreadable:
        return Record.of(
            found,
            None,
            SKIPPED,
            f"untagged and not decidable on its own: {found.unreadable}",
        )
    element = element_written(found.latex, context.elements)
    if element is not None and DUAL_NUMBERS in element and ring_operations_only(found.latex):
        # (a_1 + b_1\epsilon) + (a_2 + b_2\epsilon) = (a_1 + a_2) + (b_1 + b_2)\epsilon: a ring identity holds for duals
        verdict = decide(found.latex, Binding(), tagged=False, context=context)
        if verdict.verdict == PASS:
            detail = (
                f"untagged: {element}, and the formula is made of sums and products alone, so an identity of its"
                f" sides over the real numbers holds for dual numbers too: {verdict.detail}"
            )
            return Record.of(found, None, PASS, detail)
    if element is not None:
        return Record.of(
            found,
            None,
            SKIPPED,
            f"untagged and not decidable on its own: {element}, a set of no numbers declared before it, whose"
            " products are the set's own operation",
        )
    events = _events_verdict(found.latex, None)
    if events is not None:
        said = "untagged and not decidable on its own" if events.verdict == UNKNOWN else "untagged"
        return Record.of(found, None, _untagged_verdict(events), f"{said}: {events.detail}")
    # untagged: decide only what the text claims holds identically (see derive.docs.untagged)
    if reading is None:
        reading = read_untagged(found.latex, context)
    if reading.kind != "claim":
        if reading.equation:  # an equation to solve may yet hold for every value: then it is an identity
            verdict = decide(reading.text or found.latex, Binding(), tagged=False, context=context)
            if verdict.verdict == PASS:
                said = f"{reading.reason}; " if reading.text else ""
                detail = f"untagged, {said}read as an equation, yet it holds for every value: {verdict.detail}"
                return Record.of(found, None, PASS, detail)
            if verdict.verdict == FAIL and (NO_SOLUTION in verdict.detail or verdict.arithmetic):
                # 2/(1 - β) - 1 - 2β/(1 - β) = 2, -log σ(β(log 1 - log 1)) = 1/2: the names drop out, no value solves it
                said = (
                    "" if NO_SOLUTION in verdict.detail else "once read, the names drop out and the sides are numbers: "
                )
                return Record.of(found, None, FAIL, f"untagged: {said}{verdict.detail}")
            refuted = refuted_link(found.latex, lambda link: decide(link, Binding(), tagged=False, context=context))
            if refuted is not None:  # \frac{\pi(o|q)}{\pi_{old}(o|q)} = \frac{0.5}{0.2} = 0.4: the arithmetic fails
                return Record.of(found, None, FAIL, f"untagged: {refuted.detail}")
        if reading.usual:  # σ(x) = ...: the author's definition, checked against the usual meaning of the name
            with named_functions.any_reading():  # GELU(x) = x Φ(x): one of the name's usual definitions
                verdict = decide(
                    reading.text or found.latex,
                    Binding(),
                    tagged=False,
                    context=context.without(reading.definition.name),
                )
            if verdict.verdict == PASS:
                detail = f"untagged {reading.reason}; it agrees with the usual meaning: {verdict.detail}"
                return Record.of(found, None, PASS, detail)
            if verdict.verdict == FAIL and one_meaning(reading.definition, found.latex):
                detail = (
                    f"untagged {reading.reason}; {reading.definition.name} has one meaning here, and it refutes"
                    f" the formula: {verdict.detail}"
                )
                return Record.of(found, None, FAIL, detail)
        return Record.of(found, None, SKIPPED, f"untagged {reading.reason}")
    if reading.at_a_point is not None:
        point = _taken_at_a_point(found, context, reading)
        # V_2(s) = 1 + 0.7 V_1(s) = 1 + 0.7 \cdot 1 = 1.7: a first side that names the chain's value may still decide
        # it; its whole read as an identity in the names may not refute it, since they are taken at a point
        ordinary = _check_found_in_time(found, context, replace(reading, at_a_point=None, reason=""))
        agree = ordinary is not None and ordinary.verdict in (PASS, point.verdict)
        return ordinary if agree else point
    claimed = reading.text or found.latex  # ELO_A = 2600 + 16(1 - 0.849) = 2602: the links after the name
    usual = None
    if reading.usual and reading.definition is not None:  # Var(X) = E[(X - \mu_X)^2] = ...: the usual Var, first
        with named_functions.any_reading():
            usual = decide(claimed, Binding(), tagged=False, context=context.without(reading.definition.name))
        if usual.verdict == PASS:
            detail = f"untagged, with the usual meaning of {reading.definition.name}: {usual.detail}"
            return Record.of(found, None, PASS, detail)
    refuted = usual is not None and usual.verdict == FAIL
    if refuted and reading.definition.name in CHAIN_ONE_MEANING:
        # Var(X) = E[(X - \mu_X)^2] = E[X^2] + \mu_X^2, D_{KL}(P \| Q) = \sum_x Q(x) \log \frac{Q(x)}{P(x)} = ...:
        # a variance or a KL divergence has one meaning, which a chain consistent with its own first link still breaks
        detail = (
            f"untagged, {reading.definition.name} has one meaning here, and with it the formula fails: {usual.detail}"
        )
        return Record.of(found, None, FAIL, detail)
    verdict = decide(claimed, Binding(), tagged=False, context=context.with_definition(reading.local))
    if refuted and verdict.verdict == PASS and one_meaning(reading.definition, found.latex):
        # H(Q_m) = \sum_k p_k (1 - p_k) = 1 - \sum_k p_k^2: H may be a Gini impurity, yet it is not the entropy
        return Record.of(
            found,
            None,
            SKIPPED,
            f"untagged, the usual meaning of {reading.definition.name} refutes the chain's first link, and the name"
            f" may be the author's own: {usual.detail}",
        )
    if verdict.verdict == FAIL and reading.restates is not None:
        return Record.of(
            found,
            None,
            SKIPPED,
            f"untagged and not decidable on its own: {reading.restates}, defined before, is written again as a"
            f" definition, which may give it a new meaning; with the earlier one: {verdict.detail}",
        )
    if verdict.verdict in (PASS, FAIL):
        said = f"{reading.reason} " if reading.reason else ""  # "definition of x, then"
        return Record.of(found, None, verdict.verdict, f"untagged: {said}{verdict.detail}")
    named = None
    if reading.text is None:  # f(x) = A = B claims A = B, whatever f is
        defined = reading.definition.name if reading.definition is not None else None
        named = named_value_tail(found.latex, context.without(defined) if defined else context)
    if named is not None:  # P(i \text{ beats } j) = \frac{1}{1 + e^{-(s_i - s_j)}} = \sigma(s_i - s_j)
        name, tail, names = named
        names = names and not reading.usual  # H(X | Y) = A = B: the first link is a claim about the usual H
        rest = _check_found_in_time(replace(found, latex=tail), context, read_untagged(tail, context))
        if rest is not None and (rest.verdict == FAIL or rest.verdict == PASS and names):
            said = rest.detail.removeprefix("untagged").lstrip(":, ")
            role = "names the value of the chain" if names else "sets no condition on the rest"
            detail = f"untagged, {name} {role}, then: {said}"
            return Record.of(found, None, rest.verdict, detail)
    return Record.of(found, None, SKIPPED, f"untagged and not decidable on its own: {verdict.detail}")


def _taken_at_a_point(found: Found, context: DocumentContext, reading: Reading) -> Record:
    """The record of a chain whose names are taken at a point (``\\frac{d}{dx} x^2 = 2x = 2 \\cdot 3 = 6``): its links
    in numbers are claimed wherever the point is, so they refute it when they fail; its links in names, read alone,
    make it hold when they hold for every value (and so at the point), and decide nothing when they fail, since they
    may hold at the point alone."""
    names, numbers = reading.at_a_point
    parts = [
        _check_found_in_time(replace(found, latex=text), context, read_untagged(text, context))
        for text in (numbers, names)
    ]
    said = [_detail_alone(part) for part in parts]
    if parts[0] is not None and parts[0].verdict == FAIL:
        return Record.of(found, None, FAIL, f"untagged: {reading.reason} the links in numbers fail: {said[0]}")
    if all(part is not None and part.verdict == PASS for part in parts):
        detail = f"untagged: {reading.reason} the links in names hold for every value: {said[1]}; {said[0]}"
        return Record.of(found, None, PASS, detail)
    why = said[1] if parts[1] is None or parts[1].verdict != PASS else said[0]
    return Record.of(found, None, SKIPPED, f"untagged and not decidable on its own: {reading.reason} {why}")


def _detail_alone(part: Record | None) -> str:
    """What a part of a formula checked alone was found, without the words that say it was untagged."""
    if part is None:
        return "it states nothing"
    return part.detail.removeprefix("untagged").lstrip(":, ").removeprefix("and not decidable on its own: ")


def _read_alone(found: Found, context: DocumentContext) -> Record | None:
    """The untagged record of a formula under a tag that says nothing, where that reading decides it: such a tag adds
    nothing to the formula, so what the formula says on its own page stands; None where it decides nothing either."""
    if not _has_relation(found.latex) or _applied_and_bare(found.latex):
        return None
    reading = read_untagged(found.latex, context)
    own = context.with_definition(reading.definition).read_by(found.latex)  # as check_found reads it untagged
    record = _check_found_in_time(replace(found, tag=None), own, reading)
    if record is None or record.verdict not in (PASS, FAIL):
        return None
    said = record.detail.removeprefix("untagged").lstrip(":, ")
    return replace(record, detail=f"the tag says nothing, so the formula is read on its own: {said}")


def _applied_and_bare(latex: str) -> bool:
    """Whether the formula writes a name both applied to arguments and alone (p_i(x) beside p_i): read on its own the
    bare name may be the applied one's value, where the shared notation reads it as a number of its own."""
    from derive.docs.free import child_sides
    from derive.docs.interpret import rewrite_chain
    from derive.docs.side_names import atoms_in

    try:
        atoms = list(atoms_in(rewrite_chain(latex)[0], child_sides))
    except Exception:  # unreadable: the untagged reading reports it
        return False
    applied = {atom.key for atom in atoms if atom.args is not None}
    return any(atom.args is None and atom.key in applied for atom in atoms)


def _events_verdict(latex: str, binding: Binding | None) -> Verdict | None:
    r"""The verdict on probabilities of events (``P(A \cap B)``), under no tag, an empty one or ``A, B: events``."""
    from derive.docs.set_events import decide_events, event_formula

    if not event_formula(latex):
        return None
    if binding is None:
        return decide_events(latex)
    if replace(binding, kinds={}) != Binding() or any(
        kind not in ("event", "events") for kind in binding.kinds.values()
    ):
        return None
    return decide_events(latex, arbitrary=bool(binding.kinds))


def _untagged_verdict(verdict: Verdict) -> str:
    return SKIPPED if verdict.verdict == UNKNOWN else verdict.verdict


def _as_erratum(found: Found, binding: Binding, verdict: Verdict) -> Record:
    """A formula recorded as wrong: refuted is the expected outcome, holding is a failure."""
    if verdict.verdict == FAIL:
        return Record.of(found, binding.result, ERRATUM, "refuted as recorded: " + verdict.detail)
    if verdict.verdict == PASS:
        return Record.of(
            found,
            binding.result,
            FAIL,
            "marked as an erratum, but it holds: " + verdict.detail,
        )
    return Record.of(found, binding.result, verdict.verdict, verdict.detail)


def _as_assumption(found: Found, binding: Binding, verdict: Verdict) -> Record:
    """A claim read under a stated assumption: the holding reading must PASS, the failing one be refuted."""

    def record(outcome: str, detail: str) -> Record:
        return Record.of(found, binding.result, outcome, detail)

    other = f"; fails if {binding.fails_under}" if binding.fails_under else ""
    if binding.assumption:
        if verdict.verdict == PASS:
            return record(ASSUMPTION, f"holds if {binding.assumption}{other}: {verdict.detail}")
        if verdict.verdict == FAIL:
            return record(FAIL, f"recorded as holding if {binding.assumption}, but refuted: {verdict.detail}")
    else:
        if verdict.verdict == FAIL:
            return record(ASSUMPTION, f"fails if {binding.fails_under}: {verdict.detail}")
        if verdict.verdict == PASS:
            return record(FAIL, f"recorded as failing if {binding.fails_under}, but it holds: {verdict.detail}")
    return record(verdict.verdict, verdict.detail)


def check_paths(paths, use_cache: bool = False) -> list[Record]:
    records = []
    for path in document_files(paths):
        records.extend(check_file(path, use_cache))
    return records


def check_file(path, use_cache: bool = False) -> list[Record]:
    """Records for every formula of one document, in order: a definition binds its name for the formulas after it."""
    context = DocumentContext()
    records = []
    for found in scan_file(path):
        record = check_found(found, use_cache, context)
        if record is not None:
            records.append(record)
    return records


def exit_status(records, strict: bool = False) -> int:
    verdicts = {r.verdict for r in records}
    if FAIL in verdicts:
        return 1
    if strict and verdicts & {UNPARSEABLE, UNKNOWN}:
        return 1
    return 0


VERDICT_ORDER = (
    PASS,
    ERRATUM,
    ASSUMPTION,
    FAIL,
    UNPARSEABLE,
    UNKNOWN,
    SKIPPED,
)  # every verdict the checker gives, as summaries list them


def summary(records) -> str:
    counts = {}
    for r in records:
        counts[r.verdict] = counts.get(r.verdict, 0) + 1
    return (
        f"{len(records)} formulas: " + ", ".join(f"{counts[v]} {v}" for v in VERDICT_ORDER if v in counts)
        if records
        else "no formulas found"
    )


def render_json(records) -> str:
    return json.dumps([r.to_json() for r in records], indent=2, ensure_ascii=False)
