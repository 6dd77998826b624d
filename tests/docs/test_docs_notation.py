"""The notation of real ML documents: each form is read on a correct formula (PASS) and on a wrong
variant of it (FAIL) by the same machinery, and what cannot be decided is UNKNOWN with the reason."""

import pytest
from checking import assert_pass_and_fail

from derive.docs import check_formula
from derive.docs.interpret import Unsupported, rewrite_chain

REAL = {"t": "real", "u": "real", "a": "real", "b": "real"}
PPO = {"result": "ppo_clipped_objective"}

# (name, correct formula, wrong variant, check_formula keywords)
PAIRS = [
    (
        "max of two",
        r"\max(a, b) = \frac{a + b + |a - b|}{2}",
        r"\max(a, b) = \frac{a + b - |a - b|}{2}",
        {"kinds": REAL},
    ),
    ("min below max", r"\min(a, b) \le \max(a, b)", r"\min(a, b) \ge \max(a, b)", {"kinds": REAL}),
    ("max over an index", r"\max_i z_i \ge \frac{1}{n}\sum_i z_i", r"\max_i z_i \le \frac{1}{n}\sum_i z_i", {}),
    ("max over a stated range", r"\max_{1 \le i \le n} z_i \ge z_1", r"\max_{1 \le i \le n} z_i < z_1", {}),
    ("min of a set", r"\min\{a, b\} = -\max\{-a, -b\}", r"\min\{a, b\} = \max\{-a, -b\}", {"kinds": REAL}),
    (
        "clip",
        r"\operatorname{clip}(t, a - |b|, a + |b|) = \min(\max(t, a - |b|), a + |b|)",
        r"\operatorname{clip}(t, a - |b|, a + |b|) = \max(\min(t, a - |b|), a - |b|)",
        {"kinds": REAL},
    ),
    ("sign", r"\operatorname{sign}(t) |t| = t", r"\operatorname{sign}(t) |t| = |t|", {"kinds": REAL}),
    (
        "argmax",
        r"\operatorname{argmax}_i \operatorname{softmax}(z)_i = \operatorname{argmax}_i z_i",
        r"\operatorname{argmax}_i \operatorname{softmax}(z)_i = \operatorname{argmin}_i z_i",
        {},
    ),
    ("arg max in two words", r"\arg\max_i z_i = \arg\max_i (z_i + 3)", r"\arg\max_i z_i = \arg\max_i (-z_i)", {}),
    ("argmax of numbers", r"\operatorname{argmax}(0.1, 0.7, 0.2) = 2", r"\operatorname{argmax}(0.1, 0.7, 0.2) = 3", {}),
    (
        "stable log-sum-exp",
        r"\log \sum_i e^{z_i} = \max_j z_j + \log \sum_i e^{z_i - \max_j z_j}",
        r"\log \sum_i e^{z_i} = \max_j z_j + \log \sum_i e^{z_i + \max_j z_j}",
        {},
    ),
    (
        "PPO pessimistic bound",
        r"\min(r A, \operatorname{clip}(r, 1 - \epsilon, 1 + \epsilon) A) \le r A",
        r"\min(r A, \operatorname{clip}(r, 1 - \epsilon, 1 + \epsilon) A) \ge r A",
        PPO,
    ),
    (
        "PPO cases",
        r"\min(r A, \operatorname{clip}(r, 1-\epsilon, 1+\epsilon) A) = \begin{cases} \min(r, 1 + \epsilon) A & \text{if } A \ge 0 \\"
        r" \max(r, 1 - \epsilon) A & \text{if } A < 0 \end{cases}",
        r"\min(r A, \operatorname{clip}(r, 1-\epsilon, 1+\epsilon) A) = \begin{cases} \min(r, 1 + \epsilon) A & \text{if } A < 0 \\"
        r" \max(r, 1 - \epsilon) A & \text{otherwise} \end{cases}",
        PPO,
    ),
    (
        "cases with punctuation",
        r"\max(0, t) = \begin{cases} t & \text{if } t > 0, \\ 0 & \text{otherwise.} \end{cases}",
        r"\max(0, t) = \begin{cases} t & \text{if } t < 0, \\ 0 & \text{otherwise.} \end{cases}",
        {"kinds": REAL},
    ),
    (
        "cases as an array in braces",
        r"\max(0, t) = \left\{ \begin{array}{ll} t & \text{if } t > 0 \\ 0 & \text{otherwise} \end{array} \right.",
        r"\max(0, t) = \left\{ \begin{array}{ll} t & \text{if } t < 0 \\ 0 & \text{otherwise} \end{array} \right.",
        {"kinds": REAL},
    ),
    (
        "tanh as a word",
        r"\text{Tanh}(u) = \frac{e^{u} - e^{-u}}{e^{u} + e^{-u}}",
        r"\text{Tanh}(u) = \frac{e^{u} + e^{-u}}{e^{u} - e^{-u}}",
        {"kinds": REAL},
    ),
    (
        "ReLU",
        r"\operatorname{ReLU}(u) - \operatorname{ReLU}(-u) = u",
        r"\operatorname{ReLU}(u) + \operatorname{ReLU}(-u) = u",
        {"kinds": REAL},
    ),
    (
        "library names of functions",
        r"\text{LogSoftmax}(z)_i = z_i - \log \sum_j e^{z_j}",
        r"\text{LogSoftmax}(z)_i = z_i + \log \sum_j e^{z_j}",
        {},
    ),
    (
        "erf",
        r"\operatorname{erf}(-u) = -\operatorname{erf}(u)",
        r"\operatorname{erf}(-u) = \operatorname{erf}(u)",
        {"kinds": REAL},
    ),
    (
        "decorated names r^+ and r^-",
        r"-\log \sigma(r^+ - r^-) = \log\left(1 + e^{-(r^+ - r^-)}\right)",
        r"-\log \sigma(r^+ - r^-) = \log\left(1 + e^{r^+ - r^-}\right)",
        {"kinds": {"r^+": "real", "r^-": "real"}},
    ),
    ("derivative at a point", r"\frac{d (u^3)}{du}(2) = 12", r"\frac{d (u^3)}{du}(2) = 11", {"kinds": REAL}),
    (
        "prime of a function renamed in the tag",
        r"g'(z) = g(z)(1 - g(z))",
        r"g'(z) = g(z)(1 + g(z))",
        {"result": "sigmoid_derivative", "symbols": {"g": r"\sigma", "z": "x"}},
    ),
    (
        "a kind in the tag before the shared notation",
        r"\frac{d}{dx} x^3 = 3x^2",
        r"\frac{d}{dx} x^3 = 3x",
        {"kinds": {"x": "real"}},
    ),
    (
        "with equality if and only if: a remark",
        r"\max_i z_i \ge \frac{1}{n} \sum_i z_i, \text{ with equality if and only if } z_i = z_j",
        r"\max_i z_i \le \frac{1}{n} \sum_i z_i, \text{ with equality if and only if } z_i = z_j",
        {},
    ),
    (
        "mutual information bound",
        r"I(X;Y) \le \min(H(X), H(Y))",
        r"I(X;Y) \ge \max(H(X), H(Y))",
        {"result": "mutual_information"},
    ),
    ("norm", r"\|x\|_2^2 = \sum_i x_i^2", r"\|x\|_2 = \sum_i x_i^2", {}),
    ("norms 1 and 2", r"\|x\|_1 \ge \|x\|_2", r"\|x\|_1 < \|x\|_2", {}),
    (
        "the Frobenius norm with its subscript spelt out",
        r"\left\| \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} \right\|_{Fro}^2 = \| \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} \|_{\mathrm{Frob}}^2 = 30",
        r"\left\| \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} \right\|_{Fro}^2 = \| \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix} \|_{\mathrm{Frob}}^2 = 10",
        {},
    ),
    (
        "lVert and infinity norm",
        r"\lVert x \rVert_\infty \le \lVert x\rVert",
        r"\lVert x \rVert_\infty > \lVert x\rVert",
        {},
    ),
    (
        "KL with square brackets",
        r"D_{KL}[p \| q] = \sum_i p_i \log \frac{p_i}{q_i}",
        r"D_{KL}[p \| q] = \sum_i q_i \log \frac{q_i}{p_i}",
        {},
    ),
    (
        "limit at infinity",
        r"\lim_{n \to \infty} \left(1 + \frac{1}{n}\right)^n = e",
        r"\lim_{n \to \infty} \left(1 + \frac{1}{n}\right)^n = 1",
        {},
    ),
    (
        "limit of a difference quotient",
        r"\lim_{h \to 0} \frac{3(u+h)^2 - 3u^2}{h} = 6u",
        r"\lim_{h \to 0} \frac{3(u+h)^2 - 3u^2}{h} = 3u",
        {"kinds": REAL},
    ),
    ("one-sided limit", r"\lim_{t \to 0^+} e^{-u^2/t} = 0", r"\lim_{t \to 0^+} e^{-u^2/t} = 1", {"kinds": REAL}),
    ("limit at a point", r"\lim_{t \to 0} \frac{\sin t}{t} = 1", r"\lim_{t \to 0} \frac{\sin t}{t} = 0", {}),
    (
        "difference quotient over h squared: the limit diverges",
        r"\lim_{h \to 0} \frac{3(u+h)^2 - 3u^2}{h} = 6u",
        r"\lim_{h \to 0} \frac{3(u+h)^2 - 3u^2}{h^2} = 6u",
        {"kinds": REAL},
    ),
    (
        "limit of a decaying power with a variable rate (NAdam's momentum schedule)",
        r"\lim_{t \to \infty} a \left(1 - \frac{1}{2} 0.96^{t u}\right) = a",
        r"\lim_{t \to \infty} a \left(1 - \frac{1}{2} 0.96^{t u}\right) = \frac{a}{2}",
        {"kinds": {"a": "real", "u": "positive"}},
    ),
    (
        "limit of a max and a min at minus infinity (SELU's floor)",
        r"\lim_{x \to -\infty} 1.05 (\max(0, x) + \min(0, 1.67 (\exp(x) - 1))) = -1.7535",
        r"\lim_{x \to -\infty} 1.05 (\max(0, x) + \min(0, 1.67 (\exp(x) - 1))) = -1.67",
        {},
    ),
    (
        "softmax over the index written under it",
        r"\text{softmax}_i(a_i + 2) = \frac{e^{a_i}}{\sum_j e^{a_j}}",
        r"\text{softmax}_i(2 a_i) = \frac{e^{a_i}}{\sum_j e^{a_j}}",
        {"kinds": {"a": "vector"}},
    ),
    (
        "an entrywise product after a max with its brackets",
        r"\max(0, a) \odot b = \max(0, a \odot b)",
        r"\max(0, a) \odot b = \min(0, a \odot b)",
        {"kinds": {"a": "real", "b": "positive"}},
    ),
    (
        "an entrywise product after a fraction",
        r"\frac{a}{2} \odot b = \frac{a \odot b}{2}",
        r"\frac{a}{2} \odot b = a \odot b",
        {"kinds": REAL},
    ),
    ("one-sided limits of a sign", r"\lim_{t \to 0^+} \frac{|t|}{t} = 1", r"\lim_{t \to 0^-} \frac{|t|}{t} = 1", {}),
    (
        "a two-sided limit that does not exist",
        r"\lim_{t \to 0^-} \frac{|t|}{t} = -1",
        r"\lim_{t \to 0} \frac{|t|}{t} = -1",
        {},
    ),
    (
        "xrightarrow",
        r"\left(1 + \frac{1}{n}\right)^n \xrightarrow{n \to \infty} e",
        r"\left(1 + \frac{1}{n}\right)^n \xrightarrow{n \to \infty} 2",
        {},
    ),
    (
        "to, as n goes to infinity",
        r"\frac{n}{n + 1} \to 1 \text{ as } n \to \infty",
        r"\frac{n}{n + 1} \to 0 \text{ as } n \to \infty",
        {},
    ),
    ("approx with written digits", r"\frac{1}{3} \approx 0.333", r"\frac{1}{3} \approx 0.334", {}),
    (
        "approx in scientific notation",
        r"1728 + 2 \cdot 589824 + 5 \cdot 2359296 + 102760448 \approx 116 \times 10^{6}",
        r"1728 + 2 \cdot 589824 + 5 \cdot 2359296 + 102760448 \approx 118 \times 10^{6}",
        {},
    ),
    ("proportional vectors", r"\mathbf{x} \propto 2\mathbf{x}", r"\mathbf{x} \propto \mathbf{x} + 1", {}),
    (
        "proportional over an index",
        r"\operatorname{softmax}(z)_i \propto e^{z_i}",
        r"\operatorname{softmax}(z)_i \propto z_i",
        {},
    ),
    (
        "DPO optimal policy",
        r"\pi^*(y) \propto \pi_{ref}(y) \exp(r(y)/\beta)",
        r"\pi^*(y) \propto \pi_{ref}(y) \exp(\beta r(y))",
        {"result": "dpo_optimal_policy"},
    ),
    ("prime", r"\sigma'(u) = \sigma(u)(1 - \sigma(u))", r"\sigma'(u) = \sigma(u)(1 + \sigma(u))", {"kinds": REAL}),
    (
        "double prime",
        r"\sigma''(u) = \sigma(u)(1 - \sigma(u))(1 - 2\sigma(u))",
        r"\sigma''(u) = \sigma(u)(1 - \sigma(u))",
        {"kinds": REAL},
    ),
    ("prime of tanh", r"\tanh'(u) = 1 - \tanh^2(u)", r"\tanh'(u) = 1 + \tanh^2(u)", {"kinds": REAL}),
    (
        "prime of tanh as a superscript",
        r"\tanh^{\prime}(u) = 1 - \tanh^2(u)",
        r"\tanh^{\prime}(u) = 1 + \tanh^2(u)",
        {"kinds": REAL},
    ),
    ("prime of a bare tanh", r"tanh^{'}(u) = 1 - \tanh^2(u)", r"tanh^{'}(u) = 1 + \tanh^2(u)", {"kinds": REAL}),
    ("second prime of sin as a superscript", r"\sin^{''}(u) = -\sin(u)", r"\sin^{''}(u) = \sin(u)", {"kinds": REAL}),
    (
        "nabla of a term",
        r"\nabla_w \frac{\lambda}{2} \|w\|^2 = \lambda w",
        r"\nabla_w \frac{\lambda}{2} \|w\|^2 = 2 \lambda w",
        {"result": "l2_penalty_gradient"},
    ),
    (
        "nabla_theta J(theta)",
        r"\nabla_\theta J(\theta) = \sum_a R_a \nabla_\theta \pi_\theta(a)",
        r"\nabla_\theta J(\theta) = \sum_a R_a \pi_\theta(a)",
        {"result": "reinforce_log_derivative", "symbols": {"J": r"\sum_a \pi_\theta(a) R_a"}},
    ),
    (
        "nabla_x = (gradient of the loss)",
        r"\nabla_z = \operatorname{softmax}(z) - y",
        r"\nabla_z = y - \operatorname{softmax}(z)",
        {"result": "softmax_cross_entropy_gradient"},
    ),
    (
        "nabla_x = with odot",
        r"\nabla_{\hat{x}} = \gamma \odot g",
        r"\nabla_{\hat{x}} = g",
        {"result": "layernorm_gradient"},
    ),
    (
        "evaluation bar",
        r"\left. \frac{d}{du} u^3 \right|_{u=1} = 3",
        r"\left. \frac{d}{du} u^3 \right|_{u=1} = 1",
        {"kinds": REAL},
    ),
    (
        "evaluation bar without left",
        r"\frac{d}{du} e^{2u} \Big|_{u=0} = 2",
        r"\frac{d}{du} e^{2u} \Big|_{u=0} = 1",
        {"kinds": REAL},
    ),
    (
        "second derivative",
        r"\frac{\partial^2}{\partial u^2} u^3 = 6u",
        r"\frac{\partial^2}{\partial u^2} u^3 = 3u^2",
        {"kinds": REAL},
    ),
    (
        "mixed second derivative",
        r"\frac{\partial^2 (u^2 t)}{\partial u \partial t} = 2u",
        r"\frac{\partial^2 (u^2 t)}{\partial u \partial t} = 2t",
        {"kinds": REAL},
    ),
    ("odot", r"x \odot y = y \odot x", r"x \odot y = x + y", {}),
    ("odot of numbers", r"(1, 2) \odot (3, 4) = (3, 8)", r"(1, 2) \odot (3, 4) = (3, 6)", {}),
    (
        "odot after a max whose argument closes before it",
        r"\max(0, u) \odot t + \min(0, u) \odot t = u \odot t",
        r"\max(0, u) \odot t - \min(0, u) \odot t = u \odot t",
        {"kinds": REAL},
    ),
    ("circ elementwise", r"(1, 2) \circ (3, 4) = (3, 8)", r"(1, 2) \circ (3, 4) = (4, 6)", {}),
    (
        "otimes outer",
        r"(1, 2) \otimes (3, 4) = \begin{pmatrix} 3 & 4 \\ 6 & 8 \end{pmatrix}",
        r"(1, 2) \otimes (3, 4) = \begin{pmatrix} 3 & 6 \\ 4 & 8 \end{pmatrix}",
        {},
    ),
    ("cdot between vectors", r"x \cdot y = \sum_i x_i y_i", r"x \cdot y = \sum_i x_i + y_i", {}),
    ("mathsf T", r"x^{\mathsf T} y = y^\top x", r"x^{\mathsf T} y = y^\top y", {}),
    ("transpose of a bracket", r"(1, 2)^\top (3, 4) = 11", r"(1, 2)^\top (3, 4) = 10", {}),
    (
        "component of a bracket",
        r"(\operatorname{softmax}(z))_j = \frac{e^{z_j}}{\sum_k e^{z_k}}",
        r"(\operatorname{softmax}(z))_j = \frac{e^{z_j}}{\sum_k z_k}",
        {},
    ),
    (
        "underset expectation",
        r"\underset{i\sim p}{\mathbb{E}}[q_i] = \sum_i p_i q_i",
        r"\underset{i\sim p}{\mathbb{E}}[q_i] = \sum_i q_i",
        {},
    ),
    (
        "expectation of the outcome's value",
        r"\mathbb{E}_{x\sim p}[x] = \sum_i p_i x_i",
        r"\mathbb{E}_{x\sim p}[x] = \sum_i q_i x_i",
        {},
    ),
    (
        "conditional distribution with a parameter",
        r"p(y \mid x; T) = \operatorname{softmax}(z/T)_y",
        r"p(y \mid x; T) = \operatorname{softmax}(z T)_y",
        {"result": "softmax_temperature"},
    ),
    ("count", r"\#\{i : z_i > 0\} + \#\{i : z_i \le 0\} = n", r"\#\{i : z_i > 0\} = n", {}),
    ("over", r"{1 \over 4} = 0.25", r"{1 \over 4} = 0.5", {}),
    ("binom", r"\binom{4}{2} = 6", r"\binom{4}{2} = 4", {}),
    (
        "indicator of a comparison, >= typed",
        r"\mathbb{1}(t >= 0) + \mathbb{1}(t < 0) = 1",
        r"\mathbb{1}(t >= 0) + \mathbb{1}(t > 1) = 1",
        {"kinds": REAL},
    ),
    ("sum to infinity", r"\sum_{t=1}^{\infty} 2^{-t} = 1", r"\sum_{t=1}^{\infty} 2^{-t} = 2", {}),
    ("sum from 0 over terms", r"\sum_{t=0}^{3} 0.5^t = 1.875", r"\sum_{t=1}^{3} 0.5^t = 1.875", {}),
    (
        "a sum runs over the terms that use its index",
        r"\sum_i x_i y_i + x_i^2 = \sum_i x_i (y_i + x_i)",
        r"\sum_i x_i y_i + x_i^2 = \sum_i x_i (y_i - x_i)",
        {},
    ),
    (
        "stable softmax",
        r"\operatorname{softmax}(\mathbf{z} - \max_i z_i) = \operatorname{softmax}(\mathbf{z})",
        r"\operatorname{softmax}(\mathbf{z} - \max_i z_i) = \operatorname{softmax}(2 \mathbf{z})",
        {},
    ),
    (
        "land between statements",
        r"z_i \le \max_j z_j \land z_i \ge \min_j z_j",
        r"z_i \le \max_j z_j \land z_i > \max_j z_j",
        {},
    ),
    (
        "quad where",
        r"a + b = b + a, \quad \text{where } a, b \in \mathbb{R}",
        r"a + b = b - a, \quad \text{where } a, b \in \mathbb{R}",
        {"kinds": REAL},
    ),
    (
        "with and a full stop",
        r"a b = b a, \text{ with } a \in \mathbb{R}.",
        r"a b = b + a, \text{ with } a \in \mathbb{R}.",
        {"kinds": REAL},
    ),
    ("for all", r"z_i - \max_j z_j \le 0 \text{ for all } i", r"z_i - \max_j z_j \ge 0 \text{ for all } i", {}),
    ("forall", r"z_i - \max_j z_j \le 0, \forall i", r"z_i - \max_j z_j > 0, \forall i", {}),
    (
        "a stated inequality is imposed",
        r"\sqrt{t^2} = t, \quad \text{for } t > 0",
        r"\sqrt{t^2} = -t, \quad \text{for } t > 0",
        {"kinds": REAL},
    ),
    (
        "a stated value is a definition",
        r"\frac{1}{1 - \beta} = 10, \quad \text{where } \beta = 0.9",
        r"\frac{1}{1 - \beta} = 9, \quad \text{where } \beta = 0.9",
        {},
    ),
    (
        "aligned chain",
        r"\begin{aligned} (a+b)^2 &= a^2 + 2ab + b^2 \\ &\ge 2ab + b^2 \end{aligned}",
        r"\begin{aligned} (a+b)^2 &= a^2 + 2ab + b^2 \\ &\le 2ab \end{aligned}",
        {"kinds": REAL},
    ),
    (
        "split with an indented continuation",
        r"\begin{split} (a+b)^2 &= a^2 + 2ab \\ &\quad + b^2 \end{split}",
        r"\begin{split} (a+b)^2 &= a^2 + ab \\ &\quad + b^2 \end{split}",
        {"kinds": REAL},
    ),
]


@pytest.mark.parametrize("name,correct,wrong,keywords", PAIRS, ids=[p[0] for p in PAIRS])
def test_notation_is_read_on_a_correct_formula_and_a_wrong_variant(name, correct, wrong, keywords):
    assert_pass_and_fail(correct, wrong, **keywords)


# what the checker cannot decide: UNKNOWN, and the reason names the notation
UNDECIDED = [
    (r"t \sim \mathcal{N}(0, 1)", {"kinds": REAL}, "distributed as"),
    (r"z_i > 0 \lor z_i \le 0", {}, "disjunction"),
    (r"a \Rightarrow b", {"kinds": REAL}, "implication"),
    (r"\max_\theta \theta^2 = 1", {}, "a maximum over real values is not computed"),
    (r"\max_{j \ne i} z_j \le \max_j z_j", {}, "only over an index"),
    (r"\left\| \begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix} \right\| = 1", {}, "norm of a matrix"),
    (r"f'(a + b) = 1", {"kinds": REAL}, "not bound"),
    (r"u' = 2u", {"kinds": REAL}, "not bound"),  # u' is a second variable, which the tag does not declare
    (r"\tanh^{\prime} u = 1 - \tanh^2(u)", {"kinds": REAL}, "without its argument in brackets"),
    (r"(1 + t) \circ (2) = 2 + 2t", {"kinds": REAL}, "composition"),
    (r"\mathbb{E}_{i \sim p}[q_i \mid i] = q_i", {}, "conditional expectation"),
    (r"\#\text{params} = 10", {}, "\\#"),
    (r"\sqrt{t^2} = t, \quad \text{for } t \in (0, 1)", {"kinds": REAL}, "condition"),
    (r"\frac{n}{n + 1} \to 1", {}, "limit"),
    (r"a = b, \text{ for } a > 0 \text{ or } b > 0", {"kinds": REAL}, "'or'"),
    (r"\|x\|_{2,1} = 1", {}, "norm"),
    (r"\sum_{i=0}^{n-1} z_i = 0", {}, "from 0"),
    (r"P(y = i) \propto e^{z_i}", {}, "particular law"),  # a law stated, not one the tag declares
    (
        r"P(A \mid B) = \frac{P(B \mid A) P(A)}{\sum_a P(B \mid A \le a) P(A = a)}",  # A = a is read (bayes_rule)
        {"result": "bayes_rule"},
        "argument written as an equation",
    ),
]


@pytest.mark.parametrize("formula,keywords,reason", UNDECIDED, ids=[u[0] for u in UNDECIDED])
def test_what_cannot_be_decided_is_unknown_with_the_reason(formula, keywords, reason):
    verdict = check_formula(formula, **keywords)
    assert verdict["verdict"] == "UNKNOWN", verdict
    assert reason in verdict["detail"], verdict["detail"]


def test_separate_equations_in_one_display_are_not_joined():
    with pytest.raises(Unsupported, match="separate equations"):
        rewrite_chain(r"\begin{aligned} a &= 1 \\ b &= 2 \end{aligned}")


def test_a_restricting_condition_changes_the_verdict():
    # without its condition the formula is false for t < 0; with it the same formula holds
    assert check_formula(r"\sqrt{t^2} = t", kinds=REAL)["verdict"] == "FAIL"
    assert check_formula(r"\sqrt{t^2} = t, \quad \text{for } t > 0", kinds=REAL)["verdict"] == "PASS"
    assert check_formula(r"\sqrt{t^2} = t, \quad \text{for } t > 5, t < 1", kinds=REAL)["verdict"] == "UNKNOWN"


def test_a_stated_definition_is_the_meaning_used():
    # the same formula under two stated values of beta: the definition decides it, not a default
    assert check_formula(r"\frac{1}{1 - \beta} = 10, \text{ where } \beta = 0.9")["verdict"] == "PASS"
    assert check_formula(r"\frac{1}{1 - \beta} = 10, \text{ where } \beta = 0.8")["verdict"] == "FAIL"


def test_absolute_value_of_a_vector_is_its_length():
    assert check_formula(r"|(3, 4)| = 5")["verdict"] == "PASS"
    assert check_formula(r"|(3, 4)| = 7")["verdict"] == "FAIL"


def test_primes_of_a_function_the_tag_defines(tmp_path):
    from derive.docs import check_paths

    page = tmp_path / "primes.md"
    tag = "<!-- derive: g(x) = x^3 + 1; x: real -->\n"
    formulas = [
        r"g''(x) = 6x",
        r"g''(x) = 3x^2",
        r"\frac{d^2 g}{dx^2}(x) = 6x",
        r"\frac{d^2 g}{dx^2}(x) = 6",
        r"\frac{dg}{dx}(2) = 12",
        r"\frac{dg}{dx}(2) = 13",
        r"g'(x) = \lim_{h \to 0} \frac{g(x+h) - g(x)}{h}",
        r"g'(x) = \lim_{h \to 0} \frac{g(x+h) - g(x)}{2h}",
    ]
    page.write_text("\n".join(f"{tag}$${formula}$$\n" for formula in formulas), encoding="utf-8")
    verdicts = [record.verdict for record in check_paths([str(page)])]
    assert verdicts == ["PASS", "FAIL"] * 4
