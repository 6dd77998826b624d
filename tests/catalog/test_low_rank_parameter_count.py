"""Low-rank parameter counts verify, the count oracles count, and wrong variants are rejected."""

import mpmath
import sympy as sp
from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive.identities.low_rank_parameter_count import count_entries, count_grid, d, m, n, r, threshold
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("low_rank_parameter_count")
COUNT, SAVING, SQUARE, FACTORS_4096, FULL_4096 = range(5)


def test_verifies_with_every_step_proved():
    report = catalog_report("low_rank_parameter_count")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()
    assert report.remarks[0].value == "0.390625"


def test_worked_numbers():
    assert RESULT.claims[FACTORS_4096].statement.rhs == 65_536
    assert RESULT.claims[FULL_4096].statement.rhs == 16_777_216
    assert count_grid(4096, 8) + count_grid(8, 4096) == 65_536
    assert count_entries(mpmath.zeros(3, 5)) == count_grid(3, 5) == 15


def test_product_count_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(COUNT, m * n * r), COUNT))


def test_sign_flipped_saving_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(SAVING, (m + n) * (r - threshold)), SAVING))


def test_break_even_at_d_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(SQUARE, d), SQUARE))


def test_rank_16_count_at_rank_8_is_rejected():
    report = verify_claim(RESULT.with_statement(FACTORS_4096, sp.Integer(131_072)), FACTORS_4096)
    assert rejected_by_oracle(report) and "right-hand side" in report.chain_problem


def test_off_by_one_row_is_rejected_by_the_oracle():
    report = verify_claim(RESULT.with_statement(FULL_4096, sp.Integer(4096 * 4095)), FULL_4096)
    assert rejected_by_oracle(report)
