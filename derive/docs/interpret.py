"""The notation layer: what a formula written for people says, before any meaning is bound.

A formula is lexed into TeX tokens (:mod:`derive.docs.tokens`), split at its top-level relations
into a chain of links (``a = b \\le c``) with its trailing conditions (``\\text{if } i \\ne j``) set
apart (:mod:`derive.docs.chain`), and each side is rewritten here for the LaTeX grammar
(:mod:`derive.docs.parse`): every identifier, function application, derivative, sum and tuple
becomes an opaque placeholder ``\\text{YN}`` whose structure is kept in a table of nodes
(:mod:`derive.docs.nodes`). The grammar then only sees arithmetic. The rewriter reads a side token
by token through dispatch tables (a command or character -> its reader); the readers of calculus
and of sums and sequences live in :mod:`derive.docs.calculus` and :mod:`derive.docs.sums`. What an
identifier *means* (σ is the softmax or the logistic function, ``\\pi_{ref}`` a policy) is decided
later, by :mod:`derive.docs.bind`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from derive.docs import calculus, sums
from derive.docs.chain import (
    ALIGNED,
    CONDITION_WORDS,
    RELATIONS,
    UNDECIDED_RELATIONS,
    Chain,
    Conditions,
    arrow_target,
    condition_pieces,
    is_condition_start,
    is_harmless_membership,
    is_index_condition,
    parse_conditions,
    relation_at,
    split_chain,
    term_end,
    trim_punctuation,
)
from derive.docs.nodes import (
    Apply,
    Atom,
    Branches,
    Cases,
    Comparison,
    Component,
    Condition,
    Count,
    Deriv,
    EvaluatedAt,
    Extremum,
    Indicator,
    Integral,
    Inverse,
    Limit,
    Norm,
    Number,
    Prime,
    Product,
    Series,
    Side,
    SumNode,
    Transposed,
    TupleNode,
)
from derive.docs.sums import DOTS
from derive.docs.symbols import (
    ELEMENTARY,
    FONT,
    FUNCTION_ALIASES,
    GREEK,
    GREEK_ALIASES,
    INVERSE_NAMES,
    INVERSE_OF,
    NATIVE,
    UNSUPPORTED,
    WORD_FUNCTIONS,
)
from derive.docs.tokens import (
    NotationError,
    Tok,
    Unsupported,
    clean,
    closes,
    depth_at,
    detex,
    display_rows,
    flatten,
    lex,
    opens,
    row_cells,
    top_level_at,
    word_of,
)

__all__ = [
    "ALIGNED",
    "CONDITION_WORDS",
    "RELATIONS",
    "UNDECIDED_RELATIONS",
    "Apply",
    "Atom",
    "Branches",
    "Cases",
    "Chain",
    "Comparison",
    "Component",
    "Condition",
    "Conditions",
    "Count",
    "Deriv",
    "EvaluatedAt",
    "Extremum",
    "Indicator",
    "Integral",
    "Inverse",
    "Limit",
    "NotationError",
    "Norm",
    "Number",
    "Prime",
    "Product",
    "Rewriter",
    "Series",
    "Side",
    "SumNode",
    "Tok",
    "Transposed",
    "TupleNode",
    "Unsupported",
    "clean",
    "detex",
    "lex",
    "parse_conditions",
    "rewrite_chain",
    "split_chain",
]

MAX_PLACEHOLDERS = 250
_APPLIED = re.compile(r"(\\text\{Y\d+\})\s*\(")
# one placeholder or one bracket: a whole term a transpose can apply to
_WHOLE_TERM = re.compile(r"\s*\\text\{Y\d+\}\s*|\(.*\)", re.S)
# names applied to an argument in square brackets: E[X], Var[X], 1[i = j]
SQUARE_BRACKET_FUNCTIONS = ("E", "Var", "var", "Cov", "bb_E", "one", "cal_L", "D", "KL", "H", "P", "Pr", "bb_P")


class Rewriter:
    """Rewrites a cleaned token list into grammar text with placeholders."""

    def __init__(self, log_base: str = "e", functions=()):
        self.table = {}
        self.log_base = log_base
        self.functions = set(functions)  # names the document defines as functions: f(x + h) applies f

    def placeholder(self, node) -> str:
        if len(self.table) >= MAX_PLACEHOLDERS:
            raise Unsupported(f"more than {MAX_PLACEHOLDERS} symbols and numbers in one formula")
        # \text{Y7} is read by the grammar as the symbol Y7 some 40 times faster than Y_{7} (a subscript)
        number = len(self.table) + 1
        self.table[f"Y{number}"] = node
        return f" \\text{{Y{number}}} "

    def side(self, tokens) -> Side:
        text = self.emit(list(tokens))
        return Side(text, self.table, _plain(tokens))

    def sub_side(self, tokens) -> Side:
        """A nested side sharing this rewriter's table (placeholders stay unique)."""
        return Side(self.emit(list(tokens)), self.table, _plain(tokens))

    # -- helpers --
    @staticmethod
    def _script(tokens, k):
        """(script tokens, next k) for ``_x`` / ``_{...}`` starting at tokens[k] (the _ or ^)."""
        if k + 1 >= len(tokens):
            raise NotationError("a sub- or superscript has nothing after it", tokens[k].pos)
        t = tokens[k + 1]
        if t.kind == "group":
            return t.items, k + 2
        if t.kind == "cs" and t.text in FONT and k + 2 < len(tokens) and tokens[k + 2].kind == "group":
            return [t, tokens[k + 2]], k + 3
        return [t], k + 2

    def _atom_name(self, tokens, k):
        """(key, next k) for an identifier at tokens[k], or None."""
        t = tokens[k]
        if t.kind == "ch" and t.text.isalpha():
            # multi-letter words written bare (softmax, KL, Var, log)
            run = ""
            m = k
            while m < len(tokens) and tokens[m].kind == "ch" and tokens[m].text.isalpha():
                run += tokens[m].text
                m += 1
            for word in sorted(WORD_FUNCTIONS | {"log", "exp", "ln"}, key=len, reverse=True):
                if len(word) > 1 and run.startswith(word):
                    if word in ("log", "exp", "ln"):
                        return ("__native__" + word, k + len(word))
                    return (word, k + len(word))
            return (t.text, k + 1)
        if t.kind == "cs" and t.text in GREEK:
            return (GREEK_ALIASES.get(t.text, t.text), k + 1)
        if t.kind == "cs" and t.text in FONT and k + 1 < len(tokens) and not tokens[k + 1].is_ch(" "):
            inner = tokens[k + 1].items if tokens[k + 1].kind == "group" else [tokens[k + 1]]
            prefix = FONT[t.text]
            if (
                t.text in ("mathbb", "mathbf", "boldsymbol", "bm", "mathrm", "text")
                and word_of(inner) in ("1", "I")
                and t.text != "mathrm"
            ):
                if word_of(inner) == "1":
                    return ("one", k + 2)
            word = word_of([x for x in inner if not x.is_ch(" ")])
            if len(inner) == 1 and inner[0].kind == "cs" and inner[0].text in GREEK:
                word = GREEK_ALIASES.get(inner[0].text, inner[0].text)
            elif len(inner) == 2 and inner[0].kind == "cs" and inner[0].text in FONT and inner[1].kind == "group":
                nested = self._atom_name(inner, 0)
                word = nested[0] if nested else word
            if not word:
                return None
            if word == "1":
                return ("one", k + 2)
            return (prefix + FUNCTION_ALIASES.get(word, word), k + 2)
        return None

    def _balanced(self, tokens, k, open_, close):
        """(inner tokens, next k) for a bracket pair starting at tokens[k]."""
        depth = 0
        for m in range(k, len(tokens)):
            if tokens[m].is_ch(open_) or tokens[m].is_cs(open_):
                depth += 1
            elif tokens[m].is_ch(close) or tokens[m].is_cs(close):
                depth -= 1
                if depth == 0:
                    return tokens[k + 1 : m], m + 1
        raise NotationError(f"'{open_}' is never closed", tokens[k].pos)

    @staticmethod
    def _split_args(tokens):
        args, seps, current, depth = [], [], [], 0
        for t in tokens:
            if opens(t):
                depth += 1
            elif closes(t):
                depth -= 1
            if depth == 0 and (t.is_ch(",", "|", ";") or t.is_cs("|")):
                args.append(current)
                seps.append("||" if t.is_cs("|") else t.text)
                current = []
                continue
            current.append(t)
        args.append(current)
        return args, seps

    @staticmethod
    def _simple(tokens) -> bool:
        """Whether bracket content reads as arguments (letters, names, numbers), not a product."""
        args, _ = Rewriter._split_args(tokens)
        for arg in args:
            if not arg:
                return False
            for t in arg:
                if t.is_ch("+", "-", "*", "/", "=") or t.is_cs(
                    "cdot", "times", "frac", "sqrt", "exp", "log", "ln", "sum"
                ):
                    return False
            letters = [t for t in arg if t.kind == "ch" and t.text.isalpha()]
            if len(letters) > 1 and not any(t.kind == "cs" for t in arg) and not any(t.is_ch("_", "^") for t in arg):
                if word_of(arg) not in WORD_FUNCTIONS:
                    return False
        return True

    def _subscript_items(self, script) -> tuple[list, str]:
        text = detex(script).replace(" ", "")
        plain = text.replace("\\", "")
        if "," in plain:
            items = [s for s in plain.split(",") if s]
        elif plain.isalpha() and len(plain) <= 3 and plain.islower():
            items = list(plain)
        else:
            items = [plain]
        return items, plain

    # -- the main loop --
    def emit(self, tokens, products=True) -> str:
        over = [m for m, x in enumerate(tokens) if x.is_cs("over")]
        if over:  # {a \\over b}
            if len(over) > 1 or over[0] in (0, len(tokens) - 1):
                raise NotationError("\\over needs one numerator and one denominator", tokens[over[0]].pos)
            return r"\frac{" + self.emit(tokens[: over[0]]) + "}{" + self.emit(tokens[over[0] + 1 :]) + "}"
        # dots in a list (x_1, \\ldots, x_n) are read with the list; any other dots make a sum or product
        dots = next(
            (
                m
                for m, x in enumerate(tokens)
                if x.is_cs(*DOTS) and not (m and tokens[m - 1].is_ch(",") or len(tokens) == 1)
            ),
            None,
        )
        if dots is not None:
            return self.emit(sums.series(self, tokens, dots), products)
        if products:
            text = self._products(tokens)
            if text is not None:
                return text
        tokens = list(tokens)
        bar = top_level_at(tokens, lambda x: x.is_cs("evalclose"))
        if bar is not None and top_level_at(tokens[:bar], lambda x: x.is_cs("evalopen")) is None:
            tokens.insert(0, Tok("cs", "evalopen", tokens[0].pos))  # f(x) \Big|_{x=0}: the bar closes all before it
        out = []
        k = 0
        while k < len(tokens):
            k = self._read(tokens, k, out)
        # a placeholder before a bracket is a product: the grammar would read \text{Y1}(\text{Y2}) as a function call
        return _APPLIED.sub(r"\1 \\cdot (", "".join(out))

    def _read(self, tokens, k, out) -> int:
        """Reads the notation starting at tokens[k] into ``out``; returns the position after it."""
        t = tokens[k]
        if t.kind == "cs" and t.text in COMMAND_READERS:
            return COMMAND_READERS[t.text](self, tokens, k, out)
        if t.kind == "ch" and t.text in CHARACTER_READERS:
            return CHARACTER_READERS[t.text](self, tokens, k, out)
        return KIND_READERS[t.kind](self, tokens, k, out)

    # -- readers: each reads one kind of notation at tokens[k] and returns the position after it --
    def _made(self, tokens, k, out):
        out.append(tokens[k].text)  # a placeholder made before this pass (an endless sum)
        return k + 1

    def _skip(self, tokens, k, out):
        return k + 1  # a space kept inside \text{...}, a column separator &, a \quad

    def _binomial(self, tokens, k, out):
        top, k2 = self._arg(tokens, k + 1)
        bottom, k3 = self._arg(tokens, k2)
        out.append(self.placeholder(Apply("binom", [self.sub_side(top), self.sub_side(bottom)])))
        return k3

    def _named_or_operation(self, tokens, k, out):
        """A letter, Greek letter or font command: a built-in function written as a word (tanh(x)),
        an operation (\\max, \\operatorname{clip}) or an identifier; else None."""
        alias = _native_alias(tokens, k)
        if alias:  # \operatorname{tanh}, \text{Tanh}: the function itself
            tokens[k : alias[1]] = [Tok("cs", alias[0], tokens[k].pos)]
            return k
        operation = _operation_name(tokens, k)
        if operation:
            return self._operation(tokens, operation[1], operation[0], out)
        named = self._atom_name(tokens, k)
        if named:
            return self._atom(tokens, k, named, out)
        return None

    def _other_command(self, tokens, k, out):
        found = self._named_or_operation(tokens, k, out)
        if found is not None:
            return found
        t = tokens[k]
        if t.text in UNSUPPORTED:
            raise Unsupported(f"\\{t.text} is not supported")
        raise Unsupported(f"\\{t.text} is not understood")

    def _other_character(self, tokens, k, out):
        found = self._named_or_operation(tokens, k, out)
        if found is not None:
            return found
        raise NotationError(f"unexpected '{tokens[k].text}'", tokens[k].pos)

    def _square_root(self, tokens, k, out):
        if k + 1 < len(tokens) and tokens[k + 1].is_ch("["):
            inner, k2 = self._balanced(tokens, k + 1, "[", "]")
            arg, k3 = self._arg(tokens, k2)
            out.append(r"\sqrt[" + self.emit(inner) + "]{" + self.emit(arg) + "}")
            return k3
        arg, k2 = self._arg(tokens, k + 1)
        out.append(r"\sqrt{" + self.emit(arg) + "}")
        return k2

    def _elementary(self, tokens, k, out):
        """\\log (in the document's base), \\log_b, \\ln, \\lg, \\exp, \\sin, \\cos, \\tanh; \\tanh^2(x); \\tanh'(x)."""
        t = tokens[k]
        if t.text == "log" and k + 1 < len(tokens) and tokens[k + 1].is_ch("_"):
            script, k2 = self._script(tokens, k + 1)
            if detex(script).strip() not in ("e",):
                out.append(r"\frac{1}{\ln " + self.emit(script) + "}")
            out.append(r"\ln")
            return k2
        if t.text != "lg" and k + 1 < len(tokens) and tokens[k + 1].is_ch("'"):
            return calculus.native_prime(self, tokens, k + 1, INVERSE_NAMES.get(t.text, t.text), out)
        if t.text in INVERSE_OF and k + 2 < len(tokens) and tokens[k + 1].is_ch("^") and _is_minus_one(tokens[k + 2]):
            # \sin^{-1} x, \tanh^{-1}(x): the inverse function (arcsin, artanh), as the convention has it
            out.append("\\" + INVERSE_OF[t.text])
            return k + 3
        if (
            k + 2 < len(tokens)
            and tokens[k + 1].is_ch("^")
            and tokens[k + 2].kind == "ch"
            and tokens[k + 2].text.isdigit()
            and k + 3 < len(tokens)
            and (tokens[k + 3].is_ch("(") or _starts_argument(tokens[k + 3]))
        ):
            # \tanh^2(x) is (\tanh(x))^2, \sin^2 t is (\sin t)^2, as the grammar reads \sin t
            if t.text in ("log", "lg") and (self.log_base != "e" or t.text == "lg"):
                raise Unsupported(f"a power of \\{t.text} written before its argument")
            out.append("\\" + ("ln" if t.text == "log" else t.text) + "^{" + tokens[k + 2].text + "}")
            return k + 3
        if t.text == "log":
            out.append(r"\ln" if self.log_base == "e" else r"\frac{1}{\ln " + self.log_base + r"}\ln")
        elif t.text == "lg":
            out.append(r"\frac{1}{\ln 10}\ln")
        else:
            out.append("\\" + INVERSE_NAMES.get(t.text, t.text))
        if k + 1 < len(tokens) and tokens[k + 1].is_ch("^"):
            raise Unsupported(f"a power of \\{t.text} written before its argument")
        return k + 1

    def _dots_in_a_list(self, tokens, k, out):
        raise Unsupported(
            "\\ldots in a list is read only in \\max and \\min, and only when the items differ in one index "
            "counting up by one (x_1, x_2, \\ldots, x_n)"
        )

    def _native_operator(self, tokens, k, out):
        out.append(NATIVE[tokens[k].text] + " ")  # \cdot, \times
        return k + 1

    def _lone_transpose(self, tokens, k, out):
        raise NotationError("a transpose with nothing before it", tokens[k].pos)

    def _line_break(self, tokens, k, out):
        raise NotationError("a line break inside an expression", tokens[k].pos)

    def _bracket(self, tokens, k, out):
        """(a), [a]; a tuple (a, b); an Iverson bracket [i = j]; (W x)^\\top; (W x)_j."""
        t = tokens[k]
        close = ")" if t.text == "(" else "]"
        inner, k = self._balanced(tokens, k, t.text, close)
        parts, seps = self._split_args(inner)
        if len(parts) > 1 and all(s == "," for s in seps):
            text = self.placeholder(TupleNode([self.sub_side(p) for p in parts]))
        elif t.text == "[" and _iverson(inner):
            text = self.placeholder(Indicator(_iverson(inner)))
        elif any(relation_at(inner, m) and depth_at(inner, m) == 0 for m in range(len(inner))):
            raise Unsupported(f"a bracket holding a relation ({detex(inner).strip()}) is not read")
        else:
            text = "(" + self.emit(inner) + ")"
        if k < len(tokens) and tokens[k].is_ch("^") and _is_transpose(self._script(tokens, k)[0]):
            text = self.placeholder(Transposed(Side(text, self.table)))  # (W x)^\top
            k = self._script(tokens, k)[1]
        if k < len(tokens) and tokens[k].is_ch("_"):
            script, k = self._script(tokens, k)
            text = self.placeholder(Component(Side(text, self.table), self._subscript_items(script)[0]))  # (W x)_j
        out.append(text)
        return k

    def _brace(self, tokens, k, out):
        """\\{a\\}: a bracket, or an Iverson bracket \\{i = j\\}."""
        inner, k2 = self._balanced(tokens, k, "{", "}")
        if _iverson(inner):
            out.append(self.placeholder(Indicator(_iverson(inner))))
        else:
            out.append("(" + self.emit(inner) + ")")
        return k2

    def _absolute(self, tokens, k, out):
        """|a|: the absolute value of a number, the Euclidean length of a vector (the grammar has no \\left|)."""
        t = tokens[k]
        inner_end = next((m for m in range(k + 1, len(tokens)) if tokens[m].is_ch("|")), None)
        if inner_end is None:
            raise NotationError("'|' is never closed", t.pos)
        if inner_end == k + 1:
            raise NotationError("an empty |...|", t.pos)
        out.append(self.placeholder(Norm(self.sub_side(tokens[k + 1 : inner_end]))))
        return inner_end + 1

    def _group(self, tokens, k, out):
        out.append("(" + self.emit(tokens[k].items) + ")")  # a bare group only groups (never a set)
        return k + 1

    def _power(self, tokens, k, out):
        script, k2 = self._script(tokens, k)
        if _is_transpose(script):
            # {k_j}^\top, \max\{xW - b, 0\}^\top, f(x)^\top: the transpose of the whole term before it
            if not out or not _WHOLE_TERM.fullmatch(out[-1]):
                raise Unsupported("a transpose of a bracketed expression")
            out[-1] = self.placeholder(Transposed(Side(out[-1], self.table)))
            return k2
        out.append("^{" + self.emit(script) + "}")
        return k2

    def _rounding(self, tokens, k, out):
        """\\lfloor x \\rfloor, \\lceil x \\rceil: x rounded down or up to a whole number."""
        opening = tokens[k].text
        inner, k2 = self._balanced(tokens, k, opening, {"lfloor": "rfloor", "lceil": "rceil"}[opening])
        if not inner:
            raise NotationError(f"an empty \\{opening}", tokens[k].pos)
        out.append(self.placeholder(Apply("floor" if opening == "lfloor" else "ceil", [self.sub_side(inner)])))
        return k2

    def _unmatched_rounding(self, tokens, k, out):
        raise NotationError(f"\\{tokens[k].text} without its opening bracket", tokens[k].pos)

    def _determinant(self, tokens, k, out):
        """\\det(A), \\det A B: the determinant of the bracket after it, or of the factors after it."""
        k2, operand = self._operand(tokens, k + 1, "\\det")
        out.append(self.placeholder(Apply("det", [self.sub_side(operand)])))
        return k2

    def _operand(self, tokens, k, name):
        """(next k, operand tokens) of an operator written before its operand: the bracket right after
        it (\\det(A)), else the factors up to the next +, -, relation, \\cdot, \\times or operator."""
        if k < len(tokens) and tokens[k].is_ch("(", "["):
            return self._balanced(tokens, k, tokens[k].text, ")" if tokens[k].is_ch("(") else "]")[::-1]
        end, depth = k, 0
        limit = term_end(tokens, k)
        while end < limit:
            x = tokens[end]
            if depth == 0 and end > k and _starts_operator(tokens, end):
                break
            depth += 1 if opens(x) else -1 if closes(x) else 0
            end += 1
        if end == k:
            raise NotationError(f"{name} with nothing after it", tokens[k - 1].pos)
        return end, tokens[k:end]

    def _lone_subscript(self, tokens, k, out):
        raise NotationError("a subscript with nothing before it", tokens[k].pos)

    def _lone_prime(self, tokens, k, out):
        raise Unsupported("a prime (derivative or second variable) is not supported")

    def _operator(self, tokens, k, out):
        out.append(tokens[k].text)  # + - * / !
        return k + 1

    def _arg(self, tokens, k):
        while k < len(tokens) and tokens[k].is_ch(" "):
            k += 1
        if k >= len(tokens):
            raise NotationError("a command is missing its argument", tokens[-1].pos if tokens else 0)
        return (tokens[k].items if tokens[k].kind == "group" else [tokens[k]]), k + 1

    def _number(self, tokens, k, out):
        digits = ""
        while k < len(tokens):
            t = tokens[k]
            if t.kind == "ch" and (t.text.isdigit() or t.text == "."):
                digits += t.text
                k += 1
            elif (
                t.kind == "group"
                and word_of(t.items) == ","
                and k + 1 < len(tokens)
                and tokens[k + 1].kind == "ch"
                and tokens[k + 1].text.isdigit()
            ):
                k += 1  # 65{,}536
            elif t.is_ch(",") and digits and "." not in digits and _three_digits(tokens, k + 1):
                k += 1  # 65,536
            elif t.is_cs("!", ",") and _three_digits(tokens, k + 1):
                k += 1
            else:
                break
        if digits.count(".") > 1 or digits == ".":
            raise NotationError(f"a malformed number '{digits}'", tokens[k - 1].pos)
        if k < len(tokens) and tokens[k].is_cs("%"):
            digits, k = _percent(digits), k + 1  # 95.4\% is 0.954, written to three decimals
        elif (
            k + 4 < len(tokens)
            and tokens[k].is_cs("times", "cdot")
            and tokens[k + 1].is_ch("1")
            and tokens[k + 2].is_ch("0")
            and tokens[k + 3].is_ch("^")
            and "e" not in digits
        ):
            # 138 \times 10^{6}: one number, written to the millions (its last digit stands for 10^6)
            power = word_of(tokens[k + 4].items if tokens[k + 4].kind == "group" else [tokens[k + 4]])
            if power.lstrip("-").isdigit() and not (k + 5 < len(tokens) and tokens[k + 5].is_ch("^", "_")):
                digits, k = f"{digits}e{int(power)}", k + 5
        out.append(" " + self.placeholder(Number(digits)) + " ")
        return k

    def _atom(self, tokens, k, named, out):
        """An identifier with its scripts (x_i, W^\\top, r^+, x^{(k)}), applied to arguments when it is
        a function (f(x), E[X], p(y|x), \\sigma(z)_i), or differentiated when primed (f'(x))."""
        key, k = named
        if key.startswith("__native__"):
            word = key[len("__native__") :]
            out.append(r"\ln " if word in ("log", "ln") else r"\exp ")
            return k
        atom = Atom(key, [], "")
        k, primes, done = self._atom_scripts(tokens, k, atom, out)
        if done:
            return k
        if primes and atom.sub_text:
            atom.key, primes = key + "'" * primes, 0  # v'_w: a name of its own, never a derivative
        if k < len(tokens) and _opens_application(tokens[k], key):
            k, done = self._application(tokens, k, atom, primes, out)
            if done:
                return k
        elif key in PREFIX_OPERATORS and atom.args is None and not primes:
            k, operand = self._operand(tokens, k, f"\\operatorname{{{key}}}")  # \operatorname{tr} AB is tr(AB)
            atom.args, atom.seps = [self.sub_side(operand)], []
        if primes and (atom.args is None or len(atom.args) != 1 or atom.post_sub):
            atom.key, primes = key + "'" * primes, 0  # x', f'(x, y): a name of its own
        if primes:
            variable = f"prime_variable_{len(self.table) + 1}"
            variable_side = Side(self.placeholder(Atom(variable, [], "")), self.table)
            out.append(self.placeholder(Prime(atom, primes, atom.args[0], variable, variable_side)))
            return k
        out.append(self.placeholder(atom))
        return k

    def _atom_scripts(self, tokens, k, atom, out):
        """(next k, number of primes, done) after the primes, subscript and superscripts directly
        after a name, in any order; done when the name was read as something else (an indicator)."""
        primes = 0
        while k < len(tokens) and tokens[k].is_ch("_", "^", "'"):
            if tokens[k].is_ch("'"):
                primes += 1
                k += 1
                continue
            if tokens[k].is_ch("_") and atom.sub_text:
                break  # x_i_j: the second subscript is not this name's
            script, k2 = self._script(tokens, k)
            if (
                tokens[k].is_ch("^")
                and all(x.is_cs("prime") or x.is_ch("'") for x in script)
                and k2 < len(tokens)
                and tokens[k2].is_ch("(")
            ):
                primes += len(script)  # \sigma^{\prime}(x): a derivative, not a transpose
                k = k2
                continue
            if tokens[k].is_ch("_"):
                if atom.key == "one" and any(x.is_ch("=") or x.is_cs("neq", "ne") for x in flatten(script)):
                    conditions = parse_conditions(script)  # \mathbb{1}_{i = j}
                    out.append(self.placeholder(Indicator(conditions[0])) if conditions else "")
                    return k2, primes, True
                atom.sub, atom.sub_text = self._subscript_items(script)
                k = k2
                continue
            for reader in SUPERSCRIPT_READERS:
                found = reader(self, script, tokens, k2, atom, primes, out)
                if found is not None:
                    break
            else:
                break  # a power: left to the grammar
            k, done = found
            if done:
                return k, primes, True
        return k, primes, False

    # superscripts of a name: each returns (next k, done) when it reads the script, else None
    def _transpose_mark(self, script, tokens, k2, atom, primes, out):
        if (
            len(script) == 1
            and (script[0].is_cs("top", "intercal", "prime", "mathsf") or script[0].is_ch("T"))
            or len(script) == 2
            and script[0].is_cs("mathsf", "mathrm", "text")
            and word_of(script[1].items if script[1].kind == "group" else [script[1]]) == "T"
        ):
            atom.transpose = True
            return k2, False
        return None

    def _star_mark(self, script, tokens, k2, atom, primes, out):
        if len(script) == 1 and (script[0].is_ch("*") or script[0].is_cs("star", "ast")):
            atom.star = True
            return k2, False
        return None

    def _inverse_function(self, script, tokens, k2, atom, primes, out):
        """\\sigma^{-1}(x): the inverse of a one-argument function."""
        if word_of(script) != "-1" or k2 >= len(tokens) or not tokens[k2].is_ch("("):
            return None
        inner, k3 = self._balanced(tokens, k2, "(", ")")
        if primes or len(self._split_args(inner)[0]) != 1:
            raise Unsupported(f"the inverse function {atom.key}^{{-1}} of other than one argument")
        variable = f"inverse_variable_{len(self.table) + 1}"
        variable_side = Side(self.placeholder(Atom(variable, [], "")), self.table)
        target = replace(atom, args=[variable_side], seps=[], brackets="(")
        out.append(self.placeholder(Inverse(target, self.sub_side(inner), variable, variable_side)))
        return k3, True

    def _name_decoration(self, script, tokens, k2, atom, primes, out):
        """r^+, r^-, \\pi^{ref}, x^{(k)}: part of the name, never a power."""
        plain = detex(script).strip()
        if len(script) == 1 and script[0].is_ch("+", "-"):
            atom.decoration = script[0].text
        elif plain.isalpha() and len(plain) >= 2 and _written_as_word(script, atom.key):
            atom.decoration = plain
        elif re.fullmatch(r"\([^()]+\)", "".join(detex(script).split())):
            atom.decoration = "".join(detex(script).split())
        else:
            return None
        return k2, False

    def _application(self, tokens, k, atom, primes, out):
        """(next k, done) for the bracket after a name: its arguments when the name is applied to them;
        done when the bracket made an indicator 1(i = j) or 1(z_1 \\ge z_2)."""
        key = atom.key
        open_ = tokens[k].text
        close = {"(": ")", "[": "]", "{": "}"}[open_]
        inner, k2 = self._balanced(tokens, k, open_, close)
        if key == "one" and is_index_condition(inner):
            out.append(self.placeholder(Indicator(parse_conditions(inner)[0])))
            return k2, True
        if key == "one" and any(relation_at(inner, m) and depth_at(inner, m) == 0 for m in range(len(inner))):
            # 1(z_1 \ge z_2): one where the comparison holds, zero elsewhere
            one = self.sub_side([Tok("ch", "1", tokens[k].pos)])
            zero = self.sub_side([Tok("ch", "0", tokens[k].pos)])
            comparisons = [self._comparison(piece) for piece in condition_pieces(inner)]
            out.append(self.placeholder(Branches([(one, comparisons, False), (zero, [], True)])))
            return k2, True
        if not (
            key in WORD_FUNCTIONS
            or key in ("E", "H", "D", "KL")
            or open_ == "["
            or self._simple(inner)
            or key in ("sigma", "Phi", "zeta")  # functions by convention (derive.docs.bind.CONVENTIONAL_FUNCTIONS)
            and not atom.sub
            or key == "pi"  # a policy π(s), π(a|s); \pi (d + p) is the number π times a sum
            and not atom.sub
            and top_level_at(inner, lambda x: x.is_ch("+", "-", "*", "/") or x.is_cs("cdot", "times", "frac")) is None
            or primes
            or top_level_at(inner, lambda x: x.is_ch("|")) is not None
            or key in self.functions
        ):
            return k, False  # a product with a bracket: x(y + 1)
        parts, seps = self._split_args(inner)
        for part in parts:
            if any(relation_at(part, m) and depth_at(part, m) == 0 for m in range(len(part))):
                raise Unsupported(f"an argument written as an equation ({detex(part).strip()}) is not read")
        atom.args = [self.sub_side(p) for p in parts]
        atom.seps = seps
        atom.brackets = open_
        k = k2
        if k < len(tokens) and tokens[k].is_ch("_"):
            script, k = self._script(tokens, k)
            atom.post_sub, _ = self._subscript_items(script)
        return k, False

    def _products(self, tokens):
        """Grammar text if ``tokens`` hold a top-level \\odot, \\circ or \\otimes, else None.

        These bind tighter than + and looser than juxtaposition: 2 u \\odot v + w is (2u)⊙v + w.
        A term that opens with Σ, max or a derivative keeps the product inside that operator."""
        ops = ("odot", "circ", "otimes", "oslash")
        if top_level_at(tokens, lambda x: x.is_cs(*ops)) is None:
            return None
        terms, current, depth = [], [], 0
        for x in tokens:
            depth += 1 if x.is_ch("(", "[") or x.is_cs("{") else -1 if x.is_ch(")", "]") or x.is_cs("}") else 0
            if depth == 0 and x.is_ch("+", "-") and current and not current[-1].is_cs(*ops):
                terms.append(current)
                current = []
            current.append(x)
        terms.append(current)
        text = []
        for term in terms:
            sign = []
            if term and term[0].is_ch("+", "-"):
                sign, term = [term[0].text], term[1:]
            positions = [m for m in range(len(term)) if term[m].is_cs(*ops) and depth_at(term, m) == 0]
            opener = (
                any(
                    x.is_cs("sum", "prod", "max", "min", "lim", "nabla", "frac", "partial")
                    for x in term[: positions[0]]
                )
                if positions
                else False
            )
            if not positions or opener:
                text.append("".join(sign) + self.emit(term, products=not opener))
                continue
            names = {term[m].text for m in positions}
            if len(names) > 1:
                raise Unsupported("\\odot, \\circ and \\otimes mixed in one term")
            bounds = [-1] + positions + [len(term)]
            factors = [term[bounds[m] + 1 : bounds[m + 1]] for m in range(len(bounds) - 1)]
            if any(not f for f in factors):
                raise NotationError(f"\\{names.pop()} with a missing factor", term[positions[0]].pos)
            text.append("".join(sign) + self.placeholder(Product(names.pop(), [self.sub_side(f) for f in factors])))
        return " ".join(text)

    def _comparison(self, piece):
        sides, relations, current = [], [], []
        m = 0
        while m < len(piece):
            rel = relation_at(piece, m) if depth_at(piece, m) == 0 else None
            if rel:
                sides.append(current)
                relations.append(rel[0])
                current = []
                m += rel[1]
                continue
            current.append(piece[m])
            m += 1
        sides.append(current)
        if not relations or any(not side for side in sides):
            raise Unsupported(f"the condition '{detex(piece).strip()}' is not a comparison the checker can read")
        if any(r not in ("=", "!=", "<", "<=", ">", ">=") for r in relations):
            raise Unsupported(f"the condition '{detex(piece).strip()}' uses a relation that is not a comparison")
        return Comparison([self.sub_side(side) for side in sides], relations)

    def _norm(self, tokens, k, out):
        close = next(
            (
                m
                for m in range(k + 1, len(tokens))
                if tokens[m].is_cs("|") and depth_at(tokens[k + 1 : m], m - k - 1) == 0
            ),
            None,
        )
        if close is None:
            raise NotationError("a norm \\| that is never closed", tokens[k].pos)
        body = tokens[k + 1 : close]
        if not body:
            raise NotationError("an empty norm", tokens[k].pos)
        k = close + 1
        order = ""
        if k < len(tokens) and tokens[k].is_ch("_"):
            script, k = self._script(tokens, k)
            order = "infty" if any(x.is_cs("infty") for x in script) else detex(script).replace(" ", "")
            if order not in ("1", "2", "infty", "F"):
                if not _is_norm_exponent(script):
                    raise Unsupported(f"the norm \\|·\\|_{order}")
                # \|x\|_p, \|x\|_3: the p-norm (sum of |x_i|^p)^(1/p)
                out.append(self.placeholder(Norm(self.sub_side(body), "p", self.sub_side(script))))
                return k
        out.append(self.placeholder(Norm(self.sub_side(body), order)))
        return k

    def _operation(self, tokens, k, op, out):
        """max(a, b), \\min\\{a, b\\}, clip(x, a, b), sign(x): Apply; \\max_i z_i: Extremum."""
        script = None
        if k < len(tokens) and tokens[k].is_ch("_"):
            script, k = self._script(tokens, k)
        if k < len(tokens) and tokens[k].is_ch("^"):
            raise Unsupported(f"a power or superscript on {op}")
        if script is None:
            if k >= len(tokens) or not (tokens[k].is_ch("(", "[") or tokens[k].is_cs("{")):
                raise Unsupported(f"{op} without its arguments in brackets")
            open_ = tokens[k].text
            inner, k2 = self._balanced(tokens, k, open_, {"(": ")", "[": "]", "{": "}"}[open_])
            parts = _split_commas(inner)
            if any(not p for p in parts):
                raise Unsupported(f"the arguments of {op} are not a list separated by commas")
            run = sums.dotted_list(parts, sums._fresh_index(inner)) if op in ("max", "min") else None
            if run is not None:  # \max\{x_1, \ldots, x_n\}: the largest x_j for j = 1 .. n
                parts, (low, top, body) = run
                low_side = self.sub_side([Tok("ch", c, top.pos) for c in low])
                extremum = Extremum(op, sums._fresh_index(inner), self.sub_side(body), low_side, self.sub_side([top]))
                if not parts:
                    out.append(self.placeholder(extremum))
                    return k2
                parts = [*parts, [Tok("made", self.placeholder(extremum), top.pos)]]
            wanted = {"clip": 3, "sign": 1, "sgn": 1, "erf": 1, "ReLU": 1, "relu": 1, "round": 1}.get(op)
            if wanted and len(parts) != wanted:
                raise Unsupported(f"{op} with {len(parts)} arguments (expected {wanted})")
            out.append(self.placeholder(Apply(op, [self.sub_side(p) for p in parts])))
            return k2
        if op not in ("max", "min", "argmax", "argmin"):
            raise Unsupported(f"{op} with a subscript")
        variable, low, high = _extremum_variable(script)
        end = term_end(tokens, k)
        if end == k:
            raise NotationError(f"{op} with nothing after it", tokens[k - 1].pos)
        out.append(
            self.placeholder(
                Extremum(
                    op,
                    variable,
                    self.sub_side(tokens[k:end]),
                    self.sub_side(low) if low else None,
                    self.sub_side(high) if high else None,
                )
            )
        )
        return end

    def _environment(self, tokens, k, out):
        name = word_of(tokens[k + 1].items) if k + 1 < len(tokens) and tokens[k + 1].kind == "group" else ""
        depth, m = 0, k
        while m < len(tokens):
            if tokens[m].is_cs("begin"):
                depth += 1
            elif tokens[m].is_cs("end"):
                depth -= 1
                if depth == 0:
                    break
            m += 1
        if m >= len(tokens):
            raise NotationError(f"\\begin{{{name}}} is never ended", tokens[k].pos)
        inner = tokens[k + 2 : m]
        after = m + 2
        rows = display_rows(inner)
        if name in ("cases", "dcases", "rcases"):
            parsed = []
            for row in rows:
                cells = row_cells(row)
                expr = cells[0]
                cond_tokens = [x for c in cells[1:] for x in c]
                if len(cells) == 1:  # x \text{ if } x > 0, written without &
                    start = next(
                        (m for m in range(len(expr)) if m and is_condition_start(expr, m) and not expr[m].is_ch(",")),
                        None,
                    )
                    if start is not None:
                        expr, cond_tokens = expr[:start], expr[start:]
                expr = trim_punctuation(expr)
                words = [w.strip(",.:;") for w in detex(cond_tokens).lower().split()]
                otherwise = "otherwise" in words or "else" in words
                conditions = (
                    []
                    if otherwise
                    else [
                        Condition(p[0].text, relation_at(p, 1)[0], p[2].text)
                        if is_index_condition(p)
                        else self._comparison(p)
                        for p in condition_pieces(trim_punctuation(cond_tokens))
                    ]
                )
                if not otherwise and not conditions:
                    raise Unsupported("a case without its condition")
                parsed.append((self.sub_side(expr), conditions, otherwise))
            out.append(self.placeholder(Branches(parsed)))
            return after
        if name in ("pmatrix", "bmatrix", "matrix", "vmatrix", "array", "Bmatrix"):
            cells = [row_cells(r) for r in rows if r]
            if all(len(c) == 1 for c in cells):
                out.append(self.placeholder(TupleNode([self.sub_side(c[0]) for c in cells])))
            elif len(cells) == 1:
                out.append(self.placeholder(TupleNode([self.sub_side(c) for c in cells[0]], row=True)))
            elif len({len(c) for c in cells}) == 1:
                out.append(
                    self.placeholder(TupleNode([self.sub_side(x) for c in cells for x in c], columns=len(cells[0])))
                )
            else:
                raise Unsupported("a matrix whose rows have different lengths")
            return after
        raise Unsupported(f"the {name} environment inside a formula")


WORD_COMMANDS = ("text", "textrm", "textit", "textsf", "mathrm", "mathit", "mathsf", "operatorname")


def _written_as_word(script, key) -> bool:
    """Whether a superscript of letters is a word naming a variant (\\pi^{ref}, W^{\\text{res}}), not a power.

    Greek letters (x^{\\alpha}, e^{\\lambda x}) are variables, so such a script is a power; on e, only a
    word set in text type (e^{\\text{img}}) is a name: e^{ab} is Euler's number to the power ab.
    """
    commands = [t for t in flatten(script) if t.kind == "cs"]
    if any(not t.is_cs(*WORD_COMMANDS) for t in commands):
        return False
    return key != "e" or bool(commands)


def _opens_application(t, key) -> bool:
    """Whether the token after a name opens its arguments: f(x), E[X], \\mathbb{1}\\{i = j\\}."""
    return t.is_ch("(") or (t.is_ch("[") and key in SQUARE_BRACKET_FUNCTIONS) or (t.is_cs("{") and key == "one")


SUPERSCRIPT_READERS = (
    Rewriter._transpose_mark,
    Rewriter._star_mark,
    Rewriter._inverse_function,
    Rewriter._name_decoration,
)

COMMAND_READERS = {
    "evalopen": calculus.evaluated_at,
    "lim": calculus.limit,
    "int": calculus.integral,
    "frac": calculus.fraction,
    "dfrac": calculus.fraction,
    "tfrac": calculus.fraction,
    "cfrac": calculus.fraction,
    "partial": calculus.partial,
    "nabla": calculus.gradient,
    "sum": sums.sum_or_product,
    "prod": sums.sum_or_product,
    "#": sums.count,
    "binom": Rewriter._binomial,
    "dbinom": Rewriter._binomial,
    "tbinom": Rewriter._binomial,
    "|": Rewriter._norm,
    "begin": Rewriter._environment,
    "sqrt": Rewriter._square_root,
    **dict.fromkeys(ELEMENTARY, Rewriter._elementary),
    **dict.fromkeys(DOTS, Rewriter._dots_in_a_list),
    "cdot": Rewriter._native_operator,
    "times": Rewriter._native_operator,
    **dict.fromkeys(("top", "intercal", "prime"), Rewriter._lone_transpose),
    "{": Rewriter._brace,
    "lfloor": Rewriter._rounding,
    "lceil": Rewriter._rounding,
    "rfloor": Rewriter._unmatched_rounding,
    "rceil": Rewriter._unmatched_rounding,
    "det": Rewriter._determinant,
    "\\": Rewriter._line_break,
}
CHARACTER_READERS = {
    " ": Rewriter._skip,
    ";;": Rewriter._skip,
    "&": Rewriter._skip,
    "(": Rewriter._bracket,
    "[": Rewriter._bracket,
    "|": Rewriter._absolute,
    **dict.fromkeys(".0123456789", Rewriter._number),
    "^": Rewriter._power,
    "_": Rewriter._lone_subscript,
    "'": Rewriter._lone_prime,
    **dict.fromkeys("+-*/!", Rewriter._operator),
}
KIND_READERS = {
    "made": Rewriter._made,
    "group": Rewriter._group,
    "cs": Rewriter._other_command,
    "ch": Rewriter._other_character,
}


OPERATIONS = ("argmax", "argmin", "max", "min", "clip", "sign", "sgn", "erf", "ReLU", "relu", "round")
NATIVE_ALIASES = {
    "det": "det",
    "cosh": "cosh",
    "sinh": "sinh",
    "tanh": "tanh",
    "Tanh": "tanh",
    "sin": "sin",
    "cos": "cos",
    "exp": "exp",
    "log": "log",
    "ln": "ln",
    "Exp": "exp",
    "tan": "tan",
    **{name: name for name in ("arcsin", "arccos", "arctan", "arcsinh", "arccosh", "arctanh")},
    **INVERSE_NAMES,
}


# operators written before their operand, with or without brackets: \\operatorname{tr} AB, \\det W
PREFIX_OPERATORS = ("tr", "trace", "det")


def _starts_operator(tokens, m) -> bool:
    """Whether an operator that ends the operand of a bracketless \\det or \\operatorname{tr} starts at tokens[m]."""
    x = tokens[m]
    if x.is_cs("cdot", "times", "det", "log", "ln", "exp", "sum", "prod", "frac"):
        return True
    if x.kind == "cs" and x.text in FONT and m + 1 < len(tokens) and tokens[m + 1].kind == "group":
        name = word_of(tokens[m + 1].items)
        return FUNCTION_ALIASES.get(name, name) in PREFIX_OPERATORS
    return False


def _native_alias(tokens, k):
    """(function, next k) for a built-in function written as a word: \\operatorname{tanh}(x), \\text{Tanh}(x), tanh(x)."""
    t = tokens[k]
    if t.kind == "cs" and t.text in FONT and k + 1 < len(tokens) and tokens[k + 1].kind == "group":
        word = word_of(tokens[k + 1].items)
        return (NATIVE_ALIASES[word], k + 2) if word in NATIVE_ALIASES else None
    if (
        t.kind == "ch"
        and t.text.isalpha()
        and (k == 0 or not (tokens[k - 1].kind == "ch" and tokens[k - 1].text.isalpha()))
    ):
        m = k
        while m < len(tokens) and tokens[m].kind == "ch" and tokens[m].text.isalpha():
            m += 1
        word = "".join(x.text for x in tokens[k:m])
        if word in ("tanh", "Tanh", "sin", "cos", "sinh", "cosh") and m < len(tokens) and tokens[m].is_ch("("):
            return NATIVE_ALIASES[word], m
    return None


def _operation_name(tokens, k):
    """(operation, next k) if an operation such as \\max or \\operatorname{clip} starts at tokens[k]."""
    t = tokens[k]
    if t.is_cs("max", "min", "argmax", "argmin", "sgn", "sign", "clip", "erf"):
        return t.text, k + 1
    if t.is_cs("arg") and k + 1 < len(tokens) and tokens[k + 1].is_cs("max", "min"):
        return "arg" + tokens[k + 1].text, k + 2
    if t.kind == "cs" and t.text in FONT and k + 1 < len(tokens) and tokens[k + 1].kind == "group":
        word = word_of(tokens[k + 1].items)
        if word in OPERATIONS:
            return word, k + 2
        return None
    if (
        t.kind == "ch"
        and t.text.isalpha()
        and (k == 0 or not (tokens[k - 1].kind == "ch" and tokens[k - 1].text.isalpha()))
    ):
        run = ""
        m = k
        while m < len(tokens) and tokens[m].kind == "ch" and tokens[m].text.isalpha():
            run += tokens[m].text
            m += 1
        if run in OPERATIONS and m < len(tokens) and (tokens[m].is_ch("(", "_") or tokens[m].is_cs("{")):
            return run, m
    return None


def _extremum_variable(script):
    """(variable, low, high) of the subscript of \\max_i, \\max_{1 \\le i \\le n}, \\max_{i \\in [n]}."""
    if len(script) == 1 and script[0].kind == "ch" and script[0].text.isalpha():
        return script[0].text, None, None
    if (
        len(script) >= 3
        and script[0].kind == "ch"
        and script[0].text.isalpha()
        and is_harmless_membership(script)
        and not script[2].is_cs("mathbb")
    ):
        return script[0].text, None, None
    relations = [m for m in range(len(script)) if relation_at(script, m)]
    if (
        len(relations) == 2
        and all(relation_at(script, m)[0] in ("<=", "<") for m in relations)
        and relations[1] == relations[0] + 2
    ):
        middle = script[relations[0] + 1]
        if middle.kind == "ch" and middle.text.isalpha():
            low, high = script[: relations[0]], script[relations[1] + 1 :]
            if relation_at(script, relations[0])[0] == "<":
                low = low + [Tok("ch", "+", 0), Tok("ch", "1", 0)]
            if relation_at(script, relations[1])[0] == "<":
                high = high + [Tok("ch", "-", 0), Tok("ch", "1", 0)]
            return middle.text, low, high
    raise Unsupported(
        f"a maximum or minimum over '{detex(script).strip()}' (only over an index: \\max_i, \\max_{{1 \\le i \\le n}})"
    )


def _split_commas(tokens) -> list:
    """Arguments separated by top-level commas (a |b| inside an argument stays whole)."""
    parts, current = [], []
    for m, x in enumerate(tokens):
        if x.is_ch(",") and depth_at(tokens, m) == 0:
            parts.append(current)
            current = []
        else:
            current.append(x)
    parts.append(current)
    return parts


def _is_norm_exponent(script) -> bool:
    """Whether the subscript of a norm is an exponent p: one letter, Greek letter or whole number."""
    items = [x for x in script if not x.is_ch(" ")]
    if len(items) == 1 and (items[0].is_cs(*GREEK) or items[0].kind == "ch" and items[0].text.isalpha()):
        return items[0].text not in ("F", "T")
    return bool(items) and all(x.kind == "ch" and x.text.isdigit() for x in items)


def _is_minus_one(script_token) -> bool:
    """Whether a superscript token is -1 (``^{-1}``)."""
    items = script_token.items if script_token.kind == "group" else [script_token]
    return word_of(items).replace(" ", "") == "-1"


def _starts_argument(token) -> bool:
    """Whether a token can begin a function's argument written without brackets (\\sin^2 t, \\cos^2 \\theta)."""
    from derive.docs.symbols import GREEK

    return token.kind == "ch" and token.text.isalnum() or token.is_cs(*GREEK)


def _is_transpose(script) -> bool:
    if len(script) == 1:
        return script[0].is_cs("top", "intercal", "T", "mathsf") or script[0].is_ch("T")
    return (
        len(script) == 2
        and script[0].is_cs("mathsf", "mathrm", "text")
        and word_of(script[1].items if script[1].kind == "group" else [script[1]]) == "T"
    )


def _percent(digits: str) -> str:
    """The decimal a percentage stands for, keeping every written digit: 95.4 -> 0.954, 100 -> 1.00."""
    whole, _, fraction = digits.partition(".")
    whole = whole.rjust(3, "0")
    return f"{int(whole[:-2])}.{whole[-2:]}{fraction}"


def _three_digits(tokens, k) -> bool:
    digits = 0
    while k < len(tokens) and tokens[k].kind == "ch" and tokens[k].text.isdigit():
        digits += 1
        k += 1
    return digits == 3


def _iverson(tokens):
    conditions = parse_conditions(tokens)
    if len(conditions) == 1 and len([t for t in tokens if not t.is_ch(" ")]) == 3:
        return conditions[0]
    return None


def _plain(tokens) -> str:
    return " ".join(repr(t) for t in tokens)


E_NOTATION = re.compile(r"(?<![\w\\.])(\d+(?:\.\d+)?)e([+-]?\d+)(?![\w.])")  # 3e-4, written without spaces


def rewrite_chain(text: str, log_base: str = "e", functions=()) -> tuple:
    """(sides as Side, relations, conditions) for one formula; ``functions`` are names known to be functions.

    A number in E notation written without spaces (``3e-4``, ``1e-8``, ``2.5e3``) is that number, as
    ``3 \\times 10^{-4}``: the way learning rates and tolerances are written.
    """
    tokens = clean(lex(E_NOTATION.sub(lambda m: f"{m.group(1)} \\times 10^{{{m.group(2)}}}", text)))
    tokens = [  # 1 + x + \ldots, = ...: the comma closes the dots, it starts no condition
        x
        for m, x in enumerate(tokens)
        if not (x.is_ch(",") and m > 0 and tokens[m - 1].is_cs(*DOTS) and relation_at(tokens, m + 1))
    ]
    tokens, hypothesis = _split_implication(tokens)
    definition = _function_definition(hypothesis) if hypothesis else None
    if definition is not None:  # f(x) = e^x \implies f'... : the claim is read with f put to its definition
        tokens, hypothesis = _put_function(tokens, *definition), None
    chain = split_chain(tokens)
    relations = list(chain.relations)
    side_tokens = list(chain.sides)
    if relations and relations[0] == "<-":
        # w \leftarrow w - \eta g = ...: an update assigns its first side; what follows it may be claimed
        if len(relations) == 1:
            raise Unsupported("an update x \\leftarrow ... assigns a value; it states nothing to check")
        relations, side_tokens = relations[1:], side_tokens[1:]
    if "<-" in relations:
        raise Unsupported("an arrow \\leftarrow after another relation in one chain")
    for link, relation in enumerate(relations):
        if relation in UNDECIDED_RELATIONS:
            raise Unsupported(UNDECIDED_RELATIONS[relation])
        if relation == "->" and link > 0 and relations[link - 1] != "and":
            raise Unsupported("an arrow \\to after another relation in one chain")
        if relation == "->":
            # f \\xrightarrow{n \\to \\infty} L, or f \\to L as n \\to \\infty: the limit of the left side is L
            annotation = chain.arrows[link] if link < len(chain.arrows) else None
            if not annotation or not arrow_target(annotation):
                raise Unsupported("an arrow \\to without the limit it takes (n \\to \\infty)")
            left = side_tokens[link]
            side_tokens[link] = [
                Tok("cs", "lim", 0),
                Tok("ch", "_", 0),
                Tok("group", "", 0, list(annotation)),
                Tok("ch", "(", 0),
                *left,
                Tok("ch", ")", 0),
            ]
            relations[link] = "="
    rewriter = Rewriter(log_base, functions)
    sides = []
    for tokens in side_tokens:
        if not tokens:
            raise NotationError("a relation with an empty side", 0)
        sides.append(rewriter.side(tokens))
    conditions = chain.conditions
    comparisons, definitions = [], {}
    if hypothesis:
        _read_hypothesis(rewriter, hypothesis, comparisons, definitions)
    for piece in chain.stated:
        comparison = rewriter._comparison(piece)
        at = next(m for m in range(len(piece)) if relation_at(piece, m))
        key = _name_key(rewriter, piece[:at]) if comparison.relations == ["="] else None
        if key is not None:
            # where \beta = 0.9, where p = \operatorname{softmax}(z): the formula is read with that meaning
            definitions[key] = comparison.sides[1]
        elif all(r in ("<", "<=", ">", ">=", "!=") for r in comparison.relations):
            comparisons.append(comparison)
        else:
            raise Unsupported(f"the stated condition '{detex(piece).strip()}' cannot be imposed")
    conditions.comparisons = tuple(comparisons)
    conditions.definitions = definitions
    return sides, relations, conditions


IMPLICATIONS = ("Rightarrow", "implies", "Longrightarrow")
LEADS_TO = ("to", "rightarrow", "longrightarrow")


def _split_implication(tokens):
    """(claim tokens, hypothesis tokens or None) of ``A \\implies B`` (also ``A \\Rightarrow B``, and
    ``A \\rightarrow B`` between two statements): B is claimed under A; a leading ``\\implies B`` claims B."""
    at, depth = [], 0
    for m, x in enumerate(tokens):
        if opens(x) or x.is_cs("begin"):
            depth += 1
        elif closes(x) or x.is_cs("end"):
            depth -= 1
        elif depth == 0 and (x.is_cs(*IMPLICATIONS) or x.is_cs(*LEADS_TO) and _statements_around(tokens, m)):
            at.append(m)
    if len(at) != 1:
        return tokens, None
    return tokens[at[0] + 1 :], tokens[: at[0]]


def _statements_around(tokens, m) -> bool:
    """Whether the arrow at tokens[m] stands between two statements, each with a relation of its own."""

    def has_relation(part):
        depth = 0
        for n, x in enumerate(part):
            depth += 1 if opens(x) else -1 if closes(x) else 0
            found = relation_at(part, n) if depth == 0 else None
            if found and found[0] not in ("->", "implies"):
                return True
        return False

    return has_relation(tokens[:m]) and has_relation(tokens[m + 1 :])


def _function_definition(tokens):
    """(name token, parameter texts, body tokens) if ``tokens`` define a function, f(x) = e^x or
    \\sigma(a, b) = a b (a one-token name, distinct one-token parameters); None otherwise."""
    tokens = trim_punctuation(tokens)
    if len(tokens) < 5 or not (tokens[0].kind == "ch" and tokens[0].text.isalpha() or tokens[0].is_cs(*GREEK)):
        return None
    if not tokens[1].is_ch("("):
        return None
    close = next((m for m in range(2, len(tokens)) if tokens[m].is_ch(")")), None)
    if close is None or close + 1 >= len(tokens) or not tokens[close + 1].is_ch("="):
        return None
    params = _split_commas(tokens[2:close])
    names = [
        p[0].text for p in params if len(p) == 1 and (p[0].kind == "ch" and p[0].text.isalpha() or p[0].is_cs(*GREEK))
    ]
    body = tokens[close + 2 :]
    if len(names) != len(params) or len(set(names)) != len(names) or not body:
        return None
    if any(relation_at(body, m) for m in range(len(body))):
        return None
    return tokens[0], names, body


def _put_function(tokens, name, params, body):
    """``tokens`` with every use of the function ``name`` replaced by its definition: f(a) by (body at a),
    a bare f (df/dx) by (body); Unsupported for uses the definition does not give (f', f^{-1}, f_i)."""
    out = []
    k = 0
    while k < len(tokens):
        x = tokens[k]
        if x.kind == "group":
            words = k and tokens[k - 1].kind == "cs" and tokens[k - 1].text in FONT
            out.append(x if words else Tok("group", "", x.pos, _put_function(x.items, name, params, body)))
            k += 1
            continue
        if x.kind != name.kind or x.text != name.text or not _stands_alone(tokens, k):
            out.append(x)
            k += 1
            continue
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        primes = 0
        while k + 1 + primes < len(tokens) and tokens[k + 1 + primes].is_ch("'"):
            primes += 1
        if primes and len(params) == 1 and k + 1 + primes < len(tokens) and tokens[k + 1 + primes].is_ch("("):
            k = _put_derivative(tokens, k, primes, params[0], body, out)  # f'(a): the derivative of f's body at a
            continue
        if after is not None and (after.is_ch("'", "^", "_") or after.is_cs("prime")):
            raise Unsupported(
                f"an implication from a definition of {detex([name]).strip()}, used here as {detex(tokens[k : k + 2]).strip()}"
            )
        if after is not None and after.is_ch("("):
            close = next(
                (
                    m
                    for m in range(k + 1, len(tokens))
                    if tokens[m].is_ch(")") and depth_at(tokens[k + 1 : m + 1], m - k) == 0
                ),
                None,
            )
            args = _split_commas(tokens[k + 2 : close]) if close is not None else []
            if close is None or len(args) != len(params) or any(not a for a in args):
                raise Unsupported(
                    f"an implication from a definition of {detex([name]).strip()} with {len(params)} argument(s), used otherwise"
                )
            values = dict(zip(params, args))
            k = close + 1
        else:
            values = {}
            k += 1
        out.append(Tok("ch", "(", x.pos))
        out.extend(_with_values(body, values))
        out.append(Tok("ch", ")", x.pos))
    return out


def _put_derivative(tokens, k, primes, param, body, out):
    """Writes f'(a) (``primes`` primes) for f(param) = body as \\left. \\frac{d}{d param} (body) \\right|_{param = a};
    returns the position after the closing bracket."""
    opening = k + 1 + primes
    close = next(
        (
            m
            for m in range(opening, len(tokens))
            if tokens[m].is_ch(")") and depth_at(tokens[opening : m + 1], m + 1 - opening) == 0
        ),
        None,
    )
    if close is None:
        raise NotationError("'(' is never closed", tokens[opening].pos)
    pos = tokens[k].pos
    variable = Tok("cs", param, pos) if param in GREEK else Tok("ch", param, pos)
    order = [Tok("ch", "^", pos), Tok("ch", str(primes), pos)] if primes > 1 else []
    out.extend(
        [
            Tok("cs", "evalopen", pos),
            Tok("cs", "frac", pos),
            Tok("group", "", pos, [Tok("ch", "d", pos), *order]),
            Tok("group", "", pos, [Tok("ch", "d", pos), variable, *order]),
            Tok("ch", "(", pos),
            *body,
            Tok("ch", ")", pos),
            Tok("cs", "evalclose", pos),
            Tok("ch", "_", pos),
            Tok(
                "group",
                "",
                pos,
                [variable, Tok("ch", "=", pos), Tok("ch", "(", pos), *tokens[opening + 1 : close], Tok("ch", ")", pos)],
            ),
        ]
    )
    return close + 1


def _stands_alone(tokens, k) -> bool:
    """Whether the one-token name at tokens[k] is a name of its own: juxtaposed letters are factors (df, xy),
    but not the letters of a word the reader knows (softmax, exp)."""
    if tokens[k].kind == "cs":
        return True
    start = k
    while start > 0 and tokens[start - 1].kind == "ch" and tokens[start - 1].text.isalpha():
        start -= 1
    end = k
    while end < len(tokens) and tokens[end].kind == "ch" and tokens[end].text.isalpha():
        end += 1
    run = "".join(x.text for x in tokens[start:end])
    return not any(len(word) > 1 and word in run for word in WORD_FUNCTIONS | set(ELEMENTARY))


def _with_values(tokens, values):
    """``tokens`` with each parameter (a one-token name) replaced by its bracketed argument."""
    out = []
    for m, x in enumerate(tokens):
        if x.kind == "group":
            words = m and tokens[m - 1].kind == "cs" and tokens[m - 1].text in FONT
            out.append(x if words else Tok("group", "", x.pos, _with_values(x.items, values)))
        elif x.text in values and (x.is_cs(*GREEK) or x.kind == "ch" and _stands_alone(tokens, m)):
            out.extend([Tok("ch", "(", x.pos), *values[x.text], Tok("ch", ")", x.pos)])
        else:
            out.append(x)
    return out


def _read_hypothesis(rewriter, tokens, comparisons, definitions):
    """Adds the hypothesis of an implication: a comparison (y > x) or the definition of a name (x = 2)."""
    tokens = trim_punctuation(tokens)
    if not tokens:
        return  # \implies B on a row of its own: B is claimed as it stands
    if not any(relation_at(tokens, m) for m in range(len(tokens))):
        raise Unsupported("an implication whose hypothesis is not a relation is not decided")
    comparison = rewriter._comparison(tokens)
    at = next(m for m in range(len(tokens)) if relation_at(tokens, m))
    key = _name_key(rewriter, tokens[:at]) if comparison.relations == ["="] else None
    if key is not None:
        definitions[key] = comparison.sides[1]
    elif all(r in ("<", "<=", ">", ">=") for r in comparison.relations):
        comparisons.append(comparison)
    else:
        raise Unsupported(
            f"an implication from '{detex(tokens).strip()}' is not decided: only a comparison (y > x) "
            "or the definition of a name (x = 2) is read as a hypothesis"
        )


def _name_key(rewriter, tokens):
    """The vocabulary key of ``tokens`` if they are one name (\\hat{y} -> hat_y, \\beta_1 -> beta_1), else None."""
    named = rewriter._atom_name(tokens, 0) if tokens else None
    if not named:
        return None
    before = set(rewriter.table)
    end = rewriter._atom(tokens, 0, named, [])
    made = [rewriter.table[k] for k in rewriter.table if k not in before]
    atom = made[-1] if made else None  # the name itself is made after its arguments
    if end != len(tokens) or not isinstance(atom, Atom) or atom.args is not None:
        return None
    keys = atom.full_keys()
    return keys[0] if keys else atom.key
