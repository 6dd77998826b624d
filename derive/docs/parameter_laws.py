r"""A law named with its parameter, ``\pi_\theta: distribution``, when the formula also writes that parameter: a law that
moves with it.

A tag that declares ``\pi_\theta`` (``p_\theta``, ``q_\phi``) a distribution names a family of laws, one for each value
of θ. Read as one probability vector drawn apart from θ, the law would not move with it, and ``\nabla_\theta
\pi_\theta(y)`` would be 0: a formula that drops a logarithm or a factor under the derivative would hold. So when the
formula writes θ itself (``\nabla_\theta``, ``J(\theta)``), the law is read as a softmax of logits that depend smoothly
on θ: outcome k has the logit a_k + b_k θ + c_k θ² / 2, with a, b and c drawn at each point, and its probability is
exp of its logit over the sum of those over the outcomes, normalised at every θ. A claim about every such family is
checked on it, and a refutation names the family it was found with. A θ the formula reads as a vector of the
notation's size moves each logit by a slope and a bend along each of its entries; one read as a matrix, or as a vector
of another size, is not modelled so: the reading stops with its reason.

The same law is read where the tag says ``\pi_\theta(y): function of \theta`` (or a definition of J(θ) implies it)
and the formula draws from it, ``y \sim \pi_\theta``: a function of θ drawn from is a law, normalised at every θ.
"""

from __future__ import annotations

import re

import sympy as sp

from derive import domain as dom
from derive.docs.arbitrary import _record
from derive.docs.interpret import Atom
from derive.docs.values import Vec

GREEK = frozenset(
    "alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi rho sigma tau"
    " upsilon phi varphi chi psi omega".split()
)

SHOWN = "a_k + b_k*{0} + c_k*{0}**2/2"
# pi_theta, p_phi: a law's letter keyed with a parameter's name (a Greek letter's)
KEYED_WITH_PARAMETER = re.compile(r"(?P<law>[A-Za-z]+)_(?P<parameter>[A-Za-z]+)")


def law_parameter(key: str, text: str) -> str | None:
    r"""The parameter ``theta`` of a law keyed ``pi_theta`` (written ``\pi_\theta``) when the formula ``text`` writes
    it outside the law's own name; None otherwise."""
    found = KEYED_WITH_PARAMETER.fullmatch(key)
    if found is None:
        return None
    law, parameter = found.group("law"), found.group("parameter")
    if parameter not in GREEK:
        return None  # \pi_{old}, p_{data}, p_X: a label, no parameter
    written = rf"\\{parameter}"
    own_name = rf"\\?{law}\s*_\s*(?:\{{\s*{written}\s*\}}|{written})"
    rest = re.sub(own_name + r"(?![A-Za-z_])", " ", text)
    return parameter if re.search(written + r"(?![A-Za-z])(?!\s*_)", rest) else None  # θ_old is a name of its own


# y \sim \pi_\theta in an expectation's subscript, the draw and its law's name as written
DRAW = re.compile(
    r"(?P<draw>[A-Za-z])\s*\\sim\s*(?P<law>\\?[A-Za-z]+\s*_\s*(?:\\[A-Za-z]+|\{\s*\\[A-Za-z]+\s*\}))(?![A-Za-z(_])"
)


def drawn_function_law(key: str, further: list, text: str) -> str | None:
    r"""The parameter θ when the tag's ``\pi_\theta(y): function of \theta`` names the law the formula draws from,
    ``y \sim \pi_\theta``: a law of one outcome labelled by θ and depending on θ alone; None otherwise."""
    from derive.docs.side_names import _normal_name

    base, _, outcome = key.partition("(")
    found = KEYED_WITH_PARAMETER.fullmatch(base)
    if found is None or found.group("parameter") not in GREEK or not re.fullmatch(r"[A-Za-z]\)", outcome):
        return None
    if [_normal_name(name) for name in further] != [found.group("parameter")]:
        return None
    drawn = any(_normal_name(draw.group("law")) == base for draw in DRAW.finditer(text))
    return found.group("parameter") if drawn else None


def declare_parameter_law(reading, key: str, parameter: str):
    """Declare the law ``key`` (``pi_theta``) the softmax of logits quadratic in ``parameter`` whose coefficients are
    drawn at each point (see the module docstring)."""
    size = reading.vocab.size
    level = _drawn(reading, f"doc_{key}_level", dom.vector(size, dom.reals(-2, 2)))
    slope = _drawn(reading, f"doc_{key}_slope", dom.vector(size, dom.reals(-1, 1)))
    bend = _drawn(reading, f"doc_{key}_bend", dom.vector(size, dom.reals(-1, 1)))
    slopes = _drawn(reading, f"doc_{key}_slopes", dom.matrix(size, size, dom.reals(-1, 1)))
    bends = _drawn(reading, f"doc_{key}_bends", dom.matrix(size, size, dom.reals(-1, 1)))

    def build(env):
        from derive.docs.bind import BindError

        value = env.node(Atom(parameter, [], ""), None)
        length = env.size_value
        if isinstance(value, Vec):  # θ a vector of the notation's size: a slope and a bend along each of its entries
            if value.size != length or not isinstance(length, (int, sp.Integer)):
                raise BindError(f"{key} moves with the vector {parameter}, whose size is not its number of outcomes")
            entries = [value.component(sp.Integer(i)) for i in range(1, int(length) + 1)]

            def logit(k):
                return level[k] + sum(
                    slopes[k, i] * entry + bends[k, i] * entry**2 / 2 for i, entry in enumerate(entries, start=1)
                )
        elif isinstance(value, sp.MatrixBase):
            raise BindError(f"{key} is a law that moves with {parameter}, read as a matrix here: it is not modelled")
        else:

            def logit(k):
                return level[k] + slope[k] * value + bend[k] * value**2 / 2

        if isinstance(length, (int, sp.Integer)):
            total = sp.Add(*(sp.exp(logit(sp.Integer(j))) for j in range(1, int(length) + 1)))
        else:
            other = sp.Dummy("j", integer=True, positive=True)
            total = sp.Sum(sp.exp(logit(other)), (other, 1, length))
        _record(env, key, f"{key}(k) = exp({SHOWN.format(parameter)}) / (its sum over k), a, b, c drawn", True)
        return Vec(lambda k: sp.exp(logit(k)) / total, length)

    reading.overrides.setdefault(key, ("vec", build))


def _drawn(reading, name: str, sampler):
    base = sp.IndexedBase(name, real=True)
    reading.extra_samplers[base] = sampler
    return base
