"""What an untagged formula claims: an identity to decide, a definition to remember, or nothing to check.

Untagged, a document's formula is decided only when the text claims that it holds
identically: an identity of known functions (``\\sigma(x) + \\sigma(-x) = 1``), a
derivative (``\\frac{d}{dx} x^3 = 3x^2``), or arithmetic (``0.81 \\approx 0.283^2``).
Everything else is SKIPPED with the reason:

* a definition: ``:=``, ``\\stackrel{\\textrm{def}}{=}``, ``\\equiv``, "let … be", a bare
  name on the left (``y = wx + b``), or a function name applied to its parameters
  (``p(x) = \\frac{1}{1+x^2}``, and ``\\sigma(x) = \\max(0, x)``: only the names that mean one
  function, such as ``\\operatorname{sigmoid}``, make ``f(x) = ...`` a claim). A function
  definition, and a name defined with an explicit definition mark, bind the name for
  the formulas after it in the same document (:class:`DocumentContext`);
* a condition: an inequality between names and numbers (``x \\ge 1``, ``p > 1/8``), or between expressions in
  names beside a figure in E notation, a measured rate or size (``2BDF / 9.2e14 > 2BD / 1.5e10``);
* a case split, and an equation to solve (``2x + y = 1``, ``q(\\mathbf{x}) = 0``);
* a derivative of a lone ``e`` or ``\\pi`` (``\\frac{\\partial e}{\\partial b} = 5``): the name of a quantity
  the document defines elsewhere, not Euler's number or pi, whose derivative would be 0.

A name in a decided formula must be bound by its context: by an earlier definition,
by being the variable a derivative is taken by, by a sum, or by being a universally
quantified argument: a name that occurs only inside the arguments of known functions
(``x`` in ``\\sigma(x) + \\sigma(-x) = 1``) or of the expression a derivative is taken
of. Such a name is a real number, or a vector over the sampled dimension when it is
bold or carries an index (``o`` in ``\\operatorname{softmax}(\\mathbf{o})_j``), a square matrix when it is a
bold capital (``\\operatorname{Tr}(\\mathbf{A}\\mathbf{B})``). Any other name leaves the formula SKIPPED
("not bound").
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from dataclasses import dataclass, field

import sympy as sp

from derive.docs.bind import Definition, single_atom
from derive.docs.free import ACCENTS, CONSTANTS, FUNCTION_LETTERS, child_sides, is_divergence, is_jensen_shannon
from derive.docs.interpret import (
    Atom,
    Branches,
    Cases,
    Deriv,
    EvaluatedAt,
    Extremum,
    Integral,
    Limit,
    Number,
    Prime,
    Side,
    SumNode,
    TupleNode,
    rewrite_chain,
)
from derive.docs.links_apart import chain_latex
from derive.docs.named_functions import ONE_DEFINITION, SPELLINGS
from derive.docs.numerals import E_NOTATION
from derive.docs.operations import ELEMENTARY_FUNCTIONS
from derive.docs.parse import ParseError, parse_latex
from derive.docs.side_names import atoms_in, one_node

# functions the checker knows by their usual names: their arguments are the formula's own variables
KNOWN_FUNCTIONS = {
    "sigma",
    "sigmoid",
    "logistic",
    "softmax",
    "Softmax",
    "logsoftmax",
    "H",
    "KL",
    "CE",
    "I",
    "D",
    "D_KL",
    "E",
    "bb_E",
    "Var",
    "var",
    "Cov",
    "diag",
    "tr",
    "trace",
    "rank",
    "delta",
    "one",
    "Phi",
    "phi",
    "zeta",
    "Gamma",
    *SPELLINGS,  # activation functions named in words: see derive.docs.named_functions
}
# names that mean one function only: "sigmoid(x) = ..." is a claim about it, while "σ(x) = max(0, x)" defines σ
UNAMBIGUOUS_FUNCTIONS = {"sigmoid", "logistic", "softmax", "Softmax", "logsoftmax", "diag", "tr", "trace", "rank"}
# quantities with one meaning once read of what they are applied to (an entropy or a divergence of distributions, the
# mutual information or a variance of random variables): stating one wrongly is a mistake, not a meaning of one's own,
# where σ(x) = max(0, x) or D(p, q) = ... may give the name another meaning
ONE_MEANING = {"H", "CE", "KL", "D_KL", "I", "Var", "Cov", *ONE_DEFINITION}
# names another meaning may take, yet not once the definition writes the usual function's hallmark: Γ(n) = n! states
# the gamma function on the integers (where Γ(x) = x^2 may be a function of the author's own)
HALLMARKS = {"Gamma": re.compile(r"!")}
NATIVE_FUNCTIONS = (sp.log, *ELEMENTARY_FUNCTIONS)
DEFINITION_MARK = re.compile(
    r":=|=:|\\coloneqq|\\eqqcolon|\\triangleq|\\equiv|\\doteq|\\(?:stackrel|overset)\s*\{[^{}]*(?:def|\\Delta)"
)
LET = re.compile(r"\\(?:text|textrm|mathrm|mbox)\s*\{\s*(?:let|define|denote)\b", re.I)
# what a definition written again starts after: the formula's start, an alignment mark or a line break, a comma, a
# space command or prose (\text{since } f(x) = x^2), and not an operator (\lim g(x) = 0 says something of g)
RESTATEMENT_START = re.compile(r"(?:^|&|\\\\|[,;:]|\\q?quad|\\text\{[^{}]*\})\s*$")
RESTATEMENT_END = re.compile(r"&|\\\\|\\text|\\q?quad|,")  # where a definition written again ends


def _compact(latex: str) -> str:
    """LaTeX without its spaces and thin spaces, to compare two writings of one definition."""
    return re.sub(r"\s|\\[,;:!]", "", latex).rstrip(".")


BOLD = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec|mathbfit)\s*\{?\s*\\?([A-Za-z]+)")


def one_meaning(definition: Definition, latex: str) -> bool:
    """Whether a definition of a known name can only be the usual function's, so disagreeing with it is a mistake."""
    hallmark = HALLMARKS.get(definition.name)
    return definition.name in ONE_MEANING or (hallmark is not None and hallmark.search(latex) is not None)


@dataclass
class DocumentContext:
    """The names earlier formulas of one document defined, for the formulas after them."""

    definitions: dict = field(default_factory=dict)  # name -> Definition
    sources: dict = field(default_factory=dict)  # name -> the defining formula, for the cache key
    elements: dict = field(default_factory=dict)  # name -> the set of no numbers it is declared in (g \in G)

    def define(self, definition: Definition, latex: str) -> None:
        self.definitions[definition.name] = definition
        self.sources[definition.name] = latex

    def forget_restated(self, latex: str, notes: str = "") -> None:
        """Drop each function written again as a definition by a formula the checker cannot read, or by the notes of
        its alignment (``&& \\text{since } f(x) = x^2`` beside a derivation written with \\underset): the page may have
        given it a new meaning there."""
        from derive.docs.reading import out_of_bounds

        try:
            if out_of_bounds(latex) is None:  # a formula past the size limits is never read, here as in its check
                rewrite_chain(latex)
                latex = ""  # read: a definition of its own is read as one
        except Exception:  # unreadable: its definitions are not read, so the earlier ones may no longer hold
            pass
        text = f"{latex} & {notes}"
        for name in [name for name, definition in self.definitions.items() if definition.params]:
            written = re.finditer(rf"(?<![\\A-Za-z]){re.escape(name)}\s*\(\s*\\?[A-Za-z]+\s*\)\s*=", text)
            restated = [text[found.start() :] for found in written if RESTATEMENT_START.search(text[: found.start()])]
            if any(_compact(RESTATEMENT_END.split(again)[0]) != _compact(self.sources[name]) for again in restated):
                del self.definitions[name]  # f(x) = x^2 again, as it was defined, keeps it
                self.sources.pop(name, None)

    def with_definition(self, definition: Definition | None) -> DocumentContext:
        """A copy with one more definition in force (the context itself when there is none)."""
        if definition is None:
            return self
        copy = DocumentContext(dict(self.definitions), dict(self.sources), self.elements)
        copy.definitions[definition.name] = definition
        return copy

    def without(self, name: str) -> DocumentContext:
        """A copy without the named definition."""
        copy = DocumentContext(dict(self.definitions), dict(self.sources), self.elements)
        copy.definitions.pop(name, None)
        copy.sources.pop(name, None)
        return copy

    def read_by(self, latex: str) -> DocumentContext:
        """The definitions in force for one formula: a name defined in plain letters is not the name the formula
        writes only in blackboard bold (``\\mathbb{E}[X]`` is an expectation beside an energy ``E(x) = ...``)."""
        from derive.docs.reading import out_of_bounds

        plain = [name for name, definition in self.definitions.items() if not definition.blackboard]
        if not plain or "mathbb" not in latex or out_of_bounds(latex) is not None:
            return self
        try:
            atoms = list(atoms_in(rewrite_chain(latex)[0], child_sides))
        except Exception:  # unreadable: the reading reports it
            return self
        written = {key for atom in atoms if not atom.blackboard for key in (atom.key, *atom.full_keys())}
        bold = {key for atom in atoms if atom.blackboard for key in (atom.key, *atom.full_keys())}
        copy = self
        for name in plain:
            if name in bold and name not in written:
                copy = copy.without(name)
        return copy

    def fingerprint(self) -> str | None:
        """A short text naming every definition in force (None when there is none)."""
        if not self.sources and not self.elements:
            return None
        text = "\n".join(f"{name}\t{self.sources[name]}" for name in sorted(self.sources))
        text += "".join(f"\n{name} in {self.elements[name]}" for name in sorted(self.elements))
        return "document definitions " + hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass
class Reading:
    """What an untagged formula is: ``claim`` (decide it), ``definition`` or ``skip`` (with the reason)."""

    kind: str
    reason: str = ""
    definition: Definition | None = None
    equation: bool = False  # an equation to solve, unless it holds for all values: a PASS is reported, a FAIL not
    local: Definition | None = None  # a claim after a definition (x = 2 + 1 = 3): the name bound for this formula only
    usual: bool = False  # a definition of a name the checker knows: a PASS (it agrees) is reported, a FAIL not
    text: str | None = None  # the part of the formula that is claimed, when it is not all of it
    restates: str | None = None  # a name defined before, written again as a definition: a FAIL may be a new meaning
    at_a_point: tuple | None = None  # (the links in names, the links in numbers) of a chain taken at a point


def _piecewise_identity(sides, relations) -> bool:
    """Whether the formula sets an expression that is no name it defines equal to a case split, each row with its
    condition (``\\frac{d}{dx}\\operatorname{ReLU}(x) = \\begin{cases} 0 & x < 0 \\\\ 1 & x > 0 \\end{cases}``): the
    value in each case, claimed for every value of its names, where another case split may state a system to solve."""
    return relations == ["="] and len(sides) == 2 and any(isinstance(one_node(side), Branches) for side in sides)


def read_untagged(latex: str, context: DocumentContext) -> Reading:
    """Whether an untagged formula claims something to decide, defines a name, or states nothing to check."""
    try:
        sides, relations, _ = rewrite_chain(latex)
    except Exception:  # unreadable formulas are decided (and reported) as claims
        return Reading("claim")
    if not relations:
        return Reading("claim")
    marked = bool(DEFINITION_MARK.search(latex))
    first = single_atom(sides[0])
    if relations[0] == "=" and first is not None and first.args is None and not first.transpose:
        name = _key(first)
        if marked:
            return Reading(
                "definition",
                f"definition of {name}: binds it for the formulas after it",
                Definition(name, [], sides[1], first.blackboard),
            )
        if len(sides) > 2:  # δ = 2 + 1 - 4 = -1: a definition, then claims about its value
            tail = _after_first_relation(latex, len(sides) - 1)
            if tail is not None and _set_to_a_value(sides[1:], context):
                # L = -\log p = -\log 0.7 \approx 0.357: p is the worked example's, only the arithmetic is claimed
                rest = read_untagged(tail, context)
                said = f"definition of {name}, then"
                return dataclasses.replace(rest, reason=f"{said} {rest.reason}".rstrip(), text=rest.text or tail)
            return Reading(
                "claim", f"definition of {name}, then", local=Definition(name, [], sides[1], first.blackboard)
            )
        return Reading("definition", f"definition of {name}: nothing to check")
    word = _word(sides[0]) if first is None and len(sides) > 2 and relations[0] == "=" else None
    if word is not None and not any(_mentions(side, key) for side in sides[1:] for key in word[1]):
        tail = _after_first_relation(latex, len(sides) - 1)
        if tail is not None:  # ELO_A = 2600 + 16(1 - 0.849) = 2602: ELO_A names the value, the rest is claimed
            rest = read_untagged(tail, context)
            said = f"{word[0]} names the value of the chain, then"
            return dataclasses.replace(rest, reason=f"{said} {rest.reason}".rstrip(), text=rest.text or tail)
    if relations[0] == "=" and first is not None and first.args and _is_definable(first):
        params = [_key(a) for a in (single_atom(s) for s in first.args) if a is not None]
        name = _key(first)
        # f(x, y) = f(y, x) is a claim about f; σ_λ(x) = σ(λx) defines σ_λ by σ
        recursive = any(_mentions(side, first.key, subscripted=bool(first.sub)) for side in sides[1:])
        if (
            not recursive
            and len(params) == len(first.args)
            and len(set(params)) == len(params)  # Cov(X, X) = Var(X) is a claim, not a definition
            and all(a.args is None for a in (single_atom(s) for s in first.args))
        ):
            if len(sides) == 2 and _is_constant(sides[1]):
                return Reading("skip", f"a condition or an equation on {name}: nothing claimed for every value")
            if len(sides) == 2 and name in context.definitions and not any(_mentions(sides[1], p) for p in params):
                # G(x) = rK/4 after G(x) = rx(1 - x/K): the value G reaches at some x, not G made a constant
                return Reading(
                    "skip",
                    f"an equation on {name}, which the document defined before: a value it takes at some"
                    f" {', '.join(params)}, not a new meaning; nothing claimed for every value",
                )
            definition = Definition(name, params, sides[1], first.blackboard)
            if len(sides) > 2:  # L(y) = A = B: a definition, then claims about its value
                usual = first.key in KNOWN_FUNCTIONS  # Var(X) = E[(X - \mu_X)^2] = ...: first as the usual Var
                return Reading("claim", f"definition of the function {name}, then", definition, usual=usual)
            return Reading(
                "definition",
                f"definition of the function {name}: binds it for the formulas after it",
                definition,
                usual=first.key in KNOWN_FUNCTIONS,
            )
    if marked or LET.search(latex):
        return Reading("definition", "a definition: nothing to check")
    if (
        any(r in ("<", ">", "<=", ">=", "!=") for r in relations)
        and all(_is_simple(s) for s in sides)
        and any(_free_names(s, context) for s in sides)  # 0.4 \times 0.9 > 0.5 \times 0.4: arithmetic, a claim
    ):
        return Reading("skip", "a condition (an inequality between names and numbers): nothing claimed for every value")
    if (
        all(r in ("<", ">", "<=", ">=") for r in relations)
        and E_NOTATION.search(latex)
        and any(_free_names(s, context) for s in sides)
    ):  # 2BDF / 9.2e14 > 2(BD + DF + BF) / 1.5e10: a rate or a size measured, and the names that outrun it
        return Reading(
            "skip",
            "a condition (an inequality between expressions in names and measured figures, written as 9.2e14):"
            " nothing claimed for every value",
        )
    piecewise = _piecewise_identity(sides, relations)
    if "\\begin{cases}" in latex.replace(" ", "") and not piecewise:
        return Reading("skip", "a case split: nothing claimed for every value")
    if len(sides) > 2 and relations[0] == "=" and relations[-1] == "=":
        # 0 = f'(θ) = ... = 9θ^8(1-θ)^4 - ...: an expression set to a value, then worked out
        for end, neighbour in ((sides[0], sides[1]), (sides[-1], sides[-2])):
            if not _free_names(end, context) and _free_names(neighbour, context):
                return Reading(
                    "skip",
                    "an equation to solve (an expression set to a value and worked out): not claimed for every value",
                    equation=True,
                )
    if len(sides) > 2 and relations[0] == "=" and _set_to_a_value(sides, context):
        tail = _after_first_relation(latex, len(sides) - 1)
        if tail is not None:  # \cos\theta = \frac{8}{\sqrt{14}\sqrt{5}} \approx 0.956: θ solves it, the rest is claimed
            rest = read_untagged(tail, context)
            said = "an equation in the first side's names, set to the value of the chain, then"
            return dataclasses.replace(rest, reason=f"{said} {rest.reason}".rstrip(), text=rest.text or tail)
    point = _taken_at_a_point(sides, relations, context)
    if point is not None:  # \frac{\partial \sin(s_1)}{\partial s_1} = \cos(s_1) = \cos(3^2) \approx -0.91
        return Reading(
            "claim",
            f"the names are taken at a point from link {point} on, so that link is an equation, then",
            at_a_point=(chain_latex(sides, relations, 0, point), chain_latex(sides, relations, point, len(sides))),
        )
    differentiated = _differentiated_constant(sides)
    if differentiated is not None:  # ∂e/∂b = 5: e names a quantity of the document, not Euler's number
        return Reading("skip", f"the derivative of {differentiated}, a quantity the formula does not state")
    if len(sides) == 2 and relations[0] == "=" and _derivative_set_to_number(sides):
        return Reading(
            "skip",
            "a derivative set to a number: an equation for a stationary point, not claimed for every value",
            equation=True,
        )
    if len(sides) == 2 and relations[0] in ("=", "~") and not piecewise:  # a case split's names are in its rows
        constant = [not _free_names(s, context) for s in sides]
        if constant.count(True) == 1:
            other = sides[constant.index(False)]
            if not _has_function(other, context) or _is_single_application(other, context):
                return Reading(
                    "skip", "an equation to solve (or a condition): nothing claimed for every value", equation=True
                )
    # a name the document defined (P := ...) keeps its claim checked
    free = len(sides) == 2 and relations[0] == "=" and _free_names(sides[0], context)
    power = _powers_of_one_name(latex) if free else None
    if power is not None:  # P^2 = P: a projection's property (x^2 = x: x is 0 or 1), an identity nobody means
        return Reading(
            "skip",
            f"an equation between powers of {power} (a property of it, as a projection's P^2 = P):"
            " nothing claimed for every value",
            equation=True,
        )
    return Reading("claim", restates=_restated_definition(sides, relations, context))


# one letter (not Euler's e) or a Greek letter (not \pi), raised to a whole number or not raised
POWER_OF_A_NAME = re.compile(
    r"\s*(?P<name>[A-Za-df-z]|\\(?!pi\b)[a-zA-Z]+)\s*(?:\^\s*(?:\{\s*(?P<braced>\d+)\s*\}|(?P<bare>\d)))?\s*[.,;]?\s*"
)


def _powers_of_one_name(latex: str) -> str | None:
    """The name of an equation whose two sides are each that one name raised to a different whole power, or not
    raised (``P^2 = P``, ``A^3 = A``): a property of the name, never an identity; None for any other equation."""
    if latex.count("=") != 1:
        return None
    found = [POWER_OF_A_NAME.fullmatch(side) for side in latex.split("=")]
    if not all(found) or found[0].group("name") != found[1].group("name"):
        return None
    powers = [int(f.group("braced") or f.group("bare") or 1) for f in found]
    if powers[0] == powers[1] or found[0].group("name").lstrip("\\") in ("infty", "ldots", "cdots", "dots"):
        return None
    return found[0].group("name")


def _taken_at_a_point(sides, relations, context) -> int | None:
    """The number of the first side in numbers alone of a chain of two sides or more in free names, tied by =, then
    two sides or more in numbers (``\\frac{d}{dx} x^2 = 2x = 2 \\cdot 3 = 6``): the names are taken at a point the prose
    gives, so the link into numbers holds there only; None for any other chain."""
    free = [bool(_free_names(side, context)) for side in sides]
    if all(free):
        return None
    point = free.index(False)
    if point < 2 or len(sides) - point < 2 or any(free[point:]) or any(r != "=" for r in relations[:point]):
        return None
    return point


def _restated_definition(sides, relations, context) -> str | None:
    """The name a formula writes as a definition again, at arguments that are names or applications of names
    (``L(y, f(\\vec{x})) = [y - f(\\vec{x})]^2`` after ``L(\\theta, \\hat\\theta) = |\\theta - \\hat\\theta|``), which
    the author may be giving a new meaning; None for any other formula."""
    first = single_atom(sides[0]) if len(sides) == 2 and relations == ["="] else None
    if first is None or not first.args or _key(first) not in context.definitions:
        return None
    arguments = [single_atom(s) for s in first.args]
    if any(a is None for a in arguments) or len({s.text for s in first.args}) != len(arguments):
        return None
    if len(context.definitions[_key(first)].params) != len(arguments) or _mentions_member(sides[1], first):
        return None  # f(x, y) = f(y, x) is a claim about f; model_d, another name, may make a new model
    return _key(first)


def named_value_tail(latex: str, context: DocumentContext) -> tuple[str, str, bool] | None:
    """(the first side's name, the formula after its first ``=``, whether the rest holding makes the chain hold) for a
    chain whose first side is one quantity no later side mentions, so that it sets no condition on their names.

    Such a side is an application or a derivative of a name (``\\partial_{o_j} l(\\mathbf{y}, \\hat{\\mathbf{y}})``): a
    chain claims each of its links, so the rest refuted refutes it. When the side applies a name the document does not
    define and the checker does not know to arguments (``P(i \\text{ beats } j) = \\frac{1}{1 + e^{-(s_i - s_j)}} =
    \\sigma(s_i - s_j)``), the first link names the value, and the rest holding decides it.
    """
    try:
        sides, relations, _ = rewrite_chain(latex)
    except Exception:  # unreadable: no tail to claim
        return None
    if len(sides) < 3 or relations[0] != "=":
        return None
    first = single_atom(sides[0])
    derivative = one_node(sides[0]) if first is None else None
    if isinstance(derivative, Deriv):
        first = single_atom(derivative.num)
    if first is None or first.args is None and not isinstance(derivative, Deriv):
        return None  # x = y + 1 = 2y: a name alone at the head may be solved for with the rest (y = 1)
    names = first.key not in KNOWN_FUNCTIONS and first.key not in context.definitions
    names = names and _key(first) not in context.definitions and not isinstance(derivative, Deriv)
    # a name the first link defines may sit beside other members of its family (V_{H-1} beside V_{H-2}); a derivative
    # of p_i beside p_k is of one family whose members the rest ties together
    mentioned = _mentions_member if names else lambda side, atom: _mentions(side, atom.key)
    if any(mentioned(side, first) for side in sides[1:]):
        return None
    tail = _after_first_relation(latex, len(sides) - 1)
    return None if tail is None else (_key(first), tail, names)


def _set_to_a_value(sides, context) -> bool:
    """Whether a chain sets an expression in free names that is no identity's side (\\cos\\theta, x + 1) to a
    value its other sides work out in numbers alone, as the equation of two sides is read."""
    first, rest = sides[0], sides[1:]
    if not _free_names(first, context) or any(_free_names(side, context) for side in rest):
        return False
    return not _has_function(first, context) or _is_single_application(first, context)


def opaque_function(name: str, latex: str) -> bool:
    """Whether an unbound name is an unknown function whose values may be read as numbers of their own.

    Only a one-letter name (``V``, ``r^*``, ``\\pi_\\theta``, ``\\phi``, under an accent ``\\hat{\\mathbf{v}}_\\theta``)
    written just before a parenthesis qualifies: a longer name (``\\operatorname{softplus}``) means one function the
    checker does not know, whose values are tied to its arguments.
    """
    accent, _, letter = name.rpartition("_") if name.startswith(ACCENTS) else ("", "", name)
    if name in KNOWN_FUNCTIONS or not (re.fullmatch(r"[A-Za-z]", letter) or letter in FUNCTION_LETTERS):
        return False
    spelling = rf"(?<![\\A-Za-z]){letter}" if len(letter) == 1 else rf"\\{letter}(?![A-Za-z])"
    if accent:  # \hat{\mathbf{v}}_\theta(\mathbf{z}): a network's output, one letter under an accent
        spelling = rf"\\{accent}\s*\{{?\s*(?:\\(?:mathbf|boldsymbol|bm)\s*\{{?\s*)?{spelling}\s*\}}?\s*\}}?"
    return (
        re.search(
            spelling + r"\s*(?:[_^]\s*(?:\{[^{}]*\}|\\?[A-Za-z*]+|\d)\s*)*\s*(?:\(|\\left\s*\(|\\big[lr]?\s*\()", latex
        )
        is not None
    )


def _laws_applied(atom: Atom, latex: str) -> bool:
    """Whether each argument of a divergence is a name the formula also applies to an outcome (D_{JSD}[p, q] beside
    p(x) and q(x)): laws, where D_{JSD}[p, q] alone may be between the Bernoulli laws of two numbers."""
    names = [single_atom(arg) for arg in atom.args]
    if any(name is None or name.args is not None or name.sub for name in names):
        return False
    spelled = [rf"\\{n.key}(?![A-Za-z])" if len(n.key) > 1 else rf"(?<![\\A-Za-z]){n.key}" for n in names]
    return all(re.search(rf"{spelling}\s*(?:\\left\s*)?\(", latex) for spelling in spelled)


def quantified_names(latex: str, context: DocumentContext) -> dict:
    """The names a claim binds by itself, each with its kind ("real", "vector", "matrix" for a bold capital, or
    "count"); see the module docstring."""
    sides, _, _ = rewrite_chain(latex)
    bold = {m.group(1) for m in BOLD.finditer(latex)}
    occurrences: dict = {}  # key -> [in an argument or a differentiated expression?]
    kinds: dict = {}
    derivative_variables: set = set()

    def note(atom: Atom, inside: bool, bound: set):
        if atom.key in bound or atom.args is not None or atom.decoration:
            return
        if not atom.sub:
            key, kind = atom.key, ("matrix" if atom.key[:1].isupper() else "vector") if atom.key in bold else "real"
        elif len(atom.sub) == 1 and str(atom.sub[0]).isdigit():
            key, kind = f"{atom.key}_{atom.sub[0]}", "real"
        elif len(atom.sub) == 1 and str(atom.sub[0]).isalpha() and len(str(atom.sub[0])) == 1:
            key, kind = atom.key, "vector"
        else:
            return
        occurrences.setdefault(key, []).append(inside)
        if kinds.get(key) not in ("vector", "count"):
            kinds[key] = kind

    def walk_side(side: Side, inside: bool, bound: set):
        try:
            expr = parse_latex(side.text)
        except ParseError:
            return
        walk(expr, side, inside, bound)

    def walk(expr, side, inside, bound):
        if isinstance(expr, sp.Symbol):
            node = side.node(expr)
            visit(node, inside, bound)
            return
        if isinstance(expr, NATIVE_FUNCTIONS):
            for arg in expr.args:
                walk(arg, side, True, bound)
            return
        for arg in expr.args:
            walk(arg, side, inside, bound)

    def visit(node, inside, bound):
        if isinstance(node, Atom):
            if node.args is not None:
                if is_divergence(node) or is_jensen_shannon(node) and _laws_applied(node, latex):
                    return  # its arguments are distributions: see derive.docs.free
                known = (
                    node.key in KNOWN_FUNCTIONS or _key(node) in context.definitions or node.key in context.definitions
                )
                for arg in node.args:
                    walk_side(arg, inside or known, bound)
            else:
                note(node, inside, bound)
        elif isinstance(node, SumNode):
            inner = bound | set(node.variables)
            for part in (node.low, node.high):
                if part is not None:
                    walk_side(part, inside, inner)
            last = single_atom(node.high) if node.high is not None else None
            if last is not None and kinds.get(last.key) == "real" and last.args is None and not last.sub:
                kinds[last.key] = "count"  # Σ_{i=1}^n: n counts the terms, a whole number (the vectors' length)
            walk_side(node.body, inside, inner)
        elif isinstance(node, Deriv):
            variable = single_atom(node.den)
            if variable is not None and variable.args is None:
                key = _key(variable) if not variable.sub or str(variable.sub[0]).isdigit() else variable.key
                derivative_variables.add(key)
                note(variable, True, bound)
            numerator = single_atom(node.num)
            walk_side(node.num, numerator is None or numerator.args is not None, bound)
        elif isinstance(node, TupleNode):
            for item in node.items:
                walk_side(item, inside, bound)
        elif isinstance(node, Cases):
            for row in node.rows:
                walk_side(row[0], inside, bound)

    for side in sides:
        walk_side(side, False, set())
    return {
        key: kinds[key]
        for key, seen in occurrences.items()
        if key not in context.definitions and (key in derivative_variables or all(seen))
    }


# --- helpers --------------------------------------------------------------------------


def _word(side: Side):
    """(the word, its letters' keys) for a side that is a name written in italic letters (``ELO_A``, ``mer``), or None.

    Such a side reads as a product of two or more plain letters, without numbers or other operations.
    """
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return None
    if not isinstance(expr, sp.Mul) or not all(isinstance(factor, sp.Symbol) for factor in expr.args):
        return None
    atoms = side.nodes(expr)
    if not all(isinstance(a, Atom) and a.args is None and not a.decoration and not a.transpose for a in atoms):
        return None
    return "".join(side.source.split()), {a.key for a in atoms}


def _after_first_relation(latex: str, count: int) -> str | None:
    """The formula after its first ``=`` outside any group, when that leaves a chain of ``count`` sides."""
    depth = 0
    for position, char in enumerate(latex):
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif char == "=" and depth == 0:
            tail = latex[position + 1 :]
            try:
                sides, _, _ = rewrite_chain(tail)
            except Exception:  # unreadable: no tail to claim
                return None
            return tail if len(sides) == count else None
    return None


def _key(atom: Atom) -> str:
    keys = atom.full_keys()
    return keys[0] if keys else atom.key


def _is_definable(atom: Atom) -> bool:
    """A name an author may define (f, p, σ, H), not one that means a single known function (sigmoid)."""
    return atom.key not in UNAMBIGUOUS_FUNCTIONS and not atom.post_sub and not atom.transpose


def _atoms_in(side: Side) -> list:
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return [None]
    return side.nodes(expr)


def _mentions(side: Side, key: str, subscripted: bool = False) -> bool:
    """Whether the side names ``key`` (only with a subscript of its own, when ``subscripted``)."""
    return any(
        isinstance(node, Atom) and node.key == key and (node.sub or not subscripted) for node in _reachable(side)
    )


def _mentions_member(side: Side, atom: Atom) -> bool:
    """Whether the side names the member of a family ``atom`` is (V_{H-1}^\\pi beside V_{H-2}^\\pi is another)."""
    return any(
        isinstance(node, Atom) and node.key == atom.key and (_key(node) == _key(atom) or not node.full_keys())
        for node in _reachable(side)
    )


def _reachable(side: Side) -> list:
    """Every node reached from this side, nested ones included (not those of the chain's other sides)."""
    found, stack, seen = [], [side], set()
    while stack:
        current = stack.pop()
        try:
            expr = parse_latex(current.text)
        except ParseError:
            continue
        for node in current.nodes(expr):
            if node is None or id(node) in seen:
                continue
            seen.add(id(node))
            found.append(node)
            stack.extend(child_sides(node))
    return found


def _free_names(side: Side, context: DocumentContext, bound: frozenset = frozenset()) -> bool:
    """Whether a side uses a name that is neither defined earlier, bound inside it, nor a function the checker knows.

    A sum, an integral, a limit, a maximum and an evaluation ``|_{x = a}`` bind their variable
    inside them: ``\\sum_{t=0}^{2} 0.9^t`` and ``\\left.\\frac{d}{dx} x^2\\right|_{x=1}`` are numbers.
    """
    try:
        nodes = _atoms_in(side)
    except Exception:
        return True
    for node in nodes:
        if node is None:
            return True
        if isinstance(node, Number):
            continue
        if isinstance(node, Atom):
            known = node.args is not None and (
                node.key in KNOWN_FUNCTIONS or node.key in context.definitions or _key(node) in context.definitions
            )
            if node.args is None and (
                (node.key in bound and not node.sub and not node.decoration)
                or (node.key in CONSTANTS and not node.sub and not node.decoration)
                or node.key in context.definitions
                or _key(node) in context.definitions
            ):
                continue
            if not known:
                return True
            if any(_free_names(arg, context, bound) for arg in node.args):
                return True
            continue
        inner = bound
        if isinstance(node, SumNode):
            inner = bound | set(node.variables)
            if any(_free_names(part, context, bound) for part in (node.low, node.high) if part is not None):
                return True
            if _free_names(node.body, context, inner):
                return True
            continue
        if isinstance(node, (Integral, Limit, Extremum)):  # the bounds and the target are outside its variable
            outside = [part for part in (getattr(node, "low", None), getattr(node, "high", None)) if part is not None]
            if isinstance(node, Limit) and node.target is not None:
                outside.append(node.target)
            if any(_free_names(part, context, bound) for part in outside):
                return True
            if _free_names(node.body, context, bound | {node.variable}):
                return True
            continue
        if isinstance(node, EvaluatedAt):
            variable = single_atom(node.variable)
            if variable is None or _free_names(node.value, context, bound):
                return True
            if _free_names(node.body, context, bound | {variable.key}):
                return True
            continue
        elif isinstance(node, Prime):
            if not isinstance(node.target, str) and not (
                isinstance(node.target, Atom)
                and (node.target.key in KNOWN_FUNCTIONS or node.target.key in context.definitions)
            ):
                return True
            if _free_names(node.arg, context, bound):
                return True
            continue
        if any(_free_names(child, context, inner) for child in child_sides(node)):
            return True
    return False


def _differentiated_constant(sides: list) -> str | None:
    """e or \\pi written alone as what a derivative is taken of (``\\partial e / \\partial b``), else None."""
    todo = list(sides)
    while todo:
        side = todo.pop()
        try:
            expr = parse_latex(side.text)
        except ParseError:
            continue
        for symbol in sorted(expr.free_symbols, key=str):
            node = side.node(symbol)
            target = single_atom(node.num) if isinstance(node, Deriv) else None
            if (
                target is not None
                and target.key in ("e", "pi")
                and not (target.sub or target.args or target.decoration)
            ):
                return node.num.source.strip()
            if node is not None:
                todo.extend(child_sides(node))
    return None


def _derivative_set_to_number(sides: list) -> bool:
    """Whether one side is a derivative alone and the other a written number (\\frac{d}{dx} f(x) = 0): how a
    stationary point is solved for, though the derivative's variable is bound inside it."""
    derivatives = [node for node in map(one_node, sides) if isinstance(node, Deriv)]
    if any(single_atom(node.num) is not None and node.num.source == node.den.source for node in derivatives):
        return False  # \frac{\partial L}{\partial L}: 1 at every value, no equation
    return bool(derivatives) and any(_is_constant(side) for side in sides)


def _is_constant(side: Side) -> bool:
    """A side written with numbers only."""
    return all(isinstance(node, Number) for node in _atoms_in(side))


def _is_simple(side: Side) -> bool:
    """A single name, or numbers only: what a condition relates."""
    if _is_constant(side):
        return True
    atom = single_atom(side)
    return atom is not None and atom.args is None


def _has_function(side: Side, context: DocumentContext) -> bool:
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return False
    if expr.atoms(*NATIVE_FUNCTIONS):
        return True
    for node in _atoms_in(side):
        if isinstance(node, Deriv):
            return True
        if (
            isinstance(node, Atom)
            and node.args is not None
            and (node.key in KNOWN_FUNCTIONS or node.key in context.definitions)
        ):
            return True
        if isinstance(node, SumNode) and _has_function(node.body, context):
            return True
    return False


def _is_single_application(side: Side, context: DocumentContext) -> bool:
    """``\\sigma(z)``, ``\\log p``, ``e^{x}``, ``-\\log \\sigma(z)``: one function applied once, times a number at most,
    as in an equation to solve."""
    try:
        expr = parse_latex(side.text)
    except ParseError:
        return False
    coefficient, rest = expr.as_coeff_Mul() if isinstance(expr, sp.Mul) else (sp.Integer(1), expr)
    if coefficient != 0 and coefficient.is_number:
        expr = rest
    if isinstance(expr, NATIVE_FUNCTIONS) or (isinstance(expr, sp.Pow) and expr.base == sp.E):
        return True
    atom = single_atom(side)
    return atom is not None and atom.args is not None
