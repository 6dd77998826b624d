r"""Laws the tag gives by their values at named outcomes (``P(\text{sunny}) = 0.7; P(\text{rainy}) = 0.3``): where
the values of a name at words are numbers that sum to 1, the name alone is that law, the vector of its values over
the words (``KL(Q \| P)``), and a sum over an outcome (``\sum_x P(x) \log \frac{P(x)}{Q(x)}``) runs over them.

Every such law must be given at the same words, which are then taken in one order (the tag's first), so that two laws
line up outcome by outcome; values that do not sum to 1, or laws given at different words, are not read so (the name
alone stays unbound, as before). A name the tag or the notation gives a meaning of its own keeps it.
"""

from __future__ import annotations

import re
from fractions import Fraction

from derive.docs.side_names import _normal_name, tag_names, written_at_words

AT_ONE_WORD = re.compile(r"(?P<name>[A-Za-z][A-Za-z0-9_]*)\((?P<word>[A-Za-z0-9_]+)\)")
DECIMAL = re.compile(r"\d+(?:\.\d*)?|\.\d+")


def word_laws(binding, meant: set) -> dict:
    """name -> LaTeX of the vector of its values over the words, for each law the tag gives at named outcomes; empty
    where the laws' words differ. ``meant``: the names that have a meaning of their own."""
    given: dict = {}
    for written, value in binding.overrides.items():
        found = AT_ONE_WORD.fullmatch(_normal_name(written)) if written_at_words(written) else None
        if found is not None:
            given.setdefault(found.group("name"), {})[found.group("word")] = value.strip()
    laws = {
        name: values
        for name, values in given.items()
        if name not in meant
        and len(values) >= 2
        and all(DECIMAL.fullmatch(value) for value in values.values())
        and sum(Fraction(value) for value in values.values()) == 1
    }
    if not laws or len({frozenset(values) for values in laws.values()}) != 1:
        return {}
    words = list(next(iter(laws.values())))
    return {name: "(" + ", ".join(values[word] for word in words) + ")" for name, values in laws.items()}


def meant_names(binding, vocab) -> set:
    """The names the tag defines or declares, or the notation gives a meaning (kept as they are)."""
    return set(vocab.entries) | tag_names(binding)
