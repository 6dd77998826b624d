"""A cache entry is trusted only if it is intact and answers exactly the request: forged,
corrupt, truncated, mistyped, too deep or misplaced entries are recomputed, never believed."""

import json
import logging
import os
import shutil
import subprocess
import sys

import pytest

from derive import cache
from derive.batch import verify_all
from derive.docs.cli import main_check
from derive.registry import load

WRONG = """<!-- derive: softmax_cross_entropy_gradient -->
$$
\\frac{\\partial L}{\\partial z_j} = y_j - p_j
$$
"""
RIGHT = WRONG.replace("y_j - p_j", "p_j - y_j")


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _check(doc, capsys, *options):
    status = main_check([*options, str(doc)])
    return status, capsys.readouterr()


def _verdict_entries(folder):
    return sorted((folder / "formula").glob("*.json"))


FORGERIES = [
    '{"result": "softmax_cross_entropy_gradient", "verdict": "PASS", "detail": "forged"}',
    "{}",
    "false",
    "0",
    '{"verdict": "OK"}',
    "[1, 2]",
    '"PASS"',
    '{"verdict": "PASS"}',
    '{"result": null, "verdict": ["PASS"], "detail": ""}',
    "[" * 100_000 + "]" * 100_000,
    '{"not json',
]


@pytest.mark.parametrize("forged", FORGERIES, ids=range(len(FORGERIES)))
def test_a_forged_or_corrupt_verdict_is_recomputed(empty_cache, tmp_path, capsys, forged):
    doc = tmp_path / "page.md"
    doc.write_text(WRONG)
    assert _check(doc, capsys)[0] == 1
    [entry] = _verdict_entries(empty_cache)
    entry.write_text(forged)
    status, out = _check(doc, capsys, "--json")
    assert status == 1
    assert [r["verdict"] for r in json.loads(out.out)] == ["FAIL"]
    assert out.err == ""


def test_a_well_formed_entry_with_a_wrong_body_digest_is_recomputed(empty_cache, tmp_path, capsys):
    doc = tmp_path / "page.md"
    doc.write_text(WRONG)
    _check(doc, capsys)
    [entry] = _verdict_entries(empty_cache)
    data = json.loads(entry.read_text())
    data["body"]["verdict"] = "PASS"  # digest left as it was
    entry.write_text(json.dumps(data))
    assert _check(doc, capsys)[0] == 1


def test_an_entry_copied_under_another_formulas_key_is_not_trusted(empty_cache, tmp_path, capsys):
    right, wrong = tmp_path / "right.md", tmp_path / "wrong.md"
    right.write_text(RIGHT)
    assert _check(right, capsys)[0] == 0
    [passing] = _verdict_entries(empty_cache)
    wrong.write_text(WRONG)
    assert _check(wrong, capsys)[0] == 1
    [failing] = [e for e in _verdict_entries(empty_cache) if e != passing]
    shutil.copyfile(passing, failing)  # the PASS, intact, under the wrong formula's key
    assert _check(wrong, capsys)[0] == 1


def test_an_intact_entry_is_reused(empty_cache, tmp_path, capsys, monkeypatch):
    doc = tmp_path / "page.md"
    doc.write_text(WRONG)
    _check(doc, capsys)
    import derive.docs.report as report

    monkeypatch.setattr(report, "_check_found", lambda found: pytest.fail("decided again"))
    assert _check(doc, capsys)[0] == 1


def test_an_ignored_entry_is_logged_not_printed(empty_cache, tmp_path, capsys, caplog):
    doc = tmp_path / "page.md"
    doc.write_text(WRONG)
    _check(doc, capsys)
    _verdict_entries(empty_cache)[0].write_text("{}")
    with caplog.at_level(logging.INFO, logger="derive.cache"):
        _, out = _check(doc, capsys)
    assert out.err == ""
    assert [r.getMessage() for r in caplog.records if r.name == "derive.cache"] == [
        f"ignored {_verdict_entries(empty_cache)[0].name}: not a cache entry"
    ]


def test_verbose_mode_says_what_was_ignored(empty_cache, tmp_path):
    doc = tmp_path / "page.md"
    doc.write_text(WRONG)
    command = [sys.executable, "-m", "derive", "check", str(doc)]
    env = {**os.environ, "DERIVE_CACHE_DIR": str(empty_cache)}
    subprocess.run(command, env=env, capture_output=True, check=False)
    _verdict_entries(empty_cache)[0].write_text("{}")
    quiet = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    _verdict_entries(empty_cache)[0].write_text("{}")
    verbose = subprocess.run(command, env={**env, "DERIVE_VERBOSE": "1"}, capture_output=True, text=True, check=False)
    assert quiet.returncode == verbose.returncode == 1 and quiet.stderr == ""
    assert verbose.stderr.count("\n") == 1 and verbose.stderr.startswith("cache: ignored ")


REPORT_CORRUPTIONS = [
    lambda e: "[1, 2]",
    lambda e: '"PASS"',
    lambda e: json.dumps({**e, "body": {**e["body"], "seconds": "abc"}}),
    lambda e: json.dumps({**e, "body": {"verdict": "PASS"}}),
    lambda e: json.dumps({k: v for k, v in e.items() if k != "digest"}),
    lambda e: "[" * 100_000 + "]" * 100_000,
]


@pytest.mark.parametrize("corrupt", REPORT_CORRUPTIONS, ids=range(len(REPORT_CORRUPTIONS)))
def test_a_corrupt_result_report_is_recomputed(empty_cache, corrupt):
    result = load("softmax_jacobian")
    verify_all([result], jobs=1)
    [entry] = empty_cache.glob("*.json")
    entry.write_text(corrupt(json.loads(entry.read_text())))
    [report] = verify_all([result], jobs=1)
    assert report.verified and report.name == "softmax_jacobian"


def test_a_passing_report_copied_under_a_failing_variants_key_is_not_trusted(empty_cache):
    original = load("softmax_jacobian")
    wrong = original.with_statement(0, -original.claims[0].statement.rhs)
    verify_all([original], jobs=1)
    [good] = empty_cache.glob("*.json")
    wrong_key = cache.key(wrong)
    assert wrong_key != cache.key(original)
    shutil.copyfile(good, empty_cache / f"{wrong_key}.json")
    assert not verify_all([wrong], jobs=1)[0].verified


def test_the_key_follows_catalog_imports_transitively(tmp_path, monkeypatch):
    catalog = tmp_path / "identities"
    catalog.mkdir()
    (catalog / "a.py").write_text("from derive.identities.b import x\n")
    (catalog / "b.py").write_text("from derive.identities.c import y\n")
    (catalog / "c.py").write_text("y = 1\n")
    monkeypatch.setattr(cache, "CATALOG", catalog)
    before = cache._source_digest(catalog / "a.py")
    (catalog / "c.py").write_text("y = 2\n")
    assert cache._source_digest(catalog / "a.py") != before
