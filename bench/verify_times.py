"""Time and memory of verification: per result, the whole catalog, and a bare SymPy import.

Run: ``python bench/verify_times.py``. Prints a table; targets are in the README. This is
a measurement, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import resource
import subprocess
import tempfile
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cold(argv) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, *argv], cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - started


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from derive import verify
    from derive.registry import catalog_names, load

    scratch = tempfile.mkdtemp(prefix="derive-bench-")
    print(f"{'what':<44} {'seconds':>8}")
    print(f"{'python -c \"import sympy\" (cold)':<44} {cold(['-c', 'import sympy']):>8.2f}")
    print(f"{'python -m derive softmax_jacobian (cold)':<44} {cold(['-m', 'derive', 'softmax_jacobian', '--output', scratch]):>8.2f}")
    print(f"{'python -m derive all (cold)':<44} {cold(['-m', 'derive', 'all', '--output', scratch]):>8.2f}")
    for name in catalog_names():
        result = load(name)
        started = time.perf_counter()
        report = verify(result)
        elapsed = time.perf_counter() - started
        print(f"{'  verify ' + name:<44} {elapsed:>8.2f}  ({report.evaluations} evaluations, {report.symbolic_status})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory of this process (MiB)':<44} {peak:>8.0f}")


if __name__ == "__main__":
    main()
