"""The LoRA facts verify, the oracles count and rank correctly, and wrong variants are rejected."""

import mpmath
import sympy as sp
from conftest import catalog_report, rejected_by_oracle

from derive.identities.lora_parameter_count import (
    A,
    B,
    W,
    count_entries,
    d_in,
    d_out,
    numerical_rank,
    oracle_merged_output,
    product,
    r,
    total,
    x,
)
from derive.registry import load
from derive.result import Step
from derive.verify import verify_claim

RESULT = load("lora_parameter_count")
COUNT, FACTOR, COUNT_R8, FACTOR_R8, COUNT_R16, FACTOR_R16, RANK, INITIAL, MERGED = range(9)


def test_verifies_with_only_the_rank_steps_numeric():
    report = catalog_report("lora_parameter_count")
    assert report.verified, report.to_json()
    for position, claim in enumerate(report.claims):
        expected = "numeric-only" if position == RANK else "proved"
        assert all(step.symbolic == expected for step in claim.steps), (claim.label, claim.steps)


def test_concrete_numbers_at_4096():
    assert RESULT.claims[COUNT_R8].statement.rhs == 65_536
    assert RESULT.claims[FACTOR_R8].statement.rhs == 256
    assert RESULT.claims[COUNT_R16].statement.rhs == 131_072
    assert RESULT.claims[FACTOR_R16].statement.rhs == 128


def test_oracle_helpers():
    assert count_entries(mpmath.zeros(3, 5)) == 15
    assert numerical_rank(mpmath.ones(4, 4)) == 1  # all-ones matrix
    assert numerical_rank(mpmath.eye(3)) == 3
    assert numerical_rank(mpmath.zeros(2, 3)) == 0
    with mpmath.workdps(60):
        left = mpmath.matrix([[1, 2], [3, 5], [7, 11], [13, 17], [19, 23]])
        right = mpmath.matrix([[1, 0, 2, 3, 4], [0, 1, 5, 6, 8]])
        assert numerical_rank(left * right) == 2


# --- wrong variants ----------------------------------------------------------------


def test_count_r_din_dout_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(COUNT, r * d_in * d_out)
    assert rejected_by_oracle(verify_claim(wrong, COUNT))


def test_factor_512_is_rejected():
    report = verify_claim(RESULT.with_statement(FACTOR_R8, sp.Integer(512)), FACTOR_R8)
    assert rejected_by_oracle(report)
    assert "right-hand side" in report.chain_problem


def test_rank_at_most_r_minus_one_is_rejected_by_the_oracle():
    wrong = RESULT.with_statement(RANK, r - 1)
    assert rejected_by_oracle(verify_claim(wrong, RANK))


def test_ab_instead_of_ba_is_rejected():
    # AB is shape-valid symbolically only if d_in = d_out; at the sampled shapes it cannot
    # be evaluated (or, when d_in = d_out = r, gives other numbers)
    step = total(product(W, x), product(product(A, B), x))
    report = verify_claim(RESULT.with_step(MERGED, 1, step), MERGED)
    assert report.steps[0].symbolic == "failed" and report.steps[0].counterexample
    assert not report.passed


def test_dropping_b_zero_is_rejected():
    # without B = 0 the adapted layer does not compute Wx
    adapted = product(total(W, product(B, A)), x)
    wrong = RESULT.with_claim(
        INITIAL,
        statement=sp.Eq(adapted, product(W, x), evaluate=False),
        steps=(
            Step(adapted),
            Step(product(total(W, sp.ZeroMatrix(d_out, d_in)), x), because="BA = 0"),
            Step(product(W, x), because="W + 0 = W"),
        ),
        oracle=oracle_merged_output,
    )
    report = verify_claim(wrong, INITIAL)
    assert report.steps[0].symbolic == "failed" and report.steps[0].counterexample
    assert rejected_by_oracle(report)
