"""A tag may declare a difference written with \\Delta before a letter or a Greek letter (\\Delta W \\in
\\mathbb{R}^{d \\times k}, \\Delta\\theta > 0) as the one name the formula reads there, where it had been refused as
two names before \\in."""

import pytest

from tests.docs.checking import assert_page_pass_and_fail, verdict

SHAPES = r"x \in \mathbb{R}^{n \times d}; W \in \mathbb{R}^{d \times k}; \Delta W \in \mathbb{R}^{d \times k}"


def test_a_difference_declared_a_matrix_is_read(tmp_path):
    assert_page_pass_and_fail(
        tmp_path, SHAPES, r"x (W+\Delta W) = x W + x \Delta W", r"x (W+\Delta W) = x W - x \Delta W"
    )


@pytest.mark.parametrize(
    ("formula", "expected"), [(r"|\Delta\theta| = \Delta\theta", "PASS"), (r"|\Delta\theta| = -\Delta\theta", "FAIL")]
)
def test_a_difference_of_a_greek_letter_takes_its_bound(tmp_path, formula, expected):
    found, detail = verdict(tmp_path, r"\Delta\theta > 0", formula)
    assert found == expected, detail
