"""A law of several outcomes, written p(x, c), p(x | c), P(X | Y): one joint table drawn at random.

A tagged formula in the shared notation that applies a law name (p, P, q, Q, Pr) to two outcome
names or more, ``\\sum_{x, c} p(x, c) \\log \\frac{p(x, c)}{p(x) p(c)}`` or
``E_{Y \\sim P(Y)}[-\\log P(X \\mid Y)]``, means a joint law of those outcomes. Up to four outcomes are
modelled (a transition law P(s', r | s, a)); a law of more is refused, never read as another p. A subscript that
labels parameters (p_\\theta, q_\\phi) names a law of its own. A divergence between two laws of one outcome,
D_KL(q(z | x) || p(z)), and a draw from a conditional law, E_{z ~ q(z | x)}, run over the values of that outcome. Each outcome
takes n values (the shared notation's dimension), and the law is a table of n^k positive
probabilities summing to 1, drawn at each point: p(x, c) is an entry, p(x) the marginal (the
sum over the outcomes not written), p(x | c) = p(x, c) / p(c), and I(x; c) the mutual
information Σ p(x, c) log p(x, c) / (p(x) p(c)). An outcome a sum or an expectation draws runs
over its values; any other (X in P(X)) is claimed for each of them. A formula that holds for
every drawn law PASSes; one law that refutes it is the counterexample.

An outcome may be given a value inside the law, ``P(X = x, Y = y)``, ``P(B \\mid A = a)``,
``q(\\mathbf{x} \\mid y = 1)``: the probability that the outcomes take those values, a formula with a
side the law does not enter may state a particular law (``P(X = k) = 1/6``): it PASSes when it holds
for every law, and is UNKNOWN where a law refutes it. A value named
by a letter runs over the outcome's values (drawn by a sum, else claimed for each); a written
number is one value. An outcome the formula gives only written numbers (y = 0 and y = 1) takes
those values, and the formula is decided twice: with no other value (closed) and with one more
value it never writes (open); when the two readings disagree the verdict is UNKNOWN, unless the
tag says the outcome's values (``y \\in \\{0, 1\\}``).
"""

from __future__ import annotations

import itertools
import re
from contextvars import ContextVar
from dataclasses import dataclass, field

import mpmath
import sympy as sp

from derive import domain as dom
from derive.docs.context_values import set_within
from derive.docs.factored_laws import MOST_FACTORED_OUTCOMES, FactoredLaw, FactoredTable
from derive.docs.interpret import Atom
from derive.docs.side_names import single_atom
from derive.docs.values import BindError, NeedsConcrete

LAW_NAMES = ("p", "P", "q", "Q", "Pr", "pi")  # pi: a policy, the law of an action given a state
MOST_OUTCOMES = 4  # P(s', r | s, a): the table has n^4 entries
_INDEPENDENT: ContextVar[bool] = ContextVar("independent_outcomes", default=False)


def independent_outcomes():
    """Within: each joint law drawn is a law of independent outcomes (a product of one law per outcome)."""
    return set_within(_INDEPENDENT, True)


@dataclass(frozen=True)
class IndependentTable(dom.Sampler):
    """The table of a joint law of independent outcomes: each entry the product of one positive law per outcome, the
    first outcome's value counting fastest (as :meth:`JointLaw.entry` orders them)."""

    sizes: tuple

    def sample(self, rng, values):
        laws = [dom.ProbabilityVector(size).sample(rng, values) for size in self.sizes]
        return [mpmath.fprod(entry[::-1]) for entry in itertools.product(*reversed(laws))]

    def latex(self, name):
        return rf"{name} = " + r" \otimes ".join(rf"\Delta^{{{sp.latex(size)}}}" for size in self.sizes)


@dataclass
class JointLaw:
    """The table of one law name over its outcomes, in the order the formula first names them."""

    name: str
    outcomes: tuple  # outcome names (x, c)
    table: sp.IndexedBase  # entry 1 + Σ_j (v_j - 1) Π_{i<j} (values of outcome i): the probability of the values v
    written: dict = field(default_factory=dict)  # outcome -> the written numbers, when it takes only those
    more: dict = field(default_factory=dict)  # outcome -> values beyond its written numbers (the open reading: 1)
    one_sided: bool = False  # outcomes at values, and a side of the formula without the law (P(X = k) = 1/6)
    variables: dict = field(default_factory=dict)  # random variable X -> its outcome x, as the tag declares them
    labelled: frozenset = frozenset()  # outcomes the tag names with a letter subscript (x_i), each one outcome

    def values(self, outcome, size):
        """How many values an outcome takes: its written numbers (and ``more``), else the dimension."""
        if outcome in self.written:
            return sp.Integer(len(self.written[outcome]) + self.more.get(outcome, 0))
        return size

    def table_size(self, size):
        return sp.Mul(*(self.values(outcome, size) for outcome in self.outcomes))

    def position(self, outcome, value, size):
        """The position (1, 2, ...) of a value among an outcome's values: a written number by its rank."""
        if outcome in self.written:
            listed = self.written[outcome]
            if not value.is_number and list(listed) == list(range(listed[0], listed[0] + len(listed))):
                return value - listed[0] + 1  # x_1 drawn from the listed 0, 1: its position among them
            if not value.is_number:
                raise BindError(
                    f"{outcome} takes the listed numbers {', '.join(map(str, listed))}, not whole numbers in a row:"
                    " its place among them at a drawn value is not read"
                )
            if value not in listed:
                raise BindError(f"{outcome} = {value}: not a value written for {outcome}")
            return sp.Integer(self.written[outcome].index(value) + 1)
        return value

    def entry(self, positions: dict, size):
        """P(outcome_j at position positions[outcome_j] for all j), every outcome given a position."""
        position, stride = sp.Integer(1), sp.Integer(1)
        for outcome in self.outcomes:
            position += (positions[outcome] - 1) * stride
            stride *= self.values(outcome, size)
        return self.table[position]

    def probability(self, values: dict, size):
        """The probability of the outcomes in ``values`` at their values: the others summed out."""
        if not isinstance(size, sp.Integer):
            raise NeedsConcrete()
        positions = {outcome: self.position(outcome, value, size) for outcome, value in values.items()}
        free = [o for o in self.outcomes if o not in values]
        total = []
        ranges = [range(1, int(self.values(o, size)) + 1) for o in free]
        for rest in itertools.product(*ranges):
            total.append(self.entry({**positions, **dict(zip(free, map(sp.Integer, rest)))}, size))
        return sp.Add(*total)


# a law's subscript that labels its parameters or its role (p_\theta, q_\phi, \pi_{ref}, \pi_{\theta_{old}}): the law
# p_theta, apart from p and from q_phi
PARAMETER_LABELS = ("theta", "phi", "lambda", "psi", "omega", "eta", "gamma", "ref", "old", "theta_old", "sft", "SFT")


def law_key(atom: Atom) -> str:
    """The name of the law an atom applies: p, or p_theta for p_\\theta; '' for another subscript (p_i)."""
    if atom.post_sub or atom.sub and atom.sub_text not in PARAMETER_LABELS:
        return ""
    key = f"{atom.key}*" if atom.star else atom.key  # p^*, \pi^*: the true law or the optimum, a law of its own
    return f"{key}_{atom.sub_text}" if atom.sub else key


def law_parts(atom: Atom):
    """([(outcome side, value side or None)], the number of parts before the bar) of p(x, y | z), P(X = x | A = a),
    p(x, z; \\theta) (the parameters after the semicolon set aside: :func:`law_parameter`); None when a separator is
    other than ',' and '|' or the bar is written twice."""
    parts, bar, position = [], None, 0
    args, seps = _outcome_arguments(atom)
    while position < len(args):
        value = None
        if position < len(seps) and seps[position] == "event =":
            value = args[position + 1]
            parts.append((args[position], value))
            position += 2
        else:
            parts.append((args[position], None))
            position += 1
        if position - 1 < len(seps):
            sep = seps[position - 1]
            if sep == "|" and bar is None:
                bar = len(parts)
            elif sep != ",":
                return None
    return parts, (len(parts) if bar is None else bar)


def _outcome_arguments(atom: Atom):
    """(the arguments, the separators) of a law before a semicolon and the parameters after it, p(x, z; \\theta)."""
    args, seps = atom.args or [], list(atom.seps)
    if ";" in seps and seps.count(";") == 1 and all(sep == "," for sep in seps[seps.index(";") + 1 :]):
        cut = seps.index(";")
        return args[: cut + 1], seps[:cut]
    return args, seps


def law_parameter(atom: Atom) -> str:
    """The parameters a law is written at after a semicolon, p(x, z; \\theta_t) at theta_t, spaces aside; '' for none."""
    seps = list(atom.seps)
    if seps.count(";") != 1:
        return ""
    return ",".join(
        re.sub(r"\s+", "", side.written or side.source) for side in (atom.args or [])[seps.index(";") + 1 :]
    )


def written_number(side):
    """The number a value side writes (1, 0, -1), or None for anything else."""
    from derive.docs.nodes import Number
    from derive.docs.parse import parse_latex

    try:
        value = parse_latex(side.text)
    except Exception:
        return None
    numbers = {}
    for symbol in value.free_symbols:
        node = side.node(symbol)
        if not isinstance(node, Number) or not re.fullmatch(r"\d+", node.text):
            return None
        numbers[symbol] = sp.Integer(node.text)
    value = value.xreplace(numbers)
    return value if isinstance(value, sp.Integer) else None


def _law_applications(sides, child_sides, labelled=frozenset()):
    """(the applications of a law name to plain names: (law, [argument names], [separators]), the names a sum or an
    expectation draws); a name with a letter subscript is an outcome only when in ``labelled``."""
    from derive.docs.interpret import SumNode

    found, drawn = [], set()
    for node in _nodes_reached(sides, child_sides):
        if isinstance(node, SumNode) and node.low is None and node.high is None:
            drawn |= set(node.variables)  # Σ_x over the outcomes of x
        if isinstance(node, Atom) and node.key in ("E", "bb_E") and "sim" in node.sub_text:
            drawn.add(node.sub_text.partition("sim")[0])
        if isinstance(node, Atom) and node.key in LAW_NAMES and node.args and law_key(node):
            read = law_parts(node)
            parts = read[0] if read else []
            names = [_outcome_name(outcome, labelled) for outcome, _ in parts]
            if read and all(names):
                values = [None if value is None else _value_written(value, labelled) for _, value in parts]
                found.append((law_key(node), names, read[1], values, law_parameter(node)))
    return found, drawn


def _summed_letters(sides) -> set:
    """The indices a sum or product of the formula runs over."""
    from derive.docs.free import child_sides
    from derive.docs.interpret import SumNode

    found = set()
    for node in _nodes_reached(sides, child_sides):
        if isinstance(node, SumNode):
            found |= set(node.variables)
    return found


def _nodes_reached(sides, child_sides):
    """Every node the sides write, those of the sides nested in them too (an unreadable side is skipped: the
    formula's reading reports it)."""
    from derive.docs.parse import parse_latex

    todo = list(sides)
    while todo:
        side = todo.pop(0)
        try:
            nodes = side.nodes(parse_latex(side.text))
        except Exception:  # unreadable: the reading reports it
            continue
        for node in nodes:
            yield node
            todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))


def _value_written(side, labelled=frozenset()):
    """What a value inside a law writes: a number, a plain name ("name"), or anything else (None)."""
    number = written_number(side)
    if number is not None:
        return number
    return "name" if _outcome_name(side, labelled) else "other"


def _outcome_name(side, labelled=frozenset()):
    """The outcome a law's argument names: x, x_1 for one of a sequence's (x_1, x_2), or x_i when the tag declares
    x_i a random variable of the law (``labelled``); None for anything else."""
    atom = single_atom(side)
    if atom is None or atom.args is not None or atom.transpose or atom.decoration:
        return None
    if atom.sub:
        name = f"{atom.key}_{atom.sub_text}"
        return name if not atom.post_sub and (atom.sub_text.isdigit() or name in labelled) else None
    return atom.key


def labelled_outcomes(variables) -> frozenset:
    """The outcomes among a tag's random variables written with a letter subscript (x_i in 'c, x_i: random
    variables with joint distribution p(c, x_i)'): each one outcome of the law, not the i-th of a sequence."""
    return frozenset(v.lower() for v in variables if re.fullmatch(r"[A-Za-z]+_[A-Za-z]+", v))


def joint_laws(
    sides, declared=frozenset(), labelled=frozenset(), factored=frozenset(), apart=frozenset(), definitions=None
) -> dict:
    """Law name -> (its outcomes, {outcome: the numbers written for it, when it is given no other value}, whether it
    gives outcomes values and some side does not apply it), for each law the formula applies to two outcomes or more
    somewhere, or to an outcome at a value (P(X = x)); a law the tag ``declared`` is one wherever it is applied, and
    one the tag gives as a product of its conditional laws (``factored``) may have more outcomes. The bodies of the
    tag's ``definitions`` the formula applies, (bodies, the names the formula passes them as their own parameters),
    count too where they apply laws to the formula's own outcomes or those names only (A(s, a) = Q(s, a) - V(s)
    beside the formula's \\pi(a \\mid s) or A(s, a): Q is a law of s and a)."""
    from derive.docs.free import child_sides

    applications, drawn = _law_applications(sides, child_sides, labelled)
    bodies, passed = definitions or ((), set())
    if bodies:
        named = {outcome for _, names, _, _, _ in applications for outcome in names} | passed
        more, summed = _law_applications(bodies, child_sides, labelled)
        applications += [a for a in more if set(a[1]) <= named]
        drawn |= summed & named
    applications = [a for a in applications if f"{a[0]}({','.join(a[1])})" not in apart]
    on_every_side = set.intersection(
        *({a[0] for a in _law_applications([side], child_sides, labelled)[0]} for side in sides)
    )
    # a law of outcomes: conditioned (p(x | c)), of outcomes a sum or an expectation draws (Σ_{x, c} p(x, c)), or
    # of outcomes at values (P(X = x)); q(x, y) alone may be a function of two numbers
    joint = {
        name
        for name, names, bar, values, _ in applications
        if len(names) > 1 and (bar < len(names) or set(names) & drawn or name in declared)
    }
    events = {name for name, _, _, values, _ in applications if any(v is not None for v in values)}
    joint |= events
    outcomes: dict = {}
    written: dict = {}
    for name, names, _, values, _ in applications:
        if name not in joint:
            continue
        if "other" in values:
            return {}  # P(X = x_1 + 1): a value other than a name or a number is not read
        outcomes.setdefault(name, [])
        outcomes[name].extend(n for n in names if n not in outcomes[name])
        for outcome, value in zip(names, values):
            written.setdefault((name, outcome), set()).add("name" if value is None else value)
    for name in outcomes:
        parameters = {parameter for law, *_, parameter in applications if law == name}
        if len(parameters) > 1:  # p(x, z; \theta) beside p(z | x; \theta_t): laws at two parameters, not one law
            raise BindError(
                f"{name} written at different parameters ({', '.join(sorted(p or 'none' for p in parameters))}):"
                " the laws at each are not one joint law"
            )
    laws = {}
    for name, names in outcomes.items():
        most = MOST_FACTORED_OUTCOMES if name in factored else MOST_OUTCOMES
        if len(names) > most:  # never the shared notation's p instead: the formula is about a law
            raise BindError(
                f"{name}({', '.join(names)}): a joint law of {len(names)} outcomes is not modelled (at most {most})"
            )
        only_numbers = {}
        for outcome in names:
            seen = written[(name, outcome)]
            if "name" not in seen:
                only_numbers[outcome] = tuple(sorted(seen))
            elif seen - {"name"} and not all(v.is_integer and v >= 1 for v in seen - {"name"}):
                break  # y = 0 beside y = i: which value is which is not said
        else:
            # outcomes at values beside a side without the law: the formula may state a particular law (P(X = k) = 1/6);
            # so may a side without the law in parameters of its own (-\log P(y | X) = \frac{(y - w x)^2}{2 \sigma^2})
            apart = name not in on_every_side
            particular = apart and ("event" if name in events else _parameters_beside(sides, name, names) and "model")
            laws[name] = (tuple(names), only_numbers, particular or "")
    return laws


def _parameters_beside(sides, law, outcomes) -> bool:
    """Whether a side that does not apply the law writes names other than its outcomes: parameters of a model (σ, w,
    b), of which the law the formula means is a function."""
    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in

    for side in sides:
        if law in {application[0] for application in _law_applications([side], child_sides)[0]}:
            continue
        try:  # plain names only: H(X), I(X; Y) and D_KL(p || q) are functions of the law itself
            keys = {atom.key for atom in atoms_in([side], child_sides) if atom.args is None}
        except Exception:  # unreadable: no parameters read
            continue
        if keys - set(outcomes) - set(LAW_NAMES) - {"pi", "e"}:
            return True
    return False


def _applied_definitions(reading) -> tuple:
    """(the bodies of the tag's function definitions the formula applies (A(s, a) = Q(s, a) - V(s) beside A(s, a)),
    and of those they apply in turn, as sides; the names the formula writes as their own parameters (s and a in
    A(s, a)))."""
    from derive.docs.free import child_sides
    from derive.docs.interpret import Rewriter, clean, lex
    from derive.docs.side_names import argument_name
    from derive.docs.tags import FunctionClause

    clauses = {clause.name: clause for clause in reading.binding.clauses if isinstance(clause, FunctionClause)}
    bodies = {name: clause.body for name, clause in clauses.items()}
    atoms = [node for node in _nodes_reached(reading.sides, child_sides) if isinstance(node, Atom)]
    applied = {node.key for node in atoms}
    passed = {
        written
        for node in atoms
        if node.key in clauses and node.args
        for written, parameter in zip(map(argument_name, node.args), clauses[node.key].params)
        if written == parameter
    }
    found, todo = [], [name for name in bodies if name in applied]
    while todo:
        name = todo.pop(0)
        try:
            side = Rewriter(reading.binding.log_base, functions=bodies).side(clean(lex(bodies.pop(name))))
        except Exception:  # a body the grammar does not read: the reading reports it where it applies
            continue
        found.append(side)
        reached = {node.key for node in _nodes_reached([side], child_sides) if isinstance(node, Atom)}
        todo += [other for other in bodies if other in reached and other not in todo]
    return found, passed


def process_names(binding) -> set:
    """The names the tag's decision process reads itself (derive.docs.decision_process): no joint laws."""
    from derive.docs.decision_process import DecisionProcess

    processes = [c for c in binding.clauses if isinstance(c, DecisionProcess)]
    values = {key.partition("^")[0] for c in processes for key, _ in c.values}  # Q^\pi(s, a): Q, no law either
    return {name for c in processes for name in (c.policy, c.transition)} | values


def declare_joint_laws(reading, law_names, open_values: bool) -> None:
    """The joint law of each law name in ``law_names`` the formula applies to outcomes, a table drawn at each point;
    an outcome given only written numbers takes one value more in the open reading."""
    from derive.docs.side_names import _normal_name
    from derive.docs.tags import given_at_a_data_set

    declared = {_normal_name(name) for name in reading.binding.kinds} | set(reading.binding.free)
    declared |= {clause.name for clause in reading.binding.clauses if hasattr(clause, "params")}  # q(x, y) = x + y
    sets = tag_value_sets(reading.binding)
    declaring = [clause for clause in reading.binding.clauses if type(clause).__name__ == "LawOfOutcomes"]
    factored = {clause.name: clause for clause in reading.binding.clauses if isinstance(clause, FactoredLaw)}
    named = {clause.name for clause in declaring} | set(factored)
    labelled = labelled_outcomes(c.variable for c in declaring)
    summed = _summed_letters(reading.sides)
    labelled = frozenset(name for name in labelled if name.partition("_")[2] not in summed)  # Σ_i p(x_i): x_1, ..., x_n
    # p(D) = \prod_{x \in D} p(x): the likelihood of a data set under the law, which leaves the law open
    data_sets = {_normal_name(k) for k, body in reading.binding.overrides.items() if given_at_a_data_set(k, body)}
    found = joint_laws(
        reading.sides,
        declared=named,
        labelled=labelled,
        factored=frozenset(factored),
        apart=frozenset(data_sets),
        definitions=_applied_definitions(reading),
    )
    for name, model in factored.items():  # the law of every outcome the product names, in the product's order
        outcomes, written, one_sided = found.get(name, ((), {}, ""))
        if not set(outcomes) <= set(model.outcomes):
            extra = ", ".join(o for o in outcomes if o not in model.outcomes)
            raise BindError(f"{name}(..., {extra}, ...): an outcome the tag's '{model.text}' does not name")
        found[name] = (model.outcomes, written, one_sided)
    for name in named - set(found):  # H(X | Y) of the tag's random variables: their law, though the formula names none
        outcomes = tuple(dict.fromkeys(c.variable.lower() for c in declaring if c.name == name and c.variable))
        if 0 < len(outcomes) <= MOST_OUTCOMES:
            found[name] = (outcomes, {}, False)
    for name, (outcomes, written, one_sided) in found.items():
        if one_sided == "model" and name in named:  # the tag declares the law: it is any law of those outcomes
            one_sided = ""
        if (
            name.split("_")[0].rstrip("*") not in law_names
            or name in reading.overrides
            or name in declared
            and name not in named
        ):
            continue
        if "_" in name and name in reading.vocab.entries:  # p_theta the result defines
            continue
        if name in process_names(reading.binding):  # \pi(a \mid s) of the tag's decision process: its policy
            continue
        if any(k.startswith(f"{name}(") and k not in data_sets for k in [*reading.overrides, *declared]):
            continue  # the tag says what the law is, or what its values are (\pi_\theta(a | s): function of \theta)
        if any((outcome in declared and outcome not in sets) or outcome in reading.overrides for outcome in outcomes):
            continue  # a: real in the tag: P(a | b) is then no law of outcomes
        if any(outcome in sets and not set(values) <= set(sets[outcome]) for outcome, values in written.items()):
            continue  # y = 2 with y \in \{0, 1\}: no value of y
        written.update({outcome: sets[outcome] for outcome in written if outcome in sets})
        written.update(_entry_values(reading.binding, outcomes))  # x_1 of \mathbf{x} \in \{0, 1\}^n: only 0 or 1
        table = sp.IndexedBase(f"joint_{name.replace('*', '_star')}", positive=True)
        more = {outcome: 1 for outcome in written if outcome not in sets} if open_values else {}
        law = JointLaw(name, outcomes, table, written, more, one_sided, labelled=labelled & set(outcomes))
        law.variables = {
            c.variable: c.variable.lower() for c in declaring if c.name == name and c.variable.lower() in outcomes
        }
        if name in factored:
            sizes = tuple(law.values(outcome, reading.vocab.size) for outcome in outcomes)
            reading.extra_samplers[table] = FactoredTable(sizes, factored[name].factors)
        elif _INDEPENDENT.get():
            sizes = tuple(law.values(outcome, reading.vocab.size) for outcome in outcomes)
            reading.extra_samplers[table] = IndependentTable(sizes)
        else:
            reading.extra_samplers[table] = dom.probability_vector(law.table_size(reading.vocab.size))
        reading.joint_laws[name] = law


def one_sided_doubt(reading, verdict):
    """A refutation of a formula that gives outcomes values and has a side without the law (``P(X = k) = 1/6``,
    ``\\sum_y P(Y = y \\mid X = x) = 2``) is UNKNOWN: it may state a particular law; a PASS holds for every law."""
    from derive.docs.verdict import FAIL, UNKNOWN, Verdict

    stated = [law.name for law in reading.joint_laws.values() if law.one_sided]
    if verdict.verdict != FAIL or not stated:
        return verdict
    return Verdict(
        UNKNOWN,
        f"{stated[0]}(...) with a side the law does not enter: the formula may state a particular law,"
        f" read only under a law the tag declares (X \\sim ...); under an arbitrary law it fails ({verdict.detail})",
    )


def tag_value_sets(binding) -> dict:
    """Outcome name -> the values a tag clause ``y \\in \\{0, 1\\}`` gives it, in order."""
    from derive.docs.side_names import _normal_name

    found = {}
    for clause in binding.clauses:
        if getattr(clause, "kind", None) == "values" and clause.support and not clause.over:
            found[_normal_name(clause.name)] = tuple(sorted(sp.Integer(v) for v in clause.support))
    return found


def _entry_values(binding, outcomes) -> dict:
    """Outcome name -> the values each entry of a vector takes (``\\mathbf{x} \\in \\{0, 1\\}^n``: x_1, x_i, x_n),
    for the outcomes that are entries of such a vector."""
    from derive.docs.tags import OUTCOME_VALUES

    listed = {c.name: c.support for c in binding.clauses if getattr(c, "kind", None) == OUTCOME_VALUES}
    found = {}
    for outcome in outcomes:
        head, underscore, _ = outcome.partition("_")
        if underscore and head in listed:
            found[outcome] = tuple(sorted(sp.Integer(v) for v in listed[head]))
    return found


def has_written_values(text: str) -> bool:
    """Whether a formula may give an outcome of a law a written number (q(x | y = 1)): it then has two readings."""
    return bool(re.search(r"\b(?:p|P|q|Q|Pr)\s*[(\[][^()]*=\s*-?\s*\d", text))


def read_law(reader, law: JointLaw, atom: Atom):
    """p(x, c), p(x), p(x | c), P(X = x | A = a) under the joint law: outcomes drawn by a sum or an expectation
    take its value."""
    read = law_parts(atom)
    if read is None:
        raise BindError(f"{atom.key} of outcomes separated by {atom.seps}: not read")
    parts, bar = read
    names = [_outcome_name(outcome, law.labelled) for outcome, _ in parts]
    if not all(names) or any(name not in law.outcomes for name in names):
        raise BindError(f"{atom.key}({', '.join(n or '...' for n in names)}): not outcomes of the joint law {law.name}")
    if len(set(names)) != len(names):
        raise BindError(f"{atom.key}({', '.join(names)}): an outcome written twice")
    values = {}
    for name, (_, value) in zip(names, parts):
        if value is None:
            values[name] = _value_of(reader, name)
        elif written_number(value) is not None:
            values[name] = written_number(value)
        else:
            values[name] = _value_of(reader, _outcome_name(value, law.labelled))
    size = reader.size_value
    both = law.probability(values, size)
    if bar == len(names):
        return both
    given = law.probability({name: values[name] for name in names[bar:]}, size)
    return both / given


def _value_of(reader, name):
    """The value an outcome takes: the one a sum or expectation draws, else an index claimed for each value."""
    if name in reader.outcomes:
        return reader.outcomes[name][0]
    if name in reader.bound:
        return reader.bound[name]
    return reader.index(name)


def marginal_vector(reader, law: JointLaw, outcome: str):
    """The law of one outcome alone, as a vector over its values (E_{Y ~ P(Y)})."""
    from derive.docs.values import Vec

    size = reader.size_value
    return Vec(lambda k: law.probability({outcome: k}, size), size)


def information_between(reader, law: JointLaw, first: str, second: str):
    """I(x; c) = Σ p(x, c) log p(x, c) / (p(x) p(c)) under the joint law."""
    size = reader.size_value
    if not isinstance(size, sp.Integer):
        raise NeedsConcrete()
    terms = []
    for a, b in itertools.product(range(1, int(size) + 1), repeat=2):
        a, b = sp.Integer(a), sp.Integer(b)
        both = law.probability({first: a, second: b}, size)
        terms.append(both * sp.log(both / (law.probability({first: a}, size) * law.probability({second: b}, size))))
    return sp.Add(*terms)


def read_joint(reader, atom: Atom):
    """The value of a law applied to outcomes of a joint law, of I(x; c) between two of them, or of I(X; Y | Z) of the
    tag's random variables; None for other atoms."""
    if law_key(atom) in reader.joint_laws:
        return read_law(reader, reader.joint_laws[law_key(atom)], atom)
    if atom.key == "I" and len(atom.args) == 2 and atom.seps in ([";"], [","]) and len(reader.joint_laws) == 1:
        law = next(iter(reader.joint_laws.values()))
        names = [_outcome_name(argument, law.labelled) for argument in atom.args]
        if all(name in law.outcomes for name in names) and names[0] != names[1]:
            return information_between(reader, law, *names)
    if atom.key == "I":
        return information_of_variables(reader, atom)
    return None


def information_of_variables(reader, atom: Atom):
    """I(X; Y) and I(X; Y | Z) in nats of random variables the tag declares with a joint law, H(X, Z) + H(Y, Z) -
    H(X, Y, Z) - H(Z) (Z none for I(X; Y)); None when the arguments are not such variables."""
    declared = frozenset(v for law in reader.joint_laws.values() for v in law.variables)
    names = [_outcome_name(argument, declared) for argument in atom.args]
    if len(names) not in (2, 3) or atom.seps[:1] != [";"] or atom.seps[1:] not in ([], ["|"]):
        return None
    for law in reader.joint_laws.values():
        if all(name in law.variables for name in names) and len(set(names)) == len(names):
            first, second, *given = (law.variables[name] for name in names)

            def entropy(*outcomes, law=law, given=given):
                return _joint_entropy(reader, law, [*outcomes, *given])

            return entropy(first) + entropy(second) - entropy(first, second) - entropy()
    return None


def entropy_of_variables(reader, atom: Atom):
    """H(X), H(X, Y), H(X | Y) in nats of random variables the tag declares with a joint law (X the outcome x); None
    when the arguments are not such variables."""
    declared = frozenset(v for law in reader.joint_laws.values() for v in law.variables)
    names = [_outcome_name(argument, declared) for argument in atom.args or []]
    for law in reader.joint_laws.values():
        if not names or not all(name in law.variables for name in names) or len(set(names)) != len(names):
            continue
        if any(sep not in (",", "|") for sep in atom.seps) or atom.seps.count("|") > 1:
            raise BindError(f"H of {', '.join(names)} separated by {atom.seps}: not read")
        bar = atom.seps.index("|") + 1 if "|" in atom.seps else len(names)
        outcomes = [law.variables[name] for name in names]
        return _joint_entropy(reader, law, outcomes) - _joint_entropy(reader, law, outcomes[bar:])
    return None


def _joint_entropy(reader, law: JointLaw, outcomes):
    """-Σ p log p over the values of ``outcomes`` (0 for none)."""
    if not outcomes:
        return sp.Integer(0)
    size = reader.size_value
    if not isinstance(size, sp.Integer):
        raise NeedsConcrete()
    ranges = [range(1, int(law.values(o, size)) + 1) for o in outcomes]
    terms = []
    for values in itertools.product(*ranges):
        mass = law.probability(dict(zip(outcomes, map(sp.Integer, values))), size)
        terms.append(-mass * sp.log(mass))
    return sp.Add(*terms)


def distribution_of(reader, atom):
    """(outcome, the law of that outcome as a vector over its values) for a law of the joint laws applied to one
    outcome, given the values of any others: ``q(z \\mid x)`` is the vector of q(z = k | x) over k, ``p(z)`` the
    marginal; None for an atom that is not such an application."""
    from derive.docs.values import Vec

    law = reader.joint_laws.get(law_key(atom)) if atom is not None and atom.args else None
    read = law_parts(atom) if law is not None else None
    if read is None or read[1] != 1 or read[0][0][1] is not None:
        return None
    parts = read[0]
    names = [_outcome_name(outcome, law.labelled) for outcome, _ in parts]
    if not all(names) or any(name not in law.outcomes for name in names) or len(set(names)) != len(names):
        return None
    outcome = names[0]
    if outcome in law.written:
        return None
    given = {}
    for name, (_, value) in zip(names[1:], parts[1:]):
        if value is None:
            given[name] = _value_of(reader, name)
        elif written_number(value) is not None:
            given[name] = written_number(value)
        else:
            return None
    size = reader.size_value
    if not isinstance(size, sp.Integer):
        raise NeedsConcrete()
    total = law.probability(given, size) if given else sp.Integer(1)
    return outcome, Vec(lambda k: law.probability({outcome: k, **given}, size) / total, law.values(outcome, size))


def _spelled(name: str) -> str:
    """LaTeX of a law's name or label as the key writes it: pi is \\pi, theta_old is \\theta_{old}, ref is ref."""
    from derive.docs.symbols import GREEK

    first, _, more = name.partition("_")
    first = f"\\{first}" if first in GREEK else first
    return f"{first}_{{{_spelled(more)}}}" if more else first


def drawn_from(reader, written: str):
    """The law of a draw's subscript, written as plain text (``q(z|x)`` in E_{z \\sim q(z|x)}): the atom it spells,
    read as :func:`distribution_of` reads it; None when it is not a law of the joint laws."""
    from derive.docs.interpret import Rewriter, clean, lex
    from derive.docs.side_names import single_atom

    head, _, rest = written.partition("(")
    if not rest or head not in reader.joint_laws:
        return None
    letter, _, label = head.partition("_")
    latex = f"{_spelled(letter)}_{{{_spelled(label)}}}({rest}" if label else f"{_spelled(letter)}({rest}"
    try:
        atom = single_atom(Rewriter().side(clean(lex(latex))))
    except Exception:  # not one application: the caller reads the subscript otherwise
        return None
    return distribution_of(reader, atom)
