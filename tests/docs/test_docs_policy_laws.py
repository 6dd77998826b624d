"""Policies and laws written as RL and RLHF documents write them: pi_theta(y | x) is a law like p (a joint law of
its outcomes, labelled by theta, ref or theta_old), its outcome may be left open (pi_theta(. | x)), and a distribution
nothing binds is a probability vector, never a number. A correct formula of each kind PASSes and a wrong variant
FAILs."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.open_outcome import name_open_outcomes

KL = r"D_{KL}(\pi_\theta(\cdot \mid x) \| \pi_{ref}(\cdot \mid x))"

# (name, correct formula, wrong variant), in the shared notation
PAIRS = [
    (
        "the KL penalty of RLHF as a sum over responses",
        KL + r" = \sum_y \pi_\theta(y \mid x) \log \frac{\pi_\theta(y \mid x)}{\pi_{ref}(y \mid x)}",
        KL + r" = \sum_y \pi_{ref}(y \mid x) \log \frac{\pi_\theta(y \mid x)}{\pi_{ref}(y \mid x)}",
    ),
    (
        "the KL penalty as an expectation over a draw from the policy",
        r"\mathbb{E}_{y \sim \pi_\theta(\cdot \mid x)}\left[\log \frac{\pi_\theta(y \mid x)}{\pi_{ref}(y \mid x)}\right]"
        " = " + KL,
        r"\mathbb{E}_{y \sim \pi_\theta(\cdot \mid x)}\left[\log \frac{\pi_{ref}(y \mid x)}{\pi_\theta(y \mid x)}\right]"
        " = " + KL,
    ),
    (
        "the importance ratio of PPO averages to one under the old policy",
        r"\mathbb{E}_{a \sim \pi_{\theta_{old}}(a \mid s)}\left[\frac{\pi_\theta(a \mid s)}{\pi_{\theta_{old}}(a \mid s)}\right]"
        " = 1",
        r"\mathbb{E}_{a \sim \pi_{\theta_{old}}(a \mid s)}\left[\frac{\pi_\theta(a \mid s)}{\pi_{\theta_{old}}(a \mid s)}\right]"
        " = 2",
    ),
    ("a policy sums to one over actions", r"\sum_a \pi(a \mid s) = 1", r"\sum_a \pi(a \mid s) = 2"),
    (
        "a KL between policies that nothing binds",
        r"D_{KL}(\pi_\theta \| \pi_{ref}) = \sum_y \pi_\theta(y) \log \frac{\pi_\theta(y)}{\pi_{ref}(y)}",
        r"D_{KL}(\pi_\theta \| \pi_{ref}) = \sum_y \pi_{ref}(y) \log \frac{\pi_\theta(y)}{\pi_{ref}(y)}",
    ),
]


@pytest.mark.parametrize("name, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_policy_formula_passes_and_its_wrong_variant_fails(name, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, "", correct, wrong)


def test_an_open_outcome_is_the_variable_drawn_or_the_outcome_the_laws_are_applied_to():
    drawn = name_open_outcomes(r"\mathbb{E}_{a \sim \pi(\cdot \mid s)}[f(a)]")
    assert drawn == r"\mathbb{E}_{a \sim \pi(a \mid s)}[f(a)]"
    named = name_open_outcomes(KL + r" = \sum_y \pi_\theta(y \mid x)")
    assert named.startswith(r"D_{KL}(\pi_\theta(y \mid x) \| \pi_{ref}(y \mid x))"), named
    alone = name_open_outcomes(KL + r" \ge 0")
    assert alone.startswith(r"D_{KL}(\pi_\theta(y \mid x)"), alone  # a letter the formula does not use
    assert name_open_outcomes(r"a \cdot b = b \cdot a") == r"a \cdot b = b \cdot a"


def test_a_policy_the_tag_declares_a_function_of_its_parameters_stays_one(tmp_path):
    # not a joint law whose values ignore theta: its gradient is the gradient of a function of theta
    tag = r"\pi_\theta(y \mid x) > 0; \pi_\theta(y \mid x): function of \theta"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\nabla_\theta \log \pi_\theta(y \mid x) = \frac{\nabla_\theta \pi_\theta(y \mid x)}{\pi_\theta(y \mid x)}",
        r"\nabla_\theta \log \pi_\theta(y \mid x) = \frac{\pi_\theta(y \mid x)}{\nabla_\theta \pi_\theta(y \mid x)}",
    )


@pytest.mark.parametrize(
    "formula",
    [
        r"\nabla_\theta \log \pi_\theta(a \mid s) = \nabla_\theta \pi_\theta(a \mid s)",
        r"\frac{\partial}{\partial \theta} \log p_{\theta}(x \mid z) = \frac{\partial}{\partial \theta} p_\theta(x \mid z)",
        # a law of a sequence, written out token by token: read as written, every derivative by theta is 0 there too
        r"R(y) \cdot \nabla_\theta \log \pi_\theta(y) = R(y) \cdot \sum_{k=1}^{T} \nabla_\theta \pi_\theta(t_k \mid t_{<k})",
        r"R(y) \cdot \nabla_\theta \log \pi_\theta(y) = R(y) \cdot \sum_{k=1}^{T} \nabla_\theta \log \pi_\theta(t_k \mid t_{<k})",
    ],
)
def test_a_derivative_by_a_label_the_tag_does_not_explain_is_not_decided(formula, tmp_path):
    # read as written, pi_theta does not depend on theta: both sides would be 0 and a wrong formula would pass
    from checking import verdict

    for tag in ("", None):
        found = verdict(tmp_path, tag, formula)
        said = ("only labels", "functions of it the formula does not state")  # tagged; untagged
        assert found[0] in ("UNKNOWN", "SKIPPED") and any(reason in found[1] for reason in said), found


def test_untagged_a_function_labelled_by_the_variable_is_read_as_a_function_of_it(tmp_path):
    # pi_theta(y) as pi(theta, y), any function: the log-derivative trick holds whatever pi is
    for correct in (
        r"\nabla_\theta \ln \pi_\theta(a \vert s) = \frac{\nabla_\theta \pi_\theta(a \vert s)}{\pi_\theta(a \vert s)}",
        r"\frac{\nabla_\theta \pi_\theta(y)}{\pi_\theta(y)} = \nabla_\theta \log \pi_\theta(y)",
    ):
        found = verdict(tmp_path, None, correct)
        assert found[0] == "PASS" and "read as a function of its label" in found[1], found
    # the sides differ by 1 whatever pi is
    wrong = r"\nabla_\theta \log \pi_\theta(y) = \frac{\nabla_\theta \pi_\theta(y)}{\pi_\theta(y)} + 1"
    found = verdict(tmp_path, None, wrong)
    assert found[0] == "FAIL" and "read as a function of its label" in found[1], found


@pytest.mark.parametrize(
    "formula",
    [
        # pi = e^theta makes it hold: a particular function may be meant
        r"\nabla_\theta \ln \pi_\theta(a \vert s) = \frac{\pi_\theta(a \vert s)}{\nabla_\theta \pi_\theta(a \vert s)}",
        # R(y), written without the label, may depend on theta or not: the product rule's second term is in doubt
        r"\nabla_\theta \sum_y \pi_\theta(y) R(y) = \sum_y R(y) \nabla_\theta \pi_\theta(y)",
        # another label: pi_{theta_{old}} may depend on theta or not
        r"\nabla_\theta \log \pi_\theta(y) = \frac{\nabla_\theta \pi_{\theta_{old}}(y)}{\pi_\theta(y)}",
    ],
)
def test_untagged_a_labelled_function_read_with_its_label_decides_nothing_else(formula, tmp_path):
    assert verdict(tmp_path, None, formula)[0] == "SKIPPED"


def test_a_function_of_theta_the_tag_defines_through_a_label_makes_the_labelled_function_vary(tmp_path):
    # J(theta) varies with theta only through pi_theta: the tag says pi_theta is a function of theta
    tag = r"J(\theta) = \sum_y \pi_\theta(y) \cdot R(y)"
    gradient = r"\nabla_\theta J(\theta) = \nabla_\theta \sum_y \pi_\theta(y) \cdot R(y) = "
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        gradient + r"\sum_y R(y) \cdot \nabla_\theta \pi_\theta(y)",
        gradient + r"\sum_y \pi_\theta(y) \cdot \nabla_\theta R(y)",
    )


@pytest.mark.parametrize(
    "tag",
    [
        r"J(\theta) = \theta + \sum_y \pi_\theta(y) \cdot R(y)",  # theta written apart: J need not vary through pi
        r"J(\theta) = \sum_y \pi_{\theta_{old}}(y) \cdot R(y)",  # another label
    ],
)
def test_a_definition_that_does_not_vary_only_through_the_label_leaves_it_a_label(tag, tmp_path):
    found = verdict(tmp_path, tag, r"\nabla_\theta \log \pi_\theta(y) = \nabla_\theta \pi_\theta(y)")
    assert found[0] == "UNKNOWN" and "only labels" in found[1], found


def test_a_derivative_by_the_label_of_a_law_drawn_from_is_not_decided(tmp_path):
    # the gradient does not pass inside an expectation over p_theta: read as written, both sides would be 0
    from checking import verdict

    wrong = r"\nabla_\theta \mathbb{E}_{x \sim p_\theta}[f(x)] = \mathbb{E}_{x \sim p_\theta}[\nabla_\theta f(x)]"
    found = verdict(tmp_path, "", wrong)
    # either doubt leaves it undecided: the law's label, or f(x) with no theta in its argument differentiated by theta
    reasons = ("only labels p_theta", "applied at an argument without it")
    assert found[0] == "UNKNOWN" and any(reason in found[1] for reason in reasons), found


@pytest.mark.parametrize(
    "formula",
    [
        # several outcomes before the bar of a law whose outcomes are written with an index
        r"\sum_{k=1}^K p(y, z_k \mid x) = \sum_{k=1}^K p(z_k \mid x)\; p(y \mid z_k, x)",
        # one law given different contexts: p(x | z_k) beside p(z_k)
        r"\frac{p(z_k, x)}{q(z_k \mid x)} = \frac{p(x \mid z_k) \; p(z_k)}{q(z_k \mid x)}",
    ],
)
def test_a_joint_law_of_indexed_outcomes_is_not_read_as_one_vector(formula, tmp_path):
    """p(y, z_k | x) or p(x | z_k) beside p(z_k) is a joint law of several outcomes: reading each application as one
    entry of one probability vector would refute the product rule, so the formula is left UNKNOWN with the reason."""
    found = verdict(tmp_path, "", formula)
    assert found[0] == "UNKNOWN" and "joint law of several outcomes" in found[1], found


def test_a_starred_law_the_tag_defines_is_its_definition_not_the_law_pi(tmp_path):
    """pi^*(y | x) defined in the tag (DPO's optimal policy) is read by its definition: the star names a law of its
    own, never an outcome table of pi."""
    tag = (
        r"\pi^*(y \mid x) = \frac{1}{Z(x)} \pi_{\text{ref}}(y \mid x) \exp\left(\frac{r(x,y)}{\beta}\right);"
        r" \beta > 0; Z(x) > 0; \pi_{\text{ref}}(y \mid x) > 0"
    )
    rest = r" + \log \pi_{\text{ref}}(y \mid x) + \frac{1}{\beta}r(x,y)"
    assert_page_pass_and_fail(
        tmp_path, tag, r"\log \pi^*(y \mid x) = -\log Z(x)" + rest, r"\log \pi^*(y \mid x) = \log Z(x)" + rest
    )
