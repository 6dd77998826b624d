"""Small written forms of course notes and blogs: plain TeX's {n \\choose k} and {a \\over b}, a unit after a number,
TeX quotes around a word, the entries of a matrix the tag writes out, and numeric claims that only an
arbitrary function would decide, and words in text type as library documentation writes its arguments
(\\text{input}^{\\text{target}} a power, \\text{target!} a factorial, eta0 one name when a tag declares it), and
a superscript written before the subscript of one base (\\beta^t_2, \\sum^{n}_{i=1}), and an inner product in
angle brackets (\\langle u, v \\rangle), and an increment written \\Delta before a name (\\Delta \\mathbf{x}_t, one name), and
an empty group after a word that takes no argument (\\log{} x), and a mean or a variance written \\langle X \\rangle or
\\mathbb{V}[X], a repeating decimal (0.\\overline{3}), and Iverson's bracket [x_i = 2].

Each form is read on a correct formula (PASS) and on a wrong variant (FAIL) by the same machinery."""

import pytest
from checking import assert_page_pass_and_fail, verdict, verdicts

from derive.docs.italic_names import italicise, tag_words
from derive.docs.sum_scope import sums_over_the_rest

# (name, tag, correct formula, wrong variant)
PAIRS = [
    (
        "a sum over a set written out as a range, x \\in \\{0, 1\\}",
        r"0 < \mu < 1",
        r"\sum_{x \in \{0,1\}} \mu^x (1-\mu)^{1-x} = 1",
        r"\sum_{x \in \{0,1\}} \mu^x (1-\mu)^{x} = 1",
    ),
    (
        "a sum over a set written with dots, k \\in \\{1, \\ldots, K\\}",
        r"K: positive integer",
        r"\sum_{k \in \{1, \ldots, K\}} k = \frac{K(K+1)}{2}",
        r"\sum_{k \in \{1, \ldots, K\}} k = \frac{K(K-1)}{2}",
    ),
    (
        "an expression in parentheses as an exponent, e^{(1 - r/c)}, is a power, not a label",
        r"x > 0; a, b \in \mathbb{R}",
        r"x^{(a+b)} = x^a x^b",
        r"x^{(a+b)} = x^a + x^b",
    ),
    (
        "a count written with its magnitude in text type, 124\\text{M}",
        None,
        r"50257 \cdot 768 + 12 \cdot 12 \cdot 768^2 \approx 124\text{M}",
        r"50257 \cdot 768 + 12 \cdot 12 \cdot 768^2 \approx 125\text{M}",
    ),
    (
        "a count written with its magnitude in words, 16.8 \\text{ million}",
        None,
        r"4096 \times 4096 \approx 16.8 \text{ million}",
        r"4096 \times 4096 \approx 16.7 \text{ million}",
    ),
    (
        "a repeating decimal, 0.1\\overline{6}, the digits under the bar repeated for ever (had FAILed: a name bar_6)",
        None,
        r"\frac{1}{6} = 0.1\overline{6}",
        r"\frac{1}{6} = 0.1\overline{7}",
    ),
    (
        "a repeating decimal written with \\bar, 0.\\bar{3}",
        None,
        r"\frac{1}{3} = 0.\bar{3}",
        r"\frac{2}{3} = 0.\bar{3}",
    ),
    (
        "plain TeX's binomial coefficient {n \\choose k} with a variable",
        r"n: positive integer",
        r"{n \choose 2} = \frac{n(n-1)}{2}",
        r"{n \choose 2} = \frac{n(n+1)}{2}",
    ),
    (
        "plain TeX's binomial coefficient {n \\choose k} with numbers",
        None,
        r"{5 \choose 2} = 10",
        r"{5 \choose 2} = 12",
    ),
    (
        "{n \\choose 1} inside a longer product",
        r"n: positive integer",
        r"{n \choose 1} \frac{1}{n} \left(1-\frac{1}{n}\right)^{n-1} = \frac{n}{n-1} \left(1-\frac{1}{n}\right)^{n}",
        r"{n \choose 1} \frac{1}{n} \left(1-\frac{1}{n}\right)^{n-1} = \frac{n-1}{n} \left(1-\frac{1}{n}\right)^{n}",
    ),
    (
        "plain TeX's derivative {d \\over dx}, read as \\frac{d}{dx} is",
        r"x \in \mathbb{R}",
        r"{d \over dx} \left( x^2 + 1 \right) = 2x",
        r"{d \over dx} \left( x^2 + 1 \right) = 2x + 1",
    ),
    (
        "plain TeX's partial derivative {\\partial f \\over \\partial x}",
        r"f = x^2 y; x, y \in \mathbb{R}",
        r"{\partial f \over \partial x} = 2 x y",
        r"{\partial f \over \partial x} = x^2",
    ),
    (
        "plain TeX's fraction {a \\over b} as an exponent stays one group",
        r"x > 0",
        r"x^{1 \over 2} = \sqrt{x}",
        r"x^{1 \over 2} = \frac{x}{2}",
    ),
    (
        "the variance written \\mathbb{V}[X], as \\mathrm{Var}[X] is",
        r"X \sim \mathcal{N}(\mu, \sigma^2)",
        r"\mathbb{V}[X] = \sigma^2",
        r"\mathbb{V}[X] = \sigma",
    ),
    (
        "the variance written \\mathbb{V}(X), untagged",
        None,
        r"\mathbb{V}(aX + b) = a^2 \mathbb{V}(X)",
        r"\mathbb{V}(aX + b) = a^2 \mathbb{V}(X) + b",
    ),
    (
        "a mean written in angle brackets, \\langle X^2 \\rangle, as physics writes \\mathbb{E}[X^2]",
        r"X \sim \mathcal{N}(\mu, \sigma^2)",
        r"\langle X^2 \rangle - \langle X \rangle^2 = \sigma^2",
        r"\langle X^2 \rangle - \langle X \rangle^2 = \sigma",
    ),
    (
        "a mean in angle brackets, untagged",
        None,
        r"\langle aX + b \rangle = a \langle X \rangle + b",
        r"\langle aX + b \rangle = a \langle X \rangle + 2b",
    ),
    (
        "Iverson's bracket [x_i = 2], one where it holds, over the entries a tag lists",
        r"x = (1, 2, 3)",
        r"\sum_{i=1}^n [x_i = 2] = 1",
        r"\sum_{i=1}^n [x_i = 2] = 2",
    ),
    (
        "Iverson's brackets of a comparison and its negation add to one",
        r"x \in \mathbb{R}",
        r"[x \ge 0] + [x < 0] = 1",
        r"[x \ge 0] + [x < 0] = 2",
    ),
    (
        "a unit in text type after the value of an entropy",
        r"x \in \{1, 2, 3\}; p(1) = \frac{1}{2}, p(2) = \frac{1}{4}, p(3) = \frac{1}{4}; "
        r"H(p) = \sum_x p(x)\log_2\left(\frac{1}{p(x)}\right)",
        r"H(p) = 1.5 ~\text{bits}",
        r"H(p) = 1.75 ~\text{bits}",
    ),
    (
        "a unit after a value, with \\approx",
        r"n: positive integer",
        r"\frac{n}{n} \approx 1 \text{ nats}",
        r"\frac{n}{n} \approx 2 \text{ nats}",
    ),
    (
        "a multiple of a unit on every side",
        None,
        r"2 \times 3\,\text{GB} = 6\,\text{GB}",
        r"2 \times 3\,\mathrm{GB} = 5\,\mathrm{GB}",
    ),
    (
        "a mantissa written with a trailing zero before a power of ten, after \\approx",
        None,
        r"1 \times 32768 \times 128 \times 32 \times 2 \times 2 \times 8 \approx 4.29 \times 10^{9}",
        r"1 \times 32768 \times 128 \times 32 \times 2 \times 2 \times 8 \approx 4.30 \times 10^{9}",
    ),
    (
        "a mantissa whose written zero is its last digit, after \\approx",
        None,
        r"4304967296 \approx 4.30 \times 10^{9}",
        r"4294967296 \approx 4.30 \times 10^{9}",
    ),
    (
        "≈ between two expressions the same but for a written coefficient: the coefficient rounded to its digits",
        r"x > 0",
        r"\sqrt{2} x \approx 1.41 x",
        r"\sqrt{2} x \approx 1.42 x",
    ),
    (
        "≈ between two fractions of names the same but for a written coefficient",
        r"B, D, N, W > 0",
        r"\frac{\sqrt{128} BD}{\sqrt{N} \cdot W} \approx \frac{11.3 BD}{\sqrt{N} \cdot W}",
        r"\frac{\sqrt{128} BD}{\sqrt{N} \cdot W} \approx \frac{11.4 BD}{\sqrt{N} \cdot W}",
    ),
    (
        "a bracket-sizing command with its bracket in braces, \\Big{(} ... \\Big{)}",
        None,
        r"\Big{(}a + b\Big{)}^2 = a^2 + 2ab + b^2",
        r"\Big{(}a + b\Big{)}^2 = a^2 + ab + b^2",
    ),
    (
        "a mantissa with decimals before a power of ten, after =, is the value rounded to its digits",
        None,
        r"1664 = 1.66 \times 10^{3}",
        r"1664 = 1.67 \times 10^{3}",
    ),
    (
        "a mantissa with decimals in e-notation, after =, is the value rounded to its digits",
        None,
        r"2 \times 8320128000 = 16.6e9",
        r"2 \times 8320128000 = 16.7e9",
    ),
    (
        "a whole mantissa in e-notation, after =, claims the value exactly",
        None,
        r"2 \times 8 \times 10^{9} = 16e9",
        r"2 \times 8320128000 = 16e9",
    ),
    (
        "a unit after a power of ten",
        None,
        r"6 \times 10^{9} \times 10^{3} = 6 \times 10^{12}\ \text{FLOPs}",
        r"6 \times 10^{9} \times 10^{3} = 6 \times 10^{11}\ \text{FLOPs}",
    ),
    (
        "a word in text type raised over another is a power when the tag declares it a number",
        r"\text{input} > 0; \text{target} > 0",
        r"\text{input}^{\text{target}} = e^{\text{target} \log \text{input}}",
        r"\text{input}^{\text{target}} = e^{\text{input} \log \text{target}}",
    ),
    (
        "a word in text type raised over another is a power when the formula also writes it alone",
        r"\text{input} > 0",
        r"\text{target} \cdot \text{input}^{\text{target}} = \text{target} \cdot e^{\text{target} \log \text{input}}",
        r"\text{target} \cdot \text{input}^{\text{target}} = \text{target} \cdot e^{2 \text{target} \log \text{input}}",
    ),
    (
        "the factorial written inside text type, \\text{target!}",
        r"\text{target} \in \{0, 1, 2, \ldots\}",
        r"\log(\text{target!}) = \log \Gamma(\text{target} + 1)",
        r"\log(\text{target!}) = \log \Gamma(\text{target} + 2)",
    ),
    (
        "a run of letters the tag declares is one name (scikit-learn's eta0 and power_t)",
        r"eta0 = 0.01; power\_t = 0.25; t = 16",
        r"\frac{eta0}{t^{power\_t}} = 0.005",
        r"\frac{eta0}{t^{power\_t}} = 0.0025",
    ),
    (
        "a run of letters with a subscript the tag declares is one name, eta_0",
        r"eta_0 > 0; 0 < \gamma < 1; t \in \{0, 1, 2, \ldots\}",
        r"\frac{eta_0 \gamma^{t+1}}{eta_0 \gamma^{t}} = \gamma",
        r"\frac{eta_0 \gamma^{t+1}}{eta_0 \gamma^{t}} = 1 - \gamma",
    ),
    (
        "a sum written without brackets over terms that use its index after it covers them (d2l's likelihood)",
        r"w: real; x: vector; y: vector",
        r"\sum_{i=1}^n \frac{1}{2} + (y^{(i)} - w x^{(i)})^2 = \frac{n}{2} + \sum_{j=1}^n (y^{(j)} - w x^{(j)})^2",
        r"\sum_{i=1}^n \frac{1}{2} + (y^{(i)} - w x^{(i)})^2 = \frac{1}{2} + \sum_{j=1}^n (y^{(j)} - w x^{(j)})^2",
    ),
    (
        "≈ for a large n is read in the limit (a tag's n: large positive integer)",
        r"n: large positive integer",
        r"(1 - 1/n)^n \approx e^{-1}",
        r"(1 - 1/n)^n \approx e^{-2}",
    ),
    (
        "digits written after ≈ for a large n are the limit's, rounded",
        r"n: large positive integer",
        r"(1 - 1/n)^n \approx 0.37",
        r"(1 - 1/n)^n \approx 0.5",
    ),
    (
        "n \\to \\infty in the tag, beside a real x",
        r"n \to \infty; x: real",
        r"\left(1 + \frac{x}{n}\right)^n \approx e^{x}",
        r"\left(1 + \frac{x}{n}\right)^n \approx e^{2x}",
    ),
    (
        "= in a chain for a large n is still claimed for every n, ≈ in the limit",
        r"n: large positive integer",
        r"{n \choose 1} \frac{1}{n} \left(1-\frac{1}{n}\right)^{n-1} = \frac{n}{n-1} \left(1-\frac{1}{n}\right)^{n} \approx e^{-1}",
        r"{n \choose 1} \frac{1}{n} \left(1-\frac{1}{n}\right)^{n-1} = \frac{n-1}{n} \left(1-\frac{1}{n}\right)^{n} \approx e^{-1}",
    ),
    (
        "names written as a letter and digits, as PyTorch's docs write x1 and x2, declared in a list",
        r"x1, x2 \in \mathbb{R}; y \in \{1, -1\}",
        r"\max(0, -y (x1 - x2)) = \max(0, -(-y) (x2 - x1))",
        r"\max(0, -y (x1 - x2)) = \max(0, -y (x2 - x1))",
    ),
    (
        "a superscript written before the subscript, beta^t_2 as beta_2^t",
        r"0 < \beta_2 < 1; t \in \{1, 2, 3\}",
        r"\frac{1 - \beta^t_2}{1 - \beta_2} = \sum_{k=0}^{t-1} \beta_2^k",
        r"\frac{1 - \beta^t_2}{1 - \beta_2} = \sum_{k=0}^{t} \beta_2^k",
    ),
    (
        "a sum's bound written before its index",
        r"n \in \{1, 2, 3, \ldots\}",
        r"\sum^{n}_{i=1} i = \frac{n(n+1)}{2}",
        r"\sum^{n}_{i=1} i = \frac{n(n-1)}{2}",
    ),
    (
        "an inner product in angle brackets",
        r"\mathbf{u}, \mathbf{v}, \mathbf{w} \in \mathbb{R}^n",
        r"\langle \mathbf{u} + \mathbf{w}, \mathbf{v} \rangle = \langle \mathbf{u}, \mathbf{v} \rangle + \left\langle \mathbf{w}, \mathbf{v} \right\rangle",
        r"\langle \mathbf{u} + \mathbf{w}, \mathbf{v} \rangle = \langle \mathbf{u}, \mathbf{v} \rangle - \left\langle \mathbf{w}, \mathbf{v} \right\rangle",
    ),
    (
        "an increment Delta x_t is one name, defined at every step by the tag (its start Delta x_0 apart)",
        r"\Delta \mathbf{x}_t = \rho \Delta\mathbf{x}_{t-1} + (1 - \rho) \mathbf{h}_t^2; \Delta \mathbf{x}_0 = 0; 0 < \rho < 1",
        r"\Delta \mathbf{x}_2 = \rho (1 - \rho) \mathbf{h}_1^2 + (1 - \rho) \mathbf{h}_2^2",
        r"\Delta \mathbf{x}_2 = \rho \mathbf{h}_1^2 + (1 - \rho) \mathbf{h}_2^2",
    ),
    (
        "an increment of a Greek name beside the name itself",
        r"\Delta\theta = -\eta g; \theta: real; \eta > 0; g: real",
        r"\theta + \Delta\theta = \theta - \eta g",
        r"\theta + \Delta\theta = \theta + \eta g",
    ),
    (
        "a function labelled by a parenthesised superscript, declared any function, is refuted by one",
        r"f^{(2)}: function; \theta, \alpha \in \mathbb{R}",
        r"\theta - \alpha(\theta - f^{(2)}(\theta)) = (1 - \alpha)\theta + \alpha f^{(2)}(\theta)",
        r"\theta - \alpha(\theta - f^{(2)}(\theta)) = (1 + \alpha)\theta + \alpha f^{(2)}(\theta)",
    ),
    (
        "Delta alone, before a relation or an operation, stays the name the tag declares (a margin)",
        r"\Delta: positive; s: real",
        r"\max(0, s + \Delta) \ge s + \Delta",
        r"\max(0, s + \Delta) \le s + \Delta",
    ),
    (
        "a difference quotient in the increment Delta x, the variable of its limit",
        None,
        r"\lim_{\Delta x \to 0} \frac{(x + \Delta x)^2 - x^2}{\Delta x} = 2x",
        r"\lim_{\Delta x \to 0} \frac{(x + \Delta x)^2 - x^2}{\Delta x} = x",
    ),
    (
        "an empty group after a word that takes no argument only spaces it, \\log{} x",
        r"x > 0",
        r"\log{} x^2 = 2 \log{} x",
        r"\log{} x^2 = 3 \log{} x",
    ),
    (
        "an empty group after a product sign, a \\cdot{} b",
        r"a, b \in \mathbb{R}",
        r"a \cdot{} (b + 1) = a b + a",
        r"a \cdot{} (b + 1) = a b + 1",
    ),
]


@pytest.mark.parametrize("name, tag, correct, wrong", PAIRS, ids=[p[0] for p in PAIRS])
def test_correct_passes_and_wrong_fails(tmp_path, name, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.parametrize("quoted", ['``p"', "``p''", "`p'"])
def test_a_word_in_tex_quotes_is_read_as_the_word_in_text_type(tmp_path, quoted):
    correct = rf"P({quoted}) = \frac{{5}}{{210}} \times \frac{{36}}{{210}} = 0.004081632653"
    wrong = rf"P({quoted}) = \frac{{5}}{{210}} \times \frac{{36}}{{210}} = 0.0398"
    as_text = [
        v for v, _ in verdicts(tmp_path, correct.replace(quoted, r"\text{p}"), wrong.replace(quoted, r"\text{p}"))
    ]
    assert as_text == ["PASS", "FAIL"]
    assert [v for v, _ in verdicts(tmp_path, correct, wrong)] == as_text


@pytest.mark.parametrize("label", [r"W^*_{\tau}", r"f^{(j)}"])
def test_an_applied_name_with_a_label_nothing_defines_is_an_arbitrary_function(tmp_path, label):
    """Holding for a generic function, the identity holds whatever the function is; refuted by one, the author may
    mean a particular function, so the refutation is UNKNOWN with that reason, unless the sides differ by the same
    amount whichever function it is, which no function can close."""
    tag = r"\theta, \alpha \in \mathbb{R}"
    left = rf"\theta - \alpha(\theta - {label}(\theta))"
    holds = verdict(tmp_path, tag, rf"{left} = (1 - \alpha)\theta + \alpha {label}(\theta)")
    assert holds[0] == "PASS", holds
    moving_gap = verdict(tmp_path, tag, rf"{left} = (1 - \alpha)\theta + \alpha {label}(\theta)^2")
    assert moving_gap[0] == "UNKNOWN" and "may mean a particular function" in moving_gap[1], moving_gap
    fixed_gap = verdict(tmp_path, tag, rf"{left} = (1 + \alpha)\theta + \alpha {label}(\theta)")
    assert fixed_gap[0] == "FAIL" and "no choice solves the formula" in fixed_gap[1], fixed_gap


def test_an_increment_nothing_defines_is_not_bound(tmp_path):
    """\\Delta t in a formula whose tag says nothing of it: one name, the change of t, left unbound."""
    result, detail = verdict(tmp_path, r"\alpha: positive; m: real", r"\Delta t = \alpha m")
    assert result == "UNKNOWN" and "Delta_t" in detail, detail


def test_a_tex_quote_that_closes_no_word_is_not_read(tmp_path):
    v, detail = verdicts(tmp_path, r"P(``p) = \frac{5}{210}")[0]
    assert v in ("UNPARSEABLE", "SKIPPED") and "unexpected '`'" in detail, (v, detail)


@pytest.mark.parametrize(
    "latex, reason",
    [
        (r"2 + 2 \textrm{ bytes} = 32 \textrm{ bits}", "different units (bits, bytes)"),  # bytes of the last term?
        (r"\log 256 \textrm{ bits} = 1 \textrm{ byte}", "different units (bits, byte)"),  # the bits may set the base
        (r"70 \times 10^9 \times 2 = 140\,\text{GB}", "a value in GB beside a side written without the unit"),
        (r"70 \times 10^9 \times 2 = 140\,\text{GB/s}", "a value in GB/s beside a side written without the unit"),
        (r"-\frac{1}{2}\log\frac{1}{2} - \frac{1}{2}\log\frac{1}{2} = 1 \text{ bit}", "\\log of no written base"),
    ],
)
def test_a_unit_that_could_change_the_claim_is_not_set_aside(tmp_path, latex, reason):
    v, detail = verdict(tmp_path, "", latex)
    assert v == "UNKNOWN" and reason in detail, (v, detail)


def test_a_side_that_multiplies_by_the_units_power_of_ten_counts_that_unit(tmp_path):
    # a blog post's KV cache of Qwen2.5-7B: 2 * batch * tokens * layers * hidden * bytes * 10^{-9} GB
    cache = r"2 \cdot 1 \cdot 4096 \cdot 28 \cdot 3584 \cdot {} \cdot 10^{{-9}} \approx 1.64 \text{{GB}}"
    assert_page_pass_and_fail(tmp_path, "", cache.format(2), cache.format(4))


@pytest.mark.parametrize(
    "latex",
    [
        r"2 \cdot 4096 \cdot 2 / 10^{-9} \approx 1.64 \text{GB}",  # divided by the power: not a conversion to GB
        r"16384 \cdot 10^{-6} = 0.016384 \text{GB}",  # 10^{-6} turns bytes into MB, not GB
    ],
)
def test_a_side_without_the_units_own_power_of_ten_may_count_a_smaller_unit(tmp_path, latex):
    v, detail = verdict(tmp_path, "", latex)
    assert v == "UNKNOWN" and "may count a smaller unit" in detail, (v, detail)


def test_a_multiple_of_bytes_is_decided_only_where_its_two_counts_agree(tmp_path):
    # a gigabyte is 10^9 bytes by its SI prefix and 2^30 as memory is often counted: both refute 0.5 Z GB, and the
    # first alone gives 2 Z GB; a gibibyte is 2^30 bytes only
    weights = r"\text{Bytes}_\text{weights} = Z \times 10^9 \times 2 ~ \text{Bytes} = "
    assert_page_pass_and_fail(
        tmp_path, "Z: positive", r"2 \times 2^{30} ~ \text{Bytes} = 2 ~ \text{GiB}", weights + r"0.5 Z ~ \text{GBytes}"
    )
    result, detail = verdict(tmp_path, "Z: positive", weights + r"2 Z ~ \text{GBytes}")
    assert result == "UNKNOWN" and "10^9 bytes, by its SI prefix, or as 2^30 bytes" in detail, (result, detail)
    assert verdicts(tmp_path, r"1 \textrm{ byte} = 8 \textrm{ GB}")[0][0] == "FAIL"


def test_a_value_in_nats_reads_a_log_of_no_written_base_as_the_natural_one(tmp_path):
    # bits beside such a \log stay undecided (above): the unit and the natural default disagree there, not here
    kl = r"0.7 \log \frac{0.7}{0.5} + 0.3 \log \frac{0.3}{0.5} = "
    assert_page_pass_and_fail(tmp_path, "", kl + r"0.082 \text{ nats}", kl + r"0.036 \text{ nats}")


def test_bits_and_bytes_are_converted_at_eight_bits_to_the_byte(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        "",
        r"4 \times 256 \textrm{ bit} = 128 \textrm{ bytes}",
        r"4 \times 256 \textrm{ bit} = 1024 \textrm{ bytes}",
    )
    assert [
        v for v, _ in verdicts(tmp_path, r"2 \text{ bytes} = 16 \text{ bits}", r"2 \text{ bytes} = 2 \text{ bits}")
    ] == [
        "PASS",
        "FAIL",
    ]


def test_a_rate_after_a_number_is_the_unit_of_that_value(tmp_path):
    throughput = r"\text{throughput} = \frac{20 \times 5}{0.755} = "
    assert_page_pass_and_fail(
        tmp_path, "", throughput + r"132.45 \text{ samples/second}", throughput + r"123.45 \text{ samples/second}"
    )
    assert_page_pass_and_fail(
        tmp_path, "", r"2 \times 512 = 1024 \text{ tokens/s}", r"2 \times 512 = 1000 \text{ tokens/s}"
    )


def test_a_unit_after_a_term_of_names_is_the_unit_of_that_count(tmp_path):
    tag = r"N, D, B, S, H: positive integers"
    assert_page_pass_and_fail(
        tmp_path, tag, r"2 N D + 4 N D = 6 N D \text{ FLOPs}", r"2 N D + 4 N D = 8 N D \text{ FLOPs}"
    )
    powers = r"8 N H^2 + 16 N H^2 = {} N H^2 \text{ FLOPs}"
    assert_page_pass_and_fail(tmp_path, tag, powers.replace("{}", "24"), powers.replace("{}", "20"))
    per_layer = r"\text{Bytes}_\text{layer} = B \times S \times H \times 2; " + tag
    written = r"2 \times N \times \text{Bytes}_\text{layer} ~ \text{Bytes} = {} \times N \times B \times S \times H ~ \text{Bytes}"
    assert_page_pass_and_fail(tmp_path, per_layer, written.replace("{}", "4"), written.replace("{}", "8"))


def test_a_word_after_a_number_that_is_no_unit_is_still_a_name(tmp_path):
    v, detail = verdict(tmp_path, "", r"2 \times 3 = 6 \text{ apples}")
    assert v == "UNKNOWN" and "apples" in detail, (v, detail)


ROW_SUMS = r"r_i = \sum_{j \neq i} |a_{ij}|"


def test_a_written_value_of_an_arbitrary_function_at_particular_arguments_is_not_refuted_by_it(tmp_path):
    v, detail = verdict(tmp_path, ROW_SUMS, r"r_2 = 0.2")
    assert v == "UNKNOWN" and "a claim about a particular function" in detail, (v, detail)


def test_a_written_value_is_refuted_when_the_tag_declares_any_function_meant(tmp_path):
    v, detail = verdict(tmp_path, ROW_SUMS + "; a: function", r"r_2 = 0.2")
    assert v == "FAIL" and "left arbitrary" in detail, (v, detail)
    assert verdict(tmp_path, r"f: function", r"f(2) + f(2) = 2 f(2)")[0] == "PASS"


def test_a_claim_with_a_variable_is_still_refuted_by_an_arbitrary_function_the_tag_uses(tmp_path):
    v, detail = verdict(tmp_path, r"g(x) = f(x) + 1; x: real", r"g(x) - f(x) = 2")
    assert v == "FAIL" and "left arbitrary" in detail, (v, detail)
    assert verdict(tmp_path, r"g(x) = f(x) + 1; x: real", r"g(x) - f(x) = 1")[0] == "PASS"


MATRIX = r"\mathbf{A} = \begin{bmatrix} 1.0 & 0.1 & 0.1 \\ 0.2 & 3.0 & 0.3 \\ 0.1 & 0.5 & 5.0 \end{bmatrix}"


@pytest.mark.parametrize(
    "tag, correct, wrong",
    [
        (MATRIX, r"a_{21} = 0.2", r"a_{12} = 0.2"),
        (MATRIX, r"A_{32} = 0.5", r"A_{23} = 0.5"),
        (MATRIX, r"\mathbf{A}_{2,3} + a_{1,1} = 1.3", r"\mathbf{A}_{2,3} + a_{1,1} = 1.4"),
        (MATRIX + r"; r_i = \sum_{j \neq i} |a_{ij}|", r"r_2 = 0.5", r"r_2 = 3.5"),
        (
            MATRIX + r"; r_i = \sum_{j \neq i} |a_{ij}|",
            r"[a_{33} - r_3, a_{33} + r_3] = [4.4, 5.6]",
            r"[a_{33} - r_3, a_{33} + r_3] = [4.5, 5.5]",
        ),
    ],
)
def test_an_entry_of_a_matrix_the_tag_writes_out(tmp_path, tag, correct, wrong):
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


@pytest.mark.parametrize(
    "tag, latex, reason",
    [
        (MATRIX, r"a_{41} = 0.2", "no entry at the index 4"),
        (MATRIX, r"\sum_{j=1}^{3} a_{1j} = 1.2", "a sum with written bounds"),
        (MATRIX + r"; a: real", r"a_{21} = 0.2", "a is a number, so a_21 is a name of its own"),
    ],
)
def test_an_entry_the_checker_does_not_read_is_unknown_with_the_reason(tmp_path, tag, latex, reason):
    v, detail = verdict(tmp_path, tag, latex)
    assert v == "UNKNOWN" and reason in detail, (v, detail)


def test_a_raised_word_the_formula_never_writes_alone_stays_a_label(tmp_path):
    """W^{\\text{res}}: a variant of W named res, refuted as a number of its own (read as W to the power res, res would
    be a name nothing binds)."""
    result, detail = verdict(tmp_path, r"W: real; W^{\text{res}}: real", r"W^{\text{res}} = W + 1")
    assert result == "FAIL" and " W^res=" in detail and "doc_" not in detail, (result, detail)


@pytest.mark.parametrize(
    "clauses, words",
    [
        (["eta_0 = 0.01", "power\\_t = 0.25", "t = 16"], ("power\\_t", "eta")),
        (["lr: positive"], ("lr",)),
        (["a: real", "b: real", "ab = 1"], ()),  # a times b: its letters are names of the tag
        (["xy > 0"], ()),  # two letters alone: as likely a product
        (["x1, x2 \\in \\mathbb{R}", "dx \\in \\mathbb{R}"], ("dx", "x1", "x2")),  # a set marks two letters too
        (["softmax = 3", "exp: real"], ()),  # a function's name stays one
    ],
)
def test_which_runs_of_letters_a_tag_declares_as_one_name(clauses, words):
    assert tag_words(clauses) == words


def test_a_declared_run_of_letters_is_italicised_outside_words_in_text_type():
    latex = italicise(r"\frac{eta_0}{t} + \text{eta} + \eta + beta", ("eta",))
    assert latex == r"\frac{\mathit{eta}_0}{t} + \text{eta} + \eta + beta"


def test_a_sum_is_widened_only_over_its_own_side():
    widened = sums_over_the_rest(r"\sum_{i=1}^n a + b_i = c + d_i \quad x", ["i"])
    assert widened == r"\sum_{i=1}^n \left( a + b_i \right) = c + d_i \quad x"
    assert sums_over_the_rest(r"\sum_{j=1}^n a + b_i = c", ["i"]) is None  # no sum over i to widen


def test_a_law_beside_parameters_of_its_own_may_be_a_particular_model(tmp_path):
    """-log P(y | x) = (y - w x)^2 / (2σ^2) states a model's law in w and σ; an arbitrary joint law refutes nothing."""
    result, detail = verdict(
        tmp_path, r"\sigma: positive; w: real", r"-\log P(y \mid x) = \frac{(y - w x)^2}{2\sigma^2}"
    )
    assert result == "UNKNOWN" and "particular law" in detail, (result, detail)
    result, detail = verdict(tmp_path, "", r"\sum_x p(x \mid c) = 2")  # in numbers only: refuted by every law
    assert result == "FAIL", (result, detail)


def test_a_sum_up_to_a_growing_number_is_not_evaluated_in_the_limit(tmp_path):
    """Σ_{i=1}^n 1/i ≈ ln n + γ as n grows: a sum of 10^24 terms is not evaluated, so the link is undecided."""
    result, detail = verdict(
        tmp_path, r"n: large positive integer", r"\sum_{i=1}^{n} \frac{1}{i} \approx \ln n + 0.5772"
    )
    assert result == "UNKNOWN" and "grow" in detail, (result, detail)


SOFTMAX_OF_WRITTEN = (
    r"\sigma\left(\begin{bmatrix} 0.1 & 0.2 & 0.3 \end{bmatrix}\right) \approx"
    r" \begin{bmatrix} 0.3006 & 0.3322 & {} \end{bmatrix}"
)


def test_a_result_s_output_vector_applied_to_a_written_vector_is_no_product(tmp_path):
    # softmax_jacobian's σ is the softmax output vector; σ([0.1 0.2 0.3]) applies a function, never σ times the vector
    v, detail = verdict(tmp_path, "softmax_jacobian", SOFTMAX_OF_WRITTEN.replace("{}", "0.3672"))
    assert v == "UNKNOWN" and "applies the vector sigma to a written vector" in detail, (v, detail)
    tag = r"softmax_jacobian; \sigma = \operatorname{softmax}"
    correct, wrong = SOFTMAX_OF_WRITTEN.replace("{}", "0.3672"), SOFTMAX_OF_WRITTEN.replace("{}", "0.3622")
    assert_page_pass_and_fail(tmp_path, tag, correct, wrong)


def test_a_bra_ket_in_angle_brackets_is_not_read_as_a_mean(tmp_path):
    # \langle u | v \rangle is neither a mean nor the inner product the reader knows: it stays undecided
    result, detail = verdict(tmp_path, r"u, v \in \mathbb{R}^n", r"\langle u | v \rangle = 1")
    assert result == "UNKNOWN" and "langle" in detail, (result, detail)


@pytest.mark.parametrize(
    "latex",
    [
        r"n! \approx 2.507 \sqrt{n} (n/e)^n",  # Stirling's: as n grows, not a coefficient at every n
        r"x^2 \approx 1.41 x",
        r"\sqrt{2} x \approx 1.41 y",
    ],
)
def test_approximately_equal_expressions_that_are_not_proportional_are_not_read(tmp_path, latex):
    found = verdict(tmp_path, r"x > 0; y > 0; n: positive integer", latex)
    assert found[0] == "UNKNOWN", found


def test_a_bracket_holding_more_than_one_comparison_is_not_read(tmp_path):
    result, detail = verdict(tmp_path, r"x, y \in \mathbb{R}", r"[x = y = 1] = 1")
    assert result == "UNKNOWN" and "a bracket holding a relation" in detail, (result, detail)
