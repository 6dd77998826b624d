"""RoPE scores depend only on relative position; wrong variants are rejected."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive.identities.rope_relative_position import (
    Rotation,
    T,
    alpha,
    beta,
    h,
    k,
    k_pair,
    m,
    mp_rope,
    n,
    phi,
    product,
    q,
    q_pair,
    relative_term,
    s,
    theta,
    theta_1,
)
from derive.notation import Sum, i
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("rope_relative_position")
COMPOSITION, PRESERVED, PAIR, BLOCKS, SHIFT = range(5)


def test_verifies_with_every_step_proved():
    report = catalog_report("rope_relative_position")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()


def test_oracle_rotates_each_block_by_its_own_frequency():
    with mpmath.workdps(30):
        rotated = mp_rope([1, 0, 1, 0], [mpmath.pi / 2, mpmath.pi], 1)  # block 1 by 90°, block 2 by 180°
        expected = [0, 1, -1, 0]
        assert all(abs(rotated[t] - expected[t]) < mpmath.mpf(10) ** -25 for t in range(4))


def test_sum_of_angles_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(COMPOSITION, Rotation(alpha + beta)), COMPOSITION))


def test_leftover_rotation_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(PRESERVED, product(T(q_pair), Rotation(phi), k_pair))
    assert rejected_by_oracle(verify_claim(wrong, PRESERVED))


def test_sum_of_positions_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(PAIR, product(T(q_pair), Rotation((n + m) * theta_1), k_pair))
    assert rejected_by_oracle(verify_claim(wrong, PAIR))


def test_reversed_offset_is_rejected_by_the_oracle():
    # m − n instead of n − m flips the sign of the sine terms
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(BLOCKS, Sum(relative_term(i, m - n), i, h)), BLOCKS))


def test_dropping_the_sine_terms_is_rejected_in_a_step():
    cosine_only = Sum(sp.cos((n - m) * theta[i]) * (q[2 * i - 1] * k[2 * i - 1] + q[2 * i] * k[2 * i]), i, h)
    wrong = RESULT.with_claim(BLOCKS, statement=sp.Eq(RESULT.claims[BLOCKS].statement.lhs, cosine_only, evaluate=False))
    wrong = wrong.with_step(BLOCKS, 2, cosine_only)
    report = verify_claim(wrong, BLOCKS)
    assert report.steps[1].symbolic == "failed" and report.steps[1].counterexample
    assert rejected_by_oracle(report)


def test_shifting_only_the_query_is_rejected_in_a_step():
    wrong = RESULT.with_step(SHIFT, 1, Sum(relative_term(i, n - (m + s)), i, h))
    report = verify_claim(wrong, SHIFT)
    assert not report.passed and report.steps[0].symbolic == "failed" and report.steps[0].counterexample
