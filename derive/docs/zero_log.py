r"""A term at written numbers with the convention 0 log 0 = 0: ``y_i \log(y_i / \hat y_i)`` at an entry where y_i is 0 is
0, its limit as y_i falls to 0, as entropies, divergences and deviances are written over counts with zeros."""

from __future__ import annotations

import sympy as sp


def _vanishing_logs(expr, replacements: dict) -> dict:
    """{u log(a): 0} for each product in ``expr`` of a factor u and a log whose argument has u as a factor (or is u),
    where u is 0 at ``replacements`` and the rest of the argument a finite number other than 0."""
    found = {}
    for product in expr.atoms(sp.Mul):
        factors = product.args
        for at, log in enumerate(factors):
            if not isinstance(log, sp.log):
                continue
            inside = sp.Mul.make_args(log.args[0])
            for factor in factors[:at] + factors[at + 1 :]:
                if factor not in inside or factor.xreplace(replacements) != 0:
                    continue
                rest = sp.Mul(*(f for f in inside if f != factor)).xreplace(replacements)
                if rest.is_number and rest.is_finite and rest != 0:
                    found[sp.Mul(factor, log)] = sp.Integer(0)
    return found


def at_numbers(expr, replacements: dict):
    """``expr`` with ``replacements`` put in; where that leaves no number (NaN) and a product u log(u v) has u at 0,
    that product is taken as 0 first."""
    value = expr.xreplace(replacements)
    if value is not sp.nan:
        return value
    vanishing = _vanishing_logs(expr, replacements)
    if not vanishing:
        return value
    return _without(expr, vanishing, replacements).xreplace(replacements)


def _without(expr, vanishing: dict, replacements: dict):
    """``expr`` with each product that holds a u log(a) of ``vanishing``, its other factors finite, taken as 0."""

    def drop(node):
        if not isinstance(node, sp.Mul):
            return node
        for product in vanishing:
            if not all(factor in node.args for factor in product.args):
                continue
            others = [f.xreplace(replacements) for f in node.args if f not in product.args]
            if all(other.is_number and other.is_finite for other in others):
                return sp.Integer(0)
        return node

    return expr.replace(lambda node: isinstance(node, sp.Mul), drop)
