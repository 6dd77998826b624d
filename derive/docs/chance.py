"""Random variables X and Y for untagged formulas: the laws an expectation, a variance or an entropy is read under.

An untagged ``\\mathbb{E}[aX + b] = a\\mathbb{E}[X] + b`` or ``I(X; Y) = H(X) - H(X \\mid Y)``
names random variables and no law. :func:`joint_model` gives X and Y a joint law of their
own (each takes 3 values, on 9 outcomes with drawn probabilities): a formula that holds
there holds for random variables in general. :func:`independent_model` makes them
independent, each with mean 0 and variance 1 (standardised under its own law): a formula
refuted there too is refuted for the simplest random variables a text could mean. Only
X and Y are random; other names are numbers, but for ``\\mu_X`` and ``\\sigma_X`` (``\\mu_Y``,
``\\sigma_Y``), the mean and the standard deviation of X (of Y), as texts write them. An
expectation of an expression without X or Y is not read (``\\operatorname{Var}(wx)`` with w, x
random, or constants?).
"""

from __future__ import annotations

import dataclasses
import itertools
import re

import sympy as sp

from derive import domain as dom
from derive.docs.bind import BindError
from derive.vocabulary import VocabularyError, by_arguments, call, function_of_arguments, number_of

VALUES = 3  # the values each of X and Y takes
X, Y = sp.Symbol("X_random", real=True), sp.Symbol("Y_random", real=True)
_x, _y = sp.IndexedBase("x_value", real=True), sp.IndexedBase("y_value", real=True)
_joint = sp.IndexedBase("P_XY", positive=True)  # P_XY[3(i-1) + j] = P(X = x_i, Y = y_j)
_p, _q = sp.IndexedBase("p_X", positive=True), sp.IndexedBase("p_Y", positive=True)


def _expectation(probability, x_value, y_value):
    """E[·] under the law ``probability(i, j)`` with X = x_value(i), Y = y_value(j) on outcome (i, j)."""

    def expectation(argument):
        argument = sp.sympify(argument)
        if not argument.free_symbols & {X, Y}:
            raise BindError("an expectation of an expression without the random variables X, Y is not read")
        return sp.Add(
            *(
                probability(i, j) * argument.xreplace({X: x_value(i), Y: y_value(j)})
                for i in range(1, VALUES + 1)
                for j in range(1, VALUES + 1)
            )
        )

    def variance(argument):
        return expectation(argument**2) - expectation(argument) ** 2

    def covariance(env, u, v):
        return expectation(u * v) - expectation(u) * expectation(v)

    return expectation, variance, covariance


def _entropies(probability):
    """H(X), H(Y), H(X, Y), H(X | Y), H(Y | X) and I(X; Y) under the law ``probability(i, j)``."""
    indices = range(1, VALUES + 1)
    row = [sp.Add(*(probability(i, j) for j in indices)) for i in indices]
    column = [sp.Add(*(probability(i, j) for i in indices)) for j in indices]
    HX = -sp.Add(*(r * sp.log(r) for r in row))
    HY = -sp.Add(*(c * sp.log(c) for c in column))
    HXY = -sp.Add(*(probability(i, j) * sp.log(probability(i, j)) for i in indices for j in indices))
    information = HX + HY - HXY
    entropies = {"X": HX, "Y": HY, "X,Y": HXY, "Y,X": HXY, "X|Y": HXY - HY, "Y|X": HXY - HX}
    return entropies, {"X;Y": information, "Y;X": information, "X,Y": information, "Y,X": information}


def _model(base, probability, x_value, y_value, samplers):
    expectation, variance, covariance = _expectation(probability, x_value, y_value)
    entropies, information = _entropies(probability)
    entries = {
        "X": number_of(X),
        "Y": number_of(Y),
        "mu_X": number_of(expectation(X)),  # the mean and the standard deviation of X and Y, as texts name them
        "mu_Y": number_of(expectation(Y)),
        "sigma_X": number_of(sp.sqrt(variance(X))),
        "sigma_Y": number_of(sp.sqrt(variance(Y))),
        "Cov": function_of_arguments(covariance, 2),
        "H": by_arguments(entropies, "H"),
        "I": by_arguments(information, "I"),
    }
    domain = base.domain.with_(samplers={**base.domain.samplers, **samplers})
    return dataclasses.replace(base, entries=entries, expectation=(expectation, variance), domain=domain)


def joint_model(base):
    """``base`` (the untagged vocabulary) with X and Y under a joint law drawn at each point."""
    samplers = {
        _x: dom.vector(VALUES),
        _y: dom.vector(VALUES),
        _joint: dom.probability_vector(VALUES * VALUES),
    }
    return _model(base, lambda i, j: _joint[VALUES * (i - 1) + j], lambda i: _x[i], lambda j: _y[j], samplers)


def independent_model(base, means=frozenset(), spreads=frozenset()):
    """``base`` with X and Y independent, each with mean 0 and variance 1 under its own law, but for the names in
    ``means`` (in ``spreads``), whose mean (variance) is the drawn law's own."""

    def standardised(values, law, name):
        mean = sp.Add(*(law[k] * values[k] for k in range(1, VALUES + 1)))
        spread = sp.sqrt(sp.Add(*(law[k] * (values[k] - mean) ** 2 for k in range(1, VALUES + 1))))
        scale = 1 if name in spreads else spread
        shift = mean if name in means else 0
        return lambda k: (values[k] - mean) / scale + shift

    samplers = {
        _x: dom.vector(VALUES),
        _y: dom.vector(VALUES),
        _p: dom.probability_vector(VALUES),
        _q: dom.probability_vector(VALUES),
    }
    return _model(base, lambda i, j: _p[i] * _q[j], standardised(_x, _p, "X"), standardised(_y, _q, "Y"), samplers)


MEANS = frozenset({"E", "bb_E"})
SPREADS = frozenset({"Var", "var"})


def written_moments(text: str) -> tuple[frozenset, frozenset]:
    """(the random variables among X and Y whose mean the formula writes as a quantity, those whose variance it
    writes): E[X] or \\mu_X; Var(X), \\sigma_X or Cov(X, X). A formula that writes E[X] does not mean a law of
    mean 0, where the term would vanish, nor one that writes Var(X) a law of variance 1."""
    from derive.docs.free import child_sides
    from derive.docs.interpret import Atom, rewrite_chain
    from derive.docs.parse import parse_latex
    from derive.docs.side_names import single_atom

    def variable(side):
        atom = single_atom(side)
        plain = atom is not None and atom.args is None and not atom.sub and not atom.step and not atom.decoration
        return atom.key if plain and atom.key in ("X", "Y") else None

    means, spreads = set(), set()

    def walk(side):
        for node in side.nodes(parse_latex(side.text)):
            if isinstance(node, Atom) and node.args is None and node.key in ("mu", "sigma"):
                if node.sub_text in ("X", "Y"):  # \mu_X, \sigma_X: the names texts give the mean and the spread
                    (means if node.key == "mu" else spreads).add(node.sub_text)
            elif isinstance(node, Atom) and node.args and not node.sub_text:
                named = [variable(argument) for argument in node.args]
                if node.key in MEANS | SPREADS and len(named) == 1 and named[0]:
                    (means if node.key in MEANS else spreads).add(named[0])
                elif node.key == "Cov" and len(named) == 2 and named[0] and named[0] == named[1]:
                    spreads.add(named[0])
            for child in child_sides(node):
                if child is not None and hasattr(child, "table"):
                    walk(child)

    try:
        sides, _, _ = rewrite_chain(text)
        for side in sides:
            walk(side)
    except Exception:  # unreadable: no moment read as written
        return frozenset(), frozenset()
    return frozenset(means), frozenset(spreads)


MOST_RANDOM = 3  # independent random variables a tag may declare (3 values each: 27 outcomes)
UNSAID = ("joint law not said",)  # the support of ``X, Y: random variables``: independent, or under a joint law?
JOINT = ("joint law",)  # the support of those clauses read under one joint law of all of them


def independent_variables(base, names, identical=False, joint=False, independent=False, alike=frozenset()):
    """``base`` with the tag's random variables (``w: random; x: random``): independent, each taking
    :data:`VALUES` values ``NAME_values`` with probabilities ``P_NAME``, a law drawn at each point (``joint``:
    the values on the outcomes of one law ``P_joint`` drawn over all of them, under which they are dependent).

    E, Var and Cov are read under that law (the result's own probability model, if any, is set aside):
    a formula that holds at every point holds for independent random variables of any law, as far as
    the sampled laws tell; a point that refutes it names the law it fails under. A sequence ``x_i: random``
    is read only as the result's own i.i.d. samples (its vocabulary's ``random_samples``), under its model;
    ``independent``: a family the tag says is independent (x_i: independent, x_i: iid), its members apart; the names
    in ``alike`` (X, Y: iid) take one law, each its own draw of it.
    """
    names = [name for name in names if not _samples_of(base, name)]
    if not names:
        return base
    families = {name: FAMILY.fullmatch(name).group(1) for name in names if FAMILY.fullmatch(name)}
    if any(("_" in name or "^" in name) and name not in families for name in names):
        indexed = next(name for name in names if ("_" in name or "^" in name) and name not in families)
        raise VocabularyError(
            f"{indexed}: random: a sequence of random variables (i.i.d. samples) is not modelled; declare single"
            " names (w: random; x: random)"
        )
    if families:
        if len(names) > 1:
            raise VocabularyError(
                f"{', '.join(names)}: random: a family of random variables beside other random variables is not read"
            )
        return _family_of_variables(base, names[0], identical, independent)
    if len(names) > MOST_RANDOM:
        raise VocabularyError(f"{len(names)} random variables: at most {MOST_RANDOM} are modelled")
    symbols = {name: sp.Symbol(f"random_{name}", real=True) for name in names}
    shared = next((name for name in names if name in alike), None)  # X, Y: iid: the law of the first of them
    values = {name: sp.IndexedBase(f"{shared if name in alike else name}_values", real=True) for name in names}
    laws = {name: sp.IndexedBase(f"P_{shared if name in alike else name}", positive=True) for name in names}
    joint_law = sp.IndexedBase("P_joint", positive=True)

    def expectation(argument):
        argument = sp.sympify(argument)
        present = names if joint else [name for name in names if symbols[name] in argument.free_symbols]
        terms = []
        for outcome in itertools.product(range(1, VALUES + 1), repeat=len(present)):
            if joint:  # the outcome's place in the drawn law over every tuple of values
                weight = joint_law[1 + sum((k - 1) * VALUES**place for place, k in enumerate(outcome))]
            else:
                weight = sp.Mul(*(laws[name][k] for name, k in zip(present, outcome)))
            terms.append(
                weight * argument.xreplace({symbols[name]: values[name][k] for name, k in zip(present, outcome)})
            )
        return sp.Add(*terms)

    def variance(argument):
        return expectation(argument**2) - expectation(argument) ** 2

    def covariance(env, u, v):
        return expectation(u * v) - expectation(u) * expectation(v)

    expectation.over = frozenset(names)  # what a subscript of E may name: E_x[f(x)], never E_{x \sim q} or E_{data}
    entries = {key: entry for key, entry in base.entries.items() if key not in ("E", "bb_E", "Var", "Cov")}
    entries.update({name: number_of(symbols[name]) for name in names})
    entries["Cov"] = function_of_arguments(covariance, 2)
    samplers = {joint_law: dom.probability_vector(VALUES ** len(names))} if joint else {}
    for name in names:
        samplers[values[name]] = dom.vector(VALUES)
        if not joint:
            samplers[laws[name]] = dom.probability_vector(VALUES)
    return dataclasses.replace(base.with_samplers(samplers), entries=entries, expectation=(expectation, variance))


FAMILY = re.compile(r"([A-Za-z]+)_([a-z])")  # p_k: random, one of a family p_1, p_2, ... of random variables


IDENTICAL = ("identically distributed",)  # the support of a family's clause read with members of one law
INDEPENDENT = ("independent",)  # the support of a family's clause said independent (x_i: independent)
IID = ("independent", "identically distributed")  # said both (x_i: iid, independent and identically distributed)


def _family_of_variables(base, name, identical=False, independent=False):
    """``base`` with ``p_k: random`` read as a family p_1, p_2, ... of random variables whose joint law is not said.

    An expectation (a variance, a covariance) that holds members at one index only is read under that member's law
    alone, whatever the joint law: each member takes :data:`VALUES` values on outcomes of drawn probabilities, the
    values a drawn function of the index (the same values at every index, ``identical``: authors who write x_i: random
    often mean samples of one law, so a formula is decided under both readings, derive.docs.laws.reading_doubt). One
    that holds members at two indices (E[p_j p_k], Var(p_1 + p_2)) would need their joint law, and is refused, unless
    the tag says the members are ``independent``: then members at distinct whole-number indices are read apart (a sum
    of members up to a size written out where the size is a number), members at indices that may be equal refused."""
    family = FAMILY.fullmatch(name).group(1)
    member = sp.Function(f"random_{family}", real=True)
    weights = sp.IndexedBase(f"P_{family}", positive=True)
    level, swing, rate = (sp.IndexedBase(f"{family}_{part}", real=True) for part in ("level", "swing", "rate"))

    def value(index, outcome):
        return level[outcome] + (0 if identical else swing[outcome] * sp.cos(rate[outcome] * index))

    def over_one(argument, one):
        return sp.Add(*(weights[k] * argument.xreplace({one: value(one.args[0], k)}) for k in range(1, VALUES + 1)))

    def expectation(argument, sizes=frozenset()):
        argument = sp.sympify(argument)
        members = {f for f in argument.atoms(sp.Function) if f.func == member}
        if not members:
            raise BindError(f"an expectation of an expression without the random variables {name} is not read")
        summed = argument.has(sp.Sum, sp.Product) and any(
            set(bound.free_symbols) & f.free_symbols
            for total in argument.atoms(sp.Sum, sp.Product)
            for bound in total.limits
            for f in members
        )
        if independent and (summed or len(members) > 1):
            return _apart(_written_out(argument, member, sizes, name), member, over_one, name)
        if len(members) > 1 or summed:
            raise BindError(
                f"an expectation of several members of the family {name} needs their joint law, which is not said"
            )
        (one,) = members
        return over_one(argument, one)

    def variance(argument, sizes=frozenset()):
        return expectation(argument**2, sizes) - expectation(argument, sizes) ** 2

    def covariance(env, u, v):
        sizes = frozenset(env.vocab.dims.values())
        return expectation(u * v, sizes) - expectation(u, sizes) * expectation(v, sizes)

    def read(env, atom, side):
        if len(atom.sub) != 1 or atom.args is not None or atom.transpose:
            raise BindError(f"{atom.key} is the family {name} of random variables: write one member, {name}")
        return member(env.index(atom.sub[0]))

    expectation.sized = variance.sized = True  # E(argument, sizes): the sizes a sum of members may run up to
    entries = {key: entry for key, entry in base.entries.items() if key not in ("E", "bb_E", "Var", "Cov")}
    entries[family] = call(read)
    entries["Cov"] = function_of_arguments(covariance, 2)
    samplers = {weights: dom.probability_vector(VALUES)}
    samplers.update({part: dom.vector(VALUES) for part in (level, swing, rate)})
    return dataclasses.replace(base.with_samplers(samplers), entries=entries, expectation=(expectation, variance))


def _written_out(argument, member, sizes, name):
    """``argument`` with its sums and products over members written out term by term: at whole-number bounds, or a
    :class:`NeedsConcrete` to be read again where bounds that are sizes are numbers."""
    from derive.docs.values import NeedsConcrete

    if argument.has(sp.Sum, sp.Product):
        argument = argument.doit()
    for total in argument.atoms(sp.Sum, sp.Product):
        if any(f.func == member for f in total.atoms(sp.Function)):
            bounds = set().union(*(sp.sympify(end).free_symbols for limit in total.limits for end in limit[1:]))
            if bounds and bounds <= set(sizes):
                raise NeedsConcrete()
            raise BindError(
                f"a sum of the members of the family {name} up to a count not given as a size: declare it one"
                " (N: dimension) for the sum to be written out"
            )
    return argument


def _apart(argument, member, over_one, name):
    """E[argument] for members independent of each other: term by term, each term's factors grouped by the member
    they hold and each group's expectation under that member's law alone; members at indices that are not distinct
    whole numbers (x_i beside x_j) are refused, as i may equal j."""
    members = {f for f in argument.atoms(sp.Function) if f.func == member}
    indices = [f.args[0] for f in members]
    if len(members) > 1 and not all(index.is_Integer for index in indices):
        raise BindError(f"members of the family {name} at indices that may be equal: their dependence is not read")
    total = sp.Integer(0)
    for term in sp.Add.make_args(sp.expand(argument, log=False, power_base=False)):
        groups: list = []  # (the members held, the factors): factors sharing a member in one group
        value = sp.Integer(1)
        for factor in sp.Mul.make_args(term):
            held = {f for f in factor.atoms(sp.Function) if f.func == member}
            if not held:
                value *= factor
                continue
            joined = [group for group in groups if group[0] & held]
            for group in joined:
                groups.remove(group)
                held |= group[0]
            groups.append((held, [factor, *(f for group in joined for f in group[1])]))
        for held, factors in groups:
            inner = sp.Mul(*factors)
            for one in held:  # a factor of several members (e^{x_1 + x_2}): over each member's law in turn
                inner = over_one(inner, one)
            value *= inner
        total += value
    return total


def _samples_of(vocab, name) -> bool:
    """Whether ``name`` (x_i, X_t) is the sequence of i.i.d. samples the vocabulary's own model draws."""
    family, _, index = name.partition("_")
    return bool(index) and family in vocab.random_samples and vocab.expectation is not None


def entries_model(base, unbiased: bool = False):
    """``base`` with E[x] and Var[x] of a vector x read as the mean and the variance of its entries.

    Normalisation layers' documentation writes ``\\mathrm{E}[x]`` and ``\\mathrm{Var}[x]`` over the entries
    ``x_i`` being normalised: the variance divides by their number n (by n - 1 when ``unbiased``).
    """

    def mean(vector):
        k = sp.Dummy("k", integer=True, positive=True)
        return sp.Sum(vector.component(k), (k, 1, vector.size)) / vector.size

    def variance(vector):
        k = sp.Dummy("k", integer=True, positive=True)
        spread = sp.Sum((vector.component(k) - mean(vector)) ** 2, (k, 1, vector.size))
        return spread / (vector.size - 1 if unbiased else vector.size)

    mean.of_entries = True
    return dataclasses.replace(base, expectation=(mean, variance))
