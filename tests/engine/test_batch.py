"""Verifying many results: the cache, parallel jobs, the dependency graph, interruption."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from derive import cache
from derive.batch import verify_all
from derive.cli import main
from derive.registry import load

ROOT = Path(__file__).resolve().parents[2]
SMALL = ["softmax_jacobian", "softmax_cross_entropy_gradient", "lora_parameter_count"]


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_cached_report_equals_a_fresh_one(empty_cache):
    results = [load(name) for name in SMALL]
    fresh = verify_all(results, jobs=1)
    assert len(list(empty_cache.glob("*.json"))) == len(SMALL)
    cached = verify_all(results, jobs=1)
    assert [c.to_json() for c in cached] == [f.to_json() for f in fresh]


def test_parallel_jobs_give_the_reports_in_order(empty_cache):
    results = [load(name) for name in SMALL]
    parallel = verify_all(results, jobs=2, use_cache=False)
    assert [r.name for r in parallel] == SMALL and all(r.verified for r in parallel)
    assert [r.to_json()["steps"] for r in parallel] == [
        r.to_json()["steps"] for r in verify_all(results, jobs=1, use_cache=False)
    ]


def test_the_key_changes_with_the_source_and_with_the_declared_object(tmp_path):
    original = load("softmax_jacobian")
    copy = tmp_path / "softmax_jacobian.py"
    copy.write_text(Path(original.module_file).read_text())
    moved = original.named(original.name, original.summary, str(copy))
    assert cache.key(moved) == cache.key(original)
    copy.write_text(copy.read_text() + "\n# edited\n")
    assert cache.key(moved) != cache.key(original)
    variant = original.with_step(0, 2, original.claims[0].steps[1].expr)
    assert cache.key(variant) != cache.key(original)


def test_a_wrong_variant_is_never_served_its_originals_verdict(empty_cache):
    original = load("softmax_jacobian")
    assert verify_all([original])[0].verified
    wrong = original.with_statement(0, -original.claims[0].statement.rhs)
    assert not verify_all([wrong])[0].verified


def test_a_corrupt_cache_entry_is_ignored(empty_cache):
    result = load("softmax_jacobian")
    verify_all([result])
    for entry in empty_cache.glob("*.json"):
        entry.write_text("{not json")
    assert verify_all([result])[0].verified


def test_bad_job_count_is_a_usage_error(tmp_path, capsys):
    assert main(["softmax_jacobian", "-j", "0", "--output", str(tmp_path)]) == 2
    assert "-j 0" in capsys.readouterr().err


def test_graph_writes_dot_and_svg(tmp_path, capsys):
    assert main(["graph", "--output", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "softmax_cross_entropy_gradient" in out and "uses: softmax_jacobian" in out
    assert '"softmax_cross_entropy_gradient" -> "softmax_jacobian";' in (tmp_path / "graph.dot").read_text()
    assert (tmp_path / "graph.svg").read_text().startswith("<svg")
    assert main(["graph", "--json", "--output", str(tmp_path)]) == 0
    edges = json.loads(capsys.readouterr().out)["edges"]
    assert {"result": "softmax_cross_entropy_gradient", "uses": "softmax_jacobian"} in edges


def test_graph_rejects_a_cycle():
    from derive import graph
    from derive.errors import DefinitionError

    a = load("softmax_jacobian")
    b = load("softmax_cross_entropy_gradient")
    looped = a.__class__(**{**a.__dict__, "uses": ("softmax_cross_entropy_gradient",)})
    with pytest.raises(DefinitionError, match="cycle"):
        graph.depths([looped, b])


@pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="needs POSIX signals")
def test_ctrl_c_mid_run_leaves_no_half_written_file(tmp_path, empty_cache):
    output = tmp_path / "out"
    output.mkdir()
    (output / "softmax_jacobian.tex").write_text("previous run\n")
    process = subprocess.Popen(
        [sys.executable, "-m", "derive", "all", "--no-cache", "-j", "1", "--output", str(output)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    time.sleep(4)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    assert not [p.name for p in output.iterdir() if p.name.startswith(".")]
    for tex in output.glob("*.tex"):
        text = tex.read_text()
        assert text == "previous run\n" or text.rstrip().endswith(r"\end{proof}") or text.endswith("\n")


def _children_of(pid: int) -> list[int]:
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_workers_die_with_a_killed_parent(tmp_path, empty_cache):
    process = subprocess.Popen(
        [sys.executable, "-m", "derive", "all", "--no-cache", "-j", "2", "--output", str(tmp_path / "out")],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers = []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.2)
        workers = _children_of(process.pid)
    assert len(workers) >= 2, "the pool never started"
    process.kill()
    process.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    assert not [w for w in workers if _alive(w)]


def test_a_ctrl_c_python_drops_is_still_remembered():
    # a KeyboardInterrupt raised inside a garbage-collector callback never reaches the run: the list keeps it
    from derive.batch import interrupts_remembered

    with interrupts_remembered() as pressed:
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(0.1)
        except KeyboardInterrupt:
            pass  # dropped, as Python drops it inside a callback
        assert pressed == [signal.SIGINT]
    with interrupts_remembered() as pressed:
        assert pressed == []
