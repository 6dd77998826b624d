"""Fuzzing the cache: whatever bytes sit where an entry should be, reading gives the genuine
entry or nothing: never a forged verdict, never an exception.

Generated files: random bytes, random JSON, and genuine entries with one value replaced
(the body, the request, the digest, the format). 6,000 cases, derandomized.
"""

import json
from dataclasses import asdict

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from derive import cache  # noqa: E402
from derive.report import ClaimReport, OracleReport, ResultReport, StepReport  # noqa: E402

pytestmark = pytest.mark.slow

VERDICTS = ("PASS", "FAIL", "UNPARSEABLE", "UNKNOWN", "SKIPPED", "ERRATUM")
GENUINE = {"result": "softmax_jacobian", "verdict": "FAIL", "detail": "at z = (1, 2): 0.1 against 0.2"}


class _Result:
    """Just what the cache reads of a result: its name, its module file, its claims."""

    name = "softmax_jacobian"
    claims = ()

    def __init__(self, module_file):
        self.module_file = module_file


def _report() -> ResultReport:
    step = StepReport("quotient rule", "=", "proved", "simplify", 0.0, 24)
    claim = ClaimReport("a", "=", "", [step], OracleReport(True, 1e-60, 24, 50), 48)
    return ResultReport("softmax_jacobian", "Jacobian of the softmax", [claim], [], 0.5, 60, 50)


def fuzz(examples: int):
    return settings(
        max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None
    )


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(VERDICTS),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DERIVE_CACHE_DIR", str(path))
        yield path


def _verdict_file(folder):
    cache.remember_verdict("a = b", "softmax_jacobian", "softmax_jacobian", GENUINE)
    [entry] = (folder / "formula").glob("*.json")
    return entry


def _mutated(entry: dict, where: str, value):
    changed = json.loads(json.dumps(entry))
    if where == "body" and isinstance(changed["body"], dict):
        key = sorted(changed["body"])[sum(json.dumps(value, sort_keys=True).encode()) % len(changed["body"])]
        changed["body"][key] = value
    else:
        changed[where] = value
    return changed


@fuzz(2000)
@given(st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_as_a_verdict_entry(folder, data):
    entry = _verdict_file(folder)
    entry.write_bytes(data)
    assert cache.recall_verdict("a = b", "softmax_jacobian", "softmax_jacobian", VERDICTS) is None


@fuzz(2000)
@given(st.sampled_from(["body", "request", "digest", "format"]), json_values)
def test_a_genuine_verdict_entry_with_one_value_replaced(folder, where, value):
    entry = _verdict_file(folder)
    genuine = json.loads(entry.read_text())
    changed = _mutated(genuine, where, value)
    entry.write_text(json.dumps(changed))
    recalled = cache.recall_verdict("a = b", "softmax_jacobian", "softmax_jacobian", VERDICTS)
    assert recalled is None or (changed == genuine and recalled == GENUINE)


@fuzz(2000)
@given(st.sampled_from(["body", "request", "digest", "format"]), json_values)
def test_a_genuine_report_entry_with_one_value_replaced(folder, tmp_path_factory, where, value):
    module = folder / "softmax_jacobian.py"
    module.write_text("# a result module\n")
    result = _Result(str(module))
    cache.store(result, _report())
    [entry] = [p for p in folder.glob("*.json")]
    genuine = json.loads(entry.read_text())
    changed = _mutated(genuine, where, value)
    entry.write_text(json.dumps(changed))
    loaded = cache.load(result)
    assert loaded is None or (changed == genuine and asdict(loaded) == asdict(_report()))
    entry.unlink()
