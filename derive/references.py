"""The bibliography: the original sources results cite, by key.

The catalog's sources come from the BibTeX file it ships; a user's own from a BibTeX file
(:func:`use_bibtex`, ``--bib refs.bib``), read by a small parser that takes the
fields a reference list shows (author, title, journal/booktitle/publisher, year) and
never evaluates anything. A key in the user's file takes precedence over the catalog's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from derive.errors import DefinitionError, ResultModuleError


@dataclass(frozen=True)
class Reference:
    key: str
    authors: str
    year: int
    title: str
    venue: str

    def latex(self) -> str:
        return rf"{self.authors}. \emph{{{self.title}}}. {self.venue}, {self.year}."

    def short(self) -> str:
        """``Shannon 1948``, ``Bradley and Terry 1952``, ``Vaswani et al. 2017``."""
        names = [part.strip() for chunk in self.authors.split(",") for part in chunk.split(" and ") if part.strip()]
        surnames = [name.split()[-1] for name in names]
        if len(surnames) == 1:
            return f"{surnames[0]} {self.year}"
        if len(surnames) == 2:
            return f"{surnames[0]} and {surnames[1]} {self.year}"
        return f"{surnames[0]} et al. {self.year}"


_USER: dict[str, Reference] = {}


@functools.cache
def catalog_references() -> dict[str, Reference]:
    """The sources the catalog cites, from the BibTeX file the catalog ships."""
    from derive.registry import catalog_bibliography

    return read_bibtex(catalog_bibliography())


def reference(key: str) -> Reference:
    found = _USER.get(key) or catalog_references().get(key)
    if found is None:
        source = (
            "the BibTeX file given with --bib" if _USER else "the catalog's sources; give your own with --bib refs.bib"
        )
        raise DefinitionError(f"unknown reference {key!r}: not in {source}")
    return found


def _bibtex_entries(text: str, where: str):
    """(type, key, {field: value}) for each ``@type{key, field = {…} | "…" | 123, …}`` in ``text``."""
    position = 0
    while True:
        start = re.compile(r"@\s*(\w+)\s*\{", re.ASCII).search(text, position)
        if not start:
            return
        kind = start.group(1).lower()
        depth, end = 1, start.end()
        while depth and end < len(text):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        if depth:
            line = text.count("\n", 0, start.start()) + 1
            raise ResultModuleError(f"{where}:{line}: the @{kind} entry is not closed (a '}}' is missing)")
        body, position = text[start.end() : end - 1], end
        if kind in ("comment", "preamble", "string"):
            continue
        key, _, rest = body.partition(",")
        yield kind, key.strip(), dict(_bibtex_fields(rest, where, text.count("\n", 0, start.start()) + 1))


def _bibtex_fields(rest: str, where: str, line: int):
    position = 0
    pattern = re.compile(r"\s*,?\s*(\w[\w-]*)\s*=\s*", re.ASCII)
    while position < len(rest.rstrip().rstrip(",")):
        match = pattern.match(rest, position)
        if not match:
            raise ResultModuleError(
                f"{where}:{line}: cannot read the fields of this entry near {rest[position : position + 30].strip()!r}"
            )
        name, position = match.group(1).lower(), match.end()
        opener = rest[position : position + 1]
        if opener == "{":
            depth, end = 1, position + 1
            while depth and end < len(rest):
                depth += {"{": 1, "}": -1}.get(rest[end], 0)
                end += 1
            value, position = rest[position + 1 : end - 1], end
        elif opener == '"':
            end = rest.find('"', position + 1)
            if end < 0:
                raise ResultModuleError(f"{where}:{line}: field {name} opens a quote it does not close")
            value, position = rest[position + 1 : end], end + 1
        else:
            bare = re.compile(r"[\w.-]+", re.ASCII).match(rest, position)
            if not bare:
                raise ResultModuleError(f"{where}:{line}: field {name} has no value")
            value, position = bare.group(0), bare.end()
        yield name, " ".join(value.split())


def _person(name: str) -> str:
    """``Vaswani, Ashish`` → ``Ashish Vaswani``."""
    last, comma, first = name.partition(",")
    return f"{first.strip()} {last.strip()}".strip() if comma else name.strip()


def _publisher(fields: dict) -> str:
    """``4th edition, Johns Hopkins University Press, Baltimore`` from publisher, edition and address."""
    if not fields.get("publisher"):
        return ""
    edition = f"{fields['edition']} edition, " if fields.get("edition") else ""
    address = f", {fields['address']}" if fields.get("address") else ""
    return edition + fields["publisher"] + address


def from_bibtex(key: str, fields: dict, where: str) -> Reference:
    """A :class:`Reference` from one BibTeX entry's fields."""
    for needed in ("title", "year"):
        if needed not in fields:
            raise ResultModuleError(
                f"{where}: entry {key!r} has no {needed} field; a reference needs author, title and year"
            )
    people = [
        _person(name) for name in re.split(r"\s+and\s+", fields.get("author") or fields.get("editor") or "Anonymous")
    ]
    authors = people[0] if len(people) == 1 else ", ".join(people[:-1]) + " and " + people[-1]
    venue = fields.get("journal") or fields.get("booktitle") or _publisher(fields)
    venue = (
        venue
        or fields.get("howpublished")
        or fields.get("school")
        or fields.get("institution")
        or fields.get("note")
        or ""
    )
    if fields.get("volume"):
        venue += " " + fields["volume"] + (f"({fields['number']})" if fields.get("number") else "")
    if fields.get("pages"):
        venue += ":" + fields["pages"]
    year = re.search(r"\d{4}", fields["year"])
    if not year:
        raise ResultModuleError(f"{where}: entry {key!r} has year {fields['year']!r}; give a four-digit year")
    return Reference(key, authors, int(year.group(0)), fields["title"].strip("{}"), venue.strip() or "unpublished")


def read_bibtex(path) -> dict[str, Reference]:
    """Every entry of the BibTeX file at ``path``, by key."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ResultModuleError(
            f"cannot read the BibTeX file {path}: {getattr(exc, 'strerror', None) or exc}"
        ) from None
    entries = {key: from_bibtex(key, fields, str(path)) for _, key, fields in _bibtex_entries(text, str(path))}
    if not entries:
        raise ResultModuleError(f"{path} holds no BibTeX entry (@article{{key, ...}})")
    return entries


def use_bibtex(paths) -> None:
    """Make the entries of these BibTeX files citable (replacing any given before)."""
    _USER.clear()
    for path in paths:
        _USER.update(read_bibtex(path))
