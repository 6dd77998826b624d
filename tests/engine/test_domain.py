"""Drawing points: the fast uniform draw gives the same numbers as mpf arithmetic written out."""

import random

import mpmath
import pytest
import sympy as sp

from derive.domain import RANDOM_BITS, Point, uniform


def _written_out(rng, low, high):
    fraction = mpmath.mpf(rng.getrandbits(RANDOM_BITS)) / (mpmath.mpf(2) ** RANDOM_BITS)
    return mpmath.mpf(low) + (mpmath.mpf(high) - mpmath.mpf(low)) * fraction


@pytest.mark.parametrize("dps", [15, 60, 100])
@pytest.mark.parametrize("low, high", [(-3, 3), ("0.05", 1), ("0.05", 3), (sp.Rational(1, 3), 7), (-0.5, 0.25)])
def test_uniform_is_the_written_out_arithmetic(dps, low, high):
    with mpmath.workdps(dps):
        fast, slow = random.Random(dps), random.Random(dps)
        for _ in range(300):
            drawn, expected = uniform(fast, low, high), _written_out(slow, low, high)
            assert drawn._mpf_ == expected._mpf_
            assert mpmath.mpf(low) <= drawn <= mpmath.mpf(high)


def test_uniform_follows_the_working_precision():
    with mpmath.workdps(15):
        coarse = uniform(random.Random(1), -3, 3)
    with mpmath.workdps(60):
        fine = uniform(random.Random(1), -3, 3)
    assert coarse != fine and abs(coarse - fine) < mpmath.mpf("1e-14")


def test_a_limit_draws_the_same_first_points():
    from derive.domain import Domain, dimension, probability_vector, reals, vector
    from derive.notation import n, p, x, z

    domain = Domain({n: dimension(1, 6), z: vector(n), p: probability_vector(n), x: reals()}, points=12)
    every = domain.sample_points("limit", 60)
    assert len(every) == 12
    for limit in (1, 3, 12, 40):
        assert domain.sample_points("limit", 60, limit=limit) == every[:limit]


def test_points_drawn_as_they_are_read_are_the_points_of_the_list():
    from derive.domain import Domain, DrawnPoints, dimension, probability_vector, reals, vector
    from derive.notation import n, p, x, z

    domain = Domain({n: dimension(1, 6), z: vector(n), p: probability_vector(n), x: reals()}, points=12)
    every = domain.sample_points("drawn", 60)
    drawn = DrawnPoints(domain.iter_points("drawn", 60))
    assert len(drawn._drawn) == 1  # only the first point, until more are read
    assert drawn[2] == every[2] and len(drawn._drawn) == 3
    assert drawn[:5] == every[:5] and len(drawn._drawn) == 5
    with mpmath.workdps(15):  # drawing at 60 digits leaves the reader's precision alone
        read = []
        for point in drawn:
            assert mpmath.mp.dps == 15
            read.append(point)
    assert read == every and list(drawn) == every and len(drawn) == 12 and drawn[-1] == every[-1]
    assert drawn[3:] == every[3:] and bool(drawn)
    assert not DrawnPoints(iter(()))


def test_a_domain_draws_alike_where_no_later_point_can_fail_to_be_drawn():
    from derive.domain import Domain, Index, dimension, dimensions, index, reals, vector
    from derive.notation import n, x, z

    assert Domain({x: reals()}).draws_alike
    assert Domain({n: dimension(1, 6), z: vector(n), x: reals(), sp.Symbol("i"): index(n)}).draws_alike
    # a size n - 1 is 0 at n = 1, the second point: the draw of an index fails there only
    late = Domain({n: dimensions(2, 1), sp.Symbol("i"): Index(n - 1)}, points=6)
    assert not late.draws_alike
    with pytest.raises(ValueError):
        late.sample_points("late", 60)


def test_the_first_dimensions_are_those_of_the_first_point_drawn_whole(monkeypatch):
    from derive import domain as dom
    from derive.notation import n, p, x, z

    m = sp.Symbol("m")
    leading = dom.Domain(
        {
            n: dom.dimension(1, 6),
            m: dom.dimensions(2, 3, 5),
            z: dom.vector(n),
            p: dom.probability_vector(m),
            x: dom.reals(),
        }
    )
    later = dom.Domain({x: dom.reals(), n: dom.dimension(1, 6), z: dom.vector(n), m: dom.dimensions(2, 3, 5)})
    drawn = []
    monkeypatch.setattr(dom.Vector, "sample", lambda self, rng, values: drawn.append(self) or [0] * values[self.size])
    for seed in ("dry run", "a", "b", "c", "d"):
        for domain in (leading, later):
            whole = {s: v for s, v in domain.sample_points(seed, 30)[0].items() if s in (n, m)}
            drawn.clear()
            assert domain.first_dimensions(seed, 30) == whole and set(whole) == {n, m}
            # where a dimension follows another sampler, the point is drawn whole: the draws before it move it
            assert bool(drawn) == (domain is later)
    assert dom.Domain({}, points=5).first_dimensions("dry run", 30) == {}


def test_concrete_size_of_a_dimension_and_of_an_expression_in_dimensions():
    from derive.domain import concrete_size
    from derive.errors import DefinitionError
    from derive.notation import n

    m = sp.Symbol("m", integer=True, positive=True)
    assert concrete_size(n, {n: 4}) == 4 and isinstance(concrete_size(n, {n: 4}), int)
    assert concrete_size(n * m + 1, {n: 4, m: 3}) == 13
    assert concrete_size(7, {}) == 7
    with pytest.raises(DefinitionError):
        concrete_size(m, {n: 4})


def test_values_left_undrawn_are_the_values_drawn_when_read():
    from derive import domain as dom
    from derive.notation import n, p, q, x, z

    m, w, i = sp.Symbol("m"), sp.IndexedBase("W"), sp.Symbol("i")
    domain = dom.Domain(
        {
            n: dom.dimension(1, 6),
            m: dom.dimensions(2, 3),
            p: dom.probability_vector(n),
            z: dom.vector(n, dom.reals(-5, 5)),
            w: dom.matrix(n, m),
            q: dom.probability_vector(n - 1),
            i: dom.index(n),
            x: dom.reals(),
        },
        points=12,
    )
    for dps in (30, 60):
        every = domain.sample_points("undrawn", dps)
        lazy = list(domain.iter_points("undrawn", dps, undrawn=frozenset({p, z, w, q})))
        for whole, point in zip(every, lazy, strict=True):
            # the values drawn after the vectors are the same, the vectors are left out until read
            assert {s: whole[s] for s in (n, m, i, x)} == dict(point) and set(point.undrawn) == {p, z, w, q}
            copy = dom.Point(point)
            with mpmath.workdps(15):  # made at the precision they were drawn at, not the reader's
                assert copy[z] == whole[z] and copy.p == whole[p] and copy[w] == whole[w] and copy[q] == whole[q]
            assert copy == whole and z not in point  # a copy makes its own values
            assert point[z] == whole[z] and z in point
    with pytest.raises(KeyError):
        lazy[0][sp.Symbol("y")]


def test_only_vectors_and_matrices_of_uniform_entries_are_left_undrawn():
    from derive import domain as dom
    from derive.notation import n, x, z

    k = sp.Symbol("k")
    domain = dom.Domain({n: dom.dimension(1, 6), x: dom.reals(), k: dom.integers(0, 9), z: dom.vector(n)})
    for whole, point in zip(
        domain.sample_points("kinds", 30), domain.iter_points("kinds", 30, undrawn=frozenset({x, k, n})), strict=True
    ):
        assert point == whole and not point.undrawn


def test_an_evaluation_makes_the_values_left_undrawn_that_its_expression_names():
    from derive import domain as dom
    from derive.notation import n, z
    from derive.numeric import evaluate

    domain = dom.Domain({n: dom.dimension(2, 4), z: dom.vector(n, dom.reals(-5, 5))}, points=6)
    every = domain.sample_points("named", 60)
    lazy = list(domain.iter_points("named", 60, undrawn=frozenset({z})))
    for whole, point in zip(every, lazy, strict=True):
        expr = sp.Max(z[1], z[2]) + n
        # left undrawn by a caller that found nothing naming z, the expression still gets z's drawn values
        assert evaluate(expr, point) == evaluate(expr, whole) and z in point


def test_a_point_shows_a_small_matrix_entry_by_entry_and_a_large_one_by_its_size():
    small, large = sp.Symbol("A"), sp.Symbol("M")
    point = Point({small: mpmath.matrix([[1, 2], [3, 4.5]]), large: mpmath.matrix(4, 4)})
    assert point.describe() == "A=[(1.0, 2.0), (3.0, 4.5)], M=<4×4 matrix>"
