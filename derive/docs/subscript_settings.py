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


def _one_setting(text: str, binding):
    """(letter, value) when every setting the formula writes, ``p_{T=0.5}(...)``, gives the letter of a family the
    tag defines (``p_T(w) = ...``) one value and the tag gives that letter no meaning of its own; else None."""
    found = {(m["name"].lstrip("\\"), m["letter"], m["value"]) for m in SETTING.finditer(text)}
    if len(found) != 1:
        return None
    name, letter, value = found.pop()
    defined = {getattr(clause, "name", None) for clause in binding.clauses}
    if f"{name}_{letter}" not in defined or any(key.strip() == letter for key in binding.overrides):
        return None
    return letter, value


def with_subscript_settings(text: str, binding):
    """(text, binding) with ``p_{T=0.5}(...)`` read as the tag's ``p_T(...)`` at T = 0.5, when that is the only value
    the formula sets T to, the tag defines p_T and gives T no meaning of its own."""
    setting = _one_setting(text, binding)
    if setting is None:
        return text, binding
    letter, value = setting
    text = SETTING.sub(lambda m: f"{m['name']}_{{{letter}}}", text)
    return text, dataclasses.replace(binding, overrides={**binding.overrides, letter: value})


def settings_at_zero_as_limits(text: str, binding):
    """(the letter, the text with each ``p_{T=0}(...)`` read as the limit of ``p_T(...)`` as T falls to 0, the text
    with it read as T rises to 0) when the formula sets a family's letter to 0 as :func:`with_subscript_settings`
    reads it; else None. Where the family has no value at 0 (``p(w)^{1/T}``), the setting can only mean a limit."""
    setting = _one_setting(text, binding)
    if setting is None or float(setting[1]) != 0:
        return None
    letter = setting[0]

    def limit(side):
        return SETTING.sub(lambda m: f"\\lim_{{{letter} \\to 0^{{{side}}}}} {m['name']}_{{{letter}}}", text)

    return letter, limit("+"), limit("-")
