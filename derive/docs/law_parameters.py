r"""A law the tag gives with numbers, ``X \sim \text{Bin}(10, 0.3)``, beside a formula that writes the letters of its
parameters, ``\operatorname{Var}(X) = np(1-p)``: the letters may be those numbers, or the shared notation's names."""

from __future__ import annotations

import dataclasses
import re

from derive.docs.verdict import FAIL, PASS, Verdict, unless_readings_differ

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
LETTERS = frozenset({"n", "p", "lambda", "mu", "a", "b", "alpha", "beta"})  # parameters authors write as one letter


def numbered_parameters(text: str, binding) -> dict:
    """{letter: the number the tag's law gives there} for each parameter letter the formula writes bare and nothing
    else in the tag names (p in np(1 - p) beside X \\sim \\text{Bin}(10, 0.3))."""
    from derive.docs.free import child_sides
    from derive.docs.interpret import rewrite_chain
    from derive.docs.laws import LawClause
    from derive.docs.side_names import atoms_in

    laws = [clause for clause in binding.clauses if isinstance(clause, LawClause)]
    given = {}
    for clause in laws:
        for (letter, _), written in zip(clause.law.parameters, clause.params):
            if letter in LETTERS and NUMBER.fullmatch(written.strip()):
                given.setdefault(letter, written.strip())
    named = {*binding.overrides, *binding.kinds, *(getattr(clause, "name", "") for clause in binding.clauses)}
    written_by_laws = {re.sub(r"\\", "", p).strip() for clause in laws for p in clause.params}
    given = {letter: value for letter, value in given.items() if letter not in named | written_by_laws}
    if not given:
        return {}
    try:
        atoms = list(atoms_in(rewrite_chain(text)[0], child_sides))
    except Exception:  # unreadable: the verdict says so already
        return {}
    bare = {atom.key for atom in atoms if not atom.sub and atom.args is None and not atom.decoration}
    return {letter: value for letter, value in given.items() if letter in bare}


def law_parameter_doubt(text: str, binding, verdict: Verdict, decide_text) -> Verdict:
    """The verdict when the letters read as the numbers the tag's law gives agree with it, else UNKNOWN with both."""
    if verdict.verdict not in (PASS, FAIL) or binding.result is not None:
        return verdict
    letters = numbered_parameters(text, binding)
    if not letters:
        return verdict
    overrides = {**binding.overrides, **letters}
    said = ", ".join(f"{letter} = {value}" for letter, value in sorted(letters.items()))
    return unless_readings_differ(
        verdict,
        decide_text(text, dataclasses.replace(binding, overrides=overrides)),
        f"{', '.join(sorted(letters))} may be the parameters the tag's law gives as numbers ({said}; say so in the"
        " tag) or names of their own",
        "read as names",
        f"read as {said}",
    )
