"""Scoring the documentation checker on the corpus, through its public API.

Every formula is written into a Markdown document of its own (so that nothing one formula
defines can change the reading of another), once with the tag an author would write before it
and once bare, and ``derive.docs.check_paths`` checks the two folders. ``python
tests/docs/corpus/score.py`` prints the score table and the reasons for the undecided formulas.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import tempfile
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import Entry, load  # noqa: E402

RUNS = ("tagged", "untagged")
ORDER = ("PASS", "FAIL", "ERRATUM", "UNKNOWN", "UNPARSEABLE", "SKIPPED")


def document(entry: Entry, tagged: bool) -> str:
    tag = f"<!-- derive: {entry.tag} -->\n" if tagged else ""
    head = f"{entry.page_head.rstrip()}\n\n" if entry.page_head else ""
    return f"{head}# {entry.id}\n\n{tag}$$\n{entry.latex}\n$$\n"


def page_folder(folder: Path, entry: Entry) -> Path:
    """Where the formula's page goes: inside a copy of its source's site settings, when it has a site."""
    if not entry.site:
        return folder
    where = folder / entry.source
    if not where.is_dir():
        for name, text in entry.site:
            (where / name).parent.mkdir(parents=True, exist_ok=True)
            (where / name).write_text(text, encoding="utf-8")
    return where


def verdicts(entries: list[Entry], tagged: bool, workdir: Path) -> dict[str, tuple[str, str]]:
    """id -> (verdict, detail); a formula the checker reports nothing for is SKIPPED."""
    from derive.docs import check_paths

    folder = workdir / ("tagged" if tagged else "untagged")
    folder.mkdir(parents=True, exist_ok=True)
    names = {}
    for number, entry in enumerate(entries):
        path = page_folder(folder, entry) / f"f{number:04d}.md"
        path.write_text(document(entry, tagged), encoding="utf-8")
        names[path.name] = entry.id
    found: dict[str, list] = {}
    for record in check_paths([str(folder)]):
        if Path(record.file).name in names:  # not a formula of a site's settings file
            found.setdefault(names[Path(record.file).name], []).append(record)
    out = {}
    for entry in entries:
        records = found.get(entry.id, [])
        if not records:
            out[entry.id] = ("SKIPPED", "the checker reports nothing for it (no claim recognised)")
            continue
        worst = min(
            records,
            key=lambda r: (
                (ORDER.index("FAIL") if r.verdict == "FAIL" else 0)
                if r.verdict == "FAIL"
                else 1 + ORDER.index(r.verdict)
                if r.verdict != "PASS"
                else 99
            ),
        )
        out[entry.id] = (worst.verdict, worst.detail)
    return out


def outcome(entry: Entry, verdict: str) -> str:
    """decided (correctly), false alarm, false pass, or the verdict that leaves it undecided."""
    if verdict == "PASS":
        return "decided" if entry.label == "true" else "false pass"
    if verdict in ("FAIL", "ERRATUM"):
        return "decided" if entry.label == "wrong" else "false alarm"
    return verdict


def _verdicts_in_own_folder(entries: list[Entry], tagged: bool) -> dict[str, tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        return verdicts(entries, tagged, Path(tmp))


def score_all(entries: list[Entry] | None = None, jobs: int | None = None) -> dict[str, dict[str, tuple[str, str]]]:
    """Each run's verdicts, the formulas shared among ``jobs`` processes (every core by default).

    Each formula is a document of its own, so how they are shared changes no verdict.
    """
    if entries is None:
        entries = load()[1]
    jobs = jobs or os.cpu_count() or 1
    chunks = [entries[k::jobs] for k in range(jobs) if entries[k::jobs]]
    tasks = [(run, chunk) for run in RUNS for chunk in chunks]
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        found = [_verdicts_in_own_folder(chunk, run == "tagged") for run, chunk in tasks]
    else:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            found = list(pool.map(_verdicts_in_own_folder, [c for _, c in tasks], [r == "tagged" for r, _ in tasks]))
    results: dict[str, dict[str, tuple[str, str]]] = {run: {} for run in RUNS}
    for (run, _), part in zip(tasks, found):
        results[run].update(part)
    return {run: {e.id: results[run][e.id] for e in entries} for run in RUNS}


def table(entries: list[Entry], results) -> str:
    lines = [
        "| run | formulas | decided correctly | UNKNOWN | UNPARSEABLE | SKIPPED | false alarms | false passes | true PASS | wrong FAIL |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    n_true = sum(e.label == "true" for e in entries)
    n_wrong = len(entries) - n_true
    for run in RUNS:
        c = Counter(outcome(e, results[run][e.id][0]) for e in entries)
        true_pass = sum(e.label == "true" and results[run][e.id][0] == "PASS" for e in entries)
        wrong_fail = sum(e.label == "wrong" and results[run][e.id][0] in ("FAIL", "ERRATUM") for e in entries)
        lines.append(
            f"| {run} | {len(entries)} | {c['decided']} | {c['UNKNOWN']} | {c['UNPARSEABLE']} | {c['SKIPPED']} | "
            f"{c['false alarm']} | {c['false pass']} | {true_pass} of {n_true} | {wrong_fail} of {n_wrong} |"
        )
    return "\n".join(lines)


def reason_key(detail: str) -> str:
    """A reason with its particular names blanked, so that the same limitation groups together."""
    detail = re.sub(r"^untagged and not decidable on its own: ", "", detail)
    detail = re.sub(r"^untagged, shared notation: ", "", detail)
    detail = re.sub(r"'[^']*'", "'…'", detail)
    detail = re.sub(r"^\S+ is not bound: no definition before it", "NAME is not bound: no definition before it", detail)
    detail = re.sub(r"^untagged definition of (the function )?\S+:", r"untagged definition of \1NAME:", detail)
    detail = re.sub(r"unknown kind '…' for \S+;", "unknown kind '…' for NAME;", detail)
    detail = re.sub(r"^'…' is not bound: \S+ has no symbol", "'…' is not bound: the named result has no symbol", detail)
    detail = re.sub(r"defines \S+ in terms of itself", "defines NAME in terms of itself", detail)
    detail = re.sub(r"construct Y_\{\d+\} \(.*", "construct Y_{k} (an applied subscript)", detail)
    detail = re.sub(r"never closed at character \d+", "never closed at character N", detail)
    detail = re.sub(r"^the formula fails at .*", "the formula fails at ...", detail)
    return detail[:110]


def reasons(entries, results, run: str) -> list[tuple[int, str, list[str]]]:
    """(count, reason, example ids) for the formulas left undecided, the most common reason first."""
    groups: dict[str, list[str]] = {}
    for e in entries:
        if outcome(e, results[run][e.id][0]) in ("UNKNOWN", "UNPARSEABLE", "SKIPPED"):
            groups.setdefault(reason_key(results[run][e.id][1]), []).append(e.id)
    return sorted(((len(ids), k, ids) for k, ids in groups.items()), key=lambda t: (-t[0], t[1]))


def main() -> None:
    sources, entries = load()
    results = score_all(entries)
    print(
        f"{len(entries)} formulas from {len(sources)} documents "
        f"({sum(e.label == 'true' for e in entries)} true, {sum(e.label == 'wrong' for e in entries)} wrong)\n"
    )
    print(table(entries, results))
    for run in RUNS:
        print(f"\n## {run}: false alarms and false passes")
        for e in entries:
            v, detail = results[run][e.id]
            if outcome(e, v) in ("false alarm", "false pass"):
                print(f"- {e.id} ({outcome(e, v)}): `{e.latex}` [tag: {e.tag}] -- {detail}")
        print(f"\n## {run}: why undecided")
        for n, k, ids in reasons(entries, results, run):
            print(f"- {n} x {k} (e.g. {', '.join(ids[:3])})")
        unbound = Counter(
            m.group(1)
            for e in entries
            for m in [
                re.match(
                    r"(?:untagged and not decidable on its own: )?'?([^' ]+)'? is not bound", results[run][e.id][1]
                )
            ]
            if m
        )
        if unbound:
            print("  names not bound: " + ", ".join(f"{name} ({n})" for name, n in unbound.most_common(25)))


if __name__ == "__main__":
    main()
