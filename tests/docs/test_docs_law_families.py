"""A law the tag gives an indexed name (X_i \\sim \\mathcal{N}(\\mu, \\sigma^2)) is the law of each member of a family
X_1, X_2, ... of independent variables; several names before one \\sim each have that law."""

import pytest

from tests.docs.checking import verdict

SAMPLE = r"X_i \sim \mathcal{N}(\mu, \sigma^2); \sigma > 0"
MEAN = r"\frac{1}{n}\sum_{i=1}^n X_i"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\operatorname{Var}(X_1 + X_2) = 2\sigma^2", "PASS"),
        (r"\operatorname{Var}(X_1 + X_2) = \sigma^2", "FAIL"),
        (r"\operatorname{Var}\left(" + MEAN + r"\right) = \frac{\sigma^2}{n}", "PASS"),
        (r"\operatorname{Var}\left(" + MEAN + r"\right) = \sigma^2", "FAIL"),
        (r"\mathbb{E}\left[" + MEAN + r"\right] = \mu", "PASS"),
        (r"\mathbb{E}\left[" + MEAN + r"\right] = n\mu", "FAIL"),
        (r"\mathbb{E}[X_i] = \mu", "PASS"),
        (r"\mathbb{E}[X_i^2] = \mu^2", "FAIL"),
    ],
)
def test_an_indexed_name_with_a_law_is_a_family_of_independent_variables(tmp_path, formula, expected):
    found = verdict(tmp_path, SAMPLE, formula)
    assert found[0] == expected, found


def test_members_at_two_free_indices_that_may_be_equal_are_not_read(tmp_path):
    found = verdict(tmp_path, SAMPLE, r"\mathbb{E}[X_i X_j] = \mu^2")
    assert found[0] == "UNKNOWN", found
    assert "indices that may be equal" in found[1], found


@pytest.mark.parametrize(
    "tag, right, expected",
    [
        (r"q_i \sim \mathcal{N}(0, 1); k_i \sim \mathcal{N}(0, 1); d_k: dimension", "d_k", "PASS"),
        (r"q_i, k_i \sim \mathcal{N}(0, 1) \text{ i.i.d.}; d_k: dimension", r"\sqrt{d_k}", "FAIL"),
    ],
)
def test_the_variance_of_a_dot_product_of_standard_normal_entries(tmp_path, tag, right, expected):
    found = verdict(tmp_path, tag, r"\operatorname{Var}\left(\sum_{i=1}^{d_k} q_i k_i\right) = " + right)
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "clause",
    [
        r"q_i, k_i \sim \mathcal{N}(0, 1)",
        r"q_i, k_i \sim \mathcal{N}(0, 1), i.i.d.",
        r"q_i, k_i \sim \mathcal{N}(0, 1) \text{ i.i.d.}",
    ],
)
def test_a_list_of_names_drawn_from_one_law_gives_each_the_law(clause):
    from derive.docs.tags import parse_tag

    laws = [(c.name, c.law.name, c.params) for c in parse_tag(clause).clauses]
    assert laws == [("q_i", "normal", ("0", "1")), ("k_i", "normal", ("0", "1"))]


@pytest.mark.parametrize("right, expected", [("2", "PASS"), ("1", "FAIL")])
def test_several_names_before_one_law_each_have_it(tmp_path, right, expected):
    found = verdict(tmp_path, r"X, Y \sim \mathcal{N}(0, 1)", r"\operatorname{Var}(X + Y) = " + right)
    assert found[0] == expected, found


VECTORS = r"\mathbf{q}, \mathbf{k} \in \mathbb{R}^d; q_i \sim \mathcal{N}(0, 1); k_i \sim \mathcal{N}(0, 1)"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\mathrm{Var}[\mathbf{q}^\top \mathbf{k}] = d", "PASS"),
        (r"\mathrm{Var}[\mathbf{q}^\top \mathbf{k}] = \sqrt{d}", "FAIL"),
    ],
)
def test_a_declared_vector_whose_entries_have_a_law_is_the_vector_of_the_family(tmp_path, formula, expected):
    found = verdict(tmp_path, VECTORS, formula)
    assert found[0] == expected, found
    if expected == "FAIL":
        assert "fails at n=" in found[1], found  # the size the counterexample is at


def test_a_counterexample_of_a_sample_mean_states_its_size(tmp_path):
    found = verdict(tmp_path, SAMPLE, r"\operatorname{Var}\left(" + MEAN + r"\right) = \sigma^2")
    assert found[0] == "FAIL", found
    assert "fails at n=" in found[1], found


@pytest.mark.parametrize("right, expected", [("n", "PASS"), ("1", "FAIL")])
def test_a_norm_opening_the_bracket_of_an_expectation(tmp_path, right, expected):
    # \mathbb{E}[\|x\|^2]: the bars of a norm at the start of the bracket separate nothing (as in D_{KL}[p \| q])
    found = verdict(tmp_path, r"x_i \sim \mathcal{N}(0, 1); x \in \mathbb{R}^n", r"\mathbb{E}[\|x\|^2] = " + right)
    assert found[0] == expected, found
    if expected == "FAIL":
        assert "fails at n=" in found[1], found


def test_a_sum_of_members_up_to_a_count_not_given_as_a_size_is_not_read(tmp_path):
    tag = r"\epsilon_t \sim \mathcal{N}(0, \sigma^2); T: positive integer; \sigma > 0"
    found = verdict(tmp_path, tag, r"\operatorname{Var}\left(\sum_{t=1}^{T} \epsilon_t\right) = T\sigma^2")
    assert found[0] == "UNKNOWN", found
    assert "declare it one ('T: dimension')" in found[1], found
    sized = tag.replace("positive integer", "dimension")
    assert (
        verdict(tmp_path, sized, r"\operatorname{Var}\left(\sum_{t=1}^{T} \epsilon_t\right) = T\sigma^2")[0] == "PASS"
    )
    assert verdict(tmp_path, sized, r"\operatorname{Var}\left(\sum_{t=1}^{T} \epsilon_t\right) = \sigma^2")[0] == "FAIL"


def test_a_count_the_tags_own_definition_sums_up_to_is_a_size(tmp_path):
    # J: positive integer beside f(x) = \sum_{i=1}^J w_i \phi_i(x): the tag itself sums the family up to J, which is
    # then read as J: dimension would be, and the covariance of the sum is written out at each J
    tag = (
        r"f(x) = \sum_{i=1}^J w_i \phi_i(x); w_i \sim \mathcal{N}\left(0,\frac{\sigma^2}{J}\right) independent;"
        r" k(x,x') = \textrm{Cov}(f(x), f(x')); \phi_i: real functions; J: positive integer; \sigma > 0"
    )
    kernel = r"k(x,x') = \frac{{{}}}{{J}} \sum_{{i=1}}^{{J}} \phi_i(x)\phi_i(x')"
    found = verdict(tmp_path, tag, kernel.format(r"\sigma^2"))
    assert found[0] == "PASS", found
    found = verdict(tmp_path, tag, kernel.format(r"\sigma"))
    assert found[0] == "FAIL" and " J=" in found[1], found
