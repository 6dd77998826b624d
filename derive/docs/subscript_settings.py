r"""A value set in a function's subscript, ``p_{T=0.5}(w)``: the tag's ``p_T(w)`` with T = 0.5.

Authors name the member of a family of functions by the value of its label, as a temperature-scaled law
``p_{T=0.5}``. When the tag defines the family (``p_T(w) = ...``), leaves the label's letter free, and every setting
the formula writes gives that letter one value, the formula is read with the family's name and the letter set to the
value in the tag; any other setting stays as written.
"""

from __future__ import annotations

import dataclasses
import re

SETTING = re.compile(
    r"(?P<name>(?<![\\A-Za-z])[A-Za-z]|\\[A-Za-z]+)\s*_\s*\{\s*(?P<letter>[A-Za-z])\s*=\s*(?P<value>\d+(?:\.\d+)?)\s*\}"
    r"(?=\s*(?:\\left\s*)?\()"
)


def with_subscript_settings(text: str, binding):
    """(text, binding) with ``p_{T=0.5}(...)`` read as the tag's ``p_T(...)`` at T = 0.5, when that is the only value
    the formula sets T to, the tag defines p_T and gives T no meaning of its own."""
    settings = list(SETTING.finditer(text))
    if not settings:
        return text, binding
    found = {(m["name"].lstrip("\\"), m["letter"], m["value"]) for m in settings}
    if len(found) != 1:
        return text, binding
    name, letter, value = found.pop()
    defined = {getattr(clause, "name", None) for clause in binding.clauses}
    if f"{name}_{letter}" not in defined or any(key.strip() == letter for key in binding.overrides):
        return text, binding
    text = SETTING.sub(lambda m: f"{m['name']}_{{{letter}}}", text)
    return text, dataclasses.replace(binding, overrides={**binding.overrides, letter: value})
