"""Events written inside a law, ``P(X = x, Y = y)``, ``P(B \\mid A = a)``, ``q(\\mathbf{x} \\mid y = 1)``: read under
a joint law of the formula's outcomes, a result's hypotheses or the tag's definition. Each rule reads a correct formula
(PASS) and refutes a wrong variant (FAIL) by the same machinery; a reading the formula leaves open is UNKNOWN."""

import pytest
from checking import verdict

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "marginal of an event of several parts",
        "",
        r"P(X=x) = \sum_y P(X=x, Y=y)",
        r"P(X=x) = \prod_y P(X=x, Y=y)",
    ),
    (
        "total probability over the values of a conditioning outcome",
        "",
        r"P(X=x) = \sum_y P(X=x \mid Y=y) P(Y=y)",
        r"P(X=x) = \sum_y P(X=x \mid Y=y)",
    ),
    (
        "Bayes' rule with written values of a label",
        "",
        r"\frac{q(\mathbf{x} \vert y=1)}{q(\mathbf{x} \vert y=0)} = \frac{q(y=0)}{q(y=1)}"
        r" \frac{q(y=1 \vert \mathbf{x})}{q(y=0 \vert \mathbf{x})}",
        r"\frac{q(\mathbf{x} \vert y=1)}{q(\mathbf{x} \vert y=0)} = \frac{q(y=1)}{q(y=0)}"
        r" \frac{q(y=1 \vert \mathbf{x})}{q(y=0 \vert \mathbf{x})}",
    ),
    (
        "a law the result does not define is a joint law of its outcomes",
        "bayes_rule",
        r"\frac{q(x \mid y=1) q(y=1)}{q(x)} = q(y=1 \mid x)",
        r"\frac{q(x \mid y=1) q(y=1)}{q(x)} = q(y=0 \mid x)",
    ),
    (
        "the hypothesis A = a of Bayes' rule, summed over its values",
        "bayes_rule",
        r"P(A \mid B) = \frac{P(B \mid A) P(A)}{\sum_a P(B \mid A=a) P(A = a)}",
        r"P(A \mid B) = \frac{P(B \mid A) P(A)}{\sum_a P(B \mid A=a)}",
    ),
    (
        "a transition law of four outcomes, the reward summed out (primed names are outcomes of their own)",
        "",
        r"P(s' \vert s, a) = \sum_r P(s', r \vert s, a)",
        r"P(s' \vert s, a) = \prod_r P(s', r \vert s, a)",
    ),
    (
        "the evidence lower bound's decomposition: a divergence between conditional laws, a draw from one",
        "",
        r"\log p_\theta(\mathbf{x}) - D_\text{KL}( q_\phi(\mathbf{z}\vert\mathbf{x}) \| p_\theta(\mathbf{z}\vert\mathbf{x}) )"
        r" = \mathbb{E}_{\mathbf{z}\sim q_\phi(\mathbf{z}\vert\mathbf{x})}\log p_\theta(\mathbf{x}\vert\mathbf{z})"
        r" - D_\text{KL}(q_\phi(\mathbf{z}\vert\mathbf{x}) \| p_\theta(\mathbf{z}))",
        r"\log p_\theta(\mathbf{x}) - D_\text{KL}( q_\phi(\mathbf{z}\vert\mathbf{x}) \| p_\theta(\mathbf{z}\vert\mathbf{x}) )"
        r" = \mathbb{E}_{\mathbf{z}\sim q_\phi(\mathbf{z}\vert\mathbf{x})}\log p_\theta(\mathbf{x}\vert\mathbf{z})"
        r" + D_\text{KL}(q_\phi(\mathbf{z}\vert\mathbf{x}) \| p_\theta(\mathbf{z}))",
    ),
    (
        "the evidence lower bound, under any law of z given x",
        "",
        r"\log p(x) \ge \mathbb{E}_{z \sim q(z \mid x)}\left[\log p(x, z) - \log q(z \mid x)\right]",
        r"\log p(x) \le \mathbb{E}_{z \sim q(z \mid x)}\left[\log p(x, z) - \log q(z \mid x)\right]",
    ),
    (
        "a conditional law of two outcomes given two",
        "",
        r"p(x, w \mid y, z) = \frac{p(x, w, y, z)}{p(y, z)}",
        r"p(x, w \mid y, z) = \frac{p(x, w, y, z)}{p(x, z)}",
    ),
    (
        "a tag that says the values of a label",
        r"y \in \{0, 1\}",
        r"q(y=0 \mid x) = 1 - q(y=1 \mid x)",
        r"q(y=0 \mid x) = q(y=1 \mid x)",
    ),
    (
        "random variables declared with their joint law, whose definitions in the tag are its properties",
        r"X, Y: discrete random variables with joint distribution p(x, y); p(x) = \sum_y p(x, y);"
        r" p(y|x) = \frac{p(x, y)}{p(x)}",
        r"p(x,y) = p(x)\cdot p(y|x)",
        r"p(x,y) = p(y)\cdot p(y|x)",
    ),
    (
        "entropies of random variables declared with their joint law",
        r"X, Y: random variables with joint distribution p",
        r"H(X, Y) = H(X) + H(Y \mid X)",
        r"H(X, Y) = H(X) + H(Y)",
    ),
    (
        "entropies of random variables named by Greek and bold letters",
        r"\boldsymbol{\theta}, y: discrete random variables with joint distribution p(\boldsymbol{\theta}, y)",
        r"H(\boldsymbol{\theta}) - H(\boldsymbol{\theta} \vert y) = H(y) - H(y \vert \boldsymbol{\theta})",
        r"H(\boldsymbol{\theta}) - H(\boldsymbol{\theta} \vert y) = H(y) + H(y \vert \boldsymbol{\theta})",
    ),
    (
        "mutual information and conditional mutual information of random variables declared with their joint law",
        r"S, A, Z: random variables with joint distribution p(s, a, z)",
        r"I(S; Z) + H[A \mid S] - I(A; Z \mid S) = (H(Z) - H(Z \mid S)) + H[A \mid S] - (H[A\mid S] - H[A\mid S, Z])",
        r"I(S; Z) + H[A \mid S] - I(A; Z \mid S) = (H(Z) + H(Z \mid S)) + H[A \mid S] - (H[A\mid S] - H[A\mid S, Z])",
    ),
    (
        "a conditional mutual information is not the information given another variable",
        r"S, A, Z: random variables with joint distribution p(s, a, z)",
        r"I(A; Z \mid S) = H(A \mid S) - H(A \mid S, Z)",
        r"I(A; Z \mid S) = H(A \mid S) - H(A \mid Z)",
    ),
    (
        "a conditional law summed over its outcome to 1 in the tag: a property of the notation, set aside",
        r"A(s, a) = Q(s, a) - V(s); \sum_a \pi(a \vert s) = 1",
        r"\sum_a Q(s, a) \pi(a \vert s) = \sum_a (V(s) + A(s, a)) \pi(a \vert s) = V(s) + \sum_a A(s, a)\pi(a \vert s)",
        r"\sum_a Q(s, a) \pi(a \vert s) = \sum_a (V(s) + A(s, a)) \pi(a \vert s) = V(s) + \sum_a A(s, a)",
    ),
    (
        "a tag's mutual information in bits, from the declared law's entropies",
        r"X, Y: discrete random variables with joint distribution p(x, y); p(x) = \sum_y p(x, y);"
        r" p(y) = \sum_x p(x, y); I(X,Y) = H(X) + H(Y) - H(X,Y); H: entropy in bits",
        r"I(X,Y) = \sum_{x,y} p(x,y) \log_2\left(\frac{p(x,y)}{p(x)p(y)} \right)",
        r"I(X,Y) = \sum_{x,y} p(x,y) \log_2\left(\frac{p(x)p(y)}{p(x,y)} \right)",
    ),
    (
        "a tag that defines the probability of an event",
        r"p(y=1|x) = \sigma(w^Tx); p(y=-1|x) = 1 - p(y=1|x); \sigma(z) = (1 + \exp(-z))^{-1}; w, x \in \mathbb{R}^n",
        r"p(y=-1|x) = \sigma(-w^Tx)",
        r"p(y=-1|x) = 1 - \sigma(-w^Tx)",
    ),
    (
        "a joint law written at its parameter after a semicolon, the same parameter everywhere",
        r"x, z: random variables with joint distribution p(x, z; \theta_t)",
        r"p(z \mid x; \theta_t) = \frac{p(z, x; \theta_t)}{p(x; \theta_t)}",
        r"p(z \mid x; \theta_t) = \frac{p(z, x; \theta_t)}{p(z; \theta_t)}",
    ),
    (
        "a random variable the tag names with a letter subscript is one outcome of the joint law",
        r"c, x_i: random variables with joint distribution p(c, x_i)",
        r"p(c \vert x_i) = p(c)p(x_i \vert c) / p(x_i)",
        r"p(c \vert x_i) = p(c)p(x_i \vert c) / p(c)",
    ),
    (
        "entropies of random variables the tag names with a letter subscript",
        r"X_i, Y: random variables with joint distribution p(x_i, y)",
        r"H(X_i \mid Y) = H(X_i, Y) - H(Y)",
        r"H(X_i \mid Y) = H(X_i, Y) - H(X_i)",
    ),
    (
        "a law the tag defines at the event y = j, taken at another value of y",
        r"p(y = j \mid x) = \frac{e^{z_j}}{\sum_{k=1}^{C} e^{z_k}}; z \in \mathbb{R}^C; y_{\text{true}} \in \{1, \ldots, C\}",
        r"-\log p(y = y_{\text{true}} \mid x) = -\log \frac{e^{z_{y_{\text{true}}}}}{\sum_{k=1}^{C} e^{z_k}}",
        r"-\log p(y = y_{\text{true}} \mid x) = \log \frac{e^{z_{y_{\text{true}}}}}{\sum_{k=1}^{C} e^{z_k}}",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_correct_formula_passes_and_its_wrong_variant_fails(name, tag, correct, wrong, tmp_path):
    result, detail = verdict(tmp_path, tag, correct)
    assert result == "PASS", (result, detail)
    result, detail = verdict(tmp_path, tag, wrong)
    assert result == "FAIL", (result, detail)


def test_values_the_formula_alone_leaves_open_make_a_formula_that_turns_on_them_unknown(tmp_path):
    """y = 0 and y = 1 alone: y may take only those values (the complement holds) or others too (it fails)."""
    result, detail = verdict(tmp_path, "", r"q(y=0 \mid x) = 1 - q(y=1 \mid x)")
    assert result == "UNKNOWN" and "only written values" in detail, (result, detail)
    result, detail = verdict(tmp_path, r"y \in \{0, 1, 2\}", r"q(y=0 \mid x) = 1 - q(y=1 \mid x)")
    assert result == "FAIL", (result, detail)


def test_a_side_without_the_law_passes_what_holds_for_every_law_and_leaves_a_refutation_unknown(tmp_path):
    """Σ_y P(Y = y | X = x) = 1 holds for every law; '= 2' is refuted by any law, but P(X = k) = 1/6 is too, where the
    author states a particular law: both UNKNOWN."""
    result, detail = verdict(tmp_path, "", r"\sum_y P(Y = y \mid X = x) = 1")
    assert result == "PASS", (result, detail)
    result, detail = verdict(tmp_path, "", r"\sum_y P(Y = y \mid X = x) = 2")
    assert result == "UNKNOWN" and "particular law" in detail, (result, detail)


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        ("", r"P(X = k) = \frac{1}{6}", "particular law"),  # a particular law, stated on one side only
        ("", r"P(X = k + 1) = P(X = k)", "read only under a law"),  # a value other than a name or a number
        ("bayes_rule", r"P(B = b) = P(B)", "name a hypothesis"),
        (
            "",
            r"p(x, w \mid y, z, v) = \frac{p(x, w, y, z, v)}{p(y, z, v)}",
            "a joint law of 5 outcomes is not modelled",
        ),
        ("", r"D_{KL}(q(z \mid x) \| p(x \mid z)) \ge 0", "between laws of one outcome"),  # laws of z and of x
    ],
)
def test_an_event_no_law_reads_is_unknown_with_the_reason(tag, formula, expected, tmp_path):
    result, detail = verdict(tmp_path, tag, formula)
    assert result == "UNKNOWN" and expected in detail, (result, detail)


def test_a_letter_subscript_outcome_is_read_only_as_the_tag_declares_it(tmp_path):
    """x_i is one outcome only where the tag declares it and no sum runs over i: under \\sum_i (the outcomes x_1, ...,
    x_n), the law of it stays unread; under an empty tag the formula is read on its own, as untagged, where Bayes' rule
    holds for one joint law of c and x_i drawn at random."""
    result, detail = verdict(tmp_path, "", r"p(c \vert x_i) = p(c)p(x_i \vert c) / p(x_i)")
    assert result == "PASS" and "read on its own" in detail, (result, detail)
    tag = r"c, x_i: random variables with joint distribution p(c, x_i)"
    result, detail = verdict(tmp_path, tag, r"\sum_i p(x_i \vert c) = 1")
    assert result == "UNKNOWN" and "not outcomes of the joint law" in detail, (result, detail)


def test_a_tag_definition_of_a_joint_law_that_is_not_its_property_makes_the_formula_unknown(tmp_path):
    """p(y | x) = p(x, y) / p(y) is no property of the joint law p: the tag contradicts itself, and nothing is decided."""
    tag = r"X, Y: random variables with joint distribution p; p(y|x) = \frac{p(x, y)}{p(y)}"
    result, detail = verdict(tmp_path, tag, r"p(x,y) = p(x)\cdot p(y|x)")
    assert result == "UNKNOWN" and "property of the joint law p" in detail, (result, detail)


def test_kinds_in_words_for_laws_and_entropies(tmp_path):
    """'probability distributions on a finite set' is the kind distribution; 'H: entropy in bits' sets bits."""
    tag = r"p, q: probability distributions on a finite set; H: entropy in bits"
    result, detail = verdict(tmp_path, tag, r"H(p) = -\sum_i p_i \log_2 p_i")
    assert result == "PASS", (result, detail)
    result, detail = verdict(tmp_path, tag, r"H(p) = -\sum_i p_i \ln p_i")
    assert result == "FAIL", (result, detail)


def test_an_entropy_beside_a_base_two_logarithm_is_unknown_until_the_tag_says_bits(tmp_path):
    """H in nats (the default) against log_2: the formula holds in bits only, so it is UNKNOWN; 'H in bits' decides."""
    result, detail = verdict(tmp_path, "", r"H(p) = -\sum_i p_i \log_2 p_i")
    assert result == "UNKNOWN" and "in bits" in detail, (result, detail)
    result, detail = verdict(tmp_path, "H in bits", r"H(p) = -\sum_i p_i \log_2 p_i")
    assert result == "PASS", (result, detail)
    result, detail = verdict(tmp_path, "", r"H(p) = \sum_i p_i \log_2 p_i")
    assert result == "FAIL", (result, detail)


EXPONENTIAL_TAG = r"X \sim \text{Exp}(\lambda); s > 0; t > 0"
NORMAL_TAG = r"X \sim \mathcal{N}(\mu, \sigma^2); k > 1"


@pytest.mark.parametrize(
    "tag, formula, expected",
    [
        (EXPONENTIAL_TAG, r"P(X > s + t \mid X > s) = P(X > t)", "PASS"),
        (EXPONENTIAL_TAG, r"P(X > s + t \mid X > s) = P(X > s)", "FAIL"),
        (EXPONENTIAL_TAG, r"P(X > s + t | X > s) = e^{-\lambda t}", "PASS"),
        (EXPONENTIAL_TAG, r"P(|X - 1| \ge 1) = e^{-2\lambda}", "PASS"),
        (EXPONENTIAL_TAG, r"P(|X - 1| \ge 1) = e^{-\lambda}", "FAIL"),
        (NORMAL_TAG, r"P(|X - \mu| \ge k\sigma) \le \frac{1}{k^2}", "PASS"),
        (NORMAL_TAG, r"P(|X - \mu| \ge k\sigma) \ge \frac{1}{k^2}", "FAIL"),
        (NORMAL_TAG, r"\mathbb{E}[|X - \mu|] = \sigma\sqrt{2/\pi}", "PASS"),
        (NORMAL_TAG, r"\mathbb{E}[|X - \mu|] = \sigma\sqrt{1/\pi}", "FAIL"),
    ],
)
def test_an_event_given_another_and_absolute_values_inside_a_law(tmp_path, tag, formula, expected):
    assert verdict(tmp_path, tag, formula)[0] == expected


@pytest.mark.parametrize(
    "correct, wrong",
    [
        (r"Pr(X = k) = (1 - p)^k p", r"Pr(X = k) = (1 - p)^{k - 1} p"),
        (r"Pr_{p_G(p)}(X = k) = (1 - p)^k p", r"Pr_{p_G(p)}(X = k) = p^k (1 - p)"),
        (r"Pr(X \ge 1) = 1 - p", r"Pr(X \ge 1) = p"),
    ],
)
def test_an_italic_pr_before_an_event_is_the_probability(tmp_path, correct, wrong):
    """Pr set in italics before a bracket that holds a relation writes \\Pr: the product P r of an event means nothing."""
    tag = r"X \sim \text{Geo}(p); X \ge 0"
    assert verdict(tmp_path, tag, correct)[0] == "PASS"
    assert verdict(tmp_path, tag, wrong)[0] == "FAIL"


def test_an_italic_pr_before_a_bracket_without_a_relation_stays_a_product(tmp_path):
    found = verdict(tmp_path, r"P: real; r: real", r"Pr(1 + x) = P r + P r x")
    assert found[0] == "PASS", found


def test_a_law_at_two_parameters_is_not_one_joint_law(tmp_path):
    # p(x, z; \theta) and p(z | x; \theta_t): the model at the new parameters beside the posterior at the old ones
    tag = r"x, z: random variables with joint distribution p(x, z; \theta)"
    result, detail = verdict(tmp_path, tag, r"p(z \mid x; \theta_t) = \frac{p(z, x; \theta)}{p(x; \theta_t)}")
    assert result == "UNKNOWN" and "different parameters" in detail, (result, detail)


def test_a_sum_of_probabilities_over_indexed_values_is_no_sequence(tmp_path):
    # z_k under \sum_k beside z alone are the values of z (Bayes' rule's denominator), not the terms of a sequence z
    tag = r"x, z: random variables with joint distribution p(x, z)"
    formula = r"p(z \mid x) = \frac{p(x \mid z) p(z)}{\sum_{k=1}^K p(x \mid z_k) p(z_k)}"
    for written_tag in (tag, None):
        result, detail = verdict(tmp_path, written_tag, formula)
        assert result != "FAIL" and "sequence" not in detail, (result, detail)


def test_a_law_the_tag_defines_at_an_event_is_not_read_under_another_condition(tmp_path):
    # the tag gives p(y = j | x); p(y = c | w) conditions on another name, which the definition does not cover
    tag = r"p(y = j \mid x) = \frac{e^{z_j}}{\sum_{k=1}^{C} e^{z_k}}; z \in \mathbb{R}^C; c \in \{1, \ldots, C\}"
    result, detail = verdict(tmp_path, tag, r"p(y = c \mid w) = \frac{e^{z_c}}{\sum_{k=1}^{C} e^{z_k}}")
    assert result == "UNKNOWN" and "of an event" in detail, (result, detail)
