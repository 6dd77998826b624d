r"""Macros neither a page nor its site defines, read by the one meaning every reader gives them.

``\E[X]``, ``\R^n``, ``\Var(X)``, ``\KL(p \| q)``, ``\argmax_i``: writers use these without
defining them in the page, and no other meaning is plausible. Only such names are here;
names with more than one usual meaning (``\N`` the naturals or a normal law, ``\P`` a
probability or a paragraph sign, ``\Exp`` an expectation or the exponential law, ``\1``,
``\tp``) are not, and a formula writing them stays UNKNOWN. A definition the page or its
site gives is always expanded first, so this table never overrides one.
"""

from __future__ import annotations

from derive.docs.formats.macros import join, tokens_of

EXPECTATION = (r"\mathbb{E}", "the expectation")
REALS = (r"\mathbb{R}", "the real numbers")
ARG_MAX = (r"\operatorname*{arg\,max}", "the arg max")
ARG_MIN = (r"\operatorname*{arg\,min}", "the arg min")
TRACE = (r"\operatorname{tr}", "the trace")
USUAL = {
    r"\E": EXPECTATION,
    r"\EE": EXPECTATION,
    r"\Expect": EXPECTATION,
    r"\Expectation": EXPECTATION,
    r"\R": REALS,
    r"\RR": REALS,
    r"\Reals": REALS,
    r"\reals": REALS,
    r"\Var": (r"\operatorname{Var}", "the variance"),
    r"\Cov": (r"\operatorname{Cov}", "the covariance"),
    r"\KL": (r"\operatorname{KL}", "the Kullback-Leibler divergence"),
    r"\argmax": ARG_MAX,
    r"\argmin": ARG_MIN,
    r"\tr": TRACE,
    r"\Tr": TRACE,
    r"\trace": TRACE,
    r"\diag": (r"\operatorname{diag}", "the diagonal matrix of a vector"),
    r"\softmax": (r"\operatorname{softmax}", "the softmax"),
    r"\sgn": (r"\operatorname{sgn}", "the sign function"),
}


def with_usual_meanings(latex: str) -> tuple[str, tuple[str, ...]]:
    """(``latex`` with each macro of :data:`USUAL` it still writes replaced by its meaning, those macros in order)."""
    if "\\" not in latex:
        return latex, ()
    tokens = [token for token, _ in tokens_of(latex)]
    used = tuple(dict.fromkeys(token for token in tokens if token in USUAL))
    if not used:
        return latex, ()
    out = []
    for token in tokens:
        if token in USUAL:
            out.extend(t for t, _ in tokens_of(USUAL[token][0]))
        else:
            out.append(token)
    return join(out), used


def usual_note(used: tuple[str, ...]) -> str:
    """The sentence a verdict adds when it read macros by their usual meaning."""
    meanings = ", ".join(f"{name} as {USUAL[name][1]} ({USUAL[name][0]})" for name in used)
    return f"read {meanings}, the usual meaning: neither the page nor its site defines it"
