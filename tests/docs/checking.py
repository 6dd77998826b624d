"""Checking formulas written into a Markdown page of their own, through the public API (shared by the tests)."""

from derive.docs import check_paths


def verdict(tmp_path, tag: str | None, latex: str) -> tuple[str, str]:
    """Verdict and detail of one display formula after the tag ``<!-- derive: TAG -->`` (no tag if None)."""
    path = tmp_path / "doc.md"
    comment = "" if tag is None else f"<!-- derive: {tag} -->\n"
    path.write_text(f"# doc\n\n{comment}$$\n{latex}\n$$\n", encoding="utf-8")
    records = check_paths([str(path)])
    assert len(records) == 1, records
    return records[0].verdict, records[0].detail


def assert_page_pass_and_fail(tmp_path, tag: str | None, correct: str, wrong: str) -> None:
    """On a page of its own after ``tag``, the correct formula PASSes and its wrong variant FAILs."""
    passed = verdict(tmp_path, tag, correct)
    assert passed[0] == "PASS", passed
    failed = verdict(tmp_path, tag, wrong)
    assert failed[0] == "FAIL", failed


def verdicts(tmp_path, *formulas) -> list[tuple[str, str]]:
    """Verdict and detail of each display formula of an untagged page made of ``formulas``, in order."""
    doc = tmp_path / "page.md"
    doc.write_text("".join(f"Some prose.\n\n$${f}$$\n\n" for f in formulas))
    records = check_paths([doc])
    assert [r.latex.strip() for r in records] == [f.strip() for f in formulas]
    return [(r.verdict, r.detail) for r in records]


def untagged_verdict(tmp_path, formula: str) -> tuple[str, str]:
    """Verdict and detail of one display formula alone on an untagged page (:func:`verdicts` of one formula)."""
    [(found, detail)] = verdicts(tmp_path, formula)
    return found, detail


def assert_pass_and_fail(correct: str, wrong: str, **keywords) -> None:
    """The correct formula PASSes and its wrong variant FAILs under the same tag keywords (``derive.check_formula``)."""
    from derive.docs import check_formula

    passed = check_formula(correct, **keywords)
    assert passed["verdict"] == "PASS", passed["detail"]
    failed = check_formula(wrong, **keywords)
    assert failed["verdict"] == "FAIL", failed["detail"]
