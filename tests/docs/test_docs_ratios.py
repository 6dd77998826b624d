"""A proportion written with colons between two runs of numbers (128:192:96:64 = 4:6:3:2) is read as its parts
proportional: a correct one PASSes, one with a wrong part FAILs, and a colon anywhere else keeps its meaning."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.ratios import as_quotients


def test_a_proportion_passes_and_a_wrong_part_fails(tmp_path):
    assert_page_pass_and_fail(tmp_path, "", "128:192:96:64 = 4:6:3:2", "128:192:96:64 = 4:6:3:1")
    assert_page_pass_and_fail(tmp_path, None, r"2.5:5 = 1:2.", r"2.5:5 = 2:1.")
    assert verdict(tmp_path, None, r"3 \times 4 : 6 = 2:1")[0] == "PASS"


@pytest.mark.parametrize(
    "text",
    [
        "1:2 = 2:4:8",  # runs of different lengths: no proportion
        r"f: \mathbb{R} \to \mathbb{R}",
        r"\{x : x > 0\} = A",
        r"p(x_{1:T}) = 1",
        "a:b = c:d",  # names: not read as a proportion
    ],
)
def test_a_colon_that_writes_no_proportion_of_numbers_is_left_as_written(text):
    assert as_quotients(text) == text
