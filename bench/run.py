"""Speed and memory of derive, printed as one table: ``python bench/run.py [--quick]``.

Rows: cold latency of one result next to a bare ``import sympy`` (same run, median of
three); the whole catalog cold on one core, cold on every core, and warm (cached);
documentation-check throughput; how the numeric instance check grows with the
dimension (n = 2 … 64); and each result's verification time (skipped with --quick).
The README records the numbers and the targets. This is a measurement, not a test:
nothing fails here.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIMENSIONS = (2, 4, 8, 16, 32, 64)


def wall(argv, env=None) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, *argv], cwd=ROOT, capture_output=True, check=False, env=env)
    return time.perf_counter() - started


def median_of(runs, argv, env=None) -> float:
    return statistics.median(wall(argv, env) for _ in range(runs))


def row(what: str, value: str, note: str = "") -> None:
    print(f"| {what:<52} | {value:>10} | {note}")


def cold_rows(scratch: str, cores: int) -> None:
    env = {**os.environ, "DERIVE_CACHE_DIR": tempfile.mkdtemp(prefix="derive-bench-cache-")}
    sympy = median_of(3, ["-c", "import sympy"])
    one = median_of(3, ["-m", "derive", "softmax_jacobian", "--no-cache", "--output", scratch], env)
    row('python -c "import sympy"', f"{sympy:.2f} s")
    row("python -m derive softmax_jacobian (cold)", f"{one:.2f} s", f"{one - sympy:+.2f} s over the import (target +1.5 s)")
    serial = wall(["-m", "derive", "all", "--no-cache", "-j", "1", "--output", scratch], env)
    row("python -m derive all, cold, 1 core", f"{serial:.1f} s", "target < 60 s")
    if cores > 1:
        parallel = wall(["-m", "derive", "all", "--no-cache", "-j", str(cores), "--output", scratch], env)
        row(f"python -m derive all, cold, -j {cores}", f"{parallel:.1f} s", f"{serial / parallel:.1f}x faster than 1 core")
    warm = median_of(3, ["-m", "derive", "all", "--output", scratch], env)
    row("python -m derive all, warm (nothing changed)", f"{warm:.2f} s", "target < 5 s")


def docs_rows() -> None:
    from derive.docs.report import check_paths

    os.environ["DERIVE_CACHE_DIR"] = tempfile.mkdtemp(prefix="derive-bench-docs-")
    paths = [ROOT / "docs", ROOT / "README.md"]
    check_paths([ROOT / "docs" / "formulas.tex"])  # imports and parser tables
    for label, use_cache in (("first check (every formula decided)", True), ("warm (unchanged documents)", True)):
        started = time.perf_counter()
        records = check_paths(paths, use_cache=use_cache)
        elapsed = time.perf_counter() - started
        decided = sum(r.verdict in ("PASS", "FAIL", "ERRATUM") for r in records)
        row(f"documentation check, {label}", f"{len(records) / elapsed:.0f} /s",
            f"{len(records)} formulas ({decided} decided) in {elapsed:.2f} s; target >= 50 /s warm")


def growth_rows() -> None:
    from derive.domain import dimensions
    from derive.numeric import evaluate
    from derive.registry import load

    for name in ("softmax_jacobian", "layernorm_gradient"):
        result = load(name)
        symbol = next(iter(result.domain.dimensions))
        expressions = [step.expr for claim in result.claims for step in claim.steps]
        times = []
        for value in DIMENSIONS:
            domain = result.domain.with_(samplers={**result.domain.samplers, symbol: dimensions(value)}, points=5)
            points = domain.sample_points(f"bench/{name}", 60)
            started = time.perf_counter()
            for point in points:
                for expr in expressions:
                    evaluate(expr, point)
            times.append((time.perf_counter() - started) / len(points))
        row(f"instance check {name}, {symbol} = {DIMENSIONS[0]}..{DIMENSIONS[-1]}", f"{times[-1]:.2f} s",
            "per point at " + ", ".join(f"{symbol}={v}: {t * 1000:.0f} ms" for v, t in zip(DIMENSIONS, times)))


def per_result_rows() -> None:
    from derive import verify
    from derive.registry import catalog_names, load

    for name in catalog_names():
        result = load(name)
        started = time.perf_counter()
        report = verify(result)
        elapsed = time.perf_counter() - started
        row(f"verify {name}", f"{elapsed:.2f} s", f"{report.evaluations} evaluations, {report.symbolic_status}")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from derive.batch import available_cores

    quick = "--quick" in sys.argv
    scratch = tempfile.mkdtemp(prefix="derive-bench-")
    print(f"derive benchmark on {available_cores()} core(s), Python {sys.version.split()[0]}")
    row("what", "measured", "note")
    print(f"|{'-' * 54}|{'-' * 12}|------")
    cold_rows(scratch, available_cores())
    docs_rows()
    growth_rows()
    if not quick:
        per_result_rows()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    row("peak memory of this process", f"{peak:.0f} MiB")


if __name__ == "__main__":
    main()
