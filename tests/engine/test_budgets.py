"""Budgets: a step budget ends where the objects created say, a time budget that runs out is recorded, and no expiry
is raised inside a finaliser (where Python would drop it)."""

import gc
import subprocess
import sys
import time
import weakref

import pytest

from derive.budgets import OutOfSteps, OutOfTime, expiries, step_budget, time_budget


def _spin(seconds: float) -> None:
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass


class _Thing:
    """An object the garbage collector tracks and counts as it is created."""


def test_a_step_budget_ends_a_body_that_creates_more_objects():
    with pytest.raises(OutOfSteps):
        with step_budget(1_000):
            kept = []
            while True:
                kept.append(_Thing())


def test_a_body_that_ends_past_its_steps_is_out_of_steps_too():
    # 300 objects may be fewer than a collection waits for: the end of the body notices what no collection did
    with pytest.raises(OutOfSteps):
        with step_budget(100):
            kept = [_Thing() for _ in range(300)]
    with step_budget(10_000):
        kept = [_Thing() for _ in range(300)]
    assert len(kept) == 300


STARVED_PROOF = """
import sympy as sp
from derive.symbolic import prove_zero
x, y = sp.symbols("x_steps y_steps", real=True)
expr = (x + y + 1) ** 20 - sp.expand((x + y + 1) ** 20)
starved = prove_zero(expr, budget=60, steps=1)
print(starved.proved, starved.method)
print(prove_zero(expr, budget=60, steps=10**7).proved)
"""


def test_a_proof_out_of_steps_is_not_proved_and_says_so():
    # in a process of its own: the objects a body keeps depend on what ran before it (caches that are full keep
    # nothing more), so a proof's count is defined for a fresh process, as a command's is
    ran = subprocess.run([sys.executable, "-c", STARVED_PROOF], capture_output=True, text=True, check=True)
    starved, fed = ran.stdout.splitlines()
    assert starved.startswith("False") and "ran out of its 1 steps" in starved, starved
    assert fed == "True", fed


def test_each_time_budget_that_runs_out_is_recorded():
    with expiries() as spent:
        with time_budget(60):
            pass  # ends in time: not recorded
        with pytest.raises(OutOfTime):
            with time_budget(0.01):
                _spin(5)
    assert spent == [0.01]


class _SlowFinaliser:
    def __del__(self):
        _spin(0.1)


def test_no_expiry_is_raised_inside_a_del(monkeypatch):
    lost = []
    monkeypatch.setattr(sys, "unraisablehook", lost.append)
    with pytest.raises(OutOfTime):
        with time_budget(0.02):
            finalised = _SlowFinaliser()
            del finalised  # its __del__ outlasts the budget: the expiry waits for it
            _spin(5)
    assert lost == []


def test_no_expiry_is_raised_while_the_collector_runs_callbacks(monkeypatch):
    lost = []
    monkeypatch.setattr(sys, "unraisablehook", lost.append)

    class Node:
        pass

    with pytest.raises(OutOfTime):
        with time_budget(0.02):
            node = Node()
            node.itself = node  # a cycle: only the collector frees it, and calls the callback as it does
            watch = weakref.ref(node, lambda _: _spin(0.1))
            del node
            gc.collect()
            _spin(5)
    assert lost == [] and watch() is None
