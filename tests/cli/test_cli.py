"""The command line: exit statuses, one-line errors, JSON, output files."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from derive.cli import main
from derive.files import write_atomically
from derive.registry import catalog_names

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "logistic_derivative.py"


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_result_prints_derivation_and_writes_latex(tmp_path, capsys):
    status, out, err = run(capsys, "softmax_jacobian", "--output", str(tmp_path))
    assert status == 0, err
    assert "quotient rule" in out and "✓ proved" in out and "oracle" in out
    assert "VERIFIED" in out.splitlines()[-2]
    assert (tmp_path / "softmax_jacobian.tex").read_text().count(r"\begin{theorem}") == 1


def test_json_has_the_documented_shape(tmp_path, capsys):
    status, out, _ = run(capsys, "softmax_jacobian", "--json", "--output", str(tmp_path))
    data = json.loads(out)
    assert status == 0 and data["verified"] is True
    assert {"name", "title", "verified", "steps", "oracle"} <= set(data)
    assert {"because", "symbolic", "numeric_max_rel_error"} <= set(data["steps"][0])
    assert {"passed", "max_rel_error", "points", "digits"} <= set(data["oracle"])
    assert data["oracle"]["digits"] >= 50


def test_list_json(capsys):
    status, out, _ = run(capsys, "--list", "--json")
    entries = json.loads(out)
    assert status == 0
    assert {"name": "softmax_jacobian", "title": "Jacobian of the softmax"} in [
        {"name": e["name"], "title": e["title"]} for e in entries
    ]


def test_list_reads_status_from_the_cache_and_never_verifies(tmp_path, capsys, monkeypatch):
    import importlib

    engine = importlib.import_module("derive.verify")  # the module, not the function derive exports under that name
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    listed = lambda: {e["name"]: e["status"] for e in json.loads(run(capsys, "--list", "--json")[1])}  # noqa: E731
    called = []
    monkeypatch.setattr(engine, "verify", lambda result: called.append(result) or None)
    assert set(listed().values()) == {"not yet verified"} and not called
    monkeypatch.undo()
    monkeypatch.setenv("DERIVE_CACHE_DIR", str(tmp_path / "cache"))
    assert run(capsys, "sigmoid_derivative", "--output", str(tmp_path))[0] == 0
    statuses = listed()
    assert statuses["sigmoid_derivative"] == "proved"
    assert statuses["softmax_jacobian"] == "not yet verified"
    assert run(capsys, "--list", "--no-cache", "--json")[0] == 0


def test_unknown_name_suggests_the_closest(capsys):
    status, out, err = run(capsys, "softmax_jacobain")
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and "did you mean softmax_jacobian" in err


def test_bad_option_is_one_line(capsys):
    status, _, err = run(capsys, "--frobnicate")
    assert status == 2 and err.count("\n") == 1


def test_no_target_is_a_usage_error(capsys):
    status, _, err = run(capsys)
    assert status == 2 and "nothing to do" in err


def test_external_result_module(tmp_path, capsys):
    status, out, err = run(capsys, str(EXAMPLE), "--output", str(tmp_path))
    assert status == 0, err
    assert "logistic_derivative: VERIFIED" in out
    assert (tmp_path / "logistic_derivative.tex").exists()


def test_external_module_with_a_wrong_statement_exits_1(tmp_path, capsys):
    wrong = tmp_path / "wrong_logistic.py"
    wrong.write_text(EXAMPLE.read_text().replace("Logistic(t) * (1 - Logistic(t))", "Logistic(t) * (1 + Logistic(t))"))
    status, out, _ = run(capsys, str(wrong), "--output", str(tmp_path))
    assert status == 1
    assert "FAILED" in out and "counterexample" in out


@pytest.mark.parametrize(
    "content, message",
    [
        ("def broken(:\n", "syntax error"),
        ("raise RuntimeError('boom')\n", "RuntimeError while loading: boom"),
        ('"""No result here."""\n', "must define a Result"),
    ],
)
def test_broken_external_module_is_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "mine.py"
    path.write_text(content)
    status, _, err = run(capsys, str(path), "--output", str(tmp_path))
    assert status == 2 and message in err and err.count("\n") == 1
    assert "Traceback" not in err


def test_missing_file(capsys):
    status, _, err = run(capsys, "no/such/result.py")
    assert status == 2 and "no result file" in err


def test_unwritable_output_is_a_clear_error(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    status, _, err = run(capsys, "softmax_jacobian", "--output", str(blocker / "sub"))
    assert status == 2 and "cannot write" in err and "--output" in err


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path):
    target = tmp_path / "kept.tex"
    target.write_text("old")

    with pytest.raises(TypeError):
        write_atomically(target, 12345)  # not text: fails while writing the temporary file
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["kept.tex"]


def test_subprocess_smoke(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "derive", "softmax_jacobian", "--output", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert completed.returncode == 0, completed.stderr
    assert "softmax_jacobian: VERIFIED" in completed.stdout


@pytest.mark.parametrize(
    ("argv", "status"),
    [(["--list", "--json"], 0), (["no_such_result"], 2)],
)
def test_the_command_ends_with_mains_status_and_its_whole_output(argv, status):
    # the process ends without tearing the interpreter down: its output must still be flushed whole
    completed = subprocess.run(
        [sys.executable, "-m", "derive", *argv], cwd=ROOT, capture_output=True, text=True, env=os.environ.copy()
    )
    assert completed.returncode == status, completed.stderr
    if status == 0:
        assert len(json.loads(completed.stdout)) == len(catalog_names())
    else:
        assert completed.stderr.count("\n") == 1 and completed.stderr.startswith("derive: error:")


_CACHE_SIZE_SEEN = (
    "from derive.cli import _size_sympy_cache; _size_sympy_cache(); "
    "import sympy.core.cache as c; print(c.SYMPY_CACHE_SIZE)"
)


@pytest.mark.parametrize("given", [None, "500"])
def test_the_command_line_sizes_sympys_cache_unless_the_environment_does(given):
    from derive.cli import SYMPY_CACHE_ENTRIES

    env = {key: value for key, value in os.environ.items() if key != "SYMPY_CACHE_SIZE"}
    if given is not None:
        env["SYMPY_CACHE_SIZE"] = given
    completed = subprocess.run(
        [sys.executable, "-c", _CACHE_SIZE_SEEN], cwd=ROOT, capture_output=True, text=True, env=env
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == (given or str(SYMPY_CACHE_ENTRIES))


def test_output_piped_into_a_closed_reader_gives_no_traceback(tmp_path):
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "derive", "graph", "--output", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # the reader is gone before anything is written, as `| head` may be
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert "Traceback" not in err and "Exception ignored" not in err


def test_version(capsys):
    import pytest

    from derive.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out.startswith("derive ")
