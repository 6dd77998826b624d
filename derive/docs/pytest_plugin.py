"""pytest plugin: ``pytest --derive-docs docs/`` makes one test item per formula.

Also configurable in the ini file (``derive_docs = docs README.md``) and strictness
with ``--derive-docs-strict`` / ``derive_docs_strict = true``: then UNPARSEABLE and
UNKNOWN formulas fail instead of being skipped. PASS passes, FAIL fails with the
counterexample, SKIPPED (untagged, or ``derive: skip``) is skipped. A tag that
cannot be read (a misspelt result name, a bad clause) fails its formula, strict or not.

It reads the same formats as ``python -m derive check`` (Markdown, MDX, Quarto,
reStructuredText, notebooks, Python docstrings, LaTeX). A path that is missing or
cannot be searched, and a file that cannot be read, is a collection error naming it
(pytest then stops before running tests, unless ``--continue-on-collection-errors``).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PASSING = ("PASS", "ERRATUM", "ASSUMPTION")  # an erratum is refuted, a reading behaves, as recorded


def pytest_addoption(parser):
    group = parser.getgroup("derive-docs", "checking formulas in documentation")
    group.addoption(
        "--derive-docs",
        action="append",
        default=[],
        metavar="PATH",
        help="check the formulas of the documents (.md .mdx .qmd .rst .ipynb .py .tex) under PATH (repeatable)",
    )
    group.addoption(
        "--derive-docs-strict", action="store_true", default=False, help="fail on UNPARSEABLE and UNKNOWN formulas too"
    )
    parser.addini("derive_docs", "paths of documents whose formulas are checked", type="args", default=[])
    parser.addini("derive_docs_strict", "fail on UNPARSEABLE and UNKNOWN formulas", type="bool", default=False)


class FormulaFailure(Exception):
    pass


class DocumentFile(pytest.File):
    """One document: its formulas are the items."""

    def collect(self):
        from derive.docs.scan import scan_path
        from derive.docs.untagged import DocumentContext

        self.context = DocumentContext()  # what earlier formulas define, for the untagged ones after them
        for found in scan_path(self.path):
            where = f"cell {found.cell}, line {found.line}" if found.cell is not None else f"line {found.line}"
            source = Path(found.file).resolve()
            if source != self.path:  # a chapter that this LaTeX file inputs
                where = f"{os.path.relpath(source, self.path.parent)}, {where}"
            yield FormulaItem.from_parent(self, name=f"{where}: {found.latex[:60]}", found=found)

    def repr_failure(self, excinfo):
        from derive.errors import DeriveError

        if isinstance(excinfo.value, DeriveError):
            return str(excinfo.value)
        return super().repr_failure(excinfo)


class UnreadablePath(pytest.File):
    """A path that cannot be searched or is not a document: collecting it is the error it carries."""

    def __init__(self, *, problem, **kwargs):
        super().__init__(**kwargs)
        self.problem = problem

    def collect(self):
        raise self.problem

    def repr_failure(self, excinfo):
        return str(excinfo.value)


class FormulaItem(pytest.Item):
    def __init__(self, *, found, **kwargs):
        super().__init__(**kwargs)
        self.found = found

    def runtest(self):
        from derive.docs.report import check_found, tag_and_formula
        from derive.docs.tags import TagError

        if self.found.tag is not None:
            try:
                tag_and_formula(self.found.tag, self.found.latex)
            except TagError as exc:
                raise FormulaFailure(f"tag on line {self.found.tag_line}: {exc}") from None
        record = check_found(self.found, context=self.parent.context)
        if record is None:
            pytest.skip("untagged math that states no relation")
        strict = self.config.getoption("--derive-docs-strict") or self.config.getini("derive_docs_strict")
        if record.verdict in PASSING:
            return
        if record.verdict == "FAIL" or (strict and record.verdict in ("UNPARSEABLE", "UNKNOWN")):
            raise FormulaFailure(f"{record.verdict}: {record.detail}")
        pytest.skip(f"{record.verdict}: {record.detail}")

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, FormulaFailure):
            return f"{self.found.location}: {self.found.latex}\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        where = (
            f"cell {self.found.cell}, line {self.found.line}"
            if self.found.cell is not None
            else f"line {self.found.line}"
        )
        return Path(self.found.file), self.found.line - 1, f"formula at {where}"


def pytest_collection_modifyitems(session, config, items):
    from derive.docs.scan import find_documents

    paths = list(config.getoption("--derive-docs") or []) + list(config.getini("derive_docs") or [])
    if not paths:
        return
    root = Path(str(config.rootpath))
    resolved = [p if Path(p).is_absolute() or Path(p).exists() else str(root / p) for p in paths]
    files, problems = find_documents(resolved)
    collectors = [DocumentFile.from_parent(session, path=Path(path).resolve()) for path in files]
    for problem in problems:
        where = Path(problem.path if problem.path is not None else root).absolute()
        collectors.append(UnreadablePath.from_parent(session, path=where, problem=problem))
    for collector in collectors:
        report = collector.ihook.pytest_make_collect_report(collector=collector)
        session.ihook.pytest_collectreport(report=report)
        if report.passed:
            items.extend(report.result)
