"""Prose with inline math: written once in LaTeX, shown in LaTeX or as Unicode text.

Justifications, claim texts and remarks are LaTeX text with ``$…$`` math from a small
vocabulary (Greek letters, ∂, Σ, δ, relations, sub- and superscripts). The terminal
view converts it with :func:`to_unicode`; anything outside the vocabulary is shown as
written, never dropped.
"""

from __future__ import annotations

import re

_MACROS = {
    r"\alpha": "α", r"\beta": "β", r"\gamma": "γ", r"\delta": "δ", r"\epsilon": "ε",
    r"\varepsilon": "ε", r"\lambda": "λ", r"\mu": "μ", r"\nu": "ν", r"\pi": "π",
    r"\sigma": "σ", r"\theta": "θ", r"\tau": "τ", r"\kappa": "κ", r"\Delta": "Δ",
    r"\eta": "η", r"\phi": "φ", r"\Phi": "Φ", r"\tanh": "tanh", r"\max": "max", r"\min": "min",
    r"\varphi": "φ", r"\rho": "ρ", r"\Theta": "Θ", r"\cos": "cos", r"\sin": "sin", r"\arcsin": "arcsin",
    r"\Sigma": "Σ", r"\sum": "Σ", r"\prod": "Π", r"\partial": "∂", r"\nabla": "∇",
    r"\le": "≤", r"\leq": "≤", r"\ge": "≥", r"\geq": "≥", r"\ne": "≠", r"\neq": "≠",
    r"\approx": "≈", r"\to": "→", r"\mapsto": "↦", r"\in": "∈", r"\cdot": "·",
    r"\times": "×", r"\infty": "∞", r"\sqrt": "√", r"\log": "log", r"\exp": "exp",
    r"\ln": "ln", r"\top": "ᵀ", r"\|": "‖", r"\quad": " ", r"\qquad": "  ",
    r"\mathbb{R}": "ℝ", r"\mathbb{E}": "E", r"\operatorname{Var}": "Var",
    r"\operatorname{diag}": "diag", r"\operatorname{rank}": "rank", r"\iff": "⇔",
    r"\implies": "⇒", r"\cap": "∩", r"\cup": "∪", r"\mid": "|", r"\ldots": "…", r"\dots": "…", r"\,": " ", r"\;": " ", r"\!": "",
    r"\left": "", r"\right": "", r"\mathrm{KL}": "KL", r"\{": "{", r"\}": "}",
}
_SUPERSCRIPTS = str.maketrans("0123456789+-n()T", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ⁿ⁽⁾ᵀ")
# a macro ending in a letter must not be followed by one (\in is not the start of \int)
_MACRO_PATTERN = re.compile("|".join(re.escape(m) + (r"(?![A-Za-z])" if m[-1].isalpha() else "")
                                     for m in sorted(_MACROS, key=len, reverse=True)))


def _math_to_unicode(math: str) -> str:
    text = re.sub(r"\\sqrt\{([^{}]*)\}", r"√(\1)", math)
    text = re.sub(r"\\(?:hat|widehat)\{?([A-Za-z])\}?", "\\1\u0302", text)
    text = re.sub(r"\\(partial|nabla) ", r"\\\1", text)
    text = _MACRO_PATTERN.sub(lambda m: _MACROS[m.group(0)], text)
    text = re.sub(r"\\(?:frac)\{([^{}]*)\}\{([^{}]*)\}", r"(\1)/(\2)", text)
    text = re.sub(r"\\(?:text|mathrm|operatorname|mathbf|boldsymbol|mathcal)\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\^\{([0-9+\-n()T]+)\}|\^([0-9nT])", lambda m: (m.group(1) or m.group(2)).translate(_SUPERSCRIPTS), text)
    text = re.sub(r"_\{([^{}]*)\}", r"_\1", text)
    return text.replace("{", "").replace("}", "").replace("~", " ")


def to_unicode(prose: str) -> str:
    """LaTeX prose → readable Unicode: ``$\\delta_{kj}$ picks`` → ``δ_kj picks``."""
    parts = re.split(r"(?<!\\)\$", prose)
    converted = [(_math_to_unicode(p) if position % 2 else p.replace("~", " ").replace(r"\%", "%").replace("--", "–")) for position, p in enumerate(parts)]
    return "".join(converted)
