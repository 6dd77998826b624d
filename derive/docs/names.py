"""Reading identifiers: a name with its primes, subscript and superscripts (x_i, W^\\top, \\pi^{ref},
x^{(k)}, \\sigma^{-1}), applied to its arguments when it is a function (f(x), E[X], p(y|x)). Each reader
takes the rewriter, the tokens, the position of the notation and the output list, and returns the
position after it."""

from __future__ import annotations

import re
from dataclasses import replace
from string import ascii_letters

from derive.docs import brackets, functions
from derive.docs.chain import condition_pieces, is_index_condition, parse_conditions, relation_at, term_end
from derive.docs.named_functions import SPELLINGS as NAMED_SPELLINGS
from derive.docs.nodes import Atom, Branches, Indicator, Inverse, Prime, Side
from derive.docs.symbols import ASYMPTOTIC, GREEK, GREEK_ALIASES, UNSUPPORTED, WORD_FUNCTIONS
from derive.docs.tokens import (
    NotationError,
    Tok,
    Unsupported,
    depth_at,
    detex,
    flatten,
    is_power_of_number,
    is_transpose,
    top_level_at,
    word_of,
)

# names applied to an argument in square brackets: E[X], Var[X], 1[i = j]
SQUARE_BRACKET_FUNCTIONS = ("E", "Var", "var", "Cov", "bb_E", "one", "cal_L", "D", "KL", "H", "P", "Pr", "bb_P")


# functions of a vector, whose arguments may be written as a list with dots: softmax(z_1, \ldots, z_n),
# diag(\lambda_1, \ldots, \lambda_n)
LIST_FUNCTIONS = ("softmax", "logsoftmax", "diag")

WORD_COMMANDS = ("text", "textrm", "textit", "textsf", "mathrm", "mathit", "mathsf", "operatorname")


def named_or_operation(rw, tokens, k, out):
    """A letter, Greek letter or font command: a built-in function written as a word (tanh(x)),
    an operation (\\max, \\operatorname{clip}) or an identifier; else None."""
    alias = functions.native_alias(tokens, k)
    if alias:  # \operatorname{tanh}, \text{Tanh}: the function itself
        tokens[k : alias[1]] = [Tok("cs", alias[0], tokens[k].pos)]
        return k
    operation = functions.operation_name(tokens, k)
    if operation:
        return functions.operation(rw, tokens, operation[1], operation[0], out)
    named = rw._atom_name(tokens, k)
    if named:
        return atom(rw, tokens, k, named, out)
    return None


def other_command(rw, tokens, k, out):
    found = named_or_operation(rw, tokens, k, out)
    if found is not None:
        return found
    t = tokens[k]
    if t.text in UNSUPPORTED:
        raise Unsupported(f"\\{t.text} is not supported")
    raise Unsupported(f"\\{t.text} is not understood")


def other_character(rw, tokens, k, out):
    found = named_or_operation(rw, tokens, k, out)
    if found is not None:
        return found
    raise NotationError(f"unexpected '{tokens[k].text}'", tokens[k].pos)


def atom(rw, tokens, k, named, out):
    """An identifier with its scripts (x_i, W^\\top, r^+, x^{(k)}), applied to arguments when it is
    a function (f(x), E[X], p(y|x), \\sigma(z)_i), or differentiated when primed (f'(x))."""
    blackboard = tokens[k].is_cs("mathbb")
    key, k = named
    if key.startswith("__native__"):
        word = key[len("__native__") :]
        out.append(r"\ln " if word in ("log", "ln") else r"\exp ")
        return k
    atom = Atom(key, [], "", blackboard=blackboard)
    scripts_start = k
    k, primes, done = atom_scripts(rw, tokens, k, atom, out)
    if done:
        return k
    if primes and atom.sub_text:
        atom.key, primes = key + "'" * primes, 0  # v'_w: a name of its own, never a derivative
    if not atom.sub_text and not primes and k < len(tokens) and tokens[k].is_ch("["):
        k = _array_index(rw, tokens, k, atom)
    if k < len(tokens) and _opens_application(tokens[k], key):
        k, done = application(rw, tokens, k, atom, primes, out)
        if done:
            return k
    elif key in functions.PREFIX_OPERATORS and atom.args is None and not primes:
        k, operand = functions.operand_of(rw, tokens, k, f"\\operatorname{{{key}}}")  # \operatorname{tr} AB is tr(AB)
        atom.args, atom.seps = [rw.sub_side(operand)], []
    elif not primes and _expectation_without_brackets(atom, tokens[scripts_start:k], tokens, k):
        end = term_end(tokens, k)  # \mathbb{E}_{z \sim P} \log P(z) - c is \mathbb{E}_{z \sim P}[\log P(z)] - c
        atom.args, atom.seps, atom.brackets = [rw.sub_side(tokens[k:end])], [], "["
        k = end
    if primes and (atom.args is None or len(atom.args) != 1 or atom.post_sub):
        atom.key, primes = key + "'" * primes, 0  # x', f'(x, y): a name of its own
    if primes:
        variable = f"prime_variable_{len(rw.table) + 1}"
        variable_side = Side(rw.placeholder(Atom(variable, [], "")), rw.table)
        out.append(rw.placeholder(Prime(atom, primes, atom.args[0], variable, variable_side)))
        return k
    out.append(rw.placeholder(atom))
    return k


def _array_index(rw, tokens, k, atom):
    """s[0], w[12]: a whole number in square brackets right after a name is its entry, as code indexes an array
    (read as the subscript s_0), never a product with the number; x[i], one letter, is read as the name applied to
    it; the position after it, or k."""
    try:
        inner, end = rw._balanced(tokens, k, "[", "]")
    except Exception:  # an unclosed bracket: left to the bracket reader
        return k
    written = [x for x in inner if not x.is_ch(" ")]
    if (
        len(written) == 1
        and written[0].kind == "ch"
        and written[0].text.isalpha()
        and atom.key not in SQUARE_BRACKET_FUNCTIONS  # E[X], P[A]: their own readers
    ):
        # x[i]: an entry at an index, as code writes it, or f[x], a function at x as some books write it
        atom.args, atom.seps, atom.brackets = [rw.sub_side(written)], [], "["
        atom.code_index = True
        return end
    if not written or not all(x.kind == "ch" and x.text.isdigit() for x in written):
        return k
    atom.sub, atom.sub_text = rw._subscript_items(written)
    atom.code_index = True
    return end


def atom_scripts(rw, tokens, k, atom, out):
    """(next k, number of primes, done) after the primes, subscript and superscripts directly
    after a name, in any order; done when the name was read as something else (an indicator)."""
    primes = 0
    while k < len(tokens) and (tokens[k].is_ch("_", "^", "'") or tokens[k].is_cs("prime")):
        if tokens[k].is_ch("'") or tokens[k].is_cs("prime"):  # a\prime, as some authors write a'
            primes += 1
            k += 1
            continue
        if tokens[k].is_ch("_") and atom.sub_text:
            break  # x_i_j: the second subscript is not this name's
        script, k2 = rw._script(tokens, k)
        if tokens[k].is_ch("^") and script and all(x.is_cs("prime") or x.is_ch("'") for x in script):
            primes += len(script)  # x^\prime is x' as LaTeX prints it: a name of its own, or \sigma^{\prime}(x)
            k = k2
            continue
        # x^{\prime 2} is x'^2 as LaTeX prints it: the primes mark the name, the rest of the script is a power (not
        # before an argument: f^{\prime 2}(x) may be the derivative squared)
        applied = k2 < len(tokens) and tokens[k2].is_ch("(", "[")
        power = (
            _after_primes(script) if tokens[k].is_ch("^") and tokens[k + 1].kind == "group" and not applied else None
        )
        if power:
            primes += sum(x.is_cs("prime") or x.is_ch("'") for x in script[: len(script) - len(power)])
            tokens[k + 1] = Tok("group", "", tokens[k + 1].pos, power)
            continue
        label, mark = (
            _label_then_transpose(script) if tokens[k].is_ch("^") and tokens[k + 1].kind == "group" else ([], [])
        )
        if label:  # q^{(2)\top}: the transpose of the labelled q^{(2)}, read as q^{(2)} then ^\top
            position = tokens[k + 1].pos
            tokens[k + 1] = Tok("group", "", position, label)
            tokens[k2:k2] = [Tok("ch", "^", position), Tok("group", "", position, mark)]
            continue
        if tokens[k].is_ch("_"):
            if atom.key == "one" and any(x.is_ch("=") or x.is_cs("neq", "ne") for x in flatten(script)):
                conditions = parse_conditions(script)  # \mathbb{1}_{i = j}
                out.append(rw.placeholder(Indicator(conditions[0])) if conditions else "")
                return k2, primes, True
            atom.sub, atom.sub_text = rw._subscript_items(script)
            k = k2
            continue
        for reader in SUPERSCRIPT_READERS:
            found = reader(rw, script, tokens, k2, atom, primes, out)
            if found is not None:
                break
        else:
            break  # a power: left to the grammar
        k, done = found
        if done:
            return k, primes, True
    return k, primes, False


def _after_primes(script) -> list:
    """What a superscript writes after the primes it opens with ({\\prime 2}: the 2), or nothing when it opens with
    none, holds nothing else, or holds another prime later."""
    lead = 0
    while lead < len(script) and (script[lead].is_cs("prime") or script[lead].is_ch("'", " ")):
        lead += 1
    rest = script[lead:]
    if not any(x.is_cs("prime") or x.is_ch("'") for x in script[:lead]) or not rest:
        return []
    return [] if any(x.is_cs("prime") or x.is_ch("'") for x in flatten(rest)) else rest


def _label_then_transpose(script) -> tuple[list, list]:
    """A superscript that writes a label in parentheses and then a transpose mark ({(2)\\top}, {(i)T}): the label and
    the mark, or two empty lists."""
    written = [x for x in script if not x.is_ch(" ")]
    if len(written) < 4 or not written[0].is_ch("("):
        return [], []
    close = next((at for at, x in enumerate(written) if x.is_ch(")")), None)
    if close is None or not is_transpose(written[close + 1 :]):
        return [], []
    if not LABEL_INSIDE.fullmatch("".join(detex(written[1:close]).split())):
        return [], []
    return written[: close + 1], written[close + 1 :]


# superscripts of a name: each returns (next k, done) when it reads the script, else None
def transpose_mark(rw, script, tokens, k2, atom, primes, out):
    if is_power_of_number(rw, script):
        return None
    if (
        len(script) == 1
        and (script[0].is_cs("top", "intercal", "mathsf") or script[0].is_ch("T"))
        or len(script) == 2
        and script[0].is_cs("mathsf", "mathrm", "text")
        and word_of(script[1].items if script[1].kind == "group" else [script[1]]) == "T"
    ):
        atom.transpose = True
        return k2, False
    return None


def star_mark(rw, script, tokens, k2, atom, primes, out):
    if len(script) == 1 and (script[0].is_ch("*") or script[0].is_cs("star", "ast")):
        atom.star = True
        return k2, False
    return None


def inverse_function(rw, script, tokens, k2, atom, primes, out):
    """\\sigma^{-1}(x): the inverse of a one-argument function."""
    if word_of(script) != "-1" or k2 >= len(tokens) or not tokens[k2].is_ch("("):
        return None
    inner, k3 = rw._balanced(tokens, k2, "(", ")")
    if primes or len(rw._split_args(inner)[0]) != 1:
        raise Unsupported(f"the inverse function {atom.key}^{{-1}} of other than one argument")
    variable = f"inverse_variable_{len(rw.table) + 1}"
    variable_side = Side(rw.placeholder(Atom(variable, [], "")), rw.table)
    target = replace(atom, args=[variable_side], seps=[], brackets="(")
    out.append(rw.placeholder(Inverse(target, rw.sub_side(inner), variable, variable_side)))
    return k3, True


# what a label in parentheses holds: x^{(t)}, W^{(1)}, x^{(t+1)}, \theta^{(k-1)}, a^{(i,j)}, \eta^{(\tau)}; never an
# expression such as e^{(1 - r/c)} or x^{(a + b)}, a power written with brackets
LABEL_INSIDE = re.compile(r"\\?[A-Za-z]+|\d+|\\?[A-Za-z]+[+-]\d+|[A-Za-z0-9]+(?:,[A-Za-z0-9]+)+")


def name_decoration(rw, script, tokens, k2, atom, primes, out):
    """r^+, r^-, \\pi^{ref}, x^{(k)}: part of the name, never a power."""
    plain = detex(script).strip()
    if len(script) == 1 and script[0].is_ch("+", "-"):
        atom.decoration = script[0].text
    elif (
        plain.isalpha()
        and len(plain) >= 2
        and _written_as_word(script, atom.key)
        and plain not in rw.numbers | rw.words_alone  # \text{input}^{\text{target}} with target a number: a power
    ):
        atom.decoration = plain
    elif re.fullmatch(r"\([^()]+\)", "".join(detex(script).split())) and LABEL_INSIDE.fullmatch(
        "".join(detex(script).split())[1:-1]
    ):
        following = next((t for t in tokens[k2:] if not t.is_ch(" ")), None)
        inner = _parenthesised(script)
        if not atom.sub_text and inner and not (following is not None and following.is_ch("_", "(", "[")):
            # \eta^{(t)}, \theta^{(0)}: the t-th of a sequence, as \eta_t writes it (a tag's \eta^{(t)} = ... then
            # gives \eta^{(0)}); before arguments, f^{(2)}(x) is a name of its own (a second derivative)
            atom.sub, atom.sub_text = rw._subscript_items(inner)
            atom.step = "".join(detex(script).split())
        else:
            atom.decoration = "".join(detex(script).split())
    else:
        return None
    return k2, False


def power_of_function(rw, script, tokens, k2, atom, primes, out):
    """f^2(x) for a function the document defines or declares (f: function, w(x) = ...): the square of f(x), as
    \\sin^2 x is the square of \\sin x, never f applied twice."""
    power = word_of(script).strip()
    if primes or not power.isdigit() or int(power) < 2 or k2 >= len(tokens) or not tokens[k2].is_ch("("):
        return None
    if atom.key not in rw.functions and not any(full in rw.functions for full in atom.full_keys()):
        return None
    k3, done = application(rw, tokens, k2, atom, 0, out)
    if not done:
        out.append(rw.placeholder(atom))
    out.append(f"^{{{power}}}")
    return k3, True


def applied_variant(rw, script, tokens, k2, atom, primes, out):
    """Q^\\pi(s, a), V^{\\pi_{old}}(s), d^\\pi(s): a capital letter (or a function the tag defines) with one letter
    above it, which may carry a subscript of its own (the policy \\pi_\\theta), and arguments after it is one
    function, the variant of Q for the policy, applied to them; never Q to the power \\pi times a bracket. A
    lower-case letter is so only under the policy \\pi (d^\\pi(s), the states' distribution under \\pi): x^\\alpha (y)
    may be a power."""
    if k2 >= len(tokens) or not tokens[k2].is_ch("(") or atom.decoration:
        return None
    label = _policy_label(script)
    if label is None:
        return None
    capital = len(atom.key) == 1 and atom.key.isupper() or atom.key in rw.functions
    policy = len(atom.key) == 1 and atom.key.islower() and atom.key != "e" and label.partition("_")[0] == "pi"
    if not (capital or policy) or "_" in label and not (script[0].kind == "cs" and script[0].text in GREEK):
        return None
    inner, _ = rw._balanced(tokens, k2, "(", ")")
    if not inner or not rw._simple(inner):
        return None
    atom.decoration = label
    return k2, False


def _policy_label(script):
    """The label a superscript of one letter writes (pi for \\pi), with the plain subscript it may carry (pi_OLD for
    \\pi_{OLD}, pi_theta for \\pi_\\theta); None for any other superscript."""
    written = [t for t in script if not t.is_ch(" ")]
    if not written or not (written[0].kind == "cs" and written[0].text in GREEK or written[0].is_ch(*ascii_letters)):
        return None
    letter = GREEK_ALIASES.get(written[0].text, written[0].text)
    if len(written) == 1:
        return letter
    if len(written) != 3 or not written[1].is_ch("_"):
        return None
    sub = written[2].items if written[2].kind == "group" else [written[2]]
    plain = "".join(detex(sub).split()).replace("\\", "")
    return f"{letter}_{plain}" if plain.isalnum() else None


def _parenthesised(script):
    """The tokens inside a script written as one parenthesised group, (t) or (t+1); None otherwise."""
    written = [t for t in script if not t.is_ch(" ")]
    if len(written) < 3 or not written[0].is_ch("(") or not written[-1].is_ch(")"):
        return None
    inner = written[1:-1]
    return None if any(t.is_ch("(", ")") for t in inner) else inner


def application(rw, tokens, k, atom, primes, out):
    """(next k, done) for the bracket after a name: its arguments when the name is applied to them;
    done when the bracket made an indicator 1(i = j) or 1(z_1 \\ge z_2)."""
    key = atom.key
    open_ = tokens[k].text
    close = {"(": ")", "[": "]", "{": "}"}[open_]
    inner, k2 = rw._balanced(tokens, k, open_, close)
    event = _event(inner) if key in EVENT_FUNCTIONS and not atom.sub and open_ in "([" else None
    if event is not None and len(event) == 2:  # P(X > s + t | X > s): an event given another, under a tag's law
        (lhs, relation, rhs), (given_lhs, given, given_rhs) = event
        atom.args = [rw.sub_side(part) for part in (lhs, rhs, given_lhs, given_rhs)]
        atom.seps, atom.brackets = [f"event {relation}", f"given {given}"], open_
        return k2, False
    if event is not None:  # P(X = k), \Pr(X \le k): the probability of an event, read under a tag's law
        lhs, relation, rhs = event
        atom.args, atom.seps, atom.brackets = [rw.sub_side(lhs), rw.sub_side(rhs)], [f"event {relation}"], open_
        return k2, False
    parts = _event_parts(rw, inner) if key in LAW_FUNCTIONS and open_ in "([" else None
    if parts is not None:  # P(X = x, Y = y), P(B | A = a), q(x | y = 1): outcomes at values, read under a law
        atom.args, atom.seps, atom.brackets = *parts, open_
        return k2, False
    conditional = any(t.is_ch("|") or t.is_cs("mid", "vert") for t in inner)
    if key in EVENT_FUNCTIONS and not conditional and any(relation_at(inner, m) for m in range(len(inner))):
        raise Unsupported(f"the probability of an event of several parts ({detex(inner).strip()}) is not read")
    if key == "one" and is_index_condition(inner):
        out.append(rw.placeholder(Indicator(parse_conditions(inner)[0])))
        return k2, True
    if key == "one" and any(relation_at(inner, m) and depth_at(inner, m) == 0 for m in range(len(inner))):
        # 1(z_1 \ge z_2): one where the comparison holds, zero elsewhere
        one = rw.sub_side([Tok("ch", "1", tokens[k].pos)])
        zero = rw.sub_side([Tok("ch", "0", tokens[k].pos)])
        comparisons = [rw._comparison(piece) for piece in condition_pieces(inner)]
        out.append(rw.placeholder(Branches([(one, comparisons, False), (zero, [], True)])))
        return k2, True
    if not (
        key in WORD_FUNCTIONS
        or key in NAMED_SPELLINGS  # \text{Tanhshrink}(-x): an activation function named in words
        or key in ("E", "H", "D", "KL")
        or open_ == "["
        or rw._simple(inner)
        or key in ("sigma", "Phi", "zeta", "Gamma")  # functions by convention (derive.docs.bind.CONVENTIONAL_FUNCTIONS)
        and not atom.sub
        and key not in rw.numbers  # \sigma (1 + e^{-z}) beside x / \sigma: the number sigma times a bracket
        or key in ASYMPTOTIC  # O(\frac{n}{2}), \Theta(n^2 + n): the bound's argument, unless the formula's number
        and not atom.sub
        and key not in rw.numbers
        or key == "pi"  # a policy π(s), π(a|s); \pi (d + p) is the number π times a sum
        and not atom.sub
        and top_level_at(inner, lambda x: x.is_ch("+", "-", "*", "/") or x.is_cs("cdot", "times", "frac")) is None
        or primes
        or top_level_at(inner, lambda x: x.is_ch("|")) is not None
        or key in rw.functions
        or any(full in rw.functions for full in atom.full_keys())  # p_Z(\log x) for the tag's function p_Z
    ):
        return k, False  # a product with a bracket: x(y + 1)
    parts, seps = rw._split_args(inner)
    for part in parts:
        if any(relation_at(part, m) and depth_at(part, m) == 0 for m in range(len(part))):
            raise Unsupported(f"an argument written as an equation ({detex(part).strip()}) is not read")
    run = brackets.dotted_run(rw, parts, inner) if key in LIST_FUNCTIONS and all(s == "," for s in seps) else None
    if run is not None:  # softmax(z_1, \ldots, z_n): the softmax of the vector of the z_j
        parts, seps = [[Tok("made", rw.placeholder(run), tokens[k].pos)]], []
    atom.args = [rw.sub_side(p) for p in parts]
    atom.seps = seps
    atom.brackets = open_
    k = k2
    if k < len(tokens) and tokens[k].is_ch("_"):
        script, k = rw._script(tokens, k)
        atom.post_sub, _ = rw._subscript_items(script)
    return k, False


EVENT_FUNCTIONS = ("P", "Pr", "bb_P")  # names of a probability, applied to an event
LAW_FUNCTIONS = (*EVENT_FUNCTIONS, "p", "q", "Q")  # names of a law, applied to outcomes at values (q(x | y = 1))


def _event_parts(rw, inner):
    """(arguments, separators) when the bracket lists outcomes and some are given a value, ``X = x, Y = y | A = a``:
    each such part is two arguments joined by the separator ``event =``; None when no part is an equation or one is
    other than NAME = VALUE."""
    pieces, seps = rw._split_args(inner)
    args, out_seps, found = [], [], False
    for position, piece in enumerate(pieces):
        relations = [m for m in range(len(piece)) if depth_at(piece, m) == 0 and relation_at(piece, m)]
        if relations:
            m = relations[0]
            relation, used = relation_at(piece, m)
            if len(relations) != 1 or relation != "=" or not piece[:m] or not piece[m + used :]:
                return None
            args += [rw.sub_side(piece[:m]), rw.sub_side(piece[m + used :])]
            out_seps.append("event =")
            found = True
        elif piece:
            args.append(rw.sub_side(piece))
        else:
            return None
        if position < len(seps):
            out_seps.append(seps[position])
    return (args, out_seps) if found else None


def _event(inner):
    """(left tokens, relation, right tokens) when ``inner`` is one comparison (X = k, X \\le k, |X - \\mu| \\ge
    k\\sigma); a pair of them for a conditional event (X > s + t \\mid X > s, not both equalities, which are outcomes
    at values: :func:`_event_parts`); else None."""
    if any(t.is_ch(",") for t in inner):
        return None
    bars = _given_bars(inner)
    if bars is None or len(bars) > 1:
        return None
    if bars:
        parts = [_comparison(inner[: bars[0]]), _comparison(inner[bars[0] + 1 :])]
        if None in parts or all(part[1] == "=" for part in parts):
            return None
        return tuple(parts)
    return _comparison(inner)


def _comparison(tokens):
    """(left tokens, relation, right tokens) when ``tokens`` are one comparison, else None."""
    found = [(m, relation_at(tokens, m)) for m in range(len(tokens)) if depth_at(tokens, m) == 0]
    found = [(m, relation) for m, relation in found if relation]
    if len(found) != 1:
        return None
    m, (relation, used) = found[0]
    lhs, rhs = tokens[:m], tokens[m + used :]
    if not lhs or not rhs or relation not in ("=", "<", ">", "<=", ">="):
        return None
    return lhs, relation, rhs


def _given_bars(tokens):
    """The positions of the bars that separate an event from its condition (\\mid, \\vert, or a | that closes no
    absolute value), the bars of |x| left out; None when the bars do not pair up."""
    given, open_bar = [], False
    for m, t in enumerate(tokens):
        if depth_at(tokens, m) != 0:
            continue
        if t.is_cs("mid", "vert"):
            given.append(m)
        elif t.is_ch("|"):
            before = tokens[m - 1] if m else None
            if open_bar:
                open_bar = False
            elif before is None or before.is_ch("+", "-", "(", "=", "<", ">") or before.is_cs("le", "ge", "leq", "geq"):
                open_bar = True  # |X - \mu| opens where a term starts
            else:
                given.append(m)
    return None if open_bar else given


def _written_as_word(script, key) -> bool:
    """Whether a superscript of letters is a word naming a variant (\\pi^{ref}, W^{\\text{res}}), not a power.

    Greek letters (x^{\\alpha}, e^{\\lambda x}) are variables, so such a script is a power; on e, only a
    word set in text type (e^{\\text{img}}) is a name: e^{ab} is Euler's number to the power ab.
    """
    commands = [t for t in flatten(script) if t.kind == "cs"]
    if any(not t.is_cs(*WORD_COMMANDS) for t in commands):
        return False
    return key != "e" or bool(commands)


def _expectation_without_brackets(atom, scripts, tokens, k) -> bool:
    """Whether the name is an expectation written without brackets, \\mathbb{E} X^2, \\mathbb{E}_i f_i(x) or
    E_{z \\sim P} f(z): it then applies to the term after it, up to the next top-level +, - or relation, as a sum
    does. A plain E is an expectation so only before a draw (it may be a name, an energy E); \\mathbb{E} always."""
    if atom.args is not None or k >= len(tokens) or term_end(tokens, k) == k:
        return False
    if atom.key == "bb_E" or atom.key == "E" and atom.blackboard:
        return True
    return atom.key == "E" and any(x.is_cs("sim") for x in flatten(scripts))


def _opens_application(t, key) -> bool:
    """Whether the token after a name opens its arguments: f(x), E[X], \\mathbb{1}\\{i = j\\}."""
    return t.is_ch("(") or (t.is_ch("[") and key in SQUARE_BRACKET_FUNCTIONS) or (t.is_cs("{") and key == "one")


SUPERSCRIPT_READERS = (
    transpose_mark,
    star_mark,
    inverse_function,
    power_of_function,
    applied_variant,
    name_decoration,
)


def words_written_alone(tokens) -> set:
    """The words in text type (\\text{target}) the formula writes outside any sub- or superscript: variables of the
    formula, so that where one is a superscript (\\text{input}^{\\text{target}}) it is a power, not a variant's label."""
    found = set()

    def walk(items, scripted):
        for m, t in enumerate(items):
            after_script = m > 0 and items[m - 1].is_ch("^", "_")
            if t.kind == "group":
                walk(t.items, scripted or after_script)
            elif (
                not scripted
                and not after_script
                and t.is_cs(*WORD_COMMANDS)
                and m + 1 < len(items)
                and items[m + 1].kind == "group"
            ):
                word = word_of(items[m + 1].items)
                if word.isalpha() and len(word) >= 2:
                    found.add(word)

    walk(list(tokens), False)
    return found


CONVENTIONAL_LETTERS = {"sigma": "sigma", "varsigma": "sigma", "Phi": "Phi", "zeta": "zeta"}


def written_as_numbers(tokens) -> set:
    """The letters a function is named by convention (σ, Φ, ζ) that the formula also writes alone as a number.

    ``x / \\sigma`` or ``\\sigma^2`` makes σ a number of the formula, so ``\\sigma (1 + e^{-z})`` is a product; a letter
    written only applied (``\\sigma(z)``), differentiated (``d\\sigma``, ``\\sigma'``), inverted (``\\sigma^{-1}(x)``),
    composed (``\\sigma \\circ f``) or subscripted (``\\sigma_x``, another name) stays a function.
    """
    found = set()

    def walk(items):
        for m, t in enumerate(items):
            if t.kind == "group":
                walk(t.items)
                continue
            if t.kind != "cs" or t.text not in CONVENTIONAL_LETTERS:
                continue
            after = m + 1
            if after + 1 < len(items) and items[after].is_ch("^"):
                after += 2  # \sigma^2, \sigma^{-1}
            nxt = items[after] if after < len(items) else None
            before = items[m - 1] if m > 0 else None
            if nxt is not None and (
                nxt.is_ch("(", "[", "'", "_", "^") or nxt.is_cs("left", "bigl", "Bigl", "big", "Big", "circ", "prime")
            ):
                continue
            if before is not None and (
                before.is_ch("d")
                or before.is_cs("partial", "nabla", "mathrm", "operatorname", "mathcal")
                or (before.kind == "group" and len(before.items) == 1 and before.items[0].is_ch("d"))
            ):
                continue
            found.add(CONVENTIONAL_LETTERS[t.text])

    walk(list(tokens))
    return found
