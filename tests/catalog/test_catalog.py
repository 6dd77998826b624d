"""Whole-catalog checks: every result verifies, and names agree everywhere."""

from pathlib import Path

import pytest
from conftest import catalog_report

from derive.references import catalog_references
from derive.registry import catalog_areas, catalog_names, load

ROOT = Path(__file__).resolve().parents[2]
NAMES = catalog_names()


def test_catalog_is_every_module_in_identities():
    files = sorted(p.stem for p in (ROOT / "identities").glob("*.py") if not p.stem.startswith("_"))
    assert NAMES == files
    assert len(NAMES) >= 7


@pytest.mark.parametrize("name", NAMES)
def test_result_verifies(name):
    report = catalog_report(name)
    assert report.verified, report.to_json()


@pytest.mark.parametrize("name", NAMES)
def test_result_metadata_is_complete(name):
    result = load(name)
    assert result.name == name
    assert result.summary.endswith("."), "the docstring's first line states the result in one sentence"
    assert result.area in catalog_areas()
    assert all(key in catalog_references() for key in result.references)
    assert all(used in NAMES for used in result.uses)
    assert result.references, "every result cites its original source"


@pytest.mark.parametrize("name", NAMES)
def test_every_claim_has_an_oracle(name):
    assert all(claim.oracle is not None for claim in load(name).claims)
