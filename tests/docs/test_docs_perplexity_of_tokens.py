"""A perplexity of the tokens a model scores, as course notes write it: the model's probability of a token given
its context (p(x_i \\mid x_{1:i-1})), named by the tag as the result's q_i, is no distribution p, so a bare PPL
beside it is the model's on the tokens; a perplexity applied to the run x_{1:T} is the model's on those T tokens;
and one counted with a letter nothing defines (\\sum_{i=1}^L) stays UNKNOWN, as which tokens are scored is not read."""

import pytest

from tests.docs.checking import verdict

RENAMED = r"perplexity; p(x_i \mid x_{1:i-1}) = q_i"


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\operatorname{PPL} = \exp(\frac{1}{T} \sum_{i=1}^T \log \frac{1}{p(x_i \mid x_{1:i-1})})", "PASS"),
        (r"\operatorname{PPL} = \exp(\sum_{i=1}^T \log \frac{1}{p(x_i \mid x_{1:i-1})})", "FAIL"),
        (r"\operatorname{PPL} = \exp(\frac{1}{T} \sum_{i=1}^T \log p(x_i \mid x_{1:i-1}))", "FAIL"),
    ],
)
def test_a_tokens_probability_given_its_context_is_a_q_not_the_distribution(tmp_path, formula, expected):
    found = verdict(tmp_path, RENAMED, formula)
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "formula, expected",
    [
        (r"\text{perplexity}_p(x_{1:T}) = \exp\left(\frac{1}{T} \sum_{t=1}^T \log \frac{1}{q_t}\right)", "PASS"),
        (r"\text{perplexity}_p(x_{1:T}) = \exp\left(\frac{1}{T} \sum_{t=1}^T \log q_t\right)", "FAIL"),
        (r"\operatorname{PPL}(x_{1:T}) = \left(\prod_{t=1}^T q_t\right)^{-1/T}", "PASS"),
        (r"\operatorname{PPL}(x_{1:T}) = \left(\prod_{t=1}^T q_t\right)^{1/T}", "FAIL"),
    ],
)
def test_a_perplexity_of_the_run_of_tokens_is_the_models_on_them(tmp_path, formula, expected):
    found = verdict(tmp_path, "perplexity", formula)
    assert found[0] == expected, found


@pytest.mark.parametrize(
    "tag, formula",
    [
        (RENAMED, r"\operatorname{PPL} = \exp(\frac{1}{L} \sum_{i=1}^L \log \frac{1}{p(x_i \mid x_{1:i-1})})"),
        (RENAMED, r"\operatorname{PPL} = \exp(\sum_{i=1}^L \log \frac{1}{p(x_i \mid x_{1:i-1})})"),
        ("perplexity", r"\text{perplexity}_p(x_{1:L}) = \exp\left(\frac{1}{L} \sum_{t=1}^L \log \frac{1}{q_t}\right)"),
        ("perplexity", r"\text{perplexity}_p(a, b, c) = (q_1 q_2 q_3)^{-1/3}"),
    ],
)
def test_tokens_counted_with_a_letter_nothing_defines_are_not_read(tmp_path, tag, formula):
    found = verdict(tmp_path, tag, formula)
    assert found[0] == "UNKNOWN", found
    assert "not read" in found[1], found
