"""'X, Y: random variables with joint distribution p(x, y)' beside a formula that never writes p is read as X and Y
under one joint law drawn at each point, so moments of X and Y are decided (dependent, not independent); where the
formula or the tag writes p, the law's outcomes are read as before. A correct formula PASSes, its wrong variant
FAILs."""

from checking import assert_page_pass_and_fail, verdict

JOINT = r"X, Y: random variables with joint distribution p(x, y)"


def test_the_covariance_of_jointly_distributed_variables(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        JOINT,
        r"\operatorname{Cov}[X, Y] = \mathbb{E}[XY] - \mathbb{E}[X]\mathbb{E}[Y]",
        r"\operatorname{Cov}[X, Y] = \mathbb{E}[XY] + \mathbb{E}[X]\mathbb{E}[Y]",
    )


def test_jointly_distributed_variables_are_not_read_as_independent(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        JOINT,
        r"\operatorname{Var}[X + Y] = \operatorname{Var}[X] + \operatorname{Var}[Y] + 2 \operatorname{Cov}[X, Y]",
        r"\operatorname{Var}[X + Y] = \operatorname{Var}[X] + \operatorname{Var}[Y]",
    )
    result, detail = verdict(tmp_path, JOINT, r"\mathbb{E}[XY] = \mathbb{E}[X]\mathbb{E}[Y]")
    assert result == "FAIL", (result, detail)


def test_a_formula_that_writes_the_law_reads_its_outcomes(tmp_path):
    assert_page_pass_and_fail(tmp_path, JOINT, r"\sum_{x, y} p(x, y) = 1", r"\sum_{x, y} p(x, y) = 2")
