"""What authors' names, events and samples mean in a tagged formula: each rule is read on a correct formula
(PASS) and on a wrong variant of it (FAIL) by the same machinery, through the public API."""

import pytest
from checking import assert_page_pass_and_fail, verdict

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "a word in italic letters at the head of a chain names its value (a worked example)",
        "",
        r"ELO_A = 2600 + 16 (1 - 0.849) = 2602",
        r"ELO_A = 2600 + 16 (1 - 0.849) = 2603",
    ),
    (
        "a word in italic letters at the head of a chain names its value (a rate)",
        r"N = S + D + C; S: positive; D: positive; I: positive; C: positive",
        r"WER = \frac{S + D + I}{N} = \frac{S + D + I}{S + D + C}",
        r"WER = \frac{S + D + I}{N} = \frac{S + D + I}{S + D + C + I}",
    ),
    (
        "a letter and a word in text type set apart by a space at the head of a chain name its value (an F1 score)",
        r"\text{Precision} > 0; \text{Recall} > 0",
        r"F_1\ \text{Score} = \frac{2}{\frac{1}{\text{Precision}} + \frac{1}{\text{Recall}}}"
        r" = \frac{2 \times \text{Precision} \times \text{Recall}}{\text{Precision}+\text{Recall}}",
        r"F_1\ \text{Score} = \frac{2}{\frac{1}{\text{Precision}} + \frac{1}{\text{Recall}}}"
        r" = \frac{\text{Precision} \times \text{Recall}}{\text{Precision}+\text{Recall}}",
    ),
    (
        "a word written before its arguments at the head of a chain names the function's value (a worked example)",
        "",
        r"PReLU(-2) = \max(0, -2) + 0.25 \min(0, -2) = -0.5",
        r"PReLU(-2) = \max(0, -2) + 0.25 \min(0, -2) = 0.5",
    ),
    (
        "a word applied to arguments at the head of a chain names the function's value",
        r"x: vector; y: vector",
        r"cos_{sim}(x, y) = \frac{x \cdot y}{\|x\| \|y\|} = \frac{\sum_i x_i y_i}{\sqrt{\sum_i x_i^2} \sqrt{\sum_i y_i^2}}",
        r"cos_{sim}(x, y) = \frac{x \cdot y}{\|x\| \|y\|} = \frac{\sum_i x_i y_i}{\sqrt{\sum_i x_i^2} \sum_i y_i^2}",
    ),
    (
        "a sequence declared random is the result's own i.i.d. samples (the unbiased sample variance)",
        r"minibatch_mean_variance; x_i: random",
        r"\mathbb{E}\left[\frac{1}{n-1}\sum_{i=1}^n (x_i - \hat\mu)^2\right] = \sigma^2",
        r"\mathbb{E}\left[\frac{1}{n}\sum_{i=1}^n (x_i - \hat\mu)^2\right] = \sigma^2",
    ),
    (
        "an unknown function of the outcome an expectation draws is any function (importance sampling)",
        r"p: distribution; q: distribution",
        r"\mathbb{E}_{x \sim p}[f(x)] = \mathbb{E}_{x \sim q}\left[\frac{p(x)}{q(x)} f(x)\right]",
        r"\mathbb{E}_{x \sim p}[f(x)] = \mathbb{E}_{x \sim q}\left[\frac{q(x)}{p(x)} f(x)\right]",
    ),
    (
        "a law of two outcomes a sum draws is a joint law: its marginals and conditionals (mutual information)",
        "",
        r"I(x; c) = \sum_{x, c} p(x, c) \log\frac{p(x, c)}{p(x)p(c)} = \sum_{x, c} p(x, c)\log\frac{p(x|c)}{p(x)}",
        r"I(x; c) = \sum_{x, c} p(x, c) \log\frac{p(x, c)}{p(x)p(c)} = \sum_{x, c} p(x, c)\log\frac{p(x|c)}{p(c)}",
    ),
    (
        "a joint law with one outcome drawn by an expectation and the other claimed for each value (Jensen)",
        "",
        r"E_{Y \sim P(Y)}[-\log P(X \mid Y)] \geq -\log P(X)",
        r"E_{Y \sim P(Y)}[-\log P(X \mid Y)] \leq -\log P(X)",
    ),
    (
        "the chain rule of a joint law of three outcomes, claimed for each of their values",
        "",
        r"p(a, b, c) = p(a) p(b \mid a) p(c \mid a, b)",
        r"p(a, b, c) = p(a) p(b \mid a) p(c \mid b)",
    ),
    (
        "the Jensen-Shannon divergence is the mean KL divergence of each law from their mixture",
        r"p: distribution; q: distribution",
        r"D_{\mathrm{JSD}}[p, q] = \frac{1}{2} \left( D_{\mathrm{KL}}\left[p, \frac{p+q}{2} \right]"
        r" + D_{\mathrm{KL}}\left[q, \frac{p+q}{2} \right] \right)",
        r"D_{\mathrm{JSD}}[p, q] = \frac{1}{2} \left( D_{\mathrm{KL}}\left[p, q \right] + D_{\mathrm{KL}}\left[q, p \right] \right)",
    ),
    (
        "the Jensen-Shannon divergence written D_JS(P || Q) is symmetric, the KL divergence is not",
        r"P: distribution; Q: distribution",
        r"D_{JS}(P \| Q) = D_{JS}(Q \| P)",
        r"D_{JS}(P \| Q) = D_{KL}(Q \| P)",
    ),
    (
        "an expectation over a law written without brackets covers the product after it",
        r"P: distribution; Q: distribution",
        r"D_\text{KL}(P\|Q) = \mathbb{E}_{z\sim P(z)} \log\frac{P(z)}{Q(z)}",
        r"D_\text{KL}(P\|Q) = \mathbb{E}_{z\sim Q(z)} \log\frac{P(z)}{Q(z)}",
    ),
    (
        "Euler's gamma function is a function of the shared notation (the Beta integral)",
        r"\alpha > 0; \beta > 0",
        r"\int_0^1 x^{\alpha - 1} (1 - x)^{\beta - 1} \, dx = \frac{\Gamma(\alpha) \Gamma(\beta)}{\Gamma(\alpha + \beta)}",
        r"\int_0^1 x^{\alpha - 1} (1 - x)^{\beta - 1} \, dx = \frac{\Gamma(\alpha) \Gamma(\beta)}{\Gamma(\alpha + \beta + 1)}",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_correct_formula_passes_and_its_wrong_variant_fails(name, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_word_is_a_name_only_at_the_head_of_a_chain_of_three_sides(tmp_path):
    """WER = (S + D + I)/N alone defines WER: nothing is left to check."""
    result, detail = verdict(
        tmp_path, "S: positive; D: positive; I: positive; N: positive", r"WER = \frac{S + D + I}{N}"
    )
    assert result == "UNKNOWN" and "not bound" in detail, detail


def test_two_letters_side_by_side_stay_a_product(tmp_path):
    """ab = ... = ...: a product of two names, not a word: the names stay unbound (and are read as own variables)."""
    result, detail = verdict(tmp_path, "", r"ab = ba = 2")
    assert "names the value" not in detail, (result, detail)


def test_a_letter_and_a_word_without_a_space_between_stay_a_product(tmp_path):
    """F_1 \\text{Score} = 2 = 2 under a tag: no TeX space sets the word apart, so the head is no label, and nothing is
    named away; with the space it is one."""
    result, detail = verdict(tmp_path, "y > 0", r"F_1 \text{Score} = 2 = 2")
    assert "names the value" not in detail, (result, detail)
    spaced = verdict(tmp_path, "y > 0", r"F_1\ \text{Score} = 2 = 2")
    assert spaced[0] == "PASS" and "names the value" in spaced[1], spaced


def test_letters_before_a_bracket_the_chain_multiplies_out_stay_a_product(tmp_path):
    """abc(x + y) = abcx + aby = ...: the letters of the head come back in the chain, so they are no word; the wrong
    first link is refuted, never named away."""
    result, detail = verdict(tmp_path, "", r"abc(x + y) = abcx + aby = abcx + aby")
    assert result == "FAIL" and "names the value" not in detail, (result, detail)


def test_a_word_under_a_result_is_not_taken_as_a_name(tmp_path):
    result, detail = verdict(tmp_path, "sigmoid_derivative", r"ELO_A = 2600 + 16 (1 - 0.849) = 2602")
    assert "names the value" not in detail, (result, detail)


def test_a_sequence_declared_random_without_a_model_of_samples_is_not_read(tmp_path):
    """x_i: random where the notation draws no samples of its own: a family whose joint law is not said, so the
    expectation of a sum of its members is not read (UNKNOWN, why)."""
    result, detail = verdict(tmp_path, "x_i: random", r"\mathbb{E}\left[\frac{1}{n}\sum_{i=1}^n x_i\right] = 0")
    assert result == "UNKNOWN" and "family x_i" in detail and "joint law" in detail, (result, detail)


def test_an_unknown_function_of_an_outcome_in_an_inequality_may_be_a_particular_one(tmp_path):
    """Jensen's E[f(x)] >= f(E[x]) holds for convex f only: a generic f refutes it, but the text means a class of f."""
    result, detail = verdict(
        tmp_path, "p: distribution", r"\mathbb{E}_{x \sim p}[f(x)] \ge f(\mathbb{E}_{x \sim p}[x])"
    )
    assert result == "UNKNOWN" and "particular function" in detail, (result, detail)


def test_a_law_the_tag_declares_is_not_read_as_a_joint_law(tmp_path):
    """p: distribution in the tag is a distribution over one outcome: p(x, c) is then not a joint law."""
    result, detail = verdict(tmp_path, "p: distribution", r"\sum_{x, c} p(x, c) = 1")
    assert result != "PASS" and "joint_p" not in detail, (result, detail)


def test_an_unknown_law_of_a_drawn_outcome_is_no_test_function(tmp_path):
    """p(x) inside a sum over outcomes is a probability: a generic function (not normalised) refutes nothing."""
    result, detail = verdict(
        tmp_path,
        "mutual_information",
        r"\sum_{x \in X, y \in Y} p(x, y) \log(\frac{p(x, y)}{p(x)p(y)})"
        r" = \sum_{x \in X, y \in Y} p(x, y) \log(\frac{p(x|y)}{p(x)})",
    )
    assert result != "FAIL", (result, detail)


@pytest.mark.parametrize("right, expected", [(r"\sigma (1 + 2 x + x^2)", "PASS"), (r"\sigma^2 (1 + x)^2", "FAIL")])
def test_a_number_the_tag_declares_written_before_a_bracket_is_not_read_as_a_function(tmp_path, right, expected):
    """sigma (1 + x)^2 with sigma > 0 is sigma times the square, never the logistic function applied."""
    result, detail = verdict(tmp_path, r"\sigma > 0; x: real", r"\sigma (1 + x)^2 = " + right)
    assert result == expected, (result, detail)


@pytest.mark.parametrize(
    "right, expected",
    [(r"\sigma + 2 \sigma x + \sigma x^2", "PASS"), (r"\sigma^2 + 2 \sigma^2 x + \sigma^2 x^2", "FAIL")],
)
def test_a_number_the_formula_also_writes_alone_multiplies_the_bracket(tmp_path, right, expected):
    """sigma written alone on the other side is a number of the formula: sigma (1 + x)^2 is sigma times the square."""
    result, detail = verdict(tmp_path, r"\sigma > 0; x: real", r"\sigma (1 + x)^2 = " + right)
    assert result == expected, (result, detail)


def test_a_function_of_two_numbers_the_tag_defines_is_no_joint_law(tmp_path):
    """q(x, y) = x + y in the tag: q is that function, not a law of outcomes x and y."""
    result, detail = verdict(tmp_path, r"q(x, y) = x + y; x: real; y: real", r"q(x, y) = q(y, x)")
    assert result == "PASS" and "joint" not in detail, (result, detail)


def test_a_size_letter_labelled_by_a_word_is_a_count_of_its_own(tmp_path):
    # N_{tokens} and N_{params} are two counts the page defines, not the shared notation's vector size N
    rule = verdict(tmp_path, r"N_{params} > 0", r"N_{tokens} = 20 N_{params}")
    assert rule[0] == "UNKNOWN", rule
    holds = verdict(tmp_path, "", r"N_{tokens} + N_{params} = N_{params} + N_{tokens}")
    assert holds[0] == "PASS", holds
    fails = verdict(tmp_path, "", r"N_{tokens} - N_{params} = N_{params} + N_{tokens}")
    assert fails[0] == "FAIL", fails


def test_a_formula_defining_a_shared_name_the_tag_leaves_alone_is_not_refuted(tmp_path):
    # p_i = softmax(l / T)_i defines p; the shared notation's p is any distribution, so nothing is claimed about it
    defined = verdict(tmp_path, r"T > 0; l: vector", r"p_i = \frac{\exp(l_i / T)}{\sum_j \exp(l_j / T)}")
    assert defined[0] == "UNKNOWN" and "defines p" in defined[1], defined
    # where the tag says what p is, the formula is a claim about it again
    holds = verdict(tmp_path, r"p = \mathrm{softmax}(z)", r"p_i = \frac{\exp(z_i)}{\sum_j \exp(z_j)}")
    assert holds[0] == "PASS", holds
    fails = verdict(tmp_path, r"p = \mathrm{softmax}(z)", r"p_i = \frac{\exp(2 z_i)}{\sum_j \exp(z_j)}")
    assert fails[0] == "FAIL", fails
