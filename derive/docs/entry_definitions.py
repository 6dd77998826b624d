"""A vector the tag defines entry by entry (``s_i = e^{x_i} / \\sum_j e^{x_j}``), written whole in the formula (``s``)."""

from __future__ import annotations

import dataclasses

from derive.docs.arbitrary import _indexed_overrides, _is_template, _read_body_at, template_items
from derive.docs.free import child_sides
from derive.docs.nodes import Atom
from derive.docs.side_names import atoms_in
from derive.docs.values import Vec


def _entry_template(reader, key: str):
    """(letter, body) of the tag's one definition of ``key`` at an index letter (s_i = ...), whose body takes the
    entry at that letter of another name (x_i): the entries of a vector over the notation's index; else None.

    A definition that names ``key`` itself (a recursion, x_q = x / S + Z), a value stated at one index (s_1 = 0) or
    a body that writes the letter only as a number (N_i = 2^{i - 1}) defines no vector the bare name could be."""
    found = _indexed_overrides(reader, key)
    if len(found) != 1:
        return None
    items, body = found[0]
    letters = template_items(items) if len(items) == 1 else None
    if not letters or letters[0][1] != 0 or not _is_template(items, body, key):
        return None
    letter = letters[0][0]
    if any(atom.key == key for atom in atoms_in([body], child_sides)):
        return None
    indexed = any(
        atom.key != key and [str(item).strip() for item in atom.sub] == [letter] and _a_vector(reader, atom)
        for atom in atoms_in([body], child_sides)
    )
    return (letter, body) if indexed else None


def _a_vector(reader, atom: Atom) -> bool:
    """Whether ``atom`` (x_i) is the entry of a vector the notation or the tag gives (x), not a member of a sequence of
    steps (α_t) or of a family of its own."""
    if atom.args is not None or atom.decoration or atom.star:
        return False
    whole = dataclasses.replace(atom, sub=[], sub_text="")
    meaning = reader.meaning(whole)[1]
    return isinstance(meaning, tuple) and meaning[0] == "vec"


def whole_vector(reader, atom: Atom):
    """The vector of the tag's entries for a name written whole (∇H = s - y beside the tag's s_i = ...), over the
    notation's dimension; None when the name has no such definition, or the notation no dimension."""
    if atom.sub or atom.args is not None or atom.decoration or atom.star or atom.step:
        return None
    template = _entry_template(reader, atom.key)
    size = reader.size_value
    if template is None or size is None:
        return None
    letter, body = template
    return Vec(lambda index: _read_body_at(reader, [letter], [index], body), size)
