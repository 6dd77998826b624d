"""Random variables with named laws declared in a tag (``X \\sim \\text{Bin}(n, p)``): each law reads a correct
formula (PASS) and refutes a wrong variant of it (FAIL) by the same machinery; a convention the tag leaves open
makes a formula that turns on it UNKNOWN."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs import reading


@pytest.fixture(autouse=True)
def _room_for_quadrature(monkeypatch):
    # these tests check verdicts, not speed (speed lives in bench/): an expectation by quadrature at 20 points may
    # come near the 30 s CPU budget per formula on a loaded machine, so here the budget is not what is tested
    monkeypatch.setattr(reading, "FORMULA_BUDGET_SECONDS", 90.0)


# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "an event at a binomial count's first value (a sum from 0 whose term is conditioned on its index)",
        r"X \sim \text{Bin}(n, p)",
        r"P(X \le 0) = (1-p)^n",
        r"P(X \le 0) = p^n",
    ),
    (
        "the distribution function F_X of a count",
        r"X \sim \text{Bin}(n, p)",
        r"F_X(1) = (1-p)^n + n p (1-p)^{n-1}",
        r"F_X(1) = n p (1-p)^{n-1}",
    ),
    (
        "entropy of a Bernoulli variable, in bits",
        r"X \sim \text{Ber}(p); H in bits",
        r"H(X) = -p\log_2 p - (1-p)\log_2(1-p)",
        r"H(X) = -p\ln p - (1-p)\ln(1-p)",
    ),
    (
        "differential entropy of an exponential variable",
        r"X \sim \text{Exp}(\lambda)",
        r"H(X) = 1 - \ln \lambda",
        r"H(X) = 1 + \ln \lambda",
    ),
    (
        "differential entropy of a Laplace variable",
        r"X \sim \text{Laplace}(\mu, b)",
        r"H(X) = \ln(2b) + 1",
        r"H(X) = \ln(b) + 1",
    ),
    (
        "gamma with its rate stated",
        r"X \sim \text{Gamma}(\alpha, b) with rate b",
        r"\mathbb{E}[X] = \frac{\alpha}{b}",
        r"\mathbb{E}[X] = \alpha b",
    ),
    (
        "gamma with its scale stated",
        r"X \sim \text{Gamma}(k, \lambda) with scale \lambda",
        r"\mathbb{E}[X] = k \lambda",
        r"\mathbb{E}[X] = \frac{k}{\lambda}",
    ),
    (
        "normal with its standard deviation stated",
        r"X \sim \mathcal{N}(\mu, \sigma) with standard deviation \sigma",
        r"\operatorname{Var}(X) = \sigma^2",
        r"\operatorname{Var}(X) = \sigma",
    ),
    (
        "Bernoulli",
        r"X \sim \text{Ber}(p)",
        r"\operatorname{Var}(X) = p(1-p)",
        r"\operatorname{Var}(X) = p",
    ),
    (
        "Bernoulli spelt out",
        r"X \sim \operatorname{Bernoulli}(p)",
        r"\mathbb{E}[X^2] = p",
        r"\mathbb{E}[X^2] = p^2",
    ),
    (
        "binomial mean",
        r"X \sim \text{Bin}(n, p); n: dimension",
        r"E[X] = np",
        r"E[X] = n(1-p)",
    ),
    (
        "binomial variance, the number of trials declared by the law",
        r"X \sim \text{Binomial}(n, p)",
        r"\operatorname{Var}(X) = np(1-p)",
        r"\operatorname{Var}(X) = np",
    ),
    (
        "Poisson variance",
        r"X \sim \text{Poi}(\lambda); \lambda > 0",
        r"Var(X) = \lambda",
        r"Var(X) = \lambda^2",
    ),
    (
        "Poisson moment generating function",
        r"X \sim \text{Poisson}(\lambda); t: real",
        r"\mathbb{E}[e^{tX}] = e^{\lambda(e^t - 1)}",
        r"\mathbb{E}[e^{tX}] = e^{\lambda(e^t + 1)}",
    ),
    (
        "Poisson pmf at a count",
        r"X \sim \text{Poi}(\lambda); k: dimension",
        r"p_X(k) = \frac{\lambda^k e^{-\lambda}}{k!}",
        r"p_X(k) = \frac{\lambda^k e^{-\lambda}}{k}",
    ),
    (
        "the probability of a value",
        r"X \sim \text{Bin}(n, p); k: dimension",
        r"\Pr(X = k) = \binom{n}{k} p^k (1-p)^{n-k}",
        r"\Pr(X = k) = \binom{n}{k} p^{n-k} (1-p)^{k}",
    ),
    (
        "the probability of an event: a geometric law's distribution function",
        r"X \sim \text{Geo}(p); X \ge 1; k: dimension",
        r"P(X \le k) = 1 - (1-p)^k",
        r"P(X \le k) = 1 - (1-p)^{k+1}",
    ),
    (
        "geometric counting trials",
        r"X \sim \text{Geo}(p); X \ge 1",
        r"E[X] = \frac{1}{p}",
        r"E[X] = \frac{1-p}{p}",
    ),
    (
        "geometric counting failures",
        r"X \sim \text{Geometric}(p); X \ge 0",
        r"E[X] = \frac{1-p}{p}",
        r"E[X] = \frac{1}{p}",
    ),
    (
        "geometric variance: the same under both supports",
        r"X \sim \text{Geo}(p); 0 < p \le 1",
        r"Var(X) = \frac{1-p}{p^2}",
        r"Var(X) = \frac{1-p}{p}",
    ),
    (
        "two independent Poisson variables",
        r"X \sim \text{Poi}(\lambda); Y \sim \text{Poi}(\mu)",
        r"\operatorname{Var}(X + Y) = \lambda + \mu",
        r"\operatorname{Var}(X + Y) = \lambda \mu",
    ),
    (
        "independent variables have no covariance",
        r"X \sim \text{Ber}(p); Y \sim \text{Bin}(n, q)",
        r"\operatorname{Cov}(X, Y) = 0",
        r"\operatorname{Cov}(X, Y) = pq",
    ),
    (
        "categorical law over a declared distribution",
        r"\pi: distribution; X \sim \text{Cat}(\pi)",
        r"\mathbb{E}[X] = \sum_{k} k \pi_k",
        r"\mathbb{E}[X] = \sum_{k} \pi_k",
    ),
    (
        "a variable drawn from a distribution the tag does not define",
        r"X \sim p(X); Y \sim q(Y)",
        r"\operatorname{Var}(X - Y) = \operatorname{Var}(X) + \operatorname{Var}(Y)",
        r"\operatorname{Var}(X - Y) = \operatorname{Var}(X) - \operatorname{Var}(Y)",
    ),
    (
        "standard normal noise",
        r"\epsilon \sim \mathcal{N}(0, 1); \mu: real; \sigma > 0",
        r"\mathbb{E}[(\mu + \sigma\epsilon - \mu)^2] = \sigma^2",
        r"\mathbb{E}[(\mu + \sigma\epsilon - \mu)^2] = \sigma",
    ),
    (
        "the expectation of a vector, entry by entry (noise added to every entry)",
        r"\mathbf{y} = \mathbf{v} + \epsilon; \epsilon \sim \mathcal{N}(\mu, \sigma^2); \mathbf{v} \in \mathbb{R}^n",
        r"\mathbb{E}[\mathbf{y}] = \mathbf{v} + \mu",
        r"\mathbb{E}[\mathbf{y}] = \mathbf{v} + \sigma^2",
    ),
    (
        "the expectation of a matrix scaled by a random number",
        r"\epsilon \sim \mathcal{N}(0, 1); A \in \mathbb{R}^{2 \times 2}",
        r"\mathbb{E}[\epsilon^2 A] = A",
        r"\mathbb{E}[\epsilon^2 A] = 2A",
    ),
]

SLOW_PAIRS = [  # laws with a density: each expectation is a 60-digit quadrature
    (
        "a uniform law's second moment as the integral of its density, between two names",
        r"X \sim \text{Unif}(a, b); a < b",
        r"\int_{-\infty}^{\infty} x^2 f_X(x) dx = \frac{a^2+ab+b^2}{3}",
        r"\int_{-\infty}^{\infty} x^2 f_X(x) dx = \frac{a^2+b^2}{3}",
    ),
    (
        "the distribution function F_X under a density",
        r"X \sim \text{Exp}(\lambda); t > 0",
        r"F_X(t) = 1 - e^{-\lambda t}",
        r"F_X(t) = e^{-\lambda t}",
    ),
    (
        "normal with its variance",
        r"X \sim \mathcal{N}(\mu, \sigma^2)",
        r"\mathbb{E}[(X - \mu)^2] = \sigma^2",
        r"\mathbb{E}[(X - \mu)^2] = \sigma",
    ),
    (
        "exponential",
        r"X \sim \text{Exp}(\lambda)",
        r"E[X] = \frac{1}{\lambda}",
        r"E[X] = \lambda",
    ),
    (
        "exponential density",
        r"X \sim \text{Exp}(\lambda); x: positive",
        r"f_X(x) = \lambda e^{-\lambda x}",
        r"f_X(x) = \lambda e^{\lambda x}",
    ),
    (
        "an exponential law's tail",
        r"X \sim \text{Exp}(\lambda); x: positive",
        r"\mathbb{P}(X > x) = e^{-\lambda x}",
        r"\mathbb{P}(X > x) = 1 - e^{-\lambda x}",
    ),
    (
        "uniform on an interval of numbers",
        r"X \sim \text{Unif}(0, 1)",
        r"\mathbb{E}[X^2] = \frac{1}{3}",
        r"\mathbb{E}[X^2] = \frac{1}{2}",
    ),
    (
        "a uniform law's mean as the integral of its density over the real line (it jumps at 0 and 1)",
        r"X \sim \text{Unif}(0, 1)",
        r"\mathbb{E}[X] = \int^{\infty}_{-\infty} x f_X(x) dx = \int^1_0 x dx = \frac{1}{2}",
        r"\mathbb{E}[X] = \int^{\infty}_{-\infty} x f_X(x) dx = \int^1_0 x dx = \frac{1}{3}",
    ),
    (
        "uniform between two names",
        r"X \sim \mathcal{U}(a, b); a < b",
        r"\operatorname{Var}(X) = \frac{(b-a)^2}{12}",
        r"\operatorname{Var}(X) = \frac{b-a}{12}",
    ),
    (
        "beta",
        r"X \sim \text{Beta}(\alpha, \beta); \alpha > 0; \beta > 0",
        r"E[X] = \frac{\alpha}{\alpha + \beta}",
        r"E[X] = \frac{\beta}{\alpha + \beta}",
    ),
    (
        "gamma with a scale",
        r"X \sim \text{Gamma}(k, \theta)",
        r"E[X] = k\theta",
        r"E[X] = \frac{k}{\theta}",
    ),
    (
        "gamma with a rate",
        r"X \sim \text{Gamma}(\alpha, \beta)",
        r"E[X] = \frac{\alpha}{\beta}",
        r"E[X] = \alpha\beta",
    ),
    (
        "Laplace",
        r"X \sim \text{Laplace}(\mu, b)",
        r"\operatorname{Var}(X) = 2b^2",
        r"\operatorname{Var}(X) = b^2",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_correct_formula_passes_and_its_wrong_variant_fails(name, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.slow
@pytest.mark.parametrize("name, tag, correct, wrong", SLOW_PAIRS, ids=[p[0] for p in SLOW_PAIRS])
def test_under_a_density_a_correct_formula_passes_and_its_wrong_variant_fails(name, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_refutation_names_the_parameters(tmp_path):
    result, detail = verdict(tmp_path, r"X \sim \text{Bin}(n, p); n: dimension", r"E[X] = n(1-p)")
    assert result == "FAIL" and " n=" in detail and " p=" in detail, detail


@pytest.mark.parametrize(
    "tag, formula",
    [
        (r"X \sim \text{Geo}(p)", r"E[X] = \frac{1}{p}"),  # trials: holds; failures: fails
        (r"X \sim \text{Geo}(p)", r"E[X] = \frac{1-p}{p}"),  # the other way round
    ],
)
def test_a_geometric_law_without_its_support_leaves_the_mean_unknown(tag, formula, tmp_path):
    result, detail = verdict(tmp_path, tag, formula)
    assert result == "UNKNOWN" and "support 1, 2" in detail and "say which" in detail, (result, detail)


def test_a_normal_law_with_sigma_may_give_the_deviation(tmp_path):
    """N(mu, sigma): sigma may be the standard deviation or the variance; a formula that turns on it is UNKNOWN."""
    result, detail = verdict(tmp_path, r"\epsilon \sim \mathcal{N}(0, \sigma)", r"\mathbb{E}[\epsilon^2] = \sigma^2")
    assert result == "UNKNOWN" and "standard deviation" in detail, (result, detail)


@pytest.mark.parametrize(
    "tag, expected",
    [
        (r"X \sim \text{Multi}(n, \pi)", "not modelled"),
        (r"X \sim \text{Zipf}(s)", "names no law"),
        (r"X \sim \text{Bin}(p)", "takes 2"),
        (r"X \sim \text{Geo}(p); X \ge 2", "states its support"),
        (r"bernoulli_moments; Y \sim \text{Poi}(\lambda)", "probability model of its own"),
        (r"X \sim \text{Bin}(n, p); n: real", "not a whole number"),
        (r"X \sim \text{Gamma}(k, b) with rate k", "cannot read 'with rate k'"),
        (r"X \sim \text{Poi}(\lambda) with scale \lambda", "cannot read 'with scale"),
        (r"a_t \sim \pi(\cdot \mid s_t); s_{t+1} \sim P(\cdot \mid s_t, a_t)", "draws from a conditional law"),
    ],
)
def test_a_law_it_cannot_read_is_unknown_with_the_reason(tag, expected, tmp_path):
    result, detail = verdict(tmp_path, tag, r"\mathbb{E}[X] = 0")
    assert result in ("UNKNOWN", "UNPARSEABLE") and expected in detail, (result, detail)


def test_the_variance_of_a_vector_is_unknown_with_the_reason(tmp_path):
    """Var of a vector is a covariance matrix, or the entries' variances: not read."""
    result, detail = verdict(
        tmp_path,
        r"\epsilon \sim \mathcal{N}(0, 1); \mathbf{v} \in \mathbb{R}^n",
        r"\operatorname{Var}(\epsilon \mathbf{v}) = \mathbf{v}",
    )
    assert result == "UNKNOWN" and "of a vector" in detail, (result, detail)


def test_a_moment_generating_function_outside_its_domain_has_no_value(tmp_path):
    """E[e^{tX}] of a geometric law diverges for (1 - p) e^t >= 1: those points are set aside, never a counterexample."""
    result, detail = verdict(
        tmp_path, r"X \sim \text{Geo}(p); X \ge 1; t > 0", r"\mathbb{E}[e^{tX}] = \frac{p e^t}{1 - (1 - p) e^t}"
    )
    assert result in ("PASS", "UNKNOWN"), (result, detail)
    assert "FAIL" not in result


def test_the_probability_of_a_value_a_count_never_takes_is_set_aside(tmp_path):
    """P(X = k) for k a real number: points where k is not a value of X have no value, never a counterexample."""
    result, detail = verdict(
        tmp_path, r"X \sim \text{Poi}(\lambda); k: real", r"P(X = k) = \frac{\lambda^k e^{-\lambda}}{k!}"
    )
    assert result == "UNKNOWN" and "not a value X takes" in detail, (result, detail)


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (None, r"P(X = k) = \frac{1}{6}", ""),  # untagged: not decided (SKIPPED)
        (r"k: real", r"P(X = k) = \frac{1}{6}", "read only under a law"),
        (r"X \sim \text{Poi}(\lambda)", r"P(X = x, Y = y) = 0", "several parts"),
    ],
)
def test_an_event_without_a_law_is_unknown_with_the_reason(tag, formula, expected, tmp_path):
    result, detail = verdict(tmp_path, tag, formula)
    assert result in ("UNKNOWN", "SKIPPED") and expected in detail, (result, detail)


def test_a_tag_naming_the_probability_of_an_event_is_read_to_its_first_top_level_sign(tmp_path):
    """P(y = i) = ... in a tag: the name is P(y = i), not 'P(y'; the formula's P(y = i) is that value."""
    tag = r"softmax_jacobian; P(y = i) = \operatorname{softmax}(z)_i; o = z"
    result, detail = verdict(tmp_path, tag, r"P(y = i) \propto \exp o_i")
    assert result == "PASS", (result, detail)
    result, detail = verdict(tmp_path, tag, r"P(y = i) \propto \exp(-o_i)")
    assert result == "FAIL", (result, detail)


def test_a_law_the_tag_draws_from_without_declaring_it_is_not_the_function_the_formula_applies(tmp_path):
    # x \sim p(x) with p undeclared draws x from a law of its own: \sum_x p(x) f(x) would be read apart from E_x[f(x)]
    # and the definition of the expectation refuted, a false alarm; it is UNKNOWN with the reason
    found = verdict(tmp_path, r"x \sim p(x); f: function", r"E_x[f(x)] = \sum_x p(x) f(x)")
    assert found[0] == "UNKNOWN" and "without declaring p a distribution" in found[1], found
    # declared a distribution, p is x's law and the formula is decided
    assert_page_pass_and_fail(
        tmp_path,
        r"x \sim p(x); p: distribution; f: function",
        r"E_x[f(x)] = \sum_x p(x) f(x)",
        r"E_x[f(x)] = \sum_x p(x) f(x)^2",
    )
    # a formula that does not apply p is read as before
    assert verdict(tmp_path, r"x \sim p(x)", r"E_x[x^2] \ge E_x[x]^2")[0] == "PASS"


@pytest.mark.parametrize(
    "correct, wrong",
    [
        (  # Bayes' rule up to the evidence: the ratio runs over the text, the speech held
            r"p(\text{text} \mid \text{speech}) \propto p(\text{text}) p(\text{speech} \mid \text{text})",
            r"p(\text{text} \mid \text{speech}) \propto p(\text{speech}) p(\text{speech} \mid \text{text})",
        ),
        (r"p(y \mid x) \propto p(x, y)", r"p(y \mid x) \propto p(x)"),
    ],
)
def test_a_conditional_law_is_proportional_over_the_outcomes_before_its_bar(tmp_path, correct, wrong):
    """p(a | b) ∝ ...: one positive ratio over the values of a, for each b (the factor may depend on b)."""
    tag = r"\text{text}, \text{speech}, x, y: random variables with joint distribution p"
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)
    result, detail = verdict(tmp_path, tag, wrong)
    assert "not a proportionality" in detail and "the ratio left/right" in detail, (result, detail)


DUELING = r"A^\pi(s, a) = Q^\pi(s, a) - V^\pi(s); V^\pi(s) = \mathbb{E}_{a \sim \pi(s)}[Q^\pi(s, a)]; Q^\pi: function"


def test_a_policy_law_at_a_state_is_any_law_over_the_actions(tmp_path):
    """a \\sim \\pi(s) that nothing binds: the policy's law at s, an arbitrary one over the actions; the advantage
    averages to 0 under it, and a wrong mean is refuted with the law it was found with."""
    assert_page_pass_and_fail(
        tmp_path,
        DUELING,
        r"\mathop{\mathbb{E}}_{a \sim \pi(s)} \Big[ A^\pi(s, a) \Big] = 0",
        r"\mathop{\mathbb{E}}_{a \sim \pi(s)} \Big[ A^\pi(s, a) \Big] = 1",
    )
    result, detail = verdict(tmp_path, DUELING, r"\mathop{\mathbb{E}}_{a \sim \pi(s)} \Big[ A^\pi(s, a) \Big] = 1")
    assert "pi(k | s) = " in detail, (result, detail)


def test_a_policy_law_at_an_expression_is_not_read(tmp_path):
    result, detail = verdict(tmp_path, "Q: function", r"\mathbb{E}_{a \sim \pi(s+1)}[Q(s,a)] = 0")
    assert result == "UNKNOWN" and "'pi(s+1)' is not bound" in detail, (result, detail)


WORDS = r"p(\textsf{cheese}) = 0.4; p(\textsf{mouse}) = 0.6"


def test_a_tag_gives_a_value_at_an_event_written_in_words(tmp_path):
    """P(i \\text{ beats } j) = ... gives P's value at that event, not a function of i: P(j \\text{ beats } i) is
    another event, given its own value, so the log-odds of i beating j is refuted with the sign swapped and holds as
    written; an event the tag does not give is not that value."""
    tag = (
        r"P(i \text{ beats } j) = \frac{e^{s_i}}{e^{s_i} + e^{s_j}}; P(j \text{ beats } i) = \frac{e^{s_j}}{e^{s_i} + e^{s_j}};"
        r" s_i, s_j \in \mathbb{R}"
    )
    ratio = r"\log \frac{P(i \text{ beats } j)}{P(j \text{ beats } i)}"
    assert_page_pass_and_fail(tmp_path, tag, ratio + " = s_i - s_j", ratio + " = s_j - s_i")
    one = r"P(i \text{ beats } j) = \frac{e^{s_i}}{e^{s_i} + e^{s_j}}; s_i, s_j \in \mathbb{R}"
    result, detail = verdict(tmp_path, one, r"P(j \text{ beats } i) = \frac{e^{s_i}}{e^{s_i} + e^{s_j}}")
    assert result == "UNKNOWN", (result, detail)


def test_a_tag_gives_a_laws_values_at_words(tmp_path):
    """p(\\textsf{cheese}) = 0.4 gives p's value at the word cheese, not p(x) = 0.4 for every x: the values add up, a
    wrong total is refuted, and p at a word the tag does not give, or under a subscript, is not that value."""
    assert_page_pass_and_fail(
        tmp_path,
        WORDS,
        r"p(\textsf{cheese}) + p(\textsf{mouse}) = 1",
        r"p(\textsf{cheese}) + p(\textsf{mouse}) = 1.1",
    )
    result, detail = verdict(tmp_path, r"p(\textsf{cheese}) = 0.4", r"p(\textsf{mouse}) = 0.4")
    assert result == "UNKNOWN" and "the tag gives p at other arguments only" in detail, (result, detail)
    # the same for a conditional value at words: the tag's p(rain | coat) is not p(sun | coat)
    result, detail = verdict(
        tmp_path, r"p(\text{rain} \mid \text{coat}) = 0.3", r"p(\text{sun} \mid \text{coat}) = 0.3"
    )
    assert result == "UNKNOWN" and "the tag gives p at other arguments only" in detail, (result, detail)
    assert (
        verdict(tmp_path, r"p(\text{rain} \mid \text{coat}) = 0.3", r"p(\text{rain} \mid \text{coat}) = 0.3")[0]
        == "PASS"
    )
    assert (
        verdict(tmp_path, r"p(\text{rain} \mid \text{coat}) = 0.3", r"p(\text{rain} \mid \text{coat}) = 0.4")[0]
        == "FAIL"
    )
    result, detail = verdict(tmp_path, WORDS, r"p_{T=0.5}(\textsf{cheese}) = 0.4")
    assert result == "UNKNOWN", (result, detail)
    # a definition applying p to its parameter, given a word, reads p at that word (not the shared notation's p)
    tempered = rf"{WORDS}; p_T(w) = \frac{{p(w)^{{1/T}}}}{{p(\textsf{{cheese}})^{{1/T}} + p(\textsf{{mouse}})^{{1/T}}}}; T = 0.5"
    assert_page_pass_and_fail(tmp_path, tempered, r"p_T(\textsf{cheese}) = 0.31", r"p_T(\textsf{cheese}) = 0.4")


def test_values_a_tag_gives_at_named_arguments_are_not_values_at_words(tmp_path):
    """d(a_i, n_i) \\ge d(a_i, p_i) + margin gives d at two named arguments, not at words: d at its own arguments
    stays a number of the tag's (the triplet loss is zero once the negative is farther by the margin)."""
    tag = r"d(a_i, n_i) \ge d(a_i, p_i) + {\rm margin}; d(a_i, p_i) \ge 0; {\rm margin} > 0"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"\max \{d(a_i, p_i) - d(a_i, n_i) + {\rm margin}, 0\} = 0",
        r"\max \{d(a_i, p_i) - d(a_i, n_i) + {\rm margin}, 0\} = {\rm margin}",
    )


def test_a_value_set_in_a_subscript_picks_the_member_of_the_tags_family(tmp_path):
    """p_{T=0.5}(\\textsf{cheese}) is the tag's p_T at T = 0.5, applied at the word: 0.4^2 / (0.4^2 + 0.6^2) = 0.31;
    the law at T = 0 (a division by T) has no value there: T = 0 is read as the limit T -> 0, decided when both sides
    agree or the tag says T > 0, else not."""
    tag = rf"{WORDS}; p_T(w) = \frac{{p(w)^{{1/T}}}}{{p(\textsf{{cheese}})^{{1/T}} + p(\textsf{{mouse}})^{{1/T}}}}"
    assert_page_pass_and_fail(
        tmp_path,
        tag,
        r"p_{T=0.5}(\textsf{cheese}) = 0.31, \quad p_{T=0.5}(\textsf{mouse}) = 0.69",
        r"p_{T=0.5}(\textsf{cheese}) = 0.45, \quad p_{T=0.5}(\textsf{mouse}) = 0.55",
    )
    result, detail = verdict(tmp_path, tag, r"p_{T=0}(\textsf{cheese}) = 0")
    assert result == "UNKNOWN" and "from above PASS" in detail and "from below FAIL" in detail, (result, detail)
    # the most probable word from above, the least probable from below: 0.5 is neither
    result, detail = verdict(tmp_path, tag, r"p_{T=0}(\textsf{cheese}) = 0.5")
    assert result == "FAIL" and "from either side" in detail, (result, detail)
    assert_page_pass_and_fail(
        tmp_path, f"{tag}; T > 0", r"p_{T=0}(\textsf{cheese}) = 0", r"p_{T=0}(\textsf{cheese}) = 1"
    )
    result, _ = verdict(tmp_path, tag, r"p_{T=0.5}(\textsf{cheese}) = p_{T=0.2}(\textsf{cheese})")  # two settings
    assert result == "UNKNOWN"
