"""The engine's parts: symbolic normal form, numeric comparison, domains, chains, prose, printing."""

import time

import mpmath
import pytest
import sympy as sp

from derive import Claim, DeriveError, Domain, Result, Step, dimension, index, probability_vector, reals, vector, verify
from derive.domain import Point
from derive.errors import DefinitionError
from derive.notation import Sum, delta, i, j, k, n, p, softmax, z
from derive.numeric import evaluate, holds
from derive.printing import latex, unicode
from derive.prose import to_unicode
from derive.result import chain_proves, chain_relation
from derive.symbolic import Assumptions, OutOfTime, normalize_sums, prove_nonnegative, prove_zero, time_budget

RANGES = Assumptions({i: (1, n), j: (1, n)})


class TestSymbolic:
    def test_delta_collapses_only_inside_declared_range(self):
        total = sp.Sum(delta(j, k) * z[k], (k, 1, n))
        assert normalize_sums(total, RANGES) == z[j]
        assert normalize_sums(total, Assumptions()) == total  # j might lie outside 1..n

    def test_a_remembered_normal_form_is_the_one_for_its_ranges(self):
        total = sp.Sum(delta(i, k) * z[k] * 2, (k, 1, n))
        assert normalize_sums(total, Assumptions()) == 2 * sp.Sum(delta(i, k) * z[k], (k, 1, n))
        assert normalize_sums(total, RANGES) == 2 * z[i]  # the same Σ with a range for i: not the form above
        assert normalize_sums(total, Assumptions()) != 2 * z[i]

    def test_telescoping_shifts_are_found_and_checked(self):
        telescoped = Sum(z[k], k, n) - Sum(z[k + 1], k, n)
        assert prove_zero(telescoped - (z[1] - z[n + 1]), RANGES).proved
        assert prove_zero(Sum(z[k + 2], k, n) - Sum(z[k], k, n) - (z[n + 1] + z[n + 2] - z[1] - z[2]), RANGES).proved
        assert not prove_zero(telescoped - (z[1] - z[n]), RANGES).proved

    def test_sum_of_constant_is_a_multiple_of_its_length(self):
        assert normalize_sums(sp.Sum(3 * z[i], (k, 1, n)), RANGES) == 3 * n * z[i]

    def test_dummy_names_do_not_matter(self):
        l = sp.Symbol("l", integer=True, positive=True)
        assert prove_zero(sp.Sum(sp.exp(z[k]), (k, 1, n)) - sp.Sum(sp.exp(z[l]), (l, 1, n))).proved

    def test_rules_are_used_and_needed(self):
        without = prove_zero(Sum(p[k], k, n) - 1, Assumptions())
        with_rule = prove_zero(Sum(p[k], k, n) - 1, Assumptions(rules=(sp.Eq(Sum(p[k], k, n), 1),)))
        assert not without.proved and with_rule.proved

    def test_false_identity_is_not_proved(self):
        assert not prove_zero(sp.Derivative(softmax(i), z[j]) - softmax(i) * (delta(i, j) + softmax(j)), RANGES).proved

    def test_time_budget_gives_not_proved_instead_of_hanging(self):
        t = sp.Symbol("t_budget", real=True)  # a name no other test uses: nothing of it is cached
        hard = sp.Derivative(softmax(i), z[j]) - softmax(i) * (delta(i, j) - softmax(j))
        verdict = prove_zero(hard + (t + 1) ** 400 - sp.expand((t + 1) ** 400), RANGES, budget=1e-4)
        assert not verdict.proved and "timed out after" in verdict.method

    def test_a_time_budget_counts_cpu_time_not_the_wall_clock(self):
        with pytest.raises(OutOfTime):
            with time_budget(0.05):
                while True:
                    pass
        with time_budget(0.05):
            time.sleep(0.2)  # waiting costs no CPU: a loaded machine does not spend a budget

    def test_an_expiry_lost_on_the_way_comes_again(self):
        """Python drops an exception raised inside a gc callback: the budget must still end the body."""
        swallowed, start = 0, time.process_time()
        with pytest.raises(OutOfTime):
            with time_budget(0.02):
                while time.process_time() - start < 2:
                    try:
                        while time.process_time() - start < 2:
                            pass
                    except OutOfTime:
                        if swallowed:
                            raise
                        swallowed += 1  # as if a callback had swallowed it
        assert swallowed == 1

    def test_sign_of_a_square_is_decided(self):
        x = sp.Symbol("x", real=True)
        assert prove_nonnegative((x - 1) ** 2).proved
        assert not prove_nonnegative(x - 1).proved


class TestNumeric:
    def test_evaluates_sums_and_derivatives_at_a_point(self):
        mpmath.mp.dps = 60
        point = Point({n: 3, i: 1, j: 2, z: [mpmath.mpf(1), mpmath.mpf(2), mpmath.mpf(3)]})
        value = evaluate(sp.Derivative(softmax(i), z[j]), point)
        e = [mpmath.exp(t) for t in (1, 2, 3)]
        assert mpmath.almosteq(value, -e[0] * e[1] / sum(e) ** 2, 1e-55)

    def test_bound_index_is_not_substituted(self):
        point = Point({n: 2, j: 1, z: [mpmath.mpf(0), mpmath.mpf(0)]})
        assert evaluate(Sum(softmax(j), j, n), point) == 1

    def test_tolerance_follows_required_digits(self):
        mpmath.mp.dps = 60
        one = mpmath.mpf(1)
        assert holds("=", one, one + mpmath.mpf(10) ** -55)[0]
        assert not holds("=", one, one + mpmath.mpf(10) ** -45)[0]
        assert holds("<=", one, one)[0] and not holds("<", one, one)[0]
        assert not holds(">=", one, 2)[0]


class TestDomain:
    DOMAIN = Domain({n: dimension(1, 6), z: vector(n, reals()), p: probability_vector(n), i: index(n)})

    def test_points_are_seeded_and_cover_every_dimension(self):
        first = self.DOMAIN.sample_points("x", 60)
        again = self.DOMAIN.sample_points("x", 60)
        assert [pt.describe() for pt in first] == [pt.describe() for pt in again]
        assert {pt.n for pt in first} == set(range(1, 7))
        assert self.DOMAIN.sample_points("y", 60)[0].describe() != first[0].describe()

    def test_points_respect_the_domain(self):
        for point in self.DOMAIN.sample_points("x", 60):
            assert len(point.z) == point.n and 1 <= point.i <= point.n
            assert mpmath.almosteq(mpmath.fsum(point.p), 1, 1e-55) and min(point.p) > 0

    def test_too_few_points_is_an_error(self):
        with pytest.raises(DefinitionError, match="at least 5 points"):
            Domain({n: dimension(1, 2)}, points=3)

    def test_unknown_name_on_a_point(self):
        with pytest.raises(AttributeError, match="no symbol named 'w'"):
            _ = Point({n: 2}).w


class TestChains:
    def test_relation_of_a_chain(self):
        assert chain_relation(["=", "="]) == "="
        assert chain_relation(["=", "<=", "<"]) == "<"
        assert chain_relation(["<=", ">="]) == "mixed"
        assert chain_proves("=", "<=") and chain_proves("<", "<=") and not chain_proves("<=", "<")

    def _result(self, steps, statement, oracle=lambda pt: 2 * pt.x):
        x = sp.Symbol("x", real=True)
        return Result(
            title="t",
            area="Attention",
            domain=Domain({x: reals()}),
            claims=[Claim(statement=statement(x), steps=steps(x), oracle=oracle)],
        ).named("t", "t.")

    def test_proof_must_end_at_the_statement(self):
        result = self._result(
            lambda x: [Step(x + x), Step(2 * x, because="collect")],
            lambda x: sp.Eq(x + x, 3 * x, evaluate=False),
            oracle=lambda pt: 3 * pt.x,
        )
        report = verify(result)
        assert not report.verified and "does not end" in report.claims[0].chain_problem

    def test_inequality_chain_cannot_prove_an_equality(self):
        result = self._result(
            lambda x: [Step(x**2 + 1), Step(x**2 + 2, because="grow", relation="<=")],
            lambda x: sp.Eq(x**2 + 1, x**2 + 2, evaluate=False),
            oracle=lambda pt: pt.x**2 + 1,
        )
        report = verify(result)
        assert "prove '<='" in report.claims[0].chain_problem

    def test_step_without_reason_is_rejected(self):
        with pytest.raises(DefinitionError, match="no justification"):
            Claim(statement=sp.Eq(sp.Symbol("a"), sp.Symbol("b")), steps=[Step(sp.Symbol("a")), Step(sp.Symbol("b"))])

    def test_missing_oracle_fails_verification(self):
        result = self._result(
            lambda x: [Step(x + x), Step(2 * x, because="collect")],
            lambda x: sp.Eq(x + x, 2 * x, evaluate=False),
            oracle=None,
        )
        report = verify(result)
        assert not report.verified and report.claims[0].oracle.counterexample == "no oracle declared"

    def test_numeric_only_step_is_reported_as_such(self):
        x = sp.Symbol("x", positive=True)
        # log x ≤ x − 1: true, but SymPy cannot decide the sign of x − 1 − log x
        result = Result(
            title="t",
            area="Attention",
            domain=Domain({x: reals("0.1", 5)}),
            claims=[
                Claim(
                    statement=sp.Le(sp.log(x), x - 1),
                    steps=[Step(sp.log(x)), Step(x - 1, because="tangent line", relation="<=")],
                    oracle=lambda pt: mpmath.log(pt.x),
                )
            ],
        ).named("t", "t.")
        report = verify(result)
        assert report.verified
        assert report.steps[0].symbolic == "numeric-only"
        assert report.symbolic_status == "numeric-only"


def test_every_error_is_a_derive_error():
    assert issubclass(DefinitionError, DeriveError)


class TestText:
    def test_prose_math_becomes_unicode(self):
        assert to_unicode(r"$\delta_{kj}$ picks $k = j$") == "δ_kj picks k = j"
        assert to_unicode(r"$\sqrt{\sigma^2 + \varepsilon}$") == "√(σ² + ε)"

    @pytest.mark.parametrize(
        "expr",
        [
            sp.Derivative(softmax(i), z[j]),
            sp.Sum(delta(j, k) * sp.exp(z[k]), (k, 1, n)),
            softmax(i) * (delta(i, j) - softmax(j)),
        ],
    )
    def test_no_sympy_artefacts_in_either_view(self, expr):
        for text in (latex(expr), unicode(expr)):
            for artefact in ("Sum(", "Indexed", "KroneckerDelta", "Derivative(", "["):
                assert artefact not in text


def test_a_rotation_is_proved_by_trigonometric_expansion_and_a_wrong_one_is_not():
    from derive.symbolic import prove_zero

    a, b, u, v = sp.symbols("a b u v", real=True)
    rotated = (sp.cos(a) * u - sp.sin(a) * v) * (sp.cos(b) * u - sp.sin(b) * v) + (sp.sin(a) * u + sp.cos(a) * v) * (
        sp.sin(b) * u + sp.cos(b) * v
    )
    right = sp.Matrix([[rotated - (sp.cos(a - b) * (u**2 + v**2))]])
    wrong = sp.Matrix([[rotated - (sp.cos(a + b) * (u**2 + v**2))]])
    assert prove_zero(right).proved
    assert not prove_zero(wrong).proved
