import functools
import shutil

import mpmath
import pytest


@pytest.fixture(autouse=True, scope="session")
def private_verification_cache(tmp_path_factory):
    """The suite verifies for real: it starts from an empty cache of its own."""
    import os

    os.environ["DERIVE_CACHE_DIR"] = str(tmp_path_factory.mktemp("derive-cache"))
    yield


@pytest.fixture(autouse=True)
def reset_mpmath_precision():
    """Every test starts at mpmath's default precision, whatever the previous one did."""
    mpmath.mp.dps = 15
    yield
    mpmath.mp.dps = 15


@functools.cache
def catalog_report(name: str):
    """The verification report of a catalog result, computed once per test session."""
    from derive import verify
    from derive.registry import load

    return verify(load(name))


def numeric_only_steps(report) -> set:
    """(claim label, step position) of every step SymPy left numeric-only."""
    return {
        (claim.label, position)
        for claim in report.claims
        for position, step in enumerate(claim.steps)
        if step.symbolic == "numeric-only"
    }


def rejected_by_oracle(report) -> bool:
    """The claim failed, and its independent oracle is what rejected it (its counterexample names the oracle)."""
    return not report.passed and not report.oracle.passed and "oracle" in report.oracle.counterexample


def require_tex():
    """Skip without a TeX engine, except in CI, where a missing engine is a failure."""
    import os

    if shutil.which("pdflatex") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install TeX Live (see README) but pdflatex is missing")
        pytest.skip("pdflatex is not installed")
