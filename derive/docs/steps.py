"""Recursions a tag states, read at whole-number steps.

* A tag that defines a name at a superscript step in terms of itself (``x_i^{k+1} = x_i^k - \\alpha \\lambda_i x_i^k``)
  makes the superscripts of that name steps, not powers: ``x_i^k`` is x_i at step k, written ``x_{i,k}`` from then on.
  Only a superscript holding a letter (k, k+1, i of a sum) or the start 0 is a step; ``x_i^2`` stays unread.
* A recursion whose start is stated at a whole-number step (``v_t = \\beta v_{t-1} + g_t; v_0 = 0``), or named by the
  formula there (``x^0_i`` beside ``x^k_i``, an arbitrary start value), is checked at whole-number steps: its letter,
  when nothing else gives it a value (or the tag declares it a whole number), is drawn from the steps after the start,
  and the recursion is unrolled down to the start at each point.
"""

from __future__ import annotations

import dataclasses
import re

import sympy as sp

from derive import domain as dom

STEPS_DRAWN = 6  # a recursion from its start is checked at the steps start + 1, ..., start + 6
SCRIPT = r"(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9])"
WHOLE_NUMBER_KINDS = ("nonnegative integer", "non-negative integer", "positive integer", "integer")


# --- steps written as superscripts -------------------------------------------------------------


def _head(name: str) -> str:
    """A pattern for a name's head as written: a letter not inside a word, or a command such as \\theta."""
    if name.startswith("\\"):
        return re.escape(name) + r"(?![A-Za-z])"
    return rf"(?:(?<![\\A-Za-z])|(?<=_[A-Za-z0-9])){re.escape(name)}(?![A-Za-z])"  # \\lambda_ix: x after _i


def _scripts(head: str) -> re.Pattern:
    """``head`` with a subscript and a superscript, in either order (one of them may be missing)."""
    return re.compile(
        rf"(?P<head>{head})\s*(?:_\s*(?P<sub1>{SCRIPT})\s*\^\s*(?P<sup1>{SCRIPT})"
        rf"|\^\s*(?P<sup2>{SCRIPT})\s*(?:_\s*(?P<sub2>{SCRIPT}))?"
        rf"|_\s*(?P<sub3>{SCRIPT}))"
    )


def _bare(script: str | None) -> str:
    if script is None:
        return ""
    script = script.strip()
    return script[1:-1].strip() if script.startswith("{") else script


def _step_letters(sup: str) -> set:
    """The letters of a superscript that is a step (k, k+1, t - 1); empty for anything else."""
    text = sup.replace(" ", "")
    if not re.fullmatch(r"[A-Za-z](?:[+-]\d+)?|\d+[+-][A-Za-z]", text):
        return set()
    return set(re.findall(r"[A-Za-z]", text))


def _superscript_step_names(binding) -> dict:
    """head -> step letters, for the names the tag defines at a superscript step in terms of themselves."""
    found = {}
    for name, body in binding.overrides.items():
        written = re.fullmatch(r"\s*(?P<head>\\[A-Za-z]+|[A-Za-z])\s*(?P<rest>.*?)\s*", name)
        if not written:
            continue
        head = written.group("head")
        match = _scripts(_head(head)).fullmatch(name.strip())
        if not match:
            continue
        sup = _bare(match.group("sup1") or match.group("sup2"))
        letters = _step_letters(sup) if sup else set()
        if not letters:
            continue
        uses = [m for m in _scripts(_head(head)).finditer(body) if m.group("sup1") or m.group("sup2")]
        if any(_step_letters(_bare(m.group("sup1") or m.group("sup2"))) & letters for m in uses):
            found[head] = letters
    return found


def _as_subscript(text: str, head: str, letters: set) -> str:
    def rewrite(match):
        sup = _bare(match.group("sup1") or match.group("sup2"))
        sub = _bare(match.group("sub1") or match.group("sub2") or match.group("sub3"))
        if not sup or not (_step_letters(sup) or sup == "0"):
            return match.group(0)  # x_i^2 may be a square: no step; a letter (w^i in \sum_i) is a step
        return f"{match.group('head')}_{{{sub + ',' if sub else ''}{sup.replace(' ', '')}}}"

    return _scripts(_head(head)).sub(rewrite, text)


# a name declared with a step superscript and a subscript, in either order: \theta^t_i, w_j^{(k)}
DECLARED_STEP_NAME = re.compile(
    rf"^\s*(?P<head>\\[A-Za-z]+|[A-Za-z])\s*(?:\^\s*(?P<sup1>{SCRIPT})\s*_\s*(?P<sub1>{SCRIPT})"
    rf"|_\s*(?P<sub2>{SCRIPT})\s*\^\s*(?P<sup2>{SCRIPT}))\s*$"
)


def _unparenthesised(sup: str) -> str:
    """A step superscript without its parentheses: x^{(t)} is x at step t."""
    return sup[1:-1].strip() if re.fullmatch(r"\(.*\)", sup) else sup


def declared_step_name(name: str) -> tuple | None:
    """(the name written with its step as a subscript, its head, the step's letters) for a name a tag declares with a
    step superscript beside a subscript (``\\theta^t_i \\in \\mathbb{R}``: θ_i at step t, not a power); else None."""
    match = DECLARED_STEP_NAME.match(name)
    if not match:
        return None
    sup = _bare(match.group("sup1") or match.group("sup2"))
    sub = _bare(match.group("sub1") or match.group("sub2"))
    step = _unparenthesised(sup)
    letters = _step_letters(step)
    if not letters or not sub:
        return None
    return f"{match.group('head')}_{{{sub},{step.replace(' ', '')}}}", match.group("head"), frozenset(letters)


def _declared_as_subscript(text: str, head: str, letters: set) -> str:
    """``text`` with the head's step superscripts, bare or in parentheses, written as subscripts."""

    def rewrite(match):
        sup = _bare(match.group("sup1") or match.group("sup2"))
        sub = _bare(match.group("sub1") or match.group("sub2") or match.group("sub3"))
        step = _unparenthesised(sup or "")
        if not sub or not step or not (_step_letters(step) & letters or re.fullmatch(r"\d+", step)):
            return match.group(0)
        return f"{match.group('head')}_{{{sub},{step.replace(' ', '')}}}"

    return _scripts(_head(head)).sub(rewrite, text)


def steps_as_subscripts(text: str, binding):
    """``text`` and ``binding`` with the superscript steps of the names the tag defines so written as subscripts."""
    for head, letters in binding.step_names:
        text = _declared_as_subscript(text, head, letters)
        overrides = {
            _declared_as_subscript(name, head, letters): _declared_as_subscript(body, head, letters)
            for name, body in binding.overrides.items()
        }
        binding = dataclasses.replace(binding, overrides=overrides)
    names = _superscript_step_names(binding) if binding.overrides else {}
    if not names:
        return text, binding
    overrides = {}
    for name, body in binding.overrides.items():
        for head, letters in names.items():
            name, body = _as_subscript(name, head, letters), _as_subscript(body, head, letters)
        overrides[name] = body
    for head, letters in names.items():
        text = _as_subscript(text, head, letters)
    return text, dataclasses.replace(binding, overrides=overrides)


# --- whole-number steps ------------------------------------------------------------------------


def template_items(items) -> list | None:
    """[(letter, offset)] for the subscript items of a definition at every step (t; i, k+1), None otherwise."""
    found = []
    for item in items:
        match = re.fullmatch(r"([A-Za-z])([+-]\d+)?", item.replace(" ", ""))
        if not match:
            return None
        found.append((match.group(1), int(match.group(2) or 0)))
    return found


def _recursions(binding) -> dict:
    """name -> its template items [(letter, offset)], for the tag's definitions that name themselves."""
    from derive.docs.interpret import Rewriter, clean, lex
    from derive.docs.nodes import Atom
    from derive.docs.side_names import _normal_name

    found = {}
    for name, body in binding.overrides.items():
        try:
            key = _normal_name(name)
        except Exception:  # not one name: no step of a sequence
            continue
        base, _, sub = key.partition("_")
        items = template_items(sub.split(",")) if sub and "(" not in key else None
        if not items:
            continue
        try:
            side = Rewriter().side(clean(lex(body)))
        except Exception:  # a body the rewriter cannot read: no recursion to unroll
            continue
        if any(isinstance(node, Atom) and node.key == base and node.sub for node in side.table.values()):
            found[base] = items
    return found


def _stated_starts(binding, recursions) -> dict:
    """name -> (position, whole-number step) of a value the tag states (v_0 = 0), the earliest when several."""
    from derive.docs.side_names import _normal_name

    found = {}
    for name in binding.overrides:
        try:
            base, _, sub = _normal_name(name).partition("_")
        except Exception:  # not one name
            continue
        if base not in recursions or not sub:
            continue
        items = sub.split(",")
        numbers = [n for n, item in enumerate(items) if re.fullmatch(r"\d+", item.strip())]
        if len(items) == len(recursions[base]) and len(numbers) == 1:
            position, step = numbers[0], int(items[numbers[0]])
            if base not in found or step < found[base][1]:
                found[base] = (position, step)
    return found


def _named_starts(sides, recursions) -> dict:
    """name -> (position, whole-number step) at which the formula names a recursion (x^0_i beside x^k_i)."""
    from derive.docs.nodes import Atom

    found = {}
    for side in sides:
        for node in side.table.values():
            items = recursions.get(node.key) if isinstance(node, Atom) and not node.args else None
            if not items or len(node.sub) != len(items):
                continue
            numbers = [n for n, item in enumerate(node.sub) if re.fullmatch(r"\d+", item.strip())]
            if len(numbers) == 1:
                position, step = numbers[0], int(node.sub[numbers[0]])
                if node.key not in found or step < found[node.key][1]:
                    found[node.key] = (position, step)
    return found


def whole_steps(vocab, binding, sides):
    """(vocab, step letters drawn as whole numbers, name -> (position, start) of a start the formula names): a
    recursion from a start checked at the steps after it. A start the tag states wins over one the formula names."""
    from derive.docs.tags import KindClause

    recursions = _recursions(binding) if binding.overrides else {}
    if not recursions:
        return vocab, set(), {}
    stated = _stated_starts(binding, recursions)
    named = {k: v for k, v in _named_starts(sides, recursions).items() if k not in stated}
    whole_kinds = {c.name for c in binding.clauses if isinstance(c, KindClause) and c.kind in WHOLE_NUMBER_KINDS}
    written = " ".join(side.source or "" for side in sides)
    entries, dims, samplers, letters = dict(vocab.entries), dict(vocab.dims), {}, set()
    for base, (position, start) in {**named, **stated}.items():
        letter, offset = recursions[base][position]
        if letter in letters:
            continue
        declared_whole = letter in whole_kinds
        if not declared_whole and (
            letter in vocab.dims or letter in vocab.entries or any(str(s) == letter for s in vocab.indices)
        ):
            continue  # the result's own step (Adam's t) or a name it gives
        if not re.search(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])", written):
            continue
        symbol = sp.Symbol(f"doc_{letter}_step" if declared_whole else f"doc_{letter}", integer=True)
        samplers[symbol] = dom.Dimension(tuple(range(start + 1, start + 1 + STEPS_DRAWN)))
        dims[letter] = symbol
        entries.pop(letter, None)
        letters.add(letter)
    if not letters:
        return vocab, set(), {}
    vocab = vocab.with_samplers(samplers).with_(
        dims=dims, entries=entries, symbols={k: v for k, v in vocab.symbols.items() if k not in letters}
    )
    return vocab, letters, {base: named[base] for base in named if recursions[base][named[base][0]][0] in letters}
