"""The notation layer: what a formula written for people says, before any meaning is bound.

A formula is lexed into TeX tokens, split at its top-level relations into a chain of
links (``a = b \\le c``), trailing conditions (``\\text{if } i \\ne j``) are set
apart, and each side is rewritten for the LaTeX grammar (:mod:`derive.docs.parse`):
every identifier, function application, derivative, sum and tuple becomes an opaque
placeholder ``Y_{N}`` whose structure is kept in a table of nodes. The grammar then
only sees arithmetic. What an identifier *means* (σ is the softmax or the logistic
function, ``\\pi_{ref}`` a policy) is decided later, by :mod:`derive.docs.bind`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from derive.errors import DeriveError


class NotationError(DeriveError):
    """A formula whose notation cannot be read (unbalanced braces, a dangling operator, ...)."""

    def __init__(self, message: str, position: int | None = None):
        super().__init__(message)
        self.position = position


class Unsupported(DeriveError):
    """A formula that is readable but uses an operation the checker cannot decide."""


# --- tokens -------------------------------------------------------------------------

@dataclass
class Tok:
    kind: str          # "cs" (control sequence), "ch" (character), "group" ({...})
    text: str = ""
    pos: int = 0
    items: list = field(default_factory=list)

    def is_cs(self, *names):
        return self.kind == "cs" and self.text in names

    def is_ch(self, *chars):
        return self.kind == "ch" and self.text in chars

    def __repr__(self):
        return f"{{{' '.join(map(repr, self.items))}}}" if self.kind == "group" else self.text


def lex(text: str) -> list:
    """TeX tokens of ``text`` with braces grouped; comments dropped."""
    stack: list[list] = [[]]
    starts = []
    position = 0
    while position < len(text):
        c = text[position]
        if c == "\\":
            end = position + 1
            if end < len(text) and text[end].isalpha():
                while end < len(text) and text[end].isalpha():
                    end += 1
                stack[-1].append(Tok("cs", text[position + 1:end], position))
            else:
                stack[-1].append(Tok("cs", text[position + 1:end + 1], position))
                end += 1
            position = end
            continue
        if c == "%":
            newline = text.find("\n", position)
            position = len(text) if newline < 0 else newline
            continue
        if c == "{":
            stack.append([])
            starts.append(position)
        elif c == "}":
            if len(stack) == 1:
                raise NotationError("unbalanced '}'", position)
            items = stack.pop()
            stack[-1].append(Tok("group", "", starts.pop(), items))
        elif not c.isspace():
            stack[-1].append(Tok("ch", c, position))
        elif c.isspace():
            stack[-1].append(Tok("ch", " ", position))
        position += 1
    if len(stack) != 1:
        raise NotationError("unbalanced '{'", starts[-1])
    return stack[0]


def detex(tokens) -> str:
    """Plain text of tokens (for names and conditions)."""
    out = []
    for t in tokens:
        if t.kind == "group":
            out.append(detex(t.items))
        elif t.kind == "cs":
            if t.text in ("text", "mathrm", "operatorname", "mathit", "textrm", "mbox", "rm", "mathsf", "textit", "mathbf", "boldsymbol", "bm"):
                continue
            out.append(t.text if t.text.isalpha() else "")
        else:
            out.append(t.text)
    return "".join(out)


# --- cleaning -----------------------------------------------------------------------

DROP = {",", ";", "!", ":", ">", " ", "quad", "qquad", "left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr",
        "Bigl", "Bigr", "biggl", "biggr", "displaystyle", "textstyle", "limits", "nolimits", "nonumber", "notag",
        "middle", "thinspace", "medspace", "thickspace", "enspace", "mkern", "mathstrut", "strut", "phantom", "hphantom"}
WITH_ARG_DROP = {"label", "tag", "hspace", "vspace", "phantom", "hphantom", "vphantom", "mspace", "color", "textcolor"}
KEEP_QUAD = {"quad", "qquad"}


def clean(tokens) -> list:
    """Tokens without spacing, sizing and labels; ``\\quad`` is kept as a separator."""
    out = []
    skip_arg = 0
    for t in tokens:
        if skip_arg:
            if t.kind == "group":
                skip_arg -= 1
                continue
            if t.is_ch(" "):
                continue
            skip_arg = 0
        if t.kind == "group":
            out.append(Tok("group", "", t.pos, clean(t.items)))
        elif t.kind == "cs" and t.text in WITH_ARG_DROP:
            skip_arg = 2 if t.text == "textcolor" else 1
        elif t.kind == "cs" and t.text in KEEP_QUAD:
            out.append(Tok("ch", ";;", t.pos))
        elif t.kind == "cs" and t.text in DROP:
            continue
        elif t.is_ch(" "):
            continue
        elif t.kind == "cs" and t.text == "\\":
            out.append(t)
        elif t.kind == "cs" and t.text == "lvert" or t.kind == "cs" and t.text == "rvert":
            out.append(Tok("ch", "|", t.pos))
        elif t.kind == "cs" and t.text in ("lVert", "rVert", "Vert", "parallel"):
            out.append(Tok("cs", "|", t.pos))
        elif t.kind == "cs" and t.text in ("lbrace", "rbrace"):
            out.append(Tok("cs", "{" if t.text == "lbrace" else "}", t.pos))
        elif t.kind == "cs" and t.text in ("lbrack", "rbrack"):
            out.append(Tok("ch", "[" if t.text == "lbrack" else "]", t.pos))
        elif t.kind == "cs" and t.text in ("mid", "vert"):
            out.append(Tok("ch", "|", t.pos))
        else:
            out.append(t)
    # ||  ->  \|
    merged = []
    for t in out:
        if t.is_ch("|") and merged and merged[-1].is_ch("|"):
            merged[-1] = Tok("cs", "|", merged[-1].pos)
        else:
            merged.append(t)
    return merged


# --- links, relations and conditions ---------------------------------------------------

RELATIONS = {"=": "=", "<": "<", ">": ">", "le": "<=", "leq": "<=", "leqslant": "<=", "ge": ">=", "geq": ">=",
             "geqslant": ">=", "lt": "<", "gt": ">", "approx": "~", "simeq": "~", "thickapprox": "~", "equiv": "=",
             "coloneqq": "=", "triangleq": "=", "doteq": "=", "eqqcolon": "=", "neq": "!=", "ne": "!=",
             "propto": "propto", "sim": "propto", "to": "propto", "mapsto": "propto", "in": "in", "iff": "propto",
             "Rightarrow": "propto", "implies": "propto"}


def _relation(tokens, k):
    """(relation, tokens consumed) if a relation starts at tokens[k]."""
    t = tokens[k]
    if t.is_ch(":") and k + 1 < len(tokens) and tokens[k + 1].is_ch("="):
        return "=", 2
    if t.is_ch("=", "<", ">"):
        return t.text, 1
    if t.kind == "cs" and t.text in RELATIONS:
        return RELATIONS[t.text], 1
    if t.is_cs("stackrel", "overset") and k + 2 < len(tokens) and tokens[k + 2].kind == "group":
        inner = tokens[k + 2].items
        if len(inner) == 1:
            found = _relation(inner, 0)
            if found:
                return found[0], 3
    return None


@dataclass
class Condition:
    left: str
    relation: str   # "=" or "!="
    right: str


@dataclass
class Chain:
    """Sides (token lists) and the relations between them, plus conditions on indices."""

    sides: list
    relations: list
    conditions: list


CONDITION_WORDS = ("if", "for", "when", "where", "with", "otherwise", "and", "all", "each", "every", "whenever", "since", "as")


def _condition_text(tokens) -> str:
    return detex(tokens)


def parse_conditions(tokens) -> list:
    """Index conditions like ``i = j``, ``i \\neq j`` from the tail of a formula."""
    found = []
    flat = []
    for t in tokens:
        if t.kind == "group":
            flat.extend(t.items)
        else:
            flat.append(t)
    letters = [t for t in flat if t.kind == "ch" and t.text.isalpha() and len(t.text) == 1]
    for k, t in enumerate(flat):
        rel = _relation(flat, k) if k < len(flat) else None
        if rel and rel[0] in ("=", "!=") and 0 < k and k + rel[1] < len(flat):
            a, b = flat[k - 1], flat[k + rel[1]]
            if a.kind == "ch" and b.kind == "ch" and a.text.isalpha() and b.text.isalpha():
                found.append(Condition(a.text, rel[0], b.text))
    del letters
    return found


def _is_condition_start(tokens, k) -> bool:
    t = tokens[k]
    if t.is_ch(";;"):
        return True
    if t.is_cs("text", "mbox", "textrm", "mathrm", "textnormal") and k + 1 < len(tokens) and tokens[k + 1].kind == "group":
        words = detex(tokens[k + 1].items).strip().lower().split()
        return bool(words) and words[0].strip(",.:") in CONDITION_WORDS
    if t.is_cs("forall", "text", "mbox", "textrm"):
        return True
    if t.is_ch(",") and k + 1 < len(tokens):
        rest = tokens[k + 1:]
        if any(_relation(rest, m) for m in range(len(rest))):
            # ", i \ne j" : a comma whose tail is a short index relation
            letters = [x for x in rest if x.kind == "ch" and x.text.isalpha()]
            return len(rest) <= 6 and len(letters) <= 3
    return False


def split_chain(tokens) -> Chain:
    """Split a cleaned formula at its top-level relations; set trailing conditions apart."""
    # alignment marks outside environments carry no meaning
    kept, env_depth = [], 0
    for t in tokens:
        env_depth += 1 if t.is_cs("begin") else -1 if t.is_cs("end") else 0
        if not (t.is_ch("&") and env_depth == 0):
            kept.append(t)
    tokens = kept
    # drop trailing punctuation
    while tokens and (tokens[-1].is_ch(".", ",", ";", ";;") or tokens[-1].is_cs("\\")):
        tokens = tokens[:-1]
    body, tail = tokens, []
    env_depth = bracket_depth = 0
    for k in range(len(tokens)):
        env_depth += 1 if tokens[k].is_cs("begin") else -1 if tokens[k].is_cs("end") else 0
        # a comma inside brackets separates arguments, as in H(P, Q) = 1.9: never a condition
        bracket_depth += 1 if tokens[k].is_ch("(", "[") or tokens[k].is_cs("{") else -1 if tokens[k].is_ch(")", "]") or tokens[k].is_cs("}") else 0
        if env_depth == 0 and bracket_depth == 0 and _is_condition_start(tokens, k):
            body, tail = tokens[:k], tokens[k:]
            break
    sides, relations, current = [], [], []
    k = 0
    depth = 0
    while k < len(body):
        t = body[k]
        if t.is_ch("(", "[") or t.is_cs("{", "langle", "begin"):
            depth += 1
        elif t.is_ch(")", "]") or t.is_cs("}", "rangle", "end"):
            depth -= 1
        rel = _relation(body, k) if depth == 0 else None
        if rel:
            sides.append(current)
            relations.append(rel[0])
            current = []
            k += rel[1]
            continue
        current.append(t)
        k += 1
    sides.append(current)
    return Chain(sides, relations, parse_conditions(tail))


# --- nodes ---------------------------------------------------------------------------

@dataclass
class Side:
    """One side of a link: grammar text with placeholders, and what each placeholder stands for."""

    text: str
    table: dict
    source: str = ""


@dataclass
class Atom:
    key: str            # normalised name: "z", "sigma", "hat_y", "softmax", "E", "one"
    sub: list           # subscript items: index letters / numbers as strings; [] if none
    sub_text: str       # the subscript as plain text ("ref", "KL", "ij")
    star: bool = False
    transpose: bool = False
    decoration: str = ""  # other superscript text kept as part of the name ("ref")
    args: list | None = None   # list of Side, for applications
    seps: list = field(default_factory=list)  # separators between args: ",", "|", "||", ";"
    post_sub: list = field(default_factory=list)  # f(z)_i
    brackets: str = "("

    def full_keys(self):
        keys = []
        if self.sub_text:
            keys.append(f"{self.key}_{self.sub_text}")
        if self.decoration:
            keys.append(f"{self.key}^{self.decoration}")
        return keys


@dataclass
class SumNode:
    op: str             # "sum" or "prod"
    variables: list     # letters
    low: Side | None
    high: Side | None
    body: Side
    excluded: list = field(default_factory=list)  # Σ_{j ≠ i}: letters the variable skips


@dataclass
class Deriv:
    num: Side
    den: Side
    order: int = 1


@dataclass
class TupleNode:
    items: list
    columns: int = 0    # > 0 for a matrix written out entry by entry: items row by row


@dataclass
class Cases:
    rows: list          # (Side, [Condition])


@dataclass
class Indicator:
    condition: Condition


@dataclass
class Number:
    text: str


GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "varepsilon", "zeta", "eta", "theta", "vartheta", "iota", "kappa",
         "lambda", "mu", "nu", "xi", "pi", "varpi", "rho", "varrho", "sigma", "varsigma", "tau", "upsilon", "phi", "varphi",
         "chi", "psi", "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega",
         "ell", "imath", "jmath", "hbar", "nabla"}
GREEK_ALIASES = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi", "varsigma": "sigma", "varrho": "rho", "varpi": "pi"}
FONT = {"mathbf": "", "boldsymbol": "", "bm": "", "vec": "", "mathit": "", "mathsf": "", "textbf": "", "mathbfit": "",
        "hat": "hat_", "widehat": "hat_", "bar": "bar_", "overline": "bar_", "tilde": "tilde_", "widetilde": "tilde_",
        "mathcal": "cal_", "mathscr": "cal_", "mathbb": "", "mathrm": "", "operatorname": "", "text": "", "textrm": "",
        "mbox": "", "textnormal": "", "mathnormal": "", "dot": "dot_", "check": "check_", "breve": "breve_"}
WORD_FUNCTIONS = {"softmax", "sigmoid", "logistic", "diag", "tr", "trace", "Var", "var", "Cov", "KL", "CE", "E", "H", "D",
                  "LayerNorm", "LN", "logsoftmax", "params", "rank", "Params", "std", "sgn", "sign", "Attention", "logit",
                  "mean", "argmax", "max", "min"}
NATIVE = {"exp": r"\exp", "ln": r"\ln", "log": r"\ln", "sqrt": r"\sqrt", "sin": r"\sin", "cos": r"\cos", "tanh": r"\tanh",
          "cdot": r"\cdot", "times": r"\times", "frac": r"\frac", "dfrac": r"\frac", "tfrac": r"\frac", "cfrac": r"\frac"}
UNSUPPORTED = {"int", "iint", "oint", "lim", "limsup", "liminf", "max", "min", "sup", "inf", "arg", "argmax", "argmin",
               "nabla", "det", "odot", "otimes", "oplus", "circ", "ast", "star", "succ", "prec", "infty", "cup", "cap",
               "subset", "forall", "exists", "mathop", "underset", "overbrace", "underbrace", "binom", "choose", "pm", "mp"}


def _word(tokens) -> str:
    return "".join(t.text if t.kind != "group" else _word(t.items) for t in tokens if not t.is_ch(" "))


MAX_PLACEHOLDERS = 250


class Rewriter:
    """Rewrites a cleaned token list into grammar text with placeholders."""

    def __init__(self, log_base: str = "e"):
        self.table = {}
        self.log_base = log_base

    def placeholder(self, node) -> str:
        if len(self.table) >= MAX_PLACEHOLDERS:
            raise Unsupported(f"more than {MAX_PLACEHOLDERS} symbols and numbers in one formula")
        name = f"Y_{{{len(self.table) + 1}}}"
        self.table[f"Y_{len(self.table) + 1}"] = node
        return " " + name + " "

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
            if t.text in ("mathbb", "mathbf", "boldsymbol", "bm", "mathrm", "text") and _word(inner) in ("1", "I") and t.text != "mathrm":
                if _word(inner) == "1":
                    return ("one", k + 2)
            word = _word([x for x in inner if not x.is_ch(" ")])
            if len(inner) == 1 and inner[0].kind == "cs" and inner[0].text in GREEK:
                word = GREEK_ALIASES.get(inner[0].text, inner[0].text)
            elif len(inner) == 2 and inner[0].kind == "cs" and inner[0].text in FONT and inner[1].kind == "group":
                nested = self._atom_name(inner, 0)
                word = nested[0] if nested else word
            if not word:
                return None
            if word == "1":
                return ("one", k + 2)
            return (prefix + word, k + 2)
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
                    return tokens[k + 1:m], m + 1
        raise NotationError(f"'{open_}' is never closed", tokens[k].pos)

    @staticmethod
    def _split_args(tokens):
        args, seps, current, depth = [], [], [], 0
        for t in tokens:
            if t.is_ch("(", "[") or t.is_cs("{"):
                depth += 1
            elif t.is_ch(")", "]") or t.is_cs("}"):
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
                if t.is_ch("+", "-", "*", "/", "=") or t.is_cs("cdot", "times", "frac", "sqrt", "exp", "log", "ln", "sum"):
                    return False
            letters = [t for t in arg if t.kind == "ch" and t.text.isalpha()]
            if len(letters) > 1 and not any(t.kind == "cs" for t in arg) and not any(t.is_ch("_", "^") for t in arg):
                if _word(arg) not in WORD_FUNCTIONS:
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

    # -- main loop --
    def emit(self, tokens) -> str:
        out = []
        k = 0
        while k < len(tokens):
            t = tokens[k]
            # derivatives written as \frac{\partial A}{\partial B} or d/d
            if t.is_cs("frac", "dfrac", "tfrac", "cfrac"):
                num, k2 = self._arg(tokens, k + 1)
                den, k3 = self._arg(tokens, k2)
                kind = _derivative_kind(num, den)
                if kind:
                    order, num_rest, den_rest = kind
                    if not num_rest:  # operator form: \frac{\partial}{\partial x} f
                        end = _term_end(tokens, k3)
                        num_rest = tokens[k3:end]
                        k3 = end
                        if not num_rest:
                            raise NotationError("a derivative operator with nothing to differentiate", t.pos)
                    out.append(self.placeholder(Deriv(self.sub_side(num_rest), self.sub_side(den_rest), order)))
                    k = k3
                    continue
                out.append(r"\frac{" + self.emit(num) + "}{" + self.emit(den) + "}")
                k = k3
                continue
            if t.is_cs("partial") and k + 1 < len(tokens):
                # \partial A / \partial B
                slash = next((m for m in range(k + 1, len(tokens)) if tokens[m].is_ch("/")), None)
                if slash is not None and slash + 1 < len(tokens) and tokens[slash + 1].is_cs("partial"):
                    end = _term_end(tokens, slash + 2, stop_at_juxtaposition=True)
                    out.append(self.placeholder(Deriv(self.sub_side(tokens[k + 1:slash]), self.sub_side(tokens[slash + 2:end]))))
                    k = end
                    continue
                if k + 1 < len(tokens) and tokens[k + 1].is_ch("_"):
                    script, k2 = self._script(tokens, k + 1)
                    end = _term_end(tokens, k2)
                    out.append(self.placeholder(Deriv(self.sub_side(tokens[k2:end]), self.sub_side(script))))
                    k = end
                    continue
                raise NotationError("a partial derivative that is not of the form \\partial f / \\partial x", t.pos)
            if t.is_cs("nabla"):
                # \nabla_z f: the gradient (or Jacobian) of the term that follows
                if k + 1 >= len(tokens) or not tokens[k + 1].is_ch("_"):
                    raise Unsupported("\\nabla without the variable it differentiates by")
                script, k2 = self._script(tokens, k + 1)
                end = _term_end(tokens, k2)
                if end == k2:
                    raise NotationError("\\nabla with nothing to differentiate", t.pos)
                out.append(self.placeholder(Deriv(self.sub_side(tokens[k2:end]), self.sub_side(script))))
                k = end
                continue
            if t.is_cs("sum", "prod"):
                k = self._sum(tokens, k, out)
                continue
            if t.is_cs("begin"):
                k = self._environment(tokens, k, out)
                continue
            if t.is_cs("sqrt"):
                if k + 1 < len(tokens) and tokens[k + 1].is_ch("["):
                    inner, k2 = self._balanced(tokens, k + 1, "[", "]")
                    arg, k3 = self._arg(tokens, k2)
                    out.append(r"\sqrt[" + self.emit(inner) + "]{" + self.emit(arg) + "}")
                    k = k3
                    continue
                arg, k2 = self._arg(tokens, k + 1)
                out.append(r"\sqrt{" + self.emit(arg) + "}")
                k = k2
                continue
            if t.is_cs("log", "ln", "exp", "sin", "cos", "tanh", "lg"):
                if t.text == "log" and k + 1 < len(tokens) and tokens[k + 1].is_ch("_"):
                    script, k2 = self._script(tokens, k + 1)
                    base = detex(script).strip()
                    if base not in ("e",):
                        out.append(r"\frac{1}{\ln " + self.emit(script) + "}")
                        out.append(r"\ln")
                    else:
                        out.append(r"\ln")
                    k = k2
                    continue
                if t.text == "log":
                    out.append(r"\ln" if self.log_base == "e" else r"\frac{1}{\ln " + self.log_base + r"}\ln")
                elif t.text == "lg":
                    out.append(r"\frac{1}{\ln 10}\ln")
                else:
                    out.append("\\" + t.text)
                if k + 1 < len(tokens) and tokens[k + 1].is_ch("^"):
                    raise Unsupported(f"a power of \\{t.text} written before its argument")
                k += 1
                continue
            if t.kind == "cs" and t.text in NATIVE and t.text not in ("frac", "dfrac", "tfrac", "cfrac"):
                out.append(NATIVE[t.text] + " ")
                k += 1
                continue
            if t.is_cs("top", "intercal", "prime"):
                raise NotationError("a transpose with nothing before it", t.pos)
            if t.is_ch("(") or t.is_ch("["):
                close = ")" if t.text == "(" else "]"
                inner, k2 = self._balanced(tokens, k, t.text, close)
                parts, seps = self._split_args(inner)
                if len(parts) > 1 and all(s == "," for s in seps):
                    out.append(self.placeholder(TupleNode([self.sub_side(p) for p in parts])))
                elif t.text == "[" and _iverson(inner):
                    out.append(self.placeholder(Indicator(_iverson(inner))))
                else:
                    out.append("(" + self.emit(inner) + ")")
                k = k2
                continue
            if t.is_cs("{"):
                inner, k2 = self._balanced(tokens, k, "{", "}")
                if _iverson(inner):
                    out.append(self.placeholder(Indicator(_iverson(inner))))
                else:
                    out.append("(" + self.emit(inner) + ")")
                k = k2
                continue
            if t.is_ch("|"):
                inner_end = next((m for m in range(k + 1, len(tokens)) if tokens[m].is_ch("|")), None)
                if inner_end is None:
                    raise NotationError("'|' is never closed", t.pos)
                out.append(r"\left|" + self.emit(tokens[k + 1:inner_end]) + r"\right|")
                k = inner_end + 1
                continue
            if t.kind == "group":
                out.append("{" + self.emit(t.items) + "}")
                k += 1
                continue
            if t.kind == "ch" and (t.text.isdigit() or t.text == "."):
                k = self._number(tokens, k, out)
                continue
            if t.is_ch("^"):
                script, k2 = self._script(tokens, k)
                if len(script) == 1 and (script[0].is_cs("top", "intercal", "prime", "T") or script[0].is_ch("T")):
                    raise Unsupported("a transpose of a bracketed expression")
                out.append("^{" + self.emit(script) + "}")
                k = k2
                continue
            if t.is_ch("_"):
                raise NotationError("a subscript with nothing before it", t.pos)
            if t.is_ch("'"):
                raise Unsupported("a prime (derivative or second variable) is not supported")
            named = self._atom_name(tokens, k)
            if named:
                k = self._atom(tokens, k, named, out)
                continue
            if t.kind == "cs" and t.text in UNSUPPORTED:
                raise Unsupported(f"\\{t.text} is not supported")
            if t.is_ch("+", "-", "*", "/", "!"):
                out.append(t.text)
                k += 1
                continue
            if t.is_ch(";;", "&"):
                k += 1
                continue
            if t.is_cs("\\"):
                raise NotationError("a line break inside an expression", t.pos)
            if t.kind == "cs":
                raise Unsupported(f"\\{t.text} is not understood")
            raise NotationError(f"unexpected '{t.text}'", t.pos)
        return "".join(out)

    def _arg(self, tokens, k):
        while k < len(tokens) and tokens[k].is_ch(" "):
            k += 1
        if k >= len(tokens):
            raise NotationError("a command is missing its argument", tokens[-1].pos if tokens else 0)
        t = tokens[k]
        if t.kind == "group":
            return t.items, k + 1
        if t.kind == "ch" and t.text.isdigit():
            return [t], k + 1
        return [t], k + 1

    def _number(self, tokens, k, out):
        digits = ""
        while k < len(tokens):
            t = tokens[k]
            if t.kind == "ch" and (t.text.isdigit() or t.text == "."):
                digits += t.text
                k += 1
            elif t.kind == "group" and _word(t.items) == "," and k + 1 < len(tokens) and tokens[k + 1].kind == "ch" and tokens[k + 1].text.isdigit():
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
            digits, k = _percent(digits), k + 1   # 95.4\% is 0.954, written to three decimals
        # 1.5e3 and 1.5 \times 10^{3} are left to the grammar as products
        out.append(" " + self.placeholder(Number(digits)) + " ")
        return k

    def _atom(self, tokens, k, named, out):
        key, k = named
        if key.startswith("__native__"):
            word = key[len("__native__"):]
            out.append(r"\ln " if word in ("log", "ln") else r"\exp ")
            return k
        atom = Atom(key, [], "")
        # scripts directly after the name, in any order
        while k < len(tokens) and tokens[k].is_ch("_", "^"):
            if tokens[k].is_ch("_"):
                if atom.sub_text:
                    break
                script, k2 = self._script(tokens, k)
                if key == "one" and any(x.is_ch("=") or x.is_cs("neq", "ne") for x in _flatten(script)):
                    atom = None
                    out.append(self.placeholder(Indicator(parse_conditions(script)[0])) if parse_conditions(script) else "")
                    return k2
                atom.sub, atom.sub_text = self._subscript_items(script)
                k = k2
            else:
                script, k2 = self._script(tokens, k)
                if len(script) == 1 and (script[0].is_cs("top", "intercal", "prime", "mathsf") or script[0].is_ch("T")):
                    atom.transpose = True
                    k = k2
                elif len(script) == 2 and script[0].is_cs("mathsf", "mathrm", "text") and _word(script[1].items) == "T":
                    atom.transpose = True
                    k = k2
                elif len(script) == 1 and (script[0].is_ch("*") or script[0].is_cs("star", "ast")):
                    atom.star = True
                    k = k2
                elif detex(script).strip().isalpha() and len(detex(script).strip()) >= 2:
                    atom.decoration = detex(script).strip()
                    k = k2
                else:
                    break  # a power: left to the grammar
        # applications: f(x), E[X], p(y|x), \sigma(z)_i
        if k < len(tokens) and (tokens[k].is_ch("(") or (tokens[k].is_ch("[") and key in ("E", "Var", "var", "Cov", "bb_E", "one", "cal_L"))
                                or (tokens[k].is_cs("{") and key == "one")):
            open_ = tokens[k].text
            close = {"(": ")", "[": "]", "{": "}"}[open_]
            inner, k2 = self._balanced(tokens, k, open_, close)
            if key == "one" and parse_conditions(inner):
                out.append(self.placeholder(Indicator(parse_conditions(inner)[0])))
                return k2
            if key in WORD_FUNCTIONS or key in ("E", "H", "D", "KL") or open_ == "[" or self._simple(inner) or key in ("sigma", "pi") and not atom.sub:
                parts, seps = self._split_args(inner)
                atom.args = [self.sub_side(p) for p in parts]
                atom.seps = seps
                atom.brackets = open_
                k = k2
                if k < len(tokens) and tokens[k].is_ch("_"):
                    script, k = self._script(tokens, k)
                    atom.post_sub, _ = self._subscript_items(script)
        out.append(self.placeholder(atom))
        return k

    def _sum(self, tokens, k, out):
        op = tokens[k].text
        k += 1
        low_tokens = high_tokens = None
        variables, excluded = [], []
        while k < len(tokens) and tokens[k].is_ch("_", "^"):
            script, k2 = self._script(tokens, k)
            if tokens[k].is_ch("_"):
                low_tokens = script
            else:
                high_tokens = script
            k = k2
        low = None
        if low_tokens is not None:
            rel_at = next((m for m, x in enumerate(low_tokens) if x.is_ch("=")), None)
            neq_at = next((m for m, x in enumerate(low_tokens) if x.is_cs("neq", "ne")), None)
            in_at = next((m for m, x in enumerate(low_tokens) if x.is_cs("in")), None)
            head = low_tokens[:min(x for x in (rel_at, neq_at, in_at, len(low_tokens)) if x is not None)]
            variables = [x for x in detex(head).replace(" ", "").split(",") if x]
            if len(variables) == 1 and len(variables[0]) > 1 and variables[0].isalpha() and variables[0].islower() and len(variables[0]) <= 3:
                variables = list(variables[0])
            if rel_at is not None:
                low = self.sub_side(low_tokens[rel_at + 1:])
            if neq_at is not None:
                excluded = [detex(low_tokens[neq_at + 1:]).strip()]
        high = self.sub_side(high_tokens) if high_tokens is not None else None
        end = _term_end(tokens, k)
        body_tokens = tokens[k:end]
        if not body_tokens:
            raise NotationError("a sum with nothing to sum", tokens[k - 1].pos if k else 0)
        body = self.sub_side(body_tokens)
        if not variables:
            variables = []
        for v in variables:
            if not (v.isalpha() and len(v) <= 2) and not v.replace("_", "").isalnum():
                raise Unsupported(f"a sum over '{v}'")
        out.append(self.placeholder(SumNode(op, variables, low, high, body, excluded)))
        return end

    def _environment(self, tokens, k, out):
        name = _word(tokens[k + 1].items) if k + 1 < len(tokens) and tokens[k + 1].kind == "group" else ""
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
        inner = tokens[k + 2:m]
        after = m + 2
        rows = _rows(inner)
        if name == "cases":
            parsed = []
            for row in rows:
                cells = _cells(row)
                expr = cells[0]
                cond_tokens = [x for c in cells[1:] for x in c]
                parsed.append((self.sub_side(expr), parse_conditions(cond_tokens), "otherwise" in detex(cond_tokens) or "else" in detex(cond_tokens)))
            out.append(self.placeholder(Cases(parsed)))
            return after
        if name in ("pmatrix", "bmatrix", "matrix", "vmatrix", "array", "Bmatrix"):
            cells = [_cells(r) for r in rows if r]
            if all(len(c) == 1 for c in cells):
                out.append(self.placeholder(TupleNode([self.sub_side(c[0]) for c in cells])))
            elif len(cells) == 1:
                out.append(self.placeholder(TupleNode([self.sub_side(c) for c in cells[0]])))
            elif len({len(c) for c in cells}) == 1:
                out.append(self.placeholder(TupleNode([self.sub_side(x) for c in cells for x in c], columns=len(cells[0]))))
            else:
                raise Unsupported("a matrix whose rows have different lengths")
            return after
        raise Unsupported(f"the {name} environment inside a formula")


def _cells(row):
    cells, current = [], []
    for t in row:
        if t.is_ch("&"):
            cells.append(current)
            current = []
        else:
            current.append(t)
    cells.append(current)
    return cells


def _rows(tokens):
    rows, current = [], []
    for t in tokens:
        if t.is_cs("\\"):
            rows.append(current)
            current = []
        else:
            current.append(t)
    rows.append(current)
    return [r for r in rows if r]


def _flatten(tokens):
    out = []
    for t in tokens:
        out.extend(_flatten(t.items) if t.kind == "group" else [t])
    return out


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


def _strip_d(tokens):
    """(order, rest) if tokens start with ∂ or d (or \\mathrm{d}), else None."""
    if not tokens:
        return None
    t = tokens[0]
    order = 1
    rest = tokens[1:]
    if t.is_cs("partial") or t.is_ch("d") or (t.is_cs("mathrm") and len(tokens) > 1 and tokens[1].kind == "group" and _word(tokens[1].items) == "d"):
        if t.is_cs("mathrm"):
            rest = tokens[2:]
        if rest and rest[0].is_ch("^"):
            power = rest[1] if len(rest) > 1 else None
            order = int(_word(power.items if power.kind == "group" else [power])) if power is not None and _word(power.items if power.kind == "group" else [power]).isdigit() else 0
            rest = rest[2:]
        return ("partial" if t.is_cs("partial") else "d", order, rest)
    return None


def _derivative_kind(num, den):
    a, b = _strip_d(num), _strip_d(den)
    if not a or not b or a[0] != b[0]:
        return None
    if a[0] == "d" and (not b[2] or (b[2] and b[2][0].is_ch("_"))):
        return None
    if not b[2]:
        return None
    if a[1] != 1:
        raise Unsupported("derivatives of order other than one")
    return (1, a[2], b[2])


def _term_end(tokens, k, stop_at_juxtaposition=False):
    """Where a term that starts at tokens[k] ends: the next top-level +, -, relation or separator."""
    m = k
    depth = 0
    while m < len(tokens):
        t = tokens[m]
        if t.is_ch("(", "[") or t.is_cs("{"):
            depth += 1
        elif t.is_ch(")", "]") or t.is_cs("}"):
            depth -= 1
            if depth < 0:
                return m
        elif depth == 0 and m > k and (t.is_ch("+", "-", ";;", ",") or _relation(tokens, m) or t.is_cs("\\", "pm", "mp")):
            return m
        m += 1
    return m


def _plain(tokens) -> str:
    return " ".join(repr(t) for t in tokens)


def rewrite_chain(text: str, log_base: str = "e") -> tuple:
    """(sides as Side, relations, conditions) for one formula."""
    chain = split_chain(clean(lex(text)))
    rewriter = Rewriter(log_base)
    sides = []
    for tokens in chain.sides:
        if not tokens:
            raise NotationError("a relation with an empty side", 0)
        sides.append(rewriter.side(tokens))
    return sides, chain.relations, chain.conditions
