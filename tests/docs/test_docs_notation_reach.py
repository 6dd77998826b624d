"""Notation the reader computes: definite integrals, inverse functions and traces of whole matrices.

Each form is read on a correct formula (PASS) and on a wrong variant (FAIL) by the same machinery;
what cannot be given a value (a divergent integral, a function with no single inverse) is UNKNOWN."""

import pytest
from checking import assert_page_pass_and_fail, verdict

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "a definite integral to infinity with a parameter",
        r"\lambda: positive",
        r"\int_0^\infty x e^{-\lambda x} \, dx = \frac{1}{\lambda^2}",
        r"\int_0^\infty x e^{-\lambda x}\,\mathrm{d}x = \frac{1}{\lambda}",
    ),
    (
        "a definite integral with numeric bounds",
        None,
        r"\int_0^\infty x^2e^{-x} \; dx = 2",
        r"\int_0^\infty x^2e^{-x} \; dx = 1",
    ),
    (
        "an integral from minus infinity to the variable",
        r"sigmoid_derivative; \zeta(x) = \log(1 + \exp(x))",
        r"\zeta(x) = \int_{-\infty}^x \sigma(y) dy",
        r"\zeta(x) = \int_{-\infty}^x \sigma(y)^2 dy",
    ),
    (
        "an integral over a finite interval",
        r"a: positive",
        r"\int_{0}^{a} 3 t^2 \, dt = a^3",
        r"\int_{0}^{a} 3 t^2 \, dt = a^2",
    ),
    (
        "the inverse of the logistic sigmoid",
        r"sigmoid_derivative; x: probability",
        r"\sigma^{-1}(x) = \log\left(\frac{x}{1 - x}\right)",
        r"\sigma^{-1}(x) = \log\left(\frac{1 - x}{x}\right)",
    ),
    (
        "the inverse of a function defined in the tag",
        r"\zeta(x) = \log(1 + \exp(x)); x: positive",
        r"\zeta^{-1}(x) = \log\left(\exp(x) - 1\right)",
        r"\zeta^{-1}(x) = \log\left(\exp(x) + 1\right)",
    ),
    (
        "the inverse of tanh, one real branch of two",
        r"f(x) = \tanh(x); x: real",
        r"f^{-1}(\tanh(x)) = x",
        r"f^{-1}(\tanh(x)) = 2x",
    ),
    (
        "an endless geometric sum written with dots",
        r"\gamma: probability",
        r"1 + \gamma + \gamma^2 + \ldots, = \frac{1}{1-\gamma}",
        r"1 + \gamma + \gamma^2 + \ldots, = \frac{1}{1+\gamma}",
    ),
    (
        "an endless geometric sum from its second term",
        r"\beta: probability",
        r"\beta + \beta^2 + \beta^3 + \cdots = \frac{\beta}{1-\beta}",
        r"\beta + \beta^2 + \beta^3 + \cdots = \frac{1}{1-\beta}",
    ),
    (
        "a sum of entries written with dots up to the last",
        r"x: vector",
        r"x_1 + x_2 + \cdots + x_n = \sum_i x_i",
        r"x_1 + x_2 + \cdots + x_n = \sum_i x_i^2",
    ),
    (
        "the trace of a product of three matrices",
        r"A: matrix; B: matrix; C: matrix",
        r"\operatorname{Tr}(\mathbf{A}\mathbf{B}\mathbf{C}) = \operatorname{Tr}(\mathbf{C}\mathbf{A}\mathbf{B})",
        r"\operatorname{Tr}(\mathbf{A}\mathbf{B}\mathbf{C}) = \operatorname{Tr}(\mathbf{B}\mathbf{A}\mathbf{C})",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_correct_passes_and_wrong_fails(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.parametrize(
    "latex",
    [
        r"\int_0^\infty e^{\lambda x} dx = \frac{1}{\lambda}",
        r"\int_0^1 \frac{1}{t} dt = \lambda",
        r"\int_{-\infty}^{\infty} \frac{e^{\lambda x}}{1 + e^{\lambda x}} dx = \lambda",
    ],
)
def test_a_divergent_integral_is_unknown_not_a_value(tmp_path, latex):
    # never a value: UNKNOWN, or, where the integrand does not vanish at an infinite end, a FAIL that says so
    v, detail = verdict(tmp_path, r"\lambda: positive", latex)
    refuted = v == "FAIL" and "an integral that diverges" in detail and "tends to" in detail
    assert (v == "UNKNOWN" and "does not converge" in detail) or refuted, (v, detail)


def test_an_inverse_with_two_real_branches_is_unknown(tmp_path):
    v, detail = verdict(tmp_path, r"f(x) = x^2; x: positive", r"f^{-1}(x) = \sqrt{x}")
    assert v == "UNKNOWN" and "more than one real argument" in detail, (v, detail)


def test_an_indefinite_integral_is_unknown_with_its_reason(tmp_path):
    v, detail = verdict(tmp_path, r"x: real", r"\int x \, dx = \frac{x^2}{2}")
    assert v == "UNKNOWN" and "an integral without bounds beside a side without one" in detail, (v, detail)


def test_the_trace_of_a_non_square_reading_is_unknown_not_an_internal_error(tmp_path):
    v, detail = verdict(tmp_path, None, r"\operatorname{Tr}(\mathbf{a}) = \operatorname{Tr}(\mathbf{a}^\top)")
    assert "internal error" not in detail and "not square" in detail, (v, detail)
    # a bold capital only inside known functions is a square matrix
    v, detail = verdict(tmp_path, None, r"\operatorname{Tr}(\mathbf{A}) = \operatorname{Tr}(\mathbf{A}^\top)")
    assert v == "PASS", detail


@pytest.mark.parametrize(
    "latex, reason",
    [
        (r"1 + \gamma + \ldots = \frac{1}{1-\gamma}", "ambiguous"),
        (r"1 + 2\gamma + 3\gamma^2 + \ldots = \frac{1}{(1-\gamma)^2}", "no geometric or arithmetic pattern"),
        (r"1 + 2 + 3 + \ldots = \gamma", "arithmetic"),
        (r"\gamma_1 + \gamma_3 + \cdots + \gamma_n = \gamma", "counting up by one"),
    ],
)
def test_dots_whose_pattern_is_not_read_are_unknown_with_the_reason(tmp_path, latex, reason):
    v, detail = verdict(tmp_path, r"\gamma: probability", latex)
    assert v == "UNKNOWN" and reason in detail, (v, detail)
