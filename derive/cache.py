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


@lru_cache(maxsize=1)
def _engine_digest() -> str:
    import mpmath
    import sympy

    digest = hashlib.sha256(f"{FORMAT} {platform.python_version()} {sympy.__version__} {mpmath.__version__}".encode())
    for path in sorted(ENGINE.rglob("*.py")):
        if "docs" in path.relative_to(ENGINE).parts:
            continue
        digest.update(str(path.relative_to(ENGINE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def key(result) -> str | None:
    """The cache key of ``result``; None when its source file is unknown."""
    if not result.module_file or not Path(result.module_file).is_file():
        return None
    source = Path(result.module_file).read_bytes()
    digest = hashlib.sha256(_engine_digest().encode() + result.name.encode() + b"\0" + source)
    # the declared object too, so a variant built in memory never meets its original's verdict
    digest.update(repr([(c.statement, [s.expr for s in c.steps]) for c in result.claims]).encode())
    for imported in sorted(set(re.findall(rb"identities\.(\w+)", source))):
        module = CATALOG / f"{imported.decode()}.py"
        if module.is_file():
            digest.update(imported + b"\0" + module.read_bytes())
    return digest.hexdigest()


def _report_from(data: dict) -> ResultReport:
    claims = [
        ClaimReport(**{**c, "steps": [StepReport(**s) for s in c["steps"]], "oracle": OracleReport(**c["oracle"])})
        for c in data["claims"]
    ]
    remarks = [RemarkReport(**r) for r in data["remarks"]]
    return ResultReport(**{**data, "claims": claims, "remarks": remarks})


def load(result) -> ResultReport | None:
    found = key(result)
    if found is None:
        return None
    try:
        return _report_from(json.loads((cache_dir() / f"{found}.json").read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def store(result, report: ResultReport) -> None:
    from derive.files import write_atomically
    from derive.errors import OutputError

    found = key(result)
    if found is None or report.error:
        return
    try:
        write_atomically(cache_dir() / f"{found}.json", json.dumps(asdict(report), sort_keys=True))
    except OutputError:
        pass
