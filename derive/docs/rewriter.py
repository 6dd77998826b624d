"""The rewriter: a side of a formula, token by token, into grammar text with placeholders.

Every identifier, function application, derivative, sum and tuple becomes an opaque placeholder
``\\text{YN}`` whose structure is kept in a table of nodes (:mod:`derive.docs.nodes`); the grammar
(:mod:`derive.docs.parse`) then only sees arithmetic. The rewriter dispatches on the token at hand (a
command or character -> its reader); the readers live in modules of their own: :mod:`derive.docs.names`
(identifiers), :mod:`derive.docs.functions` (functions and operators written before their arguments),
:mod:`derive.docs.brackets`, :mod:`derive.docs.numerals`, :mod:`derive.docs.calculus` and
:mod:`derive.docs.sums`.
"""

from __future__ import annotations

import re

from derive.docs import brackets, calculus, functions, names, numerals, sums
from derive.docs.chain import relation_at
from derive.docs.nodes import Comparison, Product, Side, Transposed
from derive.docs.symbols import ELEMENTARY, FONT, FUNCTION_ALIASES, GREEK, GREEK_ALIASES, NATIVE, WORD_FUNCTIONS
from derive.docs.tokens import (
    BRACKET_SIZES,
    DOTS,
    TEXT_COMMANDS,
    NotationError,
    Tok,
    Unsupported,
    closes,
    depth_at,
    detex,
    is_power_of_number,
    is_transpose,
    latex_of,
    opens,
    top_level_at,
    word_of,
)

MAX_PLACEHOLDERS = 250


_APPLIED = re.compile(r"(\\text\{Y\d+\})\s*\(")

# one placeholder or one bracket: a whole term a transpose can apply to
_WHOLE_TERM = re.compile(r"\s*\\text\{Y\d+\}\s*|\(.*\)", re.S)


RELATIONS = ("=", "<", ">", "|")


def _opens_an_event(tokens, k) -> bool:
    """Whether tokens[k:] open a bracket, after an optional subscript, that holds a relation at its top level (X = k,
    X > s + t \\mid X > s): an event, so the P and r before it write the probability Pr, never a product P r."""
    if k < len(tokens) and tokens[k].is_ch("_"):
        k += 2
    if k >= len(tokens) or not tokens[k].is_ch("("):
        return False
    depth = 0
    for token in tokens[k:]:
        if token.is_ch("(", "["):
            depth += 1
        elif token.is_ch(")", "]"):
            depth -= 1
            if depth == 0:
                return False
        elif depth == 1 and (token.is_ch(*RELATIONS) or token.is_cs("le", "ge", "leq", "geq", "neq", "ne", "mid")):
            return True
    return False


class Rewriter:
    """Rewrites a cleaned token list into grammar text with placeholders."""

    def __init__(self, log_base: str = "e", functions=(), numbers=()):
        self.table = {}
        self.log_base = log_base
        self.functions = set(functions)  # names the document defines as functions: f(x + h) applies f
        # letters the formula writes alone as numbers (\sigma (x + 1) multiplies), and the names the tag declares
        # numbers (\gamma^T a power)
        self.numbers: set = set(numbers) - self.functions
        self.words_alone: set = set()  # words in text type the formula writes as variables (derive.docs.names)
        self.gradient_variable = None  # what an unsubscripted \nabla differentiates by (derive.docs.calculus)

    def placeholder(self, node) -> str:
        if len(self.table) >= MAX_PLACEHOLDERS:
            raise Unsupported(f"more than {MAX_PLACEHOLDERS} symbols and numbers in one formula")
        # \text{Y7} is read by the grammar as the symbol Y7 some 40 times faster than Y_{7} (a subscript)
        number = len(self.table) + 1
        self.table[f"Y{number}"] = node
        return f" \\text{{Y{number}}} "

    def side(self, tokens) -> Side:
        text = self.emit(list(tokens))
        return Side(text, self.table, _plain(tokens), latex_of(tokens))

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
            if run == "Pr" and _opens_an_event(tokens, m):  # Pr(X = k), Pr_{p}(X > s): \Pr set in italics
                return ("Pr", m)
            defined = {f for f in self.functions if len(f) > 1 and f.isalpha()}  # Loss(x, y, W) the tag defines
            for word in sorted(WORD_FUNCTIONS | {"log", "exp", "ln"} | defined, key=len, reverse=True):
                if len(word) > 1 and run.startswith(word):
                    if word in ("log", "exp", "ln"):
                        return ("__native__" + word, k + len(word))
                    return (word, k + len(word))
            return (t.text, k + 1)
        increment = self._increment(tokens, k)
        if increment is not None:
            return increment
        if t.kind == "cs" and t.text in GREEK:
            return (GREEK_ALIASES.get(t.text, t.text), k + 1)
        if t.is_cs("Pr"):  # \Pr(X = k): a probability
            return ("Pr", k + 1)
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
            if t.text == "mathbb" and word == "V" and k + 2 < len(tokens) and tokens[k + 2].is_ch("[", "(", "_"):
                return ("Var", k + 2)  # \mathbb{V}[X], \mathbb{V}_{x \sim p}(f): the variance
            return (prefix + FUNCTION_ALIASES.get(word, word), k + 2)
        return None

    def _increment(self, tokens, k):
        """(key, next k) for an increment written \\Delta before a name (\\Delta \\mathbf{x}_t, \\Delta\\theta): one name,
        the change of that name, as updates are written; None for a \\Delta alone or before anything else."""
        if not tokens[k].is_cs("Delta") or k + 1 >= len(tokens):
            return None
        following = tokens[k + 1]
        if not (
            following.kind == "ch"
            and following.text.isalpha()
            or following.kind == "cs"
            and (following.text in GREEK and following.text != "Delta" or following.text in FONT)
        ):
            return None
        named = self._atom_name(tokens, k + 1)
        if named is None or named[0].startswith("__native__") or named[0] in WORD_FUNCTIONS:
            return None
        return (f"Delta_{named[0]}", named[1])

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
        norm_open = False  # inside \|x\| that opens an argument (\mathbb{E}[\|x\|^2]): its bars separate nothing
        abs_open = False  # inside |x| that opens an argument: its bars separate nothing either
        for t in tokens:
            if opens(t):
                depth += 1
            elif closes(t):
                depth -= 1
            if depth == 0 and t.is_cs("|") and not current and seps and seps[-1] == "||":
                continue  # D_{KL}(P \|\| Q): a doubled \| is one separator
            if depth == 0 and t.is_cs("|") and (norm_open or not current):
                norm_open = not norm_open
                current.append(t)
                continue
            if depth == 0 and t.is_ch("|") and (abs_open or not current):  # E[|X|], P(|X - \mu| \ge k\sigma)
                abs_open = not abs_open
                current.append(t)
                continue
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
            for at, t in enumerate(arg):
                if t.is_ch("+", "-") and at and arg[at - 1].is_ch("^"):
                    continue  # x^+, x^-_i: a sign raised as a mark of the name, not an operation
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
        elif plain.isalpha() and len(plain) <= 3 and plain.islower() and not _written_as_label(script, plain):
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

    def _native_operator(self, tokens, k, out):
        out.append(NATIVE[tokens[k].text] + " ")  # \cdot, \times
        return k + 1

    def _infinity(self, tokens, k, out):
        out.append(r"\infty ")  # a value in arithmetic: e^{-\infty} = 0; bind keeps only a determined value
        return k + 1

    def _absolute_or_bar(self, tokens, k, out):
        raise Unsupported(
            "\\left| f \\right|_{x = a} is an absolute value taken at a point or an evaluation bar; "
            "write \\left. f \\right|_{x = a} for the bar"
        )

    def _lone_transpose(self, tokens, k, out):
        raise NotationError("a transpose with nothing before it", tokens[k].pos)

    def _line_break(self, tokens, k, out):
        raise NotationError("a line break inside an expression", tokens[k].pos)

    def _power(self, tokens, k, out):
        script, k2 = self._script(tokens, k)
        if is_transpose(script) and not is_power_of_number(self, script):
            # {k_j}^\top, \max\{xW - b, 0\}^\top, f(x)^\top: the transpose of the whole term before it
            if not out or not _WHOLE_TERM.fullmatch(out[-1]):
                raise Unsupported("a transpose of a bracketed expression")
            out[-1] = self.placeholder(Transposed(Side(out[-1], self.table)))
            return k2
        out.append("^{" + self.emit(script) + "}")
        return k2

    def _lone_subscript(self, tokens, k, out):
        raise NotationError("a subscript with nothing before it", tokens[k].pos)

    def _lone_prime(self, tokens, k, out):
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        multiplies = after is not None and (after.kind in ("cs", "group") or after.is_ch("(") or after.text.isalpha())
        if out and out[-1].lstrip().startswith("(") and _WHOLE_TERM.fullmatch(out[-1]) and multiplies:
            # (x_i - \mu)'\Sigma^{-1}(x_i - \mu): a transpose before a factor, as statistics texts write it (a prime
            # that ends a term, (r(t))' = r'(t), may be a derivative, and is not read)
            out[-1] = self.placeholder(Transposed(Side(out[-1], self.table), primed=True))
            return k + 1
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
                and not _closed_call(term[: positions[0]])
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

    def _atom(self, tokens, k, named, out):
        """An identifier read at tokens[k] (see :func:`derive.docs.names.atom`)."""
        return names.atom(self, tokens, k, named, out)


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
    "binom": functions.binomial,
    "dbinom": functions.binomial,
    "tbinom": functions.binomial,
    "|": brackets.norm,
    "begin": brackets.environment,
    "sqrt": functions.square_root,
    **dict.fromkeys(ELEMENTARY, functions.elementary),
    **dict.fromkeys(DOTS, functions.dots_in_a_list),
    "cdot": Rewriter._native_operator,
    "times": Rewriter._native_operator,
    **dict.fromkeys(("top", "intercal", "prime"), Rewriter._lone_transpose),
    "{": brackets.brace,
    "lfloor": brackets.rounding,
    "lceil": brackets.rounding,
    "rfloor": brackets.unmatched_rounding,
    "rceil": brackets.unmatched_rounding,
    "det": functions.determinant,
    "infty": Rewriter._infinity,
    "absoluteorbar": Rewriter._absolute_or_bar,
    "\\": Rewriter._line_break,
}


CHARACTER_READERS = {
    " ": Rewriter._skip,
    ";;": Rewriter._skip,
    "&": Rewriter._skip,
    "(": brackets.bracket,
    "[": brackets.bracket,
    "|": brackets.absolute,
    **dict.fromkeys(".0123456789", numerals.number),
    "^": Rewriter._power,
    "_": Rewriter._lone_subscript,
    "'": Rewriter._lone_prime,
    **dict.fromkeys("+-*/!", Rewriter._operator),
}


KIND_READERS = {
    "made": Rewriter._made,
    "group": brackets.group,
    "cs": names.other_command,
    "ch": names.other_character,
}


def _plain(tokens) -> str:
    return " ".join(repr(t) for t in tokens)


# subscripts that authors write as labels, never as lists of indices: \eta_{max}, T_{cur}, \pi_{ref}
LABEL_WORDS = {"max", "min", "cur", "ref", "out", "avg", "std", "tot", "opt", "old", "new", "eff"}


def _written_as_label(script, plain: str) -> bool:
    """Whether a subscript of a few letters is one label: a word in text type (n_\\textrm{in}), an operator name
    (a_{\\max}), or a word authors abbreviate as a label (\\eta_{max}), rather than a list of index letters (W_{ij})."""
    items = script[0].items if len(script) == 1 and script[0].kind == "group" else script
    text_type = len(items) == 2 and items[0].is_cs(*TEXT_COMMANDS, "mathrm") and items[1].kind == "group"
    operator = len(items) == 1 and items[0].kind == "cs"
    return text_type or operator or plain in LABEL_WORDS


def _closed_call(tokens) -> bool:
    """Whether ``tokens`` are one \\max or \\min with its bracketed arguments (or one \\frac with its two groups), so
    that an \\odot after them multiplies the whole: \\max(0, u) \\odot c is (\\max(0, u)) \\odot c."""
    if len(tokens) == 3 and tokens[0].is_cs("frac") and all(t.kind == "group" for t in tokens[1:]):
        return True
    if not tokens or not tokens[0].is_cs("max", "min"):
        return False
    rest = [t for t in tokens[1:] if not t.is_cs(*BRACKET_SIZES)]
    if len(rest) >= 2 and rest[0].is_ch("_"):
        rest = rest[2:]
    if len(rest) < 2 or not rest[0].is_ch("(", "[") or not rest[-1].is_ch(")", "]"):
        return False
    depth = 0
    for position, token in enumerate(rest):
        depth += 1 if token.is_ch("(", "[") else -1 if token.is_ch(")", "]") else 0
        if depth == 0 and position < len(rest) - 1:
            return False  # the first bracket closes before the end: more than the call
    return True
