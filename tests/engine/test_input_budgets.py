"""Every input path, tagged or untagged, in any format, stays within the same size, depth and time budgets."""

import json
import time

import pytest

from derive.docs.cli import main_check


def _check(doc, capsys, *options):
    status = main_check([*options, str(doc)])
    return status, capsys.readouterr()


@pytest.mark.parametrize("tag", ["", "<!-- derive: softmax_jacobian -->\n"])
def test_every_path_tagged_or_not_keeps_the_size_and_depth_limits(tmp_path, capsys, tag):
    import time

    deep = tmp_path / "deep.md"
    deep.write_text(tag + "$$" + "(" * 100_000 + "x" + ")" * 100_000 + " = x$$\n")
    long = tmp_path / "long.md"
    long.write_text(tag + "$$" + "x + " * 20_000 + "x = x$$\n")
    for doc in (deep, long):
        started = time.monotonic()
        status, out = _check(doc, capsys, "--json", "--no-cache")
        assert time.monotonic() - started < 20
        assert status == 0 and "Traceback" not in out.err
        [record] = json.loads(out.out)
        assert record["verdict"] in ("UNKNOWN", "UNPARSEABLE") and "limit" in record["detail"]


def test_a_latex_file_too_slow_to_read_is_reported_by_name_and_the_others_still_checked(tmp_path, capsys, monkeypatch):
    from derive.docs.formats import latex

    monkeypatch.setattr(latex, "WALK_BUDGET_SECONDS", 0.5)
    huge = tmp_path / "huge.tex"
    huge.write_text("\\[" + "x + " * 60_000 + "x = x\\]\n")
    fine = tmp_path / "fine.md"
    fine.write_text(
        "<!-- derive: softmax_jacobian -->\n$$\\frac{\\partial \\sigma_i}{\\partial z_j} = \\sigma_i(\\delta_{ij} - \\sigma_j)$$\n"
    )
    started = time.monotonic()
    status, out = _check(tmp_path, capsys, "--no-cache")
    assert time.monotonic() - started < 60
    assert status == 2 and "huge.tex" in out.err and "within 0.5 s" in out.err and "Traceback" not in out.err
    assert "PASS" in out.out


def test_a_formula_past_the_limits_is_not_read_for_the_definitions_it_restates(monkeypatch):
    from derive.docs import untagged

    read = []
    monkeypatch.setattr(untagged, "rewrite_chain", read.append)
    context = untagged.DocumentContext()
    context.forget_restated("(" * 5000 + "x" + ")" * 5000 + " = x")
    assert read == []
    context.forget_restated("f(x) = x^2")
    assert read == ["f(x) = x^2"]
