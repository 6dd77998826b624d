"""Where a result holds, and seeded random points drawn from there.

A :class:`Domain` maps each symbol of a result to a sampler: a dimension, an index,
a real interval, a vector or matrix of such reals, or a probability vector. Points
are drawn with a generator seeded from the result's name, so every run checks the
same points, and dimensions cycle through their declared values so a statement made
for symbolic n is instantiated at every listed n.
"""

from __future__ import annotations

import functools
import random
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import mpmath
import sympy as sp
from mpmath import libmp

from derive.errors import DefinitionError

__all__ = [
    "Dimension",
    "Domain",
    "DrawnPoints",
    "Index",
    "Integers",
    "Interval",
    "Matrix",
    "Point",
    "ProbabilityVector",
    "Sampler",
    "Vector",
    "concrete_size",
    "dimension",
    "dimensions",
    "index",
    "integers",
    "matrix",
    "negative",
    "positive",
    "probability_vector",
    "reals",
    "uniform",
    "vector",
]

RANDOM_BITS = 256  # more than enough random digits for 60-digit arithmetic


def uniform(rng: random.Random, low, high) -> mpmath.mpf:
    """A real drawn uniformly from [low, high] by ``rng``, with RANDOM_BITS random bits.

    The value is low + (high - low)·bits/2^RANDOM_BITS, each operation rounded at the
    working precision; computed on mpmath's raw numbers, since drawing is a large part
    of a documentation check (the same value as with mpf operators: tests/engine/test_domain.py).
    """
    prec, rounding = mpmath.mp._prec_rounding
    start, width = _interval(low, high, prec)
    fraction = libmp.mpf_shift(libmp.from_int(rng.getrandbits(RANDOM_BITS), prec, rounding), -RANDOM_BITS)
    return mpmath.mp.make_mpf(libmp.mpf_add(start, libmp.mpf_mul(width, fraction, prec, rounding), prec, rounding))


@functools.lru_cache(maxsize=256)
def _interval(low, high, prec: int) -> tuple:
    """The raw mpmath numbers low and high - low at ``prec`` bits (the precision is the caller's)."""
    with mpmath.workprec(prec):
        start = mpmath.mpf(low)
        return start._mpf_, (mpmath.mpf(high) - start)._mpf_


class Sampler:
    """Draws one value of a symbol given the dimensions drawn so far."""

    def sample(self, rng: random.Random, values: Mapping[sp.Basic, Any]):  # pragma: no cover
        raise NotImplementedError

    def latex(self, name: str) -> str:  # pragma: no cover
        raise NotImplementedError


def concrete_size(size, values) -> int:
    """The integer a declared size (an int, or an expression in dimensions already drawn into ``values``) takes."""
    if isinstance(size, int):
        return size
    if isinstance(size, sp.Symbol) and isinstance(values.get(size), int):  # the common case, without SymPy
        return values[size]
    expr = sp.sympify(size).xreplace({s: sp.Integer(v) for s, v in values.items() if isinstance(v, int)})
    if not expr.is_Integer:
        raise DefinitionError(f"size {size} depends on a dimension that is not declared before it")
    return int(expr)


@dataclass(frozen=True)
class Dimension(Sampler):
    values: tuple[int, ...]
    symbol_text: str = ""
    open_above: bool = False  # any size is meant: the values are the sampler's choice

    def sample(self, rng, values):  # dimensions are chosen by the domain, not sampled
        raise AssertionError("dimensions are cycled by Domain.points")

    def latex(self, name):
        return rf"{name} \ge {min(self.values)}"


@dataclass(frozen=True)
class Index(Sampler):
    size: Any

    def sample(self, rng, values):
        return rng.randint(1, concrete_size(self.size, values))

    def latex(self, name):
        return rf"1 \le {name} \le {sp.latex(self.size)}"


@dataclass(frozen=True)
class Interval(Sampler):
    low: Any
    high: Any
    positive: bool = False
    # the bound is the sampler's choice, not a range the symbol has: values beyond it are the symbol's too
    open_below: bool = False
    open_above: bool = False

    def sample(self, rng, values):
        return uniform(rng, self.low, self.high)

    def latex(self, name):
        return rf"{name} > 0" if self.positive else rf"{name} \in \mathbb{{R}}"


@dataclass(frozen=True)
class Integers(Sampler):
    """An integer drawn from low, …, high; an open end means the integers go on beyond it."""

    low: int
    high: int
    open_below: bool = False
    open_above: bool = False

    def sample(self, rng, values):
        return rng.randint(self.low, self.high)

    def latex(self, name):
        return rf"{name} \in \mathbb{{Z}}" if self.open_below else rf"{name} \in \mathbb{{Z}}, {name} \ge {self.low}"


def _end(sampler: Integers, t: int, drawn: int) -> int:
    """The least value at the first point and the greatest at the second, where that end is a bound of the range."""
    if t == 0 and not sampler.open_below:
        return sampler.low
    if t == 1 and not sampler.open_above:
        return sampler.high
    return drawn


@dataclass(frozen=True)
class Vector(Sampler):
    size: Any
    entries: Interval

    def sample(self, rng, values):
        return [self.entries.sample(rng, values) for _ in range(concrete_size(self.size, values))]

    def latex(self, name):
        space = r"(0,\infty)" if self.entries.positive else r"\mathbb{R}"
        return rf"{name} \in {space}^{{{sp.latex(self.size)}}}"


@dataclass(frozen=True)
class ProbabilityVector(Sampler):
    """A point in the open simplex: positive entries that sum to 1."""

    size: Any

    def sample(self, rng, values):
        weights = [uniform(rng, "0.05", 1) for _ in range(concrete_size(self.size, values))]
        total = mpmath.fsum(weights)
        return [w / total for w in weights]

    def latex(self, name):
        return rf"{name} \in \Delta^{{{sp.latex(self.size)}}}"


@dataclass(frozen=True)
class Matrix(Sampler):
    rows: Any
    cols: Any
    entries: Interval

    def sample(self, rng, values):
        r, c = concrete_size(self.rows, values), concrete_size(self.cols, values)
        return mpmath.matrix([[self.entries.sample(rng, values) for _ in range(c)] for _ in range(r)])

    def latex(self, name):
        return rf"{name} \in \mathbb{{R}}^{{{sp.latex(self.rows)} \times {sp.latex(self.cols)}}}"


def dimension(low: int, high: int, unbounded=False) -> Dimension:
    """A dimension checked at every value low, …, high; ``unbounded``: any size from low on is meant."""
    return Dimension(tuple(range(low, high + 1)), open_above=unbounded)


def dimensions(*values: int) -> Dimension:
    """A dimension checked at the listed values."""
    return Dimension(tuple(values))


def index(size) -> Index:
    """An index 1 ≤ i ≤ size."""
    return Index(size)


def reals(low=-3, high=3, unbounded=False) -> Interval:
    """A real number, sampled from [low, high]; ``unbounded``: any real, drawn there."""
    return Interval(low, high, open_below=unbounded, open_above=unbounded)


def positive(low="0.05", high=3, unbounded=False) -> Interval:
    """A positive real, sampled from [low, high]; ``unbounded``: any positive real, drawn there."""
    return Interval(low, high, positive=True, open_above=unbounded)


def negative(low=-3, high="-0.05", unbounded=False) -> Interval:
    """A negative real, sampled from [low, high]; ``unbounded``: any negative real, drawn there."""
    return Interval(low, high, open_below=unbounded)


def integers(low: int, high: int, open_below=False, open_above=False) -> Integers:
    """An integer drawn from low, …, high (open ends: beyond them too)."""
    return Integers(low, high, open_below, open_above)


def vector(size, entries: Interval | None = None) -> Vector:
    """A vector in ℝ^size (or (0,∞)^size for positive entries)."""
    return Vector(size, entries or reals())


def probability_vector(size) -> ProbabilityVector:
    """A probability vector with ``size`` positive entries summing to 1."""
    return ProbabilityVector(size)


def matrix(rows, cols, entries: Interval | None = None) -> Matrix:
    """A real rows×cols matrix."""
    return Matrix(rows, cols, entries or reals())


class Point(dict):
    """One sampled point: symbol → value; also readable by name (``point.z``, ``point.n``).

    Indices keep their mathematical value (1 ≤ i ≤ n); vectors are 0-based lists, so
    component z_i is ``point.z[point.i - 1]``. A value the point was drawn without (see
    :meth:`Domain.iter_points`) is made from its random bits when it is first read by ``point[symbol]``.
    """

    undrawn: Mapping = {}  # symbol -> (sampler, its random bits, digits, sizes drawn before it); a copy keeps them

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if args and isinstance(args[0], Point) and args[0].undrawn:
            self.undrawn = dict(args[0].undrawn)

    def __missing__(self, symbol):
        if symbol not in self.undrawn:
            raise KeyError(symbol)
        sampler, bits, dps, sizes = self.undrawn[symbol]
        with mpmath.workdps(dps):
            value = self[symbol] = sampler.sample(_Replayed(bits), sizes)
        return value

    def __getattr__(self, name):
        for symbol in (*self, *self.undrawn):
            if _name(symbol) == name:
                return self[symbol]
        raise AttributeError(f"this point has no symbol named {name!r}; it has {sorted(map(_name, self))}")

    def describe(self) -> str:
        parts = []
        for symbol, value in self.items():
            if isinstance(value, list):
                text = "(" + ", ".join(mpmath.nstr(v, 6) for v in value) + ")"
            elif isinstance(value, mpmath.matrix) and value.rows * value.cols <= 9:  # small enough to show
                text = "[" + ", ".join(_row(value, r) for r in range(value.rows)) + "]"
            elif isinstance(value, mpmath.matrix):
                text = f"<{value.rows}×{value.cols} matrix>"
            elif isinstance(value, int):
                text = str(value)
            else:
                text = mpmath.nstr(value, 6)
            parts.append(f"{_name(symbol)}={text}")
        return ", ".join(parts)


def _row(matrix, r: int) -> str:
    return "(" + ", ".join(mpmath.nstr(matrix[r, c], 6) for c in range(matrix.cols)) + ")"


class _Replayed:
    """Random bits taken from a generator at once, handed out again as the generator gave them (``getrandbits``)."""

    def __init__(self, bits: int):
        self._bits = bits

    def getrandbits(self, count: int) -> int:
        value = self._bits & ((1 << count) - 1)
        self._bits >>= count
        return value


def _fixed_draws(sampler: Sampler, values) -> int | None:
    """How many numbers of RANDOM_BITS random bits the sampler draws at a point, and nothing else; None where
    its draws are of another kind."""
    if isinstance(sampler, ProbabilityVector):
        return max(concrete_size(sampler.size, values), 0)
    if isinstance(sampler, Vector) and type(sampler.entries) is Interval:
        return max(concrete_size(sampler.size, values), 0)
    if isinstance(sampler, Matrix) and type(sampler.entries) is Interval:
        return max(concrete_size(sampler.rows, values), 0) * max(concrete_size(sampler.cols, values), 0)
    return None


@functools.lru_cache(maxsize=4096)
def _name(symbol) -> str:
    return str(symbol.label) if isinstance(symbol, sp.IndexedBase) else str(symbol)


class DrawnPoints(Sequence):
    """Points drawn from an iterator only as far as they are read: the same points, in the same order, as
    the list of them all (a check that decides at its first points leaves the spare ones undrawn)."""

    def __init__(self, points: Iterator[Point]):
        self._source = points
        self._drawn: list[Point] = []
        self._draw(1)  # the first point at once: a domain that cannot be drawn fails where a list would

    def _draw(self, count: int | None) -> None:
        while count is None or len(self._drawn) < count:
            point = next(self._source, None)
            if point is None:
                self._source = iter(())
                return
            self._drawn.append(point)

    def __iter__(self) -> Iterator[Point]:
        position = 0
        while True:
            self._draw(position + 1)
            if position >= len(self._drawn):
                return
            yield self._drawn[position]
            position += 1

    def __getitem__(self, index):
        if isinstance(index, slice):
            whole = index.stop is None or index.stop < 0 or (index.start or 0) < 0 or (index.step or 1) < 0
            self._draw(None if whole else index.stop)
        else:
            self._draw(None if index < 0 else index + 1)
        return self._drawn[index]

    def __len__(self) -> int:
        self._draw(None)
        return len(self._drawn)

    def __bool__(self) -> bool:
        return bool(self._drawn)


@dataclass(frozen=True)
class Domain:
    """Symbols of a result and the samplers their values are drawn from.

    ``fixed`` holds symbols that keep one value (e.g. ε = 0 for a remark); ``points``
    is how many points to draw (at least five, and at least one per dimension value).
    """

    samplers: Mapping[sp.Basic, Sampler]
    points: int = 12
    fixed: Mapping[sp.Basic, Any] = field(default_factory=dict)
    # the first two points take a bounded integer's least and greatest values, where claims about ranges break
    ends_first: bool = False

    def __post_init__(self):
        if self.points < 5:
            raise DefinitionError(f"a domain needs at least 5 points, got points={self.points}")

    @property
    def dimensions(self) -> dict:
        return {s: v for s, v in self.samplers.items() if isinstance(v, Dimension)}

    def with_(self, **changes) -> Domain:
        """A copy with the named fields changed (``fixed=``, ``points=``, ``samplers=``)."""
        data = {"samplers": self.samplers, "points": self.points, "fixed": self.fixed, "ends_first": self.ends_first}
        data.update(changes)
        return Domain(**data)

    def sample_points(self, seed_text: str, dps: int, limit: int | None = None) -> list[Point]:
        """The domain's seeded points (same ``seed_text`` → same points); only the first ``limit`` when given.

        Points are drawn one after another from one generator, so the first ``limit``
        points are the same whatever the limit.
        """
        return list(self.iter_points(seed_text, dps, limit))

    def first_dimensions(self, seed_text: str, dps: int) -> dict:
        """The dimensions' values at the first point of :meth:`sample_points`; the other samplers are not drawn where
        they come after every dimension and cannot fail to draw (a draw never changes the draws before it)."""
        samplers = list(self.samplers.items())
        leading = next((k for k, (_, s) in enumerate(samplers) if not isinstance(s, Dimension)), len(samplers))
        domain = self
        if self.draws_alike and not any(isinstance(s, Dimension) for _, s in samplers[leading:]):
            domain = self.with_(samplers=dict(samplers[:leading]))
        first = domain.sample_points(seed_text, dps, limit=1)
        return {s: v for s, v in first[0].items() if isinstance(self.samplers.get(s), Dimension)} if first else {}

    def iter_points(
        self, seed_text: str, dps: int, limit: int | None = None, undrawn: frozenset = frozenset()
    ) -> Iterator[Point]:
        """The points of :meth:`sample_points`, each drawn when it is asked for.

        A vector, probability vector or matrix of ``undrawn`` takes its random bits from the generator as its draw
        would, so every other value is the same, but is made a value only when ``point[symbol]`` reads it: a caller
        that never reads them spends nothing on them.
        """
        rng = random.Random(zlib.crc32(seed_text.encode("utf-8")))
        dims = self.dimensions
        count = max(self.points, *(len(v.values) for v in dims.values())) if dims else self.points
        if limit is not None:
            count = min(count, limit)
        for t in range(count):
            with mpmath.workdps(dps):  # not across the yield: the caller keeps its own precision
                point = Point()
                for symbol, sampler in self.samplers.items():
                    if symbol in self.fixed:
                        point[symbol] = self.fixed[symbol]
                    elif isinstance(sampler, Dimension):
                        # the first dimension cycles; others are drawn, so every value is hit
                        first = next(iter(dims))
                        point[symbol] = (
                            sampler.values[t % len(sampler.values)] if symbol is first else rng.choice(sampler.values)
                        )
                    elif symbol in undrawn and (draws := _fixed_draws(sampler, point)) is not None:
                        sizes = {s: v for s, v in point.items() if isinstance(v, int)}
                        if not point.undrawn:
                            point.undrawn = {}
                        point.undrawn[symbol] = (sampler, rng.getrandbits(RANDOM_BITS * draws), dps, sizes)
                    else:
                        point[symbol] = sampler.sample(
                            rng, point
                        )  # drawn even when replaced: later draws stay the same
                        if self.ends_first and isinstance(sampler, Integers) and t < 2:
                            point[symbol] = _end(sampler, t, point[symbol])
                for symbol, value in self.fixed.items():
                    point.setdefault(symbol, value)
            yield point

    @property
    def draws_alike(self) -> bool:
        """Whether a domain whose first point could be drawn draws every later one too: numbers from fixed
        ranges, and indices, vectors and matrices whose sizes are whole numbers or dimensions of at least 1
        (a size such as n - 1 may reach 0 at a later point, where the draw fails)."""
        dims = self.dimensions

        def size_alike(size) -> bool:
            if isinstance(size, int):
                return size >= 1
            return isinstance(size, sp.Symbol) and size in dims and min(dims[size].values) >= 1

        for sampler in self.samplers.values():
            if isinstance(sampler, Matrix):
                if not (size_alike(sampler.rows) and size_alike(sampler.cols)):
                    return False
            elif isinstance(sampler, (Index, Vector, ProbabilityVector)):
                if not size_alike(sampler.size):
                    return False
            elif not isinstance(sampler, (Interval, Integers, Dimension)):
                return False
        return True

    def latex_hypotheses(self) -> list[str]:
        """One LaTeX phrase per symbol, e.g. ``n \\ge 1``, ``z \\in \\mathbb{R}^{n}``."""
        phrases = []
        for symbol, sampler in self.samplers.items():
            if symbol in self.fixed:
                continue
            phrases.append(sampler.latex(sp.latex(symbol.label if isinstance(symbol, sp.IndexedBase) else symbol)))
        return phrases
