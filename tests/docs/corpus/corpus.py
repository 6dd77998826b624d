"""Reading the corpus of quoted formulas: sources and formulas from the TOML files beside this module.

A formula entry either names its ``source`` (a quoted formula, true or a mistake of the source)
or names, with ``of``, the quoted formula it is a written variant of; a variant inherits the
source, locator, topic, notation and tag of its original unless it states its own.

A ``[[site]]`` table quotes, verbatim, the settings files of a documentation site that define
macros its pages use (``files``: relative path -> text); a source on that site names it with
``site`` and may give ``page_head``, the text its page begins with (front matter, the page's own
macro definitions). The scorer writes each such formula's page inside a copy of its site, so the
formula is read as ``derive check`` reads it on the real tree.
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
    site: tuple = ()  # (relative path, text) of each settings file of the source's site
    page_head: str = ""  # what the source's page writes before its formulas (front matter, macros)


class CorpusError(ValueError):
    """An entry of the corpus files that cannot be read."""


def load(directory: Path = HERE) -> tuple[dict, list[Entry]]:
    """(sources by id, formula entries in file order) from every ``*.toml`` file of ``directory``."""
    sources, sites, raw = {}, {}, []
    for path in sorted(directory.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for site in data.get("site", []):
            if site["id"] in sites:
                raise CorpusError(f"{path.name}: site {site['id']} declared twice")
            files = site.get("files", {})
            if not files or any(Path(name).is_absolute() or ".." in Path(name).parts for name in files):
                raise CorpusError(f"{path.name}: site {site['id']} needs files at relative paths inside it")
            sites[site["id"]] = tuple(sorted(files.items()))
        for source in data.get("source", []):
            if source["id"] in sources:
                raise CorpusError(f"{path.name}: source {source['id']} declared twice")
            if "site" in source and source["site"] not in sites:
                raise CorpusError(f"{path.name}: source {source['id']} names an undeclared site {source['site']!r}")
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
            sites.get(sources[source].get("site"), ()),
            sources[source].get("page_head", ""),
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
