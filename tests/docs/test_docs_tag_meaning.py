"""What a tag and the shared notation mean: each rule is read on a correct formula (PASS) and on a wrong
variant of it (FAIL) by the same machinery, through the public API."""

import pytest
from checking import assert_page_pass_and_fail, verdict, verdicts

from derive.docs import check_paths

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "names at the head of a chain of equalities name its value",
        r"d_{\text{model}} = 512; h = 8",
        r"d_k = d_v = d_{\text{model}}/h = 64",
        r"d_k = d_v = d_{\text{model}}/h = 32",
    ),
    (
        "a worked step named by a subscripted letter",
        "",
        r"\delta_3 = 2 + 1 - 4 = -1",
        r"\delta_3 = 2 + 1 - 4 = 1",
    ),
    (
        "a definition indexed by a step, with the names it leaves free arbitrary (GAE's telescoping sum)",
        r"\delta_t = r_t + \gamma V(s_{t+1}) - V(s_t); \gamma: probability",
        r"\delta_t + \gamma \delta_{t+1} + \gamma^2 \delta_{t+2} = -V(s_t) + r_t + \gamma r_{t+1} + \gamma^2 r_{t+2}"
        r" + \gamma^3 V(s_{t+3})",
        r"\delta_t + \gamma \delta_{t+1} + \gamma^2 \delta_{t+2} = -V(s_t) + r_t + \gamma r_{t+1} + \gamma^2 r_{t+2}"
        r" + \gamma^2 V(s_{t+3})",
    ),
    (
        "a recursion unrolled to the value the tag states (RMSProp's running average)",
        r"s_t = \gamma s_{t-1} + (1 - \gamma) g_t^2; s_{t-3} = 0; \gamma: probability",
        r"s_t = (1 - \gamma) \left(g_t^2 + \gamma g_{t-1}^2 + \gamma^2 g_{t-2}^2\right)",
        r"s_t = (1 - \gamma) \left(g_t^2 + \gamma g_{t-1}^2 + \gamma^2 g_{t-2}\right)",
    ),
    (
        "a recursion with no stated start, from the earliest step the formula names (momentum unrolled)",
        r"\mathbf{v}_t = \beta \mathbf{v}_{t-1} + \mathbf{g}_{t, t-1}; \beta: probability",
        r"\mathbf{v}_t = \beta^2 \mathbf{v}_{t-2} + \beta \mathbf{g}_{t-1, t-2} + \mathbf{g}_{t, t-1}",
        r"\mathbf{v}_t = \beta \mathbf{v}_{t-2} + \beta \mathbf{g}_{t-1, t-2} + \mathbf{g}_{t, t-1}",
    ),
    (
        "a function the tag declares arbitrary",
        r"f: function; a: real; b: real",
        r"f(a)^2 - f(b)^2 = (f(a) - f(b))(f(a) + f(b))",
        r"f(a + b) = f(a) + f(b)",
    ),
    (
        "an indexed definition at a fixed step",
        r"\theta_i = 10000^{-2(i-1)/8}",
        r"\theta_1 = 1",
        r"\theta_2 = 10000^{-1/8} + 1",
    ),
    (
        "a range whose end is another symbol (a cosine schedule's current step below its period)",
        r"\eta: positive; T_{max} > 1; 0 < T_{cur} < T_{max}",
        r"\cos\left(\frac{T_{cur}}{T_{max}} \pi\right) > -1",
        r"\cos\left(\frac{T_{cur}}{T_{max}} \pi\right) > 0",
    ),
    (
        "a comparison between two declared symbols",
        r"a: real; b: real; a < b",
        r"e^{a} < e^{b}",
        r"a^2 < b^2",
    ),
    (
        "a distribution applied to the variable of an expectation is its probability of the outcome",
        r"P: distribution; Q: distribution",
        r"D_\text{KL}(P\|Q) = \mathbb{E}_{z\sim P(z)}\left[ \log\frac{P(z)}{Q(z)}\right]",
        r"D_\text{KL}(P\|Q) = \mathbb{E}_{z\sim Q(z)}\left[ \log\frac{P(z)}{Q(z)}\right]",
    ),
    (
        "a sum over outcomes with no range: p(x) is p's probability of x",
        r"p: distribution; q: distribution",
        r"\sum_x p(x) \log \frac{p(x)}{q(x)} = - \sum_x p(x)\log q(x) + \sum_x p(x)\log p(x)",
        r"\sum_x p(x) \log \frac{p(x)}{q(x)} = - \sum_x p(x)\log q(x) - \sum_x p(x)\log p(x)",
    ),
    (
        "the divergence between two numbers is between their Bernoulli laws",
        r"\rho: probability; \hat{\rho}: probability",
        r"D_\text{KL}(\rho \| \hat{\rho}) = \rho\log\frac{\rho}{\hat{\rho}} + (1-\rho)\log\frac{1-\rho}{1-\hat{\rho}}",
        r"D_\text{KL}(\rho \| \hat{\rho}) = \rho\log\frac{\rho}{\hat{\rho}}",
    ),
    (
        "the gradient with respect to a matrix has the matrix's shape",
        r"X: matrix",
        r"\nabla_{\mathbf{X}} \|\mathbf{X} \|_\textrm{F}^2 = 2\mathbf{X}",
        r"\nabla_{\mathbf{X}} \|\mathbf{X} \|_\textrm{F}^2 = 2\mathbf{X}^\top",
    ),
    (
        "the gradient of a trace with respect to a matrix",
        r"A: matrix; B: matrix",
        r"\nabla_A \operatorname{tr}(AB) = B^T",
        r"\nabla_A \operatorname{tr}(AB) = B",
    ),
    (
        "names the tag leaves free are the formula's own variables: a sum's bound is the vectors' size, c a real",
        r"x: vector",
        r"\frac{1}{k}\sum_{i=1}^{k} (x_i - c) = \frac{1}{k}\sum_{i=1}^{k} x_i - c",
        r"\frac{1}{k}\sum_{i=1}^{k} (x_i - c) = \frac{1}{k}\sum_{i=1}^{k} x_i - k c",
    ),
    (
        "a rule of differentiation in the formula's own letters is claimed for all their values",
        "",
        r"\frac{\partial(a \cdot b)}{\partial a} = b",
        r"\frac{\partial(a \cdot b)}{\partial a} = a",
    ),
    (
        "a chain from a derivative in the formula's own letters, worked step by step (Karpathy's f = xy)",
        r"f(x, y) = x y; h \neq 0",
        r"\frac{\partial f(x, y)}{\partial x} = \frac{f(x + h, y) - f(x, y)}{h} = \frac{h y}{h} = y",
        r"\frac{\partial f(x, y)}{\partial x} = \frac{f(x + h, y) - f(x, y)}{h} = \frac{h y}{h} = x",
    ),
    (
        "a letter the formula differentiates by is its variable, even one that names the loss elsewhere",
        "",
        r"\frac{\partial L}{\partial L} + \frac{\partial (L^2)}{\partial L} = 1 + 2L",
        r"\frac{\partial L}{\partial L} + \frac{\partial (L^2)}{\partial L} = 1 + L",
    ),
    (
        "a step t the tag leaves free is a real variable of the formula",
        r"a: real",
        r"(a + t)^2 = a^2 + 2at + t^2",
        r"(a + t)^2 = a^2 + t^2",
    ),
    (
        "a parameter only the tag's definition uses is claimed for all its values (a vector, as softmax needs)",
        r"attention_row_stochastic; \alpha = \operatorname{softmax}(u); m = n",
        r"\sum_{i=1}^{m} \alpha_i = 1",
        r"\sum_{i=1}^{m} \alpha_i = m",
    ),
    (
        "the determinant of an inverse, at the sizes where a matrix of symbols is inverted in time",
        r"M: matrix",
        r"\det(M)\det(M^{-1}) = \det(M \cdot M^{-1}) = \det(I) = 1",
        r"\det(M)\det(M^{-1}) = \det(M)",
    ),
    (
        "the inverse of a symmetric positive definite matrix (a natural-gradient step's size)",
        r"H: symmetric positive definite matrix; g: vector; \delta: positive",
        r"g^T \sqrt{\frac{2 \delta}{g^T H^{-1} g}} H^{-1} g = \sqrt{2 \delta g^T H^{-1} g}",
        r"g^T \sqrt{\frac{2 \delta}{g^T H^{-1} g}} H^{-1} g = \sqrt{\delta g^T H^{-1} g}",
    ),
    (
        "random variables the tag declares are independent, under laws drawn at each point (a product's variance)",
        r"w: random; x: random",
        r"\text{Var}(w x) = [E(w)]^2\text{Var}(x) + [E(x)]^2\text{Var}(w) + \text{Var}(x)\text{Var}(w)",
        r"\text{Var}(w x) = [E(w)]^2\text{Var}(x) + [E(x)]^2\text{Var}(w)",
    ),
    (
        "independent random variables: the variance of a difference adds",
        r"w: random; x: random",
        r"\operatorname{Var}(w - x) = \operatorname{Var}(w) + \operatorname{Var}(x)",
        r"\operatorname{Var}(w - x) = \operatorname{Var}(w) - \operatorname{Var}(x)",
    ),
    (
        "an expectation subscripted by the tag's random variables is over them",
        r"w: random; x: random",
        r"\mathbb{E}_{w, x}[w + x] = \mathbb{E}_w[w] + \mathbb{E}_x[x]",
        r"\mathbb{E}_{w, x}[w x] = \mathbb{E}_w[w]",
    ),
    (
        "a random variable under a result with a model of its own: the tag's law is the one read",
        r"variance_of_independent_sum; w: random",
        r"\mathbb{E}[w^2] - \mathbb{E}[w]^2 = \operatorname{Var}(w)",
        r"\mathbb{E}[w^2] = \mathbb{E}[w]^2",
    ),
    (
        "the softmax written of a component x_i is the i-th component of the softmax of x (PyTorch's LogSoftmax)",
        r"x: vector",
        r"\text{LogSoftmax}(x_{i}) = x_i - \log \sum_j \exp(x_j)",
        r"\text{LogSoftmax}(x_{i}) = x_i + \log \sum_j \exp(x_j)",
    ),
    (
        "a declared matrix before a bracket multiplies it (a trust region's step size: the KL of the step is delta)",
        r"H: symmetric positive definite matrix; g: vector; \delta: positive",
        r"\frac{1}{2} \left(\sqrt{\frac{2 \delta}{g^T H^{-1} g}} H^{-1} g\right)^T H \left(\sqrt{\frac{2 \delta}{g^T H^{-1}"
        r" g}} H^{-1} g\right) = \delta",
        r"\frac{1}{2} \left(\sqrt{\frac{\delta}{g^T H^{-1} g}} H^{-1} g\right)^T H \left(\sqrt{\frac{\delta}{g^T H^{-1}"
        r" g}} H^{-1} g\right) = \delta",
    ),
    (
        "a bare name the result gives its index (the target class t of a cross-entropy) is that index as a number",
        r"softmax_cross_entropy_gradient",
        r"\frac{\partial L}{\partial z_k} = p_k - \mathbb{1}(t = k)",
        r"\frac{\partial L}{\partial z_k} = \mathbb{1}(t = k) - p_k",
    ),
    (
        "a sum's bound named by a letter the result gives a vector (q) counts the entries: the vectors' size",
        r"softmax_cross_entropy_gradient; o = z",
        r"- \sum_{j=1}^q y_j \log \frac{\exp(o_j)}{\sum_{k=1}^q \exp(o_k)} = \sum_{j=1}^q y_j \log \sum_{k=1}^q \exp(o_k)"
        r" - \sum_{j=1}^q y_j o_j",
        r"- \sum_{j=1}^q y_j \log \frac{\exp(o_j)}{\sum_{k=1}^q \exp(o_k)} = \sum_{j=1}^q y_j \log \sum_{k=1}^q \exp(o_k)"
        r" + \sum_{j=1}^q y_j o_j",
    ),
    (
        "a function the tag defines of a vector, applied to a bold vector the tag leaves free (log-sum-exp's shift)",
        r"log_softmax_stable; g(x) = \log \sum_i \exp x_i; b: real",
        r"g(\mathbf{x} + b) = g(\mathbf{x}) + b",
        r"g(\mathbf{x} + b) = g(\mathbf{x})",
    ),
    (
        "a function nothing defines, only at the head of a chain, names its value; D a sum's bound is a size",
        r"x: vector; y: vector",
        r"d_{euc}(x,y) = \|x - y\|_2 = \sqrt{\sum_{d=1}^D (x_d - y_d)^2}",
        r"d_{euc}(x,y) = \|x - y\|_2 = \sum_{d=1}^D (x_d - y_d)^2",
    ),
    (
        "importance sampling, for a function the tag declares arbitrary",
        r"p: distribution; q: distribution; f: function",
        r"\mathbb{E}_{x\sim p} [f(x)] = \mathbb{E}_{x\sim q} \left[\frac{p(x)}{q(x)} f(x)\right]",
        r"\mathbb{E}_{x\sim p} [f(x)] = \mathbb{E}_{x\sim q} \left[\frac{q(x)}{p(x)} f(x)\right]",
    ),
    (
        "untagged, Phi and phi beside it are the standard normal CDF and density (GELU's gradient)",
        None,
        r"\frac{d}{dx}\left(x\Phi(x)\right) = \Phi(x) + x\phi(x)",
        r"\frac{d}{dx}\left(x\Phi(x)\right) = \Phi(x) - x\phi(x)",
    ),
    (
        "Phi is the standard normal CDF, applied to an expression too (torch's exact GELU)",
        r"x: real",
        r"\Phi(-x) = 1 - \Phi(x) = \frac{1}{2}\left(1 - \operatorname{erf}\left(\frac{x}{\sqrt{2}}\right)\right)",
        r"\Phi(-x) = 1 - \Phi(x) = \frac{1}{2}\left(1 - \operatorname{erf}\left(\frac{x}{2}\right)\right)",
    ),
    (
        "a bare I beside no matrix is a number (optax's initial value), tagged",
        r"E: real; B: positive; T: positive",
        r"I + \frac{(B + T) - B}{T} (E - I) = E",
        r"I + \frac{(B + T) - B}{T} (E - I) = I",
    ),
    (
        "a bare I beside no matrix is a number (optax's initial value), untagged",
        None,
        r"I (E + 1) = I E + I",
        r"I (E + 1) = I E + 1",
    ),
    (
        "a bare I beside a matrix is the identity matrix",
        r"W: matrix",
        r"(I - W)(I + W) = I - W W",
        r"(I - W)(I + W) = I + W W",
    ),
    (
        "a bare I beside a vector is the identity matrix",
        r"x: vector",
        r"(I - x x^\top) x = x - x (x^\top x)",
        r"(I - x x^\top) x = x + x (x^\top x)",
    ),
    (
        "a KL written bare, before no arguments, is a number (KTO's estimated reference point)",
        r"\sigma(z) = \frac{1}{1 + e^{-z}}; \beta > 0",
        r"\sigma(\beta(\mathrm{KL} - r)) = 1 - \sigma(\beta(r - \mathrm{KL}))",
        r"\sigma(\beta(\mathrm{KL} - r)) = \sigma(\beta(r - \mathrm{KL}))",
    ),
    (
        "a derivative's variable the tag sets to a number: differentiated first, then set (cs231n's f = xy)",
        r"f(x, y) = x y; x = 4; y = -3",
        r"\frac{\partial f}{\partial x} = -3",
        r"\frac{\partial f}{\partial x} = 4",
    ),
    (
        "a derivative at the value the tag gives its variable, of a power",
        r"f(x) = x^3; x = 2",
        r"\frac{d f}{d x} = 12",
        r"\frac{d f}{d x} = 8",
    ),
    (
        "a range in the tag makes the shared notation's p a number (Minkowski's order p > 1)",
        r"p > 1",
        r"\log(p) > 0",
        r"\log(p) < 0",
    ),
    (
        "a kind and a range in the tag override the shared notation's p (a distribution there)",
        r"p: positive; p > 1",
        r"p^{1/p} > 1",
        r"p^{1/p} < 1",
    ),
    (
        "untagged, zeta is the softplus (the Deep Learning book's notation)",
        None,
        r"\zeta(x) - \zeta(-x) = x",
        r"\zeta(x) + \zeta(-x) = x",
    ),
    (
        "a lower bound beyond the box a real number is drawn from moves the box there",
        r"\rho > 5",
        r"\sqrt{\frac{(\rho - 4)(\rho - 2)}{\rho}} > 0",
        r"\sqrt{\frac{(\rho - 4)(\rho - 2)}{\rho}} < 1",
    ),
    ("an upper bound below that box", r"x < -7", r"\frac{1}{x + 7} < 0", r"\frac{1}{x + 7} > 0"),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_correct_formula_passes_and_its_wrong_variant_fails(name, tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_kl_applied_to_arguments_is_the_divergence_not_a_number(tmp_path):
    """\\mathrm{KL}(p \\| q) beside a bare \\mathrm{KL}: the formula writes the operation, so KL is no variable of it."""
    result, detail = verdict(tmp_path, r"\beta > 0", r"\mathrm{KL}(p \| q) - \mathrm{KL} = 0")
    assert "KL read as the formula's own variables" not in detail, (result, detail)


def test_a_name_alone_with_one_value_is_a_definition_not_a_claim(tmp_path):
    """x = 2 + 1 only names a value: nothing is left to check, and the name stays unbound."""
    result, detail = verdict(tmp_path, "", r"\delta_3 = 2 + 1")
    assert result == "UNKNOWN" and "not bound" in detail, detail


def test_a_leading_name_under_a_result_is_not_taken_as_a_new_name(tmp_path):
    """With a result named, a further unknown name is more likely the result's own quantity written differently
    (only the first side of a chain, used nowhere else, is set aside as a definition)."""
    result, detail = verdict(tmp_path, "softmax_jacobian", r"Q = R = \sum_i s_i")
    assert result == "UNKNOWN" and "'R' is not bound" in detail, detail


def test_a_refutation_states_the_function_it_used(tmp_path):
    """The counterexample names the arbitrary function (a fixed, seeded one), so that a reader can check it."""
    result, detail = verdict(
        tmp_path,
        r"\delta_t = r_t + \gamma V(s_{t+1}) - V(s_t); \gamma: probability",
        r"\delta_t + \delta_{t+1} = r_t + r_{t+1} + V(s_{t+2}) - V(s_t)",
    )
    assert result == "FAIL" and "V(x) = " in detail and "r_k = " in detail and "arbitrary" in detail, detail


def test_a_function_only_the_formula_names_passes_when_it_holds_for_any_function(tmp_path):
    result, detail = verdict(tmp_path, r"a: real; b: real", r"h(a)^2 - h(b)^2 = (h(a) - h(b))(h(a) + h(b))")
    assert result == "PASS", detail


def test_a_function_only_the_formula_names_is_not_refuted_by_one_choice_of_it(tmp_path):
    """h(2a) = 2h(a) fails for most functions, but the author may mean a linear h: UNKNOWN, with the function tried."""
    result, detail = verdict(tmp_path, r"a: real", r"h(2a) = 2 h(a)")
    assert result == "UNKNOWN" and "particular function" in detail and "h(x) = " in detail, detail


def test_a_conditional_probability_is_never_refuted_as_an_arbitrary_function(tmp_path):
    """P(a | b) in the tag's definition must be a distribution: a generic function of (a, b) cannot refute the claim,
    unless the sides differ by the same amount whatever the function is (derive.docs.unchosen_functions)."""
    result, detail = verdict(tmp_path, r"J = P(a | b) + 1; a: real; b: real", r"J = 2 P(a | b)")
    assert result == "UNKNOWN" and "particular function" in detail, detail
    result, detail = verdict(tmp_path, r"J = P(a | b) + 1; a: real; b: real", r"J = P(a | b) + 2")
    assert result == "FAIL" and "for each of four generic choices" in detail, detail


def test_a_recursion_that_never_reaches_a_stated_value_is_unknown(tmp_path):
    """s_{t-1} = 0 names s at one step: the recursion is unrolled, never reaches a stated value, and gives up."""
    result, detail = verdict(tmp_path, r"s_t = s_{t+1} + 1", r"s_{t-1} = 0")
    assert result == "UNKNOWN" and "does not reach" in detail, detail


def test_a_declared_value_of_a_function_keeps_the_name_from_being_arbitrary(tmp_path):
    """V(S_t): real names V at S_t only; V elsewhere stays unbound rather than arbitrary."""
    result, detail = verdict(tmp_path, r"V(S_t): real", r"V(S_{t+1}) = V(S_t)")
    assert result == "UNKNOWN" and "not bound" in detail, detail


def test_a_range_with_a_number_inside_a_comparison_is_refused_with_the_reason(tmp_path):
    result, detail = verdict(tmp_path, r"a: real; a < 1 < b", r"a < 1")
    assert result in ("UNKNOWN", "UNPARSEABLE") and "numbers or declared names" in detail, (result, detail)


def test_the_entropy_of_a_number_is_not_read_as_a_bernoulli_entropy(tmp_path):
    """H(x) of a number may be another function (a step): only a divergence is read between Bernoulli laws."""
    result, detail = verdict(tmp_path, r"\rho: probability", r"H(\rho) = 1")
    assert result == "UNKNOWN" and "a number where a vector" in detail, detail


def test_untagged_a_vector_applied_to_a_summed_variable_is_not_read_as_a_probability(tmp_path):
    """Untagged, p is any vector: Σ_x p(x) = 1 is not refuted by a vector that is not a distribution."""
    path = tmp_path / "doc.md"
    path.write_text("# doc\n\n$$\n\\sum_x p(x) = 1\n$$\n", encoding="utf-8")
    records = check_paths([str(path)])
    assert records and all(r.verdict != "FAIL" for r in records), records


def test_a_free_name_on_one_side_only_is_not_refuted(tmp_path):
    """a + t = 2a may be an equation for t (t = a): a counterexample refutes nothing, so it stays UNKNOWN."""
    result, detail = verdict(tmp_path, r"a: real", r"a + t = 2a")
    assert result == "UNKNOWN" and "may be an equation" in detail, detail


def test_a_derivative_set_to_a_number_may_be_an_equation_for_a_stationary_point(tmp_path):
    # \partial (a + b) / \partial a = 2 is false for every a, b, yet "= number" is how a stationary point is solved for
    result, detail = verdict(tmp_path, "", r"\frac{\partial(a \cdot b)}{\partial a} = 2")
    assert result == "UNKNOWN" and "may be an equation" in detail, detail
    result, detail = verdict(tmp_path, "", r"\frac{\partial L}{\partial L} = 1")
    assert result == "PASS", detail
    # a chain that ends in a number is the same equation, worked: 2a - 2 = 0 at a = 1 only
    result, detail = verdict(tmp_path, "", r"\frac{\partial (a^2 - 2a)}{\partial a} = 2a - 2 = 0")
    assert result == "UNKNOWN" and "may be an equation" in detail, detail


def test_a_free_name_that_holds_on_positive_values_only_is_not_refuted(tmp_path):
    r"""\sqrt{t^2} = t holds for t > 0 only: the author may mean a positive t, so it is UNKNOWN, saying so."""
    result, detail = verdict(tmp_path, r"a: real", r"\sqrt{t^2} + a = t + a")
    assert result == "UNKNOWN" and "positive values only" in detail, detail


def test_a_name_the_tag_renames_to_is_not_made_a_variable(tmp_path):
    """The clause "a = u" says u is the result's name for a: if the result has no u, the tag is wrong, not u a
    variable (while u written in the formula itself is one)."""
    result, detail = verdict(tmp_path, r"relu_derivative; a = u", r"a + w = w + a")
    assert result == "UNKNOWN" and "'u' is not bound" in detail, detail
    assert verdict(tmp_path, r"relu_derivative", r"u + w = w + u")[0] == "PASS"


def test_a_verdict_with_an_inverted_matrix_says_at_which_sizes(tmp_path):
    result, detail = verdict(tmp_path, r"M: matrix", r"\det(M^{-1}) = \frac{1}{\det(M)}")
    assert result == "PASS" and "sizes up to 3" in detail, detail


def test_a_refutation_with_random_variables_names_the_law(tmp_path):
    result, detail = verdict(tmp_path, r"w: random", r"\mathbb{E}[w^2] = \mathbb{E}[w]^2")
    assert result == "FAIL" and "w_values=" in detail and "P_w=" in detail, detail


def test_an_expectation_subscripted_by_other_than_the_tags_random_variables_is_not_read(tmp_path):
    # x \iid p or x \sim q under E: a law the tag's arbitrary one need not be; the subscript is never dropped
    for formula in (r"\mathbb{E}_{x \iid p}[x] = 1", r"\mathbb{E}_{\text{data}}[x] = 1"):
        result, detail = verdict(tmp_path, r"x: random", formula)
        assert result == "UNKNOWN" and "other than the tag's random variables" in detail, (result, detail)


def test_a_family_of_random_variables_whose_members_may_share_one_law_is_unknown_with_both_readings(tmp_path):
    """x_i: random is a family x_1, x_2, ...: E[x_i] = E[x_1] fails for members of different laws and holds for samples
    of one law, as authors often mean; the tag does not say which."""
    result, detail = verdict(tmp_path, r"x_i: random", r"\mathbb{E}[x_i] = \mathbb{E}[x_1]")
    assert result == "UNKNOWN" and "identically distributed" in detail, detail


@pytest.mark.parametrize(
    "correct, wrong",
    [
        (r"\mathbb{E}[p_k^2] = \mathbb{E}[p_k]^2 + \operatorname{Var}(p_k)", r"\mathbb{E}[p_k^2] = \mathbb{E}[p_k]^2"),
        (r"\mathbb{E}[3 p_k + 1] = 3\mathbb{E}[p_k] + 1", r"\mathbb{E}[3 p_k + 1] = 3\mathbb{E}[p_k]"),
        (
            r"\sum_{k=1}^K \mathbb{E}\left[(y_k - p_k)^2\right] = \sum_{k=1}^K \left((y_k - \mathbb{E}[p_k])^2"
            r" + \operatorname{Var}(p_k)\right)",
            r"\sum_{k=1}^K \mathbb{E}\left[(y_k - p_k)^2\right] = \sum_{k=1}^K (y_k - \mathbb{E}[p_k])^2",
        ),
    ],
)
def test_a_family_of_random_variables_is_read_member_by_member(correct, wrong, tmp_path):
    """p_k: random is a family of random variables: an expectation of one member is read under that member's law."""
    assert_page_pass_and_fail(tmp_path, r"p_k: random; y_k: real", correct, wrong)


@pytest.mark.parametrize(
    "formula",
    [
        r"\mathbb{E}[p_1 p_2] = \mathbb{E}[p_1] \mathbb{E}[p_2]",
        r"\operatorname{Var}(p_1 + p_2) = \operatorname{Var}(p_1) + \operatorname{Var}(p_2)",
        r"\mathbb{E}\left[\sum_{k=1}^K p_k\right] = \sum_{k=1}^K \mathbb{E}[p_k]",
    ],
)
def test_an_expectation_of_several_members_of_a_family_needs_their_joint_law(formula, tmp_path):
    result, detail = verdict(tmp_path, r"p_k: random", formula)
    assert result == "UNKNOWN" and "joint law" in detail, (result, detail)


def test_the_softmax_of_a_plain_number_stays_refused(tmp_path):
    result, detail = verdict(tmp_path, r"a: real", r"\operatorname{softmax}(a) = 1")
    assert result == "UNKNOWN" and "the softmax of a number" in detail, detail


def test_a_vector_as_the_bound_of_a_sum_not_over_its_entries_is_refused(tmp_path):
    r"""\sum_{j=1}^q 1 does not index a vector by j: q is not read as the vectors' size there."""
    result, detail = verdict(tmp_path, r"softmax_cross_entropy_gradient", r"\sum_{j=1}^q 1 = n")
    assert result == "UNKNOWN" and "bound of a sum" in detail, detail


def test_a_function_the_chain_uses_again_is_not_set_aside_as_a_name(tmp_path):
    result, detail = verdict(tmp_path, r"a: real", r"f(a) = a^2 = f(a) + 1")
    assert result == "UNKNOWN" and "f is not bound" in detail, detail


def test_a_known_function_at_the_head_of_a_chain_is_checked(tmp_path):
    result, detail = verdict(tmp_path, r"a: real", r"\sigma(a) = a = a")
    assert result == "FAIL" and "link 1" in detail, detail


def test_a_joint_law_over_outcomes_sums_draw_is_read_as_one_law_not_misread(tmp_path):
    """p(x, c) and p(x | c) inside sums over x and c are one joint law (derive.docs.joint_law), tagged: read as one
    entry of p, a correct mutual information would FAIL (here also with its name at the head of the chain).
    Untagged, the same joint law is read when the law and its outcomes are all the formula names
    (derive.docs.untagged_laws), and beside I(x; c) with I's usual meaning over that law; a wrong link still FAILs."""
    for formula in (
        r"\sum_{x, c} p(x, c) \log\frac{p(x, c)}{p(x)p(c)} = \sum_{x, c} p(x, c)\log\frac{p(x|c)}{p(x)}",
        r"I(x; c) = \sum_{x, c} p(x, c) \log\frac{p(x, c)}{p(x)p(c)} = \sum_{x, c} p(x, c)\log\frac{p(x|c)}{p(x)}",
    ):
        result, detail = verdict(tmp_path, "", formula)
        assert result == "PASS", (formula, result, detail)
        result, detail = verdicts(tmp_path, formula)[0]
        assert result == "PASS" and "one joint law" in detail, (formula, result, detail)
        wrong = formula.replace(r"\log\frac{p(x|c)}{p(x)}", r"\log\frac{p(c|x)}{p(x)}")
        result, detail = verdicts(tmp_path, wrong)[0]
        assert result == "FAIL" and "one joint law" in detail, (wrong, result, detail)


def test_a_document_defining_zeta_otherwise_keeps_its_own_meaning(tmp_path):
    """zeta is the softplus only when the document does not define it: here zeta(x) = x^2."""
    correct, wrong = r"\zeta(x) + \zeta(-x) = 2x^2", r"\zeta(x) - \zeta(-x) = x"
    assert verdicts(tmp_path, r"\zeta(x) := x^2", correct)[1][0] == "PASS"
    assert verdicts(tmp_path, r"\zeta(x) := x^2", wrong)[1][0] == "FAIL"


def test_phi_alone_and_zeta_of_a_number_are_not_read_by_convention(tmp_path):
    """phi without Phi is as often a feature map; zeta(2) more likely Riemann's zeta: neither is refuted."""
    for formula in (r"\phi(x) = \phi(-x) + 1", r"\zeta(2) = \frac{\pi^2}{6}"):
        result, detail = verdict(tmp_path, None, formula)
        assert result not in ("PASS", "FAIL"), (formula, result, detail)


def test_a_chained_condition_in_the_tag_is_checked_at_as_many_points_as_without_one(tmp_path):
    """0 < a < b keeps about one point in eight of the box: spare points are drawn until the usual number is met."""
    passed = verdict(tmp_path, "a: real; b: real; 0 < a < b", r"\frac{b}{a} > 1")
    assert passed[0] == "PASS" and "at all 20 points" in passed[1], passed
    failed = verdict(tmp_path, "a: real; b: real; 0 < a < b", r"\frac{b}{a} < 1")
    assert failed[0] == "FAIL", failed


def test_a_condition_number_under_an_ordered_pair_of_eigenvalues(tmp_path):
    """With κ = λ_n/λ_1 and 0 < λ_1 < λ_n the square roots are needed; without them the rate FAILs."""
    tag = r"\kappa = \lambda_n/\lambda_1; 0 < \lambda_1 < \lambda_n"
    left = r"\left(\frac{\sqrt{\lambda_{n}}-\sqrt{\lambda_{1}}}{\sqrt{\lambda_{n}}+\sqrt{\lambda_{1}}}\right)^{2}"
    passed = verdict(tmp_path, tag, left + r" = \left(\frac{\sqrt{\kappa}-1}{\sqrt{\kappa}+1}\right)^{2}")
    assert passed[0] == "PASS", passed
    failed = verdict(tmp_path, tag, left + r" = \left(\frac{\kappa-1}{\kappa+1}\right)^{2}")
    assert failed[0] == "FAIL", failed


def test_a_step_in_a_parenthesised_superscript_is_the_steps_value(tmp_path):
    r"""\eta^{(t)} = ... in the tag gives \eta^{(0)} as \eta_t = ... gives \eta_0 (a schedule at its start)."""
    tag = r"\eta^{(t)} = \frac{1}{\alpha (t_0 + t)}; \alpha > 0; t_0 > 0"
    passed = verdict(tmp_path, tag, r"\eta^{(0)} = \frac{1}{\alpha t_0}")
    assert passed[0] == "PASS", passed
    failed = verdict(tmp_path, tag, r"\eta^{(0)} = \frac{1}{\alpha}")
    assert failed[0] == "FAIL", failed


def test_a_step_superscript_is_never_the_bare_name_the_tag_declares(tmp_path):
    """x^{(t+1)} = x^{(t)} + 1 is an update of a sequence, not x = x + 1 for the tag's number x."""
    found = verdict(tmp_path, "x: real", r"x^{(t+1)} = x^{(t)} + 1")
    assert found[0] == "UNKNOWN" and "name of its own" in found[1], found


def test_a_parenthesised_superscript_before_arguments_is_a_name_of_its_own(tmp_path):
    """f^{(2)}(x) may be a second derivative: it is never the tag's f at x."""
    found = verdict(tmp_path, "f(x) = x^3", r"f^{(2)}(x) = x^3")
    assert found[0] == "UNKNOWN", found


@pytest.mark.parametrize(
    "tag, correct, wrong, at",
    [  # C \ge 2 is checked at C = 2, where twenty draws from 2 to 13 may all miss it; k \le 40 reaches 40
        (r"C: positive integer; C \ge 2", r"\frac{1}{C} \le \frac{1}{2}", r"\frac{1}{C} \le \frac{1}{3}", "C=2"),
        (r"k: positive integer; 1 \le k \le 40", r"k \le 40", r"k \le 39", "k=40"),
    ],
)
def test_a_range_of_whole_numbers_is_checked_at_its_ends(tmp_path, tag, correct, wrong, at):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)
    detail = verdict(tmp_path, tag, wrong)[1]
    assert f" {at}" in detail and "doc_" not in detail, detail


@pytest.mark.parametrize(
    "tag, correct, formula, at",
    [
        (r"k \in \{1, 2, 3\}", r"k^2 = k \cdot k", r"k^2 = k", "at k=2:"),
        (r"k \in \{0, 1, 2\}", r"\sum_{j=0}^{k} j = \frac{k(k+1)}{2}", r"\sum_{j=0}^{k} j = k^2", "at k=2:"),
        (r"k: positive integer", r"k^2 = k \cdot k", r"k^2 = k", "at k="),
    ],
)
def test_a_counterexample_names_the_tags_whole_number_as_the_document_writes_it(tmp_path, tag, correct, formula, at):
    """k from a listed set is shown as k with the value refuting the formula, never as the notation's size n."""
    found = verdict(tmp_path, tag, formula)
    assert found[0] == "FAIL" and at in found[1] and "doc_" not in found[1] and "n=" not in found[1], found
    assert verdict(tmp_path, tag, correct)[0] == "PASS"


def test_an_entry_of_the_shared_distribution_applied_to_arguments_is_refused(tmp_path):
    """p_i(x | z) is a law of its own (the i-th of a family), never the number p_i with its arguments dropped."""
    for formula in (r"p_i(x) = p_i", r"p_i(x | z) = \frac{p_i(x, z)}{p_i(z)}"):
        found = verdict(tmp_path, "", formula)
        assert found[0] == "UNKNOWN" and "applies an entry of the vector p" in found[1], found
    assert verdict(tmp_path, "", r"p_i = \frac{p_i^2}{p_i}")[0] == "PASS"
    assert verdict(tmp_path, "", r"p_i = \frac{p_i^2}{2 p_i}")[0] == "FAIL"


def test_a_free_name_that_holds_on_negative_values_only_is_not_refuted(tmp_path):
    r"""\sigma(t) \ge e^t/2 holds for t \le 0 only: UNKNOWN, saying so; \ge 2e^t holds nowhere: refuted."""
    result, detail = verdict(tmp_path, r"a: real", r"\frac{1}{1+e^{-t}} + a \ge \frac{e^t}{2} + a")
    assert result == "UNKNOWN" and "negative values only" in detail, detail
    result, detail = verdict(tmp_path, r"a: real", r"\frac{1}{1+e^{-t}} + a \ge 2 e^t + a")
    assert result == "FAIL" and "negative values and values in (0, 1)" in detail, detail


def test_a_free_name_where_the_sides_have_no_value_is_no_evidence(tmp_path):
    r"""\log t has no value for t < 0: the negatives do not keep a formula the other domains refute from failing."""
    result, detail = verdict(tmp_path, r"a: real", r"\log t + a \ge t - 1 + a")
    assert result == "FAIL" and "(negative values: the sides have real values at only 0 of" in detail, detail
    result, detail = verdict(tmp_path, r"a: real", r"\log t + a \le t - 1 + a")
    assert result == "PASS", detail


def test_a_free_name_that_gives_the_sides_no_value_on_any_domain_leaves_it_undecided(tmp_path):
    result, detail = verdict(tmp_path, r"a: real", r"\sqrt{-1 - t^2} + a = a")
    assert result == "UNKNOWN" and "real values at only 0 of" in detail, detail
