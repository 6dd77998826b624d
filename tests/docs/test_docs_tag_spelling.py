"""Tag clauses spelt as mathematicians write them (``x \\in \\mathbb{R}^n``, ``\\beta \\in [0, 1)``, ``a, b > 0``,
``A: m \\times n matrix``, ``\\sigma: the sigmoid``, ``where ...``): each is read on a correct formula (PASS) and on a
wrong variant of it (FAIL) by the same machinery; a spelling the checker cannot model is refused with one line."""

import pytest
from checking import assert_page_pass_and_fail, verdict

from derive.docs.tags import TagError, parse_tag

# (tag, correct formula, wrong variant)
PAIRS = [
    # memberships
    (r"x \in \mathbb{R}", r"|x| \ge x", r"|x| = x"),
    (r"x \in \mathbb{R}_{>0}", r"\log(x^2) = 2\log x", r"\log(x^2) = \log x"),
    (r"x \in \mathbb{R}_+", r"\sqrt{x^2} = x", r"\sqrt{x^2} = -x"),
    (r"x \in \mathbb{R}^+", r"\sqrt{x^2} = x", r"\sqrt{x^2} = -x"),
    (r"x \in \mathbb{R}_{\ge 0}", r"\sqrt{x^2} = x", r"\sqrt{x^2} = -x"),
    (r"x \in [0, \infty)", r"\sqrt{x^2} = x", r"\sqrt{x^2} = -x"),
    (r"x \in (-\infty, 0]", r"\sqrt{x^2} = -x", r"\sqrt{x^2} = x"),
    (r"\beta \in (0, 1)", r"\beta^2 < \beta", r"\beta^2 > \beta"),
    (r"\beta \in [0, 1]", r"\beta^2 \le \beta", r"\beta^2 \ge \beta"),
    (
        r"\gamma \in [0, 1)",
        r"\sum_{k=0}^{\infty} \gamma^k = \frac{1}{1-\gamma}",
        r"\sum_{k=0}^{\infty} \gamma^k = \frac{1}{1+\gamma}",
    ),
    (r"\beta \in \left(0, 1\right)", r"\log \beta < 0", r"\log \beta > 0"),
    (r"n \in \mathbb{N}", r"\sum_{k=1}^n k = \frac{n(n+1)}{2}", r"\sum_{k=1}^n k = \frac{n^2}{2}"),
    (r"m \in \mathbb{N}", r"\sum_{k=1}^m (2k - 1) = m^2", r"\sum_{k=1}^m (2k - 1) = m^2 + 1"),
    (r"n \in \mathbb{Z}_{\ge 1}", r"\sum_{k=1}^n k = \frac{n(n+1)}{2}", r"\sum_{k=1}^n k = \frac{n^2}{2}"),
    (r"k \in \mathbb{Z}", r"\cos(2\pi k) = 1", r"\cos(\pi k) = 1"),
    (r"x \in \mathbb{R}^n", r"\sum_{i=1}^n x_i^2 \ge 0", r"\sum_{i=1}^n x_i \ge 0"),
    (r"u \in \mathbb{R}^{d}", r"\|u\|_2^2 = \sum_{i=1}^d u_i^2", r"\|u\|_2^2 = \sum_{i=1}^d u_i"),
    (r"u, v \in \mathbb{R}^d", r"u^\top v = \sum_{i=1}^{d} u_i v_i", r"u^\top v = \sum_{i=1}^{d} u_i v_{d+1-i}"),
    (r"w \in \mathbb{R}^{d \times 1}", r"w^\top w = \sum_{i=1}^{d} w_i^2", r"w^\top w = \sum_{i=1}^{d} w_i"),
    (
        r"v \in \mathbb{R}_{>0}^n",
        r"\sum_{i=1}^{n} \sqrt{v_i^2} = \sum_{i=1}^{n} v_i",
        r"\sum_{i=1}^{n} \sqrt{v_i^2} = -\sum_{i=1}^{n} v_i",
    ),
    (r"A \in \mathbb{R}^{n \times n}", r"(A^\top)^\top = A", r"A^\top = A"),
    # a decorated name without braces, as \bar\alpha_t is usually written
    (
        r"\bar\alpha_t \in (0, 1); x_0, \epsilon \in \mathbb{R}; x_t = \sqrt{\bar\alpha_t} x_0 + \sqrt{1 - \bar\alpha_t}\epsilon",
        r"x_0 = \frac{x_t - \sqrt{1 - \bar\alpha_t}\,\epsilon}{\sqrt{\bar\alpha_t}}",
        r"x_0 = \frac{x_t - (1 - \bar\alpha_t)\,\epsilon}{\sqrt{\bar\alpha_t}}",
    ),
    (r"\hat x \in (0, 1)", r"\hat x(1 - \hat x) \le \frac{1}{4}", r"\hat x(1 - \hat x) \ge \frac{1}{4}"),
    (
        r"A \in \mathbb{R}^{m \times n}",
        r"\operatorname{tr}(A^\top A) = \sum_{i=1}^{m} \sum_{j=1}^{n} A_{ij}^2",
        r"\operatorname{tr}(A^\top A) = \sum_{i=1}^{m} \sum_{j=1}^{n} A_{ij}",
    ),
    (r"p \in \Delta^{n-1}", r"\sum_{i=1}^n p_i = 1", r"\sum_{i=1}^n p_i = 0"),
    (r"p \in \Delta_K", r"\sum_{k=1}^K p_k = 1", r"\sum_{k=1}^K p_k = K"),
    (r"t \in \{1, \ldots, T\}", r"\sum_{s=1}^{t} 1 = t", r"\sum_{s=1}^{t} 1 = T"),
    # up to a whole number times a name, \{1, \ldots, 2N\} (SimCLR's 2N views): the name is the whole number
    (r"k \in \{1, \ldots, 2N\}", r"\sum_{k} k = N(2N+1)", r"\sum_{k} k = N(2N-1)"),
    (r"t \in \{1, \ldots, 2N\}", r"t \le 2N", r"t \le N"),
    (r"y \in \{-1, 1\}", r"y^2 = 1", r"y = 1"),
    (
        r"x \in \mathcal{X}",
        r"\sum_{x} p(x) \log \frac{p(x)}{q(x)} \ge 0",
        r"\sum_{x} p(x) \log \frac{p(x)}{q(x)} \le 0",
    ),
    (r"b \in \{0, 1\}", r"b^2 = b", r"b^2 = 1"),
    (r"k \in \{0, 1, 2, \ldots\}", r"\sum_{i=0}^{k} 1 = k + 1", r"\sum_{i=0}^{k} 1 = k"),
    (r"k \in \{2, 3, \ldots\}", r"\frac{1}{k} \le \frac{1}{2}", r"\frac{1}{k} \le \frac{1}{3}"),
    (r"m, n \in \{1, 2, 3, \ldots\}", r"m n \ge m", r"m n \ge m + n"),
    (
        r"\mathbf{o} \in \mathbb{R}^q; j, k \in \{1, \ldots, q\}",
        r"o_j - o_k \le \max_i o_i - \min_i o_i",
        r"o_j - o_k \le \max_i o_i",
    ),
    (r"\mathbf{o} \in \mathbb{R}^q; q \ge 2", r"\frac{1}{q} \le \frac{1}{2}", r"\frac{1}{q} \le \frac{1}{3}"),
    (r"n \in \mathbb{Z}", r"|n| \ge n", r"|n| = n"),
    (r"k \in \mathbb{Z}; k \neq 0", r"\frac{k^2}{k} = k", r"\frac{k^2}{k} = 1"),
    (r"w_t(i) \in [0, 1]; a: real", r"w_t(i) a + (1 - w_t(i)) a = a", r"w_t(i) a + (1 - w_t(i)) a = 2a"),
    (r"h = \tanh; a: real", r"h(-a) = -h(a)", r"h(-a) = h(a)"),
    # lists and separators
    (r"a > 0, b > 0", r"\sqrt{ab} \le \frac{a+b}{2}", r"\sqrt{ab} \ge \frac{a+b}{2}"),
    (r"a, b > 0", r"\sqrt{ab} \le \frac{a+b}{2}", r"\sqrt{ab} \ge \frac{a+b}{2}"),
    (r"a > 0 and b > 0", r"\sqrt{ab} \le \frac{a+b}{2}", r"\sqrt{ab} \ge \frac{a+b}{2}"),
    (r"a, b: positive", r"\sqrt{ab} \le \frac{a+b}{2}", r"\sqrt{ab} \ge \frac{a+b}{2}"),
    (r"0 < a, b < 1", r"ab < a", r"ab > a"),
    (r"x: real, y: real", r"|x + y| \le |x| + |y|", r"|x + y| = |x| + |y|"),
    (r"x, y \in \mathbb{R}", r"|x + y| \le |x| + |y|", r"|x + y| = |x| + |y|"),
    # introducing words and punctuation
    (r"where \beta \in (0, 1)", r"\beta^2 < \beta", r"\beta^2 > \beta"),
    (r"with x: real", r"|x| \ge x", r"|x| = x"),
    (r"let x \in \mathbb{R}", r"|x| \ge x", r"|x| = x"),
    (r"given x > 0", r"\log(x^2) = 2\log x", r"\log(x^2) = \log x"),
    (r"for all x \in \mathbb{R}", r"|x| \ge x", r"|x| = x"),
    (r"\forall x \in \mathbb{R}", r"|x| \ge x", r"|x| = x"),
    (r"$x \in \mathbb{R}$", r"|x| \ge x", r"|x| = x"),
    (r"x: real.", r"|x| \ge x", r"|x| = x"),
    (r"x: \text{real}", r"|x| \ge x", r"|x| = x"),
    (r"\text{x is real}", r"|x| \ge x", r"|x| = x"),
    (r"x is a positive number", r"\log(x^2) = 2\log x", r"\log(x^2) = \log x"),
    (r"x and y are real", r"|x + y| \le |x| + |y|", r"|x + y| = |x| + |y|"),
    (r"\beta is in (0, 1)", r"\beta^2 < \beta", r"\beta^2 > \beta"),
    (r"\beta := 0.5", r"\beta^2 = 0.25", r"\beta^2 = 0.5"),
    # kinds in words
    (r"x: n-dimensional vector", r"\sum_{i=1}^n x_i^2 \ge 0", r"\sum_{i=1}^n x_i \ge 0"),
    (r"h: vector of length d", r"\|h\|_2^2 = \sum_{i=1}^d h_i^2", r"\|h\|_2^2 = \sum_{i=1}^d h_i"),
    (r"x: vector in \mathbb{R}^n", r"\sum_{i=1}^n x_i^2 \ge 0", r"\sum_{i=1}^n x_i \ge 0"),
    (r"x: column vector", r"x^\top x \ge 0", r"x^\top x \le 0"),
    (r"\theta: real vector", r"\theta^\top \theta \ge 0", r"\theta^\top \theta \le 0"),
    (
        r"A: m \times n matrix",
        r"\operatorname{tr}(A A^\top) = \sum_{i=1}^{m} \sum_{j=1}^{n} A_{ij}^2",
        r"\operatorname{tr}(A A^\top) = \sum_{i=1}^{m} \sum_{j=1}^{n} A_{ij}",
    ),
    (r"W: weight matrix", r"(W^\top)^\top = W", r"W^\top = W"),
    (r"A: invertible matrix", r"\det(A^\top) = \det(A)", r"\det(2A) = 2\det(A)"),
    (r"p: probability vector", r"\sum_i p_i = 1", r"\sum_i p_i = 0"),
    (r"p: probability distribution", r"\sum_i p_i = 1", r"\sum_i p_i = 0"),
    (
        r"X: random variable",
        r"\operatorname{Var}(X) = \mathbb{E}[X^2] - \mathbb{E}[X]^2",
        r"\operatorname{Var}(X) = \mathbb{E}[X^2]",
    ),
    (r"n: positive integer", r"\sum_{k=1}^n k = \frac{n(n+1)}{2}", r"\sum_{k=1}^n k = \frac{n^2}{2}"),
    (r"n: natural number", r"\sum_{k=1}^n k = \frac{n(n+1)}{2}", r"\sum_{k=1}^n k = \frac{n^2}{2}"),
    (r"k: integer", r"\cos(2\pi k) = 1", r"\cos(\pi k) = 1"),
    (r"\lambda: scalar", r"(\lambda + 1)^2 = \lambda^2 + 2\lambda + 1", r"(\lambda + 1)^2 = \lambda^2 + 1"),
    (r"\epsilon: small positive", r"\log(1+\epsilon) < \epsilon", r"\log(1+\epsilon) > \epsilon"),
    (r"\eta: learning rate", r"\eta^2 > 0", r"\eta < 0"),
    (r"\gamma: discount factor", r"\gamma^2 < \gamma", r"\gamma^2 > \gamma"),
    (r"t: time step", r"t + 1 > t", r"t + 1 < t"),
    (r"f: \mathbb{R} \to \mathbb{R}; a: real; b: real", r"f(a + b) = f(b + a)", r"f(a + b) = f(a) + f(b)"),
    (r"f: differentiable function; a: real", r"f(a) - f(a) = 0", r"f(2a) = 2f(a)"),
    # plurals and words that add nothing to the kind
    (r"a, b: independent real variables", r"(a + b)^2 = a^2 + 2ab + b^2", r"(a + b)^2 = a^2 + b^2"),
    (r"u, v: real numbers", r"(u v)^2 = u^2 v^2", r"(u + v)^2 = u^2 + v^2"),
    (r"W: invertible square matrix", r"W W^{-1} = I", r"W W^{-1} = 2I"),
    (r"\Sigma, D: diagonal matrices", r"\Sigma D = D \Sigma", r"\Sigma D = 2 D \Sigma"),
    (r"\Sigma: diagonal matrix; A: matrix", r"\Sigma^\top = \Sigma", r"\Sigma A = A \Sigma"),
    (r"f, g: real functions; x: real", r"f(x) g(x) = g(x) f(x)", r"f(x) g(x) = f(g(x))"),
    (r"p, q: probability distributions on a finite set", r"\sum_i p_i = \sum_i q_i", r"\sum_i p_i = 2\sum_i q_i"),
    # decorated names in a list before \in
    (r"x, x^\prime \in \mathbb{R}", r"(x - x^\prime)^2 \ge 0", r"(x - x^\prime)^2 \le 0"),
    (
        r"\bar{\mathbf{x}}, \bar{\mathbf{c}} \in \mathbb{R}^d",
        r"\bar{\mathbf{x}}^\top \bar{\mathbf{c}} = \bar{\mathbf{c}}^\top \bar{\mathbf{x}}",
        r"\bar{\mathbf{x}}^\top \bar{\mathbf{c}} = \bar{\mathbf{x}}^\top \bar{\mathbf{x}}",
    ),
    # independence of random variables with laws, which the laws already mean
    (
        r"w_0 \sim \mathcal{N}(0, 1); w_1 \sim \mathcal{N}(0, 1); w_0, w_1 independent; x \in \mathbb{R}",
        r"\mathbb{E}[(w_0 + w_1 x)^2] = 1 + x^2",
        r"\mathbb{E}[(w_0 + w_1 x)^2] = 1 + x",
    ),
    (r"X \sim \mathcal{N}(0, 1) independent", r"\mathbb{E}[X^2] = 1", r"\mathbb{E}[X^2] = 2"),
    # qualifiers every sampled value meets; a square defining its non-negative root
    (r"x \in \mathbb{R} bounded", r"x^2 \ge 0", r"x^2 \le 0"),
    (r"\sigma^2 = 4", r"\sigma = 2", r"\sigma = 4"),
    # a running sum to a step the tag declares a whole number: S_t and v_t at that step, not at an entry of a vector
    (r"S_t = \sum_{j=1}^t v_j; t: positive integer", r"S_t = S_{t-1} + v_t", r"S_t = S_{t-1} + 2 v_t"),
    (
        r"\sigma^2_{t\vert s} = 4 a^2; a > 0",
        r"\sigma_{t\vert s} + \sigma^2_{t\vert s} = 2a + 4a^2",
        r"\sigma_{t\vert s} = 4a",
    ),
    (  # the square before a subscript that holds a subscript of its own: the variance of a row of W
        r"\mu_{W_{i,\cdot}} = \frac{1}{I} \sum_{j=1}^I W_{i,j}; \sigma^2_{W_{i,\cdot}} = \frac{1}{I} \sum_{j=1}^I (W_{i,j} -"
        r" \mu_{W_{i,\cdot}})^2; W \in \mathbb{R}^{O \times I}",
        r"\sigma^2_{W_{i,\cdot}} = \frac{1}{I} \sum_{j=1}^I W^2_{i,j} - \mu^2_{W_{i,\cdot}}",
        r"\sigma^2_{W_{i,\cdot}} = \frac{1}{I} \sum_{j=1}^I W^2_{i,j} + \mu^2_{W_{i,\cdot}}",
    ),
    (
        r"\textrm{LN}(\mathbf{x}) = \frac{\mathbf{x} - \hat{\mu}}{\hat\sigma}; \hat{\mu} = \frac{1}{n} \sum_{i=1}^n x_i; "
        r"\hat{\sigma}^2 = \frac{1}{n} \sum_{i=1}^n (x_i - \hat{\mu})^2; \alpha > 0; \mathbf{x} \in \mathbb{R}^n not constant",
        r"\textrm{LN}(\mathbf{x}) = \textrm{LN}(\alpha \mathbf{x})",
        r"\textrm{LN}(\mathbf{x}) = \alpha \textrm{LN}(\mathbf{x})",
    ),
    # uniform laws written with their support
    (
        r"i \sim \text{Uniform}\{1, \ldots, n\}; n: positive integer",
        r"\mathbb{E}[i] = \frac{n+1}{2}",
        r"\mathbb{E}[i] = \frac{n}{2}",
    ),
    (r"u \sim \mathcal{U}[0, 1]", r"\mathbb{E}[u^2] = \frac{1}{3}", r"\mathbb{E}[u^2] = \frac{1}{2}"),
    # a function given by its values at listed points; a sum over the values a tag lists
    (r"x \in \{1, 2, 3, 4\}", r"\sum_x x = 10", r"\sum_x x = 9"),
    (r"y \in \{-1, 1\}", r"\prod_y (2 + y) = 3", r"\prod_y (2 + y) = 2"),
    (
        r"x \in \{1, 2, 3, 4\}; p(1) = \frac{1}{2}, p(2) = \frac{1}{4}, p(3) = \frac{1}{8}, p(4) = \frac{1}{8}",
        r"-\sum_x p(x) \log_2 p(x) = 1.75",
        r"-\sum_x p(x) \log_2 p(x) = 2",
    ),
    # functions named in words
    (r"\sigma: sigmoid", r"\sigma(-x) = 1 - \sigma(x)", r"\sigma(-x) = \sigma(x)"),
    (r"\sigma: logistic function", r"\sigma(-x) = 1 - \sigma(x)", r"\sigma(-x) = \sigma(x)"),
    (r"\sigma: the sigmoid", r"\sigma(-x) = 1 - \sigma(x)", r"\sigma(-x) = \sigma(x)"),
    (r"g: ReLU", r"g(x) - g(-x) = x", r"g(x) + g(-x) = g(2x)"),
    (r"\phi: softplus", r"\phi(x) - \phi(-x) = x", r"\phi(x) + \phi(-x) = x"),
    (r"\mathrm{softmax}: softmax", r"\sum_i \mathrm{softmax}(z)_i = 1", r"\sum_i \mathrm{softmax}(z)_i = 0"),
    (r"\sigma(x) = \frac{1}{1+e^{-x}}", r"\sigma(-x) = 1 - \sigma(x)", r"\sigma(-x) = \sigma(x)"),
    (
        r"\mathrm{relu6}(x) = \min(\max(x, 0), 6); -3 \le x \le 3",
        r"\frac{\mathrm{relu6}(x + 3)}{6} = \frac{x}{6} + \frac{1}{2}",
        r"\frac{\mathrm{relu6}(x + 3)}{6} = \frac{x}{6} + \frac{1}{3}",
    ),
    (r"\Phi is the standard normal CDF", r"\Phi(-x) = 1 - \Phi(x)", r"\Phi(-x) = \Phi(x)"),
    (
        r"\mathrm{gelu}(x) = x \Phi(x); \Phi: the CDF of the standard normal distribution",
        r"\mathrm{gelu}(x) = \frac{x}{2} \operatorname{erfc}\left(\frac{-x}{\sqrt{2}}\right)",
        r"\mathrm{gelu}(x) = \frac{x}{2} \operatorname{erfc}\left(\frac{x}{\sqrt{2}}\right)",
    ),
    (
        r"\psi is the digamma function; \gamma is the Euler-Mascheroni constant",
        r"\psi(1) = -\gamma",
        r"\psi(1) = \gamma",
    ),
    (
        r"\text{B} is the Beta function; a, b > 0",
        r"\text{B}(a, b) = \text{B}(b, a)",
        r"\text{B}(a, b) = \frac{\Gamma(a)\Gamma(b)}{\Gamma(a b)}",
    ),
    # a word in text type as a subscript labels the name, even a word that is prose elsewhere ("in")
    (
        r"\sigma = \sqrt{\frac{2}{n_\textrm{in} + n_\textrm{out}}}; n_\textrm{in}, n_\textrm{out}: positive integers",
        r"\frac{1}{2} (n_\textrm{in} + n_\textrm{out}) \sigma^2 = 1",
        r"(n_\textrm{in} + n_\textrm{out}) \sigma^2 = 1",
    ),
    (r"s = m_\mathrm{in} + 1", r"s - 1 = m_\mathrm{in}", r"s = m_\mathrm{in}"),
    (r"x_{\text{in}} > 0; y = 2 x_{\text{in}}", r"y - x_{\text{in}} = x_{\text{in}}", r"y = x_{\text{in}}"),
    # a subscript authors write as a label (max, min, cur; an operator name) names a quantity of its own, also when
    # only the tag's definition writes it
    (
        r"\eta_t = \eta_{min} + \frac{1}{2}(\eta_{max} - \eta_{min})\left(1 + \cos\left(\frac{T_{cur}}{T_{i}}\pi\right)\right);"
        r" T_{cur} = 0; T_i > 0",
        r"\eta_t = \eta_{max}",
        r"\eta_t = \eta_{min}",
    ),
    (r"s = a_{\max} - a_{\min}", r"s + a_{\min} = a_{\max}", r"s = a_{\max} + a_{\min}"),
    # a capitalised word written bare and defined in the tag as a function is one name (Loss, not L o s s)
    (r"Loss(a, b) = (a - b)^2", r"Loss(a, b) = Loss(b, a)", r"Loss(a, b) = Loss(b, 2a)"),
    (
        r"Loss(x,y,W) = -(y \ln f(x) + (1 - y) \ln(1 - f(x))) + \alpha ||W||_2^2; y \in \{0, 1\}; 0 < f(x) < 1; \alpha > 0",
        r"Loss(x,y,W) = -y \ln {f(x)}-(1-y)\ln{(1-f(x))} + \alpha ||W||_2^2",
        r"Loss(x,y,W) = -y \ln {f(x)}+(1-y)\ln{(1-f(x))} + \alpha ||W||_2^2",
    ),
    # a word in text type with escaped underscores is the function's one name, applied at any arguments
    (
        r"\mathrm{kl\_div}(x, y) = x \log(x / y) - x + y; \mathrm{rel\_entr}(x, y) = x \log(x / y); a > 0; b > 0",
        r"\mathrm{kl\_div}(a, b) - \mathrm{rel\_entr}(a, b) = b - a",
        r"\mathrm{kl\_div}(a, b) - \mathrm{rel\_entr}(a, b) = a - b",
    ),
    (
        r"\mathrm{pseudo\_huber}(\delta, r) = \delta^2 \left( \sqrt{ 1 + \left( \frac{r}{\delta} \right)^2 } - 1 \right)",
        r"\mathrm{pseudo\_huber}(4, 3) = 4",
        r"\mathrm{pseudo\_huber}(4, 3) = 3",
    ),
    # with a result
    (
        r"attention_scaling; mean \mu, variance \sigma^2",
        r"\operatorname{Var}(q \cdot k) = d\left(\sigma^4 + 2\sigma^2\mu^2\right)",
        r"\operatorname{Var}(q \cdot k) = d\left(\sigma^4 + \sigma^2\mu^2\right)",
    ),
    (r"softmax_jacobian where z \in \mathbb{R}^K", r"\sum_{k=1}^{K} s_k = 1", r"\sum_{k=1}^{K} s_k = K"),
    (r"softmax_jacobian: z \in \mathbb{R}^n", r"\sum_{i=1}^{n} s_i = 1", r"\sum_{i=1}^{n} s_i = n"),
    (
        r"ppo_clipped_objective, A \in (0, \infty)",
        r"L^{\mathrm{CLIP}}(r) \le (1 + \epsilon) A",
        r"L^{\mathrm{CLIP}}(r) \ge (1 + \epsilon) A",
    ),
    # a range for an index the formula sums over: the sum's range, not a condition on the sampled points
    (
        r"x \in \mathbb{R}^n; j \in \{1, \ldots, n\}",
        r"\sum_{i=1}^n \frac{\exp(x_i)}{\sum_j \exp(x_j)} = 1",
        r"\sum_{i=1}^n \frac{\exp(x_i)}{\sum_j \exp(x_j)} = n",
    ),
    (
        r"u \in \mathbb{R}^n; i, k \in \{1, \ldots, n\}",
        r"\sum_{k=1}^{n} u_k^2 \ge u_i^2",
        r"\sum_{k=1}^{n} u_k^2 \le u_i^2 - 1",
    ),
    # a range to a name other than the notation's size (j \in \{1, \ldots, m\}): a sum over j runs from 1 to m,
    # in the formula or in the tag's own definitions
    (r"j \in \{1, \ldots, m\}", r"\sum_j \frac{1}{m} = 1", r"\sum_j \frac{1}{m} = 2"),
    (r"S = \sum_j \frac{2}{m}; j \in \{1, \ldots, m\}", r"S = 2", r"S = 1"),
    (
        r"w(u_i) = \frac{\exp(s(u_i))}{\sum_j \exp(s(u_j))}; s(u_j) = c; i, j \in \{1, \ldots, m\}",
        r"w(u_i) = \frac{1}{m}",
        r"w(u_i) = \frac{1}{m + 1}",
    ),
    # a matrix or vector named by a label in parentheses (W^{(1)}, b^{(l)}) or by a number (W_1): a name of its own
    (
        r"\mathbf{W}^{(1)} \in \mathbb{R}^{h \times d}; \mathbf{W}^{(2)} \in \mathbb{R}^{h \times d}; \mathbf{x} \in \mathbb{R}^d",
        r"(\mathbf{W}^{(1)} + \mathbf{W}^{(2)}) \mathbf{x} = \mathbf{W}^{(1)} \mathbf{x} + \mathbf{W}^{(2)} \mathbf{x}",
        r"(\mathbf{W}^{(1)} + \mathbf{W}^{(2)}) \mathbf{x} = \mathbf{W}^{(1)} \mathbf{x} - \mathbf{W}^{(2)} \mathbf{x}",
    ),
    (
        r"\mathbf{W}_1, \mathbf{W}_2 \in \mathbb{R}^{h \times d}; \mathbf{x} \in \mathbb{R}^d",
        r"(\mathbf{W}_1 - \mathbf{W}_2) \mathbf{x} = \mathbf{W}_1 \mathbf{x} - \mathbf{W}_2 \mathbf{x}",
        r"(\mathbf{W}_1 - \mathbf{W}_2) \mathbf{x} = \mathbf{W}_2 \mathbf{x} - \mathbf{W}_1 \mathbf{x}",
    ),
    (
        r"\mathbf{w}^{(0)}, \mathbf{x} \in \mathbb{R}^{n}",
        r"\nabla_{\mathbf{w}^{(0)}} ({\mathbf{w}^{(0)}}^\top \mathbf{x}) = \mathbf{x}",
        r"\nabla_{\mathbf{w}^{(0)}} ({\mathbf{w}^{(0)}}^\top \mathbf{x}) = 2 \mathbf{x}",
    ),
    # a comparison of an expression with a number: a condition on the sampled points, never a range of its first name
    (r"a, b \in \mathbb{R}; a - b > 0", r"a > b", r"a < b"),
    (r"a, b \in \mathbb{R}; a - b > 0", r"\sqrt{(a - b)^2} = a - b", r"\sqrt{(a - b)^2} = b - a"),
    (
        r"u, v \in \mathbb{R}; |u| + |v| > 0",
        r"\frac{|u - v|}{|u| + |v|} \le 1",
        r"\frac{|u - v|}{|u| + |v|} \le \frac{1}{2}",
    ),
    # names set in a font switch of plain TeX, as \mathrm{margin} and \mathbf{x}
    (
        r"{\rm margin} > 0; x \in \mathbb{R}",
        r"\max(0, {\rm margin} - x) \ge {\rm margin} - x",
        r"\max(0, {\rm margin} - x) = {\rm margin} - x",
    ),
    (r"{\bf x} \in \mathbb{R}^3", r"{\bf x}^\top {\bf x} = \|{\bf x}\|^2", r"{\bf x}^\top {\bf x} = 2\|{\bf x}\|^2"),
    (
        r"f(\mathbf{x}) = 0.1 x_1^2 + 2 x_2^2; \mathbf{x} = (x_1, x_2)^\top",
        r"\nabla f(\mathbf{x}) = (0.2 x_1, 4 x_2)^\top",
        r"\nabla f(\mathbf{x}) = (0.1 x_1, 2 x_2)^\top",
    ),
    (
        r"\mathbf{u}, \mathbf{v} \in \mathbb{R}^n; \mathbf{u}\cdot\mathbf{v} = \sum_i u_i v_i",
        r"\mathbf{u}\cdot\mathbf{v} = \mathbf{v}^\top\mathbf{u}",
        r"\mathbf{u}\cdot\mathbf{v} = 2 \mathbf{v}^\top\mathbf{u}",
    ),
    (
        r"p(\text{rain} \mid \text{coat}) = \frac{p(\text{rain}, \text{coat})}{p(\text{coat})}",
        r"p(\text{rain}, \text{coat}) = p(\text{coat}) \cdot p(\text{rain} \mid \text{coat})",
        r"p(\text{rain}, \text{coat}) = p(\text{coat}) \cdot p(\text{coat} \mid \text{rain})",
    ),
]


@pytest.mark.parametrize("tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_a_spelling_reads_a_correct_formula_and_refutes_a_wrong_one(tag, correct, wrong, tmp_path):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.parametrize(
    "tag, says",
    [
        (r"x \in \mathbb{H}", r"cannot read the set '\mathbb{H}'"),
        (r"v \in \mathbb{R}^{k + 1}", "is an expression: write a name, a whole number or a whole number times a name"),
        (r"z \in \mathbb{C}", "complex numbers are not modelled"),
        (r"b \in \{0, 1\}^n", "read only as the outcomes of a distribution"),
        (r"w_t(i) \in [0, 2]", "for the value of a function"),
        (r"k \in \{2, 4, \ldots\}", "cannot read the set"),
        (r"k \in \{-2, -1, 0, \ldots\}", "cannot read the set"),
        (r"x \in \mathbb{R}^{a \times b \times c}", "more than two axes"),
        (r"n \in \mathbb{Z}^d", "vectors of integers are not modelled"),
        (r"x \in \mathbb{R}_{<5}", "cannot read the subscript"),
        (r"x: convex function", "unknown kind 'convex function'"),
        (r"a, b independent", "independence is read of random variables"),
        (r"x \in \mathbb{R} not constant", "'not constant' is read of a vector"),
        (r"x^3 = 8", "is a power of a name, not a name"),
        (r"f'(x) = 2x", "is a derivative of a name, not a name"),
        (r"x^\top = y", "is a transpose of a name, not a name"),
    ],
)
def test_a_spelling_it_cannot_model_is_refused_in_one_line(tag, says, tmp_path):
    result, detail = verdict(tmp_path, tag, r"x = x")
    assert result == "UNKNOWN" and says in detail and "\n" not in detail, detail


def test_two_names_before_one_kind_both_get_it():
    """``a, b: positive`` and ``a, b > 0`` give b the kind too (not the formula's own variable)."""
    assert parse_tag("a, b: positive").kinds == {"a": "positive", "b": "positive"}
    assert [c.name for c in parse_tag("a, b > 0").clauses] == ["a", "b"]


def test_a_comma_inside_brackets_does_not_split_a_clause():
    """``f(x, y) = x y`` and the interval ``[0, 1)`` stay one clause each."""
    binding = parse_tag(r"f(x, y) = x y; \beta \in [0, 1)")
    assert [type(c).__name__ for c in binding.clauses] == ["KindClause", "FunctionClause", "RangeClause"]


def test_a_result_name_in_prose_is_still_a_result():
    assert parse_tag(r"softmax_jacobian where z \in \mathbb{R}^n").result == "softmax_jacobian"
    with pytest.raises(TagError, match="names no result"):
        parse_tag("softmax_jacobain; z: vector")


def test_a_parameter_of_a_tag_function_left_unbound_is_no_variable(tmp_path):
    """The Jacobian of a tag function whose body applies another (f(z) = z + u g(w^T z + b), g(v) = tanh v) is not
    read yet: g's parameter v stays unbound, and is not claimed for all values (a correct formula FAILed so)."""
    tag = (
        r"f(\mathbf{z}) = \mathbf{z} + \mathbf{u} g(\mathbf{w}^\top \mathbf{z} + b); "
        r"\mathbf{u}, \mathbf{w}, \mathbf{z} \in \mathbb{R}^n; b \in \mathbb{R}; g(v) = \tanh(v)"
    )
    formula = (
        r"\left\vert \det\left(\frac{\partial f(\mathbf{z})}{\partial \mathbf{z}}\right) \right\vert"
        r" = \left\vert 1 + (1 - g(\mathbf{w}^\top \mathbf{z} + b)^2) \mathbf{u}^\top \mathbf{w} \right\vert"
    )
    result, detail = verdict(tmp_path, tag, formula)
    assert result != "FAIL", detail


def test_a_tag_reads_the_documents_macros(tmp_path):
    """A tag written with the document's macros (\\bx for \\mathbf{x}) means what the formula's macros mean."""
    from derive.docs import check_paths

    page = tmp_path / "page.md"
    page.write_text(
        "$$\\newcommand{\\bx}{\\mathbf{x}}$$\n\n"
        "<!-- derive: \\bx \\in \\mathbb{R}^n -->\n$$\\sum_{i=1}^n \\bx_i^2 \\ge 0$$\n\n"
        "<!-- derive: \\bx \\in \\mathbb{R}^n -->\n$$\\sum_{i=1}^n \\bx_i \\ge 0$$\n",
        encoding="utf-8",
    )
    assert [r.verdict for r in check_paths([str(page)])] == ["PASS", "FAIL"]


@pytest.mark.parametrize("clause", [r"a - b > 0", r"a + b > 1", r"|a| + |b| > 0", r"a * b > 0", r"a \cdot b > 0"])
def test_a_comparison_of_an_expression_with_a_number_is_a_condition_not_a_range(clause):
    binding = parse_tag(clause)
    assert binding.conditions == [clause] and not binding.clauses, (binding.clauses, binding.conditions)


@pytest.mark.parametrize(
    "clause, name", [(r"\beta_1 > 0", "beta_1"), (r"r^* > 0", "r*"), (r"\text{margin} \ge 0", "margin")]
)
def test_a_comparison_of_one_name_with_a_number_is_its_range(clause, name):
    binding = parse_tag(clause)
    assert [c.name for c in binding.clauses] == [name] and not binding.conditions


def test_a_vector_written_by_its_entries_is_a_vector_of_that_many():
    from derive.docs.tag_spelling import split_clauses

    assert split_clauses(r"\mathbf{x} = \left(x_{1}, x_{2}\right)^{\top}") == [r"\mathbf{x} \in \mathbb{R}^{2}"]
    assert split_clauses(r"x = [x_1, \ldots, x_n]") == [r"x \in \mathbb{R}^{n}"]
    assert split_clauses(r"x = (x_2, x_1)") == [r"x = (x_2, x_1)"]  # not its entries in order: a definition


def test_a_clause_the_notation_does_not_satisfy_leaves_the_formula_unknown(tmp_path):
    tag = r"\mathbf{u}, \mathbf{v} \in \mathbb{R}^n; \mathbf{u}\cdot\mathbf{v} = \sum_i u_i^2 v_i"
    found = verdict(tmp_path, tag, r"\mathbf{u}\cdot\mathbf{v} = \mathbf{v}^\top\mathbf{u}")
    assert found[0] == "UNKNOWN" and "read as a property of the notation" in found[1], found


def test_balanced_counts_only_the_brackets_it_is_given():
    from derive.docs.tokens import balanced

    assert balanced("f(x)[a]{b}")
    assert not balanced("(a") and not balanced(")a(")
    assert balanced("a_{(i}", "{}") and not balanced("a_{(i}")
    assert not balanced("}{", "{}")


# a chain of three or more comparisons: each name between the numbers beside it, neighbouring names in order
CHAINS = [
    (r"0 < a < b < 1", r"\log(b - a) < 0", r"\log(b - a) > 0"),  # 0 < b - a < 1 needs all three links
    (r"0 < a < b < 1", r"\log(1 - a) < 0", r"\log(1 - a) > 0"),  # a < 1, two links away from the 1
    (r"1 > b \ge a > 0", r"(b - a)(1 - b) a \ge 0", r"(a - b)(1 - b) a > 0"),
    (r"0 < \alpha_t < \alpha_{t-1} < 1", r"\alpha_{t-1} - \alpha_t > 0", r"\alpha_{t-1} - \alpha_t > 1"),
]


@pytest.mark.parametrize("tag, correct, wrong", CHAINS)
def test_a_chain_of_comparisons_states_each_of_its_links(tmp_path, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_chain_of_comparisons_is_split_into_ranges_and_orders():
    from derive.docs.tag_spelling import split_clauses

    assert split_clauses(r"0 < a < b \le 1") == ["0 < a < 1", "a < b", "0 < b \\le 1"]
    assert split_clauses(r"a < b \le c") == [r"a < b \le c"]  # two comparisons: read as before


def test_a_chain_that_turns_is_refused(tmp_path):
    found, detail = verdict(tmp_path, r"0 < a > b > 1", r"\log(1 - a) < 0")
    assert found == "UNKNOWN" and "the clause '0 < a > b > 1' mixes < and >" in detail, detail
