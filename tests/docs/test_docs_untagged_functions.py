"""Untagged formulas with unknown functions, definitions followed by claims, and numbers written as sums.

Each rule keeps a correct formula that PASSes and a wrong variant that FAILs (or, where the
rule may only PASS, a wrong variant left undecided), and the readings that must never FAIL
(a functional or differential equation, a conditional probability, a definition that gives a
known name a meaning of its own) are checked to stay undecided.
"""

import pytest

from derive.docs.free import NotIdentity, free_reading
from derive.docs.report import check_paths
from derive.docs.untagged import KNOWN_FUNCTIONS, opaque_function


def one(tmp_path, formula):
    """Verdict and detail of a Markdown document holding just ``formula``."""
    doc = tmp_path / "page.md"
    doc.write_text(f"Some prose.\n\n$${formula}$$\n")
    [record] = check_paths([doc], use_cache=False)
    return record.verdict, record.detail


# --- an unknown function's values as numbers of their own ------------------------------


@pytest.mark.parametrize(
    "right, wrong",
    [
        (  # a Monte Carlo update, rewritten: V(S_t) is one number
            r"(1- \alpha) V(S_t) + \alpha G_t = V(S_t) + \alpha (G_t - V(S_t))",
            r"(1- \alpha) V(S_t) + \alpha G_t = V(S_t) + \alpha (V(S_t) - G_t)",
        ),
        (  # Bradley-Terry: the rewards of two answers are two numbers
            r"\frac{\exp(r^*(x, y_1))}{\exp(r^*(x, y_1)) + \exp(r^*(x, y_2))} = \sigma(r^*(x, y_1) - r^*(x, y_2))",
            r"\frac{\exp(r^*(x, y_1))}{\exp(r^*(x, y_1)) + \exp(r^*(x, y_2))} = \sigma(r^*(x, y_2) - r^*(x, y_1))",
        ),
        (  # a network's output under an accent, \hat{v}_\theta(z): one value, rotated with z
            r"(\cos a \cos b + \sin a \sin b) \mathbf{z} + (\sin a \cos b - \cos a \sin b) \hat{\mathbf{v}}_\theta(\mathbf{z})"
            r" = \cos(a - b) \mathbf{z} + \sin(a - b) \hat{\mathbf{v}}_\theta(\mathbf{z})",
            r"(\cos a \cos b + \sin a \sin b) \mathbf{z} + (\sin a \cos b - \cos a \sin b) \hat{\mathbf{v}}_\theta(\mathbf{z})"
            r" = \cos(a - b) \mathbf{z} + \sin(b - a) \hat{\mathbf{v}}_\theta(\mathbf{z})",
        ),
        (
            r"-\log \frac{q(x)}{p(x)} = -\log(q(x)) - (-\log(p(x)))",
            r"-\log \frac{q(x)}{p(x)} = -\log(q(x)) + (-\log(p(x)))",
        ),
        (  # under a limit whose variable its argument does not write, g(\mathbf{u}) is one number all the same
            r"\lim_{s \to 0} \frac{g^{(k)}(\mathbf{u})^s - 1}{s} = \log g^{(k)}(\mathbf{u})",
            r"\lim_{s \to 0} \frac{g^{(k)}(\mathbf{u})^s - 1}{s} = \frac{1}{\log g^{(k)}(\mathbf{u})}",
        ),
    ],
)
def test_an_unknown_function_at_plain_arguments_is_decided_for_all_its_values(tmp_path, right, wrong):
    verdict, detail = one(tmp_path, right)
    assert verdict == "PASS", detail
    verdict, detail = one(tmp_path, wrong)
    assert verdict == "FAIL", detail
    assert "refuted for real values, positive values" in detail and "values in (0, 1)" in detail


def test_the_values_are_keyed_as_a_tag_declares_them():
    kinds = free_reading(r"(1-a) V(S_t) + a G = V(S_t) + a (G - V(S_t))", KNOWN_FUNCTIONS, set(), frozenset({"V"}))
    assert kinds == {"V(St)": "real", "a": "real", "G": "real"}


@pytest.mark.parametrize(
    "formula, why",
    [
        (r"g'(z) = g(z)(1 - g(z))", "derivative of g"),  # a differential equation: a property of one g
        (r"\frac{d}{dx}[f(x)g(x)] = f'(x)g(x) - f(x)g'(x)", "under a derivative"),
        # a functional equation; equal arguments written differently (read as a product where it is not a name)
        (r"g(\mathbf{x} + b) = g(\mathbf{x}) + b", "not all plain names|applies a function"),
        (r"f(2x) = f(x + x)", "not all plain names|applies a function"),
        (r"P(A \mid B) = \frac{P(B \mid A) P(A)}{P(B)}", "conditional probability"),
        (r"\sum_x f(x) \log f(x) = \sum_x f(x) \log f(x) + 0", "summed or bound variable"),
        (r"\lim_{h \to 0} f(h) = f(0)", "under a derivative, a limit"),  # f at the limit's own variable
        (r"\lim_{n \to \infty} f_n(x) = f(x)", "under a derivative, a limit"),  # a sequence of functions
        (r"\lim_{k \to \infty} g^{(k)}(x) = 0", "under a derivative, a limit"),
    ],
)
def test_values_tied_by_what_the_function_is_are_not_numbers_of_their_own(formula, why):
    names = {"f", "g", "P", "p"}
    with pytest.raises(NotIdentity, match=why):
        free_reading(formula, KNOWN_FUNCTIONS, set(), frozenset(names))


@pytest.mark.parametrize(
    "formula",
    [
        r"g'(z) = g(z)(1 - g(z))",  # true of the sigmoid the text defined before
        r"g(\mathbf{x} + b) = g(\mathbf{x}) + b",  # true of log-sum-exp
        r"P(A \mid B) = P(A)",  # true of independent A and B (a wrong Bayes' rule is refuted: test_docs_untagged_laws)
        r"\psi(x) + \psi(-x) = x",  # (zeta and Phi are known by convention: the softplus, the normal CDF)
        r"x \psi(x) = \frac{x}{2}\left(1 + \operatorname{erf}\left(\frac{x}{2}\right)\right)",
        r"\phi(x) + \phi(-x) = x",  # phi is the normal density only beside Phi
    ],
)
def test_a_claim_about_one_particular_function_is_never_refuted(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "SKIPPED", detail


def test_only_one_letter_names_written_before_a_parenthesis_are_unknown_functions():
    assert opaque_function("V", r"V(S_t) + 1")
    assert opaque_function("r", r"\exp(r^*(x, y_1))")
    assert opaque_function("pi", r"\log \pi_{\theta}(a|s)")
    assert not opaque_function("x", r"x + 1")  # a variable
    assert not opaque_function("softplus", r"\operatorname{softplus}(x)")  # one function, unknown to the checker
    assert not opaque_function("H", r"H(X)")  # entropy: a function the checker knows
    assert opaque_function("hat_v", r"\hat{\mathbf{v}}_\theta(\mathbf{z}) + 1")  # one letter under an accent
    assert not opaque_function("hat_v", r"\hat{v} + 1")  # not applied


# --- a definition followed by claims about its value -----------------------------------


@pytest.mark.parametrize(
    "right, wrong",
    [
        (r"\delta_3 = 2 + 1 - 4 = -1", r"\delta_3 = 2 + 1 - 4 = 1"),
        (
            r"L(y_{\text{pred}}, y_{\text{true}}) = y_{\text{true}} \log \frac{y_{\text{true}}}{y_{\text{pred}}}"
            r" = y_{\text{true}} (\log y_{\text{true}} - \log y_{\text{pred}})",
            r"L(y_{\text{pred}}, y_{\text{true}}) = y_{\text{true}} \log \frac{y_{\text{true}}}{y_{\text{pred}}}"
            r" = y_{\text{true}} (\log y_{\text{pred}} - \log y_{\text{true}})",
        ),
    ],
)
def test_the_links_after_a_definition_are_claims(tmp_path, right, wrong):
    verdict, detail = one(tmp_path, right)
    assert (verdict, detail.startswith("untagged: definition of")) == ("PASS", True), detail
    verdict, detail = one(tmp_path, wrong)
    assert (verdict, detail.startswith("untagged: definition of")) == ("FAIL", True), detail


def test_a_definition_followed_by_an_equation_is_not_refuted(tmp_path):
    verdict, detail = one(tmp_path, r"d_k = d_v = d_{\text{model}}/h = 32")  # true for the paper's d_model, h
    assert verdict == "SKIPPED", detail


def test_a_definition_with_one_link_binds_and_claims_nothing(tmp_path):
    verdict, detail = one(tmp_path, r"\delta_3 = 2 + 1 - 5")
    assert (verdict, detail) == ("SKIPPED", "untagged definition of delta_3: nothing to check")


def test_a_definition_of_a_known_name_passes_when_it_agrees_and_is_the_authors_own_otherwise(tmp_path):
    verdict, detail = one(tmp_path, r"\sigma(x) = \frac{\exp(x)}{\exp(x) + \exp(0)}")
    assert verdict == "PASS" and "agrees with the usual meaning" in detail, detail
    for own in (r"\sigma(x) = \frac{\exp(-x)}{\exp(-x) + \exp(0)}", r"\sigma(x) = \max(0, x)"):
        verdict, detail = one(tmp_path, own)
        assert verdict == "SKIPPED", detail


# --- numbers written with sums, derivatives at a point and integrals --------------------


@pytest.mark.parametrize(
    "right, wrong",
    [
        (r"\sum_{t=0}^{2} 0.9^t \cdot 1 = 2.71", r"\sum_{t=0}^{2} 0.9^t \cdot 1 = 3"),
        (
            r"\left.\frac{d}{d\theta} \theta^9(1-\theta)^4\right|_{\theta = 9/13} = 0",
            r"\left.\frac{d}{d\theta} \theta^9(1-\theta)^4\right|_{\theta = 9/14} = 0",
        ),
        (r"(e^{0.5}, e^{-1}, e^0) \approx (1.65, 0.37, 1)", r"(e^{0.5}, e^{-1}, e^0) \approx (1.65, 0.47, 1)"),
    ],
)
def test_a_value_written_with_bound_variables_only_is_arithmetic(tmp_path, right, wrong):
    assert one(tmp_path, right)[0] == "PASS"
    verdict, detail = one(tmp_path, wrong)
    assert verdict == "FAIL", detail


def test_an_integrals_bounds_are_outside_its_variable(tmp_path):
    verdict, detail = one(tmp_path, r"\int_0^{x} e^{y} \; dy = e^{x} - e^{0} = e^x - 1")
    assert verdict == "PASS", detail
    verdict, detail = one(tmp_path, r"\int_0^{x} e^{x} \; dx = e^{x} - e^{0} = e^x")
    assert verdict == "FAIL", detail


def test_a_pass_says_where_the_sides_have_values(tmp_path):
    verdict, detail = one(tmp_path, r"\sum_{k=0}^{\infty} \gamma^k = \frac{1}{1-\gamma}")
    assert verdict == "PASS", detail
    assert "where both sides have a value (gamma in [" in detail
    low, high = (float(x) for x in detail.split("gamma in [")[1].split("]")[0].split(","))
    assert -1 < low < high < 1  # the series converges for |gamma| < 1 only
    verdict, detail = one(tmp_path, r"\sum_{k=0}^{\infty} \gamma^k = \frac{1}{1+\gamma}")
    assert verdict == "FAIL", detail


# --- distributions: the arguments of entropies and divergences, and the law of an expectation ----


@pytest.mark.parametrize(
    "right, wrong",
    [
        (r"H(P, P) = H(P)", r"H(P, P) = 2H(P)"),
        (r"H(p) = -\sum_i p_i \log p_i", r"H(p) = \sum_i p_i \log p_i"),  # p_i: the probabilities of p
        (
            r"D_{KL}(p \| q) = \sum_i p_i \log p_i - \sum_i p_i \log q_i",
            r"D_{KL}(p \| q) = \sum_i p_i \log q_i - \sum_i p_i \log p_i",
        ),
        (
            r"\mathbb{E}_{x \sim q}\left[-\log \frac{p(x)}{q(x)}\right] = D_{KL}(q \| p)",
            r"\mathbb{E}_{x \sim q}\left[-\log \frac{p(x)}{q(x)}\right] = D_{KL}(p \| q)",
        ),
        (
            r"\mathbb{E}_{o \sim \pi_\theta}\left[\frac{\pi_{\text{ref}}(o)}{\pi_\theta(o)}"
            r" - \log \frac{\pi_{\text{ref}}(o)}{\pi_\theta(o)} - 1\right] = D_{\text{KL}}(\pi_\theta \| \pi_{\text{ref}})",
            r"\mathbb{E}_{o \sim \pi_\theta}\left[\frac{\pi_{\text{ref}}(o)}{\pi_\theta(o)}"
            r" - \log \frac{\pi_{\text{ref}}(o)}{\pi_\theta(o)} - 1\right] = D_{\text{KL}}(\pi_{\text{ref}} \| \pi_\theta)",
        ),
        (  # a letter under an accent, an empirical law: a distribution of its own beside the model's Q_θ
            r"KL(\hat{P} \| Q_\theta) = \sum_x \hat{P}(x) \log \hat{P}(x) - \sum_x \hat{P}(x) \log Q_\theta(x)",
            r"KL(\hat{P} \| Q_\theta) = \sum_x \hat{P}(x) \log \hat{P}(x) + \sum_x \hat{P}(x) \log Q_\theta(x)",
        ),
        (r"H(\tilde{p}, q) = -\sum_x \tilde{p}(x) \log q(x)", r"H(\tilde{p}, q) = -\sum_x q(x) \log \tilde{p}(x)"),
        (  # a starred law, the true one beside the model's p: a law of its own, drawn from too
            r"KL(p^* \| p) = -H(p^*) - \mathbb{E}_{x \sim p^*}[\log p(x)]",
            r"KL(p^* \| p) = H(p^*) - \mathbb{E}_{x \sim p^*}[\log p(x)]",
        ),
    ],
)
def test_the_arguments_of_entropies_and_divergences_are_distributions(tmp_path, right, wrong):
    verdict, detail = one(tmp_path, right)
    assert verdict == "PASS" and "(a distribution)" in detail, detail
    verdict, detail = one(tmp_path, wrong)
    assert verdict == "FAIL", detail


def test_an_expectation_set_to_a_number_passes_only(tmp_path):
    verdict, detail = one(tmp_path, r"\mathbb{E}_{x \sim q}\left[\frac{p(x)}{q(x)}\right] = 1")
    assert verdict == "PASS", detail
    verdict, detail = one(tmp_path, r"\mathbb{E}_{x \sim q}\left[\frac{p(x)}{q(x)}\right] = 0")
    assert verdict == "SKIPPED", detail


@pytest.mark.parametrize(
    "formula",
    [
        r"H(X, Y) = H(X) + H(Y)",  # true of independent X and Y
        r"H(Z \mid W) = H(Z)",  # W on one side only: Z and W independent, a condition
        r"D_{KL}(p \| q) = H(P) - H(P, Q)",  # p and P: one distribution or two?
        r"\frac{1}{2} D_{KL}(P \| M) + \frac{1}{2} D_{KL}(Q \| M) = H(M)",  # M, a mixture defined elsewhere?
    ],
)
def test_quantities_of_particular_random_variables_are_not_refuted(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "SKIPPED", detail


def test_a_definition_of_a_divergence_passes_when_it_agrees_and_fails_when_it_does_not(tmp_path):
    """A cross-entropy, an entropy or a KL divergence of distributions has one meaning: stating it wrongly is a
    mistake, not a meaning of the author's own, as σ(x) = max(0, x) may be."""
    verdict, detail = one(tmp_path, r"\textrm{CE} (P, Q) = H(P) + D_{\textrm{KL}}(P\|Q)")
    assert verdict == "PASS" and "agrees with the usual meaning" in detail, detail
    for wrong in (
        r"\textrm{CE} (P, Q) = H(P) + D_{\textrm{KL}}(Q\|P)",
        r"H(p) = \sum_x p(x) \log p(x)",
        r"KL(p \| q) = \sum_x p(x) \log \frac{q(x)}{p(x)}",
    ):
        verdict, detail = one(tmp_path, wrong)
        assert verdict == "FAIL" and "has one meaning here, and it refutes" in detail, detail


def test_a_definition_of_gamma_by_a_factorial_is_the_gamma_function(tmp_path):
    """Γ(n) = (n - 1)! states Euler's gamma function on the integers: it is decided, a shifted factorial refuted,
    while Γ defined without a factorial may be a function of the author's own."""
    verdict, detail = one(tmp_path, r"\Gamma(n) = (n-1)!")
    assert verdict == "PASS" and "agrees with the usual meaning" in detail, detail
    verdict, detail = one(tmp_path, r"\Gamma(n) = n!")
    assert verdict == "FAIL" and "Gamma has one meaning here, and it refutes" in detail, detail
    verdict, detail = one(tmp_path, r"\Gamma(x) = \int_0^\infty t^{x-1} e^{-t} dt")
    assert verdict == "PASS" and "agrees with the usual meaning" in detail, detail
    for own in (r"\Gamma(x) = x^2", r"\Gamma(x) = \int_0^\infty t^{x} e^{-t} dt"):
        verdict, detail = one(tmp_path, own)
        assert verdict == "SKIPPED", detail


@pytest.mark.parametrize(
    "own",
    [
        r"D(p, q) = \frac{1}{2}\sum_x |p(x) - q(x)|",  # D may name a distance of the author's own
        r"H(p) = \sum_x p(x) \log_2 p(x)",  # in bits, beside a base-2 logarithm: not refuted in nats
        r"\operatorname{Var}(X) = E[X^2]",  # true of X with mean 0: a law the text may state
    ],
)
def test_a_definition_the_usual_meaning_does_not_refute_for_sure_stays_the_authors_own(tmp_path, own):
    verdict, detail = one(tmp_path, own)
    assert verdict == "SKIPPED", detail


# --- random variables X and Y: a joint law, and independent standardised ones -----------------


@pytest.mark.parametrize(
    "right, wrong",
    [
        (r"H(Y \mid X) = H(X, Y) - H(X)", r"H(Y \mid X) = H(X, Y) - H(Y)"),
        (
            r"\text{Var}(X+Y) = \text{Var}(X) + \text{Var}(Y) + 2\text{Cov}(X,Y)",
            r"\textrm{Var}(X-Y) = \textrm{Var}(X) - \textrm{Var}(Y)",
        ),
    ],
)
def test_random_variables_are_decided_under_a_joint_law_and_refuted_for_independent_ones_too(tmp_path, right, wrong):
    verdict, detail = one(tmp_path, right)
    assert verdict == "PASS" and "under a joint law" in detail, detail
    verdict, detail = one(tmp_path, wrong)
    assert verdict == "FAIL" and "for independent X, Y with" in detail, detail


def test_free_numbers_beside_random_variables(tmp_path):
    assert one(tmp_path, r"\textrm{Var}(aX) = a^2\textrm{Var}(X)")[0] == "PASS"
    assert one(tmp_path, r"\textrm{Var}(aX) = a\textrm{Var}(X)")[0] == "FAIL"
    assert one(tmp_path, r"\mathbb{E}[aX + b] = a\mathbb{E}[X] + b")[0] == "PASS"
    for equation in (
        r"\mathbb{E}[aX + b] = a\mathbb{E}[X]",  # b on one side: an equation
        r"H(X) \geq \log(k)",  # k on one side: a condition on k
    ):
        verdict, detail = one(tmp_path, equation)
        assert verdict == "SKIPPED", detail


@pytest.mark.parametrize(
    "formula",
    [
        r"\textrm{Var}(X+Y) = \textrm{Var}(X) + \textrm{Var}(Y)",  # true of independent X and Y
        r"\text{Var}(w x) = [E(w)]^2\text{Var}(x) + [E(x)]^2\text{Var}(w)",  # w, x random or numbers?
        r"\mathbb{E}[X] = \mu",  # an equation
    ],
)
def test_claims_about_particular_random_variables_are_not_refuted(tmp_path, formula):
    verdict, detail = one(tmp_path, formula)
    assert verdict == "SKIPPED", detail


def test_mutual_information_is_symmetric(tmp_path):
    verdict, detail = one(tmp_path, r"I(X, Y) = I(Y, X)")
    assert verdict == "PASS", detail
    verdict, detail = one(tmp_path, r"I(X;Y) = H(X) - H(X \mid Y)")  # a definition that agrees
    assert verdict == "PASS" and "agrees with the usual meaning" in detail, detail
    verdict, detail = one(tmp_path, r"I(X;Y) = H(X) + H(X \mid Y)")  # the mutual information stated wrongly
    assert verdict == "FAIL" and "I has one meaning here" in detail, detail


def test_a_documents_own_covariance_and_the_moments_of_x_are_not_replaced_by_a_drawn_law(tmp_path):
    doc = tmp_path / "page.md"
    doc.write_text(
        "$$\\textrm{Cov}(X, X) = \\textrm{Var}(X)$$\n\n"  # a claim (X twice), not a definition of Cov
        "$$\\textrm{Var}(X+Y) = \\textrm{Var}(X) + \\textrm{Var}(Y) + 2\\textrm{Cov}(X, Y)$$\n\n"
        "$$\\textrm{Cov}(X, Y) = E[(X-\\mu_X)(Y-\\mu_Y)]$$\n\n"  # the document's own Cov, in terms of mu_X
        "$$\\textrm{Var}(X+Y) = \\textrm{Var}(X) + \\textrm{Var}(Y) + 2\\textrm{Cov}(X, Y)$$\n\n"
    )
    # the document's Cov agrees with the usual one (mu_X the mean of X), but it is the one in force after it
    assert [r.verdict for r in check_paths([doc], use_cache=False)] == ["PASS", "PASS", "PASS", "SKIPPED"]
    verdict, detail = one(tmp_path, r"E[(X - \mu_X)^2] = E[X^2] - \mu_X^2")  # mu_X: the mean of X
    assert verdict == "PASS", detail
    verdict, detail = one(tmp_path, r"E[(X - \mu_X)^2] = E[X^2] + \mu_X^2")  # true for X of mean 0, which it writes
    assert verdict == "FAIL" and "the mean of X of their own" in detail, detail


def test_a_chain_from_a_quantity_of_one_meaning_is_decided_with_that_meaning(tmp_path):
    verdict, detail = one(tmp_path, r"\textrm{Var}(X) = E\left[(X-\mu_X)^2\right] = E[X^2] - \mu_X^2")
    assert verdict == "PASS" and "with the usual meaning of Var" in detail, detail
    verdict, detail = one(tmp_path, r"\textrm{Var}(X) = E\left[(X-\mu_X)^2\right] = E[X^2] + \mu_X^2")
    assert verdict == "FAIL" and "Var has one meaning here, and with it the formula fails" in detail, detail
    verdict, detail = one(tmp_path, r"\textrm{Var}(X) = E\left[(X-\mu_X)^2\right] = E[X^2] + c")  # c: solved for
    assert verdict == "SKIPPED", detail


def test_a_chain_consistent_with_a_wrong_first_link_is_still_refuted_by_the_one_meaning(tmp_path):
    reverse = r"D_{KL}(P \| Q) = \sum_x Q(x) \log \frac{Q(x)}{P(x)} = -\sum_x Q(x) \log \frac{P(x)}{Q(x)}"
    verdict, detail = one(tmp_path, reverse)  # the reverse divergence, its rest consistent with it
    assert verdict == "FAIL" and "D_KL has one meaning here, and with it the formula fails" in detail, detail
    forward = r"D_{KL}(P \| Q) = \sum_x P(x) \log \frac{P(x)}{Q(x)} = -\sum_x P(x) \log \frac{Q(x)}{P(x)}"
    verdict, detail = one(tmp_path, forward)
    assert verdict == "PASS" and "with the usual meaning of D_KL" in detail, detail
    verdict, detail = one(tmp_path, r"\textrm{Var}(X) = E[X^2] + E[X]^2 = E[X^2] + E[X] E[X]")
    assert verdict == "FAIL" and "Var has one meaning here" in detail, detail


def test_a_chain_from_a_name_of_other_meanings_refuted_by_the_usual_one_is_not_passed(tmp_path):
    gini = r"H(p) = \sum_k p_k (1 - p_k) = 1 - \sum_k p_k^2"  # a Gini impurity may be called H: never FAIL
    verdict, detail = one(tmp_path, gini)
    assert verdict == "SKIPPED" and "the usual meaning of H refutes the chain's first link" in detail, detail
    verdict, detail = one(tmp_path, r"H(p) = -\sum_k p_k \log p_k = \sum_k p_k \log \frac{1}{p_k}")
    assert verdict == "PASS", detail
