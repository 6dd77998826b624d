"""One command line with subcommands: every documented command line parses to the action it always
meant, ``--help`` lists every command, a bad command line is one line and status 2, and the library
functions behind the commands return data without printing."""

from pathlib import Path

import pytest

from derive import cli
from derive.cli import COMMANDS, main, parse, with_command

ROOT = Path(__file__).resolve().parents[2]
OWN_RESULT = ROOT / "examples" / "paper" / "two_term_am_gm.py"
OWN_BIB = ROOT / "examples" / "paper" / "refs.bib"


@pytest.mark.parametrize(
    "argv, command, expected",
    [
        (["softmax_jacobian"], "verify", {"targets": ["softmax_jacobian"], "list": False, "json": False}),
        (["softmax_jacobian", "--pdf"], "verify", {"targets": ["softmax_jacobian"], "pdf": True}),
        (["all"], "verify", {"targets": ["all"], "jobs": None, "no_cache": False}),
        (
            ["all", "--json", "-j", "2", "--no-cache"],
            "verify",
            {"targets": ["all"], "json": True, "jobs": 2, "no_cache": True},
        ),
        (["-j", "2", "--output", "out", "all"], "verify", {"targets": ["all"], "jobs": 2, "output": "out"}),
        (["--list"], "verify", {"list": True, "targets": []}),
        (["--list", "--json"], "verify", {"list": True, "json": True}),
        (["mine/result.py", "--bib", "refs.bib"], "verify", {"targets": ["mine/result.py"], "bib": ["refs.bib"]}),
        (["appendix"], "appendix", {"targets": [], "pdf": False, "only": False}),
        (["appendix", "--pdf"], "appendix", {"targets": [], "pdf": True}),
        (["--pdf", "appendix"], "appendix", {"targets": [], "pdf": True}),
        (
            ["appendix", "mine/a.py", "mine/b.py", "--bib", "refs.bib", "--only"],
            "appendix",
            {"targets": ["mine/a.py", "mine/b.py"], "bib": ["refs.bib"], "only": True},
        ),
        (["graph"], "graph", {"json": False, "output": None}),
        (["graph", "--json", "--output", "out"], "graph", {"json": True, "output": "out"}),
        (["check", "docs/", "README.md"], "check", {"paths": ["docs/", "README.md"], "strict": False}),
        (
            ["check", "--strict", "--json", "--no-cache", "a.md"],
            "check",
            {"paths": ["a.md"], "strict": True, "json": True, "no_cache": True},
        ),
        (["mutate", "all", "-j", "2"], "mutate", {"names": ["all"], "jobs": 2, "verbose": False}),
        (["mutate", "softmax_jacobian", "-v"], "mutate", {"names": ["softmax_jacobian"], "verbose": True}),
        (["errata", "docs/source-claims.md"], "errata", {"page": "docs/source-claims.md", "output": "output"}),
        (
            ["errata", "page.md", "--output", "out", "--no-cache"],
            "errata",
            {"page": "page.md", "output": "out", "no_cache": True},
        ),
    ],
)
def test_documented_command_lines_parse_to_their_action(argv, command, expected):
    args = parse(argv)
    assert args.command == command
    assert {key: getattr(args, key) for key in expected} == expected


def test_the_command_word_moves_first_and_a_result_name_means_verify():
    assert with_command(["--json", "-j", "2", "check", "a.md"]) == ["check", "--json", "-j", "2", "a.md"]
    assert with_command(["--output", "check", "all"]) == ["verify", "--output", "check", "all"]  # a folder named check
    assert with_command(["softmax_jacobian", "check"]) == ["verify", "softmax_jacobian", "check"]
    assert with_command([]) == ["verify"]


def test_help_lists_every_command_with_its_summary(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0
    for name in ("verify", "appendix", "graph", "check", "mutate", "errata"):
        assert name in COMMANDS
        assert " ".join(COMMANDS[name].split()[:4]) in " ".join(out.split())
    assert "Exit status:" in out


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_its_own_help(name, capsys):
    with pytest.raises(SystemExit) as stop:
        main([name, "--help"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: python -m derive {name}")


@pytest.mark.parametrize(
    "argv, says",
    [
        (["--frobnicate"], "--frobnicate"),
        (["check"], "PATH"),
        (["check", "--bogus", "a.md"], "--bogus"),
        (["mutate"], "NAME"),
        (["errata"], "PAGE"),
        (["-j", "x", "all"], "invalid int value"),
        (["graph", "--pdf"], "--pdf"),
        (["softmax_jacobian", "appendix"], "cannot be combined"),
        (["appendix", "graph"], "cannot be combined"),
        (["softmax_jacobian", "--only"], "--only goes with 'appendix'"),
    ],
)
def test_a_bad_command_line_is_one_line_and_status_2(argv, says, capsys):
    status = main(argv)
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("derive: error: ") and says in err


def test_every_command_has_an_action():
    assert set(cli.ACTIONS) == set(COMMANDS)


class TestLibraryFunctionsDoNotPrint:
    def test_build_appendix_returns_what_it_built(self, tmp_path, capsys):
        from derive.appendix import build_appendix
        from derive.references import use_bibtex
        from derive.registry import load_path
        from derive.verify import verify

        use_bibtex([OWN_BIB])
        try:
            own = load_path(OWN_RESULT)
            built = build_appendix(tmp_path, own=[own], only=True, verify_all=lambda rs: [verify(r) for r in rs])
        finally:
            use_bibtex([])
        assert capsys.readouterr() == ("", "")
        assert built.tex == tmp_path / "appendix.tex" and built.tex.is_file() and built.pdf is None
        assert [r.name for r, _ in built.pairs] == ["two_term_am_gm"] and built.failed == []

    def test_a_failed_result_is_reported_not_printed(self, tmp_path, capsys):
        from derive.appendix import build_appendix
        from derive.references import use_bibtex
        from derive.registry import load_path
        from derive.verify import verify

        use_bibtex([OWN_BIB])
        try:
            own = load_path(OWN_RESULT)
            failing = lambda rs: [_failed(verify(r)) for r in rs]  # noqa: E731
            built = build_appendix(tmp_path, own=[own], only=True, verify_all=failing)
        finally:
            use_bibtex([])
        assert capsys.readouterr() == ("", "")
        assert built.failed == ["two_term_am_gm"]

    def test_mutation_scores_are_returned(self, capsys):
        from derive.mutation import report_lines, score_all

        scores = score_all(["relu_derivative"], jobs=1)
        assert capsys.readouterr() == ("", "")
        assert [s.name for s in scores] == ["relu_derivative"]
        assert report_lines(scores)[-1].startswith("mutation score: ")

    def test_errata_of_an_inconsistent_page_are_returned_not_printed(self, tmp_path, capsys):
        from derive.errata import write_errata

        page = tmp_path / "claims.md"
        page.write_text(
            "## `a.txt`\n\n### 001-1. Sum (wrong)\n\nWhere: `a.txt`, line 1.\n\n<!-- derive: -->\n$$\n1 + 1 = 2\n$$\n",
            encoding="utf-8",
        )
        errata = write_errata(page, tmp_path / "out", use_cache=False)
        assert capsys.readouterr() == ("", "")
        assert errata.markdown is None and any("the heading says wrong" in p for p in errata.problems)
        assert not (tmp_path / "out").exists()


def _failed(report):
    """The report of a result that could not be checked."""
    import dataclasses

    return dataclasses.replace(report, error="could not be checked")
