"""pytest plugin: ``pytest --derive-docs docs/`` makes one test item per formula.

Also configurable in the ini file (``derive_docs = docs README.md``) and strictness
with ``--derive-docs-strict`` / ``derive_docs_strict = true``: then UNPARSEABLE and
UNKNOWN formulas fail instead of being skipped. PASS passes, FAIL fails with the
counterexample, SKIPPED (untagged, or ``derive: skip``) is skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def pytest_addoption(parser):
    group = parser.getgroup("derive-docs", "checking formulas in documentation")
    group.addoption("--derive-docs", action="append", default=[], metavar="PATH",
                    help="check the formulas of the Markdown/LaTeX files under PATH (repeatable)")
    group.addoption("--derive-docs-strict", action="store_true", default=False,
                    help="fail on UNPARSEABLE and UNKNOWN formulas too")
    parser.addini("derive_docs", "paths of documents whose formulas are checked", type="args", default=[])
    parser.addini("derive_docs_strict", "fail on UNPARSEABLE and UNKNOWN formulas", type="bool", default=False)


class FormulaFailure(Exception):
    pass


class DocumentFile(pytest.File):
    def collect(self):
        from derive.docs.scan import scan_file

        for found in scan_file(self.path):
            name = f"line {found.line}: {found.latex[:60]}"
            yield FormulaItem.from_parent(self, name=name, found=found)


class FormulaItem(pytest.Item):
    def __init__(self, *, found, **kwargs):
        super().__init__(**kwargs)
        self.found = found

    def runtest(self):
        from derive.docs.report import check_found

        record = check_found(self.found)
        if record is None:
            pytest.skip("untagged math that states no relation")
        strict = self.config.getoption("--derive-docs-strict") or self.config.getini("derive_docs_strict")
        if record.verdict in ("PASS", "ERRATUM"):   # an erratum is refuted as recorded
            return
        if record.verdict == "FAIL" or (strict and record.verdict in ("UNPARSEABLE", "UNKNOWN")):
            raise FormulaFailure(f"{record.verdict}: {record.detail}")
        pytest.skip(f"{record.verdict}: {record.detail}")

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, FormulaFailure):
            return f"{self.found.file}:{self.found.line}: {self.found.latex}\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.found.line - 1, f"formula at line {self.found.line}"


def pytest_collection_modifyitems(session, config, items):
    from derive.docs.scan import document_files

    paths = list(config.getoption("--derive-docs") or []) + list(config.getini("derive_docs") or [])
    if not paths:
        return
    root = Path(str(config.rootpath))
    resolved = [p if Path(p).is_absolute() or Path(p).exists() else str(root / p) for p in paths]
    for path in document_files(resolved):
        collector = DocumentFile.from_parent(session, path=Path(path).resolve())
        items.extend(collector.collect())
