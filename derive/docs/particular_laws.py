"""The named laws a text may have in mind for random variables X and Y whose law it does not state.

An untagged ``\\operatorname{Var}(X) = \\mathbb{E}[X](1 - \\mathbb{E}[X])`` fails under most laws, yet holds for every
Bernoulli X: the text may be about indicators. A claim refuted under a joint law drawn at random is refuted for the
law the text means only if that law is none of those texts most often leave unsaid; :func:`particular_law` tries them
through the tag's own law clauses (:mod:`derive.docs.laws`), X and Y independent, each with a parameter of its own
(X and Y of one law would excuse every formula that swaps them, H(Y | X) = H(X, Y) - H(Y)).
"""

from __future__ import annotations

from derive.docs.verdict import PASS

# (what the law is called in a verdict, its clause with PARAM for a free positive parameter); each is a law some
# text means without saying: the standard normal, indicators (E[X^2] = E[X]), counts (Var(X) = E[X]), waiting
# times (Var(X) = E[X]^2), non-negative values (E[|X|] = E[X]), and laws symmetric about 0 (E[X^3] = 0)
FAMILIES = (
    ("standard normal", r"\mathcal{N}(0, 1)"),  # E[X^4] = 3, E[ReLU(X)^2] = 1/2
    ("Bernoulli", r"\mathrm{Bernoulli}(PARAM)"),
    ("Poisson", r"\mathrm{Poisson}(PARAM)"),
    ("exponential", r"\mathrm{Exponential}(PARAM)"),
    ("geometric on 1, 2, ...", r"\mathrm{Geometric}(PARAM) on \{1, 2, \ldots\}"),  # Var(X) = E[X]^2 - E[X]
    ("geometric on 0, 1, ...", r"\mathrm{Geometric}(PARAM) on \{0, 1, \ldots\}"),
    ("uniform on [0, c]", r"\mathrm{Uniform}(0, PARAM)"),
    ("normal with mean 0", r"\mathcal{N}(0, PARAM)"),
    ("Laplace with mean 0", r"\mathrm{Laplace}(0, PARAM)"),
)
# the moments a law fixes whatever its parameter: read for a formula that writes that moment, it would be 0 or 1 where
# the formula treats it as a quantity (Var(X) = E[X^2] + E[X]^2 holds for every normal X of mean 0)
FIXED = {"standard normal": {"mean", "variance"}, "normal with mean 0": {"mean"}, "Laplace with mean 0": {"mean"}}
PARAMETERS = (r"\kappa", r"\upsilon", r"\chi", r"\omega")  # the law's parameter: a name the formula does not write
TRIED = ", ".join(said for said, _ in FAMILIES)  # the laws a FAIL names as refuting it


def particular_law(text: str, written=frozenset()) -> str | None:
    """The first law of :data:`FAMILIES` under which the formula holds for X (and Y, independent of X, of the same
    family with a parameter of its own), said in words, or None when each refutes it or none can be read; a law that
    fixes a moment in ``written`` ("mean", "variance": the formula writes it as a quantity) is not tried."""
    from derive.docs.decide import decide
    from derive.docs.tags import parse_tag
    from derive.docs.untagged_decide import RANDOM_VARIABLE

    variables = sorted(set(RANDOM_VARIABLE.findall(text)))
    parameters = [name for name in PARAMETERS if name not in text][: len(variables)]
    if not variables or len(parameters) < len(variables):
        return None
    for said, law in FAMILIES:
        if FIXED.get(said, set()) & set(written):
            continue
        clauses = [f"{name} \\sim {law.replace('PARAM', parameter)}" for name, parameter in zip(variables, parameters)]
        conditions = [f"{parameter} > 0" for parameter in parameters if "PARAM" in law]
        if decide(text, parse_tag("; ".join([*clauses, *conditions])), tagged=True).verdict == PASS:
            return f"{' and '.join(variables)} {'independent, each ' if len(variables) > 1 else ''}{said}"
    return None
