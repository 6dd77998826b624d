"""The shortcuts of a documentation check's point evaluation give what the long way gives.

An integral's quadrature is remembered per integral and precision, stops at the integrand's
first complex value, and a point where a cheap side has no value is set aside before a costly
side is evaluated. Each shortcut is compared with the long way, on a correct formula (PASS) and
a wrong one (FAIL).
"""

import mpmath
import pytest
import sympy as sp

from derive import domain as dom
from derive.docs.operations import IntegralValue
from derive.docs.point_values import _evaluate_sides
from derive.numeric import NumericError
from tests.docs.checking import verdicts


def _integral(body, low, high):
    u = sp.Dummy("u", real=True)
    return IntegralValue(sp.Lambda(u, body(u)), low, high)


def test_a_remembered_quadrature_is_the_quadrature():
    IntegralValue._known.clear()
    first = _integral(lambda u: sp.exp(-(u**2)), 0, 1)
    again = _integral(lambda u: sp.exp(-(u**2)), 0, 1)  # read again: a dummy of its own, the same integral
    computed = first.evalf(60)
    assert len(IntegralValue._known) == 1
    remembered = again.evalf(60)
    assert len(IntegralValue._known) == 1
    assert sp.srepr(remembered) == sp.srepr(computed) == sp.srepr(again._quadrature(sp.Float(0, 60)._prec))
    assert abs(computed - sp.sqrt(sp.pi) / 2 * sp.erf(1)) < sp.Float(10) ** -55
    other = _integral(lambda u: sp.exp(-(u**2)), 0, 2)  # a different integral is not taken for it
    assert abs(other.evalf(60) - computed) > 0.1


def test_a_remembered_failure_is_the_failure():
    IntegralValue._known.clear()
    divergent = _integral(lambda u: 1 / u**2, 0, 1)
    with pytest.raises(NumericError) as first:
        divergent.evalf(60)
    with pytest.raises(NumericError) as again:
        _integral(lambda u: 1 / u**2, 0, 1).evalf(60)
    assert str(first.value) == str(again.value) == "the integral does not converge numerically"


def test_an_integrand_is_written_once_for_both_precisions_and_integrates_as_before(monkeypatch):
    from derive.docs import operations

    written = []
    original = operations._integrand
    monkeypatch.setattr(operations, "_integrand", lambda *args: written.append(args[2]) or original(*args))
    IntegralValue._known.clear()
    value = _integral(lambda u: sp.exp(-(u**2)), 0, 1).evalf(60)
    assert len(written) == 1  # the quadratures at 20 and 40 guard digits call the same function
    assert abs(value - sp.sqrt(sp.pi) / 2 * sp.erf(1)) < sp.Float(10) ** -55
    wrong = _integral(lambda u: sp.exp(-(u**2)), 0, 2).evalf(60)
    assert abs(wrong - value) > 0.1
    with pytest.raises(NumericError, match="does not converge numerically"):
        _integral(lambda u: 1 / u**2, 0, 1).evalf(60)


def test_a_complex_integrand_stops_the_quadrature_with_the_same_outcome():
    IntegralValue._known.clear()
    with pytest.raises(NumericError, match="the integral is not real"):
        _integral(sp.sqrt, -2, -1).evalf(60)
    # the long way: the whole quadrature of the same integrand is complex
    with mpmath.workdps(80):
        assert isinstance(mpmath.quad(mpmath.sqrt, [-2, -1]), mpmath.mpc)
    # a real integrand is integrated as before
    with mpmath.workdps(80):
        plain = mpmath.quad(mpmath.sqrt, [1, 2])
    assert abs(_integral(sp.sqrt, 1, 2).evalf(60) - sp.Float(plain, 60)) < sp.Float(10) ** -58


def test_a_cheap_side_without_a_value_sets_the_point_aside_as_the_long_way_does():
    x = sp.Symbol("x", real=True)
    costly = _integral(lambda u: 1 / u, 1, x)  # defined only for x > 0
    cheap = sp.log(x)
    shown = {x}
    with mpmath.workdps(60):
        outside = dom.Point({x: mpmath.mpf("-0.5")})
        inside = dom.Point({x: mpmath.mpf("2.5")})
    long_way = _evaluate_sides([costly, cheap], outside, shown)
    short_way = _evaluate_sides([costly, cheap], outside, shown, why_needed=False)
    assert long_way[0] is None and long_way[1].startswith("side 1 has no finite real value")
    assert short_way == (None, "")
    numbers, why = _evaluate_sides([costly, cheap], inside, shown)
    fast_numbers, fast_why = _evaluate_sides([costly, cheap], inside, shown, why_needed=False)
    assert why is fast_why is None and [str(n) for n in numbers] == [str(n) for n in fast_numbers]
    assert abs(numbers[0] - numbers[1]) < mpmath.mpf(10) ** -50


def test_integrals_with_points_set_aside_pass_when_right_and_fail_when_wrong(tmp_path):
    correct, wrong = verdicts(
        tmp_path,
        r"\int_1^{x} \frac{1}{y} \; dy = \ln x",
        r"\int_1^{x} \frac{1}{y} \; dy = 2 \ln x",
    )
    assert correct[0] == "PASS", correct
    assert "set aside" in correct[1]
    assert wrong[0] == "FAIL", wrong


def test_a_summand_with_few_cases_is_folded_and_checked(tmp_path):
    correct, wrong = verdicts(
        tmp_path,
        r"\sum_{i=1}^{3} \left(\begin{pmatrix}1 \\ 2 \\ 3\end{pmatrix}\right)_i = 6",
        r"\sum_{i=1}^{3} \left(\begin{pmatrix}1 \\ 2 \\ 3\end{pmatrix}\right)_i = 7",
    )
    assert correct[0] == "PASS", correct
    assert wrong[0] == "FAIL", wrong


def test_a_summand_picking_entries_at_a_moving_index_is_unknown_with_the_reason(tmp_path):
    from derive.docs.sum_reading import FOLDED_CASES, folded_cases

    i, t = sp.Symbol("i", integer=True), sp.Dummy("t", integer=True)

    def entry(name):  # the entry of a written 4-vector at the index i + t, as the checker reads it
        return sp.Piecewise(*[(sp.Symbol(f"{name}{k}"), sp.Eq(i + t, k)) for k in range(1, 5)], (sp.nan, True))

    assert folded_cases(entry("x"), t) == 5 and folded_cases(entry("x") * entry("y"), t) == 25
    assert folded_cases(entry("x") * sp.Symbol("y"), t) == 5 and folded_cases(entry("x"), sp.Dummy("s")) == 1
    [(verdict, detail)] = verdicts(
        tmp_path,
        r"[\mathbf{Y}]_{i, j} = \sum_{a = -k}^{k} \sum_{b = -k}^{k} [\mathbf{W}]_{a, b} [\mathbf{Z}]_{i-a, j-b}",
    )
    assert verdict == "SKIPPED" and "pick entries at an index that moves with b" in detail, detail
    assert f"(the limit is {FOLDED_CASES})" in detail  # said as the reason, not "gave up after 30 s"


SIZED_AND_UNSIZED = [  # (tag, formula, verdict): readings that never look at the sizes, and readings that do
    (None, "(a+b)^2=a^2+2ab+b^2", "PASS"),
    (None, "(x+y)^2=x^2+y^2", "FAIL"),
    (None, r"\cos(2x)=2\cos^2 x+1", "FAIL"),
    ("a, b > 0", r"\log(ab)=\log a+\log b", "PASS"),
    ("a, b > 0", r"\log(a+b)=\log a+\log b", "FAIL"),
    ("n: positive integer", r"\sum_{k=1}^{n} k=\frac{n(n+1)}{2}", "PASS"),
    ("n: positive integer", r"\sum_{k=1}^{n} (2k-1)=n^2+1", "FAIL"),
    ("x \\in \\mathbb{R}^n", r"\sum_{i=1}^{n} x_i^2 = \|x\|^2", "PASS"),
    ("x \\in \\mathbb{R}^n", r"\sum_{i=1}^{n} x_i = \|x\|^2", "FAIL"),
]


def _records_of(tmp_path):
    from derive.docs import check_paths

    page = tmp_path / "sizes.md"
    page.write_text(
        "".join(
            f"Prose.\n\n{'' if tag is None else f'<!-- derive: {tag} -->'}\n$$\n{latex}\n$$\n\n"
            for tag, latex, _ in SIZED_AND_UNSIZED
        ),
        encoding="utf-8",
    )
    return [(r.verdict, r.detail) for r in check_paths([page])]


def test_sides_read_without_the_sizes_are_read_once_and_decide_as_read_at_each_size(tmp_path, monkeypatch):
    from derive.docs.bind import Interpreter

    reads = []
    original = Interpreter.side
    monkeypatch.setattr(Interpreter, "side", lambda self, side: reads.append(side) or original(self, side))
    once = _records_of(tmp_path)
    read_once = len(reads)
    assert [verdict for verdict, _ in once] == [verdict for _, _, verdict in SIZED_AND_UNSIZED], once
    # the long way: every reading counted as looking at the sizes, so the sides are read again at each size
    monkeypatch.setattr(Interpreter, "read_sizes", property(lambda self: True, lambda self, value: None), raising=False)
    reads.clear()
    assert _records_of(tmp_path) == once
    assert len(reads) > read_once


def test_a_reading_that_looks_at_the_sizes_is_marked():
    from derive.docs.bind import Interpreter
    from derive.notation import n
    from derive.vocabulary import generic_vocabulary

    reader = Interpreter(generic_vocabulary(), {n: 3})
    assert not reader.read_sizes
    assert reader.concretise(sp.Symbol("a")) == sp.Symbol("a") and reader.read_sizes
    unsized = Interpreter(generic_vocabulary(), {})
    assert unsized.dim_value(n) == n and not unsized.read_sizes


SHARED_NOTATION = [
    ("a, b > 0", r"\log(ab) = \log a + \log b"),  # names none of the shared vectors: PASS
    ("a, b > 0", r"\log(a + b) = \log a + \log b"),  # FAIL, at the same point
    ("x > 0", r"\frac{x^2 - 4}{x - 2} = x + 2"),  # writes x, the name of a shared vector, as a number of its own
    ("a > 0", r"\sum_{i=1}^{n} p_i = 2"),  # names p: FAIL, at the same values of p
    ("a > 0", r"H(p, q) = H(p) + D_{KL}(p \| q)"),
    ("a > 0", r"H(p, q) = H(p) - D_{KL}(p \| q)"),
]


def test_shared_vectors_a_formula_never_names_are_left_undrawn_with_the_same_records(tmp_path, monkeypatch):
    from derive.docs import sampled_points
    from tests.docs.checking import verdict

    undrawn = []
    original = sampled_points._unnamed_vectors
    monkeypatch.setattr(sampled_points, "_unnamed_vectors", lambda *a: undrawn.append(original(*a)) or undrawn[-1])
    shortcut = [verdict(tmp_path, tag, latex) for tag, latex in SHARED_NOTATION]
    names = [{str(symbol) for symbol in symbols} for symbols in undrawn]
    assert {"p", "q", "z", "g"} <= names[0] and "x" not in names[2] and "p" not in names[3] and "q" in names[3]
    monkeypatch.setattr(sampled_points, "_unnamed_vectors", lambda *a: frozenset())
    assert shortcut == [verdict(tmp_path, tag, latex) for tag, latex in SHARED_NOTATION]
    assert [found for found, _ in shortcut] == ["PASS", "FAIL", "PASS", "FAIL", "PASS", "FAIL"]
