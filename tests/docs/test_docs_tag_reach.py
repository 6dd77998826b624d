"""Tag clauses as authors of ML documents write them: each is read on a correct formula (PASS) and on a
wrong variant of it (FAIL) by the same machinery."""

import pytest
from checking import assert_page_pass_and_fail, verdict

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "a tag function with a conditional bar, applied to its own parameters",
        r"reinforce_log_derivative; P(\tau | \theta) = \pi_\theta(a)",
        r"\nabla_{\theta} P(\tau | \theta) = P(\tau | \theta) \nabla_{\theta} \log P(\tau | \theta)",
        r"\nabla_{\theta} P(\tau | \theta) = \frac{\nabla_{\theta} \log P(\tau | \theta)}{P(\tau | \theta)}",
    ),
    (
        "a tag function whose name has a subscript",
        r"\theta: vector; x: vector; y: probability; h_\theta(x) = \sigma(\theta^\top x); "
        r"\ell(\theta) = y \log h_\theta(x) + (1 - y)\log(1 - h_\theta(x))",
        r"\frac{\partial}{\partial \theta_j} \ell(\theta) = (y - h_\theta(x)) x_j",
        r"\frac{\partial}{\partial \theta_j} \ell(\theta) = (h_\theta(x) - y) x_j",
    ),
    (
        "the logistic of a scalar product of two vectors",
        r"\theta: vector; x: vector",
        r"\frac{\partial}{\partial \theta_j} \log(1 - \sigma(\theta^\top x)) = -\sigma(\theta^\top x) x_j",
        r"\frac{\partial}{\partial \theta_j} \log(1 - \sigma(\theta^\top x)) = -x_j",
    ),
    (
        "a tag function whose name has an accent",
        r"\tilde\mu(a, b) = \frac{a + b}{2}; a: real; b: real",
        r"\tilde\mu(a, b) - a = \frac{b - a}{2}",
        r"\tilde\mu(a, b) - a = b - a",
    ),
    (
        "a tag function whose name has a star",
        r"r^*(u) = 2 u; u: real",
        r"r^*(u) + r^*(u) = 4u",
        r"r^*(u) + r^*(u) = 2u",
    ),
    (
        "a respelt name is the result's own",
        r"kl_penalised_reward; \pi_{\text{ref}} = \pi_{ref}; \beta: positive",
        r"\pi_{ref}(y|x) = \pi_{\text{ref}}(y|x)",
        r"\pi_{ref}(y|x) = 2 \pi_{\text{ref}}(y|x)",
    ),
    (
        "a range about a name nothing else declares",
        r"0 < \lambda < 1",
        r"\sum_{n=0}^{\infty} \lambda^n = \frac{1}{1-\lambda}",
        r"\sum_{n=0}^{\infty} \lambda^n = \frac{1}{1+\lambda}",
    ),
    (
        "a range about a subscripted name",
        r"0 < \alpha_t < 1; 0 < \alpha_{t-1} < 1",
        r"\sqrt{(1 - \alpha_t) + \alpha_t (1-\alpha_{t-1})} = \sqrt{1 - \alpha_t\alpha_{t-1}}",
        r"\sqrt{(1 - \alpha_t) + (1-\alpha_{t-1})} = \sqrt{1 - \alpha_t\alpha_{t-1}}",
    ),
    (
        "a function's value declared as a number",
        r"\alpha: probability; V(S_t): real; G_t: real",
        r"(1- \alpha) V(S_t) + \alpha G_t = V(S_t) + \alpha (G_t - V(S_t))",
        r"(1- \alpha) V(S_t) + \alpha G_t = V(S_t) + \alpha (V(S_t) - G_t)",
    ),
    (
        "values of a starred function at two arguments",
        r"r^*(x, y_1): real; r^*(x, y_2): real",
        r"\frac{\exp(r^*(x, y_1))}{\exp(r^*(x, y_1)) + \exp(r^*(x, y_2))} = \sigma(r^*(x, y_1) - r^*(x, y_2))",
        r"\frac{\exp(r^*(x, y_1))}{\exp(r^*(x, y_1)) + \exp(r^*(x, y_2))} = \sigma(r^*(x, y_2) - r^*(x, y_1))",
    ),
    (
        "a tag function whose parameter has an index",
        r"softmax_jacobian; x = z; \text{Softmin}(x_i) = \operatorname{softmax}(-z)_i",
        r"\text{Softmin}(x_{i}) = \frac{\exp(-x_i)}{\sum_j \exp(-x_j)}",
        r"\text{Softmin}(x_{i}) = \frac{\exp(x_i)}{\sum_j \exp(-x_j)}",
    ),
    (
        "a free index the result does not have, claimed for each of its values",
        r"grpo_advantages; G = n; r: vector",
        r"r_i - \frac{1}{G-1} \sum_{j \neq i} r_j = \frac{G}{G-1}\left(r_i - \frac{1}{G}\sum_{j=1}^{G} r_j\right)",
        r"r_i - \frac{1}{G-1} \sum_{j \neq i} r_j = \frac{G-1}{G}\left(r_i - \frac{1}{G}\sum_{j=1}^{G} r_j\right)",
    ),
    (
        "the mean and standard deviation of an affine image of the rewards",
        r"grpo_advantages; a: positive; b: real",
        r"\frac{(a r_i + b) - \operatorname{mean}(a\mathbf{r} + b)}{\operatorname{std}(a\mathbf{r} + b)}"
        r" = \frac{r_i - \operatorname{mean}(\mathbf{r})}{\operatorname{std}(\mathbf{r})}",
        r"\frac{(-a r_i + b) - \operatorname{mean}(-a\mathbf{r} + b)}{\operatorname{std}(-a\mathbf{r} + b)}"
        r" = \frac{r_i - \operatorname{mean}(\mathbf{r})}{\operatorname{std}(\mathbf{r})}",
    ),
    (
        "the mean of a vector other than the rewards is that vector's",
        r"grpo_advantages; a: positive; b: real",
        r"\operatorname{mean}(a\mathbf{r} + b) = a \operatorname{mean}(\mathbf{r}) + b",
        r"\operatorname{mean}(a\mathbf{r} + b) = \operatorname{mean}(\mathbf{r})",
    ),
    (
        "a vector with positive entries",
        r"\sigma: positive vector",
        r"\sum_{i=1}^{n} \sqrt{\sigma_i^2} = \sum_{i=1}^{n} \sigma_i",
        r"\sum_{i=1}^{n} \sqrt{\sigma_i^2} = -\sum_{i=1}^{n} \sigma_i",
    ),
    (
        "an evaluation bar binds the variable it evaluates at",
        r"\beta: positive",
        r"\left. \frac{d}{dr} 0.5 r^2 / \beta \right|_{r=\beta} = 1",
        r"\left. \frac{d}{dr} 0.5 r^2 \right|_{r=\beta} = 1",
    ),
    (
        "an evaluation bar at a number",
        r"c: real",
        r"\left.\frac{d}{d\theta} \theta^9(1-\theta)^4\right|_{\theta = 9/13} = 0",
        r"\left.\frac{d}{d\theta} \theta^9(1-\theta)^4\right|_{\theta = 9/14} = 0",
    ),
    (
        "an evaluation bar binds a name the shared notation gives a vector",
        r"\alpha: positive",
        r"\left. \frac{d}{dx} \alpha (\exp(x/\alpha) - 1) \right|_{x=0} = 1",
        r"\left. \frac{d}{dx} \alpha (\exp(x) - 1) \right|_{x=0} = 1",
    ),
    (
        "CE(P, Q), the cross-entropy",
        r"cross_entropy_decomposition; P = p; Q = q",
        r"\textrm{CE} (P, Q) = H(P) + D_{\textrm{KL}}(P\|Q)",
        r"\textrm{CE} (P, Q) = H(P) + D_{\textrm{KL}}(Q\|P)",
    ),
    (
        "H(X) for a random variable X with the result's distribution",
        r"entropy_bounds; k = n",
        r"H(X) \leq \log(k)",
        r"H(X) \geq \log(k)",
    ),
    (
        "sigma_X, the standard deviation of the result's random variable",
        r"bernoulli_moments",
        r"\sigma_X^2 = p(1-p)",
        r"\sigma_X^2 = p",
    ),
    (
        "an index used as a number after its use as a subscript",
        r"r: vector",
        r"r_i \cdot i = i \cdot r_i",
        r"r_i \cdot i = r_i",
    ),
    (
        "a tag function's parameter with an index, applied to that name, which nothing else binds",
        r"c: positive; P(w_o \mid w_c) = \frac{c}{1 + c}",
        r"P(w_o \mid w_c) = 1 - \frac{1}{1 + c}",
        r"P(w_o \mid w_c) = \frac{1}{1 + c}",
    ),
    (
        "a variable uniform on 1..n",
        r"n: dimension; X: uniform on 1..n",
        r"\mu_X = \frac{1+n}{2}",
        r"\mu_X = \frac{n}{2}",
    ),
    (
        "the variance of a variable uniform on {1, ..., n}",
        r"n: dimension; X: uniform on \{1, \ldots, n\}",
        r"\sigma_X^2 = \frac{n^2-1}{12}",
        r"\sigma_X^2 = \frac{n^2-1}{6}",
    ),
    (
        "a variable uniform on an interval",
        r"a: real; b: real; X: uniform on [a, b]",
        r"\sigma_X^2 = \frac{(b-a)^2}{12}",
        r"\sigma_X^2 = \frac{b-a}{12}",
    ),
    (
        "expectations under a uniform law",
        r"X: uniform on [0, 1]",
        r"\mathbb{E}[X^2] - \mathbb{E}[X]^2 = \frac{1}{12}",
        r"\mathbb{E}[X^2] = \mathbb{E}[X]^2",
    ),
    (
        "a parenthesised superscript is a label, not a power",
        r"\mu^{(t)}: real; x^{(t+1)}: vector",
        r"\mu^{(t)} + \frac{1}{n}\sum_{i=1}^n (x_i^{(t+1)} - \mu^{(t)}) = \frac{1}{n}\sum_{i=1}^n x_i^{(t+1)}",
        r"\mu^{(t)} + \sum_{i=1}^n (x_i^{(t+1)} - \mu^{(t)}) = \frac{1}{n}\sum_{i=1}^n x_i^{(t+1)}",
    ),
    (
        "a labelled name rebound to the result's random variable",
        r"variance_shortcut; x^{(k)} = X",
        r"Var[x^{(k)}] = \mathbb{E}[(x^{(k)})^2] - \mathbb{E}[x^{(k)}]^2",
        r"Var[x^{(k)}] = \mathbb{E}[(x^{(k)})^2] + \mathbb{E}[x^{(k)}]^2",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_correct_formula_passes_and_its_wrong_variant_fails(name, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_declared_value_of_a_function_is_that_value_only(tmp_path):
    """V(S_t): real names V at S_t; V at another argument stays unbound."""
    result, detail = verdict(tmp_path, r"V(S_t): real", r"V(S_{t+1}) = V(S_t)")
    assert result == "UNKNOWN" and "not bound" in detail, detail


def test_a_range_about_a_name_the_result_lacks_stays_unknown(tmp_path):
    """With a result, a range about a name it does not have is more likely a misspelling than a new symbol."""
    result, detail = verdict(tmp_path, r"softmax_jacobian; \kappa > 0", r"s_i = s_i")
    assert result == "UNKNOWN" and "does not have" in detail, detail


def test_a_free_index_that_is_an_expression_stays_unknown(tmp_path):
    """Only a plain letter is claimed for every value: r_{i+1} next to a free i keeps its reason."""
    result, detail = verdict(tmp_path, r"grpo_advantages; G = n; r: vector", r"r_{i+1} = r_{1+i}")
    assert result == "UNKNOWN" and "neither summed over" in detail, detail


def test_a_vector_of_any_sign_is_not_a_positive_vector(tmp_path):
    """The same formula with a vector of any sign: a counterexample with a negative entry."""
    result, detail = verdict(tmp_path, r"\sigma: vector", r"\sum_{i=1}^{n} \sqrt{\sigma_i^2} = \sum_{i=1}^{n} \sigma_i")
    assert result == "FAIL", detail


def test_a_bare_name_is_an_index_only_after_its_use_as_one(tmp_path):
    """k in log k is not the result's index k: with nothing binding it, the formula stays UNKNOWN."""
    result, detail = verdict(tmp_path, r"entropy_bounds", r"H(p) \le \log k")
    assert result == "UNKNOWN" and "'k' is not bound" in detail, detail


@pytest.mark.parametrize(
    "tag, expected",
    [
        (r"X: uniform on everything", "write 'X: uniform on 1..n'"),
        (r"X: uniform on [a, b]", "the bound a of X is not declared"),
        (r"bernoulli_moments; Y: uniform on [0, 1]", "has a probability model of its own"),
    ],
)
def test_a_uniform_law_it_cannot_read_is_unknown_with_the_reason(tag, expected, tmp_path):
    result, detail = verdict(tmp_path, tag, r"\mathbb{E}[X] = 0")
    assert result in ("UNKNOWN", "UNPARSEABLE") and expected in detail, (result, detail)
