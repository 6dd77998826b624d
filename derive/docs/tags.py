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
"""

from __future__ import annotations

from derive.docs.decide import Binding
from derive.errors import DeriveError


class TagError(DeriveError):
    """A tag that cannot be read."""


def parse_tag(text: str) -> Binding | None:
    """The binding a tag states; None for ``derive: skip``."""
    from derive.registry import catalog_names

    body = text.strip()
    if body.lower() in ("skip", "ignore", "off", "none"):
        return None
    head, _, rest = body.partition(";")
    head = head.strip()
    where = ""
    if " where " in f" {head} ":
        head, _, where = head.partition("where")
        head = head.strip()
    clauses = [c for c in ([where] + rest.split(";")) if c.strip()]
    binding = Binding()
    if head and ("=" in head or ":" in head or head.lower() == "erratum" or head.lower().startswith("log base")):
        clauses.insert(0, head)
        head = ""
    if head:
        names = catalog_names()
        if head not in names:
            import difflib
            close = difflib.get_close_matches(head, names, n=2, cutoff=0.5)
            raise TagError(f"the tag names no result '{head}'" + (f"; did you mean {', '.join(close)}?" if close else ""))
        binding.result = head
    for clause in clauses:
        clause = clause.strip()
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
        if "=" in clause and not clause.rstrip().endswith("="):
            name, _, meaning = clause.partition("=")
            if not name.strip() or not meaning.strip():
                raise TagError(f"the clause '{clause}' needs a name and a meaning")
            binding.overrides[name.strip()] = meaning.strip()
        elif ":" in clause:
            name, _, kind = clause.partition(":")
            if not name.strip() or not kind.strip():
                raise TagError(f"the clause '{clause}' needs a name and a kind")
            binding.kinds[name.strip()] = kind.strip()
        elif " is " in clause:
            name, _, kind = clause.partition(" is ")
            binding.kinds[name.strip()] = kind.strip().removeprefix("a ").removeprefix("an ")
        else:
            raise TagError(f"cannot read the clause '{clause}': write 'NAME = MEANING' or 'NAME: KIND'")
    if binding.erratum and (binding.assumption or binding.fails_under):
        raise TagError("a formula is either an erratum or a reading under an assumption, not both")
    return binding


def _reading_clause(clause: str) -> tuple[str, str] | None:
    """('assumption' | 'fails_under', TEXT) for the clauses ``assumption: TEXT`` and ``fails-under: TEXT``."""
    word, colon, text = clause.partition(":")
    key = {"assumption": "assumption", "fails-under": "fails_under"}.get(word.strip().lower())
    if not colon or key is None:
        return None
    if not text.strip():
        raise TagError(f"the clause '{clause.strip()}' needs the reading it names, e.g. '{word.strip()}: ties count as wins'")
    return key, " ".join(text.split())
