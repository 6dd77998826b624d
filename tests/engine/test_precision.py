"""One precision setting: every numeric evaluation, the documentation checker and the catalog's
oracles carry ``derive.numeric.WORKING_DIGITS`` digits; no module spells the number again."""

import ast
from pathlib import Path

import pytest

from derive.numeric import WORKING_DIGITS

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(
    str(path.relative_to(ROOT))
    for folder in ("derive", "identities", "bench")
    for path in (ROOT / folder).rglob("*.py")
    if path.relative_to(ROOT).as_posix() != "derive/numeric.py"
)
PRECISION_CALLS = {"workdps", "Float", "sample_points", "mpf"}


def spelled_precisions(source: str) -> list[int]:
    """Lines where ``source`` writes the working precision as a number: an argument of workdps, Float,
    sample_points or mpf, or the value of a name that says DIGITS or dps."""
    found = []
    for node in ast.walk(ast.parse(source)):
        literal = lambda value: isinstance(value, ast.Constant) and value.value == WORKING_DIGITS  # noqa: E731
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in PRECISION_CALLS and any(literal(a) for a in node.args[1:] if name != "workdps") | any(
                literal(a) for a in node.args[:1] if name == "workdps"
            ):
                found.append(node.lineno)
        elif isinstance(node, ast.Assign) and literal(node.value):
            names = [getattr(t, "id", getattr(t, "attr", "")) for t in node.targets]
            if any("DIGITS" in n.upper() or "DPS" in n.upper() for n in names):
                found.append(node.lineno)
    return found


@pytest.mark.parametrize("module", MODULES)
def test_no_module_spells_the_working_precision(module):
    assert spelled_precisions((ROOT / module).read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        f"import mpmath\nwith mpmath.workdps({WORKING_DIGITS}):\n    pass\n",
        f"x = sp.Float(y, {WORKING_DIGITS})\n",
        f"DIGITS = {WORKING_DIGITS}\n",
        f"points = domain.sample_points('seed', {WORKING_DIGITS})\n",
    ],
)
def test_a_spelled_precision_is_caught(source):
    assert spelled_precisions(source) != []


def test_the_checker_uses_the_engine_precision():
    from derive.docs import decide

    assert decide.DIGITS == WORKING_DIGITS
