"""The catalog uses only the engine's public names: what an engine module lists in ``__all__``."""

import ast
import importlib
from pathlib import Path

import pytest

CATALOG = Path(__file__).resolve().parents[2] / "identities"


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


ENGINE = CATALOG.parent / "derive"


def catalog_knowledge(source: str, names, areas, keys) -> list[str]:
    """What ``source`` (an engine module) knows of the catalog: a result's name or a reference key as a
    string or identifier, or a collection that lists two or more of the catalog's areas (docstrings and
    comments may mention anything)."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    specific = set(names) | set(keys)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if node.value in specific:
                found.append(f"line {node.lineno}: {node.value!r}")
        elif isinstance(node, ast.Name) and node.id in specific:
            found.append(f"line {node.lineno}: {node.id}")
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in specific:
            found.append(f"line {node.lineno}: {node.name}")
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            listed = [e.value for e in node.elts if isinstance(e, ast.Constant) and e.value in areas]
            if len(listed) >= 2:
                found.append(f"line {node.lineno}: the areas {listed}")
    return found


def _catalog_facts():
    from derive.references import catalog_references
    from derive.registry import catalog_areas, catalog_names

    return catalog_names(), catalog_areas(), sorted(catalog_references())


@pytest.mark.parametrize("module", sorted(str(p.relative_to(ENGINE)) for p in ENGINE.rglob("*.py")))
def test_the_engine_names_no_result_and_holds_no_catalog_data(module):
    source = (ENGINE / module).read_text(encoding="utf-8")
    assert catalog_knowledge(source, *_catalog_facts()) == []


def test_the_engine_ships_only_code():
    assert (
        sorted(
            str(p.relative_to(ENGINE))
            for p in ENGINE.rglob("*")
            if p.is_file() and p.suffix != ".py" and "__pycache__" not in p.parts
        )
        == []
    )


@pytest.mark.parametrize(
    "source",
    [
        'FIGURE_OF = {"attention_scaling": 1}\n',  # a result's name
        "def perplexity():\n    pass\n",  # a function named like a result
        'KEYS = ["vaswani2017"]\n',  # a reference key
        'ORDER = ("Probability", "Attention")\n',  # the catalog's areas
    ],
)
def test_catalog_knowledge_in_the_engine_is_caught(source):
    assert catalog_knowledge(source, *_catalog_facts()) != []


def test_generic_engine_code_passes():
    source = '"""Mentions softmax_jacobian in a docstring."""\nWORDS = {"Attention", "logit"}\nx = result.area\n'
    assert catalog_knowledge(source, *_catalog_facts()) == []
