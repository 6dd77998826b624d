r"""The macros a document defines, and a formula read with the meaning its document gives them.

Definitions read: ``\newcommand``, ``\renewcommand``, ``\providecommand``,
``\DeclareRobustCommand`` (starred or not, with an optional first argument),
``\DeclareMathOperator`` (``\operatorname``, or ``\operatorname*`` when starred),
``\def`` / ``\gdef`` / ``\edef`` / ``\xdef`` with undelimited parameters ``#1#2...``,
and ``\let``. A formula is expanded with TeX's rules for undelimited arguments
(one token, or a braced group) before it is read, so a document that redefines
``\frac`` has its formulas read with its own ``\frac``. A macro the checker cannot
expand (delimited parameters, an expansion that does not end, a missing argument)
makes the formula unreadable, with that reason, instead of read with another meaning.

The expansion is a small TeX tokenizer over the formula only; it never runs
anything, and it stops after :data:`MAX_EXPANSIONS` expansions or
:data:`MAX_TOKENS` tokens.
"""

from __future__ import annotations

import re
from collections import ChainMap, deque
from dataclasses import dataclass

MAX_EXPANSIONS = 5_000
MAX_TOKENS = 50_000  # in a formula while it is expanded, and in one definition
MAX_PARAMETER_TOKENS = 100  # the parameter text of a \def
MAX_WORK = 500_000  # tokens copied by all the expansions of one formula

TOKEN = re.compile(r"\\[A-Za-z@]+|\\.|#[1-9#]|%[^\n]*\n?|\s+|.", re.S)
DEFINERS = {
    "newcommand",
    "renewcommand",
    "providecommand",
    "DeclareRobustCommand",
    "DeclareMathOperator",
    "def",
    "gdef",
    "edef",
    "xdef",
    "let",
}


ATOM_FONTS = {
    "\\mathbb",
    "\\mathrm",
    "\\mathcal",
    "\\mathbf",
    "\\mathsf",
    "\\mathit",
    "\\mathtt",
    "\\mathscr",
    "\\mathfrak",
    "\\boldsymbol",
    "\\bm",
}


@dataclass(frozen=True)
class Macro:
    """A macro as its document defines it; ``body`` None when the checker cannot expand it (``why`` says why)."""

    name: str  # with its backslash
    nargs: int = 0
    default: tuple | None = None  # tokens of the optional first argument's default
    body: tuple | None = ()
    why: str = ""


class MacroTable:
    """The macros in force at one point of a document; a group opens a child scope."""

    def __init__(self, maps: ChainMap | None = None):
        self.maps = maps if maps is not None else ChainMap()

    def child(self) -> MacroTable:
        return MacroTable(self.maps.new_child())

    def define(self, macro: Macro, global_: bool = False) -> None:
        if global_:
            for scope in self.maps.maps:
                scope[macro.name] = macro
        else:
            self.maps[macro.name] = macro

    def get(self, name: str) -> Macro | None:
        return self.maps.get(name)

    def __bool__(self) -> bool:
        return bool(self.maps)


def tokens_of(text: str, start: int = 0):
    """(token, end) for each TeX token of ``text`` from ``start``."""
    position = start
    while position < len(text):
        match = TOKEN.match(text, position)
        position = match.end()
        yield match.group(), position


class _Cursor:
    """Reading tokens one at a time, skipping spaces and comments where TeX does."""

    def __init__(self, text: str, start: int):
        self.tokens = tokens_of(text, start)
        self.ahead: deque = deque()
        self.end = start
        self.read = 0

    def peek(self, skip_space=True):
        while True:
            if not self.ahead:
                nxt = next(self.tokens, None) if self.read < MAX_TOKENS else None
                if nxt is None:
                    return None  # the end of the text, or a definition too long to be one: it never closes
                self.read += 1
                self.ahead.append(nxt)
            token = self.ahead[0][0]
            if skip_space and (token.isspace() or token.startswith("%")):
                self.take()
                continue
            return token

    def take(self):
        if not self.ahead and self.peek(skip_space=False) is None:
            return None
        token, self.end = self.ahead.popleft()
        return token

    def group(self) -> tuple | None:
        """The tokens of a braced group (the cursor is on its ``{``), or None if it never closes."""
        self.take()
        depth, out = 1, []
        while True:
            token = self.take()
            if token is None:
                return None
            if token == "{":
                depth += 1
            elif token == "}":
                depth -= 1
                if depth == 0:
                    return tuple(out)
            out.append(token)

    def until(self, close: str) -> tuple | None:
        """The tokens up to ``close`` at brace depth 0 (the cursor is just past the opener)."""
        depth, out = 0, []
        while True:
            token = self.take()
            if token is None:
                return None
            if token == "{":
                depth += 1
            elif token == "}":
                depth -= 1
            elif token == close and depth == 0:
                return tuple(out)
            out.append(token)


def read_definition(text: str, start: int, table: MacroTable | None = None) -> tuple[Macro | None, int, bool]:
    """(macro, end, global) for the definition that starts at ``text[start]`` (a definer such as ``\\def``).

    The macro is None when no name can be read; the end is where reading stopped.
    """
    cursor = _Cursor(text, start)
    definer = cursor.take()[1:]
    if definer == "let":
        return _read_let(cursor, table)
    starred = cursor.peek() == "*"
    if starred:
        cursor.take()
    name = _read_name(cursor)
    if name is None:
        return None, cursor.end, False
    if definer in ("def", "gdef", "edef", "xdef"):
        return _read_def(cursor, name, definer, table)
    if definer == "DeclareMathOperator":
        if cursor.peek() != "{":
            return (
                Macro(name, body=None, why=f"its \\DeclareMathOperator{{{name}}} has no operator text"),
                cursor.end,
                False,
            )
        text_tokens = cursor.group()
        if text_tokens is None:
            return Macro(name, body=None, why=f"the definition of {name} never closes"), cursor.end, False
        head = ("\\operatorname", "*") if starred else ("\\operatorname",)
        return Macro(name, 0, None, head + ("{",) + text_tokens + ("}",)), cursor.end, False
    nargs, default = 0, None
    if cursor.peek() == "[":
        cursor.take()
        count = "".join(cursor.until("]") or ()).strip()
        if not count.isdigit() or not 0 <= int(count) <= 9:
            return Macro(name, body=None, why=f"its number of arguments [{count}] is not 0 to 9"), cursor.end, False
        nargs = int(count)
        if cursor.peek() == "[":
            cursor.take()
            default = cursor.until("]")
    if cursor.peek() != "{":
        return Macro(name, body=None, why=f"the definition of {name} has no body in braces"), cursor.end, False
    body = cursor.group()
    if body is None:
        return Macro(name, body=None, why=f"the definition of {name} never closes"), cursor.end, False
    if definer == "providecommand" and table is not None and table.get(name) is not None:
        return None, cursor.end, False
    return Macro(name, nargs, default, body), cursor.end, False


def _read_name(cursor: _Cursor) -> str | None:
    token = cursor.peek()
    if token == "{":
        inside = cursor.group() or ()
        names = [t for t in inside if not t.isspace()]
        if len(names) == 1 and names[0].startswith("\\"):
            return names[0]
        # MathJax takes the name without its backslash too (\newcommand{iid}{...})
        return "\\" + "".join(names) if names and all(len(t) == 1 and t.isalpha() for t in names) else None
    if token is not None and token.startswith("\\"):
        return cursor.take()
    return None


def _read_def(cursor: _Cursor, name: str, definer: str, table) -> tuple[Macro, int, bool]:
    parameters = []
    while True:
        token = cursor.peek(skip_space=False)
        if token is None:
            return Macro(name, body=None, why=f"the definition of {name} has no body"), cursor.end, False
        if token == "{":
            break
        if len(parameters) >= MAX_PARAMETER_TOKENS:
            return Macro(name, body=None, why=f"the definition of {name} has no body"), cursor.end, False
        parameters.append(cursor.take())
    body = cursor.group()
    global_ = definer in ("gdef", "xdef")
    if body is None:
        return Macro(name, body=None, why=f"the definition of {name} never closes"), cursor.end, global_
    expected = [f"#{k}" for k in range(1, len(parameters) + 1)]
    if parameters != expected:
        written = "".join(parameters)
        return (
            Macro(
                name,
                body=None,
                why=f"the document defines {name} with delimited parameters "
                f"(\\{definer}{name}{written}{{...}}), which the checker does not expand",
            ),
            cursor.end,
            global_,
        )
    if definer in ("edef", "xdef") and table is not None:
        expanded, reason = expand_tokens(body, table)
        if reason:
            return Macro(name, body=None, why=reason), cursor.end, global_
        body = expanded
    return Macro(name, len(parameters), None, body), cursor.end, global_


def _read_let(cursor: _Cursor, table) -> tuple[Macro | None, int, bool]:
    name = cursor.take() if (cursor.peek() or "").startswith("\\") else None
    if name is None:
        return None, cursor.end, False
    if cursor.peek() == "=":
        cursor.take()
    target = cursor.take() if cursor.peek() is not None else None
    if target is None:
        return Macro(name, body=None, why=f"\\let{name} has no meaning to copy"), cursor.end, False
    copied = table.get(target) if table is not None else None
    if copied is not None:
        return Macro(name, copied.nargs, copied.default, copied.body, copied.why), cursor.end, False
    return Macro(name, 0, None, (target,)), cursor.end, False


def expand_tokens(tokens, table: MacroTable) -> tuple[tuple, str | None]:
    """(tokens, None) with every defined macro expanded, or ((), reason) when that cannot be done."""
    queue = deque(tokens)
    out: list[str] = []
    expansions = work = 0
    while queue:
        token = queue.popleft()
        macro = table.get(token) if token.startswith("\\") else None
        if macro is None:
            out.append(token)
            continue
        if macro.body is None:
            return (), macro.why if token in macro.why else f"{token}: {macro.why}"
        expansions += 1
        if expansions > MAX_EXPANSIONS or len(queue) + len(out) > MAX_TOKENS:
            return (), f"expanding the document's macros does not end (at {token})"
        arguments = []
        if macro.default is not None:
            if _next_significant(queue) == "[":
                _drop_space(queue)
                queue.popleft()
                argument = _until(queue, "]")
                if argument is None:
                    return (), f"{token}, defined by the document, has an optional argument that never closes"
                arguments.append(argument)
            else:
                arguments.append(macro.default)
        while len(arguments) < macro.nargs:
            argument = _argument(queue)
            if argument is None:
                return (), f"{token}, defined by the document, is missing an argument"
            arguments.append(argument)
        replacement = _unwrapped(_substitute(macro.body, arguments))
        work += len(replacement)
        if work > MAX_WORK:
            return (), f"expanding the document's macros does not end (at {token})"
        queue.extendleft(reversed(replacement))
    return tuple(out), None


def _unwrapped(replacement: list) -> list:
    r"""A body that only groups one symbol in a font (``{\mathbb{E}}``, ``{\mathrm E}``) is that symbol in the font."""
    inner = [t for t in replacement if not t.isspace()]
    if len(inner) < 3 or inner[0] != "{" or inner[-1] != "}" or inner[1] not in ATOM_FONTS:
        return replacement
    rest = inner[2:-1]
    if len(rest) == 1 and rest[0] not in "{}" or (len(rest) == 3 and rest[0] == "{" and rest[2] == "}"):
        return inner[1:-1]
    return replacement


def _next_significant(queue: deque):
    for token in queue:
        if not token.isspace():
            return token
    return None


def _drop_space(queue: deque) -> None:
    while queue and (queue[0].isspace() or queue[0].startswith("%")):
        queue.popleft()


def _argument(queue: deque) -> tuple | None:
    _drop_space(queue)
    if not queue or queue[0] in ("}", "]"):
        return None if not queue or queue[0] == "}" else (queue.popleft(),)
    token = queue.popleft()
    if token != "{":
        return (token,)
    return _until(queue, "}", opened=True)


def _until(queue: deque, close: str, opened: bool = False) -> tuple | None:
    depth, out = (1 if opened else 0), []
    while queue:
        token = queue.popleft()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if opened and depth == 0:
                return tuple(out)
        elif token == close and depth == 0 and not opened:
            return tuple(out)
        out.append(token)
    return None


def _substitute(body: tuple, arguments: list) -> list:
    out = []
    for token in body:
        if token == "##":
            out.append("#")
        elif len(token) == 2 and token[0] == "#" and token[1].isdigit():
            k = int(token[1])
            out.extend(arguments[k - 1] if k <= len(arguments) else (token,))
        else:
            out.append(token)
    return out


def join(tokens) -> str:
    """The text of ``tokens``, with a space where a control word would otherwise run into a letter."""
    out = []
    previous = ""
    for token in tokens:
        if previous[:1] == "\\" and previous[1:2].isalpha() and (token[:1].isalpha() or token[:1] == "@"):
            out.append(" ")
        out.append(token)
        previous = token
    return "".join(out)


def read_formula(latex: str, table: MacroTable, definitions_persist: bool = True) -> tuple[str | None, str | None]:
    """(formula, reason): the formula with its own definitions taken out and the document's macros expanded.

    Definitions written inside the formula (MathJax style) enter ``table`` when
    ``definitions_persist`` (a MathJax page), else only this formula's scope (a TeX
    math group). The formula is None when it holds nothing but definitions; the
    reason is set when the formula cannot be read with its document's meaning.
    """
    if "\\" not in latex:
        return latex, None
    scope = table if definitions_persist else table.child()
    rest, reason = _take_definitions(latex, scope)
    if not rest.strip():
        return None, None
    if reason:
        return latex, reason
    if not scope:
        return rest, None
    tokens = tuple(t for t, _ in tokens_of(rest))
    if not any(scope.get(t) is not None for t in tokens if t.startswith("\\")):
        return rest, None
    expanded, reason = expand_tokens(tokens, scope)
    if reason:
        return latex, reason
    return join(expanded).strip(), None


def _take_definitions(latex: str, table: MacroTable) -> tuple[str, str | None]:
    if not any(f"\\{d}" in latex for d in DEFINERS):
        return latex, None
    kept, position = [], 0
    for token, end in tokens_of(latex):
        if end <= position:
            continue
        start = end - len(token)
        if token[1:] in DEFINERS and token.startswith("\\"):
            macro, stop, global_ = read_definition(latex, start, table)
            if macro is not None:
                table.define(macro, global_)
            position = stop
            continue
        kept.append(token)
        position = end
    return "".join(kept), None
