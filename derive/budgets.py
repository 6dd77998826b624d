"""Budgets that end a computation: CPU seconds (an outer guard) and objects kept (a budget of steps).

A CPU-time budget ends a computation that would not finish, but where it ends depends on the
machine's speed: a result reached within it may not be reached on a slower machine. So each
budget that runs out is recorded (:func:`expiries`), for a caller to report "gave up" rather
than a result another run could reverse. A step budget counts the objects the computation
creates and keeps (the garbage collector's count: objects it tracks allocated, less those freed):
where it ends is the same on any machine.

Both end the body from a ``SIGPROF`` handler, so they work in the main thread only (elsewhere
no limit). The handler never raises while the garbage collector runs or inside a ``__del__``:
Python would drop the exception there (and report it as unraisable); it waits a few
milliseconds of CPU and raises once the body runs again.
"""

from __future__ import annotations

import gc
import signal
import threading
import time
from contextlib import contextmanager

__all__ = ["OutOfSteps", "OutOfTime", "expiries", "step_budget", "time_budget"]

DEFER_SECONDS = 0.005  # how soon an expiry put off by a finaliser is raised again
RETRY_SECONDS = 0.05  # how soon an expiry is raised again in case the one raised is lost on the way


class OutOfTime(BaseException):
    """Raised inside SymPy when a time budget is spent (BaseException: SymPy cannot swallow it).

    ``budget`` identifies the :func:`time_budget` that ran out, so a budget nested in
    another only catches its own expiry.
    """

    def __init__(self, budget):
        super().__init__(budget)
        self.budget = budget


class OutOfSteps(BaseException):
    """Raised when a step budget is spent; ``budget`` identifies the :func:`step_budget` that ran out."""

    def __init__(self, budget):
        super().__init__(budget)
        self.budget = budget


_deadlines: list = []  # open time budgets, innermost last: [token, absolute deadline]
_steps: list = []  # open step budgets, innermost last: [token, objects allowed, the count when it opened]
_spent: list = []  # the seconds of every time budget that ran out, in order (read by expiries)
_created = 0  # the collector's count at each collection so far, summed (with gc.get_count()[0]: the count now)
_collecting = False  # the collector is running (and with it finalisers)


def _objects_created() -> int:
    return _created + gc.get_count()[0]


def _on_collection(phase, info) -> None:
    global _created, _collecting
    _collecting = phase == "start"
    if _collecting:
        _created += gc.get_count()[0]
        if any(_objects_created() - before > allowed for _, allowed, before in _steps):
            _soon()  # the handler raises once the collector is done


def _soon() -> None:
    """Have the handler run within a few milliseconds of CPU (a tick already that close is left to come)."""
    if not 0 < signal.getitimer(signal.ITIMER_PROF)[0] <= DEFER_SECONDS:
        signal.setitimer(signal.ITIMER_PROF, DEFER_SECONDS)


def _arm() -> None:
    if _deadlines:
        remaining = min(deadline for _, deadline in _deadlines) - time.process_time()
        signal.setitimer(signal.ITIMER_PROF, max(remaining, 1e-4))
    else:
        signal.setitimer(signal.ITIMER_PROF, 0)


def _in_finaliser(frame) -> bool:
    """Whether the signal arrived while the collector runs, or inside a ``__del__`` (a finaliser of its own)."""
    while frame is not None:
        if frame.f_code.co_name == "__del__":
            return True
        frame = frame.f_back
    return _collecting


def _expire(signum, frame):
    if _in_finaliser(frame):
        _soon()
        return
    now = time.process_time()
    expired = [token for token, deadline in _deadlines if deadline <= now + 1e-3]
    spent = [token for token, allowed, before in _steps if _objects_created() - before > allowed]
    if not expired and not spent:
        _arm()  # an early tick: wait for the earliest deadline
        return
    # an exception can still be lost on the way (raised where Python cannot propagate it): tick again soon, so a lost
    # expiry is raised once more (leaving the budget re-arms or stops the timer)
    signal.setitimer(signal.ITIMER_PROF, RETRY_SECONDS)
    if expired:
        raise OutOfTime(expired[0])  # the outermost expired budget wins: it covers the inner ones
    raise OutOfSteps(spent[0])


@contextmanager
def _handling_signals():
    """Install the SIGPROF handler and the collector's callback for the outermost open budget."""
    outermost = not _deadlines and not _steps
    if outermost:
        previous = signal.signal(signal.SIGPROF, _expire)
        gc.callbacks.append(_on_collection)
    try:
        yield
    finally:
        if outermost:
            gc.callbacks.remove(_on_collection)
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)


@contextmanager
def time_budget(seconds: float):
    """Interrupt the body after ``seconds`` of CPU time with :class:`OutOfTime` (main thread only; elsewhere no limit).

    CPU time, not wall time: the load of the machine does not spend a budget (``SIGPROF``, the process's own CPU
    clock), though its speed does. Budgets nest: an inner budget never extends or cancels an outer one. The caught
    ``OutOfTime``'s ``budget`` tells whether it is this budget's own; every budget that runs out is recorded for
    :func:`expiries`.
    """
    if threading.current_thread() is not threading.main_thread() or seconds <= 0:
        yield object()
        return
    token = object()
    deadline = time.process_time() + seconds
    with _handling_signals():
        _deadlines.append([token, deadline])
        _arm()
        try:
            yield token
        finally:
            _deadlines[:] = [entry for entry in _deadlines if entry[0] is not token]
            _arm()
            if time.process_time() >= deadline:  # raised, or run out as the body ended: either way a guard fired
                _spent.append(seconds)


@contextmanager
def step_budget(objects: int):
    """Interrupt the body with :class:`OutOfSteps` once it has created and kept more than ``objects`` objects the
    garbage collector tracks (main thread only; elsewhere no limit).

    The count is the same on any machine, so whether the body finishes within it does not depend on the machine's
    speed: a body that finishes having kept more is treated as interrupted (the end is raised at the
    collection that notices it, a little after the limit). Budgets nest like :func:`time_budget`'s.
    """
    if threading.current_thread() is not threading.main_thread() or objects <= 0:
        yield object()
        return
    token = object()
    with _handling_signals():
        before = _objects_created()
        _steps.append([token, objects, before])
        try:
            yield token
            if _objects_created() - before > objects:
                raise OutOfSteps(token)
        finally:
            _steps[:] = [entry for entry in _steps if entry[0] is not token]
            _arm()


@contextmanager
def expiries():
    """Yield a list that, once the body is done, holds the seconds of each time budget that ran out while it ran."""
    start = len(_spent)
    found: list = []
    try:
        yield found
    finally:
        found.extend(_spent[start:])
