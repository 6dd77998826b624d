r"""Names only the tag's definitions write, which nothing declares: the inputs the definitions are stated in.

A tag ``Y_2 = X_2 + G(X_1)`` beside a formula ``X_1 = Y_1 - F(Y_2)`` writes X_2 in a definition and nowhere else: the
formula's sides depend on it through Y_2, and the author states the claim for every input, as for the formula's own
variables. Read so, the formula may PASS; a refutation is not given, since the author may mean particular inputs
the formula never writes.
"""

from __future__ import annotations

import re

from derive.docs.free import NotIdentity, Unbalanced, free_reading
from derive.docs.untagged import KNOWN_FUNCTIONS


def definition_inputs(name: str, binding, functions) -> dict:
    """{key: kind} for the keys the tag's definitions (``NAME = ...``) write for the unbound ``name`` (x_2 for x), as
    the formula's own variables are read; empty when no definition writes it so."""
    found: dict = {}
    for body in binding.overrides.values():
        if not isinstance(body, str):
            continue
        try:
            kinds = free_reading(body, KNOWN_FUNCTIONS, set(functions), functions=functions)
        except Unbalanced as why:  # one side only: every name of a definition's body is
            kinds = why.kinds
        except NotIdentity:
            continue
        except Exception:  # an unreadable definition is reported where it is read
            continue
        found.update({key: kind for key, kind in kinds.items() if _stands_for(key, name)})
    return found


def _stands_for(key: str, name: str) -> bool:
    """Whether a key of the free reading is the unbound name: itself, an entry of it (x_2 for x), or the name with
    its label in parentheses (X^(2) for X_2)."""
    return key == name or key.startswith(f"{name}_") or re.sub(r"\^\((\w+)\)$", r"_\1", key) == name
