"""Cached verification reports and documentation verdicts, each checked before it is trusted.

A report is stored under a key that hashes everything its verdict depends on: the
result module's source, the sources of the catalog modules it imports (transitively),
every engine module (``derive/``, the documentation checker excepted), and the versions
of Python, SymPy and mpmath. Any change to one of them is a different key, so a stale
verdict is never served. ``--no-cache`` skips the cache for one run; the folder is
``$DERIVE_CACHE_DIR``, else ``$XDG_CACHE_HOME/derive``, else ``~/.cache/derive``.

An entry records the request it answers (the key, the result or formula and tag, the
engine and checker digests, the library versions) and a digest of its own body. On
reading, an entry that is not valid JSON, too large or too deep, of the wrong shape or
types, recorded for another request, or whose body does not match its digest, is
ignored and the verdict is computed again, and the reason is logged to the ``derive.cache``
logger (the command line shows it on stderr when ``DERIVE_VERBOSE`` is set). Trust model: the cache is as trusted as
the user's own files. The checks catch corruption, truncation, entries copied under
another key and hand-edited entries; they cannot stop someone who can write the cache
folder and recomputes the digests, so a CI run that must not depend on earlier runs
passes ``--no-cache`` (or points ``DERIVE_CACHE_DIR`` at a fresh folder).
A cache that cannot be read or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import sys
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from derive.report import ClaimReport, OracleReport, RemarkReport, ResultReport, StepReport

FORMAT = 2
ENGINE = Path(__file__).resolve().parent


def _catalog_folder() -> Path:
    """Where the catalog's modules are: identities/ in a checkout, derive/identities in an installed wheel."""
    from importlib.util import find_spec

    return Path(find_spec("derive.identities").submodule_search_locations[0])


CATALOG = _catalog_folder()
MAX_ENTRY_BYTES = 4_000_000


def cache_dir() -> Path:
    if os.environ.get("DERIVE_CACHE_DIR"):
        return Path(os.environ["DERIVE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "derive"


def _say(message: str) -> None:
    import logging  # here: a run that reads every entry intact never loads logging (about 15 ms)

    logging.getLogger(__name__).info(message)


def _version(package: str, module: str) -> str:
    """The installed version of ``package``: its module's own ``__version__`` once it is imported, else its metadata.

    Reading the metadata scans every entry of the path (tens of milliseconds); --list imports no SymPy and reads it so.
    """
    loaded = getattr(sys.modules.get(module), "__version__", None)
    if isinstance(loaded, str):
        return loaded
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "-"


@lru_cache(maxsize=2)
def _versions(with_docs: bool = False) -> str:
    # the version as platform.python_version() reads it from sys.version, without importing platform (a few ms)
    versions = f"{FORMAT} python {sys.version.split()[0]} sympy {_version('sympy', 'sympy')} mpmath {_version('mpmath', 'mpmath')}"
    if with_docs:
        for package, module in (
            ("latex2sympy2_extended", "latex2sympy2_extended"),
            ("markdown-it-py", "markdown_it"),
            ("pylatexenc", "pylatexenc"),
        ):
            versions += f" {package} {_version(package, module)}"
    return versions


@lru_cache(maxsize=2)
def _engine_digest(with_docs: bool = False) -> str:
    digest = hashlib.sha256(_versions(with_docs).encode())
    for path in sorted(ENGINE.rglob("*.py")):
        if "docs" in path.relative_to(ENGINE).parts and not with_docs:
            continue
        digest.update(str(path.relative_to(ENGINE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _catalog_closure(source: bytes) -> list[tuple[bytes, bytes]]:
    """(name, source) of every catalog module ``source`` imports, directly or through another, sorted."""
    seen: dict[bytes, bytes] = {}
    todo = list(re.findall(rb"identities\.(\w+)", source))
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        module = CATALOG / f"{name.decode()}.py"
        if not module.is_file():
            continue
        seen[name] = module.read_bytes()
        todo.extend(re.findall(rb"identities\.(\w+)", seen[name]))
    return sorted(seen.items())


def _add_source(digest, source: bytes) -> None:
    """Feed a result module's source, and that of every catalog module it reaches, to ``digest``."""
    digest.update(source)
    for name, text in _catalog_closure(source):
        digest.update(name + b"\0" + text)


def _source_digest(path: Path) -> str:
    digest = hashlib.sha256()
    _add_source(digest, path.read_bytes())
    return digest.hexdigest()


def _report_request(result) -> dict | None:
    if not result.module_file or not Path(result.module_file).is_file():
        return None
    declared = hashlib.sha256(repr([(c.statement, [s.expr for s in c.steps]) for c in result.claims]).encode())
    return {
        "kind": "report",
        "result": result.name,
        "engine": _engine_digest(),
        "versions": _versions(),
        "sources": _source_digest(Path(result.module_file)),
        # the declared object too, so a variant built in memory never meets its original's verdict
        "declared": declared.hexdigest(),
    }


def _formula_request(latex: str, tag: str | None, result_name: str | None) -> dict:
    module = CATALOG / f"{result_name}.py" if result_name else None
    return {
        "kind": "verdict",
        "latex": latex,
        "tag": tag or "",
        "result": result_name or "",
        "checker": _engine_digest(with_docs=True),
        "versions": _versions(with_docs=True),
        "sources": _source_digest(module) if module is not None and module.is_file() else "",
    }


def _digest_of(request: dict) -> str:
    return hashlib.sha256(json.dumps(request, sort_keys=True).encode()).hexdigest()


def key(result) -> str | None:
    """The cache key of ``result``'s report; None when its source file is unknown."""
    request = _report_request(result)
    return None if request is None else _digest_of(request)


def formula_key(latex: str, tag: str | None, result_name: str | None) -> str:
    """The key of a documentation verdict: the formula, its tag, the checker, and the result it names."""
    return _digest_of(_formula_request(latex, tag, result_name))


def _path(request: dict) -> Path:
    folder = "formula/" if request["kind"] == "verdict" else ""
    return cache_dir() / f"{folder}{_digest_of(request)}.json"


def _read_entry(request: dict):
    """The body stored for ``request`` if the entry is intact and answers exactly ``request``; else None."""
    path = _path(request)
    try:
        if path.stat().st_size > MAX_ENTRY_BYTES:
            _say(f"ignored {path.name}: larger than {MAX_ENTRY_BYTES} bytes")
            return None
        entry = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError) as exc:
        _say(f"ignored {path.name}: not readable as JSON ({type(exc).__name__})")
        return None
    if not isinstance(entry, dict) or set(entry) != {"format", "request", "body", "digest"}:
        _say(f"ignored {path.name}: not a cache entry")
        return None
    if entry["request"] != request or entry["format"] != FORMAT:
        _say(f"ignored {path.name}: recorded for another request")
        return None
    body = entry["body"]
    if entry["digest"] != _digest_of({"body": body}):
        _say(f"ignored {path.name}: its body does not match its digest")
        return None
    return body


def _write_entry(request: dict, body) -> None:
    from derive.errors import OutputError
    from derive.files import write_atomically

    entry = {"format": FORMAT, "request": request, "body": body, "digest": _digest_of({"body": body})}
    try:
        write_atomically(_path(request), json.dumps(entry, sort_keys=True))
    except OutputError:
        pass


# --- result reports ---------------------------------------------------------------------

_NESTED = {"claims": ClaimReport, "steps": StepReport, "oracle": OracleReport, "remarks": RemarkReport}
_SCALARS = {"str": (str,), "float": (int, float), "int": (int,), "bool": (bool,)}


def _valid(cls, data) -> bool:
    """Whether ``data`` has exactly the fields of dataclass ``cls``, each of its declared type."""
    if not isinstance(data, dict):
        return False
    fields = {f.name: f for f in dataclasses.fields(cls)}
    if set(data) != set(fields):
        return False
    for name, value in data.items():
        kind = str(fields[name].type)
        if name in _NESTED:
            nested = _NESTED[name]
            items = value if kind == "list" else [value]
            if kind == "list" and not isinstance(value, list):
                return False
            if not all(_valid(nested, item) for item in items):
                return False
        elif kind in _SCALARS:
            allowed = _SCALARS[kind]
            if isinstance(value, bool) and bool not in allowed:
                return False
            if not isinstance(value, allowed):
                return False
        elif isinstance(value, (dict, list)):
            return False
    return True


def _report_from(data: dict) -> ResultReport:
    claims = [
        ClaimReport(**{**c, "steps": [StepReport(**s) for s in c["steps"]], "oracle": OracleReport(**c["oracle"])})
        for c in data["claims"]
    ]
    remarks = [RemarkReport(**r) for r in data["remarks"]]
    return ResultReport(**{**data, "claims": claims, "remarks": remarks})


def load(result) -> ResultReport | None:
    """The stored report of ``result`` if an intact entry answers exactly this result and engine; else None."""
    request = _report_request(result)
    body = _read_entry(request) if request else None
    if body is None:
        return None
    if not _valid(ResultReport, body) or body["name"] != result.name:
        _say(f"ignored the report of {result.name}: wrong shape")
        return None
    return _report_from(body)


def store(result, report: ResultReport) -> None:
    request = _report_request(result)
    if request is not None and not report.error:
        _write_entry(request, asdict(report))


@lru_cache(maxsize=2)
def _report_entries(folder: str, modified: int) -> tuple:
    """The raw bytes of every report entry in the cache folder (read again when the folder changes)."""
    entries = []
    try:
        for path in Path(folder).glob("*.json"):
            if path.stat().st_size <= MAX_ENTRY_BYTES:
                entries.append(path.read_bytes())
    except OSError:
        pass
    return tuple(entries)


def stored_status(name: str) -> str | None:
    """The status stored for catalog result ``name`` at its current source, engine and libraries
    (``proved``, ``numeric-only`` or ``failed``), read without importing the result or SymPy;
    None when no intact entry answers it (or two disagree). Read-only: for ``--list``.

    The entry's key also hashes the declared claims, known only once the module is
    imported, so entries are matched on everything else: result, engine, library
    versions and sources.
    """
    module = CATALOG / f"{name}.py"
    if not module.is_file():
        return None
    wanted = {
        "kind": "report",
        "result": name,
        "engine": _engine_digest(),
        "versions": _versions(),
        "sources": _source_digest(module),
    }
    found = set()
    try:
        modified = cache_dir().stat().st_mtime_ns
    except OSError:
        return None
    for raw in _report_entries(str(cache_dir()), modified):
        if wanted["sources"].encode() not in raw or wanted["engine"].encode() not in raw:
            continue
        try:
            entry = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        if (
            not isinstance(entry, dict)
            or set(entry) != {"format", "request", "body", "digest"}
            or entry["format"] != FORMAT
        ):
            continue
        request, body = entry["request"], entry["body"]
        if not isinstance(request, dict) or {k: request.get(k) for k in wanted} != wanted:
            continue
        if entry["digest"] != _digest_of({"body": body}) or not _valid(ResultReport, body) or body["name"] != name:
            continue
        report = _report_from(body)
        found.add(report.symbolic_status if report.verified else "failed")
    return found.pop() if len(found) == 1 else None


# --- documentation verdicts -------------------------------------------------------------

NOTHING = "nothing"  # untagged math that states nothing: no record at all


def recall_verdict(latex: str, tag: str | None, result_name: str | None, verdicts) -> dict | str | None:
    """The stored verdict ``{"result", "verdict", "detail"}`` (or :data:`NOTHING`) for a formula; None when absent or untrustworthy.

    ``verdicts`` is the set of verdict names the checker can give; any other is rejected.
    """
    body = _read_entry(_formula_request(latex, tag, result_name))
    if body is None:
        return None
    if body == NOTHING:
        return NOTHING
    ok = (
        isinstance(body, dict)
        and set(body) == {"result", "verdict", "detail"}
        and (body["result"] is None or isinstance(body["result"], str))
        and isinstance(body["verdict"], str)
        and body["verdict"] in verdicts
        and isinstance(body["detail"], str)
    )
    if not ok:
        _say("ignored a documentation verdict: wrong shape")
        return None
    return body


def remember_verdict(latex: str, tag: str | None, result_name: str | None, body: dict | None) -> None:
    """Store a formula's verdict (``None``: the formula states nothing)."""
    _write_entry(_formula_request(latex, tag, result_name), NOTHING if body is None else body)
