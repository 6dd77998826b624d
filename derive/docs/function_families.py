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


def _member(clause: FunctionClause, base_key: str, letter: str, number: str) -> FunctionClause:
    at = _letter_at(letter)
    return dataclasses.replace(
        clause,
        name=f"{base_key}_{number}",
        body=at.sub("{" + number + "}", clause.body),
        head=at.sub("{" + number + "}", clause.head),
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
        if not numbers or re.search(at_letter, text):  # \psi_m(z) in the formula too: the family as a whole
            clauses.append(clause)
            continue
        clauses.extend(_member(clause, base_key, letter, number) for number in numbers)
        changed = True
    return dataclasses.replace(binding, clauses=clauses) if changed else binding
