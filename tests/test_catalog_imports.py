"""The catalog uses only the engine's public names: what an engine module lists in ``__all__``."""

import ast
import importlib
from pathlib import Path

import pytest

CATALOG = Path(__file__).resolve().parent.parent / "identities"


def non_public_engine_imports(source: str) -> list[str]:
    """``module.name`` for every name ``source`` imports from the engine that is private or not in the module's ``__all__``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            continue
        if node.module != "derive" and not node.module.startswith("derive."):
            continue
        if node.module.startswith("derive.identities."):  # a result using another result, not the engine
            continue
        public = getattr(importlib.import_module(node.module), "__all__", ())
        found += [
            f"{node.module}.{alias.name}"
            for alias in node.names
            if alias.name.startswith("_") or alias.name not in public
        ]
    return found


@pytest.mark.parametrize("module", sorted(path.stem for path in CATALOG.glob("*.py")))
def test_catalog_module_imports_only_public_engine_names(module):
    source = (CATALOG / f"{module}.py").read_text(encoding="utf-8")
    assert non_public_engine_imports(source) == []


def test_a_private_name_is_caught():
    assert non_public_engine_imports("from derive.domain import Point, _uniform\n") == ["derive.domain._uniform"]


def test_a_name_missing_from_all_is_caught():
    # RANDOM_BITS is a module constant of the engine, not part of what it offers the catalog
    assert non_public_engine_imports("from derive.domain import RANDOM_BITS\n") == ["derive.domain.RANDOM_BITS"]


def test_public_names_and_other_packages_pass():
    source = "import sympy as sp\nfrom derive.domain import uniform\nfrom derive.notation import over\nfrom derive.identities.x import _y\n"
    assert non_public_engine_imports(source) == []
