"""Mutation testing of the verifier: wrong variants of every result must be rejected, rewritings accepted.

For each claim, wrong variants are generated from the SymPy trees of its statement and
of its inner steps by operators that model real slips: a flipped sign, a dropped term,
swapped indices or arguments, a transposed matrix, a wrong constant, an exponent off by
one, ε dropped. A variant that SymPy proves equal to the original (swapping i and j in
a symmetric expression, say) is not wrong and is set aside, counted, before anything is
checked; so is one that holds at every point of a fresh sample of 120 points of the
domain (a weaker bound: ≤ 2n where ≤ n holds). The rest are wrong somewhere, and the
verifier, on its usual points, must reject them:

* a wrong statement by the claim's oracle (the syntactic "proof ends at the statement"
  check is not counted: it would reject any change at all);
* a wrong step by the numeric check of one of the two steps it belongs to;
* a wrong statement written as LaTeX by the documentation checker bound to the result,
  when that checker reads the correct statement as PASS (otherwise: not applicable).

Equivalent rewritings of each statement (expanded, factored, another letter for a bound
index) must be accepted by the same oracle and documentation checks.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

import sympy as sp

from derive.domain import Index
from derive.result import Statement
from derive.symbolic import prove_zero

PER_TARGET = 6  # wrong variants kept per statement or step
EQUIVALENCE_BUDGET = 3.0  # seconds SymPy gets to show a variant is not wrong after all
FRESH_POINTS = 120  # an independent, larger sample that decides whether a variant is really wrong
SCREEN_POINTS = 3  # fresh points at which a variant that differs from the original needs no equivalence proof
APART = 1e-30  # a relative difference far above 60-digit rounding: the two are not equal


@dataclass(frozen=True)
class Variant:
    kind: str
    expr: object


@dataclass
class Outcome:
    target: str  # "statement 1", "claim 2 step 3", "LaTeX of statement 1"
    kind: str
    rejected: bool
    detail: str = ""


@dataclass
class MutationScore:
    name: str
    wrong: list = field(default_factory=list)  # Outcome per wrong variant
    rewritings: list = field(default_factory=list)  # Outcome per equivalent rewriting (rejected = bad)
    equivalent_discarded: int = 0
    true_discarded: int = 0  # not wrong after all: hold at every fresh point
    latex_not_applicable: list = field(default_factory=list)
    error: str = ""  # the scoring itself broke down (a defect to fix)

    @property
    def caught(self) -> int:
        return sum(o.rejected for o in self.wrong)

    @property
    def rewritings_accepted(self) -> int:
        return sum(not o.rejected for o in self.rewritings)

    @property
    def perfect(self) -> bool:
        return (
            not self.error
            and bool(self.wrong)
            and self.caught == len(self.wrong)
            and self.rewritings_accepted == len(self.rewritings)
        )

    def line(self) -> str:
        if self.error:
            return f"{self.name}: could not be scored: {self.error}"
        docs = sum(o.target.startswith("LaTeX") for o in self.wrong)
        return (
            f"{self.name}: {self.caught}/{len(self.wrong)} wrong variants rejected "
            f"({docs} of them as LaTeX by the documentation checker), "
            f"{self.rewritings_accepted}/{len(self.rewritings)} rewritings accepted, "
            f"set aside: {self.equivalent_discarded} proved equivalent, {self.true_discarded} true on "
            f"{FRESH_POINTS} fresh points (e.g. a weaker bound)"
        )


# --- operators ------------------------------------------------------------------------------


def _subexpressions(expr):
    yield expr
    for arg in getattr(expr, "args", ()):
        if isinstance(arg, sp.Basic) and not isinstance(arg, (sp.Tuple,)):
            yield from _subexpressions(arg)


def _replace_once(expr, target, replacement):
    """``expr`` with the first occurrence (preorder) of ``target`` replaced."""
    if expr == target:
        return replacement
    args = list(expr.args)
    for position, arg in enumerate(args):
        if isinstance(arg, sp.Basic) and arg.has(target):
            args[position] = _replace_once(arg, target, replacement)
            return expr.func(*args)
    return expr


def _sign_flips(expr):
    yield Variant("sign flip", -expr)
    for sub in _subexpressions(expr):
        if isinstance(sub, sp.Add):
            for term in sub.args[:3]:
                yield Variant(
                    "sign flip", _replace_once(expr, sub, sp.Add(*[(-t if t is term else t) for t in sub.args]))
                )


def _dropped_terms(expr):
    for sub in _subexpressions(expr):
        if isinstance(sub, sp.Add):
            for term in sub.args[:3]:
                yield Variant("dropped term", _replace_once(expr, sub, sp.Add(*[t for t in sub.args if t is not term])))


def _swaps(expr, indices):
    free = sorted((s for s in expr.free_symbols if s in indices), key=str)
    for a, b in itertools.combinations(free, 2):
        yield Variant("swapped indices", expr.xreplace({a: b, b: a}))
    for sub in _subexpressions(expr):
        if isinstance(sub, sp.Indexed) and len(sub.indices) >= 2 and sub.indices[0] != sub.indices[1]:
            transposed = sub.base[(sub.indices[1], sub.indices[0], *sub.indices[2:])]
            yield Variant("transposed matrix", _replace_once(expr, sub, transposed))
        elif (
            isinstance(sub, sp.Function)
            and len(sub.args) >= 2
            and sub.args[0] != sub.args[1]
            and type(sub.args[0]) is type(sub.args[1])
            and sub.args[0] not in indices
            and not isinstance(sub, (sp.Min, sp.Max, sp.KroneckerDelta))
        ):
            # only arguments of one kind (two distributions, two reals): a vector swapped with an index is nonsense
            try:
                swapped = sub.func(sub.args[1], sub.args[0], *sub.args[2:])
            except Exception:  # a function that rejects its arguments swapped is not a variant
                continue
            yield Variant("swapped arguments", _replace_once(expr, sub, swapped))


def _constants(expr):
    yield Variant("wrong constant", 2 * expr)
    for sub in _subexpressions(expr):
        if isinstance(sub, sp.Rational) and sub not in (0, 1, -1):
            yield Variant("wrong constant", _replace_once(expr, sub, sub + 1))


def _exponents(expr):
    for sub in _subexpressions(expr):
        if isinstance(sub, sp.Pow):
            yield Variant("exponent off by one", _replace_once(expr, sub, sp.Pow(sub.base, sub.exp + 1)))
        elif isinstance(sub, sp.exp):
            yield Variant("exponent off by one", _replace_once(expr, sub, sp.exp(sub.args[0] + 1)))


def _epsilons(expr):
    for symbol in sorted(expr.free_symbols, key=str):
        if str(symbol).lower().startswith(("eps", "varepsilon", "\\epsilon", "ε")):
            yield Variant("epsilon dropped", expr.xreplace({symbol: 0}))


# the specific slips first: a variant two operators both produce is labelled by the more specific one
OPERATORS = (_epsilons, _exponents, _swaps, _sign_flips, _dropped_terms, _constants)


def _constructible(produced):
    """The variants an operator can build; one SymPy refuses to construct (a matrix of the wrong size) is no variant."""
    while True:
        try:
            yield next(produced)
        except StopIteration:
            return
        except (ValueError, TypeError, AttributeError, IndexError, sp.ShapeError):
            continue


def variants(expr, indices=()) -> list[Variant]:
    """Candidate wrong variants of ``expr``, a few of each kind, structurally distinct from it."""
    by_kind: dict[str, list] = {}
    seen = {expr}
    for operator in OPERATORS:
        produced = _constructible(operator(expr, indices) if operator is _swaps else operator(expr))
        for variant in itertools.islice(produced, 12):
            if variant.expr in seen:
                continue
            seen.add(variant.expr)
            by_kind.setdefault(variant.kind, []).append(variant)
    mixed = [v for group in itertools.zip_longest(*by_kind.values()) for v in group if v is not None]
    return mixed


def rewritings(expr) -> list[Variant]:
    """Equivalent forms of ``expr``: expanded, factored, and with a bound index renamed."""
    found = []
    for kind, transform in (("expanded", sp.expand), ("factored", sp.factor_terms), ("combined", sp.together)):
        try:
            rewritten = transform(expr)
        except Exception:  # a form SymPy cannot produce for this expression
            continue
        if rewritten != expr:
            found.append(Variant(kind, rewritten))
    sums = [s for s in _subexpressions(expr) if isinstance(s, sp.Sum)]
    if sums:
        index = sums[0].limits[0][0]
        fresh = sp.Symbol("r" if str(index) != "r" else "s", integer=True, positive=True)
        renamed = sp.Sum(
            sums[0].function.xreplace({index: fresh}), (fresh, *sums[0].limits[0][1:]), *sums[0].limits[1:]
        )
        found.append(Variant("bound index renamed", _replace_once(expr, sums[0], renamed)))
    return found


# --- scoring --------------------------------------------------------------------------------


def _cases_of_deltas(expr):
    """``expr`` split on each Kronecker delta δ_ab: a = b (δ = 1), and a ≠ b (δ = 0).

    Only a delta of free indices is split: δ_jl inside Σ_l is 1 for one term of the sum
    and 0 for the others, so neither case holds for the whole sum.
    """
    bound = set()
    for node in expr.atoms(sp.Sum, sp.Product):
        bound |= {limit[0] for limit in node.limits}
    deltas = sorted(
        (delta for delta in expr.atoms(sp.KroneckerDelta) if not delta.free_symbols & bound), key=sp.default_sort_key
    )
    if not deltas:
        return [expr]
    a, b = deltas[0].args
    equal = expr.xreplace({deltas[0]: sp.Integer(1)})
    equal = equal.xreplace({b: a}) if b.is_Symbol else equal.xreplace({a: b}) if a.is_Symbol else equal
    return _cases_of_deltas(equal) + _cases_of_deltas(expr.xreplace({deltas[0]: sp.Integer(0)}))


def _equivalent(original, variant, assumptions) -> bool:
    """Whether SymPy proves the variant equal to the original (in every case of its Kronecker deltas)."""
    difference = sp.expand(original - variant)
    return all(prove_zero(case, assumptions, budget=EQUIVALENCE_BUDGET).proved for case in _cases_of_deltas(difference))


def _apart(original, variant, points) -> bool:
    """Whether ``original`` and ``variant`` take clearly different numbers at one of ``points``.

    Then no proof can show them equal, and the proof, which is what costs time when a
    variant is wrong, is not attempted. A point where either has no plain number (a
    matrix, a singularity) decides nothing.
    """
    import mpmath

    from derive.numeric import WORKING_DIGITS, evaluate

    for point in points:
        try:
            with mpmath.workdps(WORKING_DIGITS):
                a, b = evaluate(original, point), evaluate(variant, point)
                if not (isinstance(a, mpmath.mpf) and isinstance(b, mpmath.mpf)):
                    continue
                if mpmath.isfinite(a) and mpmath.isfinite(b) and abs(a - b) > APART * max(1, abs(a), abs(b)):
                    return True
        except Exception:  # noqa: BLE001 - no number at this point: the proof decides
            continue
    return False


def _wrong(original, candidates, assumptions, limit=PER_TARGET, points=()) -> tuple[list, int]:
    """The candidates SymPy cannot show equal to ``original``, at most ``limit``; and how many it could.

    A candidate with a different value at one of ``points`` is kept without asking SymPy.
    """
    kept, equivalent = [], 0
    for variant in candidates:
        if len(kept) == limit:
            break
        if _apart(original, variant.expr, points):
            kept.append(variant)
            continue
        try:
            if _equivalent(original, variant.expr, assumptions):
                equivalent += 1
                continue
        except TypeError:  # e.g. a matrix minus a scalar: certainly a different object
            pass
        kept.append(variant)
    return kept, equivalent


def _true_everywhere(pairs, relations, points) -> bool:
    """Whether each (left, right) pair satisfies its relation at every point: the reference that decides
    whether a variant is really wrong. It calls :func:`derive.numeric.holds` directly, not through the
    verifier, so a verifier that accepts too much cannot make its own mutants look harmless."""
    import mpmath

    from derive.numeric import WORKING_DIGITS, NumericError, evaluate, holds

    for point in points:
        for (left, right), relation in zip(pairs, relations):
            try:
                with mpmath.workdps(WORKING_DIGITS):
                    a = left(point) if callable(left) else evaluate(left, point)
                b = evaluate(right, point)
            except (NumericError, ArithmeticError, ValueError, TypeError):
                return False
            if not holds(relation, a, b)[0]:
                return False
    return True


def score(result) -> MutationScore:
    """Generate, check and count the variants of every claim of ``result``."""
    from derive.docs import check_formula
    from derive.numeric import WORKING_DIGITS
    from derive.verify import PointValues, check_oracle, check_step, claim_points, domain_assumptions

    outcome = MutationScore(result.name)
    # at least PER_TARGET wrong statements and PER_TARGET wrong steps per result, spread over its claims
    per_claim = max(3, -(-(PER_TARGET + 1) // len(result.claims)))
    for position, claim in enumerate(result.claims):
        domain = claim.domain or result.domain
        indices = {s for s, sampler in domain.samplers.items() if isinstance(sampler, Index)}
        assumptions = domain_assumptions(result, domain)
        values = PointValues(claim_points(result, position))
        fresh = domain.with_(points=FRESH_POINTS).sample_points(f"{result.name}/{position}/fresh", WORKING_DIGITS)
        statement = claim.statement
        label = f"statement {position + 1}"

        wrong, equivalent = _wrong(
            statement.rhs, variants(statement.rhs, indices), assumptions, per_claim, fresh[:SCREEN_POINTS]
        )
        outcome.equivalent_discarded += equivalent
        wrong_statements = []
        for variant in wrong:
            mutated = replace(claim, statement=Statement(statement.lhs, statement.relation, variant.expr))
            if _true_everywhere(
                [(claim.oracle, variant.expr)], [statement.relation], fresh
            ):  # e.g. ≤ 2n where ≤ n holds
                outcome.true_discarded += 1
                continue
            wrong_statements.append(variant)
            report = check_oracle(mutated, values)
            outcome.wrong.append(Outcome(label, variant.kind, not report.passed, report.counterexample))
        for variant in rewritings(statement.rhs)[:2]:
            report = check_oracle(
                replace(claim, statement=Statement(statement.lhs, statement.relation, variant.expr)), values
            )
            outcome.rewritings.append(Outcome(label, variant.kind, not report.passed, report.counterexample))

        inner = list(range(1, len(claim.steps) - 1))
        for step_position in inner[len(inner) // 2 :][:1]:
            step = claim.steps[step_position]
            wrong, equivalent = _wrong(
                step.expr, variants(step.expr, indices), assumptions, per_claim, fresh[:SCREEN_POINTS]
            )
            outcome.equivalent_discarded += equivalent
            for variant in wrong:
                mutated = replace(step, expr=variant.expr)
                neighbours = (claim.steps[step_position - 1].expr, claim.steps[step_position + 1])
                if _true_everywhere(
                    [(neighbours[0], variant.expr), (variant.expr, neighbours[1].expr)],
                    [step.relation, neighbours[1].relation],
                    fresh,
                ):
                    outcome.true_discarded += 1  # still a valid step of the chain
                    continue
                before = check_step(claim.steps[step_position - 1].expr, mutated, values, assumptions)
                after = check_step(variant.expr, claim.steps[step_position + 1], values, assumptions)
                failed = [r for r in (before, after) if r.symbolic == "failed"]
                outcome.wrong.append(
                    Outcome(
                        f"claim {position + 1} step {step_position + 1}",
                        variant.kind,
                        bool(failed),
                        failed[0].counterexample if failed else "",
                    )
                )

        _latex_outcomes(result, position, wrong_statements, outcome, check_formula)
    return outcome


def _statement_latex(lhs, relation, rhs) -> str:
    from derive.printing import latex

    symbol = {"=": "=", "<=": r"\le", ">=": r"\ge", "<": "<", ">": ">"}[relation]
    return f"{latex(lhs)} {symbol} {latex(rhs)}"


def _latex_outcomes(result, position, wrong, outcome: MutationScore, check_formula) -> None:
    """The wrong statements of claim ``position`` as LaTeX, through the documentation checker."""
    claim = result.claims[position]
    statement = claim.statement
    original = check_formula(_statement_latex(statement.lhs, statement.relation, statement.rhs), result.name)
    label = f"LaTeX of statement {position + 1}"
    if original["verdict"] != "PASS":
        outcome.latex_not_applicable.append(
            f"{label}: the checker reads the correct statement as {original['verdict']} ({original['detail'][:80]})"
        )
        return
    written = _statement_latex(statement.lhs, statement.relation, statement.rhs)
    for variant in wrong:
        text = _statement_latex(statement.lhs, statement.relation, variant.expr)
        if text == written:  # the change is inside a notation's definition (x̂ without ε): LaTeX cannot show it
            outcome.latex_not_applicable.append(f"{label}, {variant.kind}: prints exactly as the correct statement")
            continue
        verdict = check_formula(text, result.name)
        outcome.wrong.append(Outcome(label, variant.kind, verdict["verdict"] == "FAIL", verdict["detail"][:160]))
    for variant in rewritings(statement.rhs)[:2]:
        verdict = check_formula(_statement_latex(statement.lhs, statement.relation, variant.expr), result.name)
        if verdict["verdict"] in ("PASS", "FAIL"):
            outcome.rewritings.append(
                Outcome(label, variant.kind, verdict["verdict"] == "FAIL", verdict["detail"][:160])
            )
        else:  # the checker cannot read this form: undecided, which is not a rejection
            outcome.latex_not_applicable.append(
                f"{label}, rewriting ({variant.kind}): {verdict['verdict']} ({verdict['detail'][:80]})"
            )


def score_all(names, jobs: int | None = None) -> list[MutationScore]:
    """The mutation score of each named catalog result (``["all"]``: every one), on up to ``jobs`` processes."""
    from derive.batch import available_cores, in_processes
    from derive.registry import catalog_names, load

    names = catalog_names() if list(names) == ["all"] else list(names)
    for name in names:
        load(name)  # an unknown name is a one-line error before any work
    jobs = max(1, min(jobs or available_cores(), len(names)))
    if jobs == 1:
        return [_score_named(name) for name in names]
    found = dict(in_processes({name: (_score_named, name) for name in names}, jobs))
    return [found[name] for name in names]


def report_lines(scores, verbose: bool = False) -> list[str]:
    """The report of ``python -m derive mutate``: a line per result, its escapes (every variant if
    ``verbose``), and the total."""
    lines = []
    for found in scores:
        lines.append(found.line())
        for o in found.wrong:
            if not o.rejected or verbose:
                lines.append(
                    f"    {'rejected' if o.rejected else 'ACCEPTED'} wrong {o.kind} in {o.target}: {o.detail[:100]}"
                )
        for o in found.rewritings:
            if o.rejected or verbose:
                lines.append(
                    f"    {'REJECTED' if o.rejected else 'accepted'} rewriting ({o.kind}) of {o.target}: {o.detail[:100]}"
                )
        lines.extend(f"    not checked as LaTeX: {note}" for note in found.latex_not_applicable)
    wrong = sum(len(f.wrong) for f in scores)
    caught = sum(f.caught for f in scores)
    rewritten = sum(len(f.rewritings) for f in scores)
    kept = sum(f.rewritings_accepted for f in scores)
    lines.append(
        f"mutation score: {caught}/{wrong} wrong variants rejected ({100 * caught / max(wrong, 1):.1f} %), "
        f"{kept}/{rewritten} equivalent rewritings accepted, over {len(scores)} results"
    )
    return lines


def _score_named(name: str) -> MutationScore:
    from derive.registry import load

    try:
        return score(load(name))
    except Exception as exc:  # reported as the result's score, so one defect does not hide the others
        return MutationScore(name, error=f"{type(exc).__name__}: {str(exc)[:200]}")
