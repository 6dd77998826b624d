r"""An untagged formula setting the mean of a derivative of a law's logarithm, under that law, to a number,
``\mathbb{E}_{x \sim p_\theta}[\nabla_\theta \log p_\theta(x)] = 0``.

The law ``p_\theta`` is any family of laws with parameter θ, so the formula is read in several families, discrete
and continuous, each under a further parameter standing for what the law is conditioned on
(``\pi_\theta(a_t \mid s_t)``). It PASSes when the mean is the number written in every family. Other factors under
the derivative (``\log \pi_\theta(a_t | s_t) b(s_t)``) must write neither θ nor the draw; as they are a positive
number under the logarithm or one beside it, both readings are computed. The mean of the logarithm's derivative is 0
for every law whose outcomes' range does not move with θ (the derivative of the total probability, 1), and every
family tried gives 0: set to another number (``= 1``), it FAILs. A mean of the law's own derivative is no such
constant: set to a number no family gives, it is not refuted here, and the verdict is the one reached before.
"""

from __future__ import annotations

import re

import sympy

from derive.docs.free import DISTRIBUTION_LETTERS
from derive.docs.interpret import Atom, Deriv, Number, rewrite_chain
from derive.docs.side_names import one_node
from derive.docs.untagged_free import NO_SOLUTION
from derive.docs.verdict import FAIL, PASS, Verdict

IN_EVERY_FAMILY = (
    "in every family tried (a normal law's mean and its scale, an exponential, a Bernoulli and a categorical law, each"
    " also of what it is conditioned on)"
)
PLACEHOLDER = re.compile(r"\\text\{(Y\d+)\}")
UNDER_DERIVATIVE = re.compile(r"\s*(\\ln)?\s*\\text\{(Y\d+)\}((?:\s*\\text\{Y\d+\})*)\s*")  # \ln p_θ(x) b(s), p_θ(x)


def decide_score_mean(text: str) -> Verdict | None:
    """PASS when the formula's mean of a derivative of its law's logarithm is its number in every family of laws,
    FAIL when it is 0 in every family and the number is not (see the module docstring); None when the formula is not
    one such mean or the families leave it open."""
    try:
        sides, relations, _ = rewrite_chain(text)
    except Exception:  # unreadable: not read so
        return None
    if relations != ["="] or len(sides) != 2:
        return None
    nodes = [one_node(side) for side in sides]
    numbers = [node for node in nodes if isinstance(node, Number) and node.text.strip().isdigit()]
    means = [node for node in nodes if isinstance(node, Atom) and node.key == "E" and node.args]
    if len(numbers) != 1 or len(means) != 1:
        return None
    read = _score_under_law(means[0])
    if read is None:
        return None
    log, factors, said = read
    value = int(numbers[0].text.strip())
    means = [sympy.simplify(mean) for _, mean in _family_means(log, factors)]
    if all(mean == value for mean in means):
        return Verdict(PASS, f"the mean under {said} of its derivative read {IN_EVERY_FAMILY} is {value}")
    if log and all(mean == 0 for mean in means):
        return Verdict(
            FAIL,
            f"{NO_SOLUTION}: the mean under {said} of its derivative read {IN_EVERY_FAMILY} is 0, not {value}, as it"
            f" is for every law whose outcomes' range does not change with the parameter; for a normal law whose mean"
            f" is the parameter: 0 != {value}",
        )
    return None


def _score_under_law(mean: Atom):
    """(whether the logarithm is taken, how many other factors, the law as written) when the expectation's body is a
    derivative by θ of its own law p_θ (or of its logarithm), times factors writing neither θ nor the draw."""
    drawn = mean.sub_text.split("sim")
    if len(drawn) > 2 or (mean.sub_text and len(drawn) != 2):
        return None
    body = one_node(mean.args[0])
    if not isinstance(body, Deriv) or body.order != 1 or not isinstance(one_node(body.den), Atom):
        return None
    variable = one_node(body.den)
    if variable.args is not None or variable.sub:
        return None
    found = UNDER_DERIVATIVE.fullmatch(body.num.text)
    if found is None:
        return None
    law = body.num.table.get(found.group(2))
    if not isinstance(law, Atom) or law.key not in DISTRIBUTION_LETTERS or law.sub != [variable.key]:
        return None
    name = f"{law.key}_{law.sub_text}"
    if len(drawn) == 2:  # E_{x \sim p_θ}[...p_θ(x | s)...]: the law drawn from is the one differentiated
        draw, written = drawn
        outcomes = law.args or []
        if written != name or not outcomes or law.seps[:1] not in ([], ["|"]) or set(law.seps[1:]) - {","}:
            return None
        if _written(outcomes[0]) != draw or any(_written(side) in (draw, variable.key) for side in outcomes[1:]):
            return None
    elif law.args is not None:  # E[\nabla_θ \log p_θ]: the law is the only one written, so the law of the mean
        return None
    else:
        draw = None
    if len(mean.args) > 1 and (mean.seps != ["|"] or len(mean.args) != 2 or draw is None):
        return None
    if len(mean.args) == 2 and draw in _written_names(mean.args[1]):
        return None
    factors = PLACEHOLDER.findall(found.group(3))
    for symbol in factors:
        factor = body.num.table.get(symbol)
        if not isinstance(factor, Atom) or {variable.key, draw} & _atom_names(factor) or factor is law:
            return None
    return bool(found.group(1)), len(factors), name


def _written(side) -> str:
    """A side's tokens as one name (``a _ t`` is ``a_t``)."""
    return side.source.replace(" ", "").replace("{", "").replace("}", "")


def _written_names(side) -> set:
    return set(re.split(r"[^A-Za-z0-9_]+", _written(side))) | {_written(side)}


def _atom_names(atom: Atom) -> set:
    """Every name an application writes: its own, its subscript's and its arguments'."""
    names = {atom.key, *atom.sub}
    for side in atom.args or []:
        names |= _written_names(side)
    return names


def _family_means(log: bool, factors: int):
    """(family, the mean of the derivative by θ of the read body, simplified) for each family of laws tried."""
    x = sympy.Symbol("x", real=True)
    theta, condition = sympy.symbols("theta u", real=True)
    factor = sympy.Symbol("c", positive=True)

    def readings(density):
        plain = sympy.log(density) if log else density
        if not factors:
            return [plain]
        return [plain * factor, sympy.log(density * factor) if log else plain * factor]

    def mean(density, outcomes=None, support=(-sympy.oo, sympy.oo)):
        for body in readings(density):
            score = sympy.diff(body, theta)
            if outcomes is None:
                value = sympy.integrate(sympy.simplify(density * score), (x, *support))
            else:
                value = sum(sympy.simplify((density * score).subs(x, k)) for k in outcomes)
            yield sympy.simplify(value)

    rate = sympy.exp(theta + condition)
    chance = 1 / (1 + sympy.exp(-theta - condition))
    logits = [theta, 2 * theta + condition, sympy.Integer(0)]
    categorical = sympy.Piecewise(*((sympy.exp(v), sympy.Eq(x, k)) for k, v in enumerate(logits))) / sum(
        sympy.exp(v) for v in logits
    )
    families = [
        ("normal mean", sympy.exp(-((x - theta * condition) ** 2) / 2) / sympy.sqrt(2 * sympy.pi), None, None),
        (
            "normal scale",
            sympy.exp(-(x**2) * sympy.exp(-2 * theta) / 2) / (sympy.sqrt(2 * sympy.pi) * sympy.exp(theta)),
            None,
            None,
        ),
        ("exponential", rate * sympy.exp(-rate * x), None, (0, sympy.oo)),
        ("Bernoulli", chance**x * (1 - chance) ** (1 - x), (0, 1), None),
        ("categorical", categorical, (0, 1, 2), None),
    ]
    for name, density, outcomes, support in families:
        for value in mean(density, outcomes, support or (-sympy.oo, sympy.oo)):
            yield name, value
