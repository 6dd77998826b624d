r"""A finite Markov decision process a tag describes by its draws and its values, drawn at each point.

A tag that draws the actions from a policy and the states from a transition law, ``a_t \sim \pi(\cdot \mid s_t);
s_{t+1} \sim P(\cdot \mid s_t, a_t)``, over finite sets (``\mathcal{S}, \mathcal{A}: finite sets``) with a discount
below 1 (``\gamma \in [0, 1)``), and defines a value as the expected discounted return,
``V^\pi(s) = E[\sum_{t=0}^\infty \gamma^t r(s_t, a_t) \mid s_0 = s]`` (or ``Q^\pi(s, a)`` given ``a_0 = a`` too), is
read on a process with as many states as actions, the notation's size n, drawn at each point: the policy and the
transition law tables whose rows are laws, the reward a table of reals, and the values the solution of the linear
equations the definition implies, V = r_\pi + \gamma P_\pi V, at the discount drawn with them. The states and actions
the formula leaves free are indices 1 … n, and a trailing "for all s \in \mathcal{S}" is what that already says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import mpmath
import sympy as sp

from derive import domain as dom

NAME = r"(?:\\[A-Za-z]+|[A-Za-z])"
BAR = r"(?:\\mid|\\vert|\|)"
POLICY_DRAW = re.compile(
    rf"^\s*(?P<action>[a-z])_t\s*\\sim\s*(?P<law>{NAME})\s*\(\s*\\cdot\s*{BAR}\s*(?P<state>[a-z])_t\s*\)"
    r"(?P<later>\s+for\s+t\s*\\geq?\s*1)?\s*$"
)
TRANSITION_DRAW = re.compile(
    rf"^\s*(?P<state>[a-z])_\{{\s*t\s*\+\s*1\s*\}}\s*\\sim\s*(?P<law>{NAME})\s*\(\s*\\cdot\s*{BAR}\s*"
    r"(?P=state)_t\s*,\s*(?P<action>[a-z])_t\s*\)\s*$"
)
RETURN = re.compile(
    r"^\s*(?P<value>[VQ])\s*\^\s*\{?\s*(?P<policy>\\[A-Za-z]+|[A-Za-z])\s*\}?\s*\((?P<args>[^()]*)\)\s*=\s*"
    r"(?:\\mathbb\s*\{\s*E\s*\}|\\mathbb\s+E|E)\s*(?:\\left\s*)?\[\s*\\sum_\{\s*t\s*=\s*0\s*\}\s*\^\s*\{?\s*\\infty\s*\}?\s*"
    rf"(?P<discount>{NAME})\s*\^\s*\{{?\s*t\s*\}}?\s*(?P<reward>[a-z])\s*\(\s*(?P<s>[a-z])_t\s*,\s*(?P<a>[a-z])_t\s*\)\s*"
    rf"(?:\\right\s*)?{BAR}\s*(?P<given>[^\]]*?)\s*(?:\\right\s*)?\]\s*$"
)
FINITE_SETS = re.compile(r"^\s*(?P<names>[^:]+?)\s*:\s*finite\s+sets?\s*$")
DISCOUNT_BELOW_ONE = r"(?:{d}\s*\\in\s*\[\s*0\s*,\s*1\s*\)|0\s*\\le(?:q)?\s*{d}\s*<\s*1)"
FOR_ALL = re.compile(
    r"[;,]?\s*(?:\\[ ,;:!]|\\quad|\\qquad|~|\s)*\\(?:text|textrm|mbox)\s*\{\s*(?:for\s+all|for\s+every)\s*\}\s*"
    r"(?P<members>(?:[a-z]'?\s*\\in\s*\\mathcal\s*\{\s*[A-Z]\s*\}\s*,?\s*)+)\.?\s*$"
)


@dataclass(frozen=True)
class DecisionProcess:
    """The process a tag describes: the names of its policy, transition law, reward and discount, its state and
    action letters, and the values it defines (``V^pi`` -> "V", ``Q^pi`` -> "Q")."""

    policy: str
    transition: str
    reward: str
    discount: str
    state: str
    action: str
    values: tuple  # (key, "V" or "Q")
    sets: tuple  # the finite sets' names as written (\mathcal{S}, \mathcal{A})


def decision_process(clauses: list[str]):
    """(the clauses left, the :class:`DecisionProcess` the tag's clauses describe), or (clauses, None) when they
    describe none: a draw from a conditional law then stays unread, with its reason."""
    policy = transition = None
    values, sets, used = [], (), []
    for clause in clauses:
        if (found := POLICY_DRAW.match(clause)) and policy is None:
            policy = found
        elif (found := TRANSITION_DRAW.match(clause)) and transition is None:
            transition = found
        elif found := RETURN.match(clause):
            values.append(found)
        elif found := FINITE_SETS.match(clause):  # \mathcal{S}, \mathcal{A}: finite sets, split one name a clause
            sets += tuple(name.strip() for name in found.group("names").split(","))
        else:
            continue
        used.append(clause)
    if policy is None or transition is None or not values or len(sets) != 2:
        return clauses, None
    state, action = transition["state"], transition["action"]
    if policy["state"] != state or policy["action"] != action:
        return clauses, None
    keys = []
    for value in values:
        given = [part.replace(" ", "") for part in value["given"].split(",")]
        wanted = [f"{state}_0={state}"] + ([f"{action}_0={action}"] if value["value"] == "Q" else [])
        arguments = [a.strip() for a in value["args"].split(",")]
        if (
            given != wanted
            or arguments != [state, action][: len(wanted)]
            or (value["s"], value["a"]) != (state, action)
            or value["policy"].lstrip("\\") != policy["law"].lstrip("\\")
            or policy["later"] is not None
            and value["value"] == "V"  # a_0 not drawn from the policy: V is not read
        ):
            return clauses, None
        keys.append((f"{value['value']}^{value['policy'].lstrip(chr(92))}", value["value"]))
    discount, reward = values[0]["discount"], values[0]["reward"]
    if any(v["discount"] != discount or v["reward"] != reward for v in values):
        return clauses, None
    below_one = re.compile(DISCOUNT_BELOW_ONE.format(d=re.escape(discount)))
    if not any(below_one.fullmatch(clause.strip()) for clause in clauses):
        return clauses, None  # the return converges only for a discount below 1, which the tag must say
    process = DecisionProcess(
        policy=_key(policy["law"]),
        transition=_key(transition["law"]),
        reward=reward,
        discount=_key(discount),
        state=state,
        action=action,
        values=tuple(keys),
        sets=sets,
    )
    return [clause for clause in clauses if clause not in used], process


def _key(written: str) -> str:
    return written.strip().lstrip("\\")


def quantifier_over_process_sets_dropped(text: str, binding) -> str:
    """The formula without a trailing ``for all s \\in \\mathcal{S}`` over the sets of the tag's process: its free
    states and actions are already every one."""
    process = next((c for c in binding.clauses if isinstance(c, DecisionProcess)), None)
    found = FOR_ALL.search(text) if process is not None else None
    if found is None:
        return text
    sets = {re.sub(r"\s", "", name) for name in process.sets}
    members = re.findall(r"\\mathcal\s*\{\s*[A-Z]\s*\}", found.group("members"))
    if not members or any(re.sub(r"\s", "", m) not in sets for m in members):
        return text
    return text[: found.start()]


# --- the process drawn at each point ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProcessTables(dom.Sampler):
    """One process of n states and n actions, drawn at a point and laid out in one vector: the discount γ in
    [0, 0.95], the policy π(a | s) and transition law P(s' | s, a) (positive weights, each row normalised), the reward
    r(s, a) in [-2, 2], then the values V(s) solving V = r_π + γ P_π V and Q(s, a) = r(s, a) + γ Σ_{s'} P(s' | s, a)
    V(s'), computed at the working precision."""

    size: object

    def sample(self, rng, values):
        n = dom.concrete_size(self.size, values)
        states = range(n)
        discount = dom.uniform(rng, 0, "0.95")
        policy = [_law(rng, n) for _ in states]  # policy[s][a]
        transition = [[_law(rng, n) for _ in states] for _ in states]  # transition[s][a][s']
        reward = [[dom.uniform(rng, -2, 2) for _ in states] for _ in states]  # reward[s][a]
        with mpmath.workprec(mpmath.mp.prec + 20):
            moves = mpmath.matrix(
                [[mpmath.fsum(policy[i][a] * transition[i][a][k] for a in states) for k in states] for i in states]
            )
            gains = mpmath.matrix([mpmath.fsum(policy[i][a] * reward[i][a] for a in states) for i in states])
            state_values = mpmath.lu_solve(mpmath.eye(n) - discount * moves, gains)
            action_values = [
                [
                    reward[i][a] + discount * mpmath.fsum(transition[i][a][k] * state_values[k] for k in states)
                    for a in states
                ]
                for i in states
            ]
        laid = [discount]
        laid += [policy[s][a] for s in states for a in states]
        laid += [transition[s][a][k] for s in states for a in states for k in states]
        laid += [reward[s][a] for s in states for a in states]
        laid += [+state_values[s] for s in states]
        laid += [+action_values[s][a] for s in states for a in states]
        return laid

    def latex(self, name):
        return rf"{name}: a decision process of {sp.latex(self.size)} states and actions"


def _law(rng, n):
    weights = [dom.uniform(rng, "0.05", 1) for _ in range(n)]
    total = mpmath.fsum(weights)
    return [w / total for w in weights]


def declare_process(vocab, process: DecisionProcess):
    """``vocab`` with the process's names: the policy, transition law, reward and values read their arguments as
    entries of the process drawn at each point (:class:`ProcessTables`), the discount is the one drawn with it, and
    the state and action letters the formula leaves free are indices of the notation's size n."""
    from derive.docs.bind import BindError
    from derive.vocabulary import number_of

    n = vocab.size
    table = sp.IndexedBase("process", real=True)
    starts = {"policy": 2, "transition": 2 + n**2, "reward": 2 + n**2 + n**3}
    starts["V"] = starts["reward"] + n**2
    starts["Q"] = starts["V"] + n
    shapes = {
        "policy": (2, [True]),
        "transition": (3, [True, False]),
        "reward": (2, [False]),
        "V": (1, []),
        "Q": (2, [False]),
    }

    def reader(kind):
        count, bars = shapes[kind]

        def read(env, atom, side):
            if not atom.args or len(atom.args) != count or [sep == "|" for sep in atom.seps] != bars:
                raise BindError(f"{atom.key}(...) is read with {count} arguments, as the tag's process writes it")
            values = [env.side(argument) for argument in atom.args]
            if not all(getattr(value, "is_integer", False) for value in values):
                raise BindError(
                    "the decision process is read at states and actions, indices 1 … n, not at other values"
                )
            if kind == "policy":  # π(a | s): row s, column a
                values = [values[1], values[0]]
            elif kind == "transition":  # P(s' | s, a): s, then a, then s'
                values = [values[1], values[2], values[0]]
            position = sp.Integer(0)
            for value in values:
                position = position * n + (value - 1)
            return table[starts[kind] + position]

        return ("call", read)

    entries = {
        process.policy: reader("policy"),
        process.transition: reader("transition"),
        process.reward: reader("reward"),
        process.discount: ("scalar", lambda env: table[1]),
        **{key: reader(kind) for key, kind in process.values},
    }
    samplers = {table: ProcessTables(n)}
    for letter in (process.state, process.action):  # a state or an action the formula leaves free: any of 1 … n
        symbol = sp.Symbol(letter, integer=True, positive=True)
        samplers[symbol] = dom.index(n)
        entries[letter] = number_of(symbol)
    return vocab.with_samplers(samplers).with_(entries={**vocab.entries, **entries})
