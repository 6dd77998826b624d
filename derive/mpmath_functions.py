"""The SymPy functions of one argument whose mpmath namesakes take the same values, principal branches included."""

from __future__ import annotations

import mpmath
import sympy as sp

MPMATH_FUNCTIONS = {
    sp.exp: mpmath.exp,
    sp.log: mpmath.log,
    sp.sin: mpmath.sin,
    sp.cos: mpmath.cos,
    sp.tan: mpmath.tan,
    sp.cot: mpmath.cot,
    sp.sec: mpmath.sec,
    sp.csc: mpmath.csc,
    sp.sinh: mpmath.sinh,
    sp.cosh: mpmath.cosh,
    sp.tanh: mpmath.tanh,
    sp.sech: mpmath.sech,
    sp.csch: mpmath.csch,
    sp.coth: mpmath.coth,
    sp.atan: mpmath.atan,
    sp.erf: mpmath.erf,
    sp.erfc: mpmath.erfc,
    sp.Abs: abs,
    sp.sign: mpmath.sign,
    sp.floor: mpmath.floor,
    sp.ceiling: mpmath.ceil,
    sp.factorial: mpmath.factorial,
    sp.gamma: mpmath.gamma,
    sp.loggamma: mpmath.loggamma,
    sp.zeta: mpmath.zeta,
}
