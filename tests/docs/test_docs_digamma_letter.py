"""\\digamma, the letter PyTorch's torch.special docstrings write for the digamma function, is a name as \\psi is."""

from checking import assert_page_pass_and_fail

DIGAMMA = r"\digamma(x) = \frac{d}{dx} \ln\left(\Gamma\left(x\right)\right) = "


def test_the_digamma_letter_names_the_value_of_its_chain(tmp_path):
    assert_page_pass_and_fail(
        tmp_path,
        r"\Gamma: the gamma function; x > 0",
        DIGAMMA + r"\frac{\Gamma'(x)}{\Gamma(x)}",
        DIGAMMA + r"\frac{\Gamma(x)}{\Gamma'(x)}",
    )
