"""Dot product, angle and Cauchy–Schwarz verify; wrong variants are rejected."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive.identities.dot_product_cosine import a, b, chord, dot, lagrange_sum, mp_angle, norm_a, norm_b, theta
from derive.notation import Sum, d, k
from derive.registry import load
from derive.result import Statement
from derive.symbolic import prove_nonnegative
from derive.verify import verify_claim

RESULT = load("dot_product_cosine")
EXPANSION, ANGLE, LAW, LAGRANGE, SQUARED, CAUCHY_SCHWARZ = range(6)


def test_verifies_with_only_the_square_root_step_numeric():
    report = catalog_report("dot_product_cosine")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == {("Cauchy-Schwarz", 1)}


def test_angle_oracle_on_known_angles():
    with mpmath.workdps(30):
        assert abs(mp_angle([1, 0], [0, 2]) - mpmath.pi / 2) < mpmath.mpf(10) ** -25
        assert abs(mp_angle([1, 0, 0], [1, 1, 0]) - mpmath.pi / 4) < mpmath.mpf(10) ** -25
        assert abs(mp_angle([2], [-3]) - mpmath.pi) < mpmath.mpf(10) ** -25


def test_plus_two_dot_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(EXPANSION, norm_a**2 + norm_b**2 + 2 * dot)
    assert rejected_by_oracle(verify_claim(wrong, EXPANSION))


def test_minus_dot_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(ANGLE, -dot), ANGLE))


def test_full_chord_as_sine_of_half_angle_is_rejected_in_a_step():
    wrong = RESULT.with_step(ANGLE, 2, norm_a * norm_b * (1 - 2 * chord**2))  # sin(θ/2) = ‖â − b̂‖, not half of it
    report = verify_claim(wrong, ANGLE)
    assert not report.passed and report.steps[1].symbolic == "failed" and report.steps[1].counterexample


def test_law_of_cosines_with_plus_sign_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(LAW, norm_a**2 + norm_b**2 + 2 * norm_a * norm_b * sp.cos(theta))
    assert rejected_by_oracle(verify_claim(wrong, LAW))


def test_lagrange_without_the_half_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(LAGRANGE, 2 * lagrange_sum), LAGRANGE))


def test_reversed_cauchy_schwarz_is_rejected():
    wrong = RESULT.with_claim(SQUARED, statement=Statement(dot**2, ">=", norm_a**2 * norm_b**2))
    report = verify_claim(wrong, SQUARED)
    assert rejected_by_oracle(report) and "prove" in report.chain_problem


def test_half_the_product_of_lengths_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(CAUCHY_SCHWARZ, norm_a * norm_b / 2), CAUCHY_SCHWARZ))


def test_signs_of_sums_as_written():
    # a Σ of squares is ≥ 0; its negative, or a Σ of terms of either sign, is not decided
    assert prove_nonnegative(Sum((a[k] - b[k]) ** 2, k, d)).proved
    assert not prove_nonnegative(-Sum(a[k] ** 2, k, d)).proved
    assert not prove_nonnegative(Sum(a[k] - b[k], k, d)).proved
    assert not prove_nonnegative(Sum(a[k] ** 2, k, d), strict=True).proved  # a = 0 is allowed
