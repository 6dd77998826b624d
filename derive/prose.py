"""Prose with inline math: written once in LaTeX, shown in LaTeX or as Unicode text.

Justifications, claim texts and remarks are LaTeX text with ``$…$`` math from a small
vocabulary (Greek letters, ∂, Σ, δ, relations, sub- and superscripts). The terminal
view converts it with :func:`to_unicode`; a macro outside the vocabulary is shown by its
name (``\\aleph`` as ``aleph``, ``\\mathfrak{g}`` as ``g``), never dropped.
"""

from __future__ import annotations

import re

_MACROS = {
    r"\alpha": "α",
    r"\beta": "β",
    r"\gamma": "γ",
    r"\delta": "δ",
    r"\epsilon": "ε",
    r"\varepsilon": "ε",
    r"\lambda": "λ",
    r"\mu": "μ",
    r"\nu": "ν",
    r"\pi": "π",
    r"\sigma": "σ",
    r"\theta": "θ",
    r"\tau": "τ",
    r"\kappa": "κ",
    r"\Delta": "Δ",
    r"\eta": "η",
    r"\phi": "φ",
    r"\Phi": "Φ",
    r"\tanh": "tanh",
    r"\max": "max",
    r"\min": "min",
    r"\varphi": "φ",
    r"\rho": "ρ",
    r"\Theta": "Θ",
    r"\cos": "cos",
    r"\sin": "sin",
    r"\arcsin": "arcsin",
    r"\Sigma": "Σ",
    r"\sum": "Σ",
    r"\prod": "Π",
    r"\partial": "∂",
    r"\nabla": "∇",
    r"\le": "≤",
    r"\leq": "≤",
    r"\ge": "≥",
    r"\geq": "≥",
    r"\ne": "≠",
    r"\neq": "≠",
    r"\approx": "≈",
    r"\to": "→",
    r"\mapsto": "↦",
    r"\in": "∈",
    r"\cdot": "·",
    r"\times": "×",
    r"\infty": "∞",
    r"\sqrt": "√",
    r"\log": "log",
    r"\exp": "exp",
    r"\ln": "ln",
    r"\top": "ᵀ",
    r"\|": "‖",
    r"\quad": " ",
    r"\qquad": "  ",
    r"\mathbb{R}": "ℝ",
    r"\mathbb{E}": "E",
    r"\operatorname{Var}": "Var",
    r"\operatorname{diag}": "diag",
    r"\operatorname{rank}": "rank",
    r"\iff": "⇔",
    r"\implies": "⇒",
    r"\cap": "∩",
    r"\cup": "∪",
    r"\mid": "|",
    r"\ldots": "…",
    r"\dots": "…",
    r"\,": " ",
    r"\;": " ",
    r"\!": "",
    r"\left": "",
    r"\right": "",
    r"\mathrm{KL}": "KL",
    r"\{": "{",
    r"\}": "}",
    r"\zeta": "ζ",
    r"\chi": "χ",
    r"\psi": "ψ",
    r"\omega": "ω",
    r"\xi": "ξ",
    r"\iota": "ι",
    r"\Gamma": "Γ",
    r"\Lambda": "Λ",
    r"\Omega": "Ω",
    r"\Psi": "Ψ",
    r"\Pi": "Π",
    r"\ell": "ℓ",
    r"\cdots": "⋯",
    r"\langle": "⟨",
    r"\rangle": "⟩",
    r"\lfloor": "⌊",
    r"\rfloor": "⌋",
    r"\lceil": "⌈",
    r"\rceil": "⌉",
    r"\propto": "∝",
    r"\sim": "∼",
    r"\circ": "∘",
    r"\odot": "⊙",
    r"\otimes": "⊗",
    r"\pm": "±",
    r"\neg": "¬",
    r"\forall": "∀",
    r"\exists": "∃",
    r"\subseteq": "⊆",
    r"\emptyset": "∅",
    r"\lim": "lim",
    r"\arg": "arg",
    r"\tr": "tr",
}
_SUPERSCRIPTS = str.maketrans("0123456789+-n()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻ⁿ⁽⁾")
# a macro ending in a letter must not be followed by one (\in is not the start of \int)
_MACRO_PATTERN = re.compile(
    "|".join(
        re.escape(m) + (r"(?![A-Za-z])" if m[-1].isalpha() else "") for m in sorted(_MACROS, key=len, reverse=True)
    )
)


def math_to_unicode(math: str) -> str:
    """Inline LaTeX maths → Unicode text: ``\\partial z_k`` → ``∂z_k``."""
    text = re.sub(r"\\sqrt\{([^{}]*)\}", r"√(\1)", math)
    text = re.sub(r"\\(?:hat|widehat)\{?([A-Za-z])\}?", "\\1\u0302", text)
    text = re.sub(r"\\(partial|nabla)(?![A-Za-z])\s*", lambda m: _MACROS["\\" + m.group(1)], text)  # ∂z_k, not ∂ z_k
    text = _MACRO_PATTERN.sub(lambda m: _MACROS[m.group(0)], text)
    text = re.sub(r"\\(?:frac)\{([^{}]*)\}\{([^{}]*)\}", r"(\1)/(\2)", text)
    text = re.sub(r"\\(?:text|mathrm|operatorname|mathbf|boldsymbol|mathcal)\{([^{}]*)\}", r"\1", text)
    text = re.sub(
        r"\^\{([0-9+\-n()]+)\}|\^([0-9n])", lambda m: (m.group(1) or m.group(2)).translate(_SUPERSCRIPTS), text
    )
    text = text.replace("^ᵀ", "ᵀ").replace("^{ᵀ}", "ᵀ")  # ^\top is the transpose; ^T stays a power of T
    text = re.sub(r"_\{([^{}]*)\}", r"_\1", text)
    text = re.sub(r"\\[A-Za-z]+(?=\{)", "", text)  # a font or accent outside the vocabulary: its argument
    text = re.sub(r"\\([A-Za-z]+)", r"\1", text)  # a symbol outside the vocabulary: its name, not its backslash
    return text.replace("\\", "").replace("{", "").replace("}", "").replace("~", " ").replace("-", "−")  # a minus sign


def to_unicode(prose: str) -> str:
    """LaTeX prose → readable Unicode: ``$\\delta_{kj}$ picks`` → ``δ_kj picks``."""
    parts = re.split(r"(?<!\\)\$", prose)
    converted = [
        (math_to_unicode(p) if position % 2 else p.replace("~", " ").replace(r"\%", "%").replace("--", "–"))
        for position, p in enumerate(parts)
    ]
    return "".join(converted)
