r"""The mean and standard deviation of a random quantity, written as subscripts: ``\mu_{aX+b} = a\mu_X + b``.

Texts that name the mean of a random variable X ``\mu_X`` and its standard deviation ``\sigma_X`` write those of an
expression of it the same way, ``\mu_{aX+b}``, ``\sigma_{X+Y}``: the subscript is the random quantity, never a label.
A subscript is read so only when every capital letter it writes is a random variable of the notation (one the tag
draws from a law, ``X \sim \mathcal{N}(0, 1)``, or one the tag's result takes expectations of, as
``linearity_of_expectation`` does of X and Y), beside numbers and lower-case coefficients; it is then the expectation
``\mathbb{E}[\dots]`` (the square root of ``\operatorname{Var}(\dots)``) of what it writes. Any other subscript
(``\mu_{K+1}`` of a count K, ``\mu_\mathcal{B}`` of a batch) stays as written, and so does ``\mu_X`` where the notation
names it itself.
"""

from __future__ import annotations

import re

# \mu_X, \mu_{X}, \mu_{aX+b}: the moment's letter and its subscript (braced, one level deep, or one letter)
MOMENT = re.compile(r"\\(?P<moment>mu|sigma)\s*_\s*(?:\{(?P<braced>[^{}]*)\}|(?P<letter>[A-Za-z]))")
WRITTEN = re.compile(r"(?:[A-Za-z0-9.+\-*/()\s]|\\cdot|\\times)+")  # letters, numbers and arithmetic only
READING = {"mu": r"\mathbb{{E}}[{}]", "sigma": r"\sqrt{{\operatorname{{Var}}({})}}"}


def moments_of_random_quantities(text: str, binding) -> str:
    r"""``text`` with each ``\mu_{S}`` and ``\sigma_{S}`` of a random quantity S (see the module) written as
    ``\mathbb{E}[S]`` and ``\sqrt{\operatorname{Var}(S)}``; ``text`` as it is when there is none."""
    if "\\mu" not in text and "\\sigma" not in text:
        return text
    randoms, named = _random_letters(binding)
    out, position = [], 0
    for match in MOMENT.finditer(text):
        moment = match.group("moment")
        sub = (match.group("braced") if match.group("braced") is not None else match.group("letter")).strip()
        capitals = set(re.findall(r"[A-Z]", sub))
        if not WRITTEN.fullmatch(sub) or not capitals or not capitals <= randoms[moment]:
            continue
        if f"{moment}_{sub.replace(' ', '')}" in named:  # the tag's own \mu_X = ..., the result's, or its law's
            continue
        out.append(text[position : match.start()])
        out.append(READING[moment].format(sub))
        position = match.end()
    return "".join(out) + text[position:]


def _random_letters(binding) -> tuple[dict, set]:
    """(moment -> the one-letter random variables of the tag's laws and of its result's model that the notation
    takes that moment of, the moments and names the notation reads itself)."""
    from derive.docs.laws import LawClause
    from derive.docs.side_names import _normal_name

    drawn = {c.name for c in binding.clauses if isinstance(c, LawClause) and re.fullmatch(r"[A-Z]", c.name)}
    randoms = {moment: set(drawn) for moment in READING}
    named = {f"{moment}_{name}" for name in drawn for moment in READING}  # the tag's laws name \mu_X themselves
    named |= {_normal_name(name) for name in (*binding.overrides, *binding.kinds)}
    if binding.result:
        from derive.registry import load
        from derive.vocabulary import vocabulary_for

        vocab = vocabulary_for(load(binding.result))
        named |= set(vocab.entries)
        letters = {
            k
            for k, meaning in vocab.entries.items()
            if re.fullmatch(r"[A-Z]", k) and isinstance(meaning, tuple) and meaning[0] == "scalar"
        }
        mean, variance = vocab.expectation or (None, None)
        randoms["mu"] |= letters if mean is not None else set()
        randoms["sigma"] |= letters if variance is not None else set()
    return randoms, named
