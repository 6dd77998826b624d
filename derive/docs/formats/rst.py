r"""Formulas in reStructuredText (``.rst``; Sphinx projects), parsed by docutils.

Math: the ``.. math::`` directive (each blank-line-separated block is one display;
Sphinx's ``:label:``, ``:nowrap:`` options accepted) and the ``:math:`` role. A tag
is the comment ``.. derive: NAME; ...`` just before a formula.

Sphinx's own directives and roles are not docutils', so a Sphinx page would make
docutils report errors: the directives Sphinx and its common extensions define are
known here (those that hold prose have their body read, those that hold code are
left alone), any other unknown directive has its body read as reStructuredText, and
unknown roles are tolerated. docutils never writes to stderr, reads no
configuration file, and does not follow ``.. include::`` or raw directives.
"""

from __future__ import annotations

import contextlib
import io

from docutils import nodes
from docutils.parsers.rst import Directive, directives, roles
from docutils.parsers.rst.directives.body import MathBlock

from derive.docs.formats.common import (
    Found,
    ScanError,
    add_formula,
    formulas_of_block,
    strip_math_environment,
    tag_of_comment,
)
from derive.docs.formats.macros import MacroTable

CODE_DIRECTIVES = {
    "code-block",
    "sourcecode",
    "highlight",
    "literalinclude",
    "testcode",
    "testsetup",
    "testcleanup",
    "testoutput",
    "doctest",
    "jupyter-execute",
    "ipython",
    "plot",
    "autofunction",
    "automodule",
    "autoclass",
    "automethod",
    "autoattribute",
    "autodata",
    "autoexception",
    "autosummary",
    "autoproperty",
    "toctree",
    "graphviz",
    "digraph",
    "inheritance-diagram",
    "mermaid",
    "tabularcolumns",
    "index",
    "currentmodule",
    "module",
    "codeauthor",
    "sectionauthor",
    "moduleauthor",
    "productionlist",
    "default-domain",
    "bibliography",
    "program",
    "option",
    "envvar",
    "cmdoption",
    "highlightlang",
    "literal",
    "code-cell",
    "nbinput",
    "nboutput",
}
PROSE_DIRECTIVES = {
    "only",
    "versionadded",
    "versionchanged",
    "deprecated",
    "versionremoved",
    "seealso",
    "centered",
    "hlist",
    "glossary",
    "function",
    "class",
    "method",
    "attribute",
    "data",
    "exception",
    "decorator",
    "staticmethod",
    "classmethod",
    "property",
    "describe",
    "object",
    "tab",
    "tabs",
    "tab-set",
    "tab-item",
    "group-tab",
    "dropdown",
    "card",
    "grid",
    "grid-item",
    "grid-item-card",
    "margin",
    "sidebar",
    "proof",
    "theorem",
    "lemma",
    "definition",
    "prf:theorem",
    "prf:lemma",
    "prf:definition",
    "prf:proof",
    "prf:example",
    "prf:remark",
    "exercise",
    "solution",
}
PARSER_SETTINGS = {
    "report_level": 5,
    "halt_level": 5,
    "warning_stream": None,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "_disable_config": True,
    "input_encoding": "unicode",
    "traceback": True,
    "syntax_highlight": "none",
    "character_level_inline_markup": False,
    "smart_quotes": False,
    "pep_references": False,
    "rfc_references": False,
    "line_length_limit": 100_000,
}


class _Math(MathBlock):
    """``.. math::`` recording each block with the line of its first line (Sphinx's options accepted)."""

    option_spec = dict(
        MathBlock.option_spec, label=directives.unchanged, nowrap=directives.flag, number=directives.unchanged
    )

    def run(self):
        events = self.state.document.derive_events
        if self.arguments and self.arguments[0]:
            events.append(("math", self.lineno, self.arguments[0]))
        block, first = [], None
        for k, text in enumerate(list(self.content) + [""]):
            if text.strip():
                if first is None:
                    first = self.content.items[k][1] + 1
                block.append(text)
            elif block:
                events.append(("math", first, "\n".join(block)))
                block, first = [], None
        return []


def _math_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    from docutils.utils import unescape

    inliner.document.derive_events.append(("role", lineno, rawtext, unescape(text, True)))
    return [nodes.math(rawtext, text)], []


def _tolerant_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [nodes.literal(rawtext, text)], []


class _Prose(Directive):
    """A directive whose body is prose (read as reStructuredText for its math)."""

    has_content = True
    optional_arguments = 10
    final_argument_whitespace = True
    option_spec = None

    def run(self):
        holder = nodes.container()
        heading = " ".join(self.arguments)
        if ":math:" in heading:  # e.g. versionadded's text after the version, which Sphinx reads inline
            holder.extend(self.state.inline_text(heading, self.lineno)[0])
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, holder)
        return [holder]


class _Code(Directive):
    """A directive whose body is code or configuration: not read."""

    has_content = True
    optional_arguments = 10
    final_argument_whitespace = True
    option_spec = None

    def run(self):
        return []


# an option_spec of None makes docutils reject options; these accept any
class _AnyOptions(dict):
    def __getitem__(self, key):
        return directives.unchanged

    def __contains__(self, key):
        return True


_Prose.option_spec = _AnyOptions()
_Code.option_spec = _AnyOptions()


@contextlib.contextmanager
def _sphinx_vocabulary(default_role: str | None = None):
    """docutils' registries with math recorded and Sphinx's directives and roles known, for one parse.

    docutils keeps the default role (``.. default-role::``, Sphinx's ``default_role``)
    in its module-level role table; it is set for this parse and put back after it.
    """
    saved_directive, saved_role_lookup = directives.directive, roles.role
    saved_default = roles._roles.get("")
    if default_role == "math":
        roles._roles[""] = _math_role

    def directive(name, language, document):
        if name == "math":
            return _Math, []
        if (
            name in CODE_DIRECTIVES
            or name.startswith(("auto", "py:", "c:", "cpp:", "js:", "std:"))
            and name not in PROSE_DIRECTIVES
        ):
            if name.split(":")[-1] in ("function", "class", "method", "attribute", "data", "exception", "property"):
                return _Prose, []
            return _Code, []
        found, messages = saved_directive(name, language, document)
        if found is not None:
            return found, messages
        return _Prose, []

    def role(name, language, line, reporter):
        if name == "math":
            return _math_role, []
        found, messages = saved_role_lookup(name, language, line, reporter)
        return (found, messages) if found is not None else (_tolerant_role, [])

    directives.directive, roles.role = directive, role
    try:
        yield
    finally:
        directives.directive, roles.role = saved_directive, saved_role_lookup
        if saved_default is None:
            roles._roles.pop("", None)
        else:
            roles._roles[""] = saved_default


def _parse(text: str, file: str, default_role: str | None = None):
    from docutils.parsers.rst import Parser
    from docutils.utils import new_document

    parser = Parser()
    try:
        from docutils.frontend import get_default_settings
    except ImportError:  # docutils 0.18
        from docutils.frontend import OptionParser

        settings = OptionParser(components=(Parser,)).get_default_values()
    else:
        settings = get_default_settings(Parser)
    for key, value in PARSER_SETTINGS.items():
        setattr(settings, key, value)
    settings.warning_stream = io.StringIO()
    document = new_document(file, settings)
    document.derive_events = []
    with _sphinx_vocabulary(default_role):
        try:
            parser.parse(text, document)
        except RecursionError:
            raise
        except Exception as exc:  # docutils raises its own errors on input it cannot structure
            raise ScanError(f"{file}: the reStructuredText could not be read ({type(exc).__name__}: {exc})") from None
    return document


def scan_rst(
    text: str,
    file: str = "<text>",
    first_line: int = 0,
    table: MacroTable | None = None,
    default_role: str | None = None,
) -> list[Found]:
    """Every formula of a reStructuredText text whose first line is line ``first_line + 1`` of ``file``.

    ``default_role`` is the project's (Sphinx's ``default_role``): with ``math``,
    `` `a = b` `` is math.
    """
    document = _parse(text, file, default_role)
    lines = text.splitlines()
    events = []
    cursor = [0, 0]  # where the last role was found: (line index, column)
    for kind, line, *rest in document.derive_events:
        if kind == "math":
            events.append((line, 1, "math", rest[0]))
        else:
            rawtext, latex = rest
            events.append((_locate(lines, line - 1, rawtext, cursor) + 1, 1, "role", latex))
    comment_cursor = [0]
    for comment in document.findall(nodes.comment):
        tag = tag_of_comment(comment.astext())
        if tag is not None:
            events.append((_comment_line(lines, comment_cursor), 0, "tag", tag))
    table = table if table is not None else MacroTable()
    found: list[Found] = []
    pending = [None, None]
    for line, _, kind, value in sorted(events, key=lambda e: (e[0], e[1])):
        if kind == "tag":
            pending = [value, line + first_line]
            continue
        tag, tag_line = pending
        pending = [None, None]
        if kind == "role":
            add_formula(found, table, file, line + first_line, value.strip(), tag, tag_line, False)
            continue
        offset, body = strip_math_environment(value)
        for row, formula in formulas_of_block(body):
            add_formula(found, table, file, line + first_line + offset + row, formula, tag, tag_line, True)
    return found


def _locate(lines: list, start: int, rawtext: str, cursor: list) -> int:
    """The 0-based line where ``rawtext`` (a role) is, searching from ``start`` (its paragraph) on."""
    needle = rawtext.split("\n")[0]
    line = max(start, 0)
    column = cursor[1] if cursor[0] == line else 0
    if cursor[0] > line:
        line, column = cursor
    for k in range(line, len(lines)):
        position = lines[k].find(needle, column if k == line else 0)
        if position >= 0:
            cursor[:] = [k, position + len(needle)]
            return k
    return max(start, 0)


def _comment_line(lines: list, cursor: list) -> int:
    """The 1-based line of the next ``.. derive:`` comment after ``cursor`` (comments come in document order)."""
    for k in range(cursor[0], len(lines)):
        text = lines[k].strip()
        if text.startswith("..") and tag_of_comment(text[2:]) is not None:
            cursor[0] = k + 1
            return k + 1
    return cursor[0] or 1
