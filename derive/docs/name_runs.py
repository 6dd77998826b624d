r"""A tag clause about a run of names written with dots, ``x_1, \ldots, x_n \sim \mathcal{N}(0, 1)``,
``x_1, \dots, x_n: real``, ``x_1, x_2, \ldots, x_n > 0``: a clause about each entry of the vector x of n entries.

The dots denote the run plainly when its names are one letter with the index 1 first (and 2 next, if written) and a
letter or a whole number last: that run is the vector x over n, declared as the clause says of each entry (real or
positive, or drawn from one law each, independently). Random variables with a joint law keep their own reading
(:mod:`derive.docs.joint_law`). A run with other ends (``x_0, \ldots, x_{n-1}``, ``x_1, \ldots, x_{n^2}``) or a clause
that says something else of it is refused with one line that says what is read.
"""

from __future__ import annotations

import re

from derive.docs.tag_spelling import DOTS, SAID_IID, SpellingError, kind_phrase

BASE = r"\\(?:mathbf|boldsymbol|bm)\s*\{\s*(?:\\[A-Za-z]+|[A-Za-z])\s*\}|\\[A-Za-z]+|[A-Za-z]"


def _index(name: str) -> str:
    """A subscript, braced (group ``name``) or one character (group ``namec``)."""
    return rf"_\s*(?:\{{\s*(?P<{name}>[^{{}}]+?)\s*\}}|(?P<{name}c>[A-Za-z0-9]))"


RUN = re.compile(
    rf"^(?P<base>{BASE})\s*{_index('first')}\s*,\s*"
    rf"(?:(?P<base2>{BASE})\s*{_index('second')}\s*,\s*)?{DOTS}\s*,\s*"
    rf"(?P<base3>{BASE})\s*{_index('last')}(?P<rest>(?:\s*(?:\\sim|:|\\in(?![A-Za-z])|∈|>|\\gt|\\ge|\\geq)).*)$",
    re.S,
)
SAID_AFTER = re.compile(
    r"^(?P<run>.+?[^:\s])\s*(?P<text>\\(?:text|textrm|mathrm)\s*\{)?\s*(?:are\s+)?"
    r"(?P<said>(?:mutually\s+)?independent|i\.i\.d\.?|iid)(?(text)\s*\}|)$"
)
JOINT = re.compile(r"^:\s*(?:\\text\s*\{)?\s*(?:(?:a|the)\s+)?(?:discrete\s+|jointly\s+distributed\s+)?random\b", re.I)
KINDS = {"real": "vector", "reals": "vector", "real number": "vector", "real numbers": "vector", "scalar": "vector"}
KINDS |= {"scalars": "vector", "positive": "positive vector", "positive real": "positive vector"}
REAL_SETS = re.compile(r"^\\(?:mathbb\s*\{\s*R\s*\}|mathbb\s+R|R|Reals)$")
POSITIVE_SETS = re.compile(
    r"^\\(?:mathbb\s*\{\s*R\s*\}|mathbb\s+R|R)\s*(?:_\s*(?:\{\s*(?:>\s*0|\+|\+\+)\s*\}|\+)|\^\s*\+)$"
)
ZERO = re.compile(r"^0(?:\.0*)?$")
WHAT_IS_READ = (
    "a run written with dots (x_1, \\ldots, x_n) is read as the n entries of one vector, declared real or positive,"
    " drawn from one law each (x_1, \\ldots, x_n \\sim LAW) or random variables with a joint distribution"
)


def run_clauses(part: str) -> list[str] | None:
    """The clauses a clause about a run of names says, or None when it is about no run written with dots."""
    said = SAID_AFTER.match(SAID_IID.sub("i.i.d.", part.strip()))  # x_1, \ldots, x_n iid: x_1, \ldots, x_n: iid
    run = RUN.match(f"{said.group('run')}: {said.group('said')}") if said else None
    if run is None or run.group("rest").strip() != f": {said.group('said')}":  # a law before the words: as written
        run = RUN.match(part.strip())
    if run is None:
        return None
    base, rest = run.group("base"), run.group("rest").strip()
    if JOINT.match(rest):
        return None  # x_1, \ldots, x_n: random variables with joint distribution p: derive.docs.joint_law
    apart = kind_phrase(f"{base}_i", rest[1:]) if rest.startswith(":") else None
    if apart and len(apart) == 1 and apart[0].endswith(("independent random", "iid random")):
        return apart  # the family x_i of random variables, independent (of one law, iid): derive.docs.chance
    first, second, last = (run.group(name) or run.group(f"{name}c") for name in ("first", "second", "last"))
    same = all(" ".join(run.group(b).split()) == " ".join(base.split()) for b in ("base3", "base2") if run.group(b))
    if not same or first != "1" or (second is not None and second != "2"):
        raise SpellingError(f"cannot read '{part}': {WHAT_IS_READ}, its first index 1 (and 2 next)")
    if not (re.fullmatch(r"[A-Za-z]", last) or last.isdigit()):
        raise SpellingError(f"cannot read '{part}': {WHAT_IS_READ}, its last index a letter or a whole number")
    kind = _kind(rest)
    if kind is None:
        raise SpellingError(f"cannot read '{part}': {WHAT_IS_READ}")
    if kind == "draw":
        return [f"{base}: vector over {last}", f"{base}_{{i}} {rest}"]
    return [f"{base}: {kind} over {last}"]


def _kind(rest: str) -> str | None:
    """What the clause says of each entry: the vector kind, "draw" for a law, None for anything else."""
    if rest.startswith("\\sim"):
        return "draw"
    relation, _, what = re.match(r"^(\\in(?![A-Za-z])|∈|:|>|\\gt|\\geq|\\ge)(.*)$", rest).group(1, 1, 2)
    what = " ".join(re.sub(r"\\text\s*\{([^{}]*)\}", r"\1", what).split()).rstrip(".")
    if relation == ":":
        return KINDS.get(what.lower())
    if relation in ("\\in", "∈"):
        return "vector" if REAL_SETS.match(what) else "positive vector" if POSITIVE_SETS.match(what) else None
    if relation in (">", "\\gt") and ZERO.match(what):
        return "positive vector"
    return None
