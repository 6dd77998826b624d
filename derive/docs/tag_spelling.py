"""Tag clauses as mathematicians write them, rewritten into the clauses :mod:`derive.docs.tags` reads.

``where x \\in \\mathbb{R}^n, \\beta \\in [0, 1)`` is ``x: vector over n; \\beta: real; 0 \\le \\beta < 1``;
``a, b > 0`` is ``a > 0; b > 0``; ``A: m \\times n matrix`` is ``A: matrix over m by n``; ``\\sigma: the sigmoid``
is ``\\sigma(x) = \\frac{1}{1 + e^{-x}}``. A spelling that names a set or a kind the checker does not model is
refused with one line that says what would be right.
"""

from __future__ import annotations

import re

from derive.docs.tokens import balanced
from derive.docs.verdict import VECTOR_KINDS
from derive.errors import DeriveError


class SpellingError(DeriveError):
    """A clause written with a set or a kind the checker does not model."""


OPENERS = {"(": ")", "[": "]", "{": "}"}
# words that introduce a clause and add nothing to it: "where x > 0", "let n \in \mathbb{N}", "for all t \ge 1"
LEAD_WORDS = re.compile(
    r"^(?:(?:where|with|let|given|for\s+all|for\s+every|for\s+each|for|and|assume|assuming|suppose|such\s+that|"
    r"s\.t\.|\\forall|\\text\s*\{\s*(?:where|with|let|for|for\s+all|and|given)\s*\})(?:\s+|(?=\\)|$))+",
    re.IGNORECASE,
)
WORDS_IN_TEXT = re.compile(r"\\(?:text|textrm|textit|mbox|mathrm)\s*\{\s*([A-Za-z][A-Za-z \-]*?)\s*\}")
DEFINING = re.compile(
    r":=|\\coloneqq|\\triangleq|\\doteq|\\stackrel\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\{=\}|\\overset\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\{=\}"
)
OPERATOR = re.compile(r"=|:|<|>|\\in\b|∈|\\le|\\ge|\\lt|\\gt|\\leq|\\geq")
BRACED = r"\{(?:[^{}]|\{[^{}]*\})*\}"  # a group, one level of groups inside it
# a letter or a command, decorated (\bar{\mathbf{x}}, \mathbf{W}, \bar\alpha without braces), primed (x', x^\prime, x^*), labelled (W^{(1)}),
# subscripted (x_t, W_{qh}, \mathbf{W}_\textrm{qh}), or set in a font switch of plain TeX ({\rm margin}, {\bf x})
ACCENT = r"\\(?:bar|hat|tilde|widehat|widetilde|overline|vec|dot|ddot|check|breve|mathbf|boldsymbol|bm)"
# a difference written with \Delta before one letter or a Greek letter (\Delta W, \Delta\theta): one name, as formulas read it
DIFFERENCE = r"\\Delta\s*(?:[A-Za-z](?![A-Za-z])|\\[A-Za-z]+)"
NAME = re.compile(
    rf"^(?:\\[A-Za-z]+\s*{BRACED}|{ACCENT}\s*\\[A-Za-z]+|{ACCENT}\s+[A-Za-z]|{DIFFERENCE}|\\[A-Za-z]+|[A-Za-z]"
    rf"|\{{\s*\\(?:rm|bf|it|sf|cal|tt)\s+[A-Za-z]+\s*\}})"
    rf"(?:'|\^\s*\\prime|\^\s*\{{\s*\\prime\s*\}}|\^\{{?[*+\-]\}}?|\^\s*\{{\s*\(\s*[A-Za-z0-9]+\s*\)\s*\}}"
    rf"|\s*_\s*(?:{BRACED}|\\[A-Za-z]+\s*{BRACED}|\\[A-Za-z]+|[A-Za-z0-9]))*$"
)


def split_clauses(text: str) -> list[str]:
    """The clauses of a tag's text after its result: split at ``;`` and, where each part is a clause of its own or a
    list of names, at ``,`` and ``and``; introducing words (where, let, given, for) and end punctuation dropped."""
    clauses = []
    for part in _split_top(text.replace("$", ""), (";",)):
        part = _tidy(part)
        if not part:
            continue
        if _is_reading(part):
            clauses.append(part)
            continue
        from derive.docs.name_runs import run_clauses

        run = run_clauses(part)  # x_1, \ldots, x_n \sim \mathcal{N}(0, 1): each entry of the vector x over n
        if run is not None:
            clauses.extend(run)
            continue
        for piece in _trailing_condition(part):
            clauses.extend(linked for listed in _split_list(piece) for linked in chained_bounds(listed))
    from derive.docs.density_law import attach_support

    return _tables(
        _independence([square_root(_uniform_law(_vector_of_its_entries(clause))) for clause in attach_support(clauses)])
    )


# a definition followed by where it holds: "a_t = b_t + c_t a_{t-1} for t \geq 1", "f(x) = \log x \text{ if } x > 0"
TRAILING_CONDITION = re.compile(
    r"^(?P<body>[^=]*=.+?)\s*,?\s*(?:\\quad\s*|\\qquad\s*)?(?<![A-Za-z\\])(?:(?P<word>for(?:\s+all|\s+every|\s+each)?|if|when|whenever)(?![A-Za-z])"
    r"|\\text\s*\{\s*(?P<text>for(?:\s+all|\s+every|\s+each)?|if|when|whenever)\s*\}|\\forall)\s*"
    r"(?:\\quad|\\qquad|\\[,;:]|\s)*(?P<condition>[^=]+?(?:<|>|\\le|\\ge|\\lt|\\gt|\\leq|\\geq|\\in\b|\\neq|\\ne\b).+)$"
)


def _trailing_condition(part: str) -> list[str]:
    """A definition and the condition written after it (``for t \\geq 1``) as two clauses: the condition is a range
    or a condition of the tag, the definition read whole."""
    found = TRAILING_CONDITION.match(part)
    if found is None or "\\begin" in part or not balanced(found.group("body")):
        return [part]
    return [found.group("body").strip(), found.group("condition").strip()]


COMPARISON = re.compile(r"\\geq|\\leq|\\ge|\\le|\\gt|\\lt|>=|<=|>|<")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
UPWARD = ("<", "<=", "\\le", "\\leq", "\\lt")
STRICT = ("<", ">", "\\lt", "\\gt")


def chained_bounds(clause: str) -> list[str]:
    r"""A chain of three or more comparisons one way (``0 < \alpha_t < \alpha_{t-1} < 1``) as what it states: each
    name between the nearest numbers on either side of it (0 < \alpha_t < 1, 0 < \alpha_{t-1} < 1), and each two
    neighbouring names in their order (\alpha_t < \alpha_{t-1}); any other clause as it is. A chain that turns is
    refused."""
    relations = COMPARISON.findall(clause)
    parts = [p.strip() for p in COMPARISON.split(clause)]
    if len(relations) < 3 or "=" in COMPARISON.sub("", clause) or "\\begin" in clause or not all(map(balanced, parts)):
        return [clause]
    upward = {r in UPWARD for r in relations}
    if not all(parts):
        return [clause]
    if len(upward) > 1:  # 0 < a > b > 1: no order of all its terms
        raise SpellingError(f"the clause '{clause.strip()}' mixes < and >")
    if upward == {False}:  # 1 > a > b > 0: the same chain read from its other end
        parts, relations = parts[::-1], relations[::-1]
    strict = [r in STRICT for r in relations]
    numbers = [i for i, part in enumerate(parts) if NUMBER.match(part)]
    out = []
    for i, part in enumerate(parts):
        if i in numbers:
            continue
        low = max((n for n in numbers if n < i), default=None)
        high = min((n for n in numbers if n > i), default=None)
        below = f"{parts[low]} {_below(strict[low:i])} " if low is not None else ""
        above = f" {_below(strict[i:high])} {parts[high]}" if high is not None else ""
        if below or above:
            out.append(f"{below}{part}{above}")
        if i + 1 < len(parts) and i + 1 not in numbers:
            out.append(f"{part} {_below(strict[i : i + 1])} {parts[i + 1]}")
    return out


def _below(strict: list) -> str:
    """The relation between two terms of an upward chain the links ``strict`` join: < if any link is strict."""
    return "<" if any(strict) else "\\le"


# x = (x_1, x_2)^\top, \mathbf{x} = [x_1, \ldots, x_n]: a vector written by its own entries
ENTRIES_WRITTEN = re.compile(
    r"^(?P<name>(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?(?P<letter>[A-Za-z])\s*\}?)\s*=\s*(?:\\left\s*)?[(\[]"
    r"(?P<entries>[^()\[\]]*?)(?:\\right\s*)?[)\]]\s*(?:\^\s*(?:\{\s*)?(?:\\top|T|\\intercal|\\mathsf\s*\{?T\}?)\s*\}?)?$"
)


def _vector_of_its_entries(clause: str) -> str:
    r"""``\mathbf{x} = (x_1, x_2)^\top`` declares x a vector of 2 entries, ``x = (x_1, \ldots, x_n)`` of n, its entries
    x_1, x_2 named as the notation names them; it defines x by nothing but itself."""
    written = ENTRIES_WRITTEN.match(clause.strip())
    if written is None:
        return clause
    letter = written.group("letter")
    entries = [entry.strip() for entry in written.group("entries").split(",")]
    entry = re.compile(rf"(?:\\(?:mathbf|boldsymbol|bm)\s*\{{\s*)?{letter}\s*\}}?\s*_\s*\{{?\s*(?P<at>\w+)\s*\}}?")
    found = [entry.fullmatch(e) for e in entries if not re.fullmatch(r"\\[lc]?dots|\.\.\.", e)]
    dots = len(found) < len(entries)
    if not found or not all(found):
        return clause
    numbers = [m.group("at") for m in found]
    counted = numbers[:-1] if dots else numbers
    if not all(n.isdigit() for n in counted) or [int(n) for n in counted] != list(range(1, len(counted) + 1)):
        return clause
    if dots and not (re.fullmatch(r"[A-Za-z]", numbers[-1]) or numbers[-1].isdigit()):
        return clause
    size = numbers[-1]
    return f"{written.group('name').strip()} \\in \\mathbb{{R}}^{{{size}}}"


SQUARE_DEFINED = re.compile(r"^(?P<name>[^=<>]+?)\s*\^\s*(?:2|\{\s*2\s*\})\s*=\s*(?P<body>[^<>]+)$")
# the square written before the name's subscript: \sigma^2_{t\vert s} = ..., \sigma^2_t = ..., \sigma^2_{W_{i,\cdot}} = ...
SQUARE_BEFORE_SUBSCRIPT = re.compile(
    r"^(?P<head>\\[A-Za-z]+|[A-Za-z])\s*\^\s*(?:2|\{\s*2\s*\})"
    r"\s*(?P<sub>_\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\\[A-Za-z]+|[A-Za-z0-9]))"
    r"\s*=\s*(?P<body>[^<>]+)$"
)


def square_root(clause: str) -> str:
    r"""``\hat{\sigma}^2 = \frac{1}{n} \sum_i (x_i - \hat{\mu})^2`` (or ``\sigma^2_{t|s} = \dots``, the square written before
    the subscript) defines \hat{\sigma} as the non-negative square root of the right side, as a variance defines its
    deviation."""
    before = SQUARE_BEFORE_SUBSCRIPT.match(clause)
    if before is not None:
        return f"{before.group('head')}{before.group('sub').strip()} = \\sqrt{{{before.group('body').strip()}}}"
    square = SQUARE_DEFINED.match(clause)
    if square is None or not NAME.match(square.group("name").strip()):
        return clause
    return f"{square.group('name').strip()} = \\sqrt{{{square.group('body').strip()}}}"


UNIFORM = r"(?:\\text|\\textrm|\\mathrm|\\operatorname)?\s*\{?\s*(?:Uniform|Unif|U|DiscreteUniform)\s*\}?|\\mathcal\s*\{\s*U\s*\}"
DOTS = r"(?:\\ldots|\\dots[bcmio]?|\\cdots|\.\.\.)"
UNIFORM_ON_WHOLE_NUMBERS = re.compile(
    rf"^(?P<name>.+?)\s*\\sim\s*(?:{UNIFORM})\s*(?:\(\s*)?\\\{{\s*(?P<low>[^,{{}}]+?)\s*,\s*(?:(?P<second>[^,{{}}]+?)\s*,\s*)?"
    rf"{DOTS}\s*,\s*(?P<high>[^,{{}}]+?)\s*\\\}}(?:\s*\))?$"
)
UNIFORM_ON_INTERVAL = re.compile(
    rf"^(?P<name>.+?)\s*\\sim\s*(?:{UNIFORM})\s*(?:\\left)?\s*\[\s*(?P<low>[^,\[\]]+?)\s*,\s*(?P<high>[^,\[\]]+?)\s*(?:\\right)?\s*\]$"
)


def _uniform_law(clause: str) -> str:
    r"""``i \sim \text{Uniform}\{1, \ldots, n\}`` is ``i: uniform on 1..n`` (each whole number from 1 to n equally
    likely); ``u \sim \mathcal{U}[a, b]`` is ``u: uniform on [a, b]``."""
    whole = UNIFORM_ON_WHOLE_NUMBERS.match(clause)
    if whole:
        low, second = whole.group("low").strip(), whole.group("second")
        if second and not (NUMBER_TEXT.match(low) and second.strip() == str(int(low) + 1)):
            return clause  # \{0, 2, \ldots, 2n\}: not every whole number between the ends
        return f"{whole.group('name').strip()}: uniform on {low}..{whole.group('high').strip()}"
    interval = UNIFORM_ON_INTERVAL.match(clause)
    if interval:
        name, low, high = (interval.group(g).strip() for g in ("name", "low", "high"))
        return f"{name}: uniform on [{low}, {high}]"
    return clause


POINT_VALUE = re.compile(r"^(?P<name>[^()=]+?)\s*\(\s*(?P<at>-?\d+)\s*\)\s*=\s*(?P<value>[^=]+)$")


def _tables(clauses: list[str]) -> list[str]:
    r"""``p(1) = \frac{1}{2}, p(2) = \frac{1}{2}``: a function given by its values at listed whole numbers is
    one definition by cases (with no value elsewhere), in place of its first value."""
    named = [(clause, POINT_VALUE.match(clause)) for clause in clauses]
    points: dict[str, list] = {}
    for _, point in named:
        if point and NAME.match(point.group("name").strip()):
            points.setdefault(point.group("name").strip(), []).append((int(point.group("at")), point.group("value")))
    tables = {name: values for name, values in points.items() if len({at for at, _ in values}) == len(values) > 1}
    out = []
    for clause, point in named:
        name = point.group("name").strip() if point else None
        if name not in tables:
            out.append(clause)
        elif tables[name] is not None:
            rows = " \\\\ ".join(f"{value.strip()} & u = {at}" for at, value in tables[name])
            out.append(f"{name}(u) = \\begin{{cases}} {rows} \\end{{cases}}")
            tables[name] = None
    return out


INDEPENDENCE = re.compile(
    r"^(?P<names>.+?)(?:\s+|\s*(?P<text>\\(?:text|textrm|mathrm)\{)\s*)(?:are\s+)?(?:mutually\s+)?"
    r"(?:independent|i\.i\.d\.?|iid)(?(text)\s*\}|)$"
)
GIVEN = re.compile(
    r"^.+?\s(?:are\s+)?(?:conditionally\s+|mutually\s+)?(?:independent|i\.i\.d\.?|iid)\s+(?:given|conditional\s+on)\s.+$"
)
PERPENDICULAR = re.compile(
    r"^(?P<left>[^\\]*?(?:\\(?!perp|bot|mid)[A-Za-z]+(?![A-Za-z])[^\\]*?)*)\s*(?:\\perp(?:\s*\\!)*\s*\\perp|\\perp|\\bot)(?![A-Za-z])"
    r"\s*(?P<right>.+?)\s*(?P<given>(?:\\mid|\\vert|\|)\s*.+)?$"
)
LAW_THEN_INDEPENDENT = re.compile(
    r"^(?P<law>.+?\\sim.+?)\s*,?\s*(?:\(?\s*(?:\\text\{\s*)?(?:independent|independently|i\.i\.d\.?|iid)(?:\s*\})?\s*\)?)$"
)
SEVERAL_DRAWN = re.compile(
    r"^\s*(?P<names>[^=:;\\]*(?:\\[A-Za-z]+(?![A-Za-z])[^=:;\\]*)*,[^=:;]*?)\s*\\sim\s*(?P<law>.+)$"
)


def several_drawn(clause: str) -> list[str] | None:
    r"""``X, Y \sim \mathcal{N}(0, 1)``, ``q_i, k_i \sim ...``: one law clause per name, or None when the clause
    draws one name (or its part before \sim is not a list of names)."""
    found = SEVERAL_DRAWN.match(clause)
    if found is None:
        return None
    names = [name.strip() for name in found.group("names").split(",")]
    if len(names) < 2 or not all(NAME.match(name) for name in names):
        return None
    return [f"{name} \\sim {found.group('law').strip()}" for name in names]


def _independence(clauses: list[str]) -> list[str]:
    r"""``X, Y independent`` and a law's trailing ``independent`` say what the tag's laws already mean: random
    variables a tag gives laws (``X \sim ...``) or declares random are independent unless a clause ties them.
    Of a name with neither, independence is refused: a number has no law to be independent in."""
    out, pending = [], []
    for clause in clauses:
        law = LAW_THEN_INDEPENDENT.match(clause)
        if law:
            clause = law.group("law").strip()
        drawn = several_drawn(clause)
        if drawn or law:
            out.extend(drawn or [clause])
            continue
        perp = PERPENDICULAR.match(clause)  # X \perp Y: the sign for X, Y independent
        if GIVEN.match(clause) or perp and perp.group("given"):
            raise SpellingError(
                f"cannot read '{clause}': independence given another variable (conditional independence) is a model"
                " of the joint law, which is not modelled"
            )
        said = INDEPENDENCE.match(f"{perp.group('left')}, {perp.group('right')} independent" if perp else clause)
        names = [n.strip() for n in re.split(r",|\band\b", said.group("names"))] if said else []
        if said and names and all(NAME.match(n) for n in names if n):
            pending.append((clause, [n for n in names if n]))
            continue
        out.append(clause)
    for clause, names in pending:
        for name in names:
            random = re.compile(rf"^{re.escape(name)}\s*(?:\\sim\b|:\s*(?:a\s+)?random\b)")
            declared = [place for place, other in enumerate(out) if random.match(other)]
            for place in declared:  # X: random variable; X, Y independent: the words now say independent
                out[place] = re.sub(r":\s*(?:a\s+)?(?=random\b)", ": independent ", out[place], count=1)
            if not declared:
                raise SpellingError(
                    f"cannot read '{clause}': independence is read of random variables the tag gives a law "
                    f"('{name} \\sim \\mathcal{{N}}(0, 1)') or declares random ('{name}: random')"
                    + (", and orthogonality of vectors is not read" if PERPENDICULAR.match(clause) else "")
                )
    return out


def _is_reading(part: str) -> bool:
    """``assumption: TEXT`` and ``fails-under: TEXT`` keep their text whole."""
    return part.split(":", 1)[0].strip().lower() in ("assumption", "fails-under")


# \overset{\text{iid}}{\sim}, \stackrel{i.i.d.}{\sim}: a draw marked independent, which every law of a tag is
MARKED_DRAW = re.compile(r"\\(?:overset|stackrel)\s*\{(?:[^{}]|\{[^{}]*\})*\}\s*\{\s*\\sim\s*\}")


def _tidy(part: str) -> str:
    part = MARKED_DRAW.sub(r"\\sim ", part)
    part = WORDS_IN_TEXT.sub(lambda m: f" {m.group(1)} " if _prose_at(m) else m.group(0), part)
    part = " ".join(part.split()).strip()
    part = re.sub(r"(?:\s*(?:\\[,;:!]|\\quad|\\qquad|~))+$", "", part)
    part = part.rstrip(".,").strip()
    part = LEAD_WORDS.sub("", part).strip()
    part = _prose_kind(part)
    return DEFINING.sub("=", part, count=1) if "(" not in part.split("=")[0] else part


PROSE_KIND = re.compile(r"^(.+?)\s+(?:is|are)\s+(?:(?:a|an)\s+)?(.+)$")


def _prose_kind(part: str) -> str:
    """``x is real`` is ``x: real``, ``x and y are positive`` is ``x and y: positive``, ``x is in (0, 1)`` a membership."""
    prose = PROSE_KIND.match(part)
    if prose is None or any(mark in part for mark in ("=", ":", "\\in")):
        return part
    names = [n.strip() for n in re.split(r",|\band\b", prose.group(1))]
    if not all(NAME.match(n) for n in names if n) or not any(names):
        return part
    kind = prose.group(2).strip()
    return f"{prose.group(1)} \\in {kind[3:]}" if kind.startswith("in ") else f"{prose.group(1)}: {kind}"


def _prose_at(match: re.Match) -> bool:
    """Whether a matched \\text{...} is prose: never as a subscript, where it labels a name (n_\\textrm{in})."""
    return _prose(match.group(1)) and not re.search(r"_\s*\{?\s*$", match.string[: match.start()])


def _prose(words: str) -> bool:
    """Whether the words of a \\text{...} are prose ("where", "real", "is a vector"), not a name (\\text{ref})."""
    lowered = words.lower().strip()
    return " " in lowered or lowered in PROSE_WORDS


PROSE_WORDS = {
    "where",
    "with",
    "let",
    "for",
    "and",
    "given",
    "is",
    "in",
    "real",
    "positive",
    "vector",
    "matrix",
    "scalar",
}


def _split_top(text: str, separators) -> list[str]:
    """``text`` split at the separators that stand outside brackets (an interval's ``[0, 1)`` counts as one)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        if text.startswith("\\begin", i):
            depth += 1
        elif text.startswith("\\end", i):
            depth -= 1
        char = text[i]
        if char == "\\" and i + 1 < len(text) and not text[i + 1].isalpha():
            i += 2  # \{ \} \, \; are one token
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif depth <= 0:
            for separator in separators:
                if text.startswith(separator, i) and _word_bounded(text, i, separator):
                    parts.append(text[start:i])
                    start = i + len(separator)
                    i = start - 1
                    break
        i += 1
    parts.append(text[start:])
    return parts


def _word_bounded(text, i, separator) -> bool:
    if not (separator[:1].isalpha() or separator[-1:].isalpha()):
        return True
    return (i == 0 or not text[i - 1].isalnum()) and not text[i + len(separator) : i + len(separator) + 1].isalnum()


def _split_list(part: str) -> list[str]:
    """``a > 0, b > 0`` (two clauses), ``a, b > 0`` and ``a, b: positive`` (one clause for two names)."""
    part = SAID_IID.sub("i.i.d.", part)  # X, Y: independent and identically distributed: one kind, not two pieces
    pieces = [_tidy(p) for p in _split_top(part, (",", " and ", "\\text{ and }", "\\quad", "\\qquad", "\\text{and}"))]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2:
        return [part]
    between = _between(pieces)
    if between is not None:
        return between
    clauses, names = [], []
    for piece in pieces:
        if NAME.match(piece):
            names.append(piece)
            continue
        if WORD_CLAUSE.match(piece) and not names:  # mean \mu, variance \sigma^2
            clauses.append(piece)
            continue
        if not OPERATOR.search(piece):
            return [part]  # a kind with a comma in it, or prose: left whole, read (or refused) as written
        if names:
            head = _leading_name(piece)
            if head is None:
                return [part]
            clauses.extend(f"{name}{piece[len(head) :]}" for name in names)
            names = []
        clauses.append(piece)
    if names:
        return [part]
    return clauses


LOWER = re.compile(r"^(?P<bound>\S+)\s*(?P<rel><|\\le|\\leq|\\lt)\s*(?P<name>.+)$")
UPPER = re.compile(r"^(?P<name>.+?)\s*(?P<rel><|\\le|\\leq|\\lt)\s*(?P<bound>\S+)$")


def _between(pieces) -> list[str] | None:
    """``0 < a, b < 1``: every name listed between the two bounds."""
    first, last = LOWER.match(pieces[0]), UPPER.match(pieces[-1])
    if first is None or last is None or OPERATOR.search(first.group("name")) or OPERATOR.search(last.group("name")):
        return None
    names = [first.group("name").strip(), *pieces[1:-1], last.group("name").strip()]
    if not all(NAME.match(name) for name in names):
        return None
    return [
        f"{first.group('bound')} {first.group('rel')} {name} {last.group('rel')} {last.group('bound')}"
        for name in names
    ]


WORD_CLAUSE = re.compile(
    r"^(?:mean|variance|one-hot|log base|h in bits|in bits|equal dimensions|distinct dimensions|erratum)\b",
    re.IGNORECASE,
)


def _leading_name(piece: str) -> str | None:
    """The name a clause opens with (``b`` in ``b > 0``, ``b: positive``, ``b \\in \\mathbb{R}``)."""
    match = OPERATOR.search(piece)
    head = piece[: match.start()].rstrip()
    return piece[: len(head)] if head and NAME.match(head.strip()) else None


# --- membership: NAME \in SET --------------------------------------------------------------------------

MEMBERSHIP = re.compile(r"^(.+?)\s*(?:\\in(?![A-Za-z])|∈)\s*(.+)$")
BLACKBOARD = r"(?:\\mathbb\s*\{\s*(?P<L1>[RNZQC])\s*\}|\\mathbb\s+(?P<L2>[RNZQC])|\\(?P<L3>R|N|Z|Reals|Naturals|Integers)(?![A-Za-z])|\\mathbf\s*\{\s*(?P<L4>[RNZ])\s*\})"
SET_SUB = r"(?:\s*_\s*(?:\{(?P<sub>[^{}]*)\}|(?P<subc>[+0-9])))?"
SET_SUP = r"(?:\s*\^\s*(?:\{(?P<sup>[^{}]*(?:\{[^{}]*\}[^{}]*)*)\}|(?P<supc>[A-Za-z0-9+]|\\[A-Za-z]+)))?"
SET_SUB2 = r"(?:\s*_\s*(?:\{(?P<sub2>[^{}]*)\}|(?P<sub2c>[+0-9])))?"
NUMBER_SET = re.compile(rf"^{BLACKBOARD}{SET_SUB}{SET_SUP}{SET_SUB2}$")
SIMPLEX = re.compile(
    r"^\\Delta\s*(?:_\s*(?:\{(?P<sub>[^{}]*)\}|(?P<subc>[A-Za-z0-9]))|\^\s*(?:\{(?P<sup>[^{}]*)\}|(?P<supc>[A-Za-z0-9]))|\s*\((?P<arg>[^()]*)\))?$"
)
INTERVAL = re.compile(
    r"^(?:\\left\s*)?(?P<open>\(|\[|\]|\\lbrack|\\\()\s*(?P<low>[^,]+?)\s*,\s*(?P<high>[^,]+?)\s*(?:\\right\s*)?(?P<close>\)|\]|\[|\\rbrack|\\\))$"
)
LE, GE = "\\le", "\\ge"
INFINITY = re.compile(r"^[+-]?\s*\\infty$")
POSITIVE_SUBSCRIPTS = {"+", ">0", "++", "\\gt0"}
NONNEGATIVE_SUBSCRIPTS = {"\\ge0", ">=0", "0"}
KNOWN_SETS = (
    "\\mathbb{R}, \\mathbb{R}_{>0}, \\mathbb{R}^n, \\mathbb{R}^{m \\times n}, \\mathbb{N}, \\mathbb{Z}, "
    "an interval such as (0, 1) or [0, 1), or the simplex \\Delta^{n-1}"
)


def membership(clause: str) -> list[str] | None:
    """The clauses ``NAME \\in SET`` says, or None if it is no membership."""
    match = MEMBERSHIP.match(clause)
    if match is None:
        return None
    name, space = match.group(1).strip(), " ".join(match.group(2).split())
    if re.search(r"=|<|>|\\le|\\ge|:", name):  # \in inside a definition or a range, not a membership
        return None
    names = [part.strip() for part in name.split(",")]
    if len(names) > 1 and all(NAME.match(part) for part in names):  # j, k \in \{1, \ldots, q\}: each name
        return [read for part in names for read in membership(f"{part} \\in {match.group(2)}")]
    if not NAME.match(name) and not APPLIED.match(name):
        raise SpellingError(f"cannot read the clause '{clause}': write 'NAME \\in SET' with one name before \\in")
    space = re.sub(r"\\(?:left|right|big|Big)(?![A-Za-z])\s*", "", space)
    qualified = QUALIFIER.match(space)
    if qualified:  # every sampled value is bounded; a sampled vector of two or more entries is not constant
        space = qualified.group("set")
        found = membership(f"{name} \\in {space}")
        if qualified.group("word").lower().startswith("bounded") or found is None:
            return found
        size = re.fullmatch(r"(?P<name>\S+): (?:positive )?vector over (?P<size>\S+)", found[0]) if found else None
        if size is None:
            raise SpellingError(f"cannot read '{clause}': 'not constant' is read of a vector in \\mathbb{{R}}^n")
        return [*found, f"{size.group('size')} \\ge 2"]
    if not NAME.match(name):  # w_t(i) \in [0, 1]: the value of a function at those arguments
        return _value_in(name, space, clause)
    for read in (_number_set, _interval, _simplex, _index_set, _listed):
        found = read(name, space)
        if found is not None:
            return found
    if ABSTRACT_SET.match(space):  # s \in \mathcal{S}: an element of a set the formula does not describe
        return [f"{name}: element"]
    raise SpellingError(f"cannot read the set '{space}' in '{clause}': write one of {KNOWN_SETS}")


QUALIFIER = re.compile(
    r"^(?P<set>.+?)\s*,?\s+(?P<word>bounded|not\s+constant|non-constant|nonconstant)$", re.IGNORECASE
)
ABSTRACT_SET = re.compile(r"^\\(?:mathcal|mathscr|mathfrak)\s*\{\s*[A-Za-z]\s*\}(?:\s*_\s*(?:\{[^{}]*\}|\w))?$")


APPLIED = re.compile(r"^[^()\s]+\s*\([^()]*\)$")
LISTED = re.compile(r"^\\\{\s*(-?\d+(?:\s*,\s*-?\d+)*)\s*(,\s*(?:\\ldots|\\dots|\\cdots|\.\.\.)\s*)?\\\}$")
LISTED_POWER = re.compile(r"^\\\{\s*(-?\d+(?:\s*,\s*-?\d+)+)\s*\\\}\s*\^\s*(?:\{\s*([A-Za-z])\s*\}|([A-Za-z]))$")


def _listed(name, space):
    """``y \\in \\{-1, 1\\}`` (each listed whole number), ``k \\in \\{0, 1, 2, \\ldots\\}`` (every whole number from 0)."""
    power = LISTED_POWER.match(space)
    if power:  # \mathbf{x} \in \{0, 1\}^n: a vector of n entries, each one of the listed numbers
        values = sorted({int(v) for v in power.group(1).split(",")})
        return [f"{name}: one of {', '.join(str(v) for v in values)} over {power.group(2) or power.group(3)}"]
    match = LISTED.match(space)
    if match is None:
        return None
    values = [int(v) for v in match.group(1).split(",")]
    if match.group(2):  # 0, 1, 2, ...: every whole number from the first on, if the listed ones count up by one
        if values != list(range(values[0], values[0] + len(values))) or values[0] < 0:
            raise SpellingError(
                f"cannot read the set '{space}': write the whole numbers from a first one on, counting up by one"
                " (\\{0, 1, 2, \\ldots\\}, \\{2, 3, \\ldots\\})"
            )
        if values[0] > 1:  # \{2, 3, \ldots\}: the positive integers from 2 on
            return [f"{name}: positive integer", f"{name} \\ge {values[0]}"]
        return [f"{name}: {'nonnegative' if values[0] == 0 else 'positive'} integer"]
    if len(set(values)) < 2:
        raise SpellingError(f"the set '{space}' has one value: write '{name} = {values[0]}'")
    return [f"{name}: one of {', '.join(str(v) for v in sorted(set(values)))}"]


def _value_in(name, space, clause):
    """``w_t(i) \\in [0, 1]``: a function's value at those arguments, a number of that kind."""
    if re.fullmatch(r"[(\[]\s*0\s*,\s*1\s*[)\]]", space):
        return [f"{name}: probability"]
    read = _number_set(name, space) if NUMBER_SET.match(space) else None
    if read in ([f"{name}: real"], [f"{name}: positive"]):
        return read
    raise SpellingError(
        f"cannot read '{clause}': for the value of a function write \\mathbb{{R}}, \\mathbb{{R}}_{{>0}} or [0, 1]"
    )


def _number_set(name, space):
    match = NUMBER_SET.match(space)
    if match is None:
        return None
    letter = next(match.group(g) for g in ("L1", "L2", "L3", "L4") if match.group(g))
    letter = {"Reals": "R", "Naturals": "N", "Integers": "Z"}.get(letter, letter)
    sub = _squash(match.group("sub") or match.group("subc") or match.group("sub2") or match.group("sub2c") or "")
    sup = (match.group("sup") or match.group("supc") or "").strip()
    if letter in "QC":
        raise SpellingError(
            f"{'complex' if letter == 'C' else 'rational'} numbers are not modelled: write {name} \\in \\mathbb{{R}} for a real"
        )
    positive = sub in POSITIVE_SUBSCRIPTS or sup in ("+", "++") or letter in "NZ" and sub in ("\\ge1", "\\gt0")
    positive = positive or letter == "N" and sub == "1"
    nonnegative = sub in NONNEGATIVE_SUBSCRIPTS
    if sub and not positive and not nonnegative:
        raise SpellingError(f"cannot read the subscript {sub} of the set in '{name} \\in {space}': write {KNOWN_SETS}")
    if sup in ("+", "++"):
        sup = ""
    if letter == "R":
        if sup and sup != "1":
            return [_vector_or_matrix(name, sup, positive, nonnegative, space)]
        if positive:
            return [f"{name}: positive"]
        if nonnegative:
            return [f"{name}: real", f"{name} \\ge 0"]
        return [f"{name}: real"]
    if sup:
        raise SpellingError(f"vectors of integers are not modelled ('{name} \\in {space}'): write {name}: vector")
    if letter == "N":
        return [f"{name}: nonnegative integer" if nonnegative else f"{name}: positive integer"]
    if positive:
        return [f"{name}: positive integer"]
    if nonnegative:
        return [f"{name}: nonnegative integer"]
    return [f"{name}: integer"]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("\\geqslant", "\\ge").replace("\\geq", "\\ge")


def _vector_or_matrix(name, sup, positive, nonnegative, space) -> str:
    sizes = [s.strip() for s in re.split(r"\\times|×|\\cdot", sup)]
    if len(sizes) > 2 or not all(sizes):
        raise SpellingError(f"arrays of more than two axes are not modelled ('{name} \\in {space}')")
    if nonnegative:
        raise SpellingError(f"a vector with non-negative entries is not modelled: write '{name}: positive vector'")
    if len(sizes) == 2 and sizes[0] == "1" and sizes[1] != "1" and not positive:  # a row 1 × n: x W, x x^\top
        return f"{name}: row vector over {sizes[1]}"
    if len(sizes) == 2 and "1" in sizes:  # a column n × 1 (or a positive row, read as a vector of its entries)
        sizes = [s for s in sizes if s != "1"] or ["1"]
    if len(sizes) == 1:
        return f"{name}: {'positive ' if positive else ''}vector over {sizes[0]}"
    if positive:
        raise SpellingError(f"a matrix with positive entries is not modelled: write '{name}: matrix'")
    return f"{name}: matrix over {sizes[0]} by {sizes[1]}"


def _interval(name, space):
    match = INTERVAL.match(space)
    if match is None:
        return None
    low, high = match.group("low").strip(), match.group("high").strip()
    open_low = match.group("open") in ("(", "]", "\\(")
    open_high = match.group("close") in (")", "[", "\\)")
    clauses = [f"{name}: real"]
    low = None if INFINITY.match(low) and low.lstrip().startswith("-") else low
    high = None if INFINITY.match(high) and not high.lstrip().startswith("-") else high
    if low is not None and INFINITY.match(low) or high is not None and INFINITY.match(high):
        raise SpellingError(f"the interval '{space}' is empty")
    below, above = ("<" if open_low else LE), ("<" if open_high else LE)
    if low is not None and high is not None:
        clauses.append(f"{low} {below} {name} {above} {high}")
    elif low is not None:
        clauses.append(f"{name} {'>' if open_low else GE} {low}")
    elif high is not None:
        clauses.append(f"{name} {above} {high}")
    return clauses


def _simplex(name, space):
    match = SIMPLEX.match(space)
    if match is None:
        return None
    sub, sup = match.group("sub") or match.group("subc"), match.group("sup") or match.group("supc")
    if sub:
        return [f"{name}: distribution over {sub.strip()}"]
    less_one = re.fullmatch(r"\s*(.+?)\s*-\s*1\s*", sup or "")
    if less_one:
        return [f"{name}: distribution over {less_one.group(1)}"]
    return [f"{name}: distribution"]  # Δ^K, Δ(Y): a probability vector over the notation's own size


INDEX_SET = re.compile(
    r"^(?:\\\{\s*1\s*,\s*(?:2\s*,\s*)?(?:\\ldots|\\dots|\\cdots|\.\.\.)\s*,\s*(?P<last>[^{},]+?)\s*\\\}"
    r"|\[\s*(?P<bracketed>[A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)\s*\])$"
)


def _index_set(name, space):
    """``t \\in \\{1, \\ldots, T\\}`` or ``i \\in [n]``: a whole number from 1 to that bound (itself a whole number)."""
    match = INDEX_SET.match(space)
    if match is None:
        return None
    last = (match.group("last") or match.group("bracketed")).strip()
    if NUMBER_TEXT.match(last):
        return [f"{name}: positive integer", f"{name} \\le {last}"]
    multiple = MULTIPLE_OF_NAME.match(last)  # \{1, \ldots, 2N\}: N is the whole number
    bound = multiple.group("name") if multiple else last
    return [f"{name}: positive integer", f"{bound}: positive integer", f"{name} \\le {last}"]


MULTIPLE_OF_NAME = re.compile(r"^\d+\s*(?P<name>\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)$")


NUMBER_TEXT = re.compile(r"^\d+$")


# --- kinds written in words ---------------------------------------------------------------------------

ARTICLES = re.compile(r"^(?:a|an|the|any|some|one|arbitrary\s+real)\s+", re.IGNORECASE)
SIZED_VECTOR = re.compile(
    r"^(?P<size>[A-Za-z0-9_{}\\]+)\s*-?\s*(?:dimensional|dim\.?|d|vector\s+of\s+length)\s+(?P<rest>.*vector|embedding|logits)$"
)
VECTOR_OF_SIZE = re.compile(
    r"^(?P<rest>.*?vector|embedding)\s+(?:of|with)\s+(?:length|size|dimension|dim)\s+(?P<size>\S+)$"
)
SIZED_MATRIX = re.compile(r"^(?P<rows>[^ ]+?)\s*(?:\\times|×|x|by)\s*(?P<cols>[^ ]+?)\s+(?P<rest>.*matrix)$")
IN_SET = re.compile(r"^(?P<rest>.*?)\s+in\s+(?P<set>\\mathbb.*|\\R\b.*|\\Delta.*|[(\[].*)$")
FUNCTION_ADJECTIVES = {
    "",
    "arbitrary",
    "any",
    "differentiable",
    "smooth",
    "real",
    "scalar",
    "real-valued",
    "generic",
    "continuous",
    "activation",
    "nonlinear",
    "non-linear",
    "elementwise",
    "unknown",
    "some",
    "twice differentiable",
    "differentiable real",
    "smooth real",
}
PHI = r"\frac{1}{2}\left(1 + \operatorname{erf}\left(\frac{u}{\sqrt{2}}\right)\right)"
# functions of two arguments and constants named in words: the clause that defines them
NAMED_BY_TWO = {"beta function": r"(u, v) = \frac{\Gamma(u)\Gamma(v)}{\Gamma(u + v)}"}
# functions of an order written as the name's subscript (K_\nu): the clause that defines them at the order
BESSEL_KINDS = {
    "bessel function of the first kind": "besselj",
    "bessel function of the second kind": "bessely",
    "modified bessel function of the first kind": "besseli",
    "modified bessel function of the second kind": "besselk",
}
EULER_GAMMA = "0.57721566490153286060651209008240243104215933593992359880576723488486772677766467093694706329174674951"
NAMED_CONSTANTS = {
    "euler-mascheroni constant": EULER_GAMMA,
    "euler–mascheroni constant": EULER_GAMMA,
    "euler mascheroni constant": EULER_GAMMA,
    "euler's constant": EULER_GAMMA,
}
NAMED_FUNCTIONS = {
    "sigmoid": r"\frac{1}{1 + e^{-u}}",
    "logistic": r"\frac{1}{1 + e^{-u}}",
    "logistic sigmoid": r"\frac{1}{1 + e^{-u}}",
    "standard logistic": r"\frac{1}{1 + e^{-u}}",
    "tanh": r"\tanh(u)",
    "hyperbolic tangent": r"\tanh(u)",
    "relu": r"\max(0, u)",
    "rectifier": r"\max(0, u)",
    "rectified linear unit": r"\max(0, u)",
    "softplus": r"\log(1 + e^{u})",
    "exponential": r"e^{u}",
    "exp": r"e^{u}",
    "natural logarithm": r"\log u",
    "natural log": r"\log u",
    "logarithm": r"\log u",
    "log": r"\log u",
    "identity": r"u",
    "softmax": r"\operatorname{softmax}(u)",
    "standard normal cdf": PHI,
    "standard gaussian cdf": PHI,
    "gaussian cdf": PHI,
    "normal cdf": PHI,
    "cdf of the standard normal": PHI,
    "cdf of the standard normal distribution": PHI,
    "standard normal cumulative distribution function": PHI,
    "cumulative distribution function of the standard normal": PHI,
    "cumulative distribution function of the standard normal distribution": PHI,
    "standard normal pdf": r"\frac{1}{\sqrt{2\pi}} e^{-u^2/2}",
    "standard normal density": r"\frac{1}{\sqrt{2\pi}} e^{-u^2/2}",
    "error function": r"\operatorname{erf}(u)",
    "complementary error function": r"\operatorname{erfc}(u)",
    "gamma function": r"\Gamma(u)",
    "digamma function": r"\frac{d}{du} \ln \Gamma(u)",
    "log-softmax": r"\log \operatorname{softmax}(u)",
    "log softmax": r"\log \operatorname{softmax}(u)",
}
KIND_PHRASES = {
    # scalars
    "real": "real",
    "real number": "real",
    "real scalar": "real",
    "scalar": "real",
    "number": "real",
    "real value": "real",
    "real-valued scalar": "real",
    "real-valued": "real",
    "constant": "real",
    "real constant": "real",
    "coefficient": "real",
    "real coefficient": "real",
    "scalar constant": "real",
    "positive": "positive",
    "positive real": "positive",
    "positive number": "positive",
    "positive scalar": "positive",
    "positive constant": "positive",
    "positive real number": "positive",
    "strictly positive": "positive",
    "small positive": "positive",
    "small positive number": "positive",
    "small positive constant": "positive",
    "positive temperature": "positive",
    "learning rate": "positive",
    "step size": "positive",
    "standard deviation": "positive",
    "scale": "scale",
    "temperature": "temperature",
    "probability": "probability",
    "number in (0, 1)": "probability",
    "discount factor": "probability",
    "advantage": "advantage",
    # integers
    "positive integer": "positive integer",
    "natural number": "positive integer",
    "natural": "positive integer",
    "positive whole number": "positive integer",
    "count": "positive integer",
    "time step": "positive integer",
    "timestep": "positive integer",
    "step": "positive integer",
    "iteration": "positive integer",
    "nonnegative integer": "nonnegative integer",
    "non-negative integer": "nonnegative integer",
    "integer": "integer",
    "whole number": "integer",
    # vectors and matrices
    "vector": "vector",
    "real vector": "vector",
    "column vector": "vector",
    "row vector": "row vector",  # a 1 x n row: x W, x x^\\top
    "real-valued vector": "vector",
    "vector of reals": "vector",
    "vector of real numbers": "vector",
    "weight vector": "vector",
    "feature vector": "vector",
    "input vector": "vector",
    "parameter vector": "vector",
    "embedding": "vector",
    "embedding vector": "vector",
    "real column vector": "vector",
    "logits": "logits",
    "logit vector": "logits",
    "vector of logits": "logits",
    "distribution": "distribution",
    "probability vector": "distribution",
    "probability distribution": "distribution",
    "discrete distribution": "distribution",
    "categorical distribution": "distribution",
    "discrete probability distribution": "distribution",
    "probability mass function": "distribution",
    "pmf": "distribution",
    "positive vector": "positive vector",
    "vector with positive entries": "positive vector",
    "matrix": "matrix",
    "real matrix": "matrix",
    "square matrix": "matrix",
    "weight matrix": "matrix",
    "real square matrix": "matrix",
    "matrix of reals": "matrix",
    "covariance matrix": "symmetric positive definite matrix",
    "spd matrix": "symmetric positive definite matrix",
    "random variable": "random variable",  # not said to be independent (derive.docs.chance.UNSAID)
    "real random variable": "random variable",
    "diagonal matrix": "diagonal matrix",
    "symmetric matrix": "symmetric matrix",
    "invertible matrix": "matrix",
    "nonsingular matrix": "matrix",
    "non-singular matrix": "matrix",
    "random": "random",
    "real-valued random variable": "random variable",
}


def kind_phrase(name: str, kind: str) -> list[str] | None:
    """The clauses ``NAME: KIND`` says when KIND is written in words ("n-dimensional vector", "the sigmoid"),
    or None to leave the clause as written (a kind :mod:`derive.docs.tags` reads itself)."""
    words = WORDS_IN_TEXT.sub(lambda m: m.group(1), kind)
    words = " ".join(words.replace("~", " ").split()).rstrip(".").strip()
    lowered = ARTICLES.sub("", words.lower()).strip()
    written, lowered = lowered, " ".join(SINGULAR.get(word, word) for word in lowered.split())  # "real functions"
    lowered = re.sub(r"^(?:real|real-valued)\s+(?=\S+-?dimensional)", "", lowered)
    if re.fullmatch(r"(?:the\s+)?entropy\s+(?:measured\s+)?in\s+bits", lowered) and name.strip() == "H":
        return ["H in bits"]  # H: entropy in bits
    joint = JOINT_OUTCOMES.match(words)
    if joint:  # X, Y: random variables with joint distribution p(x, y): outcomes of one law p, not independent
        return [f"joint law {_law_written(joint)} of {name}"]
    if re.match(r"(?:very\s+)?large\s", lowered):  # n: large positive integer: ≈ as n grows, = for every n
        rest = lowered.split(None, 1 + lowered.startswith("very"))[-1]
        return [f"{name}: {rest}", f"{name} \\to \\infty"]
    said_apart = SAID_APART.match(lowered)
    if said_apart:  # x_i: iid, X: independent random variable: random variables the tag says are independent
        return [f"{name}: {'iid' if said_apart.group('iid') else 'independent'} random"]
    if lowered in KIND_PHRASES:
        canonical = KIND_PHRASES[lowered]
        return None if canonical == written else [f"{name}: {canonical}"]
    plain = _plain_kind(lowered)
    if plain in KIND_PHRASES:
        said = KIND_PHRASES[plain]
        return [f"{name}: {'random' if said == 'random variable' and INDEPENDENT.match(lowered) else said}"]
    if lowered in NAMED_BY_TWO:
        return [f"{name}{NAMED_BY_TWO[lowered]}"]
    order = re.fullmatch(r"\s*([^_\s]+)\s*_\s*(\S.*?)\s*", name)
    if lowered in BESSEL_KINDS and order:  # K_\nu: the modified Bessel function of the second kind of order ν
        return [f"{name}(u) = \\operatorname{{{BESSEL_KINDS[lowered]}}}({order.group(2)}, u)"]
    if lowered in NAMED_CONSTANTS:
        return [f"{name} = {NAMED_CONSTANTS[lowered]}"]
    stripped = lowered.removesuffix(" function").strip()
    if stripped in NAMED_FUNCTIONS or lowered in NAMED_FUNCTIONS:
        bare = re.sub(r"\\(?:operatorname|mathrm|text|textrm)\s*\{\s*(\w+)\s*\}|\\(\w+)", r"\1\2", name).lower()
        if bare.strip() in (stripped, lowered):  # \mathrm{softmax}: softmax, \tanh: tanh: the notation's own
            return []
        body = NAMED_FUNCTIONS.get(lowered) or NAMED_FUNCTIONS[stripped]
        return [f"{name}(u) = {body}"]
    if lowered.endswith("function") and stripped in FUNCTION_ADJECTIVES:
        return [f"{name}: function"]
    sized = SIZED_VECTOR.match(ARTICLES.sub("", words).strip())
    if sized and _phrase(sized.group("rest")) in VECTOR_KINDS:
        return [f"{name}: {_phrase(sized.group('rest'))} over {sized.group('size')}"]
    sized = VECTOR_OF_SIZE.match(ARTICLES.sub("", words).strip())
    if sized and _phrase(sized.group("rest")) in VECTOR_KINDS:
        return [f"{name}: {_phrase(sized.group('rest'))} over {sized.group('size')}"]
    sized = SIZED_MATRIX.match(ARTICLES.sub("", words).strip())
    if sized and _phrase(sized.group("rest")) == "matrix":
        return [f"{name}: matrix over {sized.group('rows')} by {sized.group('cols')}"]
    inside = IN_SET.match(ARTICLES.sub("", words).strip())
    if inside and (
        _phrase(inside.group("rest")) in KIND_PHRASES.values() or inside.group("rest").lower() in KIND_PHRASES
    ):
        return membership(f"{name} \\in {inside.group('set')}")
    return None


def _law_written(joint: re.Match) -> str:
    r"""The joint law's name in one word: ``\hat{p}`` for ``\hat p``, ``P_{XY}`` for ``P_{X Y}``."""
    accent, letter, label = joint.group("accent", "letter", "label")
    return (f"\\{accent}{{{letter}}}" if accent else letter) + "".join((label or "").split())


JOINT_OUTCOMES = re.compile(
    r"^(?:(?:a|the)\s+)?(?:discrete\s+|jointly\s+distributed\s+)?random\s+variables?\s+with\s+(?:a\s+|the\s+)?"
    r"joint\s+(?:distribution|law|pmf|probability\s+mass\s+function)\s+"
    r"(?P<law>(?:\\(?P<accent>hat|tilde|bar|widehat|widetilde)\s*\{?\s*)?(?P<letter>p|q|P|Q)(?(accent)\s*\}?|)"
    r"(?P<label>\s*_\s*(?:\{\s*[A-Z](?:\s*,?\s*[A-Z])*\s*\}|[A-Z]))?)(?:\s*\([^()]*\))?$",
    re.IGNORECASE,
)
SINGULAR = {
    "reals": "real",
    "numbers": "number",
    "scalars": "scalar",
    "constants": "constant",
    "integers": "integer",
    "vectors": "vector",
    "matrices": "matrix",
    "distributions": "distribution",
    "variables": "variable",
    "functions": "function",
    "probabilities": "probability",
    "embeddings": "embedding",
}
# words that say no more than the kind after them already does: every sampled square matrix is invertible (with
# probability one), variables of a tag are independent unless a clause ties them, a distribution is on a finite set
INDEPENDENT = re.compile(r"^(?:independent|mutually independent|i\.i\.d\.|iid)\s+")
SAID_IID = re.compile(r"\bindependent(?:\s+and|\s*,)\s+identically\s+distributed\b", re.IGNORECASE)
# independence said as the kind itself: of one law too (iid), or only apart (independent), of random variables
SAID_APART = re.compile(
    r"^(?:(?P<iid>i\.i\.d\.?|iid|independent(?:\s+and|,)\s+identically\s+distributed)|(?:mutually\s+)?independent)"
    r"(?:\s+(?:real(?:-valued)?\s+)?random(?:\s+variable)?)?$"
)
MATRIX_ADJECTIVES = re.compile(r"\b(?:invertible|nonsingular|non-singular|square|full-rank|full rank)\s+(?=.*matrix$)")
FINITE_SET = re.compile(r"\s+(?:on|over)\s+(?:a|the\s+same)\s+finite\s+set$")


def _plain_kind(lowered: str) -> str:
    """A kind (made singular by the caller) in plain words: "independent" dropped before a number or a random
    variable, "invertible square" before a matrix, "on a finite set" after a distribution; "variable" after a
    number kind is the number ("independent real variable" is "real")."""
    words = lowered
    independent = INDEPENDENT.match(words)
    if independent:
        words = words[independent.end() :]
    words = MATRIX_ADJECTIVES.sub("", words)
    words = FINITE_SET.sub("", words) if words.endswith("finite set") and "distribution" in words else words
    if words.endswith(" variable") and not words.endswith("random variable"):
        words = words.removesuffix(" variable")
    if independent and KIND_PHRASES.get(words) not in ("real", "positive", "random", "random variable"):
        return lowered  # independent vectors or matrices: left as written
    return words


def _phrase(words: str) -> str:
    lowered = ARTICLES.sub("", " ".join(words.lower().split()))
    return KIND_PHRASES.get(lowered, lowered)
