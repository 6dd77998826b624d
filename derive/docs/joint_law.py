"""A law of several outcomes, written p(x, c), p(x | c), P(X | Y): one joint table drawn at random.

A tagged formula in the shared notation that applies a law name (p, P, q, Q, Pr) to two outcome
names or more, ``\\sum_{x, c} p(x, c) \\log \\frac{p(x, c)}{p(x) p(c)}`` or
``E_{Y \\sim P(Y)}[-\\log P(X \\mid Y)]``, means a joint law of those outcomes. Each outcome
takes n values (the shared notation's dimension), and the law is a table of n^k positive
probabilities summing to 1, drawn at each point: p(x, c) is an entry, p(x) the marginal (the
sum over the outcomes not written), p(x | c) = p(x, c) / p(c), and I(x; c) the mutual
information Σ p(x, c) log p(x, c) / (p(x) p(c)). An outcome a sum or an expectation draws runs
over its values; any other (X in P(X)) is claimed for each of them. A formula that holds for
every drawn law PASSes; one law that refutes it is the counterexample.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import sympy as sp

from derive.docs.interpret import Atom
from derive.docs.side_names import single_atom
from derive.docs.values import BindError, NeedsConcrete

LAW_NAMES = ("p", "P", "q", "Q", "Pr")


@dataclass
class JointLaw:
    """The table of one law name over its outcomes, in the order the formula first names them."""

    name: str
    outcomes: tuple  # outcome names (x, c)
    table: sp.IndexedBase  # entry 1 + Σ_j (v_j - 1) n^j: the probability of the values v

    def entry(self, values: dict, size):
        """P(outcome_j = values[outcome_j] for all j), every outcome given a value."""
        position = sp.Integer(1)
        for power, outcome in enumerate(self.outcomes):
            position += (values[outcome] - 1) * size**power
        return self.table[position]

    def probability(self, values: dict, size):
        """The probability of the outcomes in ``values`` at their values: the others summed out."""
        if not isinstance(size, sp.Integer):
            raise NeedsConcrete()
        free = [o for o in self.outcomes if o not in values]
        total = []
        for rest in itertools.product(range(1, int(size) + 1), repeat=len(free)):
            total.append(self.entry({**values, **dict(zip(free, map(sp.Integer, rest)))}, size))
        return sp.Add(*total)


def _law_applications(sides, child_sides):
    """(the applications of a law name to plain names: (law, [argument names], [separators]), the names a sum or an
    expectation draws)."""
    from derive.docs.interpret import SumNode
    from derive.docs.parse import parse_latex

    found, drawn, todo = [], set(), list(sides)
    while todo:
        side = todo.pop(0)
        try:
            nodes = side.nodes(parse_latex(side.text))
        except Exception:  # unreadable: the reading reports it
            continue
        for node in nodes:
            if isinstance(node, SumNode) and node.low is None and node.high is None:
                drawn |= set(node.variables)  # Σ_x over the outcomes of x
            if isinstance(node, Atom) and node.key in ("E", "bb_E") and "sim" in node.sub_text:
                drawn.add(node.sub_text.partition("sim")[0])
            if isinstance(node, Atom) and node.key in LAW_NAMES and node.args and not node.sub and not node.post_sub:
                names = [_outcome_name(argument) for argument in node.args]
                if all(names):
                    found.append((node.key, names, list(node.seps)))
            todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))
    return found, drawn


def _outcome_name(side):
    atom = single_atom(side)
    if atom is None or atom.args is not None or atom.sub or atom.transpose or atom.decoration:
        return None
    return atom.key


def joint_laws(sides) -> dict:
    """Law name -> its outcomes, for each law the formula applies to two outcomes or more somewhere."""
    from derive.docs.free import child_sides

    applications, drawn = _law_applications(sides, child_sides)
    # a law of outcomes: conditioned (p(x | c)), or of outcomes a sum or an expectation draws (Σ_{x, c} p(x, c));
    # q(x, y) alone may be a function of two numbers
    joint = {
        name
        for name, names, seps in applications
        if len(names) > 1 and all(s in (",", "|") for s in seps) and ("|" in seps or set(names) & drawn)
    }
    outcomes: dict = {}
    for name, names, _ in applications:
        if name in joint:
            outcomes.setdefault(name, [])
            outcomes[name].extend(n for n in names if n not in outcomes[name])
    return {name: tuple(names) for name, names in outcomes.items() if len(names) <= 3}


def read_law(reader, law: JointLaw, atom: Atom):
    """p(x, c), p(x), p(x | c) under the joint law: outcomes drawn by a sum or an expectation take its value."""
    names = [_outcome_name(argument) for argument in atom.args]
    if not all(names) or any(name not in law.outcomes for name in names):
        raise BindError(f"{atom.key}({', '.join(n or '...' for n in names)}): not outcomes of the joint law {law.name}")
    if any(sep not in (",", "|") for sep in atom.seps):
        raise BindError(f"{atom.key} of outcomes separated by {atom.seps}: not read")
    bar = atom.seps.index("|") + 1 if "|" in atom.seps else len(names)
    values = {name: _value_of(reader, name) for name in names}
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
    """The value of a law applied to outcomes of a joint law, or of I(x; c) between two of them; None for other atoms."""
    if atom.key in reader.joint_laws and not atom.sub and not atom.post_sub:
        return read_law(reader, reader.joint_laws[atom.key], atom)
    if atom.key == "I" and len(atom.args) == 2 and atom.seps in ([";"], [","]) and len(reader.joint_laws) == 1:
        law = next(iter(reader.joint_laws.values()))
        names = [_outcome_name(argument) for argument in atom.args]
        if all(name in law.outcomes for name in names) and names[0] != names[1]:
            return information_between(reader, law, *names)
    return None
