"""Verdicts do not depend on the machine's speed: what decides them is counted (points, steps), and a time limit that
runs out anywhere in a check makes the formula give up, never a PASS or FAIL a faster machine could reverse.

The limits are monkeypatched, not timed: a tiny limit always runs out, a large one never does here.
"""

import pytest
from checking import verdict

from derive.docs import meeting_sides, reading, sampled_points, untagged_free

LARGE = 1000.0  # seconds no check here comes near
TINY = 1e-9  # seconds any check outlasts


def _untagged(tmp_path, latex):
    return verdict(tmp_path, None, latex)


SQUARE = r"(a + b)^2 = a^2 + 2 a b + b^2"  # proved symbolically
SQUARE_WRONG = r"(a + b)^2 = a^2 + b^2"


def test_a_proof_is_decided_the_same_with_a_large_time_limit(tmp_path, monkeypatch):
    usual = _untagged(tmp_path, SQUARE)
    assert usual[0] == "PASS" and "proved symbolically" in usual[1], usual
    wrong = _untagged(tmp_path, SQUARE_WRONG)
    assert wrong[0] == "FAIL", wrong
    monkeypatch.setattr(sampled_points, "PROOF_SECONDS", LARGE)
    assert _untagged(tmp_path, SQUARE) == usual
    assert _untagged(tmp_path, SQUARE_WRONG) == wrong


SHIFTED = r"\log(e^{u} + e^{v}) = u + \log(1 + e^{v - u})"  # holds; SymPy tries for a while and does not prove it
SHIFTED_WRONG = r"\log(e^{u} + e^{v}) = u + \log(1 + e^{u - v})"


def test_a_proof_out_of_time_makes_the_formula_give_up_not_pass_on_numbers(tmp_path, monkeypatch):
    usual = _untagged(tmp_path, SHIFTED)
    assert usual[0] == "PASS" and "numeric evidence" in usual[1], usual
    monkeypatch.setattr(sampled_points, "PROOF_SECONDS", LARGE)
    assert _untagged(tmp_path, SHIFTED) == usual
    monkeypatch.setattr(sampled_points, "PROOF_SECONDS", TINY)
    found, detail = _untagged(tmp_path, SHIFTED)
    assert found == "SKIPPED" and "gave up without a verdict: a time limit of 1e-09 s" in detail, detail
    assert _untagged(tmp_path, SHIFTED_WRONG)[0] == "FAIL"  # refuted before any proof is tried


def test_a_proof_out_of_steps_passes_on_numbers_whatever_the_time_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(sampled_points, "PROOF_STEPS", 1)
    starved = _untagged(tmp_path, SQUARE)
    assert starved[0] == "PASS" and "numeric evidence" in starved[1], starved
    monkeypatch.setattr(sampled_points, "PROOF_SECONDS", LARGE)
    assert _untagged(tmp_path, SQUARE) == starved
    assert _untagged(tmp_path, SQUARE_WRONG)[0] == "FAIL"


ROOT = r"\sqrt{x} = x + 1"  # no real value for x < 0: the negative values say nothing of it
ROOT_RIGHT = r"\sqrt{x}^2 = |x| + x - |x|"


def test_a_domain_without_values_is_told_by_its_points_not_its_time(tmp_path, monkeypatch):
    wrong = _untagged(tmp_path, ROOT)
    assert wrong[0] == "FAIL" and "negative values: the sides have real values at only 0 of 40 sampled" in wrong[1]
    right = _untagged(tmp_path, ROOT_RIGHT)
    assert right[0] == "PASS", right
    monkeypatch.setattr(reading, "FORMULA_BUDGET_SECONDS", LARGE)
    assert _untagged(tmp_path, ROOT) == wrong
    assert _untagged(tmp_path, ROOT_RIGHT) == right


def test_a_domain_out_of_time_makes_the_formula_give_up_not_fail_on_the_others(tmp_path, monkeypatch):
    checked = untagged_free._guarded
    negative = untagged_free.NEGATIVE_VALUES[1]

    def negatives_run_out(text, binding, scope, **keywords):
        if scope is None or scope.reals is not negative:
            return checked(text, binding, scope, **keywords)
        with monkeypatch.context() as limited:
            limited.setattr(reading, "FORMULA_BUDGET_SECONDS", TINY)
            return checked(text, binding, scope, **keywords)

    monkeypatch.setattr(untagged_free, "_guarded", negatives_run_out)
    found, detail = _untagged(tmp_path, ROOT)
    assert found == "SKIPPED" and "gave up without a verdict: a time limit of 1e-09 s" in detail, detail


MEETING = r"\max(0, 1 - z)^2 = -4 z"  # the sides meet at z = -1 only, where no sampled point shows it
NEVER_MEETING = r"\max(0, 1 - z) = 2 - \min(1, z)"


def test_where_the_sides_meet_is_solved_the_same_with_a_large_time_limit(tmp_path, monkeypatch):
    usual = _untagged(tmp_path, MEETING)
    assert usual[0] == "SKIPPED" and "meet where z is in {-1}" in usual[1], usual
    refuted = _untagged(tmp_path, NEVER_MEETING)
    assert refuted[0] == "FAIL", refuted
    monkeypatch.setattr(meeting_sides, "SOLVE_SECONDS", LARGE)
    assert _untagged(tmp_path, MEETING) == usual
    assert _untagged(tmp_path, NEVER_MEETING) == refuted


@pytest.mark.parametrize("limit, outcome", [("SOLVE_STEPS", "FAIL"), ("SOLVE_SECONDS", "SKIPPED")])
def test_solving_out_of_steps_keeps_the_refutation_and_out_of_time_gives_up(tmp_path, monkeypatch, limit, outcome):
    monkeypatch.setattr(meeting_sides, limit, 1 if limit == "SOLVE_STEPS" else TINY)
    found, detail = _untagged(tmp_path, MEETING)
    assert found == outcome, detail
    assert ("gave up" in detail) == (outcome == "SKIPPED"), detail
