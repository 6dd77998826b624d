"""Checking the formulas of documentation against the catalog, the way doctest checks code.

Pipeline, one module per stage: :mod:`~derive.docs.scan` (find math and tags, with
file:line) → :mod:`~derive.docs.parse` (the LaTeX grammar) →
:mod:`~derive.docs.interpret` (the notation of LLM mathematics) →
:mod:`~derive.docs.bind` (to a result's symbols and domain) →
:mod:`~derive.docs.decide` (symbolic if cheap, numeric on the domain) →
:mod:`~derive.docs.report`.
"""

from __future__ import annotations


def check_formula(
    latex: str,
    result: str | None = None,
    symbols: dict | None = None,
    kinds: dict | None = None,
    log_base: str = "e",
    clauses: str = "",
) -> dict:
    """The verdict on one formula: {"latex", "result", "verdict", "detail", "evidence"}.

    ``symbols`` rebinds names (``{"s": r"\\operatorname{softmax}(z)"}``), ``kinds``
    declares extra symbols (``{"A": "real"}``), as a tag would; ``clauses`` are more
    tag clauses, written as in a tag (``"one-hot target; H in bits"``, see
    :mod:`derive.docs.tags`).
    """
    from derive.docs.decide import Binding, decide

    binding = Binding(result, dict(symbols or {}), dict(kinds or {}), log_base)
    if clauses.strip():
        from derive.docs.tags import TagError, parse_tag

        try:
            read = parse_tag(clauses if clauses.lstrip().startswith(";") else "; " + clauses)
        except TagError as exc:
            from derive.docs.decide import UNKNOWN

            return {"latex": latex, "result": result, "verdict": UNKNOWN, "detail": f"tag: {exc}", "evidence": ""}
        binding.overrides.update(read.overrides)
        binding.kinds.update(read.kinds)
        binding.clauses = read.clauses
        binding.conditions = read.conditions  # T_{cur} < T_{max}, t \le T: points where they fail are set aside
        binding.log_base = read.log_base if read.log_base != "e" else log_base
    if result is not None:
        from derive.registry import catalog_names

        if result not in catalog_names():
            from derive.docs.decide import UNKNOWN

            return {
                "latex": latex,
                "result": result,
                "verdict": UNKNOWN,
                "detail": f"no result named {result!r}",
                "evidence": "",
            }
    verdict = decide(latex, binding)
    return {
        "latex": latex,
        "result": result,
        "verdict": verdict.verdict,
        "detail": verdict.detail,
        "evidence": verdict.evidence,
    }


def check_paths(paths):
    """Records (file, line, latex, result, verdict, detail) for every formula under ``paths``."""
    from derive.docs.report import check_paths as run

    return run(paths)
