"""Reading sums and sequences: \\sum and \\prod with their bounds, sums written with dots
(x_1 + \\cdots + x_n, 1 + \\gamma + \\gamma^2 + \\ldots) and counts \\#\\{i : ...\\}."""

from __future__ import annotations

from derive.docs.chain import condition_pieces, term_end
from derive.docs.nodes import Apply, Count, Series, Side, SumNode
from derive.docs.symbols import GREEK
from derive.docs.tokens import DOTS, NotationError, Tok, Unsupported, depth_at, detex, flatten, latex_of, runs_replaced


def sum_or_product(rw, tokens, k, out):
    op = tokens[k].text
    k += 1
    low_tokens = high_tokens = None
    variables, excluded = [], []
    while k < len(tokens) and tokens[k].is_ch("_", "^"):
        script, k2 = rw._script(tokens, k)
        if tokens[k].is_ch("_"):
            low_tokens = script
        else:
            high_tokens = script
        k = k2
    low, written = None, ""
    if low_tokens is not None:
        rel_at = next((m for m, x in enumerate(low_tokens) if x.is_ch("=")), None)
        neq_at = next((m for m, x in enumerate(low_tokens) if x.is_cs("neq", "ne")), None)
        in_at = next((m for m, x in enumerate(low_tokens) if x.is_cs("in")), None)
        head = low_tokens[: min(x for x in (rel_at, neq_at, in_at, len(low_tokens)) if x is not None)]
        from derive.docs.functions import split_commas  # functions reads its own scripts with this module

        pieces = split_commas(head)
        if any(_decorated_letter(piece) is not None for piece in pieces):
            # \sum_{i'} e_{i'}, \sum_{\tilde{k}}, \sum_{s, a'}: each decorated index a letter of its own, renamed in
            # the sum; written keeps the indices as written, one for each variable, for the tag's ranges of them
            written = ",".join(detex(piece).replace(" ", "") for piece in pieces)
            renamed = []
            for piece in pieces:
                decorated = _decorated_letter(piece)
                if decorated is not None:
                    plain = Tok("ch", _fresh_index(tokens), piece[0].pos)
                    end = term_end(tokens, k)
                    tokens[k:end] = _renamed(tokens[k:end], decorated, plain)
                    piece = [plain]
                renamed.extend([*([Tok("ch", ",", piece[0].pos)] if renamed else []), *piece])
            shift = len(head) - len(renamed)
            low_tokens = [*renamed, *low_tokens[len(head) :]]
            rel_at, neq_at, in_at = (None if m is None else m - shift for m in (rel_at, neq_at, in_at))
            head = renamed
        variables = [x for x in detex(head).replace(" ", "").split(",") if x]
        if (
            len(variables) == 1
            and len(variables[0]) > 1
            and variables[0].isalpha()
            and variables[0].islower()
            and len(variables[0]) <= 3
            and variables[0] not in GREEK
        ):  # \sum_{ij} runs over i and j; \sum_{\tau} over tau
            variables = list(variables[0])
        if rel_at is not None:
            low = rw.sub_side(low_tokens[rel_at + 1 :])
        if neq_at is not None:
            excluded = [detex(low_tokens[neq_at + 1 :]).strip()]
    if (
        high_tokens is not None
        and len(high_tokens) in (1, 2)
        and high_tokens[-1].is_cs("infty")
        and not high_tokens[0].is_ch("-")
    ):
        high = Side(rw.placeholder(Apply("infinity", [])), rw.table)  # Σ_{t=1}^{∞}
    else:
        high = rw.sub_side(high_tokens) if high_tokens is not None else None
    over = ""
    if low_tokens is not None and in_at is not None and low is None and high is None:
        listed = _listed_range(rw, low_tokens[in_at + 1 :])
        if listed is not None:  # \sum_{x \in \{0, 1\}}, \sum_{k \in \{1, \ldots, K\}}: that range of whole numbers
            low, high = (rw.sub_side(bound) for bound in listed)
        else:
            over = latex_of(low_tokens[in_at + 1 :])
    end = term_end(tokens, k)
    # Σ_i a_i + b_i with i free in b_i: the sum runs over both terms, as authors mean
    while end < len(tokens) and tokens[end].is_ch("+", "-") and len(variables) == 1:
        following = term_end(tokens, end + 1)
        term = tokens[end + 1 : following]
        if (
            following == end + 1
            or not _uses_index(term, variables[0])
            or any(
                x.is_cs("sum", "prod", "max", "min", "argmax", "argmin") and depth_at(term, m) == 0
                for m, x in enumerate(term)
            )
        ):
            break
        end = following
    body_tokens = tokens[k:end]
    if not body_tokens:
        raise NotationError("a sum with nothing to sum", tokens[k - 1].pos if k else 0)
    body = rw.sub_side(body_tokens)
    if not variables:
        variables = []
    for v in variables:
        if not (v.isalpha() and len(v) <= 2) and not v.replace("_", "").isalnum():
            raise Unsupported(f"a sum over '{v}'")
    # Σ_i a_i + \max_j b_j c_i: a later term uses the index, and the author may mean the sum to cover it
    open_after = any(x.kind == "ch" and x.text in variables for x in flatten(tokens[end:]))
    out.append(rw.placeholder(SumNode(op, variables, low, high, body, excluded, open_after, over, written)))
    return end


def _listed_range(rw, tokens):
    """(first, last) tokens of a set written out as a range of whole numbers, \\{0, 1\\} or \\{1, \\ldots, K\\}; None
    for a set given by name (\\mathcal{A}); Unsupported for a list of other values, whose sum the bounds cannot say."""
    written = [t for t in tokens if not t.is_ch(" ")]
    if len(written) < 3 or not written[0].is_cs("{") or not written[-1].is_cs("}"):
        return None
    parts, seps = rw._split_args(written[1:-1])
    parts = [[t for t in part if not t.is_ch(" ")] for part in parts]
    if not all(parts) or any(sep != "," for sep in seps):
        raise Unsupported(f"a sum over the set {{{detex(written[1:-1]).strip()}}}")
    dotted = [m for m, part in enumerate(parts) if len(part) == 1 and part[0].is_cs(*DOTS)]
    if dotted == [len(parts) - 2] and len(parts) >= 3:
        return parts[0], parts[-1]
    values = [detex(part).strip() for part in parts]
    if not dotted and all(v.lstrip("-").isdigit() for v in values):
        numbers = [int(v) for v in values]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return parts[0], parts[-1]
    raise Unsupported(f"a sum over the set {{{detex(written[1:-1]).strip()}}}: only a range of whole numbers is read")


def series(rw, tokens, dots):
    """tokens with the sum around the dots at ``dots`` rewritten: x_1 + x_2 + \\cdots + x_n as
    \\sum_{j=1}^{n} x_j (terms alike but for one index counting up by one), an endless sum as a Series."""
    lo, hi = _enclosing(tokens, dots)
    run = tokens[lo:hi]
    while run and run[-1].is_ch(","):  # 1 + x + \ldots, = ...
        run = run[:-1]
    terms, current = [], []
    for m, x in enumerate(run):
        if x.is_ch("+") and depth_at(run, m) == 0:
            terms.append(current)
            current = []
        else:
            current.append(x)
    terms.append(current)
    at = [n for n, term in enumerate(terms) if len(term) == 1 and term[0].is_cs(*DOTS)]
    if len(at) != 1 or any(not term for term in terms):
        rewritten = _product_with_dots(tokens, dots)
        if rewritten is not None:
            return rewritten
        raise Unsupported("\\ldots that is not one term of a sum (a + b + \\ldots + z) is not read")
    before, after = terms[: at[0]], terms[at[0] + 1 :]
    if after:
        # b + w_1 x_1 + \\cdots + w_d x_d + c: the pattern runs from the first term alike to the one after the dots
        index = _fresh_index(tokens)
        start = next((m for m in range(len(before)) if _index_pattern(before[m:], after[0], index)), None)
        if start is None or any(_alike(term, after[0]) for term in [*before[:start], *after[1:]]):
            raise Unsupported(
                "a sum a + b + \\ldots + z whose terms do not differ in one index counting up by one is not read"
            )
        rewritten = _index_pattern(before[start:], after[0], index)
        plus = Tok("ch", "+", run[0].pos)
        rewritten = [
            *[x for term in before[:start] for x in (*term, plus)],
            Tok("ch", "(", run[0].pos),
            *rewritten,
            Tok("ch", ")", run[0].pos),
            *[x for term in after[1:] for x in (plus, *term)],
        ]
    else:
        if len(before) < 3:
            raise Unsupported("an endless sum with fewer than three terms before \\ldots: its pattern is ambiguous")
        node = Series([rw.sub_side(term) for term in before])
        rewritten = [Tok("made", rw.placeholder(node), run[0].pos)]
    return tokens[:lo] + [Tok("ch", "(", run[0].pos), *rewritten, Tok("ch", ")", run[0].pos)] + tokens[hi:]


def _product_with_dots(tokens, dots):
    """tokens with a product written with dots rewritten: a_1 a_2 \\cdots a_n (or a_1 \\cdot a_2 \\cdots a_n) as
    \\prod_{j=1}^{n} a_j, when the factors are alike but for one index counting up by one; None otherwise."""
    start, end = _span(tokens, dots, dots + 1, lambda m: _ends_factor_run(tokens, m))
    last = _drop_products(tokens[dots + 1 : end], leading=True)
    before = _drop_products(tokens[start:dots], leading=False)
    if not last or not before:
        return None
    width = len(last)
    factors = []
    while len(before) >= width:
        factor = before[len(before) - width :]
        if _index_pattern([factor], last, "j") is None:
            break
        factors.insert(0, factor)
        before = _drop_products(before[: len(before) - width], leading=False)
    if not factors:
        return None
    rewritten = _index_pattern(factors, last, _fresh_index(tokens))
    if rewritten is None:
        return None
    rewritten[0] = Tok("cs", "prod", rewritten[0].pos)
    # the factors written before the pattern stay as they are: 2 a_1 \\cdots a_n is 2 \\prod_j a_j
    head = tokens[:start] + before
    if before and before[-1].kind != "cs":
        head = head + [Tok("cs", "cdot", tokens[dots].pos)]
    return head + [Tok("ch", "(", tokens[dots].pos), *rewritten, Tok("ch", ")", tokens[dots].pos)] + tokens[end:]


def _ends_factor_run(tokens, m) -> bool:
    """Whether tokens[m] ends a run of factors: a top-level +, -, comma, relation or separator."""
    from derive.docs.chain import relation_at

    x = tokens[m]
    return x.is_ch("+", "-", ",", ";;", "|") or x.is_cs("\\", "{", "}", "|") or bool(relation_at(tokens, m))


def _drop_products(tokens, leading):
    """tokens without the product signs (\\cdot, \\times) at their start (leading) or end."""
    tokens = list(tokens)
    while tokens and (tokens[0] if leading else tokens[-1]).is_cs("cdot", "times"):
        tokens = tokens[1:] if leading else tokens[:-1]
    return tokens


def count(rw, tokens, k, out):
    if k + 1 >= len(tokens) or not tokens[k + 1].is_cs("{"):
        raise Unsupported("\\# of something other than a set \\{i : ...\\}")
    inner, k2 = rw._balanced(tokens, k + 1, "{", "}")
    split = next((m for m in range(len(inner)) if inner[m].is_ch(":", "|")), None)
    if split is None:
        raise Unsupported("\\# of a set not written \\{i : condition\\}")
    head = inner[:split]
    if len(head) != 1 or head[0].kind != "ch" or not head[0].text.isalpha():
        raise Unsupported(f"a count over '{detex(head)}', which is not one index")
    conditions = [rw._comparison(piece) for piece in condition_pieces(inner[split + 1 :])]
    if not conditions:
        raise NotationError("a count \\# with no condition", tokens[k].pos)
    out.append(rw.placeholder(Count(head[0].text, conditions)))
    return k2


def _enclosing(tokens, m):
    """(start, end) of the innermost bracket (or the whole list) around tokens[m], without the brackets."""
    return _span(tokens, m, m)


def _span(tokens, left, right, stops=lambda m: False):
    """(start, end) reaching out from tokens[left:right] to the innermost bracket around them (without it),
    or to the nearest token m outside any inner bracket where stops(m) holds (not included)."""
    depth = 0
    while left > 0:
        x = tokens[left - 1]
        if x.is_ch(")", "]"):
            depth += 1
        elif x.is_ch("(", "["):
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and stops(left - 1):
            break
        left -= 1
    depth = 0
    while right < len(tokens):
        x = tokens[right]
        if x.is_ch("(", "["):
            depth += 1
        elif x.is_ch(")", "]"):
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and stops(right):
            break
        right += 1
    return left, right


DECORATIONS = ("tilde", "hat", "bar", "check", "acute", "grave", "dot", "widetilde", "widehat", "overline")


def _decorated_letter(head):
    """The tokens of an index written as a decorated letter (i', j'', \\tilde{k}, \\hat{\\imath}) without
    subscript, as a pattern of (kind, text) pairs; None for anything else."""
    if len(head) >= 2 and head[0].kind == "ch" and head[0].text.isalpha() and all(x.is_ch("'") for x in head[1:]):
        return [("ch", x.text) for x in head]
    if len(head) == 2 and head[0].is_cs(*DECORATIONS):
        inner = head[1].items if head[1].kind == "group" else [head[1]]
        if len(inner) == 1 and inner[0].kind == "ch" and inner[0].text.isalpha():
            return [("cs", head[0].text), ("ch", inner[0].text)]
    return None


def _renamed(tokens, pattern, plain):
    """tokens with every occurrence of the decorated index ``pattern`` (in any group) replaced by ``plain``."""
    return runs_replaced(tokens, lambda run, m: _matches(run, m, pattern), lambda x: Tok("ch", plain.text, x.pos))


def _matches(tokens, m, pattern) -> int:
    """How many tokens at tokens[m] spell the decorated index ``pattern``; 0 when they do not."""
    if pattern[0][0] == "ch":
        run = tokens[m : m + len(pattern)]
        same = len(run) == len(pattern) and all(x.kind == k and x.text == t for x, (k, t) in zip(run, pattern))
        after = tokens[m + len(pattern)] if m + len(pattern) < len(tokens) else None
        return len(pattern) if same and not (after is not None and after.is_ch("'")) else 0
    if not tokens[m].is_cs(pattern[0][1]) or m + 1 >= len(tokens):
        return 0
    inner = tokens[m + 1].items if tokens[m + 1].kind == "group" else [tokens[m + 1]]
    return 2 if len(inner) == 1 and inner[0].is_ch(pattern[1][1]) else 0


def _fresh_index(tokens) -> str:
    used = {x.text for x in flatten(tokens) if x.kind == "ch"}
    return next(letter for letter in "jklmpqrsuvw" if letter not in used)


def _index_pattern(before, last, index):
    """\\sum_{index=a}^{z} term tokens when the terms before the dots and the last one are alike but
    for one place holding a, a + 1, ... (integers) and z (anything); None otherwise."""
    found = index_run(before, last, index)
    if found is None:
        return None
    low, top, body = found
    pos = top.pos
    return [
        Tok("cs", "sum", pos),
        Tok("ch", "_", pos),
        Tok("group", "", pos, [Tok("ch", index, pos), Tok("ch", "=", pos), *[Tok("ch", c, pos) for c in low]]),
        Tok("ch", "^", pos),
        Tok("group", "", pos, [top]),
        *body,
    ]


def index_run(before, last, index):
    """(first value, last value token, term tokens in ``index``) when the items before the dots and the last
    one are alike but for the places of one index holding a, a + 1, ... (integers) and z (a letter or number);
    None otherwise."""
    shapes = [_flatten_with_groups(term) for term in [*before, last]]
    if any(len(shape) != len(shapes[0]) for shape in shapes):
        return None
    differing = [m for m in range(len(shapes[0])) if len({_tok_key(shape[m]) for shape in shapes}) > 1]
    if not differing:
        return None
    place = differing[0]
    # w_1 x_1 + \\cdots + w_d x_d: the index may stand in several places, each holding the same values
    if any([_tok_key(shape[m]) for shape in shapes] != [_tok_key(shape[place]) for shape in shapes] for m in differing):
        return None
    values = [shape[place].text for shape in shapes[:-1]]
    if not all(v.isdigit() for v in values) or any(int(b) != int(a) + 1 for a, b in zip(values, values[1:])):
        return None
    top = shapes[-1][place]
    if top.kind != "ch" or not top.text.isalnum() or top.text.isdigit() and int(top.text) < int(values[-1]):
        return None
    body = last
    for m in differing:
        body = _replace_at(body, shapes[-1][m], Tok("ch", index, top.pos))
    return values[0], top, body


def dotted_list(items, index):
    """(items before the run, (first value, last value token, term tokens)) for a list a, x_1, x_2, \\ldots, x_n
    whose last items run over an index (x_j for j = 1 .. n); None if the dots are not second to last."""
    at = [m for m, item in enumerate(items) if len(item) == 1 and item[0].is_cs(*DOTS)]
    if len(at) != 1 or at[0] != len(items) - 2 or at[0] == 0:
        return None
    before, last = items[: at[0]], items[-1]
    for start in range(len(before)):
        found = index_run(before[start:], last, index)
        if found is not None:
            return None if any(_alike(item, last) for item in before[:start]) else (before[:start], found)
    return None


def _alike(term, last) -> bool:
    """Whether ``term`` could be a term of the pattern ending in ``last`` (alike but for numbers where last
    differs): such a term is never read as a term of its own before or after the pattern (x_1, x_3, \\ldots, x_n)."""
    a, b = _flatten_with_groups(term), _flatten_with_groups(last)
    if len(a) != len(b):
        return False
    differing = [m for m in range(len(a)) if _tok_key(a[m]) != _tok_key(b[m])]
    return all(a[m].kind == "ch" and a[m].text.isdigit() for m in differing)


def _flatten_with_groups(tokens) -> list:
    out = []
    for x in tokens:
        if x.kind == "group":
            out.append(Tok("ch", "{", x.pos))
            out.extend(_flatten_with_groups(x.items))
            out.append(Tok("ch", "}", x.pos))
        else:
            out.append(x)
    return out


def _tok_key(x):
    return (x.kind, x.text)


def _replace_at(tokens, target, new):
    out = []
    for x in tokens:
        if x is target:
            out.append(new)
        elif x.kind == "group":
            out.append(Tok("group", "", x.pos, _replace_at(x.items, target, new)))
        else:
            out.append(x)
    return out


def _uses_index(tokens, letter) -> bool:
    """Whether ``letter`` appears as (part of) a subscript in ``tokens``, outside a sum or product over ``letter``
    (in \\frac{\\partial \\sum_j e^{o_j}}{\\partial o_k} the j is the inner sum's own: everything after that sum
    in its group is taken as its body)."""
    for m, x in enumerate(tokens):
        if x.is_cs("sum", "prod") and _runs_over(tokens, m, letter):
            return False
        if x.is_ch("_") and m + 1 < len(tokens):
            script = tokens[m + 1]
            items = flatten(script.items) if script.kind == "group" else [script]
            if any(t.kind == "ch" and t.text == letter for t in items):
                return True
        if x.kind == "group" and _uses_index(x.items, letter):
            return True
    return False


def _runs_over(tokens, m, letter) -> bool:
    """Whether the sum or product at tokens[m] writes ``letter`` as its index (\\sum_j, \\sum_{j=1}^n)."""
    if m + 1 >= len(tokens) or not tokens[m + 1].is_ch("_") or m + 2 >= len(tokens):
        return False
    script = tokens[m + 2]
    items = flatten(script.items) if script.kind == "group" else [script]
    return bool(items) and items[0].kind == "ch" and items[0].text == letter


def names_a_size(reader, node: SumNode) -> bool:
    """Whether a sum's upper bound is a labelled name nothing gives a meaning (d_k in ``\\sum_{i=1}^{d_k} q_i k_i``),
    which names a size of its own: it is not the entry k of an arbitrary sequence d (a bound that is no whole number)."""
    from derive.docs.arbitrary import may_be_arbitrary
    from derive.docs.bind import single_atom

    atom = single_atom(node.high) if node.high is not None else None
    if atom is None or atom.args is not None or len(atom.sub) != 1:
        return False
    if set(node.variables) & set(_letters(atom.sub_text)):
        return False
    keys = [*atom.full_keys(), atom.key]
    if any(key in table for key in keys for table in (reader.vocab.dims, reader.extra, reader.overrides)):
        return False  # D_i: dimension in the tag
    return may_be_arbitrary(atom, reader) and reader._definition(atom) is None and reader.meaning(atom)[1] is None


def _letters(text: str) -> list:
    return "".join(c if c.isalpha() else " " for c in text).split()
