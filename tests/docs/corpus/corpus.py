"""Reading the corpus of quoted formulas: sources and formulas from the TOML files beside this module.

A formula entry either names its ``source`` (a quoted formula, true or a mistake of the source)
or names, with ``of``, the quoted formula it is a written variant of; a variant inherits the
source, locator, topic, notation and tag of its original unless it states its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tomllib

HERE = Path(__file__).parent
LABELS = ("true", "wrong")


@dataclass(frozen=True)
class Entry:
    id: str
    source: str
    at: str
    topic: str
    notation: str
    latex: str
    tag: str
    label: str  # "true" or "wrong"
    origin: str  # "quoted" (as the source wrote it), "restated" (the source's numbers in one formula) or "variant"
    of: str | None
    note: str  # the mistake (for a wrong quoted formula) or the change (for a variant)


class CorpusError(ValueError):
    """An entry of the corpus files that cannot be read."""


def load(directory: Path = HERE) -> tuple[dict, list[Entry]]:
    """(sources by id, formula entries in file order) from every ``*.toml`` file of ``directory``."""
    sources, raw = {}, []
    for path in sorted(directory.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for source in data.get("source", []):
            if source["id"] in sources:
                raise CorpusError(f"{path.name}: source {source['id']} declared twice")
            sources[source["id"]] = source
        raw.extend((path.name, f) for f in data.get("formula", []))
    by_id, entries = {}, []
    for name, f in raw:
        fid = f.get("id")
        if not fid or fid in by_id:
            raise CorpusError(f"{name}: formula id {fid!r} missing or repeated")
        base = by_id.get(f["of"]) if "of" in f else None
        if "of" in f and base is None:
            raise CorpusError(f"{name}: {fid} is a variant of {f['of']}, which is not declared before it")
        if f.get("label") not in LABELS:
            raise CorpusError(f"{name}: {fid} has label {f.get('label')!r}; write one of {LABELS}")
        source = _field(f, base, "source", name)
        if source not in sources:
            raise CorpusError(f"{name}: {fid} names an undeclared source {source!r}")
        origin = "variant" if base is not None else f.get("form", "quoted")
        at, topic, notation, tag = (_field(f, base, key, name) for key in ("at", "topic", "notation", "tag"))
        entry = Entry(
            fid,
            source,
            at,
            topic,
            notation,
            f["latex"],
            tag,
            f["label"],
            origin,
            f.get("of"),
            f.get("mistake", f.get("change", "")),
        )
        if base is None and entry.label == "wrong" and not entry.note:
            raise CorpusError(
                f"{name}: {fid} records a mistake of its source but does not say what it is (mistake = ...)"
            )
        by_id[fid] = entry
        entries.append(entry)
    return sources, entries


def _field(f: dict, base: Entry | None, key: str, file_name: str):
    """A formula's field, inherited from the original it is a variant of when it does not give its own."""
    if key in f:
        return f[key]
    if base is not None:
        return getattr(base, key)
    raise CorpusError(f"{file_name}: {f['id']} has no {key}")
