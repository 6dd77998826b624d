"""What an installer and a user of the package see: the public names, a light import, the plugin's cost."""

import subprocess
import sys

import pytest

import derive


def test_every_public_name_resolves_and_all_is_sorted():
    assert derive.__all__ == sorted(derive.__all__)
    assert set(derive.__all__) == set(derive._HOME)
    for name in derive.__all__:
        assert getattr(derive, name) is not None, name


def test_an_unknown_name_is_an_attribute_error():
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        derive.nonsense  # noqa: B018


def _modules_after(code: str) -> set:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return set(out.split())


def test_the_pytest_plugin_imports_nothing_heavy():
    loaded = _modules_after("import pytest, derive.docs.pytest_plugin")
    assert not {"sympy", "mpmath", "numpy", "markdown_it", "latex2sympy2_extended", "derive.verify"} & loaded


def test_importing_derive_imports_no_engine_until_asked():
    assert "sympy" not in _modules_after("import derive")
    assert "sympy" in _modules_after("import derive; derive.Result")


def test_verify_is_the_function_even_after_its_module_is_imported():
    code = "import derive.verify, derive\nfrom derive import verify\nprint(callable(verify) and verify.__module__)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "derive.verify"


@pytest.mark.slow
def test_the_wheel_installs_the_catalog_inside_the_package(tmp_path):
    import shutil
    import zipfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    source = tmp_path / "source"  # a clean copy: no build/ folder left by an earlier build
    for name in ("derive", "identities"):
        shutil.copytree(root / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(root / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("derive_llm-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "derive/identities/softmax_jacobian.py" in names
    assert "derive/docs/formats/markdown.py" in names
    assert not [n for n in names if n.startswith("identities/")], (
        "a generic top-level package would shadow users' modules"
    )
    catalog = {p.stem for p in (root / "identities").glob("*.py")}
    assert {Path(n).stem for n in names if n.startswith("derive/identities/") and n.endswith(".py")} == catalog
    assert "derive/identities/references.bib" in names  # the sources the catalog cites
