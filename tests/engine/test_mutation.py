"""Mutation testing: generated wrong variants are rejected, rewritings accepted, and the suite itself can fail."""

import sympy as sp

from derive import mutation
from derive.notation import delta, i, j, softmax
from derive.registry import load


def test_softmax_jacobian_scores_perfectly():
    found = mutation.score(load("softmax_jacobian"))
    assert found.perfect, [o for o in found.wrong if not o.rejected] + [o for o in found.rewritings if o.rejected]
    statements = [o for o in found.wrong if o.target.startswith("statement")]
    steps = [o for o in found.wrong if o.target.startswith("claim")]
    latex = [o for o in found.wrong if o.target.startswith("LaTeX")]
    assert len(statements) >= 5 and len(steps) >= 5 and len(latex) >= 5
    assert {"sign flip", "dropped term", "wrong constant"} <= {o.kind for o in found.wrong}
    assert found.rewritings_accepted >= 2


def test_a_weaker_bound_is_set_aside_not_counted_as_wrong():
    found = mutation.score(load("robbins_monro_step_sizes"))
    assert found.true_discarded > 0 and found.perfect


def test_swapping_indices_of_a_symmetric_expression_is_recognised_as_equivalent():
    jacobian = softmax(i) * delta(i, j) - softmax(i) * softmax(j)
    from derive.symbolic import Assumptions

    swapped = jacobian.xreplace({i: j, j: i})
    assert mutation._equivalent(jacobian, swapped, Assumptions())
    assert not mutation._equivalent(jacobian, softmax(i) * delta(i, j) + softmax(i) * softmax(j), Assumptions())


def test_operators_cover_the_usual_slips():
    x, y, eps = sp.symbols("x y epsilon", positive=True)
    kinds = {v.kind for v in mutation.variants(x**2 / sp.sqrt(y + eps) - 3 * y, {})}
    assert {"sign flip", "dropped term", "wrong constant", "exponent off by one", "epsilon dropped"} <= kinds


def test_a_verifier_that_accepts_everything_is_caught(monkeypatch):
    import importlib

    monkeypatch.setattr(importlib.import_module("derive.verify"), "holds", lambda relation, a, b, digits=50: (True, 0))
    found = mutation.score(load("softmax_jacobian"))
    assert not found.perfect and found.caught < len(found.wrong)


def test_the_numeric_screen_keeps_and_sets_aside_what_the_proofs_alone_do():
    """A variant that differs from the original at a fresh point skips the equivalence proof:
    the same variants are kept and the same are set aside as equivalent as without the screen."""
    from derive.numeric import WORKING_DIGITS
    from derive.verify import domain_assumptions

    result = load("softmax_jacobian")
    claim = result.claims[0]
    domain = claim.domain or result.domain
    indices = {s for s, sampler in domain.samplers.items() if isinstance(sampler, mutation.Index)}
    assumptions = domain_assumptions(result, domain)
    points = domain.with_(points=mutation.FRESH_POINTS).sample_points("screen", WORKING_DIGITS)[:3]
    original = claim.statement.rhs
    swapped = mutation.Variant("swapped symmetric indices", original.xreplace({i: j, j: i}))
    wrong = mutation.variants(original, indices)
    candidates = [swapped, *wrong]
    screened = mutation._wrong(original, candidates, assumptions, limit=len(candidates), points=points)
    proved_only = mutation._wrong(original, candidates, assumptions, limit=len(candidates))
    assert screened == proved_only
    kept, equivalent = screened
    assert swapped not in kept and equivalent >= 1  # a correct variant: set aside by the proof
    assert len(kept) >= 3  # wrong ones: kept
    assert not mutation._apart(original, swapped.expr, points)
    assert any(mutation._apart(original, variant.expr, points) for variant in wrong)


def test_a_delta_of_a_summed_index_is_not_split_into_cases():
    """δ_jl inside Σ_l is neither 1 nor 0 for the whole sum: splitting on it once 'proved' S/d = S."""
    from derive.notation import x
    from derive.symbolic import Assumptions

    d = sp.Symbol("d", integer=True, positive=True)
    l = sp.Symbol("l", integer=True, positive=True)
    mean = sp.Sum(x[l], (l, 1, d)) / d
    summed = sp.Sum(2 * (delta(j, l) - 1 / d) * (x[l] - mean), (l, 1, d))
    assert not mutation._equivalent(summed / d, summed, Assumptions())
    assert mutation._cases_of_deltas(summed) == [summed]
    free = delta(i, j) * x[i]
    assert len(mutation._cases_of_deltas(free)) == 2
