"""A limit that diverges (or does not exist) where the side it is equated with is a number is a FAIL whose
counterexample says so; a limit that is a number, or one equated with ∞, is decided as before."""

from checking import verdict


def test_a_difference_quotient_over_h_squared_diverges(tmp_path):
    tag = "f(x) = 3x^2 - 4x; x: real"
    correct = verdict(tmp_path, tag, r"f'(x) = \lim_{h \to 0} \frac{f(x+h) - f(x)}{h}")
    assert correct[0] == "PASS", correct
    wrong = verdict(tmp_path, tag, r"f'(x) = \lim_{h \to 0} \frac{f(x+h) - f(x)}{h^2}")
    assert wrong[0] == "FAIL", wrong
    assert "a limit that is none" in wrong[1] and "side 2's limit is" in wrong[1] and "∞" in wrong[1], wrong


def test_a_two_sided_limit_whose_one_sided_limits_differ(tmp_path):
    failed = verdict(tmp_path, None, r"\lim_{t \to 0} \frac{|t|}{t} = 1")
    assert failed[0] == "FAIL" and "does not exist" in failed[1], failed
    passed = verdict(tmp_path, None, r"\lim_{t \to 0^+} \frac{|t|}{t} = 1")
    assert passed[0] == "PASS", passed


def test_an_infinite_limit_equated_with_infinity_is_no_counterexample(tmp_path):
    decided = verdict(tmp_path, None, r"\lim_{x \to 0^+} \frac{1}{x} = \infty")
    assert decided[0] != "FAIL", decided


def test_a_limit_that_diverges_for_some_values_of_a_parameter(tmp_path):
    # e^{a/t} as t -> 0+ is 0 for a < 0 and diverges for a > 0
    passed = verdict(tmp_path, "a < 0", r"\lim_{t \to 0^+} e^{a/t} = 0")
    assert passed[0] == "PASS", passed
    failed = verdict(tmp_path, "a: real", r"\lim_{t \to 0^+} e^{a/t} = 0")
    assert failed[0] == "FAIL" and "+∞" in failed[1], failed


def test_an_integral_whose_integrand_does_not_vanish_at_an_infinite_end_diverges(tmp_path):
    # the Gumbel density integrates to 1; with the sign flipped the integrand grows without bound as x -> -inf
    passed = verdict(tmp_path, "", r"\int_{-\infty}^{\infty} \exp(-(x + e^{-x})) \, dx = 1")
    assert passed[0] == "PASS", passed
    failed = verdict(tmp_path, "", r"\int_{-\infty}^{\infty} \exp(-(x - e^{-x})) \, dx = 1")
    assert failed[0] == "FAIL" and "an integral that diverges" in failed[1], failed
    assert "side 1's integrand tends to +∞ as x tends to -∞" in failed[1], failed


def test_an_integral_whose_integrand_vanishes_at_infinity_is_not_called_divergent(tmp_path):
    # x^{-a} tends to 0 for every a > 0, yet the integral diverges for a <= 1: the tail's limit does not say so
    found = verdict(tmp_path, "a > 0", r"\int_{1}^{\infty} x^{-a} \, dx = \frac{1}{a-1}")
    assert found[0] == "UNKNOWN" and "integral that diverges" not in found[1], found


def test_an_integral_over_the_whole_line_converges_only_where_each_half_does(tmp_path):
    # x/(1 + x^2) and sin x are odd, yet neither half has a value: their integral over the line is no number
    for integrand in (r"\frac{x}{1+x^2}", r"\sin(x)"):
        found = verdict(tmp_path, "", rf"\int_{{-\infty}}^{{\infty}} {integrand} \, dx = 0")
        assert found[0] == "UNKNOWN" and "does not converge" in found[1], (integrand, found)
    assert verdict(tmp_path, "", r"\int_{-\infty}^{\infty} x^3 e^{-x^2} \, dx = 0")[0] == "PASS"
    assert verdict(tmp_path, "", r"\int_{-\infty}^{\infty} x^3 e^{-x^2} \, dx = 1")[0] == "FAIL"


def test_a_series_sympy_cannot_sum_at_some_values_is_read_where_it_converges(tmp_path):
    # -log p as its power series in 1 - p: SymPy's summation gives up at values where it diverges; those points
    # are set aside as having no value, never an internal error
    passed = verdict(tmp_path, None, r"\sum_{j=1}^{\infty} \frac{1}{j} (1 - p)^j = - \log(p)")
    assert passed[0] == "PASS" and "set aside" in passed[1], passed
    failed = verdict(tmp_path, None, r"\sum_{j=1}^{\infty} \frac{1}{j} (1 - p)^j = \log(p)")
    assert failed[0] == "FAIL", failed
