"""Functions, definitions and recurrences a tag states: each rule is read on a correct formula (PASS) and on a wrong
variant of it (FAIL) by the same machinery, through the public API."""

import pytest
from checking import assert_page_pass_and_fail, verdict

# (name, tag, correct formula, wrong variant)
# the softmax's entries and the cross-entropy's terms, each defined at every index
SOFTMAX_ENTRIES = (
    r"L = -\sum_j^C y_j \log p_j; \ell_j = - y_j \log p_j; p_j = \frac{\exp(a_j)}{\sum_k^C \exp(a_k)};"
    r" \mathbf{a} \in \mathbb{R}^C; i, j, k \in \{1, \ldots, C\}"
)

PAIRS = [
    (
        "a family the tag defines at a label in parentheses, o^{(j)}, written at its members o^{(1)} and o^{(2)}",
        r"o^{(j)} = 2 v^{(j)}",
        r"o^{(2)} + o^{(1)} = 2 v^{(1)} + 2 v^{(2)}",
        r"o^{(2)} + o^{(1)} = 2 v^{(1)} + 3 v^{(2)}",
    ),
    (
        "values the tag declares at x, x^+ and x^-_j are three vectors, never one",
        r"h(\mathbf{x}): vector; h(\mathbf{x}^+): vector; h(\mathbf{x}^-_j): vector",
        r"h(\mathbf{x})^\top h(\mathbf{x}^+) + h(\mathbf{x})^\top h(\mathbf{x}^-_j)"
        r" = h(\mathbf{x}^+)^\top h(\mathbf{x}) + h(\mathbf{x}^-_j)^\top h(\mathbf{x})",
        r"h(\mathbf{x})^\top h(\mathbf{x}^+) + h(\mathbf{x})^\top h(\mathbf{x}^-_j)"
        r" = h(\mathbf{x})^\top h(\mathbf{x}) + h(\mathbf{x}^-_j)^\top h(\mathbf{x})",
    ),
    (
        "a function of theta conditioned on s: the log-derivative trick at one action",
        r"\pi_\theta(a \vert s) > 0; \pi_\theta(a \vert s): function of \theta",
        r"\nabla_\theta \ln \pi_\theta(a \vert s) = \frac{\nabla_\theta \pi_\theta(a \vert s)}{\pi_\theta(a \vert s)}",
        r"\nabla_\theta \ln \pi_\theta(a \vert s) = \frac{\pi_\theta(a \vert s)}{\nabla_\theta \pi_\theta(a \vert s)}",
    ),
    (
        "a letter the shared notation names a vector, declared any function, is that function where applied (g(x))",
        r"g: function",
        r"\frac{d}{dx} g(x)^2 = 2 g(x) \frac{d g(x)}{dx}",
        r"\frac{d}{dx} g(x)^2 = 3 g(x) \frac{d g(x)}{dx}",
    ),
    (
        "a function declared any function, named bare in a derivative beside its one application (dg/dx, g(x))",
        r"f(x) = \exp(g(x)); g: function",
        r"\frac{df}{dx} = \exp(g(x)) \cdot \frac{dg}{dx}",
        r"\frac{df}{dx} = \exp(g(x)) + \frac{dg}{dx}",
    ),
    (
        "a capital letter with one letter above it, applied to arguments, is one function (Q^pi(s, a))",
        r"Q^\pi(s, a): function of \theta",
        r"\nabla_\theta Q^\pi(s, a)^2 = 2 Q^\pi(s, a) \nabla_\theta Q^\pi(s, a)",
        r"\nabla_\theta Q^\pi(s, a)^2 = Q^\pi(s, a) \nabla_\theta Q^\pi(s, a)",
    ),
    (
        "a capital letter under a policy with a subscript of its own, applied, is one function (V^{pi_old}(s))",
        r"A^{\pi_{old}}(s, a) = Q^{\pi_{old}}(s, a) - V^{\pi_{old}}(s)",
        r"A^{\pi_{old}}(s, a) + V^{\pi_{old}}(s) = Q^{\pi_{old}}(s, a)",
        r"A^{\pi_{old}}(s, a) - V^{\pi_{old}}(s) = Q^{\pi_{old}}(s, a)",
    ),
    (
        "a function declared by its name alone with a raised label is the labelled function applied (Q^pi: function)",
        r"A^\pi(s, a) = Q^\pi(s, a) - V^\pi(s); Q^\pi: function; V^\pi: function",
        r"Q^\pi(s, a) = V^\pi(s) + A^\pi(s, a)",
        r"Q^\pi(s, a) = V^\pi(s) - A^\pi(s, a)",
    ),
    (
        "a lower-case letter under the policy pi, applied, is one function (d^pi(s), the states' distribution)",
        r"g(s, a): function; d^\pi(s): function",
        r"\sum_s d^\pi(s) \sum_a g(s, a) = \sum_a \sum_s d^\pi(s) g(s, a)",
        r"\sum_s d^\pi(s) \sum_a g(s, a) = \sum_a \sum_s g(s, a)",
    ),
    (
        "a function the tag defines by a derivative, applied at an expression, is that derivative taken there",
        r"\psi(u) = \frac{d}{du} u^3",
        r"\psi(2x) = 12 x^2",
        r"\psi(2x) = 6 x^2",
    ),
    (
        "the digamma function named in words, applied at a sum (its recurrence)",
        r"\psi is the digamma function; x: positive",
        r"\psi(x + 1) = \psi(x) + \frac{1}{x}",
        r"\psi(x + 1) = \psi(x) + \frac{1}{x^2}",
    ),
    (
        "a function of theta and of its written argument: the chain rule through a square",
        r"f(u): function of \theta",
        r"\frac{\partial}{\partial \theta} f(u)^2 = 2 f(u) \frac{\partial f(u)}{\partial \theta}",
        r"\frac{\partial}{\partial \theta} f(u)^2 = f(u) \frac{\partial f(u)}{\partial \theta}",
    ),
    (
        "a function defined before an implication is put into each of the claims after it",
        "",
        r"f(q,z) = q z \implies \frac{\partial f(q,z)}{\partial q} = z, \hspace{1in} \frac{\partial f(q,z)}{\partial z} = q",
        r"f(q,z) = q z \implies \frac{\partial f(q,z)}{\partial q} = z, \hspace{1in} \frac{\partial f(q,z)}{\partial z} = z",
    ),
    (
        "the parameters of a function defined before an implication are numbers, not the shared vectors x, y",
        "",
        r"q(x,y) = x + y \implies \frac{\partial q(x,y)}{\partial x} = 1, \frac{\partial q(x,y)}{\partial y} = 1",
        r"q(x,y) = x + y \implies \frac{\partial q(x,y)}{\partial x} = 1, \frac{\partial q(x,y)}{\partial y} = 0",
    ),
    (
        "a derivative with respect to a name the tag defines treats it as the chain rule's intermediate variable",
        r"f(q,z) = q z; q(x,y) = x + y",
        r"\frac{\partial f(q,z)}{\partial x} = \frac{\partial q(x,y)}{\partial x} \frac{\partial f(q,z)}{\partial q}",
        r"\frac{\partial f(q,z)}{\partial x} = \frac{\partial q(x,y)}{\partial x} \frac{\partial f(q,z)}{\partial z}",
    ),
    (
        "a derivative by a vector the tag defines, o = W h, is the gradient by o as a column of variables of its own",
        r"J = l(\mathbf{o}); \mathbf{o} = \mathbf{W} \mathbf{h}; \mathbf{W} \in \mathbb{R}^{n \times n}; \mathbf{h} \in \mathbb{R}^n",
        r"\frac{\partial J}{\partial \mathbf{h}} = \mathbf{W}^\top \frac{\partial J}{\partial \mathbf{o}}",
        r"\frac{\partial J}{\partial \mathbf{h}} = \mathbf{W} \frac{\partial J}{\partial \mathbf{o}}",
    ),
    (
        "a derivative by an entry the tag defines at every index, p_j, is by that entry as a variable of its own",
        SOFTMAX_ENTRIES,
        r"\frac{\partial L}{\partial a_i} = \sum_j^C \frac{\partial \ell_j}{\partial p_j} \frac{\partial p_j}{\partial a_i}"
        r" = \sum_j^C y_j (p_i - \delta_{ij})",
        r"\frac{\partial L}{\partial a_i} = \sum_j^C \frac{\partial \ell_j}{\partial p_j} \frac{\partial p_j}{\partial a_i}"
        r" = \sum_j^C y_j (\delta_{ij} - p_i)",
    ),
    (
        "the derivative of the inverse of a function the tag defines (the inverse function theorem)",
        r"f(x) = x^3 + x; y = f(x)",
        r"\dfrac{df^{-1}(y)}{dy} = \dfrac{dx}{dy} = (\dfrac{dy}{dx})^{-1} = (\dfrac{df(x)}{dx})^{-1}",
        r"\dfrac{df^{-1}(y)}{dy} = \dfrac{dx}{dy} = (\dfrac{dy}{dx})^{-1} = \dfrac{df(x)}{dx}",
    ),
    (
        "a recursion from a stated start is unrolled at whole-number steps (Adam's second moment written out)",
        r"v_t = \beta v_{t-1} + (1 - \beta) g_t^2; v_0 = 0; \beta: probability",
        r"v_t = (1 - \beta) \sum_{i=1}^{t} \beta^{t - i} g_i^2",
        r"v_t = (1 - \beta) \sum_{i=1}^{t} \beta^{i} g_i^2",
    ),
    (
        "a recursion from a stated start other than 0: the steps drawn are after it",
        r"s_t = 2 s_{t-1} + 1; s_1 = 1",
        r"s_t = 2^t - 1",
        r"s_t = 2^t + 1",
    ),
    (
        "steps written as superscripts: gradient descent on one eigen-coordinate, from an arbitrary start",
        r"x_i^{k+1} = x_i^k - \alpha \lambda_i x_i^k; k \in \{0, 1, 2, \ldots\}; \alpha > 0; \lambda_i > 0",
        r"x_{i}^{k+1} = (1-\alpha\lambda_i)x^k_i=(1-\alpha \lambda_i)^{k+1}x^0_i",
        r"x_{i}^{k+1} = (1-\alpha\lambda_i)x^k_i=(1-\alpha \lambda_i)^{k}x^0_i",
    ),
    (
        "a name the tag declares at a step superscript (theta^t_i in R) is one number, not a power of theta_i",
        r"0 < D \le 1; \theta^t_i \in \mathbb{R}",
        r"\vert \theta^t_i\vert / D \ge \vert \theta^t_i\vert",
        r"\vert \theta^t_i\vert / D \le \vert \theta^t_i\vert",
    ),
    (
        "names declared together, one at a step superscript (X^q_i, P_i in R^d), are each declared on their own",
        r"X^q_i, P_i \in \mathbb{R}^d",
        r"X^q_i + P_i = P_i + X^q_i",
        r"X^q_i + P_i = P_i - X^q_i",
    ),
    (
        "a clause EXPRESSION = NAME reads the formula's expression as the result's name",
        r"sigmoid_derivative; {v'_{w}}^\top v_{w_I} = x",
        r"1 - \sigma({v'_{w}}^\top v_{w_I}) = \sigma(-{v'_{w}}^\top v_{w_I})",
        r"1 + \sigma({v'_{w}}^\top v_{w_I}) = \sigma(-{v'_{w}}^\top v_{w_I})",
    ),
    (
        "a square matrix written with one index is a family of vectors (a softmax-weighted sum of word vectors)",
        r"u: matrix; v: vector",
        r"\sum_j \exp(u_j^\top v) u_j = \sum_j u_j \exp(v^\top u_j)",
        r"\sum_j \exp(u_j^\top v) u_j = \sum_j u_j \exp(-v^\top u_j)",
    ),
    (
        "numbers the tag declares with whole-number subscripts are a family a sum runs over (a polynomial)",
        r"x: real; \theta_0: real; \theta_1: real; \theta_2: real",
        r"\sum_{k=0}^2 \theta_k x^k = \theta_0 + \theta_1 x + \theta_2 x^2",
        r"\sum_{k=0}^2 \theta_k x^k = \theta_0 x + \theta_1 x^2 + \theta_2 x^3",
    ),
    (
        "a name the tag defines by a function it declares, applied to a sum, takes the function's value there",
        r"y = g(a + 1) + a; g: function; a: real",
        r"y - a = g(1 + a)",
        r"y - a = g(a)",
    ),
    (
        "a name the tag defines by applying its own function to a sum is that function's value, not a product",
        r"f(x) = x^2; y = f(a + 1); a: real",
        r"y = a^2 + 2 a + 1",
        r"y = a^2 + 1",
    ),
    (
        "a reversible block's input is recovered from its outputs, the tag's functions applied to sums",
        r"Y_1 = X_1 + F(X_2 + G(X_1)); Y_2 = X_2 + G(X_1); F, G: function; X_1, X_2: real",
        r"X_1 = Y_1 - F(Y_2)",
        r"X_1 = F(Y_1) - Y_1",
    ),
    (
        "values the tag gives members numbered 1, 2, 3 are a family a sum over its index runs over",
        r"\omega_{1} = 0.9544; \omega_{2} = 1.4950; \omega_{3} = 1.4754",
        r"\frac{\omega_{1}}{\sum_{j=1}^{3} \omega_{j}} = 0.2432",
        r"\frac{e^{\omega_{1}}}{\sum_{j=1}^{3} \omega_{j}} = 0.2432",
    ),
    (
        "members numbered by a row then a column without a comma (w_{21}, w_{22}) are picked at w_{2j}",
        r"w_{21} = 0.5; w_{22} = 1.5; w_{23} = 2; w_{11} = 7",
        r"\sum_{j=1}^{3} w_{2j}^2 = 6.5",
        r"\sum_{j=1}^{3} w_{2j}^2 = 4",
    ),
    (
        "a vector the tag declares with a subscript, written with one more index, is read entry by entry",
        r"\boldsymbol{s}_t \in \mathbb{R}^n; \boldsymbol{h}_i \in \mathbb{R}^n",
        r"\frac{\boldsymbol{s}_t^\top\boldsymbol{h}_i}{\sqrt{n}} = \frac{1}{\sqrt{n}} \sum_{j=1}^{n} s_{t,j} h_{i,j}",
        r"\frac{\boldsymbol{s}_t^\top\boldsymbol{h}_i}{\sqrt{n}} = \frac{1}{n} \sum_{j=1}^{n} s_{t,j} h_{i,j}",
    ),
    (
        "a_{ij} beside the matrix A the tag writes out are its entries, and a sum over them runs over its size",
        r"\mathbf{A} = \begin{bmatrix} 1.0 & 0.1 & 0.1 \\ 0.1 & 3.0 & 0.2 \\ 0.1 & 0.2 & 5.0 \end{bmatrix};"
        r" r_i = \sum_{j \neq i} |a_{ij}|",
        r"r_2 = 0.3",
        r"r_2 = 3.3",
    ),
    (
        "a bare name declared a function of theta stands for its value at theta",
        r"f: positive function of \theta",
        r"\frac{d}{d\theta} \log f = \frac{1}{f} \frac{df}{d\theta}",
        r"\frac{d}{d\theta} \log f = f \frac{df}{d\theta}",
    ),
    (
        "a start z^0 of a sequence the tag defines at superscript steps is its value at step 0, not a power",
        r"v^{t} = \beta v^{t-1} + (1 - \beta) g_t; v^0 = 0; \beta: probability",
        r"v^{t} = (1 - \beta) \sum_{i=1}^{t} \beta^{t - i} g_i",
        r"v^{t} = (1 - \beta) \sum_{i=1}^{t} \beta^{i} g_i",
    ),
    (
        "the tag gives the value of a derivative of names nothing defines, as backpropagation notes sum paths",
        r"\alpha, \beta, \delta, \epsilon: real; \frac{\partial Z}{\partial X} = (\alpha + \beta)(\delta + \epsilon)",
        r"\frac{\partial Z}{\partial X} = \alpha\delta + \alpha\epsilon + \beta\delta + \beta\epsilon",
        r"\frac{\partial Z}{\partial X} = \alpha\delta + \alpha\epsilon + \beta\delta",
    ),
    (
        "a function the tag defines from members of its family (f the mean of the f_i): the members are other functions",
        r"f(x) = \frac{1}{n} \sum_{i = 1}^n f_i(x); n: positive integer",
        r"\frac{1}{n} \sum_{i = 1}^n \nabla f_i(x) = \nabla f(x)",
        r"\sum_{i = 1}^n \nabla f_i(x) = \nabla f(x)",
    ),
    (
        "members of a declared family under a sum are functions of their own, one family whatever the index's letter",
        r"f_i: function; n: positive integer; x: real",
        r"\sum_{i=1}^n 2 f_i(x) = 2 \sum_{j=1}^n f_j(x)",
        r"\sum_{i=1}^n f_i(x)^2 = \frac{1}{n} \left(\sum_{i=1}^n f_i(x)\right)^2",
    ),
    (
        "a function whose parameters carry labels in parentheses, x^{(1)}, and whose brackets are sized, \\big(",
        r"f\big(x^{(1)}, x^{(2)}\big) = x^{(1)} + 2 x^{(2)}",
        r"f(a, b) - f(b, a) = b - a",
        r"f(a, b) - f(b, a) = a - b",
    ),
    (
        "a rotation the tag defines, applied at the entries of two labelled sequences the formula writes at n",
        r"R\big(x^{(1)}, x^{(2)}, m\big) = \begin{pmatrix} x^{(1)} \cos m\theta - x^{(2)} \sin m \theta \\"
        r" x^{(2)} \cos m\theta + x^{(1)} \sin m \theta \end{pmatrix}",
        r"R\big(o^{(1)}_n, o^{(2)}_n, -n\big) = \begin{pmatrix} o^{(1)}_n \cos n\theta + o^{(2)}_n \sin n \theta \\"
        r" o^{(2)}_n \cos n\theta - o^{(1)}_n \sin n \theta \end{pmatrix}",
        r"R\big(o^{(1)}_n, o^{(2)}_n, -n\big) = \begin{pmatrix} o^{(1)}_n \cos n\theta - o^{(2)}_n \sin n \theta \\"
        r" o^{(2)}_n \cos n\theta - o^{(1)}_n \sin n \theta \end{pmatrix}",
    ),
    (
        "a member at an index the tag draws at random: its expectation averages the family (stochastic gradients)",
        r"f(x) = \frac{1}{n} \sum_{i = 1}^n f_i(x); i \sim \text{Uniform}\{1, \ldots, n\}; n: positive integer",
        r"\mathbb{E}_i[\nabla f_i(x)] = \nabla f(x)",
        r"\mathbb{E}_i[\nabla f_i(x)] = n \nabla f(x)",
    ),
    (
        "Pr the tag defines at a plain parameter is that function, in a denominator too",
        r"Pr(y) = \frac{1}{\sqrt{2\pi}} e^{-y^2/2}; y: real",
        r"\frac{1}{Pr(y)} = \sqrt{2\pi} e^{y^2/2}",
        r"\frac{1}{Pr(y)} = \sqrt{2\pi} e^{-y^2/2}",
    ),
    (
        "Pr the tag defines given a parameter after a bar, differentiated in the parameter",
        r"Pr(x|\phi) = \frac{1}{\sqrt{2\pi}\exp[\phi]}\exp\left[-\frac{(x-\phi^3)^{2}}{2\exp[\phi]^{2}}\right];"
        r" \phi: real; x: real",
        r"\frac{\partial}{\partial \phi} \log Pr(x|\phi) = -1 + \frac{3\phi^2 (x - \phi^3)}{e^{2\phi}}"
        r" + \frac{(x-\phi^3)^2}{e^{2\phi}}",
        r"\frac{\partial}{\partial \phi} \log Pr(x|\phi) = -1 + \frac{3\phi^2 (x - \phi^3)}{e^{2\phi}}"
        r" - \frac{(x-\phi^3)^2}{e^{2\phi}}",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_correct_formula_passes_and_its_wrong_variant_fails(name, tag, correct, wrong, tmp_path):
    assert verdict(tmp_path, tag, correct)[0] == "PASS", verdict(tmp_path, tag, correct)[1]
    assert verdict(tmp_path, tag, wrong)[0] == "FAIL", verdict(tmp_path, tag, wrong)[1]


def test_a_policy_summed_over_its_actions_is_not_refuted_by_a_function_that_does_not_sum_to_one(tmp_path):
    # Σ_a ∇π(a|s) = 0 holds for every policy; a generic function of θ refutes it, but is no policy
    tag = r"\pi_\theta(a \vert s): function of \theta; n: dimension"
    found, detail = verdict(tmp_path, tag, r"\sum_{a=1}^{n} \nabla_\theta \pi_\theta(a \vert s) = 0")
    assert found == "UNKNOWN", detail


def test_a_function_of_theta_changes_with_theta(tmp_path):
    # the kind makes theta an argument: the subscript is no mere label, whose gradient would be 0
    tag = r"\pi_\theta(a \vert s): function of \theta"
    formula = r"\nabla_\theta \pi_\theta(a \vert s) = \pi_\theta(a \vert s) - \pi_\theta(a \vert s)"
    found, detail = verdict(tmp_path, tag, formula)
    assert found == "FAIL", detail


def test_a_declared_function_that_is_not_read_as_one_application_is_unknown(tmp_path):
    tag = r"Q^2(s, a): function of \theta"
    found, detail = verdict(tmp_path, tag, r"\nabla_\theta Q^2(s, a) = 0")
    assert found == "UNKNOWN" and "not read as one function" in detail, detail


def test_a_name_set_to_a_value_after_the_claims_of_an_implication_stays_a_condition(tmp_path):
    # "f(x) = x^2 => f(a) = 4, a = 2": the part after the comma names a value, it claims nothing of its own
    found, detail = verdict(tmp_path, "", r"f(x) = x^2 \implies f(a) = 4, a = 2")
    assert found == "PASS", detail
    found, detail = verdict(tmp_path, "", r"f(x) = x^2 \implies f(a) = 5, a = 2")
    assert found == "FAIL", detail


def test_a_derivative_by_a_defined_name_the_numerator_reaches_only_through_its_definition_is_the_chain_rule(tmp_path):
    # dx/dy for y = f(x): x is what y is defined by, so x is not held while y varies
    tag = r"f(x) = x^3 + x; y = f(x)"
    assert verdict(tmp_path, tag, r"\frac{dx}{dy} = \frac{1}{3x^2 + 1}")[0] == "PASS"
    assert verdict(tmp_path, tag, r"\frac{dx}{dy} = 3x^2 + 1")[0] == "FAIL"


def test_a_superscript_that_is_no_step_of_the_recursion_stays_unread(tmp_path):
    # x^2 beside x^{k+1} = x^k / 2 may be the square or the second step: not decided either way
    tag = r"x^{k+1} = x^k / 2; k \in \{0, 1, 2, \ldots\}"
    found, detail = verdict(tmp_path, tag, r"x^2 = x^0 / 4")
    assert found == "UNKNOWN", detail


def test_a_row_break_with_extra_space_splits_the_rows_only(tmp_path):
    tag = r"x_i^{k+1} = x_i^k - \alpha \lambda_i x_i^k; k \in \{0, 1, 2, \ldots\}; \alpha > 0; \lambda_i > 0"
    rows = r"x_{i}^{k+1} & =x_{i}^{k}-\alpha \lambda_ix_{i}^{k} \\[0.4em] &= (1-\alpha\lambda_i)x^k_i"
    assert verdict(tmp_path, tag, rows)[0] == "PASS"
    assert verdict(tmp_path, tag, rows.replace("(1-", "(1+"))[0] == "FAIL"


def test_a_matrix_written_with_one_index_beside_its_entries_is_not_read(tmp_path):
    # u_j beside u_{jk}: whether u_j is a row or a column of u decides the formula, and it is not said
    found, detail = verdict(tmp_path, r"u: matrix; v: vector", r"u_j^\top v = \sum_k u_{jk} v_k")
    assert found == "UNKNOWN" and "row or a column" in detail, detail


def test_a_member_the_family_does_not_have_has_no_value(tmp_path):
    tag = r"x: real; \theta_0: real; \theta_1: real; \theta_2: real"
    found, detail = verdict(tmp_path, tag, r"\sum_{k=0}^3 \theta_k x^k = \theta_0 + \theta_1 x + \theta_2 x^2")
    assert found == "UNKNOWN", detail


def test_an_input_only_the_tags_definitions_write_is_read_for_all_its_values(tmp_path):
    # X_2 appears only in the definitions of Y_1 and Y_2: the identity holds for every input, so it PASSes; a
    # refutation is withheld, since the author may mean particular inputs the formula never writes
    tag = r"Y_1 = F(X_2 + G(X_1)) + X_1; Y_2 = X_2 + G(X_1); F, G: function"
    found, detail = verdict(tmp_path, tag, r"X_1 = Y_1 - F(Y_2)")
    assert found == "PASS" and "X_2" in detail, detail
    found, detail = verdict(tmp_path, tag, r"X_1 = F(Y_1) - Y_1")
    assert found == "UNKNOWN" and "only in the tag's definitions" in detail, detail
    # a particular value claimed with such an input (y = 3) is an equation in it, never refuted
    found, detail = verdict(tmp_path, r"y = a + b; a: real", r"y = 3")
    assert found == "UNKNOWN", detail


def test_a_sum_past_the_members_the_tag_gives_values_has_no_value(tmp_path):
    # the tag gives omega_1 to omega_3 only: omega_4 is nothing, and members numbered from 0 are not read as a list
    tag = r"\omega_{1} = 1; \omega_{2} = 0.5; \omega_{3} = 0.5"
    assert verdict(tmp_path, tag, r"\sum_{j=1}^{4} \omega_{j} = 2")[0] == "UNKNOWN"
    zero = r"\omega_{0} = 1; \omega_{1} = 0.5; \omega_{2} = 0.5"
    assert verdict(tmp_path, zero, r"\sum_{j=0}^{2} \omega_{j} = 3")[0] == "UNKNOWN"
    # a sum up to a name runs over the members given: n is their number
    assert verdict(tmp_path, tag, r"\sum_{j=1}^{n} \omega_{j} = 2")[0] == "PASS"


def test_an_inequality_about_a_policy_is_not_refuted_by_a_function_above_one(tmp_path):
    # a policy's probability is at most 1; a generic positive function of theta is not, and is no policy
    tag = r"\pi_\theta(a \vert s) > 0; \pi_\theta(a \vert s): function of \theta"
    found, detail = verdict(tmp_path, tag, r"\pi_\theta(a \vert s) \le 1")
    assert found != "FAIL", detail


def test_a_letter_of_a_sum_over_the_steps_is_a_step_not_a_power(tmp_path):
    """w^{k+1} = w^0 - α Σ_{i=0}^{k} h(w^i) unrolls w^{k+1} = w^k - α h(w^k): w^i is the i-th iterate, so the formula
    is never refuted as if it wrote w to the power i."""
    result, detail = verdict(
        tmp_path,
        r"w^{k+1} = w^k - \alpha h(w^k); h: function; \alpha > 0",
        r"w^{k+1} = w^{0} - \alpha \sum_{i=0}^{k} h(w^i)",
    )
    assert result != "FAIL", detail


def test_a_name_declared_at_a_step_superscript_is_one_number_in_either_order_of_its_scripts(tmp_path):
    for declared in (r"\theta^t_i: real", r"\theta_i^t \in \mathbb{R}", r"\theta^{(t)}_i \in \mathbb{R}"):
        written = declared.split(":")[0].split(r" \in")[0]
        holds = verdict(tmp_path, rf"0 < D \le 1; {declared}", rf"\vert {written}\vert / D \ge \vert {written}\vert")
        assert holds[0] == "PASS" and "own variables" not in holds[1], (declared, holds)
        fails = verdict(tmp_path, rf"0 < D \le 1; {declared}", rf"\vert {written}\vert / D \le \vert {written}\vert")
        assert fails[0] == "FAIL" and "theta_i,t=" in fails[1], (declared, fails)
    # a superscript that is no step (a number) is not a name's step: the clause is refused as before
    refused = verdict(tmp_path, r"\theta_i^2 \in \mathbb{R}", r"\theta_i^2 \ge 0")
    assert refused[0] != "PASS", refused


def test_a_lower_case_letter_under_another_letter_before_a_bracket_stays_a_power(tmp_path):
    """x^\\alpha (1 - x) multiplies a power by the bracket, as does u^\\pi (1 - u): only a bracket of plain names
    after the policy \\pi makes a lower-case function (d^\\pi(s))."""
    for power in (r"x^\alpha", r"x^\pi"):
        correct = power + r"(1-x) = " + power + " - " + power.replace("^", "^{") + "+1}"
        result, detail = verdict(tmp_path, "", correct)
        assert result == "PASS", (correct, result, detail)
        wrong = power + r"(1-x) = " + power + " - " + power.replace("^", "^{") + "+2}"
        result, detail = verdict(tmp_path, "", wrong)
        assert result == "FAIL", (wrong, result, detail)


def test_members_of_a_family_under_a_sum_are_not_one_function(tmp_path):
    """Σ_i f_i(x)² = (Σ_i f_i(x))² / n holds when every member is the same function, and only then: the members differ,
    so a family nothing defines refutes it (UNKNOWN: the author may mean particular functions), never PASSes."""
    found, detail = verdict(
        tmp_path,
        "n: positive integer; x: real",
        r"\sum_{i=1}^n f_i(x)^2 = \frac{1}{n}\left(\sum_{i=1}^n f_i(x)\right)^2",
    )
    assert found == "UNKNOWN" and "fails" in detail, detail


def test_a_law_at_a_name_with_a_sign_raised_over_it_is_not_read_as_another_outcome_or_a_product(tmp_path):
    """p(x^+) beside p(x): x^+ is a name of its own, neither the outcome x nor p times x^+; unread, UNKNOWN."""
    result, detail = verdict(tmp_path, r"p: distribution", r"p(x^+) = p(x)")
    assert result == "UNKNOWN" and "a sign raised over it" in detail, detail


def test_a_function_with_labelled_parameters_set_equal_to_names_on_one_side_only_is_unknown(tmp_path):
    # c_n and d_n are written on the right only: the formula may say what they are, it claims nothing for all values
    tag = (
        r"R\big(x^{(1)}, x^{(2)}, m\big) = \begin{pmatrix} x^{(1)} \cos m\theta \\ x^{(2)} \sin m \theta \end{pmatrix}"
    )
    found, detail = verdict(
        tmp_path, tag, r"R\big(o^{(1)}_n, o^{(2)}_n, -n\big) = \begin{pmatrix} c_n \\ d_n \end{pmatrix}"
    )
    assert found == "UNKNOWN" and "not bound" in detail, detail


def test_a_derivative_by_a_defined_vector_the_numerator_also_reaches_otherwise_is_unknown(tmp_path):
    # J = \|o\|^2 + h_1 depends on h apart from o = W h: which of the two is held while o varies is not said
    tag = r"J = \|\mathbf{o}\|^2 + \mathbf{h}_1; \mathbf{o} = \mathbf{W} \mathbf{h}; \mathbf{W} \in \mathbb{R}^{n \times n}"
    found, detail = verdict(
        tmp_path,
        tag,
        r"\frac{\partial J}{\partial \mathbf{h}} = \mathbf{W}^\top \frac{\partial J}{\partial \mathbf{o}}",
    )
    assert found == "UNKNOWN" and "not a variable of the result" in detail, detail


@pytest.mark.parametrize(
    "formula",
    [
        r"\frac{\partial L}{\partial p_j} = -\frac{y_j}{p_j}",  # L writes every entry: how they move with p_j is not read
        r"\frac{\partial (p_j a_j)}{\partial p_j} = a_j",  # a_j varies with p_j held? not said
    ],
)
def test_a_derivative_by_a_defined_entry_the_numerator_reaches_otherwise_is_unknown(tmp_path, formula):
    found, detail = verdict(tmp_path, SOFTMAX_ENTRIES, formula)
    assert found == "UNKNOWN" and "not a variable of the result" in detail, detail


@pytest.mark.parametrize(
    "correct, wrong",
    [
        (r"f(2) = e^{z_2}", r"f(2) = e^{z_1}"),
        (r"\sum_{c=1}^{C} f(c) = \sum_{k=1}^{C} e^{z_k}", r"\sum_{c=1}^{C} f(c) = \sum_{k=1}^{C} e^{2 z_k}"),
    ],
)
def test_a_parameter_the_body_writes_as_an_index_takes_the_whole_number_it_is_given(tmp_path, correct, wrong):
    # f(j) = e^{z_j} at f(2) is e^{z_2}: the body's j had been an index of its own, and f(2) = e^{z_2} a false alarm
    assert_page_pass_and_fail(tmp_path, r"f(j) = e^{z_j}; z \in \mathbb{R}^C", correct, wrong)


def test_a_function_declared_any_function_in_a_formula_of_vectors_is_not_read_as_a_number(tmp_path):
    # g(w) \cdot y beside a bold Jacobian: the generator's output may be a vector, which an arbitrary function is not
    tag = r"g: function; \mathbf{J}_w = \frac{\partial g}{\partial w}"
    for latex in (
        r"\mathbf{J}^\top_{w} y = \nabla_w \big(g(w) \cdot y \big)",
        r"\mathbf{J}_{w} y = \nabla_w \big(g(w) \cdot y \big)",
    ):
        assert verdict(tmp_path, tag, latex)[0] == "UNKNOWN"
