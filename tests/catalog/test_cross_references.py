"""Proof cross-references are links (``Step(..., by=claim_or_result)``), not letters in prose."""

import re
from dataclasses import replace

import pytest
import sympy as sp

from derive.domain import Domain
from derive.errors import DefinitionError
from derive.registry import catalog_names, load
from derive.result import Claim, Result, Step

NAMES = catalog_names()
x = sp.Symbol("x", positive=True)


def _outside_maths(text: str) -> str:
    return "".join(piece for position, piece in enumerate(re.split(r"(?<!\\)\$", text)) if position % 2 == 0)


def _steps(result):
    for claim in result.claims:
        yield from claim.steps


def _claim(because="definition", by=(), rhs=None):
    rhs = x if rhs is None else rhs
    return Claim(statement=sp.Eq(x, rhs, evaluate=False), steps=[Step(x), Step(rhs, because=because, by=by)])


def _result(claims, **changes):
    return Result(title="toy", claims=claims, domain=Domain({}), area="toy", **changes)


@pytest.mark.parametrize("name", NAMES)
def test_no_justification_cites_a_claim_by_its_letter(name):
    for step in _steps(load(name)):
        prose = _outside_maths(step.because)
        assert not re.search(r"\([a-z]\)|\bparts? \(", prose), f"{name}: {step.because!r} cites by letter; use by="


@pytest.mark.parametrize("name", NAMES)
def test_no_claim_text_or_remark_cites_a_claim_by_its_letter(name):
    result = load(name)
    for prose in [claim.text for claim in result.claims] + [remark.text for remark in result.remarks]:
        assert not re.search(r"\([a-z]\)|\bparts? \(", _outside_maths(prose)), (
            f"{name}: {prose!r} cites by letter; use by="
        )
    for position in range(len(result.claims)):
        assert "{by" not in result.claim_text(position)
    assert all("{by" not in result.remark_text(remark) for remark in result.remarks)


@pytest.mark.parametrize("name", NAMES)
def test_every_reference_resolves(name):
    result = load(name)
    for step in _steps(result):
        for target in step.by:
            if isinstance(target, Claim):
                assert any(target is claim for claim in result.claims)
            else:
                assert target.cited_name in NAMES
        reason = result.reason(step)
        assert "{by" not in reason
        assert all(cited in reason for cited in _printed(result, step))
    assert all(used in NAMES for used in result.uses)
    assert name not in result.uses


def _printed(result, step):
    for target in step.by:
        if isinstance(target, Result):
            yield rf"\deriveref{{{target.cited_name}}}"
        else:
            yield "(" + "abcdefghijklmnopqrstuvwxyz"[[c is target for c in result.claims].index(True)] + ")"


def test_the_catalog_links_claims_and_results():
    linked = [step for name in NAMES for step in _steps(load(name)) if step.by]
    assert len(linked) >= 90
    assert any(isinstance(t, Result) for step in linked for t in step.by)


def test_a_reference_follows_its_claim_when_claims_are_reordered():
    first = _claim()
    second = _claim(because="{by} again", by=first)
    third = _claim(because="so", by=(first, second))
    result = _result([first, second, third])
    assert result.reason(second.steps[1]) == "(a) again"
    assert result.reason(third.steps[1]) == "by (a) and (b); so"
    reordered = replace(result, claims=(third, first, second))
    assert reordered.reason(second.steps[1]) == "(b) again"
    assert reordered.reason(third.steps[1]) == "by (b) and (c); so"


def test_a_catalog_reference_follows_its_claim():
    result = load("bernoulli_moments")
    variance = result.claims[2]
    cited = [step for step in _steps(result) if any(t is variance for t in step.by)]
    assert cited and all("(c)" in result.reason(step) for step in cited)
    reordered = replace(result, claims=(variance, *result.claims[:2], *result.claims[3:]))
    assert all("(a)" in reordered.reason(step) and "(c)" not in reordered.reason(step) for step in cited)


def test_a_changed_claim_keeps_the_steps_that_cite_it():
    first = _claim()
    result = _result([first, _claim(by=first)])
    variant = result.with_claim(0, label="changed")
    assert variant.claims[1].steps[1].by[0] is variant.claims[0]
    assert variant.reason(variant.claims[1].steps[1]) == "by (a); definition"


def test_a_claim_of_another_result_is_rejected():
    foreign = _claim()
    _result([foreign])
    with pytest.raises(DefinitionError, match="not one of this result's claims"):
        _result([_claim(by=foreign)])


def test_a_missing_or_unplaced_reference_is_rejected():
    first = _claim()
    with pytest.raises(DefinitionError, match="no by= reference"):
        _claim(because="part {by}")
    with pytest.raises(DefinitionError, match="only 1 by="):
        _claim(because="{by1} and {by2}", by=first)
    with pytest.raises(DefinitionError, match="every by="):
        _claim(because="{by2} only", by=(first, first))
    with pytest.raises(DefinitionError, match="by= takes"):
        _claim(by="(a)")


def test_a_step_needs_a_reason_or_a_reference():
    with pytest.raises(DefinitionError, match="no justification"):
        _claim(because="")
    assert _claim(because="", by=_claim()).steps[1].by


def test_uses_is_derived_from_result_links():
    other = load("variance_shortcut")
    result = _result([_claim(because="shortcut ({by})", by=other)])
    assert result.uses == ("variance_shortcut",)
    assert result.reason(result.claims[0].steps[1]) == r"shortcut (\deriveref{variance_shortcut})"
    assert result.reason(result.claims[0].steps[1], cite=str) == "shortcut (variance_shortcut)"


def test_printers_show_the_letter_and_the_theorem():
    from conftest import catalog_report

    from derive.render_latex import proof
    from derive.render_text import derivation

    result = load("bernoulli_moments")
    report = catalog_report("bernoulli_moments")
    assert "by (a) and (b)" in proof(result, report)
    assert "because by (a) and (b)" in derivation(result, report)


def test_claim_text_and_remarks_cite_through_slots():
    from derive.result import Remark

    first = _claim()
    later = replace(_claim(), text="so with {by},", text_by=first)
    remark = Remark("{value}, as {by} says", x, {}, by=first)
    result = _result([first, later], remarks=[remark])
    assert result.claim_text(1) == "so with (a),"
    assert result.remark_text(remark) == "{value}, as (a) says"
    assert replace(result, claims=(later, first)).claim_text(0) == "so with (b),"
    variant = result.with_claim(0, label="changed")
    assert variant.claims[1].text_by[0] is variant.claims[0] and variant.remarks[0].by[0] is variant.claims[0]
    with pytest.raises(DefinitionError, match="says nowhere where"):
        replace(_claim(), text="so with (a),", text_by=first)
    with pytest.raises(DefinitionError, match="not one of this result's claims"):
        _result([later])


def _declared_uses(name):
    """The names a module lists in ``uses=`` (read from its source)."""
    import ast
    from pathlib import Path

    tree = ast.parse((Path(__file__).resolve().parents[2] / "identities" / f"{name}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Result":
            for keyword in node.keywords:
                if keyword.arg == "uses":
                    return [element.value for element in keyword.value.elts]
    return []


@pytest.mark.parametrize("name", NAMES)
def test_uses_lists_only_results_no_step_links(name):
    """``uses=`` is for a result the proof rests on without a step naming it; a linked one is derived."""
    result = load(name)
    linked = {t.cited_name for step in _steps(result) for t in step.by if isinstance(t, Result)}
    declared = _declared_uses(name)
    assert not linked & set(declared), (
        f"{name}: drop {sorted(linked & set(declared))} from uses=, the by= links give them"
    )
    assert set(result.uses) == linked | set(declared) | {
        t.cited_name
        for t in [*(t for c in result.claims for t in c.text_by), *(t for r in result.remarks for t in r.by)]
        if isinstance(t, Result)
    }
