"""Projection memory in bf16 verifies, with MiB and MB kept apart; wrong variants are rejected."""

import struct

import sympy as sp
from conftest import catalog_report, numeric_only_steps, rejected_by_oracle

from derive.identities.projection_memory import L, bf16_encoding, mp_matrix_bytes, mp_model
from derive.notation import d
from derive.registry import load
from derive.verify import verify_claim

RESULT = load("projection_memory")
ONE, PARAMS, BYTES, ONE_4096, MIB_4096, GIB_MODEL = range(6)


def test_verifies_with_every_step_proved():
    report = catalog_report("projection_memory")
    assert report.verified, report.to_json()
    assert numeric_only_steps(report) == set()
    assert [remark.value for remark in report.remarks] == ["33.5544", "4.29497", "42.9497"]


def test_bf16_is_the_top_half_of_float32():
    assert bf16_encoding(1.0) == b"\x3f\x80" == struct.pack(">f", 1.0)[:2]
    assert len(bf16_encoding(-3.25)) == 2
    assert mp_matrix_bytes(4096, 4096) == 33_554_432 == 32 * 2**20
    assert mp_model(32, 4096, mp_matrix_bytes) == 4 * 2**30


def test_one_byte_per_entry_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(ONE, d**2), ONE))


def test_three_projections_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(PARAMS, 3 * L * d**2), PARAMS))


def test_bytes_equal_to_parameters_is_rejected_by_the_oracle():
    assert rejected_by_oracle(verify_claim(RESULT.with_statement(BYTES, 4 * L * d**2), BYTES))


def test_megabytes_passed_off_as_mebibytes_is_rejected():
    report = verify_claim(RESULT.with_statement(MIB_4096, sp.Rational(33_554_432, 10**6)), MIB_4096)
    assert rejected_by_oracle(report)


def test_gigabytes_passed_off_as_gibibytes_is_rejected():
    report = verify_claim(RESULT.with_statement(GIB_MODEL, sp.Rational(4_294_967_296, 10**9)), GIB_MODEL)
    assert rejected_by_oracle(report)
