"""\\sim between two worked figures (0.5M \\times 1024 \\sim 512M) says "about", and is read as \\approx with its written
digits setting the tolerance, tagged and untagged; between a random quantity and a law, or beside a name, it stays
"distributed as" or "of the same order" and is not compared."""

import pytest

from tests.docs.checking import untagged_verdict, verdict


@pytest.mark.parametrize(
    ("tag", "formula", "expected"),
    [
        ("M = 10^6", r"0.5M \times 1024 \sim 512M", "PASS"),
        ("M = 10^6", r"0.5M \times 1024 \sim 51.2M", "FAIL"),
        ("", r"1024 \times 512 + 512 \times 512 \sim 800\text{K}", "PASS"),
        ("", r"1024 \times 512 + 512 \times 512 \sim 700\text{K}", "FAIL"),
    ],
)
def test_sim_between_worked_figures_is_about(tmp_path, tag, formula, expected):
    found, detail = verdict(tmp_path, tag, formula)
    assert found == expected, detail


@pytest.mark.parametrize(
    ("formula", "expected"),
    [(r"0.5M \times 1024 \sim 512M", "PASS"), (r"1024 \times 512 + 512 \times 512 \sim 700\text{K}", "FAIL")],
)
def test_sim_between_worked_figures_is_a_claim_untagged_too(tmp_path, formula, expected):
    assert untagged_verdict(tmp_path, formula)[0] == expected


@pytest.mark.parametrize(
    ("tag", "formula"),
    [("", r"X \sim \mathcal{N}(0, 1)"), ("n: positive integer", r"n^2 + n \sim n^2"), ("", r"x_1 \sim 2")],
)
def test_sim_beside_a_law_or_a_name_is_not_compared(tmp_path, tag, formula):
    found, detail = verdict(tmp_path, tag, formula)
    assert found != "FAIL" and found != "PASS", detail
