r"""A derivative by a parameter that only labels a function, ``\nabla_\theta \log \pi_\theta(a \mid s)``: how
``\pi_\theta`` depends on θ is not written, so no verdict.

Read as written, ``\pi_\theta(a \mid s)`` is a law (or a function) of its arguments, and θ only its label: every
derivative by θ would be 0, and ``\nabla_\theta \log \pi_\theta = \nabla_\theta \pi_\theta`` would hold. A formula
that differentiates by the label of a function it applies or draws from (``x \sim p_\theta``) is UNKNOWN unless the tag states how the function depends
on it (``\pi_\theta(a \mid s): function of \theta``, or a definition ``p_\theta(x) = \sigma(\theta x)``).
A tag that defines a function of θ whose body writes θ only as such a label (``J(\theta) = \sum_y \pi_\theta(y)
R(y)``) states it: J varies with θ only through the functions θ labels, so each is a function of θ.
"""

from __future__ import annotations

import re

from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

NAME = r"\\?[A-Za-z]+"
LABEL = r"(?:\{\s*\\?([A-Za-z]+)(?:_[^{}]*|_\{[^{}]*\})?\s*\}|\\?([A-Za-z]+))"  # θ, {\theta}, {\theta_{old}}
DERIVATIVE_BY = re.compile(
    rf"\\nabla\s*_\s*{LABEL}|\\partial\s*_\s*{LABEL}|\\frac\s*\{{\s*\\partial[^{{}}]*\}}\s*\{{\s*\\partial\s*{LABEL}"
    rf"|\\frac\s*\{{\s*d[^{{}}]*\}}\s*\{{\s*d\s*{LABEL}"
)
# π_θ(a | s) applied, or drawn from: x \sim p_\theta
LABELLED = re.compile(rf"(?P<name>{NAME})\s*_\s*{LABEL}\s*(?:\\left\s*)?\(|\\sim\s*(?P<drawn>{NAME})\s*_\s*{LABEL}")
# said of a formula read with each function a label names taking the label as an argument (π_θ(y) as π(θ, y))
LABEL_AS_ARGUMENT = "read as a function of its label"
OPERATORS = {"nabla", "partial", "sum", "prod", "max", "min", "argmax", "argmin", "lim", "int", "E", "mathbb", "frac"}


def labelled_derivative_doubt(text: str, binding, verdict: Verdict) -> Verdict:
    """UNKNOWN in place of a verdict on a formula that differentiates by the label of a function it applies."""
    if verdict.verdict not in (PASS, FAIL) or LABEL_AS_ARGUMENT in verdict.detail:
        return verdict
    by = {_label(m) for m in DERIVATIVE_BY.finditer(text)}
    for application in LABELLED.finditer(text):
        label = _label(application)
        name = (application.group("name") or application.group("drawn")).lstrip("\\")
        if label in by and name not in OPERATORS and not _declared(binding, name, label):
            return Verdict(
                UNKNOWN,
                f"the formula differentiates by {label}, which only labels {name}_{label}: how {name}_{label} depends"
                f" on {label} is not written (read as written, every derivative by {label} is 0); declare it in the tag"
                f" ('{name}_{label}(...): function of {label}', or its definition)",
            )
    return verdict


def _label(match) -> str:
    """The label a match spells: its first group written, the name of the application aside."""
    names = {match.re.groupindex.get("name"), match.re.groupindex.get("drawn")}
    return next(g for number, g in enumerate(match.groups(), start=1) if g and number not in names)


def _declared(binding, name: str, label: str) -> bool:
    """Whether the tag says what the labelled function is: a kind or a definition of it, or the result whose
    notation defines it (\\pi_\\theta under reinforce_log_derivative)."""
    if binding is None:
        return False
    key = f"{name}_{label}"
    if binding.result:
        from derive.registry import load
        from derive.vocabulary import vocabulary_for

        if key in vocabulary_for(load(binding.result)).entries:
            return True
    written = [*binding.kinds, *binding.overrides, *(getattr(c, "name", "") for c in binding.clauses)]
    return any(re.sub(r"[\\{}\s]", "", str(k)).startswith(key) for k in written)


def labels_of_defined_functions(binding) -> None:
    """Declare a function of θ each function a tag's definition of a function of θ applies under the label θ, where
    the body writes θ nowhere else (``J(\\theta) = \\sum_y \\pi_\\theta(y) R(y)``: π_θ(y) a function of θ), unless
    the tag already says what it is."""
    from derive.docs.tags import FunctionClause, TagError, _key

    for clause in binding.clauses:
        if not isinstance(clause, FunctionClause):
            continue
        for application in LABELLED.finditer(clause.body):
            label, name = _label(application), application.group("name")
            if name is None or label not in clause.params or name.lstrip("\\") in OPERATORS:
                continue
            spelled = clause.body[application.end("name") : application.end() - 1].strip().removeprefix("_").strip()
            if spelled.startswith("{") and spelled.endswith("}"):
                spelled = spelled[1:-1].strip()
            try:
                if _key(spelled) != label or _written_apart(clause.body, label):
                    continue  # \\pi_{\\theta_{old}}: another label; J(\\theta) = \\theta + ...: θ apart
            except TagError:
                continue
            if not _declared(binding, name.lstrip("\\"), label):
                written = clause.body[application.start("name") : _closing(clause.body, application.end() - 1) + 1]
                binding.kinds[written] = f"function of {spelled}"


def _closing(text: str, opening: int) -> int:
    """Where the bracket opened at ``opening`` closes (the text's end when it does not)."""
    depth = 0
    for at in range(opening, len(text)):
        depth += {"(": 1, ")": -1}.get(text[at], 0)
        if depth == 0:
            return at
    return len(text) - 1


def _written_apart(body: str, label: str) -> bool:
    """Whether the body writes the label other than as the subscript of a function it applies."""
    rest = LABELLED.sub("(", body)
    return re.search(rf"(?<![A-Za-z]){label}(?![A-Za-z])", rest) is not None


PLAIN_LABEL = r"(?:\{\s*(\\?[A-Za-z]+)\s*\}|(\\[A-Za-z]+|[A-Za-z]))"  # θ, {\theta}: no subscript of its own
DERIVATIVE_BY_PLAIN = re.compile(
    rf"\\nabla\s*_\s*{PLAIN_LABEL}|\\partial\s*_\s*{PLAIN_LABEL}"
    rf"|\\frac\s*\{{\s*\\partial[^{{}}]*\}}\s*\{{\s*\\partial\s*{PLAIN_LABEL}\s*\}}"
    rf"|\\frac\s*\{{\s*d[^{{}}]*\}}\s*\{{\s*d\s*{PLAIN_LABEL}\s*\}}"
)
APPLIED_UNDER_LABEL = re.compile(rf"(?P<name>\\[A-Za-z]+|[A-Za-z])\s*_\s*{PLAIN_LABEL}\s*(?P<open>(?:\\left\s*)?\()")


def labels_as_arguments(text: str, applied: set) -> tuple[str, str] | None:
    """(the label, the formula with each function it labels taking it as its first argument, π_θ(a | s) written
    π(θ, a | s)) when the formula differentiates by one variable and each function it applies (the keys ``applied``)
    is written only so labelled by it; else None.

    The label says the function depends on θ, as the tag clause ``\\pi_\\theta(...): function of \\theta`` does; a
    function written without it (R(y) beside ∇_θ) or under another label (π_{θ_{old}}) may depend on θ or not, and
    the formula is not so read."""
    labels = {(m.group(m.lastindex) or "").lstrip("\\") for m in DERIVATIVE_BY_PLAIN.finditer(text)}
    if len(labels) != 1 or "" in labels or "\\sim" in text:  # x \sim p_\theta: a law drawn from, not applied
        return None
    (label,) = labels
    names = set()

    def as_argument(match):
        spelled = (match.group(2) or match.group(3)).strip()
        if spelled.lstrip("\\") != label:
            return match.group(0)
        names.add(match.group("name").lstrip("\\"))
        return f"{match.group('name')}{match.group('open')}{spelled}, "

    rewritten = APPLIED_UNDER_LABEL.sub(as_argument, text)
    if not names or names != applied or any(name in OPERATORS for name in names):
        return None
    for name in names:  # π_{\theta_{old}}, π^*: the name written otherwise too
        spelling = rf"\\{name}(?![A-Za-z])" if len(name) > 1 else rf"(?<![\\A-Za-z]){name}"
        if re.search(spelling + r"\s*[_^']", rewritten):
            return None
    return label, rewritten
