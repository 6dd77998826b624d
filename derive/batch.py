"""Verifying many results: from the cache when nothing changed, else on every core given.

``jobs`` worker processes verify results in parallel (each result is independent);
reports come back in the order the results were given, so output is the same for
any number of jobs.
"""

from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager

from derive import cache, progress
from derive.report import ResultReport


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


def _die_with(parent: int) -> None:
    """Make this worker end when ``parent`` ends, even by SIGKILL (Linux: prctl; elsewhere: a watcher thread)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before the request took effect
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass
    import threading
    import time

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _start_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle, once
    _die_with(parent)


@contextmanager
def interrupts_remembered():
    """Within: Ctrl-C raises KeyboardInterrupt as usual, and is also listed in the list yielded, since Python drops
    an exception raised while a garbage-collector callback runs and a run must not go on as if no key were pressed."""
    pressed: list = []
    if threading.current_thread() is not threading.main_thread():
        yield pressed
        return

    def interrupt(signum, frame):
        pressed.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield pressed
    finally:
        signal.signal(signal.SIGINT, previous)


def _verify_named(name: str, path: str) -> ResultReport:
    from derive.registry import load, load_path
    from derive.verify import verify

    return verify(load_path(path) if path else load(name))


def in_processes(calls: dict, jobs: int):
    """Run ``{key: (function, *arguments)}`` on ``jobs`` worker processes; yield (key, value) as each finishes.

    Ctrl-C is handled once, by this process: unfinished workers are stopped, not awaited.
    """
    import multiprocessing  # here: one result in this process starts no pool
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),))
    try:
        futures = {pool.submit(function, *arguments): name for name, (function, *arguments) in calls.items()}
        for future in as_completed(futures):
            yield futures[future], future.result()
    except BaseException:
        for worker in list(getattr(pool, "_processes", {}).values()):  # don't wait for unfinished results
            worker.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def verify_all(results, jobs: int | None = None, use_cache: bool = True, show_progress: bool = False) -> list:
    """One report per result, in order."""
    reports: list = [cache.load(r) if use_cache else None for r in results]
    for report in reports:
        if report is not None:
            report.cached = True  # the terminal says so, next to the time of the run that made it
    todo = [k for k, report in enumerate(reports) if report is None]
    jobs = max(1, min(jobs or available_cores(), len(todo) or 1))
    done = len(results) - len(todo)

    def finished(position, report):
        nonlocal done
        reports[position] = report
        cache.store(results[position], report)
        done += 1
        if show_progress:
            progress.show(done - 1, len(results), results[position].name)

    if jobs == 1:
        from derive.verify import verify

        with interrupts_remembered() as pressed:
            for position in todo:
                if show_progress:
                    progress.show(done, len(results), results[position].name)
                finished(position, verify(results[position]))
                if pressed:  # a Ctrl-C whose KeyboardInterrupt Python dropped: stop after this result
                    raise KeyboardInterrupt
    else:
        calls = {}
        for position in todo:
            result = results[position]
            in_catalog = result.module_file and os.path.dirname(os.path.abspath(result.module_file)) == str(
                cache.CATALOG
            )
            calls[position] = (_verify_named, result.name, "" if in_catalog else result.module_file)
        for position, report in in_processes(calls, jobs):
            finished(position, report)
    if show_progress:
        progress.clear()
    return reports
