"""Functions a tag defines with square brackets, f[x] = x^2 + 1, applied as f[...] in the formula (derive.docs.bracket_functions)."""

import pytest
from checking import verdict

from derive.docs.bracket_functions import applications_in_parentheses, bracket_definitions

# (tag, correct formula, wrong variant)
PAIRS = [
    (r"f[x] = x^2 + 1", r"f[2] = 5", r"f[2] = 6"),
    (
        r"\text{sig}[z] = \frac{1}{1+\exp[-z]}; z: real",
        r"\text{sig}[z] + \text{sig}[-z] = 1",
        r"\text{sig}[z] - \text{sig}[-z] = 1",
    ),
    (
        r"\text{cosine}[u, v] = \frac{u \cdot v}{\|u\| \|v\|}; \mathbf{u}: vector; \beta > 0",
        r"\text{cosine}[\mathbf{u}, \beta \mathbf{u}] = 1",
        r"\text{cosine}[\mathbf{u}, -\beta \mathbf{u}] = 1",
    ),
    (  # a word in \mbox, as a book's equations write every function
        r"\mbox{sig}[z] = \frac{1}{1+\exp[-z]}",
        r"1-\mbox{sig}[z] = \mbox{sig}[-z]",
        r"1-\mbox{sig}[z] = \mbox{sig}[-z] - 1",
    ),
    (  # one bracket function inside another's argument
        r"\text{f}[x] = x^2 + \sin[x]; g[x] = 2 x; x: real",
        r"\text{f}[g[x]] = 4 x^2 + \sin[2 x]",
        r"\text{f}[g[x]] = 2 x^2 + \sin[2 x]",
    ),
]


@pytest.mark.parametrize("tag, correct, wrong", PAIRS)
def test_a_function_defined_with_square_brackets_is_applied_with_them(tmp_path, tag, correct, wrong):
    holds = verdict(tmp_path, tag, correct)
    assert holds[0] == "PASS", holds
    fails = verdict(tmp_path, tag, wrong)
    assert fails[0] == "FAIL", fails


BIAS_VARIANCE = (
    r"\bigl(\mbox{f}[x,\boldsymbol\phi]-y[x]\bigr)^2 = \bigl(\mbox{f}[x,\boldsymbol\phi]-\mu[x]\bigr)^2"
    r" + TWO\bigl(\mbox{f}[x,\boldsymbol\phi]-\mu[x]\bigr)\bigl(\mu[x]-y[x]\bigr) + \bigl(\mu[x]-y[x]\bigr)^2"
)


def test_a_function_the_tag_declares_is_applied_with_square_brackets(tmp_path):
    # a book's f[x, phi], y[x] and mu[x], declared arbitrary functions: applied, as f(x, phi) is, not entries of vectors
    tag = r"\mbox{f}: function; y: function; \mu: function"
    holds = verdict(tmp_path, tag, BIAS_VARIANCE.replace("TWO", "2"))
    assert holds[0] == "PASS", holds
    fails = verdict(tmp_path, tag, BIAS_VARIANCE.replace("TWO", ""))
    assert fails[0] == "FAIL" and "any function" in fails[1], fails
    assert bracket_definitions([r"\mbox{f}: function", r"s: vector"])[1] == (r"\mbox{f}",)
    assert bracket_definitions([r"E: function"])[1] == ()  # E[X] keeps its meaning


def test_only_the_names_a_tag_defines_so_are_rewritten():
    clauses, heads = bracket_definitions([r"\text{f}[x] = x^2", r"s: vector"])
    assert heads == (r"\text{f}",) and clauses[0] == r"\text{f}(x) = x^2", clauses
    written = applications_in_parentheses(r"\text{f}[s[0]] + s[1] + \exp[f]", heads)
    assert written == r"\text{f}(s[0]) + s[1] + \exp[f]", written
    assert bracket_definitions([r"s[0] = 1"])[1] == ()  # an entry given a value defines no function


@pytest.mark.parametrize("expectation", ["E", r"\mathbb{E}", r"\operatorname{E}"])
def test_an_expectation_given_a_name_in_the_tag_defines_the_name_not_a_function(tmp_path, expectation):
    # E[x] = \mu states the mean of x: mu is that mean (as \mu = E[x] says), never a function E constant at mu,
    # which refuted E[(x - mu)/sigma] = 0 with mu a number of the formula's own
    assert bracket_definitions([rf"{expectation}[x] = \mu"])[1] == ()
    tag = rf"x: random variable; {expectation}[x] = \mu; \sigma > 0"
    holds = verdict(tmp_path, tag, r"E[\frac{x-\mu}{\sigma}] = \frac{\mu - \mu}{\sigma} = 0")
    assert holds[0] == "PASS", holds
    fails = verdict(tmp_path, tag, r"E[\frac{x-\mu}{\sigma}] = \frac{\mu - \mu}{\sigma} = 1")
    assert fails[0] == "FAIL", fails


def test_an_expectation_set_to_an_expression_in_the_tag_is_refused_with_the_reason(tmp_path):
    # E[x^2] = \sigma^2 + \tau^2 constrains the law the tag's random variable is drawn from, which is not modelled: it
    # is neither a function E nor a definition (two names it would define), so the formula is UNKNOWN, where it had
    # been refuted; beside E[x] = \sigma, it defines \tau (derive.docs.solved_moments)
    tag = r"x: random variable; E[x^2] = \sigma^2 + \tau^2; \sigma > 0"
    kept = verdict(tmp_path, tag, r"E[(x-\sigma)^2] = \tau^2")
    assert kept[0] == "UNKNOWN" and "condition on the law" in kept[1], kept
    assert verdict(tmp_path, tag.replace(r"\sigma > 0", r"E[x] = \sigma"), r"E[(x-\sigma)^2] = \tau^2")[0] == "PASS"
    # so does a number: x is drawn with any law, and E[x + 1] = 1 is not refuted by a law of another mean
    kept = verdict(tmp_path, r"x: random variable; E[x] = 0", r"E[x + 1] = 1")
    assert kept[0] == "UNKNOWN" and "condition on the law" in kept[1], kept
