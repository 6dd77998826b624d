"""The check command, its JSON, exit status, and the pytest plugin."""

import json
import subprocess
import sys
from pathlib import Path

from derive.docs.cli import main_check

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "docs_fixtures"


def test_project_docs_pass(capsys):
    assert main_check([str(ROOT / "docs"), str(ROOT / "README.md")]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out and "PASS" in out


def test_json_and_exit_status(capsys):
    assert main_check(["--json", str(FIXTURES / "wrong.md")]) == 1
    records = json.loads(capsys.readouterr().out)
    assert {tuple(sorted(r)) for r in records} == {("detail", "file", "latex", "line", "result", "verdict")}
    assert [(r["line"], r["verdict"]) for r in records] == [
        (5, "FAIL"),
        (10, "PASS"),
        (14, "UNPARSEABLE"),
        (17, "UNKNOWN"),
    ]


def test_strict_fails_on_unknown(capsys):
    assert main_check([str(FIXTURES / "tricky.md")]) == 0
    assert main_check(["--strict", str(FIXTURES / "tricky.md")]) == 0  # untagged a = b is SKIPPED, not UNKNOWN
    capsys.readouterr()


def test_bad_paths_are_a_clear_error(capsys):
    assert main_check([str(FIXTURES / "missing.md")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_pytest_plugin_makes_one_item_per_formula():
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "--derive-docs",
            str(FIXTURES / "wrong.md"),
            "-o",
            "testpaths=",
            "-o",
            "derive_docs=",
            "--rootdir",
            str(FIXTURES),
            str(FIXTURES / "fixture_formulas.py"),
            "-p",
            "no:cacheprovider",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "1 failed, 1 passed, 2 skipped" in run.stdout, run.stdout[-2000:]
    assert "wrong.md:5" in run.stdout


def test_a_cached_verdict_is_reused_and_no_cache_decides_again(tmp_path, monkeypatch, capsys):
    from derive.docs import report

    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    doc = tmp_path / "one.md"
    doc.write_text("<!-- derive: p = (0.7, 0.2, 0.1) --> $p_1 + p_2 = 0.9$\n")
    first = report.check_paths([doc], use_cache=True)
    calls = []
    monkeypatch.setattr(report, "_check_found", lambda found: calls.append(found))
    again = report.check_paths([doc], use_cache=True)
    assert calls == [] and [r.verdict for r in again] == [r.verdict for r in first] == ["PASS"]
    doc.write_text("<!-- derive: p = (0.7, 0.2, 0.1) --> $p_1 + p_2 = 0.8$\n")  # an edit is a new key
    monkeypatch.undo()
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    assert [r.verdict for r in report.check_paths([doc], use_cache=True)] == ["FAIL"]
