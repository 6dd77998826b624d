r"""An inequality that fails only in a small region of its domain, which the sampled points miss, FAILs: a local
search for the least slack, started from the tightest checked points, finds the region, and the point it reaches is
checked as any counterexample is.

\frac{1}{2}\sum_j (\mu_j^2 + \sigma_j^2 - 1 - \log\sigma_j) \ge 0 (the Gaussian KL with \log\sigma for \log\sigma^2)
fails only near \mu = 0, \sigma = 1/\sqrt{2}, by at most 0.077 for each j. Each pair is a correct bound (PASS) and a
wrong variant that fails in such a region only (FAIL), checked by the same machinery."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.gap_search import descend, slack

GAUSSIANS = r"\mu: vector; \sigma: positive vector"

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "the KL divergence of a Gaussian from the standard one",
        GAUSSIANS,
        r"\frac{1}{2}\sum_j (\mu_j^2 + \sigma_j^2 - 1 - \log\sigma_j^2) \ge 0",
        r"\frac{1}{2}\sum_j (\mu_j^2 + \sigma_j^2 - 1 - \log\sigma_j) \ge 0",
    ),
    ("the tangent line of the logarithm", r"x > 0", r"\log x \le x - 1", r"\log x \le x - 1.01"),
    ("the tangent line of the exponential", r"x \in \mathbb{R}", r"e^x \ge 1 + x", r"e^x \ge 1.001 + x"),
    (
        "the arithmetic and geometric means",
        r"a > 0; b > 0",
        r"\frac{a + b}{2} \ge \sqrt{ab}",
        r"\frac{a + b}{2} \ge \sqrt{ab} + 0.001",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_bound_that_fails_in_a_small_region_fails_and_the_correct_one_passes(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_the_counterexample_lies_in_the_small_region(tmp_path):
    found, detail = verdict(tmp_path, GAUSSIANS, PAIRS[0][3])
    assert found == "FAIL", detail
    left = float(detail.split("left = ")[1].split(",")[0])
    assert left < 0, detail


def test_the_slack_is_the_least_of_the_inequality_links():
    import mpmath

    one, two, three = mpmath.mpf(1), mpmath.mpf(2), mpmath.mpf(3)
    # the second link's slack, 1 of the larger side 3, is the least
    assert abs(slack(["<=", ">="], [one, three, two]) - mpmath.mpf(1) / 3) < 1e-15
    assert slack(["<="], [three, one]) < 0
    assert slack(["="], [one, one]) is None


def test_the_search_walks_downhill_within_the_box():
    import mpmath
    import sympy as sp

    from derive import domain as dom

    x = sp.Symbol("x")
    box = dom.Domain({x: dom.reals()})
    start = dom.Point({x: mpmath.mpf(2)})
    # the slack (x - 0.3)^2 - 10^{-4} is negative only within 0.01 of 0.3
    ends = descend(box, [(start, mpmath.mpf(1))], {x}, lambda point: (point[x] - mpmath.mpf("0.3")) ** 2 - 1e-4)
    assert abs(ends[0][x] - mpmath.mpf("0.3")) < mpmath.mpf("0.01"), ends
    # never beyond the sampled box, wherever the slack falls
    ends = descend(box, [(start, mpmath.mpf(1))], {x}, lambda point: -point[x])
    assert ends[0][x] == 3, ends


def test_the_search_may_evaluate_a_share_of_the_sampled_points_and_no_more():
    from derive.docs.gap_search import EVALUATIONS, SHARE, STARTS, budget

    assert budget(20) == SHARE * 20 // STARTS
    assert budget(10_000) == EVALUATIONS
    assert budget(0) == 0


def test_the_search_stops_when_its_evaluations_run_out():
    import mpmath
    import sympy as sp

    from derive import domain as dom

    x = sp.Symbol("x")
    box = dom.Domain({x: dom.reals()})
    start = dom.Point({x: mpmath.mpf(2)})
    counted = []

    def gap(point):
        counted.append(point)
        return (point[x] - mpmath.mpf("0.3")) ** 2 - mpmath.mpf(10) ** -8

    descend(box, [(start, mpmath.mpf(1))], {x}, gap, 5)
    assert len(counted) == 5


def test_only_sides_computed_by_plan_are_searched():
    """A side written out by SymPy at each point (an integral, a limit, a series) costs the search a hundred times
    what arithmetic does: its inequality is decided on the sampled points alone (Chebyshev's bound under a normal
    law, whose probability is a quadrature at each point, in test_docs_events)."""
    import mpmath
    import sympy as sp

    from derive import domain as dom
    from derive.docs.point_values import by_plan

    x, y, t = sp.symbols("x y t")
    point = dom.Point({x: mpmath.mpf("0.5"), y: mpmath.mpf("1.5")})
    assert by_plan([x**2 + sp.log(y), sp.Integer(0)], point)
    assert not by_plan([x, sp.Integral(sp.exp(-(t**2) * y), (t, 0, 1))], point)
    assert not by_plan([sp.Limit(sp.sin(t * x) / t, t, 0)], point)
    assert not by_plan([sp.Sum(x**t / sp.factorial(t), (t, 0, sp.oo))], point)


def test_a_box_of_one_value_is_not_moved():
    import mpmath
    import sympy as sp

    from derive import domain as dom

    x = sp.Symbol("x")
    box = dom.Domain({x: dom.Interval(1, 1)})
    start = dom.Point({x: mpmath.mpf(1)})
    assert descend(box, [(start, mpmath.mpf(1))], {x}, lambda point: -point[x]) == []
