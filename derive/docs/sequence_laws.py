r"""A law of a sequence written with dots or a range, ``p(x_1, \ldots, x_n) = \prod_{i=1}^{n} p(x_i \mid x_{<i})``:
decided with the sequence written out at lengths 1, 2 and 3.

A law (p, P, q, Q, Pr, p_\theta) applied to a run of a sequence's terms, written with dots between its first and last
term (``x_1, \ldots, x_n``) or as ``x_{<t}``, ``x_{\le t}``, ``x_{1:t}``, means the joint law of those terms, and the
sequence's name alone inside a law (``p(\mathbf{x})``) the law of all of them. The formula is written out for a
sequence of length L = 1, 2, 3:

- the length's letter (n of ``x_1, \ldots, x_n``, T of ``x_{1:T}`` or of ``\prod_{t=1}^{T} p(x_t \mid x_{<t})``)
  becomes L;
- a sum or a product whose index numbers the terms becomes its terms, in brackets (no bounds: over 1 .. L);
- each run becomes its terms, none for ``x_{<1}`` (a bar with nothing after it goes too).

Each written-out formula is decided as any other, its terms outcomes of one joint law
(:mod:`derive.docs.joint_law`). The formula PASSes when it holds at the three lengths and FAILs at the first length
where it fails, with that length's formula and counterexample; otherwise it is UNKNOWN with the reason.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from derive.docs.chain import CONDITION_WORDS, term_end, trim_punctuation
from derive.docs.joint_law import LAW_NAMES, independent_outcomes
from derive.docs.symbols import FONT
from derive.docs.tokens import (
    DOTS,
    TEXT_COMMANDS,
    NotationError,
    Tok,
    depth_at,
    detex,
    flatten,
    latex_of,
    lex,
    runs_replaced,
)
from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

LENGTHS = (1, 2, 3)
LAW_LETTERS = tuple(name for name in LAW_NAMES if len(name) == 1)  # p, q: written as a letter
LAW_COMMANDS = tuple(name for name in LAW_NAMES if len(name) > 1)  # \Pr, \pi: written as a command
BARS = ("mid", "vert")
SIZES = ("right", "bigr", "Bigr", "biggr", "Biggr", "big", "Big", "bigg", "Bigg")
BOLD = ("mathbf", "boldsymbol", "bm", "vec", "mathit")
WHOLE_NUMBER = re.compile(r"-?\d+(?:[+-]\d+)*")


DOWN = Tok("ch", "down")  # on \\prod or on the dots of a run: read downwards, from an expression to a number


class NotASequence(Exception):
    """The formula writes no law of a sequence, or one this reading cannot write out."""


def decide_sequence_laws(text: str, binding, decide_with):
    """The verdict on a formula about the law of a sequence written with dots or ranges; None for any other (and for
    a tag whose result reads the laws in notation of its own). ``decide_with(text, binding)`` decides a written-out
    formula under the tag with its definitions of laws written out alike."""
    try:
        tokens = _closing_punctuation_dropped(lex(text))
        sequences, length = _sequence_and_length(tokens, declared=_tag_declares_a_law(binding))
    except (NotASequence, NotationError):
        return None
    if _result_reads_laws(binding):
        return None
    tokens = _empty_run_convention_dropped(tokens, sequences)
    _mark_downward(tokens, sequences)
    verdicts = []
    for size in LENGTHS:
        tagged = _tag_written_out(binding, sequences, length, size)

        def decide_text(written, tagged=tagged):
            return decide_with(written, tagged)

        try:
            written = _written_out(tokens, sequences, length, size)
        except NotASequence as exc:
            return Verdict(UNKNOWN, f"a law of the sequence {', '.join(sorted(sequences))}: {exc}")
        if _term_numbers(lex(written), sequences) & {k for k in _term_numbers(tokens, sequences) if k > size}:
            continue  # p(x_1, x_2) = \sum_{x_3} \cdots \sum_{x_n} p(x_1, \ldots, x_n) is about sequences of two or more
        if _names_a_term_before_the_first(lex(written), sequences) and not _before_the_first_at_the_longest(
            tokens, sequences, length
        ):
            continue  # p(x_n \mid x_{n-1}) at length 1 names x_0: the formula is about sequences of two or more
        verdict = decide_text(written)
        if verdict.verdict == FAIL:
            doubt = (
                None
                if _tag_declares_a_law(binding)
                else _whole_sequence_doubt(tokens, sequences, written, size) or _model_doubt(written, decide_text, size)
            )
            return doubt or dataclasses.replace(
                verdict, detail=f"written out for a sequence of length {size}, {written}: {verdict.detail}"
            )
        verdicts.append((size, written, verdict))
    if len(verdicts) < 2:
        return Verdict(UNKNOWN, f"a law of the sequence {', '.join(sorted(sequences))}: it names terms past the lengths"
                       f" {', '.join(map(str, LENGTHS))} it is written out at")  # fmt: skip
    for size, written, verdict in verdicts:
        if verdict.verdict != PASS:
            return Verdict(UNKNOWN, f"written out for a sequence of length {size}, {written}: {verdict.detail}")
    shown = "; ".join(written for _, written, _ in verdicts[1:])
    sizes = ", ".join(str(size) for size, _, _ in verdicts)
    return dataclasses.replace(
        verdicts[-1][2],
        detail=f"holds for sequences of length {sizes}, written out ({shown}): {verdicts[-1][2].detail}",
    )


def _result_laws(binding) -> list:
    """The meanings the tag's result gives the law letters (p, P, q, Q, Pr); none untagged."""
    from derive.registry import load
    from derive.vocabulary import vocabulary_for

    if not binding.result:
        return []
    entries = vocabulary_for(load(binding.result)).entries
    return [entries[letter] for letter in (*LAW_LETTERS, "Pr") if letter in entries]


def _result_reads_laws(binding) -> bool:
    return bool(_result_laws(binding))


def result_law_of_sequences(text: str, binding) -> bool:
    """Whether a formula about the law of a sequence is tagged with a result whose law reads its own arguments
    (P(x_t | x_{<t}) of the chain rule of probability): that law is the joint law of the terms, as written out here."""
    if not any(isinstance(meaning, tuple) and meaning[0] == "call" for meaning in _result_laws(binding)):
        return False
    try:
        _sequence_and_length(lex(text))
    except (NotASequence, NotationError):
        return False
    return True


def _tag_declares_a_law(binding) -> bool:
    """Whether the tag declares a joint law of outcomes (x_1, \\ldots, x_n: random variables with joint distribution
    p): the formula is then claimed for every such law, never read as a model."""
    from derive.docs.tags import LawOfOutcomes

    return any(isinstance(clause, LawOfOutcomes) for clause in binding.clauses)


def _mark_downward(tokens, sequences):
    r"""Mark the sums and products over the terms' index, and the runs of terms, that are written from an expression
    down to a number (``\prod_{t=T-1}^{1}``, ``x_{t+1}, \ldots, x_1``): they run downwards, and are empty when the
    expression is below the number."""
    for found in _sums(tokens):
        body = found.where[found.start : found.end]
        if (
            found.low
            and found.high
            and _downward(found.low, found.high)
            and _numbers_terms(body, sequences, found.index)
        ):
            head = found.where[found.at]
            found.where[found.at] = Tok(head.kind, head.text, head.pos, [DOWN])
    for where, _, start, end in law_applications(tokens):
        items = [item for _, item in argument_positions(where, start, end)]
        for before, dots, after in zip(items, items[1:], items[2:]):
            if not _is_dots([where[k] for k in dots]):
                continue
            first, last = _term([where[k] for k in before]), _term([where[k] for k in after])
            if first and last and first[0] == last[0] and first[1] and last[1] and _downward(first[1], last[1]):
                mark = where[dots[0]]
                where[dots[0]] = Tok(mark.kind, mark.text, mark.pos, [DOWN])


def _downward(start, stop) -> bool:
    """Whether a range is written from an expression in letters (T - 1, t + 1) down to a whole number (1)."""
    return any(t.kind == "ch" and t.text.isalpha() for t in start) and _whole_number(stop) is not None


def _before_the_first_at_the_longest(tokens, sequences, length) -> bool:
    """Whether the formula written out at the longest length names a term before the first (x_0 of \\prod_{t=1}^T
    p(x_t \\mid x_{t-1}), an initial term at every length), rather than only at short lengths (x_{n-1} at 1)."""
    try:
        return _names_a_term_before_the_first(lex(_written_out(tokens, sequences, length, LENGTHS[-1])), sequences)
    except NotASequence:
        return True


def _tag_written_out(binding, sequences, length, size):
    """The binding with the tag's definitions of a law at a run or a range of the sequence's terms written out at
    length ``size``, as the formula is (``p(x_1, \\ldots, x_n) = p(x_1) \\prod_{i=2}^n p(x_i \\mid x_{i-1})`` at 2:
    ``p(x_1, x_2) = p(x_1) p(x_2 \\mid x_1)``); a definition that cannot be written out stays as it is."""
    from derive.docs.tags import OUTCOME_VALUES, FunctionClause, KindClause, RunDefinition, TagError, _function

    clauses = []
    for clause in binding.clauses:
        if isinstance(clause, KindClause) and clause.kind == OUTCOME_VALUES and clause.name in sequences:
            # \mathbf{x} \in \{0, 1\}^n: each term written out, x_1, ..., x_L, takes the listed numbers
            clauses += [
                KindClause(f"{clause.name}_{term}", "values", support=clause.support) for term in range(1, size + 1)
            ]
        if isinstance(clause, RunDefinition) or (
            isinstance(clause, FunctionClause) and clause.head and clause.name in LAW_NAMES
        ):
            stated = f"{clause.head} = {clause.body}"
            try:
                tokens = lex(stated)
                _mark_downward(tokens, sequences)
                written = _written_out(tokens, sequences, length, size)
            except (NotASequence, NotationError):
                written = stated
            try:
                clause = _function(written) or clause if written.split() != stated.split() else clause
            except TagError:  # written out, no definition this reading takes: the clause stays unread
                pass
        clauses.append(clause)
    return dataclasses.replace(binding, clauses=clauses)


def _model_doubt(written, decide_text, size):
    """UNKNOWN when a written-out formula that fails for an arbitrary law holds whenever the terms are independent:
    it may state a model (p(x_t | x_{t-1}) of a Markov chain, independent tokens) rather than the chain rule."""
    with independent_outcomes():
        independent = decide_text(written)
    if independent.verdict != PASS:
        return None
    return Verdict(
        UNKNOWN,
        f"written out for a sequence of length {size}, {written}: it fails for an arbitrary law of the terms but"
        " holds when they are independent, so it may state a model (a Markov chain, independent terms); a tag that"
        " names the chain rule of probability claims it for every law",
    )


def _whole_sequence_doubt(tokens, sequences, written, size):
    """UNKNOWN when a law's outcome is a name alone that is no term of the sequence and conditions no law
    (pi(y | x) beside pi(t_k | x, t_{<k})): y may name the whole sequence, which the formula does not say, and the
    written-out formula would be refuted with y drawn apart from the terms."""
    outcomes, conditions = set(), set()
    for where, _, start, end in law_applications(tokens):
        for separator, item in _items(where[start:end]):
            term = _term(item)
            if term is not None and term[1] is None:
                (conditions if separator == "|" else outcomes).add(term[0])
    apart = sorted(outcomes - conditions - set(sequences))
    if not apart:
        return None
    return Verdict(
        UNKNOWN,
        f"written out for a sequence of length {size}, {written}: {', '.join(apart)} may name the whole sequence"
        f" {', '.join(sorted(sequences))}, which the formula does not say",
    )


# --- finding the sequence -----------------------------------------------------------------------------------------


def law_applications(tokens):
    """Each law applied in brackets, p(...), p_\\theta(...), \\Pr(...), \\pi_{ref}(...), at any depth: (its token list,
    the law's name, the first argument, the closing bracket)."""
    found = []
    for k, t in enumerate(tokens):
        if t.kind == "group":
            found.extend(law_applications(t.items))
            continue
        if not (t.is_ch(*LAW_LETTERS) or t.is_cs(*LAW_COMMANDS)):
            continue
        if t.kind == "ch" and k and tokens[k - 1].kind == "ch" and tokens[k - 1].text.isalpha():
            continue  # a letter of a word
        m = _skip_spaces(tokens, k + 1)
        if m < len(tokens) and tokens[m].is_ch("_"):
            m = _skip_spaces(tokens, _skip_spaces(tokens, m + 1) + 1)
        if m < len(tokens) and tokens[m].is_cs("left"):
            m += 1
        if m < len(tokens) and tokens[m].is_ch("("):
            close = _closing(tokens, m)
            if close is not None:
                found.append((tokens, k, m + 1, close))
    return found


def _skip_spaces(tokens, m):
    while m < len(tokens) and tokens[m].is_ch(" "):
        m += 1
    return m


def _closing(tokens, m):
    depth = 0
    for n in range(m, len(tokens)):
        if tokens[n].is_ch("("):
            depth += 1
        elif tokens[n].is_ch(")"):
            depth -= 1
            if depth == 0:
                return n
    return None


def argument_positions(tokens, start, end):
    """The arguments of a law written in tokens[start:end], split at top-level commas, bars and semicolons:
    [(separator before or '', [positions of the argument's tokens, spaces left out])]."""
    items, current, separator, depth = [], [], "", 0
    for k in range(start, end):
        t = tokens[k]
        if t.is_ch("(", "["):
            depth += 1
        elif t.is_ch(")", "]"):
            depth -= 1
        if depth == 0 and (t.is_ch(",", ";", "|") or t.is_cs(*BARS)):
            items.append((separator, current))
            separator, current = ("|" if t.is_ch("|") or t.is_cs(*BARS) else t.text), []
            continue
        if not t.is_ch(" "):
            current.append(k)
    items.append((separator, current))
    return items


def _items(arguments):
    """The arguments of a law split as :func:`argument_positions` splits them: [(separator before or '', tokens)]."""
    return [
        (separator, [arguments[k] for k in item])
        for separator, item in argument_positions(arguments, 0, len(arguments))
    ]


def _term(item):
    """(letter, subscript tokens) of a term x_k, x_{t-1}, \\mathbf{x}_{<t}; (letter, None) of a name alone; else None."""
    head, rest = _letter(item)
    if head is None:
        return None
    if not rest:
        return head, None
    if len(rest) == 2 and rest[0].is_ch("_"):
        script = rest[1].items if rest[1].kind == "group" else [rest[1]]
        return head, [t for t in script if not t.is_ch(" ")]
    return None


def _letter(item):
    if item and item[0].kind == "ch" and item[0].text.isalpha():
        return item[0].text, item[1:]
    if len(item) >= 2 and item[0].is_cs(*BOLD) and item[1].kind == "group":
        inner = [t for t in item[1].items if not t.is_ch(" ")]
        if len(inner) == 1 and inner[0].kind == "ch" and inner[0].text.isalpha():
            return inner[0].text, item[2:]
    return None, None


def _run_bound(script):
    """(the relation, the bound tokens) of a subscript that writes a run: <t, \\lt t, \\le t, \\leq t, 1:t; else None."""
    if script and script[0].is_ch("<"):
        return "<", script[1:]
    if script and script[0].is_cs("lt"):
        return "<", script[1:]
    if script and script[0].is_cs("le", "leq"):
        return "<=", script[1:]
    if len(script) >= 3 and script[0].is_ch("1") and script[1].is_ch(":"):
        return "<=", script[2:]
    return None


def _length_of(tokens):
    """y of a script that writes the length of a sequence, |y| (or \\lvert y \\rvert); None otherwise."""
    written = [t for t in tokens if not t.is_ch(" ")]
    bars = len(written) == 3 and all(t.is_ch("|") or t.is_cs("lvert", "rvert", "vert") for t in written[::2])
    return _single_letter(written[1:2]) if bars else None


def _lengths_replaced(tokens, letter, value):
    """The tokens with each |letter| replaced by ``value``."""
    return runs_replaced(
        tokens, lambda run, m: 3 if _length_of(run[m : m + 3]) == letter else 0, lambda x: Tok("ch", value, x.pos)
    )


def _single_letter(tokens):
    return tokens[0].text if len(tokens) == 1 and tokens[0].kind == "ch" and tokens[0].text.isalpha() else None


def _sequence_and_length(tokens, declared=False):
    """({the sequences' letters}, the letter of their length) of a formula that applies a law to a run of terms;
    ``declared`` when the tag declares the terms' joint law, so that its letter is a law's even unconditioned."""
    if not declared and not _conditions(tokens):
        raise NotASequence()  # q(h_1, \ldots, h_T) = h_T: no law is conditioned, so q may be any function
    sequences, lengths = _runs_in_laws(tokens)
    sequences |= _terms_beside_their_sequence(tokens) | _letters_of_dotted_runs(tokens)
    if not sequences or not _numbered_by_letters(tokens, sequences):
        raise NotASequence()  # p(x_1, x_2) = p(x_1) p(x_2 | x_1): the joint-law reading reads it as written
    lengths |= _bounds_of_sums_over_terms(tokens, sequences)
    lengths -= _sum_indices(tokens)
    if not lengths:  # p(x_t | x_{<t}) for every t: the terms after x_t do not enter, so t is the length
        lengths = _free_term_letters(tokens, sequences) - _sum_indices(tokens)
    if len(lengths) > 1:
        raise NotASequence()
    return sequences, next(iter(lengths), None)


def _runs_in_laws(tokens):
    """({the letters of the runs of terms laws apply to}, {the letters of the lengths those runs write}):
    x of x_1, \\ldots, x_n, of x_{<t} and of x_{1:T}; n of the first, T of the last."""
    sequences, lengths = set(), set()
    for where, _, start, end in law_applications(tokens):
        items = _items(where[start:end])
        for position, (_, item) in enumerate(items):
            term = _term(item)
            if term is None or term[1] is None:
                continue
            run = _run_bound(term[1])
            if run is not None:
                sequences.add(term[0])
                if run[0] == "<=" and _single_letter(run[1]):  # x_{1:T}, x_{\le T}: the first T terms
                    lengths.add(_single_letter(run[1]))
            if position + 2 >= len(items) or not _is_dots(items[position + 1][1]):
                continue
            last = _term(items[position + 2][1])
            if last is not None and last[0] == term[0] and last[1] is not None:
                sequences.add(term[0])
                if [t.text for t in term[1]] == ["1"] and _single_letter(last[1]):
                    lengths.add(_single_letter(last[1]))
    return sequences, lengths


def unstated_length(text: str) -> str | None:
    r"""Why a formula that names a sequence alone in a law (``p(x) = \prod_{i=1}^{n} p(x_i \mid x_{<i})``) and writes
    no run of it to its length leaves that length open: the bound of the product is taken for it, while the prose may
    give the sequence another (the n^2 pixels of an n by n image); None when a run writes the length."""
    try:
        tokens = _closing_punctuation_dropped(lex(text))
        sequences, length = _sequence_and_length(tokens)
    except (NotASequence, NotationError):
        return None
    terms = [term for _, term in _terms_in_laws(tokens)]
    if (
        length is None
        or length.startswith("|")  # \prod_{t=1}^{|y|}: the length of y itself
        or length in _runs_in_laws(tokens)[1]
        or any(_single_letter(s or []) == length for _, s in terms)
    ):
        return None  # p(x_1, x_2, ..., x_n), p(x_{1:T}): the length is written
    alone = sorted({letter for letter, script in terms if script is None} & sequences)
    if not alone:
        return None
    return (
        f"the law of the whole sequence {', '.join(alone)} is taken to run to the bound {length} of the terms' index,"
        " which the formula does not say: the document may give the sequence another length"
    )


def _is_dots(item):
    """Whether an argument is the dots of a run: \\ldots, \\cdots, \\dots or three periods."""
    return len(item) == 1 and item[0].is_cs(*DOTS) or len(item) == 3 and all(t.is_ch(".") for t in item)


@dataclass
class SumAt:
    """A \\sum or \\prod written in a token list: its index, its bounds' tokens (None when not written), its body."""

    where: list  # the token list it is written in
    at: int  # the position of \\sum or \\prod
    index: str
    low: list | None
    high: list | None
    start: int  # the body is where[start:end]
    end: int


def _sums(tokens) -> list:
    """Each \\sum and \\prod at any depth whose subscript names one letter (\\sum_t, \\prod_{i=1}^{n})."""
    found = []
    for k, t in enumerate(tokens):
        if t.kind == "group":
            found.extend(_sums(t.items))
            continue
        if not t.is_cs("sum", "prod"):
            continue
        m, low, high = _skip_spaces(tokens, k + 1), None, None
        if m < len(tokens) and tokens[m].is_cs("limits", "nolimits", "displaylimits"):
            m = _skip_spaces(tokens, m + 1)
        while m < len(tokens) and tokens[m].is_ch("_", "^"):
            n = _skip_spaces(tokens, m + 1)
            if n >= len(tokens):
                break
            script = tokens[n].items if tokens[n].kind == "group" else [tokens[n]]
            script = [x for x in script if not x.is_ch(" ")]
            low, high = (script, high) if tokens[m].is_ch("_") else (low, script)
            m = _skip_spaces(tokens, n + 1)
        if low is None:
            continue
        equals = next((n for n, x in enumerate(low) if x.is_ch("=")), len(low))
        index = _single_letter(low[:equals])
        end = term_end(tokens, m)
        while end > m and (tokens[end - 1].is_ch(" ") or tokens[end - 1].is_cs(*SIZES)):
            end -= 1  # \right of the bracket the body ends at
        if index is not None:
            found.append(SumAt(tokens, k, index, low[equals + 1 :] or None, high, m, end))
    return found


def _conditions(tokens) -> bool:
    """Whether the formula conditions a law somewhere (p(x_t \\mid x_{<t})): what makes its letter a law's."""
    return any(
        t.is_ch("|") or t.is_cs(*BARS) for where, _, start, end in law_applications(tokens) for t in where[start:end]
    )


def _letters_of_dotted_runs(tokens):
    """Letters whose terms a law applies to in the last term of a run written with dots (x of p(x_d \\mid y) in
    p(x_1 \\mid y) \\cdots p(x_d \\mid y))."""
    letters = set()
    for t in tokens:
        if t.kind == "group":
            letters |= _letters_of_dotted_runs(t.items)
    for m in range(len(tokens)):
        dots = _dots_end(tokens, m)
        run = _terms_around(tokens, m, dots) if dots is not None else None
        if run is not None:
            letters |= {letter for _, (letter, script) in _terms_in_laws(run[3]) if script}
    return letters


def _terms_in_laws(tokens):
    """(the law's number, (letter, subscript tokens or None)) of each argument of a law at any depth that is a term
    x_k or a name alone."""
    for number, (where, _, start, end) in enumerate(law_applications(tokens)):
        for _, item in _items(where[start:end]):
            term = _term(item)
            if term is not None:
                yield number, term


def _terms_beside_their_sequence(tokens):
    """Letters a law applies to in two terms at once (p(x_t | x_{t-1})), or alone beside a term of them a sum or a
    product numbers (p(\\mathbf{x}) beside \\sum_t \\log p(x_t)): \\sum_i p(x_i) alone names values, not a sequence,
    and so does a sum of probabilities beside the letter alone (p(z \\mid x) beside \\sum_k p(x \\mid z_k) p(z_k))."""
    alone, numbered, seen, twice = set(), set(), set(), set()
    indices = {found.index for found in _sums(tokens) if not _sums_probabilities(found)}
    for law, (letter, script) in _terms_in_laws(tokens):
        if script is None:
            alone.add(letter)
            continue
        twice |= {letter} & {seen_letter for seen_law, seen_letter in seen if seen_law == law}
        seen.add((law, letter))
        if any(t.kind == "ch" and t.text in indices for t in script):
            numbered.add(letter)
    return twice | (alone & numbered)


def _sums_probabilities(found) -> bool:
    """Whether a sum adds probabilities, the laws in its body outside any logarithm (\\sum_k p(x \\mid z_k) p(z_k)):
    its index runs over the values of an outcome, where a sequence's terms are multiplied or their logarithms added."""
    return found.where[found.at].is_cs("sum") and not any(
        t.is_cs("log", "ln") for t in flatten(found.where[found.start : found.end])
    )


def _numbered_by_letters(tokens, sequences) -> bool:
    """Whether some term of a sequence inside a law has a subscript other than a whole number (x_t, x_{<t})."""
    return any(
        letter in sequences and script and _whole_number(script) is None
        for _, (letter, script) in _terms_in_laws(tokens)
    )


def _free_term_letters(tokens, sequences):
    """The letters written in the subscripts of a sequence's terms inside laws (t of x_t, x_{<t}, x_{t-1})."""
    return {
        t.text
        for _, (letter, script) in _terms_in_laws(tokens)
        if letter in sequences and script
        for t in script
        if t.kind == "ch" and t.text.isalpha()
    }


def _sum_indices(tokens):
    return {found.index for found in _sums(tokens)}


def _numbers_terms(body, sequences, index) -> bool:
    """Whether a sum's body writes a term of a sequence whose subscript holds the sum's index (x_t, x_{<t})."""
    return any(
        letter in sequences and script and any(t.is_ch(index) for t in script)
        for _, (letter, script) in _terms_in_laws(body)
    )


def _bounds_of_sums_over_terms(tokens, sequences):
    letters = set()
    for found in _sums(tokens):
        body = found.where[found.start : found.end]
        if found.high is None or not _numbers_terms(body, sequences, found.index):
            continue
        if _single_letter(found.high):
            letters.add(_single_letter(found.high))
        elif _length_of(found.high) in sequences:  # \prod_{t=1}^{|y|}: the length of y
            letters.add(f"|{_length_of(found.high)}|")
    return letters


# --- writing it out -----------------------------------------------------------------------------------------------


def _closing_punctuation_dropped(tokens) -> list:
    """The display without the full stop or comma that ends its sentence, also before an aligned wrapper's \\end: it
    is no part of the last term (a product written out would take it into its last factor)."""
    if len(tokens) > 2 and tokens[-2].is_cs("end"):
        return [*trim_punctuation(tokens[:-2]), *tokens[-2:]]
    return trim_punctuation(tokens)


EMPTY_SET = ("emptyset", "varnothing")
EMPTY_RUNS = {("<", "1"), ("<=", "0")}  # x_{<1}, x_{1:0}


def _empty_run_convention_dropped(tokens, sequences) -> list:
    r"""The display without a closing clause that states a run before the first term is empty, ``\text{ with }
    w_{1:0} = \emptyset``: the writing out keeps that convention (x_{<1} and x_{1:0} become no terms), so the clause
    states nothing beyond it. Any other closing clause stays."""
    written = [k for k, t in enumerate(tokens) if not t.is_ch(" ")]
    if len(written) < 6 or not tokens[written[-1]].is_cs(*EMPTY_SET) or not tokens[written[-2]].is_ch("="):
        return tokens
    letter, script, under = (tokens[k] for k in written[-5:-2])
    if not (letter.kind == "ch" and letter.text in sequences and script.is_ch("_") and under.kind == "group"):
        return tokens
    bound = _run_bound([t for t in under.items if not t.is_ch(" ")])
    if bound is None or (bound[0], "".join(t.text for t in bound[1])) not in EMPTY_RUNS:
        return tokens
    opener = tokens[written[-6]]
    if opener.kind == "group" and len(written) > 6 and tokens[written[-7]].is_cs(*TEXT_COMMANDS):
        words = detex(opener.items).replace(",", " ").split()
        cut = written[-7] if words and words[0] in CONDITION_WORDS else None
    else:
        cut = written[-6] if opener.is_ch(",") or opener.is_cs("quad", "qquad") else None
    if cut is None:
        return tokens
    return trim_punctuation(_spaces_trimmed(tokens[:cut]))


def _spaces_trimmed(tokens) -> list:
    while tokens and tokens[-1].is_ch(" "):
        tokens = tokens[:-1]
    return tokens


def _written_out(tokens, sequences, length, size) -> str:
    """The formula with the sequence written out at length ``size``."""
    if length:
        tokens = _operator_runs_written_out(tokens, sequences, length, size)
        tokens = _replaced(_dotted_terms_written_out(tokens, sequences, length, size), length, str(size))
        if length.startswith("|"):  # |y| written out: y's own length
            tokens = _lengths_replaced(tokens, length[1:-1], str(size))
    for _ in range(20):  # one sum at a time, outermost first; nested sums are written out on later rounds
        unrolled = _unroll_one(tokens, sequences, size)
        if unrolled is None:
            break
        tokens = unrolled
    return latex_of(_laws_written_out(tokens, sequences, size))


RELATIONS = ("le", "ge", "leq", "geq", "approx", "neq", "ne", "lt", "gt", "propto", "equiv")
PRODUCT_SIGNS = ("cdot", "times")


def _dotted_terms_written_out(tokens, sequences, length, size):
    r"""The tokens with each run of terms written with dots, ``p(x_1) p(x_2 \mid x_1) \cdots p(x_n \mid x_{<n})`` or
    ``\log p(x_1) + \cdots + \log p(x_n \mid x_{<n})``, written as its last term at 1, 2, ..., ``size`` in the
    length's letter; the terms before the dots must be that term at 1, 2, ...."""
    out = []
    for t in tokens:
        if t.kind == "group":
            t = Tok("group", "", t.pos, _dotted_terms_written_out(t.items, sequences, length, size))
        out.append(t)
    for m in range(len(out)):
        dots = _dots_end(out, m)
        if dots is None:
            continue
        run = _terms_around(out, m, dots)
        if run is None:
            continue
        start, end, before, last, glue = run
        general = lambda k: _replaced(last, length, str(k))  # noqa: E731
        for k, term in enumerate(before, start=1):
            if _names_a_term_before_the_first(general(k), sequences):
                continue  # a first term of its own: p(x_1) before p(x_2 \mid x_1) \cdots p(x_n \mid x_{n-1})
            if _shown(term, sequences, size) != _shown(general(k), sequences, size):
                raise NotASequence("the terms before the dots are not the last term at 1, 2, ...")
        parts = [before[k - 1] if k <= len(before) else general(k) for k in range(1, size + 1)]
        glued = _joined([[Tok("ch", "("), *part, Tok("ch", ")")] for part in parts], glue, "1" if glue == " " else "0")
        return _dotted_terms_written_out(
            [*out[:start], Tok("ch", "("), *glued, Tok("ch", ")"), *out[end:]], sequences, length, size
        )
    return out


RUN_OPERATORS = ("sum", "max", "min")


def _operator_runs_written_out(tokens, sequences, length, size):
    r"""The tokens with each run of one operator over terms written with dots, ``\sum_{x_2} \sum_{x_3} \cdots
    \sum_{x_n}``, written as that operator over each term from the first to the last at ``size`` in the length's
    letter: none when the last comes before the first (at n = 1 the run x_2, ..., x_n names no term). The terms before
    the dots must be the first terms counting up by one."""
    out = [
        Tok("group", "", t.pos, _operator_runs_written_out(t.items, sequences, length, size))
        if t.kind == "group"
        else t
        for t in tokens
    ]
    for m in range(len(out)):
        dots = _dots_end(out, m)
        if dots is None:
            continue
        before, start = [], m
        while True:
            found = _operator_before(out, start, sequences)
            if found is None:
                break
            start, operator, term = found
            before.insert(0, (operator, term))
        after = _operator_after(out, _skip_spaces(out, dots), sequences)
        if not before or after is None:
            continue
        end, operator, last = after
        if {op for op, _ in before} != {operator} or {term[0] for _, term in before} != {last[0]}:
            continue
        numbers = [_whole_number(term[1]) for _, term in before]
        final = _whole_number(_replaced(last[1], length, str(size)))
        if None in numbers or final is None or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            raise NotASequence("a run of operators over terms that do not count up by one from a whole number")
        pos, written = out[start].pos, []
        for value in range(numbers[0], final + 1):
            term = Tok("group", "", pos, lex(f"{last[0]}_{{{value}}}"))
            written += [Tok("cs", operator, pos), Tok("ch", "_", pos), term, Tok("ch", " ", pos)]
        return _operator_runs_written_out([*out[:start], *written, *out[end:]], sequences, length, size)
    return out


def _operator_before(tokens, k, sequences):
    r"""(start, operator, term) of an operator over one term of a sequence written just before position k
    (``\sum_{x_3}`` before the dots); None if there is none."""
    k = _skip_back(tokens, k - 1)
    if k < 2 or not tokens[k - 1].is_ch("_") or not tokens[k - 2].is_cs(*RUN_OPERATORS):
        return None
    term = _term(tokens[k].items if tokens[k].kind == "group" else [tokens[k]])
    if term is None or term[0] not in sequences or term[1] is None:
        return None
    return k - 2, tokens[k - 2].text, term


def _operator_after(tokens, k, sequences):
    """(end, operator, term) of an operator over one term of a sequence written at position k; None if none."""
    if k + 2 >= len(tokens) or not tokens[k].is_cs(*RUN_OPERATORS) or not tokens[k + 1].is_ch("_"):
        return None
    script = tokens[k + 2]
    term = _term(script.items if script.kind == "group" else [script])
    if term is None or term[0] not in sequences or term[1] is None:
        return None
    return k + 3, tokens[k].text, term


def _names_a_term_before_the_first(tokens, sequences) -> bool:
    """Whether the tokens write a term of one of the sequences at a whole number below 1 (x_0 of x_1, x_2, ...)."""
    for k, t in enumerate(tokens):
        if t.kind == "group" and _names_a_term_before_the_first(t.items, sequences):
            return True
        term = _term(tokens[k : k + 3]) if t.kind == "ch" and t.text in sequences else None
        number = _whole_number(term[1]) if term and term[1] is not None else None
        if number is not None and number < 1:
            return True
    return False


def _term_numbers(tokens, sequences) -> set:
    """The whole numbers the tokens write terms of the sequences at (2 of x_2); a formula written out at a length below
    a number its own text writes (x_2 of p(x_1, x_2) at length 1) is about no sequence of that length."""
    out = set()
    for k, t in enumerate(tokens):
        if t.kind == "group":
            out |= _term_numbers(t.items, sequences)
        term = _term(tokens[k : k + 3]) if t.kind == "ch" and t.text in sequences and not _in_word(tokens, k) else None
        number = _whole_number(term[1]) if term and term[1] is not None else None
        if number is not None:
            out.add(number)
    return out


def _dots_end(tokens, m):
    """The end of the dots that start at tokens[m] (\\cdots, or three periods); None if none start there."""
    if tokens[m].is_cs(*DOTS):
        return m + 1
    if m + 2 < len(tokens) and all(tokens[m + k].is_ch(".") for k in range(3)):
        return m + 3
    return None


def _terms_around(tokens, m, dots):
    """(start, end, [terms before the dots], last term, glue) of a run of terms around dots at tokens[m:dots]: terms
    of a sum joined by +, or laws applied side by side (a product); None when the dots stand in no such run."""
    left, right = _skip_back(tokens, m - 1), _skip_spaces(tokens, dots)
    if left >= 0 and tokens[left].is_ch("+") and right < len(tokens) and tokens[right].is_ch("+"):
        ends = [k for k in range(len(tokens)) if _ends_a_sum(tokens, k)]
        low = max([k for k in ends if k < m], default=-1) + 1
        high = min([k for k in ends if k > dots], default=len(tokens))
        before = _split_at_plus(tokens[low:left])
        end = right + 1
        while end < high and not (
            tokens[end].is_ch("+") and depth_at(tokens[right + 1 : end + 1], end - right - 1) == 0
        ):
            end += 1
        last = [t for t in tokens[right + 1 : end] if not t.is_ch(" ")]
        if not before or not last:
            return None
        return low, end, before, last, "+"
    factors, k = [], left
    while k >= 0 and tokens[k].is_ch(")"):
        head = _law_head_before(tokens, k)
        if head is None:
            break
        factors.insert(0, tokens[head : k + 1])
        k = _skip_back(tokens, head - 1)
    after = _skip_products(tokens, right)
    laws = {head: close for where, head, _, close in law_applications(tokens) if where is tokens}
    if not factors or after not in laws:
        return None
    start = _skip_back(tokens, k) + 1 if k >= 0 else 0
    start = min(start, *(_position_of(tokens, f[0]) for f in factors))
    return start, laws[after] + 1, factors, tokens[after : laws[after] + 1], " "


def _position_of(tokens, token):
    return next(k for k, t in enumerate(tokens) if t is token)


def _skip_back(tokens, k):
    while k >= 0 and (tokens[k].is_ch(" ") or tokens[k].is_cs(*PRODUCT_SIGNS)):
        k -= 1
    return k


def _skip_products(tokens, k):
    while k < len(tokens) and (tokens[k].is_ch(" ") or tokens[k].is_cs(*PRODUCT_SIGNS)):
        k += 1
    return k


def _law_head_before(tokens, close):
    """The position of the law whose closing bracket is tokens[close], or None."""
    for where, head, _, end in law_applications(tokens):
        if where is tokens and end == close:
            return head
    return None


def _ends_a_sum(tokens, k) -> bool:
    t = tokens[k]
    return t.is_ch("=", "<", ">", "&", ",") or t.is_cs(*RELATIONS, "\\", "quad", "qquad")


def _split_at_plus(tokens):
    terms, current, depth = [], [], 0
    for t in tokens:
        depth += t.is_ch("(", "[") - t.is_ch(")", "]")
        if depth == 0 and t.is_ch("+"):
            terms.append(current)
            current = []
        elif not (t.is_ch(" ") and not current):
            current.append(t)
    terms.append(current)
    return [term for term in terms if term] if all(terms) else []


def _shown(term, sequences, size):
    """A term's written-out LaTeX without spaces, to compare terms as written."""
    return latex_of(_laws_written_out(term, sequences, size)).replace(" ", "")


def _replaced(tokens, letter, value):
    """The tokens with each letter ``letter`` standing alone (not in a word or a text) replaced by ``value``."""
    out = []
    for k, t in enumerate(tokens):
        if t.kind == "group":
            words = (
                k and tokens[k - 1].kind == "cs" and (tokens[k - 1].text in TEXT_COMMANDS or tokens[k - 1].text in FONT)
            )
            out.append(
                t
                if words and not _bold_letter(tokens, k)
                else Tok("group", "", t.pos, _replaced(t.items, letter, value))
            )
        elif t.is_ch(letter) and not _in_word(tokens, k):
            out.append(Tok("ch", value, t.pos))
        else:
            out.append(t)
    return out


def _bold_letter(tokens, k):
    return tokens[k - 1].text in BOLD and len([x for x in tokens[k].items if not x.is_ch(" ")]) == 1


def _in_word(tokens, k) -> bool:
    before = k and tokens[k - 1].kind == "ch" and tokens[k - 1].text.isalpha()
    after = k + 1 < len(tokens) and tokens[k + 1].kind == "ch" and tokens[k + 1].text.isalpha()
    return bool(before or after)


def _unroll_one(tokens, sequences, size):
    """The tokens with the first sum or product over the terms' index written out; None when there is none."""
    for found in _sums(tokens):
        where, k, index, low, high, start, end = (
            found.where,
            found.at,
            found.index,
            found.low,
            found.high,
            found.start,
            found.end,
        )
        if not _numbers_terms(where[start:end], sequences, index):
            continue
        first = _whole_number(low) if low is not None else 1
        last = _whole_number(high) if high is not None else size
        if first is None or last is None:
            raise NotASequence(f"a sum over the terms' index {index} with bounds that are not whole numbers")
        body = where[start:end]
        parts = []
        downward = DOWN in where[k].items
        for value in range(first, last - 1, -1) if downward else range(first, last + 1):
            parts.append([Tok("ch", "("), *_replaced(body, index, str(value)), Tok("ch", ")")])
        joined = _joined(parts, "+" if where[k].text == "sum" else " ", "0" if where[k].text == "sum" else "1")
        written = [*where[:k], Tok("ch", "("), *joined, Tok("ch", ")"), *where[end:]]
        return _put_back(tokens, where, written)
    return None


def _joined(parts, glue, empty):
    if not parts:
        return [Tok("ch", empty)]
    out = []
    for part in parts:
        if out:
            out.append(Tok("ch", glue))
        out.extend(part)
    return out


def _put_back(tokens, where, written):
    """``tokens`` with the token list ``where`` (itself or a group's items at any depth) replaced by ``written``."""
    if tokens is where:
        return written
    out = []
    for t in tokens:
        if t.kind == "group":
            out.append(Tok("group", "", t.pos, _put_back(t.items, where, written)))
        else:
            out.append(t)
    return out


def _whole_number(script):
    """The whole number a script writes as digits joined by + and -; None for anything else."""
    text = "".join(t.text for t in script if not t.is_ch(" ")) if all(t.kind == "ch" for t in script) else ""
    if not WHOLE_NUMBER.fullmatch(text):
        return None
    return sum(int(term) for term in re.findall(r"[+-]?\d+", text))


def _laws_written_out(tokens, sequences, size):
    """The tokens with each law's runs, terms and whole sequences written as the terms they stand for."""
    out = []
    k = 0
    laws = {head: (start, end) for where, head, start, end in law_applications(tokens) if where is tokens}
    while k < len(tokens):
        t = tokens[k]
        if k in laws:
            start, end = laws[k]
            arguments = _arguments_written_out(tokens[start:end], sequences, size)
            if arguments:
                out.extend([*tokens[k:start], *arguments])
                k = end
            else:  # p(x_{<1}): the law of no outcome at all, 1
                out.append(Tok("ch", "1", t.pos))
                k = end + 1
            continue
        out.append(Tok("group", "", t.pos, _laws_written_out(t.items, sequences, size)) if t.kind == "group" else t)
        k += 1
    return out


def _arguments_written_out(arguments, sequences, size):
    items = _items(arguments)
    written = []  # [(separator, [terms as token lists])]
    position = 0
    while position < len(items):
        separator, item = items[position]
        term = _term(item)
        if term is None or term[0] not in sequences:
            written.append((separator, [_laws_written_out(item, sequences, size)]))
            position += 1
            continue
        letter, script = term
        run = _run_with_written_ends(items, position, letter)
        if run is not None:
            first_at, last_at, downward, position_after = run
            numbers = range(first_at, last_at - 1, -1) if downward else range(first_at, last_at + 1)
            written.append((separator, [_term_tokens(item, n) for n in numbers]))
            position = position_after
            continue
        if script is None:
            numbers = range(1, size + 1)
        elif _run_bound(script) is not None:
            relation, bound = _run_bound(script)
            top = _whole_number(bound)
            if top is None:
                raise NotASequence("a run x_{<t} whose end is not a whole number")
            numbers = range(1, top + 1 if relation == "<=" else top)
        else:
            number = _term_number(script)
            if number is None:
                raise NotASequence("a term whose number is not a whole number once the length is written")
            numbers = [number]
        written.append((separator, [_term_tokens(item, n) for n in numbers]))
        position += 1
    return _joined_arguments(written)


def _run_with_written_ends(items, position, letter):
    r"""(first number, last number, downward, the position after it) of a run of terms written with dots that starts at
    items[position], or None when it starts no such run. Terms written out beside the dots one step apart are the
    run's first or last members (x_1, x_2, \ldots, x_{n-1}; x_{n-1}, \dotsc, x_2, x_1), so a run whose first number
    is already past its last is empty, written-out terms and all (x_0, \dotsc, x_2, x_1 at n = 1 names no term)."""
    leading = _numbers_of_terms(items, position, letter)
    dots = position + len(leading)
    if dots >= len(items) or not _is_dots(items[dots][1]):
        return None
    after = _numbers_of_terms(items, dots + 1, letter)
    if not leading or not after:
        raise NotASequence("a run written with dots whose ends are not terms of it at whole numbers")
    downward = any(DOWN in t.items for t in items[dots][1])
    step = -1 if downward else 1
    if any(b - a != step for a, b in zip(leading, leading[1:])):
        return None  # the first terms are not the run's: each is read on its own
    last = 1
    while last < len(after) and after[last] - after[last - 1] == step:
        last += 1
    return leading[0], after[last - 1], downward, dots + 1 + last


def _numbers_of_terms(items, position, letter):
    """The whole numbers of the terms of ``letter`` written one after another, apart by commas, from items[position]."""
    numbers = []
    for n, (separator, item) in enumerate(items[position:]):
        term = _term(item)
        if n and separator != ",":
            break
        if term is None or term[0] != letter or _term_number(term[1]) is None:
            break
        numbers.append(_term_number(term[1]))
    return numbers


def _term_number(script):
    return None if script is None else _whole_number(script)


def _term_tokens(item, number):
    """The term ``number`` of the sequence an item names, in the item's font: x_{2}, \\mathbf{x}_{2}."""
    head = item[:2] if item[0].kind == "cs" else item[:1]
    return [*head, Tok("ch", "_"), Tok("group", "", item[0].pos, [Tok("ch", str(number))])]


def _joined_arguments(written):
    r"""The arguments again, each run as its terms; an empty run is left out with its separator, and a bar before it
    moves to the next argument (p(y_1 \mid y_{<1}, x) is p(y_1 \mid x); p(x_1 \mid x_{<1}) is p(x_1))."""
    out, carried = [], ""
    for separator, terms in written:
        if not terms:
            carried = carried or separator
            continue
        for n, term in enumerate(terms):
            mark = separator if n == 0 else ","
            if carried == "|":
                mark = "|"
            carried = ""
            if out:
                out.append(Tok("cs", "mid") if mark == "|" else Tok("ch", mark))
                out.append(Tok("ch", " "))
            out.extend(term)
    return out
