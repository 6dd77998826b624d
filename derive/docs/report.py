"""Checking documents and reporting one verdict per formula, as text or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from derive.docs.decide import ASSUMPTION, ERRATUM, FAIL, PASS, SKIPPED, UNKNOWN, UNPARSEABLE, Binding, Verdict, decide, out_of_bounds
from derive.docs.scan import Found, document_files, scan_file
from derive.docs.tags import TagError, parse_tag


@dataclass
class Record:
    file: str
    line: int
    latex: str
    result: str | None
    verdict: str
    detail: str

    def to_json(self) -> dict:
        return asdict(self)

    def text(self) -> str:
        name = f" [{self.result}]" if self.result else ""
        return f"{self.file}:{self.line}: {self.verdict}{name} {self.latex}\n    {self.detail}"


def _has_relation(latex: str) -> bool:
    return any(mark in latex for mark in ("=", "\\le", "\\ge", "<", ">", "\\approx", "\\equiv"))


def check_found(found: Found, use_cache: bool = False) -> Record | None:
    """The verdict on one formula found in a document; None for untagged math that states nothing.

    With ``use_cache``, a verdict already reached for the same formula, tag, checker and
    bound result (see :mod:`derive.cache`) is reused instead of evaluated again.
    """
    if not use_cache:
        return _check_found(found)
    from derive import cache

    try:
        result_name = parse_tag(found.tag).result if found.tag else None
    except (TagError, AttributeError):
        result_name = None
    stored = cache.recall_verdict(found.latex, found.tag, result_name, VERDICT_ORDER)
    if stored == cache.NOTHING:
        return None
    if stored is not None:
        return Record(found.file, found.line, found.latex, stored["result"], stored["verdict"], stored["detail"])
    record = _check_found(found)
    if record is not None and record.detail.startswith("internal error"):
        return record
    cache.remember_verdict(found.latex, found.tag, result_name, None if record is None else
                           {"result": record.result, "verdict": record.verdict, "detail": record.detail})
    return record


def _check_found(found: Found) -> Record | None:
    too_big = out_of_bounds(found.latex)   # every path, tagged or not, within the same size and depth limits
    if too_big is not None:
        return Record(found.file, found.line, found.latex, None, too_big.verdict, too_big.detail)
    if found.tag is not None:
        try:
            binding = parse_tag(found.tag)
        except TagError as exc:
            return Record(found.file, found.line, found.latex, None, UNKNOWN, f"tag on line {found.tag_line}: {exc}")
        if binding is None:
            return Record(found.file, found.line, found.latex, None, SKIPPED, "the tag says skip")
        verdict = decide(found.latex, binding)
        if binding.erratum:
            return _as_erratum(found, binding, verdict)
        if binding.assumption or binding.fails_under:
            return _as_assumption(found, binding, verdict)
        return Record(found.file, found.line, found.latex, binding.result, verdict.verdict, verdict.detail)
    if not _has_relation(found.latex):
        return None
    defined = _defined_name(found.latex)
    if defined:
        return Record(found.file, found.line, found.latex, None, SKIPPED, f"untagged definition of {defined}: nothing to check")
    verdict = decide(found.latex, Binding())
    if verdict.verdict in (PASS, FAIL):
        return Record(found.file, found.line, found.latex, None, verdict.verdict, "untagged, shared notation: " + verdict.detail)
    return Record(found.file, found.line, found.latex, None, SKIPPED, f"untagged and not decidable on its own: {verdict.detail}")


def _as_erratum(found: Found, binding: Binding, verdict: Verdict) -> Record:
    """A formula recorded as wrong: refuted is the expected outcome, holding is a failure."""
    if verdict.verdict == FAIL:
        return Record(found.file, found.line, found.latex, binding.result, ERRATUM, "refuted as recorded: " + verdict.detail)
    if verdict.verdict == PASS:
        return Record(found.file, found.line, found.latex, binding.result, FAIL,
                      "marked as an erratum, but it holds: " + verdict.detail)
    return Record(found.file, found.line, found.latex, binding.result, verdict.verdict, verdict.detail)


def _as_assumption(found: Found, binding: Binding, verdict: Verdict) -> Record:
    """A claim read under a stated assumption: the holding reading must PASS, the failing one be refuted."""
    other = f"; fails if {binding.fails_under}" if binding.fails_under else ""
    if binding.assumption:
        if verdict.verdict == PASS:
            return Record(found.file, found.line, found.latex, binding.result, ASSUMPTION,
                          f"holds if {binding.assumption}{other}: {verdict.detail}")
        if verdict.verdict == FAIL:
            return Record(found.file, found.line, found.latex, binding.result, FAIL,
                          f"recorded as holding if {binding.assumption}, but refuted: {verdict.detail}")
    else:
        if verdict.verdict == FAIL:
            return Record(found.file, found.line, found.latex, binding.result, ASSUMPTION,
                          f"fails if {binding.fails_under}: {verdict.detail}")
        if verdict.verdict == PASS:
            return Record(found.file, found.line, found.latex, binding.result, FAIL,
                          f"recorded as failing if {binding.fails_under}, but it holds: {verdict.detail}")
    return Record(found.file, found.line, found.latex, binding.result, verdict.verdict, verdict.detail)


def check_paths(paths, use_cache: bool = False) -> list[Record]:
    records = []
    for path in document_files(paths):
        for found in scan_file(path):
            record = check_found(found, use_cache)
            if record is not None:
                records.append(record)
    return records


def exit_status(records, strict: bool = False) -> int:
    verdicts = {r.verdict for r in records}
    if FAIL in verdicts:
        return 1
    if strict and verdicts & {UNPARSEABLE, UNKNOWN}:
        return 1
    return 0


VERDICT_ORDER = (PASS, ERRATUM, ASSUMPTION, FAIL, UNPARSEABLE, UNKNOWN, SKIPPED)   # every verdict the checker gives, as summaries list them


def summary(records) -> str:
    counts = {}
    for r in records:
        counts[r.verdict] = counts.get(r.verdict, 0) + 1
    return f"{len(records)} formulas: " + ", ".join(f"{counts[v]} {v}" for v in VERDICT_ORDER if v in counts) if records else "no formulas found"


def render_json(records) -> str:
    return json.dumps([r.to_json() for r in records], indent=2, ensure_ascii=False)


def _defined_name(latex: str) -> str | None:
    """The name an untagged ``name = ...`` defines (a bare symbol on the left), or None."""
    from derive.docs.interpret import Atom, rewrite_chain

    try:
        sides, relations, _ = rewrite_chain(latex)
    except Exception:
        return None
    if not relations or relations[0] != "=":
        return None
    table = sides[0].table
    text = sides[0].text.strip()
    key = text.replace("{", "").replace("}", "").strip()
    node = table.get(key)
    if isinstance(node, Atom) and node.args is None and not node.transpose:
        return node.key + (f"_{node.sub_text}" if node.sub_text else "")
    return None
