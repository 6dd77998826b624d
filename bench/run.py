"""Speed and memory of derive, printed as one table: ``python bench/run.py [--quick] [--mutation] [--tree PATH]``.

Everything is measured side by side in one run, so the ratios to the bare
``import sympy`` (the floor of any command) hold even on a busy machine; the load
average is printed at the start and the end. Rows: ``import sympy``; ``--help``;
``--list`` with an empty cache; one result cold; the whole catalog cold on one core
and on every core, and warm; the mutation suite over the whole catalog (with
``--mutation``: minutes); documentation checks cold and warm (formulas per second of CPU,
on the project's documents and, with ``--tree PATH``, on a documentation tree); 50 simple
equalities checked in a fresh process, cold and warm, beside their bare parse; the
per-point cost of an instance check against n = 2 … 256 next to the size of the
written-out expression; the ten slowest results; peak memory. Targets are printed
next to the numbers. This is a measurement, not a test: nothing fails here.
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
DIMENSIONS = (2, 4, 8, 16, 32, 64, 128, 256)


def wall(argv, env=None) -> float:
    return timed(argv, env)[0]


def timed(argv, env=None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its worker processes)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, *argv], cwd=ROOT, capture_output=True, check=False, env=env)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def median_of(runs, argv, env=None) -> float:
    return statistics.median(wall(argv, env) for _ in range(runs))


def fresh_cache_env() -> dict:
    return {**os.environ, "DERIVE_CACHE_DIR": tempfile.mkdtemp(prefix="derive-bench-cache-")}


def row(what: str, value: str, note: str = "") -> None:
    print(f"| {what:<48} | {value:>12} | {note}")


def load_text() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def single_result_cpu(scratch: str, runs: int = 7) -> tuple[float, float]:
    """Median CPU seconds of ``import sympy`` and of one result verified cold, run alternately so that
    both meet the same load (CPU time, since wall time on a shared machine measures the other jobs)."""
    floor, one = [], []
    for _ in range(runs):
        floor.append(timed(["-c", "import sympy"])[1])
        one.append(timed(["-m", "derive", "softmax_jacobian", "--output", scratch], fresh_cache_env())[1])
    return statistics.median(floor), statistics.median(one)


def precompile() -> None:
    """Compile the engine's and the catalog's modules to bytecode first, as installing the package does:
    a process that compiled them from source each time (PYTHONDONTWRITEBYTECODE) would measure the compiler,
    beside a SymPy read from its bytecode."""
    import compileall

    from derive.cache import CATALOG  # identities/ in a checkout, derive/identities in an installed wheel

    for folder in (ROOT / "derive", CATALOG):
        compileall.compile_dir(folder, quiet=1)


def command_rows(scratch: str, cores: int, mutation: bool) -> None:
    sympy = median_of(5, ["-c", "import sympy"])
    row('python -c "import sympy" (the floor)', f"{sympy:.2f} s", "median of 5")
    ratio = lambda seconds: f"{seconds / sympy:.2f}x import sympy"  # noqa: E731
    helped = median_of(3, ["-m", "derive", "--help"])
    row("python -m derive --help", f"{helped:.2f} s", ratio(helped))
    listed = statistics.median(wall(["-m", "derive", "--list"], fresh_cache_env()) for _ in range(3))
    row("python -m derive --list (empty cache)", f"{listed:.2f} s", f"{ratio(listed)} (target 1.2x)")
    one = statistics.median(
        wall(["-m", "derive", "softmax_jacobian", "--output", scratch], fresh_cache_env()) for _ in range(3)
    )
    floor_cpu, one_cpu = single_result_cpu(scratch)
    row(
        "python -m derive softmax_jacobian (cold)",
        f"{one:.2f} s",
        f"{ratio(one)}; in CPU {one_cpu:.2f} s against {floor_cpu:.2f} s for import sympy, "
        f"{one_cpu / floor_cpu:.2f}x (target 1.5x)",
    )
    env = fresh_cache_env()
    serial, serial_cpu = timed(["-m", "derive", "all", "--no-cache", "-j", "1", "--output", scratch], env)
    row(
        "python -m derive all, cold, -j 1",
        f"{serial:.1f} s",
        f"{ratio(serial)}; {serial_cpu:.1f} s of CPU; target < 20 s",
    )
    if cores > 1:
        parallel = wall(["-m", "derive", "all", "--no-cache", "-j", str(cores), "--output", scratch], env)
        row(
            f"python -m derive all, cold, -j {cores}",
            f"{parallel:.1f} s",
            f"{serial / parallel:.1f}x faster than 1 core; target < 10 s on two",
        )
    warm = median_of(3, ["-m", "derive", "all", "--output", scratch], env)
    row("python -m derive all, warm (nothing changed)", f"{warm:.2f} s", ratio(warm))
    listed = median_of(3, ["-m", "derive", "--list"], env)
    row("python -m derive --list (every result cached)", f"{listed:.2f} s", ratio(listed))
    if mutation:
        jobs = str(min(cores, 2))
        mutated, mutated_cpu = timed(["-m", "derive", "mutate", "all", "-j", jobs], env)
        row(
            f"python -m derive mutate all -j {jobs}",
            f"{mutated:.0f} s",
            f"{mutated_cpu:.0f} s of CPU over {jobs} processes; target < 120 s on two cores",
        )


def plugin_rows() -> None:
    """What the pytest plugin adds to any pytest run where the package is installed."""
    code = "import pytest, derive.docs.pytest_plugin"
    runs = []
    for _ in range(5):
        err = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
        ).stderr
        own = 0
        for line in err.splitlines():  # "import time: self | cumulative | name"
            parts = line.split("|")
            if len(parts) == 3 and parts[2].strip().split(".")[0] == "derive":
                own += int(parts[0].split(":")[1])
        runs.append(own / 1000)
    row(
        "pytest plugin import (derive modules only)", f"{statistics.median(runs):.1f} ms", "median of 5; target < 50 ms"
    )


def docs_rows(tree: Path | None = None) -> None:
    """Formulas per second of CPU time (a busy machine's wall time says little), cold and warm:
    on the project's own documents (tagged formulas, nearly all decided) and, with
    ``--tree PATH``, on a real documentation tree (mostly untagged prose formulas)."""
    from derive.docs.report import check_paths

    check_paths([ROOT / "docs" / "formulas.tex"], use_cache=False)  # imports and parser tables
    trees = [("docs/ and README.md", [ROOT / "docs", ROOT / "README.md"])]
    if tree is not None:
        trees.append((tree.name, [tree]))
    for what, paths in trees:
        os.environ["DERIVE_CACHE_DIR"] = tempfile.mkdtemp(prefix="derive-bench-docs-")
        for label, use_cache in (("cold", False), ("warm", True)):
            if use_cache:
                check_paths(paths, use_cache=True)  # fill the cache
            started, cpu = time.perf_counter(), time.process_time()
            records = check_paths(paths, use_cache=use_cache)
            elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
            decided = sum(r.verdict in ("PASS", "FAIL", "ERRATUM", "ASSUMPTION") for r in records)
            row(
                f"documentation check of {what}, {label}"[:48],
                f"{len(records) / cpu:.0f} /s",
                f"{len(records)} formulas ({decided} decided) in {cpu:.2f} s of CPU ({elapsed:.2f} s wall);"
                " target > 100 /s cold, 500 /s warm",
            )


EQUALITIES = ROOT / "bench" / "equalities.md"

# Run in a fresh process: the CPU seconds of a first (cold) and a second (warm) pass over the 50 equalities,
# by derive's checker (the second pass without and with the verdict cache) and by the bare parse of the
# LaTeX parser an answer checker uses (its default configuration), imports apart.
_CHECK_PASSES = """
import json, sys, time
from derive.docs.report import check_paths
path = sys.argv[1]
def timed(use_cache):
    cpu = time.process_time()
    records = check_paths([path], use_cache=use_cache)
    return time.process_time() - cpu, len(records)
cold, count = timed(False)
warm, _ = timed(False)
timed(True)
cached, _ = timed(True)
print(json.dumps({"count": count, "cold": cold, "warm": warm, "cached": cached}))
"""
_PARSE_PASSES = """
import json, sys, time
from latex2sympy2_extended import latex2sympy
from derive.docs.scan import scan_file
formulas = [found.latex for found in scan_file(sys.argv[1])]
def timed():
    cpu = time.process_time()
    for latex in formulas:
        try:
            latex2sympy(latex)
        except Exception:
            pass
    return time.process_time() - cpu
print(json.dumps({"count": len(formulas), "cold": timed(), "warm": timed()}))
"""


def _fresh_process(code: str, env: dict) -> dict:
    import json

    run = subprocess.run(
        [sys.executable, "-c", code, str(EQUALITIES)], cwd=ROOT, capture_output=True, text=True, check=True, env=env
    )
    return json.loads(run.stdout)


def equality_rows() -> None:
    """50 simple equalities of the kind an answer checker sees (bench/equalities.md, some wrong), each
    measure in a fresh process beside the ``import sympy`` floor: the whole ``derive check`` command, the
    check itself cold and warm, and the bare parse of the same formulas. Milliseconds of CPU per formula."""
    env = fresh_cache_env()
    floor = statistics.median(timed(["-c", "import sympy"])[1] for _ in range(3))
    row('python -c "import sympy" (CPU, the floor)', f"{floor:.2f} s", "median of 3")
    command = statistics.median(
        timed(["-m", "derive", "check", str(EQUALITIES), "--no-cache"], env)[1] for _ in range(3)
    )
    check = _fresh_process(_CHECK_PASSES, env)
    count = check["count"]
    row(
        f"derive check of {count} equalities, whole command",
        f"{count / command:.0f} /s",
        f"{command:.2f} s of CPU, imports included (median of 3); {(command - floor) * 1000 / count:.1f} ms"
        " per formula above the floor",
    )
    per = lambda seconds: f"{seconds * 1000 / count:.1f} ms"  # noqa: E731
    for label, key in (("cold", "cold"), ("warm process", "warm"), ("warm cache", "cached")):
        row(
            f"  its check, {label}",
            f"{count / check[key]:.0f} /s",
            f"{per(check[key])} per formula; target > 100 /s cold" if key == "cold" else per(check[key]),
        )
    parse = _fresh_process(_PARSE_PASSES, env)
    row(
        f"  bare parse of the same {parse['count']} (latex2sympy2)",
        f"{parse['count'] / parse['cold']:.0f} /s",
        f"cold {per(parse['cold'])}, warm {per(parse['warm'])} per formula",
    )


def _evaluations(expressions, points):
    from derive.compile import environment
    from derive.numeric import evaluate_with_path

    paths = set()
    for point in points:
        env = environment(point)
        for expr in expressions:
            paths.add(evaluate_with_path(expr, point, env=env)[0])
    return paths


def growth_rows() -> None:
    """Per-point cost of checking every step of a result as n grows, and how it compares with
    the size of the work itself (n for a vector result, n² where a sum sits inside a sum)."""
    from derive.domain import dimensions
    from derive.numeric import WORKING_DIGITS
    from derive.registry import load

    for name in ("softmax_jacobian", "layernorm_gradient"):
        result = load(name)
        symbol = next(iter(result.domain.dimensions))
        expressions = [step.expr for claim in result.claims for step in claim.steps]
        times, paths = [], set()
        for value in DIMENSIONS:
            domain = result.domain.with_(samplers={**result.domain.samplers, symbol: dimensions(value)}, points=5)
            points = domain.sample_points(f"bench/{name}", WORKING_DIGITS)[:2]
            _evaluations(expressions, points[:1])  # compile once, as the verifier does
            started = time.perf_counter()
            paths |= _evaluations(expressions, points)
            times.append((time.perf_counter() - started) / len(points))
        doubling = statistics.median(later / earlier for earlier, later in zip(times[3:], times[4:]))
        row(
            f"instance check of {name}, per point",
            f"{times[-1] * 1000:.0f} ms",
            f"at {symbol}="
            + ", ".join(f"{v}: {t * 1000:.1f}" for v, t in zip(DIMENSIONS, times))
            + f" ms; x{doubling:.1f} per doubling of {symbol} from 16 on (path: {', '.join(sorted(paths))})",
        )


def per_result_rows() -> None:
    from derive import verify
    from derive.registry import catalog_names, load

    timed = []
    for name in catalog_names():
        result = load(name)
        started = time.perf_counter()
        report = verify(result)
        timed.append((time.perf_counter() - started, name, report))
    total = sum(seconds for seconds, _, _ in timed)
    row("verify every result in this process", f"{total:.1f} s", "after imports; the ten slowest:")
    for seconds, name, report in sorted(timed, key=lambda item: item[0], reverse=True)[:10]:
        instantiated = sum("instantiated" in s.numeric_path for s in report.steps)
        row(
            f"  verify {name}",
            f"{seconds:.2f} s",
            f"{report.evaluations} evaluations, {len(report.steps)} steps ({instantiated} with instantiated values), "
            f"{report.symbolic_status}",
        )


def main() -> None:
    if "--help" in sys.argv or "-h" in sys.argv:
        print(__doc__)
        return
    sys.path.insert(0, str(ROOT))
    from derive.batch import available_cores

    quick = "--quick" in sys.argv
    scratch = tempfile.mkdtemp(prefix="derive-bench-")
    precompile()
    print(f"derive benchmark on {available_cores()} core(s), Python {sys.version.split()[0]}; {load_text()}")
    row("what", "measured", "note")
    print(f"|{'-' * 50}|{'-' * 14}|------")
    command_rows(scratch, available_cores(), "--mutation" in sys.argv)
    plugin_rows()
    tree = Path(sys.argv[sys.argv.index("--tree") + 1]) if "--tree" in sys.argv else None
    docs_rows(tree)
    equality_rows()
    growth_rows()
    if not quick:
        per_result_rows()
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    row(
        "peak memory: this process / largest command",
        f"{own:.0f} MiB",
        f"{children:.0f} MiB for the largest command run",
    )
    print(f"at the end: {load_text()}")


if __name__ == "__main__":
    main()
