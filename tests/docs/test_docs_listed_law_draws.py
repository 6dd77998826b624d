"""An expectation that draws x from a law the tag defines by its values at the values it lists for x
(p(1) = a; p(0) = 1 - a; x \\in \\{0, 1\\}) is the sum over those values of p(x) times its argument, read only where
p's values there sum to 1. A correct expectation PASSes, its wrong variant FAILs, and values that are no law leave
it UNKNOWN with the reason."""

from checking import assert_page_pass_and_fail, verdict

BERNOULLI = r"p(1) = a; p(0) = 1 - a; x \in \{0, 1\}; 0 < a < 1"
LOGISTIC = (
    r"\pi_\theta(1) = \frac{\exp(\theta)}{1+\exp(\theta)}; \pi_\theta(0) = \frac{1}{1+\exp(\theta)};"
    r" x \in \{0, 1\}; \theta \in \mathbb{R}"
)
FISHER = r"\mathbb{E}_{x \sim \pi_\theta} \left[ (\nabla_\theta \log \pi_\theta(x))^2 \right] = \frac{\exp(\theta)}{%s}"


def test_the_mean_of_a_law_given_by_its_values(tmp_path):
    assert_page_pass_and_fail(tmp_path, BERNOULLI, r"\mathbb{E}_{x \sim p}[x] = a", r"\mathbb{E}_{x \sim p}[x] = 1 - a")


def test_a_law_over_three_listed_values(tmp_path):
    tag = r"p(1) = 1/2; p(2) = 1/4; p(3) = 1/4; x \in \{1, 2, 3\}"
    assert_page_pass_and_fail(tmp_path, tag, r"\mathbb{E}_{x \sim p}[x^2] = 15/4", r"\mathbb{E}_{x \sim p}[x^2] = 7/4")


def test_the_fisher_information_of_a_logistic_law(tmp_path):
    assert_page_pass_and_fail(tmp_path, LOGISTIC, FISHER % r"(1 + \exp(\theta))^2", FISHER % r"1 + \exp(\theta)")


def test_values_that_do_not_sum_to_one_are_no_law(tmp_path):
    result, detail = verdict(
        tmp_path, r"p(1) = a; p(0) = a; x \in \{0, 1\}; 0 < a < 1", r"\mathbb{E}_{x \sim p}[x] = a"
    )
    assert result == "UNKNOWN" and "sum to 1 is not shown" in detail, (result, detail)


def test_a_law_over_outcomes_the_tag_does_not_list_stays_unknown(tmp_path):
    result, detail = verdict(tmp_path, r"p(x) = \frac{e^{-x}}{Z}; Z = 2", r"\mathbb{E}_{x \sim p}[x] = 1")
    assert result == "UNKNOWN" and "defines by a formula" in detail, (result, detail)


def test_an_expectation_written_as_an_operator(tmp_path):
    mean = r"\mathop{\mathbb{E}}_{x \sim p} [ x ] = %s"
    assert_page_pass_and_fail(tmp_path, BERNOULLI, mean % "a", mean % "1 - a")
