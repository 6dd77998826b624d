r"""Untagged, a count's letter (n, m, k) written as an exponent or inside a rounding may be a whole number from 1
on: Bernoulli's (1 + x)^n \ge 1 + nx and \lfloor n/2 \rfloor + \lceil n/2 \rceil = n hold for whole n and fail for n
in (0, 1). The formula is decided only where both readings
agree, else SKIPPED with both; tagged, the tag says what n is."""

import re

import pytest
from checking import verdict, verdicts

from derive.docs.count_letters import counts_read_as_whole

# correct for whole numbers n >= 1 where x > 0, refuted for real n: not decided
WHOLE_ONLY = [
    r"(1 + x)^n \ge 1 + nx",
    r"(1 + x)^{k} \ge 1 + kx",
    r"\lfloor n/2 \rfloor + \lceil n/2 \rceil = n",
]
# wrong for whole numbers too: FAIL
WRONG = [
    r"(1 + x)^n \ge 1 + (n + 1)x",
    r"\frac{d}{dx} x^n = n x^{n+1}",
    r"\lfloor n/2 \rfloor + \lceil n/2 \rceil = n + 1",
]
# correct for every reading: PASS
CORRECT = [r"\frac{d}{dx} x^n = n x^{n-1}"]
BERNOULLI_TAG = r"x \ge -1; n: positive integer"


@pytest.mark.parametrize("formula", WHOLE_ONLY)
def test_a_formula_that_holds_for_whole_counts_only_is_skipped_with_both_readings(tmp_path, formula):
    [(found, detail)] = verdicts(tmp_path, formula)
    assert found == "SKIPPED", detail
    assert "written as a count is, may be a whole number from 1 on" in detail, detail
    assert "as any real number it fails" in detail, detail


@pytest.mark.parametrize("formula", WRONG)
def test_a_formula_wrong_for_whole_counts_too_fails(tmp_path, formula):
    [(found, detail)] = verdicts(tmp_path, formula)
    assert found == "FAIL", detail


@pytest.mark.parametrize("formula", CORRECT)
def test_a_formula_right_for_every_reading_passes(tmp_path, formula):
    [(found, detail)] = verdicts(tmp_path, formula)
    assert found == "PASS", detail


def test_tagged_a_count_is_what_the_tag_says(tmp_path):
    assert verdict(tmp_path, BERNOULLI_TAG, WHOLE_ONLY[0])[0] == "PASS"
    assert verdict(tmp_path, BERNOULLI_TAG, WRONG[0])[0] == "FAIL"


def test_the_count_letters_written_as_exponents():
    assert counts_read_as_whole(r"(1 + x)^n \ge 1 + nx") == {"n"}
    assert counts_read_as_whole(r"\frac{1}{(1 + x)^{m}} \le e^{-k}") == {"m", "k"}
    assert counts_read_as_whole(r"\beta^t + x^2 = n") == set()  # t is no count's letter; n is no exponent
    assert counts_read_as_whole(r"x^{n_1} = 1") == set()  # a subscripted name is a name of its own
    assert counts_read_as_whole(r"\lfloor n/2 \rfloor = \lceil x \rceil") == {"n"}


def test_a_refuted_count_is_named_in_the_counterexample(tmp_path):
    """A sum run up to n and n itself: the values hold no symbol, yet the counterexample states n."""
    [(found, detail)] = verdicts(tmp_path, r"\sum_{i=1}^{n} 1 = n + 1")
    assert found == "FAIL", detail
    assert "fails at n=" in detail, detail
    [(found, detail)] = verdicts(tmp_path, r"\sum_{i=1}^{n} 1 = n")
    assert found == "PASS", detail


def test_a_number_named_n_is_shown_once_in_the_counterexample(tmp_path):
    """(1 + x)^n with n a number: no default size of the same name is printed beside it (it read n=1, n=0.29)."""
    [(found, detail)] = verdicts(tmp_path, r"(1 + x)^n \ge 1 + (n + 1)x")
    assert found == "FAIL", detail
    for point in re.findall(r"(?:fails|violated) at ([^:]*):", detail):
        names = [part.split("=")[0].strip() for part in point.split(", ") if "=" in part]
        assert len(names) == len(set(names)), detail
