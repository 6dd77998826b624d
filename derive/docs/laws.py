"""Random variables with named laws, as a tag declares them: ``X \\sim \\text{Bin}(n, p)``, ``\\epsilon \\sim \\mathcal{N}(0, 1)``.

Each :class:`Law` states its definition: the parameters it takes (and the kind a parameter the tag leaves
undeclared is drawn as), its support, and its probability mass function or density, both as SymPy (for the
exact sums of a finite support and for ``p_X(x)``) and as mpmath (for a numeric expectation). Under the clause
the formula's ``\\mathbb{E}[\\cdot]``, ``\\operatorname{Var}``, ``\\operatorname{Cov}``, ``\\mu_X``, ``\\sigma_X``,
``p_X(x)`` / ``f_X(x)`` / ``P_X(x)`` (the pmf or density) and ``M_X(t)`` (the moment generating function) are read
under that law, several variables independent:

* a finite support (Bernoulli, binomial, categorical) is summed exactly, term by term at the point's sizes;
* a body made of terms with closed forms (:mod:`derive.docs.law_moments`) is taken from them: a polynomial
  from a density's moments, |a x + b| from a Laplace law's mean absolute deviation, e^{a x + b} from a Poisson
  or geometric law's moment generating function (none where it diverges: an MGF outside its domain);
* otherwise an infinite support (Poisson, geometric) is summed in 60-digit numbers until the terms left are
  provably below the last digit (their ratio bounds the tail); a sum whose terms do not fall away has no value
  at that point;
* and under a density (normal, exponential, uniform, beta, gamma, Laplace) the body is integrated by mpmath's
  tanh-sinh quadrature, whose error estimate must be below the 50th digit; an integrand that does not decay has
  no value.

Never the formula under test: the values come from the law's definition only. A parameter outside the law's
range at a point (a negative rate) leaves that point without a value.

Some names are written two ways by authors: the geometric law counts the trials up to the first success
(support 1, 2, ...: the usual) or the failures before it (0, 1, ...); Gamma(a, b) takes a scale or a rate;
N(mu, sigma) may give the standard deviation for the variance. Unless the tag says (``X \\sim \\text{Geo}(p)
on \\{1, 2, \\ldots\\}``, ``X \\ge 1``; a rate is written ``\\beta`` or ``\\lambda``, a scale ``\\theta``;
``\\sigma^2``), the formula is decided under each reading (:func:`readings`), and a formula that holds under
one and fails under the other is UNKNOWN with both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import mpmath
import sympy as sp
from sympy.core.symbol import Str

from derive.docs.law_moments import absolute_deviation, exponential_moment, raw_moments
from derive.docs.tokens import balanced
from derive.numeric import NumericError


def LawError(message: str):
    """A law clause that cannot be read: the tag's error."""
    from derive.docs.tags import TagError

    return TagError(message)


@dataclass(frozen=True)
class Law:
    """A named law: its parameters (name, kind of an undeclared one), whether it is discrete, and its readings."""

    name: str
    spellings: tuple  # the lowercased names authors write: bin, binomial
    parameters: tuple  # (parameter, kind a name standing alone is drawn as)
    discrete: bool
    readings: tuple = ("",)  # the conventions authors differ on; the first is the usual


LAWS = (
    Law("Bernoulli", ("ber", "bern", "bernoulli"), (("p", "probability"),), True),
    Law("binomial", ("bin", "binom", "binomial", "b"), (("n", "dimension"), ("p", "probability")), True),
    Law("Poisson", ("poi", "pois", "poisson"), (("lambda", "positive"),), True),
    Law("geometric", ("geo", "geom", "geometric"), (("p", "probability"),), True, ("trials", "failures")),
    Law("categorical", ("cat", "categorical"), (("pi", "distribution"),), True),
    Law(
        "normal",
        ("n", "normal", "gaussian"),
        (("mu", "real"), ("variance", "positive")),
        False,
        ("variance", "deviation"),
    ),
    Law("exponential", ("exp", "exponential", "expon"), (("lambda", "positive"),), False, ("rate", "scale")),
    Law("uniform", ("u", "unif", "uniform"), (("a", "real"), ("b", "real")), False),
    Law("beta", ("beta",), (("alpha", "positive"), ("beta", "positive")), False),
    Law("gamma", ("gamma",), (("shape", "positive"), ("scale", "positive")), False, ("scale", "rate")),
    Law("Laplace", ("laplace",), (("mu", "real"), ("b", "positive")), False),
)
BY_SPELLING = {spelling: law for law in LAWS for spelling in law.spellings}
DENSITY = Law("density", (), (("density", "real"), ("low", "real"), ("high", "real")), False)  # the tag's own
OUTCOMES = Law("finite", (), (), True)  # values and their probabilities (derive.docs.outcome_law)
NOT_MODELLED = ("multi", "multinomial", "mult")
DIRICHLET = ("dir", "dirichlet")  # a vector-valued law read through one member: derive.docs.dirichlet


@dataclass(frozen=True)
class LawClause:
    """``NAME \\sim LAW(PARAMS)``: the variable NAME (a key), its law, the parameters as written, and the reading."""

    name: str
    law: Law
    params: tuple  # LaTeX, as written
    reading: str = ""  # the convention used; "" for the usual one
    stated: bool = True  # whether the tag (or the notation) settles the convention
    text: str = ""
    variable: str = ""  # a density the tag writes (derive.docs.density_law): the name of its argument

    @property
    def alternatives(self) -> tuple:
        return () if self.stated else tuple(r for r in self.law.readings if r != self.reading)


# NAME \sim LAW(PARAMS), optionally "on {1, 2, ...}"
CLAUSE = re.compile(
    r"^\s*(?P<name>.+?)\s*\\sim\s*(?P<law>.+?)\s*(?:\\left)?\((?P<params>.*)(?:\\right)?\)\s*(?P<rest>.*)$"
)
LAW_NAME = re.compile(
    r"^(?:\\(?:text|textrm|textsf|textit|mathrm|mathsf|mathit|mathcal|mathbb|operatorname|rm)\s*\{\s*([A-Za-z]+)\s*\}"
    r"|([A-Za-z]+))$"
)
SUPPORT = re.compile(r"^(?:on|over|with support|supported on)\s*\\?\{\s*([01])\s*,")
BARE_DISTRIBUTION = re.compile(
    r"^\s*(?P<name>.+?)\s*\\sim\s*(?P<law>\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*(?:\((?P<arg>[^()]*)\))?\s*$"
)


CONDITIONAL_DRAW = re.compile(r"^\s*\\cdot\s*(?:\||\\mid|\\vert)")  # a_t \sim \pi(\cdot \mid s_t)
# a multiple of the identity matrix as a covariance: I, \mathbf{I}, \mathbb{I}, I_d, \sigma^2 \mathbf{I}_{d}
IDENTITY_COVARIANCE = re.compile(
    r"^(?P<scale>.*?)\s*(?:\\cdot\s*)?(?:\\(?:mathbf|mathbb|boldsymbol|bm|mathrm)\s*\{\s*I\s*\}|(?<![A-Za-z\\])I)"
    r"(?:_\s*(?:\{\s*(?P<braced>[^{}]+?)\s*\}|(?P<bare>[A-Za-z0-9])))?\s*$"
)
ZERO_VECTOR = re.compile(r"^(?:\\(?:mathbf|boldsymbol|bm|vec|mathrm)\s*\{\s*0\s*\}|\\vec\s*0|0)$")
DECLARED_VECTOR = re.compile(r"^\s*(?P<name>.+?)\s*:\s*(?:vector|positive vector)(?:\s+over\s+.+)?\s*$")
PLAIN_VARIABLE = re.compile(r"^\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+)\s*$")


def entrywise_laws(clauses: list) -> list:
    r"""A law drawn for a vector made a law of each of its entries, independently: ``x \sim \mathcal{N}(\mathbf{0},
    \sigma^2 I_d)`` is ``x: vector over d; x_i \sim \mathcal{N}(0, \sigma^2)``, and ``x \sim \mathcal{N}(0, 1)`` beside
    ``x: vector`` is ``x_i \sim \mathcal{N}(0, 1)``. A covariance written as the identity is never a number's name."""
    from derive.docs.tags import _key

    vectors = {_key(m.group("name")) for m in map(DECLARED_VECTOR.match, clauses) if m}
    out = []
    for clause in clauses:
        match = CLAUSE.match(clause)
        if match is None or "\\sim" not in clause:
            out.append(clause)
            continue
        name, law, rest = match.group("name").strip(), match.group("law").strip(), match.group("rest").strip()
        # V(s) = \mathbb{E}_{a \sim \pi(s)}[Q(s, a)]: a draw inside a subscript, no law clause
        if not balanced(name, "{}"):
            out.append(clause)
            continue
        key, plain = _key(name), PLAIN_VARIABLE.match(name) is not None
        params = [p.strip() for p in _split_top(match.group("params"))]
        identity = IDENTITY_COVARIANCE.match(params[1]) if len(params) == 2 else None
        if BY_SPELLING.get(_law_word(law).lower()) is BY_SPELLING["normal"] and identity is not None:
            params = ["0" if ZERO_VECTOR.match(params[0]) else params[0], identity.group("scale").strip() or "1"]
            size = identity.group("braced") or identity.group("bare")
            if size is not None and plain and key not in vectors:
                out.append(f"{name}: vector over {size}")
                vectors.add(key)
        elif key not in vectors or not plain:
            out.append(clause)
            continue
        member = f"{name}_{{i}}" if plain and key in vectors else name
        out.append(f"{member} \\sim {law}({', '.join(params)})" + (f" {rest}" if rest else ""))
    return out


def draws_at_top(clause: str) -> bool:
    """Whether the clause draws a name (``\\sim`` outside every brace), not only writes a draw inside a subscript
    (``V(s) = \\mathbb{E}_{a \\sim \\pi(s)}[Q(s, a)]``, a definition)."""
    depth = 0
    for position, ch in enumerate(clause):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0 and clause.startswith("\\sim", position) and not clause[position + 4 : position + 5].isalpha():
            return True
    return False


def _law_word(written: str) -> str:
    r"""The law's name as written, without its font (``\mathcal{N}`` -> N, ``\text{Bin}`` -> Bin); "" if none."""
    spelled = LAW_NAME.match(written.strip())
    return next((g for g in spelled.groups() if g), "") if spelled else ""


def law_clause(clause: str):
    """The clause ``NAME \\sim LAW(PARAMS)`` read (a :class:`LawClause`), ``NAME \\sim p`` (a name), or None."""
    from derive.docs.tags import _key

    if "\\sim" not in clause:
        return None
    match = CLAUSE.match(clause)
    written_law = _law_word(match.group("law")) if match else ""
    if (
        written_law
        and written_law.lower() not in BY_SPELLING
        and not CONDITIONAL_DRAW.match(match.group("params"))
        and _key(match.group("params")) == _key(match.group("name"))
    ):
        match = None  # X \sim p(X): a distribution the tag names, not a law
    if match is not None and CONDITIONAL_DRAW.match(match.group("params")):
        raise LawError(
            f"the clause '{clause.strip()}' draws from a conditional law (a policy \\pi(\\cdot \\mid s), a transition"
            " P(\\cdot \\mid s, a)): sequences drawn so, and the values of a Markov decision process, are not modelled"
        )
    if match is None or "(" in match.group("law"):
        bare = BARE_DISTRIBUTION.match(clause)
        if bare is None:
            raise LawError(
                f"cannot read the clause '{clause.strip()}': write 'X \\sim LAW(PARAMETERS)', e.g."
                " 'X \\sim \\text{Bin}(n, p)' (laws: " + ", ".join(law.name for law in LAWS) + ")"
            )
        argument = bare.group("arg")
        if argument is not None and _key(argument) != _key(bare.group("name")):
            raise LawError(f"the clause '{clause.strip()}': write 'X \\sim p' or 'X \\sim p(X)'")
        return ("distribution", _key(bare.group("name")), _key(bare.group("law")))
    word = _law_word(match.group("law"))
    if word.lower() in DIRICHLET:
        from derive.docs.dirichlet import dirichlet_clause

        return dirichlet_clause(match.group("name"), _split_top(match.group("params")), clause)
    if word.lower() in NOT_MODELLED:
        raise LawError(f"the law {word} of {match.group('name').strip()} is not modelled (a vector-valued law)")
    law = BY_SPELLING.get(word.lower())
    if law is None:
        raise LawError(
            f"the clause '{clause.strip()}' names no law the checker knows; write one of "
            + ", ".join(f"\\text{{{law.spellings[0].capitalize()}}}" for law in LAWS)
        )
    params = tuple(p.strip() for p in _split_top(match.group("params")))
    if len(params) != len(law.parameters) or not all(params):
        names = ", ".join(p for p, _ in law.parameters)
        raise LawError(f"the clause '{clause.strip()}': the {law.name} law takes {len(law.parameters)} ({names})")
    reading, stated = _reading(law, params, match.group("rest").strip(), clause)
    return LawClause(_key(match.group("name")), law, params, reading, stated, " ".join(clause.split()))


def _split_top(text: str) -> list:
    """``n, p`` -> [n, p]; commas inside brackets or braces stay."""
    parts, depth, current = [], 0, ""
    for character in text:
        if character in "([{":
            depth += 1
        elif character in ")]}":
            depth -= 1
        if character == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += character
    parts.append(current)
    return parts


def _reading(law: Law, params: tuple, rest: str, clause: str) -> tuple:
    """(the convention, whether the tag settles it) for the law as written."""
    if law.name == "geometric":
        if rest:
            support = SUPPORT.match(rest)
            if support is None:
                raise LawError(
                    f"the clause '{clause.strip()}': write 'on \\{{1, 2, \\ldots\\}}' or 'on \\{{0, 1, \\ldots\\}}'"
                )
            return ("trials" if support.group(1) == "1" else "failures"), True
        return "trials", False
    if rest:
        return _stated_parameter(law, params, rest, clause)
    if law.name == "gamma":
        second = _plain(params[1])
        if second in ("theta", "s", "scale"):
            return "scale", True
        if second in ("beta", "lambda", "rate"):
            return "rate", True
        return "scale", False
    if law.name == "normal":
        second = _plain(params[1])
        if second.startswith("sigma") and "^" not in params[1]:  # N(mu, sigma): a standard deviation, or a variance?
            return "variance", False
        return "variance", True
    if law.name == "exponential":  # Exp(\lambda) a rate; Exp(\theta) or Exp(\beta) may be a scale
        return "rate", _plain(params[0]) not in ("theta", "beta", "mu", "s")
    return "", True


STATED_PARAMETER = re.compile(
    r"^,?\s*(?:\(\s*)?(?:with|where|and|of)?\s*(?:(?:the|a|its)\s+)?(?:second\s+parameter\s+(?:a|the)?\s*)?"
    r"(?P<word>rate|inverse\s+scale|scale|standard\s+deviation|variance)(?:\s+parameter)?\s*(?P<name>[^()]*?)\s*\)?\s*$",
    re.IGNORECASE,
)
STATED_READINGS = {
    ("gamma", "rate"): "rate",
    ("gamma", "inverse scale"): "rate",
    ("gamma", "scale"): "scale",
    ("exponential", "rate"): "rate",
    ("exponential", "inverse scale"): "rate",
    ("exponential", "scale"): "scale",
    ("normal", "variance"): "variance",
    ("normal", "standard deviation"): "deviation",
}


def _stated_parameter(law: Law, params: tuple, rest: str, clause: str) -> tuple:
    """``X \\sim \\text{Gamma}(\\alpha, \\lambda) with rate \\lambda``: the words after the law settle the convention
    of its last parameter (the one the words may name)."""
    stated = STATED_PARAMETER.match(rest)
    word = " ".join(stated.group("word").lower().split()) if stated else ""
    reading = STATED_READINGS.get((law.name, word))
    named = _plain(stated.group("name")) if stated else ""
    if reading is None or named and named != _plain(params[-1]):
        raise LawError(f"cannot read '{rest}' after the law in '{clause.strip()}'")
    return reading, True


def _plain(latex: str) -> str:
    return re.sub(r"[\\{}\s]", "", latex)


OTHER_READINGS = {
    "trials": "failures",
    "failures": "trials",
    "scale": "rate",
    "rate": "scale",
    "variance": "deviation",
    "deviation": "variance",
}


def readings(clauses) -> list:
    """The other readings a formula is decided under: [(clauses with one law read otherwise, what differs)]."""
    found = []
    for position, clause in enumerate(clauses):
        if not isinstance(clause, LawClause) or clause.stated:
            continue
        other = OTHER_READINGS.get(clause.reading)
        if other is None:
            continue
        changed = list(clauses)
        changed[position] = replace(clause, reading=other, stated=True)
        found.append((changed, f"{clause.text} read with {describe(clause)} or with {describe(changed[position])}"))
    return found


def describe(clause: LawClause) -> str:
    """The convention a clause is read with, in words."""
    return {
        "trials": "support 1, 2, ... (trials up to the first success)",
        "failures": "support 0, 1, ... (failures before the first success)",
        "scale": "its second parameter a scale",
        "rate": "its second parameter a rate",
        "variance": "its second parameter the variance",
        "deviation": "its second parameter the standard deviation",
    }.get(clause.reading, clause.reading)


def decide_under_laws(text, binding, decide_once):
    """The verdict on a tagged formula under the tag's laws: a tag clause that states what the notation already means
    is checked as a property, then set aside; then :func:`reading_doubt`.

    Such a clause defines a name by itself: a joint law (``p(y) = \\sum_x p(x, y)`` beside 'X, Y: random variables
    with joint distribution p', or ``p(a \\mid b) = \\frac{p(a, b)}{p(b)}`` with p applied on both sides), an
    operation on names (``\\mathbf{u} \\cdot \\mathbf{v} = \\sum_i u_i v_i``), or a conditional law summed over its
    outcome (``\\sum_a \\pi(a \\vert s) = 1``). A definition of a law by a product of its conditional laws, one per
    outcome, is the model it states (:mod:`derive.docs.factored_laws`), never checked as a property."""
    from derive.docs.tags import FunctionClause, LawOfOutcomes, RunDefinition
    from derive.docs.verdict import PASS, UNKNOWN, Verdict

    unwritten = [clause for clause in binding.clauses if isinstance(clause, RunDefinition)]
    if unwritten:
        return Verdict(UNKNOWN, f"tag: {unwritten[0].refusal}")
    binding = replace(binding, clauses=[_as_model(clause) for clause in binding.clauses])
    binding = _variables_of_an_unwritten_law(text, binding)
    laws = {clause.name for clause in binding.clauses if isinstance(clause, LawOfOutcomes)}
    own = [
        c for c in binding.clauses if isinstance(c, FunctionClause) and c.head and (c.name in laws or _law_by_itself(c))
    ]
    operations = {
        key: body
        for key, body in binding.overrides.items()
        if _operation_by_itself(key, body) or _law_summed_to_one(key, body)
    }
    if own or operations:
        binding = replace(
            binding,
            clauses=[c for c in binding.clauses if c not in own],
            overrides={key: body for key, body in binding.overrides.items() if key not in operations},
        )
        stated = [(f"{c.head} = {c.body}", f"a property of the joint law {c.name}") for c in own]
        stated += [(f"{key} = {body}", "a property of the notation") for key, body in operations.items()]
        for clause, what in stated:
            claim = decide_once(clause, binding)
            if claim.verdict != PASS:
                return Verdict(
                    UNKNOWN,
                    f"the tag's '{clause}' is read as {what}, and it is not shown to be one"
                    f" ({claim.verdict}: {claim.detail})",
                )
    return reading_doubt(text, binding, decide_once(text, binding), decide_once)


MOMENTS = re.compile(
    r"\\mathbb\s*\{?\s*[EV]|\\(?:operatorname|mathrm|text)\s*\{\s*(?:E|Var|Cov)\s*\}|(?<![A-Za-z\\])(?:E|Var|Cov)\s*[\[(_]"
)
INFORMATION = re.compile(r"(?<![A-Za-z\\])(?:H|I|KL|D)\s*[\[(_]|\\operatorname\s*\{\s*(?:KL|D_)")


def _variables_of_an_unwritten_law(text, binding):
    """``binding`` with 'X, Y: random variables with joint distribution p(x, y)' read as X and Y under one joint law
    drawn at each point, where the formula takes moments of them and neither it nor the tag's definitions write p
    (Cov[X, Y] = E[XY] - E[X] E[Y]): the law's outcomes are then reached only through X and Y."""
    from derive.docs.chance import JOINT
    from derive.docs.tags import FunctionClause, KindClause, LawOfOutcomes

    laws = [c for c in binding.clauses if isinstance(c, LawOfOutcomes)]
    names = {c.name for c in laws}
    variables = list(dict.fromkeys(c.variable for c in laws))
    if not MOMENTS.search(text) or INFORMATION.search(text):  # H(X), I(X; Y): read on the law's outcomes
        return binding
    if not laws or not all(re.fullmatch(r"[A-Za-z]+(?:_[A-Za-z0-9]+)?", v or "") for v in variables):
        return binding
    written = [text, *binding.overrides.values(), *binding.overrides]
    written += [f"{c.head} {c.body}" for c in binding.clauses if isinstance(c, FunctionClause)]
    if any(re.search(rf"(?<![A-Za-z\\]){re.escape(name)}(?![A-Za-z])", part) for name in names for part in written):
        return binding
    random = [KindClause(variable, "random", support=JOINT) for variable in variables]
    return replace(binding, clauses=[c for c in binding.clauses if c not in laws] + random)


def _as_model(clause):
    """A tag's definition of a law by a product of its conditional laws as the model it states
    (:mod:`derive.docs.factored_laws`); any other clause as it is."""
    from derive.docs.factored_laws import factorisation
    from derive.docs.joint_law import LAW_NAMES
    from derive.docs.tags import FunctionClause, _key

    if isinstance(clause, FunctionClause) and clause.head and clause.name in LAW_NAMES:
        return factorisation(clause, _key) or clause
    return clause


ACCENT_BEFORE = re.compile(r"\\(?:tilde|hat|bar|widetilde|widehat|overline)\s*\{?\s*$")  # \tilde p: a law of its own


def _law_by_itself(clause) -> bool:
    """Whether a tag's definition of a law letter applies that letter in its body: p(a | b) = p(a, b) / p(b)."""
    from derive.docs.joint_law import LAW_NAMES

    applied = re.finditer(rf"(?<![A-Za-z\\]){re.escape(clause.name)}\s*\(", clause.body)
    return clause.name in LAW_NAMES and any(not ACCENT_BEFORE.search(clause.body[: m.start()]) for m in applied)


# a law letter summed over its outcome, given others: \sum_a \pi(a \vert s), \sum_{y} p(y \mid x)
SUMMED_CONDITIONAL_LAW = re.compile(
    r"\s*\\sum_\{?\s*(?P<index>[A-Za-z])\s*\}?\s*(?:\\(?P<greek>pi)|(?P<letter>[pPqQ]))\s*\(\s*(?P=index)\s*"
    r"(?:\||\\vert|\\mid)[^()]*\)\s*"
)


def _law_summed_to_one(key: str, body: str) -> bool:
    """Whether a tag clause sums a conditional law over its outcome to 1 (``\\sum_a \\pi(a \\vert s) = 1``): what a
    law given its condition is, checked as a property of the notation."""
    return body.strip() == "1" and SUMMED_CONDITIONAL_LAW.fullmatch(key) is not None


def _operation_by_itself(key: str, body: str) -> bool:
    """Whether a tag clause gives an operation on names by those names' entries, ``\\mathbf{u}\\cdot\\mathbf{v} =
    \\sum_i u_i v_i``: its left side is no name but an expression of names its right side also writes."""
    from derive.docs.side_names import atoms_of_latex
    from derive.docs.tag_spelling import NAME

    if NAME.match(key.strip()) or re.fullmatch(r"[^()]+\(.*\)", key.strip()) or not OPERATION.search(_top_level(key)):
        return False  # a name (x_i^{k+1} at a step too), or a function at its arguments: a definition
    return bool({atom.key for atom in atoms_of_latex(key)} & {atom.key for atom in atoms_of_latex(body)})


OPERATION = re.compile(r"\\(?:cdot|times|odot|circ|otimes|oplus|langle)(?![A-Za-z])|[+\-*/]")


def _top_level(latex: str) -> str:
    """The LaTeX outside every brace group: what a superscript or subscript holds is left out."""
    while True:
        inner = re.sub(r"\{[^{}]*\}", "", latex)
        if inner == latex:
            return latex
        latex = inner


def reading_doubt(text, binding, verdict, decide_once):
    """The verdict, or UNKNOWN when a law the tag leaves open (Geo(p) with no support) decides the formula one way
    under one reading and the other way under the other."""
    from derive.docs.joint_law import has_written_values
    from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict

    if verdict.verdict not in (PASS, FAIL):
        return verdict
    others = [(replace(binding, clauses=clauses), what) for clauses, what in readings(binding.clauses)]
    if has_written_values(text) and not binding.open_values:
        what = (
            "an outcome the formula gives only written values (y = 0, y = 1) read as taking those values alone"
            " or others too"
        )
        others.append((replace(binding, open_values=True), what))
    if _entropy_beside_base_two(text, binding):
        from derive.docs.tags import Setting

        bits = replace(binding, clauses=[*binding.clauses, Setting("bits", text="H in bits")])
        others.append((bits, "H read in nats (the default) or in bits (the formula writes \\log_2)"))
    others += _family_readings(binding)
    others += _joint_readings(binding)
    for other_binding, what in others:
        other = decide_once(text, other_binding)
        if other.verdict in (PASS, FAIL) and other.verdict != verdict.verdict:
            first, second = ("holds", "fails") if verdict.verdict == PASS else ("fails", "holds")
            return Verdict(
                UNKNOWN,
                f"{what}: the formula {first} under the first reading and {second} under the second"
                f" ({other.detail if other.verdict == FAIL else verdict.detail}); say which in the tag",
            )
    return verdict


def _family_readings(binding) -> list:
    """The tag's family of random variables (p_k: random) read with its members identically distributed too."""
    from derive.docs.chance import FAMILY, IDENTICAL, IID, INDEPENDENT
    from derive.docs.tags import KindClause

    found = []
    for position, clause in enumerate(binding.clauses):
        if isinstance(clause, KindClause) and clause.kind == "random" and FAMILY.fullmatch(clause.name):
            if clause.support not in (IDENTICAL, IID):  # x_i: independent: of one law too (iid)
                changed = list(binding.clauses)
                changed[position] = replace(clause, support=IID if clause.support == INDEPENDENT else IDENTICAL)
                what = (
                    f"{clause.name}: random read as members of different laws or of one law (identically distributed)"
                )
                found.append((replace(binding, clauses=changed), what))
    return found


def _joint_readings(binding) -> list:
    """The tag's random variables in words (X, Y: random variables), not said to be independent, read under one
    joint law of them too."""
    from derive.docs.chance import FAMILY, JOINT, UNSAID
    from derive.docs.tags import KindClause

    single = [c for c in binding.clauses if isinstance(c, KindClause) and c.kind == "random"]
    single = [c for c in single if not FAMILY.fullmatch(c.name)]
    if len(single) < 2 or not any(c.support == UNSAID for c in single):
        return []
    changed = [replace(c, support=JOINT) if c in single else c for c in binding.clauses]
    names = ", ".join(c.name for c in single)
    what = f"{names}: random variables read as independent or under a joint law (the tag does not say independent)"
    return [(replace(binding, clauses=changed), what)]


def _entropy_beside_base_two(text: str, binding) -> bool:
    """Whether a formula writes an entropy H(...) and a logarithm to base 2 while the tag leaves H in nats."""
    if any(getattr(clause, "word", "") == "bits" for clause in binding.clauses) or binding.log_base == "2":
        return False
    return bool(re.search(r"(?<![A-Za-z\\])H\s*[(\[_]", text)) and bool(re.search(r"\\log_\s*\{?\s*2|\\lg\b", text))


# --- declaring the parameters -------------------------------------------------------------


PLAIN_NAME = re.compile(r"^\s*(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*$")
SQUARED_NAME = re.compile(r"^\s*(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*\^\s*\{?\s*2\s*\}?\s*$")


def undeclared_parameters(clause: LawClause) -> list:
    """[(name as written, key, kind)]: the names the law's parameters are written as, and the kind each is drawn as if the tag is
    silent (``\\sigma^2`` as the variance: σ a positive number)."""
    from derive.docs.tags import _key

    if clause.law is DENSITY:  # the names of the tag's density, real numbers unless the tag says more
        from derive.docs.density_law import body_names

        return [(written, key, "real") for written, key in body_names(clause)]
    if clause.law is OUTCOMES:  # the names its probabilities use are probabilities; the other names, real numbers
        from derive.docs.density_law import body_names

        chances = body_names(replace(clause, params=clause.params[1::2]))
        keys = {key for _, key in chances}
        values = [(w, k) for w, k in body_names(replace(clause, params=clause.params[0::2])) if k not in keys]
        return [(w, k, "probability") for w, k in chances] + [(w, k, "real") for w, k in values]
    found = []
    symmetric = _symmetric_bounds(clause)
    for written, (_, kind) in zip(clause.params, clause.law.parameters):
        plain, squared = PLAIN_NAME.match(written), SQUARED_NAME.match(written)
        if plain and not re.fullmatch(r"-?\d+(\.\d+)?", written.strip()):
            found.append((plain.group(1), _key(plain.group(1)), "positive" if symmetric else kind))
        elif squared:
            found.append((squared.group(1), _key(squared.group(1)), kind))
        elif kind in EXPRESSION_KINDS:  # Ber(1 - p), Exp(2\lambda): the names of an expression, drawn as it is
            from derive.docs.density_law import body_names

            found.extend((name, key, kind) for name, key in body_names(replace(clause, params=(written,))))
        elif kind == "real" and symmetric:  # U(-a, a): a > 0, for the bounds to be in order
            found.append((symmetric, _key(symmetric), "positive"))
    return found


# the kinds whose names are drawn so inside an expression too: 1 - p in (0, 1) for p in (0, 1), 2λ > 0 for λ > 0
EXPRESSION_KINDS = ("probability", "positive")
NEGATED_NAME = re.compile(r"^\s*-\s*(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)\s*$")


def _symmetric_bounds(clause: LawClause) -> str | None:
    """The name a of a uniform law on (-a, a), or None."""
    if clause.law.name != "uniform" or len(clause.params) != 2:
        return None
    low, high = NEGATED_NAME.match(clause.params[0]), PLAIN_NAME.match(clause.params[1])
    return high.group(1) if low and high and low.group(1) == high.group(1) else None


def settle(binding) -> None:
    """The tag's law clauses made definite: ``X \\sim p`` a categorical law over a declared distribution p (else X a
    random variable of a law drawn at each point), a range ``X \\ge 1`` the support of X's geometric law, and each
    parameter the tag leaves undeclared drawn as the law says (p in (0, 1), λ > 0, n a count)."""
    from derive.docs.outcome_law import outcome_laws
    from derive.docs.tags import KindClause, RangeClause

    binding.clauses = outcome_laws(binding.clauses)  # h = 0 with probability p; h = 1 otherwise: one law of h
    laws = {c.name: c for c in binding.clauses if isinstance(c, LawClause)}
    settled = []
    for clause in binding.clauses:
        if isinstance(clause, tuple) and clause[0] == "distribution":
            _, name, law = clause
            declared = {_key_of(n): k for n, k in binding.kinds.items()}
            if declared.get(law, "").split()[:1] == ["distribution"]:
                clause = LawClause(name, BY_SPELLING["cat"], (law,), text=f"{name} ~ {law}")
                laws[name] = clause
            else:
                clause = KindClause(name, "random")
                binding.apart_laws += (law,)
        elif isinstance(clause, RangeClause) and clause.name in laws and laws[clause.name].law.name == "geometric":
            low = clause.low if clause.low is not None else None
            if low is None or clause.high is not None or low not in ("0", "1") or clause.strict_low:
                raise LawError(
                    f"a range of {clause.name} states its support: write '{clause.name} \\ge 1' or '{clause.name} \\ge 0'"
                )
            laws[clause.name] = replace(laws[clause.name], reading="trials" if low == "1" else "failures", stated=True)
            continue
        settled.append(clause)
    binding.clauses = [laws.get(c.name, c) if isinstance(c, LawClause) else c for c in settled]
    declared = {_key_of(n) for n in binding.kinds} | {getattr(c, "name", None) for c in binding.clauses}
    declared -= {c.name for c in binding.clauses if isinstance(c, RangeClause)} - {
        getattr(c, "name", None) for c in binding.clauses if not isinstance(c, RangeClause)
    }
    for clause in laws.values():
        for written, key, kind in undeclared_parameters(clause):
            if key in declared or key in laws:
                continue
            declared.add(key)
            if kind == "dimension":  # a count of trials: a size the formula may also sum to
                binding.clauses.insert(0, KindClause(key, kind))
            else:
                binding.kinds[written] = kind


def _key_of(name: str) -> str:
    from derive.docs.tags import _key

    return _key(name)


# --- the laws' definitions ----------------------------------------------------------------


def mass(clause: LawClause, params: list, x):
    """The pmf or density of the law at ``x`` (SymPy), with the parameters' values ``params``."""
    law, reading = clause.law.name, clause.reading
    if law == "density":
        return params[0].xreplace({value_symbol(clause): x})
    if law == "Bernoulli":
        (p,) = params
        return p**x * (1 - p) ** (1 - x)
    if law == "binomial":
        n, p = params
        return sp.binomial(n, x) * p**x * (1 - p) ** (n - x)
    if law == "Poisson":
        (lam,) = params
        return lam**x * sp.exp(-lam) / sp.factorial(x)
    if law == "geometric":
        (p,) = params
        return p * (1 - p) ** (x - 1 if reading == "trials" else x)
    if law == "normal":
        mu, second = params
        variance = second**2 if reading == "deviation" else second
        return sp.exp(-((x - mu) ** 2) / (2 * variance)) / sp.sqrt(2 * sp.pi * variance)
    if law == "exponential":
        (lam,) = params
        rate = 1 / lam if reading == "scale" else lam
        return rate * sp.exp(-rate * x)
    if law == "uniform":
        a, b = params
        return 1 / (b - a)
    if law == "beta":
        a, b = params
        return x ** (a - 1) * (1 - x) ** (b - 1) * sp.gamma(a + b) / (sp.gamma(a) * sp.gamma(b))
    if law == "gamma":
        k, second = params
        theta = 1 / second if reading == "rate" else second
        return x ** (k - 1) * sp.exp(-x / theta) / (sp.gamma(k) * theta**k)
    if law == "Laplace":
        mu, b = params
        return sp.exp(-sp.Abs(x - mu) / b) / (2 * b)
    raise NumericError(f"no mass function for the {law} law")


def _valid(clause: LawClause, params: list) -> None:
    """Raise NumericError when the parameters' values at a point are outside the law's range."""
    law = clause.law.name
    names = [p for p, _ in clause.law.parameters]

    def refuse(why):
        shown = ", ".join(f"{n} = {mpmath.nstr(v, 6)}" for n, v in zip(names, params) if not isinstance(v, list))
        raise NumericError(f"the {law} law of {clause.name} needs {why} ({shown})")

    if law in ("Bernoulli", "binomial") and not 0 <= params[-1] <= 1:
        refuse("0 <= p <= 1")
    if law == "geometric" and not 0 < params[0] <= 1:
        refuse("0 < p <= 1")
    if law in ("Poisson", "exponential") and not params[0] > 0:
        refuse("a positive parameter")
    if law in ("normal", "Laplace") and not params[1] > 0:
        refuse("a positive second parameter")
    if law in ("beta", "gamma") and not (params[0] > 0 and params[1] > 0):
        refuse("positive parameters")
    if law == "uniform" and not params[0] < params[1]:
        refuse("a < b")


def _mass_mp(clause: LawClause, params: list):
    """The pmf or density as an mpmath function, from the law's definition."""
    law, reading = clause.law.name, clause.reading
    if law == "Poisson":
        (lam,) = params
        return lambda k: mpmath.exp(-lam) * lam**k / mpmath.factorial(k)
    if law == "geometric":
        (p,) = params
        first = 1 if reading == "trials" else 0
        return lambda k: p * (1 - p) ** (k - first)
    if law == "normal":
        mu, second = params
        variance = second**2 if reading == "deviation" else second
        return lambda x: mpmath.exp(-((x - mu) ** 2) / (2 * variance)) / mpmath.sqrt(2 * mpmath.pi * variance)
    if law == "exponential":
        rate = 1 / params[0] if reading == "scale" else params[0]
        return lambda x: rate * mpmath.exp(-rate * x)
    if law == "uniform":
        a, b = params
        return lambda x: 1 / (b - a)
    if law == "beta":
        a, b = params
        norm = mpmath.beta(a, b)
        return lambda x: x ** (a - 1) * (1 - x) ** (b - 1) / norm
    if law == "gamma":
        k, second = params
        theta = 1 / second if reading == "rate" else second
        norm = mpmath.gamma(k) * theta**k
        return lambda x: x ** (k - 1) * mpmath.exp(-x / theta) / norm
    if law == "Laplace":
        mu, b = params
        return lambda x: mpmath.exp(-abs(x - mu) / b) / (2 * b)
    raise NumericError(f"no numeric mass function for the {law} law")


def _support(clause: LawClause, values: list) -> tuple:
    """(lowest, highest) value of a continuous law."""
    law = clause.law.name
    if law in ("exponential", "gamma"):
        return mpmath.mpf(0), mpmath.inf
    if law == "uniform":
        return values[0], values[1]
    if law == "beta":
        return mpmath.mpf(0), mpmath.mpf(1)
    return -mpmath.inf, mpmath.inf


TAIL = 240  # a density's unbounded support is cut this many scales from its centre (the rest below 10^-100)


def _pieces(clause: LawClause, params: list) -> tuple:
    """(breakpoints of the support, cut where the density is negligible; the ends cut) of a continuous law."""
    law, reading = clause.law.name, clause.reading
    if law in ("normal", "Laplace"):
        mu, second = params
        if law == "normal":
            scale = second if reading == "deviation" else mpmath.sqrt(second)
            width = 25 * scale  # e^{-312}
        else:
            scale = second
            width = TAIL * scale
        points = [mu - width, mu, mu + width]
        return points, (points[0], points[-1])
    if law in ("exponential", "gamma"):
        if law == "exponential":
            shape, theta = 1, (params[0] if reading == "scale" else 1 / params[0])
        else:
            shape, theta = params[0], (1 / params[1] if reading == "rate" else params[1])
        mean = shape * theta
        end = (TAIL + 2 * shape) * theta
        return [mpmath.mpf(0), 4 * mean, end], (end,)
    if law == "uniform":
        return [params[0], params[1]], ()
    if law == "beta":
        return [mpmath.mpf(0), mpmath.mpf(1) / 2, mpmath.mpf(1)], ()
    raise NumericError(f"the {law} law has no density")


# --- expectations ---------------------------------------------------------------------------


MOST_TERMS = 40_000  # terms of an infinite sum before it is declared not convergent at the point
GUARD = 15  # digits computed beyond those asked for


class LawExpectation(sp.Function):
    """E[g(X)] for X under a law with an infinite support or a density: (law, reading), x, g(x), parameters.

    It has a value once its parameters and g's other names are numbers: the law's sum or integral in mpmath.
    """

    @classmethod
    def eval(cls, *args):
        return None

    @property
    def free_symbols(self):
        variable, body, params = self.args[1], self.args[2], self.args[3:]
        return body.free_symbols.union(*(sp.sympify(p).free_symbols for p in params)) - {variable}

    def _eval_derivative(self, s):
        """d/ds E[g(X, s)] = E[dg/ds] when the law does not depend on s; by a parameter of the law (its mean, a name
        its density writes) the derivative moves the law itself, which is not read."""
        from derive.docs.bind import BindError

        label, variable, body, params = self.args[0], self.args[1], self.args[2], self.args[3:]
        if any(s in sp.sympify(p).free_symbols for p in params):
            raise BindError(
                f"a derivative of an expectation by {str(s).removeprefix('doc_')}, a parameter of its law, is not read"
            )
        return LawExpectation(label, variable, sp.diff(body, s), *params)

    def _eval_evalf(self, prec):
        dps = mpmath.libmp.prec_to_dps(prec)
        if dps < 15 or self.free_symbols or any(sp.sympify(a).has(sp.Indexed) for a in self.args[2:]):
            return None  # a rough sign asked by SymPy's assumptions, or names still without values
        label, variable, body, params = self.args[0], self.args[1], self.args[2], self.args[3:]
        return sp.Float(_numeric_expectation(label.name, variable, body, params, dps), dps)


_CLAUSES: dict = {}  # the law of each LawExpectation, by its label (a SymPy function's arguments are expressions)


def value_symbol(clause: LawClause):
    """The value X takes, as an expectation over its law integrates it."""
    return sp.Symbol(f"value_{clause.name}", real=True)


def _label(clause: LawClause) -> str:
    label = f"{clause.law.name}:{clause.reading}:{clause.name}"
    _CLAUSES[label] = clause
    return label


def _numeric(value, dps):
    value = sp.sympify(value).evalf(dps + GUARD)
    if value.free_symbols or not value.is_number:
        raise NumericError(f"a parameter without a value: {value}")
    real, imag = value.as_real_imag()
    if imag != 0:
        raise NumericError("a parameter that is not real")
    return mpmath.mpf(sp.Float(real, dps + GUARD)._mpf_)


_MEMO: dict = {}


def _numeric_expectation(label, variable, body, params, dps):
    key = (label, variable, body, tuple(params))
    if key in _MEMO and _MEMO[key][0] >= dps:  # SymPy asks one value at several precisions
        with mpmath.workdps(dps):
            return +_MEMO[key][1]
    clause = _CLAUSES[label]
    if clause.law is DENSITY:  # the tag's density: derive.docs.density_law
        from derive.docs.density_law import expectation

        with mpmath.workdps(dps + GUARD):
            value = expectation(clause, variable, body, params, dps)
        _MEMO[key] = (dps, value)
        return value
    with mpmath.workdps(dps + GUARD):
        values = [_numeric(p, dps) for p in params]
        _valid(clause, values)
        value = _closed_form_expectation(clause, values, variable, body, dps)
        if value is None:
            g = _function_of(variable, body, dps + GUARD)
            if clause.law.discrete:
                value = _series(clause, values, g, dps)
            else:
                value = _integral(clause, values, g, dps, _breakpoints(variable, body, dps))
    if len(_MEMO) > 4096:
        _MEMO.clear()
    _MEMO[key] = (dps, value)
    return value


def _polynomial_expectation(clause, values, variable, body, dps):
    """E[body] for a body polynomial in the variable, Σ_k c_k E[X^k] by the law's moments in closed form; None for
    any other body or law (quadrature then)."""
    if not body.is_polynomial(variable):
        return None
    try:
        coefficients = sp.Poly(body, variable).all_coeffs()[::-1]
    except sp.PolynomialError:
        return None
    moments = raw_moments(clause.law.name, clause.reading, values, len(coefficients) - 1)
    if moments is None:
        return None
    return mpmath.fsum(_numeric(c, dps) * m for c, m in zip(coefficients, moments) if c != 0)


def _closed_form_expectation(clause, values, variable, body, dps):
    """E[body] term by term in closed form: its polynomial part by the law's moments, each c·|a·x + β| by the law's
    mean absolute deviation, each c·e^{a·x + β} by its moment generating function; None when a term has no closed
    form under the law (the whole body is then summed or integrated)."""
    polynomial_terms, values_of_terms = [], []
    for term in sp.Add.make_args(body):
        if term.is_polynomial(variable):
            polynomial_terms.append(term)
            continue
        coefficient, factor = term.as_independent(variable, as_Add=False)
        coefficient = _real(coefficient, dps)
        value = _closed_form_factor(clause, values, variable, factor, dps)
        if coefficient is None or value is None:
            return None
        values_of_terms.append(coefficient * value)
    polynomial = sp.Add(*polynomial_terms)
    if polynomial.has(variable):
        values_of_terms.append(_polynomial_expectation(clause, values, variable, polynomial, dps))
    else:
        values_of_terms.append(_real(polynomial, dps))
    if any(value is None or mpmath.isnan(value) for value in values_of_terms):
        return None
    infinite = [value for value in values_of_terms if mpmath.isinf(value)]
    if len(infinite) == 1:  # one term's sum diverges and every other term's is finite: so does the whole sum
        raise NumericError(f"the sum over the support of {clause.name} does not converge (its terms do not fall)")
    return None if infinite else mpmath.fsum(values_of_terms)


def _closed_form_factor(clause, values, variable, factor, dps):
    """E|a·x + β| or E[e^{a·x + β}] under the law (+inf where its sum diverges), for real numbers a and β; None for
    any other factor or a law without the formula."""
    if not isinstance(factor, (sp.Abs, sp.exp)):
        return None
    inner = factor.args[0]
    slope = sp.diff(inner, variable)
    if slope.free_symbols or not slope.is_number or slope == 0:
        return None
    slope, offset = _real(slope, dps), _real(inner.xreplace({variable: 0}), dps)
    if slope is None or offset is None:
        return None
    law, reading = clause.law.name, clause.reading
    if isinstance(factor, sp.Abs):
        deviation = absolute_deviation(law, reading, values, -offset / slope)
        return None if deviation is None else abs(slope) * deviation
    moment = exponential_moment(law, reading, values, slope)
    return None if moment is None else mpmath.exp(offset) * moment


def _real(value, dps):
    """The number as an mpf, or None if it is not a real number."""
    try:
        return _numeric(value, dps)
    except NumericError:
        return None


def _function_of(variable, expr, dps):
    """g as a function of a number: by the body's compiled plan, else by the numeric path."""
    from derive.compile import run
    from derive.domain import Point
    from derive.numeric import evaluate

    if not expr.free_symbols:
        constant = evaluate(expr, Point(), dps)
        return lambda x: constant

    def g(x):
        with mpmath.workdps(dps):
            x = mpmath.mpf(x)
        found = run(expr, {}, {variable: x}, dps, 0)
        if found is not None:
            return found[1]
        return evaluate(expr, Point({variable: x}), dps)

    return g


def _series(clause, values, g, dps):
    """Σ_k pmf(k) g(k) over an infinite support, until the tail is below the last digit."""
    pmf = _mass_mp(clause, values)
    first = 0 if clause.law.name == "Poisson" or clause.reading == "failures" else 1
    eps = mpmath.mpf(10) ** -(dps + 5)
    total, previous, ratios, zeros = mpmath.mpf(0), None, [], 0
    for k in range(first, first + MOST_TERMS):
        weight = pmf(k)
        term = weight * g(k) if weight != 0 else mpmath.mpf(0)
        total += term
        size = abs(term)
        if size == 0:
            zeros += 1
            if zeros > 50 and weight < eps:
                return total
            continue
        zeros = 0
        if previous is not None:
            ratios = (ratios + [size / previous])[-10:]
        previous = size
        if len(ratios) == 10:
            worst = max(ratios)
            if worst < 1 and size * worst / (1 - worst) < eps * max(1, abs(total)):
                return total
    raise NumericError(f"the sum over the support of {clause.name} does not converge within {MOST_TERMS} terms")


def _quadrature(function, interval, tolerance, clause):
    """∫ function over the interval's pieces by tanh-sinh quadrature (endpoint singularities x^{a-1} included), its
    error estimate below the last digit asked for."""
    value, error = mpmath.quad(function, interval, method="tanh-sinh", error=True)
    if not mpmath.isfinite(value) or error > tolerance * max(1, abs(value)):
        raise NumericError(f"the integral over the law of {clause.name} is not found to 50 digits")
    return value


def _breakpoints(variable, body, dps) -> set:
    """The values of the variable where the body may jump or bend: the roots of the linear expressions it compares,
    takes the absolute value of, or the larger or smaller of (max(x, c): x = c)."""
    found = set()
    candidates = []
    for node in sp.preorder_traversal(body):
        if isinstance(node, sp.core.relational.Relational):
            candidates.append(node.lhs - node.rhs)
        elif isinstance(node, (sp.Abs, sp.Heaviside, sp.sign)):
            candidates.append(node.args[0])
        elif isinstance(node, (sp.Max, sp.Min)):
            candidates += [a - b for a in node.args for b in node.args if a != b]
    for expr in _without_absolute_values(candidates):
        if variable not in expr.free_symbols:
            continue
        slope = sp.diff(expr, variable)
        if slope.free_symbols or not slope.is_number or slope == 0 or sp.diff(slope, variable) != 0:
            continue
        root = -expr.xreplace({variable: 0}) / slope
        if root.is_number and root.is_real is not False:
            found.add(_numeric(root, dps))
    return found


def _without_absolute_values(candidates) -> list:
    """Each expression with every |u| in it read as u and as -u (|x - 1| - 1 bends at 1 and jumps at 0 and 2: the
    roots of x - 2 and -x), up to two absolute values; the expressions as they are besides."""
    found = []
    for expr in candidates:
        found.append(expr)
        absolute = sorted(expr.atoms(sp.Abs), key=sp.default_sort_key)[:2]
        for signs in ([1], [-1]) if len(absolute) == 1 else ([1, 1], [1, -1], [-1, 1], [-1, -1]):
            if not absolute:
                break
            found.append(expr.xreplace({a: sign * a.args[0] for a, sign in zip(absolute, signs)}))
    return found


def _near_zero(x, b, g, norm):
    return (1 - x) ** (b - 1) * g(x) / norm


def _near_one(y, a, g, norm):  # y = 1 - x
    return (1 - y) ** (a - 1) * g(1 - y) / norm


def _integral(clause, values, g, dps, breaks=()):
    """∫ density · g over the support by tanh-sinh quadrature, to the 50th digit or not at all; an unbounded support
    is cut where the integrand has fallen below the last digit (and keeps falling)."""
    density = _mass_mp(clause, values)
    points, cut = _pieces(clause, values)
    # where g jumps or bends (an event's indicator, |x - c|, max(x, c)) is a breakpoint: quadrature needs smooth pieces
    points = sorted(set(points) | {b for b in breaks if points[0] < b < points[-1]})

    def integrand(x):
        weight = density(x)
        return weight * g(x) if weight != 0 else mpmath.mpf(0)

    pieces = [(integrand, points)]
    if clause.law.name == "beta":
        # x^{a-1} near 0 and (1-x)^{b-1} near 1 taken out by x = u^{1/a} (and 1 - x = v^{1/b}): x^{a-1} dx = du / a;
        # writing 1 - x as v^{1/b} near 1 keeps its digits
        a, b = values
        norm = mpmath.beta(a, b)
        half = mpmath.mpf(1) / 2
        pieces = [
            (lambda u: _near_zero(u ** (1 / a), b, g, a * norm), [0, half**a]),
            (lambda v: _near_one(v ** (1 / b), a, g, b * norm), [0, half**b]),
        ]
    elif clause.law.name == "gamma" and values[0] < 1:  # x^{k-1} dx = du / k with x = u^{1/k} on the first piece
        shape, second = values
        theta = 1 / second if clause.reading == "rate" else second
        norm = mpmath.gamma(shape) * theta**shape * shape
        pieces = [
            (lambda u: mpmath.exp(-(u ** (1 / shape)) / theta) * g(u ** (1 / shape)) / norm, [0, points[1] ** shape]),
            (integrand, points[1:]),
        ]
    tolerance = mpmath.mpf(10) ** -(dps + 2)
    total = mpmath.mpf(0)
    for function, interval in pieces:
        total += _quadrature(function, interval, tolerance, clause)
    for end in cut:  # the integrand beyond the cut: below the last digit, and falling
        centre = (points[0] + points[-1]) / 2 if len(cut) == 2 else points[0]
        near, far = abs(integrand(end)), abs(integrand(centre + 2 * (end - centre)))
        if near * abs(end - centre) > tolerance * max(1, abs(total)) or far > near:
            raise NumericError(f"the integral over the law of {clause.name} does not converge")
    return total


# --- the vocabulary under the laws ----------------------------------------------------------


FAMILY = re.compile(r"([A-Za-z]+)_([a-z])")  # X_i, q_i, epsilon_t: one law for every member of a family


class Variables:
    """The tag's random variables: each its symbol and its clause; E, Var, Cov over their joint (independent) law."""

    def __init__(self, clauses):
        self.clauses = {c.name: c for c in clauses}
        self.symbols = {c.name: sp.Symbol(f"law_{c.name}", real=True) for c in clauses}
        # X_i \sim LAW: X_1, X_2, ... independent, each with that law (a family, its members made as they are read)
        self.families = {m.group(1): c.name for c in clauses if (m := FAMILY.fullmatch(c.name))}

    def member(self, family: str, index, symbolic: bool = False):
        """The value of the member of ``family`` (a clause's name, X_i) at ``index``: its own symbol at a whole
        number (or, ``symbolic``, at any index), else the family applied to the index, made a member's symbol once
        a sum is written out (:meth:`members_made`)."""
        index = sp.sympify(index)
        if not index.is_Integer and not symbolic:
            return sp.Function(f"lawfamily_{family}", real=True)(index)
        key = f"{family}[{index}]"
        if key not in self.symbols:
            self.clauses[key] = self.clauses[family]
            self.symbols[key] = sp.Symbol(f"law_{key}", real=True)
        return self.symbols[key]

    def members_made(self, expr, sizes=frozenset()):
        """``expr`` with its sums over a family written out and each member its own symbol: at a whole-number index,
        or at one index not yet a number (X_i alone, whatever i is, is one member)."""
        if not self.families:
            return expr
        from derive.docs.bind import BindError, NeedsConcrete

        names = {f"lawfamily_{family}": family for family in self.families.values()}
        if not any(f.func.__name__ in names for f in expr.atoms(sp.Function)):
            return expr
        if expr.has(sp.Sum, sp.Product):
            expr = expr.doit()
        for total in expr.atoms(sp.Sum, sp.Product):
            if any(f.func.__name__ in names for f in total.atoms(sp.Function)):
                if total.limits[0][2].free_symbols <= set(sizes):
                    raise NeedsConcrete()  # up to a size: read again where the sizes are numbers
                bound = str(total.limits[0][2]).removeprefix("doc_")
                raise BindError(
                    f"a sum of the members of a family up to {bound}, a count not given as a size:"
                    f" declare it one ('{bound}: dimension') for the sum to be written out"
                )
        applied = [f for f in expr.atoms(sp.Function) if f.func.__name__ in names]
        members = {}
        for family in self.families.values():
            own = [f for f in applied if names[f.func.__name__] == family]
            symbolic = {f.args[0] for f in own if not f.args[0].is_Integer}
            if len(symbolic) > 1 or symbolic and len(own) > len(symbolic):
                raise BindError(f"members of {family} at indices that may be equal: their dependence is not read")
            members.update({f: self.member(family, f.args[0], symbolic=True) for f in own})
        return expr.xreplace(members)

    def parameters(self, env, clause):
        from derive.docs.bind import BindError, Vec
        from derive.docs.interpret import Rewriter, clean, lex

        if clause.law is DENSITY:
            return self.density(env, clause)
        values = []
        for written in clause.params:
            value = env.side(Rewriter().side(clean(lex(written))))
            if clause.law.name == "categorical":
                if not isinstance(value, Vec):
                    raise BindError(f"the parameter {written} of {clause.name}'s categorical law is not a distribution")
                values.append(value)
                continue
            if isinstance(value, (Vec, sp.MatrixBase)):
                raise BindError(f"the parameter {written} of {clause.name}'s {clause.law.name} law is not a number")
            values.append(sp.sympify(value))
        if clause.law.name == "binomial" and not (values[0].is_integer and values[0].is_positive is not False):
            raise BindError(
                f"the number of trials {clause.params[0]} of {clause.name} is not a whole number; declare it,"
                f" e.g. '{clause.params[0]}: dimension'"
            )
        return values

    def density(self, env, clause):
        """[the tag's density at the value of X, the support's ends (±∞ where open)]."""
        from derive.docs.bind import BindError, Vec
        from derive.docs.interpret import Rewriter, clean, lex

        body, low, high = clause.params
        saved = env.overrides.get(clause.variable)
        env.overrides[clause.variable] = ("scalar", lambda e: value_symbol(clause))
        try:
            density = env.side(Rewriter().side(clean(lex(body))))
        finally:
            if saved is None:
                env.overrides.pop(clause.variable, None)
            else:
                env.overrides[clause.variable] = saved
        ends = [sp.sympify(env.side(Rewriter().side(clean(lex(end))))) if end else None for end in (low, high)]
        if isinstance(density, (Vec, sp.MatrixBase)) or any(isinstance(e, (Vec, sp.MatrixBase)) for e in ends):
            raise BindError(f"the density of {clause.name} is not a number")
        return [sp.sympify(density), -sp.oo if ends[0] is None else ends[0], sp.oo if ends[1] is None else ends[1]]

    def expectation(self, env, expr):
        """E[expr]: a sum term by term, constants taken out, and a product of functions of distinct variables the
        product of their expectations (the variables are independent); what is left, over each variable in turn."""
        expr = self.members_made(sp.sympify(expr), frozenset(env.vocab.dims.values()))
        randoms = set(self.symbols.values())
        if not expr.free_symbols & randoms:
            return expr
        total = sp.Integer(0)
        for term in sp.Add.make_args(sp.expand(expr, log=False, power_base=False)):
            groups: dict = {}
            for factor in sp.Mul.make_args(term):
                groups.setdefault(frozenset(factor.free_symbols & randoms), []).append(factor)
            constant = sp.Mul(*groups.pop(frozenset(), []))
            if all(len(key) == 1 for key in groups):
                total += constant * sp.Mul(*(self._nested(env, sp.Mul(*factors)) for factors in groups.values()))
            else:
                total += constant * self._nested(env, sp.Mul(*(f for factors in groups.values() for f in factors)))
        return total

    def _nested(self, env, expr):
        """E[expr] over each variable it holds in turn, innermost the last declared."""
        for name in reversed(list(self.clauses)):
            symbol = self.symbols[name]
            if symbol in expr.free_symbols:
                expr = self._over(env, expr, self.clauses[name], symbol)
        return expr

    def _over(self, env, expr, clause, symbol):
        params = self.parameters(env, clause)
        law = clause.law.name
        if clause.law is OUTCOMES:
            from derive.docs.outcome_law import check_total, expectation

            check_total(clause.name, params)
            return expectation(params, expr, symbol)
        if law == "Bernoulli":
            p = params[0]
            return (1 - p) * expr.xreplace({symbol: sp.Integer(0)}) + p * expr.xreplace({symbol: sp.Integer(1)})
        if law == "binomial":
            k = sp.Dummy("k", integer=True, nonnegative=True)
            return sp.Sum(mass(clause, params, k) * expr.xreplace({symbol: k}), (k, 0, params[0]))
        if law == "categorical":  # the values 1, ..., K with the probabilities π_1, ..., π_K
            pi = params[0]
            k = sp.Dummy("k", integer=True, positive=True)
            return sp.Sum(pi.component(k) * expr.xreplace({symbol: k}), (k, 1, pi.size))
        value = value_symbol(clause)
        return LawExpectation(Str(_label(clause)), value, expr.xreplace({symbol: value}), *params)

    def variance(self, env, expr):
        return self.expectation(env, expr**2) - self.expectation(env, expr) ** 2


def _inner_product(side) -> bool:
    """Whether a side writes a product of vectors that is a number at every size (q^\\top k, q \\cdot k), rather than
    a vector that has one entry at size 1 (\\epsilon \\mathbf{v})."""
    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in

    return "\\cdot" in side.text or any(atom.transpose for atom in atoms_in([side], child_sides))


def apply_laws(vocab, clauses):
    """``vocab`` with the tag's random variables under their laws: E, Var, Cov, mu_X, sigma_X, p_X, f_X, M_X, F_X."""
    from derive.vocabulary import VocabularyError, call, number_of, vector_value

    if not clauses:
        return vocab
    if vocab.expectation is not None:
        raise VocabularyError(
            f"{vocab.name or 'this notation'} has a probability model of its own; "
            f"{', '.join(c.name for c in clauses)} cannot add another"
        )
    variables = Variables(clauses)

    def scalar(env, side):
        from derive.docs.bind import ShapeError, Vec

        value = env.side(side)
        if isinstance(value, sp.MatrixBase) and value.shape == (1, 1) and _inner_product(side):
            value = value[0, 0]  # q^\top k, q \cdot k: a number written as a product of vectors
        if isinstance(value, (Vec, sp.MatrixBase)):
            raise ShapeError("an expectation of a vector under a named law")
        return sp.sympify(value)

    def moment(env, atom, side):
        from derive.docs.bind import BindError

        if not atom.args or len(atom.args) != (2 if atom.key == "Cov" else 1) or "|" in atom.seps:
            raise BindError(f"{atom.key} with these arguments is not read under the tag's laws")
        if atom.sub_text and _plain(atom.sub_text) not in variables.clauses:
            raise BindError(f"{atom.key}_{{{atom.sub_text}}}: an expectation over other than the tag's variables")
        if atom.key == "Cov":
            u, v = (scalar(env, a) for a in atom.args)
            return variables.expectation(env, u * v) - variables.expectation(env, u) * variables.expectation(env, v)
        if atom.key not in ("Var", "var", "bb_V"):
            return entrywise_expectation(env, env.side(atom.args[0]))
        return variables.variance(env, scalar(env, atom.args[0]))

    def entrywise_expectation(env, value):
        """E of a number, or of a vector or matrix entry by entry (E is linear: however the entries depend on each
        other); a vector's Var (a covariance matrix) is not read."""
        from derive.docs.bind import Vec

        if isinstance(value, Vec):
            return replace(value, component=lambda k: variables.expectation(env, value.component(k)), base=None)
        if isinstance(value, sp.MatrixBase):
            return value.applyfunc(lambda entry: variables.expectation(env, entry))
        return variables.expectation(env, sp.sympify(value))

    def member_of(family, declared):
        def read(env, atom, side):
            """X_k of the family X_i: the member at the index's value (a sum's, or the formula's free index); the
            vector the tag declares of the same name (q \\in \\mathbb{R}^d beside q_i \\sim ...) is the vector of
            its members."""
            from derive.docs.bind import BindError, Vec

            if not atom.sub and atom.args is None and not atom.post_sub and isinstance(declared, tuple):
                vector = declared[1](env) if declared[0] == "vec" else None
                if isinstance(vector, Vec):
                    whole = vector_value(lambda k: variables.member(family, k), vector.size)
                    return env._post(whole, atom) if atom.transpose else whole
            if len(atom.sub) != 1 or atom.args is not None or atom.post_sub or atom.transpose or atom.decoration:
                raise BindError(f"{atom.key} is the family {family} of random variables: write one member, {family}")
            return variables.member(family, env.index(atom.sub[0]))

        return read

    def mass_of(name):
        def read(env, atom, side):
            from derive.docs.bind import BindError

            clause = variables.clauses[name]
            if not atom.args or len(atom.args) != 1:
                raise BindError(f"the pmf or density {atom.key} of {name} takes one argument")
            if clause.law.name in ("categorical", "finite"):
                raise BindError(f"the mass function of {name}'s {clause.law.name} law is not read")
            x = scalar(env, atom.args[0])
            if clause.law is DENSITY:
                density, low, high = variables.parameters(env, clause)
                inside = sp.And(sp.GreaterThan(x, low), sp.LessThan(x, high))
                return sp.Piecewise((mass(clause, [density], x), inside), (0, True))
            return LawMass(Str(_label(clause)), x, *variables.parameters(env, clause))

        return call(read)

    def generating(name):
        def read(env, atom, side):
            from derive.docs.bind import BindError

            if not atom.args or len(atom.args) != 1:
                raise BindError(f"the moment generating function M_{name} takes one argument")
            t = scalar(env, atom.args[0])
            return variables.expectation(env, sp.exp(t * variables.symbols[name]))

        return call(read)

    def distribution_function(name):
        def read(env, atom, side):
            from derive.docs.bind import BindError

            if not atom.args or len(atom.args) != 1:
                raise BindError(f"the distribution function F_{name} takes one argument")
            x = scalar(env, atom.args[0])
            at_most = sp.Piecewise((1, sp.LessThan(variables.symbols[name], x, evaluate=False)), (0, True))
            return variables.expectation(env, at_most)

        return call(read)

    def event(env, atom, side):
        """P(X = k): the pmf of X at k (a point where k is not a value of X has none; 0 under a density);
        P(X \\le k) and other comparisons: the expectation of the event's indicator."""
        from derive.docs.bind import BindError

        if len(atom.seps) == 2 and atom.seps[0].startswith("event") and atom.seps[1].startswith("given"):
            return _conditional_event(env, atom)
        if len(atom.seps) > 1 and any(str(sep).startswith("event") for sep in atom.seps):
            raise BindError(
                f"{atom.key}(...) of an event of several parts (X = x, Y = y) is not read under the tag's laws"
            )
        if len(atom.seps) != 1 or not str(atom.seps[0]).startswith("event") or len(atom.args) != 2:
            raise BindError(f"{atom.key}(...) under the tag's laws is read for an event (X = k, X \\le k)")
        relation = atom.seps[0].split()[1]
        lhs, rhs = (scalar(env, a) for a in atom.args)
        randoms = set(variables.symbols.values())
        if relation == "=":
            if rhs in randoms and lhs not in randoms:
                lhs, rhs = rhs, lhs
            if lhs not in randoms or rhs.free_symbols & randoms:
                raise BindError("an event X = value is read with one of the tag's variables alone on a side")
            name = next(n for n, s in variables.symbols.items() if s == lhs)
            clause = variables.clauses[name]
            if clause.law.name == "categorical":
                raise BindError(f"P({name} = ...) of a categorical law is not read")
            if clause.law is OUTCOMES:  # the probabilities of the values equal to k
                return variables.expectation(env, sp.Piecewise((1, sp.Eq(lhs, rhs)), (0, True)))
            if not clause.law.discrete:
                return sp.Integer(0)
            return LawMass(Str(_label(clause)), rhs, *variables.parameters(env, clause))
        return variables.expectation(env, _indicator(relation, lhs, rhs))

    def _indicator(relation, lhs, rhs):
        from derive.docs.bind import BindError

        if not (lhs.free_symbols | rhs.free_symbols) & set(variables.symbols.values()):
            raise BindError("an event without the tag's random variables")
        comparison = {
            "=": sp.Eq,
            "<": sp.StrictLessThan,
            ">": sp.StrictGreaterThan,
            "<=": sp.LessThan,
            ">=": sp.GreaterThan,
        }
        return sp.Piecewise((1, comparison[relation](lhs, rhs, evaluate=False)), (0, True))

    def _conditional_event(env, atom):
        """P(A | B) = E[1_A 1_B] / E[1_B], from the indicators of the two comparisons."""
        lhs, rhs, given_lhs, given_rhs = (scalar(env, a) for a in atom.args)
        event = _indicator(atom.seps[0].split()[1], lhs, rhs)
        given = _indicator(atom.seps[1].split()[1], given_lhs, given_rhs)
        return variables.expectation(env, event * given) / variables.expectation(env, given)

    event.reads_events = True
    previous_entropy = vocab.entries.get("H")
    in_bits = previous_entropy is not None and getattr(previous_entropy[1], "in_bits", False)

    def entropy(env, atom, side):
        """H(X) of a variable with a law: -E[log p_X(X)] (the differential entropy under a density), in nats or,
        with 'H in bits', in bits; H of anything else keeps its meaning."""
        from derive.docs.bind import BindError

        value = env.side(atom.args[0]) if atom.args and len(atom.args) == 1 and not atom.seps else None
        name = next((n for n, s in variables.symbols.items() if s == value), None)
        if name is None:
            if previous_entropy is None:
                return env.builtin(atom, side)
            if previous_entropy[0] != "call":
                raise BindError(f"H of other than the tag's random variables under {vocab.name}")
            return previous_entropy[1](env, atom, side)
        clause = variables.clauses[name]
        if clause.law.name in ("categorical", "finite"):
            raise BindError(f"the entropy of {name}'s {clause.law.name} law is not read")
        density = mass(clause, variables.parameters(env, clause), variables.symbols[name])
        nats = variables.expectation(env, -sp.expand_log(sp.log(density), force=True))
        return nats / sp.log(2) if in_bits else nats

    entries = {key: e for key, e in vocab.entries.items() if key not in ("E", "bb_E", "Var", "var", "Cov", "bb_V")}
    entries["H"] = call(entropy)
    for key in ("P", "Pr", "bb_P"):
        entries[key] = call(event)
    for key in ("E", "bb_E", "Var", "var", "Cov", "bb_V"):
        entries[key] = call(moment)
    for base, family in variables.families.items():
        entries[base] = ("call", member_of(family, vocab.entries.get(base)))
    for name, symbol in variables.symbols.items():
        if name not in variables.families.values():
            entries[name] = number_of(symbol)
        entries[f"mu_{name}"] = ("scalar", lambda env, s=symbol: variables.expectation(env, s))
        entries[f"sigma_{name}"] = ("scalar", lambda env, s=symbol: sp.sqrt(variables.variance(env, s)))
        for letter in ("p", "f", "P"):
            entries[f"{letter}_{name}"] = mass_of(name)
        entries[f"M_{name}"] = generating(name)
        entries[f"F_{name}"] = distribution_function(name)  # P(X \\le x)
    return vocab.with_(entries=entries, expectation=None)


class LawMass(sp.Function):
    """The pmf or density of a law at x: (law, reading), x, parameters; a point where x is not a value the
    variable takes (a fraction for a count) has no value."""

    @classmethod
    def eval(cls, *args):
        return None

    def _continuous_at(self, variable, digits):
        """(the law, its parameters' values) where this is a continuous density at ``variable`` with numeric
        parameters, else None."""
        x, params = self.args[1], self.args[2:]
        clause = _CLAUSES[self.args[0].name]
        if x != variable or clause.law.discrete or any(sp.sympify(p).free_symbols for p in params):
            return None
        with mpmath.workdps(digits + GUARD):
            values = [_numeric(p, digits) for p in params]
            _valid(clause, values)
        return clause, values

    def jumps(self, variable, digits) -> list:
        """The finite ends of a continuous law's support, where its density at ``variable`` jumps."""
        known = self._continuous_at(variable, digits)
        if known is None:
            return []
        with mpmath.workdps(digits + GUARD):
            ends = _support(*known)
        return [sp.Float(end, digits) for end in ends if mpmath.isfinite(end)]

    def as_mpmath(self, variable, digits):
        """This continuous density as an mpmath function of ``variable`` (0 off its support), or None."""
        known = self._continuous_at(variable, digits)
        if known is None:
            return None
        mass = _mass_mp(*known)
        low, high = _support(*known)
        return lambda at: mass(at) if low <= at <= high else mpmath.mpf(0)

    def _eval_evalf(self, prec):
        x, params = self.args[1], self.args[2:]
        dps = mpmath.libmp.prec_to_dps(prec)
        if dps < 15 or any(sp.sympify(a).free_symbols for a in (x, *params)):
            return None
        clause = _CLAUSES[self.args[0].name]
        with mpmath.workdps(dps + GUARD):
            values = [_numeric(p, dps) for p in params]
            _valid(clause, values)
            at = _numeric(x, dps)
            if clause.law.discrete:
                first = 0 if clause.law.name != "geometric" or clause.reading == "failures" else 1
                if at != mpmath.floor(at) or at < first:
                    raise NumericError(f"{mpmath.nstr(at, 6)} is not a value {clause.name} takes")
                k = int(at)
                if clause.law.name == "binomial" and k > values[0]:
                    return sp.Float(0, dps)
                if clause.law.name == "Bernoulli" and k > 1:
                    return sp.Float(0, dps)
                if clause.law.name in ("Bernoulli", "binomial"):
                    n = int(values[0]) if clause.law.name == "binomial" else 1
                    p = values[-1]
                    value = mpmath.binomial(n, k) * p**k * (1 - p) ** (n - k)
                else:
                    value = _mass_mp(clause, values)(k)
            else:
                low, high = _support(clause, values)
                value = _mass_mp(clause, values)(at) if low <= at <= high else mpmath.mpf(0)
        return sp.Float(value, dps)
