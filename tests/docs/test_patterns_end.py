"""Every regular expression the engine writes as a literal ends quickly on long LaTeX that it does not match.

Python's regular-expression engine backtracks and never yields to a signal while it runs, so a pattern with
nested, ambiguous repeats (``(?:\\[A-Za-z]+[^\\]*)*``, which can split ``\\mathbb`` in as many ways as it has
letters) would hang a check past every time limit: a tag of twenty ``\\mathbb{P}`` once did. Each pattern is
tried on long runs of the pieces real tags and formulas are made of, in a child process that the test ends
(and names the pattern it was in) when it does not finish within a limit no linear pattern comes near.
"""

import ast
import multiprocessing
import re
from pathlib import Path

import pytest

import derive

PIECES = (
    r"\mathbb{P}_r, ",
    r"\mathbb{E}_{x} [f_w(x)] ",
    r"\operatorname{softmax}(x) ",
    r"\left( x \right) ",
    r"\frac{a}{b} + ",
    r"\{f_w : w \} ",
    r"\Vert x \Vert ",
    r"\sim p(z) ",
    r"\text{ and } ",
    r"\sum_{i} ",
    r"a_{i} b ",
    r"x^{2}",
    "x_1, ",
    "a = b; ",
    "abc def ",
    "of the ",
    "1.2, ",
    "((",
    "{",
    "}",
    "\\",
    "  ",
)
ENDINGS = ("", "!", "=", ";", ",", ":", "$", ")", r"\perp")
LIMIT_SECONDS = 120


def literal_patterns() -> list[tuple[str, str]]:
    """(where, pattern) for every string literal given to a function of ``re`` in the engine's source."""
    found = []
    for path in sorted(Path(derive.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.append((f"{path.name}:{node.lineno}", node.args[0].value))
    return found


def _try_all(patterns, texts, started) -> None:
    for where, pattern in patterns:
        started.send(where)
        compiled = re.compile(pattern)
        for text in texts:
            compiled.match(text)
            compiled.search(text)
    started.send(None)


def first_pattern_that_does_not_end(patterns, texts, seconds) -> str | None:
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_try_all, args=(patterns, texts, send))
    child.start()
    current = "before the first pattern"
    try:
        while receive.poll(seconds):
            current = receive.recv()
            if current is None:
                return None
        return current
    finally:
        child.kill()
        child.join()


needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")


@needs_fork
def test_every_literal_pattern_ends_on_long_latex():
    patterns = literal_patterns()
    assert len(patterns) > 100  # the scan finds the engine's patterns
    texts = [piece * 20 + ending for piece in PIECES for ending in ENDINGS]
    assert first_pattern_that_does_not_end(patterns, texts, LIMIT_SECONDS) is None


@needs_fork
def test_a_pattern_with_ambiguous_nested_repeats_is_caught():
    """The same machinery names the pattern a tag once hung on (before each command name had to end)."""
    hanging = (
        "tag_spelling.py (before)",
        r"^(?P<names>[^=:;\\]*(?:\\[A-Za-z]+[^=:;\\]*)*,[^=:;]*?)\s*\\sim\s*(?P<law>.+)$",
    )
    ending = (
        "tag_spelling.py (now)",
        r"^(?P<names>[^=:;\\]*(?:\\[A-Za-z]+(?![A-Za-z])[^=:;\\]*)*,[^=:;]*?)\s*\\sim\s*(?P<law>.+)$",
    )
    texts = [r"\mathbb{P}_r, " * 20]
    assert first_pattern_that_does_not_end([ending, hanging], texts, 5) == "tag_spelling.py (before)"
    assert first_pattern_that_does_not_end([ending], texts, 5) is None
