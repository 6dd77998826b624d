"""A law named with its parameter (pi_theta: distribution, y ~ pi_theta, or the tag's pi_theta(y): function of theta
beside a draw from it) moves with that parameter when the formula writes it: a softmax of logits depending smoothly on
theta, normalised at every theta. The log-derivative trick, the score's zero mean and the REINFORCE estimator PASS;
a variant that drops the logarithm, flips a sign or takes the score at the wrong place FAILs with the law it was
refuted with; a parameter read as a matrix stays UNKNOWN with its reason."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.parameter_laws import drawn_function_law, law_parameter

DECLARED = r"\pi_\theta: distribution"
OBJECTIVE = r"J(\theta) = \sum_y \pi_\theta(y) R(y)"

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "the score has mean zero under its own law",
        DECLARED,
        r"\mathbb{E}_{y \sim \pi_\theta}\left[\nabla_\theta \log \pi_\theta(y)\right] = 0",
        r"\mathbb{E}_{y \sim \pi_\theta}\left[\nabla_\theta \pi_\theta(y)\right] = \nabla_\theta 1",
    ),
    (
        "the gradients of a law's probabilities sum to zero",
        DECLARED,
        r"\sum_y \nabla_\theta \pi_\theta(y) = \nabla_\theta \sum_y \pi_\theta(y)",
        r"\sum_y \nabla_\theta \log \pi_\theta(y) = \nabla_\theta \sum_y \pi_\theta(y)",
    ),
    (
        "the log-derivative trick inside a sum over outcomes",
        DECLARED,
        r"\sum_y R(y) \nabla_\theta \pi_\theta(y) = \mathbb{E}_{y \sim \pi_\theta}\left[R(y) \nabla_\theta \log"
        r" \pi_\theta(y)\right]",
        r"\sum_y R(y) \nabla_\theta \pi_\theta(y) = \mathbb{E}_{y \sim \pi_\theta}\left[R(y) \nabla_\theta"
        r" \pi_\theta(y)\right]",
    ),
    (
        "REINFORCE from the tag's objective",
        OBJECTIVE,
        r"\nabla_\theta J(\theta) = \mathbb{E}_{y \sim \pi_\theta}\left[R(y) \nabla_\theta \log \pi_\theta(y)\right]",
        r"\nabla_\theta J(\theta) = -\mathbb{E}_{y \sim \pi_\theta}\left[R(y) \nabla_\theta \log \pi_\theta(y)\right]",
    ),
    (
        "REINFORCE from the tag's objective, without the logarithm",
        OBJECTIVE,
        r"\nabla_\theta J(\theta) = \sum_y \pi_\theta(y) R(y) \nabla_\theta \log \pi_\theta(y)",
        r"\nabla_\theta J(\theta) = \mathbb{E}_{y \sim \pi_\theta}\left[R(y) \nabla_\theta \pi_\theta(y)\right]",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_law_moving_with_its_parameter_passes_and_its_wrong_variant_fails(name, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_the_refutation_names_the_law_moving_with_theta(tmp_path):
    wrong = r"\sum_y R(y) \nabla_\theta \pi_\theta(y) = \sum_y \pi_\theta(y) R(y) \nabla_\theta \pi_\theta(y)"
    found, detail = verdict(tmp_path, DECLARED, wrong)
    assert found == "FAIL", detail
    assert "pi_theta(k) = exp(a_k + b_k*theta + c_k*theta**2/2) / (its sum over k)" in detail, detail


def test_a_law_whose_parameter_is_read_as_a_matrix_stays_unknown(tmp_path):
    tag = DECLARED + r"; \theta \in \mathbb{R}^{d \times d}"
    found, detail = verdict(tmp_path, tag, r"\sum_y \nabla_\theta \pi_\theta(y) = 0")
    assert found == "UNKNOWN", detail


def test_the_parameter_is_the_one_the_formula_writes_apart_from_the_law():
    assert law_parameter("pi_theta", r"\nabla_\theta \log \pi_\theta(y)") == "theta"
    assert law_parameter("pi_theta", r"\sum_y \pi_{\theta}(y) = 1") is None  # θ only labels the law
    assert law_parameter("pi_theta", r"\pi_\theta(y) / \pi_{\theta_{old}}(y)") is None  # θ_old: a name of its own
    assert law_parameter("pi_ref", r"\nabla_{ref} \pi_{ref}") is None  # a label, no parameter
    assert law_parameter("p_X", r"p_X(x) + X") is None


def test_a_function_of_theta_is_a_law_only_where_the_formula_draws_from_it():
    drawn = r"\mathbb{E}_{y \sim \pi_\theta}[R(y)]"
    assert drawn_function_law("pi_theta(y)", [r"\theta"], drawn) == "theta"
    assert drawn_function_law("pi_theta(y)", [r"\theta"], r"\nabla_\theta \log \pi_\theta(y)") is None
    assert drawn_function_law("pi_theta(a|s)", [r"\theta"], drawn) is None  # a conditional law: not this reading
    assert drawn_function_law("pi_theta(y)", [r"\theta", "s"], drawn) is None


POLICY = r"\pi_\theta(a \mid s): function of \theta; \pi_\theta(a \mid s) > 0"

# (name, correct formula, wrong variant) under the tag POLICY: a positive function of theta that the formula draws from
POLICY_PAIRS = [
    (
        "the score of a policy has mean zero at every state",
        r"\mathbb{E}_{a \sim \pi_\theta(\cdot \mid s)}[\nabla_\theta \log \pi_\theta(a \mid s)] = \nabla_\theta \sum_a"
        r" \pi_\theta(a \mid s)",
        r"\mathbb{E}_{a \sim \pi_\theta(\cdot \mid s)}[\nabla_\theta \pi_\theta(a \mid s)] = \nabla_\theta \sum_a"
        r" \pi_\theta(a \mid s)",
    ),
    (
        "an expectation over the policy is its weighted sum over actions",
        r"\sum_a \pi_\theta(a \mid s) \nabla_\theta \log \pi_\theta(a \mid s) = \mathbb{E}_{a \sim \pi_\theta(\cdot \mid"
        r" s)}[\nabla_\theta \log \pi_\theta(a \mid s)]",
        r"\sum_a \pi_\theta(a \mid s) \nabla_\theta \log \pi_\theta(a \mid s) = \mathbb{E}_{a \sim \pi_\theta(\cdot \mid"
        r" s)}[\nabla_\theta \pi_\theta(a \mid s)]",
    ),
]


@pytest.mark.parametrize("name, correct, wrong", POLICY_PAIRS, ids=[p[0] for p in POLICY_PAIRS])
def test_a_policy_drawn_from_is_one_law_at_every_state(name, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, POLICY, correct, wrong)


def test_a_policy_refutation_names_the_normalised_function(tmp_path):
    wrong = r"\mathbb{E}_{a \sim \pi_\theta(\cdot \mid s)}[\nabla_\theta \log \pi_\theta(a \mid s)] = 1"
    found, detail = verdict(tmp_path, POLICY, wrong)
    assert found == "FAIL", detail
    assert "over its sum over k = 1" in detail, detail


def test_a_policy_not_declared_positive_is_not_read_as_a_law(tmp_path):
    # a function of theta that may be negative normalises to no law: the draw from it stays unread
    tag = r"\pi_\theta(a \mid s): function of \theta"
    found, detail = verdict(tmp_path, tag, POLICY_PAIRS[0][2])
    assert found == "UNKNOWN", detail
