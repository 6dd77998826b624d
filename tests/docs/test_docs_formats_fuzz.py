"""Fuzzing the document formats: any text gives formulas located inside it, or one line naming the file.

Generated documents mix each format's math forms, tags, directives and broken markup;
generated macro definitions and uses must expand or give a reason, within the budget.
"""

import json

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from derive.docs.formats.macros import MacroTable, read_formula  # noqa: E402
from derive.docs.scan import ScanError, scan_text  # noqa: E402


def fuzz(examples: int):
    return settings(
        max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None
    )


MATH = st.sampled_from(["a = b", "x_i", "\\frac{a}{b} = c", "\\pd{x}{y}", "{", "}", "\\\\", "&= d", "\\foo", ""])
PIECES = {
    "markdown": [
        "$",
        "$$",
        "\n",
        "\\[",
        "\\]",
        "\\(",
        "\\)",
        "`",
        "```",
        "```{math}\n",
        ":::{note}\n",
        ":::\n",
        "!!! note\n",
        "    ",
        '=== "Tab"\n',
        "<!-- derive: softmax_jacobian -->",
        "<!--",
        "-->",
        "% derive: x\n",
        "{math}`",
        "$$ {#eq-a}\n",
        "> ",
        "- ",
        "---\n",
        "\\newcommand{\\pd}[2]{#1/#2}",
        "<Tip>\n",
        "{/* derive: x */}",
        "\\\\(",
    ],
    "rst": [
        ":math:`",
        "`",
        "\n",
        "   ",
        ".. math::",
        ".. math:: ",
        ".. derive: softmax_jacobian\n",
        ".. note::\n",
        ".. toctree::\n",
        ".. only:: html\n",
        ":label: x\n",
        "\n\n",
        "Title\n=====\n",
        "* ",
        "..",
        "::",
        "|sub|",
        ".. |sub| replace:: :math:`a`\n",
        ".. include:: /etc/passwd\n",
        ".. raw:: html\n",
        ":func:`f`",
        "\\",
    ],
    "latex": [
        "$",
        "$$",
        "\\[",
        "\\]",
        "\n",
        "% derive: softmax_jacobian\n",
        "\\begin{align}",
        "\\end{align}",
        "{",
        "}",
        "\\def\\frac#1#2{#2}",
        "\\newcommand{\\pd}[2]{\\frac{#1}{#2}}",
        "\\renewcommand",
        "\\def",
        "#1",
        "\\let\\a=\\b",
        "\\input{missing}",
        "\\begin{comment}",
        "\\end{comment}",
        "\\DeclareMathOperator*{\\op}{op}",
        "\\verb|",
    ],
}


def assert_located(found, text):
    lines = max(1, text.count("\n") + 1)
    for f in found:
        assert 1 <= f.line <= lines, (f.line, lines)
        assert f.tag_line is None or 1 <= f.tag_line <= lines


def scan_or_error(text, kind, file="fuzz"):
    try:
        return scan_text(text, kind, file)
    except ScanError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(file)
        return None


@pytest.mark.parametrize("kind", sorted(PIECES))
def test_documents(kind):
    pieces = st.one_of(st.sampled_from(PIECES[kind]), MATH, st.text(max_size=12))

    @fuzz(250)
    @given(st.lists(pieces, max_size=25).map("".join))
    def run(text):
        found = scan_or_error(text, kind)
        if found is not None:
            assert_located(found, text)

    run()


@fuzz(150)
@given(
    st.lists(st.one_of(st.sampled_from(PIECES["rst"]), MATH, st.text(max_size=12)), max_size=20).map("".join),
    st.sampled_from(['"""', "r'''"]),
)
def test_python_docstrings(body, quote):
    close = quote[-3:]
    text = f"def f():\n    {quote}{body.replace(close, '')}{close}\n"
    found = scan_or_error(text, "python")
    if found is not None:
        assert_located(found, text)


@fuzz(150)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["markdown", "code", "raw"]),
            st.lists(st.one_of(st.sampled_from(PIECES["markdown"]), MATH), max_size=10).map("".join),
        ),
        max_size=6,
    )
)
def test_notebooks(cells):
    notebook = {
        "nbformat": 4,
        "nbformat_minor": 5,
        "metadata": {},
        "cells": [
            {
                "cell_type": kind,
                "id": f"c{k}",
                "metadata": {},
                "source": source,
                **({"outputs": [], "execution_count": None} if kind == "code" else {}),
            }
            for k, (kind, source) in enumerate(cells)
        ],
    }
    found = scan_or_error(json.dumps(notebook), "notebook")
    assert found is not None
    for f in found:
        assert cells[f.cell - 1][0] == "markdown"
        assert 1 <= f.line <= cells[f.cell - 1][1].count("\n") + 1


NAMES = ["\\a", "\\b", "\\frac", "\\pd"]
DEFINITIONS = st.one_of(
    st.builds(
        lambda n, k, body: f"\\newcommand{{{n}}}[{k}]{{{body}}}",
        st.sampled_from(NAMES),
        st.integers(0, 3),
        st.lists(st.sampled_from(NAMES + ["#1", "#2", "x", "{", "}", "##"]), max_size=8).map(" ".join),
    ),
    st.builds(
        lambda n, params, body: f"\\def{n}{params}{{{body}}}",
        st.sampled_from(NAMES),
        st.sampled_from(["", "#1", "#1#2", "#1.", "[#1]"]),
        st.lists(st.sampled_from(NAMES + ["#1", "x"]), max_size=6).map(" ".join),
    ),
    st.builds(lambda a, b: f"\\let{a}={b}", st.sampled_from(NAMES), st.sampled_from(NAMES)),
)


@fuzz(400)
@given(
    st.lists(DEFINITIONS, max_size=4), st.lists(st.sampled_from(NAMES + ["x", "{", "}", "[", "]", " "]), max_size=20)
)
def test_macro_expansion_ends_with_a_formula_or_a_reason(definitions, use):
    table = MacroTable()
    read_formula(" ".join(definitions), table)
    formula, reason = read_formula("".join(use) or "x", table)
    assert reason is None or (isinstance(reason, str) and "\n" not in reason)
    assert formula is None or isinstance(formula, str)
