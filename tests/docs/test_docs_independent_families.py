r"""A family of random variables the tag says is independent (``X_i: independent``, ``X_i: iid``,
``x_i: independent and identically distributed``): members at distinct indices are read apart, a sum of members is
written out at its size; ``iid`` reads them of one law, ``independent`` of one law and of different laws, both."""

import pytest
from checking import assert_page_pass_and_fail, verdict

SAMPLE_VARIANCE = (
    r"\hat{\sigma}^2 = \frac{1}{N}\sum_{i=1}^N(X_i-\bar{X})^2; \bar{X} = \frac{1}{N}\sum_{i=1}^N X_i; X_i: {kind};"
    r" \mathrm{Var}(X_i) = \sigma^2"
)


@pytest.mark.parametrize(
    "kind", ["iid", "i.i.d.", "independent and identically distributed", "i.i.d. random variables"]
)
def test_the_biased_sample_variance_of_iid_draws(kind, tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        SAMPLE_VARIANCE.replace("{kind}", kind),
        r"\mathbb{E} \hat{\sigma}^2 = \frac{N-1}{N}\sigma^2",
        r"\mathbb{E} \hat{\sigma}^2 = \frac{N}{N-1}\sigma^2",
    )


def test_members_said_independent_only_may_have_laws_of_their_own(tmp_path):
    """X_i: independent does not say one law: a formula that holds only for samples of one law is UNKNOWN, saying
    both readings; one that fails under both FAILs."""
    tag = SAMPLE_VARIANCE.replace("{kind}", "independent")
    result, detail = verdict(tmp_path, tag, r"\mathbb{E} \hat{\sigma}^2 = \frac{N-1}{N}\sigma^2")
    assert result == "UNKNOWN" and "identically distributed" in detail, (result, detail)
    assert verdict(tmp_path, tag, r"\mathbb{E} \hat{\sigma}^2 = \frac{N}{N-1}\sigma^2")[0] == "FAIL"


@pytest.mark.parametrize(
    "tag, correct, wrong",
    [
        (
            r"X_i: independent",
            r"\operatorname{Var}(X_1 + X_2) = \operatorname{Var}(X_1) + \operatorname{Var}(X_2)",
            r"\operatorname{Var}(X_1 + X_2) = \operatorname{Var}(X_1) + 2\operatorname{Var}(X_2)",
        ),
        (
            r"X_i: independent",
            r"\mathbb{E}[e^{X_1 + X_2}] = \mathbb{E}[e^{X_1}]\mathbb{E}[e^{X_2}]",
            r"\mathbb{E}[X_1 e^{X_1 + X_2}] = \mathbb{E}[X_1]\mathbb{E}[e^{X_1 + X_2}]",
        ),
        (
            r"X_i: independent random variables; n: positive integer",
            r"\operatorname{Var}\left(\sum_{i=1}^n X_i\right) = \sum_{i=1}^n \operatorname{Var}(X_i)",
            r"\operatorname{Var}\left(\sum_{i=1}^n X_i\right) = \left(\sum_{i=1}^n \operatorname{Var}(X_i)\right)^2",
        ),
        (
            r"x_i: iid; n: positive integer",
            r"\operatorname{Var}\left(\frac{1}{n}\sum_{i=1}^n x_i\right) = \frac{1}{n} \operatorname{Var}(x_1)",
            r"\operatorname{Var}\left(\frac{1}{n}\sum_{i=1}^n x_i\right) = \frac{1}{n^2} \operatorname{Var}(x_1)",
        ),
    ],
)
def test_independent_members_are_read_apart(tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_members_at_indices_that_may_be_equal_are_not_read_apart(tmp_path):
    result, detail = verdict(tmp_path, r"X_i: independent", r"\mathbb{E}[X_i X_j] = \mathbb{E}[X_i]\mathbb{E}[X_j]")
    assert result == "UNKNOWN" and "may be equal" in detail, (result, detail)


def test_a_family_not_said_independent_still_needs_its_joint_law(tmp_path):
    formula = r"\operatorname{Var}(X_1 + X_2) = \operatorname{Var}(X_1) + \operatorname{Var}(X_2)"
    result, detail = verdict(tmp_path, r"X_i: random", formula)
    assert result == "UNKNOWN" and "joint law" in detail, (result, detail)


@pytest.mark.parametrize(
    "tag",
    [
        r"X, Y: iid",
        r"X, Y: i.i.d. random variables",
        r"X, Y: independent and identically distributed",
        r"X, Y: independent, identically distributed",
    ],
)
def test_single_names_said_iid_take_one_law(tag, tmp_path):
    """Var(X - Y) = 2 Var(X) holds for two independent draws of one law: said iid, X and Y are read so."""
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\operatorname{Var}(X - Y) = 2\operatorname{Var}(X)",
        r"\operatorname{Var}(X - Y) = \operatorname{Var}(X)",
    )


def test_single_names_said_independent_only_may_have_laws_of_their_own(tmp_path):
    formula = r"\operatorname{Var}(X - Y) = 2\operatorname{Var}(X)"
    assert verdict(tmp_path, r"X, Y: independent", formula)[0] == "FAIL"
    assert (
        verdict(
            tmp_path, r"X, Y: independent", r"\operatorname{Var}(X - Y) = \operatorname{Var}(X) + \operatorname{Var}(Y)"
        )[0]
        == "PASS"
    )


def test_a_law_said_independent_and_identically_distributed_is_that_law(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"w_i \sim \mathcal{N}(0, 1) \text{ independent and identically distributed}",
        r"\mathbb{E}[w_1 w_2] = 0",
        r"\mathbb{E}[w_1 w_2] = 1",
    )


@pytest.mark.parametrize(
    "tag",
    [
        r"x_1, \ldots, x_n iid",
        r"x_1, \ldots, x_n: iid",
        r"x_1, x_2, \dots, x_n \text{ i.i.d.}",
        r"x_1, \ldots, x_n are independent and identically distributed",
    ],
)
def test_a_run_of_names_said_iid_is_a_family_of_one_law(tag, tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\operatorname{Var}\left(\frac{1}{n}\sum_{i=1}^n x_i\right) = \frac{1}{n}\operatorname{Var}(x_1)",
        r"\operatorname{Var}\left(\frac{1}{n}\sum_{i=1}^n x_i\right) = \operatorname{Var}(x_1)",
    )


def test_a_run_of_names_of_another_kind_is_still_refused(tmp_path):
    result, detail = verdict(tmp_path, r"x_1, \ldots, x_n: discrete", r"\sum_{i=1}^n x_i = n x_1")
    assert result == "UNKNOWN" and "run written with dots" in detail, (result, detail)


@pytest.mark.parametrize("sign", [r"\perp", r"\perp\!\!\!\perp"])
def test_independence_written_with_its_sign(sign, tmp_path):
    """X \\perp Y says X and Y are independent, as the words X, Y independent do."""
    assert_page_pass_and_fail(
        tmp_path,
        rf"X, Y: random variables; X {sign} Y",
        r"\operatorname{Var}(X + Y) = \operatorname{Var}(X) + \operatorname{Var}(Y)",
        r"\operatorname{Var}(X + Y) = \operatorname{Var}(X) + 2\operatorname{Var}(Y)",
    )


@pytest.mark.parametrize(
    "tag, reason",
    [
        (r"X, Y: random variables; X \perp Y \mid Z", "conditional independence"),
        (r"\mathbf{u}, \mathbf{v}: vectors; \mathbf{u} \perp \mathbf{v}", "orthogonality of vectors is not read"),
    ],
)
def test_a_sign_of_independence_that_is_not_read_says_why(tag, reason, tmp_path):
    result, detail = verdict(
        tmp_path, tag, r"\operatorname{Var}(X + Y) = \operatorname{Var}(X) + \operatorname{Var}(Y)"
    )
    assert result == "UNKNOWN" and reason in detail, (result, detail)
