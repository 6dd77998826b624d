"""A random variable given by the density the tag writes (``X has density f(x) = \\lambda e^{-\\lambda x} for x \\ge
0``): E, Var, H and events under it PASS a correct formula and FAIL its wrong variant by quadrature of the tag's body;
a body that is not a density, or a support the checker cannot read, leaves the formula UNKNOWN with the reason."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.density_law import attach_support

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "exponential density on x >= 0",
        r"X has density f(x) = \lambda e^{-\lambda x} for x \ge 0; \lambda > 0",
        r"\mathbb{E}[X] = \frac{1}{\lambda}",
        r"\mathbb{E}[X] = \frac{2}{\lambda}",
    ),
    (
        "a density on an interval, written 'on [0, 1]'",
        r"X has density f(x) = 2x on [0, 1]",
        r"\mathbb{E}[X] = \frac{2}{3}",
        r"\mathbb{E}[X] = \frac{1}{2}",
    ),
    (
        "an event under a density with its support after a comma",
        r"X has density f(x) = 2x, 0 \le x \le 1",
        r"P(X \le \frac{1}{2}) = \frac{1}{4}",
        r"P(X \le \frac{1}{2}) = \frac{1}{2}",
    ),
    (
        "the density's name is a function of the document, 0 off its support",
        r"the density of X is p(x) = 3x^2 on (0, 1)",
        r"p(\tfrac{1}{2}) + p(2) = \frac{3}{4}",
        r"p(\tfrac{1}{2}) + p(2) = \frac{51}{4}",
    ),
    (
        "the law's parameters after a bar in the density's head, as PyMC's tables write it",
        r"X has density f(x \mid a, b) = abx^{a-1}(1-x^a)^{b-1} for x \in (0, 1); a > 0; b > 0; B: the beta function",
        r"\mathbb{E}[X] = b B(1 + \tfrac{1}{a}, b)",
        r"\mathbb{E}[X] = b B(1 + \tfrac{2}{a}, b)",
    ),
    (
        "one parameter after a bar, the support after the body",
        r"X has density f(x \mid \lambda) = \lambda \exp\left\{ -\lambda x \right\} for x \ge 0; \lambda > 0",
        r"\operatorname{Var}(X) = \dfrac{1}{\lambda^2}",
        r"\operatorname{Var}(X) = \dfrac{1}{\lambda}",
    ),
]

# the logistic and Gumbel laws as numpy and TensorFlow Probability write their densities (on the whole line)
SLOW_PAIRS = [
    (
        "logistic variance",
        r"X has density f(x) = \frac{\exp(-(x - \mu)/s)}{s (1 + \exp(-(x - \mu)/s))^2}; s > 0",
        r"\mathrm{Var}(X) = \frac{\pi^2 s^2}{3}",
        r"\mathrm{Var}(X) = \frac{\pi^2 s^2}{6}",
    ),
    (
        "logistic entropy",
        r"X with density f(x) = \frac{\exp(-(x - \mu)/s)}{s (1 + \exp(-(x - \mu)/s))^2}; s > 0",
        r"H(X) = \ln(s) + 2",
        r"H(X) = \ln(s) + 1",
    ),
    (
        "Gumbel variance",
        r"X has pdf f(x) = \frac{1}{\beta} \exp\left(-\frac{x - \mu}{\beta} - \exp\left(-\frac{x - \mu}{\beta}\right)\right);"
        r" \beta > 0",
        r"\mathrm{Var}(X) = \frac{\pi^2}{6} \beta^2",
        r"\mathrm{Var}(X) = \frac{\pi^2}{6} \beta",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_under_the_tags_density_a_correct_formula_passes_and_its_wrong_variant_fails(
    name, tag, correct, wrong, tmp_path
):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.slow
@pytest.mark.parametrize("name, tag, correct, wrong", SLOW_PAIRS, ids=[p[0] for p in SLOW_PAIRS])
def test_on_the_whole_line_a_correct_formula_passes_and_its_wrong_variant_fails(name, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (r"X has density f(x) = 3x on [0, 1]", r"\mathbb{E}[X] = 1", "integrates to 1.5, not 1"),
        (r"X has density f(x) = 2x for x near 0", r"\mathbb{E}[X] = 1", "cannot read the support 'for x near 0'"),
        (r"X has density f(x, y) = x + y on [0, 1]", r"\mathbb{E}[X] = 1", "one argument"),
        (  # a Pareto law's variance near alpha = 2: its tail too heavy for the quadrature, read through the bar
            r"X has density f(x \mid \alpha, m) = \frac{\alpha m^{\alpha}}{x^{\alpha+1}} for x \ge m; m > 0; \alpha > 2",
            r"\operatorname{Var}(X) = \dfrac{m^2 \alpha}{(\alpha - 1)^2 (\alpha - 2)}",
            "does not converge",
        ),
        (  # a name the body uses defined after it by 'with': the grammar of a formula does not read it
            r"X has density f(x \mid b, \mu) = b e^{-(x-\mu) b s} with s = \operatorname{sgn}(x-\mu); b > 0; \mu: real",
            r"\mathbb{E}[X] = \mu",
            "cannot read the density's formula",
        ),
    ],
)
def test_a_density_it_cannot_use_leaves_the_formula_unknown_with_the_reason(tag, formula, expected, tmp_path):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == "UNKNOWN" and expected in found[1], found


def test_a_support_split_from_its_density_at_a_comma_is_joined_again():
    joined = attach_support([r"X has density f(x) = 2x", r"0 \le x \le 1", r"\lambda > 0"])
    assert joined == [r"X has density f(x) = 2x for 0 \le x \le 1", r"\lambda > 0"]
    assert attach_support([r"f(x) = 2x", r"0 \le x \le 1"]) == [r"f(x) = 2x", r"0 \le x \le 1"]


def test_a_derivative_of_an_expectation_moves_under_it_only_when_the_law_stays(tmp_path):
    """d/da E[(X - a)^2] = E[-2(X - a)] = 2a for a standard normal X; by a name the density writes (its mean phi),
    the law itself moves, which is not read: UNKNOWN with that reason, never an internal error."""
    standard = r"X has density p(x) = \frac{1}{\sqrt{2\pi}} e^{-x^2/2}; a: real"
    assert verdict(tmp_path, standard, r"\frac{\partial}{\partial a} \mathbb{E}[(X - a)^2] = 2a")[0] == "PASS"
    assert verdict(tmp_path, standard, r"\frac{\partial}{\partial a} \mathbb{E}[(X - a)^2] = a")[0] == "FAIL"
    moving = r"X has density p(x) = \frac{1}{\sqrt{2\pi}} e^{-(x-\phi)^2/2}; \phi: real"
    result, detail = verdict(tmp_path, moving, r"\frac{\partial}{\partial \phi} \mathbb{E}[X^2] = 2\phi")
    assert result == "UNKNOWN" and "by phi, a parameter of its law, is not read" in detail, (result, detail)
