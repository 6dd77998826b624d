"""The notation layer: what a formula written for people says, before any meaning is bound.

A formula is lexed into TeX tokens (:mod:`derive.docs.tokens`), split at its top-level relations
into a chain of links (``a = b \\le c``) with its trailing conditions (``\\text{if } i \\ne j``) set
apart (:mod:`derive.docs.chain`), an implication's hypothesis read (:mod:`derive.docs.implication`),
and each side rewritten for the LaTeX grammar by :class:`derive.docs.rewriter.Rewriter`: every
identifier, function application, derivative, sum and tuple becomes an opaque placeholder whose
structure is kept in a table of nodes (:mod:`derive.docs.nodes`). What an identifier *means* (σ is
the softmax or the logistic function, ``\\pi_{ref}`` a policy) is decided later, by
:mod:`derive.docs.bind`. The names other modules use are importable from here.
"""

from __future__ import annotations

import copy
import pickle
import re
from functools import lru_cache

from derive.docs import gradient_scope
from derive.docs.about_figures import is_figure_side
from derive.docs.calculus import unsubscripted_gradient_variable
from derive.docs.chain import (
    ALIGNED,
    CONDITION_WORDS,
    RELATIONS,
    UNDECIDED_RELATIONS,
    Chain,
    Conditions,
    arrow_target,
    clip_claim,
    label_and_remark,
    named_in_words,
    parse_conditions,
    relation_at,
    split_chain,
    valued_remark,
)
from derive.docs.implication import (
    function_definition,
    join_conclusions,
    name_key,
    put_function,
    read_hypothesis,
    split_implication,
)
from derive.docs.law_functions import writes_beta_at_a_point
from derive.docs.names import words_written_alone, written_as_numbers
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
    Sequence,
    Series,
    Side,
    SumNode,
    Transposed,
    TupleNode,
)
from derive.docs.numerals import E_NOTATION, e_notation_parts
from derive.docs.ratios import as_quotients
from derive.docs.rewriter import Rewriter
from derive.docs.tokens import DOTS, NotationError, Tok, Unsupported, clean, detex, flatten, latex_of, lex
from derive.docs.units import with_magnitudes, without_units

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
    "E_NOTATION",
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
    "Sequence",
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


def rewrite_chain(text: str, log_base: str = "e", functions=(), numbers=(), unread_sides=None) -> tuple:
    """(sides as Side, relations, conditions) for one formula; ``functions`` are names known to be functions,
    ``numbers`` names known to be numbers. Given a dict ``unread_sides``, a side whose notation is not modelled
    does not stop the reading: it is an empty Side (keeping its LaTeX), and the dict maps its position to why.

    A number in E notation written without spaces (``3e-4``, ``1e-8``, ``2.5e3``, ``1.97E+14``) is that number, as
    ``3 \\times 10^{-4}``: the way learning rates, tolerances and printed results are written.

    A formula is read once per process, arguments and reading of gradients in force (the gradients it notes are
    noted again at every call): each call gets a copy of its own (unpickled from the reading kept), since callers
    change the sides and conditions they are given.
    """
    kept, unread, failure, notes = _read_once(
        text,
        log_base,
        frozenset(functions),
        frozenset(numbers),
        unread_sides is not None,
        gradient_scope.reads_first_factor(),
    )
    gradient_scope.note_again(notes)
    if failure is not None:
        raise copy.copy(failure)
    if unread_sides is not None:
        unread_sides.update(unread)
    return pickle.loads(kept)


@lru_cache(maxsize=4096)
def _read_once(text, log_base, functions: frozenset, numbers: frozenset, keep_unread: bool, first_factor: bool):
    """(the reading pickled, unread sides, None, the gradients noted) as :func:`rewrite_chain` returns them, or
    (None, None, the error, the gradients noted) for a formula that cannot be read; any other exception (a time
    budget running out) is raised, not kept. ``first_factor`` is the reading of gradients in force."""
    unread = {} if keep_unread else None
    with gradient_scope.noted_apart() as notes:
        try:
            chain = _rewrite_chain(text, log_base, functions, numbers, unread)
        except (NotationError, Unsupported) as error:
            return None, None, copy.copy(error), tuple(notes)  # the copy without its traceback and the frames it keeps
    return pickle.dumps(chain, pickle.HIGHEST_PROTOCOL), unread, None, tuple(notes)


def _as_power_of_ten(match) -> str:
    """3e-4 or 1.97E+14 written as the mantissa times a power of ten."""
    mantissa, _, exponent = e_notation_parts(match)
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def _rewrite_chain(text: str, log_base: str, functions, numbers, unread_sides) -> tuple:
    text = with_magnitudes(E_NOTATION.sub(_as_power_of_ten, text))
    text = as_quotients(text)  # 128:192 = 4:6: the parts are proportional
    tokens = clean(lex(text))
    tokens = without_units(tokens)  # H(p) = 1.75 \\text{bits}: the unit of the value, not a factor
    tokens = [  # 1 + x + \ldots, = ...: the comma closes the dots, it starts no condition
        x
        for m, x in enumerate(tokens)
        if not (x.is_ch(",") and m > 0 and tokens[m - 1].is_cs(*DOTS) and relation_at(tokens, m + 1))
    ]
    tokens, remark = label_and_remark(tokens)  # \text{Ratio}: a = b \to \text{Clip } 1.2: the remark is not checked
    tokens, hypothesis = split_implication(tokens)
    if hypothesis:  # A \implies B = b, C = c: both claims under A
        tokens = join_conclusions(tokens)
    definition = function_definition(hypothesis) if hypothesis else None
    if definition is not None:  # f(x) = e^x \implies f'... : the claim is read with f put to its definition
        tokens, hypothesis = put_function(tokens, *definition), None
    chain = split_chain(tokens)
    relations = list(chain.relations)
    side_tokens = list(chain.sides)
    clipped = clip_claim(remark) if relations else None
    if clipped is not None:  # a = 1.8 \to \text{Clip}\space 1.2: also claims clip(1.8, 1 - ε, 1 + ε) = 1.2
        value, epsilon = clipped
        epsilon = epsilon or [Tok("cs", "epsilon", 0)]
        bound = [Tok("ch", ",", 0), Tok("ch", "1", 0), None, *epsilon]
        clip = [
            Tok("cs", "operatorname", 0),
            Tok("group", "", 0, [Tok("ch", c, 0) for c in "clip"]),
            Tok("ch", "(", 0),
            *side_tokens[-1],
            *[x or Tok("ch", "-", 0) for x in bound],
            *[x or Tok("ch", "+", 0) for x in bound],
            Tok("ch", ")", 0),
        ]
        relations, side_tokens, remark = [*relations, "and", "="], [*side_tokens, clip, value], None
    if relations and relations[0] == "<-":
        # w \leftarrow w - \eta g = ...: an update assigns its first side; what follows it may be claimed
        if len(relations) == 1:
            raise Unsupported("an update x \\leftarrow ... assigns a value; it states nothing to check")
        relations, side_tokens = relations[1:], side_tokens[1:]
    if "<-" in relations:
        raise Unsupported("an arrow \\leftarrow after another relation in one chain")
    if len(relations) > 1 and relations[0] == "=" and named_in_words(side_tokens[0]):
        # \text{Tikhonov Regularized } \lambda_i = a = b: the words name the value; the chain after them is checked
        relations, side_tokens = relations[1:], side_tokens[1:]
    for link, relation in enumerate(relations):
        if relation == "sim" and all(is_figure_side(side_tokens[at]) for at in (link, link + 1)):
            relations[link] = relation = "~"  # 0.5M \times 1024 \sim 512M: about, between worked figures
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
    rewriter = Rewriter(log_base, functions, numbers)
    stated = list(chain.stated)
    if not chain.worded:
        # a = b, \quad c = d: with no word before it, an equation that defines no name is a further claim
        claims = [piece for piece in stated if _further_claim(rewriter, piece)]
        stated = [piece for piece in stated if not any(piece is claim for claim in claims)]
        for claim in claims:
            more = split_chain(claim)
            if more.stated or len(more.sides) < 2:
                raise Unsupported(f"the further claim '{detex(claim).strip()}' is not read")
            relations, side_tokens = [*relations, "and", *more.relations], [*side_tokens, *more.sides]
    rewriter.numbers |= written_as_numbers([t for part in side_tokens for t in part])
    rewriter.words_alone = words_written_alone([t for part in side_tokens for t in part])
    rewriter.gradient_variable = unsubscripted_gradient_variable(rewriter, [t for part in side_tokens for t in part])
    if writes_beta_at_a_point(text):
        rewriter.functions.add("B")  # B(\alpha + N, \beta) applies the beta function, not a product with a pair
    sides, sums = [], []
    for tokens in side_tokens:
        if not tokens:
            raise NotationError("a relation with an empty side", 0)
        before = set(rewriter.table)
        try:
            sides.append(rewriter.side(tokens))
        except Unsupported as why:
            if unread_sides is None:
                raise
            unread_sides[len(sides)] = str(why)
            sides.append(Side("", {}, detex(tokens), latex_of(tokens)))
        sums.append([node for key, node in rewriter.table.items() if key not in before and isinstance(node, SumNode)])
    _mark_indices_shared_across_sides(side_tokens, sums)
    conditions = chain.conditions
    comparisons, definitions, functions = [], {}, {}
    if hypothesis:
        read_hypothesis(rewriter, hypothesis, comparisons, definitions)
    for piece in stated:
        comparison = rewriter._comparison(piece)
        at = next(m for m in range(len(piece)) if relation_at(piece, m))
        key = name_key(rewriter, piece[:at]) if comparison.relations == ["="] else None
        function = defined_function(comparison) if comparison.relations == ["="] and key is None else None
        if key is not None:
            # where \beta = 0.9, where p = \operatorname{softmax}(z): the formula is read with that meaning
            definitions[key] = comparison.sides[1]
        elif function is not None:  # where L(\theta) = (\theta - 2)^2: the formula's L is that function
            functions[function.name] = function
        elif all(r in ("<", "<=", ">", ">=", "!=") for r in comparison.relations):
            comparisons.append(comparison)
        else:
            raise Unsupported(f"the stated condition '{detex(piece).strip()}' cannot be imposed")
    conditions.comparisons = tuple(comparisons)
    conditions.definitions = definitions
    conditions.functions = functions
    conditions.remark = valued_remark(remark)
    conditions.clipped = clipped is not None
    return sides, relations, conditions


def defined_function(comparison):
    """The function a stated equation defines, ``L(\\theta) = (\\theta - 2)^2``: its left side a name applied to distinct
    plain names that are not its own, the right side not naming it; else None."""
    from derive.docs.side_names import argument_name, single_atom
    from derive.docs.values import Definition

    head, body = comparison.sides
    atom = single_atom(head)
    if atom is None or not atom.args or atom.transpose or atom.post_sub or set(atom.seps) - {","}:
        return None
    params = [argument_name(argument) for argument in atom.args]
    if None in params or len(set(params)) < len(params) or any(not re.fullmatch(r"[A-Za-z]+", p) for p in params):
        return None
    name = atom.key + (f"_{atom.sub_text}" if atom.sub_text else "")
    written = set(re.findall(r"[A-Za-z]+", body.source))
    if atom.decoration or atom.star or name in params or atom.key in written or not written & set(params):
        return None  # g(x) = 0 writes no parameter: a condition on g, not its definition
    return Definition(name, params, body)


def _further_claim(rewriter, piece) -> bool:
    """Whether a piece set apart after a comma or a wide space is an equation claimed beside the chain: its
    first relation is = and what stands before it is not one name (a name there is defined: p = 0.9)."""
    at = next((m for m in range(len(piece)) if relation_at(piece, m)), None)
    if at is None or relation_at(piece, at)[0] != "=" or at == 0:
        return False
    return name_key(Rewriter(rewriter.log_base, rewriter.functions, rewriter.numbers), piece[:at]) is None


def _mark_indices_shared_across_sides(side_tokens, sums):
    """Σ_i x_i / n = x_i: an index summed on one side and written on another that sums nothing over it may be
    meant as the same index (the author's slip or shorthand), so its sum is marked open to it."""
    for number, nodes in enumerate(sums):
        for node in nodes:
            for other, tokens in enumerate(side_tokens):
                if other == number or any(v in m.variables for m in sums[other] for v in node.variables):
                    continue
                if any(x.kind == "ch" and x.text in node.variables for x in flatten(tokens)):
                    node.open_after = True
