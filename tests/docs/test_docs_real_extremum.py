"""A maximum or minimum over an interval of real values (\\arg\\max_{D \\in (0, 1)}, \\max_{x \\in \\mathbb{R}}, or \\max_x
beside the tag's 0 \\le x \\le 1) is worked out at each point from the zeros of the body's derivative; a value
approached at an open end and not taken, or an argmax taken at two points, is none."""

import pytest
import sympy as sp
from checking import assert_page_pass_and_fail, verdict

from derive.docs.real_extremum import RealExtremumValue, square_free_slope
from derive.numeric import NumericError

OPTIMAL_CRITIC = r"D^*(x) = \arg\max_{D \in (0, 1)} \left(a(x) \log D + b(x) \log (1 - D)\right); a(x) > 0; b(x) > 0"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"D^*(x) = \frac{a(x)}{a(x) + b(x)}", "PASS"),
        (r"D^*(x) = \frac{b(x)}{a(x) + b(x)}", "FAIL"),
    ],
)
def test_a_tag_argmax_over_an_open_interval_is_the_point_where_the_derivative_vanishes(tmp_path, formula, expected):
    found = verdict(tmp_path, OPTIMAL_CRITIC, formula)
    assert found[0] == expected, found
    if expected == "FAIL":
        assert "left = " in found[1] and "right = " in found[1], found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\max_{x \in [0, 1]} x (1 - x) = \frac{1}{4}", "PASS"),
        (r"\max_{x \in [0, 1]} x (1 - x) = \frac{1}{2}", "FAIL"),
        (r"\arg\min_{x \in [0, \infty)} (x - 1)^2 = 1", "PASS"),
        (r"\arg\min_{x \in [2, \infty)} (x - 1)^2 = 1", "FAIL"),  # the closed end 2 is the minimum's place
        (r"\max_{x \in [-3, 3]} (x - 1)^2 (x + 2)^2 = 100", "PASS"),  # at the closed end 3, above both wells' bump
        (r"\max_{\lambda \in [0, 1]} \lambda (1 - \lambda) = \frac{1}{4}", "PASS"),  # over a Greek letter
        (r"\max_{\lambda \in [0, 1]} \lambda (1 - \lambda) = \frac{1}{2}", "FAIL"),
    ],
)
def test_an_extremum_over_an_interval_of_reals_is_decided(tmp_path, formula, expected):
    found = verdict(tmp_path, None, formula)
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\max_{x \in \mathbb{R}} -(x - a)^2 + b = b", "PASS"),
        (r"\max_{x \in \mathbb{R}} -(x - a)^2 + b = a", "FAIL"),
    ],
)
def test_an_extremum_over_the_real_line_is_decided(tmp_path, formula, expected):
    found = verdict(tmp_path, r"a \in \mathbb{R}; b \in \mathbb{R}", formula)
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "formula",
    [
        r"\max_{x \in (0, 1)} x = 1",  # approached at the open end 1, never taken
        r"\max_{x \in \mathbb{R}} x^2 = 0",  # unbounded
    ],
)
def test_an_extremum_not_taken_on_the_interval_has_no_value(tmp_path, formula):
    found = verdict(tmp_path, None, formula)
    assert found[0] in ("UNKNOWN", "SKIPPED"), found
    assert "approached at an end of the interval" in found[1], found


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (r"0 \le p \le 1", r"\underset{p}{\text{argmax}}\ (p)^{4} (1-p)^6 = 0.4", "PASS"),
        (r"0 \le p \le 1", r"\underset{p}{\text{argmax}}\ (p)^{4} (1-p)^6 = 0.6", "FAIL"),
        (r"0 \le x \le 1", r"\arg\max_x -(x - 2)^2 = 1", "PASS"),  # the closed end: the vertex 2 is outside
        (r"0 \le x \le 1", r"\arg\max_x -(x - 2)^2 = 2", "FAIL"),
        (r"0 \le \theta \le 1", r"\arg\max_\theta \theta^4 (1 - \theta)^6 = 0.4", "PASS"),  # a Greek letter
        (r"0 \le \theta \le 1", r"\arg\max_\theta \theta^4 (1 - \theta)^6 = 0.6", "FAIL"),
        (r"x > 0", r"\max_x x (2 - x) = 1", "PASS"),
        (r"x > 0", r"\max_x x (2 - x) = 2", "FAIL"),
    ],
)
def test_an_extremum_over_a_name_the_tag_gives_a_range_runs_over_that_range(tmp_path, tag, formula, expected):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "tag, formula, why",
    [
        (r"q > 0", r"\arg\max_u u (1 - u) = 0.5", "not computed"),  # the tag ranges another name
        (r"0 \le x < 1", r"\arg\max_x x = 1", "approached at an end of the interval"),  # the open end, never taken
        (r"x \ge 0; x \le b", r"\arg\max_x -(x + 1)^2 = 0", "not computed"),  # an end no number gives
    ],
)
def test_an_extremum_over_a_name_the_tag_gives_no_closed_range_is_not_decided(tmp_path, tag, formula, why):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == "UNKNOWN", found
    assert why in found[1], found


def _extremum(function, u, low, high, operation, ends):
    """The value RealExtremumValue gives, built as the reader builds it."""
    parts = sp.Lambda(u, sp.Tuple(*square_free_slope(function, u)))
    return RealExtremumValue(sp.Lambda(u, function), low, high, operation, ends, parts).evalf()


def test_an_argmax_taken_at_two_points_has_no_value_and_the_minimum_there_has_one():
    u = sp.Dummy("u", real=True)
    wells = (u - 1) ** 2 * (u + 2) ** 2  # zero at 1 and at -2
    with pytest.raises(NumericError, match="more than one point"):
        _extremum(wells, u, -sp.oo, sp.oo, 3, 0)  # argmin
    assert _extremum(wells, u, -sp.oo, sp.oo, 1, 0) == 0  # min


def test_a_body_whose_derivative_is_no_ratio_of_polynomials_is_not_computed():
    u = sp.Dummy("u", real=True)
    with pytest.raises(NumericError, match="ratio of polynomials"):
        _extremum(sp.sin(u), u, 0, 10, 0, 3)


def test_a_zero_the_derivative_repeats_is_found_where_a_number_is_put_in():
    # -4 (u - a)^3 at a = 0.3: rounding would split the triple zero; its square-free part u - a keeps it at 0.3
    u, a = sp.Dummy("u", real=True), sp.Symbol("a", positive=True)
    peak = -((u - a) ** 4)
    parts = sp.Lambda(u, sp.Tuple(*square_free_slope(peak, u)))
    place = RealExtremumValue(sp.Lambda(u, peak), 0, 2, 2, 3, parts).xreplace({a: sp.Float(0.3)}).evalf()
    assert abs(place - sp.Float(0.3)) < 1e-12, place


def test_an_interval_of_an_index_the_body_picks_entries_at_is_not_read_as_reals(tmp_path):
    found = verdict(tmp_path, r"z \in \mathbb{R}^3", r"\max_{i \in [1, 3]} z_i = z_1")
    assert found[0] == "UNKNOWN", found
    assert "uses as an index" in found[1], found


@pytest.mark.parametrize(
    "tag, correct, wrong",
    [
        (
            None,
            r"\arg\max_{0 \le \theta \le 1} \theta^{2}(1-\theta) = \frac{2}{3}",
            r"\arg\max_{0 \le \theta \le 1} \theta^{2}(1-\theta) = \frac{1}{3}",
        ),
        (
            None,
            r"\max_{0 < \lambda < 1} \lambda(1-\lambda) = \frac{1}{4}",
            r"\max_{0 < \lambda < 1} \lambda(1-\lambda) = \frac{1}{2}",
        ),
        (  # a homework's maximum-likelihood estimate of a coin's chance of heads, defined by the argmax in the tag
            r"\hat{\theta}_{\text{MLE}} = \arg\max_{0 \le \theta \le 1} \theta^{n_{h}}\left(1-\theta\right)^{n_{t}}; n_{h}, n_{t}: positive integers",
            r"\hat{\theta}_{\text{MLE}}=\frac{n_{h}}{n_{h}+n_{t}}",
            r"\hat{\theta}_{\text{MLE}}=\frac{n_{h}}{n_{t}}",
        ),
    ],
)
def test_a_greek_letter_between_two_ends_runs_over_the_real_values_between(tmp_path, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_latin_letter_between_two_whole_numbers_stays_an_index(tmp_path):
    assert verdict(tmp_path, None, r"\min_{1 \le i \le 3} (i - 1.5)^2 = 0.25")[0] == "PASS"


def test_a_greek_letter_between_whole_ends_other_than_0_and_1_may_be_an_index_and_is_not_read(tmp_path):
    found = verdict(tmp_path, None, r"\min_{1 \le \nu \le 3} (\nu - 1.5)^2 = 0.25")
    assert found[0] != "FAIL" and "only over an index" in found[1], found
