"""An untagged formula's verdict: its own variables in the document's scope, random variables X and Y, a vector's
entries, and the doubts (a condition, a unit of entropy, a base of logarithm) that keep a FAIL from standing."""

from __future__ import annotations

import dataclasses
import re

from derive.docs.bind import (
    Unbound,
)
from derive.docs.index_compared import whole_number_doubt
from derive.docs.interpret import rewrite_chain
from derive.docs.labelled_derivative import LABEL_AS_ARGUMENT
from derive.docs.reading import Scope, _guarded, _untagged_vocabulary
from derive.docs.side_names import _atom_keys
from derive.docs.split_inequality import reversed_inequality
from derive.docs.untagged_free import ANY_FUNCTION_REFUTED, ONLY_WHERE_SIDES_MEET, _decide_free, _only_equalities
from derive.docs.untagged_information import decide_information
from derive.docs.untagged_laws import JOINT_LAW_REASONS, decide_joint_law, unnormalised_laws, writes_law
from derive.docs.verdict import FAIL, PASS, UNKNOWN, Verdict
from derive.result import _joined


def _decide_untagged_once(text, binding, context):
    from derive.docs.untagged import quantified_names

    try:
        quantifiable = quantified_names(text, context)
    except Exception:  # an unreadable formula: reported by the reading below
        quantifiable = {}
    verdict = _decide_untagged(text, binding, context, quantifiable)
    verdict = _size_letter_doubt(text, binding, context, quantifiable, verdict)
    verdict = whole_number_doubt(
        text,
        quantifiable,
        verdict,
        lambda conditions, names: _decide_untagged(
            text,
            dataclasses.replace(binding, conditions=[*binding.conditions, *conditions]),
            context,
            {**quantifiable, **dict.fromkeys(names, "whole")},
        ),
    )
    # a refutation whatever the unknown functions are read df/dθ at the arguments the formula applies f to, f(θ)
    applied = _applied_names(text) if ANY_FUNCTION_REFUTED in verdict.detail else {}
    # π_θ(y) read as π(θ, y) writes θ: its derivative by θ is not hidden
    stated = LABEL_AS_ARGUMENT in verdict.detail
    hidden = _hidden_dependence(text, applied) if verdict.verdict == FAIL and not stated else None
    if verdict.verdict == FAIL and hidden is not None:
        return Verdict(
            UNKNOWN,
            f"the formula differentiates by {hidden} an expression that does not write {hidden}: its names depend on"
            f" {hidden} in a way the formula does not state (as read, the derivative is 0: {verdict.detail})",
        )
    if verdict.verdict == FAIL and _compares_with_a_number(text) and ONLY_WHERE_SIDES_MEET not in verdict.detail:
        return Verdict(
            UNKNOWN,
            "an inequality between an expression and a number may be a condition (when it holds), not a claim"
            f" for all values; where it fails: {verdict.detail}",
        )
    if verdict.verdict == FAIL:
        reverse = reversed_inequality(text)
        other = None
        if reverse:  # read as the formula was, a lone size letter as a number and as the vectors' length
            other = _decide_untagged(reverse, binding, context, quantifiable)
            other = _size_letter_doubt(reverse, binding, context, quantifiable, other)
        if other is not None and other.verdict == FAIL:
            return Verdict(
                UNKNOWN,
                "an inequality that holds strictly for some values of its names and fails for others on every domain"
                f" may be a condition on them, not a claim for all values; where it fails: {verdict.detail}; where it"
                f" holds, the reverse fails: {other.detail}",
            )
    if verdict.verdict == FAIL and ENTROPY.search(text) and OTHER_BASE.search(text):
        return Verdict(
            UNKNOWN,
            "an entropy H of unstated unit beside a logarithm or a power in base 2 or 10: it may be in bits,"
            f" where the checker's H is in nats ({verdict.detail})",
        )
    if verdict.verdict == FAIL and binding.log_base == "e" and re.search(r"\\log(?![_a-zA-Z])", text):
        # untagged, the text does not say which logarithm \log is: a claim that holds in base 2 or 10 is neither
        # refuted nor confirmed, as the base it holds in may not be the one the document means
        for base in ("2", "10"):
            other = _decide_untagged(text, dataclasses.replace(binding, log_base=base), context, quantifiable)
            if other.verdict == PASS:
                return Verdict(
                    UNKNOWN,
                    f"\\log of unstated base: the formula holds in base {base} ({other.detail}) and fails in base e"
                    f" ({verdict.detail})",
                )
    return verdict


INEQUALITIES = ("<", ">", "<=", ">=")


def _hidden_dependence(text, applied=None):
    """The variable of a derivative that the differentiated names do not write
    (``\\frac{\\partial}{\\partial b}[-y \\log \\hat{y}]``, where ŷ depends on b), or None. A name alone over the
    derivative that ``applied`` (name -> the names of its arguments) says the formula applies to the variable (df/dθ
    beside f(θ)) writes it."""
    from derive.docs.free import child_sides
    from derive.docs.nodes import Deriv
    from derive.docs.parse import parse_latex
    from derive.docs.side_names import atoms_in

    try:
        todo = list(rewrite_chain(text)[0])
        while todo:
            side = todo.pop()
            for node in side.nodes(parse_latex(side.text)):
                if isinstance(node, Deriv):
                    written = {atom.key for atom in atoms_in([node.num], child_sides)}
                    for name in list(written):
                        written |= (applied or {}).get(name, set())
                    for variable in atoms_in([node.den], child_sides):
                        if written and variable.key not in written:
                            return variable.key
                todo.extend(s for s in child_sides(node) if s is not None and hasattr(s, "table"))
    except Exception:  # unreadable: the reading reports it
        return None
    return None


def _applied_names(text) -> dict:
    """Each name the formula applies to arguments (f in f(θ)), with the names those arguments write."""
    from derive.docs.free import child_sides
    from derive.docs.side_names import atoms_in

    applied: dict = {}
    try:
        for atom in atoms_in(rewrite_chain(text)[0], child_sides):
            if atom.args:
                applied.setdefault(atom.key, set()).update(inner.key for inner in atoms_in(atom.args, child_sides))
    except Exception:  # unreadable: no names applied
        return {}
    return applied


SIZE_LETTERS = frozenset("ndmNDKMLT")  # the letters authors give a vector's length


def _size_letter_doubt(text, binding, context, quantifiable, verdict):
    """A lone size letter beside the formula's vectors (``\\log n`` beside ``\\sum_i e^{x_i}``) may be their
    length: the verdict stands only when reading it as the length agrees; a FAIL the length does not give is
    UNKNOWN with both readings."""
    if verdict.verdict not in (PASS, FAIL) or "vector" not in quantifiable.values():
        return verdict
    letters = [key for key, kind in quantifiable.items() if kind == "real" and key in SIZE_LETTERS]
    if len(letters) != 1:
        return verdict
    other = _decide_untagged(text, binding, context, {**quantifiable, letters[0]: "count"})
    if other.verdict == verdict.verdict or (verdict.verdict == PASS and other.verdict != FAIL):
        return verdict
    as_size = f"as the length of the vectors it {'holds' if other.verdict == PASS else 'is not decided'}"
    if other.verdict == FAIL:
        as_size = f"as the length of the vectors it fails ({other.detail})"
    return Verdict(
        UNKNOWN,
        f"{letters[0]} may be the length of the formula's vectors: {as_size}; as a number of its own it"
        f" {'holds' if verdict.verdict == PASS else 'fails'} ({verdict.detail})",
    )


ENTROPY = re.compile(r"(?<![A-Za-z\\])H\s*(?:\\left)?\s*[(\[]")  # H(p), H[X]
INFORMATION = re.compile(r"(?<![A-Za-z\\])I\s*(?:\\left)?\s*\(")  # I(X; Y)


OTHER_BASE = re.compile(r"\\log_\s*\{?\s*(?:2|10)(?![0-9])|\\lg(?![a-z])|(?<![0-9.])(?:2|10)\s*\^")  # \log_2, 2^{...}


def _compares_with_a_number(text) -> bool:
    """Whether the formula is one inequality with a side in numbers only (``\\sigma(w^T x + b) > 0.5``)."""
    try:
        sides, relations, _ = rewrite_chain(text)
        if len(relations) != 1 or relations[0] not in INEQUALITIES:
            return False
        from derive.docs.free import child_sides

        numeric = [not (_atom_keys([side], child_sides) - {"pi", "e"}) for side in sides]
        return any(numeric) and not all(numeric)  # 2\pi > 7 is arithmetic: refuted when false
    except Exception:  # unreadable: the reading reports it
        return False


def _decide_untagged(text, binding, context, quantifiable):
    verdict = _decide_in_scope(text, binding, context, quantifiable)
    if verdict.verdict == UNKNOWN and PROBABILITY.search(text) and RANDOM_VARIABLE.search(text):
        verdict = _decide_chance(text, binding, context, quantifiable) or verdict
    elif verdict.verdict == UNKNOWN and verdict.detail.startswith(("E[...] needs", "Var[...] needs")):
        verdict = _decide_entries(text, binding, context, quantifiable) or verdict
    elif (
        verdict.verdict == UNKNOWN
        and any(reason in verdict.detail for reason in JOINT_LAW_REASONS)
        and not writes_law(text, unnormalised_laws(context.sources))  # q(θ | D) = q(D | θ) q(θ), q unnormalised
    ):
        verdict = decide_joint_law(text) or verdict  # P(A | B) = P(B | A) P(A) / P(B): one joint law of A and B
    if verdict.verdict == UNKNOWN and PROBABILITY.search(text) and not MODEL_NAMES & set(context.definitions):
        verdict = _decide_random_name(text, binding, context) or verdict  # E[p_k^2] = E[p_k]^2 + Var(p_k)
    if (
        verdict.verdict == UNKNOWN
        and (ENTROPY.search(text) or INFORMATION.search(text))
        and not {"H", "I"} & set(context.definitions)  # the document's own H or I is in force
    ):  # I(S; Z) = H(Z) - H(Z | S): entropies of random variables under one joint law
        verdict = decide_information(text) or verdict
        if verdict.verdict == UNKNOWN:  # H(X) = -\sum_i p_i \log p_i: the entropy of the law whose values it writes
            verdict = _decide_entropy_of_law(text, binding, context) or verdict
    return verdict


def _decide_entropy_of_law(text, binding, context):
    """H(X) beside the values p_i of one law, read as H(p) (:mod:`derive.docs.entropy_of_law`), when so decided."""
    from derive.docs.entropy_of_law import entropy_as_law
    from derive.docs.untagged import quantified_names

    found = entropy_as_law(text)
    if found is None:
        return None
    rewritten, variable, law = found
    try:
        quantifiable = quantified_names(rewritten, context)
    except Exception:  # unreadable once rewritten: not read so
        return None
    verdict = _decide_in_scope(rewritten, binding, context, quantifiable)
    if verdict.verdict not in (PASS, FAIL):
        return None
    said = f"{law} beside H({variable}) is the law of {variable}, read as H({law})"
    return dataclasses.replace(verdict, detail=f"{said}: {verdict.detail}")


def _decide_random_name(text, binding, context):
    """A claim about the moments of one random variable written other than X (:mod:`derive.docs.random_names`).

    Written X, it is read as X is (:func:`_decide_chance`); a FAIL stands only when a constant refutes it too, where a
    number could be meant (Var(c) = 0), unless the formula writes the name's variance (a constant's would be 0). A
    family of random variables (p_k under a sum over k) is read with one law per member, as the tag clause
    ``p_k: random`` reads it, and decided only when it holds.
    """
    from derive.docs.decide import decide
    from derive.docs.random_names import random_reading
    from derive.docs.tags import parse_tag
    from derive.docs.untagged import quantified_names

    reading = random_reading(text)
    if reading is None:
        return None
    said = reading.said
    if reading.as_x is None:
        verdict = decide(text, parse_tag(reading.tag))
        if verdict.verdict == PASS:
            return dataclasses.replace(verdict, detail=f"{said} of a family, each with a law drawn: {verdict.detail}")
        return None
    try:
        quantifiable = quantified_names(reading.as_x, context)
    except Exception:  # unreadable once renamed: not read so
        return None
    verdict = _decide_chance(reading.as_x, binding, context, quantifiable)
    if verdict is None:
        return None
    if verdict.verdict == FAIL and reading.constant and not SPREAD.search(reading.as_x):  # Var(c) written: spread
        constant = _decide_in_scope(text, binding, context, quantified_names(text, context), _constant_model())
        if constant.verdict != FAIL:
            return Verdict(
                UNKNOWN,
                f"{reading.shown} may be a constant, and then the formula"
                f" {'holds' if constant.verdict == PASS else 'is not decided'} ({constant.detail}); read as a random"
                f" variable it fails ({verdict.detail})",
            )
    return dataclasses.replace(verdict, detail=f"{said}, read as X is: {verdict.detail}")


def _constant_model():
    """The untagged vocabulary with every name a number: E[c] = c, Var(c) = 0, Cov(c, d) = 0."""
    from derive.vocabulary import function_of_arguments

    base = _untagged_vocabulary()
    entries = {**base.entries, "Cov": function_of_arguments(lambda env, u, v: 0, 2)}
    return dataclasses.replace(base, entries=entries, expectation=(lambda value: value, lambda value: 0))


def _decide_entries(text, binding, context, quantifiable):
    """E[x], Var[x] of a vector x (its entries x_i in the formula) as the mean and variance of its entries.

    It PASSes when it holds with the variance dividing by n or by n - 1 (saying which), and FAILs
    only when both refute it; see :func:`derive.docs.chance.entries_model`.
    """
    from derive.docs.chance import entries_model

    base = _untagged_vocabulary()
    refuted = []
    for words, unbiased in (("n", False), ("n - 1", True)):
        verdict = _decide_in_scope(text, binding, context, quantifiable, entries_model(base, unbiased))
        if verdict.verdict == PASS:
            detail = f"E[x] and Var[x] the mean and the variance (over {words}) of the entries of x: {verdict.detail}"
            return dataclasses.replace(verdict, detail=detail)
        if verdict.verdict != FAIL:
            return None
        refuted.append(verdict)
    detail = f"E[x] and Var[x] the mean and the variance (over n, or n - 1) of the entries of x: {refuted[0].detail}"
    return dataclasses.replace(refuted[0], detail=detail)


def _decide_in_scope(text, binding, context, quantifiable, model=None):
    scope = Scope(dict(context.definitions), quantifiable, model=model)
    free, unbalanced = None, None  # with random variables: the other names, read as free variables
    if model is not None:
        redefined = sorted(set(context.definitions) & MODEL_NAMES)
        if redefined:  # the document's own Cov(X, Y) = ... is in force, not the law drawn here
            return Verdict(UNKNOWN, f"{redefined[0]} is defined earlier in the document: not read under a law of X, Y")
        free, unbalanced = _free_kinds(text, context, [key for key in model.entries if "_" in key])
        moments = sorted(key for key in free if re.search(r"_.*[XY]", key) and key not in model.entries)
        if moments:  # \mu_X: the mean of X, perhaps, which the formula does not define
            return Verdict(
                UNKNOWN, f"{moments[0]} names X or Y: a quantity of the random variable the formula does not define"
            )
    for _ in range(len(quantifiable) + 8):
        try:
            verdict = _guarded(text, binding, scope, reraise_unbound=True)
        except Unbound as exc:
            if exc.name in scope.quantifiable and exc.name not in scope.free:
                scope.free[exc.name] = scope.quantifiable[exc.name]
                continue
            if model is None:
                return _decide_free(text, binding, context, exc.name)
            if free is None:
                free, unbalanced = _free_kinds(text, context)
            entries = getattr(model.expectation[0], "of_entries", False)  # E[x] of a vector x: see _decide_entries
            if (
                free.get(exc.name) in ("real", "positive", "small") or entries and exc.name in free
            ) and exc.name not in scope.free:
                scope.free[exc.name] = free[exc.name]  # a in Var(aX + b): a number
                continue
            return Verdict(UNKNOWN, f"{exc.name} is not bound: {exc}")
        if unbalanced and (verdict.verdict != PASS or not _only_equalities(text)):
            # \mathbb{E}[X] = \mu, H(X) \le \log k: an equation or a condition; Var(aX + b) = a^2 Var(X) holds for all b
            return Verdict(UNKNOWN, f"not read as an identity: {unbalanced}")
        return verdict
    return Verdict(UNKNOWN, "the formula's names could not all be bound")


def _free_kinds(text, context, quantities=()):
    """(the formula's free variables and their kinds, the reason it reads as an equation or None); ``quantities`` are
    names the law of X and Y gives a value (\\mu_X, the mean of X), no free variable on one side only."""
    from derive.docs.free import NotIdentity, Unbalanced, free_reading
    from derive.docs.untagged import KNOWN_FUNCTIONS

    defined = {**context.definitions, **dict.fromkeys(quantities)}
    try:
        return free_reading(text, KNOWN_FUNCTIONS, defined, random=frozenset({"X", "Y"})), None
    except Unbalanced as why:
        return why.kinds, str(why)
    except NotIdentity:
        return {}, None
    except Exception:  # unreadable: the first reading reports it
        return {}, None


MODEL_NAMES = {"E", "bb_E", "Var", "var", "Cov", "H", "I", "X", "Y"}  # what the law of X and Y gives a meaning


PROBABILITY = re.compile(
    r"\\mathbb\s*\{?\s*[EV]|\\langle|(?<![A-Za-z\\])(?:E|H|I)\s*[\[(]|Var|Cov|\\operatorname\s*\{\s*E"
)


RANDOM_VARIABLE = re.compile(r"(?<![A-Za-z\\_^{])[XY](?![A-Za-z])")


SPREAD = re.compile(r"Var|var|Cov|\\sigma_\s*\{?\s*[XY]")  # Var(X), Cov(X, Y), σ_X


def _holds_for_constants(text, binding, context, quantifiable) -> str | None:
    """The words "constant X" when the formula holds for every point mass (E[e^X] = e^{E[X]}), else None.

    Only a formula of expectations alone is read so: one that writes a variance, a covariance, a standard deviation or
    an entropy treats X as spread, and at a point mass every such quantity is 0, where Var(X - Y) = Var(X) - Var(Y)
    would hold."""
    if SPREAD.search(text) or ENTROPY.search(text) or INFORMATION.search(text):
        return None
    constant = _decide_in_scope(text, binding, context, quantifiable, _constant_model())
    variables = " and ".join(sorted(set(RANDOM_VARIABLE.findall(text))))
    return f"constant {variables} (a point mass)" if constant.verdict == PASS else None


def _decide_chance(text, binding, context, quantifiable):
    """An untagged claim about random variables X and Y, read under the laws of :mod:`derive.docs.chance`.

    It PASSes when it holds under a joint law of X and Y drawn at each point, and FAILs when that
    refutes it and so do independent X and Y with mean 0 and variance 1 (but for the means and variances the formula
    writes: :func:`_refuted_as_written`), each law of :mod:`derive.docs.particular_laws` and constant X and Y; holding for one of those only, it is left undecided
    (Var(X + Y) = Var(X) + Var(Y) is a claim about independent X and Y, Var(X) = E[X] one about a Poisson X).
    """
    from derive.docs.chance import independent_model, joint_model
    from derive.docs.particular_laws import TRIED, particular_law

    base = _untagged_vocabulary()
    general = _decide_in_scope(text, binding, context, quantifiable, joint_model(base))
    if general.verdict == PASS:
        detail = f"random variables X, Y under a joint law drawn at each point: {general.detail}"
        return dataclasses.replace(general, detail=detail)
    if general.verdict != FAIL:
        return general if general.detail.startswith("not read as an identity") else None
    written = _refuted_as_written(text, binding, context, quantifiable, general)
    if written is not None:
        return written
    simple = _decide_in_scope(text, binding, context, quantifiable, independent_model(base))
    if simple.verdict == FAIL:
        particular = particular_law(text) or _holds_for_constants(text, binding, context, quantifiable)
        if particular is not None:
            return Verdict(
                UNKNOWN,
                f"holds for {particular}, not under every law ({general.detail}): a claim about a particular law;"
                " say which random variables are meant",
            )
    if simple.verdict == FAIL:
        detail = (
            f"refuted for random variables X, Y under a joint law ({general.detail}), for independent"
            f" X, Y with mean 0 and variance 1 ({simple.detail}), and for X, Y of each law {TRIED}"
        )
        return dataclasses.replace(simple, detail=detail)
    if simple.verdict == PASS:
        return Verdict(
            UNKNOWN,
            "holds for independent X, Y with mean 0 and variance 1, not under every joint law"
            f" ({general.detail}): say which random variables are meant",
        )
    return None


def _refuted_as_written(text, binding, context, quantifiable, general):
    """The verdict on a formula a joint law refutes (``general``) that writes a mean or a variance of X or Y
    (Var(X) = E[X^2] + E[X]^2), read for independent X and Y with those moments of their own and the others 0 and 1
    (a text that writes E[X] does not mean a law where it is 0, nor one that writes Var(X) a law where it is 1): FAIL
    when that refutes it too, and each law of :mod:`derive.docs.particular_laws` that leaves them free and constant X
    and Y do; UNKNOWN when one of those makes it hold; None when it writes no such moment or holds so."""
    from derive.docs.chance import independent_model, written_moments
    from derive.docs.particular_laws import TRIED, particular_law

    means, spreads = written_moments(text)
    if not means and not spreads:
        return None
    model = independent_model(_untagged_vocabulary(), means, spreads)
    verdict = _decide_in_scope(text, binding, context, quantifiable, model)
    if verdict.verdict != FAIL:
        return None
    fixed = {"mean"} if means else set()
    fixed |= {"variance"} if spreads else set()
    particular = particular_law(text, fixed) or _holds_for_constants(text, binding, context, quantifiable)
    if particular is not None:
        return Verdict(
            UNKNOWN,
            f"holds for {particular}, not under every law ({general.detail}): a claim about a particular law;"
            " say which random variables are meant",
        )
    own = [f"the mean of {name}" for name in sorted(means)] + [f"the variance of {name}" for name in sorted(spreads)]
    return dataclasses.replace(
        verdict,
        detail=(
            f"refuted for random variables X, Y under a joint law ({general.detail}), and for independent X, Y with"
            f" {_joined(own)} of their own, as the formula writes them, and the other means 0 and variances 1"
            f" ({verdict.detail}), and for X, Y of each law {TRIED} that leaves them free"
        ),
    )
