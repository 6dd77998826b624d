"""Notation real ML documents use often: inverse trigonometric and hyperbolic functions, a
fraction or root written as a bare script (``e^\\frac{x}{2}``), the p-norm ``\\|x\\|_p``, products
written with dots (``a_1 a_2 \\cdots a_n``), lists with dots in ``\\max``/``\\min``, implications
(``A \\implies B``, an arrow between two statements: B under A) updates (``w \\leftarrow ...``), dots typed
as three periods and braced names (``{\\mathbf{v}}_i``). Each form
is read on a correct formula (PASS) and a wrong variant (FAIL) by the same machinery; what the
checker cannot decide stays UNKNOWN with the reason."""

import re

import pytest
from checking import assert_pass_and_fail, verdicts

from derive.docs import check_formula

REAL = {"x": "real", "a": "real", "b": "real"}
UNIT = {"clauses": "-0.9 < t < 0.9"}

# (name, correct formula, wrong variant, check_formula keywords)
PAIRS = [
    ("a product of absolute values written bar to bar", r"|xy| = |x||y|", r"|xy| = |x||2y|", {"kinds": REAL}),
    (
        "absolute values beside norms written with double bars",
        r"|x||a| \le ||x|| \, |a| + |b|",
        r"|x||a| \ge ||x|| \, |a| + |b| + 1",
        {"kinds": {"x": "real", "a": "real", "b": "positive"}},
    ),
    ("arctan undoes tan", r"\tan(\arctan(x)) = x", r"\tan(\arctan(x)) = 2x", {"kinds": REAL}),
    ("derivative of arctan", r"\arctan'(x) = \frac{1}{1 + x^2}", r"\arctan'(x) = \frac{1}{1 - x^2}", {"kinds": REAL}),
    ("arcsin and arccos", r"\arcsin(t) + \arccos(t) = \frac{\pi}{2}", r"\arcsin(t) + \arccos(t) = \pi", UNIT),
    (
        "artanh as a logarithm (operator name)",
        r"\operatorname{artanh}(t) = \frac{1}{2} \ln\frac{1 + t}{1 - t}",
        r"\operatorname{artanh}(t) = \frac{1}{2} \ln\frac{1 - t}{1 + t}",
        UNIT,
    ),
    (
        "arsinh as a logarithm",
        r"\operatorname{arcsinh}(x) = \ln(x + \sqrt{x^2 + 1})",
        r"\operatorname{arcsinh}(x) = \ln(x + \sqrt{x^2 - 1})",
        {"kinds": REAL},
    ),
    ("sin^{-1} is arcsin", r"\sin^{-1}(t) = \arcsin(t)", r"\sin^{-1}(t) = \frac{1}{\sin(t)}", UNIT),
    (
        "tanh^{-1} is artanh",
        r"\tanh^{-1}(t) = \frac{1}{2} \log\frac{1 + t}{1 - t}",
        r"\tanh^{-1}(t) = \frac{1}{2} \log\frac{1 - t}{1 + t}",
        UNIT,
    ),
    (
        "haversine and the spherical law of cosines",
        r"2\arcsin\left(\sqrt{\sin^2\left(\frac{a - b}{2}\right) + \cos(a)\cos(b)\sin^2\left(\frac{c}{2}\right)}\right)"
        r" = \arccos\left(\sin(a)\sin(b) + \cos(a)\cos(b)\cos(c)\right)",
        r"2\arcsin\left(\sqrt{\sin^2\left(a - b\right) + \cos(a)\cos(b)\sin^2\left(c\right)}\right)"
        r" = \arccos\left(\sin(a)\sin(b) + \cos(a)\cos(b)\cos(c)\right)",
        {"clauses": "-1.5 < a < 1.5; -1.5 < b < 1.5; -3 < c < 3"},
    ),
    (
        "a bare fraction as an exponent",
        r"e^\frac{x}{2} e^\frac{x}{2} = e^x",
        r"e^\frac{x}{2} e^\frac{x}{2} = e^{2x}",
        {"kinds": REAL},
    ),
    ("a bare fraction of digits as an exponent", r"4^\frac12 = 2", r"4^\frac12 = 4", {}),
    ("a bare root as an exponent", r"e^\sqrt{4} = e^2", r"e^\sqrt{4} = e^4", {}),
    (
        "the p-norm",
        r"\|x\|_r = \left(\sum_i |x_i|^r\right)^{1/r}",
        r"\|x\|_r = \sum_i |x_i|^r",
        {"clauses": "x: vector; r: positive; r > 1"},
    ),
    ("the 3-norm", r"\|x\|_3^3 = \sum_i |x_i|^3", r"\|x\|_3^3 = \sum_i x_i^3", {"clauses": "x: vector"}),
    ("the p-norm of a number", r"\|a\|_r = |a|", r"\|a\|_r = a", {"clauses": "a: real; r: positive"}),
    (
        "a product written with dots",
        r"\log(a_1 a_2 \cdots a_n) = \sum_{i=1}^{n} \log a_i",
        r"\log(a_1 a_2 \cdots a_n) = \sum_{i=2}^{n} \log a_i",
        {"clauses": "a: positive vector"},
    ),
    (
        "a product of one factor and dots",
        r"a_1 \cdots a_n = \prod_{i=1}^{n} a_i",
        r"a_1 \cdots a_n = \sum_{i=1}^{n} a_i",
        {"clauses": "a: vector"},
    ),
    (
        "a product of bracketed factors with dots",
        r"(1 + a_1)(1 + a_2) \cdots (1 + a_n) = \prod_{i=1}^n (1 + a_i)",
        r"(1 + a_1)(1 + a_2) \cdots (1 + a_n) = \prod_{i=1}^n (1 - a_i)",
        {"clauses": "a: vector"},
    ),
    (
        "a product of applications with dots and a factor before",
        r"2 \sigma(z_1) \cdot \sigma(z_2) \cdots \sigma(z_n) = 2 \prod_{i=1}^n \sigma(z_i)",
        r"2 \sigma(z_1) \cdot \sigma(z_2) \cdots \sigma(z_n) = \prod_{i=1}^n \sigma(z_i)",
        {},
    ),
    (
        "the largest of a list with dots",
        r"\max\{z_1, \ldots, z_n\} = \max_i z_i",
        r"\max\{z_1, \ldots, z_n\} = \min_i z_i",
        {},
    ),
    (
        "a sum with dots, an index in two places and a term after",
        r"w_1 x_1 + \cdots + w_n x_n + b = \sum_{i=1}^{n} w_i x_i + b",
        r"w_1 x_1 + \cdots + w_n x_n + b = \sum_{i=1}^{n} w_i x_i",
        {"clauses": "w: vector; x: vector; b: real"},
    ),
    (
        "a sum with dots after a term of its own",
        r"b + w_1 x_1 + w_2 x_2 + \cdots + w_n x_n = b + w^\top x",
        r"b + w_1 x_1 + w_2 x_2 + \cdots + w_n x_n = w^\top x",
        {"clauses": "w: vector; x: vector; b: real"},
    ),
    (
        "dots typed as three periods",
        r"\sum_{i=1}^{n} x_i = x_1 + x_2 + ... + x_n",
        r"\sum_{i=1}^{n} x_i = x_1 + x_2 + ... + x_n + 1",
        {"clauses": "x: vector"},
    ),
    (
        "a braced name with a subscript",
        r"{\mathbf{v}}_i + 1 = 1 + v_i",
        r"{\mathbf{v}}_i + 1 = 2 + v_i",
        {"clauses": "v: vector"},
    ),
    (
        "a command's braced argument before a script stays the argument",
        r"\|A\|_\textrm{F}^2 = \operatorname{tr}(A^\top A)",
        r"\|A\|_\textrm{F}^2 = \operatorname{tr}(A A)",
        {"clauses": "A: matrix"},
    ),
    (
        "a law named in sans-serif or italic text, as LaTeX notes set it (\\textsf{Beta}, \\textit{Beta})",
        r"\textsf{Beta}(\theta \mid 2, 1) = 2 \theta = \textit{Beta}(\theta \mid 2, 1)",
        r"\textsf{Beta}(\theta \mid 2, 1) = 2 (1 - \theta)",
        {"clauses": "0 < \\theta < 1"},
    ),
    (
        "a font command's braced argument keeps its script",
        r"\mathbf{\hat{q}}_i + 1 = 1 + \hat{q}_i",
        r"\mathbf{\hat{q}}_i + 1 = 2 + \hat{q}_i",
        {"clauses": r"\hat{q}: vector"},
    ),
    (
        "a braced name inside a font command, with a script and a transpose",
        r"\mathbf{{q}}_i^T \mathbf{{x}}_j = \mathbf{{x}}_j^T \mathbf{{q}}_i",
        r"\mathbf{{q}}_i^T \mathbf{{x}}_j = 2 \mathbf{{x}}_j^T \mathbf{{q}}_i",
        {"clauses": "q_i: vector; x_j: vector"},
    ),
    (
        "a sum up to a size written with a label, over names written side by side",
        r"q \cdot k = \sum_{i=1}^{d_k} q_ik_i",
        r"q \cdot k = \sum_{i=1}^{d_k} q_i^2k_i",
        {"clauses": "q: vector; k: vector"},
    ),
    (
        "a power of a function before its argument",
        r"\sin^2 t + \cos^2 t = 1",
        r"\sin^2 t + \cos^2 t = 2",
        {"clauses": "t: real"},
    ),
    (
        "a power of a function before a Greek argument",
        r"\cos^2 \theta = \frac{1 + \cos 2\theta}{2}",
        r"\cos^2 \theta = \frac{1 - \cos 2\theta}{2}",
        {"clauses": r"\theta: real"},
    ),
    (
        "an angle before a bold vector: the vector multiplies the cosine, not its argument",
        r"\cos\phi\mathbf{x} - \sin\phi\boldsymbol{\epsilon} = (\cos\phi) \mathbf{x} - (\sin\phi) \boldsymbol{\epsilon}",
        r"\cos\phi\mathbf{x} - \sin\phi\boldsymbol{\epsilon} = (\cos\phi) \mathbf{x} + (\sin\phi) \boldsymbol{\epsilon}",
        {"clauses": r"\phi: real; \mathbf{x}: vector; \boldsymbol{\epsilon}: vector"},
    ),
    (
        "a power of a function before an angle and a bold vector",
        r"\sin^2\phi_t\mathbf{x} + \cos^2\phi_t\hat{\mathbf{x}} = \mathbf{x} + (\cos\phi_t)^2 (\hat{\mathbf{x}} - \mathbf{x})",
        r"\sin^2\phi_t\mathbf{x} + \cos^2\phi_t\hat{\mathbf{x}} = \mathbf{x} + (\sin\phi_t)^2 (\hat{\mathbf{x}} - \mathbf{x})",
        {"clauses": r"\phi_t: real; \mathbf{x}: vector; \hat{\mathbf{x}}: vector"},
    ),
    (
        "an angle before a bracket of bold vectors",
        r"\cos\phi \big( \mathbf{x} + \mathbf{y} \big) = \cos\phi\mathbf{x} + \cos\phi\mathbf{y}",
        r"\cos\phi \big( \mathbf{x} + \mathbf{y} \big) = \cos\phi\mathbf{x} - \cos\phi\mathbf{y}",
        {"clauses": r"\phi: real; \mathbf{x}: vector; \mathbf{y}: vector"},
    ),
    (
        "the largest size of brackets",
        r"\Biggl( a + b \Biggr)^2 = a^2 + 2ab + b^2",
        r"\Biggl( a + b \Biggr)^2 = a^2 + b^2",
        {"kinds": REAL},
    ),
    (
        "a name set in colour keeps its name",
        r"\textcolor{orange}{\alpha_k} + \textcolor{orange}{\alpha_k} = 2 \alpha_k",
        r"\textcolor{orange}{\alpha_k} + \textcolor{orange}{\alpha_k} = \alpha_k",
        {"clauses": r"\alpha_k: positive"},
    ),
    (
        "a ring raised after a number is the degree sign",
        r"\arctan{(-50/50)} = -45^{\circ}",
        r"\arctan{(-50/50)} = 45^{\circ}",
        {},
    ),
    ("an angle in degrees inside a function", r"\sin(30^\circ) = 0.5", r"\cos(30^\circ) = 0.5", {}),
    (
        "a colour's text joins the expression around it, its braces grouping nothing",
        r"a \color{green}{- b + c} = a - b + c",
        r"a \color{green}{- b + c} = a (c - b)",
        {"clauses": r"a: real; b: real; c: real"},
    ),
    (
        "the outer product restated in the tag",
        r"(a \otimes b) c = (b^\top c) a",
        r"(a \otimes b) c = (a^\top c) b",
        {"clauses": r"a \otimes b = a b^\top; a: vector; b: vector; c: vector"},
    ),
    ("round of a number", r"\operatorname{round}(2.6) = 3", r"\operatorname{round}(2.6) = 2", {}),
    (
        "round of a variable",
        r"\operatorname{round}(a) = \lfloor a + 0.5 \rfloor",
        r"\operatorname{round}(a) = \lfloor a \rfloor",
        {"kinds": REAL},
    ),
    (
        "an underscore inside an upright name",
        r"2 \cdot \text{step\_num} = \text{step\_num} + \text{step\_num}",
        r"2 \cdot \text{step\_num} = \text{step\_num}",
        {"clauses": r"\text{step\_num}: positive"},
    ),
    ("an implication from a definition", r"a = 2 \implies a^2 = 4", r"a = 2 \implies a^2 = 5", {"kinds": REAL}),
    ("an implication from a comparison", r"a > 0 \Rightarrow |a| = a", r"a > 0 \Rightarrow |a| = -a", {"kinds": REAL}),
    (
        "a consequence on a row of its own",
        r"\implies (a + b)^2 = a^2 + 2ab + b^2",
        r"\implies (a + b)^2 = a^2 + b^2",
        {"kinds": REAL},
    ),
    (
        "an arrow from a function's definition to its derivative",
        r"f(x) = e^x \hspace{1in} \rightarrow \hspace{1in} \frac{df}{dx} = e^x",
        r"f(x) = e^x \hspace{1in} \rightarrow \hspace{1in} \frac{df}{dx} = x e^{x-1}",
        {"kinds": REAL},
    ),
    (
        "an implication from a function of two arguments",
        r"f(x, y) = x y \implies f(a + b, 2) = 2a + 2b",
        r"f(x, y) = x y \implies f(a + b, 2) = 2a + b",
        {"kinds": REAL},
    ),
    (
        "an implication from the logistic function",
        r"\sigma(x) = \frac{1}{1+e^{-x}} \implies \sigma(-x) = 1 - \sigma(x)",
        r"\sigma(x) = \frac{1}{1+e^{-x}} \implies \sigma(-x) = \sigma(x)",
        {"kinds": REAL},
    ),
    (
        "an implication from a definition to a second derivative",
        r"f(x) = x^3 \implies f''(a) = 6a",
        r"f(x) = x^3 \implies f''(a) = 3a",
        {"kinds": REAL},
    ),
    (
        "an implication to a derivative at a sum",
        r"f(x) = x^2 \implies f'(a + b) = 2(a + b)",
        r"f(x) = x^2 \implies f'(a + b) = a + b",
        {"kinds": REAL},
    ),
    (
        "an update followed by its expansion",
        r"a \leftarrow a - 2 b = a - b - b",
        r"a \leftarrow a - 2 b = a - b",
        {"kinds": REAL},
    ),
    (
        "a list with dots after a number",
        r"\max(0, z_1, z_2, \dots, z_n) \ge z_1",
        r"\max(0, z_1, z_2, \dots, z_n) \le z_1",
        {},
    ),
]


@pytest.mark.parametrize("name,correct,wrong,keywords", PAIRS, ids=[p[0] for p in PAIRS])
def test_notation_is_read_on_a_correct_formula_and_a_wrong_variant(name, correct, wrong, keywords):
    assert_pass_and_fail(correct, wrong, **keywords)


UNDECIDED = [
    (r"\|x\|_{2,1} = 1", {"clauses": "x: vector"}, "norm"),
    (r"\|x\|_{\max} = 1", {"clauses": "x: vector"}, "norm"),
    # factors that count down, or a factor after the last one of the pattern: no product is guessed
    (r"a_3 a_2 \cdots a_1 = 1", {"clauses": "a: vector"}, "\\ldots"),
    (r"a_1 a_2 \cdots a_n b = b", {"clauses": "a: vector; b: real"}, "\\ldots"),
    (r"f(x_1, \ldots, x_n) = 1", {}, "in a list is read only in"),
    (r"x_1 y_2 + \cdots + x_n y_n = 1", {"clauses": "x: vector; y: vector"}, "one index"),
    # a term alike the pattern's is never set apart from it: x_1, x_3, ..., x_n skips indices
    (r"x_1 + x_3 + \cdots + x_n = 1", {"clauses": "x: vector"}, "counting up by one"),
    (r"\max\{z_1, z_3, \ldots, z_n\} = 1", {}, "counting up by one"),
    (r"a \Rightarrow b", {"kinds": REAL}, "implication"),
    (r"a^2 = b^2 \implies a = b", {"kinds": REAL}, "implication"),
    (r"g(x, y) = x y \implies g'(x) = y", {"kinds": REAL}, "used here as g'"),
    (r"a \leftarrow a - 2 b", {"kinds": REAL}, "assigns"),
    (r"\operatorname{round}(2.5) = 3", {}, "halfway between two whole numbers"),
]


@pytest.mark.parametrize("formula,keywords,reason", UNDECIDED, ids=[u[0] for u in UNDECIDED])
def test_what_cannot_be_decided_is_unknown_with_the_reason(formula, keywords, reason):
    verdict = check_formula(formula, **keywords)
    assert verdict["verdict"] == "UNKNOWN", verdict
    assert reason in verdict["detail"], verdict["detail"]


# untagged: what the formula alone says


def test_a_sum_up_to_a_labelled_size_is_read_untagged(tmp_path):
    """d_k in a sum's bound is a size of its own, not the term k of an arbitrary sequence d (no whole number)."""
    [(verdict, detail)] = verdicts(tmp_path, r"q \cdot k = \sum_{i=1}^{d_k} q_ik_i")
    assert verdict == "PASS", detail
    [(verdict, detail)] = verdicts(tmp_path, r"q \cdot k = \sum_{i=1}^{d_k} q_i^2k_i")
    assert verdict == "FAIL", detail


def test_a_derivative_by_one_entry_of_a_sum_up_to_a_letter_is_read_untagged(tmp_path):
    """n bounding Σ_{i=1}^n w_i^2 counts its terms: differentiated by w_j, the sum leaves w_j, and a wrong factor is
    refuted at a point where the sum has its n terms (not at a fractional n, where the sum is empty)."""
    [(verdict, detail)] = verdicts(tmp_path, r"\frac{\partial}{\partial w_j} \frac{1}{2} \sum_{i=1}^{n} w_i^2 = w_j")
    assert verdict == "PASS", detail
    [(verdict, detail)] = verdicts(tmp_path, r"\frac{\partial}{\partial w_j} \frac{1}{2} \sum_{i=1}^{n} w_i^2 = 2 w_j")
    assert verdict == "FAIL" and "left = 0.0" not in detail, detail
    assert re.search(r"at n=\d+, j=\d+, w=", detail), detail


@pytest.mark.parametrize(
    "formula, why",
    [
        (r"{x_a}^\top x_a = x_a {x_a}^\top", "shapes () and (2, 2)"),
        (r"(u)^\top (u) = (u)(u)^\top", "shapes () and (2, 2)"),
        (r"1 + \sigma({v'_{w}}^\top v_{w_I}) = 2", "on one side only"),
    ],
)
def test_a_transposed_name_is_a_vector_not_a_number(tmp_path, formula, why):
    """u^T u is a number and u u^T a matrix: read as reals, the first two would pass."""
    [(verdict, detail)] = verdicts(tmp_path, formula)
    assert verdict == "SKIPPED" and why in detail, detail


def test_a_transposed_bracket_of_a_bold_vector_is_read(tmp_path):
    [(verdict, detail)] = verdicts(tmp_path, r"(\mathbf{u})^\top \mathbf{u} = \sum_i u_i^2")
    assert verdict == "PASS", detail
    [(verdict, detail)] = verdicts(tmp_path, r"(\mathbf{u})^\top \mathbf{u} = \sum_i u_i")
    assert verdict == "FAIL", detail
