"""A tag's function whose name carries a letter its body uses, ``\\psi_m(z) = \\frac{d^{m+1}}{dz^{m+1}} \\log
\\Gamma(z)``, is a family of functions, one for each value of the letter: the formula's ``\\psi_{0}(1)`` applies
the member at m = 0, the body with 0 written for m (a whole-number order d^{0+1} then reads as 1)."""

from __future__ import annotations

import dataclasses
import re

from derive.docs.tags import Binding, FunctionClause

FAMILY_HEAD = re.compile(r"^(?P<base>.+?)\s*_\s*(?:\{\s*(?P<braced>[A-Za-z])\s*\}|(?P<bare>[A-Za-z]))\s*\(")


def _letter_at(letter: str) -> re.Pattern:
    """The letter written alone in LaTeX: not part of a command (\\mu) or of a word (max)."""
    return re.compile(rf"(?<![\\A-Za-z]){letter}(?![A-Za-z])")


ARITHMETIC_GROUP = re.compile(r"\{\s*(\{\s*\d+\s*\}|\d+)(\s*[+-]\s*(?:\{\s*\d+\s*\}|\d+))+\s*\}")


def _folded(text: str) -> str:
    """Whole numbers added in a group worked out, h_{{2}-1} to h_{1} and d^{{0}+1} to d^{1}, so that a member's body
    names the member the formula writes (h_1) and not a name of its own."""

    def fold(match):
        terms = re.findall(r"([+-]?)\s*\{?\s*(\d+)", match.group(0)[1:-1])
        return "{" + str(sum(int(digits) * (-1 if sign == "-" else 1) for sign, digits in terms)) + "}"

    return ARITHMETIC_GROUP.sub(fold, text)


def _member(clause: FunctionClause, base_key: str, letter: str, number: str) -> FunctionClause:
    at = _letter_at(letter)
    return dataclasses.replace(
        clause,
        name=f"{base_key}_{number}",
        body=_folded(at.sub("{" + number + "}", clause.body)),
        head=_folded(at.sub("{" + number + "}", clause.head)),
    )


def _other_letters(clause: FunctionClause, base: str, before: str, base_key: str, letter: str, text: str, defined):
    """The letters other than the family's own that the formula writes as the index of a member (p_k(T) beside the
    tag's p_i(T) = ...): each names the member with that letter written for the family's. A letter the body already
    uses (a summation index, p_j beside \\sum_j) or the clause takes as a parameter is left out, since writing it for
    the family's letter would tie it to that other use."""
    written = rf"{before}{re.escape(base)}(?![A-Za-z])\s*_\s*(?:\{{\s*([A-Za-z])\s*\}}|([A-Za-z])(?![A-Za-z]))\s*(?:\\left\s*)?\("
    found = {a or b for a, b in re.findall(written, text)}
    return sorted(
        other
        for other in found
        if other != letter
        and other not in clause.params
        and f"{base_key}_{other}" not in defined
        and not _letter_at(other).search(clause.body)
        and not _letter_at(other).search(clause.head)
    )


def family_members_the_formula_applies(binding: Binding, text: str) -> Binding:
    """The binding for a formula that applies members of a family the tag defines (``\\psi_{0}(1)`` beside
    ``\\psi_m(z) = ...``): the family's clause replaced by one clause for each member the formula writes with a whole
    number (a member the tag defines apart, f_1(z) = 2z, keeps its own definition). A family the formula does not apply
    so is left as it is, and so is the tag's own binding."""
    clauses, changed = [], False
    defined = {clause.name for clause in binding.clauses if isinstance(clause, FunctionClause)}
    for clause in binding.clauses:
        head = FAMILY_HEAD.match(clause.head) if isinstance(clause, FunctionClause) else None
        letter = head and (head.group("braced") or head.group("bare"))
        if not head or letter in clause.params or not _letter_at(letter).search(clause.body):
            clauses.append(clause)
            continue
        base = head.group("base")
        before = "(?<![A-Za-z])" if base[0].isalpha() else ""  # f, not the f of \inf
        written = rf"{before}{re.escape(base)}(?![A-Za-z])\s*_\s*(?:\{{\s*(\d+)\s*\}}|(\d))\s*(?:\\left\s*)?\("
        base_key = clause.name[: -len(letter) - 1]
        found = {a or b for a, b in re.findall(written, text)}
        numbers = sorted((n for n in found if f"{base_key}_{n}" not in defined), key=int)  # f_1 defined apart: its own
        at_letter = rf"{before}{re.escape(base)}(?![A-Za-z])\s*_\s*(?:\{{\s*{letter}\s*\}}|{letter}(?![A-Za-z]))"
        letters = _other_letters(clause, base, before, base_key, letter, text, defined)
        if numbers and not re.search(at_letter, text):
            clauses.extend(_member(clause, base_key, letter, number) for number in numbers)
            changed = True
        else:  # \psi_m(z) in the formula too: the family as a whole
            clauses.append(clause)
        if letters:
            clauses.extend(_member(clause, base_key, letter, other) for other in letters)
            changed = True
    return dataclasses.replace(binding, clauses=clauses) if changed else binding
