"""Cached verification reports, so an unchanged catalog re-verifies in seconds.

A report is stored under a key that hashes everything its verdict depends on: the
result module's source, the sources of catalog modules it imports, every engine
module (``derive/``, the documentation checker excepted), and the versions of
Python, SymPy and mpmath. Any change to one of them is a different key, so a stale
verdict is never served. ``--no-cache`` skips the cache for one run; the folder is
``$DERIVE_CACHE_DIR``, else ``$XDG_CACHE_HOME/derive``, else ``~/.cache/derive``.
A cache that cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import re
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from derive.report import ClaimReport, OracleReport, RemarkReport, ResultReport, StepReport

FORMAT = 1
ENGINE = Path(__file__).resolve().parent
CATALOG = ENGINE.parent / "identities"


def cache_dir() -> Path:
    if os.environ.get("DERIVE_CACHE_DIR"):
        return Path(os.environ["DERIVE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "derive"


@lru_cache(maxsize=2)
def _engine_digest(with_docs: bool = False) -> str:
    import mpmath
    import sympy

    versions = f"{FORMAT} {platform.python_version()} {sympy.__version__} {mpmath.__version__}"
    if with_docs:
        from importlib.metadata import version

        versions += " " + " ".join(version(p) for p in ("latex2sympy2_extended", "markdown-it-py", "pylatexenc"))
    digest = hashlib.sha256(versions.encode())
    for path in sorted(ENGINE.rglob("*.py")):
        if "docs" in path.relative_to(ENGINE).parts and not with_docs:
            continue
        digest.update(str(path.relative_to(ENGINE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _add_source(digest, source: bytes) -> None:
    """Feed a result module's source, and that of each catalog module it imports, to ``digest``."""
    digest.update(source)
    for imported in sorted(set(re.findall(rb"identities\.(\w+)", source))):
        module = CATALOG / f"{imported.decode()}.py"
        if module.is_file():
            digest.update(imported + b"\0" + module.read_bytes())


def key(result) -> str | None:
    """The cache key of ``result``; None when its source file is unknown."""
    if not result.module_file or not Path(result.module_file).is_file():
        return None
    digest = hashlib.sha256(_engine_digest().encode() + result.name.encode() + b"\0")
    _add_source(digest, Path(result.module_file).read_bytes())
    # the declared object too, so a variant built in memory never meets its original's verdict
    digest.update(repr([(c.statement, [s.expr for s in c.steps]) for c in result.claims]).encode())
    return digest.hexdigest()


def formula_key(latex: str, tag: str | None, result_name: str | None) -> str:
    """The key of a documentation verdict: the formula, its tag, the checker, and the result it names."""
    digest = hashlib.sha256(_engine_digest(with_docs=True).encode() + latex.encode() + b"\0" + (tag or "").encode())
    module = CATALOG / f"{result_name}.py"
    if result_name and module.is_file():
        _add_source(digest, module.read_bytes())
    return digest.hexdigest()


def recall(entry: str) -> dict | None:
    """The stored entry (``KEY`` for a report, ``formula/KEY`` for a verdict), or None."""
    try:
        return json.loads((cache_dir() / f"{entry}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def remember(entry: str, data: dict) -> None:
    from derive.errors import OutputError
    from derive.files import write_atomically

    try:
        write_atomically(cache_dir() / f"{entry}.json", json.dumps(data, sort_keys=True))
    except OutputError:
        pass


def _report_from(data: dict) -> ResultReport:
    claims = [
        ClaimReport(**{**c, "steps": [StepReport(**s) for s in c["steps"]], "oracle": OracleReport(**c["oracle"])})
        for c in data["claims"]
    ]
    remarks = [RemarkReport(**r) for r in data["remarks"]]
    return ResultReport(**{**data, "claims": claims, "remarks": remarks})


def load(result) -> ResultReport | None:
    found = key(result)
    data = recall(found) if found else None
    try:
        return _report_from(data) if data else None
    except (TypeError, KeyError):
        return None


def store(result, report: ResultReport) -> None:
    found = key(result)
    if found is not None and not report.error:
        remember(found, asdict(report))
